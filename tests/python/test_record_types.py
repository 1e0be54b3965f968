"""A record type declared from Python, its records created and read through GI."""
import json
import os
import tempfile
import unittest

import gi
gi.require_version('Zhaoshang', '1.0')
from gi.repository import GLib, Zhaoshang  # noqa: E402

DECLARATION = {
    'name': 'service_tracking.visit', 'version': 1,
    'label': 'Visit', 'plural_label': 'Visits',
    'fields': [
        {'name': 'title', 'kind': 'text', 'required': True, 'searchable': True},
        {'name': 'hours', 'kind': 'decimal', 'min': 0},
        {'name': 'firm', 'kind': 'reference', 'reference': 'firm'},
    ],
}


class RecordTypeTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.store = Zhaoshang.Store.create(os.path.join(self.dir.name, 'py.db'))

    def tearDown(self):
        del self.store
        self.dir.cleanup()

    def declare_in_code(self):
        visit = Zhaoshang.RecordType.new('service_tracking.call', 'Call', 'Calls', 1)
        subject = Zhaoshang.FieldSpec.new('subject', Zhaoshang.FieldKind.TEXT, '主题')
        subject.set_required(True)
        visit.add_field(subject)
        outcome = Zhaoshang.FieldSpec.new('outcome', Zhaoshang.FieldKind.ENUM, None)
        outcome.add_enum_value('won', '成功')
        outcome.add_enum_value('lost', '失败')
        visit.add_field(outcome)
        return visit

    def test_declared_in_json(self):
        added = []
        self.store.connect('record-type-added', lambda store, t: added.append(t.get_name()))
        record_type = Zhaoshang.RecordType.new_from_json(json.dumps(DECLARATION))
        self.store.register_record_type(record_type)
        self.assertEqual(added, ['service_tracking.visit'])

        record = Zhaoshang.Record.new(record_type)
        record.set_string('title', '走访喀什远航')
        record.set_double('hours', 1.5)
        record_id = self.store.create_record(record)
        read = self.store.get_record('service_tracking.visit', record_id)
        self.assertEqual(read.get_string('title'), '走访喀什远航')
        self.assertEqual(read.props.hours, 1.5)
        self.assertEqual(read.get_version(), 1)
        self.assertEqual([r.get_id() for r in
                          self.store.search_records('service_tracking.visit', '喀', 0)], [record_id])

    def test_declared_in_code_with_a_rule(self):
        record_type = self.declare_in_code()
        record_type.set_validate_func(
            lambda record: None if record.get_string('outcome') else 'outcome: say how it went')
        self.store.register_record_type(record_type)
        record = Zhaoshang.Record.new(record_type)
        record.set_string('subject', '电话回访')
        with self.assertRaises(GLib.Error) as caught:
            self.store.create_record(record)
        self.assertIn('outcome', caught.exception.message)
        record_type.set_text(record, 'outcome', 'won')
        self.assertGreater(self.store.create_record(record), 0)

    def test_bad_values_are_named(self):
        record_type = Zhaoshang.RecordType.new_from_json(json.dumps(DECLARATION))
        self.store.register_record_type(record_type)
        record = Zhaoshang.Record.new(record_type)
        with self.assertRaises(GLib.Error) as caught:
            record_type.set_text(record, 'hours', 'lots')
        self.assertTrue(caught.exception.matches(Zhaoshang.error_quark(), Zhaoshang.Error.INVALID))
        self.assertEqual(caught.exception.message, 'hours: “lots” is not a number')
        self.assertEqual(len(self.store.list_records('service_tracking.visit', None)), 0)

    def test_core_types_listed(self):
        names = [t.get_name() for t in self.store.list_record_types()]
        self.assertEqual(names[:5], ['firm', 'contact', 'project', 'activity', 'staff'])


if __name__ == '__main__':
    unittest.main()
