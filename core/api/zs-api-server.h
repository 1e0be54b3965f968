/* zs-api-server.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zs-route-provider.h"
#include "zs-store.h"

G_BEGIN_DECLS

#define ZS_TYPE_API_SERVER (zs_api_server_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsApiServer, zs_api_server, ZS, API_SERVER, GObject)

ZS_AVAILABLE_IN_ALL
ZsApiServer *zs_api_server_new                (ZsStore          *store,
                                               GTlsCertificate  *certificate);
ZS_AVAILABLE_IN_ALL
void         zs_api_server_add_route_provider (ZsApiServer      *self,
                                               ZsRouteProvider  *provider);
ZS_AVAILABLE_IN_ALL
gboolean     zs_api_server_listen             (ZsApiServer      *self,
                                               const char       *address,
                                               guint             port,
                                               gboolean          reuse_port,
                                               GError          **error);
ZS_AVAILABLE_IN_ALL
guint        zs_api_server_get_port           (ZsApiServer      *self);
ZS_AVAILABLE_IN_ALL
void         zs_api_server_stop_listening     (ZsApiServer      *self);
ZS_AVAILABLE_IN_ALL
guint        zs_api_server_get_n_active       (ZsApiServer      *self);
ZS_AVAILABLE_IN_ALL
void         zs_api_server_disconnect         (ZsApiServer      *self);
ZS_AVAILABLE_IN_ALL
gsize        zs_api_server_get_max_body_size  (ZsApiServer      *self);
ZS_AVAILABLE_IN_ALL
void         zs_api_server_set_max_body_size  (ZsApiServer      *self,
                                               gsize             max_body_size);
ZS_AVAILABLE_IN_ALL
gboolean     zs_api_server_get_access_log     (ZsApiServer      *self);
ZS_AVAILABLE_IN_ALL
void         zs_api_server_set_access_log     (ZsApiServer      *self,
                                               gboolean          access_log);
ZS_AVAILABLE_IN_ALL
guint        zs_api_server_get_request_timeout (ZsApiServer     *self);
ZS_AVAILABLE_IN_ALL
void         zs_api_server_set_request_timeout (ZsApiServer     *self,
                                                guint            seconds);
ZS_AVAILABLE_IN_ALL
JsonNode    *zs_api_server_build_openapi      (ZsApiServer      *self);

G_END_DECLS
