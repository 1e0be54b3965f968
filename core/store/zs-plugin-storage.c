/* zs-plugin-storage.c: a plugin's own SQL, confined to its own tables
 *
 * Every statement a plugin runs is prepared with sqlite's authorizer in
 * place, which sees each table, column, PRAGMA and ATTACH the statement
 * would touch. A plugin may create, change and write only the tables
 * named with its module prefix (and their indexes and triggers), and read
 * its own tables and the core's data through the core_… views created by
 * schema step 9. Nothing is decided by reading the SQL text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "zs-plugin-storage.h"
#include "zs-plugin-storage-private.h"
#include "zs-store-private.h"

/**
 * ZsPluginStorage:
 *
 * The handle through which a plugin runs its own SQL; get it with
 * zs_plugin_context_get_storage(). See "Storage rules" in the plugin guide.
 */
struct _ZsPluginStorage
{
  GObject  parent_instance;

  ZsStore *store;
  char    *module_name;
  char    *prefix;        /* "industry_chain_" for "industry-chain" */
  char   **legacy;        /* tables named before the prefix rule, while migrating */
};

G_DEFINE_FINAL_TYPE (ZsPluginStorage, zs_plugin_storage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODULE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The documented read-only views over core data (schema step 9). */
static const char * const core_views[] = {
  "core_firms", "core_firm_sectors", "core_contacts", "core_projects",
  "core_project_sectors", "core_activities", "core_sectors", "core_parks",
  "core_regions", "core_clauses", "core_staff", "core_firm_search", NULL
};

/* PRAGMAs that only read a table's shape. */
static const char * const read_pragmas[] = {
  "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo",
  "foreign_key_list", NULL
};

/* What the authorizer refused first, for the error. */
typedef struct
{
  ZsPluginStorage *storage;
  char            *refused;  /* "write the table “firms”" */
} Authorization;

static gboolean
is_own (ZsPluginStorage *self,
        const char      *name)
{
  return name != NULL && (g_str_has_prefix (name, self->prefix) ||
                          (self->legacy != NULL && g_strv_contains ((const char * const *) self->legacy, name)));
}

/* sqlite's schema tables are written by sqlite itself while it runs a
 * CREATE, DROP or ALTER (which are checked by their own codes); a plain
 * write to them is refused by sqlite without writable_schema, a PRAGMA no
 * plugin may run. */
static gboolean
is_schema_table (const char *name)
{
  return g_strcmp0 (name, "sqlite_master") == 0 || g_strcmp0 (name, "sqlite_temp_master") == 0 ||
         g_strcmp0 (name, "sqlite_schema") == 0 || g_strcmp0 (name, "sqlite_temp_schema") == 0 ||
         g_strcmp0 (name, "sqlite_sequence") == 0;
}

static gboolean
allows_read (ZsPluginStorage *self,
             const char      *table,
             const char      *column,
             const char      *view)
{
  if (is_own (self, table) || is_schema_table (table))
    return TRUE;
  /* A core table read by a core view, or the view itself. */
  if ((view != NULL && g_strv_contains (core_views, view)) || g_strv_contains (core_views, table))
    return TRUE;
  /* The id of a core record its view shows anyway: what sqlite reads to
   * check a plugin table's foreign key to firms (id) or projects (id). */
  if (g_strcmp0 (column, "id") == 0 && table != NULL)
    {
      g_autofree char *view_name = g_strconcat ("core_", table, NULL);

      if (g_strv_contains (core_views, view_name))
        return TRUE;
    }
  /* Table-valued functions such as json_each () read no table. */
  if (g_strcmp0 (table, "json_each") == 0 || g_strcmp0 (table, "json_tree") == 0)
    return TRUE;
  /* count (*) reads no column (an empty name) and names no view even
   * through one: a row count is not data. */
  return column != NULL && column[0] == '\0';
}

static char *
refusal (int         action,
         const char *arg1,
         const char *arg2)
{
  switch (action)
    {
    case SQLITE_READ:
      return g_strdup_printf (_("read the table “%s” (read core data through the core_… views)"), arg1);
    case SQLITE_PRAGMA:
      return g_strdup_printf (_("run “PRAGMA %s”"), arg1);
    case SQLITE_ATTACH:
      return g_strdup (_("attach a database (ATTACH)"));
    case SQLITE_DETACH:
      return g_strdup (_("detach a database (DETACH)"));
    case SQLITE_TRANSACTION:
    case SQLITE_SAVEPOINT:
      return g_strdup (_("begin or end transactions in SQL (use zs_plugin_storage_begin ())"));
    case SQLITE_CREATE_INDEX: case SQLITE_CREATE_TEMP_INDEX:
    case SQLITE_CREATE_TRIGGER: case SQLITE_CREATE_TEMP_TRIGGER:
    case SQLITE_DROP_INDEX: case SQLITE_DROP_TEMP_INDEX:
    case SQLITE_DROP_TRIGGER: case SQLITE_DROP_TEMP_TRIGGER:
      return g_strdup_printf (_("change the table “%s”"), arg2);
    case SQLITE_ALTER_TABLE:
      return g_strdup_printf (_("change the table “%s”"), arg2);
    case SQLITE_INSERT: case SQLITE_UPDATE: case SQLITE_DELETE:
      return g_strdup_printf (_("write the table “%s”"), arg1);
    case SQLITE_CREATE_TABLE: case SQLITE_CREATE_TEMP_TABLE:
    case SQLITE_CREATE_VIEW: case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_CREATE_VTABLE:
      return g_strdup_printf (_("create the table “%s”"), arg1);
    case SQLITE_DROP_TABLE: case SQLITE_DROP_TEMP_TABLE:
    case SQLITE_DROP_VIEW: case SQLITE_DROP_TEMP_VIEW:
    case SQLITE_DROP_VTABLE:
      return g_strdup_printf (_("drop the table “%s”"), arg1);
    default:
      return g_strdup_printf (_("run this statement (operation %d on “%s”)"), action, arg1 ? arg1 : "");
    }
}

static gboolean
allows (ZsPluginStorage *self,
        int              action,
        const char      *arg1,
        const char      *arg2,
        const char      *view)
{
  switch (action)
    {
    case SQLITE_SELECT:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
      return TRUE;
    case SQLITE_READ:
      return allows_read (self, arg1, arg2, view);
    case SQLITE_PRAGMA:
      return arg2 == NULL && g_strv_contains (read_pragmas, arg1);
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
      /* A write made by a trigger of the plugin's own table is still
       * checked against the table it writes. */
      return is_own (self, arg1) || (is_schema_table (arg1) && view == NULL);
    case SQLITE_CREATE_TABLE: case SQLITE_CREATE_TEMP_TABLE:
    case SQLITE_CREATE_VIEW: case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_DROP_TABLE: case SQLITE_DROP_TEMP_TABLE:
    case SQLITE_DROP_VIEW: case SQLITE_DROP_TEMP_VIEW:
    case SQLITE_CREATE_VTABLE: case SQLITE_DROP_VTABLE:
      return is_own (self, arg1);
    case SQLITE_CREATE_INDEX: case SQLITE_CREATE_TEMP_INDEX:
    case SQLITE_CREATE_TRIGGER: case SQLITE_CREATE_TEMP_TRIGGER:
    case SQLITE_DROP_INDEX: case SQLITE_DROP_TEMP_INDEX:
    case SQLITE_DROP_TRIGGER: case SQLITE_DROP_TEMP_TRIGGER:
      return is_own (self, arg2);
    case SQLITE_ALTER_TABLE:
      return is_own (self, arg2);
    case SQLITE_REINDEX:
      /* sqlite asks while it creates an index: the index's name. */
      return is_own (self, arg1);
    default:
      /* PRAGMA writes, ATTACH, DETACH, transactions in SQL, ANALYZE and
       * anything newer. */
      return FALSE;
    }
}

static int
authorize (void       *data,
           int         action,
           const char *arg1,
           const char *arg2,
           const char *database,
           const char *view)
{
  Authorization *auth = data;

  if (allows (auth->storage, action, arg1, arg2, view))
    return SQLITE_OK;
  if (auth->refused == NULL)
    auth->refused = refusal (action, arg1, arg2);
  return SQLITE_DENY;
}

/* Prepared anew each time, not taken from the data layer's cache: a
 * statement is authorized when it is prepared, and a cached text could be
 * shared with the core's or another plugin's. */
static sqlite3_stmt *
prepare_next (ZsPluginStorage     *self,
              const char          *sql,
              const char * const  *params,
              const char         **next,
              GError             **error)
{
  ZsDb *data = _zs_store_get_data (self->store);
  sqlite3 *db = _zs_db_get_handle (data);
  Authorization auth = { self, NULL };
  sqlite3_stmt *stmt = NULL;
  const char *tail = NULL;
  int rc, expected;

  sqlite3_set_authorizer (db, authorize, &auth);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, &tail);
  sqlite3_set_authorizer (db, NULL, NULL);
  if (auth.refused != NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_PERMISSION,
                   _("The plugin “%s” may not %s: a plugin writes only its own tables, named %s…"),
                   self->module_name, auth.refused, self->prefix);
      g_free (auth.refused);
      sqlite3_finalize (stmt);
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      _zs_db_set_error (data, rc, error);
      return NULL;
    }
  if (stmt == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("No SQL statement in “%s”"), sql);
      return NULL;
    }
  while (tail != NULL && g_ascii_isspace (*tail))
    tail++;
  if (next != NULL)
    *next = tail;
  else if (tail != NULL && *tail != '\0')
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("Only one SQL statement may be run at a time; found more after “%.*s”"),
                   (int) (tail - sql), sql);
      sqlite3_finalize (stmt);
      return NULL;
    }
  expected = sqlite3_bind_parameter_count (stmt);
  if ((int) (params ? g_strv_length ((char **) params) : 0) != expected)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("The statement takes %d parameters: %s"), expected, sql);
      sqlite3_finalize (stmt);
      return NULL;
    }
  for (int i = 0; i < expected; i++)
    sqlite3_bind_text (stmt, i + 1, params[i], -1, SQLITE_TRANSIENT);
  return stmt;
}

static sqlite3_stmt *
prepare (ZsPluginStorage     *self,
         const char          *sql,
         const char * const  *params,
         GError             **error)
{
  return prepare_next (self, sql, params, NULL, error);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static void
zs_plugin_storage_finalize (GObject *object)
{
  ZsPluginStorage *self = (ZsPluginStorage *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->module_name, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->legacy, g_strfreev);

  G_OBJECT_CLASS (zs_plugin_storage_parent_class)->finalize (object);
}

static void
zs_plugin_storage_constructed (GObject *object)
{
  ZsPluginStorage *self = (ZsPluginStorage *) object;

  G_OBJECT_CLASS (zs_plugin_storage_parent_class)->constructed (object);
  self->prefix = g_strdup_printf ("%s_", self->module_name ? self->module_name : "");
  g_strdelimit (self->prefix, "-", '_');
}

static void
zs_plugin_storage_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZsPluginStorage *self = ZS_PLUGIN_STORAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_MODULE_NAME: g_value_set_string (value, self->module_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_plugin_storage_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZsPluginStorage *self = ZS_PLUGIN_STORAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_MODULE_NAME: self->module_name = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_plugin_storage_class_init (ZsPluginStorageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_plugin_storage_finalize;
  object_class->constructed = zs_plugin_storage_constructed;
  object_class->get_property = zs_plugin_storage_get_property;
  object_class->set_property = zs_plugin_storage_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, ZS_TYPE_STORE, flags);
  properties[PROP_MODULE_NAME] = g_param_spec_string ("module-name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_plugin_storage_init (ZsPluginStorage *self)
{
}

/**
 * zs_plugin_storage_new:
 * @store: the store
 * @module_name: the plugin's module name, e.g. "industry-chain"
 *
 * Made by the plugin engine for each plugin; plugins get theirs with
 * zs_plugin_context_get_storage().
 *
 * Returns: (transfer full): a new #ZsPluginStorage
 */
ZsPluginStorage *
zs_plugin_storage_new (ZsStore    *store,
                       const char *module_name)
{
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (module_name != NULL && module_name[0] != '\0', NULL);

  return g_object_new (ZS_TYPE_PLUGIN_STORAGE, "store", store, "module-name", module_name, NULL);
}

/**
 * zs_plugin_storage_get_store:
 * @self: a #ZsPluginStorage
 *
 * Returns: (transfer none): the store
 */
ZsStore *
zs_plugin_storage_get_store (ZsPluginStorage *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (self), NULL);
  return self->store;
}

/**
 * zs_plugin_storage_get_module_name:
 * @self: a #ZsPluginStorage
 *
 * Returns: the plugin's module name
 */
const char *
zs_plugin_storage_get_module_name (ZsPluginStorage *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (self), NULL);
  return self->module_name;
}

/**
 * zs_plugin_storage_get_prefix:
 * @self: a #ZsPluginStorage
 *
 * Returns: the prefix of the plugin's tables: its module name with '-'
 *   turned into '_', and a '_' ("industry_chain_")
 */
const char *
zs_plugin_storage_get_prefix (ZsPluginStorage *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (self), NULL);
  return self->prefix;
}

/**
 * zs_plugin_storage_execute:
 * @self: a #ZsPluginStorage
 * @sql: one SQL statement with `?` parameters
 * @params: (array zero-terminated=1) (nullable): the parameters, as text
 * @error: return location for a #GError
 *
 * Runs a statement on the plugin's own tables, inside the current
 * transaction if there is one; a write on its own takes the write lock
 * first, as every write does. A statement that would touch anything else
 * fails with %ZS_ERROR_PERMISSION naming the table; a write by a viewer
 * fails too.
 *
 * Returns: the number of rows changed, or -1 with @error set
 */
gint64
zs_plugin_storage_execute (ZsPluginStorage     *self,
                           const char          *sql,
                           const char * const  *params,
                           GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ZsDb *data;
  gint64 before;

  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (self), -1);
  g_return_val_if_fail (sql != NULL, -1);

  if (!(stmt = prepare (self, sql, params, error)))
    return -1;
  data = _zs_store_get_data (self->store);
  if (sqlite3_stmt_readonly (stmt))
    return _zs_db_step_done (data, stmt, error) ? 0 : -1;

  if (!_zs_store_savepoint (self->store, error))
    return -1;
  /* Counted over the step: sqlite3_changes () keeps the count of the last
   * INSERT, UPDATE or DELETE through a CREATE. */
  before = sqlite3_total_changes64 (_zs_db_get_handle (data));
  if (!_zs_store_check_can_write (self->store, error) ||
      !_zs_db_step_done (data, stmt, error))
    {
      _zs_store_rollback_to (self->store);
      return -1;
    }
  before = sqlite3_total_changes64 (_zs_db_get_handle (data)) - before;
  return _zs_store_release (self->store, error) ? before : -1;
}

/**
 * zs_plugin_storage_query: (skip)
 * @self: a #ZsPluginStorage
 * @sql: one SELECT with `?` parameters
 * @params: (array zero-terminated=1) (nullable): the parameters, as text
 * @error: return location for a #GError
 *
 * Reads the plugin's own tables and the core_… views.
 *
 * Returns: (transfer full): the rows, each a %NULL-terminated array of
 *   column texts (a NULL column is an empty string), or %NULL with @error set
 */
GPtrArray *
zs_plugin_storage_query (ZsPluginStorage     *self,
                         const char          *sql,
                         const char * const  *params,
                         GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!(stmt = prepare (self, sql, params, error)))
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
      _zs_db_set_error (_zs_store_get_data (self->store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * zs_plugin_storage_query_json:
 * @self: a #ZsPluginStorage
 * @sql: one SELECT with `?` parameters
 * @params: (array zero-terminated=1) (nullable): the parameters, as text
 * @error: return location for a #GError
 *
 * Like zs_plugin_storage_query(), for bindings: the rows as a JSON array
 * of objects keyed by column name, with numbers and nulls kept.
 *
 * Returns: (transfer full): the JSON text, or %NULL with @error set
 */
char *
zs_plugin_storage_query_json (ZsPluginStorage     *self,
                              const char          *sql,
                              const char * const  *params,
                              GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!(stmt = prepare (self, sql, params, error)))
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
  if (rc != SQLITE_DONE)
    {
      _zs_db_set_error (_zs_store_get_data (self->store), rc, error);
      return NULL;
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * zs_plugin_storage_begin:
 * @self: a #ZsPluginStorage
 * @error: return location for a #GError
 *
 * Opens a level of the store's transaction (a transaction that takes the
 * write lock at once, or a savepoint inside one): the plugin's writes until
 * the matching zs_plugin_storage_commit() land together or not at all.
 * Levels nest.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_plugin_storage_begin (ZsPluginStorage  *self,
                         GError          **error)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (self), FALSE);
  return _zs_store_savepoint (self->store, error);
}

/**
 * zs_plugin_storage_commit:
 * @self: a #ZsPluginStorage
 * @error: return location for a #GError
 *
 * Closes the level opened by zs_plugin_storage_begin(), keeping its
 * writes; on failure the level is rolled back.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_plugin_storage_commit (ZsPluginStorage  *self,
                          GError          **error)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (self), FALSE);
  return _zs_store_release (self->store, error);
}

/**
 * zs_plugin_storage_rollback:
 * @self: a #ZsPluginStorage
 *
 * Undoes the writes of the level opened by zs_plugin_storage_begin() and
 * closes it.
 */
void
zs_plugin_storage_rollback (ZsPluginStorage *self)
{
  g_return_if_fail (ZS_IS_PLUGIN_STORAGE (self));
  _zs_store_rollback_to (self->store);
}

/* The tables a plugin named before the prefix rule, which its schema steps
 * may still create, read, rename and drop: set by the engine for the time
 * of a plugin's migrations only (from X-Zhaoshang-Legacy-Tables), so the
 * step that renames them to the prefix can run. %NULL ends it. */
void
_zs_plugin_storage_set_legacy_tables (ZsPluginStorage    *self,
                                      const char * const *tables)
{
  /* The core's own tables, never a plugin's whatever it claims. */
  static const char * const core_tables[] = {
    "activities", "audit_seal", "changes", "clauses", "contacts", "firm_search", "firm_sectors",
    "firms", "imports", "parks", "plugin_schemas", "plugin_settings", "project_sectors",
    "projects", "regions", "sectors", "staff", "stage_changes", "targets", NULL
  };
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

  g_return_if_fail (ZS_IS_PLUGIN_STORAGE (self));

  g_clear_pointer (&self->legacy, g_strfreev);
  /* A legacy name starts with a word of the module name and '_'
   * ("chain_maps" for "industry-chain"). */
  words = g_strsplit (self->module_name, "-", -1);
  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    {
      gboolean fits = FALSE;

      if (g_strv_contains (core_tables, tables[i]) || g_str_has_prefix (tables[i], "sqlite_") ||
          g_str_has_prefix (tables[i], "core_"))
        continue;
      for (guint w = 0; words[w] != NULL && !fits; w++)
        fits = words[w][0] != '\0' && g_str_has_prefix (tables[i], words[w]) &&
               tables[i][strlen (words[w])] == '_';
      if (fits)
        g_strv_builder_add (kept, tables[i]);
    }
  self->legacy = g_strv_builder_end (kept);
  if (self->legacy[0] == NULL)
    g_clear_pointer (&self->legacy, g_strfreev);
}

/* Each statement of @sql in turn, every one authorized as the plugin's
 * own and prepared only after the one before has run. */
static gboolean
run_script (ZsPluginStorage  *self,
            const char       *sql,
            GError          **error)
{
  ZsDb *data = _zs_store_get_data (self->store);
  const char *next = sql;

  while (next != NULL && *next != '\0')
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      const char *rest = NULL;

      if (!(stmt = prepare_next (self, next, NULL, &rest, error)) ||
          !_zs_db_step_done (data, stmt, error))
        return FALSE;
      next = rest;
    }
  return TRUE;
}

/* Runs the plugin's own script for @version through its authorizer and
 * records the version, together. */
gboolean
_zs_plugin_storage_apply_schema_step (ZsPluginStorage  *self,
                                      const char       *schema,
                                      int               version,
                                      const char       *sql,
                                      GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (self), FALSE);

  if (!_zs_store_savepoint (self->store, error))
    return FALSE;
  if (!run_script (self, sql, error) ||
      !(stmt = _zs_store_prepare (self->store,
                                  "INSERT INTO plugin_schemas (schema_name, version) VALUES (?, ?) "
                                  "ON CONFLICT (schema_name) DO UPDATE SET version = excluded.version",
                                  error)))
    {
      _zs_store_rollback_to (self->store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, schema, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, version);
  if (!_zs_store_step_done (self->store, stmt, error))
    {
      _zs_store_rollback_to (self->store);
      return FALSE;
    }
  return _zs_store_release (self->store, error);
}
