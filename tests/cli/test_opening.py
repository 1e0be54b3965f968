#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening rules: only `init` creates or upgrades; other files stay as they are."""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

from test_cli import CliTestCase, TENCENT


def digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


class OpeningTest(CliTestCase):

    def assert_untouched(self, path, before):
        self.assertEqual(digest(path), before)
        for suffix in ('-wal', '-shm', '-journal'):
            self.assertFalse(os.path.exists(path + suffix), suffix)

    def test_other_programs_database(self):
        path = os.path.join(self.tmp.name, 'other.db')
        with sqlite3.connect(path) as db:
            db.execute('CREATE TABLE notes (text)')
            db.execute('CREATE TABLE tags (name)')
        db.close()
        before = digest(path)
        for args in (('firms', 'list'), ('check',), ('init',)):
            stderr = self.fails(1, *args, db=path)
            self.assertIn(path, stderr)
            self.assertIn('notes, tags', stderr)
        self.assert_untouched(path, before)

    def test_empty_file(self):
        path = os.path.join(self.tmp.name, 'empty.db')
        open(path, 'w').close()
        stderr = self.fails(1, 'firms', 'list', db=path)
        self.assertIn('empty file', stderr)
        self.assert_untouched(path, digest(path))
        self.ok('init', db=path)
        self.assertEqual(self.json('firms', 'list', db=path), [])

    def test_missing_file(self):
        path = os.path.join(self.tmp.name, 'missing.db')
        stderr = self.fails(1, 'firms', 'list', db=path)
        self.assertIn('init', stderr)
        self.assertFalse(os.path.exists(path))

    def test_old_version_says_init(self):
        with sqlite3.connect(self.db) as db:
            version = db.execute('PRAGMA user_version').fetchone()[0]
            db.execute('PRAGMA user_version = %d' % (version - 1))
        db.close()
        stderr = self.fails(1, 'firms', 'list')
        self.assertIn('init', stderr)

    def test_check_leaves_database_as_it_was(self):
        before = digest(self.db)
        self.ok('check')
        self.assert_untouched(self.db, before)
        # It reads while another program holds the write lock, and the
        # file is not the user's to write at all for the check's sake.
        holder = sqlite3.connect(self.db, isolation_level=None)
        holder.execute('BEGIN IMMEDIATE')
        try:
            self.ok('check')
        finally:
            holder.execute('ROLLBACK')
            holder.close()

    def test_viewer_spellings_refused(self):
        self.ok('staff', 'add', '--name', 'bob', '--role', 'viewer')
        for name in ('bob ', '\u3000bob', '\uff42\uff4f\uff42', 'Bob'):
            stderr = self.fails(1, '--as', name, 'firms', 'add', '--name', '某公司', '--uscc', TENCENT)
            self.assertIn('viewer', stderr)
        self.assertEqual(self.json('firms', 'list'), [])


@unittest.skipUnless(os.geteuid() != 0 or shutil.which('setpriv'), 'needs setpriv as root')
class ReadOnlyTest(CliTestCase):

    def setUp(self):
        super().setUp()
        self.add_firm('霍尔果斯金麦馕食品有限公司', TENCENT)
        self.ro_dir = tempfile.mkdtemp(prefix='zs-ro-', dir='/tmp')
        self.ro_db = os.path.join(self.ro_dir, 'zhaoshang.db')
        shutil.copy(self.db, self.ro_db)
        if os.geteuid() == 0:
            os.chmod(self.ro_db, 0o644)
            os.chmod(self.ro_dir, 0o755)
            self.prefix = ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups']
        else:
            os.chmod(self.ro_db, 0o444)
            os.chmod(self.ro_dir, 0o555)
            self.prefix = []

    def tearDown(self):
        os.chmod(self.ro_dir, 0o755)
        shutil.rmtree(self.ro_dir)
        super().tearDown()

    def run_ro(self, *args):
        env = dict(os.environ, G_DEBUG='fatal-warnings')
        env.pop('ZHAOSHANG_DB', None)
        return subprocess.run(self.prefix + [os.path.abspath(os.environ.get('ZHAOSHANG_CLI')),
                                             '--db', self.ro_db] + list(args),
                              capture_output=True, env=env, timeout=60, cwd='/tmp')

    def test_reads_work_and_writes_fail(self):
        before = digest(self.ro_db)
        backup = os.path.join(self.ro_dir if os.geteuid() != 0 else '/tmp',
                              'zs-ro-backup-%d.db' % os.getpid())
        for args in (('firms', 'list'), ('firms', 'show', '1'), ('history',), ('check',)):
            result = self.run_ro(*args)
            self.assertEqual(result.returncode, 0, (args, result.stderr))
        self.assertIn('金麦馕'.encode(), self.run_ro('firms', 'list').stdout)
        if os.geteuid() == 0:
            result = self.run_ro('backup', backup)
            self.assertEqual(result.returncode, 0, result.stderr)
            os.unlink(backup)
        result = self.run_ro('firms', 'edit', '1', '--notes', 'x')
        self.assertEqual(result.returncode, 1)
        self.assertIn('read only for you', result.stderr.decode())
        self.assert_untouched(self.ro_db, before)

    assert_untouched = OpeningTest.assert_untouched


if __name__ == '__main__':
    unittest.main()
