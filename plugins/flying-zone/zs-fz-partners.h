/* zs-fz-partners.h: the partner regions' firms, for chain matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_FZ_PARTNERS (zs_fz_partners_get_type ())
G_DECLARE_FINAL_TYPE (ZsFzPartners, zs_fz_partners, ZS, FZ_PARTNERS, GObject)

void          zs_fz_partners_register (GTypeModule *module);
ZsFzPartners *zs_fz_partners_new      (ZsStore     *store);

G_END_DECLS
