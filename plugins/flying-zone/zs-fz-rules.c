/* zs-fz-rules.c: the rules of the plugin's records, checked by the store
 * on every write (CLI verbs, generic record commands, pages, the HTTP API)
 *
 * Each failure is ZS_ERROR_INVALID naming the field and the value, and
 * the store then writes nothing:
 *
 *  - a partner is a GB/T 2260 region outside Xinjiang (援疆 provinces and
 *    cities), paired with a county or park the store knows;
 *  - a zone's host county is one of 两霍两伊;
 *  - an agreement's shares have at most two decimals and the partner's and
 *    the host's add up to 100 for tax and for output; the terms of one
 *    zone's agreements do not overlap;
 *  - a placement starts, and ends if it does, inside an agreement's term
 *    of its zone; one firm's placements do not overlap (its figures would
 *    be counted twice); its project is the firm's;
 *  - amounts are whole yuan (at most four decimals of 万元); a firm has one
 *    realised record per year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "zs-fz.h"

static gboolean
fail (GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (ZS_ERROR, ZS_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

/**
 * zs_fz_check_region_code:
 *
 * Returns: whether @code is a six-digit GB/T 2260 code
 */
gboolean
zs_fz_check_region_code (const char  *code,
                         const char  *field,
                         GError     **error)
{
  gboolean digits = code != NULL && strlen (code) == 6;

  for (guint i = 0; digits && i < 6; i++)
    digits = g_ascii_isdigit (code[i]);
  if (digits && code[0] >= '1' && code[0] <= '8')
    return TRUE;
  return fail (error, _("%s: “%s” is not a six-digit GB/T 2260 region code (e.g. 320000)"), field,
               code ? code : "");
}

/**
 * zs_fz_region_covers:
 * @partner_code: a partner's region: a province (XX0000) covers its cities
 *   and counties, a city (XXYY00) its counties
 * @code: a firm's region code
 *
 * Returns: whether @code lies in @partner_code
 */
gboolean
zs_fz_region_covers (const char *partner_code,
                     const char *code)
{
  size_t prefix;

  if (partner_code == NULL || code == NULL || strlen (partner_code) != 6 || strlen (code) != 6)
    return FALSE;
  if (g_str_has_suffix (partner_code, "0000"))
    prefix = 2;
  else if (g_str_has_suffix (partner_code, "00"))
    prefix = 4;
  else
    prefix = 6;
  return strncmp (partner_code, code, prefix) == 0;
}

static gboolean
is_known_region (ZsStore    *store,
                 const char *code,
                 const char *group)
{
  g_autoptr(GPtrArray) regions = zs_store_list_regions (store, NULL);

  for (guint i = 0; regions != NULL && i < regions->len; i++)
    if (g_strcmp0 (zs_region_get_code (regions->pdata[i]), code) == 0)
      return group == NULL || g_strcmp0 (zs_region_get_group_name (regions->pdata[i]), group) == 0;
  return FALSE;
}

static gboolean
is_known_park (ZsStore    *store,
               const char *code)
{
  g_autoptr(GPtrArray) parks = zs_store_list_parks (store, NULL);

  for (guint i = 0; parks != NULL && i < parks->len; i++)
    if (g_strcmp0 (zs_park_get_code (parks->pdata[i]), code) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static gboolean
check_partner (GObject   *store,
               GObject   *object,
               gpointer   user_data,
               GError   **error)
{
  ZsRecord *record = ZS_RECORD (object);
  const char *code = zs_record_get_string (record, "region_code");
  const char *paired = zs_record_get_string (record, "paired_with");

  if (!zs_fz_check_region_code (code, "region_code", error))
    return FALSE;
  if (g_str_has_prefix (code, "65"))
    return fail (error, _("region_code: “%s” is in Xinjiang; a partner is a counterpart-aid province or city "
                          "(援疆省市) elsewhere"), code);
  if (is_set (paired) && !is_known_region (ZS_STORE (store), paired, NULL) && !is_known_park (ZS_STORE (store), paired))
    return fail (error, _("paired_with: “%s” is neither a region code nor a park code the database knows"), paired);
  return TRUE;
}

static gboolean
check_zone (GObject   *store,
            GObject   *object,
            gpointer   user_data,
            GError   **error)
{
  ZsRecord *record = ZS_RECORD (object);
  const char *county = zs_record_get_string (record, "host_county");
  const char *park = zs_record_get_string (record, "park");

  if (!is_known_region (ZS_STORE (store), county, ZS_FZ_HOST_GROUP))
    return fail (error, _("host_county: “%s” is not one of 两霍两伊 (654004 霍尔果斯市, 654023 霍城县, "
                          "654002 伊宁市, 654021 伊宁县)"), county ? county : "");
  if (is_set (park) && !is_known_park (ZS_STORE (store), park))
    return fail (error, _("park: “%s” is not a park code the database knows"), park);
  return TRUE;
}

/* Each share has at most two decimals; partner and host make 100 %. */
static gboolean
check_shares (ZsRecord    *record,
              const char  *kind,
              GError     **error)
{
  g_autofree char *partner_field = g_strdup_printf ("%s_partner", kind);
  g_autofree char *host_field = g_strdup_printf ("%s_host", kind);
  double partner = zs_record_get_double (record, partner_field);
  double host = zs_record_get_double (record, host_field);
  int partner_points, host_points;
  char partner_text[G_ASCII_DTOSTR_BUF_SIZE], host_text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!zs_fz_share_from_percent (partner, partner_field, &partner_points, error) ||
      !zs_fz_share_from_percent (host, host_field, &host_points, error))
    return FALSE;
  if (partner_points + host_points == ZS_FZ_WHOLE_SHARE)
    return TRUE;
  g_ascii_formatd (partner_text, sizeof partner_text, "%g", partner);
  g_ascii_formatd (host_text, sizeof host_text, "%g", host);
  return fail (error, _("%s: %s %s + %s %s makes %g, not 100"), host_field, partner_field, partner_text,
               host_field, host_text, (partner_points + host_points) / 100.0);
}

/* The record's from and to days; @to is invalid when open-ended. */
static gboolean
record_term (ZsRecord  *record,
             GDate     *from,
             GDate     *to,
             GError   **error)
{
  const char *end = zs_record_get_string (record, "valid_to");

  g_date_clear (to, 1);
  if (!zs_fz_parse_date (zs_record_get_string (record, "valid_from"), "valid_from", from, error) ||
      (is_set (end) && !zs_fz_parse_date (end, "valid_to", to, error)))
    return FALSE;
  if (g_date_valid (to) && g_date_compare (to, from) < 0)
    return fail (error, _("valid_to: %s is before valid_from %s"), end, zs_record_get_string (record, "valid_from"));
  return TRUE;
}

/* Whether [a_from, a_to] and [b_from, b_to] share a day; an invalid end is
 * open. */
static gboolean
terms_overlap (const GDate *a_from,
               const GDate *a_to,
               const GDate *b_from,
               const GDate *b_to)
{
  return (!g_date_valid (b_to) || g_date_compare (a_from, b_to) <= 0) &&
         (!g_date_valid (a_to) || g_date_compare (b_from, a_to) <= 0);
}

static gboolean in_agreement (ZsStore     *store,
                              gint64       zone,
                              const GDate *day,
                              ZsRecord    *replacing,
                              gboolean     deleting);

/* The first placement of @zone that falls outside every agreement once
 * @agreement is changed to what it is now, or is deleted, in @left_out
 * (NULL if none); FALSE when the placements cannot be read. */
static gboolean
find_placement_left_out (ZsStore    *store,
                         gint64      zone,
                         ZsRecord   *agreement,
                         gboolean    deleting,
                         ZsRecord  **left_out,
                         GError    **error)
{
  g_autoptr(GPtrArray) placements = zs_fz_list (store, ZS_FZ_PLACEMENT, "zone", zone, error);

  *left_out = NULL;
  if (placements == NULL)
    return FALSE;
  for (guint i = 0; i < placements->len; i++)
    {
      ZsRecord *placement = placements->pdata[i];
      GDate from, to;

      if (!record_term (placement, &from, &to, NULL))
        continue;
      if (!in_agreement (store, zone, &from, agreement, deleting) ||
          (g_date_valid (&to) && !in_agreement (store, zone, &to, agreement, deleting)))
        {
          *left_out = g_object_ref (placement);
          break;
        }
    }
  return TRUE;
}

static const char *
open_end (ZsRecord   *record,
          const char *field)
{
  return is_set (zs_record_get_string (record, field)) ? zs_record_get_string (record, field) : "…";
}

/* An agreement changed keeps every placement of its zone inside some
 * agreement's term (a new one cannot leave one out). */
static gboolean
check_placements_kept (ZsStore   *store,
                       ZsRecord  *agreement,
                       GError   **error)
{
  g_autoptr(ZsRecord) left_out = NULL;
  gint64 zone = 0;

  if (zs_record_get_id (agreement) == 0)
    return TRUE;
  /* the zone it had: a placement there may lose its agreement too */
  {
    g_autoptr(GObject) before = zs_store_get_record (store, ZS_FZ_AGREEMENT, zs_record_get_id (agreement), NULL);

    zone = before != NULL ? zs_record_get_int64 (ZS_RECORD (before), "zone") : zs_record_get_int64 (agreement, "zone");
  }
  if (!find_placement_left_out (store, zone, agreement, FALSE, &left_out, error))
    return FALSE;
  if (left_out == NULL)
    return TRUE;
  return fail (error, _("valid_from: %s to %s would leave placement %" PRId64 " of firm %" PRId64
                        " (%s to %s) outside every agreement of zone %" PRId64),
               zs_record_get_string (agreement, "valid_from"), open_end (agreement, "valid_to"),
               zs_record_get_id (left_out), zs_record_get_int64 (left_out, "firm"),
               zs_record_get_string (left_out, "valid_from"), open_end (left_out, "valid_to"), zone);
}

/* Deleting an agreement must not leave a placement outside every term. */
static gboolean
check_agreement_delete (GObject   *store,
                        GObject   *object,
                        gpointer   user_data,
                        GError   **error)
{
  ZsRecord *agreement = ZS_RECORD (object);
  gint64 zone = zs_record_get_int64 (agreement, "zone");
  g_autoptr(ZsRecord) left_out = NULL;

  if (!find_placement_left_out (ZS_STORE (store), zone, agreement, TRUE, &left_out, error))
    return FALSE;
  if (left_out == NULL)
    return TRUE;
  return fail (error, _("id: deleting agreement %" PRId64 " (%s to %s) would leave placement %" PRId64
                        " of firm %" PRId64 " (%s to %s) outside every agreement of zone %" PRId64
                        "; end or move the placement first"),
               zs_record_get_id (agreement), zs_record_get_string (agreement, "valid_from"),
               open_end (agreement, "valid_to"), zs_record_get_id (left_out),
               zs_record_get_int64 (left_out, "firm"), zs_record_get_string (left_out, "valid_from"),
               open_end (left_out, "valid_to"), zone);
}

static gboolean
check_agreement (GObject   *store,
                 GObject   *object,
                 gpointer   user_data,
                 GError   **error)
{
  ZsRecord *record = ZS_RECORD (object);
  g_autoptr(GPtrArray) others = NULL;
  GDate from, to;

  if (!check_shares (record, "tax", error) || !check_shares (record, "output", error) ||
      !record_term (record, &from, &to, error))
    return FALSE;
  if (!(others = zs_fz_list (ZS_STORE (store), ZS_FZ_AGREEMENT, "zone", zs_record_get_int64 (record, "zone"), error)))
    return FALSE;
  for (guint i = 0; i < others->len; i++)
    {
      ZsRecord *other = others->pdata[i];
      GDate other_from, other_to;

      if (zs_record_get_id (other) == zs_record_get_id (record) || !record_term (other, &other_from, &other_to, NULL))
        continue;
      if (terms_overlap (&from, &to, &other_from, &other_to))
        return fail (error, _("valid_from: %s to %s overlaps agreement %" PRId64 " of the same zone (%s to %s)"),
                     zs_record_get_string (record, "valid_from"), zs_record_get_string (record, "valid_to"),
                     zs_record_get_id (other), zs_record_get_string (other, "valid_from"),
                     zs_record_get_string (other, "valid_to"));
    }
  return check_placements_kept (ZS_STORE (store), record, error);
}

static gboolean
term_covers (ZsRecord    *agreement,
             const GDate *day)
{
  GDate from, to;

  return record_term (agreement, &from, &to, NULL) && g_date_compare (day, &from) >= 0 &&
         (!g_date_valid (&to) || g_date_compare (day, &to) <= 0);
}

/* Whether an agreement of @zone is in force on @day; one that cannot be
 * read is not. @replacing (nullable), an agreement about to be written,
 * stands for the stored one of its id. */
static gboolean
in_agreement (ZsStore      *store,
              gint64        zone,
              const GDate  *day,
              ZsRecord     *replacing,
              gboolean      deleting)
{
  g_autoptr(GPtrArray) agreements = zs_fz_list (store, ZS_FZ_AGREEMENT, "zone", zone, NULL);

  if (replacing != NULL && !deleting && zs_record_get_int64 (replacing, "zone") == zone && term_covers (replacing, day))
    return TRUE;
  for (guint i = 0; agreements != NULL && i < agreements->len; i++)
    if ((replacing == NULL || zs_record_get_id (agreements->pdata[i]) != zs_record_get_id (replacing)) &&
        term_covers (agreements->pdata[i], day))
      return TRUE;
  return FALSE;
}

static gboolean
check_placement_terms (ZsStore   *store,
                       ZsRecord  *record,
                       GError   **error)
{
  gint64 zone = zs_record_get_int64 (record, "zone");
  GDate from, to;

  if (!record_term (record, &from, &to, error))
    return FALSE;
  if (!in_agreement (store, zone, &from, NULL, FALSE))
    return fail (error, _("valid_from: on %s no agreement of zone %" PRId64 " is in force; a placement falls "
                            "inside an agreement’s term"), zs_record_get_string (record, "valid_from"), zone);
  if (g_date_valid (&to) && !in_agreement (store, zone, &to, NULL, FALSE))
    return fail (error, _("valid_to: on %s no agreement of zone %" PRId64 " is in force; a placement falls "
                            "inside an agreement’s term"), zs_record_get_string (record, "valid_to"), zone);
  return TRUE;
}

/* One firm sits in one zone at a time, or its figures count twice. */
static gboolean
check_placement_overlap (ZsStore   *store,
                         ZsRecord  *record,
                         GError   **error)
{
  gint64 firm = zs_record_get_int64 (record, "firm");
  g_autoptr(GPtrArray) others = zs_fz_list (store, ZS_FZ_PLACEMENT, "firm", firm, error);
  GDate from, to;

  if (others == NULL || !record_term (record, &from, &to, error))
    return FALSE;
  for (guint i = 0; i < others->len; i++)
    {
      ZsRecord *other = others->pdata[i];
      GDate other_from, other_to;

      if (zs_record_get_id (other) == zs_record_get_id (record) || !record_term (other, &other_from, &other_to, NULL))
        continue;
      if (terms_overlap (&from, &to, &other_from, &other_to))
        return fail (error, _("valid_from: firm %" PRId64 " is already placed from %s (placement %" PRId64 " in "
                              "zone %" PRId64 "); one firm sits in one zone at a time"),
                     firm, zs_record_get_string (other, "valid_from"), zs_record_get_id (other),
                     zs_record_get_int64 (other, "zone"));
    }
  return TRUE;
}

static gboolean
check_placement (GObject   *store,
                 GObject   *object,
                 gpointer   user_data,
                 GError   **error)
{
  ZsRecord *record = ZS_RECORD (object);
  gint64 project_id = zs_record_get_int64 (record, "project");
  g_autoptr(ZsProject) project = NULL;

  if (project_id > 0 && (project = zs_store_get_project (ZS_STORE (store), project_id, NULL)) != NULL &&
      zs_project_get_firm_id (project) != zs_record_get_int64 (record, "firm"))
    return fail (error, _("project: project %" PRId64 " is not a project of firm %" PRId64), project_id,
                 zs_record_get_int64 (record, "firm"));
  return check_placement_terms (ZS_STORE (store), record, error) &&
         check_placement_overlap (ZS_STORE (store), record, error);
}

static gboolean
check_money (ZsRecord    *record,
             const char  *field,
             GError     **error)
{
  gint64 yuan;

  return zs_fz_money_from_wan (zs_record_get_double (record, field), field, &yuan, error);
}

static gboolean
check_realised (GObject   *store,
                GObject   *object,
                gpointer   user_data,
                GError   **error)
{
  ZsRecord *record = ZS_RECORD (object);
  g_autoptr(GPtrArray) others = NULL;

  if (!check_money (record, "tax", error) || !check_money (record, "output", error) ||
      !(others = zs_fz_list (ZS_STORE (store), ZS_FZ_REALISED, "firm", zs_record_get_int64 (record, "firm"), error)))
    return FALSE;
  for (guint i = 0; i < others->len; i++)
    if (zs_record_get_id (others->pdata[i]) != zs_record_get_id (record) &&
        zs_record_get_int64 (others->pdata[i], "year") == zs_record_get_int64 (record, "year"))
      return fail (error, _("year: firm %" PRId64 " already has its figures for %" PRId64 " (record %" PRId64 ")"),
                   zs_record_get_int64 (record, "firm"), zs_record_get_int64 (record, "year"),
                   zs_record_get_id (others->pdata[i]));
  return TRUE;
}

static gboolean
check_settlement (GObject   *store,
                  GObject   *object,
                  gpointer   user_data,
                  GError   **error)
{
  return check_money (ZS_RECORD (object), "amount", error);
}

/**
 * zs_fz_install_rules:
 *
 * Sets the rules on the plugin's record types of @store. The rules read
 * the store that writes, so a type shared with a worker's connection
 * checks against that connection.
 */
void
zs_fz_install_rules (ZsStore *store)
{
  static const struct {
    const char        *type_name;
    ZsRecordCheckFunc  check;
  } rules[] = {
    { ZS_FZ_PARTNER, check_partner },
    { ZS_FZ_ZONE, check_zone },
    { ZS_FZ_AGREEMENT, check_agreement },
    { ZS_FZ_PLACEMENT, check_placement },
    { ZS_FZ_REALISED, check_realised },
    { ZS_FZ_SETTLEMENT, check_settlement },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      ZsRecordType *record_type = zs_store_lookup_record_type (store, rules[i].type_name);

      if (record_type != NULL)
        zs_record_type_set_check_func (record_type, rules[i].check, NULL, NULL);
    }
  if (zs_store_lookup_record_type (store, ZS_FZ_AGREEMENT) != NULL)
    zs_record_type_set_delete_check_func (zs_store_lookup_record_type (store, ZS_FZ_AGREEMENT),
                                          check_agreement_delete, NULL, NULL);
}
