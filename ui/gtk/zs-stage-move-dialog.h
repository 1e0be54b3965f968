/* zs-stage-move-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_STAGE_MOVE_DIALOG (zs_stage_move_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ZsStageMoveDialog, zs_stage_move_dialog, ZS, STAGE_MOVE_DIALOG, AdwMessageDialog)

GtkWindow   *zs_stage_move_dialog_move_project (GtkWidget         *parent,
                                                ZsStore           *store,
                                                gint64             project_id,
                                                ZsStage            stage);
GtkEditable *zs_stage_move_dialog_get_reason_entry (ZsStageMoveDialog *self);

G_END_DECLS
