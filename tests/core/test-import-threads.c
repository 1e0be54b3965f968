/* test-import-threads.c: an import that reads ahead in a thread of its own
 * makes of a file exactly what one thread makes of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "zs-test-util.h"
#include "zs-import-pipeline.h"
#include "zs-import-private.h"

/* ------------------------------------------------------------------------ */
/* The same file into two databases: read ahead, and in one thread          */

typedef struct {
  char    *dir;
  ZsStore *threaded;
  ZsStore *single;
} PairFixture;

static ZsStore *
seeded_store (const char *dir,
              const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = zs_store_create (path, &error);

  g_assert_no_error (error);
  zs_store_set_actor (store, "tester");
  g_assert_true (zs_store_load_seed (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static void
pair_setup (PairFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zs-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->threaded = seeded_store (fixture->dir, "threaded.db");
  fixture->single = seeded_store (fixture->dir, "single.db");
}

static void
pair_teardown (PairFixture   *fixture,
               gconstpointer  data)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  g_clear_object (&fixture->threaded);
  g_clear_object (&fixture->single);
  handle = g_dir_open (fixture->dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* A messy file of firms, as the bench's but small: rows to refuse (a
 * wrong check character, an amount in words, a short row), labels
 * outside the taxonomy, repeated firms, and business scopes over several
 * lines, so that a row's line is not its number. */
static char *
write_messy_file (const char *dir,
                  guint       rows,
                  guint       invalid_utf8_row)
{
  g_autoptr(GString) text = g_string_new ("企业名称,统一社会信用代码,所属行业,注册资本（万元）,所在地区,联系人,联系电话,经营范围\n");
  char *path = g_build_filename (dir, "firms.csv", NULL);
  g_autofree char *last_uscc = NULL;
  g_autofree char *last_name = NULL;

  for (guint i = 1; i <= rows; i++)
    {
      g_autofree char *uscc = make_uscc (1000 + i);
      g_autofree char *name = g_strdup_printf ("霍尔果斯第%u号物流有限公司", i);
      const char *capital = i % 41 == 0 ? "约五百万" : "500";
      const char *sector = i % 47 == 0 ? "星际旅行" : i % 2 ? "商贸物流" : "信息技术";
      const char *scope = i % 59 == 0 ? "\"货物进出口\n国际货物运输代理\"" : "货物进出口";

      if (i % 37 == 0)
        uscc[17] = uscc[17] == '0' ? '1' : '0';
      if (i % 53 == 0 && last_uscc != NULL)
        {
          g_string_append_printf (text, "%s,%s,商贸物流,500,霍尔果斯市,,,\n", last_name, last_uscc);
          continue;
        }
      if (i % 43 == 0)
        {
          g_string_append_printf (text, "%s,%s,%s\n", name, uscc, sector);
          continue;
        }
      if (i == invalid_utf8_row)
        g_string_append (text, "\xff\xfe");
      g_string_append_printf (text, "%s,%s,%s,%s,霍尔果斯市,王%u,1380000%04u,%s\n",
                              name, uscc, sector, capital, i % 100, i % 10000, scope);
      g_free (last_uscc);
      last_uscc = g_strdup (uscc);
      g_free (last_name);
      last_name = g_strdup (name);
    }
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  return path;
}

typedef struct {
  gboolean       single_thread;
  guint          batch_size;
  ZsErrorPolicy  on_error;
  gboolean       dry_run;
  const char    *encoding;
  guint64        cancel_at;     /* rows read when the progress signal cancels, 0: never */
} Options;

typedef struct {
  gboolean  ok;
  GError   *error;
  guint64   counts[5];          /* read, inserted, updated, skipped, rejected */
  gboolean  read_ahead;
  char     *rejects;            /* the rejects file's text */
  GVariant *warnings;
  char     *status;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_error (&outcome->error);
  g_free (outcome->rejects);
  g_clear_pointer (&outcome->warnings, g_variant_unref);
  g_free (outcome->status);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outcome, outcome_clear)

static void
cancel_on_progress (ZsImportJob  *job,
                    guint64       rows,
                    double        fraction,
                    gpointer      user_data)
{
  GCancellable *cancellable = user_data;
  guint64 cancel_at = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (cancellable), "cancel-at"));

  if (rows == cancel_at)
    g_cancellable_cancel (cancellable);
}

static void
run_import (ZsStore       *store,
            const char    *dir,
            const char    *csv,
            const Options *options,
            Outcome       *outcome)
{
  g_autofree char *rejects = g_strdup_printf ("%s/rejects-%s.csv", dir, options->single_thread ? "single" : "threaded");
  g_autoptr(ZsImportJob) job = zs_import_job_new (store, ZS_IMPORT_ENTITY_FIRMS, csv);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gsize length = 0;

  _zs_import_job_set_single_thread (job, options->single_thread);
  zs_import_job_set_rejects_path (job, rejects);
  zs_import_job_set_batch_size (job, options->batch_size);
  zs_import_job_set_error_policy (job, options->on_error);
  zs_import_job_set_dry_run (job, options->dry_run);
  zs_import_job_set_encoding (job, options->encoding);
  g_object_set_data (G_OBJECT (cancellable), "cancel-at", GSIZE_TO_POINTER (options->cancel_at));
  g_signal_connect (job, "progress", G_CALLBACK (cancel_on_progress), cancellable);

  outcome->ok = zs_import_job_run (job, cancellable, &outcome->error);
  outcome->counts[0] = zs_import_job_get_rows_read (job);
  outcome->counts[1] = zs_import_job_get_inserted (job);
  outcome->counts[2] = zs_import_job_get_updated (job);
  outcome->counts[3] = zs_import_job_get_skipped (job);
  outcome->counts[4] = zs_import_job_get_rejected (job);
  outcome->read_ahead = _zs_import_job_get_read_ahead (job);
  g_assert_true (g_file_get_contents (rejects, &outcome->rejects, &length, NULL));
  outcome->warnings = zs_import_job_get_warnings (job);
  if (zs_import_job_get_import_id (job) != 0)
    {
      g_autoptr(GError) error = NULL;

      outcome->status = _zs_store_get_import_status (store, zs_import_job_get_import_id (job), &error);
      g_assert_no_error (error);
    }
}

/* What is in the tables, as text: records, sectors, contacts, the audit
 * trail and the search index. */
static char *
dump (ZsStore *store)
{
  static const char * const queries[] = {
    "SELECT group_concat (line, char (10)) FROM (SELECT id || '|' || uscc || '|' || name || '|' || "
    "  coalesce (registered_capital, '') || '|' || coalesce (region_code, '') || '|' || coalesce (notes, '') || '|' || "
    "  name_hash AS line FROM firms ORDER BY id)",
    "SELECT group_concat (firm_id || ':' || sector_code, ' ') FROM (SELECT * FROM firm_sectors ORDER BY firm_id, sector_code)",
    "SELECT group_concat (id || ':' || firm_id || ':' || name || ':' || coalesce (phone, ''), ' ') "
    "  FROM (SELECT * FROM contacts ORDER BY id)",
    "SELECT group_concat (entity || ':' || entity_id || ':' || kind || ':' || coalesce (import_id, ''), ' ') "
    "  FROM (SELECT * FROM changes ORDER BY id)",
    "SELECT group_concat (rowid, ' ') FROM (SELECT rowid FROM firm_search WHERE firm_search MATCH '物' ORDER BY rowid)",
    "SELECT group_concat (rowid, ' ') FROM (SELECT rowid FROM firm_search WHERE firm_search MATCH '信息' ORDER BY rowid)",
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *value = query_value (store, queries[i]);

      g_string_append_printf (text, "%s\n--\n", value ? value : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Runs the file both ways and checks that they agree on everything. */
static void
compare_both_ways (PairFixture *fixture,
                   const char  *csv,
                   Options      options,
                   Outcome     *threaded)
{
  g_auto(Outcome) single = { 0 };
  g_autofree char *threaded_tables = NULL;
  g_autofree char *single_tables = NULL;
  g_autofree char *stale_hashes = NULL;

  options.single_thread = FALSE;
  run_import (fixture->threaded, fixture->dir, csv, &options, threaded);
  options.single_thread = TRUE;
  run_import (fixture->single, fixture->dir, csv, &options, &single);

  /* Reading ahead needs a second processor. */
  g_assert_cmpint (threaded->read_ahead, ==, g_get_num_processors () > 1);
  g_assert_false (single.read_ahead);

  g_assert_cmpint (threaded->ok, ==, single.ok);
  if (!single.ok)
    {
      g_assert_nonnull (threaded->error);
      g_assert_cmpstr (g_quark_to_string (threaded->error->domain), ==, g_quark_to_string (single.error->domain));
      g_assert_cmpint (threaded->error->code, ==, single.error->code);
      g_assert_cmpstr (threaded->error->message, ==, single.error->message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (single.counts); i++)
    g_assert_cmpuint (threaded->counts[i], ==, single.counts[i]);
  g_assert_cmpstr (threaded->rejects, ==, single.rejects);
  g_assert_true (g_variant_equal (threaded->warnings, single.warnings));
  g_assert_cmpstr (threaded->status, ==, single.status);

  threaded_tables = dump (fixture->threaded);
  single_tables = dump (fixture->single);
  g_assert_cmpstr (threaded_tables, ==, single_tables);
  /* The name hashes worked out in the reading thread are the store's. */
  stale_hashes = query_value (fixture->threaded, "SELECT count(*) FROM firms WHERE name_hash IS NOT zs_name_hash (name)");
  g_assert_cmpstr (stale_hashes, ==, "0");
}

static void
test_same_outcome (PairFixture   *fixture,
                   gconstpointer  data)
{
  g_autofree char *csv = write_messy_file (fixture->dir, 6000, 0);
  g_auto(Outcome) threaded = { 0 };

  compare_both_ways (fixture, csv, (Options) { .batch_size = 700 }, &threaded);
  g_assert_true (threaded.ok);
  g_assert_no_error (threaded.error);
  g_assert_cmpuint (threaded.counts[0], ==, 6000);
  g_assert_cmpuint (threaded.counts[1], >, 5000);
  g_assert_cmpuint (threaded.counts[3], >, 0);
  g_assert_cmpuint (threaded.counts[4], >, 300);
  g_assert_cmpuint (g_variant_n_children (threaded.warnings), ==, 1);
  g_assert_cmpstr (threaded.status, ==, "done");
  /* Row 74 has a wrong check character; a scope over two lines comes
   * before it (row 59), so it starts on line 76. */
  g_assert_nonnull (strstr (threaded.rejects, ",76,统一社会信用代码,"));
}

/* A file that cannot be read to its end keeps the batches committed
 * before the bad line, and says where it stopped. */
static void
test_error_mid_file (PairFixture   *fixture,
                     gconstpointer  data)
{
  g_autofree char *csv = write_messy_file (fixture->dir, 5000, 3001);
  g_auto(Outcome) threaded = { 0 };

  compare_both_ways (fixture, csv, (Options) { .batch_size = 1000, .encoding = "utf-8" }, &threaded);
  g_assert_false (threaded.ok);
  g_assert_nonnull (strstr (threaded.error->message, "not valid UTF-8"));
  g_assert_cmpstr (threaded.status, ==, "interrupted");
  g_assert_cmpuint (threaded.counts[0], ==, 3000);
}

/* Cancelled in the middle, the import keeps its committed batches. */
static void
test_cancel (PairFixture   *fixture,
             gconstpointer  data)
{
  g_autofree char *csv = write_messy_file (fixture->dir, 5000, 0);
  g_auto(Outcome) threaded = { 0 };

  compare_both_ways (fixture, csv, (Options) { .batch_size = 700, .cancel_at = 2000 }, &threaded);
  g_assert_false (threaded.ok);
  /* the cancellation, and how far the import got */
  g_assert_true (g_str_has_prefix (threaded.error->message, "Operation was cancelled\nImport 1 keeps"));
  g_assert_cmpstr (threaded.status, ==, "interrupted");
  g_assert_cmpuint (threaded.counts[0], ==, 1400);
}

/* With --on-error abort the first bad row ends the import, which writes
 * nothing, and the reader is stopped wherever it is. */
static void
test_abort (PairFixture   *fixture,
            gconstpointer  data)
{
  g_autofree char *csv = write_messy_file (fixture->dir, 5000, 0);
  g_auto(Outcome) threaded = { 0 };
  g_autofree char *firms = NULL;

  compare_both_ways (fixture, csv, (Options) { .batch_size = 700, .on_error = ZS_ERROR_POLICY_ABORT }, &threaded);
  g_assert_false (threaded.ok);
  g_assert_true (g_str_has_prefix (threaded.error->message, "line 38: "));
  g_assert_cmpstr (threaded.status, ==, "aborted");
  firms = query_value (fixture->threaded, "SELECT count(*) FROM firms");
  g_assert_cmpstr (firms, ==, "0");
}

static void
test_dry_run (PairFixture   *fixture,
              gconstpointer  data)
{
  g_autofree char *csv = write_messy_file (fixture->dir, 3000, 0);
  g_auto(Outcome) threaded = { 0 };
  g_autofree char *firms = NULL;

  compare_both_ways (fixture, csv, (Options) { .batch_size = 500, .dry_run = TRUE }, &threaded);
  g_assert_true (threaded.ok);
  g_assert_cmpuint (threaded.counts[1], >, 2500);
  firms = query_value (fixture->threaded, "SELECT count(*) FROM firms");
  g_assert_cmpstr (firms, ==, "0");
}

/* Contacts name their firm, which only the writer's connection can look
 * up: they are read in one thread. */
static void
test_contacts_in_one_thread (PairFixture   *fixture,
                             gconstpointer  data)
{
  g_autofree char *firms = write_messy_file (fixture->dir, 10, 0);
  g_autofree char *contacts = g_build_filename (fixture->dir, "contacts.csv", NULL);
  g_autofree char *uscc = make_uscc (1001);
  g_autofree char *text = g_strdup_printf ("firm,name\n%s,李娜\n", uscc);
  g_autoptr(ZsImportJob) firm_job = zs_import_job_new (fixture->threaded, ZS_IMPORT_ENTITY_FIRMS, firms);
  g_autoptr(ZsImportJob) contact_job = zs_import_job_new (fixture->threaded, ZS_IMPORT_ENTITY_CONTACTS, contacts);
  g_autoptr(GError) error = NULL;

  g_assert_true (zs_import_job_run (firm_job, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (_zs_import_job_get_read_ahead (firm_job), ==, g_get_num_processors () > 1);
  g_assert_true (g_file_set_contents (contacts, text, -1, NULL));
  g_assert_true (zs_import_job_run (contact_job, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (_zs_import_job_get_read_ahead (contact_job));
  g_assert_cmpuint (zs_import_job_get_inserted (contact_job), ==, 1);
}

/* ------------------------------------------------------------------------ */
/* The pipeline itself: order, the bound on rows read ahead, errors         */

#define TEST_TYPE_COUNTING_SOURCE (test_counting_source_get_type ())
G_DECLARE_FINAL_TYPE (TestCountingSource, test_counting_source, TEST, COUNTING_SOURCE, GObject)

/* Rows "1", "2", … read by the pipeline's thread, which checks on every
 * read that it is not further ahead of the rows taken than the bound. */
struct _TestCountingSource
{
  GObject  parent_instance;
  guint    rows;
  guint    error_at;    /* the read that fails, 0 for none */
  gint     reads;
  gint     taken;
  GMutex   lock;
  GCond    read_more;
};

static void test_counting_source_iface_init (ZsRowSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestCountingSource, test_counting_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZS_TYPE_ROW_SOURCE, test_counting_source_iface_init))

static char **
counting_read_row (ZsRowSource  *source,
                   guint64      *line,
                   GError      **error)
{
  TestCountingSource *self = TEST_COUNTING_SOURCE (source);
  char **fields;
  gint reads;

  if ((guint) g_atomic_int_get (&self->reads) == self->rows)
    return NULL;
  if ((guint) g_atomic_int_get (&self->reads) + 1 == self->error_at)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, "line %u: unreadable", self->error_at);
      return NULL;
    }
  reads = g_atomic_int_add (&self->reads, 1) + 1;
  /* + 1: the writer counts a row just after it gets it, so the row in
   * its hands may not be counted yet when the reader looks */
  g_assert_cmpint (reads - g_atomic_int_get (&self->taken), <=, ZS_IMPORT_PIPELINE_MAX_AHEAD + 1);
  g_mutex_lock (&self->lock);
  g_cond_signal (&self->read_more);
  g_mutex_unlock (&self->lock);
  *line = reads;
  fields = g_new0 (char *, 2);
  fields[0] = g_strdup_printf ("%d", reads);
  return fields;
}

static double
counting_get_fraction (ZsRowSource *source)
{
  TestCountingSource *self = TEST_COUNTING_SOURCE (source);

  return (double) g_atomic_int_get (&self->reads) / self->rows;
}

static void
test_counting_source_iface_init (ZsRowSourceInterface *iface)
{
  iface->read_row = counting_read_row;
  iface->get_fraction = counting_get_fraction;
}

static void
test_counting_source_finalize (GObject *object)
{
  TestCountingSource *self = TEST_COUNTING_SOURCE (object);

  g_mutex_clear (&self->lock);
  g_cond_clear (&self->read_more);
  G_OBJECT_CLASS (test_counting_source_parent_class)->finalize (object);
}

static void
test_counting_source_class_init (TestCountingSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_counting_source_finalize;
}

static void
test_counting_source_init (TestCountingSource *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->read_more);
}

static TestCountingSource *
counting_source_new (guint rows,
                     guint error_at)
{
  TestCountingSource *self = g_object_new (TEST_TYPE_COUNTING_SOURCE, NULL);

  self->rows = rows;
  self->error_at = error_at;
  return self;
}

/* What the reading thread makes of a row: its line, to check the order. */
static gpointer
prepare_line (char     **fields,
              guint64    line,
              gpointer   user_data)
{
  return g_strdup_printf ("prepared %" G_GUINT64_FORMAT, line);
}

/* Waits until the reader has read @reads rows. */
static void
wait_for_reads (TestCountingSource *source,
                gint                reads)
{
  g_mutex_lock (&source->lock);
  while (g_atomic_int_get (&source->reads) < reads)
    g_cond_wait (&source->read_more, &source->lock);
  g_mutex_unlock (&source->lock);
}

/* Takes @count rows and checks they come in order. */
static void
take_rows (ZsImportPipeline   *pipeline,
           TestCountingSource *source,
           guint               count)
{
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(GError) error = NULL;
      ZsImportRow *row = _zs_import_pipeline_next (pipeline, &error);
      gint taken = g_atomic_int_add (&source->taken, 1) + 1;
      g_autofree char *expected = g_strdup_printf ("prepared %d", taken);

      g_assert_no_error (error);
      g_assert_nonnull (row);
      g_assert_cmpuint (row->line, ==, (guint64) taken);
      g_assert_cmpstr (row->prepared, ==, expected);
      g_assert_cmpuint (row->bytes, ==, strlen (row->fields[0]));
    }
}

/* The reader gets so far ahead of the writer, no further, and the rows
 * come in order. */
static void
test_pipeline_bounded (void)
{
  g_autoptr(TestCountingSource) source = counting_source_new (20000, 0);
  g_autoptr(ZsImportPipeline) pipeline = _zs_import_pipeline_new (ZS_ROW_SOURCE (source), TRUE, prepare_line,
                                                                  g_free, NULL);
  g_autoptr(GError) error = NULL;

  take_rows (pipeline, source, 1);
  /* The writer stops after one row: the reader fills every batch there
   * is (each read checks the bound), and then waits. */
  if (_zs_import_pipeline_is_threaded (pipeline))
    wait_for_reads (source, ZS_IMPORT_PIPELINE_MAX_AHEAD);
  take_rows (pipeline, source, 19999);
  g_assert_null (_zs_import_pipeline_next (pipeline, &error));
  g_assert_no_error (error);
  g_assert_null (_zs_import_pipeline_next (pipeline, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_atomic_int_get (&source->reads), ==, 20000);
}

/* A writer that stops early stops the reader, wherever it waits. */
static void
test_pipeline_stopped_early (void)
{
  g_autoptr(TestCountingSource) source = counting_source_new (20000, 0);
  ZsImportPipeline *pipeline = _zs_import_pipeline_new (ZS_ROW_SOURCE (source), TRUE, prepare_line, g_free, NULL);

  take_rows (pipeline, source, 10);
  if (_zs_import_pipeline_is_threaded (pipeline))
    wait_for_reads (source, ZS_IMPORT_PIPELINE_MAX_AHEAD);
  _zs_import_pipeline_free (pipeline);
  g_assert_cmpint (g_atomic_int_get (&source->reads), <=, 10 + ZS_IMPORT_PIPELINE_MAX_AHEAD);

  /* and before it took anything */
  pipeline = _zs_import_pipeline_new (ZS_ROW_SOURCE (source), TRUE, prepare_line, g_free, NULL);
  _zs_import_pipeline_free (pipeline);
}

/* An error of the file comes after the rows before it, once. */
static void
test_pipeline_error (void)
{
  g_autoptr(TestCountingSource) source = counting_source_new (20000, 1500);
  g_autoptr(ZsImportPipeline) pipeline = _zs_import_pipeline_new (ZS_ROW_SOURCE (source), TRUE, prepare_line,
                                                                  g_free, NULL);
  g_autoptr(GError) error = NULL;

  take_rows (pipeline, source, 1499);
  g_assert_null (_zs_import_pipeline_next (pipeline, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "line 1500: unreadable");
  g_clear_error (&error);
  g_assert_null (_zs_import_pipeline_next (pipeline, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, PairFixture, NULL, pair_setup, func, pair_teardown)
  ADD ("/import/threads/same-outcome", test_same_outcome);
  ADD ("/import/threads/error-mid-file", test_error_mid_file);
  ADD ("/import/threads/cancel", test_cancel);
  ADD ("/import/threads/abort", test_abort);
  ADD ("/import/threads/dry-run", test_dry_run);
  ADD ("/import/threads/contacts-in-one-thread", test_contacts_in_one_thread);
#undef ADD
  g_test_add_func ("/import/pipeline/bounded", test_pipeline_bounded);
  g_test_add_func ("/import/pipeline/stopped-early", test_pipeline_stopped_early);
  g_test_add_func ("/import/pipeline/error", test_pipeline_error);

  return g_test_run ();
}
