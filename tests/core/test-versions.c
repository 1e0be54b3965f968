/* test-versions.c: record versions, field-level updates and conflicts */
#include "zs-test-util.h"

/* Two copies of one firm, as two people loaded it. */
static void
load_twice (StoreFixture  *fixture,
            gint64         id,
            ZsFirm       **first,
            ZsFirm       **second)
{
  g_autoptr(GError) error = NULL;

  *first = zs_store_get_firm (fixture->store, id, &error);
  g_assert_no_error (error);
  *second = zs_store_get_firm (fixture->store, id, &error);
  g_assert_no_error (error);
}

static void
test_version_counts_writes (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_firm (fixture->store, "霍尔果斯金麦馕食品有限公司", NULL);
  g_autoptr(ZsFirm) firm = zs_store_get_firm (fixture->store, id, &error);
  g_autoptr(ZsFirm) reread = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (zs_firm_get_version (firm), ==, 1);

  zs_firm_set_notes (firm, "第一次拜访");
  g_assert_true (zs_store_update_firm (fixture->store, firm, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zs_firm_get_version (firm), ==, 2);

  /* Saving what is stored writes nothing and keeps the version. */
  g_assert_true (zs_store_update_firm (fixture->store, firm, &error));
  reread = zs_store_get_firm (fixture->store, id, &error);
  g_assert_cmpint (zs_firm_get_version (reread), ==, 2);
}

static void
test_different_fields_merge (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_firm (fixture->store, "霍尔果斯丝路物流有限公司", NULL);
  g_autoptr(ZsFirm) alice = NULL;
  g_autoptr(ZsFirm) bob = NULL;
  g_autoptr(ZsFirm) stored = NULL;

  load_twice (fixture, id, &alice, &bob);
  zs_firm_set_address (alice, "霍尔果斯市亚欧路 8 号");
  g_assert_true (zs_store_update_firm (fixture->store, alice, &error));
  g_assert_no_error (error);

  /* Bob's copy still holds the old address: only his own field is his. */
  zs_firm_set_website (bob, "https://example.cn");
  g_assert_true (zs_store_update_firm (fixture->store, bob, &error));
  g_assert_no_error (error);

  stored = zs_store_get_firm (fixture->store, id, &error);
  g_assert_cmpstr (zs_firm_get_address (stored), ==, "霍尔果斯市亚欧路 8 号");
  g_assert_cmpstr (zs_firm_get_website (stored), ==, "https://example.cn");
  g_assert_cmpint (zs_firm_get_version (stored), ==, 3);
  /* Bob's object now shows the row as stored, Alice's field included. */
  g_assert_cmpstr (zs_firm_get_address (bob), ==, "霍尔果斯市亚欧路 8 号");
  g_assert_cmpint (zs_firm_get_version (bob), ==, 3);
}

static void
test_same_field_conflicts (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_firm (fixture->store, "伊宁天山纺织有限公司", NULL);
  g_autoptr(ZsFirm) alice = NULL;
  g_autoptr(ZsFirm) bob = NULL;
  g_autoptr(ZsFirm) stored = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  guint notes_changes = 0;

  load_twice (fixture, id, &alice, &bob);
  zs_store_set_actor (fixture->store, "alice");
  zs_firm_set_notes (alice, "意向强烈");
  g_assert_true (zs_store_update_firm (fixture->store, alice, &error));
  g_assert_no_error (error);

  zs_store_set_actor (fixture->store, "bob");
  zs_firm_set_notes (bob, "暂无意向");
  zs_firm_set_website (bob, "https://bob.example.cn");
  g_assert_false (zs_store_update_firm (fixture->store, bob, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_CONFLICT);
  /* The message names the field, who changed it and both values. */
  g_assert_nonnull (strstr (error->message, "notes"));
  g_assert_nonnull (strstr (error->message, "alice"));
  g_assert_nonnull (strstr (error->message, "意向强烈"));
  g_assert_nonnull (strstr (error->message, "暂无意向"));
  g_clear_error (&error);

  /* Nothing of Bob's edit is written, not even the field that merged. */
  stored = zs_store_get_firm (fixture->store, id, NULL);
  g_assert_cmpstr (zs_firm_get_notes (stored), ==, "意向强烈");
  g_assert_null (zs_firm_get_website (stored));
  g_assert_cmpint (zs_firm_get_version (stored), ==, 2);

  changes = zs_store_list_changes (fixture->store, "firm", id, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    notes_changes += g_strcmp0 (zs_change_get_field (g_ptr_array_index (changes, i)), "notes") == 0;
  g_assert_cmpuint (notes_changes, ==, 1);
}

static void
test_same_value_is_no_conflict (StoreFixture  *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_firm (fixture->store, "伊犁河谷果业有限公司", NULL);
  g_autoptr(ZsFirm) alice = NULL;
  g_autoptr(ZsFirm) bob = NULL;

  load_twice (fixture, id, &alice, &bob);
  zs_firm_set_notes (alice, "已签约");
  g_assert_true (zs_store_update_firm (fixture->store, alice, &error));
  zs_firm_set_notes (bob, "已签约");
  g_assert_true (zs_store_update_firm (fixture->store, bob, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zs_firm_get_version (bob), ==, 2);
}

static void
test_unknown_version_refused (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_firm (fixture->store, "霍城薰衣草精油有限公司", NULL);
  g_autoptr(ZsFirm) firm = zs_store_get_firm (fixture->store, id, NULL);

  g_object_set (firm, "version", (gint64) 9, NULL);
  zs_firm_set_notes (firm, "x");
  g_assert_false (zs_store_update_firm (fixture->store, firm, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "version"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup_seeded, func, store_fixture_teardown)
  ADD ("/versions/counts-writes", test_version_counts_writes);
  ADD ("/versions/different-fields-merge", test_different_fields_merge);
  ADD ("/versions/same-field-conflicts", test_same_field_conflicts);
  ADD ("/versions/same-value-is-no-conflict", test_same_value_is_no_conflict);
  ADD ("/versions/unknown-version-refused", test_unknown_version_refused);
#undef ADD

  return g_test_run ();
}
