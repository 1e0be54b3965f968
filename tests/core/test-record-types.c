/* test-record-types.c: record types plugins declare, and records of any type */
#include <json-glib/json-glib.h>
#include <string.h>

#include "zs-plugin-context-private.h"
#include "zs-test-util.h"

static const char *partner_v1 =
  "{ \"name\": \"flying_zone.partner\", \"version\": 1, \"label\": \"Partner\","
  "  \"fields\": ["
  "    { \"name\": \"name\", \"kind\": \"text\", \"required\": true, \"unique\": true,"
  "      \"searchable\": true, \"max\": 20 },"
  "    { \"name\": \"town\", \"kind\": \"text\", \"searchable\": true },"
  "    { \"name\": \"staff\", \"kind\": \"integer\", \"min\": 0, \"max\": 100000 },"
  "    { \"name\": \"budget\", \"kind\": \"money\", \"min\": 0 },"
  "    { \"name\": \"rate\", \"kind\": \"decimal\" },"
  "    { \"name\": \"signed_on\", \"kind\": \"date\" },"
  "    { \"name\": \"active\", \"kind\": \"boolean\", \"default\": true },"
  "    { \"name\": \"grade\", \"kind\": \"enum\", \"default\": \"a\","
  "      \"values\": [ { \"value\": \"a\", \"label\": \"A 级\" }, \"b\" ] },"
  "    { \"name\": \"firm\", \"kind\": \"reference\", \"reference\": \"firm\" }"
  "  ] }";

static ZsRecordType *
declare (const char *json)
{
  g_autoptr(GError) error = NULL;
  ZsRecordType *type = zs_record_type_new_from_json (json, &error);

  g_assert_no_error (error);
  return type;
}

static ZsRecordType *
register_partner (ZsStore *store)
{
  g_autoptr(GError) error = NULL;
  ZsRecordType *type = declare (partner_v1);

  g_assert_true (zs_store_register_record_type (store, type, &error));
  g_assert_no_error (error);
  return type;
}

static gint64
add_partner (ZsStore      *store,
             ZsRecordType *type,
             const char   *name,
             const char   *town,
             gint64        staff)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsRecord) record = zs_record_new (type);
  gint64 id;

  zs_record_set_string (record, "name", name);
  zs_record_set_string (record, "town", town);
  zs_record_set_int64 (record, "staff", staff);
  id = zs_store_create_record (store, G_OBJECT (record), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count_rows (ZsStore *store)
{
  g_autofree char *count = query_value (store, "SELECT count(*) FROM flying_zone_partner");
  return g_ascii_strtoll (count, NULL, 10);
}

static void
test_declare_and_create (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(ZsRecordType) type = register_partner (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) read = NULL;
  g_autoptr(JsonNode) json = NULL;
  gint64 id;

  g_assert_cmpstr (zs_record_type_get_table_name (type), ==, "flying_zone_partner");
  g_assert_cmpstr (zs_record_type_get_module (type), ==, "flying_zone");
  g_assert_true (zs_store_lookup_record_type (fixture->store, "flying_zone.partner") == type);
  g_assert_cmpstr (zs_field_spec_get_enum_label (zs_record_type_lookup_field (type, "grade"), "a"), ==, "A 级");

  id = add_partner (fixture->store, type, "喀什远航", "喀什", 12);
  read = zs_store_get_record (fixture->store, "flying_zone.partner", id, &error);
  g_assert_no_error (error);
  g_assert_true (ZS_IS_RECORD (read));
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (read), "name"), ==, "喀什远航");
  g_assert_cmpint (zs_record_get_int64 (ZS_RECORD (read), "staff"), ==, 12);
  g_assert_cmpint (zs_record_get_version (ZS_RECORD (read)), ==, 1);
  /* defaults */
  g_assert_true (zs_record_get_boolean (ZS_RECORD (read), "active"));
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (read), "grade"), ==, "a");
  g_assert_nonnull (zs_record_get_created_at (ZS_RECORD (read)));

  json = zs_record_to_json (read);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "town"), ==, "喀什");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json), "id"), ==, id);
  {
    g_autoptr(GObject) copy = zs_record_from_json (type, json, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (zs_record_get_string (ZS_RECORD (copy), "town"), ==, "喀什");
    g_assert_cmpint (zs_record_get_id (ZS_RECORD (copy)), ==, id);
  }
  /* the text written straight from the record is the text of its nodes */
  {
    g_autofree char *text = zs_record_to_json_text (read);
    g_autofree char *from_nodes = zs_json_to_text (json, FALSE);

    g_assert_cmpstr (text, ==, from_nodes);
  }
}

typedef struct
{
  const char *field;
  const char *text;
  int         code;
  const char *message;
} BadValue;

static void
test_rules (StoreFixture  *fixture,
            gconstpointer  data)
{
  g_autoptr(ZsRecordType) type = register_partner (fixture->store);
  gint64 firm = add_firm (fixture->store, "霍尔果斯金麦馕食品有限公司", NULL);
  const BadValue bad[] = {
    { "name", "", ZS_ERROR_INVALID, "name: a value is required" },
    { "name", "一二三四五六七八九十一二三四五六七八九十一", ZS_ERROR_INVALID, "name: “一二三四五六七八九十一二三四五六七八九十一” is longer than 20 characters" },
    { "name", "已有伙伴", ZS_ERROR_DUPLICATE, "name: “已有伙伴” is already used by flying_zone.partner" },
    { "staff", "-1", ZS_ERROR_INVALID, "staff: “-1” is less than the minimum 0" },
    { "budget", "-0.5", ZS_ERROR_INVALID, "budget: “-0.5” is less than the minimum 0" },
    { "firm", "999", ZS_ERROR_INVALID, "firm: there is no firm with id 999" },
  };
  const BadValue unparsable[] = {
    { "staff", "twelve", ZS_ERROR_INVALID, "staff: “twelve” is not a whole number" },
    { "rate", "1,5", ZS_ERROR_INVALID, "rate: “1,5” is not a number" },
    { "signed_on", "2024-02-30", ZS_ERROR_INVALID, "signed_on: “2024-02-30” is not a date (YYYY-MM-DD)" },
    { "active", "maybe", ZS_ERROR_INVALID, "active: “maybe” is not true or false" },
    { "grade", "z", ZS_ERROR_INVALID, "grade: “z” is not one of a, b" },
  };

  add_partner (fixture->store, type, "已有伙伴", NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GObject) record = zs_record_type_new_record (type);
      g_autoptr(GError) error = NULL;

      g_assert_true (zs_record_type_set_text (type, record, "name", "新伙伴", NULL));
      g_assert_true (zs_record_type_set_text (type, record, bad[i].field, bad[i].text, &error));
      g_assert_no_error (error);
      g_assert_cmpint (zs_store_create_record (fixture->store, record, &error), ==, 0);
      g_assert_error (error, ZS_ERROR, bad[i].code);
      g_assert_true (g_str_has_prefix (error->message, bad[i].message));
      g_assert_cmpint (count_rows (fixture->store), ==, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unparsable); i++)
    {
      g_autoptr(GObject) record = zs_record_type_new_record (type);
      g_autoptr(GError) error = NULL;

      g_assert_false (zs_record_type_set_text (type, record, unparsable[i].field, unparsable[i].text, &error));
      g_assert_error (error, ZS_ERROR, unparsable[i].code);
      g_assert_cmpstr (error->message, ==, unparsable[i].message);
    }

  {
    g_autoptr(GObject) record = zs_record_type_new_record (type);
    g_autoptr(GError) error = NULL;
    g_autofree char *firm_text = g_strdup_printf ("%" G_GINT64_FORMAT, firm);

    g_assert_true (zs_record_type_set_text (type, record, "name", "金麦伙伴", &error));
    g_assert_true (zs_record_type_set_text (type, record, "firm", firm_text, &error));
    g_assert_true (zs_record_type_set_text (type, record, "signed_on", "2024-02-29", &error));
    g_assert_cmpint (zs_store_create_record (fixture->store, record, &error), >, 0);
    g_assert_no_error (error);

    g_assert_cmpint (count_rows (fixture->store), ==, 2);

    /* the firm a partner refers to stays, whichever way it is deleted */
    g_assert_false (zs_store_delete_firm (fixture->store, firm, &error));
    g_assert_error (error, ZS_ERROR, ZS_ERROR_IN_USE);
    g_assert_nonnull (strstr (error->message, "flying_zone.partner"));
    g_clear_error (&error);
    g_assert_false (zs_store_delete_record (fixture->store, "firm", firm, &error));
    g_assert_error (error, ZS_ERROR, ZS_ERROR_IN_USE);
  }
}

static char *
must_have_town (GObject  *record,
                gpointer  user_data)
{
  const char *town = zs_record_get_string (ZS_RECORD (record), "town");

  g_assert_cmpstr (user_data, ==, "rule");
  return town == NULL ? g_strdup ("town: a partner outside a town needs one") : NULL;
}

static void
test_validate_func (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(ZsRecordType) type = declare (partner_v1);
  g_autoptr(ZsRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  zs_record_type_set_validate_func (type, must_have_town, "rule", NULL);
  g_assert_true (zs_store_register_record_type (fixture->store, type, &error));
  record = zs_record_new (type);
  zs_record_set_string (record, "name", "无城伙伴");
  g_assert_cmpint (zs_store_create_record (fixture->store, G_OBJECT (record), &error), ==, 0);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "town: a partner outside a town needs one");
  g_assert_cmpint (count_rows (fixture->store), ==, 0);
}

/* At most one partner per town: a rule that reads the other records of
 * the store that writes. */
static gboolean
one_per_town (GObject   *store,
              GObject   *record,
              gpointer   user_data,
              GError   **error)
{
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
  g_autoptr(GPtrArray) others = NULL;
  const char *town = zs_record_get_string (ZS_RECORD (record), "town");

  g_assert_true (ZS_IS_STORE (store));
  g_assert_cmpstr (user_data, ==, "towns");
  zs_record_query_add_filter (query, "town", ZS_FILTER_EQUAL, town);
  if (!(others = zs_store_list_records (ZS_STORE (store), "flying_zone.partner", query, error)))
    return FALSE;
  for (guint i = 0; i < others->len; i++)
    if (zs_record_get_id (others->pdata[i]) != zs_record_get_id (ZS_RECORD (record)))
      {
        g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, "town: “%s” has a partner already", town);
        return FALSE;
      }
  return TRUE;
}

/* A rule that fails without saying why still fails, with the type named. */
static gboolean
silent_rule (GObject   *store,
             GObject   *record,
             gpointer   user_data,
             GError   **error)
{
  return g_strcmp0 (zs_record_get_string (ZS_RECORD (record), "name"), "沉默") != 0;
}

static void
test_check_func (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(ZsRecordType) type = register_partner (fixture->store);
  g_autoptr(ZsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_record_type_set_check_func (type, one_per_town, "towns", NULL);
  id = add_partner (fixture->store, type, "苏州伙伴", "苏州", 0);
  /* itself is no conflict */
  record = ZS_RECORD (zs_store_get_record (fixture->store, "flying_zone.partner", id, &error));
  zs_record_set_string (record, "name", "苏州市伙伴");
  g_assert_true (zs_store_update_record (fixture->store, G_OBJECT (record), &error));
  g_assert_no_error (error);
  g_clear_object (&record);

  record = zs_record_new (type);
  zs_record_set_string (record, "name", "第二个苏州伙伴");
  zs_record_set_string (record, "town", "苏州");
  g_assert_cmpint (zs_store_create_record (fixture->store, G_OBJECT (record), &error), ==, 0);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "town: “苏州” has a partner already");
  g_assert_cmpint (count_rows (fixture->store), ==, 1);
  g_clear_error (&error);

  zs_record_type_set_check_func (type, silent_rule, NULL, NULL);
  zs_record_set_string (record, "name", "沉默");
  g_assert_cmpint (zs_store_create_record (fixture->store, G_OBJECT (record), &error), ==, 0);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "flying_zone.partner"));
  g_assert_cmpint (count_rows (fixture->store), ==, 1);
}

/* @text with every @from replaced by @to. */
static char *
replace_text (const char *text,
              const char *from,
              const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

static void
test_migration (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(ZsRecordType) v1 = register_partner (fixture->store);
  g_autoptr(ZsRecordType) v2 = NULL;
  g_autoptr(GObject) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *version = NULL;
  g_autofree char *v2_text = NULL;
  gint64 id = add_partner (fixture->store, v1, "伊犁伙伴", "伊宁", 3);

  /* version 2: "town" is now "city", "phone" is new */
  v2_text = replace_text (partner_v1, "\"version\": 1", "\"version\": 2");
  json = replace_text (v2_text, "{ \"name\": \"town\", \"kind\": \"text\", \"searchable\": true }",
                       "{ \"name\": \"city\", \"kind\": \"text\", \"renamed_from\": \"town\", \"searchable\": true },"
                       " { \"name\": \"phone\", \"kind\": \"text\", \"since_version\": 2 }");
  v2 = declare (json);
  g_assert_true (zs_store_register_record_type (fixture->store, v2, &error));
  g_assert_no_error (error);
  g_assert_true (zs_store_lookup_record_type (fixture->store, "flying_zone.partner") == v2);

  read = zs_store_get_record (fixture->store, "flying_zone.partner", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (read), "city"), ==, "伊宁");
  g_assert_null (zs_record_get_string (ZS_RECORD (read), "phone"));
  version = query_value (fixture->store, "SELECT version FROM plugin_schemas WHERE schema_name = 'record:flying_zone.partner'");
  g_assert_cmpstr (version, ==, "2");

  /* an older declaration than the database is refused */
  g_assert_false (zs_store_register_record_type (fixture->store, v1, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_TOO_NEW);
}

/* A unique field has a UNIQUE index: the owner's own SQL cannot bypass the
 * rule, and a field made unique over shared values is refused by name. */
static void
test_unique_index (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(ZsPluginContext) context = zs_plugin_context_new (fixture->store, "flying-zone", NULL);
  g_autoptr(ZsRecordType) v1 = register_partner (fixture->store);
  g_autoptr(ZsRecordType) v2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *v2_text = NULL;
  g_autofree char *unique_index = NULL;
  ZsPluginStorage *storage = zs_plugin_context_get_storage (context);
  const char *params[] = { "伊犁伙伴", NULL };

  add_partner (fixture->store, v1, "伊犁伙伴", "伊宁", 3);
  add_partner (fixture->store, v1, "江苏伙伴", "伊宁", 4);
  g_assert_cmpint (zs_plugin_storage_execute (storage, "INSERT INTO flying_zone_partner (name) VALUES (?)",
                                              params, &error), <, 0);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "UNIQUE"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->store), ==, 2);

  v2_text = replace_text (partner_v1, "\"version\": 1", "\"version\": 2");
  json = replace_text (v2_text, "{ \"name\": \"town\", \"kind\": \"text\", \"searchable\": true }",
                       "{ \"name\": \"town\", \"kind\": \"text\", \"unique\": true }");
  v2 = declare (json);
  g_assert_false (zs_store_register_record_type (fixture->store, v2, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "town: “伊宁” is used by more than one record of flying_zone.partner"));
  unique_index = query_value (fixture->store, "SELECT count(*) FROM sqlite_master WHERE name = 'flying_zone_partner_town_unique'");
  g_assert_cmpstr (unique_index, ==, "0");
}

static void
test_versions_history_revert (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr(ZsRecordType) type = register_partner (fixture->store);
  gint64 id = add_partner (fixture->store, type, "塔城伙伴", "塔城", 5);
  g_autoptr(GObject) mine = zs_store_get_record (fixture->store, "flying_zone.partner", id, NULL);
  g_autoptr(GObject) theirs = zs_store_get_record (fixture->store, "flying_zone.partner", id, NULL);
  g_autoptr(GObject) stale = zs_store_get_record (fixture->store, "flying_zone.partner", id, NULL);
  g_autoptr(GObject) read = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  ZsChange *change;

  zs_record_set_int64 (ZS_RECORD (theirs), "staff", 8);
  g_assert_true (zs_store_update_record (fixture->store, theirs, &error));
  g_assert_no_error (error);

  /* a different field merges */
  zs_record_set_string (ZS_RECORD (mine), "town", "额敏");
  g_assert_true (zs_store_update_record (fixture->store, mine, &error));
  g_assert_no_error (error);
  read = zs_store_get_record (fixture->store, "flying_zone.partner", id, NULL);
  g_assert_cmpint (zs_record_get_int64 (ZS_RECORD (read), "staff"), ==, 8);
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (read), "town"), ==, "额敏");
  g_assert_cmpint (zs_record_get_version (ZS_RECORD (read)), ==, 3);

  /* the same field conflicts */
  zs_record_set_int64 (ZS_RECORD (stale), "staff", 9);
  g_assert_false (zs_store_update_record (fixture->store, stale, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_CONFLICT);
  g_clear_error (&error);

  changes = zs_store_list_changes (fixture->store, "flying_zone.partner", id, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (zs_change_get_field (change), ==, "town");
  g_assert_cmpint (zs_store_revert_change (fixture->store, zs_change_get_id (change), &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&read);
  read = zs_store_get_record (fixture->store, "flying_zone.partner", id, NULL);
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (read), "town"), ==, "塔城");

  /* a deletion, reverted */
  g_assert_true (zs_store_delete_record (fixture->store, "flying_zone.partner", id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = zs_store_list_changes (fixture->store, "flying_zone.partner", id, 0, 1, &error);
  g_assert_cmpint (zs_store_revert_change (fixture->store, zs_change_get_id (g_ptr_array_index (changes, 0)), &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&read);
  read = zs_store_get_record (fixture->store, "flying_zone.partner", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (read), "name"), ==, "塔城伙伴");
}

static void
test_search (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(ZsRecordType) type = register_partner (fixture->store);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kashi = add_partner (fixture->store, type, "喀什远航", "喀什", 1);

  add_partner (fixture->store, type, "伊犁河谷", "伊宁", 1);
  found = zs_store_search_records (fixture->store, "flying_zone.partner", "喀", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (zs_record_get_id (g_ptr_array_index (found, 0)), ==, kashi);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = zs_store_search_records (fixture->store, "flying_zone.partner", "伊宁", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);

  /* deleted records leave the index */
  g_assert_true (zs_store_delete_record (fixture->store, "flying_zone.partner", kashi, &error));
  g_clear_pointer (&found, g_ptr_array_unref);
  found = zs_store_search_records (fixture->store, "flying_zone.partner", "喀什", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_list_paging (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(ZsRecordType) type = register_partner (fixture->store);
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  guint pages = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("伙伴%02u", i);
      add_partner (fixture->store, type, name, i % 2 ? "喀什" : "伊宁", (i * 7) % 10);
    }

  g_assert_true (zs_record_query_parse_filter (query, "town=喀什", &error));
  g_assert_true (zs_record_query_parse_filter (query, "staff>=1", &error));
  zs_record_query_set_sort (query, "staff", ZS_SORT_DESCENDING);
  zs_record_query_set_limit (query, 2);
  for (;;)
    {
      g_autoptr(GPtrArray) page = zs_store_list_records (fixture->store, "flying_zone.partner", query, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < page->len; i++)
        g_string_append_printf (seen, "%" G_GINT64_FORMAT " ",
                                zs_record_get_int64 (g_ptr_array_index (page, i), "staff"));
      if (page->len < 2)
        break;
      pages++;
      zs_record_query_set_after (query, g_ptr_array_index (page, page->len - 1));
    }
  /* odd i: staff 7, 1, 5, 9, 3 */
  g_assert_cmpstr (seen->str, ==, "9 7 5 3 1 ");
  g_assert_cmpuint (pages, ==, 2);

  g_assert_false (zs_record_query_parse_filter (query, "nothing", &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_clear_error (&error);
  zs_record_query_add_filter (query, "size", ZS_FILTER_EQUAL, "1");
  g_assert_null (zs_store_list_records (fixture->store, "flying_zone.partner", query, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "flying_zone.partner: there is no field “size”");
}

static void
test_cascade_and_restrict (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(ZsRecordType) partner = register_partner (fixture->store);
  g_autoptr(ZsRecordType) visit = declare (
    "{ \"name\": \"flying_zone.visit\", \"fields\": ["
    "  { \"name\": \"partner\", \"kind\": \"reference\", \"reference\": \"flying_zone.partner\","
    "    \"on_delete\": \"cascade\" },"
    "  { \"name\": \"note\", \"kind\": \"text\" } ] }");
  g_autoptr(ZsRecordType) contract = declare (
    "{ \"name\": \"flying_zone.contract\", \"fields\": ["
    "  { \"name\": \"partner\", \"kind\": \"reference\", \"reference\": \"flying_zone.partner\" } ] }");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsRecord) a_visit = NULL;
  g_autoptr(ZsRecord) a_contract = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  gint64 id = add_partner (fixture->store, partner, "阿勒泰伙伴", NULL, 1);
  gint64 contract_id;

  g_assert_true (zs_store_register_record_type (fixture->store, visit, &error));
  g_assert_true (zs_store_register_record_type (fixture->store, contract, &error));
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&a_visit);
      a_visit = zs_record_new (visit);
      zs_record_set_int64 (a_visit, "partner", id);
      g_assert_cmpint (zs_store_create_record (fixture->store, G_OBJECT (a_visit), &error), >, 0);
    }
  a_contract = zs_record_new (contract);
  zs_record_set_int64 (a_contract, "partner", id);
  contract_id = zs_store_create_record (fixture->store, G_OBJECT (a_contract), &error);

  g_assert_false (zs_store_delete_record (fixture->store, "flying_zone.partner", id, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "flying_zone.contract"));
  g_clear_error (&error);

  g_assert_true (zs_store_delete_record (fixture->store, "flying_zone.contract", contract_id, &error));
  g_assert_true (zs_store_delete_record (fixture->store, "flying_zone.partner", id, &error));
  g_assert_no_error (error);
  visits = zs_store_list_records (fixture->store, "flying_zone.visit", NULL, &error);
  g_assert_cmpuint (visits->len, ==, 0);

  changes = zs_store_list_changes (fixture->store, "flying_zone.partner", id, 0, 1, &error);
  g_assert_cmpint (zs_store_revert_change (fixture->store, zs_change_get_id (g_ptr_array_index (changes, 0)), &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = zs_store_list_records (fixture->store, "flying_zone.visit", NULL, &error);
  g_assert_cmpuint (visits->len, ==, 2);

  /* declared tables and their audit rows leave the database sound */
  g_assert_true (zs_store_check (fixture->store, &error));
  g_assert_no_error (error);
}

/* A core record's own deletion takes the plugin records whose reference to
 * it cascades, in its group: reverting the deletion brings them back. */
static void
test_core_delete_cascades (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(ZsRecordType) tag = declare (
    "{ \"name\": \"industry_chain.tag\", \"fields\": ["
    "  { \"name\": \"firm\", \"kind\": \"reference\", \"reference\": \"firm\", \"on_delete\": \"cascade\" },"
    "  { \"name\": \"project\", \"kind\": \"reference\", \"reference\": \"project\", \"on_delete\": \"cascade\" },"
    "  { \"name\": \"word\", \"kind\": \"text\" } ] }");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 firm = add_firm (fixture->store, "级联有限公司", NULL);
  gint64 other = add_firm (fixture->store, "另一家公司", NULL);
  g_autoptr(ZsProject) a_project = zs_project_new ();
  gint64 project;

  g_assert_true (zs_store_load_seed (fixture->store, &error));
  zs_project_set_firm_id (a_project, firm);
  zs_project_set_title (a_project, "级联项目");
  zs_project_set_park_code (a_project, "horgos-port-park");
  project = zs_store_add_project (fixture->store, a_project, &error);
  g_assert_no_error (error);

  g_assert_true (zs_store_register_record_type (fixture->store, tag, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ZsRecord) record = zs_record_new (tag);

      zs_record_set_int64 (record, i < 2 ? "firm" : "project", i < 2 ? (i == 0 ? firm : other) : project);
      zs_record_set_string (record, "word", "标签");
      g_assert_cmpint (zs_store_create_record (fixture->store, G_OBJECT (record), &error), >, 0);
      g_assert_no_error (error);
    }

  g_assert_true (zs_store_delete_project (fixture->store, project, &error));
  g_assert_true (zs_store_delete_firm (fixture->store, firm, &error));
  g_assert_no_error (error);
  tags = zs_store_list_records (fixture->store, "industry_chain.tag", NULL, &error);
  g_assert_cmpuint (tags->len, ==, 1);           /* the other firm's stays */

  changes = zs_store_list_changes (fixture->store, "firm", firm, 0, 1, &error);
  g_assert_cmpint (zs_store_revert_change (fixture->store, zs_change_get_id (g_ptr_array_index (changes, 0)),
                                           &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&tags, g_ptr_array_unref);
  tags = zs_store_list_records (fixture->store, "industry_chain.tag", NULL, &error);
  g_assert_cmpuint (tags->len, ==, 2);
  g_assert_true (zs_store_check (fixture->store, &error));
  g_assert_no_error (error);

  /* Deleted while the type was not registered (its plugin off): the tag
   * goes when the type is registered again, with a deletion in its history. */
  g_assert_true (zs_store_unregister_record_type (fixture->store, "industry_chain.tag"));
  g_assert_true (zs_store_delete_firm (fixture->store, other, &error));
  g_assert_true (zs_store_register_record_type (fixture->store, tag, &error));
  g_assert_no_error (error);
  g_clear_pointer (&tags, g_ptr_array_unref);
  tags = zs_store_list_records (fixture->store, "industry_chain.tag", NULL, &error);
  g_assert_cmpuint (tags->len, ==, 1);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = zs_store_list_changes (fixture->store, "industry_chain.tag", 0, 0, 1, &error);
  g_assert_cmpint (zs_change_get_kind (g_ptr_array_index (changes, 0)), ==, ZS_CHANGE_KIND_DELETE);
}

static void
test_core_types (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) types = zs_store_list_record_types (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) firm = NULL;
  ZsRecordType *project = zs_store_lookup_record_type (fixture->store, "project");
  gint64 id = add_firm (fixture->store, "霍尔果斯金麦馕食品有限公司", NULL);

  g_assert_cmpuint (types->len, >=, 5);
  g_assert_cmpstr (zs_record_type_get_name (g_ptr_array_index (types, 0)), ==, "firm");
  g_assert_true (zs_record_type_is_core (project));
  g_assert_cmpint (zs_field_spec_get_kind (zs_record_type_lookup_field (project, "stage")), ==, ZS_FIELD_ENUM);
  g_assert_cmpint (zs_field_spec_get_kind (zs_record_type_lookup_field (project, "firm_id")), ==, ZS_FIELD_REFERENCE);
  g_assert_cmpint (zs_field_spec_get_kind (zs_record_type_lookup_field (project, "planned_investment")), ==, ZS_FIELD_MONEY);
  g_assert_nonnull (zs_record_type_lookup_field (zs_store_lookup_record_type (fixture->store, "firm"), "uscc"));

  firm = zs_store_get_record (fixture->store, "firm", id, &error);
  g_assert_no_error (error);
  g_assert_true (ZS_IS_FIRM (firm));
  g_assert_true (zs_store_get_record_type_of (fixture->store, firm) ==
                 zs_store_lookup_record_type (fixture->store, "firm"));

  /* a firm's text, sectors, enums and amounts written straight, with a
   * name that needs escapes, are the text of its nodes */
  {
    g_autoptr(JsonNode) json = NULL;
    g_autofree char *text = NULL, *from_nodes = NULL;
    const char *sectors[] = { "1", "2", NULL };

    g_object_set (firm, "name", "“引号” \"quoted\" \\ tab\t", "registered-capital", 43.6052,
                  "ownership", ZS_OWNERSHIP_JOINT_VENTURE, "sectors", sectors, NULL);
    json = zs_record_to_json (firm);
    text = zs_record_to_json_text (firm);
    from_nodes = zs_json_to_text (json, FALSE);
    g_assert_cmpstr (text, ==, from_nodes);
    g_assert_nonnull (strstr (text, "\"registered_capital\":43.6052"));
  }
}

static void
test_plugin_context (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(ZsPluginContext) context = zs_plugin_context_new (fixture->store, "flying-zone", NULL);
  g_autoptr(ZsRecordType) partner = declare (partner_v1);
  g_autoptr(ZsRecordType) other = declare ("{ \"name\": \"industry_chain.link\" }");
  g_autoptr(GError) error = NULL;
  guint removed = 0;

  g_signal_connect_swapped (fixture->store, "record-type-removed", G_CALLBACK (g_atomic_int_inc), &removed);
  g_assert_true (zs_plugin_context_register_record_type (context, partner, &error));
  g_assert_no_error (error);
  g_assert_false (zs_plugin_context_register_record_type (context, other, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (zs_plugin_context_register_record_types_from_resource (context, "/nowhere.json", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_clear_object (&other);
  other = declare ("{ \"name\": \"flying_zone.order\", \"fields\": [ { \"name\": \"group\" } ] }");
  g_assert_false (zs_plugin_context_register_record_type (context, other, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "flying_zone.order: “group” is a reserved word, not a field name");
  g_clear_error (&error);

  _zs_plugin_context_withdraw_record_types (context);
  g_assert_null (zs_store_lookup_record_type (fixture->store, "flying_zone.partner"));
  g_assert_cmpuint (removed, ==, 1);
}

/* A second connection, such as a worker thread's, uses the types of the
 * first without registering them: nothing is written, the records read. */
static void
test_share_types (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(ZsRecordType) type = register_partner (fixture->store);
  g_autoptr(ZsStore) second = NULL;
  g_autoptr(GPtrArray) types = zs_store_list_record_types (fixture->store);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint n_core = 0;

  add_partner (fixture->store, type, "江苏省", "南京", 3);
  second = zs_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (zs_store_lookup_record_type (second, "flying_zone.partner"));
  g_assert_null (zs_store_list_records (second, "flying_zone.partner", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  zs_store_share_record_types (second, types);
  g_assert_true (zs_store_lookup_record_type (second, "flying_zone.partner") == type);
  records = zs_store_list_records (second, "flying_zone.partner", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (g_ptr_array_index (records, 0)), "name"), ==, "江苏省");
  /* core types are every store's already, and stay as they are */
  for (guint i = 0; i < types->len; i++)
    n_core += zs_record_type_is_core (g_ptr_array_index (types, i));
  g_clear_pointer (&types, g_ptr_array_unref);
  types = zs_store_list_record_types (second);
  g_assert_cmpuint (types->len, ==, n_core + 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, fn, store_fixture_teardown)
  ADD ("/record-types/declare-and-create", test_declare_and_create);
  ADD ("/record-types/rules", test_rules);
  ADD ("/record-types/validate-func", test_validate_func);
  ADD ("/record-types/check-func", test_check_func);
  ADD ("/record-types/migration", test_migration);
  ADD ("/record-types/unique-index", test_unique_index);
  ADD ("/record-types/versions-history-revert", test_versions_history_revert);
  ADD ("/record-types/search", test_search);
  ADD ("/record-types/list-paging", test_list_paging);
  ADD ("/record-types/cascade-and-restrict", test_cascade_and_restrict);
  ADD ("/record-types/core-delete-cascades", test_core_delete_cascades);
  ADD ("/record-types/core-types", test_core_types);
  ADD ("/record-types/plugin-context", test_plugin_context);
  ADD ("/record-types/share-types", test_share_types);
#undef ADD

  return g_test_run ();
}
