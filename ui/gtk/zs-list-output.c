/* zs-list-output.c: a list as it is shown, to a spreadsheet or a printer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-list-output.h"
#include "zs-gtk-util-private.h"

typedef struct
{
  GtkWidget              *page;
  ZsListExportFunc        export_async;
  ZsListExportFinishFunc  export_finish;
  char                   *basename;
} Export;

#define PENDING_EXPORT "zs-pending-export"

static void
export_free (Export *export)
{
  g_free (export->basename);
  g_free (export);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Export *export = data;
  g_autoptr(GError) error = NULL;
  gint64 rows = export->export_finish (export->page, result, &error);

  if (rows < 0)
    zs_gtk_show_error (export->page, _("The list was not exported"), error);
  else
    {
      int n = (int) MIN (rows, G_MAXINT);
      /* Translators: after an export; %d is the number of rows, %s the file */
      g_autofree char *message = g_strdup_printf (ngettext ("%d row exported to %s", "%d rows exported to %s", n),
                                                  n, export->basename);

      zs_gtk_show_toast (export->page, message);
    }
  g_object_unref (export->page);
  export_free (export);
}

static void
export_path_chosen (gpointer    owner,
                    const char *path)
{
  GtkWidget *page = owner;
  /* the page now hands the export to the task, which holds the page */
  Export *export = g_object_steal_data (G_OBJECT (page), PENDING_EXPORT);

  if (export == NULL)
    return;
  g_object_ref (export->page);
  export->basename = g_path_get_basename (path);
  export->export_async (export->page, path, NULL, exported_cb, export);
}

/**
 * zs_list_output_ask_export:
 * @page: the page whose list is exported
 * @file_stem: the start of the proposed file name, such as “projects”
 * @export_async: writes the list as shown to a path
 * @export_finish: finishes @export_async
 *
 * Asks where to save, then exports and says how many rows were written.
 */
void
zs_list_output_ask_export (GtkWidget              *page,
                           const char             *file_stem,
                           ZsListExportFunc        export_async,
                           ZsListExportFinishFunc  export_finish)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("%s-%s.xlsx", file_stem, date);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Export *export = g_new0 (Export, 1);

  export->page = page;
  export->export_async = export_async;
  export->export_finish = export_finish;
  /* Translators: the file types an exported list can be saved as */
  gtk_file_filter_set_name (filter, _("Spreadsheets (XLSX, CSV)"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.csv");
  /* The chooser calls back with a path, or not at all: until then the
   * page keeps the request, and frees it with itself or the next one. */
  g_object_set_data_full (G_OBJECT (page), PENDING_EXPORT, export, (GDestroyNotify) export_free);
  zs_gtk_choose_path (GTK_WINDOW (gtk_widget_get_root (page)), GTK_FILE_CHOOSER_ACTION_SAVE,
                      _("Export What Is Shown"), _("_Export"), _("_Cancel"), name, filter,
                      export_path_chosen, page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWidget               *page)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      zs_gtk_show_error (page, _("Cannot print"), error);
    }
}

/**
 * zs_list_output_print:
 * @page: the page printed from
 * @table: what to print
 *
 * Shows the print dialog for @table; the printing runs without blocking.
 */
void
zs_list_output_print (GtkWidget    *page,
                      ZsTablePrint *table)
{
  g_autoptr(GtkPrintOperation) operation = zs_table_print_create_operation (table);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), page, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (page)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    zs_gtk_show_error (page, _("Cannot print"), error);
}

/**
 * zs_list_output_dup_title:
 * @what: what is listed, such as “Projects”
 * @filters: (nullable): the filters in force, in words
 *
 * Returns: (transfer full): a printout's title with today's date
 */
char *
zs_list_output_dup_title (const char *what,
                          const char *filters)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  if (filters == NULL || filters[0] == '\0')
    /* Translators: a printed list's title: what is listed, then the date */
    return g_strdup_printf (_("%s — %s"), what, date);
  /* Translators: a printed list's title: what is listed, its filters, the date */
  return g_strdup_printf (_("%s (%s) — %s"), what, filters, date);
}

/**
 * zs_list_output_create_menu_button:
 *
 * Returns: (transfer floating): a button with the page's `list.export`,
 *   `list.print` and `list.print-record` actions
 */
GtkWidget *
zs_list_output_create_menu_button (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _("_Export What Is Shown…"), "list.export");
  g_menu_append (menu, _("_Print List…"), "list.print");
  g_menu_append (menu, _("Print _Record…"), "list.print-record");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-save-symbolic");
  zs_gtk_set_tooltip (button, _("Export or Print"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export or Print"), -1);
  return button;
}
