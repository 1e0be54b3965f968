/* zs-service-plugin.c: the service-tracking plugin (一对一服务、限时办结、
 * 容缺办理、联审联批)
 *
 * On activate it registers its record types (service-tracking-types.json),
 * writes the standard item template once and publishes its ZsServiceDesk;
 * its verbs are `service`, `workdays` and `holidays`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libpeas/peas.h>

#include "zs-service-cli.h"
#include "zs-service-tracker.h"

#define ZS_TYPE_SERVICE_PLUGIN (zs_service_plugin_get_type ())
G_DECLARE_FINAL_TYPE (ZsServicePlugin, zs_service_plugin, ZS, SERVICE_PLUGIN, GObject)

struct _ZsServicePlugin
{
  GObject           parent_instance;

  ZsPluginEngine   *engine;    /* weak */
  ZsServiceTracker *tracker;
};

static void activatable_iface_init      (ZsActivatableInterface     *iface);
static void command_provider_iface_init (ZsCommandProviderInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsServicePlugin, zs_service_plugin, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_ACTIVATABLE, activatable_iface_init)
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_COMMAND_PROVIDER, command_provider_iface_init))

static gboolean
service_plugin_activate (ZsActivatable    *activatable,
                         ZsPluginContext  *context,
                         GError          **error)
{
  ZsServicePlugin *self = ZS_SERVICE_PLUGIN (activatable);
  ZsPluginEngine *engine = zs_plugin_context_get_engine (context);
  ZsStore *store = zs_plugin_context_get_store (context);
  g_autoptr(ZsServiceTracker) tracker = NULL;

  if (!zs_plugin_context_register_record_types_from_resource (context, ZS_SERVICE_TYPES_RESOURCE, error))
    return FALSE;
  /* a viewer cannot write; the template waits for someone who can */
  if (!zs_service_seed_templates (store, NULL))
    g_debug ("The standard service template was not written");
  if (engine == NULL)
    return TRUE;
  tracker = zs_service_tracker_new ();
  if (!zs_plugin_engine_add_service (engine, ZS_TYPE_SERVICE_DESK, G_OBJECT (tracker), ZS_SERVICE_MODULE_NAME, error))
    return FALSE;
  g_set_weak_pointer (&self->engine, engine);
  self->tracker = g_steal_pointer (&tracker);
  return TRUE;
}

static void
service_plugin_deactivate (ZsActivatable *activatable)
{
  ZsServicePlugin *self = ZS_SERVICE_PLUGIN (activatable);

  if (self->engine != NULL && self->tracker != NULL)
    zs_plugin_engine_remove_service (self->engine, ZS_TYPE_SERVICE_DESK, G_OBJECT (self->tracker));
  g_clear_weak_pointer (&self->engine);
  g_clear_object (&self->tracker);
}

static void
activatable_iface_init (ZsActivatableInterface *iface)
{
  iface->activate = service_plugin_activate;
  iface->deactivate = service_plugin_deactivate;
}

static ZsCommandKit *
service_plugin_create_command_kit (ZsCommandProvider *provider)
{
  return zs_service_cli_create_kit ();
}

static void
command_provider_iface_init (ZsCommandProviderInterface *iface)
{
  iface->create_command_kit = service_plugin_create_command_kit;
}

static void
zs_service_plugin_dispose (GObject *object)
{
  ZsServicePlugin *self = ZS_SERVICE_PLUGIN (object);

  g_clear_weak_pointer (&self->engine);
  g_clear_object (&self->tracker);
  G_OBJECT_CLASS (zs_service_plugin_parent_class)->dispose (object);
}

static void
zs_service_plugin_class_init (ZsServicePluginClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zs_service_plugin_dispose;
}

static void
zs_service_plugin_class_finalize (ZsServicePluginClass *klass)
{
}

static void
zs_service_plugin_init (ZsServicePlugin *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  zs_service_plugin_register_type (G_TYPE_MODULE (module));
  zs_service_tracker_register (G_TYPE_MODULE (module));
  zs_service_follow_ups_register (G_TYPE_MODULE (module));

  peas_object_module_register_extension_type (module, ZS_TYPE_ACTIVATABLE, ZS_TYPE_SERVICE_PLUGIN);
  peas_object_module_register_extension_type (module, ZS_TYPE_COMMAND_PROVIDER, ZS_TYPE_SERVICE_PLUGIN);
  peas_object_module_register_extension_type (module, ZS_TYPE_FOLLOW_UP_SOURCE, ZS_TYPE_SERVICE_FOLLOW_UPS);
}
