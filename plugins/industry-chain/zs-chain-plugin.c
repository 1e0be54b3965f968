/* zs-chain-plugin.c: the industry-chain plugin (产业链招商)
 *
 * One object implements the three extension points: it brings the schema
 * steps of its older tables (ZsSchemaProvider), registers its record types
 * and applies the shipped chain maps when activated (ZsActivatable) and
 * adds the `chain` verb (ZsCommandProvider). The engine
 * makes one instance per extension point; only the activated one keeps
 * something, the chain service it published (ZsChainService), which it
 * withdraws when deactivated. Everything else lives in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-chain-plugin.h"

#include <zhaoshang.h>

#include "zs-chain-cli.h"
#include "zs-chain-routes.h"
#include "zs-chain-schema.h"
#include "zs-chain-legacy.h"
#include "zs-chain-records.h"
#include "zs-chain-server.h"
#include "zs-chain-settings.h"
#include "zs-chain-sql.h"

struct _ZsChainPlugin
{
  GObject         parent_instance;

  ZsPluginEngine *engine;    /* weak */
  ZsChainServer  *service;
};

static void activatable_iface_init      (ZsActivatableInterface     *iface);
static void schema_provider_iface_init  (ZsSchemaProviderInterface  *iface);
static void command_provider_iface_init (ZsCommandProviderInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsChainPlugin, zs_chain_plugin, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_ACTIVATABLE, activatable_iface_init)
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_SCHEMA_PROVIDER, schema_provider_iface_init)
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_COMMAND_PROVIDER, command_provider_iface_init))

/* The record types first: the old tables' rows move onto them, then the
 * shipped chains are applied as the core's seed (a revision applied before
 * is not applied again). */
static gboolean
chain_plugin_activate (ZsActivatable    *activatable,
                       ZsPluginContext  *context,
                       GError          **error)
{
  ZsChainPlugin *self = ZS_CHAIN_PLUGIN (activatable);
  ZsPluginEngine *engine = zs_plugin_context_get_engine (context);
  ZsStore *store = zs_plugin_context_get_store (context);
  g_autoptr(ZsChainServer) service = NULL;

  if (!zs_plugin_context_register_record_types_from_resource (context, ZS_CHAIN_TYPES_RESOURCE, error))
    return FALSE;
  zs_chain_records_install_rules (store);
  zs_chain_settings_declare (store);
  if (!zs_chain_legacy_migrate (store, error) ||
      !zs_plugin_seed_apply_resource (store, ZS_CHAIN_MODULE_NAME, ZS_CHAIN_SEED_RESOURCE, error))
    return FALSE;
  if (engine == NULL)
    return TRUE;
  service = zs_chain_server_new (engine);
  if (!zs_plugin_engine_add_service (engine, ZS_TYPE_CHAIN_SERVICE, G_OBJECT (service),
                                     ZS_CHAIN_MODULE_NAME, error))
    return FALSE;
  g_set_weak_pointer (&self->engine, engine);
  zs_chain_routes_set_service (ZS_CHAIN_SERVICE (service));
  self->service = g_steal_pointer (&service);
  return TRUE;
}

static void
chain_plugin_deactivate (ZsActivatable *activatable)
{
  ZsChainPlugin *self = ZS_CHAIN_PLUGIN (activatable);

  if (self->engine != NULL && self->service != NULL)
    zs_plugin_engine_remove_service (self->engine, ZS_TYPE_CHAIN_SERVICE, G_OBJECT (self->service));
  g_clear_weak_pointer (&self->engine);
  g_clear_object (&self->service);
}

static void
activatable_iface_init (ZsActivatableInterface *iface)
{
  iface->activate = chain_plugin_activate;
  iface->deactivate = chain_plugin_deactivate;
}

static char *
chain_plugin_get_schema_name (ZsSchemaProvider *provider)
{
  return g_strdup (ZS_CHAIN_SCHEMA_NAME);
}

static char **
chain_plugin_get_migrations (ZsSchemaProvider *provider)
{
  return zs_chain_schema_get_migrations ();
}

static void
schema_provider_iface_init (ZsSchemaProviderInterface *iface)
{
  iface->get_schema_name = chain_plugin_get_schema_name;
  iface->get_migrations = chain_plugin_get_migrations;
}

static ZsCommandKit *
chain_plugin_create_command_kit (ZsCommandProvider *provider)
{
  return zs_chain_cli_create_kit ();
}

static void
command_provider_iface_init (ZsCommandProviderInterface *iface)
{
  iface->create_command_kit = chain_plugin_create_command_kit;
}

static void
zs_chain_plugin_dispose (GObject *object)
{
  ZsChainPlugin *self = ZS_CHAIN_PLUGIN (object);

  g_clear_weak_pointer (&self->engine);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (zs_chain_plugin_parent_class)->dispose (object);
}

static void
zs_chain_plugin_class_init (ZsChainPluginClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zs_chain_plugin_dispose;
}

static void
zs_chain_plugin_class_finalize (ZsChainPluginClass *klass)
{
}

static void
zs_chain_plugin_init (ZsChainPlugin *self)
{
}

void
peas_register_types (PeasObjectModule *module)
{
  zs_chain_plugin_register_type (G_TYPE_MODULE (module));
  zs_chain_server_register (G_TYPE_MODULE (module));
  zs_chain_routes_register (G_TYPE_MODULE (module));

  peas_object_module_register_extension_type (module, ZS_TYPE_ACTIVATABLE, ZS_TYPE_CHAIN_PLUGIN);
  peas_object_module_register_extension_type (module, ZS_TYPE_SCHEMA_PROVIDER, ZS_TYPE_CHAIN_PLUGIN);
  peas_object_module_register_extension_type (module, ZS_TYPE_COMMAND_PROVIDER, ZS_TYPE_CHAIN_PLUGIN);
  peas_object_module_register_extension_type (module, ZS_TYPE_ROUTE_PROVIDER, ZS_TYPE_CHAIN_ROUTES);
}
