/* zs-plugin-context.c: what a plugin receives when it is activated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-plugin-context.h"
#include "zs-plugin-engine.h"

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
