"""The flying-zone service called from Python through its typelib."""
import json
import os
import tempfile
import unittest

import gi
gi.require_version('Json', '1.0')
gi.require_version('Zhaoshang', '1.0')
gi.require_version('ZhaoshangFlyingZone', '1.0')
from gi.repository import GLib, Json, Zhaoshang, ZhaoshangFlyingZone  # noqa: E402


class FzBookTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.store = Zhaoshang.Store.create(os.path.join(self.dir.name, 'fz.db'))
        self.store.load_seed()
        self.engine = Zhaoshang.PluginEngine.new(self.store)
        self.engine.load_all()

    def tearDown(self):
        self.engine.unload_all()
        del self.engine, self.store
        self.dir.cleanup()

    def book(self):
        book = self.engine.get_service(ZhaoshangFlyingZone.FzBook)
        self.assertIsNotNone(book, 'the flying-zone plugin publishes no book')
        return book

    def add(self, type_name, **fields):
        record_type = self.store.lookup_record_type(type_name)
        record = Zhaoshang.Record.new(record_type)
        for name, value in fields.items():
            record_type.set_text(record, name, str(value))
        return self.store.create_record(record)

    def build(self):
        """A zone of 江苏省 in 霍尔果斯市, 50/50 tax and 40/60 output for
        all of 2025; one firm there all year with 100 万元 of tax and 200 of
        output; 30 settled."""
        firm = Zhaoshang.Firm.new()
        firm.set_name('江苏飞地测试有限公司')
        firm.set_uscc('914403001922038216')
        firm_id = self.store.add_firm(firm)
        partner = self.add('flying_zone.partner', name='江苏省', region_code='320000')
        zone = self.add('flying_zone.zone', name='江苏霍尔果斯产业园', host_county='654004', partner=partner)
        self.add('flying_zone.agreement', zone=zone, valid_from='2025-01-01', valid_to='2025-12-31',
                 tax_partner=50, tax_host=50, output_partner=40, output_host=60)
        self.add('flying_zone.placement', zone=zone, firm=firm_id, valid_from='2025-01-01')
        self.add('flying_zone.realised', firm=firm_id, year=2025, tax=100, output=200)
        self.add('flying_zone.settlement', zone=zone, year=2025, amount=30)
        return zone

    def test_ledger(self):
        zone = self.build()
        ledger = json.loads(Json.to_string(self.book().get_ledger(self.store, 2025, 0), False))
        self.assertEqual(len(ledger['rows']), 1)
        row = ledger['rows'][0]
        self.assertEqual((row['zone_id'], row['tax_partner'], row['output_partner']), (zone, 50, 80))
        summary = ledger['zones'][0]
        self.assertEqual((summary['due_partner'], summary['settled'], summary['shortfall'], summary['flag']),
                         (50, 30, 20, 'short'))

    def test_report_totals_agree(self):
        self.build()
        by_park = json.loads(Json.to_string(self.book().get_report(self.store, 2025, 'park'), False))
        by_partner = json.loads(Json.to_string(self.book().get_report(self.store, 2025, 'partner'), False))
        self.assertEqual(by_park['total'], by_partner['total'])

    def test_errors_arrive_as_glib_errors(self):
        with self.assertRaises(GLib.Error) as caught:
            self.book().get_report(self.store, 2025, 'county')
        self.assertIn('county', caught.exception.message)
        with self.assertRaises(GLib.Error) as caught:
            self.book().get_ledger(self.store, 1800, 0)
        self.assertIn('1800', caught.exception.message)

    def test_withdrawn_when_unloaded(self):
        self.book()
        self.engine.unload_all()
        self.assertIsNone(self.engine.get_service(ZhaoshangFlyingZone.FzBook))


if __name__ == '__main__':
    unittest.main()
