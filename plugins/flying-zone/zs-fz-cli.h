/* zs-fz-cli.h: the `flying-zone` verbs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

G_BEGIN_DECLS

ZsCommandKit *zs_fz_cli_create_kit (void);

G_END_DECLS
