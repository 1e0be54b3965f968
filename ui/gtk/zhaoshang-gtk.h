/* zhaoshang-gtk.h: what plugins may use of the Zhaoshang GTK application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define ZHAOSHANG_GTK_INSIDE
# include "zs-dashboard-card-provider.h"
# include "zs-page-provider.h"
# include "zs-record-type-page.h"
#undef ZHAOSHANG_GTK_INSIDE
