/* zs-report-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

#include "zs-table-print.h"

G_BEGIN_DECLS

#define ZS_TYPE_REPORT_DIALOG (zs_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ZsReportDialog, zs_report_dialog, ZS, REPORT_DIALOG, AdwWindow)

ZsReportDialog *zs_report_dialog_new          (GtkWindow      *parent,
                                               ZsStore        *store);
void            zs_report_dialog_set_period   (ZsReportDialog *self,
                                               const char     *from,
                                               const char     *to);
void            zs_report_dialog_set_park     (ZsReportDialog *self,
                                               const char     *park);
void            zs_report_dialog_set_sector   (ZsReportDialog *self,
                                               const char     *sector);
void            zs_report_dialog_write_async  (ZsReportDialog *self,
                                               const char     *path,
                                               GCancellable   *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer        user_data);
ZsTablePrint   *zs_report_dialog_write_finish (ZsReportDialog *self,
                                               GAsyncResult   *result,
                                               GError        **error);

G_END_DECLS
