/* zs-service-days.c: `workdays` and `holidays`
 *
 * A year without a shipped schedule and without any day the user set counts
 * weekends only; the answers then carry "complete": false and a warning
 * naming the years, which `holidays set` fills in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "zs-service-tracker.h"

/**
 * zs_service_schedule_gap:
 *
 * Returns: (nullable): the warning that the years from @from to @to have
 *   no holiday schedule, %NULL when every one of them has one
 */
char *
zs_service_schedule_gap (ZsServiceCalendar *calendar,
                         const GDate       *from,
                         const GDate       *to)
{
  int first = MIN (g_date_get_year (from), g_date_get_year (to));
  int last = MAX (g_date_get_year (from), g_date_get_year (to));
  g_autoptr(GString) missing = g_string_new (NULL);

  for (int year = first; year <= last; year++)
    if (!zs_service_calendar_covers_year (calendar, year))
      g_string_append_printf (missing, "%s%d", missing->len ? ", " : "", year);
  if (missing->len == 0)
    return NULL;
  return g_strdup_printf (_("No holiday schedule for %s: only weekends are counted as days off "
                            "(add the year's days with “zhaoshang-cli holidays set DATE off|work”)"),
                          missing->str);
}

static void
add_coverage (JsonObject        *result,
              ZsServiceCalendar *calendar,
              const GDate       *from,
              const GDate       *to)
{
  g_autofree char *warning = zs_service_schedule_gap (calendar, from, to);

  json_object_set_boolean_member (result, "complete", warning == NULL);
  if (warning == NULL)
    json_object_set_null_member (result, "warning");
  else
    json_object_set_string_member (result, "warning", warning);
}

static JsonNode *
take_object (JsonObject *object)
{
  JsonNode *node = json_node_alloc ();

  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

JsonNode *
zs_service_workdays_add (ZsStore     *store,
                         const char  *date,
                         gint64       days,
                         GError     **error)
{
  g_autoptr(ZsServiceCalendar) calendar = NULL;
  g_autofree char *start_text = NULL, *result_text = NULL;
  JsonObject *result;
  GDate start, end;

  if (!zs_service_parse_date (date, "DATE", &start, error))
    return NULL;
  if (days < -10000 || days > 10000)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("N: “%" PRId64 "” is not a number of working days (-10000 to 10000)"), days);
      return NULL;
    }
  if (!(calendar = zs_service_load_calendar (store, error)))
    return NULL;
  zs_service_calendar_add (calendar, &start, (gint) days, &end);
  start_text = zs_service_format_date (&start);
  result_text = zs_service_format_date (&end);
  result = json_object_new ();
  json_object_set_string_member (result, "start", start_text);
  json_object_set_int_member (result, "days", days);
  json_object_set_string_member (result, "date", result_text);
  add_coverage (result, calendar, &start, &end);
  return take_object (result);
}

JsonNode *
zs_service_workdays_between (ZsStore     *store,
                             const char  *from,
                             const char  *to,
                             GError     **error)
{
  g_autoptr(ZsServiceCalendar) calendar = NULL;
  g_autofree char *from_text = NULL, *to_text = NULL;
  JsonObject *result;
  GDate first, last;

  if (!zs_service_parse_date (from, "DATE", &first, error) || !zs_service_parse_date (to, "DATE", &last, error) ||
      !(calendar = zs_service_load_calendar (store, error)))
    return NULL;
  from_text = zs_service_format_date (&first);
  to_text = zs_service_format_date (&last);
  result = json_object_new ();
  json_object_set_string_member (result, "from", from_text);
  json_object_set_string_member (result, "to", to_text);
  json_object_set_int_member (result, "workdays", zs_service_calendar_between (calendar, &first, &last));
  add_coverage (result, calendar, &first, &last);
  return take_object (result);
}

/**
 * zs_service_holidays_list:
 * @year: a year, or 0 for all
 *
 * Returns: (transfer full): the days off and make-up working days, with
 *   where each comes from
 */
JsonNode *
zs_service_holidays_list (ZsStore  *store,
                          gint64    year,
                          GError  **error)
{
  g_autoptr(ZsServiceCalendar) calendar = zs_service_load_calendar (store, error);
  g_autoptr(GPtrArray) days = NULL;
  JsonObject *result;
  JsonArray *rows;
  const char *source;

  if (calendar == NULL)
    return NULL;
  if (year < 0 || year > 9999)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--year: “%" PRId64 "” is not a year"), year);
      return NULL;
    }
  days = zs_service_calendar_list_year (calendar, (int) year);
  rows = json_array_new ();
  for (guint i = 0; i < days->len; i++)
    {
      ZsServiceDay *day = days->pdata[i];
      JsonObject *row = json_object_new ();

      json_object_set_string_member (row, "day", day->day);
      json_object_set_string_member (row, "kind", day->working ? "work" : "off");
      json_object_set_string_member (row, "name", day->note);
      json_object_set_string_member (row, "origin", day->user ? "user" : "shipped");
      json_array_add_object_element (rows, row);
    }
  result = json_object_new ();
  json_object_set_array_member (result, "days", rows);
  source = year > 0 ? zs_service_calendar_get_source (calendar, (int) year) : NULL;
  if (year > 0 && source == NULL)
    {
      g_autofree char *warning = g_strdup_printf (_("No holiday schedule for %" PRId64 ": only weekends are days off"),
                                                  year);
      json_object_set_string_member (result, "warning", warning);
    }
  if (source != NULL && *source != '\0')
    json_object_set_string_member (result, "source", source);
  return take_object (result);
}

JsonNode *
zs_service_holidays_set (ZsStore     *store,
                         const char  *date,
                         const char  *kind,
                         const char  *note,
                         GError     **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(ZsRecord) fresh = NULL;
  g_autofree char *day = NULL;
  ZsRecord *record;
  GDate parsed;

  if (!zs_service_parse_date (date, "DATE", &parsed, error))
    return NULL;
  if (g_strcmp0 (kind, "off") != 0 && g_strcmp0 (kind, "work") != 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("KIND: “%s” is neither “off” nor “work”"),
                   kind ? kind : "");
      return NULL;
    }
  day = zs_service_format_date (&parsed);
  if (!(existing = zs_service_list (store, ZS_SERVICE_HOLIDAY, "day", day, error)))
    return NULL;
  record = existing->len > 0 ? existing->pdata[0] : (fresh = zs_service_new_record (store, ZS_SERVICE_HOLIDAY));
  zs_record_set_string (record, "day", day);
  zs_record_set_string (record, "kind", kind);
  if (note != NULL || fresh != NULL)
    zs_record_set_string (record, "note", note);
  if (fresh != NULL ? zs_store_create_record (store, G_OBJECT (record), error) <= 0
                    : !zs_store_update_record (store, G_OBJECT (record), error))
    return NULL;
  return zs_record_to_json (G_OBJECT (record));
}
