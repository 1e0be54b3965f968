/* zs-fz-money.h: amounts in whole yuan, shares in basis points
 *
 * The store keeps money as 万元 (a double). The ledger turns every amount
 * into whole yuan (1 万元 = 10 000 元) and every percentage into basis
 * points (1 % = 100) once, when it reads them, and does the rest with
 * integers, so that sums are exact and the partner's and the host's parts
 * add up to the whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ZS_FZ_YUAN_PER_WAN G_GINT64_CONSTANT (10000)
/* 1 亿万元 (a trillion yuan): far above any firm's figure, and low enough
 * that amount × basis points × days stays inside 64 bits. */
#define ZS_FZ_MAX_YUAN G_GINT64_CONSTANT (1000000000000)
#define ZS_FZ_WHOLE_SHARE 10000

gboolean  zs_fz_money_from_wan    (double       wan,
                                   const char  *field,
                                   gint64      *yuan,
                                   GError     **error);
double    zs_fz_money_to_wan      (gint64       yuan);
char     *zs_fz_money_format      (gint64       yuan);
gboolean  zs_fz_share_from_percent (double      percent,
                                   const char  *field,
                                   gint        *basis_points,
                                   GError     **error);
gint64    zs_fz_round_div         (gint64       numerator,
                                   gint64       denominator);

G_END_DECLS
