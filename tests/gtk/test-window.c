/* test-window.c: the main window on real databases, rendered to PNG files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "zs-application.h"
#include "zs-firms-page.h"
#include "zs-gtk-test-util.h"
#include "zs-window.h"

static ZsApplication *app;

static gboolean
model_is_empty (gpointer data)
{
  return g_list_model_get_n_items (data) == 0;
}

/* The list is read off the main thread: wait for a count. */
static gboolean
model_has_n_items (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (args[0]) == GPOINTER_TO_UINT (args[1]) &&
         !zs_paged_model_is_loading (args[0]);
}

static ZsFirmsPage *
show_firms (ZsWindow *window)
{
  GtkWidget *page = zs_window_get_view (window, "firms");

  g_assert_true (ZS_IS_FIRMS_PAGE (page));
  zs_window_set_view_name (window, "firms");
  return ZS_FIRMS_PAGE (page);
}

/* A window at its own size on @store, drawn once. */
static ZsWindow *
present_and_paint (ZsStore *store)
{
  ZsWindow *window = zs_test_present_window (app, store, 0, 0);

  zs_test_wait_for_paint (GTK_WIDGET (window));
  return window;
}

static void
test_window_lists_and_searches (void)
{
  ZsTestDatabase db = { 0 };
  g_autoptr(ZsStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) named = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  ZsWindow *window;
  ZsFirmsPage *page;
  GListModel *firms;
  GtkEditable *entry;
  gboolean changed = FALSE;
  gint64 total, expected;
  int position = 0;
  guint n_items;

  zs_test_database_init (&db);
  store = zs_test_open_store (&db, TRUE);
  total = zs_store_count_firms (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 200);

  window = present_and_paint (store);
  g_assert_cmpstr (zs_window_get_page_name (window), ==, "main");

  page = show_firms (window);
  firms = G_LIST_MODEL (zs_firms_page_get_model (page));
  zs_test_wait_for_model (firms);
  g_assert_cmpstr (zs_firms_page_get_state (page), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (firms), ==, total);
  g_assert_cmpstr (zs_firms_page_get_status_text (page), ==, "200 firms");
  zs_test_render_to_png (GTK_WIDGET (window), "gtk-window.png");

  /* The firms whose names contain 馕 must all be found by the search. */
  all = zs_store_list_firms (store, NULL, NULL, 0, 0, &error);
  g_assert_no_error (error);
  named = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      ZsFirm *firm = g_ptr_array_index (all, i);

      if (strstr (zs_firm_get_name (firm), "馕") != NULL)
        g_hash_table_add (named, g_memdup2 (&(gint64) { zs_firm_get_id (firm) }, sizeof (gint64)));
    }
  g_assert_cmpuint (g_hash_table_size (named), >, 0);

  g_signal_connect_swapped (firms, "items-changed", G_CALLBACK (zs_test_set_flag), &changed);
  entry = zs_firms_page_get_search_entry (page);
  zs_window_set_view_name (window, "firms");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_cmpstr (zs_window_get_view_name (window), ==, "firms");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (entry)));
  gtk_editable_insert_text (entry, "馕", -1, &position);
  gtk_editable_set_position (entry, position);
  g_assert_true (zs_test_wait_until (zs_test_flag_is_set, &changed));
  g_signal_handlers_disconnect_by_data (firms, &changed);

  expected = zs_store_count_firms (store, "馕", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (zs_test_wait_until (model_has_n_items, (gpointer[]) { firms, GUINT_TO_POINTER (expected) }));
  n_items = g_list_model_get_n_items (firms);
  g_assert_cmpint (n_items, ==, expected);
  g_assert_cmpint (n_items, <, total);
  g_assert_cmpuint (n_items, >=, g_hash_table_size (named));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ZsFirm) firm = zs_test_get_loaded_item (firms, i);
      gint64 id = zs_firm_get_id (firm);

      g_hash_table_remove (named, &id);
    }
  g_assert_cmpuint (g_hash_table_size (named), ==, 0);

  status = g_strdup_printf ("%u firms match", n_items);
  g_assert_cmpstr (zs_firms_page_get_status_text (page), ==, status);
  g_assert_cmpstr (zs_firms_page_get_state (page), ==, "list");
  zs_test_render_to_png (GTK_WIDGET (window), "gtk-window-search.png");

  /* Nothing matches: a status page instead of an empty list. */
  gtk_editable_set_text (entry, "zzzzqqqq");
  g_assert_true (zs_test_wait_until (model_is_empty, firms));
  g_assert_cmpstr (zs_firms_page_get_state (page), ==, "no-results");
  g_assert_cmpstr (zs_firms_page_get_status_text (page), ==, "0 firms match");

  /* Escape clears the search and brings every firm back. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_true (zs_test_wait_until (model_has_n_items, (gpointer[]) { firms, GUINT_TO_POINTER (total) }));
  g_assert_cmpstr (zs_firms_page_get_status_text (page), ==, "200 firms");

  zs_test_destroy_window (window);
  g_clear_object (&store);
  zs_test_database_clear (&db);
}

static void
test_window_empty_database (void)
{
  ZsTestDatabase db = { 0 };
  g_autoptr(ZsStore) store = NULL;
  ZsWindow *window;
  ZsFirmsPage *page;

  zs_test_database_init (&db);
  store = zs_test_open_store (&db, FALSE);

  window = present_and_paint (store);

  page = show_firms (window);
  g_assert_cmpstr (zs_window_get_page_name (window), ==, "main");
  g_assert_cmpstr (zs_firms_page_get_state (page), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (zs_firms_page_get_model (page))), ==, 0);
  zs_test_render_to_png (GTK_WIDGET (window), "gtk-window-empty.png");

  zs_test_destroy_window (window);
  g_clear_object (&store);
  zs_test_database_clear (&db);
}

static void
set_user_version (const char *path,
                  int         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_window_too_new_database (void)
{
  ZsTestDatabase db = { 0 };
  g_autoptr(ZsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  zs_test_database_init (&db);
  store = zs_test_open_store (&db, TRUE);
  g_clear_object (&store);
  set_user_version (db.path, 9999);

  /* The way the application opens --db: a window explaining the error. */
  window = zs_application_open_database (app, db.path);
  g_assert_true (ZS_IS_WINDOW (window));
  zs_test_wait_for_paint (GTK_WIDGET (window));

  g_assert_null (zs_window_get_store (ZS_WINDOW (window)));
  g_assert_error (zs_window_get_error (ZS_WINDOW (window)), ZS_ERROR, ZS_ERROR_TOO_NEW);
  g_assert_cmpstr (zs_window_get_path (ZS_WINDOW (window)), ==, db.path);
  g_assert_cmpstr (zs_window_get_page_name (ZS_WINDOW (window)), ==, "error");
  zs_test_render_to_png (GTK_WIDGET (window), "gtk-window-error.png");

  /* Opening the same database again presents the same window. */
  g_assert_true (zs_application_open_database (app, db.path) == window);

  zs_test_destroy_window (window);
  zs_test_database_clear (&db);
}

static void
test_window_saves_size (void)
{
  GSettings *settings = zs_application_get_settings (app);
  ZsTestDatabase db = { 0 };
  g_autoptr(ZsStore) store = NULL;
  ZsWindow *window;
  int width, height;

  /* The test environment points GSETTINGS_SCHEMA_DIR at the compiled schema. */
  g_assert_nonnull (settings);

  zs_test_database_init (&db);
  store = zs_test_open_store (&db, FALSE);

  window = zs_test_present_window (app, store, 1000, 700);
  zs_test_wait_for_paint (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));
  zs_test_drain_main_context ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window starts at the saved size. */
  window = zs_window_new (app, store);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  zs_test_destroy_window (window);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_clear_object (&store);
  zs_test_database_clear (&db);
}

static void
test_application_without_schema (void)
{
  ZsTestDatabase db = { 0 };
  GtkWindow *window;

  /* Run by the gtk-window-no-schema test with GSETTINGS_SCHEMA_DIR pointing
   * at a folder without schemas; skipped where the schema is installed. */
  if (zs_application_get_settings (app) != NULL)
    {
      g_test_skip ("the GSettings schema is installed");
      return;
    }

  zs_test_database_init (&db);
  window = zs_application_open_database (app, db.path);
  g_assert_true (ZS_IS_WINDOW (window));
  g_assert_cmpstr (zs_window_get_page_name (ZS_WINDOW (window)), ==, "main");
  zs_test_wait_for_paint (GTK_WIDGET (window));
  gtk_window_close (window);
  zs_test_drain_main_context ();
  zs_test_database_clear (&db);
}

static void
test_application_actions (void)
{
  g_auto(GStrv) accels = NULL;
  ZsTestDatabase db_a, db_b;
  GtkWindow *dialog;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.search");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>f"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>q"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.shortcuts");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  dialog = zs_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (dialog);
  zs_test_destroy_window (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  dialog = zs_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (dialog);
  zs_test_destroy_window (dialog);

  /* Quitting closes every window, each saving its size on the way. */
  db_a = (ZsTestDatabase) { 0 };
  db_b = (ZsTestDatabase) { 0 };
  zs_test_database_init (&db_a);
  zs_test_database_init (&db_b);
  zs_application_open_database (app, db_a.path);
  zs_application_open_database (app, db_b.path);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  zs_test_drain_main_context ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  zs_test_database_clear (&db_a);
  zs_test_database_clear (&db_b);
}

/* Under LANGUAGE=zh_CN (the gtk-window-zh test) the window speaks Chinese. */
static void
test_window_chinese (void)
{
  ZsTestDatabase db = { 0 };
  g_autoptr(ZsStore) store = NULL;
  ZsWindow *window;
  ZsFirmsPage *page;

  zs_test_database_init (&db);
  store = zs_test_open_store (&db, TRUE);
  window = present_and_paint (store);
  page = show_firms (window);
  zs_test_wait_for_model (zs_firms_page_get_model (page));
  g_assert_cmpstr (zs_firms_page_get_status_text (page), ==, "200 家企业");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "招商");
  zs_test_render_to_png (GTK_WIDGET (window), "gtk-window-zh.png");
  zs_test_destroy_window (window);
  g_clear_object (&store);
  zs_test_database_clear (&db);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zs_test_init (&argc, &argv, APPLICATION_ID ".Test");

  g_test_add_func ("/gtk/window/lists-and-searches", test_window_lists_and_searches);
  g_test_add_func ("/gtk/window/empty-database", test_window_empty_database);
  g_test_add_func ("/gtk/window/too-new-database", test_window_too_new_database);
  g_test_add_func ("/gtk/window/saves-size", test_window_saves_size);
  g_test_add_func ("/gtk/application/actions", test_application_actions);
  g_test_add_func ("/gtk/application/without-schema", test_application_without_schema);
  if (g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "zh"))
    g_test_add_func ("/gtk/window/chinese", test_window_chinese);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
