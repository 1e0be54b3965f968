/* zs-plugin-tables.c: the core's own tables inside a plugin's storage
 *
 * The plugin engine keeps two things for each plugin in the plugin's own
 * tables, named with its prefix and `core_`: the settings a user changed
 * (`PREFIX_core_settings`) and which records came from the plugin's seed
 * (`PREFIX_core_seed`, `PREFIX_core_seed_revision`). The statements run
 * through the plugin's ZsPluginStorage, so they obey the plugin's storage
 * rules and need no core schema step; a table is made on the first write,
 * and a table not made yet reads as empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include "zs-plugin-tables-private.h"
#include "zs-store-private.h"

/* ---- statements on the plugin's tables ------------------------------- */

/* @format names the plugin's tables as `%score_…`: the prefix goes there. */
static char *
prefixed (ZsPluginStorage *storage,
          const char      *format)
{
  return g_strdup_printf (format, zs_plugin_storage_get_prefix (storage));
}

static gboolean
run (ZsPluginStorage     *storage,
     const char          *format,
     const char * const  *params,
     GError             **error)
{
  g_autofree char *sql = prefixed (storage, format);

  return zs_plugin_storage_execute (storage, sql, params, error) >= 0;
}

static GPtrArray *
rows (ZsPluginStorage     *storage,
      const char          *format,
      const char * const  *params,
      GError             **error)
{
  g_autofree char *sql = prefixed (storage, format);

  return zs_plugin_storage_query (storage, sql, params, error);
}

/* The first column of the first row, or %NULL when there is no row. */
static gboolean
first_value (ZsPluginStorage     *storage,
             const char          *format,
             const char * const  *params,
             char               **value,
             GError             **error)
{
  g_autoptr(GPtrArray) found = rows (storage, format, params, error);

  *value = NULL;
  if (found == NULL)
    return FALSE;
  if (found->len > 0)
    *value = g_strdup (((char **) g_ptr_array_index (found, 0))[0]);
  return TRUE;
}

/* @format: a query of the table's shape, `… pragma_table_info ('%score_…')` */
static gboolean
table_exists (ZsPluginStorage  *storage,
              const char       *format,
              gboolean         *exists,
              GError          **error)
{
  g_autoptr(GPtrArray) found = rows (storage, format, NULL, error);

  *exists = found != NULL && found->len > 0;
  return found != NULL;
}

static char *
int_text (gint64 value)
{
  return g_strdup_printf ("%" PRId64, value);
}

/* ---- settings -------------------------------------------------------- */

/**
 * _zs_plugin_tables_ensure_settings:
 * @storage: the plugin's storage
 * @error: return location for a #GError
 *
 * Makes the plugin's settings table unless it is there.
 *
 * Returns: %TRUE on success
 */
gboolean
_zs_plugin_tables_ensure_settings (ZsPluginStorage  *storage,
                                   GError          **error)
{
  return run (storage, "CREATE TABLE IF NOT EXISTS %score_settings ("
                       "  key TEXT PRIMARY KEY, value TEXT NOT NULL)", NULL, error);
}

/**
 * _zs_plugin_tables_get_setting:
 * @storage: the plugin's storage
 * @key: a key
 * @value: (out) (transfer full): the stored text, %NULL when the user has
 *   not changed the key (or no setting was ever changed)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_zs_plugin_tables_get_setting (ZsPluginStorage  *storage,
                               const char       *key,
                               char            **value,
                               GError          **error)
{
  gboolean exists;

  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (storage) && key != NULL && value != NULL, FALSE);

  *value = NULL;
  if (!table_exists (storage, "SELECT 1 FROM pragma_table_info ('%score_settings')", &exists, error))
    return FALSE;
  if (!exists)
    return TRUE;
  return first_value (storage, "SELECT value FROM %score_settings WHERE key = ?1",
                      (const char *[]) { key, NULL }, value, error);
}

/**
 * _zs_plugin_tables_put_setting:
 * @storage: the plugin's storage
 * @key: a key
 * @value: its text
 * @error: return location for a #GError
 *
 * Stores @value for @key in the table _zs_plugin_tables_ensure_settings()
 * made.
 *
 * Returns: %TRUE on success
 */
gboolean
_zs_plugin_tables_put_setting (ZsPluginStorage  *storage,
                               const char       *key,
                               const char       *value,
                               GError          **error)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (storage) && key != NULL && value != NULL, FALSE);

  return run (storage, "INSERT INTO %score_settings (key, value) VALUES (?1, ?2) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
              (const char *[]) { key, value, NULL }, error);
}

/**
 * _zs_plugin_tables_delete_settings:
 * @storage: the plugin's storage
 * @key: (nullable): a key, or %NULL for every key
 * @error: return location for a #GError
 *
 * Forgets the stored value of @key, or of every key, in the table
 * _zs_plugin_tables_ensure_settings() made.
 *
 * Returns: %TRUE on success
 */
gboolean
_zs_plugin_tables_delete_settings (ZsPluginStorage  *storage,
                                   const char       *key,
                                   GError          **error)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (storage), FALSE);

  if (key == NULL)
    return run (storage, "DELETE FROM %score_settings", NULL, error);
  return run (storage, "DELETE FROM %score_settings WHERE key = ?1", (const char *[]) { key, NULL }, error);
}

/**
 * _zs_plugin_tables_audit_setting:
 * @storage: the plugin's storage
 * @key: a key
 * @before: (nullable): the value in effect before
 * @after: (nullable): the value in effect after
 * @error: return location for a #GError
 *
 * Writes the change to the audit trail under the acting staff member: an
 * update of the entity `plugin_setting` (id 0) whose field is `MODULE.KEY`.
 *
 * Returns: %TRUE on success
 */
gboolean
_zs_plugin_tables_audit_setting (ZsPluginStorage  *storage,
                                 const char       *key,
                                 const char       *before,
                                 const char       *after,
                                 GError          **error)
{
  g_autofree char *field = NULL;

  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (storage) && key != NULL, FALSE);

  field = g_strconcat (zs_plugin_storage_get_module_name (storage), ".", key, NULL);
  return _zs_audit_record (zs_plugin_storage_get_store (storage), "plugin_setting", 0,
                           ZS_CHANGE_KIND_UPDATE, field, before, after, error) > 0;
}

/* ---- seed bookkeeping ------------------------------------------------ */

void
_zs_seed_entry_free (ZsSeedEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->created_at);
  g_free (entry->key);
  g_free (entry->key_field);
  g_free (entry);
}

/**
 * _zs_plugin_tables_ensure_seed:
 * @storage: the plugin's storage
 * @error: return location for a #GError
 *
 * Makes the plugin's two seed tables unless they are there.
 *
 * Returns: %TRUE on success
 */
gboolean
_zs_plugin_tables_ensure_seed (ZsPluginStorage  *storage,
                               GError          **error)
{
  return run (storage, "CREATE TABLE IF NOT EXISTS %score_seed ("
                       "  type TEXT NOT NULL, key TEXT NOT NULL, record_id INTEGER, version INTEGER, created_at TEXT,"
                       "  key_field TEXT NOT NULL,"
                       "  PRIMARY KEY (type, key))", NULL, error) &&
         run (storage, "CREATE TABLE IF NOT EXISTS %score_seed_revision ("
                       "  id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL)", NULL, error);
}

/* Both are made together: the revision table stands for the two. */
static gboolean
seed_tables_exist (ZsPluginStorage  *storage,
                   gboolean         *exist,
                   GError          **error)
{
  return table_exists (storage, "SELECT 1 FROM pragma_table_info ('%score_seed_revision')", exist, error);
}

/**
 * _zs_plugin_tables_get_seed_revision:
 * @storage: the plugin's storage
 * @error: return location for a #GError
 *
 * Returns: the seed revision applied last, 0 when none was; -1 on error
 */
gint64
_zs_plugin_tables_get_seed_revision (ZsPluginStorage  *storage,
                                     GError          **error)
{
  g_autofree char *text = NULL;
  gboolean exist;

  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (storage), -1);

  if (!seed_tables_exist (storage, &exist, error))
    return -1;
  if (!exist)
    return 0;
  if (!first_value (storage, "SELECT revision FROM %score_seed_revision WHERE id = 1", NULL, &text, error))
    return -1;
  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/**
 * _zs_plugin_tables_set_seed_revision:
 * @storage: the plugin's storage
 * @revision: the revision applied
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_zs_plugin_tables_set_seed_revision (ZsPluginStorage  *storage,
                                     gint64            revision,
                                     GError          **error)
{
  g_autofree char *text = int_text (revision);

  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (storage), FALSE);

  return run (storage, "INSERT INTO %score_seed_revision (id, revision) VALUES (1, ?1) "
                       "ON CONFLICT (id) DO UPDATE SET revision = excluded.revision",
              (const char *[]) { text, NULL }, error);
}

/* The columns of the queries below, in this order; a NULL column reads as
 * "" (a tombstone's record id, version and creation time). */
#define SEED_COLUMNS "record_id, version, created_at, key, key_field"

static gboolean
first_entry (ZsPluginStorage     *storage,
             const char          *format,
             const char * const  *params,
             ZsSeedEntry        **entry,
             GError             **error)
{
  g_autoptr(GPtrArray) found = rows (storage, format, params, error);
  char **row;

  *entry = NULL;
  if (found == NULL)
    return FALSE;
  if (found->len == 0)
    return TRUE;
  row = g_ptr_array_index (found, 0);
  *entry = g_new0 (ZsSeedEntry, 1);
  (*entry)->record_id = g_ascii_strtoll (row[0], NULL, 10);
  (*entry)->version = g_ascii_strtoll (row[1], NULL, 10);
  (*entry)->created_at = g_strdup (row[2]);
  (*entry)->key = g_strdup (row[3]);
  (*entry)->key_field = g_strdup (row[4]);
  return TRUE;
}

/**
 * _zs_plugin_tables_find_seed_key:
 * @storage: the plugin's storage
 * @type_name: a record type of the plugin
 * @key: a seed key
 * @entry: (out) (transfer full): what the seed wrote for @key, %NULL when
 *   nothing
 * @error: return location for a #GError
 *
 * Reads the tables _zs_plugin_tables_ensure_seed() made.
 *
 * Returns: %TRUE on success
 */
gboolean
_zs_plugin_tables_find_seed_key (ZsPluginStorage  *storage,
                                 const char       *type_name,
                                 const char       *key,
                                 ZsSeedEntry     **entry,
                                 GError          **error)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (storage) && type_name != NULL && key != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  return first_entry (storage, "SELECT " SEED_COLUMNS " FROM %score_seed WHERE type = ?1 AND key = ?2",
                      (const char *[]) { type_name, key, NULL }, entry, error);
}

/**
 * _zs_plugin_tables_find_seed_record:
 * @storage: the plugin's storage
 * @type_name: a record type of the plugin
 * @record_id: a record of the type
 * @entry: (out) (transfer full): what the seed wrote for the record,
 *   %NULL when the seed wrote nothing with its id (or no seed was applied)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_zs_plugin_tables_find_seed_record (ZsPluginStorage  *storage,
                                    const char       *type_name,
                                    gint64            record_id,
                                    ZsSeedEntry     **entry,
                                    GError          **error)
{
  g_autofree char *id = int_text (record_id);
  gboolean exist;

  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (storage) && type_name != NULL && entry != NULL, FALSE);

  *entry = NULL;
  if (!seed_tables_exist (storage, &exist, error))
    return FALSE;
  if (!exist)
    return TRUE;
  return first_entry (storage, "SELECT " SEED_COLUMNS " FROM %score_seed WHERE type = ?1 AND record_id = ?2",
                      (const char *[]) { type_name, id, NULL }, entry, error);
}

/**
 * _zs_plugin_tables_remember_seed:
 * @storage: the plugin's storage
 * @type_name: a record type of the plugin
 * @key: the record's seed key
 * @key_field: the field that holds the key
 * @record_id: the record the seed wrote
 * @version: the version it wrote
 * @created_at: (nullable): the record's creation time
 * @error: return location for a #GError
 *
 * Keeps which record the seed wrote for @key, in the tables
 * _zs_plugin_tables_ensure_seed() made.
 *
 * Returns: %TRUE on success
 */
gboolean
_zs_plugin_tables_remember_seed (ZsPluginStorage  *storage,
                                 const char       *type_name,
                                 const char       *key,
                                 const char       *key_field,
                                 gint64            record_id,
                                 gint64            version,
                                 const char       *created_at,
                                 GError          **error)
{
  g_autofree char *id = int_text (record_id);
  g_autofree char *version_text = int_text (version);

  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (storage), FALSE);
  g_return_val_if_fail (type_name != NULL && key != NULL && key_field != NULL && record_id > 0, FALSE);

  return run (storage,
              "INSERT INTO %score_seed (type, key, record_id, version, created_at, key_field) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
              "ON CONFLICT (type, key) DO UPDATE SET record_id = excluded.record_id, version = excluded.version, "
              "  created_at = excluded.created_at, key_field = excluded.key_field",
              (const char *[]) { type_name, key, id, version_text, created_at ? created_at : "", key_field, NULL },
              error);
}

/**
 * _zs_plugin_tables_forget_seed:
 * @storage: the plugin's storage
 * @type_name: a record type of the plugin
 * @key: a seed key
 * @key_field: the field (or fields, comma-separated) that hold the key
 * @error: return location for a #GError
 *
 * Turns the row of @key into a tombstone: the user deleted the record, and
 * a later revision must not bring it back.
 *
 * Returns: %TRUE on success
 */
gboolean
_zs_plugin_tables_forget_seed (ZsPluginStorage  *storage,
                               const char       *type_name,
                               const char       *key,
                               const char       *key_field,
                               GError          **error)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_STORAGE (storage) && type_name != NULL && key != NULL, FALSE);
  g_return_val_if_fail (key_field != NULL, FALSE);

  /* Parameters are text and a NULL one would end the list: the NULLs are
   * in the statement. A key the seed never wrote gets its tombstone too
   * (a plugin moving its own older bookkeeping here). */
  return run (storage, "INSERT INTO %score_seed (type, key, record_id, version, created_at, key_field) "
                       "VALUES (?1, ?2, NULL, NULL, NULL, ?3) "
                       "ON CONFLICT (type, key) DO UPDATE SET record_id = NULL, version = NULL, created_at = NULL",
              (const char *[]) { type_name, key, key_field, NULL }, error);
}
