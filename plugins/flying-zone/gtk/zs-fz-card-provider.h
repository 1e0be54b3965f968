/* zs-fz-card-provider.h: the flying zones' card on the dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang-gtk.h>

G_BEGIN_DECLS

#define ZS_TYPE_FZ_CARD_PROVIDER (zs_fz_card_provider_get_type ())
G_DECLARE_FINAL_TYPE (ZsFzCardProvider, zs_fz_card_provider, ZS, FZ_CARD_PROVIDER, GObject)

void zs_fz_card_provider_register (GTypeModule *module);

G_END_DECLS
