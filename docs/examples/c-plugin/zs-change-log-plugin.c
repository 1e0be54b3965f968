/* zs-change-log-plugin.c: an example plugin in C
 *
 * It keeps its own table of change counts per day and entity, fills it from
 * the store's "changed" signal, and adds the `change-log` verb to
 * zhaoshang-cli. One object implements all three extension points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libpeas/peas.h>
#include <zhaoshang.h>

#define ZS_TYPE_CHANGE_LOG_PLUGIN (zs_change_log_plugin_get_type ())
G_DECLARE_FINAL_TYPE (ZsChangeLogPlugin, zs_change_log_plugin, ZS, CHANGE_LOG_PLUGIN, GObject)

struct _ZsChangeLogPlugin
{
  GObject  parent_instance;

  ZsStore         *store;
  ZsPluginStorage *storage;
  gulong           changed_id;
};

static void activatable_iface_init       (ZsActivatableInterface     *iface);
static void schema_provider_iface_init   (ZsSchemaProviderInterface  *iface);
static void command_provider_iface_init  (ZsCommandProviderInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsChangeLogPlugin, zs_change_log_plugin, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_ACTIVATABLE, activatable_iface_init)
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_SCHEMA_PROVIDER, schema_provider_iface_init)
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_COMMAND_PROVIDER, command_provider_iface_init))

static void
on_changed (ZsStore      *store,
            const char   *entity,
            gint64        id,
            ZsChangeKind  kind,
            gpointer      user_data)
{
  ZsChangeLogPlugin *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  /* Plugins write their own tables (named with their module prefix,
   * change_log_…) through their storage. */
  if (zs_plugin_storage_execute (self->storage,
                                 "INSERT INTO change_log_days (day, entity, changes) VALUES (?1, ?2, 1) "
                                 "ON CONFLICT (day, entity) DO UPDATE SET changes = changes + 1",
                                 (const char *[]) { day, entity, NULL }, &error) < 0)
    g_warning ("change-log: %s", error->message);
}

static gboolean
change_log_activate (ZsActivatable    *activatable,
                     ZsPluginContext  *context,
                     GError          **error)
{
  ZsChangeLogPlugin *self = ZS_CHANGE_LOG_PLUGIN (activatable);

  self->store = g_object_ref (zs_plugin_context_get_store (context));
  self->storage = g_object_ref (zs_plugin_context_get_storage (context));
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_changed), self);
  return TRUE;
}

static void
change_log_deactivate (ZsActivatable *activatable)
{
  ZsChangeLogPlugin *self = ZS_CHANGE_LOG_PLUGIN (activatable);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->storage);
}

static void
activatable_iface_init (ZsActivatableInterface *iface)
{
  iface->activate = change_log_activate;
  iface->deactivate = change_log_deactivate;
}

static char *
change_log_get_schema_name (ZsSchemaProvider *provider)
{
  return g_strdup ("change_log");
}

static char **
change_log_get_migrations (ZsSchemaProvider *provider)
{
  const char *steps[] = {
    "CREATE TABLE change_log_days (day TEXT NOT NULL, entity TEXT NOT NULL,"
    " changes INTEGER NOT NULL, PRIMARY KEY (day, entity))",
    NULL
  };

  return g_strdupv ((char **) steps);
}

static void
schema_provider_iface_init (ZsSchemaProviderInterface *iface)
{
  iface->get_schema_name = change_log_get_schema_name;
  iface->get_migrations = change_log_get_migrations;
}

static char **
change_log_get_commands (ZsCommandProvider *provider)
{
  const char *commands[] = { "change-log", NULL };

  return g_strdupv ((char **) commands);
}

static char *
change_log_get_help (ZsCommandProvider *provider,
                     const char        *command)
{
  return g_strdup ("change-log: changes per day and kind of record, newest first");
}

static char *
change_log_run (ZsCommandProvider  *provider,
                ZsPluginContext    *context,
                const char         *command,
                const char * const *args,
                gboolean            json,
                GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new (json ? "[" : "");

  rows = zs_plugin_storage_query (zs_plugin_context_get_storage (context),
                                  "SELECT day, entity, changes FROM change_log_days ORDER BY day DESC, entity",
                                  NULL, error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *row = g_ptr_array_index (rows, i);

      if (json)
        g_string_append_printf (out, "%s{\"day\": \"%s\", \"entity\": \"%s\", \"changes\": %s}",
                                i ? ", " : "", row[0], row[1], row[2]);
      else
        g_string_append_printf (out, "%s  %-10s %s\n", row[0], row[1], row[2]);
    }
  if (json)
    g_string_append (out, "]\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
command_provider_iface_init (ZsCommandProviderInterface *iface)
{
  iface->get_commands = change_log_get_commands;
  iface->get_help = change_log_get_help;
  iface->run = change_log_run;
}

static void
zs_change_log_plugin_class_init (ZsChangeLogPluginClass *klass)
{
}

static void
zs_change_log_plugin_class_finalize (ZsChangeLogPluginClass *klass)
{
}

static void
zs_change_log_plugin_init (ZsChangeLogPlugin *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  zs_change_log_plugin_register_type (G_TYPE_MODULE (module));

  peas_object_module_register_extension_type (module, ZS_TYPE_ACTIVATABLE, ZS_TYPE_CHANGE_LOG_PLUGIN);
  peas_object_module_register_extension_type (module, ZS_TYPE_SCHEMA_PROVIDER, ZS_TYPE_CHANGE_LOG_PLUGIN);
  peas_object_module_register_extension_type (module, ZS_TYPE_COMMAND_PROVIDER, ZS_TYPE_CHANGE_LOG_PLUGIN);
}
