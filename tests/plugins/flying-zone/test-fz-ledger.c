/* test-fz-ledger.c: the flying-zone ledger's arithmetic, without a store
 *
 * The fixture is 2025 (365 days) in zone 1 (partner 7, host 654004): the
 * first agreement gives the partner 50 % of tax and 40 % of output up to
 * 30 June (181 days), the second 40 % and 30 % from 1 July (184 days).
 * Firm 100 is placed all year, firm 200 from 1 April (91 days under the
 * first agreement, 184 under the second); firm 300 sits in zone 2 (partner
 * 8, host 654023), whose only agreement starts in 2026. Zone 1 settled
 * 100 万元, less than it owes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <zhaoshang.h>

#include "zs-fz-ledger.h"
#include "zs-fz-money.h"

#define WAN 10000   /* yuan */

static void
set_date (GDate      *date,
          const char *text)
{
  g_date_clear (date, 1);
  g_date_set_parse (date, text);
  g_assert_true (g_date_valid (date));
}

static void
agreement (ZsFzLedger *ledger,
           gint64      zone,
           const char *from,
           const char *to,
           gint        tax,
           gint        output)
{
  g_autoptr(GError) error = NULL;
  GDate first, last;

  set_date (&first, from);
  set_date (&last, to);
  g_assert_true (zs_fz_ledger_add_agreement (ledger, zone, &first, &last, tax, output, &error));
  g_assert_no_error (error);
}

static void
place (ZsFzLedger *ledger,
       gint64      zone,
       gint64      firm,
       const char *from,
       const char *to,
       const char *park)
{
  g_autoptr(GError) error = NULL;
  GDate first, last;

  set_date (&first, from);
  if (to != NULL)
    set_date (&last, to);
  g_assert_true (zs_fz_ledger_add_placement (ledger, zone, firm, &first, to ? &last : NULL, park, &error));
  g_assert_no_error (error);
}

static void
realised (ZsFzLedger *ledger,
          gint64      firm,
          gint64      tax,
          gint64      output)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zs_fz_ledger_set_realised (ledger, firm, tax, output, &error));
  g_assert_no_error (error);
}

static ZsFzLedger *
fixture_ledger (void)
{
  ZsFzLedger *ledger = zs_fz_ledger_new (2025);
  g_autoptr(GError) error = NULL;

  zs_fz_ledger_add_zone (ledger, 1, 7, "654004");
  zs_fz_ledger_add_zone (ledger, 2, 8, "654023");
  agreement (ledger, 1, "2024-01-01", "2025-06-30", 5000, 4000);
  agreement (ledger, 1, "2025-07-01", "2029-12-31", 4000, 3000);
  agreement (ledger, 2, "2026-01-01", "2030-12-31", 5000, 5000);
  place (ledger, 1, 100, "2024-03-01", NULL, "yining-park");
  place (ledger, 1, 200, "2025-04-01", NULL, "horgos-port-park");
  place (ledger, 2, 300, "2023-01-01", "2027-12-31", "qingshuihe-park");
  realised (ledger, 100, 365 * WAN, 730 * WAN);
  realised (ledger, 200, 100 * WAN, 200 * WAN);
  realised (ledger, 300, 50 * WAN, 80 * WAN);
  g_assert_true (zs_fz_ledger_add_settlement (ledger, 1, 100 * WAN, &error));
  g_assert_no_error (error);
  return ledger;
}

static const ZsFzLedgerRow *
find_row (GArray *rows,
          gint64  zone,
          gint64  firm)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, ZsFzLedgerRow, i).zone_id == zone && g_array_index (rows, ZsFzLedgerRow, i).firm_id == firm)
      return &g_array_index (rows, ZsFzLedgerRow, i);
  g_assert_not_reached ();
}

/* A firm placed all year across the change: each agreement for its days. */
static void
test_mid_year_change (void)
{
  g_autoptr(ZsFzLedger) ledger = fixture_ledger ();
  g_autoptr(GArray) rows = zs_fz_ledger_get_rows (ledger);
  const ZsFzLedgerRow *row = find_row (rows, 1, 100);

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (row->days, ==, 365);
  g_assert_cmpint (row->tax, ==, 365 * WAN);
  /* 365 万元 × (50 % × 181 + 40 % × 184) / 365 = 90.5 + 73.6 万元 */
  g_assert_cmpint (row->tax_partner, ==, 1641000);
  g_assert_cmpint (row->tax_host, ==, 3650000 - 1641000);
  /* 730 万元 × (40 % × 181 + 30 % × 184) / 365 = 144.8 + 110.4 万元 */
  g_assert_cmpint (row->output_partner, ==, 2552000);
  g_assert_cmpint (row->output_host, ==, 7300000 - 2552000);
  g_assert_cmpstr (row->park, ==, "yining-park");
}

/* Placed on 1 April: 275 days count, 91 of them under the first
 * agreement; the parts are rounded to the yuan and add up exactly. */
static void
test_placed_mid_year (void)
{
  g_autoptr(ZsFzLedger) ledger = fixture_ledger ();
  g_autoptr(GArray) rows = zs_fz_ledger_get_rows (ledger);
  const ZsFzLedgerRow *row = find_row (rows, 1, 200);

  g_assert_cmpuint (row->days, ==, 275);
  /* 1 000 000 × 275 / 365 = 753 424.66 */
  g_assert_cmpint (row->tax, ==, 753425);
  /* 1 000 000 × (5000 × 91 + 4000 × 184) / (10 000 × 365) = 326 301.37 */
  g_assert_cmpint (row->tax_partner, ==, 326301);
  g_assert_cmpint (row->tax_partner + row->tax_host, ==, row->tax);
  /* 2 000 000 × 275 / 365 = 1 506 849.3; × (4000 × 91 + 3000 × 184) / … = 501 917.8 */
  g_assert_cmpint (row->output, ==, 1506849);
  g_assert_cmpint (row->output_partner, ==, 501918);
  g_assert_cmpint (row->output_partner + row->output_host, ==, row->output);
}

/* Days without an agreement in force are the host's alone. */
static void
test_no_agreement_is_host (void)
{
  g_autoptr(ZsFzLedger) ledger = fixture_ledger ();
  g_autoptr(GArray) rows = zs_fz_ledger_get_rows (ledger);
  const ZsFzLedgerRow *row = find_row (rows, 2, 300);

  g_assert_cmpint (row->tax, ==, 50 * WAN);
  g_assert_cmpint (row->tax_partner, ==, 0);
  g_assert_cmpint (row->tax_host, ==, 50 * WAN);
  g_assert_cmpint (row->output_host, ==, 80 * WAN);
}

/* What zone 1 owes is the partner's tax parts; 100 万元 settled is short. */
static void
test_short_settlement (void)
{
  g_autoptr(ZsFzLedger) ledger = fixture_ledger ();
  g_autoptr(GArray) balances = zs_fz_ledger_get_balances (ledger);
  const ZsFzZoneBalance *zone = &g_array_index (balances, ZsFzZoneBalance, 0);
  const ZsFzZoneBalance *other = &g_array_index (balances, ZsFzZoneBalance, 1);

  g_assert_cmpuint (balances->len, ==, 2);
  g_assert_cmpint (zone->zone_id, ==, 1);
  g_assert_cmpint (zone->due_partner, ==, 1641000 + 326301);
  g_assert_cmpint (zone->settled, ==, 100 * WAN);
  g_assert_cmpint (zone->shortfall, ==, 1641000 + 326301 - 100 * WAN);
  g_assert_cmpint (zone->excess, ==, 0);
  g_assert_cmpint (zone->flag, ==, ZS_FZ_FLAG_SHORT);
  g_assert_cmpstr (zs_fz_flag_to_string (zone->flag), ==, "short");
  /* nothing due, nothing paid */
  g_assert_cmpint (other->due_partner, ==, 0);
  g_assert_cmpint (other->flag, ==, ZS_FZ_FLAG_SETTLED);
}

static ZsFzFlag
flag_after (gint64 settled)
{
  g_autoptr(ZsFzLedger) ledger = zs_fz_ledger_new (2025);
  g_autoptr(GArray) balances = NULL;
  g_autoptr(GError) error = NULL;

  zs_fz_ledger_add_zone (ledger, 1, 7, "654004");
  agreement (ledger, 1, "2025-01-01", "2025-12-31", 5000, 5000);
  place (ledger, 1, 100, "2025-01-01", NULL, "");
  realised (ledger, 100, 200 * WAN, 0);
  if (settled > 0)
    g_assert_true (zs_fz_ledger_add_settlement (ledger, 1, settled, &error));
  g_assert_no_error (error);
  balances = zs_fz_ledger_get_balances (ledger);
  g_assert_cmpint (g_array_index (balances, ZsFzZoneBalance, 0).due_partner, ==, 100 * WAN);
  return g_array_index (balances, ZsFzZoneBalance, 0).flag;
}

static void
test_flags (void)
{
  g_assert_cmpint (flag_after (0), ==, ZS_FZ_FLAG_UNSETTLED);
  g_assert_cmpint (flag_after (99 * WAN), ==, ZS_FZ_FLAG_SHORT);
  g_assert_cmpint (flag_after (100 * WAN), ==, ZS_FZ_FLAG_SETTLED);
  g_assert_cmpint (flag_after (100 * WAN + 1), ==, ZS_FZ_FLAG_OVER_SETTLED);
}

static void
report_totals (GArray *report,
               gint64 *tax,
               gint64 *output)
{
  *tax = *output = 0;
  for (guint i = 0; i < report->len; i++)
    {
      *tax += g_array_index (report, ZsFzReportRow, i).tax;
      *output += g_array_index (report, ZsFzReportRow, i).output;
    }
}

/* By park and by partner, the same rows add up to the same totals: the
 * ledger's, each figure once. */
static void
test_attribution_totals (void)
{
  g_autoptr(ZsFzLedger) ledger = fixture_ledger ();
  g_autoptr(GArray) rows = zs_fz_ledger_get_rows (ledger);
  g_autoptr(GArray) by_park = zs_fz_ledger_report_by_park (ledger);
  g_autoptr(GArray) by_partner = zs_fz_ledger_report_by_partner (ledger);
  gint64 park_tax, park_output, partner_tax, partner_output, ledger_tax = 0, ledger_output = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      ledger_tax += g_array_index (rows, ZsFzLedgerRow, i).tax;
      ledger_output += g_array_index (rows, ZsFzLedgerRow, i).output;
    }
  report_totals (by_park, &park_tax, &park_output);
  report_totals (by_partner, &partner_tax, &partner_output);
  g_assert_cmpint (park_tax, ==, ledger_tax);
  g_assert_cmpint (partner_tax, ==, ledger_tax);
  g_assert_cmpint (park_output, ==, ledger_output);
  g_assert_cmpint (partner_output, ==, ledger_output);
  g_assert_cmpint (ledger_tax, ==, 3650000 + 753425 + 500000);

  /* three parks of record; partners 7 and 8, then hosts 654004 and 654023 */
  g_assert_cmpuint (by_park->len, ==, 3);
  g_assert_cmpuint (by_partner->len, ==, 4);
  g_assert_cmpstr (g_array_index (by_partner, ZsFzReportRow, 0).key, ==, "7");
  g_assert_false (g_array_index (by_partner, ZsFzReportRow, 0).host);
  g_assert_cmpint (g_array_index (by_partner, ZsFzReportRow, 0).tax, ==, 1641000 + 326301);
  g_assert_cmpstr (g_array_index (by_partner, ZsFzReportRow, 1).key, ==, "8");
  g_assert_cmpint (g_array_index (by_partner, ZsFzReportRow, 1).tax, ==, 0);
  g_assert_cmpstr (g_array_index (by_partner, ZsFzReportRow, 2).key, ==, "654004");
  g_assert_true (g_array_index (by_partner, ZsFzReportRow, 2).host);
  g_assert_cmpint (g_array_index (by_partner, ZsFzReportRow, 3).tax, ==, 500000);
}

/* Over many awkward amounts and terms, the two parts are never off by a
 * yuan from the whole, and the reports always agree. */
static void
test_parts_add_up (void)
{
  static const gint64 amounts[] = { 1, 3, 7, 9999, 123457, 3333333, 99999999, 1000000000000 };
  static const gint shares[] = { 0, 1, 3333, 5000, 6667, 9999, 10000 };

  for (guint a = 0; a < G_N_ELEMENTS (amounts); a++)
    for (guint s = 0; s < G_N_ELEMENTS (shares); s++)
      {
        g_autoptr(ZsFzLedger) ledger = zs_fz_ledger_new (2024);
        g_autoptr(GArray) rows = NULL;
        g_autoptr(GArray) by_park = NULL;
        g_autoptr(GArray) by_partner = NULL;
        gint64 park_tax, park_output, partner_tax, partner_output;
        const ZsFzLedgerRow *row;

        zs_fz_ledger_add_zone (ledger, 1, 7, "654002");
        agreement (ledger, 1, "2024-01-01", "2024-02-29", shares[s], shares[(s + 3) % G_N_ELEMENTS (shares)]);
        agreement (ledger, 1, "2024-03-01", "2024-12-31", shares[(s + 1) % G_N_ELEMENTS (shares)], shares[s]);
        place (ledger, 1, 100, "2024-02-13", "2024-11-07", "yining-park");
        realised (ledger, 100, amounts[a], amounts[G_N_ELEMENTS (amounts) - 1 - a]);
        rows = zs_fz_ledger_get_rows (ledger);
        row = &g_array_index (rows, ZsFzLedgerRow, 0);
        g_assert_cmpuint (row->days, ==, 17 + 252);   /* 2024 is a leap year: 17 days of February */
        g_assert_cmpint (row->tax_partner, >=, 0);
        g_assert_cmpint (row->tax_host, >=, 0);
        g_assert_cmpint (row->tax_partner + row->tax_host, ==, row->tax);
        g_assert_cmpint (row->output_partner + row->output_host, ==, row->output);
        by_park = zs_fz_ledger_report_by_park (ledger);
        by_partner = zs_fz_ledger_report_by_partner (ledger);
        report_totals (by_park, &park_tax, &park_output);
        report_totals (by_partner, &partner_tax, &partner_output);
        g_assert_cmpint (park_tax, ==, partner_tax);
        g_assert_cmpint (park_output, ==, partner_output);
      }
}

/* The park of record is where the firm sat last in the year. */
static void
test_park_of_record (void)
{
  g_autoptr(ZsFzLedger) ledger = zs_fz_ledger_new (2025);
  g_autoptr(GArray) rows = NULL;

  zs_fz_ledger_add_zone (ledger, 1, 7, "654004");
  agreement (ledger, 1, "2025-01-01", "2025-12-31", 5000, 5000);
  place (ledger, 1, 100, "2025-08-01", NULL, "horgos-port-park");
  place (ledger, 1, 100, "2025-01-01", "2025-03-31", "yining-park");
  realised (ledger, 100, 365 * WAN, 0);
  rows = zs_fz_ledger_get_rows (ledger);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (g_array_index (rows, ZsFzLedgerRow, 0).park, ==, "horgos-port-park");
  /* 90 + 153 days of the year's 365 */
  g_assert_cmpuint (g_array_index (rows, ZsFzLedgerRow, 0).days, ==, 243);
  g_assert_cmpint (g_array_index (rows, ZsFzLedgerRow, 0).tax, ==, 243 * WAN);
}

static void
test_bad_input (void)
{
  g_autoptr(ZsFzLedger) ledger = zs_fz_ledger_new (2025);
  g_autoptr(GError) error = NULL;
  GDate from, to;

  set_date (&from, "2025-05-01");
  set_date (&to, "2025-04-01");
  g_assert_false (zs_fz_ledger_add_agreement (ledger, 9, &from, &to, 5000, 5000, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  zs_fz_ledger_add_zone (ledger, 9, 1, "654004");
  g_assert_false (zs_fz_ledger_add_agreement (ledger, 9, &from, &to, 5000, 5000, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "valid_to"));
  g_clear_error (&error);
  g_assert_false (zs_fz_ledger_add_agreement (ledger, 9, &to, &from, 10001, 5000, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tax_partner"));
  g_clear_error (&error);
  g_assert_false (zs_fz_ledger_set_realised (ledger, 1, -1, 0, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tax"));
  g_clear_error (&error);
  g_assert_false (zs_fz_ledger_set_realised (ledger, 1, 0, ZS_FZ_MAX_YUAN + 1, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (zs_fz_ledger_add_settlement (ledger, 9, ZS_FZ_MAX_YUAN, &error));
  g_assert_false (zs_fz_ledger_add_settlement (ledger, 9, 1, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "amount"));
}

static void
test_money (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 yuan = 0;
  gint points = 0;

  g_assert_true (zs_fz_money_from_wan (g_ascii_strtod ("12.3456", NULL), "tax", &yuan, &error));
  g_assert_cmpint (yuan, ==, 123456);
  g_assert_true (zs_fz_money_from_wan (0.1 + 0.2, "tax", &yuan, &error));
  g_assert_cmpint (yuan, ==, 3000);
  g_assert_no_error (error);
  g_assert_false (zs_fz_money_from_wan (1.23456, "tax", &yuan, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tax: 1.23456"));
  g_clear_error (&error);
  g_assert_false (zs_fz_money_from_wan (-1, "amount", &yuan, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (zs_fz_share_from_percent (33.33, "tax_partner", &points, &error));
  g_assert_cmpint (points, ==, 3333);
  g_assert_false (zs_fz_share_from_percent (33.333, "tax_partner", &points, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tax_partner: 33.333"));
  g_clear_error (&error);
  text = zs_fz_money_format (1234500);
  g_assert_cmpstr (text, ==, "123.45");
  g_free (text);
  text = zs_fz_money_format (-7);
  g_assert_cmpstr (text, ==, "-0.0007");
  g_free (text);
  text = zs_fz_money_format (20000);
  g_assert_cmpstr (text, ==, "2");
  g_assert_cmpint (zs_fz_round_div (5, 10), ==, 1);
  g_assert_cmpint (zs_fz_round_div (4, 10), ==, 0);
  g_assert_cmpint (zs_fz_round_div (15, 10), ==, 2);
  g_assert_cmpint (zs_fz_round_div (G_MAXINT64, 3), ==, G_MAXINT64 / 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flying-zone/ledger/mid-year-change", test_mid_year_change);
  g_test_add_func ("/flying-zone/ledger/placed-mid-year", test_placed_mid_year);
  g_test_add_func ("/flying-zone/ledger/no-agreement-is-host", test_no_agreement_is_host);
  g_test_add_func ("/flying-zone/ledger/short-settlement", test_short_settlement);
  g_test_add_func ("/flying-zone/ledger/flags", test_flags);
  g_test_add_func ("/flying-zone/ledger/attribution-totals", test_attribution_totals);
  g_test_add_func ("/flying-zone/ledger/parts-add-up", test_parts_add_up);
  g_test_add_func ("/flying-zone/ledger/park-of-record", test_park_of_record);
  g_test_add_func ("/flying-zone/ledger/bad-input", test_bad_input);
  g_test_add_func ("/flying-zone/money", test_money);
  return g_test_run ();
}
