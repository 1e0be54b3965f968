/* zs-page-provider.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_GTK_INSIDE) && !defined (ZHAOSHANG_GTK_COMPILATION)
# error "Only <zhaoshang-gtk.h> can be included directly."
#endif

#include <gtk/gtk.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_PAGE_PROVIDER (zs_page_provider_get_type ())

G_DECLARE_INTERFACE (ZsPageProvider, zs_page_provider, ZS, PAGE_PROVIDER, GObject)

/**
 * ZsPageProviderInterface:
 * @get_id: a name for the page, unique among pages (letters, digits, `-`)
 * @get_title: the title shown in the sidebar, translated
 * @get_icon_name: (nullable): a symbolic icon name
 * @create_page: a new page showing @store; @engine reaches the extensions of
 *   other plugins, such as the command provider of the plugin whose data
 *   the page shows
 *
 * A page a plugin adds to the sidebar of the main window. The window asks
 * each active plugin's provider for its page when the plugin is loaded and
 * drops the page when the plugin is unloaded.
 */
struct _ZsPageProviderInterface
{
  GTypeInterface parent_iface;

  char      *(*get_id)        (ZsPageProvider *self);
  char      *(*get_title)     (ZsPageProvider *self);
  char      *(*get_icon_name) (ZsPageProvider *self);
  GtkWidget *(*create_page)   (ZsPageProvider *self,
                               ZsStore        *store,
                               ZsPluginEngine *engine);
};

char      *zs_page_provider_get_id        (ZsPageProvider *self);
char      *zs_page_provider_get_title     (ZsPageProvider *self);
char      *zs_page_provider_get_icon_name (ZsPageProvider *self);
GtkWidget *zs_page_provider_create_page   (ZsPageProvider *self,
                                           ZsStore        *store,
                                           ZsPluginEngine *engine);

G_END_DECLS
