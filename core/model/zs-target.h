/* zs-target.h
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

#define ZS_TYPE_TARGET (zs_target_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsTarget, zs_target, ZS, TARGET, GObject)

ZS_AVAILABLE_IN_ALL
ZsTarget           *zs_target_new            (void);
ZS_AVAILABLE_IN_ALL
gint64              zs_target_get_id         (ZsTarget   *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_target_get_code       (ZsTarget   *self);
ZS_AVAILABLE_IN_ALL
void                zs_target_set_code       (ZsTarget   *self,
                                              const char *code);
ZS_AVAILABLE_IN_ALL
const char         *zs_target_get_name       (ZsTarget   *self);
ZS_AVAILABLE_IN_ALL
void                zs_target_set_name       (ZsTarget   *self,
                                              const char *name);
ZS_AVAILABLE_IN_ALL
const char         *zs_target_get_name_en    (ZsTarget   *self);
ZS_AVAILABLE_IN_ALL
void                zs_target_set_name_en    (ZsTarget   *self,
                                              const char *name_en);
ZS_AVAILABLE_IN_ALL
const char         *zs_target_get_scope      (ZsTarget   *self);
ZS_AVAILABLE_IN_ALL
void                zs_target_set_scope      (ZsTarget   *self,
                                              const char *scope);
ZS_AVAILABLE_IN_ALL
int                 zs_target_get_year       (ZsTarget   *self);
ZS_AVAILABLE_IN_ALL
void                zs_target_set_year       (ZsTarget   *self,
                                              int         year);
ZS_AVAILABLE_IN_ALL
double              zs_target_get_value      (ZsTarget   *self);
ZS_AVAILABLE_IN_ALL
void                zs_target_set_value      (ZsTarget   *self,
                                              double      value);
ZS_AVAILABLE_IN_ALL
const char         *zs_target_get_unit       (ZsTarget   *self);
ZS_AVAILABLE_IN_ALL
void                zs_target_set_unit       (ZsTarget   *self,
                                              const char *unit);
ZS_AVAILABLE_IN_ALL
const char         *zs_target_get_comparison (ZsTarget   *self);
ZS_AVAILABLE_IN_ALL
void                zs_target_set_comparison (ZsTarget   *self,
                                              const char *comparison);
ZS_AVAILABLE_IN_ALL
double              zs_target_get_growth_pct (ZsTarget   *self);
ZS_AVAILABLE_IN_ALL
void                zs_target_set_growth_pct (ZsTarget   *self,
                                              double      growth_pct);
ZS_AVAILABLE_IN_ALL
int                 zs_target_get_clause     (ZsTarget   *self);
ZS_AVAILABLE_IN_ALL
void                zs_target_set_clause     (ZsTarget   *self,
                                              int         clause);

G_END_DECLS
