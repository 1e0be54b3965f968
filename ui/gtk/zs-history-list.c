/* zs-history-list.c: the audit trail of one record, each change revertible
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-history-list.h"
#include "zs-gtk-util-private.h"

/* A record edited more often than this shows its latest changes. */
#define MAX_CHANGES 200

struct _ZsHistoryList
{
  GtkWidget    parent_instance;

  ZsStore     *store;
  char        *entity;
  gint64       entity_id;
  GListStore  *changes;
  GtkListBox  *list_box;
  GtkLabel    *error_label;
  GtkWidget   *confirm_dialog;
  AdwToast    *undo_toast;    /* weak */
  guint        reload_id;
  GHashTable  *labels;        /* field (either spelling) → what the form calls it */
  GPtrArray   *stage_changes; /* of a project: the reasons given for its moves */
};

G_DEFINE_FINAL_TYPE (ZsHistoryList, zs_history_list, GTK_TYPE_WIDGET)

/* What the form calls a field: `registered_capital` reads “Registered
 * capital (10,000 yuan)”. */
static const char *
field_label (ZsHistoryList *self,
             const char    *field)
{
  const char *label = self->labels != NULL && field != NULL ? g_hash_table_lookup (self->labels, field) : NULL;

  return label != NULL ? label : field;
}

/* A stage reads as its name, not its code. */
static const char *
value_text (const char *field,
            const char *value)
{
  ZsStage stage;

  if (value == NULL)
    return "";
  if (g_strcmp0 (field, "stage") == 0 && zs_stage_parse (value, &stage, NULL))
    return zs_stage_get_label (stage);
  return value;
}

/* The reason given when the project was moved to @stage at @at: the move
 * recorded then, else the latest move to that stage before it. */
static const char *
stage_reason (ZsHistoryList *self,
              const char    *stage,
              const char    *at)
{
  const char *reason = NULL;

  for (guint i = 0; self->stage_changes != NULL && i < self->stage_changes->len; i++)
    {
      ZsStageChange *move = g_ptr_array_index (self->stage_changes, i);
      const char *move_at = zs_stage_change_get_at (move);

      if (g_strcmp0 (zs_stage_change_get_to_stage (move), stage) != 0 || g_strcmp0 (move_at, at) > 0)
        continue;
      reason = zs_stage_change_get_reason (move);
      if (g_strcmp0 (move_at, at) == 0)
        break;
    }
  return reason != NULL && reason[0] != '\0' ? reason : NULL;
}

static char *
describe_change (ZsHistoryList *self,
                 ZsChange      *change)
{
  const char *field = zs_change_get_field (change);
  const char *old_value = value_text (field, zs_change_get_old_value (change));
  const char *new_value = value_text (field, zs_change_get_new_value (change));
  const char *reason;

  switch (zs_change_get_kind (change))
    {
    case ZS_CHANGE_KIND_CREATE:
      if (zs_change_get_import_id (change) != 0)
        /* Translators: %d is the number of the import, as in “zhaoshang-cli imports list” */
        return g_strdup_printf (_("Created by import %d"), (int) zs_change_get_import_id (change));
      return g_strdup (_("Created"));
    case ZS_CHANGE_KIND_DELETE:
      return g_strdup (_("Deleted"));
    default:
      reason = g_strcmp0 (field, "stage") == 0
               ? stage_reason (self, zs_change_get_new_value (change), zs_change_get_at (change)) : NULL;
      if (reason != NULL)
        /* Translators: a stage move: field, old stage, new stage, the reason given */
        return g_strdup_printf (_("%s: “%s” → “%s” (%s)"), field_label (self, field), old_value, new_value, reason);
      /* Translators: a changed field: field name, old value, new value */
      return g_strdup_printf (_("%s: “%s” → “%s”"), field_label (self, field), old_value, new_value);
    }
}

/* The store keeps times in UTC; the user reads them in local time. */
static char *
local_time (const char *at)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = at != NULL ? g_date_time_new_from_iso8601 (at, utc) : NULL;
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (at != NULL ? at : "");
}

static void
revert_clicked_cb (GtkButton     *button,
                   ZsHistoryList *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "change-id"));

  zs_history_list_revert (self, id);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ZsHistoryList *self = user_data;
  ZsChange *change = item;
  g_autofree char *title = describe_change (self, change);
  g_autofree char *subtitle = NULL;
  g_autofree char *when = local_time (zs_change_get_at (change));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* Translators: when and by whom a change was made */
  subtitle = g_strdup_printf (_("%s · %s"), when,
                              zs_change_get_actor (change) ? zs_change_get_actor (change) : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  if (zs_change_get_reverted_by (change) != 0)
    {
      GtkWidget *label = gtk_label_new (_("Reverted"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      return row;
    }

  button = gtk_button_new_with_mnemonic (_("_Revert"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  zs_gtk_set_tooltip (button, _("Undo this change"));
  g_object_set_data (G_OBJECT (button), "change-id", GSIZE_TO_POINTER (zs_change_get_id (change)));
  g_signal_connect (button, "clicked", G_CALLBACK (revert_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_error (ZsHistoryList *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
reload (ZsHistoryList *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_list_store_remove_all (self->changes);
  if (self->entity == NULL || self->entity_id == 0)
    return;

  g_clear_pointer (&self->stage_changes, g_ptr_array_unref);
  if (g_strcmp0 (self->entity, "project") == 0)
    self->stage_changes = zs_store_list_stage_changes (self->store, self->entity_id, NULL);
  changes = zs_store_list_changes (self->store, self->entity, self->entity_id, 0, MAX_CHANGES, &error);
  if (changes == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_list_store_splice (self->changes, 0, 0, changes->pdata, changes->len);
}

static void
store_changed_cb (ZsHistoryList *self,
                  const char    *entity,
                  gint64         id,
                  ZsChangeKind   kind)
{
  if (self->reload_id == 0 && id == self->entity_id && g_strcmp0 (entity, self->entity) == 0)
    zs_gtk_queue_reload (&self->reload_id, (ZsGtkReloadFunc) reload, self);
}

static void
zs_history_list_dispose (GObject *object)
{
  ZsHistoryList *self = ZS_HISTORY_LIST (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->undo_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
  self->undo_toast = NULL;
  if (self->confirm_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->confirm_dialog), (gpointer *) &self->confirm_dialog);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->confirm_dialog)));
    }
  zs_gtk_unparent_children (GTK_WIDGET (self));
  zs_gtk_clear_connected (&self->store, self);
  g_clear_object (&self->changes);

  G_OBJECT_CLASS (zs_history_list_parent_class)->dispose (object);
}

static void
zs_history_list_finalize (GObject *object)
{
  ZsHistoryList *self = ZS_HISTORY_LIST (object);

  g_free (self->entity);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->stage_changes, g_ptr_array_unref);

  G_OBJECT_CLASS (zs_history_list_parent_class)->finalize (object);
}

static void
zs_history_list_class_init (ZsHistoryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zs_history_list_dispose;
  object_class->finalize = zs_history_list_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static GtkWidget *
create_placeholder (void)
{
  GtkWidget *label = gtk_label_new (_("No changes recorded"));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  return label;
}

static void
zs_history_list_init (ZsHistoryList *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->changes = g_list_store_new (ZS_TYPE_CHANGE);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->error_label), GTK_WIDGET (self));

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_list_box_set_placeholder (self->list_box, create_placeholder ());
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->changes), create_row, self, NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->list_box), GTK_WIDGET (self));
}

/**
 * zs_history_list_new:
 * @store: the store whose audit trail to show
 *
 * Returns: (transfer floating): a history list, empty until a record is set
 */
GtkWidget *
zs_history_list_new (ZsStore *store)
{
  ZsHistoryList *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_HISTORY_LIST, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  return GTK_WIDGET (self);
}

/**
 * zs_history_list_set_record:
 * @self: a #ZsHistoryList
 * @entity: (nullable): "firm", "project", …
 * @entity_id: the record's id, or 0 for none
 */
void
zs_history_list_set_record (ZsHistoryList *self,
                            const char    *entity,
                            gint64         entity_id)
{
  g_return_if_fail (ZS_IS_HISTORY_LIST (self));

  g_free (self->entity);
  self->entity = g_strdup (entity);
  self->entity_id = entity_id;
  show_error (self, NULL);
  reload (self);
}

/**
 * zs_history_list_set_field_labels:
 * @self: a #ZsHistoryList
 * @labels: (element-type utf8 utf8): property or column name → the form's label
 *
 * Names the changed fields as the form does.
 */
void
zs_history_list_set_field_labels (ZsHistoryList *self,
                                  GHashTable    *labels)
{
  g_return_if_fail (ZS_IS_HISTORY_LIST (self));

  g_clear_pointer (&self->labels, g_hash_table_unref);
  self->labels = labels != NULL ? g_hash_table_ref (labels) : NULL;
  reload (self);
}

/**
 * zs_history_list_dup_title:
 * @self: a #ZsHistoryList
 * @position: a change shown
 *
 * Returns: (transfer full): how the change reads in the list
 */
char *
zs_history_list_dup_title (ZsHistoryList *self,
                           guint          position)
{
  g_autoptr(ZsChange) change = NULL;

  g_return_val_if_fail (ZS_IS_HISTORY_LIST (self), NULL);

  change = g_list_model_get_item (G_LIST_MODEL (self->changes), position);
  g_return_val_if_fail (change != NULL, NULL);
  return describe_change (self, change);
}

/**
 * zs_history_list_get_changes:
 * @self: a #ZsHistoryList
 *
 * Returns: (transfer none): the changes shown, newest first
 */
GListModel *
zs_history_list_get_changes (ZsHistoryList *self)
{
  g_return_val_if_fail (ZS_IS_HISTORY_LIST (self), NULL);

  return G_LIST_MODEL (self->changes);
}

static gboolean
revert_with_flags (ZsHistoryList  *self,
                   gint64          change_id,
                   ZsRevertFlags   flags,
                   GError        **error)
{
  g_autoptr(ZsChange) change = zs_store_get_change (self->store, change_id, NULL);
  ZsChangeKind kind = change != NULL ? zs_change_get_kind (change) : ZS_CHANGE_KIND_UPDATE;
  gint64 revert_id;
  const char *title;

  revert_id = zs_store_revert_change_full (self->store, change_id, flags, error);
  if (revert_id == 0)
    return FALSE;
  show_error (self, NULL);
  reload (self);

  /* A revert, even one that deletes, can be taken back at once. */
  if (kind == ZS_CHANGE_KIND_CREATE)
    title = _("Record deleted");
  else if (kind == ZS_CHANGE_KIND_DELETE)
    title = _("Record restored");
  else
    title = _("Change reverted");
  if (self->undo_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
  self->undo_toast = zs_gtk_show_undo (GTK_WIDGET (self), title, self->store, revert_id);
  if (self->undo_toast != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
  return TRUE;
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ZsHistoryList    *self)
{
  gint64 change_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "change-id"));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "revert") &&
      !revert_with_flags (self, change_id, ZS_REVERT_FLAGS_FORCE, &error))
    show_error (self, error->message);
}

/* Reverting a creation deletes the record: the records that depend on it
 * go too, so the user says so first. @reason names them. */
static void
confirm_forced_revert (ZsHistoryList *self,
                       gint64         change_id,
                       const char    *reason)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete the Records That Depend on It?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", reason,
                                  _("They can be brought back by reverting the deletion."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "revert", _("_Delete and Revert"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revert",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "change-id", GSIZE_TO_POINTER (change_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  self->confirm_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->confirm_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * zs_history_list_revert:
 * @self: a #ZsHistoryList
 * @change_id: a change of the record shown
 *
 * Reverts the change, as its Revert button does; a refusal (the field was
 * edited again since) is shown above the list. Reverting the creation of a
 * record that others depend on first asks, in a dialog naming them, whether
 * to delete them too.
 *
 * Returns: %TRUE if the change was reverted
 */
gboolean
zs_history_list_revert (ZsHistoryList *self,
                        gint64         change_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZS_IS_HISTORY_LIST (self), FALSE);

  if (revert_with_flags (self, change_id, ZS_REVERT_FLAGS_NONE, &error))
    return TRUE;
  if (g_error_matches (error, ZS_ERROR, ZS_ERROR_IN_USE))
    confirm_forced_revert (self, change_id, error->message);
  else
    show_error (self, error->message);
  return FALSE;
}

/**
 * zs_history_list_get_confirmation:
 * @self: a #ZsHistoryList
 *
 * Returns: (transfer none) (nullable): the dialog asking whether to delete
 *   what depends on a record whose creation is being reverted, while open
 */
AdwMessageDialog *
zs_history_list_get_confirmation (ZsHistoryList *self)
{
  g_return_val_if_fail (ZS_IS_HISTORY_LIST (self), NULL);

  return self->confirm_dialog ? ADW_MESSAGE_DIALOG (self->confirm_dialog) : NULL;
}

/**
 * zs_history_list_get_error_text:
 * @self: a #ZsHistoryList
 *
 * Returns: (nullable): why the last revert was refused
 */
const char *
zs_history_list_get_error_text (ZsHistoryList *self)
{
  g_return_val_if_fail (ZS_IS_HISTORY_LIST (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

/**
 * zs_history_list_get_undo_toast:
 * @self: a #ZsHistoryList
 *
 * Returns: (transfer none) (nullable): the toast offering to undo the last
 *   revert, while shown
 */
AdwToast *
zs_history_list_get_undo_toast (ZsHistoryList *self)
{
  g_return_val_if_fail (ZS_IS_HISTORY_LIST (self), NULL);

  return self->undo_toast;
}
