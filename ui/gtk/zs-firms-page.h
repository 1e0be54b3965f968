/* zs-firms-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

#include "zs-firm-list-model.h"
#include "zs-list-detail.h"
#include "zs-record-editor.h"

G_BEGIN_DECLS

#define ZS_TYPE_FIRMS_PAGE (zs_firms_page_get_type ())

G_DECLARE_FINAL_TYPE (ZsFirmsPage, zs_firms_page, ZS, FIRMS_PAGE, GtkWidget)

GtkWidget       *zs_firms_page_new             (ZsStore     *store);
ZsFirmListModel *zs_firms_page_get_model       (ZsFirmsPage *self);
GtkEditable     *zs_firms_page_get_search_entry (ZsFirmsPage *self);
GtkDropDown     *zs_firms_page_get_sector_filter (ZsFirmsPage *self);
void             zs_firms_page_set_sector      (ZsFirmsPage *self,
                                                const char  *code);
const char      *zs_firms_page_get_status_text (ZsFirmsPage *self);
const char      *zs_firms_page_get_state       (ZsFirmsPage *self);
ZsRecordEditor  *zs_firms_page_get_editor      (ZsFirmsPage *self);
ZsListDetail    *zs_firms_page_get_list_detail (ZsFirmsPage *self);
void             zs_firms_page_select          (ZsFirmsPage *self,
                                                guint        position);
void             zs_firms_page_focus_search    (ZsFirmsPage *self);
void             zs_firms_page_show_editor     (ZsFirmsPage *self);
void             zs_firms_page_clear_search    (ZsFirmsPage *self);
void             zs_firms_page_open_firm       (ZsFirmsPage *self,
                                                gint64       id);
void             zs_firms_page_export_async    (ZsFirmsPage         *self,
                                                const char          *path,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gint64           zs_firms_page_export_finish   (ZsFirmsPage         *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void             zs_firms_page_print_list_async (ZsFirmsPage        *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
ZsTablePrint    *zs_firms_page_print_list_finish (ZsFirmsPage       *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
