/* zs-cli.c: zhaoshang-cli, the command line of Zhaoshang
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "zs-cli-private.h"

static const ZsCliCommand commands[] = {
  { "init", NULL, NULL, N_("Create or upgrade the database and load the reference data"), zs_cli_init },
  { "firms", "add", NULL, N_("Add a firm"), zs_cli_firms_add },
  { "firms", "list", NULL, N_("List firms, optionally matching a search"), zs_cli_firms_list },
  { "firms", "show", "ID|USCC", N_("Show a firm with its contacts and projects"), zs_cli_firms_show },
  { "firms", "edit", "ID|USCC", N_("Change fields of a firm"), zs_cli_firms_edit },
  { "firms", "delete", "ID|USCC", N_("Delete a firm"), zs_cli_firms_delete },
  { "contacts", "add", NULL, N_("Add a contact person to a firm"), zs_cli_contacts_add },
  { "contacts", "list", NULL, N_("List the contact persons of a firm"), zs_cli_contacts_list },
  { "contacts", "delete", "ID", N_("Delete a contact person"), zs_cli_contacts_delete },
  { "projects", "add", NULL, N_("Add an investment project"), zs_cli_projects_add },
  { "projects", "list", NULL, N_("List investment projects"), zs_cli_projects_list },
  { "projects", "show", "ID", N_("Show a project with its stage changes"), zs_cli_projects_show },
  { "projects", "move", "ID STAGE", N_("Move a project to another stage"), zs_cli_projects_move },
  { "projects", "edit", "ID", N_("Change fields of a project"), zs_cli_projects_edit },
  { "projects", "delete", "ID", N_("Delete a project"), zs_cli_projects_delete },
  { "activities", "add", NULL, N_("Record a visit, call, meeting, fair or email"), zs_cli_activities_add },
  { "activities", "list", NULL, N_("List activities and due follow-ups"), zs_cli_activities_list },
  { "sectors", "list", NULL, N_("List the sectors of the guideline"), zs_cli_sectors_list },
  { "parks", "list", NULL, N_("List the parks and zones"), zs_cli_parks_list },
  { "clauses", "list", NULL, N_("List the clauses of the guideline"), zs_cli_clauses_list },
  { "regions", "list", NULL, N_("List the administrative regions"), zs_cli_regions_list },
  { "targets", "list", NULL, N_("List the targets of the guideline"), zs_cli_targets_list },
  { "staff", "list", NULL, N_("List the staff members"), zs_cli_staff_list },
  { "staff", "add", NULL, N_("Add a staff member"), zs_cli_staff_add },
  { "records", "types", NULL, N_("List the record types, core and declared by plugins, with their fields"), zs_cli_records_types },
  { "records", "list", "TYPE", N_("List records of a type, filtered, sorted and paged"), zs_cli_records_list },
  { "records", "show", "TYPE ID", N_("Show a record of any type"), zs_cli_records_show },
  { "records", "add", "TYPE", N_("Add a record of any type, one --FIELD option per field (see “records add TYPE --help”)"), zs_cli_records_add },
  { "records", "edit", "TYPE ID", N_("Change fields of a record of any type"), zs_cli_records_edit },
  { "records", "delete", "TYPE ID", N_("Delete a record of any type"), zs_cli_records_delete },
  { "history", NULL, NULL, N_("List the audit trail of changes"), zs_cli_history },
  { "revert", NULL, "CHANGE_ID", N_("Undo one change of the audit trail"), zs_cli_revert },
  { "backup", NULL, "FILE", N_("Copy the database to a file"), zs_cli_backup },
  { "check", NULL, NULL, N_("Check the database and its search index"), zs_cli_check },
  { "restore", NULL, "FILE", N_("Replace the database with a backup, keeping a copy of it as it was"), zs_cli_restore },
  { "import", NULL, "firms|contacts|projects|activities|TYPE FILE", N_("Import records from a CSV, XLSX or JSON lines file"), zs_cli_import },
  { "export", NULL, "firms|contacts|projects|activities|TYPE FILE", N_("Export records to a CSV, XLSX, JSON or JSON lines file"), zs_cli_export },
  { "imports", "list", NULL, N_("List the imports"), zs_cli_imports_list },
  { "imports", "undo", "ID", N_("Undo a whole import"), zs_cli_imports_undo },
  { "plugins", "list", NULL, N_("List the plugins, with their state and errors"), zs_cli_plugins_list },
  { "plugins", "info", "NAME", N_("Show a plugin"), zs_cli_plugins_info },
  { "plugins", "enable", "NAME", N_("Enable a plugin and load it now"), zs_cli_plugins_enable },
  { "plugins", "disable", "NAME", N_("Disable a plugin"), zs_cli_plugins_disable },
  { "serve", NULL, NULL, N_("Serve the HTTP JSON API (see “token create”)"), zs_cli_serve },
  { "token", "create", NULL, N_("Make a bearer token of the HTTP API for a staff member; it is printed once"), zs_cli_token_create },
  { "token", "list", NULL, N_("List the tokens of the HTTP API"), zs_cli_token_list },
  { "token", "revoke", "ID", N_("Revoke a token of the HTTP API"), zs_cli_token_revoke },
  { "plugins", "settings", "NAME", N_("Show a plugin's settings, their defaults and whether changed"), zs_cli_plugins_settings },
  { "plugins", "set", "NAME KEY VALUE", N_("Change a plugin's setting"), zs_cli_plugins_set },
  { "plugins", "reset", "NAME [KEY]", N_("Put a plugin's setting, or all of them, back to the default"), zs_cli_plugins_reset },
};

/* The common options, for the top-level help and every verb. */
static const struct {
  const char *name;
  const char *arg;
  const char *description;
} common_options[] = {
  { "db", N_("PATH"), N_("The database file (default: $ZHAOSHANG_DB, else the per-user database)") },
  { "as", N_("NAME"), N_("The staff member recorded in the audit trail (default: the login name)") },
  { "json", NULL, N_("Print JSON instead of tables") },
};

G_DEFINE_QUARK (zs-cli-error-quark, zs_cli_error)

/* Output is UTF-8 whatever the locale, as is the input. */
static void
print_stdout (const char *text)
{
  fputs (text, stdout);
}

static void
print_stderr (const char *text)
{
  fputs (text, stderr);
}

static char *
command_name (const ZsCliCommand *command)
{
  if (command->subverb == NULL)
    return g_strdup (command->verb);
  return g_strdup_printf ("%s %s", command->verb, command->subverb);
}

static char *
command_usage (const ZsCliCommand *command)
{
  g_autofree char *name = command_name (command);

  if (command->parameters == NULL)
    return g_steal_pointer (&name);
  return g_strdup_printf ("%s %s", name, command->parameters);
}

static gboolean
verb_has_subverbs (const char *verb)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].verb, verb))
      return commands[i].subverb != NULL;
  return FALSE;
}

/* The verb as spelt in the table, which outlives the arguments. */
static const char *
canonical_verb (const char *verb)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].verb, verb))
      return commands[i].verb;
  return NULL;
}

static const ZsCliCommand *
lookup_command (const char *verb,
                const char *subverb)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].verb, verb) &&
        g_strcmp0 (commands[i].subverb, subverb) == 0)
      return &commands[i];
  return NULL;
}

static char *
list_subverbs (const char *verb)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].verb, verb))
      g_string_append_printf (list, "%s%s", list->len ? ", " : "", commands[i].subverb);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
print_commands (const char *verb)
{
  guint width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = command_usage (&commands[i]);
      width = MAX (width, strlen (usage));
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = NULL;

      if (verb != NULL && !g_str_equal (commands[i].verb, verb))
        continue;
      usage = command_usage (&commands[i]);
      g_print ("  %-*s  %s\n", (int) width, usage, _(commands[i].summary));
    }
}

/* Pads by terminal columns, so translated arguments (路径) line up. */
static void
print_option (const char *option,
              const char *description)
{
  g_autoptr(GString) line = g_string_new ("  ");

  zs_cli_append_padded (line, option, 16);
  g_print ("%s  %s\n", line->str, description);
}

static void
print_common_options (void)
{
  g_print ("%s\n", _("Common options, accepted anywhere on the line:"));
  for (guint i = 0; i < G_N_ELEMENTS (common_options); i++)
    {
      g_autofree char *option = NULL;

      if (common_options[i].arg != NULL)
        option = g_strdup_printf ("--%s %s", common_options[i].name, _(common_options[i].arg));
      else
        option = g_strdup_printf ("--%s", common_options[i].name);
      print_option (option, _(common_options[i].description));
    }
  print_option ("-h, --help", _("Show help"));
  print_option ("--version", _("Show the version"));
}

static void
print_help (ZsCli      *cli,
            char      **args,
            const char *verb)
{
  g_autofree char *usage = NULL;

  if (verb != NULL)
    usage = g_strdup_printf (_("[OPTION…] %s SUBVERB [ARGUMENT…]"), verb);
  else
    usage = g_strdup (_("[OPTION…] VERB [SUBVERB] [ARGUMENT…]"));
  g_print ("%s\n  %s %s\n\n", _("Usage:"), ZS_CLI_PROGRAM, usage);
  if (verb == NULL)
    g_print ("%s\n\n", _("Records the firms, projects and follow-ups of investment promotion "
                         "in the Horgos Economic Development Zone."));
  g_print ("%s\n", verb != NULL ? _("Commands:") : _("Verbs:"));
  print_commands (verb);
  if (verb == NULL)
    zs_cli_print_plugin_verbs (cli, args);
  g_print ("\n");
  print_common_options ();
  g_print ("\n%s\n", _("Run “zhaoshang-cli VERB [SUBVERB] --help” for the options of a command."));
}

static gboolean
is_help (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h") || g_str_equal (arg, "-?");
}

static gboolean
wants_help (char **args)
{
  for (guint i = 1; args[i] != NULL; i++)
    if (is_help (args[i]))
      return TRUE;
  return FALSE;
}

static gboolean
takes_value (const char *arg)
{
  return g_str_equal (arg, "--db") || g_str_equal (arg, "--as");
}

/* The index of the first word at or after @from that is neither an option
 * nor the value of a common option; 0 when there is none. */
static guint
find_word (char  **args,
           guint   from)
{
  for (guint i = from; args[i] != NULL; i++)
    {
      if (takes_value (args[i]))
        {
          if (args[i + 1] == NULL)
            return 0;
          i++;
          continue;
        }
      if (args[i][0] == '-' && args[i][1] != '\0')
        continue;
      return i;
    }
  return 0;
}

static void
strv_remove (GStrv strv,
             guint index)
{
  guint len = g_strv_length (strv);

  g_free (strv[index]);
  memmove (&strv[index], &strv[index + 1], (len - index) * sizeof (char *));
}

gboolean
zs_cli_usage_error (GError     **error,
                    const char  *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, ZS_CLI_ERROR, ZS_CLI_ERROR_USAGE, message);
  return FALSE;
}

static gboolean
run_without_verb (ZsCli   *cli,
                  char   **args,
                  GError **error)
{
  for (guint i = 1; args[i] != NULL; i++)
    {
      if (g_str_equal (args[i], "--version"))
        {
          g_print ("%s %s\n", ZS_CLI_PROGRAM, PACKAGE_VERSION);
          return TRUE;
        }
    }
  if (wants_help (args))
    {
      print_help (cli, args, NULL);
      return TRUE;
    }
  return zs_cli_usage_error (error, _("no verb given"));
}

static const ZsCliCommand *
find_subcommand (GStrv        args,
                 guint        verb_at,
                 gboolean    *help_printed,
                 GError     **error)
{
  const char *verb = args[verb_at];
  guint sub_at = find_word (args, verb_at + 1);
  const ZsCliCommand *command;
  g_autofree char *valid = list_subverbs (verb);

  if (sub_at == 0 && wants_help (args))
    {
      print_help (NULL, NULL, verb);
      *help_printed = TRUE;
      return NULL;
    }
  if (sub_at == 0)
    {
      zs_cli_usage_error (error, _("“%s” needs a subcommand: %s"), verb, valid);
      return NULL;
    }
  command = lookup_command (verb, args[sub_at]);
  if (command == NULL)
    {
      zs_cli_usage_error (error, _("unknown subcommand “%s %s” (expected one of: %s)"),
                          verb, args[sub_at], valid);
      return NULL;
    }
  strv_remove (args, sub_at);
  return command;
}

static gboolean
dispatch (ZsCli    *cli,
          GStrv    *args,
          GError  **error)
{
  guint verb_at = find_word (*args, 1);
  const ZsCliCommand *command;
  gboolean help_printed = FALSE;

  if (verb_at == 0)
    return run_without_verb (cli, *args, error);
  cli->verb = canonical_verb ((*args)[verb_at]);
  if (cli->verb == NULL)
    {
      g_autofree char *verb = g_strdup ((*args)[verb_at]);
      gboolean found = FALSE;

      if (!zs_cli_run_plugin_verb (cli, args, verb, &found, error))
        return FALSE;
      return found || zs_cli_usage_error (error, _("unknown verb “%s” (plugins may add verbs: "
                                                   "see “zhaoshang-cli plugins list”)"), verb);
    }

  if (verb_has_subverbs (cli->verb))
    command = find_subcommand (*args, verb_at, &help_printed, error);
  else
    command = lookup_command (cli->verb, NULL);
  if (command == NULL)
    return help_printed;

  strv_remove (*args, verb_at);
  cli->command = command;
  return command->handler (cli, args, error);
}

static gboolean
check_utf8 (char    **argv,
            GError  **error)
{
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (!g_utf8_validate (argv[i], -1, NULL))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("argument %u is not valid UTF-8"), i);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
is_usage_error (const GError *error)
{
  return g_error_matches (error, ZS_CLI_ERROR, ZS_CLI_ERROR_USAGE) ||
         error->domain == G_OPTION_ERROR;
}

static int
report (ZsCli        *cli,
        const GError *error)
{
  g_autofree char *hint = NULL;

  g_printerr ("%s: %s\n", ZS_CLI_PROGRAM, error->message);
  if (!is_usage_error (error))
    return ZS_CLI_EXIT_FAILURE;

  if (cli->command != NULL)
    {
      g_autofree char *name = command_name (cli->command);
      hint = g_strdup_printf ("%s %s --help", ZS_CLI_PROGRAM, name);
    }
  else if (cli->verb != NULL)
    hint = g_strdup_printf ("%s %s --help", ZS_CLI_PROGRAM, cli->verb);
  else
    hint = g_strdup_printf ("%s --help", ZS_CLI_PROGRAM);
  g_printerr (_("Try “%s” for more information.\n"), hint);
  return ZS_CLI_EXIT_USAGE;
}

static void
zs_cli_clear (ZsCli *cli)
{
  g_clear_object (&cli->plugins);
  g_clear_object (&cli->store);
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_pointer (&cli->actor, g_free);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  ZsCli cli = { 0 };
  int status = ZS_CLI_EXIT_OK;

  zs_uninstalled_setup ();
  zs_store_tune_process ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, zs_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname (ZS_CLI_PROGRAM);
  g_set_print_handler (print_stdout);
  g_set_printerr_handler (print_stderr);

  args = g_strdupv (argv);
  if (!check_utf8 (args, &error) || !dispatch (&cli, &args, &error))
    status = report (&cli, error);

  zs_cli_clear (&cli);

  /* a full disk or a closed pipe must not look like success to a script */
  if ((fflush (stdout) != 0 || ferror (stdout)) && status == ZS_CLI_EXIT_OK)
    {
      g_printerr ("%s: %s\n", ZS_CLI_PROGRAM, _("could not write the output"));
      status = ZS_CLI_EXIT_FAILURE;
    }
  return status;
}

/* Shared option handling */

static void
add_common_entries (GOptionContext *context,
                    ZsCli          *cli)
{
  GOptionEntry entries[] = {
    { common_options[0].name, 0, 0, G_OPTION_ARG_FILENAME, &cli->db_path,
      common_options[0].description, common_options[0].arg },
    { common_options[1].name, 0, 0, G_OPTION_ARG_FILENAME, &cli->actor,
      common_options[1].description, common_options[1].arg },
    { common_options[2].name, 0, 0, G_OPTION_ARG_NONE, &cli->json,
      common_options[2].description, NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
check_positional (ZsCli    *cli,
                  char    **args,
                  guint     n_positional,
                  GError  **error)
{
  guint n = g_strv_length (args) - 1;
  g_auto(GStrv) names = g_strsplit (cli->command->parameters ? cli->command->parameters : "", " ", -1);

  if (n < n_positional)
    return zs_cli_usage_error (error, _("missing argument %s"), names[n]);
  if (n > n_positional)
    return zs_cli_usage_error (error, _("unexpected argument “%s”"), args[n_positional + 1]);
  return TRUE;
}

/**
 * zs_cli_parse:
 * @cli: the tool
 * @args: (inout): the program name and the words after the verb
 * @entries: (nullable): options of the command that set no property
 * @fields: (nullable): options of the command that set properties
 * @n_positional: how many arguments must remain after the options
 * @error: return location for a #GError
 *
 * Parses the options of the current command together with the common
 * options. On success @args holds the program name and the positional
 * arguments.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_cli_parse (ZsCli              *cli,
              GStrv              *args,
              const GOptionEntry *entries,
              ZsCliFields        *fields,
              guint               n_positional,
              GError            **error)
{
  g_autofree char *usage = command_usage (cli->command);
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autofree GOptionEntry *field_entries = NULL;

  /* option callbacks receive the tool */
  g_option_context_set_main_group (context, g_option_group_new (NULL, NULL, NULL, cli, NULL));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(cli->command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (fields != NULL)
    {
      field_entries = zs_cli_fields_get_entries (fields);
      g_option_context_add_main_entries (context, field_entries, GETTEXT_PACKAGE);
    }
  add_common_entries (context, cli);

  if (!g_option_context_parse_strv (context, args, error))
    return FALSE;
  return check_positional (cli, *args, n_positional, error);
}

/**
 * zs_cli_open:
 * @cli: the tool
 * @create: whether a missing database may be created
 * @error: return location for a #GError
 *
 * Opens the database named by --db, else the default one, sets the actor
 * and loads the enabled plugins. Only `init` creates a database: everywhere else a mistyped path
 * is an error rather than a new empty database.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_cli_open (ZsCli     *cli,
             gboolean   create,
             GError   **error)
{
  g_autofree char *path = NULL;

  if (cli->db_path != NULL && cli->db_path[0] != '\0')
    path = g_strdup (cli->db_path);
  else
    path = zs_store_get_default_path ();

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ZS_CLI_ERROR, ZS_CLI_ERROR_NO_DATABASE,
                   _("no database at “%s”; create it with “zhaoshang-cli init”"), path);
      return FALSE;
    }

  cli->store = create ? zs_store_create (path, error) : zs_store_new (path, error);
  if (cli->store == NULL)
    return FALSE;
  zs_store_set_actor (cli->store, cli->actor != NULL ? cli->actor : g_get_user_name ());

  /* Plugins follow every change, whichever verb makes it. */
  cli->plugins = zs_plugin_engine_new (cli->store);
  zs_plugin_engine_set_frontend (cli->plugins, "cli");
  zs_plugin_engine_load_all (cli->plugins);
  return TRUE;
}

gboolean
zs_cli_require (const char  *option,
                const char  *value,
                GError     **error)
{
  if (value != NULL)
    return TRUE;
  return zs_cli_usage_error (error, _("missing required option --%s"), option);
}

gboolean
zs_cli_conflict (const char  *option,
                 gboolean     given,
                 const char  *other,
                 gboolean     other_given,
                 GError     **error)
{
  if (!given || !other_given)
    return TRUE;
  return zs_cli_usage_error (error, _("--%s and --%s cannot be used together"), option, other);
}

/**
 * zs_cli_parse_new:
 * @cli: the tool
 * @args: the arguments of the command
 * @fields: the options of the record's properties
 * @required: (array zero-terminated=1): the options an `add` cannot do without
 * @error: return location for a #GError
 *
 * The start of every `add`: parses @args, checks that each of @required was
 * given, in order, then opens the database.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_cli_parse_new (ZsCli              *cli,
                  GStrv              *args,
                  ZsCliFields        *fields,
                  const char * const *required,
                  GError            **error)
{
  if (!zs_cli_parse (cli, args, NULL, fields, 0, error))
    return FALSE;
  for (guint i = 0; required[i] != NULL; i++)
    if (!zs_cli_fields_require (fields, required[i], error))
      return FALSE;
  return zs_cli_open (cli, FALSE, error);
}

/**
 * zs_cli_parse_edit:
 * @cli: the tool
 * @args: the arguments of the command; one positional, the record
 * @fields: the options of the record's properties, with a `sector` option
 * @clear_sectors: (out): whether --clear-sectors was given
 * @error: return location for a #GError
 *
 * The start of the `edit` of records with sectors: --clear-sectors cannot
 * go with --sector, and an edit that changes nothing is a usage error, so
 * that a forgotten option is not taken for success.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_cli_parse_edit (ZsCli        *cli,
                   GStrv        *args,
                   ZsCliFields  *fields,
                   gboolean     *clear_sectors,
                   GError      **error)
{
  const GOptionEntry entries[] = {
    { "clear-sectors", 0, 0, G_OPTION_ARG_NONE, clear_sectors, N_("Remove every sector"), NULL },
    { "if-version", 0, 0, G_OPTION_ARG_INT64, &cli->if_version,
      N_("Refuse fields another writer changed after this version (see “show --json”)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  *clear_sectors = FALSE;
  cli->if_version = 0;
  if (!zs_cli_parse (cli, args, entries, fields, 1, error) ||
      !zs_cli_conflict ("sector", zs_cli_fields_is_set (fields, "sector"),
                        "clear-sectors", *clear_sectors, error))
    return FALSE;
  if (!zs_cli_fields_any_set (fields) && !*clear_sectors)
    return zs_cli_usage_error (error, _("nothing to change; give at least one option"));
  if (cli->if_version < 0)
    return zs_cli_usage_error (error, _("--if-version: “%" PRId64 "” is not a version; versions start at 1"),
                               cli->if_version);
  return TRUE;
}

/**
 * zs_cli_apply_if_version:
 * @cli: the tool
 * @record: the record just loaded for an edit
 *
 * With --if-version N the edit starts from version N rather than from the
 * record as loaded now, so fields other writers changed after N conflict.
 */
void
zs_cli_apply_if_version (ZsCli   *cli,
                         GObject *record)
{
  if (cli->if_version > 0)
    g_object_set (record, "version", cli->if_version, NULL);
}

/**
 * zs_cli_delete_by_id:
 * @cli: the tool
 * @args: the arguments of the command; one positional, the id
 * @delete_func: the store's delete of the record's kind
 * @error: return location for a #GError
 *
 * The `delete` of records named by their id alone.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_cli_delete_by_id (ZsCli           *cli,
                     GStrv           *args,
                     ZsCliDeleteFunc  delete_func,
                     GError         **error)
{
  gint64 id;

  if (!zs_cli_parse (cli, args, NULL, NULL, 1, error) ||
      !zs_cli_parse_id ("id", (*args)[1], &id, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !delete_func (cli->store, id, error))
    return FALSE;

  zs_cli_print_done (cli, "id", zs_cli_int_node (id));
  return TRUE;
}
