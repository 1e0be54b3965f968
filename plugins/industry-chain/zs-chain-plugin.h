/* zs-chain-plugin.h: the industry-chain plugin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpeas/peas.h>

G_BEGIN_DECLS

#define ZS_TYPE_CHAIN_PLUGIN (zs_chain_plugin_get_type ())

G_DECLARE_FINAL_TYPE (ZsChainPlugin, zs_chain_plugin, ZS, CHAIN_PLUGIN, GObject)

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_END_DECLS
