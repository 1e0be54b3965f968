/* zs-projects-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

#include "zs-list-detail.h"
#include "zs-pipeline-board.h"
#include "zs-project-list-model.h"
#include "zs-record-editor.h"
#include "zs-table-print.h"

G_BEGIN_DECLS

#define ZS_TYPE_PROJECTS_PAGE (zs_projects_page_get_type ())

G_DECLARE_FINAL_TYPE (ZsProjectsPage, zs_projects_page, ZS, PROJECTS_PAGE, GtkWidget)

GtkWidget          *zs_projects_page_new         (ZsStore        *store);
ZsProjectListModel *zs_projects_page_get_model   (ZsProjectsPage *self);
ZsPipelineBoard    *zs_projects_page_get_board   (ZsProjectsPage *self);
ZsRecordEditor     *zs_projects_page_get_editor  (ZsProjectsPage *self);
ZsListDetail       *zs_projects_page_get_list_detail (ZsProjectsPage *self);
void                zs_projects_page_set_layout  (ZsProjectsPage *self,
                                                  const char     *layout);
void                zs_projects_page_set_stage   (ZsProjectsPage *self,
                                                  const char     *stage);
void                zs_projects_page_set_park    (ZsProjectsPage *self,
                                                  const char     *park);
void                zs_projects_page_set_owner   (ZsProjectsPage *self,
                                                  const char     *owner);
void                zs_projects_page_set_sector  (ZsProjectsPage *self,
                                                  const char     *sector);
GtkEditable        *zs_projects_page_get_search_entry (ZsProjectsPage *self);
GtkColumnView      *zs_projects_page_get_column_view (ZsProjectsPage *self);
void                zs_projects_page_export_async (ZsProjectsPage     *self,
                                                   const char         *path,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gint64              zs_projects_page_export_finish (ZsProjectsPage    *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);
void                zs_projects_page_print_list_async (ZsProjectsPage *self,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
ZsTablePrint       *zs_projects_page_print_list_finish (ZsProjectsPage *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);
ZsTablePrint       *zs_projects_page_print_record (ZsProjectsPage     *self);
void                zs_projects_page_select      (ZsProjectsPage *self,
                                                  guint           position);

G_END_DECLS
