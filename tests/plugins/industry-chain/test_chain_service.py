"""The industry-chain service called from Python through its typelib."""
import unittest

import gi
gi.require_version('ZhaoshangChain', '1.0')
from gi.repository import GLib, Zhaoshang, ZhaoshangChain  # noqa: E402

from service_case import ServiceTestCase, parsed  # noqa: E402


class ChainServiceTest(ServiceTestCase):
    def chains(self):
        return self.service(ZhaoshangChain.ChainService)

    def test_list_chains_and_map(self):
        chains = parsed(self.chains().list_chains(self.store))['chains']
        self.assertIn('nev', [chain['code'] for chain in chains])
        chain_map = parsed(self.chains().get_map(self.store, 'nev', None))
        self.assertEqual(chain_map['chain']['code'], 'nev')
        self.assertGreater(len(chain_map['links']), 0)

    def test_errors_arrive_as_glib_errors(self):
        with self.assertRaises(GLib.Error) as caught:
            self.chains().get_map(self.store, 'no-such-chain', None)
        self.assertIn('no-such-chain', caught.exception.message)
        self.assertTrue(caught.exception.matches(Zhaoshang.error_quark(), Zhaoshang.Error.NOT_FOUND))

    def test_withdrawn_when_unloaded(self):
        self.assert_withdrawn_when_unloaded(ZhaoshangChain.ChainService)


if __name__ == '__main__':
    unittest.main()
