/* zs-projects-page.c: the projects as a list or as a pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-projects-page.h"
#include "zs-gtk-util-private.h"
#include "zs-list-detail.h"
#include "zs-list-output.h"

struct _ZsProjectsPage
{
  GtkWidget           parent_instance;

  ZsStore            *store;
  ZsProjectListModel *model;
  GtkSingleSelection *selection;
  GHashTable         *park_names;
  GStrv               park_codes;  /* of the park filter, [0] = "" */
  GStrv               owners;      /* of the owner filter, [0] = "" */
  GStrv               sector_codes; /* of the sector filter, [0] = "" */
  const char         *sort_probe;  /* the sort column found by find_sort() */

  GtkColumnView      *column_view;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *stage_filter;
  GtkDropDown        *park_filter;
  GtkDropDown        *owner_filter;
  GtkDropDown        *sector_filter;
  GtkStack           *layouts;
  GtkStack           *detail_stack;
  GtkLabel           *status_label;
  ZsRecordEditor     *editor;
  ZsPipelineBoard    *board;
  ZsListDetail       *list_detail;

  guint               open_position;     /* the row of the project in the form */
  guint               pending_position;  /* the row chosen while input is unsaved */
  gboolean            restoring;
};

G_DEFINE_FINAL_TYPE (ZsProjectsPage, zs_projects_page, GTK_TYPE_WIDGET)

typedef const char *(*TextFunc) (ZsProjectsPage *self, ZsProject *project, char **owned);

/* Columns {{{ */

static const char *
title_text (ZsProjectsPage *self, ZsProject *project, char **owned)
{
  return zs_project_get_title (project);
}

static const char *
firm_text (ZsProjectsPage *self, ZsProject *project, char **owned)
{
  /* read with the project, off the main thread; a row being read has none */
  return zs_project_list_model_get_firm_name (project);
}

static const char *
stage_text (ZsProjectsPage *self, ZsProject *project, char **owned)
{
  return zs_stage_get_label (zs_project_get_stage (project));
}

static const char *
park_text (ZsProjectsPage *self, ZsProject *project, char **owned)
{
  const char *code = zs_project_get_park_code (project);
  const char *name = code != NULL ? g_hash_table_lookup (self->park_names, code) : NULL;

  return name != NULL ? name : code;
}

static const char *
owner_text (ZsProjectsPage *self, ZsProject *project, char **owned)
{
  return zs_project_get_owner (project);
}

static const char *
planned_text (ZsProjectsPage *self, ZsProject *project, char **owned)
{
  return *owned = g_strdup_printf ("%.0f", zs_project_get_planned_investment (project));
}

static const char *
realised_text (ZsProjectsPage *self, ZsProject *project, char **owned)
{
  return *owned = g_strdup_printf ("%.0f", zs_project_get_realised_investment (project));
}

typedef struct
{
  const char *key;          /* the sort column of ZsProjectFilter */
  const char *title;
  TextFunc    text;
  gboolean    numeric;
  gboolean    expand;
  gboolean    ellipsize;    /* long free text; short values show whole */
  int         width_chars;  /* the least a cell shows */
} Column;

static const Column columns[] = {
  { "title", N_("Title"), title_text, FALSE, TRUE, TRUE, 14 },
  { "firm", N_("Firm"), firm_text, FALSE, TRUE, TRUE, 12 },
  { "stage", N_("Stage"), stage_text, FALSE, FALSE, FALSE, 6 },
  { "park", N_("Park"), park_text, FALSE, FALSE, TRUE, 10 },
  { "owner", N_("Owner"), owner_text, FALSE, FALSE, FALSE, 4 },
  /* Translators: column header; amounts in 10,000 yuan (万元) */
  { "planned", N_("Planned (10k ¥)"), planned_text, TRUE, FALSE, FALSE, 6 },
  /* Translators: column header; amounts in 10,000 yuan (万元) */
  { "realised", N_("Realised (10k ¥)"), realised_text, TRUE, FALSE, FALSE, 6 },
};

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          const Column             *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->numeric ? 1 : 0);
  if (column->ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), column->width_chars);
  gtk_widget_set_name (label, column->key);
  if (column->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         ZsProjectsPage           *self)
{
  const Column *column = g_object_get_data (G_OBJECT (factory), "column");
  ZsProject *project = gtk_list_item_get_item (item);
  g_autofree char *owned = NULL;
  const char *value = project != NULL && zs_project_get_id (project) != 0
                      ? column->text (self, project, &owned) : NULL;
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), value != NULL ? value : "");
  zs_gtk_set_cell_tooltip (label, value);
}

typedef struct
{
  ZsProjectsPage *self;
  const Column   *column;
} SortProbe;

/* Never sorts: the store does. GTK 4.8 does not say which column the user
 * sorts by, so find_sort() asks the column view's sorter to compare, and
 * the first column's sorter it calls says which it is. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  SortProbe *probe = data;

  if (probe->self->sort_probe == NULL)
    probe->self->sort_probe = probe->column->key;
  return GTK_ORDERING_LARGER;
}

static void
find_sort (ZsProjectsPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  self->sort_probe = NULL;
  /* two different items: a sorter finds an item equal to itself unasked */
  order = gtk_sorter_compare (sorter, self, self->model);
  zs_project_list_model_set_sort (self->model, self->sort_probe,
                                  order == GTK_ORDERING_SMALLER ? ZS_SORT_DESCENDING : ZS_SORT_ASCENDING);
}

static void
add_column (ZsProjectsPage *self,
            const Column   *spec)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  SortProbe *probe = g_new0 (SortProbe, 1);
  g_autoptr(GtkSorter) sorter = NULL;

  probe->self = self;
  probe->column = spec;
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, g_free));
  g_object_set_data (G_OBJECT (factory), "column", (gpointer) spec);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), (gpointer) spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  column = gtk_column_view_column_new (_(spec->title), factory);
  gtk_column_view_column_set_expand (column, spec->expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_append_column (self->column_view, column);
}

static GtkWidget *
create_column_view (ZsProjectsPage *self)
{
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    add_column (self, &columns[i]);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (find_sort), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self->column_view);
}

/* }}} */

static void
update_status (ZsProjectsPage *self)
{
  int n = (int) g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const GError *error = zs_paged_model_get_error (ZS_PAGED_MODEL (self->model));
  g_autofree char *status = NULL;

  if (error != NULL)
    /* Translators: %s is an error message from the database */
    status = g_strdup_printf (_("Cannot list projects: %s"), error->message);
  else
    status = g_strdup_printf (ngettext ("%d project", "%d projects", n), n);
  gtk_label_set_label (self->status_label, status);
}

static void
model_error_cb (ZsProjectsPage *self)
{
  const GError *error = zs_paged_model_get_error (ZS_PAGED_MODEL (self->model));

  if (error != NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list projects"), error);
  update_status (self);
}

static void
stage_selected_cb (ZsProjectsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->stage_filter);
  const char *nick = selected == 0 ? NULL : zs_enum_to_nick (ZS_TYPE_STAGE, selected - 1);

  zs_project_list_model_set_stage (self->model, nick);
}

static void
park_selected_cb (ZsProjectsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->park_filter);
  const char *code = selected < g_strv_length (self->park_codes) ? self->park_codes[selected] : "";

  zs_project_list_model_set_park (self->model, code);
  zs_pipeline_board_set_park (self->board, code);
}

/* On a narrow window the form takes the list's place. */
static void
show_editor (ZsProjectsPage *self)
{
  gtk_stack_set_visible_child_name (self->detail_stack, "editor");
  zs_list_detail_show_detail (self->list_detail);
}

static void
owner_selected_cb (ZsProjectsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->owner_filter);

  if (selected < g_strv_length (self->owners))
    zs_project_list_model_set_owner (self->model, self->owners[selected]);
}

static void
sector_selected_cb (ZsProjectsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->sector_filter);

  if (selected < g_strv_length (self->sector_codes))
    zs_project_list_model_set_sector (self->model, self->sector_codes[selected]);
}

static void
search_changed_cb (ZsProjectsPage *self)
{
  zs_project_list_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (ZsProjectsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  zs_project_list_model_set_search (self->model, NULL);
}

static void
select_quietly (ZsProjectsPage *self,
                guint           position)
{
  self->restoring = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->restoring = FALSE;
}

/* Opens the project of the selected row; one not read yet opens once it is. */
static void
open_selected (ZsProjectsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(ZsProject) project = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  project = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  /* id 0: its page is being read */
  if (project == NULL || zs_project_get_id (project) == 0)
    return;
  self->open_position = position;
  zs_record_editor_set_record_id (self->editor, zs_project_get_id (project));
  show_editor (self);
}

static void
open_pending (gpointer data)
{
  ZsProjectsPage *self = data;

  select_quietly (self, self->pending_position);
  open_selected (self);
}

static void
selection_changed_cb (ZsProjectsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(ZsProject) project = NULL;

  if (self->restoring || position == GTK_INVALID_LIST_POSITION ||
      (project = g_list_model_get_item (G_LIST_MODEL (self->selection), position)) == NULL ||
      zs_project_get_id (project) == 0)
    return;
  /* The list changed around the project shown: nothing to open. */
  if (zs_project_get_id (project) == zs_record_editor_get_record_id (self->editor) &&
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

/* A row selected before its project was read opens when it is. */
static void
items_changed_cb (ZsProjectsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(ZsProject) project = NULL;

  if (position == GTK_INVALID_LIST_POSITION ||
      (project = g_list_model_get_item (G_LIST_MODEL (self->selection), position)) == NULL ||
      zs_project_get_id (project) == 0)
    return;
  if (zs_project_get_id (project) != zs_record_editor_get_record_id (self->editor) &&
      !zs_record_editor_is_dirty (self->editor))
    open_selected (self);
}

static void
open_new_project (gpointer data)
{
  ZsProjectsPage *self = data;

  gtk_stack_set_visible_child_name (self->layouts, "list");
  select_quietly (self, GTK_INVALID_LIST_POSITION);
  self->open_position = GTK_INVALID_LIST_POSITION;
  zs_record_editor_new_record (self->editor);
  show_editor (self);
}

static void
new_project_cb (ZsProjectsPage *self)
{
  zs_record_editor_confirm_leave (self->editor, open_new_project, g_object_ref (self), g_object_unref);
}

static GtkWidget *
create_stage_filter (ZsProjectsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("All stages"));
  for (ZsStage stage = ZS_STAGE_LEAD; stage <= ZS_STAGE_LOST; stage++)
    gtk_string_list_append (labels, zs_stage_get_label (stage));
  self->stage_filter = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stage_filter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter by stage"), -1);
  g_signal_connect_swapped (self->stage_filter, "notify::selected", G_CALLBACK (stage_selected_cb), self);
  return GTK_WIDGET (self->stage_filter);
}

static GtkWidget *
create_park_filter (ZsProjectsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parks = zs_store_list_parks (self->store, &error);

  if (parks == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the parks"), error);
  self->park_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_string_list_append (labels, _("All parks"));
  g_strv_builder_add (codes, "");
  for (guint i = 0; parks != NULL && i < parks->len; i++)
    {
      ZsPark *park = g_ptr_array_index (parks, i);

      gtk_string_list_append (labels, zs_park_get_name (park));
      g_strv_builder_add (codes, zs_park_get_code (park));
      g_hash_table_insert (self->park_names, g_strdup (zs_park_get_code (park)), g_strdup (zs_park_get_name (park)));
    }
  self->park_codes = g_strv_builder_end (codes);
  self->park_filter = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->park_filter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter by park"), -1);
  zs_gtk_drop_down_ellipsize (self->park_filter, 16);
  g_signal_connect_swapped (self->park_filter, "notify::selected", G_CALLBACK (park_selected_cb), self);
  return GTK_WIDGET (self->park_filter);
}

static GtkWidget *
create_owner_filter (ZsProjectsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) owners = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = zs_store_list_project_owners (self->store, &error);

  if (names == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the project owners"), error);
  gtk_string_list_append (labels, _("All owners"));
  g_strv_builder_add (owners, "");
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gtk_string_list_append (labels, names[i]);
      g_strv_builder_add (owners, names[i]);
    }
  self->owners = g_strv_builder_end (owners);
  self->owner_filter = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  zs_gtk_drop_down_ellipsize (self->owner_filter, 12);
  zs_gtk_set_tooltip (GTK_WIDGET (self->owner_filter), _("Only projects this staff member owns"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->owner_filter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter by owner"), -1);
  g_signal_connect_swapped (self->owner_filter, "notify::selected", G_CALLBACK (owner_selected_cb), self);
  return GTK_WIDGET (self->owner_filter);
}

static GtkWidget *
create_sector_filter (ZsProjectsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sectors = zs_store_list_sectors (self->store, 0, &error);
  g_auto(GStrv) sector_codes = NULL;

  if (sectors == NULL)
    {
      zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the sectors"), error);
      sectors = g_ptr_array_new ();
    }
  gtk_string_list_append (labels, _("All sectors"));
  g_strv_builder_add (codes, "");
  sector_codes = zs_gtk_add_sector_choices (sectors, labels, NULL);
  g_strv_builder_addv (codes, (const char **) sector_codes);
  self->sector_codes = g_strv_builder_end (codes);
  self->sector_filter = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)),
                                                          gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  gtk_drop_down_set_enable_search (self->sector_filter, TRUE);
  zs_gtk_drop_down_ellipsize (self->sector_filter, 14);
  zs_gtk_set_tooltip (GTK_WIDGET (self->sector_filter), _("Only projects in this sector"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sector_filter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter by sector"), -1);
  g_signal_connect_swapped (self->sector_filter, "notify::selected", G_CALLBACK (sector_selected_cb), self);
  return GTK_WIDGET (self->sector_filter);
}

/* The filters wrap to more lines on a narrow window. */
static GtkWidget *
create_filter_box (ZsProjectsPage *self)
{
  GtkWidget *box = gtk_flow_box_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (box), FALSE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 8);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->layouts);
  gtk_flow_box_append (GTK_FLOW_BOX (box), switcher);
  gtk_flow_box_append (GTK_FLOW_BOX (box), create_stage_filter (self));
  gtk_flow_box_append (GTK_FLOW_BOX (box), create_park_filter (self));
  gtk_flow_box_append (GTK_FLOW_BOX (box), create_owner_filter (self));
  gtk_flow_box_append (GTK_FLOW_BOX (box), create_sector_filter (self));
  /* the children hold the controls; only the controls take focus */
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  return box;
}

static GtkWidget *
create_toolbar (ZsProjectsPage *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_search_delay (self->search_entry, 150);
  g_object_set (self->search_entry, "placeholder-text", _("Search projects"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search projects by title or firm"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  zs_gtk_set_tooltip (add, _("New Project"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (new_project_cb), self);

  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (bar), zs_list_output_create_menu_button ());
  gtk_box_append (GTK_BOX (bar), add);
  gtk_box_append (GTK_BOX (toolbar), bar);
  gtk_box_append (GTK_BOX (toolbar), create_filter_box (self));
  g_object_set (toolbar, "margin-start", 6, "margin-end", 6, "margin-top", 6, "margin-bottom", 6, NULL);
  return toolbar;
}

static GtkWidget *
create_list_layout (ZsProjectsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *none = adw_status_page_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), create_column_view (self));
  gtk_widget_set_vexpand (scroller, TRUE);
  /* the columns as wide as their text, when the window has room */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0);
  g_object_set (self->status_label, "margin-start", 12, "margin-top", 6, "margin-bottom", 6, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "caption");
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "document-edit-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Project Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none), _("Select a project to see and edit it, or move it to another stage"));
  self->editor = ZS_RECORD_EDITOR (zs_record_editor_new (self->store, "project"));
  self->detail_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->detail_stack, none, "none");
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->editor), "editor");

  self->list_detail = ZS_LIST_DETAIL (zs_list_detail_new (box, GTK_WIDGET (self->detail_stack)));
  return GTK_WIDGET (self->list_detail);
}

/* Export and print {{{ */

/* What a row of the list shows, for a worker: the page may go meanwhile,
 * so the row keeps its own reference to the park names. */
static GStrv
project_row (ZsStore  *store,
             GObject  *record,
             gpointer  data)
{
  GHashTable *park_names = data;
  ZsProject *project = ZS_PROJECT (record);
  g_autoptr(ZsFirm) firm = zs_store_get_firm (store, zs_project_get_firm_id (project), NULL);
  const char *park = zs_project_get_park_code (project);
  const char *park_name = park != NULL ? g_hash_table_lookup (park_names, park) : NULL;
  char **row = g_new0 (char *, G_N_ELEMENTS (columns) + 1);

  row[0] = g_strdup (zs_project_get_title (project));
  row[1] = g_strdup (firm != NULL ? zs_firm_get_name (firm) : "");
  row[2] = g_strdup (zs_stage_get_label (zs_project_get_stage (project)));
  row[3] = g_strdup (park_name != NULL ? park_name : park != NULL ? park : "");
  row[4] = g_strdup (zs_project_get_owner (project) != NULL ? zs_project_get_owner (project) : "");
  row[5] = g_strdup_printf ("%.0f", zs_project_get_planned_investment (project));
  row[6] = g_strdup_printf ("%.0f", zs_project_get_realised_investment (project));
  return row;
}

static GStrv
column_titles (void)
{
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_strv_builder_add (titles, _(columns[i].title));
  return g_strv_builder_end (titles);
}

/**
 * zs_projects_page_export_async:
 * @self: a #ZsProjectsPage
 * @path: a .xlsx or .csv file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the projects the list shows, every one its filters select and in
 * its order, with its columns.
 */
void
zs_projects_page_export_async (ZsProjectsPage      *self,
                               const char          *path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_auto(GStrv) titles = column_titles ();

  g_return_if_fail (ZS_IS_PROJECTS_PAGE (self));

  zs_paged_model_export_async (ZS_PAGED_MODEL (self->model), path, (const char * const *) titles, _("Projects"),
                               project_row, g_hash_table_ref (self->park_names),
                               (GDestroyNotify) g_hash_table_unref, cancellable, callback, user_data);
}

gint64
zs_projects_page_export_finish (ZsProjectsPage  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (ZS_IS_PROJECTS_PAGE (self), -1);

  return zs_paged_model_export_finish (ZS_PAGED_MODEL (self->model), result, error);
}

/* The filters in force, in words, for a printout's title. */
static char *
describe_filters (ZsProjectsPage *self)
{
  GtkDropDown *filters[] = { self->stage_filter, self->park_filter, self->owner_filter, self->sector_filter };
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      GObject *item = gtk_drop_down_get_selected_item (filters[i]);

      if (gtk_drop_down_get_selected (filters[i]) > 0 && GTK_IS_STRING_OBJECT (item))
        g_strv_builder_add (parts, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
    }
  if (search[0] != '\0')
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", search);

      g_strv_builder_add (parts, quoted);
    }
  strv = g_strv_builder_end (parts);
  /* Translators: separates the filters of a printed list */
  return g_strjoinv (_(", "), strv);
}

static void
rows_collected_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GTask) task = data;
  ZsProjectsPage *self = g_task_get_source_object (task);
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
  title = zs_list_output_dup_title (_("Projects"), filters);
  table = zs_table_print_new (title, (const char * const *) titles);
  zs_table_print_add_rows (table, rows);
  g_task_return_pointer (task, table, g_object_unref);
}

/**
 * zs_projects_page_print_list_async:
 * @self: a #ZsProjectsPage
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the printout
 * @user_data: data for @callback
 *
 * Reads the projects the list shows, as zs_projects_page_export_async()
 * writes them, into a printout titled with the filters in force.
 */
void
zs_projects_page_print_list_async (ZsProjectsPage      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ZS_IS_PROJECTS_PAGE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  zs_paged_model_collect_rows_async (ZS_PAGED_MODEL (self->model), project_row, g_hash_table_ref (self->park_names),
                                     (GDestroyNotify) g_hash_table_unref, cancellable, rows_collected_cb, task);
}

/**
 * zs_projects_page_print_list_finish:
 * @self: a #ZsProjectsPage
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the printout, or %NULL with @error set
 */
ZsTablePrint *
zs_projects_page_print_list_finish (ZsProjectsPage  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * zs_projects_page_print_record:
 * @self: a #ZsProjectsPage
 *
 * Returns: (transfer full) (nullable): the project in the form, field by
 *   field as it reads, or %NULL when none is open
 */
ZsTablePrint *
zs_projects_page_print_record (ZsProjectsPage *self)
{
  g_return_val_if_fail (ZS_IS_PROJECTS_PAGE (self), NULL);

  return zs_record_editor_print (self->editor);
}

static void
print_list_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  ZsProjectsPage *self = ZS_PROJECTS_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsTablePrint) table = zs_projects_page_print_list_finish (self, result, &error);

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
  zs_list_output_ask_export (widget, "projects", (ZsListExportFunc) zs_projects_page_export_async,
                             (ZsListExportFinishFunc) zs_projects_page_export_finish);
}

static void
print_list_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  zs_projects_page_print_list_async (ZS_PROJECTS_PAGE (widget), NULL, print_list_ready_cb, NULL);
}

static void
print_record_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(ZsTablePrint) table = zs_projects_page_print_record (ZS_PROJECTS_PAGE (widget));

  if (table != NULL)
    zs_list_output_print (widget, table);
  else
    zs_gtk_show_toast (widget, _("Open a saved project to print it"));
}

/* }}} */

static void
zs_projects_page_dispose (GObject *object)
{
  ZsProjectsPage *self = ZS_PROJECTS_PAGE (object);

  zs_gtk_unparent_children (GTK_WIDGET (self));
  zs_gtk_clear_connected (&self->store, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (zs_projects_page_parent_class)->dispose (object);
}

static void
zs_projects_page_finalize (GObject *object)
{
  ZsProjectsPage *self = ZS_PROJECTS_PAGE (object);

  g_clear_pointer (&self->park_names, g_hash_table_unref);
  g_strfreev (self->park_codes);
  g_strfreev (self->owners);
  g_strfreev (self->sector_codes);

  G_OBJECT_CLASS (zs_projects_page_parent_class)->finalize (object);
}

static void
zs_projects_page_class_init (ZsProjectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zs_projects_page_dispose;
  object_class->finalize = zs_projects_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_install_action (widget_class, "list.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "list.print", NULL, print_list_action);
  gtk_widget_class_install_action (widget_class, "list.print-record", NULL, print_record_action);
}

static void
zs_projects_page_init (ZsProjectsPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

/**
 * zs_projects_page_new:
 * @store: the store
 *
 * Returns: (transfer floating): the projects page
 */
GtkWidget *
zs_projects_page_new (ZsStore *store)
{
  ZsProjectsPage *self;
  GtkWidget *toolbar;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_PROJECTS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->open_position = GTK_INVALID_LIST_POSITION;
  self->model = zs_project_list_model_new (store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* The selection took the first row as it was made: nothing is open, so
   * nothing looks selected. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update_status), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (items_changed_cb), self);
  g_signal_connect_swapped (self->model, "notify::error", G_CALLBACK (model_error_cb), self);

  self->board = ZS_PIPELINE_BOARD (zs_pipeline_board_new (store));
  self->layouts = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->layouts), TRUE);
  gtk_stack_add_titled (self->layouts, create_list_layout (self), "list", _("List"));
  gtk_stack_add_titled (self->layouts, GTK_WIDGET (self->board), "board", _("Pipeline"));

  toolbar = create_toolbar (self);
  gtk_widget_set_parent (toolbar, GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->layouts), GTK_WIDGET (self));
  update_status (self);
  return GTK_WIDGET (self);
}

ZsProjectListModel *
zs_projects_page_get_model (ZsProjectsPage *self)
{
  g_return_val_if_fail (ZS_IS_PROJECTS_PAGE (self), NULL);

  return self->model;
}

ZsPipelineBoard *
zs_projects_page_get_board (ZsProjectsPage *self)
{
  g_return_val_if_fail (ZS_IS_PROJECTS_PAGE (self), NULL);

  return self->board;
}

/**
 * zs_projects_page_get_list_detail:
 * @self: a #ZsProjectsPage
 *
 * Returns: (transfer none): the list and the form, side by side or one at a time
 */
ZsListDetail *
zs_projects_page_get_list_detail (ZsProjectsPage *self)
{
  g_return_val_if_fail (ZS_IS_PROJECTS_PAGE (self), NULL);

  return self->list_detail;
}

ZsRecordEditor *
zs_projects_page_get_editor (ZsProjectsPage *self)
{
  g_return_val_if_fail (ZS_IS_PROJECTS_PAGE (self), NULL);

  return self->editor;
}

/**
 * zs_projects_page_set_layout:
 * @self: a #ZsProjectsPage
 * @layout: `list` or `board`
 */
void
zs_projects_page_set_layout (ZsProjectsPage *self,
                             const char     *layout)
{
  g_return_if_fail (ZS_IS_PROJECTS_PAGE (self));

  gtk_stack_set_visible_child_name (self->layouts, layout);
}

/**
 * zs_projects_page_set_stage:
 * @self: a #ZsProjectsPage
 * @stage: (nullable): a stage nick, or %NULL for every stage
 */
void
zs_projects_page_set_stage (ZsProjectsPage *self,
                            const char     *stage)
{
  ZsStage value;

  g_return_if_fail (ZS_IS_PROJECTS_PAGE (self));

  if (stage == NULL || !zs_stage_parse (stage, &value, NULL))
    gtk_drop_down_set_selected (self->stage_filter, 0);
  else
    gtk_drop_down_set_selected (self->stage_filter, value + 1);
}

/**
 * zs_projects_page_set_park:
 * @self: a #ZsProjectsPage
 * @park: (nullable): a park code, or %NULL for every park
 */
void
zs_projects_page_set_park (ZsProjectsPage *self,
                           const char     *park)
{
  g_return_if_fail (ZS_IS_PROJECTS_PAGE (self));

  for (guint i = 0; self->park_codes[i] != NULL; i++)
    if (g_strcmp0 (self->park_codes[i], park != NULL ? park : "") == 0)
      gtk_drop_down_set_selected (self->park_filter, i);
}

/**
 * zs_projects_page_get_column_view:
 * @self: a #ZsProjectsPage
 *
 * Returns: (transfer none): the list, whose headers sort it
 */
GtkColumnView *
zs_projects_page_get_column_view (ZsProjectsPage *self)
{
  g_return_val_if_fail (ZS_IS_PROJECTS_PAGE (self), NULL);

  return self->column_view;
}

/**
 * zs_projects_page_set_owner:
 * @self: a #ZsProjectsPage
 * @owner: (nullable): a staff member, or %NULL for every owner
 */
void
zs_projects_page_set_owner (ZsProjectsPage *self,
                            const char     *owner)
{
  g_return_if_fail (ZS_IS_PROJECTS_PAGE (self));

  for (guint i = 0; self->owners[i] != NULL; i++)
    if (g_strcmp0 (self->owners[i], owner != NULL ? owner : "") == 0)
      gtk_drop_down_set_selected (self->owner_filter, i);
}

/**
 * zs_projects_page_set_sector:
 * @self: a #ZsProjectsPage
 * @sector: (nullable): a sector code, or %NULL for every sector
 */
void
zs_projects_page_set_sector (ZsProjectsPage *self,
                             const char     *sector)
{
  g_return_if_fail (ZS_IS_PROJECTS_PAGE (self));

  for (guint i = 0; self->sector_codes[i] != NULL; i++)
    if (g_strcmp0 (self->sector_codes[i], sector != NULL ? sector : "") == 0)
      gtk_drop_down_set_selected (self->sector_filter, i);
}

/**
 * zs_projects_page_get_search_entry:
 * @self: a #ZsProjectsPage
 *
 * Returns: (transfer none): where the user searches titles and firms
 */
GtkEditable *
zs_projects_page_get_search_entry (ZsProjectsPage *self)
{
  g_return_val_if_fail (ZS_IS_PROJECTS_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

void
zs_projects_page_select (ZsProjectsPage *self,
                         guint           position)
{
  g_return_if_fail (ZS_IS_PROJECTS_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
}
