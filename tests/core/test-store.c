/* test-store.c: opening, migrating, validating, signalling, backing up */
#define _GNU_SOURCE   /* F_OFD_SETLK */
#include "zs-test-util.h"
#include "zs-store-raw-private.h"
#include "zs-store-private.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_new_database (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_assert_cmpint (zs_store_get_schema_version (fixture->store), ==, ZS_SCHEMA_VERSION_CURRENT);
  g_assert_cmpstr (zs_store_get_path (fixture->store), ==, fixture->path);
  g_assert_cmpint (count_rows (fixture->path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);
}

static void
set_user_version (const char *path,
                  int         version)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_refuses_newer_database (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = NULL;

  add_firm (fixture->store, "霍尔果斯金麦馕食品有限公司", NULL);
  g_clear_object (&fixture->store);
  set_user_version (fixture->path, 99);

  store = zs_store_new (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA user_version"), ==, 99);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM firms"), ==, 1);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("zs-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = NULL;

  g_file_set_contents (path, "这不是数据库，只是一段文字。这不是数据库，只是一段文字。", -1, NULL);
  store = zs_store_new (path, &error);
  g_assert_null (store);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_seed_is_idempotent (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sectors = NULL;
  g_autoptr(GPtrArray) parks = NULL;
  g_autoptr(GPtrArray) clauses = NULL;
  g_autoptr(ZsSector) nang = NULL;
  sqlite3 *db = NULL;

  g_assert_true (zs_store_load_seed (fixture->store, &error));
  g_assert_no_error (error);
  sectors = zs_store_list_sectors (fixture->store, 0, &error);
  parks = zs_store_list_parks (fixture->store, &error);
  clauses = zs_store_list_clauses (fixture->store, &error);
  g_assert_cmpuint (clauses->len, ==, 22);
  g_assert_cmpuint (parks->len, >=, 7);
  g_assert_cmpuint (sectors->len, >=, 80);

  /* Every sector cites one of the clauses that name sectors. */
  for (guint i = 0; i < sectors->len; i++)
    {
      int clause = zs_sector_get_clause (g_ptr_array_index (sectors, i));
      g_assert_true (clause == 3 || (clause >= 5 && clause <= 10));
      g_assert_true (zs_sector_get_priority (g_ptr_array_index (sectors, i)));
    }

  /* A user's edit survives loading the seed again. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE sectors SET name = '馕产业' WHERE code = 'c05-naan-food'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (zs_store_load_seed (fixture->store, &error));
  g_assert_no_error (error);
  nang = zs_store_get_sector (fixture->store, "c05-naan-food", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_sector_get_name (nang), ==, "馕产业");
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM sectors"), ==, sectors->len);
}

static void
test_demo (StoreFixture  *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  guint stages_seen = 0;

  g_assert_true (zs_store_load_demo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (zs_store_load_demo (fixture->store, &error));
  g_assert_cmpint (zs_store_count_firms (fixture->store, NULL, NULL, &error), ==, 200);
  projects = zs_store_list_projects (fixture->store, 0, NULL, NULL, 0, 0, &error);
  g_assert_cmpuint (projects->len, ==, 50);
  for (guint i = 0; i < projects->len; i++)
    stages_seen |= 1u << zs_project_get_stage (g_ptr_array_index (projects, i));
  g_assert_cmpuint (stages_seen, ==, (1u << (ZS_STAGE_LOST + 1)) - 1);
}

static void
assert_refused (ZsStore    *store,
                ZsFirm     *firm,
                const char *path,
                int         code,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  gint64 before = count_rows (path, "SELECT count(*) FROM changes");

  g_assert_cmpint (zs_store_add_firm (store, firm, &error), ==, 0);
  g_assert_error (error, ZS_ERROR, code);
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_cmpint (zs_firm_get_id (firm), ==, 0);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM changes"), ==, before);
}

static void
test_firm_validation (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(ZsFirm) firm = make_firm ("914403001922038216", "华为技术有限公司");
  g_autoptr(GError) error = NULL;
  const char *unknown[] = { "c99-nothing", NULL };
  const char *by_name[] = { "机械加工", NULL };

  zs_store_add_firm (fixture->store, firm, &error);
  g_assert_no_error (error);

  {
    g_autoptr(ZsFirm) blank = make_firm ("91440300708461136T", "  ");
    g_autoptr(ZsFirm) bad_code = make_firm ("91310000607216718K", "某公司");
    g_autoptr(ZsFirm) duplicate = make_firm ("914403001922038216", "另一家公司");

    assert_refused (fixture->store, blank, fixture->path, ZS_ERROR_INVALID, "name");
    assert_refused (fixture->store, bad_code, fixture->path, ZS_ERROR_INVALID, "91310000607216718K");
    assert_refused (fixture->store, duplicate, fixture->path, ZS_ERROR_DUPLICATE, "华为技术有限公司");
  }

  {
    g_autoptr(ZsFirm) bad = make_firm ("91440300708461136T", "某公司");
    zs_firm_set_registered_capital (bad, -5);
    assert_refused (fixture->store, bad, fixture->path, ZS_ERROR_INVALID, "registered_capital");
    zs_firm_set_registered_capital (bad, 5);
    zs_firm_set_sectors (bad, unknown);
    assert_refused (fixture->store, bad, fixture->path, ZS_ERROR_INVALID, "c99-nothing");
    zs_firm_set_sectors (bad, NULL);
    zs_firm_set_region_code (bad, "65400");
    assert_refused (fixture->store, bad, fixture->path, ZS_ERROR_INVALID, "region_code");
  }

  {
    /* Sectors may be named; they are stored as codes. */
    g_autoptr(ZsFirm) named = make_firm ("91440300708461136t", "深圳市精工机械有限公司");
    g_autoptr(GError) err = NULL;

    zs_store_load_seed (fixture->store, &err);
    g_assert_no_error (err);
    zs_firm_set_sectors (named, by_name);
    g_assert_cmpint (zs_store_add_firm (fixture->store, named, &err), >, 0);
    g_assert_no_error (err);
    g_assert_cmpstr (zs_firm_get_uscc (named), ==, "91440300708461136T");
    g_assert_cmpstr (zs_firm_get_sectors (named)[0], ==, "c05-machining");
  }
}

typedef struct {
  guint count;
  char *entity;
  ZsChangeKind kind;
} ChangedLog;

static void
on_changed (ZsStore      *store,
            const char   *entity,
            gint64        id,
            ZsChangeKind  kind,
            ChangedLog   *log)
{
  log->count++;
  g_free (log->entity);
  log->entity = g_strdup (entity);
  log->kind = kind;
}

static void
test_changed_signal (StoreFixture  *fixture,
                     gconstpointer  data)
{
  ChangedLog log = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), &log);
  id = add_firm (fixture->store, "伊宁市丝路纺织有限公司", NULL);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpstr (log.entity, ==, "firm");
  g_assert_cmpint (log.kind, ==, ZS_CHANGE_KIND_CREATE);

  /* Held back until commit, dropped on rollback. */
  g_assert_true (zs_store_begin (fixture->store, &error));
  add_firm (fixture->store, "霍城县薰衣草精油有限公司", NULL);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_true (zs_store_commit (fixture->store, &error));
  g_assert_cmpuint (log.count, ==, 2);

  g_assert_true (zs_store_begin (fixture->store, &error));
  add_firm (fixture->store, "伊宁县苹果加工有限公司", NULL);
  zs_store_rollback (fixture->store);
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_cmpint (zs_store_count_firms (fixture->store, NULL, NULL, &error), ==, 2);

  g_assert_true (zs_store_delete_firm (fixture->store, id, &error));
  g_assert_cmpuint (log.count, ==, 3);
  g_assert_cmpint (log.kind, ==, ZS_CHANGE_KIND_DELETE);
  g_free (log.entity);
}

static gint64
add_project (ZsStore *store,
             gint64   firm_id)
{
  g_autoptr(ZsProject) project = zs_project_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_project_set_firm_id (project, firm_id);
  zs_project_set_title (project, "馕产业园二期");
  zs_project_set_park_code (project, "horgos-port-park");
  zs_project_set_planned_investment (project, 30000);
  id = zs_store_add_project (store, project, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_project_stages (StoreFixture  *fixture,
                     gconstpointer  data)
{
  gint64 firm = add_firm (fixture->store, "霍尔果斯金麦馕食品有限公司", NULL);
  gint64 id = add_project (fixture->store, firm);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(ZsProject) project = NULL;

  g_assert_true (zs_store_move_project (fixture->store, id, ZS_STAGE_CONTACTED, NULL, &error));
  g_assert_true (zs_store_move_project (fixture->store, id, ZS_STAGE_SITE_VISIT, NULL, &error));

  g_assert_false (zs_store_move_project (fixture->store, id, ZS_STAGE_LOST, "  ", &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);

  g_assert_true (zs_store_move_project (fixture->store, id, ZS_STAGE_LOST, "选址在霍城县外", &error));
  history = zs_store_list_stage_changes (fixture->store, id, &error);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_null (zs_stage_change_get_from_stage (g_ptr_array_index (history, 0)));
  g_assert_cmpstr (zs_stage_change_get_to_stage (g_ptr_array_index (history, 3)), ==, "lost");
  g_assert_cmpstr (zs_stage_change_get_reason (g_ptr_array_index (history, 3)), ==, "选址在霍城县外");
  g_assert_cmpstr (zs_stage_change_get_actor (g_ptr_array_index (history, 3)), ==, "tester");

  /* The stage only moves through zs_store_move_project(). */
  project = zs_store_get_project (fixture->store, id, &error);
  zs_project_set_stage (project, ZS_STAGE_SIGNED);
  g_assert_false (zs_store_update_project (fixture->store, project, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
}

static void
test_project_validation (StoreFixture  *fixture,
                         gconstpointer  data)
{
  gint64 firm = add_firm (fixture->store, "霍尔果斯金麦馕食品有限公司", NULL);
  g_autoptr(ZsProject) project = zs_project_new ();
  g_autoptr(GError) error = NULL;

  zs_project_set_firm_id (project, firm);
  zs_project_set_title (project, "新项目");
  zs_project_set_park_code (project, "moon-base");
  g_assert_cmpint (zs_store_add_project (fixture->store, project, &error), ==, 0);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "moon-base"));
  g_clear_error (&error);

  zs_project_set_park_code (project, NULL);
  zs_project_set_planned_jobs (project, -3);
  g_assert_cmpint (zs_store_add_project (fixture->store, project, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "planned_jobs"));
  g_clear_error (&error);

  zs_project_set_planned_jobs (project, 30);
  zs_project_set_referrer_firm_id (project, firm);
  g_assert_cmpint (zs_store_add_project (fixture->store, project, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "referrer"));
  g_clear_error (&error);

  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM projects"), ==, 0);
  g_assert_false (zs_store_delete_firm (fixture->store, 999, &error));
}

static void
test_firm_in_use (StoreFixture  *fixture,
                  gconstpointer  data)
{
  gint64 firm = add_firm (fixture->store, "霍尔果斯金麦馕食品有限公司", NULL);
  g_autoptr(GError) error = NULL;

  add_project (fixture->store, firm);
  g_assert_false (zs_store_delete_firm (fixture->store, firm, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_IN_USE);
}

static void
test_viewers_cannot_write (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(ZsStaff) viewer = zs_staff_new ();
  g_autoptr(ZsFirm) firm = make_firm ("914403001922038216", "华为技术有限公司");
  g_autoptr(GError) error = NULL;
  gint64 id = add_firm (fixture->store, "霍尔果斯金麦馕食品有限公司", NULL);

  zs_staff_set_name (viewer, "王观察");
  zs_staff_set_role (viewer, ZS_ROLE_VIEWER);
  zs_store_add_staff (fixture->store, viewer, &error);
  g_assert_no_error (error);

  zs_store_set_actor (fixture->store, "王观察");
  g_assert_cmpint (zs_store_add_firm (fixture->store, firm, &error), ==, 0);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (zs_store_delete_firm (fixture->store, id, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Reading is fine. */
  g_assert_cmpint (zs_store_count_firms (fixture->store, NULL, NULL, &error), ==, 1);
}

/* The role is read once a transaction, and again once staff change in it. */
static void
test_role_change_in_transaction (StoreFixture  *fixture,
                                 gconstpointer  data)
{
  g_autoptr(ZsStaff) self_staff = zs_staff_new ();
  g_autoptr(GError) error = NULL;

  zs_store_set_actor (fixture->store, "李专员");
  g_assert_true (zs_store_begin (fixture->store, &error));
  add_firm (fixture->store, "霍尔果斯金麦馕食品有限公司", NULL);
  zs_staff_set_name (self_staff, "李专员");
  zs_staff_set_role (self_staff, ZS_ROLE_VIEWER);
  zs_store_add_staff (fixture->store, self_staff, &error);
  g_assert_no_error (error);
  g_assert_false (zs_store_delete_firm (fixture->store, 1, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_PERMISSION);
  zs_store_rollback (fixture->store);
}

static gint64
find_by_name (ZsStore    *store,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = _zs_store_find_firm_by_name (store, name, &error);

  g_assert_no_error (error);
  return id;
}

/* Firms are found by their normalised name through a hash of it; a hash
 * alone is not a match. */
static void
test_find_by_name (StoreFixture  *fixture,
                   gconstpointer  data)
{
  ZsStore *store = fixture->store;
  gint64 id = add_firm (store, "霍尔果斯金麦馕食品有限公司", NULL);
  g_autoptr(ZsFirm) firm = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_assert_cmpint (find_by_name (store, " 霍尔果斯金麦馕食品有限责任公司"), ==, id);
  g_assert_cmpint (find_by_name (store, "霍尔果斯金麦馕食品"), ==, 0);

  firm = zs_store_get_firm (store, id, &error);
  zs_firm_set_name (firm, "霍尔果斯丝路物流有限公司");
  g_assert_true (zs_store_update_firm (store, firm, &error));
  g_assert_no_error (error);
  g_assert_cmpint (find_by_name (store, "霍尔果斯丝路物流有限公司"), ==, id);
  g_assert_cmpint (find_by_name (store, "霍尔果斯金麦馕食品有限公司"), ==, 0);

  /* As if two names had the same hash. */
  g_assert_cmpint (_zs_store_execute (store, "UPDATE firms SET name_hash = zs_name_hash ('霍尔果斯天山雪豹有限公司') "
                                     "WHERE id = ?", (const char *[]) { id_text, NULL }, &error), >=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (find_by_name (store, "霍尔果斯天山雪豹有限公司"), ==, 0);
}

static void
test_backup (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) restored = NULL;
  g_autoptr(GPtrArray) found = NULL;

  add_firm (fixture->store, "霍尔果斯金麦馕食品有限公司", NULL);
  g_assert_true (zs_store_backup (fixture->store, copy, &error));
  g_assert_no_error (error);

  restored = zs_store_new (copy, &error);
  g_assert_no_error (error);
  found = zs_store_list_firms (restored, "馕", NULL, 0, 0, &error);
  g_assert_cmpuint (found->len, ==, 1);
}

static char *
write_partial (const char *dir,
               const char *name)
{
  static const char start[] = "SQLite format 3\0and more";
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  /* what a backup killed after its first page leaves: an sqlite header */
  g_assert_true (g_file_set_contents (path, start, sizeof start - 1, &error));
  g_assert_no_error (error);
  return path;
}

/* A backup killed midway leaves its hidden temporary file; the next backup
 * into that folder removes it, unless its writer still holds it. */
static void
test_backup_sweeps_killed_partials (StoreFixture  *fixture,
                                    gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->dir, "first.db", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second.db", NULL);
  g_autofree char *stale = write_partial (fixture->dir, ".old.db.AbC123.partial");
  g_autofree char *live = write_partial (fixture->dir, ".busy.db.XyZ789.partial");
  g_autofree char *other = write_partial (fixture->dir, "notes.partial");
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
  g_autoptr(GError) error = NULL;
  int fd = g_open (live, O_RDWR, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fcntl (fd, F_OFD_SETLK, &lock), ==, 0);   /* a backup still running */

  g_assert_true (zs_store_backup (fixture->store, first, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  close (fd);
  g_assert_true (zs_store_backup (fixture->store, second, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* Read only by request: reads and the check work, writes fail, and the
 * folder holds no -wal or -shm file of ours afterwards. */
static void
test_read_only_by_request (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) reader = NULL;
  g_autofree char *uscc = make_uscc (4242);
  g_autoptr(ZsFirm) firm = make_firm (uscc, "只读测试企业");
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  gboolean read_only = FALSE;

  add_firm (fixture->store, "只读前企业", NULL);
  g_clear_object (&fixture->store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  reader = zs_store_new_read_only (fixture->path, &error);
  g_assert_no_error (error);
  g_object_get (reader, "read-only", &read_only, NULL);
  g_assert_true (read_only);
  g_assert_cmpint (zs_store_count_firms (reader, NULL, NULL, &error), ==, 1);
  g_assert_true (zs_store_check (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zs_store_add_firm (reader, firm, &error), <=, 0);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_READ_ONLY);
  g_clear_object (&reader);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}


/* A filter names what it refuses; paging a sorted list gives every project
 * once. */
static void
test_projects_matching (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsProjectFilter) filter = zs_project_filter_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(GStrv) owners = NULL;
  double last = G_MAXDOUBLE;

  g_assert_true (zs_store_load_demo (fixture->store, &error));
  filter->sort = g_strdup ("budget");
  g_assert_null (zs_store_list_projects_matching (fixture->store, filter, 0, 10, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sort"));
  g_assert_nonnull (strstr (error->message, "budget"));
  g_clear_error (&error);
  g_clear_pointer (&filter->sort, g_free);
  filter->stage = g_strdup ("finished");
  g_assert_cmpint (zs_store_count_projects_matching (fixture->store, filter, &error), ==, -1);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "finished"));
  g_clear_error (&error);
  g_clear_pointer (&filter->stage, g_free);

  filter->sort = g_strdup ("planned");
  filter->direction = ZS_SORT_DESCENDING;
  g_assert_cmpint (zs_store_count_projects_matching (fixture->store, filter, &error), ==, 50);
  for (guint offset = 0; offset < 50; offset += 7)
    {
      g_autoptr(GPtrArray) page = zs_store_list_projects_matching (fixture->store, filter, offset, 7, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < page->len; i++)
        {
          ZsProject *project = g_ptr_array_index (page, i);
          gint64 id = zs_project_get_id (project);

          g_assert_cmpfloat (zs_project_get_planned_investment (project), <=, last);
          last = zs_project_get_planned_investment (project);
          g_assert_false (g_hash_table_contains (seen, &id));
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 50);

  owners = zs_store_list_project_owners (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (owners), >, 1);
  for (guint i = 1; owners[i] != NULL; i++)
    g_assert_cmpint (strcmp (owners[i - 1], owners[i]), <, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, setup, func) g_test_add (path, StoreFixture, NULL, setup, func, store_fixture_teardown)
  ADD ("/store/new-database", store_fixture_setup, test_new_database);
  ADD ("/store/refuses-newer-database", store_fixture_setup, test_refuses_newer_database);
  g_test_add_func ("/store/not-a-database", test_not_a_database);
  ADD ("/store/seed-is-idempotent", store_fixture_setup, test_seed_is_idempotent);
  ADD ("/store/demo", store_fixture_setup, test_demo);
  ADD ("/store/firm-validation", store_fixture_setup, test_firm_validation);
  ADD ("/store/changed-signal", store_fixture_setup, test_changed_signal);
  ADD ("/store/project-stages", store_fixture_setup_seeded, test_project_stages);
  ADD ("/store/project-validation", store_fixture_setup_seeded, test_project_validation);
  ADD ("/store/firm-in-use", store_fixture_setup_seeded, test_firm_in_use);
  ADD ("/store/projects-matching", store_fixture_setup, test_projects_matching);
  ADD ("/store/backup", store_fixture_setup, test_backup);
  ADD ("/store/backup-sweeps-killed-partials", store_fixture_setup, test_backup_sweeps_killed_partials);
  ADD ("/store/read-only-by-request", store_fixture_setup, test_read_only_by_request);
  ADD ("/store/find-by-name", store_fixture_setup, test_find_by_name);
  ADD ("/store/viewers-cannot-write", store_fixture_setup, test_viewers_cannot_write);
  ADD ("/store/role-change-in-transaction", store_fixture_setup, test_role_change_in_transaction);
#undef ADD
  return g_test_run ();
}
