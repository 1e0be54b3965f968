"""The core is usable from Python through GObject Introspection."""
import os
import tempfile
import unittest

import gi
gi.require_version('Zhaoshang', '1.0')
from gi.repository import GLib, Zhaoshang  # noqa: E402


class StoreTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, 'py.db')
        self.store = Zhaoshang.Store.create(self.path)
        self.store.load_seed()

    def tearDown(self):
        del self.store
        self.dir.cleanup()

    def test_add_and_find_firm(self):
        firm = Zhaoshang.Firm.new()
        firm.set_name('霍尔果斯金麦馕食品有限公司')
        firm.set_uscc('91440300708461136T')
        firm.set_sectors(['c05-naan-food'])
        firm_id = self.store.add_firm(firm)
        self.assertGreater(firm_id, 0)
        found = self.store.list_firms('馕', None, 0, 0)
        self.assertEqual([f.get_id() for f in found], [firm_id])
        self.assertEqual(found[0].get_sectors(), ['c05-naan-food'])
        self.assertEqual(found[0].props.ownership, Zhaoshang.Ownership.UNSPECIFIED)

    def test_errors_are_exceptions(self):
        firm = Zhaoshang.Firm.new()
        firm.set_name('某公司')
        firm.set_uscc('91310000607216718K')
        with self.assertRaises(GLib.Error) as caught:
            self.store.add_firm(firm)
        self.assertTrue(caught.exception.matches(Zhaoshang.error_quark(), Zhaoshang.Error.INVALID))
        self.assertIn('uscc', caught.exception.message)
        self.assertEqual(self.store.count_firms(None, None), 0)

    def test_changed_signal(self):
        seen = []
        self.store.connect('changed', lambda store, entity, id_, kind: seen.append((entity, kind)))
        firm = Zhaoshang.Firm.new()
        firm.set_name('伊宁市丝路纺织有限公司')
        firm.set_uscc('914403001922038216')
        self.store.add_firm(firm)
        self.assertEqual(seen, [('firm', Zhaoshang.ChangeKind.CREATE)])

    def test_store_is_initable(self):
        store = Zhaoshang.Store(path=self.path)
        store.init(None)
        self.assertEqual(store.props.path, self.path)
        self.assertFalse(store.is_read_only())
        self.assertGreater(len(store.list_sectors(0)), 0)

    def test_initable_refuses_missing_database(self):
        store = Zhaoshang.Store(path=os.path.join(self.dir.name, 'missing.db'))
        with self.assertRaises(GLib.Error) as caught:
            store.init(None)
        self.assertIn('init', caught.exception.message)
        self.assertFalse(os.path.exists(os.path.join(self.dir.name, 'missing.db')))


if __name__ == '__main__':
    unittest.main()
