/* test-service-page.c: the Service page, from the page plugin, under Xvfb
 *
 * The page reads the service-tracking plugin's desk in a worker thread; the
 * test waits for its "refreshed" signal, then marks an overdue item done
 * and signs a joint review with the page's own buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-test-util.h"

#include <inttypes.h>

#include <adwaita.h>
#include <zhaoshang-gtk.h>

typedef struct {
  StoreFixture    base;
  ZsPluginEngine *engine;
  GtkWidget      *window;
  GtkWidget      *page;
  guint           refreshed;
} PageFixture;

static void
refreshed_cb (GtkWidget   *page,
              PageFixture *fixture)
{
  fixture->refreshed++;
}

static void
wait_refreshed (PageFixture *fixture)
{
  guint before = fixture->refreshed;

  /* no time limit: the meson test timeout ends a hang */
  while (fixture->refreshed == before)
    g_main_context_iteration (NULL, TRUE);
}

static char *
run (PageFixture *fixture,
     const char  *verb,
     ...)
{
  ZsPluginContext *context = NULL;
  g_autoptr(ZsCommandProvider) provider = zs_plugin_engine_find_command (fixture->engine, verb, &context);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  char *output;
  va_list rest;

  va_start (rest, verb);
  for (const char *arg = va_arg (rest, const char *); arg != NULL; arg = va_arg (rest, const char *))
    g_strv_builder_add (builder, arg);
  va_end (rest);
  args = g_strv_builder_end (builder);
  output = zs_command_provider_run (provider, context, verb, (const char * const *) args, TRUE, &error);
  g_assert_no_error (error);
  return output;
}

static void
page_setup (PageFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(ZsStaff) staff = zs_staff_new ();
  g_autoptr(ZsProject) project = zs_project_new ();
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project_text = NULL;
  g_autofree char *uscc = make_uscc (8300);
  g_autofree char *out1 = NULL, *out2 = NULL, *out3 = NULL;

  store_fixture_setup (&fixture->base, data);
  fixture->engine = zs_plugin_engine_new (fixture->base.store);
  zs_plugin_engine_load_all (fixture->engine);
  zs_staff_set_name (staff, "王专员");
  zs_staff_set_role (staff, ZS_ROLE_STAFF);
  zs_store_add_staff (fixture->base.store, staff, &error);
  g_assert_no_error (error);
  zs_project_set_firm_id (project, add_firm (fixture->base.store, uscc, "喀什页面测试有限公司"));
  zs_project_set_title (project, "页面项目");
  zs_project_set_stage (project, ZS_STAGE_SIGNED);
  project_text = g_strdup_printf ("%" PRId64, zs_store_add_project (fixture->base.store, project, &error));
  g_assert_no_error (error);
  out1 = run (fixture, "service", "open", project_text, "--manager", "王专员", NULL);
  out2 = run (fixture, "service", "item-add", "1", "--name", "逾期事项", "--department", "自然资源局",
              "--days", "5", "--opened", "2025-03-03", NULL);
  out3 = run (fixture, "service", "review", "1", "--departments", "发改委", "--opened", "2025-03-03", NULL);

  providers = zs_plugin_engine_get_extensions (fixture->engine, ZS_TYPE_PAGE_PROVIDER);
  g_assert_cmpuint (providers->len, ==, 1);
  fixture->page = zs_page_provider_create_page (providers->pdata[0], fixture->base.store, fixture->engine);
  g_assert_nonnull (fixture->page);
  g_signal_connect (fixture->page, "refreshed", G_CALLBACK (refreshed_cb), fixture);
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->page);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
page_teardown (PageFixture   *fixture,
               gconstpointer  data)
{
  GtkWidget *page = fixture->page;

  /* zs_page_provider_create_page () gave the test a reference of its own;
   * a read still in its worker thread holds another until it is done. */
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->page);
  while (page != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&fixture->engine);
  store_fixture_teardown (&fixture->base, data);
}

/* The first widget under @root of @type whose text contains @text. */
static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      const char *label = NULL;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        label = GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child))
                                     : GTK_IS_BUTTON (child) ? gtk_button_get_label (GTK_BUTTON (child)) : NULL;
      if (label != NULL && strstr (label, text) != NULL)
        return child;
      if ((found = find (child, type, text)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_page (PageFixture   *fixture,
           gconstpointer  data)
{
  GtkWidget *done, *sign, *mine, *others;
  g_autoptr(GObject) item = NULL;
  g_autofree char *reviews = NULL;

  /* The app runs for 王专员 (no staff-name setting here: the store's actor),
   * so the case 王专员 manages is among “My Cases”, not the others. */
  zs_store_set_actor (fixture->base.store, "王专员");
  wait_refreshed (fixture);
  mine = gtk_widget_get_ancestor (find (fixture->page, GTK_TYPE_LABEL, "My Cases"), ADW_TYPE_PREFERENCES_GROUP);
  others = gtk_widget_get_ancestor (find (fixture->page, GTK_TYPE_LABEL, "Other Cases"), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (mine);
  g_assert_nonnull (others);
  g_assert_nonnull (find (mine, GTK_TYPE_LABEL, "页面项目"));
  g_assert_null (find (others, GTK_TYPE_LABEL, "页面项目"));
  /* the item is late (2025) and red; the review waits on 发改委 */
  g_assert_nonnull (find (fixture->page, GTK_TYPE_LABEL, "【红】逾期事项"));
  g_assert_nonnull (find (fixture->page, GTK_TYPE_LABEL, "页面项目"));
  sign = find (fixture->page, GTK_TYPE_BUTTON, "发改委");
  g_assert_nonnull (sign);

  done = gtk_widget_get_ancestor (find (fixture->page, GTK_TYPE_LABEL, "【红】逾期事项"), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (done);
  done = find (done, GTK_TYPE_BUTTON, "Done");
  g_assert_nonnull (done);
  g_signal_emit_by_name (done, "clicked");
  wait_refreshed (fixture);
  item = zs_store_get_record (fixture->base.store, "service_tracking.item", 11, NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (item), "status"), ==, "done");
  g_assert_null (find (fixture->page, GTK_TYPE_LABEL, "【红】逾期事项"));

  sign = find (fixture->page, GTK_TYPE_BUTTON, "发改委");
  g_signal_emit_by_name (sign, "clicked");
  wait_refreshed (fixture);
  g_assert_null (find (fixture->page, GTK_TYPE_BUTTON, "发改委"));
  reviews = run (fixture, "service", "reviews", NULL);
  g_assert_nonnull (strstr (reviews, "\"complete\" : true"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/service-tracking/page", PageFixture, NULL, page_setup, test_page, page_teardown);
  return g_test_run ();
}
