/* zs-chain-sql.h: small helpers over the store's SQL interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_CHAIN_MODULE_NAME "industry-chain"

gboolean  zs_chain_sql_ids          (ZsStore             *store,
                                     const char          *sql,
                                     const char * const  *params,
                                     GArray              *ids,
                                     GError             **error);
char     *zs_chain_sql_id_list      (const gint64        *ids,
                                     guint                n_ids);
char     *zs_chain_sql_scalar       (ZsStore             *store,
                                     const char          *sql,
                                     const char * const  *params,
                                     GError             **error);
GPtrArray *zs_chain_sql_query       (ZsStore             *store,
                                     const char          *sql,
                                     const char * const  *params,
                                     GError             **error);
gint64    zs_chain_sql_execute      (ZsStore             *store,
                                     const char          *sql,
                                     const char * const  *params,
                                     GError             **error);
gboolean  zs_chain_sql_savepoint    (ZsStore             *store,
                                     GError             **error);
gboolean  zs_chain_sql_release      (ZsStore             *store,
                                     GError             **error);
void      zs_chain_sql_rollback     (ZsStore             *store);
void      zs_chain_ids_sort_unique  (GArray              *ids);
char     *zs_chain_id_to_string     (gint64               id);

G_END_DECLS
