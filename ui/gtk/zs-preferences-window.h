/* zs-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_PREFERENCES_WINDOW (zs_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ZsPreferencesWindow, zs_preferences_window, ZS, PREFERENCES_WINDOW, AdwPreferencesWindow)

ZsPreferencesWindow *zs_preferences_window_new         (GtkWindow           *parent,
                                                        ZsPluginEngine      *engine);
GtkSwitch           *zs_preferences_window_get_switch  (ZsPreferencesWindow *self,
                                                        const char          *module_name);
const char          *zs_preferences_window_get_plugin_error (ZsPreferencesWindow *self,
                                                        const char          *module_name);
void                 zs_preferences_window_reload      (ZsPreferencesWindow *self);

G_END_DECLS
