/* zs-jsonl-reader.h
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

#define ZS_TYPE_JSONL_READER (zs_jsonl_reader_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsJsonlReader, zs_jsonl_reader, ZS, JSONL_READER, GObject)

ZS_AVAILABLE_IN_ALL
ZsJsonlReader *zs_jsonl_reader_new (const char  *path,
                                    GError     **error);

G_END_DECLS
