/* zs-io.c: what the spreadsheet readers and writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zs-error.h"
#include "zs-io-private.h"

#define BUFFER_SIZE (64 * 1024)

/* Reading */

/* Opens @path with its size in @size, -1 when unknown, for the progress. */
GInputStream *
_zs_io_open_file (const char  *path,
                  goffset     *size,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;

  *size = -1;
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    *size = g_file_info_get_size (info);

  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

/* How much of the input was read: 0 when its size is unknown. */
double
_zs_io_fraction (goffset done,
                 goffset size)
{
  if (size <= 0)
    return 0;
  return CLAMP ((double) done / (double) size, 0, 1);
}

/* Numbers as text: integers without a decimal point, others in the shortest
 * form that reads back as the same double. */
char *
_zs_io_format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0)
    return g_strdup ("0");
  if (value > -1e15 && value < 1e15 && value == (double) (gint64) value)
    return g_strdup_printf ("%" PRId64, (gint64) value);

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

/* Sets *@latch, unless a first error is already there, to what is wrong at a
 * place of the input: a @line of file @name, a row of its @sheet, or the
 * whole file when @line is 0. */
void
_zs_io_fail_at (GError     **latch,
                const char  *name,
                const char  *sheet,
                guint64      line,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line_text = NULL;
  va_list args;

  if (*latch != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line_text = g_strdup_printf ("%" PRIu64, line);
  if (sheet != NULL)
    /* TRANSLATORS: file name, sheet name, row number and what is wrong there */
    *latch = g_error_new (ZS_ERROR, ZS_ERROR_INVALID, _("“%s”, sheet “%s”, row %s: %s"),
                          name, sheet, line_text, message);
  else if (line > 0)
    /* TRANSLATORS: file name, line number and what is wrong there */
    *latch = g_error_new (ZS_ERROR, ZS_ERROR_INVALID, _("“%s”, line %s: %s"),
                          name, line_text, message);
  else
    /* TRANSLATORS: file name and what is wrong with it */
    *latch = g_error_new (ZS_ERROR, ZS_ERROR_INVALID, _("“%s”: %s"), name, message);
}

/* Writing: a refused row is not written and leaves the writer usable, so
 * these checks come before anything of the row reaches the file. */

/* The header names at least one column; every later row has a field for
 * each. @n_rows counts the rows written, the header included. */
gboolean
_zs_io_check_row_width (const char * const  *fields,
                        guint64               n_rows,
                        guint                 n_columns,
                        GError              **error)
{
  guint n_fields = g_strv_length ((char **) fields);

  if (n_rows == 0 && n_fields == 0)
    {
      g_set_error_literal (error, ZS_ERROR, ZS_ERROR_INVALID,
                           _("The header has no columns"));
      return FALSE;
    }
  if (n_rows > 0 && n_fields != n_columns)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("Row %" PRIu64 " has %u fields but the header has %u"),
                   n_rows + 1, n_fields, n_columns);
      return FALSE;
    }

  return TRUE;
}

gboolean
_zs_io_check_row_utf8 (const char * const  *fields,
                       guint64               row,
                       GError              **error)
{
  gsize row_size = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (!g_utf8_validate (fields[i], -1, NULL))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("Row %" PRIu64 ", column %u is not valid UTF-8"),
                       row, i + 1);
          return FALSE;
        }
      row_size += strlen (fields[i]);
      if (row_size > ZS_IO_MAX_ROW_SIZE)
        {
          /* TRANSLATORS: %d is a number of megabytes */
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("Row %" PRIu64 ", column %u holds more than %d MB of text, "
                         "more than an import accepts"),
                       row, i + 1, ZS_IO_MAX_ROW_SIZE / (1024 * 1024));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_zs_io_check_row (const char * const  *fields,
                  guint64               n_rows,
                  guint                 n_columns,
                  GError              **error)
{
  return _zs_io_check_row_width (fields, n_rows, n_columns, error) &&
         _zs_io_check_row_utf8 (fields, n_rows + 1, error);
}

/* A hidden file next to @file, created exclusively so that nothing else is
 * overwritten; the rename on commit is then atomic. */
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

/* Starts writing @path; nothing appears under that name before
 * _zs_io_output_commit() succeeds. On error @self still needs
 * _zs_io_output_clear(). */
gboolean
_zs_io_output_open (ZsIoOutput  *self,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  self->file = g_file_new_for_path (path);
  self->display_name = g_file_get_parse_name (self->file);

  stream = create_temporary (self->file, &self->temp, &local_error);
  if (stream == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot write “%s”: "), self->display_name);
      return FALSE;
    }
  self->stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), BUFFER_SIZE);

  return TRUE;
}

gboolean
_zs_io_output_write (ZsIoOutput  *self,
                     const void  *data,
                     gsize        len,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_output_stream_write_all (self->stream, data, len, NULL, NULL, &local_error))
    return _zs_io_output_fail (self, g_steal_pointer (&local_error), error);

  return TRUE;
}

/* Ends the output with @local_error, which it takes; returns FALSE. */
gboolean
_zs_io_output_fail (ZsIoOutput  *self,
                    GError      *local_error,
                    GError     **error)
{
  g_prefix_error (&local_error, _("Cannot write “%s”: "), self->display_name);
  self->failure = local_error;
  _zs_io_output_abort (self);
  g_propagate_error (error, g_error_copy (self->failure));
  return FALSE;
}

/* Marks the output closed. TRUE only the first time and if nothing failed:
 * the writer then writes what ends its format, before committing. */
gboolean
_zs_io_output_begin_close (ZsIoOutput *self)
{
  gboolean first = !self->closed;

  self->closed = TRUE;
  return first && self->failure == NULL;
}

/* Closes the stream and gives the file its final name. Closing again
 * reports the same result. */
gboolean
_zs_io_output_commit (ZsIoOutput  *self,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  self->closed = TRUE;

  /* The stream is gone once committed or failed */
  if (self->stream != NULL)
    {
      if (!g_output_stream_close (self->stream, NULL, &local_error) ||
          !g_file_move (self->temp, self->file, G_FILE_COPY_OVERWRITE,
                        NULL, NULL, NULL, &local_error))
        return _zs_io_output_fail (self, g_steal_pointer (&local_error), error);

      g_clear_object (&self->stream);
      g_clear_object (&self->temp);
    }

  return _zs_io_check (self->failure, error);
}

/* Removes the temporary file of an output that failed or was abandoned. */
void
_zs_io_output_abort (ZsIoOutput *self)
{
  if (self->stream != NULL)
    g_output_stream_close (self->stream, NULL, NULL);
  g_clear_object (&self->stream);
  if (self->temp != NULL)
    g_file_delete (self->temp, NULL, NULL);
  g_clear_object (&self->temp);
}

void
_zs_io_output_clear (ZsIoOutput *self)
{
  _zs_io_output_abort (self);
  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_error (&self->failure);
}

/* Formulas in CSV (OWASP "CSV injection") */

/* A plain decimal number, as -5, +3.25 or -1e6: a spreadsheet reads it as
 * a number, never as a formula. */
static gboolean
is_plain_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

/* Whether @text, written to a CSV file, needs an apostrophe in front: it
 * begins, after any apostrophes, with =, +, -, @, a tab or a CR and is not
 * a plain number. Counting the apostrophes already there makes the rule
 * reversible: "'=x" is written "''=x" and read back as "'=x". */
gboolean
_zs_io_formula_guard_needed (const char *text)
{
  const char *p = text;

  while (*p == '\'')
    p++;
  switch (*p)
    {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    case '+':
    case '-':
      return !is_plain_number (p);
    default:
      return FALSE;
    }
}

/* Whether @text, read from a CSV file, begins with an apostrophe that
 * _zs_io_formula_guard_needed() would have added. */
gboolean
_zs_io_formula_guard_present (const char *text)
{
  return text[0] == '\'' && _zs_io_formula_guard_needed (text + 1);
}
