# firm_tags.py: an example Zhaoshang plugin in Python
#
# Keeps its own table of tags on firms, adds the `tag` and `tags` verbs to
# zhaoshang-cli, and removes a firm's tags when the firm is deleted.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json

import gi
gi.require_version('Zhaoshang', '1.0')
from gi.repository import GLib, GObject, Zhaoshang  # noqa: E402


class FirmTagsPlugin(GObject.Object, Zhaoshang.Activatable, Zhaoshang.SchemaProvider,
                     Zhaoshang.CommandProvider):
    __gtype_name__ = 'FirmTagsPlugin'

    def __init__(self):
        super().__init__()
        self.store = None
        self.storage = None
        self.handler = 0

    # Activatable
    def do_activate(self, context):
        self.store = context.get_store()
        # The plugin's own SQL goes through its storage: tables named
        # firm_tags_…, core data through the core_… views.
        self.storage = context.get_storage()
        self.handler = self.store.connect('changed', self.on_changed)
        return True

    def do_deactivate(self):
        if self.store is not None and self.handler:
            self.store.disconnect(self.handler)
        self.store = None
        self.storage = None
        self.handler = 0

    def on_changed(self, store, entity, entity_id, kind):
        if entity == 'firm' and kind == Zhaoshang.ChangeKind.DELETE:
            self.storage.execute('DELETE FROM firm_tags_tags WHERE firm_id = ?', [str(entity_id)])

    # SchemaProvider
    def do_get_schema_name(self):
        return 'firm_tags'

    def do_get_migrations(self):
        return [
            'CREATE TABLE firm_tags_tags (firm_id INTEGER NOT NULL, tag TEXT NOT NULL,'
            ' PRIMARY KEY (firm_id, tag))',
            'CREATE INDEX firm_tags_tags_by_tag ON firm_tags_tags (tag)',
        ]

    # CommandProvider
    def do_get_commands(self):
        return ['tag', 'tags']

    def do_get_help(self, command):
        if command == 'tag':
            return 'tag FIRM_ID TAG: tag a firm'
        return 'tags [TAG]: list tags, or the firms with TAG'

    def do_run(self, context, command, args, as_json):
        store = context.get_store()
        storage = context.get_storage()
        if command == 'tag':
            if len(args) != 2 or not args[0].isdigit():
                raise GLib.Error('usage: tag FIRM_ID TAG', 'g-option-context-error-quark', 1)
            store.get_firm(int(args[0]))   # raises a clear error for an unknown firm
            storage.execute('INSERT OR IGNORE INTO firm_tags_tags (firm_id, tag) VALUES (?, ?)', args)
            return ''
        if args:
            rows = json.loads(storage.query_json(
                'SELECT t.firm_id, f.name FROM firm_tags_tags t JOIN core_firms f ON f.id = t.firm_id '
                'WHERE t.tag = ? ORDER BY t.firm_id', [args[0]]))
        else:
            rows = json.loads(storage.query_json(
                'SELECT tag, count(*) AS firms FROM firm_tags_tags GROUP BY tag ORDER BY tag', None))
        if as_json:
            return json.dumps(rows, ensure_ascii=False) + '\n'
        return ''.join('\t'.join(str(v) for v in row.values()) + '\n' for row in rows)
