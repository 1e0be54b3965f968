/* zs-store-internal.h: what the layers above the store (transfer,
 * plugins) may call beyond the public API; not installed
 *
 * No SQL and no sqlite types cross this line: the data behind these calls
 * could live in another database (see docs/architecture.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-store.h"

G_BEGIN_DECLS

typedef struct _ZsEntity ZsEntity;

const ZsEntity *_zs_entity_lookup      (const char     *name);

/* Writes in a savepoint of their own: all or nothing. */
gboolean      _zs_store_savepoint      (ZsStore        *self,
                                        GError        **error);
gboolean      _zs_store_release        (ZsStore        *self,
                                        GError        **error);
void          _zs_store_rollback_to    (ZsStore        *self);
void          _zs_store_set_atomic_rows (ZsStore       *self,
                                        gboolean        atomic);
char         *_zs_store_now            (void);

/* Batches: deferred audit rows and search entries, tuned search index. */
void          _zs_store_set_import_id  (ZsStore        *self,
                                        gint64          import_id);
gboolean      _zs_store_write_deferred (ZsStore        *self,
                                        GError        **error);
void          _zs_store_drop_deferred  (ZsStore        *self);
void          _zs_store_set_deferred_indexing (ZsStore *self,
                                        gboolean        deferred);
gboolean      _zs_store_tune_search    (ZsStore        *self,
                                        const char     *table,
                                        gboolean        many_rows,
                                        GError        **error);

/* What can be worked out of a record before it is written, in any thread
 * (an import's reading thread), so that the write does less. */
void          _zs_firm_prepare_write   (ZsFirm         *firm);

/* Records as model objects. */
GObject      *_zs_record_load          (ZsStore        *self,
                                        const ZsEntity *entity,
                                        gint64          id,
                                        GError        **error);
gboolean      _zs_record_update        (ZsStore        *self,
                                        const ZsEntity *entity,
                                        GObject        *record,
                                        GError        **error);
GPtrArray    *_zs_record_list_page     (ZsStore        *self,
                                        const ZsEntity *entity,
                                        gint64          after_id,
                                        guint           limit,
                                        GError        **error);
char         *_zs_value_to_string      (const GValue   *value);

/* Lookups: the id found, 0 if none, -1 with @error set. */
gint64        _zs_store_find_firm_by_uscc (ZsStore     *self,
                                        const char     *uscc,
                                        GError        **error);
gint64        _zs_store_find_firm_by_name (ZsStore     *self,
                                        const char     *name,
                                        GError        **error);
gint64        _zs_store_find_contact   (ZsStore        *self,
                                        gint64          firm_id,
                                        const char     *name,
                                        GError        **error);
gint64        _zs_store_find_project   (ZsStore        *self,
                                        gint64          firm_id,
                                        const char     *title,
                                        GError        **error);
gint64        _zs_store_find_activity  (ZsStore        *self,
                                        gint64          firm_id,
                                        const char     *date,
                                        const char     *kind,
                                        const char     *notes,
                                        GError        **error);
char         *_zs_store_get_firm_uscc  (ZsStore        *self,
                                        gint64          firm_id,
                                        GError        **error);

/* One row per sector, region or park: code, name and the other names it is
 * known by (NULL-terminated). */
typedef enum
{
  ZS_REFERENCE_SECTORS,
  ZS_REFERENCE_REGIONS,
  ZS_REFERENCE_PARKS,
} ZsReference;

GPtrArray    *_zs_store_list_reference_names (ZsStore  *self,
                                        ZsReference     reference,
                                        GError        **error);

/* Imports. */
typedef struct
{
  guint64 rows_read;
  guint64 inserted;
  guint64 updated;
  guint64 skipped;
  guint64 rejected;
} ZsImportCounts;

gint64        _zs_store_start_import   (ZsStore        *self,
                                        const char     *entity,
                                        const char     *file,
                                        GError        **error);
gboolean      _zs_store_finish_import  (ZsStore        *self,
                                        gint64          import_id,
                                        const char     *status,
                                        const ZsImportCounts *counts,
                                        GError        **error);
gboolean      _zs_store_update_import_counts (ZsStore  *self,
                                        gint64          import_id,
                                        const ZsImportCounts *counts,
                                        GError        **error);
gboolean      _zs_store_import_is_alive (ZsStore       *self,
                                        gint64          import_id);
char         *_zs_store_get_import_status (ZsStore     *self,
                                        gint64          import_id,
                                        GError        **error);
GArray       *_zs_store_list_import_changes (ZsStore   *self,
                                        gint64          import_id,
                                        GError        **error);
GPtrArray    *_zs_store_list_import_edits (ZsStore     *self,
                                        gint64          import_id,
                                        GError        **error);
gboolean      _zs_store_mark_import_undone (ZsStore    *self,
                                        gint64          import_id,
                                        GError        **error);
void          _zs_store_yield_to_writers (ZsStore      *self);
gboolean      _zs_store_writers_waiting (ZsStore      *self);

/* Plugins' settings and the versions of their schemas. */
gboolean      _zs_store_read_plugin_enabled (ZsStore   *self,
                                        const char     *module_name,
                                        gboolean       *enabled,
                                        GError        **error);
char         *_zs_store_read_plugin_error (ZsStore     *self,
                                        const char     *module_name,
                                        GError        **error);
gboolean      _zs_store_write_plugin_setting (ZsStore  *self,
                                        const char     *module_name,
                                        gboolean        enabled,
                                        const char     *last_error,
                                        GError        **error);
int           _zs_store_read_plugin_schema_version (ZsStore *self,
                                        const char     *schema,
                                        GError        **error);
gboolean      _zs_store_apply_plugin_schema_step (ZsStore *self,
                                        const char     *schema,
                                        int             version,
                                        const char     *sql,
                                        GError        **error);

char         *_zs_store_swap_pragma     (ZsStore        *self,
                                        const char     *pragma,
                                        const char     *value);
GPtrArray    *_zs_store_list_firms_noting (ZsStore      *self,
                                        const char     *text,
                                        guint           offset,
                                        guint           limit,
                                        GError        **error);

G_END_DECLS
