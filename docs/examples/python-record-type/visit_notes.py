# visit_notes.py: an example Zhaoshang plugin declaring a record type
#
# Declares `visit_notes.note`; core gives it a table, validation, history and
# revert, search, `zhaoshang-cli records … visit_notes.note`, and import and
# export, with no more code.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json

import gi
gi.require_version('Zhaoshang', '1.0')
from gi.repository import GObject, Zhaoshang  # noqa: E402

NOTE = {
    'name': 'visit_notes.note', 'version': 1, 'label': '走访记录', 'plural_label': '走访记录',
    'fields': [
        {'name': 'firm', 'kind': 'reference', 'reference': 'firm', 'label': '企业',
         'required': True, 'on_delete': 'cascade'},
        {'name': 'visited_on', 'kind': 'date', 'label': '走访日期', 'required': True},
        {'name': 'summary', 'kind': 'text', 'label': '纪要', 'required': True,
         'searchable': True, 'max': 500},
        {'name': 'mood', 'kind': 'enum', 'label': '意向', 'default': 'neutral',
         'values': [{'value': 'keen', 'label': '积极'}, {'value': 'neutral', 'label': '一般'},
                    {'value': 'cold', 'label': '冷淡'}]},
        {'name': 'hours', 'kind': 'decimal', 'label': '时长(小时)', 'min': 0, 'max': 24},
    ],
}


class VisitNotesPlugin(GObject.Object, Zhaoshang.Activatable):
    __gtype_name__ = 'VisitNotesPlugin'

    def do_activate(self, context):
        context.register_record_type(Zhaoshang.RecordType.new_from_json(json.dumps(NOTE)))
        return True

    def do_deactivate(self):
        pass
