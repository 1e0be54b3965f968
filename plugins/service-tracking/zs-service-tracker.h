/* zs-service-tracker.h: service cases, items, 容缺 commitments, 联审联批,
 * overdue escalation and 三未 lists
 *
 * Every function works on the store it is given and answers JSON; dates are
 * YYYY-MM-DD and a NULL date means today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <zhaoshang.h>

#include "zs-service-calendar.h"
#include "zs-service-desk.h"

G_BEGIN_DECLS

#define ZS_SERVICE_MODULE_NAME "service-tracking"
#define ZS_SERVICE_TYPES_RESOURCE "/cn/zhaoshang/service-tracking/service-tracking-types.json"

#define ZS_SERVICE_CASE "service_tracking.case"
#define ZS_SERVICE_ITEM "service_tracking.item"
#define ZS_SERVICE_REVIEW "service_tracking.review"
#define ZS_SERVICE_SIGNOFF "service_tracking.signoff"
#define ZS_SERVICE_VISIT "service_tracking.visit"
#define ZS_SERVICE_HOLIDAY "service_tracking.holiday"
#define ZS_SERVICE_TEMPLATE_ITEM "service_tracking.template_item"
#define ZS_SERVICE_SETTING "service_tracking.setting"
#define ZS_SERVICE_DEFAULT_TEMPLATE "标准"

/* zs-service-records.c */
GPtrArray         *zs_service_list         (ZsStore     *store,
                                            const char  *type_name,
                                            const char  *field,
                                            const char  *value,
                                            GError     **error);
ZsRecord          *zs_service_new_record   (ZsStore     *store,
                                            const char  *type_name);
gint64             zs_service_setting      (ZsStore     *store,
                                            const char  *key,
                                            gint64       default_value);
ZsServiceCalendar *zs_service_load_calendar (ZsStore    *store,
                                            GError     **error);
gboolean           zs_service_resolve_date (const char  *text,
                                            const char  *field,
                                            GDate       *date,
                                            GError     **error);
char              *zs_service_manager_name (ZsStore     *store,
                                            gint64       staff_id);
gboolean           zs_service_seed_templates (ZsStore   *store,
                                            GError     **error);

/* zs-service-cases.c */
JsonNode *zs_service_open_case    (ZsStore *store, gint64 project_id, const char *manager,
                                   const char *template_name, const char *opened, GError **error);
JsonNode *zs_service_list_cases   (ZsStore *store, const char *manager, GError **error);
JsonNode *zs_service_list_items   (ZsStore *store, gint64 case_id, GError **error);
JsonNode *zs_service_add_item     (ZsStore *store, gint64 case_id, const char *name,
                                   const char *department, gint64 days, const char *opened, GError **error);
JsonNode *zs_service_item_done    (ZsStore *store, gint64 item, const char *date, GError **error);
JsonNode *zs_service_commit       (ZsStore *store, gint64 item, const char *document, const char *by,
                                   GError **error);
JsonNode *zs_service_supply       (ZsStore *store, gint64 item, const char *date, GError **error);
JsonNode *zs_service_sweep        (ZsStore *store, const char *as_of, GError **error);
JsonNode *zs_service_item_to_json (ZsRecord *item);
void      zs_service_note_schedule (JsonNode *item_json, ZsServiceCalendar *calendar);

/* zs-service-reviews.c */
JsonNode *zs_service_open_review  (ZsStore *store, gint64 case_id, const char * const *departments,
                                   gint64 days, const char *opened, GError **error);
JsonNode *zs_service_sign         (ZsStore *store, gint64 review, const char *department,
                                   const char *date, const char *remarks, GError **error);
JsonNode *zs_service_list_reviews (ZsStore *store, gint64 case_id, GError **error);
JsonNode *zs_service_add_visit    (ZsStore *store, gint64 case_id, const char *date, gint64 rating,
                                   const char *department, const char *notes, GError **error);
JsonNode *zs_service_ratings      (ZsStore *store, GError **error);

/* zs-service-report.c */
JsonNode *zs_service_overdue      (ZsStore *store, const char *as_of, GError **error);
JsonNode *zs_service_sanwei       (ZsStore *store, const char *as_of, GError **error);
JsonNode *zs_service_overview     (ZsStore *store, const char *as_of, GError **error);
const char *zs_service_level      (ZsStore *store, gint64 days_late);

/* zs-service-days.c */
JsonNode *zs_service_workdays_add     (ZsStore *store, const char *date, gint64 days, GError **error);
JsonNode *zs_service_workdays_between (ZsStore *store, const char *from, const char *to, GError **error);
JsonNode *zs_service_holidays_list    (ZsStore *store, gint64 year, GError **error);
JsonNode *zs_service_holidays_set     (ZsStore *store, const char *date, const char *kind,
                                       const char *note, GError **error);
char     *zs_service_schedule_gap     (ZsServiceCalendar *calendar, const GDate *from, const GDate *to);

#define ZS_TYPE_SERVICE_TRACKER (zs_service_tracker_get_type ())
G_DECLARE_FINAL_TYPE (ZsServiceTracker, zs_service_tracker, ZS, SERVICE_TRACKER, GObject)

void              zs_service_tracker_register (GTypeModule *module);
ZsServiceTracker *zs_service_tracker_new      (void);
gboolean          zs_service_ensure_types     (ZsStore     *store,
                                               GError     **error);

/* zs-service-follow-ups.c: the items due, among the app's follow-ups */
#define ZS_TYPE_SERVICE_FOLLOW_UPS (zs_service_follow_ups_get_type ())
G_DECLARE_FINAL_TYPE (ZsServiceFollowUps, zs_service_follow_ups, ZS, SERVICE_FOLLOW_UPS, GObject)

void              zs_service_follow_ups_register (GTypeModule *module);

G_END_DECLS
