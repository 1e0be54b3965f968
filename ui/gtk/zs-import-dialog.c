/* zs-import-dialog.c: importing a spreadsheet through the core import job
 *
 * Choose a file, see its first rows with a field chosen for each column,
 * check it with a dry run, then import with a progress bar that can be
 * cancelled. Rejected rows go to a file the user can choose; a finished
 * import can be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "zs-import-dialog.h"
#include "zs-gtk-util-private.h"

/* Rows shown under the column headers. */
#define PREVIEW_ROWS 5
/* The two choices before the fields in every column's drop-down. */
#define CHOICE_AUTOMATIC 0
#define CHOICE_IGNORE 1

struct _ZsImportDialog
{
  AdwWindow             parent_instance;

  ZsStore              *store;
  ZsImportEntity        entity;
  char                 *path;
  char                 *rejects_path;
  GStrv                 header;
  GPtrArray            *column_choices;   /* GtkDropDown per column */
  GPtrArray            *label_maps;       /* field, label, code, … chosen for labels left out */
  ZsImportJob          *job;
  GCancellable         *cancellable;
  gboolean              running;

  GtkStack             *stack;
  GtkDropDown          *entity_choice;
  GtkDropDown          *duplicate_choice;
  GtkLabel             *file_label;
  GtkGrid              *preview_grid;
  GtkLabel             *rejects_label;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GtkLabel             *summary_label;
  GtkBox               *labels_box;       /* a drop-down per label left out */
  GtkButton            *undo_button;
  GtkButton            *import_button;
  GtkButton            *import_now_button;
  GtkButton            *import_again_button;
};

G_DEFINE_FINAL_TYPE (ZsImportDialog, zs_import_dialog, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const entity_labels[] = {
  N_("Firms"), N_("Contacts"), N_("Projects"), N_("Activities"), NULL
};

static const char * const duplicate_labels[] = {
  N_("Keep the existing record"), N_("Update the existing record"), N_("Reject the row"), NULL
};

/* Preview {{{ */

static void
clear_preview (ZsImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_ptr_array_set_size (self->column_choices, 0);
}

static GtkWidget *
create_field_choice (ZsImportDialog *self)
{
  const char * const *fields = zs_import_entity_get_fields (self->entity);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("Automatic"));
  gtk_string_list_append (labels, _("Ignore"));
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    gtk_string_list_append (labels, fields[i]);
  return gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
}

static GtkWidget *
cell (const char *text,
      const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
fill_header (ZsImportDialog *self)
{
  for (guint i = 0; self->header[i] != NULL; i++)
    {
      GtkWidget *choice = create_field_choice (self);

      gtk_grid_attach (self->preview_grid, cell (self->header[i], "heading"), i, 0, 1, 1);
      gtk_grid_attach (self->preview_grid, choice, i, 1, 1, 1);
      gtk_grid_attach (self->preview_grid, cell ("", "dim-label"), i, 2, 1, 1);
      g_ptr_array_add (self->column_choices, choice);
    }
}

static gboolean
load_preview (ZsImportDialog  *self,
              GError         **error)
{
  g_autoptr(ZsRowSource) source = zs_row_source_open (self->path, NULL, NULL, error);
  g_autofree char *description = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;

  if (source == NULL)
    return FALSE;
  g_clear_pointer (&self->header, g_strfreev);
  self->header = zs_row_source_read_row (source, NULL, error);
  if (self->header == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("The file is empty"));
      return FALSE;
    }

  clear_preview (self);
  fill_header (self);
  for (guint row = 0; row < PREVIEW_ROWS; row++)
    {
      g_auto(GStrv) fields = zs_row_source_read_row (source, NULL, NULL);

      for (guint i = 0; fields != NULL && fields[i] != NULL && self->header[i] != NULL; i++)
        gtk_grid_attach (self->preview_grid, cell (fields[i], NULL), i, row + 3, 1, 1);
      if (fields == NULL)
        break;
    }

  basename = g_path_get_basename (self->path);
  description = zs_row_source_get_description (source);
  /* Translators: the file being imported and what was detected in it */
  text = g_strdup_printf (_("%s — %s"), basename, description != NULL ? description : "");
  gtk_label_set_label (self->file_label, text);
  return TRUE;
}

static void
show_rejects_path (ZsImportDialog *self)
{
  /* Translators: %s is a file name */
  g_autofree char *text = g_strdup_printf (_("Rejected rows are saved to %s"), self->rejects_path);

  gtk_label_set_label (self->rejects_label, text);
}

/* }}} */

/* Running {{{ */

static void
progress_cb (ZsImportDialog *self,
             guint64         rows,
             double          fraction)
{
  /* Translators: %s is a number of rows */
  g_autofree char *rows_text = g_strdup_printf ("%" PRIu64, rows);
  g_autofree char *text = g_strdup_printf (_("%s rows read"), rows_text);

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_label_set_label (self->progress_label, text);
}

static void
show_mapping (ZsImportDialog *self)
{
  const char * const *mapping = zs_import_job_get_mapping (self->job);

  for (guint i = 0; self->header != NULL && self->header[i] != NULL; i++)
    {
      GtkLabel *label = GTK_LABEL (gtk_grid_get_child_at (self->preview_grid, i, 2));
      g_autofree char *prefix = g_strconcat (self->header[i], "=", NULL);
      const char *field = NULL;

      for (guint j = 0; mapping != NULL && mapping[j] != NULL; j++)
        if (g_str_has_prefix (mapping[j], prefix))
          field = mapping[j] + strlen (prefix);
      /* Translators: the field a column was read into; — for none */
      gtk_label_set_label (label, field != NULL ? field : _("—"));
    }
}

static char *
describe_result (ZsImportDialog *self,
                 gboolean        dry_run,
                 const GError   *error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *unmapped = NULL;
  const char * const *columns = zs_import_job_get_unmapped_columns (self->job);
  g_autoptr(GVariant) warnings = zs_import_job_get_warnings (self->job);

  if (error != NULL)
    g_string_append_printf (text, "%s\n\n", error->message);
  g_string_append (text, dry_run ? _("Dry run: nothing was written.") : _("Import finished."));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Rows read: %" PRIu64 "\nNew: %" PRIu64
                                  "\nUpdated: %" PRIu64 "\nSkipped: %" PRIu64
                                  "\nRejected: %" PRIu64),
                          zs_import_job_get_rows_read (self->job), zs_import_job_get_inserted (self->job),
                          zs_import_job_get_updated (self->job), zs_import_job_get_skipped (self->job),
                          zs_import_job_get_rejected (self->job));
  if (zs_import_job_get_rejected (self->job) > 0 && self->rejects_path != NULL)
    g_string_append_printf (text, _("\nRejected rows, with the reason, are in %s"), self->rejects_path);
  if (columns != NULL && columns[0] != NULL)
    {
      unmapped = g_strjoinv (", ", (char **) columns);
      g_string_append_printf (text, _("\nColumns not imported: %s"), unmapped);
    }
  if (g_variant_n_children (warnings) > 0)
    g_string_append (text, _("\n\nSome sector or region labels name no code, or several: the firms were "
                             "imported without them and keep them in their notes. Choose a code for each "
                             "label below, then import again."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Labels left out {{{ */

static void
remember_label_map (ZsImportDialog *self,
                    const char     *field,
                    const char     *label,
                    const char     *code)
{
  for (guint i = 0; i + 2 < self->label_maps->len; i += 3)
    if (g_str_equal (self->label_maps->pdata[i], field) && g_str_equal (self->label_maps->pdata[i + 1], label))
      {
        g_ptr_array_remove_range (self->label_maps, i, 3);
        break;
      }
  if (code == NULL)
    return;
  g_ptr_array_add (self->label_maps, g_strdup (field));
  g_ptr_array_add (self->label_maps, g_strdup (label));
  g_ptr_array_add (self->label_maps, g_strdup (code));
}

static void
label_choice_cb (GtkDropDown    *choice,
                 GParamSpec     *pspec,
                 ZsImportDialog *self)
{
  GStrv codes = g_object_get_data (G_OBJECT (choice), "codes");
  guint selected = gtk_drop_down_get_selected (choice);

  remember_label_map (self, g_object_get_data (G_OBJECT (choice), "field"),
                      g_object_get_data (G_OBJECT (choice), "label"),
                      selected > 0 && selected <= g_strv_length (codes) ? codes[selected - 1] : NULL);
}

/* The codes a label may be given: its candidates, or every sector (region). */
static void
label_codes (ZsImportDialog  *self,
             const char      *field,
             const char     **candidates,
             const char     **names,
             GStrvBuilder    *codes,
             GStrvBuilder    *titles)
{
  g_autoptr(GPtrArray) all = NULL;
  gboolean sectors = g_str_equal (field, "sectors");

  if (candidates[0] != NULL)
    {
      for (guint i = 0; candidates[i] != NULL; i++)
        {
          g_autofree char *title = g_strdup_printf ("%s (%s)", names[i], candidates[i]);

          g_strv_builder_add (codes, candidates[i]);
          g_strv_builder_add (titles, title);
        }
      return;
    }
  all = sectors ? zs_store_list_sectors (self->store, 0, NULL) : zs_store_list_regions (self->store, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      const char *code = sectors ? zs_sector_get_code (all->pdata[i]) : zs_region_get_code (all->pdata[i]);
      const char *name = sectors ? zs_sector_get_name (all->pdata[i]) : zs_region_get_name (all->pdata[i]);
      g_autofree char *title = g_strdup_printf ("%s (%s)", name, code);

      g_strv_builder_add (codes, code);
      g_strv_builder_add (titles, title);
    }
}

static void
show_labels (ZsImportDialog *self)
{
  g_autoptr(GVariant) warnings = zs_import_job_get_warnings (self->job);
  GtkWidget *child;
  GVariantIter iter;
  const char *field, *label;
  const char **candidates, **names;
  guint32 rows;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->labels_box))) != NULL)
    gtk_box_remove (self->labels_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->labels_box), g_variant_n_children (warnings) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->import_again_button),
                          g_variant_n_children (warnings) > 0 && zs_import_job_get_import_id (self->job) > 0);
  g_variant_iter_init (&iter, warnings);
  while (g_variant_iter_next (&iter, "(&s&su^a&s^a&s)", &field, &label, &rows, &candidates, &names))
    {
      g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
      g_auto(GStrv) title_list = NULL;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s “%s” (%u row)", "%s “%s” (%u rows)", rows),
                                               g_str_equal (field, "sectors") ? _("Sector") : _("Region"),
                                               label, rows);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *name = gtk_label_new (text);
      GtkDropDown *choice;

      g_strv_builder_add (titles, _("Leave unmapped"));
      label_codes (self, field, candidates, names, codes, titles);
      title_list = g_strv_builder_end (titles);
      choice = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const *) title_list));
      g_object_set_data_full (G_OBJECT (choice), "codes", g_strv_builder_end (codes), (GDestroyNotify) g_strfreev);
      g_object_set_data_full (G_OBJECT (choice), "field", g_strdup (field), g_free);
      g_object_set_data_full (G_OBJECT (choice), "label", g_strdup (label), g_free);
      g_signal_connect (choice, "notify::selected", G_CALLBACK (label_choice_cb), self);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (choice));
      gtk_box_append (self->labels_box, row);
      g_free (candidates);
      g_free (names);
    }
}

/**
 * zs_import_dialog_get_n_labels:
 * @self: a #ZsImportDialog
 *
 * Returns: how many labels of the last run named no code, or several
 */
guint
zs_import_dialog_get_n_labels (ZsImportDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (ZS_IS_IMPORT_DIALOG (self), 0);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->labels_box)))
    return 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->labels_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/**
 * zs_import_dialog_set_label_code:
 * @self: a #ZsImportDialog
 * @field: "sectors" or "region_code"
 * @label: a label the last run listed
 * @code: (nullable): one of the codes offered for it, %NULL to leave it
 *
 * Chooses @code in the label's drop-down, for the next run.
 *
 * Returns: %FALSE if the label or the code is not offered
 */
gboolean
zs_import_dialog_set_label_code (ZsImportDialog *self,
                                 const char     *field,
                                 const char     *label,
                                 const char     *code)
{
  g_return_val_if_fail (ZS_IS_IMPORT_DIALOG (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->labels_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *choice = gtk_widget_get_last_child (row);
      GStrv codes = choice ? g_object_get_data (G_OBJECT (choice), "codes") : NULL;

      if (codes == NULL || g_strcmp0 (g_object_get_data (G_OBJECT (choice), "field"), field) != 0 ||
          g_strcmp0 (g_object_get_data (G_OBJECT (choice), "label"), label) != 0)
        continue;
      if (code == NULL)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), 0);
          return TRUE;
        }
      for (guint i = 0; codes[i] != NULL; i++)
        if (g_str_equal (codes[i], code))
          {
            gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), i + 1);
            return TRUE;
          }
      return FALSE;
    }
  return FALSE;
}

/* }}} */

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ZsImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean ok = zs_import_job_run_finish (ZS_IMPORT_JOB (object), result, &error);
  gboolean dry_run = GPOINTER_TO_INT (g_object_get_data (object, "dry-run"));

  self->running = FALSE;
  g_clear_object (&self->cancellable);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&error);
      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                   _("The import was cancelled. Rows committed before that stay; undo the import to remove them."));
    }
  summary = describe_result (self, dry_run, error);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), !dry_run && zs_import_job_get_import_id (self->job) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->import_now_button), dry_run && ok);
  show_labels (self);
  show_mapping (self);
  gtk_stack_set_visible_child_name (self->stack, "done");
  g_signal_emit (self, signals[FINISHED], 0, dry_run, ok);
}

/* A file that cannot be read or a mapping the job refuses: nothing ran, so
 * there is nothing to undo or to import for real. */
static void
show_failure (ZsImportDialog *self,
              const char     *message)
{
  gtk_label_set_label (self->summary_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_now_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_again_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->labels_box), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "done");
}

static gboolean
apply_mapping (ZsImportDialog  *self,
               ZsImportJob     *job,
               GError         **error)
{
  const char * const *fields = zs_import_entity_get_fields (self->entity);

  for (guint i = 0; i < self->column_choices->len; i++)
    {
      guint choice = gtk_drop_down_get_selected (g_ptr_array_index (self->column_choices, i));

      if (choice == CHOICE_AUTOMATIC)
        continue;
      if (!zs_import_job_add_mapping (job, self->header[i],
                                      choice == CHOICE_IGNORE ? "-" : fields[choice - 2], error))
        return FALSE;
    }
  return TRUE;
}

/**
 * zs_import_dialog_start:
 * @self: a #ZsImportDialog
 * @dry_run: check only, write nothing
 *
 * Runs the import job on the chosen file with the chosen fields.
 */
void
zs_import_dialog_start (ZsImportDialog *self,
                        gboolean        dry_run)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ZS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->path != NULL && !self->running);

  g_clear_object (&self->job);
  self->job = zs_import_job_new (self->store, self->entity, self->path);
  zs_import_job_set_dry_run (self->job, dry_run);
  zs_import_job_set_rejects_path (self->job, self->rejects_path);
  zs_import_job_set_duplicate_policy (self->job, gtk_drop_down_get_selected (self->duplicate_choice));
  g_object_set_data (G_OBJECT (self->job), "dry-run", GINT_TO_POINTER (dry_run));
  for (guint i = 0; i + 2 < self->label_maps->len; i += 3)
    zs_import_job_map_label (self->job, self->label_maps->pdata[i], self->label_maps->pdata[i + 1],
                             self->label_maps->pdata[i + 2], NULL);
  if (!apply_mapping (self, self->job, &error))
    {
      show_failure (self, error->message);
      return;
    }

  g_signal_connect_object (self->job, "progress", G_CALLBACK (progress_cb), self, G_CONNECT_SWAPPED);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->progress_label, dry_run ? _("Checking…") : _("Importing…"));
  gtk_stack_set_visible_child_name (self->stack, "running");
  zs_import_job_run_async (self->job, self->cancellable, run_cb, g_object_ref (self));
}

/* }}} */

/* Files {{{ */

static void
file_chosen (gpointer    owner,
             const char *path)
{
  zs_import_dialog_set_file (owner, path);
}

static void
choose_file_cb (ZsImportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV, XLSX, JSON lines)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "jsonl");
  gtk_file_filter_add_suffix (filter, "ndjson");
  zs_gtk_choose_path (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("Choose a File to Import"),
                      _("_Open"), _("_Cancel"), NULL, filter,
                      file_chosen, self);
}

static void
choose_rejects_cb (ZsImportDialog *self)
{
  g_autofree char *name = g_path_get_basename (self->rejects_path);

  zs_gtk_choose_path (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Rejected Rows"),
                      _("_Save"), _("_Cancel"), name, NULL,
                      (ZsGtkPathFunc) zs_import_dialog_set_rejects_path, self);
}

/* }}} */

/* Building {{{ */

static GtkWidget *
button (const char *mnemonic,
        const char *css_class,
        GCallback   callback,
        gpointer    data)
{
  GtkWidget *widget = gtk_button_new_with_mnemonic (mnemonic);

  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
  g_signal_connect_swapped (widget, "clicked", callback, data);
  return widget;
}

static GtkDropDown *
translated_drop_down (const char * const *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (list, _(labels[i]));
  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (list)), NULL));
}

static void
entity_selected_cb (ZsImportDialog *self)
{
  zs_import_dialog_set_entity (self, gtk_drop_down_get_selected (self->entity_choice));
}

static void
dry_run_cb (ZsImportDialog *self)
{
  zs_import_dialog_start (self, TRUE);
}

static void
import_cb (ZsImportDialog *self)
{
  zs_import_dialog_start (self, FALSE);
}

/* After an import, the labels chosen reach the firms it wrote by updating them. */
static void
import_again_cb (ZsImportDialog *self)
{
  gtk_drop_down_set_selected (self->duplicate_choice, ZS_DUPLICATE_POLICY_UPDATE);
  zs_import_dialog_start (self, FALSE);
}

static void
back_cb (ZsImportDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, self->path != NULL ? "preview" : "choose");
}

static void
undo_cb (ZsImportDialog *self)
{
  zs_import_dialog_undo (self);
}

static GtkWidget *
create_choose_page (ZsImportDialog *self)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *choose = button (_("_Choose File…"), "suggested-action", G_CALLBACK (choose_file_cb), self);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "document-open-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Import a Spreadsheet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("CSV (UTF-8 or GB18030), XLSX or JSON lines; the first row names the columns"));
  gtk_widget_add_css_class (choose, "pill");
  gtk_widget_set_halign (choose, GTK_ALIGN_CENTER);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), choose);
  return page;
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static GtkWidget *
create_preview_page (ZsImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *options = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *rejects = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->file_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->file_label, 0);
  gtk_label_set_ellipsize (self->file_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->file_label), "heading");

  gtk_box_append (GTK_BOX (options), labelled (_("Rows are"), GTK_WIDGET (self->entity_choice)));
  gtk_box_append (GTK_BOX (options), labelled (_("When a record exists"), GTK_WIDGET (self->duplicate_choice)));
  gtk_box_append (GTK_BOX (options), button (_("Other _File…"), NULL, G_CALLBACK (choose_file_cb), self));

  self->preview_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->preview_grid, 12);
  gtk_grid_set_row_spacing (self->preview_grid, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->preview_grid));
  gtk_widget_set_vexpand (scroller, TRUE);

  self->rejects_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->rejects_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->rejects_label), TRUE);
  gtk_label_set_xalign (self->rejects_label, 0);
  gtk_box_append (GTK_BOX (rejects), GTK_WIDGET (self->rejects_label));
  gtk_box_append (GTK_BOX (rejects), button (_("C_hange…"), NULL, G_CALLBACK (choose_rejects_cb), self));

  self->import_button = GTK_BUTTON (button (_("_Import"), "suggested-action", G_CALLBACK (import_cb), self));
  gtk_widget_set_halign (actions, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (actions), button (_("_Check (Dry Run)"), NULL, G_CALLBACK (dry_run_cb), self));
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->import_button));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->file_label));
  gtk_box_append (GTK_BOX (box), options);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), rejects);
  gtk_box_append (GTK_BOX (box), actions);
  g_object_set (box, "margin-start", 18, "margin-end", 18, "margin-top", 12, "margin-bottom", 18, NULL);
  return box;
}

static GtkWidget *
create_running_page (ZsImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  self->progress_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));
  gtk_box_append (GTK_BOX (box), button (_("_Cancel"), "destructive-action", G_CALLBACK (zs_import_dialog_cancel), self));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  g_object_set (box, "margin-start", 48, "margin-end", 48, NULL);
  return box;
}

static GtkWidget *
create_done_page (ZsImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  self->undo_button = GTK_BUTTON (button (_("_Undo Import"), "destructive-action", G_CALLBACK (undo_cb), self));
  gtk_box_append (GTK_BOX (actions), button (_("_Back to the Columns"), NULL, G_CALLBACK (back_cb), self));
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->undo_button));
  self->import_now_button = GTK_BUTTON (button (_("_Import Now"), "suggested-action", G_CALLBACK (import_cb), self));
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->import_now_button));
  gtk_box_append (GTK_BOX (actions), button (_("_Close"), NULL, G_CALLBACK (gtk_window_close), self));
  gtk_widget_set_halign (actions, GTK_ALIGN_END);
  self->labels_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (self->labels_box, gtk_label_new (NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->labels_box), FALSE);
  self->import_again_button = GTK_BUTTON (button (_("Import _Again with These Codes"), NULL,
                                                  G_CALLBACK (import_again_cb), self));
  gtk_widget_set_visible (GTK_WIDGET (self->import_again_button), FALSE);
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->import_again_button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->labels_box));
  gtk_box_append (GTK_BOX (box), actions);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  g_object_set (box, "margin-start", 24, "margin-end", 24, NULL);
  return box;
}

static void
build (ZsImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->entity_choice = translated_drop_down (entity_labels);
  g_signal_connect_swapped (self->entity_choice, "notify::selected", G_CALLBACK (entity_selected_cb), self);
  self->duplicate_choice = translated_drop_down (duplicate_labels);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, create_choose_page (self), "choose");
  gtk_stack_add_named (self->stack, create_preview_page (self), "preview");
  gtk_stack_add_named (self->stack, create_running_page (self), "running");
  gtk_stack_add_named (self->stack, create_done_page (self), "done");

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

/* }}} */

static gboolean
zs_import_dialog_close_request (GtkWindow *window)
{
  zs_import_dialog_cancel (ZS_IMPORT_DIALOG (window));

  return GTK_WINDOW_CLASS (zs_import_dialog_parent_class)->close_request (window);
}

static void
zs_import_dialog_dispose (GObject *object)
{
  ZsImportDialog *self = ZS_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->job);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zs_import_dialog_parent_class)->dispose (object);
}

static void
zs_import_dialog_finalize (GObject *object)
{
  ZsImportDialog *self = ZS_IMPORT_DIALOG (object);

  g_free (self->path);
  g_free (self->rejects_path);
  g_strfreev (self->header);
  g_ptr_array_unref (self->column_choices);
  g_ptr_array_unref (self->label_maps);

  G_OBJECT_CLASS (zs_import_dialog_parent_class)->finalize (object);
}

static void
zs_import_dialog_class_init (ZsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zs_import_dialog_dispose;
  object_class->finalize = zs_import_dialog_finalize;
  window_class->close_request = zs_import_dialog_close_request;

  /**
   * ZsImportDialog::finished:
   * @self: the dialog
   * @dry_run: whether it was a dry run
   * @ok: whether the import succeeded
   *
   * Emitted when an import or a dry run ends. The import writes through its
   * own connection, so the #ZsStore of the window emits no
   * #ZsStore::changed for it: views read their records again on this.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_BOOLEAN);
}

static void
zs_import_dialog_init (ZsImportDialog *self)
{
  self->column_choices = g_ptr_array_new ();
  self->label_maps = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_title (GTK_WINDOW (self), _("Import"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 600);
  build (self);
}

/**
 * zs_import_dialog_new:
 * @parent: (nullable): the window importing
 * @store: where to import
 *
 * Returns: (transfer full): the dialog, at its first step
 */
ZsImportDialog *
zs_import_dialog_new (GtkWindow *parent,
                      ZsStore   *store)
{
  ZsImportDialog *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  return self;
}

void
zs_import_dialog_set_entity (ZsImportDialog *self,
                             ZsImportEntity  entity)
{
  g_return_if_fail (ZS_IS_IMPORT_DIALOG (self));

  if (gtk_drop_down_get_selected (self->entity_choice) != entity)
    gtk_drop_down_set_selected (self->entity_choice, entity);
  if (self->entity == entity)
    return;
  self->entity = entity;
  if (self->path != NULL)
    zs_import_dialog_set_file (self, self->path);
}

/**
 * zs_import_dialog_set_file:
 * @self: a #ZsImportDialog
 * @path: the file to import
 *
 * Shows the file's first rows, each column with a choice of field.
 *
 * Returns: %TRUE if the file could be read
 */
gboolean
zs_import_dialog_set_file (ZsImportDialog *self,
                           const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_strdup (path);

  g_return_val_if_fail (ZS_IS_IMPORT_DIALOG (self), FALSE);

  g_free (self->path);
  self->path = g_steal_pointer (&copy);
  g_ptr_array_set_size (self->label_maps, 0);
  if (self->rejects_path == NULL || g_str_has_suffix (self->rejects_path, ".rejects.csv"))
    {
      g_autofree char *rejects = g_strconcat (path, ".rejects.csv", NULL);

      zs_import_dialog_set_rejects_path (self, rejects);
    }
  if (!load_preview (self, &error))
    {
      show_failure (self, error->message);
      return FALSE;
    }
  gtk_stack_set_visible_child_name (self->stack, "preview");
  return TRUE;
}

void
zs_import_dialog_set_rejects_path (ZsImportDialog *self,
                                   const char     *path)
{
  g_return_if_fail (ZS_IS_IMPORT_DIALOG (self));

  g_free (self->rejects_path);
  self->rejects_path = g_strdup (path);
  show_rejects_path (self);
}

/**
 * zs_import_dialog_set_column_field:
 * @self: a #ZsImportDialog
 * @column: a column header of the file
 * @field: one of zs_import_entity_get_fields(), "-" to ignore the column,
 *   or %NULL to let the core recognise the header
 *
 * Chooses the field of a column, as its drop-down does.
 *
 * Returns: %TRUE if the column and the field exist
 */
gboolean
zs_import_dialog_set_column_field (ZsImportDialog *self,
                                   const char     *column,
                                   const char     *field)
{
  const char * const *fields = zs_import_entity_get_fields (self->entity);
  guint choice = CHOICE_AUTOMATIC;

  g_return_val_if_fail (ZS_IS_IMPORT_DIALOG (self), FALSE);

  if (g_strcmp0 (field, "-") == 0)
    choice = CHOICE_IGNORE;
  else if (field != NULL)
    {
      for (choice = 0; fields[choice] != NULL && !g_str_equal (fields[choice], field); choice++)
        ;
      if (fields[choice] == NULL)
        return FALSE;
      choice += 2;
    }
  for (guint i = 0; self->header != NULL && self->header[i] != NULL; i++)
    if (g_str_equal (self->header[i], column))
      {
        gtk_drop_down_set_selected (g_ptr_array_index (self->column_choices, i), choice);
        return TRUE;
      }
  return FALSE;
}

guint
zs_import_dialog_get_n_columns (ZsImportDialog *self)
{
  g_return_val_if_fail (ZS_IS_IMPORT_DIALOG (self), 0);

  return self->column_choices->len;
}

/**
 * zs_import_dialog_cancel:
 * @self: a #ZsImportDialog
 *
 * Stops a running import. A dry run writes nothing; an import keeps the
 * batches it committed, which zs_import_dialog_undo() removes.
 */
void
zs_import_dialog_cancel (ZsImportDialog *self)
{
  g_return_if_fail (ZS_IS_IMPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/**
 * zs_import_dialog_undo:
 * @self: a #ZsImportDialog
 *
 * Undoes the import just finished.
 *
 * Returns: %TRUE if it was undone
 */
gboolean
zs_import_dialog_undo (ZsImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZS_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (self->job != NULL, FALSE);

  if (!zs_store_undo_import (self->store, zs_import_job_get_import_id (self->job), &error))
    {
      gtk_label_set_label (self->summary_label, error->message);
      return FALSE;
    }
  gtk_label_set_label (self->summary_label, _("The import was undone."));
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), FALSE);
  return TRUE;
}

/**
 * zs_import_dialog_get_state:
 * @self: a #ZsImportDialog
 *
 * Returns: `choose`, `preview`, `running` or `done`
 */
const char *
zs_import_dialog_get_state (ZsImportDialog *self)
{
  g_return_val_if_fail (ZS_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * zs_import_dialog_get_job:
 * @self: a #ZsImportDialog
 *
 * Returns: (transfer none) (nullable): the last job run, with its counts
 */
ZsImportJob *
zs_import_dialog_get_job (ZsImportDialog *self)
{
  g_return_val_if_fail (ZS_IS_IMPORT_DIALOG (self), NULL);

  return self->job;
}

const char *
zs_import_dialog_get_summary (ZsImportDialog *self)
{
  g_return_val_if_fail (ZS_IS_IMPORT_DIALOG (self), NULL);

  return gtk_label_get_label (self->summary_label);
}
