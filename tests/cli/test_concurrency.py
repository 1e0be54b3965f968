#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""zhaoshang-cli with several writers at once.

Each test starts real zhaoshang-cli processes side by side on one database,
as when several staff members script the same file, and checks what the
store promises them:

- every record carries a "version" that grows by one with each write;
- `firms edit` writes only the fields it is given, so edits of different
  fields by different people all land, and the audit trail never shows
  someone writing a field they did not touch;
- with `--if-version N`, a second edit of a field someone else changed
  after version N is refused (exit 1) with a message naming the field,
  who changed it and when; edits of different fields still merge;
- no command fails with "database is locked" or "busy" while others write,
  a long import included: writers wait (5 s at most) and an import lets
  them in between its batches.

Row counts are small enough to run in well under a minute on two slow
cores; ZHAOSHANG_TEST_IMPORT_ROWS changes the size of the imported file.
"""

import json
import os
import subprocess
import threading
import time
import unittest

from test_cli import CLI, HUAWEI, TENCENT, CliTestCase, uscc

IMPORT_ROWS = int(os.environ.get('ZHAOSHANG_TEST_IMPORT_ROWS', '50000'))
EDITS_PER_WRITER = 30
COMMAND_TIMEOUT = 60
# A hang guard only: the import of the big file runs for minutes on a
# loaded machine under AddressSanitizer.
IMPORT_TIMEOUT = 240

# Who edits which field of the same firm, and the values they write.
FIELD_WRITERS = {
    '王芳': ('address', '--address', lambda i: f'霍尔果斯市亚欧路{i}号'),
    '李娜': ('notes', '--notes', lambda i: f'第{i}次回访：待定'),
    '张伟': ('website', '--website', lambda i: f'https://example.com/{i}'),
}

LOCK_WORDS = ('locked', 'busy')


class Run:
    """One finished zhaoshang-cli process."""

    def __init__(self, args, status, stdout, stderr, started, ended):
        self.args = args
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.started = started
        self.ended = ended

    def mentions_lock(self):
        text = self.stderr.lower()
        return any(word in text for word in LOCK_WORDS)

    def __repr__(self):
        return f'<{" ".join(self.args)}: exit {self.status}, {self.stderr.strip()!r}>'


class Writer(threading.Thread):
    """Runs commands one after the other, each in a new process.

    @commands yields argument lists; it is drawn from until it is exhausted,
    or, with @stop, until @stop is set and at least @minimum commands ran.
    """

    def __init__(self, test, name, commands, stop=None, minimum=0):
        super().__init__(name=name, daemon=True)
        self.test = test
        self.commands = iter(commands)
        self.stop = stop
        self.minimum = minimum
        self.runs = []

    def run(self):
        for args in self.commands:
            if self.stop is not None and self.stop.is_set() and len(self.runs) >= self.minimum:
                break
            self.runs.append(self.test.run_process(args))

    def failures(self):
        return [run for run in self.runs if run.status != 0]


class ConcurrencyTestCase(CliTestCase):

    def environment(self):
        environment = dict(os.environ, G_DEBUG='fatal-warnings')
        environment.pop('ZHAOSHANG_DB', None)
        return environment

    def spawn(self, args):
        return subprocess.Popen([CLI, '--db', self.db] + list(args),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=self.environment())

    def finish(self, process, args, started, timeout=COMMAND_TIMEOUT):
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
        return Run(list(args), process.returncode, stdout.decode('utf-8', 'replace'),
                   stderr.decode('utf-8', 'replace'), started, time.monotonic())

    def run_process(self, args):
        started = time.monotonic()
        return self.finish(self.spawn(args), args, started)

    def run_together(self, *commands):
        """Starts every command at once; returns their Runs in order."""
        started = time.monotonic()
        processes = [self.spawn(args) for args in commands]
        return [self.finish(process, args, started)
                for process, args in zip(processes, commands)]

    def run_writers(self, writers):
        for writer in writers:
            writer.start()
        self.join_writers(writers)

    def join_writers(self, writers):
        for writer in writers:
            writer.join(timeout=COMMAND_TIMEOUT * 5)
            self.assertFalse(writer.is_alive(), f'{writer.name} did not finish')

    def assert_no_lock_failures(self, runs, what):
        locked = [run for run in runs if run.mentions_lock()]
        if locked:
            self.fail(f'{len(locked)} of {len(runs)} {what} failed on the lock, '
                      f'the first: {locked[0]}')

    def assert_all_succeeded(self, runs, what):
        failed = [run for run in runs if run.status != 0]
        if failed:
            self.fail(f'{len(failed)} of {len(runs)} {what} failed, the first: {failed[0]}')
        noisy = [run for run in runs if run.stderr]
        if noisy:
            self.fail(f'{len(noisy)} of {len(runs)} {what} wrote to stderr: {noisy[0]}')

    def firm(self, firm_id):
        return self.json('firms', 'show', str(firm_id))

    def firm_updates(self, firm_id):
        """The firm's field changes, oldest first."""
        changes = self.json('history', '--entity', 'firm', '--id', str(firm_id))
        return sorted((c for c in changes if c['kind'] == 'update'), key=lambda c: c['id'])

    def assert_version(self, record, expected=None, what='record'):
        self.assertIn('version', record, f'a {what} has no version: {sorted(record)}')
        self.assertIsInstance(record['version'], int, what)
        if expected is not None:
            self.assertEqual(record['version'], expected, what)


class VersionTest(ConcurrencyTestCase):

    def test_every_record_has_a_version(self):
        firm = self.add_firm('华为技术有限公司', HUAWEI)
        self.assert_version(firm, what='firm')
        project = self.add_project(firm['id'], '霍尔果斯数据中心')
        self.assert_version(project, what='project')
        contact = self.json('contacts', 'add', '--firm', HUAWEI, '--name', '张伟')
        self.assert_version(contact, what='contact')
        activity = self.json('activities', 'add', '--firm', HUAWEI, '--kind', 'visit',
                             '--date', '2024-03-01')
        self.assert_version(activity, what='activity')
        member = self.json('staff', 'add', '--name', '阿依古丽', '--role', 'admin')
        self.assert_version(member, what='staff member')

        for listing, what in ((self.json('firms', 'list'), 'listed firm'),
                              (self.json('projects', 'list'), 'listed project'),
                              (self.json('contacts', 'list', '--firm', HUAWEI), 'listed contact'),
                              (self.json('activities', 'list'), 'listed activity'),
                              (self.json('staff', 'list'), 'listed staff member')):
            self.assertEqual(len(listing), 1, what)
            self.assert_version(listing[0], what=what)

        version = firm['version']
        edited = self.json('firms', 'edit', HUAWEI, '--notes', '新备注')
        self.assert_version(edited, version + 1, 'edited firm')
        self.assert_version(self.firm(firm['id']), version + 1, 'shown firm')
        self.assert_version(self.json('firms', 'list')[0], version + 1, 'listed firm')

        pid = str(project['id'])
        version = project['version']
        self.assert_version(self.json('projects', 'move', pid, 'contacted'), version + 1,
                            'moved project')
        self.assert_version(self.json('projects', 'edit', pid, '--owner', '李娜'), version + 2,
                            'edited project')
        self.assert_version(self.json('projects', 'show', pid), version + 2, 'shown project')


class FieldMergeTest(ConcurrencyTestCase):
    """(a) Three people edit three fields of one firm at the same time."""

    def test_edits_of_different_fields_all_land(self):
        firm = self.add_firm('霍尔果斯丝路馕业有限公司', uscc(1))
        firm_id = str(firm['id'])

        def edits(actor):
            field, option, value = FIELD_WRITERS[actor]
            for i in range(EDITS_PER_WRITER):
                yield ['--as', actor, 'firms', 'edit', firm_id, option, value(i)]

        writers = [Writer(self, actor, edits(actor)) for actor in FIELD_WRITERS]
        self.run_writers(writers)
        runs = [run for writer in writers for run in writer.runs]
        self.assertEqual(len(runs), EDITS_PER_WRITER * len(FIELD_WRITERS))
        self.assert_no_lock_failures(runs, 'edits')
        self.assert_all_succeeded(runs, 'edits')

        final = self.firm(firm_id)
        for actor, (field, option, value) in FIELD_WRITERS.items():
            self.assertEqual(final[field], value(EDITS_PER_WRITER - 1),
                             f'{actor}’s last {field} was overwritten')

        updates = self.firm_updates(firm_id)
        foreign = [(c['actor'], c['field'], c['old_value'], c['new_value']) for c in updates
                   if c['actor'] not in FIELD_WRITERS or c['field'] != FIELD_WRITERS[c['actor']][0]]
        self.assertEqual(foreign, [], 'someone wrote a field they never touched')
        for actor, (field, option, value) in FIELD_WRITERS.items():
            mine = [c for c in updates if c['actor'] == actor]
            # Every edit is in the trail, in the order it was made, each
            # starting from the value the one before left.
            self.assertEqual([c['new_value'] for c in mine],
                             [value(i) for i in range(EDITS_PER_WRITER)], f'{actor}’s {field}')
            self.assertEqual([c['old_value'] for c in mine],
                             [None] + [value(i) for i in range(EDITS_PER_WRITER - 1)],
                             f'{actor}’s {field} changed behind their back')
        self.assertEqual(len(updates), EDITS_PER_WRITER * len(FIELD_WRITERS))

        self.assert_version(firm, what='added firm')
        self.assert_version(final, firm['version'] + EDITS_PER_WRITER * len(FIELD_WRITERS),
                            'firm after every edit')


class ConflictTest(ConcurrencyTestCase):
    """(b) Two people edit the same field from the same version."""

    ROUNDS = 3

    def race(self, show, edit, field, values):
        """Runs edit(actor, value, version) for both actors of @values at once,
        ROUNDS times, each from the version then current; checks that one
        wins and the other is told of the conflict. Returns the winners."""
        winners = []
        for round_ in range(self.ROUNDS):
            before = show()
            self.assert_version(before)
            version = before['version']
            actors = list(values)
            runs = self.run_together(*(edit(actor, values[actor](round_), version)
                                       for actor in actors))
            self.assert_no_lock_failures(runs, 'edits')
            statuses = sorted(run.status for run in runs)
            self.assertEqual(statuses, [0, 1], f'round {round_}: {runs}')
            winner = actors[[run.status for run in runs].index(0)]
            won, lost = sorted(runs, key=lambda run: run.status)
            self.assertEqual(won.stderr, '', won)
            self.assertEqual(lost.stdout, '', f'{lost} wrote to stdout')
            self.assertTrue(lost.stderr.startswith('zhaoshang-cli: '), lost.stderr)
            self.assertEqual(lost.stderr.count('\n'), 1, f'not one line: {lost.stderr!r}')
            self.assertIn('conflict', lost.stderr.lower())
            self.assertIn(field, lost.stderr)
            self.assertIn(winner, lost.stderr, 'the message does not say who')

            after = show()
            self.assertEqual(after[field], values[winner](round_))
            self.assert_version(after, version + 1)
            winners.append((winner, after))
        return winners

    def assert_said_when(self, stderr, change):
        """The message gives the day or the time of @change (its "at" is
        ISO 8601, UTC; the message may give it otherwise formatted)."""
        at = change['at']
        self.assertTrue(at[:10] in stderr or at[11:16] in stderr,
                        f'the message does not say when ({at}): {stderr!r}')

    def test_same_firm_field_one_wins(self):
        firm = self.add_firm('华为技术有限公司', HUAWEI)
        firm_id = str(firm['id'])
        values = {'王芳': lambda r: f'王芳的备注{r}', '李娜': lambda r: f'李娜的备注{r}'}

        def edit(actor, value, version):
            return ['--as', actor, 'firms', 'edit', firm_id, '--notes', value,
                    '--if-version', str(version)]

        winners = self.race(lambda: self.firm(firm_id), edit, 'notes', values)

        updates = self.firm_updates(firm_id)
        notes = [c for c in updates if c['field'] == 'notes']
        self.assertEqual([(c['actor'], c['new_value']) for c in notes],
                         [(winner, values[winner](r)) for r, (winner, _) in enumerate(winners)],
                         'one change of the field a round, the winner’s')
        self.assertEqual(len(updates), len(notes))

    def test_conflict_names_field_actor_and_time(self):
        firm = self.add_firm('华为技术有限公司', HUAWEI)
        firm_id = str(firm['id'])
        self.assert_version(firm)
        version = str(firm['version'])
        self.ok('--as', '王芳', 'firms', 'edit', firm_id, '--address', '霍尔果斯市友谊路1号',
                '--if-version', version)
        run = self.run_cli('--as', '李娜', 'firms', 'edit', firm_id,
                           '--address', '霍尔果斯市友谊路2号', '--if-version', version)
        stderr = run.stderr.decode('utf-8')
        self.assertEqual(run.returncode, 1, stderr)
        self.assertIn('conflict', stderr.lower())
        self.assertIn('address', stderr)
        self.assertIn('王芳', stderr)
        change = self.firm_updates(firm_id)[-1]
        self.assertEqual((change['actor'], change['field']), ('王芳', 'address'))
        self.assert_said_when(stderr, change)
        self.assertEqual(self.firm(firm_id)['address'], '霍尔果斯市友谊路1号')

    def test_different_fields_merge(self):
        firm = self.add_firm('华为技术有限公司', HUAWEI)
        firm_id = str(firm['id'])
        self.assert_version(firm)
        version = str(firm['version'])
        runs = self.run_together(
            ['--as', '王芳', 'firms', 'edit', firm_id, '--address', '霍尔果斯市友谊路1号',
             '--if-version', version],
            ['--as', '李娜', 'firms', 'edit', firm_id, '--notes', '已回访',
             '--if-version', version])
        self.assert_all_succeeded(runs, 'edits of different fields')
        final = self.firm(firm_id)
        self.assertEqual((final['address'], final['notes']), ('霍尔果斯市友谊路1号', '已回访'))
        self.assert_version(final, firm['version'] + 2)

    def test_same_project_field_one_wins(self):
        self.add_firm('华为技术有限公司', HUAWEI)
        project = self.add_project(HUAWEI, '霍尔果斯数据中心')
        pid = str(project['id'])
        values = {'王芳': lambda r: f'王芳{r}', '李娜': lambda r: f'李娜{r}'}

        def edit(actor, value, version):
            return ['--as', actor, 'projects', 'edit', pid, '--owner', value,
                    '--if-version', str(version)]

        self.race(lambda: self.json('projects', 'show', pid), edit, 'owner', values)


class ImportWhileWritingTest(ConcurrencyTestCase):
    """(c) Four people keep writing while a large file is imported."""

    MINIMUM_RUNS = 3

    def write_import_file(self, rows):
        path = os.path.join(self.tmp.name, '参展企业.csv')
        with open(path, 'w', encoding='utf-8') as out:
            out.write('企业名称,统一社会信用代码,所在地区,经营范围\n')
            for serial in range(1, rows + 1):
                code = uscc(5_000_000 + serial)
                out.write(f'霍尔果斯测试{serial:07d}商贸有限公司,{code},霍尔果斯市,'
                          '货物进出口；技术进出口；日用百货销售；农副产品销售\n')
        return path

    def assert_firm_count(self, expected):
        """Checks there are @expected firms without listing them all."""
        last = self.json('firms', 'list', '--offset', str(expected - 1))
        self.assertEqual(len(last), 1, f'not {expected} firms but {expected - 1 + len(last)}'
                         if last else f'fewer than {expected} firms')

    def test_writers_are_never_locked_out(self):
        rows = IMPORT_ROWS
        path = self.write_import_file(rows)
        home = self.add_firm('华为技术有限公司', HUAWEI)
        editing = self.add_firm('深圳市腾讯计算机系统有限公司', TENCENT)
        project = self.add_project(HUAWEI, '霍尔果斯数据中心')
        pid = str(project['id'])
        stage_changes = len(self.json('projects', 'show', pid)['stage_changes'])
        added_codes = [uscc(serial) for serial in range(1, 4001)]

        def firm_adds():
            for serial, code in enumerate(added_codes, 1):
                yield ['--as', '王芳', 'firms', 'add', '--name', f'霍尔果斯并发{serial:04d}有限公司',
                       '--uscc', code]

        def project_moves():
            while True:
                for stage in ('contacted', 'lead'):
                    yield ['--as', '李娜', 'projects', 'move', pid, stage]

        def firm_edits():
            i = 0
            while True:
                yield ['--as', '张伟', 'firms', 'edit', str(editing['id']),
                       '--notes', f'并发备注{i}']
                i += 1

        def contact_adds():
            i = 0
            while True:
                yield ['--as', '阿依古丽', 'contacts', 'add', '--firm', HUAWEI,
                       '--name', f'联系人{i}']
                i += 1

        stop = threading.Event()
        writers = [Writer(self, name, commands, stop, self.MINIMUM_RUNS)
                   for name, commands in (('firm adds', firm_adds()),
                                          ('project moves', project_moves()),
                                          ('firm edits', firm_edits()),
                                          ('contact adds', contact_adds()))]
        import_args = ['--as', '古丽', 'import', 'firms', path, '--json']
        import_started = time.monotonic()
        importer = self.spawn(import_args)
        try:
            for writer in writers:
                writer.start()
            imported = self.finish(importer, import_args, import_started, IMPORT_TIMEOUT)
        finally:
            stop.set()
        self.join_writers(writers)

        runs = [run for writer in writers for run in writer.runs]
        summary = ', '.join(f'{w.name}: {len(w.runs)} runs, {len(w.failures())} failed'
                            for w in writers)
        self.assert_no_lock_failures([imported] + runs, f'commands ({summary})')
        self.assertEqual(imported.status, 0, imported)
        for writer in writers:
            self.assert_all_succeeded(writer.runs, writer.name)

        # The writers really ran while the import did.
        during = [run for run in runs if run.started > imported.started and run.ended < imported.ended]
        self.assertGreaterEqual(len(during), len(writers),
                                f'the import ({imported.ended - imported.started:.1f} s) did not '
                                f'overlap the writers; raise ZHAOSHANG_TEST_IMPORT_ROWS')

        report = json.loads(imported.stdout)
        self.assertEqual((report['rows_read'], report['inserted'], report['rejected']), (rows, rows, 0))

        adds, moves, edits, contacts = (writer.runs for writer in writers)
        added_ids = [int(run.stdout) for run in adds]
        self.assertEqual(len(set(added_ids)), len(adds))
        expected_firms = 2 + rows + len(adds)
        self.assert_firm_count(expected_firms)
        for code in (added_codes[0], added_codes[len(adds) - 1]):
            self.assertEqual(self.json('firms', 'show', code)['uscc'], code)

        self.assertEqual(len(self.json('projects', 'show', pid)['stage_changes']),
                         stage_changes + len(moves))
        self.assertEqual(self.json('projects', 'show', pid)['stage'],
                         'contacted' if len(moves) % 2 else 'lead')

        final = self.firm(editing['id'])
        self.assertEqual(final['notes'], f'并发备注{len(edits) - 1}')
        self.assertEqual([c['new_value'] for c in self.firm_updates(editing['id'])],
                         [f'并发备注{i}' for i in range(len(edits))])

        listed = self.json('contacts', 'list', '--firm', HUAWEI)
        self.assertEqual(sorted(c['name'] for c in listed),
                         sorted(f'联系人{i}' for i in range(len(contacts))))
        self.assertEqual(home['id'], self.json('firms', 'show', HUAWEI)['id'])


if __name__ == '__main__':
    unittest.main(verbosity=2)
