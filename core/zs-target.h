/* zs-target.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-types.h"

G_BEGIN_DECLS

#define ZS_TYPE_TARGET (zs_target_get_type ())

G_DECLARE_FINAL_TYPE (ZsTarget, zs_target, ZS, TARGET, GObject)

ZsTarget           *zs_target_new            (void);
gint64              zs_target_get_id         (ZsTarget   *self);
const char         *zs_target_get_code       (ZsTarget   *self);
void                zs_target_set_code       (ZsTarget   *self,
                                              const char *code);
const char         *zs_target_get_name       (ZsTarget   *self);
void                zs_target_set_name       (ZsTarget   *self,
                                              const char *name);
const char         *zs_target_get_name_en    (ZsTarget   *self);
void                zs_target_set_name_en    (ZsTarget   *self,
                                              const char *name_en);
const char         *zs_target_get_scope      (ZsTarget   *self);
void                zs_target_set_scope      (ZsTarget   *self,
                                              const char *scope);
int                 zs_target_get_year       (ZsTarget   *self);
void                zs_target_set_year       (ZsTarget   *self,
                                              int         year);
double              zs_target_get_value      (ZsTarget   *self);
void                zs_target_set_value      (ZsTarget   *self,
                                              double      value);
const char         *zs_target_get_unit       (ZsTarget   *self);
void                zs_target_set_unit       (ZsTarget   *self,
                                              const char *unit);
const char         *zs_target_get_comparison (ZsTarget   *self);
void                zs_target_set_comparison (ZsTarget   *self,
                                              const char *comparison);
double              zs_target_get_growth_pct (ZsTarget   *self);
void                zs_target_set_growth_pct (ZsTarget   *self,
                                              double      growth_pct);
int                 zs_target_get_clause     (ZsTarget   *self);
void                zs_target_set_clause     (ZsTarget   *self,
                                              int         clause);

G_END_DECLS
