/* zs-partner-provider.c: partner regions and firms for chain matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-error.h"
#include "zs-partner-provider.h"

/**
 * ZsPartnerProvider:
 *
 * The firms of partner regions (the counterpart cities and firms of
 * 飞地 and pairing aid), which chain matching ranks higher. The plugin that
 * keeps them publishes one object implementing this interface with
 * zs_plugin_engine_add_service(); the matcher asks the engine for it with
 * zs_plugin_engine_get_service(), and goes without when none is published.
 */
G_DEFINE_INTERFACE (ZsPartnerProvider, zs_partner_provider, G_TYPE_OBJECT)

static void
zs_partner_provider_default_init (ZsPartnerProviderInterface *iface)
{
}

/**
 * zs_partner_provider_list_partner_firms:
 * @self: a #ZsPartnerProvider
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ZsFirm): the partner firms (each
 *   one's partner from zs_partner_provider_get_partner_name()), or %NULL
 *   with @error set
 */
GPtrArray *
zs_partner_provider_list_partner_firms (ZsPartnerProvider  *self,
                                        GError            **error)
{
  ZsPartnerProviderInterface *iface;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *firms;

  g_return_val_if_fail (ZS_IS_PARTNER_PROVIDER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = ZS_PARTNER_PROVIDER_GET_IFACE (self);
  if (iface->list_partner_firms == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  firms = iface->list_partner_firms (self, &local_error);
  if (local_error != NULL)
    {
      g_clear_pointer (&firms, g_ptr_array_unref);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* A Python exception other than GLib.Error arrives as no list at all. */
  if (firms == NULL)
    g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                 _("The partner provider failed without saying why"));
  return firms;
}

/**
 * zs_partner_provider_get_partner_name:
 * @self: a #ZsPartnerProvider
 * @firm: one of the firms from zs_partner_provider_list_partner_firms()
 *
 * Returns: (transfer full) (nullable): the partner region or firm @firm
 *   belongs to, or %NULL if the provider does not know it
 */
char *
zs_partner_provider_get_partner_name (ZsPartnerProvider *self,
                                      ZsFirm            *firm)
{
  ZsPartnerProviderInterface *iface;

  g_return_val_if_fail (ZS_IS_PARTNER_PROVIDER (self), NULL);
  g_return_val_if_fail (ZS_IS_FIRM (firm), NULL);

  iface = ZS_PARTNER_PROVIDER_GET_IFACE (self);
  return iface->get_partner_name != NULL ? iface->get_partner_name (self, firm) : NULL;
}
