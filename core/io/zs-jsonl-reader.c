/* zs-jsonl-reader.c: JSON lines read row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zs-io-private.h"
#include "zs-jsonl-reader.h"

/**
 * ZsJsonlReader:
 *
 * Reads a JSON lines file (one object per line, also called NDJSON) as a
 * table. The keys of the first object, in order, are the header row,
 * returned first; every later object is mapped onto them: a missing key
 * gives an empty field and a key the first object did not have is an
 * error.
 *
 * Values become text: strings as they are, numbers in their shortest exact
 * form (integers without a decimal point), `null` as an empty field,
 * booleans as `true` and `false`, arrays as their items joined by `;`, and
 * objects as compact JSON. Blank lines are skipped. The line of a row is
 * the line of its object; the header has the line of the first object.
 */
struct _ZsJsonlReader
{
  GObject           parent_instance;

  char             *name;
  GDataInputStream *stream;
  goffset           size;
  goffset           bytes_read;

  JsonParser       *parser;
  char            **header;
  GHashTable       *columns;
  char            **first_row;
  guint64           first_line;

  guint64           line;
  gboolean          eof;
  GError           *error;
};

static void zs_jsonl_reader_row_source_init (ZsRowSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZsJsonlReader, zs_jsonl_reader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZS_TYPE_ROW_SOURCE,
                                                      zs_jsonl_reader_row_source_init))

static void
zs_jsonl_reader_finalize (GObject *object)
{
  ZsJsonlReader *self = (ZsJsonlReader *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->stream);
  g_clear_object (&self->parser);
  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_clear_pointer (&self->first_row, g_strfreev);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (zs_jsonl_reader_parent_class)->finalize (object);
}

static void
zs_jsonl_reader_class_init (ZsJsonlReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zs_jsonl_reader_finalize;
}

static void
zs_jsonl_reader_init (ZsJsonlReader *self)
{
  self->parser = json_parser_new_immutable ();
  self->columns = g_hash_table_new (g_str_hash, g_str_equal);
  self->size = -1;
}

/* Sets self->error to "“file”, line N: message" for the line just read */
#define fail(self, ...) \
  _zs_io_fail_at (&(self)->error, (self)->name, NULL, (self)->line, __VA_ARGS__)

static void
append_value (GString  *text,
              JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          g_string_append (text, json_node_get_string (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (text, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_INT64)
          g_string_append_printf (text, "%" PRId64, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          {
            g_autofree char *number = _zs_io_format_double (json_node_get_double (node));

            g_string_append (text, number);
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);

        for (guint i = 0; i < length; i++)
          {
            if (i > 0)
              g_string_append_c (text, ';');
            append_value (text, json_array_get_element (array, i));
          }
      }
      break;

    case JSON_NODE_OBJECT:
    default:
      {
        g_autofree char *json = json_to_string (node, FALSE);

        g_string_append (text, json);
      }
      break;
    }
}

static char *
value_text (JsonNode *node)
{
  GString *text = g_string_new (NULL);

  append_value (text, node);
  return g_string_free (text, FALSE);
}

/* The next non-blank line, or NULL at the end or with self->error set. */
static char *
read_line (ZsJsonlReader *self,
           gsize         *length)
{
  for (;;)
    {
      g_autofree char *line = NULL;
      GError *error = NULL;
      const char *p;

      line = g_data_input_stream_read_line (self->stream, length, NULL, &error);
      if (line == NULL)
        {
          if (error != NULL)
            self->error = error;
          else
            self->eof = TRUE;
          return NULL;
        }

      self->line++;
      self->bytes_read += *length + 1;

      if (self->line == 1 && g_str_has_prefix (line, "\xEF\xBB\xBF"))
        {
          *length -= 3;
          memmove (line, line + 3, *length + 1);
        }

      if (memchr (line, '\0', *length) != NULL || !g_utf8_validate_len (line, *length, NULL))
        {
          fail (self, _("the text is not valid UTF-8"));
          return NULL;
        }

      for (p = line; g_ascii_isspace (*p); p++)
        ;
      if (*p != '\0')
        return g_steal_pointer (&line);
    }
}

/* Describes a JSON parse error without json-glib's "<data>:1:" prefix. */
static char *
parse_error_message (const GError *error)
{
  unsigned int line;
  unsigned int column;
  int consumed = 0;

  if (sscanf (error->message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    /* TRANSLATORS: a column number and json-glib's message */
    return g_strdup_printf (_("column %u: %s"), column, error->message + consumed);
  return g_strdup (error->message);
}

static char **
zs_jsonl_reader_read_row (ZsRowSource  *source,
                          guint64      *row_line,
                          GError      **error)
{
  ZsJsonlReader *self = ZS_JSONL_READER (source);
  g_autofree char *line = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) fields = NULL;
  JsonNode *root;
  JsonObject *object;
  GList *members;
  gsize length;
  guint n_columns;

  if (self->error != NULL)
    goto failed;

  if (self->first_row != NULL)
    {
      *row_line = self->first_line;
      return g_steal_pointer (&self->first_row);
    }

  if (self->eof || (line = read_line (self, &length)) == NULL)
    goto failed;

  if (!json_parser_load_from_data (self->parser, line, length, &local_error))
    {
      g_autofree char *message = parse_error_message (local_error);

      fail (self, _("not valid JSON: %s"), message);
      goto failed;
    }

  root = json_parser_get_root (self->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (self, _("expected a JSON object, as {\"name\": \"…\"}"));
      goto failed;
    }

  object = json_node_get_object (root);
  members = json_object_get_members (object);

  if (self->header == NULL)
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      for (GList *l = members; l != NULL; l = l->next)
        g_strv_builder_add (builder, l->data);
      self->header = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
      if (self->header[0] == NULL)
        {
          fail (self, _("the first object has no keys; its keys give the columns"));
          g_list_free (members);
          goto failed;
        }
      for (guint i = 0; self->header[i] != NULL; i++)
        g_hash_table_insert (self->columns, self->header[i], GUINT_TO_POINTER (i + 1));
    }

  n_columns = g_strv_length (self->header);
  fields = g_new0 (char *, n_columns + 1);
  for (GList *l = members; l != NULL; l = l->next)
    {
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (self->columns, l->data));

      if (column == 0)
        {
          fail (self, _("the key “%s” is not in the first object; the first object "
                        "gives the columns"), (const char *) l->data);
          g_list_free (members);
          goto failed;
        }
      g_free (fields[column - 1]);
      fields[column - 1] = value_text (json_object_get_member (object, l->data));
    }
  g_list_free (members);

  for (guint i = 0; i < n_columns; i++)
    if (fields[i] == NULL)
      fields[i] = g_strdup ("");

  *row_line = self->line;
  if (self->first_line == 0)
    {
      self->first_line = self->line;
      self->first_row = g_steal_pointer (&fields);
      return g_strdupv (self->header);
    }
  return g_steal_pointer (&fields);

failed:
  _zs_io_check (self->error, error);
  return NULL;
}

static double
zs_jsonl_reader_get_fraction (ZsRowSource *source)
{
  ZsJsonlReader *self = ZS_JSONL_READER (source);

  if (self->eof)
    return 1;
  return _zs_io_fraction (self->bytes_read, self->size);
}

static char *
zs_jsonl_reader_get_description (ZsRowSource *source)
{
  return g_strdup (_("JSON lines"));
}

static void
zs_jsonl_reader_row_source_init (ZsRowSourceInterface *iface)
{
  iface->read_row = zs_jsonl_reader_read_row;
  iface->get_fraction = zs_jsonl_reader_get_fraction;
  iface->get_description = zs_jsonl_reader_get_description;
}

/**
 * zs_jsonl_reader_new:
 * @path: a JSON lines file (.jsonl, .ndjson), in UTF-8
 * @error: return location for a #GError
 *
 * Opens @path. Errors in its lines are reported by zs_row_source_read_row()
 * with the line where they are.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set (a
 *   #GIOErrorEnum if the file cannot be read)
 */
ZsJsonlReader *
zs_jsonl_reader_new (const char  *path,
                     GError     **error)
{
  g_autoptr(ZsJsonlReader) self = NULL;
  g_autoptr(GInputStream) stream = NULL;
  goffset size;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = _zs_io_open_file (path, &size, error);
  if (stream == NULL)
    return NULL;

  self = g_object_new (ZS_TYPE_JSONL_READER, NULL);
  self->name = g_filename_display_name (path);
  self->size = size;
  self->stream = g_data_input_stream_new (stream);
  g_data_input_stream_set_newline_type (self->stream, G_DATA_STREAM_NEWLINE_TYPE_ANY);

  return g_steal_pointer (&self);
}
