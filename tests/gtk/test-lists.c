/* test-lists.c: the lists for daily work: list and detail on narrow and
 *   wide windows, the project list's columns, filters and sorting, export
 *   of what is shown, printing and the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-firms-page.h"
#include "zs-gtk-test-util.h"
#include "zs-list-detail.h"
#include "zs-projects-page.h"
#include "zs-window.h"
#include "zhaoshang-gtk.h"

static ZsApplication *app;

static const char * const view_names[] = { "dashboard", "firms", "projects", "activities", "sectors" };

typedef struct
{
  ZsTestDatabase db;
  ZsStore       *store;
  ZsWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);

  zs_test_database_init (&fixture->db);
  fixture->store = zs_test_open_store (&fixture->db, TRUE);
  fixture->window = zs_window_new (app, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width > 0 ? width : 1280, 800);
  /* every view built: the narrowest window is the widest view's minimum */
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    g_assert_nonnull (zs_window_get_view (fixture->window, view_names[i]));
  gtk_window_present (GTK_WINDOW (fixture->window));
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

static GtkWidget *
show_view (Fixture    *fixture,
           const char *name)
{
  GtkWidget *view = zs_window_get_view (fixture->window, name);

  g_assert_nonnull (view);
  zs_window_set_view_name (fixture->window, name);
  g_assert_cmpstr (zs_window_get_view_name (fixture->window), ==, name);
  zs_test_wait_for_paint (GTK_WIDGET (fixture->window));
  return view;
}

/* Adaptive layout {{{ */

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static gboolean
is_showing_detail (gpointer data)
{
  return zs_list_detail_get_showing_detail (data);
}

static gboolean
is_showing_list (gpointer data)
{
  return !zs_list_detail_get_showing_detail (data);
}

/* On a narrow window: the list alone; a row opens the detail in its place,
 * and the back button returns to the list. */
static void
check_narrow (ZsListDetail *list_detail,
              void        (*select_first) (gpointer page),
              gpointer      page)
{
  GtkWidget *list = zs_list_detail_get_list (list_detail);
  GtkWidget *detail = zs_list_detail_get_detail (list_detail);
  GtkWidget *back = zs_list_detail_get_back_button (list_detail);

  g_assert_true (zs_list_detail_get_folded (list_detail));
  g_assert_false (zs_list_detail_get_showing_detail (list_detail));
  g_assert_true (zs_test_wait_until (is_mapped, list));
  g_assert_false (gtk_widget_get_mapped (detail));
  g_assert_cmpint (gtk_widget_get_width (list), <=, 360);

  select_first (page);
  g_assert_true (zs_test_wait_until (is_showing_detail, list_detail));
  g_assert_true (zs_test_wait_until (is_mapped, detail));
  g_assert_true (zs_test_wait_until (is_unmapped, list));
  g_assert_true (gtk_widget_get_mapped (back));

  /* a button activated from the keyboard clicks once its press is shown */
  g_assert_true (gtk_widget_activate (back));
  g_assert_true (zs_test_wait_until (is_showing_list, list_detail));
  g_assert_true (zs_test_wait_until (is_mapped, list));
  g_assert_true (zs_test_wait_until (is_unmapped, detail));
}

/* On a wide window: both side by side, each wide enough to read; the back
 * button is not needed. */
static void
check_wide (ZsListDetail *list_detail,
            void        (*select_first) (gpointer page),
            gpointer      page,
            int           min_width)
{
  GtkWidget *list = zs_list_detail_get_list (list_detail);
  GtkWidget *detail = zs_list_detail_get_detail (list_detail);

  g_assert_false (zs_list_detail_get_folded (list_detail));
  g_assert_true (zs_test_wait_until (is_mapped, list));
  g_assert_true (gtk_widget_get_mapped (detail));
  select_first (page);
  zs_test_wait_for_paint (list);
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_true (gtk_widget_get_mapped (detail));
  g_assert_false (gtk_widget_get_mapped (zs_list_detail_get_back_button (list_detail)));
  g_assert_cmpint (gtk_widget_get_width (list), >=, min_width);
  g_assert_cmpint (gtk_widget_get_width (detail), >=, min_width);
}

static void
select_first_firm (gpointer page)
{
  g_autoptr(GObject) first = zs_test_get_loaded_item (zs_firms_page_get_model (page), 0);

  zs_firms_page_select (page, 0);
}

static void
select_first_project (gpointer page)
{
  g_autoptr(GObject) first = zs_test_get_loaded_item (zs_projects_page_get_model (page), 0);

  zs_projects_page_select (page, 0);
}

static void
select_first_record (gpointer page)
{
  GtkWidget *view = zs_test_find_widget (page, GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >, 0);
  gtk_selection_model_select_item (selection, 0, TRUE);
}

static GtkWidget *
present_record_type_page (ZsStore    *store,
                          int         width,
                          GtkWidget **page)
{
  GtkWidget *window = gtk_window_new ();

  *page = zs_record_type_page_new (store, "contact");
  gtk_window_set_child (GTK_WINDOW (window), *page);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  gtk_window_present (GTK_WINDOW (window));
  zs_test_wait_for_paint (window);
  return window;
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  AdwFlap *flap = zs_window_get_flap (fixture->window);
  ZsFirmsPage *firms = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  ZsProjectsPage *projects;
  GtkWidget *window, *page;
  int minimum;

  /* The window can be as narrow as a phone. */
  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);

  /* The sidebar folds away behind a button. */
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  adw_flap_set_reveal_flap (flap, TRUE);
  zs_window_set_view_name (fixture->window, "projects");
  g_assert_false (adw_flap_get_reveal_flap (flap));
  show_view (fixture, "firms");

  check_narrow (zs_firms_page_get_list_detail (firms), select_first_firm, firms);
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "lists-narrow-firms.png");

  projects = ZS_PROJECTS_PAGE (show_view (fixture, "projects"));
  check_narrow (zs_projects_page_get_list_detail (projects), select_first_project, projects);
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "lists-narrow-projects.png");

  /* The page plugins use for their record types folds the same way. */
  window = present_record_type_page (fixture->store, 360, &page);
  check_narrow (ZS_LIST_DETAIL (zs_test_find_widget (page, ZS_TYPE_LIST_DETAIL)), select_first_record, page);
  zs_test_destroy_window (window);
}

static void
test_wide (Fixture       *fixture,
           gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);
  /* 790 px: what is left beside the sidebar, split in two */
  int min_width = width >= 1200 ? 300 : 240;
  ZsFirmsPage *firms = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  ZsProjectsPage *projects;
  GtkWidget *window, *page;

  g_assert_false (adw_flap_get_folded (zs_window_get_flap (fixture->window)));
  check_wide (zs_firms_page_get_list_detail (firms), select_first_firm, firms, min_width);
  projects = ZS_PROJECTS_PAGE (show_view (fixture, "projects"));
  check_wide (zs_projects_page_get_list_detail (projects), select_first_project, projects, min_width);
  if (width >= 1200)
    zs_test_render_to_png (GTK_WIDGET (fixture->window), "lists-wide-projects.png");

  window = present_record_type_page (fixture->store, width, &page);
  check_wide (ZS_LIST_DETAIL (zs_test_find_widget (page, ZS_TYPE_LIST_DETAIL)), select_first_record, page,
              min_width);
  zs_test_destroy_window (window);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zs_test_init (&argc, &argv, APPLICATION_ID ".ListsTest");

  g_test_add ("/gtk/lists/narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/gtk/lists/wide", Fixture, GINT_TO_POINTER (1200), fixture_set_up, test_wide, fixture_tear_down);
  g_test_add ("/gtk/lists/790", Fixture, GINT_TO_POINTER (790), fixture_set_up, test_wide, fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
