/* zs-partner-provider.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-firm.h"

G_BEGIN_DECLS

#define ZS_TYPE_PARTNER_PROVIDER (zs_partner_provider_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (ZsPartnerProvider, zs_partner_provider, ZS, PARTNER_PROVIDER, GObject)

/**
 * ZsPartnerProviderInterface:
 * @list_partner_firms: the firms of the partner regions
 * @get_partner_name: the partner region or firm one of those firms belongs to
 *
 * Partner data for chain matching, published as a service
 * (zs_plugin_engine_add_service()) by the plugin that keeps it.
 */
struct _ZsPartnerProviderInterface
{
  GTypeInterface parent_iface;

  GPtrArray *(*list_partner_firms) (ZsPartnerProvider  *self,
                                    GError            **error);
  char      *(*get_partner_name)   (ZsPartnerProvider  *self,
                                    ZsFirm             *firm);
};

ZS_AVAILABLE_IN_ALL
GPtrArray *zs_partner_provider_list_partner_firms (ZsPartnerProvider  *self,
                                                   GError            **error);
ZS_AVAILABLE_IN_ALL
char      *zs_partner_provider_get_partner_name   (ZsPartnerProvider  *self,
                                                   ZsFirm             *firm);

G_END_DECLS
