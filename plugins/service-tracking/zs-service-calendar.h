/* zs-service-calendar.h: working days as government offices count them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ZS_TYPE_SERVICE_CALENDAR (zs_service_calendar_get_type ())
G_DECLARE_FINAL_TYPE (ZsServiceCalendar, zs_service_calendar, ZS, SERVICE_CALENDAR, GObject)

ZsServiceCalendar *zs_service_calendar_new_shipped (GError            **error);
void               zs_service_calendar_set_day     (ZsServiceCalendar  *self,
                                                    const GDate        *day,
                                                    gboolean            working,
                                                    const char         *note,
                                                    gboolean            user);
gboolean           zs_service_calendar_is_workday  (ZsServiceCalendar  *self,
                                                    const GDate        *day);
gboolean           zs_service_calendar_covers_year (ZsServiceCalendar  *self,
                                                    int                 year);
gboolean           zs_service_calendar_covers_span (ZsServiceCalendar  *self,
                                                    const GDate        *from,
                                                    const GDate        *to);
void               zs_service_calendar_add         (ZsServiceCalendar  *self,
                                                    const GDate        *start,
                                                    gint                days,
                                                    GDate              *result);
gint64             zs_service_calendar_between     (ZsServiceCalendar  *self,
                                                    const GDate        *from,
                                                    const GDate        *to);
GPtrArray         *zs_service_calendar_list_year   (ZsServiceCalendar  *self,
                                                    int                 year);
const char        *zs_service_calendar_get_source  (ZsServiceCalendar  *self,
                                                    int                 year);

gboolean           zs_service_parse_date           (const char         *text,
                                                    const char         *field,
                                                    GDate              *date,
                                                    GError            **error);
char              *zs_service_format_date          (const GDate        *date);

/* One day of the calendar that differs from the weekend rule. */
typedef struct
{
  char     *day;
  gboolean  working;
  char     *note;
  gboolean  user;
} ZsServiceDay;

void               zs_service_day_free             (ZsServiceDay       *day);

G_END_DECLS
