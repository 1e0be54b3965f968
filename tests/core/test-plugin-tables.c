/* test-plugin-tables.c: the core's tables inside a plugin's storage (its
 * settings and its seed bookkeeping), called as the plugin engine calls them */
#include "zs-test-util.h"

#include "zs-plugin-tables-private.h"

/* A module name with a '-', so its table prefix differs from it. */
#define MODULE "crop-map"
#define TYPE   "crop_map.crop"

typedef struct {
  StoreFixture     base;
  ZsPluginStorage *storage;
} TablesFixture;

static void
tables_setup (TablesFixture *fixture,
              gconstpointer  data)
{
  store_fixture_setup (&fixture->base, data);
  fixture->storage = zs_plugin_storage_new (fixture->base.store, MODULE);
}

static void
tables_teardown (TablesFixture *fixture,
                 gconstpointer  data)
{
  g_clear_object (&fixture->storage);
  store_fixture_teardown (&fixture->base, data);
}

static char *
setting (TablesFixture *fixture,
         const char    *key)
{
  g_autoptr(GError) error = NULL;
  char *value = (char *) 0x1;   /* must be overwritten, even with NULL */

  g_assert_true (_zs_plugin_tables_get_setting (fixture->storage, key, &value, &error));
  g_assert_no_error (error);
  return value;
}

static void
put (TablesFixture *fixture,
     const char    *key,
     const char    *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_zs_plugin_tables_put_setting (fixture->storage, key, value, &error));
  g_assert_no_error (error);
}

static void
test_settings (TablesFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before_table = setting (fixture, "top");
  g_autofree char *top = NULL, *region = NULL, *gone = NULL, *after_all = NULL;
  g_autofree char *table = NULL;

  /* No setting was ever changed: no table, and no value. */
  g_assert_null (before_table);
  g_assert_true (_zs_plugin_tables_ensure_settings (fixture->storage, &error));
  g_assert_true (_zs_plugin_tables_ensure_settings (fixture->storage, &error));
  g_assert_no_error (error);

  put (fixture, "top", "3");
  put (fixture, "top", "5");          /* a second value replaces the first */
  put (fixture, "region", "霍尔果斯");
  top = setting (fixture, "top");
  region = setting (fixture, "region");
  g_assert_cmpstr (top, ==, "5");
  g_assert_cmpstr (region, ==, "霍尔果斯");
  /* The table is the plugin's, named with its prefix. */
  table = query_value (fixture->base.store, "SELECT count(*) FROM crop_map_core_settings");
  g_assert_cmpstr (table, ==, "2");

  g_assert_true (_zs_plugin_tables_delete_settings (fixture->storage, "top", &error));
  g_assert_no_error (error);
  gone = setting (fixture, "top");
  g_assert_null (gone);
  g_clear_pointer (&region, g_free);
  region = setting (fixture, "region");
  g_assert_cmpstr (region, ==, "霍尔果斯");

  put (fixture, "top", "7");
  g_assert_true (_zs_plugin_tables_delete_settings (fixture->storage, NULL, &error));
  g_assert_no_error (error);
  after_all = query_value (fixture->base.store, "SELECT count(*) FROM crop_map_core_settings");
  g_assert_cmpstr (after_all, ==, "0");
}

/* A plugin's tables from before the store kept them read as they did. */
static void
test_settings_existing_table (TablesFixture *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *replaced = NULL;

  g_assert_cmpint (zs_plugin_storage_execute (fixture->storage,
                                              "CREATE TABLE crop_map_core_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                                              NULL, &error), ==, 0);
  g_assert_cmpint (zs_plugin_storage_execute (fixture->storage,
                                              "INSERT INTO crop_map_core_settings (key, value) VALUES ('top', '4')",
                                              NULL, &error), ==, 1);
  g_assert_no_error (error);
  value = setting (fixture, "top");
  g_assert_cmpstr (value, ==, "4");
  g_assert_true (_zs_plugin_tables_ensure_settings (fixture->storage, &error));
  put (fixture, "top", "9");
  replaced = setting (fixture, "top");
  g_assert_cmpstr (replaced, ==, "9");
}

static void
test_settings_audit (TablesFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  ZsChange *change;

  zs_store_set_actor (fixture->base.store, "tester");
  g_assert_true (_zs_plugin_tables_audit_setting (fixture->storage, "top", "3", "5", &error));
  g_assert_no_error (error);

  changes = zs_store_list_changes (fixture->base.store, NULL, 0, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (zs_change_get_entity (change), ==, "plugin_setting");
  g_assert_cmpint (zs_change_get_entity_id (change), ==, 0);
  g_assert_cmpstr (zs_change_get_field (change), ==, MODULE ".top");
  g_assert_cmpstr (zs_change_get_old_value (change), ==, "3");
  g_assert_cmpstr (zs_change_get_new_value (change), ==, "5");
  g_assert_cmpstr (zs_change_get_actor (change), ==, "tester");
  g_assert_cmpint (zs_change_get_kind (change), ==, ZS_CHANGE_KIND_UPDATE);
}

static gint64
revision (TablesFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 value = _zs_plugin_tables_get_seed_revision (fixture->storage, &error);

  g_assert_no_error (error);
  return value;
}

static ZsSeedEntry *
by_key (TablesFixture *fixture,
        const char    *key)
{
  g_autoptr(GError) error = NULL;
  ZsSeedEntry *entry = (ZsSeedEntry *) 0x1;

  g_assert_true (_zs_plugin_tables_find_seed_key (fixture->storage, TYPE, key, &entry, &error));
  g_assert_no_error (error);
  return entry;
}

static ZsSeedEntry *
by_record (TablesFixture *fixture,
           gint64         record_id)
{
  g_autoptr(GError) error = NULL;
  ZsSeedEntry *entry = (ZsSeedEntry *) 0x1;

  g_assert_true (_zs_plugin_tables_find_seed_record (fixture->storage, TYPE, record_id, &entry, &error));
  g_assert_no_error (error);
  return entry;
}

static void
remember (TablesFixture *fixture,
          const char    *key,
          gint64         record_id,
          gint64         version,
          const char    *created_at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_zs_plugin_tables_remember_seed (fixture->storage, TYPE, key, "code",
                                                  record_id, version, created_at, &error));
  g_assert_no_error (error);
}

static void
test_seed_revision (TablesFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsSeedEntry) none = NULL;

  /* No seed applied: revision 0, and no record is the seed's. */
  g_assert_cmpint (revision (fixture), ==, 0);
  none = by_record (fixture, 1);
  g_assert_null (none);

  g_assert_true (_zs_plugin_tables_ensure_seed (fixture->storage, &error));
  g_assert_true (_zs_plugin_tables_ensure_seed (fixture->storage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (revision (fixture), ==, 0);
  g_assert_true (_zs_plugin_tables_set_seed_revision (fixture->storage, 3, &error));
  g_assert_cmpint (revision (fixture), ==, 3);
  g_assert_true (_zs_plugin_tables_set_seed_revision (fixture->storage, 12, &error));
  g_assert_no_error (error);
  g_assert_cmpint (revision (fixture), ==, 12);
}

static void
assert_entry (ZsSeedEntry *entry,
              gint64       record_id,
              gint64       version,
              const char  *created_at)
{
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->record_id, ==, record_id);
  g_assert_cmpint (entry->version, ==, version);
  g_assert_cmpstr (entry->created_at, ==, created_at);
  g_assert_cmpstr (entry->key, ==, "wheat");
  g_assert_cmpstr (entry->key_field, ==, "code");
}

static void
test_seed_records (TablesFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsSeedEntry) unknown = NULL, first = NULL, found = NULL, updated = NULL;
  g_autoptr(ZsSeedEntry) tombstone = NULL, no_record = NULL, other_type = NULL, no_time = NULL;

  g_assert_true (_zs_plugin_tables_ensure_seed (fixture->storage, &error));
  g_assert_no_error (error);
  unknown = by_key (fixture, "wheat");
  g_assert_null (unknown);

  remember (fixture, "wheat", 7, 1, "2024-05-01T08:00:00Z");
  first = by_key (fixture, "wheat");
  assert_entry (first, 7, 1, "2024-05-01T08:00:00Z");
  found = by_record (fixture, 7);
  assert_entry (found, 7, 1, "2024-05-01T08:00:00Z");

  /* The seed wrote the record again: one row, the newer version. */
  remember (fixture, "wheat", 7, 2, "2024-05-01T08:00:00Z");
  updated = by_key (fixture, "wheat");
  assert_entry (updated, 7, 2, "2024-05-01T08:00:00Z");

  /* The user deleted it: the row stays, without a record. */
  g_assert_true (_zs_plugin_tables_forget_seed (fixture->storage, TYPE, "wheat", "code", &error));
  g_assert_no_error (error);
  tombstone = by_key (fixture, "wheat");
  assert_entry (tombstone, 0, 0, "");
  no_record = by_record (fixture, 7);
  g_assert_null (no_record);

  /* Rows are per type; a record without a creation time reads as "". */
  g_assert_true (_zs_plugin_tables_remember_seed (fixture->storage, "crop_map.field", "wheat", "code",
                                                  8, 1, NULL, &error));
  g_assert_no_error (error);
  other_type = by_record (fixture, 8);
  g_assert_null (other_type);
  remember (fixture, "wheat", 9, 1, NULL);
  no_time = by_record (fixture, 9);
  assert_entry (no_time, 9, 1, "");
}

/* ---- the seed code over these calls -------------------------------- */

static const char crop_type[] =
  "{ \"name\": \"" TYPE "\", \"version\": 1, \"label\": \"Crop\", \"fields\": ["
  "  { \"name\": \"code\", \"kind\": \"text\", \"required\": true, \"unique\": true },"
  "  { \"name\": \"name\", \"kind\": \"text\" } ] }";

static GObject *
find_crop (ZsStore    *store,
           const char *code)
{
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;

  zs_record_query_add_filter (query, "code", ZS_FILTER_EQUAL, code);
  page = zs_store_list_records (store, TYPE, query, &error);
  g_assert_no_error (error);
  return page->len > 0 ? g_object_ref (g_ptr_array_index (page, 0)) : NULL;
}

static void
apply (ZsStore    *store,
       const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zs_plugin_seed_apply (store, MODULE, json, &error));
  g_assert_no_error (error);
}

static void
test_seed_apply (TablesFixture *fixture,
                 gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsRecordType) type = zs_record_type_new_from_json (crop_type, &error);
  g_autoptr(GObject) wheat = NULL, cotton = NULL, rice = NULL, gone = NULL, kept = NULL;
  g_autoptr(ZsSeedEntry) tombstone = NULL;
  g_autofree char *cotton_origin = NULL, *rice_origin = NULL;

  g_assert_no_error (error);
  g_assert_true (zs_store_register_record_type (store, type, &error));
  g_assert_no_error (error);
  apply (store, "{\"revision\": 1, \"types\": [{\"type\": \"" TYPE "\", \"key\": \"code\", \"records\": ["
                "{\"code\": \"wheat\", \"name\": \"小麦\"}, {\"code\": \"cotton\", \"name\": \"棉花\"}]}]}");
  wheat = find_crop (store, "wheat");
  cotton = find_crop (store, "cotton");
  g_assert_true (zs_store_delete_record (store, TYPE, zs_record_get_id (ZS_RECORD (wheat)), &error));
  zs_record_set_string (ZS_RECORD (cotton), "name", "我的棉花");
  g_assert_true (zs_store_update_record (store, cotton, &error));
  g_assert_no_error (error);

  apply (store, "{\"revision\": 2, \"types\": [{\"type\": \"" TYPE "\", \"key\": \"code\", \"records\": ["
                "{\"code\": \"wheat\", \"name\": \"冬小麦\"}, {\"code\": \"cotton\", \"name\": \"长绒棉\"},"
                "{\"code\": \"rice\", \"name\": \"水稻\"}]}]}");
  g_assert_cmpint (zs_plugin_seed_get_revision (store, MODULE, &error), ==, 2);
  gone = find_crop (store, "wheat");
  g_assert_null (gone);                             /* deleted: not back */
  tombstone = by_key (fixture, "wheat");
  assert_entry (tombstone, 0, 0, "");
  kept = find_crop (store, "cotton");
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (kept), "name"), ==, "我的棉花");
  cotton_origin = zs_plugin_seed_get_origin (store, TYPE, zs_record_get_id (ZS_RECORD (kept)), &error);
  g_assert_cmpstr (cotton_origin, ==, "edited");
  rice = find_crop (store, "rice");
  rice_origin = zs_plugin_seed_get_origin (store, TYPE, zs_record_get_id (ZS_RECORD (rice)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rice_origin, ==, "seed");
}

/* The calls obey the plugin's storage rules like the plugin's own SQL:
 * a viewer writes nothing. */
static void
test_viewer_writes_nothing (TablesFixture *fixture,
                            gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(ZsStaff) viewer = zs_staff_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_true (_zs_plugin_tables_ensure_settings (fixture->storage, &error));
  g_assert_no_error (error);
  zs_staff_set_name (viewer, "观察员");
  zs_staff_set_role (viewer, ZS_ROLE_VIEWER);
  g_assert_cmpint (zs_store_add_staff (store, viewer, &error), >, 0);
  g_assert_no_error (error);
  zs_store_set_actor (store, "观察员");

  g_assert_false (_zs_plugin_tables_put_setting (fixture->storage, "top", "5", &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (_zs_plugin_tables_ensure_seed (fixture->storage, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_PERMISSION);
  g_clear_error (&error);
  value = setting (fixture, "top");
  g_assert_null (value);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, TablesFixture, NULL, tables_setup, func, tables_teardown)
  ADD ("/plugin-tables/settings", test_settings);
  ADD ("/plugin-tables/settings-existing-table", test_settings_existing_table);
  ADD ("/plugin-tables/settings-audit", test_settings_audit);
  ADD ("/plugin-tables/seed-revision", test_seed_revision);
  ADD ("/plugin-tables/seed-records", test_seed_records);
  ADD ("/plugin-tables/seed-apply", test_seed_apply);
  ADD ("/plugin-tables/viewer-writes-nothing", test_viewer_writes_nothing);
#undef ADD
  return g_test_run ();
}
