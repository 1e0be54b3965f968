/* zs-plugin.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include <glib-object.h>

G_BEGIN_DECLS

#define ZS_TYPE_PLUGIN (zs_plugin_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsPlugin, zs_plugin, ZS, PLUGIN, GObject)

ZS_AVAILABLE_IN_ALL
const char         *zs_plugin_get_module_name (ZsPlugin *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_plugin_get_name        (ZsPlugin *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_plugin_get_description (ZsPlugin *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_plugin_get_version     (ZsPlugin *self);
ZS_AVAILABLE_IN_ALL
const char * const *zs_plugin_get_authors     (ZsPlugin *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_plugin_get_loader      (ZsPlugin *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_plugin_get_data_dir    (ZsPlugin *self);
ZS_AVAILABLE_IN_ALL
const char * const *zs_plugin_get_depends     (ZsPlugin *self);
ZS_AVAILABLE_IN_ALL
gboolean            zs_plugin_get_enabled     (ZsPlugin *self);
ZS_AVAILABLE_IN_ALL
gboolean            zs_plugin_get_active      (ZsPlugin *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_plugin_get_error       (ZsPlugin *self);
ZS_AVAILABLE_IN_ALL
const char * const *zs_plugin_get_verbs       (ZsPlugin *self);

G_END_DECLS
