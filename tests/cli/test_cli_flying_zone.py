#!/usr/bin/env python3
"""The flying-zone verbs through zhaoshang-cli, as a user runs them: the
contract's names and --json keys, exit statuses, --csv files, `init --demo`
and the partner component of `chain match`."""

import csv
import datetime
import json
import os
import re
import subprocess
import tempfile
import unittest

CLI = os.environ.get('ZHAOSHANG_CLI', 'zhaoshang-cli')
PLUGINS = os.environ['ZHAOSHANG_FLYING_ZONE_PLUGINS']


USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc(first17):
    """@first17 with its check character (GB 32100-2015)."""
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_CHARS[(31 - total % 31) % 31]


def wan(value):
    """An amount in 万元 as whole yuan."""
    return round(value * 10000)


class FlyingZoneCliTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='zs-cli-fz-')
        self.db = os.path.join(self.tmp.name, 'zhaoshang.db')
        self.env = dict(os.environ, XDG_DATA_HOME=os.path.join(self.tmp.name, 'data'),
                        ZHAOSHANG_PLUGIN_PATH=PLUGINS)
        self.env.pop('ZHAOSHANG_DB', None)

    def tearDown(self):
        self.tmp.cleanup()

    def cli(self, *args, status=0):
        result = subprocess.run([CLI, '--db', self.db, *args], capture_output=True, env=self.env, timeout=120)
        self.assertEqual(result.returncode, status, result.stderr.decode())
        return result

    def fz(self, *args, status=0):
        result = self.cli('flying-zone', *args, '--json', status=status)
        return json.loads(result.stdout) if status == 0 else result.stderr.decode()

    def firm(self, code, name, region):
        return json.loads(self.cli('firms', 'add', '--uscc', code, '--name', name, '--region', region,
                                   '--json').stdout)['id']

    def build(self):
        """江苏省's zone in 霍尔果斯市: a mid-2025 agreement change, two firms,
        a short settlement."""
        self.cli('init')
        self.a = self.firm(uscc('91320583MA1XFY0A1'), '昆山飞地纺织有限公司', '320583')
        self.b_uscc = uscc('91654004MA7XFY0B2')
        self.b = self.firm(self.b_uscc, '霍尔果斯本地物流有限公司', '654004')
        partner = self.fz('partner', 'add', '--name', '江苏省', '--region', '320000', '--paired-with', '654004')
        self.assertEqual(partner['name'], '江苏省')
        self.assertEqual(partner['region_code'], '320000')
        zone = self.fz('zone', 'add', '--name', '江苏霍尔果斯产业园', '--partner', str(partner['id']),
                       '--host-county', '654004', '--park', 'horgos-port-park', '--area', '1200',
                       '--operator', str(self.a))
        self.zone = str(zone['id'])
        self.assertEqual(zone['operator'], self.a)
        self.fz('agreement', 'add', '--zone', self.zone, '--from', '2024-01-01', '--to', '2025-06-30',
                '--tax-partner', '50', '--tax-host', '50', '--output-partner', '40', '--output-host', '60')
        self.fz('agreement', 'add', '--zone', self.zone, '--from', '2025-07-01', '--to', '2029-12-31',
                '--tax-partner', '40', '--tax-host', '60', '--output-partner', '30', '--output-host', '70')
        self.fz('place', str(self.a), '--zone', self.zone, '--from', '2024-03-01')
        self.fz('place', self.b_uscc, '--zone', self.zone, '--from', '2025-04-01')
        self.fz('realised', str(self.a), '--year', '2025', '--tax', '365', '--output', '730')
        self.fz('realised', str(self.b), '--year', '2025', '--tax', '100', '--output', '200')
        self.fz('settle', '--zone', self.zone, '--year', '2025', '--amount', '100', '--date', '2026-03-31')

    def test_verbs_and_json_keys(self):
        self.build()
        self.assertEqual([p['name'] for p in self.fz('partners')], ['江苏省'])
        self.assertEqual([z['host_county'] for z in self.fz('zones')], ['654004'])
        agreements = self.fz('agreements', '--zone', self.zone)
        self.assertEqual([a['valid_from'] for a in agreements], ['2024-01-01', '2025-07-01'])
        self.assertEqual(len(self.fz('agreements')), 2)

        ledger = self.fz('ledger', '--year', '2025')
        rows = {row['firm_id']: row for row in ledger['rows']}
        # amounts as they are, 75.3425 and not 75.342500000000001
        text = self.cli('flying-zone', 'ledger', '--year', '2025', '--json').stdout.decode()
        self.assertIsNone(re.search(r'\d\.\d{10,}', text), text)
        self.assertIn('"tax" : 75.3425', text)
        for key in ('zone_id', 'firm_id', 'year', 'tax', 'output', 'tax_partner', 'tax_host',
                    'output_partner', 'output_host'):
            self.assertIn(key, rows[self.a])
        # 181 days at 50 %, 184 at 40 %
        self.assertEqual(wan(rows[self.a]['tax_partner']), 1641000)
        self.assertEqual(wan(rows[self.a]['tax_host']), 2009000)
        self.assertEqual(wan(rows[self.b]['tax']), 753425)
        self.assertEqual(wan(rows[self.b]['tax_partner']) + wan(rows[self.b]['tax_host']), 753425)
        zone = ledger['zones'][0]
        for key in ('due_partner', 'settled', 'shortfall', 'flag'):
            self.assertIn(key, zone)
        self.assertEqual(wan(zone['due_partner']), 1641000 + 326301)
        self.assertEqual(wan(zone['shortfall']), 1641000 + 326301 - 1000000)
        self.assertEqual(zone['flag'], 'short')

        by_park = self.fz('report', '--year', '2025', '--by', 'park')
        by_partner = self.fz('report', '--year', '2025', '--by', 'partner')
        self.assertEqual(wan(by_park['total']['tax']), wan(by_partner['total']['tax']))
        self.assertEqual(wan(by_park['total']['output']), wan(by_partner['total']['output']))
        self.assertEqual(sum(wan(r['tax']) for r in by_partner['rows']), wan(by_park['total']['tax']))
        self.assertEqual({r['side'] for r in by_partner['rows']}, {'partner', 'host'})

    def test_csv_files(self):
        self.build()
        path = os.path.join(self.tmp.name, 'ledger.csv')
        self.fz('ledger', '--year', '2025', '--zone', self.zone, '--csv', path)
        with open(path, encoding='utf-8-sig') as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[0]['firm'], '昆山飞地纺织有限公司')
        self.assertEqual(rows[0]['tax_partner'], '164.1')
        path = os.path.join(self.tmp.name, 'report.csv')
        self.fz('report', '--year', '2025', '--by', 'park', '--csv', path)
        with open(path, encoding='utf-8-sig') as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(rows[-1]['side'], 'total')
        self.assertEqual(rows[-1]['tax'], '440.3425')

    def test_refusals_and_exit_status(self):
        self.build()
        # a rule: exit 1, the field and the value named, nothing written
        err = self.fz('agreement', 'add', '--zone', self.zone, '--from', '2030-01-01', '--to', '2030-12-31',
                      '--tax-partner', '60', '--tax-host', '30', '--output-partner', '50', '--output-host', '50',
                      status=1)
        self.assertIn('tax_host: tax_partner 60 + tax_host 30', err)
        err = self.fz('zone', 'add', '--name', 'X', '--partner', '1', '--host-county', '650000', status=1)
        self.assertIn('host_county: “650000”', err)
        err = self.fz('place', str(self.b), '--zone', self.zone, '--from', '2023-01-01', status=1)
        self.assertIn('valid_from: on 2023-01-01', err)
        self.assertEqual(len(self.fz('agreements')), 2)
        self.assertEqual(len(self.fz('zones')), 1)
        # usage: exit 2
        self.assertIn('--tax-host is required',
                      self.fz('agreement', 'add', '--zone', self.zone, '--from', '2030-01-01', '--to', '2030-12-31',
                              '--tax-partner', '50', '--output-partner', '50', '--output-host', '50', status=2))
        self.assertIn('--by: “county”', self.fz('report', '--year', '2025', '--by', 'county', status=2))
        self.assertIn('--year: “next”', self.fz('ledger', '--year', 'next', status=2))
        self.assertIn('--from: “2025-02-30”', self.fz('place', str(self.b), '--zone', self.zone, '--from',
                                                      '2025-02-30', status=2))
        self.assertIn('unknown subcommand', self.fz('zone', 'remove', status=2))
        self.assertIn('there is no firm “nobody”', self.fz('realised', 'nobody', '--year', '2025', '--tax', '1',
                                                           '--output', '1', status=1))

    def test_text_output(self):
        self.build()
        text = self.cli('flying-zone', 'ledger', '--year', '2025').stdout.decode()
        self.assertIn('昆山飞地纺织有限公司', text)
        self.assertIn('164.1', text)
        self.assertIn('short', text)
        self.assertIn('flying-zone ledger', self.cli('flying-zone', '--help').stdout.decode())

    def test_demo_and_chain_match(self):
        self.cli('init', '--demo')
        last_year = str(datetime.date.today().year - 1)
        ledger = self.fz('ledger', '--year', last_year)
        self.assertEqual(ledger['zones'][0]['flag'], 'short')
        self.assertGreater(ledger['zones'][0]['shortfall'], 0)
        self.assertEqual(self.fz('partners')[0]['name'], '江苏省')
        match = json.loads(self.cli('chain', 'match', 'textiles', '--top', '30', '--json').stdout)
        self.assertTrue(match['partner_available'])
        candidates = [c for link in match['links'] for c in link['candidates']]
        jiangsu = [c for c in candidates if c['region_code'].startswith('32')]
        others = [c for c in candidates if not c['region_code'].startswith('32')]
        self.assertTrue(jiangsu and others)
        for c in jiangsu:
            self.assertEqual(c['components']['partner']['value'], 1.0)
            self.assertEqual(c['evidence']['partner_region'], '江苏省')
        for c in others:
            self.assertEqual(c['components']['partner']['value'], 0.0)
        # a second run adds no second demo zone
        self.cli('init', '--demo')
        self.assertEqual(len(self.fz('zones')), 1)


if __name__ == '__main__':
    unittest.main()
