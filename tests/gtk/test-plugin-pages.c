/* test-plugin-pages.c: pages added by plugins through ZsPageProvider, and
 *   the plugin list of the preferences
 *
 * Uses the Python fixtures in fixtures/: ZHAOSHANG_PLUGIN_PATH points there
 * and GI_TYPELIB_PATH at the Zhaoshang and ZhaoshangGtk typelibs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-application.h"
#include "zs-chain-page.h"
#include "zs-chain-service.h"
#include <gmodule.h>
#include "zs-gtk-test-util.h"
#include "zs-preferences-window.h"
#include "zs-window.h"

#define PAGE_NAME "plugin-page-fixture"

static ZsApplication *app;

/* What libpeas and its Python loader (which logs under no domain) say about
 * the broken fixture, each declared exactly; every other warning stays
 * fatal. Not g_test_expect_message(): an expected message never reaches the
 * log handler through which the engine keeps it as the plugin's error, which
 * the preferences show. */
static const struct
{
  const char *domain;
  const char *pattern;
} plugin_warnings[] = {
  { "libpeas", "Error loading plugin 'broken_page'" },
  { NULL, "Error importing plugin 'broken_page':*ModuleNotFoundError*" },
};

static gboolean
allow_plugin_warnings (const char     *domain,
                       GLogLevelFlags  level,
                       const char     *message,
                       gpointer        user_data)
{
  if ((level & G_LOG_LEVEL_MASK) != G_LOG_LEVEL_WARNING)
    return TRUE;
  if (domain != NULL && domain[0] == '\0')
    domain = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (plugin_warnings); i++)
    if (g_strcmp0 (domain, plugin_warnings[i].domain) == 0 &&
        g_pattern_match_simple (plugin_warnings[i].pattern, message))
      return FALSE;
  return TRUE;
}

static gboolean
page_is_gone (gpointer data)
{
  return zs_window_get_view (data, PAGE_NAME) == NULL;
}

static gboolean
page_is_there (gpointer data)
{
  return zs_window_get_view (data, PAGE_NAME) != NULL;
}

static void
test_python_page (void)
{
  ZsTestDatabase db = { 0 };
  g_autoptr(ZsStore) store = NULL;
  GtkStackPage *stack_page;
  ZsPreferencesWindow *preferences;
  GtkSwitch *page_switch;
  ZsWindow *window;
  GtkWidget *page;

  g_test_log_set_fatal_handler (allow_plugin_warnings, NULL);
  zs_test_database_init (&db);
  store = zs_test_open_store (&db, TRUE);
  window = zs_test_present_window (app, store, 1100, 700);
  zs_window_load_plugins (window);
  zs_test_wait_for_paint (GTK_WIDGET (window));

  /* The Python provider's page is in the sidebar, made for this store. */
  page = zs_window_get_view (window, PAGE_NAME);
  g_assert_nonnull (page);
  g_assert_true (GTK_IS_LABEL (page));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page)), ==, "200 家企业");
  stack_page = gtk_stack_get_page (zs_window_get_views (window), page);
  g_assert_cmpstr (gtk_stack_page_get_title (stack_page), ==, "测试页面");
  g_assert_cmpstr (gtk_stack_page_get_icon_name (stack_page), ==, "starred-symbolic");
  zs_window_set_view_name (window, PAGE_NAME);
  zs_test_render_to_png (GTK_WIDGET (window), "plugin-page.png");

  /* The preferences list both plugins, the broken one with its error. */
  preferences = ZS_PREFERENCES_WINDOW (zs_window_open_preferences (window));
  g_assert_nonnull (preferences);
  page_switch = zs_preferences_window_get_switch (preferences, "page_fixture");
  g_assert_nonnull (page_switch);
  g_assert_true (gtk_switch_get_active (page_switch));
  g_assert_nonnull (zs_preferences_window_get_switch (preferences, "broken_page"));
  g_assert_nonnull (zs_preferences_window_get_plugin_error (preferences, "broken_page"));
  g_assert_null (zs_preferences_window_get_plugin_error (preferences, "page_fixture"));
  zs_test_wait_for_paint (GTK_WIDGET (preferences));
  zs_test_run_for (200);
  zs_test_render_to_png (GTK_WIDGET (preferences), "plugin-preferences.png");

  /* Switching the plugin off unloads it and takes its page away … */
  gtk_switch_set_active (page_switch, FALSE);
  g_assert_true (zs_test_wait_until (page_is_gone, window));

  /* … and on again brings it back. */
  zs_preferences_window_reload (preferences);
  gtk_switch_set_active (zs_preferences_window_get_switch (preferences, "page_fixture"), TRUE);
  g_assert_true (zs_test_wait_until (page_is_there, window));

  zs_test_destroy_window (preferences);
  zs_test_destroy_window (window);
  g_clear_object (&store);
  zs_test_database_clear (&db);
}

/* The page's functions live in the plugin module libpeas loaded; the test
 * looks them up there rather than linking a second copy of its types. */
static gpointer
chain_page_symbol (const char *name)
{
  static GModule *module;
  gpointer symbol = NULL;

  if (module == NULL)
    module = g_module_open (CHAIN_PAGE_MODULE, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  g_assert_nonnull (module);
  g_assert_true (g_module_symbol (module, name, &symbol));
  return symbol;
}

#define CALL(function) ((__typeof__ (&function)) chain_page_symbol (#function))

static gboolean
chain_page_loaded (gpointer page)
{
  return !CALL (zs_chain_page_get_loading) (page);
}

/* Run by the gtk-chain-page test, whose plugin path holds the industry-chain
 * plugin and its page. The page asks the chain service the plugin publishes
 * in the window's engine: no process is started, no CLI output is read. */
static void
test_chain_page (void)
{
  ZsTestDatabase db = { 0 };
  g_autoptr(ZsStore) store = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GError) error = NULL;
  ZsChainGraph *graph;
  ZsChainPage *page;
  ZsWindow *window;
  guint before, pipeline, settled, pipeline_after, settled_after;

  zs_test_database_init (&db);
  store = zs_test_open_store (&db, TRUE);
  window = zs_test_present_window (app, store, 1280, 900);
  zs_window_load_plugins (window);
  /* meson puts both plugins on the path: a missing page is a failure. */
  g_assert_nonnull (zs_window_get_view (window, "plugin-industry-chain"));
  g_assert_true (ZS_IS_CHAIN_SERVICE (zs_plugin_engine_get_service (zs_window_get_plugin_engine (window),
                                                                    ZS_TYPE_CHAIN_SERVICE)));

  page = (ZsChainPage *) zs_window_get_view (window, "plugin-industry-chain");
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (page), ==, "ZsChainPage");
  zs_window_set_view_name (window, "plugin-industry-chain");
  CALL (zs_chain_page_set_chain) (page, "nev");
  CALL (zs_chain_page_set_park) (page, "horgos-edz");
  /* Read in a worker thread; the main loop brings the answer. */
  g_assert_true (zs_test_wait_until (chain_page_loaded, page));
  graph = CALL (zs_chain_page_get_graph) (page);
  g_assert_cmpuint (CALL (zs_chain_graph_get_n_links) (graph), >=, 4);
  g_assert_cmpstr (CALL (zs_chain_graph_get_status) (graph, "nev-parts"), ==, "gap");
  g_assert_cmpuint (CALL (zs_chain_page_get_n_candidates) (page), >, 0);
  zs_test_render_to_png (GTK_WIDGET (window), "plugin-chain-page.png");

  /* “Add as lead” makes a project at stage lead. */
  projects = zs_store_list_projects (store, 0, "lead", NULL, 0, 0, &error);
  g_assert_no_error (error);
  before = projects->len;
  g_assert_true (CALL (zs_chain_page_get_link_counts) (page, "nev-parts", &settled, &pipeline));
  g_assert_cmpint (CALL (zs_chain_page_add_lead) (page, 125, "nev-parts"), >, 0);
  g_clear_pointer (&projects, g_ptr_array_unref);
  projects = zs_store_list_projects (store, 0, "lead", NULL, 0, 0, &error);
  g_assert_cmpuint (projects->len, ==, before + 1);
  g_assert_nonnull (strstr (CALL (zs_chain_page_get_status_text) (page), "lead"));

  /* The store's ZsStore::changed makes the page read its counts again. */
  g_assert_true (CALL (zs_chain_page_get_loading) (page));
  g_assert_true (zs_test_wait_until (chain_page_loaded, page));
  g_assert_true (CALL (zs_chain_page_get_link_counts) (page, "nev-parts", &settled_after, &pipeline_after));
  g_assert_cmpuint (pipeline_after, ==, pipeline + 1);
  g_assert_cmpuint (settled_after, ==, settled);
  g_assert_cmpstr (CALL (zs_chain_graph_get_status) (graph, "nev-parts"), ==, "gap");

  zs_test_destroy_window (window);
  g_clear_object (&store);
  zs_test_database_clear (&db);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zs_test_init (&argc, &argv, APPLICATION_ID ".PluginTest");

  g_test_add_func ("/gtk/plugins/python-page", test_python_page);
  g_test_add_func ("/gtk/plugins/industry-chain", test_chain_page);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
