/* zs-api-records.c: the resources of the HTTP API made from record types
 *
 * Every registered record type, core or declared by a plugin, is served
 * the same way: nothing here knows a type by name except the URL of core
 * types (plural, as people write them: /api/v1/firms) and a project's
 * stage moves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zs-json-text.h"
#include "zs-api-private.h"
#include "zs-json-text-private.h"
#include "zs-enums.h"
#include "zs-error.h"

#define PARK_FIELD "park_code"

static const struct {
  const char *name;
  const char *path;
} core_paths[] = {
  { "firm", "firms" },
  { "contact", "contacts" },
  { "project", "projects" },
  { "activity", "activities" },
  { "staff", "staff" },
};

/**
 * _zs_api_type_path: (skip)
 *
 * Returns: the segment after /api/v1/ that names @type's records
 */
char *
_zs_api_type_path (ZsRecordType *type)
{
  const char *name = zs_record_type_get_name (type);

  for (guint i = 0; i < G_N_ELEMENTS (core_paths); i++)
    if (g_str_equal (core_paths[i].name, name))
      return g_strdup (core_paths[i].path);
  return g_strdup (name);
}

/**
 * _zs_api_lookup_type: (skip)
 *
 * Returns: (transfer none) (nullable): the record type a path segment names
 */
ZsRecordType *
_zs_api_lookup_type (ZsStore    *store,
                     const char *segment)
{
  for (guint i = 0; i < G_N_ELEMENTS (core_paths); i++)
    if (g_str_equal (core_paths[i].path, segment))
      return zs_store_lookup_record_type (store, core_paths[i].name);
  return zs_store_lookup_record_type (store, segment);
}

/* ---- roles and parks ------------------------------------------------------ */

static char *
park_of (ZsRecordType *type,
         GObject      *record)
{
  if (zs_record_type_lookup_field (type, PARK_FIELD) == NULL)
    return NULL;
  return zs_record_type_get_text (type, record, PARK_FIELD);
}

/* A viewer with a park reads only that park's records; anyone else reads all. */
static gboolean
may_read (ZsStaff      *staff,
          ZsRecordType *type,
          GObject      *record)
{
  const char *own = zs_staff_get_park_code (staff);
  g_autofree char *park = NULL;

  if (zs_staff_get_role (staff) != ZS_ROLE_VIEWER || own == NULL || *own == '\0' ||
      zs_record_type_lookup_field (type, PARK_FIELD) == NULL)
    return TRUE;
  park = park_of (type, record);
  return g_strcmp0 (park, own) == 0;
}

/* Admins write everything, viewers nothing; staff write the records of
 * their park, and records that belong to no park, but not the staff list. */
static gboolean
may_write (ZsStaff      *staff,
           ZsRecordType *type,
           GObject      *record)
{
  const char *own = zs_staff_get_park_code (staff);
  g_autofree char *park = NULL;

  switch (zs_staff_get_role (staff))
    {
    case ZS_ROLE_ADMIN: return TRUE;
    case ZS_ROLE_VIEWER: return FALSE;
    case ZS_ROLE_STAFF: default: break;
    }
  if (g_str_equal (zs_record_type_get_name (type), "staff"))
    return FALSE;
  if (zs_record_type_lookup_field (type, PARK_FIELD) == NULL)
    return TRUE;
  park = park_of (type, record);
  return own != NULL && *own != '\0' && g_strcmp0 (park, own) == 0;
}

static void
respond_forbidden (ZsApiRequest *request,
                   gboolean      writing)
{
  const char *park = zs_staff_get_park_code (request->staff);
  g_autofree char *detail = NULL;

  if (zs_staff_get_role (request->staff) == ZS_ROLE_VIEWER && writing)
    detail = g_strdup_printf (_("%s is a viewer and may only read"), zs_staff_get_name (request->staff));
  else
    detail = g_strdup_printf (_("%s may not %s records outside the park “%s”"),
                              zs_staff_get_name (request->staff), writing ? _("change") : _("read"),
                              park != NULL ? park : "");
  _zs_api_respond_problem (request, SOUP_STATUS_FORBIDDEN,
                           writing && zs_staff_get_role (request->staff) != ZS_ROLE_VIEWER ? PARK_FIELD : NULL,
                           detail);
}

/* ---- records as JSON -------------------------------------------------------- */

static gint64
version_of (GObject *record)
{
  gint64 version = 0;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "version") != NULL)
    g_object_get (record, "version", &version, NULL);
  return version;
}

static void
set_etag (ZsApiRequest *request,
          GObject      *record)
{
  g_autofree char *etag = g_strdup_printf ("\"%" PRId64 "\"", version_of (record));

  soup_message_headers_replace (soup_server_message_get_response_headers (request->msg), "ETag", etag);
}

/* Answers with JSON text already written, which it takes. */
static void
respond_text (ZsApiRequest *request,
              guint         status,
              char         *text)
{
  soup_server_message_set_status (request->msg, status, NULL);
  soup_server_message_set_response (request->msg, "application/json", SOUP_MEMORY_TAKE, text, strlen (text));
}

/* {"items": […]} written straight from the records, with "next" for a
 * page of a list; building the nodes of every record cost more than
 * reading them. @readable_type, when given, leaves out what the staff
 * member may not read. */
static void
respond_items (ZsApiRequest *request,
               GPtrArray    *records,
               ZsRecordType *readable_type,
               gboolean      paged,
               const char   *next)
{
  GString *out = g_string_new ("{\"items\":[");
  gboolean first = TRUE;

  for (guint i = 0; i < records->len; i++)
    {
      GObject *record = g_ptr_array_index (records, i);
      g_autofree char *text = NULL;

      if (readable_type != NULL && !may_read (request->staff, readable_type, record))
        continue;
      text = zs_record_to_json_text (record);
      if (!first)
        g_string_append_c (out, ',');
      g_string_append (out, text);
      first = FALSE;
    }
  g_string_append_c (out, ']');
  if (paged)
    {
      g_string_append (out, ",\"next\":");
      if (next != NULL)
        _zs_json_append_string (out, next);
      else
        g_string_append (out, "null");
    }
  g_string_append_c (out, '}');
  respond_text (request, SOUP_STATUS_OK, g_string_free (out, FALSE));
}

static void
respond_record (ZsApiRequest *request,
                guint         status,
                GObject      *record)
{
  set_etag (request, record);
  respond_text (request, status, zs_record_to_json_text (record));
}

static gboolean
is_bookkeeping (const char *member)
{
  return g_str_equal (member, "id") || g_str_equal (member, "version") ||
         g_str_equal (member, "created_at") || g_str_equal (member, "updated_at");
}

static gboolean
type_fits (ZsFieldSpec *field,
           GParamSpec  *pspec,
           JsonNode    *node)
{
  GType value_type;

  if (JSON_NODE_HOLDS_NULL (node))
    return !zs_field_spec_get_required (field);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      if (pspec == NULL || pspec->value_type != G_TYPE_STRV)
        return FALSE;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            return FALSE;
        }
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  value_type = json_node_get_value_type (node);
  switch (zs_field_spec_get_kind (field))
    {
    case ZS_FIELD_INTEGER:
    case ZS_FIELD_REFERENCE:
      return value_type == G_TYPE_INT64;
    case ZS_FIELD_DECIMAL:
    case ZS_FIELD_MONEY:
      return value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE;
    case ZS_FIELD_BOOLEAN:
      return value_type == G_TYPE_BOOLEAN;
    case ZS_FIELD_TEXT:
    case ZS_FIELD_DATE:
    case ZS_FIELD_ENUM:
    default:
      return value_type == G_TYPE_STRING && (pspec == NULL || pspec->value_type != G_TYPE_STRV);
    }
}

static const char *
kind_name (ZsFieldSpec *field,
           GParamSpec  *pspec)
{
  if (pspec != NULL && pspec->value_type == G_TYPE_STRV)
    return _("a list of strings");
  switch (zs_field_spec_get_kind (field))
    {
    case ZS_FIELD_INTEGER:
    case ZS_FIELD_REFERENCE: return _("an integer");
    case ZS_FIELD_DECIMAL:
    case ZS_FIELD_MONEY: return _("a number");
    case ZS_FIELD_BOOLEAN: return _("true or false");
    default: return _("a string");
    }
}

static gboolean
set_member (ZsRecordType  *type,
            GObject       *record,
            ZsFieldSpec   *field,
            JsonNode      *node,
            GError       **error)
{
  const char *name = zs_field_spec_get_name (field);
  g_auto(GValue) value = G_VALUE_INIT;

  if (JSON_NODE_HOLDS_NULL (node))
    return zs_record_type_set_text (type, record, name, NULL, error);
  if (JSON_NODE_HOLDS_ARRAY (node) || json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonNode) wrapper = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(GObject) parsed = NULL;
      g_auto(GValue) parsed_value = G_VALUE_INIT;

      /* Text and lists are read as zs_record_from_json() reads them. */
      json_object_set_member (object, name, json_node_ref (node));
      json_node_set_object (wrapper, object);
      if ((parsed = zs_record_from_json (type, wrapper, error)) == NULL)
        return FALSE;
      zs_record_type_get_value (type, parsed, name, &parsed_value);
      return zs_record_type_set_value (type, record, name, &parsed_value, error);
    }
  switch (zs_field_spec_get_kind (field))
    {
    case ZS_FIELD_DECIMAL:
    case ZS_FIELD_MONEY:
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, json_node_get_double (node));
      break;
    case ZS_FIELD_BOOLEAN:
      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, json_node_get_boolean (node));
      break;
    default:
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, json_node_get_int (node));
      break;
    }
  return zs_record_type_set_value (type, record, name, &value, error);
}

/* Applies a request body to @record: every member a field of @type, of the
 * field's JSON type; answers 422 naming the first member that is not. */
static gboolean
apply_body (ZsApiRequest *request,
            ZsRecordType *type,
            GObject      *record,
            JsonNode     *body)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      _zs_api_respond_problem (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, NULL, _("The body must be a JSON object"));
      return FALSE;
    }
  object = json_node_get_object (body);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *node = json_object_get_member (object, member);
      ZsFieldSpec *field = zs_record_type_lookup_field (type, member);
      GParamSpec *pspec = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *detail = NULL;

      if (is_bookkeeping (member))
        continue;
      if (field == NULL)
        {
          detail = g_strdup_printf (_("%s: no such field in %s"), member, zs_record_type_get_name (type));
          _zs_api_respond_problem (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, member, detail);
          return FALSE;
        }
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), zs_field_spec_get_property_name (field));
      if (!type_fits (field, pspec, node))
        {
          detail = g_strdup_printf (_("%s: must be %s"), member, kind_name (field, pspec));
          _zs_api_respond_problem (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, member, detail);
          return FALSE;
        }
      if (!set_member (type, record, field, node, &error))
        {
          _zs_api_respond_problem (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, member, error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- list ------------------------------------------------------------------ */

static char *
encode_cursor (const char *sort_value,
               gint64      id)
{
  g_autofree char *text = g_strdup_printf ("%" PRId64 "\n%s", id, sort_value != NULL ? sort_value : "");
  char *cursor = g_base64_encode ((const guchar *) text, strlen (text));

  g_strdelimit (cursor, "+", '-');
  g_strdelimit (cursor, "/", '_');
  return cursor;
}

static gboolean
decode_cursor (const char  *cursor,
               char       **sort_value,
               gint64      *id)
{
  g_autofree char *copy = g_strdup (cursor);
  g_autofree guchar *data = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  char *newline, *end = NULL;

  g_strdelimit (copy, "-", '+');
  g_strdelimit (copy, "_", '/');
  data = g_base64_decode (copy, &length);
  text = g_strndup ((const char *) data, length);
  if (length == 0 || (newline = strchr (text, '\n')) == NULL)
    return FALSE;
  *newline = '\0';
  *id = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || *id <= 0 || !g_utf8_validate (newline + 1, -1, NULL))
    return FALSE;
  *sort_value = g_strdup (newline + 1);
  return TRUE;
}

static gboolean
add_filter (ZsApiRequest  *request,
            ZsRecordType  *type,
            ZsRecordQuery *query,
            const char    *field,
            const char    *text)
{
  static const struct { const char *prefix; ZsFilterOp op; } ops[] = {
    { ">=", ZS_FILTER_GREATER_OR_EQUAL }, { "<=", ZS_FILTER_LESS_OR_EQUAL },
    { ">", ZS_FILTER_GREATER }, { "<", ZS_FILTER_LESS },
  };
  ZsFilterOp op = ZS_FILTER_EQUAL;

  if (zs_record_type_lookup_field (type, field) == NULL && !g_str_equal (field, "id"))
    {
      g_autofree char *detail = g_strdup_printf (_("%s: no such field or parameter"), field);

      _zs_api_respond_problem (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, field, detail);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (g_str_has_prefix (text, ops[i].prefix))
      {
        op = ops[i].op;
        text += strlen (ops[i].prefix);
        break;
      }
  zs_record_query_add_filter (query, field, op, text);
  return TRUE;
}

static ZsRecordQuery *
build_query (ZsApiRequest  *request,
             ZsRecordType  *type,
             guint         *limit)
{
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
  GHashTableIter iter;
  gpointer key, value;
  const char *own = zs_staff_get_park_code (request->staff);

  *limit = ZS_API_DEFAULT_LIMIT;
  g_hash_table_iter_init (&iter, request->query);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key, *text = value;

      if (g_str_equal (name, "limit"))
        {
          guint64 n = 0;

          if (!g_ascii_string_to_unsigned (text, 10, 1, ZS_API_MAX_LIMIT, &n, NULL))
            {
              g_autofree char *detail = g_strdup_printf (_("limit: “%s” is not a number from 1 to %d"),
                                                         text, ZS_API_MAX_LIMIT);

              _zs_api_respond_problem (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, "limit", detail);
              return NULL;
            }
          *limit = n;
        }
      else if (g_str_equal (name, "sort"))
        {
          gboolean descending = text[0] == '-';
          const char *field = descending ? text + 1 : text;

          if (zs_record_type_lookup_field (type, field) == NULL && !g_str_equal (field, "id"))
            {
              g_autofree char *detail = g_strdup_printf (_("sort: no field “%s”"), field);

              _zs_api_respond_problem (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, "sort", detail);
              return NULL;
            }
          zs_record_query_set_sort (query, field, descending ? ZS_SORT_DESCENDING : ZS_SORT_ASCENDING);
        }
      else if (g_str_equal (name, "after"))
        {
          g_autofree char *sort_value = NULL;
          gint64 id = 0;

          if (!decode_cursor (text, &sort_value, &id))
            {
              _zs_api_respond_problem (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, "after",
                                       _("after: not a cursor given by this API"));
              return NULL;
            }
          zs_record_query_set_after_key (query, sort_value, id);
        }
      else if (!add_filter (request, type, query, name, text))
        return NULL;
    }
  /* A viewer of a park sees that park's records only. */
  if (zs_staff_get_role (request->staff) == ZS_ROLE_VIEWER && own != NULL && *own != '\0' &&
      zs_record_type_lookup_field (type, PARK_FIELD) != NULL)
    zs_record_query_add_filter (query, PARK_FIELD, ZS_FILTER_EQUAL, own);
  zs_record_query_set_limit (query, *limit);
  return g_steal_pointer (&query);
}

static char *
next_link (ZsApiRequest  *request,
           ZsRecordType  *type,
           ZsRecordQuery *query,
           GObject       *last)
{
  g_autoptr(GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = _zs_api_type_path (type);
  g_autofree char *cursor = NULL;
  g_autofree char *encoded = NULL;
  const char *sort_value = NULL;
  gint64 id = 0;
  GHashTableIter iter;
  gpointer key, value;

  zs_record_query_set_after (query, last);
  zs_record_query_get_after_key (query, &sort_value, &id);
  cursor = encode_cursor (sort_value, id);
  g_hash_table_iter_init (&iter, request->query);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_str_equal (key, "after"))
      g_hash_table_insert (params, key, value);
  g_hash_table_insert (params, "after", cursor);
  encoded = soup_form_encode_hash (params);
  return g_strconcat (ZS_API_PREFIX, path, "?", encoded, NULL);
}

static void
handle_list (ZsApiRequest *request,
             ZsRecordType *type)
{
  g_autoptr(ZsRecordQuery) query = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  guint limit;

  if ((query = build_query (request, type, &limit)) == NULL)
    return;
  if ((records = zs_store_list_records (request->store, zs_record_type_get_name (type), query, &error)) == NULL)
    {
      _zs_api_respond_error (request, error);
      return;
    }
  if (records->len == limit)
    next = next_link (request, type, query, g_ptr_array_index (records, records->len - 1));
  respond_items (request, records, NULL, TRUE, next);
}

/* ---- one record ---------------------------------------------------------------- */

static void
handle_create (ZsApiRequest *request,
               ZsRecordType *type)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GObject) record = zs_record_type_new_record (type);
  g_autoptr(GObject) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _zs_api_type_path (type);
  g_autofree char *location = NULL;
  gint64 id;

  if (zs_staff_get_role (request->staff) == ZS_ROLE_VIEWER)
    {
      respond_forbidden (request, TRUE);
      return;
    }
  if ((body = _zs_api_read_body (request)) == NULL || !apply_body (request, type, record, body))
    return;
  if (!may_write (request->staff, type, record))
    {
      respond_forbidden (request, TRUE);
      return;
    }
  zs_store_set_actor (request->store, zs_staff_get_name (request->staff));
  if ((id = zs_store_create_record (request->store, record, &error)) <= 0 ||
      (stored = zs_store_get_record (request->store, zs_record_type_get_name (type), id, &error)) == NULL)
    {
      _zs_api_respond_error (request, error);
      return;
    }
  location = g_strdup_printf (ZS_API_PREFIX "%s/%" PRId64, path, id);
  soup_message_headers_replace (soup_server_message_get_response_headers (request->msg), "Location", location);
  respond_record (request, SOUP_STATUS_CREATED, stored);
}

static gboolean
parse_id (ZsApiRequest *request,
          const char   *text,
          gint64       *id)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_autofree char *detail = g_strdup_printf (_("id: “%s” is not a record id"), text);

      _zs_api_respond_problem (request, SOUP_STATUS_NOT_FOUND, "id", detail);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

static GObject *
load_readable (ZsApiRequest *request,
               ZsRecordType *type,
               gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = zs_store_get_record (request->store, zs_record_type_get_name (type), id, &error);

  if (record == NULL)
    {
      _zs_api_respond_error (request, error);
      return NULL;
    }
  if (!may_read (request->staff, type, record))
    {
      respond_forbidden (request, FALSE);
      return NULL;
    }
  return g_steal_pointer (&record);
}

static void
handle_get (ZsApiRequest *request,
            ZsRecordType *type,
            gint64        id)
{
  g_autoptr(GObject) record = load_readable (request, type, id);
  const char *if_none_match;
  g_autofree char *etag = NULL;

  if (record == NULL)
    return;
  if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (request->msg),
                                                "If-None-Match");
  etag = g_strdup_printf ("\"%" PRId64 "\"", version_of (record));
  if (if_none_match != NULL && g_str_equal (if_none_match, etag))
    {
      set_etag (request, record);
      soup_server_message_set_status (request->msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  respond_record (request, SOUP_STATUS_OK, record);
}

/* The version If-Match names; answers 428 without one. */
static gboolean
read_if_match (ZsApiRequest *request,
               gint64       *version)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (request->msg),
                                                     "If-Match");
  g_autofree char *text = NULL;
  guint64 value = 0;

  if (header == NULL)
    {
      _zs_api_respond_problem (request, ZS_API_STATUS_PRECONDITION_REQUIRED, "If-Match",
                               _("If-Match: a change needs the ETag of the version it changes"));
      return FALSE;
    }
  text = g_strdup (g_str_has_prefix (header, "W/") ? header + 2 : header);
  g_strstrip (text);
  if (text[0] == '"' && strlen (text) >= 2 && text[strlen (text) - 1] == '"')
    {
      text[strlen (text) - 1] = '\0';
      memmove (text, text + 1, strlen (text));
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
    {
      g_autofree char *detail = g_strdup_printf (_("If-Match: “%s” is not an ETag of this API"), header);

      _zs_api_respond_problem (request, SOUP_STATUS_PRECONDITION_FAILED, "If-Match", detail);
      return FALSE;
    }
  *version = (gint64) value;
  return TRUE;
}

static void
respond_stale (ZsApiRequest *request,
               ZsRecordType *type,
               gint64        id)
{
  g_autoptr(GObject) current = zs_store_get_record (request->store, zs_record_type_get_name (type), id, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "about:blank");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, soup_status_get_phrase (SOUP_STATUS_PRECONDITION_FAILED));
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, SOUP_STATUS_PRECONDITION_FAILED);
  json_builder_set_member_name (builder, "detail");
  json_builder_add_string_value (builder, _("The record changed since the version given in If-Match"));
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, "If-Match");
  if (current != NULL)
    {
      json_builder_set_member_name (builder, "current");
      json_builder_add_value (builder, zs_record_to_json (current));
      set_etag (request, current);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  soup_server_message_set_status (request->msg, SOUP_STATUS_PRECONDITION_FAILED, NULL);
  {
    char *text = zs_json_to_text (root, FALSE);

    soup_server_message_set_response (request->msg, "application/problem+json", SOUP_MEMORY_TAKE,
                                      text, strlen (text));
  }
}

/* Loads the record to change, checked against If-Match and the role. */
static GObject *
load_writable (ZsApiRequest *request,
               ZsRecordType *type,
               gint64        id,
               gint64       *version)
{
  g_autoptr(GObject) record = NULL;

  if (zs_staff_get_role (request->staff) == ZS_ROLE_VIEWER)
    {
      respond_forbidden (request, TRUE);
      return NULL;
    }
  if (!read_if_match (request, version) || (record = load_readable (request, type, id)) == NULL)
    return NULL;
  if (!may_write (request->staff, type, record))
    {
      respond_forbidden (request, TRUE);
      return NULL;
    }
  if (version_of (record) != *version)
    {
      respond_stale (request, type, id);
      return NULL;
    }
  return g_steal_pointer (&record);
}

static void
handle_patch (ZsApiRequest *request,
              ZsRecordType *type,
              gint64        id)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GObject) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version = 0;

  if ((record = load_writable (request, type, id, &version)) == NULL ||
      (body = _zs_api_read_body (request)) == NULL || !apply_body (request, type, record, body))
    return;
  if (!may_write (request->staff, type, record))
    {
      respond_forbidden (request, TRUE);
      return;
    }
  zs_store_set_actor (request->store, zs_staff_get_name (request->staff));
  /* The store refuses the update if another writer got there first. */
  if (!zs_store_update_record (request->store, record, &error))
    {
      if (g_error_matches (error, ZS_ERROR, ZS_ERROR_CONFLICT))
        respond_stale (request, type, id);
      else
        _zs_api_respond_error (request, error);
      return;
    }
  if ((stored = zs_store_get_record (request->store, zs_record_type_get_name (type), id, &error)) == NULL)
    _zs_api_respond_error (request, error);
  else
    respond_record (request, SOUP_STATUS_OK, stored);
}

static void
handle_delete (ZsApiRequest *request,
               ZsRecordType *type,
               gint64        id)
{
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version = 0;

  if (!zs_store_begin (request->store, &error))
    {
      _zs_api_respond_error (request, error);
      return;
    }
  /* Checked and deleted in one transaction: no writer slips in between. */
  if ((record = load_writable (request, type, id, &version)) == NULL)
    {
      zs_store_rollback (request->store);
      return;
    }
  zs_store_set_actor (request->store, zs_staff_get_name (request->staff));
  if (!zs_store_delete_record (request->store, zs_record_type_get_name (type), id, &error) ||
      !zs_store_commit (request->store, &error))
    {
      zs_store_rollback (request->store);
      _zs_api_respond_error (request, error);
      return;
    }
  soup_server_message_set_status (request->msg, SOUP_STATUS_NO_CONTENT, NULL);
}

static void
handle_history (ZsApiRequest *request,
                ZsRecordType *type,
                gint64        id)
{
  g_autoptr(GObject) record = load_readable (request, type, id);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (record == NULL)
    return;
  changes = zs_store_list_changes (request->store, zs_record_type_get_name (type), id, 0, 0, &error);
  if (changes == NULL)
    {
      _zs_api_respond_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    json_builder_add_value (builder, zs_record_to_json (g_ptr_array_index (changes, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  _zs_api_respond_json (request, SOUP_STATUS_OK, root);
}

static void
handle_stage (ZsApiRequest *request,
              ZsRecordType *type,
              gint64        id)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GObject) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GEnumClass) stages = g_type_class_ref (ZS_TYPE_STAGE);
  JsonObject *object;
  const char *stage_text, *reason = NULL;
  GEnumValue *stage;
  gint64 version = 0;

  if ((record = load_writable (request, type, id, &version)) == NULL || (body = _zs_api_read_body (request)) == NULL)
    return;
  object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  stage_text = object != NULL ? json_object_get_string_member_with_default (object, "stage", NULL) : NULL;
  if (object != NULL && json_object_has_member (object, "reason"))
    reason = json_object_get_string_member_with_default (object, "reason", NULL);
  if (stage_text == NULL || (stage = g_enum_get_value_by_nick (stages, stage_text)) == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("stage: “%s” is not a stage"), stage_text != NULL ? stage_text : "");

      _zs_api_respond_problem (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, "stage", detail);
      return;
    }
  zs_store_set_actor (request->store, zs_staff_get_name (request->staff));
  if (!zs_store_move_project (request->store, id, stage->value, reason, &error) ||
      (stored = zs_store_get_record (request->store, zs_record_type_get_name (type), id, &error)) == NULL)
    {
      _zs_api_respond_error (request, error);
      return;
    }
  respond_record (request, SOUP_STATUS_OK, stored);
}

static void
respond_method_not_allowed (ZsApiRequest *request,
                            const char   *allow)
{
  g_autofree char *detail = g_strdup_printf (_("%s is not allowed here; allowed: %s"), request->method, allow);

  soup_message_headers_replace (soup_server_message_get_response_headers (request->msg), "Allow", allow);
  _zs_api_respond_problem (request, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL, detail);
}

/**
 * _zs_api_handle_records: (skip)
 *
 * Answers a request under /api/v1/{type}.
 */
void
_zs_api_handle_records (ZsApiRequest *request,
                        ZsRecordType *type)
{
  const char *method = request->method;
  gint64 id = 0;

  if (request->n_segments == 1 || (request->n_segments == 2 && request->segments[1][0] == '\0'))
    {
      if (g_str_equal (method, "GET"))
        handle_list (request, type);
      else if (g_str_equal (method, "POST"))
        handle_create (request, type);
      else
        respond_method_not_allowed (request, "GET, POST");
      return;
    }
  if (request->n_segments == 2 && g_str_equal (request->segments[1], "import"))
    {
      if (g_str_equal (method, "POST"))
        _zs_api_handle_import (request, type);
      else
        respond_method_not_allowed (request, "POST");
      return;
    }
  if (!parse_id (request, request->segments[1], &id))
    return;
  if (request->n_segments == 2)
    {
      if (g_str_equal (method, "GET"))
        handle_get (request, type, id);
      else if (g_str_equal (method, "PATCH"))
        handle_patch (request, type, id);
      else if (g_str_equal (method, "DELETE"))
        handle_delete (request, type, id);
      else
        respond_method_not_allowed (request, "GET, PATCH, DELETE");
    }
  else if (request->n_segments == 3 && g_str_equal (request->segments[2], "history"))
    g_str_equal (method, "GET") ? handle_history (request, type, id) : respond_method_not_allowed (request, "GET");
  else if (request->n_segments == 3 && g_str_equal (request->segments[2], "stage") &&
           g_str_equal (zs_record_type_get_name (type), "project"))
    g_str_equal (method, "POST") ? handle_stage (request, type, id) : respond_method_not_allowed (request, "POST");
  else
    _zs_api_respond_problem (request, SOUP_STATUS_NOT_FOUND, NULL, _("No such resource"));
}

/**
 * _zs_api_handle_search: (skip)
 *
 * Answers GET /api/v1/search?q=TEXT[&type=TYPE][&limit=N].
 */
void
_zs_api_handle_search (ZsApiRequest *request)
{
  const char *text = g_hash_table_lookup (request->query, "q");
  const char *type_path = g_hash_table_lookup (request->query, "type");
  const char *limit_text = g_hash_table_lookup (request->query, "limit");
  ZsRecordType *type = _zs_api_lookup_type (request->store, type_path != NULL ? type_path : "firms");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint64 limit = ZS_API_DEFAULT_LIMIT;

  if (!g_str_equal (request->method, "GET"))
    {
      respond_method_not_allowed (request, "GET");
      return;
    }
  if (text == NULL || *text == '\0')
    {
      _zs_api_respond_problem (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, "q", _("q: what to search for is missing"));
      return;
    }
  if (type == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("type: no record type “%s”"), type_path);

      _zs_api_respond_problem (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, "type", detail);
      return;
    }
  if (limit_text != NULL && !g_ascii_string_to_unsigned (limit_text, 10, 1, ZS_API_MAX_LIMIT, &limit, NULL))
    {
      _zs_api_respond_problem (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, "limit", _("limit: not a number from 1 to 500"));
      return;
    }
  records = zs_store_search_records (request->store, zs_record_type_get_name (type), text, limit, &error);
  if (records == NULL)
    {
      _zs_api_respond_error (request, error);
      return;
    }
  respond_items (request, records, type, FALSE, NULL);
}
