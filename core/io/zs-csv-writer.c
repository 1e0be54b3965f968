/* zs-csv-writer.c: tables written as RFC 4180 comma-separated values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "zs-csv-writer.h"
#include "zs-io-private.h"

#define UTF8_BOM "\xEF\xBB\xBF"

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
 * blank lines.
 *
 * A value that a spreadsheet would take for a formula, one beginning with
 * `=`, `+`, `-`, `@`, a tab or a carriage return, is written after an
 * apostrophe (OWASP "CSV injection"), as is a value that begins with
 * apostrophes followed by one of these, so that #ZsCsvReader removes exactly
 * the apostrophe added. Plain decimal numbers such as `-5` or `+3.5` are
 * numbers to a spreadsheet, not formulas, and are written as they are, so
 * numeric columns stay numeric. zs_csv_writer_set_formula_guard() turns the
 * apostrophe off.
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
  GObject     parent_instance;

  ZsIoOutput  output;
  GString    *line;
  guint       n_columns;
  guint64     n_rows;
  gboolean    raw;
};

static void zs_csv_writer_row_sink_iface_init (ZsRowSinkInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZsCsvWriter, zs_csv_writer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZS_TYPE_ROW_SINK,
                                                      zs_csv_writer_row_sink_iface_init))

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
              gboolean    alone,
              gboolean    guard)
{
  const char *p = field;
  const char *quote;

  if (guard)
    {
      g_autofree char *guarded = g_strconcat ("'", field, NULL);

      append_field (line, guarded, alone, FALSE);
      return;
    }

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

  if (!_zs_io_output_ready (&self->output, error) ||
      !_zs_io_check_row (fields, self->n_rows, self->n_columns, error))
    return FALSE;

  g_string_truncate (self->line, 0);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (self->line, ',');
      append_field (self->line, fields[i], i == 0 && fields[1] == NULL,
                    !self->raw && _zs_io_formula_guard_needed (fields[i]));
    }
  g_string_append (self->line, "\r\n");

  if (!_zs_io_output_write (&self->output, self->line->str, self->line->len, error))
    return FALSE;

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

  return _zs_io_output_commit (&self->output, error);
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
  _zs_io_output_abort (&self->output);

  G_OBJECT_CLASS (zs_csv_writer_parent_class)->dispose (object);
}

static void
zs_csv_writer_finalize (GObject *object)
{
  ZsCsvWriter *self = (ZsCsvWriter *) object;

  _zs_io_output_clear (&self->output);
  g_string_free (self->line, TRUE);

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

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ZS_TYPE_CSV_WRITER, NULL);
  if (!_zs_io_output_open (&self->output, path, error))
    return NULL;

  if (bom && !_zs_io_output_write (&self->output, UTF8_BOM, strlen (UTF8_BOM), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * zs_csv_writer_set_formula_guard:
 * @self: a #ZsCsvWriter
 * @guard: whether to write an apostrophe before values that a spreadsheet
 *   would take for formulas (the default), or write every value as it is
 *
 * Chooses whether values beginning with `=`, `+`, `-`, `@`, a tab or a
 * carriage return are defused; see #ZsCsvWriter.
 */
void
zs_csv_writer_set_formula_guard (ZsCsvWriter *self,
                                 gboolean     guard)
{
  g_return_if_fail (ZS_IS_CSV_WRITER (self));

  self->raw = !guard;
}
