/* zs-cli-reference.c: reference data and staff verbs of zhaoshang-cli
 *
 * Sectors, parks, clauses, regions and targets come from the guideline
 * and are loaded by `init`; staff members are added here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "zs-cli-private.h"

typedef GPtrArray *(*ListFunc) (ZsStore  *store,
                                GError  **error);

static const char * const sector_columns[] = { "code", "name", "clause", "priority", "name_en", NULL };
static const char * const park_columns[] = { "code", "name", "kind", "region_code", "parent_code", NULL };
static const char * const clause_columns[] = { "number", "numeral", "part", "title", "lead_unit", NULL };
static const char * const region_columns[] = { "code", "name", "group_name", "name_en", NULL };
static const char * const target_columns[] = {
  "code", "name", "year", "comparison", "value", "unit", "growth_pct", NULL
};
static const char * const staff_columns[] = { "id", "name", "role", "park_code", NULL };

static const char * const staff_required[] = { "name", NULL };

static const ZsCliField staff_fields[] = {
  { "name", "name", ZS_CLI_FIELD_PLAIN, N_("The name, as given to --as"), N_("NAME") },
  { "role", "role", ZS_CLI_FIELD_PLAIN, N_("admin, staff or viewer (default: staff)"), N_("ROLE") },
  { "park", "park-code", ZS_CLI_FIELD_PLAIN, N_("The code of the park the member works for"), N_("CODE") },
  { NULL }
};

/* The listings without options. */
static gboolean
list_all (ZsCli               *cli,
          GStrv               *args,
          ListFunc             list,
          const char * const  *columns,
          GError             **error)
{
  if (!zs_cli_parse (cli, args, NULL, NULL, 0, error) ||
      !zs_cli_open (cli, FALSE, error))
    return FALSE;
  return zs_cli_print_listed (cli, list (cli->store, error), columns);
}

gboolean
zs_cli_sectors_list (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  g_autofree char *clause_text = NULL;
  guint clause = 0;
  const GOptionEntry entries[] = {
    { "clause", 0, 0, G_OPTION_ARG_FILENAME, &clause_text,
      N_("Only the sectors named by this clause of the guideline"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 0, error) ||
      (clause_text != NULL && !zs_cli_parse_count ("clause", clause_text, &clause, error)) ||
      !zs_cli_open (cli, FALSE, error))
    return FALSE;

  return zs_cli_print_listed (cli, zs_store_list_sectors (cli->store, clause, error), sector_columns);
}

gboolean
zs_cli_parks_list (ZsCli    *cli,
                   GStrv    *args,
                   GError  **error)
{
  return list_all (cli, args, zs_store_list_parks, park_columns, error);
}

gboolean
zs_cli_clauses_list (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  return list_all (cli, args, zs_store_list_clauses, clause_columns, error);
}

gboolean
zs_cli_regions_list (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  return list_all (cli, args, zs_store_list_regions, region_columns, error);
}

gboolean
zs_cli_targets_list (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  return list_all (cli, args, zs_store_list_targets, target_columns, error);
}

gboolean
zs_cli_staff_list (ZsCli    *cli,
                   GStrv    *args,
                   GError  **error)
{
  return list_all (cli, args, zs_store_list_staff, staff_columns, error);
}

gboolean
zs_cli_staff_add (ZsCli    *cli,
                  GStrv    *args,
                  GError  **error)
{
  g_autoptr(ZsCliFields) fields = zs_cli_fields_new (ZS_TYPE_STAFF, staff_fields);
  g_autoptr(ZsStaff) staff = zs_staff_new ();
  gint64 id;

  if (!zs_cli_parse_new (cli, args, fields, staff_required, error) ||
      !zs_cli_fields_apply (fields, cli, G_OBJECT (staff), error))
    return FALSE;

  id = zs_store_add_staff (cli->store, staff, error);
  if (id <= 0)
    return FALSE;

  return zs_cli_print_created_among (cli, zs_store_list_staff (cli->store, error), id, staff);
}
