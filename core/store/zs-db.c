/* zs-db.c: the data layer: one sqlite connection, its statements and
 * transactions, and its errors as GErrors
 *
 * Everything above it speaks in records; this is the part a second
 * backend would replace (see docs/architecture.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* F_OFD_SETLK (see the waiting-writer byte below) */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "zs-db-private.h"

/* A waiting writer looks again this often: sqlite's own busy handler
 * sleeps up to 100 ms between looks and misses the short gaps a batch
 * import leaves between its transactions. */
#define BUSY_POLL_US 2000

/* A writer that waits for the lock holds a read lock on this byte of the
 * database file, so a batch import can see that someone waits and let
 * them in between its transactions. It lies past sqlite's own lock bytes
 * (0x40000000 to 0x40000201), which sqlite never reads or writes. The
 * locks are open file description locks, so opening and closing this
 * descriptor leaves sqlite's locks alone. */
#define WAITER_BYTE (0x40000000 + 1024)

/* A running import holds a read lock on one of these bytes, chosen by its
 * id, for as long as its process lives: an import recorded as running
 * whose byte nobody holds was interrupted (its process died). */
#define IMPORT_BYTES (0x40000000 + 2048)
#define IMPORT_SLOTS 1024

/* A prepared statement in the cache: its link sits in the MRU queue. */
typedef struct
{
  char         *sql;
  sqlite3_stmt *stmt;
  GList         link;
} CachedStatement;

struct _ZsDb
{
  sqlite3        *handle;
  char           *path;
  GHashTable     *statements;   /* SQL text → CachedStatement */
  GQueue          mru;          /* CachedStatement, most recently used first */
  guint           cache_max;
  guint           depth;        /* 0: no transaction; 1: BEGIN; more: savepoints */
  guint64         serial;       /* counts the outermost levels begun */
  guint           outer_savepoint : 1; /* level 1 is a savepoint in a transaction begun by plain SQL */
  guint           reading : 1;  /* in a read snapshot (_zs_db_begin_read) */
  guint           busy_timeout_ms;
  gint64          busy_since;
  int             waiter_fd;    /* for the waiting-writer byte, -1 if not open */
  int             import_fd;    /* holds the running import's byte, -1 if none */
  guint           waiting : 1;  /* holds the waiting-writer byte */
  ZsDbWriterFunc  writer_func;
  gpointer        writer_data;
  guint           describing_writer : 1;
};

static void
cached_statement_free (gpointer data)
{
  CachedStatement *cached = data;

  sqlite3_finalize (cached->stmt);
  g_free (cached->sql);
  g_free (cached);
}

/* Statements are looked up by their text for every row written: hashing
 * the length and the last 64 bytes, where the texts of one table differ,
 * spares hashing whole statements. */
static guint
statement_hash (gconstpointer key)
{
  const char *sql = key;
  gsize length = strlen (sql);
  guint hash = 2166136261u ^ (guint) length;

  for (const char *p = sql + (length > 64 ? length - 64 : 0); *p; p++)
    hash = (hash ^ (guchar) *p) * 16777619u;
  return hash;
}

static gboolean
lock_waiter_byte (ZsDb  *self,
                  short  type,
                  int    command)
{
  struct flock lock = { .l_type = type, .l_whence = SEEK_SET, .l_start = WAITER_BYTE, .l_len = 1 };

  if (self->waiter_fd < 0 && self->path != NULL)
    self->waiter_fd = open (self->path, O_RDONLY | O_CLOEXEC);
  if (self->waiter_fd < 0 || fcntl (self->waiter_fd, command, &lock) != 0)
    return FALSE;
  return command != F_OFD_GETLK || lock.l_type != F_UNLCK;
}

static void
set_waiting (ZsDb     *self,
             gboolean  waiting)
{
  if (self->waiting == !!waiting)
    return;
  /* Best effort: without the byte, an import only pauses briefly. */
  lock_waiter_byte (self, waiting ? F_RDLCK : F_UNLCK, F_OFD_SETLK);
  self->waiting = !!waiting;
}

/**
 * _zs_db_writers_waiting:
 *
 * Whether another connection waits for the write lock, in any process.
 */
gboolean
_zs_db_writers_waiting (ZsDb *self)
{
  return lock_waiter_byte (self, F_WRLCK, F_OFD_GETLK);
}

static struct flock
import_byte (gint64 import_id,
             short  type)
{
  return (struct flock) {
    .l_type = type,
    .l_whence = SEEK_SET,
    .l_start = IMPORT_BYTES + (import_id % IMPORT_SLOTS),
    .l_len = 1,
  };
}

/**
 * _zs_db_hold_import:
 *
 * Says, for other processes to see, that the import @import_id runs in
 * this one, until _zs_db_release_import() or the end of the process. The
 * lock lives on a descriptor of its own, so that this process's other
 * connections see it too.
 */
gboolean
_zs_db_hold_import (ZsDb     *self,
                    gint64    import_id,
                    GError  **error)
{
  struct flock lock = import_byte (import_id, F_RDLCK);
  int saved_errno;

  g_return_val_if_fail (self->import_fd < 0, FALSE);

  if (self->path != NULL &&
      (self->import_fd = open (self->path, O_RDONLY | O_CLOEXEC)) >= 0 &&
      fcntl (self->import_fd, F_OFD_SETLK, &lock) == 0)
    return TRUE;
  saved_errno = errno;
  if (self->import_fd >= 0)
    close (self->import_fd);
  self->import_fd = -1;
  g_set_error (error, ZS_ERROR, ZS_ERROR_DATABASE,
               _("Could not mark the import in “%s” as running: %s"),
               self->path, g_strerror (saved_errno));
  return FALSE;
}

void
_zs_db_release_import (ZsDb *self)
{
  if (self->import_fd >= 0)
    close (self->import_fd);
  self->import_fd = -1;
}

/**
 * _zs_db_import_is_alive:
 *
 * Whether a process (this one included) runs the import @import_id, as
 * marked by _zs_db_hold_import(). Another import whose id falls on the
 * same byte makes a dead one look alive, never the other way round.
 */
gboolean
_zs_db_import_is_alive (ZsDb   *self,
                        gint64  import_id)
{
  struct flock lock = import_byte (import_id, F_WRLCK);

  if (self->waiter_fd < 0 && self->path != NULL)
    self->waiter_fd = open (self->path, O_RDONLY | O_CLOEXEC);
  /* Unknown is alive: an import is never called dead for want of a look. */
  if (self->waiter_fd < 0 || fcntl (self->waiter_fd, F_OFD_GETLK, &lock) != 0)
    return TRUE;
  return lock.l_type != F_UNLCK;
}

/* Polls often, so a writer gets in between another writer's
 * transactions, until the timeout. */
static int
busy_handler (void *data,
              int   count)
{
  ZsDb *self = data;
  gint64 now = g_get_monotonic_time ();

  if (self->describing_writer)
    return 0;
  if (count == 0)
    {
      self->busy_since = now;
      set_waiting (self, TRUE);
    }
  if (now - self->busy_since >= (gint64) self->busy_timeout_ms * 1000)
    {
      set_waiting (self, FALSE);
      return 0;
    }
  g_usleep (BUSY_POLL_US);
  return 1;
}

/* Takes @handle, which is closed with the data layer. */
ZsDb *
_zs_db_new (sqlite3    *handle,
            const char *path)
{
  ZsDb *self = g_new0 (ZsDb, 1);

  self->handle = handle;
  self->path = g_strdup (path);
  self->statements = g_hash_table_new_full (statement_hash, g_str_equal, NULL,
                                            cached_statement_free);
  g_queue_init (&self->mru);
  self->cache_max = ZS_DB_STATEMENT_CACHE_MAX;
  self->busy_timeout_ms = ZS_DB_BUSY_TIMEOUT_MS;
  self->waiter_fd = -1;
  self->import_fd = -1;
  sqlite3_extended_result_codes (handle, TRUE);
  sqlite3_busy_handler (handle, busy_handler, self);
  return self;
}

void
_zs_db_free (ZsDb *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->statements);
  sqlite3_close_v2 (self->handle);
  if (self->waiter_fd >= 0)
    close (self->waiter_fd);
  if (self->import_fd >= 0)
    close (self->import_fd);
  g_free (self->path);
  g_free (self);
}

sqlite3 *
_zs_db_get_handle (ZsDb *self)
{
  return self->handle;
}

void
_zs_db_set_busy_timeout (ZsDb  *self,
                         guint  timeout_ms)
{
  self->busy_timeout_ms = timeout_ms;
  /* A "PRAGMA busy_timeout" replaces the handler; this puts it back. */
  sqlite3_busy_handler (self->handle, busy_handler, self);
}

void
_zs_db_set_writer_func (ZsDb           *self,
                        ZsDbWriterFunc  func,
                        gpointer        user_data)
{
  self->writer_func = func;
  self->writer_data = user_data;
}

/* The one mapping of sqlite's result codes to ours. */
ZsError
_zs_db_error_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ZS_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return ZS_ERROR_READ_ONLY;
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        return ZS_ERROR_DUPLICATE;
      return ZS_ERROR_INVALID;
    case SQLITE_CORRUPT:
      return ZS_ERROR_DAMAGED;
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
      return ZS_ERROR_INVALID;
    default:
      return ZS_ERROR_DATABASE;
    }
}

static void
set_busy_error (ZsDb    *self,
                GError **error)
{
  g_autofree char *writer = NULL;

  if (self->writer_func != NULL && !self->describing_writer)
    {
      self->describing_writer = TRUE;
      writer = self->writer_func (self->writer_data);
      self->describing_writer = FALSE;
    }
  if (writer == NULL)
    writer = g_strdup (_("another program is writing to it"));
  g_set_error (error, ZS_ERROR, ZS_ERROR_BUSY,
               _("The database “%s” stayed busy for %.1f s: %s. Nothing was written; try again later."),
               self->path, self->busy_timeout_ms / 1000.0, writer);
}

/* @rc: the result code, or 0 for the connection's last one. */
void
_zs_db_set_error (ZsDb     *self,
                  int       rc,
                  GError  **error)
{
  if (error == NULL)
    return;
  if (rc == 0)
    rc = sqlite3_extended_errcode (self->handle);
  if (_zs_db_error_code (rc) == ZS_ERROR_BUSY)
    {
      set_busy_error (self, error);
      return;
    }
  g_set_error (error, ZS_ERROR, _zs_db_error_code (rc), _("Database error in “%s”: %s"),
               self->path, rc == sqlite3_extended_errcode (self->handle) ?
               sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
}

/* Only whitespace and comments may follow a statement: anything else would
 * be silently dropped, which hides a programming error (or an injected
 * statement). */
static gboolean
check_no_tail (ZsDb        *self,
               const char  *sql,
               const char  *tail,
               GError     **error)
{
  sqlite3_stmt *next = NULL;
  int rc;

  if (tail == NULL || *tail == '\0')
    return TRUE;
  rc = sqlite3_prepare_v2 (self->handle, tail, -1, &next, NULL);
  sqlite3_finalize (next);
  if (rc == SQLITE_OK && next == NULL)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("Only one SQL statement may be run at a time; found more after “%.*s”"),
               (int) (tail - sql), sql);
  return FALSE;
}

/* The least recently used statement not in the middle of a query. */
static void
evict_one (ZsDb *self)
{
  for (GList *l = self->mru.tail; l != NULL; l = l->prev)
    {
      CachedStatement *cached = l->data;

      if (sqlite3_stmt_busy (cached->stmt))
        continue;
      g_queue_unlink (&self->mru, l);
      g_hash_table_remove (self->statements, cached->sql);
      return;
    }
}

static void
trim_cache (ZsDb *self)
{
  guint before;

  do
    {
      before = self->mru.length;
      if (before > self->cache_max)
        evict_one (self);
    }
  while (self->mru.length > self->cache_max && self->mru.length < before);
}

/* Statements are cached by their SQL text, the most recently used kept up
 * to a maximum, and handed out reset, so a query in use is compiled once. */
sqlite3_stmt *
_zs_db_prepare (ZsDb        *self,
                const char  *sql,
                GError     **error)
{
  CachedStatement *cached = g_hash_table_lookup (self->statements, sql);
  sqlite3_stmt *stmt = NULL;
  const char *tail = NULL;
  int rc;

  if (cached != NULL)
    {
      g_queue_unlink (&self->mru, &cached->link);
      g_queue_push_head_link (&self->mru, &cached->link);
      sqlite3_reset (cached->stmt);
      sqlite3_clear_bindings (cached->stmt);
      return cached->stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  if (rc != SQLITE_OK)
    {
      _zs_db_set_error (self, rc, error);
      return NULL;
    }
  if (stmt == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("No SQL statement in “%s”"), sql);
      return NULL;
    }
  if (!check_no_tail (self, sql, tail, error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }

  cached = g_new0 (CachedStatement, 1);
  cached->sql = g_strdup (sql);
  cached->stmt = stmt;
  cached->link.data = cached;
  g_hash_table_insert (self->statements, cached->sql, cached);
  g_queue_push_head_link (&self->mru, &cached->link);
  trim_cache (self);
  return stmt;
}

void
_zs_db_set_cache_max (ZsDb  *self,
                      guint  max)
{
  self->cache_max = MAX (max, 1);
  trim_cache (self);
}

guint
_zs_db_get_cache_size (ZsDb *self)
{
  return self->mru.length;
}

/* Runs a script of statements, uncached: schema steps and plugin schemas. */
gboolean
_zs_db_exec (ZsDb        *self,
             const char  *sql,
             GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);

  if (rc == SQLITE_OK)
    return TRUE;
  if (_zs_db_error_code (rc) == ZS_ERROR_BUSY)
    set_busy_error (self, error);
  else
    g_set_error (error, ZS_ERROR, _zs_db_error_code (rc), _("Database error in “%s”: %s"),
                 self->path, message ? message : sqlite3_errstr (rc));
  sqlite3_free (message);
  return FALSE;
}

/* Steps @stmt once; *@row says whether it gave a row. On an error the
 * statement is reset. */
gboolean
_zs_db_step (ZsDb          *self,
             sqlite3_stmt  *stmt,
             gboolean      *row,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  *row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  _zs_db_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

/* Runs @stmt to its first row or its end, and resets it. */
gboolean
_zs_db_step_done (ZsDb          *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  gboolean row;

  if (!_zs_db_step (self, stmt, &row, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
run_cached (ZsDb        *self,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = _zs_db_prepare (self, sql, error);

  return stmt != NULL && _zs_db_step_done (self, stmt, error);
}

/* The outermost level takes the write lock at once (BEGIN IMMEDIATE), so
 * the busy handler applies: a transaction that reads and then writes
 * would fail at once with SQLITE_BUSY if another writer committed
 * meanwhile. Nested levels are savepoints. */
gboolean
_zs_db_begin (ZsDb     *self,
              GError  **error)
{
  /* A write never upgrades a read snapshot: that fails at once with
   * SQLITE_BUSY_SNAPSHOT when another writer committed meanwhile. */
  if (self->reading && self->depth == 0)
    _zs_db_end_read (self);
  /* Inside a transaction begun by plain SQL (a check's scratch tables, a
   * plugin's own BEGIN) the outermost level is a savepoint too. */
  gboolean outer_savepoint = self->depth == 0 && !sqlite3_get_autocommit (self->handle);

  gboolean begun = run_cached (self, self->depth == 0 && !outer_savepoint ? "BEGIN IMMEDIATE" : "SAVEPOINT zs_write",
                               error);

  set_waiting (self, FALSE);
  if (!begun)
    return FALSE;
  if (self->depth == 0)
    {
      self->outer_savepoint = outer_savepoint;
      self->serial++;
    }
  self->depth++;
  return TRUE;
}

static gboolean
is_transaction (ZsDb *self)
{
  return self->depth == 1 && !self->outer_savepoint;
}

/* On failure the level stays open: the caller rolls it back. */
gboolean
_zs_db_commit (ZsDb     *self,
               GError  **error)
{
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!run_cached (self, is_transaction (self) ? "COMMIT" : "RELEASE zs_write", error))
    return FALSE;
  self->depth--;
  return TRUE;
}

void
_zs_db_rollback (ZsDb *self)
{
  gboolean transaction;

  g_return_if_fail (self->depth > 0);

  transaction = is_transaction (self);
  self->depth--;
  /* sqlite may have rolled back the whole transaction by itself (a full
   * disk, an I/O error): then there is nothing left to undo. */
  if (sqlite3_get_autocommit (self->handle))
    return;
  if (transaction)
    run_cached (self, "ROLLBACK", NULL);
  else
    {
      run_cached (self, "ROLLBACK TO zs_write", NULL);
      run_cached (self, "RELEASE zs_write", NULL);
    }
}

/* Several reads in one snapshot take the read lock once, not once per
 * statement: a request that checks a token and loads a record does four. */
void
_zs_db_begin_read (ZsDb *self)
{
  if (self->depth > 0 || self->reading || !sqlite3_get_autocommit (self->handle))
    return;
  self->reading = run_cached (self, "BEGIN", NULL);
}

void
_zs_db_end_read (ZsDb *self)
{
  if (!self->reading)
    return;
  self->reading = FALSE;
  /* a snapshot left open would make the next write's savepoint a stale read */
  if (!sqlite3_get_autocommit (self->handle) && !run_cached (self, "COMMIT", NULL))
    run_cached (self, "ROLLBACK", NULL);
}

guint
_zs_db_get_depth (ZsDb *self)
{
  return self->depth;
}

/* Changes whenever a new outermost level begins: what was read under the
 * write lock of one transaction is known to be stale in the next. */
guint64
_zs_db_get_serial (ZsDb *self)
{
  return self->serial;
}
