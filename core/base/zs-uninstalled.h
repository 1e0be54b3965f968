/* zs-uninstalled.h: running from the build tree
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
const char *zs_uninstalled_get_build_root (void);
ZS_AVAILABLE_IN_ALL
char      **zs_uninstalled_get_plugin_dirs (void);
ZS_AVAILABLE_IN_ALL
void        zs_uninstalled_setup          (void);

G_END_DECLS
