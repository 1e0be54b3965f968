/* zs-json-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-row-sink.h"

G_BEGIN_DECLS

#define ZS_TYPE_JSON_WRITER (zs_json_writer_get_type ())

G_DECLARE_FINAL_TYPE (ZsJsonWriter, zs_json_writer, ZS, JSON_WRITER, GObject)

ZsJsonWriter *zs_json_writer_new        (const char    *path,
                                         gboolean       lines,
                                         GError       **error);
void          zs_json_writer_set_pretty (ZsJsonWriter  *self,
                                         gboolean       pretty);

G_END_DECLS
