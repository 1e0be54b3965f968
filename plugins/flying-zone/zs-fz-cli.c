/* zs-fz-cli.c: the `flying-zone` verbs
 *
 * One ZsCommand per subverb. Each handler answers JSON; --json prints it
 * as it is, otherwise a table (lists, the ledger, the report) or one line
 * per member (a record just written). Writes go through the store's
 * record API, so the rules of zs-fz-rules.c refuse bad input with nothing
 * written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-fz-cli.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>

#include "zs-fz.h"
#include "zs-fz-book.h"

typedef JsonNode *(*Handler) (ZsCommandInvocation *command, ZsStore *store, GError **error);

typedef struct
{
  Handler             handler;
  const char * const *columns;   /* for a list; NULL prints members */
} FzCommand;

static const char * const partner_columns[] = { "id", "name", "region_code", "paired_with", "contacts", NULL };
static const char * const zone_columns[] = { "id", "name", "host_county", "park", "partner", "operator", "area_mu",
                                             "status", "opened", NULL };
static const char * const agreement_columns[] = { "id", "zone", "valid_from", "valid_to", "tax_partner", "tax_host",
                                                  "output_partner", "output_host", NULL };
static const char * const ledger_columns[] = { "zone_id", "zone", "firm_id", "firm", "year", "park", "days", "tax",
                                               "output", "tax_partner", "tax_host", "output_partner",
                                               "output_host", NULL };
static const char * const balance_columns[] = { "zone_id", "zone", "partner", "due_partner", "settled",
                                                "shortfall", "flag", NULL };
static const char * const report_columns[] = { "side", "code", "name", "tax", "output", NULL };

static gboolean
usage (GError     **error,
       const char  *format,
       ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage (GError     **error,
       const char  *format,
       ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, format, args));
  va_end (args);
  return FALSE;
}

/* Every option named, up to NULL, was given. */
G_GNUC_NULL_TERMINATED static gboolean
require (ZsCommandInvocation  *command,
         GError              **error,
         ...)
{
  va_list names;
  gboolean given = TRUE;

  va_start (names, error);
  for (const char *name = va_arg (names, const char *); given && name != NULL; name = va_arg (names, const char *))
    if (!zs_command_invocation_has_option (command, name))
      given = usage (error, _("--%s is required"), name);
  va_end (names);
  return given;
}

static gboolean
option_id (ZsCommandInvocation  *command,
           const char           *name,
           gint64               *id,
           GError              **error)
{
  *id = zs_command_invocation_get_int (command, name, 0);
  if (!zs_command_invocation_has_option (command, name) || *id > 0)
    return TRUE;
  return usage (error, _("--%s: “%" PRId64 "” is not an id"), name, *id);
}

/* A firm by id or by USCC; @what names the argument or option. */
static gint64
find_firm (ZsStore     *store,
           const char  *text,
           const char  *what,
           GError     **error)
{
  g_autoptr(ZsFirm) firm = NULL;
  gint64 id = 0;

  if (text != NULL && g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    firm = zs_store_get_firm (store, id, NULL);
  else if (text != NULL)
    firm = zs_store_find_firm_by_uscc (store, text, NULL);
  if (firm != NULL)
    return zs_firm_get_id (firm);
  g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("%s: there is no firm “%s” (give an id or a USCC)"), what,
               text ? text : "");
  return 0;
}

static JsonNode *
record_node (ZsRecord *record)
{
  return zs_record_to_json (G_OBJECT (record));
}

static JsonNode *
list_node (GPtrArray *records)
{
  JsonArray *array;

  if (records == NULL)
    return NULL;
  array = json_array_sized_new (records->len);
  for (guint i = 0; i < records->len; i++)
    json_array_add_element (array, zs_record_to_json (records->pdata[i]));
  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
create (ZsStore   *store,
        ZsRecord  *record,
        GError   **error)
{
  return zs_store_create_record (store, G_OBJECT (record), error) > 0 ? record_node (record) : NULL;
}

static JsonNode *
run_partner_add (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  g_autoptr(ZsRecord) partner = NULL;

  if (!require (command, error, "name", "region", NULL))
    return NULL;
  partner = zs_fz_new_record (store, ZS_FZ_PARTNER);
  zs_record_set_string (partner, "name", zs_command_invocation_get_string (command, "name"));
  zs_record_set_string (partner, "region_code", zs_command_invocation_get_string (command, "region"));
  zs_record_set_string (partner, "paired_with", zs_command_invocation_get_string (command, "paired-with"));
  zs_record_set_string (partner, "contacts", zs_command_invocation_get_string (command, "contacts"));
  return create (store, partner, error);
}

static JsonNode *
run_partners (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  g_autoptr(GPtrArray) partners = zs_fz_list (store, ZS_FZ_PARTNER, NULL, 0, error);

  return list_node (partners);
}

static JsonNode *
run_zone_add (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  g_autoptr(ZsRecord) zone = NULL;
  const char *operator_text = zs_command_invocation_get_string (command, "operator");
  gint64 partner, operator_id = 0;

  if (!require (command, error, "name", "partner", "host-county", NULL) ||
      !option_id (command, "partner", &partner, error))
    return NULL;
  if (operator_text != NULL && (operator_id = find_firm (store, operator_text, "--operator", error)) == 0)
    return NULL;
  if (!zs_fz_get_exists (store, ZS_FZ_PARTNER, partner, "--partner", error))
    return NULL;
  zone = zs_fz_new_record (store, ZS_FZ_ZONE);
  zs_record_set_string (zone, "name", zs_command_invocation_get_string (command, "name"));
  zs_record_set_int64 (zone, "partner", partner);
  zs_record_set_string (zone, "host_county", zs_command_invocation_get_string (command, "host-county"));
  zs_record_set_string (zone, "park", zs_command_invocation_get_string (command, "park"));
  zs_record_set_int64 (zone, "operator", operator_id);
  if (zs_command_invocation_has_option (command, "area"))
    zs_record_set_double (zone, "area_mu", zs_command_invocation_get_double (command, "area", 0));
  if (zs_command_invocation_has_option (command, "opened"))
    zs_record_set_string (zone, "opened", zs_command_invocation_get_string (command, "opened"));
  return create (store, zone, error);
}

static JsonNode *
run_zones (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  g_autoptr(GPtrArray) zones = zs_fz_list (store, ZS_FZ_ZONE, NULL, 0, error);

  return list_node (zones);
}

static JsonNode *
run_agreement_add (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  static const char * const shares[][2] = {
    { "tax-partner", "tax_partner" }, { "tax-host", "tax_host" },
    { "output-partner", "output_partner" }, { "output-host", "output_host" },
  };
  g_autoptr(ZsRecord) agreement = NULL;
  gint64 zone;

  if (!require (command, error, "zone", "from", "to", "tax-partner", "tax-host", "output-partner", "output-host",
                NULL) ||
      !option_id (command, "zone", &zone, error) || !zs_fz_get_exists (store, ZS_FZ_ZONE, zone, "--zone", error))
    return NULL;
  agreement = zs_fz_new_record (store, ZS_FZ_AGREEMENT);
  zs_record_set_int64 (agreement, "zone", zone);
  zs_record_set_string (agreement, "valid_from", zs_command_invocation_get_string (command, "from"));
  zs_record_set_string (agreement, "valid_to", zs_command_invocation_get_string (command, "to"));
  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    zs_record_set_double (agreement, shares[i][1], zs_command_invocation_get_double (command, shares[i][0], 0));
  zs_record_set_string (agreement, "notes", zs_command_invocation_get_string (command, "notes"));
  return create (store, agreement, error);
}

static JsonNode *
run_agreements (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  g_autoptr(GPtrArray) agreements = NULL;
  gint64 zone;

  if (!option_id (command, "zone", &zone, error))
    return NULL;
  agreements = zs_fz_list (store, ZS_FZ_AGREEMENT, zone > 0 ? "zone" : NULL, zone, error);
  return list_node (agreements);
}

static JsonNode *
run_place (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  const char *firm_text = zs_command_invocation_get_arguments (command)[0];
  g_autoptr(ZsRecord) placement = NULL;
  gint64 zone, project, firm;

  if (!require (command, error, "zone", "from", NULL) || !option_id (command, "zone", &zone, error) ||
      !option_id (command, "project", &project, error) ||
      !(firm = find_firm (store, firm_text, "FIRM", error)) ||
      !zs_fz_get_exists (store, ZS_FZ_ZONE, zone, "--zone", error))
    return NULL;
  placement = zs_fz_new_record (store, ZS_FZ_PLACEMENT);
  zs_record_set_int64 (placement, "zone", zone);
  zs_record_set_int64 (placement, "firm", firm);
  zs_record_set_int64 (placement, "project", project);
  zs_record_set_string (placement, "valid_from", zs_command_invocation_get_string (command, "from"));
  zs_record_set_string (placement, "valid_to", zs_command_invocation_get_string (command, "to"));
  return create (store, placement, error);
}

/* One record per firm and year: a second call corrects the first. */
static JsonNode *
run_realised (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  const char *firm_text = zs_command_invocation_get_arguments (command)[0];
  g_autoptr(GPtrArray) known = NULL;
  g_autoptr(ZsRecord) record = NULL;
  gint64 firm, year = zs_command_invocation_get_int (command, "year", 0);

  if (!require (command, error, "year", "tax", "output", NULL) ||
      !(firm = find_firm (store, firm_text, "FIRM", error)) ||
      !(known = zs_fz_list (store, ZS_FZ_REALISED, "firm", firm, error)))
    return NULL;
  for (guint i = 0; i < known->len && record == NULL; i++)
    if (zs_record_get_int64 (known->pdata[i], "year") == year)
      record = g_object_ref (known->pdata[i]);
  if (record == NULL)
    {
      record = zs_fz_new_record (store, ZS_FZ_REALISED);
      zs_record_set_int64 (record, "firm", firm);
      zs_record_set_int64 (record, "year", year);
    }
  zs_record_set_double (record, "tax", zs_command_invocation_get_double (command, "tax", 0));
  zs_record_set_double (record, "output", zs_command_invocation_get_double (command, "output", 0));
  if (zs_record_get_id (record) > 0)
    return zs_store_update_record (store, G_OBJECT (record), error) ? record_node (record) : NULL;
  return create (store, record, error);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static JsonNode *
run_settle (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  g_autoptr(ZsRecord) settlement = NULL;
  g_autofree char *date = NULL;
  gint64 zone;

  if (!require (command, error, "zone", "year", "amount", NULL) || !option_id (command, "zone", &zone, error) ||
      !zs_fz_get_exists (store, ZS_FZ_ZONE, zone, "--zone", error))
    return NULL;
  date = g_strdup (zs_command_invocation_get_string (command, "date"));
  settlement = zs_fz_new_record (store, ZS_FZ_SETTLEMENT);
  zs_record_set_int64 (settlement, "zone", zone);
  zs_record_set_int64 (settlement, "year", zs_command_invocation_get_int (command, "year", 0));
  zs_record_set_double (settlement, "amount", zs_command_invocation_get_double (command, "amount", 0));
  zs_record_set_string (settlement, "date", date ? date : (date = today ()));
  return create (store, settlement, error);
}

static gboolean
write_csv (ZsCommandInvocation  *command,
           JsonArray            *rows,
           const char * const   *columns,
           GError              **error)
{
  const char *path = zs_command_invocation_get_string (command, "csv");

  return path == NULL || zs_fz_write_rows (rows, columns, path, error);
}

static int
year_of (ZsCommandInvocation *command)
{
  return (int) CLAMP (zs_command_invocation_get_int (command, "year", 0), G_MININT, G_MAXINT);
}

static JsonNode *
run_ledger (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  g_autoptr(JsonNode) ledger = NULL;
  gint64 zone;

  if (!require (command, error, "year", NULL) || !option_id (command, "zone", &zone, error) ||
      !(ledger = zs_fz_ledger_to_json (store, year_of (command), zone, error)) ||
      !write_csv (command, json_object_get_array_member (json_node_get_object (ledger), "rows"), ledger_columns,
                  error))
    return NULL;
  return g_steal_pointer (&ledger);
}

static JsonNode *
run_report (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  g_autoptr(JsonNode) report = NULL;
  JsonObject *object;
  g_autoptr(JsonArray) rows = NULL;

  if (!require (command, error, "year", "by", NULL) ||
      !(report = zs_fz_report_to_json (store, year_of (command), zs_command_invocation_get_string (command, "by"),
                                       error)))
    return NULL;
  object = json_node_get_object (report);
  /* the file ends with the total, as a row */
  rows = json_array_ref (json_object_get_array_member (object, "rows"));
  if (zs_command_invocation_get_string (command, "csv") != NULL)
    {
      g_autoptr(JsonArray) with_total = json_array_new ();
      JsonObject *sums = json_object_get_object_member (object, "total");
      JsonObject *total = json_object_new ();

      for (guint i = 0; i < json_array_get_length (rows); i++)
        json_array_add_element (with_total, json_node_copy (json_array_get_element (rows, i)));
      json_object_set_string_member (total, "side", "total");
      json_object_set_member (total, "tax", json_node_copy (json_object_get_member (sums, "tax")));
      json_object_set_member (total, "output", json_node_copy (json_object_get_member (sums, "output")));
      json_array_add_object_element (with_total, total);
      if (!write_csv (command, with_total, report_columns, error))
        return NULL;
    }
  return g_steal_pointer (&report);
}

static void
append_value (GString  *text,
              JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    g_string_append (text, "-");
  else if (json_node_get_value_type (value) == G_TYPE_STRING)
    g_string_append (text, json_node_get_string (value));
  else
    {
      g_autofree char *json = json_to_string (value, FALSE);

      g_string_append (text, json);
    }
}

/* A record just written: one line per member. */
static char *
render_members (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);
  GString *text = g_string_new (NULL);

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_string_append_printf (text, "%s: ", (char *) l->data);
      append_value (text, json_object_get_member (object, l->data));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* Amounts in the tables as 万元 to the yuan, without float noise. */
static JsonArray *
table_rows (JsonArray *rows)
{
  JsonArray *table = json_array_new ();

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonObject *copy = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (row);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (row, l->data);

          if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_DOUBLE)
            {
              g_autofree char *amount = zs_fz_money_format ((gint64) llround (json_node_get_double (value) *
                                                                              ZS_FZ_YUAN_PER_WAN));

              json_object_set_string_member (copy, l->data, amount);
            }
          else
            json_object_set_member (copy, l->data, json_node_copy (value));
        }
      json_array_add_object_element (table, copy);
    }
  return table;
}

static char *
render_table (JsonArray          *rows,
              const char * const *columns)
{
  g_autoptr(JsonArray) table = table_rows (rows);

  return zs_command_format_table (table, columns);
}

static char *
render_total (JsonObject *total)
{
  g_autoptr(JsonArray) rows = json_array_new ();
  g_autoptr(JsonArray) table = NULL;
  g_autoptr(GList) members = json_object_get_members (total);
  g_autoptr(GString) text = g_string_new (_("Total:"));

  json_array_add_object_element (rows, json_object_ref (total));
  table = table_rows (rows);
  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (text, " %s %s", (char *) l->data,
                            json_object_get_string_member (json_array_get_object_element (table, 0), l->data));
  g_string_append_c (text, '\n');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
render_ledger (JsonObject *ledger)
{
  g_autofree char *rows = render_table (json_object_get_array_member (ledger, "rows"), ledger_columns);
  g_autofree char *zones = render_table (json_object_get_array_member (ledger, "zones"), balance_columns);
  g_autofree char *total = render_total (json_object_get_object_member (ledger, "total"));

  return g_strdup_printf ("%s\n%s\n%s", rows, zones, total);
}

static char *
render_report (JsonObject *report)
{
  g_autofree char *rows = render_table (json_object_get_array_member (report, "rows"), report_columns);
  g_autofree char *total = render_total (json_object_get_object_member (report, "total"));

  return g_strdup_printf ("%s%s", rows, total);
}

static gboolean
run_command (ZsCommandInvocation  *command,
             gpointer              user_data,
             GError              **error)
{
  const FzCommand *fz_command = user_data;
  ZsStore *store = zs_plugin_context_get_store (zs_command_invocation_get_context (command));
  g_autoptr(JsonNode) result = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;

  if (!zs_fz_ensure_types (store, error) || !(result = fz_command->handler (command, store, error)))
    return FALSE;
  if (zs_command_invocation_get_json (command))
    {
      zs_command_invocation_print_json (command, result);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_ARRAY (result))
    {
      g_autoptr(JsonArray) rows = table_rows (json_node_get_array (result));

      zs_command_invocation_print_rows (command, rows, fz_command->columns);
      return TRUE;
    }
  object = json_node_get_object (result);
  if (fz_command->handler == run_ledger)
    text = render_ledger (object);
  else if (fz_command->handler == run_report)
    text = render_report (object);
  else
    text = render_members (object);
  zs_command_invocation_print_text (command, text);
  return TRUE;
}

typedef struct
{
  const char   *name;
  ZsOptionType  type;
  const char   *arg_description;
  const char   *description;
} FzOption;

static const FzOption options[] = {
  { "name", ZS_OPTION_STRING, "NAME", N_("Name") },
  { "region", ZS_OPTION_STRING, "CODE", N_("GB/T 2260 region code of the partner province or city") },
  { "paired-with", ZS_OPTION_STRING, "CODE", N_("The county (region code) or park (park code) it is paired with") },
  { "contacts", ZS_OPTION_STRING, "TEXT", N_("Contact people") },
  { "partner", ZS_OPTION_INT, "ID", N_("The partner (援疆省市) running the zone") },
  { "host-county", ZS_OPTION_STRING, "CODE", N_("Region code of the host county, one of 两霍两伊") },
  { "park", ZS_OPTION_STRING, "CODE", N_("Park code") },
  { "area", ZS_OPTION_DOUBLE, "MU", N_("Area in mu") },
  { "operator", ZS_OPTION_STRING, "FIRM", N_("Operating company (firm id or USCC)") },
  { "opened", ZS_OPTION_DATE, "DATE", N_("Opening day") },
  { "zone", ZS_OPTION_INT, "ID", N_("Flying zone") },
  { "from", ZS_OPTION_DATE, "DATE", N_("First day") },
  { "to", ZS_OPTION_DATE, "DATE", N_("Last day") },
  { "tax-partner", ZS_OPTION_DOUBLE, "PCT", N_("Partner's share of local tax revenue, percent") },
  { "tax-host", ZS_OPTION_DOUBLE, "PCT", N_("Host's share of local tax revenue, percent") },
  { "output-partner", ZS_OPTION_DOUBLE, "PCT", N_("Partner's share of output value, percent") },
  { "output-host", ZS_OPTION_DOUBLE, "PCT", N_("Host's share of output value, percent") },
  { "notes", ZS_OPTION_STRING, "TEXT", N_("Notes") },
  { "project", ZS_OPTION_INT, "ID", N_("The firm's project placed in the zone") },
  { "year", ZS_OPTION_INT, "YEAR", N_("Year") },
  { "tax", ZS_OPTION_DOUBLE, "AMOUNT", N_("Local tax revenue paid in the year, 万元") },
  { "output", ZS_OPTION_DOUBLE, "AMOUNT", N_("Output value in the year, 万元") },
  { "amount", ZS_OPTION_DOUBLE, "AMOUNT", N_("Amount transferred to the partner, 万元") },
  { "date", ZS_OPTION_DATE, "DATE", N_("Day of the transfer (default today)") },
  { "csv", ZS_OPTION_STRING, "FILE", N_("Also write the rows to FILE (.csv or .xlsx)") },
  { "by", ZS_OPTION_STRING, "park|partner", N_("Attribute by park of record or by partner") },
};

/* Adds NAME PARAMETERS with the options named after @summary, up to NULL. */
G_GNUC_NULL_TERMINATED static void
add_command (ZsCommandKit    *kit,
             const char      *name,
             const char      *parameters,
             const FzCommand *fz_command,
             const char      *summary,
             ...)
{
  g_autoptr(ZsCommand) command = zs_command_new (name, parameters, _(summary));
  va_list names;

  va_start (names, summary);
  for (const char *option = va_arg (names, const char *); option != NULL; option = va_arg (names, const char *))
    for (guint i = 0; i < G_N_ELEMENTS (options); i++)
      if (g_str_equal (options[i].name, option))
        zs_command_add_option (command, option, options[i].type, options[i].arg_description,
                               _(options[i].description));
  va_end (names);
  zs_command_set_handler (command, run_command, (gpointer) fz_command, NULL);
  zs_command_kit_add (kit, command);
}

/**
 * zs_fz_cli_create_kit:
 *
 * Returns: (transfer full): the subverbs of `flying-zone`
 */
ZsCommandKit *
zs_fz_cli_create_kit (void)
{
  static const FzCommand partner_add = { run_partner_add, NULL };
  static const FzCommand partners = { run_partners, partner_columns };
  static const FzCommand zone_add = { run_zone_add, NULL };
  static const FzCommand zones = { run_zones, zone_columns };
  static const FzCommand agreement_add = { run_agreement_add, NULL };
  static const FzCommand agreements = { run_agreements, agreement_columns };
  static const FzCommand place = { run_place, NULL };
  static const FzCommand realised = { run_realised, NULL };
  static const FzCommand settle = { run_settle, NULL };
  static const FzCommand ledger = { run_ledger, NULL };
  static const FzCommand report = { run_report, NULL };
  ZsCommandKit *kit = zs_command_kit_new ();

  add_command (kit, "flying-zone partner add", NULL, &partner_add, N_("Add a counterpart-aid partner (援疆省市)"),
               "name", "region", "paired-with", "contacts", NULL);
  add_command (kit, "flying-zone partners", NULL, &partners, N_("The partners"), NULL);
  add_command (kit, "flying-zone zone add", NULL, &zone_add, N_("Add a flying zone (飞地园区) in 两霍两伊"),
               "name", "partner", "host-county", "park", "area", "operator", "opened", NULL);
  add_command (kit, "flying-zone zones", NULL, &zones, N_("The flying zones"), NULL);
  add_command (kit, "flying-zone agreement add", NULL, &agreement_add,
               N_("Add a benefit-sharing agreement (利益分享机制) of a zone"),
               "zone", "from", "to", "tax-partner", "tax-host", "output-partner", "output-host", "notes", NULL);
  add_command (kit, "flying-zone agreements", NULL, &agreements, N_("The agreements, of one zone or all"),
               "zone", NULL);
  add_command (kit, "flying-zone place", "FIRM", &place, N_("Place a firm (and its project) in a zone"),
               "zone", "from", "to", "project", NULL);
  add_command (kit, "flying-zone realised", "FIRM", &realised,
               N_("Record a firm's tax and output value of a year, 万元"), "year", "tax", "output", NULL);
  add_command (kit, "flying-zone settle", NULL, &settle, N_("Record an amount transferred to a zone's partner"),
               "zone", "year", "amount", "date", NULL);
  add_command (kit, "flying-zone ledger", NULL, &ledger,
               N_("What each side is owed in a year, per firm and per zone, and what was settled"),
               "year", "zone", "csv", NULL);
  add_command (kit, "flying-zone report", NULL, &report,
               N_("A year's figures by park of record or by partner; both add up to the same total"),
               "year", "by", "csv", NULL);
  return kit;
}
