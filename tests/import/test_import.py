#!/usr/bin/env python3
"""zhaoshang-cli import and export: every bad-input class, exact counts,
a killed import, round trips and undo."""

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import tempfile
import time
import unittest

CLI = os.environ.get('ZHAOSHANG_CLI', 'zhaoshang-cli')
CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
HEADER = ['企业名称', '统一社会信用代码', '所属行业', '注册资本(万元)', '所在地区', '联系人', '联系电话', '经营范围', '备用列']


def uscc(serial, region='654004'):
    first = f'91{region}{serial:09d}'
    total = sum(CHARSET.index(c) * w for c, w in zip(first, WEIGHTS))
    return first + CHARSET[(31 - total % 31) % 31]


def bad_check_digit(code):
    return code[:-1] + ('0' if code[-1] != '0' else '1')


def good_row(i):
    return [f'霍尔果斯第{i}号馕食品有限公司', uscc(i), '以馕为主的食品加工', str(100 + i), '霍尔果斯市',
            f'联系人{i}', f'1390990{i:04d}', '馕、糕点的生产与销售', '']


class ImportTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='zs-import-')
        self.db = self.path('zhaoshang.db')
        self.cli('init')

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def cli(self, *args, status=0, db=None):
        result = subprocess.run([CLI, '--db', db or self.db, *args], capture_output=True, timeout=300)
        self.assertEqual(result.returncode, status, result.stderr.decode())
        return result.stdout.decode()

    def import_json(self, *args, status=0, db=None):
        return json.loads(self.cli('import', *args, '--json', status=status, db=db))

    def write_csv(self, name, rows, header=HEADER, encoding='utf-8', delimiter=','):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator='\r\n')
        writer.writerow(header)
        writer.writerows(rows)
        with open(self.path(name), 'wb') as f:
            f.write(buffer.getvalue().encode(encoding))
        return self.path(name)

    def firms(self, db=None):
        return json.loads(self.cli('firms', 'list', '--json', db=db))

    def rejects(self, name):
        with open(self.path(name), encoding='utf-8') as f:
            return list(csv.DictReader(f))

    def test_every_bad_input_class(self):
        existing = good_row(900)
        self.cli('firms', 'add', '--name', existing[0], '--uscc', existing[1])
        rows = [
            good_row(1),
            [good_row(2)[0], bad_check_digit(uscc(2))] + good_row(2)[2:],     # bad check digit
            good_row(3)[:4],                                                  # short row
            [''] + good_row(4)[1:],                                           # empty name
            good_row(5)[:3] + ['一百万'] + good_row(5)[4:],                     # text in a number column
            good_row(6)[:2] + ['量子养殖'] + good_row(6)[3:],                   # unknown sector
            good_row(7)[:7] + ['第一行\n第二行，含"引号"'] + [''],                 # quoted newline: fine
            good_row(1),                                                      # duplicate in the file
            existing,                                                         # duplicate in the database
        ]
        source = self.write_csv('bad.csv', rows)
        result = self.import_json('firms', source, '--rejects', self.path('rejects.csv'),
                                  '--on-duplicate', 'fail')
        self.assertEqual((result['rows_read'], result['inserted'], result['rejected'], result['skipped']),
                         (9, 3, 6, 0))
        self.assertEqual(result['unmapped_columns'], ['备用列'])
        self.assertEqual(result['mapping']['注册资本(万元)'], 'registered_capital')

        rejects = self.rejects('rejects.csv')
        by_line = {int(r['_line']): r for r in rejects}
        # Line numbers are those of the file: the quoted newline takes two.
        self.assertEqual(sorted(by_line), [3, 4, 5, 6, 10, 11])
        self.assertIn('check character', by_line[3]['_reason'])
        self.assertEqual(by_line[3]['_column'], '统一社会信用代码')
        self.assertIn('fields', by_line[4]['_reason'])
        self.assertEqual(by_line[5]['_column'], '企业名称')
        self.assertIn('一百万', by_line[6]['_reason'])
        self.assertEqual(by_line[6]['_column'], '注册资本(万元)')
        # An unknown sector no longer refuses the firm: it is a warning.
        self.assertEqual([(w['label'], w['count']) for w in result['warnings']], [('量子养殖', 1)])
        self.assertIn('line 2', by_line[10]['_reason'])
        self.assertIn('database', by_line[11]['_reason'])
        self.assertEqual(by_line[3]['企业名称'], good_row(2)[0])   # the original row is kept

        scope = [f for f in self.firms() if f['name'] == good_row(7)[0]][0]
        self.assertEqual(json.loads(self.cli('firms', 'show', str(scope['id']), '--json'))['business_scope'],
                         '第一行\n第二行，含"引号"')

    def test_unmapped_labels_keep_the_row(self):
        def row(i, sector, region='霍尔果斯市'):
            return [f'标签测试第{i}号有限公司', uscc(i), sector, '100', region, '', '', '', '']
        rows = [row(1, '跨境电商'), row(2, '跨境电商'), row(3, '馕食品加工'), row(4, '量子养殖'),
                row(5, '跨境电商；量子养殖', '乌鲁木齐市'), row(6, '以馕为主的食品加工', '霍尔果斯')]
        source = self.write_csv('labels.csv', rows, encoding='gb18030')
        rejects = self.path('refused.csv')
        result = self.import_json('firms', source, '--rejects', rejects)
        self.assertEqual((result['rows_read'], result['inserted'], result['rejected']), (6, 6, 0))
        warnings = {(w['field'], w['label']): w for w in result['warnings']}
        self.assertEqual(set(warnings), {('sectors', '跨境电商'), ('sectors', '量子养殖'),
                                         ('region_code', '乌鲁木齐市')})
        ambiguous = warnings[('sectors', '跨境电商')]
        self.assertEqual((ambiguous['count'], ambiguous['reason']), (3, 'ambiguous'))
        self.assertEqual({c['code'] for c in ambiguous['candidates']},
                         {'c03-cross-border-ecommerce', 'c09-cross-border-ecommerce'})
        self.assertEqual((warnings[('sectors', '量子养殖')]['count'], warnings[('sectors', '量子养殖')]['candidates']),
                         (2, []))
        self.assertEqual(warnings[('region_code', '乌鲁木齐市')]['count'], 1)

        # The warnings file is beside the rejects file.
        self.assertEqual(result['warnings_file'], self.path('refused-warnings.csv'))
        with open(result['warnings_file'], encoding='utf-8') as f:
            listed = {(r['field'], r['label']): r for r in csv.DictReader(f)}
        self.assertEqual(listed[('sectors', '跨境电商')]['rows'], '3')
        self.assertIn('c09-cross-border-ecommerce', listed[('sectors', '跨境电商')]['candidates'])

        firms = {f['name']: f for f in self.firms()}
        self.assertEqual(firms[row(3, '')[0]]['sectors'], ['c05-naan-food'])          # the best match
        self.assertEqual(firms[row(6, '')[0]]['region_code'], '654004')                # 霍尔果斯 in 霍尔果斯市
        self.assertEqual(firms[row(1, '')[0]]['sectors'], [])
        self.assertIn('【未映射行业】跨境电商', firms[row(1, '')[0]]['notes'])
        self.assertIn('【未映射地区】乌鲁木齐市', firms[row(5, '')[0]]['notes'])
        self.assertIsNone(firms[row(5, '')[0]]['region_code'])

        unmapped = {f['name'] for f in json.loads(self.cli('firms', 'list', '--unmapped-sector', '--json'))}
        self.assertEqual(unmapped, {row(i, '')[0] for i in (1, 2, 4, 5)})
        self.assertEqual({f['name'] for f in json.loads(self.cli('firms', 'list', '--unmapped-region', '--json'))},
                         {row(5, '')[0]})
        # Skipped duplicates carry no warnings; an update (here a dry run) does.
        text = self.cli('import', 'firms', source, '--dry-run', '--on-duplicate', 'update',
                        '--warnings', self.path('w.csv'))
        self.assertIn('跨境电商', text)
        self.assertIn('c03-cross-border-ecommerce', text)
        self.assertTrue(os.path.exists(self.path('w.csv')))

        # --map-sector maps a label; an update keeps the label's line once.
        mapped = self.import_json('firms', source, '--on-duplicate', 'update',
                                  '--map-sector', '跨境电商=c09-cross-border-ecommerce',
                                  '--map-sector', '量子养殖=c05-naan-food')
        self.assertEqual((mapped['updated'], mapped['rejected']), (6, 0))
        self.assertEqual([w['label'] for w in mapped['warnings']], ['乌鲁木齐市'])
        firms = {f['name']: f for f in self.firms()}
        self.assertEqual(firms[row(1, '')[0]]['sectors'], ['c09-cross-border-ecommerce'])
        self.assertEqual(sorted(firms[row(5, '')[0]]['sectors']), ['c05-naan-food', 'c09-cross-border-ecommerce'])
        self.assertEqual(firms[row(5, '')[0]]['notes'].count('【未映射地区】乌鲁木齐市'), 1)
        self.cli('import', 'firms', source, '--map-sector', '跨境电商=no-such-sector', status=1)
        self.cli('import', 'firms', source, '--map-sector', '跨境电商', status=2)

    def test_codes_a_spreadsheet_turned_into_numbers(self):
        def row(i, code):
            return [f'数字代码第{i}号有限公司', code, '', '', '', '', '', '', '']
        exact = uscc(3)                 # 916540040000000035: every digit written out
        zero_filled = uscc(40)          # 916540040000000400: valid with its zeros
        rows = [row(1, f'{exact[0]}.{exact[1:]}E+17'),
                row(2, f'{zero_filled[:16]}E2'),
                row(3, '9.1440300957988E+17'),     # 914403009579880284 with its last digits gone
                row(4, '9165010090795374E2'),      # zero-filled, not a valid code
                row(5, '914403009579880320')]      # the double nearest 914403009579880284
        source = self.write_csv('numbers.csv', rows)
        result = self.import_json('firms', source, '--rejects', self.path('r.csv'))
        self.assertEqual((result['inserted'], result['rejected']), (2, 3))
        self.assertEqual({f['uscc'] for f in self.firms()}, {exact, zero_filled})
        by_line = {int(r['_line']): r for r in self.rejects('r.csv')}
        self.assertEqual(sorted(by_line), [4, 5, 6])
        for r in by_line.values():
            self.assertIn('turned into a number by a spreadsheet', r['_reason'])
            self.assertIn('format the column as text', r['_reason'])
            self.assertEqual(r['_column'], '统一社会信用代码')
        chinese = subprocess.run([CLI, '--db', self.db, 'import', 'firms', source, '--on-error', 'abort'],
                                 capture_output=True, env=dict(os.environ, LANGUAGE='zh_CN', LANG='C.UTF-8'))
        self.assertEqual(chinese.returncode, 1)
        self.assertIn('被电子表格存成了数字', chinese.stderr.decode())
        self.assertIn('设为“文本”格式', chinese.stderr.decode())
        # In Chinese the rejects file names the column too, and its reasons
        # carry no internal field name ("uscc：").
        chinese = subprocess.run([CLI, '--db', self.db, 'import', 'firms', source,
                                  '--rejects', self.path('r-zh.csv')],
                                 capture_output=True, env=dict(os.environ, LANGUAGE='zh_CN', LANG='C.UTF-8'))
        self.assertEqual(chinese.returncode, 0, chinese.stderr.decode())
        for r in self.rejects('r-zh.csv'):
            self.assertEqual(r['_column'], '统一社会信用代码')
            self.assertIn('被电子表格存成了数字', r['_reason'])
            self.assertFalse(r['_reason'].startswith('uscc'), r['_reason'])

    def test_gbk_bom_and_delimiters(self):
        gbk = self.write_csv('gbk.csv', [good_row(i) for i in range(1, 4)], encoding='gb18030', delimiter=';')
        result = self.import_json('firms', gbk)
        self.assertEqual(result['inserted'], 3)
        self.assertIn('GB18030', result['format'].upper())
        bom = self.write_csv('bom.csv', [good_row(i) for i in range(4, 6)], encoding='utf-8-sig', delimiter='\t')
        self.assertEqual(self.import_json('firms', bom)['inserted'], 2)
        names = {f['name'] for f in self.firms()}
        self.assertIn('霍尔果斯第1号馕食品有限公司', names)
        self.assertEqual(len(self.cli('firms', 'list', '--search', '馕', '--json')), len(self.cli('firms', 'list', '--json')))

    def test_ten_thousand_rows_with_ten_percent_bad(self):
        rows = []
        for i in range(1, 10001):
            row = good_row(i)
            if i % 10 == 0:
                row[1] = bad_check_digit(row[1])
            rows.append(row)
        source = self.write_csv('10k.csv', rows)
        result = self.import_json('firms', source, '--rejects', self.path('r.csv'))
        self.assertEqual((result['rows_read'], result['inserted'], result['rejected']), (10000, 9000, 1000))
        self.assertEqual(len(self.rejects('r.csv')), 1000)
        self.assertEqual(len(self.firms()), 9000)
        # Running the same file again changes nothing.
        again = self.import_json('firms', source)
        self.assertEqual((again['inserted'], again['skipped'], again['rejected']), (0, 9000, 1000))

    def assert_search_defaults(self):
        # An import tunes FTS5 while it runs; afterwards its defaults are back.
        with sqlite3.connect(self.db) as db:
            config = dict(db.execute("SELECT k, v FROM firm_search_config WHERE k IN ('automerge', 'hashsize')"))
        self.assertEqual(config, {'automerge': 4, 'hashsize': 1048576})

    def search(self, text):
        return {f['name'] for f in json.loads(self.cli('firms', 'list', '--search', text, '--json'))}

    def test_imported_firms_are_searchable(self):
        # Three batches, a bad row in each: the index follows what was committed.
        rows = [good_row(i) for i in range(1, 12001)]
        for i in (10, 5010, 11990):
            rows[i - 1][1] = bad_check_digit(rows[i - 1][1])
        rows[6999][7] = '跨境电商与冷链物流'
        result = self.import_json('firms', self.write_csv('index.csv', rows), '--batch-size', '5000')
        self.assertEqual((result['inserted'], result['rejected']), (11997, 3))
        # One character, two characters, the business scope, the code and the contact.
        self.assertEqual(len(self.search('馕')), 11997)
        self.assertEqual(len(self.search('糕点')), 11996)
        self.assertEqual(self.search('链物'), {good_row(7000)[0]})
        self.assertEqual(self.search(uscc(5011)), {good_row(5011)[0]})
        self.assertEqual(self.search('联系人11999'), {good_row(11999)[0]})
        self.assertEqual(self.search('第10号'), set())
        # An update replaces the firm's entry; a new contact is found under the firm.
        changed = good_row(7000)
        changed[0], changed[5] = '霍尔果斯雪莲冷链物流有限公司', '阿依古丽'
        self.import_json('firms', self.write_csv('update.csv', [changed]), '--on-duplicate', 'update')
        self.assertEqual(self.search('雪莲'), {changed[0]})
        self.assertEqual(self.search('第7000号'), set())
        self.assertEqual(self.search('阿依古丽'), {changed[0]})
        # Everything in one transaction (abort on error) is indexed too.
        more = [good_row(i) for i in range(20001, 26001)]
        more[-1][0] = '霍尔果斯天山雪豹有限公司'
        result = self.import_json('firms', self.write_csv('abort.csv', more), '--on-error', 'abort')
        self.assertEqual(result['inserted'], 6000)
        self.assertEqual(self.search('雪豹'), {more[-1][0]})
        self.assertEqual(len(self.search('馕')), 11997 + 6000)
        # The index holds exactly the terms of the firms, and the import's
        # merge settings are back to FTS5's.
        self.assertEqual(json.loads(self.cli('check', '--json')), {'ok': True})
        self.assert_search_defaults()

    def test_batch_size_must_be_positive(self):
        source = self.write_csv('one.csv', [good_row(1)])
        for value in ('0', '-1', 'many', ''):
            self.cli('import', 'firms', source, '--batch-size', value, status=2)
        self.assertEqual(self.firms(), [])
        self.assertEqual(self.import_json('firms', source, '--batch-size', '1')['inserted'], 1)

    def test_abort_and_dry_run_write_nothing(self):
        rows = [good_row(1), [''] + good_row(2)[1:], good_row(3)]
        source = self.write_csv('abort.csv', rows)
        dry = self.import_json('firms', source, '--dry-run')
        self.assertEqual((dry['inserted'], dry['rejected'], dry['import_id']), (2, 1, None))
        self.assertEqual(self.firms(), [])
        stderr = subprocess.run([CLI, '--db', self.db, 'import', 'firms', source, '--on-error', 'abort'],
                                capture_output=True).stderr.decode()
        self.assertIn('line 3', stderr)
        self.assertEqual(self.firms(), [])
        # A dry run over several batches, new and updated firms, leaves the
        # database and its search index as they were.
        self.import_json('firms', self.write_csv('first.csv', [good_row(i) for i in range(1, 101)]))
        rows = [good_row(i) for i in range(1, 12001)]
        rows[50][0] = '霍尔果斯雪莲有限公司'
        dry = self.import_json('firms', self.write_csv('dry.csv', rows), '--dry-run', '--on-duplicate', 'update',
                               '--batch-size', '5000')
        self.assertEqual((dry['inserted'], dry['updated']), (11900, 100))
        self.assertEqual(len(self.firms()), 100)
        self.assertEqual(self.search('雪莲'), set())
        self.cli('check')

    def test_update_duplicates(self):
        self.import_json('firms', self.write_csv('a.csv', [good_row(1)]))
        changed = good_row(1)
        changed[3] = '888'
        changed[0] = '霍尔果斯第1号馕食品有限责任公司'
        result = self.import_json('firms', self.write_csv('b.csv', [changed]), '--on-duplicate', 'update')
        self.assertEqual(result['updated'], 1)
        firm = self.firms()[0]
        self.assertEqual(firm['registered_capital'], 888)
        # Without a code, a firm is recognised by its normalised name.
        by_name = self.write_csv('c.csv', [['霍尔果斯第1号馕食品有限责任公司 ', '']], header=['企业名称', '统一社会信用代码'])
        self.assertEqual(self.import_json('firms', by_name)['skipped'], 1)

    def test_killed_import_leaves_sound_database(self):
        rows = [good_row(i) for i in range(1, 40001)]
        source = self.write_csv('big.csv', rows)
        process = subprocess.Popen([CLI, '--db', self.db, 'import', 'firms', source],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline:
            with sqlite3.connect(self.db, timeout=10) as db:
                if db.execute('SELECT count(*) FROM firms').fetchone()[0] > 0:
                    break
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()

        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute('PRAGMA integrity_check').fetchone()[0], 'ok')
            firms, contacts = db.execute('SELECT count(*), (SELECT count(*) FROM contacts) FROM firms').fetchone()
            self.assertLess(firms, 40000)
            # No half-written row: every firm has the contact its row named.
            self.assertEqual(firms, contacts)
        result = self.import_json('firms', source)
        self.assertEqual(result['inserted'] + result['skipped'], 40000)
        self.assertEqual(len(self.firms()), 40000)
        self.cli('check')
        self.assert_search_defaults()

    def test_round_trip_and_undo(self):
        self.cli('init', '--demo')
        before = self.firms()
        for name in ('firms.csv', 'firms.xlsx', 'firms.jsonl'):
            other = self.path('other-' + name + '.db')
            self.cli('init', db=other)
            self.cli('export', 'firms', self.path(name), '--bom')
            result = self.import_json('firms', self.path(name), db=other)
            self.assertEqual((result['inserted'], result['rejected']), (len(before), 0), name)
            strip = lambda firms: [{k: v for k, v in f.items() if k not in ('id', 'created_at', 'updated_at')}
                                   for f in firms]
            self.assertEqual(strip(self.firms(db=other)), strip(before), name)

        rows = [good_row(i) for i in range(1, 6)]
        result = self.import_json('firms', self.write_csv('undo.csv', rows))
        self.assertEqual(len(self.firms()), len(before) + 5)
        self.cli('imports', 'undo', str(result['import_id']))
        self.assertEqual(len(self.firms()), len(before))
        self.cli('check')
        imports = json.loads(self.cli('imports', 'list', '--json'))
        self.assertEqual(imports[0]['status'], 'undone')
        self.cli('imports', 'undo', str(result['import_id']), status=1)


if __name__ == '__main__':
    unittest.main()
