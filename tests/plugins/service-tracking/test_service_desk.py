"""The service-tracking desk called from Python through its typelib."""
import unittest

import gi
gi.require_version('ZhaoshangService', '1.0')
from gi.repository import GLib, Zhaoshang, ZhaoshangService  # noqa: E402

from service_case import ServiceTestCase, parsed  # noqa: E402


class ServiceDeskTest(ServiceTestCase):
    def desk(self):
        return self.service(ZhaoshangService.ServiceDesk)

    def open_item(self):
        """A signed project with a case and one item due on 2026-03-10."""
        project = Zhaoshang.Project.new()
        project.set_firm_id(self.add_firm('霍尔果斯服务测试有限公司'))
        project.set_title('服务测试项目')
        project.set_stage(Zhaoshang.Stage.SIGNED)
        project_id = self.store.add_project(project)
        staff = Zhaoshang.Staff.new()
        staff.set_name('王专员')
        case = self.add('service_tracking.case', project=project_id, manager=self.store.add_staff(staff),
                        opened='2026-03-02')
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
        self.assert_withdrawn_when_unloaded(ZhaoshangService.ServiceDesk)


if __name__ == '__main__':
    unittest.main()
