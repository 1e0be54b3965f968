/* zs-sectors-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_SECTORS_PAGE (zs_sectors_page_get_type ())

G_DECLARE_FINAL_TYPE (ZsSectorsPage, zs_sectors_page, ZS, SECTORS_PAGE, GtkWidget)

GtkWidget          *zs_sectors_page_new       (ZsStore       *store);
GtkTreeListModel   *zs_sectors_page_get_tree  (ZsSectorsPage *self);
void                zs_sectors_page_select    (ZsSectorsPage *self,
                                               guint          position);
const char         *zs_sectors_page_get_detail_text (ZsSectorsPage *self);
gboolean            zs_sectors_page_is_loading      (ZsSectorsPage *self);

G_END_DECLS
