/* zs-staff.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-types.h"

G_BEGIN_DECLS

#define ZS_TYPE_STAFF (zs_staff_get_type ())

G_DECLARE_FINAL_TYPE (ZsStaff, zs_staff, ZS, STAFF, GObject)

ZsStaff            *zs_staff_new           (void);
gint64              zs_staff_get_id        (ZsStaff    *self);
const char         *zs_staff_get_name      (ZsStaff    *self);
void                zs_staff_set_name      (ZsStaff    *self,
                                            const char *name);
ZsRole              zs_staff_get_role      (ZsStaff    *self);
void                zs_staff_set_role      (ZsStaff    *self,
                                            ZsRole      role);
const char         *zs_staff_get_park_code (ZsStaff    *self);
void                zs_staff_set_park_code (ZsStaff    *self,
                                            const char *park_code);

G_END_DECLS
