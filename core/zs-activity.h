/* zs-activity.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-types.h"

G_BEGIN_DECLS

#define ZS_TYPE_ACTIVITY (zs_activity_get_type ())

G_DECLARE_FINAL_TYPE (ZsActivity, zs_activity, ZS, ACTIVITY, GObject)

ZsActivity         *zs_activity_new                (void);
gint64              zs_activity_get_id             (ZsActivity     *self);
gint64              zs_activity_get_firm_id        (ZsActivity     *self);
void                zs_activity_set_firm_id        (ZsActivity     *self,
                                                    gint64          firm_id);
gint64              zs_activity_get_project_id     (ZsActivity     *self);
void                zs_activity_set_project_id     (ZsActivity     *self,
                                                    gint64          project_id);
ZsActivityKind      zs_activity_get_kind           (ZsActivity     *self);
void                zs_activity_set_kind           (ZsActivity     *self,
                                                    ZsActivityKind  kind);
const char         *zs_activity_get_date           (ZsActivity     *self);
void                zs_activity_set_date           (ZsActivity     *self,
                                                    const char     *date);
const char         *zs_activity_get_who            (ZsActivity     *self);
void                zs_activity_set_who            (ZsActivity     *self,
                                                    const char     *who);
const char         *zs_activity_get_notes          (ZsActivity     *self);
void                zs_activity_set_notes          (ZsActivity     *self,
                                                    const char     *notes);
const char         *zs_activity_get_next_follow_up (ZsActivity     *self);
void                zs_activity_set_next_follow_up (ZsActivity     *self,
                                                    const char     *next_follow_up);
const char         *zs_activity_get_created_at     (ZsActivity     *self);

G_END_DECLS
