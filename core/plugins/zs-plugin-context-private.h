/* zs-plugin-context-private.h: what the engine asks of a plugin's context;
 * not installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-plugin-context.h"

G_BEGIN_DECLS

/* Unregisters the record types the plugin registered, on deactivation. */
void _zs_plugin_context_withdraw_record_types (ZsPluginContext *self);

G_END_DECLS
