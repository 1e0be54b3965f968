/* zs-staff.h
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

#define ZS_TYPE_STAFF (zs_staff_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsStaff, zs_staff, ZS, STAFF, GObject)

ZS_AVAILABLE_IN_ALL
ZsStaff            *zs_staff_new           (void);
ZS_AVAILABLE_IN_ALL
gint64              zs_staff_get_id        (ZsStaff    *self);
ZS_AVAILABLE_IN_ALL
gint64              zs_staff_get_version   (ZsStaff    *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_staff_get_name      (ZsStaff    *self);
ZS_AVAILABLE_IN_ALL
void                zs_staff_set_name      (ZsStaff    *self,
                                            const char *name);
ZS_AVAILABLE_IN_ALL
ZsRole              zs_staff_get_role      (ZsStaff    *self);
ZS_AVAILABLE_IN_ALL
void                zs_staff_set_role      (ZsStaff    *self,
                                            ZsRole      role);
ZS_AVAILABLE_IN_ALL
const char         *zs_staff_get_park_code (ZsStaff    *self);
ZS_AVAILABLE_IN_ALL
void                zs_staff_set_park_code (ZsStaff    *self,
                                            const char *park_code);

G_END_DECLS
