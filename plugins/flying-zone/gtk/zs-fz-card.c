/* zs-fz-card.c: the dashboard card of flying zones
 *
 * The year's sums over every zone: what is due to the partners, what was
 * settled and the shortfall, with the number of zones short or unsettled.
 * Read by the plugin's ZsFzBook in a GTask worker thread through a store
 * connection of the worker's own, and again when a flying-zone record
 * changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-fz-card.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>

struct _ZsFzCard
{
  GtkBox        parent_instance;

  ZsFzBook     *book;
  ZsStore      *store;
  char         *path;
  int           year;
  GCancellable *cancellable;
  GtkWidget    *title;
  GtkWidget    *figures;
  GtkWidget    *status;
};

G_DEFINE_FINAL_TYPE (ZsFzCard, zs_fz_card, GTK_TYPE_BOX)

enum {
  SIGNAL_REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ZsFzCard *self = source;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = zs_store_new (task_data, &error);
  JsonNode *ledger;

  if (store == NULL || !(ledger = zs_fz_book_get_ledger (self->book, store, self->year, 0, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ledger, (GDestroyNotify) json_node_unref);
}

static char *
wan_text (JsonObject *object,
          const char *member)
{
  double wan = json_object_get_double_member (object, member);

  /* whole 万元 on a card; the ledger page has the yuan */
  return g_strdup_printf ("%.0f", round (wan));
}

static void
show (ZsFzCard *self,
      JsonNode *ledger)
{
  JsonObject *total = json_object_get_object_member (json_node_get_object (ledger), "total");
  JsonArray *zones = json_object_get_array_member (json_node_get_object (ledger), "zones");
  g_autofree char *due = wan_text (total, "due_partner");
  g_autofree char *settled = wan_text (total, "settled");
  g_autofree char *shortfall = wan_text (total, "shortfall");
  g_autofree char *figures = g_strdup_printf (_("Due to partners %s · settled %s · short %s (万元)"), due, settled,
                                              shortfall);
  g_autofree char *status = NULL;
  guint behind = 0;

  for (guint i = 0; i < json_array_get_length (zones); i++)
    {
      const char *flag = json_object_get_string_member (json_array_get_object_element (zones, i), "flag");

      behind += g_strcmp0 (flag, "short") == 0 || g_strcmp0 (flag, "unsettled") == 0;
    }
  status = behind > 0 ? g_strdup_printf (ngettext ("%u zone is behind with its partner",
                                                   "%u zones are behind with their partners", behind), behind)
                      : g_strdup (_("Every zone is settled"));
  gtk_label_set_text (GTK_LABEL (self->figures), figures);
  gtk_label_set_text (GTK_LABEL (self->status), status);
  gtk_widget_remove_css_class (self->status, "warning");
  gtk_widget_remove_css_class (self->status, "success");
  gtk_widget_add_css_class (self->status, behind > 0 ? "warning" : "success");
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ZsFzCard *self = ZS_FZ_CARD (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) ledger = g_task_propagate_pointer (G_TASK (result), &error);

  if (ledger == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_text (GTK_LABEL (self->status), error->message);
      gtk_widget_add_css_class (self->status, "error");
    }
  else
    show (self, ledger);
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
}

/**
 * zs_fz_card_refresh:
 *
 * Reads the year's sums again in a worker thread; a read still running is
 * dropped.
 */
void
zs_fz_card_refresh (ZsFzCard *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZS_IS_FZ_CARD (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, read_in_thread);
}

/**
 * zs_fz_card_get_summary:
 *
 * Returns: the figures the card shows, as one line
 */
const char *
zs_fz_card_get_summary (ZsFzCard *self)
{
  g_return_val_if_fail (ZS_IS_FZ_CARD (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->figures));
}

static void
store_changed_cb (ZsFzCard   *self,
                  const char *entity)
{
  if (g_str_has_prefix (entity, "flying_zone."))
    zs_fz_card_refresh (self);
}

static void
zs_fz_card_dispose (GObject *object)
{
  ZsFzCard *self = ZS_FZ_CARD (object);

  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->book);
  G_OBJECT_CLASS (zs_fz_card_parent_class)->dispose (object);
}

static void
zs_fz_card_finalize (GObject *object)
{
  g_free (ZS_FZ_CARD (object)->path);
  G_OBJECT_CLASS (zs_fz_card_parent_class)->finalize (object);
}

static void
zs_fz_card_class_init (ZsFzCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_fz_card_dispose;
  object_class->finalize = zs_fz_card_finalize;

  /**
   * ZsFzCard::refreshed:
   *
   * Emitted when the card shows a new reading, or why it has none.
   */
  signals[SIGNAL_REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static GtkWidget *
new_label (const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
zs_fz_card_init (ZsFzCard *self)
{
  /* the padding inside the card's frame, which the dashboard draws */
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  g_object_set (inner, "margin-start", 18, "margin-end", 18, "margin-top", 12, "margin-bottom", 12, NULL);
  self->title = new_label ("heading");
  self->figures = new_label ("title-4");
  self->status = new_label (NULL);
  gtk_box_append (GTK_BOX (inner), self->title);
  gtk_box_append (GTK_BOX (inner), self->figures);
  gtk_box_append (GTK_BOX (inner), self->status);
  gtk_box_append (GTK_BOX (self), inner);
}

/**
 * zs_fz_card_new:
 * @book: the flying-zone plugin's book
 * @store: the window's store
 * @year: the year summed
 *
 * Returns: (transfer floating): the card, reading at once
 */
GtkWidget *
zs_fz_card_new (ZsFzBook *book,
                ZsStore  *store,
                int       year)
{
  ZsFzCard *self = g_object_new (ZS_TYPE_FZ_CARD, NULL);
  g_autofree char *title = g_strdup_printf (_("Flying zones, %d"), year);

  self->book = g_object_ref (book);
  self->store = g_object_ref (store);
  self->path = g_strdup (zs_store_get_path (store));
  self->year = year;
  gtk_label_set_text (GTK_LABEL (self->title), title);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  zs_fz_card_refresh (self);
  return GTK_WIDGET (self);
}
