/* zs-chain-matcher.c: ranking the firms that could fill a link
 *
 * Built for a million firms. The candidates of a link are the firms in one
 * of its sectors (from the firm_sectors index) or with one of its keywords
 * in name or business scope (one `firm_search MATCH` over both columns),
 * plus those the user assigned to it, less rejected ones and firms already
 * settled in the park. They are kept as a compact array of ids and flags,
 * never as objects.
 *
 * The parts of a score that need the firm's row (size, partner region,
 * whether the keyword is in the name) are unknown at first, so every
 * candidate gets an upper bound assuming the best. Candidates are then read
 * in batches, best bound first, and scored exactly; reading stops once the
 * top N exact scores beat every remaining bound, so firms that fit the link
 * worse than the top N are never read. Firms that fit equally well differ
 * only by size and the like, so all of those are read: a batch of thousands
 * comes back as one text cell, not as a row of strings each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-chain-matcher.h"
#include "zs-chain-records.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "zs-chain-sql.h"
#include "zs-chain-text.h"

/* Registered capital (万元) that earns the full size component: 10 亿元.
 * log10 makes 100 万 → 0.4, 1000 万 → 0.6, 1 亿 → 0.8. */
#define FULL_SIZE_CAPITAL 100000.0
/* A contact counts fully today and not at all after a year. */
#define RECENCY_DAYS      365.0
#define FIRST_BATCH       256
#define MAX_BATCH         16384

enum {
  HIT_SECTOR   = 1 << 0,
  HIT_KEYWORD  = 1 << 1,
  HIT_ASSIGNED = 1 << 2,
};

typedef struct {
  gint64 firm_id;
  double bound;
  guint  flags;
} Candidate;

typedef struct {
  ZsChainLink *link;
  guint        adjacent;
  GArray      *candidates;   /* Candidate, best bound first */
  GPtrArray   *top;          /* ZsChainCandidate, best first */
  guint        wanted;
} Ranking;

struct _ZsChainMatcher
{
  GObject          parent_instance;

  ZsStore         *store;
  ZsChainCoverage *coverage;
  ZsChainSettings  settings;
  GHashTable      *days_since_contact;  /* gint64 * firm → int days */
  GHashTable      *referrers;           /* gint64 * firm → gint64 * settled referrer */
  GHashTable      *partners;            /* gint64 * firm → partner name */
  gboolean         partner_available;
  GDate            today;
};

G_DEFINE_FINAL_TYPE (ZsChainMatcher, zs_chain_matcher, G_TYPE_OBJECT)

static void
zs_chain_matcher_finalize (GObject *object)
{
  ZsChainMatcher *self = (ZsChainMatcher *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->coverage);
  g_hash_table_unref (self->days_since_contact);
  g_hash_table_unref (self->referrers);
  g_hash_table_unref (self->partners);

  G_OBJECT_CLASS (zs_chain_matcher_parent_class)->finalize (object);
}

static void
zs_chain_matcher_class_init (ZsChainMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zs_chain_matcher_finalize;
}

static void
zs_chain_matcher_init (ZsChainMatcher *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->days_since_contact = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->referrers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->partners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

static gint64 *
new_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* Dates are ISO 8601; only the day counts. */
static gboolean
days_since (ZsChainMatcher *self,
            const char     *date,
            int            *days)
{
  int year, month, day;
  GDate then;

  if (sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (&then, 1);
  g_date_set_dmy (&then, day, month, year);
  *days = g_date_days_between (&then, &self->today);
  return TRUE;
}

static gboolean
load_contacts (ZsChainMatcher  *self,
               GError         **error)
{
  g_autoptr(GPtrArray) rows =
    zs_chain_sql_query (self->store, "SELECT firm_id, max (date) FROM core_activities GROUP BY firm_id", NULL, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      int days;

      if (days_since (self, row[1], &days))
        g_hash_table_insert (self->days_since_contact, new_key (g_ascii_strtoll (row[0], NULL, 10)),
                             GINT_TO_POINTER (days));
    }
  return TRUE;
}

/* 以商招商: firms whose projects a firm settled here referred. */
static gboolean
load_referrers (ZsChainMatcher  *self,
                GError         **error)
{
  GArray *settled = zs_chain_coverage_get_settled_firms (self->coverage);
  g_autofree char *list = zs_chain_sql_id_list ((gint64 *) (gpointer) settled->data, settled->len);
  g_autoptr(GPtrArray) rows =
    zs_chain_sql_query (self->store,
                    "SELECT firm_id, min (referrer_firm_id) FROM core_projects "
                    "WHERE referrer_firm_id IN (SELECT value FROM json_each (?1)) GROUP BY firm_id",
                    (const char *[]) { list, NULL }, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_hash_table_insert (self->referrers, new_key (g_ascii_strtoll (row[0], NULL, 10)),
                           new_key (g_ascii_strtoll (row[1], NULL, 10)));
    }
  return TRUE;
}

/* Partner firms come from whichever plugin publishes a ZsPartnerProvider
 * (the flying-zone plugin); without one the partner component is 0 for
 * every firm, and said so. */
static gboolean
load_partners (ZsChainMatcher     *self,
               ZsPartnerProvider  *provider,
               GError            **error)
{
  g_autoptr(GPtrArray) firms = NULL;

  self->partner_available = provider != NULL;
  if (provider == NULL)
    return TRUE;
  if (!(firms = zs_partner_provider_list_partner_firms (provider, error)))
    return FALSE;
  for (guint i = 0; i < firms->len; i++)
    {
      ZsFirm *firm = g_ptr_array_index (firms, i);
      char *name = zs_partner_provider_get_partner_name (provider, firm);

      g_hash_table_replace (self->partners, new_key (zs_firm_get_id (firm)),
                            name != NULL ? name : g_strdup (zs_firm_get_name (firm)));
    }
  return TRUE;
}

/**
 * zs_chain_matcher_new:
 * @store: the store
 * @coverage: what is settled in the park the candidates are for
 * @settings: the weights
 * @partners: (nullable): where partner firms come from
 * @error: return location for a #GError
 *
 * Reads what all links share: last contacts, referrals by settled firms and
 * flying-zone partners.
 *
 * Returns: (transfer full): the matcher, or %NULL
 */
ZsChainMatcher *
zs_chain_matcher_new (ZsStore                *store,
                      ZsChainCoverage        *coverage,
                      const ZsChainSettings  *settings,
                      ZsPartnerProvider      *partners,
                      GError                **error)
{
  g_autoptr(ZsChainMatcher) self = g_object_new (ZS_TYPE_CHAIN_MATCHER, NULL);

  self->store = g_object_ref (store);
  self->coverage = g_object_ref (coverage);
  self->settings = *settings;
  if (!load_contacts (self, error) || !load_referrers (self, error) || !load_partners (self, partners, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * zs_chain_matcher_get_partner_available:
 *
 * Returns: whether flying-zone partners are known; without them the
 *   partner component is 0 for every firm
 */
gboolean
zs_chain_matcher_get_partner_available (ZsChainMatcher *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_MATCHER (self), FALSE);
  return self->partner_available;
}

/* ---- candidate ids -------------------------------------------------- */

static gboolean
sector_ids (ZsChainMatcher  *self,
            ZsChainLink     *link,
            GArray          *ids,
            GError         **error)
{
  g_autofree char *link_id = zs_chain_id_to_string (zs_chain_link_get_id (link));

  if (zs_chain_link_get_sectors (link)->len == 0)
    return TRUE;
  if (!zs_chain_sql_ids (self->store,
                         "SELECT group_concat (firm_id) FROM core_firm_sectors WHERE sector_code IN "
                         "(SELECT sector_code FROM industry_chain_link_sector WHERE link_id = ?1)",
                         (const char *[]) { link_id, NULL }, ids, error))
    return FALSE;
  zs_chain_ids_sort_unique (ids);
  return TRUE;
}

static gboolean
keyword_ids (ZsChainMatcher  *self,
             ZsChainLink     *link,
             GArray          *ids,
             GError         **error)
{
  static const char * const columns[] = { "name", "business_scope", NULL };
  g_autofree char *match = zs_chain_text_match_expression (columns, zs_chain_link_get_keywords (link));

  if (match == NULL)
    return TRUE;
  if (!zs_chain_sql_ids (self->store,
                         "SELECT group_concat (firm_id) FROM core_firm_search WHERE query MATCH ?1",
                         (const char *[]) { match, NULL }, ids, error))
    return FALSE;
  zs_chain_ids_sort_unique (ids);
  return TRUE;
}

static gboolean
decided_ids (ZsChainMatcher  *self,
             ZsChainLink     *link,
             GArray          *confirmed,
             GArray          *rejected,
             GError         **error)
{
  g_autofree char *link_id = zs_chain_id_to_string (zs_chain_link_get_id (link));
  g_autoptr(GPtrArray) found = zs_chain_records_list (self->store, ZS_CHAIN_ASSIGNMENT,
                                                      (const char *[]) { "link_id", link_id, NULL },
                                                      "firm_id", ZS_SORT_ASCENDING, 0, error);

  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      ZsRecord *decision = g_ptr_array_index (found, i);
      gint64 firm_id = zs_record_get_int64 (decision, "firm_id");

      g_array_append_val (g_str_equal (zs_record_get_string (decision, "status"), "confirmed") ? confirmed : rejected,
                          firm_id);
    }
  return TRUE;
}

static gint64
peek (GArray *ids,
      guint   at)
{
  return at < ids->len ? g_array_index (ids, gint64, at) : G_MAXINT64;
}

/* Advances past @id in a sorted list; returns whether it was there. */
static gboolean
take (GArray *ids,
      guint  *at,
      gint64  id)
{
  if (peek (ids, *at) != id)
    return FALSE;
  (*at)++;
  return TRUE;
}

/* Merges sorted id lists into candidates, dropping rejected firms and firms
 * already settled in the park. */
static GArray *
merge_candidates (ZsChainMatcher *self,
                  GArray         *sector,
                  GArray         *keyword,
                  GArray         *confirmed,
                  GArray         *rejected)
{
  GArray *candidates = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), MAX (sector->len, keyword->len));
  guint s = 0, k = 0, c = 0, r = 0;

  for (;;)
    {
      gint64 id = MIN (MIN (peek (sector, s), peek (keyword, k)), peek (confirmed, c));
      Candidate candidate = { id, 0, 0 };

      if (id == G_MAXINT64)
        break;
      if (take (sector, &s, id))
        candidate.flags |= HIT_SECTOR;
      if (take (keyword, &k, id))
        candidate.flags |= HIT_KEYWORD;
      if (take (confirmed, &c, id))
        candidate.flags |= HIT_ASSIGNED;
      while (peek (rejected, r) < id)
        r++;
      if (peek (rejected, r) != id && !zs_chain_coverage_is_settled_here (self->coverage, id))
        g_array_append_val (candidates, candidate);
    }
  return candidates;
}

static GArray *
collect_candidates (ZsChainMatcher  *self,
                    ZsChainLink     *link,
                    GError         **error)
{
  g_autoptr(GArray) sector = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) keyword = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) confirmed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) rejected = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!sector_ids (self, link, sector, error) ||
      !keyword_ids (self, link, keyword, error) ||
      !decided_ids (self, link, confirmed, rejected, error))
    return NULL;
  return merge_candidates (self, sector, keyword, confirmed, rejected);
}

/* ---- components ----------------------------------------------------- */

static double
size_value (double capital)
{
  return CLAMP (log10 (1 + MAX (capital, 0)) / log10 (1 + FULL_SIZE_CAPITAL), 0.0, 1.0);
}

static double
recency_value (ZsChainMatcher *self,
               gint64          firm_id,
               int            *days)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (self->days_since_contact, &firm_id, NULL, &value))
    return 0;
  *days = GPOINTER_TO_INT (value);
  /* A contact planned in the future is as good as one today. */
  return CLAMP (1.0 - MAX (*days, 0) / RECENCY_DAYS, 0.0, 1.0);
}

static double
ties_value (ZsChainMatcher *self,
            guint           adjacent,
            gint64          firm_id,
            gint64         *referrer)
{
  gint64 *found = g_hash_table_lookup (self->referrers, &firm_id);

  *referrer = found ? *found : 0;
  return (adjacent > 0 ? 0.5 : 0) + (found ? 0.5 : 0);
}

static const char *
match_partner (ZsChainMatcher *self,
               gint64          firm_id)
{
  return g_hash_table_lookup (self->partners, &firm_id);
}

static double
weighted (ZsChainMatcher *self,
          const double   *values)
{
  double sum = 0;

  for (guint i = 0; i < ZS_CHAIN_N_COMPONENTS; i++)
    sum += values[i] * self->settings.weights[i];
  return sum;
}

static double
bound_of (ZsChainMatcher *self,
          Ranking        *ranking,
          const Candidate *candidate)
{
  double values[ZS_CHAIN_N_COMPONENTS] = { 0 };
  gboolean assigned = candidate->flags & HIT_ASSIGNED;
  gint64 referrer;
  int days;

  values[ZS_CHAIN_COMPONENT_SECTOR] = assigned || (candidate->flags & HIT_SECTOR) ? 1 : 0;
  values[ZS_CHAIN_COMPONENT_KEYWORD] = assigned || (candidate->flags & HIT_KEYWORD) ? 1 : 0;
  values[ZS_CHAIN_COMPONENT_SIZE] = 1;
  values[ZS_CHAIN_COMPONENT_PARTNER] = self->partner_available ? 1 : 0;
  values[ZS_CHAIN_COMPONENT_TIES] = ties_value (self, ranking->adjacent, candidate->firm_id, &referrer);
  values[ZS_CHAIN_COMPONENT_RECENCY] = recency_value (self, candidate->firm_id, &days);
  return weighted (self, values);
}

static int
compare_bounds (gconstpointer a,
                gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->bound != y->bound)
    return x->bound > y->bound ? -1 : 1;
  return (x->firm_id > y->firm_id) - (x->firm_id < y->firm_id);
}

/* ---- exact scores --------------------------------------------------- */

/* Fills the values and score of @scored from the firm's row; no strings
 * are copied, since most firms read do not make the top list. */
static void
score_row (ZsChainMatcher   *self,
           Ranking          *ranking,
           const Candidate  *candidate,
           double            capital,
           const char       *region,
           const char       *name,
           ZsChainCandidate *scored)
{
  gboolean assigned = (candidate->flags & HIT_ASSIGNED) != 0;
  double *values = scored->values;

  scored->firm_id = candidate->firm_id;
  scored->registered_capital = capital;
  scored->assigned = assigned;
  scored->sector_hit = (candidate->flags & HIT_SECTOR) != 0;
  scored->keyword_hit = !(candidate->flags & HIT_KEYWORD) ? ZS_CHAIN_KEYWORD_NONE
                        : zs_chain_link_matches_text (ranking->link, name) ? ZS_CHAIN_KEYWORD_NAME
                        : ZS_CHAIN_KEYWORD_SCOPE;
  scored->adjacent_settled = ranking->adjacent;
  scored->days_since_contact = -1;

  values[ZS_CHAIN_COMPONENT_SECTOR] = assigned || scored->sector_hit ? 1 : 0;
  values[ZS_CHAIN_COMPONENT_KEYWORD] = assigned || scored->keyword_hit == ZS_CHAIN_KEYWORD_NAME ? 1
                                       : scored->keyword_hit == ZS_CHAIN_KEYWORD_SCOPE ? 0.5 : 0;
  values[ZS_CHAIN_COMPONENT_SIZE] = size_value (capital);
  values[ZS_CHAIN_COMPONENT_PARTNER] = match_partner (self, candidate->firm_id) != NULL ? 1 : 0;
  values[ZS_CHAIN_COMPONENT_TIES] = ties_value (self, ranking->adjacent, candidate->firm_id,
                                                &scored->referrer_firm_id);
  values[ZS_CHAIN_COMPONENT_RECENCY] = recency_value (self, candidate->firm_id, &scored->days_since_contact);
  zs_chain_candidate_sum (scored, &self->settings);
}

/* Keeps @scored if it makes the top list, which stays sorted, best first. */
static void
offer (ZsChainMatcher         *self,
       Ranking                *ranking,
       const ZsChainCandidate *scored,
       const char             *region,
       const char             *name)
{
  GPtrArray *top = ranking->top;
  ZsChainCandidate *kept;
  guint at = top->len;

  while (at > 0 && zs_chain_candidate_compare (scored, g_ptr_array_index (top, at - 1)) < 0)
    at--;
  if (at >= ranking->wanted)
    return;
  kept = g_memdup2 (scored, sizeof *scored);
  kept->name = g_strdup (name);
  kept->region_code = g_strdup (region);
  kept->partner_region = g_strdup (match_partner (self, scored->firm_id));
  g_ptr_array_insert (top, at, kept);
  if (top->len > ranking->wanted)
    g_ptr_array_set_size (top, ranking->wanted);
}

/* One record of score_batch()'s query: id, capital, region and name,
 * separated by U+001F. Names are the last field, so they may hold anything
 * but the record separator. */
static void
read_record (ZsChainMatcher *self,
             Ranking        *ranking,
             GHashTable     *by_id,
             char           *record)
{
  char *fields[4] = { record, NULL, NULL, NULL };
  ZsChainCandidate scored = { 0 };
  Candidate *candidate;
  gint64 firm_id;

  for (guint i = 1; i < 4; i++)
    {
      char *separator = fields[i - 1] ? strchr (fields[i - 1], '\x1f') : NULL;

      if (separator == NULL)
        return;
      *separator = '\0';
      fields[i] = separator + 1;
    }
  firm_id = g_ascii_strtoll (fields[0], NULL, 10);
  if (!(candidate = g_hash_table_lookup (by_id, &firm_id)))
    return;
  score_row (self, ranking, candidate, g_ascii_strtod (fields[1], NULL), fields[2], fields[3], &scored);
  offer (self, ranking, &scored, fields[2], fields[3]);
}

/* Reads the rows of candidates [from, to) as one text cell, so a batch of
 * thousands of firms costs one allocation, not one per row and column. */
static gboolean
score_batch (ZsChainMatcher  *self,
             Ranking         *ranking,
             guint            from,
             guint            to,
             GError         **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), to - from);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *list = NULL;
  g_autofree char *rows = NULL;
  char *record, *next;

  for (guint i = from; i < to; i++)
    {
      Candidate *candidate = &g_array_index (ranking->candidates, Candidate, i);

      g_array_append_val (ids, candidate->firm_id);
      g_hash_table_insert (by_id, &candidate->firm_id, candidate);
    }
  list = zs_chain_sql_id_list ((gint64 *) (gpointer) ids->data, ids->len);
  rows = zs_chain_sql_scalar (self->store,
                              "SELECT group_concat (id || char (31) || registered_capital || char (31) || "
                              "  coalesce (region_code, '') || char (31) || name, char (30)) "
                              "FROM core_firms WHERE id IN (SELECT value FROM json_each (?1))",
                              (const char *[]) { list, NULL }, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (record = rows; record != NULL && *record != '\0'; record = next)
    {
      next = strchr (record, '\x1e');
      if (next != NULL)
        *next++ = '\0';
      read_record (self, ranking, by_id, record);
    }
  return TRUE;
}

/* Whether no candidate from @next on can enter the top list. */
static gboolean
top_is_final (Ranking *ranking,
              guint    next)
{
  const Candidate *candidate;
  const ZsChainCandidate *worst;

  if (next >= ranking->candidates->len)
    return TRUE;
  if (ranking->top->len < ranking->wanted)
    return FALSE;
  candidate = &g_array_index (ranking->candidates, Candidate, next);
  worst = g_ptr_array_index (ranking->top, ranking->wanted - 1);
  return candidate->bound < worst->score ||
         (candidate->bound == worst->score && candidate->firm_id > worst->firm_id);
}

static gboolean
rank_candidates (ZsChainMatcher  *self,
                 Ranking         *ranking,
                 GError         **error)
{
  guint next = 0, batch = MAX (FIRST_BATCH, ranking->wanted);

  for (guint i = 0; i < ranking->candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (ranking->candidates, Candidate, i);
      candidate->bound = bound_of (self, ranking, candidate);
    }
  g_array_sort (ranking->candidates, compare_bounds);

  while (!top_is_final (ranking, next))
    {
      guint end = MIN (next + batch, ranking->candidates->len);

      if (!score_batch (self, ranking, next, end, error))
        return FALSE;
      next = end;
      batch = MIN (batch * 2, MAX_BATCH);
    }
  return TRUE;
}

/**
 * zs_chain_matcher_rank:
 * @self: a #ZsChainMatcher
 * @link: the link to fill
 * @top: how many candidates to return
 * @n_candidates: (out) (optional): how many firms were candidates in all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ZsChainCandidate): the best
 *   candidates, best first, or %NULL
 */
GPtrArray *
zs_chain_matcher_rank (ZsChainMatcher  *self,
                       ZsChainLink     *link,
                       guint            top,
                       guint           *n_candidates,
                       GError         **error)
{
  g_autoptr(GPtrArray) best = g_ptr_array_new_with_free_func ((GDestroyNotify) zs_chain_candidate_free);
  g_autoptr(GArray) candidates = NULL;
  Ranking ranking = { link, 0, NULL, best, top };

  g_return_val_if_fail (ZS_IS_CHAIN_MATCHER (self), NULL);

  if (!(candidates = collect_candidates (self, link, error)))
    return NULL;
  ranking.candidates = candidates;
  ranking.adjacent = zs_chain_coverage_count_adjacent (self->coverage, link);
  if (top > 0 && !rank_candidates (self, &ranking, error))
    return NULL;
  if (n_candidates != NULL)
    *n_candidates = candidates->len;
  return g_steal_pointer (&best);
}
