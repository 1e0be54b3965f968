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
    return TRUE;

  *found = TRUE;
  while ((*args)[first] != NULL && !g_str_equal ((*args)[first], name))
    first++;
  if ((*args)[first] == NULL)
    return TRUE;

  if (g_strv_contains ((const char * const *) *args, "--help"))
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
