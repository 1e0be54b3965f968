#!/usr/bin/env python3
"""zhaoshang-cli backup and restore: whole backups or none, restores that
replay no leftover WAL and wait for nobody."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'import'))
from test_import import good_row, HEADER  # noqa: E402

CLI = os.environ.get('ZHAOSHANG_CLI', 'zhaoshang-cli')


class BackupRestoreTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='zs-backup-')
        self.db = self.path('zhaoshang.db')
        self.cli('init')
        first = good_row(1)
        self.cli('firms', 'add', '--name', first[0], '--uscc', first[1])

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def run_cli(self, *args):
        return subprocess.run([CLI, '--db', self.db, *args], capture_output=True, timeout=300)

    def cli(self, *args, status=0):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, status, result.stderr.decode())
        return result.stdout.decode() if status == 0 else result.stderr.decode()

    def count_firms(self):
        return len(json.loads(self.cli('firms', 'list', '--json', '--limit', '1000000')))

    def write_rows(self, name, count):
        with open(self.path(name), 'w', encoding='utf-8') as f:
            f.write(','.join(HEADER) + '\n')
            for i in range(2, count + 2):
                f.write(','.join(good_row(i)) + '\n')
        return self.path(name)

    def test_backup_refuses_empty_and_existing_targets(self):
        message = self.cli('backup', '', status=1)
        self.assertIn('empty', message)
        existing = self.path('old.db')
        with open(existing, 'wb') as f:
            f.write(b'an older backup')
        message = self.cli('backup', existing, status=1)
        self.assertIn(existing, message)
        with open(existing, 'rb') as f:
            self.assertEqual(f.read(), b'an older backup')
        self.cli('backup', self.path('new.db'))
        self.assertEqual(sorted(n for n in os.listdir(self.tmp.name) if not n.endswith(('-wal', '-shm'))),
                         ['new.db', 'old.db', 'zhaoshang.db'])

    def test_killed_backup_leaves_no_target(self):
        self.cli('import', 'firms', self.write_rows('many.csv', 60000))
        target = self.path('killed.db')
        for delay in (0.02, 0.05, 0.1, 0.2):
            process = subprocess.Popen([CLI, '--db', self.db, 'backup', target],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
            if not os.path.exists(target):
                break
            os.unlink(target)
        else:
            self.skipTest('every backup ended before it could be killed')
        self.assertFalse(os.path.exists(target))
        # A new backup to the same name is whole and sound.
        self.cli('backup', target)
        self.cli('check', status=0)
        conn = sqlite3.connect(f'file:{target}?mode=ro', uri=True)
        self.assertEqual(conn.execute('PRAGMA integrity_check').fetchone()[0], 'ok')
        conn.close()

    def test_restore_over_leftover_wal(self):
        backup = self.path('one.db')
        self.cli('backup', backup)
        # An import killed mid-way leaves its committed batches in the -wal file.
        rows = self.write_rows('big.csv', 150000)
        process = subprocess.Popen([CLI, '--db', self.db, 'import', 'firms', rows, '--batch-size', '5000'],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline and (not os.path.exists(self.db + '-wal') or
                                          os.path.getsize(self.db + '-wal') < 4 << 20):
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        self.assertGreater(os.path.getsize(self.db + '-wal'), 0)

        out = json.loads(self.cli('restore', backup, '--json'))
        self.assertEqual(out['restored_from'], backup)
        kept = out['kept']
        self.assertTrue(os.path.basename(kept).startswith('zhaoshang-before-restore-'))
        self.assertEqual(self.count_firms(), 1)
        self.cli('check')
        # The database as it was, with what the killed import committed.
        conn = sqlite3.connect(f'file:{kept}?mode=ro', uri=True)
        self.assertGreater(conn.execute('SELECT count(*) FROM firms').fetchone()[0], 1)
        conn.close()
        self.assertEqual(self.count_firms(), 1)

    def test_restore_refused_while_open_elsewhere(self):
        backup = self.path('one.db')
        self.cli('backup', backup)
        self.cli('firms', 'add', '--name', good_row(2)[0], '--uscc', good_row(2)[1])
        holder = subprocess.Popen(['/usr/bin/python3', '-c',
                                   'import sqlite3, sys, time\n'
                                   'c = sqlite3.connect(sys.argv[1])\n'
                                   'c.execute("SELECT count(*) FROM sqlite_master").fetchall()\n'
                                   'print("open", flush=True)\n'
                                   'time.sleep(60)\n', self.db],
                                  stdout=subprocess.PIPE)
        try:
            self.assertEqual(holder.stdout.readline().strip(), b'open')
            message = self.cli('restore', backup, status=1)
            self.assertIn('close the app first', message)
        finally:
            holder.kill()
            holder.wait()
            holder.stdout.close()
        self.assertEqual(self.count_firms(), 2)
        self.assertFalse([n for n in os.listdir(self.tmp.name) if 'before-restore' in n])
        self.cli('restore', backup)
        self.assertEqual(self.count_firms(), 1)

    def test_restore_refuses_files_not_ours(self):
        other = self.path('other.db')
        conn = sqlite3.connect(other)
        conn.execute('CREATE TABLE notes (text)')
        conn.commit()
        conn.close()
        self.assertIn('not a Zhaoshang backup', self.cli('restore', other, status=1))
        empty = self.path('empty.db')
        open(empty, 'wb').close()
        self.assertIn('empty', self.cli('restore', empty, status=1))
        self.assertIn('no backup file', self.cli('restore', self.path('missing.db'), status=1))
        self.assertEqual(self.count_firms(), 1)

    def test_check_changes_nothing(self):
        # A file with no tables (a backup killed early, before) is refused
        # by check, byte for byte as it was.
        bare = self.path('bare.db')
        conn = sqlite3.connect(bare)
        conn.execute('PRAGMA page_size = 4096')
        conn.execute('VACUUM')
        conn.close()
        with open(bare, 'rb') as f:
            before = f.read()
        result = subprocess.run([CLI, '--db', bare, 'check'], capture_output=True, timeout=60)
        self.assertEqual(result.returncode, 1)
        self.assertIn(b'not a Zhaoshang database', result.stderr)
        with open(bare, 'rb') as f:
            self.assertEqual(f.read(), before)
        self.assertEqual(sorted(n for n in os.listdir(self.tmp.name) if not n.endswith(('-wal', '-shm'))),
                         ['bare.db', 'zhaoshang.db'])


if __name__ == '__main__':
    unittest.main()
