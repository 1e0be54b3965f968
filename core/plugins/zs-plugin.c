/* zs-plugin.c: what the engine knows of one plugin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-plugin.h"

/**
 * ZsPlugin:
 *
 * A plugin found by #ZsPluginEngine: its `.plugin` description, whether the
 * user enabled it, whether it is active, and why not if it failed.
 */
struct _ZsPlugin
{
  GObject    parent_instance;

  char      *module_name;
  char      *name;
  char      *description;
  char      *version;
  char     **authors;
  char      *loader;
  char      *data_dir;
  char     **depends;
  char     **verbs;
  gboolean   enabled;
  gboolean   active;
  char      *error;
};

G_DEFINE_FINAL_TYPE (ZsPlugin, zs_plugin, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODULE_NAME,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_VERSION,
  PROP_AUTHORS,
  PROP_LOADER,
  PROP_DATA_DIR,
  PROP_DEPENDS,
  PROP_ENABLED,
  PROP_ACTIVE,
  PROP_ERROR,
  PROP_VERBS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_plugin_finalize (GObject *object)
{
  ZsPlugin *self = (ZsPlugin *) object;

  g_free (self->module_name);
  g_free (self->name);
  g_free (self->description);
  g_free (self->version);
  g_strfreev (self->authors);
  g_free (self->loader);
  g_free (self->data_dir);
  g_strfreev (self->depends);
  g_free (self->error);
  g_strfreev (self->verbs);

  G_OBJECT_CLASS (zs_plugin_parent_class)->finalize (object);
}

static void
zs_plugin_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZsPlugin *self = ZS_PLUGIN (object);

  switch (prop_id)
    {
    case PROP_MODULE_NAME: g_value_set_string (value, self->module_name); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_VERSION: g_value_set_string (value, self->version); break;
    case PROP_AUTHORS: g_value_set_boxed (value, self->authors); break;
    case PROP_LOADER: g_value_set_string (value, self->loader); break;
    case PROP_DATA_DIR: g_value_set_string (value, self->data_dir); break;
    case PROP_DEPENDS: g_value_set_boxed (value, self->depends); break;
    case PROP_ENABLED: g_value_set_boolean (value, self->enabled); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    case PROP_ERROR: g_value_set_string (value, self->error); break;
    case PROP_VERBS: g_value_set_boxed (value, self->verbs); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_plugin_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZsPlugin *self = ZS_PLUGIN (object);

  switch (prop_id)
    {
    case PROP_MODULE_NAME: self->module_name = g_value_dup_string (value); break;
    case PROP_NAME: self->name = g_value_dup_string (value); break;
    case PROP_DESCRIPTION: self->description = g_value_dup_string (value); break;
    case PROP_VERSION: self->version = g_value_dup_string (value); break;
    case PROP_AUTHORS: self->authors = g_value_dup_boxed (value); break;
    case PROP_LOADER: self->loader = g_value_dup_string (value); break;
    case PROP_DATA_DIR: self->data_dir = g_value_dup_string (value); break;
    case PROP_DEPENDS: self->depends = g_value_dup_boxed (value); break;
    case PROP_ENABLED: self->enabled = g_value_get_boolean (value); break;
    case PROP_ACTIVE: self->active = g_value_get_boolean (value); break;
    case PROP_ERROR: self->error = g_value_dup_string (value); break;
    case PROP_VERBS: self->verbs = g_value_dup_boxed (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_plugin_class_init (ZsPluginClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_plugin_finalize;
  object_class->get_property = zs_plugin_get_property;
  object_class->set_property = zs_plugin_set_property;

  properties[PROP_MODULE_NAME] = g_param_spec_string ("module-name", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_AUTHORS] = g_param_spec_boxed ("authors", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LOADER] = g_param_spec_string ("loader", NULL, NULL, NULL, flags);
  properties[PROP_DATA_DIR] = g_param_spec_string ("data-dir", NULL, NULL, NULL, flags);
  properties[PROP_DEPENDS] = g_param_spec_boxed ("depends", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_ENABLED] = g_param_spec_boolean ("enabled", NULL, NULL, FALSE, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE, flags);
  /**
   * ZsPlugin:error:
   *
   * Why the plugin is not active although enabled: a missing dependency, a
   * load or activation error, a failed migration.
   */
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, flags);
  /**
   * ZsPlugin:verbs:
   *
   * The `zhaoshang-cli` verbs of the plugin: those of its command provider
   * when it is active, else those its `.plugin` file declares in
   * `X-Zhaoshang-Verbs`.
   */
  properties[PROP_VERBS] = g_param_spec_boxed ("verbs", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_plugin_init (ZsPlugin *self)
{
}

#define STRING_GETTER(field)                                            \
const char *                                                            \
zs_plugin_get_##field (ZsPlugin *self)                                  \
{                                                                       \
  g_return_val_if_fail (ZS_IS_PLUGIN (self), NULL);                     \
  return self->field;                                                   \
}

STRING_GETTER (module_name)
STRING_GETTER (name)
STRING_GETTER (description)
STRING_GETTER (version)
STRING_GETTER (loader)
STRING_GETTER (data_dir)
STRING_GETTER (error)

#undef STRING_GETTER

/**
 * zs_plugin_get_authors:
 * @self: a #ZsPlugin
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the authors
 */
const char * const *
zs_plugin_get_authors (ZsPlugin *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN (self), NULL);
  return (const char * const *) self->authors;
}

/**
 * zs_plugin_get_depends:
 * @self: a #ZsPlugin
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the module
 *   names of the plugins this one needs
 */
const char * const *
zs_plugin_get_depends (ZsPlugin *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN (self), NULL);
  return (const char * const *) self->depends;
}

/**
 * zs_plugin_get_verbs:
 * @self: a #ZsPlugin
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the
 *   plugin's `zhaoshang-cli` verbs
 */
const char * const *
zs_plugin_get_verbs (ZsPlugin *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN (self), NULL);
  return (const char * const *) self->verbs;
}

gboolean
zs_plugin_get_enabled (ZsPlugin *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN (self), FALSE);
  return self->enabled;
}

gboolean
zs_plugin_get_active (ZsPlugin *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN (self), FALSE);
  return self->active;
}
