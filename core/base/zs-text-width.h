/* zs-text-width.h: text laid out in terminal columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include <glib.h>

G_BEGIN_DECLS

ZS_AVAILABLE_IN_ALL
guint  zs_text_get_width      (const char *text);
ZS_AVAILABLE_IN_ALL
char  *zs_text_clip           (const char *text,
                               guint       max_width);
ZS_AVAILABLE_IN_ALL
char  *zs_text_single_line    (const char *text);
ZS_AVAILABLE_IN_ALL
void   zs_text_append_padded  (GString    *line,
                               const char *text,
                               guint       width);

G_END_DECLS
