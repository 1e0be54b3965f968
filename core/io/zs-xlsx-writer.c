/* zs-xlsx-writer.c: tables written as an Office Open XML workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <string.h>

#include "zs-error.h"
#include "zs-io-private.h"
#include "zs-xlsx-writer.h"

#define BUFFER_SIZE (64 * 1024)
#define MAX_ROWS    1048576
#define MAX_COLUMNS 16384

/**
 * ZsXlsxWriter:
 *
 * A #ZsRowSink writing an Excel workbook (`.xlsx`, Office Open XML) with one
 * worksheet, named `firms` unless zs_xlsx_writer_set_sheet_name() says
 * otherwise.
 *
 * Rows are written to the sheet as they come, deflated, so memory use does
 * not grow with the number of rows. Every value becomes a text cell holding
 * an inline string (no shared-string table is kept); an empty value is an
 * empty text cell, so every row has a cell in every column. The header row
 * is bold and stays visible when scrolling.
 *
 * Values are written exactly as given, with two exceptions forced by the file
 * format:
 *
 * - characters that XML 1.0 does not allow are dropped: the control
 *   characters U+0001 to U+001F other than tab, LF and CR, and U+FFFE and
 *   U+FFFF. Tab, LF and CR are kept (CR as `&#13;`, so that XML readers do
 *   not turn it into LF).
 * - Excel reads `_xHHHH_` (four hexadecimal digits) in a cell as an escaped
 *   character, so a value containing such a sequence has its underscore
 *   written as `_x005F_`; Excel, and readers that decode these escapes as
 *   the format requires, show the original text.
 *
 * A sheet holds at most 1048576 rows (the header included) and 16384
 * columns; a row beyond these limits is refused. Excel shows at most 32767
 * characters of a cell; longer values are written in full.
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
struct _ZsXlsxWriter
{
  GObject      parent_instance;

  ZsIoOutput   output;
  char        *sheet_name;
  GsfOutput   *archive;
  GsfOutfile  *zip;
  GsfOutput   *sheet;
  GString     *buffer;
  char       **columns;
  guint        n_columns;
  guint64      n_rows;
};

static void zs_xlsx_writer_row_sink_iface_init (ZsRowSinkInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZsXlsxWriter, zs_xlsx_writer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZS_TYPE_ROW_SINK,
                                                      zs_xlsx_writer_row_sink_iface_init))

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_DOC  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define CT_BASE "application/vnd.openxmlformats-officedocument.spreadsheetml."
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

static const char content_types_xml[] =
  XML_DECL
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" CT_BASE "sheet.main+xml\"/>"
  "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" CT_BASE "worksheet+xml\"/>"
  "<Override PartName=\"/xl/styles.xml\" ContentType=\"" CT_BASE "styles+xml\"/>"
  "</Types>";

static const char package_rels_xml[] =
  XML_DECL
  "<Relationships xmlns=\"" NS_RELS "\">"
  "<Relationship Id=\"rId1\" Type=\"" NS_DOC "/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";

static const char workbook_rels_xml[] =
  XML_DECL
  "<Relationships xmlns=\"" NS_RELS "\">"
  "<Relationship Id=\"rId1\" Type=\"" NS_DOC "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" NS_DOC "/styles\" Target=\"styles.xml\"/>"
  "</Relationships>";

/* Cell format 0 is the default, 1 is bold for the header */
static const char styles_xml[] =
  XML_DECL
  "<styleSheet xmlns=\"" NS_MAIN "\">"
  "<fonts count=\"2\">"
  "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
  "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
  "</fonts>"
  "<fills count=\"2\">"
  "<fill><patternFill patternType=\"none\"/></fill>"
  "<fill><patternFill patternType=\"gray125\"/></fill>"
  "</fills>"
  "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
  "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
  "<cellXfs count=\"2\">"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
  "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
  "</cellXfs>"
  "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
  "</styleSheet>";

/* The header row is frozen, so it stays visible when scrolling */
static const char sheet_start_xml[] =
  XML_DECL
  "<worksheet xmlns=\"" NS_MAIN "\">"
  "<sheetViews><sheetView workbookViewId=\"0\">"
  "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
  "<selection pane=\"bottomLeft\"/>"
  "</sheetView></sheetViews>"
  "<sheetData>";

static const char sheet_end_xml[] =
  "</sheetData></worksheet>";

/* The zip archive goes through GIO, so that errors keep their GIO domain
 * and code and the file can be discarded like the other writers do. */
typedef struct
{
  GsfOutput      parent_instance;

  GOutputStream *stream;
  GError        *error;
  gboolean       discard;
} ZsXlsxWriterOutput;

typedef GsfOutputClass ZsXlsxWriterOutputClass;

static GType zs_xlsx_writer_output_get_type (void);

G_DEFINE_TYPE (ZsXlsxWriterOutput, zs_xlsx_writer_output, GSF_OUTPUT_TYPE)

static gboolean
zs_xlsx_writer_output_write (GsfOutput    *output,
                             size_t        num_bytes,
                             const guint8 *data)
{
  ZsXlsxWriterOutput *self = (ZsXlsxWriterOutput *) output;

  if (self->discard)
    return TRUE;
  if (self->error != NULL)
    return gsf_output_set_error (output, self->error->code, "%s", self->error->message);

  if (!g_output_stream_write_all (self->stream, data, num_bytes, NULL, NULL, &self->error))
    return gsf_output_set_error (output, self->error->code, "%s", self->error->message);

  return TRUE;
}

static gboolean
zs_xlsx_writer_output_seek (GsfOutput *output,
                            gsf_off_t  offset,
                            GSeekType  whence)
{
  ZsXlsxWriterOutput *self = (ZsXlsxWriterOutput *) output;

  if (self->discard)
    return TRUE;
  if (self->error != NULL)
    return gsf_output_set_error (output, self->error->code, "%s", self->error->message);
  /* Not seekable: the archive then stores sizes after each member */
  if (!G_IS_SEEKABLE (self->stream) || !g_seekable_can_seek (G_SEEKABLE (self->stream)))
    return FALSE;

  if (!g_seekable_seek (G_SEEKABLE (self->stream), offset, whence, NULL, &self->error))
    return gsf_output_set_error (output, self->error->code, "%s", self->error->message);

  return TRUE;
}

static gboolean
zs_xlsx_writer_output_close (GsfOutput *output)
{
  /* The writer closes the stream itself, after the archive */
  return TRUE;
}

static void
zs_xlsx_writer_output_finalize (GObject *object)
{
  ZsXlsxWriterOutput *self = (ZsXlsxWriterOutput *) object;

  g_clear_error (&self->error);

  G_OBJECT_CLASS (zs_xlsx_writer_output_parent_class)->finalize (object);
}

static void
zs_xlsx_writer_output_class_init (ZsXlsxWriterOutputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zs_xlsx_writer_output_finalize;
  klass->Write = zs_xlsx_writer_output_write;
  klass->Seek = zs_xlsx_writer_output_seek;
  klass->Close = zs_xlsx_writer_output_close;
}

static void
zs_xlsx_writer_output_init (ZsXlsxWriterOutput *self)
{
}

/* Closes the archive without letting anything more reach the file. The
 * archive must close successfully to drop the references between its
 * members, so what it still writes is accepted and thrown away. */
static void
discard_archive (ZsXlsxWriter *self)
{
  if (self->archive != NULL)
    ((ZsXlsxWriterOutput *) self->archive)->discard = TRUE;
  if (self->sheet != NULL && !gsf_output_is_closed (self->sheet))
    gsf_output_close (self->sheet);
  if (self->zip != NULL && !gsf_output_is_closed (GSF_OUTPUT (self->zip)))
    gsf_output_close (GSF_OUTPUT (self->zip));
  g_clear_object (&self->sheet);
  g_clear_object (&self->zip);
  g_clear_object (&self->archive);
}

/* An error ends the export, archive first, then the file under it */
static gboolean
fail (ZsXlsxWriter  *self,
      GError        *local_error,
      GError       **error)
{
  discard_archive (self);
  return _zs_io_output_fail (&self->output, local_error, error);
}

/* After libgsf reported a failure: the I/O error behind it if there is one */
static gboolean
fail_archive (ZsXlsxWriter  *self,
              GsfOutput     *member,
              GError       **error)
{
  const GError *io_error = ((ZsXlsxWriterOutput *) self->archive)->error;
  const GError *gsf_error = member != NULL ? gsf_output_error (member) : NULL;

  if (io_error != NULL)
    return fail (self, g_error_copy (io_error), error);
  if (gsf_error != NULL)
    return fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, gsf_error->message), error);

  return fail (self,
               g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                    _("The archive could not be written")),
               error);
}

static gboolean
write_sheet_buffer (ZsXlsxWriter  *self,
                    GError       **error)
{
  if (!gsf_output_write (self->sheet, self->buffer->len, (const guint8 *) self->buffer->str))
    return fail_archive (self, self->sheet, error);

  g_string_truncate (self->buffer, 0);

  return TRUE;
}

/* A whole member at once, while no other member is open */
static gboolean
write_member (ZsXlsxWriter  *self,
              const char    *name,
              const char    *content,
              GError       **error)
{
  GsfOutput *member;
  gboolean written;

  member = gsf_outfile_new_child_full (self->zip, name, FALSE,
                                       "compression-level", GSF_ZIP_DEFLATED,
                                       "deflate-level", 1,
                                       NULL);
  written = gsf_output_write (member, strlen (content), (const guint8 *) content);
  written = gsf_output_close (member) && written;
  if (!written)
    fail_archive (self, member, error);
  g_object_unref (member);

  return written;
}

static gboolean
check_row (ZsXlsxWriter        *self,
           const char * const  *fields,
           GError             **error)
{
  guint n_fields = g_strv_length ((char **) fields);
  guint64 row = self->n_rows + 1;

  if (!_zs_io_check_row_width (fields, self->n_rows, self->n_columns, error))
    return FALSE;
  if (self->n_rows == 0 && n_fields > MAX_COLUMNS)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("The header has %u columns but a sheet holds at most %u"),
                   n_fields, MAX_COLUMNS);
      return FALSE;
    }
  if (row > MAX_ROWS)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("Row %" PRIu64 " does not fit: a sheet holds at most %u rows"),
                   row, MAX_ROWS);
      return FALSE;
    }

  if (!_zs_io_check_row_utf8 (fields, row, error))
    return FALSE;

  /* What our reader accepts between two tags, escapes included. */
  for (guint i = 0; fields[i] != NULL; i++)
    {
      gsize escaped = 0;

      for (const char *p = fields[i]; *p != '\0'; p++)
        escaped += *p == '&' || *p == '<' || *p == '>' || *p == '\r' ? 5 : *p == '_' ? 7 : 1;
      if (escaped > ZS_IO_MAX_XML_TEXT)
        {
          /* TRANSLATORS: %d is a number of megabytes */
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("Row %" PRIu64 ", column %u takes more than %d MB of XML, "
                         "more than an import accepts"),
                       row, i + 1, ZS_IO_MAX_XML_TEXT / (1024 * 1024));
          return FALSE;
        }
    }
  return TRUE;
}

/* A, B, …, Z, AA, … for column 0, 1, … */
static char *
column_name (guint column)
{
  char name[8];
  guint len = 0;
  GString *out = g_string_sized_new (4);

  for (column++; column > 0; column = (column - 1) / 26)
    name[len++] = 'A' + (column - 1) % 26;
  while (len > 0)
    g_string_append_c (out, name[--len]);

  return g_string_free (out, FALSE);
}

static gboolean
is_escape_sequence (const guchar *p)
{
  return p[0] == '_' && p[1] == 'x' &&
         g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
         g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) &&
         p[6] == '_';
}

/* Cell text: XML-escaped, without the characters XML 1.0 forbids, with
 * literal _xHHHH_ protected from being read as an escape. */
static void
append_text (GString    *out,
             const char *text)
{
  const guchar *p = (const guchar *) text;
  const guchar *run = p;

  for (; *p != '\0'; p++)
    {
      const char *replacement;
      gsize skip = 1;

      switch (*p)
        {
        case '&': replacement = "&amp;"; break;
        case '<': replacement = "&lt;"; break;
        case '>': replacement = "&gt;"; break;
        case '\r': replacement = "&#13;"; break;
        case '\t':
        case '\n':
          continue;
        case '_':
          if (!is_escape_sequence (p))
            continue;
          replacement = "_x005F_";
          break;
        case 0xEF:
          if (p[1] != 0xBF || (p[2] != 0xBE && p[2] != 0xBF))
            continue;
          replacement = "";
          skip = 3;
          break;
        default:
          if (*p >= 0x20)
            continue;
          replacement = "";
          break;
        }

      g_string_append_len (out, (const char *) run, p - run);
      g_string_append (out, replacement);
      p += skip - 1;
      run = p + 1;
    }
  g_string_append_len (out, (const char *) run, p - run);
}

static gboolean
has_edge_space (const char *text)
{
  gsize len = strlen (text);

  return len > 0 && (strchr (" \t\n\r", text[0]) != NULL ||
                     strchr (" \t\n\r", text[len - 1]) != NULL);
}

static void
append_row (ZsXlsxWriter       *self,
            const char * const *fields)
{
  const char *style = self->n_rows == 0 ? "\" s=\"1\" t=\"inlineStr\"><is>" : "\" t=\"inlineStr\"><is>";
  char row[24];

  g_snprintf (row, sizeof row, "%" PRIu64, self->n_rows + 1);
  g_string_append (self->buffer, "<row r=\"");
  g_string_append (self->buffer, row);
  g_string_append (self->buffer, "\">");
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_string_append (self->buffer, "<c r=\"");
      g_string_append (self->buffer, self->columns[i]);
      g_string_append (self->buffer, row);
      g_string_append (self->buffer, style);
      g_string_append (self->buffer,
                       has_edge_space (fields[i]) ? "<t xml:space=\"preserve\">" : "<t>");
      append_text (self->buffer, fields[i]);
      g_string_append (self->buffer, "</t></is></c>");
    }
  g_string_append (self->buffer, "</row>");
}

static gboolean
zs_xlsx_writer_write_row (ZsRowSink           *sink,
                          const char * const  *fields,
                          GError             **error)
{
  ZsXlsxWriter *self = ZS_XLSX_WRITER (sink);

  if (!_zs_io_output_ready (&self->output, error) || !check_row (self, fields, error))
    return FALSE;

  if (self->n_rows == 0)
    {
      self->n_columns = g_strv_length ((char **) fields);
      self->columns = g_new0 (char *, self->n_columns + 1);
      for (guint i = 0; i < self->n_columns; i++)
        self->columns[i] = column_name (i);
    }

  append_row (self, fields);
  self->n_rows++;

  if (self->buffer->len >= BUFFER_SIZE)
    return write_sheet_buffer (self, error);

  return TRUE;
}

static char *
workbook_xml (ZsXlsxWriter *self)
{
  g_autofree char *name = g_markup_escape_text (self->sheet_name, -1);

  return g_strconcat (XML_DECL,
                      "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_DOC "\">"
                      "<sheets><sheet name=\"", name, "\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                      "</workbook>",
                      NULL);
}

/* Ends the sheet and writes the rest of the workbook: the archive is only
 * valid once its directory, written last, is there. */
static gboolean
finish_archive (ZsXlsxWriter  *self,
                GError       **error)
{
  g_autofree char *workbook = workbook_xml (self);

  g_string_append (self->buffer, sheet_end_xml);
  if (!write_sheet_buffer (self, error))
    return FALSE;
  if (!gsf_output_close (self->sheet))
    return fail_archive (self, self->sheet, error);

  if (!write_member (self, "xl/workbook.xml", workbook, error) ||
      !write_member (self, "xl/_rels/workbook.xml.rels", workbook_rels_xml, error) ||
      !write_member (self, "xl/styles.xml", styles_xml, error))
    return FALSE;

  if (!gsf_output_close (GSF_OUTPUT (self->zip)))
    return fail_archive (self, GSF_OUTPUT (self->zip), error);

  g_clear_object (&self->sheet);
  g_clear_object (&self->zip);
  g_clear_object (&self->archive);

  return TRUE;
}

static gboolean
zs_xlsx_writer_close (ZsRowSink  *sink,
                      GError    **error)
{
  ZsXlsxWriter *self = ZS_XLSX_WRITER (sink);

  if (_zs_io_output_begin_close (&self->output) && !finish_archive (self, error))
    return FALSE;

  return _zs_io_output_commit (&self->output, error);
}

static void
zs_xlsx_writer_row_sink_iface_init (ZsRowSinkInterface *iface)
{
  iface->write_row = zs_xlsx_writer_write_row;
  iface->close = zs_xlsx_writer_close;
}

static void
zs_xlsx_writer_dispose (GObject *object)
{
  ZsXlsxWriter *self = (ZsXlsxWriter *) object;

  /* Never closed: the export was abandoned */
  discard_archive (self);
  _zs_io_output_abort (&self->output);

  G_OBJECT_CLASS (zs_xlsx_writer_parent_class)->dispose (object);
}

static void
zs_xlsx_writer_finalize (GObject *object)
{
  ZsXlsxWriter *self = (ZsXlsxWriter *) object;

  _zs_io_output_clear (&self->output);
  g_clear_pointer (&self->sheet_name, g_free);
  g_string_free (self->buffer, TRUE);
  g_clear_pointer (&self->columns, g_strfreev);

  G_OBJECT_CLASS (zs_xlsx_writer_parent_class)->finalize (object);
}

static void
zs_xlsx_writer_class_init (ZsXlsxWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_xlsx_writer_dispose;
  object_class->finalize = zs_xlsx_writer_finalize;
}

static void
zs_xlsx_writer_init (ZsXlsxWriter *self)
{
  self->buffer = g_string_sized_new (BUFFER_SIZE + 4096);
  self->sheet_name = g_strdup ("firms");
}

/**
 * zs_xlsx_writer_new:
 * @path: (type filename): the file to write; an existing file is replaced
 *   when the writer is closed
 * @error: return location for a #GError
 *
 * Starts writing an XLSX workbook. Nothing appears under @path before
 * zs_row_sink_close() succeeds.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set if the
 *   temporary file cannot be created
 */
ZsXlsxWriter *
zs_xlsx_writer_new (const char  *path,
                    GError     **error)
{
  g_autoptr(ZsXlsxWriter) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ZS_TYPE_XLSX_WRITER, NULL);
  if (!_zs_io_output_open (&self->output, path, error))
    return NULL;

  self->archive = g_object_new (zs_xlsx_writer_output_get_type (), NULL);
  ((ZsXlsxWriterOutput *) self->archive)->stream = self->output.stream;

  self->zip = gsf_outfile_zip_new (self->archive, &local_error);
  if (self->zip == NULL)
    {
      fail (self, g_steal_pointer (&local_error), error);
      return NULL;
    }

  if (!write_member (self, "[Content_Types].xml", content_types_xml, error) ||
      !write_member (self, "_rels/.rels", package_rels_xml, error))
    return NULL;

  self->sheet = gsf_outfile_new_child_full (self->zip, "xl/worksheets/sheet1.xml", FALSE,
                                            "compression-level", GSF_ZIP_DEFLATED,
                                            "deflate-level", 1,
                                            NULL);
  g_string_append (self->buffer, sheet_start_xml);

  return g_steal_pointer (&self);
}

static gboolean
is_valid_sheet_name (const char *name)
{
  guint length = 0;

  if (name == NULL || name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  if (name[0] == '\'' || name[strlen (name) - 1] == '\'')
    return FALSE;
  if (g_ascii_strcasecmp (name, "History") == 0)
    return FALSE;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x80 && strchr (":\\/?*[]", (char) c) != NULL) || g_unichar_iscntrl (c))
        return FALSE;
      /* Excel counts UTF-16 code units */
      length += c > 0xFFFF ? 2 : 1;
    }

  return length <= 31;
}

/**
 * zs_xlsx_writer_set_sheet_name:
 * @self: a #ZsXlsxWriter
 * @name: the worksheet's name: 1 to 31 characters, none of `: \ / ? * [ ]`,
 *   not beginning or ending with an apostrophe, and not `History`, as Excel
 *   requires
 *
 * Names the worksheet; the default is `firms`. Call it any time before
 * zs_row_sink_close().
 */
void
zs_xlsx_writer_set_sheet_name (ZsXlsxWriter *self,
                               const char   *name)
{
  g_return_if_fail (ZS_IS_XLSX_WRITER (self));
  g_return_if_fail (!self->output.closed);
  g_return_if_fail (is_valid_sheet_name (name));

  g_free (self->sheet_name);
  self->sheet_name = g_strdup (name);
}
