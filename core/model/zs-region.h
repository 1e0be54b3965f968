/* zs-region.h
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

#define ZS_TYPE_REGION (zs_region_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsRegion, zs_region, ZS, REGION, GObject)

ZS_AVAILABLE_IN_ALL
ZsRegion           *zs_region_new            (void);
ZS_AVAILABLE_IN_ALL
gint64              zs_region_get_id         (ZsRegion   *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_region_get_code       (ZsRegion   *self);
ZS_AVAILABLE_IN_ALL
void                zs_region_set_code       (ZsRegion   *self,
                                              const char *code);
ZS_AVAILABLE_IN_ALL
const char         *zs_region_get_name       (ZsRegion   *self);
ZS_AVAILABLE_IN_ALL
void                zs_region_set_name       (ZsRegion   *self,
                                              const char *name);
ZS_AVAILABLE_IN_ALL
const char         *zs_region_get_name_en    (ZsRegion   *self);
ZS_AVAILABLE_IN_ALL
void                zs_region_set_name_en    (ZsRegion   *self,
                                              const char *name_en);
ZS_AVAILABLE_IN_ALL
const char         *zs_region_get_group_name (ZsRegion   *self);
ZS_AVAILABLE_IN_ALL
void                zs_region_set_group_name (ZsRegion   *self,
                                              const char *group_name);

G_END_DECLS
