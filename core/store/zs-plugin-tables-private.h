/* zs-plugin-tables-private.h: the core's own tables inside a plugin's
 * storage (a plugin's settings and its seed bookkeeping), for the plugin
 * engine; not installed
 *
 * No SQL and no sqlite types cross this line: each call takes the plugin's
 * storage and typed values (see docs/architecture.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-plugin-storage.h"

G_BEGIN_DECLS

/* Settings: PREFIX_core_settings, a value per key the user changed. */
gboolean     _zs_plugin_tables_ensure_settings (ZsPluginStorage  *storage,
                                                GError          **error);
gboolean     _zs_plugin_tables_get_setting     (ZsPluginStorage  *storage,
                                                const char       *key,
                                                char            **value,
                                                GError          **error);
gboolean     _zs_plugin_tables_put_setting     (ZsPluginStorage  *storage,
                                                const char       *key,
                                                const char       *value,
                                                GError          **error);
gboolean     _zs_plugin_tables_delete_settings (ZsPluginStorage  *storage,
                                                const char       *key,
                                                GError          **error);
gboolean     _zs_plugin_tables_audit_setting   (ZsPluginStorage  *storage,
                                                const char       *key,
                                                const char       *before,
                                                const char       *after,
                                                GError          **error);

/* Seed bookkeeping: PREFIX_core_seed, a row per seed record, and
 * PREFIX_core_seed_revision, the revision applied. */
typedef struct
{
  gint64  record_id;   /* 0: a tombstone, the user deleted the record */
  gint64  version;     /* the record's version the seed wrote last */
  char   *created_at;  /* the record's creation time, "" for a tombstone */
  char   *key;         /* the seed key */
  char   *key_field;   /* the field that holds the key */
} ZsSeedEntry;

void         _zs_seed_entry_free               (ZsSeedEntry      *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZsSeedEntry, _zs_seed_entry_free)

gboolean     _zs_plugin_tables_ensure_seed     (ZsPluginStorage  *storage,
                                                GError          **error);
gint64       _zs_plugin_tables_get_seed_revision (ZsPluginStorage *storage,
                                                GError          **error);
gboolean     _zs_plugin_tables_set_seed_revision (ZsPluginStorage *storage,
                                                gint64            revision,
                                                GError          **error);
gboolean     _zs_plugin_tables_find_seed_key   (ZsPluginStorage  *storage,
                                                const char       *type_name,
                                                const char       *key,
                                                ZsSeedEntry     **entry,
                                                GError          **error);
gboolean     _zs_plugin_tables_find_seed_record (ZsPluginStorage *storage,
                                                const char       *type_name,
                                                gint64            record_id,
                                                ZsSeedEntry     **entry,
                                                GError          **error);
gboolean     _zs_plugin_tables_remember_seed   (ZsPluginStorage  *storage,
                                                const char       *type_name,
                                                const char       *key,
                                                const char       *key_field,
                                                gint64            record_id,
                                                gint64            version,
                                                const char       *created_at,
                                                GError          **error);
gboolean     _zs_plugin_tables_forget_seed     (ZsPluginStorage  *storage,
                                                const char       *type_name,
                                                const char       *key,
                                                const char       *key_field,
                                                GError          **error);

G_END_DECLS
