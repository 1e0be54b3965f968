/* zs-api-server.c: the HTTP JSON API on libsoup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <glib/gi18n-lib.h>

#include "zs-json-text.h"
#include "zs-api-private.h"
#include "zs-error.h"
#include "zs-store-private.h"

#define DEFAULT_MAX_BODY_SIZE (1024 * 1024)
#define DEFAULT_REQUEST_TIMEOUT 30   /* seconds */
#define IMPORT_BODY_FACTOR 64   /* an import's file may be this many times larger */

/**
 * ZsApiServer:
 *
 * Answers the HTTP JSON API under /api/v1/ for one #ZsStore, in the thread
 * whose default main context was current when zs_api_server_listen() was
 * called. Several servers, each with its own store and main context in its
 * own thread, share one port when they listen with @reuse_port: the kernel
 * hands each connection to one of them (SO_REUSEPORT).
 *
 * Records of every registered record type are resources: `GET/POST
 * /api/v1/{type}`, `GET/PATCH/DELETE /api/v1/{type}/{id}`,
 * `GET /api/v1/{type}/{id}/history`; `GET /api/v1/search`,
 * `POST /api/v1/projects/{id}/stage`, the routes of #ZsRouteProvider
 * objects, and `GET /api/v1/openapi.json` describing all of it. Requests
 * carry a bearer token (zs_store_create_token()); they act as its staff
 * member, within that member's role and park.
 */
struct _ZsApiServer
{
  GObject          parent_instance;

  ZsStore         *store;
  GTlsCertificate *certificate;
  SoupServer      *server;
  GPtrArray       *providers;      /* ZsRouteProvider */
  GPtrArray       *routes;         /* char *, "METHOD path", parallel to route_providers */
  GPtrArray       *route_providers;
  gsize            max_body_size;
  gboolean         access_log;
  guint            request_timeout;
  guint            n_active;
  guint            port;
};

G_DEFINE_FINAL_TYPE (ZsApiServer, zs_api_server, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_TLS_CERTIFICATE,
  PROP_MAX_BODY_SIZE,
  PROP_ACCESS_LOG,
  PROP_REQUEST_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_api_server_finalize (GObject *object)
{
  ZsApiServer *self = ZS_API_SERVER (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->store);
  g_clear_object (&self->certificate);
  g_clear_pointer (&self->providers, g_ptr_array_unref);
  g_clear_pointer (&self->routes, g_ptr_array_unref);
  g_clear_pointer (&self->route_providers, g_ptr_array_unref);
  G_OBJECT_CLASS (zs_api_server_parent_class)->finalize (object);
}

static void
zs_api_server_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZsApiServer *self = ZS_API_SERVER (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_TLS_CERTIFICATE: g_value_set_object (value, self->certificate); break;
    case PROP_MAX_BODY_SIZE: g_value_set_uint64 (value, self->max_body_size); break;
    case PROP_ACCESS_LOG: g_value_set_boolean (value, self->access_log); break;
    case PROP_REQUEST_TIMEOUT: g_value_set_uint (value, self->request_timeout); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_api_server_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ZsApiServer *self = ZS_API_SERVER (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_TLS_CERTIFICATE: self->certificate = g_value_dup_object (value); break;
    case PROP_MAX_BODY_SIZE: zs_api_server_set_max_body_size (self, g_value_get_uint64 (value)); break;
    case PROP_ACCESS_LOG: zs_api_server_set_access_log (self, g_value_get_boolean (value)); break;
    case PROP_REQUEST_TIMEOUT: zs_api_server_set_request_timeout (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void zs_api_server_constructed (GObject *object);

static void
zs_api_server_class_init (ZsApiServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = zs_api_server_constructed;
  object_class->finalize = zs_api_server_finalize;
  object_class->get_property = zs_api_server_get_property;
  object_class->set_property = zs_api_server_set_property;

  /**
   * ZsApiServer:store:
   *
   * The store the server reads and writes; used by this server's thread only.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * ZsApiServer:tls-certificate:
   *
   * The certificate and key of HTTPS, or %NULL for plain HTTP.
   */
  properties[PROP_TLS_CERTIFICATE] =
    g_param_spec_object ("tls-certificate", NULL, NULL, G_TYPE_TLS_CERTIFICATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * ZsApiServer:max-body-size:
   *
   * The largest request body accepted, in bytes; larger ones get 413.
   */
  properties[PROP_MAX_BODY_SIZE] =
    g_param_spec_uint64 ("max-body-size", NULL, NULL, 1, G_MAXUINT32, DEFAULT_MAX_BODY_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * ZsApiServer:access-log:
   *
   * Whether every answered request is written as a line on standard output.
   */
  properties[PROP_ACCESS_LOG] =
    g_param_spec_boolean ("access-log", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * ZsApiServer:request-timeout:
   *
   * Seconds a connection may stay silent (not sending its request, or not
   * reading the answer) before it is dropped.
   */
  properties[PROP_REQUEST_TIMEOUT] =
    g_param_spec_uint ("request-timeout", NULL, NULL, 1, 3600, DEFAULT_REQUEST_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_api_server_init (ZsApiServer *self)
{
  self->max_body_size = DEFAULT_MAX_BODY_SIZE;
  self->request_timeout = DEFAULT_REQUEST_TIMEOUT;
  self->providers = g_ptr_array_new_with_free_func (g_object_unref);
  self->routes = g_ptr_array_new_with_free_func (g_free);
  self->route_providers = g_ptr_array_new ();
}

/* ---- responses ---------------------------------------------------------- */

/**
 * _zs_api_status_phrase: (skip)
 *
 * Returns: the reason phrase of @status, including those libsoup lacks
 */
const char *
_zs_api_status_phrase (guint status)
{
  if (status == ZS_API_STATUS_PRECONDITION_REQUIRED)
    return "Precondition Required";
  return soup_status_get_phrase (status);
}

static void
set_json_body (SoupServerMessage *msg,
               const char        *content_type,
               JsonNode          *node)
{
  gsize length = 0;
  char *text = zs_json_to_text (node, FALSE);

  length = strlen (text);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, text, length);
}

void
_zs_api_respond_json (ZsApiRequest *request,
                      guint         status,
                      JsonNode     *node)
{
  soup_server_message_set_status (request->msg, status, NULL);
  set_json_body (request->msg, "application/json", node);
}

static void
respond_problem (SoupServerMessage *msg,
                 guint              status,
                 const char        *field,
                 const char        *detail)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "about:blank");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, _zs_api_status_phrase (status));
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "detail");
  json_builder_add_string_value (builder, detail);
  if (field != NULL)
    {
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, field);
    }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  soup_server_message_set_status (msg, status, _zs_api_status_phrase (status));
  set_json_body (msg, "application/problem+json", node);
}

void
_zs_api_respond_problem (ZsApiRequest *request,
                         guint         status,
                         const char   *field,
                         const char   *detail)
{
  respond_problem (request->msg, status, field, detail);
}

/* Messages of the store name the field first: "capital: …". */
static char *
field_of_message (const char *message)
{
  const char *colon = strstr (message, ": ");

  if (colon == NULL || colon == message)
    return NULL;
  for (const char *p = message; p < colon; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.' && *p != '-')
      return NULL;
  return g_strndup (message, colon - message);
}

static guint
status_of_error (const GError *error)
{
  if (error->domain != ZS_ERROR)
    return SOUP_STATUS_INTERNAL_SERVER_ERROR;
  switch ((ZsError) error->code)
    {
    case ZS_ERROR_INVALID: return SOUP_STATUS_UNPROCESSABLE_ENTITY;
    case ZS_ERROR_NOT_FOUND: return SOUP_STATUS_NOT_FOUND;
    case ZS_ERROR_DUPLICATE:
    case ZS_ERROR_IN_USE: return SOUP_STATUS_CONFLICT;
    case ZS_ERROR_CONFLICT: return SOUP_STATUS_PRECONDITION_FAILED;
    case ZS_ERROR_PERMISSION:
    case ZS_ERROR_READ_ONLY: return SOUP_STATUS_FORBIDDEN;
    case ZS_ERROR_BUSY: return SOUP_STATUS_SERVICE_UNAVAILABLE;
    default: return SOUP_STATUS_INTERNAL_SERVER_ERROR;
    }
}

void
_zs_api_respond_error (ZsApiRequest *request,
                       const GError *error)
{
  guint status = status_of_error (error);
  g_autofree char *field = field_of_message (error->message);

  if (status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    soup_message_headers_replace (soup_server_message_get_response_headers (request->msg), "Retry-After", "1");
  _zs_api_respond_problem (request, status, field, error->message);
}

/* ---- request bodies ----------------------------------------------------- */

/* json-glib has no limit of its own on nesting: count before parsing. */
static gboolean
nesting_within (const char *data,
                gsize       length,
                guint       max_depth)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '{' || c == '[') && ++depth > max_depth)
        return FALSE;
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

/**
 * _zs_api_read_body: (skip)
 *
 * Returns: the request's JSON body, or %NULL after answering with a problem
 */
JsonNode *
_zs_api_read_body (ZsApiRequest *request)
{
  SoupMessageBody *body = soup_server_message_get_request_body (request->msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length > request->server->max_body_size)
    {
      _zs_api_respond_problem (request, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL,
                               _("The request body is larger than the server accepts"));
      return NULL;
    }
  if (length == 0)
    {
      _zs_api_respond_problem (request, SOUP_STATUS_BAD_REQUEST, NULL, _("The request has no body"));
      return NULL;
    }
  if (!nesting_within (data, length, ZS_API_MAX_DEPTH))
    {
      _zs_api_respond_problem (request, SOUP_STATUS_BAD_REQUEST, NULL, _("The request body is nested too deeply"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      g_autofree char *detail = g_strdup_printf (_("The request body is not JSON: %s"), error->message);

      _zs_api_respond_problem (request, SOUP_STATUS_BAD_REQUEST, NULL, detail);
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* ---- dispatch ----------------------------------------------------------- */

static ZsStaff *
authenticate (ZsApiServer       *self,
              SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  g_autoptr(GError) error = NULL;
  ZsStaff *staff;

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    return NULL;
  staff = zs_store_authenticate_token (self->store, authorization + 7, &error);
  if (staff == NULL && !g_error_matches (error, ZS_ERROR, ZS_ERROR_PERMISSION))
    g_warning ("Could not check a token: %s", error->message);
  return staff;
}

static ZsRouteProvider *
find_route (ZsApiServer *self,
            const char  *method,
            const char  *path)
{
  for (guint i = 0; i < self->routes->len; i++)
    {
      const char *route = g_ptr_array_index (self->routes, i);
      const char *space = strchr (route, ' ');
      gsize prefix_length;

      if (space == NULL || strncmp (route, method, space - route) != 0 || method[space - route] != '\0')
        continue;
      prefix_length = strlen (space + 1);
      if (strncmp (path, space + 1, prefix_length) == 0 &&
          (path[prefix_length] == '\0' || path[prefix_length] == '/'))
        return g_ptr_array_index (self->route_providers, i);
    }
  return NULL;
}

static void
handle_route (ZsApiRequest    *request,
              ZsRouteProvider *provider,
              const char      *path)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (request->method, "GET") && zs_staff_get_role (request->staff) == ZS_ROLE_VIEWER)
    {
      _zs_api_respond_problem (request, SOUP_STATUS_FORBIDDEN, NULL, _("A viewer may only read"));
      return;
    }
  if (g_str_equal (request->method, "POST") || g_str_equal (request->method, "PUT") ||
      g_str_equal (request->method, "PATCH"))
    if ((body = _zs_api_read_body (request)) == NULL)
      return;
  zs_store_set_actor (request->store, zs_staff_get_name (request->staff));
  result = zs_route_provider_handle (provider, request->store, request->method, path,
                                     request->query, body, &error);
  if (result == NULL)
    _zs_api_respond_error (request, error);
  else
    _zs_api_respond_json (request, SOUP_STATUS_OK, result);
}

static void
handle_openapi (ZsApiRequest *request)
{
  g_autoptr(JsonNode) document = zs_api_server_build_openapi (request->server);

  _zs_api_respond_json (request, SOUP_STATUS_OK, document);
}

static void
dispatch (ZsApiRequest *request,
          const char   *path)
{
  ZsRouteProvider *provider;
  ZsRecordType *type;

  if ((provider = find_route (request->server, request->method, path)) != NULL)
    handle_route (request, provider, path);
  else if (request->n_segments == 1 && g_str_equal (request->segments[0], "search"))
    _zs_api_handle_search (request);
  else if ((type = _zs_api_lookup_type (request->store, request->segments[0])) != NULL)
    _zs_api_handle_records (request, type);
  else
    {
      g_autofree char *detail = g_strdup_printf (_("No resource at /api/v1/%s"), path);

      _zs_api_respond_problem (request, SOUP_STATUS_NOT_FOUND, NULL, detail);
    }
}

static void
handle_api (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  ZsApiServer *self = user_data;
  g_autoptr(GHashTable) no_query = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ZsStaff) staff = NULL;
  g_auto(GStrv) segments = NULL;
  const char *rest;
  gboolean reading;
  ZsApiRequest request = { self, self->store, msg, NULL, soup_server_message_get_method (msg), NULL, 0, NULL };

  request.query = query != NULL ? query : no_query;
  if (!g_str_has_prefix (path, ZS_API_PREFIX) || path[strlen (ZS_API_PREFIX)] == '\0')
    {
      _zs_api_respond_problem (&request, SOUP_STATUS_NOT_FOUND, NULL, _("The API is under /api/v1/"));
      return;
    }
  rest = path + strlen (ZS_API_PREFIX);
  if (g_str_equal (rest, "openapi.json") && g_str_equal (request.method, "GET"))
    {
      handle_openapi (&request);
      return;
    }
  /* A read checks the token and loads in one snapshot: one read lock */
  reading = g_str_equal (request.method, "GET") || g_str_equal (request.method, "HEAD");
  if (reading)
    _zs_store_begin_read (self->store);
  if ((staff = authenticate (self, msg)) == NULL)
    {
      if (reading)
        _zs_store_end_read (self->store);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Bearer");
      _zs_api_respond_problem (&request, SOUP_STATUS_UNAUTHORIZED, NULL,
                               _("A valid bearer token is required (zhaoshang-cli token create)"));
      return;
    }
  request.staff = staff;
  segments = g_strsplit (rest, "/", -1);
  request.segments = segments;
  request.n_segments = g_strv_length (segments);
  dispatch (&request, rest);
  if (reading)
    _zs_store_end_read (self->store);
}

static gsize
body_limit (ZsApiServer       *self,
            SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);

  if (uri != NULL && g_str_has_suffix (g_uri_get_path (uri), "/import"))
    return self->max_body_size * IMPORT_BODY_FACTOR;
  return self->max_body_size;
}

/* A body announced as too large is refused before it is read. */
static void
check_length (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  ZsApiServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length = soup_message_headers_get_content_length (headers);

  if (length > (goffset) body_limit (self, msg))
    respond_problem (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL,
                     _("The request body is larger than the server accepts"));
}

/* A chunked body gives no length first: refuse it once it grows too large. */
static void
got_chunk (SoupServerMessage *msg,
           GBytes            *chunk,
           gpointer           user_data)
{
  ZsApiServer *self = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (body->length > (goffset) body_limit (self, msg) && soup_server_message_get_status (msg) == 0)
    {
      respond_problem (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL,
                       _("The request body is larger than the server accepts"));
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
    }
}

static void
request_started (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  ZsApiServer *self = user_data;
  GSocket *socket = soup_server_message_get_socket (msg);

  self->n_active++;
  /* A client that stops sending or reading is dropped, not waited for. */
  if (socket != NULL)
    g_socket_set_timeout (socket, self->request_timeout);
  g_object_set_data (G_OBJECT (msg), "zs-api-started", GINT_TO_POINTER (1));
  g_object_set_data_full (G_OBJECT (msg), "zs-api-time",
                          g_memdup2 (&(gint64) { g_get_monotonic_time () }, sizeof (gint64)), g_free);
  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (got_chunk), self, 0);
}

static void
log_request (SoupServerMessage *msg)
{
  gint64 *started = g_object_get_data (G_OBJECT (msg), "zs-api-time");
  GUri *uri = soup_server_message_get_uri (msg);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  const char *remote = soup_server_message_get_remote_host (msg);

  g_print ("%s %s %s %s %u %.1fms\n", stamp, remote != NULL ? remote : "-",
           soup_server_message_get_method (msg), uri != NULL ? g_uri_get_path (uri) : "-",
           soup_server_message_get_status (msg),
           started != NULL ? (g_get_monotonic_time () - *started) / 1000.0 : 0.0);
  fflush (stdout);
}

static void
request_ended (SoupServer        *server,
               SoupServerMessage *msg,
               gpointer           user_data)
{
  ZsApiServer *self = user_data;

  if (g_object_get_data (G_OBJECT (msg), "zs-api-started") == NULL)
    return;
  g_object_set_data (G_OBJECT (msg), "zs-api-started", NULL);
  if (self->n_active > 0)
    self->n_active--;
  if (self->access_log)
    log_request (msg);
}

static void
zs_api_server_constructed (GObject *object)
{
  ZsApiServer *self = ZS_API_SERVER (object);

  G_OBJECT_CLASS (zs_api_server_parent_class)->constructed (object);
  g_return_if_fail (ZS_IS_STORE (self->store));

  self->server = soup_server_new ("server-header", "zhaoshang ", "tls-certificate", self->certificate, NULL);
  soup_server_add_early_handler (self->server, "/api", check_length, self, NULL);
  soup_server_add_handler (self->server, "/api", handle_api, self, NULL);
  g_signal_connect_object (self->server, "request-started", G_CALLBACK (request_started), self, 0);
  g_signal_connect_object (self->server, "request-finished", G_CALLBACK (request_ended), self, 0);
  g_signal_connect_object (self->server, "request-aborted", G_CALLBACK (request_ended), self, 0);
}

/* ---- public API ----------------------------------------------------------- */

/**
 * zs_api_server_new:
 * @store: the store to serve, used by the calling thread only
 * @certificate: (nullable): the certificate of HTTPS, or %NULL for HTTP
 *
 * Returns: (transfer full): a new server, not listening yet
 */
ZsApiServer *
zs_api_server_new (ZsStore         *store,
                   GTlsCertificate *certificate)
{
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate), NULL);

  return g_object_new (ZS_TYPE_API_SERVER, "store", store, "tls-certificate", certificate, NULL);
}

/**
 * zs_api_server_add_route_provider:
 * @self: a #ZsApiServer
 * @provider: a plugin's routes
 *
 * Answers @provider's routes from now on. A route of an earlier provider
 * wins over the same route of a later one.
 */
void
zs_api_server_add_route_provider (ZsApiServer     *self,
                                  ZsRouteProvider *provider)
{
  g_auto(GStrv) routes = NULL;

  g_return_if_fail (ZS_IS_API_SERVER (self));
  g_return_if_fail (ZS_IS_ROUTE_PROVIDER (provider));

  routes = zs_route_provider_list_routes (provider);
  g_ptr_array_add (self->providers, g_object_ref (provider));
  for (guint i = 0; routes[i] != NULL; i++)
    {
      if (strchr (routes[i], ' ') == NULL)
        {
          g_warning ("Route “%s” has no method: ignored", routes[i]);
          continue;
        }
      g_ptr_array_add (self->routes, g_strdup (routes[i]));
      g_ptr_array_add (self->route_providers, provider);
    }
}

/* g_socket_bind() clears SO_REUSEPORT on TCP sockets: bind the fd itself. */
static gboolean
bind_native (GSocket         *socket,
             GSocketAddress  *address,
             GError         **error)
{
  struct sockaddr_storage native;
  gssize length = g_socket_address_get_native_size (address);
  int reuse = 1;

  if (length < 0 || !g_socket_address_to_native (address, &native, sizeof native, error))
    return FALSE;
  setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof reuse);
  if (bind (g_socket_get_fd (socket), (struct sockaddr *) &native, length) != 0)
    {
      int saved = errno;
      g_autofree char *text = g_socket_connectable_to_string (G_SOCKET_CONNECTABLE (address));

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not listen on %s: %s"),
                   text, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static GSocket *
bind_socket (const char  *address,
             guint        port,
             gboolean     reuse_port,
             GError     **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;

  if (inet == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("address: “%s” is not an IP address"), address);
      return NULL;
    }
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return NULL;
  if (reuse_port && !g_socket_set_option (socket, SOL_SOCKET, SO_REUSEPORT, 1, error))
    return NULL;
  socket_address = g_inet_socket_address_new (inet, port);
  if (!bind_native (socket, socket_address, error))
    return NULL;
  g_socket_set_listen_backlog (socket, 1024);
  if (!g_socket_listen (socket, error))
    return NULL;
  return g_steal_pointer (&socket);
}

/**
 * zs_api_server_listen:
 * @self: a #ZsApiServer
 * @address: an IP address, such as "127.0.0.1"
 * @port: a port, or 0 for any free one (see zs_api_server_get_port())
 * @reuse_port: whether other servers may listen on the same port
 * @error: return location for a #GError
 *
 * Starts answering, in the thread-default main context of the caller.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_api_server_listen (ZsApiServer  *self,
                      const char   *address,
                      guint         port,
                      gboolean      reuse_port,
                      GError      **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) local = NULL;

  g_return_val_if_fail (ZS_IS_API_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  if ((socket = bind_socket (address, port, reuse_port, error)) == NULL ||
      !soup_server_listen_socket (self->server, socket,
                                  self->certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0, error))
    return FALSE;
  local = g_socket_get_local_address (socket, error);
  if (local == NULL)
    return FALSE;
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  return TRUE;
}

/**
 * zs_api_server_get_port:
 * @self: a #ZsApiServer
 *
 * Returns: the port the server listens on, 0 before it listens
 */
guint
zs_api_server_get_port (ZsApiServer *self)
{
  g_return_val_if_fail (ZS_IS_API_SERVER (self), 0);
  return self->port;
}

/**
 * zs_api_server_stop_listening:
 * @self: a #ZsApiServer
 *
 * Takes no new connections; requests already taken are answered. See
 * zs_api_server_get_n_active() for when they are.
 */
void
zs_api_server_stop_listening (ZsApiServer *self)
{
  GSList *listeners;

  g_return_if_fail (ZS_IS_API_SERVER (self));

  listeners = soup_server_get_listeners (self->server);
  for (GSList *l = listeners; l != NULL; l = l->next)
    g_socket_close (l->data, NULL);
  g_slist_free (listeners);
}

/**
 * zs_api_server_get_n_active:
 * @self: a #ZsApiServer
 *
 * Returns: the number of requests taken and not answered yet
 */
guint
zs_api_server_get_n_active (ZsApiServer *self)
{
  g_return_val_if_fail (ZS_IS_API_SERVER (self), 0);
  return self->n_active;
}

/**
 * zs_api_server_disconnect:
 * @self: a #ZsApiServer
 *
 * Closes the listening socket and every connection.
 */
void
zs_api_server_disconnect (ZsApiServer *self)
{
  g_return_if_fail (ZS_IS_API_SERVER (self));
  soup_server_disconnect (self->server);
}

/**
 * zs_api_server_get_max_body_size:
 * @self: a #ZsApiServer
 *
 * Returns: the largest request body accepted, in bytes
 */
gsize
zs_api_server_get_max_body_size (ZsApiServer *self)
{
  g_return_val_if_fail (ZS_IS_API_SERVER (self), 0);
  return self->max_body_size;
}

/**
 * zs_api_server_set_max_body_size:
 * @self: a #ZsApiServer
 * @max_body_size: the largest request body accepted, in bytes
 */
void
zs_api_server_set_max_body_size (ZsApiServer *self,
                                 gsize        max_body_size)
{
  g_return_if_fail (ZS_IS_API_SERVER (self));
  g_return_if_fail (max_body_size > 0);

  if (self->max_body_size == max_body_size)
    return;
  self->max_body_size = max_body_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BODY_SIZE]);
}

/**
 * zs_api_server_get_access_log:
 * @self: a #ZsApiServer
 *
 * Returns: whether requests are logged on standard output
 */
gboolean
zs_api_server_get_access_log (ZsApiServer *self)
{
  g_return_val_if_fail (ZS_IS_API_SERVER (self), FALSE);
  return self->access_log;
}

/**
 * zs_api_server_set_access_log:
 * @self: a #ZsApiServer
 * @access_log: whether to log every request on standard output
 */
void
zs_api_server_set_access_log (ZsApiServer *self,
                              gboolean     access_log)
{
  g_return_if_fail (ZS_IS_API_SERVER (self));

  access_log = !!access_log;
  if (self->access_log == access_log)
    return;
  self->access_log = access_log;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESS_LOG]);
}

/**
 * zs_api_server_get_request_timeout:
 * @self: a #ZsApiServer
 *
 * Returns: the seconds a silent connection is kept
 */
guint
zs_api_server_get_request_timeout (ZsApiServer *self)
{
  g_return_val_if_fail (ZS_IS_API_SERVER (self), 0);
  return self->request_timeout;
}

/**
 * zs_api_server_set_request_timeout:
 * @self: a #ZsApiServer
 * @seconds: how long a connection may stay silent, from 1 to 3600
 *
 * Applies to the requests started from now on.
 */
void
zs_api_server_set_request_timeout (ZsApiServer *self,
                                   guint        seconds)
{
  g_return_if_fail (ZS_IS_API_SERVER (self));
  g_return_if_fail (seconds >= 1 && seconds <= 3600);

  if (self->request_timeout == seconds)
    return;
  self->request_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST_TIMEOUT]);
}

/**
 * zs_api_server_build_openapi:
 * @self: a #ZsApiServer
 *
 * Describes the API as the server answers it now, with every registered
 * record type and route, as an OpenAPI 3.1 document.
 *
 * Returns: (transfer full): the document
 */
JsonNode *
zs_api_server_build_openapi (ZsApiServer *self)
{
  g_return_val_if_fail (ZS_IS_API_SERVER (self), NULL);
  return _zs_api_build_openapi (self->store, self->routes);
}
