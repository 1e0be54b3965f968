/* zs-fz-routes.h: the flying-zone routes of the HTTP API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_FZ_ROUTES (zs_fz_routes_get_type ())
G_DECLARE_FINAL_TYPE (ZsFzRoutes, zs_fz_routes, ZS, FZ_ROUTES, GObject)

void zs_fz_routes_register (GTypeModule *module);

G_END_DECLS
