/* zs-firms-page.c: the firms, searched as the user types, and the selected
 *   firm's form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-firms-page.h"
#include "zs-gtk-util-private.h"
#include "zs-list-detail.h"
#include "zs-list-output.h"

/* What the user types is searched once typing pauses this long. */
#define SEARCH_DELAY_MS 150

struct _ZsFirmsPage
{
  GtkWidget          parent_instance;

  ZsStore           *store;
  ZsFirmListModel   *model;
  GtkSingleSelection *selection;
  GHashTable        *sector_names;
  GStrv              sector_codes;   /* of the filter, [0] = "" for all */

  GtkSearchEntry    *search_entry;
  GtkDropDown       *sector_filter;
  GtkStack          *list_stack;
  GtkLabel          *status_label;
  GtkStack          *detail_stack;
  ZsRecordEditor    *editor;
  ZsListDetail      *list_detail;

  guint              open_position;     /* the row of the firm in the form */
  guint              pending_position;  /* the row chosen while input is unsaved */
  gboolean           restoring;
};

G_DEFINE_FINAL_TYPE (ZsFirmsPage, zs_firms_page, GTK_TYPE_WIDGET)

/* Columns {{{ */

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (user_data != NULL)
    gtk_widget_add_css_class (label, user_data);
  gtk_list_item_set_child (item, label);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ZsFirm *firm = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  gtk_label_set_label (label, firm != NULL ? zs_firm_get_name (firm) : "");
  zs_gtk_set_cell_tooltip (GTK_WIDGET (label), firm != NULL ? zs_firm_get_name_other (firm) : NULL);
}

static void
uscc_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ZsFirm *firm = gtk_list_item_get_item (item);
  const char *uscc = firm != NULL ? zs_firm_get_uscc (firm) : NULL;

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), uscc != NULL ? uscc : "");
}

static void
sectors_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ZsFirmsPage              *self)
{
  ZsFirm *firm = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char * const *codes = firm != NULL ? zs_firm_get_sectors (firm) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (self->sector_names, codes[i]);

      if (i > 0)
        /* Translators: separates the sector names of a firm in the firm list */
        g_string_append (text, _(", "));
      g_string_append (text, name != NULL ? name : codes[i]);
    }
  gtk_label_set_label (label, text->str);
  zs_gtk_set_cell_tooltip (GTK_WIDGET (label), text->str);
}

static GtkColumnViewColumn *
create_column (ZsFirmsPage *self,
               const char  *title,
               GCallback    bind,
               const char  *css_class,
               gboolean     expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), (gpointer) css_class);
  g_signal_connect (factory, "bind", bind, self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  return column;
}

static GtkWidget *
create_column_view (ZsFirmsPage *self)
{
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  g_autoptr(GtkColumnViewColumn) name = create_column (self, _("Name"), G_CALLBACK (name_bind_cb), NULL, TRUE);
  g_autoptr(GtkColumnViewColumn) uscc = create_column (self, _("Credit Code"), G_CALLBACK (uscc_bind_cb), "monospace", FALSE);
  g_autoptr(GtkColumnViewColumn) sectors = create_column (self, _("Sectors"), G_CALLBACK (sectors_bind_cb), NULL, TRUE);

  gtk_column_view_append_column (GTK_COLUMN_VIEW (view), name);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (view), uscc);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (view), sectors);
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "data-table");
  return view;
}

/* }}} */

static char *
format_status (gboolean searching,
               guint    count)
{
  int n = (int) MIN (count, (guint) G_MAXINT);

  if (!searching)
    return g_strdup_printf (ngettext ("%d firm", "%d firms", n), n);
  return g_strdup_printf (ngettext ("%d firm matches", "%d firms match", n), n);
}

static void
update_state (ZsFirmsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean searching = zs_firm_list_model_is_searching (self->model);
  const GError *error = zs_paged_model_get_error (ZS_PAGED_MODEL (self->model));
  g_autofree char *status = NULL;

  if (error != NULL)
    /* Translators: %s is an error message from the database */
    status = g_strdup_printf (_("Cannot list firms: %s"), error->message);
  else
    status = format_status (searching, n);
  gtk_label_set_label (self->status_label, status);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (searching || error != NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
model_error_cb (ZsFirmsPage *self)
{
  const GError *error = zs_paged_model_get_error (ZS_PAGED_MODEL (self->model));

  if (error != NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list firms"), error);
  update_state (self);
}

static void
search_changed_cb (ZsFirmsPage    *self,
                   GtkSearchEntry *entry)
{
  zs_firm_list_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (ZsFirmsPage    *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  zs_firm_list_model_set_search (self->model, NULL);
}

static void
sector_selected_cb (ZsFirmsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->sector_filter);

  if (selected < g_strv_length (self->sector_codes))
    zs_firm_list_model_set_sector (self->model, self->sector_codes[selected]);
}

/* On a narrow window the form takes the list's place. */
static void
show_editor (ZsFirmsPage *self)
{
  gtk_stack_set_visible_child_name (self->detail_stack, "editor");
  zs_list_detail_show_detail (self->list_detail);
}

static void
select_quietly (ZsFirmsPage *self,
                guint        position)
{
  self->restoring = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->restoring = FALSE;
}

/* Opens the firm of the selected row; one not read yet opens once it is. */
static void
open_selected (ZsFirmsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(ZsFirm) firm = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  firm = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  /* id 0: its page is being read */
  if (firm == NULL || zs_firm_get_id (firm) == 0)
    return;
  self->open_position = position;
  zs_record_editor_set_record_id (self->editor, zs_firm_get_id (firm));
  show_editor (self);
}

static void
open_pending (gpointer data)
{
  ZsFirmsPage *self = data;

  select_quietly (self, self->pending_position);
  open_selected (self);
}

static void
selection_changed_cb (ZsFirmsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(ZsFirm) firm = NULL;

  if (self->restoring || position == GTK_INVALID_LIST_POSITION ||
      (firm = g_list_model_get_item (G_LIST_MODEL (self->selection), position)) == NULL ||
      zs_firm_get_id (firm) == 0)
    return;
  /* The list changed around the firm shown: nothing to open. */
  if (zs_firm_get_id (firm) == zs_record_editor_get_record_id (self->editor) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "editor") == 0)
    {
      self->open_position = position;
      return;
    }
  /* Unsaved input: the row of the record in the form stays selected
   * until the user says what becomes of it. */
  self->pending_position = position;
  if (zs_record_editor_is_dirty (self->editor))
    select_quietly (self, self->open_position);
  zs_record_editor_confirm_leave (self->editor, open_pending, g_object_ref (self), g_object_unref);
}

/* A row selected before its firm was read opens when it is. */
static void
items_changed_cb (ZsFirmsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(ZsFirm) firm = NULL;

  if (position == GTK_INVALID_LIST_POSITION ||
      (firm = g_list_model_get_item (G_LIST_MODEL (self->selection), position)) == NULL ||
      zs_firm_get_id (firm) == 0)
    return;
  if (zs_firm_get_id (firm) != zs_record_editor_get_record_id (self->editor) &&
      !zs_record_editor_is_dirty (self->editor))
    open_selected (self);
}

static void
open_new_firm (gpointer data)
{
  ZsFirmsPage *self = data;

  select_quietly (self, GTK_INVALID_LIST_POSITION);
  self->open_position = GTK_INVALID_LIST_POSITION;
  zs_record_editor_new_record (self->editor);
  show_editor (self);
}

static void
new_firm_cb (ZsFirmsPage *self)
{
  zs_record_editor_confirm_leave (self->editor, open_new_firm, g_object_ref (self), g_object_unref);
}

static void
load_sectors (ZsFirmsPage   *self,
              GtkStringList *names)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sectors = zs_store_list_sectors (self->store, 0, &error);
  g_auto(GStrv) codes = NULL;
  g_autoptr(GStrvBuilder) all = g_strv_builder_new ();

  if (sectors == NULL)
    {
      zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the sectors"), error);
      sectors = g_ptr_array_new ();
    }
  self->sector_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_strv_builder_add (all, "");
  gtk_string_list_append (names, _("All sectors"));
  codes = zs_gtk_add_sector_choices (sectors, names, self->sector_names);
  g_strv_builder_addv (all, (const char **) codes);
  self->sector_codes = g_strv_builder_end (all);
}

static GtkWidget *
create_toolbar (ZsFirmsPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  g_object_set (self->search_entry, "placeholder-text", _("Search firms"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search firms by name, credit code, business scope or contact"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);

  load_sectors (self, names);
  self->sector_filter = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)),
                                                          gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  gtk_drop_down_set_enable_search (self->sector_filter, TRUE);
  zs_gtk_drop_down_ellipsize (self->sector_filter, 16);
  zs_gtk_set_tooltip (GTK_WIDGET (self->sector_filter), _("Only firms in this sector"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sector_filter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter by sector"), -1);
  g_signal_connect_swapped (self->sector_filter, "notify::selected", G_CALLBACK (sector_selected_cb), self);

  zs_gtk_set_tooltip (add, _("New Firm"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (new_firm_cb), self);

  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->sector_filter));
  gtk_box_append (GTK_BOX (bar), zs_list_output_create_menu_button ());
  gtk_box_append (GTK_BOX (bar), add);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  return bar;
}

static GtkWidget *
create_status_page (const char *icon,
                    const char *title,
                    const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  return page;
}

static GtkWidget *
create_list_side (ZsFirmsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), create_column_view (self));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* the columns as wide as their text, when the window has room */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);

  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_stack), TRUE);
  gtk_stack_add_named (self->list_stack, scroller, "list");
  gtk_stack_add_named (self->list_stack,
                       create_status_page ("system-search-symbolic", _("No Firms Found"),
                                           _("Try a different name, credit code or business term")),
                       "no-results");
  gtk_stack_add_named (self->list_stack,
                       create_status_page ("cn.horgos.Zhaoshang-symbolic", _("No Firms Yet"),
                                           _("Add a firm with the + button, or import a spreadsheet")),
                       "empty");

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->status_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->status_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->status_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "numeric");

  gtk_box_append (GTK_BOX (box), create_toolbar (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list_stack));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));
  return box;
}

static GtkWidget *
create_detail_side (ZsFirmsPage *self)
{
  self->editor = ZS_RECORD_EDITOR (zs_record_editor_new (self->store, "firm"));
  self->detail_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->detail_stack,
                       create_status_page ("document-edit-symbolic", _("No Firm Selected"),
                                           _("Select a firm to see and edit its details and history")),
                       "none");
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->editor), "editor");
  return GTK_WIDGET (self->detail_stack);
}

/* Export and print {{{ */

/* What a row of the list shows, for a worker: the row keeps its own
 * reference to the sector names, which the page no longer changes. */
static GStrv
firm_row (ZsStore  *store,
          GObject  *record,
          gpointer  data)
{
  GHashTable *sector_names = data;
  ZsFirm *firm = ZS_FIRM (record);
  const char * const *codes = zs_firm_get_sectors (firm);
  g_autoptr(GString) sectors = g_string_new (NULL);
  char **row = g_new0 (char *, 4);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (sector_names, codes[i]);

      if (i > 0)
        g_string_append (sectors, _(", "));
      g_string_append (sectors, name != NULL ? name : codes[i]);
    }
  row[0] = g_strdup (zs_firm_get_name (firm));
  row[1] = g_strdup (zs_firm_get_uscc (firm) != NULL ? zs_firm_get_uscc (firm) : "");
  row[2] = g_string_free (g_steal_pointer (&sectors), FALSE);
  return row;
}

static GStrv
column_titles (void)
{
  const char *titles[] = { _("Name"), _("Credit Code"), _("Sectors"), NULL };

  return g_strdupv ((char **) titles);
}

/**
 * zs_firms_page_export_async:
 * @self: a #ZsFirmsPage
 * @path: a .xlsx or .csv file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the firms the list shows: every one the search and the sector
 * select, in the list's order, with its columns.
 */
void
zs_firms_page_export_async (ZsFirmsPage         *self,
                            const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_auto(GStrv) titles = column_titles ();

  g_return_if_fail (ZS_IS_FIRMS_PAGE (self));

  zs_paged_model_export_async (ZS_PAGED_MODEL (self->model), path, (const char * const *) titles, _("Firms"),
                               firm_row, g_hash_table_ref (self->sector_names),
                               (GDestroyNotify) g_hash_table_unref, cancellable, callback, user_data);
}

gint64
zs_firms_page_export_finish (ZsFirmsPage   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (ZS_IS_FIRMS_PAGE (self), -1);

  return zs_paged_model_export_finish (ZS_PAGED_MODEL (self->model), result, error);
}

static char *
describe_filters (ZsFirmsPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GObject *sector = gtk_drop_down_get_selected_item (self->sector_filter);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (gtk_drop_down_get_selected (self->sector_filter) > 0 && GTK_IS_STRING_OBJECT (sector))
    g_strv_builder_add (parts, gtk_string_object_get_string (GTK_STRING_OBJECT (sector)));
  if (search[0] != '\0')
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", search);

      g_strv_builder_add (parts, quoted);
    }
  strv = g_strv_builder_end (parts);
  return g_strjoinv (_(", "), strv);
}

static void
rows_collected_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GTask) task = data;
  ZsFirmsPage *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = zs_paged_model_collect_rows_finish (ZS_PAGED_MODEL (source), result, &error);
  g_auto(GStrv) titles = column_titles ();
  g_autofree char *filters = NULL;
  g_autofree char *title = NULL;
  ZsTablePrint *table;

  if (rows == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  filters = describe_filters (self);
  title = zs_list_output_dup_title (_("Firms"), filters);
  table = zs_table_print_new (title, (const char * const *) titles);
  zs_table_print_add_rows (table, rows);
  g_task_return_pointer (task, table, g_object_unref);
}

/**
 * zs_firms_page_print_list_async:
 * @self: a #ZsFirmsPage
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the printout
 * @user_data: data for @callback
 *
 * Reads the firms the list shows into a printout titled with the search
 * and the sector.
 */
void
zs_firms_page_print_list_async (ZsFirmsPage         *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ZS_IS_FIRMS_PAGE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  zs_paged_model_collect_rows_async (ZS_PAGED_MODEL (self->model), firm_row, g_hash_table_ref (self->sector_names),
                                     (GDestroyNotify) g_hash_table_unref, cancellable, rows_collected_cb, task);
}

/**
 * zs_firms_page_print_list_finish:
 * @self: a #ZsFirmsPage
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the printout, or %NULL with @error set
 */
ZsTablePrint *
zs_firms_page_print_list_finish (ZsFirmsPage   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
print_list_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  ZsFirmsPage *self = ZS_FIRMS_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsTablePrint) table = zs_firms_page_print_list_finish (self, result, &error);

  if (table == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot print the list"), error);
  else
    zs_list_output_print (GTK_WIDGET (self), table);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  zs_list_output_ask_export (widget, "firms", (ZsListExportFunc) zs_firms_page_export_async,
                             (ZsListExportFinishFunc) zs_firms_page_export_finish);
}

static void
print_list_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  zs_firms_page_print_list_async (ZS_FIRMS_PAGE (widget), NULL, print_list_ready_cb, NULL);
}

static void
print_record_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(ZsTablePrint) table = zs_record_editor_print (ZS_FIRMS_PAGE (widget)->editor);

  if (table != NULL)
    zs_list_output_print (widget, table);
  else
    zs_gtk_show_toast (widget, _("Open a saved firm to print it"));
}

/* }}} */

static void
zs_firms_page_dispose (GObject *object)
{
  ZsFirmsPage *self = ZS_FIRMS_PAGE (object);

  zs_gtk_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zs_firms_page_parent_class)->dispose (object);
}

static void
zs_firms_page_finalize (GObject *object)
{
  ZsFirmsPage *self = ZS_FIRMS_PAGE (object);

  g_clear_pointer (&self->sector_names, g_hash_table_unref);
  g_strfreev (self->sector_codes);

  G_OBJECT_CLASS (zs_firms_page_parent_class)->finalize (object);
}

static void
zs_firms_page_class_init (ZsFirmsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zs_firms_page_dispose;
  object_class->finalize = zs_firms_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "list.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "list.print", NULL, print_list_action);
  gtk_widget_class_install_action (widget_class, "list.print-record", NULL, print_record_action);
}

static void
zs_firms_page_init (ZsFirmsPage *self)
{
}

/**
 * zs_firms_page_new:
 * @store: the store
 *
 * Returns: (transfer floating): the firms page
 */
GtkWidget *
zs_firms_page_new (ZsStore *store)
{
  ZsFirmsPage *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_FIRMS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->open_position = GTK_INVALID_LIST_POSITION;
  self->model = zs_firm_list_model_new (store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* The selection took the first row as it was made: nothing is open, so
   * nothing looks selected. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (items_changed_cb), self);
  g_signal_connect_swapped (self->model, "notify::error", G_CALLBACK (model_error_cb), self);

  self->list_detail = ZS_LIST_DETAIL (zs_list_detail_new (create_list_side (self), create_detail_side (self)));
  gtk_widget_set_parent (GTK_WIDGET (self->list_detail), GTK_WIDGET (self));

  update_state (self);
  return GTK_WIDGET (self);
}

ZsFirmListModel *
zs_firms_page_get_model (ZsFirmsPage *self)
{
  g_return_val_if_fail (ZS_IS_FIRMS_PAGE (self), NULL);

  return self->model;
}

GtkEditable *
zs_firms_page_get_search_entry (ZsFirmsPage *self)
{
  g_return_val_if_fail (ZS_IS_FIRMS_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
zs_firms_page_get_sector_filter (ZsFirmsPage *self)
{
  g_return_val_if_fail (ZS_IS_FIRMS_PAGE (self), NULL);

  return self->sector_filter;
}

/**
 * zs_firms_page_set_sector:
 * @self: a #ZsFirmsPage
 * @code: (nullable): a sector code; %NULL for every sector
 *
 * Lists the firms of a sector, as choosing it in the filter does.
 */
void
zs_firms_page_set_sector (ZsFirmsPage *self,
                          const char  *code)
{
  g_return_if_fail (ZS_IS_FIRMS_PAGE (self));

  for (guint i = 0; self->sector_codes[i] != NULL; i++)
    if (g_strcmp0 (self->sector_codes[i], code != NULL ? code : "") == 0)
      gtk_drop_down_set_selected (self->sector_filter, i);
}

/**
 * zs_firms_page_clear_search:
 * @self: a #ZsFirmsPage
 *
 * Lists every firm again: no search, every sector.
 */
void
zs_firms_page_clear_search (ZsFirmsPage *self)
{
  g_return_if_fail (ZS_IS_FIRMS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  zs_firm_list_model_set_search (self->model, NULL);
  gtk_drop_down_set_selected (self->sector_filter, 0);
}

/**
 * zs_firms_page_get_status_text:
 * @self: a #ZsFirmsPage
 *
 * Returns: the line under the list, such as “200 firms”
 */
const char *
zs_firms_page_get_status_text (ZsFirmsPage *self)
{
  g_return_val_if_fail (ZS_IS_FIRMS_PAGE (self), NULL);

  return gtk_label_get_label (self->status_label);
}

/**
 * zs_firms_page_get_state:
 * @self: a #ZsFirmsPage
 *
 * Returns: `list`, `no-results` or `empty`
 */
const char *
zs_firms_page_get_state (ZsFirmsPage *self)
{
  g_return_val_if_fail (ZS_IS_FIRMS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->list_stack);
}

/**
 * zs_firms_page_get_list_detail:
 * @self: a #ZsFirmsPage
 *
 * Returns: (transfer none): the list and the form, side by side or one at a time
 */
ZsListDetail *
zs_firms_page_get_list_detail (ZsFirmsPage *self)
{
  g_return_val_if_fail (ZS_IS_FIRMS_PAGE (self), NULL);

  return self->list_detail;
}

ZsRecordEditor *
zs_firms_page_get_editor (ZsFirmsPage *self)
{
  g_return_val_if_fail (ZS_IS_FIRMS_PAGE (self), NULL);

  return self->editor;
}

/**
 * zs_firms_page_select:
 * @self: a #ZsFirmsPage
 * @position: a row of the list
 *
 * Selects the firm, which opens it in the form.
 */
void
zs_firms_page_select (ZsFirmsPage *self,
                      guint        position)
{
  g_return_if_fail (ZS_IS_FIRMS_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
}

void
zs_firms_page_focus_search (ZsFirmsPage *self)
{
  g_return_if_fail (ZS_IS_FIRMS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * zs_firms_page_show_editor:
 * @self: a #ZsFirmsPage
 *
 * Shows the form, with whatever record it holds.
 */
void
zs_firms_page_show_editor (ZsFirmsPage *self)
{
  g_return_if_fail (ZS_IS_FIRMS_PAGE (self));

  show_editor (self);
}

/**
 * zs_firms_page_open_firm:
 * @self: a #ZsFirmsPage
 * @id: a firm
 *
 * Opens the firm in the form, as selecting it does; the list no longer
 * holds the row of the firm shown before.
 */
void
zs_firms_page_open_firm (ZsFirmsPage *self,
                         gint64       id)
{
  g_return_if_fail (ZS_IS_FIRMS_PAGE (self));

  select_quietly (self, GTK_INVALID_LIST_POSITION);
  self->open_position = GTK_INVALID_LIST_POSITION;
  zs_record_editor_set_record_id (self->editor, id);
  show_editor (self);
}
