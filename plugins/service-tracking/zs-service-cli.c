/* zs-service-cli.c: the `service`, `workdays` and `holidays` verbs
 *
 * One ZsCommand per subverb in the plugin's kit. Each handler answers JSON;
 * --json prints it as it is, otherwise a table (lists) or one line per
 * member (single answers) says the same. The work is done by the functions
 * of zs-service-tracker.h, which the page reaches through ZsServiceDesk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-service-cli.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "zs-service-tracker.h"

typedef JsonNode *(*Handler) (ZsCommandInvocation *command, ZsStore *store, GError **error);

typedef char *(*Renderer) (JsonObject *result);

typedef struct
{
  Handler             handler;
  const char * const *columns;   /* for a list; NULL prints members */
  Renderer            render;    /* for an object; NULL prints members */
} ServiceCommand;

static const char * const item_columns[] = { "id", "case_id", "name", "department", "days", "opened", "due",
                                             "status", "done", NULL };
static const char * const case_columns[] = { "id", "project_id", "project", "manager", "opened", "items",
                                             "open_items", NULL };
static const char * const review_columns[] = { "id", "case_id", "departments", "signed", "complete", "due", NULL };
static const char * const overdue_columns[] = { "kind", "id", "name", "due", "days_late", "level_label",
                                                "department", "manager", NULL };
static const char * const sanwei_columns[] = { "label", "project_id", "title", "since", "days", NULL };
static const char * const holiday_columns[] = { "day", "kind", "name", "origin", NULL };

/* A positional argument that must be a record id. */
static gboolean
argument_id (ZsCommandInvocation  *command,
             guint                 index,
             const char           *name,
             gint64               *id,
             GError              **error)
{
  const char * const *words = zs_command_invocation_get_arguments (command);
  const char *text = words != NULL ? words[index] : NULL;
  char *end = NULL;

  *id = text ? g_ascii_strtoll (text, &end, 10) : 0;
  if (text == NULL || *text == '\0' || *end != '\0' || *id <= 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s: “%s” is not an id"), name,
                   text ? text : "");
      return FALSE;
    }
  return TRUE;
}

static const char *
required (ZsCommandInvocation  *command,
          const char           *option,
          GError              **error)
{
  const char *value = zs_command_invocation_get_string (command, option);

  if (value == NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--%s is required"), option);
  return value;
}

static JsonNode *
run_open (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  const char *manager;
  gint64 project;

  if (!argument_id (command, 0, "PROJECT", &project, error) || !(manager = required (command, "manager", error)))
    return NULL;
  return zs_service_open_case (store, project, manager, zs_command_invocation_get_string (command, "template"),
                               zs_command_invocation_get_string (command, "opened"), error);
}

static JsonNode *
run_cases (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  return zs_service_list_cases (store, zs_command_invocation_get_string (command, "manager"), error);
}

static JsonNode *
run_items (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  gint64 id;

  return argument_id (command, 0, "CASE", &id, error) ? zs_service_list_items (store, id, error) : NULL;
}

static JsonNode *
run_item_add (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  const char *name, *department;
  gint64 id;

  if (!argument_id (command, 0, "CASE", &id, error) || !(name = required (command, "name", error)) ||
      !(department = required (command, "department", error)))
    return NULL;
  if (!zs_command_invocation_has_option (command, "days"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--%s is required"), "days");
      return NULL;
    }
  return zs_service_add_item (store, id, name, department, zs_command_invocation_get_int (command, "days", 0),
                              zs_command_invocation_get_string (command, "opened"), error);
}

static JsonNode *
run_done (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  gint64 id;

  return argument_id (command, 0, "ITEM", &id, error)
         ? zs_service_item_done (store, id, zs_command_invocation_get_string (command, "date"), error) : NULL;
}

static JsonNode *
run_commit (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  const char *document, *by;
  gint64 id;

  if (!argument_id (command, 0, "ITEM", &id, error) || !(document = required (command, "document", error)) ||
      !(by = required (command, "by", error)))
    return NULL;
  return zs_service_commit (store, id, document, by, error);
}

static JsonNode *
run_supply (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  gint64 id;

  return argument_id (command, 0, "ITEM", &id, error)
         ? zs_service_supply (store, id, zs_command_invocation_get_string (command, "date"), error) : NULL;
}

static JsonNode *
run_sweep (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  return zs_service_sweep (store, zs_command_invocation_get_string (command, "as-of"), error);
}

static JsonNode *
run_review (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  const char *departments;
  const char *list[] = { NULL, NULL };
  gint64 id;

  if (!argument_id (command, 0, "CASE", &id, error) || !(departments = required (command, "departments", error)))
    return NULL;
  list[0] = departments;
  return zs_service_open_review (store, id, list, zs_command_invocation_get_int (command, "days", -1),
                                 zs_command_invocation_get_string (command, "opened"), error);
}

static JsonNode *
run_sign (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  const char *department;
  gint64 id;

  if (!argument_id (command, 0, "REVIEW", &id, error) || !(department = required (command, "department", error)))
    return NULL;
  return zs_service_sign (store, id, department, zs_command_invocation_get_string (command, "date"),
                          zs_command_invocation_get_string (command, "remarks"), error);
}

static JsonNode *
run_reviews (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  const char * const *words = zs_command_invocation_get_arguments (command);
  gint64 id = 0;

  if (words != NULL && words[0] != NULL && !argument_id (command, 0, "CASE", &id, error))
    return NULL;
  return zs_service_list_reviews (store, id, error);
}

static JsonNode *
run_visit (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  const char *date;
  gint64 id;

  if (!argument_id (command, 0, "CASE", &id, error) || !(date = required (command, "date", error)))
    return NULL;
  if (!zs_command_invocation_has_option (command, "rating"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--%s is required"), "rating");
      return NULL;
    }
  return zs_service_add_visit (store, id, date, zs_command_invocation_get_int (command, "rating", 0),
                               zs_command_invocation_get_string (command, "department"),
                               zs_command_invocation_get_string (command, "notes"), error);
}

static JsonNode *
run_ratings (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  return zs_service_ratings (store, error);
}

static JsonNode *
run_overdue (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  return zs_service_overdue (store, zs_command_invocation_get_string (command, "as-of"), error);
}

static JsonNode *
run_sanwei (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  return zs_service_sanwei (store, zs_command_invocation_get_string (command, "as-of"), error);
}

static JsonNode *
run_workdays_add (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  const char * const *words = zs_command_invocation_get_arguments (command);
  char *end = NULL;
  gint64 days = g_ascii_strtoll (words[1], &end, 10);

  if (*words[1] == '\0' || *end != '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("N: “%s” is not a whole number"), words[1]);
      return NULL;
    }
  return zs_service_workdays_add (store, words[0], days, error);
}

static JsonNode *
run_workdays_between (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  const char * const *words = zs_command_invocation_get_arguments (command);

  return zs_service_workdays_between (store, words[0], words[1], error);
}

static JsonNode *
run_holidays_list (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  return zs_service_holidays_list (store, zs_command_invocation_get_int (command, "year", 0), error);
}

static JsonNode *
run_holidays_set (ZsCommandInvocation *command, ZsStore *store, GError **error)
{
  const char * const *words = zs_command_invocation_get_arguments (command);

  return zs_service_holidays_set (store, words[0], words[1], zs_command_invocation_get_string (command, "note"),
                                  error);
}

static void
append_value (GString  *text,
              JsonNode *value)
{
  if (JSON_NODE_HOLDS_NULL (value))
    g_string_append (text, "-");
  else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    g_string_append (text, json_node_get_string (value));
  else if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      /* a list of names, as the departments of a review */
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append (text, "、");
          append_value (text, json_array_get_element (array, i));
        }
    }
  else
    {
      g_autofree char *json = json_to_string (value, FALSE);

      g_string_append (text, json);
    }
}

/* Single answers: one line per member; a member holding a list of rows
 * becomes a table of its own. */
static char *
render_object (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);
  GString *text = g_string_new (NULL);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);

      if (JSON_NODE_HOLDS_ARRAY (value) && json_array_get_length (json_node_get_array (value)) > 0 &&
          JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (value), 0)))
        {
          g_autoptr(JsonObject) first = json_object_ref (json_array_get_object_element (json_node_get_array (value), 0));
          g_autoptr(GList) names = json_object_get_members (first);
          g_autoptr(GPtrArray) columns = g_ptr_array_new ();
          g_autofree char *table = NULL;

          for (GList *n = names; n != NULL; n = n->next)
            g_ptr_array_add (columns, n->data);
          g_ptr_array_add (columns, NULL);
          table = zs_command_format_table (json_node_get_array (value), (const char * const *) columns->pdata);
          g_string_append_printf (text, "%s:\n%s", (char *) l->data, table);
          continue;
        }
      g_string_append_printf (text, "%s: ", (char *) l->data);
      append_value (text, value);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* `workdays add` prints the day, `workdays between` the count; a year
 * without a schedule adds the warning on a line of its own. */
static char *
render_workdays (JsonObject *result)
{
  const char *warning = json_object_get_string_member_with_default (result, "warning", NULL);
  g_autofree char *value = json_object_has_member (result, "date")
                           ? g_strdup (json_object_get_string_member (result, "date"))
                           : g_strdup_printf ("%" PRId64, json_object_get_int_member (result, "workdays"));

  if (warning != NULL)
    return g_strdup_printf ("%s\n%s\n", value, warning);
  return g_strdup_printf ("%s\n", value);
}

/* Under a table of items: each distinct “no holiday schedule” warning once. */
static char *
schedule_warnings (JsonArray *rows)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      const char *warning = json_object_get_string_member_with_default (json_array_get_object_element (rows, i),
                                                                        "schedule_warning", NULL);

      if (warning != NULL && g_hash_table_add (seen, (gpointer) warning))
        g_string_append_printf (text, "%s\n", warning);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The table shows a list of names (a review's departments) as one cell. */
static JsonArray *
flatten_rows (JsonArray *rows)
{
  JsonArray *flat = json_array_new ();

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonObject *copy = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (row);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (row, l->data);

          if (JSON_NODE_HOLDS_ARRAY (value))
            {
              g_autoptr(GString) text = g_string_new (NULL);

              append_value (text, value);
              json_object_set_string_member (copy, l->data, text->str);
            }
          else
            json_object_set_member (copy, l->data, json_node_copy (value));
        }
      json_array_add_object_element (flat, copy);
    }
  return flat;
}

static gboolean
run_command (ZsCommandInvocation  *command,
             gpointer              user_data,
             GError              **error)
{
  const ServiceCommand *service_command = user_data;
  ZsStore *store = zs_plugin_context_get_store (zs_command_invocation_get_context (command));
  g_autoptr(JsonNode) result = service_command->handler (command, store, error);
  g_autofree char *text = NULL;

  if (result == NULL)
    return FALSE;
  if (zs_command_invocation_get_json (command))
    zs_command_invocation_print_json (command, result);
  else if (JSON_NODE_HOLDS_ARRAY (result))
    {
      g_autoptr(JsonArray) rows = flatten_rows (json_node_get_array (result));
      g_autofree char *warnings = schedule_warnings (rows);

      zs_command_invocation_print_rows (command, rows, service_command->columns);
      if (warnings != NULL)
        zs_command_invocation_print_text (command, warnings);
    }
  else if (JSON_NODE_HOLDS_OBJECT (result))
    {
      text = service_command->render ? service_command->render (json_node_get_object (result))
                                     : render_object (json_node_get_object (result));
      zs_command_invocation_print_text (command, text);
    }
  return TRUE;
}

typedef struct
{
  const char   *name;
  ZsOptionType  type;
  const char   *arg_description;
  const char   *description;
} ServiceOption;

static const ServiceOption options[] = {
  { "manager", ZS_OPTION_STRING, "STAFF", N_("Service manager (staff id or name)") },
  { "template", ZS_OPTION_STRING, "NAME", N_("Item template (default 标准)") },
  { "opened", ZS_OPTION_DATE, "DATE", N_("Opened on this day (default today)") },
  { "name", ZS_OPTION_STRING, "NAME", N_("Item name") },
  { "department", ZS_OPTION_STRING, "NAME", N_("Responsible department") },
  { "days", ZS_OPTION_INT, "N", N_("Time limit in working days") },
  { "date", ZS_OPTION_DATE, "DATE", N_("Day (default today)") },
  { "document", ZS_OPTION_STRING, "NAME", N_("The missing document") },
  { "by", ZS_OPTION_DATE, "DATE", N_("The day the firm commits to supply it") },
  { "departments", ZS_OPTION_STRING, "NAME,NAME…", N_("The departments that must sign") },
  { "remarks", ZS_OPTION_STRING, "TEXT", N_("Remarks") },
  { "rating", ZS_OPTION_INT, "1-5", N_("Satisfaction from 1 to 5") },
  { "notes", ZS_OPTION_STRING, "TEXT", N_("Notes") },
  { "as-of", ZS_OPTION_DATE, "DATE", N_("As of this day (default today)") },
  { "year", ZS_OPTION_INT, "YEAR", N_("Only this year") },
  { "note", ZS_OPTION_STRING, "TEXT", N_("What the day is") },
};

/* Adds NAME PARAMETERS with the options named after @summary, up to NULL. */
static void
add_command (ZsCommandKit         *kit,
             const char           *name,
             const char           *parameters,
             const ServiceCommand *service_command,
             const char           *summary,
             ...)
{
  g_autoptr(ZsCommand) command = zs_command_new (name, parameters, _(summary));
  va_list names;

  va_start (names, summary);
  for (const char *option = va_arg (names, const char *); option != NULL; option = va_arg (names, const char *))
    for (guint i = 0; i < G_N_ELEMENTS (options); i++)
      if (g_str_equal (options[i].name, option))
        zs_command_add_option (command, option, options[i].type, options[i].arg_description,
                               _(options[i].description));
  va_end (names);
  zs_command_set_handler (command, run_command, (gpointer) service_command, NULL);
  zs_command_kit_add (kit, command);
}

static void
add_service_commands (ZsCommandKit *kit)
{
  static const ServiceCommand open = { run_open, case_columns };
  static const ServiceCommand cases = { run_cases, case_columns };
  static const ServiceCommand items = { run_items, item_columns };
  static const ServiceCommand item_add = { run_item_add, NULL };
  static const ServiceCommand done = { run_done, NULL };
  static const ServiceCommand commit = { run_commit, NULL };
  static const ServiceCommand supply = { run_supply, NULL };
  static const ServiceCommand sweep = { run_sweep, item_columns };

  add_command (kit, "service open", "PROJECT", &open, N_("Open a service case for a signed project"),
               "manager", "template", "opened", NULL);
  add_command (kit, "service cases", NULL, &cases, N_("Service cases"), "manager", NULL);
  add_command (kit, "service items", "CASE", &items, N_("The items of a case"), NULL);
  add_command (kit, "service item-add", "CASE", &item_add, N_("Add an item to a case"),
               "name", "department", "days", "opened", NULL);
  add_command (kit, "service done", "ITEM", &done, N_("Mark an item done"), "date", NULL);
  add_command (kit, "service commit", "ITEM", &commit,
               N_("Let an item go ahead on a written commitment (容缺办理)"), "document", "by", NULL);
  add_command (kit, "service supply", "ITEM", &supply, N_("The committed document was supplied"), "date", NULL);
  add_command (kit, "service sweep", NULL, &sweep, N_("Reopen the items whose commitment expired"), "as-of", NULL);
}

static void
add_review_commands (ZsCommandKit *kit)
{
  static const ServiceCommand review = { run_review, NULL };
  static const ServiceCommand sign = { run_sign, NULL };
  static const ServiceCommand reviews = { run_reviews, review_columns };
  static const ServiceCommand visit = { run_visit, NULL };
  static const ServiceCommand ratings = { run_ratings, NULL };
  static const ServiceCommand overdue = { run_overdue, overdue_columns };
  static const ServiceCommand sanwei = { run_sanwei, sanwei_columns };

  add_command (kit, "service review", "CASE", &review, N_("Open a joint review (联审联批)"),
               "departments", "days", "opened", NULL);
  add_command (kit, "service sign", "REVIEW", &sign, N_("A department signs a joint review"),
               "department", "date", "remarks", NULL);
  add_command (kit, "service reviews", "[CASE]", &reviews, N_("Joint reviews"), NULL);
  add_command (kit, "service visit", "CASE", &visit, N_("Record a service visit and its rating"),
               "date", "rating", "department", "notes", NULL);
  add_command (kit, "service ratings", NULL, &ratings, N_("Average ratings per manager and per department"), NULL);
  add_command (kit, "service overdue", NULL, &overdue, N_("Late items, commitments and reviews"), "as-of", NULL);
  add_command (kit, "service sanwei", NULL, &sanwei, N_("三未 lists: signed, registered or started too long"),
               "as-of", NULL);
}

static void
add_calendar_commands (ZsCommandKit *kit)
{
  static const ServiceCommand workdays_add = { run_workdays_add, NULL, render_workdays };
  static const ServiceCommand workdays_between = { run_workdays_between, NULL, render_workdays };
  static const ServiceCommand holidays_list = { run_holidays_list, holiday_columns };
  static const ServiceCommand holidays_set = { run_holidays_set, NULL };

  add_command (kit, "workdays add", "DATE N", &workdays_add, N_("The Nth working day after DATE"), NULL);
  add_command (kit, "workdays between", "DATE DATE", &workdays_between,
               N_("Working days after the first day up to the second"), NULL);
  add_command (kit, "holidays list", NULL, &holidays_list, N_("Days off and make-up working days"), "year", NULL);
  add_command (kit, "holidays set", "DATE KIND", &holidays_set, N_("Make a day a day off or a working day"),
               "note", NULL);
}

/**
 * zs_service_cli_create_kit:
 *
 * Returns: (transfer full): the subverbs of `service`, `workdays` and
 *   `holidays`
 */
ZsCommandKit *
zs_service_cli_create_kit (void)
{
  ZsCommandKit *kit = zs_command_kit_new ();

  add_service_commands (kit);
  add_review_commands (kit);
  add_calendar_commands (kit);
  return kit;
}
