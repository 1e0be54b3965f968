/* zs-fz-accountant.h: the plugin's ZsFzBook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-fz-book.h"

G_BEGIN_DECLS

#define ZS_TYPE_FZ_ACCOUNTANT (zs_fz_accountant_get_type ())
G_DECLARE_FINAL_TYPE (ZsFzAccountant, zs_fz_accountant, ZS, FZ_ACCOUNTANT, GObject)

void            zs_fz_accountant_register (GTypeModule *module);
ZsFzAccountant *zs_fz_accountant_new      (void);

G_END_DECLS
