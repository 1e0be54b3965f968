/* zs-projects-page.c: the projects as a list or as a pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-projects-page.h"
#include "zs-gtk-util-private.h"
#include "zs-list-detail.h"

struct _ZsProjectsPage
{
  GtkWidget           parent_instance;

  ZsStore            *store;
  ZsProjectListModel *model;
  GtkSingleSelection *selection;
  GHashTable         *park_names;
  GHashTable         *firm_names;  /* id → name, of firms listed */
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
  gint64 id = zs_project_get_firm_id (project);
  const char *name = g_hash_table_lookup (self->firm_names, &id);
  g_autoptr(ZsFirm) firm = NULL;
  g_autoptr(GError) error = NULL;

  /* a row still being read has no firm yet */
  if (name != NULL || id == 0)
    return name;
  firm = zs_store_get_firm (self->store, id, &error);
  if (firm == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot read a firm"), error);
  g_hash_table_insert (self->firm_names, g_memdup2 (&id, sizeof id),
                       g_strdup (firm != NULL ? zs_firm_get_name (firm) : ""));
  return g_hash_table_lookup (self->firm_names, &id);
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
  gtk_widget_set_tooltip_text (label, value != NULL && value[0] != '\0' ? value : NULL);
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
  g_clear_pointer (&self->firm_names, g_hash_table_unref);
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
}

static void
zs_projects_page_init (ZsProjectsPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->firm_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
firm_changed_cb (ZsProjectsPage *self,
                 const char     *entity,
                 gint64          id)
{
  if (g_strcmp0 (entity, "firm") == 0)
    g_hash_table_remove (self->firm_names, &id);
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
  g_signal_connect_swapped (store, "changed", G_CALLBACK (firm_changed_cb), self);

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
