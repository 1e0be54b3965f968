/* zs-sql-reference.c: plain SQLite files that benchmarks measure the
 * store against (FTS5's trigram index, the sqlite3 shell's floor). They
 * keep their SQL here, with the rest of the project's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <sqlite3.h>

#include "zs-search-private.h"
#include "zs-sql-reference-private.h"

struct _ZsSqlReference
{
  sqlite3 *db;
};

struct _ZsSqlQuery
{
  sqlite3_stmt *stmt;
};

static gboolean
set_error (sqlite3     *db,
           const char  *what,
           GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", what,
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

const char *
_zs_sql_version (void)
{
  return sqlite3_libversion ();
}

/* @text as an SQL string literal, quotes doubled. */
char *
_zs_sql_quote (const char *text)
{
  char *quoted = sqlite3_mprintf ("%Q", text);
  char *copy = g_strdup (quoted);

  sqlite3_free (quoted);
  return copy;
}

ZsSqlReference *
_zs_sql_reference_open (const char  *path,
                        gboolean     read_only,
                        GError     **error)
{
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  sqlite3 *db = NULL;
  ZsSqlReference *self;

  if (sqlite3_open_v2 (path, &db, flags, NULL) != SQLITE_OK)
    {
      set_error (db, path, error);
      sqlite3_close (db);
      return NULL;
    }
  self = g_new0 (ZsSqlReference, 1);
  self->db = db;
  return self;
}

/* The store's own index, read without the store around it. */
gboolean
_zs_sql_reference_use_search_tokenizer (ZsSqlReference  *self,
                                        GError         **error)
{
  return zs_search_register_tokenizer (self->db, error);
}

gboolean
_zs_sql_reference_exec (ZsSqlReference  *self,
                        const char      *sql,
                        GError         **error)
{
  return sqlite3_exec (self->db, sql, NULL, NULL, NULL) == SQLITE_OK || set_error (self->db, sql, error);
}

/* The first column of the first row, or -1. */
gint64
_zs_sql_reference_count (ZsSqlReference *self,
                         const char     *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

void
_zs_sql_reference_close (ZsSqlReference *self)
{
  if (self == NULL)
    return;
  sqlite3_close (self->db);
  g_free (self);
}

ZsSqlQuery *
_zs_sql_query_new (ZsSqlReference  *reference,
                   const char      *sql,
                   GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  ZsSqlQuery *self;

  if (sqlite3_prepare_v2 (reference->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_error (reference->db, sql, error);
      return NULL;
    }
  self = g_new0 (ZsSqlQuery, 1);
  self->stmt = stmt;
  return self;
}

/* Binds @text to the query's one parameter and steps it to the end:
 * @result is its count (@counting) or its number of rows. */
gboolean
_zs_sql_query_run (ZsSqlQuery  *self,
                   const char  *text,
                   gboolean     counting,
                   gint64      *result,
                   GError     **error)
{
  int rc;

  *result = 0;
  sqlite3_bind_text (self->stmt, 1, text, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (self->stmt)) == SQLITE_ROW)
    *result = counting ? sqlite3_column_int64 (self->stmt, 0) : *result + 1;
  sqlite3_reset (self->stmt);
  return rc == SQLITE_DONE || set_error (sqlite3_db_handle (self->stmt), "query", error);
}

void
_zs_sql_query_free (ZsSqlQuery *self)
{
  if (self == NULL)
    return;
  sqlite3_finalize (self->stmt);
  g_free (self);
}
