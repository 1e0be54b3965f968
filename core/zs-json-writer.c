/* zs-json-writer.c: tables written as JSON or JSON lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zs-json-writer"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zs-error.h"
#include "zs-json-writer.h"

#define BUFFER_SIZE (64 * 1024)

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
  GObject        parent_instance;

  GFile         *file;
  GFile         *temp;
  char          *display_name;
  GOutputStream *stream;
  GString       *buffer;
  char         **keys;
  guint          n_columns;
  guint64        n_rows;
  GError        *failure;
  gboolean       lines;
  gboolean       pretty;
  gboolean       closed;
};

static void zs_json_writer_row_sink_iface_init (ZsRowSinkInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZsJsonWriter, zs_json_writer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZS_TYPE_ROW_SINK,
                                                      zs_json_writer_row_sink_iface_init))

/* A hidden file next to @file, created exclusively so that nothing else is
 * overwritten; the rename on close is then atomic. */
static GFileOutputStream *
create_temporary (GFile   *file,
                  GFile  **temp_out,
                  GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder"), basename);
      return NULL;
    }

  /* Keep the temporary name well below the usual limit of 255 bytes */
  if (strlen (basename) > 200)
    {
      g_free (basename);
      basename = g_strdup ("export");
    }

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GFile) temp = NULL;
      GFileOutputStream *stream;

      name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      temp = g_file_get_child (parent, name);
      stream = g_file_create (temp, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream != NULL)
        {
          *temp_out = g_steal_pointer (&temp);
          return stream;
        }
      if (attempt == 99 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

static void
discard_temporary (ZsJsonWriter *self)
{
  if (self->stream != NULL)
    g_output_stream_close (self->stream, NULL, NULL);
  g_clear_object (&self->stream);
  if (self->temp != NULL)
    g_file_delete (self->temp, NULL, NULL);
  g_clear_object (&self->temp);
}

/* An I/O error ends the export: the temporary file is removed and every
 * later call reports the same error. */
static gboolean
fail (ZsJsonWriter  *self,
      GError       *local_error,
      GError      **error)
{
  g_prefix_error (&local_error, _("Cannot write “%s”: "), self->display_name);
  self->failure = local_error;
  discard_temporary (self);
  g_propagate_error (error, g_error_copy (self->failure));
  return FALSE;
}

static gboolean
check_row (ZsJsonWriter        *self,
           const char * const  *fields,
           GError             **error)
{
  guint n_fields = g_strv_length ((char **) fields);
  guint64 row = self->n_rows + 1;

  if (self->n_rows == 0 && n_fields == 0)
    {
      g_set_error_literal (error, ZS_ERROR, ZS_ERROR_INVALID,
                           _("The header has no columns"));
      return FALSE;
    }
  if (self->n_rows > 0 && n_fields != self->n_columns)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("Row %" PRIu64 " has %u fields but the header has %u"),
                   row, n_fields, self->n_columns);
      return FALSE;
    }
  for (guint i = 0; i < n_fields; i++)
    {
      if (!g_utf8_validate (fields[i], -1, NULL))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("Row %" PRIu64 ", column %u is not valid UTF-8"),
                       row, i + 1);
          return FALSE;
        }
    }

  if (self->n_rows == 0)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < n_fields; i++)
        {
          if (!g_hash_table_add (seen, (gpointer) fields[i]))
            {
              g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                           _("The header names column “%s” twice"), fields[i]);
              return FALSE;
            }
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

static gboolean
write_buffer (ZsJsonWriter  *self,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  NULL, NULL, &local_error))
    return fail (self, g_steal_pointer (&local_error), error);

  return TRUE;
}

static gboolean
zs_json_writer_write_row (ZsRowSink           *sink,
                          const char * const  *fields,
                          GError             **error)
{
  ZsJsonWriter *self = ZS_JSON_WRITER (sink);

  g_return_val_if_fail (!self->closed, FALSE);

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }
  if (!check_row (self, fields, error))
    return FALSE;

  if (self->n_rows == 0)
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

static gboolean
zs_json_writer_close (ZsRowSink  *sink,
                      GError    **error)
{
  ZsJsonWriter *self = ZS_JSON_WRITER (sink);
  g_autoptr(GError) local_error = NULL;

  if (!self->closed)
    {
      self->closed = TRUE;

      if (self->failure == NULL && !self->lines)
        {
          g_string_truncate (self->buffer, 0);
          if (self->n_rows <= 1)
            g_string_append (self->buffer, "[]\n");
          else
            g_string_append (self->buffer, self->pretty ? "\n]\n" : "]\n");
          if (!write_buffer (self, error))
            return FALSE;
        }

      if (self->failure == NULL &&
          !g_output_stream_close (self->stream, NULL, &local_error))
        return fail (self, g_steal_pointer (&local_error), error);

      if (self->failure == NULL &&
          !g_file_move (self->temp, self->file, G_FILE_COPY_OVERWRITE,
                        NULL, NULL, NULL, &local_error))
        return fail (self, g_steal_pointer (&local_error), error);

      g_clear_object (&self->stream);
      g_clear_object (&self->temp);
    }

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }

  return TRUE;
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
  discard_temporary (self);

  G_OBJECT_CLASS (zs_json_writer_parent_class)->dispose (object);
}

static void
zs_json_writer_finalize (GObject *object)
{
  ZsJsonWriter *self = (ZsJsonWriter *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_string_free (self->buffer, TRUE);
  g_clear_pointer (&self->keys, g_strfreev);
  g_clear_error (&self->failure);

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
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ZS_TYPE_JSON_WRITER, NULL);
  self->lines = !!lines;
  self->file = g_file_new_for_path (path);
  self->display_name = g_file_get_parse_name (self->file);

  stream = create_temporary (self->file, &self->temp, &local_error);
  if (stream == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot write “%s”: "), self->display_name);
      return NULL;
    }
  self->stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), BUFFER_SIZE);

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
