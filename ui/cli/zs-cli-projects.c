/* zs-cli-projects.c: the projects verbs of zhaoshang-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "zs-cli-private.h"

/* The options shared by add and edit; the stage changes only through
 * `projects move`, which records the change and its reason. */
#define PROJECT_FIELDS \
  { "firm", "firm-id", ZS_CLI_FIELD_FIRM, N_("The investing firm, by id or USCC"), N_("ID|USCC") }, \
  { "title", "title", ZS_CLI_FIELD_PLAIN, N_("The title of the project"), N_("TEXT") }, \
  { "sector", "sectors", ZS_CLI_FIELD_PLAIN, N_("A sector code; repeat for several"), N_("CODE") }, \
  { "park", "park-code", ZS_CLI_FIELD_PLAIN, N_("The code of the park it goes to"), N_("CODE") }, \
  { "planned", "planned-investment", ZS_CLI_FIELD_PLAIN, \
    N_("The planned investment in 10 000 yuan"), N_("N") }, \
  { "realised", "realised-investment", ZS_CLI_FIELD_PLAIN, \
    N_("The investment realised so far in 10 000 yuan"), N_("N") }, \
  { "jobs", "planned-jobs", ZS_CLI_FIELD_PLAIN, N_("The jobs it plans to create"), N_("N") }, \
  { "land", "land-mu", ZS_CLI_FIELD_PLAIN, N_("The land it needs, in mu"), N_("N") }, \
  { "channel", "source-channel", ZS_CLI_FIELD_PLAIN, \
    N_("direct, referral, fair, agency, flying-zone, incubation, online or other"), N_("NICK") }, \
  { "referrer", "referrer-firm-id", ZS_CLI_FIELD_FIRM, \
    N_("The settled firm that referred it, by id or USCC"), N_("ID|USCC") }, \
  { "owner", "owner", ZS_CLI_FIELD_PLAIN, N_("The staff member in charge"), N_("NAME") }, \
  { "clause", "clause", ZS_CLI_FIELD_PLAIN, N_("The number of the guideline clause it serves"), N_("N") }

static const ZsCliField project_add_fields[] = {
  PROJECT_FIELDS,
  { "stage", "stage", ZS_CLI_FIELD_PLAIN,
    N_("The stage to start at, by name or label (default: lead)"), N_("STAGE") },
  { NULL }
};

static const ZsCliField project_edit_fields[] = {
  PROJECT_FIELDS,
  { NULL }
};

static const char * const project_columns[] = {
  "id", "firm_id", "title", "stage", "park_code", "planned_investment", NULL
};
static const char * const stage_change_columns[] = {
  "id", "at", "from_stage", "to_stage", "actor", "reason", NULL
};

static const char * const project_required[] = { "firm", "title", NULL };

/* Prints the project as stored, with its timestamps. */
static gboolean
print_stored_project (ZsCli    *cli,
                      gint64    id,
                      gboolean  created,
                      GError  **error)
{
  return zs_cli_print_saved (cli, zs_store_get_project (cli->store, id, error), created);
}

static gboolean
open_project (ZsCli       *cli,
              const char  *text,
              ZsProject  **project,
              GError     **error)
{
  gint64 id;

  if (!zs_cli_parse_id ("id", text, &id, error) ||
      !zs_cli_open (cli, FALSE, error))
    return FALSE;
  *project = zs_store_get_project (cli->store, id, error);
  return *project != NULL;
}

gboolean
zs_cli_projects_add (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  g_autoptr(ZsCliFields) fields = zs_cli_fields_new (ZS_TYPE_PROJECT, project_add_fields);
  g_autoptr(ZsProject) project = zs_project_new ();
  gint64 id;

  if (!zs_cli_parse_new (cli, args, fields, project_required, error) ||
      !zs_cli_fields_apply (fields, cli, G_OBJECT (project), error))
    return FALSE;

  id = zs_store_add_project (cli->store, project, error);
  if (id <= 0)
    return FALSE;
  return print_stored_project (cli, id, TRUE, error);
}

static gboolean
stage_nick (const char   *text,
            const char  **nick,
            GError      **error)
{
  int stage;

  *nick = NULL;
  if (text == NULL)
    return TRUE;
  if (!zs_cli_parse_enum (ZS_TYPE_STAGE, "stage", text, &stage, error))
    return FALSE;
  *nick = zs_enum_to_nick (ZS_TYPE_STAGE, stage);
  return TRUE;
}

gboolean
zs_cli_projects_list (ZsCli    *cli,
                      GStrv    *args,
                      GError  **error)
{
  g_autofree char *firm_ref = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *park = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *offset_text = NULL;
  const char *nick;
  gint64 firm;
  guint limit, offset;
  const GOptionEntry entries[] = {
    { "firm", 0, 0, G_OPTION_ARG_FILENAME, &firm_ref, N_("Only projects of this firm"), N_("ID|USCC") },
    { "stage", 0, 0, G_OPTION_ARG_FILENAME, &stage, N_("Only projects at this stage"), N_("STAGE") },
    { "park", 0, 0, G_OPTION_ARG_FILENAME, &park, N_("Only projects in this park"), N_("CODE") },
    ZS_CLI_PAGE_ENTRIES (limit_text, offset_text),
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 0, error) ||
      !zs_cli_parse_page (limit_text, offset_text, &limit, &offset, error) ||
      !stage_nick (stage, &nick, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !zs_cli_lookup_firm_id (cli, firm_ref, &firm, error))
    return FALSE;

  return zs_cli_print_listed (cli, zs_store_list_projects (cli->store, firm, nick, park, offset, limit, error),
                              project_columns);
}

gboolean
zs_cli_projects_show (ZsCli    *cli,
                      GStrv    *args,
                      GError  **error)
{
  g_autoptr(ZsProject) project = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  if (!zs_cli_parse (cli, args, NULL, NULL, 1, error) ||
      !open_project (cli, (*args)[1], &project, error))
    return FALSE;

  changes = zs_store_list_stage_changes (cli->store, zs_project_get_id (project), error);
  if (changes == NULL)
    return FALSE;

  {
    const ZsCliSection sections[] = {
      { "stage_changes", changes, stage_change_columns },
    };

    zs_cli_print_with_sections (cli, G_OBJECT (project), sections, G_N_ELEMENTS (sections));
  }
  return TRUE;
}

gboolean
zs_cli_projects_move (ZsCli    *cli,
                      GStrv    *args,
                      GError  **error)
{
  g_autofree char *reason = NULL;
  gint64 id;
  int stage;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_FILENAME, &reason,
      N_("Why the project moves; required for lost"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 2, error) ||
      !zs_cli_parse_id ("id", (*args)[1], &id, error) ||
      !zs_cli_parse_enum (ZS_TYPE_STAGE, "stage", (*args)[2], &stage, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !zs_store_move_project (cli->store, id, stage, reason, error))
    return FALSE;

  return print_stored_project (cli, id, FALSE, error);
}

gboolean
zs_cli_projects_edit (ZsCli    *cli,
                      GStrv    *args,
                      GError  **error)
{
  g_autoptr(ZsCliFields) fields = zs_cli_fields_new (ZS_TYPE_PROJECT, project_edit_fields);
  g_autoptr(ZsProject) project = NULL;
  gboolean clear_sectors;

  if (!zs_cli_parse_edit (cli, args, fields, &clear_sectors, error) ||
      !open_project (cli, (*args)[1], &project, error) ||
      !zs_cli_fields_apply (fields, cli, G_OBJECT (project), error))
    return FALSE;
  if (clear_sectors)
    zs_project_set_sectors (project, NULL);
  zs_cli_apply_if_version (cli, G_OBJECT (project));

  if (!zs_store_update_project (cli->store, project, error))
    return FALSE;
  return print_stored_project (cli, zs_project_get_id (project), FALSE, error);
}

gboolean
zs_cli_projects_delete (ZsCli    *cli,
                        GStrv    *args,
                        GError  **error)
{
  return zs_cli_delete_by_id (cli, args, zs_store_delete_project, error);
}
