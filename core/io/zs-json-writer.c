/* zs-json-writer.c: tables written as JSON or JSON lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-error.h"
#include "zs-io-private.h"
#include "zs-json-writer.h"

/**
 * ZsJsonWriter:
 *
 * A #ZsRowSink writing every row after the header as a JSON object whose
 * members are named by the header, in the header's order.
 *
 * As one JSON array (`.json`), pretty-printed with two spaces of indentation
 * unless zs_json_writer_set_pretty() turns it off, or as JSON lines (`.jsonl`,
 * `.ndjson`): one compact object per line, each line ended by LF.
 *
 * Every value is a JSON string, since the sink receives text: an empty field
 * is `""`, never `null`, and numbers are not converted. The output is UTF-8
 * and text other than ASCII is written as is; only the double quote, the
 * backslash, control characters and the line and paragraph separators
 * U+2028 and U+2029 are escaped, so that reading the file gives back exactly
 * the values written.
 *
 * Every row must have as many fields as the header and be valid UTF-8, and
 * header names must be unique. A row that is not is refused with
 * %ZS_ERROR_INVALID; nothing of it is written and the writer stays usable.
 *
 * The file is written under a hidden temporary name in the same folder and
 * renamed to its final name by zs_row_sink_close(). If writing fails, or the
 * writer is finalized without being closed, the temporary file is removed and
 * a file already at the final name is left untouched.
 */
struct _ZsJsonWriter
{
  GObject     parent_instance;

  ZsIoOutput  output;
  GString    *buffer;
  char      **keys;
  guint       n_columns;
  guint64     n_rows;
  gboolean    lines;
  gboolean    pretty;
};

static void zs_json_writer_row_sink_iface_init (ZsRowSinkInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZsJsonWriter, zs_json_writer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZS_TYPE_ROW_SINK,
                                                      zs_json_writer_row_sink_iface_init))

/* An object keeps one member per name: a column named twice would lose
 * its values. */
static gboolean
check_header (const char * const  *fields,
              GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (!g_hash_table_add (seen, (gpointer) fields[i]))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("The header names column “%s” twice"), fields[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* RFC 8259 string, UTF-8 left as is. U+2028 and U+2029 are valid JSON but
 * end lines in JavaScript and in some line-oriented tools. */
static void
append_string (GString    *out,
               const char *text)
{
  const guchar *p = (const guchar *) text;
  const guchar *run = p;

  g_string_append_c (out, '"');
  for (; *p != '\0'; p++)
    {
      const char *escape = NULL;
      char code[8];

      if (*p >= 0x20 && *p != '"' && *p != '\\' &&
          !(p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)))
        continue;

      g_string_append_len (out, (const char *) run, p - run);
      switch (*p)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case 0xE2:
          escape = p[2] == 0xA8 ? "\\u2028" : "\\u2029";
          p += 2;
          break;
        default:
          g_snprintf (code, sizeof code, "\\u%04x", *p);
          escape = code;
          break;
        }
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

static void
append_object (ZsJsonWriter       *self,
               const char * const *fields)
{
  gboolean pretty = self->pretty && !self->lines;

  g_string_append (self->buffer, pretty ? "  {\n" : "{");
  for (guint i = 0; i < self->n_columns; i++)
    {
      if (i > 0)
        g_string_append (self->buffer, pretty ? ",\n" : ",");
      if (pretty)
        g_string_append (self->buffer, "    ");
      g_string_append (self->buffer, self->keys[i]);
      g_string_append (self->buffer, pretty ? ": " : ":");
      append_string (self->buffer, fields[i]);
    }
  g_string_append (self->buffer, pretty ? "\n  }" : "}");
}

/* The header's names, quoted once for every object */
static void
set_keys (ZsJsonWriter       *self,
          const char * const *fields)
{
  GString *key = g_string_new (NULL);

  self->n_columns = g_strv_length ((char **) fields);
  self->keys = g_new0 (char *, self->n_columns + 1);
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_string_truncate (key, 0);
      append_string (key, fields[i]);
      self->keys[i] = g_strndup (key->str, key->len);
    }
  g_string_free (key, TRUE);
}

static gboolean
write_buffer (ZsJsonWriter  *self,
              GError       **error)
{
  return _zs_io_output_write (&self->output, self->buffer->str, self->buffer->len, error);
}

static gboolean
zs_json_writer_write_row (ZsRowSink           *sink,
                          const char * const  *fields,
                          GError             **error)
{
  ZsJsonWriter *self = ZS_JSON_WRITER (sink);

  if (!_zs_io_output_ready (&self->output, error) ||
      !_zs_io_check_row (fields, self->n_rows, self->n_columns, error) ||
      (self->n_rows == 0 && !check_header (fields, error)))
    return FALSE;

  if (self->n_rows == 0)
    {
      set_keys (self, fields);
      self->n_rows++;
      return TRUE;
    }

  g_string_truncate (self->buffer, 0);
  if (self->lines)
    {
      append_object (self, fields);
      g_string_append_c (self->buffer, '\n');
    }
  else
    {
      if (self->n_rows == 1)
        g_string_append (self->buffer, self->pretty ? "[\n" : "[");
      else
        g_string_append (self->buffer, self->pretty ? ",\n" : ",");
      append_object (self, fields);
    }

  if (!write_buffer (self, error))
    return FALSE;

  self->n_rows++;

  return TRUE;
}

/* A JSON array is only valid once its closing bracket is written */
static gboolean
write_end (ZsJsonWriter  *self,
           GError       **error)
{
  g_string_truncate (self->buffer, 0);
  if (self->n_rows <= 1)
    g_string_append (self->buffer, "[]\n");
  else
    g_string_append (self->buffer, self->pretty ? "\n]\n" : "]\n");

  return write_buffer (self, error);
}

static gboolean
zs_json_writer_close (ZsRowSink  *sink,
                      GError    **error)
{
  ZsJsonWriter *self = ZS_JSON_WRITER (sink);

  if (_zs_io_output_begin_close (&self->output) && !self->lines && !write_end (self, error))
    return FALSE;

  return _zs_io_output_commit (&self->output, error);
}

static void
zs_json_writer_row_sink_iface_init (ZsRowSinkInterface *iface)
{
  iface->write_row = zs_json_writer_write_row;
  iface->close = zs_json_writer_close;
}

static void
zs_json_writer_dispose (GObject *object)
{
  ZsJsonWriter *self = (ZsJsonWriter *) object;

  /* Never closed: the export was abandoned */
  _zs_io_output_abort (&self->output);

  G_OBJECT_CLASS (zs_json_writer_parent_class)->dispose (object);
}

static void
zs_json_writer_finalize (GObject *object)
{
  ZsJsonWriter *self = (ZsJsonWriter *) object;

  _zs_io_output_clear (&self->output);
  g_string_free (self->buffer, TRUE);
  g_clear_pointer (&self->keys, g_strfreev);

  G_OBJECT_CLASS (zs_json_writer_parent_class)->finalize (object);
}

static void
zs_json_writer_class_init (ZsJsonWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_json_writer_dispose;
  object_class->finalize = zs_json_writer_finalize;
}

static void
zs_json_writer_init (ZsJsonWriter *self)
{
  self->buffer = g_string_sized_new (1024);
  self->pretty = TRUE;
}

/**
 * zs_json_writer_new:
 * @path: (type filename): the file to write; an existing file is replaced
 *   when the writer is closed
 * @lines: write JSON lines, one object per line, instead of one array
 * @error: return location for a #GError
 *
 * Starts writing a JSON file. Nothing appears under @path before
 * zs_row_sink_close() succeeds.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set if the
 *   temporary file cannot be created
 */
ZsJsonWriter *
zs_json_writer_new (const char  *path,
                    gboolean     lines,
                    GError     **error)
{
  g_autoptr(ZsJsonWriter) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ZS_TYPE_JSON_WRITER, NULL);
  self->lines = !!lines;
  if (!_zs_io_output_open (&self->output, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * zs_json_writer_set_pretty:
 * @self: a #ZsJsonWriter
 * @pretty: %FALSE to write the array without any white space
 *
 * Chooses between an indented array, one member per line (the default), and
 * a compact one. Call it before writing the first row. JSON lines are always
 * compact.
 */
void
zs_json_writer_set_pretty (ZsJsonWriter *self,
                           gboolean      pretty)
{
  g_return_if_fail (ZS_IS_JSON_WRITER (self));
  g_return_if_fail (self->n_rows <= 1);

  self->pretty = !!pretty;
}
