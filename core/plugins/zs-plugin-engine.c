/* zs-plugin-engine.c: finding, loading and activating plugins
 *
 * A thin layer over libpeas: it decides which plugins to load (the user's
 * choice, kept in the store), checks dependencies before libpeas does so
 * that the user gets a sentence instead of a log line, applies each plugin's
 * migrations, activates it, and keeps the reason when any of that fails.
 * Nothing a plugin does wrong is fatal to the application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <girepository.h>
#include <libpeas/peas.h>

#include "zs-activatable.h"
#include "zs-error.h"
#include "zs-plugin-context-private.h"
#include "zs-plugin-engine.h"
#include "zs-schema-provider.h"
#include "zs-plugin-storage-private.h"
#include "zs-store-internal.h"
#include "zs-uninstalled.h"

typedef struct {
  GType    interface_type;
  GObject *service;
  char    *provider;       /* module name of the plugin that registered it */
} Service;

typedef struct {
  ZsPluginContext *context;
  GHashTable      *extensions;   /* GType → GObject, created on demand */
  ZsActivatable   *activatable;
} ActivePlugin;

struct _ZsPluginEngine
{
  GObject     parent_instance;

  ZsStore    *store;
  PeasEngine *peas;
  GHashTable *active;    /* module name → ActivePlugin */
  GHashTable *errors;    /* module name → reason it is not active */
  GHashTable *loading;   /* module names being loaded, to catch dependency cycles */
  GPtrArray  *services;  /* Service, in the order they were added */
  GString    *captured;  /* libpeas messages while loading one plugin */
  char       *frontend;  /* "cli", "gtk"…: skips plugins made for another */
};

G_DEFINE_FINAL_TYPE (ZsPluginEngine, zs_plugin_engine, G_TYPE_OBJECT)

enum {
  PLUGIN_LOADED,
  PLUGIN_UNLOADED,
  SERVICE_ADDED,
  SERVICE_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
service_free (gpointer data)
{
  Service *service = data;

  g_clear_object (&service->service);
  g_free (service->provider);
  g_free (service);
}

static void
active_plugin_free (gpointer data)
{
  ActivePlugin *plugin = data;

  g_clear_object (&plugin->activatable);
  g_clear_pointer (&plugin->extensions, g_hash_table_unref);
  g_clear_object (&plugin->context);
  g_free (plugin);
}

static void
zs_plugin_engine_dispose (GObject *object)
{
  ZsPluginEngine *self = (ZsPluginEngine *) object;

  if (self->active != NULL)
    zs_plugin_engine_unload_all (self);

  G_OBJECT_CLASS (zs_plugin_engine_parent_class)->dispose (object);
}

static void
zs_plugin_engine_finalize (GObject *object)
{
  ZsPluginEngine *self = (ZsPluginEngine *) object;

  g_clear_pointer (&self->active, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->loading, g_hash_table_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_object (&self->peas);
  g_clear_object (&self->store);
  g_string_free (self->captured, TRUE);
  g_free (self->frontend);

  G_OBJECT_CLASS (zs_plugin_engine_parent_class)->finalize (object);
}

static void
zs_plugin_engine_class_init (ZsPluginEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_plugin_engine_dispose;
  object_class->finalize = zs_plugin_engine_finalize;

  /**
   * ZsPluginEngine::plugin-loaded:
   * @self: the engine
   * @module_name: the plugin that became active
   *
   * Emitted after a plugin was loaded, migrated and activated; UI and API
   * look up its extensions again.
   */
  signals[PLUGIN_LOADED] =
    g_signal_new ("plugin-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * ZsPluginEngine::plugin-unloaded:
   * @self: the engine
   * @module_name: the plugin that was deactivated
   */
  signals[PLUGIN_UNLOADED] =
    g_signal_new ("plugin-unloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * ZsPluginEngine::service-added:
   * @self: the engine
   * @interface_type: the interface the service implements
   * @service: the service
   * @provider_module: (nullable): the plugin that registered it
   *
   * Emitted after a service was registered; a plugin that uses another's
   * service looks it up here if the provider came later.
   */
  signals[SERVICE_ADDED] =
    g_signal_new ("service-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_GTYPE, G_TYPE_OBJECT, G_TYPE_STRING);

  /**
   * ZsPluginEngine::service-removed:
   * @self: the engine
   * @interface_type: the interface the service implemented
   * @service: the service, still alive during the emission
   * @provider_module: (nullable): the plugin that had registered it
   *
   * Emitted when a service is withdrawn; its users drop their references.
   */
  signals[SERVICE_REMOVED] =
    g_signal_new ("service-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_GTYPE, G_TYPE_OBJECT, G_TYPE_STRING);
}

static void
zs_plugin_engine_init (ZsPluginEngine *self)
{
  self->active = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, active_plugin_free);
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->loading = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->services = g_ptr_array_new_with_free_func (service_free);
  self->captured = g_string_new (NULL);
}

/**
 * zs_plugin_engine_get_search_path:
 * @self: a #ZsPluginEngine
 *
 * The folders searched for plugins, in order: the installed plugin folder,
 * `$XDG_DATA_HOME/zhaoshang/plugins`, then every folder in
 * `$ZHAOSHANG_PLUGIN_PATH`. A program running from the build tree looks in
 * the build folders of the built-in plugins instead of the installed
 * folder, unless `$ZHAOSHANG_PLUGIN_PATH` is set (even to nothing): then
 * that path is exactly what is added.
 *
 * Returns: (transfer full) (array zero-terminated=1): the folders
 */
char **
zs_plugin_engine_get_search_path (ZsPluginEngine *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "zhaoshang", "plugins", NULL);
  const char *env = g_getenv ("ZHAOSHANG_PLUGIN_PATH");

  if (env == NULL && zs_uninstalled_get_build_root () != NULL)
    {
      g_auto(GStrv) built = zs_uninstalled_get_plugin_dirs ();

      g_strv_builder_addv (builder, (const char **) built);
    }
  else
    g_strv_builder_add (builder, PKGLIBDIR "/plugins");
  g_strv_builder_add (builder, user_dir);
  if (env != NULL)
    {
      g_auto(GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        if (dirs[i][0] != '\0')
          g_strv_builder_add (builder, dirs[i]);
    }
  return g_strv_builder_end (builder);
}

/**
 * zs_plugin_engine_new:
 * @store: the open store
 *
 * Creates an engine with its own #PeasEngine (never the process-wide default,
 * so tests and tools can run several), the Python loader enabled, and the
 * search path of zs_plugin_engine_get_search_path(). No plugin is loaded
 * until zs_plugin_engine_load_all().
 *
 * Returns: (transfer full): the engine
 */
ZsPluginEngine *
zs_plugin_engine_new (ZsStore *store)
{
  ZsPluginEngine *self;
  g_auto(GStrv) path = NULL;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  /* Python plugins import Zhaoshang through GI; an installation outside
   * /usr puts the typelib where GI does not look by default, and a build
   * tree has its own. */
  if (zs_uninstalled_get_build_root () != NULL)
    {
      g_autofree char *built = g_build_filename (zs_uninstalled_get_build_root (), "core", NULL);
      g_auto(GStrv) plugin_dirs = zs_uninstalled_get_plugin_dirs ();

      g_irepository_prepend_search_path (built);
      /* A plugin's service interface has its typelib beside the plugin. */
      for (guint i = 0; plugin_dirs != NULL && plugin_dirs[i] != NULL; i++)
        g_irepository_prepend_search_path (plugin_dirs[i]);
    }
  else if (g_file_test (TYPELIBDIR, G_FILE_TEST_IS_DIR))
    g_irepository_prepend_search_path (TYPELIBDIR);

  self = g_object_new (ZS_TYPE_PLUGIN_ENGINE, NULL);
  self->store = g_object_ref (store);
  self->peas = peas_engine_new ();
  peas_engine_enable_loader (self->peas, "python3");

  path = zs_plugin_engine_get_search_path (self);
  for (guint i = 0; path[i] != NULL; i++)
    peas_engine_add_search_path (self->peas, path[i], path[i]);
  return self;
}

/* Fails closed: a plugin whose setting cannot be read is not enabled,
 * and @error says why. */
static gboolean
read_enabled (ZsPluginEngine  *self,
              const char      *module_name,
              GError         **error)
{
  gboolean enabled = FALSE;

  return _zs_store_read_plugin_enabled (self->store, module_name, &enabled, error) && enabled;
}

static void
set_error (ZsPluginEngine *self,
           const char     *module_name,
           const char     *reason)
{
  g_debug ("Plugin %s: %s", module_name, reason);
  g_hash_table_replace (self->errors, g_strdup (module_name), g_strdup (reason));
}

static gboolean
check_dependencies (ZsPluginEngine *self,
                    PeasPluginInfo *info,
                    GError        **error)
{
  const char * const *depends = (const char * const *) peas_plugin_info_get_dependencies (info);

  for (guint i = 0; depends != NULL && depends[i] != NULL; i++)
    {
      PeasPluginInfo *dep = peas_engine_get_plugin_info (self->peas, depends[i]);

      if (dep == NULL)
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                       _("It needs the plugin “%s”, which is not installed"), depends[i]);
          return FALSE;
        }
      g_autoptr(GError) read_error = NULL;

      if (!read_enabled (self, depends[i], &read_error))
        {
          if (read_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&read_error));
              return FALSE;
            }
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("It needs the plugin “%s”, which is disabled"), depends[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* The last `File "PATH", line N` of a Python traceback or SyntaxError, as
 * "PATH:N": where the author has to look. */
static char *
python_location (char **lines)
{
  char *location = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *file = strstr (lines[i], "File \"");
      const char *end = file ? strstr (file + 6, "\", line ") : NULL;

      if (end == NULL)
        continue;
      g_free (location);
      location = g_strdup_printf ("%.*s:%d", (int) (end - file - 6), file + 6,
                                  atoi (end + strlen ("\", line ")));
    }
  return location;
}

/* libpeas reports load failures (a Python ImportError, a missing symbol)
 * only as log messages; keep them as the plugin's error instead. */
static void
capture_log (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
  ZsPluginEngine *self = user_data;
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autofree char *location = python_location (lines);
  guint last = g_strv_length (lines);

  /* A Python traceback says what went wrong on its last line. */
  while (last > 1 && g_strstrip (lines[last - 1])[0] == '\0')
    last--;
  if (self->captured->len > 0)
    g_string_append (self->captured, "; ");
  g_string_append (self->captured, g_strstrip (lines[0]));
  if (last > 1)
    g_string_append_printf (self->captured, " %s", lines[last - 1]);
  if (location != NULL)
    g_string_append_printf (self->captured, _(" (at %s)"), location);
}

static gboolean
load_module (ZsPluginEngine  *self,
             PeasPluginInfo  *info,
             GError         **error)
{
  const GLogLevelFlags levels = G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_MESSAGE |
                                G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION;
  /* libpeas logs under "libpeas"; its Python loader under no domain. */
  guint peas_handler = g_log_set_handler ("libpeas", levels, capture_log, self);
  guint loader_handler = g_log_set_handler (NULL, levels, capture_log, self);
  gboolean loaded;

  g_string_truncate (self->captured, 0);
  loaded = peas_engine_load_plugin (self->peas, info);
  g_log_remove_handler ("libpeas", peas_handler);
  g_log_remove_handler (NULL, loader_handler);

  if (!loaded)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("It could not be loaded: %s"),
                   self->captured->len ? self->captured->str : _("unknown reason"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_step (ZsPluginStorage *storage,
            const char      *schema,
            int              version,
            const char      *sql,
            GError         **error)
{
  if (_zs_plugin_storage_apply_schema_step (storage, schema, version, sql, error))
    return TRUE;
  g_prefix_error (error, _("Its schema “%s” could not be upgraded to version %d: "), schema, version);
  return FALSE;
}

static gboolean
migrate_plugin (ZsPluginEngine  *self,
                PeasPluginInfo  *info,
                GError         **error)
{
  g_autoptr(GObject) provider = NULL;
  g_autoptr(ZsPluginStorage) storage = NULL;
  g_autofree char *schema = NULL;
  g_auto(GStrv) steps = NULL;
  g_auto(GStrv) legacy = NULL;
  int version;
  guint n_steps;

  if (!peas_engine_provides_extension (self->peas, info, ZS_TYPE_SCHEMA_PROVIDER))
    return TRUE;

  provider = G_OBJECT (peas_engine_create_extension (self->peas, info, ZS_TYPE_SCHEMA_PROVIDER, NULL));
  schema = zs_schema_provider_get_schema_name (ZS_SCHEMA_PROVIDER (provider));
  if (schema == NULL)
    schema = g_strdup (peas_plugin_info_get_module_name (info));
  steps = zs_schema_provider_get_migrations (ZS_SCHEMA_PROVIDER (provider));
  n_steps = steps ? g_strv_length (steps) : 0;
  version = _zs_store_read_plugin_schema_version (self->store, schema, error);
  if (version < 0)
    return FALSE;
  if (version > (int) n_steps)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_TOO_NEW,
                   _("Its tables (schema “%s” version %d) were written by a newer version of the plugin, "
                     "which knows %u steps"),
                   schema, version, n_steps);
      return FALSE;
    }
  /* A plugin's steps run through its storage, as its other SQL does: they
   * create and change only its own tables. Tables it named before the
   * prefix rule (X-Zhaoshang-Legacy-Tables) may be touched by its steps
   * only, so that one of them can rename them. */
  storage = zs_plugin_storage_new (self->store, peas_plugin_info_get_module_name (info));
  legacy = g_strsplit_set (peas_plugin_info_get_external_data (info, "Zhaoshang-Legacy-Tables") ?: "", ";, ", -1);
  _zs_plugin_storage_set_legacy_tables (storage, (const char * const *) legacy);
  for (guint i = version; i < n_steps; i++)
    if (!apply_step (storage, schema, i + 1, steps[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
write_enabled (ZsPluginEngine  *self,
               const char      *module_name,
               gboolean         enabled,
               const char      *last_error,
               GError         **error)
{
  return _zs_store_write_plugin_setting (self->store, module_name, enabled, last_error, error);
}

static void withdraw_services (ZsPluginEngine *self, const char *module_name);

static ActivePlugin *
activate_plugin (ZsPluginEngine  *self,
                 PeasPluginInfo  *info,
                 GError         **error)
{
  ActivePlugin *plugin = g_new0 (ActivePlugin, 1);

  plugin->context = g_object_new (ZS_TYPE_PLUGIN_CONTEXT,
                                  "store", self->store,
                                  "engine", self,
                                  "plugin-name", peas_plugin_info_get_module_name (info),
                                  "data-dir", peas_plugin_info_get_data_dir (info),
                                  NULL);
  plugin->extensions = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  if (peas_engine_provides_extension (self->peas, info, ZS_TYPE_ACTIVATABLE))
    {
      plugin->activatable = ZS_ACTIVATABLE (peas_engine_create_extension (self->peas, info,
                                                                          ZS_TYPE_ACTIVATABLE, NULL));
      if (!zs_activatable_activate (plugin->activatable, plugin->context, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                         _("Its activation failed without saying why (does activate return True?)"));
          g_clear_object (&plugin->activatable);
          withdraw_services (self, peas_plugin_info_get_module_name (info));
          active_plugin_free (plugin);
          return NULL;
        }
    }
  return plugin;
}

static gboolean load_plugin (ZsPluginEngine *self, PeasPluginInfo *info, GError **error);

static gboolean
load_dependencies (ZsPluginEngine  *self,
                   PeasPluginInfo  *info,
                   GError         **error)
{
  const char * const *depends = (const char * const *) peas_plugin_info_get_dependencies (info);

  if (!check_dependencies (self, info, error))
    return FALSE;

  /* Dependencies first, so they are active before their users. */
  for (guint i = 0; depends != NULL && depends[i] != NULL; i++)
    {
      g_autoptr(GError) dep_error = NULL;

      if (g_hash_table_contains (self->loading, depends[i]))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("It needs the plugin “%s”, which needs it in turn (a dependency cycle)"),
                       depends[i]);
          return FALSE;
        }
      if (!load_plugin (self, peas_engine_get_plugin_info (self->peas, depends[i]), &dep_error))
        {
          set_error (self, depends[i], dep_error->message);
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("It needs the plugin “%s”, which failed: %s"), depends[i], dep_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_plugin (ZsPluginEngine  *self,
             PeasPluginInfo  *info,
             GError         **error)
{
  const char *name = peas_plugin_info_get_module_name (info);
  ActivePlugin *plugin;
  gboolean deps_ok;

  if (g_hash_table_contains (self->active, name))
    return TRUE;

  g_hash_table_add (self->loading, g_strdup (name));
  deps_ok = load_dependencies (self, info, error);
  g_hash_table_remove (self->loading, name);
  if (!deps_ok)
    return FALSE;

  if (!load_module (self, info, error))
    return FALSE;
  if (!migrate_plugin (self, info, error))
    {
      /* A plugin whose tables cannot be brought up to date must not run
       * against them: it is disabled until the user enables it again. */
      write_enabled (self, name, FALSE, error && *error ? (*error)->message : NULL, NULL);
      peas_engine_unload_plugin (self->peas, info);
      return FALSE;
    }
  if (!(plugin = activate_plugin (self, info, error)))
    {
      peas_engine_unload_plugin (self->peas, info);
      return FALSE;
    }

  g_hash_table_remove (self->errors, name);
  g_hash_table_insert (self->active, g_strdup (name), plugin);
  g_signal_emit (self, signals[PLUGIN_LOADED], 0, name);
  return TRUE;
}

static void
try_load (ZsPluginEngine *self,
          PeasPluginInfo *info)
{
  g_autoptr(GError) error = NULL;

  if (!load_plugin (self, info, &error))
    set_error (self, peas_plugin_info_get_module_name (info), error->message);
}

/* A plugin says which front end it is for with X-Zhaoshang-Frontend (a GTK
 * page has no business in zhaoshang-cli); without the key it is for all. */
static gboolean
is_for_frontend (ZsPluginEngine *self,
                 PeasPluginInfo *info)
{
  const char *wanted = peas_plugin_info_get_external_data (info, "Zhaoshang-Frontend");

  return wanted == NULL || self->frontend == NULL || g_str_equal (wanted, self->frontend);
}

/**
 * zs_plugin_engine_set_frontend:
 * @self: a #ZsPluginEngine
 * @frontend: (nullable): "cli", "gtk", or %NULL for every plugin
 *
 * Names the program the engine runs in. zs_plugin_engine_load_all() then
 * leaves out plugins whose `X-Zhaoshang-Frontend` key names another one.
 */
void
zs_plugin_engine_set_frontend (ZsPluginEngine *self,
                               const char     *frontend)
{
  g_return_if_fail (ZS_IS_PLUGIN_ENGINE (self));

  g_free (self->frontend);
  self->frontend = g_strdup (frontend);
}

/**
 * zs_plugin_engine_load_all:
 * @self: a #ZsPluginEngine
 *
 * Loads, migrates and activates every enabled plugin. A plugin that fails is
 * left inactive with its reason in #ZsPlugin:error; the others load anyway.
 */
void
zs_plugin_engine_load_all (ZsPluginEngine *self)
{
  const GList *plugins;

  g_return_if_fail (ZS_IS_PLUGIN_ENGINE (self));

  plugins = peas_engine_get_plugin_list (self->peas);
  for (const GList *l = plugins; l != NULL; l = l->next)
    {
      const char *name = peas_plugin_info_get_module_name (l->data);
      g_autoptr(GError) read_error = NULL;

      if (!is_for_frontend (self, l->data))
        continue;
      if (read_enabled (self, name, &read_error))
        try_load (self, l->data);
      else if (read_error != NULL)
        set_error (self, name, read_error->message);
    }
}

static void
remove_service_at (ZsPluginEngine *self,
                   guint           index)
{
  Service *service = g_ptr_array_steal_index (self->services, index);

  g_signal_emit (self, signals[SERVICE_REMOVED], 0,
                 service->interface_type, service->service, service->provider);
  service_free (service);
}

/* What a plugin forgot to withdraw on deactivate must not outlive it:
 * its code may be unloaded with it. */
static void
withdraw_services (ZsPluginEngine *self,
                   const char     *module_name)
{
  for (guint i = self->services->len; i > 0; i--)
    {
      Service *service = g_ptr_array_index (self->services, i - 1);

      if (g_strcmp0 (service->provider, module_name) == 0)
        remove_service_at (self, i - 1);
    }
}

static void
unload_plugin (ZsPluginEngine *self,
               const char     *module_name)
{
  ActivePlugin *plugin = g_hash_table_lookup (self->active, module_name);
  PeasPluginInfo *info = peas_engine_get_plugin_info (self->peas, module_name);

  if (plugin == NULL)
    return;
  if (plugin->activatable != NULL)
    zs_activatable_deactivate (plugin->activatable);
  withdraw_services (self, module_name);
  if (plugin->context != NULL)
    _zs_plugin_context_withdraw_record_types (plugin->context);
  g_hash_table_remove (self->active, module_name);
  if (info != NULL)
    peas_engine_unload_plugin (self->peas, info);
  g_signal_emit (self, signals[PLUGIN_UNLOADED], 0, module_name);
}

/* Plugins that need @module_name cannot stay active without it. */
static void
unload_dependents (ZsPluginEngine *self,
                   const char     *module_name)
{
  g_autofree const char **names = (const char **) g_hash_table_get_keys_as_array (self->active, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup (names[i]);
      PeasPluginInfo *info = peas_engine_get_plugin_info (self->peas, name);
      const char * const *depends = (const char * const *) peas_plugin_info_get_dependencies (info);
      g_autofree char *reason = NULL;

      if (depends == NULL || !g_strv_contains (depends, module_name) ||
          !g_hash_table_contains (self->active, name))
        continue;
      unload_dependents (self, name);
      unload_plugin (self, name);
      reason = g_strdup_printf (_("It needs the plugin “%s”, which is disabled"), module_name);
      set_error (self, name, reason);
    }
}

/* The enabled plugins that went with @module_name when it was disabled
 * (a page plugin on top of its data plugin) come back with it. */
static void
load_dependents (ZsPluginEngine *self,
                 const char     *module_name)
{
  for (const GList *l = peas_engine_get_plugin_list (self->peas); l != NULL; l = l->next)
    {
      const char *name = peas_plugin_info_get_module_name (l->data);
      const char * const *depends = (const char * const *) peas_plugin_info_get_dependencies (l->data);

      if (depends == NULL || !g_strv_contains (depends, module_name) ||
          g_hash_table_contains (self->active, name) || !is_for_frontend (self, l->data) ||
          !read_enabled (self, name, NULL))
        continue;
      try_load (self, l->data);
      if (g_hash_table_contains (self->active, name))
        load_dependents (self, name);
    }
}

/**
 * zs_plugin_engine_unload_all:
 * @self: a #ZsPluginEngine
 *
 * Deactivates every active plugin.
 */
void
zs_plugin_engine_unload_all (ZsPluginEngine *self)
{
  g_autofree const char **names = NULL;

  g_return_if_fail (ZS_IS_PLUGIN_ENGINE (self));

  names = (const char **) g_hash_table_get_keys_as_array (self->active, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup (names[i]);
      unload_plugin (self, name);
    }
}

/* libpeas 1.x keeps the Loader key to itself; read it from the .plugin file. */
static char *
read_loader (PeasPluginInfo *info)
{
  const char *dir = peas_plugin_info_get_module_dir (info);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *file;

  while (handle != NULL && (file = g_dir_read_name (handle)) != NULL)
    {
      g_autoptr(GKeyFile) keys = g_key_file_new ();
      g_autofree char *path = NULL;
      g_autofree char *module = NULL;

      if (!g_str_has_suffix (file, ".plugin"))
        continue;
      path = g_build_filename (dir, file, NULL);
      if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL))
        continue;
      module = g_key_file_get_string (keys, "Plugin", "Module", NULL);
      if (g_strcmp0 (module, peas_plugin_info_get_module_name (info)) == 0)
        {
          char *loader = g_key_file_get_string (keys, "Plugin", "Loader", NULL);
          return loader != NULL ? loader : g_strdup ("c");
        }
    }
  return g_strdup ("c");
}

/* X-Zhaoshang-Verbs=chain;report: the verbs known even when the plugin
 * failed to load, so that calling one can say why it is missing. */
static char **
declared_verbs (PeasPluginInfo *info)
{
  const char *declared = peas_plugin_info_get_external_data (info, "Zhaoshang-Verbs");
  g_autoptr(GStrvBuilder) verbs = g_strv_builder_new ();
  g_auto(GStrv) words = g_strsplit_set (declared ? declared : "", ";, ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (verbs, words[i]);
  return g_strv_builder_end (verbs);
}

static ZsCommandProvider *
command_provider (ZsPluginEngine *self,
                  const char     *module_name)
{
  ActivePlugin *plugin = g_hash_table_lookup (self->active, module_name);

  if (plugin == NULL)
    return NULL;
  /* Populate each plugin's provider before looking. */
  g_ptr_array_unref (zs_plugin_engine_get_extensions (self, ZS_TYPE_COMMAND_PROVIDER));
  return g_hash_table_lookup (plugin->extensions, GSIZE_TO_POINTER (ZS_TYPE_COMMAND_PROVIDER));
}

static char **
plugin_verbs (ZsPluginEngine *self,
              PeasPluginInfo *info)
{
  ZsCommandProvider *provider = command_provider (self, peas_plugin_info_get_module_name (info));
  char **verbs = provider ? zs_command_provider_get_commands (provider) : NULL;

  return verbs != NULL ? verbs : declared_verbs (info);
}

static ZsPlugin *
describe (ZsPluginEngine *self,
          PeasPluginInfo *info)
{
  g_auto(GStrv) verbs = plugin_verbs (self, info);
  const char *name = peas_plugin_info_get_module_name (info);
  g_autofree char *loader = read_loader (info);
  g_autofree char *last_error = _zs_store_read_plugin_error (self->store, name, NULL);
  const char *error = g_hash_table_lookup (self->errors, name);

  return g_object_new (ZS_TYPE_PLUGIN,
                       "module-name", name,
                       "name", peas_plugin_info_get_name (info),
                       "description", peas_plugin_info_get_description (info),
                       "version", peas_plugin_info_get_version (info),
                       "authors", peas_plugin_info_get_authors (info),
                       "loader", loader,
                       "data-dir", peas_plugin_info_get_data_dir (info),
                       "depends", peas_plugin_info_get_dependencies (info),
                       "enabled", read_enabled (self, name, NULL),
                       "active", g_hash_table_contains (self->active, name),
                       "error", error != NULL ? error : last_error,
                       "verbs", verbs,
                       NULL);
}

/**
 * zs_plugin_engine_list_plugins:
 * @self: a #ZsPluginEngine
 *
 * Returns: (transfer container) (element-type ZsPlugin): every plugin found
 */
GPtrArray *
zs_plugin_engine_list_plugins (ZsPluginEngine *self)
{
  GPtrArray *plugins = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), NULL);

  for (const GList *l = peas_engine_get_plugin_list (self->peas); l != NULL; l = l->next)
    g_ptr_array_add (plugins, describe (self, l->data));
  return plugins;
}

static PeasPluginInfo *
find_info (ZsPluginEngine  *self,
           const char      *module_name,
           GError         **error)
{
  PeasPluginInfo *info = peas_engine_get_plugin_info (self->peas, module_name);

  if (info == NULL)
    g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                 _("There is no plugin “%s” (see “plugins list”)"), module_name);
  return info;
}

/**
 * zs_plugin_engine_get_plugin:
 * @self: a #ZsPluginEngine
 * @module_name: the plugin's module name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the plugin, or %NULL with %ZS_ERROR_NOT_FOUND
 */
ZsPlugin *
zs_plugin_engine_get_plugin (ZsPluginEngine  *self,
                             const char      *module_name,
                             GError         **error)
{
  PeasPluginInfo *info;

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), NULL);

  info = find_info (self, module_name, error);
  return info ? describe (self, info) : NULL;
}

/**
 * zs_plugin_engine_set_enabled:
 * @self: a #ZsPluginEngine
 * @module_name: the plugin's module name
 * @enabled: whether it should be active
 * @error: return location for a #GError
 *
 * Remembers the choice in the store and loads or unloads the plugin now.
 * Enabling a plugin that then fails to load still records the choice; the
 * failure is returned in @error and kept in #ZsPlugin:error.
 *
 * Returns: %TRUE if the plugin is now in the requested state
 */
gboolean
zs_plugin_engine_set_enabled (ZsPluginEngine  *self,
                              const char      *module_name,
                              gboolean         enabled,
                              GError         **error)
{
  PeasPluginInfo *info;
  g_autoptr(GError) load_error = NULL;

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), FALSE);

  if (!(info = find_info (self, module_name, error)) ||
      !write_enabled (self, module_name, enabled, NULL, error))
    return FALSE;

  if (!enabled)
    {
      unload_dependents (self, module_name);
      unload_plugin (self, module_name);
      g_hash_table_remove (self->errors, module_name);
      return TRUE;
    }
  if (!load_plugin (self, info, &load_error))
    {
      set_error (self, module_name, load_error->message);
      g_propagate_error (error, g_steal_pointer (&load_error));
      return FALSE;
    }
  load_dependents (self, module_name);
  return TRUE;
}

/**
 * zs_plugin_engine_get_extensions:
 * @self: a #ZsPluginEngine
 * @extension_type: an extension point, e.g. %ZS_TYPE_COMMAND_PROVIDER
 *
 * The one lookup every extension point uses: what the active plugins
 * provide for @extension_type, one object per plugin, created on first use
 * and dropped when the plugin is unloaded.
 *
 * Returns: (transfer container) (element-type GObject): the extensions
 */
GPtrArray *
zs_plugin_engine_get_extensions (ZsPluginEngine *self,
                                 GType           extension_type)
{
  GPtrArray *extensions = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  const char *name;
  ActivePlugin *plugin;

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), NULL);

  g_hash_table_iter_init (&iter, self->active);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &plugin))
    {
      PeasPluginInfo *info = peas_engine_get_plugin_info (self->peas, name);
      GObject *extension = g_hash_table_lookup (plugin->extensions, GSIZE_TO_POINTER (extension_type));

      if (extension == NULL && peas_engine_provides_extension (self->peas, info, extension_type))
        {
          extension = G_OBJECT (peas_engine_create_extension (self->peas, info, extension_type, NULL));
          g_hash_table_insert (plugin->extensions, GSIZE_TO_POINTER (extension_type), extension);
        }
      if (extension != NULL)
        g_ptr_array_add (extensions, g_object_ref (extension));
    }
  return extensions;
}

/**
 * zs_plugin_engine_get_context:
 * @self: a #ZsPluginEngine
 * @module_name: an active plugin
 *
 * Returns: (transfer none) (nullable): the context the plugin was activated with
 */
ZsPluginContext *
zs_plugin_engine_get_context (ZsPluginEngine *self,
                              const char     *module_name)
{
  ActivePlugin *plugin;

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), NULL);

  plugin = g_hash_table_lookup (self->active, module_name);
  return plugin ? plugin->context : NULL;
}

/**
 * zs_plugin_engine_find_command:
 * @self: a #ZsPluginEngine
 * @command: a CLI verb
 * @context: (out) (transfer none) (optional): the providing plugin's context
 *
 * Returns: (transfer full) (nullable): the active plugin's provider of @command
 */
ZsCommandProvider *
zs_plugin_engine_find_command (ZsPluginEngine   *self,
                               const char       *command,
                               ZsPluginContext **context)
{
  GHashTableIter iter;
  const char *name;
  ActivePlugin *plugin;

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), NULL);

  /* Populate each plugin's provider before looking through them. */
  g_ptr_array_unref (zs_plugin_engine_get_extensions (self, ZS_TYPE_COMMAND_PROVIDER));

  g_hash_table_iter_init (&iter, self->active);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &plugin))
    {
      ZsCommandProvider *provider = g_hash_table_lookup (plugin->extensions,
                                                         GSIZE_TO_POINTER (ZS_TYPE_COMMAND_PROVIDER));
      g_auto(GStrv) commands = provider ? zs_command_provider_get_commands (provider) : NULL;

      if (commands != NULL && g_strv_contains ((const char * const *) commands, command))
        {
          if (context != NULL)
            *context = plugin->context;
          return g_object_ref (provider);
        }
    }
  return NULL;
}

static Service *
find_service (ZsPluginEngine *self,
              GType           interface_type,
              guint          *index)
{
  for (guint i = 0; i < self->services->len; i++)
    {
      Service *service = g_ptr_array_index (self->services, i);

      if (service->interface_type == interface_type)
        {
          if (index != NULL)
            *index = i;
          return service;
        }
    }
  return NULL;
}

/**
 * zs_plugin_engine_add_service:
 * @self: a #ZsPluginEngine
 * @interface_type: the interface @service implements, e.g. %ZS_TYPE_PARTNER_PROVIDER
 * @service: the object that implements it
 * @provider_module: (nullable): the module name of the plugin registering it
 * @error: return location for a #GError
 *
 * Publishes @service to the other plugins. A plugin registers its services
 * in #ZsActivatable.activate and withdraws them in
 * #ZsActivatable.deactivate; whatever it leaves registered is withdrawn
 * when it is unloaded. There is one service per interface: a second one
 * fails with %ZS_ERROR_DUPLICATE naming the plugin that provides it.
 *
 * The interface must be introspectable for Python plugins to use it: it
 * lives in core when several plugins share it, or the providing plugin
 * ships a typelib of its own.
 *
 * Returns: %TRUE if @service was added
 */
gboolean
zs_plugin_engine_add_service (ZsPluginEngine  *self,
                              GType            interface_type,
                              GObject         *service,
                              const char      *provider_module,
                              GError         **error)
{
  Service *existing;
  Service *added;

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (service), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!G_TYPE_IS_INTERFACE (interface_type) ||
      !g_type_is_a (G_OBJECT_TYPE (service), interface_type))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("A service of type “%s” does not implement the interface “%s”"),
                   G_OBJECT_TYPE_NAME (service), g_type_name (interface_type));
      return FALSE;
    }
  if ((existing = find_service (self, interface_type, NULL)) != NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE,
                   _("The service “%s” is already provided by the plugin “%s”"),
                   g_type_name (interface_type),
                   existing->provider != NULL ? existing->provider : "-");
      return FALSE;
    }

  added = g_new0 (Service, 1);
  added->interface_type = interface_type;
  added->service = g_object_ref (service);
  added->provider = g_strdup (provider_module);
  g_ptr_array_add (self->services, added);
  g_signal_emit (self, signals[SERVICE_ADDED], 0, interface_type, service, provider_module);
  return TRUE;
}

/**
 * zs_plugin_engine_remove_service:
 * @self: a #ZsPluginEngine
 * @interface_type: the interface the service was added for
 * @service: the service that was added
 *
 * Withdraws @service; nothing happens if it is not the registered one.
 *
 * Returns: %TRUE if @service was registered and is now withdrawn
 */
gboolean
zs_plugin_engine_remove_service (ZsPluginEngine *self,
                                 GType           interface_type,
                                 GObject        *service)
{
  Service *found;
  guint index;

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (service), FALSE);

  found = find_service (self, interface_type, &index);
  if (found == NULL || found->service != service)
    return FALSE;
  remove_service_at (self, index);
  return TRUE;
}

/**
 * zs_plugin_engine_get_service:
 * @self: a #ZsPluginEngine
 * @interface_type: an interface, e.g. %ZS_TYPE_PARTNER_PROVIDER
 *
 * Returns: (transfer none) (nullable) (type GObject): the service registered
 *   for @interface_type, or %NULL when no active plugin provides it
 */
GObject *
zs_plugin_engine_get_service (ZsPluginEngine *self,
                              GType           interface_type)
{
  Service *service;

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), NULL);

  service = find_service (self, interface_type, NULL);
  return service != NULL ? service->service : NULL;
}

/**
 * zs_plugin_engine_get_service_provider:
 * @self: a #ZsPluginEngine
 * @interface_type: an interface
 *
 * Returns: (transfer full) (nullable): the module name of the plugin that
 *   registered the service for @interface_type
 */
char *
zs_plugin_engine_get_service_provider (ZsPluginEngine *self,
                                       GType           interface_type)
{
  Service *service;

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), NULL);

  service = find_service (self, interface_type, NULL);
  return service != NULL ? g_strdup (service->provider) : NULL;
}

/**
 * zs_plugin_engine_list_services:
 * @self: a #ZsPluginEngine
 *
 * Returns: (transfer container) (element-type GObject): the registered
 *   services, in the order they were added
 */
GPtrArray *
zs_plugin_engine_list_services (ZsPluginEngine *self)
{
  GPtrArray *services = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), NULL);

  for (guint i = 0; i < self->services->len; i++)
    g_ptr_array_add (services, g_object_ref (((Service *) g_ptr_array_index (self->services, i))->service));
  return services;
}

/**
 * zs_plugin_engine_get_command_provider:
 * @self: a #ZsPluginEngine
 * @module_name: a plugin's module name
 *
 * Returns: (transfer full) (nullable): the command provider of @module_name
 *   if it is active and adds verbs
 */
ZsCommandProvider *
zs_plugin_engine_get_command_provider (ZsPluginEngine *self,
                                       const char     *module_name)
{
  ZsCommandProvider *provider;

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), NULL);
  g_return_val_if_fail (module_name != NULL, NULL);

  provider = command_provider (self, module_name);
  return provider ? g_object_ref (provider) : NULL;
}

/**
 * zs_plugin_engine_find_verb_plugin:
 * @self: a #ZsPluginEngine
 * @verb: a `zhaoshang-cli` verb
 *
 * Which plugin adds @verb: an active one whose provider has it, else any
 * plugin, loaded or not, whose `.plugin` file declares it in
 * `X-Zhaoshang-Verbs`.
 *
 * Returns: (transfer full) (nullable): the plugin's module name
 */
char *
zs_plugin_engine_find_verb_plugin (ZsPluginEngine *self,
                                   const char     *verb)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (self), NULL);
  g_return_val_if_fail (verb != NULL, NULL);

  for (const GList *l = peas_engine_get_plugin_list (self->peas); l != NULL; l = l->next)
    {
      g_auto(GStrv) verbs = plugin_verbs (self, l->data);

      if (g_strv_contains ((const char * const *) verbs, verb))
        return g_strdup (peas_plugin_info_get_module_name (l->data));
    }
  return NULL;
}
