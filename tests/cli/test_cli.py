#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of zhaoshang-cli.

Every test drives the built binary (path in $ZHAOSHANG_CLI) on a fresh
database in a temporary folder, the way batch users script it.
"""

import json
import os
import subprocess
import tempfile
import unicodedata
import unittest

CLI = os.environ.get('ZHAOSHANG_CLI', 'zhaoshang-cli')

# Real unified social credit codes (GB 32100-2015).
HUAWEI = '914403001922038216'
TENCENT = '91440300708461136T'
INVALID = '91310000607216718K'

USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc(serial):
    """A valid code for the test firm number @serial."""
    first17 = '91654004MA%07d' % serial
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_CHARS[(31 - total % 31) % 31]


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in text)


class CliTestCase(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='zs-cli-test-')
        self.db = os.path.join(self.tmp.name, 'zhaoshang.db')
        self.ok('init')

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, db=None, env=None):
        environment = dict(os.environ, G_DEBUG='fatal-warnings')
        environment.pop('ZHAOSHANG_DB', None)
        environment.update(env or {})
        command = [CLI] + (['--db', db or self.db] if db is not False else []) + list(args)
        return subprocess.run(command, capture_output=True, env=environment, timeout=60)

    def ok(self, *args, **kwargs):
        result = self.run_cli(*args, **kwargs)
        stderr = result.stderr.decode('utf-8', 'replace')
        self.assertEqual(result.returncode, 0, f'{args} failed: {stderr}')
        self.assertEqual(stderr, '', f'{args} wrote to stderr')
        return result.stdout.decode('utf-8')

    def json(self, *args, **kwargs):
        return json.loads(self.ok(*args, '--json', **kwargs))

    def fails(self, status, *args, **kwargs):
        """Runs a command that must fail with @status; returns its stderr."""
        result = self.run_cli(*args, **kwargs)
        stderr = result.stderr.decode('utf-8')
        self.assertEqual(result.returncode, status, f'{args}: {stderr}')
        self.assertEqual(result.stdout, b'', f'{args} wrote to stdout')
        self.assertTrue(stderr.startswith('zhaoshang-cli: '), stderr)
        if status == 1:
            self.assertEqual(stderr.count('\n'), 1, f'not one line: {stderr!r}')
        else:
            self.assertIn('--help', stderr)
        return stderr

    def add_firm(self, name, code, *options):
        return self.json('firms', 'add', '--name', name, '--uscc', code, *options)

    def add_project(self, firm, title, *options):
        return self.json('projects', 'add', '--firm', str(firm), '--title', title, *options)

    def state(self):
        """What a failed command must leave untouched."""
        return (self.json('firms', 'list'), self.json('projects', 'list'),
                self.json('activities', 'list'), len(self.json('history')))

    def assert_writes_nothing(self, *args, message=()):
        before = self.state()
        stderr = self.fails(1, *args)
        for part in message:
            self.assertIn(part, stderr)
        self.assertEqual(self.state(), before, f'{args} wrote to the database')
        return stderr


class InitTest(CliTestCase):

    def test_init_is_idempotent(self):
        first = self.json('init')
        second = self.json('init')
        self.assertEqual(first, second)
        self.assertEqual(first['clauses'], 22)
        self.assertGreater(first['sectors'], 0)
        self.assertGreater(first['parks'], 0)
        self.assertEqual(first['firms'], 0)

    def test_init_prints_path_and_counts(self):
        text = self.ok('init')
        self.assertIn(self.db, text)
        for key in ('sectors:', 'parks:', 'clauses:', 'firms:'):
            self.assertIn(key, text)

    def test_demo_has_every_firm_listed(self):
        summary = self.json('init', '--demo')
        self.assertGreaterEqual(summary['firms'], 200)
        firms = self.json('firms', 'list')
        self.assertEqual(len(firms), summary['firms'])
        self.assertEqual(len(self.ok('firms', 'list').splitlines()), summary['firms'] + 1)
        self.assertEqual(self.json('init', '--demo')['firms'], summary['firms'])

    def test_other_verbs_need_a_database(self):
        missing = os.path.join(self.tmp.name, 'missing.db')
        stderr = self.fails(1, 'firms', 'list', db=missing)
        self.assertIn(missing, stderr)
        self.assertFalse(os.path.exists(missing))

    def test_database_from_environment(self):
        self.add_firm('华为技术有限公司', HUAWEI)
        firms = json.loads(self.ok('firms', 'list', '--json', db=False,
                                   env={'ZHAOSHANG_DB': self.db}))
        self.assertEqual([f['uscc'] for f in firms], [HUAWEI])


class FirmTest(CliTestCase):

    def test_round_trip(self):
        firm = self.add_firm('华为技术有限公司', HUAWEI, '--sector', 'c05-it',
                             '--name-other', 'Huawei Technologies', '--ownership', 'private',
                             '--capital', '4104113.182', '--notes', '深圳')
        self.assertGreater(firm['id'], 0)
        self.assertEqual(firm['name'], '华为技术有限公司')
        self.assertEqual(firm['sectors'], ['c05-it'])
        self.assertEqual(firm['ownership'], 'private')
        self.assertAlmostEqual(firm['registered_capital'], 4104113.182)
        self.assertIsNone(firm['website'])

        self.assertEqual(self.json('firms', 'list'), [firm])
        shown = self.json('firms', 'show', str(firm['id']))
        self.assertEqual(shown, self.json('firms', 'show', HUAWEI))
        self.assertEqual(shown['contacts'], [])
        self.assertEqual(shown['projects'], [])
        del shown['contacts'], shown['projects']
        self.assertEqual(shown, firm)

        edited = self.json('firms', 'edit', HUAWEI, '--website', 'https://www.huawei.com')
        self.assertEqual(edited['website'], 'https://www.huawei.com')
        for key in ('name', 'name_other', 'sectors', 'notes', 'registered_capital', 'ownership'):
            self.assertEqual(edited[key], firm[key], key)

        edited = self.json('firms', 'edit', str(firm['id']), '--sector', 'c07-electronics',
                           '--sector', 'c05-it')
        self.assertEqual(sorted(edited['sectors']), ['c05-it', 'c07-electronics'])
        edited = self.json('firms', 'edit', str(firm['id']), '--clear-sectors', '--notes', '')
        self.assertEqual(edited['sectors'], [])
        self.assertIsNone(edited['notes'])

        self.assertEqual(self.json('firms', 'delete', HUAWEI), {'id': firm['id']})
        self.assertEqual(self.json('firms', 'list'), [])
        self.fails(1, 'firms', 'show', str(firm['id']))

    def test_add_prints_the_id(self):
        first = self.ok('firms', 'add', '--name', '华为技术有限公司', '--uscc', HUAWEI)
        second = self.ok('firms', 'add', '--name', '腾讯', '--uscc', TENCENT)
        ids = [int(first), int(second)]
        self.assertEqual(ids, [f['id'] for f in self.json('firms', 'list')])

    def test_show_lists_contacts_and_projects(self):
        firm = self.add_firm('华为技术有限公司', HUAWEI)
        contact = self.json('contacts', 'add', '--firm', HUAWEI, '--name', '张伟',
                            '--phone', '0999-8888888')
        project = self.add_project(firm['id'], '霍尔果斯数据中心')
        shown = self.json('firms', 'show', HUAWEI)
        self.assertEqual([c['id'] for c in shown['contacts']], [contact['id']])
        self.assertEqual([p['id'] for p in shown['projects']], [project['id']])
        text = self.ok('firms', 'show', HUAWEI)
        self.assertIn('张伟', text)
        self.assertIn('霍尔果斯数据中心', text)

    def test_search_chinese(self):
        naan = self.add_firm('霍尔果斯丝路馕业有限公司', uscc(1))
        grain = self.add_firm('霍尔果斯金谷粮油有限公司', uscc(2))
        huawei = self.add_firm('华为技术有限公司', HUAWEI)
        tencent = self.add_firm('深圳市腾讯计算机系统有限公司', TENCENT)

        def search(text):
            return sorted(f['id'] for f in self.json('firms', 'list', '--search', text))

        self.assertEqual(search('馕'), [naan['id']])
        self.assertEqual(search('华为'), [huawei['id']])
        self.assertEqual(search('霍尔果'), sorted([naan['id'], grain['id']]))
        self.assertEqual(search('腾讯计'), [tencent['id']])
        self.assertEqual(search('粮油'), [grain['id']])
        self.assertEqual(search('不存在的'), [])

    def test_list_by_sector(self):
        it = self.add_firm('华为技术有限公司', HUAWEI, '--sector', 'c05-it')
        self.add_firm('霍尔果斯丝路馕业有限公司', uscc(1), '--sector', 'c08-naan')
        self.assertEqual([f['id'] for f in self.json('firms', 'list', '--sector', 'c05-it')],
                         [it['id']])

    def test_invalid_uscc(self):
        self.assert_writes_nothing('firms', 'add', '--name', '某公司', '--uscc', INVALID,
                                   message=('uscc', INVALID))

    def test_duplicate_uscc_names_the_firm(self):
        self.add_firm('华为技术有限公司', HUAWEI)
        self.assert_writes_nothing('firms', 'add', '--name', '另一家公司', '--uscc', HUAWEI,
                                   message=('uscc', HUAWEI, '华为技术有限公司'))

    def test_bad_values_write_nothing(self):
        self.add_firm('华为技术有限公司', HUAWEI)
        self.assert_writes_nothing('firms', 'add', '--name', '', '--uscc', TENCENT,
                                   message=('name',))
        self.assert_writes_nothing('firms', 'add', '--name', '腾讯', '--uscc', TENCENT,
                                   '--sector', 'no-such-sector', message=('no-such-sector',))
        stderr = self.assert_writes_nothing('firms', 'add', '--name', '腾讯', '--uscc', TENCENT,
                                            '--capital', 'abc')
        self.assertEqual(stderr, 'zhaoshang-cli: registered_capital: “abc” is not a number\n')
        self.assert_writes_nothing('firms', 'add', '--name', '腾讯', '--uscc', TENCENT,
                                   '--capital', '-5', message=('registered_capital', '-5'))
        self.assert_writes_nothing('firms', 'add', '--name', '腾讯', '--uscc', TENCENT,
                                   '--ownership', 'martian', message=('ownership', 'martian'))
        self.assert_writes_nothing('firms', 'edit', HUAWEI, '--capital', '1e', '--notes', '新',
                                   message=('registered_capital', '1e'))
        self.assert_writes_nothing('firms', 'edit', HUAWEI, '--name', '',
                                   message=('name',))
        self.assert_writes_nothing('firms', 'show', '999', message=('999',))
        self.assert_writes_nothing('firms', 'delete', TENCENT, message=(TENCENT,))

    def test_delete_refuses_a_firm_in_use(self):
        firm = self.add_firm('华为技术有限公司', HUAWEI)
        self.add_project(firm['id'], '霍尔果斯数据中心')
        self.assert_writes_nothing('firms', 'delete', HUAWEI)

    def test_table_is_aligned(self):
        self.add_firm('华为技术有限公司', HUAWEI, '--sector', 'c05-it')
        self.add_firm('Tencent', TENCENT, '--sector', 'c05-it')
        lines = self.ok('firms', 'list').splitlines()
        self.assertEqual(lines[0].split(), ['id', 'uscc', 'name', 'sectors'])
        columns = [display_width(line[:line.rindex(line.split()[-1])]) for line in lines]
        self.assertEqual(len(set(columns)), 1, lines)
        for line in lines:
            self.assertEqual(line, line.rstrip())


class PagingTest(CliTestCase):

    def test_listings_print_every_row_and_page(self):
        for serial in range(1, 61):
            self.ok('firms', 'add', '--name', f'测试企业{serial:02d}', '--uscc', uscc(serial))
        firms = self.json('firms', 'list')
        self.assertEqual(len(firms), 60)
        self.assertEqual(len(self.ok('firms', 'list').splitlines()), 61)

        pages = []
        for offset in (0, 25, 50):
            page = self.json('firms', 'list', '--limit', '25', '--offset', str(offset))
            self.assertEqual(len(page), 25 if offset < 50 else 10)
            pages += page
        self.assertEqual(pages, firms)
        self.assertEqual(self.json('firms', 'list', '--offset', '55'), firms[55:])

        self.assertEqual(len(self.json('history')), 60)
        self.assertEqual(len(self.json('history', '--limit', '7')), 7)

        self.fails(1, 'firms', 'list', '--limit', '0')
        self.fails(1, 'firms', 'list', '--limit', 'many')
        self.fails(1, 'firms', 'list', '--offset', '-1')


class ProjectTest(CliTestCase):

    def setUp(self):
        super().setUp()
        self.firm = self.add_firm('华为技术有限公司', HUAWEI)

    def test_add_and_list(self):
        referrer = self.add_firm('深圳市腾讯计算机系统有限公司', TENCENT)
        project = self.add_project(HUAWEI, '霍尔果斯数据中心', '--park', 'horgos-port-park',
                                   '--sector', 'c05-it', '--planned', '50000', '--jobs', '300',
                                   '--land', '120.5', '--channel', 'referral',
                                   '--referrer', TENCENT, '--stage', 'negotiating')
        self.assertEqual(project['firm_id'], self.firm['id'])
        self.assertEqual(project['stage'], 'negotiating')
        self.assertEqual(project['park_code'], 'horgos-port-park')
        self.assertEqual(project['planned_jobs'], 300)
        self.assertEqual(project['source_channel'], 'referral')
        self.assertEqual(project['referrer_firm_id'], referrer['id'])
        self.assertEqual(project['land_mu'], 120.5)
        self.assertEqual(self.json('projects', 'list'), [project])
        self.assertEqual(self.json('projects', 'list', '--firm', HUAWEI), [project])
        self.assertEqual(self.json('projects', 'list', '--stage', '在谈'), [project])
        self.assertEqual(self.json('projects', 'list', '--stage', 'signed'), [])
        self.assertEqual(self.json('projects', 'list', '--park', 'horgos-port-park'), [project])

    def test_bad_values_write_nothing(self):
        self.assert_writes_nothing('projects', 'add', '--firm', HUAWEI, '--title', '项目',
                                   '--park', 'atlantis', message=('atlantis',))
        self.assert_writes_nothing('projects', 'add', '--firm', HUAWEI, '--title', '项目',
                                   '--stage', 'dreaming', message=('stage', 'dreaming'))
        self.assert_writes_nothing('projects', 'add', '--firm', HUAWEI, '--title', '项目',
                                   '--planned', '-100', message=('planned_investment', '-100'))
        self.assert_writes_nothing('projects', 'add', '--firm', HUAWEI, '--title', '项目',
                                   '--jobs', 'many', message=('planned_jobs', 'many'))
        self.assert_writes_nothing('projects', 'add', '--firm', HUAWEI, '--title', '',
                                   message=('title',))
        self.assert_writes_nothing('projects', 'add', '--firm', TENCENT, '--title', '项目',
                                   message=(TENCENT,))
        self.assert_writes_nothing('projects', 'add', '--firm', HUAWEI, '--title', '项目',
                                   '--sector', 'no-such-sector', message=('no-such-sector',))
        self.assert_writes_nothing('projects', 'list', '--stage', 'dreaming',
                                   message=('dreaming',))

    def test_move_through_stages(self):
        project = self.add_project(HUAWEI, '霍尔果斯数据中心')
        pid = str(project['id'])
        self.assertEqual(project['stage'], 'lead')
        for stage, nick in (('contacted', 'contacted'), ('考察', 'site-visit'),
                            ('签约', 'signed')):
            moved = self.json('projects', 'move', pid, stage)
            self.assertEqual(moved['stage'], nick)
        self.assertEqual(self.ok('projects', 'move', pid, 'registered'), '')

        stderr = self.assert_writes_nothing('projects', 'move', pid, 'lost')
        self.assertIn('reason', stderr)
        stderr = self.assert_writes_nothing('projects', 'move', pid, 'flying')
        for valid in ('flying', 'lead', 'signed', 'lost', '签约'):
            self.assertIn(valid, stderr)

        moved = self.json('projects', 'move', pid, 'lost', '--reason', '资金链断裂')
        self.assertEqual(moved['stage'], 'lost')

        shown = self.json('projects', 'show', pid)
        changes = shown['stage_changes']
        self.assertEqual([c['to_stage'] for c in changes][-5:],
                         ['contacted', 'site-visit', 'signed', 'registered', 'lost'])
        self.assertEqual(changes[-1]['from_stage'], 'registered')
        self.assertEqual(changes[-1]['reason'], '资金链断裂')
        self.assertIn('资金链断裂', self.ok('projects', 'show', pid))

    def test_edit_and_delete(self):
        project = self.add_project(HUAWEI, '霍尔果斯数据中心', '--planned', '100')
        pid = str(project['id'])
        edited = self.json('projects', 'edit', pid, '--realised', '40', '--owner', '李娜')
        self.assertEqual(edited['realised_investment'], 40)
        self.assertEqual(edited['owner'], '李娜')
        self.assertEqual(edited['planned_investment'], 100)
        self.assertEqual(edited['title'], project['title'])
        referrer = self.add_firm('深圳市腾讯计算机系统有限公司', TENCENT)
        referred = self.json('projects', 'edit', pid, '--referrer', TENCENT)
        self.assertEqual(referred['referrer_firm_id'], referrer['id'])
        cleared = self.json('projects', 'edit', pid, '--referrer', '')
        self.assertEqual(cleared['referrer_firm_id'], 0)
        self.assert_writes_nothing('projects', 'edit', pid, '--land', '0x10',
                                   message=('land_mu', '0x10'))
        self.fails(2, 'projects', 'edit', pid)
        self.fails(2, 'projects', 'edit', pid, '--stage', 'signed')
        self.assertEqual(self.json('projects', 'delete', pid), {'id': project['id']})
        self.assertEqual(self.json('projects', 'list'), [])
        self.fails(1, 'projects', 'show', pid)


class ActivityTest(CliTestCase):

    def setUp(self):
        super().setUp()
        self.firm = self.add_firm('华为技术有限公司', HUAWEI)

    def test_add_and_list_due(self):
        early = self.json('activities', 'add', '--firm', HUAWEI, '--kind', 'visit',
                          '--date', '2024-03-01', '--next', '2024-03-15', '--notes', '实地考察',
                          '--as', '王芳')
        self.assertEqual(early['who'], '王芳')
        self.assertEqual(early['kind'], 'visit')
        late = self.json('activities', 'add', '--firm', str(self.firm['id']), '--kind', 'call',
                         '--date', '2024-03-02', '--next', '2999-01-01', '--who', '李娜')
        self.assertEqual(late['who'], '李娜')
        self.json('activities', 'add', '--firm', HUAWEI, '--kind', 'email', '--date', '2024-03-03')

        self.assertEqual(len(self.json('activities', 'list')), 3)
        self.assertEqual(len(self.json('activities', 'list', '--firm', HUAWEI)), 3)
        self.assertEqual([a['id'] for a in self.json('activities', 'list', '--due')], [early['id']])
        self.assertEqual([a['id'] for a in self.json('activities', 'list', '--due', '2024-03-15')],
                         [early['id']])
        self.assertEqual(self.json('activities', 'list', '--due', '2024-03-14'), [])
        self.assertEqual(self.json('activities', 'list', '--due=2024-03-14'), [])

    def test_bad_values_write_nothing(self):
        self.assert_writes_nothing('activities', 'add', '--firm', HUAWEI, '--kind', 'visit',
                                   '--date', '2024-02-30', message=('date', '2024-02-30'))
        self.assert_writes_nothing('activities', 'add', '--firm', HUAWEI, '--kind', 'visit',
                                   '--date', '2024-03-01', '--next', 'soon',
                                   message=('next_follow_up', 'soon'))
        self.assert_writes_nothing('activities', 'add', '--firm', HUAWEI, '--kind', 'dance',
                                   '--date', '2024-03-01', message=('kind', 'dance'))
        self.assert_writes_nothing('activities', 'add', '--firm', HUAWEI, '--kind', 'call',
                                   '--date', '2024-03-01', '--project', '-1',
                                   message=('project_id', '-1'))
        self.assert_writes_nothing('activities', 'add', '--firm', HUAWEI, '--kind', 'call',
                                   '--date', '2024-03-01', '--project', '999')
        self.assert_writes_nothing('activities', 'list', '--due', '1.1.2024',
                                   message=('due', '1.1.2024'))


class ContactTest(CliTestCase):

    def test_add_list_delete(self):
        self.add_firm('华为技术有限公司', HUAWEI)
        contact = self.json('contacts', 'add', '--firm', HUAWEI, '--name', '张伟',
                            '--title', '副总裁', '--email', 'zhang@example.com')
        self.assertEqual(contact['name'], '张伟')
        self.assertEqual(self.json('contacts', 'list', '--firm', HUAWEI), [contact])
        self.fails(2, 'contacts', 'list')
        self.assertEqual(self.json('contacts', 'delete', str(contact['id'])), {'id': contact['id']})
        self.assertEqual(self.json('contacts', 'list', '--firm', HUAWEI), [])


class ReferenceTest(CliTestCase):

    def test_reference_listings(self):
        sectors = self.json('sectors', 'list')
        self.assertTrue(any(s['name'] == '信息技术' for s in sectors))
        clause5 = self.json('sectors', 'list', '--clause', '5')
        self.assertTrue(clause5 and all(s['clause'] == 5 for s in clause5))
        self.assertLess(len(clause5), len(sectors))
        self.assertEqual(len(self.json('clauses', 'list')), 22)
        parks = {p['code']: p for p in self.json('parks', 'list')}
        self.assertIn('horgos-port-park', parks)
        regions = {r['code'] for r in self.json('regions', 'list')}
        self.assertTrue({'654004', '654023', '654002', '654021'} <= regions)
        self.assertTrue(self.json('targets', 'list'))
        for verb in ('sectors', 'parks', 'clauses', 'regions', 'targets', 'staff'):
            self.ok(verb, 'list')

    def test_staff(self):
        member = self.json('staff', 'add', '--name', '阿依古丽', '--role', 'admin',
                           '--park', 'horgos-port-park')
        self.assertEqual(member['role'], 'admin')
        self.assertEqual(self.json('staff', 'list'), [member])
        self.assert_writes_nothing('staff', 'add', '--name', '李娜', '--role', 'boss',
                                   message=('role', 'boss'))


class HistoryTest(CliTestCase):

    def test_history_and_revert(self):
        firm = self.add_firm('华为技术有限公司', HUAWEI, '--notes', '旧备注')
        self.ok('--as', '王芳', 'firms', 'edit', HUAWEI, '--notes', '新备注')
        changes = self.json('history', '--entity', 'firm', '--id', str(firm['id']))
        edit = next(c for c in changes if c['kind'] == 'update' and c['field'] == 'notes')
        self.assertEqual(edit['old_value'], '旧备注')
        self.assertEqual(edit['new_value'], '新备注')
        self.assertEqual(edit['actor'], '王芳')
        self.assertIn('新备注', self.ok('history'))

        revert_id = int(self.ok('revert', str(edit['id'])))
        self.assertGreater(revert_id, edit['id'])
        self.assertEqual(self.json('firms', 'show', HUAWEI)['notes'], '旧备注')
        self.assert_writes_nothing('revert', str(edit['id']))
        self.fails(1, 'revert', 'abc')

    def test_revert_creation_with_dependents(self):
        firm = self.add_firm('华为技术有限公司', HUAWEI)
        for name in ('张伟', '李娜'):
            self.ok('contacts', 'add', '--firm', HUAWEI, '--name', name)
        self.add_project(HUAWEI, '霍尔果斯数据中心')
        created = next(c for c in self.json('history', '--entity', 'firm', '--id', str(firm['id']))
                       if c['kind'] == 'create')
        contacts = self.json('contacts', 'list', '--firm', HUAWEI)

        self.assert_writes_nothing('revert', str(created['id']),
                                   message=('2 contacts', '1 project', 'force'))
        deleted = int(self.ok('revert', '--force', str(created['id'])))
        self.assertEqual(self.json('firms', 'list'), [])
        self.assertEqual(self.json('projects', 'list'), [])

        # Reverting the forced deletion brings everything back.
        self.ok('revert', str(deleted))
        self.assertEqual(self.json('firms', 'show', HUAWEI)['id'], firm['id'])
        self.assertEqual(self.json('contacts', 'list', '--firm', HUAWEI), contacts)
        self.assertEqual([p['title'] for p in self.json('projects', 'list')], ['霍尔果斯数据中心'])

    def test_backup(self):
        self.add_firm('华为技术有限公司', HUAWEI)
        backup = os.path.join(self.tmp.name, '备份.db')
        self.assertEqual(self.ok('backup', backup), '')
        self.assertEqual([f['uscc'] for f in self.json('firms', 'list', db=backup)], [HUAWEI])
        self.fails(1, 'backup', backup)


class CommandLineTest(CliTestCase):

    def test_usage_errors(self):
        self.fails(2)
        self.fails(2, 'frobnicate')
        self.fails(2, 'firms')
        self.fails(2, 'firms', 'frobnicate')
        self.fails(2, 'firms', 'list', '--frobnicate')
        self.fails(2, 'firms', 'add', '--name', '华为技术有限公司')
        self.fails(2, 'firms', 'show')
        self.fails(2, 'firms', 'show', '1', '2')
        self.fails(2, 'firms', 'edit', HUAWEI)
        self.fails(2, 'projects', 'move', '1')
        self.fails(2, 'revert')
        self.fails(2, 'init', 'now')
        self.fails(2, 'firms', 'edit', HUAWEI, '--sector', 'c05-it', '--clear-sectors')

    def test_help_and_version(self):
        text = self.ok('--help')
        for verb in ('init', 'firms add', 'projects move', 'activities list', 'history',
                     'revert', 'backup', 'staff add'):
            self.assertIn(verb, text)
        self.assertIn('add', self.ok('firms', '--help'))
        self.assertIn('--capital', self.ok('firms', 'add', '--help'))
        self.assertIn('--db', self.ok('projects', 'move', '--help'))
        self.assertIn('zhaoshang-cli', self.ok('--version', db=False))

    def test_common_options_anywhere(self):
        self.add_firm('华为技术有限公司', HUAWEI)
        expected = self.json('firms', 'list')
        for args in (['--json', 'firms', 'list'], ['firms', '--json', 'list'],
                     ['firms', 'list', '--json']):
            self.assertEqual(json.loads(self.ok(*args)), expected, args)
        at_end = json.loads(self.ok('firms', 'list', '--json', '--db', self.db, db=False))
        self.assertEqual(at_end, expected)

    def test_utf8_whatever_the_locale(self):
        env = {'LC_ALL': 'C', 'LANG': 'C', 'LC_CTYPE': 'C'}
        firm = json.loads(self.ok('firms', 'add', '--name', '霍尔果斯丝路馕业有限公司',
                                  '--uscc', uscc(7), '--json', env=env))
        self.assertEqual(firm['name'], '霍尔果斯丝路馕业有限公司')
        self.assertIn('霍尔果斯丝路馕业有限公司', self.ok('firms', 'list', env=env))
        self.assertIn('"霍尔果斯丝路馕业有限公司"', self.ok('firms', 'list', '--json', env=env))

    def test_json_keys_are_property_names(self):
        firm = self.add_firm('华为技术有限公司', HUAWEI)
        self.assertEqual(set(firm), {
            'id', 'uscc', 'name', 'name_other', 'ownership', 'country', 'region_code',
            'address', 'registered_capital', 'business_scope', 'sectors', 'website',
            'notes', 'created_at', 'updated_at', 'version'})


class TransferTest(CliTestCase):
    """Export and import of files that spreadsheets or attackers made."""

    FORMULA = "=cmd|' /C calc'!A0"

    def exported_notes(self, path, bom=False):
        with open(path, 'rb') as f:
            data = f.read()
        self.assertEqual(data.startswith(b'\xef\xbb\xbf'), bom)
        lines = data.decode('utf-8-sig').split('\r\n')
        column = lines[0].split(',').index('notes')
        return [line.split(',')[column] for line in lines[1:] if line]

    def test_csv_formula_round_trip(self):
        self.add_firm('华为技术有限公司', HUAWEI, '--notes', self.FORMULA, '--scope', '-5')
        self.add_firm('腾讯科技(深圳)有限公司', TENCENT, '--notes', "'@x")
        for bom in (False, True):
            path = os.path.join(self.tmp.name, 'firms.csv')
            self.ok('export', 'firms', path, *(['--bom'] if bom else []))
            # The formula is defused by an apostrophe; a number is not.
            self.assertEqual(self.exported_notes(path, bom), ["'" + self.FORMULA, "''@x"])
            with open(path, encoding='utf-8-sig') as f:
                self.assertIn(',-5,', f.read())

            # Our import takes exactly that apostrophe away again.
            other = os.path.join(self.tmp.name, 'other-%d.db' % bom)
            self.ok('init', db=other)
            self.ok('import', 'firms', path, db=other)
            firms = self.json('firms', 'list', db=other)
            self.assertEqual([firm['notes'] for firm in firms], [self.FORMULA, "'@x"])
            self.assertEqual(firms[0]['business_scope'], '-5')

        # --raw writes values as they are.
        path = os.path.join(self.tmp.name, 'raw.csv')
        self.ok('export', 'firms', path, '--raw')
        self.assertEqual(self.exported_notes(path), [self.FORMULA, "'@x"])

        # XLSX cells stay text, never formulas.
        path = os.path.join(self.tmp.name, 'firms.xlsx')
        self.ok('export', 'firms', path)
        other = os.path.join(self.tmp.name, 'xlsx.db')
        self.ok('init', db=other)
        self.ok('import', 'firms', path, db=other)
        self.assertEqual([f['notes'] for f in self.json('firms', 'list', db=other)],
                         [self.FORMULA, "'@x"])

    def test_deep_json_lines(self):
        path = os.path.join(self.tmp.name, 'deep.jsonl')
        with open(path, 'w') as f:
            f.write('{"name": "华为技术有限公司", "uscc": "%s"}\n' % HUAWEI)
            f.write('{"name": ' + '[' * 100000 + ']' * 100000 + '}\n')
        stderr = self.assert_writes_nothing('import', 'firms', path, '--on-error', 'abort')
        self.assertIn('deep.jsonl”, line 2: arrays and objects are nested more than 64 deep', stderr)


class TranslationTest(CliTestCase):

    def test_chinese_messages(self):
        env = {'LANGUAGE': 'zh_CN', 'LANG': 'C.UTF-8'}
        stderr = self.fails(1, 'firms', 'add', '--name', '某公司', '--uscc', '91310000607216718K', env=env)
        self.assertIn('校验码', stderr)
        self.assertIn('91310000607216718K', stderr)
        self.assertIn('统一社会信用代码', self.ok('--help', db=False, env=env) + self.ok('firms', 'add', '--help', env=env))


if __name__ == '__main__':
    unittest.main(verbosity=2)
