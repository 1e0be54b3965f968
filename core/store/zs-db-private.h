/* zs-db-private.h: the data layer under the store; not installed
 *
 * One connection, its prepared statements, its transactions, and the
 * mapping of every sqlite result code to a GError. Only core/store sees it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "zs-error.h"

G_BEGIN_DECLS

typedef struct _ZsDb ZsDb;

/* How long a writer waits for another one, and how many statements stay
 * prepared. */
#define ZS_DB_BUSY_TIMEOUT_MS 5000
#define ZS_DB_STATEMENT_CACHE_MAX 128

/* Describes who holds the write lock, for the error of a writer that gave
 * up waiting; NULL when nobody can be named. */
typedef char *(*ZsDbWriterFunc) (gpointer user_data);

ZsDb         *_zs_db_new               (sqlite3        *handle,
                                        const char     *path);
void          _zs_db_free              (ZsDb           *self);
sqlite3      *_zs_db_get_handle        (ZsDb           *self);

gboolean      _zs_db_writers_waiting   (ZsDb           *self);
gboolean      _zs_db_hold_import       (ZsDb           *self,
                                        gint64          import_id,
                                        GError        **error);
void          _zs_db_release_import    (ZsDb           *self);
gboolean      _zs_db_import_is_alive   (ZsDb           *self,
                                        gint64          import_id);
void          _zs_db_set_busy_timeout  (ZsDb           *self,
                                        guint           timeout_ms);
void          _zs_db_set_writer_func   (ZsDb           *self,
                                        ZsDbWriterFunc  func,
                                        gpointer        user_data);

void          _zs_db_set_error         (ZsDb           *self,
                                        int             rc,
                                        GError        **error);
ZsError       _zs_db_error_code        (int             rc);

sqlite3_stmt *_zs_db_prepare           (ZsDb           *self,
                                        const char     *sql,
                                        GError        **error);
void          _zs_db_set_cache_max     (ZsDb           *self,
                                        guint           max);
guint         _zs_db_get_cache_size    (ZsDb           *self);
gboolean      _zs_db_exec              (ZsDb           *self,
                                        const char     *sql,
                                        GError        **error);
gboolean      _zs_db_step              (ZsDb           *self,
                                        sqlite3_stmt   *stmt,
                                        gboolean       *row,
                                        GError        **error);
gboolean      _zs_db_step_done         (ZsDb           *self,
                                        sqlite3_stmt   *stmt,
                                        GError        **error);

gboolean      _zs_db_begin             (ZsDb           *self,
                                        GError        **error);
gboolean      _zs_db_commit            (ZsDb           *self,
                                        GError        **error);
void          _zs_db_rollback          (ZsDb           *self);
void          _zs_db_begin_read        (ZsDb           *self);
void          _zs_db_end_read          (ZsDb           *self);
guint         _zs_db_get_depth         (ZsDb           *self);
guint64       _zs_db_get_serial        (ZsDb           *self);

G_END_DECLS
