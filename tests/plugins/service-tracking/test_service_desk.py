"""The service-tracking desk called from Python through its typelib."""
import json
import os
import tempfile
import unittest

import gi
gi.require_version('Json', '1.0')
gi.require_version('Zhaoshang', '1.0')
gi.require_version('ZhaoshangService', '1.0')
from gi.repository import GLib, Json, Zhaoshang, ZhaoshangService  # noqa: E402


def parsed(node):
    return json.loads(Json.to_string(node, False))


class ServiceDeskTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.store = Zhaoshang.Store.create(os.path.join(self.dir.name, 'service.db'))
        self.store.load_seed()
        self.engine = Zhaoshang.PluginEngine.new(self.store)
        self.engine.load_all()

    def tearDown(self):
        self.engine.unload_all()
        del self.engine, self.store
        self.dir.cleanup()

    def desk(self):
        desk = self.engine.get_service(ZhaoshangService.ServiceDesk)
        self.assertIsNotNone(desk, 'the service-tracking plugin publishes no desk')
        return desk

    def add(self, type_name, **fields):
        record_type = self.store.lookup_record_type(type_name)
        record = Zhaoshang.Record.new(record_type)
        for name, value in fields.items():
            record_type.set_text(record, name, str(value))
        return self.store.create_record(record)

    def open_item(self):
        """A signed project with a case and one item due on 2026-03-10."""
        firm = Zhaoshang.Firm.new()
        firm.set_name('霍尔果斯服务测试有限公司')
        firm.set_uscc('914403001922038216')
        project = Zhaoshang.Project.new()
        project.set_firm_id(self.store.add_firm(firm))
        project.set_title('服务测试项目')
        project.set_stage(Zhaoshang.Stage.SIGNED)
        project_id = self.store.add_project(project)
        staff = Zhaoshang.Staff.new()
        staff.set_name('王专员')
        staff_id = self.store.add_staff(staff)
        case = self.add('service_tracking.case', project=project_id, manager=staff_id, opened='2026-03-02')
        return self.add('service_tracking.item', case_id=case, name='环评批复', department='生态环境局',
                        opened='2026-03-02', due='2026-03-10')

    def test_item_done_and_overview(self):
        item = self.open_item()
        overdue = parsed(self.desk().overdue(self.store, '2026-03-20'))
        self.assertIn(item, [row['id'] for row in overdue])
        done = parsed(self.desk().item_done(self.store, item, '2026-03-09'))
        self.assertEqual(done['status'], 'done')
        self.assertEqual(parsed(self.desk().overdue(self.store, '2026-03-20')), [])
        self.assertEqual(len(parsed(self.desk().overview(self.store, '2026-03-20'))['cases']), 1)

    def test_errors_arrive_as_glib_errors(self):
        with self.assertRaises(GLib.Error) as caught:
            self.desk().item_done(self.store, 4242, '2026-03-09')
        self.assertIn('4242', caught.exception.message)
        self.assertTrue(caught.exception.matches(Zhaoshang.error_quark(), Zhaoshang.Error.NOT_FOUND),
                        caught.exception.message)

    def test_withdrawn_when_unloaded(self):
        self.desk()
        self.engine.unload_all()
        self.assertIsNone(self.engine.get_service(ZhaoshangService.ServiceDesk))


if __name__ == '__main__':
    unittest.main()
