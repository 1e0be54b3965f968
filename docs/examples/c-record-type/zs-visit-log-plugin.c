/* zs-visit-log-plugin.c: an example plugin in C declaring a record type
 *
 * The type, visit_log.visit, is declared in visit-log-types.json, compiled
 * into the module as a resource. Registering it on activate is all the
 * code: core gives its records a table, validation, history and revert,
 * search, `zhaoshang-cli records … visit_log.visit`, import and export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libpeas/peas.h>
#include <zhaoshang.h>

#define ZS_TYPE_VISIT_LOG_PLUGIN (zs_visit_log_plugin_get_type ())
G_DECLARE_FINAL_TYPE (ZsVisitLogPlugin, zs_visit_log_plugin, ZS, VISIT_LOG_PLUGIN, GObject)

struct _ZsVisitLogPlugin
{
  GObject parent_instance;
};

static void activatable_iface_init (ZsActivatableInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsVisitLogPlugin, zs_visit_log_plugin, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_ACTIVATABLE, activatable_iface_init))

static gboolean
visit_log_activate (ZsActivatable    *activatable,
                    ZsPluginContext  *context,
                    GError          **error)
{
  /* the engine withdraws the type again when the plugin is deactivated */
  return zs_plugin_context_register_record_types_from_resource (context,
                                                                "/org/example/zhaoshang/visit-log/visit-log-types.json",
                                                                error);
}

static void
visit_log_deactivate (ZsActivatable *activatable)
{
}

static void
activatable_iface_init (ZsActivatableInterface *iface)
{
  iface->activate = visit_log_activate;
  iface->deactivate = visit_log_deactivate;
}

static void
zs_visit_log_plugin_class_init (ZsVisitLogPluginClass *klass)
{
}

static void
zs_visit_log_plugin_class_finalize (ZsVisitLogPluginClass *klass)
{
}

static void
zs_visit_log_plugin_init (ZsVisitLogPlugin *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  zs_visit_log_plugin_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, ZS_TYPE_ACTIVATABLE, ZS_TYPE_VISIT_LOG_PLUGIN);
}
