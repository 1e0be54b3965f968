/* zs-chain-evidence.h: why a firm is thought to sit at a link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

#include "zs-chain-link.h"

G_BEGIN_DECLS

/**
 * ZsChainEvidence:
 * @ZS_CHAIN_EVIDENCE_SECTOR: the firm (or its project) is in a sector of the link
 * @ZS_CHAIN_EVIDENCE_NAME: a keyword of the link is in the firm's name
 * @ZS_CHAIN_EVIDENCE_SCOPE: a keyword of the link is in the firm's business scope
 */
typedef enum {
  ZS_CHAIN_EVIDENCE_NONE   = 0,
  ZS_CHAIN_EVIDENCE_SECTOR = 1 << 0,
  ZS_CHAIN_EVIDENCE_NAME   = 1 << 1,
  ZS_CHAIN_EVIDENCE_SCOPE  = 1 << 2,
} ZsChainEvidence;

typedef struct {
  gint64  firm_id;
  char   *name;
  char   *scope;
  GStrv   sectors;
} ZsChainFirmFacts;

void            zs_chain_firm_facts_free    (ZsChainFirmFacts    *facts);
GHashTable     *zs_chain_firm_facts_load    (ZsStore             *store,
                                             GArray              *firm_ids,
                                             GError             **error);
ZsChainEvidence zs_chain_evidence_find      (ZsChainLink         *link,
                                             ZsChainFirmFacts    *facts,
                                             const char * const  *project_sectors);
double          zs_chain_evidence_confidence (ZsChainEvidence     evidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZsChainFirmFacts, zs_chain_firm_facts_free)

G_END_DECLS
