/* zs-api-openapi.c: the OpenAPI 3.1 document of the HTTP API, made from
 * the record-type registry and the plugins' routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zs-api-private.h"

typedef JsonBuilder Builder;

static void
member_string (Builder    *b,
               const char *name,
               const char *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
ref (Builder    *b,
     const char *component)
{
  g_autofree char *target = g_strconcat ("#/components/schemas/", component, NULL);

  json_builder_begin_object (b);
  member_string (b, "$ref", target);
  json_builder_end_object (b);
}

static void
field_schema (Builder     *b,
              ZsFieldSpec *field,
              GParamSpec  *pspec)
{
  const char *type;
  gboolean list = pspec != NULL && pspec->value_type == G_TYPE_STRV;

  switch (zs_field_spec_get_kind (field))
    {
    case ZS_FIELD_INTEGER:
    case ZS_FIELD_REFERENCE: type = "integer"; break;
    case ZS_FIELD_DECIMAL:
    case ZS_FIELD_MONEY: type = "number"; break;
    case ZS_FIELD_BOOLEAN: type = "boolean"; break;
    default: type = list ? "array" : "string"; break;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, type);
  if (!zs_field_spec_get_required (field))
    json_builder_add_string_value (b, "null");
  json_builder_end_array (b);
  if (list)
    {
      json_builder_set_member_name (b, "items");
      json_builder_begin_object (b);
      member_string (b, "type", "string");
      json_builder_end_object (b);
    }
  if (zs_field_spec_get_kind (field) == ZS_FIELD_DATE)
    member_string (b, "format", "date");
  if (zs_field_spec_get_kind (field) == ZS_FIELD_ENUM && zs_field_spec_get_enum_values (field) != NULL)
    {
      const char * const *values = zs_field_spec_get_enum_values (field);

      json_builder_set_member_name (b, "enum");
      json_builder_begin_array (b);
      for (guint i = 0; values[i] != NULL; i++)
        json_builder_add_string_value (b, values[i]);
      if (!zs_field_spec_get_required (field))
        json_builder_add_null_value (b);
      json_builder_end_array (b);
    }
  if (zs_field_spec_get_label (field) != NULL)
    member_string (b, "title", zs_field_spec_get_label (field));
  json_builder_end_object (b);
}

static void
record_schema (Builder      *b,
               ZsRecordType *type)
{
  GPtrArray *fields = zs_record_type_get_fields (type);
  g_autoptr(GTypeClass) klass = g_type_class_ref (zs_record_type_get_record_gtype (type));
  static const char * const bookkeeping[] = { "id", "version" };

  json_builder_begin_object (b);
  member_string (b, "type", "object");
  member_string (b, "title", zs_record_type_get_label (type));
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (bookkeeping); i++)
    {
      json_builder_set_member_name (b, bookkeeping[i]);
      json_builder_begin_object (b);
      member_string (b, "type", "integer");
      json_builder_set_member_name (b, "readOnly");
      json_builder_add_boolean_value (b, TRUE);
      json_builder_end_object (b);
    }
  for (guint i = 0; i < fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (fields, i);
      const char *name = zs_field_spec_get_name (field);

      if (g_str_equal (name, "id") || g_str_equal (name, "version"))
        continue;
      json_builder_set_member_name (b, name);
      field_schema (b, field, g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                            zs_field_spec_get_property_name (field)));
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
problem_schema (Builder *b)
{
  static const char * const strings[] = { "type", "title", "detail", "field" };

  json_builder_begin_object (b);
  member_string (b, "type", "object");
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      json_builder_set_member_name (b, strings[i]);
      json_builder_begin_object (b);
      member_string (b, "type", "string");
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "status");
  json_builder_begin_object (b);
  member_string (b, "type", "integer");
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
response (Builder    *b,
          const char *status,
          const char *description,
          const char *media_type,
          const char *component,
          gboolean    list)
{
  json_builder_set_member_name (b, status);
  json_builder_begin_object (b);
  member_string (b, "description", description);
  if (component != NULL)
    {
      json_builder_set_member_name (b, "content");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, media_type);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "schema");
      if (list)
        {
          json_builder_begin_object (b);
          member_string (b, "type", "object");
          json_builder_set_member_name (b, "properties");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "items");
          json_builder_begin_object (b);
          member_string (b, "type", "array");
          json_builder_set_member_name (b, "items");
          ref (b, component);
          json_builder_end_object (b);
          json_builder_set_member_name (b, "next");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "type");
          json_builder_begin_array (b);
          json_builder_add_string_value (b, "string");
          json_builder_add_string_value (b, "null");
          json_builder_end_array (b);
          json_builder_end_object (b);
          json_builder_end_object (b);
          json_builder_end_object (b);
        }
      else
        ref (b, component);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static void
problems (Builder            *b,
          const char * const *statuses)
{
  for (guint i = 0; statuses[i] != NULL; i++)
    response (b, statuses[i], _zs_api_status_phrase (atoi (statuses[i])), "application/problem+json",
              "Problem", FALSE);
}

static void
parameter (Builder    *b,
           const char *name,
           const char *in,
           const char *type,
           gboolean    required)
{
  json_builder_begin_object (b);
  member_string (b, "name", name);
  member_string (b, "in", in);
  json_builder_set_member_name (b, "required");
  json_builder_add_boolean_value (b, required);
  json_builder_set_member_name (b, "schema");
  json_builder_begin_object (b);
  member_string (b, "type", type);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
request_body (Builder    *b,
              const char *component)
{
  json_builder_set_member_name (b, "requestBody");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "required");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "content");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "application/json");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "schema");
  if (component != NULL)
    ref (b, component);
  else
    {
      json_builder_begin_object (b);
      member_string (b, "type", "object");
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
begin_operation (Builder    *b,
                 const char *method,
                 const char *operation_id,
                 const char *summary)
{
  json_builder_set_member_name (b, method);
  json_builder_begin_object (b);
  member_string (b, "operationId", operation_id);
  member_string (b, "summary", summary);
}

static void
collection_path (Builder      *b,
                 ZsRecordType *type,
                 const char   *component,
                 const char   *path)
{
  g_autofree char *list_id = g_strconcat ("list_", path, NULL);
  g_autofree char *create_id = g_strconcat ("create_", path, NULL);

  json_builder_begin_object (b);
  begin_operation (b, "get", list_id, zs_record_type_get_plural_label (type));
  json_builder_set_member_name (b, "parameters");
  json_builder_begin_array (b);
  parameter (b, "limit", "query", "integer", FALSE);
  parameter (b, "sort", "query", "string", FALSE);
  parameter (b, "after", "query", "string", FALSE);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "responses");
  json_builder_begin_object (b);
  response (b, "200", "A page of records and the link to the next", "application/json", component, TRUE);
  problems (b, (const char *[]) { "401", "403", "422", NULL });
  json_builder_end_object (b);
  json_builder_end_object (b);

  begin_operation (b, "post", create_id, zs_record_type_get_label (type));
  request_body (b, component);
  json_builder_set_member_name (b, "responses");
  json_builder_begin_object (b);
  response (b, "201", "The record as stored", "application/json", component, FALSE);
  problems (b, (const char *[]) { "400", "401", "403", "409", "413", "422", NULL });
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
item_path (Builder      *b,
           ZsRecordType *type,
           const char   *component,
           const char   *path)
{
  static const char * const methods[] = { "get", "patch", "delete" };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "parameters");
  json_builder_begin_array (b);
  parameter (b, "id", "path", "integer", TRUE);
  json_builder_end_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autofree char *operation_id = g_strconcat (methods[i], "_", path, "_item", NULL);

      begin_operation (b, methods[i], operation_id, zs_record_type_get_label (type));
      if (i == 1)
        request_body (b, component);
      json_builder_set_member_name (b, "responses");
      json_builder_begin_object (b);
      if (i == 2)
        response (b, "204", "Deleted", NULL, NULL, FALSE);
      else
        response (b, "200", "The record; its version is the ETag", "application/json", component, FALSE);
      if (i == 0)
        problems (b, (const char *[]) { "401", "403", "404", NULL });
      else
        problems (b, (const char *[]) { "401", "403", "404", "412", "422", "428", NULL });
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static void
simple_path (Builder    *b,
             const char *method,
             const char *operation_id,
             const char *summary,
             gboolean    with_id,
             gboolean    with_body)
{
  json_builder_begin_object (b);
  if (with_id)
    {
      json_builder_set_member_name (b, "parameters");
      json_builder_begin_array (b);
      parameter (b, "id", "path", "integer", TRUE);
      json_builder_end_array (b);
    }
  begin_operation (b, method, operation_id, summary);
  if (with_body)
    request_body (b, NULL);
  json_builder_set_member_name (b, "responses");
  json_builder_begin_object (b);
  response (b, "200", summary, "application/json", "Any", FALSE);
  problems (b, (const char *[]) { "401", "403", "404", "422", NULL });
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_type_paths (Builder      *b,
                ZsRecordType *type)
{
  g_autofree char *path = _zs_api_type_path (type);
  g_autofree char *collection = g_strconcat (ZS_API_PREFIX, path, NULL);
  g_autofree char *item = g_strconcat (collection, "/{id}", NULL);
  g_autofree char *history = g_strconcat (item, "/history", NULL);
  g_autofree char *history_id = g_strconcat ("history_", path, NULL);
  const char *component = zs_record_type_get_name (type);

  json_builder_set_member_name (b, collection);
  collection_path (b, type, component, path);
  json_builder_set_member_name (b, item);
  item_path (b, type, component, path);
  json_builder_set_member_name (b, history);
  simple_path (b, "get", history_id, "The record's changes in the audit trail", TRUE, FALSE);
  {
    g_autofree char *import = g_strconcat (collection, "/import", NULL);
    g_autofree char *import_id = g_strconcat ("import_", path, NULL);

    json_builder_set_member_name (b, import);
    simple_path (b, "post", import_id, "Import a CSV, XLSX or JSON lines body; the report and the rejected rows",
                 FALSE, FALSE);
  }
  if (g_str_equal (component, "project"))
    {
      json_builder_set_member_name (b, ZS_API_PREFIX "projects/{id}/stage");
      simple_path (b, "post", "move_project", "Move a project to a stage, with a reason", TRUE, TRUE);
    }
}

static void
add_route_paths (Builder   *b,
                 GPtrArray *routes)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* One path object per path, with each of its methods. */
  for (guint i = 0; i < routes->len; i++)
    {
      const char *route = g_ptr_array_index (routes, i);
      const char *path = strchr (route, ' ') + 1;
      g_autofree char *full = g_strconcat (ZS_API_PREFIX, path, NULL);

      if (g_hash_table_contains (done, full))
        continue;
      g_hash_table_add (done, g_strdup (full));
      json_builder_set_member_name (b, full);
      json_builder_begin_object (b);
      for (guint j = i; j < routes->len; j++)
        {
          const char *other = g_ptr_array_index (routes, j);
          const char *space = strchr (other, ' ');
          g_autofree char *method = g_ascii_strdown (other, space - other);
          g_autofree char *operation_id = g_strdelimit (g_strconcat (method, "_", path, NULL), "/.-", '_');

          if (!g_str_equal (space + 1, path))
            continue;
          begin_operation (b, method, operation_id, path);
          json_builder_set_member_name (b, "responses");
          json_builder_begin_object (b);
          response (b, "200", "The plugin's answer", "application/json", "Any", FALSE);
          problems (b, (const char *[]) { "401", "403", "404", "422", NULL });
          json_builder_end_object (b);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }
}

static void
add_components (Builder   *b,
                GPtrArray *types)
{
  json_builder_set_member_name (b, "components");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "securitySchemes");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "bearer");
  json_builder_begin_object (b);
  member_string (b, "type", "http");
  member_string (b, "scheme", "bearer");
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "schemas");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "Problem");
  problem_schema (b);
  json_builder_set_member_name (b, "Any");
  json_builder_begin_object (b);
  json_builder_end_object (b);
  for (guint i = 0; i < types->len; i++)
    {
      ZsRecordType *type = g_ptr_array_index (types, i);

      json_builder_set_member_name (b, zs_record_type_get_name (type));
      record_schema (b, type);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

/**
 * _zs_api_build_openapi: (skip)
 *
 * Returns: (transfer full): the OpenAPI 3.1 document of @store's record
 *   types and of @routes ("METHOD path")
 */
JsonNode *
_zs_api_build_openapi (ZsStore   *store,
                       GPtrArray *routes)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) types = zs_store_list_record_types (store);

  json_builder_begin_object (b);
  member_string (b, "openapi", "3.1.0");
  json_builder_set_member_name (b, "info");
  json_builder_begin_object (b);
  member_string (b, "title", "Zhaoshang API");
  member_string (b, "version", PACKAGE_VERSION);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "security");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "bearer");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "paths");
  json_builder_begin_object (b);
  for (guint i = 0; i < types->len; i++)
    add_type_paths (b, g_ptr_array_index (types, i));
  json_builder_set_member_name (b, ZS_API_PREFIX "search");
  simple_path (b, "get", "search", "Find records of a type (type=, q=, limit=)", FALSE, FALSE);
  add_route_paths (b, routes);
  json_builder_end_object (b);
  add_components (b, types);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
