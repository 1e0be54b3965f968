/* zs-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_IMPORT_DIALOG (zs_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ZsImportDialog, zs_import_dialog, ZS, IMPORT_DIALOG, AdwWindow)

ZsImportDialog *zs_import_dialog_new              (GtkWindow      *parent,
                                                   ZsStore        *store);
void            zs_import_dialog_set_entity       (ZsImportDialog *self,
                                                   ZsImportEntity  entity);
gboolean        zs_import_dialog_set_file         (ZsImportDialog *self,
                                                   const char     *path);
void            zs_import_dialog_set_rejects_path (ZsImportDialog *self,
                                                   const char     *path);
gboolean        zs_import_dialog_set_column_field (ZsImportDialog *self,
                                                   const char     *column,
                                                   const char     *field);
guint           zs_import_dialog_get_n_columns    (ZsImportDialog *self);
void            zs_import_dialog_start            (ZsImportDialog *self,
                                                   gboolean        dry_run);
void            zs_import_dialog_cancel           (ZsImportDialog *self);
gboolean        zs_import_dialog_undo             (ZsImportDialog *self);
const char     *zs_import_dialog_get_state        (ZsImportDialog *self);
ZsImportJob    *zs_import_dialog_get_job          (ZsImportDialog *self);
const char     *zs_import_dialog_get_summary      (ZsImportDialog *self);
guint           zs_import_dialog_get_n_labels     (ZsImportDialog *self);
gboolean        zs_import_dialog_set_label_code   (ZsImportDialog *self,
                                                   const char     *field,
                                                   const char     *label,
                                                   const char     *code);

G_END_DECLS
