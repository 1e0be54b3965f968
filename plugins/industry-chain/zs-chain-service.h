/* zs-chain-service.h: what the industry-chain plugin offers other plugins
 *   and pages through the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_CHAIN_SERVICE (zs_chain_service_get_type ())

G_DECLARE_INTERFACE (ZsChainService, zs_chain_service, ZS, CHAIN_SERVICE, GObject)

/**
 * ZsChainServiceInterface:
 * @list_chains: the chains, as `chain list --json` gives them
 * @get_map: a chain's links with their coverage in a park, and its edges,
 *   as `chain show CHAIN [--park P] --json`
 * @get_candidates: the gap and weak links of a chain (or one link) with
 *   their best candidates, as `chain match CHAIN [--link L] --top N
 *   [--park P] --json`
 * @add_lead: a candidate made a project at stage lead for a link, as
 *   `chain lead FIRM LINK [--park P] --json`
 *
 * Every method works through the #ZsStore it is given, in the calling
 * thread: a caller in a worker thread passes a connection of its own (a
 * #ZsStore is used by one thread at a time). The results are the JSON of
 * the matching `chain` subverb, with the same snake_case keys.
 */
struct _ZsChainServiceInterface
{
  GTypeInterface parent_iface;

  JsonNode *(*list_chains)    (ZsChainService  *self,
                               ZsStore         *store,
                               GError         **error);
  JsonNode *(*get_map)        (ZsChainService  *self,
                               ZsStore         *store,
                               const char      *chain,
                               const char      *park,
                               GError         **error);
  JsonNode *(*get_candidates) (ZsChainService  *self,
                               ZsStore         *store,
                               const char      *chain,
                               const char      *link,
                               const char      *park,
                               guint            top,
                               GError         **error);
  JsonNode *(*add_lead)       (ZsChainService  *self,
                               ZsStore         *store,
                               gint64           firm_id,
                               const char      *link,
                               const char      *park,
                               GError         **error);
};

JsonNode *zs_chain_service_list_chains    (ZsChainService  *self,
                                           ZsStore         *store,
                                           GError         **error);
JsonNode *zs_chain_service_get_map        (ZsChainService  *self,
                                           ZsStore         *store,
                                           const char      *chain,
                                           const char      *park,
                                           GError         **error);
JsonNode *zs_chain_service_get_candidates (ZsChainService  *self,
                                           ZsStore         *store,
                                           const char      *chain,
                                           const char      *link,
                                           const char      *park,
                                           guint            top,
                                           GError         **error);
JsonNode *zs_chain_service_add_lead       (ZsChainService  *self,
                                           ZsStore         *store,
                                           gint64           firm_id,
                                           const char      *link,
                                           const char      *park,
                                           GError         **error);

G_END_DECLS
