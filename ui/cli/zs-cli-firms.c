/* zs-cli-firms.c: the firms and contacts verbs of zhaoshang-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "zs-cli-private.h"

static const ZsCliField firm_fields[] = {
  { "name", "name", ZS_CLI_FIELD_PLAIN, N_("The registered Chinese name"), N_("NAME") },
  { "uscc", "uscc", ZS_CLI_FIELD_PLAIN, N_("The unified social credit code, 18 characters"), N_("CODE") },
  { "sector", "sectors", ZS_CLI_FIELD_PLAIN, N_("A sector code; repeat for several"), N_("CODE") },
  { "name-other", "name-other", ZS_CLI_FIELD_PLAIN, N_("The name in Kazakh, Russian or English"), N_("TEXT") },
  { "ownership", "ownership", ZS_CLI_FIELD_PLAIN,
    N_("unspecified, private, state-owned, foreign-invested, hmt-invested, collective, joint-venture or other"),
    N_("NICK") },
  { "country", "country", ZS_CLI_FIELD_PLAIN, N_("The ISO 3166-1 code of the country of registration"), N_("CC") },
  { "region", "region-code", ZS_CLI_FIELD_PLAIN, N_("The GB/T 2260 code of the region"), N_("CODE") },
  { "address", "address", ZS_CLI_FIELD_PLAIN, N_("The address"), N_("TEXT") },
  { "capital", "registered-capital", ZS_CLI_FIELD_PLAIN, N_("The registered capital in 10 000 yuan"), N_("N") },
  { "scope", "business-scope", ZS_CLI_FIELD_PLAIN, N_("The registered business scope"), N_("TEXT") },
  { "website", "website", ZS_CLI_FIELD_PLAIN, N_("The website"), N_("URL") },
  { "notes", "notes", ZS_CLI_FIELD_PLAIN, N_("Free notes"), N_("TEXT") },
  { NULL }
};

static const ZsCliField contact_fields[] = {
  { "firm", "firm-id", ZS_CLI_FIELD_FIRM, N_("The firm, by id or USCC"), N_("ID|USCC") },
  { "name", "name", ZS_CLI_FIELD_PLAIN, N_("The name of the person"), N_("NAME") },
  { "title", "title", ZS_CLI_FIELD_PLAIN, N_("The job title"), N_("TEXT") },
  { "phone", "phone", ZS_CLI_FIELD_PLAIN, N_("The phone number"), N_("PHONE") },
  { "email", "email", ZS_CLI_FIELD_PLAIN, N_("The email address"), N_("EMAIL") },
  { "notes", "notes", ZS_CLI_FIELD_PLAIN, N_("Free notes"), N_("TEXT") },
  { NULL }
};

static const char * const firm_columns[] = { "id", "uscc", "name", "sectors", NULL };
static const char * const contact_columns[] = { "id", "name", "title", "phone", "email", NULL };
static const char * const firm_project_columns[] = {
  "id", "title", "stage", "park_code", "planned_investment", NULL
};

static const char * const firm_required[] = { "name", "uscc", NULL };
static const char * const contact_required[] = { "firm", "name", NULL };

gboolean
zs_cli_firms_add (ZsCli    *cli,
                  GStrv    *args,
                  GError  **error)
{
  g_autoptr(ZsCliFields) fields = zs_cli_fields_new (ZS_TYPE_FIRM, firm_fields);
  g_autoptr(ZsFirm) firm = zs_firm_new ();
  gint64 id;

  if (!zs_cli_parse_new (cli, args, fields, firm_required, error) ||
      !zs_cli_fields_apply (fields, cli, G_OBJECT (firm), error))
    return FALSE;

  id = zs_store_add_firm (cli->store, firm, error);
  if (id <= 0)
    return FALSE;
  return zs_cli_print_saved (cli, zs_store_get_firm (cli->store, id, error), TRUE);
}

gboolean
zs_cli_firms_list (ZsCli    *cli,
                   GStrv    *args,
                   GError  **error)
{
  g_autofree char *search = NULL;
  g_autofree char *sector = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *offset_text = NULL;
  gboolean unmapped_sector = FALSE;
  gboolean unmapped_region = FALSE;
  guint limit, offset;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &search,
      N_("Only firms matching TEXT in name, code, business scope or contacts"), N_("TEXT") },
    { "sector", 0, 0, G_OPTION_ARG_FILENAME, &sector, N_("Only firms in this sector"), N_("CODE") },
    { "unmapped-sector", 0, 0, G_OPTION_ARG_NONE, &unmapped_sector,
      N_("Only firms imported with a sector label that named no sector or several (kept in their notes)"), NULL },
    { "unmapped-region", 0, 0, G_OPTION_ARG_NONE, &unmapped_region,
      N_("Only firms imported with a region label that named no region or several"), NULL },
    ZS_CLI_PAGE_ENTRIES (limit_text, offset_text),
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 0, error) ||
      !zs_cli_parse_page (limit_text, offset_text, &limit, &offset, error) ||
      !zs_cli_open (cli, FALSE, error))
    return FALSE;

  if (unmapped_sector || unmapped_region)
    return zs_cli_print_listed (cli, zs_store_list_firms_unmapped (cli->store,
                                                                   unmapped_sector ? "sectors" : "region_code",
                                                                   offset, limit, error),
                                firm_columns);
  return zs_cli_print_listed (cli, zs_store_list_firms (cli->store, search, sector, offset, limit, error),
                              firm_columns);
}

gboolean
zs_cli_firms_show (ZsCli    *cli,
                   GStrv    *args,
                   GError  **error)
{
  g_autoptr(ZsFirm) firm = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) projects = NULL;

  if (!zs_cli_parse (cli, args, NULL, NULL, 1, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !(firm = zs_cli_lookup_firm (cli, (*args)[1], error)) ||
      !(contacts = zs_store_list_contacts (cli->store, zs_firm_get_id (firm), error)) ||
      !(projects = zs_store_list_projects (cli->store, zs_firm_get_id (firm), NULL, NULL, 0, 0, error)))
    return FALSE;

  {
    const ZsCliSection sections[] = {
      { "contacts", contacts, contact_columns },
      { "projects", projects, firm_project_columns },
    };

    zs_cli_print_with_sections (cli, G_OBJECT (firm), sections, G_N_ELEMENTS (sections));
  }
  return TRUE;
}

gboolean
zs_cli_firms_edit (ZsCli    *cli,
                   GStrv    *args,
                   GError  **error)
{
  g_autoptr(ZsCliFields) fields = zs_cli_fields_new (ZS_TYPE_FIRM, firm_fields);
  g_autoptr(ZsFirm) firm = NULL;
  gboolean clear_sectors;

  if (!zs_cli_parse_edit (cli, args, fields, &clear_sectors, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !(firm = zs_cli_lookup_firm (cli, (*args)[1], error)) ||
      !zs_cli_fields_apply (fields, cli, G_OBJECT (firm), error))
    return FALSE;
  if (clear_sectors)
    zs_firm_set_sectors (firm, NULL);
  zs_cli_apply_if_version (cli, G_OBJECT (firm));

  if (!zs_store_update_firm (cli->store, firm, error))
    return FALSE;
  return zs_cli_print_saved (cli, zs_store_get_firm (cli->store, zs_firm_get_id (firm), error), FALSE);
}

gboolean
zs_cli_firms_delete (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  g_autoptr(ZsFirm) firm = NULL;

  if (!zs_cli_parse (cli, args, NULL, NULL, 1, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !(firm = zs_cli_lookup_firm (cli, (*args)[1], error)) ||
      !zs_store_delete_firm (cli->store, zs_firm_get_id (firm), error))
    return FALSE;

  zs_cli_print_done (cli, "id", zs_cli_int_node (zs_firm_get_id (firm)));
  return TRUE;
}

/* contacts */

gboolean
zs_cli_contacts_add (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  g_autoptr(ZsCliFields) fields = zs_cli_fields_new (ZS_TYPE_CONTACT, contact_fields);
  g_autoptr(ZsContact) contact = zs_contact_new ();
  gint64 id;

  if (!zs_cli_parse_new (cli, args, fields, contact_required, error) ||
      !zs_cli_fields_apply (fields, cli, G_OBJECT (contact), error))
    return FALSE;

  id = zs_store_add_contact (cli->store, contact, error);
  if (id <= 0)
    return FALSE;
  return zs_cli_print_created_among (cli, zs_store_list_contacts (cli->store, zs_contact_get_firm_id (contact), error),
                                     id, contact);
}

gboolean
zs_cli_contacts_list (ZsCli    *cli,
                      GStrv    *args,
                      GError  **error)
{
  g_autofree char *firm_ref = NULL;
  g_autoptr(ZsFirm) firm = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  const GOptionEntry entries[] = {
    { "firm", 0, 0, G_OPTION_ARG_FILENAME, &firm_ref, N_("The firm, by id or USCC"), N_("ID|USCC") },
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 0, error) ||
      !zs_cli_require ("firm", firm_ref, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !(firm = zs_cli_lookup_firm (cli, firm_ref, error)) ||
      !(contacts = zs_store_list_contacts (cli->store, zs_firm_get_id (firm), error)))
    return FALSE;

  zs_cli_print_list (cli, contacts, contact_columns);
  return TRUE;
}

gboolean
zs_cli_contacts_delete (ZsCli    *cli,
                        GStrv    *args,
                        GError  **error)
{
  return zs_cli_delete_by_id (cli, args, zs_store_delete_contact, error);
}
