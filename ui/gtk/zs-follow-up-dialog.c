/* zs-follow-up-dialog.c: add a follow-up for a firm
 *
 * A new follow-up is a new activity of today with its next follow-up date.
 * What the user typed stays in the dialog when the store refuses it (the
 * reason is shown above the fields), and closing a dialog with input asks
 * whether to add it, discard it or go back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-follow-up-dialog.h"
#include "zs-follow-ups-page.h"
#include "zs-gtk-util-private.h"

struct _ZsFollowUpDialog
{
  AdwWindow     parent_instance;

  ZsStore      *store;
  char         *today;
  ZsFirmPicker *firm;
  GtkDropDown  *kind;
  GtkEditable  *due;
  GtkDropDown  *staff;
  GtkEditable  *notes;
  GtkLabel     *error;
  gboolean      saved;
};

G_DEFINE_FINAL_TYPE (ZsFollowUpDialog, zs_follow_up_dialog, ADW_TYPE_WINDOW)

/**
 * zs_follow_up_staff_picker_new:
 * @staff: the staff members' names
 * @selected: (nullable): the name chosen at first
 *
 * A drop-down of the staff members, searchable by name.
 *
 * Returns: (transfer floating): a #GtkDropDown of #GtkStringObject
 */
GtkWidget *
zs_follow_up_staff_picker_new (const char * const *staff,
                               const char         *selected)
{
  GtkStringList *names = gtk_string_list_new (staff);
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkWidget *picker;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (names));

  if (selected != NULL && selected[0] != '\0' && !g_strv_contains (staff, selected))
    gtk_string_list_append (names, selected);
  picker = gtk_drop_down_new (G_LIST_MODEL (names), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (picker), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Staff member"), -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (names));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (names, i), selected) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (picker), i);
  return picker;
}

static void
show_error (ZsFollowUpDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error), message != NULL);
}

static gboolean
valid_date (const char *text)
{
  int y, m, d;
  char tail;

  return sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen (text) == 10 &&
         g_date_valid_dmy (d, m, y);
}

static ZsActivity *
build_activity (ZsFollowUpDialog *self)
{
  GtkStringObject *who = gtk_drop_down_get_selected_item (self->staff);
  const char *due = gtk_editable_get_text (self->due);
  g_autofree char *message = NULL;
  ZsActivity *activity;

  if (zs_firm_picker_get_firm_id (self->firm) == 0)
    {
      show_error (self, _("Firm: choose the firm to follow up"));
      return NULL;
    }
  if (!valid_date (due))
    {
      /* Translators: %s is what the user typed as the follow-up date */
      message = g_strdup_printf (_("Due: “%s” is not a date (expected YYYY-MM-DD)"), due);
      show_error (self, message);
      return NULL;
    }
  activity = zs_activity_new ();
  zs_activity_set_firm_id (activity, zs_firm_picker_get_firm_id (self->firm));
  zs_activity_set_kind (activity, (ZsActivityKind) gtk_drop_down_get_selected (self->kind));
  zs_activity_set_date (activity, self->today);
  zs_activity_set_who (activity, who != NULL ? gtk_string_object_get_string (who) : NULL);
  zs_activity_set_notes (activity, gtk_editable_get_text (self->notes));
  zs_activity_set_next_follow_up (activity, due);
  return activity;
}

/**
 * zs_follow_up_dialog_save:
 * @self: a #ZsFollowUpDialog
 *
 * Adds the follow-up and closes the dialog; on failure shows why and
 * keeps what was typed.
 *
 * Returns: the new activity's id, or 0
 */
gint64
zs_follow_up_dialog_save (ZsFollowUpDialog *self)
{
  g_autoptr(ZsActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (ZS_IS_FOLLOW_UP_DIALOG (self), 0);

  activity = build_activity (self);
  if (activity == NULL)
    return 0;
  id = zs_store_add_activity (self->store, activity, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return 0;
    }
  self->saved = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return id;
}

/**
 * zs_follow_up_dialog_is_dirty:
 * @self: a #ZsFollowUpDialog
 *
 * Returns: whether closing would lose something the user chose or typed
 */
gboolean
zs_follow_up_dialog_is_dirty (ZsFollowUpDialog *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP_DIALOG (self), FALSE);

  return !self->saved && (zs_firm_picker_get_firm_id (self->firm) != 0 ||
                          gtk_editable_get_text (self->notes)[0] != '\0');
}

static gboolean
close_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* The question closes itself once its response is handled: the dialog it
 * belongs to goes after that, not under it. */
static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ZsFollowUpDialog *self)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      g_autoptr(ZsActivity) activity = build_activity (self);
      g_autoptr(GError) error = NULL;

      if (activity == NULL)
        return;
      if (zs_store_add_activity (self->store, activity, &error) == 0)
        {
          show_error (self, error->message);
          return;
        }
    }
  else if (g_strcmp0 (response, "discard") != 0)
    return;
  self->saved = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_cb, g_object_ref (self), g_object_unref);
}

static gboolean
close_request_cb (ZsFollowUpDialog *self)
{
  GtkWidget *ask;

  if (!zs_follow_up_dialog_is_dirty (self))
    return FALSE;
  ask = adw_message_dialog_new (GTK_WINDOW (self), _("Add This Follow-up?"),
                                _("The follow-up has not been added yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (ask), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), "save", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (ask), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (ask), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (ask), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (ask), "cancel");
  g_signal_connect_object (ask, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (ask));
  return TRUE;
}

static void
attach (GtkGrid    *grid,
        int         row,
        const char *mnemonic,
        GtkWidget  *field,
        GtkWidget  *target)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
}

static GtkWidget *
create_fields (ZsFollowUpDialog   *self,
               const char * const *staff,
               const char         *me)
{
  static const char *kinds[] = { N_("Visit"), N_("Call"), N_("Meeting"), N_("Fair"), N_("Email"), NULL };
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autofree char *tomorrow = NULL;
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *firm = zs_firm_picker_new (self->store);
  GtkWidget *due = gtk_entry_new ();
  GtkWidget *notes = gtk_entry_new ();
  GtkWidget *kind;
  GtkWidget *who = zs_follow_up_staff_picker_new (staff, me);

  for (guint i = 0; kinds[i] != NULL; i++)
    gtk_string_list_append (kind_names, _(kinds[i]));
  kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kind_names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), ZS_ACTIVITY_KIND_CALL);

  tomorrow = zs_follow_up_date_after (self->today, 1);
  gtk_editable_set_text (GTK_EDITABLE (due), tomorrow ? tomorrow : self->today);
  gtk_entry_set_placeholder_text (GTK_ENTRY (due), "YYYY-MM-DD");

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  attach (GTK_GRID (grid), 0, _("_Firm"), firm, zs_firm_picker_get_entry (ZS_FIRM_PICKER (firm)));
  attach (GTK_GRID (grid), 1, _("_Kind"), kind, kind);
  attach (GTK_GRID (grid), 2, _("_Due"), due, due);
  attach (GTK_GRID (grid), 3, _("Assigned _to"), who, who);
  attach (GTK_GRID (grid), 4, _("_Notes"), notes, notes);

  self->firm = ZS_FIRM_PICKER (firm);
  self->kind = GTK_DROP_DOWN (kind);
  self->due = GTK_EDITABLE (due);
  self->staff = GTK_DROP_DOWN (who);
  self->notes = GTK_EDITABLE (notes);
  return grid;
}

static void
zs_follow_up_dialog_dispose (GObject *object)
{
  ZsFollowUpDialog *self = ZS_FOLLOW_UP_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (zs_follow_up_dialog_parent_class)->dispose (object);
}

static void
zs_follow_up_dialog_finalize (GObject *object)
{
  g_free (ZS_FOLLOW_UP_DIALOG (object)->today);

  G_OBJECT_CLASS (zs_follow_up_dialog_parent_class)->finalize (object);
}

static void
zs_follow_up_dialog_class_init (ZsFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_follow_up_dialog_dispose;
  object_class->finalize = zs_follow_up_dialog_finalize;

  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zs_follow_up_dialog_init (ZsFollowUpDialog *self)
{
}

/**
 * zs_follow_up_dialog_new:
 * @store: the store
 * @staff: the staff members' names
 * @me: (nullable): the staff member chosen at first
 * @today: today, YYYY-MM-DD: the new activity's date
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
GtkWidget *
zs_follow_up_dialog_new (ZsStore            *store,
                         const char * const *staff,
                         const char         *me,
                         const char         *today)
{
  ZsFollowUpDialog *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_FOLLOW_UP_DIALOG, "modal", TRUE, "title", _("Add Follow-up"),
                       "default-width", 480, NULL);
  self->store = g_object_ref (store);
  self->today = g_strdup (today);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), add);
  gtk_widget_add_css_class (add, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (zs_follow_up_dialog_save), self);

  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_label_set_xalign (self->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why the follow-up was not added"), -1);
  g_object_set (content, "margin-top", 12, "margin-bottom", 12, "margin-start", 12, "margin-end", 12, NULL);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error));
  gtk_box_append (GTK_BOX (content), create_fields (self, staff, me));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), add);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  return GTK_WIDGET (self);
}

ZsFirmPicker *
zs_follow_up_dialog_get_firm_picker (ZsFollowUpDialog *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP_DIALOG (self), NULL);
  return self->firm;
}

GtkEditable *
zs_follow_up_dialog_get_due_entry (ZsFollowUpDialog *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP_DIALOG (self), NULL);
  return self->due;
}

GtkEditable *
zs_follow_up_dialog_get_notes_entry (ZsFollowUpDialog *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP_DIALOG (self), NULL);
  return self->notes;
}

GtkDropDown *
zs_follow_up_dialog_get_staff (ZsFollowUpDialog *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP_DIALOG (self), NULL);
  return self->staff;
}

/**
 * zs_follow_up_dialog_get_error:
 * @self: a #ZsFollowUpDialog
 *
 * Returns: (nullable): why the last save failed
 */
const char *
zs_follow_up_dialog_get_error (ZsFollowUpDialog *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error)) ? gtk_label_get_label (self->error) : NULL;
}
