/* zs-service-desk.h: what the service-tracking plugin offers the app's page
 * and other plugins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_SERVICE_DESK (zs_service_desk_get_type ())
G_DECLARE_INTERFACE (ZsServiceDesk, zs_service_desk, ZS, SERVICE_DESK, GObject)

/**
 * ZsServiceDeskInterface:
 * @overview: everything the Service page shows as of a day: cases, items
 *   due within a week, overdue rows, reviews waiting and 三未 lists
 * @item_done: marks an item done on a day
 * @commit: lets an item go ahead on a written commitment (容缺)
 * @sign: records a department's sign-off of a joint review (联审联批)
 * @overdue: the overdue rows as of a day
 *
 * Every call takes the store to work on, so that a caller may use a
 * connection of its own in a worker thread. Dates are YYYY-MM-DD.
 */
struct _ZsServiceDeskInterface
{
  GTypeInterface parent_iface;

  JsonNode *(*overview)  (ZsServiceDesk  *self,
                          ZsStore        *store,
                          const char     *as_of,
                          GError        **error);
  JsonNode *(*item_done) (ZsServiceDesk  *self,
                          ZsStore        *store,
                          gint64          item,
                          const char     *date,
                          GError        **error);
  JsonNode *(*commit)    (ZsServiceDesk  *self,
                          ZsStore        *store,
                          gint64          item,
                          const char     *document,
                          const char     *by,
                          GError        **error);
  JsonNode *(*sign)      (ZsServiceDesk  *self,
                          ZsStore        *store,
                          gint64          review,
                          const char     *department,
                          const char     *date,
                          const char     *remarks,
                          GError        **error);
  JsonNode *(*overdue)   (ZsServiceDesk  *self,
                          ZsStore        *store,
                          const char     *as_of,
                          GError        **error);
};

JsonNode *zs_service_desk_overview  (ZsServiceDesk  *self,
                                     ZsStore        *store,
                                     const char     *as_of,
                                     GError        **error);
JsonNode *zs_service_desk_item_done (ZsServiceDesk  *self,
                                     ZsStore        *store,
                                     gint64          item,
                                     const char     *date,
                                     GError        **error);
JsonNode *zs_service_desk_commit    (ZsServiceDesk  *self,
                                     ZsStore        *store,
                                     gint64          item,
                                     const char     *document,
                                     const char     *by,
                                     GError        **error);
JsonNode *zs_service_desk_sign      (ZsServiceDesk  *self,
                                     ZsStore        *store,
                                     gint64          review,
                                     const char     *department,
                                     const char     *date,
                                     const char     *remarks,
                                     GError        **error);
JsonNode *zs_service_desk_overdue   (ZsServiceDesk  *self,
                                     ZsStore        *store,
                                     const char     *as_of,
                                     GError        **error);

G_END_DECLS
