/* zs-service-tracker.c: the plugin's ZsServiceDesk, published with
 * zs_plugin_engine_add_service() on activate
 *
 * It holds nothing: every call works on the store it is given, so the page
 * can call it in a worker thread with a connection of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-service-tracker.h"

struct _ZsServiceTracker
{
  GObject parent_instance;
};

static void desk_iface_init (ZsServiceDeskInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsServiceTracker, zs_service_tracker, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_SERVICE_DESK, desk_iface_init))

/* A store the plugin did not activate on (a worker's) has not got the
 * types yet. */
gboolean
zs_service_ensure_types (ZsStore  *store,
                         GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *types;

  if (zs_store_lookup_record_type (store, ZS_SERVICE_ITEM) != NULL)
    return TRUE;
  parser = json_parser_new ();
  if (!(bytes = g_resources_lookup_data (ZS_SERVICE_TYPES_RESOURCE, 0, error)) ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;
  types = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (types); i++)
    {
      g_autoptr(ZsRecordType) record_type = zs_record_type_new_from_json_node (json_array_get_element (types, i),
                                                                               error);

      if (record_type == NULL || !zs_store_register_record_type (store, record_type, error))
        return FALSE;
    }
  return TRUE;
}

static JsonNode *
tracker_overview (ZsServiceDesk  *desk,
                  ZsStore        *store,
                  const char     *as_of,
                  GError        **error)
{
  return zs_service_ensure_types (store, error) ? zs_service_overview (store, as_of, error) : NULL;
}

static JsonNode *
tracker_item_done (ZsServiceDesk  *desk,
                   ZsStore        *store,
                   gint64          item,
                   const char     *date,
                   GError        **error)
{
  return zs_service_ensure_types (store, error) ? zs_service_item_done (store, item, date, error) : NULL;
}

static JsonNode *
tracker_commit (ZsServiceDesk  *desk,
                ZsStore        *store,
                gint64          item,
                const char     *document,
                const char     *by,
                GError        **error)
{
  return zs_service_ensure_types (store, error) ? zs_service_commit (store, item, document, by, error) : NULL;
}

static JsonNode *
tracker_sign (ZsServiceDesk  *desk,
              ZsStore        *store,
              gint64          review,
              const char     *department,
              const char     *date,
              const char     *remarks,
              GError        **error)
{
  return zs_service_ensure_types (store, error) ? zs_service_sign (store, review, department, date, remarks, error) : NULL;
}

static JsonNode *
tracker_overdue (ZsServiceDesk  *desk,
                 ZsStore        *store,
                 const char     *as_of,
                 GError        **error)
{
  return zs_service_ensure_types (store, error) ? zs_service_overdue (store, as_of, error) : NULL;
}

static void
desk_iface_init (ZsServiceDeskInterface *iface)
{
  iface->overview = tracker_overview;
  iface->item_done = tracker_item_done;
  iface->commit = tracker_commit;
  iface->sign = tracker_sign;
  iface->overdue = tracker_overdue;
}

static void
zs_service_tracker_class_init (ZsServiceTrackerClass *klass)
{
}

static void
zs_service_tracker_class_finalize (ZsServiceTrackerClass *klass)
{
}

static void
zs_service_tracker_init (ZsServiceTracker *self)
{
}

void
zs_service_tracker_register (GTypeModule *module)
{
  zs_service_tracker_register_type (module);
}

ZsServiceTracker *
zs_service_tracker_new (void)
{
  return g_object_new (ZS_TYPE_SERVICE_TRACKER, NULL);
}
