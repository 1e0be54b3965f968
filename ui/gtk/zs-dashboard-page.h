/* zs-dashboard-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

#include "zs-chart.h"

G_BEGIN_DECLS

#define ZS_TYPE_DASHBOARD_PAGE (zs_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (ZsDashboardPage, zs_dashboard_page, ZS, DASHBOARD_PAGE, GtkWidget)

GtkWidget  *zs_dashboard_page_new           (ZsStore         *store);
void        zs_dashboard_page_reload        (ZsDashboardPage *self);
gboolean   zs_dashboard_page_is_loading (ZsDashboardPage *self);
ZsChart    *zs_dashboard_page_get_chart     (ZsDashboardPage *self,
                                             const char      *name);
const char *zs_dashboard_page_get_headline  (ZsDashboardPage *self);
void        zs_dashboard_page_set_plugin_engine (ZsDashboardPage *self,
                                             ZsPluginEngine  *engine);
GList      *zs_dashboard_page_get_plugin_cards (ZsDashboardPage *self);
gboolean    zs_dashboard_page_export_pdf    (ZsDashboardPage *self,
                                             const char      *path,
                                             GError         **error);

G_END_DECLS
