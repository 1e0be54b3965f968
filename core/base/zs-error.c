/* zs-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-error.h"

G_DEFINE_QUARK (zs-error-quark, zs_error)
