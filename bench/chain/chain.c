/* chain.c: bench-chain, industry-chain matching on a large database
 *
 * Times what a promotion officer asks for every chain at once: the gap and
 * weak links of 两霍两伊 and the top 50 candidate firms for each of them
 * (`zhaoshang-cli chain match --top 50`), through the plugin engine and the
 * plugin's command provider, exactly as the CLI runs it.
 *
 * The database: the million firms bench-search builds
 * (_build/bench/search-1m.db) when it is there and complete; otherwise one
 * generated here through zs_store_add_firm(). A sample of settled and
 * pipeline projects, referrals and contacts is added inside a transaction
 * that is rolled back at the end, together with the plugin's tables, so the
 * database is left exactly as it was found.
 *
 * Prints figures; the exit status does not depend on them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <zhaoshang.h>

#include "zs-bench-util.h"

#ifndef BENCH_BUILD_DIR
# define BENCH_BUILD_DIR "_build/bench/chain"
#endif
#ifndef SHARED_DB
# define SHARED_DB "_build/bench/search-1m.db"
#endif
#ifndef PLUGIN_DIR
# define PLUGIN_DIR "_build/plugins/industry-chain"
#endif

#define TARGET_SECONDS 2.0
#define GENERATOR_VERSION 1

static const char * const parks[] = { "horgos-port-park", "yining-park", "qingshuihe-park", "xpcc-park" };

typedef struct {
  char    *db_path;
  int      firms;
  int      top;
  int      runs;
  int      settled;
  int      batch;
  gboolean rebuild;
} Options;

/* ---- generating a database ---------------------------------------------- */

typedef struct {
  const char         *word;
  const char         *sector;
  const char * const *phrases;
  int                 weight;
} Industry;

/* Mostly trade, IT and logistics, as in the real register; a few per cent
 * in the guideline's chains, so keywords and sectors hit realistic shares. */
static const Industry industries[] = {
  { "商贸", "c05-trade-logistics", STRV ("货物进出口", "日用百货销售", "服装服饰批发", "电子产品销售", "五金产品批发"), 30 },
  { "科技", "c05-it", STRV ("软件开发", "信息系统集成服务", "技术服务", "电子元器件批发"), 25 },
  { "物流", "c06-logistics", STRV ("国际货物运输代理", "普通货物仓储服务", "多式联运和运输代理", "冷链物流服务"), 20 },
  { "建筑工程", NULL, STRV ("建设工程施工", "园林绿化工程施工", "建筑材料销售"), 10 },
  { "电子", "c07-electronic-components", STRV ("电子元器件制造", "集成电路芯片及产品销售", "电子专用材料制造", "智能终端设备制造"), 3 },
  { "纺织", "c08-textiles", STRV ("面料纺织加工", "针织或钩针编织物织造", "服装制造", "家用纺织制成品制造", "棉纺纱加工"), 3 },
  { "汽车", "c07-nev", STRV ("新能源汽车整车销售", "汽车零部件研发", "充电桩销售", "汽车新车销售"), 2 },
  { "生物科技", "c07-biopharma", STRV ("生物制药", "氨基酸生产", "中药材种植", "食品添加剂销售"), 2 },
  { "农业", "c08-agri-sideline-processing", STRV ("农副产品加工", "谷物种植", "面粉加工", "果蔬保鲜"), 3 },
  { "冷链", "c09-cold-chain-logistics", STRV ("冷链物流服务", "低温仓储", "冷藏运输"), 1 },
  { "跨境电商", "c03-cross-border-ecommerce", STRV ("跨境电子商务", "海外仓服务", "互联网销售"), 2 },
  { "新材料", "c05-new-materials", STRV ("碳纤维复合材料制造", "高性能纤维及复合材料制造", "合成材料销售"), 1 },
  { "酒业", "c08-wine", STRV ("葡萄酒酿造", "酒类经营", "葡萄种植"), 1 },
  { "矿业", "c08-gold-processing", STRV ("黄金制品批发", "选矿", "金属矿石销售"), 1 },
  { "馕食品", "c05-naan-food", STRV ("馕制品生产", "食品销售"), 1 },
};

static const char trade_chars[] = "华鑫盛泰达恒信源丰宏远通金利佳瑞祥安嘉博创兴隆新天中正德和合汇辉鼎海宇国润永长富荣发";
static const char * const regions[] = { "654004", "654002", "654023", "650102", "440305", "310115", "330106", "320500" };

static const Industry *
pick_industry (GRand *rand)
{
  int total = 0, roll;

  for (guint i = 0; i < G_N_ELEMENTS (industries); i++)
    total += industries[i].weight;
  roll = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (industries); i++)
    if ((roll -= industries[i].weight) < 0)
      return &industries[i];
  return &industries[0];
}

static char *
trade_name (GRand *rand)
{
  glong n = g_utf8_strlen (trade_chars, -1);
  const char *a = g_utf8_offset_to_pointer (trade_chars, g_rand_int_range (rand, 0, n));
  const char *b = g_utf8_offset_to_pointer (trade_chars, g_rand_int_range (rand, 0, n));

  return g_strdup_printf ("%.*s%.*s", (int) (g_utf8_next_char (a) - a), a, (int) (g_utf8_next_char (b) - b), b);
}

static char *
make_uscc (guint serial)
{
  g_autofree char *first17 = g_strdup_printf ("91654004%09u", serial);

  return g_strdup_printf ("%s%c", first17, zs_uscc_check_character (first17));
}

static ZsFirm *
generate_firm (GRand *rand,
               guint  serial)
{
  const Industry *industry = pick_industry (rand);
  g_autofree char *trade = trade_name (rand);
  g_autofree char *name = g_strdup_printf ("霍尔果斯%s%s有限公司", trade, industry->word);
  g_autofree char *uscc = make_uscc (serial);
  guint n_phrases = g_strv_length ((char **) industry->phrases);
  g_autofree char *scope = g_strdup_printf ("%s；%s", industry->phrases[g_rand_int_range (rand, 0, n_phrases)],
                                            industry->phrases[g_rand_int_range (rand, 0, n_phrases)]);
  const char *sectors[] = { industry->sector, NULL };
  ZsFirm *firm = zs_firm_new ();

  zs_firm_set_uscc (firm, uscc);
  zs_firm_set_name (firm, name);
  zs_firm_set_business_scope (firm, scope);
  zs_firm_set_region_code (firm, regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (regions))]);
  zs_firm_set_registered_capital (firm, g_rand_int_range (rand, 10, 100000));
  if (industry->sector != NULL)
    zs_firm_set_sectors (firm, sectors);
  return firm;
}

static gboolean
add_batch (ZsStore  *store,
           GRand    *rand,
           guint     from,
           guint     to,
           GError  **error)
{
  if (!zs_store_begin (store, error))
    return FALSE;
  for (guint serial = from; serial < to; serial++)
    {
      g_autoptr(ZsFirm) firm = generate_firm (rand, serial);

      if (zs_store_add_firm (store, firm, error) == 0)
        {
          zs_store_rollback (store);
          return FALSE;
        }
    }
  return zs_store_commit (store, error);
}

static char *
marker_text (int firms,
             const char *state)
{
  return g_strdup_printf ("zhaoshang bench-chain database\ngenerator=%d\nfirms=%d\nstate=%s\n",
                          GENERATOR_VERSION, firms, state);
}

static gboolean
build_database (const Options  *options,
                GError        **error)
{
  g_autofree char *building = marker_text (options->firms, "building");
  g_autofree char *complete = marker_text (options->firms, "complete");
  g_autoptr(ZsStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20210108);
  double start = zs_bench_now_s ();

  g_print ("Building %s: %d firms through zs_store_add_firm()\n", options->db_path, options->firms);
  g_mkdir_with_parents (BENCH_BUILD_DIR, 0755);
  if (!zs_bench_marker_write (options->db_path, building, error) ||
      !(store = zs_store_create (options->db_path, error)) ||
      !zs_store_load_seed (store, error))
    return FALSE;
  for (int done = 0; done < options->firms; done += options->batch)
    if (!add_batch (store, rand, done, MIN (done + options->batch, options->firms), error))
      return FALSE;
  g_print ("Built in %.1f s\n", zs_bench_now_s () - start);
  return zs_bench_marker_write (options->db_path, complete, error);
}

/* bench-search's database, if it is complete: the same million firms. */
static gboolean
shared_database_ready (void)
{
  g_autofree char *text = zs_bench_marker_read (SHARED_DB);

  return text != NULL &&
         strstr (text, "firms=1000000\n") != NULL && strstr (text, "state=complete\n") != NULL;
}

static gboolean
choose_database (Options  *options,
                 GError  **error)
{
  g_autofree char *complete = NULL;

  if (options->db_path != NULL)
    return TRUE;
  if (options->firms == 1000000 && shared_database_ready ())
    {
      options->db_path = g_strdup (SHARED_DB);
      g_print ("Reusing %s (built by bench-search)\n", options->db_path);
      return TRUE;
    }
  options->db_path = g_strdup_printf ("%s/chain-%d.db", BENCH_BUILD_DIR, options->firms);
  complete = marker_text (options->firms, "complete");
  if (!options->rebuild && zs_bench_marker_is (options->db_path, complete))
    {
      g_print ("Reusing %s\n", options->db_path);
      return TRUE;
    }
  zs_bench_remove_database (options->db_path);
  return build_database (options, error);
}

/* ---- the sample of projects ----------------------------------------------- */

static GArray *
sample_ids (ZsStore     *store,
            const char  *sql,
            const char  *param,
            GError     **error)
{
  g_autoptr(ZsPluginStorage) storage = zs_plugin_storage_new (store, "industry-chain");
  g_autoptr(GPtrArray) rows = zs_plugin_storage_query (storage, sql, (const char *[]) { param, NULL }, error);
  GArray *ids;

  if (rows == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = g_ascii_strtoll (((char **) g_ptr_array_index (rows, i))[0], NULL, 10);
      g_array_append_val (ids, id);
    }
  return ids;
}

static gint64
add_project (ZsStore  *store,
             GRand    *rand,
             gint64    firm_id,
             ZsStage   stage,
             gint64    referrer,
             GError  **error)
{
  g_autoptr(ZsProject) project = zs_project_new ();

  zs_project_set_firm_id (project, firm_id);
  zs_project_set_title (project, "bench-chain sample project");
  zs_project_set_stage (project, stage);
  zs_project_set_park_code (project, parks[g_rand_int_range (rand, 0, G_N_ELEMENTS (parks))]);
  if (referrer != firm_id)
    zs_project_set_referrer_firm_id (project, referrer);
  return zs_store_add_project (store, project, error);
}

static gboolean
add_contact (ZsStore  *store,
             GRand    *rand,
             gint64    firm_id,
             GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -g_rand_int_range (rand, 0, 400));
  g_autofree char *date = g_date_time_format (then, "%Y-%m-%d");
  g_autoptr(ZsActivity) activity = zs_activity_new ();

  zs_activity_set_firm_id (activity, firm_id);
  zs_activity_set_kind (activity, ZS_ACTIVITY_KIND_VISIT);
  zs_activity_set_date (activity, date);
  return zs_store_add_activity (store, activity, error) != 0;
}

/* Settled firms in the chains' sectors (two per sector, so some links are
 * weak and some covered), firms settled at random, pipeline projects of
 * which a third were referred by a settled firm, and contacts. */
static gboolean
add_sample (ZsStore        *store,
            const Options  *options,
            guint          *n_projects,
            GError        **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) chain_firms = NULL;
  g_autoptr(GArray) random_firms = NULL;
  g_autofree char *limit = g_strdup_printf ("%d", options->settled * 4);
  guint settled = 0;

  chain_firms = sample_ids (store,
                            "SELECT (SELECT firm_id FROM core_firm_sectors f WHERE f.sector_code = s.sector_code "
                            "  LIMIT 1 OFFSET 100) FROM (SELECT DISTINCT sector_code FROM industry_chain_link_sectors) s "
                            "WHERE ?1 IS NOT NULL", "1", error);
  random_firms = chain_firms ? sample_ids (store, "SELECT id FROM core_firms ORDER BY (id * 7919) % 1000003 LIMIT ?1",
                                           limit, error) : NULL;
  if (random_firms == NULL)
    return FALSE;
  for (guint i = 0; i < chain_firms->len; i++)
    {
      gint64 id = g_array_index (chain_firms, gint64, i);
      if (id != 0 && add_project (store, rand, id, ZS_STAGE_SIGNED + i % 4, id, error) == 0)
        return FALSE;
      settled += id != 0;
    }
  for (guint i = 0; i < random_firms->len; i++)
    {
      gint64 id = g_array_index (random_firms, gint64, i);
      guint part = i % 4;   /* settled, pipeline, pipeline, contact only */
      gint64 referrer = part == 2 ? g_array_index (random_firms, gint64, i % MAX (1, options->settled)) : id;

      if ((part == 0 && add_project (store, rand, id, ZS_STAGE_SIGNED + i % 4, id, error) == 0) ||
          ((part == 1 || part == 2) && add_project (store, rand, id, i % 4, referrer, error) == 0) ||
          !add_contact (store, rand, id, error))
        return FALSE;
      settled += part == 0;
    }
  *n_projects = chain_firms->len + random_firms->len * 3 / 4;
  return TRUE;
}

/* ---- timing ------------------------------------------------------------------ */

static JsonNode *
run_chain (ZsPluginEngine      *engine,
           const char * const  *args,
           double              *seconds,
           double              *cpu_seconds,
           GError             **error)
{
  ZsPluginContext *context = NULL;
  g_autoptr(ZsCommandProvider) provider = zs_plugin_engine_find_command (engine, "chain", &context);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *output = NULL;
  double start = zs_bench_now_s (), cpu_start = zs_bench_cpu_s ();

  if (provider == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, "the industry-chain plugin is not active (looked in %s)",
                   PLUGIN_DIR);
      return NULL;
    }
  output = zs_command_provider_run (provider, context, "chain", args, TRUE, error);
  *seconds = zs_bench_now_s () - start;
  if (cpu_seconds != NULL)
    *cpu_seconds = zs_bench_cpu_s () - cpu_start;
  if (output == NULL || !json_parser_load_from_data (parser, output, -1, error))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

static void
count_links (JsonNode *result,
             guint    *links,
             gint64   *candidates)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (result), "links");

  *links = json_array_get_length (array);
  *candidates = 0;
  for (guint i = 0; i < *links; i++)
    *candidates += json_object_get_int_member_with_default (json_array_get_object_element (array, i),
                                                            "candidates_total", 0);
}

static gboolean
time_all (ZsPluginEngine  *engine,
          const Options   *options,
          gint64           firms,
          GError         **error)
{
  g_autofree char *top = g_strdup_printf ("%d", options->top);
  double best = G_MAXDOUBLE, best_cpu = G_MAXDOUBLE, first = 0;

  g_print ("\n%-5s %10s %12s %10s %7s %12s %16s\n", "run", "gaps (s)", "match (s)", "cpu (s)", "links", "candidates",
           "firms/s (match)");
  for (int run = 1; run <= options->runs; run++)
    {
      g_autoptr(JsonNode) gaps = NULL;
      g_autoptr(JsonNode) match = NULL;
      double gaps_s, match_s, match_cpu;
      guint links;
      gint64 candidates;

      if (!(gaps = run_chain (engine, (const char *[]) { "gaps", NULL }, &gaps_s, NULL, error)) ||
          !(match = run_chain (engine, (const char *[]) { "match", "--top", top, NULL }, &match_s, &match_cpu,
                               error)))
        return FALSE;
      count_links (match, &links, &candidates);
      best = MIN (best, match_s);
      best_cpu = MIN (best_cpu, match_cpu);
      first = run == 1 ? match_s : first;
      g_print ("%-5d %10.3f %12.3f %10.3f %7u %12" PRId64 " %16.0f\n", run, gaps_s, match_s, match_cpu, links,
               candidates, firms / match_s);
    }
  g_print ("\nAll chains, gaps plus top %d per gap or weak link, %" PRId64 " firms: best %.3f s (%.0f firms/s), "
           "first run %.3f s, best CPU time %.3f s; target ≤ %.1f s: %s\n",
           options->top, firms, best, firms / best, first, best_cpu, TARGET_SECONDS,
           best <= TARGET_SECONDS ? "met" : "NOT met");
  return TRUE;
}

static gboolean
time_each_chain (ZsPluginEngine  *engine,
                 const Options   *options,
                 GError         **error)
{
  g_autofree char *top = g_strdup_printf ("%d", options->top);
  g_autoptr(JsonNode) list = NULL;
  JsonArray *chains;
  double seconds;

  if (!(list = run_chain (engine, (const char *[]) { "list", NULL }, &seconds, NULL, error)))
    return FALSE;
  chains = json_object_get_array_member (json_node_get_object (list), "chains");
  g_print ("\nPer chain (warm):\n%-22s %7s %14s %10s\n", "chain", "links", "candidates", "match (s)");
  for (guint i = 0; i < json_array_get_length (chains); i++)
    {
      const char *code = json_object_get_string_member (json_array_get_object_element (chains, i), "code");
      g_autoptr(JsonNode) match = run_chain (engine, (const char *[]) { "match", code, "--top", top, NULL },
                                             &seconds, NULL, error);
      guint links;
      gint64 candidates;

      if (match == NULL)
        return FALSE;
      count_links (match, &links, &candidates);
      g_print ("%-22s %7u %14" PRId64 " %10.3f\n", code, links, candidates, seconds);
    }
  return TRUE;
}

static gint64
count_firms (ZsStore *store)
{
  g_autoptr(ZsPluginStorage) storage = zs_plugin_storage_new (store, "industry-chain");
  g_autoptr(GPtrArray) rows = zs_plugin_storage_query (storage, "SELECT count(*) FROM core_firms", NULL, NULL);

  return rows ? g_ascii_strtoll (((char **) g_ptr_array_index (rows, 0))[0], NULL, 10) : 0;
}

/* Everything inside one transaction, rolled back: the plugin's tables, its
 * seed and the sample leave no trace in a database another benchmark owns. */
static gboolean
measure (ZsStore        *store,
         const Options  *options,
         GError        **error)
{
  g_autoptr(ZsPluginEngine) engine = NULL;
  gint64 firms = count_firms (store);
  guint n_projects = 0;
  double start;
  gboolean ok;

  if (!zs_store_begin (store, error))
    return FALSE;
  start = zs_bench_now_s ();
  engine = zs_plugin_engine_new (store);
  zs_plugin_engine_load_all (engine);
  g_print ("Plugin loaded, tables created and chain maps seeded in %.3f s\n", zs_bench_now_s () - start);
  start = zs_bench_now_s ();
  ok = add_sample (store, options, &n_projects, error);
  if (ok)
    g_print ("Sample: %u projects (settled and pipeline) and contacts added in %.1f s\n", n_projects,
             zs_bench_now_s () - start);
  ok = ok && time_all (engine, options, firms, error) && time_each_chain (engine, options, error);
  g_clear_object (&engine);
  zs_store_rollback (store);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("— time industry-chain gaps and matching");
  g_autoptr(ZsStore) store = NULL;
  Options options = { NULL, 1000000, 50, 3, 300, 10000, FALSE };
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &options.db_path, "Database to use (default: " SHARED_DB " if complete)", "PATH" },
    { "firms", 'n', 0, G_OPTION_ARG_INT, &options.firms, "Firms to generate when there is no database (default: 1000000)", "N" },
    { "top", 0, 0, G_OPTION_ARG_INT, &options.top, "Candidates per link (default: 50)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &options.runs, "Timed runs (default: 3; the first is cold)", "N" },
    { "settled", 0, 0, G_OPTION_ARG_INT, &options.settled, "Sample size of settled projects (default: 300)", "N" },
    { "batch", 0, 0, G_OPTION_ARG_INT, &options.batch, "Firms per transaction while generating (default: 10000)", "N" },
    { "rebuild", 0, 0, G_OPTION_ARG_NONE, &options.rebuild, "Generate the database again", NULL },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || options.firms <= 0 || options.top <= 0 ||
      options.runs <= 0 || options.settled <= 0 || options.batch <= 0)
    {
      g_printerr ("bench-chain: %s\n", error ? error->message : "numbers must be positive");
      return 2;
    }
  g_setenv ("ZHAOSHANG_PLUGIN_PATH", PLUGIN_DIR, TRUE);
  g_setenv ("XDG_DATA_HOME", BENCH_BUILD_DIR "/xdg-data", TRUE);

  if (!choose_database (&options, &error) ||
      !(store = zs_store_create (options.db_path, &error)) ||
      !measure (store, &options, &error))
    {
      g_printerr ("bench-chain: %s\n", error->message);
      return 1;
    }
  g_free (options.db_path);
  return 0;
}
