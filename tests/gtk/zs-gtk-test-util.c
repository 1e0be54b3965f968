/* zs-gtk-test-util.c: helpers of the GTK tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "zs-gtk-test-util.h"
#include "zs-paged-model.h"
#include "zs-application.h"
#include "zs-follow-up-notifier.h"

#include <glib/gi18n.h>

#define WAIT_TIMEOUT_MS 10000

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; FALSE on timeout. */
gboolean
zs_test_wait_until (ZsTestCondition condition,
                    gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  guint ticker = g_timeout_add (10, wake_up, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (ticker);
  return met;
}

typedef struct
{
  ZsTestBusyFunc busy;
  gpointer       object;
} Busy;

static gboolean
is_idle (gpointer data)
{
  Busy *busy = data;

  return !busy->busy (busy->object);
}

/* Waits until @object, a widget that reads off the main thread, is done. */
gboolean
zs_test_wait_idle (ZsTestBusyFunc busy,
                   gpointer       object)
{
  Busy waiting = { busy, object };

  return zs_test_wait_until (is_idle, &waiting);
}

gboolean
zs_test_flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

void
zs_test_set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Waits until the widget is on screen and one more frame has been painted. */
void
zs_test_wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  g_assert_true (zs_test_wait_until (widget_is_mapped, widget));

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (zs_test_set_flag), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (zs_test_wait_until (zs_test_flag_is_set, &painted));
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
time_is_up (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* Lets timeouts (a search delay) fire. */
void
zs_test_run_for (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * G_TIME_SPAN_MILLISECOND;

  zs_test_wait_until (time_is_up, &until);
}

static gboolean
model_is_idle (gpointer data)
{
  return !zs_paged_model_is_loading (data);
}

/* Waits for a paged model's count and pages in flight (read off the main
 * thread); any other list model is there already. */
void
zs_test_wait_for_model (gpointer model)
{
  if (ZS_IS_PAGED_MODEL (model))
    g_assert_true (zs_test_wait_until (model_is_idle, model));
}

typedef struct
{
  gpointer model;
  guint    position;
} LoadedItem;

static gboolean
item_is_loaded (gpointer data)
{
  LoadedItem *item = data;

  return !zs_paged_model_is_loading (item->model) &&
         zs_paged_model_is_loaded (item->model, item->position);
}

/* The item at @position once its page has been read. */
gpointer
zs_test_get_loaded_item (gpointer model,
                         guint    position)
{
  zs_test_wait_for_model (model);
  if (ZS_IS_PAGED_MODEL (model) && position < g_list_model_get_n_items (model))
    {
      /* asks for the page */
      g_autoptr(GObject) unread = g_list_model_get_item (model, position);

      g_assert_true (zs_test_wait_until (item_is_loaded, &(LoadedItem) { model, position }));
    }
  return g_list_model_get_item (model, position);
}

char *
zs_test_output_path (const char *name)
{
  const char *dir = g_getenv ("ZS_TEST_OUTPUT_DIR");

  if (dir == NULL || dir[0] == '\0')
    dir = g_test_get_dir (G_TEST_BUILT);
  return g_build_filename (dir, name, NULL);
}

/* Renders @widget with its own renderer, as it is on screen, to a PNG file. */
void
zs_test_render_to_png (GtkWidget  *widget,
                       const char *name)
{
  g_autofree char *path = zs_test_output_path (name);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GStatBuf info;
  int width, height;

  zs_test_wait_for_paint (GTK_WIDGET (gtk_widget_get_root (widget)));

  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 0);
  g_test_message ("rendered %s (%d×%d)", path, width, height);
}

/* Dispatches what is pending, without waiting. */
void
zs_test_drain_main_context (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
notifier_idle (gpointer notifier)
{
  return !zs_follow_up_notifier_is_busy (notifier);
}

/* The app's follow-up notifier counts in a worker thread once a window's
 * plugins are in: a test leaves no such thread behind. */
void
zs_test_destroy_window (gpointer window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  ZsFollowUpNotifier *notifier = ZS_IS_APPLICATION (app)
                                 ? zs_application_get_follow_up_notifier (ZS_APPLICATION (app)) : NULL;

  gtk_window_destroy (GTK_WINDOW (window));
  zs_test_drain_main_context ();
  if (notifier != NULL)
    zs_test_wait_until (notifier_idle, notifier);
}

void
zs_test_database_init (ZsTestDatabase *db)
{
  g_autoptr(GError) error = NULL;

  db->dir = g_dir_make_tmp ("zs-gtk-test-XXXXXX", &error);
  g_assert_no_error (error);
  db->path = g_build_filename (db->dir, "zhaoshang.db", NULL);
}

void
zs_test_database_clear (ZsTestDatabase *db)
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

ZsStore *
zs_test_open_store (ZsTestDatabase *db,
                    gboolean        demo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = NULL;

  store = zs_store_create (db->path, &error);
  g_assert_no_error (error);
  if (demo)
    {
      zs_store_load_demo (store, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&store);
}

GtkWindow *
zs_test_find_toplevel (GType type)
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

/* The first descendant of @root of @type, depth first. */
GtkWidget *
zs_test_find_widget (GtkWidget *root,
                     GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = zs_test_find_widget (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The first label under @root whose text contains @text. */
GtkWidget *
zs_test_find_label (GtkWidget  *root,
                    const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL)
        return child;
      if ((found = zs_test_find_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * zs_test_init:
 * @argc: the test program's
 * @argv: the test program's
 * @application_id: one per test program
 *
 * Starts a GTK test program: the locale, GTest, and the application.
 * Not unique: tests run without a session bus, and in parallel; without
 * animations, so that what a test waits for is drawn at once.
 *
 * Returns: (transfer full): the registered application
 */
ZsApplication *
zs_test_init (int          *argc,
              char       ***argv,
              const char   *application_id)
{
  g_autoptr(GError) error = NULL;
  ZsApplication *app;

  setlocale (LC_ALL, "");
  /* As main() does: the build tree's catalogue, for tests in Chinese. */
  bindtextdomain (GETTEXT_PACKAGE, zs_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (argc, argv, NULL);
  app = g_object_new (ZS_TYPE_APPLICATION,
                      "application-id", application_id,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return app;
}

/* A window on @store, presented at @width × @height, or at the size the
 * window chooses when @width is 0. */
ZsWindow *
zs_test_present_window (ZsApplication *app,
                        ZsStore       *store,
                        int            width,
                        int            height)
{
  ZsWindow *window = zs_window_new (app, store);

  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
