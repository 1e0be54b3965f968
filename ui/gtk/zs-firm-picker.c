/* zs-firm-picker.c: choose a firm by searching its name or credit code
 *
 * Where a firm is asked for, the user types part of its name or code and
 * picks it from the matches, never an id. The search runs in a worker
 * thread through a connection of its own; a newer search cancels an older
 * one, and the matches are shown on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-firm-picker.h"
#include "zs-gtk-util-private.h"

#define MAX_MATCHES 8

struct _ZsFirmPicker
{
  GtkWidget     parent_instance;

  ZsStore      *store;
  GtkWidget    *entry;
  GtkWidget    *list;
  GtkLabel     *chosen;
  GListStore   *results;
  GCancellable *cancellable;
  gint64        firm_id;
  char         *firm_name;
};

G_DEFINE_FINAL_TYPE (ZsFirmPicker, zs_firm_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FIRM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In a worker: the firms whose name or credit code holds @text. */
static gpointer
search_firms (ZsStore       *store,
              gpointer       text,
              GCancellable  *cancellable,
              GError       **error)
{
  return zs_store_list_firms (store, text, NULL, 0, MAX_MATCHES, error);
}

static void
show_firms (gpointer      owner,
            gpointer      result,
            const GError *error)
{
  ZsFirmPicker *self = owner;
  GPtrArray *firms = result;

  if (error != NULL)
    {
      zs_gtk_show_error (GTK_WIDGET (self), _("Cannot search the firms"), error);
      return;
    }
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       firms->pdata, firms->len);
}

/**
 * zs_firm_picker_search:
 * @self: a #ZsFirmPicker
 * @text: part of a firm's name or credit code
 *
 * Lists the matching firms, read in a worker thread.
 */
void
zs_firm_picker_search (ZsFirmPicker *self,
                       const char   *text)
{
  g_return_if_fail (ZS_IS_FIRM_PICKER (self));

  if (text == NULL || text[0] == '\0')
    {
      if (self->cancellable != NULL)
        g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      g_list_store_remove_all (self->results);
      return;
    }
  zs_gtk_read_in_thread (self, &self->cancellable, self->store, search_firms, g_strdup (text), g_free,
                         show_firms, (GDestroyNotify) g_ptr_array_unref);
}

static void
search_changed_cb (ZsFirmPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  /* Typing again after a choice starts a new one. */
  if (self->firm_name == NULL || g_strcmp0 (text, self->firm_name) != 0)
    zs_firm_picker_search (self, text);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ZsFirm *firm = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zs_firm_get_name (firm));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), zs_firm_get_uscc (firm) ? zs_firm_get_uscc (firm) : "");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
row_activated_cb (ZsFirmPicker  *self,
                  GtkListBoxRow *row)
{
  g_autoptr(ZsFirm) firm = g_list_model_get_item (G_LIST_MODEL (self->results),
                                                  gtk_list_box_row_get_index (row));

  if (firm != NULL)
    zs_firm_picker_set_firm (self, zs_firm_get_id (firm), zs_firm_get_name (firm));
}

/**
 * zs_firm_picker_set_firm:
 * @self: a #ZsFirmPicker
 * @id: the chosen firm, or 0 for none
 * @name: (nullable): its name
 */
void
zs_firm_picker_set_firm (ZsFirmPicker *self,
                         gint64        id,
                         const char   *name)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ZS_IS_FIRM_PICKER (self));

  g_free (self->firm_name);
  self->firm_name = id != 0 ? g_strdup (name) : NULL;
  if (id != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), name ? name : "");
      g_list_store_remove_all (self->results);
    }
  /* Translators: the firm chosen in a firm picker */
  text = id != 0 ? g_strdup_printf (_("Chosen: %s"), name ? name : "") : g_strdup (_("No firm chosen"));
  gtk_label_set_label (self->chosen, text);
  if (self->firm_id == id)
    return;
  self->firm_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRM_ID]);
}

static void
zs_firm_picker_dispose (GObject *object)
{
  ZsFirmPicker *self = ZS_FIRM_PICKER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  zs_gtk_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->results);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zs_firm_picker_parent_class)->dispose (object);
}

static void
zs_firm_picker_finalize (GObject *object)
{
  g_free (ZS_FIRM_PICKER (object)->firm_name);

  G_OBJECT_CLASS (zs_firm_picker_parent_class)->finalize (object);
}

static void
zs_firm_picker_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FIRM_ID: g_value_set_int64 (value, ZS_FIRM_PICKER (object)->firm_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_firm_picker_class_init (ZsFirmPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_firm_picker_dispose;
  object_class->finalize = zs_firm_picker_finalize;
  object_class->get_property = zs_firm_picker_get_property;

  /** ZsFirmPicker:firm-id: the chosen firm, or 0 */
  properties[PROP_FIRM_ID] =
    g_param_spec_int64 ("firm-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
zs_firm_picker_init (ZsFirmPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->results = g_list_store_new (ZS_TYPE_FIRM);
  self->entry = gtk_search_entry_new ();
  g_object_set (self->entry, "placeholder-text", _("Search firms by name or credit code"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Firm"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  self->list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Matching firms"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->results), create_row, self, NULL);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  self->chosen = GTK_LABEL (gtk_label_new (_("No firm chosen")));
  gtk_label_set_xalign (self->chosen, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->chosen), "dim-label");
  gtk_box_append (GTK_BOX (box), self->entry);
  gtk_box_append (GTK_BOX (box), self->list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chosen));
  gtk_widget_set_parent (box, GTK_WIDGET (self));
}

/**
 * zs_firm_picker_new:
 * @store: the store the firms are searched in
 *
 * Returns: (transfer floating): a new firm picker
 */
GtkWidget *
zs_firm_picker_new (ZsStore *store)
{
  ZsFirmPicker *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_FIRM_PICKER, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

gint64
zs_firm_picker_get_firm_id (ZsFirmPicker *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_PICKER (self), 0);
  return self->firm_id;
}

const char *
zs_firm_picker_get_firm_name (ZsFirmPicker *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_PICKER (self), NULL);
  return self->firm_name;
}

/**
 * zs_firm_picker_get_results:
 * @self: a #ZsFirmPicker
 *
 * Returns: (transfer none): the firms matching the last search
 */
GListModel *
zs_firm_picker_get_results (ZsFirmPicker *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_PICKER (self), NULL);
  return G_LIST_MODEL (self->results);
}

gboolean
zs_firm_picker_is_searching (ZsFirmPicker *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_PICKER (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * zs_firm_picker_get_entry:
 * @self: a #ZsFirmPicker
 *
 * Returns: (transfer none): the search entry, for a label's mnemonic
 */
GtkWidget *
zs_firm_picker_get_entry (ZsFirmPicker *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_PICKER (self), NULL);
  return self->entry;
}
