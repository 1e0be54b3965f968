/* zs-fz-accounts.c: the ledger and the attribution report of a year, read
 * from the store
 *
 * The arithmetic is ZsFzLedger's; this file feeds it the records and
 * writes its answers as JSON, amounts in 万元.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "zs-fz.h"

static gboolean
check_year (int      year,
            GError **error)
{
  if (year >= 2000 && year <= 2100)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("year: %d is not a year from 2000 to 2100"), year);
  return FALSE;
}

/* The park of record: the project's park when the placement names a
 * project that has one, else the zone's. */
static char *
park_of_record (ZsStore  *store,
                ZsRecord *zone,
                ZsRecord *placement)
{
  gint64 project_id = zs_record_get_int64 (placement, "project");
  g_autoptr(ZsProject) project = project_id > 0 ? zs_store_get_project (store, project_id, NULL) : NULL;
  const char *park = project ? zs_project_get_park_code (project) : NULL;

  if (park == NULL || park[0] == '\0')
    park = zs_record_get_string (zone, "park");
  return g_strdup (park ? park : "");
}

static gboolean
add_agreements (ZsFzLedger  *ledger,
                ZsStore     *store,
                ZsRecord    *zone,
                GError     **error)
{
  g_autoptr(GPtrArray) agreements = zs_fz_list (store, ZS_FZ_AGREEMENT, "zone", zs_record_get_id (zone), error);

  if (agreements == NULL)
    return FALSE;
  for (guint i = 0; i < agreements->len; i++)
    {
      ZsRecord *agreement = agreements->pdata[i];
      int tax, output;
      GDate from, to;

      if (!zs_fz_parse_date (zs_record_get_string (agreement, "valid_from"), "valid_from", &from, error) ||
          !zs_fz_parse_date (zs_record_get_string (agreement, "valid_to"), "valid_to", &to, error) ||
          !zs_fz_share_from_percent (zs_record_get_double (agreement, "tax_partner"), "tax_partner", &tax, error) ||
          !zs_fz_share_from_percent (zs_record_get_double (agreement, "output_partner"), "output_partner", &output,
                                     error) ||
          !zs_fz_ledger_add_agreement (ledger, zs_record_get_id (zone), &from, &to, tax, output, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_placements (ZsFzLedger  *ledger,
                ZsStore     *store,
                ZsRecord    *zone,
                GError     **error)
{
  g_autoptr(GPtrArray) placements = zs_fz_list (store, ZS_FZ_PLACEMENT, "zone", zs_record_get_id (zone), error);

  if (placements == NULL)
    return FALSE;
  for (guint i = 0; i < placements->len; i++)
    {
      ZsRecord *placement = placements->pdata[i];
      const char *end = zs_record_get_string (placement, "valid_to");
      g_autofree char *park = park_of_record (store, zone, placement);
      GDate from, to;

      if (!zs_fz_parse_date (zs_record_get_string (placement, "valid_from"), "valid_from", &from, error) ||
          (end != NULL && end[0] != '\0' && !zs_fz_parse_date (end, "valid_to", &to, error)) ||
          !zs_fz_ledger_add_placement (ledger, zs_record_get_id (zone), zs_record_get_int64 (placement, "firm"),
                                       &from, end != NULL && end[0] != '\0' ? &to : NULL, park, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_year_figures (ZsFzLedger  *ledger,
                  ZsStore     *store,
                  GError     **error)
{
  int year = zs_fz_ledger_get_year (ledger);
  g_autoptr(GPtrArray) realised = zs_fz_list (store, ZS_FZ_REALISED, "year", year, error);
  g_autoptr(GPtrArray) settlements = NULL;

  if (realised == NULL || !(settlements = zs_fz_list (store, ZS_FZ_SETTLEMENT, "year", year, error)))
    return FALSE;
  for (guint i = 0; i < realised->len; i++)
    {
      ZsRecord *record = realised->pdata[i];
      gint64 tax, output;

      if (!zs_fz_money_from_wan (zs_record_get_double (record, "tax"), "tax", &tax, error) ||
          !zs_fz_money_from_wan (zs_record_get_double (record, "output"), "output", &output, error) ||
          !zs_fz_ledger_set_realised (ledger, zs_record_get_int64 (record, "firm"), tax, output, error))
        return FALSE;
    }
  for (guint i = 0; i < settlements->len; i++)
    {
      ZsRecord *record = settlements->pdata[i];
      g_autoptr(GError) unknown = NULL;
      gint64 amount;

      if (!zs_fz_money_from_wan (zs_record_get_double (record, "amount"), "amount", &amount, error))
        return FALSE;
      /* a zone left out of the ledger (--zone) */
      if (!zs_fz_ledger_add_settlement (ledger, zs_record_get_int64 (record, "zone"), amount, &unknown) &&
          !g_error_matches (unknown, ZS_ERROR, ZS_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&unknown));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * zs_fz_load_ledger:
 * @zone_id: only this zone, or 0 for all
 *
 * Returns: (transfer full): the ledger of @year, or %NULL with @error set
 */
ZsFzLedger *
zs_fz_load_ledger (ZsStore     *store,
                   int          year,
                   gint64       zone_id,
                   GError     **error)
{
  g_autoptr(ZsFzLedger) ledger = NULL;
  g_autoptr(GPtrArray) zones = NULL;

  if (!check_year (year, error) || !zs_fz_ensure_types (store, error))
    return NULL;
  if (zone_id > 0)
    {
      ZsRecord *zone = zs_fz_get (store, ZS_FZ_ZONE, zone_id, "zone", error);

      if (zone == NULL)
        return NULL;
      zones = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (zones, zone);
    }
  else if (!(zones = zs_fz_list (store, ZS_FZ_ZONE, NULL, 0, error)))
    return NULL;
  ledger = zs_fz_ledger_new (year);
  for (guint i = 0; i < zones->len; i++)
    {
      ZsRecord *zone = zones->pdata[i];

      zs_fz_ledger_add_zone (ledger, zs_record_get_id (zone), zs_record_get_int64 (zone, "partner"),
                             zs_record_get_string (zone, "host_county"));
      if (!add_agreements (ledger, store, zone, error) || !add_placements (ledger, store, zone, error))
        return NULL;
    }
  return add_year_figures (ledger, store, error) ? g_steal_pointer (&ledger) : NULL;
}

/* Names by id, read once per answer. */
typedef struct
{
  ZsStore    *store;
  GHashTable *names;   /* "type:id" → name */
} Names;

static const char *
name_of (Names      *names,
         const char *type_name,
         gint64      id)
{
  g_autofree char *key = g_strdup_printf ("%s:%" PRId64, type_name, id);
  char *name = g_hash_table_lookup (names->names, key);

  if (name != NULL)
    return name;
  if (g_str_equal (type_name, "firm"))
    {
      g_autoptr(ZsFirm) firm = zs_store_get_firm (names->store, id, NULL);

      name = g_strdup (firm ? zs_firm_get_name (firm) : "");
    }
  else
    {
      g_autoptr(GObject) record = zs_store_get_record (names->store, type_name, id, NULL);

      name = g_strdup (record ? zs_record_get_string (ZS_RECORD (record), "name") : "");
    }
  g_hash_table_insert (names->names, g_steal_pointer (&key), name);
  return name;
}

static const char *
park_name (Names      *names,
           const char *code)
{
  g_autofree char *key = g_strdup_printf ("park:%s", code);
  char *name = g_hash_table_lookup (names->names, key);
  g_autoptr(GPtrArray) parks = NULL;

  if (name != NULL)
    return name;
  parks = zs_store_list_parks (names->store, NULL);
  for (guint i = 0; parks != NULL && i < parks->len && name == NULL; i++)
    if (g_strcmp0 (zs_park_get_code (parks->pdata[i]), code) == 0)
      name = g_strdup (zs_park_get_name (parks->pdata[i]));
  if (name == NULL)
    name = g_strdup (code[0] != '\0' ? code : _("No park"));
  g_hash_table_insert (names->names, g_steal_pointer (&key), name);
  return name;
}

static const char *
county_name (Names      *names,
             const char *code)
{
  g_autofree char *key = g_strdup_printf ("region:%s", code);
  char *name = g_hash_table_lookup (names->names, key);

  if (name == NULL)
    {
      name = zs_fz_region_name (names->store, code);
      g_hash_table_insert (names->names, g_steal_pointer (&key), name);
    }
  return name;
}

static void
set_money (JsonObject *object,
           const char *member,
           gint64      yuan)
{
  json_object_set_double_member (object, member, zs_fz_money_to_wan (yuan));
}

static JsonObject *
row_object (Names               *names,
            int                  year,
            const ZsFzLedgerRow *row)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "zone_id", row->zone_id);
  json_object_set_string_member (object, "zone", name_of (names, ZS_FZ_ZONE, row->zone_id));
  json_object_set_int_member (object, "firm_id", row->firm_id);
  json_object_set_string_member (object, "firm", name_of (names, "firm", row->firm_id));
  json_object_set_int_member (object, "year", year);
  json_object_set_string_member (object, "park", row->park);
  json_object_set_string_member (object, "park_name", park_name (names, row->park));
  json_object_set_int_member (object, "days", row->days);
  set_money (object, "tax", row->tax);
  set_money (object, "output", row->output);
  set_money (object, "tax_partner", row->tax_partner);
  set_money (object, "tax_host", row->tax_host);
  set_money (object, "output_partner", row->output_partner);
  set_money (object, "output_host", row->output_host);
  return object;
}

static JsonObject *
balance_object (Names                 *names,
                int                    year,
                const ZsFzZoneBalance *balance)
{
  JsonObject *object = json_object_new ();
  g_autoptr(GObject) zone = zs_store_get_record (names->store, ZS_FZ_ZONE, balance->zone_id, NULL);
  gint64 partner = zone ? zs_record_get_int64 (ZS_RECORD (zone), "partner") : 0;

  json_object_set_int_member (object, "zone_id", balance->zone_id);
  json_object_set_string_member (object, "zone", name_of (names, ZS_FZ_ZONE, balance->zone_id));
  json_object_set_int_member (object, "partner_id", partner);
  json_object_set_string_member (object, "partner", name_of (names, ZS_FZ_PARTNER, partner));
  json_object_set_int_member (object, "year", year);
  set_money (object, "due_partner", balance->due_partner);
  set_money (object, "settled", balance->settled);
  set_money (object, "shortfall", balance->shortfall);
  set_money (object, "excess", balance->excess);
  json_object_set_string_member (object, "flag", zs_fz_flag_to_string (balance->flag));
  return object;
}

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->names, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Names, names_clear)

static void
names_init (Names   *names,
            ZsStore *store)
{
  names->store = store;
  names->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * zs_fz_ledger_to_json:
 * @zone_id: only this zone, or 0 for all
 *
 * Returns: (transfer full): `{year, rows, zones, total}`: a row per firm
 *   and zone, a balance per zone, the sums; amounts in 万元
 */
JsonNode *
zs_fz_ledger_to_json (ZsStore     *store,
                      int          year,
                      gint64       zone_id,
                      GError     **error)
{
  g_autoptr(ZsFzLedger) ledger = zs_fz_load_ledger (store, year, zone_id, error);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) balances = NULL;
  g_auto(Names) names = { 0 };
  JsonObject *result, *total;
  JsonArray *row_array, *zone_array;
  gint64 sums[5] = { 0 };

  if (ledger == NULL)
    return NULL;
  names_init (&names, store);
  rows = zs_fz_ledger_get_rows (ledger);
  balances = zs_fz_ledger_get_balances (ledger);
  row_array = json_array_sized_new (rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const ZsFzLedgerRow *row = &g_array_index (rows, ZsFzLedgerRow, i);

      json_array_add_object_element (row_array, row_object (&names, year, row));
      sums[0] += row->tax;
      sums[1] += row->output;
    }
  zone_array = json_array_sized_new (balances->len);
  for (guint i = 0; i < balances->len; i++)
    {
      const ZsFzZoneBalance *balance = &g_array_index (balances, ZsFzZoneBalance, i);

      json_array_add_object_element (zone_array, balance_object (&names, year, balance));
      sums[2] += balance->due_partner;
      sums[3] += balance->settled;
      sums[4] += balance->shortfall;
    }
  total = json_object_new ();
  set_money (total, "tax", sums[0]);
  set_money (total, "output", sums[1]);
  set_money (total, "due_partner", sums[2]);
  set_money (total, "settled", sums[3]);
  set_money (total, "shortfall", sums[4]);
  result = json_object_new ();
  json_object_set_int_member (result, "year", year);
  json_object_set_array_member (result, "rows", row_array);
  json_object_set_array_member (result, "zones", zone_array);
  json_object_set_object_member (result, "total", total);
  return json_node_init_object (json_node_alloc (), result);
}

static JsonObject *
report_object (Names               *names,
               const ZsFzReportRow *line,
               gboolean             by_park)
{
  JsonObject *object = json_object_new ();

  if (by_park)
    {
      json_object_set_string_member (object, "side", "park");
      json_object_set_string_member (object, "code", line->key);
      json_object_set_string_member (object, "name", park_name (names, line->key));
    }
  else if (line->host)
    {
      json_object_set_string_member (object, "side", "host");
      json_object_set_string_member (object, "code", line->key);
      json_object_set_string_member (object, "name", county_name (names, line->key));
    }
  else
    {
      gint64 partner = g_ascii_strtoll (line->key, NULL, 10);

      json_object_set_string_member (object, "side", "partner");
      json_object_set_string_member (object, "code", line->key);
      json_object_set_string_member (object, "name", name_of (names, ZS_FZ_PARTNER, partner));
    }
  set_money (object, "tax", line->tax);
  set_money (object, "output", line->output);
  return object;
}

/**
 * zs_fz_report_to_json:
 * @by: "park" or "partner"
 *
 * Returns: (transfer full): `{year, by, rows, total}`: the year's figures
 *   counted in the zones per park of record, or split between each
 *   partner and each host county; both add up to the same total
 */
JsonNode *
zs_fz_report_to_json (ZsStore     *store,
                      int          year,
                      const char  *by,
                      GError     **error)
{
  gboolean by_park = g_strcmp0 (by, "park") == 0;
  g_autoptr(ZsFzLedger) ledger = NULL;
  g_autoptr(GArray) lines = NULL;
  g_auto(Names) names = { 0 };
  JsonObject *result, *total;
  JsonArray *rows;
  gint64 tax = 0, output = 0;

  if (!by_park && g_strcmp0 (by, "partner") != 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--by: “%s” is not park or partner"),
                   by ? by : "");
      return NULL;
    }
  if (!(ledger = zs_fz_load_ledger (store, year, 0, error)))
    return NULL;
  names_init (&names, store);
  lines = by_park ? zs_fz_ledger_report_by_park (ledger) : zs_fz_ledger_report_by_partner (ledger);
  rows = json_array_sized_new (lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      const ZsFzReportRow *line = &g_array_index (lines, ZsFzReportRow, i);

      json_array_add_object_element (rows, report_object (&names, line, by_park));
      tax += line->tax;
      output += line->output;
    }
  total = json_object_new ();
  set_money (total, "tax", tax);
  set_money (total, "output", output);
  result = json_object_new ();
  json_object_set_int_member (result, "year", year);
  json_object_set_string_member (result, "by", by_park ? "park" : "partner");
  json_object_set_array_member (result, "rows", rows);
  json_object_set_object_member (result, "total", total);
  return json_node_init_object (json_node_alloc (), result);
}
