/* zs-chain-seed.h: the chain maps shipped with the plugin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

G_BEGIN_DECLS

gboolean zs_chain_seed_load (ZsStore  *store,
                             GError  **error);

G_END_DECLS
