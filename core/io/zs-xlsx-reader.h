/* zs-xlsx-reader.h
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

#define ZS_TYPE_XLSX_READER (zs_xlsx_reader_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsXlsxReader, zs_xlsx_reader, ZS, XLSX_READER, GObject)

ZS_AVAILABLE_IN_ALL
ZsXlsxReader  *zs_xlsx_reader_new             (const char    *path,
                                               const char    *sheet,
                                               GError       **error);
ZS_AVAILABLE_IN_ALL
const char    *zs_xlsx_reader_get_sheet_name  (ZsXlsxReader  *self);
ZS_AVAILABLE_IN_ALL
char         **zs_xlsx_reader_list_sheets     (ZsXlsxReader  *self);

G_END_DECLS
