/* zs-plugin.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define ZS_TYPE_PLUGIN (zs_plugin_get_type ())

G_DECLARE_FINAL_TYPE (ZsPlugin, zs_plugin, ZS, PLUGIN, GObject)

const char         *zs_plugin_get_module_name (ZsPlugin *self);
const char         *zs_plugin_get_name        (ZsPlugin *self);
const char         *zs_plugin_get_description (ZsPlugin *self);
const char         *zs_plugin_get_version     (ZsPlugin *self);
const char * const *zs_plugin_get_authors     (ZsPlugin *self);
const char         *zs_plugin_get_loader      (ZsPlugin *self);
const char         *zs_plugin_get_data_dir    (ZsPlugin *self);
const char * const *zs_plugin_get_depends     (ZsPlugin *self);
gboolean            zs_plugin_get_enabled     (ZsPlugin *self);
gboolean            zs_plugin_get_active      (ZsPlugin *self);
const char         *zs_plugin_get_error       (ZsPlugin *self);

G_END_DECLS
