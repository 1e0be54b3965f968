/* zs-fz-money.c: amounts in whole yuan, shares in basis points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-fz-money.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <zhaoshang.h>

/* A double read from text such as "12.3456" is within a few ulps of the
 * decimal; anything further from a whole number of units has more decimals
 * than the unit allows. */
static gboolean
to_units (double  value,
          double  per_unit,
          gint64 *units)
{
  double scaled = value * per_unit;
  double rounded = round (scaled);

  if (!isfinite (scaled) || fabs (scaled - rounded) > 1e-6 * MAX (1.0, fabs (scaled)))
    return FALSE;
  *units = (gint64) rounded;
  return TRUE;
}

/**
 * zs_fz_money_from_wan:
 * @wan: an amount in 万元, as the store keeps it
 * @field: the field named in an error
 * @yuan: (out): the amount in whole yuan
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_INVALID when the amount is
 *   negative, above the limit or finer than 1 元 (four decimals of 万元)
 */
gboolean
zs_fz_money_from_wan (double       wan,
                      const char  *field,
                      gint64      *yuan,
                      GError     **error)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (text, sizeof text, "%.10g", wan);
  if (!isfinite (wan) || wan < 0 || wan * ZS_FZ_YUAN_PER_WAN > (double) ZS_FZ_MAX_YUAN)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: %s is not an amount from 0 to 100000000 万元"),
                   field, text);
      return FALSE;
    }
  if (!to_units (wan, ZS_FZ_YUAN_PER_WAN, yuan))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("%s: %s has more than four decimals (amounts are in 万元, to the yuan)"), field, text);
      return FALSE;
    }
  return TRUE;
}

double
zs_fz_money_to_wan (gint64 yuan)
{
  return (double) yuan / ZS_FZ_YUAN_PER_WAN;
}

/**
 * zs_fz_money_format:
 *
 * Returns: (transfer full): @yuan in 万元 with the decimals it needs,
 *   "1234.5" for 12 345 000 元
 */
char *
zs_fz_money_format (gint64 yuan)
{
  guint64 magnitude = yuan < 0 ? (guint64) -(yuan + 1) + 1 : (guint64) yuan;
  g_autofree char *text = g_strdup_printf ("%s%" PRIu64 ".%04" PRIu64, yuan < 0 ? "-" : "",
                                           magnitude / ZS_FZ_YUAN_PER_WAN, magnitude % ZS_FZ_YUAN_PER_WAN);
  char *end = text + strlen (text) - 1;

  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return g_steal_pointer (&text);
}

/**
 * zs_fz_share_from_percent:
 * @percent: a share in percent, from 0 to 100
 * @field: the field named in an error
 * @basis_points: (out): the share in hundredths of a percent
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_INVALID when the share is out
 *   of 0–100 or has more than two decimals
 */
gboolean
zs_fz_share_from_percent (double       percent,
                          const char  *field,
                          gint        *basis_points,
                          GError     **error)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  gint64 units = 0;

  g_ascii_formatd (text, sizeof text, "%g", percent);
  if (!isfinite (percent) || percent < 0 || percent > 100)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: %s is not a share from 0 to 100 (percent)"),
                   field, text);
      return FALSE;
    }
  if (!to_units (percent, 100, &units))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: %s has more than two decimals"), field, text);
      return FALSE;
    }
  *basis_points = (gint) units;
  return TRUE;
}

/**
 * zs_fz_round_div:
 * @numerator: at least 0
 * @denominator: more than 0
 *
 * Returns: @numerator / @denominator rounded to the nearest whole number,
 *   halves up: the ledger's one rounding rule
 */
gint64
zs_fz_round_div (gint64 numerator,
                 gint64 denominator)
{
  g_return_val_if_fail (numerator >= 0 && denominator > 0, 0);
  return numerator / denominator + (numerator % denominator >= denominator - numerator % denominator ? 1 : 0);
}
