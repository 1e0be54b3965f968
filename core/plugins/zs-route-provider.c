/* zs-route-provider.c: routes of the HTTP API that plugins answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-error.h"
#include "zs-route-provider.h"

/**
 * ZsRouteProvider:
 *
 * A plugin registers an extension implementing this interface
 * (peas_object_module_register_extension_type()) to answer routes of the
 * HTTP API under /api/v1/ that are not records of a record type. The
 * server calls zs_route_provider_handle() for a request whose method and
 * path start with one of the provider's routes, in the worker thread that
 * took the request, with that worker's own #ZsStore: the provider does all
 * its work through @store. Errors become HTTP statuses: %ZS_ERROR_INVALID
 * 422, %ZS_ERROR_NOT_FOUND 404, %ZS_ERROR_PERMISSION 403,
 * %ZS_ERROR_CONFLICT 412, %ZS_ERROR_DUPLICATE and %ZS_ERROR_IN_USE 409,
 * anything else 500.
 */
G_DEFINE_INTERFACE (ZsRouteProvider, zs_route_provider, G_TYPE_OBJECT)

static void
zs_route_provider_default_init (ZsRouteProviderInterface *iface)
{
}

/**
 * zs_route_provider_list_routes:
 * @self: a #ZsRouteProvider
 *
 * Returns: (transfer full) (array zero-terminated=1): the routes, each
 *   "METHOD path" with the path under /api/v1/ and without a leading '/';
 *   a request matches when its path is the route's or continues it after
 *   a '/'
 */
char **
zs_route_provider_list_routes (ZsRouteProvider *self)
{
  ZsRouteProviderInterface *iface;
  char **routes;

  g_return_val_if_fail (ZS_IS_ROUTE_PROVIDER (self), NULL);

  iface = ZS_ROUTE_PROVIDER_GET_IFACE (self);
  if (iface->list_routes == NULL || (routes = iface->list_routes (self)) == NULL)
    return g_new0 (char *, 1);
  return routes;
}

/**
 * zs_route_provider_handle:
 * @self: a #ZsRouteProvider
 * @store: the store of the worker that took the request
 * @method: the request's method ("GET", "POST" …)
 * @path: the request's path under /api/v1/, without a leading '/'
 * @query: (element-type utf8 utf8): the query parameters
 * @body: (nullable): the request's JSON body, if any
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the JSON of the response, or %NULL
 *   with @error set
 */
JsonNode *
zs_route_provider_handle (ZsRouteProvider  *self,
                          ZsStore          *store,
                          const char       *method,
                          const char       *path,
                          GHashTable       *query,
                          JsonNode         *body,
                          GError          **error)
{
  ZsRouteProviderInterface *iface;
  g_autoptr(GError) local_error = NULL;
  JsonNode *result;

  g_return_val_if_fail (ZS_IS_ROUTE_PROVIDER (self), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (method != NULL && path != NULL && query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = ZS_ROUTE_PROVIDER_GET_IFACE (self);
  if (iface->handle == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("%s %s: no such route"), method, path);
      return NULL;
    }
  result = iface->handle (self, store, method, path, query, body, &local_error);
  if (local_error != NULL)
    {
      g_clear_pointer (&result, json_node_unref);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* A Python exception other than GLib.Error arrives as no answer at all. */
  if (result == NULL)
    g_set_error (error, ZS_ERROR, ZS_ERROR_DATABASE, _("%s %s: the plugin gave no answer"), method, path);
  return result;
}
