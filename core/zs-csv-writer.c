/* zs-csv-writer.c: tables written as RFC 4180 comma-separated values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zs-csv-writer"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zs-csv-writer.h"
#include "zs-error.h"

#define BUFFER_SIZE (64 * 1024)
#define UTF8_BOM    "\xEF\xBB\xBF"

/**
 * ZsCsvWriter:
 *
 * A #ZsRowSink writing comma-separated values as RFC 4180 describes them:
 * UTF-8, every row ended by CRLF, optionally after a UTF-8 byte order mark so
 * that Excel reads Chinese text as UTF-8.
 *
 * Values are written exactly as given, so that exporting and importing again
 * gives identical records. A field is put in double quotes (a double quote in
 * it is doubled) when it contains a comma, a double quote, a CR or an LF, when
 * it begins or ends with white space, when it begins with a byte order mark,
 * or when it is the only field of its row and is empty, since readers skip
 * blank lines. Nothing else is changed: in particular, values beginning with
 * `=`, `+`, `-` or `@` are not altered to defuse formulas, and a spreadsheet
 * opening the file may evaluate them.
 *
 * Every row must have as many fields as the header and be valid UTF-8. A row
 * that is not is refused with %ZS_ERROR_INVALID; nothing of it is written and
 * the writer stays usable.
 *
 * The file is written under a hidden temporary name in the same folder and
 * renamed to its final name by zs_row_sink_close(). If writing fails, or the
 * writer is finalized without being closed, the temporary file is removed and
 * a file already at the final name is left untouched.
 */
struct _ZsCsvWriter
{
  GObject        parent_instance;

  GFile         *file;
  GFile         *temp;
  char          *display_name;
  GOutputStream *stream;
  GString       *line;
  guint          n_columns;
  guint64        n_rows;
  GError        *failure;
  gboolean       closed;
};

static void zs_csv_writer_row_sink_iface_init (ZsRowSinkInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZsCsvWriter, zs_csv_writer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZS_TYPE_ROW_SINK,
                                                      zs_csv_writer_row_sink_iface_init))

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
discard_temporary (ZsCsvWriter *self)
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
fail (ZsCsvWriter  *self,
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
check_row (ZsCsvWriter         *self,
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

  return TRUE;
}

static gboolean
needs_quotes (const char *field,
              gboolean    alone)
{
  const char *last;

  if (field[0] == '\0')
    return alone;
  if (strpbrk (field, ",\"\r\n") != NULL)
    return TRUE;
  if (g_str_has_prefix (field, UTF8_BOM))
    return TRUE;
  if (g_unichar_isspace (g_utf8_get_char (field)))
    return TRUE;
  last = g_utf8_find_prev_char (field, field + strlen (field));
  return g_unichar_isspace (g_utf8_get_char (last));
}

static void
append_field (GString    *line,
              const char *field,
              gboolean    alone)
{
  const char *p = field;
  const char *quote;

  if (!needs_quotes (field, alone))
    {
      g_string_append (line, field);
      return;
    }

  g_string_append_c (line, '"');
  while ((quote = strchr (p, '"')) != NULL)
    {
      g_string_append_len (line, p, quote - p + 1);
      g_string_append_c (line, '"');
      p = quote + 1;
    }
  g_string_append (line, p);
  g_string_append_c (line, '"');
}

static gboolean
zs_csv_writer_write_row (ZsRowSink           *sink,
                         const char * const  *fields,
                         GError             **error)
{
  ZsCsvWriter *self = ZS_CSV_WRITER (sink);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (!self->closed, FALSE);

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }
  if (!check_row (self, fields, error))
    return FALSE;

  g_string_truncate (self->line, 0);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (self->line, ',');
      append_field (self->line, fields[i], i == 0 && fields[1] == NULL);
    }
  g_string_append (self->line, "\r\n");

  if (!g_output_stream_write_all (self->stream, self->line->str, self->line->len,
                                  NULL, NULL, &local_error))
    return fail (self, g_steal_pointer (&local_error), error);

  if (self->n_rows == 0)
    self->n_columns = g_strv_length ((char **) fields);
  self->n_rows++;

  return TRUE;
}

static gboolean
zs_csv_writer_close (ZsRowSink  *sink,
                     GError    **error)
{
  ZsCsvWriter *self = ZS_CSV_WRITER (sink);
  g_autoptr(GError) local_error = NULL;

  if (!self->closed)
    {
      self->closed = TRUE;

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
zs_csv_writer_row_sink_iface_init (ZsRowSinkInterface *iface)
{
  iface->write_row = zs_csv_writer_write_row;
  iface->close = zs_csv_writer_close;
}

static void
zs_csv_writer_dispose (GObject *object)
{
  ZsCsvWriter *self = (ZsCsvWriter *) object;

  /* Never closed: the export was abandoned */
  discard_temporary (self);

  G_OBJECT_CLASS (zs_csv_writer_parent_class)->dispose (object);
}

static void
zs_csv_writer_finalize (GObject *object)
{
  ZsCsvWriter *self = (ZsCsvWriter *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_string_free (self->line, TRUE);
  g_clear_error (&self->failure);

  G_OBJECT_CLASS (zs_csv_writer_parent_class)->finalize (object);
}

static void
zs_csv_writer_class_init (ZsCsvWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_csv_writer_dispose;
  object_class->finalize = zs_csv_writer_finalize;
}

static void
zs_csv_writer_init (ZsCsvWriter *self)
{
  self->line = g_string_sized_new (1024);
}

/**
 * zs_csv_writer_new:
 * @path: (type filename): the file to write; an existing file is replaced
 *   when the writer is closed
 * @bom: start the file with a UTF-8 byte order mark, so that Excel reads it
 *   as UTF-8
 * @error: return location for a #GError
 *
 * Starts writing a CSV file. Nothing appears under @path before
 * zs_row_sink_close() succeeds.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set if the
 *   temporary file cannot be created
 */
ZsCsvWriter *
zs_csv_writer_new (const char  *path,
                   gboolean     bom,
                   GError     **error)
{
  g_autoptr(ZsCsvWriter) self = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ZS_TYPE_CSV_WRITER, NULL);
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

  if (bom &&
      !g_output_stream_write_all (self->stream, UTF8_BOM, strlen (UTF8_BOM),
                                  NULL, NULL, &local_error))
    {
      fail (self, g_steal_pointer (&local_error), error);
      return NULL;
    }

  return g_steal_pointer (&self);
}
