/* zs-record-form.c: a form over the properties of a record, with inline errors
 *
 * The core validates records and names the offending field at the start of
 * its message (“uscc: … must have 18 characters”). The form puts that
 * message under the field it names, and never touches what the user typed:
 * a refused save loses nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n.h>

#include "zs-record-form.h"
#include "zs-firm-picker.h"
#include "zs-gtk-util-private.h"

typedef struct
{
  char        *property;
  char        *label;
  ZsFormFieldKind  kind;
  GType        enum_type;
  GStrv        codes;        /* of a choice field; codes[0] is "" for none */
  GHashTable  *names;        /* of a list field: code → name, borrowed */
  GtkWidget   *input;
  GtkLabel    *error_label;
  ZsStore     *store;        /* of a firm field: the firm's name */
} Field;

struct _ZsRecordForm
{
  GtkWidget   parent_instance;

  GPtrArray  *fields;
  GHashTable *aliases;       /* field name in messages → property */
};

G_DEFINE_FINAL_TYPE (ZsRecordForm, zs_record_form, GTK_TYPE_WIDGET)

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->property);
  g_free (field->label);
  g_clear_object (&field->store);
  g_strfreev (field->codes);
  g_clear_pointer (&field->names, g_hash_table_unref);
  g_free (field);
}

static Field *
find_field (ZsRecordForm *self,
            const char   *property)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (field->property, property) == 0)
        return field;
    }
  return NULL;
}

static void
hide_error (Field *field)
{
  gtk_widget_set_visible (GTK_WIDGET (field->error_label), FALSE);
  gtk_label_set_label (field->error_label, "");
  gtk_widget_remove_css_class (field->input, "error");
}

/* Typing into a field that was refused clears its message. */
static void
input_changed_cb (Field *field)
{
  hide_error (field);
}

static GtkWidget *
create_input (Field              *field,
              const char * const *labels)
{
  GtkWidget *input;

  switch (field->kind)
    {
    case ZS_FORM_FIELD_MULTILINE:
      input = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (input), GTK_WRAP_WORD_CHAR);
      gtk_widget_set_size_request (input, -1, 72);
      gtk_widget_add_css_class (input, "card");
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), "changed",
                                G_CALLBACK (input_changed_cb), field);
      return input;
    case ZS_FORM_FIELD_ENUM:
    case ZS_FORM_FIELD_CHOICE:
      input = gtk_drop_down_new_from_strings (labels);
      g_signal_connect_swapped (input, "notify::selected", G_CALLBACK (input_changed_cb), field);
      return input;
    case ZS_FORM_FIELD_FIRM:
      input = zs_firm_picker_new (field->store);
      g_signal_connect_swapped (input, "notify::firm-id", G_CALLBACK (input_changed_cb), field);
      return input;
    default:
      input = gtk_entry_new ();
      if (field->kind == ZS_FORM_FIELD_NUMBER || field->kind == ZS_FORM_FIELD_INTEGER)
        gtk_entry_set_input_purpose (GTK_ENTRY (input), GTK_INPUT_PURPOSE_NUMBER);
      if (field->kind == ZS_FORM_FIELD_DATE)
        gtk_entry_set_placeholder_text (GTK_ENTRY (input), "YYYY-MM-DD");
      g_signal_connect_swapped (input, "changed", G_CALLBACK (input_changed_cb), field);
      return input;
    }
}

static Field *
add_field_full (ZsRecordForm       *self,
                const char         *property,
                const char         *label,
                ZsFormFieldKind     kind,
                const char * const *labels,
                ZsStore            *store)
{
  Field *field = g_new0 (Field, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (label);

  field->property = g_strdup (property);
  field->label = g_strdup (label);
  field->kind = kind;
  field->store = store != NULL ? g_object_ref (store) : NULL;
  field->input = create_input (field, labels);
  field->error_label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), kind == ZS_FORM_FIELD_FIRM
                                                    ? zs_firm_picker_get_entry (ZS_FIRM_PICKER (field->input))
                                                    : field->input);
  gtk_label_set_xalign (field->error_label, 0);
  gtk_label_set_wrap (field->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (field->error_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (field->error_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (field->error_label), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field->input),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, field->error_label, NULL,
                                  -1);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), field->input);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (field->error_label));
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  g_ptr_array_add (self->fields, field);
  return field;
}

static Field *
add_field (ZsRecordForm       *self,
           const char         *property,
           const char         *label,
           ZsFormFieldKind     kind,
           const char * const *labels)
{
  return add_field_full (self, property, label, kind, labels, NULL);
}

static void
zs_record_form_dispose (GObject *object)
{
  ZsRecordForm *self = ZS_RECORD_FORM (object);

  zs_gtk_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (zs_record_form_parent_class)->dispose (object);
}

static void
zs_record_form_finalize (GObject *object)
{
  ZsRecordForm *self = ZS_RECORD_FORM (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->aliases, g_hash_table_unref);

  G_OBJECT_CLASS (zs_record_form_parent_class)->finalize (object);
}

static void
zs_record_form_class_init (ZsRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zs_record_form_dispose;
  object_class->finalize = zs_record_form_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zs-record-form");
}

static void
zs_record_form_init (ZsRecordForm *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  self->fields = g_ptr_array_new_with_free_func (field_free);
  self->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * zs_record_form_new:
 *
 * Returns: (transfer floating): an empty form; add fields to it
 */
GtkWidget *
zs_record_form_new (void)
{
  return g_object_new (ZS_TYPE_RECORD_FORM, NULL);
}

/**
 * zs_record_form_add_field:
 * @self: a #ZsRecordForm
 * @property: the record's property the field edits
 * @label: what the user sees
 * @kind: how the value is edited; not %ZS_FORM_FIELD_ENUM nor %ZS_FORM_FIELD_CHOICE
 */
void
zs_record_form_add_field (ZsRecordForm *self,
                          const char   *property,
                          const char   *label,
                          ZsFormFieldKind   kind)
{
  g_return_if_fail (ZS_IS_RECORD_FORM (self));
  g_return_if_fail (kind != ZS_FORM_FIELD_ENUM && kind != ZS_FORM_FIELD_CHOICE && kind != ZS_FORM_FIELD_FIRM);

  add_field (self, property, label, kind, NULL);
}

/**
 * zs_record_form_add_enum_field:
 * @self: a #ZsRecordForm
 * @property: an enum property
 * @label: what the user sees
 * @enum_type: the property's enumeration
 * @value_labels: one label per value, in the order of the values
 */
void
zs_record_form_add_enum_field (ZsRecordForm       *self,
                               const char         *property,
                               const char         *label,
                               GType               enum_type,
                               const char * const *value_labels)
{
  Field *field;

  g_return_if_fail (ZS_IS_RECORD_FORM (self));
  g_return_if_fail (G_TYPE_IS_ENUM (enum_type));

  field = add_field (self, property, label, ZS_FORM_FIELD_ENUM, value_labels);
  field->enum_type = enum_type;
}

/**
 * zs_record_form_add_choice_field:
 * @self: a #ZsRecordForm
 * @property: a string property holding a code, or an int property holding
 *   a number (the codes are then numbers)
 * @label: what the user sees
 * @codes: the codes to choose from
 * @names: their names, as many as @codes
 *
 * The drop-down starts with “None”, which sets the property to %NULL, or
 * an int property to 0.
 */
void
zs_record_form_add_choice_field (ZsRecordForm       *self,
                                 const char         *property,
                                 const char         *label,
                                 const char * const *codes,
                                 const char * const *names)
{
  g_autoptr(GStrvBuilder) all_codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) all_names = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  Field *field;

  g_return_if_fail (ZS_IS_RECORD_FORM (self));
  g_return_if_fail (g_strv_length ((char **) codes) == g_strv_length ((char **) names));

  g_strv_builder_add (all_codes, "");
  g_strv_builder_add (all_names, C_("choice", "None"));
  g_strv_builder_addv (all_codes, (const char **) codes);
  g_strv_builder_addv (all_names, (const char **) names);
  labels = g_strv_builder_end (all_names);

  field = add_field (self, property, label, ZS_FORM_FIELD_CHOICE, (const char * const *) labels);
  field->codes = g_strv_builder_end (all_codes);
  /* a long list is searched by typing */
  if (g_strv_length (field->codes) > 12)
    {
      gtk_drop_down_set_expression (GTK_DROP_DOWN (field->input),
                                    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (field->input), TRUE);
    }
}

/**
 * zs_record_form_add_firm_field:
 * @self: a #ZsRecordForm
 * @property: an int64 property holding a firm's id, 0 for none
 * @label: what the user sees
 * @store: where firms are searched and named
 *
 * The user finds the firm by its name or credit code, never by its id.
 */
void
zs_record_form_add_firm_field (ZsRecordForm *self,
                               const char   *property,
                               const char   *label,
                               ZsStore      *store)
{
  g_return_if_fail (ZS_IS_RECORD_FORM (self));
  g_return_if_fail (ZS_IS_STORE (store));

  add_field_full (self, property, label, ZS_FORM_FIELD_FIRM, NULL, store);
}

/* List choosers {{{ */

static GStrv split_list (const char *text);

typedef struct
{
  Field      *field;
  GStrv       codes;
  GStrv       names;
  GStrv       groups;
  GtkListBox *list;
  gboolean    syncing;   /* checks set from the entry, not by the user */
} ListChooser;

static void
list_chooser_free (gpointer data)
{
  ListChooser *chooser = data;

  g_strfreev (chooser->codes);
  g_strfreev (chooser->names);
  g_strfreev (chooser->groups);
  g_free (chooser);
}

static gboolean
item_names (ListChooser *chooser,
            guint        index,
            const char  *item)
{
  return g_strcmp0 (item, chooser->codes[index]) == 0 || g_strcmp0 (item, chooser->names[index]) == 0;
}

static GtkCheckButton *
row_check (GtkListBoxRow *row)
{
  return GTK_CHECK_BUTTON (gtk_list_box_row_get_child (row));
}

/* The entry's items the chooser does not know stay as typed; the checked
 * ones follow, by name. */
static void
check_toggled_cb (ListChooser *chooser)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) items = NULL;
  g_autoptr(GString) result = g_string_new (NULL);

  if (chooser->syncing)
    return;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (chooser->field->input)));
  items = split_list (text);
  for (guint i = 0; items[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; chooser->codes[j] != NULL && !known; j++)
        known = item_names (chooser, j, items[i]);
      if (!known)
        g_string_append_printf (result, "%s%s", result->len > 0 ? _(", ") : "", items[i]);
    }
  for (guint j = 0; chooser->codes[j] != NULL; j++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (chooser->list, (int) j);

      guint same_name = 0;

      if (!gtk_check_button_get_active (row_check (row)))
        continue;
      /* a name two items share would be ambiguous: the code then */
      for (guint k = 0; chooser->names[k] != NULL; k++)
        same_name += g_strcmp0 (chooser->names[k], chooser->names[j]) == 0;
      g_string_append_printf (result, "%s%s", result->len > 0 ? _(", ") : "",
                              same_name > 1 ? chooser->codes[j] : chooser->names[j]);
    }
  gtk_editable_set_text (GTK_EDITABLE (chooser->field->input), result->str);
}

/* On opening, the checks show what the entry holds. */
static void
popover_shown_cb (ListChooser *chooser)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (chooser->field->input)));
  g_auto(GStrv) items = split_list (text);

  chooser->syncing = TRUE;
  for (guint j = 0; chooser->codes[j] != NULL; j++)
    {
      gboolean chosen = FALSE;

      for (guint i = 0; items[i] != NULL && !chosen; i++)
        chosen = item_names (chooser, j, items[i]);
      gtk_check_button_set_active (row_check (gtk_list_box_get_row_at_index (chooser->list, (int) j)), chosen);
    }
  chooser->syncing = FALSE;
}

/* A heading above the first item of each group. */
static void
group_header_cb (GtkListBoxRow *row,
                 GtkListBoxRow *before,
                 gpointer       data)
{
  ListChooser *chooser = data;
  int index = gtk_list_box_row_get_index (row);
  const char *group = chooser->groups[index];
  GtkWidget *header;

  if (before != NULL && g_strcmp0 (chooser->groups[gtk_list_box_row_get_index (before)], group) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (group);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "heading");
  g_object_set (header, "margin-start", 6, "margin-top", 9, "margin-bottom", 3, NULL);
  gtk_list_box_row_set_header (row, header);
}

static gboolean
row_matches_cb (GtkListBoxRow *row,
                gpointer       data)
{
  GtkSearchEntry *entry = data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (entry));
  ListChooser *chooser = g_object_get_data (G_OBJECT (entry), "zs-chooser");
  int index = gtk_list_box_row_get_index (row);
  g_autofree char *name = g_utf8_casefold (chooser->names[index], -1);
  g_autofree char *group = g_utf8_casefold (chooser->groups[index], -1);
  g_autofree char *wanted = g_utf8_casefold (search, -1);

  return wanted[0] == '\0' || strstr (name, wanted) != NULL || strstr (group, wanted) != NULL;
}

static void
filter_changed_cb (GtkListBox *list)
{
  gtk_list_box_invalidate_filter (list);
}

/**
 * zs_record_form_add_list_chooser:
 * @self: a #ZsRecordForm
 * @property: a %ZS_FORM_FIELD_LIST field
 * @button_label: the chooser button's label, with a mnemonic
 * @codes: the items to choose from
 * @names: their names, as many as @codes
 * @groups: the heading each item is listed under (items of one group
 *   together), as many as @codes
 *
 * Adds a button beside the field that lists the items under their
 * headings, searchable, each with a check: what is checked goes into the
 * field by name. The field can still be typed into.
 */
void
zs_record_form_add_list_chooser (ZsRecordForm       *self,
                                 const char         *property,
                                 const char         *button_label,
                                 const char * const *codes,
                                 const char * const *names,
                                 const char * const *groups)
{
  Field *field;
  ListChooser *chooser;
  GtkWidget *button, *popover, *box, *search, *scroller, *row_box;
  GtkWidget *parent;

  g_return_if_fail (ZS_IS_RECORD_FORM (self));

  field = find_field (self, property);
  g_return_if_fail (field != NULL && field->kind == ZS_FORM_FIELD_LIST);

  chooser = g_new0 (ListChooser, 1);
  chooser->field = field;
  chooser->codes = g_strdupv ((char **) codes);
  chooser->names = g_strdupv ((char **) names);
  chooser->groups = g_strdupv ((char **) groups);

  chooser->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (chooser->list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser->list), GTK_ACCESSIBLE_PROPERTY_LABEL, field->label, -1);
  for (guint i = 0; chooser->codes[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (chooser->names[i]);

      g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), chooser);
      gtk_list_box_append (chooser->list, check);
    }
  gtk_list_box_set_header_func (chooser->list, group_header_cb, chooser, NULL);

  search = gtk_search_entry_new ();
  g_object_set_data (G_OBJECT (search), "zs-chooser", chooser);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the list"), -1);
  gtk_list_box_set_filter_func (chooser->list, row_matches_cb, search, NULL);
  g_signal_connect_swapped (search, "search-changed", G_CALLBACK (filter_changed_cb), chooser->list);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (chooser->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_widget_set_size_request (scroller, 300, -1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scroller);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_shown_cb), chooser);
  g_object_set_data_full (G_OBJECT (popover), "zs-chooser", chooser, list_chooser_free);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), button_label);
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  /* the entry and the button side by side, where the entry was */
  parent = gtk_widget_get_parent (field->input);
  row_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_object_ref (field->input);
  gtk_box_remove (GTK_BOX (parent), field->input);
  gtk_widget_set_hexpand (field->input, TRUE);
  gtk_box_append (GTK_BOX (row_box), field->input);
  g_object_unref (field->input);
  gtk_box_append (GTK_BOX (row_box), button);
  gtk_box_insert_child_after (GTK_BOX (parent), row_box, gtk_widget_get_first_child (parent));
}

/* }}} */

/**
 * zs_record_form_set_list_names:
 * @self: a #ZsRecordForm
 * @property: a %ZS_FORM_FIELD_LIST field
 * @names: code → name: the list shows names, which the core resolves back
 */
void
zs_record_form_set_list_names (ZsRecordForm *self,
                               const char   *property,
                               GHashTable   *names)
{
  Field *field;

  g_return_if_fail (ZS_IS_RECORD_FORM (self));

  field = find_field (self, property);
  g_return_if_fail (field != NULL && field->kind == ZS_FORM_FIELD_LIST);
  g_clear_pointer (&field->names, g_hash_table_unref);
  field->names = names != NULL ? g_hash_table_ref (names) : NULL;
}

/**
 * zs_record_form_add_alias:
 * @self: a #ZsRecordForm
 * @field: a field name as the core's messages say it, such as `sector`
 * @property: the property whose field shows those messages
 */
void
zs_record_form_add_alias (ZsRecordForm *self,
                          const char   *field,
                          const char   *property)
{
  g_return_if_fail (ZS_IS_RECORD_FORM (self));

  g_hash_table_replace (self->aliases, g_strdup (field), g_strdup (property));
}

static void
set_entry_text (GtkWidget  *input,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (input), text != NULL ? text : "");
}

static char *
list_to_text (Field       *field,
              const GValue *value)
{
  const char * const *codes = g_value_get_boxed (value);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *name = field->names ? g_hash_table_lookup (field->names, codes[i]) : NULL;

      if (i > 0)
        /* Translators: separates the items of a list in a form field */
        g_string_append (text, _(", "));
      g_string_append (text, name != NULL ? name : codes[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
number_to_text (const GValue *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (G_VALUE_HOLDS_DOUBLE (value))
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", g_value_get_double (value)));
  if (G_VALUE_HOLDS_INT64 (value))
    return g_strdup_printf ("%" PRId64, g_value_get_int64 (value));
  return g_strdup_printf ("%d", g_value_get_int (value));
}

static guint
choice_position (Field      *field,
                 const char *code)
{
  for (guint i = 0; field->codes[i] != NULL; i++)
    if (g_strcmp0 (field->codes[i], code != NULL ? code : "") == 0)
      return i;
  return 0;
}

static guint
enum_position (Field *field,
               int    value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type);

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value == value)
      return i;
  return 0;
}

/* A stored code the list lacks (a region missing from the seed) becomes a
 * choice of its own, so that saving keeps it. */
static void
keep_unknown_code (Field      *field,
                   const char *code)
{
  GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (field->input));
  guint n = g_strv_length (field->codes);

  if (code == NULL || code[0] == '\0' || choice_position (field, code) != 0 || !GTK_IS_STRING_LIST (labels))
    return;
  field->codes = g_renew (char *, field->codes, n + 2);
  field->codes[n] = g_strdup (code);
  field->codes[n + 1] = NULL;
  gtk_string_list_append (GTK_STRING_LIST (labels), code);
}

static void
load_firm (Field  *field,
           gint64  id)
{
  ZsFirmPicker *picker = ZS_FIRM_PICKER (field->input);
  g_autoptr(ZsFirm) firm = NULL;
  g_autoptr(GError) error = NULL;

  if (id > 0 && (firm = zs_store_get_firm (field->store, id, &error)) == NULL)
    g_debug ("Cannot name firm %" PRId64 ": %s", id, error->message);
  if (id > 0)
    {
      /* a firm that cannot be read still keeps its id */
      g_autofree char *fallback = g_strdup_printf ("%" PRId64, id);

      zs_firm_picker_set_firm (picker, id, firm != NULL ? zs_firm_get_name (firm) : fallback);
      return;
    }
  zs_firm_picker_set_firm (picker, 0, NULL);
  gtk_editable_set_text (GTK_EDITABLE (zs_firm_picker_get_entry (picker)), "");
}

static void
load_field (Field        *field,
            const GValue *value)
{
  g_autofree char *text = NULL;

  switch (field->kind)
    {
    case ZS_FORM_FIELD_MULTILINE:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->input)),
                                g_value_get_string (value) ? g_value_get_string (value) : "", -1);
      break;
    case ZS_FORM_FIELD_ENUM:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (field->input),
                                  enum_position (field, g_value_get_enum (value)));
      break;
    case ZS_FORM_FIELD_CHOICE:
      if (G_VALUE_HOLDS_INT (value))
        text = g_value_get_int (value) != 0 ? g_strdup_printf ("%d", g_value_get_int (value)) : NULL;
      else
        keep_unknown_code (field, g_value_get_string (value));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (field->input),
                                  choice_position (field, G_VALUE_HOLDS_INT (value) ? text
                                                                                    : g_value_get_string (value)));
      break;
    case ZS_FORM_FIELD_FIRM:
      load_firm (field, g_value_get_int64 (value));
      break;
    case ZS_FORM_FIELD_LIST:
      text = list_to_text (field, value);
      set_entry_text (field->input, text);
      break;
    case ZS_FORM_FIELD_NUMBER:
    case ZS_FORM_FIELD_INTEGER:
      text = number_to_text (value);
      set_entry_text (field->input, text);
      break;
    default:
      set_entry_text (field->input, g_value_get_string (value));
    }
}

/**
 * zs_record_form_set_record:
 * @self: a #ZsRecordForm
 * @record: the record to show; its properties fill the fields
 *
 * Replaces what every field shows and clears the error messages.
 */
void
zs_record_form_set_record (ZsRecordForm *self,
                           GObject      *record)
{
  g_return_if_fail (ZS_IS_RECORD_FORM (self));
  g_return_if_fail (G_IS_OBJECT (record));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (record, field->property, &value);
      load_field (field, &value);
    }
  zs_record_form_clear_errors (self);
}

static void
show_field_error (Field      *field,
                  const char *message)
{
  gtk_label_set_label (field->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (field->error_label), TRUE);
  gtk_widget_add_css_class (field->input, "error");
}

static char *
input_text (Field *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (field->kind == ZS_FORM_FIELD_FIRM)
    return g_strdup_printf ("%" PRId64, zs_firm_picker_get_firm_id (ZS_FIRM_PICKER (field->input)));
  if (field->kind != ZS_FORM_FIELD_MULTILINE)
    return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->input))));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->input));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static gboolean
parse_number (Field  *field,
              GValue *value)
{
  g_autofree char *text = input_text (field);
  char *end = NULL;
  double number;

  if (text[0] == '\0')
    {
      g_free (text);
      text = g_strdup ("0");
    }
  errno = 0;
  number = g_ascii_strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0' ||
      (field->kind == ZS_FORM_FIELD_INTEGER && number != (gint64) number))
    {
      show_field_error (field, field->kind == ZS_FORM_FIELD_INTEGER ? _("Enter a whole number")
                                                               : _("Enter a number, such as 1200.5"));
      return FALSE;
    }
  if (G_VALUE_HOLDS_DOUBLE (value))
    g_value_set_double (value, number);
  else if (G_VALUE_HOLDS_INT64 (value))
    g_value_set_int64 (value, (gint64) number);
  else
    g_value_set_int (value, (int) CLAMP (number, G_MININT, G_MAXINT));
  return TRUE;
}

static GStrv
split_list (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,，、;；]", text, 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
read_field (Field  *field,
            GValue *value)
{
  g_autofree char *text = NULL;
  g_autoptr(GEnumClass) klass = NULL;
  guint selected;

  switch (field->kind)
    {
    case ZS_FORM_FIELD_NUMBER:
    case ZS_FORM_FIELD_INTEGER:
      return parse_number (field, value);
    case ZS_FORM_FIELD_ENUM:
      klass = g_type_class_ref (field->enum_type);
      selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (field->input));
      g_value_set_enum (value, klass->values[MIN (selected, klass->n_values - 1)].value);
      return TRUE;
    case ZS_FORM_FIELD_CHOICE:
      selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (field->input));
      if (selected >= g_strv_length (field->codes) || field->codes[selected][0] == '\0')
        return TRUE;
      if (G_VALUE_HOLDS_INT (value))
        g_value_set_int (value, (int) g_ascii_strtoll (field->codes[selected], NULL, 10));
      else
        g_value_set_string (value, field->codes[selected]);
      return TRUE;
    case ZS_FORM_FIELD_FIRM:
      g_value_set_int64 (value, zs_firm_picker_get_firm_id (ZS_FIRM_PICKER (field->input)));
      return TRUE;
    case ZS_FORM_FIELD_LIST:
      text = input_text (field);
      g_value_take_boxed (value, split_list (text));
      return TRUE;
    default:
      text = input_text (field);
      g_value_set_string (value, text[0] != '\0' ? text : NULL);
      return TRUE;
    }
}

/**
 * zs_record_form_apply:
 * @self: a #ZsRecordForm
 * @record: the record to write the fields into
 *
 * Writes every field into @record. A field that cannot be read (a number
 * field holding words) shows why and is not written.
 *
 * Returns: %TRUE if every field was written
 */
gboolean
zs_record_form_apply (ZsRecordForm *self,
                      GObject      *record)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (ZS_IS_RECORD_FORM (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  zs_record_form_clear_errors (self);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), field->property);
      g_auto(GValue) value = G_VALUE_INIT;

      g_return_val_if_fail (pspec != NULL, FALSE);
      g_value_init (&value, pspec->value_type);
      if (read_field (field, &value))
        g_object_set_property (record, field->property, &value);
      else
        ok = FALSE;
    }
  return ok;
}

/* “uscc: … must have 18 characters” → property "uscc", message “… must
 * have 18 characters”. A translation may use a full-width colon. */
static char *
split_message (const char  *message,
               const char **rest)
{
  const char *p = message;

  while (g_ascii_islower (*p) || *p == '_')
    p++;
  if (p == message)
    return NULL;
  if (*p == ':')
    *rest = p + 1;
  else if (g_str_has_prefix (p, "："))
    *rest = p + strlen ("：");
  else
    return NULL;
  while (**rest == ' ')
    (*rest)++;
  return g_strndup (message, p - message);
}

static Field *
field_for_name (ZsRecordForm *self,
                const char   *name)
{
  const char *alias = g_hash_table_lookup (self->aliases, name);
  g_autofree char *property = g_strdelimit (g_strdup (alias ? alias : name), "_", '-');

  return find_field (self, property);
}

/**
 * zs_record_form_show_error:
 * @self: a #ZsRecordForm
 * @error: an error from the core, such as a refused save
 *
 * Shows @error under the field its message names.
 *
 * Returns: %TRUE if a field of the form showed it; else the caller must
 */
gboolean
zs_record_form_show_error (ZsRecordForm *self,
                           const GError *error)
{
  const char *rest = NULL;
  g_autofree char *name = NULL;
  Field *field;

  g_return_val_if_fail (ZS_IS_RECORD_FORM (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  name = split_message (error->message, &rest);
  if (name == NULL || (field = field_for_name (self, name)) == NULL)
    return FALSE;
  show_field_error (field, rest);
  gtk_widget_grab_focus (field->input);
  return TRUE;
}

/**
 * zs_record_form_clear_errors:
 * @self: a #ZsRecordForm
 */
void
zs_record_form_clear_errors (ZsRecordForm *self)
{
  g_return_if_fail (ZS_IS_RECORD_FORM (self));

  for (guint i = 0; i < self->fields->len; i++)
    hide_error (g_ptr_array_index (self->fields, i));
}

/**
 * zs_record_form_get_input:
 * @self: a #ZsRecordForm
 * @property: a field's property
 *
 * Returns: (transfer none) (nullable): the widget that edits @property
 */
GtkWidget *
zs_record_form_get_input (ZsRecordForm *self,
                          const char   *property)
{
  Field *field;

  g_return_val_if_fail (ZS_IS_RECORD_FORM (self), NULL);

  field = find_field (self, property);
  return field != NULL ? field->input : NULL;
}

/**
 * zs_record_form_get_error_text:
 * @self: a #ZsRecordForm
 * @property: a field's property
 *
 * Returns: (nullable): the message shown under the field, %NULL if none
 */
const char *
zs_record_form_get_error_text (ZsRecordForm *self,
                               const char   *property)
{
  Field *field;

  g_return_val_if_fail (ZS_IS_RECORD_FORM (self), NULL);

  field = find_field (self, property);
  if (field == NULL || !gtk_widget_get_visible (GTK_WIDGET (field->error_label)))
    return NULL;
  return gtk_label_get_label (field->error_label);
}

/**
 * zs_record_form_get_text:
 * @self: a #ZsRecordForm
 * @property: a text, number, date or list field
 *
 * Returns: (transfer full): what the field holds, as typed
 */
char *
zs_record_form_get_text (ZsRecordForm *self,
                         const char   *property)
{
  Field *field;

  g_return_val_if_fail (ZS_IS_RECORD_FORM (self), NULL);

  field = find_field (self, property);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (field->kind != ZS_FORM_FIELD_ENUM && field->kind != ZS_FORM_FIELD_CHOICE, NULL);
  return input_text (field);
}

/**
 * zs_record_form_set_text:
 * @self: a #ZsRecordForm
 * @property: a text, number, date or list field
 * @text: what to put in it, as the user would type it
 */
void
zs_record_form_set_text (ZsRecordForm *self,
                         const char   *property,
                         const char   *text)
{
  Field *field;

  g_return_if_fail (ZS_IS_RECORD_FORM (self));

  field = find_field (self, property);
  g_return_if_fail (field != NULL);
  g_return_if_fail (field->kind != ZS_FORM_FIELD_ENUM && field->kind != ZS_FORM_FIELD_CHOICE);
  if (field->kind == ZS_FORM_FIELD_MULTILINE)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->input)), text, -1);
  else if (field->kind == ZS_FORM_FIELD_FIRM)
    load_firm (field, g_ascii_strtoll (text != NULL ? text : "0", NULL, 10));
  else
    set_entry_text (field->input, text);
}

/* What a field shows: a drop-down's chosen label, else the text. */
static char *
shown_text (Field *field)
{
  GObject *item;

  if (field->kind == ZS_FORM_FIELD_FIRM)
    {
      ZsFirmPicker *picker = ZS_FIRM_PICKER (field->input);

      return g_strdup (zs_firm_picker_get_firm_id (picker) != 0 ? zs_firm_picker_get_firm_name (picker) : "");
    }
  if (field->kind != ZS_FORM_FIELD_ENUM && field->kind != ZS_FORM_FIELD_CHOICE)
    return input_text (field);
  item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (field->input));
  return g_strdup (GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "");
}

/**
 * zs_record_form_dup_rows:
 * @self: a #ZsRecordForm
 *
 * The form as it reads: each field's label and what it shows, for a
 * printout of the record.
 *
 * Returns: (transfer container) (element-type GStrv): a row of two per field
 */
GPtrArray *
zs_record_form_dup_rows (ZsRecordForm *self)
{
  GPtrArray *rows;

  g_return_val_if_fail (ZS_IS_RECORD_FORM (self), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      char **row = g_new0 (char *, 3);

      row[0] = g_strdup (field->label);
      row[1] = shown_text (field);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/**
 * zs_record_form_dup_labels:
 * @self: a #ZsRecordForm
 *
 * Returns: (transfer full) (element-type utf8 utf8): each field's label by
 *   its property (`registered-capital`) and its column (`registered_capital`)
 */
GHashTable *
zs_record_form_dup_labels (ZsRecordForm *self)
{
  GHashTable *labels;

  g_return_val_if_fail (ZS_IS_RECORD_FORM (self), NULL);

  labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      char *column = g_strdup (field->property);

      g_strdelimit (column, "-", '_');
      g_hash_table_insert (labels, g_strdup (field->property), g_strdup (field->label));
      g_hash_table_insert (labels, column, g_strdup (field->label));
    }
  return labels;
}
