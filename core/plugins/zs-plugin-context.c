/* zs-plugin-context.c: what a plugin receives when it is activated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-error.h"
#include "zs-plugin-context.h"
#include "zs-plugin-context-private.h"
#include "zs-plugin-engine.h"
#include "zs-plugin-seed.h"

/**
 * ZsPluginContext:
 *
 * The application as a plugin sees it: the open store (for records and the
 * #ZsStore::changed signal), the engine that loaded it (for the services of
 * other plugins), the application's settings, the plugin's
 * module name and the folder that holds the plugin's own files (its
 * `.plugin` file and data).
 */
struct _ZsPluginContext
{
  GObject    parent_instance;

  ZsStore   *store;
  GWeakRef   engine;     /* the engine owns its contexts */
  char      *plugin_name;
  char      *data_dir;
  GSettings *settings;
  ZsPluginStorage *storage; /* made when first asked for */
  gboolean   settings_looked_up;
  GPtrArray *record_types;  /* names of the types registered through the context */
};

G_DEFINE_FINAL_TYPE (ZsPluginContext, zs_plugin_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENGINE,
  PROP_PLUGIN_NAME,
  PROP_DATA_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_plugin_context_finalize (GObject *object)
{
  ZsPluginContext *self = (ZsPluginContext *) object;

  g_clear_object (&self->store);
  g_weak_ref_clear (&self->engine);
  g_clear_object (&self->settings);
  g_clear_object (&self->storage);
  g_clear_pointer (&self->record_types, g_ptr_array_unref);
  g_clear_pointer (&self->plugin_name, g_free);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (zs_plugin_context_parent_class)->finalize (object);
}

static void
zs_plugin_context_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZsPluginContext *self = ZS_PLUGIN_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_ENGINE: g_value_take_object (value, g_weak_ref_get (&self->engine)); break;
    case PROP_PLUGIN_NAME: g_value_set_string (value, self->plugin_name); break;
    case PROP_DATA_DIR: g_value_set_string (value, self->data_dir); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_plugin_context_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZsPluginContext *self = ZS_PLUGIN_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_ENGINE: g_weak_ref_set (&self->engine, g_value_get_object (value)); break;
    case PROP_PLUGIN_NAME: self->plugin_name = g_value_dup_string (value); break;
    case PROP_DATA_DIR: self->data_dir = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_plugin_context_class_init (ZsPluginContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_plugin_context_finalize;
  object_class->get_property = zs_plugin_context_get_property;
  object_class->set_property = zs_plugin_context_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", "Store", NULL, ZS_TYPE_STORE, flags);
  properties[PROP_ENGINE] = g_param_spec_object ("engine", "Engine", NULL, ZS_TYPE_PLUGIN_ENGINE, flags);
  properties[PROP_PLUGIN_NAME] = g_param_spec_string ("plugin-name", "Plugin name", NULL, NULL, flags);
  properties[PROP_DATA_DIR] = g_param_spec_string ("data-dir", "Data dir", NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_plugin_context_init (ZsPluginContext *self)
{
  g_weak_ref_init (&self->engine, NULL);
}

/**
 * zs_plugin_context_new:
 * @store: the open store
 * @plugin_name: the plugin's module name
 * @data_dir: the plugin's folder
 *
 * Returns: (transfer full): a new context
 */
ZsPluginContext *
zs_plugin_context_new (ZsStore    *store,
                       const char *plugin_name,
                       const char *data_dir)
{
  return g_object_new (ZS_TYPE_PLUGIN_CONTEXT,
                       "store", store, "plugin-name", plugin_name, "data-dir", data_dir, NULL);
}

/**
 * zs_plugin_context_get_store:
 * @self: a #ZsPluginContext
 *
 * Returns: (transfer none): the store
 */
ZsStore *
zs_plugin_context_get_store (ZsPluginContext *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (self), NULL);
  return self->store;
}

/**
 * zs_plugin_context_get_engine:
 * @self: a #ZsPluginContext
 *
 * The engine that activated the plugin: the one the application runs, so
 * a plugin's verbs and pages find the services of other plugins here with
 * zs_plugin_engine_get_service() instead of making an engine of their own.
 *
 * Returns: (transfer none) (nullable): the engine, or %NULL for a context
 *   made without one (zs_plugin_context_new()) or whose engine is gone
 */
ZsPluginEngine *
zs_plugin_context_get_engine (ZsPluginContext *self)
{
  g_autoptr(ZsPluginEngine) engine = NULL;

  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (self), NULL);

  /* The engine outlives the contexts it owns: a borrowed pointer is safe. */
  engine = g_weak_ref_get (&self->engine);
  return engine;
}

const char *
zs_plugin_context_get_plugin_name (ZsPluginContext *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (self), NULL);
  return self->plugin_name;
}

const char *
zs_plugin_context_get_data_dir (ZsPluginContext *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (self), NULL);
  return self->data_dir;
}

/**
 * zs_plugin_context_get_settings:
 * @self: a #ZsPluginContext
 *
 * The application's settings (schema `cn.horgos.Zhaoshang`), for instance
 * to follow the database path or window state. A plugin with settings of
 * its own ships its own schema.
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL where the
 *   schema is not installed (a build tree, a test)
 */
GSettings *
zs_plugin_context_get_settings (ZsPluginContext *self)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (self), NULL);

  if (self->settings_looked_up)
    return self->settings;
  self->settings_looked_up = TRUE;
  source = g_settings_schema_source_get_default ();
  schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  return self->settings;
}

/**
 * zs_plugin_context_get_storage:
 * @self: a #ZsPluginContext
 *
 * The handle through which the plugin runs its own SQL: it may create and
 * write only tables named with its module prefix, and read core data
 * through the core_… views (see the plugin guide).
 *
 * Returns: (transfer none): the plugin's storage
 */
ZsPluginStorage *
zs_plugin_context_get_storage (ZsPluginContext *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (self), NULL);

  if (self->storage == NULL)
    self->storage = zs_plugin_storage_new (self->store, self->plugin_name);
  return self->storage;
}

/**
 * zs_plugin_context_get_plugin_settings:
 * @self: a #ZsPluginContext
 *
 * The plugin's own typed settings (not the application's #GSettings):
 * declare the keys on activation, then get and set them.
 *
 * Returns: (transfer none): the plugin's settings
 */
ZsPluginSettings *
zs_plugin_context_get_plugin_settings (ZsPluginContext *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (self), NULL);
  return zs_plugin_settings_get_for_store (self->store, self->plugin_name);
}

/**
 * zs_plugin_context_apply_seed:
 * @self: a #ZsPluginContext
 * @json: the seed records of the plugin's record types, with a revision
 * @error: return location for a #GError
 *
 * See zs_plugin_seed_apply().
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
zs_plugin_context_apply_seed (ZsPluginContext  *self,
                              const char       *json,
                              GError          **error)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (self), FALSE);
  return zs_plugin_seed_apply (self->store, self->plugin_name, json, error);
}

/**
 * zs_plugin_context_apply_seed_from_resource:
 * @self: a #ZsPluginContext
 * @resource_path: the seed's path in the plugin's resources
 * @error: return location for a #GError
 *
 * See zs_plugin_seed_apply_resource().
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
zs_plugin_context_apply_seed_from_resource (ZsPluginContext  *self,
                                            const char       *resource_path,
                                            GError          **error)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (self), FALSE);
  return zs_plugin_seed_apply_resource (self->store, self->plugin_name, resource_path, error);
}

static gboolean
require_own_module (ZsPluginContext  *self,
                    ZsRecordType     *record_type,
                    GError          **error)
{
  g_autofree char *module = g_strdelimit (g_strdup (self->plugin_name ? self->plugin_name : ""), "-", '_');

  if (g_strcmp0 (zs_record_type_get_module (record_type), module) == 0)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_PERMISSION,
               _("The plugin “%s” may only declare record types named “%s.…”, not “%s”"),
               self->plugin_name, module, zs_record_type_get_name (record_type));
  return FALSE;
}

/**
 * zs_plugin_context_register_record_type:
 * @self: a #ZsPluginContext
 * @record_type: a record type named after the plugin's module ("-" written
 *   "_"): "industry_chain.link" for the plugin "industry-chain"
 * @error: return location for a #GError
 *
 * Registers @record_type on the store (see zs_store_register_record_type())
 * for as long as the plugin is active: the engine withdraws it when the
 * plugin is deactivated.
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_PERMISSION for another module's
 *   name, or the store's error
 */
gboolean
zs_plugin_context_register_record_type (ZsPluginContext  *self,
                                        ZsRecordType     *record_type,
                                        GError          **error)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (self), FALSE);
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (record_type), FALSE);

  if (!require_own_module (self, record_type, error) ||
      !zs_store_register_record_type (self->store, record_type, error))
    return FALSE;
  if (self->record_types == NULL)
    self->record_types = g_ptr_array_new_with_free_func (g_free);
  if (!g_ptr_array_find_with_equal_func (self->record_types, zs_record_type_get_name (record_type), g_str_equal, NULL))
    g_ptr_array_add (self->record_types, g_strdup (zs_record_type_get_name (record_type)));
  return TRUE;
}

/**
 * zs_plugin_context_register_record_types_from_resource:
 * @self: a #ZsPluginContext
 * @resource_path: a JSON file in the plugin's resources: one declaration
 *   (see zs_record_type_new_from_json()) or an array of them
 * @error: return location for a #GError
 *
 * Declares and registers every record type in the file, as
 * zs_plugin_context_register_record_type() does; stops at the first error.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
zs_plugin_context_register_record_types_from_resource (ZsPluginContext  *self,
                                                       const char       *resource_path,
                                                       GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  g_autoptr(GList) declarations = NULL;

  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (self), FALSE);
  g_return_val_if_fail (resource_path != NULL, FALSE);

  if (!(bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error)) ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_ARRAY (root))
    declarations = json_array_get_elements (json_node_get_array (root));
  else
    declarations = g_list_append (NULL, root);
  for (GList *l = declarations; l != NULL; l = l->next)
    {
      g_autoptr(ZsRecordType) record_type = zs_record_type_new_from_json_node (l->data, error);

      if (record_type == NULL || !zs_plugin_context_register_record_type (self, record_type, error))
        return FALSE;
    }
  return TRUE;
}

void
_zs_plugin_context_withdraw_record_types (ZsPluginContext *self)
{
  if (self->record_types == NULL)
    return;
  for (guint i = 0; i < self->record_types->len; i++)
    zs_store_unregister_record_type (self->store, g_ptr_array_index (self->record_types, i));
  g_ptr_array_set_size (self->record_types, 0);
}
