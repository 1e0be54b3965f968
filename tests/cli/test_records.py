#!/usr/bin/env python3
"""zhaoshang-cli records: every verb on a core type and on the record type the
Python example plugin declares (docs/examples/python-record-type)."""

import json
import os
import subprocess
import tempfile
import unittest

CLI = os.environ.get('ZHAOSHANG_CLI', 'zhaoshang-cli')
EXAMPLES = os.environ['ZHAOSHANG_EXAMPLE_PLUGINS']
NOTE = 'visit_notes.note'


class RecordsCliTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='zs-cli-records-')
        self.db = os.path.join(self.tmp.name, 'zhaoshang.db')
        self.env = dict(os.environ, XDG_DATA_HOME=os.path.join(self.tmp.name, 'data'),
                        ZHAOSHANG_PLUGIN_PATH=EXAMPLES, G_DEBUG='fatal-warnings')
        self.env.pop('ZHAOSHANG_DB', None)
        self.run_cli('init')
        self.firm = self.json('firms', 'add', '--name', '霍尔果斯金麦馕食品有限公司',
                              '--uscc', '91440300708461136T')['id']

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, status=0):
        result = subprocess.run([CLI, '--db', self.db, *args], capture_output=True,
                                env=self.env, timeout=60)
        self.assertEqual(result.returncode, status, result.stderr.decode())
        return result

    def json(self, *args):
        return json.loads(self.run_cli(*args, '--json').stdout)

    def add_note(self, summary, day, *extra):
        return self.json('records', 'add', NOTE, '--firm', str(self.firm), '--visited-on', day,
                         '--summary', summary, *extra)

    def test_types(self):
        types = {t['name']: t for t in self.json('records', 'types')}
        for core in ('firm', 'contact', 'project', 'activity', 'staff'):
            self.assertEqual(types[core]['module'], 'core')
        note = types[NOTE]
        self.assertEqual(note['module'], 'visit_notes')
        fields = {f['name']: f for f in note['fields']}
        self.assertEqual(fields['firm']['kind'], 'reference')
        self.assertTrue(fields['summary']['required'])
        self.assertTrue(fields['summary']['searchable'])
        self.assertEqual([v['value'] for v in fields['mood']['values']], ['keen', 'neutral', 'cold'])
        table = self.run_cli('records', 'types').stdout.decode()
        self.assertIn(NOTE, table)
        self.assertIn('走访记录', table)

    def test_add_show_edit_delete(self):
        note = self.add_note('走访金麦馕，谈冷库扩建', '2026-03-01', '--mood', 'keen', '--hours', '1.5')
        self.assertEqual(note['version'], 1)
        self.assertEqual(note['hours'], 1.5)
        self.assertEqual(note['mood'], 'keen')
        shown = self.json('records', 'show', NOTE, str(note['id']))
        self.assertEqual(shown['summary'], '走访金麦馕，谈冷库扩建')
        # the firm by its USCC, as elsewhere; the default filled in
        other = self.json('records', 'add', NOTE, '--firm', '91440300708461136T',
                          '--visited-on', '2026-03-02', '--summary', '电话回访')
        self.assertEqual(other['firm'], self.firm)
        self.assertEqual(other['mood'], 'neutral')
        self.assertIn('--visited-on', self.run_cli('records', 'add', NOTE, '--help').stdout.decode())

        # a value that is not of the field's kind: usage, naming option and value
        bad = self.run_cli('records', 'add', NOTE, '--firm', str(self.firm), '--visited-on', '2026-13-01',
                           '--summary', 'x', status=2).stderr.decode()
        self.assertIn('--visited-on', bad)
        self.assertIn('2026-13-01', bad)
        self.assertIn('--hours', self.run_cli('records', 'add', NOTE, '--hours', 'lots', status=2).stderr.decode())
        self.assertIn('“warm”', self.run_cli('records', 'add', NOTE, '--mood', 'warm', status=2).stderr.decode())
        # a value the field's rules refuse: failure, naming field and value
        refused = self.run_cli('records', 'add', NOTE, '--firm', str(self.firm), '--visited-on', '2026-03-01',
                               '--summary', 'x', '--hours', '30', status=1).stderr.decode()
        self.assertIn('hours', refused)
        self.assertIn('30', refused)
        self.assertIn('summary', self.run_cli('records', 'add', NOTE, '--firm', str(self.firm),
                                              '--visited-on', '2026-03-01', status=1).stderr.decode())
        self.assertEqual(len(self.json('records', 'list', NOTE)['records']), 2)
        self.run_cli('records', 'add', 'no_such.type', status=2)

        edited = self.json('records', 'edit', NOTE, str(note['id']), '--summary', '签约意向明确')
        self.assertEqual(edited['version'], 2)
        conflict = self.run_cli('records', 'edit', NOTE, str(note['id']), '--summary', '旧的改法',
                                '--if-version', '1', status=1).stderr.decode()
        self.assertIn('summary', conflict)
        # another field merges
        merged = self.json('records', 'edit', NOTE, str(note['id']), '--hours', '2', '--if-version', '1')
        self.assertEqual((merged['summary'], merged['hours'], merged['version']), ('签约意向明确', 2.0, 3))
        self.run_cli('records', 'edit', NOTE, str(note['id']), status=2)

        history = self.json('history', '--entity', NOTE, '--id', str(note['id']))
        self.assertEqual([c['kind'] for c in history], ['update', 'update', 'create'])
        self.run_cli('revert', str(history[1]['id']))
        self.assertEqual(self.json('records', 'show', NOTE, str(note['id']))['summary'], '走访金麦馕，谈冷库扩建')

        self.run_cli('records', 'delete', NOTE, str(other['id']))
        self.run_cli('records', 'show', NOTE, str(other['id']), status=1)
        deletion = self.json('history', '--entity', NOTE, '--id', str(other['id']))[0]
        self.run_cli('revert', str(deletion['id']))
        self.assertEqual(self.json('records', 'show', NOTE, str(other['id']))['summary'], '电话回访')

    def test_list_where_sort_page_search(self):
        for day in range(1, 8):
            self.add_note('第%d次走访' % day, '2026-04-%02d' % day, '--hours', str(day))
        notes = self.json('records', 'list', NOTE, '--where', 'hours>2', '--where', 'hours<6')['records']
        self.assertEqual([n['hours'] for n in notes], [3, 4, 5])
        notes = self.json('records', 'list', NOTE, '--where', 'visited_on=2026-04-02')['records']
        self.assertEqual([n['summary'] for n in notes], ['第2次走访'])

        seen, cursor = [], None
        while True:
            args = ['records', 'list', NOTE, '--sort', '-visited_on', '--limit', '3']
            page = self.json(*args, *(['--after', cursor] if cursor else []))
            seen += [n['visited_on'] for n in page['records']]
            cursor = page['next_cursor']
            if cursor is None:
                break
        self.assertEqual(seen, ['2026-04-%02d' % d for d in range(7, 0, -1)])
        table = self.run_cli('records', 'list', NOTE, '--limit', '2').stdout.decode()
        self.assertIn('next page: --after ', table)
        self.assertIn('第1次走访', table)

        found = self.json('records', 'list', NOTE, '--search', '走访')['records']
        self.assertEqual(len(found), 7)
        self.run_cli('records', 'list', NOTE, '--where', 'hours', status=2)
        self.run_cli('records', 'list', NOTE, '--after', 'not-a-cursor', status=2)
        self.run_cli('records', 'list', NOTE, '--where', 'nope=1', status=1)

    def test_import_export_round_trip(self):
        for day in (1, 2, 3):
            self.add_note('第%d次走访' % day, '2026-04-%02d' % day, '--mood', 'cold', '--hours', str(day))
        before = self.json('records', 'list', NOTE)['records']
        for ext in ('csv', 'xlsx'):
            path = os.path.join(self.tmp.name, 'notes.' + ext)
            self.assertEqual(self.json('export', NOTE, path)['exported'], 3)
            if ext == 'csv':
                with open(path, encoding='utf-8') as f:
                    self.assertEqual(f.readline().strip(), 'id,企业,走访日期,纪要,意向,时长(小时)')
            for note in self.json('records', 'list', NOTE)['records']:
                self.run_cli('records', 'delete', NOTE, str(note['id']))
            summary = self.json('import', NOTE, path)
            self.assertEqual((summary['inserted'], summary['rejected']), (3, 0))
            after = self.json('records', 'list', NOTE)['records']
            keys = ('firm', 'visited_on', 'summary', 'mood', 'hours')
            self.assertEqual([[n[k] for k in keys] for n in after], [[n[k] for k in keys] for n in before])
            self.run_cli('imports', 'undo', str(summary['import_id']))
            self.assertEqual(self.json('records', 'list', NOTE)['records'], [])
            self.run_cli('import', NOTE, path)

    def test_import_labels_map_and_rejects(self):
        source = os.path.join(self.tmp.name, 'in.csv')
        rejects = os.path.join(self.tmp.name, 'refused.csv')
        with open(source, 'w', encoding='utf-8') as f:
            f.write('企业,日期,纪要,意向,hours\n'
                    '91440300708461136T,2026-06-01,第二次走访,积极,1\n'
                    '%d,2026-06-02,第三次走访,warm,1\n'
                    '%d,2026-13-02,第四次走访,,1\n' % (self.firm, self.firm))
        # 日期 is no field's name or label: without --map the required field has no column
        self.assertIn('visited_on', self.run_cli('import', NOTE, source, status=1).stderr.decode())
        summary = self.json('import', NOTE, source, '--map', '日期=visited_on', '--rejects', rejects)
        self.assertEqual((summary['inserted'], summary['rejected']), (1, 2))
        note = self.json('records', 'list', NOTE)['records'][0]
        self.assertEqual((note['firm'], note['mood'], note['summary']), (self.firm, 'keen', '第二次走访'))
        with open(rejects, encoding='utf-8') as f:
            refused = f.read()
        self.assertIn('warm', refused)
        self.assertIn('2026-13-02', refused)
        self.assertEqual(self.json('imports', 'list')[0]['entity'], NOTE)
        self.run_cli('import', 'no_such.type', source, status=2)

    def test_c_example_declared_from_a_resource(self):
        types = {t['name']: t for t in self.json('records', 'types')}
        self.assertEqual(types['visit_log.visit']['module'], 'visit_log')
        visit = self.json('records', 'add', 'visit_log.visit', '--firm', str(self.firm),
                          '--visited-on', '2026-05-01', '--summary', '首次走访')
        self.assertEqual(visit['mood'], 'neutral')
        found = self.json('records', 'list', 'visit_log.visit', '--search', '首次')['records']
        self.assertEqual([v['id'] for v in found], [visit['id']])

    def test_core_type(self):
        firms = self.json('records', 'list', 'firm')['records']
        self.assertEqual([f['uscc'] for f in firms], ['91440300708461136T'])
        contact = self.json('records', 'add', 'contact', '--firm-id', str(self.firm), '--name', '阿力木')
        self.assertEqual(self.json('records', 'show', 'contact', str(contact['id']))['name'], '阿力木')
        self.json('records', 'edit', 'contact', str(contact['id']), '--phone', '0999-8888888')
        self.assertEqual(self.json('contacts', 'list', '--firm', str(self.firm))[0]['phone'], '0999-8888888')
        self.run_cli('records', 'edit', 'firm', str(self.firm), '--name', '', status=1)
        self.run_cli('records', 'delete', 'contact', str(contact['id']))
        self.assertEqual(self.json('contacts', 'list', '--firm', str(self.firm)), [])


if __name__ == '__main__':
    unittest.main()
