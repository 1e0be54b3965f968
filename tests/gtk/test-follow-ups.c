/* test-follow-ups.c: the Follow-ups page, its dialog, the dashboard card,
 *   the daily notification and the items of a plugin's follow-up source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-application.h"
#include "zs-follow-up-card.h"
#include "zs-follow-up-dialog.h"
#include "zs-follow-up-notifier.h"
#include "zs-follow-ups-page.h"
#include "zs-gtk-test-util.h"
#include "zs-window.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

/* A Wednesday: the week runs to Sunday 2026-12-06. */
#define TODAY "2026-12-02"

static ZsApplication *app;

typedef struct
{
  ZsTestDatabase db;
  ZsStore       *store;
  ZsWindow      *window;
  gint64         firm;
  gint64         overdue;    /* 张伟's, 3 days late */
  gint64         today;      /* 李娜's */
  gint64         sunday;     /* 张伟's, this week */
  gint64         monday;     /* 李娜's, later */
} Fixture;

static gint64
add_activity (Fixture    *fixture,
              const char *who,
              const char *due,
              const char *notes)
{
  g_autoptr(ZsActivity) activity = zs_activity_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_activity_set_firm_id (activity, fixture->firm);
  zs_activity_set_kind (activity, ZS_ACTIVITY_KIND_CALL);
  zs_activity_set_date (activity, "2026-11-20");
  zs_activity_set_who (activity, who);
  zs_activity_set_notes (activity, notes);
  zs_activity_set_next_follow_up (activity, due);
  id = zs_store_add_activity (fixture->store, activity, &error);
  g_assert_no_error (error);
  return id;
}

static void
add_staff (ZsStore    *store,
           const char *name)
{
  g_autoptr(ZsStaff) staff = zs_staff_new ();
  g_autoptr(GError) error = NULL;

  zs_staff_set_name (staff, name);
  zs_staff_set_role (staff, ZS_ROLE_STAFF);
  zs_store_add_staff (store, staff, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ZsFirm) firm = zs_firm_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uscc = NULL;

  zs_test_database_init (&fixture->db);
  fixture->store = zs_test_open_store (&fixture->db, FALSE);
  uscc = g_strdup_printf ("%s%c", "91654004MA78FQ0K1", zs_uscc_check_character ("91654004MA78FQ0K1"));

  zs_firm_set_name (firm, "霍尔果斯跟进测试有限公司");
  zs_firm_set_uscc (firm, uscc);
  fixture->firm = zs_store_add_firm (fixture->store, firm, &error);
  g_assert_no_error (error);
  add_staff (fixture->store, "张伟");
  add_staff (fixture->store, "李娜");
  fixture->overdue = add_activity (fixture, "张伟", "2026-11-29", "逾期的电话");
  fixture->today = add_activity (fixture, "李娜", TODAY, "今天的回访");
  fixture->sunday = add_activity (fixture, "张伟", "2026-12-06", "周日的会面");
  fixture->monday = add_activity (fixture, "李娜", "2026-12-07", "下周的拜访");
  /* Done: no follow-up, listed nowhere. */
  add_activity (fixture, "张伟", NULL, "已完成");
  fixture->window = zs_test_present_window (app, fixture->store, 1100, 800);
  zs_test_wait_for_paint (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  zs_test_destroy_window (fixture->window);
  g_clear_object (&fixture->store);
  zs_test_database_clear (&fixture->db);
}

static gboolean
page_loaded (gpointer page)
{
  return !zs_follow_ups_page_is_loading (page);
}

static ZsFollowUpsPage *
show_page (Fixture *fixture)
{
  ZsFollowUpsPage *page = ZS_FOLLOW_UPS_PAGE (zs_window_get_view (fixture->window, "activities"));

  zs_window_set_view_name (fixture->window, "activities");
  zs_follow_ups_page_set_today (page, TODAY);
  g_assert_true (zs_test_wait_until (page_loaded, page));
  return page;
}

static guint
n_in (ZsFollowUpsPage *page,
      ZsFollowUpGroup  group)
{
  return g_list_model_get_n_items (zs_follow_ups_page_get_group (page, group));
}

static gpointer
item_in (ZsFollowUpsPage *page,
         ZsFollowUpGroup  group,
         guint            position)
{
  /* The list keeps it alive. */
  g_autoptr(GObject) item = g_list_model_get_item (zs_follow_ups_page_get_group (page, group), position);

  g_assert_nonnull (item);
  return item;
}

static ZsActivity *
stored (Fixture *fixture,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  ZsActivity *activity = zs_store_get_activity (fixture->store, id, &error);

  g_assert_no_error (error);
  return activity;
}

static void
test_dates (void)
{
  g_autofree char *sunday = zs_follow_up_week_end (TODAY);
  g_autofree char *same = zs_follow_up_week_end ("2026-12-06");
  g_autofree char *next = zs_follow_up_week_end ("2026-12-07");
  g_autofree char *late = zs_follow_up_status_text ("2026-11-29", TODAY);
  g_autofree char *one = zs_follow_up_status_text ("2026-12-01", TODAY);
  g_autofree char *now = zs_follow_up_status_text (TODAY, TODAY);
  g_autofree char *year = zs_follow_up_date_after ("2026-12-31", 1);

  g_assert_cmpstr (sunday, ==, "2026-12-06");
  g_assert_cmpstr (same, ==, "2026-12-06");
  g_assert_cmpstr (next, ==, "2026-12-13");
  g_assert_cmpstr (year, ==, "2027-01-01");
  g_assert_cmpint (zs_follow_up_group_of ("2026-12-01", TODAY), ==, ZS_FOLLOW_UP_OVERDUE);
  g_assert_cmpint (zs_follow_up_group_of (TODAY, TODAY), ==, ZS_FOLLOW_UP_TODAY);
  g_assert_cmpint (zs_follow_up_group_of ("2026-12-03", TODAY), ==, ZS_FOLLOW_UP_THIS_WEEK);
  g_assert_cmpint (zs_follow_up_group_of ("2026-12-06", TODAY), ==, ZS_FOLLOW_UP_THIS_WEEK);
  g_assert_cmpint (zs_follow_up_group_of ("2026-12-07", TODAY), ==, ZS_FOLLOW_UP_LATER);
  /* On a Sunday, tomorrow is already next week. */
  g_assert_cmpint (zs_follow_up_group_of ("2026-12-07", "2026-12-06"), ==, ZS_FOLLOW_UP_LATER);
  g_assert_cmpstr (late, ==, "Overdue by 3 days");
  g_assert_cmpstr (one, ==, "Overdue by 1 day");
  g_assert_cmpstr (now, ==, "Due today");
}

/* In Chinese, as the staff read it. */
static void
test_chinese (void)
{
  g_autofree char *late = NULL;
  g_autofree char *now = NULL;

  late = zs_follow_up_status_text ("2026-11-29", TODAY);
  now = zs_follow_up_status_text (TODAY, TODAY);
  g_assert_cmpstr (late, ==, "逾期 3 天");
  g_assert_cmpstr (now, ==, "今天到期");
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  ZsFollowUpsPage *page = show_page (fixture);

  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_OVERDUE), ==, 1);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_TODAY), ==, 1);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_THIS_WEEK), ==, 1);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_LATER), ==, 1);
  g_assert_cmpint (zs_activity_get_id (item_in (page, ZS_FOLLOW_UP_OVERDUE, 0)), ==, fixture->overdue);
  g_assert_cmpint (zs_activity_get_id (item_in (page, ZS_FOLLOW_UP_LATER, 0)), ==, fixture->monday);
  /* Overdue is said in words, not by colour alone. */
  g_assert_nonnull (zs_test_find_label (GTK_WIDGET (page), "Overdue by 3 days"));

  /* The day after, the Sunday one is still this week, today's is overdue. */
  zs_follow_ups_page_set_today (page, "2026-12-03");
  g_assert_true (zs_test_wait_until (page_loaded, page));
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_OVERDUE), ==, 2);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_TODAY), ==, 0);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_THIS_WEEK), ==, 1);
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "follow-ups.png");
}

static void
test_mine_and_all (Fixture       *fixture,
                   gconstpointer  data)
{
  ZsFollowUpsPage *page = show_page (fixture);

  zs_follow_ups_page_set_me (page, "张伟");
  zs_follow_ups_page_set_mine (page, TRUE);
  g_assert_true (zs_test_wait_until (page_loaded, page));
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_OVERDUE), ==, 1);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_TODAY), ==, 0);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_THIS_WEEK), ==, 1);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_LATER), ==, 0);

  zs_follow_ups_page_set_mine (page, FALSE);
  g_assert_true (zs_test_wait_until (page_loaded, page));
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_TODAY), ==, 1);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_LATER), ==, 1);
}

static void
test_complete_snooze_reassign (Fixture       *fixture,
                               gconstpointer  data)
{
  ZsFollowUpsPage *page = show_page (fixture);
  g_autoptr(ZsActivity) completed = NULL;
  g_autoptr(ZsActivity) snoozed = NULL;
  g_autoptr(ZsActivity) reassigned = NULL;

  g_assert_true (zs_follow_ups_page_complete (page, item_in (page, ZS_FOLLOW_UP_OVERDUE, 0)));
  g_assert_true (zs_follow_ups_page_snooze (page, item_in (page, ZS_FOLLOW_UP_TODAY, 0), "2026-12-09"));
  g_assert_true (zs_follow_ups_page_reassign (page, item_in (page, ZS_FOLLOW_UP_THIS_WEEK, 0), "李娜"));

  completed = stored (fixture, fixture->overdue);
  g_assert_null (zs_activity_get_next_follow_up (completed));
  g_assert_cmpstr (zs_activity_get_notes (completed), ==, "逾期的电话");
  snoozed = stored (fixture, fixture->today);
  g_assert_cmpstr (zs_activity_get_next_follow_up (snoozed), ==, "2026-12-09");
  reassigned = stored (fixture, fixture->sunday);
  g_assert_cmpstr (zs_activity_get_who (reassigned), ==, "李娜");
  g_assert_cmpstr (zs_activity_get_next_follow_up (reassigned), ==, "2026-12-06");

  /* The page follows the store. */
  zs_test_drain_main_context ();
  g_assert_true (zs_test_wait_until (page_loaded, page));
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_OVERDUE), ==, 0);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_TODAY), ==, 0);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_LATER), ==, 2);
}

static const char *
shown_error (Fixture *fixture)
{
  GtkWidget *overlay = zs_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  g_assert_nonnull (overlay);
  toast = g_object_get_data (G_OBJECT (overlay), "zs-gtk-shown-error");
  return toast != NULL ? adw_toast_get_title (toast) : NULL;
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  ZsFollowUpsPage *page = show_page (fixture);
  ZsActivity *listed = item_in (page, ZS_FOLLOW_UP_OVERDUE, 0);
  g_autoptr(ZsActivity) other = stored (fixture, fixture->overdue);
  g_autoptr(ZsActivity) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) keep = g_object_ref (G_OBJECT (listed));

  /* Someone else writes the activity after the page read it. */
  zs_activity_set_notes (other, "别人改过的备注");
  zs_activity_set_next_follow_up (other, "2026-12-20");
  g_assert_true (zs_store_update_record (fixture->store, G_OBJECT (other), &error));
  g_assert_no_error (error);

  g_assert_false (zs_follow_ups_page_complete (page, listed));
  g_assert_nonnull (shown_error (fixture));
  g_assert_nonnull (strstr (shown_error (fixture), "Cannot complete the follow-up"));
  /* The other writer's change is kept, and the listed copy is as it was. */
  after = stored (fixture, fixture->overdue);
  g_assert_cmpstr (zs_activity_get_next_follow_up (after), ==, "2026-12-20");
  g_assert_cmpstr (zs_activity_get_notes (after), ==, "别人改过的备注");
  g_assert_cmpstr (zs_activity_get_next_follow_up (listed), ==, "2026-11-29");

  /* Read again, it can be completed. */
  g_assert_true (zs_test_wait_until (page_loaded, page));
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_OVERDUE), ==, 0);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_LATER), ==, 2);
}

static gboolean
picker_done (gpointer picker)
{
  return !zs_firm_picker_is_searching (picker);
}

static void
test_add_dialog (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *staff[] = { "张伟", "李娜", NULL };
  g_autoptr(GtkWidget) dialog = g_object_ref_sink (zs_follow_up_dialog_new (fixture->store, staff, "李娜", TODAY));
  ZsFollowUpDialog *self = ZS_FOLLOW_UP_DIALOG (dialog);
  ZsFirmPicker *picker = zs_follow_up_dialog_get_firm_picker (self);
  g_autoptr(ZsFirm) firm = NULL;
  g_autoptr(ZsActivity) added = NULL;
  gint64 id;

  gtk_window_present (GTK_WINDOW (dialog));
  /* No firm: refused, naming the field. */
  gtk_editable_set_text (zs_follow_up_dialog_get_notes_entry (self), "带合同去");
  g_assert_cmpint (zs_follow_up_dialog_save (self), ==, 0);
  g_assert_nonnull (strstr (zs_follow_up_dialog_get_error (self), "Firm"));
  g_assert_true (zs_follow_up_dialog_is_dirty (self));

  /* The firm is found by part of its name, off the main thread. */
  zs_firm_picker_search (picker, "跟进测试");
  g_assert_true (zs_test_wait_until (picker_done, picker));
  g_assert_cmpuint (g_list_model_get_n_items (zs_firm_picker_get_results (picker)), ==, 1);
  firm = g_list_model_get_item (zs_firm_picker_get_results (picker), 0);
  zs_firm_picker_set_firm (picker, zs_firm_get_id (firm), zs_firm_get_name (firm));

  /* A bad date: refused, naming the value, and what was typed stays. */
  gtk_editable_set_text (zs_follow_up_dialog_get_due_entry (self), "2026-13-40");
  g_assert_cmpint (zs_follow_up_dialog_save (self), ==, 0);
  g_assert_nonnull (strstr (zs_follow_up_dialog_get_error (self), "2026-13-40"));
  g_assert_cmpstr (gtk_editable_get_text (zs_follow_up_dialog_get_notes_entry (self)), ==, "带合同去");
  g_assert_cmpint (zs_firm_picker_get_firm_id (picker), ==, fixture->firm);

  gtk_editable_set_text (zs_follow_up_dialog_get_due_entry (self), "2026-12-04");
  id = zs_follow_up_dialog_save (self);
  g_assert_cmpint (id, >, 0);
  added = stored (fixture, id);
  g_assert_cmpint (zs_activity_get_firm_id (added), ==, fixture->firm);
  g_assert_cmpstr (zs_activity_get_next_follow_up (added), ==, "2026-12-04");
  g_assert_cmpstr (zs_activity_get_who (added), ==, "李娜");
  g_assert_cmpstr (zs_activity_get_notes (added), ==, "带合同去");
  g_assert_cmpstr (zs_activity_get_date (added), ==, TODAY);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_close_asks (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *staff[] = { "张伟", NULL };
  GtkWidget *dialog = zs_follow_up_dialog_new (fixture->store, staff, "张伟", TODAY);
  GtkWindow *ask;

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (zs_follow_up_dialog_get_notes_entry (ZS_FOLLOW_UP_DIALOG (dialog)), "还没存");
  gtk_window_close (GTK_WINDOW (dialog));
  ask = zs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (ask);
  g_assert_true (gtk_widget_get_visible (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "discard");
  zs_test_drain_main_context ();
  g_assert_null (zs_test_find_toplevel (ZS_TYPE_FOLLOW_UP_DIALOG));
}

static gboolean
card_loaded (gpointer card)
{
  return !zs_follow_up_card_is_loading (card);
}

static void
test_dashboard_card (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *dashboard = zs_window_get_view (fixture->window, "dashboard");
  ZsFollowUpCard *card = ZS_FOLLOW_UP_CARD (zs_test_find_widget (dashboard, ZS_TYPE_FOLLOW_UP_CARD));
  GtkWidget *button;

  g_assert_nonnull (card);
  zs_follow_up_card_set_today (card, TODAY);
  g_assert_true (zs_test_wait_until (card_loaded, card));
  g_assert_cmpstr (zs_follow_up_card_get_text (card), ==, "Follow-ups: 1 due today · 1 overdue · 1 more this week");

  button = zs_test_find_widget (GTK_WIDGET (card), GTK_TYPE_BUTTON);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (zs_window_get_view_name (fixture->window), ==, "activities");
}

static gboolean
notifier_idle (gpointer notifier)
{
  return !zs_follow_up_notifier_is_busy (notifier);
}

static void
test_notification_once_a_day (Fixture       *fixture,
                              gconstpointer  data)
{
  /* Settings of its own: the app's notifier, started by the window once its
   * plugins are in, keeps the real day in the app's settings. */
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APPLICATION_ID, backend);
  g_autoptr(ZsFollowUpNotifier) notifier = NULL;
  g_autoptr(ZsFollowUpNotifier) restarted = NULL;
  g_autofree char *remembered = NULL;

  g_assert_nonnull (settings);
  g_settings_set_string (settings, "follow-ups-notified-on", "");
  notifier = zs_follow_up_notifier_new (G_APPLICATION (app), settings);
  zs_follow_up_notifier_set_store (notifier, fixture->store);

  zs_follow_up_notifier_check (notifier, TODAY);
  g_assert_true (zs_test_wait_until (notifier_idle, notifier));
  g_assert_cmpuint (zs_follow_up_notifier_get_n_sent (notifier), ==, 1);
  /* one notification for the day: what is due today and what is late */
  g_assert_cmpstr (zs_follow_up_notifier_get_last_body (notifier), ==, "1 follow-up due today, 1 overdue");
  remembered = g_settings_get_string (settings, "follow-ups-notified-on");
  g_assert_cmpstr (remembered, ==, TODAY);

  /* Again the same day, or after a restart: nothing more. */
  zs_follow_up_notifier_check (notifier, TODAY);
  g_assert_true (zs_test_wait_until (notifier_idle, notifier));
  g_assert_cmpuint (zs_follow_up_notifier_get_n_sent (notifier), ==, 1);
  restarted = zs_follow_up_notifier_new (G_APPLICATION (app), settings);
  zs_follow_up_notifier_set_store (restarted, fixture->store);
  zs_follow_up_notifier_check (restarted, TODAY);
  g_assert_true (zs_test_wait_until (notifier_idle, restarted));
  g_assert_cmpuint (zs_follow_up_notifier_get_n_sent (restarted), ==, 0);

  /* The next day is told again: the Sunday one is not due then, Monday's is. */
  add_activity (fixture, "李娜", "2026-12-03", "明天的");
  zs_follow_up_notifier_check (restarted, "2026-12-03");
  g_assert_true (zs_test_wait_until (notifier_idle, restarted));
  g_assert_cmpuint (zs_follow_up_notifier_get_n_sent (restarted), ==, 1);
  g_assert_cmpstr (zs_follow_up_notifier_get_last_body (restarted), ==, "1 follow-up due today, 2 overdue");

  /* A day with nothing due still tells what is late. */
  zs_follow_up_notifier_check (restarted, "2026-12-04");
  g_assert_true (zs_test_wait_until (notifier_idle, restarted));
  g_assert_cmpuint (zs_follow_up_notifier_get_n_sent (restarted), ==, 2);
  g_assert_cmpstr (zs_follow_up_notifier_get_last_body (restarted), ==, "3 follow-ups overdue");
}

static void
test_plugin_source (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ZsFollowUpNotifier) notifier = NULL;
  ZsFollowUpsPage *page;
  ZsFollowUp *item;

  zs_window_load_plugins (fixture->window);
  page = show_page (fixture);
  zs_follow_ups_page_set_engine (page, zs_window_get_plugin_engine (fixture->window));
  zs_follow_ups_page_reload (page);
  g_assert_true (zs_test_wait_until (page_loaded, page));

  g_assert_true (zs_test_wait_until (page_loaded, page));
  /* The fixture lists one overdue service visit and one due today. */
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_OVERDUE), ==, 2);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_TODAY), ==, 2);
  item = item_in (page, ZS_FOLLOW_UP_OVERDUE, 1);
  g_assert_true (ZS_IS_FOLLOW_UP (item));
  g_assert_cmpstr (zs_follow_up_get_title (item), ==, "设备维修回访");
  g_assert_cmpstr (zs_follow_up_get_action_id (item), ==, "win.show-view::firms");
  g_assert_nonnull (zs_test_find_label (GTK_WIDGET (page), "设备维修回访"));

  /* Mine asks the source for the staff member's items only. */
  zs_follow_ups_page_set_me (page, "张伟");
  zs_follow_ups_page_set_mine (page, TRUE);
  g_assert_true (zs_test_wait_until (page_loaded, page));
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_OVERDUE), ==, 2);
  g_assert_cmpuint (n_in (page, ZS_FOLLOW_UP_TODAY), ==, 0);
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "follow-ups-plugin.png");

  /* The one daily notification counts the plugin's items with the app's. */
  notifier = zs_follow_up_notifier_new (G_APPLICATION (app), NULL);
  zs_follow_up_notifier_set_store (notifier, fixture->store);
  zs_follow_up_notifier_set_plugin_engine (notifier, zs_window_get_plugin_engine (fixture->window));
  zs_follow_up_notifier_check (notifier, TODAY);
  g_assert_true (zs_test_wait_until (notifier_idle, notifier));
  g_assert_cmpstr (zs_follow_up_notifier_get_last_body (notifier), ==, "2 follow-ups due today, 2 overdue");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zs_test_init (&argc, &argv, APPLICATION_ID ".FollowUpTest");

  g_test_add_func ("/gtk/follow-ups/dates", test_dates);
  /* the Chinese case runs in gtk-follow-ups-zh, with LANGUAGE=zh_CN */
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "zh_CN") == 0)
    g_test_add_func ("/gtk/follow-ups/chinese", test_chinese);
  g_test_add ("/gtk/follow-ups/groups", Fixture, NULL, fixture_set_up, test_groups, fixture_tear_down);
  g_test_add ("/gtk/follow-ups/mine-and-all", Fixture, NULL, fixture_set_up, test_mine_and_all, fixture_tear_down);
  g_test_add ("/gtk/follow-ups/complete-snooze-reassign", Fixture, NULL, fixture_set_up,
              test_complete_snooze_reassign, fixture_tear_down);
  g_test_add ("/gtk/follow-ups/conflict", Fixture, NULL, fixture_set_up, test_conflict, fixture_tear_down);
  g_test_add ("/gtk/follow-ups/add", Fixture, NULL, fixture_set_up, test_add_dialog, fixture_tear_down);
  g_test_add ("/gtk/follow-ups/close-asks", Fixture, NULL, fixture_set_up, test_close_asks, fixture_tear_down);
  g_test_add ("/gtk/follow-ups/dashboard-card", Fixture, NULL, fixture_set_up, test_dashboard_card,
              fixture_tear_down);
  g_test_add ("/gtk/follow-ups/notification", Fixture, NULL, fixture_set_up, test_notification_once_a_day,
              fixture_tear_down);
  g_test_add ("/gtk/plugins/follow-up-source", Fixture, NULL, fixture_set_up, test_plugin_source,
              fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
