/* zs-fz-ledger-page.c: the flying zones' ledger of a year
 *
 * A year selector; per zone, what is due to the partner, what was settled
 * and the shortfall, with its flag in colour and in words; per firm, its
 * figures and the two sides' parts. The ledger is read by the plugin's
 * ZsFzBook in a GTask worker thread through a store connection of the
 * worker's own, and read again when a flying-zone record changes. Export
 * writes the rows shown to an XLSX (or CSV) file with core's writers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-fz-ledger-page.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

struct _ZsFzLedgerPage
{
  GtkBox        parent_instance;

  ZsFzBook     *book;
  ZsStore      *store;
  char         *path;
  int           year;
  GCancellable *cancellable;
  JsonNode     *ledger;
  GtkWidget    *year_button;
  GtkWidget    *error_label;
  GtkWidget    *content;
  GtkWidget    *total_label;
};

G_DEFINE_FINAL_TYPE (ZsFzLedgerPage, zs_fz_ledger_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const export_columns[] = { "zone_id", "zone", "firm_id", "firm", "year", "park_name", "days",
                                               "tax", "output", "tax_partner", "tax_host", "output_partner",
                                               "output_host", NULL };

typedef struct
{
  char *path;
  int   year;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *read = data;

  g_free (read->path);
  g_free (read);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ZsFzLedgerPage *self = source;
  ReadData *read = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = zs_store_new (read->path, &error);
  JsonNode *ledger;

  if (store == NULL || !(ledger = zs_fz_book_get_ledger (self->book, store, read->year, 0, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ledger, (GDestroyNotify) json_node_unref);
}

static void
show_error (ZsFzLedgerPage *self,
            const char     *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

/* 万元 to the yuan, without float noise. */
static char *
format_wan (JsonObject *object,
            const char *member)
{
  gint64 yuan = (gint64) llround (json_object_get_double_member (object, member) * 10000);
  g_autofree char *text = g_strdup_printf ("%s%" PRId64 ".%04" PRId64, yuan < 0 ? "-" : "", ABS (yuan) / 10000,
                                           ABS (yuan) % 10000);
  char *end = text + strlen (text) - 1;

  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return g_steal_pointer (&text);
}

/* The flag in words, and the style class that colours it. */
static const char *
flag_label (const char  *flag,
            const char **style)
{
  static const struct {
    const char *flag;
    const char *style;
    const char *words;
  } flags[] = {
    { "unsettled", "error", NC_("settlement", "Unsettled") },
    { "short", "warning", NC_("settlement", "Short") },
    { "settled", "success", NC_("settlement", "Settled") },
    { "over-settled", "accent", NC_("settlement", "Over-settled") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (g_strcmp0 (flag, flags[i].flag) == 0)
      {
        *style = flags[i].style;
        return g_dpgettext2 (NULL, "settlement", flags[i].words);
      }
  *style = "dim-label";
  return flag;
}

static GtkWidget *
new_group (ZsFzLedgerPage *self,
           const char     *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->content), group);
  return group;
}

static void
add_zone_row (GtkWidget  *group,
              JsonObject *zone)
{
  const char *style = NULL;
  const char *words = flag_label (json_object_get_string_member (zone, "flag"), &style);
  g_autofree char *due = format_wan (zone, "due_partner");
  g_autofree char *settled = format_wan (zone, "settled");
  g_autofree char *shortfall = format_wan (zone, "shortfall");
  g_autofree char *subtitle = g_strdup_printf (_("Partner %s · due %s · settled %s · short %s (万元)"),
                                               json_object_get_string_member (zone, "partner"), due, settled,
                                               shortfall);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *flag = gtk_label_new (words);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), json_object_get_string_member (zone, "zone"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (flag, style);
  gtk_widget_add_css_class (flag, "heading");
  gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_firm_row (GtkWidget  *group,
              JsonObject *row_object)
{
  g_autofree char *tax = format_wan (row_object, "tax");
  g_autofree char *tax_partner = format_wan (row_object, "tax_partner");
  g_autofree char *tax_host = format_wan (row_object, "tax_host");
  g_autofree char *output = format_wan (row_object, "output");
  g_autofree char *output_partner = format_wan (row_object, "output_partner");
  g_autofree char *output_host = format_wan (row_object, "output_host");
  g_autofree char *subtitle =
    g_strdup_printf (_("%s · %s · %" PRId64 " days\nTax %s: partner %s, host %s · Output %s: partner %s, host %s (万元)"),
                     json_object_get_string_member (row_object, "zone"),
                     json_object_get_string_member (row_object, "park_name"),
                     json_object_get_int_member (row_object, "days"), tax, tax_partner, tax_host, output,
                     output_partner, output_host);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), json_object_get_string_member (row_object, "firm"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
rebuild (ZsFzLedgerPage *self)
{
  JsonObject *ledger = json_node_get_object (self->ledger);
  JsonArray *zones = json_object_get_array_member (ledger, "zones");
  JsonArray *rows = json_object_get_array_member (ledger, "rows");
  JsonObject *total = json_object_get_object_member (ledger, "total");
  g_autofree char *due = format_wan (total, "due_partner");
  g_autofree char *settled = format_wan (total, "settled");
  g_autofree char *shortfall = format_wan (total, "shortfall");
  g_autofree char *total_text = g_strdup_printf (_("%d: due to partners %s, settled %s, short %s (万元)"), self->year,
                                                 due, settled, shortfall);
  GtkWidget *child, *group;

  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
  gtk_label_set_text (GTK_LABEL (self->total_label), total_text);
  group = new_group (self, _("Zones"));
  if (json_array_get_length (zones) == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("No flying zones yet."));
  for (guint i = 0; i < json_array_get_length (zones); i++)
    add_zone_row (group, json_array_get_object_element (zones, i));
  group = new_group (self, _("Firms"));
  if (json_array_get_length (rows) == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("No firm was placed in a zone this year."));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    add_firm_row (group, json_array_get_object_element (rows, i));
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ZsFzLedgerPage *self = ZS_FZ_LEDGER_PAGE (source);
  g_autoptr(GError) error = NULL;
  JsonNode *ledger = g_task_propagate_pointer (G_TASK (result), &error);

  if (ledger == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  g_clear_pointer (&self->ledger, json_node_unref);
  self->ledger = ledger;
  rebuild (self);
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
}

/**
 * zs_fz_ledger_page_refresh:
 *
 * Reads the ledger of the year again in a worker thread; a read still
 * running is dropped.
 */
void
zs_fz_ledger_page_refresh (ZsFzLedgerPage *self)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  g_return_if_fail (ZS_IS_FZ_LEDGER_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  read = g_new0 (ReadData, 1);
  read->path = g_strdup (self->path);
  read->year = self->year;
  g_task_set_task_data (task, read, read_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, read_in_thread);
}

int
zs_fz_ledger_page_get_year (ZsFzLedgerPage *self)
{
  g_return_val_if_fail (ZS_IS_FZ_LEDGER_PAGE (self), 0);
  return self->year;
}

/**
 * zs_fz_ledger_page_set_year:
 *
 * Shows the ledger of @year, read at once.
 */
void
zs_fz_ledger_page_set_year (ZsFzLedgerPage *self,
                            int             year)
{
  g_return_if_fail (ZS_IS_FZ_LEDGER_PAGE (self));
  g_return_if_fail (year >= 2000 && year <= 2100);

  if (self->year == year)
    return;
  self->year = year;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_button), year);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  zs_fz_ledger_page_refresh (self);
}

/**
 * zs_fz_ledger_page_get_ledger:
 *
 * Returns: (transfer none) (nullable): what the page shows, as
 *   `flying-zone ledger --json` prints it
 */
JsonNode *
zs_fz_ledger_page_get_ledger (ZsFzLedgerPage *self)
{
  g_return_val_if_fail (ZS_IS_FZ_LEDGER_PAGE (self), NULL);
  return self->ledger;
}

/**
 * zs_fz_ledger_page_export:
 * @path: an .xlsx or .csv file, replaced if it exists
 *
 * Writes the rows shown, one per firm and zone.
 */
gboolean
zs_fz_ledger_page_export (ZsFzLedgerPage  *self,
                          const char      *path,
                          GError         **error)
{
  g_return_val_if_fail (ZS_IS_FZ_LEDGER_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->ledger == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("The ledger is still being read"));
      return FALSE;
    }
  return zs_fz_write_rows (json_object_get_array_member (json_node_get_object (self->ledger), "rows"),
                           export_columns, path, error);
}

/* ledger.export-file(path): what the Export button does once the user
 * chose the file; an error is shown on the page. */
static void
export_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ZsFzLedgerPage *self = ZS_FZ_LEDGER_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!zs_fz_ledger_page_export (self, g_variant_get_string (parameter, NULL), &error))
    show_error (self, error->message);
  else
    show_error (self, NULL);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ZsFzLedgerPage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "ledger.export-file", "s", path);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_clicked_cb (ZsFzLedgerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Export Ledger"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  g_autofree char *name = g_strdup_printf (_("flying-zone-ledger-%d.xlsx"), self->year);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
year_changed_cb (ZsFzLedgerPage *self)
{
  zs_fz_ledger_page_set_year (self, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_button)));
}

static void
store_changed_cb (ZsFzLedgerPage *self,
                  const char     *entity)
{
  if (g_str_has_prefix (entity, "flying_zone.") || g_strcmp0 (entity, "firm") == 0)
    zs_fz_ledger_page_refresh (self);
}

static void
zs_fz_ledger_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZsFzLedgerPage *self = ZS_FZ_LEDGER_PAGE (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_fz_ledger_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZsFzLedgerPage *self = ZS_FZ_LEDGER_PAGE (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      zs_fz_ledger_page_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_fz_ledger_page_dispose (GObject *object)
{
  ZsFzLedgerPage *self = ZS_FZ_LEDGER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->book);
  g_clear_pointer (&self->ledger, json_node_unref);
  G_OBJECT_CLASS (zs_fz_ledger_page_parent_class)->dispose (object);
}

static void
zs_fz_ledger_page_finalize (GObject *object)
{
  g_free (ZS_FZ_LEDGER_PAGE (object)->path);
  G_OBJECT_CLASS (zs_fz_ledger_page_parent_class)->finalize (object);
}

static void
zs_fz_ledger_page_class_init (ZsFzLedgerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = zs_fz_ledger_page_get_property;
  object_class->set_property = zs_fz_ledger_page_set_property;
  object_class->dispose = zs_fz_ledger_page_dispose;
  object_class->finalize = zs_fz_ledger_page_finalize;

  /**
   * ZsFzLedgerPage:year:
   *
   * The year the ledger is of.
   */
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 2000, 2100, 2000,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZsFzLedgerPage::refreshed:
   *
   * Emitted when the page shows a new reading.
   */
  signals[SIGNAL_REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "ledger.export-file", "s", export_file_action);
}

static GtkWidget *
build_bar (ZsFzLedgerPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Year"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export to Excel…"));

  self->year_button = gtk_spin_button_new_with_range (2000, 2100, 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->year_button);
  g_signal_connect_swapped (self->year_button, "value-changed", G_CALLBACK (year_changed_cb), self);
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (export_clicked_cb), self);
  self->total_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->total_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->total_label), 0);
  gtk_widget_set_hexpand (self->total_label, TRUE);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), self->year_button);
  gtk_box_append (GTK_BOX (bar), self->total_label);
  gtk_box_append (GTK_BOX (bar), export);
  g_object_set (bar, "margin-start", 18, "margin-end", 18, "margin-top", 12, NULL);
  return bar;
}

static void
zs_fz_ledger_page_init (ZsFzLedgerPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_append (GTK_BOX (self), build_bar (self));
  self->year = CLAMP (g_date_time_get_year (now), 2000, 2100);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_button), self->year);
  self->error_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self), self->error_label);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  g_object_set (self->content, "margin-top", 18, "margin-bottom", 18, NULL);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), scrolled);
}

/**
 * zs_fz_ledger_page_new:
 * @book: the flying-zone plugin's book
 * @store: the window's store
 *
 * Returns: (transfer floating): the page, reading this year's ledger at once
 */
GtkWidget *
zs_fz_ledger_page_new (ZsFzBook *book,
                       ZsStore  *store)
{
  ZsFzLedgerPage *self = g_object_new (ZS_TYPE_FZ_LEDGER_PAGE, NULL);

  self->book = g_object_ref (book);
  self->store = g_object_ref (store);
  self->path = g_strdup (zs_store_get_path (store));
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  zs_fz_ledger_page_refresh (self);
  return GTK_WIDGET (self);
}
