/* zs-service-page-plugin.c: the Service page, added to the main window
 *
 * A GTK-side plugin of its own (the service-tracking plugin is loaded by
 * zhaoshang-cli too and stays free of GTK); it takes the plugin's
 * ZsServiceDesk from the engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libpeas/peas.h>
#include <zhaoshang-gtk.h>

#include "zs-service-page.h"

#define ZS_TYPE_SERVICE_PAGE_PLUGIN (zs_service_page_plugin_get_type ())

G_DECLARE_FINAL_TYPE (ZsServicePagePlugin, zs_service_page_plugin, ZS, SERVICE_PAGE_PLUGIN, GObject)

struct _ZsServicePagePlugin
{
  GObject parent_instance;
};

static void page_provider_iface_init (ZsPageProviderInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsServicePagePlugin, zs_service_page_plugin, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_PAGE_PROVIDER, page_provider_iface_init))

static char *
service_page_get_id (ZsPageProvider *provider)
{
  return g_strdup ("service-tracking");
}

static char *
service_page_get_title (ZsPageProvider *provider)
{
  return g_strdup (_("Service"));
}

static char *
service_page_get_icon_name (ZsPageProvider *provider)
{
  return g_strdup ("alarm-symbolic");
}

static GtkWidget *
service_page_create_page (ZsPageProvider *provider,
                          ZsStore        *store,
                          ZsPluginEngine *engine)
{
  /* transfer none: the engine holds it while the plugin is active */
  GObject *desk = engine ? zs_plugin_engine_get_service (engine, ZS_TYPE_SERVICE_DESK) : NULL;

  if (desk == NULL)
    return NULL;
  return zs_service_page_new (ZS_SERVICE_DESK (desk), store);
}

static void
page_provider_iface_init (ZsPageProviderInterface *iface)
{
  iface->get_id = service_page_get_id;
  iface->get_title = service_page_get_title;
  iface->get_icon_name = service_page_get_icon_name;
  iface->create_page = service_page_create_page;
}

static void
zs_service_page_plugin_class_init (ZsServicePagePluginClass *klass)
{
}

static void
zs_service_page_plugin_class_finalize (ZsServicePagePluginClass *klass)
{
}

static void
zs_service_page_plugin_init (ZsServicePagePlugin *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  zs_service_page_plugin_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, ZS_TYPE_PAGE_PROVIDER, ZS_TYPE_SERVICE_PAGE_PLUGIN);
}
