"""What the tests of plugin services from Python share: a fresh store and
engine with every plugin on the path loaded, records made through the
record API, and JSON nodes read as Python values."""
import json
import os
import tempfile
import unittest

import gi
gi.require_version('Json', '1.0')
gi.require_version('Zhaoshang', '1.0')
from gi.repository import Json, Zhaoshang  # noqa: E402

USCC = '914403001922038216'


def parsed(node):
    return json.loads(Json.to_string(node, False))


class ServiceTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.store = Zhaoshang.Store.create(os.path.join(self.dir.name, 'plugins.db'))
        self.store.load_seed()
        self.engine = Zhaoshang.PluginEngine.new(self.store)
        self.engine.load_all()

    def tearDown(self):
        self.engine.unload_all()
        del self.engine, self.store
        self.dir.cleanup()

    def service(self, interface):
        service = self.engine.get_service(interface)
        self.assertIsNotNone(service, f'no plugin publishes {interface.__name__}')
        return service

    def assert_withdrawn_when_unloaded(self, interface):
        self.service(interface)
        self.engine.unload_all()
        self.assertIsNone(self.engine.get_service(interface))

    def add(self, type_name, **fields):
        record_type = self.store.lookup_record_type(type_name)
        record = Zhaoshang.Record.new(record_type)
        for name, value in fields.items():
            record_type.set_text(record, name, str(value))
        return self.store.create_record(record)

    def add_firm(self, name, uscc=USCC):
        firm = Zhaoshang.Firm.new()
        firm.set_name(name)
        firm.set_uscc(uscc)
        return self.store.add_firm(firm)
