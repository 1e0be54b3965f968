/* zs-chain-service.c: the chain service's interface
 *
 * It lives in a small shared library of its own, which the plugin that
 * implements it and the page that calls it both link: a type defined in
 * one plugin module could not be named by another. The library is linked
 * with -z nodelete, so the type it registers outlives any unloading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-chain-service.h"

G_DEFINE_INTERFACE (ZsChainService, zs_chain_service, G_TYPE_OBJECT)

static void
zs_chain_service_default_init (ZsChainServiceInterface *iface)
{
}

/**
 * zs_chain_service_list_chains:
 * @self: the chain service
 * @store: the connection to read through, used by this thread only
 * @error: return location for a #GError
 *
 * Returns: (transfer full): `{"chains": [{"code", "name", …}]}`, or %NULL
 */
JsonNode *
zs_chain_service_list_chains (ZsChainService  *self,
                              ZsStore         *store,
                              GError         **error)
{
  g_return_val_if_fail (ZS_IS_CHAIN_SERVICE (self), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  return ZS_CHAIN_SERVICE_GET_IFACE (self)->list_chains (self, store, error);
}

/**
 * zs_chain_service_get_map:
 * @self: the chain service
 * @store: the connection to read through, used by this thread only
 * @chain: a chain's code
 * @park: (nullable): a park's code; %NULL for all of 两霍两伊
 * @error: return location for a #GError
 *
 * Returns: (transfer full): `{"chain", "links": [{"code", "name",
 *   "position", "settled", "pipeline", "status", …}], "edges"}`, or %NULL
 */
JsonNode *
zs_chain_service_get_map (ZsChainService  *self,
                          ZsStore         *store,
                          const char      *chain,
                          const char      *park,
                          GError         **error)
{
  g_return_val_if_fail (ZS_IS_CHAIN_SERVICE (self), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (chain != NULL, NULL);

  return ZS_CHAIN_SERVICE_GET_IFACE (self)->get_map (self, store, chain, park, error);
}

/**
 * zs_chain_service_get_candidates:
 * @self: the chain service
 * @store: the connection to read through, used by this thread only
 * @chain: a chain's code
 * @link: (nullable): one of its links; %NULL for its gap and weak links
 * @park: (nullable): a park's code; %NULL for all of 两霍两伊
 * @top: candidates per link, from 1 to 1000
 * @error: return location for a #GError
 *
 * Returns: (transfer full): `{"links": [{"link", "name", "status",
 *   "settled", "pipeline", "candidates_total", "candidates": […]}], …}`,
 *   or %NULL
 */
JsonNode *
zs_chain_service_get_candidates (ZsChainService  *self,
                                 ZsStore         *store,
                                 const char      *chain,
                                 const char      *link,
                                 const char      *park,
                                 guint            top,
                                 GError         **error)
{
  g_return_val_if_fail (ZS_IS_CHAIN_SERVICE (self), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (chain != NULL, NULL);

  return ZS_CHAIN_SERVICE_GET_IFACE (self)->get_candidates (self, store, chain, link, park, top, error);
}

/**
 * zs_chain_service_add_lead:
 * @self: the chain service
 * @store: the connection to write through; the views listening to its
 *   #ZsStore::changed hear of the new project
 * @firm_id: the candidate
 * @link: the link's code
 * @park: (nullable): the park of the project
 * @error: return location for a #GError
 *
 * Returns: (transfer full): `{"project_id", "firm_id", "title", "chain",
 *   "link", "park", "stage"}`, or %NULL
 */
JsonNode *
zs_chain_service_add_lead (ZsChainService  *self,
                           ZsStore         *store,
                           gint64           firm_id,
                           const char      *link,
                           const char      *park,
                           GError         **error)
{
  g_return_val_if_fail (ZS_IS_CHAIN_SERVICE (self), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (link != NULL, NULL);

  return ZS_CHAIN_SERVICE_GET_IFACE (self)->add_lead (self, store, firm_id, link, park, error);
}
