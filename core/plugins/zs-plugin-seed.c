/* zs-plugin-seed.c: records a plugin ships, applied by revision
 *
 * A plugin ships seed records for its record types as JSON with a revision
 * number:
 *
 *   { "revision": 2,
 *     "types": [ { "type": "MODULE.TYPE", "key": "code", "records": [ {…}, … ] } ] }
 *
 * Each record is known across revisions by its `key`: one field, or a list
 * of fields (`"key": ["link", "keyword"]`) whose values together are
 * unique. A reference field may name its record by that record's seed key
 * (`"link": "nev-battery"`) when the referred type comes earlier in the
 * seed with a one-field key; a record whose referred record the user
 * deleted is not seeded. Applying a
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

/* One type's records being applied. A key is one field or several; a
 * record's key text is its key fields' values as stored (a reference by
 * the id it resolved to), joined by KEY_SEPARATOR. */
typedef struct {
  ZsStore         *store;
  ZsPluginStorage *storage;
  ZsRecordType    *type;
  char           **key_fields;
  char            *key_field_list;   /* as kept in the seed table: "a,b" */
  GHashTable      *seeded;           /* type name → its key field, for references */
} Apply;

#define KEY_SEPARATOR "\x1f"

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
value_text (JsonObject *object,
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

/* NULL when a key field has no value */
static char *
key_of_json (Apply      *apply,
             JsonObject *object)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; apply->key_fields[i] != NULL; i++)
    {
      g_autofree char *text = value_text (object, apply->key_fields[i]);

      if (text == NULL)
        return NULL;
      g_string_append_printf (key, "%s%s", i > 0 ? KEY_SEPARATOR : "", text);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static char *
key_of_record (ZsRecordType        *type,
               const char * const  *key_fields,
               GObject             *record)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; key_fields[i] != NULL; i++)
    {
      g_autofree char *text = zs_record_type_get_text (type, record, key_fields[i]);

      g_string_append_printf (key, "%s%s", i > 0 ? KEY_SEPARATOR : "", text ? text : "");
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
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
    return _zs_plugin_tables_forget_seed (apply->storage, type_name, key, apply->key_field_list, error);
  return _zs_plugin_tables_remember_seed (apply->storage, type_name, key, apply->key_field_list,
                                          zs_record_get_id (ZS_RECORD (record)), version_of (record),
                                          zs_record_get_created_at (ZS_RECORD (record)), error);
}

/* The first record of @type whose @fields hold @values; 0 when none */
static gboolean
find_by_fields (ZsStore             *store,
                ZsRecordType        *type,
                const char * const  *fields,
                JsonObject          *values,
                gint64              *id,
                GError             **error)
{
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
  g_autoptr(GPtrArray) page = NULL;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *text = value_text (values, fields[i]);

      zs_record_query_add_filter (query, fields[i], ZS_FILTER_EQUAL, text ? text : "");
    }
  zs_record_query_set_limit (query, 1);
  if (!(page = zs_store_list_records (store, zs_record_type_get_name (type), query, error)))
    return FALSE;
  *id = page->len > 0 ? zs_record_get_id (ZS_RECORD (g_ptr_array_index (page, 0))) : 0;
  return TRUE;
}

/* A reference given as text names the record by the key the seed gave its
 * type: `"link": "nev-battery"`. It resolves to that record's id; when the
 * user deleted it, @missing is set and the record is not seeded either. */
static gboolean
resolve_reference (Apply       *apply,
                   JsonObject  *object,
                   const char  *name,
                   gboolean    *missing,
                   GError     **error)
{
  ZsFieldSpec *field = zs_record_type_lookup_field (apply->type, name);
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(JsonObject) lookup = NULL;
  const char *target_name, *target_key;
  ZsRecordType *target;
  gint64 id;

  if (field == NULL || zs_field_spec_get_kind (field) != ZS_FIELD_REFERENCE ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return TRUE;
  target_name = zs_field_spec_get_reference (field);
  target_key = g_hash_table_lookup (apply->seeded, target_name);
  if (target_key == NULL || !(target = zs_store_lookup_record_type (apply->store, target_name)))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("%s: “%s” names a record by its seed key, but the seed has no single-field key "
                     "for “%s” before it"), name, json_node_get_string (node), target_name);
      return FALSE;
    }
  lookup = json_object_new ();
  json_object_set_string_member (lookup, target_key, json_node_get_string (node));
  if (!find_by_fields (apply->store, target, (const char *[]) { target_key, NULL }, lookup, &id, error))
    return FALSE;
  if (id == 0)
    *missing = TRUE;
  else
    json_object_set_int_member (object, name, id);
  return TRUE;
}

/* A reference given as text names the record by the key the seed gave its
 * type: `"link": "nev-battery"`. It resolves to that record's id; when the
 * user deleted it, @missing is set and the record is not seeded either. */
static gboolean
resolve_references (Apply       *apply,
                    JsonObject  *object,
                    gboolean    *missing,
                    GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  /* Setting a member may free the list's copy of its name. */
  for (GList *l = members; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  names = g_strv_builder_end (builder);
  *missing = FALSE;
  for (guint i = 0; names[i] != NULL && !*missing; i++)
    if (!resolve_reference (apply, object, names[i], missing, error))
      return FALSE;
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
  gint64 id;

  /* A record the user made with the key of a new seed record stays theirs. */
  if (!find_by_fields (apply->store, apply->type, (const char * const *) apply->key_fields,
                       json_node_get_object (node), &id, error))
    return FALSE;
  if (id != 0)
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
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GObject) record = NULL;
  g_autoptr(GObject) stored = NULL;
  gint64 id = zs_record_get_id (ZS_RECORD (current));

  json_object_set_int_member (object, "id", id);
  json_object_set_int_member (object, "version", version_of (current));
  if (!(record = zs_record_from_json (apply->type, node, error)) ||
      !zs_store_update_record (apply->store, record, error) ||
      !(stored = zs_store_get_record (apply->store, zs_record_type_get_name (apply->type), id, error)))
    return FALSE;
  return remember (apply, key, stored, error);
}

/* Whether @record is still the one the seed wrote for @key (see above). */
static gboolean
is_same_record (ZsRecordType *type,
                const char   *key_field_list,
                const char   *key,
                const char   *created_at,
                GObject      *record)
{
  g_auto(GStrv) key_fields = g_strsplit (key_field_list, ",", -1);
  g_autofree char *current_key = key_of_record (type, (const char * const *) key_fields, record);
  const char *created = zs_record_get_created_at (ZS_RECORD (record));

  return g_strcmp0 (current_key, key) == 0 && g_strcmp0 (created ? created : "", created_at) == 0;
}

static gboolean
apply_known (Apply        *apply,
             const char   *key,
             ZsSeedEntry  *known,
             JsonNode     *node,
             GError      **error)
{
  g_autoptr(GObject) current = NULL;
  g_autoptr(GError) local_error = NULL;

  if (known->record_id == 0)
    return TRUE;                    /* deleted by the user: a tombstone */
  current = zs_store_get_record (apply->store, zs_record_type_get_name (apply->type),
                                 known->record_id, &local_error);
  if ((current == NULL && g_error_matches (local_error, ZS_ERROR, ZS_ERROR_NOT_FOUND)) ||
      (current != NULL && !is_same_record (apply->type, known->key_field, key, known->created_at, current)))
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
apply_record (Apply       *apply,
              JsonNode    *node,
              guint        index,
              GError     **error)
{
  g_autoptr(JsonNode) copy = NULL;
  g_autofree char *key = NULL;
  g_autoptr(ZsSeedEntry) known = NULL;
  gboolean missing;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: seed record %u is not an object"),
                   zs_record_type_get_name (apply->type), index + 1);
      return FALSE;
    }
  copy = json_node_copy (node);
  if (!resolve_references (apply, json_node_get_object (copy), &missing, error))
    return FALSE;
  if (missing)
    return TRUE;                    /* what it belongs to was deleted by the user */
  if (!(key = key_of_json (apply, json_node_get_object (copy))))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: seed record %u has no “%s”"),
                   zs_record_type_get_name (apply->type), index + 1, apply->key_field_list);
      return FALSE;
    }
  if (!_zs_plugin_tables_find_seed_key (apply->storage, zs_record_type_get_name (apply->type), key, &known, error))
    return FALSE;
  if (known == NULL)
    return insert_new (apply, key, copy, error);
  return apply_known (apply, key, known, copy, error);
}

/* "key": "code" or "key": ["link", "keyword"] */
static char **
read_key_fields (JsonObject *entry)
{
  JsonNode *node = json_object_has_member (entry, "key") ? json_object_get_member (entry, "key") : NULL;
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_strv_builder_add (fields, json_node_get_string (node));
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        const char *name = json_array_get_string_element (json_node_get_array (node), i);

        if (name == NULL)
          return NULL;
        g_strv_builder_add (fields, name);
      }
  else
    return NULL;
  return g_strv_builder_end (fields);
}

static gboolean
check_type (ZsPluginStorage  *storage,
            Apply            *apply,
            const char       *type_name,
            GError          **error)
{
  const char *module = zs_plugin_storage_get_module_name (storage);
  g_autofree char *type_module = g_strdelimit (g_strdup (module), "-", '_');

  if (apply->type == NULL || g_strcmp0 (zs_record_type_get_module (apply->type), type_module) != 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("type: “%s” is not a record type of the plugin “%s”"), type_name, module);
      return FALSE;
    }
  if (apply->key_fields == NULL || apply->key_fields[0] == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("key: the records of “%s” need a key field, or a list of them"), type_name);
      return FALSE;
    }
  for (guint i = 0; apply->key_fields[i] != NULL; i++)
    if (zs_record_type_lookup_field (apply->type, apply->key_fields[i]) == NULL)
      {
        g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("key: “%s” is not a field of “%s”"),
                     apply->key_fields[i], type_name);
        return FALSE;
      }
  return TRUE;
}

static gboolean
apply_type (ZsStore          *store,
            ZsPluginStorage  *storage,
            GHashTable       *seeded,
            JsonObject       *entry,
            GError          **error)
{
  const char *type_name = json_object_get_string_member_with_default (entry, "type", "");
  JsonArray *records = json_object_has_member (entry, "records")
    ? json_object_get_array_member (entry, "records") : NULL;
  Apply apply = { store, storage, zs_store_lookup_record_type (store, type_name),
                  read_key_fields (entry), NULL, seeded };
  gboolean done = check_type (storage, &apply, type_name, error);

  if (done)
    {
      apply.key_field_list = g_strjoinv (",", apply.key_fields);
      if (g_strv_length (apply.key_fields) == 1)
        g_hash_table_insert (seeded, g_strdup (type_name), g_strdup (apply.key_fields[0]));
    }
  for (guint i = 0; done && records != NULL && i < json_array_get_length (records); i++)
    done = apply_record (&apply, json_array_get_element (records, i), i, error);
  g_strfreev (apply.key_fields);
  g_free (apply.key_field_list);
  return done;
}

static gboolean
apply_all (ZsStore          *store,
           ZsPluginStorage  *storage,
           JsonObject       *root,
           gint64            revision,
           GError          **error)
{
  JsonArray *types = json_object_has_member (root, "types") ? json_object_get_array_member (root, "types") : NULL;
  g_autoptr(GHashTable) seeded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

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
      if (!apply_type (store, storage, seeded, json_node_get_object (entry), error))
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

static ZsPluginStorage *
storage_for_type (ZsStore       *store,
                  const char    *type_name,
                  ZsRecordType **type,
                  GError       **error)
{
  *type = zs_store_lookup_record_type (store, type_name);
  if (*type == NULL || zs_record_type_get_module (*type) == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("“%s” is not a plugin's record type"), type_name);
      return NULL;
    }
  return zs_plugin_storage_new (store, zs_record_type_get_module (*type));
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
  ZsRecordType *type;
  g_autoptr(ZsPluginStorage) storage = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(ZsSeedEntry) entry = NULL;

  if (!(storage = storage_for_type (store, type_name, &type, error)) ||
      !(record = zs_store_get_record (store, type_name, record_id, error)) ||
      !_zs_plugin_tables_find_seed_record (storage, type_name, record_id, &entry, error))
    return NULL;
  if (entry == NULL || !is_same_record (type, entry->key_field, entry->key, entry->created_at, record))
    return g_strdup ("user");
  return g_strdup (entry->version == version_of (record) ? "seed" : "edited");
}

/**
 * zs_plugin_seed_adopt:
 * @store: the store
 * @type_name: a plugin's record type
 * @key_fields: the field the seed knows the type's records by, or several
 *   separated by commas, as in the seed's `key`
 * @record_id: a record of the type
 * @error: return location for a #GError
 *
 * Counts a record that is already stored as written by the seed, at its
 * current version. For a plugin that moves what an older release of it
 * seeded by its own means onto record types: later revisions then refresh
 * the record while the user leaves it alone, as if the seed had made it.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_plugin_seed_adopt (ZsStore     *store,
                      const char  *type_name,
                      const char  *key_fields,
                      gint64       record_id,
                      GError     **error)
{
  ZsRecordType *type;
  g_autoptr(ZsPluginStorage) storage = NULL;
  g_autoptr(GObject) record = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ZS_IS_STORE (store) && type_name != NULL && key_fields != NULL, FALSE);

  if (!(storage = storage_for_type (store, type_name, &type, error)) ||
      !(record = zs_store_get_record (store, type_name, record_id, error)) ||
      !_zs_plugin_tables_ensure_seed (storage, error))
    return FALSE;
  fields = g_strsplit (key_fields, ",", -1);
  key = key_of_record (type, (const char * const *) fields, record);
  return _zs_plugin_tables_remember_seed (storage, type_name, key, key_fields, record_id, version_of (record),
                                          zs_record_get_created_at (ZS_RECORD (record)), error);
}

/**
 * zs_plugin_seed_adopt_removed:
 * @store: the store
 * @type_name: a plugin's record type
 * @key_field: the field the seed knows the type's records by
 * @key: the value of @key_field of a seed record the user deleted
 * @error: return location for a #GError
 *
 * Like zs_plugin_seed_adopt(), for a record an older release seeded and
 * the user deleted since: no later revision brings it back.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_plugin_seed_adopt_removed (ZsStore     *store,
                              const char  *type_name,
                              const char  *key_field,
                              const char  *key,
                              GError     **error)
{
  ZsRecordType *type;
  g_autoptr(ZsPluginStorage) storage = NULL;

  g_return_val_if_fail (ZS_IS_STORE (store) && type_name != NULL && key_field != NULL && key != NULL, FALSE);

  if (!(storage = storage_for_type (store, type_name, &type, error)) ||
      !_zs_plugin_tables_ensure_seed (storage, error))
    return FALSE;
  return _zs_plugin_tables_forget_seed (storage, type_name, key, key_field, error);
}
