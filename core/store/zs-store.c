/* zs-store.c: the sqlite database behind Zhaoshang
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* F_OFD_SETLK and friends (see ofd_fcntl()) */
#define _GNU_SOURCE

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "zs-db-private.h"
#include "zs-enums.h"
#include "zs-error.h"
#include "zs-firm-name.h"
#include "zs-record-type.h"
#include "zs-search-private.h"
#include "zs-store-private.h"
#include "zs-store-raw-private.h"
#include "zs-text-private.h"

typedef struct
{
  char         *entity;
  gint64        id;
  ZsChangeKind  kind;
} PendingChange;

struct _ZsStore
{
  GObject     parent_instance;

  sqlite3    *db;           /* the handle of data, for opening and migrating */
  ZsDb       *data;         /* the connection, its statements and transactions */
  char       *path;
  char       *actor;
  GArray     *pending;      /* PendingChange, held until the outer commit */
  GArray     *savepoints;   /* SavepointMark of each open savepoint */
  guint       atomic_rows;  /* savepoint depth of an all-or-nothing row, 0 if none */
  gint64      import_id;    /* the import the current writes belong to */
  GHashTable *search_pending; /* firm id → its indexed ZsSearchEntry, NULL if none */
  GArray     *search_order;   /* the ids of search_pending, in the order remembered */
  GArray     *creations;      /* ZsCreation: records an import created, not yet audited */
  guint       creations_audited; /* how many of them have their audit row written */
  GHashTable *sector_codes; /* codes found in the taxonomy, until it is reloaded */
  GHashTable *id_floors;    /* entity → highest id its audit trail holds, this transaction */
  guint64     id_floors_serial; /* the transaction they were read in */
  guint       in_transaction : 1;
  guint       defer_indexing : 1;
  guint       may_write : 1;       /* the actor's role, as read in this transaction */
  guint       create : 1;          /* construct-only: create or upgrade the database */
  guint       read_only : 1;       /* opened read only: the user may not write it */
};

static void zs_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZsStore, zs_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, zs_store_initable_iface_init))

/* Where the signals held back and the values remembered for the search
 * index stood when a savepoint began. */
typedef struct {
  guint pending;
  guint search;
  guint creations;
  guint creations_audited;
} SavepointMark;

enum {
  PROP_0,
  PROP_PATH,
  PROP_ACTOR,
  PROP_CREATE,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  RECORD_TYPE_ADDED,
  RECORD_TYPE_REMOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
pending_change_clear (gpointer data)
{
  PendingChange *change = data;

  g_free (change->entity);
}

/**
 * zs_store_tune_process:
 *
 * Switches off sqlite's allocation statistics, which take a global lock
 * on every allocation and which nothing here reads (a batch import spends
 * a twentieth of its time on them). sqlite allows this only before its
 * first use, so a program calls this first thing in main(); a library or
 * plugin never should, since the process is not its own.
 */
void
zs_store_tune_process (void)
{
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
zs_store_finalize (GObject *object)
{
  ZsStore *self = (ZsStore *) object;

  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->savepoints, g_array_unref);
  g_clear_pointer (&self->search_pending, g_hash_table_unref);
  g_clear_pointer (&self->search_order, g_array_unref);
  g_clear_pointer (&self->creations, g_array_unref);
  g_clear_pointer (&self->sector_codes, g_hash_table_unref);
  g_clear_pointer (&self->id_floors, g_hash_table_unref);
  if (self->data != NULL)
    g_clear_pointer (&self->data, _zs_db_free);
  else if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (zs_store_parent_class)->finalize (object);
}

static void
zs_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ZsStore *self = ZS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_ACTOR: g_value_set_string (value, self->actor); break;
    case PROP_CREATE: g_value_set_boolean (value, self->create); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  ZsStore *self = ZS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH: self->path = g_value_dup_string (value); break;
    case PROP_ACTOR: zs_store_set_actor (self, g_value_get_string (value)); break;
    case PROP_CREATE: self->create = g_value_get_boolean (value); break;
    case PROP_READ_ONLY: self->read_only = g_value_get_boolean (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_store_class_init (ZsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zs_store_finalize;
  object_class->get_property = zs_store_get_property;
  object_class->set_property = zs_store_set_property;

  /**
   * ZsStore:path:
   *
   * The database file; %NULL at construction for
   * zs_store_get_default_path().
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", "Path", NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsStore:create:
   *
   * Whether initialising the store creates the database if it is missing
   * and upgrades an older one, as zs_store_create() does. Otherwise only an
   * existing, current database opens, as with zs_store_new().
   */
  properties[PROP_CREATE] =
    g_param_spec_boolean ("create", "Create", NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsStore:read-only:
   *
   * Whether the database is open read only. Set at construction to open
   * it read only even where the user may write it, as zs_store_new_read_only()
   * does; it is also %TRUE when the user may not write the file.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", "Read only", NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsStore:actor:
   *
   * The staff member recorded in the audit trail for every change.
   */
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", "Actor", NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZsStore::changed:
   * @self: the store
   * @entity: the kind of record: "firm", "contact", "project", "activity", "staff"
   * @id: the record's id
   * @kind: what happened to it
   *
   * Emitted after a record was created, updated or deleted. Inside
   * zs_store_begin() … zs_store_commit() the signals are held back until the
   * commit and dropped on rollback, so listeners never see undone changes.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_INT64, ZS_TYPE_CHANGE_KIND);

  /**
   * ZsStore::record-type-added:
   * @self: the store
   * @record_type: the type registered
   *
   * Emitted when zs_store_register_record_type() registered a type.
   */
  signals[RECORD_TYPE_ADDED] =
    g_signal_new ("record-type-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZS_TYPE_RECORD_TYPE);

  /**
   * ZsStore::record-type-removed:
   * @self: the store
   * @record_type: the type withdrawn
   *
   * Emitted when zs_store_unregister_record_type() withdrew a type.
   */
  signals[RECORD_TYPE_REMOVED] =
    g_signal_new ("record-type-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZS_TYPE_RECORD_TYPE);
}

static GHashTable *
new_search_pending (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify) _zs_search_entry_free);
}

static void
zs_store_init (ZsStore *self)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);
  self->savepoints = g_array_new (FALSE, FALSE, sizeof (SavepointMark));
  self->search_pending = new_search_pending ();
  self->search_order = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->creations = g_array_new (FALSE, FALSE, sizeof (ZsCreation));
  self->sector_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->id_floors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->actor = _zs_text_normalize_name (g_get_user_name ());
  if (self->actor == NULL)
    self->actor = g_strdup (g_get_user_name ());
}

void
_zs_store_set_error (ZsStore  *self,
                     GError  **error)
{
  _zs_db_set_error (self->data, 0, error);
}

sqlite3 *
_zs_store_get_db (ZsStore *self)
{
  return self->db;
}

ZsDb *
_zs_store_get_data (ZsStore *self)
{
  return self->data;
}

/* Who holds the write lock, as far as the database tells: a running
 * import says so in its row. Read without waiting, by the writer that gave
 * up waiting. */
static char *
describe_writer (gpointer user_data)
{
  ZsStore *self = user_data;
  sqlite3_stmt *stmt = _zs_db_prepare (self->data,
                                       "SELECT id, started_at, actor FROM imports "
                                       "WHERE status = 'running' ORDER BY id DESC LIMIT 1", NULL);
  char *writer = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    writer = g_strdup_printf (_("an import is running (import %" PRId64 ", started %s by %s)"),
                              (gint64) sqlite3_column_int64 (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              sqlite3_column_text (stmt, 2) ? (const char *) sqlite3_column_text (stmt, 2) : "?");
  sqlite3_reset (stmt);
  return writer;
}

/* See _zs_db_prepare (): one statement, cached. */
sqlite3_stmt *
_zs_store_prepare (ZsStore     *self,
                   const char  *sql,
                   GError     **error)
{
  return _zs_db_prepare (self->data, sql, error);
}

/* Reads until _zs_store_end_read() see one snapshot and take the read
 * lock once; a write in between ends the snapshot first. */
void
_zs_store_begin_read (ZsStore *self)
{
  _zs_db_begin_read (self->data);
}

void
_zs_store_end_read (ZsStore *self)
{
  _zs_db_end_read (self->data);
}

gboolean
_zs_store_exec (ZsStore     *self,
                const char  *sql,
                GError     **error)
{
  return _zs_db_exec (self->data, sql, error);
}

gboolean
_zs_store_step_done (ZsStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  return _zs_db_step_done (self->data, stmt, error);
}

gint64
_zs_store_count (ZsStore     *self,
                 const char  *sql,
                 gint64       id,
                 GError     **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, sql, error);
  gint64 count;

  if (stmt == NULL)
    return -1;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _zs_store_set_error (self, error);
      sqlite3_reset (stmt);
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* UTC to the second, as ISO 8601: written with every record and change. */
char *
_zs_store_now (void)
{
  /* A batch stamps thousands of rows a second with the same text. */
  static __thread time_t formatted_at = -1;
  static __thread char formatted[32];
  time_t now = g_get_real_time () / G_USEC_PER_SEC;

  if (now != formatted_at)
    {
      struct tm utc;

      gmtime_r (&now, &utc);
      g_snprintf (formatted, sizeof formatted, "%04d-%02d-%02dT%02d:%02d:%02dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
      formatted_at = now;
    }
  return g_strdup (formatted);
}

static void
flush_pending (ZsStore *self)
{
  g_autoptr(GArray) pending = NULL;

  if (self->in_transaction || self->savepoints->len > 0)
    return;

  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);

  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *change = &g_array_index (pending, PendingChange, i);

      g_signal_emit (self, signals[CHANGED], 0, change->entity, change->id, change->kind);
    }
}

/* Every write runs inside a savepoint, so a write is all or nothing whether
 * or not the caller opened a transaction with zs_store_begin(). Outermost,
 * the savepoint is a transaction that takes the write lock at once (see
 * _zs_db_begin ()). Signals of writes inside a savepoint wait for the
 * outermost release and vanish with a rollback. */

/* Inside an all-or-nothing row (a batch import row) a failure anywhere rolls
 * the whole row back, so nested savepoints need no SQL of their own: they
 * only mark which held-back signals belong to them. */
static gboolean
is_nested_in_row (ZsStore *self,
                  guint    depth)
{
  return self->atomic_rows != 0 && depth > self->atomic_rows;
}

gboolean
_zs_store_savepoint (ZsStore  *self,
                     GError  **error)
{
  SavepointMark mark = { self->pending->len, self->search_order->len,
                         self->creations->len, self->creations_audited };

  if (!is_nested_in_row (self, self->savepoints->len + 1) &&
      !_zs_db_begin (self->data, error))
    return FALSE;
  g_array_append_val (self->savepoints, mark);
  return TRUE;
}

gboolean
_zs_store_release (ZsStore  *self,
                   GError  **error)
{
  g_return_val_if_fail (self->savepoints->len > 0, FALSE);

  if (!is_nested_in_row (self, self->savepoints->len) &&
      !_zs_db_commit (self->data, error))
    {
      _zs_store_rollback_to (self);
      return FALSE;
    }
  g_array_set_size (self->savepoints, self->savepoints->len - 1);
  flush_pending (self);
  return TRUE;
}

/* The values remembered for the search index since @mark were read
 * inside a savepoint now rolled back: they may describe writes that never
 * happened, or miss writes another connection made meanwhile. */
static void
forget_search_entries (ZsStore *self,
                       guint    mark)
{
  for (guint i = mark; i < self->search_order->len; i++)
    g_hash_table_remove (self->search_pending, &g_array_index (self->search_order, gint64, i));
  if (mark < self->search_order->len)
    g_array_set_size (self->search_order, mark);
}

/* Creations after @mark never happened; audit rows written since @mark
 * were rolled back with it and are written again. */
static void
forget_creations (ZsStore             *self,
                  const SavepointMark *mark)
{
  if (mark->creations < self->creations->len)
    g_array_set_size (self->creations, mark->creations);
  self->creations_audited = MIN (mark->creations_audited, self->creations->len);
}

void
_zs_store_rollback_to (ZsStore *self)
{
  SavepointMark mark;

  g_return_if_fail (self->savepoints->len > 0);

  mark = g_array_index (self->savepoints, SavepointMark, self->savepoints->len - 1);
  /* Inside an all-or-nothing row nothing is undone until the row is. */
  if (!is_nested_in_row (self, self->savepoints->len))
    {
      _zs_db_rollback (self->data);
      forget_search_entries (self, mark.search);
      forget_creations (self, &mark);
    }
  g_array_set_size (self->savepoints, self->savepoints->len - 1);
  g_array_set_size (self->pending, mark.pending);
}

/* The next savepoint opens an all-or-nothing row; %FALSE ends it. */
void
_zs_store_set_atomic_rows (ZsStore  *self,
                           gboolean  atomic)
{
  self->atomic_rows = atomic ? self->savepoints->len + 1 : 0;
}

void
_zs_store_emit_changed (ZsStore      *self,
                        const char   *entity,
                        gint64        id,
                        ZsChangeKind  kind)
{
  PendingChange change = { g_strdup (entity), id, kind };

  g_array_append_val (self->pending, change);
  flush_pending (self);
}

/* Ids are never given twice (see insert_row ()): a new record's id is above
 * every id its entity's audit trail names. That maximum is read once per
 * transaction, while the write lock keeps other connections out, and kept
 * up to date with this connection's own audit rows and inserts. */
static gint64 *
id_floor_slot (ZsStore    *self,
               const char *entity)
{
  if (self->id_floors_serial != _zs_db_get_serial (self->data))
    {
      g_hash_table_remove_all (self->id_floors);
      self->id_floors_serial = _zs_db_get_serial (self->data);
    }
  return g_hash_table_lookup (self->id_floors, entity);
}

gboolean
_zs_store_get_id_floor (ZsStore     *self,
                        const char  *entity,
                        gint64      *floor,
                        GError     **error)
{
  gint64 *slot = id_floor_slot (self, entity);
  sqlite3_stmt *stmt;

  if (slot == NULL)
    {
      if (!(stmt = _zs_store_prepare (self, "SELECT coalesce (max (entity_id), 0) FROM changes WHERE entity = ?",
                                      error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          _zs_store_set_error (self, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      slot = g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64));
      sqlite3_reset (stmt);
      g_hash_table_insert (self->id_floors, g_strdup (entity), slot);
    }
  *floor = *slot;
  return TRUE;
}

void
_zs_store_raise_id_floor (ZsStore    *self,
                          const char *entity,
                          gint64      id)
{
  gint64 *slot = id_floor_slot (self, entity);

  /* Not read yet in this transaction: the next read sees the row. */
  if (slot != NULL && id > *slot)
    *slot = id;
}

/**
 * zs_store_begin:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Starts a transaction: the writes until zs_store_commit() land together or
 * not at all. Batch work (import, seeding) uses it for speed and atomicity.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_store_begin (ZsStore  *self,
                GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!_zs_db_begin (self->data, error))
    return FALSE;
  self->in_transaction = TRUE;
  self->may_write = FALSE;
  return TRUE;
}

/**
 * zs_store_commit:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Commits the transaction started by zs_store_begin() and emits the
 * #ZsStore::changed signals held back meanwhile.
 *
 * Returns: %TRUE on success; on failure the transaction is rolled back
 */
gboolean
zs_store_commit (ZsStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!_zs_store_write_deferred (self, error) ||
      !_zs_db_commit (self->data, error))
    {
      zs_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  flush_pending (self);
  return TRUE;
}

/**
 * zs_store_rollback:
 * @self: a #ZsStore
 *
 * Undoes every write since zs_store_begin().
 */
void
zs_store_rollback (ZsStore *self)
{
  g_return_if_fail (ZS_IS_STORE (self));

  if (!self->in_transaction)
    return;
  _zs_db_rollback (self->data);
  self->in_transaction = FALSE;
  g_array_set_size (self->pending, 0);
  g_hash_table_remove_all (self->search_pending);
  g_array_set_size (self->search_order, 0);
  g_array_set_size (self->creations, 0);
  self->creations_audited = 0;
}

static const char schema_core[] =
  "CREATE TABLE clauses ("
  "  id INTEGER PRIMARY KEY,"
  "  number INTEGER NOT NULL UNIQUE,"
  "  numeral TEXT NOT NULL,"
  "  part INTEGER NOT NULL,"
  "  part_title TEXT,"
  "  title TEXT NOT NULL,"
  "  lead_unit TEXT,"
  "  responsible_units TEXT);"
  "CREATE TABLE sectors ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  name_en TEXT,"
  "  parent_code TEXT,"
  "  clause INTEGER,"
  "  priority INTEGER NOT NULL DEFAULT 0,"
  "  synonyms TEXT);"
  "CREATE TABLE regions ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  name_en TEXT,"
  "  group_name TEXT);"
  "CREATE TABLE parks ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  name_en TEXT,"
  "  kind TEXT,"
  "  region_code TEXT,"
  "  parent_code TEXT,"
  "  clause INTEGER);"
  "CREATE TABLE targets ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  name_en TEXT,"
  "  scope TEXT,"
  "  year INTEGER,"
  "  value REAL,"
  "  unit TEXT,"
  "  comparison TEXT,"
  "  growth_pct REAL,"
  "  clause INTEGER);"
  "CREATE TABLE staff ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  role TEXT NOT NULL DEFAULT 'staff',"
  "  park_code TEXT REFERENCES parks (code));"
  "CREATE TABLE firms ("
  "  id INTEGER PRIMARY KEY,"
  "  uscc TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  name_other TEXT,"
  "  ownership TEXT NOT NULL DEFAULT 'unspecified',"
  "  country TEXT,"
  "  region_code TEXT,"
  "  address TEXT,"
  "  registered_capital REAL NOT NULL DEFAULT 0,"
  "  business_scope TEXT,"
  "  website TEXT,"
  "  notes TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE TABLE firm_sectors ("
  "  firm_id INTEGER NOT NULL REFERENCES firms (id) ON DELETE CASCADE,"
  "  sector_code TEXT NOT NULL REFERENCES sectors (code),"
  "  PRIMARY KEY (firm_id, sector_code)) WITHOUT ROWID;"
  "CREATE INDEX firm_sectors_by_sector ON firm_sectors (sector_code, firm_id);"
  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  firm_id INTEGER NOT NULL REFERENCES firms (id),"
  "  name TEXT NOT NULL,"
  "  title TEXT,"
  "  phone TEXT,"
  "  email TEXT,"
  "  notes TEXT);"
  "CREATE INDEX contacts_by_firm ON contacts (firm_id);"
  "CREATE TABLE projects ("
  "  id INTEGER PRIMARY KEY,"
  "  firm_id INTEGER NOT NULL REFERENCES firms (id),"
  "  title TEXT NOT NULL,"
  "  park_code TEXT REFERENCES parks (code),"
  "  stage TEXT NOT NULL DEFAULT 'lead',"
  "  planned_investment REAL NOT NULL DEFAULT 0,"
  "  realised_investment REAL NOT NULL DEFAULT 0,"
  "  planned_jobs INTEGER NOT NULL DEFAULT 0,"
  "  land_mu REAL NOT NULL DEFAULT 0,"
  "  source_channel TEXT NOT NULL DEFAULT 'direct',"
  "  referrer_firm_id INTEGER REFERENCES firms (id),"
  "  owner TEXT,"
  "  clause INTEGER,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX projects_by_firm ON projects (firm_id);"
  "CREATE INDEX projects_by_stage ON projects (stage);"
  "CREATE TABLE project_sectors ("
  "  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
  "  sector_code TEXT NOT NULL REFERENCES sectors (code),"
  "  PRIMARY KEY (project_id, sector_code)) WITHOUT ROWID;"
  "CREATE TABLE stage_changes ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
  "  from_stage TEXT,"
  "  to_stage TEXT NOT NULL,"
  "  reason TEXT,"
  "  actor TEXT,"
  "  at TEXT NOT NULL);"
  "CREATE INDEX stage_changes_by_project ON stage_changes (project_id);"
  "CREATE TABLE activities ("
  "  id INTEGER PRIMARY KEY,"
  "  firm_id INTEGER NOT NULL REFERENCES firms (id),"
  "  project_id INTEGER REFERENCES projects (id),"
  "  kind TEXT NOT NULL,"
  "  date TEXT NOT NULL,"
  "  who TEXT,"
  "  notes TEXT,"
  "  next_follow_up TEXT,"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX activities_by_firm ON activities (firm_id);"
  "CREATE INDEX activities_by_follow_up ON activities (next_follow_up) WHERE next_follow_up IS NOT NULL;"
  "CREATE TABLE changes ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT,"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  reverted_by INTEGER REFERENCES changes (id));"
  "CREATE INDEX changes_by_entity ON changes (entity, entity_id);";

static const char schema_search[] =
  "CREATE VIRTUAL TABLE firm_search USING fts5 ("
  "  name, name_other, uscc, business_scope, contacts,"
  "  tokenize = 'zs_cjk', detail = 'full');"
  "INSERT INTO firm_search (rowid, name, name_other, uscc, business_scope, contacts)"
  "  SELECT f.id, f.name, f.name_other, f.uscc, f.business_scope,"
  "         (SELECT group_concat (c.name, ' ') FROM contacts c WHERE c.firm_id = f.id)"
  "  FROM firms f;";

static const char schema_plugins[] =
  "CREATE TABLE plugin_settings ("
  "  module_name TEXT PRIMARY KEY,"
  "  enabled INTEGER NOT NULL,"
  "  last_error TEXT);"
  "CREATE TABLE plugin_schemas ("
  "  schema_name TEXT PRIMARY KEY,"
  "  version INTEGER NOT NULL);";

static const char schema_imports[] =
  "CREATE TABLE imports ("
  "  id INTEGER PRIMARY KEY,"
  "  started_at TEXT NOT NULL,"
  "  finished_at TEXT,"
  "  actor TEXT,"
  "  entity TEXT NOT NULL,"
  "  file TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  rows_read INTEGER NOT NULL DEFAULT 0,"
  "  inserted INTEGER NOT NULL DEFAULT 0,"
  "  updated INTEGER NOT NULL DEFAULT 0,"
  "  skipped INTEGER NOT NULL DEFAULT 0,"
  "  rejected INTEGER NOT NULL DEFAULT 0);"
  "ALTER TABLE changes ADD COLUMN import_id INTEGER REFERENCES imports (id);"
  "CREATE INDEX changes_by_import ON changes (import_id) WHERE import_id IS NOT NULL;"
  /* A plain column, not an expression index, so that any sqlite tool can
   * check the database without our functions. */
  "ALTER TABLE firms ADD COLUMN name_key TEXT;"
  "UPDATE firms SET name_key = zs_name_key (name);"
  "CREATE INDEX firms_by_name_key ON firms (name_key);";

/* The index reads the text from the view when it is rebuilt; its own
 * copy of the business scope made it the largest table. */
static const char schema_search_source[] =
  "DROP TABLE firm_search;"
  "CREATE VIEW firm_search_source AS"
  "  SELECT f.id, f.name, f.name_other, f.uscc, f.business_scope,"
  "         (SELECT group_concat (c.name, ' ') FROM contacts c WHERE c.firm_id = f.id) AS contacts"
  "  FROM firms f;"
  "CREATE VIRTUAL TABLE firm_search USING fts5 ("
  "  name, name_other, uscc, business_scope, contacts,"
  "  tokenize = 'zs_cjk', detail = 'full',"
  "  content = 'firm_search_source', content_rowid = 'id');"
  "INSERT INTO firm_search (firm_search) VALUES ('rebuild');";

/* A firm's name key was indexed as text, the largest index after the
 * search index's own; names come in random order, so a batch import
 * rewrote most of its pages at every commit. A 64-bit hash is a quarter
 * of the size; a match is confirmed on the name itself. The old column
 * stays, empty: dropping it would rewrite the table and fail on any view
 * or trigger a user added that sqlite cannot parse any more. The search
 * index stops keeping column sizes (see ZS_SEARCH_TABLE_ARGS). */
/* The search index without column sizes, built with the settings for
 * many rows (see _zs_store_tune_search ()), then FTS5's defaults. */
#define SEARCH_REBUILD_SQL \
  "DROP TABLE firm_search;" \
  "CREATE VIRTUAL TABLE firm_search USING fts5 (" ZS_SEARCH_TABLE_ARGS ");" \
  "INSERT INTO firm_search (firm_search, rank) VALUES ('hashsize', " ZS_SEARCH_HASHSIZE_MANY ");" \
  "INSERT INTO firm_search (firm_search, rank) VALUES ('automerge', " ZS_SEARCH_AUTOMERGE_MANY ");" \
  "INSERT INTO firm_search (firm_search) VALUES ('rebuild');" \
  "INSERT INTO firm_search (firm_search, rank) VALUES ('hashsize', " ZS_SEARCH_HASHSIZE_DEFAULT ");" \
  "INSERT INTO firm_search (firm_search, rank) VALUES ('automerge', " ZS_SEARCH_AUTOMERGE_DEFAULT ");"

static const char schema_name_hash[] =
  "DROP INDEX IF EXISTS firms_by_name_key;"
  "ALTER TABLE firms ADD COLUMN name_hash INTEGER;"
  "UPDATE firms SET name_key = NULL, name_hash = zs_name_hash (name);"
  "CREATE INDEX firms_by_name_hash ON firms (name_hash);"
  SEARCH_REBUILD_SQL;

/* Every record carries the version its last write gave it, and every
 * audited field change the version it produced: an update can then tell
 * which fields other writers changed since its caller loaded the record. */
static const char schema_record_versions[] =
  "ALTER TABLE firms ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE contacts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE projects ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE activities ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE staff ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE changes ADD COLUMN version INTEGER;"
  "CREATE INDEX changes_by_field ON changes (entity, entity_id, field, version);";

/* A deletion that takes other records with it (a firm's contacts, a
 * project's stage history) is one group: its other rows point to the
 * record's own deletion, so reverting that brings all of them back. */
static const char schema_change_groups[] =
  "ALTER TABLE changes ADD COLUMN group_id INTEGER REFERENCES changes (id);"
  "CREATE INDEX changes_by_group ON changes (group_id) WHERE group_id IS NOT NULL;";

/* What plugins read of core data (see ZsPluginStorage), and the seal of
 * the audit trail (see zs-store-seal.c). */
#define SEAL_ROW(ROW) \
  ROW ".id, " ROW ".at, " ROW ".actor, " ROW ".entity, " ROW ".entity_id, " ROW ".kind, " \
  ROW ".field, " ROW ".old_value, " ROW ".new_value, " ROW ".import_id, " ROW ".version"

static const char schema_plugin_storage[] =
  "CREATE VIEW core_firms AS SELECT id, uscc, name, name_other, ownership, country, region_code,"
  "  address, registered_capital, business_scope, website, notes, created_at, updated_at, version FROM firms;"
  "CREATE VIEW core_firm_sectors AS SELECT firm_id, sector_code FROM firm_sectors;"
  "CREATE VIEW core_contacts AS SELECT id, firm_id, name, title, phone, email, notes, version FROM contacts;"
  "CREATE VIEW core_projects AS SELECT id, firm_id, title, park_code, stage, planned_investment,"
  "  realised_investment, planned_jobs, land_mu, source_channel, referrer_firm_id, owner, clause,"
  "  created_at, updated_at, version FROM projects;"
  "CREATE VIEW core_project_sectors AS SELECT project_id, sector_code FROM project_sectors;"
  "CREATE VIEW core_activities AS SELECT id, firm_id, project_id, kind, date, who, notes,"
  "  next_follow_up, created_at, version FROM activities;"
  "CREATE VIEW core_sectors AS SELECT id, code, name, name_en, parent_code, clause, priority, synonyms FROM sectors;"
  "CREATE VIEW core_parks AS SELECT id, code, name, name_en, kind, region_code, parent_code, clause FROM parks;"
  "CREATE VIEW core_regions AS SELECT id, code, name, name_en, group_name FROM regions;"
  "CREATE VIEW core_clauses AS SELECT id, number, numeral, part, part_title, title, lead_unit,"
  "  responsible_units FROM clauses;"
  "CREATE VIEW core_staff AS SELECT id, name, role, park_code FROM staff;"
  /* `WHERE query MATCH ?` finds firms as the store's search does. */
  "CREATE VIEW core_firm_search AS SELECT rowid AS firm_id, firm_search AS query FROM firm_search;"
  "CREATE TABLE audit_seal ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  rows INTEGER NOT NULL,"
  "  digest INTEGER NOT NULL);"
  "INSERT INTO audit_seal SELECT 1, count (*), zs_audit_digest (" ZS_AUDIT_SEALED_COLUMNS ") FROM changes;"
  "CREATE TRIGGER changes_sealed_insert AFTER INSERT ON changes BEGIN"
  "  UPDATE audit_seal SET rows = rows + 1, digest = zs_audit_seal (digest, 1, " SEAL_ROW ("NEW") ");"
  "END;"
  "CREATE TRIGGER changes_sealed_delete AFTER DELETE ON changes BEGIN"
  "  UPDATE audit_seal SET rows = rows - 1, digest = zs_audit_seal (digest, -1, " SEAL_ROW ("OLD") ");"
  "END;"
  "CREATE TRIGGER changes_sealed_update AFTER UPDATE OF " ZS_AUDIT_SEALED_COLUMNS " ON changes BEGIN"
  "  UPDATE audit_seal SET digest = zs_audit_seal (zs_audit_seal (digest, -1, " SEAL_ROW ("OLD") "),"
  "                                                1, " SEAL_ROW ("NEW") ");"
  "END;";

static gboolean
has_column (ZsStore     *self,
            const char  *table,
            const char  *column,
            gboolean    *found,
            GError     **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT count (*) FROM pragma_table_info (?1) WHERE name = ?2",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _zs_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *found = sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
add_missing_column (ZsStore     *self,
                    const char  *table,
                    const char  *column,
                    const char  *sql,
                    GError     **error)
{
  gboolean found;

  return has_column (self, table, column, &found, error) &&
         (found || _zs_store_exec (self, sql, error));
}

/* Only the SHA-256 of a token is kept: a copy of the database gives no
 * way in to the API. */
static const char schema_api_tokens[] =
  "CREATE TABLE api_tokens ("
  "  id INTEGER PRIMARY KEY,"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,"
  "  hash TEXT NOT NULL UNIQUE,"
  "  created_at TEXT NOT NULL,"
  "  expires_at TEXT,"
  "  revoked_at TEXT);"
  "CREATE INDEX api_tokens_staff ON api_tokens (staff_id);";

/* Released steps edited afterwards left the databases they had already
 * upgraded unlike new ones: step 3 gained plugin_settings.last_error
 * (without it `plugins disable` fails), step 6 kept firms.name_key and
 * dropped the search index's column sizes. */
static gboolean
repair_edited_steps (ZsStore  *self,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean current = FALSE;

  if (!add_missing_column (self, "plugin_settings", "last_error",
                           "ALTER TABLE plugin_settings ADD COLUMN last_error TEXT", error) ||
      !add_missing_column (self, "firms", "name_key", "ALTER TABLE firms ADD COLUMN name_key TEXT", error))
    return FALSE;

  stmt = _zs_store_prepare (self, "SELECT sql FROM sqlite_master WHERE name = 'firm_search'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    current = strstr ((const char *) sqlite3_column_text (stmt, 0), ZS_SEARCH_TABLE_ARGS) != NULL;
  sqlite3_reset (stmt);
  return current || _zs_store_exec (self, SEARCH_REBUILD_SQL, error);
}

/* A step is SQL, and optionally code for what SQL cannot decide. */
static const struct {
  ZsSchemaVersion  version;
  const char      *sql;
  gboolean       (*run) (ZsStore *self, GError **error);
} migrations[] = {
  { ZS_SCHEMA_VERSION_CORE, schema_core },
  { ZS_SCHEMA_VERSION_SEARCH, schema_search },
  { ZS_SCHEMA_VERSION_PLUGINS, schema_plugins },
  { ZS_SCHEMA_VERSION_IMPORTS, schema_imports },
  { ZS_SCHEMA_VERSION_SEARCH_SOURCE, schema_search_source },
  { ZS_SCHEMA_VERSION_NAME_HASH, schema_name_hash },
  { ZS_SCHEMA_VERSION_RECORD_VERSIONS, schema_record_versions },
  { ZS_SCHEMA_VERSION_CHANGE_GROUPS, schema_change_groups },
  { ZS_SCHEMA_VERSION_PLUGIN_STORAGE, schema_plugin_storage, repair_edited_steps },
  { ZS_SCHEMA_VERSION_API_TOKENS, schema_api_tokens },
};

static int
read_user_version (ZsStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
apply_migration (ZsStore          *self,
                 ZsSchemaVersion   version,
                 const char       *sql,
                 gboolean        (*run) (ZsStore *self, GError **error),
                 GError          **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (!_zs_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!_zs_store_exec (self, sql, error) ||
      (run != NULL && !run (self, error)) ||
      !_zs_store_exec (self, set_version, error) ||
      !_zs_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_prefix_error (error, _("Could not upgrade the database to schema version %d: "), version);
      return FALSE;
    }
  g_debug ("Migrated %s to schema version %d", self->path, version);
  return TRUE;
}

/* The schema version of the open database, checked against this version
 * of Zhaoshang; -1 with @error set when it cannot be read or is too new. */
static int
read_known_version (ZsStore  *self,
                    GError  **error)
{
  int version = read_user_version (self);

  if (version < 0)
    {
      _zs_store_set_error (self, error);
      return -1;
    }
  if (version > ZS_SCHEMA_VERSION_CURRENT)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Zhaoshang "
                     "(schema version %d; this version reads up to %d). "
                     "Upgrade Zhaoshang to open it."),
                   self->path, version, ZS_SCHEMA_VERSION_CURRENT);
      return -1;
    }
  return version;
}

/* Only `init` upgrades: an older database is left as it is until then. */
static gboolean
check_current (ZsStore  *self,
               GError  **error)
{
  int version = read_known_version (self, error);

  if (version < 0)
    return FALSE;
  if (version < ZS_SCHEMA_VERSION_CURRENT)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_TOO_OLD,
                   _("The database “%s” has schema version %d, older than this version "
                     "of Zhaoshang (%d); run “zhaoshang-cli --db %s init” to upgrade it"),
                   self->path, version, ZS_SCHEMA_VERSION_CURRENT, self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (ZsStore  *self,
         GError  **error)
{
  int version = read_known_version (self, error);

  if (version < 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if ((int) migrations[i].version <= version)
        continue;
      if (!apply_migration (self, migrations[i].version, migrations[i].sql, migrations[i].run, error))
        return FALSE;
    }

  return TRUE;
}

static void
name_key_function (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  const char *name = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *key = name ? zs_firm_name_key (name) : NULL;

  if (key == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, key, -1, SQLITE_TRANSIENT);
}

/* FNV-1a of a name key: stored, so it must never change. */
static gint64
hash_name_key (const char *key)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const guchar *p = (const guchar *) key; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return (gint64) hash;
}

gint64
_zs_firm_name_hash (const char *name)
{
  g_autofree char *key = zs_firm_name_key (name);

  return hash_name_key (key);
}

static void
name_hash_function (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  const char *name = (const char *) sqlite3_value_text (argv[0]);

  if (name == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_int64 (context, _zs_firm_name_hash (name));
}

/* The firm with the code @uscc: 0 if none, -1 on error. */
gint64
_zs_store_find_firm_by_uscc (ZsStore     *self,
                             const char  *uscc,
                             GError     **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT id FROM firms WHERE uscc = ?", error);
  gint64 found = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uscc, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    found = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      found = -1;
    }
  sqlite3_reset (stmt);
  return found;
}

/* The first firm (lowest id) whose name has the key of @name: 0 if none,
 * -1 on error. */
gint64
_zs_store_find_firm_by_name (ZsStore     *self,
                             const char  *name,
                             GError     **error)
{
  g_autofree char *key = zs_firm_name_key (name);
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT id, name FROM firms WHERE name_hash = ? ORDER BY id", error);
  gint64 found = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, hash_name_key (key));
  while (found == 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *other = zs_firm_name_key ((const char *) sqlite3_column_text (stmt, 1));

      if (g_str_equal (key, other))
        found = sqlite3_column_int64 (stmt, 0);
    }
  if (found == 0 && rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      found = -1;
    }
  sqlite3_reset (stmt);
  return found;
}

static gboolean
register_functions (ZsStore  *self,
                    GError  **error)
{
  /* Deterministic, so an index can be built on them. */
  if (sqlite3_create_function (self->db, "zs_name_key", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                               NULL, name_key_function, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (self->db, "zs_name_hash", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                               NULL, name_hash_function, NULL, NULL) != SQLITE_OK ||
      _zs_seal_register_functions (self->db) != SQLITE_OK)
    {
      _zs_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure_connection (ZsStore  *self,
                      GError  **error)
{
  /* The data layer sets the busy handler and extended result codes. */
  self->data = _zs_db_new (self->db, self->path);
  _zs_db_set_writer_func (self->data, describe_writer, self);

  /* Read only, the journal mode is the file's own: changing it writes. */
  return (self->read_only ||
          _zs_store_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", error)) &&
         _zs_store_exec (self,
                         "PRAGMA foreign_keys = ON;"
                         /* 32 MiB of page cache: searches and imports on a
                          * million firms stay in memory, RSS stays small. */
                         "PRAGMA cache_size = -32768;"
                         "PRAGMA temp_store = MEMORY;",
                         error) &&
         register_functions (self, error) &&
         zs_search_register_tokenizer (self->db, error);
}

#if defined (__linux__) && !defined (F_OFD_SETLK)
# error "open file description locks are needed on Linux (see ofd_fcntl)"
#endif

#ifdef F_OFD_SETLK
/* sqlite's unix VFS locks the database with POSIX record locks, which
 * belong to the process: the kernel drops them all when any descriptor of
 * the file closes, such as the one a file chooser opens to sniff the
 * content type. Another process then takes itself for the last user and
 * deletes the -wal and -shm files under us. Open file description locks
 * belong to sqlite's own descriptor, so closing another one leaves them;
 * they conflict with the POSIX locks of other programs (the sqlite3 shell)
 * as before. Every other command passes through unchanged. */
static int
ofd_fcntl (int fd,
           int cmd,
           ...)
{
  va_list args;
  void *arg;

  va_start (args, cmd);
  arg = va_arg (args, void *);
  va_end (args);

  if (cmd == F_SETLK || cmd == F_SETLKW || cmd == F_GETLK)
    {
      struct flock *lock = arg;

      lock->l_pid = 0;  /* required of open file description locks */
      cmd = cmd == F_SETLK ? F_OFD_SETLK : cmd == F_SETLKW ? F_OFD_SETLKW : F_OFD_GETLK;
    }
  return fcntl (fd, cmd, arg);
}
#endif

/* Once per process, before the first connection opens: a connection
 * opened earlier would keep its POSIX locks. */
static void
use_ofd_locks (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
#ifdef F_OFD_SETLK
  {
    sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);

    if (vfs == NULL || vfs->iVersion < 3 || vfs->xSetSystemCall == NULL ||
        !g_str_has_prefix (vfs->zName, "unix") ||
        vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) ofd_fcntl) != SQLITE_OK)
      g_debug ("sqlite's VFS keeps its POSIX locks");
  }
#endif
  g_once_init_leave (&done, 1);
}

static gboolean
file_exists (const char *path,
             const char *suffix)
{
  g_autofree char *name = g_strconcat (path, suffix, NULL);

  return g_file_test (name, G_FILE_TEST_EXISTS);
}

/* Names @path as a read-only sqlite URI; immutable when no lock can be
 * taken for want of a -shm file. */
static char *
read_only_uri (const char *path,
               gboolean    immutable)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);

  return g_strdup_printf ("file:%s?mode=ro%s", escaped, immutable ? "&immutable=1" : "");
}

/* The tables of the database at @uri, read without writing anything: NULL
 * with @error set if it is no sqlite database. */
static GPtrArray *
list_tables (const char  *path,
             const char  *uri,
             int         *version,
             GError     **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);

  if (rc == SQLITE_OK)
    sqlite3_busy_timeout (db, ZS_DB_BUSY_TIMEOUT_MS);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
          g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_A_DATABASE,
                     _("“%s” is not a Zhaoshang database: it is not an SQLite database at all"), path);
      else
        g_set_error (error, ZS_ERROR, ZS_ERROR_DATABASE, _("Could not read the database “%s”: %s"),
                     path, db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_close (db);
  return g_steal_pointer (&tables);
}

/* What a file holds that is not ours, in a few words. */
static char *
describe_tables (GPtrArray *tables)
{
  g_autoptr(GString) names = g_string_new (NULL);

  if (tables->len == 0)
    return g_strdup (_("an SQLite database without tables"));
  for (guint i = 0; i < tables->len && i < 8; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", (char *) tables->pdata[i]);
  if (tables->len > 8)
    g_string_append (names, ", …");
  return g_strdup_printf (_("another program's SQLite database with tables %s"), names->str);
}

static gboolean
has_table (GPtrArray  *tables,
           const char *name)
{
  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (tables->pdata[i], name))
      return TRUE;
  return FALSE;
}

/* Looks into an existing file before anything could write to it: read
 * only, and immutable unless a -wal file says someone has it open. Fails
 * with %ZS_ERROR_NOT_A_DATABASE, leaving the file as it was, unless it
 * holds our schema; an empty file is only fine to create a database in. */
static gboolean
inspect_file (ZsStore   *self,
              gboolean   empty_is_fine,
              GError   **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *found = NULL;
  gboolean has_wal = file_exists (self->path, "-wal");
  GStatBuf info;
  int version = 0;

  if (g_stat (self->path, &info) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("There is no database at “%s”; create it with “zhaoshang-cli --db %s init”"),
                     self->path, self->path);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not open the database “%s”: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }
  if (S_ISDIR (info.st_mode))
    found = g_strdup (_("a folder"));
  else if (info.st_size == 0 && !has_wal)
    {
      if (empty_is_fine)
        return TRUE;
      found = g_strdup (_("an empty file"));
    }
  else
    {
      uri = read_only_uri (self->path, !has_wal);
      if (!(tables = list_tables (self->path, uri, &version, error)))
        return FALSE;
      if (version >= ZS_SCHEMA_VERSION_CORE && has_table (tables, "firms"))
        return TRUE;
      found = describe_tables (tables);
    }
  g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_A_DATABASE,
               _("“%s” is not a Zhaoshang database: it is %s"), self->path, found);
  return FALSE;
}

/* Whether the user may only read the database: the file or its folder
 * (where the -wal and -shm files go) is not writable for them. */
static gboolean
is_read_only_for_user (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return access (path, W_OK) != 0 || access (dir, W_OK) != 0;
}

/* A query that makes sqlite open the file, and the -wal and -shm files of
 * a WAL database: the result code of the first real access. */
static int
probe (sqlite3 *db)
{
  /* Readers wait too: a writer resetting the WAL holds them off briefly. */
  sqlite3_busy_timeout (db, ZS_DB_BUSY_TIMEOUT_MS);
  return sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
}

static gboolean
is_denied (int rc)
{
  return (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN ||
         (rc & 0xff) == SQLITE_PERM;
}

static void
close_handle (ZsStore *self)
{
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

static gboolean
set_open_error (ZsStore  *self,
                int       rc,
                GError  **error)
{
  g_set_error (error, ZS_ERROR, ZS_ERROR_DATABASE,
               _("Could not open the database “%s”: %s"), self->path,
               self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  close_handle (self);
  return FALSE;
}

/* Read only, a WAL database needs its -shm file to take locks. Where it
 * cannot be made, nobody can have the database open for writing unless a
 * -wal file shows it, so reading the file as it stands is safe. */
static gboolean
open_read_only (ZsStore  *self,
                GError  **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  gboolean has_wal = file_exists (self->path, "-wal");
  gboolean no_shm = !file_exists (self->path, "-shm") && access (dir, W_OK) != 0;
  g_autofree char *uri = read_only_uri (self->path, no_shm && !has_wal);
  int rc;

  self->read_only = TRUE;
  rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
                        SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = probe (self->db);
  if (rc != SQLITE_OK && is_denied (rc) && !has_wal && !no_shm)
    {
      /* A -shm file left by another user, which we may not lock. */
      g_clear_pointer (&uri, g_free);
      close_handle (self);
      uri = read_only_uri (self->path, TRUE);
      rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
                            SQLITE_OPEN_FULLMUTEX, NULL);
      if (rc == SQLITE_OK)
        rc = probe (self->db);
    }
  if (rc != SQLITE_OK && has_wal)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_READ_ONLY,
                   _("The database “%s” is read only for you and another user has it open "
                     "with changes not yet in the file; open it when they have closed it (%s)"),
                   self->path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      close_handle (self);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    return set_open_error (self, rc, error);
  return TRUE;
}

/* Read-write when the user may write, else (or when sqlite finds it may
 * not after all) read only. */
static gboolean
open_handle (ZsStore  *self,
             GError  **error)
{
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
  int rc;

  if (self->create)
    flags |= SQLITE_OPEN_CREATE;
  else if (is_read_only_for_user (self->path))
    return open_read_only (self, error);

  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc == SQLITE_OK && sqlite3_db_readonly (self->db, "main") == 1)
    rc = SQLITE_READONLY;
  /* Read only by request, over a connection that could write: unlike a
   * read-only connection it removes the -wal and -shm files it needed when
   * it closes, so the folder is left as it was. */
  if (rc == SQLITE_OK && self->read_only && !self->create)
    rc = sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  /* A -wal file someone else left stays theirs: no checkpoint into the file. */
  if (rc == SQLITE_OK && self->read_only && !self->create && file_exists (self->path, "-wal"))
    rc = sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (rc == SQLITE_OK)
    rc = probe (self->db);
  if (rc == SQLITE_OK)
    return TRUE;
  if (!self->create && is_denied (rc))
    {
      close_handle (self);
      return open_read_only (self, error);
    }
  if (self->create && is_denied (rc))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_READ_ONLY,
                   _("The database “%s” is read only for you: it can be read, "
                     "but not created or upgraded"), self->path);
      close_handle (self);
      return FALSE;
    }
  return set_open_error (self, rc, error);
}

static gboolean
create_database (ZsStore  *self,
                 GError  **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (g_file_test (self->path, G_FILE_TEST_EXISTS) && !inspect_file (self, TRUE, error))
    return FALSE;

  return open_handle (self, error) &&
         configure_connection (self, error) &&
         migrate (self, error);
}

static gboolean
open_database (ZsStore  *self,
               GError  **error)
{
  return inspect_file (self, FALSE, error) &&
         open_handle (self, error) &&
         configure_connection (self, error) &&
         check_current (self, error);
}

static gboolean
zs_store_initable_init (GInitable     *initable,
                        GCancellable  *cancellable,
                        GError       **error)
{
  ZsStore *self = ZS_STORE (initable);

  g_return_val_if_fail (self->db == NULL, FALSE);

  zs_i18n_init ();
  use_ofd_locks ();
  if (self->path == NULL || self->path[0] == '\0')
    {
      g_free (self->path);
      self->path = zs_store_get_default_path ();
    }
  if (self->create)
    return create_database (self, error);
  return open_database (self, error);
}

static void
zs_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = zs_store_initable_init;
}

/**
 * zs_store_get_default_path:
 *
 * The database used when none is named: `$ZHAOSHANG_DB`, else
 * `$XDG_DATA_HOME/zhaoshang/zhaoshang.db`.
 *
 * Returns: (transfer full): a file path
 */
char *
zs_store_get_default_path (void)
{
  const char *env = g_getenv ("ZHAOSHANG_DB");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "zhaoshang", "zhaoshang.db", NULL);
}

/**
 * zs_store_new:
 * @path: (nullable): the database file, or %NULL for zs_store_get_default_path()
 * @error: return location for a #GError
 *
 * Opens an existing Zhaoshang database of the current schema version.
 * Nothing is created or upgraded (see zs_store_create()): a missing file
 * fails with %G_IO_ERROR_NOT_FOUND, a file without our schema with
 * %ZS_ERROR_NOT_A_DATABASE, left byte for byte as it was, an older schema
 * with %ZS_ERROR_TOO_OLD and a newer one with %ZS_ERROR_TOO_NEW. A database
 * the user may not write opens read only (see zs_store_is_read_only()).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ZsStore *
zs_store_new (const char  *path,
              GError     **error)
{
  return g_initable_new (ZS_TYPE_STORE, NULL, error, "path", path, NULL);
}

/**
 * zs_store_new_read_only:
 * @path: (nullable): the database file, or %NULL for zs_store_get_default_path()
 * @error: return location for a #GError
 *
 * Opens an existing database as zs_store_new() does, but read only even
 * where the user may write it: for checks and reports that must leave the
 * file as it is. Every write fails with %ZS_ERROR_READ_ONLY.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ZsStore *
zs_store_new_read_only (const char  *path,
                        GError     **error)
{
  return g_initable_new (ZS_TYPE_STORE, NULL, error, "path", path, "read-only", TRUE, NULL);
}

/**
 * zs_store_create:
 * @path: (nullable): the database file, or %NULL for zs_store_get_default_path()
 * @error: return location for a #GError
 *
 * Opens the database, creating it and its folder if needed, and brings its
 * schema up to date step by step. A file that holds anything but a
 * Zhaoshang database is refused as by zs_store_new(); so is a database
 * written by a newer version, with %ZS_ERROR_TOO_NEW.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ZsStore *
zs_store_create (const char  *path,
                 GError     **error)
{
  return g_initable_new (ZS_TYPE_STORE, NULL, error, "path", path, "create", TRUE, NULL);
}

/**
 * zs_store_is_read_only:
 * @self: a #ZsStore
 *
 * Whether the database was opened read only, because the user may not
 * write the file or its folder. Every change then fails with
 * %ZS_ERROR_READ_ONLY.
 *
 * Returns: %TRUE if nothing can be written
 */
gboolean
zs_store_is_read_only (ZsStore *self)
{
  g_return_val_if_fail (ZS_IS_STORE (self), TRUE);
  return self->read_only;
}

const char *
zs_store_get_path (ZsStore *self)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);
  return self->path;
}

/**
 * zs_store_get_schema_version:
 * @self: a #ZsStore
 *
 * Returns: the schema version of the open database
 */
int
zs_store_get_schema_version (ZsStore *self)
{
  g_return_val_if_fail (ZS_IS_STORE (self), -1);
  return read_user_version (self);
}

/* Names compare as they are stored, and regardless of case: "Bob" is
 * the viewer "bob" too, whatever the case of names means elsewhere. */
static char *
staff_key (const char *name)
{
  g_autofree char *normalized = _zs_text_normalize_name (name);

  return normalized != NULL ? g_utf8_casefold (normalized, -1) : g_strdup ("");
}

/* Whether the actor is registered as a viewer; -1 with @error set when the
 * staff table cannot be read, which never counts as permission. */
static int
actor_is_viewer (ZsStore  *self,
                 GError  **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT name FROM staff WHERE role = 'viewer'", error);
  g_autofree char *key = staff_key (self->actor);
  gboolean viewer = FALSE;
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return -1;
  while (!viewer && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *other = staff_key ((const char *) sqlite3_column_text (stmt, 0));

      viewer = g_str_equal (key, other);
    }
  if (!viewer && rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      sqlite3_reset (stmt);
      return -1;
    }
  sqlite3_reset (stmt);
  return viewer;
}

/* Staff registered as viewers read but never write. Actors that are not
 * registered staff (the OS user of a single-user install) may write. */
gboolean
_zs_store_check_can_write (ZsStore  *self,
                           GError  **error)
{
  int viewer;

  if (self->read_only)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_READ_ONLY,
                   _("The database “%s” is read only for you: you may not write the file "
                     "or its folder, so it can be read but not changed"), self->path);
      return FALSE;
    }
  /* Within a transaction the staff table reads the same throughout. */
  if (self->may_write && self->in_transaction)
    return TRUE;
  viewer = actor_is_viewer (self, error);
  if (viewer < 0)
    return FALSE;
  self->may_write = !viewer;
  if (!viewer)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_PERMISSION,
               _("%s is registered as a viewer and may not change records"), self->actor);
  return FALSE;
}

void
_zs_store_forget_write_role (ZsStore *self)
{
  self->may_write = FALSE;
}

void
_zs_store_set_import_id (ZsStore *self,
                         gint64   import_id)
{
  g_warn_if_fail (self->creations_audited == self->creations->len);
  self->import_id = import_id;
}

/* An import's new records are audited a batch at a time, by one statement
 * per entity, rather than by one statement per record: for a large file
 * that statement was the costliest write after the record's own. */
gboolean
_zs_store_defers_creation_audit (ZsStore *self)
{
  return _zs_store_get_import_id (self) != 0;
}

void
_zs_store_defer_creation_audit (ZsStore        *self,
                                const ZsEntity *entity,
                                gint64          id)
{
  ZsCreation creation = { entity->name, id };

  g_array_append_val (self->creations, creation);
}

/* Audits the creations not yet audited. Any other audit row waits for
 * them, so that a record's history stays in the order it happened. */
gboolean
_zs_store_audit_creations (ZsStore  *self,
                           GError  **error)
{
  guint from = self->creations_audited;
  guint to = self->creations->len;

  if (from < to &&
      !_zs_audit_creations (self, &g_array_index (self->creations, ZsCreation, from), to - from,
                            self->import_id, error))
    return FALSE;
  self->creations_audited = to;
  /* Outside a savepoint no rollback can take those rows back. */
  if (self->savepoints->len == 0)
    {
      g_array_set_size (self->creations, 0);
      self->creations_audited = 0;
    }
  return TRUE;
}

/* A dry run's creations are rolled back with it. */
void
_zs_store_drop_deferred (ZsStore *self)
{
  g_return_if_fail (self->savepoints->len == 0);

  g_hash_table_unref (_zs_store_steal_search_pending (self));
  g_array_set_size (self->creations, 0);
  self->creations_audited = 0;
}

/* The ids as a JSON array for json_each (). */
char *
_zs_ids_to_json (const gint64 *ids,
                 guint         n_ids)
{
  GString *json = g_string_sized_new (n_ids * 8 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* What a batch leaves to its end: the audit rows of its new records and
 * its search index entries. */
gboolean
_zs_store_write_deferred (ZsStore  *self,
                          GError  **error)
{
  return _zs_store_audit_creations (self, error) && _zs_store_update_search (self, error);
}

/* The import the writes now being made belong to: only those inside its
 * transactions. A record written between them, by a handler of the
 * changed signal for instance, is the handler's own and outlives an undo
 * of the import. */
gint64
_zs_store_get_import_id (ZsStore *self)
{
  return self->in_transaction ? self->import_id : 0;
}

/* Sector codes are checked once per store: a code, once found, is taken
 * as it is. Loading the seed forgets them; a code removed behind the
 * store's back is still refused by the foreign key of the sector rows. */
gboolean
_zs_store_is_known_sector (ZsStore    *self,
                           const char *code)
{
  return g_hash_table_contains (self->sector_codes, code);
}

void
_zs_store_add_known_sector (ZsStore    *self,
                            const char *code)
{
  g_hash_table_add (self->sector_codes, g_strdup (code));
}

void
_zs_store_forget_sectors (ZsStore *self)
{
  g_hash_table_remove_all (self->sector_codes);
}

/* FTS5 writes its pending terms out as a new segment at every savepoint
 * and every statement that opens one, once the search table is part of the
 * transaction: indexing each row as it is written makes one tiny segment,
 * and merges, per statement. A batch defers the indexing of the firms it
 * writes to its commit, where they are indexed by one statement. */
void
_zs_store_set_deferred_indexing (ZsStore  *self,
                                 gboolean  deferred)
{
  g_return_if_fail (deferred || g_hash_table_size (self->search_pending) == 0);
  self->defer_indexing = deferred != FALSE;
}

gboolean
_zs_store_is_indexing_deferred (ZsStore *self)
{
  return self->defer_indexing && self->in_transaction;
}

/* The firms written since the search index was last brought up to date
 * (see zs-store-search.c). */
gboolean
_zs_store_has_search_entry (ZsStore *self,
                            gint64   firm_id)
{
  return g_hash_table_contains (self->search_pending, &firm_id);
}

/* Takes @entry (NULL: the firm has no entry in the index). */
void
_zs_store_remember_search_entry (ZsStore       *self,
                                 gint64         firm_id,
                                 ZsSearchEntry *entry)
{
  g_hash_table_insert (self->search_pending, g_memdup2 (&firm_id, sizeof firm_id), entry);
  g_array_append_val (self->search_order, firm_id);
}

GHashTable *
_zs_store_steal_search_pending (ZsStore *self)
{
  GHashTable *pending = g_steal_pointer (&self->search_pending);

  self->search_pending = new_search_pending ();
  g_array_set_size (self->search_order, 0);
  return pending;
}

const char *
zs_store_get_actor (ZsStore *self)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);
  return self->actor;
}

/**
 * zs_store_set_actor:
 * @self: a #ZsStore
 * @actor: (nullable): the staff member making the next changes
 *
 * Sets who is recorded in the audit trail; %NULL or blanks mean the OS
 * user. The name is taken in Unicode NFKC without the blanks around it,
 * as staff names are stored.
 */
void
zs_store_set_actor (ZsStore    *self,
                    const char *actor)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (ZS_IS_STORE (self));

  /* Spelled as stored, so that no spelling of a viewer's name writes. */
  normalized = _zs_text_normalize_name (actor);
  if (normalized == NULL || normalized[0] == '\0')
    {
      g_free (normalized);
      normalized = _zs_text_normalize_name (g_get_user_name ());
    }
  if (normalized == NULL)
    normalized = g_strdup (g_get_user_name ());
  if (g_strcmp0 (self->actor, normalized) == 0)
    return;
  g_free (self->actor);
  self->actor = g_steal_pointer (&normalized);
  self->may_write = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

/* The first line of a check pragma's answer, NULL if it found nothing. */
static char *
first_problem (ZsStore     *self,
               const char  *pragma,
               const char  *fine,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, pragma, -1, &stmt, NULL) != SQLITE_OK)
    {
      _zs_store_set_error (self, error);
      return NULL;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (row, "%s%s", i ? " " : "",
                                sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "");
      if (fine == NULL || !g_str_equal (row->str, fine))
        problem = g_string_free (row, FALSE);
      else
        g_string_free (row, TRUE);
    }
  else if (rc != SQLITE_DONE)
    _zs_store_set_error (self, error);
  sqlite3_finalize (stmt);
  return problem;
}

/**
 * zs_store_check:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Checks the database: sqlite's integrity check, the references between
 * records, that the audit trail adds up to its seal (no history row was
 * deleted or changed outside Zhaoshang), and that the search index holds
 * exactly the terms of the firms.
 * A failed check is %ZS_ERROR_DAMAGED, naming the first problem found.
 *
 * Returns: %TRUE if the database is sound
 */
gboolean
zs_store_check (ZsStore  *self,
                GError  **error)
{
  static const struct { const char *pragma; const char *fine; } checks[] = {
    { "PRAGMA integrity_check", "ok" },
    { "PRAGMA foreign_key_check", NULL },
  };
  GError *local_error = NULL;

  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *problem = first_problem (self, checks[i].pragma, checks[i].fine, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (problem != NULL)
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_DAMAGED, _("The database is damaged (%s): %s"),
                       checks[i].pragma + strlen ("PRAGMA "), problem);
          return FALSE;
        }
    }
  return _zs_store_check_audit_seal (self, error) &&
         _zs_store_check_search (self, error);
}

/**
 * zs_store_rebuild_search_index:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Builds the firm search index again from the firms and their contacts, as
 * after firms were changed with SQL behind the store's back.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_store_rebuild_search_index (ZsStore  *self,
                               GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);

  return _zs_store_check_can_write (self, error) &&
         _zs_store_rebuild_search (self, error);
}

static sqlite3_stmt *
prepare_with_params (ZsStore             *self,
                     const char          *sql,
                     const char * const  *params,
                     GError             **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, sql, error);
  int expected;

  if (stmt == NULL)
    return NULL;
  expected = sqlite3_bind_parameter_count (stmt);
  if ((int) (params ? g_strv_length ((char **) params) : 0) != expected)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("The statement takes %d parameters: %s"), expected, sql);
      return NULL;
    }
  for (int i = 0; i < expected; i++)
    sqlite3_bind_text (stmt, i + 1, params[i], -1, SQLITE_TRANSIENT);
  return stmt;
}

/*
 * _zs_store_execute:
 * @self: a #ZsStore
 * @sql: one SQL statement with `?` parameters
 * @params: (array zero-terminated=1) (nullable): the parameters, as text
 * @error: return location for a #GError
 *
 * Runs a statement on the store's connection, inside the current
 * transaction if there is one, with no confinement: for the core, its
 * tests and benchmarks. Changes made this way to core tables bypass
 * validation and the audit trail; plugins use ZsPluginStorage.
 *
 * Returns: the number of rows changed, or -1 with @error set
 */
gint64
_zs_store_execute (ZsStore             *self,
                   const char          *sql,
                   const char * const  *params,
                   GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 changes;

  g_return_val_if_fail (ZS_IS_STORE (self), -1);
  g_return_val_if_fail (sql != NULL, -1);

  if (!(stmt = prepare_with_params (self, sql, params, error)))
    return -1;
  if (sqlite3_stmt_readonly (stmt) || _zs_db_get_depth (self->data) > 0)
    return _zs_db_step_done (self->data, stmt, error) ? sqlite3_changes64 (self->db) : -1;

  /* A write on its own takes the write lock first, as every write does. */
  if (!_zs_db_begin (self->data, error))
    return -1;
  if (!_zs_db_step_done (self->data, stmt, error) ||
      (changes = sqlite3_changes64 (self->db), !_zs_db_commit (self->data, error)))
    {
      _zs_db_rollback (self->data);
      return -1;
    }
  return changes;
}

/*
 * _zs_store_query:
 * @self: a #ZsStore
 * @sql: one SELECT with `?` parameters
 * @params: (array zero-terminated=1) (nullable): the parameters, as text
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the rows, each a %NULL-terminated array of column
 *   texts (a NULL column is an empty string), or %NULL with @error set
 */
GPtrArray *
_zs_store_query (ZsStore             *self,
                 const char          *sql,
                 const char * const  *params,
                 GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!(stmt = prepare_with_params (self, sql, params, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n = sqlite3_column_count (stmt);
      char **row = g_new0 (char *, n + 1);

      for (int i = 0; i < n; i++)
        row[i] = g_strdup (sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "");
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

/*
 * _zs_store_query_json:
 * @self: a #ZsStore
 * @sql: one SELECT with `?` parameters
 * @params: (array zero-terminated=1) (nullable): the parameters, as text
 * @error: return location for a #GError
 *
 * Like _zs_store_query(), for bindings: the rows as a JSON array of objects
 * keyed by column name, with numbers and nulls kept.
 *
 * Returns: (transfer full): the JSON text, or %NULL with @error set
 */
char *
_zs_store_query_json (ZsStore             *self,
                      const char          *sql,
                      const char * const  *params,
                      GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!(stmt = prepare_with_params (self, sql, params, error)))
    return NULL;
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          json_builder_set_member_name (builder, sqlite3_column_name (stmt, i));
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_INTEGER: json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, i)); break;
            case SQLITE_FLOAT: json_builder_add_double_value (builder, sqlite3_column_double (stmt, i)); break;
            case SQLITE_NULL: json_builder_add_null_value (builder); break;
            default: json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, i));
            }
        }
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      return NULL;
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
