/* test-search.c: the CJK tokenizer and firm search */
#include "zs-test-util.h"
#include "zs-store-raw-private.h"
#include "zs-search-private.h"

static char *
tokens_of (const char *text,
           gboolean    for_query)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (zs_search_tokenize (text, for_query, tokens));
  g_ptr_array_add (tokens, NULL);
  return g_strjoinv ("|", (char **) tokens->pdata);
}

static void
test_tokenizer (void)
{
  g_autofree char *doc = tokens_of ("华为技术 Huawei-Tech，９１", FALSE);
  g_autofree char *query = tokens_of ("华为技术", TRUE);
  g_autofree char *single = tokens_of ("馕", TRUE);

  g_autofree char *mixed = tokens_of ("ABC霍尔果斯x2 ・カナ한글\xff馕", FALSE);
  g_autofree char *ends_in_word = tokens_of ("馕坊Ｎａｎ", FALSE);

  g_assert_cmpstr (doc, ==, "华|+华为|为|+为技|技|+技术|术|huawei|tech|91");
  /* Words end runs of ideographs and the other way round; an invalid
   * byte separates like a space. */
  g_assert_cmpstr (mixed, ==, "abc|霍|+霍尔|尔|+尔果|果|+果斯|斯|x2|カ|+カナ|ナ|+ナ한|한|+한글|글|馕");
  g_assert_cmpstr (ends_in_word, ==, "馕|+馕坊|坊|nan");
  g_assert_cmpstr (query, ==, "华为|为技|技术");
  g_assert_cmpstr (single, ==, "馕");
}

static void
test_match_expression (void)
{
  g_autofree char *simple = zs_search_build_match ("华为");
  g_autofree char *terms = zs_search_build_match ("馕　9144 \"x");
  g_autofree char *nothing = zs_search_build_match (" ，。 ");

  g_assert_cmpstr (simple, ==, "\"华为\"");
  g_assert_cmpstr (terms, ==, "\"馕\" \"9144\"* \"\"\"x\"*");
  g_assert_null (nothing);
}

typedef struct {
  StoreFixture base;
  gint64 huawei, huaxia, nang, nev, bakery;
} SearchFixture;

static void
search_setup (SearchFixture *fixture,
              gconstpointer  data)
{
  g_autoptr(ZsContact) contact = zs_contact_new ();
  g_autoptr(GError) error = NULL;

  store_fixture_setup (&fixture->base, data);
  fixture->huawei = add_firm (fixture->base.store, "华为技术有限公司", "通信设备的研发、生产");
  fixture->huaxia = add_firm (fixture->base.store, "北京华夏为民科技有限公司", "软件开发");
  fixture->nang = add_firm (fixture->base.store, "霍尔果斯金麦馕食品有限公司", "食品生产");
  fixture->nev = add_firm (fixture->base.store, "伊宁市新能源汽车有限公司", "新能源汽车整车制造");
  fixture->bakery = add_firm (fixture->base.store, "伊犁烘焙有限公司", "馕、糕点的制作与销售");

  zs_contact_set_firm_id (contact, fixture->huaxia);
  zs_contact_set_name (contact, "阿依古丽");
  zs_store_add_contact (fixture->base.store, contact, &error);
  g_assert_no_error (error);
}

static void
search_teardown (SearchFixture *fixture,
                 gconstpointer  data)
{
  store_fixture_teardown (&fixture->base, data);
}

static GArray *
search_ids (ZsStore    *store,
            const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) firms = zs_store_list_firms (store, query, NULL, 0, 0, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  for (guint i = 0; i < firms->len; i++)
    {
      gint64 id = zs_firm_get_id (g_ptr_array_index (firms, i));
      g_array_append_val (ids, id);
    }
  g_assert_cmpint (zs_store_count_firms (store, query, NULL, &error), ==, ids->len);
  return ids;
}

#define assert_ids(store, query, ...) G_STMT_START {                      \
    gint64 expected[] = { __VA_ARGS__ };                                  \
    g_autoptr(GArray) got = search_ids (store, query);                    \
    g_assert_cmpmem (got->data, got->len * sizeof (gint64),               \
                     expected, sizeof expected);                          \
  } G_STMT_END

static void
assert_no_ids (ZsStore    *store,
               const char *query)
{
  g_autoptr(GArray) found = search_ids (store, query);

  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_short_chinese_queries (SearchFixture *fixture,
                            gconstpointer  data)
{
  ZsStore *store = fixture->base.store;

  /* 华为 must not match 华夏为民, which has both characters apart. */
  assert_ids (store, "华为", fixture->huawei);
  /* One character: name matches rank above business-scope matches. */
  assert_ids (store, "馕", fixture->nang, fixture->bakery);
  assert_ids (store, "新能源", fixture->nev);
  assert_ids (store, "能源汽车整", fixture->nev);
  assert_ids (store, "阿依古丽", fixture->huaxia);
  assert_ids (store, "古", fixture->huaxia);
  /* A character that ends every name, and one that ends a scope. */
  g_assert_cmpint (zs_store_count_firms (store, "司", NULL, NULL), ==, 5);
  assert_ids (store, "售", fixture->bakery);
}

static void
test_other_scripts_and_codes (SearchFixture *fixture,
                              gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(ZsFirm) firm = zs_store_get_firm (store, fixture->nev, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) by_code = NULL;

  zs_firm_set_name_other (firm, "Yining New Energy Vehicles");
  zs_store_update_firm (store, firm, &error);
  g_assert_no_error (error);

  assert_ids (store, "yining", fixture->nev);
  assert_ids (store, "ENERG", fixture->nev);
  by_code = search_ids (store, zs_firm_get_uscc (firm));
  g_assert_cmpuint (by_code->len, ==, 1);
  g_clear_pointer (&by_code, g_array_unref);
  by_code = search_ids (store, "，。");
  g_assert_cmpuint (by_code->len, ==, 0);
}

/* A credit code is found from any part of it, as a user copies the tail
 * or the middle off a licence; other words still match from their start. */
static void
test_code_fragments (SearchFixture *fixture,
                     gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(ZsFirm) firm = zs_store_get_firm (store, fixture->nang, NULL);
  const char first17[] = "91654004MAFFLDWD8";
  g_autofree char *uscc = g_strdup_printf ("%s%c", first17, zs_uscc_check_character (first17));
  g_autofree char *tail = g_ascii_strdown (uscc + 11, -1);
  const char *middle = "MAFFLDWD8";
  const char *with_name = "金麦 FFLDWD";
  g_autoptr(GError) error = NULL;

  zs_firm_set_uscc (firm, uscc);
  zs_store_update_firm (store, firm, &error);
  g_assert_no_error (error);

  assert_ids (store, middle, fixture->nang);
  assert_ids (store, tail, fixture->nang);
  assert_ids (store, with_name, fixture->nang);
  assert_no_ids (store, "nergy");
  assert_no_ids (store, "ZZZZ9999");
}

static void
test_index_follows_edits (SearchFixture *fixture,
                          gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(ZsFirm) firm = zs_store_get_firm (store, fixture->huawei, NULL);
  g_autoptr(GError) error = NULL;

  zs_firm_set_name (firm, "霍尔果斯丝路通信有限公司");
  zs_store_update_firm (store, firm, &error);
  g_assert_no_error (error);
  assert_no_ids (store, "华为");
  assert_ids (store, "丝路", fixture->huawei);

  zs_store_delete_firm (store, fixture->huawei, &error);
  g_assert_no_error (error);
  assert_no_ids (store, "通信");
}


static void
assert_index_exact (ZsStore *store)
{
  g_autoptr(GError) error = NULL;

  zs_store_check (store, &error);
  g_assert_no_error (error);
}

static gint64
add_contact (ZsStore    *store,
             gint64      firm_id,
             const char *name)
{
  g_autoptr(ZsContact) contact = zs_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_contact_set_firm_id (contact, firm_id);
  zs_contact_set_name (contact, name);
  id = zs_store_add_contact (store, contact, &error);
  g_assert_no_error (error);
  return id;
}

/* The index keeps no copy of the text, so every write must take out
 * exactly the terms it put in: zs_store_check() compares it with an index
 * built afresh after each kind of write. */
static void
test_index_stays_exact (SearchFixture *fixture,
                        gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsContact) contact = NULL;
  g_autoptr(ZsFirm) firm = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 contact_id;

  assert_index_exact (store);
  contact_id = add_contact (store, fixture->nang, "买买提");
  add_contact (store, fixture->nang, "古丽");
  assert_index_exact (store);
  assert_ids (store, "买买提", fixture->nang);

  /* A contact who moves takes the name from one firm to the other. */
  contact = zs_store_get_contact (store, contact_id, &error);
  g_assert_no_error (error);
  zs_contact_set_firm_id (contact, fixture->bakery);
  zs_store_update_contact (store, contact, &error);
  g_assert_no_error (error);
  assert_index_exact (store);
  assert_ids (store, "买买提", fixture->bakery);

  zs_store_delete_contact (store, contact_id, &error);
  g_assert_no_error (error);
  assert_index_exact (store);

  /* Several writes in one transaction, one of them undone. */
  g_assert_true (zs_store_begin (store, &error));
  firm = zs_store_get_firm (store, fixture->nev, &error);
  zs_firm_set_name (firm, "伊宁市丝路电动汽车有限公司");
  zs_store_update_firm (store, firm, &error);
  g_assert_no_error (error);
  add_contact (store, fixture->nev, "阿不都");
  zs_firm_set_business_scope (firm, "电动汽车整车制造");
  zs_store_update_firm (store, firm, &error);
  g_assert_no_error (error);
  g_assert_true (zs_store_commit (store, &error));
  assert_index_exact (store);
  assert_ids (store, "电动", fixture->nev);

  g_assert_true (zs_store_begin (store, &error));
  zs_store_delete_firm (store, fixture->huawei, &error);
  g_assert_no_error (error);
  zs_store_rollback (store);
  assert_index_exact (store);
  assert_ids (store, "华为", fixture->huawei);

  /* A firm deleted with its contacts, then restored. */
  zs_store_delete_firm (store, fixture->nang, &error);
  g_assert_no_error (error);
  assert_index_exact (store);
  changes = zs_store_list_changes (store, "firm", fixture->nang, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  zs_store_revert_change (store, zs_change_get_id (g_ptr_array_index (changes, 0)), &error);
  g_assert_no_error (error);
  assert_index_exact (store);
  assert_ids (store, "金麦", fixture->nang);
}

/* A write that fails after the firm's indexed values were read must not
 * leave them behind: the next write would remove terms the index no
 * longer holds. Here the firm's delete fails on a plugin's reference
 * after its contact was removed, and everything is rolled back. */
static void
test_failed_write_forgets (SearchFixture *fixture,
                           gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->nang);
  gint64 contact_id = add_contact (store, fixture->nang, "买买提江");

  _zs_store_execute (store, "CREATE TABLE notes (firm_id INTEGER REFERENCES firms (id))", NULL, &error);
  g_assert_no_error (error);
  _zs_store_execute (store, "INSERT INTO notes VALUES (?)", (const char *[]) { id, NULL }, &error);
  g_assert_no_error (error);
  g_assert_false (zs_store_delete_firm (store, fixture->nang, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_index_exact (store);

  zs_store_delete_contact (store, contact_id, &error);
  g_assert_no_error (error);
  assert_index_exact (store);
  assert_no_ids (store, "买买提江");
}

/* The same when the write fails because another program holds the
 * database, and renames the firm before this store writes it again. */
static void
test_other_connection (SearchFixture *fixture,
                       gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) other = zs_store_new (fixture->base.path, &error);
  g_autoptr(ZsFirm) firm = zs_store_get_firm (store, fixture->nev, &error);
  g_autoptr(ZsFirm) theirs = NULL;

  g_assert_no_error (error);
  _zs_store_execute (store, "PRAGMA busy_timeout = 0", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (zs_store_begin (other, &error));
  zs_firm_set_name (firm, "伊宁市甲乙丙丁有限公司");
  g_assert_false (zs_store_update_firm (store, firm, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_BUSY);
  g_clear_error (&error);
  zs_store_rollback (other);

  theirs = zs_store_get_firm (other, fixture->nev, &error);
  zs_firm_set_name (theirs, "伊宁市戊己庚辛有限公司");
  g_assert_true (zs_store_update_firm (other, theirs, &error));
  g_assert_no_error (error);

  g_clear_object (&firm);
  firm = zs_store_get_firm (store, fixture->nev, &error);
  zs_firm_set_name (firm, "伊宁市壬癸子丑有限公司");
  g_assert_true (zs_store_update_firm (store, firm, &error));
  g_assert_no_error (error);
  assert_index_exact (store);
  assert_no_ids (store, "戊己庚辛");
  assert_ids (store, "壬癸", fixture->nev);
}

/* Firms written with SQL behind the store's back are found again once the
 * index is rebuilt. */
static void
test_rebuild_repairs (SearchFixture *fixture,
                      gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->nang);
  const char *params[] = { id, NULL };
  g_autofree char *settings = NULL;

  _zs_store_execute (store, "UPDATE firms SET name = '喀什疏附县小刀有限公司' WHERE id = ?", params, &error);
  g_assert_no_error (error);
  g_assert_false (zs_store_check (store, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_DAMAGED);
  g_clear_error (&error);

  g_assert_true (zs_store_rebuild_search_index (store, &error));
  g_assert_no_error (error);
  assert_index_exact (store);
  assert_ids (store, "小刀", fixture->nang);
  /* The rebuild's FTS5 settings for many rows are not left behind. */
  settings = query_value (store, "SELECT group_concat (k || '=' || v, ' ') FROM "
                          "(SELECT k, v FROM firm_search_config WHERE k IN ('automerge', 'hashsize') ORDER BY k)");
  g_assert_cmpstr (settings, ==, "automerge=4 hashsize=1048576");
}

static void
test_paging (SearchFixture *fixture,
             gconstpointer  data)
{
  ZsStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = zs_store_list_firms (store, "有限公司", NULL, 0, 0, &error);
  g_autoptr(GPtrArray) page = zs_store_list_firms (store, "有限公司", NULL, 2, 2, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_true (g_ptr_array_index (page, 0) != NULL);
  g_assert_cmpint (zs_firm_get_id (g_ptr_array_index (page, 0)), ==,
                   zs_firm_get_id (g_ptr_array_index (all, 2)));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/search/tokenizer", test_tokenizer);
  g_test_add_func ("/search/match-expression", test_match_expression);
  g_test_add ("/search/short-chinese-queries", SearchFixture, NULL,
              search_setup, test_short_chinese_queries, search_teardown);
  g_test_add ("/search/other-scripts-and-codes", SearchFixture, NULL,
              search_setup, test_other_scripts_and_codes, search_teardown);
  g_test_add ("/search/code-fragments", SearchFixture, NULL,
              search_setup, test_code_fragments, search_teardown);
  g_test_add ("/search/index-follows-edits", SearchFixture, NULL,
              search_setup, test_index_follows_edits, search_teardown);
  g_test_add ("/search/index-stays-exact", SearchFixture, NULL,
              search_setup, test_index_stays_exact, search_teardown);
  g_test_add ("/search/failed-write-forgets", SearchFixture, NULL,
              search_setup, test_failed_write_forgets, search_teardown);
  g_test_add ("/search/other-connection", SearchFixture, NULL,
              search_setup, test_other_connection, search_teardown);
  g_test_add ("/search/rebuild-repairs", SearchFixture, NULL,
              search_setup, test_rebuild_repairs, search_teardown);
  g_test_add ("/search/paging", SearchFixture, NULL,
              search_setup, test_paging, search_teardown);
  return g_test_run ();
}
