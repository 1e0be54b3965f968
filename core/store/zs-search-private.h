/* zs-search-private.h: full-text search that works for short CJK queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean  zs_search_register_tokenizer (sqlite3     *db,
                                        GError     **error);
char     *zs_search_build_match        (const char  *query);
gboolean  zs_search_tokenize           (const char  *text,
                                        gboolean     for_query,
                                        GPtrArray   *tokens);

G_END_DECLS
