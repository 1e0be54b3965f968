/* zs-chain-cli.h: the `chain` verb of zhaoshang-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

G_BEGIN_DECLS

char *zs_chain_cli_run      (ZsStore             *store,
                             ZsPluginEngine      *engine,
                             const char * const  *args,
                             gboolean             json,
                             GError             **error);
char *zs_chain_cli_get_help (void);

G_END_DECLS
