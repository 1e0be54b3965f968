/* test-lists.c: the lists for daily work: list and detail on narrow and
 *   wide windows, the project list's columns, filters and sorting, export
 *   of what is shown, printing and the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-firm-picker.h"
#include "zs-firms-page.h"
#include "zs-gtk-test-util.h"
#include "zs-list-detail.h"
#include "zs-projects-page.h"
#include "zs-report-dialog.h"
#include "zs-table-print.h"
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


/* Projects list {{{ */

static void
collect_labels (GtkWidget  *root,
                const char *name,
                GPtrArray  *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0 &&
          gtk_widget_get_mapped (child) && gtk_label_get_label (GTK_LABEL (child))[0] != '\0')
        g_ptr_array_add (labels, child);
      collect_labels (child, name, labels);
    }
}

static int
char_width (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int width = pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;

  pango_font_metrics_unref (metrics);
  return width;
}

/* At 1200 px every column shows its values whole but the title, the firm
 * and the park, which show at least ten characters. */
static void
test_project_columns (Fixture       *fixture,
                      gconstpointer  data)
{
  ZsProjectsPage *page = ZS_PROJECTS_PAGE (show_view (fixture, "projects"));
  GtkWidget *view = GTK_WIDGET (zs_projects_page_get_column_view (page));
  const char *whole[] = { "stage", "owner", "planned", "realised" };
  const char *long_text[] = { "title", "firm", "park" };
  g_autoptr(GObject) first = zs_test_get_loaded_item (zs_projects_page_get_model (page), 0);
  int width = char_width (view);

  zs_test_wait_for_paint (view);
  zs_test_run_for (100);
  zs_test_wait_for_paint (view);
  for (guint i = 0; i < G_N_ELEMENTS (whole); i++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      collect_labels (view, whole[i], labels);
      g_assert_cmpuint (labels->len, >=, 10);
      for (guint j = 0; j < labels->len; j++)
        {
          GtkLabel *label = g_ptr_array_index (labels, j);

          int natural;

          gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
          /* the cell clips what does not fit */
          int shown = gtk_widget_get_width (gtk_widget_get_parent (GTK_WIDGET (label)));

          if (pango_layout_is_ellipsized (gtk_label_get_layout (label)) || shown < natural)
            g_error ("the %s column cuts “%s” to %d px of %d", whole[i], gtk_label_get_label (label),
                     shown, natural);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (long_text); i++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      collect_labels (view, long_text[i], labels);
      g_assert_cmpuint (labels->len, >=, 10);
      g_assert_cmpint (gtk_widget_get_width (g_ptr_array_index (labels, 0)), >=, 10 * width);
    }
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "lists-project-columns.png");
}

typedef struct
{
  const char *stage;
  const char *park;
  const char *owner;
  const char *sector;
  const char *search;
} Expect;

static gboolean
contains_casefold (const char *text,
                   const char *part)
{
  g_autofree char *a = g_utf8_casefold (text != NULL ? text : "", -1);
  g_autofree char *b = g_utf8_casefold (part, -1);

  return strstr (a, b) != NULL;
}

/* What the filters should leave, worked out here from every project. */


static guint
expected_count (ZsStore      *store,
                const Expect *expect)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = zs_store_list_projects (store, 0, NULL, NULL, 0, 0, &error);
  guint count = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < projects->len; i++)
    {
      ZsProject *project = g_ptr_array_index (projects, i);
      g_autoptr(ZsFirm) firm = zs_store_get_firm (store, zs_project_get_firm_id (project), NULL);
      const char * const *sectors = zs_project_get_sectors (project);

      if (expect->stage != NULL &&
          g_strcmp0 (zs_enum_to_nick (ZS_TYPE_STAGE, zs_project_get_stage (project)), expect->stage) != 0)
        continue;
      if (expect->park != NULL && g_strcmp0 (zs_project_get_park_code (project), expect->park) != 0)
        continue;
      if (expect->owner != NULL && g_strcmp0 (zs_project_get_owner (project), expect->owner) != 0)
        continue;
      if (expect->sector != NULL && (sectors == NULL || !g_strv_contains (sectors, expect->sector)))
        continue;
      if (expect->search != NULL && !contains_casefold (zs_project_get_title (project), expect->search) &&
          !(firm != NULL && contains_casefold (zs_firm_get_name (firm), expect->search)))
        continue;
      count++;
    }
  return count;
}

static guint
n_items (gpointer model)
{
  zs_test_wait_for_model (model);
  return g_list_model_get_n_items (model);
}

static ZsProject *
project_at (gpointer model,
            guint    position)
{
  return zs_test_get_loaded_item (model, position);
}

static gboolean
firm_search_applied (gpointer model)
{
  return g_strcmp0 (zs_firm_list_model_get_search (model), "霍尔果斯") == 0;
}

typedef struct
{
  ZsProjectListModel *model;
  const char         *search;
} SearchWait;

static gboolean
search_applied (gpointer data)
{
  SearchWait *wait = data;
  const char *search = zs_project_list_model_get_filter (wait->model)->search;

  return g_strcmp0 (search != NULL && *search != '\0' ? search : NULL, wait->search) == 0;
}

/* The entry's text reaches the list after a pause for typing: wait for it
 * rather than for a time, which a slow machine overruns. */
static void
wait_search (ZsProjectListModel *model,
             const char         *search)
{
  SearchWait wait = { model, search };

  g_assert_true (zs_test_wait_until (search_applied, &wait));
}

static void
test_project_filters (Fixture       *fixture,
                      gconstpointer  data)
{
  ZsProjectsPage *page = ZS_PROJECTS_PAGE (show_view (fixture, "projects"));
  ZsProjectListModel *model = zs_projects_page_get_model (page);
  g_autoptr(ZsProject) some = zs_test_get_loaded_item (model, 3);
  g_autoptr(ZsFirm) firm = zs_store_get_firm (fixture->store, zs_project_get_firm_id (some), NULL);
  g_autofree char *firm_part = g_utf8_substring (zs_firm_get_name (firm), 2, 5);
  const char *sector = zs_project_get_sectors (some)[0];
  const char *owner = zs_project_get_owner (some);
  Expect expect = { 0 };
  guint n;

  g_assert_nonnull (owner);
  g_assert_nonnull (sector);

  /* Search: a part of a firm's name, typed into the search entry. */
  expect.search = firm_part;
  gtk_editable_set_text (zs_projects_page_get_search_entry (page), firm_part);
  wait_search (model, firm_part);
  n = n_items (model);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, ==, expected_count (fixture->store, &expect));
  expect.search = NULL;
  gtk_editable_set_text (zs_projects_page_get_search_entry (page), "");
  wait_search (model, NULL);
  g_assert_cmpuint (n_items (model), ==, expected_count (fixture->store, &expect));

  /* Owner, sector, stage and park, each and together. */
  expect.owner = owner;
  zs_projects_page_set_owner (page, owner);
  n = n_items (model);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, expected_count (fixture->store, &(Expect) { 0 }));
  g_assert_cmpuint (n, ==, expected_count (fixture->store, &expect));
  expect.sector = sector;
  zs_projects_page_set_sector (page, sector);
  g_assert_cmpuint (n_items (model), ==, expected_count (fixture->store, &expect));
  g_assert_cmpuint (n_items (model), >=, 1);
  expect.owner = NULL;
  zs_projects_page_set_owner (page, NULL);
  g_assert_cmpuint (n_items (model), ==, expected_count (fixture->store, &expect));
  expect.stage = zs_enum_to_nick (ZS_TYPE_STAGE, zs_project_get_stage (some));
  zs_projects_page_set_stage (page, expect.stage);
  g_assert_cmpuint (n_items (model), ==, expected_count (fixture->store, &expect));
  expect.park = zs_project_get_park_code (some);
  zs_projects_page_set_park (page, expect.park);
  g_assert_cmpuint (n_items (model), ==, expected_count (fixture->store, &expect));
  g_assert_cmpuint (n_items (model), >=, 1);
}

/* A click on a header sorts the whole list in the store, either way. */
static void
test_project_sort (Fixture       *fixture,
                   gconstpointer  data)
{
  ZsProjectsPage *page = ZS_PROJECTS_PAGE (show_view (fixture, "projects"));
  ZsProjectListModel *model = zs_projects_page_get_model (page);
  GtkColumnView *view = zs_projects_page_get_column_view (page);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (columns, 0);
  g_autoptr(GtkColumnViewColumn) stage = g_list_model_get_item (columns, 2);
  g_autoptr(GtkColumnViewColumn) planned = g_list_model_get_item (columns, 5);
  guint n = n_items (model);

  g_assert_cmpuint (n, >, 20);

  gtk_column_view_sort_by_column (view, planned, GTK_SORT_DESCENDING);
  g_assert_cmpstr (zs_project_list_model_get_filter (model)->sort, ==, "planned");
  g_assert_cmpuint (n_items (model), ==, n);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(ZsProject) a = project_at (model, i - 1);
      g_autoptr(ZsProject) b = project_at (model, i);

      g_assert_cmpfloat (zs_project_get_planned_investment (a), >=, zs_project_get_planned_investment (b));
    }

  gtk_column_view_sort_by_column (view, stage, GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(ZsProject) a = project_at (model, i - 1);
      g_autoptr(ZsProject) b = project_at (model, i);

      g_assert_cmpint (zs_project_get_stage (a), <=, zs_project_get_stage (b));
    }

  gtk_column_view_sort_by_column (view, title, GTK_SORT_DESCENDING);
  g_assert_cmpint (zs_project_list_model_get_filter (model)->direction, ==, ZS_SORT_DESCENDING);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(ZsProject) a = project_at (model, i - 1);
      g_autoptr(ZsProject) b = project_at (model, i);
      g_autofree char *ka = g_utf8_casefold (zs_project_get_title (a), -1);
      g_autofree char *kb = g_utf8_casefold (zs_project_get_title (b), -1);

      g_assert_cmpint (strcmp (ka, kb), >=, 0);
    }

  /* no sort column: the order they were added in */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  g_assert_null (zs_project_list_model_get_filter (model)->sort);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(ZsProject) a = project_at (model, i - 1);
      g_autoptr(ZsProject) b = project_at (model, i);

      g_assert_cmpint (zs_project_get_id (a), <, zs_project_get_id (b));
    }
}

/* }}} */

/* Export and print {{{ */

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static GPtrArray *
read_rows (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsRowSource) source = zs_row_source_open (path, NULL, NULL, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **row;

  g_assert_no_error (error);
  while ((row = zs_row_source_read_row (source, NULL, &error)) != NULL)
    g_ptr_array_add (rows, row);
  g_assert_no_error (error);
  return rows;
}

static gint64
export_projects (ZsProjectsPage *page,
                 const char     *path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 written;

  zs_projects_page_export_async (page, path, NULL, store_result, &result);
  g_assert_true (zs_test_wait_until (has_result, &result));
  written = zs_projects_page_export_finish (page, result, &error);
  g_assert_no_error (error);
  return written;
}

/* The file holds what the list shows: its columns, every row its filters
 * select (not only the rows read so far), in its order. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  ZsProjectsPage *projects = ZS_PROJECTS_PAGE (show_view (fixture, "projects"));
  ZsProjectListModel *model = zs_projects_page_get_model (projects);
  GtkColumnView *view = zs_projects_page_get_column_view (projects);
  g_autoptr(GtkColumnViewColumn) planned = g_list_model_get_item (gtk_column_view_get_columns (view), 5);
  g_autoptr(ZsProject) some = zs_test_get_loaded_item (model, 0);
  g_autofree char *csv = zs_test_output_path ("lists-export-projects.csv");
  g_autofree char *xlsx = zs_test_output_path ("lists-export-projects.xlsx");
  g_autoptr(GPtrArray) csv_rows = NULL;
  g_autoptr(GPtrArray) xlsx_rows = NULL;
  ZsFirmsPage *firms;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *firms_csv = zs_test_output_path ("lists-export-firms.csv");
  g_autoptr(GPtrArray) firm_rows = NULL;
  guint n;

  zs_projects_page_set_owner (projects, zs_project_get_owner (some));
  gtk_column_view_sort_by_column (view, planned, GTK_SORT_DESCENDING);
  /* pages of 5: most rows are not read when the export starts */
  zs_paged_model_set_page_size (ZS_PAGED_MODEL (model), 5);
  n = n_items (model);
  g_assert_cmpuint (n, >, 5);
  g_assert_cmpuint (n, <, 50);

  g_assert_cmpint (export_projects (projects, csv), ==, n);
  g_assert_cmpint (export_projects (projects, xlsx), ==, n);
  csv_rows = read_rows (csv);
  xlsx_rows = read_rows (xlsx);
  g_assert_cmpuint (csv_rows->len, ==, n + 1);
  g_assert_cmpuint (xlsx_rows->len, ==, n + 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (csv_rows, 0))[0], ==, "Title");
  g_assert_cmpstr (((char **) g_ptr_array_index (csv_rows, 0))[5], ==, "Planned (10k ¥)");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZsProject) project = project_at (model, i);
      char **csv_row = g_ptr_array_index (csv_rows, i + 1);
      char **xlsx_row = g_ptr_array_index (xlsx_rows, i + 1);
      g_autofree char *planned_text = g_strdup_printf ("%.0f", zs_project_get_planned_investment (project));
      g_autoptr(ZsFirm) firm = zs_store_get_firm (fixture->store, zs_project_get_firm_id (project), NULL);

      g_assert_cmpuint (g_strv_length (csv_row), ==, 7);
      g_assert_cmpstr (csv_row[0], ==, zs_project_get_title (project));
      g_assert_cmpstr (csv_row[1], ==, zs_firm_get_name (firm));
      g_assert_cmpstr (csv_row[2], ==, zs_stage_get_label (zs_project_get_stage (project)));
      g_assert_cmpstr (csv_row[5], ==, planned_text);
      g_assert_cmpstr (xlsx_row[0], ==, csv_row[0]);
    }

  /* The firms a search finds, from the firms page. */
  firms = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  gtk_editable_set_text (zs_firms_page_get_search_entry (firms), "霍尔果斯");
  g_assert_true (zs_test_wait_until (firm_search_applied, zs_firms_page_get_model (firms)));
  n = n_items (zs_firms_page_get_model (firms));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 200);
  zs_firms_page_export_async (firms, firms_csv, NULL, store_result, &result);
  g_assert_true (zs_test_wait_until (has_result, &result));
  g_assert_cmpint (zs_firms_page_export_finish (firms, result, &error), ==, n);
  g_assert_no_error (error);
  firm_rows = read_rows (firms_csv);
  g_assert_cmpuint (firm_rows->len, ==, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZsFirm) firm = zs_test_get_loaded_item (zs_firms_page_get_model (firms), i);

      g_assert_cmpstr (((char **) g_ptr_array_index (firm_rows, i + 1))[0], ==, zs_firm_get_name (firm));
    }

  /* A file that cannot be written says why, and leaves nothing. */
  g_clear_object (&result);
  zs_firms_page_export_async (firms, "/nonexistent-dir/firms.csv", NULL, store_result, &result);
  g_assert_true (zs_test_wait_until (has_result, &result));
  g_assert_cmpint (zs_firms_page_export_finish (firms, result, &error), ==, -1);
  g_assert_nonnull (error);
  g_assert_false (g_file_test ("/nonexistent-dir/firms.csv", G_FILE_TEST_EXISTS));
}

/* Pages hold every row once, in order, under the header and above the
 * page number, and the drawing stays on the page. */
static void
check_pagination (ZsTablePrint *table,
                  const char   *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *png = g_strdup_printf ("%s-page-1.png", name);
  g_autofree char *png_path = zs_test_output_path (png);
  g_autofree char *pdf = g_strdup_printf ("%s.pdf", name);
  g_autofree char *pdf_path = zs_test_output_path (pdf);
  g_autoptr(GError) error = NULL;
  double width = 595 - 2 * 56.7, height = 842 - 2 * 56.7, total = 0;
  guint pages, next = 0;

  pages = zs_table_print_paginate (table, cr, width, height);
  g_assert_cmpuint (pages, >=, 1);
  for (guint page = 0; page < pages; page++)
    {
      g_autofree char *footer = zs_table_print_dup_footer (table, page);
      g_autofree char *expected = g_strdup_printf ("Page %u of %u", page + 1, pages);
      guint first, n;
      double bottom;

      zs_table_print_get_page_rows (table, page, &first, &n);
      g_assert_cmpuint (first, ==, next);
      g_assert_cmpuint (n, >, 0);
      next = first + n;
      g_assert_cmpstr (footer, ==, expected);
      cairo_save (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_translate (cr, 56.7, 56.7);
      bottom = zs_table_print_draw_page (table, cr, page);
      cairo_restore (cr);
      g_assert_cmpfloat (bottom, <=, height);
      /* a full page is not half empty */
      if (page + 1 < pages)
        g_assert_cmpfloat (bottom, >, height * 0.75);
      if (page == 0)
        g_assert_cmpint (cairo_surface_write_to_png (surface, png_path), ==, CAIRO_STATUS_SUCCESS);
    }
  g_assert_cmpuint (next, ==, zs_table_print_get_n_rows (table));
  for (guint c = 0; c < zs_table_print_get_n_columns (table); c++)
    {
      g_assert_cmpfloat (zs_table_print_get_column_width (table, c), >, 0);
      total += zs_table_print_get_column_width (table, c);
    }
  g_assert_cmpfloat (total, <=, width + 0.5);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (zs_table_print_write_pdf (table, pdf_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  ZsProjectsPage *projects = ZS_PROJECTS_PAGE (show_view (fixture, "projects"));
  ZsFirmsPage *firms;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsTablePrint) list = NULL;
  g_autoptr(ZsTablePrint) record = NULL;
  g_autoptr(ZsTablePrint) firm_list = NULL;
  g_autoptr(GPtrArray) fields = NULL;

  /* every project, on more than one page */
  zs_projects_page_print_list_async (projects, NULL, store_result, &result);
  g_assert_true (zs_test_wait_until (has_result, &result));
  list = zs_projects_page_print_list_finish (projects, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zs_table_print_get_n_rows (list), ==, n_items (zs_projects_page_get_model (projects)));
  check_pagination (list, "lists-print-projects");

  /* a record: its fields as the form shows them */
  g_assert_null (zs_projects_page_print_record (projects));
  select_first_project (projects);
  record = zs_projects_page_print_record (projects);
  g_assert_nonnull (record);
  fields = zs_record_form_dup_rows (zs_record_editor_get_form (zs_projects_page_get_editor (projects)));
  g_assert_cmpuint (zs_table_print_get_n_rows (record), ==, fields->len);
  g_assert_cmpuint (fields->len, >, 5);
  check_pagination (record, "lists-print-project-record");

  /* 200 firms: several full pages */
  firms = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  g_clear_object (&result);
  zs_firms_page_print_list_async (firms, NULL, store_result, &result);
  g_assert_true (zs_test_wait_until (has_result, &result));
  firm_list = zs_firms_page_print_list_finish (firms, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zs_table_print_get_n_rows (firm_list), ==, 200);
  check_pagination (firm_list, "lists-print-firms");
}

/* }}} */

/* Pipeline board {{{ */

/* At 1400 px the ten stages fit side by side, each saying how many
 * projects it holds and what they invest. Xvfb's screen is 1280 px wide
 * here, so the page is shown alone at the width it has in a 1400 px
 * window: less the sidebar and its separator. */
#define SIDEBAR_WIDTH 181

static void
test_board (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  ZsProjectsPage *page = ZS_PROJECTS_PAGE (zs_projects_page_new (fixture->store));
  ZsPipelineBoard *board = zs_projects_page_get_board (page);
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (board));
  GtkAdjustment *horizontal;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = zs_store_list_projects (fixture->store, 0, NULL, NULL, 0, 0, &error);
  gint64 counts[ZS_STAGE_LOST + 1] = { 0 };
  double planned[ZS_STAGE_LOST + 1] = { 0 }, realised[ZS_STAGE_LOST + 1] = { 0 };
  int window_width;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400 - SIDEBAR_WIDTH, 900);
  gtk_window_present (GTK_WINDOW (window));
  zs_test_wait_for_paint (window);
  window_width = gtk_widget_get_width (window);
  /* the window less its frame */
  g_assert_cmpint (window_width, >=, 1400 - SIDEBAR_WIDTH - 20);
  g_assert_cmpint (window_width, <=, 1400 - SIDEBAR_WIDTH);

  g_assert_no_error (error);
  for (guint i = 0; i < projects->len; i++)
    {
      ZsProject *project = g_ptr_array_index (projects, i);
      ZsStage stage = zs_project_get_stage (project);

      counts[stage]++;
      planned[stage] += zs_project_get_planned_investment (project);
      realised[stage] += zs_project_get_realised_investment (project);
    }

  zs_projects_page_set_layout (page, "board");
  g_assert_true (zs_test_wait_idle ((ZsTestBusyFunc) zs_pipeline_board_is_loading, board));
  zs_test_wait_for_paint (GTK_WIDGET (board));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  horizontal = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (horizontal), <=, gtk_adjustment_get_page_size (horizontal) + 0.5);

  for (ZsStage stage = ZS_STAGE_LEAD; stage <= ZS_STAGE_LOST; stage++)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, counts[stage]);
      g_autofree char *sum = g_strdup_printf ("%.0f", planned[stage]);
      const char *figures = zs_pipeline_board_get_figures_text (board, stage);
      double shown_realised;

      g_assert_cmpint (zs_pipeline_board_get_total (board, stage), ==, counts[stage]);
      g_assert_cmpfloat_with_epsilon (zs_pipeline_board_get_planned (board, stage, &shown_realised), planned[stage], 0.01);
      g_assert_cmpfloat_with_epsilon (shown_realised, realised[stage], 0.01);
      g_assert_nonnull (strstr (zs_pipeline_board_get_title_text (board, stage), count));
      g_assert_nonnull (strstr (figures, sum));
    }

  /* every column on screen: the last ends inside the window */
  {
    GtkWidget *row = gtk_widget_get_first_child (gtk_widget_get_first_child (scroller));
    GtkWidget *last = gtk_widget_get_last_child (row);
    graphene_rect_t bounds;

    g_assert_true (GTK_IS_BOX (row));
    g_assert_true (gtk_widget_compute_bounds (last, window, &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, window_width);
    g_assert_cmpfloat (bounds.size.width, >=, 100);
  }
  zs_test_render_to_png (window, "lists-board-1400.png");
  zs_test_destroy_window (window);
}

/* }}} */

/* Pickers {{{ */

static gboolean
editor_is_dirty (gpointer data)
{
  return zs_record_editor_is_dirty (data);
}

static const char *
drop_down_label (GtkWidget *input)
{
  GObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (input));

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

static guint
drop_down_find (GtkWidget  *input,
                const char *prefix)
{
  GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (input));

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) label = g_list_model_get_item (labels, i);

      if (g_str_has_prefix (gtk_string_object_get_string (label), prefix))
        return i;
    }
  g_error ("no choice starts with “%s”", prefix);
}

/* A project's firms, owner, clause and sectors are chosen, never typed as
 * ids or codes. */
static void
test_pickers (Fixture       *fixture,
              gconstpointer  data)
{
  ZsProjectsPage *page = ZS_PROJECTS_PAGE (show_view (fixture, "projects"));
  ZsRecordEditor *editor = zs_projects_page_get_editor (page);
  ZsRecordForm *form = zs_record_editor_get_form (editor);
  g_autoptr(ZsProject) first = zs_test_get_loaded_item (zs_projects_page_get_model (page), 0);
  g_autoptr(ZsFirm) firm = zs_store_get_firm (fixture->store, zs_project_get_firm_id (first), NULL);
  g_autoptr(ZsFirm) other = NULL;
  g_autoptr(ZsProject) saved = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) firms = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *picker, *owner, *clause, *chooser, *list, *entry;
  GtkListBoxRow *row;
  g_autofree char *sectors_text = NULL;
  const char *sector_name;
  int chosen_row = -1;

  select_first_project (page);
  g_assert_cmpint (zs_record_editor_get_record_id (editor), ==, zs_project_get_id (first));

  /* No field asks for an id or a clause number. */
  rows = zs_record_form_dup_rows (form);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *label = ((char **) g_ptr_array_index (rows, i))[0];

      g_assert_null (strstr (label, "(id"));
      g_assert_null (strstr (label, "0 for none"));
      g_assert_null (strstr (label, "1–22"));
    }

  picker = zs_record_form_get_input (form, "firm-id");
  g_assert_true (ZS_IS_FIRM_PICKER (picker));
  g_assert_cmpint (zs_firm_picker_get_firm_id (ZS_FIRM_PICKER (picker)), ==, zs_firm_get_id (firm));
  g_assert_cmpstr (zs_firm_picker_get_firm_name (ZS_FIRM_PICKER (picker)), ==, zs_firm_get_name (firm));
  g_assert_true (ZS_IS_FIRM_PICKER (zs_record_form_get_input (form, "referrer-firm-id")));
  owner = zs_record_form_get_input (form, "owner");
  g_assert_true (GTK_IS_DROP_DOWN (owner));
  g_assert_cmpstr (drop_down_label (owner), ==, zs_project_get_owner (first));
  clause = zs_record_form_get_input (form, "clause");
  g_assert_true (GTK_IS_DROP_DOWN (clause));

  /* Another firm, clause 7 and one more sector, chosen and saved. */
  firms = zs_store_list_firms (fixture->store, NULL, NULL, 5, 1, &error);
  g_assert_no_error (error);
  other = g_object_ref (g_ptr_array_index (firms, 0));
  g_assert_cmpint (zs_firm_get_id (other), !=, zs_firm_get_id (firm));
  zs_firm_picker_set_firm (ZS_FIRM_PICKER (picker), zs_firm_get_id (other), zs_firm_get_name (other));
  g_assert_true (zs_test_wait_until (editor_is_dirty, editor));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (clause), drop_down_find (clause, "Clause 7:"));

  entry = zs_record_form_get_input (form, "sectors");
  chooser = zs_test_find_widget (gtk_widget_get_parent (entry), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (chooser);
  gtk_menu_button_popup (GTK_MENU_BUTTON (chooser));
  list = zs_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (chooser))), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  /* the first sector not yet checked; its clause heads its group */
  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (gtk_list_box_row_get_child (row))))
      {
        chosen_row = i;
        break;
      }
  g_assert_cmpint (chosen_row, >=, 0);
  g_assert_true (GTK_IS_LABEL (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0))));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_header (
                   gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)))), "Clause "));
  sector_name = gtk_check_button_get_label (GTK_CHECK_BUTTON (gtk_list_box_row_get_child (row)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_list_box_row_get_child (row)), TRUE);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (chooser));
  sectors_text = zs_record_form_get_text (form, "sectors");
  g_test_message ("sectors: %s; checked %s", sectors_text, sector_name);
  {
    /* by name, or by code where two sectors share the name */
    g_auto(GStrv) items = g_regex_split_simple ("[,，、]\\s*", sectors_text, 0, 0);

    g_assert_cmpuint (g_strv_length (items), ==, g_strv_length ((char **) zs_project_get_sectors (first)) + 1);
  }

  g_assert_true (zs_record_editor_save (editor));
  saved = zs_store_get_project (fixture->store, zs_project_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpint (zs_project_get_firm_id (saved), ==, zs_firm_get_id (other));
  g_assert_cmpint (zs_project_get_clause (saved), ==, 7);
  g_assert_cmpstr (zs_project_get_owner (saved), ==, zs_project_get_owner (first));
  g_assert_cmpuint (g_strv_length ((char **) zs_project_get_sectors (saved)), ==,
                    g_strv_length ((char **) zs_project_get_sectors (first)) + 1);
}

/* }}} */

/* History {{{ */

static gboolean
history_grew (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (zs_history_list_get_changes (args[0])) > GPOINTER_TO_UINT (args[1]);
}

/* The history names fields as the form does, stages by name, and gives the
 * reason a project was moved. */
static void
test_history_reads (Fixture       *fixture,
                    gconstpointer  data)
{
  ZsProjectsPage *page = ZS_PROJECTS_PAGE (show_view (fixture, "projects"));
  ZsRecordEditor *editor = zs_projects_page_get_editor (page);
  ZsHistoryList *history = zs_record_editor_get_history (editor);
  g_autoptr(ZsProject) first = zs_test_get_loaded_item (zs_projects_page_get_model (page), 0);
  ZsStage to = zs_project_get_stage (first) == ZS_STAGE_DORMANT ? ZS_STAGE_LEAD : ZS_STAGE_DORMANT;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *expected_stage = NULL;
  guint before;

  select_first_project (page);
  zs_record_form_set_text (zs_record_editor_get_form (editor), "planned-jobs", "4321");
  g_assert_true (zs_record_editor_save (editor));
  zs_test_run_for (100);
  before = g_list_model_get_n_items (zs_history_list_get_changes (history));
  g_assert_true (zs_store_move_project (fixture->store, zs_project_get_id (first), to,
                                        "投资方资金暂未到位", &error));
  g_assert_no_error (error);
  g_assert_true (zs_test_wait_until (history_grew, (gpointer[]) { history, GUINT_TO_POINTER (before) }));

  /* newest first: the move, then the edit */
  moved = zs_history_list_dup_title (history, 0);
  edited = zs_history_list_dup_title (history, 1);
  g_test_message ("%s / %s", moved, edited);
  expected_stage = g_strdup_printf ("“%s”", zs_stage_get_label (to));
  g_assert_nonnull (strstr (moved, "Stage"));
  g_assert_nonnull (strstr (moved, expected_stage));
  g_assert_nonnull (strstr (moved, "投资方资金暂未到位"));
  g_assert_null (strstr (moved, zs_enum_to_nick (ZS_TYPE_STAGE, to)));
  g_assert_true (g_str_has_prefix (edited, "Planned jobs"));
  g_assert_null (strstr (edited, "planned_jobs"));
}

/* }}} */

/* The firm as a hub {{{ */

static gboolean
hub_has (gpointer data)
{
  gpointer *args = data;
  guint (*count) (ZsFirmHub *) = args[1];

  return count (args[0]) == GPOINTER_TO_UINT (args[2]);
}

static guint
count_activities (ZsStore *store,
                  gint64   firm_id)
{
  g_autoptr(GPtrArray) activities = zs_store_list_activities (store, firm_id, NULL, 0, 0, NULL);

  return activities->len;
}

/* A firm's page holds its contacts (added, edited, a phone copied), its
 * projects, and its activities, where a call is logged in two clicks. */
static void
test_firm_hub (Fixture       *fixture,
               gconstpointer  data)
{
  ZsFirmsPage *page = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  ZsRecordEditor *editor = zs_firms_page_get_editor (page);
  ZsFirmHub *hub = zs_record_editor_get_hub (editor);
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  GdkContentProvider *content;
  g_auto(GValue) copied = G_VALUE_INIT;
  AdwMessageDialog *dialog;
  ZsActivity *logged;
  gint64 firm_id = 0;
  guint n_activities;

  g_assert_nonnull (hub);
  for (gint64 id = 1; id <= 200 && firm_id == 0; id++)
    {
      g_autoptr(GPtrArray) found = zs_store_list_contacts (fixture->store, id, NULL);

      if (found != NULL && found->len > 1)
        firm_id = id;
    }
  g_assert_cmpint (firm_id, >, 0);
  contacts = zs_store_list_contacts (fixture->store, firm_id, &error);
  projects = zs_store_list_projects (fixture->store, firm_id, NULL, NULL, 0, 0, &error);
  g_assert_no_error (error);

  zs_firms_page_open_firm (page, firm_id);
  zs_record_editor_show_hub (editor);
  zs_test_wait_for_paint (GTK_WIDGET (hub));
  g_assert_true (zs_test_wait_idle ((ZsTestBusyFunc) zs_firm_hub_is_loading, hub));
  g_assert_cmpint (zs_firm_hub_get_firm (hub), ==, firm_id);
  /* the firm's country is shown by its name, in the language of the UI */
  {
    GtkWidget *country = zs_record_form_get_input (zs_record_editor_get_form (editor), "country");
    g_autoptr(ZsFirm) shown = zs_store_get_firm (fixture->store, firm_id, &error);
    const char *code = zs_firm_get_country (shown);

    g_assert_no_error (error);
    g_assert_true (GTK_IS_DROP_DOWN (country));
    if (code != NULL && code[0] != '\0')
      {
        g_assert_nonnull (strstr (drop_down_label (country), code));
        g_assert_cmpuint (strlen (drop_down_label (country)), >, strlen (code) + 2);
      }
  }
  g_assert_cmpuint (zs_firm_hub_get_n_contacts (hub), ==, contacts->len);
  g_assert_cmpuint (zs_firm_hub_get_n_projects (hub), ==, projects->len);
  n_activities = count_activities (fixture->store, firm_id);
  g_assert_cmpuint (zs_firm_hub_get_n_activities (hub), ==, MIN (n_activities, 50));
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "lists-firm-hub.png");

  /* the first contact's phone, on the clipboard */
  zs_firm_hub_copy_phone (hub, 0);
  content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (hub)));
  g_assert_nonnull (content);
  g_value_init (&copied, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &copied, NULL));
  g_assert_cmpstr (g_value_get_string (&copied), ==, zs_contact_get_phone (g_ptr_array_index (contacts, 0)));

  /* a call, logged from the Log menu: dated today, by whoever runs the app */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hub), "hub.log", "s", "call"));
  g_assert_cmpuint (count_activities (fixture->store, firm_id), ==, n_activities + 1);
  activities = zs_store_list_activities (fixture->store, firm_id, NULL, 0, 0, &error);
  g_assert_no_error (error);
  logged = NULL;
  for (guint i = 0; i < activities->len; i++)
    if (zs_activity_get_kind (g_ptr_array_index (activities, i)) == ZS_ACTIVITY_KIND_CALL &&
        (logged == NULL || zs_activity_get_id (g_ptr_array_index (activities, i)) > zs_activity_get_id (logged)))
      logged = g_ptr_array_index (activities, i);
  g_assert_nonnull (logged);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_cmpstr (zs_activity_get_date (logged), ==, today);
  }
  g_assert_true (zs_test_wait_until (hub_has, (gpointer[]) { hub, zs_firm_hub_get_n_activities,
                                                             GUINT_TO_POINTER (MIN (n_activities + 1, 50)) }));

  /* a new contact, through its dialog */
  dialog = zs_firm_hub_edit_contact (hub, 0);
  gtk_editable_set_text (zs_firm_hub_get_contact_entry (dialog, "name"), "阿不都热依木");
  gtk_editable_set_text (zs_firm_hub_get_contact_entry (dialog, "phone"), "13899912345");
  adw_message_dialog_response (dialog, "save");
  zs_test_drain_main_context ();
  g_assert_true (zs_test_wait_until (hub_has, (gpointer[]) { hub, zs_firm_hub_get_n_contacts,
                                                             GUINT_TO_POINTER (contacts->len + 1) }));
  g_clear_pointer (&contacts, g_ptr_array_unref);
  contacts = zs_store_list_contacts (fixture->store, firm_id, &error);
  g_assert_no_error (error);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < contacts->len; i++)
      found = found || (g_strcmp0 (zs_contact_get_name (g_ptr_array_index (contacts, i)), "阿不都热依木") == 0 &&
                        g_strcmp0 (zs_contact_get_phone (g_ptr_array_index (contacts, i)), "13899912345") == 0);
    g_assert_true (found);
  }

  /* an edit: the first contact's title */
  dialog = zs_firm_hub_edit_contact (hub, zs_contact_get_id (g_ptr_array_index (contacts, 0)));
  g_assert_cmpstr (gtk_editable_get_text (zs_firm_hub_get_contact_entry (dialog, "name")), ==,
                   zs_contact_get_name (g_ptr_array_index (contacts, 0)));
  gtk_editable_set_text (zs_firm_hub_get_contact_entry (dialog, "title"), "招商专员");
  adw_message_dialog_response (dialog, "save");
  zs_test_drain_main_context ();
  {
    g_autoptr(ZsContact) edited = zs_store_get_contact (fixture->store,
                                                        zs_contact_get_id (g_ptr_array_index (contacts, 0)), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (zs_contact_get_title (edited), ==, "招商专员");
  }
}

/* }}} */

/* Projects report {{{ */

static ZsTablePrint *
write_report (ZsReportDialog *dialog,
              const char     *path,
              GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  zs_report_dialog_write_async (dialog, path, NULL, store_result, &result);
  g_assert_true (zs_test_wait_until (has_result, &result));
  return zs_report_dialog_write_finish (dialog, result, error);
}

/* The report covers the period, park and sector chosen: a table of those
 * projects with their totals, page numbers on every page; a period that
 * is not a date is refused by name and writes nothing. */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  ZsReportDialog *dialog = ZS_REPORT_DIALOG (zs_window_open_project_report (fixture->window));
  g_autofree char *all_path = zs_test_output_path ("lists-report-all.pdf");
  g_autofree char *park_path = zs_test_output_path ("lists-report-park.pdf");
  g_autofree char *bad_path = zs_test_output_path ("lists-report-bad.pdf");
  g_autoptr(GPtrArray) projects = zs_store_list_projects (fixture->store, 0, NULL, NULL, 0, 0, NULL);
  const char *park = zs_project_get_park_code (g_ptr_array_index (projects, 0));
  g_autoptr(ZsTablePrint) all = NULL;
  g_autoptr(ZsTablePrint) in_park = NULL;
  g_autoptr(ZsTablePrint) refused = NULL;
  g_autoptr(GError) error = NULL;
  guint n_park = 0;

  g_assert_nonnull (dialog);
  for (guint i = 0; i < projects->len; i++)
    n_park += g_strcmp0 (zs_project_get_park_code (g_ptr_array_index (projects, i)), park) == 0;

  zs_report_dialog_set_period (dialog, "2000-01-01", "2999-12-31");
  all = write_report (dialog, all_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zs_table_print_get_n_rows (all), ==, projects->len);
  g_assert_true (g_file_test (all_path, G_FILE_TEST_IS_REGULAR));
  check_pagination (all, "lists-report-all");

  zs_report_dialog_set_park (dialog, park);
  in_park = write_report (dialog, park_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zs_table_print_get_n_rows (in_park), ==, n_park);
  g_assert_cmpuint (n_park, <, projects->len);

  /* a period before any project was added: an empty table, still a page */
  zs_report_dialog_set_period (dialog, "2000-01-01", "2000-12-31");
  g_clear_object (&in_park);
  in_park = write_report (dialog, park_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zs_table_print_get_n_rows (in_park), ==, 0);

  zs_report_dialog_set_period (dialog, "2026-02-30", NULL);
  refused = write_report (dialog, bad_path, &error);
  g_assert_null (refused);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  zs_test_destroy_window (dialog);
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

  g_test_add ("/gtk/lists/project-columns", Fixture, GINT_TO_POINTER (1200), fixture_set_up,
              test_project_columns, fixture_tear_down);
  g_test_add ("/gtk/lists/project-filters", Fixture, NULL, fixture_set_up, test_project_filters, fixture_tear_down);
  g_test_add ("/gtk/lists/project-sort", Fixture, NULL, fixture_set_up, test_project_sort, fixture_tear_down);

  g_test_add ("/gtk/lists/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/gtk/lists/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);

  g_test_add ("/gtk/lists/board", Fixture, NULL, fixture_set_up, test_board, fixture_tear_down);

  g_test_add ("/gtk/lists/pickers", Fixture, NULL, fixture_set_up, test_pickers, fixture_tear_down);

  g_test_add ("/gtk/lists/history", Fixture, NULL, fixture_set_up, test_history_reads, fixture_tear_down);

  g_test_add ("/gtk/lists/firm-hub", Fixture, NULL, fixture_set_up, test_firm_hub, fixture_tear_down);

  g_test_add ("/gtk/lists/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
