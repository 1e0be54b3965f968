/* zs-json-writer.h
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

#define ZS_TYPE_JSON_WRITER (zs_json_writer_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsJsonWriter, zs_json_writer, ZS, JSON_WRITER, GObject)

ZS_AVAILABLE_IN_ALL
ZsJsonWriter *zs_json_writer_new        (const char    *path,
                                         gboolean       lines,
                                         GError       **error);
ZS_AVAILABLE_IN_ALL
void          zs_json_writer_set_pretty (ZsJsonWriter  *self,
                                         gboolean       pretty);

G_END_DECLS
