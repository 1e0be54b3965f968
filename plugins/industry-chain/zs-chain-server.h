/* zs-chain-server.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

#include "zs-chain-service.h"

G_BEGIN_DECLS

#define ZS_TYPE_CHAIN_SERVER (zs_chain_server_get_type ())

G_DECLARE_FINAL_TYPE (ZsChainServer, zs_chain_server, ZS, CHAIN_SERVER, GObject)

void           zs_chain_server_register (GTypeModule    *module);
ZsChainServer *zs_chain_server_new      (ZsPluginEngine *engine);

G_END_DECLS
