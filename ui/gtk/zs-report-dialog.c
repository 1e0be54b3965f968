/* zs-report-dialog.c: the projects report: the user chooses the period, the
 *   park and the sector; the PDF gives the totals and a table of the
 *   projects, with page numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-report-dialog.h"
#include "zs-gtk-util-private.h"

struct _ZsReportDialog
{
  AdwWindow     parent_instance;

  ZsStore      *store;
  GStrv         park_codes;    /* [0] = "" for every park */
  GStrv         sector_codes;  /* [0] = "" for every sector */
  GHashTable   *park_names;

  AdwEntryRow  *from_row;
  AdwEntryRow  *to_row;
  AdwComboRow  *park_row;
  AdwComboRow  *sector_row;
  GtkLabel     *error_label;
  GtkWidget    *save_button;
};

G_DEFINE_FINAL_TYPE (ZsReportDialog, zs_report_dialog, ADW_TYPE_WINDOW)

/* Writing {{{ */

typedef struct
{
  char            *db_path;
  char            *path;
  ZsProjectFilter *filter;
  char            *scope;       /* the park, the sector and the period in words */
  GHashTable      *park_names;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->path);
  zs_project_filter_free (job->filter);
  g_free (job->scope);
  g_hash_table_unref (job->park_names);
  g_free (job);
}

static char **
project_row (ZsStore    *store,
             ZsProject  *project,
             GHashTable *park_names)
{
  g_autoptr(ZsFirm) firm = zs_store_get_firm (store, zs_project_get_firm_id (project), NULL);
  const char *park = zs_project_get_park_code (project);
  const char *park_name = park != NULL ? g_hash_table_lookup (park_names, park) : NULL;
  char **row = g_new0 (char *, 7);

  row[0] = g_strdup (zs_project_get_title (project));
  row[1] = g_strdup (firm != NULL ? zs_firm_get_name (firm) : "");
  row[2] = g_strdup (zs_stage_get_label (zs_project_get_stage (project)));
  row[3] = g_strdup (park_name != NULL ? park_name : park != NULL ? park : "");
  row[4] = g_strdup_printf ("%.0f", zs_project_get_planned_investment (project));
  row[5] = g_strdup_printf ("%.0f", zs_project_get_realised_investment (project));
  return row;
}

/* In a worker, on a connection of its own. */
static ZsTablePrint *
build_report (Job     *job,
              GError **error)
{
  const char *columns[] = { _("Title"), _("Firm"), _("Stage"), _("Park"), _("Planned (10k ¥)"),
                            _("Realised (10k ¥)"), NULL };
  g_autoptr(ZsStore) store = zs_store_create (job->db_path, error);
  g_autoptr(GPtrArray) projects = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  double planned = 0, realised = 0;
  ZsTablePrint *table;
  int n;

  if (store == NULL ||
      (projects = zs_store_list_projects_matching (store, job->filter, 0, 0, error)) == NULL)
    return NULL;
  /* Translators: the report's title; %s says which projects, such as “霍尔果斯口岸园区, 2026-01-01 – 2026-12-03” */
  title = g_strdup_printf (_("Investment Projects — %s"), job->scope);
  table = zs_table_print_new (title, columns);
  for (guint i = 0; i < projects->len; i++)
    {
      ZsProject *project = g_ptr_array_index (projects, i);
      g_auto(GStrv) row = project_row (store, project, job->park_names);

      planned += zs_project_get_planned_investment (project);
      realised += zs_project_get_realised_investment (project);
      zs_table_print_add_row (table, (const char * const *) row);
    }
  n = (int) projects->len;
  /* Translators: under the report's title: projects, then planned and realised investment in 10,000 yuan */
  summary = g_strdup_printf (ngettext ("%d project · planned %.0f ×10k yuan · realised %.0f ×10k yuan",
                                       "%d projects · planned %.0f ×10k yuan · realised %.0f ×10k yuan", n),
                             n, planned, realised);
  zs_table_print_set_summary (table, summary);
  return table;
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  g_autoptr(ZsTablePrint) table = build_report (job, &error);

  if (table == NULL || !zs_table_print_write_pdf (table, job->path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&table), g_object_unref);
}

static const char *
selected_code (AdwComboRow *row,
               GStrv        codes)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < g_strv_length (codes) && codes[selected][0] != '\0' ? codes[selected] : NULL;
}

static const char *
selected_label (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "";
}

static char *
trimmed_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/**
 * zs_report_dialog_write_async:
 * @self: a #ZsReportDialog
 * @path: the PDF file to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is written, or was refused
 * @user_data: data for @callback
 *
 * Writes the report of the projects the dialog's choices select, off the
 * main thread. A period that is not a date is refused, naming it, and
 * nothing is written.
 */
void
zs_report_dialog_write_async (ZsReportDialog      *self,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *from = trimmed_text (self->from_row);
  g_autofree char *to = trimmed_text (self->to_row);
  /* Translators: the report's period: from, to */
  g_autofree char *period = g_strdup_printf (_("%s – %s"), from[0] != '\0' ? from : "…", to[0] != '\0' ? to : "…");
  Job *job;

  g_return_if_fail (ZS_IS_REPORT_DIALOG (self));

  job = g_new0 (Job, 1);
  job->db_path = g_strdup (zs_store_get_path (self->store));
  job->path = g_strdup (path);
  job->park_names = g_hash_table_ref (self->park_names);
  job->filter = zs_project_filter_new ();
  job->filter->park = g_strdup (selected_code (self->park_row, self->park_codes));
  job->filter->sector = g_strdup (selected_code (self->sector_row, self->sector_codes));
  job->filter->created_from = from[0] != '\0' ? g_strdup (from) : NULL;
  job->filter->created_to = to[0] != '\0' ? g_strdup (to) : NULL;
  job->filter->sort = g_strdup ("planned");
  job->filter->direction = ZS_SORT_DESCENDING;
  /* Translators: which projects a report covers: park, sector, period */
  job->scope = g_strdup_printf (_("%s, %s, %s"), selected_label (self->park_row), selected_label (self->sector_row),
                                period);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, write_in_thread);
}

/**
 * zs_report_dialog_write_finish:
 * @self: a #ZsReportDialog
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the report as written, or %NULL with @error set
 */
ZsTablePrint *
zs_report_dialog_write_finish (ZsReportDialog  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  ZsReportDialog *self = ZS_REPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsTablePrint) table = zs_report_dialog_write_finish (self, result, &error);

  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (table == NULL)
    {
      /* the choices stay as they are, to correct */
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
path_chosen (gpointer    owner,
             const char *path)
{
  ZsReportDialog *self = owner;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  zs_report_dialog_write_async (self, path, NULL, written_cb, NULL);
}

static void
save_clicked_cb (ZsReportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf (_("investment-report-%s.pdf"), date);

  zs_gtk_choose_path (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Save the Report"), _("_Save"),
                      _("_Cancel"), name, NULL, path_chosen, self);
}

/* }}} */

static GtkWidget *
combo_row (const char    *title,
           GtkStringList *labels)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), FALSE);
  return row;
}

static void
load_choices (ZsReportDialog *self,
              GtkStringList  *parks,
              GtkStringList  *sectors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) park_list = zs_store_list_parks (self->store, &error);
  g_autoptr(GPtrArray) sector_list = zs_store_list_sectors (self->store, 0, NULL);
  g_autoptr(GStrvBuilder) park_codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) sector_codes = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;

  gtk_string_list_append (parks, _("All parks"));
  g_strv_builder_add (park_codes, "");
  for (guint i = 0; park_list != NULL && i < park_list->len; i++)
    {
      ZsPark *park = g_ptr_array_index (park_list, i);

      gtk_string_list_append (parks, zs_park_get_name (park));
      g_strv_builder_add (park_codes, zs_park_get_code (park));
      g_hash_table_insert (self->park_names, g_strdup (zs_park_get_code (park)), g_strdup (zs_park_get_name (park)));
    }
  self->park_codes = g_strv_builder_end (park_codes);
  gtk_string_list_append (sectors, _("All sectors"));
  g_strv_builder_add (sector_codes, "");
  if (sector_list != NULL)
    {
      codes = zs_gtk_add_sector_choices (sector_list, sectors, NULL);
      g_strv_builder_addv (sector_codes, (const char **) codes);
    }
  self->sector_codes = g_strv_builder_end (sector_codes);
}

static GtkWidget *
create_content (ZsReportDialog *self)
{
  g_autoptr(GtkStringList) parks = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sectors = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *new_year = g_date_time_format (now, "%Y-01-01");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  load_choices (self, parks, sectors);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The projects added in the period, in the park and the sector chosen, "
                                           "with their totals"));
  self->from_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->from_row), _("_From (YYYY-MM-DD)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->from_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), new_year);
  self->to_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->to_row), _("_To (YYYY-MM-DD)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->to_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), today);
  self->park_row = ADW_COMBO_ROW (combo_row (_("_Park"), parks));
  self->sector_row = ADW_COMBO_ROW (combo_row (_("S_ector"), sectors));
  adw_combo_row_set_expression (self->sector_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->from_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->to_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->park_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->sector_row));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save Report…"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);

  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom", 12, NULL);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), box);
  return toolbar;
}

static void
zs_report_dialog_dispose (GObject *object)
{
  ZsReportDialog *self = ZS_REPORT_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (zs_report_dialog_parent_class)->dispose (object);
}

static void
zs_report_dialog_finalize (GObject *object)
{
  ZsReportDialog *self = ZS_REPORT_DIALOG (object);

  g_strfreev (self->park_codes);
  g_strfreev (self->sector_codes);
  g_hash_table_unref (self->park_names);

  G_OBJECT_CLASS (zs_report_dialog_parent_class)->finalize (object);
}

static void
zs_report_dialog_class_init (ZsReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_report_dialog_dispose;
  object_class->finalize = zs_report_dialog_finalize;
}

static void
zs_report_dialog_init (ZsReportDialog *self)
{
  self->park_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * zs_report_dialog_new:
 * @parent: the window it is for
 * @store: the store
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
ZsReportDialog *
zs_report_dialog_new (GtkWindow *parent,
                      ZsStore   *store)
{
  ZsReportDialog *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_REPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", _("Projects Report"),
                       "default-width", 420,
                       NULL);
  self->store = g_object_ref (store);
  adw_window_set_content (ADW_WINDOW (self), create_content (self));
  return self;
}

void
zs_report_dialog_set_period (ZsReportDialog *self,
                             const char     *from,
                             const char     *to)
{
  g_return_if_fail (ZS_IS_REPORT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to != NULL ? to : "");
}

static void
select_code (AdwComboRow *row,
             GStrv        codes,
             const char  *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code != NULL ? code : "") == 0)
      adw_combo_row_set_selected (row, i);
}

void
zs_report_dialog_set_park (ZsReportDialog *self,
                           const char     *park)
{
  g_return_if_fail (ZS_IS_REPORT_DIALOG (self));

  select_code (self->park_row, self->park_codes, park);
}

void
zs_report_dialog_set_sector (ZsReportDialog *self,
                             const char     *sector)
{
  g_return_if_fail (ZS_IS_REPORT_DIALOG (self));

  select_code (self->sector_row, self->sector_codes, sector);
}
