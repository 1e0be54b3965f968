/* zs-store-backup.c: backups that are whole or absent, and restoring one
 * into the live database
 *
 * A backup is copied into a temporary file beside its target, checked,
 * and only then given the target's name, never replacing a file. A
 * restore copies a checked backup into the live database through its own
 * connection, so sqlite's WAL rules hold: nothing of an old -wal file is
 * ever replayed over the restored pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE   /* F_OFD_SETLK */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "zs-error.h"
#include "zs-store-private.h"

/* Pages copied per step: other users of the database get in between. */
#define BACKUP_STEP_PAGES 1024
/* How long a restore waits for others to let go of the database. */
#define RESTORE_WAIT_MS 500
/* A byte of a backup's temporary file that its writer keeps locked, far
 * from the bytes sqlite locks, so that a later backup can tell the file
 * of a live backup from one a killed backup left behind. */
#define PARTIAL_LOCK_OFFSET 0x7ff00000
#define PARTIAL_SUFFIX ".partial"

/* The first row of `PRAGMA integrity_check`: "ok" for a sound file. */
static char *
integrity_of (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    result = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return result;
}

/* Copies all of @from into @to, a few pages at a time. */
static int
copy_database (sqlite3 *to,
               sqlite3 *from)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (backup == NULL)
    return sqlite3_errcode (to);
  do
    {
      rc = sqlite3_backup_step (backup, BACKUP_STEP_PAGES);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Gives @temporary the name @destination unless that exists: a hard link
 * fails rather than replace a file; where the file system has none, a
 * rename after a last look. */
static gboolean
move_into_place (const char  *temporary,
                 const char  *destination,
                 GError     **error)
{
  int saved_errno;

  if (link (temporary, destination) == 0)
    {
      g_unlink (temporary);
      return TRUE;
    }
  saved_errno = errno;
  if (saved_errno != EEXIST && !g_file_test (destination, G_FILE_TEST_EXISTS) &&
      g_rename (temporary, destination) == 0)
    return TRUE;
  if (saved_errno != EEXIST)
    saved_errno = errno;
  if (saved_errno == EEXIST)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("The backup “%s” already exists; choose a new file name"), destination);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not write the backup “%s”: %s"), destination, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
lock_partial (int fd)
{
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
                        .l_start = PARTIAL_LOCK_OFFSET, .l_len = 1 };

  return fcntl (fd, F_OFD_SETLK, &lock) == 0;
}

/* ".NAME.XXXXXX.partial", empty or the start of an sqlite file: ours. */
static gboolean
looks_like_partial (const char *dir,
                    const char *name)
{
  static const char header[16] = "SQLite format 3";
  g_autofree char *path = NULL;
  char head[16];
  gsize len = strlen (name);
  gssize got;
  int fd;

  if (name[0] != '.' || !g_str_has_suffix (name, PARTIAL_SUFFIX) ||
      len < 1 + 1 + 8 + strlen (PARTIAL_SUFFIX) || name[len - strlen (PARTIAL_SUFFIX) - 7] != '.')
    return FALSE;
  path = g_build_filename (dir, name, NULL);
  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0)) < 0)
    return FALSE;
  got = read (fd, head, sizeof head);
  close (fd);
  return got == 0 || (got == sizeof head && memcmp (head, header, sizeof head) == 0);
}

/* Removes what killed backups left in @dir: a temporary file nobody holds
 * the lock of. A file of a backup still running stays. */
static void
sweep_partials (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!looks_like_partial (dir, name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if ((fd = g_open (path, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0)) < 0)
        continue;
      if (lock_partial (fd))
        g_unlink (path);
      close (fd);
    }
}

/* Copies the database of @source into a new file beside @destination,
 * checks it and names it @destination. */
static gboolean
write_backup (sqlite3     *source,
              const char  *destination,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (destination);
  g_autofree char *base = g_path_get_basename (destination);
  g_autofree char *pattern = g_strdup_printf (".%s.XXXXXX.partial", base);
  g_autofree char *temporary = g_build_filename (dir, pattern, NULL);
  g_autofree char *integrity = NULL;
  sqlite3 *copy = NULL;
  int fd;
  int rc;

  if (g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("The backup “%s” already exists; choose a new file name"), destination);
      return FALSE;
    }
  sweep_partials (dir);
  /* In the target's folder, so that naming it is a rename, never a copy.
   * The descriptor stays open with its lock until the file is named. */
  if ((fd = g_mkstemp (temporary)) < 0 || !lock_partial (fd))
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (temporary);
        }
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the backup “%s”: %s"), destination, g_strerror (saved_errno));
      return FALSE;
    }

  rc = sqlite3_open_v2 (temporary, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = copy_database (copy, source);
  if (rc == SQLITE_OK)
    {
      integrity = integrity_of (copy);
      if (!g_str_equal (integrity, "ok"))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_DAMAGED,
                       _("The backup “%s” was not kept: its copy failed the integrity check (%s)"),
                       destination, integrity);
          rc = SQLITE_CORRUPT;
        }
    }
  else
    g_set_error (error, ZS_ERROR, _zs_db_error_code (rc), _("Could not write the backup “%s”: %s"),
                 destination, copy != NULL ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
  if (copy != NULL && sqlite3_close (copy) != SQLITE_OK && rc == SQLITE_OK)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_DATABASE, _("Could not write the backup “%s”: %s"),
                   destination, sqlite3_errmsg (copy));
      rc = SQLITE_IOERR;
    }
  if (rc != SQLITE_OK || !move_into_place (temporary, destination, error))
    {
      g_unlink (temporary);
      close (fd);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/**
 * zs_store_backup:
 * @self: a #ZsStore
 * @destination: the file to write; it must not exist
 * @error: return location for a #GError
 *
 * Copies the live database with sqlite's online backup, so other users of
 * the database may keep working meanwhile. The copy is written to a
 * temporary file in the folder of @destination, checked with sqlite's
 * integrity check, and only then named @destination: a backup that fails
 * or is killed leaves no file of that name, and the hidden temporary file
 * a killed backup leaves is removed by the next backup into that folder
 * (not while its writer is alive). An existing @destination is
 * refused with %G_IO_ERROR_EXISTS, an empty name with
 * %G_IO_ERROR_INVALID_FILENAME.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_store_backup (ZsStore     *self,
                 const char  *destination,
                 GError     **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (destination[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("The backup needs a file name; the name given is empty"));
      return FALSE;
    }
  return write_backup (_zs_store_get_db (self), destination, error);
}

/* Opens @path read only, without writing anything to it or beside it. */
static sqlite3 *
open_backup_file (const char  *path,
                  GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro%s", escaped,
                                          g_file_test (wal, G_FILE_TEST_EXISTS) ? "" : "&immutable=1");
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_DATABASE, _("Could not read the backup “%s”: %s"),
                   path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, ZS_DB_BUSY_TIMEOUT_MS);
  return db;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *rc)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK && (*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      value = sqlite3_column_int (stmt, 0);
      *rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return value;
}

/* Whether @db is a sound Zhaoshang database this version can use. */
static gboolean
check_backup_file (sqlite3     *db,
                   const char  *path,
                   int         *version,
                   GError     **error)
{
  g_autofree char *integrity = NULL;
  int rc;
  int firms = 0;

  *version = query_int (db, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK)
    firms = query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'firms'", &rc);
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_A_DATABASE,
                     _("“%s” is not a Zhaoshang backup: it is not an SQLite database at all"), path);
      else
        g_set_error (error, ZS_ERROR, _zs_db_error_code (rc), _("Could not read the backup “%s”: %s"),
                     path, sqlite3_errmsg (db));
      return FALSE;
    }
  if (*version < ZS_SCHEMA_VERSION_CORE || firms != 1)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Zhaoshang backup: it holds no Zhaoshang tables"), path);
      return FALSE;
    }
  if (*version > ZS_SCHEMA_VERSION_CURRENT)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_TOO_NEW,
                   _("The backup “%s” was written by a newer version of Zhaoshang (schema version %d, "
                     "this version knows up to %d); restore it with that version"),
                   path, *version, ZS_SCHEMA_VERSION_CURRENT);
      return FALSE;
    }
  integrity = integrity_of (db);
  if (!g_str_equal (integrity, "ok"))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_DAMAGED,
                   _("The backup “%s” is damaged (integrity_check): %s"), path, integrity);
      return FALSE;
    }
  return TRUE;
}

/* "…/zhaoshang-before-restore-20250102-030405.db", beside the database. */
static char *
kept_copy_name (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (guint i = 1;; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup_printf ("%s-before-restore-%s.db", base, stamp)
                                     : g_strdup_printf ("%s-before-restore-%s-%u.db", base, stamp, i);
      char *candidate = g_build_filename (dir, name, NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return candidate;
      g_free (candidate);
    }
}

static gboolean
exec_sql (ZsStore     *self,
          const char  *sql,
          GError     **error)
{
  return _zs_db_exec (_zs_store_get_data (self), sql, error);
}

/* Holds the database for this connection alone: in WAL mode every other
 * connection, reading or writing, keeps a shared lock on the file, which
 * the exclusive lock of a write in exclusive locking mode cannot pass. */
static gboolean
hold_exclusively (ZsStore  *self,
                  GError  **error)
{
  ZsDb *data = _zs_store_get_data (self);
  g_autoptr(GError) local_error = NULL;
  gboolean held;

  if (!exec_sql (self, "PRAGMA locking_mode = EXCLUSIVE", error))
    return FALSE;
  _zs_db_set_busy_timeout (data, RESTORE_WAIT_MS);
  held = exec_sql (self, "BEGIN IMMEDIATE; COMMIT;", &local_error);
  _zs_db_set_busy_timeout (data, ZS_DB_BUSY_TIMEOUT_MS);
  if (held)
    return TRUE;
  if (sqlite3_get_autocommit (_zs_store_get_db (self)) == 0)
    exec_sql (self, "ROLLBACK", NULL);
  exec_sql (self, "PRAGMA locking_mode = NORMAL", NULL);
  if (g_error_matches (local_error, ZS_ERROR, ZS_ERROR_BUSY))
    g_set_error (error, ZS_ERROR, ZS_ERROR_BUSY,
                 _("The database “%s” is open in another program (the app, a server or another "
                   "command); close the app first, then restore. Nothing was changed."),
                 zs_store_get_path (self));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Back to normal locking; the lock goes with the next access. */
static void
let_go (ZsStore *self)
{
  exec_sql (self, "PRAGMA locking_mode = NORMAL", NULL);
  exec_sql (self, "SELECT count(*) FROM sqlite_master", NULL);
}

/**
 * zs_store_restore:
 * @self: a #ZsStore, the live database
 * @source: a backup written by zs_store_backup()
 * @kept_path: (out) (optional) (transfer full): where the database as it
 *   was before the restore is kept
 * @error: return location for a #GError
 *
 * Replaces the content of the database with that of @source. The backup
 * must be a sound Zhaoshang database (%ZS_ERROR_NOT_A_DATABASE,
 * %ZS_ERROR_DAMAGED) of a schema version no newer than this one
 * (%ZS_ERROR_TOO_NEW; an older one needs `zhaoshang-cli init` afterwards).
 * While any other connection has the database open the restore is refused
 * with %ZS_ERROR_BUSY. The database as it was is first written to a
 * backup of its own beside it, with the date and time in its name; then
 * the pages of @source are copied in through this connection and the WAL
 * is checkpointed, so that nothing of an older -wal file can come back.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_store_restore (ZsStore     *self,
                  const char  *source,
                  char       **kept_path,
                  GError     **error)
{
  g_autofree char *kept = NULL;
  sqlite3 *from = NULL;
  GStatBuf source_info, live_info;
  int version = 0;
  int rc;

  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (zs_store_is_read_only (self))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_READ_ONLY,
                   _("The database “%s” is read only for you: it cannot be restored"), zs_store_get_path (self));
      return FALSE;
    }
  if (source[0] == '\0' || g_stat (source, &source_info) != 0 || !S_ISREG (source_info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no backup file “%s”"), source);
      return FALSE;
    }
  if (g_stat (zs_store_get_path (self), &live_info) == 0 &&
      source_info.st_dev == live_info.st_dev && source_info.st_ino == live_info.st_ino)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("“%s” is the database itself, not a backup of it"), source);
      return FALSE;
    }
  if (source_info.st_size == 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Zhaoshang backup: it is an empty file"), source);
      return FALSE;
    }
  if (!(from = open_backup_file (source, error)))
    return FALSE;
  if (!check_backup_file (from, source, &version, error) ||
      !hold_exclusively (self, error))
    {
      sqlite3_close (from);
      return FALSE;
    }

  kept = kept_copy_name (zs_store_get_path (self));
  if (!write_backup (_zs_store_get_db (self), kept, error))
    {
      g_prefix_error (error, _("Nothing was restored: the database as it is could not be kept first. "));
      let_go (self);
      sqlite3_close (from);
      return FALSE;
    }

  rc = copy_database (_zs_store_get_db (self), from);
  sqlite3_close (from);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ZS_ERROR, _zs_db_error_code (rc),
                   _("Could not restore “%s”: %s; the database as it was is kept in “%s”"),
                   source, sqlite3_errstr (rc), kept);
      let_go (self);
      return FALSE;
    }
  /* Everything into the database file itself, the -wal file emptied. */
  if (!exec_sql (self, "PRAGMA wal_checkpoint(TRUNCATE)", error))
    {
      let_go (self);
      return FALSE;
    }
  let_go (self);
  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);
  return TRUE;
}
