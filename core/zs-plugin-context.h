/* zs-plugin-context.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-store.h"

G_BEGIN_DECLS

#define ZS_TYPE_PLUGIN_CONTEXT (zs_plugin_context_get_type ())

G_DECLARE_FINAL_TYPE (ZsPluginContext, zs_plugin_context, ZS, PLUGIN_CONTEXT, GObject)

ZsPluginContext *zs_plugin_context_new           (ZsStore         *store,
                                                  const char      *plugin_name,
                                                  const char      *data_dir);
ZsStore         *zs_plugin_context_get_store     (ZsPluginContext *self);
const char      *zs_plugin_context_get_plugin_name (ZsPluginContext *self);
const char      *zs_plugin_context_get_data_dir  (ZsPluginContext *self);
GSettings       *zs_plugin_context_get_settings  (ZsPluginContext *self);

G_END_DECLS
