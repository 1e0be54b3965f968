/* zs-chain-matcher.h: ranking the firms that could fill a link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

#include "zs-chain-candidate.h"
#include "zs-chain-catalog.h"
#include "zs-chain-coverage.h"

G_BEGIN_DECLS

#define ZS_TYPE_CHAIN_MATCHER (zs_chain_matcher_get_type ())

G_DECLARE_FINAL_TYPE (ZsChainMatcher, zs_chain_matcher, ZS, CHAIN_MATCHER, GObject)

ZsChainMatcher *zs_chain_matcher_new                   (ZsStore                *store,
                                                        ZsChainCoverage        *coverage,
                                                        const ZsChainSettings  *settings,
                                                        ZsPartnerProvider      *partners,
                                                        GError                **error);
gboolean        zs_chain_matcher_get_partner_available (ZsChainMatcher         *self);
GPtrArray      *zs_chain_matcher_rank                  (ZsChainMatcher         *self,
                                                        ZsChainLink            *link,
                                                        guint                   top,
                                                        guint                  *n_candidates,
                                                        GError                **error);

G_END_DECLS
