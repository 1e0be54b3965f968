/* zs-list-output.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zs-table-print.h"

G_BEGIN_DECLS

typedef void   (*ZsListExportFunc)       (gpointer              page,
                                          const char           *path,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
typedef gint64 (*ZsListExportFinishFunc) (gpointer              page,
                                          GAsyncResult         *result,
                                          GError              **error);

void  zs_list_output_ask_export (GtkWidget              *page,
                                 const char             *file_stem,
                                 ZsListExportFunc        export_async,
                                 ZsListExportFinishFunc  export_finish);
void  zs_list_output_print      (GtkWidget              *page,
                                 ZsTablePrint           *table);
GtkWidget *zs_list_output_create_menu_button (void);
char *zs_list_output_dup_title  (const char             *what,
                                 const char             *filters);

G_END_DECLS
