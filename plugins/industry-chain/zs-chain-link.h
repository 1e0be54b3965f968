/* zs-chain-link.h: one link of an industry chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ZS_TYPE_CHAIN_LINK (zs_chain_link_get_type ())

G_DECLARE_FINAL_TYPE (ZsChainLink, zs_chain_link, ZS, CHAIN_LINK, GObject)

ZsChainLink *zs_chain_link_new                 (gint64       id,
                                                gint64       chain_id,
                                                const char  *code,
                                                const char  *name,
                                                const char  *position);
gint64       zs_chain_link_get_id              (ZsChainLink *self);
gint64       zs_chain_link_get_chain_id        (ZsChainLink *self);
const char  *zs_chain_link_get_code            (ZsChainLink *self);
const char  *zs_chain_link_get_name            (ZsChainLink *self);
const char  *zs_chain_link_get_position        (ZsChainLink *self);
GPtrArray   *zs_chain_link_get_sectors         (ZsChainLink *self);
GPtrArray   *zs_chain_link_get_keywords        (ZsChainLink *self);
GArray      *zs_chain_link_get_suppliers       (ZsChainLink *self);
GArray      *zs_chain_link_get_customers       (ZsChainLink *self);
void         zs_chain_link_add_sector          (ZsChainLink *self,
                                                const char  *sector_code);
void         zs_chain_link_add_keyword         (ZsChainLink *self,
                                                const char  *keyword);
void         zs_chain_link_add_supplier        (ZsChainLink *self,
                                                gint64       link_id);
void         zs_chain_link_add_customer        (ZsChainLink *self,
                                                gint64       link_id);
gboolean     zs_chain_link_has_sector          (ZsChainLink *self,
                                                const char  *sector_code);
gboolean     zs_chain_link_matches_text        (ZsChainLink *self,
                                                const char  *text);

G_END_DECLS
