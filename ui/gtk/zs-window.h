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

ZsWindow    *zs_window_new              (ZsApplication *application,
                                         ZsStore       *store);
ZsWindow    *zs_window_new_for_error    (ZsApplication *application,
                                         const char    *path,
                                         const GError  *error);
ZsStore     *zs_window_get_store        (ZsWindow      *self);
const char  *zs_window_get_path         (ZsWindow      *self);
const GError *zs_window_get_error       (ZsWindow      *self);
GListModel  *zs_window_get_firms        (ZsWindow      *self);
GtkEditable *zs_window_get_search_entry (ZsWindow      *self);
const char  *zs_window_get_status_text  (ZsWindow      *self);
const char  *zs_window_get_page_name    (ZsWindow      *self);
void         zs_window_reload           (ZsWindow      *self);

G_END_DECLS
