/* zs-csv-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include <gio/gio.h>

#include "zs-row-source.h"

G_BEGIN_DECLS

#define ZS_TYPE_CSV_READER (zs_csv_reader_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsCsvReader, zs_csv_reader, ZS, CSV_READER, GObject)

ZS_AVAILABLE_IN_ALL
ZsCsvReader *zs_csv_reader_new            (const char    *path,
                                           const char    *encoding,
                                           GError       **error);
ZS_AVAILABLE_IN_ALL
ZsCsvReader *zs_csv_reader_new_for_stream (GInputStream  *stream,
                                           const char    *encoding,
                                           GError       **error);
ZS_AVAILABLE_IN_ALL
void         zs_csv_reader_set_formula_guard (ZsCsvReader *self,
                                              gboolean     guard);

G_END_DECLS
