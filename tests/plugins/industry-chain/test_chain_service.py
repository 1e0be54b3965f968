"""The industry-chain service called from Python through its typelib."""
import json
import os
import tempfile
import unittest

import gi
gi.require_version('Json', '1.0')
gi.require_version('Zhaoshang', '1.0')
gi.require_version('ZhaoshangChain', '1.0')
from gi.repository import GLib, Json, Zhaoshang, ZhaoshangChain  # noqa: E402


class ChainServiceTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.store = Zhaoshang.Store.create(os.path.join(self.dir.name, 'chain.db'))
        self.store.load_seed()
        self.engine = Zhaoshang.PluginEngine.new(self.store)
        self.engine.load_all()

    def tearDown(self):
        self.engine.unload_all()
        del self.engine, self.store
        self.dir.cleanup()

    def service(self):
        service = self.engine.get_service(ZhaoshangChain.ChainService)
        self.assertIsNotNone(service, 'the industry-chain plugin publishes no service')
        return service

    def test_list_chains_and_map(self):
        chains = json.loads(Json.to_string(self.service().list_chains(self.store), False))['chains']
        self.assertIn('nev', [chain['code'] for chain in chains])
        chain_map = json.loads(Json.to_string(self.service().get_map(self.store, 'nev', None), False))
        self.assertEqual(chain_map['chain']['code'], 'nev')
        self.assertGreater(len(chain_map['links']), 0)

    def test_errors_arrive_as_glib_errors(self):
        with self.assertRaises(GLib.Error) as caught:
            self.service().get_map(self.store, 'no-such-chain', None)
        self.assertIn('no-such-chain', caught.exception.message)
        self.assertTrue(caught.exception.matches(Zhaoshang.error_quark(), Zhaoshang.Error.NOT_FOUND))

    def test_withdrawn_when_unloaded(self):
        self.service()
        self.engine.unload_all()
        self.assertIsNone(self.engine.get_service(ZhaoshangChain.ChainService))


if __name__ == '__main__':
    unittest.main()
