#!/usr/bin/env python3
"""Plugin verbs in zhaoshang-cli: listed in --help grouped by plugin and in
`plugins info`, options checked by the command kit, and the verbs of a
plugin that is disabled or failed to load explained instead of "unknown"."""

import json
import os
import subprocess
import tempfile
import unittest

CLI = os.environ.get('ZHAOSHANG_CLI', 'zhaoshang-cli')
FIXTURES = os.environ['ZHAOSHANG_PLUGIN_FIXTURES']


class PluginVerbsTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='zs-cli-verbs-')
        self.db = os.path.join(self.tmp.name, 'zhaoshang.db')
        # The fixtures include plugins that fail to load on purpose, and
        # libpeas warns about each: those warnings are not fatal here.
        self.env = dict(os.environ, XDG_DATA_HOME=os.path.join(self.tmp.name, 'data'),
                        ZHAOSHANG_PLUGIN_PATH=FIXTURES, G_DEBUG='')
        self.env.pop('ZHAOSHANG_DB', None)
        self.run_cli('init')

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, status=0):
        result = subprocess.run([CLI, '--db', self.db, *args], capture_output=True,
                                env=self.env, timeout=60)
        self.assertEqual(result.returncode, status, result.stderr.decode())
        return result

    def test_help_groups_plugin_verbs(self):
        help_text = self.run_cli('--help').stdout.decode()
        self.assertIn('Verbs of plugins:', help_text)
        lines = help_text.splitlines()
        kit = lines.index('  Kit verbs (kit_verbs):')
        self.assertIn('visits report PARK', lines[kit + 1])
        self.assertIn('走访汇总', lines[kit + 1])
        self.assertIn('  Partner report (partner_report):', lines)
        # a plugin that failed still shows the verbs its .plugin file declares
        failed = lines.index('  Syntax error (syntax_error):')
        self.assertIn('broken-verb', lines[failed + 1])

    def test_plugins_info_lists_verbs(self):
        info = json.loads(self.run_cli('plugins', 'info', 'kit_verbs', '--json').stdout)
        self.assertEqual(info['verbs'], ['visits'])
        text = self.run_cli('plugins', 'info', 'kit_verbs').stdout.decode()
        self.assertIn('visits report PARK', text)

    def test_kit_parses_options(self):
        out = self.run_cli('visits', 'report', '霍尔果斯', '--top', '3', '--tag', 'a', '--tag', 'b',
                           '--since', '2026-01-02', '--all').stdout.decode()
        self.assertEqual(out, 'park=霍尔果斯 top=3 since=2026-01-02 weight=1 tags=a,b all=True json=False\n')
        out = self.run_cli('visits', 'report', 'X', '--json').stdout.decode()
        self.assertIn('json=True', out)
        err = self.run_cli('visits', 'report', 'X', '--top', 'abc', status=2).stderr.decode()
        self.assertIn('--top', err)
        self.assertIn('abc', err)
        err = self.run_cli('visits', 'report', status=2).stderr.decode()
        self.assertIn('PARK', err)
        self.assertIn('--top N', self.run_cli('visits', 'report', '--help').stdout.decode())

    def test_failed_plugin_verb_explained(self):
        err = self.run_cli('broken-verb', status=1).stderr.decode()
        self.assertIn('syntax_error', err)
        self.assertIn('failed to load', err)
        # the Python error says where: file and line
        self.assertIn('syntax_error.py:1', err)
        info = json.loads(self.run_cli('plugins', 'info', 'syntax_error', '--json').stdout)
        self.assertIn('syntax_error.py:1', info['error'])

    def test_disabled_plugin_verb_explained(self):
        self.run_cli('plugins', 'disable', 'kit_verbs')
        err = self.run_cli('visits', 'report', 'X', status=1).stderr.decode()
        self.assertIn('kit_verbs', err)
        self.assertIn('disabled', err)
        self.assertIn('plugins enable kit_verbs', err)

    def test_plugin_settings(self):
        listed = json.loads(self.run_cli('plugins', 'settings', 'settings_seed', '--json').stdout)
        self.assertEqual([k['key'] for k in listed], ['threshold', 'top', 'organic_only', 'region'])
        self.assertEqual(listed[1], {'key': 'top', 'label': 'Crops to show', 'type': 'int', 'value': 3,
                                     'default': 3, 'changed': False, 'min': 1, 'max': 50})
        self.assertEqual(self.run_cli('crops', 'good').stdout.decode(), 'cotton,lavender top=3 region=霍尔果斯\n')
        self.run_cli('plugins', 'set', 'settings_seed', 'threshold', '3.5')
        self.run_cli('plugins', 'set', 'settings_seed', 'region', '伊犁')
        self.assertEqual(self.run_cli('crops', 'good').stdout.decode(), 'lavender top=3 region=伊犁\n')
        text = self.run_cli('plugins', 'settings', 'settings_seed').stdout.decode()
        self.assertRegex(text, r'threshold +3.5 +default 2.5 +Yield that counts as good \(t/亩\) \(changed\)')
        err = self.run_cli('plugins', 'set', 'settings_seed', 'top', '99', status=1).stderr.decode()
        self.assertIn('top: 99 is not from 1 to 50', err)
        err = self.run_cli('plugins', 'set', 'settings_seed', 'colour', 'red', status=1).stderr.decode()
        self.assertIn('“colour” is not a setting', err)
        self.run_cli('plugins', 'reset', 'settings_seed', 'threshold')
        self.assertEqual(self.run_cli('crops', 'good').stdout.decode(), 'cotton,lavender top=3 region=伊犁\n')
        self.run_cli('plugins', 'reset', 'settings_seed')
        listed = json.loads(self.run_cli('plugins', 'settings', 'settings_seed', '--json').stdout)
        self.assertFalse(any(k['changed'] for k in listed))
        self.run_cli('plugins', 'disable', 'settings_seed')
        err = self.run_cli('plugins', 'settings', 'settings_seed', status=1).stderr.decode()
        self.assertIn('not active', err)


if __name__ == '__main__':
    unittest.main(verbosity=2)
