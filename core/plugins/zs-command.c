/* zs-command.c: one verb of the command line, its options and handler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zs-command.h"
#include "zs-command-private.h"
#include "zs-error.h"
#include "zs-text-width.h"

/**
 * ZsCommand:
 *
 * One verb (`tag`) or verb and subverb (`chain list`) of `zhaoshang-cli`:
 * its summary, positional arguments, typed options and handler. The kit
 * parses the command line with GOption, checks every value against its
 * type and the number of arguments, and fails with a #G_OPTION_ERROR (exit
 * status 2) naming the option and the value before the handler runs.
 * Commands are gathered in a #ZsCommandKit.
 */

typedef struct {
  char         *name;
  ZsOptionType  type;
  char         *arg_description;
  char         *description;
} Option;

struct _ZsCommand
{
  GObject         parent_instance;

  char           *name;
  char           *parameters;
  char           *summary;
  guint           min_arguments;
  int             max_arguments;   /* -1: any number */
  GPtrArray      *options;         /* Option */
  ZsCommandFunc   func;
  gpointer        user_data;
  GDestroyNotify  destroy;
};

G_DEFINE_FINAL_TYPE (ZsCommand, zs_command, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (ZsOptionType, zs_option_type,
                    G_DEFINE_ENUM_VALUE (ZS_OPTION_STRING, "string"),
                    G_DEFINE_ENUM_VALUE (ZS_OPTION_INT, "int"),
                    G_DEFINE_ENUM_VALUE (ZS_OPTION_DOUBLE, "double"),
                    G_DEFINE_ENUM_VALUE (ZS_OPTION_BOOLEAN, "boolean"),
                    G_DEFINE_ENUM_VALUE (ZS_OPTION_DATE, "date"),
                    G_DEFINE_ENUM_VALUE (ZS_OPTION_STRINGS, "strings"))

static void
option_free (gpointer data)
{
  Option *option = data;

  g_free (option->name);
  g_free (option->arg_description);
  g_free (option->description);
  g_free (option);
}

static void
zs_command_finalize (GObject *object)
{
  ZsCommand *self = (ZsCommand *) object;

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  g_free (self->name);
  g_free (self->parameters);
  g_free (self->summary);
  g_ptr_array_unref (self->options);

  G_OBJECT_CLASS (zs_command_parent_class)->finalize (object);
}

static void
zs_command_class_init (ZsCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zs_command_finalize;
}

static void
zs_command_init (ZsCommand *self)
{
  self->options = g_ptr_array_new_with_free_func (option_free);
}

/**
 * zs_command_new:
 * @name: the verb, or the verb and subverb separated by a space
 * @parameters: (nullable): the positional arguments as shown in the usage
 *   line, e.g. "FIRM LINK"; their number is what the command takes unless
 *   zs_command_set_arguments() says otherwise
 * @summary: one line saying what the command does, translated
 *
 * Returns: (transfer full): a new command
 */
ZsCommand *
zs_command_new (const char *name,
                const char *parameters,
                const char *summary)
{
  ZsCommand *self;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (name != NULL && name[0] != '\0', NULL);
  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (ZS_TYPE_COMMAND, NULL);
  self->name = g_strdup (name);
  self->parameters = g_strdup (parameters);
  self->summary = g_strdup (summary);
  words = g_strsplit (parameters ? parameters : "", " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && words[i][0] != '[')
      self->min_arguments++;
  self->max_arguments = parameters && strstr (parameters, "…") ? -1 : (int) g_strv_length (words);
  if (parameters == NULL || parameters[0] == '\0')
    self->max_arguments = 0;
  return self;
}

const char *
zs_command_get_name (ZsCommand *self)
{
  g_return_val_if_fail (ZS_IS_COMMAND (self), NULL);
  return self->name;
}

/**
 * zs_command_get_parameters:
 * @self: a #ZsCommand
 *
 * Returns: (nullable): the positional arguments of the usage line
 */
const char *
zs_command_get_parameters (ZsCommand *self)
{
  g_return_val_if_fail (ZS_IS_COMMAND (self), NULL);
  return self->parameters;
}

const char *
zs_command_get_summary (ZsCommand *self)
{
  g_return_val_if_fail (ZS_IS_COMMAND (self), NULL);
  return self->summary;
}

/**
 * zs_command_set_arguments:
 * @self: a #ZsCommand
 * @min_arguments: the fewest positional arguments
 * @max_arguments: the most, or -1 for any number
 */
void
zs_command_set_arguments (ZsCommand *self,
                          guint      min_arguments,
                          int        max_arguments)
{
  g_return_if_fail (ZS_IS_COMMAND (self));
  g_return_if_fail (max_arguments < 0 || (guint) max_arguments >= min_arguments);

  self->min_arguments = min_arguments;
  self->max_arguments = max_arguments;
}

/**
 * zs_command_add_option:
 * @self: a #ZsCommand
 * @name: the long name, without "--"
 * @type: what the value must be
 * @arg_description: (nullable): the value's placeholder in the help, e.g. "N"
 * @description: one line of help, translated
 */
void
zs_command_add_option (ZsCommand    *self,
                       const char   *name,
                       ZsOptionType  type,
                       const char   *arg_description,
                       const char   *description)
{
  Option *option;

  g_return_if_fail (ZS_IS_COMMAND (self));
  g_return_if_fail (name != NULL && name[0] != '\0' && name[0] != '-');
  g_return_if_fail (description != NULL);

  option = g_new0 (Option, 1);
  option->name = g_strdup (name);
  option->type = type;
  option->arg_description = g_strdup (arg_description);
  option->description = g_strdup (description);
  g_ptr_array_add (self->options, option);
}

/**
 * zs_command_set_handler:
 * @self: a #ZsCommand
 * @func: (scope notified) (closure user_data) (destroy destroy): runs the command
 * @user_data: data for @func
 * @destroy: frees @user_data
 */
void
zs_command_set_handler (ZsCommand      *self,
                        ZsCommandFunc   func,
                        gpointer        user_data,
                        GDestroyNotify  destroy)
{
  g_return_if_fail (ZS_IS_COMMAND (self));

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
}

static char *
option_usage (const Option *option)
{
  if (option->type == ZS_OPTION_BOOLEAN)
    return g_strdup_printf ("--%s", option->name);
  return g_strdup_printf ("--%s %s", option->name,
                          option->arg_description ? option->arg_description : "VALUE");
}

static void
append_option_line (GString    *help,
                    const char *usage,
                    const char *description)
{
  g_string_append (help, "  ");
  zs_text_append_padded (help, usage, 22);
  g_string_append_printf (help, "  %s\n", description);
}

/**
 * zs_command_get_help:
 * @self: a #ZsCommand
 *
 * Returns: (transfer full): the usage line, the summary and the options
 */
char *
zs_command_get_help (ZsCommand *self)
{
  GString *help;

  g_return_val_if_fail (ZS_IS_COMMAND (self), NULL);

  help = g_string_new (NULL);
  g_string_append_printf (help, "%s\n  zhaoshang-cli %s%s%s [OPTION…]\n\n%s\n\n%s\n",
                          _("Usage:"), self->name,
                          self->parameters && self->parameters[0] ? " " : "",
                          self->parameters ? self->parameters : "",
                          self->summary, _("Options:"));
  for (guint i = 0; i < self->options->len; i++)
    {
      const Option *option = g_ptr_array_index (self->options, i);
      g_autofree char *usage = option_usage (option);

      append_option_line (help, usage, option->description);
    }
  append_option_line (help, "--json", _("Print JSON instead of tables"));
  return g_string_free (help, FALSE);
}

static const Option *
find_option (ZsCommand  *self,
             const char *option_name)
{
  const char *name = option_name + strspn (option_name, "-");

  for (guint i = 0; i < self->options->len; i++)
    {
      const Option *option = g_ptr_array_index (self->options, i);

      if (g_str_equal (option->name, name))
        return option;
    }
  return NULL;
}

/* Whether @arg ("--top") is an option of @self that takes a value. */
gboolean
_zs_command_option_takes_value (ZsCommand  *self,
                                const char *arg)
{
  const Option *option = g_str_has_prefix (arg, "--") ? find_option (self, arg) : NULL;

  return option != NULL && option->type != ZS_OPTION_BOOLEAN;
}

static gboolean
bad_value (GError     **error,
           const char  *name,
           const char  *value,
           const char  *expected)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--%s: “%s” is not %s"), name, value, expected);
  return FALSE;
}

static gboolean
parse_int (const char  *name,
           const char  *text,
           GValue      *value,
           GError     **error)
{
  gint64 number;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &number, NULL))
    return bad_value (error, name, text, _("a whole number"));
  g_value_init (value, G_TYPE_INT64);
  g_value_set_int64 (value, number);
  return TRUE;
}

static gboolean
parse_double (const char  *name,
              const char  *text,
              GValue      *value,
              GError     **error)
{
  char *end = NULL;
  double number = g_ascii_strtod (text, &end);

  if (text[0] == '\0' || *end != '\0' || !isfinite (number))
    return bad_value (error, name, text, _("a number"));
  g_value_init (value, G_TYPE_DOUBLE);
  g_value_set_double (value, number);
  return TRUE;
}

static gboolean
parse_date (const char  *name,
            const char  *text,
            GValue      *value,
            GError     **error)
{
  guint year, month, day;
  char tail;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return bad_value (error, name, text, _("a date (YYYY-MM-DD)"));
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, text);
  return TRUE;
}

typedef struct {
  ZsCommand           *command;
  ZsCommandInvocation *invocation;
} ParseState;

static gboolean
on_option (const char  *option_name,
           const char  *text,
           gpointer     data,
           GError     **error)
{
  ParseState *state = data;
  const Option *option = find_option (state->command, option_name);
  GValue value = G_VALUE_INIT;

  g_assert (option != NULL);
  switch (option->type)
    {
    case ZS_OPTION_STRINGS:
      _zs_command_invocation_add_string (state->invocation, option->name, text);
      return TRUE;
    case ZS_OPTION_BOOLEAN:
      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, TRUE);
      break;
    case ZS_OPTION_INT:
      if (!parse_int (option->name, text, &value, error))
        return FALSE;
      break;
    case ZS_OPTION_DOUBLE:
      if (!parse_double (option->name, text, &value, error))
        return FALSE;
      break;
    case ZS_OPTION_DATE:
      if (!parse_date (option->name, text, &value, error))
        return FALSE;
      break;
    case ZS_OPTION_STRING:
    default:
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, text);
      break;
    }
  _zs_command_invocation_take_value (state->invocation, option->name, &value);
  return TRUE;
}

/* Values arrive as they are (UTF-8, checked by the CLI): FILENAME keeps
 * GOption from converting them from a locale that may not be UTF-8. */
static GOptionEntry *
build_entries (ZsCommand *self,
               gboolean  *json)
{
  GOptionEntry *entries = g_new0 (GOptionEntry, self->options->len + 2);

  for (guint i = 0; i < self->options->len; i++)
    {
      const Option *option = g_ptr_array_index (self->options, i);

      entries[i].long_name = option->name;
      entries[i].arg = G_OPTION_ARG_CALLBACK;
      entries[i].arg_data = (gpointer) on_option;
      entries[i].flags = G_OPTION_FLAG_FILENAME;
      if (option->type == ZS_OPTION_BOOLEAN)
        entries[i].flags = G_OPTION_FLAG_NO_ARG;
      entries[i].description = option->description;
      entries[i].arg_description = option->arg_description;
    }
  entries[self->options->len] = (GOptionEntry) { "json", 0, 0, G_OPTION_ARG_NONE, json, NULL, NULL };
  return entries;
}

static gboolean
check_arguments (ZsCommand  *self,
                 GStrv       rest,
                 GError    **error)
{
  guint n = g_strv_length (rest);

  if (n < self->min_arguments)
    {
      g_auto(GStrv) names = g_strsplit (self->parameters ? self->parameters : "", " ", -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("missing argument %s"),
                   n < g_strv_length (names) ? names[n] : "");
      return FALSE;
    }
  if (self->max_arguments >= 0 && n > (guint) self->max_arguments)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("unexpected argument “%s”"),
                   rest[self->max_arguments]);
      return FALSE;
    }
  return TRUE;
}

/**
 * zs_command_parse:
 * @self: a #ZsCommand
 * @context: (nullable): the plugin's context, handed to the handler
 * @args: (array zero-terminated=1): the words after the command's name
 * @json: whether `--json` was already given (it is also accepted in @args)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the parsed invocation, or %NULL with a
 *   #G_OPTION_ERROR naming the option and the value
 */
/* GOption reads “-1” as the short option “1”. No option of a command is a
 * digit, so a negative number that is no option's value is a positional
 * argument: it passes the parser behind a mark, taken off afterwards. */
#define NUMBER_MARK "\x1f"

static gboolean
is_negative_number (const char *arg)
{
  return arg[0] == '-' && g_ascii_isdigit (arg[1]);
}

static void
add_arguments (ZsCommand          *self,
               GStrvBuilder       *builder,
               const char * const *args)
{
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      gboolean is_value = i > 0 && strchr (args[i - 1], '=') == NULL &&
                          _zs_command_option_takes_value (self, args[i - 1]);

      g_autofree char *marked = NULL;

      if (is_negative_number (args[i]) && !is_value)
        marked = g_strconcat (NUMBER_MARK, args[i], NULL);
      g_strv_builder_add (builder, marked != NULL ? marked : args[i]);
    }
}

static void
unmark_numbers (char **argv)
{
  for (guint i = 0; argv[i] != NULL; i++)
    if (g_str_has_prefix (argv[i], NUMBER_MARK))
      memmove (argv[i], argv[i] + strlen (NUMBER_MARK), strlen (argv[i]) - strlen (NUMBER_MARK) + 1);
}

ZsCommandInvocation *
zs_command_parse (ZsCommand           *self,
                  ZsPluginContext     *context,
                  const char * const  *args,
                  gboolean             json,
                  GError             **error)
{
  g_autoptr(ZsCommandInvocation) invocation = NULL;
  g_autoptr(GOptionContext) option_context = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  GOptionGroup *group;
  ParseState state;
  gboolean json_option = FALSE;

  g_return_val_if_fail (ZS_IS_COMMAND (self), NULL);
  g_return_val_if_fail (context == NULL || ZS_IS_PLUGIN_CONTEXT (context), NULL);

  invocation = _zs_command_invocation_new (context, json);
  state = (ParseState) { self, invocation };
  entries = build_entries (self, &json_option);
  group = g_option_group_new (NULL, NULL, NULL, &state, NULL);
  g_option_group_add_entries (group, entries);
  option_context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (option_context, FALSE);
  g_option_context_set_main_group (option_context, group);

  g_strv_builder_add (builder, self->name);
  add_arguments (self, builder, args);
  argv = g_strv_builder_end (builder);
  if (!g_option_context_parse_strv (option_context, &argv, error))
    return NULL;
  unmark_numbers (argv);
  if (!check_arguments (self, &argv[1], error))
    return NULL;

  _zs_command_invocation_set_arguments (invocation, (const char * const *) &argv[1]);
  if (json_option)
    _zs_command_invocation_set_json (invocation, TRUE);
  return g_steal_pointer (&invocation);
}

static gboolean
wants_help (const char * const *args)
{
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    if (g_str_equal (args[i], "--help") || g_str_equal (args[i], "-h"))
      return TRUE;
  return FALSE;
}

/**
 * zs_command_run:
 * @self: a #ZsCommand
 * @context: (nullable): the plugin's context
 * @args: (array zero-terminated=1): the words after the command's name
 * @json: whether `--json` was given
 * @error: return location for a #GError
 *
 * Parses @args and runs the handler; `--help` anywhere returns the help
 * instead.
 *
 * Returns: (transfer full): what the command printed, or %NULL with @error
 *   set (a #G_OPTION_ERROR for wrong usage)
 */
char *
zs_command_run (ZsCommand           *self,
                ZsPluginContext     *context,
                const char * const  *args,
                gboolean             json,
                GError             **error)
{
  g_autoptr(ZsCommandInvocation) invocation = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ZS_IS_COMMAND (self), NULL);

  if (wants_help (args))
    return zs_command_get_help (self);
  if (!(invocation = zs_command_parse (self, context, args, json, error)))
    return NULL;
  if (self->func == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                   _("The command “%s” has no handler"), self->name);
      return NULL;
    }
  if (!self->func (invocation, self->user_data, &local_error))
    {
      /* A Python exception other than GLib.Error arrives without an error. */
      if (local_error == NULL)
        g_set_error (&local_error, ZS_ERROR, ZS_ERROR_INVALID,
                     _("The command “%s” failed without saying why"), self->name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return zs_command_invocation_steal_output (invocation);
}
