/* zs-service-page.h: the Service page of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

#include "zs-service-desk.h"

G_BEGIN_DECLS

#define ZS_TYPE_SERVICE_PAGE (zs_service_page_get_type ())
G_DECLARE_FINAL_TYPE (ZsServicePage, zs_service_page, ZS, SERVICE_PAGE, GtkBox)

GtkWidget *zs_service_page_new          (ZsServiceDesk  *desk,
                                         ZsStore        *store);
JsonNode  *zs_service_page_get_overview (ZsServicePage  *self);
void       zs_service_page_refresh      (ZsServicePage  *self);
gboolean   zs_service_page_mark_done    (ZsServicePage  *self,
                                         gint64          item,
                                         GError        **error);
gboolean   zs_service_page_commit       (ZsServicePage  *self,
                                         gint64          item,
                                         const char     *document,
                                         const char     *by,
                                         GError        **error);
gboolean   zs_service_page_sign         (ZsServicePage  *self,
                                         gint64          review,
                                         const char     *department,
                                         GError        **error);

G_END_DECLS
