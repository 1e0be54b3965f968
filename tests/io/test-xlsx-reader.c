/* test-xlsx-reader.c: Excel import: strings, gaps, numbers, sheets, errors */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gsf/gsf.h>

#include "zs-error.h"
#include "zs-row-sink.h"
#include "zs-row-source.h"
#include "zs-xlsx-reader.h"
#include "zs-xlsx-writer.h"
#include "zs-xml-guard.h"

#include "io-test-util.h"

#define XML_HEADER "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define MAIN_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define REL_NS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define PKG_REL_NS "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

typedef struct {
  const char *name;
  const char *content;
} Part;

/* A workbook as Excel writes it: two sheets, shared strings with rich text
 * and phonetic guides, inline strings, formulas, booleans, errors, gaps. */
static const Part workbook_parts[] = {
  { "[Content_Types].xml",
    XML_HEADER
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    "</Types>" },
  { "_rels/.rels",
    XML_HEADER
    "<Relationships " PKG_REL_NS ">"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>" },
  { "xl/workbook.xml",
    XML_HEADER
    "<workbook " MAIN_NS " " REL_NS "><bookViews><workbookView/></bookViews><sheets>"
    "<sheet name=\"企业名单\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"Second\" sheetId=\"2\" r:id=\"rId2\"/>"
    "</sheets></workbook>" },
  { "xl/_rels/workbook.xml.rels",
    XML_HEADER
    "<Relationships " PKG_REL_NS ">"
    "<Relationship Id=\"rId4\" Type=\"" REL_TYPE "styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL_TYPE "sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "</Relationships>" },
  { "xl/sharedStrings.xml",
    XML_HEADER
    "<sst " MAIN_NS " count=\"6\" uniqueCount=\"6\">"
    "<si><t>名称</t></si>"
    "<si><t>资本</t></si>"
    "<si><r><rPr><b/></rPr><t>天山</t></r><r><t xml:space=\"preserve\"> 机械</t></r></si>"
    "<si><t>喀什</t><rPh sb=\"0\" eb=\"2\"><t>カシ</t></rPh><phoneticPr fontId=\"1\"/></si>"
    "<si><t>line_x000D_\nbreak &amp; _x005F_x0041_</t></si>"
    "<si><t/></si>"
    "</sst>" },
  { "xl/worksheets/sheet1.xml",
    XML_HEADER
    "<worksheet " MAIN_NS " " REL_NS "><dimension ref=\"A1:F6\"/>"
    "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetData>"
    "<row r=\"1\" spans=\"1:6\">"
    "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><t>备注</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>成立日期</t></is></c>"
    "<c r=\"E1\" t=\"inlineStr\"><is><t>上市</t></is></c><c r=\"F1\" t=\"inlineStr\"><is><t>公式</t></is></c></row>"
    "<row r=\"2\">"
    "<c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" s=\"3\"><v>1500</v></c>"
    "<c r=\"C2\" t=\"inlineStr\"><is><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r></is></c>"
    "<c r=\"D2\" s=\"1\"><v>45292</v></c><c r=\"E2\" t=\"b\"><v>1</v></c>"
    "<c r=\"F2\" t=\"str\"><f>A2&amp;\"x\"</f><v>天山 机械x</v></c></row>"
    "<row r=\"3\"/>"
    "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>3</v></c><c r=\"C4\"><v>0.1</v></c>"
    "<c r=\"E4\" t=\"b\"><v>0</v></c><c r=\"F4\" t=\"e\"><v>#N/A</v></c></row>"
    "<row r=\"5\"><c r=\"B5\" s=\"2\"/><c r=\"C5\" t=\"s\"><v>5</v></c></row>"
    "<row r=\"6\"><c r=\"A6\" t=\"s\"><v>4</v></c><c r=\"B6\"><v>1.5E+20</v></c>"
    "<c r=\"C6\"><v>-3.0000000000000004</v></c><c r=\"D6\"><v>2.0</v></c></row>"
    "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>" },
  { "xl/worksheets/sheet2.xml",
    XML_HEADER
    "<worksheet " MAIN_NS "><sheetData>"
    "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>7</v></c></row>"
    "<row><c r=\"C2\"><v>3</v></c></row>"
    "<row r=\"9\"><c r=\"XFD9\" t=\"str\"><v>far</v></c></row>"
    "</sheetData></worksheet>" },
};

typedef struct {
  char *dir;
  char *path;
} Fixture;

static GsfOutfile *
ensure_dir (GHashTable *dirs,
            GPtrArray  *order,
            GsfOutfile *root,
            const char *dir)
{
  g_autofree char *parent_path = NULL;
  const char *slash;
  GsfOutfile *parent;
  GsfOutfile *outfile;

  if (dir[0] == '\0')
    return root;
  outfile = g_hash_table_lookup (dirs, dir);
  if (outfile != NULL)
    return outfile;

  slash = strrchr (dir, '/');
  parent_path = slash != NULL ? g_strndup (dir, slash - dir) : g_strdup ("");
  parent = ensure_dir (dirs, order, root, parent_path);
  outfile = GSF_OUTFILE (gsf_outfile_new_child (parent, slash != NULL ? slash + 1 : dir, TRUE));
  g_hash_table_insert (dirs, g_strdup (dir), outfile);
  g_ptr_array_add (order, outfile);
  return outfile;
}

/* Writes a zip package with libgsf, as the real files are zips written by Excel or WPS. */
static void
write_package (const char *path,
               const Part *parts,
               gsize       n_parts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GsfOutput *sink;
  GsfOutfile *root;

  sink = gsf_output_stdio_new (path, &error);
  g_assert_no_error (error);
  root = gsf_outfile_zip_new (sink, &error);
  g_assert_no_error (error);
  g_object_unref (sink);

  for (gsize i = 0; i < n_parts; i++)
    {
      const char *slash = strrchr (parts[i].name, '/');
      g_autofree char *dir = slash != NULL ? g_strndup (parts[i].name, slash - parts[i].name) : g_strdup ("");
      GsfOutfile *parent = ensure_dir (dirs, order, root, dir);
      GsfOutput *child;

      child = gsf_outfile_new_child_full (parent, slash != NULL ? slash + 1 : parts[i].name, FALSE,
                                          "compression-level", GSF_ZIP_DEFLATED, NULL);
      g_assert_nonnull (child);
      g_assert_true (gsf_output_write (child, strlen (parts[i].content),
                                       (const guint8 *) parts[i].content));
      g_assert_true (gsf_output_close (child));
      g_object_unref (child);
    }

  for (guint i = order->len; i > 0; i--)
    {
      GsfOutput *dir = g_ptr_array_index (order, i - 1);

      g_assert_true (gsf_output_close (dir));
      g_object_unref (dir);
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (root)));
  g_object_unref (root);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zs-io-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "firms.xlsx", NULL);
  write_package (fixture->path, workbook_parts, G_N_ELEMENTS (workbook_parts));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_remove (fixture->path);
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
test_first_sheet (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsXlsxReader) reader = zs_xlsx_reader_new (fixture->path, NULL, &error);
  ZsRowSource *source = ZS_ROW_SOURCE (reader);
  g_autofree char *description = NULL;
  g_auto(GStrv) sheets = NULL;

  g_assert_no_error (error);
  description = zs_row_source_get_description (source);
  g_assert_cmpstr (description, ==, "XLSX, sheet “企业名单”");
  g_assert_cmpstr (zs_xlsx_reader_get_sheet_name (reader), ==, "企业名单");
  sheets = zs_xlsx_reader_list_sheets (reader);
  g_assert_cmpstrv (sheets, ((const char * const[]) { "企业名单", "Second", NULL }));

  assert_row (source, 1, "名称", "资本", "备注", "成立日期", "上市", "公式", NULL);
  assert_row (source, 2, "天山 机械", "1500", "富文本", "45292", "TRUE", "天山 机械x", NULL);
  g_assert_cmpfloat_with_epsilon (zs_row_source_get_fraction (source), 2.0 / 6.0, 1e-9);
  /* Row 3 has no cells; an error value is empty, trailing empty cells are dropped. */
  assert_row (source, 4, "喀什", "", "0.1", "", "FALSE", NULL);
  /* Row 5 has only empty cells. */
  assert_row (source, 6, "line\r\nbreak & _x0041_", "1.5e+20", "-3.0000000000000004", "2", NULL);
  assert_end (source);
  g_assert_cmpfloat (zs_row_source_get_fraction (source), ==, 1.0);
  assert_end (source);
}

static void
test_sheet_by_name (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsXlsxReader) reader = zs_xlsx_reader_new (fixture->path, "Second", &error);
  g_autoptr(ZsXlsxReader) folded = NULL;
  ZsRowSource *source = ZS_ROW_SOURCE (reader);
  g_autofree char *far = NULL;

  g_assert_no_error (error);
  /* Cells without a reference follow the previous one. */
  assert_row (source, 1, "a", "7", NULL);
  assert_row (source, 2, "", "", "3", NULL);
  {
    g_auto(GStrv) fields = NULL;
    guint64 line = 0;

    fields = zs_row_source_read_row (source, &line, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (line, ==, 9);
    g_assert_cmpuint (g_strv_length (fields), ==, 16384);
    g_assert_cmpstr (fields[16383], ==, "far");
  }
  assert_end (source);

  /* Excel's sheet names do not depend on case. */
  folded = zs_xlsx_reader_new (fixture->path, "SECOND", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_xlsx_reader_get_sheet_name (folded), ==, "Second");
}

static void
test_unknown_sheet (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsXlsxReader) reader = zs_xlsx_reader_new (fixture->path, "Sheet1", &error);

  g_assert_null (reader);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "firms.xlsx"));
  g_assert_nonnull (strstr (error->message, "“Sheet1”"));
  g_assert_nonnull (strstr (error->message, "“企业名单”, “Second”"));
}

static void
test_row_source_open (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsRowSource) source = zs_row_source_open (fixture->path, NULL, "Second", &error);

  g_assert_no_error (error);
  g_assert_true (ZS_IS_XLSX_READER (source));
  assert_row (source, 1, "a", "7", NULL);
}

static void
test_not_a_workbook (void)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "io", "fixtures", "bom.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsXlsxReader) reader = NULL;

  reader = zs_xlsx_reader_new (csv, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bom.csv"));
  g_clear_error (&error);

  reader = zs_xlsx_reader_new ("/nonexistent/firms.xlsx", NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_damaged (void)
{
  static const Part broken[] = {
    { "xl/workbook.xml",
      XML_HEADER "<workbook " MAIN_NS " " REL_NS "><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" },
    { "xl/_rels/workbook.xml.rels",
      XML_HEADER "<Relationships " PKG_REL_NS "><Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>" },
    { "xl/worksheets/sheet1.xml",
      XML_HEADER "<worksheet " MAIN_NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>1</v></c></ro" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zs-io-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.xlsx", NULL);
  g_autoptr(ZsXlsxReader) reader = NULL;
  guint64 line = 0;

  /* No _rels/.rels: the workbook is found at its usual place. */
  write_package (path, broken, G_N_ELEMENTS (broken));
  reader = zs_xlsx_reader_new (path, NULL, &error);
  g_assert_no_error (error);

  /* A shared string that does not exist names the row. */
  g_assert_null (zs_row_source_read_row (ZS_ROW_SOURCE (reader), &line, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sheet “A”, row 1"));
  g_clear_object (&reader);
  g_clear_error (&error);

  /* Truncated XML names the part. */
  {
    Part truncated[G_N_ELEMENTS (broken)];

    memcpy (truncated, broken, sizeof broken);
    truncated[2].content = XML_HEADER "<worksheet " MAIN_NS "><sheetData><row r=\"1\"><c r=\"A1\"><v>5</v></c></row>"
                           "<row r=\"2\"><c r=\"A2\"><v>1</v></c></ro";
    write_package (path, truncated, G_N_ELEMENTS (truncated));
  }
  reader = zs_xlsx_reader_new (path, NULL, &error);
  g_assert_no_error (error);
  assert_row (ZS_ROW_SOURCE (reader), 1, "5", NULL);
  g_assert_null (zs_row_source_read_row (ZS_ROW_SOURCE (reader), &line, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "xl/worksheets/sheet1.xml"));
  g_clear_object (&reader);
  g_clear_error (&error);

  /* Package relationships damaged after naming the workbook: the
   * workbook is looked for at its usual place (nothing leaks meanwhile). */
  {
    Part with_rels[G_N_ELEMENTS (broken) + 1];

    memcpy (with_rels, broken, sizeof broken);
    with_rels[G_N_ELEMENTS (broken)] = (Part) {
      "_rels/.rels",
      XML_HEADER "<Relationships " PKG_REL_NS "><Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" "
      "Target=\"elsewhere/workbook.xml\"/><Relationship Id=\"rId2\" Type=\"x\" Target=\"y\"/></Relati" };
    write_package (path, with_rels, G_N_ELEMENTS (with_rels));
  }
  reader = zs_xlsx_reader_new (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_xlsx_reader_get_sheet_name (reader), ==, "A");

  g_remove (path);
  g_rmdir (dir);
}

/* Reads a one-sheet workbook whose sheet is @sheet, to its end or error. */
static GError *
read_sheet_xml (const char *dir,
                const char *sheet,
                guint      *n_rows)
{
  g_autofree char *path = g_build_filename (dir, "slow.xlsx", NULL);
  const Part parts[] = {
    { "xl/workbook.xml",
      XML_HEADER "<workbook " MAIN_NS " " REL_NS "><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" },
    { "xl/_rels/workbook.xml.rels",
      XML_HEADER "<Relationships " PKG_REL_NS "><Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>" },
    { "xl/worksheets/sheet1.xml", sheet },
  };
  g_autoptr(ZsXlsxReader) reader = NULL;
  GError *error = NULL;
  char **fields;

  write_package (path, parts, G_N_ELEMENTS (parts));
  *n_rows = 0;
  reader = zs_xlsx_reader_new (path, NULL, &error);
  while (reader != NULL &&
         (fields = zs_row_source_read_row (ZS_ROW_SOURCE (reader), NULL, &error)) != NULL)
    {
      (*n_rows)++;
      g_strfreev (fields);
    }
  g_remove (path);
  return error;
}

static char *
sheet_with_attributes (guint n_attributes)
{
  GString *sheet = g_string_new (XML_HEADER "<worksheet " MAIN_NS "><sheetData>"
                                 "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名称</t></is></c></row>"
                                 "<row r=\"2\"><c r=\"A2\"");

  /* r is the first; quoted '>' and '=' neither end the element nor count. */
  for (guint i = 1; i < n_attributes; i++)
    g_string_append_printf (sheet, " x%u='a>=b'", i);
  g_string_append (sheet, "><v>1</v></c></row></sheetData></worksheet>");
  return g_string_free (sheet, FALSE);
}

/* What libxml2 reads without bound, and no spreadsheet program writes, is
 * refused before it is parsed: a document type declaration, whose
 * entities blow up in an attribute (a billion "lol"s), and an element with
 * a multitude of attributes, markup of megabytes. Comments, CDATA sections
 * and processing instructions that look like them are read. */
static void
test_slow_xml (void)
{
  static const char laughs[] =
    XML_HEADER "<!DOCTYPE worksheet [<!ENTITY a0 \"lollollollollollollollollollol\">"
    "<!ENTITY a1 \"&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;\"><!ENTITY a2 \"&a1;&a1;&a1;&a1;&a1;&a1;&a1;&a1;&a1;&a1;\">"
    "<!ENTITY a3 \"&a2;&a2;&a2;&a2;&a2;&a2;&a2;&a2;&a2;&a2;\"><!ENTITY a4 \"&a3;&a3;&a3;&a3;&a3;&a3;&a3;&a3;&a3;&a3;\">"
    "<!ENTITY a5 \"&a4;&a4;&a4;&a4;&a4;&a4;&a4;&a4;&a4;&a4;\"><!ENTITY a6 \"&a5;&a5;&a5;&a5;&a5;&a5;&a5;&a5;&a5;&a5;\">"
    "<!ENTITY a7 \"&a6;&a6;&a6;&a6;&a6;&a6;&a6;&a6;&a6;&a6;\"><!ENTITY a8 \"&a7;&a7;&a7;&a7;&a7;&a7;&a7;&a7;&a7;&a7;\">"
    "<!ENTITY a9 \"&a8;&a8;&a8;&a8;&a8;&a8;&a8;&a8;&a8;&a8;\">]>"
    "<worksheet " MAIN_NS "><sheetData><row r=\"1\"><c r=\"A1\" x=\"&a9;\"><v>1</v></c></row></sheetData></worksheet>";
  static const char look_alike[] =
    XML_HEADER "<worksheet " MAIN_NS "><!-- it's not <!DOCTYPE here, nor <a b=\"c -->"
    "<![CDATA[ <!DOCTYPE x> ]]>"
    "<?zhaoshang don't=\"x\"?><sheetData><row r=\"1\"><c r=\"A1\"><v>7</v></c></row></sheetData></worksheet>";
  g_autofree char *dir = g_dir_make_tmp ("zs-io-XXXXXX", NULL);
  g_autofree char *many = sheet_with_attributes (ZS_XML_GUARD_MAX_ATTRIBUTES);
  g_autofree char *too_many = sheet_with_attributes (ZS_XML_GUARD_MAX_ATTRIBUTES + 1);
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  error = read_sheet_xml (dir, laughs, &n_rows);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the part xl/worksheets/sheet1.xml holds a document type declaration (DTD)"));
  g_assert_cmpuint (n_rows, ==, 0);
  g_clear_error (&error);

  error = read_sheet_xml (dir, too_many, &n_rows);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the part xl/worksheets/sheet1.xml has an element with more than 1000 attributes"));
  g_assert_cmpuint (n_rows, ==, 1);
  g_clear_error (&error);

  /* A comment of 10 MB would take libxml2 minutes. */
  {
    g_autoptr(GString) comment = g_string_new (XML_HEADER "<worksheet " MAIN_NS "><!--");
    gsize start = comment->len;

    while (comment->len - start <= ZS_XML_GUARD_MAX_MARKUP)
      g_string_append (comment, "注释");
    g_string_append (comment, "--></worksheet>");
    error = read_sheet_xml (dir, comment->str, &n_rows);
    g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "the part xl/worksheets/sheet1.xml holds a tag, comment or reference longer than 1 MB"));
    g_clear_error (&error);
  }

  error = read_sheet_xml (dir, many, &n_rows);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 2);

  error = read_sheet_xml (dir, look_alike, &n_rows);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 1);

  g_rmdir (dir);
}

/* The parts of a one-sheet workbook whose only cell is shared string 0. */
static const Part bomb_parts[] = {
  { "_rels/.rels",
    XML_HEADER "<Relationships " PKG_REL_NS "><Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>" },
  { "xl/workbook.xml",
    XML_HEADER "<workbook " MAIN_NS " " REL_NS "><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" },
  { "xl/_rels/workbook.xml.rels",
    XML_HEADER "<Relationships " PKG_REL_NS "><Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>" },
  { "xl/worksheets/sheet1.xml",
    XML_HEADER "<worksheet " MAIN_NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>" },
};

typedef enum {
  BOMB_MANY_STRINGS,   /* 100 MB of distinct shared strings, 2 MB zipped */
  BOMB_ONE_TEXT,       /* one shared string of 40 MB */
  BOMB_RATIO,          /* a sheet of 100 MB, 0.1 MB zipped */
} Bomb;

/* Writes a workbook whose sharedStrings part is generated as it is
 * compressed, so that the test holds no more than a chunk of it. */
static void
write_bomb (const char *path,
            Bomb        bomb)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GString) chunk = g_string_new (NULL);
  GsfOutput *sink;
  GsfOutfile *root;
  GsfOutput *child;
  const char *start = XML_HEADER "<sst " MAIN_NS ">";
  const char *end = "</sst>";

  sink = gsf_output_stdio_new (path, &error);
  g_assert_no_error (error);
  root = gsf_outfile_zip_new (sink, &error);
  g_assert_no_error (error);
  g_object_unref (sink);

  for (gsize i = 0; i < G_N_ELEMENTS (bomb_parts); i++)
    {
      const char *slash = strrchr (bomb_parts[i].name, '/');
      g_autofree char *dir = g_strndup (bomb_parts[i].name, slash - bomb_parts[i].name);
      GsfOutfile *parent = ensure_dir (dirs, order, root, dir);

      if (bomb == BOMB_RATIO && g_str_has_suffix (bomb_parts[i].name, "sheet1.xml"))
        continue;

      child = gsf_outfile_new_child_full (parent, slash + 1, FALSE,
                                          "compression-level", GSF_ZIP_DEFLATED, NULL);
      g_assert_true (gsf_output_write (child, strlen (bomb_parts[i].content),
                                       (const guint8 *) bomb_parts[i].content));
      g_assert_true (gsf_output_close (child));
      g_object_unref (child);
    }

  if (bomb == BOMB_RATIO)
    {
      /* The sheet is generated; the shared strings hold one. */
      start = XML_HEADER "<worksheet " MAIN_NS "><sheetData>";
      end = "</sheetData></worksheet>";
      child = gsf_outfile_new_child_full (ensure_dir (dirs, order, root, "xl"), "sharedStrings.xml", FALSE,
                                          "compression-level", GSF_ZIP_DEFLATED, NULL);
      g_assert_true (gsf_output_puts (child, XML_HEADER "<sst " MAIN_NS "><si><t>x</t></si></sst>"));
      g_assert_true (gsf_output_close (child));
      g_object_unref (child);
      child = gsf_outfile_new_child_full (ensure_dir (dirs, order, root, "xl/worksheets"), "sheet1.xml", FALSE,
                                          "compression-level", GSF_ZIP_DEFLATED, NULL);
    }
  else
    child = gsf_outfile_new_child_full (ensure_dir (dirs, order, root, "xl"), "sharedStrings.xml", FALSE,
                                        "compression-level", GSF_ZIP_DEFLATED, NULL);
  g_assert_true (gsf_output_write (child, strlen (start), (const guint8 *) start));
  if (bomb == BOMB_ONE_TEXT)
    g_assert_true (gsf_output_puts (child, "<si><t>"));
  for (guint i = 0; i < 100; i++)
    {
      if (bomb != BOMB_ONE_TEXT)
        g_string_truncate (chunk, 0);
      if (bomb == BOMB_RATIO)
        for (guint k = 0; k < 1000; k++)
          {
            g_string_append (chunk, "<row><c t=\"inlineStr\"><is><t>");
            for (guint n = 0; n < 1000; n++)
              g_string_append_c (chunk, 'a');
            g_string_append (chunk, "</t></is></c></row>");
          }
      else if (bomb == BOMB_MANY_STRINGS)
        for (guint k = 0; k < 100; k++)
          {
            /* Some noise, so the part stays below the ratio limit. */
            g_string_append_printf (chunk, "<si><t>%u %u ", i, k);
            for (guint n = 0; n < 640; n++)
              g_string_append_c (chunk, n % 64 == 0 ? ' ' : 'a' + g_test_rand_int_range (0, 26));
            g_string_append_printf (chunk, "%09000u</t></si>", k);
          }
      else if (i == 0)
        /* One 400 KB chunk, repeated beyond deflate's window: a little
         * noise in it keeps the part below the ratio limit. */
        for (guint k = 0; k < 400 * 1024; k++)
          g_string_append_c (chunk, k % 4 == 0 ? 'a' + g_test_rand_int_range (0, 26) : 'a');
      g_assert_true (gsf_output_write (child, chunk->len, (const guint8 *) chunk->str));
    }
  if (bomb == BOMB_ONE_TEXT)
    g_assert_true (gsf_output_puts (child, "</t></si>"));
  g_assert_true (gsf_output_puts (child, end));
  g_assert_true (gsf_output_close (child));
  g_object_unref (child);

  for (guint i = order->len; i > 0; i--)
    {
      GsfOutput *dir = g_ptr_array_index (order, i - 1);

      g_assert_true (gsf_output_close (dir));
      g_object_unref (dir);
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (root)));
  g_object_unref (root);
}

/* Small files that decompress to far more than we hold in memory fail at
 * once, with a message, when the workbook is opened. */
static void
test_bombs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("zs-io-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bomb.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsXlsxReader) reader = NULL;

  write_bomb (path, BOMB_MANY_STRINGS);
  reader = zs_xlsx_reader_new (path, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bomb.xlsx”: its shared strings hold more than 64 MB of text"));
  g_clear_error (&error);

  write_bomb (path, BOMB_ONE_TEXT);
  reader = zs_xlsx_reader_new (path, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bomb.xlsx”: refused as a possible decompression bomb: "
                                            "the part xl/sharedStrings.xml holds a text longer than 32 MB"));
  g_clear_error (&error);

  /* A sheet is read as it is decompressed: the rows up to the limit come. */
  write_bomb (path, BOMB_RATIO);
  reader = zs_xlsx_reader_new (path, NULL, &error);
  g_assert_no_error (error);
  for (guint64 n = 0; ; n++)
    {
      g_auto(GStrv) row = zs_row_source_read_row (ZS_ROW_SOURCE (reader), NULL, &error);

      if (row == NULL)
        {
          g_assert_cmpuint (n, >, 10000);
          break;
        }
    }
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the part xl/worksheets/sheet1.xml decompresses to more "
                                            "than 100 times the size of the file"));

  g_remove (path);
  g_rmdir (dir);
}

/* A cell longer than libxml2's default limit on a text node (10,000,000
 * bytes) reads back; a cell longer than we accept is refused by the
 * writer, naming its row and column. */
static void
test_long_cell (void)
{
  g_autofree char *dir = g_dir_make_tmp ("zs-io-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsXlsxWriter) writer = NULL;
  g_autoptr(ZsXlsxReader) reader = NULL;
  g_autoptr(GString) scope = g_string_new (NULL);
  g_autoptr(GString) too_long = NULL;
  const char *header[] = { "name", "business_scope", NULL };
  const char *row[] = { "天山机械", NULL, NULL };
  g_auto(GStrv) fields = NULL;
  guint64 line = 0;

  /* 3.5 million characters, 10.5 MB of UTF-8, with escapes. */
  while (scope->len < 10500000)
    g_string_append (scope, "经营范围：机械制造 & <销售>；");
  too_long = g_string_new (scope->str);
  while (too_long->len <= 12 * 1024 * 1024)
    g_string_append (too_long, scope->str);

  writer = zs_xlsx_writer_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (zs_row_sink_write_row (ZS_ROW_SINK (writer), header, &error));
  row[1] = too_long->str;
  g_assert_false (zs_row_sink_write_row (ZS_ROW_SINK (writer), row, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Row 2, column 2 holds more than 12 MB"));
  g_clear_error (&error);
  row[1] = scope->str;
  g_assert_true (zs_row_sink_write_row (ZS_ROW_SINK (writer), row, &error));
  g_assert_true (zs_row_sink_close (ZS_ROW_SINK (writer), &error));
  g_assert_no_error (error);

  reader = zs_xlsx_reader_new (path, NULL, &error);
  g_assert_no_error (error);
  assert_row (ZS_ROW_SOURCE (reader), 1, "name", "business_scope", NULL);
  fields = zs_row_source_read_row (ZS_ROW_SOURCE (reader), &line, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (fields[0], ==, "天山机械");
  g_assert_true (g_str_equal (fields[1], scope->str));
  assert_end (ZS_ROW_SOURCE (reader));

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/io/xlsx/first-sheet", Fixture, NULL, fixture_setup, test_first_sheet, fixture_teardown);
  g_test_add ("/io/xlsx/sheet-by-name", Fixture, NULL, fixture_setup, test_sheet_by_name, fixture_teardown);
  g_test_add ("/io/xlsx/unknown-sheet", Fixture, NULL, fixture_setup, test_unknown_sheet, fixture_teardown);
  g_test_add ("/io/xlsx/row-source-open", Fixture, NULL, fixture_setup, test_row_source_open, fixture_teardown);
  g_test_add_func ("/io/xlsx/not-a-workbook", test_not_a_workbook);
  g_test_add_func ("/io/xlsx/damaged", test_damaged);
  g_test_add_func ("/io/xlsx/bombs", test_bombs);
  g_test_add_func ("/io/xlsx/slow-xml", test_slow_xml);
  g_test_add_func ("/io/xlsx/long-cell", test_long_cell);

  return g_test_run ();
}
