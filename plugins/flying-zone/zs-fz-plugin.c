/* zs-fz-plugin.c: the flying-zone plugin (飞地园区、利益分享机制)
 *
 * On activate it registers its record types (flying-zone-types.json) with
 * their rules and publishes two services: its ZsFzBook (the ledger and the
 * attribution report, for its pages) and the ZsPartnerProvider chain
 * matching asks for partner firms. Its verb is `flying-zone`; `init
 * --demo` adds its demo zone (ZsDemoSource); the HTTP API serves the
 * ledger and the report (ZsFzRoutes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libpeas/peas.h>

#include "zs-fz.h"
#include "zs-fz-accountant.h"
#include "zs-fz-cli.h"
#include "zs-fz-partners.h"
#include "zs-fz-routes.h"

#define ZS_TYPE_FZ_PLUGIN (zs_fz_plugin_get_type ())
G_DECLARE_FINAL_TYPE (ZsFzPlugin, zs_fz_plugin, ZS, FZ_PLUGIN, GObject)

struct _ZsFzPlugin
{
  GObject         parent_instance;

  ZsPluginEngine *engine;       /* weak */
  ZsFzAccountant *accountant;
  ZsFzPartners   *partners;
};

static void activatable_iface_init      (ZsActivatableInterface     *iface);
static void command_provider_iface_init (ZsCommandProviderInterface *iface);
static void demo_source_iface_init      (ZsDemoSourceInterface      *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsFzPlugin, zs_fz_plugin, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_ACTIVATABLE, activatable_iface_init)
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_COMMAND_PROVIDER, command_provider_iface_init)
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_DEMO_SOURCE, demo_source_iface_init))

static void
withdraw_services (ZsFzPlugin *self)
{
  if (self->engine != NULL && self->accountant != NULL)
    zs_plugin_engine_remove_service (self->engine, ZS_TYPE_FZ_BOOK, G_OBJECT (self->accountant));
  if (self->engine != NULL && self->partners != NULL)
    zs_plugin_engine_remove_service (self->engine, ZS_TYPE_PARTNER_PROVIDER, G_OBJECT (self->partners));
  g_clear_weak_pointer (&self->engine);
  g_clear_object (&self->accountant);
  g_clear_object (&self->partners);
}

static gboolean
fz_plugin_activate (ZsActivatable    *activatable,
                    ZsPluginContext  *context,
                    GError          **error)
{
  ZsFzPlugin *self = ZS_FZ_PLUGIN (activatable);
  ZsPluginEngine *engine = zs_plugin_context_get_engine (context);
  ZsStore *store = zs_plugin_context_get_store (context);

  if (!zs_plugin_context_register_record_types_from_resource (context, ZS_FZ_TYPES_RESOURCE, error))
    return FALSE;
  zs_fz_install_rules (store);
  if (engine == NULL)
    return TRUE;
  g_set_weak_pointer (&self->engine, engine);
  self->accountant = zs_fz_accountant_new ();
  if (!zs_plugin_engine_add_service (engine, ZS_TYPE_FZ_BOOK, G_OBJECT (self->accountant), ZS_FZ_MODULE_NAME,
                                     error))
    {
      g_clear_object (&self->accountant);
      withdraw_services (self);
      return FALSE;
    }
  self->partners = zs_fz_partners_new (store);
  if (!zs_plugin_engine_add_service (engine, ZS_TYPE_PARTNER_PROVIDER, G_OBJECT (self->partners),
                                     ZS_FZ_MODULE_NAME, error))
    {
      g_clear_object (&self->partners);
      withdraw_services (self);
      return FALSE;
    }
  return TRUE;
}

static void
fz_plugin_deactivate (ZsActivatable *activatable)
{
  withdraw_services (ZS_FZ_PLUGIN (activatable));
}

static void
activatable_iface_init (ZsActivatableInterface *iface)
{
  iface->activate = fz_plugin_activate;
  iface->deactivate = fz_plugin_deactivate;
}

static ZsCommandKit *
fz_plugin_create_command_kit (ZsCommandProvider *provider)
{
  return zs_fz_cli_create_kit ();
}

static void
command_provider_iface_init (ZsCommandProviderInterface *iface)
{
  iface->create_command_kit = fz_plugin_create_command_kit;
}

static gboolean
fz_plugin_load_demo (ZsDemoSource  *source,
                     ZsStore       *store,
                     GError       **error)
{
  return zs_fz_load_demo (store, error);
}

static void
demo_source_iface_init (ZsDemoSourceInterface *iface)
{
  iface->load_demo = fz_plugin_load_demo;
}

static void
zs_fz_plugin_dispose (GObject *object)
{
  withdraw_services (ZS_FZ_PLUGIN (object));
  G_OBJECT_CLASS (zs_fz_plugin_parent_class)->dispose (object);
}

static void
zs_fz_plugin_class_init (ZsFzPluginClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zs_fz_plugin_dispose;
}

static void
zs_fz_plugin_class_finalize (ZsFzPluginClass *klass)
{
}

static void
zs_fz_plugin_init (ZsFzPlugin *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  zs_fz_plugin_register_type (G_TYPE_MODULE (module));
  zs_fz_accountant_register (G_TYPE_MODULE (module));
  zs_fz_partners_register (G_TYPE_MODULE (module));
  zs_fz_routes_register (G_TYPE_MODULE (module));

  peas_object_module_register_extension_type (module, ZS_TYPE_ACTIVATABLE, ZS_TYPE_FZ_PLUGIN);
  peas_object_module_register_extension_type (module, ZS_TYPE_COMMAND_PROVIDER, ZS_TYPE_FZ_PLUGIN);
  peas_object_module_register_extension_type (module, ZS_TYPE_DEMO_SOURCE, ZS_TYPE_FZ_PLUGIN);
  peas_object_module_register_extension_type (module, ZS_TYPE_ROUTE_PROVIDER, ZS_TYPE_FZ_ROUTES);
}
