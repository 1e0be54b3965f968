/* zs-dashboard-card-provider.c: the extension point for cards on the
 * dashboard
 *
 * Every wrapper checks that the plugin implemented the method before
 * calling it, so a plugin that leaves one out gets a sensible default (its
 * type name as id, no card) rather than a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zhaoshang-gtk.h"

G_DEFINE_INTERFACE (ZsDashboardCardProvider, zs_dashboard_card_provider, G_TYPE_OBJECT)

static void
zs_dashboard_card_provider_default_init (ZsDashboardCardProviderInterface *iface)
{
}

/**
 * zs_dashboard_card_provider_get_id:
 * @self: a #ZsDashboardCardProvider
 *
 * Returns: (transfer full): the card's name; the provider's type name when
 *   the plugin gives none
 */
char *
zs_dashboard_card_provider_get_id (ZsDashboardCardProvider *self)
{
  ZsDashboardCardProviderInterface *iface;
  char *id = NULL;

  g_return_val_if_fail (ZS_IS_DASHBOARD_CARD_PROVIDER (self), NULL);

  iface = ZS_DASHBOARD_CARD_PROVIDER_GET_IFACE (self);
  if (iface->get_id != NULL)
    id = iface->get_id (self);
  if (id == NULL || id[0] == '\0')
    {
      g_free (id);
      id = g_strdup (G_OBJECT_TYPE_NAME (self));
    }
  return id;
}

/**
 * zs_dashboard_card_provider_create_card:
 * @self: a #ZsDashboardCardProvider
 * @store: the database the window shows
 * @engine: (nullable): the plugins of the window
 *
 * Returns: (transfer full) (nullable): a new card, or %NULL when the
 *   plugin has none to show
 */
GtkWidget *
zs_dashboard_card_provider_create_card (ZsDashboardCardProvider *self,
                                        ZsStore                 *store,
                                        ZsPluginEngine          *engine)
{
  ZsDashboardCardProviderInterface *iface;
  GtkWidget *card;

  g_return_val_if_fail (ZS_IS_DASHBOARD_CARD_PROVIDER (self), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (engine == NULL || ZS_IS_PLUGIN_ENGINE (engine), NULL);

  iface = ZS_DASHBOARD_CARD_PROVIDER_GET_IFACE (self);
  if (iface->create_card == NULL)
    return NULL;
  card = iface->create_card (self, store, engine);
  g_return_val_if_fail (card == NULL || GTK_IS_WIDGET (card), NULL);

  /* A C plugin returns a floating widget, a Python one a full reference:
   * either way the caller gets exactly one reference of its own. */
  if (card != NULL && g_object_is_floating (card))
    g_object_ref_sink (card);
  return card;
}
