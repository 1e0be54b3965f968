/* zs-fz-book.h: what the flying-zone plugin offers its pages and other
 * plugins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_FZ_BOOK (zs_fz_book_get_type ())
G_DECLARE_INTERFACE (ZsFzBook, zs_fz_book, ZS, FZ_BOOK, GObject)

/**
 * ZsFzBookInterface:
 * @get_ledger: the ledger of a year, as `flying-zone ledger --json` prints it
 * @get_report: the attribution report of a year, by "park" or "partner", as
 *   `flying-zone report --json` prints it
 *
 * Every call takes the store to read, so that a caller may use a
 * connection of its own in a worker thread.
 */
struct _ZsFzBookInterface
{
  GTypeInterface parent_iface;

  JsonNode *(*get_ledger) (ZsFzBook    *self,
                           ZsStore     *store,
                           int          year,
                           gint64       zone_id,
                           GError     **error);
  JsonNode *(*get_report) (ZsFzBook    *self,
                           ZsStore     *store,
                           int          year,
                           const char  *by,
                           GError     **error);
};

JsonNode *zs_fz_book_get_ledger (ZsFzBook            *self,
                                 ZsStore             *store,
                                 int                  year,
                                 gint64               zone_id,
                                 GError             **error);
JsonNode *zs_fz_book_get_report (ZsFzBook            *self,
                                 ZsStore             *store,
                                 int                  year,
                                 const char          *by,
                                 GError             **error);

gboolean  zs_fz_write_rows      (JsonArray           *rows,
                                 const char * const  *columns,
                                 const char          *path,
                                 GError             **error);

G_END_DECLS
