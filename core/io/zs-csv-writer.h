/* zs-csv-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-row-sink.h"

G_BEGIN_DECLS

#define ZS_TYPE_CSV_WRITER (zs_csv_writer_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsCsvWriter, zs_csv_writer, ZS, CSV_WRITER, GObject)

ZS_AVAILABLE_IN_ALL
ZsCsvWriter *zs_csv_writer_new (const char  *path,
                                gboolean     bom,
                                GError     **error);
ZS_AVAILABLE_IN_ALL
void         zs_csv_writer_set_formula_guard (ZsCsvWriter *self,
                                              gboolean     guard);

G_END_DECLS
