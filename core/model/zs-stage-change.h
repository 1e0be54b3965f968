/* zs-stage-change.h
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

#define ZS_TYPE_STAGE_CHANGE (zs_stage_change_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsStageChange, zs_stage_change, ZS, STAGE_CHANGE, GObject)

ZS_AVAILABLE_IN_ALL
ZsStageChange      *zs_stage_change_new            (void);
ZS_AVAILABLE_IN_ALL
gint64              zs_stage_change_get_id         (ZsStageChange *self);
ZS_AVAILABLE_IN_ALL
gint64              zs_stage_change_get_project_id (ZsStageChange *self);
ZS_AVAILABLE_IN_ALL
void                zs_stage_change_set_project_id (ZsStageChange *self,
                                                    gint64         project_id);
ZS_AVAILABLE_IN_ALL
const char         *zs_stage_change_get_from_stage (ZsStageChange *self);
ZS_AVAILABLE_IN_ALL
void                zs_stage_change_set_from_stage (ZsStageChange *self,
                                                    const char    *from_stage);
ZS_AVAILABLE_IN_ALL
const char         *zs_stage_change_get_to_stage   (ZsStageChange *self);
ZS_AVAILABLE_IN_ALL
void                zs_stage_change_set_to_stage   (ZsStageChange *self,
                                                    const char    *to_stage);
ZS_AVAILABLE_IN_ALL
const char         *zs_stage_change_get_reason     (ZsStageChange *self);
ZS_AVAILABLE_IN_ALL
void                zs_stage_change_set_reason     (ZsStageChange *self,
                                                    const char    *reason);
ZS_AVAILABLE_IN_ALL
const char         *zs_stage_change_get_actor      (ZsStageChange *self);
ZS_AVAILABLE_IN_ALL
void                zs_stage_change_set_actor      (ZsStageChange *self,
                                                    const char    *actor);
ZS_AVAILABLE_IN_ALL
const char         *zs_stage_change_get_at         (ZsStageChange *self);
ZS_AVAILABLE_IN_ALL
void                zs_stage_change_set_at         (ZsStageChange *self,
                                                    const char    *at);

G_END_DECLS
