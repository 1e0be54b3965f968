/* zs-version-macros.h: what marks a symbol as public API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

/* The library is built with hidden visibility: only declarations marked
 * with this macro are exported, so private helpers stay private. */
#if defined (__GNUC__) && defined (ZHAOSHANG_COMPILATION)
# define ZS_AVAILABLE_IN_ALL __attribute__ ((visibility ("default"))) extern
#else
# define ZS_AVAILABLE_IN_ALL extern
#endif
