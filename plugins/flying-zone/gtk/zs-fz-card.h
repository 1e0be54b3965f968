/* zs-fz-card.h: the dashboard card of flying zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

#include "zs-fz-book.h"

G_BEGIN_DECLS

#define ZS_TYPE_FZ_CARD (zs_fz_card_get_type ())
G_DECLARE_FINAL_TYPE (ZsFzCard, zs_fz_card, ZS, FZ_CARD, GtkBox)

GtkWidget  *zs_fz_card_new         (ZsFzBook  *book,
                                    ZsStore   *store,
                                    int        year);
const char *zs_fz_card_get_summary (ZsFzCard  *self);
void        zs_fz_card_refresh     (ZsFzCard  *self);

G_END_DECLS
