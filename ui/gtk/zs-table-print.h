/* zs-table-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ZS_TYPE_TABLE_PRINT (zs_table_print_get_type ())

G_DECLARE_FINAL_TYPE (ZsTablePrint, zs_table_print, ZS, TABLE_PRINT, GObject)

ZsTablePrint      *zs_table_print_new              (const char         *title,
                                                    const char * const *columns);
void               zs_table_print_add_row          (ZsTablePrint       *self,
                                                    const char * const *row);
void               zs_table_print_add_rows         (ZsTablePrint       *self,
                                                    GPtrArray          *rows);
void               zs_table_print_set_summary      (ZsTablePrint       *self,
                                                    const char         *summary);
guint              zs_table_print_get_n_columns    (ZsTablePrint       *self);
guint              zs_table_print_get_n_rows       (ZsTablePrint       *self);
guint              zs_table_print_paginate         (ZsTablePrint       *self,
                                                    cairo_t            *cr,
                                                    double              width,
                                                    double              height);
void               zs_table_print_get_page_rows    (ZsTablePrint       *self,
                                                    guint               page,
                                                    guint              *first,
                                                    guint              *n_rows);
double             zs_table_print_get_column_width (ZsTablePrint       *self,
                                                    guint               column);
char              *zs_table_print_dup_footer       (ZsTablePrint       *self,
                                                    guint               page);
double             zs_table_print_draw_page        (ZsTablePrint       *self,
                                                    cairo_t            *cr,
                                                    guint               page);
gboolean           zs_table_print_write_pdf        (ZsTablePrint       *self,
                                                    const char         *path,
                                                    GError            **error);
GtkPrintOperation *zs_table_print_create_operation (ZsTablePrint       *self);

G_END_DECLS
