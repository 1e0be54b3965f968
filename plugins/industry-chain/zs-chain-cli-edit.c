/* zs-chain-cli-edit.c: `chain add|edit|remove|link-add|link-edit|link-remove`
 *
 * Users extend and correct the chain maps. Every write goes through the
 * record types (zs-chain-records.c), so it is versioned and audited, and
 * the core's seed bookkeeping sees which seed records a user changed or
 * deleted: a later seed never undoes the user's work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-chain-cli-private.h"
#include "zs-chain-records.h"
#include "zs-chain-sql.h"

typedef struct {
  const char * const *sectors;
  const char * const *keywords;
  const char * const *suppliers;
  const char * const *customers;
} Terms;

/* ---- checks --------------------------------------------------------- */

static gboolean
check_new_chain (ZsStore     *store,
                 const char  *code,
                 GError     **error)
{
  gint64 id;

  if (!zs_chain_records_find (store, ZS_CHAIN_MAP, (const char *[]) { "code", code, NULL }, &id, error))
    return FALSE;
  if (id != 0)
    g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE, _("There is already a chain “%s”"), code);
  return id == 0;
}

static gboolean
check_new_link (ZsStore     *store,
                const char  *code,
                GError     **error)
{
  gint64 id;

  if (!zs_chain_records_find (store, ZS_CHAIN_LINK, (const char *[]) { "code", code, NULL }, &id, error))
    return FALSE;
  if (id != 0)
    g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE, _("There is already a link “%s” (link codes are unique "
                                                         "across chains)"), code);
  return id == 0;
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
  /* Sectors and keywords are checked by the record types' rules. */
  return check_links (catalog, terms->suppliers, error) &&
         check_links (catalog, terms->customers, error);
}

/* ---- writes --------------------------------------------------------- */

typedef gboolean (*TermWrite) (ZsStore *, const char *, const char * const *, GError **);

static gboolean
each_term (ZsStore             *store,
           TermWrite            write,
           const char          *type_name,
           const char          *field,
           const char          *link_id,
           const char * const  *values,
           GError             **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (!write (store, type_name, (const char *[]) { "link_id", link_id, field, values[i], NULL }, error))
      return FALSE;
  return TRUE;
}

/* An edge between @link_id and each of @codes; @link_id supplies them
 * when @supplies, else they supply it. A link never supplies itself. */
static gboolean
each_edge (ZsStore             *store,
           TermWrite            write,
           ZsChainCatalog      *catalog,
           const char          *link_id,
           const char * const  *codes,
           gboolean             supplies,
           GError             **error)
{
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      ZsChainLink *other = zs_chain_catalog_find_link (catalog, codes[i], error);
      g_autofree char *other_id = NULL;

      if (other == NULL)
        return FALSE;
      other_id = zs_chain_id_to_string (zs_chain_link_get_id (other));
      if (g_str_equal (other_id, link_id))
        continue;
      if (!write (store, ZS_CHAIN_EDGE,
                  (const char *[]) { "supplier_id", supplies ? link_id : other_id,
                                     "customer_id", supplies ? other_id : link_id, NULL }, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_terms (ZsStore         *store,
             TermWrite        write,
             ZsChainCatalog  *catalog,
             gint64           link,
             const Terms     *terms,
             GError         **error)
{
  g_autofree char *link_id = zs_chain_id_to_string (link);

  return each_term (store, write, ZS_CHAIN_LINK_SECTOR, "sector_code", link_id, terms->sectors, error) &&
         each_term (store, write, ZS_CHAIN_LINK_KEYWORD, "keyword", link_id, terms->keywords, error) &&
         each_edge (store, write, catalog, link_id, terms->suppliers, FALSE, error) &&
         each_edge (store, write, catalog, link_id, terms->customers, TRUE, error);
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
  g_autofree char *clause = inv->clause > 0 ? g_strdup_printf ("%d", inv->clause) : g_strdup ("");

  if (!zs_chain_cli_check_code ("chain", code, error) || !check_clause (inv->clause, error) ||
      !check_new_chain (inv->store, code, error))
    return NULL;
  if (zs_chain_records_create (inv->store, ZS_CHAIN_MAP,
                               (const char *[]) { "code", code, "name", inv->words[1],
                                                  "description", inv->description ? inv->description : "",
                                                  "clause", clause, NULL }, error) <= 0)
    return NULL;
  return chain_result (inv->store, code, error);
}

JsonNode *
zs_chain_cli_edit (ZsChainInvocation  *inv,
                   GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = zs_chain_catalog_load (inv->store, error);
  g_autofree char *clause = inv->clause > 0 ? g_strdup_printf ("%d", inv->clause) : g_strdup ("");
  const char *pairs[7] = { NULL };
  const char *code = inv->words[0];
  ZsChainMap *map;
  guint n = 0;

  if (catalog == NULL || !(map = zs_chain_catalog_find_map (catalog, code, error)) ||
      !check_clause (inv->clause, error))
    return NULL;
  if (inv->name != NULL && inv->name[0] == '\0')
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("name: a chain needs a name"));
      return NULL;
    }
  /* Only what was given changes (0 clears the clause). */
  if (inv->name != NULL)
    {
      pairs[n++] = "name";
      pairs[n++] = inv->name;
    }
  if (inv->description != NULL)
    {
      pairs[n++] = "description";
      pairs[n++] = inv->description;
    }
  if (inv->clause >= 0)
    {
      pairs[n++] = "clause";
      pairs[n++] = clause;
    }
  if (n > 0 && !zs_chain_records_update (inv->store, ZS_CHAIN_MAP, zs_chain_map_get_id (map), pairs, error))
    return NULL;
  return chain_result (inv->store, code, error);
}

/* The chain's links, their terms, edges and decisions go with it, in one
 * group of the audit trail: reverting the deletion brings all back. */
JsonNode *
zs_chain_cli_remove (ZsChainInvocation  *inv,
                     GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = zs_chain_catalog_load (inv->store, error);
  const char *code = inv->words[0];
  ZsChainMap *map;

  if (catalog == NULL || !(map = zs_chain_catalog_find_map (catalog, code, error)) ||
      !zs_store_delete_record (inv->store, ZS_CHAIN_MAP, zs_chain_map_get_id (map), error))
    return NULL;
  return removed_result ("chain", code);
}

/* ---- links ---------------------------------------------------------- */

/* At the end of its chain's links. */
static gint64
insert_link (ZsChainInvocation  *inv,
             ZsChainMap         *map,
             GError            **error)
{
  g_autofree char *chain_id = zs_chain_id_to_string (zs_chain_map_get_id (map));
  g_autoptr(GPtrArray) last = zs_chain_records_list (inv->store, ZS_CHAIN_LINK,
                                                     (const char *[]) { "chain_id", chain_id, NULL },
                                                     "sort_order", ZS_SORT_DESCENDING, 1, error);
  g_autofree char *order = NULL;

  if (last == NULL)
    return 0;
  order = zs_chain_id_to_string (last->len > 0 ? zs_record_get_int64 (last->pdata[0], "sort_order") + 1 : 0);
  return zs_chain_records_create (inv->store, ZS_CHAIN_LINK,
                                  (const char *[]) { "chain_id", chain_id, "code", inv->words[1],
                                                     "name", inv->words[2], "position", inv->position,
                                                     "sort_order", order, NULL }, error);
}

JsonNode *
zs_chain_cli_link_add (ZsChainInvocation  *inv,
                       GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = zs_chain_catalog_load (inv->store, error);
  Terms terms = { inv->sectors, inv->keywords, inv->suppliers, inv->customers };
  ZsChainMap *map;
  gint64 link;

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
  if (!(link = insert_link (inv, map, error)) ||
      !write_terms (inv->store, zs_chain_records_ensure, catalog, link, &terms, error))
    {
      zs_chain_sql_rollback (inv->store);
      return NULL;
    }
  return zs_chain_sql_release (inv->store, error) ? link_result (inv->store, inv->words[1], error) : NULL;
}

static gboolean
update_link (ZsChainInvocation  *inv,
             ZsChainCatalog     *catalog,
             ZsChainLink        *link,
             const Terms        *added,
             const Terms        *dropped,
             GError            **error)
{
  gint64 id = zs_chain_link_get_id (link);
  const char *pairs[5] = { NULL };
  guint n = 0;

  if (inv->name != NULL)
    {
      pairs[n++] = "name";
      pairs[n++] = inv->name;
    }
  if (inv->position != NULL)
    {
      pairs[n++] = "position";
      pairs[n++] = inv->position;
    }
  return (n == 0 || zs_chain_records_update (inv->store, ZS_CHAIN_LINK, id, pairs, error)) &&
         write_terms (inv->store, zs_chain_records_delete_where, catalog, id, dropped, error) &&
         write_terms (inv->store, zs_chain_records_ensure, catalog, id, added, error);
}

JsonNode *
zs_chain_cli_link_edit (ZsChainInvocation  *inv,
                        GError            **error)
{
  g_autoptr(ZsChainCatalog) catalog = zs_chain_catalog_load (inv->store, error);
  Terms added = { inv->sectors, inv->keywords, inv->suppliers, inv->customers };
  Terms dropped = { inv->drop_sectors, inv->drop_keywords, inv->drop_suppliers, inv->drop_customers };
  ZsChainLink *link;

  if (catalog == NULL || !(link = zs_chain_catalog_find_link (catalog, inv->words[0], error)) ||
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
  if (!update_link (inv, catalog, link, &added, &dropped, error))
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
  ZsChainLink *link;

  if (catalog == NULL || !(link = zs_chain_catalog_find_link (catalog, code, error)) ||
      !zs_store_delete_record (inv->store, ZS_CHAIN_LINK, zs_chain_link_get_id (link), error))
    return NULL;
  return removed_result ("link", code);
}
