/* zs-chain-sql.h: small helpers over the store's SQL interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

G_BEGIN_DECLS

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
gboolean  zs_chain_sql_table_exists (ZsStore             *store,
                                     const char          *table,
                                     gboolean            *exists,
                                     GError             **error);
gboolean  zs_chain_sql_savepoint    (ZsStore             *store,
                                     GError             **error);
gboolean  zs_chain_sql_release      (ZsStore             *store,
                                     GError             **error);
void      zs_chain_sql_rollback     (ZsStore             *store);
void      zs_chain_ids_sort_unique  (GArray              *ids);
char     *zs_chain_id_to_string     (gint64               id);

G_END_DECLS
