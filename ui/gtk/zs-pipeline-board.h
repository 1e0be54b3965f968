/* zs-pipeline-board.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_PIPELINE_BOARD (zs_pipeline_board_get_type ())

G_DECLARE_FINAL_TYPE (ZsPipelineBoard, zs_pipeline_board, ZS, PIPELINE_BOARD, GtkWidget)

GtkWidget *zs_pipeline_board_new            (ZsStore         *store);
void       zs_pipeline_board_set_park       (ZsPipelineBoard *self,
                                             const char      *park);
void       zs_pipeline_board_reload         (ZsPipelineBoard *self);
gboolean   zs_pipeline_board_is_loading     (ZsPipelineBoard *self);
guint      zs_pipeline_board_get_n_cards    (ZsPipelineBoard *self,
                                             ZsStage          stage);
gint64     zs_pipeline_board_get_total      (ZsPipelineBoard *self,
                                             ZsStage          stage);
double     zs_pipeline_board_get_planned    (ZsPipelineBoard *self,
                                             ZsStage          stage,
                                             double          *realised);
const char *zs_pipeline_board_get_title_text (ZsPipelineBoard *self,
                                             ZsStage          stage);
const char *zs_pipeline_board_get_figures_text (ZsPipelineBoard *self,
                                             ZsStage          stage);
gint64     zs_pipeline_board_get_card_project (ZsPipelineBoard *self,
                                             ZsStage          stage,
                                             guint            index);
GtkWindow *zs_pipeline_board_drop           (ZsPipelineBoard *self,
                                             gint64           project_id,
                                             ZsStage          stage);

G_END_DECLS
