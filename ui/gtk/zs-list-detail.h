/* zs-list-detail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ZS_TYPE_LIST_DETAIL (zs_list_detail_get_type ())

G_DECLARE_FINAL_TYPE (ZsListDetail, zs_list_detail, ZS, LIST_DETAIL, GtkWidget)

GtkWidget *zs_list_detail_new              (GtkWidget    *list,
                                            GtkWidget    *detail);
gboolean   zs_list_detail_get_folded       (ZsListDetail *self);
gboolean   zs_list_detail_get_showing_detail (ZsListDetail *self);
void       zs_list_detail_show_detail      (ZsListDetail *self);
void       zs_list_detail_show_list        (ZsListDetail *self);
GtkWidget *zs_list_detail_get_list         (ZsListDetail *self);
GtkWidget *zs_list_detail_get_detail       (ZsListDetail *self);
GtkWidget *zs_list_detail_get_back_button  (ZsListDetail *self);

G_END_DECLS
