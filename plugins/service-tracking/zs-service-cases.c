/* zs-service-cases.c: service cases, their items and 容缺 commitments
 *
 * An item's status is open, waiting (it goes ahead on a written commitment
 * while a document is missing), done or reopened. A commitment is the
 * missing document and the day the firm promised it; it is open until the
 * document is supplied. A commitment still open after its day reopens the
 * item with a note (zs_service_sweep(), run as of today whenever cases or
 * items are read, or as of any day with `service sweep`); the update is
 * audited like every record write, and the overdue report escalates it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "zs-service-tracker.h"

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

JsonNode *
zs_service_item_to_json (ZsRecord *item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *document = zs_record_get_string (item, "document");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, zs_record_get_id (item));
  json_builder_set_member_name (builder, "case_id");
  json_builder_add_int_value (builder, zs_record_get_int64 (item, "case_id"));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, zs_record_get_string (item, "name"));
  json_builder_set_member_name (builder, "department");
  json_builder_add_string_value (builder, zs_record_get_string (item, "department"));
  json_builder_set_member_name (builder, "days");
  json_builder_add_int_value (builder, zs_record_get_int64 (item, "days"));
  json_builder_set_member_name (builder, "opened");
  json_builder_add_string_value (builder, zs_record_get_string (item, "opened"));
  json_builder_set_member_name (builder, "due");
  json_builder_add_string_value (builder, zs_record_get_string (item, "due"));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, zs_record_get_string (item, "status"));
  json_builder_set_member_name (builder, "done");
  if (is_blank (zs_record_get_string (item, "done")))
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, zs_record_get_string (item, "done"));
  json_builder_set_member_name (builder, "commitment");
  if (is_blank (document))
    json_builder_add_null_value (builder);
  else
    {
      const char *supplied = zs_record_get_string (item, "supplied");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "document");
      json_builder_add_string_value (builder, document);
      json_builder_set_member_name (builder, "by");
      json_builder_add_string_value (builder, zs_record_get_string (item, "commit_by"));
      json_builder_set_member_name (builder, "supplied");
      if (is_blank (supplied))
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, supplied);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, zs_record_get_string (item, "note") ? zs_record_get_string (item, "note") : "");
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static ZsRecord *
get_record (ZsStore     *store,
            const char  *type_name,
            gint64       id,
            const char  *what,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GObject *record = zs_store_get_record (store, type_name, id, &local_error);

  if (record == NULL)
    {
      if (g_error_matches (local_error, ZS_ERROR, ZS_ERROR_NOT_FOUND))
        g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("There is no %s %" PRId64), what, id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return ZS_RECORD (record);
}

/* A staff member by id or by exact name. */
static gint64
find_manager (ZsStore     *store,
              const char  *text,
              GError     **error)
{
  g_autoptr(GPtrArray) staff = zs_store_list_staff (store, error);
  char *end = NULL;
  gint64 id = g_ascii_strtoll (text, &end, 10);

  if (staff == NULL)
    return 0;
  for (guint i = 0; i < staff->len; i++)
    if ((end != text && *end == '\0' && zs_staff_get_id (staff->pdata[i]) == id) ||
        g_strcmp0 (zs_staff_get_name (staff->pdata[i]), text) == 0)
      return zs_staff_get_id (staff->pdata[i]);
  g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
               _("--manager: there is no staff member “%s” (give an id or a name)"), text);
  return 0;
}

static ZsRecord *
create_item (ZsStore            *store,
             ZsServiceCalendar  *calendar,
             gint64              case_id,
             const char         *name,
             const char         *department,
             gint64              days,
             const GDate        *opened,
             GError            **error)
{
  g_autoptr(ZsRecord) item = zs_service_new_record (store, ZS_SERVICE_ITEM);
  g_autofree char *opened_text = zs_service_format_date (opened);
  g_autofree char *due_text = NULL;
  GDate due;

  if (days < 0 || days > 1000)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("--days: “%" PRId64 "” is not a time limit (0 to 1000 working days)"), days);
      return NULL;
    }
  zs_service_calendar_add (calendar, opened, (gint) days, &due);
  due_text = zs_service_format_date (&due);
  zs_record_set_int64 (item, "case_id", case_id);
  zs_record_set_string (item, "name", name);
  zs_record_set_string (item, "department", department);
  zs_record_set_int64 (item, "days", days);
  zs_record_set_string (item, "opened", opened_text);
  zs_record_set_string (item, "due", due_text);
  zs_record_set_string (item, "status", "open");
  if (zs_store_create_record (store, G_OBJECT (item), error) <= 0)
    return NULL;
  return g_steal_pointer (&item);
}

static gboolean
project_is_signed (ZsProject  *project,
                   GError    **error)
{
  ZsStage stage = zs_project_get_stage (project);

  if (stage == ZS_STAGE_SIGNED || stage == ZS_STAGE_REGISTERED ||
      stage == ZS_STAGE_UNDER_CONSTRUCTION || stage == ZS_STAGE_IN_PRODUCTION)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("PROJECT: project %" PRId64 " is at stage %s; a service case needs 签约 (signed) or later"),
               zs_project_get_id (project), zs_stage_get_chinese_name (stage));
  return FALSE;
}

static gboolean
add_template_items (ZsStore            *store,
                    ZsServiceCalendar  *calendar,
                    gint64              case_id,
                    GPtrArray          *templates,
                    const GDate        *opened,
                    GError            **error)
{
  for (guint i = 0; i < templates->len; i++)
    {
      ZsRecord *row = templates->pdata[i];
      g_autoptr(ZsRecord) item = create_item (store, calendar, case_id, zs_record_get_string (row, "name"),
                                              zs_record_get_string (row, "department"),
                                              zs_record_get_int64 (row, "days"), opened, error);
      if (item == NULL)
        return FALSE;
    }
  return TRUE;
}

static JsonNode *
case_to_json (ZsStore  *store,
              ZsRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(ZsProject) project = zs_store_get_project (store, zs_record_get_int64 (record, "project"), NULL);
  g_autofree char *manager = zs_service_manager_name (store, zs_record_get_int64 (record, "manager"));
  g_autofree char *id_text = g_strdup_printf ("%" PRId64, zs_record_get_id (record));
  g_autoptr(GPtrArray) items = zs_service_list (store, ZS_SERVICE_ITEM, "case_id", id_text, NULL);
  gint64 open = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    if (g_strcmp0 (zs_record_get_string (items->pdata[i], "status"), "done") != 0)
      open++;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, zs_record_get_id (record));
  json_builder_set_member_name (builder, "project_id");
  json_builder_add_int_value (builder, zs_record_get_int64 (record, "project"));
  json_builder_set_member_name (builder, "project");
  json_builder_add_string_value (builder, project ? zs_project_get_title (project) : "");
  json_builder_set_member_name (builder, "manager_id");
  json_builder_add_int_value (builder, zs_record_get_int64 (record, "manager"));
  json_builder_set_member_name (builder, "manager");
  json_builder_add_string_value (builder, manager);
  json_builder_set_member_name (builder, "opened");
  json_builder_add_string_value (builder, zs_record_get_string (record, "opened"));
  json_builder_set_member_name (builder, "items");
  json_builder_add_int_value (builder, items ? items->len : 0);
  json_builder_set_member_name (builder, "open_items");
  json_builder_add_int_value (builder, open);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
zs_service_open_case (ZsStore     *store,
                      gint64       project_id,
                      const char  *manager,
                      const char  *template_name,
                      const char  *opened_text,
                      GError     **error)
{
  g_autoptr(ZsServiceCalendar) calendar = NULL;
  g_autoptr(ZsProject) project = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(ZsRecord) record = NULL;
  g_autofree char *day = NULL;
  gint64 manager_id, case_id;
  GDate opened;

  template_name = template_name ? template_name : ZS_SERVICE_DEFAULT_TEMPLATE;
  if (!zs_service_resolve_date (opened_text, "--opened", &opened, error) ||
      !(project = zs_store_get_project (store, project_id, error)) ||
      !project_is_signed (project, error) ||
      (manager_id = find_manager (store, manager, error)) <= 0 ||
      !(templates = zs_service_list (store, ZS_SERVICE_TEMPLATE_ITEM, "template", template_name, error)) ||
      !(calendar = zs_service_load_calendar (store, error)))
    return NULL;
  if (templates->len == 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                   _("--template: there is no template “%s” (see “zhaoshang-cli records list %s”)"),
                   template_name, ZS_SERVICE_TEMPLATE_ITEM);
      return NULL;
    }
  day = zs_service_format_date (&opened);
  record = zs_service_new_record (store, ZS_SERVICE_CASE);
  zs_record_set_int64 (record, "project", project_id);
  zs_record_set_int64 (record, "manager", manager_id);
  zs_record_set_string (record, "opened", day);
  zs_record_set_string (record, "template", template_name);
  if (!zs_store_begin (store, error))
    return NULL;
  if ((case_id = zs_store_create_record (store, G_OBJECT (record), error)) <= 0 ||
      !add_template_items (store, calendar, case_id, templates, &opened, error) ||
      !zs_store_commit (store, error))
    {
      zs_store_rollback (store);
      return NULL;
    }
  return case_to_json (store, record);
}

/* Reading applies the expired commitments as of today; a reader who may not
 * write (a viewer) still reads. */
static JsonNode *
sweep_quietly (ZsStore *store)
{
  g_autoptr(GError) error = NULL;
  JsonNode *swept = zs_service_sweep (store, NULL, &error);

  if (swept == NULL)
    g_debug ("Expired commitments not applied: %s", error->message);
  return swept;
}

JsonNode *
zs_service_list_cases (ZsStore     *store,
                       const char  *manager,
                       GError     **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(JsonNode) swept = NULL;
  g_autofree char *manager_text = NULL;
  JsonArray *rows = json_array_new ();
  JsonNode *node = json_node_alloc ();

  json_node_init_array (node, rows);
  json_array_unref (rows);
  if (manager != NULL)
    {
      gint64 id = find_manager (store, manager, error);

      if (id <= 0)
        return (json_node_unref (node), NULL);
      manager_text = g_strdup_printf ("%" PRId64, id);
    }
  swept = sweep_quietly (store);
  if (!(cases = zs_service_list (store, ZS_SERVICE_CASE, manager_text ? "manager" : NULL, manager_text, error)))
    return (json_node_unref (node), NULL);
  for (guint i = 0; i < cases->len; i++)
    json_array_add_element (rows, case_to_json (store, cases->pdata[i]));
  return node;
}

/* A due date counted in a year without a holiday schedule may be off by
 * the holidays and 调休 days of that year: the item says so. */
void
zs_service_note_schedule (JsonNode          *item_json,
                          ZsServiceCalendar *calendar)
{
  JsonObject *item = json_node_get_object (item_json);
  g_autofree char *warning = NULL;
  GDate opened, due;

  if (zs_service_resolve_date (json_object_get_string_member (item, "opened"), "opened", &opened, NULL) &&
      zs_service_resolve_date (json_object_get_string_member (item, "due"), "due", &due, NULL))
    warning = zs_service_schedule_gap (calendar, &opened, &due);
  if (warning != NULL)
    json_object_set_string_member (item, "schedule_warning", warning);
  else
    json_object_set_null_member (item, "schedule_warning");
}

JsonNode *
zs_service_list_items (ZsStore  *store,
                       gint64    case_id,
                       GError  **error)
{
  g_autoptr(ZsRecord) service_case = get_record (store, ZS_SERVICE_CASE, case_id, _("service case"), error);
  g_autofree char *id_text = g_strdup_printf ("%" PRId64, case_id);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonNode) swept = NULL;
  g_autoptr(ZsServiceCalendar) calendar = NULL;
  JsonArray *rows;
  JsonNode *node;

  if (service_case == NULL)
    return NULL;
  swept = sweep_quietly (store);
  if (!(items = zs_service_list (store, ZS_SERVICE_ITEM, "case_id", id_text, error)) ||
      !(calendar = zs_service_load_calendar (store, error)))
    return NULL;
  rows = json_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      JsonNode *row = zs_service_item_to_json (items->pdata[i]);

      zs_service_note_schedule (row, calendar);
      json_array_add_element (rows, row);
    }
  node = json_node_alloc ();
  json_node_init_array (node, rows);
  json_array_unref (rows);
  return node;
}

JsonNode *
zs_service_add_item (ZsStore     *store,
                     gint64       case_id,
                     const char  *name,
                     const char  *department,
                     gint64       days,
                     const char  *opened_text,
                     GError     **error)
{
  g_autoptr(ZsRecord) service_case = get_record (store, ZS_SERVICE_CASE, case_id, _("service case"), error);
  g_autoptr(ZsServiceCalendar) calendar = NULL;
  g_autoptr(ZsRecord) item = NULL;
  JsonNode *node;
  GDate opened;

  if (service_case == NULL || !zs_service_resolve_date (opened_text, "--opened", &opened, error) ||
      !(calendar = zs_service_load_calendar (store, error)) ||
      !(item = create_item (store, calendar, case_id, name, department, days, &opened, error)))
    return NULL;
  node = zs_service_item_to_json (item);
  zs_service_note_schedule (node, calendar);
  return node;
}

JsonNode *
zs_service_item_done (ZsStore     *store,
                      gint64       id,
                      const char  *date,
                      GError     **error)
{
  g_autoptr(ZsRecord) item = get_record (store, ZS_SERVICE_ITEM, id, _("service item"), error);
  g_autofree char *day = NULL;
  GDate done;

  if (item == NULL || !zs_service_resolve_date (date, "--date", &done, error))
    return NULL;
  if (g_strcmp0 (zs_record_get_string (item, "status"), "done") == 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("ITEM: item %" PRId64 " is already done (on %s)"),
                   id, zs_record_get_string (item, "done"));
      return NULL;
    }
  day = zs_service_format_date (&done);
  if (g_strcmp0 (day, zs_record_get_string (item, "opened")) < 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("--date: “%s” is before the item was opened (%s)"),
                   day, zs_record_get_string (item, "opened"));
      return NULL;
    }
  zs_record_set_string (item, "status", "done");
  zs_record_set_string (item, "done", day);
  if (!zs_store_update_record (store, G_OBJECT (item), error))
    return NULL;
  return zs_service_item_to_json (item);
}

JsonNode *
zs_service_commit (ZsStore     *store,
                   gint64       id,
                   const char  *document,
                   const char  *by,
                   GError     **error)
{
  g_autoptr(ZsRecord) item = get_record (store, ZS_SERVICE_ITEM, id, _("service item"), error);
  g_autofree char *day = NULL;
  GDate date;

  if (item == NULL || !zs_service_parse_date (by, "--by", &date, error))
    return NULL;
  if (is_blank (document))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("--document: name the missing document"));
      return NULL;
    }
  if (!is_blank (zs_record_get_string (item, "document")) && is_blank (zs_record_get_string (item, "supplied")))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("ITEM: item %" PRId64 " already goes ahead on a commitment to supply “%s”"),
                   id, zs_record_get_string (item, "document"));
      return NULL;
    }
  day = zs_service_format_date (&date);
  zs_record_set_string (item, "document", document);
  zs_record_set_string (item, "commit_by", day);
  zs_record_set_string (item, "supplied", NULL);
  if (g_strcmp0 (zs_record_get_string (item, "status"), "done") != 0)
    zs_record_set_string (item, "status", "waiting");
  if (!zs_store_update_record (store, G_OBJECT (item), error))
    return NULL;
  return zs_service_item_to_json (item);
}

JsonNode *
zs_service_supply (ZsStore     *store,
                   gint64       id,
                   const char  *date,
                   GError     **error)
{
  g_autoptr(ZsRecord) item = get_record (store, ZS_SERVICE_ITEM, id, _("service item"), error);
  g_autofree char *day = NULL;
  const char *status;
  GDate supplied;

  if (item == NULL || !zs_service_resolve_date (date, "--date", &supplied, error))
    return NULL;
  if (is_blank (zs_record_get_string (item, "document")) || !is_blank (zs_record_get_string (item, "supplied")))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("ITEM: item %" PRId64 " has no open commitment"), id);
      return NULL;
    }
  day = zs_service_format_date (&supplied);
  status = zs_record_get_string (item, "status");
  zs_record_set_string (item, "supplied", day);
  /* the document is in: the item goes on as an ordinary one */
  if (g_strcmp0 (status, "waiting") == 0 ||
      (g_strcmp0 (status, "reopened") == 0 && is_blank (zs_record_get_string (item, "done"))))
    zs_record_set_string (item, "status", "open");
  else if (g_strcmp0 (status, "reopened") == 0)
    zs_record_set_string (item, "status", "done");
  if (!zs_store_update_record (store, G_OBJECT (item), error))
    return NULL;
  return zs_service_item_to_json (item);
}

static gboolean
reopen (ZsStore   *store,
        ZsRecord  *item,
        GError   **error)
{
  g_autofree char *note = g_strdup_printf (_("Reopened: the commitment to supply “%s” by %s was not kept"),
                                           zs_record_get_string (item, "document"),
                                           zs_record_get_string (item, "commit_by"));
  const char *old_note = zs_record_get_string (item, "note");
  g_autofree char *full = is_blank (old_note) ? g_strdup (note) : g_strdup_printf ("%s\n%s", old_note, note);

  zs_record_set_string (item, "status", "reopened");
  zs_record_set_string (item, "note", full);
  return zs_store_update_record (store, G_OBJECT (item), error);
}

/**
 * zs_service_sweep:
 * @as_of: (nullable): the day, today when %NULL
 *
 * Reopens every item whose commitment is still open after its day.
 *
 * Returns: (transfer full): the items reopened now
 */
JsonNode *
zs_service_sweep (ZsStore     *store,
                  const char  *as_of,
                  GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *day = NULL;
  JsonArray *rows;
  JsonNode *node;
  GDate date;

  if (!zs_service_resolve_date (as_of, "--as-of", &date, error) ||
      !(items = zs_service_list (store, ZS_SERVICE_ITEM, NULL, NULL, error)))
    return NULL;
  day = zs_service_format_date (&date);
  rows = json_array_new ();
  node = json_node_alloc ();
  json_node_init_array (node, rows);
  json_array_unref (rows);
  for (guint i = 0; i < items->len; i++)
    {
      ZsRecord *item = items->pdata[i];

      if (is_blank (zs_record_get_string (item, "document")) || !is_blank (zs_record_get_string (item, "supplied")) ||
          g_strcmp0 (zs_record_get_string (item, "status"), "reopened") == 0 ||
          g_strcmp0 (zs_record_get_string (item, "commit_by"), day) >= 0)
        continue;
      if (!reopen (store, item, error))
        return (json_node_unref (node), NULL);
      json_array_add_element (rows, zs_service_item_to_json (item));
    }
  return node;
}
