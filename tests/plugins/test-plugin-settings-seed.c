/* test-plugin-settings-seed.c: a plugin's settings and seed records, kept by
 * the core; driven through the settings_seed Python fixture */
#include "zs-test-util.h"

#include <string.h>

typedef struct {
  StoreFixture      base;
  ZsPluginEngine   *engine;
  ZsPluginContext  *context;   /* the fixture plugin's */
  ZsPluginSettings *settings;
} SeedFixture;

#define CROP "settings_seed.crop"
#define VARIETY "settings_seed.variety"

/* The warnings libpeas and Python give about the syntax_error fixture,
 * which sits in the same folder. */
static gboolean
allow_plugin_warnings (const char     *domain,
                       GLogLevelFlags  level,
                       const char     *message,
                       gpointer        user_data)
{
  return (level & G_LOG_LEVEL_MASK) != G_LOG_LEVEL_WARNING ||
         strstr (message, "syntax_error") == NULL;
}

static void
seed_setup (SeedFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(ZsPlugin) plugin = NULL;

  g_test_log_set_fatal_handler (allow_plugin_warnings, NULL);
  store_fixture_setup (&fixture->base, data);
  zs_store_set_actor (fixture->base.store, "tester");
  fixture->engine = zs_plugin_engine_new (fixture->base.store);
  zs_plugin_engine_load_all (fixture->engine);
  plugin = zs_plugin_engine_get_plugin (fixture->engine, "settings_seed", NULL);
  g_assert_nonnull (plugin);
  g_assert_cmpstr (zs_plugin_get_error (plugin), ==, NULL);
  g_assert_true (zs_plugin_get_active (plugin));
  fixture->context = zs_plugin_engine_get_context (fixture->engine, "settings_seed");
  fixture->settings = zs_plugin_context_get_plugin_settings (fixture->context);
}

static void
seed_teardown (SeedFixture   *fixture,
               gconstpointer  data)
{
  g_clear_object (&fixture->engine);
  store_fixture_teardown (&fixture->base, data);
}

static char *
run_good (SeedFixture *fixture)
{
  ZsPluginContext *context = NULL;
  g_autoptr(ZsCommandProvider) provider = zs_plugin_engine_find_command (fixture->engine, "crops", &context);
  g_autoptr(GError) error = NULL;
  const char *args[] = { "good", NULL };
  char *output;

  g_assert_nonnull (provider);
  output = zs_command_provider_run (provider, context, "crops", args, FALSE, &error);
  g_assert_no_error (error);
  return output;
}

static void
test_settings_defaults (SeedFixture   *fixture,
                        gconstpointer  data)
{
  g_auto(GStrv) keys = zs_plugin_settings_list_keys (fixture->settings);
  g_autofree char *json = NULL;
  g_autofree char *good = run_good (fixture);
  g_autofree char *region = zs_plugin_settings_get_string (fixture->settings, "region");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *threshold;

  g_assert_cmpuint (g_strv_length (keys), ==, 4);
  g_assert_cmpstr (keys[0], ==, "threshold");
  g_assert_cmpfloat (zs_plugin_settings_get_double (fixture->settings, "threshold"), ==, 2.5);
  g_assert_cmpint (zs_plugin_settings_get_int (fixture->settings, "top"), ==, 3);
  g_assert_false (zs_plugin_settings_get_boolean (fixture->settings, "organic_only"));
  g_assert_cmpstr (region, ==, "霍尔果斯");
  /* The Python plugin reads its settings: above 2.5 are cotton and lavender. */
  g_assert_cmpstr (good, ==, "cotton,lavender top=3 region=霍尔果斯\n");

  json = zs_plugin_settings_to_json (fixture->settings, &error);
  g_assert_no_error (error);
  node = json_from_string (json, &error);
  g_assert_no_error (error);
  threshold = json_array_get_object_element (json_node_get_array (node), 0);
  g_assert_cmpstr (json_object_get_string_member (threshold, "type"), ==, "double");
  g_assert_cmpfloat (json_object_get_double_member (threshold, "default"), ==, 2.5);
  g_assert_cmpfloat (json_object_get_double_member (threshold, "max"), ==, 100);
  g_assert_false (json_object_get_boolean_member (threshold, "changed"));
}

static void
test_settings_set_and_reset (SeedFixture   *fixture,
                             gconstpointer  data)
{
  ZsPluginSettings *settings = fixture->settings;
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean threshold_audited = FALSE;
  guint n_audited = 0;

  g_assert_true (zs_plugin_settings_set_text (settings, "threshold", "3.5", &error));
  g_assert_no_error (error);
  g_assert_true (zs_plugin_settings_set_text (settings, "organic_only", "true", &error));
  g_assert_true (zs_plugin_settings_set_int (settings, "top", 1, &error));
  g_assert_no_error (error);
  good = run_good (fixture);
  g_assert_cmpstr (good, ==, "lavender top=1 region=霍尔果斯\n");
  g_assert_true (zs_plugin_settings_get_boolean (settings, "organic_only"));

  text = zs_plugin_settings_get_text (settings, "threshold", &error);
  g_assert_cmpstr (text, ==, "3.5");

  /* Each change is in the audit trail, under the acting staff member. */
  changes = zs_store_list_changes (fixture->base.store, NULL, 0, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    {
      ZsChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (zs_change_get_entity (change), "plugin_setting") != 0)
        continue;
      n_audited++;
      g_assert_cmpstr (zs_change_get_actor (change), ==, "tester");
      if (g_strcmp0 (zs_change_get_field (change), "settings_seed.threshold") == 0)
        {
          g_assert_cmpstr (zs_change_get_old_value (change), ==, "2.5");
          g_assert_cmpstr (zs_change_get_new_value (change), ==, "3.5");
          threshold_audited = TRUE;
        }
    }
  g_assert_true (threshold_audited);
  g_assert_cmpuint (n_audited, ==, 3);

  zs_plugin_settings_reset (settings, "threshold", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (zs_plugin_settings_get_double (settings, "threshold"), ==, 2.5);
  g_assert_cmpint (zs_plugin_settings_get_int (settings, "top"), ==, 1);
  g_assert_true (zs_plugin_settings_reset (settings, NULL, &error));
  g_assert_cmpint (zs_plugin_settings_get_int (settings, "top"), ==, 3);
  g_assert_false (zs_plugin_settings_get_boolean (settings, "organic_only"));
}

static void
expect_refused (ZsPluginSettings *settings,
                const char       *key,
                const char       *value,
                GQuark            domain,
                int               code,
                const char       *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (zs_plugin_settings_set_text (settings, key, value, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_settings_bad_values (SeedFixture   *fixture,
                          gconstpointer  data)
{
  ZsPluginSettings *settings = fixture->settings;
  g_autoptr(GError) error = NULL;

  expect_refused (settings, "threshold", "abc", ZS_ERROR, ZS_ERROR_INVALID, "threshold: “abc” is not a number");
  expect_refused (settings, "threshold", "nan", ZS_ERROR, ZS_ERROR_INVALID, "threshold: “nan” is not a number");
  expect_refused (settings, "threshold", "101", ZS_ERROR, ZS_ERROR_INVALID, "threshold: 101 is not from 0 to 100");
  expect_refused (settings, "top", "2.5", ZS_ERROR, ZS_ERROR_INVALID, "top: “2.5” is not a whole number");
  expect_refused (settings, "top", "0", ZS_ERROR, ZS_ERROR_INVALID, "top: 0 is not from 1 to 50");
  expect_refused (settings, "top", "", ZS_ERROR, ZS_ERROR_INVALID, "top: “” is not a whole number");
  expect_refused (settings, "organic_only", "yes", ZS_ERROR, ZS_ERROR_INVALID, "organic_only: “yes” is not true or false");
  expect_refused (settings, "colour", "red", ZS_ERROR, ZS_ERROR_NOT_FOUND,
                  "“colour” is not a setting of the plugin “settings_seed”");
  g_assert_false (zs_plugin_settings_reset (settings, "colour", &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND);

  /* Nothing was written: every key still has its default. */
  g_assert_cmpfloat (zs_plugin_settings_get_double (settings, "threshold"), ==, 2.5);
  g_assert_cmpint (zs_plugin_settings_get_int (settings, "top"), ==, 3);
}

/* ---- seed ---------------------------------------------------------- */

static GObject *
find_crop (SeedFixture *fixture,
           const char  *code)
{
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;

  zs_record_query_add_filter (query, "code", ZS_FILTER_EQUAL, code);
  page = zs_store_list_records (fixture->base.store, CROP, query, &error);
  g_assert_no_error (error);
  return page->len > 0 ? g_object_ref (g_ptr_array_index (page, 0)) : NULL;
}

static guint
count_crops (SeedFixture *fixture)
{
  g_autoptr(GPtrArray) page = zs_store_list_records (fixture->base.store, CROP, NULL, NULL);

  g_assert_nonnull (page);
  return page->len;
}

static char *
origin_of (SeedFixture *fixture,
           const char  *code)
{
  g_autoptr(GObject) crop = find_crop (fixture, code);
  g_autoptr(GError) error = NULL;
  char *origin;

  g_assert_nonnull (crop);
  origin = zs_plugin_seed_get_origin (fixture->base.store, CROP, zs_record_get_id (ZS_RECORD (crop)), &error);
  g_assert_no_error (error);
  return origin;
}

static void
assert_name (SeedFixture *fixture,
             const char  *code,
             const char  *name)
{
  g_autoptr(GObject) crop = find_crop (fixture, code);

  g_assert_nonnull (crop);
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (crop), "name"), ==, name);
}

static const char revision_2[] =
  "{ \"revision\": 2, \"types\": [ { \"type\": \"settings_seed.crop\", \"key\": \"code\", \"records\": ["
  "  { \"code\": \"wheat\", \"name\": \"冬小麦\", \"yield_t\": 2.2 },"
  "  { \"code\": \"cotton\", \"name\": \"长绒棉\", \"yield_t\": 3 },"
  "  { \"code\": \"lavender\", \"name\": \"薰衣草\", \"yield_t\": 4 },"
  "  { \"code\": \"barley\", \"name\": \"大麦\", \"yield_t\": 1.5 },"
  "  { \"code\": \"rice\", \"name\": \"水稻\", \"yield_t\": 5 } ] } ] }";

static void
edit_cotton_delete_lavender_add_barley (SeedFixture *fixture)
{
  g_autoptr(GObject) cotton = find_crop (fixture, "cotton");
  g_autoptr(GObject) lavender = find_crop (fixture, "lavender");
  g_autoptr(ZsRecordType) type = g_object_ref (zs_store_lookup_record_type (fixture->base.store, CROP));
  g_autoptr(GObject) barley = zs_record_type_new_record (type);
  g_autoptr(GError) error = NULL;

  zs_record_set_string (ZS_RECORD (cotton), "name", "我的棉花");
  g_assert_true (zs_store_update_record (fixture->base.store, cotton, &error));
  g_assert_no_error (error);
  g_assert_true (zs_store_delete_record (fixture->base.store, CROP, zs_record_get_id (ZS_RECORD (lavender)), &error));
  g_assert_no_error (error);
  zs_record_set_string (ZS_RECORD (barley), "code", "barley");
  zs_record_set_string (ZS_RECORD (barley), "name", "我的大麦");
  g_assert_cmpint (zs_store_create_record (fixture->base.store, barley, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_seed_revisions (SeedFixture   *fixture,
                     gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autofree char *wheat = NULL, *cotton = NULL, *barley = NULL, *rice = NULL;

  /* Revision 1, applied when the plugin was activated. */
  g_assert_cmpint (zs_plugin_seed_get_revision (store, "settings_seed", &error), ==, 1);
  g_assert_cmpuint (count_crops (fixture), ==, 3);
  wheat = origin_of (fixture, "wheat");
  g_assert_cmpstr (wheat, ==, "seed");

  edit_cotton_delete_lavender_add_barley (fixture);
  cotton = origin_of (fixture, "cotton");
  g_assert_cmpstr (cotton, ==, "edited");
  barley = origin_of (fixture, "barley");
  g_assert_cmpstr (barley, ==, "user");

  g_assert_true (zs_plugin_context_apply_seed (fixture->context, revision_2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zs_plugin_seed_get_revision (store, "settings_seed", &error), ==, 2);
  assert_name (fixture, "wheat", "冬小麦");      /* not edited: updated */
  assert_name (fixture, "cotton", "我的棉花");    /* edited: left */
  g_assert_null (find_crop (fixture, "lavender")); /* deleted: not back */
  assert_name (fixture, "barley", "我的大麦");    /* the user's own: left */
  assert_name (fixture, "rice", "水稻");          /* new: inserted */
  rice = origin_of (fixture, "rice");
  g_assert_cmpstr (rice, ==, "seed");
  g_assert_cmpuint (count_crops (fixture), ==, 4);

  /* Again, or an older revision: nothing happens. */
  g_assert_true (zs_plugin_context_apply_seed (fixture->context, revision_2, &error));
  g_assert_true (zs_plugin_context_apply_seed (fixture->context, "{\"revision\": 1, \"types\": []}", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_crops (fixture), ==, 4);
  g_assert_cmpint (zs_plugin_seed_get_revision (store, "settings_seed", &error), ==, 2);
}

static GObject *
find_variety (SeedFixture *fixture,
              const char  *crop_code,
              const char  *name)
{
  g_autoptr(GObject) crop = find_crop (fixture, crop_code);
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
  g_autofree char *crop_id = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;

  if (crop == NULL)
    return NULL;
  crop_id = g_strdup_printf ("%" G_GINT64_FORMAT, zs_record_get_id (ZS_RECORD (crop)));
  zs_record_query_add_filter (query, "crop", ZS_FILTER_EQUAL, crop_id);
  zs_record_query_add_filter (query, "name", ZS_FILTER_EQUAL, name);
  page = zs_store_list_records (fixture->base.store, VARIETY, query, &error);
  g_assert_no_error (error);
  return page->len > 0 ? g_object_ref (g_ptr_array_index (page, 0)) : NULL;
}

static guint
count_varieties (SeedFixture *fixture)
{
  g_autoptr(GPtrArray) page = zs_store_list_records (fixture->base.store, VARIETY, NULL, NULL);

  g_assert_nonnull (page);
  return page->len;
}

static const char varieties_2[] =
  "{ \"revision\": 2, \"types\": ["
  "  { \"type\": \"settings_seed.crop\", \"key\": \"code\", \"records\": ["
  "    { \"code\": \"wheat\", \"name\": \"小麦\", \"yield_t\": 2 },"
  "    { \"code\": \"cotton\", \"name\": \"棉花\", \"yield_t\": 3 },"
  "    { \"code\": \"lavender\", \"name\": \"薰衣草\", \"yield_t\": 4 } ] },"
  "  { \"type\": \"settings_seed.variety\", \"key\": [\"crop\", \"name\"], \"records\": ["
  "    { \"crop\": \"wheat\", \"name\": \"新冬22号\", \"note\": \"冬性，抗寒\" },"
  "    { \"crop\": \"wheat\", \"name\": \"新冬41号\" },"
  "    { \"crop\": \"cotton\", \"name\": \"新陆早\", \"note\": \"早熟，更新\" },"
  "    { \"crop\": \"cotton\", \"name\": \"新海\", \"note\": \"长绒\" },"
  "    { \"crop\": \"lavender\", \"name\": \"伊犁1号\" },"
  "    { \"crop\": \"lavender\", \"name\": \"伊犁2号\" } ] } ] }";

/* Keys of several fields and references by seed key: the same rules as a
 * one-field key, and nothing comes back under a record the user deleted. */
static void
test_seed_compound_keys (SeedFixture   *fixture,
                         gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(GObject) zaoshu = find_variety (fixture, "cotton", "新陆早");
  g_autoptr(GObject) lavender = find_crop (fixture, "lavender");
  g_autoptr(GObject) wheat = NULL;
  g_autoptr(GObject) haidao = NULL;
  g_autoptr(GObject) xindong = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *origin = NULL;

  g_assert_cmpuint (count_varieties (fixture), ==, 4);
  g_assert_nonnull (zaoshu);
  origin = zs_plugin_seed_get_origin (store, VARIETY, zs_record_get_id (ZS_RECORD (zaoshu)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (origin, ==, "seed");

  /* The user edits one variety, deletes another and the lavender crop
   * (its variety goes with it). */
  zs_record_set_string (ZS_RECORD (zaoshu), "note", "我们的记录");
  g_assert_true (zs_store_update_record (store, zaoshu, &error));
  haidao = find_variety (fixture, "cotton", "新海");
  g_assert_true (zs_store_delete_record (store, VARIETY, zs_record_get_id (ZS_RECORD (haidao)), &error));
  g_assert_true (zs_store_delete_record (store, CROP, zs_record_get_id (ZS_RECORD (lavender)), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_varieties (fixture), ==, 2);

  g_assert_true (zs_plugin_context_apply_seed (fixture->context, varieties_2, &error));
  g_assert_no_error (error);
  wheat = find_variety (fixture, "wheat", "新冬22号");
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (wheat), "note"), ==, "冬性，抗寒");   /* refreshed */
  g_clear_object (&zaoshu);
  zaoshu = find_variety (fixture, "cotton", "新陆早");
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (zaoshu), "note"), ==, "我们的记录");  /* edited: left */
  g_assert_null (find_variety (fixture, "cotton", "新海"));                              /* deleted: not back */
  xindong = find_variety (fixture, "wheat", "新冬41号");
  g_assert_nonnull (xindong);                                                           /* new */
  g_assert_null (find_crop (fixture, "lavender"));                                      /* deleted crop: not back, */
  g_assert_cmpuint (count_varieties (fixture), ==, 3);                                  /* nor its varieties */
}

/* A plugin moving rows it seeded by its own means: adopted records are
 * refreshed by the next revision, an adopted removal stays removed. */
static void
test_seed_adopt (SeedFixture   *fixture,
                 gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(ZsRecordType) type = g_object_ref (zs_store_lookup_record_type (store, CROP));
  g_autoptr(GObject) oats = zs_record_type_new_record (type);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gint64 id;

  zs_record_set_string (ZS_RECORD (oats), "code", "oats");
  zs_record_set_string (ZS_RECORD (oats), "name", "燕麦（旧）");
  id = zs_store_create_record (store, oats, &error);
  g_assert_no_error (error);
  before = zs_plugin_seed_get_origin (store, CROP, id, &error);
  g_assert_cmpstr (before, ==, "user");
  g_assert_true (zs_plugin_seed_adopt (store, CROP, "code", id, &error));
  g_assert_true (zs_plugin_seed_adopt_removed (store, CROP, "code", "rye", &error));
  g_assert_no_error (error);
  after = zs_plugin_seed_get_origin (store, CROP, id, &error);
  g_assert_cmpstr (after, ==, "seed");

  g_assert_true (zs_plugin_context_apply_seed (fixture->context,
                                               "{\"revision\": 2, \"types\": [{\"type\": \"settings_seed.crop\", "
                                               "\"key\": \"code\", \"records\": [{\"code\": \"oats\", \"name\": \"燕麦\"},"
                                               "{\"code\": \"rye\", \"name\": \"黑麦\"}]}]}", &error));
  g_assert_no_error (error);
  assert_name (fixture, "oats", "燕麦");
  g_assert_null (find_crop (fixture, "rye"));

  g_assert_false (zs_plugin_seed_adopt (store, "firm", "name", 1, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND);
}

static void
expect_seed_refused (SeedFixture *fixture,
                     const char  *json,
                     const char  *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (zs_plugin_context_apply_seed (fixture->context, json, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static void
test_seed_bad_input (SeedFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A bad record after a good one: the good one is not kept either. */
  expect_seed_refused (fixture,
                       "{\"revision\": 3, \"types\": [{\"type\": \"settings_seed.crop\", \"key\": \"code\", \"records\": ["
                       "{\"code\": \"oats\", \"name\": \"燕麦\"}, {\"code\": \"rye\", \"name\": \"黑麦\", \"yield_t\": -1}]}]}",
                       "-1");
  g_assert_null (find_crop (fixture, "oats"));
  expect_seed_refused (fixture, "{\"revision\": 3, \"types\": [{\"type\": \"settings_seed.crop\", \"key\": \"code\", "
                       "\"records\": [{\"name\": \"无码\"}]}]}", "has no “code”");
  expect_seed_refused (fixture, "{\"revision\": 3, \"types\": [{\"type\": \"visit_notes.note\", \"key\": \"summary\"}]}",
                       "“visit_notes.note” is not a record type of the plugin “settings_seed”");
  expect_seed_refused (fixture, "{\"revision\": 3, \"types\": [{\"type\": \"settings_seed.crop\", \"key\": \"colour\"}]}",
                       "“colour” is not a field");
  expect_seed_refused (fixture, "{\"revision\": 3, \"types\": [{\"type\": \"settings_seed.variety\", "
                       "\"key\": [\"crop\", \"colour\"]}]}", "“colour” is not a field");
  expect_seed_refused (fixture, "{\"revision\": 3, \"types\": [{\"type\": \"settings_seed.variety\", "
                       "\"key\": [\"crop\", \"name\"], \"records\": [{\"name\": \"x\"}]}]}",
                       "has no “crop,name”");
  /* A reference by seed key needs its type earlier in the seed. */
  expect_seed_refused (fixture, "{\"revision\": 3, \"types\": [{\"type\": \"settings_seed.variety\", "
                       "\"key\": [\"crop\", \"name\"], \"records\": [{\"crop\": \"wheat\", \"name\": \"x\"}]}]}",
                       "crop: “wheat” names a record by its seed key");
  expect_seed_refused (fixture, "{\"revision\": 3, \"types\": [{\"type\": \"settings_seed.crop\"}]}", "need a key");
  expect_seed_refused (fixture, "{\"types\": []}", "revision");
  expect_seed_refused (fixture, "[1, 2]", "revision");
  expect_seed_refused (fixture, "{\"revision\": ", "");
  g_assert_cmpint (zs_plugin_seed_get_revision (fixture->base.store, "settings_seed", &error), ==, 1);
  g_assert_cmpuint (count_crops (fixture), ==, 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, SeedFixture, NULL, seed_setup, func, seed_teardown)
  ADD ("/plugin-settings/defaults", test_settings_defaults);
  ADD ("/plugin-settings/set-and-reset", test_settings_set_and_reset);
  ADD ("/plugin-settings/bad-values", test_settings_bad_values);
  ADD ("/plugin-seed/revisions", test_seed_revisions);
  ADD ("/plugin-seed/bad-input", test_seed_bad_input);
  ADD ("/plugin-seed/compound-keys", test_seed_compound_keys);
  ADD ("/plugin-seed/adopt", test_seed_adopt);
#undef ADD
  return g_test_run ();
}
