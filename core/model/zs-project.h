/* zs-project.h
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

#define ZS_TYPE_PROJECT (zs_project_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsProject, zs_project, ZS, PROJECT, GObject)

ZS_AVAILABLE_IN_ALL
ZsProject          *zs_project_new                     (void);
ZS_AVAILABLE_IN_ALL
gint64              zs_project_get_id                  (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
gint64              zs_project_get_version             (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
gint64              zs_project_get_firm_id             (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_firm_id             (ZsProject       *self,
                                                        gint64           firm_id);
ZS_AVAILABLE_IN_ALL
const char         *zs_project_get_title               (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_title               (ZsProject       *self,
                                                        const char      *title);
ZS_AVAILABLE_IN_ALL
const char * const *zs_project_get_sectors             (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_sectors             (ZsProject       *self,
                                                        const char * const *sectors);
ZS_AVAILABLE_IN_ALL
const char         *zs_project_get_park_code           (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_park_code           (ZsProject       *self,
                                                        const char      *park_code);
ZS_AVAILABLE_IN_ALL
ZsStage             zs_project_get_stage               (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_stage               (ZsProject       *self,
                                                        ZsStage          stage);
ZS_AVAILABLE_IN_ALL
double              zs_project_get_planned_investment  (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_planned_investment  (ZsProject       *self,
                                                        double           planned_investment);
ZS_AVAILABLE_IN_ALL
double              zs_project_get_realised_investment (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_realised_investment (ZsProject       *self,
                                                        double           realised_investment);
ZS_AVAILABLE_IN_ALL
int                 zs_project_get_planned_jobs        (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_planned_jobs        (ZsProject       *self,
                                                        int              planned_jobs);
ZS_AVAILABLE_IN_ALL
double              zs_project_get_land_mu             (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_land_mu             (ZsProject       *self,
                                                        double           land_mu);
ZS_AVAILABLE_IN_ALL
ZsSourceChannel     zs_project_get_source_channel      (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_source_channel      (ZsProject       *self,
                                                        ZsSourceChannel  source_channel);
ZS_AVAILABLE_IN_ALL
gint64              zs_project_get_referrer_firm_id    (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_referrer_firm_id    (ZsProject       *self,
                                                        gint64           referrer_firm_id);
ZS_AVAILABLE_IN_ALL
const char         *zs_project_get_owner               (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_owner               (ZsProject       *self,
                                                        const char      *owner);
ZS_AVAILABLE_IN_ALL
int                 zs_project_get_clause              (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
void                zs_project_set_clause              (ZsProject       *self,
                                                        int              clause);
ZS_AVAILABLE_IN_ALL
const char         *zs_project_get_created_at          (ZsProject       *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_project_get_updated_at          (ZsProject       *self);

G_END_DECLS
