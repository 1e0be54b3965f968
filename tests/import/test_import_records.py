#!/usr/bin/env python3
"""What the imports table says: counts as committed, interrupted imports,
encoding errors with their line, and undo that refuses what it must."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from test_import import good_row, HEADER  # noqa: E402

CLI = os.environ.get('ZHAOSHANG_CLI', 'zhaoshang-cli')


class ImportRecordsTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='zs-records-')
        self.db = self.path('zhaoshang.db')
        self.cli('init')

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def cli(self, *args, status=0):
        result = subprocess.run([CLI, '--db', self.db, *args], capture_output=True, timeout=300)
        self.assertEqual(result.returncode, status, result.stderr.decode())
        return result.stdout.decode() if status == 0 else result.stderr.decode()

    def imports(self):
        return json.loads(self.cli('imports', 'list', '--json'))

    def count_firms(self):
        conn = sqlite3.connect(f'file:{self.db}?mode=ro', uri=True)
        try:
            return conn.execute('SELECT count(*) FROM firms').fetchone()[0]
        finally:
            conn.close()

    def write_rows(self, name, count, gbk_row=None):
        with open(self.path(name), 'wb') as f:
            f.write((','.join(HEADER) + '\r\n').encode())
            for i in range(1, count + 1):
                line = ','.join(good_row(i)) + '\r\n'
                f.write(line.encode('gbk' if i == gbk_row else 'utf-8'))
        return self.path(name)

    def start_import(self, rows):
        return subprocess.Popen([CLI, '--db', self.db, 'import', 'firms', rows, '--batch-size', '5000'],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def wait_for_rows(self, process, at_least):
        deadline = time.time() + 120
        while time.time() < deadline and process.poll() is None:
            listed = self.imports()
            if listed and listed[0]['inserted'] >= at_least:
                return listed[0]
            time.sleep(0.05)
        self.fail('the import committed too little before it ended')

    def test_killed_import_is_interrupted_with_committed_counts(self):
        process = self.start_import(self.write_rows('big.csv', 200000))
        running = self.wait_for_rows(process, 10000)
        self.assertEqual(running['status'], 'running')
        process.send_signal(signal.SIGKILL)
        process.wait()
        listed = self.imports()[0]
        self.assertEqual(listed['status'], 'interrupted')
        self.assertEqual(listed['inserted'], self.count_firms())
        self.assertEqual(listed['rows_read'], listed['inserted'])
        self.assertIn('interrupted', self.cli('imports', 'list'))
        # What it committed can be undone as a unit.
        self.cli('imports', 'undo', str(listed['id']))
        self.assertEqual(self.count_firms(), 0)

    def test_undo_while_running_is_refused(self):
        process = self.start_import(self.write_rows('big.csv', 200000))
        try:
            running = self.wait_for_rows(process, 5000)
            message = self.cli('imports', 'undo', str(running['id']), status=1)
            self.assertIn('still running', message)
        finally:
            process.wait()
        listed = self.imports()[0]
        self.assertEqual(listed['status'], 'done')
        self.assertEqual(listed['inserted'], 200000)
        self.assertEqual(self.count_firms(), 200000)

    def test_mixed_encoding_reports_line_and_committed_counts(self):
        rows = self.write_rows('mixed.csv', 30000, gbk_row=25000)
        messages = []
        for encoding in ('auto', 'utf-8'):
            self.cli('init')
            message = self.cli('import', 'firms', rows, '--encoding', encoding, status=1)
            messages.append(message)
            self.assertIn('line 25001', message)
            self.assertIn('not valid UTF-8', message)
            listed = self.imports()[0]
            self.assertEqual(listed['status'], 'interrupted')
            self.assertEqual(listed['inserted'], 20000)
            self.assertEqual(self.count_firms(), 20000)
            self.assertIn('20000 inserted', message)
            self.cli('imports', 'undo', str(listed['id']))

    def test_undo_after_an_edit_needs_force(self):
        rows = self.write_rows('small.csv', 3)
        summary = json.loads(self.cli('import', 'firms', rows, '--json'))
        firms = json.loads(self.cli('firms', 'list', '--json'))
        edited = firms[1]
        self.cli('--as', 'editor', 'firms', 'edit', str(edited['id']), '--capital', '999')
        message = self.cli('imports', 'undo', str(summary['import_id']), status=1)
        self.assertIn('--force', message)
        self.assertIn(edited['name'], message)
        self.assertIn('editor', message)
        self.assertEqual(self.count_firms(), 3)
        self.cli('imports', 'undo', str(summary['import_id']), '--force')
        self.assertEqual(self.count_firms(), 0)
        self.assertEqual(self.imports()[0]['status'], 'undone')


if __name__ == '__main__':
    unittest.main()
