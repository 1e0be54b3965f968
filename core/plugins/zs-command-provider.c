/* zs-command-provider.c: the extra-CLI-verbs extension point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-command-provider.h"
#include "zs-error.h"

/**
 * ZsCommandProvider:
 *
 * Implemented by a plugin that adds verbs to `zhaoshang-cli`. The CLI hands
 * over the arguments after the verb and whether `--json` was given, prints
 * the returned text, and exits with 1 and the error's message on failure,
 * or 2 for a #G_OPTION_ERROR (a usage error).
 *
 * The simplest way is create_command_kit: a #ZsCommandKit of #ZsCommand s
 * with typed options, which the kit parses and checks, and whose help
 * `zhaoshang-cli --help` and `plugins info` show. The older methods
 * (get_commands, get_help, run with the raw arguments) keep working and
 * take precedence when implemented.
 */
G_DEFINE_INTERFACE (ZsCommandProvider, zs_command_provider, G_TYPE_OBJECT)

static void
zs_command_provider_default_init (ZsCommandProviderInterface *iface)
{
}

/**
 * zs_command_provider_get_command_kit:
 * @self: a #ZsCommandProvider
 *
 * Asks the provider's create_command_kit once; later calls return the
 * same kit.
 *
 * Returns: (transfer none) (nullable): the provider's verbs as a kit, or
 *   %NULL for a provider implementing only the older methods
 */
ZsCommandKit *
zs_command_provider_get_command_kit (ZsCommandProvider *self)
{
  ZsCommandProviderInterface *iface;
  ZsCommandKit *kit;

  g_return_val_if_fail (ZS_IS_COMMAND_PROVIDER (self), NULL);

  if ((kit = g_object_get_data (G_OBJECT (self), "zs-command-kit")) != NULL)
    return kit;
  iface = ZS_COMMAND_PROVIDER_GET_IFACE (self);
  if (iface->create_command_kit == NULL || !(kit = iface->create_command_kit (self)))
    return NULL;
  g_object_set_data_full (G_OBJECT (self), "zs-command-kit", kit, g_object_unref);
  return kit;
}

/**
 * zs_command_provider_get_commands:
 * @self: a #ZsCommandProvider
 *
 * Returns: (transfer full) (array zero-terminated=1) (nullable): the verbs
 */
char **
zs_command_provider_get_commands (ZsCommandProvider *self)
{
  ZsCommandProviderInterface *iface;
  ZsCommandKit *kit;

  g_return_val_if_fail (ZS_IS_COMMAND_PROVIDER (self), NULL);

  iface = ZS_COMMAND_PROVIDER_GET_IFACE (self);
  if (iface->get_commands != NULL)
    return iface->get_commands (self);
  kit = zs_command_provider_get_command_kit (self);
  return kit ? zs_command_kit_get_verbs (kit) : NULL;
}

/**
 * zs_command_provider_get_help:
 * @self: a #ZsCommandProvider
 * @command: one of the verbs
 *
 * Returns: (transfer full) (nullable): the help text
 */
char *
zs_command_provider_get_help (ZsCommandProvider *self,
                              const char        *command)
{
  ZsCommandProviderInterface *iface;
  ZsCommandKit *kit;

  g_return_val_if_fail (ZS_IS_COMMAND_PROVIDER (self), NULL);
  g_return_val_if_fail (command != NULL, NULL);

  iface = ZS_COMMAND_PROVIDER_GET_IFACE (self);
  if (iface->get_help != NULL)
    return iface->get_help (self, command);
  kit = zs_command_provider_get_command_kit (self);
  return kit ? zs_command_kit_get_help (kit, command) : NULL;
}

/**
 * zs_command_provider_run:
 * @self: a #ZsCommandProvider
 * @context: the application context
 * @command: one of the verbs
 * @args: (array zero-terminated=1): the arguments after the verb
 * @json: whether the user asked for JSON output
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the text to print (empty for none),
 *   or %NULL with @error set; a provider returning %NULL without an error
 *   counts as a failure
 */
char *
zs_command_provider_run (ZsCommandProvider  *self,
                         ZsPluginContext    *context,
                         const char         *command,
                         const char * const *args,
                         gboolean            json,
                         GError            **error)
{
  ZsCommandProviderInterface *iface;
  ZsCommandKit *kit;
  g_autoptr(GError) local_error = NULL;
  char *output;

  g_return_val_if_fail (ZS_IS_COMMAND_PROVIDER (self), NULL);
  g_return_val_if_fail (command != NULL, NULL);

  iface = ZS_COMMAND_PROVIDER_GET_IFACE (self);
  if (iface->run == NULL && (kit = zs_command_provider_get_command_kit (self)) != NULL)
    return zs_command_kit_run (kit, context, command, args, json, error);
  if (iface->run == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("The plugin cannot run “%s”"), command);
      return NULL;
    }

  output = iface->run (self, context, command, args, json, &local_error);
  if (local_error != NULL)
    {
      g_free (output);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* A Python exception other than GLib.Error arrives as no output at all. */
  if (output == NULL)
    g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                 _("The plugin failed to run “%s” without saying why"), command);
  return output;
}
