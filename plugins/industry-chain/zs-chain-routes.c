/* zs-chain-routes.c: the industry-chain routes of the HTTP API
 *
 *   GET /api/v1/chain/chains                      the chains (chain list)
 *   GET /api/v1/chain/map?chain=C[&park=P]        a chain's map (chain show)
 *   GET /api/v1/chain/match?chain=C[&link=L][&park=P][&top=N]
 *                                                  candidates (chain match)
 *
 * Each answers with the JSON of the matching `chain` subverb, through the
 * chain service the plugin published, with the store of the server's
 * worker that took the request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-chain-routes.h"
#include "zs-chain-server.h"

#define DEFAULT_TOP 5
#define MAX_TOP 100

struct _ZsChainRoutes
{
  GObject parent_instance;
};

static void route_provider_iface_init (ZsRouteProviderInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsChainRoutes, zs_chain_routes, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_ROUTE_PROVIDER, route_provider_iface_init))

/* The service the active plugin published; peas makes this extension apart
 * from the activated one, so it finds the service here. */
static GWeakRef published_service;

void
zs_chain_routes_set_service (ZsChainService *service)
{
  g_weak_ref_set (&published_service, service);
}

static ZsChainService *
get_service (void)
{
  GObject *service = g_weak_ref_get (&published_service);

  /* Without the engine's service, match without partner data. */
  if (service == NULL)
    service = G_OBJECT (zs_chain_server_new (NULL));
  return ZS_CHAIN_SERVICE (service);
}

static char **
chain_routes_list (ZsRouteProvider *provider)
{
  return g_strsplit ("GET chain/chains|GET chain/map|GET chain/match", "|", -1);
}

static const char *
required (GHashTable  *query,
          const char  *name,
          GError     **error)
{
  const char *value = g_hash_table_lookup (query, name);

  if (value == NULL || *value == '\0')
    g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: missing"), name);
  return value != NULL && *value != '\0' ? value : NULL;
}

static gboolean
parse_top (GHashTable  *query,
           guint       *top,
           GError     **error)
{
  const char *text = g_hash_table_lookup (query, "top");
  guint64 value = DEFAULT_TOP;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, MAX_TOP, &value, NULL))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("top: “%s” is not a number from 1 to %d"), text, MAX_TOP);
      return FALSE;
    }
  *top = (guint) value;
  return TRUE;
}

static JsonNode *
chain_routes_handle (ZsRouteProvider  *provider,
                     ZsStore          *store,
                     const char       *method,
                     const char       *path,
                     GHashTable       *query,
                     JsonNode         *body,
                     GError          **error)
{
  g_autoptr(ZsChainService) service = get_service ();
  const char *park = g_hash_table_lookup (query, "park");
  const char *chain;
  guint top;

  if (g_str_equal (path, "chain/chains"))
    return zs_chain_service_list_chains (service, store, error);
  if (g_str_equal (path, "chain/map"))
    return (chain = required (query, "chain", error)) != NULL
           ? zs_chain_service_get_map (service, store, chain, park, error) : NULL;
  if (g_str_equal (path, "chain/match"))
    return (chain = required (query, "chain", error)) != NULL && parse_top (query, &top, error)
           ? zs_chain_service_get_candidates (service, store, chain, g_hash_table_lookup (query, "link"),
                                              park, top, error)
           : NULL;
  g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("%s %s: no such route"), method, path);
  return NULL;
}

static void
route_provider_iface_init (ZsRouteProviderInterface *iface)
{
  iface->list_routes = chain_routes_list;
  iface->handle = chain_routes_handle;
}

static void
zs_chain_routes_class_init (ZsChainRoutesClass *klass)
{
}

static void
zs_chain_routes_class_finalize (ZsChainRoutesClass *klass)
{
}

static void
zs_chain_routes_init (ZsChainRoutes *self)
{
}

void
zs_chain_routes_register (GTypeModule *module)
{
  zs_chain_routes_register_type (module);
}
