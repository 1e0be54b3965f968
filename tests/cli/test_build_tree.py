#!/usr/bin/env python3
"""zhaoshang-cli run straight from the build tree with nothing exported:
it finds the built-in plugins, the typelib and the translations by itself,
so the README's `_build/ui/cli/zhaoshang-cli chain list` works as written."""

import json
import os
import subprocess
import tempfile
import unittest

CLI = os.environ['ZHAOSHANG_CLI']


class BuildTreeTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='zs-build-tree-')
        # A clean environment: no plugin path, typelib path or locale dir.
        self.env = {'PATH': '/usr/bin:/bin', 'HOME': self.tmp.name}
        self.run_cli('init')

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, status=0, env=None):
        result = subprocess.run([CLI, *args], capture_output=True, env=env or self.env, timeout=60)
        self.assertEqual(result.returncode, status, result.stderr.decode())
        return result

    def test_builtin_plugins_found(self):
        listed = {p['module_name']: p
                  for p in json.loads(self.run_cli('plugins', 'list', '--json').stdout)}
        self.assertIn('industry-chain', listed)
        self.assertTrue(listed['industry-chain']['active'], listed['industry-chain']['error'])
        chains = self.run_cli('chain', 'list').stdout.decode()
        self.assertTrue(chains.strip())
        help_text = self.run_cli('--help').stdout.decode()
        self.assertIn('(industry-chain):', help_text)
        self.assertIn('chain', help_text.split('(industry-chain):')[1])

    def test_translations_found(self):
        env = dict(self.env, LANGUAGE='zh_CN', LANG='C.UTF-8')
        result = self.run_cli('no-such-verb', status=2, env=env)
        self.assertIn('未知', result.stderr.decode())

    def test_plugin_path_set_empty_means_none(self):
        env = dict(self.env, ZHAOSHANG_PLUGIN_PATH='')
        listed = json.loads(self.run_cli('plugins', 'list', '--json', env=env).stdout)
        self.assertNotIn('industry-chain', [p['module_name'] for p in listed])


if __name__ == '__main__':
    unittest.main()
