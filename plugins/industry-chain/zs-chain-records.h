/* zs-chain-records.h: the plugin's record types and writes through them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_CHAIN_MAP          "industry_chain.map"
#define ZS_CHAIN_LINK         "industry_chain.link"
#define ZS_CHAIN_LINK_SECTOR  "industry_chain.link_sector"
#define ZS_CHAIN_LINK_KEYWORD "industry_chain.link_keyword"
#define ZS_CHAIN_EDGE         "industry_chain.edge"
#define ZS_CHAIN_ASSIGNMENT   "industry_chain.assignment"
#define ZS_CHAIN_PROJECT_LINK "industry_chain.project_link"

#define ZS_CHAIN_RESOURCE_PREFIX "/cn/horgos/Zhaoshang/plugins/industry-chain/"
#define ZS_CHAIN_TYPES_RESOURCE  ZS_CHAIN_RESOURCE_PREFIX "industry-chain-types.json"
#define ZS_CHAIN_SEED_RESOURCE   ZS_CHAIN_RESOURCE_PREFIX "chains.json"

gint64   zs_chain_records_create       (ZsStore             *store,
                                        const char          *type_name,
                                        const char * const  *pairs,
                                        GError             **error);
gboolean zs_chain_records_update       (ZsStore             *store,
                                        const char          *type_name,
                                        gint64               id,
                                        const char * const  *pairs,
                                        GError             **error);
GPtrArray *zs_chain_records_list       (ZsStore             *store,
                                        const char          *type_name,
                                        const char * const  *pairs,
                                        const char          *sort_field,
                                        ZsSortDirection      direction,
                                        guint                limit,
                                        GError             **error);
gboolean zs_chain_records_find         (ZsStore             *store,
                                        const char          *type_name,
                                        const char * const  *pairs,
                                        gint64              *id,
                                        GError             **error);
gboolean zs_chain_records_ensure       (ZsStore             *store,
                                        const char          *type_name,
                                        const char * const  *pairs,
                                        GError             **error);
gboolean zs_chain_records_delete_where (ZsStore             *store,
                                        const char          *type_name,
                                        const char * const  *pairs,
                                        GError             **error);
void     zs_chain_records_install_rules (ZsStore            *store);

G_END_DECLS
