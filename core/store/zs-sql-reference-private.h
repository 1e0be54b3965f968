/* zs-sql-reference-private.h: plain SQLite files that benchmarks measure
 * the store against; not installed, not part of the library's API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ZsSqlReference ZsSqlReference;
typedef struct _ZsSqlQuery     ZsSqlQuery;

const char     *_zs_sql_version             (void);
char           *_zs_sql_quote               (const char      *text);
ZsSqlReference *_zs_sql_reference_open      (const char      *path,
                                             gboolean         read_only,
                                             GError         **error);
gboolean        _zs_sql_reference_use_search_tokenizer (ZsSqlReference *self,
                                             GError         **error);
gboolean        _zs_sql_reference_exec      (ZsSqlReference  *self,
                                             const char      *sql,
                                             GError         **error);
gint64          _zs_sql_reference_count     (ZsSqlReference  *self,
                                             const char      *sql);
void            _zs_sql_reference_close     (ZsSqlReference  *self);
ZsSqlQuery     *_zs_sql_query_new           (ZsSqlReference  *self,
                                             const char      *sql,
                                             GError         **error);
gboolean        _zs_sql_query_run           (ZsSqlQuery      *self,
                                             const char      *text,
                                             gboolean         counting,
                                             gint64          *result,
                                             GError         **error);
void            _zs_sql_query_free          (ZsSqlQuery      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZsSqlQuery, _zs_sql_query_free)

G_END_DECLS
