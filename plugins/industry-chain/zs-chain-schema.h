/* zs-chain-schema.h: the plugin's own tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ZS_CHAIN_SCHEMA_NAME "industry_chain"

char **zs_chain_schema_get_migrations (void);

G_END_DECLS
