/* zs-service-reviews.c: 联审联批 (joint reviews) and service visits
 *
 * A joint review names the departments that must sign it; it is complete
 * when the last of them has signed, and has a time limit of its own in
 * working days. A visit to the firm carries a 1–5 rating, averaged per
 * service manager and per department.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "zs-service-tracker.h"

#define DEFAULT_REVIEW_DAYS 10

static ZsRecord *
get_case (ZsStore  *store,
          gint64    id,
          GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  GObject *record = zs_store_get_record (store, ZS_SERVICE_CASE, id, &local_error);

  if (record == NULL)
    g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("CASE: there is no service case %" PRId64), id);
  return record ? ZS_RECORD (record) : NULL;
}

static GStrv
review_departments (ZsRecord *review)
{
  return g_strsplit (zs_record_get_string (review, "departments"), ",", -1);
}

static GPtrArray *
list_signoffs (ZsStore  *store,
               gint64    review,
               GError  **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" PRId64, review);

  return zs_service_list (store, ZS_SERVICE_SIGNOFF, "review", id_text, error);
}

static ZsRecord *
find_signoff (GPtrArray  *signoffs,
              const char *department)
{
  for (guint i = 0; i < signoffs->len; i++)
    if (g_strcmp0 (zs_record_get_string (signoffs->pdata[i], "department"), department) == 0)
      return signoffs->pdata[i];
  return NULL;
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *name,
                  const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static JsonNode *
review_to_json (ZsStore   *store,
                ZsRecord  *review,
                GError   **error)
{
  g_autoptr(GPtrArray) signoffs = list_signoffs (store, zs_record_get_id (review), error);
  g_auto(GStrv) departments = review_departments (review);
  g_autoptr(GStrvBuilder) signed_by = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) waiting = g_strv_builder_new ();
  g_auto(GStrv) signed_list = NULL, waiting_list = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *completed = NULL;

  if (signoffs == NULL)
    return NULL;
  for (guint i = 0; departments[i] != NULL; i++)
    {
      ZsRecord *signoff = find_signoff (signoffs, departments[i]);

      g_strv_builder_add (signoff ? signed_by : waiting, departments[i]);
      if (signoff != NULL && g_strcmp0 (zs_record_get_string (signoff, "date"), completed) > 0)
        completed = zs_record_get_string (signoff, "date");
    }
  signed_list = g_strv_builder_end (signed_by);
  waiting_list = g_strv_builder_end (waiting);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, zs_record_get_id (review));
  json_builder_set_member_name (builder, "case_id");
  json_builder_add_int_value (builder, zs_record_get_int64 (review, "case_id"));
  add_string_array (builder, "departments", (const char * const *) departments);
  add_string_array (builder, "signed", (const char * const *) signed_list);
  add_string_array (builder, "waiting", (const char * const *) waiting_list);
  json_builder_set_member_name (builder, "complete");
  json_builder_add_boolean_value (builder, waiting_list[0] == NULL);
  json_builder_set_member_name (builder, "days");
  json_builder_add_int_value (builder, zs_record_get_int64 (review, "days"));
  json_builder_set_member_name (builder, "opened");
  json_builder_add_string_value (builder, zs_record_get_string (review, "opened"));
  json_builder_set_member_name (builder, "due");
  json_builder_add_string_value (builder, zs_record_get_string (review, "due"));
  json_builder_set_member_name (builder, "completed");
  if (waiting_list[0] == NULL && completed != NULL)
    json_builder_add_string_value (builder, completed);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The departments, trimmed, without empty names or repeats. */
static char *
join_departments (const char * const  *names,
                  GError             **error)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(GString) text = g_string_new (names[i]);
      g_auto(GStrv) parts = NULL;

      /* the Chinese comma and 、 separate as “,” does */
      g_string_replace (text, "，", ",", 0);
      g_string_replace (text, "、", ",", 0);
      parts = g_strsplit (text->str, ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          char *name = g_strstrip (parts[j]);

          if (*name != '\0' && !g_ptr_array_find_with_equal_func (seen, name, g_str_equal, NULL))
            g_ptr_array_add (seen, g_strdup (name));
        }
    }
  if (seen->len == 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("--departments: name at least one department"));
      return NULL;
    }
  g_ptr_array_add (seen, NULL);
  return g_strjoinv (",", (char **) seen->pdata);
}

JsonNode *
zs_service_open_review (ZsStore             *store,
                        gint64               case_id,
                        const char * const  *names,
                        gint64               days,
                        const char          *opened_text,
                        GError             **error)
{
  g_autoptr(ZsRecord) service_case = get_case (store, case_id, error);
  g_autoptr(ZsServiceCalendar) calendar = NULL;
  g_autoptr(ZsRecord) review = NULL;
  g_autofree char *departments = NULL, *opened_day = NULL, *due_day = NULL;
  GDate opened, due;

  days = days < 0 ? DEFAULT_REVIEW_DAYS : days;
  if (service_case == NULL || !(departments = join_departments (names, error)) ||
      !zs_service_resolve_date (opened_text, "--opened", &opened, error) ||
      !(calendar = zs_service_load_calendar (store, error)))
    return NULL;
  if (days > 1000)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("--days: “%" PRId64 "” is not a time limit (0 to 1000 working days)"), days);
      return NULL;
    }
  zs_service_calendar_add (calendar, &opened, (gint) days, &due);
  opened_day = zs_service_format_date (&opened);
  due_day = zs_service_format_date (&due);
  review = zs_service_new_record (store, ZS_SERVICE_REVIEW);
  zs_record_set_int64 (review, "case_id", case_id);
  zs_record_set_string (review, "departments", departments);
  zs_record_set_int64 (review, "days", days);
  zs_record_set_string (review, "opened", opened_day);
  zs_record_set_string (review, "due", due_day);
  if (zs_store_create_record (store, G_OBJECT (review), error) <= 0)
    return NULL;
  return review_to_json (store, review, error);
}

JsonNode *
zs_service_sign (ZsStore     *store,
                 gint64       id,
                 const char  *department,
                 const char  *date,
                 const char  *remarks,
                 GError     **error)
{
  g_autoptr(GObject) review = zs_store_get_record (store, ZS_SERVICE_REVIEW, id, NULL);
  g_autoptr(GPtrArray) signoffs = NULL;
  g_autoptr(ZsRecord) signoff = NULL;
  g_auto(GStrv) departments = NULL;
  g_autofree char *day = NULL;
  GDate signed_on;

  if (review == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("REVIEW: there is no joint review %" PRId64), id);
      return NULL;
    }
  departments = review_departments (ZS_RECORD (review));
  if (department == NULL || !g_strv_contains ((const char * const *) departments, department))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("--department: “%s” is not one of the review's departments (%s)"),
                   department ? department : "", zs_record_get_string (ZS_RECORD (review), "departments"));
      return NULL;
    }
  if (!(signoffs = list_signoffs (store, id, error)) ||
      !zs_service_resolve_date (date, "--date", &signed_on, error))
    return NULL;
  if (find_signoff (signoffs, department) != NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE, _("--department: “%s” has already signed review %" PRId64),
                   department, id);
      return NULL;
    }
  day = zs_service_format_date (&signed_on);
  signoff = zs_service_new_record (store, ZS_SERVICE_SIGNOFF);
  zs_record_set_int64 (signoff, "review", id);
  zs_record_set_string (signoff, "department", department);
  zs_record_set_string (signoff, "date", day);
  zs_record_set_string (signoff, "remarks", remarks);
  if (zs_store_create_record (store, G_OBJECT (signoff), error) <= 0)
    return NULL;
  return review_to_json (store, ZS_RECORD (review), error);
}

/**
 * zs_service_list_reviews:
 * @case_id: a case, or 0 for every review
 */
JsonNode *
zs_service_list_reviews (ZsStore  *store,
                         gint64    case_id,
                         GError  **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" PRId64, case_id);
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(ZsRecord) service_case = NULL;
  JsonArray *rows;
  JsonNode *node;

  if (case_id > 0 && !(service_case = get_case (store, case_id, error)))
    return NULL;
  if (!(reviews = zs_service_list (store, ZS_SERVICE_REVIEW, case_id > 0 ? "case_id" : NULL, id_text, error)))
    return NULL;
  rows = json_array_new ();
  node = json_node_alloc ();
  json_node_init_array (node, rows);
  json_array_unref (rows);
  for (guint i = 0; i < reviews->len; i++)
    {
      JsonNode *row = review_to_json (store, reviews->pdata[i], error);

      if (row == NULL)
        return (json_node_unref (node), NULL);
      json_array_add_element (rows, row);
    }
  return node;
}

JsonNode *
zs_service_add_visit (ZsStore     *store,
                      gint64       case_id,
                      const char  *date,
                      gint64       rating,
                      const char  *department,
                      const char  *notes,
                      GError     **error)
{
  g_autoptr(ZsRecord) service_case = get_case (store, case_id, error);
  g_autoptr(ZsRecord) visit = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GDate day;

  if (service_case == NULL || !zs_service_parse_date (date, "--date", &day, error))
    return NULL;
  if (rating < 1 || rating > 5)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("--rating: “%" PRId64 "” is not a rating from 1 to 5"), rating);
      return NULL;
    }
  visit = zs_service_new_record (store, ZS_SERVICE_VISIT);
  zs_record_set_int64 (visit, "case_id", case_id);
  zs_record_set_string (visit, "date", date);
  zs_record_set_int64 (visit, "rating", rating);
  zs_record_set_string (visit, "department", department);
  zs_record_set_string (visit, "notes", notes);
  if (zs_store_create_record (store, G_OBJECT (visit), error) <= 0)
    return NULL;
  return zs_record_to_json (G_OBJECT (visit));
}

typedef struct
{
  gint64 total;
  gint64 count;
} Tally;

static void
tally_add (GHashTable *tallies,
           const char *key,
           gint64      rating)
{
  Tally *tally = g_hash_table_lookup (tallies, key);

  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      g_hash_table_insert (tallies, g_strdup (key), tally);
    }
  tally->total += rating;
  tally->count++;
}

static JsonNode *
tallies_to_json (GHashTable *tallies,
                 const char *key_name)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (tallies), (GCompareFunc) g_strcmp0);
  JsonArray *rows = json_array_new ();
  JsonNode *node = json_node_alloc ();

  json_node_init_array (node, rows);
  json_array_unref (rows);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      Tally *tally = g_hash_table_lookup (tallies, l->data);
      JsonObject *row = json_object_new ();

      json_object_set_string_member (row, key_name, l->data);
      json_object_set_int_member (row, "visits", tally->count);
      json_object_set_double_member (row, "average", (double) tally->total / (double) tally->count);
      json_array_add_object_element (rows, row);
    }
  return node;
}

/* Average ratings per service manager and per department. */
JsonNode *
zs_service_ratings (ZsStore  *store,
                    GError  **error)
{
  g_autoptr(GPtrArray) visits = zs_service_list (store, ZS_SERVICE_VISIT, NULL, NULL, error);
  g_autoptr(GHashTable) managers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *result;
  JsonNode *node;

  if (visits == NULL)
    return NULL;
  for (guint i = 0; i < visits->len; i++)
    {
      ZsRecord *visit = visits->pdata[i];
      g_autoptr(GObject) service_case = zs_store_get_record (store, ZS_SERVICE_CASE,
                                                             zs_record_get_int64 (visit, "case_id"), NULL);
      const char *department = zs_record_get_string (visit, "department");
      gint64 rating = zs_record_get_int64 (visit, "rating");

      if (service_case != NULL)
        {
          g_autofree char *manager = zs_service_manager_name (store, zs_record_get_int64 (ZS_RECORD (service_case),
                                                                                         "manager"));
          tally_add (managers, manager, rating);
        }
      if (department != NULL && *department != '\0')
        tally_add (departments, department, rating);
    }
  result = json_object_new ();
  json_object_set_member (result, "managers", tallies_to_json (managers, "manager"));
  json_object_set_member (result, "departments", tallies_to_json (departments, "department"));
  node = json_node_alloc ();
  json_node_init_object (node, result);
  json_object_unref (result);
  return node;
}
