/* zs-chain-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

#include "zs-chain-graph.h"
#include "zs-chain-service.h"

G_BEGIN_DECLS

#define ZS_TYPE_CHAIN_PAGE (zs_chain_page_get_type ())

G_DECLARE_FINAL_TYPE (ZsChainPage, zs_chain_page, ZS, CHAIN_PAGE, GtkWidget)

GtkWidget    *zs_chain_page_new              (ZsChainService    *service,
                                              ZsStore           *store);
void          zs_chain_page_set_chain        (ZsChainPage       *self,
                                              const char        *chain);
void          zs_chain_page_set_park         (ZsChainPage       *self,
                                              const char        *park);
ZsChainGraph *zs_chain_page_get_graph        (ZsChainPage       *self);
guint         zs_chain_page_get_n_candidates (ZsChainPage       *self);
gint64        zs_chain_page_add_lead         (ZsChainPage       *self,
                                              gint64             firm_id,
                                              const char        *link);
const char   *zs_chain_page_get_status_text  (ZsChainPage       *self);
gboolean      zs_chain_page_get_loading      (ZsChainPage       *self);
gboolean      zs_chain_page_get_link_counts  (ZsChainPage       *self,
                                              const char        *link,
                                              guint             *settled,
                                              guint             *pipeline);

G_END_DECLS
