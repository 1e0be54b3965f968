/* zs-record-type-page.h: a list-and-form page for any record type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_GTK_INSIDE) && !defined (ZHAOSHANG_GTK_COMPILATION)
# error "Only <zhaoshang-gtk.h> can be included directly."
#endif

#include <gtk/gtk.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_RECORD_TYPE_PAGE (zs_record_type_page_get_type ())
G_DECLARE_FINAL_TYPE (ZsRecordTypePage, zs_record_type_page, ZS, RECORD_TYPE_PAGE, GtkWidget)

GtkWidget    *zs_record_type_page_new            (ZsStore          *store,
                                                  const char       *type_name);
ZsRecordType *zs_record_type_page_get_record_type (ZsRecordTypePage *self);
GListModel   *zs_record_type_page_get_records    (ZsRecordTypePage *self);
void          zs_record_type_page_set_search     (ZsRecordTypePage *self,
                                                  const char       *text);
void          zs_record_type_page_new_record     (ZsRecordTypePage *self);
void          zs_record_type_page_select_record  (ZsRecordTypePage *self,
                                                  gint64            id);
gint64        zs_record_type_page_get_record_id  (ZsRecordTypePage *self);
GtkWidget    *zs_record_type_page_get_input      (ZsRecordTypePage *self,
                                                  const char       *field);
char         *zs_record_type_page_get_field_text (ZsRecordTypePage *self,
                                                  const char       *field);
void          zs_record_type_page_set_field_text (ZsRecordTypePage *self,
                                                  const char       *field,
                                                  const char       *text);
gboolean      zs_record_type_page_save           (ZsRecordTypePage *self);
const char   *zs_record_type_page_get_error_text (ZsRecordTypePage *self);
GListModel   *zs_record_type_page_get_history    (ZsRecordTypePage *self);

G_END_DECLS
