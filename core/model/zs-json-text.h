/* zs-json-text.h: JSON written as text, numbers as short as they are exact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "zs-version-macros.h"

G_BEGIN_DECLS

ZS_AVAILABLE_IN_ALL
char *zs_json_to_text (JsonNode *node,
                       gboolean  pretty);

G_END_DECLS
