/* zs-project-list-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-paged-model.h"

G_BEGIN_DECLS

#define ZS_TYPE_PROJECT_LIST_MODEL (zs_project_list_model_get_type ())

G_DECLARE_FINAL_TYPE (ZsProjectListModel, zs_project_list_model, ZS, PROJECT_LIST_MODEL, ZsPagedModel)

ZsProjectListModel *zs_project_list_model_new         (ZsStore            *store);
const char         *zs_project_list_model_get_stage   (ZsProjectListModel *self);
void                zs_project_list_model_set_stage   (ZsProjectListModel *self,
                                                       const char         *stage);
const char         *zs_project_list_model_get_park    (ZsProjectListModel *self);
void                zs_project_list_model_set_park    (ZsProjectListModel *self,
                                                       const char         *park);
gint64              zs_project_list_model_get_firm_id (ZsProjectListModel *self);
void                zs_project_list_model_set_firm_id (ZsProjectListModel *self,
                                                       gint64              firm_id);
const char         *zs_project_list_model_get_owner   (ZsProjectListModel *self);
void                zs_project_list_model_set_owner   (ZsProjectListModel *self,
                                                       const char         *owner);
const char         *zs_project_list_model_get_sector  (ZsProjectListModel *self);
void                zs_project_list_model_set_sector  (ZsProjectListModel *self,
                                                       const char         *sector);
const char         *zs_project_list_model_get_search  (ZsProjectListModel *self);
void                zs_project_list_model_set_search  (ZsProjectListModel *self,
                                                       const char         *search);
void                zs_project_list_model_set_sort    (ZsProjectListModel *self,
                                                       const char         *column,
                                                       ZsSortDirection     direction);
const ZsProjectFilter *zs_project_list_model_get_filter (ZsProjectListModel *self);

const char *zs_project_list_model_get_firm_name (ZsProject *project);

G_END_DECLS
