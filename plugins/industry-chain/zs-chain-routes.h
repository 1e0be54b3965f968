/* zs-chain-routes.h: the industry-chain routes of the HTTP API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

#include "zs-chain-service.h"

G_BEGIN_DECLS

#define ZS_TYPE_CHAIN_ROUTES (zs_chain_routes_get_type ())
G_DECLARE_FINAL_TYPE (ZsChainRoutes, zs_chain_routes, ZS, CHAIN_ROUTES, GObject)

void zs_chain_routes_register    (GTypeModule    *module);
void zs_chain_routes_set_service (ZsChainService *service);

G_END_DECLS
