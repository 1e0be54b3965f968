/* zs-uscc.h: unified social credit codes (GB 32100-2015)
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
gboolean  zs_uscc_validate        (const char  *uscc,
                                   GError     **error);
ZS_AVAILABLE_IN_ALL
char      zs_uscc_check_character (const char  *first17);
ZS_AVAILABLE_IN_ALL
char     *zs_uscc_normalize       (const char  *uscc);

G_END_DECLS
