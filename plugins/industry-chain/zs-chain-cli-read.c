/* zs-chain-cli-read.c: `chain list|show|gaps|match|firm`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-chain-cli-private.h"
#include "zs-chain-records.h"
#include "zs-chain-coverage.h"
#include "zs-chain-evidence.h"
#include "zs-chain-matcher.h"
#include "zs-chain-sql.h"

#define MAX_TOP 1000

/* What every coverage question needs: the chains, the settings and the
 * coverage of the park asked about. */
typedef struct {
  ZsChainCatalog  *catalog;
  ZsChainSettings  settings;
  ZsChainCoverage *coverage;
} Survey;

static void
survey_clear (Survey *survey)
{
  g_clear_object (&survey->catalog);
  g_clear_object (&survey->coverage);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Survey, survey_clear)

static gboolean
survey_init (Survey             *survey,
             ZsChainInvocation  *inv,
             GError            **error)
{
  return zs_chain_cli_check_park (inv->store, inv->park, error) &&
         (survey->catalog = zs_chain_catalog_load (inv->store, error)) &&
         zs_chain_settings_load (inv->store, &survey->settings, error) &&
         (survey->coverage = zs_chain_coverage_compute (inv->store, survey->catalog, inv->park,
                                                        &survey->settings, error));
}

static JsonObject *
scope_object (Survey *survey)
{
  JsonObject *result = json_object_new ();

  zs_chain_cli_set_nullable_string (result, "park", zs_chain_coverage_get_park (survey->coverage));
  json_object_set_int_member (result, "weak_threshold", survey->settings.weak_threshold);
  return result;
}

static void
set_coverage (JsonObject *object,
              Survey     *survey,
              ZsChainLink *link)
{
  ZsChainLinkStatus status = zs_chain_coverage_get_status (survey->coverage, link);

  json_object_set_int_member (object, "settled", zs_chain_coverage_get_settled (survey->coverage, link)->len);
  json_object_set_int_member (object, "pipeline", zs_chain_coverage_get_pipeline (survey->coverage, link));
  json_object_set_string_member (object, "status", zs_chain_link_status_to_string (status));
}

/* ---- list ----------------------------------------------------------- */

JsonNode *
zs_chain_cli_list (ZsChainInvocation  *inv,
                   GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = zs_chain_catalog_load (inv->store, error);
  JsonObject *result;
  JsonArray *chains;
  GPtrArray *maps;

  if (catalog == NULL)
    return NULL;
  maps = zs_chain_catalog_get_maps (catalog);
  chains = json_array_sized_new (maps->len);
  for (guint i = 0; i < maps->len; i++)
    json_array_add_object_element (chains, zs_chain_cli_map_object (g_ptr_array_index (maps, i)));
  result = json_object_new ();
  json_object_set_array_member (result, "chains", chains);
  return zs_chain_cli_object_node (result);
}

/* ---- show ----------------------------------------------------------- */

static JsonArray *
settled_firms (Survey      *survey,
               ZsChainLink *link)
{
  GArray *firms = zs_chain_coverage_get_settled (survey->coverage, link);
  JsonArray *array = json_array_sized_new (firms->len);

  for (guint i = 0; i < firms->len; i++)
    {
      gint64 firm_id = g_array_index (firms, gint64, i);
      JsonObject *firm = json_object_new ();

      json_object_set_int_member (firm, "firm_id", firm_id);
      json_object_set_string_member (firm, "name", zs_chain_coverage_get_firm_name (survey->coverage, firm_id));
      json_array_add_object_element (array, firm);
    }
  return array;
}

static JsonArray *
edges_of (ZsChainCatalog *catalog,
          ZsChainMap     *map)
{
  GPtrArray *links = zs_chain_map_get_links (map);
  JsonArray *edges = json_array_new ();

  for (guint i = 0; i < links->len; i++)
    {
      ZsChainLink *supplier = g_ptr_array_index (links, i);
      GArray *customers = zs_chain_link_get_customers (supplier);

      for (guint j = 0; j < customers->len; j++)
        {
          JsonObject *edge = json_object_new ();
          ZsChainLink *customer = zs_chain_catalog_get_link (catalog, g_array_index (customers, gint64, j));

          json_object_set_string_member (edge, "supplier", zs_chain_link_get_code (supplier));
          json_object_set_string_member (edge, "customer", zs_chain_link_get_code (customer));
          json_array_add_object_element (edges, edge);
        }
    }
  return edges;
}

JsonNode *
zs_chain_cli_show (ZsChainInvocation  *inv,
                   GError            **error)
{
  g_auto(Survey) survey = { 0 };
  JsonObject *result;
  JsonArray *links;
  ZsChainMap *map;
  GPtrArray *map_links;

  if (!survey_init (&survey, inv, error) ||
      !(map = zs_chain_catalog_find_map (survey.catalog, inv->words[0], error)))
    return NULL;
  map_links = zs_chain_map_get_links (map);
  links = json_array_sized_new (map_links->len);
  for (guint i = 0; i < map_links->len; i++)
    {
      ZsChainLink *link = g_ptr_array_index (map_links, i);
      JsonObject *object = zs_chain_cli_link_object (survey.catalog, link);

      set_coverage (object, &survey, link);
      json_object_set_array_member (object, "settled_firms", settled_firms (&survey, link));
      json_array_add_object_element (links, object);
    }
  result = scope_object (&survey);
  json_object_set_object_member (result, "chain", zs_chain_cli_map_object (map));
  json_object_set_array_member (result, "links", links);
  json_object_set_array_member (result, "edges", edges_of (survey.catalog, map));
  return zs_chain_cli_object_node (result);
}

/* ---- gaps ----------------------------------------------------------- */

static GPtrArray *
chosen_maps (ZsChainCatalog  *catalog,
             const char      *code,
             GError         **error)
{
  GPtrArray *maps = g_ptr_array_new_with_free_func (g_object_unref);
  ZsChainMap *map;

  if (code == NULL)
    {
      GPtrArray *all = zs_chain_catalog_get_maps (catalog);

      for (guint i = 0; i < all->len; i++)
        g_ptr_array_add (maps, g_object_ref (g_ptr_array_index (all, i)));
      return maps;
    }
  if (!(map = zs_chain_catalog_find_map (catalog, code, error)))
    {
      g_ptr_array_unref (maps);
      return NULL;
    }
  g_ptr_array_add (maps, g_object_ref (map));
  return maps;
}

static JsonObject *
link_summary (Survey      *survey,
              ZsChainMap  *map,
              ZsChainLink *link)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "chain", zs_chain_map_get_code (map));
  json_object_set_string_member (object, "chain_name", zs_chain_map_get_name (map));
  json_object_set_string_member (object, "link", zs_chain_link_get_code (link));
  json_object_set_string_member (object, "name", zs_chain_link_get_name (link));
  json_object_set_string_member (object, "position", zs_chain_link_get_position (link));
  set_coverage (object, survey, link);
  return object;
}

JsonNode *
zs_chain_cli_gaps (ZsChainInvocation  *inv,
                   GError            **error)
{
  g_auto(Survey) survey = { 0 };
  g_autoptr(GPtrArray) maps = NULL;
  JsonObject *result;
  JsonArray *links;

  if (!survey_init (&survey, inv, error) ||
      !(maps = chosen_maps (survey.catalog, inv->chain, error)))
    return NULL;
  links = json_array_new ();
  for (guint i = 0; i < maps->len; i++)
    {
      ZsChainMap *map = g_ptr_array_index (maps, i);
      GPtrArray *map_links = zs_chain_map_get_links (map);

      for (guint j = 0; j < map_links->len; j++)
        {
          ZsChainLink *link = g_ptr_array_index (map_links, j);

          if (zs_chain_coverage_get_status (survey.coverage, link) != ZS_CHAIN_LINK_COVERED)
            json_array_add_object_element (links, link_summary (&survey, map, link));
        }
    }
  result = scope_object (&survey);
  json_object_set_array_member (result, "links", links);
  return zs_chain_cli_object_node (result);
}

/* ---- match ---------------------------------------------------------- */

static JsonObject *
weights_object (const ZsChainSettings *settings)
{
  JsonObject *weights = json_object_new ();

  for (guint i = 0; i < ZS_CHAIN_N_COMPONENTS; i++)
    json_object_set_double_member (weights, zs_chain_component_get_name (i), settings->weights[i]);
  return weights;
}

static JsonObject *
components_object (const ZsChainCandidate *candidate,
                   const ZsChainSettings  *settings)
{
  JsonObject *components = json_object_new ();

  for (guint i = 0; i < ZS_CHAIN_N_COMPONENTS; i++)
    {
      JsonObject *component = json_object_new ();

      json_object_set_double_member (component, "value", candidate->values[i]);
      json_object_set_double_member (component, "weight", settings->weights[i]);
      json_object_set_double_member (component, "points", candidate->points[i]);
      json_object_set_object_member (components, zs_chain_component_get_name (i), component);
    }
  return components;
}

static JsonObject *
evidence_object (const ZsChainCandidate *candidate)
{
  JsonObject *evidence = json_object_new ();

  json_object_set_boolean_member (evidence, "assigned", candidate->assigned);
  json_object_set_boolean_member (evidence, "sector", candidate->sector_hit);
  zs_chain_cli_set_nullable_string (evidence, "keyword", zs_chain_keyword_hit_to_string (candidate->keyword_hit));
  json_object_set_int_member (evidence, "adjacent_settled", candidate->adjacent_settled);
  zs_chain_cli_set_nullable_int (evidence, "referrer_firm_id", candidate->referrer_firm_id);
  if (candidate->days_since_contact >= 0)
    json_object_set_int_member (evidence, "days_since_contact", candidate->days_since_contact);
  else
    json_object_set_null_member (evidence, "days_since_contact");
  zs_chain_cli_set_nullable_string (evidence, "partner_region", candidate->partner_region);
  return evidence;
}

static JsonObject *
candidate_object (const ZsChainCandidate *candidate,
                  guint                   rank,
                  const ZsChainSettings  *settings)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "rank", rank);
  json_object_set_int_member (object, "firm_id", candidate->firm_id);
  json_object_set_string_member (object, "name", candidate->name);
  zs_chain_cli_set_nullable_string (object, "region_code", candidate->region_code);
  json_object_set_double_member (object, "registered_capital", candidate->registered_capital);
  json_object_set_double_member (object, "score", candidate->score);
  json_object_set_object_member (object, "components", components_object (candidate, settings));
  json_object_set_object_member (object, "evidence", evidence_object (candidate));
  return object;
}

static JsonObject *
match_link (Survey          *survey,
            ZsChainMatcher  *matcher,
            ZsChainMap      *map,
            ZsChainLink     *link,
            guint            top,
            GError         **error)
{
  g_autoptr(GPtrArray) ranked = NULL;
  JsonObject *object;
  JsonArray *candidates;
  guint total = 0;

  if (!(ranked = zs_chain_matcher_rank (matcher, link, top, &total, error)))
    return NULL;
  candidates = json_array_sized_new (ranked->len);
  for (guint i = 0; i < ranked->len; i++)
    json_array_add_object_element (candidates, candidate_object (g_ptr_array_index (ranked, i), i + 1,
                                                                 &survey->settings));
  object = link_summary (survey, map, link);
  json_object_set_int_member (object, "candidates_total", total);
  json_object_set_array_member (object, "candidates", candidates);
  return object;
}

/* The links to match: the one asked for, else the gap and weak links of
 * the chain asked for, else of every chain. */
static GPtrArray *
links_to_match (Survey             *survey,
                ZsChainInvocation  *inv,
                GError            **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GPtrArray) maps = NULL;
  ZsChainLink *link;

  if (inv->link != NULL)
    {
      if (!(link = zs_chain_catalog_find_link (survey->catalog, inv->link, error)))
        return NULL;
      if (inv->words[0] != NULL &&
          !g_str_equal (zs_chain_map_get_code (zs_chain_catalog_get_map_of (survey->catalog, link)), inv->words[0]))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("The link “%s” is not in the chain “%s”"),
                       inv->link, inv->words[0]);
          return NULL;
        }
      g_ptr_array_add (links, link);
      return g_steal_pointer (&links);
    }
  if (!(maps = chosen_maps (survey->catalog, inv->words[0], error)))
    return NULL;
  for (guint i = 0; i < maps->len; i++)
    {
      GPtrArray *map_links = zs_chain_map_get_links (g_ptr_array_index (maps, i));

      for (guint j = 0; j < map_links->len; j++)
        if (zs_chain_coverage_get_status (survey->coverage, g_ptr_array_index (map_links, j)) != ZS_CHAIN_LINK_COVERED)
          g_ptr_array_add (links, g_ptr_array_index (map_links, j));
    }
  return g_steal_pointer (&links);
}

static gboolean
check_match_options (ZsChainInvocation  *inv,
                     GError            **error)
{
  if (inv->top < 1 || inv->top > MAX_TOP)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--top: %d is not from 1 to %d"), inv->top, MAX_TOP);
      return FALSE;
    }
  return TRUE;
}

JsonNode *
zs_chain_cli_match (ZsChainInvocation  *inv,
                    GError            **error)
{
  g_auto(Survey) survey = { 0 };
  g_autoptr(ZsChainMatcher) matcher = NULL;
  g_autoptr(GPtrArray) links = NULL;
  /* transfer none: the engine keeps it while the verb runs */
  GObject *partners = inv->engine ? zs_plugin_engine_get_service (inv->engine, ZS_TYPE_PARTNER_PROVIDER) : NULL;
  JsonObject *result;
  JsonArray *matched;

  if (!check_match_options (inv, error) || !survey_init (&survey, inv, error) ||
      !(links = links_to_match (&survey, inv, error)) ||
      !(matcher = zs_chain_matcher_new (inv->store, survey.coverage, &survey.settings,
                                                 (ZsPartnerProvider *) partners, error)))
    return NULL;
  matched = json_array_sized_new (links->len);
  for (guint i = 0; i < links->len; i++)
    {
      ZsChainLink *link = g_ptr_array_index (links, i);
      ZsChainMap *map = zs_chain_catalog_get_map_of (survey.catalog, link);
      JsonObject *object = match_link (&survey, matcher, map, link, inv->top, error);

      if (object == NULL)
        {
          json_array_unref (matched);
          return NULL;
        }
      json_array_add_object_element (matched, object);
    }
  result = scope_object (&survey);
  json_object_set_object_member (result, "weights", weights_object (&survey.settings));
  json_object_set_boolean_member (result, "partner_available", zs_chain_matcher_get_partner_available (matcher));
  json_object_set_array_member (result, "links", matched);
  return zs_chain_cli_object_node (result);
}

/* ---- firm ----------------------------------------------------------- */

static gboolean
firm_decisions (ZsStore     *store,
                gint64       firm_id,
                GHashTable  *decisions,
                GError     **error)
{
  g_autofree char *id = zs_chain_id_to_string (firm_id);
  g_autoptr(GPtrArray) found = zs_chain_records_list (store, ZS_CHAIN_ASSIGNMENT,
                                                      (const char *[]) { "firm_id", id, NULL },
                                                      NULL, ZS_SORT_ASCENDING, 0, error);

  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      ZsRecord *decision = g_ptr_array_index (found, i);

      g_hash_table_insert (decisions, zs_chain_id_to_string (zs_record_get_int64 (decision, "link_id")),
                           g_strdup (zs_record_get_string (decision, "status")));
    }
  return TRUE;
}

static JsonObject *
firm_link_object (ZsChainCatalog   *catalog,
                  ZsChainLink      *link,
                  ZsChainEvidence   evidence,
                  const char       *decision,
                  double            min_confidence)
{
  JsonObject *object = json_object_new ();
  JsonObject *hints = json_object_new ();
  ZsChainMap *map = zs_chain_catalog_get_map_of (catalog, link);
  double confidence = decision == NULL ? zs_chain_evidence_confidence (evidence)
                      : g_str_equal (decision, "confirmed") ? 1.0 : 0.0;

  json_object_set_string_member (object, "chain", zs_chain_map_get_code (map));
  json_object_set_string_member (object, "link", zs_chain_link_get_code (link));
  json_object_set_string_member (object, "name", zs_chain_link_get_name (link));
  json_object_set_string_member (object, "status", decision ? decision : "inferred");
  json_object_set_double_member (object, "confidence", confidence);
  json_object_set_boolean_member (object, "counts", decision ? confidence > 0 : confidence >= min_confidence);
  json_object_set_boolean_member (hints, "sector", (evidence & ZS_CHAIN_EVIDENCE_SECTOR) != 0);
  json_object_set_boolean_member (hints, "name", (evidence & ZS_CHAIN_EVIDENCE_NAME) != 0);
  json_object_set_boolean_member (hints, "business_scope", (evidence & ZS_CHAIN_EVIDENCE_SCOPE) != 0);
  json_object_set_object_member (object, "evidence", hints);
  return object;
}

static JsonArray *
firm_links (ZsChainCatalog        *catalog,
            ZsChainFirmFacts      *facts,
            GHashTable            *decisions,
            const ZsChainSettings *settings)
{
  GPtrArray *links = zs_chain_catalog_get_links (catalog);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < links->len; i++)
    {
      ZsChainLink *link = g_ptr_array_index (links, i);
      g_autofree char *link_id = zs_chain_id_to_string (zs_chain_link_get_id (link));
      const char *decision = g_hash_table_lookup (decisions, link_id);
      ZsChainEvidence evidence = zs_chain_evidence_find (link, facts, NULL);

      if (decision != NULL || evidence != ZS_CHAIN_EVIDENCE_NONE)
        json_array_add_object_element (array, firm_link_object (catalog, link, evidence, decision,
                                                                settings->min_confidence));
    }
  return array;
}

JsonNode *
zs_chain_cli_firm (ZsChainInvocation  *inv,
                   GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = NULL;
  g_autoptr(GHashTable) facts = NULL;
  g_autoptr(GHashTable) decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ZsChainSettings settings;
  ZsChainFirmFacts *firm;
  JsonObject *result;
  gint64 firm_id;

  if (!zs_chain_cli_resolve_firm (inv->store, inv->words[0], &firm_id, NULL, error) ||
      !(catalog = zs_chain_catalog_load (inv->store, error)) ||
      !zs_chain_settings_load (inv->store, &settings, error) ||
      !firm_decisions (inv->store, firm_id, decisions, error))
    return NULL;
  g_array_append_val (ids, firm_id);
  if (!(facts = zs_chain_firm_facts_load (inv->store, ids, error)))
    return NULL;
  firm = g_hash_table_lookup (facts, &firm_id);
  result = json_object_new ();
  json_object_set_int_member (result, "firm_id", firm_id);
  json_object_set_string_member (result, "name", firm->name);
  json_object_set_double_member (result, "min_confidence", settings.min_confidence);
  json_object_set_array_member (result, "links", firm_links (catalog, firm, decisions, &settings));
  return zs_chain_cli_object_node (result);
}
