/* test-db.c: the data layer: statement cache, one statement at a time,
 * errors, and writers that wait
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>
#include <string.h>

#include "zs-store-private.h"
#include "zs-test-util.h"
#include "zs-store-raw-private.h"

static void
test_cache_bound (StoreFixture  *fixture,
                  gconstpointer  data)
{
  ZsDb *db = _zs_store_get_data (fixture->store);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *running, *stmt;

  _zs_db_set_cache_max (db, 4);
  g_assert_cmpuint (_zs_db_get_cache_size (db), <=, 4);

  /* A statement in the middle of its rows is never evicted. */
  running = _zs_db_prepare (db, "SELECT 1 UNION ALL SELECT 2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (running), ==, SQLITE_ROW);

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %u", i + 100);

      stmt = _zs_db_prepare (db, sql, &error);
      g_assert_no_error (error);
      g_assert_nonnull (stmt);
      g_assert_cmpuint (_zs_db_get_cache_size (db), <=, 4);
    }
  g_assert_cmpint (sqlite3_step (running), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (running, 0), ==, 2);
  g_assert_cmpint (sqlite3_step (running), ==, SQLITE_DONE);

  /* The most recently used is kept and handed out again. */
  stmt = _zs_db_prepare (db, "SELECT 119", &error);
  g_assert_true (stmt == _zs_db_prepare (db, "SELECT 119", &error));
  g_assert_no_error (error);
}

static void
test_trailing_sql (StoreFixture  *fixture,
                   gconstpointer  data)
{
  ZsDb *db = _zs_store_get_data (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  g_assert_nonnull (_zs_db_prepare (db, "SELECT 1; -- a comment\n/* another */  ", &error));
  g_assert_no_error (error);

  g_assert_null (_zs_db_prepare (db, "SELECT 1; SELECT 2", &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_clear_error (&error);

  /* A plugin's statement cannot carry a second one along. */
  add_firm (fixture->store, "霍尔果斯甲有限公司", NULL);
  g_assert_cmpint (_zs_store_execute (fixture->store, "UPDATE firms SET notes = 'x'; DELETE FROM firms",
                                     NULL, &error), ==, -1);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  count = query_value (fixture->store, "SELECT count(*) FROM firms WHERE notes IS NULL");
  g_assert_cmpstr (count, ==, "1");
}

static void
test_error_codes (void)
{
  static const struct { int rc; ZsError code; } cases[] = {
    { SQLITE_BUSY, ZS_ERROR_BUSY },
    { SQLITE_BUSY_SNAPSHOT, ZS_ERROR_BUSY },
    { SQLITE_LOCKED, ZS_ERROR_BUSY },
    { SQLITE_READONLY, ZS_ERROR_READ_ONLY },
    { SQLITE_READONLY_DBMOVED, ZS_ERROR_READ_ONLY },
    { SQLITE_CONSTRAINT_UNIQUE, ZS_ERROR_DUPLICATE },
    { SQLITE_CONSTRAINT_NOTNULL, ZS_ERROR_INVALID },
    { SQLITE_CONSTRAINT_FOREIGNKEY, ZS_ERROR_INVALID },
    { SQLITE_CORRUPT, ZS_ERROR_DAMAGED },
    { SQLITE_ERROR, ZS_ERROR_DATABASE },
    { SQLITE_IOERR_WRITE, ZS_ERROR_DATABASE },
    { SQLITE_FULL, ZS_ERROR_DATABASE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (_zs_db_error_code (cases[i].rc), ==, cases[i].code);
}

static sqlite3 *
open_other (const char *path)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  return other;
}

static void
exec_other (sqlite3    *other,
            const char *sql)
{
  g_assert_cmpint (sqlite3_exec (other, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* A writer that waits in vain says who is writing, and writes nothing. */
static void
test_busy_names_writer (StoreFixture  *fixture,
                        gconstpointer  data)
{
  ZsStore *store = fixture->store;
  sqlite3 *other = open_other (fixture->path);
  g_autofree char *uscc = make_uscc (1);
  g_autoptr(ZsFirm) firm = make_firm (uscc, "霍尔果斯乙有限公司");
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  _zs_db_set_busy_timeout (_zs_store_get_data (store), 100);
  exec_other (other, "INSERT INTO imports (id, started_at, actor, entity, file, status) "
                     "VALUES (7, '2026-01-02T03:04:05Z', 'alice', 'firm', 'big.csv', 'running')");
  exec_other (other, "BEGIN IMMEDIATE");

  g_assert_cmpint (zs_store_add_firm (store, firm, &error), ==, 0);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "import 7"));
  g_assert_nonnull (strstr (error->message, "2026-01-02T03:04:05Z"));
  g_assert_nonnull (strstr (error->message, "alice"));
  g_clear_error (&error);

  exec_other (other, "ROLLBACK");
  exec_other (other, "UPDATE imports SET status = 'done'");
  exec_other (other, "BEGIN IMMEDIATE");
  g_assert_cmpint (_zs_store_execute (store, "UPDATE firms SET notes = 'x'", NULL, &error), ==, -1);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);
  exec_other (other, "ROLLBACK");

  count = query_value (store, "SELECT count(*) FROM firms");
  g_assert_cmpstr (count, ==, "0");
  g_assert_cmpint (_zs_db_get_depth (_zs_store_get_data (store)), ==, 0);
  g_assert_cmpint (zs_store_add_firm (store, firm, &error), >, 0);
  g_assert_no_error (error);
  sqlite3_close (other);
}

static gpointer
commit_later (gpointer data)
{
  g_usleep (200 * 1000);
  exec_other (data, "COMMIT");
  return NULL;
}

/* A writer that read before another committed still gets in: the write
 * lock is taken first, and the wait applies. */
static void
test_writer_waits (StoreFixture  *fixture,
                   gconstpointer  data)
{
  ZsStore *store = fixture->store;
  sqlite3 *other = open_other (fixture->path);
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  gint64 id = add_firm (store, "霍尔果斯丙有限公司", NULL);
  g_autoptr(ZsFirm) firm = zs_store_get_firm (store, id, &error);

  g_assert_no_error (error);
  exec_other (other, "BEGIN IMMEDIATE");
  exec_other (other, "UPDATE firms SET website = 'example.cn'");
  thread = g_thread_new ("other-writer", commit_later, other);

  zs_firm_set_address (firm, "霍尔果斯市友谊西路");
  g_assert_true (zs_store_update_firm (store, firm, &error));
  g_assert_no_error (error);
  g_thread_join (g_steal_pointer (&thread));

  count = query_value (store, "SELECT count(*) FROM firms WHERE address IS NOT NULL");
  g_assert_cmpstr (count, ==, "1");
  sqlite3_close (other);
}

/* Reads in a snapshot see one state of the database; a write in the
 * middle of a snapshot ends it first, and gets in even though another
 * connection committed after the snapshot began. */
static void
test_read_snapshot (StoreFixture  *fixture,
                    gconstpointer  data)
{
  ZsStore *store = fixture->store;
  sqlite3 *other = open_other (fixture->path);
  gint64 id = add_firm (store, "霍尔果斯丁有限公司", NULL);
  g_autofree char *before = NULL, *during = NULL, *after_write = NULL, *firms = NULL;

  _zs_store_begin_read (store);
  before = query_value (store, "SELECT count(*) FROM firms WHERE website IS NOT NULL");
  exec_other (other, "UPDATE firms SET website = 'example.cn'");
  during = query_value (store, "SELECT count(*) FROM firms WHERE website IS NOT NULL");
  g_assert_cmpstr (before, ==, "0");
  g_assert_cmpstr (during, ==, "0");

  g_assert_cmpint (add_firm (store, "霍尔果斯戊有限公司", NULL), >, id);
  after_write = query_value (store, "SELECT count(*) FROM firms WHERE website IS NOT NULL");
  g_assert_cmpstr (after_write, ==, "1");
  _zs_store_end_read (store);

  _zs_store_begin_read (store);
  _zs_store_end_read (store);
  firms = query_value (store, "SELECT count(*) FROM firms");
  g_assert_cmpstr (firms, ==, "2");
  sqlite3_close (other);
}

static void
add_project (ZsStore    *store,
             gint64      firm_id,
             const char *title,
             double      planned)
{
  g_autoptr(ZsProject) project = zs_project_new ();
  g_autoptr(GError) error = NULL;

  zs_project_set_firm_id (project, firm_id);
  zs_project_set_title (project, title);
  zs_project_set_planned_investment (project, planned);
  g_assert_cmpint (zs_store_add_project (store, project, &error), >, 0);
  g_assert_no_error (error);
}

/* The pages' figures come as typed values, not SQL. */
static void
test_figures (StoreFixture  *fixture,
              gconstpointer  data)
{
  ZsStore *store = fixture->store;
  gint64 firm = add_firm (store, "霍尔果斯丁有限公司", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) stages = NULL;
  g_autoptr(GVariant) parks = NULL;
  gint64 projects = 0, leads = 0;
  double planned = 0, realised = -1;
  const char *code, *name;

  add_project (store, firm, "一期", 100);
  add_project (store, firm, "二期", 250);

  g_assert_cmpint (zs_store_count_projects (store, firm, "lead", NULL, &error), ==, 2);
  g_assert_cmpint (zs_store_count_projects (store, 0, "signed", NULL, &error), ==, 0);
  stages = zs_store_count_projects_by_stage (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (stages, "lead", "x", &leads));
  g_assert_cmpint (leads, ==, 2);

  g_assert_true (zs_store_sum_investment (store, &projects, &planned, &realised, &error));
  g_assert_cmpint (projects, ==, 2);
  g_assert_cmpfloat (planned, ==, 350);
  g_assert_cmpfloat (realised, ==, 0);

  parks = zs_store_sum_investment_by_park (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (parks), ==, 1);
  g_variant_get_child (parks, 0, "(&s&sxdd)", &code, &name, &projects, &planned, &realised);
  g_assert_cmpstr (code, ==, "");
  g_assert_cmpint (projects, ==, 2);
  g_assert_cmpfloat (planned, ==, 350);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/db/cache-bound", StoreFixture, NULL,
              store_fixture_setup, test_cache_bound, store_fixture_teardown);
  g_test_add ("/db/trailing-sql", StoreFixture, NULL,
              store_fixture_setup, test_trailing_sql, store_fixture_teardown);
  g_test_add_func ("/db/error-codes", test_error_codes);
  g_test_add ("/db/busy-names-writer", StoreFixture, NULL,
              store_fixture_setup, test_busy_names_writer, store_fixture_teardown);
  g_test_add ("/db/read-snapshot", StoreFixture, NULL,
              store_fixture_setup, test_read_snapshot, store_fixture_teardown);
  g_test_add ("/db/writer-waits", StoreFixture, NULL,
              store_fixture_setup, test_writer_waits, store_fixture_teardown);

  g_test_add ("/db/figures", StoreFixture, NULL,
              store_fixture_setup, test_figures, store_fixture_teardown);

  return g_test_run ();
}
