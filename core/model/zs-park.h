/* zs-park.h
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

#define ZS_TYPE_PARK (zs_park_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsPark, zs_park, ZS, PARK, GObject)

ZS_AVAILABLE_IN_ALL
ZsPark             *zs_park_new             (void);
ZS_AVAILABLE_IN_ALL
gint64              zs_park_get_id          (ZsPark     *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_park_get_code        (ZsPark     *self);
ZS_AVAILABLE_IN_ALL
void                zs_park_set_code        (ZsPark     *self,
                                             const char *code);
ZS_AVAILABLE_IN_ALL
const char         *zs_park_get_name        (ZsPark     *self);
ZS_AVAILABLE_IN_ALL
void                zs_park_set_name        (ZsPark     *self,
                                             const char *name);
ZS_AVAILABLE_IN_ALL
const char         *zs_park_get_name_en     (ZsPark     *self);
ZS_AVAILABLE_IN_ALL
void                zs_park_set_name_en     (ZsPark     *self,
                                             const char *name_en);
ZS_AVAILABLE_IN_ALL
const char         *zs_park_get_kind        (ZsPark     *self);
ZS_AVAILABLE_IN_ALL
void                zs_park_set_kind        (ZsPark     *self,
                                             const char *kind);
ZS_AVAILABLE_IN_ALL
const char         *zs_park_get_region_code (ZsPark     *self);
ZS_AVAILABLE_IN_ALL
void                zs_park_set_region_code (ZsPark     *self,
                                             const char *region_code);
ZS_AVAILABLE_IN_ALL
const char         *zs_park_get_parent_code (ZsPark     *self);
ZS_AVAILABLE_IN_ALL
void                zs_park_set_parent_code (ZsPark     *self,
                                             const char *parent_code);
ZS_AVAILABLE_IN_ALL
int                 zs_park_get_clause      (ZsPark     *self);
ZS_AVAILABLE_IN_ALL
void                zs_park_set_clause      (ZsPark     *self,
                                             int         clause);

G_END_DECLS
