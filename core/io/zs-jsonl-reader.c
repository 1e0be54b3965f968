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

/* Arrays and objects nested deeper than this are refused before json-glib
 * parses the line: its parser recurses once per level. */
#define MAX_DEPTH 64
/* Longer lines, and lines of more values, are refused before they are
 * parsed, so that the parse of one line stays within a few times its size. */
#define MAX_LINE_SIZE  (2 * ZS_IO_MAX_ROW_SIZE)
#define MAX_VALUES     65536

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
  GString          *buffer;
  gboolean          skip_lf;
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
  if (self->buffer != NULL)
    g_string_free (g_steal_pointer (&self->buffer), TRUE);

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
  self->buffer = g_string_new (NULL);
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

/* Reads one line, ended by LF, CR or CRLF, into self->buffer, without its
 * end: TRUE if a line was read, FALSE at the end of the file or with
 * self->error set. A line longer than MAX_LINE_SIZE is an error. */
static gboolean
read_bounded_line (ZsJsonlReader *self)
{
  GBufferedInputStream *stream = G_BUFFERED_INPUT_STREAM (self->stream);
  gboolean any = FALSE;

  g_string_truncate (self->buffer, 0);
  for (;;)
    {
      const char *data;
      const char *end;
      gsize available;
      gsize n;

      data = g_buffered_input_stream_peek_buffer (stream, &available);
      if (available == 0)
        {
          GError *error = NULL;
          gssize filled = g_buffered_input_stream_fill (stream, -1, NULL, &error);

          if (filled < 0)
            {
              self->error = error;
              return FALSE;
            }
          if (filled == 0)
            {
              self->skip_lf = FALSE;
              return any;
            }
          continue;
        }

      if (self->skip_lf)
        {
          self->skip_lf = FALSE;
          if (data[0] == '\n')
            {
              g_input_stream_skip (G_INPUT_STREAM (stream), 1, NULL, NULL);
              self->bytes_read++;
              continue;
            }
        }

      any = TRUE;
      for (end = data; end < data + available && *end != '\n' && *end != '\r'; end++)
        ;
      n = end - data;
      if (self->buffer->len + n > MAX_LINE_SIZE)
        {
          self->line++;
          /* TRANSLATORS: %d is a number of megabytes */
          fail (self, _("the line is longer than %d MB"), MAX_LINE_SIZE / (1024 * 1024));
          return FALSE;
        }
      g_string_append_len (self->buffer, data, n);
      if (end < data + available)
        {
          self->skip_lf = *end == '\r';
          n++;
        }
      g_input_stream_skip (G_INPUT_STREAM (stream), n, NULL, NULL);
      self->bytes_read += n;
      if (end < data + available)
        return TRUE;
    }
}

/* The next non-blank line, or NULL at the end or with self->error set. */
static char *
read_line (ZsJsonlReader *self,
           gsize         *length)
{
  for (;;)
    {
      char *line;
      const char *p;

      if (!read_bounded_line (self))
        {
          if (self->error == NULL)
            self->eof = TRUE;
          return NULL;
        }

      self->line++;
      line = self->buffer->str;
      *length = self->buffer->len;

      if (self->line == 1 && g_str_has_prefix (line, "\xEF\xBB\xBF"))
        {
          g_string_erase (self->buffer, 0, 3);
          line = self->buffer->str;
          *length = self->buffer->len;
        }

      if (memchr (line, '\0', *length) != NULL || !g_utf8_validate_len (line, *length, NULL))
        {
          fail (self, _("the text is not valid UTF-8"));
          return NULL;
        }

      for (p = line; g_ascii_isspace (*p); p++)
        ;
      if (*p != '\0')
        return line;
    }
}

/* The UTF-16 unit of the escape \uXXXX at @p, or -1 if there is none. */
static int
unicode_escape (const char *p,
                gsize       length)
{
  int unit = 0;

  if (length < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (guint k = 2; k < 6; k++)
    {
      if (!g_ascii_isxdigit (p[k]))
        return -1;
      unit = unit * 16 + g_ascii_xdigit_value (p[k]);
    }
  return unit;
}

/* The deepest nesting of arrays and objects in @line, counting brackets
 * outside strings, or -1 once it is deeper than MAX_DEPTH; -2 if the line
 * holds more than MAX_VALUES values; -3 if a string holds a \u escape that
 * is not a character (json-glib would return invalid UTF-8 for a lone
 * surrogate, and leaks on a broken escape). Unbalanced brackets are left
 * to the parser to report. */
static int
nesting_depth (const char *line,
               gsize       length)
{
  gboolean in_string = FALSE;
  int depth = 0;
  int deepest = 0;
  guint separators = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = line[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < length && line[i + 1] == 'u')
            {
              int unit = unicode_escape (line + i, length - i);

              if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
                return -3;
              if (unit >= 0xD800 && unit <= 0xDBFF)
                {
                  int low = unicode_escape (line + i + 6, length - i - 6);

                  if (low < 0xDC00 || low > 0xDFFF)
                    return -3;
                  i += 6;
                }
              i += 5;
            }
          else if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return -1;
          deepest = MAX (deepest, depth);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
      else if ((c == ',' || c == ':') && ++separators > MAX_VALUES)
        return -2;
    }
  return deepest;
}

/* Describes a JSON parse error without json-glib's "<data>:1:" prefix. */
static char *
parse_error_message (const GError *error)
{
  unsigned int line;
  unsigned int column;
  int consumed = 0;

  /* json-glib may quote one byte of a multibyte character. */
  g_autofree char *message = g_utf8_make_valid (error->message, -1);

  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    /* TRANSLATORS: a column number and json-glib's message */
    return g_strdup_printf (_("column %u: %s"), column, message + consumed);
  return g_steal_pointer (&message);
}

static char **
zs_jsonl_reader_read_row (ZsRowSource  *source,
                          guint64      *row_line,
                          GError      **error)
{
  ZsJsonlReader *self = ZS_JSONL_READER (source);
  const char *line = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) fields = NULL;
  JsonNode *root;
  JsonObject *object;
  GList *members;
  gsize length;
  gsize row_size = 0;
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

  switch (nesting_depth (line, length))
    {
    case -1:
      fail (self, _("arrays and objects are nested more than %d deep"), MAX_DEPTH);
      goto failed;
    case -2:
      fail (self, _("the line holds more than %d values"), MAX_VALUES);
      goto failed;
    case -3:
      fail (self, _("the line holds a \\u escape that is not a character"));
      goto failed;
    default:
      break;
    }

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
        {
          if (!g_utf8_validate (l->data, -1, NULL))
            {
              fail (self, _("the line holds a \\u escape that is not a character"));
              g_strv_builder_unref (builder);
              g_list_free (members);
              goto failed;
            }
          g_strv_builder_add (builder, l->data);
        }
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
          /* Fields may be missing before others: g_strfreev() stops at a gap. */
          for (guint i = 0; i < n_columns; i++)
            g_clear_pointer (&fields[i], g_free);
          goto failed;
        }
      g_free (fields[column - 1]);
      fields[column - 1] = value_text (json_object_get_member (object, l->data));
      /* json-glib turns a lone surrogate such as \ude00 into invalid UTF-8. */
      if (!g_utf8_validate (fields[column - 1], -1, NULL))
        {
          fail (self, _("the line holds a \\u escape that is not a character"));
          g_list_free (members);
          for (guint i = 0; i < n_columns; i++)
            g_clear_pointer (&fields[i], g_free);
          goto failed;
        }
    }
  g_list_free (members);

  for (guint i = 0; i < n_columns; i++)
    {
      if (fields[i] == NULL)
        fields[i] = g_strdup ("");
      row_size += strlen (fields[i]);
    }
  if (row_size > ZS_IO_MAX_ROW_SIZE)
    {
      /* TRANSLATORS: %d is a number of megabytes */
      fail (self, _("the row holds more than %d MB of text"), ZS_IO_MAX_ROW_SIZE / (1024 * 1024));
      goto failed;
    }

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
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (self->stream), 64 * 1024);

  return g_steal_pointer (&self);
}
