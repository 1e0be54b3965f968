/* zs-chain-cli-assign.c: `chain assign|lead|weights|settings`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zs-chain-cli-private.h"
#include "zs-chain-records.h"
#include "zs-chain-settings.h"
#include "zs-chain-sql.h"

/* ---- assign --------------------------------------------------------- */

/* One decision per firm and link: a new one replaces the old (a new
 * version of the same record), --clear deletes it. */
static gboolean
write_decision (ZsStore     *store,
                gint64       firm_id,
                ZsChainLink *link,
                const char  *status,
                GError     **error)
{
  g_autofree char *firm = zs_chain_id_to_string (firm_id);
  g_autofree char *link_id = zs_chain_id_to_string (zs_chain_link_get_id (link));
  const char *where[] = { "firm_id", firm, "link_id", link_id, NULL };
  gint64 id;

  if (status == NULL)
    return zs_chain_records_delete_where (store, ZS_CHAIN_ASSIGNMENT, where, error);
  if (!zs_chain_records_find (store, ZS_CHAIN_ASSIGNMENT, where, &id, error))
    return FALSE;
  if (id != 0)
    return zs_chain_records_update (store, ZS_CHAIN_ASSIGNMENT, id, (const char *[]) { "status", status, NULL },
                                    error);
  return zs_chain_records_create (store, ZS_CHAIN_ASSIGNMENT,
                                  (const char *[]) { "firm_id", firm, "link_id", link_id, "status", status, NULL },
                                  error) > 0;
}

JsonNode *
zs_chain_cli_assign (ZsChainInvocation  *inv,
                     GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = NULL;
  g_autofree char *name = NULL;
  const char *status = inv->clear ? NULL : inv->reject ? "rejected" : "confirmed";
  ZsChainLink *link;
  JsonObject *result;
  gint64 firm_id;

  if (inv->clear && inv->reject)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("give --reject or --clear, not both"));
      return NULL;
    }
  if (!zs_chain_cli_resolve_firm (inv->store, inv->words[0], &firm_id, &name, error) ||
      !(catalog = zs_chain_catalog_load (inv->store, error)) ||
      !(link = zs_chain_catalog_find_link (catalog, inv->words[1], error)) ||
      !write_decision (inv->store, firm_id, link, status, error))
    return NULL;
  result = json_object_new ();
  json_object_set_int_member (result, "firm_id", firm_id);
  json_object_set_string_member (result, "name", name);
  json_object_set_string_member (result, "link", zs_chain_link_get_code (link));
  json_object_set_string_member (result, "status", status ? status : "inferred");
  return zs_chain_cli_object_node (result);
}

/* ---- lead ----------------------------------------------------------- */

static gboolean
check_no_open_lead (ZsStore     *store,
                    gint64       firm_id,
                    ZsChainLink *link,
                    const char  *park,
                    GError     **error)
{
  g_autofree char *firm = zs_chain_id_to_string (firm_id);
  g_autofree char *link_id = zs_chain_id_to_string (zs_chain_link_get_id (link));
  g_autoptr(GError) local_error = NULL;
  g_autofree char *project = zs_chain_sql_scalar (store,
                                                  "SELECT p.id FROM core_projects p "
                                                  "JOIN industry_chain_project_link l ON l.project_id = p.id "
                                                  "WHERE p.firm_id = ?1 AND l.link_id = ?2 AND p.stage <> 'lost' "
                                                  "  AND coalesce (p.park_code, '') = ?3",
                                                  (const char *[]) { firm, link_id, park ? park : "", NULL },
                                                  &local_error);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (project != NULL)
    g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE,
                 _("Firm %" PRId64 " already has project %s at link “%s” in this park"),
                 firm_id, project, zs_chain_link_get_code (link));
  return local_error == NULL && project == NULL;
}

/* Only the link's sectors the store knows: a link may name a sector of a
 * newer seed than the store's reference data. */
static GStrv
known_sectors (ZsStore      *store,
               ZsChainLink  *link,
               GError      **error)
{
  g_autofree char *link_id = zs_chain_id_to_string (zs_chain_link_get_id (link));
  g_autoptr(GPtrArray) rows = zs_chain_sql_query (store,
                                              "SELECT s.sector_code FROM industry_chain_link_sector s "
                                              "JOIN core_sectors k ON k.code = s.sector_code "
                                              "WHERE s.link_id = ?1 ORDER BY s.id",
                                              (const char *[]) { link_id, NULL }, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (builder, ((char **) g_ptr_array_index (rows, i))[0]);
  return g_strv_builder_end (builder);
}

static int
known_clause (ZsStore    *store,
              ZsChainMap *map)
{
  g_autofree char *clause = g_strdup_printf ("%d", zs_chain_map_get_clause (map));
  g_autofree char *found = zs_chain_sql_scalar (store, "SELECT number FROM core_clauses WHERE number = ?1",
                                                (const char *[]) { clause, NULL }, NULL);

  return found != NULL ? zs_chain_map_get_clause (map) : 0;
}

static ZsProject *
new_lead (ZsChainInvocation  *inv,
          ZsChainMap         *map,
          ZsChainLink        *link,
          gint64              firm_id,
          const char         *firm_name,
          GError            **error)
{
  g_autoptr(ZsProject) project = zs_project_new ();
  g_auto(GStrv) sectors = known_sectors (inv->store, link, error);
  g_autofree char *title = inv->title ? g_strdup (inv->title)
    : g_strdup_printf ("%s·%s：%s", zs_chain_map_get_name (map), zs_chain_link_get_name (link), firm_name);

  if (sectors == NULL)
    return NULL;
  zs_project_set_firm_id (project, firm_id);
  zs_project_set_title (project, title);
  zs_project_set_park_code (project, inv->park);
  zs_project_set_stage (project, ZS_STAGE_LEAD);
  zs_project_set_sectors (project, (const char * const *) sectors);
  zs_project_set_clause (project, known_clause (inv->store, map));
  return g_steal_pointer (&project);
}

/* The project goes through zs_store_add_project(), so validation, the audit
 * trail and the stage history apply; the link is the plugin's own record. */
static gint64
save_lead (ZsStore      *store,
           ZsProject    *project,
           ZsChainLink  *link,
           GError      **error)
{
  g_autofree char *link_id = zs_chain_id_to_string (zs_chain_link_get_id (link));
  g_autofree char *project_id = NULL;
  gint64 id;

  if (!zs_store_begin (store, error))
    return 0;
  id = zs_store_add_project (store, project, error);
  project_id = zs_chain_id_to_string (id);
  if (id == 0 ||
      zs_chain_records_create (store, ZS_CHAIN_PROJECT_LINK,
                               (const char *[]) { "project_id", project_id, "link_id", link_id, NULL }, error) <= 0 ||
      !zs_store_commit (store, error))
    {
      zs_store_rollback (store);
      return 0;
    }
  return id;
}

static JsonNode *
lead_result (ZsProject   *project,
             gint64       project_id,
             ZsChainMap  *map,
             ZsChainLink *link)
{
  JsonObject *result = json_object_new ();

  json_object_set_int_member (result, "project_id", project_id);
  json_object_set_int_member (result, "firm_id", zs_project_get_firm_id (project));
  json_object_set_string_member (result, "title", zs_project_get_title (project));
  json_object_set_string_member (result, "chain", zs_chain_map_get_code (map));
  json_object_set_string_member (result, "link", zs_chain_link_get_code (link));
  zs_chain_cli_set_nullable_string (result, "park", zs_project_get_park_code (project));
  json_object_set_string_member (result, "stage", zs_enum_to_nick (ZS_TYPE_STAGE, zs_project_get_stage (project)));
  return zs_chain_cli_object_node (result);
}

JsonNode *
zs_chain_cli_lead (ZsChainInvocation  *inv,
                   GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = NULL;
  g_autoptr(ZsProject) project = NULL;
  g_autofree char *name = NULL;
  ZsChainLink *link;
  ZsChainMap *map;
  gint64 firm_id, project_id;

  if (!zs_chain_cli_resolve_firm (inv->store, inv->words[0], &firm_id, &name, error) ||
      !zs_chain_cli_check_park (inv->store, inv->park, error) ||
      !(catalog = zs_chain_catalog_load (inv->store, error)) ||
      !(link = zs_chain_catalog_find_link (catalog, inv->words[1], error)) ||
      !check_no_open_lead (inv->store, firm_id, link, inv->park, error))
    return NULL;
  map = zs_chain_catalog_get_map_of (catalog, link);
  if (!(project = new_lead (inv, map, link, firm_id, name, error)) ||
      !(project_id = save_lead (inv->store, project, link, error)))
    return NULL;
  return lead_result (project, project_id, map, link);
}

/* ---- weights and settings ------------------------------------------- */

static gboolean
split_assignment (const char  *word,
                  char       **name,
                  double      *value,
                  GError     **error)
{
  const char *equals = strchr (word, '=');

  if (equals == NULL || equals == word)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("“%s” is not NAME=VALUE"), word);
      return FALSE;
    }
  *name = g_strndup (word, equals - word);
  return zs_chain_cli_parse_number (equals + 1, value, error);
}

static gboolean
set_weight (ZsStore     *store,
            const char  *word,
            GError     **error)
{
  g_autofree char *name = NULL;
  ZsChainComponent component;
  double value;

  if (!split_assignment (word, &name, &value, error))
    return FALSE;
  if (!zs_chain_component_from_name (name, &component))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a weight (expected sector, keyword, size, partner, ties or recency)"), name);
      return FALSE;
    }
  return zs_chain_settings_set_weight (store, component, value, error);
}

static gboolean
set_option (ZsStore     *store,
            const char  *word,
            GError     **error)
{
  g_autofree char *name = NULL;
  double value;

  if (!split_assignment (word, &name, &value, error))
    return FALSE;
  if (!g_str_equal (name, "weak_threshold") && !g_str_equal (name, "min_confidence"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a setting (expected weak_threshold or min_confidence)"), name);
      return FALSE;
    }
  return zs_chain_settings_set_option (store, name, value, error);
}

/* All of them or none: a typo in the third leaves the first two unset. */
static gboolean
apply_words (ZsChainInvocation  *inv,
             gboolean            weights,
             GError            **error)
{
  if (!zs_chain_sql_savepoint (inv->store, error))
    return FALSE;
  if (inv->reset && !zs_chain_settings_reset (inv->store, weights, error))
    goto fail;
  for (guint i = 0; inv->words[i] != NULL; i++)
    if (!(weights ? set_weight : set_option) (inv->store, inv->words[i], error))
      goto fail;
  return zs_chain_sql_release (inv->store, error);

fail:
  zs_chain_sql_rollback (inv->store);
  return FALSE;
}

JsonNode *
zs_chain_cli_weights (ZsChainInvocation  *inv,
                      GError            **error)
{
  ZsChainSettings settings;
  JsonObject *result, *weights;

  if (!apply_words (inv, TRUE, error) || !zs_chain_settings_load (inv->store, &settings, error))
    return NULL;
  weights = json_object_new ();
  for (guint i = 0; i < ZS_CHAIN_N_COMPONENTS; i++)
    json_object_set_double_member (weights, zs_chain_component_get_name (i), settings.weights[i]);
  result = json_object_new ();
  json_object_set_object_member (result, "weights", weights);
  return zs_chain_cli_object_node (result);
}

JsonNode *
zs_chain_cli_settings (ZsChainInvocation  *inv,
                       GError            **error)
{
  ZsChainSettings settings;
  JsonObject *result;

  if (!apply_words (inv, FALSE, error) || !zs_chain_settings_load (inv->store, &settings, error))
    return NULL;
  result = json_object_new ();
  json_object_set_int_member (result, "weak_threshold", settings.weak_threshold);
  json_object_set_double_member (result, "min_confidence", settings.min_confidence);
  return zs_chain_cli_object_node (result);
}
