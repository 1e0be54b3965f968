# visit_notes_page.py: the app's page of the visit_notes example
#
# The generic list-and-form page of the record type; a plugin may return a
# page of its own instead. Separate from visit_notes.py so that
# zhaoshang-cli, which has no GTK, does not load it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import gi
gi.require_version('Gtk', '4.0')
gi.require_version('ZhaoshangGtk', '1.0')
from gi.repository import GObject, ZhaoshangGtk  # noqa: E402


class VisitNotesPage(GObject.Object, ZhaoshangGtk.PageProvider):
    __gtype_name__ = 'VisitNotesPage'

    def do_get_id(self):
        return 'visit-notes'

    def do_get_title(self):
        return '走访记录'

    def do_get_icon_name(self):
        return 'x-office-address-book-symbolic'

    def do_create_page(self, store, engine):
        return ZhaoshangGtk.RecordTypePage.new(store, 'visit_notes.note')
