/* zs-record-type-page.c: a list-and-form page for any record type
 *
 * Everything on the page is derived from the type's fields: the columns
 * of the list, and the form (an entry for text and dates, a spin button
 * for numbers, a switch for booleans, a drop-down for enum values and for
 * references). Saving follows the record editor: the record is read again,
 * set back to the version the form was loaded from, and given only the
 * fields the user changed, so edits of other fields merge and a field
 * someone else changed meanwhile is a conflict the user settles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "zs-record-type-page.h"
#include "zs-list-detail.h"

#define MAX_ROWS 500
#define MAX_REFERENCES 1000
#define MAX_LIST_FIELDS 6

struct _ZsRecordTypePage
{
  GtkWidget      parent_instance;

  ZsStore       *store;
  char          *type_name;
  ZsRecordType  *type;
  gulong         changed_id;

  GListStore    *records;
  GtkSingleSelection *selection;
  GListStore    *history;

  GtkWidget     *list_detail;
  GtkWidget     *search;
  GtkWidget     *column_view;
  GtkWidget     *form_title;
  GtkWidget     *error_label;
  GtkWidget     *delete_button;

  GPtrArray     *fields;     /* ZsFieldSpec with an input */
  GHashTable    *inputs;     /* field name → input widget */
  GHashTable    *ref_ids;    /* field name → GArray of gint64, by drop-down position */
  GHashTable    *initial;    /* field name → the input's text as loaded */

  gint64         record_id;  /* 0 for a new record */
  gint64         version;    /* the version the form was loaded from */
  char          *error_text;
  gboolean       refreshing;
};

G_DEFINE_FINAL_TYPE (ZsRecordTypePage, zs_record_type_page, GTK_TYPE_WIDGET)

static void load_record (ZsRecordTypePage *self, gint64 id);

static void
set_error (ZsRecordTypePage *self,
           const char       *text)
{
  g_free (self->error_text);
  self->error_text = g_strdup (text);
  gtk_label_set_text (GTK_LABEL (self->error_label), text != NULL ? text : "");
  gtk_widget_set_visible (self->error_label, text != NULL);
}

static gboolean
is_bookkeeping (ZsFieldSpec *field)
{
  return g_str_equal (zs_field_spec_get_name (field), "id") ||
         g_str_equal (zs_field_spec_get_name (field), "version");
}

static const char *
field_label (ZsFieldSpec *field)
{
  const char *label = zs_field_spec_get_label (field);

  return label != NULL && label[0] != '\0' ? label : zs_field_spec_get_name (field);
}

/* The text a list cell shows: an enum's label rather than its value. */
static char *
display_text (ZsRecordTypePage *self,
              GObject          *record,
              ZsFieldSpec      *field)
{
  g_autofree char *text = zs_record_type_get_text (self->type, record, zs_field_spec_get_name (field));

  if (text != NULL && zs_field_spec_get_kind (field) == ZS_FIELD_ENUM)
    {
      const char *label = zs_field_spec_get_enum_label (field, text);

      if (label != NULL)
        return g_strdup (label);
    }
  return g_steal_pointer (&text);
}

/* The list */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ZsRecordTypePage         *self)
{
  ZsFieldSpec *field = g_object_get_data (G_OBJECT (factory), "field");
  GObject *record = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (field == NULL)
    {
      gint64 id = 0;

      g_object_get (record, "id", &id, NULL);
      text = g_strdup_printf ("%" PRId64, id);
    }
  else
    text = display_text (self, record, field);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
add_column (ZsRecordTypePage *self,
            const char       *title,
            ZsFieldSpec      *field)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  if (field != NULL)
    g_object_set_data_full (G_OBJECT (factory), "field", g_object_ref (field), g_object_unref);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (field != NULL)
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
  g_object_unref (column);
}

static gboolean
has_searchable_fields (ZsRecordTypePage *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (zs_field_spec_get_searchable (g_ptr_array_index (self->fields, i)))
      return TRUE;
  return FALSE;
}

static gint64
record_id_of (gpointer record)
{
  gint64 id = 0;

  if (record != NULL)
    g_object_get (record, "id", &id, NULL);
  return id;
}

static void
refresh_list (ZsRecordTypePage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  if (search[0] != '\0' && has_searchable_fields (self))
    found = zs_store_search_records (self->store, self->type_name, search, MAX_ROWS, &error);
  else
    {
      g_autoptr(ZsRecordQuery) query = zs_record_query_new ();

      zs_record_query_set_limit (query, MAX_ROWS);
      found = zs_store_list_records (self->store, self->type_name, query, &error);
    }
  if (found == NULL)
    {
      set_error (self, error->message);
      return;
    }

  self->refreshing = TRUE;
  g_list_store_splice (self->records, 0, g_list_model_get_n_items (G_LIST_MODEL (self->records)),
                       found->pdata, found->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < found->len; i++)
    if (self->record_id != 0 && record_id_of (g_ptr_array_index (found, i)) == self->record_id)
      gtk_single_selection_set_selected (self->selection, i);
  self->refreshing = FALSE;
}

static void
on_search_changed (GtkSearchEntry   *entry,
                   ZsRecordTypePage *self)
{
  refresh_list (self);
}

static void
on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      ZsRecordTypePage   *self)
{
  gpointer record = gtk_single_selection_get_selected_item (selection);

  if (self->refreshing || record == NULL || record_id_of (record) == self->record_id)
    return;
  load_record (self, record_id_of (record));
  /* On a narrow window the form takes the list's place. */
  zs_list_detail_show_detail (ZS_LIST_DETAIL (self->list_detail));
}

/* History */

static void
refresh_history (ZsRecordTypePage *self)
{
  g_autoptr(GPtrArray) changes = NULL;

  g_list_store_remove_all (self->history);
  if (self->record_id == 0)
    return;
  changes = zs_store_list_changes (self->store, self->type_name, self->record_id, 0, 50, NULL);
  if (changes != NULL)
    g_list_store_splice (self->history, 0, 0, changes->pdata, changes->len);
}

static void
on_revert_clicked (GtkButton        *button,
                   ZsRecordTypePage *self)
{
  gint64 change_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "change-id"));
  g_autoptr(GError) error = NULL;

  if (zs_store_revert_change (self->store, change_id, &error) == 0)
    {
      set_error (self, error->message);
      return;
    }
  set_error (self, NULL);
  load_record (self, self->record_id);
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  ZsRecordTypePage *self = user_data;
  ZsChange *change = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label, *button;
  g_autofree char *text = NULL;
  const char *kind = zs_enum_to_nick (ZS_TYPE_CHANGE_KIND, zs_change_get_kind (change));

  if (zs_change_get_field (change) != NULL && zs_change_get_field (change)[0] != '\0')
    text = g_strdup_printf ("%s  %s  %s %s: %s → %s", zs_change_get_at (change), zs_change_get_actor (change),
                            kind, zs_change_get_field (change),
                            zs_change_get_old_value (change) ? zs_change_get_old_value (change) : "",
                            zs_change_get_new_value (change) ? zs_change_get_new_value (change) : "");
  else
    text = g_strdup_printf ("%s  %s  %s", zs_change_get_at (change), zs_change_get_actor (change), kind);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new_with_label (_("Revert"));
  g_object_set_data (G_OBJECT (button), "change-id", GSIZE_TO_POINTER ((gsize) zs_change_get_id (change)));
  gtk_widget_set_sensitive (button, zs_change_get_reverted_by (change) == 0);
  g_signal_connect (button, "clicked", G_CALLBACK (on_revert_clicked), self);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

/* The form */

static GtkWidget *
reference_picker (ZsRecordTypePage *self,
                  ZsFieldSpec      *field)
{
  const char *target = zs_field_spec_get_reference (field);
  ZsRecordType *type = zs_store_lookup_record_type (self->store, target);
  GtkStringList *names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
  g_autoptr(GPtrArray) records = NULL;
  const char *shown = NULL;
  GtkWidget *drop_down;
  gint64 none = 0;

  gtk_string_list_append (names, "—");
  g_array_append_val (ids, none);
  /* a record is shown by its first text field, "name" if it has one */
  if (type != NULL)
    {
      GPtrArray *fields = zs_record_type_get_fields (type);

      for (guint i = 0; i < fields->len && shown == NULL; i++)
        if (g_str_equal (zs_field_spec_get_name (g_ptr_array_index (fields, i)), "name"))
          shown = "name";
      for (guint i = 0; i < fields->len && shown == NULL; i++)
        if (zs_field_spec_get_kind (g_ptr_array_index (fields, i)) == ZS_FIELD_TEXT)
          shown = zs_field_spec_get_name (g_ptr_array_index (fields, i));
    }
  zs_record_query_set_limit (query, MAX_REFERENCES);
  if (type != NULL && (records = zs_store_list_records (self->store, target, query, NULL)) != NULL)
    for (guint i = 0; i < records->len; i++)
      {
        GObject *record = g_ptr_array_index (records, i);
        gint64 id = record_id_of (record);
        g_autofree char *name = shown ? zs_record_type_get_text (type, record, shown) : NULL;
        g_autofree char *text = g_strdup_printf ("%" PRId64 " %s", id, name != NULL ? name : "");

        gtk_string_list_append (names, text);
        g_array_append_val (ids, id);
      }

  drop_down = gtk_drop_down_new (G_LIST_MODEL (names),
                                 gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  g_hash_table_insert (self->ref_ids, g_strdup (zs_field_spec_get_name (field)), ids);
  return drop_down;
}

static GtkWidget *
make_input (ZsRecordTypePage *self,
            ZsFieldSpec      *field)
{
  double minimum = -1e12, maximum = 1e12;
  GtkWidget *input;

  zs_field_spec_get_minimum (field, &minimum);
  zs_field_spec_get_maximum (field, &maximum);
  switch (zs_field_spec_get_kind (field))
    {
    case ZS_FIELD_INTEGER:
      input = gtk_spin_button_new_with_range (minimum, maximum, 1);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (input), 0);
      break;
    case ZS_FIELD_DECIMAL:
    case ZS_FIELD_MONEY:
      input = gtk_spin_button_new_with_range (minimum, maximum, 0.1);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (input), 2);
      break;
    case ZS_FIELD_BOOLEAN:
      input = gtk_switch_new ();
      gtk_widget_set_halign (input, GTK_ALIGN_START);
      break;
    case ZS_FIELD_ENUM:
      {
        const char * const *values = zs_field_spec_get_enum_values (field);
        GtkStringList *labels = gtk_string_list_new (NULL);

        gtk_string_list_append (labels, "—");
        for (guint i = 0; values != NULL && values[i] != NULL; i++)
          gtk_string_list_append (labels, zs_field_spec_get_enum_label (field, values[i]));
        input = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
      }
      break;
    case ZS_FIELD_REFERENCE:
      input = reference_picker (self, field);
      break;
    case ZS_FIELD_DATE:
      input = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (input), "YYYY-MM-DD");
      break;
    case ZS_FIELD_TEXT:
    default:
      input = gtk_entry_new ();
      break;
    }
  gtk_widget_set_hexpand (input, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL, field_label (field), -1);
  return input;
}

/**
 * zs_record_type_page_get_field_text:
 * @self: a #ZsRecordTypePage
 * @field: a field name
 *
 * Returns: (transfer full) (nullable): the form's value of @field as text,
 *   "" when empty, %NULL for a field not on the form
 */
char *
zs_record_type_page_get_field_text (ZsRecordTypePage *self,
                                    const char       *field)
{
  GtkWidget *input;
  ZsFieldSpec *spec;

  g_return_val_if_fail (ZS_IS_RECORD_TYPE_PAGE (self), NULL);

  if (!(input = g_hash_table_lookup (self->inputs, field)))
    return NULL;
  spec = zs_record_type_lookup_field (self->type, field);
  switch (zs_field_spec_get_kind (spec))
    {
    case ZS_FIELD_INTEGER:
      return g_strdup_printf ("%" PRId64, (gint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (input)));
    case ZS_FIELD_DECIMAL:
    case ZS_FIELD_MONEY:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f",
                                          gtk_spin_button_get_value (GTK_SPIN_BUTTON (input))));
      }
    case ZS_FIELD_BOOLEAN:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (input)) ? "true" : "false");
    case ZS_FIELD_ENUM:
      {
        guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (input));
        const char * const *values = zs_field_spec_get_enum_values (spec);

        if (position == 0 || position == GTK_INVALID_LIST_POSITION || values == NULL ||
            position > g_strv_length ((char **) values))
          return g_strdup ("");
        return g_strdup (values[position - 1]);
      }
    case ZS_FIELD_REFERENCE:
      {
        guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (input));
        GArray *ids = g_hash_table_lookup (self->ref_ids, field);

        if (position == 0 || position == GTK_INVALID_LIST_POSITION || position >= ids->len)
          return g_strdup ("");
        return g_strdup_printf ("%" PRId64, g_array_index (ids, gint64, position));
      }
    case ZS_FIELD_TEXT:
    case ZS_FIELD_DATE:
    default:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (input)));
    }
}

/**
 * zs_record_type_page_set_field_text:
 * @self: a #ZsRecordTypePage
 * @field: a field name
 * @text: (nullable): the value as text (as zs_record_type_get_text()
 *   gives it), %NULL or "" for none
 *
 * Sets the form's input of @field, as if the user had.
 */
void
zs_record_type_page_set_field_text (ZsRecordTypePage *self,
                                    const char       *field,
                                    const char       *text)
{
  GtkWidget *input;
  ZsFieldSpec *spec;

  g_return_if_fail (ZS_IS_RECORD_TYPE_PAGE (self));

  if (!(input = g_hash_table_lookup (self->inputs, field)))
    return;
  if (text == NULL)
    text = "";
  spec = zs_record_type_lookup_field (self->type, field);
  switch (zs_field_spec_get_kind (spec))
    {
    case ZS_FIELD_INTEGER:
    case ZS_FIELD_DECIMAL:
    case ZS_FIELD_MONEY:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (input), g_ascii_strtod (text, NULL));
      break;
    case ZS_FIELD_BOOLEAN:
      gtk_switch_set_active (GTK_SWITCH (input), g_str_equal (text, "true") || g_str_equal (text, "1"));
      break;
    case ZS_FIELD_ENUM:
      {
        const char * const *values = zs_field_spec_get_enum_values (spec);
        guint position = 0;

        for (guint i = 0; values != NULL && values[i] != NULL; i++)
          if (g_str_equal (values[i], text))
            position = i + 1;
        gtk_drop_down_set_selected (GTK_DROP_DOWN (input), position);
      }
      break;
    case ZS_FIELD_REFERENCE:
      {
        GArray *ids = g_hash_table_lookup (self->ref_ids, field);
        gint64 id = g_ascii_strtoll (text, NULL, 10);
        guint position = 0;

        for (guint i = 1; id > 0 && i < ids->len; i++)
          if (g_array_index (ids, gint64, i) == id)
            position = i;
        gtk_drop_down_set_selected (GTK_DROP_DOWN (input), position);
      }
      break;
    case ZS_FIELD_TEXT:
    case ZS_FIELD_DATE:
    default:
      gtk_editable_set_text (GTK_EDITABLE (input), text);
      break;
    }
}

/* Fills the form from @record (defaults for a new one) and remembers what
 * it shows, so that saving writes only what the user changed. */
static void
fill_form (ZsRecordTypePage *self,
           GObject          *record)
{
  g_hash_table_remove_all (self->initial);
  for (guint i = 0; i < self->fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (self->fields, i);
      const char *name = zs_field_spec_get_name (field);
      g_autofree char *text = record ? zs_record_type_get_text (self->type, record, name)
                                     : g_strdup (zs_field_spec_get_default (field));

      zs_record_type_page_set_field_text (self, name, text);
      g_hash_table_insert (self->initial, g_strdup (name), zs_record_type_page_get_field_text (self, name));
    }
}

static void
load_record (ZsRecordTypePage *self,
             gint64            id)
{
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  set_error (self, NULL);
  if (id > 0 && !(record = zs_store_get_record (self->store, self->type_name, id, &error)))
    {
      set_error (self, error->message);
      id = 0;
    }
  self->record_id = id;
  self->version = 0;
  if (record != NULL)
    g_object_get (record, "version", &self->version, NULL);
  fill_form (self, record);
  if (id > 0)
    title = g_strdup_printf ("%s %" PRId64, zs_record_type_get_label (self->type), id);
  else
    title = g_strdup_printf (_("New %s"), zs_record_type_get_label (self->type));
  gtk_label_set_text (GTK_LABEL (self->form_title), title);
  gtk_widget_set_sensitive (self->delete_button, id > 0);
  refresh_history (self);
}

/* Only the fields whose input differs from what the form was loaded with. */
static gboolean
apply_edits (ZsRecordTypePage  *self,
             GObject           *record,
             GError           **error)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      const char *name = zs_field_spec_get_name (g_ptr_array_index (self->fields, i));
      g_autofree char *text = zs_record_type_page_get_field_text (self, name);

      if (g_strcmp0 (text, g_hash_table_lookup (self->initial, name)) == 0)
        continue;
      if (!zs_record_type_set_text (self->type, record, name, text[0] != '\0' ? text : NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
on_conflict_response (GtkDialog        *dialog,
                      int               response,
                      ZsRecordTypePage *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GObject) latest = zs_store_get_record (self->store, self->type_name, self->record_id, NULL);

      /* mine over theirs: start from the version now stored */
      if (latest != NULL)
        g_object_get (latest, "version", &self->version, NULL);
      zs_record_type_page_save (self);
    }
  else if (response == GTK_RESPONSE_REJECT)
    load_record (self, self->record_id);
}

static void
show_conflict (ZsRecordTypePage *self,
               const GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("Someone else changed this record"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("Keep Their Values"), GTK_RESPONSE_REJECT,
                          _("Save Mine"), GTK_RESPONSE_ACCEPT,
                          NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_conflict_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * zs_record_type_page_save:
 * @self: a #ZsRecordTypePage
 *
 * Saves the form: a new record, or the fields the user changed in the
 * record shown. A field someone else changed since the form was loaded
 * opens a dialog to keep their value or save this one; other errors are
 * shown on the page (see zs_record_type_page_get_error_text()).
 *
 * Returns: %TRUE if the record was saved
 */
gboolean
zs_record_type_page_save (ZsRecordTypePage *self)
{
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = self->record_id;

  g_return_val_if_fail (ZS_IS_RECORD_TYPE_PAGE (self), FALSE);

  set_error (self, NULL);
  if (id == 0)
    {
      record = zs_record_type_new_record (self->type);
      if (!apply_edits (self, record, &error) ||
          (id = zs_store_create_record (self->store, record, &error)) <= 0)
        goto failed;
    }
  else
    {
      if (!(record = zs_store_get_record (self->store, self->type_name, id, &error)))
        goto failed;
      g_object_set (record, "version", self->version, NULL);
      if (!apply_edits (self, record, &error) ||
          !zs_store_update_record (self->store, record, &error))
        goto failed;
    }
  self->record_id = id;
  refresh_list (self);
  load_record (self, id);
  return TRUE;

failed:
  if (g_error_matches (error, ZS_ERROR, ZS_ERROR_CONFLICT))
    show_conflict (self, error);
  set_error (self, error->message);
  return FALSE;
}

static void
on_save_clicked (GtkButton        *button,
                 ZsRecordTypePage *self)
{
  zs_record_type_page_save (self);
}

static void
on_new_clicked (GtkButton        *button,
                ZsRecordTypePage *self)
{
  zs_record_type_page_new_record (self);
}

static void
on_delete_clicked (GtkButton        *button,
                   ZsRecordTypePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->record_id == 0)
    return;
  if (!zs_store_delete_record (self->store, self->type_name, self->record_id, &error))
    {
      set_error (self, error->message);
      return;
    }
  load_record (self, 0);
  refresh_list (self);
}

static void
on_store_changed (ZsStore          *store,
                  const char       *entity,
                  gint64            id,
                  ZsChangeKind      kind,
                  ZsRecordTypePage *self)
{
  if (g_strcmp0 (entity, self->type_name) != 0)
    return;
  refresh_list (self);
  if (id == self->record_id)
    refresh_history (self);
}

static GtkWidget *
build_form (ZsRecordTypePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button, *history, *scrolled;
  guint row = 0;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  self->form_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->form_title), 0);
  gtk_widget_add_css_class (self->form_title, "title-3");
  gtk_box_append (GTK_BOX (box), self->form_title);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < self->fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (self->fields, i);
      g_autofree char *text = g_strdup_printf (zs_field_spec_get_required (field) ? "%s *" : "%s",
                                               field_label (field));
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *input = make_input (self, field);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), input, 1, row, 1, 1);
      g_hash_table_insert (self->inputs, g_strdup (zs_field_spec_get_name (field)), input);
      row++;
    }
  gtk_box_append (GTK_BOX (box), grid);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->error_label);

  button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (on_save_clicked), self);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_New"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_new_clicked), self);
  gtk_box_append (GTK_BOX (buttons), button);
  self->delete_button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  g_signal_connect (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked), self);
  gtk_box_append (GTK_BOX (buttons), self->delete_button);
  gtk_box_append (GTK_BOX (box), buttons);

  history = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (history), GTK_SELECTION_NONE);
  gtk_list_box_bind_model (GTK_LIST_BOX (history), G_LIST_MODEL (self->history),
                           create_history_row, self, NULL);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), history);
  gtk_widget_set_vexpand (scrolled, TRUE);
  {
    GtkWidget *heading = gtk_label_new (_("History"));

    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_widget_add_css_class (heading, "heading");
    gtk_box_append (GTK_BOX (box), heading);
  }
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static GtkWidget *
build_list (ZsRecordTypePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  guint shown = 0;

  self->search = gtk_search_entry_new ();
  gtk_widget_set_margin_start (self->search, 6);
  gtk_widget_set_margin_end (self->search, 6);
  gtk_widget_set_margin_top (self->search, 6);
  gtk_widget_set_sensitive (self->search, has_searchable_fields (self));
  g_signal_connect (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_box_append (GTK_BOX (box), self->search);

  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->records)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  self->column_view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  add_column (self, "ID", NULL);
  for (guint i = 0; i < self->fields->len && shown < MAX_LIST_FIELDS; i++, shown++)
    {
      ZsFieldSpec *field = g_ptr_array_index (self->fields, i);

      add_column (self, field_label (field), field);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->column_view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  /* the columns as wide as their text, when the window has room */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static void
zs_record_type_page_dispose (GObject *object)
{
  ZsRecordTypePage *self = ZS_RECORD_TYPE_PAGE (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_pointer (&self->list_detail, gtk_widget_unparent);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (zs_record_type_page_parent_class)->dispose (object);
}

static void
zs_record_type_page_finalize (GObject *object)
{
  ZsRecordTypePage *self = ZS_RECORD_TYPE_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->type);
  g_clear_object (&self->records);
  g_clear_object (&self->history);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->inputs, g_hash_table_unref);
  g_clear_pointer (&self->ref_ids, g_hash_table_unref);
  g_clear_pointer (&self->initial, g_hash_table_unref);
  g_free (self->type_name);
  g_free (self->error_text);
  G_OBJECT_CLASS (zs_record_type_page_parent_class)->finalize (object);
}

static void
zs_record_type_page_class_init (ZsRecordTypePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zs_record_type_page_dispose;
  object_class->finalize = zs_record_type_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
free_ids (gpointer data)
{
  g_array_unref (data);
}

static void
zs_record_type_page_init (ZsRecordTypePage *self)
{
  self->records = g_list_store_new (G_TYPE_OBJECT);
  self->history = g_list_store_new (ZS_TYPE_CHANGE);
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
  self->inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ref_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_ids);
  self->initial = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * zs_record_type_page_new:
 * @store: a #ZsStore
 * @type_name: a record type's name, core ("contact") or declared by a
 *   plugin ("visit_notes.note")
 *
 * A page listing the records of the type, searchable when the type has
 * searchable fields, with a form built from its fields and the history
 * of the record shown. A plugin returns it from its page provider's
 * create_page, or builds its own page instead.
 *
 * Returns: (transfer floating): the page, or a label saying the type is
 *   unknown
 */
GtkWidget *
zs_record_type_page_new (ZsStore    *store,
                         const char *type_name)
{
  ZsRecordTypePage *self;
  ZsRecordType *type;
  GPtrArray *fields;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);

  if (!(type = zs_store_lookup_record_type (store, type_name)))
    {
      g_autofree char *text = g_strdup_printf (_("“%s” is not a record type"), type_name);

      return gtk_label_new (text);
    }

  self = g_object_new (ZS_TYPE_RECORD_TYPE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->type = g_object_ref (type);
  self->type_name = g_strdup (type_name);
  fields = zs_record_type_get_fields (type);
  for (guint i = 0; i < fields->len; i++)
    if (!is_bookkeeping (g_ptr_array_index (fields, i)))
      g_ptr_array_add (self->fields, g_object_ref (g_ptr_array_index (fields, i)));

  self->list_detail = zs_list_detail_new (build_list (self), build_form (self));
  gtk_widget_set_parent (self->list_detail, GTK_WIDGET (self));

  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  refresh_list (self);
  load_record (self, 0);
  return GTK_WIDGET (self);
}

/**
 * zs_record_type_page_get_record_type:
 * @self: a #ZsRecordTypePage
 *
 * Returns: (transfer none): the record type shown
 */
ZsRecordType *
zs_record_type_page_get_record_type (ZsRecordTypePage *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE_PAGE (self), NULL);
  return self->type;
}

/**
 * zs_record_type_page_get_records:
 * @self: a #ZsRecordTypePage
 *
 * Returns: (transfer none): the records the list shows
 */
GListModel *
zs_record_type_page_get_records (ZsRecordTypePage *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE_PAGE (self), NULL);
  return G_LIST_MODEL (self->records);
}

/**
 * zs_record_type_page_get_history:
 * @self: a #ZsRecordTypePage
 *
 * Returns: (transfer none): the changes of the record shown (#ZsChange)
 */
GListModel *
zs_record_type_page_get_history (ZsRecordTypePage *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE_PAGE (self), NULL);
  return G_LIST_MODEL (self->history);
}

/**
 * zs_record_type_page_set_search:
 * @self: a #ZsRecordTypePage
 * @text: what to find in the searchable fields; "" lists every record
 */
void
zs_record_type_page_set_search (ZsRecordTypePage *self,
                                const char       *text)
{
  g_return_if_fail (ZS_IS_RECORD_TYPE_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search), text != NULL ? text : "");
  refresh_list (self);
}

/**
 * zs_record_type_page_new_record:
 * @self: a #ZsRecordTypePage
 *
 * Empties the form (fields with a default show it) for a new record.
 */
void
zs_record_type_page_new_record (ZsRecordTypePage *self)
{
  g_return_if_fail (ZS_IS_RECORD_TYPE_PAGE (self));
  self->refreshing = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->refreshing = FALSE;
  load_record (self, 0);
  zs_list_detail_show_detail (ZS_LIST_DETAIL (self->list_detail));
}

/**
 * zs_record_type_page_select_record:
 * @self: a #ZsRecordTypePage
 * @id: a record's id
 *
 * Shows the record in the form.
 */
void
zs_record_type_page_select_record (ZsRecordTypePage *self,
                                   gint64            id)
{
  g_return_if_fail (ZS_IS_RECORD_TYPE_PAGE (self));
  load_record (self, id);
  refresh_list (self);
  zs_list_detail_show_detail (ZS_LIST_DETAIL (self->list_detail));
}

/**
 * zs_record_type_page_get_record_id:
 * @self: a #ZsRecordTypePage
 *
 * Returns: the id of the record in the form, 0 for a new one
 */
gint64
zs_record_type_page_get_record_id (ZsRecordTypePage *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE_PAGE (self), 0);
  return self->record_id;
}

/**
 * zs_record_type_page_get_input:
 * @self: a #ZsRecordTypePage
 * @field: a field name
 *
 * Returns: (transfer none) (nullable): the form's input of @field
 */
GtkWidget *
zs_record_type_page_get_input (ZsRecordTypePage *self,
                               const char       *field)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE_PAGE (self), NULL);
  return g_hash_table_lookup (self->inputs, field);
}

/**
 * zs_record_type_page_get_error_text:
 * @self: a #ZsRecordTypePage
 *
 * Returns: (nullable): the error the page shows, naming the field and the
 *   value, or %NULL
 */
const char *
zs_record_type_page_get_error_text (ZsRecordTypePage *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE_PAGE (self), NULL);
  return self->error_text;
}
