/* zs-plugin-engine.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-command-provider.h"
#include "zs-plugin.h"
#include "zs-plugin-context.h"
#include "zs-store.h"

G_BEGIN_DECLS

#define ZS_TYPE_PLUGIN_ENGINE (zs_plugin_engine_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsPluginEngine, zs_plugin_engine, ZS, PLUGIN_ENGINE, GObject)

ZS_AVAILABLE_IN_ALL
ZsPluginEngine    *zs_plugin_engine_new            (ZsStore         *store);
ZS_AVAILABLE_IN_ALL
char             **zs_plugin_engine_get_search_path (ZsPluginEngine *self);
ZS_AVAILABLE_IN_ALL
void               zs_plugin_engine_set_frontend   (ZsPluginEngine  *self,
                                                    const char      *frontend);
ZS_AVAILABLE_IN_ALL
void               zs_plugin_engine_load_all       (ZsPluginEngine  *self);
ZS_AVAILABLE_IN_ALL
void               zs_plugin_engine_unload_all     (ZsPluginEngine  *self);
ZS_AVAILABLE_IN_ALL
GPtrArray         *zs_plugin_engine_list_plugins   (ZsPluginEngine  *self);
ZS_AVAILABLE_IN_ALL
ZsPlugin          *zs_plugin_engine_get_plugin     (ZsPluginEngine  *self,
                                                    const char      *module_name,
                                                    GError         **error);
ZS_AVAILABLE_IN_ALL
gboolean           zs_plugin_engine_set_enabled    (ZsPluginEngine  *self,
                                                    const char      *module_name,
                                                    gboolean         enabled,
                                                    GError         **error);
ZS_AVAILABLE_IN_ALL
GPtrArray         *zs_plugin_engine_get_extensions (ZsPluginEngine  *self,
                                                    GType            extension_type);
ZS_AVAILABLE_IN_ALL
ZsPluginContext   *zs_plugin_engine_get_context    (ZsPluginEngine  *self,
                                                    const char      *module_name);
ZS_AVAILABLE_IN_ALL
ZsCommandProvider *zs_plugin_engine_find_command   (ZsPluginEngine  *self,
                                                    const char      *command,
                                                    ZsPluginContext **context);
ZS_AVAILABLE_IN_ALL
ZsCommandProvider *zs_plugin_engine_get_command_provider (ZsPluginEngine *self,
                                                          const char     *module_name);
ZS_AVAILABLE_IN_ALL
char              *zs_plugin_engine_find_verb_plugin (ZsPluginEngine *self,
                                                      const char     *verb);
ZS_AVAILABLE_IN_ALL
gboolean           zs_plugin_engine_add_service    (ZsPluginEngine  *self,
                                                    GType            interface_type,
                                                    GObject         *service,
                                                    const char      *provider_module,
                                                    GError         **error);
ZS_AVAILABLE_IN_ALL
gboolean           zs_plugin_engine_remove_service (ZsPluginEngine  *self,
                                                    GType            interface_type,
                                                    GObject         *service);
ZS_AVAILABLE_IN_ALL
GObject           *zs_plugin_engine_get_service    (ZsPluginEngine  *self,
                                                    GType            interface_type);
ZS_AVAILABLE_IN_ALL
GPtrArray         *zs_plugin_engine_list_services  (ZsPluginEngine  *self);
ZS_AVAILABLE_IN_ALL
char              *zs_plugin_engine_get_service_provider (ZsPluginEngine *self,
                                                          GType           interface_type);

G_END_DECLS
