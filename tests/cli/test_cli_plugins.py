#!/usr/bin/env python3
"""zhaoshang-cli with plugins: the example plugins, and a plugin a user drops
into ~/.local/share/zhaoshang/plugins, as the plugin guide tells them to."""

import json
import os
import sqlite3
import subprocess
import tempfile
import textwrap
import unittest

CLI = os.environ.get('ZHAOSHANG_CLI', 'zhaoshang-cli')
EXAMPLES = os.environ['ZHAOSHANG_EXAMPLE_PLUGINS']

USER_PLUGIN = textwrap.dedent('''\
    import gi
    gi.require_version('Zhaoshang', '1.0')
    from gi.repository import GObject, Zhaoshang


    class VisitNotes(GObject.Object, Zhaoshang.SchemaProvider, Zhaoshang.CommandProvider):
        def do_get_migrations(self):
            return ['CREATE TABLE visit_notes_notes (firm_id INTEGER, note TEXT)']

        def do_get_commands(self):
            return ['note']

        def do_get_help(self, command):
            return 'note FIRM_ID TEXT: keep a note'

        def do_run(self, context, command, args, as_json):
            context.get_storage().execute('INSERT INTO visit_notes_notes VALUES (?, ?)', args)
            return 'noted\\n'
    ''')


class PluginCliTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='zs-cli-plugins-')
        self.db = os.path.join(self.tmp.name, 'zhaoshang.db')
        self.data_home = os.path.join(self.tmp.name, 'data')
        self.env = dict(os.environ, XDG_DATA_HOME=self.data_home, ZHAOSHANG_PLUGIN_PATH=EXAMPLES,
                        G_DEBUG='fatal-warnings')
        self.env.pop('ZHAOSHANG_DB', None)
        self.run_cli('init')

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, status=0):
        result = subprocess.run([CLI, '--db', self.db, *args], capture_output=True,
                                env=self.env, timeout=60)
        self.assertEqual(result.returncode, status, result.stderr.decode())
        return result

    def plugins(self):
        listed = json.loads(self.run_cli('plugins', 'list', '--json').stdout)
        return {p['module_name']: p for p in listed}

    def test_examples_listed_and_verbs_run(self):
        plugins = self.plugins()
        self.assertEqual(plugins['change-log']['loader'], 'c')
        self.assertEqual(plugins['firm_tags']['loader'], 'python3')
        # every example loads (the app-only page of visit_notes is not on this path)
        self.assertTrue(all(p['active'] and p['error'] is None for p in plugins.values()))
        self.assertNotIn('visit_notes_page', plugins)

        firm = json.loads(self.run_cli('firms', 'add', '--name', '霍尔果斯金麦馕食品有限公司',
                                       '--uscc', '91440300708461136T', '--json').stdout)
        self.run_cli('tag', str(firm['id']), '重点')
        tags = json.loads(self.run_cli('tags', '--json').stdout)
        self.assertEqual(tags, [{'tag': '重点', 'firms': 1}])
        log = json.loads(self.run_cli('change-log', '--json').stdout)
        self.assertEqual([row['entity'] for row in log], ['firm'])

    def test_usage_errors_and_unknown_verbs(self):
        self.assertIn(b'usage: tag', self.run_cli('tag', 'x', status=2).stderr)
        self.assertIn(b'plugins list', self.run_cli('no-such-verb', status=2).stderr)
        self.assertIn(b'TAG', self.run_cli('tag', '--help').stdout)

    def test_disable_persists(self):
        self.run_cli('plugins', 'disable', 'firm_tags')
        self.assertFalse(self.plugins()['firm_tags']['enabled'])
        self.run_cli('tags', status=2)
        info = json.loads(self.run_cli('plugins', 'enable', 'firm_tags', '--json').stdout)
        self.assertTrue(info['active'])
        self.run_cli('plugins', 'info', 'no-such-plugin', status=1)

    def test_user_plugin_from_data_home(self):
        folder = os.path.join(self.data_home, 'zhaoshang', 'plugins', 'visit_notes')
        os.makedirs(folder)
        with open(os.path.join(folder, 'visit_notes.plugin'), 'w') as f:
            f.write('[Plugin]\nLoader=python3\nModule=visit_notes\nName=Visit notes\nVersion=0.1\n')
        with open(os.path.join(folder, 'visit_notes.py'), 'w') as f:
            f.write(USER_PLUGIN)

        plugin = self.plugins()['visit_notes']
        self.assertTrue(plugin['enabled'])
        self.assertTrue(plugin['active'], plugin['error'])
        self.assertEqual(self.run_cli('note', '1', '客户想看清水河的地块').stdout, b'noted\n')
        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute('SELECT note FROM visit_notes_notes').fetchall(),
                             [('客户想看清水河的地块',)])


if __name__ == '__main__':
    unittest.main()
