/* zs-record-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

#include "zs-firm-hub.h"
#include "zs-history-list.h"
#include "zs-table-print.h"
#include "zs-record-form.h"

G_BEGIN_DECLS

#define ZS_TYPE_RECORD_EDITOR (zs_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (ZsRecordEditor, zs_record_editor, ZS, RECORD_EDITOR, GtkWidget)

typedef void (*ZsRecordEditorLeaveFunc) (gpointer user_data);

GtkWidget     *zs_record_editor_new            (ZsStore        *store,
                                                const char     *entity);
const char    *zs_record_editor_get_entity     (ZsRecordEditor *self);
gint64         zs_record_editor_get_record_id  (ZsRecordEditor *self);
void           zs_record_editor_set_record_id  (ZsRecordEditor *self,
                                                gint64          id);
void           zs_record_editor_new_record     (ZsRecordEditor *self);
gboolean       zs_record_editor_save           (ZsRecordEditor *self);
ZsRecordForm  *zs_record_editor_get_form       (ZsRecordEditor *self);
ZsHistoryList *zs_record_editor_get_history    (ZsRecordEditor *self);
const char    *zs_record_editor_get_error_text (ZsRecordEditor *self);
void           zs_record_editor_show_history   (ZsRecordEditor *self);
gboolean       zs_record_editor_is_dirty       (ZsRecordEditor *self);
void           zs_record_editor_confirm_leave  (ZsRecordEditor          *self,
                                                ZsRecordEditorLeaveFunc  leave,
                                                gpointer                 user_data,
                                                GDestroyNotify           destroy);
ZsFirmHub     *zs_record_editor_get_hub       (ZsRecordEditor *self);
ZsRelatedRecords *zs_record_editor_get_related (ZsRecordEditor *self);
void              zs_record_editor_show_related (ZsRecordEditor *self);
void           zs_record_editor_show_hub      (ZsRecordEditor *self);
ZsTablePrint  *zs_record_editor_print          (ZsRecordEditor *self);
AdwMessageDialog *zs_record_editor_get_leave_dialog (ZsRecordEditor *self);

G_END_DECLS
