/* zs-chain-page-plugin.c: the industry-chain page, added to the main window
 *   through ZsPageProvider
 *
 * A module of its own beside the industry-chain plugin, which it depends
 * on: the plugin stays free of GTK (zhaoshang-cli loads it too), and the
 * page reaches it through the chain service it publishes in the engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libpeas/peas.h>
#include <zhaoshang-gtk.h>

#include "zs-chain-page.h"

#define ZS_TYPE_CHAIN_PAGE_PLUGIN (zs_chain_page_plugin_get_type ())

G_DECLARE_FINAL_TYPE (ZsChainPagePlugin, zs_chain_page_plugin, ZS, CHAIN_PAGE_PLUGIN, GObject)

struct _ZsChainPagePlugin
{
  GObject parent_instance;
};

static void page_provider_iface_init (ZsPageProviderInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsChainPagePlugin, zs_chain_page_plugin, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_PAGE_PROVIDER, page_provider_iface_init))

static char *
chain_page_get_id (ZsPageProvider *provider)
{
  return g_strdup ("industry-chain");
}

static char *
chain_page_get_title (ZsPageProvider *provider)
{
  return g_strdup (_("Industry Chains"));
}

static char *
chain_page_get_icon_name (ZsPageProvider *provider)
{
  return g_strdup ("network-workgroup-symbolic");
}

static GtkWidget *
chain_page_create_page (ZsPageProvider *provider,
                        ZsStore        *store,
                        ZsPluginEngine *engine)
{
  /* transfer none: the engine holds it while the plugin is active */
  GObject *service = engine ? zs_plugin_engine_get_service (engine, ZS_TYPE_CHAIN_SERVICE) : NULL;

  if (service == NULL)
    return NULL;
  return zs_chain_page_new (ZS_CHAIN_SERVICE (service), store);
}

static void
page_provider_iface_init (ZsPageProviderInterface *iface)
{
  iface->get_id = chain_page_get_id;
  iface->get_title = chain_page_get_title;
  iface->get_icon_name = chain_page_get_icon_name;
  iface->create_page = chain_page_create_page;
}

static void
zs_chain_page_plugin_class_init (ZsChainPagePluginClass *klass)
{
}

static void
zs_chain_page_plugin_class_finalize (ZsChainPagePluginClass *klass)
{
}

static void
zs_chain_page_plugin_init (ZsChainPagePlugin *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  zs_chain_page_plugin_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, ZS_TYPE_PAGE_PROVIDER, ZS_TYPE_CHAIN_PAGE_PLUGIN);
}
