/* zs-chain-seed.c: the chain maps shipped with the plugin
 *
 * `chains.json` (compiled in as a GResource) holds the chains the guideline
 * names. Loading is idempotent and never overwrites a user's work:
 *
 *  - nothing happens when this revision of the seed was loaded before;
 *  - a seed row is refreshed only while it is still as the seed wrote it
 *    (origin 'seed', not edited); rows users added or edited stay as they are;
 *  - sectors, keywords and edges are only ever added, and only to links the
 *    user has not edited, so a keyword a user removed does not come back;
 *  - seed chains and links a user deleted are remembered and not re-added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include "zs-chain-seed.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zs-chain-resources.h"
#include "zs-chain-sql.h"

#define SEED_PATH "/cn/horgos/Zhaoshang/plugins/industry-chain/chains.json"

static gboolean
is_removed (ZsStore     *store,
            const char  *kind,
            const char  *code,
            gboolean    *removed,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *found = zs_chain_sql_scalar (store,
                                                "SELECT 1 FROM industry_chain_seed_removed WHERE kind = ?1 AND code = ?2",
                                                (const char *[]) { kind, code, NULL }, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *removed = found != NULL;
  return TRUE;
}

static gboolean
add_terms (ZsStore     *store,
           const char  *link_code,
           JsonArray   *terms,
           const char  *sql,
           GError     **error)
{
  for (guint i = 0; terms != NULL && i < json_array_get_length (terms); i++)
    {
      const char *term = json_array_get_string_element (terms, i);

      if (term != NULL && zs_chain_sql_execute (store, sql, (const char *[]) { link_code, term, NULL }, error) < 0)
        return FALSE;
    }
  return TRUE;
}

static JsonArray *
array_member (JsonObject *object,
              const char *member)
{
  return json_object_has_member (object, member) ? json_object_get_array_member (object, member) : NULL;
}

static gboolean
seed_link (ZsStore     *store,
           const char  *chain_id,
           JsonObject  *link,
           guint        sort_order,
           GError     **error)
{
  const char *code = json_object_get_string_member (link, "code");
  g_autofree char *order = g_strdup_printf ("%u", sort_order);
  gboolean removed;

  if (!is_removed (store, "link", code, &removed, error))
    return FALSE;
  if (removed)
    return TRUE;
  return zs_chain_sql_execute (store,
                           "INSERT INTO industry_chain_links (chain_id, code, name, position, sort_order, origin) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, 'seed') "
                           "ON CONFLICT (code) DO UPDATE SET name = excluded.name, position = excluded.position, "
                           "  sort_order = excluded.sort_order "
                           "WHERE industry_chain_links.origin = 'seed' AND industry_chain_links.edited = 0",
                           (const char *[]) { chain_id, code, json_object_get_string_member (link, "name"),
                                              json_object_get_string_member (link, "position"), order, NULL },
                           error) >= 0 &&
         add_terms (store, code, array_member (link, "sectors"),
                    "INSERT OR IGNORE INTO industry_chain_link_sectors (link_id, sector_code) "
                    "SELECT id, ?2 FROM industry_chain_links WHERE code = ?1 AND origin = 'seed' AND edited = 0",
                    error) &&
         add_terms (store, code, array_member (link, "keywords"),
                    "INSERT OR IGNORE INTO industry_chain_link_keywords (link_id, keyword) "
                    "SELECT id, ?2 FROM industry_chain_links WHERE code = ?1 AND origin = 'seed' AND edited = 0",
                    error);
}

static gboolean
seed_edges (ZsStore     *store,
            JsonArray   *edges,
            GError     **error)
{
  for (guint i = 0; edges != NULL && i < json_array_get_length (edges); i++)
    {
      JsonArray *pair = json_array_get_array_element (edges, i);

      if (zs_chain_sql_execute (store,
                            "INSERT OR IGNORE INTO industry_chain_edges (supplier_id, customer_id) "
                            "SELECT s.id, c.id FROM industry_chain_links s, industry_chain_links c "
                            "WHERE s.code = ?1 AND c.code = ?2 "
                            "  AND s.origin = 'seed' AND s.edited = 0 AND c.origin = 'seed' AND c.edited = 0",
                            (const char *[]) { json_array_get_string_element (pair, 0),
                                               json_array_get_string_element (pair, 1), NULL },
                            error) < 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
upsert_chain (ZsStore     *store,
              JsonObject  *chain,
              GError     **error)
{
  g_autofree char *clause = g_strdup_printf ("%" PRId64,
                                             json_object_get_int_member_with_default (chain, "clause", 0));
  const char *description = json_object_get_string_member_with_default (chain, "description", "");

  return zs_chain_sql_execute (store,
                           "INSERT INTO industry_chain_maps (code, name, description, clause, origin) "
                           "VALUES (?1, ?2, ?3, ?4, 'seed') "
                           "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
                           "  description = excluded.description, clause = excluded.clause "
                           "WHERE industry_chain_maps.origin = 'seed' AND industry_chain_maps.edited = 0",
                           (const char *[]) { json_object_get_string_member (chain, "code"),
                                              json_object_get_string_member (chain, "name"),
                                              description, clause, NULL },
                           error) >= 0;
}

static gboolean
seed_chain (ZsStore     *store,
            JsonObject  *chain,
            GError     **error)
{
  const char *code = json_object_get_string_member (chain, "code");
  JsonArray *links = array_member (chain, "links");
  g_autofree char *chain_id = NULL;
  gboolean removed;

  if (!is_removed (store, "chain", code, &removed, error))
    return FALSE;
  if (removed)
    return TRUE;
  if (!upsert_chain (store, chain, error) ||
      !(chain_id = zs_chain_sql_scalar (store, "SELECT id FROM industry_chain_maps WHERE code = ?1",
                                        (const char *[]) { code, NULL }, error)))
    return FALSE;
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    if (!seed_link (store, chain_id, json_array_get_object_element (links, i), i, error))
      return FALSE;
  return seed_edges (store, array_member (chain, "edges"), error);
}

static gboolean
seed_all (ZsStore     *store,
          JsonObject  *root,
          const char  *revision,
          GError     **error)
{
  JsonArray *chains = array_member (root, "chains");

  for (guint i = 0; chains != NULL && i < json_array_get_length (chains); i++)
    if (!seed_chain (store, json_array_get_object_element (chains, i), error))
      return FALSE;
  return zs_chain_sql_execute (store,
                           "INSERT INTO industry_chain_seed_state (key, value) VALUES ('revision', ?1) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           (const char *[]) { revision, NULL }, error) >= 0;
}

static JsonObject *
read_seed (JsonParser  *parser,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (zs_chain_get_resource (), SEED_PATH,
                                                            G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  JsonNode *root;

  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("The chain seed is not a JSON object"));
      return NULL;
    }
  return json_node_get_object (root);
}

/**
 * zs_chain_seed_load:
 * @store: the store, with the plugin's tables
 * @error: return location for a #GError
 *
 * Loads the shipped chain maps unless this revision was loaded before.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
zs_chain_seed_load (ZsStore  *store,
                    GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *applied = NULL;
  g_autofree char *revision = NULL;
  JsonObject *root;

  if (!(root = read_seed (parser, error)))
    return FALSE;
  revision = g_strdup_printf ("%" PRId64, json_object_get_int_member_with_default (root, "revision", 1));
  applied = zs_chain_sql_scalar (store, "SELECT value FROM industry_chain_seed_state WHERE key = 'revision'",
                                 NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (applied != NULL && g_ascii_strtoll (applied, NULL, 10) >= g_ascii_strtoll (revision, NULL, 10))
    return TRUE;

  if (!zs_chain_sql_savepoint (store, error))
    return FALSE;
  if (!seed_all (store, root, revision, error))
    {
      zs_chain_sql_rollback (store);
      g_prefix_error (error, _("Could not load the shipped chain maps: "));
      return FALSE;
    }
  return zs_chain_sql_release (store, error);
}
