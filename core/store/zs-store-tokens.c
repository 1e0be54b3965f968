/* zs-store-tokens.c: bearer tokens of the HTTP API
 *
 * A token is 32 random bytes written as 64 hex digits after "zs_". Only
 * its SHA-256 is stored, so the text is shown once, when it is made, and a
 * copy of the database does not let anyone in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/random.h>

#include <glib/gi18n-lib.h>

#include "zs-store-private.h"
#include "zs-text-private.h"

#define TOKEN_BYTES 32

static gboolean
random_bytes (guint8   *bytes,
              gsize     n_bytes,
              GError  **error)
{
  gsize done = 0;

  while (done < n_bytes)
    {
      ssize_t n = getrandom (bytes + done, n_bytes - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not read random bytes for a token: %s"), g_strerror (saved));
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

static char *
token_hash (const char *token)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) token, strlen (token));
}

/* The staff member whose name matches @name as the store's actor does
 * (normalized, case folded); NULL with ZS_ERROR_NOT_FOUND. */
static ZsStaff *
find_staff (ZsStore     *self,
            const char  *name,
            GError     **error)
{
  g_autoptr(GPtrArray) staff = zs_store_list_staff (self, error);
  g_autofree char *normalized = _zs_text_normalize_name (name);
  g_autofree char *key = g_utf8_casefold (normalized != NULL ? normalized : name, -1);

  if (staff == NULL)
    return NULL;
  for (guint i = 0; i < staff->len; i++)
    {
      ZsStaff *member = g_ptr_array_index (staff, i);
      g_autofree char *other_normalized = _zs_text_normalize_name (zs_staff_get_name (member));
      g_autofree char *other = g_utf8_casefold (other_normalized != NULL ? other_normalized : "", -1);

      if (g_str_equal (key, other))
        return g_object_ref (member);
    }
  g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("staff: no staff member named “%s”"), name);
  return NULL;
}

static gboolean
check_expiry (const char  *expires,
              GError     **error)
{
  g_autoptr(GDate) date = g_date_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (expires == NULL)
    return TRUE;
  g_date_set_parse (date, expires);
  if (strlen (expires) != 10 || expires[4] != '-' || expires[7] != '-' || !g_date_valid (date))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("expires: “%s” is not a date written YYYY-MM-DD"), expires);
      return FALSE;
    }
  if (strcmp (expires, today) < 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("expires: “%s” is in the past"), expires);
      return FALSE;
    }
  return TRUE;
}

/**
 * zs_store_create_token:
 * @self: a #ZsStore
 * @staff_name: the staff member the token acts as
 * @expires: (nullable): the last day the token is valid, YYYY-MM-DD, or
 *   %NULL for a token that does not expire
 * @token: (out) (transfer full): the token's text, which nothing stores
 * @error: return location for a #GError
 *
 * Makes a bearer token for the HTTP API. Requests with it act as
 * @staff_name, with that member's role and park.
 *
 * Returns: the token's id, or 0 with %ZS_ERROR_NOT_FOUND for an unknown
 *   staff member or %ZS_ERROR_INVALID for a bad date
 */
gint64
zs_store_create_token (ZsStore     *self,
                       const char  *staff_name,
                       const char  *expires,
                       char       **token,
                       GError     **error)
{
  g_autoptr(ZsStaff) staff = NULL;
  guint8 bytes[TOKEN_BYTES];
  g_autoptr(GString) text = g_string_new ("zs_");
  g_autofree char *hash = NULL;
  g_autofree char *now = _zs_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZS_IS_STORE (self), 0);
  g_return_val_if_fail (staff_name != NULL, 0);
  g_return_val_if_fail (token != NULL && *token == NULL, 0);

  if (!check_expiry (expires, error) || !(staff = find_staff (self, staff_name, error)) ||
      !random_bytes (bytes, sizeof bytes, error))
    return 0;
  for (guint i = 0; i < TOKEN_BYTES; i++)
    g_string_append_printf (text, "%02x", bytes[i]);
  hash = token_hash (text->str);

  stmt = _zs_store_prepare (self, "INSERT INTO api_tokens (staff_id, hash, created_at, expires_at) "
                                  "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, zs_staff_get_id (staff));
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (expires != NULL)
    sqlite3_bind_text (stmt, 4, expires, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
  if (!_zs_store_step_done (self, stmt, error))
    return 0;
  *token = g_string_free (g_steal_pointer (&text), FALSE);
  return sqlite3_last_insert_rowid (_zs_store_get_db (self));
}

/**
 * zs_store_list_tokens:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Lists the tokens, never their text: an array of objects with "id",
 * "staff", "created_at", "expires_at" and "revoked_at" (null when not).
 *
 * Returns: (transfer full) (nullable): a JSON array, or %NULL with @error set
 */
JsonNode *
zs_store_list_tokens (ZsStore  *self,
                      GError  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  stmt = _zs_store_prepare (self, "SELECT t.id, s.name, t.created_at, t.expires_at, t.revoked_at "
                                  "FROM api_tokens t JOIN staff s ON s.id = t.staff_id ORDER BY t.id", error);
  if (stmt == NULL)
    return NULL;
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      static const char * const keys[] = { "staff", "created_at", "expires_at", "revoked_at" };

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      for (int i = 0; i < 4; i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i + 1);

          json_builder_set_member_name (builder, keys[i]);
          if (value != NULL)
            json_builder_add_string_value (builder, value);
          else
            json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
    }
  if (rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/**
 * zs_store_revoke_token:
 * @self: a #ZsStore
 * @id: a token's id
 * @error: return location for a #GError
 *
 * Revokes a token: requests with it are refused from now on.
 *
 * Returns: %TRUE on success; %ZS_ERROR_NOT_FOUND when no token has @id
 */
gboolean
zs_store_revoke_token (ZsStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_autofree char *now = _zs_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);

  stmt = _zs_store_prepare (self, "UPDATE api_tokens SET revoked_at = coalesce (revoked_at, ?) WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_zs_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_zs_store_get_db (self)) == 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("token: no token with id %" PRId64), id);
      return FALSE;
    }
  return TRUE;
}

/**
 * zs_store_authenticate_token:
 * @self: a #ZsStore
 * @token: the text of a token
 * @error: return location for a #GError
 *
 * Finds the staff member a token acts as, if the token is known, not
 * revoked and not past its last day.
 *
 * Returns: (transfer full) (nullable): the staff member, or %NULL with
 *   %ZS_ERROR_PERMISSION
 */
ZsStaff *
zs_store_authenticate_token (ZsStore     *self,
                             const char  *token,
                             GError     **error)
{
  g_autofree char *hash = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  sqlite3_stmt *stmt;
  gint64 staff_id = 0;
  int rc;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);
  g_return_val_if_fail (token != NULL, NULL);

  hash = token_hash (token);
  stmt = _zs_store_prepare (self, "SELECT staff_id FROM api_tokens WHERE hash = ? AND revoked_at IS NULL "
                                  "AND (expires_at IS NULL OR expires_at >= ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    staff_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      return NULL;
    }
  if (staff_id == 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_PERMISSION, _("token: unknown, revoked or expired"));
      return NULL;
    }
  return zs_store_get_staff (self, staff_id, error);
}
