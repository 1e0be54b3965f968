/* zs-chain-cli-edit.c: `chain add|edit|remove|link-add|link-edit|link-remove`
 *
 * Users extend and correct the chain maps. Every change to a row the seed
 * wrote marks it edited, and deleting one leaves a tombstone, so a later
 * seed never undoes the user's work (see zs-chain-seed.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-chain-cli-private.h"
#include "zs-chain-sql.h"

typedef struct {
  const char * const *sectors;
  const char * const *keywords;
  const char * const *suppliers;
  const char * const *customers;
} Terms;

/* ---- checks --------------------------------------------------------- */

static gboolean
code_exists (ZsStore     *store,
             const char  *sql,
             const char  *code,
             gboolean    *exists,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *found = zs_chain_sql_scalar (store, sql, (const char *[]) { code, NULL }, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *exists = found != NULL;
  return TRUE;
}

static gboolean
check_new_chain (ZsStore     *store,
                 const char  *code,
                 GError     **error)
{
  gboolean exists;

  if (!code_exists (store, "SELECT 1 FROM industry_chain_maps WHERE code = ?1", code, &exists, error))
    return FALSE;
  if (exists)
    g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE, _("There is already a chain “%s”"), code);
  return !exists;
}

static gboolean
check_new_link (ZsStore     *store,
                const char  *code,
                GError     **error)
{
  gboolean exists;

  if (!code_exists (store, "SELECT 1 FROM industry_chain_links WHERE code = ?1", code, &exists, error))
    return FALSE;
  if (exists)
    g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE, _("There is already a link “%s” (link codes are unique "
                                                         "across chains)"), code);
  return !exists;
}

static gboolean
check_clause (int       clause,
              GError  **error)
{
  if (clause == -1 || (clause >= 1 && clause <= 22))
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("clause: %d is not a clause of the guideline (1 to 22)"), clause);
  return FALSE;
}

static gboolean
check_position (const char  *position,
                GError     **error)
{
  if (position == NULL || g_str_equal (position, "upstream") || g_str_equal (position, "midstream") ||
      g_str_equal (position, "downstream"))
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("position: “%s” is not upstream, midstream or downstream"), position);
  return FALSE;
}

static gboolean
check_sectors (ZsStore             *store,
               const char * const  *sectors,
               GError             **error)
{
  for (guint i = 0; sectors != NULL && sectors[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *found = zs_chain_sql_scalar (store, "SELECT code FROM core_sectors WHERE code = ?1",
                                                    (const char *[]) { sectors[i], NULL }, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (found == NULL)
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("sector: “%s” is not a sector code (see “zhaoshang-cli sectors list”)"), sectors[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* The search index ignores punctuation; a keyword of nothing else would
 * match nothing. */
static gboolean
check_keywords (const char * const  *keywords,
                GError             **error)
{
  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    {
      gboolean searchable = FALSE;

      for (const char *p = keywords[i]; *p != '\0' && !searchable; p = g_utf8_next_char (p))
        searchable = g_unichar_isalnum (g_utf8_get_char (p));
      if (!searchable)
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("keyword: “%s” has no letters or digits to search for"), keywords[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_links (ZsChainCatalog      *catalog,
             const char * const  *codes,
             GError             **error)
{
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    if (!zs_chain_catalog_find_link (catalog, codes[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
check_terms (ZsStore         *store,
             ZsChainCatalog  *catalog,
             const Terms     *terms,
             GError         **error)
{
  return check_sectors (store, terms->sectors, error) &&
         check_keywords (terms->keywords, error) &&
         check_links (catalog, terms->suppliers, error) &&
         check_links (catalog, terms->customers, error);
}

/* ---- writes --------------------------------------------------------- */

static gboolean
execute_each (ZsStore             *store,
              const char          *sql,
              const char          *link_code,
              const char * const  *values,
              GError             **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (zs_chain_sql_execute (store, sql, (const char *[]) { link_code, values[i], NULL }, error) < 0)
      return FALSE;
  return TRUE;
}

static gboolean
add_terms (ZsStore      *store,
           const char   *code,
           const Terms  *terms,
           GError      **error)
{
  return execute_each (store, "INSERT OR IGNORE INTO industry_chain_link_sectors (link_id, sector_code) "
                              "SELECT id, ?2 FROM industry_chain_links WHERE code = ?1",
                       code, terms->sectors, error) &&
         execute_each (store, "INSERT OR IGNORE INTO industry_chain_link_keywords (link_id, keyword) "
                              "SELECT id, ?2 FROM industry_chain_links WHERE code = ?1",
                       code, terms->keywords, error) &&
         execute_each (store, "INSERT OR IGNORE INTO industry_chain_edges (supplier_id, customer_id) "
                              "SELECT s.id, c.id FROM industry_chain_links s, industry_chain_links c "
                              "WHERE c.code = ?1 AND s.code = ?2 AND s.id <> c.id",
                       code, terms->suppliers, error) &&
         execute_each (store, "INSERT OR IGNORE INTO industry_chain_edges (supplier_id, customer_id) "
                              "SELECT s.id, c.id FROM industry_chain_links s, industry_chain_links c "
                              "WHERE s.code = ?1 AND c.code = ?2 AND s.id <> c.id",
                       code, terms->customers, error);
}

static gboolean
drop_terms (ZsStore      *store,
            const char   *code,
            const Terms  *terms,
            GError      **error)
{
  return execute_each (store, "DELETE FROM industry_chain_link_sectors WHERE sector_code = ?2 "
                              "AND link_id = (SELECT id FROM industry_chain_links WHERE code = ?1)",
                       code, terms->sectors, error) &&
         execute_each (store, "DELETE FROM industry_chain_link_keywords WHERE keyword = ?2 "
                              "AND link_id = (SELECT id FROM industry_chain_links WHERE code = ?1)",
                       code, terms->keywords, error) &&
         execute_each (store, "DELETE FROM industry_chain_edges "
                              "WHERE customer_id = (SELECT id FROM industry_chain_links WHERE code = ?1) "
                              "AND supplier_id = (SELECT id FROM industry_chain_links WHERE code = ?2)",
                       code, terms->suppliers, error) &&
         execute_each (store, "DELETE FROM industry_chain_edges "
                              "WHERE supplier_id = (SELECT id FROM industry_chain_links WHERE code = ?1) "
                              "AND customer_id = (SELECT id FROM industry_chain_links WHERE code = ?2)",
                       code, terms->customers, error);
}

/* An edge belongs to both its links: changing it edits the other one too. */
static gboolean
mark_edited (ZsStore      *store,
             const char   *code,
             const Terms  *terms,
             GError      **error)
{
  const char *sql = "UPDATE industry_chain_links SET edited = 1 WHERE code IN (?1, ?2)";

  return zs_chain_sql_execute (store, sql, (const char *[]) { code, code, NULL }, error) >= 0 &&
         execute_each (store, sql, code, terms->suppliers, error) &&
         execute_each (store, sql, code, terms->customers, error);
}

static gboolean
remember_removal (ZsStore     *store,
                  const char  *kind,
                  const char  *table,
                  const char  *code,
                  GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT OR IGNORE INTO industry_chain_seed_removed (kind, code) "
                                          "SELECT ?1, code FROM %s WHERE code = ?2 AND origin = 'seed'", table);

  return zs_chain_sql_execute (store, sql, (const char *[]) { kind, code, NULL }, error) >= 0;
}

/* ---- results -------------------------------------------------------- */

static JsonNode *
chain_result (ZsStore     *store,
              const char  *code,
              GError     **error)
{
  g_autoptr(ZsChainCatalog) catalog = zs_chain_catalog_load (store, error);
  ZsChainMap *map = catalog ? zs_chain_catalog_find_map (catalog, code, error) : NULL;
  JsonObject *result;

  if (map == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_object_member (result, "chain", zs_chain_cli_map_object (map));
  return zs_chain_cli_object_node (result);
}

static JsonNode *
link_result (ZsStore     *store,
             const char  *code,
             GError     **error)
{
  g_autoptr(ZsChainCatalog) catalog = zs_chain_catalog_load (store, error);
  ZsChainLink *link = catalog ? zs_chain_catalog_find_link (catalog, code, error) : NULL;
  JsonObject *result;

  if (link == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_object_member (result, "link", zs_chain_cli_link_object (catalog, link));
  return zs_chain_cli_object_node (result);
}

static JsonNode *
removed_result (const char *kind,
                const char *code)
{
  JsonObject *result = json_object_new ();

  json_object_set_string_member (result, "removed", kind);
  json_object_set_string_member (result, "code", code);
  return zs_chain_cli_object_node (result);
}

/* ---- chains --------------------------------------------------------- */

JsonNode *
zs_chain_cli_add (ZsChainInvocation  *inv,
                  GError            **error)
{
  const char *code = inv->words[0];
  g_autofree char *clause = g_strdup_printf ("%d", MAX (inv->clause, 0));

  if (!zs_chain_cli_check_code ("chain", code, error) || !check_clause (inv->clause, error) ||
      !check_new_chain (inv->store, code, error))
    return NULL;
  if (zs_chain_sql_execute (inv->store,
                        "INSERT INTO industry_chain_maps (code, name, description, clause, origin) "
                        "VALUES (?1, ?2, nullif (?3, ''), nullif (?4, '0'), 'user')",
                        (const char *[]) { code, inv->words[1], inv->description ? inv->description : "",
                                           clause, NULL }, error) < 0)
    return NULL;
  return chain_result (inv->store, code, error);
}

static gboolean
update_chain_field (ZsStore     *store,
                    const char  *column,
                    const char  *code,
                    const char  *value,
                    GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE industry_chain_maps SET %s = nullif (?2, ''), edited = 1 "
                                          "WHERE code = ?1", column);

  return value == NULL || zs_chain_sql_execute (store, sql, (const char *[]) { code, value, NULL }, error) >= 0;
}

JsonNode *
zs_chain_cli_edit (ZsChainInvocation  *inv,
                   GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = zs_chain_catalog_load (inv->store, error);
  const char *code = inv->words[0];
  g_autofree char *clause = inv->clause >= 0 ? g_strdup_printf ("%d", inv->clause) : NULL;

  if (catalog == NULL || !zs_chain_catalog_find_map (catalog, code, error) || !check_clause (inv->clause, error))
    return NULL;
  if (inv->name != NULL && inv->name[0] == '\0')
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("name: a chain needs a name"));
      return NULL;
    }
  if (!update_chain_field (inv->store, "name", code, inv->name, error) ||
      !update_chain_field (inv->store, "description", code, inv->description, error) ||
      !update_chain_field (inv->store, "clause", code, clause, error))
    return NULL;
  return chain_result (inv->store, code, error);
}

JsonNode *
zs_chain_cli_remove (ZsChainInvocation  *inv,
                     GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = zs_chain_catalog_load (inv->store, error);
  const char *code = inv->words[0];

  if (catalog == NULL || !zs_chain_catalog_find_map (catalog, code, error) ||
      !zs_chain_sql_savepoint (inv->store, error))
    return NULL;
  if (!remember_removal (inv->store, "chain", "industry_chain_maps", code, error) ||
      zs_chain_sql_execute (inv->store, "DELETE FROM industry_chain_maps WHERE code = ?1",
                        (const char *[]) { code, NULL }, error) < 0)
    {
      zs_chain_sql_rollback (inv->store);
      return NULL;
    }
  return zs_chain_sql_release (inv->store, error) ? removed_result ("chain", code) : NULL;
}

/* ---- links ---------------------------------------------------------- */

static gboolean
insert_link (ZsChainInvocation  *inv,
             ZsChainMap         *map,
             const Terms        *terms,
             GError            **error)
{
  g_autofree char *chain_id = zs_chain_id_to_string (zs_chain_map_get_id (map));

  return zs_chain_sql_execute (inv->store,
                           "INSERT INTO industry_chain_links (chain_id, code, name, position, sort_order, origin) "
                           "SELECT ?1, ?2, ?3, ?4, coalesce (max (sort_order), -1) + 1, 'user' "
                           "FROM industry_chain_links WHERE chain_id = ?1",
                           (const char *[]) { chain_id, inv->words[1], inv->words[2], inv->position, NULL },
                           error) >= 0 &&
         add_terms (inv->store, inv->words[1], terms, error);
}

JsonNode *
zs_chain_cli_link_add (ZsChainInvocation  *inv,
                       GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = zs_chain_catalog_load (inv->store, error);
  Terms terms = { inv->sectors, inv->keywords, inv->suppliers, inv->customers };
  ZsChainMap *map;

  if (catalog == NULL || !(map = zs_chain_catalog_find_map (catalog, inv->words[0], error)))
    return NULL;
  if (inv->position == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("chain link-add needs --position upstream|midstream|downstream"));
      return NULL;
    }
  if (!zs_chain_cli_check_code ("link", inv->words[1], error) || !check_position (inv->position, error) ||
      !check_new_link (inv->store, inv->words[1], error) ||
      !check_terms (inv->store, catalog, &terms, error) ||
      !zs_chain_sql_savepoint (inv->store, error))
    return NULL;
  if (!insert_link (inv, map, &terms, error))
    {
      zs_chain_sql_rollback (inv->store);
      return NULL;
    }
  return zs_chain_sql_release (inv->store, error) ? link_result (inv->store, inv->words[1], error) : NULL;
}

static gboolean
update_link (ZsChainInvocation  *inv,
             const Terms        *added,
             const Terms        *dropped,
             GError            **error)
{
  const char *code = inv->words[0];

  return (inv->name == NULL ||
          zs_chain_sql_execute (inv->store, "UPDATE industry_chain_links SET name = ?2 WHERE code = ?1",
                            (const char *[]) { code, inv->name, NULL }, error) >= 0) &&
         (inv->position == NULL ||
          zs_chain_sql_execute (inv->store, "UPDATE industry_chain_links SET position = ?2 WHERE code = ?1",
                            (const char *[]) { code, inv->position, NULL }, error) >= 0) &&
         drop_terms (inv->store, code, dropped, error) &&
         add_terms (inv->store, code, added, error) &&
         mark_edited (inv->store, code, added, error) &&
         mark_edited (inv->store, code, dropped, error);
}

JsonNode *
zs_chain_cli_link_edit (ZsChainInvocation  *inv,
                        GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = zs_chain_catalog_load (inv->store, error);
  Terms added = { inv->sectors, inv->keywords, inv->suppliers, inv->customers };
  Terms dropped = { inv->drop_sectors, inv->drop_keywords, inv->drop_suppliers, inv->drop_customers };

  if (catalog == NULL || !zs_chain_catalog_find_link (catalog, inv->words[0], error) ||
      !check_position (inv->position, error) || !check_terms (inv->store, catalog, &added, error) ||
      !check_links (catalog, dropped.suppliers, error) || !check_links (catalog, dropped.customers, error))
    return NULL;
  if (inv->name != NULL && inv->name[0] == '\0')
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("name: a link needs a name"));
      return NULL;
    }
  if (!zs_chain_sql_savepoint (inv->store, error))
    return NULL;
  if (!update_link (inv, &added, &dropped, error))
    {
      zs_chain_sql_rollback (inv->store);
      return NULL;
    }
  return zs_chain_sql_release (inv->store, error) ? link_result (inv->store, inv->words[0], error) : NULL;
}

JsonNode *
zs_chain_cli_link_remove (ZsChainInvocation  *inv,
                          GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = zs_chain_catalog_load (inv->store, error);
  const char *code = inv->words[0];

  if (catalog == NULL || !zs_chain_catalog_find_link (catalog, code, error) ||
      !zs_chain_sql_savepoint (inv->store, error))
    return NULL;
  if (!remember_removal (inv->store, "link", "industry_chain_links", code, error) ||
      zs_chain_sql_execute (inv->store, "DELETE FROM industry_chain_links WHERE code = ?1",
                        (const char *[]) { code, NULL }, error) < 0)
    {
      zs_chain_sql_rollback (inv->store);
      return NULL;
    }
  return zs_chain_sql_release (inv->store, error) ? removed_result ("link", code) : NULL;
}
