/* zs-command-kit.c: a table of command-line verbs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zs-command-kit.h"
#include "zs-command-private.h"
#include "zs-text-width.h"

/**
 * ZsCommandKit:
 *
 * The verbs a plugin adds to `zhaoshang-cli`, built from #ZsCommand s:
 * `tag` alone, or a verb with subverbs (`chain list`, `chain show`). A
 * #ZsCommandProvider returns it from get_command_kit; the CLI then lists
 * the commands in `--help` and `plugins info`, and the kit parses the
 * options, runs the handler and gives the help, as for the CLI's own
 * verbs.
 */
struct _ZsCommandKit
{
  GObject    parent_instance;

  GPtrArray *commands;   /* ZsCommand, in the order added */
};

G_DEFINE_FINAL_TYPE (ZsCommandKit, zs_command_kit, G_TYPE_OBJECT)

static void
zs_command_kit_finalize (GObject *object)
{
  ZsCommandKit *self = (ZsCommandKit *) object;

  g_ptr_array_unref (self->commands);

  G_OBJECT_CLASS (zs_command_kit_parent_class)->finalize (object);
}

static void
zs_command_kit_class_init (ZsCommandKitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zs_command_kit_finalize;
}

static void
zs_command_kit_init (ZsCommandKit *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * zs_command_kit_new:
 *
 * Returns: (transfer full): an empty kit
 */
ZsCommandKit *
zs_command_kit_new (void)
{
  return g_object_new (ZS_TYPE_COMMAND_KIT, NULL);
}

/**
 * zs_command_kit_add:
 * @self: a #ZsCommandKit
 * @command: a command whose name is not in the kit yet
 */
void
zs_command_kit_add (ZsCommandKit *self,
                    ZsCommand    *command)
{
  g_return_if_fail (ZS_IS_COMMAND_KIT (self));
  g_return_if_fail (ZS_IS_COMMAND (command));

  g_ptr_array_add (self->commands, g_object_ref (command));
}

/**
 * zs_command_kit_list_commands:
 * @self: a #ZsCommandKit
 *
 * Returns: (transfer container) (element-type ZsCommand): the commands
 */
GPtrArray *
zs_command_kit_list_commands (ZsCommandKit *self)
{
  GPtrArray *commands = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (ZS_IS_COMMAND_KIT (self), NULL);

  for (guint i = 0; i < self->commands->len; i++)
    g_ptr_array_add (commands, g_object_ref (g_ptr_array_index (self->commands, i)));
  return commands;
}

/* The verb of "chain list" is "chain". */
static char *
verb_of (ZsCommand *command)
{
  const char *name = zs_command_get_name (command);
  const char *space = strchr (name, ' ');

  return space ? g_strndup (name, space - name) : g_strdup (name);
}

/**
 * zs_command_kit_get_verbs:
 * @self: a #ZsCommandKit
 *
 * Returns: (transfer full) (array zero-terminated=1): the first word of
 *   every command, once each
 */
char **
zs_command_kit_get_verbs (ZsCommandKit *self)
{
  g_autoptr(GStrvBuilder) verbs = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (ZS_IS_COMMAND_KIT (self), NULL);

  for (guint i = 0; i < self->commands->len; i++)
    {
      char *verb = verb_of (g_ptr_array_index (self->commands, i));

      if (g_hash_table_add (seen, verb))
        g_strv_builder_add (verbs, verb);
    }
  return g_strv_builder_end (verbs);
}

/* Whether @command is under @prefix: "flying-zone partner add" is under
 * "flying-zone" and under "flying-zone partner". */
static gboolean
is_under (ZsCommand  *command,
          const char *prefix)
{
  const char *name = zs_command_get_name (command);
  size_t length = strlen (prefix);

  return strncmp (name, prefix, length) == 0 && name[length] == ' ';
}

/**
 * zs_command_kit_get_help:
 * @self: a #ZsCommandKit
 * @verb: (nullable): one of the verbs (or a verb and a subverb that has
 *   subverbs of its own), or %NULL for all
 *
 * Returns: (transfer full): one line per command: its usage and summary
 */
char *
zs_command_kit_get_help (ZsCommandKit *self,
                         const char   *verb)
{
  GString *help;
  guint width = 0;

  g_return_val_if_fail (ZS_IS_COMMAND_KIT (self), NULL);

  help = g_string_new (NULL);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->commands->len; i++)
      {
        ZsCommand *command = g_ptr_array_index (self->commands, i);
        const char *parameters = zs_command_get_parameters (command);
        g_autofree char *usage = g_strdup_printf ("%s%s%s", zs_command_get_name (command),
                                                  parameters && parameters[0] ? " " : "",
                                                  parameters ? parameters : "");

        if (verb != NULL && !g_str_equal (verb, zs_command_get_name (command)) && !is_under (command, verb))
          continue;
        if (pass == 0)
          {
            width = MAX (width, zs_text_get_width (usage));
            continue;
          }
        g_string_append (help, "  ");
        zs_text_append_padded (help, usage, width);
        g_string_append_printf (help, "  %s\n", zs_command_get_summary (command));
      }
  return g_string_free (help, FALSE);
}

static ZsCommand *
find_command (ZsCommandKit *self,
              const char   *name)
{
  for (guint i = 0; i < self->commands->len; i++)
    {
      ZsCommand *command = g_ptr_array_index (self->commands, i);

      if (g_str_equal (zs_command_get_name (command), name))
        return command;
    }
  return NULL;
}

/* The words that may follow @prefix, once each. */
static char *
list_subverbs (ZsCommandKit *self,
               const char   *prefix)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->commands->len; i++)
    {
      ZsCommand *command = g_ptr_array_index (self->commands, i);
      const char *rest;
      char *word;

      if (!is_under (command, prefix))
        continue;
      rest = zs_command_get_name (command) + strlen (prefix) + 1;
      word = g_strndup (rest, strcspn (rest, " "));
      if (g_hash_table_add (seen, word))
        g_string_append_printf (list, "%s%s", list->len ? ", " : "", word);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Whether --NAME takes a value in any command under @prefix. */
static gboolean
takes_value (ZsCommandKit *self,
             const char   *prefix,
             const char   *arg)
{
  for (guint i = 0; i < self->commands->len; i++)
    {
      ZsCommand *command = g_ptr_array_index (self->commands, i);

      if (is_under (command, prefix) && _zs_command_option_takes_value (command, arg))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_commands_under (ZsCommandKit *self,
                    const char   *prefix)
{
  for (guint i = 0; i < self->commands->len; i++)
    if (is_under (g_ptr_array_index (self->commands, i), prefix))
      return TRUE;
  return FALSE;
}

/* The first word of @args that is neither an option nor its value. */
static int
find_word (ZsCommandKit       *self,
           const char         *prefix,
           const char * const *args)
{
  for (int i = 0; args != NULL && args[i] != NULL; i++)
    {
      if (args[i][0] != '-')
        return i;
      if (strchr (args[i], '=') == NULL && takes_value (self, prefix, args[i]) && args[i + 1] != NULL)
        i++;
    }
  return -1;
}

static gboolean
wants_help (const char * const *args)
{
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    if (g_str_equal (args[i], "--help") || g_str_equal (args[i], "-h"))
      return TRUE;
  return FALSE;
}

/* Runs the command under @prefix named by the next word of @args; a word
 * that is itself a group ("flying-zone partner") takes the next one. */
static char *
run_subcommand (ZsCommandKit        *self,
                ZsPluginContext     *context,
                const char          *prefix,
                const char * const  *args,
                gboolean             json,
                GError             **error)
{
  int at = find_word (self, prefix, args);
  g_autofree char *valid = list_subverbs (self, prefix);
  g_autofree char *name = NULL;
  g_autoptr(GStrvBuilder) rest = g_strv_builder_new ();
  g_auto(GStrv) rest_args = NULL;
  ZsCommand *command;

  if (at < 0 && wants_help (args))
    return zs_command_kit_get_help (self, prefix);
  if (at < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” needs a subcommand: %s"), prefix, valid);
      return NULL;
    }
  name = g_strdup_printf ("%s %s", prefix, args[at]);
  command = find_command (self, name);
  if (command == NULL && !has_commands_under (self, name))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("unknown subcommand “%s” (expected one of: %s)"), name, valid);
      return NULL;
    }
  for (int i = 0; args[i] != NULL; i++)
    if (i != at)
      g_strv_builder_add (rest, args[i]);
  rest_args = g_strv_builder_end (rest);
  if (command == NULL)
    return run_subcommand (self, context, name, (const char * const *) rest_args, json, error);
  return zs_command_run (command, context, (const char * const *) rest_args, json, error);
}

/**
 * zs_command_kit_run:
 * @self: a #ZsCommandKit
 * @context: (nullable): the plugin's context, handed to the handler
 * @verb: one of the verbs
 * @args: (array zero-terminated=1) (nullable): the words after the verb
 *   (the subverb among them for a verb that has subverbs)
 * @json: whether `--json` was given
 * @error: return location for a #GError
 *
 * Finds the command, parses its options and runs it. `--help` returns the
 * command's help; a verb with subverbs alone lists them.
 *
 * Returns: (transfer full): what the command printed, or %NULL with
 *   @error set: a #G_OPTION_ERROR for wrong usage (exit status 2), the
 *   handler's error otherwise (exit status 1)
 */
char *
zs_command_kit_run (ZsCommandKit        *self,
                    ZsPluginContext     *context,
                    const char          *verb,
                    const char * const  *args,
                    gboolean             json,
                    GError             **error)
{
  const char * const no_args[] = { NULL };
  ZsCommand *command;

  g_return_val_if_fail (ZS_IS_COMMAND_KIT (self), NULL);
  g_return_val_if_fail (verb != NULL, NULL);

  if (args == NULL)
    args = no_args;
  if ((command = find_command (self, verb)) != NULL)
    return zs_command_run (command, context, args, json, error);
  return run_subcommand (self, context, verb, args, json, error);
}
