/* zs-cli-serve.c: `zhaoshang-cli serve`, the HTTP JSON API
 *
 * Each worker is a thread with its own main context, its own connection to
 * the database and its own ZsApiServer; all listen on one port
 * (SO_REUSEPORT) and the kernel spreads the connections over them. The
 * first worker is the main thread, which loaded the plugins: the others
 * register the plugins' record types in their own stores and share the
 * plugins' route providers, which work through the store they are given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "zs-cli-private.h"

#define SHUTDOWN_POLL_MS 50
#define SHUTDOWN_GRACE_US (10 * G_USEC_PER_SEC)

typedef struct
{
  guint            index;
  char            *db_path;
  char            *address;
  guint            port;
  gboolean         reuse_port;
  gboolean         quiet;
  guint            request_timeout;
  GTlsCertificate *certificate;
  GPtrArray       *types;       /* ZsRecordType of plugins, shared */
  GPtrArray       *providers;   /* ZsRouteProvider, shared */

  GMainContext    *context;
  GMainLoop       *loop;
  ZsStore         *store;
  ZsApiServer     *server;
  GThread         *thread;
  gint64           stop_deadline;
  GError          *error;       /* why the worker did not start */
  GMutex           lock;
  GCond            started;
  gboolean         ready;
} Worker;

static void
worker_free (Worker *worker)
{
  g_clear_object (&worker->server);
  g_clear_object (&worker->store);
  g_clear_pointer (&worker->loop, g_main_loop_unref);
  g_clear_pointer (&worker->context, g_main_context_unref);
  g_clear_error (&worker->error);
  g_free (worker->db_path);
  g_free (worker->address);
  g_mutex_clear (&worker->lock);
  g_cond_clear (&worker->started);
  g_free (worker);
}

static gboolean
worker_start_server (Worker  *worker,
                     GError **error)
{
  for (guint i = 0; worker->types != NULL && i < worker->types->len; i++)
    if (!zs_store_register_record_type (worker->store, g_ptr_array_index (worker->types, i), error))
      return FALSE;
  worker->server = zs_api_server_new (worker->store, worker->certificate);
  zs_api_server_set_access_log (worker->server, !worker->quiet);
  zs_api_server_set_request_timeout (worker->server, worker->request_timeout);
  for (guint i = 0; i < worker->providers->len; i++)
    zs_api_server_add_route_provider (worker->server, g_ptr_array_index (worker->providers, i));
  return zs_api_server_listen (worker->server, worker->address, worker->port, worker->reuse_port, error);
}

static gpointer
worker_run (gpointer data)
{
  Worker *worker = data;
  GError *error = NULL;

  g_main_context_push_thread_default (worker->context);
  worker->store = zs_store_new (worker->db_path, &error);
  if (worker->store != NULL)
    worker_start_server (worker, &error);
  g_mutex_lock (&worker->lock);
  worker->error = error;
  worker->ready = TRUE;
  g_cond_signal (&worker->started);
  g_mutex_unlock (&worker->lock);
  if (error == NULL)
    g_main_loop_run (worker->loop);
  g_clear_object (&worker->server);
  g_clear_object (&worker->store);
  g_main_context_pop_thread_default (worker->context);
  return NULL;
}

/* Waits for the requests a worker took to be answered, then ends it. */
static gboolean
worker_drain (gpointer data)
{
  Worker *worker = data;

  if (zs_api_server_get_n_active (worker->server) > 0 && g_get_monotonic_time () < worker->stop_deadline)
    return G_SOURCE_CONTINUE;
  zs_api_server_disconnect (worker->server);
  g_main_loop_quit (worker->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
worker_stop (gpointer data)
{
  Worker *worker = data;
  g_autoptr(GSource) source = g_timeout_source_new (SHUTDOWN_POLL_MS);

  zs_api_server_stop_listening (worker->server);
  worker->stop_deadline = g_get_monotonic_time () + SHUTDOWN_GRACE_US;
  g_source_set_callback (source, worker_drain, worker, NULL);
  g_source_attach (source, worker->context);
  return G_SOURCE_REMOVE;
}

static gboolean
on_signal (gpointer data)
{
  GPtrArray *workers = data;

  g_printerr (_("Stopping: answering the requests already taken\n"));
  for (guint i = 0; i < workers->len; i++)
    {
      Worker *worker = g_ptr_array_index (workers, i);

      g_main_context_invoke (worker->context, worker_stop, worker);
    }
  return G_SOURCE_REMOVE;
}

static Worker *
worker_new (guint index)
{
  Worker *worker = g_new0 (Worker, 1);

  worker->index = index;
  g_mutex_init (&worker->lock);
  g_cond_init (&worker->started);
  worker->context = index == 0 ? g_main_context_ref (g_main_context_default ()) : g_main_context_new ();
  worker->loop = g_main_loop_new (worker->context, FALSE);
  return worker;
}

static gboolean
start_thread (Worker  *worker,
              GError **error)
{
  g_autofree char *name = g_strdup_printf ("api-worker-%u", worker->index);

  worker->thread = g_thread_new (name, worker_run, worker);
  g_mutex_lock (&worker->lock);
  while (!worker->ready)
    g_cond_wait (&worker->started, &worker->lock);
  g_mutex_unlock (&worker->lock);
  if (worker->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&worker->error));
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
plugin_record_types (ZsStore *store)
{
  g_autoptr(GPtrArray) all = zs_store_list_record_types (store);
  GPtrArray *types = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    if (!zs_record_type_is_core (g_ptr_array_index (all, i)))
      g_ptr_array_add (types, g_object_ref (g_ptr_array_index (all, i)));
  return types;
}

static gboolean
check_address (const char  *address,
               gboolean     tls,
               gboolean     insecure,
               GError     **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);

  if (inet == NULL)
    return zs_cli_usage_error (error, _("--address: “%s” is not an IP address"), address);
  if (g_inet_address_get_is_loopback (inet) || tls)
    return TRUE;
  if (!insecure)
    return zs_cli_usage_error (error, _("--address %s is not loopback: give --tls-cert and --tls-key, "
                                        "or --insecure to serve plain HTTP to the network"), address);
  g_printerr (_("WARNING: serving plain HTTP on %s: tokens and records cross the network unencrypted\n"),
              address);
  return TRUE;
}

typedef struct
{
  char    *address;
  int      port;
  int      workers;
  int      request_timeout;
  char    *tls_cert;
  char    *tls_key;
  gboolean insecure;
  gboolean quiet;
} ServeOptions;

static gboolean
parse_serve (ZsCli         *cli,
             GStrv         *args,
             ServeOptions  *options,
             GError       **error)
{
  const GOptionEntry entries[] = {
    { "address", 0, 0, G_OPTION_ARG_STRING, &options->address, N_("The IP address to listen on (default 127.0.0.1)"), N_("A") },
    { "port", 0, 0, G_OPTION_ARG_INT, &options->port, N_("The port to listen on (default 8080, 0 for any)"), N_("N") },
    { "workers", 0, 0, G_OPTION_ARG_INT, &options->workers, N_("Threads answering requests, each with its own connection (default 1)"), N_("N") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &options->tls_cert, N_("The certificate of HTTPS (PEM)"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &options->tls_key, N_("The private key of HTTPS (PEM)"), N_("FILE") },
    { "insecure", 0, 0, G_OPTION_ARG_NONE, &options->insecure, N_("Serve plain HTTP on an address other than loopback"), NULL },
    { "quiet", 0, 0, G_OPTION_ARG_NONE, &options->quiet, N_("Write no access log"), NULL },
    { "request-timeout", 0, 0, G_OPTION_ARG_INT, &options->request_timeout, N_("Drop a connection silent for this many seconds (default 30)"), N_("SECONDS") },
    G_OPTION_ENTRY_NULL
  };

  options->port = 8080;
  options->workers = 1;
  options->request_timeout = 30;
  if (!zs_cli_parse (cli, args, entries, NULL, 0, error))
    return FALSE;
  if (options->address == NULL)
    options->address = g_strdup ("127.0.0.1");
  if (options->port < 0 || options->port > 65535)
    return zs_cli_usage_error (error, _("--port: %d is not a port"), options->port);
  if (options->workers < 1 || options->workers > 256)
    return zs_cli_usage_error (error, _("--workers: %d is not a number from 1 to 256"), options->workers);
  if (options->request_timeout < 1 || options->request_timeout > 3600)
    return zs_cli_usage_error (error, _("--request-timeout: %d is not a number of seconds from 1 to 3600"),
                               options->request_timeout);
  if ((options->tls_cert == NULL) != (options->tls_key == NULL))
    return zs_cli_usage_error (error, _("--tls-cert and --tls-key go together"));
  return check_address (options->address, options->tls_cert != NULL, options->insecure, error);
}

static void
serve_options_clear (ServeOptions *options)
{
  g_free (options->address);
  g_free (options->tls_cert);
  g_free (options->tls_key);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ServeOptions, serve_options_clear)

static Worker *
configure_worker (ZsCli           *cli,
                  guint            index,
                  ServeOptions    *options,
                  guint            port,
                  GTlsCertificate *certificate,
                  GPtrArray       *types,
                  GPtrArray       *providers)
{
  Worker *worker = worker_new (index);

  worker->db_path = g_strdup (zs_store_get_path (cli->store));
  worker->address = g_strdup (options->address);
  worker->port = port;
  worker->reuse_port = options->workers > 1;
  worker->quiet = options->quiet;
  worker->request_timeout = (guint) options->request_timeout;
  worker->certificate = certificate;
  worker->types = types;
  worker->providers = providers;
  return worker;
}

gboolean
zs_cli_serve (ZsCli    *cli,
              GStrv    *args,
              GError  **error)
{
  g_auto(ServeOptions) options = { 0 };
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) workers = g_ptr_array_new_with_free_func ((GDestroyNotify) worker_free);
  Worker *main_worker;
  gboolean ok = TRUE;

  if (!parse_serve (cli, args, &options, error) || !zs_cli_open (cli, FALSE, error))
    return FALSE;
  if (options.tls_cert != NULL &&
      (certificate = g_tls_certificate_new_from_files (options.tls_cert, options.tls_key, error)) == NULL)
    return FALSE;
  providers = zs_plugin_engine_get_extensions (cli->plugins, ZS_TYPE_ROUTE_PROVIDER);
  types = plugin_record_types (cli->store);

  main_worker = configure_worker (cli, 0, &options, options.port, certificate, NULL, providers);
  main_worker->store = g_object_ref (cli->store);
  g_ptr_array_add (workers, main_worker);
  if (!worker_start_server (main_worker, error))
    return FALSE;
  /* The other workers join the port the first one got (it may be any). */
  for (int i = 1; ok && i < options.workers; i++)
    {
      Worker *worker = configure_worker (cli, i, &options, zs_api_server_get_port (main_worker->server),
                                         certificate, types, providers);

      g_ptr_array_add (workers, worker);
      ok = start_thread (worker, error);
    }
  if (ok)
    {
      g_printerr (_("Serving the API on %s://%s:%u/api/v1/ with %d worker(s)\n"),
                  certificate != NULL ? "https" : "http", options.address,
                  zs_api_server_get_port (main_worker->server), options.workers);
      g_unix_signal_add (SIGTERM, on_signal, workers);
      g_unix_signal_add (SIGINT, on_signal, workers);
      g_main_loop_run (main_worker->loop);
    }
  else
    on_signal (workers);
  for (guint i = 1; i < workers->len; i++)
    {
      Worker *worker = g_ptr_array_index (workers, i);

      if (worker->thread != NULL)
        g_thread_join (worker->thread);
    }
  return ok;
}
