/* zs-store-raw-private.h: SQL on the store's connection with no
 * confinement; not installed
 *
 * For the core's own code, its tests and benchmarks only. Plugins run their
 * SQL through ZsPluginStorage (zs_plugin_context_get_storage()), which
 * confines it to their own tables and the core_… views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-store.h"

G_BEGIN_DECLS

gint64     _zs_store_execute    (ZsStore            *self,
                                 const char         *sql,
                                 const char * const *params,
                                 GError            **error);
GPtrArray *_zs_store_query      (ZsStore            *self,
                                 const char         *sql,
                                 const char * const *params,
                                 GError            **error);
char      *_zs_store_query_json (ZsStore            *self,
                                 const char         *sql,
                                 const char * const *params,
                                 GError            **error);

G_END_DECLS
