"""The flying-zone service called from Python through its typelib."""
import unittest

import gi
gi.require_version('ZhaoshangFlyingZone', '1.0')
from gi.repository import GLib, ZhaoshangFlyingZone  # noqa: E402

from service_case import ServiceTestCase, parsed  # noqa: E402


class FzBookTest(ServiceTestCase):
    def book(self):
        return self.service(ZhaoshangFlyingZone.FzBook)

    def build(self):
        """A zone of 江苏省 in 霍尔果斯市, 50/50 tax and 40/60 output for
        all of 2025; one firm there all year with 100 万元 of tax and 200 of
        output; 30 settled."""
        firm = self.add_firm('江苏飞地测试有限公司')
        partner = self.add('flying_zone.partner', name='江苏省', region_code='320000')
        zone = self.add('flying_zone.zone', name='江苏霍尔果斯产业园', host_county='654004', partner=partner)
        self.add('flying_zone.agreement', zone=zone, valid_from='2025-01-01', valid_to='2025-12-31',
                 tax_partner=50, tax_host=50, output_partner=40, output_host=60)
        self.add('flying_zone.placement', zone=zone, firm=firm, valid_from='2025-01-01')
        self.add('flying_zone.realised', firm=firm, year=2025, tax=100, output=200)
        self.add('flying_zone.settlement', zone=zone, year=2025, amount=30)
        return zone

    def test_ledger(self):
        zone = self.build()
        ledger = parsed(self.book().get_ledger(self.store, 2025, 0))
        self.assertEqual(len(ledger['rows']), 1)
        row = ledger['rows'][0]
        self.assertEqual((row['zone_id'], row['tax_partner'], row['output_partner']), (zone, 50, 80))
        summary = ledger['zones'][0]
        self.assertEqual((summary['due_partner'], summary['settled'], summary['shortfall'], summary['flag']),
                         (50, 30, 20, 'short'))

    def test_report_totals_agree(self):
        self.build()
        by_park = parsed(self.book().get_report(self.store, 2025, 'park'))
        by_partner = parsed(self.book().get_report(self.store, 2025, 'partner'))
        self.assertEqual(by_park['total'], by_partner['total'])

    def test_errors_arrive_as_glib_errors(self):
        with self.assertRaises(GLib.Error) as caught:
            self.book().get_report(self.store, 2025, 'county')
        self.assertIn('county', caught.exception.message)
        with self.assertRaises(GLib.Error) as caught:
            self.book().get_ledger(self.store, 1800, 0)
        self.assertIn('1800', caught.exception.message)

    def test_withdrawn_when_unloaded(self):
        self.assert_withdrawn_when_unloaded(ZhaoshangFlyingZone.FzBook)


if __name__ == '__main__':
    unittest.main()
