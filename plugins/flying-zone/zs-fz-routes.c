/* zs-fz-routes.c: the flying-zone routes of the HTTP API
 *
 *   GET /api/v1/flying_zone/ledger?year=Y[&zone=ID]     (flying-zone ledger)
 *   GET /api/v1/flying_zone/report?year=Y&by=park|partner (flying-zone report)
 *
 * Each answers with the JSON of the matching verb, read from the store of
 * the server's worker that took the request; the records themselves are
 * served as /api/v1/flying_zone.partner and so on, with no code here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-fz-routes.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "zs-fz.h"

struct _ZsFzRoutes
{
  GObject parent_instance;
};

static void route_provider_iface_init (ZsRouteProviderInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsFzRoutes, zs_fz_routes, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_ROUTE_PROVIDER, route_provider_iface_init))

static char **
fz_routes_list (ZsRouteProvider *provider)
{
  return g_strsplit ("GET flying_zone/ledger|GET flying_zone/report", "|", -1);
}

/* A whole number from @min to @max in the query; @fallback when absent. */
static gboolean
query_number (GHashTable  *query,
              const char  *name,
              gint64       min,
              gint64       max,
              gint64       fallback,
              gint64      *value,
              GError     **error)
{
  const char *text = g_hash_table_lookup (query, name);

  *value = fallback;
  if (text == NULL && fallback >= 0)
    return TRUE;
  if (text == NULL || *text == '\0')
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: missing"), name);
      return FALSE;
    }
  if (!g_ascii_string_to_signed (text, 10, min, max, value, NULL))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: “%s” is not a number from %" PRId64 " to %" PRId64),
                   name, text, min, max);
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
fz_routes_handle (ZsRouteProvider  *provider,
                  ZsStore          *store,
                  const char       *method,
                  const char       *path,
                  GHashTable       *query,
                  JsonNode         *body,
                  GError          **error)
{
  const char *by = g_hash_table_lookup (query, "by");
  gint64 year, zone;

  if (!query_number (query, "year", 2000, 2100, -1, &year, error))
    return NULL;
  if (g_str_equal (path, "flying_zone/ledger"))
    return query_number (query, "zone", 1, G_MAXINT64, 0, &zone, error)
           ? zs_fz_ledger_to_json (store, (int) year, zone, error) : NULL;
  if (g_str_equal (path, "flying_zone/report"))
    {
      if (by == NULL || (!g_str_equal (by, "park") && !g_str_equal (by, "partner")))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("by: “%s” is not park or partner"), by ? by : "");
          return NULL;
        }
      return zs_fz_report_to_json (store, (int) year, by, error);
    }
  g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("%s %s: no such route"), method, path);
  return NULL;
}

static void
route_provider_iface_init (ZsRouteProviderInterface *iface)
{
  iface->list_routes = fz_routes_list;
  iface->handle = fz_routes_handle;
}

static void
zs_fz_routes_class_init (ZsFzRoutesClass *klass)
{
}

static void
zs_fz_routes_class_finalize (ZsFzRoutesClass *klass)
{
}

static void
zs_fz_routes_init (ZsFzRoutes *self)
{
}

void
zs_fz_routes_register (GTypeModule *module)
{
  zs_fz_routes_register_type (module);
}
