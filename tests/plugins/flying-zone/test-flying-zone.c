/* test-flying-zone.c: the flying-zone plugin through the engine
 *
 * Every rule refuses with the field and the value and writes nothing,
 * through the verbs and through the record API alike; the verbs end to end
 * on a fixture with an agreement that changes mid-year and a short
 * settlement; the report's totals by park and by partner; the ledger
 * written to CSV and XLSX; the partner firms in chain matching, and gone
 * when the plugin is disabled; the demo zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-test-util.h"

#include <inttypes.h>
#include <math.h>

#include <json-glib/json-glib.h>

typedef struct {
  StoreFixture    base;
  ZsPluginEngine *engine;
  gint64          firm_a;     /* 江苏 (320583), placed all year */
  gint64          firm_b;     /* 霍尔果斯, placed from 1 April */
  char           *firm_b_id;
} FzFixture;

static gint64
add_firm_in (ZsStore    *store,
             guint       serial,
             const char *name,
             const char *region)
{
  g_autofree char *uscc = make_uscc (serial);
  g_autoptr(ZsFirm) firm = make_firm (uscc, name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_firm_set_region_code (firm, region);
  id = zs_store_add_firm (store, firm, &error);
  g_assert_no_error (error);
  return id;
}

static void
fz_setup (FzFixture     *fixture,
          gconstpointer  data)
{
  g_autoptr(ZsPlugin) plugin = NULL;

  store_fixture_setup_seeded (&fixture->base, data);
  fixture->engine = zs_plugin_engine_new (fixture->base.store);
  zs_plugin_engine_load_all (fixture->engine);
  plugin = zs_plugin_engine_get_plugin (fixture->engine, "flying-zone", NULL);
  g_assert_nonnull (plugin);
  g_assert_cmpstr (zs_plugin_get_error (plugin), ==, NULL);
  g_assert_true (zs_plugin_get_active (plugin));
  fixture->firm_a = add_firm_in (fixture->base.store, 9301, "昆山飞地纺织有限公司", "320583");
  fixture->firm_b = add_firm_in (fixture->base.store, 9302, "霍尔果斯本地物流有限公司", "654004");
  fixture->firm_b_id = g_strdup_printf ("%" PRId64, fixture->firm_b);
}

static void
fz_teardown (FzFixture     *fixture,
             gconstpointer  data)
{
  g_clear_object (&fixture->engine);
  g_free (fixture->firm_b_id);
  store_fixture_teardown (&fixture->base, data);
}

static JsonNode *
run_v (FzFixture  *fixture,
       GError    **error,
       va_list     rest)
{
  ZsPluginContext *context = NULL;
  g_autoptr(ZsCommandProvider) provider = zs_plugin_engine_find_command (fixture->engine, "flying-zone", &context);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  g_autofree char *output = NULL;

  g_assert_nonnull (provider);
  for (const char *arg = va_arg (rest, const char *); arg != NULL; arg = va_arg (rest, const char *))
    g_strv_builder_add (builder, arg);
  args = g_strv_builder_end (builder);
  output = zs_command_provider_run (provider, context, "flying-zone", (const char * const *) args, TRUE, error);
  return output ? json_from_string (output, NULL) : NULL;
}

/* Runs `flying-zone ARGS… --json`; the JSON it printed. */
G_GNUC_NULL_TERMINATED static JsonNode *
run (FzFixture *fixture,
     ...)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;
  va_list rest;

  va_start (rest, fixture);
  node = run_v (fixture, &error, rest);
  va_end (rest);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

G_GNUC_NULL_TERMINATED static GError *
run_error (FzFixture *fixture,
           ...)
{
  GError *error = NULL;
  g_autoptr(JsonNode) node = NULL;
  va_list rest;

  va_start (rest, fixture);
  node = run_v (fixture, &error, rest);
  va_end (rest);
  g_assert_null (node);
  g_assert_nonnull (error);
  return error;
}

static gint64
id_of (JsonNode *record)
{
  return json_object_get_int_member (json_node_get_object (record), "id");
}

static guint
count (FzFixture  *fixture,
       const char *type_name)
{
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  zs_record_query_set_limit (query, 0);
  records = zs_store_list_records (fixture->base.store, type_name, query, &error);
  g_assert_no_error (error);
  return records->len;
}

/* A refusal: ZS_ERROR_INVALID naming @field and @value, and no new record
 * of @type_name. */
static void
assert_refused (FzFixture  *fixture,
                GError     *error,
                const char *type_name,
                guint       before,
                const char *field,
                const char *value)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", field);

  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, value));
  g_assert_cmpuint (count (fixture, type_name), ==, before);
  g_error_free (error);
}

/* Partner 江苏省, zone in 霍尔果斯市 (park horgos-port-park); agreements
 * 50/50 tax, 40/60 output to 30 June 2025, then 40/60 and 30/70; firm A
 * all 2025 (tax 365, output 730 万元), firm B from 1 April 2025 (tax 100,
 * output 200); 100 万元 settled for 2025. Returns the zone's id. */
static gint64
build_fixture (FzFixture *fixture)
{
  g_autoptr(JsonNode) partner = run (fixture, "partner", "add", "--name", "江苏省", "--region", "320000",
                                     "--paired-with", "654004", NULL);
  g_autofree char *partner_id = g_strdup_printf ("%" PRId64, id_of (partner));
  g_autoptr(JsonNode) zone = run (fixture, "zone", "add", "--name", "江苏霍尔果斯产业园", "--partner", partner_id,
                                  "--host-county", "654004", "--park", "horgos-port-park", "--area", "1200.5",
                                  NULL);
  g_autofree char *zone_id = g_strdup_printf ("%" PRId64, id_of (zone));
  g_autofree char *firm_a = g_strdup_printf ("%" PRId64, fixture->firm_a);
  g_autoptr(JsonNode) first = run (fixture, "agreement", "add", "--zone", zone_id, "--from", "2024-01-01",
                                   "--to", "2025-06-30", "--tax-partner", "50", "--tax-host", "50",
                                   "--output-partner", "40", "--output-host", "60", NULL);
  g_autoptr(JsonNode) second = run (fixture, "agreement", "add", "--zone", zone_id, "--from", "2025-07-01",
                                    "--to", "2029-12-31", "--tax-partner", "40", "--tax-host", "60",
                                    "--output-partner", "30", "--output-host", "70", NULL);
  g_autoptr(JsonNode) placed_a = run (fixture, "place", firm_a, "--zone", zone_id, "--from", "2024-03-01", NULL);
  g_autoptr(JsonNode) placed_b = run (fixture, "place", fixture->firm_b_id, "--zone", zone_id,
                                      "--from", "2025-04-01", NULL);
  g_autoptr(JsonNode) figures_a = run (fixture, "realised", firm_a, "--year", "2025", "--tax", "365",
                                       "--output", "730", NULL);
  g_autoptr(JsonNode) figures_b = run (fixture, "realised", fixture->firm_b_id, "--year", "2025", "--tax", "100",
                                       "--output", "200", NULL);
  g_autoptr(JsonNode) settled = run (fixture, "settle", "--zone", zone_id, "--year", "2025", "--amount", "100",
                                     "--date", "2026-03-31", NULL);

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (settled), "date"), ==, "2026-03-31");
  return id_of (zone);
}

static void
assert_wan (JsonObject *object,
            const char *member,
            gint64      yuan)
{
  double value = json_object_get_double_member (object, member);

  if (llround (value * 10000) != yuan)
    g_error ("%s is %.6f 万元, expected %" PRId64 " yuan", member, value, yuan);
}

static JsonObject *
ledger_row (JsonArray *rows,
            gint64     firm)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (json_object_get_int_member (json_array_get_object_element (rows, i), "firm_id") == firm)
      return json_array_get_object_element (rows, i);
  g_assert_not_reached ();
}

static void
test_ledger_end_to_end (FzFixture     *fixture,
                        gconstpointer  data)
{
  gint64 zone = build_fixture (fixture);
  g_autoptr(JsonNode) ledger = run (fixture, "ledger", "--year", "2025", NULL);
  JsonObject *root = json_node_get_object (ledger);
  JsonArray *rows = json_object_get_array_member (root, "rows");
  JsonObject *balance = json_array_get_object_element (json_object_get_array_member (root, "zones"), 0);
  JsonObject *a = ledger_row (rows, fixture->firm_a);
  JsonObject *b = ledger_row (rows, fixture->firm_b);
  static const char * const keys[] = { "zone_id", "firm_id", "year", "tax", "output", "tax_partner", "tax_host",
                                       "output_partner", "output_host", NULL };

  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  for (guint i = 0; keys[i] != NULL; i++)
    g_assert_true (json_object_has_member (a, keys[i]));
  g_assert_cmpint (json_object_get_int_member (a, "zone_id"), ==, zone);
  g_assert_cmpint (json_object_get_int_member (a, "year"), ==, 2025);
  /* A: 181 days at 50 %, 184 at 40 % */
  assert_wan (a, "tax", 3650000);
  assert_wan (a, "tax_partner", 1641000);
  assert_wan (a, "tax_host", 2009000);
  assert_wan (a, "output_partner", 2552000);
  assert_wan (a, "output_host", 4748000);
  /* B: 275 days, 91 of them under the first agreement */
  assert_wan (b, "tax", 753425);
  assert_wan (b, "tax_partner", 326301);
  assert_wan (b, "tax_host", 753425 - 326301);
  g_assert_cmpint (json_object_get_int_member (b, "days"), ==, 275);
  /* the zone owes both partner parts and settled 100 万元 */
  assert_wan (balance, "due_partner", 1641000 + 326301);
  assert_wan (balance, "settled", 1000000);
  assert_wan (balance, "shortfall", 1641000 + 326301 - 1000000);
  g_assert_cmpstr (json_object_get_string_member (balance, "flag"), ==, "short");
  g_assert_cmpstr (json_object_get_string_member (balance, "partner"), ==, "江苏省");
  assert_wan (json_object_get_object_member (root, "total"), "shortfall", 1641000 + 326301 - 1000000);
}

static void
report_sums (JsonObject *report,
             gint64     *tax,
             gint64     *output)
{
  JsonArray *rows = json_object_get_array_member (report, "rows");

  *tax = *output = 0;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      *tax += llround (json_object_get_double_member (json_array_get_object_element (rows, i), "tax") * 10000);
      *output += llround (json_object_get_double_member (json_array_get_object_element (rows, i), "output") * 10000);
    }
}

/* Firm B's project sits in another park than the zone: it is counted
 * there by park; by partner, the same figures are split between 江苏省 and
 * 霍尔果斯市. Both add up to the ledger's total. */
static void
test_report_totals (FzFixture     *fixture,
                    gconstpointer  data)
{
  g_autoptr(ZsProject) project = zs_project_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) by_park = NULL;
  g_autoptr(JsonNode) by_partner = NULL;
  g_autoptr(JsonNode) ledger = NULL;
  g_autoptr(GPtrArray) placements = NULL;
  JsonObject *total;
  gint64 park_tax, park_output, partner_tax, partner_output;

  build_fixture (fixture);
  zs_project_set_firm_id (project, fixture->firm_b);
  zs_project_set_title (project, "冷链仓储项目");
  zs_project_set_park_code (project, "qingshuihe-park");
  g_assert_cmpint (zs_store_add_project (fixture->base.store, project, &error), >, 0);
  g_assert_no_error (error);
  placements = zs_store_list_records (fixture->base.store, "flying_zone.placement", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < placements->len; i++)
    if (zs_record_get_int64 (placements->pdata[i], "firm") == fixture->firm_b)
      {
        zs_record_set_int64 (placements->pdata[i], "project", zs_project_get_id (project));
        g_assert_true (zs_store_update_record (fixture->base.store, placements->pdata[i], &error));
        g_assert_no_error (error);
      }

  by_park = run (fixture, "report", "--year", "2025", "--by", "park", NULL);
  by_partner = run (fixture, "report", "--year", "2025", "--by", "partner", NULL);
  ledger = run (fixture, "ledger", "--year", "2025", NULL);
  report_sums (json_node_get_object (by_park), &park_tax, &park_output);
  report_sums (json_node_get_object (by_partner), &partner_tax, &partner_output);
  g_assert_cmpint (park_tax, ==, 3650000 + 753425);
  g_assert_cmpint (partner_tax, ==, park_tax);
  g_assert_cmpint (partner_output, ==, park_output);
  total = json_object_get_object_member (json_node_get_object (by_park), "total");
  assert_wan (total, "tax", park_tax);
  total = json_object_get_object_member (json_node_get_object (by_partner), "total");
  assert_wan (total, "tax", partner_tax);
  assert_wan (json_object_get_object_member (json_node_get_object (ledger), "total"), "tax", park_tax);
  /* two parks of record; one partner and one host county */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (by_park), "rows")),
                    ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (by_partner),
                                                                         "rows")), ==, 2);
}

static void
test_partner_rules (FzFixture     *fixture,
                    gconstpointer  data)
{
  assert_refused (fixture, run_error (fixture, "partner", "add", "--name", "浙江省", "--region", "33000", NULL),
                  "flying_zone.partner", 0, "region_code", "33000");
  assert_refused (fixture, run_error (fixture, "partner", "add", "--name", "伊犁州", "--region", "654000", NULL),
                  "flying_zone.partner", 0, "region_code", "654000");
  assert_refused (fixture, run_error (fixture, "partner", "add", "--name", "浙江省", "--region", "330000",
                                      "--paired-with", "999999", NULL),
                  "flying_zone.partner", 0, "paired_with", "999999");
}

static void
test_zone_rules (FzFixture     *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) partner = run (fixture, "partner", "add", "--name", "江苏省", "--region", "320000", NULL);
  g_autofree char *partner_id = g_strdup_printf ("%" PRId64, id_of (partner));
  g_autoptr(GError) error = NULL;

  /* 伊犁州 itself is not one of the four */
  assert_refused (fixture, run_error (fixture, "zone", "add", "--name", "X", "--partner", partner_id,
                                      "--host-county", "654000", NULL),
                  "flying_zone.zone", 0, "host_county", "654000");
  assert_refused (fixture, run_error (fixture, "zone", "add", "--name", "X", "--partner", partner_id,
                                      "--host-county", "654023", "--park", "no-such-park", NULL),
                  "flying_zone.zone", 0, "park", "no-such-park");
  error = run_error (fixture, "zone", "add", "--name", "X", "--partner", "999", "--host-county", "654023", NULL);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "--partner: "));
  g_clear_error (&error);
  error = run_error (fixture, "zone", "add", "--name", "X", "--host-county", "654023", NULL);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_cmpuint (count (fixture, "flying_zone.zone"), ==, 0);
}

static void
test_agreement_rules (FzFixture     *fixture,
                      gconstpointer  data)
{
  gint64 zone = build_fixture (fixture);
  g_autofree char *zone_id = g_strdup_printf ("%" PRId64, zone);
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GError) error = NULL;
  ZsRecord *first;

  assert_refused (fixture, run_error (fixture, "agreement", "add", "--zone", zone_id, "--from", "2030-01-01",
                                      "--to", "2030-12-31", "--tax-partner", "60", "--tax-host", "30",
                                      "--output-partner", "50", "--output-host", "50", NULL),
                  "flying_zone.agreement", 2, "tax_host", "60");
  assert_refused (fixture, run_error (fixture, "agreement", "add", "--zone", zone_id, "--from", "2030-01-01",
                                      "--to", "2030-12-31", "--tax-partner", "50", "--tax-host", "50",
                                      "--output-partner", "50", "--output-host", "50.5", NULL),
                  "flying_zone.agreement", 2, "output_host", "50.5");
  assert_refused (fixture, run_error (fixture, "agreement", "add", "--zone", zone_id, "--from", "2030-01-01",
                                      "--to", "2030-12-31", "--tax-partner", "33.333", "--tax-host", "66.667",
                                      "--output-partner", "50", "--output-host", "50", NULL),
                  "flying_zone.agreement", 2, "tax_partner", "33.333");
  assert_refused (fixture, run_error (fixture, "agreement", "add", "--zone", zone_id, "--from", "2030-01-01",
                                      "--to", "2030-12-31", "--tax-partner", "-10", "--tax-host", "110",
                                      "--output-partner", "50", "--output-host", "50", NULL),
                  "flying_zone.agreement", 2, "tax_partner", "-10");
  /* one day of overlap is enough */
  assert_refused (fixture, run_error (fixture, "agreement", "add", "--zone", zone_id, "--from", "2029-12-31",
                                      "--to", "2030-12-31", "--tax-partner", "50", "--tax-host", "50",
                                      "--output-partner", "50", "--output-host", "50", NULL),
                  "flying_zone.agreement", 2, "valid_from", "2029-12-31");
  assert_refused (fixture, run_error (fixture, "agreement", "add", "--zone", zone_id, "--from", "2031-01-01",
                                      "--to", "2030-12-31", "--tax-partner", "50", "--tax-host", "50",
                                      "--output-partner", "50", "--output-host", "50", NULL),
                  "flying_zone.agreement", 2, "valid_to", "2030-12-31");

  /* an edit through the record API: its own term is no overlap, another's is */
  agreements = zs_store_list_records (fixture->base.store, "flying_zone.agreement", NULL, &error);
  g_assert_no_error (error);
  first = agreements->pdata[0];
  zs_record_set_string (first, "notes", "首期");
  g_assert_true (zs_store_update_record (fixture->base.store, G_OBJECT (first), &error));
  g_assert_no_error (error);
  zs_record_set_string (first, "valid_to", "2025-07-01");
  g_assert_false (zs_store_update_record (fixture->base.store, G_OBJECT (first), &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "valid_from: "));
  g_clear_error (&error);

  /* a later start would leave firm A's placement (from 2024-03-01) outside
   * every agreement: refused, naming it, nothing written */
  {
    g_autoptr(GObject) stored = zs_store_get_record (fixture->base.store, "flying_zone.agreement",
                                                     zs_record_get_id (first), &error);
    g_autoptr(GObject) again = NULL;

    g_assert_no_error (error);
    zs_record_set_string (ZS_RECORD (stored), "valid_from", "2024-06-01");
    g_assert_false (zs_store_update_record (fixture->base.store, stored, &error));
    g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "valid_from: 2024-06-01 to 2025-06-30 would leave placement "));
    g_assert_nonnull (strstr (error->message, "(2024-03-01 to …)"));
    g_clear_error (&error);
    again = zs_store_get_record (fixture->base.store, "flying_zone.agreement", zs_record_get_id (first), &error);
    g_assert_cmpstr (zs_record_get_string (ZS_RECORD (again), "valid_from"), ==, "2024-01-01");

    /* an earlier start keeps it inside */
    zs_record_set_string (ZS_RECORD (stored), "valid_from", "2024-02-01");
    g_assert_true (zs_store_update_record (fixture->base.store, stored, &error));
    g_assert_no_error (error);
  }

  /* deleting the agreement firm A's placement falls in is refused, naming
   * the placement, and the agreement stays; one nothing falls in goes */
  {
    gint64 id = zs_record_get_id (first);
    g_autoptr(GObject) kept = NULL;
    g_autoptr(GPtrArray) after = NULL;

    g_assert_false (zs_store_delete_record (fixture->base.store, "flying_zone.agreement", id, &error));
    g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "id: deleting agreement "));
    g_assert_nonnull (strstr (error->message, "(2024-03-01 to …)"));
    g_clear_error (&error);
    kept = zs_store_get_record (fixture->base.store, "flying_zone.agreement", id, &error);
    g_assert_no_error (error);

    /* undoing its creation in the history deletes it: refused the same way */
    {
      g_autoptr(GPtrArray) changes = zs_store_list_changes (fixture->base.store, "flying_zone.agreement", id,
                                                            0, 0, &error);
      gint64 created = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < changes->len; i++)
        if (zs_change_get_kind (changes->pdata[i]) == ZS_CHANGE_KIND_CREATE)
          created = zs_change_get_id (changes->pdata[i]);
      g_assert_cmpint (created, >, 0);
      g_assert_cmpint (zs_store_revert_change (fixture->base.store, created, &error), ==, 0);
      g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "id: deleting agreement "));
      g_clear_error (&error);
      g_clear_object (&kept);
      kept = zs_store_get_record (fixture->base.store, "flying_zone.agreement", id, &error);
      g_assert_no_error (error);
    }

    g_autoptr(JsonNode) added = run (fixture, "agreement", "add", "--zone", zone_id, "--from", "2040-01-01",
                                     "--to", "2040-12-31", "--tax-partner", "50", "--tax-host", "50",
                                     "--output-partner", "50", "--output-host", "50", NULL);
    g_assert_true (zs_store_delete_record (fixture->base.store, "flying_zone.agreement", id_of (added), &error));
    g_assert_no_error (error);
    after = zs_store_list_records (fixture->base.store, "flying_zone.agreement", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (after->len, ==, agreements->len);

    /* bringing the deleted one back by reverting its deletion is checked
     * like a new agreement: it now overlaps a later one and is refused */
    {
      g_autoptr(JsonNode) overlapping = run (fixture, "agreement", "add", "--zone", zone_id, "--from", "2040-06-01",
                                             "--to", "2041-05-31", "--tax-partner", "40", "--tax-host", "60",
                                             "--output-partner", "40", "--output-host", "60", NULL);
      g_autoptr(GPtrArray) changes = zs_store_list_changes (fixture->base.store, "flying_zone.agreement",
                                                            id_of (added), 0, 0, &error);
      ZsChange *deletion;
      g_autoptr(GPtrArray) unchanged = NULL;

      g_assert_no_error (error);
      deletion = changes->pdata[0];                 /* newest first */
      g_assert_cmpint (zs_change_get_kind (deletion), ==, ZS_CHANGE_KIND_DELETE);
      g_assert_cmpint (zs_store_revert_change (fixture->base.store, zs_change_get_id (deletion), &error), ==, 0);
      g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "valid_from: "));
      g_clear_error (&error);
      unchanged = zs_store_list_records (fixture->base.store, "flying_zone.agreement", NULL, &error);
      g_assert_cmpuint (unchanged->len, ==, agreements->len + 1);
      g_assert_nonnull (overlapping);
    }
  }
}

static void
test_placement_rules (FzFixture     *fixture,
                      gconstpointer  data)
{
  gint64 zone = build_fixture (fixture);
  g_autofree char *zone_id = g_strdup_printf ("%" PRId64, zone);
  g_autofree char *firm_a = g_strdup_printf ("%" PRId64, fixture->firm_a);
  gint64 other = add_firm_in (fixture->base.store, 9303, "无锡新迁入企业有限公司", "320200");
  g_autofree char *other_id = g_strdup_printf ("%" PRId64, other);
  g_autoptr(ZsProject) project = zs_project_new ();
  g_autofree char *project_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsRecord) direct = NULL;
  ZsRecordType *record_type;

  assert_refused (fixture, run_error (fixture, "place", other_id, "--zone", zone_id, "--from", "2023-12-31", NULL),
                  "flying_zone.placement", 2, "valid_from", "2023-12-31");
  assert_refused (fixture, run_error (fixture, "place", other_id, "--zone", zone_id, "--from", "2025-01-01",
                                      "--to", "2030-01-01", NULL),
                  "flying_zone.placement", 2, "valid_to", "2030-01-01");
  /* firm A is in the zone from 2024-03-01 with no end */
  assert_refused (fixture, run_error (fixture, "place", firm_a, "--zone", zone_id, "--from", "2028-01-01", NULL),
                  "flying_zone.placement", 2, "valid_from", "2024-03-01");
  zs_project_set_firm_id (project, fixture->firm_a);
  zs_project_set_title (project, "别家的项目");
  g_assert_cmpint (zs_store_add_project (fixture->base.store, project, &error), >, 0);
  project_id = g_strdup_printf ("%" PRId64, zs_project_get_id (project));
  assert_refused (fixture, run_error (fixture, "place", other_id, "--zone", zone_id, "--from", "2025-01-01",
                                      "--project", project_id, NULL),
                  "flying_zone.placement", 2, "project", project_id);
  error = run_error (fixture, "place", "no-such-firm", "--zone", zone_id, "--from", "2025-01-01", NULL);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-firm"));
  g_clear_error (&error);

  /* the same rule without the verb */
  record_type = zs_store_lookup_record_type (fixture->base.store, "flying_zone.placement");
  direct = zs_record_new (record_type);
  zs_record_set_int64 (direct, "zone", zone);
  zs_record_set_int64 (direct, "firm", other);
  zs_record_set_string (direct, "valid_from", "2023-06-01");
  g_assert_cmpint (zs_store_create_record (fixture->base.store, G_OBJECT (direct), &error), ==, 0);
  assert_refused (fixture, g_steal_pointer (&error), "flying_zone.placement", 2, "valid_from", "2023-06-01");
}

static void
test_figure_rules (FzFixture     *fixture,
                   gconstpointer  data)
{
  gint64 zone = build_fixture (fixture);
  g_autofree char *zone_id = g_strdup_printf ("%" PRId64, zone);
  g_autoptr(JsonNode) corrected = NULL;
  g_autoptr(JsonNode) ledger = NULL;
  g_autoptr(ZsRecord) twice = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused (fixture, run_error (fixture, "realised", fixture->firm_b_id, "--year", "2024", "--tax", "1.23456",
                                      "--output", "0", NULL),
                  "flying_zone.realised", 2, "tax", "1.23456");
  assert_refused (fixture, run_error (fixture, "realised", fixture->firm_b_id, "--year", "1999", "--tax", "1",
                                      "--output", "0", NULL),
                  "flying_zone.realised", 2, "year", "1999");
  assert_refused (fixture, run_error (fixture, "settle", "--zone", zone_id, "--year", "2025", "--amount", "-5",
                                      NULL),
                  "flying_zone.settlement", 1, "amount", "-5");
  /* a second `realised` corrects the year's figures */
  corrected = run (fixture, "realised", fixture->firm_b_id, "--year", "2025", "--tax", "73", "--output", "200", NULL);
  g_assert_cmpuint (count (fixture, "flying_zone.realised"), ==, 2);
  ledger = run (fixture, "ledger", "--year", "2025", "--zone", zone_id, NULL);
  assert_wan (ledger_row (json_object_get_array_member (json_node_get_object (ledger), "rows"), fixture->firm_b),
              "tax", 550000);   /* 730 000 × 275 / 365 */
  /* the record API refuses a second record of the year */
  twice = zs_record_new (zs_store_lookup_record_type (fixture->base.store, "flying_zone.realised"));
  zs_record_set_int64 (twice, "firm", fixture->firm_b);
  zs_record_set_int64 (twice, "year", 2025);
  g_assert_cmpint (zs_store_create_record (fixture->base.store, G_OBJECT (twice), &error), ==, 0);
  assert_refused (fixture, g_steal_pointer (&error), "flying_zone.realised", 2, "year", "2025");
  error = run_error (fixture, "ledger", "--year", "1890", NULL);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "year: 1890"));
  g_clear_error (&error);
  error = run_error (fixture, "report", "--year", "2025", "--by", "county", NULL);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
test_ledger_files (FzFixture     *fixture,
                   gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->base.dir, "ledger.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->base.dir, "report.xlsx", NULL);
  g_autoptr(JsonNode) ledger = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autofree char *text = NULL;
  g_autoptr(ZsXlsxReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) header = NULL;
  guint rows = 0;
  char **row;

  build_fixture (fixture);
  ledger = run (fixture, "ledger", "--year", "2025", "--csv", csv, NULL);
  text = read_text (csv);
  g_assert_nonnull (strstr (text, "zone_id,zone,firm_id,firm,year,park,days,tax,output,tax_partner,tax_host,"
                                  "output_partner,output_host"));
  g_assert_nonnull (strstr (text, "昆山飞地纺织有限公司,2025,horgos-port-park,365,365,730,164.1,200.9,255.2,474.8"));

  report = run (fixture, "report", "--year", "2025", "--by", "partner", "--csv", xlsx, NULL);
  reader = zs_xlsx_reader_new (xlsx, NULL, &error);
  g_assert_no_error (error);
  header = zs_row_source_read_row (ZS_ROW_SOURCE (reader), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (header[0], ==, "side");
  while ((row = zs_row_source_read_row (ZS_ROW_SOURCE (reader), NULL, &error)) != NULL)
    {
      rows++;
      if (g_strcmp0 (row[0], "total") == 0)
        g_assert_cmpstr (row[3], ==, "440.3425");   /* 365 + 75.3425 万元 */
      g_strfreev (row);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 3);   /* partner, host, total */
}

static JsonObject *
find_candidate (JsonObject *match,
                gint64      firm)
{
  JsonArray *links = json_object_get_array_member (match, "links");

  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonArray *candidates = json_object_get_array_member (json_array_get_object_element (links, i), "candidates");

      for (guint j = 0; j < json_array_get_length (candidates); j++)
        if (json_object_get_int_member (json_array_get_object_element (candidates, j), "firm_id") == firm)
          return json_array_get_object_element (candidates, j);
    }
  return NULL;
}

static JsonNode *
chain_match (FzFixture *fixture)
{
  ZsPluginContext *context = NULL;
  g_autoptr(ZsCommandProvider) provider = zs_plugin_engine_find_command (fixture->engine, "chain", &context);
  const char * const args[] = { "match", "textiles", "--top", "50", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  g_assert_nonnull (provider);
  output = zs_command_provider_run (provider, context, "chain", args, TRUE, &error);
  g_assert_no_error (error);
  return json_from_string (output, NULL);
}

/* Two knitting firms alike but for their region: the one in a partner's
 * province gets the partner component, the other does not. */
static void
test_chain_partner (FzFixture     *fixture,
                    gconstpointer  data)
{
  gint64 suzhou = add_firm_in (fixture->base.store, 9310, "苏州飞地针织服装有限公司", "320506");
  gint64 chengdu = add_firm_in (fixture->base.store, 9311, "成都飞地针织服装有限公司", "510104");
  g_autoptr(JsonNode) partner = NULL;
  g_autoptr(JsonNode) match = NULL;
  g_autoptr(JsonNode) without = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *from_partner, *from_elsewhere, *components;

  partner = run (fixture, "partner", "add", "--name", "江苏省", "--region", "320000", NULL);
  match = chain_match (fixture);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (match), "partner_available"));
  from_partner = find_candidate (json_node_get_object (match), suzhou);
  from_elsewhere = find_candidate (json_node_get_object (match), chengdu);
  g_assert_nonnull (from_partner);
  g_assert_nonnull (from_elsewhere);
  components = json_object_get_object_member (from_partner, "components");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (components, "partner"), "value"),
                     ==, 1.0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (from_partner, "evidence"),
                                                  "partner_region"), ==, "江苏省");
  components = json_object_get_object_member (from_elsewhere, "components");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (components, "partner"), "value"),
                     ==, 0.0);

  /* disabled, the plugin withdraws its provider */
  g_assert_true (zs_plugin_engine_set_enabled (fixture->engine, "flying-zone", FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (zs_plugin_engine_get_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER));
  without = chain_match (fixture);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (without), "partner_available"));
}

static void
test_region_prefixes (FzFixture     *fixture,
                      gconstpointer  data)
{
  gint64 nanjing = add_firm_in (fixture->base.store, 9320, "南京甲公司", "320100");
  gint64 suzhou = add_firm_in (fixture->base.store, 9321, "苏州乙公司", "320583");
  gint64 zhejiang = add_firm_in (fixture->base.store, 9322, "杭州丙公司", "330100");
  g_autoptr(JsonNode) partner = run (fixture, "partner", "add", "--name", "苏州市", "--region", "320500", NULL);
  GObject *provider = zs_plugin_engine_get_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER);
  g_autoptr(GPtrArray) firms = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_nonnull (provider);
  firms = zs_partner_provider_list_partner_firms (ZS_PARTNER_PROVIDER (provider), &error);
  g_assert_no_error (error);
  /* a city covers its counties only: 苏州 and firm A (昆山, 320583) */
  g_assert_cmpuint (firms->len, ==, 2);
  for (guint i = 0; i < firms->len; i++)
    {
      gint64 id = zs_firm_get_id (firms->pdata[i]);

      g_assert_true (id == suzhou || id == fixture->firm_a);
      g_assert_true (id != nanjing && id != zhejiang);
    }
  name = zs_partner_provider_get_partner_name (ZS_PARTNER_PROVIDER (provider), firms->pdata[0]);
  g_assert_cmpstr (name, ==, "苏州市");
}

static void
test_demo (FzFixture     *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) sources = zs_plugin_engine_get_extensions (fixture->engine, ZS_TYPE_DEMO_SOURCE);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *last_year = g_strdup_printf ("%d", g_date_time_get_year (now) - 1);
  g_autoptr(JsonNode) ledger = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *balance;
  guint agreements;

  g_assert_true (zs_store_load_demo (fixture->base.store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_true (zs_demo_source_load_demo (sources->pdata[0], fixture->base.store, &error));
  g_assert_no_error (error);
  agreements = count (fixture, "flying_zone.agreement");
  g_assert_cmpuint (agreements, ==, 2);
  /* a second run adds nothing */
  g_assert_true (zs_demo_source_load_demo (sources->pdata[0], fixture->base.store, &error));
  g_assert_cmpuint (count (fixture, "flying_zone.agreement"), ==, agreements);
  g_assert_cmpuint (count (fixture, "flying_zone.partner"), ==, 1);

  ledger = run (fixture, "ledger", "--year", last_year, NULL);
  balance = json_array_get_object_element (json_object_get_array_member (json_node_get_object (ledger), "zones"), 0);
  g_assert_cmpstr (json_object_get_string_member (balance, "flag"), ==, "short");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (ledger), "rows")),
                    >=, 3);
}

static JsonNode *
route (FzFixture   *fixture,
       const char  *path,
       GError     **error,
       ...)
{
  g_autoptr(GPtrArray) providers = zs_plugin_engine_get_extensions (fixture->engine, ZS_TYPE_ROUTE_PROVIDER);
  g_autoptr(GHashTable) query = g_hash_table_new (g_str_hash, g_str_equal);
  va_list pairs;

  g_assert_cmpuint (providers->len, >=, 1);
  va_start (pairs, error);
  for (const char *key = va_arg (pairs, const char *); key != NULL; key = va_arg (pairs, const char *))
    g_hash_table_insert (query, (gpointer) key, va_arg (pairs, char *));
  va_end (pairs);
  for (guint i = 0; i < providers->len; i++)
    {
      g_auto(GStrv) routes = zs_route_provider_list_routes (providers->pdata[i]);
      g_autofree char *wanted = g_strconcat ("GET ", path, NULL);

      if (g_strv_contains ((const char * const *) routes, wanted))
        return zs_route_provider_handle (providers->pdata[i], fixture->base.store, "GET", path, query, NULL, error);
    }
  g_assert_not_reached ();
}

/* The HTTP API answers what the verbs print. */
static void
test_routes (FzFixture     *fixture,
             gconstpointer  data)
{
  g_autoptr(JsonNode) verb = NULL;
  g_autoptr(JsonNode) ledger = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *verb_text = NULL;
  g_autofree char *route_text = NULL;
  JsonNode *refused;

  build_fixture (fixture);
  verb = run (fixture, "ledger", "--year", "2025", NULL);
  ledger = route (fixture, "flying_zone/ledger", &error, "year", "2025", NULL);
  g_assert_no_error (error);
  verb_text = json_to_string (verb, FALSE);
  route_text = json_to_string (ledger, FALSE);
  g_assert_cmpstr (route_text, ==, verb_text);
  report = route (fixture, "flying_zone/report", &error, "year", "2025", "by", "partner", NULL);
  g_assert_no_error (error);
  assert_wan (json_object_get_object_member (json_node_get_object (report), "total"), "tax", 3650000 + 753425);

  refused = route (fixture, "flying_zone/ledger", &error, NULL);
  g_assert_null (refused);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "year: missing");
  g_clear_error (&error);
  refused = route (fixture, "flying_zone/report", &error, "year", "2025", "by", "county", NULL);
  g_assert_null (refused);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "by: "));
  g_clear_error (&error);
  refused = route (fixture, "flying_zone/ledger", &error, "year", "2025", "zone", "0", NULL);
  g_assert_null (refused);
  g_assert_true (g_str_has_prefix (error->message, "zone: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, FzFixture, NULL, fz_setup, func, fz_teardown)
  ADD ("/flying-zone/ledger-end-to-end", test_ledger_end_to_end);
  ADD ("/flying-zone/report-totals", test_report_totals);
  ADD ("/flying-zone/rules/partner", test_partner_rules);
  ADD ("/flying-zone/rules/zone", test_zone_rules);
  ADD ("/flying-zone/rules/agreement", test_agreement_rules);
  ADD ("/flying-zone/rules/placement", test_placement_rules);
  ADD ("/flying-zone/rules/figures", test_figure_rules);
  ADD ("/flying-zone/ledger-files", test_ledger_files);
  ADD ("/flying-zone/chain-partner", test_chain_partner);
  ADD ("/flying-zone/region-prefixes", test_region_prefixes);
  ADD ("/flying-zone/demo", test_demo);
  ADD ("/flying-zone/routes", test_routes);
#undef ADD
  return g_test_run ();
}
