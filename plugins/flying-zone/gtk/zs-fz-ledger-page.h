/* zs-fz-ledger-page.h: the flying zones' ledger of a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

#include "zs-fz-book.h"

G_BEGIN_DECLS

#define ZS_TYPE_FZ_LEDGER_PAGE (zs_fz_ledger_page_get_type ())
G_DECLARE_FINAL_TYPE (ZsFzLedgerPage, zs_fz_ledger_page, ZS, FZ_LEDGER_PAGE, GtkBox)

GtkWidget *zs_fz_ledger_page_new        (ZsFzBook        *book,
                                         ZsStore         *store);
int        zs_fz_ledger_page_get_year   (ZsFzLedgerPage  *self);
void       zs_fz_ledger_page_set_year   (ZsFzLedgerPage  *self,
                                         int              year);
JsonNode  *zs_fz_ledger_page_get_ledger (ZsFzLedgerPage  *self);
void       zs_fz_ledger_page_refresh    (ZsFzLedgerPage  *self);
gboolean   zs_fz_ledger_page_export     (ZsFzLedgerPage  *self,
                                         const char      *path,
                                         GError         **error);

G_END_DECLS
