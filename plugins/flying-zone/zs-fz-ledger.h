/* zs-fz-ledger.h: one year's benefit-sharing arithmetic of flying zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ZsFzFlag:
 * @ZS_FZ_FLAG_UNSETTLED: something is due and nothing was transferred
 * @ZS_FZ_FLAG_SHORT: less was transferred than is due
 * @ZS_FZ_FLAG_SETTLED: what was transferred is what is due
 * @ZS_FZ_FLAG_OVER_SETTLED: more was transferred than is due
 */
typedef enum
{
  ZS_FZ_FLAG_UNSETTLED,
  ZS_FZ_FLAG_SHORT,
  ZS_FZ_FLAG_SETTLED,
  ZS_FZ_FLAG_OVER_SETTLED,
} ZsFzFlag;

const char *zs_fz_flag_to_string (ZsFzFlag flag);

/* One firm in one zone over the year; amounts in yuan. */
typedef struct
{
  gint64      zone_id;
  gint64      firm_id;
  const char *park;            /* park of record (interned), "" when none */
  guint       days;            /* days of the year the firm was placed in the zone */
  gint64      tax;             /* the firm's figures for those days */
  gint64      output;
  gint64      tax_partner;
  gint64      tax_host;
  gint64      output_partner;
  gint64      output_host;
} ZsFzLedgerRow;

/* One zone's account with its partner; amounts in yuan. */
typedef struct
{
  gint64   zone_id;
  gint64   due_partner;
  gint64   settled;
  gint64   shortfall;          /* due − settled, when positive */
  gint64   excess;             /* settled − due, when positive */
  ZsFzFlag flag;
} ZsFzZoneBalance;

/* One line of the attribution report; amounts in yuan. */
typedef struct
{
  const char *key;             /* park code, partner id or host county (interned) */
  gboolean    host;            /* the host county's part (by partner only) */
  gint64      tax;
  gint64      output;
} ZsFzReportRow;

#define ZS_TYPE_FZ_LEDGER (zs_fz_ledger_get_type ())
G_DECLARE_FINAL_TYPE (ZsFzLedger, zs_fz_ledger, ZS, FZ_LEDGER, GObject)

ZsFzLedger *zs_fz_ledger_new                (int          year);
int         zs_fz_ledger_get_year           (ZsFzLedger  *self);
void        zs_fz_ledger_add_zone           (ZsFzLedger  *self,
                                             gint64       zone_id,
                                             gint64       partner_id,
                                             const char  *host_county);
gboolean    zs_fz_ledger_add_agreement      (ZsFzLedger  *self,
                                             gint64       zone_id,
                                             const GDate *from,
                                             const GDate *to,
                                             gint         tax_partner,
                                             gint         output_partner,
                                             GError     **error);
gboolean    zs_fz_ledger_add_placement      (ZsFzLedger  *self,
                                             gint64       zone_id,
                                             gint64       firm_id,
                                             const GDate *from,
                                             const GDate *to,
                                             const char  *park,
                                             GError     **error);
gboolean    zs_fz_ledger_set_realised       (ZsFzLedger  *self,
                                             gint64       firm_id,
                                             gint64       tax,
                                             gint64       output,
                                             GError     **error);
gboolean    zs_fz_ledger_add_settlement     (ZsFzLedger  *self,
                                             gint64       zone_id,
                                             gint64       amount,
                                             GError     **error);
GArray     *zs_fz_ledger_get_rows           (ZsFzLedger  *self);
GArray     *zs_fz_ledger_get_balances       (ZsFzLedger  *self);
GArray     *zs_fz_ledger_report_by_park     (ZsFzLedger  *self);
GArray     *zs_fz_ledger_report_by_partner  (ZsFzLedger  *self);

G_END_DECLS
