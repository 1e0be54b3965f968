/* zs-firm-list-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-paged-model.h"

G_BEGIN_DECLS

#define ZS_TYPE_FIRM_LIST_MODEL (zs_firm_list_model_get_type ())

G_DECLARE_FINAL_TYPE (ZsFirmListModel, zs_firm_list_model, ZS, FIRM_LIST_MODEL, ZsPagedModel)

ZsFirmListModel *zs_firm_list_model_new        (ZsStore         *store);
const char      *zs_firm_list_model_get_search (ZsFirmListModel *self);
void             zs_firm_list_model_set_search (ZsFirmListModel *self,
                                                const char      *search);
const char      *zs_firm_list_model_get_sector (ZsFirmListModel *self);
void             zs_firm_list_model_set_sector (ZsFirmListModel *self,
                                                const char      *sector);
gboolean         zs_firm_list_model_is_searching (ZsFirmListModel *self);

G_END_DECLS
