/* zs-firm-hub.c: what hangs off a firm: its contacts, its projects and
 *   what was done with it, each reachable from the firm's page
 *
 * A visit, a call or a meeting is logged in two clicks: the Log button,
 * then the kind; it is dated today and signed by the staff member the app
 * runs for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-firm-hub.h"
#include "zs-follow-ups-page.h"
#include "zs-gtk-util-private.h"
#include "zs-related-records.h"

/* The latest activities shown; older ones are on the Follow-ups page. */
#define MAX_ACTIVITIES 50

struct _ZsFirmHub
{
  GtkWidget     parent_instance;

  ZsStore      *store;
  gint64        firm_id;
  GPtrArray    *contacts;      /* ZsContact, as the rows show them */
  guint         n_projects;
  guint         n_activities;
  guint         reload_id;
  GCancellable *cancellable;

  GtkWidget    *box;
  GtkWidget    *related;
  GtkListBox   *contact_list;
  GtkListBox   *project_list;
  GtkListBox   *activity_list;
};

G_DEFINE_FINAL_TYPE (ZsFirmHub, zs_firm_hub, GTK_TYPE_WIDGET)

/* The rows only: the placeholder is a child too, and stays. */
static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  g_object_set (label, "margin-top", 12, "margin-bottom", 12, NULL);
  gtk_list_box_set_placeholder (list, label);
}

/* Contacts {{{ */

static void
copy_clicked_cb (GtkButton *button,
                 ZsFirmHub *self)
{
  zs_firm_hub_copy_phone (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "zs-contact")));
}

static void
edit_clicked_cb (GtkButton *button,
                 ZsFirmHub *self)
{
  zs_firm_hub_edit_contact (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "zs-contact-id")));
}

static GtkWidget *
suffix_button (const char *icon,
               const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  zs_gtk_set_tooltip (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
contact_row (ZsFirmHub *self,
             ZsContact *contact,
             guint      index)
{
  GtkWidget *row = adw_action_row_new ();
  const char *title = zs_contact_get_title (contact);
  const char *phone = zs_contact_get_phone (contact);
  const char *email = zs_contact_get_email (contact);
  g_autofree char *subtitle = NULL;
  GtkWidget *edit = suffix_button ("document-edit-symbolic", _("Edit Contact"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: a contact's name and job title */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL && title[0] != '\0'
                                 ? (subtitle = g_strdup_printf (_("%s, %s"), zs_contact_get_name (contact), title))
                                 : zs_contact_get_name (contact));
  g_clear_pointer (&subtitle, g_free);
  /* Translators: a contact's phone and email */
  subtitle = g_strdup_printf (_("%s · %s"), phone != NULL ? phone : "", email != NULL ? email : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (phone != NULL && phone[0] != '\0')
    {
      GtkWidget *copy = suffix_button ("edit-copy-symbolic", _("Copy Phone Number"));

      g_object_set_data (G_OBJECT (copy), "zs-contact", GUINT_TO_POINTER (index));
      g_signal_connect (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
    }
  g_object_set_data (G_OBJECT (edit), "zs-contact-id", GSIZE_TO_POINTER (zs_contact_get_id (contact)));
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  return row;
}

static const char * const contact_fields[] = { "name", "title", "phone", "email", NULL };

static GtkWidget *
contact_form (ZsContact *contact)
{
  const char *labels[] = { N_("_Name"), N_("_Job title"), N_("_Phone"), N_("_Email") };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  for (guint i = 0; contact_fields[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new_with_mnemonic (_(labels[i]));
      GtkWidget *entry = gtk_entry_new ();
      g_autofree char *value = NULL;

      if (contact != NULL)
        g_object_get (contact, contact_fields[i], &value, NULL);
      gtk_editable_set_text (GTK_EDITABLE (entry), value != NULL ? value : "");
      gtk_widget_set_name (entry, contact_fields[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), entry);
    }
  return box;
}

/**
 * zs_firm_hub_get_contact_entry:
 * @dialog: a dialog from zs_firm_hub_edit_contact()
 * @field: `name`, `title`, `phone` or `email`
 *
 * Returns: (transfer none): the field's entry
 */
GtkEditable *
zs_firm_hub_get_contact_entry (AdwMessageDialog *dialog,
                               const char       *field)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_EDITABLE (child) && g_strcmp0 (gtk_widget_get_name (child), field) == 0)
      return GTK_EDITABLE (child);
  return NULL;
}

static void
contact_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ZsFirmHub        *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "zs-contact-id"));
  g_autoptr(ZsContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0)
    return;
  contact = id != 0 ? zs_store_get_contact (self->store, id, &error) : zs_contact_new ();
  if (contact == NULL)
    {
      zs_gtk_show_error (GTK_WIDGET (self), _("The contact was not saved"), error);
      return;
    }
  zs_contact_set_firm_id (contact, self->firm_id);
  for (guint i = 0; contact_fields[i] != NULL; i++)
    {
      const char *text = gtk_editable_get_text (zs_firm_hub_get_contact_entry (dialog, contact_fields[i]));

      g_object_set (contact, contact_fields[i], text[0] != '\0' ? text : NULL, NULL);
    }
  ok = id != 0 ? zs_store_update_contact (self->store, contact, &error)
               : zs_store_add_contact (self->store, contact, &error) > 0;
  if (!ok)
    {
      AdwMessageDialog *again;

      /* the reason, and the dialog again with what the user typed */
      zs_gtk_show_error (GTK_WIDGET (self), _("The contact was not saved"), error);
      again = zs_firm_hub_edit_contact (self, id);
      for (guint i = 0; contact_fields[i] != NULL; i++)
        gtk_editable_set_text (zs_firm_hub_get_contact_entry (again, contact_fields[i]),
                               gtk_editable_get_text (zs_firm_hub_get_contact_entry (dialog, contact_fields[i])));
    }
}

/**
 * zs_firm_hub_edit_contact:
 * @self: a #ZsFirmHub
 * @contact_id: a contact of the firm, or 0 for a new one
 *
 * Returns: (transfer none): the dialog now shown
 */
AdwMessageDialog *
zs_firm_hub_edit_contact (ZsFirmHub *self,
                          gint64     contact_id)
{
  g_autoptr(ZsContact) contact = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (ZS_IS_FIRM_HUB (self), NULL);

  if (contact_id != 0)
    contact = zs_store_get_contact (self->store, contact_id, NULL);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   contact_id != 0 ? _("Edit Contact") : _("New Contact"), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), contact_form (contact));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "zs-contact-id", GSIZE_TO_POINTER (contact_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (contact_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/**
 * zs_firm_hub_copy_phone:
 * @self: a #ZsFirmHub
 * @contact: a row of the contacts
 *
 * Puts the contact's phone number on the clipboard, to paste into a phone
 * or a message.
 */
void
zs_firm_hub_copy_phone (ZsFirmHub *self,
                        guint      contact)
{
  const char *phone;

  g_return_if_fail (ZS_IS_FIRM_HUB (self));
  g_return_if_fail (contact < self->contacts->len);

  phone = zs_contact_get_phone (g_ptr_array_index (self->contacts, contact));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), phone != NULL ? phone : "");
  zs_gtk_show_toast (GTK_WIDGET (self), _("Phone number copied"));
}

/* What the hub shows of a firm, read together off the main thread. */
typedef struct
{
  GPtrArray *contacts;
  GPtrArray *projects;
  GPtrArray *activities;
} HubData;

static void
hub_data_free (HubData *data)
{
  g_clear_pointer (&data->contacts, g_ptr_array_unref);
  g_clear_pointer (&data->projects, g_ptr_array_unref);
  g_clear_pointer (&data->activities, g_ptr_array_unref);
  g_free (data);
}

static gpointer
read_hub (ZsStore       *store,
          gpointer       firm,
          GCancellable  *cancellable,
          GError       **error)
{
  gint64 firm_id = *(gint64 *) firm;
  HubData *data = g_new0 (HubData, 1);

  if ((data->contacts = zs_store_list_contacts (store, firm_id, error)) == NULL ||
      (data->activities = zs_store_list_activities (store, firm_id, NULL, 0, MAX_ACTIVITIES, error)) == NULL ||
      (data->projects = zs_store_list_projects (store, firm_id, NULL, NULL, 0, 0, error)) == NULL)
    {
      hub_data_free (data);
      return NULL;
    }
  return data;
}

static void
fill_contacts (ZsFirmHub *self,
               GPtrArray *contacts)
{
  for (guint i = 0; i < contacts->len; i++)
    {
      g_ptr_array_add (self->contacts, g_object_ref (g_ptr_array_index (contacts, i)));
      gtk_list_box_append (self->contact_list, contact_row (self, g_ptr_array_index (contacts, i), i));
    }
}

/* }}} */

/* Projects and activities {{{ */

static void
fill_projects (ZsFirmHub *self,
               GPtrArray *projects)
{
  for (guint i = 0; i < projects->len; i++)
    {
      ZsProject *project = g_ptr_array_index (projects, i);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a project's stage and planned investment, an amount in 10,000 yuan */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %.0f ×10k yuan"), zs_stage_get_label (zs_project_get_stage (project)),
                                                   zs_project_get_planned_investment (project));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zs_project_get_title (project));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->project_list, row);
    }
  self->n_projects = projects->len;
}

static void
fill_activities (ZsFirmHub *self,
                 GPtrArray *activities)
{
  for (guint i = 0; i < activities->len; i++)
    {
      ZsActivity *activity = g_ptr_array_index (activities, i);
      GtkWidget *row = adw_action_row_new ();
      const char *who = zs_activity_get_who (activity);
      const char *notes = zs_activity_get_notes (activity);
      /* Translators: an activity in a firm's timeline: its date, kind and who did it */
      g_autofree char *title = g_strdup_printf (_("%s · %s · %s"), zs_activity_get_date (activity),
                                                zs_enum_get_label (ZS_TYPE_ACTIVITY_KIND, zs_activity_get_kind (activity)), who != NULL ? who : "");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (notes != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), notes);
      gtk_list_box_append (self->activity_list, row);
    }
  self->n_activities = activities->len;
}

static void
clear_lists (ZsFirmHub *self)
{
  clear_list (self->contact_list);
  clear_list (self->project_list);
  clear_list (self->activity_list);
  g_ptr_array_set_size (self->contacts, 0);
  self->n_projects = self->n_activities = 0;
}

static void
show_hub (gpointer      owner,
          gpointer      result,
          const GError *error)
{
  ZsFirmHub *self = owner;
  HubData *data = result;

  clear_lists (self);
  if (error != NULL)
    {
      zs_gtk_show_error (GTK_WIDGET (self), _("Cannot read the firm’s contacts, projects and activities"), error);
      return;
    }
  fill_contacts (self, data->contacts);
  fill_activities (self, data->activities);
  fill_projects (self, data->projects);
}

/**
 * zs_firm_hub_log:
 * @self: a #ZsFirmHub
 * @kind: a visit, a call, a meeting…
 *
 * Records that @kind happened with the firm today, by the staff member the
 * app runs for.
 *
 * Returns: the activity's id, or 0 when it was refused (and said why)
 */
gint64
zs_firm_hub_log (ZsFirmHub      *self,
                 ZsActivityKind  kind)
{
  g_autofree char *me = NULL;

  g_return_val_if_fail (ZS_IS_FIRM_HUB (self), 0);
  g_return_val_if_fail (self->firm_id != 0, 0);

  me = zs_follow_up_me (self->store);
  return zs_gtk_log_activity (GTK_WIDGET (self), self->store, self->firm_id, 0, me, kind);
}

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  int kind;

  if (zs_enum_from_nick (ZS_TYPE_ACTIVITY_KIND, "kind", g_variant_get_string (parameter, NULL), &kind, NULL))
    zs_firm_hub_log (ZS_FIRM_HUB (widget), kind);
}

static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  zs_firm_hub_edit_contact (ZS_FIRM_HUB (widget), 0);
}

/* }}} */

static GtkWidget *
create_group (const char  *title,
              GtkListBox **list,
              const char  *empty,
              GtkWidget   *suffix)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (suffix != NULL)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  *list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (*list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (*list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (*list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  add_placeholder (*list, empty);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (*list));
  return group;
}

static GtkWidget *
create_add_contact_button (void)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Contact"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "hub.new-contact");
  return button;
}

static void
store_changed_cb (ZsFirmHub  *self,
                  const char *entity)
{
  if (self->reload_id == 0 && self->firm_id != 0 &&
      (g_strcmp0 (entity, "contact") == 0 || g_strcmp0 (entity, "activity") == 0 ||
       g_strcmp0 (entity, "project") == 0))
    zs_gtk_queue_reload (&self->reload_id, (ZsGtkReloadFunc) zs_firm_hub_reload, self);
}

static void
zs_firm_hub_dispose (GObject *object)
{
  ZsFirmHub *self = ZS_FIRM_HUB (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  zs_gtk_clear_connected (&self->store, self);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (zs_firm_hub_parent_class)->dispose (object);
}

static void
zs_firm_hub_finalize (GObject *object)
{
  g_ptr_array_unref (ZS_FIRM_HUB (object)->contacts);

  G_OBJECT_CLASS (zs_firm_hub_parent_class)->finalize (object);
}

static void
zs_firm_hub_class_init (ZsFirmHubClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zs_firm_hub_dispose;
  object_class->finalize = zs_firm_hub_finalize;
  gtk_widget_class_install_action (widget_class, "hub.log", "s", log_action);
  gtk_widget_class_install_action (widget_class, "hub.new-contact", NULL, new_contact_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zs_firm_hub_init (ZsFirmHub *self)
{
  self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * zs_firm_hub_new:
 * @store: the store
 *
 * Returns: (transfer floating): the firm's contacts, projects and activities
 */
GtkWidget *
zs_firm_hub_new (ZsStore *store)
{
  ZsFirmHub *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_FIRM_HUB, NULL);
  self->store = g_object_ref (store);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (self->box), create_group (_("Contacts"), &self->contact_list, _("No contacts yet"),
                                                     create_add_contact_button ()));
  gtk_box_append (GTK_BOX (self->box), create_group (_("Activity"), &self->activity_list,
                                                     _("Nothing logged yet"), zs_gtk_create_log_button ("hub.log", _("Log a visit, call or meeting with the firm, today"))));
  gtk_box_append (GTK_BOX (self->box), create_group (_("Projects"), &self->project_list, _("No projects yet"), NULL));
  /* the records of plugins that refer to the firm, such as placements */
  self->related = zs_related_records_new (store, "firm", (const char *[]) { "contact", "project", "activity", NULL });
  gtk_box_append (GTK_BOX (self->box), self->related);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  return GTK_WIDGET (self);
}

/**
 * zs_firm_hub_reload:
 * @self: a #ZsFirmHub
 *
 * Reads the firm's contacts, projects and activities again, off the main
 * thread.
 */
void
zs_firm_hub_reload (ZsFirmHub *self)
{
  g_return_if_fail (ZS_IS_FIRM_HUB (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  zs_related_records_set_record (ZS_RELATED_RECORDS (self->related), self->firm_id);
  if (self->firm_id == 0)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      clear_lists (self);
      return;
    }
  zs_gtk_read_in_thread (self, &self->cancellable, self->store, read_hub,
                         g_memdup2 (&self->firm_id, sizeof self->firm_id), g_free,
                         show_hub, (GDestroyNotify) hub_data_free);
}

void
zs_firm_hub_set_firm (ZsFirmHub *self,
                      gint64     firm_id)
{
  g_return_if_fail (ZS_IS_FIRM_HUB (self));

  self->firm_id = firm_id;
  gtk_widget_set_sensitive (GTK_WIDGET (self), firm_id != 0);
  zs_firm_hub_reload (self);
}

gint64
zs_firm_hub_get_firm (ZsFirmHub *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_HUB (self), 0);
  return self->firm_id;
}

guint
zs_firm_hub_get_n_contacts (ZsFirmHub *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_HUB (self), 0);
  return self->contacts->len;
}

guint
zs_firm_hub_get_n_projects (ZsFirmHub *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_HUB (self), 0);
  return self->n_projects;
}

guint
zs_firm_hub_get_n_activities (ZsFirmHub *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_HUB (self), 0);
  return self->n_activities;
}

/* TRUE while a read is pending: tests wait for it. */
gboolean
zs_firm_hub_is_loading (ZsFirmHub *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_HUB (self), FALSE);
  return self->cancellable != NULL || self->reload_id != 0 ||
         zs_related_records_is_loading (ZS_RELATED_RECORDS (self->related));
}

/**
 * zs_firm_hub_get_related:
 * @self: a #ZsFirmHub
 *
 * Returns: (transfer none): the records of plugins that refer to the firm
 */
ZsRelatedRecords *
zs_firm_hub_get_related (ZsFirmHub *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_HUB (self), NULL);
  return ZS_RELATED_RECORDS (self->related);
}
