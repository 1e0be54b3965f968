/* zs-service-report.c: overdue escalation, 三未 lists and the page overview
 *
 * Days late are the working days after the due date up to and including
 * the day asked about, so nothing is late on its due date. The level is
 * 黄 (yellow) up to level_yellow_max working days late (2), 橙 (orange)
 * up to level_orange_max (5), 红 (red) beyond; both are settings.
 *
 * 三未: projects still at 签约, 注册 or 开工 more than sanwei_signed_days
 * (90), sanwei_registered_days (180) or sanwei_started_days (365) calendar
 * days after they entered that stage (their last stage change to it, or
 * their creation when they never moved).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "zs-service-tracker.h"

const char *
zs_service_level (ZsStore *store,
                  gint64   days_late)
{
  if (days_late <= zs_service_setting (store, "level_yellow_max", 2))
    return "yellow";
  if (days_late <= zs_service_setting (store, "level_orange_max", 5))
    return "orange";
  return "red";
}

static const char *
level_label (const char *level)
{
  if (g_str_equal (level, "yellow"))
    return "黄";
  return g_str_equal (level, "orange") ? "橙" : "红";
}

typedef struct
{
  ZsStore           *store;
  ZsServiceCalendar *calendar;
  GDate              as_of;
  GHashTable        *managers;   /* case id → manager name */
  JsonArray         *rows;
} Report;

static const char *
case_manager (Report *report,
              gint64  case_id)
{
  const char *name = g_hash_table_lookup (report->managers, &case_id);
  g_autoptr(GObject) service_case = NULL;
  gint64 *key;

  if (name != NULL)
    return name;
  service_case = zs_store_get_record (report->store, ZS_SERVICE_CASE, case_id, NULL);
  key = g_memdup2 (&case_id, sizeof case_id);
  g_hash_table_insert (report->managers, key,
                       service_case ? zs_service_manager_name (report->store,
                                                               zs_record_get_int64 (ZS_RECORD (service_case), "manager"))
                                    : g_strdup (""));
  return g_hash_table_lookup (report->managers, key);
}

/* Adds a row when @due_text lies at least one working day before the day. */
static void
add_row (Report     *report,
         const char *kind,
         gint64      id,
         gint64      case_id,
         const char *name,
         const char *due_text,
         const char *department)
{
  JsonObject *row;
  const char *level;
  gint64 late;
  GDate due;

  if (!zs_service_parse_date (due_text, "due", &due, NULL) || g_date_compare (&due, &report->as_of) >= 0)
    return;
  late = zs_service_calendar_between (report->calendar, &due, &report->as_of);
  if (late < 1)
    return;
  level = zs_service_level (report->store, late);
  row = json_object_new ();
  json_object_set_string_member (row, "kind", kind);
  json_object_set_int_member (row, "id", id);
  json_object_set_int_member (row, "case_id", case_id);
  json_object_set_string_member (row, "name", name);
  json_object_set_string_member (row, "due", due_text);
  json_object_set_int_member (row, "days_late", late);
  json_object_set_string_member (row, "level", level);
  json_object_set_string_member (row, "level_label", level_label (level));
  json_object_set_string_member (row, "department", department);
  json_object_set_string_member (row, "manager", case_manager (report, case_id));
  json_array_add_object_element (report->rows, row);
}

static gboolean
report_items (Report  *report,
              GError **error)
{
  g_autoptr(GPtrArray) items = zs_service_list (report->store, ZS_SERVICE_ITEM, NULL, NULL, error);

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      ZsRecord *item = items->pdata[i];
      const char *document = zs_record_get_string (item, "document");
      const char *supplied = zs_record_get_string (item, "supplied");
      gint64 case_id = zs_record_get_int64 (item, "case_id");

      if (g_strcmp0 (zs_record_get_string (item, "status"), "done") != 0)
        add_row (report, "item", zs_record_get_id (item), case_id, zs_record_get_string (item, "name"),
                 zs_record_get_string (item, "due"), zs_record_get_string (item, "department"));
      if (document != NULL && *document != '\0' && (supplied == NULL || *supplied == '\0'))
        add_row (report, "commitment", zs_record_get_id (item), case_id, document,
                 zs_record_get_string (item, "commit_by"), zs_record_get_string (item, "department"));
    }
  return TRUE;
}

static gboolean
report_reviews (Report  *report,
                GError **error)
{
  g_autoptr(JsonNode) reviews = zs_service_list_reviews (report->store, 0, error);
  JsonArray *rows;

  if (reviews == NULL)
    return FALSE;
  rows = json_node_get_array (reviews);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *review = json_array_get_object_element (rows, i);
      JsonArray *waiting = json_object_get_array_member (review, "waiting");
      g_autoptr(GString) departments = g_string_new (NULL);

      if (json_object_get_boolean_member (review, "complete"))
        continue;
      for (guint j = 0; j < json_array_get_length (waiting); j++)
        g_string_append_printf (departments, "%s%s", j ? "," : "", json_array_get_string_element (waiting, j));
      add_row (report, "review", json_object_get_int_member (review, "id"),
               json_object_get_int_member (review, "case_id"), _("Joint review"),
               json_object_get_string_member (review, "due"), departments->str);
    }
  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  JsonObject *left = json_node_get_object (*(JsonNode **) a);
  JsonObject *right = json_node_get_object (*(JsonNode **) b);
  gint64 l = json_object_get_int_member (left, "days_late");
  gint64 r = json_object_get_int_member (right, "days_late");

  return l != r ? (l < r ? 1 : -1) : g_strcmp0 (json_object_get_string_member (left, "due"),
                                                json_object_get_string_member (right, "due"));
}

/* The rows, most days late first. */
static JsonNode *
sorted (JsonArray *rows)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  JsonArray *result = json_array_new ();
  JsonNode *node = json_node_alloc ();

  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_ptr_array_add (nodes, json_array_get_element (rows, i));
  g_ptr_array_sort (nodes, compare_rows);
  for (guint i = 0; i < nodes->len; i++)
    json_array_add_element (result, json_node_copy (nodes->pdata[i]));
  json_node_init_array (node, result);
  json_array_unref (result);
  return node;
}

/**
 * zs_service_overdue:
 * @as_of: (nullable): the day, today when %NULL
 *
 * Returns: (transfer full): every late item, commitment and review
 */
JsonNode *
zs_service_overdue (ZsStore     *store,
                    const char  *as_of,
                    GError     **error)
{
  g_autoptr(ZsServiceCalendar) calendar = NULL;
  g_autoptr(GHashTable) managers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(JsonArray) rows = json_array_new ();
  Report report = { store, NULL, { 0 }, managers, rows };

  if (!zs_service_resolve_date (as_of, "--as-of", &report.as_of, error) ||
      !(calendar = zs_service_load_calendar (store, error)))
    return NULL;
  report.calendar = calendar;
  if (!report_items (&report, error) || !report_reviews (&report, error))
    return NULL;
  return sorted (rows);
}

static const struct {
  ZsStage     stage;
  const char *list;
  const char *label;
  const char *setting;
  gint64      default_days;
} sanwei_lists[] = {
  { ZS_STAGE_SIGNED, "signed_not_registered", "签约未注册", "sanwei_signed_days", 90 },
  { ZS_STAGE_REGISTERED, "registered_not_started", "注册未开工", "sanwei_registered_days", 180 },
  { ZS_STAGE_UNDER_CONSTRUCTION, "started_not_producing", "开工未投产", "sanwei_started_days", 365 },
};

/* The day @project entered its current stage. */
static char *
stage_since (ZsStore   *store,
             ZsProject *project,
             const char *stage)
{
  g_autoptr(GPtrArray) changes = zs_store_list_stage_changes (store, zs_project_get_id (project), NULL);
  const char *since = zs_project_get_created_at (project);

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    if (g_strcmp0 (zs_stage_change_get_to_stage (changes->pdata[i]), stage) == 0 &&
        g_strcmp0 (zs_stage_change_get_at (changes->pdata[i]), since) > 0)
      since = zs_stage_change_get_at (changes->pdata[i]);
  return g_strndup (since ? since : "", 10);
}

static gboolean
add_sanwei_list (ZsStore      *store,
                 guint         index,
                 const GDate  *as_of,
                 JsonArray    *rows,
                 GError      **error)
{
  const char *stage = zs_enum_to_nick (ZS_TYPE_STAGE, sanwei_lists[index].stage);
  gint64 limit = zs_service_setting (store, sanwei_lists[index].setting, sanwei_lists[index].default_days);
  g_autoptr(GPtrArray) projects = zs_store_list_projects (store, 0, stage, NULL, 0, 0, error);

  if (projects == NULL)
    return FALSE;
  for (guint i = 0; i < projects->len; i++)
    {
      ZsProject *project = projects->pdata[i];
      g_autofree char *since = stage_since (store, project, stage);
      JsonObject *row;
      GDate entered;
      gint64 days;

      if (!zs_service_parse_date (since, "since", &entered, NULL))
        continue;
      days = (gint64) g_date_get_julian (as_of) - (gint64) g_date_get_julian (&entered);
      if (days <= limit)
        continue;
      row = json_object_new ();
      json_object_set_string_member (row, "list", sanwei_lists[index].list);
      json_object_set_string_member (row, "label", sanwei_lists[index].label);
      json_object_set_int_member (row, "project_id", zs_project_get_id (project));
      json_object_set_string_member (row, "title", zs_project_get_title (project));
      json_object_set_int_member (row, "firm_id", zs_project_get_firm_id (project));
      json_object_set_string_member (row, "stage", stage);
      json_object_set_string_member (row, "since", since);
      json_object_set_int_member (row, "days", days);
      json_object_set_int_member (row, "limit", limit);
      json_array_add_object_element (rows, row);
    }
  return TRUE;
}

/**
 * zs_service_sanwei:
 *
 * Returns: (transfer full): the projects on the 三未 lists as of the day
 */
JsonNode *
zs_service_sanwei (ZsStore     *store,
                   const char  *as_of,
                   GError     **error)
{
  JsonArray *rows = json_array_new ();
  JsonNode *node = json_node_alloc ();
  GDate day;

  json_node_init_array (node, rows);
  json_array_unref (rows);
  if (!zs_service_resolve_date (as_of, "--as-of", &day, error))
    return (json_node_unref (node), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sanwei_lists); i++)
    if (!add_sanwei_list (store, i, &day, rows, error))
      return (json_node_unref (node), NULL);
  return node;
}

/* Items not done whose due day lies in the seven days from @as_of on. */
static JsonNode *
due_this_week (ZsStore     *store,
               const GDate *as_of,
               GError     **error)
{
  g_autoptr(GPtrArray) items = zs_service_list (store, ZS_SERVICE_ITEM, NULL, NULL, error);
  g_autofree char *first = zs_service_format_date (as_of);
  g_autofree char *last = NULL;
  JsonArray *rows;
  JsonNode *node;
  GDate end = *as_of;

  if (items == NULL)
    return NULL;
  g_date_add_days (&end, 6);
  last = zs_service_format_date (&end);
  rows = json_array_new ();
  node = json_node_alloc ();
  json_node_init_array (node, rows);
  json_array_unref (rows);
  for (guint i = 0; i < items->len; i++)
    {
      const char *due = zs_record_get_string (items->pdata[i], "due");

      if (g_strcmp0 (zs_record_get_string (items->pdata[i], "status"), "done") != 0 &&
          g_strcmp0 (due, first) >= 0 && g_strcmp0 (due, last) <= 0)
        json_array_add_element (rows, zs_service_item_to_json (items->pdata[i]));
    }
  return node;
}

static JsonNode *
reviews_waiting (ZsStore  *store,
                 GError  **error)
{
  g_autoptr(JsonNode) reviews = zs_service_list_reviews (store, 0, error);
  JsonArray *rows, *all;
  JsonNode *node;

  if (reviews == NULL)
    return NULL;
  all = json_node_get_array (reviews);
  rows = json_array_new ();
  node = json_node_alloc ();
  json_node_init_array (node, rows);
  json_array_unref (rows);
  for (guint i = 0; i < json_array_get_length (all); i++)
    if (!json_object_get_boolean_member (json_array_get_object_element (all, i), "complete"))
      json_array_add_element (rows, json_array_dup_element (all, i));
  return node;
}

/**
 * zs_service_overview:
 *
 * Returns: (transfer full): what the Service page shows as of the day
 */
JsonNode *
zs_service_overview (ZsStore     *store,
                     const char  *as_of,
                     GError     **error)
{
  g_autoptr(JsonObject) result = json_object_new ();
  g_autofree char *day_text = NULL;
  JsonNode *member, *node;
  GDate day;

  if (!zs_service_resolve_date (as_of, "--as-of", &day, error))
    return NULL;
  day_text = zs_service_format_date (&day);
  json_object_set_string_member (result, "as_of", day_text);
  if (!(member = zs_service_list_cases (store, NULL, error)))
    return NULL;
  json_object_set_member (result, "cases", member);
  if (!(member = due_this_week (store, &day, error)))
    return NULL;
  json_object_set_member (result, "due_this_week", member);
  if (!(member = zs_service_overdue (store, day_text, error)))
    return NULL;
  json_object_set_member (result, "overdue", member);
  if (!(member = reviews_waiting (store, error)))
    return NULL;
  json_object_set_member (result, "reviews_waiting", member);
  if (!(member = zs_service_sanwei (store, day_text, error)))
    return NULL;
  json_object_set_member (result, "sanwei", member);
  node = json_node_alloc ();
  json_node_init_object (node, result);
  return node;
}
