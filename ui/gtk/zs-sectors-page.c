/* zs-sectors-page.c: the priority sectors, grouped by the guideline clause
 *   that names them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "zs-sectors-page.h"
#include "zs-gtk-util-private.h"
#include "zs-list-detail.h"

struct _ZsSectorsPage
{
  GtkWidget           parent_instance;

  ZsStore            *store;
  GPtrArray          *sectors;     /* every sector, in the store's order */
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  GtkLabel           *detail_label;
  GtkButton          *firms_button;
  ZsListDetail       *list_detail;
  char               *selected_code;
  ZsSector           *selected;
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (ZsSectorsPage, zs_sectors_page, GTK_TYPE_WIDGET)

/* The sectors under @parent (a code), or under no sector in @clause. */
static GListModel *
list_children (ZsSectorsPage *self,
               int            clause,
               const char    *parent)
{
  GListStore *children = g_list_store_new (ZS_TYPE_SECTOR);

  for (guint i = 0; i < self->sectors->len; i++)
    {
      ZsSector *sector = g_ptr_array_index (self->sectors, i);

      if (parent != NULL ? g_strcmp0 (zs_sector_get_parent_code (sector), parent) == 0
                         : zs_sector_get_parent_code (sector) == NULL && zs_sector_get_clause (sector) == clause)
        g_list_store_append (children, sector);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (children)) == 0)
    g_clear_object (&children);
  return G_LIST_MODEL (children);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  ZsSectorsPage *self = user_data;

  if (ZS_IS_CLAUSE (item))
    return list_children (self, zs_clause_get_number (item), NULL);
  return list_children (self, 0, zs_sector_get_code (item));
}

static GListModel *
create_roots (ZsSectorsPage  *self,
              GError        **error)
{
  GListStore *roots = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GPtrArray) clauses = zs_store_list_clauses (self->store, error);

  if (clauses == NULL)
    {
      g_object_unref (roots);
      return NULL;
    }
  for (guint i = 0; i < clauses->len; i++)
    {
      ZsClause *clause = g_ptr_array_index (clauses, i);
      g_autoptr(GListModel) sectors = list_children (self, zs_clause_get_number (clause), NULL);

      if (sectors != NULL)
        g_list_store_append (roots, clause);
    }
  return G_LIST_MODEL (roots);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  /* a long name wraps on a narrow window rather than widening it */
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkWidget *box = gtk_tree_expander_get_child (expander);
  GtkLabel *name = GTK_LABEL (gtk_widget_get_first_child (box));
  GtkLabel *detail = GTK_LABEL (gtk_widget_get_last_child (box));
  gpointer object = gtk_tree_list_row_get_item (row);
  g_autofree char *title = NULL;

  gtk_tree_expander_set_list_row (expander, row);
  if (ZS_IS_CLAUSE (object))
    {
      /* Translators: a clause of the guideline: its numeral, such as 五, and title */
      title = g_strdup_printf (_("(%s) %s"), zs_clause_get_numeral (object), zs_clause_get_title (object));
      gtk_label_set_label (name, title);
      gtk_label_set_label (detail, "");
      gtk_widget_add_css_class (GTK_WIDGET (name), "heading");
    }
  else
    {
      gtk_label_set_label (name, zs_sector_get_name (object));
      gtk_label_set_label (detail, zs_sector_get_name_en (object) ? zs_sector_get_name_en (object) : "");
      gtk_widget_remove_css_class (GTK_WIDGET (name), "heading");
    }
  g_object_unref (object);
}

/* The sector's details; its firms are counted off the main thread, -1
 * until they are. */
static void
format_detail (ZsSectorsPage *self,
               gint64         firms)
{
  ZsSector *sector = self->selected;
  g_autofree char *synonyms = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  synonyms = g_strjoinv (" / ", (char **) (zs_sector_get_synonyms (sector) ? zs_sector_get_synonyms (sector)
                                                                          : (const char * const[]) { NULL }));
  count = firms >= 0 ? g_strdup_printf ("%" PRId64, firms) : g_strdup ("…");
  /* Translators: details of a sector: name, code, clause, firms (a number, or … while counted), synonyms */
  text = g_strdup_printf (_("%s\nCode: %s\nClause: %d%s\nFirms in this sector: %s\n%s"),
                          zs_sector_get_name (sector), zs_sector_get_code (sector), zs_sector_get_clause (sector),
                          zs_sector_get_priority (sector) ? _(" (priority)") : "", count, synonyms);
  gtk_label_set_label (self->detail_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->firms_button), firms > 0);
}

static gpointer
count_sector_firms (ZsStore       *store,
                    gpointer       code,
                    GCancellable  *cancellable,
                    GError       **error)
{
  gint64 firms = zs_store_count_firms (store, NULL, code, error);

  return firms >= 0 ? g_memdup2 (&firms, sizeof firms) : NULL;
}

static void
show_count (gpointer      owner,
            gpointer      result,
            const GError *error)
{
  ZsSectorsPage *self = owner;

  if (error != NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot count the firms"), error);
  if (self->selected != NULL)
    format_detail (self, result != NULL ? *(gint64 *) result : 0);
}

static void
show_detail (ZsSectorsPage *self,
             ZsSector      *sector)
{
  g_set_object (&self->selected, sector);
  g_free (self->selected_code);
  self->selected_code = g_strdup (zs_sector_get_code (sector));
  format_detail (self, -1);
  zs_gtk_read_in_thread (self, &self->cancellable, self->store, count_sector_firms,
                         g_strdup (self->selected_code), g_free, show_count, g_free);
}

/* TRUE while the selected sector's firms are counted: tests wait for it. */
gboolean
zs_sectors_page_is_loading (ZsSectorsPage *self)
{
  g_return_val_if_fail (ZS_IS_SECTORS_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

static void
selection_changed_cb (ZsSectorsPage *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GObject) object = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (ZS_IS_SECTOR (object))
    {
      show_detail (self, ZS_SECTOR (object));
      /* On a narrow window the detail takes the tree's place. */
      zs_list_detail_show_detail (self->list_detail);
    }
}

static void
show_firms_cb (ZsSectorsPage *self)
{
  if (self->selected_code != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-sector", "s", self->selected_code);
}

static GtkWidget *
create_detail (ZsSectorsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->detail_label = GTK_LABEL (gtk_label_new (_("Select a sector to see how many firms are in it")));
  gtk_label_set_wrap (self->detail_label, TRUE);
  gtk_label_set_xalign (self->detail_label, 0);
  gtk_label_set_selectable (self->detail_label, TRUE);
  self->firms_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Show _Firms")));
  gtk_widget_set_sensitive (GTK_WIDGET (self->firms_button), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->firms_button), GTK_ALIGN_START);
  g_signal_connect_swapped (self->firms_button, "clicked", G_CALLBACK (show_firms_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->firms_button));
  g_object_set (box, "margin-start", 18, "margin-end", 18, "margin-top", 18, "width-request", 240, NULL);
  return box;
}

static void
zs_sectors_page_dispose (GObject *object)
{
  ZsSectorsPage *self = ZS_SECTORS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->selected);
  zs_gtk_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_pointer (&self->sectors, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zs_sectors_page_parent_class)->dispose (object);
}

static void
zs_sectors_page_finalize (GObject *object)
{
  g_free (ZS_SECTORS_PAGE (object)->selected_code);

  G_OBJECT_CLASS (zs_sectors_page_parent_class)->finalize (object);
}

static void
zs_sectors_page_class_init (ZsSectorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_sectors_page_dispose;
  object_class->finalize = zs_sectors_page_finalize;

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
zs_sectors_page_init (ZsSectorsPage *self)
{
}

/**
 * zs_sectors_page_new:
 * @store: the store
 *
 * Returns: (transfer floating): the sectors page
 */
GtkWidget *
zs_sectors_page_new (ZsStore *store)
{
  ZsSectorsPage *self;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GError) error = NULL;
  GListModel *roots = NULL;
  GtkWidget *view, *scroller;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_SECTORS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->sectors = zs_store_list_sectors (store, 0, &error);
  if (self->sectors != NULL)
    roots = create_roots (self, &error);
  if (self->sectors == NULL)
    self->sectors = g_ptr_array_new_with_free_func (g_object_unref);
  if (roots == NULL)
    roots = G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT));

  self->tree = gtk_tree_list_model_new (roots, FALSE, FALSE, create_children_cb, self, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_widget_add_css_class (view, "navigation-sidebar");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_set_hexpand (scroller, TRUE);

  self->list_detail = ZS_LIST_DETAIL (zs_list_detail_new (scroller, create_detail (self)));
  gtk_widget_set_parent (GTK_WIDGET (self->list_detail), GTK_WIDGET (self));

  /* An empty tree says why it is empty. */
  if (error != NULL)
    {
      gtk_label_set_label (self->detail_label, error->message);
      zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the sectors"), error);
    }
  return GTK_WIDGET (self);
}

/**
 * zs_sectors_page_get_tree:
 * @self: a #ZsSectorsPage
 *
 * Returns: (transfer none): clauses, each expanding to its sectors
 */
GtkTreeListModel *
zs_sectors_page_get_tree (ZsSectorsPage *self)
{
  g_return_val_if_fail (ZS_IS_SECTORS_PAGE (self), NULL);

  return self->tree;
}

void
zs_sectors_page_select (ZsSectorsPage *self,
                        guint          position)
{
  g_return_if_fail (ZS_IS_SECTORS_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
}

const char *
zs_sectors_page_get_detail_text (ZsSectorsPage *self)
{
  g_return_val_if_fail (ZS_IS_SECTORS_PAGE (self), NULL);

  return gtk_label_get_label (self->detail_label);
}
