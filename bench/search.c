/* search.c: how fast firm search is on a large database
 *
 * Builds (or reuses) a database of generated firms through the core API,
 * exactly as an import would write them (validation, audit trail, search
 * index), then times zs_store_list_firms() (first page of 20, ranked) and
 * zs_store_count_firms() for one-, two- and three-character queries. The
 * same names and business scopes are also indexed in a plain FTS5 trigram
 * table, the yardstick for three-character queries.
 *
 * Targets (from the product issue): one- and two-character queries answer
 * in at most 10 ms (median); three-character queries take at most twice as
 * long as the plain trigram query. The program prints PASS or MISS for each
 * and always exits 0 once it has measured: it is a benchmark, not a test.
 *
 * The generator is deterministic (fixed seed): the same --firms gives the
 * same database, so it is reused between runs when its marker file says it
 * is complete and it holds the right number of firms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "zhaoshang.h"
#include "zs-bench-util.h"
#include "zs-search-private.h"
#include "zs-sql-reference-private.h"

#define GENERATOR_VERSION 1
#define DEFAULT_SEED      20250601
#define TARGET_SHORT_MS   10.0
#define TARGET_RATIO      2.0
#define PAGE_SIZE         20

#ifndef BENCH_BUILD_DIR
# define BENCH_BUILD_DIR "_build/bench"
#endif

/* ------------------------------------------------------------------------ */
/* Generator                                                                 */

typedef struct {
  const char *name;    /* as it starts a firm name */
  const char *code;    /* GB/T 2260 code, also digits 3–8 of the USCC */
  int         weight;
} Region;

static const Region regions[] = {
  { "霍尔果斯", "654004", 30 },
  { "伊犁", "654000", 8 },
  { "霍城", "654023", 4 },
  { "伊宁", "654002", 5 },
  { "新疆", "650000", 10 },
  { "乌鲁木齐", "650102", 8 },
  { "喀什", "653101", 3 },
  { "克拉玛依", "650203", 2 },
  { "北京", "110105", 4 },
  { "上海", "310115", 4 },
  { "深圳", "440305", 4 },
  { "广州", "440106", 3 },
  { "杭州", "330106", 3 },
  { "西安", "610113", 2 },
  { "成都", "510107", 2 },
  { "郑州", "410105", 2 },
  { "重庆", "500112", 2 },
  { "天津", "120116", 2 },
  { "江苏", "320000", 1 },
  { "浙江", "330000", 1 },
};

/* Characters of trade names (字号), most frequent first; drawn with Zipf
 * weights 1/(rank + 10), so 华 is in about 6% of names and 华为 in about
 * 0.015%. 馕 is not here: it only comes with the naan industry. */
static const char trade_chars[] =
  "华鑫盛泰达恒信源丰宏远通金利佳瑞祥安嘉博创兴隆新天中正德和合汇辉鼎海宇国润永长富荣发"
  "明星光晟昌联美亚欧丝为路疆峰山川林森阳晨卓越顺益百福康乐睿智诚航腾飞龙凤骏驰宁晶玉铭"
  "宸弘浩伟万方圆致众力成大东南北西广元泽清云雅轩蓝红绿银铁石江河湖波涛春夏秋冬晴雪松柏"
  "桐竹梅兰菊莲茂盈亿千钧豪杰英雄威武强精工品尚优友邦亨吉庆喜悦欣怡宜居园田野原图志远"
  "洲际环球宝贝禾穗麦稻果香甜蜜甘泉溪湾岛港津沪京粤湘鄂川渝滇黔桂闽赣皖鲁豫冀晋陕甘青"
  "宁蒙辽吉黑沙漠绿洲天山昆仑帕米尔阿拉木图塔城博乐奎屯石河子库车和田哈密吐鲁番且末若羌"
  "新希望正大双汇伊利蒙牛光明三元君乐宝飞鹤贝因美启迪同方紫光清华北大方正联想浪潮曙光"
  "中兴普天烽火大唐鸿雁东方红旗胜利前进先锋卫星火箭神舟天宫嫦娥北斗玉兔祝融天问羲和"
  "凯旋奥林匹克锦绣河山壮丽辉煌灿烂腾达飞跃超群拔萃卓尔不凡";

typedef struct {
  const char * const *words;     /* industry word in the name */
  const char         *sector;    /* sector code, or NULL */
  const char * const *phrases;   /* business scope items */
  int                 weight;
} Industry;

static const Industry industries[] = {
  { STRV ("商贸", "贸易", "国际贸易", "进出口", "商贸发展"), "c05-trade-logistics",
    STRV ("货物进出口", "技术进出口", "进出口代理", "国内贸易代理", "日用百货销售", "五金产品批发",
          "五金产品零售", "建筑材料销售", "金属材料销售", "化工产品销售（不含许可类化工产品）",
          "服装服饰批发", "针纺织品销售", "家用电器销售", "电子产品销售", "农副产品销售",
          "食用农产品批发", "机械设备销售", "汽车零配件批发", "边民互市贸易", "国际贸易代理"), 14 },
  { STRV ("物流", "国际物流", "供应链管理", "国际货运代理", "运输", "仓储物流"), "c06-logistics",
    STRV ("国际货物运输代理", "普通货物仓储服务（不含危险化学品等需许可审批的项目）",
          "道路货物运输站经营", "装卸搬运", "供应链管理服务", "无船承运业务", "报关业务",
          "报检业务", "集装箱租赁服务", "多式联运和运输代理", "国内货物运输代理",
          "打包、装卸、运输全套服务代理"), 12 },
  { STRV ("冷链物流", "冷链"), "c09-cold-chain-logistics",
    STRV ("低温仓储（不含危险化学品等需许可审批的项目）", "冷链物流服务", "食用农产品初加工",
          "普通货物仓储服务（不含危险化学品等需许可审批的项目）", "国内货物运输代理"), 2 },
  { STRV ("科技", "信息技术", "网络科技", "数字科技", "智能科技", "软件", "信息科技"), "c05-it",
    STRV ("技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "软件开发",
          "信息系统集成服务", "数据处理和存储支持服务", "互联网数据服务", "信息技术咨询服务",
          "人工智能应用软件开发", "网络技术服务", "计算机系统服务", "物联网技术服务",
          "云计算装备技术服务", "数字文化创意软件开发"), 14 },
  { STRV ("电子商务", "跨境电商", "网络贸易"), "c03-cross-border-ecommerce",
    STRV ("互联网销售（除销售需要许可的商品）", "跨境电子商务", "货物进出口", "网络技术服务",
          "电子产品销售", "日用品销售", "国内贸易代理", "互联网直播技术服务"), 5 },
  { STRV ("食品", "食品科技", "农产品", "餐饮管理"), "c05-agri-processing",
    STRV ("食品销售（仅销售预包装食品）", "农副产品销售", "食用农产品批发", "食用农产品零售",
          "初级农产品收购", "粮食收购", "食品进出口", "餐饮管理", "新鲜水果批发",
          "炒货食品及坚果制品加工"), 5 },
  { STRV ("纺织", "服饰", "服装", "纺织品"), "c05-textile-apparel",
    STRV ("服装制造", "服装服饰批发", "针纺织品及原料销售", "面料纺织加工",
          "家用纺织制成品制造", "产业用纺织制成品销售", "鞋帽批发"), 4 },
  { STRV ("新能源", "能源", "光伏科技", "电力"), "c03-energy-coop",
    STRV ("新能源原动设备销售", "太阳能发电技术服务", "风力发电技术服务", "光伏设备及元器件销售",
          "储能技术服务", "电力设施器材销售", "合同能源管理", "输配电及控制设备制造"), 5 },
  { STRV ("汽车贸易", "新能源汽车", "汽车销售", "汽车服务"), "c07-nev",
    STRV ("新能源汽车整车销售", "汽车新车销售", "二手车经销", "汽车零配件批发", "汽车零配件零售",
          "机动车修理和维护", "新能源汽车电附件销售", "小微型客车租赁经营服务"), 3 },
  { STRV ("新材料", "材料科技", "复合材料"), "c05-new-materials",
    STRV ("新材料技术研发", "高性能纤维及复合材料制造", "合成材料销售", "塑料制品制造",
          "橡胶制品销售", "石墨及碳素制品销售"), 2 },
  { STRV ("生物科技", "生物医药", "生物工程", "医药"), "c07-biopharma",
    STRV ("生物化工产品技术研发", "第一类医疗器械销售", "第二类医疗器械销售", "中草药收购",
          "地产中草药（不含中药饮片）购销", "化妆品批发", "保健食品（预包装）销售",
          "医学研究和试验发展"), 3 },
  { STRV ("机械设备", "装备制造", "机电设备", "重工"), "c07-high-end-equipment",
    STRV ("通用设备制造（不含特种设备制造）", "机械设备销售", "机械设备租赁", "专用设备修理",
          "建筑工程用机械销售", "机械零件、零部件加工", "金属切削加工服务", "农业机械销售"), 4 },
  { STRV ("电子", "电子科技", "电器"), "c07-electronic-components",
    STRV ("电子元器件制造", "电子产品销售", "电子专用设备制造", "集成电路芯片及产品销售",
          "通信设备销售", "计算机软硬件及辅助设备批发", "家用电器销售"), 3 },
  { STRV ("旅游", "文化旅游", "旅行社", "旅游开发"), "c03-cross-border-tourism",
    STRV ("旅游开发项目策划咨询", "旅行社服务网点旅游招徕、咨询服务", "游览景区管理",
          "休闲观光活动", "票务代理服务", "酒店管理", "会议及展览服务"), 3 },
  { STRV ("会展", "文化传媒", "广告", "展览"), "c03-exhibition",
    STRV ("会议及展览服务", "广告设计、代理", "广告制作", "广告发布", "组织文化艺术交流活动",
          "企业形象策划", "市场营销策划", "图文设计制作"), 3 },
  { STRV ("投资", "投资管理", "股权投资", "资产管理", "控股"), "c10-private-equity",
    STRV ("以自有资金从事投资活动",
          "私募股权投资基金管理、创业投资基金管理服务（须在中国证券投资基金业协会完成登记备案后方可从事经营活动）",
          "企业管理咨询", "财务咨询", "自有资金投资的资产管理服务", "融资咨询服务"), 6 },
  { STRV ("融资租赁", "商业保理"), "c09-finance-leasing",
    STRV ("融资租赁业务", "商业保理业务", "租赁业务", "向国内外购买租赁财产",
          "租赁财产的残值处理及维修"), 1 },
  { STRV ("农业", "农业开发", "农牧", "牧业", "果业"), "c08-agri-sideline-processing",
    STRV ("农业专业及辅助性活动", "谷物种植", "蔬菜种植", "水果种植", "牲畜销售",
          "农产品的生产、销售、加工、运输、贮藏及其他相关服务", "农副食品加工专用设备销售",
          "畜牧渔业饲料销售"), 4 },
  { STRV ("酒业", "葡萄酒业", "酒庄"), "c08-wine",
    STRV ("酒类经营", "酒制品生产", "葡萄种植", "食品销售（仅销售预包装食品）", "酒类进出口"), 1 },
  { STRV ("矿业", "黄金", "金属"), "c08-gold-processing",
    STRV ("金属矿石销售", "黄金制品批发", "选矿", "金属材料销售", "非金属矿及制品销售"), 1 },
  { STRV ("建设工程", "建筑工程", "建筑安装", "工程"), NULL,
    STRV ("建设工程施工", "住宅室内装饰装修", "园林绿化工程施工", "土石方工程施工",
          "建筑材料销售", "市政设施管理", "工程管理服务", "对外承包工程"), 5 },
  { STRV ("实业", "实业发展", "集团"), NULL,
    STRV ("日用百货销售", "企业管理", "货物进出口", "五金产品批发", "建筑材料销售",
          "农副产品销售"), 4 },
  { STRV ("商务咨询", "企业管理", "咨询服务", "人力资源"), "c09-outsourcing",
    STRV ("企业管理咨询", "信息咨询服务（不含许可类信息咨询服务）", "社会经济咨询服务",
          "商务秘书服务", "劳务服务（不含劳务派遣）",
          "人力资源服务（不含职业中介活动、劳务派遣服务）", "翻译服务", "市场调查（不含涉外调查）"), 4 },
  { STRV ("教育科技", "培训", "职业培训"), "c03-vocational-training",
    STRV ("教育咨询服务（不含涉许可审批的教育培训活动）",
          "业务培训（不含教育培训、职业技能培训等需取得许可的培训）",
          "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "会议及展览服务"), 1 },
  { STRV ("医疗科技", "健康管理", "医疗器械"), "c03-medical-wellness",
    STRV ("健康咨询服务（不含诊疗服务）", "第二类医疗器械销售", "养老服务", "远程健康管理服务",
          "医护人员防护用品批发"), 1 },
};

/* One firm in a thousand makes naan, the only place 馕 occurs. */
static const Industry naan_industry = {
  STRV ("馕食品", "馕产业", "馕业"), "c05-naan-food",
  STRV ("馕制品生产", "馕产品加工出口", "食品销售（仅销售预包装食品）", "烘焙食品制造",
        "农副产品销售", "食品进出口"), 0
};
#define NAAN_PER_MILLE 1

static const char * const common_phrases[] = {
  "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "货物进出口", "技术进出口",
  "日用百货销售", "企业管理咨询", "信息咨询服务（不含许可类信息咨询服务）", "国内贸易代理",
  "办公用品销售", "会议及展览服务", "非居住房地产租赁", "软件开发",
  "普通货物仓储服务（不含危险化学品等需许可审批的项目）", NULL
};

static const char * const licensed_phrases[] = {
  "道路货物运输（不含危险货物）", "食品生产", "食品销售", "酒类经营", "第三类医疗器械经营",
  "建设工程施工", "旅游业务", "进出口商品检验鉴定", "药品批发", "第二类增值电信业务",
  "危险化学品经营", NULL
};

typedef struct {
  GRand      *rand;
  GPtrArray  *chars;        /* trade-name characters, owned strings */
  double     *char_cdf;
  double     *region_cdf;
  double     *industry_cdf;
} Generator;

static Generator *
generator_new (guint32 seed)
{
  Generator *gen = g_new0 (Generator, 1);
  guint naan;

  gen->rand = g_rand_new_with_seed (seed);
  gen->chars = zs_bench_split_chars (trade_chars);
  if (g_ptr_array_find_with_equal_func (gen->chars, "馕", g_str_equal, &naan))
    g_ptr_array_remove_index (gen->chars, naan);

  gen->char_cdf = zs_bench_zipf_cdf (gen->chars->len);
  gen->region_cdf = zs_bench_table_cdf (regions);
  gen->industry_cdf = zs_bench_table_cdf (industries);
  return gen;
}

static void
generator_free (Generator *gen)
{
  g_rand_free (gen->rand);
  g_ptr_array_unref (gen->chars);
  g_free (gen->char_cdf);
  g_free (gen->region_cdf);
  g_free (gen->industry_cdf);
  g_free (gen);
}

/* Appends @count distinct items of @strv not already in @chosen. */
static void
pick_distinct (Generator          *gen,
               const char * const *strv,
               guint               count,
               GPtrArray          *chosen)
{
  guint n = g_strv_length ((char **) strv);
  g_autofree guint *order = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = 0; i < n && count > 0; i++)
    {
      guint j = g_rand_int_range (gen->rand, i, n);
      guint tmp = order[i];
      gboolean dup = FALSE;

      order[i] = order[j];
      order[j] = tmp;
      for (guint k = 0; k < chosen->len && !dup; k++)
        dup = g_str_equal (g_ptr_array_index (chosen, k), strv[order[i]]);
      if (!dup)
        {
          g_ptr_array_add (chosen, (gpointer) strv[order[i]]);
          count--;
        }
    }
}

static ZsFirm *
generate_firm (Generator *gen,
               guint      serial)
{
  const Region *region = &regions[zs_bench_draw (gen->rand, gen->region_cdf, G_N_ELEMENTS (regions))];
  const Industry *industry = g_rand_int_range (gen->rand, 0, 1000) < NAAN_PER_MILLE
    ? &naan_industry
    : &industries[zs_bench_draw (gen->rand, gen->industry_cdf, G_N_ELEMENTS (industries))];
  const char *word = zs_bench_pick (gen->rand, industry->words);
  const char *c1 = g_ptr_array_index (gen->chars, zs_bench_draw (gen->rand, gen->char_cdf, gen->chars->len));
  const char *c2;
  int form = g_rand_int_range (gen->rand, 0, 100);
  int suffix_roll = g_rand_int_range (gen->rand, 0, 100);
  const char *suffix = suffix_roll < 88 ? "有限公司" : suffix_roll < 95 ? "股份有限公司" : "有限责任公司";
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) scope = g_string_new (NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *uscc = zs_bench_uscc (region->code, serial);
  const char *sectors[2] = { industry->sector, NULL };
  ZsFirm *firm;
  static const double capitals[] = { 10, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000, 50000 };

  do
    c2 = g_ptr_array_index (gen->chars, zs_bench_draw (gen->rand, gen->char_cdf, gen->chars->len));
  while (c2 == c1);

  zs_bench_append_firm_name (name, form, region->name, c1, c2, word, suffix);

  pick_distinct (gen, industry->phrases, g_rand_int_range (gen->rand, 2, 6), items);
  pick_distinct (gen, common_phrases, g_rand_int_range (gen->rand, 0, 3), items);
  if (g_rand_int_range (gen->rand, 0, 100) < 80)
    {
      g_string_append (scope, "一般项目：");
      for (guint i = 0; i < items->len; i++)
        g_string_append_printf (scope, "%s%s", i ? "；" : "", (const char *) g_ptr_array_index (items, i));
      g_string_append (scope, "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）");
      if (g_rand_int_range (gen->rand, 0, 100) < 25)
        {
          g_autoptr(GPtrArray) licensed = g_ptr_array_new ();

          pick_distinct (gen, licensed_phrases, g_rand_int_range (gen->rand, 1, 3), licensed);
          g_string_append (scope, "许可项目：");
          for (guint i = 0; i < licensed->len; i++)
            g_string_append_printf (scope, "%s%s", i ? "；" : "", (const char *) g_ptr_array_index (licensed, i));
          g_string_append (scope, "（依法须经批准的项目，经相关部门批准后方可开展经营活动，"
                                  "具体经营项目以相关部门批准文件或许可证件为准）");
        }
    }
  else
    {
      /* the older style, before the 2021 standard wording */
      for (guint i = 0; i < items->len; i++)
        g_string_append_printf (scope, "%s%s", i ? "；" : "", (const char *) g_ptr_array_index (items, i));
      g_string_append (scope, "。");
    }

  firm = zs_firm_new ();
  zs_firm_set_name (firm, name->str);
  zs_firm_set_uscc (firm, uscc);
  zs_firm_set_country (firm, "CN");
  zs_firm_set_region_code (firm, region->code);
  zs_firm_set_ownership (firm, g_rand_int_range (gen->rand, 0, 100) < 85 ? ZS_OWNERSHIP_PRIVATE
                                                                         : ZS_OWNERSHIP_STATE_OWNED);
  zs_firm_set_registered_capital (firm, capitals[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (capitals))]);
  zs_firm_set_business_scope (firm, scope->str);
  if (industry->sector != NULL)
    zs_firm_set_sectors (firm, sectors);
  return firm;
}

/* ------------------------------------------------------------------------ */
/* Database                                                                  */

static char *
marker_text (guint firms,
             guint32 seed,
             gboolean complete)
{
  return g_strdup_printf ("zhaoshang bench-search database\ngenerator=%d\nseed=%u\nfirms=%u\nstate=%s\n",
                          GENERATOR_VERSION, seed, firms, complete ? "complete" : "building");
}

static char *
trigram_path (const char *db_path)
{
  if (g_str_has_suffix (db_path, ".db"))
    {
      g_autofree char *stem = g_strndup (db_path, strlen (db_path) - 3);
      return g_strconcat (stem, ".trigram.db", NULL);
    }
  return g_strconcat (db_path, ".trigram", NULL);
}

/* Whether @path holds a complete database of @firms firms from this
 * generator; FALSE (and the files removed) if it is ours but not that one.
 * Exits if @path exists but was not made here: it could be real data. */
static gboolean
can_reuse (const char *path,
           guint       firms,
           guint32     seed,
           gboolean    rebuild)
{
  g_autofree char *marker = zs_bench_marker_path (path);
  g_autofree char *wanted = marker_text (firms, seed, TRUE);
  g_autofree char *found = NULL;
  g_autofree char *trigram = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  if (!(found = zs_bench_marker_read (path)))
    {
      g_printerr ("bench-search: %s exists but has no %s, so it was not made by bench-search;\n"
                  "  it is left alone. Give another --db, or remove it.\n", path, marker);
      exit (1);
    }
  if (!rebuild && g_str_equal (found, wanted))
    {
      g_autoptr(ZsStore) store = zs_store_create (path, &error);
      gint64 count = store != NULL ? zs_store_count_firms (store, NULL, NULL, &error) : -1;

      /* Other benchmarks share this database: one that cannot be opened
       * (say, migrated by a newer build) is reported, never replaced. */
      if (count < 0)
        {
          g_printerr ("bench-search: cannot use %s: %s\n"
                      "  Pass --rebuild to generate it again, or --db for another file.\n",
                      path, error->message);
          exit (1);
        }
      if (count == firms)
        return TRUE;
      g_print ("Existing %s holds %" G_GINT64_FORMAT " firms, not %u: rebuilding\n", path, count, firms);
    }
  else
    g_print ("Existing %s is %s: rebuilding\n", path,
             rebuild ? "to be rebuilt (--rebuild)" : "from other settings");

  /* The trigram table first: it is only reused beside its database. */
  trigram = trigram_path (path);
  zs_bench_remove_database (trigram);
  zs_bench_remove_database (path);
  return FALSE;
}

static gboolean
build_database (const char *path,
                guint       firms,
                guint32     seed,
                guint       batch,
                GError    **error)
{
  g_autofree char *building = marker_text (firms, seed, FALSE);
  g_autofree char *complete = marker_text (firms, seed, TRUE);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ZsStore) store = NULL;
  Generator *gen;
  double start, last_report, elapsed;
  guint naan = 0;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "Could not create %s: %s", dir, g_strerror (errno));
      return FALSE;
    }
  /* The marker comes first, so that an interrupted build is recognised as
   * ours and replaced next time. */
  if (!zs_bench_marker_write (path, building, error))
    return FALSE;

  g_print ("Building %s: %u firms through zs_store_add_firm(), %u per transaction\n",
           path, firms, batch);
  start = last_report = zs_bench_now_s ();
  if (!(store = zs_store_create (path, error)))
    return FALSE;
  zs_store_set_actor (store, "bench-search");
  if (!zs_store_load_seed (store, error))
    return FALSE;

  gen = generator_new (seed);
  for (guint done = 0; done < firms;)
    {
      guint end = MIN (done + batch, firms);

      if (!zs_store_begin (store, error))
        goto fail;
      for (; done < end; done++)
        {
          g_autoptr(ZsFirm) firm = generate_firm (gen, done);

          if (strstr (zs_firm_get_name (firm), "馕") != NULL)
            naan++;
          if (zs_store_add_firm (store, firm, error) == 0)
            {
              g_prefix_error (error, "firm %u “%s” (%s): ", done, zs_firm_get_name (firm), zs_firm_get_uscc (firm));
              zs_store_rollback (store);
              goto fail;
            }
        }
      if (!zs_store_commit (store, error))
        goto fail;

      if (zs_bench_now_s () - last_report >= 30 || done == firms)
        {
          elapsed = zs_bench_now_s () - start;
          g_print ("  %8u firms  %7.1f s  %6.0f firms/s\n", done, elapsed, done / elapsed);
          last_report = zs_bench_now_s ();
        }
    }
  generator_free (gen);
  g_clear_object (&store);   /* closes the database, checkpointing the WAL */

  elapsed = zs_bench_now_s () - start;
  g_print ("Built %u firms in %.1f s (%.1f min), %.0f firms/s; %u names with 馕 (%.2f%%); %.0f MB\n",
           firms, elapsed, elapsed / 60, firms / elapsed, naan, 100.0 * naan / MAX (firms, 1),
           zs_bench_database_size (path) / 1e6);
  if (elapsed > 600 && firms >= 1000000)
    g_print ("NOTE: building through the store took longer than 10 minutes\n");
  return zs_bench_marker_write (path, complete, error);

fail:
  generator_free (gen);
  return FALSE;
}

/* The yardstick: FTS5's own trigram tokenizer over the same names and
 * business scopes, in a file of its own, written with plain SQL. */
static ZsSqlReference *
open_trigram (const char *db_path,
              guint       firms,
              GError    **error)
{
  g_autofree char *path = trigram_path (db_path);
  g_autofree char *quoted = _zs_sql_quote (db_path);
  g_autofree char *build = NULL;
  ZsSqlReference *ref = _zs_sql_reference_open (path, FALSE, error);
  double start;

  if (ref == NULL)
    return NULL;
  if (_zs_sql_reference_count (ref, "SELECT count(*) FROM raw_trigram") == firms)
    {
      g_print ("Reusing the trigram table in %s\n", path);
      return ref;
    }

  g_print ("Building raw_trigram in %s…\n", path);
  start = zs_bench_now_s ();
  build = g_strdup_printf ("DROP TABLE IF EXISTS raw_trigram;"
                           "CREATE VIRTUAL TABLE raw_trigram USING fts5(name, business_scope, tokenize='trigram');"
                           "ATTACH %s AS core;"
                           "BEGIN;"
                           "INSERT INTO raw_trigram (rowid, name, business_scope)"
                           "  SELECT id, name, business_scope FROM core.firms ORDER BY id;"
                           "COMMIT;"
                           "DETACH core;", quoted);
  if (!_zs_sql_reference_exec (ref, build, error))
    {
      _zs_sql_reference_close (ref);
      return NULL;
    }
  g_print ("Built raw_trigram in %.1f s; %.0f MB\n", zs_bench_now_s () - start,
           zs_bench_database_size (path) / 1e6);
  return ref;
}

/* ------------------------------------------------------------------------ */
/* Timing                                                                    */

typedef struct {
  ZsStore      *store;
  ZsSqlQuery   *stmt;      /* for the plain SQL operations */
  const char   *query;
  char         *match;     /* what the statement is bound to */
  gboolean      counting;  /* the statement returns a count, not rows */
  gint64        result;    /* rows, or the count */
} Call;

typedef gboolean (*Operation) (Call *call, GError **error);

static gboolean
op_core_list (Call *call, GError **error)
{
  g_autoptr(GPtrArray) firms = zs_store_list_firms (call->store, call->query, NULL, 0, PAGE_SIZE, error);

  call->result = firms != NULL ? (gint64) firms->len : -1;
  return firms != NULL;
}

static gboolean
op_core_count (Call *call, GError **error)
{
  call->result = zs_store_count_firms (call->store, call->query, NULL, error);
  return call->result >= 0;
}

static gboolean
op_statement (Call *call, GError **error)
{
  return _zs_sql_query_run (call->stmt, call->match, call->counting, &call->result, error);
}

typedef struct {
  guint  runs;
  double median;
  double p90;
  gint64 result;
} Timing;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  double rank = p * (n - 1);
  guint lo = (guint) rank;
  guint hi = MIN (lo + 1, n - 1);

  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/* One warm-up call, then @runs timed calls, fewer if they take longer than
 * @budget seconds in all (but at least 5). */
static gboolean
measure (Operation  op,
         Call      *call,
         guint      runs,
         double     budget,
         Timing    *timing,
         GError   **error)
{
  g_autofree double *ms = g_new (double, runs);
  double started;
  guint n = 0;

  if (!op (call, error))
    return FALSE;
  started = zs_bench_now_s ();
  while (n < runs)
    {
      double t0 = zs_bench_now_s ();

      if (!op (call, error))
        return FALSE;
      ms[n++] = (zs_bench_now_s () - t0) * 1000;
      if (n >= 5 && zs_bench_now_s () - started > budget)
        break;
    }
  qsort (ms, n, sizeof *ms, compare_double);
  timing->runs = n;
  timing->median = percentile (ms, n, 0.5);
  timing->p90 = percentile (ms, n, 0.9);
  timing->result = call->result;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Report                                                                    */

static void
print_padded (const char *text,
              int         width)
{
  int shown = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    shown += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  g_print ("%s%*s", text, MAX (width - shown, 0), "");
}

static void
print_row (const char   *query,
           const char   *matches,
           const char   *operation,
           const Timing *t,
           const char   *verdict)
{
  print_padded (query, 8);
  g_print ("%9s  ", matches);
  print_padded (operation, 26);
  g_print ("%5u %10.2f %10.2f  %s\n", t->runs, t->median, t->p90, verdict ? verdict : "");
}

static const char * const default_queries[] = {
  "华", "馕", "公",
  "华为", "科技",
  "进出口", "新能源", "馕食品",
  NULL
};

static const char *
frequency_label (gint64 matches,
                 guint  firms)
{
  double share = (double) matches / MAX (firms, 1);

  return share >= 0.5 ? "very frequent" : share >= 0.02 ? "frequent" : share >= 0.002 ? "medium" : "rare";
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ZsStore) store = NULL;
  g_auto(GStrv) queries = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *label = NULL;
  ZsSqlReference *raw = NULL;
  ZsSqlReference *fts = NULL;
  ZsSqlQuery *raw_list = NULL, *raw_count = NULL, *fts_list = NULL;
  gint firms = 1000000;
  gint runs = 200;
  gint batch = 10000;
  gint seed = DEFAULT_SEED;
  double budget = 30;
  gboolean rebuild = FALSE;
  gboolean build_only = FALSE;
  gboolean breakdown = TRUE;
  gboolean no_breakdown = FALSE;
  guint missed = 0, passed = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database to build or reuse (default: " BENCH_BUILD_DIR "/search-1m.db for 1M firms)", "PATH" },
    { "firms", 'n', 0, G_OPTION_ARG_INT, &firms, "Number of firms (default: 1000000)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs per query and operation (default: 200)", "N" },
    { "max-seconds", 0, 0, G_OPTION_ARG_DOUBLE, &budget, "Stop timing one operation after this long, once it has 5 runs (default: 30)", "S" },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch, "Firms per transaction while building (default: 10000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Generator seed", "N" },
    { "query", 'q', 0, G_OPTION_ARG_STRING_ARRAY, &queries, "Query to time, repeatable (default: 华 馕 公 华为 科技 进出口 新能源 馕食品)", "TEXT" },
    { "rebuild", 0, 0, G_OPTION_ARG_NONE, &rebuild, "Rebuild the database even if it could be reused", NULL },
    { "build-only", 0, 0, G_OPTION_ARG_NONE, &build_only, "Build or check the database, then stop", NULL },
    { "no-breakdown", 0, 0, G_OPTION_ARG_NONE, &no_breakdown, "Skip the diagnostic FTS-only timing of the core index", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— time firm search on a large generated database");
  g_option_context_set_summary (context,
                                "Builds (or reuses) a database of N generated firms through the core API, then\n"
                                "times zs_store_list_firms() (first page of 20) and zs_store_count_firms() for\n"
                                "1-, 2- and 3-character queries against a plain FTS5 trigram table.\n"
                                "Prints PASS/MISS per target; exits 0 whatever the figures.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-search: %s\n", error->message);
      return 2;
    }
  if (firms <= 0 || runs <= 0 || batch <= 0)
    {
      g_printerr ("bench-search: --firms, --runs and --batch must be positive\n");
      return 2;
    }
  breakdown = !no_breakdown;

  label = firms % 1000000 == 0 ? g_strdup_printf ("%dm", firms / 1000000)
        : firms % 1000 == 0 ? g_strdup_printf ("%dk", firms / 1000)
        : g_strdup_printf ("%d", firms);
  default_path = g_strdup_printf ("%s/search-%s.db", BENCH_BUILD_DIR, label);
  if (db_path == NULL)
    db_path = g_strdup (default_path);

  g_print ("bench-search: sqlite %s, %d firms, database %s\n", _zs_sql_version (), firms, db_path);

  if (can_reuse (db_path, firms, seed, rebuild))
    g_print ("Reusing %s (%d firms, %.0f MB)\n", db_path, firms, zs_bench_database_size (db_path) / 1e6);
  else if (!build_database (db_path, firms, seed, batch, &error))
    {
      g_printerr ("bench-search: %s\n", error->message);
      return 1;
    }
  if (build_only)
    return 0;

  if (!(store = zs_store_create (db_path, &error)) ||
      !(raw = open_trigram (db_path, firms, &error)))
    {
      g_printerr ("bench-search: %s\n", error->message);
      return 1;
    }
  if (!(raw_list = _zs_sql_query_new (raw, "SELECT rowid FROM raw_trigram WHERE raw_trigram MATCH ? "
                                       "ORDER BY rank LIMIT 20", &error)) ||
      !(raw_count = _zs_sql_query_new (raw, "SELECT count(*) FROM raw_trigram WHERE raw_trigram MATCH ?", &error)))
    {
      g_printerr ("bench-search: %s\n", error->message);
      return 1;
    }
  if (breakdown)
    {
      /* The core's own index, without the store around it: where the time
       * of a core query goes. */
      if (!(fts = _zs_sql_reference_open (db_path, TRUE, &error)) ||
          !_zs_sql_reference_use_search_tokenizer (fts, &error) ||
          !(fts_list = _zs_sql_query_new (fts, "SELECT rowid FROM firm_search WHERE firm_search MATCH ? "
                                          "ORDER BY rank LIMIT 20", &error)))
        {
          g_printerr ("bench-search: %s\n", error->message);
          return 1;
        }
    }

  g_print ("\nTiming: %d runs per row (fewer if one row takes over %.0f s), after one warm-up call; "
           "times in ms\n\n", runs, budget);
  print_padded ("query", 8);
  g_print ("%9s  ", "matches");
  print_padded ("operation", 26);
  g_print ("%5s %10s %10s  %s\n", "runs", "median", "p90", "target");
  g_print ("%s\n", "-------------------------------------------------------------------------------------------");

  for (guint i = 0; (queries ? (const char * const *) queries : default_queries)[i] != NULL; i++)
    {
      const char *query = (queries ? (const char * const *) queries : default_queries)[i];
      glong chars = g_utf8_strlen (query, -1);
      Call call = { store, NULL, query, NULL, FALSE, 0 };
      Timing list = { 0 }, count = { 0 }, t = { 0 };
      g_autofree char *matches = NULL;
      g_autofree char *verdict = NULL;
      g_autofree char *op_name = NULL;

      if (!measure (op_core_count, &call, runs, budget, &count, &error) ||
          !measure (op_core_list, &call, runs, budget, &list, &error))
        {
          g_printerr ("bench-search: “%s”: %s\n", query, error->message);
          return 1;
        }
      matches = g_strdup_printf ("%" G_GINT64_FORMAT, count.result);
      if (chars <= 2)
        {
          gboolean ok = list.median <= TARGET_SHORT_MS;
          verdict = g_strdup_printf ("≤%.0f ms: %s  (%s)", TARGET_SHORT_MS, ok ? "PASS" : "MISS",
                                     frequency_label (count.result, firms));
          ok ? passed++ : missed++;
        }
      op_name = g_strdup_printf ("core list (first %d)", PAGE_SIZE);
      print_row (query, matches, op_name, &list, verdict);
      g_clear_pointer (&verdict, g_free);
      if (chars <= 2)
        {
          gboolean ok = count.median <= TARGET_SHORT_MS;
          verdict = g_strdup_printf ("≤%.0f ms: %s", TARGET_SHORT_MS, ok ? "PASS" : "MISS");
          ok ? passed++ : missed++;
        }
      print_row ("", "", "core count", &count, verdict);
      g_clear_pointer (&verdict, g_free);

      if (breakdown)
        {
          call.stmt = fts_list;
          call.match = zs_search_build_match (query);
          if (!measure (op_statement, &call, runs, budget, &t, &error))
            {
              g_printerr ("bench-search: “%s”: %s\n", query, error->message);
              return 1;
            }
          print_row ("", "", "  firm_search only (diag.)", &t, NULL);
          g_clear_pointer (&call.match, g_free);
        }

      if (chars >= 3)
        {
          Timing raw_t = { 0 }, raw_c = { 0 };
          double ratio;
          char *quoted = g_strdup_printf ("\"%s\"", query);
          gboolean ok;

          call.match = quoted;
          call.stmt = raw_count;
          call.counting = TRUE;
          if (!measure (op_statement, &call, 1, budget, &raw_c, &error))
            goto query_failed;
          call.stmt = raw_list;
          call.counting = FALSE;
          if (!measure (op_statement, &call, runs, budget, &raw_t, &error))
            goto query_failed;
          ratio = list.median / raw_t.median;
          ok = ratio <= TARGET_RATIO;
          ok ? passed++ : missed++;
          g_free (matches);
          matches = g_strdup_printf ("%" G_GINT64_FORMAT, raw_c.result);
          verdict = g_strdup_printf ("core/raw %.2f× (≤%.0f×): %s", ratio, TARGET_RATIO, ok ? "PASS" : "MISS");
          print_row ("", matches, "raw trigram list (20)", &raw_t, verdict);
          g_free (quoted);
          call.match = NULL;
          continue;

query_failed:
          g_printerr ("bench-search: “%s” on raw_trigram: %s\n", query, error->message);
          return 1;
        }
    }

  g_print ("\n%u targets met, %u missed. Target: 1- and 2-character queries ≤ %.0f ms median; "
           "3-character core list ≤ %.0f× the raw trigram query.\n",
           passed, missed, TARGET_SHORT_MS, TARGET_RATIO);

  _zs_sql_query_free (raw_list);
  _zs_sql_query_free (raw_count);
  _zs_sql_query_free (fts_list);
  _zs_sql_reference_close (raw);
  _zs_sql_reference_close (fts);
  return 0;
}
