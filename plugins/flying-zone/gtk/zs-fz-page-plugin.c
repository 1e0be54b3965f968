/* zs-fz-page-plugin.c: the Flying Zones page, added to the main window
 *
 * A GTK-side plugin of its own (the flying-zone plugin is loaded by
 * zhaoshang-cli too and stays free of GTK). The page switches between the
 * ledger of a year and the generic record pages of partners, zones,
 * agreements and placements; it takes the plugin's ZsFzBook from the
 * engine. The module also provides the dashboard card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <libpeas/peas.h>
#include <zhaoshang-gtk.h>

#include "zs-fz-book.h"
#include "zs-fz-card-provider.h"
#include "zs-fz-ledger-page.h"

#define ZS_TYPE_FZ_PAGE_PLUGIN (zs_fz_page_plugin_get_type ())
G_DECLARE_FINAL_TYPE (ZsFzPagePlugin, zs_fz_page_plugin, ZS, FZ_PAGE_PLUGIN, GObject)

struct _ZsFzPagePlugin
{
  GObject parent_instance;
};

static void page_provider_iface_init (ZsPageProviderInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsFzPagePlugin, zs_fz_page_plugin, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_PAGE_PROVIDER, page_provider_iface_init))

static char *
fz_page_get_id (ZsPageProvider *provider)
{
  return g_strdup ("flying-zone");
}

static char *
fz_page_get_title (ZsPageProvider *provider)
{
  return g_strdup (_("Flying Zones"));
}

static char *
fz_page_get_icon_name (ZsPageProvider *provider)
{
  return g_strdup ("mark-location-symbolic");
}

static void
add_view (AdwViewStack *stack,
          GtkWidget    *child,
          const char   *name,
          const char   *title,
          const char   *icon_name)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (stack, child, name, title);

  adw_view_stack_page_set_icon_name (page, icon_name);
}

static GtkWidget *
fz_page_create_page (ZsPageProvider *provider,
                     ZsStore        *store,
                     ZsPluginEngine *engine)
{
  /* transfer none: the engine holds it while the plugin is active */
  GObject *book = engine ? zs_plugin_engine_get_service (engine, ZS_TYPE_FZ_BOOK) : NULL;
  GtkWidget *box, *switcher, *stack;

  if (book == NULL)
    return NULL;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  stack = adw_view_stack_new ();
  switcher = adw_view_switcher_bar_new ();
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (switcher), ADW_VIEW_STACK (stack));
  adw_view_switcher_bar_set_reveal (ADW_VIEW_SWITCHER_BAR (switcher), TRUE);
  add_view (ADW_VIEW_STACK (stack), zs_fz_ledger_page_new (ZS_FZ_BOOK (book), store), "ledger", _("Ledger"),
            "accessories-calculator-symbolic");
  add_view (ADW_VIEW_STACK (stack), zs_record_type_page_new (store, "flying_zone.zone"), "zones", _("Zones"),
            "mark-location-symbolic");
  add_view (ADW_VIEW_STACK (stack), zs_record_type_page_new (store, "flying_zone.partner"), "partners",
            _("Partners"), "system-users-symbolic");
  add_view (ADW_VIEW_STACK (stack), zs_record_type_page_new (store, "flying_zone.agreement"), "agreements",
            _("Agreements"), "document-edit-symbolic");
  add_view (ADW_VIEW_STACK (stack), zs_record_type_page_new (store, "flying_zone.placement"), "placements",
            _("Placements"), "go-home-symbolic");
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), stack);
  return box;
}

static void
page_provider_iface_init (ZsPageProviderInterface *iface)
{
  iface->get_id = fz_page_get_id;
  iface->get_title = fz_page_get_title;
  iface->get_icon_name = fz_page_get_icon_name;
  iface->create_page = fz_page_create_page;
}

static void
zs_fz_page_plugin_class_init (ZsFzPagePluginClass *klass)
{
}

static void
zs_fz_page_plugin_class_finalize (ZsFzPagePluginClass *klass)
{
}

static void
zs_fz_page_plugin_init (ZsFzPagePlugin *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  zs_fz_page_plugin_register_type (G_TYPE_MODULE (module));
  zs_fz_card_provider_register (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, ZS_TYPE_PAGE_PROVIDER, ZS_TYPE_FZ_PAGE_PLUGIN);
  peas_object_module_register_extension_type (module, ZS_TYPE_DASHBOARD_CARD_PROVIDER, ZS_TYPE_FZ_CARD_PROVIDER);
}
