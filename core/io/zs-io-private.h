/* zs-io-private.h: what the spreadsheet readers and writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Readers and writers keep their first error and report a copy of it on
 * every later call, so that a caller sees the cause and not a consequence. */
static inline gboolean
_zs_io_check (const GError  *latched,
              GError       **error)
{
  if (latched == NULL)
    return TRUE;
  g_propagate_error (error, g_error_copy (latched));
  return FALSE;
}

/* The most text (in bytes of UTF-8) of one row, and so of one cell, that
 * the readers accept, and so the most that the writers write: an import
 * takes some ten times the text of a row, so the cap keeps its memory
 * under 150 MB whatever the file. A business scope of 3.5 million Chinese
 * characters is 10.5 MB. */
#define ZS_IO_MAX_ROW_SIZE  (12 * 1024 * 1024)
#define ZS_IO_MAX_CELL_SIZE ZS_IO_MAX_ROW_SIZE
/* XLSX: the longest text between two XML tags, as written (escaped). */
#define ZS_IO_MAX_XML_TEXT  (32 * 1024 * 1024)

/* Reading */

GInputStream *_zs_io_open_file      (const char   *path,
                                     goffset      *size,
                                     GError      **error);
double        _zs_io_fraction       (goffset       done,
                                     goffset       size);
char         *_zs_io_format_double  (double        value);
G_GNUC_PRINTF (5, 6)
void          _zs_io_fail_at        (GError      **latch,
                                     const char   *name,
                                     const char   *sheet,
                                     guint64       line,
                                     const char   *format,
                                     ...);

/* Formulas in CSV: a text cell that a spreadsheet would take for a formula
 * is written after an apostrophe, which our CSV reader removes again. */
gboolean _zs_io_formula_guard_needed (const char *text);
gboolean _zs_io_formula_guard_present (const char *text);

/* Writing */

gboolean _zs_io_check_row_width (const char * const  *fields,
                                 guint64               n_rows,
                                 guint                 n_columns,
                                 GError              **error);
gboolean _zs_io_check_row_utf8  (const char * const  *fields,
                                 guint64               row,
                                 GError              **error);
gboolean _zs_io_check_row       (const char * const  *fields,
                                 guint64               n_rows,
                                 guint                 n_columns,
                                 GError              **error);

/* A file written under a hidden temporary name next to its final one and
 * renamed when committed, so that a failed or abandoned export never leaves
 * a partial file, nor harms one already there. The first I/O error ends it:
 * the temporary file is removed and every later call reports that error. */
typedef struct
{
  GFile         *file;
  GFile         *temp;
  char          *display_name;
  GOutputStream *stream;
  GError        *failure;
  gboolean       closed;
} ZsIoOutput;

gboolean _zs_io_output_open        (ZsIoOutput     *self,
                                    const char     *path,
                                    GError        **error);
gboolean _zs_io_output_write       (ZsIoOutput     *self,
                                    const void     *data,
                                    gsize           len,
                                    GError        **error);
gboolean _zs_io_output_fail        (ZsIoOutput     *self,
                                    GError         *local_error,
                                    GError        **error);
gboolean _zs_io_output_begin_close (ZsIoOutput     *self);
gboolean _zs_io_output_commit      (ZsIoOutput     *self,
                                    GError        **error);
void     _zs_io_output_abort       (ZsIoOutput     *self);
void     _zs_io_output_clear       (ZsIoOutput     *self);

/* Inline, so that writing after close is reported in the log domain of the
 * writer misused. */
static inline gboolean
_zs_io_output_ready (ZsIoOutput  *self,
                     GError     **error)
{
  g_return_val_if_fail (!self->closed, FALSE);

  return _zs_io_check (self->failure, error);
}

G_END_DECLS
