/* zs-activities-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_ACTIVITIES_PAGE (zs_activities_page_get_type ())

G_DECLARE_FINAL_TYPE (ZsActivitiesPage, zs_activities_page, ZS, ACTIVITIES_PAGE, GtkWidget)

GtkWidget  *zs_activities_page_new        (ZsStore          *store);
void        zs_activities_page_set_today  (ZsActivitiesPage *self,
                                           const char       *today);
void        zs_activities_page_reload     (ZsActivitiesPage *self);
GListModel *zs_activities_page_get_due    (ZsActivitiesPage *self);
GListModel *zs_activities_page_get_recent (ZsActivitiesPage *self);

G_END_DECLS
