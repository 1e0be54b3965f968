/* zs-dashboard-card-provider.h
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

#define ZS_TYPE_DASHBOARD_CARD_PROVIDER (zs_dashboard_card_provider_get_type ())

G_DECLARE_INTERFACE (ZsDashboardCardProvider, zs_dashboard_card_provider, ZS, DASHBOARD_CARD_PROVIDER, GObject)

/**
 * ZsDashboardCardProviderInterface:
 * @get_id: a name for the card, unique among cards (letters, digits, `-`)
 * @create_card: a new card showing @store; @engine reaches the services of
 *   the plugins, such as the one whose figures the card shows
 *
 * A card a plugin adds to the dashboard of the main window, below the
 * follow-ups. The dashboard asks each active plugin's provider for its
 * card when the plugin is loaded and drops the card when the plugin is
 * unloaded. A card reads its figures itself (off the main thread when they
 * take time) and again when the store changes.
 */
struct _ZsDashboardCardProviderInterface
{
  GTypeInterface parent_iface;

  char      *(*get_id)      (ZsDashboardCardProvider *self);
  GtkWidget *(*create_card) (ZsDashboardCardProvider *self,
                             ZsStore                 *store,
                             ZsPluginEngine          *engine);
};

char      *zs_dashboard_card_provider_get_id      (ZsDashboardCardProvider *self);
GtkWidget *zs_dashboard_card_provider_create_card (ZsDashboardCardProvider *self,
                                                   ZsStore                 *store,
                                                   ZsPluginEngine          *engine);

G_END_DECLS
