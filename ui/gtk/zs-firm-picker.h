/* zs-firm-picker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_FIRM_PICKER (zs_firm_picker_get_type ())

G_DECLARE_FINAL_TYPE (ZsFirmPicker, zs_firm_picker, ZS, FIRM_PICKER, GtkWidget)

GtkWidget  *zs_firm_picker_new          (ZsStore      *store);
gint64      zs_firm_picker_get_firm_id  (ZsFirmPicker *self);
const char *zs_firm_picker_get_firm_name (ZsFirmPicker *self);
void        zs_firm_picker_set_firm     (ZsFirmPicker *self,
                                         gint64        id,
                                         const char   *name);
void        zs_firm_picker_search       (ZsFirmPicker *self,
                                         const char   *text);
GListModel *zs_firm_picker_get_results  (ZsFirmPicker *self);
gboolean    zs_firm_picker_is_searching (ZsFirmPicker *self);
GtkWidget  *zs_firm_picker_get_entry    (ZsFirmPicker *self);

G_END_DECLS
