/* zs-chain-catalog.h: every chain map, read from the plugin's tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

#include "zs-chain-map.h"

G_BEGIN_DECLS

#define ZS_TYPE_CHAIN_CATALOG (zs_chain_catalog_get_type ())

G_DECLARE_FINAL_TYPE (ZsChainCatalog, zs_chain_catalog, ZS, CHAIN_CATALOG, GObject)

ZsChainCatalog *zs_chain_catalog_load          (ZsStore         *store,
                                                GError         **error);
GPtrArray      *zs_chain_catalog_get_maps      (ZsChainCatalog  *self);
GPtrArray      *zs_chain_catalog_get_links     (ZsChainCatalog  *self);
ZsChainMap     *zs_chain_catalog_find_map      (ZsChainCatalog  *self,
                                                const char      *code,
                                                GError         **error);
ZsChainLink    *zs_chain_catalog_find_link     (ZsChainCatalog  *self,
                                                const char      *code,
                                                GError         **error);
ZsChainLink    *zs_chain_catalog_get_link      (ZsChainCatalog  *self,
                                                gint64           link_id);
ZsChainMap     *zs_chain_catalog_get_map_of    (ZsChainCatalog  *self,
                                                ZsChainLink     *link);

G_END_DECLS
