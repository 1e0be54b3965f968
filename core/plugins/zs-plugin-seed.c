/* zs-plugin-seed.c: records a plugin ships, applied by revision
 *
 * A plugin ships seed records for its record types as JSON with a revision
 * number:
 *
 *   { "revision": 2,
 *     "types": [ { "type": "MODULE.TYPE", "key": "code", "records": [ {…}, … ] } ] }
 *
 * Each record is known across revisions by its `key` field. Applying a
 * newer revision inserts new seed records, updates the ones the user has
 * not edited, leaves edited ones alone and does not bring back the ones the
 * user deleted. Which record came from which seed key, and the record
 * version the seed last wrote, are kept in `PREFIX_core_seed` (a record
 * whose version moved on was edited; a record that is gone was deleted and
 * its row stays as a tombstone, record_id NULL; sqlite may give a deleted
 * record's id to a new one, so a record is the seed's only while its key
 * and creation time match too); the applied revision in
 * `PREFIX_core_seed_revision`. Both tables are kept by the store
 * (zs-plugin-tables.c) through the plugin's ZsPluginStorage, so this works
 * for any plugin's record types without a core schema step. Everything
 * happens in one transaction; applying the same revision again does
 * nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zs-error.h"
#include "zs-plugin-seed.h"
#include "zs-plugin-storage.h"
#include "zs-plugin-tables-private.h"
#include "zs-record.h"
#include "zs-record-query.h"
#include "zs-record-type.h"
#include "zs-store-generic.h"

typedef struct {
  ZsStore         *store;
  ZsPluginStorage *storage;
  ZsRecordType    *type;
  const char      *key_field;
} Apply;

/**
 * zs_plugin_seed_get_revision:
 * @store: the store
 * @module_name: the plugin's module name
 * @error: return location for a #GError
 *
 * Returns: the seed revision applied last, 0 when none was; -1 on error
 */
gint64
zs_plugin_seed_get_revision (ZsStore     *store,
                             const char  *module_name,
                             GError     **error)
{
  g_autoptr(ZsPluginStorage) storage = NULL;

  g_return_val_if_fail (ZS_IS_STORE (store) && module_name != NULL, -1);
  storage = zs_plugin_storage_new (store, module_name);
  return _zs_plugin_tables_get_seed_revision (storage, error);
}

static char *
key_text (JsonObject *object,
          const char *member)
{
  JsonNode *node = json_object_has_member (object, member) ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" PRId64, json_node_get_int (node));
  return NULL;
}

static gint64
version_of (GObject *record)
{
  return zs_record_get_version (ZS_RECORD (record));
}

/* Keeps which record the seed wrote for @key; a %NULL @record leaves a
 * tombstone: the user deleted it. */
static gboolean
remember (Apply       *apply,
          const char  *key,
          GObject     *record,
          GError     **error)
{
  const char *type_name = zs_record_type_get_name (apply->type);

  if (record == NULL)
    return _zs_plugin_tables_forget_seed (apply->storage, type_name, key, error);
  return _zs_plugin_tables_remember_seed (apply->storage, type_name, key, apply->key_field,
                                          zs_record_get_id (ZS_RECORD (record)), version_of (record),
                                          zs_record_get_created_at (ZS_RECORD (record)), error);
}

/* A record the user made with the key of a new seed record stays theirs. */
static gboolean
user_has_key (Apply       *apply,
              const char  *key,
              gboolean    *found,
              GError     **error)
{
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
  g_autoptr(GPtrArray) page = NULL;

  zs_record_query_add_filter (query, apply->key_field, ZS_FILTER_EQUAL, key);
  zs_record_query_set_limit (query, 1);
  if (!(page = zs_store_list_records (apply->store, zs_record_type_get_name (apply->type), query, error)))
    return FALSE;
  *found = page->len > 0;
  return TRUE;
}

static gboolean
insert_new (Apply       *apply,
            const char  *key,
            JsonNode    *node,
            GError     **error)
{
  g_autoptr(GObject) record = NULL;
  g_autoptr(GObject) stored = NULL;
  gboolean taken;
  gint64 id;

  if (!user_has_key (apply, key, &taken, error))
    return FALSE;
  if (taken)
    return TRUE;
  if (!(record = zs_record_from_json (apply->type, node, error)) ||
      (id = zs_store_create_record (apply->store, record, error)) <= 0 ||
      !(stored = zs_store_get_record (apply->store, zs_record_type_get_name (apply->type), id, error)))
    return FALSE;
  return remember (apply, key, stored, error);
}

static gboolean
refresh (Apply       *apply,
         const char  *key,
         JsonNode    *node,
         GObject     *current,
         GError     **error)
{
  g_autoptr(JsonNode) copy = json_node_copy (node);
  JsonObject *object = json_node_get_object (copy);
  g_autoptr(GObject) record = NULL;
  g_autoptr(GObject) stored = NULL;
  gint64 id = zs_record_get_id (ZS_RECORD (current));

  json_object_set_int_member (object, "id", id);
  json_object_set_int_member (object, "version", version_of (current));
  if (!(record = zs_record_from_json (apply->type, copy, error)) ||
      !zs_store_update_record (apply->store, record, error) ||
      !(stored = zs_store_get_record (apply->store, zs_record_type_get_name (apply->type), id, error)))
    return FALSE;
  return remember (apply, key, stored, error);
}

/* Whether @record is still the one the seed wrote for @key (see above). */
static gboolean
is_same_record (ZsRecordType *type,
                const char   *key_field,
                const char   *key,
                const char   *created_at,
                GObject      *record)
{
  g_autofree char *current_key = zs_record_type_get_text (type, record, key_field);
  const char *created = zs_record_get_created_at (ZS_RECORD (record));

  return g_strcmp0 (current_key, key) == 0 && g_strcmp0 (created ? created : "", created_at) == 0;
}

static gboolean
apply_record (Apply       *apply,
              JsonNode    *node,
              guint        index,
              GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(ZsSeedEntry) known = NULL;
  g_autoptr(GObject) current = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node) || !(key = key_text (json_node_get_object (node), apply->key_field)))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: seed record %u has no “%s”"),
                   zs_record_type_get_name (apply->type), index + 1, apply->key_field);
      return FALSE;
    }
  if (!_zs_plugin_tables_find_seed_key (apply->storage, zs_record_type_get_name (apply->type), key, &known, error))
    return FALSE;
  if (known == NULL)
    return insert_new (apply, key, node, error);
  if (known->record_id == 0)
    return TRUE;                    /* deleted by the user: a tombstone */
  current = zs_store_get_record (apply->store, zs_record_type_get_name (apply->type),
                                 known->record_id, &local_error);
  if ((current == NULL && g_error_matches (local_error, ZS_ERROR, ZS_ERROR_NOT_FOUND)) ||
      (current != NULL && !is_same_record (apply->type, apply->key_field, key, known->created_at, current)))
    return remember (apply, key, NULL, error);
  if (current == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (version_of (current) != known->version)
    return TRUE;                    /* edited by the user */
  return refresh (apply, key, node, current, error);
}

static gboolean
apply_type (ZsStore          *store,
            ZsPluginStorage  *storage,
            JsonObject       *entry,
            GError          **error)
{
  const char *type_name = json_object_get_string_member_with_default (entry, "type", "");
  JsonArray *records = json_object_has_member (entry, "records")
    ? json_object_get_array_member (entry, "records") : NULL;
  Apply apply = { store, storage, zs_store_lookup_record_type (store, type_name),
                  json_object_get_string_member_with_default (entry, "key", "") };
  const char *module = zs_plugin_storage_get_module_name (storage);
  g_autofree char *type_module = g_strdelimit (g_strdup (module), "-", '_');

  if (apply.type == NULL || g_strcmp0 (zs_record_type_get_module (apply.type), type_module) != 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("type: “%s” is not a record type of the plugin “%s”"), type_name, module);
      return FALSE;
    }
  if (zs_record_type_lookup_field (apply.type, apply.key_field) == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("key: “%s” is not a field of “%s”"),
                   apply.key_field, type_name);
      return FALSE;
    }
  for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
    if (!apply_record (&apply, json_array_get_element (records, i), i, error))
      return FALSE;
  return TRUE;
}

static gboolean
apply_all (ZsStore          *store,
           ZsPluginStorage  *storage,
           JsonObject       *root,
           gint64            revision,
           GError          **error)
{
  JsonArray *types = json_object_has_member (root, "types") ? json_object_get_array_member (root, "types") : NULL;

  if (!_zs_plugin_tables_ensure_seed (storage, error))
    return FALSE;
  for (guint i = 0; types != NULL && i < json_array_get_length (types); i++)
    {
      JsonNode *entry = json_array_get_element (types, i);

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("types: entry %u is not an object"), i + 1);
          return FALSE;
        }
      if (!apply_type (store, storage, json_node_get_object (entry), error))
        return FALSE;
    }
  return _zs_plugin_tables_set_seed_revision (storage, revision, error);
}

static JsonObject *
parse_seed (JsonParser  *parser,
            const char  *json,
            gint64      *revision,
            GError     **error)
{
  JsonNode *root;
  JsonNode *member;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  member = root && JSON_NODE_HOLDS_OBJECT (root)
    ? json_object_get_member (json_node_get_object (root), "revision") : NULL;
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_INT64 || json_node_get_int (member) < 1)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("revision: the seed is not a JSON object with a revision of 1 or more"));
      return NULL;
    }
  *revision = json_node_get_int (member);
  return json_node_get_object (root);
}

/**
 * zs_plugin_seed_apply:
 * @store: the store
 * @module_name: the plugin's module name; the seed's types must be its own
 * @json: the seed, `{"revision": N, "types": [{"type", "key", "records"}]}`
 * @error: return location for a #GError
 *
 * Applies the seed unless its revision, or a later one, was applied
 * before: new seed records are inserted (unless the user already has a
 * record with that key), seed records the user has not edited are updated,
 * edited and deleted ones are left as the user left them.
 *
 * Returns: %TRUE on success; on failure nothing was written and @error
 *   names the type, the field and the value
 */
gboolean
zs_plugin_seed_apply (ZsStore     *store,
                      const char  *module_name,
                      const char  *json,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ZsPluginStorage) storage = NULL;
  JsonObject *root;
  gint64 revision, applied;

  g_return_val_if_fail (ZS_IS_STORE (store) && module_name != NULL && json != NULL, FALSE);

  storage = zs_plugin_storage_new (store, module_name);
  if (!(root = parse_seed (parser, json, &revision, error)) ||
      (applied = _zs_plugin_tables_get_seed_revision (storage, error)) < 0)
    return FALSE;
  if (applied >= revision)
    return TRUE;
  if (!zs_plugin_storage_begin (storage, error))
    return FALSE;
  if (!apply_all (store, storage, root, revision, error))
    {
      zs_plugin_storage_rollback (storage);
      g_prefix_error (error, _("Could not apply revision %" PRId64 " of the seed of “%s”: "), revision, module_name);
      return FALSE;
    }
  return zs_plugin_storage_commit (storage, error);
}

/**
 * zs_plugin_seed_apply_resource:
 * @store: the store
 * @module_name: the plugin's module name
 * @resource_path: the seed's path in a registered #GResource
 * @error: return location for a #GError
 *
 * zs_plugin_seed_apply() with the seed read from the plugin's resources.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_plugin_seed_apply_resource (ZsStore     *store,
                               const char  *module_name,
                               const char  *resource_path,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autofree char *text = NULL;

  if (bytes == NULL)
    return FALSE;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return zs_plugin_seed_apply (store, module_name, text, error);
}

/**
 * zs_plugin_seed_get_origin:
 * @store: the store
 * @type_name: a plugin's record type
 * @record_id: a record of the type
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): `seed` for a record as the seed
 *   wrote it, `edited` for a seed record the user changed since, `user`
 *   for any other record; %NULL on error
 */
char *
zs_plugin_seed_get_origin (ZsStore     *store,
                           const char  *type_name,
                           gint64       record_id,
                           GError     **error)
{
  ZsRecordType *type = zs_store_lookup_record_type (store, type_name);
  g_autoptr(ZsPluginStorage) storage = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(ZsSeedEntry) entry = NULL;

  if (type == NULL || zs_record_type_get_module (type) == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("“%s” is not a plugin's record type"), type_name);
      return NULL;
    }
  storage = zs_plugin_storage_new (store, zs_record_type_get_module (type));
  if (!(record = zs_store_get_record (store, type_name, record_id, error)) ||
      !_zs_plugin_tables_find_seed_record (storage, type_name, record_id, &entry, error))
    return NULL;
  if (entry == NULL || !is_same_record (type, entry->key_field, entry->key, entry->created_at, record))
    return g_strdup ("user");
  return g_strdup (entry->version == version_of (record) ? "seed" : "edited");
}
