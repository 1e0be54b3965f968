/* test-api.c: the HTTP JSON API, in process, on an ephemeral loopback port
 *
 * Two servers share the port (SO_REUSEPORT), each in its own thread with
 * its own main context and connection, as `serve --workers 2` runs them;
 * the test talks to them with a synchronous libsoup client.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "zs-test-util.h"

#define N_SERVERS 2

static const char *visit_json =
  "{ \"name\": \"demo.visit\", \"version\": 1, \"label\": \"Visit\","
  "  \"fields\": ["
  "    { \"name\": \"title\", \"kind\": \"text\", \"required\": true, \"searchable\": true },"
  "    { \"name\": \"guests\", \"kind\": \"integer\", \"min\": 0 },"
  "    { \"name\": \"cost\", \"kind\": \"money\" },"
  "    { \"name\": \"done\", \"kind\": \"boolean\" },"
  "    { \"name\": \"park_code\", \"kind\": \"text\" }"
  "  ] }";

/* ---- a route provider, as a plugin would give one ----------------------- */

#define TEST_TYPE_ROUTES (test_routes_get_type ())
G_DECLARE_FINAL_TYPE (TestRoutes, test_routes, TEST, ROUTES, GObject)
struct _TestRoutes { GObject parent_instance; };
static void test_routes_iface_init (ZsRouteProviderInterface *iface);
G_DEFINE_FINAL_TYPE_WITH_CODE (TestRoutes, test_routes, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZS_TYPE_ROUTE_PROVIDER, test_routes_iface_init))

static void test_routes_class_init (TestRoutesClass *klass) { }
static void test_routes_init (TestRoutes *self) { }

static char **
test_routes_list (ZsRouteProvider *provider)
{
  return g_strsplit ("GET demo/echo|POST demo/echo", "|", -1);
}

static JsonNode *
test_routes_handle (ZsRouteProvider  *provider,
                    ZsStore          *store,
                    const char       *method,
                    const char       *path,
                    GHashTable       *query,
                    JsonNode         *body,
                    GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) staff = zs_store_list_staff (store, error);
  const char *q = g_hash_table_lookup (query, "q");

  if (staff == NULL)
    return NULL;
  if (g_strcmp0 (q, "bad") == 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, "q: “bad” is not a question");
      return NULL;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "q");
  json_builder_add_string_value (builder, q);
  json_builder_set_member_name (builder, "staff");
  json_builder_add_int_value (builder, staff->len);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
test_routes_iface_init (ZsRouteProviderInterface *iface)
{
  iface->list_routes = test_routes_list;
  iface->handle = test_routes_handle;
}

/* ---- servers in threads ------------------------------------------------- */

typedef struct
{
  char            *path;
  guint            port;
  GMainContext    *context;
  GMainLoop       *loop;
  GThread         *thread;
  ZsApiServer     *server;
  GMutex           lock;
  GCond            cond;
  gboolean         ready;
  gsize            max_body;
} ServerThread;

static gpointer
server_run (gpointer data)
{
  ServerThread *st = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = NULL;
  g_autoptr(ZsRecordType) visit = NULL;
  g_autoptr(TestRoutes) routes = g_object_new (TEST_TYPE_ROUTES, NULL);

  g_main_context_push_thread_default (st->context);
  store = zs_store_new (st->path, &error);
  g_assert_no_error (error);
  visit = zs_record_type_new_from_json (visit_json, &error);
  g_assert_no_error (error);
  g_assert_true (zs_store_register_record_type (store, visit, &error));
  st->server = zs_api_server_new (store, NULL);
  zs_api_server_set_max_body_size (st->server, st->max_body);
  zs_api_server_add_route_provider (st->server, ZS_ROUTE_PROVIDER (routes));
  g_assert_true (zs_api_server_listen (st->server, "127.0.0.1", st->port, TRUE, &error));
  g_assert_no_error (error);
  g_mutex_lock (&st->lock);
  st->port = zs_api_server_get_port (st->server);
  st->ready = TRUE;
  g_cond_signal (&st->cond);
  g_mutex_unlock (&st->lock);
  g_main_loop_run (st->loop);
  zs_api_server_disconnect (st->server);
  g_clear_object (&st->server);
  g_main_context_pop_thread_default (st->context);
  return NULL;
}

static ServerThread *
server_start (const char *path,
              guint       port,
              gsize       max_body)
{
  ServerThread *st = g_new0 (ServerThread, 1);

  st->path = g_strdup (path);
  st->port = port;
  st->max_body = max_body;
  st->context = g_main_context_new ();
  st->loop = g_main_loop_new (st->context, FALSE);
  g_mutex_init (&st->lock);
  g_cond_init (&st->cond);
  st->thread = g_thread_new ("api-test-server", server_run, st);
  g_mutex_lock (&st->lock);
  while (!st->ready)
    g_cond_wait (&st->cond, &st->lock);
  g_mutex_unlock (&st->lock);
  return st;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
server_stop (ServerThread *st)
{
  g_main_context_invoke (st->context, quit_loop, st->loop);
  g_thread_join (st->thread);
  g_main_loop_unref (st->loop);
  g_main_context_unref (st->context);
  g_mutex_clear (&st->lock);
  g_cond_clear (&st->cond);
  g_free (st->path);
  g_free (st);
}

/* ---- the fixture --------------------------------------------------------- */

typedef struct
{
  StoreFixture  base;
  ServerThread *servers[N_SERVERS];
  SoupSession  *session;
  char         *admin;
  char         *staff;     /* 张伟, staff of horgos-port-park */
  char         *viewer;    /* a viewer of horgos-edz */
  gint64        firm;
  gint64        project_edz;
  gint64        project_port;
} ApiFixture;

static void
add_staff (ZsStore    *store,
           const char *name,
           ZsRole      role,
           const char *park)
{
  g_autoptr(ZsStaff) staff = zs_staff_new ();
  g_autoptr(GError) error = NULL;

  zs_staff_set_name (staff, name);
  zs_staff_set_role (staff, role);
  zs_staff_set_park_code (staff, park);
  g_assert_cmpint (zs_store_add_staff (store, staff, &error), >, 0);
  g_assert_no_error (error);
}

static char *
make_token (ZsStore    *store,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  char *token = NULL;

  g_assert_cmpint (zs_store_create_token (store, name, NULL, &token, &error), >, 0);
  g_assert_no_error (error);
  return token;
}

static gint64
add_project (ZsStore    *store,
             gint64      firm,
             const char *title,
             const char *park)
{
  g_autoptr(ZsProject) project = zs_project_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_project_set_firm_id (project, firm);
  zs_project_set_title (project, title);
  zs_project_set_park_code (project, park);
  id = zs_store_add_project (store, project, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (ApiFixture    *fixture,
               gconstpointer  data)
{
  ZsStore *store;

  store_fixture_setup_seeded (&fixture->base, data);
  store = fixture->base.store;
  add_staff (store, "管理员", ZS_ROLE_ADMIN, NULL);
  add_staff (store, "张伟", ZS_ROLE_STAFF, "horgos-port-park");
  add_staff (store, "访客", ZS_ROLE_VIEWER, "horgos-edz");
  fixture->admin = make_token (store, "管理员");
  fixture->staff = make_token (store, "张伟");
  fixture->viewer = make_token (store, "访客");
  fixture->firm = add_firm (store, "霍尔果斯测试商贸有限公司", "货物进出口");
  fixture->project_edz = add_project (store, fixture->firm, "大数据平台", "horgos-edz");
  fixture->project_port = add_project (store, fixture->firm, "精密机械", "horgos-port-park");
  fixture->servers[0] = server_start (fixture->base.path, 0, 64 * 1024);
  for (guint i = 1; i < N_SERVERS; i++)
    fixture->servers[i] = server_start (fixture->base.path, fixture->servers[0]->port, 64 * 1024);
  fixture->session = soup_session_new ();
  soup_session_set_timeout (fixture->session, 60);
}

static void
fixture_teardown (ApiFixture    *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->session);
  for (guint i = 0; i < N_SERVERS; i++)
    server_stop (fixture->servers[i]);
  g_free (fixture->admin);
  g_free (fixture->staff);
  g_free (fixture->viewer);
  store_fixture_teardown (&fixture->base, data);
}

typedef struct
{
  guint     status;
  JsonNode *json;
  char     *etag;
  char     *content_type;
} Reply;

static void
reply_free (Reply *reply)
{
  g_clear_pointer (&reply->json, json_node_unref);
  g_free (reply->etag);
  g_free (reply->content_type);
  g_free (reply);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

static SoupMessage *
build (ApiFixture *fixture,
       const char *method,
       const char *path,
       const char *token,
       const char *if_match,
       const char *body)
{
  g_autofree char *uri = g_strdup_printf ("http://127.0.0.1:%u%s", fixture->servers[0]->port, path);
  SoupMessage *msg = soup_message_new (method, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  return msg;
}

static Reply *
finish (SoupMessage *msg,
        GBytes      *bytes)
{
  Reply *reply = g_new0 (Reply, 1);
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

  reply->status = soup_message_get_status (msg);
  reply->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  reply->content_type = g_strdup (type);
  if (length > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      g_assert_true (json_parser_load_from_data (parser, data, length, &error));
      g_assert_no_error (error);
      reply->json = json_node_ref (json_parser_get_root (parser));
    }
  return reply;
}

static Reply *
request (ApiFixture *fixture,
         const char *method,
         const char *path,
         const char *token,
         const char *if_match,
         const char *body)
{
  g_autoptr(SoupMessage) msg = build (fixture, method, path, token, if_match, body);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read (fixture->session, msg, NULL, &error);

  g_assert_no_error (error);
  return finish (msg, bytes);
}

static JsonObject *
object (Reply *reply)
{
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->json));
  return json_node_get_object (reply->json);
}

static void
assert_problem (Reply      *reply,
                guint       status,
                const char *field)
{
  g_assert_cmpuint (reply->status, ==, status);
  g_assert_cmpstr (reply->content_type, ==, "application/problem+json");
  g_assert_cmpint (json_object_get_int_member (object (reply), "status"), ==, status);
  g_assert_nonnull (json_object_get_string_member (object (reply), "detail"));
  if (field != NULL)
    g_assert_cmpstr (json_object_get_string_member_with_default (object (reply), "field", NULL), ==, field);
}

static char *
path_of (const char *type,
         gint64      id)
{
  return g_strdup_printf ("/api/v1/%s/%" G_GINT64_FORMAT, type, id);
}

/* ---- the tests ------------------------------------------------------------- */

static void
test_auth (ApiFixture    *fixture,
           gconstpointer  data)
{
  g_autofree char *firm = path_of ("firms", fixture->firm);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) tokens = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(Reply) none = request (fixture, "GET", firm, NULL, NULL, NULL);
  g_autoptr(Reply) wrong = request (fixture, "GET", firm, "zs_0000", NULL, NULL);
  g_autoptr(Reply) good = request (fixture, "GET", firm, fixture->admin, NULL, NULL);
  g_autoptr(Reply) revoked = NULL;

  assert_problem (none, 401, NULL);
  assert_problem (wrong, 401, NULL);
  g_assert_cmpuint (good->status, ==, 200);
  g_assert_cmpstr (good->etag, ==, "\"1\"");

  /* Only hashes are stored; a revoked token no longer opens anything. */
  tokens = zs_store_list_tokens (fixture->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (tokens)), ==, 3);
  listed = json_to_string (tokens, FALSE);
  g_assert_null (strstr (listed, fixture->admin + 3));
  g_assert_true (zs_store_revoke_token (fixture->base.store, 1, &error));
  revoked = request (fixture, "GET", firm, fixture->admin, NULL, NULL);
  assert_problem (revoked, 401, NULL);
  g_assert_false (zs_store_revoke_token (fixture->base.store, 99, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND);
}

static void
test_roles (ApiFixture    *fixture,
            gconstpointer  data)
{
  g_autofree char *edz = path_of ("projects", fixture->project_edz);
  g_autofree char *port = path_of ("projects", fixture->project_port);
  g_autoptr(Reply) viewer_edz = request (fixture, "GET", edz, fixture->viewer, NULL, NULL);
  g_autoptr(Reply) viewer_port = request (fixture, "GET", port, fixture->viewer, NULL, NULL);
  g_autoptr(Reply) viewer_write = request (fixture, "PATCH", edz, fixture->viewer, "\"1\"", "{\"title\":\"x\"}");
  g_autoptr(Reply) viewer_list = request (fixture, "GET", "/api/v1/projects", fixture->viewer, NULL, NULL);
  g_autoptr(Reply) staff_other = request (fixture, "PATCH", edz, fixture->staff, "\"1\"", "{\"title\":\"x\"}");
  g_autoptr(Reply) staff_own = request (fixture, "PATCH", port, fixture->staff, "\"1\"", "{\"title\":\"精密机械二期\"}");
  g_autoptr(Reply) staff_move = request (fixture, "PATCH", port, fixture->staff, staff_own->etag,
                                         "{\"park_code\":\"horgos-edz\"}");
  g_autoptr(Reply) staff_staff = request (fixture, "POST", "/api/v1/staff", fixture->staff, NULL,
                                          "{\"name\":\"新人\",\"role\":\"admin\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  JsonArray *items;

  g_assert_cmpuint (viewer_edz->status, ==, 200);
  assert_problem (viewer_port, 403, NULL);
  assert_problem (viewer_write, 403, NULL);
  items = json_object_get_array_member (object (viewer_list), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  assert_problem (staff_other, 403, "park_code");
  g_assert_cmpuint (staff_own->status, ==, 200);
  assert_problem (staff_move, 403, "park_code");
  assert_problem (staff_staff, 403, NULL);

  /* The change is the token's staff member's in the audit trail. */
  changes = zs_store_list_changes (fixture->base.store, "project", fixture->project_port, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_change_get_actor (g_ptr_array_index (changes, 0)), ==, "张伟");
}

static void
test_statuses (ApiFixture    *fixture,
               gconstpointer  data)
{
  g_autofree char *firm = path_of ("firms", fixture->firm);
  g_autofree char *big = g_strnfill (100 * 1024, ' ');
  g_autofree char *big_body = g_strconcat ("{\"notes\":\"x\"", big, "}", NULL);
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(Reply) missing = request (fixture, "GET", "/api/v1/firms/999999", fixture->admin, NULL, NULL);
  g_autoptr(Reply) bad_id = request (fixture, "GET", "/api/v1/firms/abc", fixture->admin, NULL, NULL);
  g_autoptr(Reply) no_type = request (fixture, "GET", "/api/v1/nothing", fixture->admin, NULL, NULL);
  g_autoptr(Reply) no_match = request (fixture, "PATCH", firm, fixture->admin, NULL, "{\"notes\":\"a\"}");
  g_autoptr(Reply) delete_no_match = request (fixture, "DELETE", firm, fixture->admin, NULL, NULL);
  g_autoptr(Reply) wrong_type = request (fixture, "PATCH", firm, fixture->admin, "\"1\"", "{\"registered_capital\":\"many\"}");
  g_autoptr(Reply) unknown = request (fixture, "PATCH", firm, fixture->admin, "\"1\"", "{\"colour\":\"red\"}");
  g_autoptr(Reply) not_json = request (fixture, "PATCH", firm, fixture->admin, "\"1\"", "{\"notes\":");
  g_autoptr(Reply) too_big = request (fixture, "PATCH", firm, fixture->admin, "\"1\"", big_body);
  g_autoptr(Reply) bad_filter = request (fixture, "GET", "/api/v1/firms?colour=red", fixture->admin, NULL, NULL);
  g_autoptr(Reply) deep_reply = NULL;
  g_autoptr(Reply) still = NULL;

  for (int i = 0; i < 100; i++)
    g_string_append (deep, "{\"a\":");
  g_string_append (deep, "1");
  for (int i = 0; i < 100; i++)
    g_string_append_c (deep, '}');
  deep_reply = request (fixture, "POST", "/api/v1/firms", fixture->admin, NULL, deep->str);

  assert_problem (missing, 404, NULL);
  assert_problem (bad_id, 404, "id");
  assert_problem (no_type, 404, NULL);
  assert_problem (no_match, 428, "If-Match");
  assert_problem (delete_no_match, 428, "If-Match");
  assert_problem (wrong_type, 422, "registered_capital");
  assert_problem (unknown, 422, "colour");
  assert_problem (not_json, 400, NULL);
  assert_problem (too_big, 413, NULL);
  assert_problem (bad_filter, 422, "colour");
  assert_problem (deep_reply, 400, NULL);

  /* Nothing of it was written. */
  still = request (fixture, "GET", firm, fixture->admin, NULL, NULL);
  g_assert_cmpstr (still->etag, ==, "\"1\"");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object (still), "notes")));
}

static void
test_versions (ApiFixture    *fixture,
               gconstpointer  data)
{
  g_autofree char *firm = path_of ("firms", fixture->firm);
  g_autoptr(Reply) first = request (fixture, "PATCH", firm, fixture->admin, "\"1\"", "{\"notes\":\"一\"}");
  g_autoptr(Reply) stale = request (fixture, "PATCH", firm, fixture->admin, "\"1\"", "{\"notes\":\"二\"}");
  g_autoptr(Reply) stale_delete = request (fixture, "DELETE", firm, fixture->admin, "\"1\"", NULL);
  g_autoptr(Reply) in_use = NULL;
  g_autoptr(Reply) created = NULL;
  g_autoptr(Reply) deleted = NULL;
  g_autoptr(Reply) gone = NULL;
  g_autofree char *lone = NULL;
  g_autofree char *uscc = NULL;
  g_autofree char *body = NULL;
  JsonObject *current;

  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpstr (first->etag, ==, "\"2\"");
  assert_problem (stale, 412, "If-Match");
  current = json_object_get_object_member (object (stale), "current");
  g_assert_cmpstr (json_object_get_string_member (current, "notes"), ==, "一");
  g_assert_cmpint (json_object_get_int_member (current, "version"), ==, 2);
  assert_problem (stale_delete, 412, "If-Match");
  /* The firm has projects: refused, as the store refuses it. */
  in_use = request (fixture, "DELETE", firm, fixture->admin, first->etag, NULL);
  assert_problem (in_use, 409, NULL);
  uscc = make_uscc (7);
  body = g_strdup_printf ("{\"name\":\"霍尔果斯待删有限公司\",\"uscc\":\"%s\"}", uscc);
  created = request (fixture, "POST", "/api/v1/firms", fixture->admin, NULL, body);
  g_assert_cmpuint (created->status, ==, 201);
  lone = path_of ("firms", json_object_get_int_member (object (created), "id"));
  deleted = request (fixture, "DELETE", lone, fixture->admin, created->etag, NULL);
  g_assert_cmpuint (deleted->status, ==, 204);
  gone = request (fixture, "GET", lone, fixture->admin, NULL, NULL);
  assert_problem (gone, 404, NULL);
}

typedef struct
{
  SoupMessage *msg;
  GBytes      *bytes;
  gboolean     done;
} Pending;

static void
sent (GObject      *source,
      GAsyncResult *result,
      gpointer      data)
{
  Pending *pending = data;
  g_autoptr(GError) error = NULL;

  pending->bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  pending->done = TRUE;
}

/* Both PATCHes are in flight at once, on two connections and two servers
 * with their own database connections: one wins, the other gets 412. */
static void
test_concurrent_patch (ApiFixture    *fixture,
                       gconstpointer  data)
{
  g_autofree char *firm = path_of ("firms", fixture->firm);
  g_autoptr(SoupSession) other = soup_session_new ();
  Pending a = { build (fixture, "PATCH", firm, fixture->admin, "\"1\"", "{\"notes\":\"甲\"}"), NULL, FALSE };
  Pending b = { build (fixture, "PATCH", firm, fixture->admin, "\"1\"", "{\"notes\":\"乙\"}"), NULL, FALSE };
  g_autoptr(Reply) ra = NULL;
  g_autoptr(Reply) rb = NULL;

  soup_session_send_and_read_async (fixture->session, a.msg, G_PRIORITY_DEFAULT, NULL, sent, &a);
  soup_session_send_and_read_async (other, b.msg, G_PRIORITY_DEFAULT, NULL, sent, &b);
  while (!a.done || !b.done)
    g_main_context_iteration (NULL, TRUE);
  ra = finish (a.msg, a.bytes);
  rb = finish (b.msg, b.bytes);
  g_assert_cmpuint (MIN (ra->status, rb->status), ==, 200);
  g_assert_cmpuint (MAX (ra->status, rb->status), ==, 412);
  g_clear_object (&a.msg);
  g_clear_object (&b.msg);
  g_clear_pointer (&a.bytes, g_bytes_unref);
  g_clear_pointer (&b.bytes, g_bytes_unref);
}

static char *
post_firm (ApiFixture *fixture,
           guint       serial)
{
  g_autofree char *uscc = make_uscc (serial);
  g_autofree char *body = g_strdup_printf ("{\"name\":\"霍尔果斯分页测试%u有限公司\",\"uscc\":\"%s\"}", serial, uscc);
  g_autoptr(Reply) reply = request (fixture, "POST", "/api/v1/firms", fixture->admin, NULL, body);

  g_assert_cmpuint (reply->status, ==, 201);
  return g_strdup (json_object_get_string_member (object (reply), "name"));
}

/* Keyset pages: every record there at the start is seen once, whatever is
 * added while the client pages. */
static void
test_pagination (ApiFixture    *fixture,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *next = g_strdup ("/api/v1/firms?limit=7&sort=name");
  guint pages = 0, serial = 100;

  for (guint i = 0; i < 30; i++)
    g_ptr_array_add (before, post_firm (fixture, serial++));
  while (next != NULL)
    {
      g_autoptr(Reply) page = request (fixture, "GET", next, fixture->admin, NULL, NULL);
      JsonArray *items;
      JsonNode *link;

      g_assert_cmpuint (page->status, ==, 200);
      items = json_object_get_array_member (object (page), "items");
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          const char *name = json_object_get_string_member (json_array_get_object_element (items, i), "name");

          g_assert_false (g_hash_table_contains (seen, name));
          g_hash_table_add (seen, g_strdup (name));
        }
      g_free (post_firm (fixture, serial++));
      link = json_object_get_member (object (page), "next");
      g_clear_pointer (&next, g_free);
      next = JSON_NODE_HOLDS_NULL (link) ? NULL : g_strdup (json_node_get_string (link));
      g_assert_cmpuint (++pages, <, 100);
    }
  for (guint i = 0; i < before->len; i++)
    g_assert_true (g_hash_table_contains (seen, g_ptr_array_index (before, i)));
  g_assert_cmpuint (pages, >=, 5);
}

static void
test_literal (ApiFixture    *fixture,
              gconstpointer  data)
{
  static const char *values[] = {
    "Robert'); DROP TABLE firms;--",
    "<script>alert(1)</script>",
    "=HYPERLINK(\\\"http://x\\\",\\\"y\\\")",
    "@SUM(1+1)",
  };
  g_autofree char *firm = path_of ("firms", fixture->firm);
  g_autofree char *etag = g_strdup ("\"1\"");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"notes\":\"%s\"}", values[i]);
      g_autoptr(Reply) patched = request (fixture, "PATCH", firm, fixture->admin, etag, body);
      g_autoptr(Reply) read = request (fixture, "GET", firm, fixture->admin, NULL, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (patched->status, ==, 200);
      g_free (etag);
      etag = g_strdup (patched->etag);
      g_assert_true (json_parser_load_from_data (parser, body, -1, &error));
      g_assert_cmpstr (json_object_get_string_member (object (read), "notes"), ==,
                       json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "notes"));
    }
}

static void
test_plugin_type (ApiFixture    *fixture,
                  gconstpointer  data)
{
  g_autoptr(Reply) created = request (fixture, "POST", "/api/v1/demo.visit", fixture->admin, NULL,
                                      "{\"title\":\"考察\",\"guests\":3,\"cost\":12.5,\"done\":false}");
  g_autoptr(Reply) bad = request (fixture, "POST", "/api/v1/demo.visit", fixture->admin, NULL,
                                  "{\"title\":\"考察\",\"guests\":\"three\"}");
  g_autoptr(Reply) listed = request (fixture, "GET", "/api/v1/demo.visit?guests=%3E%3D2", fixture->admin, NULL, NULL);
  g_autoptr(Reply) route = request (fixture, "GET", "/api/v1/demo/echo?q=hi", fixture->viewer, NULL, NULL);
  g_autoptr(Reply) route_bad = request (fixture, "GET", "/api/v1/demo/echo/more?q=bad", fixture->admin, NULL, NULL);
  g_autoptr(Reply) route_viewer_post = request (fixture, "POST", "/api/v1/demo/echo", fixture->viewer, NULL, "{}");
  g_autofree char *visit = NULL;
  g_autoptr(Reply) history = NULL;

  g_assert_cmpuint (created->status, ==, 201);
  g_assert_cmpint (json_object_get_int_member (object (created), "guests"), ==, 3);
  assert_problem (bad, 422, "guests");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object (listed), "items")), ==, 1);
  g_assert_cmpuint (route->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object (route), "q"), ==, "hi");
  g_assert_cmpint (json_object_get_int_member (object (route), "staff"), ==, 3);
  assert_problem (route_bad, 422, "q");
  assert_problem (route_viewer_post, 403, NULL);
  visit = path_of ("demo.visit", json_object_get_int_member (object (created), "id"));
  {
    g_autofree char *history_path = g_strconcat (visit, "/history", NULL);

    history = request (fixture, "GET", history_path, fixture->admin, NULL, NULL);
  }
  g_assert_cmpuint (history->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object (history), "items")), >=, 1);
}

static void
test_stage (ApiFixture    *fixture,
            gconstpointer  data)
{
  g_autofree char *stage = g_strdup_printf ("/api/v1/projects/%" G_GINT64_FORMAT "/stage", fixture->project_port);
  g_autoptr(Reply) moved = request (fixture, "POST", stage, fixture->staff, "\"1\"",
                                    "{\"stage\":\"contacted\",\"reason\":\"首次接洽\"}");
  g_autoptr(Reply) bad = request (fixture, "POST", stage, fixture->staff, moved->etag, "{\"stage\":\"flying\"}");

  g_assert_cmpuint (moved->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object (moved), "stage"), ==, "contacted");
  assert_problem (bad, 422, "stage");
}

/* Every $ref points at a schema of the document. */
static void
check_refs (JsonNode   *node,
            JsonObject *schemas)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (o);
      const char *target = json_object_get_string_member_with_default (o, "$ref", NULL);

      if (target != NULL)
        {
          g_assert_true (g_str_has_prefix (target, "#/components/schemas/"));
          g_assert_true (json_object_has_member (schemas, target + strlen ("#/components/schemas/")));
        }
      for (GList *l = members; l != NULL; l = l->next)
        check_refs (json_object_get_member (o, l->data), schemas);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        check_refs (json_array_get_element (a, i), schemas);
    }
}

static void
check_operations (JsonObject *paths)
{
  static const char * const methods[] = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
  g_autoptr(GList) names = json_object_get_members (paths);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *item = json_object_get_object_member (paths, l->data);
      g_autoptr(GList) keys = json_object_get_members (item);

      g_assert_true (g_str_has_prefix (l->data, "/"));
      for (GList *k = keys; k != NULL; k = k->next)
        {
          JsonObject *operation;
          const char *id;

          if (g_str_equal (k->data, "parameters") || g_str_equal (k->data, "summary"))
            continue;
          g_assert_true (g_strv_contains (methods, k->data));
          operation = json_object_get_object_member (item, k->data);
          g_assert_true (json_object_get_size (json_object_get_object_member (operation, "responses")) > 0);
          id = json_object_get_string_member (operation, "operationId");
          g_assert_false (g_hash_table_contains (ids, id));
          g_hash_table_add (ids, (gpointer) id);
        }
    }
}

/* The rules of OpenAPI 3.1 a client generator relies on (no schema
 * validator is packaged for Debian). */
static void
test_openapi (ApiFixture    *fixture,
              gconstpointer  data)
{
  g_autoptr(Reply) reply = request (fixture, "GET", "/api/v1/openapi.json", NULL, NULL, NULL);
  g_autoptr(GPtrArray) types = zs_store_list_record_types (fixture->base.store);
  JsonObject *document, *info, *paths, *schemas;

  g_assert_cmpuint (reply->status, ==, 200);
  document = object (reply);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (document, "openapi"), "3.1."));
  info = json_object_get_object_member (document, "info");
  g_assert_cmpstr (json_object_get_string_member (info, "title"), !=, "");
  g_assert_nonnull (json_object_get_string_member (info, "version"));
  paths = json_object_get_object_member (document, "paths");
  schemas = json_object_get_object_member (json_object_get_object_member (document, "components"), "schemas");
  check_operations (paths);
  check_refs (json_object_get_member (document, "paths"), schemas);
  check_refs (json_object_get_member (document, "components"), schemas);
  g_assert_true (json_object_has_member (schemas, "demo.visit"));
  g_assert_true (json_object_has_member (paths, "/api/v1/demo.visit/{id}"));
  g_assert_true (json_object_has_member (paths, "/api/v1/demo/echo"));
  g_assert_true (json_object_has_member (json_object_get_object_member (paths, "/api/v1/demo/echo"), "post"));
  for (guint i = 0; i < types->len; i++)
    g_assert_true (json_object_has_member (schemas, zs_record_type_get_name (g_ptr_array_index (types, i))));
  g_assert_true (json_object_has_member (paths, "/api/v1/firms"));
  g_assert_true (json_object_has_member (paths, "/api/v1/firms/import"));
  g_assert_true (json_object_has_member (paths, "/api/v1/activities/{id}"));
}

static void
ignore_reply (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  guint *n = data;

  (*n)++;
}

/* The real server, `zhaoshang-cli serve`, killed (SIGKILL) while requests
 * write: the database stays sound and keeps every write it answered. */
static void
test_killed (ApiFixture    *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) serve = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GPtrArray) firms = NULL;
  g_autoptr(ZsStore) reopened = NULL;
  const char *cli = g_getenv ("ZHAOSHANG_CLI");
  const char *at;
  guint port, answered = 0, finished = 0;

  /* tests/core/api/meson.build names the built zhaoshang-cli */
  g_assert_nonnull (cli);
  serve = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                            cli, "--db", fixture->base.path, "serve", "--port", "0", "--quiet", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stderr_pipe (serve));
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL &&
         strstr (line, "127.0.0.1:") == NULL)
    g_clear_pointer (&line, g_free);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  at = strstr (line, "127.0.0.1:") + strlen ("127.0.0.1:");
  port = (guint) g_ascii_strtoull (at, NULL, 10);
  g_assert_cmpuint (port, >, 0);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *uscc = make_uscc (500 + i);
      g_autofree char *body = g_strdup_printf ("{\"name\":\"霍尔果斯中断测试%u有限公司\",\"uscc\":\"%s\"}", i, uscc);
      g_autofree char *uri = g_strdup_printf ("http://127.0.0.1:%u/api/v1/firms", port);
      g_autofree char *authorization = g_strconcat ("Bearer ", fixture->admin, NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
      if (i < 20)
        {
          g_autoptr(GBytes) reply = soup_session_send_and_read (fixture->session, msg, NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (soup_message_get_status (msg), ==, 201);
          answered++;
        }
      else
        soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL, ignore_reply, &finished);
    }
  /* Kill it while the last twenty are on their way. */
  for (guint i = 0; i < 3; i++)
    g_main_context_iteration (NULL, FALSE);
  g_subprocess_force_exit (serve);
  g_subprocess_wait (serve, NULL, NULL);
  while (finished < 20)
    g_main_context_iteration (NULL, TRUE);

  reopened = zs_store_new (fixture->base.path, &error);
  g_assert_no_error (error);
  g_assert_true (zs_store_check (reopened, &error));
  g_assert_no_error (error);
  firms = zs_store_list_firms (reopened, "中断测试", NULL, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (firms->len, >=, answered);
  g_assert_cmpuint (firms->len, <=, 40);
}

static Reply *
post_file (ApiFixture *fixture,
           const char *path,
           const char *token,
           const char *content_type,
           const char *body)
{
  g_autoptr(SoupMessage) msg = build (fixture, "POST", path, token, NULL, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) reply = NULL;

  soup_message_set_request_body_from_bytes (msg, content_type, bytes);
  reply = soup_session_send_and_read (fixture->session, msg, NULL, &error);
  g_assert_no_error (error);
  return finish (msg, reply);
}

/* The CLI's import job: report, rejected rows, one undoable import. */
static void
test_import (ApiFixture    *fixture,
             gconstpointer  data)
{
  g_autofree char *u1 = make_uscc (901);
  g_autofree char *u2 = make_uscc (902);
  g_autofree char *csv = g_strdup_printf ("企业名称,统一社会信用代码,注册资本(万元)\n"
                                          "霍尔果斯导入一有限公司,%s,100\n"
                                          "霍尔果斯导入二有限公司,%s,200\n"
                                          "霍尔果斯无效代码有限公司,91654004MA00000000,300\n", u1, u2);
  g_autoptr(Reply) imported = post_file (fixture, "/api/v1/firms/import", fixture->admin, "text/csv", csv);
  g_autoptr(Reply) viewer = post_file (fixture, "/api/v1/firms/import", fixture->viewer, "text/csv", csv);
  g_autoptr(Reply) wrong = post_file (fixture, "/api/v1/firms/import", fixture->admin, "text/plain", csv);
  g_autoptr(Reply) found = request (fixture, "GET", "/api/v1/search?q=%E5%AF%BC%E5%85%A5", fixture->admin, NULL, NULL);

  g_assert_cmpuint (imported->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (object (imported), "inserted"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object (imported), "rejected"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object (imported), "import_id"), >, 0);
  g_assert_nonnull (strstr (json_object_get_string_member (object (imported), "rejects_csv"), "91654004MA00000000"));
  assert_problem (viewer, 403, NULL);
  assert_problem (wrong, 415, "Content-Type");
  g_assert_cmpuint (found->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object (found), "items")), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/api/" name, ApiFixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("auth", test_auth);
  ADD ("roles", test_roles);
  ADD ("statuses", test_statuses);
  ADD ("versions", test_versions);
  ADD ("concurrent-patch", test_concurrent_patch);
  ADD ("pagination", test_pagination);
  ADD ("literal", test_literal);
  ADD ("plugin-type", test_plugin_type);
  ADD ("stage", test_stage);
  ADD ("openapi", test_openapi);
  ADD ("killed", test_killed);
  ADD ("import", test_import);
#undef ADD
  return g_test_run ();
}
