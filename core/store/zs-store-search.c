/* zs-store-search.c: keeping the firm search index in step with the firms
 *
 * `firm_search` is an FTS5 table over the view `firm_search_source` (a firm's
 * names, code, business scope and its contacts' names) that keeps no copy of
 * the text: the text is in `firms` and `contacts` already. Such an index is
 * told which terms to remove by giving it the values it indexed, so the
 * values of a firm are read before the first write that changes them
 * (_zs_store_search_before_write()), and the entry is replaced from the view
 * once the write is done: at once, or at the commit of a batch that defers
 * its indexing (_zs_store_set_deferred_indexing()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-error.h"
#include "zs-store-private.h"
#include "zs-store-raw-private.h"

#define SEARCH_COLUMNS "name, name_other, uscc, business_scope, contacts"
#define N_SEARCH_COLUMNS 5

/* What the index holds for one firm. */
struct _ZsSearchEntry
{
  char *values[N_SEARCH_COLUMNS];
};

void
_zs_search_entry_free (ZsSearchEntry *entry)
{
  if (entry == NULL)
    return;
  for (guint i = 0; i < N_SEARCH_COLUMNS; i++)
    g_free (entry->values[i]);
  g_free (entry);
}

/* The entry of @firm_id as the view gives it now, or NULL if there is no
 * such firm. */
static gboolean
read_entry (ZsStore        *self,
            gint64          firm_id,
            ZsSearchEntry **out,
            GError        **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT " SEARCH_COLUMNS " FROM firm_search_source "
                                          "WHERE id = ?", error);
  int rc;

  *out = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, firm_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = g_new0 (ZsSearchEntry, 1);
      for (guint i = 0; i < N_SEARCH_COLUMNS; i++)
        (*out)->values[i] = g_strdup ((const char *) sqlite3_column_text (stmt, i));
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      _zs_search_entry_free (g_steal_pointer (out));
      return FALSE;
    }
  return TRUE;
}

/**
 * _zs_store_search_before_write:
 *
 * Remembers what the index holds for @firm_id before a write changes the
 * firm or its contacts. Only the first write since the index was last
 * brought up to date counts: later ones find the entry remembered. A
 * savepoint rolled back forgets what was remembered within it.
 */
gboolean
_zs_store_search_before_write (ZsStore  *self,
                               gint64    firm_id,
                               GError  **error)
{
  ZsSearchEntry *entry;

  if (firm_id <= 0 || _zs_store_has_search_entry (self, firm_id))
    return TRUE;
  if (!read_entry (self, firm_id, &entry, error))
    return FALSE;
  _zs_store_remember_search_entry (self, firm_id, entry);
  return TRUE;
}

/**
 * _zs_store_search_created:
 *
 * Notes that @firm_id was just written for the first time: it has nothing
 * in the index to remove.
 */
void
_zs_store_search_created (ZsStore *self,
                          gint64   firm_id)
{
  if (!_zs_store_has_search_entry (self, firm_id))
    _zs_store_remember_search_entry (self, firm_id, NULL);
}

/**
 * _zs_store_search_after_write:
 *
 * Brings the index up to date after a write, unless a batch defers it to
 * its commit.
 */
gboolean
_zs_store_search_after_write (ZsStore  *self,
                              GError  **error)
{
  return _zs_store_is_indexing_deferred (self) || _zs_store_update_search (self, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
remove_entry (ZsStore             *self,
              gint64               firm_id,
              const ZsSearchEntry *entry,
              GError             **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "INSERT INTO firm_search (firm_search, rowid, " SEARCH_COLUMNS ") "
                                          "VALUES ('delete', ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, firm_id);
  for (guint i = 0; i < N_SEARCH_COLUMNS; i++)
    sqlite3_bind_text (stmt, i + 2, entry->values[i], -1, SQLITE_STATIC);
  return _zs_store_step_done (self, stmt, error);
}

/* One statement for all the new entries, in ascending order: FTS5 writes
 * the terms of a statement as one segment, and starts another whenever a
 * rowid is lower than the one before. */
static gboolean
add_entries (ZsStore  *self,
             GArray   *ids,
             GError  **error)
{
  g_autofree char *json = _zs_ids_to_json ((const gint64 *) (gpointer) ids->data, ids->len);
  sqlite3_stmt *stmt = _zs_store_prepare (self, "INSERT INTO firm_search (rowid, " SEARCH_COLUMNS ") "
                                          "SELECT id, " SEARCH_COLUMNS " FROM firm_search_source "
                                          "WHERE id IN (SELECT value FROM json_each (?)) ORDER BY id", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  return _zs_store_step_done (self, stmt, error);
}

/**
 * _zs_store_update_search:
 *
 * Replaces the index entries of the firms written since the index was last
 * brought up to date: the remembered terms go, the firm's present ones (if
 * it still exists) come in.
 */
gboolean
_zs_store_update_search (ZsStore  *self,
                         GError  **error)
{
  g_autoptr(GHashTable) pending = _zs_store_steal_search_pending (self);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (pending));
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (pending) == 0)
    return TRUE;
  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, compare_ids);

  for (guint i = 0; i < ids->len; i++)
    {
      const ZsSearchEntry *entry = g_hash_table_lookup (pending, &g_array_index (ids, gint64, i));

      if (entry != NULL && !remove_entry (self, g_array_index (ids, gint64, i), entry, error))
        return FALSE;
    }
  return add_entries (self, ids, error);
}

/* FTS5 keeps the terms of the rows it indexes in memory and writes them
 * out as a segment whenever they pass its hash size; it merges segments
 * once `automerge` of them are alike in size. For many rows at once (an
 * import's batches, a rebuild) a 16 MiB hash writes fewer, larger
 * segments, and merging 16 at a time rewrites each term half as often as
 * merging 4. Queries do as well on the segments left (measured on 1M
 * firms), and later writes go on merging them. The defaults are written
 * back as they are, not as read, so that an import killed before it could
 * restore them leaves no trace in the next one. */
static const char * const search_settings[][3] = {
  /* key, for many rows, FTS5's default */
  { "hashsize", ZS_SEARCH_HASHSIZE_MANY, ZS_SEARCH_HASHSIZE_DEFAULT },
  { "automerge", ZS_SEARCH_AUTOMERGE_MANY, ZS_SEARCH_AUTOMERGE_DEFAULT },
};

gboolean
_zs_store_tune_search (ZsStore     *self,
                       const char  *table,
                       gboolean     many_rows,
                       GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES (?, ?)", table, table);

  for (guint i = 0; i < G_N_ELEMENTS (search_settings); i++)
    if (_zs_store_execute (self, sql, (const char *[]) { search_settings[i][0],
                                                       search_settings[i][many_rows ? 1 : 2], NULL },
                          error) < 0)
      return FALSE;
  return TRUE;
}

/* The index is compared, term by term and column by column, with one built
 * afresh from the view, inside a savepoint that is rolled back. */
static const char check_create_sql[] =
  "CREATE VIRTUAL TABLE zs_check_search USING fts5 (" ZS_SEARCH_TABLE_ARGS ");";

static const char check_sql[] =
  "INSERT INTO zs_check_search (zs_check_search) VALUES ('rebuild');"
  "CREATE VIRTUAL TABLE temp.zs_check_have USING fts5vocab (main, firm_search, col);"
  "CREATE VIRTUAL TABLE temp.zs_check_want USING fts5vocab (main, zs_check_search, col);";

/* Read only, nothing can be made in the file: the fresh index is built in
 * memory, over a view of the same name as its content. */
static const char check_create_temp_sql[] =
  "CREATE TEMP VIEW firm_search_source AS SELECT * FROM main.firm_search_source;"
  "CREATE VIRTUAL TABLE temp.zs_check_search USING fts5 (" ZS_SEARCH_TABLE_ARGS ");"
  "INSERT INTO temp.zs_check_search (zs_check_search) VALUES ('rebuild');"
  "CREATE VIRTUAL TABLE temp.zs_check_have USING fts5vocab (main, firm_search, col);"
  "CREATE VIRTUAL TABLE temp.zs_check_want USING fts5vocab (temp, zs_check_search, col);";

static const char check_differences_sql[] =
  "SELECT (SELECT count(*) FROM (SELECT * FROM zs_check_have EXCEPT SELECT * FROM zs_check_want)) +"
  "       (SELECT count(*) FROM (SELECT * FROM zs_check_want EXCEPT SELECT * FROM zs_check_have))";

static gboolean
is_query_only (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean on = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA query_only", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    on = sqlite3_column_int (stmt, 0) == 1;
  sqlite3_finalize (stmt);
  return on;
}

static gint64
compare_index (ZsStore  *self,
               gboolean  read_only,
               GError  **error)
{
  sqlite3 *db = _zs_store_get_db (self);
  sqlite3_stmt *stmt = NULL;
  gint64 differences = -1;

  /* FTS5's own check is a write: read only, the comparison stands alone. */
  if ((!read_only &&
       !_zs_store_exec (self, "INSERT INTO firm_search (firm_search) VALUES ('integrity-check')", error)) ||
      !_zs_store_exec (self, "SAVEPOINT zs_check_search", error))
    return -1;
  if (read_only
      ? _zs_store_exec (self, check_create_temp_sql, error)
      : (_zs_store_exec (self, check_create_sql, error) &&
         _zs_store_tune_search (self, "zs_check_search", TRUE, error) &&
         _zs_store_exec (self, check_sql, error)))
    {
      if (sqlite3_prepare_v2 (db, check_differences_sql, -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        differences = sqlite3_column_int64 (stmt, 0);
      else
        _zs_store_set_error (self, error);
      sqlite3_finalize (stmt);
    }
  /* Whatever happened, the tables made for the check go. */
  sqlite3_exec (db, "ROLLBACK TO zs_check_search; RELEASE zs_check_search", NULL, NULL, NULL);
  return differences;
}

/* A store read only by request (query_only) allows the temporary tables of
 * the comparison for its time; the database file itself is not written. */
static gint64
count_index_differences (ZsStore  *self,
                         GError  **error)
{
  sqlite3 *db = _zs_store_get_db (self);
  gboolean read_only = zs_store_is_read_only (self);
  gboolean query_only = read_only && is_query_only (db);
  gint64 differences;

  if (query_only && !_zs_store_exec (self, "PRAGMA query_only = OFF", error))
    return -1;
  differences = compare_index (self, read_only, error);
  if (query_only)
    sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  return differences;
}

/**
 * _zs_store_check_search:
 *
 * Whether the search index holds exactly the terms of the firms as they
 * are; %ZS_ERROR_DAMAGED if not.
 */
gboolean
_zs_store_check_search (ZsStore  *self,
                        GError  **error)
{
  gint64 differences = count_index_differences (self, error);

  if (differences < 0)
    return FALSE;
  if (differences > 0)
    {
      int n = (int) MIN (differences, G_MAXINT);

      g_set_error (error, ZS_ERROR, ZS_ERROR_DAMAGED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The search index differs from the firms in %d term; rebuild it to repair it",
                                "The search index differs from the firms in %d terms; rebuild it to repair it", n),
                   n);
      return FALSE;
    }
  return TRUE;
}

/**
 * _zs_store_rebuild_search:
 *
 * Builds the search index again from the firms and their contacts.
 */
gboolean
_zs_store_rebuild_search (ZsStore  *self,
                          GError  **error)
{
  ZsDb *data = _zs_store_get_data (self);

  g_hash_table_unref (_zs_store_steal_search_pending (self));
  /* One transaction, so that a rebuild cut short leaves neither a partial
   * index nor the settings for many rows behind. */
  if (!_zs_db_begin (data, error))
    return FALSE;
  if (_zs_store_tune_search (self, "firm_search", TRUE, error) &&
      _zs_store_exec (self, "INSERT INTO firm_search (firm_search) VALUES ('rebuild')", error) &&
      _zs_store_tune_search (self, "firm_search", FALSE, error) &&
      _zs_db_commit (data, error))
    return TRUE;
  _zs_db_rollback (data);
  return FALSE;
}
