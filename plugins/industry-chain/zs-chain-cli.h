/* zs-chain-cli.h: the `chain` verb of zhaoshang-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

G_BEGIN_DECLS

ZsCommandKit *zs_chain_cli_create_kit (void);

G_END_DECLS
