/* test-locks.c: the store's locks survive the process's other access to
 * the database file, and another process's writes stay visible */
#include "zs-test-util.h"

#include <gio/gio.h>

/* Runs the CLI on @fixture's database; returns its standard output. */
static char *
run_cli (StoreFixture *fixture,
         const char   *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("ZHAOSHANG_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, fixture->path);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", first_arg, err);
  return g_steal_pointer (&out);
}

/* What a file chooser does to the files it shows: read the first bytes
 * to guess the content type, then close. */
static void
touch_through_gio (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  char buffer[4096];

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, &error);
  g_assert_no_error (error);
  g_input_stream_close (G_INPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_locks_survive_other_descriptors (StoreFixture  *fixture,
                                      gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *cli_uscc = make_uscc (901);
  g_autoptr(ZsFirm) from_cli = NULL;
  g_autoptr(GError) error = NULL;

  add_firm (fixture->store, "霍尔果斯应用写入一有限公司", NULL);
  touch_through_gio (fixture->path);

  g_free (run_cli (fixture, "firms", "add", "--name", "霍尔果斯命令行写入有限公司",
                   "--uscc", cli_uscc, NULL));
  /* The other process did not take itself for the last user. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));

  touch_through_gio (fixture->path);
  add_firm (fixture->store, "霍尔果斯应用写入二有限公司", NULL);

  listing = run_cli (fixture, "firms", "list", "--json", NULL);
  g_assert_nonnull (strstr (listing, "霍尔果斯应用写入一有限公司"));
  g_assert_nonnull (strstr (listing, "霍尔果斯应用写入二有限公司"));
  g_assert_nonnull (strstr (listing, "霍尔果斯命令行写入有限公司"));

  from_cli = zs_store_find_firm_by_uscc (fixture->store, cli_uscc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (from_cli);
  g_assert_cmpint (zs_store_count_firms (fixture->store, NULL, NULL, &error), ==, 3);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/locks/survive-other-descriptors", StoreFixture, NULL,
              store_fixture_setup, test_locks_survive_other_descriptors, store_fixture_teardown);
  return g_test_run ();
}
