/* test-csv-reader.c: CSV import: encodings, delimiters, quoting, errors */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "zs-csv-reader.h"
#include "zs-error.h"
#include "zs-row-source.h"

#include "io-test-util.h"

static ZsRowSource *
open_fixture (const char *name,
              const char *encoding)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "io", "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  ZsCsvReader *reader;

  reader = zs_csv_reader_new (path, encoding, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return ZS_ROW_SOURCE (reader);
}

static void
assert_description (ZsRowSource *source,
                    const char  *expected)
{
  g_autofree char *description = zs_row_source_get_description (source);

  g_assert_cmpstr (description, ==, expected);
}

static void
test_bom (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("bom.csv", NULL);

  assert_description (source, "CSV, UTF-8, delimiter ','");
  assert_row (source, 1, "名称", "统一社会信用代码", "城市", NULL);
  assert_row (source, 2, "天山机械有限公司", "91650100MA78ABCD1X", "乌鲁木齐", NULL);
  assert_end (source);
  g_assert_cmpfloat (zs_row_source_get_fraction (source), ==, 1.0);
}

static void
test_semicolon (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("semicolon.csv", "auto");

  /* Decimal commas in the data do not outvote the header's semicolons. */
  assert_description (source, "CSV, UTF-8, delimiter ';'");
  assert_row (source, 1, "名称", "注册资本", "备注", NULL);
  assert_row (source, 2, "甲公司", "1,5", "含;分号", NULL);
  assert_row (source, 3, "乙公司", "2,0", "", NULL);
  assert_end (source);
}

static void
test_tab (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("tab.tsv", NULL);

  assert_description (source, "CSV, UTF-8, delimiter tab");
  assert_row (source, 1, "名称", "城市", "备注", NULL);
  assert_row (source, 2, "甲公司", "喀什", "a, b; c", NULL);
  assert_row (source, 3, "乙公司", "伊宁", "", NULL);
  assert_end (source);
}

static void
test_sep_hint (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("sep-hint.csv", NULL);

  assert_description (source, "CSV, UTF-8, delimiter ';'");
  /* The hint line is not a row, but it still counts as a line. */
  assert_row (source, 2, "名称", "城市", NULL);
  assert_row (source, 3, "甲公司", "阿克苏", NULL);
  assert_end (source);
}

static void
test_sep_hint_overrides (void)
{
  g_autoptr(ZsRowSource) source = source_for_text ("\"sep=|\"\na,b|c\n1,2|3", NULL);

  assert_description (source, "CSV, UTF-8, delimiter '|'");
  assert_row (source, 2, "a,b", "c", NULL);
  assert_row (source, 3, "1,2", "3", NULL);
  assert_end (source);
}

static void
test_quoted (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("quoted.csv", NULL);

  assert_row (source, 1, "名称", "地址", "备注", NULL);
  /* A line break inside quotes is kept as written; the record starts on line 2. */
  assert_row (source, 2, "华为", "深圳\r\n龙岗区", "说\"好\"的", NULL);
  /* Line 4 is blank; the next record spans lines 5 to 7 and ends with an empty field. */
  assert_row (source, 5, "多行\n第二行\n第三行", "b", "", NULL);
  /* The last line has no line break. */
  assert_row (source, 8, "last", "", "x", NULL);
  assert_end (source);
}

static void
test_line_breaks (void)
{
  g_autoptr(ZsRowSource) source = source_for_text ("a,b\rc,d\r\n\r\ne,f\n\ng,\"h\rx\"\n", NULL);

  assert_row (source, 1, "a", "b", NULL);
  assert_row (source, 2, "c", "d", NULL);
  assert_row (source, 4, "e", "f", NULL);
  assert_row (source, 6, "g", "h\rx", NULL);
  assert_end (source);
}

static void
test_edge_fields (void)
{
  g_autoptr(ZsRowSource) source = source_for_text ("a,b,c\n,,\n\"\",\"\"\"\",x\"y\n\"q\"r,\"\n\"\n", NULL);

  assert_row (source, 1, "a", "b", "c", NULL);
  assert_row (source, 2, "", "", "", NULL);
  assert_row (source, 3, "", "\"", "x\"y", NULL);
  /* Text after a closing quote is kept, as spreadsheets do. */
  assert_row (source, 4, "qr", "\n", NULL);
  assert_end (source);
}

static void
test_single_column (void)
{
  g_autoptr(ZsRowSource) source = source_for_text ("名称\n甲\n乙", NULL);

  assert_description (source, "CSV, UTF-8, delimiter ','");
  assert_row (source, 1, "名称", NULL);
  assert_row (source, 2, "甲", NULL);
  assert_row (source, 3, "乙", NULL);
  assert_end (source);
}

static void
test_empty (void)
{
  g_autoptr(ZsRowSource) source = source_for_text ("", NULL);
  g_autoptr(ZsRowSource) blank = source_for_text ("\xEF\xBB\xBF\r\n\n", NULL);

  assert_end (source);
  assert_end (blank);
}

static void
test_gb18030_auto (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("gb18030.csv", NULL);

  assert_description (source, "CSV, GB18030, delimiter ','");
  assert_row (source, 1, "企业名称", "所属行业", "联系人", NULL);
  assert_row (source, 2, "新疆天山有限公司", "制造业", "张三", NULL);
  /* Uyghur letters take four bytes each in GB18030. */
  assert_row (source, 3, "喀什丝路贸易公司", "批发,零售", "ئابدۇرېشىت", NULL);
  assert_end (source);
}

static void
test_gb18030_forced (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("gb18030.csv", "gbk");
  g_autoptr(ZsRowSource) as_utf8 = open_fixture ("gb18030.csv", "utf-8");
  g_autoptr(ZsRowSource) utf8_as_gb = open_fixture ("bom.csv", "gb18030");
  g_autoptr(GError) error = NULL;
  guint64 line = 0;
  char **fields;

  assert_description (source, "CSV, GB18030, delimiter ','");
  assert_row (source, 1, "企业名称", "所属行业", "联系人", NULL);

  assert_description (as_utf8, "CSV, UTF-8, delimiter ','");
  fields = zs_row_source_read_row (as_utf8, &line, &error);
  g_assert_null (fields);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "gb18030.csv”, line 1:"));

  g_assert_nonnull (strstr (error->message, "GB18030"));

  /* A UTF-8 file read as GB18030 fails, and the message says why. */
  g_clear_error (&error);
  assert_description (utf8_as_gb, "CSV, GB18030, delimiter ','");
  while ((fields = zs_row_source_read_row (utf8_as_gb, &line, &error)) != NULL)
    g_strfreev (fields);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UTF-8 byte order mark"));
}

static void
test_unknown_encoding (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "io", "fixtures", "bom.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsCsvReader) reader = zs_csv_reader_new (path, "latin-1", &error);

  g_assert_null (reader);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "latin-1"));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsCsvReader) reader = zs_csv_reader_new ("/nonexistent/firms.csv", NULL, &error);

  g_assert_null (reader);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_unterminated_quote (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("unterminated.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  guint64 line = 0;

  assert_row (source, 1, "名称", "备注", NULL);
  assert_row (source, 2, "甲", "正常", NULL);
  g_assert_null (zs_row_source_read_row (source, &line, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "unterminated.csv”, line 3:"));
  g_assert_nonnull (strstr (error->message, "quote"));

  /* The reader stays failed. */
  g_assert_null (zs_row_source_read_row (source, &line, &again));
  g_assert_error (again, ZS_ERROR, ZS_ERROR_INVALID);
}

static void
test_nul_byte (void)
{
  static const char data[] = "a,b\nc,\0d\n";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, sizeof data - 1, NULL);
  g_autoptr(ZsCsvReader) reader = zs_csv_reader_new_for_stream (stream, NULL, NULL);
  g_autoptr(GError) error = NULL;
  guint64 line = 0;

  assert_row (ZS_ROW_SOURCE (reader), 1, "a", "b", NULL);
  g_assert_null (zs_row_source_read_row (ZS_ROW_SOURCE (reader), &line, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 2:"));
  g_assert_nonnull (strstr (error->message, "NUL"));
}

/* 70000 bytes of ASCII rows, then a GBK line: "auto" chose UTF-8 from the
 * first 64 KB, so the GBK line is an error that names it. */
static void
test_invalid_after_window (void)
{
  g_autoptr(GString) text = g_string_new ("名称,编号\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ZsCsvReader) reader = NULL;
  guint64 bad_line;
  guint64 line = 0;
  guint rows = 0;
  char **fields;

  for (guint i = 0; text->len < 70000; i++)
    g_string_append_printf (text, "firm %u,%u\n", i, i);
  bad_line = 1;
  for (const char *p = text->str; *p != '\0'; p++)
    bad_line += *p == '\n';
  /* 甲公司 in GBK */
  g_string_append (text, "\xBC\xD7\xB9\xAB\xCB\xBE,1\nok,2\n");

  dir = g_dir_make_tmp ("zs-io-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "mixed.csv", NULL);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  reader = zs_csv_reader_new (path, NULL, &error);
  g_assert_no_error (error);
  assert_description (ZS_ROW_SOURCE (reader), "CSV, UTF-8, delimiter ','");
  while ((fields = zs_row_source_read_row (ZS_ROW_SOURCE (reader), &line, &error)) != NULL)
    {
      rows++;
      g_strfreev (fields);
    }
  g_assert_cmpuint (rows, ==, bad_line - 1);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  {
    g_autofree char *expected = g_strdup_printf ("mixed.csv”, line %" G_GUINT64_FORMAT ":", bad_line);

    g_assert_nonnull (strstr (error->message, expected));
    g_assert_nonnull (strstr (error->message, "GB18030"));
  }

  g_remove (path);
  g_rmdir (dir);
}

/* A UTF-8 character cut by the end of the first 64 KB does not make the
 * file GB18030. */
static void
test_window_boundary (void)
{
  g_autoptr(GString) text = g_string_new ("col1,col2\nv,");
  g_autoptr(GString) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ZsCsvReader) reader = NULL;

  while (text->len < 64 * 1024 - 1)
    g_string_append_c (text, 'y');
  g_string_append (text, "名\n");
  expected = g_string_new (text->str + strlen ("col1,col2\nv,"));
  g_string_truncate (expected, expected->len - 1);

  dir = g_dir_make_tmp ("zs-io-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "boundary.csv", NULL);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  reader = zs_csv_reader_new (path, NULL, &error);
  g_assert_no_error (error);
  assert_description (ZS_ROW_SOURCE (reader), "CSV, UTF-8, delimiter ','");
  assert_row (ZS_ROW_SOURCE (reader), 1, "col1", "col2", NULL);
  assert_row (ZS_ROW_SOURCE (reader), 2, "v", expected->str, NULL);
  assert_end (ZS_ROW_SOURCE (reader));

  g_remove (path);
  g_rmdir (dir);
}

/* Multibyte characters split across reads of one byte each. */
static void
test_split_reads (void)
{
  static const char *encodings[] = { "auto", "gb18030" };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "io", "fixtures", "gb18030.csv", NULL);
  g_autofree char *gb = NULL;
  gsize gb_len;
  const char *utf8 = "\xEF\xBB\xBF名称,\"备\r\n注\"\nئابدۇرېشىت,\"说\"\"好\"\"的\"";

  g_file_get_contents (path, &gb, &gb_len, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GInputStream) stream = trickle_stream_new (gb, gb_len, 1);
      g_autoptr(ZsCsvReader) reader = zs_csv_reader_new_for_stream (stream, encodings[i], NULL);
      ZsRowSource *source = ZS_ROW_SOURCE (reader);

      assert_description (source, "CSV, GB18030, delimiter ','");
      assert_row (source, 1, "企业名称", "所属行业", "联系人", NULL);
      assert_row (source, 2, "新疆天山有限公司", "制造业", "张三", NULL);
      assert_row (source, 3, "喀什丝路贸易公司", "批发,零售", "ئابدۇرېشىت", NULL);
      assert_end (source);
    }

  for (gsize step = 1; step <= 5; step++)
    {
      g_autoptr(GInputStream) stream = trickle_stream_new (utf8, strlen (utf8), step);
      g_autoptr(ZsCsvReader) reader = zs_csv_reader_new_for_stream (stream, "utf-8", NULL);
      ZsRowSource *source = ZS_ROW_SOURCE (reader);

      assert_row (source, 1, "名称", "备\r\n注", NULL);
      assert_row (source, 3, "ئابدۇرېشىت", "说\"好\"的", NULL);
      assert_end (source);
    }
}

static void
test_utf16 (void)
{
  /* What Excel's "Unicode text" export writes: UTF-16LE with a BOM, tabs. */
  g_autofree char *utf16 = NULL;
  gsize len;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ZsCsvReader) reader = NULL;

  utf16 = g_convert ("\xEF\xBB\xBF名称\t城市\r\n甲\t霍尔果斯\r\n", -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (utf16);
  stream = g_memory_input_stream_new_from_data (utf16, len, NULL);
  reader = zs_csv_reader_new_for_stream (stream, NULL, NULL);
  assert_description (ZS_ROW_SOURCE (reader), "CSV, UTF-16LE, delimiter tab");
  assert_row (ZS_ROW_SOURCE (reader), 1, "名称", "城市", NULL);
  assert_row (ZS_ROW_SOURCE (reader), 2, "甲", "霍尔果斯", NULL);
  assert_end (ZS_ROW_SOURCE (reader));
}

static void
test_row_source_open (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "io", "fixtures", "tab.tsv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsRowSource) source = zs_row_source_open (path, "auto", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ZS_IS_CSV_READER (source));
  assert_row (source, 1, "名称", "城市", "备注", NULL);
}

static long
max_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* 100000 rows, about 20 MB: read as a stream, memory does not follow the file size. */
static void
test_large_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ZsCsvReader) reader = NULL;
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GString) chunk = g_string_new ("名称,统一社会信用代码,地址,经营范围\n");
  const guint n_rows = 100000;
  guint64 line = 0;
  guint rows = 0;
  long rss_before;
  char **fields;

  dir = g_dir_make_tmp ("zs-io-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "large.csv", NULL);
  file = g_file_new_for_path (path);
  output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append_printf (chunk,
                              "霍尔果斯第%u贸易有限公司,91654004%09u,"
                              "\"新疆伊犁州霍尔果斯市\n亚欧路%u号\","
                              "\"进出口贸易, 仓储服务; 物流 \"\"一带一路\"\" 项目咨询\"\n",
                              i, i, i);
      if (chunk->len > 1 << 20 || i == n_rows - 1)
        {
          g_output_stream_write_all (G_OUTPUT_STREAM (output), chunk->str, chunk->len,
                                     NULL, NULL, &error);
          g_assert_no_error (error);
          g_string_truncate (chunk, 0);
        }
    }
  g_output_stream_close (G_OUTPUT_STREAM (output), NULL, &error);
  g_assert_no_error (error);

  rss_before = max_rss_kb ();
  reader = zs_csv_reader_new (path, NULL, &error);
  g_assert_no_error (error);
  while ((fields = zs_row_source_read_row (ZS_ROW_SOURCE (reader), &line, &error)) != NULL)
    {
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      if (rows > 0)
        g_assert_cmpuint (line, ==, 2 * rows);
      rows++;
      g_strfreev (fields);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, n_rows + 1);
  g_assert_cmpfloat (zs_row_source_get_fraction (ZS_ROW_SOURCE (reader)), ==, 1.0);

#if defined (__has_feature)
# if __has_feature (address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif
#if !defined (__SANITIZE_ADDRESS__) && !defined (UNDER_ASAN)
  /* The file is about 20 MB; the reader keeps a few 64 KB buffers. */
  g_assert_cmpint (max_rss_kb () - rss_before, <, 4 * 1024);
#endif
  (void) rss_before;

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/csv/bom", test_bom);
  g_test_add_func ("/io/csv/semicolon", test_semicolon);
  g_test_add_func ("/io/csv/tab", test_tab);
  g_test_add_func ("/io/csv/sep-hint", test_sep_hint);
  g_test_add_func ("/io/csv/sep-hint-overrides", test_sep_hint_overrides);
  g_test_add_func ("/io/csv/quoted", test_quoted);
  g_test_add_func ("/io/csv/line-breaks", test_line_breaks);
  g_test_add_func ("/io/csv/edge-fields", test_edge_fields);
  g_test_add_func ("/io/csv/single-column", test_single_column);
  g_test_add_func ("/io/csv/empty", test_empty);
  g_test_add_func ("/io/csv/gb18030-auto", test_gb18030_auto);
  g_test_add_func ("/io/csv/gb18030-forced", test_gb18030_forced);
  g_test_add_func ("/io/csv/unknown-encoding", test_unknown_encoding);
  g_test_add_func ("/io/csv/missing-file", test_missing_file);
  g_test_add_func ("/io/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/io/csv/nul-byte", test_nul_byte);
  g_test_add_func ("/io/csv/invalid-after-window", test_invalid_after_window);
  g_test_add_func ("/io/csv/window-boundary", test_window_boundary);
  g_test_add_func ("/io/csv/split-reads", test_split_reads);
  g_test_add_func ("/io/csv/utf16", test_utf16);
  g_test_add_func ("/io/csv/row-source-open", test_row_source_open);
  g_test_add_func ("/io/csv/large-file", test_large_file);

  return g_test_run ();
}
