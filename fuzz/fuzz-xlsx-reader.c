/* fuzz-xlsx-reader.c: libFuzzer target for ZsXlsxReader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An input starting with "PK" is read as a workbook as it is, so that the
 * zip layer and the limits against decompression bombs are reached too
 * (the seeds include small bombs). Any other input holds the XML parts of
 * a workbook, separated by lines "#PART": the shared strings, the sheet,
 * the workbook and its relationships; a part left out is given a valid
 * default. They are zipped into a workbook, so that most runs reach the
 * XML rather than fail on the zip.
 *
 * Checks that every field is valid UTF-8, that the fraction stays within 0
 * and 1, and that a failed reader keeps failing.
 *
 * libgsf warns, without a log domain, about damaged zip entries before the
 * reader reports them as an error; those warnings are dropped, any other
 * warning still aborts under G_DEBUG=fatal-warnings.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <gsf/gsf.h>

#include "zs-error.h"
#include "zs-row-source.h"
#include "zs-xlsx-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define SEPARATOR "\n#PART\n"

#define MAIN_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define PKG_REL_NS "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""

static const char * const part_names[] = {
  "sharedStrings.xml", "worksheets/sheet1.xml", "workbook.xml", "_rels/workbook.xml.rels",
};

static const char * const part_defaults[] = {
  "<sst " MAIN_NS "><si><t>名称</t></si></sst>",
  "<worksheet " MAIN_NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
  "<workbook " MAIN_NS " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
  "<Relationships " PKG_REL_NS "><Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
};

static GLogWriterOutput
drop_libgsf_warnings (GLogLevelFlags   level,
                      const GLogField *fields,
                      gsize            n_fields,
                      gpointer         data)
{
  gboolean has_domain = FALSE;

  for (gsize i = 0; i < n_fields; i++)
    if (strcmp (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].value != NULL)
      has_domain = TRUE;
  if (!has_domain && (level & G_LOG_LEVEL_WARNING) != 0)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

/* Keeps G_DEBUG=fatal-warnings from aborting on those same warnings. */
static gboolean
abort_unless_libgsf (const char     *domain,
                     GLogLevelFlags  level,
                     const char     *message,
                     gpointer        data)
{
  return domain != NULL || (level & G_LOG_LEVEL_WARNING) == 0;
}

static char *
input_path (void)
{
  static char *path;

  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      int fd = g_file_open_tmp ("fuzz-xlsx-XXXXXX.xlsx", &path, &error);

      g_log_set_writer_func (drop_libgsf_warnings, NULL, NULL);
      g_test_log_set_fatal_handler (abort_unless_libgsf, NULL);
      g_assert_no_error (error);
      close (fd);
    }
  return path;
}

static void
add_part (GsfOutfile *dir,
          const char *name,
          const char *data,
          gsize       len)
{
  GsfOutput *child = gsf_outfile_new_child_full (dir, name, FALSE,
                                                 "compression-level", GSF_ZIP_DEFLATED, NULL);

  g_assert_nonnull (child);
  g_assert_true (gsf_output_write (child, len, (const guint8 *) data));
  g_assert_true (gsf_output_close (child));
  g_object_unref (child);
}

/* Zips the parts held in @data into @path. */
static void
write_workbook (const char    *path,
                const uint8_t *data,
                size_t         size)
{
  g_autoptr(GError) error = NULL;
  const char *parts[G_N_ELEMENTS (part_names)];
  gsize lens[G_N_ELEMENTS (part_names)];
  const char *p = (const char *) data;
  const char *end = p + size;
  GsfOutput *sink;
  GsfOutfile *root, *rels, *xl, *xl_rels, *sheets;
  static const char package_rels[] =
    "<Relationships " PKG_REL_NS "><Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";

  for (guint i = 0; i < G_N_ELEMENTS (part_names); i++)
    {
      const char *next = p != NULL ? g_strstr_len (p, end - p, SEPARATOR) : NULL;

      if (p == NULL)
        {
          parts[i] = part_defaults[i];
          lens[i] = strlen (part_defaults[i]);
          continue;
        }
      parts[i] = p;
      lens[i] = (next != NULL ? next : end) - p;
      p = next != NULL ? next + strlen (SEPARATOR) : NULL;
    }

  sink = gsf_output_stdio_new (path, &error);
  g_assert_no_error (error);
  root = gsf_outfile_zip_new (sink, &error);
  g_assert_no_error (error);
  g_object_unref (sink);

  rels = GSF_OUTFILE (gsf_outfile_new_child (root, "_rels", TRUE));
  add_part (rels, ".rels", package_rels, strlen (package_rels));
  xl = GSF_OUTFILE (gsf_outfile_new_child (root, "xl", TRUE));
  add_part (xl, part_names[0], parts[0], lens[0]);
  sheets = GSF_OUTFILE (gsf_outfile_new_child (xl, "worksheets", TRUE));
  add_part (sheets, "sheet1.xml", parts[1], lens[1]);
  add_part (xl, part_names[2], parts[2], lens[2]);
  xl_rels = GSF_OUTFILE (gsf_outfile_new_child (xl, "_rels", TRUE));
  add_part (xl_rels, "workbook.xml.rels", parts[3], lens[3]);

  for (GsfOutfile **dir = (GsfOutfile *[]) { xl_rels, sheets, xl, rels, root, NULL }; *dir != NULL; dir++)
    {
      g_assert_true (gsf_output_close (GSF_OUTPUT (*dir)));
      g_object_unref (*dir);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsXlsxReader) reader = NULL;
  const char *path = input_path ();
  ZsRowSource *source;
  guint64 line = 0;
  char **fields;

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    {
      g_file_set_contents_full (path, (const char *) data, size,
                            G_FILE_SET_CONTENTS_NONE, 0600, &error);
      g_assert_no_error (error);
    }
  else
    write_workbook (path, data, size);

  reader = zs_xlsx_reader_new (path, NULL, &error);
  if (reader == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  source = ZS_ROW_SOURCE (reader);
  g_strfreev (zs_xlsx_reader_list_sheets (reader));

  while ((fields = zs_row_source_read_row (source, &line, &error)) != NULL)
    {
      double fraction = zs_row_source_get_fraction (source);

      g_assert_true (fields[0] != NULL);
      for (guint i = 0; fields[i] != NULL; i++)
        g_assert_true (g_utf8_validate (fields[i], -1, NULL));
      g_assert_true (fraction >= 0 && fraction <= 1);
      g_strfreev (fields);
    }

  if (error != NULL)
    {
      g_autoptr(GError) again = NULL;

      g_assert_true (g_error_matches (error, ZS_ERROR, ZS_ERROR_INVALID));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (zs_row_source_read_row (source, &line, &again));
      g_assert_true (g_error_matches (again, ZS_ERROR, ZS_ERROR_INVALID));
    }
  else
    g_assert_cmpfloat (zs_row_source_get_fraction (source), ==, 1.0);

  return 0;
}
