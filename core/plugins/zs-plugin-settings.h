/* zs-plugin-settings.h: a plugin's typed settings, kept in its own storage
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

#define ZS_TYPE_PLUGIN_SETTINGS (zs_plugin_settings_get_type ())
ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsPluginSettings, zs_plugin_settings, ZS, PLUGIN_SETTINGS, GObject)

ZS_AVAILABLE_IN_ALL
ZsPluginSettings *zs_plugin_settings_get_for_store (ZsStore          *store,
                                                    const char       *module_name);
ZS_AVAILABLE_IN_ALL
const char       *zs_plugin_settings_get_module_name (ZsPluginSettings *self);
ZS_AVAILABLE_IN_ALL
void              zs_plugin_settings_declare_double  (ZsPluginSettings *self,
                                                      const char       *key,
                                                      const char       *label,
                                                      double            default_value,
                                                      double            min,
                                                      double            max);
ZS_AVAILABLE_IN_ALL
void              zs_plugin_settings_declare_int     (ZsPluginSettings *self,
                                                      const char       *key,
                                                      const char       *label,
                                                      gint64            default_value,
                                                      gint64            min,
                                                      gint64            max);
ZS_AVAILABLE_IN_ALL
void              zs_plugin_settings_declare_boolean (ZsPluginSettings *self,
                                                      const char       *key,
                                                      const char       *label,
                                                      gboolean          default_value);
ZS_AVAILABLE_IN_ALL
void              zs_plugin_settings_declare_string  (ZsPluginSettings *self,
                                                      const char       *key,
                                                      const char       *label,
                                                      const char       *default_value);
ZS_AVAILABLE_IN_ALL
gboolean          zs_plugin_settings_has_key         (ZsPluginSettings *self,
                                                      const char       *key);
ZS_AVAILABLE_IN_ALL
char            **zs_plugin_settings_list_keys       (ZsPluginSettings *self);
ZS_AVAILABLE_IN_ALL
char             *zs_plugin_settings_get_text        (ZsPluginSettings *self,
                                                      const char       *key,
                                                      GError          **error);
ZS_AVAILABLE_IN_ALL
double            zs_plugin_settings_get_double      (ZsPluginSettings *self,
                                                      const char       *key);
ZS_AVAILABLE_IN_ALL
gint64            zs_plugin_settings_get_int         (ZsPluginSettings *self,
                                                      const char       *key);
ZS_AVAILABLE_IN_ALL
gboolean          zs_plugin_settings_get_boolean     (ZsPluginSettings *self,
                                                      const char       *key);
ZS_AVAILABLE_IN_ALL
char             *zs_plugin_settings_get_string      (ZsPluginSettings *self,
                                                      const char       *key);
ZS_AVAILABLE_IN_ALL
gboolean          zs_plugin_settings_set_text        (ZsPluginSettings *self,
                                                      const char       *key,
                                                      const char       *value,
                                                      GError          **error);
ZS_AVAILABLE_IN_ALL
gboolean          zs_plugin_settings_set_double      (ZsPluginSettings *self,
                                                      const char       *key,
                                                      double            value,
                                                      GError          **error);
ZS_AVAILABLE_IN_ALL
gboolean          zs_plugin_settings_set_int         (ZsPluginSettings *self,
                                                      const char       *key,
                                                      gint64            value,
                                                      GError          **error);
ZS_AVAILABLE_IN_ALL
gboolean          zs_plugin_settings_set_boolean     (ZsPluginSettings *self,
                                                      const char       *key,
                                                      gboolean          value,
                                                      GError          **error);
ZS_AVAILABLE_IN_ALL
gboolean          zs_plugin_settings_reset           (ZsPluginSettings *self,
                                                      const char       *key,
                                                      GError          **error);
ZS_AVAILABLE_IN_ALL
char             *zs_plugin_settings_to_json         (ZsPluginSettings *self,
                                                      GError          **error);

G_END_DECLS
