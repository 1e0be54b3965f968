/* zs-follow-up-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_FOLLOW_UP_CARD (zs_follow_up_card_get_type ())

G_DECLARE_FINAL_TYPE (ZsFollowUpCard, zs_follow_up_card, ZS, FOLLOW_UP_CARD, GtkWidget)

GtkWidget  *zs_follow_up_card_new        (void);
void        zs_follow_up_card_set_store  (ZsFollowUpCard *self,
                                          ZsStore        *store);
void        zs_follow_up_card_set_today  (ZsFollowUpCard *self,
                                          const char     *today);
void        zs_follow_up_card_reload     (ZsFollowUpCard *self);
gboolean    zs_follow_up_card_is_loading (ZsFollowUpCard *self);
const char *zs_follow_up_card_get_text   (ZsFollowUpCard *self);

G_END_DECLS
