/* zs-chain-candidate.h: a firm proposed for a link, with its score explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "zs-chain-settings.h"

G_BEGIN_DECLS

typedef enum {
  ZS_CHAIN_KEYWORD_NONE,
  ZS_CHAIN_KEYWORD_SCOPE,
  ZS_CHAIN_KEYWORD_NAME,
} ZsChainKeywordHit;

typedef struct {
  gint64             firm_id;
  char              *name;
  char              *region_code;
  double             registered_capital;
  double             score;
  double             values[ZS_CHAIN_N_COMPONENTS];  /* each from 0 to 1 */
  double             points[ZS_CHAIN_N_COMPONENTS];  /* value × weight; they sum to score */
  gboolean           assigned;          /* the user put the firm at the link */
  gboolean           sector_hit;
  ZsChainKeywordHit  keyword_hit;
  guint              adjacent_settled;  /* settled firms at supplier and customer links */
  gint64             referrer_firm_id;  /* a settled firm that referred it, or 0 */
  int                days_since_contact;  /* -1 if never contacted */
  char              *partner_region;    /* the flying-zone partner it matched, or NULL */
} ZsChainCandidate;

ZsChainCandidate *zs_chain_candidate_new                 (gint64                  firm_id);
void              zs_chain_candidate_free                (ZsChainCandidate       *candidate);
void              zs_chain_candidate_sum                 (ZsChainCandidate       *candidate,
                                                          const ZsChainSettings  *settings);
int               zs_chain_candidate_compare             (const ZsChainCandidate *a,
                                                          const ZsChainCandidate *b);
const char       *zs_chain_keyword_hit_to_string         (ZsChainKeywordHit       hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZsChainCandidate, zs_chain_candidate_free)

G_END_DECLS
