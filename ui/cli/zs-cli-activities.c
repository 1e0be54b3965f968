/* zs-cli-activities.c: the activities verbs of zhaoshang-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "zs-cli-private.h"

static const ZsCliField activity_fields[] = {
  { "firm", "firm-id", ZS_CLI_FIELD_FIRM, N_("The firm, by id or USCC"), N_("ID|USCC") },
  { "project", "project-id", ZS_CLI_FIELD_PLAIN, N_("The project it concerns"), N_("ID") },
  { "kind", "kind", ZS_CLI_FIELD_PLAIN, N_("visit, call, meeting, fair or email"), N_("KIND") },
  { "date", "date", ZS_CLI_FIELD_DATE, N_("The day it took place"), N_("YYYY-MM-DD") },
  { "who", "who", ZS_CLI_FIELD_PLAIN,
    N_("The staff member who took part (default: the acting staff member)"), N_("NAME") },
  { "notes", "notes", ZS_CLI_FIELD_PLAIN, N_("What was said or agreed"), N_("TEXT") },
  { "next", "next-follow-up", ZS_CLI_FIELD_DATE, N_("The day of the next follow-up"), N_("YYYY-MM-DD") },
  { NULL }
};

static const char * const activity_required[] = { "firm", "kind", "date", NULL };
static const char * const activity_columns[] = {
  "id", "date", "kind", "firm_id", "project_id", "who", "next_follow_up", "notes", NULL
};

gboolean
zs_cli_activities_add (ZsCli    *cli,
                       GStrv    *args,
                       GError  **error)
{
  g_autoptr(ZsCliFields) fields = zs_cli_fields_new (ZS_TYPE_ACTIVITY, activity_fields);
  g_autoptr(ZsActivity) activity = zs_activity_new ();
  gint64 id;

  if (!zs_cli_parse_new (cli, args, fields, activity_required, error))
    return FALSE;

  zs_activity_set_who (activity, zs_store_get_actor (cli->store));
  if (!zs_cli_fields_apply (fields, cli, G_OBJECT (activity), error))
    return FALSE;

  id = zs_store_add_activity (cli->store, activity, error);
  if (id <= 0)
    return FALSE;

  return zs_cli_print_created_among (cli,
                                     zs_store_list_activities (cli->store, zs_activity_get_firm_id (activity),
                                                               NULL, 0, 0, error),
                                     id, activity);
}

typedef struct
{
  char *due;
} ListOptions;

/* --due takes an optional date; alone it means today. */
static gboolean
parse_due (const char  *option,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  ZsCli *cli = data;
  ListOptions *options = cli->command_data;

  g_free (options->due);
  options->due = value != NULL ? g_strdup (value) : zs_cli_today ();
  return zs_cli_parse_date ("due", options->due, error);
}

gboolean
zs_cli_activities_list (ZsCli    *cli,
                        GStrv    *args,
                        GError  **error)
{
  g_autofree char *firm_ref = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *offset_text = NULL;
  ListOptions options = { NULL };
  g_autofree char *due = NULL;
  gint64 firm;
  guint limit, offset;
  const GOptionEntry entries[] = {
    { "firm", 0, 0, G_OPTION_ARG_FILENAME, &firm_ref, N_("Only activities with this firm"), N_("ID|USCC") },
    { "due", 0, G_OPTION_FLAG_OPTIONAL_ARG | G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, parse_due,
      N_("Only follow-ups due on or before DATE (default: today)"), N_("[DATE]") },
    ZS_CLI_PAGE_ENTRIES (limit_text, offset_text),
    G_OPTION_ENTRY_NULL
  };
  gboolean ok;

  cli->command_data = &options;
  ok = zs_cli_parse (cli, args, entries, NULL, 0, error);
  cli->command_data = NULL;
  due = g_steal_pointer (&options.due);

  if (!ok ||
      !zs_cli_parse_page (limit_text, offset_text, &limit, &offset, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !zs_cli_lookup_firm_id (cli, firm_ref, &firm, error))
    return FALSE;

  return zs_cli_print_listed (cli, zs_store_list_activities (cli->store, firm, due, offset, limit, error),
                              activity_columns);
}
