/* zs-chain-legacy.h: moving the tables of releases before record types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

G_BEGIN_DECLS

gboolean zs_chain_legacy_migrate (ZsStore  *store,
                                  GError  **error);

G_END_DECLS
