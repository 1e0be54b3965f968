/* zs-fz-demo.c: a flying zone for the demonstration database
 *
 * 江苏 is the counterpart-aid province of 伊犁州's counties (霍尔果斯 among
 * them). Its zone in 伊宁市 is run by a Suzhou company of the core's demo
 * firms and holds four Jiangsu firms. Dates follow today's year Y: the
 * first agreement runs from Y−2, the second replaces it on 1 July of Y−1
 * with smaller partner shares (so Y−1 is shared pro rata by days); Y−2 was
 * settled in full, Y−1 short, Y not yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include "zs-fz.h"

#define DEMO_PARTNER "江苏省"

static const struct {
  const char *uscc;
  int         from_year;     /* years before Y */
  const char *from_day;      /* MM-DD */
  int         to_year;       /* -1: still there */
  const char *to_day;
  double      tax[3];        /* Y−2, Y−1, Y; 万元 */
  double      output[3];
} demo_firms[] = {
  { "91320600MAWEXHUY3G", 2, "03-01", -1, NULL, { 312.5, 428.75, 236.4 }, { 8600, 11250.5, 6200 } },   /* 南通华拓家纺 */
  { "913205001087592035", 2, "06-15", -1, NULL, { 186.2, 254.1, 140.8 }, { 5120, 7030, 3900 } },     /* 苏州恒通新材料 */
  { "91320500607168950C", 1, "04-01", -1, NULL, { 0, 96.35, 188.6 }, { 0, 4280, 7950.25 } },         /* 苏州星辰芯片封测 */
  { "91320600MA9XXB6B15", 2, "05-20", 1, "09-30", { 74.8, 58.3, 0 }, { 2310, 1795.4, 0 } },          /* 南通泰和精密机械 */
};

static ZsRecord *
create (ZsStore     *store,
        const char  *type_name,
        GError     **error,
        ...) G_GNUC_NULL_TERMINATED;

/* A record from FIELD, TEXT pairs, up to NULL, read as the field's kind. */
static ZsRecord *
create (ZsStore     *store,
        const char  *type_name,
        GError     **error,
        ...)
{
  g_autoptr(ZsRecord) record = zs_fz_new_record (store, type_name);
  ZsRecordType *record_type = zs_record_get_record_type (record);
  va_list fields;
  gboolean ok = TRUE;

  va_start (fields, error);
  for (const char *field = va_arg (fields, const char *); ok && field != NULL; field = va_arg (fields, const char *))
    ok = zs_record_type_set_text (record_type, G_OBJECT (record), field, va_arg (fields, const char *), error);
  va_end (fields);
  if (!ok || zs_store_create_record (store, G_OBJECT (record), error) <= 0)
    return NULL;
  return g_steal_pointer (&record);
}

static char *
id_text (ZsRecord *record)
{
  return g_strdup_printf ("%" PRId64, zs_record_get_id (record));
}

static char *
amount_text (double wan)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (text, sizeof text, "%.4f", wan));
}

static gboolean
add_firm (ZsStore     *store,
          ZsRecord    *zone,
          int          year,
          guint        index,
          GError     **error)
{
  g_autoptr(ZsFirm) firm = zs_store_find_firm_by_uscc (store, demo_firms[index].uscc, NULL);
  g_autofree char *zone_id = id_text (zone);
  g_autofree char *firm_id = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(ZsRecord) placement = NULL;

  /* a demo set without this firm */
  if (firm == NULL)
    return TRUE;
  firm_id = g_strdup_printf ("%" PRId64, zs_firm_get_id (firm));
  from = g_strdup_printf ("%d-%s", year - demo_firms[index].from_year, demo_firms[index].from_day);
  to = demo_firms[index].to_year < 0 ? g_strdup ("")
       : g_strdup_printf ("%d-%s", year - demo_firms[index].to_year, demo_firms[index].to_day);
  if (!(placement = create (store, ZS_FZ_PLACEMENT, error, "zone", zone_id, "firm", firm_id, "valid_from", from,
                            "valid_to", to, NULL)))
    return FALSE;
  for (int back = 2; back >= 0; back--)
    {
      g_autofree char *year_text = g_strdup_printf ("%d", year - back);
      g_autofree char *tax = amount_text (demo_firms[index].tax[2 - back]);
      g_autofree char *output = amount_text (demo_firms[index].output[2 - back]);
      g_autoptr(ZsRecord) realised = NULL;

      if (demo_firms[index].tax[2 - back] == 0 && demo_firms[index].output[2 - back] == 0)
        continue;
      if (!(realised = create (store, ZS_FZ_REALISED, error, "firm", firm_id, "year", year_text, "tax", tax,
                               "output", output, NULL)))
        return FALSE;
    }
  return TRUE;
}

/* Transfers @quarters quarters of what @zone owes for @year, in whole 万元
 * when short. */
static gboolean
settle (ZsStore     *store,
        ZsRecord    *zone,
        int          year,
        int          quarters,
        const char  *date,
        GError     **error)
{
  g_autoptr(ZsFzLedger) ledger = zs_fz_load_ledger (store, year, zs_record_get_id (zone), error);
  g_autoptr(GArray) balances = NULL;
  g_autoptr(ZsRecord) settlement = NULL;
  g_autofree char *zone_id = id_text (zone);
  g_autofree char *year_text = g_strdup_printf ("%d", year);
  g_autofree char *amount = NULL;
  gint64 due;

  if (ledger == NULL)
    return FALSE;
  balances = zs_fz_ledger_get_balances (ledger);
  due = g_array_index (balances, ZsFzZoneBalance, 0).due_partner;
  if (quarters < 4)
    due = due * quarters / 4 / ZS_FZ_YUAN_PER_WAN * ZS_FZ_YUAN_PER_WAN;
  amount = zs_fz_money_format (due);
  settlement = create (store, ZS_FZ_SETTLEMENT, error, "zone", zone_id, "year", year_text, "amount", amount,
                       "date", date, NULL);
  return settlement != NULL;
}

static gboolean
add_zone (ZsStore     *store,
          ZsRecord    *partner,
          int          year,
          GError     **error)
{
  g_autoptr(ZsFirm) operator = zs_store_find_firm_by_uscc (store, "913205004870858935", NULL);
  g_autofree char *operator_id = operator ? g_strdup_printf ("%" PRId64, zs_firm_get_id (operator)) : g_strdup ("");
  g_autofree char *partner_id = id_text (partner);
  g_autofree char *opened = g_strdup_printf ("%d-03-01", year - 2);
  g_autofree char *first_from = g_strdup_printf ("%d-01-01", year - 2);
  g_autofree char *first_to = g_strdup_printf ("%d-06-30", year - 1);
  g_autofree char *second_from = g_strdup_printf ("%d-07-01", year - 1);
  g_autofree char *second_to = g_strdup_printf ("%d-12-31", year + 3);
  g_autofree char *paid_old = g_strdup_printf ("%d-04-15", year - 1);
  g_autofree char *paid_last = g_strdup_printf ("%d-04-20", year);
  g_autoptr(ZsRecord) zone = NULL;
  g_autoptr(ZsRecord) first = NULL;
  g_autoptr(ZsRecord) second = NULL;
  g_autofree char *zone_id = NULL;

  if (!(zone = create (store, ZS_FZ_ZONE, error, "name", "苏伊飞地产业园", "host_county", "654002",
                       "park", "yining-park", "partner", partner_id, "operator", operator_id, "area_mu", "3200",
                       "status", "operating", "opened", opened, NULL)))
    return FALSE;
  zone_id = id_text (zone);
  if (!(first = create (store, ZS_FZ_AGREEMENT, error, "zone", zone_id, "valid_from", first_from,
                        "valid_to", first_to, "tax_partner", "50", "tax_host", "50", "output_partner", "40",
                        "output_host", "60", "notes", "首期协议：税收五五分成", NULL)) ||
      !(second = create (store, ZS_FZ_AGREEMENT, error, "zone", zone_id, "valid_from", second_from,
                         "valid_to", second_to, "tax_partner", "40", "tax_host", "60", "output_partner", "30",
                         "output_host", "70", "notes", "二期协议：援疆方分成下调", NULL)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_firms); i++)
    if (!add_firm (store, zone, year, i, error))
      return FALSE;
  /* Y−2 settled in full, Y−1 at about three quarters, Y not yet */
  return settle (store, zone, year - 2, 4, paid_old, error) && settle (store, zone, year - 1, 3, paid_last, error);
}

/**
 * zs_fz_load_demo:
 *
 * Adds the demo partner, zone, agreements, placements, figures and
 * settlements, once: nothing when the partner is already there.
 */
gboolean
zs_fz_load_demo (ZsStore  *store,
                 GError  **error)
{
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(ZsRecord) partner = NULL;

  if (!zs_fz_ensure_types (store, error) || !(partners = zs_fz_list (store, ZS_FZ_PARTNER, NULL, 0, error)))
    return FALSE;
  for (guint i = 0; i < partners->len; i++)
    if (g_strcmp0 (zs_record_get_string (partners->pdata[i], "name"), DEMO_PARTNER) == 0)
      return TRUE;
  if (!zs_store_begin (store, error))
    return FALSE;
  if (!(partner = create (store, ZS_FZ_PARTNER, error, "name", DEMO_PARTNER, "region_code", "320000",
                          "paired_with", "654000", "contacts", "江苏省对口支援新疆前方指挥部 经济合作处", NULL)) ||
      !add_zone (store, partner, g_date_time_get_year (now), error) || !zs_store_commit (store, error))
    {
      zs_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
