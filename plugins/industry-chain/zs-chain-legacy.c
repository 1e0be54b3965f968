/* zs-chain-legacy.c: moving the tables of releases before record types
 *
 * Until schema step 3 the plugin kept its chains, links, terms, edges,
 * decisions and project links in tables of its own (`industry_chain_maps`
 * …), seeded them by its own bookkeeping (an `origin` and `edited` column,
 * tombstones in `industry_chain_seed_removed`) and wrote them by SQL. On
 * the first activation with record types, every row is written again as a
 * record (so it has a version and a history from then on), what the old
 * seed wrote and nobody edited is handed to the core's seed bookkeeping
 * (zs_plugin_seed_adopt()), the old tombstones too, and the old tables go,
 * all in one transaction with the write lock taken first. Who decided a
 * firm's link, and when, is not kept: the old columns were never shown,
 * and the records' history starts with the move.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-chain-legacy.h"
#include "zs-chain-records.h"
#include "zs-chain-sql.h"

#include <glib/gi18n-lib.h>

typedef struct {
  ZsStore    *store;
  GHashTable *maps;     /* old id (text) → new id (text) */
  GHashTable *links;
  GHashTable *pristine; /* new link ids (text) the old seed wrote and nobody edited */
} Move;

static const char * const old_tables[] = {
  "industry_chain_project_links", "industry_chain_assignments", "industry_chain_edges",
  "industry_chain_link_keywords", "industry_chain_link_sectors", "industry_chain_links",
  "industry_chain_maps", "industry_chain_seed_removed", "industry_chain_seed_state",
};

static gboolean
has_old_tables (ZsStore   *store,
                gboolean  *found,
                GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *column = zs_chain_sql_scalar (store, "SELECT 1 FROM pragma_table_info ('industry_chain_maps') LIMIT 1",
                                                 NULL, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *found = column != NULL;
  return TRUE;
}

static const char *
mapped (GHashTable *ids,
        const char *old_id)
{
  return old_id != NULL ? g_hash_table_lookup (ids, old_id) : NULL;
}

/* Creates one record per row of @sql, fields named by @fields in the row's
 * column order; the row's last column is "1" when the seed may keep the
 * record as its own. */
static gboolean
move_rows (Move                *move,
           const char          *sql,
           const char          *type_name,
           const char * const  *fields,
           const char          *seed_key,
           GHashTable          *ids,
           gboolean           (*translate) (Move *, char **),
           GError             **error)
{
  g_autoptr(GPtrArray) rows = zs_chain_sql_query (move->store, sql, NULL, error);
  guint n_fields = g_strv_length ((char **) fields);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) pairs = g_ptr_array_new ();
      gint64 id;

      if (translate != NULL && !translate (move, row))
        continue;                   /* what it belonged to is gone */
      for (guint f = 0; f < n_fields; f++)
        if (row[f + 1][0] != '\0')
          {
            g_ptr_array_add (pairs, (gpointer) fields[f]);
            g_ptr_array_add (pairs, row[f + 1]);
          }
      g_ptr_array_add (pairs, NULL);
      if ((id = zs_chain_records_create (move->store, type_name, (const char * const *) pairs->pdata, error)) <= 0)
        {
          g_prefix_error (error, _("%s %s: "), type_name, row[0]);
          return FALSE;
        }
      if (ids != NULL)
        g_hash_table_insert (ids, g_strdup (row[0]), zs_chain_id_to_string (id));
      if (seed_key != NULL && g_str_equal (row[n_fields + 1], "1"))
        {
          if (g_str_equal (type_name, ZS_CHAIN_LINK))
            g_hash_table_add (move->pristine, zs_chain_id_to_string (id));
          if (!zs_plugin_seed_adopt (move->store, type_name, seed_key, id, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
translate_link (Move  *move,
                char **row)
{
  const char *chain = mapped (move->maps, row[1]);

  if (chain == NULL)
    return FALSE;
  g_free (row[1]);
  row[1] = g_strdup (chain);
  return TRUE;
}

/* Terms and edges: the link ids; the seed keeps them only on pristine links. */
static gboolean
translate_term (Move  *move,
                char **row)
{
  const char *link = mapped (move->links, row[1]);

  if (link == NULL)
    return FALSE;
  g_free (row[1]);
  row[1] = g_strdup (link);
  if (!g_hash_table_contains (move->pristine, link))
    row[3][0] = '0';
  return TRUE;
}

static gboolean
translate_edge (Move  *move,
                char **row)
{
  const char *supplier = mapped (move->links, row[1]);
  const char *customer = mapped (move->links, row[2]);

  if (supplier == NULL || customer == NULL)
    return FALSE;
  g_free (row[1]);
  row[1] = g_strdup (supplier);
  g_free (row[2]);
  row[2] = g_strdup (customer);
  if (!g_hash_table_contains (move->pristine, supplier) || !g_hash_table_contains (move->pristine, customer))
    row[3][0] = '0';
  return TRUE;
}

/* Decisions and project links: the link id is the second field. */
static gboolean
translate_second_link (Move  *move,
                       char **row)
{
  const char *link = mapped (move->links, row[2]);

  if (link == NULL)
    return FALSE;
  g_free (row[2]);
  row[2] = g_strdup (link);
  return TRUE;
}

static gboolean
move_tombstones (ZsStore  *store,
                 GError  **error)
{
  g_autoptr(GPtrArray) rows = zs_chain_sql_query (store, "SELECT kind, code FROM industry_chain_seed_removed",
                                                  NULL, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (!zs_plugin_seed_adopt_removed (store, g_str_equal (row[0], "chain") ? ZS_CHAIN_MAP : ZS_CHAIN_LINK,
                                         "code", row[1], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
drop_old_tables (ZsStore  *store,
                 GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (old_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TABLE IF EXISTS %s", old_tables[i]);

      if (zs_chain_sql_execute (store, sql, NULL, error) < 0)
        return FALSE;
    }
  return TRUE;
}

#define PRISTINE "CASE WHEN origin = 'seed' AND edited = 0 THEN '1' ELSE '0' END"

static gboolean
move_all (Move    *move,
          GError **error)
{
  return move_rows (move, "SELECT id, code, name, coalesce (description, ''), coalesce (clause, ''), " PRISTINE
                          " FROM industry_chain_maps ORDER BY id",
                    ZS_CHAIN_MAP, (const char *[]) { "code", "name", "description", "clause", NULL },
                    "code", move->maps, NULL, error) &&
         move_rows (move, "SELECT id, chain_id, code, name, position, sort_order, " PRISTINE
                          " FROM industry_chain_links ORDER BY id",
                    ZS_CHAIN_LINK, (const char *[]) { "chain_id", "code", "name", "position", "sort_order", NULL },
                    "code", move->links, translate_link, error) &&
         move_rows (move, "SELECT id, link_id, sector_code, '1' FROM industry_chain_link_sectors ORDER BY id",
                    ZS_CHAIN_LINK_SECTOR, (const char *[]) { "link_id", "sector_code", NULL },
                    "link_id,sector_code", NULL, translate_term, error) &&
         move_rows (move, "SELECT id, link_id, keyword, '1' FROM industry_chain_link_keywords ORDER BY id",
                    ZS_CHAIN_LINK_KEYWORD, (const char *[]) { "link_id", "keyword", NULL },
                    "link_id,keyword", NULL, translate_term, error) &&
         move_rows (move, "SELECT supplier_id || '>' || customer_id, supplier_id, customer_id, '1' "
                          "FROM industry_chain_edges ORDER BY supplier_id, customer_id",
                    ZS_CHAIN_EDGE, (const char *[]) { "supplier_id", "customer_id", NULL },
                    "supplier_id,customer_id", NULL, translate_edge, error) &&
         move_rows (move, "SELECT firm_id || '@' || link_id, firm_id, link_id, status FROM industry_chain_assignments "
                          "WHERE firm_id IN (SELECT id FROM core_firms) ORDER BY at, firm_id",
                    ZS_CHAIN_ASSIGNMENT, (const char *[]) { "firm_id", "link_id", "status", NULL },
                    NULL, NULL, translate_second_link, error) &&
         move_rows (move, "SELECT project_id, project_id, link_id FROM industry_chain_project_links "
                          "WHERE project_id IN (SELECT id FROM core_projects) ORDER BY project_id",
                    ZS_CHAIN_PROJECT_LINK, (const char *[]) { "project_id", "link_id", NULL },
                    NULL, NULL, translate_second_link, error) &&
         move_tombstones (move->store, error) &&
         drop_old_tables (move->store, error);
}

/**
 * zs_chain_legacy_migrate:
 * @store: the store, with the plugin's record types registered
 * @error: return location for a #GError
 *
 * Moves the rows of the old tables onto the record types, once.
 *
 * Returns: %TRUE on success (nothing to move included); on failure nothing
 *   was written
 */
gboolean
zs_chain_legacy_migrate (ZsStore  *store,
                         GError  **error)
{
  g_autoptr(GHashTable) maps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) pristine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Move move = { store, maps, links, pristine };
  gboolean found;

  if (!has_old_tables (store, &found, error))
    return FALSE;
  if (!found)
    return TRUE;
  /* Another process may have moved them while this one waited for the lock. */
  if (!zs_chain_sql_savepoint (store, error))
    return FALSE;
  if (!has_old_tables (store, &found, error) || (found && !move_all (&move, error)))
    {
      zs_chain_sql_rollback (store);
      g_prefix_error (error, _("Could not move the chain maps onto record types: "));
      return FALSE;
    }
  return zs_chain_sql_release (store, error);
}
