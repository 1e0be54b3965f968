/* test-industry-chain.c: the industry-chain plugin, through its `chain` verb
 *
 * Every test gets a fresh store with the reference data and a fresh plugin
 * engine that finds only this plugin. The fixture is a small electronics
 * cluster where the gaps and the ranking can be worked out by hand:
 *
 *   el-materials  → el-components → el-packaging → el-assembly
 *   (none)          A settled        (none settled)  B, C settled (Yining)
 *                   (port park)      P2 lead, P6 negotiating
 *
 * Candidates for el-packaging with the default weights (sector 0.30,
 * keyword 0.25, size 0.15, partner 0.10, ties 0.10, recency 0.10); the link
 * touches settled firms (A supplies it, B and C buy from it), so every
 * candidate has half the ties component:
 *
 *   P1  sector, keyword in name, 1 亿      0.30 + 0.25 + 0.15·0.8 + 0.05        = 0.720
 *   P2  sector, keyword in scope, 10 亿,   0.30 + 0.125 + 0.15 + 0.10           = 0.675
 *       referred by A (full ties)
 *   P3  keyword in name, 100 万,           0.25 + 0.15·0.4009 + 0.05 + 0.08     = 0.440
 *       contacted 73 days ago
 *   P6  sector, 500 万                     0.30 + 0.15·0.540 + 0.05             = 0.431
 *   P4  sector, 10 万                      0.30 + 0.15·0.208 + 0.05             = 0.381
 *   P5  keyword in scope, but rejected by the user: not a candidate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-test-util.h"

#include <inttypes.h>

#include <json-glib/json-glib.h>
#include <math.h>

typedef struct {
  StoreFixture    base;
  ZsPluginEngine *engine;
  ZsPluginStorage *storage;
  gint64          a, b, c, p1, p2, p3, p4, p5, p6, m1;
} ChainFixture;

/* ---- building the fixture ------------------------------------------- */

static gint64
add_firm_with (ZsStore    *store,
               const char *name,
               const char *scope,
               const char *sector,
               double      capital,
               const char *region)
{
  static guint serial = 7000;
  g_autofree char *uscc = make_uscc (serial++);
  g_autoptr(ZsFirm) firm = make_firm (uscc, name);
  const char *sectors[] = { sector, NULL };
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_firm_set_business_scope (firm, scope);
  zs_firm_set_registered_capital (firm, capital);
  zs_firm_set_region_code (firm, region);
  if (sector != NULL)
    zs_firm_set_sectors (firm, sectors);
  id = zs_store_add_firm (store, firm, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_project_at (ZsStore    *store,
                gint64      firm_id,
                ZsStage     stage,
                const char *park,
                gint64      referrer)
{
  g_autoptr(ZsProject) project = zs_project_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_project_set_firm_id (project, firm_id);
  zs_project_set_title (project, "项目");
  zs_project_set_stage (project, stage);
  zs_project_set_park_code (project, park);
  zs_project_set_referrer_firm_id (project, referrer);
  id = zs_store_add_project (store, project, &error);
  g_assert_no_error (error);
  return id;
}

static void
add_contact_days_ago (ZsStore *store,
                      gint64   firm_id,
                      int      days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);
  g_autofree char *date = g_date_time_format (then, "%Y-%m-%d");
  g_autoptr(ZsActivity) activity = zs_activity_new ();
  g_autoptr(GError) error = NULL;

  zs_activity_set_firm_id (activity, firm_id);
  zs_activity_set_kind (activity, ZS_ACTIVITY_KIND_CALL);
  zs_activity_set_date (activity, date);
  zs_store_add_activity (store, activity, &error);
  g_assert_no_error (error);
}

/* A partner provider as the flying-zone plugin would publish: one firm, a
 * Guangdong partner. */
typedef struct {
  GObject  parent_instance;
  ZsStore *store;
  gint64   firm_id;
} TestPartners;

typedef GObjectClass TestPartnersClass;

GType test_partners_get_type (void);
static void test_partners_iface_init (ZsPartnerProviderInterface *iface);

G_DEFINE_TYPE_WITH_CODE (TestPartners, test_partners, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (ZS_TYPE_PARTNER_PROVIDER, test_partners_iface_init))
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPartners, g_object_unref)

static GPtrArray *
test_partners_list (ZsPartnerProvider  *provider,
                    GError            **error)
{
  TestPartners *self = (TestPartners *) provider;
  GPtrArray *firms = g_ptr_array_new_with_free_func (g_object_unref);
  ZsFirm *firm = zs_store_get_firm (self->store, self->firm_id, error);

  if (firm == NULL)
    {
      g_ptr_array_unref (firms);
      return NULL;
    }
  g_ptr_array_add (firms, firm);
  return firms;
}

static char *
test_partners_name (ZsPartnerProvider *provider,
                    ZsFirm            *firm)
{
  return g_strdup ("广东");
}

static void
test_partners_iface_init (ZsPartnerProviderInterface *iface)
{
  iface->list_partner_firms = test_partners_list;
  iface->get_partner_name = test_partners_name;
}

static void
test_partners_class_init (TestPartnersClass *klass)
{
}

static void
test_partners_init (TestPartners *self)
{
}

static void
build_cluster (ChainFixture *fixture)
{
  ZsStore *store = fixture->base.store;

  fixture->a = add_firm_with (store, "霍尔果斯晶源电子元件有限公司", "电子元件制造", "c07-electronic-components", 5000, "654004");
  fixture->b = add_firm_with (store, "伊宁智联终端科技有限公司", "通信终端设备制造", "c07-terminal-assembly", 20000, "654002");
  fixture->c = add_firm_with (store, "伊宁讯达终端设备有限公司", "计算机整机制造", "c05-electronics-assembly", 3000, "654002");
  fixture->p1 = add_firm_with (store, "深圳芯封半导体封装测试有限公司", "半导体器件制造", "c07-semiconductor-packaging", 10000, "440300");
  fixture->p2 = add_firm_with (store, "无锡华微科技有限公司", "集成电路封装；技术服务", "c07-semiconductor-packaging", 100000, "320200");
  fixture->p3 = add_firm_with (store, "成都芯片封装技术有限公司", "技术开发", NULL, 100, "510100");
  fixture->p4 = add_firm_with (store, "重庆长江微电子有限公司", "微电子器件销售", "c07-semiconductor-packaging", 10, "500100");
  fixture->p5 = add_firm_with (store, "西安秦岭电子有限公司", "集成电路封装测试服务", NULL, 50000, "610100");
  fixture->p6 = add_firm_with (store, "合肥国芯封装有限公司", "半导体器件销售", "c07-semiconductor-packaging", 500, "340100");
  fixture->m1 = add_firm_with (store, "苏州华材电子材料有限公司", "电子专用材料制造", "c07-electronic-materials", 2000, "320500");

  add_project_at (store, fixture->a, ZS_STAGE_SIGNED, "horgos-port-park", 0);
  add_project_at (store, fixture->b, ZS_STAGE_IN_PRODUCTION, "yining-park", 0);
  add_project_at (store, fixture->c, ZS_STAGE_REGISTERED, "yining-park", 0);
  add_project_at (store, fixture->p2, ZS_STAGE_LEAD, "horgos-port-park", fixture->a);
  add_project_at (store, fixture->p6, ZS_STAGE_NEGOTIATING, "yining-park", 0);
  add_contact_days_ago (store, fixture->p3, 73);
}

static void
chain_setup (ChainFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(ZsPlugin) plugin = NULL;

  store_fixture_setup_seeded (&fixture->base, data);
  fixture->storage = zs_plugin_storage_new (fixture->base.store, "industry-chain");
  fixture->engine = zs_plugin_engine_new (fixture->base.store);
  zs_plugin_engine_load_all (fixture->engine);
  plugin = zs_plugin_engine_get_plugin (fixture->engine, "industry-chain", NULL);
  g_assert_nonnull (plugin);
  g_assert_null (zs_plugin_get_error (plugin));
  g_assert_true (zs_plugin_get_active (plugin));
  build_cluster (fixture);
}

static void
chain_teardown (ChainFixture  *fixture,
                gconstpointer  data)
{
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->storage);
  store_fixture_teardown (&fixture->base, data);
}

/* ---- running the verb ----------------------------------------------- */

static char *
run_args (ChainFixture        *fixture,
          const char * const  *args,
          gboolean             json,
          GError             **error)
{
  ZsPluginContext *context = NULL;
  g_autoptr(ZsCommandProvider) provider = zs_plugin_engine_find_command (fixture->engine, "chain", &context);

  g_assert_nonnull (provider);
  return zs_command_provider_run (provider, context, "chain", args, json, error);
}

static GStrv
collect_args (const char *first,
              va_list     rest)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (rest, const char *))
    g_strv_builder_add (builder, arg);
  return g_strv_builder_end (builder);
}

/* Runs `chain ARGS… --json` and returns the parsed object. */
G_GNUC_NULL_TERMINATED static JsonNode *
run_json (ChainFixture *fixture,
          const char   *first,
          ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) args = NULL;
  g_autofree char *output = NULL;
  va_list rest;

  va_start (rest, first);
  args = collect_args (first, rest);
  va_end (rest);
  output = run_args (fixture, (const char * const *) args, TRUE, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, output, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

G_GNUC_NULL_TERMINATED static char *
run_text (ChainFixture *fixture,
          const char   *first,
          ...)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  char *output;
  va_list rest;

  va_start (rest, first);
  args = collect_args (first, rest);
  va_end (rest);
  output = run_args (fixture, (const char * const *) args, FALSE, &error);
  g_assert_no_error (error);
  return output;
}

G_GNUC_NULL_TERMINATED static void
run_fails (ChainFixture *fixture,
           GQuark        domain,
           int           code,
           const char   *first,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *output = NULL;
  va_list rest;

  va_start (rest, first);
  args = collect_args (first, rest);
  va_end (rest);
  output = run_args (fixture, (const char * const *) args, TRUE, &error);
  g_assert_null (output);
  g_assert_error (error, domain, code);
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" PRId64, id);
}

static JsonObject *
root_object (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

/* "status:link" for every link of a gaps result, in order. */
static char *
gap_summary (JsonNode *node)
{
  JsonArray *links = json_object_get_array_member (root_object (node), "links");
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);

      g_string_append_printf (out, "%s%s:%s/%" PRId64 "/%" PRId64, i ? " " : "",
                              json_object_get_string_member (link, "status"),
                              json_object_get_string_member (link, "link"),
                              json_object_get_int_member (link, "settled"),
                              json_object_get_int_member (link, "pipeline"));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static JsonArray *
candidates_of (JsonNode *node)
{
  JsonArray *links = json_object_get_array_member (root_object (node), "links");

  g_assert_cmpuint (json_array_get_length (links), ==, 1);
  return json_object_get_array_member (json_array_get_object_element (links, 0), "candidates");
}

static gint64
firm_at (JsonArray *candidates,
         guint      index)
{
  return json_object_get_int_member (json_array_get_object_element (candidates, index), "firm_id");
}

static double
points (JsonObject *candidate,
        const char *component)
{
  JsonObject *components = json_object_get_object_member (candidate, "components");

  return json_object_get_double_member (json_object_get_object_member (components, component), "points");
}

static double
value (JsonObject *candidate,
       const char *component)
{
  JsonObject *components = json_object_get_object_member (candidate, "components");

  return json_object_get_double_member (json_object_get_object_member (components, component), "value");
}

static double
size_of (double capital)
{
  return log10 (1 + capital) / log10 (1 + 100000.0);
}

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

/* ---- tests ---------------------------------------------------------- */

static void
test_seed_loaded (ChainFixture  *fixture,
                  gconstpointer  data)
{
  const char *expected[] = { "nev", "carbon-fibre", "electronics", "textiles", "bio", "agri-naan",
                             "wine", "gold", "cold-chain-ecommerce" };
  g_autoptr(JsonNode) list = run_json (fixture, "list", NULL);
  g_autoptr(JsonNode) show = run_json (fixture, "show", "electronics", NULL);
  JsonArray *chains = json_object_get_array_member (root_object (list), "chains");
  JsonArray *links = json_object_get_array_member (root_object (show), "links");
  JsonArray *edges = json_object_get_array_member (root_object (show), "edges");
  g_autofree char *version = NULL;

  g_assert_cmpuint (json_array_get_length (chains), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (chains, i), "code"), ==,
                     expected[i]);

  /* 新型电子材料 → 元器件 → 半导体封测 → 信息终端组装 */
  g_assert_cmpuint (json_array_get_length (links), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 0), "code"), ==,
                   "el-materials");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 3), "position"), ==,
                   "downstream");
  g_assert_cmpuint (json_array_get_length (edges), ==, 5);

  /* Chains are records of the plugin's record types, in tables with its prefix. */
  version = zs_plugin_storage_query_json (fixture->storage, "SELECT count (*) AS n FROM industry_chain_map", NULL, NULL);
  g_assert_cmpstr (version, ==, "[{\"n\":9}]");
}

static void
test_gaps_all_parks (ChainFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) all = run_json (fixture, "gaps", "--chain", "electronics", NULL);
  g_autoptr(JsonNode) zone = run_json (fixture, "gaps", "--chain", "electronics", "--park", "horgos-edz", NULL);
  g_autofree char *all_text = gap_summary (all);
  g_autofree char *zone_text = gap_summary (zone);

  /* el-assembly has B and C: covered, so not listed. */
  g_assert_cmpstr (all_text, ==, "gap:el-materials/0/0 weak:el-components/1/0 gap:el-packaging/0/2");
  g_assert_true (json_object_get_null_member (root_object (all), "park"));
  /* The zone holds the four parks: the same picture. */
  g_assert_cmpstr (zone_text, ==, all_text);
}

static void
test_gaps_per_park (ChainFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) port = run_json (fixture, "gaps", "--chain", "electronics", "--park", "horgos-port-park", NULL);
  g_autoptr(JsonNode) yining = run_json (fixture, "gaps", "--chain", "electronics", "--park", "yining-park", NULL);
  g_autoptr(JsonNode) strict = NULL;
  g_autofree char *port_text = gap_summary (port);
  g_autofree char *yining_text = gap_summary (yining);
  g_autofree char *strict_text = NULL;

  g_assert_cmpstr (port_text, ==,
                   "gap:el-materials/0/0 weak:el-components/1/0 gap:el-packaging/0/1 gap:el-assembly/0/0");
  g_assert_cmpstr (yining_text, ==, "gap:el-materials/0/0 gap:el-components/0/0 gap:el-packaging/0/1");

  /* With three settled firms needed, Yining's two terminal makers are weak. */
  g_free (run_text (fixture, "settings", "weak_threshold=3", NULL));
  strict = run_json (fixture, "gaps", "--chain", "electronics", "--park", "yining-park", NULL);
  strict_text = gap_summary (strict);
  g_assert_cmpstr (strict_text, ==,
                   "gap:el-materials/0/0 gap:el-components/0/0 gap:el-packaging/0/1 weak:el-assembly/2/0");
}

static void
test_ranking_components (ChainFixture  *fixture,
                         gconstpointer  data)
{
  g_autofree char *p5 = id_text (fixture->p5);
  g_autoptr(JsonNode) result = NULL;
  JsonArray *candidates;
  JsonObject *first, *second, *third;

  g_free (run_text (fixture, "assign", p5, "el-packaging", "--reject", NULL));
  result = run_json (fixture, "match", "--link", "el-packaging", "--top", "3", NULL);
  g_assert_false (json_object_get_boolean_member (root_object (result), "partner_available"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (root_object (result), "links"), 0), "candidates_total"), ==, 5);
  candidates = candidates_of (result);
  g_assert_cmpuint (json_array_get_length (candidates), ==, 3);
  g_assert_cmpint (firm_at (candidates, 0), ==, fixture->p1);
  g_assert_cmpint (firm_at (candidates, 1), ==, fixture->p2);
  g_assert_cmpint (firm_at (candidates, 2), ==, fixture->p3);

  first = json_array_get_object_element (candidates, 0);
  assert_near (points (first, "sector"), 0.30);
  assert_near (points (first, "keyword"), 0.25);
  assert_near (points (first, "size"), 0.15 * size_of (10000));
  assert_near (points (first, "partner"), 0);
  assert_near (points (first, "ties"), 0.05);
  assert_near (points (first, "recency"), 0);
  assert_near (json_object_get_double_member (first, "score"), 0.60 + 0.15 * size_of (10000));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "evidence"), "keyword"),
                   ==, "name");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (first, "evidence"),
                                               "adjacent_settled"), ==, 3);

  second = json_array_get_object_element (candidates, 1);
  assert_near (value (second, "keyword"), 0.5);
  assert_near (value (second, "size"), 1.0);
  assert_near (value (second, "ties"), 1.0);
  assert_near (json_object_get_double_member (second, "score"), 0.675);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (second, "evidence"),
                                               "referrer_firm_id"), ==, fixture->a);

  third = json_array_get_object_element (candidates, 2);
  assert_near (value (third, "sector"), 0);
  assert_near (value (third, "recency"), 0.8);
  assert_near (json_object_get_double_member (third, "score"), 0.25 + 0.15 * size_of (100) + 0.05 + 0.08);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (third, "evidence"),
                                               "days_since_contact"), ==, 73);
}

static void
test_match_chain_gaps_only (ChainFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(JsonNode) result = run_json (fixture, "match", "electronics", "--top", "1", NULL);
  JsonArray *links = json_object_get_array_member (root_object (result), "links");
  JsonObject *materials = json_array_get_object_element (links, 0);
  JsonArray *candidates = json_object_get_array_member (materials, "candidates");
  g_autofree char *text = run_text (fixture, "match", "electronics", NULL);

  /* The gap and weak links, not the covered el-assembly. */
  g_assert_cmpuint (json_array_get_length (links), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (materials, "link"), ==, "el-materials");
  g_assert_cmpint (firm_at (candidates, 0), ==, fixture->m1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 1), "link"), ==,
                   "el-components");
  g_assert_nonnull (strstr (text, "深圳芯封半导体封装测试有限公司"));
  g_assert_nonnull (strstr (text, "Partner: no flying-zone partners known"));
}

static void
test_weights_change_order (ChainFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonNode) weights = run_json (fixture, "weights", "keyword=0", "size=1", NULL);
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) reset = NULL;
  JsonArray *candidates;

  assert_near (json_object_get_double_member (json_object_get_object_member (root_object (weights), "weights"),
                                              "size"), 1.0);
  /* Size now rules: P2 (10 亿), P1 (1 亿), then P5 (5 亿, no sector). */
  result = run_json (fixture, "match", "--link", "el-packaging", "--top", "3", NULL);
  candidates = candidates_of (result);
  g_assert_cmpint (firm_at (candidates, 0), ==, fixture->p2);
  g_assert_cmpint (firm_at (candidates, 1), ==, fixture->p1);
  g_assert_cmpint (firm_at (candidates, 2), ==, fixture->p5);
  assert_near (points (json_array_get_object_element (candidates, 0), "keyword"), 0);

  reset = run_json (fixture, "weights", "--reset", NULL);
  assert_near (json_object_get_double_member (json_object_get_object_member (root_object (reset), "weights"),
                                              "size"), 0.15);
  run_fails (fixture, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "weights", "speed=1", NULL);
  run_fails (fixture, ZS_ERROR, ZS_ERROR_INVALID, "weights", "size=-2", NULL);
}

static void
test_assign_overrides_inference (ChainFixture  *fixture,
                                 gconstpointer  data)
{
  g_autofree char *p1 = id_text (fixture->p1);
  g_autofree char *p4 = id_text (fixture->p4);
  g_autofree char *b = id_text (fixture->b);
  g_autofree char *a = id_text (fixture->a);
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) firm = NULL;
  g_autoptr(JsonNode) gaps = NULL;
  g_autofree char *gaps_text = NULL;
  JsonArray *candidates;
  JsonObject *assigned;

  g_free (run_text (fixture, "assign", p4, "el-packaging", NULL));
  g_free (run_text (fixture, "assign", p1, "el-packaging", "--reject", NULL));
  result = run_json (fixture, "match", "--link", "el-packaging", "--top", "3", NULL);
  candidates = candidates_of (result);
  g_assert_cmpint (firm_at (candidates, 0), ==, fixture->p2);
  g_assert_cmpint (firm_at (candidates, 1), ==, fixture->p4);
  g_assert_cmpint (firm_at (candidates, 2), ==, fixture->p3);
  assigned = json_array_get_object_element (candidates, 1);
  assert_near (value (assigned, "keyword"), 1.0);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (assigned, "evidence"),
                                                 "assigned"));

  firm = run_json (fixture, "firm", p1, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root_object (firm), "links"), 0), "status"), ==, "rejected");

  /* Decisions move settled firms too: B confirmed at el-packaging fills
   * it; A rejected from el-components empties that. */
  g_free (run_text (fixture, "assign", b, "el-packaging", NULL));
  g_free (run_text (fixture, "assign", a, "el-components", "--reject", NULL));
  gaps = run_json (fixture, "gaps", "--chain", "electronics", NULL);
  gaps_text = gap_summary (gaps);
  g_assert_cmpstr (gaps_text, ==, "gap:el-materials/0/0 gap:el-components/0/0 weak:el-packaging/1/2");

  /* --clear forgets the decision: inference again. */
  g_free (run_text (fixture, "assign", p1, "el-packaging", "--clear", NULL));
  g_clear_pointer (&result, json_node_unref);
  result = run_json (fixture, "match", "--link", "el-packaging", "--top", "1", NULL);
  g_assert_cmpint (firm_at (candidates_of (result), 0), ==, fixture->p1);
}

static void
test_firm_confidence (ChainFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *p5 = id_text (fixture->p5);
  g_autoptr(JsonNode) firm = run_json (fixture, "firm", p5, NULL);
  JsonArray *links = json_object_get_array_member (root_object (firm), "links");
  JsonObject *packaging = json_array_get_object_element (links, 0);

  /* A keyword in the business scope only: 0.4, below the 0.5 that counts. */
  g_assert_cmpuint (json_array_get_length (links), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (packaging, "link"), ==, "el-packaging");
  g_assert_cmpstr (json_object_get_string_member (packaging, "status"), ==, "inferred");
  assert_near (json_object_get_double_member (packaging, "confidence"), 0.4);
  g_assert_false (json_object_get_boolean_member (packaging, "counts"));
}

static void
test_lead_records_link (ChainFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *p3 = id_text (fixture->p3);
  g_autoptr(JsonNode) lead = run_json (fixture, "lead", p3, "el-packaging", "--park", "horgos-port-park", NULL);
  g_autoptr(ZsProject) project = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(JsonNode) gaps = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *gaps_text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 project_id = json_object_get_int_member (root_object (lead), "project_id");

  g_assert_cmpstr (json_object_get_string_member (root_object (lead), "stage"), ==, "lead");
  project = zs_store_get_project (fixture->base.store, project_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zs_project_get_firm_id (project), ==, fixture->p3);
  g_assert_cmpint (zs_project_get_stage (project), ==, ZS_STAGE_LEAD);
  g_assert_cmpstr (zs_project_get_park_code (project), ==, "horgos-port-park");
  g_assert_cmpstr (zs_project_get_title (project), ==, "电子信息·半导体封测：成都芯片封装技术有限公司");
  g_assert_cmpstr (zs_project_get_sectors (project)[0], ==, "c07-semiconductor-packaging");
  g_assert_cmpint (zs_project_get_clause (project), ==, 7);
  history = zs_store_list_stage_changes (fixture->base.store, project_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);

  recorded = zs_plugin_storage_query_json (fixture->storage,
                                           "SELECT l.code FROM industry_chain_project_link p "
                                           "JOIN industry_chain_link l ON l.id = p.link_id",
                                           NULL, &error);
  g_assert_cmpstr (recorded, ==, "[{\"code\":\"el-packaging\"}]");

  /* The port park's pipeline at el-packaging: P2's lead and now P3's. */
  gaps = run_json (fixture, "gaps", "--chain", "electronics", "--park", "horgos-port-park", NULL);
  gaps_text = gap_summary (gaps);
  g_assert_nonnull (strstr (gaps_text, "gap:el-packaging/0/2"));

  run_fails (fixture, ZS_ERROR, ZS_ERROR_DUPLICATE, "lead", p3, "el-packaging", "--park", "horgos-port-park", NULL);
  run_fails (fixture, ZS_ERROR, ZS_ERROR_NOT_FOUND, "lead", "999999", "el-packaging", NULL);
  run_fails (fixture, ZS_ERROR, ZS_ERROR_NOT_FOUND, "lead", p3, "no-such-link", NULL);
}

static void
test_partner_bonus (ChainFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;
  JsonObject *first;

  /* What the flying-zone plugin would publish: P1 is a Guangdong partner. */
  g_autoptr(TestPartners) partners = g_object_new (test_partners_get_type (), NULL);

  partners->store = fixture->base.store;
  partners->firm_id = fixture->p1;
  result = run_json (fixture, "match", "--link", "el-packaging", "--top", "1", NULL);
  g_assert_false (json_object_get_boolean_member (root_object (result), "partner_available"));
  g_clear_pointer (&result, json_node_unref);
  zs_plugin_engine_add_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER, G_OBJECT (partners), NULL, &error);
  g_assert_no_error (error);

  result = run_json (fixture, "match", "--link", "el-packaging", "--top", "1", NULL);
  g_assert_true (json_object_get_boolean_member (root_object (result), "partner_available"));
  first = json_array_get_object_element (candidates_of (result), 0);
  g_assert_cmpint (json_object_get_int_member (first, "firm_id"), ==, fixture->p1);
  assert_near (points (first, "partner"), 0.10);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "evidence"),
                                                  "partner_region"), ==, "广东");
}

static void
test_edit_chains (ChainFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) added = run_json (fixture, "add", "solar", "光伏", "--clause", "7", NULL);
  g_autoptr(JsonNode) show = NULL;
  g_autoptr(JsonNode) edited = NULL;
  JsonArray *links;

  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root_object (added), "chain"),
                                                  "origin"), ==, "user");
  g_free (run_text (fixture, "link-add", "solar", "pv-silicon", "多晶硅", "--position", "upstream",
                    "--keyword", "多晶硅", NULL));
  g_free (run_text (fixture, "link-add", "solar", "pv-modules", "光伏组件", "--position", "downstream",
                    "--keyword", "光伏组件", "--supplier", "pv-silicon", NULL));
  show = run_json (fixture, "show", "solar", NULL);
  links = json_object_get_array_member (root_object (show), "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root_object (show), "edges")), ==, 1);

  edited = run_json (fixture, "link-edit", "pv-modules", "--keyword", "太阳能电池板", "--drop-keyword", "光伏组件",
                     "--sector", "c03-energy-coop", NULL);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (
                     json_object_get_object_member (root_object (edited), "link"), "keywords"), 0), ==,
                   "太阳能电池板");

  run_fails (fixture, ZS_ERROR, ZS_ERROR_DUPLICATE, "add", "solar", "又一个", NULL);
  run_fails (fixture, ZS_ERROR, ZS_ERROR_DUPLICATE, "link-add", "solar", "el-materials", "重名",
             "--position", "upstream", NULL);
  run_fails (fixture, ZS_ERROR, ZS_ERROR_INVALID, "link-add", "solar", "pv-x", "X", "--position", "sideways", NULL);
  run_fails (fixture, ZS_ERROR, ZS_ERROR_INVALID, "link-add", "solar", "pv-x", "X", "--position", "upstream",
             "--sector", "c99-nothing", NULL);
  run_fails (fixture, ZS_ERROR, ZS_ERROR_INVALID, "add", "Bad Code", "坏", NULL);
  run_fails (fixture, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "link-add", "solar", "pv-y", "Y", NULL);
}

static int
count_rows (ZsStore    *store,
            const char *sql)
{
  g_autoptr(ZsPluginStorage) storage = zs_plugin_storage_new (store, "industry-chain");
  g_autoptr(GPtrArray) rows = zs_plugin_storage_query (storage, sql, NULL, NULL);

  return rows ? atoi (((char **) g_ptr_array_index (rows, 0))[0]) : -1;
}

static void
test_seed_keeps_user_edits (ChainFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) show = NULL;
  JsonArray *keywords;
  int links_before;

  g_free (run_text (fixture, "link-edit", "el-materials", "--drop-keyword", "覆铜板", "--name", "电子材料", NULL));
  g_free (run_text (fixture, "remove", "wine", NULL));
  links_before = count_rows (fixture->base.store, "SELECT count(*) FROM industry_chain_link");

  /* A newer seed revision loads when the next engine activates the plugin. */
  zs_plugin_storage_execute (fixture->storage, "UPDATE industry_chain_core_seed_revision SET revision = 0",
                             NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->engine);
  fixture->engine = zs_plugin_engine_new (fixture->base.store);
  zs_plugin_engine_load_all (fixture->engine);

  list = run_json (fixture, "list", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root_object (list), "chains")), ==, 8);
  g_assert_cmpint (count_rows (fixture->base.store, "SELECT count(*) FROM industry_chain_link"), ==, links_before);
  show = run_json (fixture, "show", "electronics", NULL);
  keywords = json_object_get_array_member (json_array_get_object_element (
               json_object_get_array_member (root_object (show), "links"), 0), "keywords");
  g_assert_cmpuint (json_array_get_length (keywords), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root_object (show), "links"), 0), "name"), ==, "电子材料");
  g_assert_cmpstr (zs_store_get_path (fixture->base.store), !=, NULL);
}

static void
test_usage_errors (ChainFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *help = run_text (fixture, "--help", NULL);
  g_autofree char *match_help = run_text (fixture, "match", "--help", NULL);
  g_autoptr(ZsPlugin) plugin = zs_plugin_engine_get_plugin (fixture->engine, "industry-chain", NULL);

  /* The kit gives the help; the .plugin file names the verb. */
  g_assert_nonnull (strstr (help, "chain match [CHAIN]"));
  g_assert_nonnull (strstr (help, "chain link-edit LINK"));
  g_assert_nonnull (strstr (match_help, "--top N"));
  g_assert_nonnull (strstr (match_help, "--park PARK"));
  g_assert_null (strstr (match_help, "--title"));
  g_assert_true (g_strv_contains (zs_plugin_get_verbs (plugin), "chain"));
  run_fails (fixture, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "frobnicate", NULL);
  run_fails (fixture, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "show", NULL);
  run_fails (fixture, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "show", "electronics", "textiles", NULL);
  run_fails (fixture, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "match", "--top", "x", NULL);
  run_fails (fixture, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION, "gaps", "--bogus", NULL);
  run_fails (fixture, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "match", "--top", "0", NULL);
  run_fails (fixture, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "assign", "1", "el-packaging", "--reject", "--clear",
             NULL);
  run_fails (fixture, ZS_ERROR, ZS_ERROR_NOT_FOUND, "show", "no-such-chain", NULL);
  run_fails (fixture, ZS_ERROR, ZS_ERROR_NOT_FOUND, "gaps", "--park", "no-such-park", NULL);
  run_fails (fixture, ZS_ERROR, ZS_ERROR_INVALID, "settings", "weak_threshold=0", NULL);

  /* the verb and `plugins set` take min_confidence from 0 to 1, no more */
  {
    ZsPluginSettings *settings = zs_plugin_settings_get_for_store (fixture->base.store, "industry-chain");
    g_autoptr(GError) error = NULL;

    run_fails (fixture, ZS_ERROR, ZS_ERROR_INVALID, "settings", "min_confidence=1.01", NULL);
    run_fails (fixture, ZS_ERROR, ZS_ERROR_INVALID, "settings", "min_confidence=-0.01", NULL);
    g_free (run_text (fixture, "settings", "min_confidence=0", NULL));
    g_free (run_text (fixture, "settings", "min_confidence=1", NULL));
    g_assert_false (zs_plugin_settings_set_double (settings, "min_confidence", 1.01, &error));
    g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (zs_plugin_settings_set_double (settings, "min_confidence", 0, &error));
    g_assert_no_error (error);
    g_assert_true (zs_plugin_settings_set_double (settings, "min_confidence", 0.5, &error));
    g_assert_no_error (error);
  }
  run_fails (fixture, ZS_ERROR, ZS_ERROR_INVALID, "match", "textiles", "--link", "el-packaging", NULL);
}

static void
test_text_output (ChainFixture  *fixture,
                  gconstpointer  data)
{
  g_autofree char *list = run_text (fixture, "list", NULL);
  g_autofree char *show = run_text (fixture, "show", "electronics", "--park", "yining-park", NULL);
  g_autofree char *gaps = run_text (fixture, "gaps", NULL);
  g_autofree char *weights = run_text (fixture, "weights", NULL);

  g_assert_nonnull (strstr (list, "碳纤维及复合材料"));
  g_assert_nonnull (strstr (show, "伊宁智联终端科技有限公司"));
  g_assert_nonnull (strstr (gaps, "el-packaging"));
  g_assert_nonnull (strstr (weights, "  recency: 0.1\n"));
}

/* A Latin keyword matches whole words, in C as in the search index: TIR
 * (a seed keyword of cc-multimodal) is in 霍尔果斯TIR国际运输, not in Stirling. */
static void
test_latin_keywords_match_words (ChainFixture  *fixture,
                                 gconstpointer  data)
{
  gint64 tir = add_firm_with (fixture->base.store, "霍尔果斯ＴＩＲ国际运输有限公司", "道路运输", NULL, 1000, "654004");
  gint64 stirling = add_firm_with (fixture->base.store, "霍尔果斯Stirling贸易有限公司", "贸易", NULL, 1000, "654004");
  g_autofree char *tir_id = id_text (tir);
  g_autofree char *stirling_id = id_text (stirling);
  g_autoptr(JsonNode) tir_links = run_json (fixture, "firm", tir_id, NULL);
  g_autoptr(JsonNode) stirling_links = run_json (fixture, "firm", stirling_id, NULL);
  g_autoptr(JsonNode) match = run_json (fixture, "match", "--link", "cc-multimodal", NULL);
  JsonArray *links = json_object_get_array_member (root_object (tir_links), "links");
  JsonArray *candidates = candidates_of (match);
  JsonObject *evidence;

  /* Full-width ＴＩＲ folds to tir, as the index folds it. */
  g_assert_cmpuint (json_array_get_length (links), ==, 1);
  evidence = json_object_get_object_member (json_array_get_object_element (links, 0), "evidence");
  g_assert_true (json_object_get_boolean_member (evidence, "name"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root_object (stirling_links), "links")),
                    ==, 0);
  g_assert_cmpuint (json_array_get_length (candidates), ==, 1);
  g_assert_cmpint (firm_at (candidates, 0), ==, tir);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_array_get_object_element (candidates, 0), "evidence"), "keyword"), ==, "name");
}

static void
test_disabled_leaves_core_alone (ChainFixture  *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *p5 = id_text (fixture->p5);
  g_autoptr(ZsPlugin) plugin = NULL;
  gint64 id;

  g_free (run_text (fixture, "assign", p5, "el-packaging", "--reject", NULL));
  g_assert_true (zs_plugin_engine_set_enabled (fixture->engine, "industry-chain", FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (zs_plugin_engine_find_command (fixture->engine, "chain", NULL));

  /* The core works as without the plugin: firms come and go, even one the
   * plugin's tables still mention. */
  id = add_firm (fixture->base.store, "霍尔果斯新丝路商贸有限公司", "货物进出口");
  g_assert_cmpint (zs_store_count_firms (fixture->base.store, "新丝路", NULL, &error), ==, 1);
  g_assert_true (zs_store_delete_firm (fixture->base.store, id, &error));
  g_assert_true (zs_store_delete_firm (fixture->base.store, fixture->p5, &error));
  g_assert_no_error (error);

  /* A fresh engine keeps it off; enabling it brings the verb back. */
  g_clear_object (&fixture->engine);
  fixture->engine = zs_plugin_engine_new (fixture->base.store);
  zs_plugin_engine_load_all (fixture->engine);
  plugin = zs_plugin_engine_get_plugin (fixture->engine, "industry-chain", &error);
  g_assert_false (zs_plugin_get_active (plugin));
  g_assert_true (zs_plugin_engine_set_enabled (fixture->engine, "industry-chain", TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->base.store, "SELECT count(*) FROM industry_chain_map"), ==, 9);
  /* The decision about the firm deleted meanwhile goes when it comes back. */
  g_assert_cmpint (count_rows (fixture->base.store, "SELECT count(*) FROM industry_chain_assignment"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, ChainFixture, NULL, chain_setup, func, chain_teardown)
  ADD ("/industry-chain/seed-loaded", test_seed_loaded);
  ADD ("/industry-chain/gaps-all-parks", test_gaps_all_parks);
  ADD ("/industry-chain/gaps-per-park", test_gaps_per_park);
  ADD ("/industry-chain/ranking-components", test_ranking_components);
  ADD ("/industry-chain/match-chain-gaps-only", test_match_chain_gaps_only);
  ADD ("/industry-chain/weights-change-order", test_weights_change_order);
  ADD ("/industry-chain/assign-overrides-inference", test_assign_overrides_inference);
  ADD ("/industry-chain/firm-confidence", test_firm_confidence);
  ADD ("/industry-chain/lead-records-link", test_lead_records_link);
  ADD ("/industry-chain/partner-bonus", test_partner_bonus);
  ADD ("/industry-chain/edit-chains", test_edit_chains);
  ADD ("/industry-chain/seed-keeps-user-edits", test_seed_keeps_user_edits);
  ADD ("/industry-chain/usage-errors", test_usage_errors);
  ADD ("/industry-chain/text-output", test_text_output);
  ADD ("/industry-chain/latin-keywords-match-words", test_latin_keywords_match_words);
  ADD ("/industry-chain/disabled-leaves-core-alone", test_disabled_leaves_core_alone);
#undef ADD

  return g_test_run ();
}
