/* zs-fz-card-provider.c: the flying zones' card on the dashboard
 *
 * An extension of ZsDashboardCardProvider: the dashboard shows the card
 * while the page plugin is active. The card sums this year's ledger, read
 * through the flying-zone plugin's ZsFzBook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-fz-card-provider.h"

#include "zs-fz-card.h"

struct _ZsFzCardProvider
{
  GObject parent_instance;
};

static void card_provider_iface_init (ZsDashboardCardProviderInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsFzCardProvider, zs_fz_card_provider, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_DASHBOARD_CARD_PROVIDER,
                                                               card_provider_iface_init))

static char *
card_provider_get_id (ZsDashboardCardProvider *provider)
{
  return g_strdup ("flying-zone");
}

static GtkWidget *
card_provider_create_card (ZsDashboardCardProvider *provider,
                           ZsStore                 *store,
                           ZsPluginEngine          *engine)
{
  /* transfer none: the engine holds it while the plugin is active */
  GObject *book = engine ? zs_plugin_engine_get_service (engine, ZS_TYPE_FZ_BOOK) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (book == NULL)
    return NULL;
  return zs_fz_card_new (ZS_FZ_BOOK (book), store, g_date_time_get_year (now));
}

static void
card_provider_iface_init (ZsDashboardCardProviderInterface *iface)
{
  iface->get_id = card_provider_get_id;
  iface->create_card = card_provider_create_card;
}

static void
zs_fz_card_provider_class_init (ZsFzCardProviderClass *klass)
{
}

static void
zs_fz_card_provider_class_finalize (ZsFzCardProviderClass *klass)
{
}

static void
zs_fz_card_provider_init (ZsFzCardProvider *self)
{
}

void
zs_fz_card_provider_register (GTypeModule *module)
{
  zs_fz_card_provider_register_type (module);
}
