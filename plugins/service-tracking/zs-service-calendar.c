/* zs-service-calendar.c: working days as government offices count them
 *
 * The shipped calendar (data/holidays/cn-holidays.json, compiled into the
 * plugin) lists, per year, the public holidays and the make-up working days
 * (调休) of the State Council General Office's notice. Days the user set
 * (service_tracking.holiday records) lie over it. Any other day is a working
 * day from Monday to Friday. A year neither shipped nor touched by the user
 * falls back to weekends only, which callers report as a warning.
 *
 * Counting rule of 限时办结: the day an item is opened is not counted; a
 * limit of N ends on the Nth working day after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-service-calendar.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <zhaoshang.h>

#define SHIPPED_RESOURCE "/cn/zhaoshang/service-tracking/cn-holidays.json"

struct _ZsServiceCalendar
{
  GObject     parent_instance;

  GHashTable *days;      /* "YYYY-MM-DD" → ZsServiceDay */
  GHashTable *years;     /* year → source (or "" for the user's) */
};

G_DEFINE_FINAL_TYPE (ZsServiceCalendar, zs_service_calendar, G_TYPE_OBJECT)

void
zs_service_day_free (ZsServiceDay *day)
{
  if (day == NULL)
    return;
  g_free (day->day);
  g_free (day->note);
  g_free (day);
}

static void
zs_service_calendar_finalize (GObject *object)
{
  ZsServiceCalendar *self = ZS_SERVICE_CALENDAR (object);

  g_hash_table_unref (self->days);
  g_hash_table_unref (self->years);
  G_OBJECT_CLASS (zs_service_calendar_parent_class)->finalize (object);
}

static void
zs_service_calendar_class_init (ZsServiceCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zs_service_calendar_finalize;
}

static void
zs_service_calendar_init (ZsServiceCalendar *self)
{
  self->days = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) zs_service_day_free);
  self->years = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
}

/**
 * zs_service_parse_date:
 * @text: a day as YYYY-MM-DD
 * @field: what the day is, for the error
 * @date: (out caller-allocates): the day
 * @error: ZS_ERROR_INVALID naming @field and @text
 */
gboolean
zs_service_parse_date (const char  *text,
                       const char  *field,
                       GDate       *date,
                       GError     **error)
{
  int year, month, day;
  char end;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      strlen (text) != 10 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: “%s” is not a day (YYYY-MM-DD)"),
                   field, text ? text : "");
      return FALSE;
    }
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
zs_service_format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
zs_service_calendar_set_day (ZsServiceCalendar *self,
                             const GDate       *date,
                             gboolean           working,
                             const char        *note,
                             gboolean           user)
{
  ZsServiceDay *day = g_new0 (ZsServiceDay, 1);

  day->day = zs_service_format_date (date);
  day->working = working;
  day->note = g_strdup (note ? note : "");
  day->user = user;
  g_hash_table_replace (self->days, day->day, day);
  /* a day the user sets marks its year as one with a schedule */
  if (!g_hash_table_contains (self->years, GINT_TO_POINTER (g_date_get_year (date))))
    g_hash_table_insert (self->years, GINT_TO_POINTER (g_date_get_year (date)), g_strdup (""));
}

static gboolean
load_range (ZsServiceCalendar  *self,
            JsonObject         *range,
            GError            **error)
{
  const char *name = json_object_get_string_member_with_default (range, "name", "");
  GDate from, to;

  if (!zs_service_parse_date (json_object_get_string_member_with_default (range, "from", NULL), "from", &from, error) ||
      !zs_service_parse_date (json_object_get_string_member_with_default (range, "to", NULL), "to", &to, error))
    return FALSE;
  for (; g_date_compare (&from, &to) <= 0; g_date_add_days (&from, 1))
    zs_service_calendar_set_day (self, &from, FALSE, name, FALSE);
  return TRUE;
}

static gboolean
load_year (ZsServiceCalendar  *self,
           JsonObject         *year,
           GError            **error)
{
  JsonArray *off = json_object_get_array_member (year, "off");
  JsonArray *work = json_object_get_array_member (year, "work");
  g_autofree char *source = g_strdup_printf ("%s（%s）",
                                             json_object_get_string_member_with_default (year, "source", ""),
                                             json_object_get_string_member_with_default (year, "reference", ""));

  for (guint i = 0; off != NULL && i < json_array_get_length (off); i++)
    if (!load_range (self, json_array_get_object_element (off, i), error))
      return FALSE;
  for (guint i = 0; work != NULL && i < json_array_get_length (work); i++)
    {
      JsonObject *day = json_array_get_object_element (work, i);
      GDate date;

      if (!zs_service_parse_date (json_object_get_string_member_with_default (day, "day", NULL), "day", &date, error))
        return FALSE;
      zs_service_calendar_set_day (self, &date, TRUE,
                                   json_object_get_string_member_with_default (day, "name", ""), FALSE);
    }
  g_hash_table_replace (self->years, GINT_TO_POINTER (json_object_get_int_member (year, "year")),
                        g_steal_pointer (&source));
  return TRUE;
}

/**
 * zs_service_calendar_new_shipped:
 *
 * Returns: (transfer full): the calendar shipped with the plugin
 */
ZsServiceCalendar *
zs_service_calendar_new_shipped (GError **error)
{
  g_autoptr(ZsServiceCalendar) self = g_object_new (ZS_TYPE_SERVICE_CALENDAR, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SHIPPED_RESOURCE, 0, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *years;

  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  years = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "years");
  for (guint i = 0; i < json_array_get_length (years); i++)
    if (!load_year (self, json_array_get_object_element (years, i), error))
      return NULL;
  return g_steal_pointer (&self);
}

gboolean
zs_service_calendar_is_workday (ZsServiceCalendar *self,
                                const GDate       *date)
{
  g_autofree char *key = zs_service_format_date (date);
  ZsServiceDay *day = g_hash_table_lookup (self->days, key);
  GDateWeekday weekday;

  if (day != NULL)
    return day->working;
  weekday = g_date_get_weekday (date);
  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
}

gboolean
zs_service_calendar_covers_year (ZsServiceCalendar *self,
                                 int                year)
{
  return g_hash_table_contains (self->years, GINT_TO_POINTER (year));
}

gboolean
zs_service_calendar_covers_span (ZsServiceCalendar *self,
                                 const GDate       *from,
                                 const GDate       *to)
{
  int first = MIN (g_date_get_year (from), g_date_get_year (to));
  int last = MAX (g_date_get_year (from), g_date_get_year (to));

  for (int year = first; year <= last; year++)
    if (!zs_service_calendar_covers_year (self, year))
      return FALSE;
  return TRUE;
}

/**
 * zs_service_calendar_get_source:
 *
 * Returns: (nullable): the notice @year's schedule comes from, "" when only
 *   the user's days cover it, %NULL when nothing does
 */
const char *
zs_service_calendar_get_source (ZsServiceCalendar *self,
                                int                year)
{
  return g_hash_table_lookup (self->years, GINT_TO_POINTER (year));
}

/* The Nth working day after @start (before it when @days is negative);
 * @start itself is not counted. */
void
zs_service_calendar_add (ZsServiceCalendar *self,
                         const GDate       *start,
                         gint               days,
                         GDate             *result)
{
  guint left = ABS (days);

  *result = *start;
  while (left > 0)
    {
      if (days > 0)
        g_date_add_days (result, 1);
      else
        g_date_subtract_days (result, 1);
      if (zs_service_calendar_is_workday (self, result))
        left--;
    }
}

/* Working days after @from up to and including @to; negative when @to
 * comes first. */
gint64
zs_service_calendar_between (ZsServiceCalendar *self,
                             const GDate       *from,
                             const GDate       *to)
{
  GDate day = *from;
  gint64 count = 0;

  if (g_date_compare (to, from) < 0)
    return -zs_service_calendar_between (self, to, from);
  while (g_date_compare (&day, to) < 0)
    {
      g_date_add_days (&day, 1);
      if (zs_service_calendar_is_workday (self, &day))
        count++;
    }
  return count;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 ((*(ZsServiceDay **) a)->day, (*(ZsServiceDay **) b)->day);
}

/**
 * zs_service_calendar_list_year:
 * @year: a year, or 0 for every year
 *
 * Returns: (transfer container) (element-type ZsServiceDay): the days of
 *   @year that differ from the weekend rule, in order; owned by @self
 */
GPtrArray *
zs_service_calendar_list_year (ZsServiceCalendar *self,
                               int                year)
{
  GPtrArray *days = g_ptr_array_new ();
  GHashTableIter iter;
  ZsServiceDay *day;
  char prefix[8];

  g_snprintf (prefix, sizeof prefix, "%04d-", year);
  g_hash_table_iter_init (&iter, self->days);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &day))
    if (year == 0 || g_str_has_prefix (day->day, prefix))
      g_ptr_array_add (days, day);
  g_ptr_array_sort (days, compare_days);
  return days;
}
