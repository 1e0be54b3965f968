/* zs-row-sink.h
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

#define ZS_TYPE_ROW_SINK (zs_row_sink_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (ZsRowSink, zs_row_sink, ZS, ROW_SINK, GObject)

/**
 * ZsRowSinkInterface:
 * @write_row: appends one row; the first row written is the header
 * @close: finishes the file (an XLSX is only valid once closed)
 *
 * A table written row by row: CSV, XLSX or JSON.
 */
struct _ZsRowSinkInterface
{
  GTypeInterface parent_iface;

  gboolean (*write_row) (ZsRowSink          *self,
                         const char * const *fields,
                         GError            **error);
  gboolean (*close)     (ZsRowSink          *self,
                         GError            **error);
};

ZS_AVAILABLE_IN_ALL
gboolean   zs_row_sink_write_row (ZsRowSink          *self,
                                  const char * const *fields,
                                  GError            **error);
ZS_AVAILABLE_IN_ALL
gboolean   zs_row_sink_close     (ZsRowSink          *self,
                                  GError            **error);
ZS_AVAILABLE_IN_ALL
ZsRowSink *zs_row_sink_create    (const char         *path,
                                  gboolean            bom,
                                  GError            **error);

G_END_DECLS
