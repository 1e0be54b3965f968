/* zs-xlsx-writer.h
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

#define ZS_TYPE_XLSX_WRITER (zs_xlsx_writer_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsXlsxWriter, zs_xlsx_writer, ZS, XLSX_WRITER, GObject)

ZS_AVAILABLE_IN_ALL
ZsXlsxWriter *zs_xlsx_writer_new            (const char    *path,
                                             GError       **error);
ZS_AVAILABLE_IN_ALL
void          zs_xlsx_writer_set_sheet_name (ZsXlsxWriter  *self,
                                             const char    *name);

G_END_DECLS
