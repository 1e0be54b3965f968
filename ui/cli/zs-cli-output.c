/* zs-cli-output.c: JSON and table output of zhaoshang-cli
 *
 * Every record is first turned into JSON by one serializer that walks the
 * GObject properties; the human output (tables, key: value lines) is drawn
 * from that JSON, so both show the same keys and values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "zs-cli-private.h"

#define COLUMN_GAP "  "

/* Cells wider than this are cut in tables; `show` and --json print all. */
#define MAX_CELL_WIDTH 60

/* JSON keys are the property names with '-' turned into '_'. */
char *
zs_cli_property_key (const char *property)
{
  return g_strdelimit (g_strdup (property), "-", '_');
}

/* Properties in the order the class installed them. */
static int
compare_pspecs (gconstpointer a,
                gconstpointer b)
{
  const GParamSpec *pa = *(const GParamSpec * const *) a;
  const GParamSpec *pb = *(const GParamSpec * const *) b;
  guint da = g_type_depth (pa->owner_type);
  guint db = g_type_depth (pb->owner_type);

  if (da != db)
    return da < db ? -1 : 1;
  return pa->param_id < pb->param_id ? -1 : pa->param_id > pb->param_id;
}

static void
add_strv (JsonBuilder        *builder,
          const char * const *strv)
{
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
add_enum (JsonBuilder  *builder,
          const GValue *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (G_VALUE_TYPE (value));
  GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));

  if (ev != NULL)
    json_builder_add_string_value (builder, ev->value_nick);
  else
    json_builder_add_int_value (builder, g_value_get_enum (value));
}

static void
add_value (JsonBuilder  *builder,
           const GValue *value)
{
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      add_strv (builder, g_value_get_boxed (value));
      return;
    }

  switch (G_TYPE_FUNDAMENTAL (G_VALUE_TYPE (value)))
    {
    case G_TYPE_STRING:
      if (g_value_get_string (value) != NULL)
        json_builder_add_string_value (builder, g_value_get_string (value));
      else
        json_builder_add_null_value (builder);
      break;
    case G_TYPE_BOOLEAN: json_builder_add_boolean_value (builder, g_value_get_boolean (value)); break;
    case G_TYPE_INT: json_builder_add_int_value (builder, g_value_get_int (value)); break;
    case G_TYPE_UINT: json_builder_add_int_value (builder, g_value_get_uint (value)); break;
    case G_TYPE_INT64: json_builder_add_int_value (builder, g_value_get_int64 (value)); break;
    case G_TYPE_UINT64: json_builder_add_int_value (builder, (gint64) g_value_get_uint64 (value)); break;
    case G_TYPE_FLOAT: json_builder_add_double_value (builder, g_value_get_float (value)); break;
    case G_TYPE_DOUBLE: json_builder_add_double_value (builder, g_value_get_double (value)); break;
    case G_TYPE_ENUM: add_enum (builder, value); break;
    default: json_builder_add_null_value (builder); break;
    }
}

static void
add_property (JsonBuilder *builder,
              GObject     *object,
              GParamSpec  *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *key = zs_cli_property_key (pspec->name);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);
  json_builder_set_member_name (builder, key);
  add_value (builder, &value);
}

/**
 * zs_cli_object_to_json:
 * @object: a model object
 *
 * Returns: (transfer full): a JSON object with one member per readable
 *   property: strings (null when unset), numbers, booleans, enums as their
 *   nick and string lists as arrays
 */
JsonNode *
zs_cli_object_to_json (GObject *object)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  qsort (pspecs, n_pspecs, sizeof (GParamSpec *), compare_pspecs);

  json_builder_begin_object (builder);
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->flags & G_PARAM_READABLE)
      add_property (builder, object, pspecs[i]);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * zs_cli_objects_to_json:
 * @objects: (element-type GObject): model objects
 *
 * Returns: (transfer full): a JSON array of zs_cli_object_to_json() objects
 */
JsonNode *
zs_cli_objects_to_json (GPtrArray *objects)
{
  g_autoptr(JsonArray) array = json_array_sized_new (objects->len);
  JsonNode *node = json_node_alloc ();

  for (guint i = 0; i < objects->len; i++)
    json_array_add_element (array, zs_cli_object_to_json (g_ptr_array_index (objects, i)));

  return json_node_init_array (node, array);
}

/* Pretty-printed, with UTF-8 left as is. */
void
zs_cli_print_json (JsonNode *node)
{
  g_autofree char *text = zs_json_to_text (node, TRUE);

  g_print ("%s\n", text);
}

/* Human output */

static char *format_node (JsonNode *node);

static char *
format_array (JsonArray *array)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item = format_node (json_array_get_element (array, i));

      g_string_append_printf (text, "%s%s", i ? "," : "", item);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_value (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return zs_text_single_line (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" PRId64, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return g_strdup ("");
    }
}

/* The text of a value in a table or a key: value line; null is empty. */
static char *
format_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_VALUE: return format_value (node);
    case JSON_NODE_ARRAY: return format_array (json_node_get_array (node));
    case JSON_NODE_NULL:
    case JSON_NODE_OBJECT:
    default: return g_strdup ("");
    }
}

static char *
format_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL ? format_node (node) : g_strdup ("");
}

/**
 * zs_cli_append_padded:
 * @line: where to append
 * @cell: UTF-8 text
 * @width: the terminal columns to fill
 *
 * Appends @cell and spaces up to @width columns, counting CJK characters as
 * two columns, so Chinese text lines up.
 */
void
zs_cli_append_padded (GString    *line,
                      const char *cell,
                      guint       width)
{
  zs_text_append_padded (line, cell, width);
}

static void
print_rows (GPtrArray *cells,
            guint      n_columns)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint i = 0; i < cells->len; i++)
    widths[i % n_columns] = MAX (widths[i % n_columns], zs_text_get_width (cells->pdata[i]));

  for (guint row = 0; row < cells->len / n_columns; row++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint col = 0; col < n_columns; col++)
        {
          const char *cell = cells->pdata[row * n_columns + col];

          if (col + 1 < n_columns)
            {
              zs_cli_append_padded (line, cell, widths[col]);
              g_string_append (line, COLUMN_GAP);
            }
          else
            g_string_append (line, cell);
        }
      g_print ("%s\n", g_strchomp (line->str));
    }
}

/**
 * zs_cli_print_table:
 * @rows: a JSON array of objects
 * @columns: the members to show, which are also the header row
 *
 * Prints an aligned table; the header row is printed even when @rows is
 * empty.
 */
void
zs_cli_print_table (JsonArray          *rows,
                    const char * const *columns)
{
  guint n_columns = g_strv_length ((char **) columns);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint col = 0; col < n_columns; col++)
    g_ptr_array_add (cells, g_strdup (columns[col]));

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      for (guint col = 0; col < n_columns; col++)
        {
          g_autofree char *cell = format_member (row, columns[col]);

          g_ptr_array_add (cells, zs_text_clip (cell, MAX_CELL_WIDTH));
        }
    }

  print_rows (cells, n_columns);
}

/**
 * zs_cli_print_record:
 * @record: a JSON object
 *
 * Prints one `key: value` line per member, values aligned.
 */
void
zs_cli_print_record (JsonObject *record)
{
  g_autoptr(GList) members = json_object_get_members (record);
  guint width = 0;

  for (GList *l = members; l != NULL; l = l->next)
    width = MAX (width, zs_text_get_width (l->data) + 1);

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *key = g_strconcat (l->data, ":", NULL);
      g_autofree char *value = NULL;
      g_autoptr(GString) line = g_string_new (NULL);

      value = format_member (record, l->data);
      zs_cli_append_padded (line, key, width);
      g_string_append_printf (line, " %s", value);
      g_print ("%s\n", g_strchomp (line->str));
    }
}

/* Listings print a JSON array or a table. */
void
zs_cli_print_list (ZsCli              *cli,
                   GPtrArray          *objects,
                   const char * const *columns)
{
  g_autoptr(JsonNode) node = zs_cli_objects_to_json (objects);

  if (cli->json)
    zs_cli_print_json (node);
  else
    zs_cli_print_table (json_node_get_array (node), columns);
}

/* Records print a JSON object or key: value lines. */
void
zs_cli_print_node (ZsCli    *cli,
                   JsonNode *node)
{
  if (cli->json)
    zs_cli_print_json (node);
  else
    zs_cli_print_record (json_node_get_object (node));
}

void
zs_cli_print_object (ZsCli   *cli,
                     GObject *object)
{
  g_autoptr(JsonNode) node = zs_cli_object_to_json (object);

  zs_cli_print_node (cli, node);
}

/**
 * zs_cli_print_with_sections:
 * @cli: the tool
 * @object: a model object
 * @sections: lists of records that belong to @object
 * @n_sections: the length of @sections
 *
 * With --json, prints @object with one extra member per section holding
 * the array of its records; else the key: value lines of @object, then per
 * section a blank line, `member:` and a table.
 */
void
zs_cli_print_with_sections (ZsCli              *cli,
                            GObject            *object,
                            const ZsCliSection *sections,
                            guint               n_sections)
{
  g_autoptr(JsonNode) node = zs_cli_object_to_json (object);
  JsonObject *record = json_node_get_object (node);

  if (!cli->json)
    zs_cli_print_record (record);

  for (guint i = 0; i < n_sections; i++)
    {
      JsonNode *array = zs_cli_objects_to_json (sections[i].objects);

      if (cli->json)
        {
          json_object_set_member (record, sections[i].member, array);
          continue;
        }
      g_print ("\n%s:\n", sections[i].member);
      zs_cli_print_table (json_node_get_array (array), sections[i].columns);
      json_node_unref (array);
    }

  if (cli->json)
    zs_cli_print_json (node);
}

/* A created record prints its id, or the whole record with --json, so that
 * scripts can take the id from the output. */
void
zs_cli_print_created (ZsCli   *cli,
                      GObject *object)
{
  gint64 id = 0;

  if (cli->json)
    {
      zs_cli_print_object (cli, object);
      return;
    }
  g_object_get (object, "id", &id, NULL);
  g_print ("%" PRId64 "\n", id);
}

/**
 * zs_cli_print_done:
 * @cli: the tool
 * @key: the member name
 * @value: (transfer full): its value
 *
 * Commands that print nothing on success (delete, backup) print
 * `{ "key": value }` with --json, so every --json run prints one document.
 */
void
zs_cli_print_done (ZsCli      *cli,
                   const char *key,
                   JsonNode   *value)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();

  json_object_set_member (object, key, value);
  json_node_init_object (node, object);
  if (cli->json)
    zs_cli_print_json (node);
}

/* The record with @id among @objects, for stores that return no single
 * record of a kind. */
GObject *
zs_cli_find_by_id (GPtrArray *objects,
                   gint64     id)
{
  for (guint i = 0; i < objects->len; i++)
    {
      gint64 object_id = 0;

      g_object_get (g_ptr_array_index (objects, i), "id", &object_id, NULL);
      if (object_id == id)
        return g_ptr_array_index (objects, i);
    }
  return NULL;
}

JsonNode *
zs_cli_int_node (gint64 value)
{
  return json_node_init_int (json_node_alloc (), value);
}

/**
 * zs_cli_print_saved:
 * @cli: the tool
 * @stored: (transfer full) (nullable): the record read back from the store,
 *   %NULL when that failed
 * @created: whether the command created it
 *
 * Prints a record the command wrote, as the store now holds it (with its
 * normalized values and timestamps): after a creation as
 * zs_cli_print_created() does, after a change only with --json.
 *
 * Returns: whether there was a record to print
 */
gboolean
zs_cli_print_saved (ZsCli    *cli,
                    gpointer  stored,
                    gboolean  created)
{
  g_autoptr(GObject) object = stored;

  if (object == NULL)
    return FALSE;
  if (created)
    zs_cli_print_created (cli, object);
  else if (cli->json)
    zs_cli_print_object (cli, object);
  return TRUE;
}

/**
 * zs_cli_print_created_among:
 * @cli: the tool
 * @listed: (transfer full) (nullable): a listing that holds the new record,
 *   %NULL when listing failed
 * @id: the id of the new record
 * @created: the record as given, printed if @listed lacks it
 *
 * For kinds the store reads back only in lists: prints the created record
 * as stored, found by @id among @listed.
 *
 * Returns: whether @listed was read
 */
gboolean
zs_cli_print_created_among (ZsCli     *cli,
                            GPtrArray *listed,
                            gint64     id,
                            gpointer   created)
{
  g_autoptr(GPtrArray) rows = listed;
  GObject *stored;

  if (rows == NULL)
    return FALSE;
  stored = zs_cli_find_by_id (rows, id);
  zs_cli_print_created (cli, stored != NULL ? stored : G_OBJECT (created));
  return TRUE;
}

/**
 * zs_cli_print_listed:
 * @cli: the tool
 * @rows: (transfer full) (nullable): what the store listed, %NULL when
 *   listing failed
 * @columns: the columns of the table
 *
 * The end of every listing.
 *
 * Returns: whether @rows was read
 */
gboolean
zs_cli_print_listed (ZsCli              *cli,
                     GPtrArray          *rows,
                     const char * const *columns)
{
  g_autoptr(GPtrArray) owned = rows;

  if (owned == NULL)
    return FALSE;
  zs_cli_print_list (cli, owned, columns);
  return TRUE;
}
