/* zs-follow-up-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

#include "zs-firm-picker.h"

G_BEGIN_DECLS

#define ZS_TYPE_FOLLOW_UP_DIALOG (zs_follow_up_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ZsFollowUpDialog, zs_follow_up_dialog, ZS, FOLLOW_UP_DIALOG, AdwWindow)

GtkWidget    *zs_follow_up_dialog_new            (ZsStore            *store,
                                                  const char * const *staff,
                                                  const char         *me,
                                                  const char         *today);
gint64        zs_follow_up_dialog_save           (ZsFollowUpDialog   *self);
gboolean      zs_follow_up_dialog_is_dirty       (ZsFollowUpDialog   *self);
ZsFirmPicker *zs_follow_up_dialog_get_firm_picker (ZsFollowUpDialog  *self);
GtkEditable  *zs_follow_up_dialog_get_due_entry  (ZsFollowUpDialog   *self);
GtkEditable  *zs_follow_up_dialog_get_notes_entry (ZsFollowUpDialog  *self);
GtkDropDown  *zs_follow_up_dialog_get_staff      (ZsFollowUpDialog   *self);
const char   *zs_follow_up_dialog_get_error      (ZsFollowUpDialog   *self);

GtkWidget    *zs_follow_up_staff_picker_new      (const char * const *staff,
                                                  const char         *selected);

G_END_DECLS
