/* zs-row-source.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include <gio/gio.h>

G_BEGIN_DECLS

#define ZS_TYPE_ROW_SOURCE (zs_row_source_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (ZsRowSource, zs_row_source, ZS, ROW_SOURCE, GObject)

/**
 * ZsRowSourceInterface:
 * @read_row: the next row's fields, or %NULL at the end or on error
 * @get_fraction: how much of the input was read, 0 to 1
 * @get_description: a short description of what was detected (encoding, delimiter, sheet)
 *
 * A table read row by row from a file: CSV, XLSX or JSON lines. The first
 * row is the header.
 */
struct _ZsRowSourceInterface
{
  GTypeInterface parent_iface;

  char  **(*read_row)        (ZsRowSource  *self,
                              guint64      *line,
                              GError      **error);
  double  (*get_fraction)    (ZsRowSource  *self);
  char   *(*get_description) (ZsRowSource  *self);
};

ZS_AVAILABLE_IN_ALL
char       **zs_row_source_read_row        (ZsRowSource  *self,
                                            guint64      *line,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
double       zs_row_source_get_fraction    (ZsRowSource  *self);
ZS_AVAILABLE_IN_ALL
char        *zs_row_source_get_description (ZsRowSource  *self);
ZS_AVAILABLE_IN_ALL
ZsRowSource *zs_row_source_open            (const char   *path,
                                            const char   *encoding,
                                            const char   *sheet,
                                            GError      **error);

G_END_DECLS
