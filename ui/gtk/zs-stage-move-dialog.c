/* zs-stage-move-dialog.c: moving a project to another stage, with a reason
 *   where the stage asks for one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-stage-move-dialog.h"

struct _ZsStageMoveDialog
{
  AdwMessageDialog  parent_instance;

  ZsStore          *store;
  gint64            project_id;
  ZsStage           stage;
  GtkEntry         *reason_entry;
};

G_DEFINE_FINAL_TYPE (ZsStageMoveDialog, zs_stage_move_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GtkWindow *
show_refusal (GtkWindow    *parent,
              const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Project Was Not Moved"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
response_cb (ZsStageMoveDialog *self,
             const char        *response)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "move") != 0)
    return;
  if (!zs_store_move_project (self->store, self->project_id, self->stage,
                              gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)), &error))
    show_refusal (gtk_window_get_transient_for (GTK_WINDOW (self)), error);
}

/* The core refuses a move without a reason; do not offer one. */
static void
reason_changed_cb (ZsStageMoveDialog *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "move", reason[0] != '\0');
}

static void
zs_stage_move_dialog_dispose (GObject *object)
{
  ZsStageMoveDialog *self = ZS_STAGE_MOVE_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (zs_stage_move_dialog_parent_class)->dispose (object);
}

static void
zs_stage_move_dialog_class_init (ZsStageMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_stage_move_dialog_dispose;
}

static void
zs_stage_move_dialog_init (ZsStageMoveDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  self->reason_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->reason_entry, _("Why, in a sentence"));
  gtk_entry_set_activates_default (self->reason_entry, TRUE);
  g_signal_connect_swapped (self->reason_entry, "changed", G_CALLBACK (reason_changed_cb), self);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (self->reason_entry));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "move", FALSE);
  adw_message_dialog_set_default_response (dialog, "move");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

/**
 * zs_stage_move_dialog_move_project:
 * @parent: (nullable): a widget of the window asking
 * @store: the store
 * @project_id: the project to move
 * @stage: where to
 *
 * Moves the project at once, or first asks for the reason the stage needs
 * (zs_stage_requires_reason()). A refusal of the core is shown in a dialog.
 *
 * Returns: (transfer none) (nullable): the dialog now shown, if any
 */
GtkWindow *
zs_stage_move_dialog_move_project (GtkWidget *parent,
                                   ZsStore   *store,
                                   gint64     project_id,
                                   ZsStage    stage)
{
  GtkWindow *window = parent != NULL ? GTK_WINDOW (gtk_widget_get_root (parent)) : NULL;
  g_autoptr(GError) error = NULL;
  ZsStageMoveDialog *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  if (!zs_stage_requires_reason (stage))
    {
      if (zs_store_move_project (store, project_id, stage, NULL, &error))
        return NULL;
      return show_refusal (window, error);
    }

  self = g_object_new (ZS_TYPE_STAGE_MOVE_DIALOG,
                       "transient-for", window,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->project_id = project_id;
  self->stage = stage;
  /* Translators: %s is a stage of a project, such as “Lost” */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self), _("Move to “%s”?"), zs_stage_get_label (stage));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("Say why the project moves to this stage; the reason is kept in its history."));
  gtk_window_present (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}

/**
 * zs_stage_move_dialog_get_reason_entry:
 * @self: a #ZsStageMoveDialog
 *
 * Returns: (transfer none): where the reason is typed
 */
GtkEditable *
zs_stage_move_dialog_get_reason_entry (ZsStageMoveDialog *self)
{
  g_return_val_if_fail (ZS_IS_STAGE_MOVE_DIALOG (self), NULL);

  return GTK_EDITABLE (self->reason_entry);
}
