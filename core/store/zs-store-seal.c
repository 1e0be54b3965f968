/* zs-store-seal.c: the seal of the audit trail
 *
 * Every row of `changes` has a digest of the fields that never change once
 * written (reverted_by and group_id are set later, by revert and cascade).
 * Triggers on `changes` keep the count of rows and the sum of their
 * digests in the one row of `audit_seal`, through functions only the store
 * registers: a row deleted or edited from a plain sqlite3 shell fails with
 * "no such function", and one changed with the triggers dropped no longer
 * adds up, which zs_store_check() reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "zs-store-private.h"

#define SEALED_FIELDS 11  /* id … version, as in ZS_AUDIT_SEALED_COLUMNS */

/* FNV-1a over each value's type and bytes: stored, so it must never change. */
static guint64
row_digest (sqlite3_value **values)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (int i = 0; i < SEALED_FIELDS; i++)
    {
      int type = sqlite3_value_type (values[i]);
      const guchar *text = type == SQLITE_NULL ? NULL : sqlite3_value_text (values[i]);

      hash = (hash ^ (guchar) type) * G_GUINT64_CONSTANT (0x100000001b3);
      for (const guchar *p = text; p != NULL && *p != '\0'; p++)
        hash = (hash ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
      hash = (hash ^ 0xff) * G_GUINT64_CONSTANT (0x100000001b3);
    }
  return hash;
}

/* zs_audit_seal (digest, sign, id, at, …): the sum with a row's digest
 * added (sign 1) or taken away (-1), modulo 2^64. */
static void
seal_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  guint64 sum = (guint64) sqlite3_value_int64 (argv[0]);
  guint64 digest = row_digest (argv + 2);

  sum = sqlite3_value_int (argv[1]) < 0 ? sum - digest : sum + digest;
  sqlite3_result_int64 (context, (gint64) sum);
}

static void
digest_step (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  guint64 *sum = sqlite3_aggregate_context (context, sizeof (guint64));

  if (sum != NULL)
    *sum += row_digest (argv);
}

static void
digest_final (sqlite3_context *context)
{
  guint64 *sum = sqlite3_aggregate_context (context, 0);

  sqlite3_result_int64 (context, sum ? (gint64) *sum : 0);
}

/* Registers zs_audit_seal () and the aggregate zs_audit_digest (). */
int
_zs_seal_register_functions (sqlite3 *db)
{
  int rc = sqlite3_create_function (db, "zs_audit_seal", 2 + SEALED_FIELDS,
                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                    NULL, seal_function, NULL, NULL);

  if (rc != SQLITE_OK)
    return rc;
  return sqlite3_create_function (db, "zs_audit_digest", SEALED_FIELDS,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  NULL, NULL, digest_step, digest_final);
}

/* The audit trail adds up to its seal; %ZS_ERROR_DAMAGED if it does not. */
gboolean
_zs_store_check_audit_seal (ZsStore  *self,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 rows, digest, sealed_rows, sealed_digest;
  gboolean row;

  stmt = _zs_store_prepare (self,
                            "SELECT (SELECT count (*) FROM changes),"
                            "       (SELECT zs_audit_digest (" ZS_AUDIT_SEALED_COLUMNS ") FROM changes),"
                            "       rows, digest FROM audit_seal", error);
  if (stmt == NULL || !_zs_db_step (_zs_store_get_data (self), stmt, &row, error))
    return FALSE;
  if (!row)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ZS_ERROR, ZS_ERROR_DAMAGED,
                   _("The audit trail was changed outside Zhaoshang: its seal is missing"));
      return FALSE;
    }
  rows = sqlite3_column_int64 (stmt, 0);
  digest = sqlite3_column_int64 (stmt, 1);
  sealed_rows = sqlite3_column_int64 (stmt, 2);
  sealed_digest = sqlite3_column_int64 (stmt, 3);
  sqlite3_reset (stmt);

  if (rows < sealed_rows)
    g_set_error (error, ZS_ERROR, ZS_ERROR_DAMAGED,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The audit trail was changed outside Zhaoshang: %" PRId64 " row missing",
                              "The audit trail was changed outside Zhaoshang: %" PRId64 " rows missing",
                              sealed_rows - rows),
                 sealed_rows - rows);
  else if (rows > sealed_rows)
    g_set_error (error, ZS_ERROR, ZS_ERROR_DAMAGED,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The audit trail was changed outside Zhaoshang: %" PRId64 " row added",
                              "The audit trail was changed outside Zhaoshang: %" PRId64 " rows added",
                              rows - sealed_rows),
                 rows - sealed_rows);
  else if (digest != sealed_digest)
    g_set_error (error, ZS_ERROR, ZS_ERROR_DAMAGED,
                 _("The audit trail was changed outside Zhaoshang: rows changed"));
  else
    return TRUE;
  return FALSE;
}
