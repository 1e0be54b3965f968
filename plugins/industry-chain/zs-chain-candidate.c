/* zs-chain-candidate.c: a firm proposed for a link, with its score explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-chain-candidate.h"

ZsChainCandidate *
zs_chain_candidate_new (gint64 firm_id)
{
  ZsChainCandidate *candidate = g_new0 (ZsChainCandidate, 1);

  candidate->firm_id = firm_id;
  candidate->days_since_contact = -1;
  return candidate;
}

void
zs_chain_candidate_free (ZsChainCandidate *candidate)
{
  g_free (candidate->name);
  g_free (candidate->region_code);
  g_free (candidate->partner_region);
  g_free (candidate);
}

/**
 * zs_chain_candidate_sum:
 * @candidate: a candidate whose values are set
 * @settings: the weights
 *
 * Fills in the points of every component and the score, their sum.
 */
void
zs_chain_candidate_sum (ZsChainCandidate      *candidate,
                        const ZsChainSettings *settings)
{
  candidate->score = 0;
  for (guint i = 0; i < ZS_CHAIN_N_COMPONENTS; i++)
    {
      candidate->points[i] = candidate->values[i] * settings->weights[i];
      candidate->score += candidate->points[i];
    }
}

/**
 * zs_chain_candidate_compare:
 *
 * Best first: higher score, then the older firm (lower id), so the order is
 * the same on every run.
 */
int
zs_chain_candidate_compare (const ZsChainCandidate *a,
                            const ZsChainCandidate *b)
{
  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  return (a->firm_id > b->firm_id) - (a->firm_id < b->firm_id);
}

const char *
zs_chain_keyword_hit_to_string (ZsChainKeywordHit hit)
{
  switch (hit)
    {
    case ZS_CHAIN_KEYWORD_NONE: return NULL;
    case ZS_CHAIN_KEYWORD_SCOPE: return "business_scope";
    case ZS_CHAIN_KEYWORD_NAME: return "name";
    default: g_return_val_if_reached (NULL);
    }
}
