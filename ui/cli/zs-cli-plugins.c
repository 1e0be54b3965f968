/* zs-cli-plugins.c: plugins list|info|enable|disable, and the verbs plugins add
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zs-cli-private.h"

static const char * const plugin_columns[] = {
  "module_name", "name", "version", "loader", "enabled", "active", "error", NULL
};

static void print_plugin_verbs (ZsPluginEngine *engine, ZsPlugin *plugin);

static ZsPluginEngine *
open_engine (ZsCli   *cli,
             GError **error)
{
  if (!zs_cli_open (cli, FALSE, error))
    return NULL;
  return g_object_ref (cli->plugins);
}

gboolean
zs_cli_plugins_list (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  g_autoptr(ZsPluginEngine) engine = NULL;
  g_autoptr(GPtrArray) plugins = NULL;

  if (!zs_cli_parse (cli, args, NULL, NULL, 0, error) ||
      !(engine = open_engine (cli, error)))
    return FALSE;
  plugins = zs_plugin_engine_list_plugins (engine);
  zs_cli_print_list (cli, plugins, plugin_columns);
  return TRUE;
}

gboolean
zs_cli_plugins_info (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  g_autoptr(ZsPluginEngine) engine = NULL;
  g_autoptr(ZsPlugin) plugin = NULL;

  if (!zs_cli_parse (cli, args, NULL, NULL, 1, error) ||
      !(engine = open_engine (cli, error)) ||
      !(plugin = zs_plugin_engine_get_plugin (engine, (*args)[1], error)))
    return FALSE;
  zs_cli_print_object (cli, G_OBJECT (plugin));
  if (!cli->json && zs_plugin_get_verbs (plugin) != NULL && zs_plugin_get_verbs (plugin)[0] != NULL)
    {
      g_print ("\n%s\n", _("Commands:"));
      print_plugin_verbs (engine, plugin);
    }
  return TRUE;
}

static gboolean
set_enabled (ZsCli     *cli,
             GStrv     *args,
             gboolean   enabled,
             GError   **error)
{
  g_autoptr(ZsPluginEngine) engine = NULL;
  g_autoptr(ZsPlugin) plugin = NULL;

  if (!zs_cli_parse (cli, args, NULL, NULL, 1, error) ||
      !(engine = open_engine (cli, error)) ||
      !zs_plugin_engine_set_enabled (engine, (*args)[1], enabled, error) ||
      !(plugin = zs_plugin_engine_get_plugin (engine, (*args)[1], error)))
    return FALSE;
  if (cli->json)
    zs_cli_print_object (cli, G_OBJECT (plugin));
  return TRUE;
}

gboolean
zs_cli_plugins_enable (ZsCli    *cli,
                       GStrv    *args,
                       GError  **error)
{
  return set_enabled (cli, args, TRUE, error);
}

gboolean
zs_cli_plugins_disable (ZsCli    *cli,
                        GStrv    *args,
                        GError  **error)
{
  return set_enabled (cli, args, FALSE, error);
}

/* ---- plugins settings|set|reset ------------------------------------ */

/* The settings of an active plugin: it declares its keys when activated. */
static ZsPluginSettings *
open_settings (ZsCli       *cli,
               const char  *name,
               GError     **error)
{
  g_autoptr(ZsPluginEngine) engine = NULL;
  g_autoptr(ZsPlugin) plugin = NULL;
  ZsPluginContext *context;

  if (!(engine = open_engine (cli, error)) ||
      !(plugin = zs_plugin_engine_get_plugin (engine, name, error)))
    return NULL;
  if (!(context = zs_plugin_engine_get_context (engine, name)))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                   _("The plugin “%s” is not active (see “zhaoshang-cli plugins info %s”)"), name, name);
      return NULL;
    }
  return zs_plugin_context_get_plugin_settings (context);
}

/* A value as people write it: 0.3, not 0.29999999999999999. */
static char *
member_text (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static gboolean
print_settings (ZsCli             *cli,
                ZsPluginSettings  *settings,
                GError           **error)
{
  g_autofree char *json = zs_plugin_settings_to_json (settings, error);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  if (json == NULL)
    return FALSE;
  if (cli->json)
    {
      g_print ("%s\n", json);
      return TRUE;
    }
  node = json_from_string (json, error);
  if (node == NULL)
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *value = member_text (object, "value");
      g_autofree char *fallback = member_text (object, "default");

      /* TRANSLATORS: key, value, default value, label, then " (changed)" or nothing */
      g_print (_("%-24s %-12s default %-12s %s%s\n"), json_object_get_string_member (object, "key"), value, fallback,
               json_object_get_string_member (object, "label"),
               json_object_get_boolean_member (object, "changed") ? _(" (changed)") : "");
    }
  return TRUE;
}

gboolean
zs_cli_plugins_settings (ZsCli    *cli,
                         GStrv    *args,
                         GError  **error)
{
  ZsPluginSettings *settings;

  if (!zs_cli_parse (cli, args, NULL, NULL, 1, error) ||
      !(settings = open_settings (cli, (*args)[1], error)))
    return FALSE;
  return print_settings (cli, settings, error);
}

gboolean
zs_cli_plugins_set (ZsCli    *cli,
                    GStrv    *args,
                    GError  **error)
{
  ZsPluginSettings *settings;

  if (!zs_cli_parse (cli, args, NULL, NULL, 3, error) ||
      !(settings = open_settings (cli, (*args)[1], error)) ||
      !zs_plugin_settings_set_text (settings, (*args)[2], (*args)[3], error))
    return FALSE;
  return !cli->json || print_settings (cli, settings, error);
}

/* Words that are neither options nor their values: KEY is optional. */
static guint
count_positional (char **args)
{
  guint n = 0;

  for (guint i = 1; args[i] != NULL; i++)
    {
      if (g_str_equal (args[i], "--db") || g_str_equal (args[i], "--as"))
        i += args[i + 1] != NULL;
      else if (!g_str_has_prefix (args[i], "--"))
        n++;
    }
  return n;
}

gboolean
zs_cli_plugins_reset (ZsCli    *cli,
                      GStrv    *args,
                      GError  **error)
{
  ZsPluginSettings *settings;

  if (!zs_cli_parse (cli, args, NULL, NULL, CLAMP (count_positional (*args), 1, 2), error) ||
      !(settings = open_settings (cli, (*args)[1], error)) ||
      !zs_plugin_settings_reset (settings, (*args)[2], error))
    return FALSE;
  return !cli->json || print_settings (cli, settings, error);
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* Takes the common options out of @args by hand: a plugin verb's own
 * options are the plugin's business, so GOptionContext cannot be used. */
static gboolean
take_common_options (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  g_autoptr(GStrvBuilder) rest = g_strv_builder_new ();
  char **strv = *args;

  for (guint i = 0; strv[i] != NULL; i++)
    {
      char **target = g_str_equal (strv[i], "--db") ? &cli->db_path :
                      g_str_equal (strv[i], "--as") ? &cli->actor : NULL;

      if (g_str_equal (strv[i], "--json"))
        cli->json = TRUE;
      else if (g_str_has_prefix (strv[i], "--db="))
        replace_string (&cli->db_path, strv[i] + strlen ("--db="));
      else if (g_str_has_prefix (strv[i], "--as="))
        replace_string (&cli->actor, strv[i] + strlen ("--as="));
      else if (target != NULL && strv[i + 1] == NULL)
        return zs_cli_usage_error (error, _("option %s needs a value"), strv[i]);
      else if (target != NULL)
        replace_string (target, strv[++i]);
      else
        g_strv_builder_add (rest, strv[i]);
    }
  g_strfreev (*args);
  *args = g_strv_builder_end (rest);
  return TRUE;
}

/* A verb that no active plugin provides may belong to one that is disabled
 * or failed to load (its .plugin file declares X-Zhaoshang-Verbs): say so
 * rather than "unknown verb". */
static gboolean
explain_missing_verb (ZsPluginEngine  *engine,
                      const char      *verb,
                      gboolean        *found,
                      GError         **error)
{
  g_autofree char *owner = zs_plugin_engine_find_verb_plugin (engine, verb);
  g_autoptr(ZsPlugin) plugin = owner ? zs_plugin_engine_get_plugin (engine, owner, NULL) : NULL;

  if (plugin == NULL)
    return TRUE;
  *found = TRUE;
  if (!zs_plugin_get_enabled (plugin))
    g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                 _("“%s” is a verb of the plugin “%s”, which is disabled; enable it with "
                   "“zhaoshang-cli plugins enable %s”"), verb, owner, owner);
  else
    g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                 _("“%s” is a verb of the plugin “%s”, which failed to load: %s"), verb, owner,
                 zs_plugin_get_error (plugin) ? zs_plugin_get_error (plugin) : _("unknown reason"));
  return FALSE;
}

/* The summary of an older provider's verb: the first line of its help. */
static char *
first_line (const char *text)
{
  const char *end = text ? strchr (text, '\n') : NULL;

  if (text == NULL)
    return g_strdup ("");
  return end ? g_strndup (text, end - text) : g_strdup (text);
}

static void
print_provider_verbs (ZsCommandProvider *provider)
{
  ZsCommandKit *kit = zs_command_provider_get_command_kit (provider);
  g_auto(GStrv) verbs = NULL;

  if (kit != NULL)
    {
      g_autofree char *help = zs_command_kit_get_help (kit, NULL);
      g_auto(GStrv) lines = g_strsplit (help, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          g_print ("  %s\n", lines[i]);
      return;
    }
  verbs = zs_command_provider_get_commands (provider);
  for (guint i = 0; verbs != NULL && verbs[i] != NULL; i++)
    {
      g_autofree char *help = zs_command_provider_get_help (provider, verbs[i]);
      g_autofree char *summary = first_line (help);
      g_autoptr(GString) line = g_string_new ("    ");

      zs_text_append_padded (line, verbs[i], 20);
      g_print ("%s  %s\n", line->str, summary);
    }
}

static void
print_plugin_verbs (ZsPluginEngine *engine,
                    ZsPlugin       *plugin)
{
  const char *module = zs_plugin_get_module_name (plugin);
  const char * const *verbs = zs_plugin_get_verbs (plugin);
  g_autoptr(ZsCommandProvider) provider = zs_plugin_engine_get_command_provider (engine, module);
  g_autofree char *joined = NULL;

  if (provider == NULL && (verbs == NULL || verbs[0] == NULL))
    return;
  g_print ("  %s (%s):\n", zs_plugin_get_name (plugin), module);
  if (provider != NULL)
    {
      print_provider_verbs (provider);
      return;
    }
  joined = g_strjoinv (", ", (char **) verbs);
  if (!zs_plugin_get_enabled (plugin))
    g_print ("    %s  %s\n", joined, _("(the plugin is disabled)"));
  else
    g_print ("    %s  %s\n", joined, _("(the plugin failed to load: see “zhaoshang-cli plugins info”)"));
}

/**
 * zs_cli_print_plugin_verbs:
 * @cli: the tool
 * @args: the whole command line, for --db
 *
 * The verbs of plugins for the top-level help, grouped by plugin. Help
 * must not fail: without a database there is nothing to list.
 */
void
zs_cli_print_plugin_verbs (ZsCli  *cli,
                           char  **args)
{
  g_auto(GStrv) copy = g_strdupv (args);
  g_autoptr(GPtrArray) plugins = NULL;
  gboolean printed = FALSE;

  if (!take_common_options (cli, &copy, NULL) || !zs_cli_open (cli, FALSE, NULL))
    {
      g_print ("\n%s\n", _("Plugins add verbs of their own; they are listed here once the database "
                             "exists (“zhaoshang-cli init”)."));
      return;
    }
  plugins = zs_plugin_engine_list_plugins (cli->plugins);
  for (guint i = 0; i < plugins->len; i++)
    {
      ZsPlugin *plugin = g_ptr_array_index (plugins, i);
      const char * const *verbs = zs_plugin_get_verbs (plugin);

      if (verbs == NULL || verbs[0] == NULL)
        continue;
      if (!printed)
        g_print ("\n%s\n", _("Verbs of plugins:"));
      printed = TRUE;
      print_plugin_verbs (cli->plugins, plugin);
    }
}

/**
 * zs_cli_run_plugin_verb:
 * @cli: the tool
 * @args: the program name, then every argument
 * @verb: a verb that is not one of the tool's own
 * @found: (out): whether an active plugin provides @verb
 * @error: return location for a #GError
 *
 * Runs a verb added by a plugin (#ZsCommandProvider): the plugin receives
 * the arguments after the verb and whether --json was given.
 */
gboolean
zs_cli_run_plugin_verb (ZsCli       *cli,
                        GStrv       *args,
                        const char  *verb,
                        gboolean    *found,
                        GError     **error)
{
  g_autoptr(ZsPluginEngine) engine = NULL;
  g_autoptr(ZsCommandProvider) provider = NULL;
  g_autofree char *output = NULL;
  g_autofree char *name = g_strdup (verb);
  ZsPluginContext *context = NULL;
  guint first = 0;

  *found = FALSE;
  if (!take_common_options (cli, args, error) ||
      !(engine = open_engine (cli, error)))
    return FALSE;
  if (!(provider = zs_plugin_engine_find_command (engine, name, &context)))
    return explain_missing_verb (engine, name, found, error);

  *found = TRUE;
  while ((*args)[first] != NULL && !g_str_equal ((*args)[first], name))
    first++;
  if ((*args)[first] == NULL)
    return TRUE;

  /* A kit gives the help of each subcommand itself. */
  if (zs_command_provider_get_command_kit (provider) == NULL &&
      g_strv_contains ((const char * const *) *args, "--help"))
    {
      g_autofree char *help = zs_command_provider_get_help (provider, name);
      g_print ("%s\n", help != NULL ? help : name);
      return TRUE;
    }

  output = zs_command_provider_run (provider, context, name,
                                    (const char * const *) &(*args)[first + 1], cli->json, error);
  if (output == NULL)
    return FALSE;
  g_print ("%s", output);
  return TRUE;
}
