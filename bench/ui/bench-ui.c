/* bench-ui.c: how fast the GTK application shows a large database
 *
 * Opens a database the way `zhaoshang --db PATH` does and measures the time
 * from the start of the process to the first frame painted, and the
 * resident memory (VmRSS) then. Targets (from the product issue): at most
 * 1 s and 200 MB on a database of a million firms. Then, for information:
 * the firm list shown, a search typed, and the last page of the list read.
 *
 * The lists read the store off the main thread, so for the jump to the last
 * page and for a sector filter two figures are given: the time the main
 * thread spent (target ≤ 50 ms each) and the time until the rows were there.
 * Then the CPU the process uses in 10 s of doing nothing (target ≈ 0).
 *
 * The database is opened once before the clock starts, so that a schema
 * migration of an old benchmark database is not counted as launch time.
 * Run under a display, e.g.:
 *   xvfb-run -a _build/bench/ui/bench-ui [--db PATH]
 * The default database is the one bench-search builds (search-1m.db).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "zs-application.h"
#include "zs-bench-util.h"
#include "zs-firms-page.h"
#include "zs-window.h"

#define TARGET_FIRST_FRAME_MS 1000.0
#define TARGET_RSS_MB 200.0
#define TARGET_MAIN_THREAD_MS 50.0
#define TARGET_IDLE_CPU_MS 50.0
#define IDLE_S 10
#define TIMEOUT_S 300

#ifndef BENCH_BUILD_DIR
# define BENCH_BUILD_DIR "_build/bench"
#endif

static double main_started;
static char *search_text;

/* How long the process ran before main(): loading GTK and the libraries. */
static double
ms_before_main (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  g_auto(GStrv) fields = NULL;
  const char *end;
  double start_s, now_s;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL) ||
      (end = strrchr (stat, ')')) == NULL)
    return 0;
  /* Fields after the command name; starttime is field 22 of the line. */
  fields = g_strsplit (end + 2, " ", -1);
  if (g_strv_length (fields) < 20)
    return 0;
  start_s = g_ascii_strtod (fields[19], NULL) / sysconf (_SC_CLK_TCK);
  now_s = g_ascii_strtod (uptime, NULL);
  return MAX (now_s - start_s, 0) * 1000;
}

static double
rss_mb (void)
{
  return MAX (zs_bench_rss_kib (), 0) / 1024.0;
}

static double
elapsed_ms (double since)
{
  return (zs_bench_now_s () - since) * 1000;
}

static gboolean
timed_out (gpointer data)
{
  g_printerr ("bench-ui: nothing was painted within %d s\n", TIMEOUT_S);
  exit (1);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until @widget's window paints a frame. */
static void
wait_for_frame (GtkWidget *widget)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static void
report (const char *what,
        double      value,
        const char *unit,
        double      target)
{
  if (target > 0)
    g_print ("%-56s %9.1f %s   target ≤ %.0f %s   %s\n", what, value, unit, target, unit,
             value <= target ? "PASS" : "MISS");
  else
    g_print ("%-56s %9.1f %s\n", what, value, unit);
}

/* CPU time of the process, user and system, in ms. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

/* Runs the main loop until @position of @model has been read; returns the
 * longest single main-loop iteration meanwhile, in ms. */
static double
wait_for_row (ZsPagedModel *model,
              guint         position)
{
  double longest = 0;

  while (zs_paged_model_is_loading (model) || !zs_paged_model_is_loaded (model, position))
    {
      double start = zs_bench_now_s ();
      g_autoptr(GObject) item = NULL;

      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, elapsed_ms (start));
      if (!zs_paged_model_is_loading (model) && position < g_list_model_get_n_items (G_LIST_MODEL (model)))
        item = g_list_model_get_item (G_LIST_MODEL (model), position);
      if (zs_paged_model_get_error (model) != NULL)
        break;
    }
  return longest;
}

static gboolean
idle_over (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
open_once (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = zs_store_create (path, &error);
  gint64 firms;

  if (store == NULL)
    {
      g_printerr ("bench-ui: cannot open %s: %s\n", path, error->message);
      return FALSE;
    }
  firms = zs_store_count_firms (store, NULL, NULL, NULL);
  g_print ("database: %s (%" G_GINT64_FORMAT " firms)\n", path, firms);
  return TRUE;
}

/* Jumps to @position as a scroll would: the main thread asks, the worker
 * reads. */
static void
measure_jump (GListModel *firms,
              guint       position,
              const char *what)
{
  g_autofree char *call = g_strdup_printf ("%s: main thread, call", what);
  g_autofree char *turn = g_strdup_printf ("%s: longest main-loop turn", what);
  g_autofree char *shown = g_strdup_printf ("%s: until its rows are there", what);
  g_autoptr(GObject) item = NULL;
  double start = zs_bench_now_s ();
  double main_ms, longest;

  item = g_list_model_get_item (firms, position);
  main_ms = elapsed_ms (start);
  longest = wait_for_row (ZS_PAGED_MODEL (firms), position);
  report (call, main_ms, "ms", TARGET_MAIN_THREAD_MS);
  report (turn, longest, "ms", TARGET_MAIN_THREAD_MS);
  report (shown, elapsed_ms (start), "ms", 0);
}

static void
measure_list (ZsWindow *window)
{
  ZsFirmsPage *page = ZS_FIRMS_PAGE (zs_window_get_view (window, "firms"));
  GListModel *firms = G_LIST_MODEL (zs_firms_page_get_model (page));
  guint n = g_list_model_get_n_items (firms);
  g_autoptr(GObject) last = NULL;
  g_autoptr(GObject) middle = NULL;
  guint fetches;
  double start = zs_bench_now_s ();

  zs_window_set_view_name (window, "firms");
  wait_for_frame (GTK_WIDGET (window));
  report ("firm list shown", elapsed_ms (start), "ms", 0);

  wait_for_row (ZS_PAGED_MODEL (firms), 0);
  start = zs_bench_now_s ();
  gtk_editable_set_text (zs_firms_page_get_search_entry (page), search_text);
  zs_firm_list_model_set_search (ZS_FIRM_LIST_MODEL (firms), search_text);
  wait_for_row (ZS_PAGED_MODEL (firms), 0);
  wait_for_frame (GTK_WIDGET (window));
  report ("search typed, results shown", elapsed_ms (start), "ms", 0);
  g_print ("  firms matching “%s”: %u\n", search_text, g_list_model_get_n_items (firms));

  start = zs_bench_now_s ();
  fetches = zs_paged_model_get_n_fetches (ZS_PAGED_MODEL (firms));
  gtk_editable_set_text (zs_firms_page_get_search_entry (page), "");
  zs_firm_list_model_set_search (ZS_FIRM_LIST_MODEL (firms), NULL);
  wait_for_row (ZS_PAGED_MODEL (firms), 0);
  wait_for_frame (GTK_WIDGET (window));
  report ("search cleared, every firm listed again", elapsed_ms (start), "ms", 0);
  g_print ("  pages read from the store for it: %u\n", zs_paged_model_get_n_fetches (ZS_PAGED_MODEL (firms)) - fetches);
  n = g_list_model_get_n_items (firms);
  measure_jump (firms, n / 2, "a page in the middle of the list");
  measure_jump (firms, n > 0 ? n - 1 : 0, "the last page of the list");
  middle = n > 0 ? g_list_model_get_item (firms, n / 2) : NULL;
  last = n > 0 ? g_list_model_get_item (firms, n - 1) : NULL;
  if (n > 0 && (!zs_paged_model_is_loaded (ZS_PAGED_MODEL (firms), n - 1) ||
                !zs_paged_model_is_loaded (ZS_PAGED_MODEL (firms), n / 2)))
    g_print ("  (some of those rows could not be read: %s; %u rows listed)\n",
             zs_paged_model_get_error (ZS_PAGED_MODEL (firms)) ? zs_paged_model_get_error (ZS_PAGED_MODEL (firms))->message
                                                              : "no error",
             g_list_model_get_n_items (firms));

  /* A sector filter: the main thread only asks; the count and the first
   * page come from the worker. */
  {
    double main_ms, longest, cpu_start;
    const char *sector = "c05-naan-food";
    gboolean over = FALSE;

    start = zs_bench_now_s ();
    zs_firms_page_set_sector (page, sector);
    main_ms = elapsed_ms (start);
    longest = wait_for_row (ZS_PAGED_MODEL (firms), 0);
    report ("sector filter: main thread, call", main_ms, "ms", TARGET_MAIN_THREAD_MS);
    report ("sector filter: longest main-loop turn", longest, "ms", TARGET_MAIN_THREAD_MS);
    report ("sector filter: until its rows are there", elapsed_ms (start), "ms", 0);
    g_print ("  firms in %s: %u\n", sector, g_list_model_get_n_items (firms));
    zs_firms_page_set_sector (page, NULL);
    wait_for_row (ZS_PAGED_MODEL (firms), 0);
    wait_for_frame (GTK_WIDGET (window));

    /* Idle: nothing should run. */
    cpu_start = cpu_ms ();
    start = zs_bench_now_s ();
    g_timeout_add_seconds (IDLE_S, idle_over, &over);
    while (!over)
      g_main_context_iteration (NULL, TRUE);
    report ("CPU used while idle for 10 s", cpu_ms () - cpu_start, "ms", TARGET_IDLE_CPU_MS);
    g_print ("  that is %.2f %% of one core\n", (cpu_ms () - cpu_start) / (elapsed_ms (start)) * 100);
  }
  report ("resident memory at the end", rss_mb (), "MB", 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db = NULL;
  gboolean only_first_frame = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database (default: the 1M-firm search benchmark's)", "PATH" },
    { "first-frame-only", 0, 0, G_OPTION_ARG_NONE, &only_first_frame, "Stop after the first frame", NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search_text, "What to search for (default: 馕)", "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time to first frame of the GTK application");
  g_autoptr(ZsApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  double before_main, first_frame_ms, memory;
  GtkWindow *window;

  main_started = zs_bench_now_s ();
  before_main = ms_before_main ();
  setlocale (LC_ALL, "");
  setvbuf (stdout, NULL, _IOLBF, 0);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-ui: %s\n", error->message);
      return 2;
    }
  if (search_text == NULL)
    search_text = g_strdup ("馕");
  if (db == NULL)
    db = g_build_filename (BENCH_BUILD_DIR, "search-1m.db", NULL);
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_printerr ("bench-ui: %s does not exist; build it with “bench-search --firms 1000000” first\n", db);
      return 2;
    }
  if (!open_once (db))
    return 1;
  if (g_getenv ("BENCH_UI_VERBOSE"))
    report ("  memory after a first open", rss_mb (), "MB", 0);

  main_started = zs_bench_now_s ();
  app = g_object_new (ZS_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID ".Bench",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      NULL);
  g_timeout_add_seconds (TIMEOUT_S, timed_out, NULL);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("bench-ui: %s\n", error->message);
      return 1;
    }
  if (g_getenv ("BENCH_UI_VERBOSE"))
    report ("  memory with GTK started", rss_mb (), "MB", 0);
  window = zs_application_open_database (app, db);
  if (g_getenv ("BENCH_UI_VERBOSE"))
    report ("  memory with the window built", rss_mb (), "MB", 0);
  wait_for_frame (GTK_WIDGET (window));
  first_frame_ms = elapsed_ms (main_started) + before_main;
  memory = rss_mb ();

  g_print ("renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  g_print ("%-56s %9.1f ms\n", "process start to main()", before_main);
  report ("launch to first frame (dashboard)", first_frame_ms, "ms", TARGET_FIRST_FRAME_MS);
  report ("resident memory after first frame", memory, "MB", TARGET_RSS_MB);
  if (!only_first_frame && ZS_IS_WINDOW (window) && zs_window_get_store (ZS_WINDOW (window)) != NULL)
    measure_list (ZS_WINDOW (window));

  gtk_window_destroy (window);
  return 0;
}
