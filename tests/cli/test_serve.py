#!/usr/bin/env python3
"""zhaoshang-cli serve as another system meets it: HTTPS with the given
certificate, plain HTTP to the network only when asked for, silent
connections dropped, and a clean stop on SIGTERM."""

import json
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import unittest
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'import'))
from test_import import good_row  # noqa: E402

CLI = os.environ.get('ZHAOSHANG_CLI', 'zhaoshang-cli')
# Hang guards only: nothing here asserts how fast anything is.
WAIT = 120


class Server:
    """A `serve` process, its base URL read from the line it prints."""

    def __init__(self, db, *args, env=None):
        self.process = subprocess.Popen([CLI, '--db', db, 'serve', '--port', '0', '--quiet', *args],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        self.lines = []
        self.url = None
        for raw in self.process.stderr:
            line = raw.decode('utf-8', 'replace')
            self.lines.append(line)
            found = re.search(r'(https?://[0-9.]+:\d+)/api/v1/', line)
            if found:
                self.url = found.group(1)
                break
        if self.url is None:
            self.process.wait(timeout=WAIT)
            raise AssertionError(f'serve did not start: {"".join(self.lines)}')

    @property
    def port(self):
        return int(self.url.rsplit(':', 1)[1])

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        rest = self.process.stderr.read().decode('utf-8', 'replace')
        self.process.stderr.close()
        self.lines.append(rest)
        return self.process.wait(timeout=WAIT)


class ServeTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='zs-serve-')
        self.db = os.path.join(self.tmp.name, 'zhaoshang.db')
        self.cli('init')
        self.cli('staff', 'add', '--name', '李娜', '--role', 'admin')
        self.cli('firms', 'add', '--name', '霍尔果斯服务测试有限公司', '--uscc', good_row(1)[1])
        self.token = self.cli('token', 'create', '--staff', '李娜').strip().split()[-1]

    def tearDown(self):
        self.tmp.cleanup()

    def cli(self, *args, status=0):
        result = subprocess.run([CLI, '--db', self.db, *args], capture_output=True, timeout=WAIT)
        self.assertEqual(result.returncode, status, result)
        return result.stdout.decode('utf-8')

    def serve_refused(self, *args):
        result = subprocess.run([CLI, '--db', self.db, 'serve', '--port', '0', *args],
                                capture_output=True, timeout=WAIT)
        self.assertEqual(result.returncode, 2, result)
        return result.stderr.decode('utf-8')

    def get(self, url, context=None):
        request = urllib.request.Request(url + '/api/v1/firms',
                                         headers={'Authorization': f'Bearer {self.token}'})
        with urllib.request.urlopen(request, timeout=WAIT, context=context) as answer:
            return answer.status, json.loads(answer.read())

    def certificate(self):
        cert = os.path.join(self.tmp.name, 'cert.pem')
        key = os.path.join(self.tmp.name, 'key.pem')
        subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
                        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
                        '-keyout', key, '-out', cert], check=True, capture_output=True, timeout=WAIT)
        return cert, key

    def test_https_with_the_given_certificate(self):
        cert, key = self.certificate()
        # Under the sanitizers, LeakSanitizer's own thread tracer crashes at
        # exit beside GnuTLS's threads (“Tracer caught signal 11”): leaks are
        # looked for in the plain HTTP servers of the other tests.
        env = dict(os.environ)
        if 'ASAN_OPTIONS' in env:
            env['ASAN_OPTIONS'] += ':detect_leaks=0'
        server = Server(self.db, '--tls-cert', cert, '--tls-key', key, env=env)
        try:
            self.assertTrue(server.url.startswith('https://'), server.url)
            context = ssl.create_default_context(cafile=cert)
            status, body = self.get(server.url, context)
            self.assertEqual(status, 200)
            self.assertIn('霍尔果斯服务测试有限公司', json.dumps(body, ensure_ascii=False))
            # Plain HTTP to the HTTPS port gets no answer of the API.
            with self.assertRaises((urllib.error.URLError, ConnectionError, OSError)):
                self.get(server.url.replace('https://', 'http://'))
        finally:
            self.assertEqual(server.stop(), 0, server.lines)

    def test_network_address_needs_tls_or_insecure(self):
        message = self.serve_refused('--address', '0.0.0.0')
        self.assertIn('--tls-cert', message)
        self.assertIn('--insecure', message)
        self.assertIn('--tls-cert and --tls-key go together', self.serve_refused('--tls-cert', 'x.pem'))
        self.assertIn('“nowhere”', self.serve_refused('--address', 'nowhere'))

        server = Server(self.db, '--address', '0.0.0.0', '--insecure')
        try:
            self.assertRegex(''.join(server.lines), r'(?i)warning|plain HTTP')
            status, _ = self.get(f'http://127.0.0.1:{server.port}')
            self.assertEqual(status, 200)
        finally:
            self.assertEqual(server.stop(), 0, server.lines)

    def test_bad_request_timeout_refused(self):
        self.assertIn('--request-timeout', self.serve_refused('--request-timeout', '0'))
        self.assertIn('--request-timeout', self.serve_refused('--request-timeout', '99999'))

    def test_silent_connection_is_dropped(self):
        server = Server(self.db, '--request-timeout', '1')
        try:
            with socket.create_connection(('127.0.0.1', server.port), timeout=WAIT) as stalled:
                # Headers begun and never finished: the server stops waiting.
                stalled.sendall(b'GET /api/v1/firms HTTP/1.1\r\nHost: 127.0.0.1\r\n')
                try:
                    rest = stalled.recv(4096)
                    while rest:
                        rest = stalled.recv(4096)
                except ConnectionResetError:
                    pass
            # and goes on answering everyone else
            status, _ = self.get(server.url)
            self.assertEqual(status, 200)
        finally:
            self.assertEqual(server.stop(), 0, server.lines)


if __name__ == '__main__':
    unittest.main(verbosity=2)
