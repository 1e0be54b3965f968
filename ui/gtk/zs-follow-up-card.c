/* zs-follow-up-card.c: the dashboard's count of follow-ups due
 *
 * Today's, the overdue and this week's follow-ups, counted in a worker
 * thread through a connection of its own; clicking the card opens the
 * Follow-ups page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-follow-up-card.h"
#include "zs-follow-ups-page.h"
#include "zs-gtk-util-private.h"

struct _ZsFollowUpCard
{
  GtkWidget     parent_instance;

  ZsStore      *store;
  char         *today;
  GtkWidget    *button;
  GtkLabel     *label;
  GCancellable *cancellable;
  guint         reload_id;
};

G_DEFINE_FINAL_TYPE (ZsFollowUpCard, zs_follow_up_card, GTK_TYPE_WIDGET)

/* In a worker: the follow-ups due by the end of @today's week, by group. */
static gpointer
count_follow_ups (ZsStore       *store,
                  gpointer       today,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *week_end = zs_follow_up_week_end (today);
  g_autoptr(GPtrArray) due = zs_store_list_follow_ups (store, NULL, week_end, NULL, 0, error);
  guint *counts;

  if (due == NULL)
    return NULL;
  counts = g_new0 (guint, ZS_FOLLOW_UP_N_GROUPS);
  for (guint i = 0; i < due->len; i++)
    counts[zs_follow_up_group_of (zs_activity_get_next_follow_up (g_ptr_array_index (due, i)), today)]++;
  return counts;
}

static void
show_counts (gpointer      owner,
             gpointer      result,
             const GError *error)
{
  ZsFollowUpCard *self = owner;
  guint *counts = result;
  g_autofree char *text = NULL;

  if (error != NULL)
    {
      zs_gtk_show_error (GTK_WIDGET (self), _("Cannot count the follow-ups"), error);
      return;
    }
  /* Translators: the dashboard's follow-ups card: due today, overdue, due later this week */
  text = g_strdup_printf (_("Follow-ups: %u due today · %u overdue · %u more this week"),
                          counts[ZS_FOLLOW_UP_TODAY], counts[ZS_FOLLOW_UP_OVERDUE],
                          counts[ZS_FOLLOW_UP_THIS_WEEK]);
  gtk_label_set_label (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/**
 * zs_follow_up_card_reload:
 * @self: a #ZsFollowUpCard
 *
 * Counts the follow-ups again, in a worker thread.
 */
void
zs_follow_up_card_reload (ZsFollowUpCard *self)
{
  g_return_if_fail (ZS_IS_FOLLOW_UP_CARD (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store == NULL)
    return;
  zs_gtk_read_in_thread (self, &self->cancellable, self->store, count_follow_ups,
                         self->today != NULL ? g_strdup (self->today) : zs_follow_up_today (), g_free,
                         show_counts, g_free);
}

static void
store_changed_cb (ZsFollowUpCard *self,
                  const char     *entity)
{
  if (g_strcmp0 (entity, "activity") == 0)
    zs_gtk_queue_reload (&self->reload_id, (ZsGtkReloadFunc) zs_follow_up_card_reload, self);
}

static void
clicked_cb (GtkWidget *button)
{
  gtk_widget_activate_action (button, "win.show-view", "s", "activities");
}

/**
 * zs_follow_up_card_set_store:
 * @self: a #ZsFollowUpCard
 * @store: the store whose follow-ups are counted
 */
void
zs_follow_up_card_set_store (ZsFollowUpCard *self,
                             ZsStore        *store)
{
  g_return_if_fail (ZS_IS_FOLLOW_UP_CARD (self));
  g_return_if_fail (ZS_IS_STORE (store));

  zs_gtk_clear_connected (&self->store, self);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  zs_follow_up_card_reload (self);
}

/**
 * zs_follow_up_card_set_today:
 * @self: a #ZsFollowUpCard
 * @today: the day counted from, YYYY-MM-DD
 */
void
zs_follow_up_card_set_today (ZsFollowUpCard *self,
                             const char     *today)
{
  g_return_if_fail (ZS_IS_FOLLOW_UP_CARD (self));

  g_free (self->today);
  self->today = g_strdup (today);
  zs_follow_up_card_reload (self);
}

gboolean
zs_follow_up_card_is_loading (ZsFollowUpCard *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP_CARD (self), FALSE);
  return self->cancellable != NULL;
}

const char *
zs_follow_up_card_get_text (ZsFollowUpCard *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP_CARD (self), NULL);
  return gtk_label_get_label (self->label);
}

static void
zs_follow_up_card_dispose (GObject *object)
{
  ZsFollowUpCard *self = ZS_FOLLOW_UP_CARD (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  zs_gtk_unparent_children (GTK_WIDGET (self));
  zs_gtk_clear_connected (&self->store, self);

  G_OBJECT_CLASS (zs_follow_up_card_parent_class)->dispose (object);
}

static void
zs_follow_up_card_finalize (GObject *object)
{
  g_free (ZS_FOLLOW_UP_CARD (object)->today);

  G_OBJECT_CLASS (zs_follow_up_card_parent_class)->finalize (object);
}

static void
zs_follow_up_card_class_init (ZsFollowUpCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_follow_up_card_dispose;
  object_class->finalize = zs_follow_up_card_finalize;

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
zs_follow_up_card_init (ZsFollowUpCard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->label = GTK_LABEL (gtk_label_new (_("Follow-ups")));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set (box, "margin-top", 6, "margin-bottom", 6, "margin-start", 6, "margin-end", 6, NULL);
  self->button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->button), box);
  gtk_widget_add_css_class (self->button, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Follow-ups"), -1);
  zs_gtk_set_tooltip (self->button, _("Open the follow-ups"));
  g_signal_connect (self->button, "clicked", G_CALLBACK (clicked_cb), NULL);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

/**
 * zs_follow_up_card_new:
 *
 * Returns: (transfer floating): a card counting nothing until given a store
 */
GtkWidget *
zs_follow_up_card_new (void)
{
  return g_object_new (ZS_TYPE_FOLLOW_UP_CARD, NULL);
}
