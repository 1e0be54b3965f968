/* zs-fz-ledger.c: one year's benefit-sharing arithmetic of flying zones
 *
 * The ledger is told the zones, their agreements, where firms were placed,
 * what each firm realised in the year and what each zone transferred to
 * its partner; it knows nothing of the store, so that its sums can be
 * tested alone.
 *
 * A firm's yearly figure counts for a zone in proportion to the days of
 * the year it was placed there. Of those days, each one is shared as the
 * agreement in force that day says; a day without an agreement in force
 * is the host's alone. So, with T the firm's tax, D the days of the year,
 * P the days placed and S the sum over those days of the partner's share
 * in force (in basis points):
 *
 *   tax          = round (T × P / D)
 *   tax_partner  = round (T × S / (10 000 × D))
 *   tax_host     = tax − tax_partner
 *
 * in whole yuan, rounding halves up (zs_fz_round_div()). The host's part
 * is what is left of the whole, so the two parts always add up to it, and
 * the reports by park and by partner add the same rows: their totals are
 * equal by construction. The same holds for output value.
 *
 * What a zone owes its partner for the year is the sum of the partner's
 * tax parts of its firms; the flag compares it with what was settled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-fz-ledger.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>
#include <zhaoshang.h>

#include "zs-fz-money.h"

typedef struct
{
  guint first;                 /* day of the year, 0-based, clipped to the year */
  guint last;
  gint  tax_partner;           /* basis points */
  gint  output_partner;
} Term;

typedef struct
{
  gint64      id;
  gint64      partner_id;
  const char *host_county;
  GArray     *terms;           /* Term */
  gint64      settled;
} Zone;

typedef struct
{
  gint64      zone_id;
  gint64      firm_id;
  guint       first;
  guint       last;
  guint32     from_julian;
  const char *park;
} Placement;

typedef struct
{
  gint64 tax;
  gint64 output;
} Figures;

struct _ZsFzLedger
{
  GObject     parent_instance;

  int         year;
  guint32     first_julian;    /* 1 January */
  guint       days;            /* 365 or 366 */
  GPtrArray  *zones;           /* Zone, in the order added */
  GHashTable *zones_by_id;     /* gint64 * → Zone */
  GArray     *placements;      /* Placement */
  GHashTable *realised;        /* gint64 * firm → Figures */
  GArray     *rows;            /* ZsFzLedgerRow, NULL until asked for */
  GArray     *balances;        /* ZsFzZoneBalance, NULL until asked for */
};

G_DEFINE_FINAL_TYPE (ZsFzLedger, zs_fz_ledger, G_TYPE_OBJECT)

const char *
zs_fz_flag_to_string (ZsFzFlag flag)
{
  static const char * const names[] = { "unsettled", "short", "settled", "over-settled" };

  g_return_val_if_fail (flag <= ZS_FZ_FLAG_OVER_SETTLED, NULL);
  return names[flag];
}

static void
zone_free (gpointer data)
{
  Zone *zone = data;

  g_array_unref (zone->terms);
  g_free (zone);
}

static void
invalidate (ZsFzLedger *self)
{
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->balances, g_array_unref);
}

static void
zs_fz_ledger_finalize (GObject *object)
{
  ZsFzLedger *self = ZS_FZ_LEDGER (object);

  invalidate (self);
  g_hash_table_unref (self->zones_by_id);
  g_ptr_array_unref (self->zones);
  g_array_unref (self->placements);
  g_hash_table_unref (self->realised);
  G_OBJECT_CLASS (zs_fz_ledger_parent_class)->finalize (object);
}

static void
zs_fz_ledger_class_init (ZsFzLedgerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zs_fz_ledger_finalize;
}

static void
zs_fz_ledger_init (ZsFzLedger *self)
{
  self->zones = g_ptr_array_new_with_free_func (zone_free);
  self->zones_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->realised = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * zs_fz_ledger_new:
 * @year: the year, 2000 to 2100
 *
 * Returns: (transfer full): an empty ledger for @year
 */
ZsFzLedger *
zs_fz_ledger_new (int year)
{
  ZsFzLedger *self;
  GDate first;

  g_return_val_if_fail (year >= 1 && year <= 9999, NULL);

  self = g_object_new (ZS_TYPE_FZ_LEDGER, NULL);
  self->year = year;
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, year);
  self->first_julian = g_date_get_julian (&first);
  self->days = g_date_is_leap_year (year) ? 366 : 365;
  return self;
}

int
zs_fz_ledger_get_year (ZsFzLedger *self)
{
  g_return_val_if_fail (ZS_IS_FZ_LEDGER (self), 0);
  return self->year;
}

/**
 * zs_fz_ledger_add_zone:
 * @host_county: the GB/T 2260 code of the county the zone is in
 *
 * Adds a zone; its agreements, placements and settlements follow.
 */
void
zs_fz_ledger_add_zone (ZsFzLedger *self,
                       gint64      zone_id,
                       gint64      partner_id,
                       const char *host_county)
{
  Zone *zone;

  g_return_if_fail (ZS_IS_FZ_LEDGER (self));
  g_return_if_fail (!g_hash_table_contains (self->zones_by_id, &zone_id));

  zone = g_new0 (Zone, 1);
  zone->id = zone_id;
  zone->partner_id = partner_id;
  zone->host_county = g_intern_string (host_county ? host_county : "");
  zone->terms = g_array_new (FALSE, FALSE, sizeof (Term));
  g_ptr_array_add (self->zones, zone);
  g_hash_table_insert (self->zones_by_id, &zone->id, zone);
  invalidate (self);
}

static Zone *
find_zone (ZsFzLedger  *self,
           gint64       zone_id,
           GError     **error)
{
  Zone *zone = g_hash_table_lookup (self->zones_by_id, &zone_id);

  if (zone == NULL)
    g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("zone: there is no flying zone %" PRId64), zone_id);
  return zone;
}

/* The days of [@from, @to] within the year, as 0-based days of the year;
 * FALSE when they miss it. @to NULL is open-ended. */
static gboolean
clip_to_year (ZsFzLedger  *self,
              const GDate *from,
              const GDate *to,
              guint       *first,
              guint       *last)
{
  gint64 start = (gint64) g_date_get_julian (from) - self->first_julian;
  gint64 end = to != NULL ? (gint64) g_date_get_julian (to) - self->first_julian : (gint64) self->days - 1;

  if (end < 0 || start > (gint64) self->days - 1 || end < start)
    return FALSE;
  *first = (guint) MAX (start, 0);
  *last = (guint) MIN (end, (gint64) self->days - 1);
  return TRUE;
}

static gboolean
check_share (gint         basis_points,
             const char  *field,
             GError     **error)
{
  if (basis_points >= 0 && basis_points <= ZS_FZ_WHOLE_SHARE)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: %d basis points is not a share from 0 to 100 %%"),
               field, basis_points);
  return FALSE;
}

/**
 * zs_fz_ledger_add_agreement:
 * @from: the first day in force
 * @to: the last day in force
 * @tax_partner: the partner's share of tax, in basis points
 * @output_partner: the partner's share of output value, in basis points
 *
 * Returns: %TRUE, or %FALSE with @error set for an unknown zone, a share
 *   out of 0–10 000 or @to before @from
 */
gboolean
zs_fz_ledger_add_agreement (ZsFzLedger   *self,
                            gint64        zone_id,
                            const GDate  *from,
                            const GDate  *to,
                            gint          tax_partner,
                            gint          output_partner,
                            GError      **error)
{
  Zone *zone;
  Term term = { 0, 0, tax_partner, output_partner };

  g_return_val_if_fail (ZS_IS_FZ_LEDGER (self), FALSE);
  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to), FALSE);

  if (!(zone = find_zone (self, zone_id, error)) || !check_share (tax_partner, "tax_partner", error) ||
      !check_share (output_partner, "output_partner", error))
    return FALSE;
  if (g_date_compare (to, from) < 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("valid_to: the agreement ends before it starts"));
      return FALSE;
    }
  if (clip_to_year (self, from, to, &term.first, &term.last))
    g_array_append_val (zone->terms, term);
  invalidate (self);
  return TRUE;
}

/**
 * zs_fz_ledger_add_placement:
 * @to: (nullable): the last day, or %NULL while the firm is still there
 * @park: (nullable): the park of record, where the firm sits
 *
 * Returns: %TRUE, or %FALSE with @error set for an unknown zone or @to
 *   before @from
 */
gboolean
zs_fz_ledger_add_placement (ZsFzLedger   *self,
                            gint64        zone_id,
                            gint64        firm_id,
                            const GDate  *from,
                            const GDate  *to,
                            const char   *park,
                            GError      **error)
{
  Placement placement = { zone_id, firm_id, 0, 0, 0, g_intern_string (park ? park : "") };

  g_return_val_if_fail (ZS_IS_FZ_LEDGER (self), FALSE);
  g_return_val_if_fail (g_date_valid (from) && (to == NULL || g_date_valid (to)), FALSE);

  if (!find_zone (self, zone_id, error))
    return FALSE;
  if (to != NULL && g_date_compare (to, from) < 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("valid_to: the placement ends before it starts"));
      return FALSE;
    }
  placement.from_julian = g_date_get_julian (from);
  if (clip_to_year (self, from, to, &placement.first, &placement.last))
    g_array_append_val (self->placements, placement);
  invalidate (self);
  return TRUE;
}

static gboolean
check_amount (gint64       yuan,
              const char  *field,
              GError     **error)
{
  if (yuan >= 0 && yuan <= ZS_FZ_MAX_YUAN)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: %" PRId64 " yuan is not an amount from 0 to %" PRId64),
               field, yuan, ZS_FZ_MAX_YUAN);
  return FALSE;
}

/**
 * zs_fz_ledger_set_realised:
 * @tax: the firm's local tax revenue in the year, in yuan
 * @output: its output value in the year, in yuan
 */
gboolean
zs_fz_ledger_set_realised (ZsFzLedger  *self,
                           gint64       firm_id,
                           gint64       tax,
                           gint64       output,
                           GError     **error)
{
  Figures *figures;

  g_return_val_if_fail (ZS_IS_FZ_LEDGER (self), FALSE);

  if (!check_amount (tax, "tax", error) || !check_amount (output, "output", error))
    return FALSE;
  figures = g_new (Figures, 1);
  figures->tax = tax;
  figures->output = output;
  g_hash_table_replace (self->realised, g_memdup2 (&firm_id, sizeof firm_id), figures);
  invalidate (self);
  return TRUE;
}

/**
 * zs_fz_ledger_add_settlement:
 * @amount: yuan transferred to the zone's partner for the year
 */
gboolean
zs_fz_ledger_add_settlement (ZsFzLedger  *self,
                             gint64       zone_id,
                             gint64       amount,
                             GError     **error)
{
  Zone *zone;

  g_return_val_if_fail (ZS_IS_FZ_LEDGER (self), FALSE);

  if (!(zone = find_zone (self, zone_id, error)) || !check_amount (amount, "amount", error))
    return FALSE;
  if (amount > ZS_FZ_MAX_YUAN - zone->settled)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("amount: the settlements of zone %" PRId64 " add up to more than %" PRId64 " yuan"),
                   zone_id, ZS_FZ_MAX_YUAN);
      return FALSE;
    }
  zone->settled += amount;
  invalidate (self);
  return TRUE;
}

/* The agreement in force on @day, or NULL. */
static const Term *
term_on (const Zone *zone,
         guint       day)
{
  for (guint i = 0; i < zone->terms->len; i++)
    {
      const Term *term = &g_array_index (zone->terms, Term, i);

      if (day >= term->first && day <= term->last)
        return term;
    }
  return NULL;
}

typedef struct
{
  ZsFzLedgerRow row;
  gint64        tax_weight;     /* Σ partner's share over the days placed */
  gint64        output_weight;
  guint32       latest_from;
} Account;

static void
add_days (Account         *account,
          const Zone      *zone,
          const Placement *placement)
{
  for (guint day = placement->first; day <= placement->last; day++)
    {
      const Term *term = term_on (zone, day);

      account->row.days++;
      account->tax_weight += term ? term->tax_partner : 0;
      account->output_weight += term ? term->output_partner : 0;
    }
  /* The park of record is where the firm sat last. */
  if (account->row.park == NULL || placement->from_julian >= account->latest_from)
    {
      account->row.park = placement->park;
      account->latest_from = placement->from_julian;
    }
}

static void
split (ZsFzLedger *self,
       Account    *account)
{
  ZsFzLedgerRow *row = &account->row;
  Figures *figures = g_hash_table_lookup (self->realised, &row->firm_id);
  Figures none = { 0, 0 };
  gint64 days = self->days;

  if (figures == NULL)
    figures = &none;
  row->tax = zs_fz_round_div (figures->tax * row->days, days);
  row->output = zs_fz_round_div (figures->output * row->days, days);
  row->tax_partner = zs_fz_round_div (figures->tax * account->tax_weight, ZS_FZ_WHOLE_SHARE * days);
  row->output_partner = zs_fz_round_div (figures->output * account->output_weight, ZS_FZ_WHOLE_SHARE * days);
  row->tax_host = row->tax - row->tax_partner;
  row->output_host = row->output - row->output_partner;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const ZsFzLedgerRow *x = a, *y = b;

  if (x->zone_id != y->zone_id)
    return x->zone_id < y->zone_id ? -1 : 1;
  return x->firm_id < y->firm_id ? -1 : x->firm_id > y->firm_id;
}

static void
compute_rows (ZsFzLedger *self)
{
  g_autoptr(GHashTable) accounts = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                          (GDestroyNotify) g_bytes_unref, g_free);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, i);
      gint64 key_data[2] = { placement->zone_id, placement->firm_id };
      g_autoptr(GBytes) key = g_bytes_new (key_data, sizeof key_data);
      Account *account = g_hash_table_lookup (accounts, key);

      if (account == NULL)
        {
          account = g_new0 (Account, 1);
          account->row.zone_id = placement->zone_id;
          account->row.firm_id = placement->firm_id;
          g_hash_table_insert (accounts, g_bytes_ref (key), account);
        }
      add_days (account, g_hash_table_lookup (self->zones_by_id, &placement->zone_id), placement);
    }
  self->rows = g_array_sized_new (FALSE, FALSE, sizeof (ZsFzLedgerRow), g_hash_table_size (accounts));
  g_hash_table_iter_init (&iter, accounts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      split (self, value);
      g_array_append_val (self->rows, ((Account *) value)->row);
    }
  g_array_sort (self->rows, compare_rows);
}

/**
 * zs_fz_ledger_get_rows:
 *
 * Returns: (transfer full) (element-type ZsFzLedgerRow): one row per firm
 *   and zone it was placed in during the year, by zone and firm
 */
GArray *
zs_fz_ledger_get_rows (ZsFzLedger *self)
{
  g_return_val_if_fail (ZS_IS_FZ_LEDGER (self), NULL);

  if (self->rows == NULL)
    compute_rows (self);
  return g_array_ref (self->rows);
}

static ZsFzFlag
flag_of (gint64 due,
         gint64 settled)
{
  if (settled == due)
    return ZS_FZ_FLAG_SETTLED;
  if (settled > due)
    return ZS_FZ_FLAG_OVER_SETTLED;
  return settled == 0 ? ZS_FZ_FLAG_UNSETTLED : ZS_FZ_FLAG_SHORT;
}

/**
 * zs_fz_ledger_get_balances:
 *
 * Returns: (transfer full) (element-type ZsFzZoneBalance): one per zone, in
 *   the order the zones were added
 */
GArray *
zs_fz_ledger_get_balances (ZsFzLedger *self)
{
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (ZS_IS_FZ_LEDGER (self), NULL);

  if (self->balances != NULL)
    return g_array_ref (self->balances);
  rows = zs_fz_ledger_get_rows (self);
  self->balances = g_array_sized_new (FALSE, TRUE, sizeof (ZsFzZoneBalance), self->zones->len);
  for (guint i = 0; i < self->zones->len; i++)
    {
      Zone *zone = g_ptr_array_index (self->zones, i);
      ZsFzZoneBalance balance = { zone->id, 0, zone->settled, 0, 0, 0 };

      for (guint j = 0; j < rows->len; j++)
        if (g_array_index (rows, ZsFzLedgerRow, j).zone_id == zone->id)
          balance.due_partner += g_array_index (rows, ZsFzLedgerRow, j).tax_partner;
      balance.shortfall = MAX (balance.due_partner - balance.settled, 0);
      balance.excess = MAX (balance.settled - balance.due_partner, 0);
      balance.flag = flag_of (balance.due_partner, balance.settled);
      g_array_append_val (self->balances, balance);
    }
  return g_array_ref (self->balances);
}

static void
report_add (GArray     *report,
            const char *key,
            gboolean    host,
            gint64      tax,
            gint64      output)
{
  ZsFzReportRow line = { key, host, tax, output };

  for (guint i = 0; i < report->len; i++)
    {
      ZsFzReportRow *row = &g_array_index (report, ZsFzReportRow, i);

      /* interned: one pointer per text */
      if (row->key == key && row->host == host)
        {
          row->tax += tax;
          row->output += output;
          return;
        }
    }
  g_array_append_val (report, line);
}

static int
compare_report_rows (gconstpointer a,
                     gconstpointer b)
{
  const ZsFzReportRow *x = a, *y = b;

  if (x->host != y->host)
    return x->host ? 1 : -1;
  return strcmp (x->key, y->key);
}

/**
 * zs_fz_ledger_report_by_park:
 *
 * Returns: (transfer full) (element-type ZsFzReportRow): the figures
 *   counted in the zones, per park of record, by park code
 */
GArray *
zs_fz_ledger_report_by_park (ZsFzLedger *self)
{
  g_autoptr(GArray) rows = NULL;
  GArray *report;

  g_return_val_if_fail (ZS_IS_FZ_LEDGER (self), NULL);

  rows = zs_fz_ledger_get_rows (self);
  report = g_array_new (FALSE, FALSE, sizeof (ZsFzReportRow));
  for (guint i = 0; i < rows->len; i++)
    {
      const ZsFzLedgerRow *row = &g_array_index (rows, ZsFzLedgerRow, i);

      report_add (report, row->park, FALSE, row->tax, row->output);
    }
  g_array_sort (report, compare_report_rows);
  return report;
}

/**
 * zs_fz_ledger_report_by_partner:
 *
 * Returns: (transfer full) (element-type ZsFzReportRow): the same figures
 *   split by the agreements: each partner's part (key: the partner id),
 *   then each host county's part (key: its code, host set)
 */
GArray *
zs_fz_ledger_report_by_partner (ZsFzLedger *self)
{
  g_autoptr(GArray) rows = NULL;
  GArray *report;

  g_return_val_if_fail (ZS_IS_FZ_LEDGER (self), NULL);

  rows = zs_fz_ledger_get_rows (self);
  report = g_array_new (FALSE, FALSE, sizeof (ZsFzReportRow));
  for (guint i = 0; i < rows->len; i++)
    {
      const ZsFzLedgerRow *row = &g_array_index (rows, ZsFzLedgerRow, i);
      const Zone *zone = g_hash_table_lookup (self->zones_by_id, &row->zone_id);
      char partner[24];

      g_snprintf (partner, sizeof partner, "%" PRId64, zone->partner_id);
      report_add (report, g_intern_string (partner), FALSE, row->tax_partner, row->output_partner);
      report_add (report, zone->host_county, TRUE, row->tax_host, row->output_host);
    }
  g_array_sort (report, compare_report_rows);
  return report;
}
