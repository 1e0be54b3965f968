/* zs-chain-graph.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ZS_TYPE_CHAIN_GRAPH (zs_chain_graph_get_type ())

G_DECLARE_FINAL_TYPE (ZsChainGraph, zs_chain_graph, ZS, CHAIN_GRAPH, GtkWidget)

GtkWidget  *zs_chain_graph_new           (void);
void        zs_chain_graph_set_links     (ZsChainGraph *self,
                                          JsonArray    *links);
guint       zs_chain_graph_get_n_links   (ZsChainGraph *self);
const char *zs_chain_graph_get_status    (ZsChainGraph *self,
                                          const char   *link);
const char *zs_chain_graph_get_selected  (ZsChainGraph *self);
void        zs_chain_graph_select        (ZsChainGraph *self,
                                          const char   *link);

G_END_DECLS
