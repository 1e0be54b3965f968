/* zs-chain-map.h: an industry chain and its links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-chain-link.h"

G_BEGIN_DECLS

#define ZS_TYPE_CHAIN_MAP (zs_chain_map_get_type ())

G_DECLARE_FINAL_TYPE (ZsChainMap, zs_chain_map, ZS, CHAIN_MAP, GObject)

ZsChainMap *zs_chain_map_new             (gint64       id,
                                          const char  *code,
                                          const char  *name,
                                          const char  *description,
                                          int          clause,
                                          const char  *origin);
gint64      zs_chain_map_get_id          (ZsChainMap  *self);
const char *zs_chain_map_get_code        (ZsChainMap  *self);
const char *zs_chain_map_get_name        (ZsChainMap  *self);
const char *zs_chain_map_get_description (ZsChainMap  *self);
int         zs_chain_map_get_clause      (ZsChainMap  *self);
const char *zs_chain_map_get_origin      (ZsChainMap  *self);
GPtrArray  *zs_chain_map_get_links       (ZsChainMap  *self);
void        zs_chain_map_add_link        (ZsChainMap  *self,
                                          ZsChainLink *link);

G_END_DECLS
