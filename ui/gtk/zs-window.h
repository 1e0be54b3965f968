/* zs-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

#include "zs-application.h"

G_BEGIN_DECLS

#define ZS_TYPE_WINDOW (zs_window_get_type ())

G_DECLARE_FINAL_TYPE (ZsWindow, zs_window, ZS, WINDOW, AdwApplicationWindow)

ZsWindow       *zs_window_new              (ZsApplication *application,
                                            ZsStore       *store);
ZsWindow       *zs_window_new_for_error    (ZsApplication *application,
                                            const char    *path,
                                            const GError  *error);
ZsStore        *zs_window_get_store        (ZsWindow      *self);
const char     *zs_window_get_path         (ZsWindow      *self);
const GError   *zs_window_get_error        (ZsWindow      *self);
const char     *zs_window_get_page_name    (ZsWindow      *self);
const char     *zs_window_get_view_name    (ZsWindow      *self);
void            zs_window_set_view_name    (ZsWindow      *self,
                                            const char    *name);
GtkWidget      *zs_window_get_view         (ZsWindow      *self,
                                            const char    *name);
GtkStack       *zs_window_get_views        (ZsWindow      *self);
AdwFlap        *zs_window_get_flap         (ZsWindow      *self);
ZsPluginEngine *zs_window_get_plugin_engine (ZsWindow     *self);
void            zs_window_load_plugins     (ZsWindow      *self);
GtkWindow      *zs_window_open_preferences (ZsWindow      *self);
GtkWindow      *zs_window_open_import      (ZsWindow      *self);
GtkWindow      *zs_window_open_project_report (ZsWindow   *self);
gboolean        zs_window_export_report    (ZsWindow      *self,
                                            const char    *path,
                                            GError       **error);

G_END_DECLS
