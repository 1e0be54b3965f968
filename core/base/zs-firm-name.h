/* zs-firm-name.h
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
char *zs_firm_name_key (const char *name);

G_END_DECLS
