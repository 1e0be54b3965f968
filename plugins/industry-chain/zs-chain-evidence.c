/* zs-chain-evidence.c: why a firm is thought to sit at a link
 *
 * Inference combines independent hints as 1 − Π(1 − pᵢ): a taxonomy sector
 * is strong evidence (0.8), a keyword in the firm's own name good (0.6), a
 * keyword somewhere in a long business scope weak (0.4), because scopes
 * list much the firm does not really do. With the default threshold of 0.5
 * a scope hit alone does not place a firm; the user can confirm it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-chain-evidence.h"

#include "zs-chain-sql.h"

#define SECTOR_CONFIDENCE 0.8
#define NAME_CONFIDENCE   0.6
#define SCOPE_CONFIDENCE  0.4

void
zs_chain_firm_facts_free (ZsChainFirmFacts *facts)
{
  g_free (facts->name);
  g_free (facts->scope);
  g_strfreev (facts->sectors);
  g_free (facts);
}

static ZsChainFirmFacts *
facts_from_row (char **row)
{
  ZsChainFirmFacts *facts = g_new0 (ZsChainFirmFacts, 1);

  facts->firm_id = g_ascii_strtoll (row[0], NULL, 10);
  facts->name = g_strdup (row[1]);
  facts->scope = g_strdup (row[2]);
  facts->sectors = row[3][0] != '\0' ? g_strsplit (row[3], ",", -1) : g_new0 (char *, 1);
  return facts;
}

/**
 * zs_chain_firm_facts_load:
 * @store: the store
 * @firm_ids: (element-type gint64): a few firms (those with projects, say)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint64 ZsChainFirmFacts): the
 *   firms' names, scopes and sectors, keyed by a pointer to the id
 */
GHashTable *
zs_chain_firm_facts_load (ZsStore  *store,
                          GArray   *firm_ids,
                          GError  **error)
{
  g_autofree char *list = zs_chain_sql_id_list ((gint64 *) (gpointer) firm_ids->data, firm_ids->len);
  g_autoptr(GHashTable) facts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       (GDestroyNotify) zs_chain_firm_facts_free);
  g_autoptr(GPtrArray) rows =
    zs_chain_sql_query (store,
                    "SELECT f.id, f.name, coalesce (f.business_scope, ''), "
                    "  coalesce ((SELECT group_concat (s.sector_code) FROM core_firm_sectors s WHERE s.firm_id = f.id), '') "
                    "FROM core_firms f WHERE f.id IN (SELECT value FROM json_each (?1))",
                    (const char *[]) { list, NULL }, error);

  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      ZsChainFirmFacts *firm = facts_from_row (g_ptr_array_index (rows, i));
      g_hash_table_insert (facts, &firm->firm_id, firm);
    }
  return g_steal_pointer (&facts);
}

static gboolean
has_link_sector (ZsChainLink        *link,
                 const char * const *sectors)
{
  for (guint i = 0; sectors != NULL && sectors[i] != NULL; i++)
    if (zs_chain_link_has_sector (link, sectors[i]))
      return TRUE;
  return FALSE;
}

/**
 * zs_chain_evidence_find:
 * @link: a link
 * @facts: what is known of the firm
 * @project_sectors: (nullable): sectors of the firm's project, which count as the firm's
 *
 * Returns: the hints that place the firm at @link
 */
ZsChainEvidence
zs_chain_evidence_find (ZsChainLink        *link,
                        ZsChainFirmFacts   *facts,
                        const char * const *project_sectors)
{
  ZsChainEvidence evidence = ZS_CHAIN_EVIDENCE_NONE;

  if (has_link_sector (link, (const char * const *) facts->sectors) ||
      has_link_sector (link, project_sectors))
    evidence |= ZS_CHAIN_EVIDENCE_SECTOR;
  if (zs_chain_link_matches_text (link, facts->name))
    evidence |= ZS_CHAIN_EVIDENCE_NAME;
  if (zs_chain_link_matches_text (link, facts->scope))
    evidence |= ZS_CHAIN_EVIDENCE_SCOPE;
  return evidence;
}

/**
 * zs_chain_evidence_confidence:
 * @evidence: hints
 *
 * Returns: how sure the inference is, from 0 to 1
 */
double
zs_chain_evidence_confidence (ZsChainEvidence evidence)
{
  double doubt = 1.0;

  if (evidence & ZS_CHAIN_EVIDENCE_SECTOR)
    doubt *= 1 - SECTOR_CONFIDENCE;
  if (evidence & ZS_CHAIN_EVIDENCE_NAME)
    doubt *= 1 - NAME_CONFIDENCE;
  if (evidence & ZS_CHAIN_EVIDENCE_SCOPE)
    doubt *= 1 - SCOPE_CONFIDENCE;
  return 1.0 - doubt;
}
