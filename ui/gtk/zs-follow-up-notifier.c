/* zs-follow-up-notifier.c: once a day, “N follow-ups due today, M overdue”
 *
 * When the app opens a database, and again when the local date changes
 * while it runs, the follow-ups due today and those overdue are counted
 * (in a worker thread, through a connection of its own), the app's own and
 * those of the plugins' follow-up sources (service items, commitments…),
 * and, when there are any, one GNotification says how many; clicking it
 * opens the Follow-ups page. The
 * day notified is kept in the “follow-ups-notified-on” setting, so a
 * restart the same day says nothing again. They are the current staff
 * member's follow-ups when the “staff-name” setting names one, else
 * everyone's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-follow-up-notifier.h"
#include "zs-follow-ups-page.h"

#define NOTIFICATION_ID "follow-ups-due"
#define NOTIFIED_KEY "follow-ups-notified-on"

struct _ZsFollowUpNotifier
{
  GObject       parent_instance;

  GApplication *application;   /* weak: it owns the notifier */
  GSettings    *settings;
  ZsStore      *store;
  GObject      *engine;        /* weak: the window's ZsPluginEngine */
  char         *notified_on;   /* when there are no settings */
  char         *last_body;
  guint         n_sent;
  guint         busy;
  guint         midnight_id;
};

G_DEFINE_FINAL_TYPE (ZsFollowUpNotifier, zs_follow_up_notifier, G_TYPE_OBJECT)

typedef struct
{
  char      *path;
  char      *today;
  char      *who;
  GPtrArray *sources;   /* ZsFollowUpSource, taken on the main thread */
  guint      due;
  guint      overdue;
} Count;

static void
count_free (Count *count)
{
  g_free (count->path);
  g_free (count->today);
  g_free (count->who);
  g_clear_pointer (&count->sources, g_ptr_array_unref);
  g_free (count);
}

static void
tally (Count      *count,
       const char *due)
{
  if (g_strcmp0 (due, count->today) < 0)
    count->overdue++;
  else
    count->due++;
}

/* A plugin source that fails leaves its items out of the count; the
 * Follow-ups page shows its error. */
static void
tally_sources (Count   *count,
               ZsStore *store)
{
  for (guint i = 0; count->sources != NULL && i < count->sources->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = zs_follow_up_source_list_follow_ups (count->sources->pdata[i], store, NULL,
                                                                         count->today, count->who, &error);

      if (items == NULL)
        g_debug ("A plugin's follow-ups are not counted: %s", error->message);
      for (guint j = 0; items != NULL && j < items->len; j++)
        tally (count, zs_follow_up_get_due (items->pdata[j]));
    }
}

static void
count_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Count *count = task_data;
  g_autoptr(ZsStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GError *error = NULL;

  store = zs_store_create (count->path, &error);
  if (store != NULL)
    items = zs_store_list_follow_ups (store, NULL, count->today, count->who, 0, &error);
  if (items == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    tally (count, zs_activity_get_next_follow_up (items->pdata[i]));
  tally_sources (count, store);
  g_task_return_boolean (task, TRUE);
}

static char *
notified_on (ZsFollowUpNotifier *self)
{
  if (self->settings != NULL)
    return g_settings_get_string (self->settings, NOTIFIED_KEY);
  return g_strdup (self->notified_on);
}

static void
remember (ZsFollowUpNotifier *self,
          const char         *today)
{
  if (self->settings != NULL)
    g_settings_set_string (self->settings, NOTIFIED_KEY, today);
  g_free (self->notified_on);
  self->notified_on = g_strdup (today);
}

static char *
body_text (guint due,
           guint overdue)
{
  g_autofree char *due_text = NULL;
  g_autofree char *overdue_text = NULL;

  if (due == 0)
    return g_strdup_printf (ngettext ("%u follow-up overdue", "%u follow-ups overdue", overdue), overdue);
  due_text = g_strdup_printf (ngettext ("%u follow-up due today", "%u follow-ups due today", due), due);
  if (overdue == 0)
    return g_steal_pointer (&due_text);
  /* Translators: after “3 follow-ups due today”: “, 2 overdue” */
  overdue_text = g_strdup_printf (ngettext (", %u overdue", ", %u overdue", overdue), overdue);
  return g_strconcat (due_text, overdue_text, NULL);
}

static void
send (ZsFollowUpNotifier *self,
      guint               due,
      guint               overdue)
{
  g_autoptr(GNotification) notification = g_notification_new (_("Follow-ups"));

  g_free (self->last_body);
  self->last_body = body_text (due, overdue);
  g_notification_set_body (notification, self->last_body);
  g_notification_set_default_action_and_target (notification, "app.show-view", "s", "activities");
  self->n_sent++;
  /* Without a session bus (tests, a bare X session) there is nobody to tell;
   * a count that arrives as the app quits is dropped. */
  if (self->application != NULL && g_application_get_dbus_connection (self->application) != NULL)
    g_application_send_notification (self->application, NOTIFICATION_ID, notification);
}

static void
count_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ZsFollowUpNotifier *self = ZS_FOLLOW_UP_NOTIFIER (source);
  Count *count = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  self->busy--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_debug ("Cannot count the follow-ups due today: %s", error->message);
      return;
    }
  last = notified_on (self);
  if (g_strcmp0 (last, count->today) == 0)
    return;
  remember (self, count->today);
  if (count->due + count->overdue > 0)
    send (self, count->due, count->overdue);
}

/**
 * zs_follow_up_notifier_check:
 * @self: a #ZsFollowUpNotifier
 * @today: (nullable): the day to check, YYYY-MM-DD, or %NULL for today
 *
 * Counts the follow-ups due @today and those overdue, the plugins' among
 * them, and notifies, unless @today was notified already.
 */
void
zs_follow_up_notifier_check (ZsFollowUpNotifier *self,
                             const char         *today)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *last = NULL;
  g_autofree char *name = NULL;
  Count *count;

  g_return_if_fail (ZS_IS_FOLLOW_UP_NOTIFIER (self));

  if (self->store == NULL || zs_store_get_path (self->store) == NULL)
    return;
  count = g_new0 (Count, 1);
  count->today = today != NULL ? g_strdup (today) : zs_follow_up_today ();
  last = notified_on (self);
  if (g_strcmp0 (last, count->today) == 0)
    {
      count_free (count);
      return;
    }
  count->path = g_strdup (zs_store_get_path (self->store));
  if (self->settings != NULL)
    name = g_settings_get_string (self->settings, "staff-name");
  count->who = name != NULL && name[0] != '\0' ? g_steal_pointer (&name) : NULL;
  if (self->engine != NULL)
    count->sources = zs_plugin_engine_get_extensions (ZS_PLUGIN_ENGINE (self->engine), ZS_TYPE_FOLLOW_UP_SOURCE);
  self->busy++;
  task = g_task_new (self, NULL, count_done_cb, NULL);
  g_task_set_task_data (task, count, (GDestroyNotify) count_free);
  g_task_run_in_thread (task, count_in_thread);
}

static void arm_midnight (ZsFollowUpNotifier *self);

static gboolean
midnight_cb (gpointer data)
{
  ZsFollowUpNotifier *self = data;

  self->midnight_id = 0;
  zs_follow_up_notifier_check (self, NULL);
  arm_midnight (self);
  return G_SOURCE_REMOVE;
}

/* A timer to just after the next local midnight: the day's change. */
static void
arm_midnight (ZsFollowUpNotifier *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  GTimeSpan wait = g_date_time_difference (tomorrow, now);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  self->midnight_id = g_timeout_add_seconds ((guint) (wait / G_TIME_SPAN_SECOND) + 1, midnight_cb, self);
}

/**
 * zs_follow_up_notifier_set_store:
 * @self: a #ZsFollowUpNotifier
 * @store: the store whose follow-ups are counted
 */
void
zs_follow_up_notifier_set_store (ZsFollowUpNotifier *self,
                                 ZsStore            *store)
{
  g_return_if_fail (ZS_IS_FOLLOW_UP_NOTIFIER (self));
  g_return_if_fail (ZS_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * zs_follow_up_notifier_set_plugin_engine:
 * @self: a #ZsFollowUpNotifier
 * @engine: (nullable): the plugins whose follow-up sources are counted too
 *
 * The notifier does not keep @engine: it counts its sources while it lives.
 */
void
zs_follow_up_notifier_set_plugin_engine (ZsFollowUpNotifier *self,
                                         ZsPluginEngine     *engine)
{
  g_return_if_fail (ZS_IS_FOLLOW_UP_NOTIFIER (self));
  g_return_if_fail (engine == NULL || ZS_IS_PLUGIN_ENGINE (engine));

  g_set_weak_pointer (&self->engine, (GObject *) engine);
}

/**
 * zs_follow_up_notifier_watch:
 * @self: a #ZsFollowUpNotifier
 * @store: the store of the window just opened
 *
 * Checks today's follow-ups of @store now and at each change of day.
 */
void
zs_follow_up_notifier_watch (ZsFollowUpNotifier *self,
                             ZsStore            *store)
{
  g_return_if_fail (ZS_IS_FOLLOW_UP_NOTIFIER (self));
  g_return_if_fail (ZS_IS_STORE (store));

  zs_follow_up_notifier_set_store (self, store);
  zs_follow_up_notifier_check (self, NULL);
  arm_midnight (self);
}

gboolean
zs_follow_up_notifier_is_busy (ZsFollowUpNotifier *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP_NOTIFIER (self), FALSE);
  return self->busy > 0;
}

guint
zs_follow_up_notifier_get_n_sent (ZsFollowUpNotifier *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP_NOTIFIER (self), 0);
  return self->n_sent;
}

/**
 * zs_follow_up_notifier_get_last_body:
 * @self: a #ZsFollowUpNotifier
 *
 * Returns: (nullable): the text of the last notification sent
 */
const char *
zs_follow_up_notifier_get_last_body (ZsFollowUpNotifier *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP_NOTIFIER (self), NULL);
  return self->last_body;
}

static void
zs_follow_up_notifier_dispose (GObject *object)
{
  ZsFollowUpNotifier *self = ZS_FOLLOW_UP_NOTIFIER (object);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  if (self->application != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
  self->application = NULL;
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->engine);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zs_follow_up_notifier_parent_class)->dispose (object);
}

static void
zs_follow_up_notifier_finalize (GObject *object)
{
  ZsFollowUpNotifier *self = ZS_FOLLOW_UP_NOTIFIER (object);

  g_free (self->notified_on);
  g_free (self->last_body);

  G_OBJECT_CLASS (zs_follow_up_notifier_parent_class)->finalize (object);
}

static void
zs_follow_up_notifier_class_init (ZsFollowUpNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_follow_up_notifier_dispose;
  object_class->finalize = zs_follow_up_notifier_finalize;
}

static void
zs_follow_up_notifier_init (ZsFollowUpNotifier *self)
{
}

/**
 * zs_follow_up_notifier_new:
 * @application: the application that sends the notification
 * @settings: (nullable): where the day notified is kept
 *
 * Returns: (transfer full): a new notifier
 */
ZsFollowUpNotifier *
zs_follow_up_notifier_new (GApplication *application,
                           GSettings    *settings)
{
  ZsFollowUpNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (ZS_TYPE_FOLLOW_UP_NOTIFIER, NULL);
  self->application = application;
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);
  if (settings != NULL)
    self->settings = g_object_ref (settings);
  return self;
}
