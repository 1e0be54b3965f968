/* test-migration.c: databases written by earlier versions open and upgrade */
#include "zs-test-util.h"
#include "zs-store-private.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

static char *
create_from_fixture (const char *dir,
                     const char *fixture)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "core", "fixtures", fixture, NULL);
  g_autofree char *sql = NULL;
  char *db_path = g_build_filename (dir, "old.db", NULL);
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return db_path;
}

static void
test_upgrade_from_v1 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("zs-test-XXXXXX", NULL);
  g_autofree char *path = create_from_fixture (dir, "schema-v1.sql");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = zs_store_create (path, &error);
  g_autoptr(GPtrArray) nang = NULL;
  g_autoptr(GPtrArray) huawei = NULL;
  g_autoptr(GPtrArray) by_contact = NULL;
  g_autofree char *unhashed = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (zs_store_get_schema_version (store), ==, ZS_SCHEMA_VERSION_CURRENT);

  /* The search index is built from the rows the old version wrote. */
  nang = zs_store_list_firms (store, "馕", NULL, 0, 0, &error);
  huawei = zs_store_list_firms (store, "华为", NULL, 0, 0, &error);
  by_contact = zs_store_list_firms (store, "阿依古丽", NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nang->len, ==, 1);
  g_assert_cmpuint (huawei->len, ==, 1);
  g_assert_cmpuint (by_contact->len, ==, 1);
  g_assert_cmpstrv (zs_firm_get_sectors (g_ptr_array_index (nang, 0)),
                    ((const char *[]) { "c05-food", NULL }));
  g_assert_true (zs_store_check (store, &error));
  g_assert_no_error (error);
  /* Every firm can be found by its name again. */
  g_assert_cmpint (_zs_store_find_firm_by_name (store, zs_firm_get_name (g_ptr_array_index (nang, 0)), &error), ==,
                   zs_firm_get_id (g_ptr_array_index (nang, 0)));
  unhashed = query_value (store, "SELECT count(*) FROM firms WHERE name_hash IS NOT zs_name_hash (name)");
  g_assert_cmpstr (unhashed, ==, "0");

  /* And it keeps working for new rows. */
  add_firm (store, "伊宁县馕饼有限公司", NULL);
  g_clear_pointer (&nang, g_ptr_array_unref);
  nang = zs_store_list_firms (store, "馕", NULL, 0, 0, &error);
  g_assert_cmpuint (nang->len, ==, 2);
  g_assert_true (zs_store_check (store, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_failed_step_leaves_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("zs-test-XXXXXX", NULL);
  g_autofree char *path = create_from_fixture (dir, "schema-v1.sql");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* A table in the way of the next step makes it fail part-way. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE firm_search (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = zs_store_create (path, &error);
  g_assert_null (store);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "version 2"));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/migration/upgrade-from-v1", test_upgrade_from_v1);
  g_test_add_func ("/migration/failed-step-leaves-database", test_failed_step_leaves_database);
  return g_test_run ();
}
