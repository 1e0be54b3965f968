/* zs-chain-coverage.h: which links of the chains a park has filled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

#include "zs-chain-catalog.h"
#include "zs-chain-settings.h"

G_BEGIN_DECLS

/**
 * ZsChainLinkStatus:
 * @ZS_CHAIN_LINK_GAP: no settled firm (补链)
 * @ZS_CHAIN_LINK_WEAK: fewer settled firms than the weak threshold (强链)
 * @ZS_CHAIN_LINK_COVERED: enough settled firms
 */
typedef enum {
  ZS_CHAIN_LINK_GAP,
  ZS_CHAIN_LINK_WEAK,
  ZS_CHAIN_LINK_COVERED,
} ZsChainLinkStatus;

#define ZS_TYPE_CHAIN_COVERAGE (zs_chain_coverage_get_type ())

G_DECLARE_FINAL_TYPE (ZsChainCoverage, zs_chain_coverage, ZS, CHAIN_COVERAGE, GObject)

ZsChainCoverage   *zs_chain_coverage_compute             (ZsStore          *store,
                                                          ZsChainCatalog   *catalog,
                                                          const char       *park_code,
                                                          const ZsChainSettings *settings,
                                                          GError          **error);
const char        *zs_chain_coverage_get_park            (ZsChainCoverage  *self);
GArray            *zs_chain_coverage_get_settled         (ZsChainCoverage  *self,
                                                          ZsChainLink      *link);
guint              zs_chain_coverage_get_pipeline        (ZsChainCoverage  *self,
                                                          ZsChainLink      *link);
ZsChainLinkStatus  zs_chain_coverage_get_status          (ZsChainCoverage  *self,
                                                          ZsChainLink      *link);
guint              zs_chain_coverage_count_adjacent      (ZsChainCoverage  *self,
                                                          ZsChainLink      *link);
gboolean           zs_chain_coverage_is_settled_here     (ZsChainCoverage  *self,
                                                          gint64            firm_id);
GArray            *zs_chain_coverage_get_settled_firms   (ZsChainCoverage  *self);
const char        *zs_chain_coverage_get_firm_name       (ZsChainCoverage  *self,
                                                          gint64            firm_id);
const char        *zs_chain_link_status_to_string        (ZsChainLinkStatus status);

G_END_DECLS
