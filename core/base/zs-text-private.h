/* zs-text-private.h: text normalisation shared by search, import and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *_zs_text_nfkc (const char *text,
                     gssize      length);
char *_zs_text_normalize_name (const char *name);

G_END_DECLS
