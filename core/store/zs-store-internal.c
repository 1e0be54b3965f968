/* zs-store-internal.c: the store calls of the import and export jobs and
 * of the plugin engine (see zs-store-internal.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "zs-error.h"
#include "zs-store-private.h"
#include "zs-store-raw-private.h"

/* A batch import sleeps this long after each commit, so that writers
 * polling for the lock (see zs-db.c) get in before its next batch. */
/* How long an import lets waiting writers go first, at most, and how
 * often it looks whether they did. */
#define YIELD_MAX_US (250 * 1000)
#define YIELD_POLL_US 1000

/* The first column of the first row as an id: 0 if none, -1 on error. */
static gint64
first_id (ZsStore       *self,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  gboolean row;
  gint64 id;

  if (!_zs_db_step (_zs_store_get_data (self), stmt, &row, error))
    return -1;
  id = row ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return id;
}

/* Runs the bound @stmt as a write of its own: the write lock first. */
static gboolean
run_write (ZsStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (!_zs_store_savepoint (self, error))
    return FALSE;
  if (!_zs_store_step_done (self, stmt, error))
    {
      _zs_store_rollback_to (self);
      return FALSE;
    }
  return _zs_store_release (self, error);
}

gint64
_zs_store_find_contact (ZsStore     *self,
                        gint64       firm_id,
                        const char  *name,
                        GError     **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT id FROM contacts WHERE firm_id = ? AND name = ?", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, firm_id);
  sqlite3_bind_text (stmt, 2, name ? name : "", -1, SQLITE_TRANSIENT);
  return first_id (self, stmt, error);
}

gint64
_zs_store_find_project (ZsStore     *self,
                        gint64       firm_id,
                        const char  *title,
                        GError     **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT id FROM projects WHERE firm_id = ? AND title = ?", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, firm_id);
  sqlite3_bind_text (stmt, 2, title ? title : "", -1, SQLITE_TRANSIENT);
  return first_id (self, stmt, error);
}

gint64
_zs_store_find_activity (ZsStore     *self,
                         gint64       firm_id,
                         const char  *date,
                         const char  *kind,
                         const char  *notes,
                         GError     **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self,
                                          "SELECT id FROM activities WHERE firm_id = ? AND date = ? AND kind = ? "
                                          "AND coalesce (notes, '') = ?", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, firm_id);
  sqlite3_bind_text (stmt, 2, date ? date : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, notes ? notes : "", -1, SQLITE_TRANSIENT);
  return first_id (self, stmt, error);
}

/* The firm's code; "" for a firm that does not exist. */
char *
_zs_store_get_firm_uscc (ZsStore  *self,
                         gint64    firm_id,
                         GError  **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT uscc FROM firms WHERE id = ?", error);
  gboolean row;
  char *uscc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, firm_id);
  if (!_zs_db_step (_zs_store_get_data (self), stmt, &row, error))
    return NULL;
  uscc = g_strdup (row && sqlite3_column_text (stmt, 0) ? (const char *) sqlite3_column_text (stmt, 0) : "");
  sqlite3_reset (stmt);
  return uscc;
}

/* Up to @limit records with ids above @after_id, in id order. */
GPtrArray *
_zs_record_list_page (ZsStore        *self,
                      const ZsEntity *entity,
                      gint64          after_id,
                      guint           limit,
                      GError        **error)
{
  g_autofree char *sql = _zs_record_select_sql (entity, "WHERE t.id > ? ORDER BY t.id LIMIT ?");
  sqlite3_stmt *stmt = _zs_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  return _zs_record_collect (self, entity, stmt, error);
}

/* Rows of texts: code, name, then the other names (a JSON array of
 * synonyms for sectors, the English name for parks). */
GPtrArray *
_zs_store_list_reference_names (ZsStore      *self,
                                ZsReference   reference,
                                GError      **error)
{
  static const char * const sql[] = {
    [ZS_REFERENCE_SECTORS] = "SELECT code, name, synonyms FROM sectors",
    [ZS_REFERENCE_REGIONS] = "SELECT code, name, '' FROM regions",
    [ZS_REFERENCE_PARKS] = "SELECT code, name, name_en FROM parks",
  };

  g_return_val_if_fail (reference < G_N_ELEMENTS (sql), NULL);
  return _zs_store_query (self, sql[reference], NULL, error);
}

/* The import's row says "running" from its start, committed at once, so
 * a writer that waits in vain can name it (see describe_writer ()); the
 * import's byte lock, taken before the row is seen, tells a running import
 * from one whose process died (see _zs_store_import_is_alive ()). */
gint64
_zs_store_start_import (ZsStore     *self,
                        const char  *entity,
                        const char  *file,
                        GError     **error)
{
  g_autofree char *now = _zs_store_now ();
  gint64 import_id;

  if (!_zs_store_savepoint (self, error))
    return 0;
  if (_zs_store_execute (self, "INSERT INTO imports (started_at, actor, entity, file, status) "
                        "VALUES (?, ?, ?, ?, 'running')",
                        (const char *[]) { now, zs_store_get_actor (self), entity, file, NULL }, error) < 0)
    {
      _zs_store_rollback_to (self);
      return 0;
    }
  import_id = sqlite3_last_insert_rowid (_zs_store_get_db (self));
  if (!_zs_db_hold_import (_zs_store_get_data (self), import_id, error))
    {
      _zs_store_rollback_to (self);
      return 0;
    }
  if (!_zs_store_release (self, error))
    {
      _zs_db_release_import (_zs_store_get_data (self));
      return 0;
    }
  return import_id;
}

/**
 * _zs_store_import_is_alive:
 *
 * Whether the import @import_id, recorded as running, still runs in some
 * process; if not, it was interrupted and its counts are what it committed.
 */
gboolean
_zs_store_import_is_alive (ZsStore *self,
                           gint64   import_id)
{
  return _zs_db_import_is_alive (_zs_store_get_data (self), import_id);
}

/* The counts of what the import committed so far, written in the batch's
 * own transaction: whatever becomes of the process, the row tells what
 * is in the tables. */
gboolean
_zs_store_update_import_counts (ZsStore               *self,
                                gint64                 import_id,
                                const ZsImportCounts  *counts,
                                GError               **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self,
                                          "UPDATE imports SET rows_read = ?, inserted = ?, updated = ?, "
                                          "skipped = ?, rejected = ? WHERE id = ?",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, (sqlite3_int64) counts->rows_read);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) counts->inserted);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) counts->updated);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) counts->skipped);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) counts->rejected);
  sqlite3_bind_int64 (stmt, 6, import_id);
  return run_write (self, stmt, error);
}

gboolean
_zs_store_finish_import (ZsStore               *self,
                         gint64                 import_id,
                         const char            *status,
                         const ZsImportCounts  *counts,
                         GError               **error)
{
  g_autofree char *now = _zs_store_now ();
  sqlite3_stmt *stmt = _zs_store_prepare (self,
                                          "UPDATE imports SET finished_at = ?, status = ?, rows_read = ?, "
                                          "inserted = ?, updated = ?, skipped = ?, rejected = ? WHERE id = ?",
                                          error);
  gboolean ok;

  if (stmt == NULL)
    {
      _zs_db_release_import (_zs_store_get_data (self));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) counts->rows_read);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) counts->inserted);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) counts->updated);
  sqlite3_bind_int64 (stmt, 6, (sqlite3_int64) counts->skipped);
  sqlite3_bind_int64 (stmt, 7, (sqlite3_int64) counts->rejected);
  sqlite3_bind_int64 (stmt, 8, import_id);
  ok = run_write (self, stmt, error);
  /* Even on failure: a row left "running" then reads as interrupted. */
  _zs_db_release_import (_zs_store_get_data (self));
  return ok;
}

/* "running", "done", "undone"…, and "interrupted" for an import recorded
 * as running whose process is gone; NULL with ZS_ERROR_NOT_FOUND if there
 * is no such import. */
char *
_zs_store_get_import_status (ZsStore  *self,
                             gint64    import_id,
                             GError  **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT status FROM imports WHERE id = ?", error);
  gboolean row;
  char *status = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, import_id);
  if (!_zs_db_step (_zs_store_get_data (self), stmt, &row, error))
    return NULL;
  if (row)
    status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (row && g_str_equal (status, "running") && !_zs_store_import_is_alive (self, import_id))
    {
      g_free (status);
      status = g_strdup ("interrupted");
    }
  else if (!row)
    g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                 _("There is no import with id %" PRId64), import_id);
  sqlite3_reset (stmt);
  return status;
}

/* The ids of the import's changes not yet reverted, newest first. */
GArray *
_zs_store_list_import_changes (ZsStore  *self,
                               gint64    import_id,
                               GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _zs_store_prepare (self,
                                          "SELECT id FROM changes WHERE import_id = ? AND reverted_by IS NULL "
                                          "ORDER BY id DESC", error);
  gboolean row = TRUE;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, import_id);
  while (row)
    {
      gint64 id;

      if (!_zs_db_step (_zs_store_get_data (self), stmt, &row, error))
        return NULL;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

/**
 * _zs_store_list_import_edits:
 *
 * The records the import created or changed that were changed again
 * since, by anything but the import: one text each, naming the record and
 * the last change ("firm 12 “…”: changed by bob at …").
 */
GPtrArray *
_zs_store_list_import_edits (ZsStore  *self,
                             gint64    import_id,
                             GError  **error)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _zs_store_prepare (self,
                                          "SELECT i.entity, i.entity_id, coalesce (l.actor, ''), l.at, "
                                          "  CASE i.entity"
                                          "    WHEN 'firm' THEN (SELECT name FROM firms WHERE id = i.entity_id)"
                                          "    WHEN 'contact' THEN (SELECT name FROM contacts WHERE id = i.entity_id)"
                                          "    WHEN 'project' THEN (SELECT title FROM projects WHERE id = i.entity_id)"
                                          "  END "
                                          "FROM (SELECT entity, entity_id, min (id) AS first FROM changes "
                                          "      WHERE import_id = ?1 AND reverted_by IS NULL "
                                          "      GROUP BY entity, entity_id) AS i "
                                          "JOIN changes AS l ON l.id = "
                                          "  (SELECT max (id) FROM changes WHERE entity = i.entity "
                                          "   AND entity_id = i.entity_id AND id > i.first "
                                          "   AND import_id IS NOT ?1 AND reverted_by IS NULL) "
                                          "ORDER BY i.entity, i.entity_id", error);
  gboolean row = TRUE;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, import_id);
  while (row)
    {
      const char *name;

      if (!_zs_db_step (_zs_store_get_data (self), stmt, &row, error))
        return NULL;
      if (!row)
        break;
      name = (const char *) sqlite3_column_text (stmt, 4);
      if (name != NULL)
        g_ptr_array_add (edits, g_strdup_printf (_("%s %" PRId64 " “%s”: changed by %s at %s"),
                                                 (const char *) sqlite3_column_text (stmt, 0),
                                                 (gint64) sqlite3_column_int64 (stmt, 1), name,
                                                 (const char *) sqlite3_column_text (stmt, 2),
                                                 (const char *) sqlite3_column_text (stmt, 3)));
      else
        g_ptr_array_add (edits, g_strdup_printf (_("%s %" PRId64 ": changed by %s at %s"),
                                                 (const char *) sqlite3_column_text (stmt, 0),
                                                 (gint64) sqlite3_column_int64 (stmt, 1),
                                                 (const char *) sqlite3_column_text (stmt, 2),
                                                 (const char *) sqlite3_column_text (stmt, 3)));
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&edits);
}

gboolean
_zs_store_mark_import_undone (ZsStore  *self,
                              gint64    import_id,
                              GError  **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "UPDATE imports SET status = 'undone' WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import_id);
  return run_write (self, stmt, error);
}

/* After a commit, while no lock is held: a writer that waits (it says so
 * with a byte lock, see busy_handler () in zs-db.c) gets the lock before
 * the import takes it again. */
void
_zs_store_yield_to_writers (ZsStore *self)
{
  ZsDb *db = _zs_store_get_data (self);
  gint64 until = g_get_monotonic_time () + YIELD_MAX_US;

  g_return_if_fail (_zs_db_get_depth (db) == 0);

  while (_zs_db_writers_waiting (db) && g_get_monotonic_time () < until)
    g_usleep (YIELD_POLL_US);
}

/**
 * _zs_store_writers_waiting:
 *
 * Whether another writer waits for the lock: a batch import then ends
 * its batch early.
 */
gboolean
_zs_store_writers_waiting (ZsStore *self)
{
  return _zs_db_writers_waiting (_zs_store_get_data (self));
}

/* Plugins are on until the user turns them off; a failed read is an
 * error, never "on". */
gboolean
_zs_store_read_plugin_enabled (ZsStore     *self,
                               const char  *module_name,
                               gboolean    *enabled,
                               GError     **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT enabled FROM plugin_settings WHERE module_name = ?", error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, module_name, -1, SQLITE_TRANSIENT);
  if (!_zs_db_step (_zs_store_get_data (self), stmt, &row, error))
    return FALSE;
  *enabled = row ? sqlite3_column_int (stmt, 0) != 0 : TRUE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* The reason the plugin was last turned off, NULL if none (or on error). */
char *
_zs_store_read_plugin_error (ZsStore     *self,
                             const char  *module_name,
                             GError     **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT last_error FROM plugin_settings WHERE module_name = ?", error);
  gboolean row;
  char *last_error = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, module_name, -1, SQLITE_TRANSIENT);
  if (!_zs_db_step (_zs_store_get_data (self), stmt, &row, error))
    return NULL;
  if (row && sqlite3_column_text (stmt, 0) != NULL)
    last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return last_error;
}

gboolean
_zs_store_write_plugin_setting (ZsStore     *self,
                                const char  *module_name,
                                gboolean     enabled,
                                const char  *last_error,
                                GError     **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self,
                                          "INSERT INTO plugin_settings (module_name, enabled, last_error) "
                                          "VALUES (?, ?, ?) ON CONFLICT (module_name) DO UPDATE SET "
                                          "enabled = excluded.enabled, last_error = excluded.last_error",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, module_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, enabled);
  sqlite3_bind_text (stmt, 3, last_error, -1, SQLITE_TRANSIENT);
  return run_write (self, stmt, error);
}

/* 0 for a schema never installed, -1 on error. */
int
_zs_store_read_plugin_schema_version (ZsStore     *self,
                                      const char  *schema,
                                      GError     **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT version FROM plugin_schemas WHERE schema_name = ?", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, schema, -1, SQLITE_TRANSIENT);
  return (int) first_id (self, stmt, error);
}

/* Runs the plugin's own script for @version and records it, together. */
gboolean
_zs_store_apply_plugin_schema_step (ZsStore     *self,
                                    const char  *schema,
                                    int          version,
                                    const char  *sql,
                                    GError     **error)
{
  sqlite3_stmt *stmt;

  if (!_zs_store_savepoint (self, error))
    return FALSE;
  if (!_zs_store_exec (self, sql, error) ||
      !(stmt = _zs_store_prepare (self,
                                  "INSERT INTO plugin_schemas (schema_name, version) VALUES (?, ?) "
                                  "ON CONFLICT (schema_name) DO UPDATE SET version = excluded.version",
                                  error)))
    {
      _zs_store_rollback_to (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, schema, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, version);
  if (!_zs_store_step_done (self, stmt, error))
    {
      _zs_store_rollback_to (self);
      return FALSE;
    }
  return _zs_store_release (self, error);
}

/**
 * _zs_store_swap_pragma:
 *
 * Sets the connection setting @pragma to @value, for speed during a batch
 * import.
 *
 * Returns: (transfer full) (nullable): the value in force before, for
 *   restoring it, or %NULL if it could not be changed
 */
char *
_zs_store_swap_pragma (ZsStore    *self,
                       const char *pragma,
                       const char *value)
{
  g_autofree char *read = g_strdup_printf ("PRAGMA %s", pragma);
  g_autofree char *write = g_strdup_printf ("PRAGMA %s = %s", pragma, value);
  g_autoptr(GPtrArray) rows = _zs_store_query (self, read, NULL, NULL);

  if (rows == NULL || rows->len == 0 || _zs_store_execute (self, write, NULL, NULL) < 0)
    return NULL;
  return g_strdup (((char **) g_ptr_array_index (rows, 0))[0]);
}

