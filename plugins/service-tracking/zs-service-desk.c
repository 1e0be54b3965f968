/* zs-service-desk.c: the service-tracking plugin's service interface
 *
 * It lives in a small library of its own, linked by the plugin that
 * implements it and by the page that calls it, so that neither loads the
 * other's module. The plugin publishes its implementation with
 * zs_plugin_engine_add_service() on activate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-service-desk.h"

G_DEFINE_INTERFACE (ZsServiceDesk, zs_service_desk, G_TYPE_OBJECT)

static void
zs_service_desk_default_init (ZsServiceDeskInterface *iface)
{
}

/**
 * zs_service_desk_overview:
 * @self: a desk
 * @store: the store to read
 * @as_of: (nullable): the day, today when %NULL
 * @error: return location for a #GError
 *
 * Returns: (transfer full): an object with "cases", "due_this_week",
 *   "overdue", "reviews_waiting" and "sanwei"
 */
JsonNode *
zs_service_desk_overview (ZsServiceDesk  *self,
                          ZsStore        *store,
                          const char     *as_of,
                          GError        **error)
{
  g_return_val_if_fail (ZS_IS_SERVICE_DESK (self), NULL);
  return ZS_SERVICE_DESK_GET_IFACE (self)->overview (self, store, as_of, error);
}

/**
 * zs_service_desk_item_done:
 * @date: (nullable): the day, today when %NULL
 *
 * Returns: (transfer full): the item as JSON
 */
JsonNode *
zs_service_desk_item_done (ZsServiceDesk  *self,
                           ZsStore        *store,
                           gint64          item,
                           const char     *date,
                           GError        **error)
{
  g_return_val_if_fail (ZS_IS_SERVICE_DESK (self), NULL);
  return ZS_SERVICE_DESK_GET_IFACE (self)->item_done (self, store, item, date, error);
}

/**
 * zs_service_desk_commit:
 *
 * Returns: (transfer full): the item as JSON
 */
JsonNode *
zs_service_desk_commit (ZsServiceDesk  *self,
                        ZsStore        *store,
                        gint64          item,
                        const char     *document,
                        const char     *by,
                        GError        **error)
{
  g_return_val_if_fail (ZS_IS_SERVICE_DESK (self), NULL);
  return ZS_SERVICE_DESK_GET_IFACE (self)->commit (self, store, item, document, by, error);
}

/**
 * zs_service_desk_sign:
 * @date: (nullable): the day, today when %NULL
 * @remarks: (nullable): the department's remarks
 *
 * Returns: (transfer full): the review as JSON
 */
JsonNode *
zs_service_desk_sign (ZsServiceDesk  *self,
                      ZsStore        *store,
                      gint64          review,
                      const char     *department,
                      const char     *date,
                      const char     *remarks,
                      GError        **error)
{
  g_return_val_if_fail (ZS_IS_SERVICE_DESK (self), NULL);
  return ZS_SERVICE_DESK_GET_IFACE (self)->sign (self, store, review, department, date, remarks, error);
}

/**
 * zs_service_desk_overdue:
 *
 * Returns: (transfer full): an array of overdue rows
 */
JsonNode *
zs_service_desk_overdue (ZsServiceDesk  *self,
                         ZsStore        *store,
                         const char     *as_of,
                         GError        **error)
{
  g_return_val_if_fail (ZS_IS_SERVICE_DESK (self), NULL);
  return ZS_SERVICE_DESK_GET_IFACE (self)->overdue (self, store, as_of, error);
}
