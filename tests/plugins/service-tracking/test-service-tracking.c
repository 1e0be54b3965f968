/* test-service-tracking.c: the service-tracking plugin, through its verbs
 *
 * Working days across the 2025 and 2026 schedules, 容缺 commitments that
 * expire and are supplied, joint reviews, overdue levels at their
 * boundaries, 三未 lists and the `service` verbs end to end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-test-util.h"

#include <inttypes.h>

#include <json-glib/json-glib.h>

typedef struct {
  StoreFixture    base;
  ZsPluginEngine *engine;
  gint64          manager;
  gint64          signed_project;
} ServiceFixture;

static gint64
add_project_at (ZsStore *store,
                ZsStage  stage)
{
  static guint serial = 8100;
  g_autofree char *uscc = make_uscc (serial++);
  g_autoptr(ZsProject) project = zs_project_new ();
  g_autoptr(GError) error = NULL;
  gint64 firm = add_firm (store, uscc, "喀什丝路服务测试有限公司");
  gint64 id;

  zs_project_set_firm_id (project, firm);
  zs_project_set_title (project, "服务项目");
  zs_project_set_stage (project, stage);
  id = zs_store_add_project (store, project, &error);
  g_assert_no_error (error);
  return id;
}

static void
service_setup (ServiceFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(ZsPlugin) plugin = NULL;
  g_autoptr(ZsStaff) staff = zs_staff_new ();
  g_autoptr(GError) error = NULL;

  store_fixture_setup (&fixture->base, data);
  fixture->engine = zs_plugin_engine_new (fixture->base.store);
  zs_plugin_engine_load_all (fixture->engine);
  plugin = zs_plugin_engine_get_plugin (fixture->engine, "service-tracking", NULL);
  g_assert_nonnull (plugin);
  g_assert_cmpstr (zs_plugin_get_error (plugin), ==, NULL);
  g_assert_true (zs_plugin_get_active (plugin));
  zs_staff_set_name (staff, "王专员");
  zs_staff_set_role (staff, ZS_ROLE_STAFF);
  fixture->manager = zs_store_add_staff (fixture->base.store, staff, &error);
  g_assert_no_error (error);
  fixture->signed_project = add_project_at (fixture->base.store, ZS_STAGE_SIGNED);
}

static void
service_teardown (ServiceFixture *fixture,
                  gconstpointer   data)
{
  g_clear_object (&fixture->engine);
  store_fixture_teardown (&fixture->base, data);
}

/* Runs VERB ARGS… --json; NULL with @error set on failure. */
static JsonNode *
run_v (ServiceFixture  *fixture,
       GError         **error,
       const char      *verb,
       va_list          rest)
{
  ZsPluginContext *context = NULL;
  g_autoptr(ZsCommandProvider) provider = zs_plugin_engine_find_command (fixture->engine, verb, &context);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  g_autofree char *output = NULL;
  JsonNode *node;

  g_assert_nonnull (provider);
  for (const char *arg = va_arg (rest, const char *); arg != NULL; arg = va_arg (rest, const char *))
    g_strv_builder_add (builder, arg);
  args = g_strv_builder_end (builder);
  output = zs_command_provider_run (provider, context, verb, (const char * const *) args, TRUE, error);
  if (output == NULL)
    return NULL;
  node = json_from_string (output, NULL);
  if (node == NULL)
    g_test_message ("%s printed no JSON: %s", verb, output);
  return node;
}

G_GNUC_NULL_TERMINATED static JsonNode *
run (ServiceFixture *fixture,
     const char     *verb,
     ...)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;
  va_list rest;

  va_start (rest, verb);
  node = run_v (fixture, &error, verb, rest);
  va_end (rest);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Runs a verb that must fail; returns the error. */
G_GNUC_NULL_TERMINATED static GError *
run_error (ServiceFixture *fixture,
           const char     *verb,
           ...)
{
  GError *error = NULL;
  g_autoptr(JsonNode) node = NULL;
  va_list rest;

  va_start (rest, verb);
  node = run_v (fixture, &error, verb, rest);
  va_end (rest);
  g_assert_null (node);
  g_assert_nonnull (error);
  return error;
}

static void
assert_add (ServiceFixture *fixture,
            const char     *date,
            const char     *days,
            const char     *expected)
{
  g_autoptr(JsonNode) result = run (fixture, "workdays", "add", date, days, NULL);

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (result), "date"), ==, expected);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (result), "complete"));
}

static gint64
between (ServiceFixture *fixture,
         const char     *from,
         const char     *to)
{
  g_autoptr(JsonNode) result = run (fixture, "workdays", "between", from, to, NULL);

  return json_object_get_int_member (json_node_get_object (result), "workdays");
}

static void
test_workdays_2025 (ServiceFixture *fixture,
                    gconstpointer   data)
{
  /* 春节: 1/28–2/4 off, Sunday 1/26 and Saturday 2/8 worked */
  assert_add (fixture, "2025-01-24", "1", "2025-01-26");
  /* backwards: the Nth working day before, over the same holidays */
  assert_add (fixture, "2025-10-09", "-1", "2025-09-30");
  assert_add (fixture, "2025-02-05", "-1", "2025-01-27");
  assert_add (fixture, "2025-01-27", "1", "2025-02-05");
  assert_add (fixture, "2025-02-07", "1", "2025-02-08");
  g_assert_cmpint (between (fixture, "2025-01-27", "2025-02-08"), ==, 4);
  /* 劳动节 and 端午 */
  assert_add (fixture, "2025-04-25", "1", "2025-04-27");
  assert_add (fixture, "2025-04-30", "1", "2025-05-06");
  assert_add (fixture, "2025-05-30", "1", "2025-06-03");
  /* 国庆+中秋: 10/1–10/8 off, Sunday 9/28 and Saturday 10/11 worked */
  assert_add (fixture, "2025-09-26", "1", "2025-09-28");
  assert_add (fixture, "2025-09-30", "1", "2025-10-09");
  assert_add (fixture, "2025-10-10", "1", "2025-10-11");
  g_assert_cmpint (between (fixture, "2025-09-30", "2025-10-09"), ==, 1);
  /* an ordinary fortnight: ten working days */
  assert_add (fixture, "2025-03-03", "10", "2025-03-17");
  g_assert_cmpint (between (fixture, "2025-03-03", "2025-03-03"), ==, 0);
}

static void
test_workdays_2026 (ServiceFixture *fixture,
                    gconstpointer   data)
{
  /* 元旦: 1/1–1/3 off, Sunday 1/4 worked */
  assert_add (fixture, "2025-12-31", "1", "2026-01-04");
  /* 春节: 2/15–2/23 off, Saturdays 2/14 and 2/28 worked */
  assert_add (fixture, "2026-02-13", "1", "2026-02-14");
  assert_add (fixture, "2026-02-14", "1", "2026-02-24");
  assert_add (fixture, "2026-02-27", "1", "2026-02-28");
  g_assert_cmpint (between (fixture, "2026-02-13", "2026-02-28"), ==, 6);
  /* 中秋 9/25–9/27 off; 国庆 10/1–10/7 off, Sunday 9/20 and Saturday 10/10 worked */
  assert_add (fixture, "2026-09-18", "1", "2026-09-20");
  assert_add (fixture, "2026-09-24", "1", "2026-09-28");
  assert_add (fixture, "2026-09-30", "1", "2026-10-08");
  assert_add (fixture, "2026-10-09", "1", "2026-10-10");
  /* 劳动节: Saturday 5/9 worked */
  assert_add (fixture, "2026-05-08", "1", "2026-05-09");
}

static void
test_year_without_schedule (ServiceFixture *fixture,
                            gconstpointer   data)
{
  g_autoptr(JsonNode) plain = run (fixture, "workdays", "add", "2030-02-01", "1", NULL);
  g_autoptr(JsonNode) set = run (fixture, "holidays", "set", "2030-02-04", "off", "--note", "测试", NULL);
  g_autoptr(JsonNode) corrected = run (fixture, "workdays", "add", "2030-02-01", "1", NULL);
  g_autoptr(JsonNode) listed = run (fixture, "holidays", "list", "--year", "2030", NULL);
  g_autoptr(JsonNode) shipped = run (fixture, "holidays", "list", "--year", "2025", NULL);
  g_autoptr(GError) error = run_error (fixture, "holidays", "set", "2030-02-05", "maybe", NULL);

  g_assert_false (json_object_get_boolean_member (json_node_get_object (plain), "complete"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (plain), "warning"), "2030"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (plain), "date"), ==, "2030-02-04");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (corrected), "date"), ==, "2030-02-05");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (corrected), "complete"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_node_get_object (listed), "days")), ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (shipped), "source"),
                            "国办发明电〔2024〕12号"));
  g_assert_nonnull (strstr (error->message, "maybe"));
}

static gint64
open_case (ServiceFixture *fixture)
{
  g_autofree char *project = g_strdup_printf ("%" PRId64, fixture->signed_project);
  g_autoptr(JsonNode) opened = run (fixture, "service", "open", project, "--manager", "王专员", NULL);

  return json_object_get_int_member (json_node_get_object (opened), "id");
}

static gint64
add_item (ServiceFixture *fixture,
          gint64          case_id,
          const char     *days,
          const char     *opened)
{
  g_autofree char *id = g_strdup_printf ("%" PRId64, case_id);
  g_autoptr(JsonNode) item = run (fixture, "service", "item-add", id, "--name", "环评", "--department",
                                  "生态环境局", "--days", days, "--opened", opened, NULL);

  return json_object_get_int_member (json_node_get_object (item), "id");
}

/* An item whose time limit runs into a year without a holiday schedule
 * says so, in the item and in the case's list; the others say nothing.
 * (The case's template items open today, so only the two added count.) */
static void
test_item_without_schedule (ServiceFixture *fixture,
                            gconstpointer   data)
{
  gint64 case_id = open_case (fixture);
  g_autofree char *case_text = g_strdup_printf ("%" PRId64, case_id);
  g_autoptr(JsonNode) late = run (fixture, "service", "item-add", case_text, "--name", "能评", "--department",
                                  "发改委", "--days", "10", "--opened", "2026-12-24", NULL);
  g_autoptr(JsonNode) covered = run (fixture, "service", "item-add", case_text, "--name", "环评", "--department",
                                     "生态环境局", "--days", "5", "--opened", "2026-03-02", NULL);
  g_autoptr(JsonNode) items = run (fixture, "service", "items", case_text, NULL);
  JsonArray *rows = json_node_get_array (items);
  gint64 late_id = json_object_get_int_member (json_node_get_object (late), "id");
  gint64 covered_id = json_object_get_int_member (json_node_get_object (covered), "id");
  guint seen = 0;

  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (late), "schedule_warning"),
                            "2027"));
  g_assert_true (json_object_get_null_member (json_node_get_object (covered), "schedule_warning"));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gint64 id = json_object_get_int_member (row, "id");

      if (id != late_id && id != covered_id)
        continue;
      seen++;
      g_assert_cmpint (json_object_get_null_member (row, "schedule_warning"), ==, id == covered_id);
    }
  g_assert_cmpuint (seen, ==, 2);
}

static JsonArray *
overdue_rows (ServiceFixture *fixture,
              const char     *as_of,
              JsonNode      **holder)
{
  *holder = run (fixture, "service", "overdue", "--as-of", as_of, NULL);
  return json_node_get_array (*holder);
}

static const char *
level_on (ServiceFixture *fixture,
          const char     *as_of,
          gint64         *days_late)
{
  g_autoptr(JsonNode) holder = NULL;
  JsonArray *rows = overdue_rows (fixture, as_of, &holder);
  static char level[16];
  JsonObject *row;

  if (json_array_get_length (rows) == 0)
    return NULL;
  g_assert_cmpint (json_array_get_length (rows), ==, 1);
  row = json_array_get_object_element (rows, 0);
  *days_late = json_object_get_int_member (row, "days_late");
  g_assert_cmpstr (json_object_get_string_member (row, "kind"), ==, "item");
  g_assert_cmpstr (json_object_get_string_member (row, "department"), ==, "生态环境局");
  g_assert_cmpstr (json_object_get_string_member (row, "manager"), ==, "王专员");
  g_strlcpy (level, json_object_get_string_member (row, "level"), sizeof level);
  return level;
}

static void
test_overdue_levels (ServiceFixture *fixture,
                     gconstpointer   data)
{
  gint64 case_id = open_case (fixture);
  gint64 late = 0;

  /* the template's items are opened today; only ours, in 2025, is late then */
  add_item (fixture, case_id, "5", "2025-03-03");     /* due Monday 2025-03-10 */
  g_assert_null (level_on (fixture, "2025-03-10", &late));
  g_assert_cmpstr (level_on (fixture, "2025-03-11", &late), ==, "yellow");
  g_assert_cmpint (late, ==, 1);
  g_assert_cmpstr (level_on (fixture, "2025-03-12", &late), ==, "yellow");
  g_assert_cmpint (late, ==, 2);
  g_assert_cmpstr (level_on (fixture, "2025-03-13", &late), ==, "orange");
  g_assert_cmpint (late, ==, 3);
  /* the weekend adds nothing: Monday 03-17 is the fifth working day late */
  g_assert_cmpstr (level_on (fixture, "2025-03-16", &late), ==, "orange");
  g_assert_cmpint (late, ==, 4);
  g_assert_cmpstr (level_on (fixture, "2025-03-17", &late), ==, "orange");
  g_assert_cmpint (late, ==, 5);
  g_assert_cmpstr (level_on (fixture, "2025-03-18", &late), ==, "red");
  g_assert_cmpint (late, ==, 6);
}

static void
test_levels_configurable (ServiceFixture *fixture,
                          gconstpointer   data)
{
  gint64 case_id = open_case (fixture);
  ZsRecordType *type = zs_store_lookup_record_type (fixture->base.store, "service_tracking.setting");
  g_autoptr(ZsRecord) setting = zs_record_new (type);
  g_autoptr(GError) error = NULL;
  gint64 late = 0;

  add_item (fixture, case_id, "5", "2025-03-03");
  zs_record_set_string (setting, "setting", "level_yellow_max");
  zs_record_set_int64 (setting, "value", 0);
  zs_store_create_record (fixture->base.store, G_OBJECT (setting), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (level_on (fixture, "2025-03-11", &late), ==, "orange");
}

static JsonObject *
item_in_case (JsonNode *items,
              gint64    item)
{
  JsonArray *rows = json_node_get_array (items);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (json_object_get_int_member (json_array_get_object_element (rows, i), "id") == item)
      return json_array_get_object_element (rows, i);
  g_assert_not_reached ();
}

static void
test_commitment (ServiceFixture *fixture,
                 gconstpointer   data)
{
  gint64 case_id = open_case (fixture);
  gint64 item = add_item (fixture, case_id, "20", "2025-03-03");
  g_autofree char *item_text = g_strdup_printf ("%" PRId64, item);
  g_autoptr(JsonNode) committed = run (fixture, "service", "commit", item_text, "--document", "环评批复",
                                       "--by", "2025-03-14", NULL);
  g_autoptr(JsonNode) on_day = run (fixture, "service", "sweep", "--as-of", "2025-03-14", NULL);
  g_autoptr(JsonNode) after = run (fixture, "service", "sweep", "--as-of", "2025-03-15", NULL);
  g_autoptr(JsonNode) holder = NULL, holder2 = NULL, supplied = NULL, done = NULL;
  JsonArray *rows;
  JsonObject *row;

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (committed), "status"), ==, "waiting");
  g_assert_cmpint (json_array_get_length (json_node_get_array (on_day)), ==, 0);
  g_assert_cmpint (json_array_get_length (json_node_get_array (after)), ==, 1);
  row = json_array_get_object_element (json_node_get_array (after), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "reopened");
  g_assert_nonnull (strstr (json_object_get_string_member (row, "note"), "环评批复"));
  /* audited as a record write */
  g_assert_nonnull (zs_store_get_record (fixture->base.store, "service_tracking.item", item, NULL));

  /* Monday 03-17 is one working day after the 14th: the commitment escalates */
  rows = overdue_rows (fixture, "2025-03-17", &holder);
  g_assert_cmpint (json_array_get_length (rows), ==, 1);
  row = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "kind"), ==, "commitment");
  g_assert_cmpstr (json_object_get_string_member (row, "due"), ==, "2025-03-14");
  g_assert_cmpint (json_object_get_int_member (row, "days_late"), ==, 1);

  supplied = run (fixture, "service", "supply", item_text, "--date", "2025-03-18", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (supplied), "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (supplied),
                                                                                "commitment"), "supplied"),
                   ==, "2025-03-18");
  rows = overdue_rows (fixture, "2025-03-18", &holder2);
  g_assert_cmpint (json_array_get_length (rows), ==, 0);
  g_error_free (run_error (fixture, "service", "supply", item_text, NULL));

  done = run (fixture, "service", "done", item_text, "--date", "2025-03-20", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (done), "status"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (done), "done"), ==, "2025-03-20");
}

static void
test_review (ServiceFixture *fixture,
             gconstpointer   data)
{
  gint64 case_id = open_case (fixture);
  g_autofree char *case_text = g_strdup_printf ("%" PRId64, case_id);
  g_autoptr(JsonNode) review = run (fixture, "service", "review", case_text, "--departments",
                                    "发改委,自然资源局,生态环境局", "--days", "5", "--opened", "2025-09-26", NULL);
  JsonObject *object = json_node_get_object (review);
  g_autofree char *id = g_strdup_printf ("%" PRId64, json_object_get_int_member (object, "id"));
  g_autoptr(JsonNode) first = NULL, second = NULL, last = NULL, late = NULL, listed = NULL;
  g_autoptr(GError) wrong = NULL, twice = NULL;

  /* 9/26 + 5 working days: 9/28, 9/29, 9/30, 10/9, 10/10 */
  g_assert_cmpstr (json_object_get_string_member (object, "due"), ==, "2025-10-10");
  g_assert_false (json_object_get_boolean_member (object, "complete"));
  first = run (fixture, "service", "sign", id, "--department", "发改委", "--date", "2025-09-29", NULL);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (first), "complete"));
  second = run (fixture, "service", "sign", id, "--department", "自然资源局", "--date", "2025-09-30",
                "--remarks", "同意", NULL);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (second), "complete"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_node_get_object (second), "signed")), ==, 2);
  wrong = run_error (fixture, "service", "sign", id, "--department", "税务局", NULL);
  g_assert_nonnull (strstr (wrong->message, "税务局"));
  twice = run_error (fixture, "service", "sign", id, "--department", "发改委", NULL);

  /* waiting on 生态环境局: on Monday 10/13 two working days late, as
   * Saturday 10/11 is a make-up working day */
  late = run (fixture, "service", "overdue", "--as-of", "2025-10-13", NULL);
  g_assert_cmpint (json_array_get_length (json_node_get_array (late)), >=, 1);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (late)); i++)
    {
      JsonObject *row = json_array_get_object_element (json_node_get_array (late), i);

      if (g_str_equal (json_object_get_string_member (row, "kind"), "review"))
        {
          g_assert_cmpstr (json_object_get_string_member (row, "department"), ==, "生态环境局");
          g_assert_cmpint (json_object_get_int_member (row, "days_late"), ==, 2);
        }
    }
  last = run (fixture, "service", "sign", id, "--department", "生态环境局", "--date", "2025-10-13", NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (last), "complete"));
  listed = run (fixture, "service", "reviews", case_text, NULL);
  g_assert_cmpint (json_array_get_length (json_node_get_array (listed)), ==, 1);
}

static void
test_sanwei (ServiceFixture *fixture,
             gconstpointer   data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, 91);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 400);
  g_autofree char *soon_text = g_date_time_format (soon, "%Y-%m-%d");
  g_autofree char *later_text = g_date_time_format (later, "%Y-%m-%d");
  gint64 registered = add_project_at (fixture->base.store, ZS_STAGE_REGISTERED);
  gint64 started = add_project_at (fixture->base.store, ZS_STAGE_NEGOTIATING);
  g_autoptr(JsonNode) today = NULL, first = NULL, all = NULL;
  g_autoptr(GError) error = NULL;

  add_project_at (fixture->base.store, ZS_STAGE_LEAD);
  /* a project that moved: it counts from the move */
  g_assert_true (zs_store_move_project (fixture->base.store, started, ZS_STAGE_UNDER_CONSTRUCTION, NULL, &error));
  g_assert_no_error (error);

  today = run (fixture, "service", "sanwei", NULL);
  g_assert_cmpint (json_array_get_length (json_node_get_array (today)), ==, 0);
  first = run (fixture, "service", "sanwei", "--as-of", soon_text, NULL);
  g_assert_cmpint (json_array_get_length (json_node_get_array (first)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (first), 0),
                                                  "label"), ==, "签约未注册");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (first), 0),
                                               "project_id"), ==, fixture->signed_project);
  all = run (fixture, "service", "sanwei", "--as-of", later_text, NULL);
  g_assert_cmpint (json_array_get_length (json_node_get_array (all)), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (all), 1),
                                               "project_id"), ==, registered);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (all), 2),
                                                  "list"), ==, "started_not_producing");
}

static void
test_cli (ServiceFixture *fixture,
          gconstpointer   data)
{
  gint64 lead = add_project_at (fixture->base.store, ZS_STAGE_LEAD);
  g_autofree char *lead_text = g_strdup_printf ("%" PRId64, lead);
  g_autofree char *project_text = g_strdup_printf ("%" PRId64, fixture->signed_project);
  g_autoptr(GError) not_signed = run_error (fixture, "service", "open", lead_text, "--manager", "王专员", NULL);
  g_autoptr(GError) no_manager = run_error (fixture, "service", "open", project_text, "--manager", "李四", NULL);
  g_autoptr(GError) no_template = run_error (fixture, "service", "open", project_text, "--manager", "王专员",
                                             "--template", "没有", NULL);
  g_autoptr(GError) bad_id = run_error (fixture, "service", "items", "abc", NULL);
  g_autoptr(GError) bad_rating = NULL, bad_date = NULL, bad_days = NULL;
  g_autoptr(JsonNode) cases = NULL, items = NULL, visit = NULL, ratings = NULL, mine = NULL, committed = NULL;
  gint64 case_id;
  g_autofree char *case_text = NULL;
  JsonObject *item;

  g_assert_true (g_error_matches (not_signed, ZS_ERROR, ZS_ERROR_INVALID));
  g_assert_nonnull (strstr (not_signed->message, lead_text));
  g_assert_nonnull (strstr (no_manager->message, "李四"));
  g_assert_nonnull (strstr (no_template->message, "没有"));
  g_assert_true (g_error_matches (bad_id, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE));

  case_id = open_case (fixture);
  case_text = g_strdup_printf ("%" PRId64, case_id);
  cases = run (fixture, "service", "cases", NULL);
  g_assert_cmpint (json_array_get_length (json_node_get_array (cases)), ==, 1);
  mine = run (fixture, "service", "cases", "--manager", "王专员", NULL);
  g_assert_cmpint (json_array_get_length (json_node_get_array (mine)), ==, 1);
  items = run (fixture, "service", "items", case_text, NULL);
  g_assert_cmpint (json_array_get_length (json_node_get_array (items)), ==, 10);
  item = json_array_get_object_element (json_node_get_array (items), 0);
  for (const char * const *key = (const char * const[]) { "id", "case_id", "name", "department", "days", "opened",
                                                           "due", "status", "done", NULL }; *key; key++)
    g_assert_true (json_object_has_member (item, *key));
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "工商注册");
  g_assert_cmpint (json_object_get_int_member (item, "case_id"), ==, case_id);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "open");
  g_assert_true (json_object_get_null_member (item, "done"));

  bad_date = run_error (fixture, "service", "item-add", case_text, "--name", "x", "--department", "y",
                        "--days", "3", "--opened", "2025-02-30", NULL);
  bad_days = run_error (fixture, "service", "item-add", case_text, "--name", "x", "--department", "y",
                        "--days", "-3", NULL);
  g_assert_nonnull (strstr (bad_days->message, "-3"));
  bad_rating = run_error (fixture, "service", "visit", case_text, "--date", "2025-05-06", "--rating", "6", NULL);
  g_assert_nonnull (strstr (bad_rating->message, "6"));
  visit = run (fixture, "service", "visit", case_text, "--date", "2025-05-06", "--rating", "4",
               "--department", "税务局", "--notes", "满意", NULL);
  g_clear_pointer (&visit, json_node_unref);
  visit = run (fixture, "service", "visit", case_text, "--date", "2025-06-06", "--rating", "5", NULL);
  ratings = run (fixture, "service", "ratings", NULL);
  g_assert_cmpfloat (json_object_get_double_member (
                       json_array_get_object_element (json_object_get_array_member (json_node_get_object (ratings),
                                                                                    "managers"), 0), "average"),
                     ==, 4.5);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_node_get_object (ratings),
                                                                        "departments")), ==, 1);

  /* reading the items applies a commitment that expired before today */
  committed = run (fixture, "service", "commit", "1", "--document", "营业执照", "--by", "2025-01-02", NULL);
  g_clear_pointer (&items, json_node_unref);
  items = run (fixture, "service", "items", case_text, NULL);
  g_assert_cmpstr (json_object_get_string_member (item_in_case (items, 1), "status"), ==, "reopened");
}

static void
test_follow_ups (ServiceFixture *fixture,
                 gconstpointer   data)
{
  gint64 case_id = open_case (fixture);
  gint64 item = add_item (fixture, case_id, "5", "2025-03-03");     /* due 2025-03-10 */
  g_autofree char *item_text = g_strdup_printf ("%" PRId64, item);
  g_autoptr(GPtrArray) sources = zs_plugin_engine_get_extensions (fixture->engine, ZS_TYPE_FOLLOW_UP_SOURCE);
  g_autoptr(GPtrArray) march = NULL, others = NULL, april = NULL;
  g_autoptr(JsonNode) committed = NULL;
  g_autoptr(GError) error = NULL;
  ZsFollowUp *first;

  g_assert_cmpuint (sources->len, ==, 1);
  committed = run (fixture, "service", "commit", item_text, "--document", "环评批复", "--by", "2025-03-07", NULL);
  march = zs_follow_up_source_list_follow_ups (sources->pdata[0], fixture->base.store, "2025-03-01", "2025-03-31",
                                               "王专员", &error);
  g_assert_no_error (error);
  /* the item and its commitment; the template's items are due after today */
  g_assert_cmpuint (march->len, ==, 2);
  first = march->pdata[0];
  g_assert_cmpstr (zs_follow_up_get_due (first), ==, "2025-03-10");
  g_assert_cmpstr (zs_follow_up_get_assignee (first), ==, "王专员");
  g_assert_nonnull (strstr (zs_follow_up_get_title (first), "环评"));
  g_assert_cmpstr (zs_follow_up_get_action_id (first), ==, "win.show-view::plugin-service-tracking");
  g_assert_cmpint (zs_follow_up_get_firm_id (first), >, 0);
  g_assert_cmpstr (zs_follow_up_get_due (march->pdata[1]), ==, "2025-03-07");

  others = zs_follow_up_source_list_follow_ups (sources->pdata[0], fixture->base.store, NULL, "2025-03-31",
                                                "别人", &error);
  g_assert_cmpuint (others->len, ==, 0);
  april = zs_follow_up_source_list_follow_ups (sources->pdata[0], fixture->base.store, "2025-04-01", "2025-04-30",
                                               NULL, &error);
  g_assert_cmpuint (april->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, ServiceFixture, NULL, service_setup, func, service_teardown)
  ADD ("/service-tracking/workdays-2025", test_workdays_2025);
  ADD ("/service-tracking/workdays-2026", test_workdays_2026);
  ADD ("/service-tracking/year-without-schedule", test_year_without_schedule);
  ADD ("/service-tracking/item-without-schedule", test_item_without_schedule);
  ADD ("/service-tracking/overdue-levels", test_overdue_levels);
  ADD ("/service-tracking/levels-configurable", test_levels_configurable);
  ADD ("/service-tracking/commitment", test_commitment);
  ADD ("/service-tracking/review", test_review);
  ADD ("/service-tracking/sanwei", test_sanwei);
  ADD ("/service-tracking/cli", test_cli);
  ADD ("/service-tracking/follow-ups", test_follow_ups);
#undef ADD

  return g_test_run ();
}
