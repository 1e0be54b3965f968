/* zs-follow-up.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include <glib-object.h>

#include "zs-version-macros.h"

G_BEGIN_DECLS

#define ZS_TYPE_FOLLOW_UP (zs_follow_up_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsFollowUp, zs_follow_up, ZS, FOLLOW_UP, GObject)

ZS_AVAILABLE_IN_ALL
ZsFollowUp *zs_follow_up_new           (const char *title,
                                        gint64      firm_id,
                                        const char *due,
                                        const char *assignee,
                                        const char *source_id,
                                        const char *action_id);
ZS_AVAILABLE_IN_ALL
const char *zs_follow_up_get_title     (ZsFollowUp *self);
ZS_AVAILABLE_IN_ALL
gint64      zs_follow_up_get_firm_id   (ZsFollowUp *self);
ZS_AVAILABLE_IN_ALL
const char *zs_follow_up_get_due       (ZsFollowUp *self);
ZS_AVAILABLE_IN_ALL
const char *zs_follow_up_get_assignee  (ZsFollowUp *self);
ZS_AVAILABLE_IN_ALL
const char *zs_follow_up_get_source_id (ZsFollowUp *self);
ZS_AVAILABLE_IN_ALL
const char *zs_follow_up_get_action_id (ZsFollowUp *self);

G_END_DECLS
