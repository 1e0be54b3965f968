/* store-concurrency.c: writers side by side, and a writer beside an import
 *
 * Usage:
 *   _build/bench/store-concurrency/bench-store-concurrency [--rows N] [--seconds S]
 *       [--interval MS] [--dir DIR] [--no-import]
 *   meson test -C _build --benchmark store-concurrency
 *
 * 1. Writers side by side: 1, 2, then 4 processes edit the same firm for S
 *    seconds each (default 5), every process its own field (address,
 *    notes, website, other name), as fast as they can:
 *    a. each edit a `zhaoshang-cli firms edit` process, as batch users
 *       script it;
 *    b. each edit a zs_store_get_firm () and zs_store_update_firm () in a
 *       loop through the library, one store a process: the store's write
 *       path without the start of a process.
 *    Prints the edits a second, and each figure's ratio to the one-writer
 *    figure of the same kind measured in the same run. SQLite lets one
 *    writer in at a time, so more writers cannot write faster than one: a
 *    ratio near 1 (above 1 when the start of processes overlaps) means
 *    that waiting for the lock costs nothing; well below 1, that writers
 *    spin or fail. Also checks that each field holds the last value its
 *    writer saved (an edit writes only the fields it is given).
 * 2. A writer beside an import: generates (once; the file is reused) a CSV
 *    of N firms (default 1 000 000), times single `zhaoshang-cli firms
 *    edit` processes, one every MS milliseconds (default 50), on the idle
 *    database (the reference), then the same while `zhaoshang-cli import
 *    firms` writes the file into that database. Prints the p50, p99 and
 *    worst wait of an edit saved during the import (a failed edit is
 *    counted, not timed), against the reference and against the target
 *    p99 ≤ 1 s, and checks the import's counts. The import is also timed
 *    alone, first, so that what the writer costs it shows as a ratio.
 * 3. Counts the failed writes of the whole run (target 0), and how many
 *    of them failed on the lock (“database is locked” or “busy”).
 *
 * Times are wall-clock: waiting is what is measured. The machines it runs
 * on are shared, so the reference figures are measured in the same run.
 * The program prints PASS or MISS for each target and exits 0 once it has
 * measured: it is a benchmark, not a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "zhaoshang.h"
#include "zs-bench-util.h"

#define GENERATOR_VERSION 1
#define DEFAULT_SEED      20250901
#define TARGET_P99_S      1.0
#define IDLE_SAMPLES      40
#define MAX_WRITERS       4

#ifndef BENCH_BUILD_DIR
# define BENCH_BUILD_DIR "_build/bench/store-concurrency"
#endif
#ifndef BENCH_CLI
# define BENCH_CLI "zhaoshang-cli"
#endif

/* What each writer edits of the shared firm. */
typedef struct {
  const char *option;                 /* of `firms edit` */
  const char *field;                  /* as `firms show --json` names it */
  void      (*set) (ZsFirm *, const char *);
  const char *(*get) (ZsFirm *);
} WriterField;

static const WriterField writer_fields[MAX_WRITERS] = {
  { "--address", "address", zs_firm_set_address, zs_firm_get_address },
  { "--notes", "notes", zs_firm_set_notes, zs_firm_get_notes },
  { "--website", "website", zs_firm_set_website, zs_firm_get_website },
  { "--name-other", "name_other", zs_firm_set_name_other, zs_firm_get_name_other },
};

typedef enum {
  MODE_CLI,
  MODE_LIBRARY,
} WriterMode;

static const char *
verdict (gboolean pass)
{
  return pass ? "PASS" : "MISS";
}

/* The value writer @writer saves in its edit number @i: distinct for each. */
static char *
edit_value (int     writer,
            guint64 i)
{
  if (writer == 2)
    return g_strdup_printf ("https://example.com/w%d/%" G_GUINT64_FORMAT, writer, i);
  return g_strdup_printf ("霍尔果斯市亚欧路%d-%" G_GUINT64_FORMAT "号", writer, i);
}

/* Whether a failure's message is about the lock. */
static gboolean
mentions_lock (const char *message)
{
  g_autofree char *lower = g_ascii_strdown (message != NULL ? message : "", -1);

  return strstr (lower, "locked") != NULL || strstr (lower, "busy") != NULL;
}

/* ------------------------------------------------------------------------ */
/* One edit                                                                  */

typedef struct {
  gboolean ok;
  double   wall_s;
  char    *error;   /* stderr of a failed edit */
} Edit;

/* Runs `zhaoshang-cli firms edit` once and times it, start of the process
 * included. */
static Edit
cli_edit (const char *db,
          const char *actor,
          gint64      firm_id,
          const char *option,
          const char *value)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, firm_id);
  const char *argv[] = { BENCH_CLI, "--db", db, "--as", actor, "firms", "edit", id,
                         option, value, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  Edit edit = { FALSE, 0, NULL };
  double start = zs_bench_now_s ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, &errors, &status, &error))
    {
      edit.wall_s = zs_bench_now_s () - start;
      edit.error = g_strdup (error->message);
      return edit;
    }
  edit.wall_s = zs_bench_now_s () - start;
  edit.ok = g_spawn_check_wait_status (status, NULL);
  if (!edit.ok)
    edit.error = g_strdup (errors != NULL && errors[0] != '\0' ? g_strchomp (errors) : "no message");
  return edit;
}

/* ------------------------------------------------------------------------ */
/* Writers side by side                                                      */

/* What a writer process reports to the parent through its pipe. */
typedef struct {
  guint64 ok;
  guint64 failed;
  guint64 locked;        /* failures on the lock */
  gint64  last_ok;       /* number of the last edit saved, -1 if none */
  double  last_end_s;    /* when its last edit ended */
  char    first_error[200];
} WriterReport;

static void
report_failure (WriterReport *report,
                const char   *message)
{
  report->failed++;
  if (mentions_lock (message))
    report->locked++;
  if (report->first_error[0] == '\0')
    g_strlcpy (report->first_error, message != NULL ? message : "?", sizeof report->first_error);
}

static void
wait_until (double when_s)
{
  double now;

  while ((now = zs_bench_now_s ()) < when_s)
    g_usleep ((gulong) ((when_s - now) * 1e6));
}

static void
cli_writer (const char   *db,
            gint64        firm_id,
            int           writer,
            double        start_s,
            double        end_s,
            WriterReport *report)
{
  g_autofree char *actor = g_strdup_printf ("bench-writer-%d", writer);

  wait_until (start_s);
  for (guint64 i = 0; zs_bench_now_s () < end_s; i++)
    {
      g_autofree char *value = edit_value (writer, i);
      Edit edit = cli_edit (db, actor, firm_id, writer_fields[writer].option, value);

      if (edit.ok)
        {
          report->ok++;
          report->last_ok = (gint64) i;
        }
      else
        report_failure (report, edit.error);
      g_free (edit.error);
    }
  report->last_end_s = zs_bench_now_s ();
}

static void
library_writer (const char   *db,
                gint64        firm_id,
                int           writer,
                double        start_s,
                double        end_s,
                WriterReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = zs_store_new (db, &error);
  g_autofree char *actor = g_strdup_printf ("bench-writer-%d", writer);

  if (store == NULL)
    {
      report_failure (report, error->message);
      report->last_end_s = zs_bench_now_s ();
      return;
    }
  zs_store_set_actor (store, actor);
  wait_until (start_s);
  for (guint64 i = 0; zs_bench_now_s () < end_s; i++)
    {
      g_autofree char *value = edit_value (writer, i);
      g_autoptr(ZsFirm) firm = zs_store_get_firm (store, firm_id, &error);

      if (firm != NULL)
        {
          writer_fields[writer].set (firm, value);
          if (zs_store_update_firm (store, firm, &error))
            {
              report->ok++;
              report->last_ok = (gint64) i;
              continue;
            }
        }
      report_failure (report, error->message);
      g_clear_error (&error);
    }
  report->last_end_s = zs_bench_now_s ();
}

typedef struct {
  guint   writers;
  guint64 ok;
  guint64 failed;
  guint64 locked;
  double  edits_per_s;
  guint   fields_kept;   /* writers whose field holds their last saved value */
  guint   starved;       /* writers that saved nothing */
  char    first_error[200];
} Phase;

/* Whether each writer's field of the firm holds the last value it saved. */
static guint
count_fields_kept (const char         *db,
                   gint64              firm_id,
                   const WriterReport *reports,
                   guint               writers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = zs_store_new (db, &error);
  g_autoptr(ZsFirm) firm = store ? zs_store_get_firm (store, firm_id, &error) : NULL;
  guint kept = 0;

  if (firm == NULL)
    {
      g_printerr ("bench-store-concurrency: could not read the firm back: %s\n", error->message);
      return 0;
    }
  for (guint w = 0; w < writers; w++)
    {
      g_autofree char *expected = reports[w].last_ok < 0 ? NULL :
                                  edit_value ((int) w, (guint64) reports[w].last_ok);

      kept += expected != NULL && g_strcmp0 (writer_fields[w].get (firm), expected) == 0;
    }
  return kept;
}

/* Forks @writers processes that edit the firm for @seconds; their counts
 * come back through a pipe each. */
static gboolean
run_writers (const char  *db,
             gint64       firm_id,
             guint        writers,
             WriterMode   mode,
             double       seconds,
             Phase       *phase,
             GError     **error)
{
  WriterReport reports[MAX_WRITERS] = { 0 };
  pid_t pids[MAX_WRITERS];
  int pipes[MAX_WRITERS];
  /* Every writer starts at the same moment, once all are forked. */
  double start_s = zs_bench_now_s () + 0.3;
  double end_s = start_s + seconds;
  double last_end_s = start_s;

  memset (phase, 0, sizeof *phase);
  phase->writers = writers;
  fflush (stdout);
  fflush (stderr);
  for (guint w = 0; w < writers; w++)
    {
      int fds[2];

      if (pipe (fds) != 0 || (pids[w] = fork ()) < 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "fork: %s", g_strerror (errno));
          return FALSE;
        }
      if (pids[w] == 0)
        {
          WriterReport report = { 0, 0, 0, -1, 0, "" };

          close (fds[0]);
          if (mode == MODE_CLI)
            cli_writer (db, firm_id, (int) w, start_s, end_s, &report);
          else
            library_writer (db, firm_id, (int) w, start_s, end_s, &report);
          _exit (write (fds[1], &report, sizeof report) == sizeof report ? 0 : 1);
        }
      close (fds[1]);
      pipes[w] = fds[0];
    }

  for (guint w = 0; w < writers; w++)
    {
      ssize_t got;
      int status;

      while ((got = read (pipes[w], &reports[w], sizeof reports[w])) < 0 && errno == EINTR)
        ;
      close (pipes[w]);
      while (waitpid (pids[w], &status, 0) < 0 && errno == EINTR)
        ;
      if (got != sizeof reports[w])
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "writer %u died (status %d)", w, status);
          return FALSE;
        }
      phase->ok += reports[w].ok;
      phase->failed += reports[w].failed;
      phase->locked += reports[w].locked;
      phase->starved += reports[w].ok == 0;
      last_end_s = MAX (last_end_s, reports[w].last_end_s);
      if (phase->first_error[0] == '\0')
        g_strlcpy (phase->first_error, reports[w].first_error, sizeof phase->first_error);
    }
  phase->edits_per_s = phase->ok / MAX (last_end_s - start_s, 1e-6);
  phase->fields_kept = count_fields_kept (db, firm_id, reports, writers);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Setting up                                                                */

static gboolean
run_cli (const char * const  *argv,
         char               **out,
         GError             **error)
{
  g_autofree char *errors = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, out ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     out, &errors, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "zhaoshang-cli %s %s failed: %s",
                   argv[3], argv[4] ? argv[4] : "", errors);
      return FALSE;
    }
  return TRUE;
}

/* A fresh database with the reference data and one firm; its id. */
static gint64
fresh_database (const char  *db,
                GError     **error)
{
  const char *init[] = { BENCH_CLI, "--db", db, "init", NULL };
  /* Huawei's code: the generated file's codes are of the Ili regions. */
  const char *add[] = { BENCH_CLI, "--db", db, "firms", "add", "--name", "华为技术有限公司",
                        "--uscc", "914403001922038216", NULL };
  g_autofree char *out = NULL;
  gint64 id;

  zs_bench_remove_database (db);
  if (!run_cli (init, NULL, error) || !run_cli (add, &out, error))
    return 0;
  id = g_ascii_strtoll (out, NULL, 10);
  if (id <= 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "firms add printed no id: %s", out);
  return id;
}

/* ------------------------------------------------------------------------ */
/* The file to import                                                        */

static const char trade_chars[] =
  "华鑫盛泰达恒信源丰宏远通金利佳瑞祥安嘉博创兴隆新天中正德和合汇辉鼎海宇国润永长富荣发"
  "明星光晟昌联美亚欧丝路疆峰山川林森阳晨卓越顺益百福康乐睿智诚航腾飞龙凤骏驰宁晶玉铭";

typedef struct {
  const char *name;
  const char *prefix;
  const char *code;
} Region;

static const Region regions[] = {
  { "霍尔果斯市", "霍尔果斯", "654004" },
  { "伊宁市", "伊宁", "654002" },
  { "霍城县", "霍城", "654023" },
  { "新疆维吾尔自治区", "新疆", "650000" },
};

static const char * const industries[][2] = {
  { "商贸", "货物进出口；技术进出口；日用百货销售；五金产品批发；农副产品销售" },
  { "国际物流", "国际货物运输代理；普通货物仓储服务；装卸搬运；供应链管理服务" },
  { "食品", "食品生产；粮食加工食品生产；食品销售；农副产品销售" },
  { "电子科技", "电子产品销售；软件开发；信息技术咨询服务；计算机系统服务" },
  { "新能源", "太阳能发电技术服务；风力发电技术服务；储能技术服务；光伏设备及元器件销售" },
};

/* Writes @rows firms, each with a valid and distinct USCC, to @path; a
 * file the same generator made for the same count is reused. */
static gboolean
generate_csv (const char  *path,
              guint        rows,
              GError     **error)
{
  g_autofree char *marker = g_strdup_printf ("store-concurrency generator %d seed %d rows %u\n",
                                             GENERATOR_VERSION, DEFAULT_SEED, rows);
  g_autoptr(GPtrArray) chars = zs_bench_split_chars (trade_chars);
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEFAULT_SEED);
  g_autoptr(GString) row = g_string_new (NULL);
  FILE *file;
  double start;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && zs_bench_marker_is (path, marker))
    {
      g_print ("  reusing %s\n", path);
      return TRUE;
    }
  start = zs_bench_now_s ();
  if (!(file = g_fopen (path, "w")))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", path, g_strerror (errno));
      return FALSE;
    }
  fputs ("企业名称,统一社会信用代码,所在地区,经营范围\n", file);
  for (guint serial = 1; serial <= rows; serial++)
    {
      const Region *region = &regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (regions))];
      const char * const *industry = industries[g_rand_int_range (rand, 0, G_N_ELEMENTS (industries))];
      g_autofree char *uscc = zs_bench_uscc (region->code, serial);

      g_string_truncate (row, 0);
      /* The serial in the name keeps every name distinct. */
      g_string_append_printf (row, "%s%s%s%u%s有限公司,%s,%s,%s\n", region->prefix,
                              (char *) g_ptr_array_index (chars, g_rand_int_range (rand, 0, chars->len)),
                              (char *) g_ptr_array_index (chars, g_rand_int_range (rand, 0, chars->len)),
                              serial, industry[0], uscc, region->name, industry[1]);
      if (fwrite (row->str, 1, row->len, file) != row->len)
        break;
    }
  if (ferror (file) | (fclose (file) != 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", path);
      return FALSE;
    }
  g_print ("  generated %s in %.1f s\n", path, zs_bench_now_s () - start);
  return zs_bench_marker_write (path, marker, error);
}

/* ------------------------------------------------------------------------ */
/* A writer beside an import                                                 */

typedef struct {
  GArray  *waits;        /* double: wall seconds of each edit saved */
  guint64  tried;
  guint64  failed;
  guint64  locked;
  char    *first_error;
} Probes;

static void
probes_init (Probes *probes)
{
  memset (probes, 0, sizeof *probes);
  probes->waits = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
probes_clear (Probes *probes)
{
  g_array_unref (probes->waits);
  g_free (probes->first_error);
}

static void
probe (Probes     *probes,
       const char *db,
       gint64      firm_id,
       guint64     i)
{
  g_autofree char *value = g_strdup_printf ("探测备注%" G_GUINT64_FORMAT, i);
  Edit edit = cli_edit (db, "bench-probe", firm_id, "--notes", value);

  probes->tried++;
  /* A failure is counted, not timed: failing at once is no short wait. */
  if (edit.ok)
    g_array_append_val (probes->waits, edit.wall_s);
  else
    {
      probes->failed++;
      probes->locked += mentions_lock (edit.error);
      if (probes->first_error == NULL)
        probes->first_error = g_strdup (edit.error);
    }
  g_free (edit.error);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The @p quantile of @waits (nearest rank), sorting them. */
static double
quantile (GArray *waits,
          double  p)
{
  guint rank;

  if (waits->len == 0)
    return NAN;
  g_array_sort (waits, compare_doubles);
  rank = (guint) ceil (p * waits->len);
  return g_array_index (waits, double, CLAMP (rank, 1, waits->len) - 1);
}

typedef struct {
  double  wall_s;
  int     status;
  guint64 inserted;
  guint64 rejected;
  char   *error;   /* its stderr */
} ImportRun;

static guint64
member_count (JsonObject *summary,
              const char *name)
{
  return json_object_has_member (summary, name) ? (guint64) json_object_get_int_member (summary, name) : 0;
}

/* Runs `zhaoshang-cli import firms` of @csv into @db and, with @probes,
 * edits the firm every @interval_s while it runs. */
static gboolean
run_import_with_probes (const char  *csv,
                        const char  *db,
                        gint64       firm_id,
                        double       interval_s,
                        Probes      *probes,
                        ImportRun   *import,
                        GError     **error)
{
  g_autofree char *summary = g_strconcat (db, ".summary.json", NULL);
  g_autofree char *errors = g_strconcat (db, ".import-errors.txt", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *error_text = NULL;
  double start = zs_bench_now_s ();
  guint64 i = 0;
  pid_t pid;
  int status = 0;

  memset (import, 0, sizeof *import);
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  if (pid == 0)
    {
      int out = open (summary, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = open (errors, O_WRONLY | O_CREAT | O_TRUNC, 0644);

      if (out < 0 || err < 0 || dup2 (out, STDOUT_FILENO) < 0 || dup2 (err, STDERR_FILENO) < 0)
        _exit (127);
      execl (BENCH_CLI, BENCH_CLI, "--db", db, "--as", "bench-import", "import", "firms", csv,
             "--json", (char *) NULL);
      _exit (127);
    }
  if (pid < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "fork: %s", g_strerror (errno));
      return FALSE;
    }

  for (;;)
    {
      pid_t done = waitpid (pid, &status, probes != NULL ? WNOHANG : 0);
      double next;

      if (done == pid)
        break;
      if (done < 0 && errno != EINTR)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "waitpid: %s", g_strerror (errno));
          return FALSE;
        }
      if (probes == NULL)
        continue;
      next = zs_bench_now_s () + interval_s;
      probe (probes, db, firm_id, i++);
      wait_until (next);
    }
  import->wall_s = zs_bench_now_s () - start;
  import->status = status;

  if (g_file_get_contents (errors, &error_text, NULL, NULL) && error_text[0] != '\0')
    import->error = g_strdup (g_strchomp (error_text));
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return TRUE;
  if (json_parser_load_from_file (parser, summary, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *object = json_node_get_object (json_parser_get_root (parser));

      import->inserted = member_count (object, "inserted");
      import->rejected = member_count (object, "rejected");
    }
  return TRUE;
}

/* Prints whether @import wrote every row; a failed import is a failed
 * write. */
static void
check_import (const ImportRun *import,
              gint             rows,
              guint64         *failed,
              guint64         *locked)
{
  if (WIFEXITED (import->status) && WEXITSTATUS (import->status) == 0)
    {
      g_print ("    %" G_GUINT64_FORMAT " of %d firms inserted, %" G_GUINT64_FORMAT " refused    %s\n",
               import->inserted, rows, import->rejected,
               verdict (import->inserted == (guint64) rows && import->rejected == 0));
      return;
    }
  g_print ("    the import FAILED (status %d): %s\n", import->status,
           import->error != NULL ? import->error : "no message");
  (*failed)++;
  *locked += mentions_lock (import->error);
}

/* ------------------------------------------------------------------------ */

static void
print_phase (const char  *kind,
             const Phase *phase,
             double       reference)
{
  g_print ("  %-8s %u writer%s  %8.1f edits/s   ratio %5.2f   failed %" G_GUINT64_FORMAT
           " (on the lock %" G_GUINT64_FORMAT ")   last values kept %u/%u    %s\n",
           kind, phase->writers, phase->writers == 1 ? " " : "s", phase->edits_per_s,
           phase->edits_per_s / MAX (reference, 1e-9), phase->failed, phase->locked,
           phase->fields_kept, phase->writers, verdict (phase->fields_kept == phase->writers));
  if (phase->starved > 0)
    g_print ("           %u writer%s saved nothing\n", phase->starved, phase->starved == 1 ? "" : "s");
  if (phase->first_error[0] != '\0')
    g_print ("           first failure: %s\n", phase->first_error);
}

int
main (int   argc,
      char *argv[])
{
  static const guint writer_counts[] = { 1, 2, 4 };
  static const struct { WriterMode mode; const char *name; } modes[] = {
    { MODE_CLI, "cli" },
    { MODE_LIBRARY, "library" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *writers_db = NULL;
  g_autofree char *import_db = NULL;
  gint rows = 1000000;
  double seconds = 5;
  gint interval_ms = 50;
  gboolean no_import = FALSE;
  Phase phases[G_N_ELEMENTS (modes)][G_N_ELEMENTS (writer_counts)];
  Probes idle, during;
  ImportRun alone = { 0 };
  ImportRun import = { 0 };
  guint64 failed = 0, locked = 0;
  gint64 firm_id;
  double idle_p50 = NAN, idle_p99 = NAN, p50 = NAN, p99 = NAN, worst = NAN;
  GOptionEntry entries[] = {
    { "rows", 'n', 0, G_OPTION_ARG_INT, &rows, "Firms in the imported file (default: 1000000)", "N" },
    { "seconds", 's', 0, G_OPTION_ARG_DOUBLE, &seconds, "Seconds of each run of writers side by side (default: 5)", "S" },
    { "interval", 'i', 0, G_OPTION_ARG_INT, &interval_ms, "Milliseconds between edits during the import (default: 50)", "MS" },
    { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir, "Folder for the file and the databases (default: " BENCH_BUILD_DIR ")", "DIR" },
    { "no-import", 0, 0, G_OPTION_ARG_NONE, &no_import, "Only time the writers side by side", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— edits of one database by several processes at once");
  g_option_context_set_summary (context,
                                "Times edits of one firm by 1, 2 and 4 processes side by side, through\n"
                                "zhaoshang-cli and through the library, with their ratios to one writer; then\n"
                                "the wait of single `firms edit` runs while `zhaoshang-cli import` writes a\n"
                                "generated file of N firms, against the same edits on the idle database.\n"
                                "Targets: p99 wait ≤ 1 s during the import; no failed write. Exits 0 whatever\n"
                                "the figures.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-store-concurrency: %s\n", error->message);
      return 2;
    }
  if (rows <= 0 || rows >= 100000000 || seconds <= 0 || interval_ms < 0)
    {
      g_printerr ("bench-store-concurrency: --rows takes 1 to 99999999, --seconds a positive "
                  "number, --interval a count of milliseconds\n");
      return 2;
    }
  if (dir == NULL)
    dir = g_strdup (BENCH_BUILD_DIR);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_printerr ("bench-store-concurrency: could not create %s: %s\n", dir, g_strerror (errno));
      return 1;
    }
  writers_db = g_build_filename (dir, "writers.db", NULL);
  import_db = g_build_filename (dir, "import-wait.db", NULL);
  csv = g_strdup_printf ("%s/firms-%d.csv", dir, rows);

  g_print ("bench-store-concurrency: %.1f s a run of writers; %s\n", seconds, BENCH_CLI);

  /* 1. Writers side by side */
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_print ("\nWriters side by side, %s, each process its own field of one firm:\n",
               modes[m].mode == MODE_CLI ? "one zhaoshang-cli firms edit an edit"
                                         : "zs_store_update_firm () in a loop");
      for (guint c = 0; c < G_N_ELEMENTS (writer_counts); c++)
        {
          Phase *phase = &phases[m][c];

          if (!(firm_id = fresh_database (writers_db, &error)) ||
              !run_writers (writers_db, firm_id, writer_counts[c], modes[m].mode, seconds, phase, &error))
            {
              g_printerr ("bench-store-concurrency: %s\n", error->message);
              return 1;
            }
          print_phase (modes[m].name, phase, phases[m][0].edits_per_s);
          failed += phase->failed;
          locked += phase->locked;
        }
    }

  /* 2. A writer beside an import */
  probes_init (&idle);
  probes_init (&during);
  if (!no_import)
    {
      g_print ("\nOne zhaoshang-cli firms edit every %d ms, beside an import of %d firms:\n",
               interval_ms, rows);
      /* The reference: the same import with nobody else writing. */
      if (!generate_csv (csv, (guint) rows, &error) ||
          !(firm_id = fresh_database (import_db, &error)) ||
          !run_import_with_probes (csv, import_db, firm_id, 0, NULL, &alone, &error))
        {
          g_printerr ("bench-store-concurrency: %s\n", error->message);
          return 1;
        }
      g_print ("  the import alone: %.1f s\n", alone.wall_s);
      check_import (&alone, rows, &failed, &locked);

      if (!(firm_id = fresh_database (import_db, &error)))
        {
          g_printerr ("bench-store-concurrency: %s\n", error->message);
          return 1;
        }
      for (guint64 i = 0; i < IDLE_SAMPLES; i++)
        {
          double next = zs_bench_now_s () + interval_ms / 1e3;

          probe (&idle, import_db, firm_id, i);
          wait_until (next);
        }
      idle_p50 = quantile (idle.waits, 0.5);
      idle_p99 = quantile (idle.waits, 0.99);
      g_print ("  idle database: %" G_GUINT64_FORMAT " edits, p50 %.3f s, p99 %.3f s, failed %"
               G_GUINT64_FORMAT "\n", idle.tried, idle_p50, idle_p99, idle.failed);

      if (!run_import_with_probes (csv, import_db, firm_id, interval_ms / 1e3, &during, &import, &error))
        {
          g_printerr ("bench-store-concurrency: %s\n", error->message);
          return 1;
        }
      p50 = quantile (during.waits, 0.5);
      p99 = quantile (during.waits, 0.99);
      worst = quantile (during.waits, 1.0);
      g_print ("  during the import (%.1f s): %" G_GUINT64_FORMAT " edits, p50 %.3f s, p99 %.3f s, "
               "worst %.3f s (of the %u saved), failed %" G_GUINT64_FORMAT " (on the lock %"
               G_GUINT64_FORMAT ")\n", import.wall_s, during.tried, p50, p99, worst,
               during.waits->len, during.failed, during.locked);
      if (during.first_error != NULL)
        g_print ("    first failure: %s\n", during.first_error);
      check_import (&import, rows, &failed, &locked);
      failed += idle.failed + during.failed;
      locked += idle.locked + during.locked;
    }

  /* 3. Results */
  g_print ("\nResults:\n");
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_print ("  %-8s edits/s", modes[m].name);
      for (guint c = 0; c < G_N_ELEMENTS (writer_counts); c++)
        g_print ("   %u: %7.1f", writer_counts[c], phases[m][c].edits_per_s);
      g_print ("\n  %-8s ratio to 1 writer", modes[m].name);
      for (guint c = 1; c < G_N_ELEMENTS (writer_counts); c++)
        g_print ("   %u: %.2f", writer_counts[c],
                 phases[m][c].edits_per_s / MAX (phases[m][0].edits_per_s, 1e-9));
      g_print ("\n");
    }
  if (!no_import)
    {
      g_print ("  edit wait beside the import (%d firms): p50 %.3f s   p99 %.3f s   (idle: p50 %.3f s, "
               "p99 %.3f s; p99 ×%.1f)   target p99 ≤ %.0f s    %s\n",
               rows, p50, p99, idle_p50, idle_p99, p99 / MAX (idle_p99, 1e-9), TARGET_P99_S,
               verdict (during.waits->len > 0 && p99 <= TARGET_P99_S));
      g_print ("  import beside the writer %.1f s, alone %.1f s: ×%.2f\n", import.wall_s, alone.wall_s,
               import.wall_s / MAX (alone.wall_s, 1e-9));
    }
  g_print ("  failed writes: %" G_GUINT64_FORMAT " (on the lock %" G_GUINT64_FORMAT ")   target 0    %s\n",
           failed, locked, verdict (failed == 0));

  probes_clear (&idle);
  probes_clear (&during);
  g_free (alone.error);
  g_free (import.error);
  return 0;
}
