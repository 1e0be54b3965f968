/* test-window.c: the main window on real databases, rendered to PNG files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "zs-application.h"
#include "zs-window.h"

#define WAIT_TIMEOUT_MS 5000

static ZsApplication *app;

/* Helpers {{{ */

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; FALSE on timeout. */
static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  guint ticker = g_timeout_add (10, wake_up, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (ticker);
  return met;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
model_is_empty (gpointer data)
{
  return g_list_model_get_n_items (data) == 0;
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Waits until the window is on screen and one more frame has been painted. */
static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  g_assert_true (wait_until (widget_is_mapped, widget));

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_flag), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (wait_until (flag_is_set, &painted));
  g_signal_handler_disconnect (clock, handler);
}

static char *
output_path (const char *name)
{
  const char *dir = g_getenv ("ZS_TEST_OUTPUT_DIR");

  if (dir == NULL || dir[0] == '\0')
    dir = g_test_get_dir (G_TEST_BUILT);
  return g_build_filename (dir, name, NULL);
}

/* Renders @widget with its own renderer, as it is on screen, to a PNG file. */
static void
render_to_png (GtkWidget  *widget,
               const char *name)
{
  g_autofree char *path = output_path (name);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GStatBuf info;
  int width, height;

  wait_for_paint (widget);

  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 0);
  g_test_message ("rendered %s (%d×%d)", path, width, height);
}

/* Dispatches what is pending, without waiting. */
static void
drain_main_context (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static void
destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

typedef struct
{
  char *dir;
  char *path;
} Database;

static void
database_init (Database *db)
{
  g_autoptr(GError) error = NULL;

  db->dir = g_dir_make_tmp ("zs-gtk-test-XXXXXX", &error);
  g_assert_no_error (error);
  db->path = g_build_filename (db->dir, "zhaoshang.db", NULL);
}

static void
database_clear (Database *db)
{
  g_autoptr(GDir) dir = g_dir_open (db->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (db->dir, name, NULL);

      g_assert_cmpint (g_remove (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (db->dir), ==, 0);
  g_clear_pointer (&db->dir, g_free);
  g_clear_pointer (&db->path, g_free);
}

static ZsStore *
open_store (Database *db,
            gboolean  demo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = NULL;

  store = zs_store_new (db->path, &error);
  g_assert_no_error (error);
  if (demo)
    {
      zs_store_load_demo (store, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&store);
}

/* }}} */

static void
test_window_lists_and_searches (void)
{
  Database db = { 0 };
  g_autoptr(ZsStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) named = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  ZsWindow *window;
  GListModel *firms;
  GtkEditable *entry;
  gboolean changed = FALSE;
  gint64 total, expected;
  int position = 0;
  guint n_items;

  database_init (&db);
  store = open_store (&db, TRUE);
  total = zs_store_count_firms (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 200);

  window = zs_window_new (app, store);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (window));

  firms = zs_window_get_firms (window);
  g_assert_cmpstr (zs_window_get_page_name (window), ==, "firms");
  g_assert_cmpuint (g_list_model_get_n_items (firms), ==, total);
  g_assert_cmpstr (zs_window_get_status_text (window), ==, "200 firms");
  render_to_png (GTK_WIDGET (window), "gtk-window.png");

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

  g_signal_connect_swapped (firms, "items-changed", G_CALLBACK (set_flag), &changed);
  entry = zs_window_get_search_entry (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (entry)));
  gtk_editable_insert_text (entry, "馕", -1, &position);
  gtk_editable_set_position (entry, position);
  g_assert_true (wait_until (flag_is_set, &changed));
  g_signal_handlers_disconnect_by_data (firms, &changed);

  expected = zs_store_count_firms (store, "馕", NULL, &error);
  g_assert_no_error (error);
  n_items = g_list_model_get_n_items (firms);
  g_assert_cmpint (n_items, ==, expected);
  g_assert_cmpint (n_items, <, total);
  g_assert_cmpuint (n_items, >=, g_hash_table_size (named));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ZsFirm) firm = g_list_model_get_item (firms, i);
      gint64 id = zs_firm_get_id (firm);

      g_hash_table_remove (named, &id);
    }
  g_assert_cmpuint (g_hash_table_size (named), ==, 0);

  status = g_strdup_printf ("%u firms match", n_items);
  g_assert_cmpstr (zs_window_get_status_text (window), ==, status);
  g_assert_cmpstr (zs_window_get_page_name (window), ==, "firms");
  render_to_png (GTK_WIDGET (window), "gtk-window-search.png");

  /* Nothing matches: a status page instead of an empty list.  Replacing the
   * text empties the entry first, which lists every firm at once; wait for
   * the search itself. */
  gtk_editable_set_text (entry, "zzzzqqqq");
  g_assert_true (wait_until (model_is_empty, firms));
  g_assert_cmpstr (zs_window_get_page_name (window), ==, "no-results");
  g_assert_cmpstr (zs_window_get_status_text (window), ==, "0 firms match");

  /* Escape clears the search and brings every firm back. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  zs_window_reload (window);
  g_assert_cmpuint (g_list_model_get_n_items (firms), ==, total);

  destroy_window (window);
  g_clear_object (&store);
  database_clear (&db);
}

static void
test_window_empty_database (void)
{
  Database db = { 0 };
  g_autoptr(ZsStore) store = NULL;
  ZsWindow *window;

  database_init (&db);
  store = open_store (&db, FALSE);

  window = zs_window_new (app, store);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (window));

  g_assert_cmpstr (zs_window_get_page_name (window), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (zs_window_get_firms (window)), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (zs_window_get_search_entry (window))));
  render_to_png (GTK_WIDGET (window), "gtk-window-empty.png");

  destroy_window (window);
  g_clear_object (&store);
  database_clear (&db);
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
  Database db = { 0 };
  g_autoptr(ZsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  database_init (&db);
  store = open_store (&db, TRUE);
  g_clear_object (&store);
  set_user_version (db.path, 9999);

  /* The way the application opens --db: a window explaining the error. */
  window = zs_application_open_database (app, db.path);
  g_assert_true (ZS_IS_WINDOW (window));
  wait_for_paint (GTK_WIDGET (window));

  g_assert_null (zs_window_get_store (ZS_WINDOW (window)));
  g_assert_error (zs_window_get_error (ZS_WINDOW (window)), ZS_ERROR, ZS_ERROR_TOO_NEW);
  g_assert_cmpstr (zs_window_get_path (ZS_WINDOW (window)), ==, db.path);
  g_assert_cmpstr (zs_window_get_page_name (ZS_WINDOW (window)), ==, "error");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (zs_window_get_search_entry (ZS_WINDOW (window)))));
  render_to_png (GTK_WIDGET (window), "gtk-window-error.png");

  /* Opening the same database again presents the same window. */
  g_assert_true (zs_application_open_database (app, db.path) == window);

  destroy_window (window);
  database_clear (&db);
}

static void
test_window_saves_size (void)
{
  GSettings *settings = zs_application_get_settings (app);
  Database db = { 0 };
  g_autoptr(ZsStore) store = NULL;
  ZsWindow *window;
  int width, height;

  if (settings == NULL)
    {
      g_test_skip ("the GSettings schema is not available");
      return;
    }

  database_init (&db);
  store = open_store (&db, FALSE);

  window = zs_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));
  drain_main_context ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window starts at the saved size. */
  window = zs_window_new (app, store);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);
  destroy_window (window);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_clear_object (&store);
  database_clear (&db);
}

static void
test_application_without_schema (void)
{
  Database db = { 0 };
  GtkWindow *window;

  /* Run by the gtk-window-no-schema test with GSETTINGS_SCHEMA_DIR pointing
   * at a folder without schemas; skipped where the schema is installed. */
  if (zs_application_get_settings (app) != NULL)
    {
      g_test_skip ("the GSettings schema is installed");
      return;
    }

  database_init (&db);
  window = zs_application_open_database (app, db.path);
  g_assert_true (ZS_IS_WINDOW (window));
  g_assert_cmpstr (zs_window_get_page_name (ZS_WINDOW (window)), ==, "empty");
  wait_for_paint (GTK_WIDGET (window));
  gtk_window_close (window);
  drain_main_context ();
  database_clear (&db);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static void
test_application_actions (void)
{
  g_auto(GStrv) accels = NULL;
  Database db_a, db_b;
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
  dialog = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (dialog);
  destroy_window (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  dialog = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (dialog);
  destroy_window (dialog);

  /* Quitting closes every window, each saving its size on the way. */
  db_a = (Database) { 0 };
  db_b = (Database) { 0 };
  database_init (&db_a);
  database_init (&db_b);
  zs_application_open_database (app, db_a.path);
  zs_application_open_database (app, db_b.path);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  drain_main_context ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  database_clear (&db_a);
  database_clear (&db_b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* Not unique: tests run without a session bus, and in parallel. */
  app = g_object_new (ZS_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID ".Test",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/gtk/window/lists-and-searches", test_window_lists_and_searches);
  g_test_add_func ("/gtk/window/empty-database", test_window_empty_database);
  g_test_add_func ("/gtk/window/too-new-database", test_window_too_new_database);
  g_test_add_func ("/gtk/window/saves-size", test_window_saves_size);
  g_test_add_func ("/gtk/application/actions", test_application_actions);
  g_test_add_func ("/gtk/application/without-schema", test_application_without_schema);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
