/* test-fz-page.c: the Flying Zones page and the dashboard card, from the
 * page plugin, under Xvfb
 *
 * The ledger page reads in a worker thread; the test waits for its
 * "refreshed" signal, then checks the flags in words and in colour, moves
 * to another year with the page's own selector and exports the ledger to
 * XLSX. The dashboard shows the plugin's card while the page plugin is
 * active, with this year's due, settled and shortfall, and drops it when
 * the plugin is disabled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-test-util.h"

#include <inttypes.h>

#include <adwaita.h>
#include <zhaoshang-gtk.h>

#include "zs-dashboard-page.h"

typedef struct {
  StoreFixture    base;
  ZsPluginEngine *engine;
  GtkWidget      *window;
  int             this_year;
  guint           refreshed;
} PageFixture;

static void
refreshed_cb (GtkWidget   *widget,
              PageFixture *fixture)
{
  fixture->refreshed++;
}

static void
wait_refreshed (PageFixture *fixture,
                guint        before)
{
  /* no time limit: the meson test timeout ends a hang */
  while (fixture->refreshed == before)
    g_main_context_iteration (NULL, TRUE);
}

G_GNUC_NULL_TERMINATED static void
run (PageFixture *fixture,
     ...)
{
  ZsPluginContext *context = NULL;
  g_autoptr(ZsCommandProvider) provider = zs_plugin_engine_find_command (fixture->engine, "flying-zone", &context);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  va_list rest;

  g_assert_nonnull (provider);
  va_start (rest, fixture);
  for (const char *arg = va_arg (rest, const char *); arg != NULL; arg = va_arg (rest, const char *))
    g_strv_builder_add (builder, arg);
  va_end (rest);
  args = g_strv_builder_end (builder);
  output = zs_command_provider_run (provider, context, "flying-zone", (const char * const *) args, TRUE, &error);
  g_assert_no_error (error);
}

static char *
firm_in (ZsStore    *store,
         guint       serial,
         const char *name,
         const char *region)
{
  g_autofree char *uscc = make_uscc (serial);
  g_autoptr(ZsFirm) firm = make_firm (uscc, name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_firm_set_region_code (firm, region);
  id = zs_store_add_firm (store, firm, &error);
  g_assert_no_error (error);
  return g_strdup_printf ("%" PRId64, id);
}

static void
page_setup (PageFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *year = NULL;

  store_fixture_setup_seeded (&fixture->base, data);
  fixture->engine = zs_plugin_engine_new (fixture->base.store);
  zs_plugin_engine_set_frontend (fixture->engine, "gtk");
  zs_plugin_engine_load_all (fixture->engine);
  fixture->this_year = g_date_time_get_year (now);
  year = g_strdup_printf ("%d", fixture->this_year);
  a = firm_in (fixture->base.store, 9401, "昆山页面纺织有限公司", "320583");
  b = firm_in (fixture->base.store, 9402, "霍尔果斯页面物流有限公司", "654004");
  run (fixture, "partner", "add", "--name", "江苏省", "--region", "320000", NULL);
  run (fixture, "zone", "add", "--name", "江苏霍尔果斯产业园", "--partner", "1", "--host-county", "654004",
       "--park", "horgos-port-park", NULL);
  run (fixture, "agreement", "add", "--zone", "1", "--from", "2024-01-01", "--to", "2025-06-30",
       "--tax-partner", "50", "--tax-host", "50", "--output-partner", "40", "--output-host", "60", NULL);
  run (fixture, "agreement", "add", "--zone", "1", "--from", "2025-07-01", "--to", "2099-12-31",
       "--tax-partner", "40", "--tax-host", "60", "--output-partner", "30", "--output-host", "70", NULL);
  run (fixture, "place", a, "--zone", "1", "--from", "2024-03-01", NULL);
  run (fixture, "place", b, "--zone", "1", "--from", "2025-04-01", "--to", "2025-12-31", NULL);
  run (fixture, "realised", a, "--year", "2025", "--tax", "365", "--output", "730", NULL);
  run (fixture, "realised", b, "--year", "2025", "--tax", "100", "--output", "200", NULL);
  run (fixture, "settle", "--zone", "1", "--year", "2025", "--amount", "100", NULL);
  /* this year: firm A alone, all at 40 %, nothing settled yet */
  run (fixture, "realised", a, "--year", year, "--tax", "100", "--output", "100", NULL);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
}

static void
page_teardown (PageFixture   *fixture,
               gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->engine);
  store_fixture_teardown (&fixture->base, data);
}

/* The first widget under @root of @type whose text contains @text (any
 * text when NULL). */
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
        {
          if (text == NULL)
            return child;
          label = GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child))
                                       : GTK_IS_BUTTON (child) ? gtk_button_get_label (GTK_BUTTON (child)) : NULL;
        }
      if (label != NULL && strstr (label, text) != NULL)
        return child;
      if ((found = find (child, type, text)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
create_page (PageFixture *fixture)
{
  g_autoptr(GPtrArray) providers = zs_plugin_engine_get_extensions (fixture->engine, ZS_TYPE_PAGE_PROVIDER);
  g_autoptr(GtkWidget) page = NULL;

  g_assert_cmpuint (providers->len, ==, 1);
  page = zs_page_provider_create_page (providers->pdata[0], fixture->base.store, fixture->engine);
  g_assert_nonnull (page);
  gtk_window_set_child (GTK_WINDOW (fixture->window), page);
  gtk_window_present (GTK_WINDOW (fixture->window));
  return page;
}

static void
test_ledger_page (PageFixture   *fixture,
                  gconstpointer  data)
{
  GtkWidget *page = create_page (fixture);
  GType ledger_type = g_type_from_name ("ZsFzLedgerPage");
  GtkWidget *ledger, *flag, *spin, *zones;
  g_autofree char *path = g_build_filename (fixture->base.dir, "ledger.xlsx", NULL);
  g_autoptr(ZsXlsxReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) header = NULL;
  guint before, rows = 0;
  char **row;

  g_assert_true (ledger_type != G_TYPE_INVALID);
  ledger = find (page, ledger_type, NULL);
  g_assert_nonnull (ledger);
  /* the record pages of the plugin's types are there too */
  g_assert_nonnull (find (page, ZS_TYPE_RECORD_TYPE_PAGE, NULL));
  g_signal_connect (ledger, "refreshed", G_CALLBACK (refreshed_cb), fixture);
  wait_refreshed (fixture, 0);

  before = fixture->refreshed;
  g_object_set (ledger, "year", 2025, NULL);
  wait_refreshed (fixture, before);
  /* short: in words and in colour */
  flag = find (ledger, GTK_TYPE_LABEL, "Short");
  g_assert_nonnull (flag);
  g_assert_true (gtk_widget_has_css_class (flag, "warning"));
  zones = gtk_widget_get_ancestor (flag, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (find (zones, GTK_TYPE_LABEL, "江苏霍尔果斯产业园"));
  g_assert_nonnull (find (zones, GTK_TYPE_LABEL, "due 196.7301"));
  g_assert_nonnull (find (ledger, GTK_TYPE_LABEL, "昆山页面纺织有限公司"));
  g_assert_nonnull (find (ledger, GTK_TYPE_LABEL, "partner 164.1, host 200.9"));

  /* the page's own selector: this year, nothing settled yet */
  spin = find (ledger, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (spin);
  before = fixture->refreshed;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), fixture->this_year);
  wait_refreshed (fixture, before);
  flag = find (ledger, GTK_TYPE_LABEL, "Unsettled");
  g_assert_nonnull (flag);
  g_assert_true (gtk_widget_has_css_class (flag, "error"));
  g_assert_null (find (ledger, GTK_TYPE_LABEL, "Short"));
  g_assert_null (find (ledger, GTK_TYPE_LABEL, "霍尔果斯页面物流有限公司"));

  /* export what is shown */
  g_assert_true (gtk_widget_activate_action (ledger, "ledger.export-file", "s", path));
  reader = zs_xlsx_reader_new (path, NULL, &error);
  g_assert_no_error (error);
  header = zs_row_source_read_row (ZS_ROW_SOURCE (reader), NULL, &error);
  g_assert_cmpstr (header[3], ==, "firm");
  while ((row = zs_row_source_read_row (ZS_ROW_SOURCE (reader), NULL, &error)) != NULL)
    {
      rows++;
      g_assert_cmpstr (row[3], ==, "昆山页面纺织有限公司");
      g_assert_cmpstr (row[9], ==, "40");
      g_strfreev (row);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 1);
}

static void
test_dashboard_card (PageFixture   *fixture,
                     gconstpointer  data)
{
  GtkWidget *dashboard = zs_dashboard_page_new (fixture->base.store);
  g_autoptr(GList) cards = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *card;
  guint before;

  gtk_window_set_child (GTK_WINDOW (fixture->window), dashboard);
  gtk_window_present (GTK_WINDOW (fixture->window));
  zs_dashboard_page_set_plugin_engine (ZS_DASHBOARD_PAGE (dashboard), fixture->engine);
  cards = zs_dashboard_page_get_plugin_cards (ZS_DASHBOARD_PAGE (dashboard));
  g_assert_cmpuint (g_list_length (cards), ==, 1);
  card = cards->data;
  g_signal_connect (card, "refreshed", G_CALLBACK (refreshed_cb), fixture);
  wait_refreshed (fixture, 0);
  /* this year: 100 万元 of tax at 40 %, nothing settled */
  g_assert_nonnull (find (card, GTK_TYPE_LABEL, "Due to partners 40 · settled 0 · short 40"));
  g_assert_nonnull (find (card, GTK_TYPE_LABEL, "1 zone is behind"));

  /* a settlement is seen at once */
  before = fixture->refreshed;
  {
    g_autofree char *year = g_strdup_printf ("%d", fixture->this_year);

    run (fixture, "settle", "--zone", "1", "--year", year, "--amount", "40", NULL);
  }
  wait_refreshed (fixture, before);
  g_assert_nonnull (find (card, GTK_TYPE_LABEL, "Due to partners 40 · settled 40 · short 0"));
  g_assert_nonnull (find (card, GTK_TYPE_LABEL, "Every zone is settled"));

  /* disabled, the page plugin takes its card away */
  g_assert_true (zs_plugin_engine_set_enabled (fixture->engine, "flying-zone-page", FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&cards, g_list_free);
  cards = zs_dashboard_page_get_plugin_cards (ZS_DASHBOARD_PAGE (dashboard));
  g_assert_cmpuint (g_list_length (cards), ==, 0);
  g_assert_null (find (dashboard, GTK_TYPE_LABEL, "Due to partners"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/flying-zone/page/ledger", PageFixture, NULL, page_setup, test_ledger_page, page_teardown);
  g_test_add ("/flying-zone/page/dashboard-card", PageFixture, NULL, page_setup, test_dashboard_card,
              page_teardown);
  return g_test_run ();
}
