/* zs-related-records.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_RELATED_RECORDS (zs_related_records_get_type ())

G_DECLARE_FINAL_TYPE (ZsRelatedRecords, zs_related_records, ZS, RELATED_RECORDS, GtkWidget)

GtkWidget *zs_related_records_new           (ZsStore           *store,
                                             const char        *type_name,
                                             const char * const *skip_types);
void       zs_related_records_set_record    (ZsRelatedRecords  *self,
                                             gint64             id);
gint64     zs_related_records_get_record    (ZsRelatedRecords  *self);
guint      zs_related_records_get_n_groups  (ZsRelatedRecords  *self);
guint      zs_related_records_get_n_records (ZsRelatedRecords  *self);
gboolean   zs_related_records_is_loading    (ZsRelatedRecords  *self);

G_END_DECLS
