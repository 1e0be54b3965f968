/* zs-activity.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-types.h"

G_BEGIN_DECLS

#define ZS_TYPE_ACTIVITY (zs_activity_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsActivity, zs_activity, ZS, ACTIVITY, GObject)

ZS_AVAILABLE_IN_ALL
ZsActivity         *zs_activity_new                (void);
ZS_AVAILABLE_IN_ALL
gint64              zs_activity_get_id             (ZsActivity     *self);
ZS_AVAILABLE_IN_ALL
gint64              zs_activity_get_version        (ZsActivity     *self);
ZS_AVAILABLE_IN_ALL
gint64              zs_activity_get_firm_id        (ZsActivity     *self);
ZS_AVAILABLE_IN_ALL
void                zs_activity_set_firm_id        (ZsActivity     *self,
                                                    gint64          firm_id);
ZS_AVAILABLE_IN_ALL
gint64              zs_activity_get_project_id     (ZsActivity     *self);
ZS_AVAILABLE_IN_ALL
void                zs_activity_set_project_id     (ZsActivity     *self,
                                                    gint64          project_id);
ZS_AVAILABLE_IN_ALL
ZsActivityKind      zs_activity_get_kind           (ZsActivity     *self);
ZS_AVAILABLE_IN_ALL
void                zs_activity_set_kind           (ZsActivity     *self,
                                                    ZsActivityKind  kind);
ZS_AVAILABLE_IN_ALL
const char         *zs_activity_get_date           (ZsActivity     *self);
ZS_AVAILABLE_IN_ALL
void                zs_activity_set_date           (ZsActivity     *self,
                                                    const char     *date);
ZS_AVAILABLE_IN_ALL
const char         *zs_activity_get_who            (ZsActivity     *self);
ZS_AVAILABLE_IN_ALL
void                zs_activity_set_who            (ZsActivity     *self,
                                                    const char     *who);
ZS_AVAILABLE_IN_ALL
const char         *zs_activity_get_notes          (ZsActivity     *self);
ZS_AVAILABLE_IN_ALL
void                zs_activity_set_notes          (ZsActivity     *self,
                                                    const char     *notes);
ZS_AVAILABLE_IN_ALL
const char         *zs_activity_get_next_follow_up (ZsActivity     *self);
ZS_AVAILABLE_IN_ALL
void                zs_activity_set_next_follow_up (ZsActivity     *self,
                                                    const char     *next_follow_up);
ZS_AVAILABLE_IN_ALL
const char         *zs_activity_get_created_at     (ZsActivity     *self);

G_END_DECLS
