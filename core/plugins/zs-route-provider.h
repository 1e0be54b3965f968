/* zs-route-provider.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include <json-glib/json-glib.h>

#include "zs-store.h"

G_BEGIN_DECLS

#define ZS_TYPE_ROUTE_PROVIDER (zs_route_provider_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (ZsRouteProvider, zs_route_provider, ZS, ROUTE_PROVIDER, GObject)

/**
 * ZsRouteProviderInterface:
 * @list_routes: the routes the plugin answers, each "METHOD path/prefix"
 *   under /api/v1/ (for example "GET chain/match")
 * @handle: answers one request to one of those routes
 *
 * Routes of the HTTP API for what is not a record (a ledger, an overdue
 * list, matching), implemented by a plugin's extension object.
 */
struct _ZsRouteProviderInterface
{
  GTypeInterface parent_iface;

  char    **(*list_routes) (ZsRouteProvider  *self);
  JsonNode *(*handle)      (ZsRouteProvider  *self,
                            ZsStore          *store,
                            const char       *method,
                            const char       *path,
                            GHashTable       *query,
                            JsonNode         *body,
                            GError          **error);
};

ZS_AVAILABLE_IN_ALL
char    **zs_route_provider_list_routes (ZsRouteProvider  *self);
ZS_AVAILABLE_IN_ALL
JsonNode *zs_route_provider_handle      (ZsRouteProvider  *self,
                                         ZsStore          *store,
                                         const char       *method,
                                         const char       *path,
                                         GHashTable       *query,
                                         JsonNode         *body,
                                         GError          **error);

G_END_DECLS
