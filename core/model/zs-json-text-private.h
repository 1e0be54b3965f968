/* zs-json-text-private.h: pieces of JSON text for writers that skip the
 * node tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void _zs_json_append_string (GString    *out,
                             const char *text);
void _zs_json_append_double (GString    *out,
                             double      value);

G_END_DECLS
