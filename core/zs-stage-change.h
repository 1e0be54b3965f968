/* zs-stage-change.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-types.h"

G_BEGIN_DECLS

#define ZS_TYPE_STAGE_CHANGE (zs_stage_change_get_type ())

G_DECLARE_FINAL_TYPE (ZsStageChange, zs_stage_change, ZS, STAGE_CHANGE, GObject)

ZsStageChange      *zs_stage_change_new            (void);
gint64              zs_stage_change_get_id         (ZsStageChange *self);
gint64              zs_stage_change_get_project_id (ZsStageChange *self);
void                zs_stage_change_set_project_id (ZsStageChange *self,
                                                    gint64         project_id);
const char         *zs_stage_change_get_from_stage (ZsStageChange *self);
void                zs_stage_change_set_from_stage (ZsStageChange *self,
                                                    const char    *from_stage);
const char         *zs_stage_change_get_to_stage   (ZsStageChange *self);
void                zs_stage_change_set_to_stage   (ZsStageChange *self,
                                                    const char    *to_stage);
const char         *zs_stage_change_get_reason     (ZsStageChange *self);
void                zs_stage_change_set_reason     (ZsStageChange *self,
                                                    const char    *reason);
const char         *zs_stage_change_get_actor      (ZsStageChange *self);
void                zs_stage_change_set_actor      (ZsStageChange *self,
                                                    const char    *actor);
const char         *zs_stage_change_get_at         (ZsStageChange *self);
void                zs_stage_change_set_at         (ZsStageChange *self,
                                                    const char    *at);

G_END_DECLS
