/* zs-chain-coverage.c: which links of the chains a park has filled
 *
 * Only firms with projects in the park are looked at: settled ones (signed
 * up to in production, zs_stage_is_settled()) and those in the pipeline
 * (lead up to negotiating). They are few even on a large database, so
 * their names and scopes are read and matched in C.
 *
 * A project sits at the link recorded for it (by `chain lead`); otherwise at
 * every link its firm sits at: links the user assigned it to, and links
 * inferred from sectors and keywords with at least the minimum confidence,
 * except links the user rejected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-chain-coverage.h"

#include <inttypes.h>

#include "zs-chain-evidence.h"
#include "zs-chain-sql.h"

typedef struct {
  gint64   id;
  gint64   firm_id;
  gint64   link_id;   /* recorded by `chain lead`, or 0 */
  gboolean settled;
} Project;

typedef struct {
  GArray *settled;    /* firm ids, sorted, distinct */
  guint   pipeline;   /* projects */
} LinkCoverage;

struct _ZsChainCoverage
{
  GObject          parent_instance;

  char            *park;
  ZsChainCatalog  *catalog;
  ZsChainSettings  settings;
  GHashTable      *links;          /* gint64 * link id → LinkCoverage */
  GHashTable      *settled_firms;  /* gint64 * set */
  GArray          *settled_list;   /* the same, sorted */
  GHashTable      *facts;          /* gint64 * firm id → ZsChainFirmFacts */
  GHashTable      *decisions;      /* "firm:link" → "confirmed" | "rejected" */
  GHashTable      *project_sectors;  /* gint64 * project id → GPtrArray of codes */
};

G_DEFINE_FINAL_TYPE (ZsChainCoverage, zs_chain_coverage, G_TYPE_OBJECT)

static void
link_coverage_free (gpointer data)
{
  LinkCoverage *coverage = data;

  g_array_unref (coverage->settled);
  g_free (coverage);
}

static void
zs_chain_coverage_finalize (GObject *object)
{
  ZsChainCoverage *self = (ZsChainCoverage *) object;

  g_free (self->park);
  g_clear_object (&self->catalog);
  g_hash_table_unref (self->links);
  g_hash_table_unref (self->settled_firms);
  g_array_unref (self->settled_list);
  g_clear_pointer (&self->facts, g_hash_table_unref);
  g_hash_table_unref (self->decisions);
  g_hash_table_unref (self->project_sectors);

  G_OBJECT_CLASS (zs_chain_coverage_parent_class)->finalize (object);
}

static void
zs_chain_coverage_class_init (ZsChainCoverageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zs_chain_coverage_finalize;
}

static void
zs_chain_coverage_init (ZsChainCoverage *self)
{
  self->links = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, link_coverage_free);
  self->settled_firms = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->settled_list = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->project_sectors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);
}

static LinkCoverage *
link_coverage (ZsChainCoverage *self,
               gint64           link_id)
{
  LinkCoverage *coverage = g_hash_table_lookup (self->links, &link_id);

  if (coverage == NULL)
    {
      coverage = g_new0 (LinkCoverage, 1);
      coverage->settled = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->links, g_memdup2 (&link_id, sizeof link_id), coverage);
    }
  return coverage;
}

static gboolean
parse_settled (const char *nick,
               gboolean   *settled)
{
  int stage;

  if (!zs_enum_from_nick (ZS_TYPE_STAGE, "stage", nick, &stage, NULL))
    return FALSE;
  *settled = zs_stage_is_settled (stage);
  return TRUE;
}

static GArray *
load_projects (ZsStore     *store,
               const char  *park,
               GError     **error)
{
  g_autoptr(GArray) projects = g_array_new (FALSE, FALSE, sizeof (Project));
  g_autoptr(GPtrArray) rows =
    zs_chain_sql_query (store,
                    "WITH RECURSIVE scope (code) AS ("
                    "  SELECT code FROM core_parks WHERE code = ?1"
                    "  UNION SELECT p.code FROM core_parks p JOIN scope s ON p.parent_code = s.code) "
                    "SELECT p.id, p.firm_id, p.stage, coalesce (l.link_id, 0) "
                    "FROM core_projects p LEFT JOIN industry_chain_project_link l ON l.project_id = p.id "
                    "WHERE p.stage NOT IN ('dormant', 'lost') "
                    "  AND (?1 = '' OR p.park_code IN (SELECT code FROM scope)) "
                    "ORDER BY p.id",
                    (const char *[]) { park ? park : "", NULL }, error);

  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      Project project = {
        g_ascii_strtoll (row[0], NULL, 10), g_ascii_strtoll (row[1], NULL, 10),
        g_ascii_strtoll (row[3], NULL, 10), FALSE,
      };

      if (parse_settled (row[2], &project.settled))
        g_array_append_val (projects, project);
    }
  return g_steal_pointer (&projects);
}

static GArray *
distinct_firms (GArray *projects)
{
  GArray *firms = g_array_sized_new (FALSE, FALSE, sizeof (gint64), projects->len);

  for (guint i = 0; i < projects->len; i++)
    g_array_append_val (firms, g_array_index (projects, Project, i).firm_id);
  zs_chain_ids_sort_unique (firms);
  return firms;
}

static char *
decision_key (gint64 firm_id,
              gint64 link_id)
{
  return g_strdup_printf ("%" PRId64 ":%" PRId64, firm_id, link_id);
}

static gboolean
load_decisions (ZsChainCoverage  *self,
                ZsStore          *store,
                GArray           *firms,
                GError          **error)
{
  g_autofree char *list = zs_chain_sql_id_list ((gint64 *) (gpointer) firms->data, firms->len);
  g_autoptr(GPtrArray) rows =
    zs_chain_sql_query (store,
                    "SELECT firm_id, link_id, status FROM industry_chain_assignment "
                    "WHERE firm_id IN (SELECT value FROM json_each (?1))",
                    (const char *[]) { list, NULL }, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_hash_table_insert (self->decisions,
                           decision_key (g_ascii_strtoll (row[0], NULL, 10), g_ascii_strtoll (row[1], NULL, 10)),
                           g_strdup (row[2]));
    }
  return TRUE;
}

static gboolean
load_project_sectors (ZsChainCoverage  *self,
                      ZsStore          *store,
                      GArray           *projects,
                      GError          **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), projects->len);
  g_autofree char *list = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < projects->len; i++)
    g_array_append_val (ids, g_array_index (projects, Project, i).id);
  list = zs_chain_sql_id_list ((gint64 *) (gpointer) ids->data, ids->len);
  rows = zs_chain_sql_query (store,
                         "SELECT project_id, sector_code FROM core_project_sectors "
                         "WHERE project_id IN (SELECT value FROM json_each (?1))",
                         (const char *[]) { list, NULL }, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      gint64 project_id = g_ascii_strtoll (row[0], NULL, 10);
      GPtrArray *codes = g_hash_table_lookup (self->project_sectors, &project_id);

      if (codes == NULL)
        {
          codes = g_ptr_array_new_null_terminated (2, g_free, TRUE);
          g_hash_table_insert (self->project_sectors, g_memdup2 (&project_id, sizeof project_id), codes);
        }
      g_ptr_array_add (codes, g_strdup (row[1]));
    }
  return TRUE;
}

static const char *
decision (ZsChainCoverage *self,
          gint64           firm_id,
          gint64           link_id)
{
  g_autofree char *key = decision_key (firm_id, link_id);

  return g_hash_table_lookup (self->decisions, key);
}

/* Whether a project without a recorded link sits at @link. */
static gboolean
project_at_link (ZsChainCoverage *self,
                 const Project   *project,
                 ZsChainLink     *link)
{
  const char *status = decision (self, project->firm_id, zs_chain_link_get_id (link));
  ZsChainFirmFacts *facts = g_hash_table_lookup (self->facts, &project->firm_id);
  GPtrArray *sectors = g_hash_table_lookup (self->project_sectors, &project->id);
  ZsChainEvidence evidence;

  if (status != NULL)
    return g_str_equal (status, "confirmed");
  if (facts == NULL)
    return FALSE;
  evidence = zs_chain_evidence_find (link, facts, sectors ? (const char * const *) sectors->pdata : NULL);
  return zs_chain_evidence_confidence (evidence) >= self->settings.min_confidence;
}

static void
count_project (ZsChainCoverage *self,
               const Project   *project,
               gint64           link_id)
{
  LinkCoverage *coverage = link_coverage (self, link_id);

  if (project->settled)
    g_array_append_val (coverage->settled, project->firm_id);
  else
    coverage->pipeline++;
}

static void
place_project (ZsChainCoverage *self,
               const Project   *project)
{
  GPtrArray *links = zs_chain_catalog_get_links (self->catalog);

  if (project->settled && !g_hash_table_contains (self->settled_firms, &project->firm_id))
    {
      g_hash_table_add (self->settled_firms, g_memdup2 (&project->firm_id, sizeof (gint64)));
      g_array_append_val (self->settled_list, project->firm_id);
    }
  if (project->link_id != 0)
    {
      count_project (self, project, project->link_id);
      return;
    }
  for (guint i = 0; i < links->len; i++)
    if (project_at_link (self, project, g_ptr_array_index (links, i)))
      count_project (self, project, zs_chain_link_get_id (g_ptr_array_index (links, i)));
}

static void
finish (ZsChainCoverage *self)
{
  GHashTableIter iter;
  LinkCoverage *coverage;

  g_hash_table_iter_init (&iter, self->links);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &coverage))
    zs_chain_ids_sort_unique (coverage->settled);
  zs_chain_ids_sort_unique (self->settled_list);
}

/**
 * zs_chain_coverage_compute:
 * @store: the store
 * @catalog: the chains
 * @park_code: (nullable): a park, which includes the parks and sites under
 *   it; %NULL for all of 两霍两伊
 * @settings: thresholds
 * @error: return location for a #GError
 *
 * Returns: (transfer full): settled firms and pipeline projects per link
 */
ZsChainCoverage *
zs_chain_coverage_compute (ZsStore               *store,
                           ZsChainCatalog        *catalog,
                           const char            *park_code,
                           const ZsChainSettings *settings,
                           GError               **error)
{
  g_autoptr(ZsChainCoverage) self = g_object_new (ZS_TYPE_CHAIN_COVERAGE, NULL);
  g_autoptr(GArray) projects = NULL;
  g_autoptr(GArray) firms = NULL;

  self->park = g_strdup (park_code);
  self->catalog = g_object_ref (catalog);
  self->settings = *settings;
  if (!(projects = load_projects (store, park_code, error)))
    return NULL;
  firms = distinct_firms (projects);
  if (!(self->facts = zs_chain_firm_facts_load (store, firms, error)) ||
      !load_decisions (self, store, firms, error) ||
      !load_project_sectors (self, store, projects, error))
    return NULL;
  for (guint i = 0; i < projects->len; i++)
    place_project (self, &g_array_index (projects, Project, i));
  finish (self);
  return g_steal_pointer (&self);
}

const char *
zs_chain_coverage_get_park (ZsChainCoverage *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_COVERAGE (self), NULL);
  return self->park;
}

/**
 * zs_chain_coverage_get_settled:
 *
 * Returns: (transfer none) (element-type gint64): the settled firms at @link, sorted
 */
GArray *
zs_chain_coverage_get_settled (ZsChainCoverage *self,
                               ZsChainLink     *link)
{
  g_return_val_if_fail (ZS_IS_CHAIN_COVERAGE (self), NULL);
  return link_coverage (self, zs_chain_link_get_id (link))->settled;
}

/**
 * zs_chain_coverage_get_pipeline:
 *
 * Returns: the number of projects at @link that are not settled yet
 */
guint
zs_chain_coverage_get_pipeline (ZsChainCoverage *self,
                                ZsChainLink     *link)
{
  g_return_val_if_fail (ZS_IS_CHAIN_COVERAGE (self), 0);
  return link_coverage (self, zs_chain_link_get_id (link))->pipeline;
}

ZsChainLinkStatus
zs_chain_coverage_get_status (ZsChainCoverage *self,
                              ZsChainLink     *link)
{
  guint settled;

  g_return_val_if_fail (ZS_IS_CHAIN_COVERAGE (self), ZS_CHAIN_LINK_GAP);

  settled = zs_chain_coverage_get_settled (self, link)->len;
  if (settled == 0)
    return ZS_CHAIN_LINK_GAP;
  return settled < (guint) self->settings.weak_threshold ? ZS_CHAIN_LINK_WEAK : ZS_CHAIN_LINK_COVERED;
}

static guint
count_settled_at (ZsChainCoverage *self,
                  GArray          *link_ids)
{
  guint total = 0;

  for (guint i = 0; i < link_ids->len; i++)
    {
      LinkCoverage *coverage = g_hash_table_lookup (self->links, &g_array_index (link_ids, gint64, i));
      total += coverage ? coverage->settled->len : 0;
    }
  return total;
}

/**
 * zs_chain_coverage_count_adjacent:
 *
 * Returns: how many settled firms sit at the links that supply @link or
 *   buy from it: the firms a newcomer at @link would trade with
 */
guint
zs_chain_coverage_count_adjacent (ZsChainCoverage *self,
                                  ZsChainLink     *link)
{
  g_return_val_if_fail (ZS_IS_CHAIN_COVERAGE (self), 0);

  return count_settled_at (self, zs_chain_link_get_suppliers (link)) +
         count_settled_at (self, zs_chain_link_get_customers (link));
}

gboolean
zs_chain_coverage_is_settled_here (ZsChainCoverage *self,
                                   gint64           firm_id)
{
  g_return_val_if_fail (ZS_IS_CHAIN_COVERAGE (self), FALSE);
  return g_hash_table_contains (self->settled_firms, &firm_id);
}

/**
 * zs_chain_coverage_get_settled_firms:
 *
 * Returns: (transfer none) (element-type gint64): every firm settled in the
 *   park, at any link or none, sorted
 */
GArray *
zs_chain_coverage_get_settled_firms (ZsChainCoverage *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_COVERAGE (self), NULL);
  return self->settled_list;
}

/**
 * zs_chain_coverage_get_firm_name:
 *
 * Returns: (nullable): the name of a firm with a project in the park
 */
const char *
zs_chain_coverage_get_firm_name (ZsChainCoverage *self,
                                 gint64           firm_id)
{
  ZsChainFirmFacts *facts;

  g_return_val_if_fail (ZS_IS_CHAIN_COVERAGE (self), NULL);

  facts = g_hash_table_lookup (self->facts, &firm_id);
  return facts ? facts->name : NULL;
}

const char *
zs_chain_link_status_to_string (ZsChainLinkStatus status)
{
  switch (status)
    {
    case ZS_CHAIN_LINK_GAP: return "gap";
    case ZS_CHAIN_LINK_WEAK: return "weak";
    case ZS_CHAIN_LINK_COVERED: return "covered";
    default: g_return_val_if_reached (NULL);
    }
}
