/* zs-test-util.c: fixtures shared by the core tests */
#include "zs-test-util.h"

#include <glib/gstdio.h>

#ifdef ZHAOSHANG_COMPILATION
#include "zs-store-raw-private.h"
#endif

void
store_fixture_setup (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zs-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = zs_store_create (fixture->path, &error);
  g_assert_no_error (error);
  zs_store_set_actor (fixture->store, "tester");
}

void
store_fixture_setup_seeded (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_fixture_setup (fixture, data);
  zs_store_load_seed (fixture->store, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

void
store_fixture_teardown (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* A valid code for any serial: region 654004, serial as organisation code. */
char *
make_uscc (guint serial)
{
  g_autofree char *first17 = g_strdup_printf ("91654004%09u", serial);

  return g_strdup_printf ("%s%c", first17, zs_uscc_check_character (first17));
}

ZsFirm *
make_firm (const char *uscc,
           const char *name)
{
  ZsFirm *firm = zs_firm_new ();

  zs_firm_set_uscc (firm, uscc);
  zs_firm_set_name (firm, name);
  return firm;
}

gint64
add_firm (ZsStore    *store,
          const char *name,
          const char *scope)
{
  static guint serial = 1;
  g_autofree char *uscc = make_uscc (serial++);
  g_autoptr(ZsFirm) firm = make_firm (uscc, name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_firm_set_business_scope (firm, scope);
  id = zs_store_add_firm (store, firm, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

#ifdef ZHAOSHANG_COMPILATION
/* The first column of the first row @sql returns, asserting it runs. */
char *
query_value (ZsStore    *store,
             const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = _zs_store_query (store, sql, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
  return g_strdup (((char **) g_ptr_array_index (rows, 0))[0]);
}
#endif
