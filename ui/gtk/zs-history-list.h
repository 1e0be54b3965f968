/* zs-history-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_HISTORY_LIST (zs_history_list_get_type ())

G_DECLARE_FINAL_TYPE (ZsHistoryList, zs_history_list, ZS, HISTORY_LIST, GtkWidget)

GtkWidget  *zs_history_list_new           (ZsStore       *store);
void        zs_history_list_set_record    (ZsHistoryList *self,
                                           const char    *entity,
                                           gint64         entity_id);
GListModel *zs_history_list_get_changes   (ZsHistoryList *self);
void        zs_history_list_set_field_labels (ZsHistoryList *self,
                                             GHashTable    *labels);
char       *zs_history_list_dup_title     (ZsHistoryList *self,
                                           guint          position);
gboolean    zs_history_list_revert        (ZsHistoryList *self,
                                           gint64         change_id);
const char *zs_history_list_get_error_text (ZsHistoryList *self);
AdwMessageDialog *zs_history_list_get_confirmation (ZsHistoryList *self);
AdwToast         *zs_history_list_get_undo_toast   (ZsHistoryList *self);

G_END_DECLS
