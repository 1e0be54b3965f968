/* zs-plugin-storage.h: a plugin's own SQL, confined to its own tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-store.h"

G_BEGIN_DECLS

#define ZS_TYPE_PLUGIN_STORAGE (zs_plugin_storage_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsPluginStorage, zs_plugin_storage, ZS, PLUGIN_STORAGE, GObject)

ZS_AVAILABLE_IN_ALL
ZsPluginStorage *zs_plugin_storage_new         (ZsStore            *store,
                                                const char         *module_name);
ZS_AVAILABLE_IN_ALL
ZsStore         *zs_plugin_storage_get_store   (ZsPluginStorage    *self);
ZS_AVAILABLE_IN_ALL
const char      *zs_plugin_storage_get_module_name (ZsPluginStorage *self);
ZS_AVAILABLE_IN_ALL
const char      *zs_plugin_storage_get_prefix  (ZsPluginStorage    *self);
ZS_AVAILABLE_IN_ALL
gint64           zs_plugin_storage_execute     (ZsPluginStorage    *self,
                                                const char         *sql,
                                                const char * const *params,
                                                GError            **error);
ZS_AVAILABLE_IN_ALL
GPtrArray       *zs_plugin_storage_query       (ZsPluginStorage    *self,
                                                const char         *sql,
                                                const char * const *params,
                                                GError            **error);
ZS_AVAILABLE_IN_ALL
char            *zs_plugin_storage_query_json  (ZsPluginStorage    *self,
                                                const char         *sql,
                                                const char * const *params,
                                                GError            **error);
ZS_AVAILABLE_IN_ALL
gboolean         zs_plugin_storage_begin       (ZsPluginStorage    *self,
                                                GError            **error);
ZS_AVAILABLE_IN_ALL
gboolean         zs_plugin_storage_commit      (ZsPluginStorage    *self,
                                                GError            **error);
ZS_AVAILABLE_IN_ALL
void             zs_plugin_storage_rollback    (ZsPluginStorage    *self);

G_END_DECLS
