/* test-io-writers.c: CSV, XLSX and JSON export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "zs-csv-reader.h"
#include "zs-csv-writer.h"
#include "zs-error.h"
#include "zs-json-writer.h"
#include "zs-row-sink.h"
#include "zs-xlsx-writer.h"

typedef struct {
  char *dir;
} DirFixture;

static void
dir_setup (DirFixture    *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zs-io-writers-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
dir_teardown (DirFixture    *fixture,
              gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the folder, sorted, joined by "|" */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

/* The single temporary file a writer has open in @dir */
static char *
find_temporary (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  char *found = NULL;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_prefix (name, ".") && g_str_has_suffix (name, ".part"))
        {
          g_assert_null (found);
          found = g_build_filename (dir, name, NULL);
        }
    }

  return found;
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_rows (ZsRowSink          *sink,
            const char * const *rows[])
{
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (zs_row_sink_write_row (sink, rows[i], &error));
      g_assert_no_error (error);
    }
}

static void
close_sink (ZsRowSink *sink)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zs_row_sink_close (sink, &error));
  g_assert_no_error (error);
}

#define ROW(...) ((const char * const []) { __VA_ARGS__, NULL })

/* Values that every writer must carry unchanged (XLSX: but for the
 * characters XML cannot hold) */
static const char * const *tricky_rows[] = {
  ROW ("uscc", "name", "notes"),
  ROW ("91650000MA77XXXX0X", "霍尔果斯某某科技有限公司", "plain"),
  ROW ("a,b", "say \"hi\"", "line1\r\nline2"),
  ROW (" lead", "trail ", "\ttab"),
  ROW ("", "=SUM(A1)", "中文,逗号"),
  ROW ("lf\nonly", "cr\ronly", "\xEF\xBB\xBF" "bom"),
  ROW ("\xE3\x80\x80" "全角空格", "-1", "@x"),
  ROW ("<b>&amp;</b>", "_x0041_ and _X0041_ and _x00_", "back\\slash \"\" ''"),
  ROW ("ctl\x01\x1f" "end", "\xEF\xBF\xBE\xEF\xBF\xBF" "nonchar", "sep\xE2\x80\xA8\xE2\x80\xA9" "end"),
  ROW ("😀 emoji", "null", "123"),
  NULL
};

static char *
random_value (void)
{
  static const char * const pieces[] = {
    "a", "Z", "9", "中", "霍尔果斯", ",", ";", "\"", "'", "\r", "\n", "\r\n", " ", "\t",
    "\xEF\xBB\xBF", "=", "+", "-", "@", "\xE3\x80\x80", "_x0041_", "_x", "&", "<", ">",
    "\\", "\x01", "\x7f", "😀", "\xC2\xA0", "\xE2\x80\xA8", "\xEF\xBF\xBF", "]]>",
  };
  GString *value = g_string_new (NULL);
  guint n = g_test_rand_int_range (0, 8);

  for (guint i = 0; i < n; i++)
    g_string_append (value, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);

  return g_string_free (value, FALSE);
}

static GPtrArray *
random_rows (guint n_rows,
             guint n_columns)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint r = 0; r < n_rows; r++)
    {
      char **row = g_new0 (char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        row[c] = r == 0 ? g_strdup_printf ("column %u", c) : random_value ();
      g_ptr_array_add (rows, row);
    }

  return rows;
}

/* --- CSV ---------------------------------------------------------------- */

/* RFC 4180 as written by ZsCsvWriter: CRLF after every row */
static GPtrArray *
parse_csv (const char *data)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *p = data;

  while (*p != '\0')
    {
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

      for (;;)
        {
          g_autoptr(GString) field = g_string_new (NULL);

          if (*p == '"')
            {
              for (p++; ; p++)
                {
                  g_assert_true (*p != '\0');
                  if (*p == '"' && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p++;
                    }
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  else
                    g_string_append_c (field, *p);
                }
            }
          else
            {
              for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
                {
                  g_assert_true (*p != '"' && *p != '\n');
                  g_string_append_c (field, *p);
                }
            }
          g_strv_builder_add (row, field->str);

          if (*p == ',')
            {
              p++;
              continue;
            }
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          break;
        }
      g_ptr_array_add (rows, g_strv_builder_end (row));
    }

  return rows;
}

static void
test_csv_quoting (DirFixture    *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "firms.csv", NULL);
  g_autoptr(ZsCsvWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  const char *expected =
    "uscc,name,notes\r\n"
    "91650000MA77XXXX0X,霍尔果斯某某科技有限公司,plain\r\n"
    "\"a,b\",\"say \"\"hi\"\"\",\"line1\r\nline2\"\r\n"
    "\" lead\",\"trail \",'\ttab\r\n"
    ",'=SUM(A1),\"中文,逗号\"\r\n"
    "\"lf\nonly\",\"cr\ronly\",\"\xEF\xBB\xBF" "bom\"\r\n"
    "\"\xE3\x80\x80" "全角空格\",-1,'@x\r\n"
    "<b>&amp;</b>,_x0041_ and _X0041_ and _x00_,\"back\\slash \"\"\"\" ''\"\r\n"
    "ctl\x01\x1f" "end,\xEF\xBF\xBE\xEF\xBF\xBF" "nonchar,sep\xE2\x80\xA8\xE2\x80\xA9" "end\r\n"
    "😀 emoji,null,123\r\n";

  writer = zs_csv_writer_new (path, FALSE, &error);
  g_assert_no_error (error);
  write_rows (ZS_ROW_SINK (writer), tricky_rows);
  close_sink (ZS_ROW_SINK (writer));

  contents = read_file (path, &length);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (length, ==, strlen (expected));
}

static void
test_csv_single_column (DirFixture    *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "names.csv", NULL);
  g_autoptr(ZsCsvWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char * const *rows[] = { ROW ("name"), ROW (""), ROW ("x"), ROW (" "), NULL };

  writer = zs_csv_writer_new (path, FALSE, &error);
  g_assert_no_error (error);
  write_rows (ZS_ROW_SINK (writer), rows);
  close_sink (ZS_ROW_SINK (writer));

  /* An empty row would be a blank line, which readers skip */
  contents = read_file (path, NULL);
  g_assert_cmpstr (contents, ==, "name\r\n\"\"\r\nx\r\n\" \"\r\n");
}

static void
test_csv_bom (DirFixture    *fixture,
              gconstpointer  data)
{
  for (guint bom = 0; bom <= 1; bom++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, bom ? "bom.csv" : "plain.csv", NULL);
      g_autoptr(ZsCsvWriter) writer = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *expected = NULL;
      gsize length;

      writer = zs_csv_writer_new (path, bom, &error);
      g_assert_no_error (error);
      write_rows (ZS_ROW_SINK (writer), (const char * const *[]) { ROW ("名称"), ROW ("中文"), NULL });
      close_sink (ZS_ROW_SINK (writer));

      contents = read_file (path, &length);
      expected = g_strconcat (bom ? "\xEF\xBB\xBF" : "", "名称\r\n中文\r\n", NULL);
      g_assert_cmpstr (contents, ==, expected);
      g_assert_cmpuint (length, ==, strlen (expected));
    }

  /* Even without a byte order mark, a value that begins with one is
   * quoted, so that readers do not take it for one */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "lead.csv", NULL);
    g_autoptr(ZsCsvWriter) writer = zs_csv_writer_new (path, FALSE, NULL);
    g_autofree char *contents = NULL;

    write_rows (ZS_ROW_SINK (writer), (const char * const *[]) { ROW ("\xEF\xBB\xBF" "名称"), NULL });
    close_sink (ZS_ROW_SINK (writer));
    contents = read_file (path, NULL);
    g_assert_cmpstr (contents, ==, "\"\xEF\xBB\xBF" "名称\"\r\n");
  }
}

static void
assert_rows_equal (GPtrArray *got,
                   GPtrArray *expected)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint r = 0; r < got->len; r++)
    {
      char **got_row = g_ptr_array_index (got, r);
      char **expected_row = g_ptr_array_index (expected, r);

      g_assert_cmpuint (g_strv_length (got_row), ==, g_strv_length (expected_row));
      for (guint c = 0; expected_row[c] != NULL; c++)
        g_assert_cmpstr (got_row[c], ==, expected_row[c]);
    }
}

static GPtrArray *
tricky_row_array (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; tricky_rows[i] != NULL; i++)
    g_ptr_array_add (rows, g_strdupv ((char **) tricky_rows[i]));

  return rows;
}

static void
test_csv_round_trip (DirFixture    *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "round.csv", NULL);
  g_autoptr(GPtrArray) rows = random_rows (500, 6);
  g_autoptr(GPtrArray) tricky = tricky_row_array ();
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(ZsCsvWriter) writer = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  /* RFC 4180 alone, read by an independent parser: no formula guard. */
  writer = zs_csv_writer_new (path, TRUE, &error);
  g_assert_no_error (error);
  zs_csv_writer_set_formula_guard (writer, FALSE);
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_true (zs_row_sink_write_row (ZS_ROW_SINK (writer), g_ptr_array_index (rows, i), &error));
      g_assert_no_error (error);
    }
  close_sink (ZS_ROW_SINK (writer));

  contents = read_file (path, NULL);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  parsed = parse_csv (contents + 3);
  assert_rows_equal (parsed, rows);

  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&parsed, g_ptr_array_unref);
  g_clear_object (&writer);
  writer = zs_csv_writer_new (path, FALSE, &error);
  g_assert_no_error (error);
  zs_csv_writer_set_formula_guard (writer, FALSE);
  write_rows (ZS_ROW_SINK (writer), tricky_rows);
  close_sink (ZS_ROW_SINK (writer));
  contents = read_file (path, NULL);
  parsed = parse_csv (contents);
  assert_rows_equal (parsed, tricky);
}

/* Values a spreadsheet would run as formulas get an apostrophe, with or
 * without a byte order mark; our reader removes exactly that apostrophe. */
static void
test_csv_formula_guard (DirFixture    *fixture,
                        gconstpointer  data)
{
  static const char * const values[] = {
    "=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=x", "''@x",
    "-5", "+3.25", "-1e6", "-", "+", "'-5", "'", "a=b", "don't", "",
  };
  /* As written with the guard; with --raw, as they are. */
  static const char * const written[] = {
    "'=cmd|' /C calc'!A0", "'+1+2", "'-2+3", "'@SUM(A1)", "'\tx", "\"'\rx\"", "''=x", "'''@x",
    "-5", "+3.25", "-1e6", "'-", "'+", "'-5", "'", "a=b", "don't", "",
  };
  static const char * const written_raw[] = {
    "=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1)", "\"\tx\"", "\"\rx\"", "'=x", "''@x",
    "-5", "+3.25", "-1e6", "-", "+", "'-5", "'", "a=b", "don't", "",
  };
  g_autofree char *path = g_build_filename (fixture->dir, "formulas.csv", NULL);

  for (guint mode = 0; mode < 3; mode++)
    {
      g_autoptr(ZsCsvWriter) writer = NULL;
      g_autoptr(ZsCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;
      gboolean bom = mode == 1;
      gboolean raw = mode == 2;
      const char *header[] = { "notes", "id", NULL };

      writer = zs_csv_writer_new (path, bom, &error);
      g_assert_no_error (error);
      zs_csv_writer_set_formula_guard (writer, !raw);
      g_assert_true (zs_row_sink_write_row (ZS_ROW_SINK (writer), header, &error));
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          const char *fields[] = { values[i], "1", NULL };

          g_assert_true (zs_row_sink_write_row (ZS_ROW_SINK (writer), fields, &error));
          g_assert_no_error (error);
        }
      close_sink (ZS_ROW_SINK (writer));

      contents = read_file (path, NULL);
      g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF") == bom);
      lines = g_strsplit (contents + (bom ? 3 : 0), "\r\n", -1);
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_autofree char *expected = g_strdup_printf ("%s,1", raw ? written_raw[i] : written[i]);

          g_assert_cmpstr (lines[i + 1], ==, expected);
        }

      /* Read back exactly, when read as written. */
      reader = zs_csv_reader_new (path, "utf-8", &error);
      g_assert_no_error (error);
      zs_csv_reader_set_formula_guard (reader, !raw);
      g_strfreev (zs_row_source_read_row (ZS_ROW_SOURCE (reader), NULL, &error));
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_auto(GStrv) fields = zs_row_source_read_row (ZS_ROW_SOURCE (reader), NULL, &error);

          g_assert_no_error (error);
          g_assert_nonnull (fields);
          g_assert_cmpstr (fields[0], ==, values[i]);
        }
    }
}

static void
test_csv_invalid_rows (DirFixture    *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "invalid.csv", NULL);
  g_autoptr(ZsCsvWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  writer = zs_csv_writer_new (path, FALSE, &error);
  g_assert_no_error (error);

  g_assert_false (zs_row_sink_write_row (ZS_ROW_SINK (writer), (const char * const []) { NULL }, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_clear_error (&error);

  write_rows (ZS_ROW_SINK (writer), (const char * const *[]) { ROW ("a", "b"), NULL });

  g_assert_false (zs_row_sink_write_row (ZS_ROW_SINK (writer), ROW ("1"), &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zs_row_sink_write_row (ZS_ROW_SINK (writer), ROW ("1", "2", "3"), &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zs_row_sink_write_row (ZS_ROW_SINK (writer), ROW ("ok", "bad \xff\xfe"), &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "column 2"));
  g_clear_error (&error);

  /* A refused row leaves nothing behind and the writer usable */
  write_rows (ZS_ROW_SINK (writer), (const char * const *[]) { ROW ("1", "2"), NULL });
  close_sink (ZS_ROW_SINK (writer));
  contents = read_file (path, NULL);
  g_assert_cmpstr (contents, ==, "a,b\r\n1,2\r\n");
}

static void
test_csv_atomic (DirFixture    *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "firms.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_file_set_contents (path, "old\r\n", -1, &error);
  g_assert_no_error (error);

  /* Nothing changes under the final name before the writer is closed */
  {
    g_autoptr(ZsCsvWriter) writer = zs_csv_writer_new (path, TRUE, &error);
    g_autofree char *contents = NULL;
    g_autofree char *temp = NULL;

    g_assert_no_error (error);
    write_rows (ZS_ROW_SINK (writer), (const char * const *[]) { ROW ("new"), ROW ("row"), NULL });
    contents = read_file (path, NULL);
    g_assert_cmpstr (contents, ==, "old\r\n");
    temp = find_temporary (fixture->dir);
    g_assert_nonnull (temp);
    g_assert_true (g_str_has_prefix (strrchr (temp, G_DIR_SEPARATOR) + 1, ".firms.csv."));

    close_sink (ZS_ROW_SINK (writer));
    g_clear_pointer (&contents, g_free);
    contents = read_file (path, NULL);
    g_assert_cmpstr (contents, ==, "\xEF\xBB\xBF" "new\r\nrow\r\n");
    g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
  }

  /* An abandoned export leaves the old file and no temporary file */
  {
    g_autoptr(ZsCsvWriter) writer = zs_csv_writer_new (path, FALSE, &error);
    g_autofree char *contents = NULL;

    g_assert_no_error (error);
    write_rows (ZS_ROW_SINK (writer), (const char * const *[]) { ROW ("abandoned"), NULL });
    g_clear_object (&writer);

    contents = read_file (path, NULL);
    g_assert_cmpstr (contents, ==, "\xEF\xBB\xBF" "new\r\nrow\r\n");
  }

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "firms.csv");
}

static void
test_csv_errors (DirFixture    *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "firms.csv", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder", NULL);
  g_autoptr(ZsCsvWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_autofree char *listing = NULL;

  writer = zs_csv_writer_new (missing, FALSE, &error);
  g_assert_null (writer);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "firms.csv"));
  g_clear_error (&error);

  /* The final name is taken by a folder: the rename fails on close */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  writer = zs_csv_writer_new (folder, FALSE, &error);
  g_assert_no_error (error);
  write_rows (ZS_ROW_SINK (writer), (const char * const *[]) { ROW ("a"), NULL });
  g_assert_false (zs_row_sink_close (ZS_ROW_SINK (writer), &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);

  /* Closing again reports the same failure */
  g_assert_false (zs_row_sink_close (ZS_ROW_SINK (writer), &again));
  g_assert_error (again, error->domain, error->code);
  g_assert_cmpstr (again->message, ==, error->message);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "folder");
}

static void
test_close_twice (DirFixture    *fixture,
                  gconstpointer  data)
{
  const char *extensions[] = { "csv", "xlsx", "json", "jsonl" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("firms.", extensions[i], NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(ZsRowSink) sink = NULL;
      g_autoptr(GError) error = NULL;

      sink = zs_row_sink_create (path, FALSE, &error);
      g_assert_no_error (error);
      write_rows (sink, (const char * const *[]) { ROW ("name"), ROW ("x"), NULL });
      close_sink (sink);
      close_sink (sink);

      g_test_expect_message ("Zhaoshang-IO", G_LOG_LEVEL_CRITICAL, "*!self->closed*");
      g_assert_false (zs_row_sink_write_row (sink, ROW ("late"), &error));
      g_test_assert_expected_messages ();
      g_assert_no_error (error);
    }
}

static void
test_create_by_extension (DirFixture    *fixture,
                          gconstpointer  data)
{
  struct {
    const char *name;
    GType (*get_type) (void);
  } cases[] = {
    { "a.csv", zs_csv_writer_get_type },
    { "b.XLSX", zs_xlsx_writer_get_type },
    { "c.json", zs_json_writer_get_type },
    { "d.jsonl", zs_json_writer_get_type },
    { "e.ndjson", zs_json_writer_get_type },
    { "f.txt", zs_csv_writer_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, cases[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ZsRowSink) sink = zs_row_sink_create (path, FALSE, &error);

      g_assert_no_error (error);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (sink, cases[i].get_type ()));
      close_sink (sink);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

/* --- XLSX --------------------------------------------------------------- */

/* What a cell holds once the characters XML 1.0 forbids are gone */
static char *
xml_safe (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Excel's _xHHHH_ escapes (ECMA-376 ST_Xstring) */
static char *
decode_xstring (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; )
    {
      if (p[0] == '_' && p[1] == 'x' &&
          g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          g_autofree char *hex = g_strndup (p + 2, 4);

          g_string_append_unichar (out, (gunichar) g_ascii_strtoull (hex, NULL, 16));
          p += 7;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static char *
read_member (GsfInfile  *zip,
             const char *path,
             gsize      *length)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GsfInput *member = NULL;
  GsfInfile *dir = g_object_ref (zip);
  gsize size;
  char *data;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      member = gsf_infile_child_by_name (dir, parts[i]);
      g_object_unref (dir);
      g_assert_nonnull (member);
      if (parts[i + 1] != NULL)
        {
          g_assert_true (GSF_IS_INFILE (member));
          dir = GSF_INFILE (member);
        }
    }

  size = gsf_input_size (member);
  data = g_malloc (size + 1);
  g_assert_nonnull (gsf_input_read (member, size, (guint8 *) data));
  data[size] = '\0';
  g_object_unref (member);
  if (length != NULL)
    *length = size;

  return data;
}

static xmlDoc *
parse_member (GsfInfile  *zip,
              const char *path)
{
  gsize length;
  g_autofree char *data = read_member (zip, path, &length);
  xmlDoc *doc = xmlReadMemory (data, length, path, NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  g_assert_nonnull (xmlDocGetRootElement (doc));

  return doc;
}

static xmlNode *
first_child (xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) child->name, name) == 0)
      return child;

  return NULL;
}

static char *
get_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);

  return copy;
}

static char *
cell_reference (guint column,
                guint row)
{
  GString *name = g_string_new (NULL);

  for (column++; column > 0; column = (column - 1) / 26)
    g_string_prepend_c (name, 'A' + (column - 1) % 26);
  g_string_append_printf (name, "%u", row);

  return g_string_free (name, FALSE);
}

/* The sheet's rows as text, after checking every cell is an inline string
 * at its place */
static GPtrArray *
read_sheet (GsfInfile *zip)
{
  xmlDoc *doc = parse_member (zip, "xl/worksheets/sheet1.xml");
  xmlNode *sheet_data = first_child (xmlDocGetRootElement (doc), "sheetData");
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint r = 0;

  g_assert_nonnull (sheet_data);
  for (xmlNode *row = sheet_data->children; row != NULL; row = row->next)
    {
      g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
      g_autofree char *row_number = get_prop (row, "r");
      g_autofree char *expected_number = g_strdup_printf ("%u", ++r);
      guint c = 0;

      g_assert_cmpstr ((const char *) row->name, ==, "row");
      g_assert_cmpstr (row_number, ==, expected_number);
      for (xmlNode *cell = row->children; cell != NULL; cell = cell->next, c++)
        {
          g_autofree char *ref = get_prop (cell, "r");
          g_autofree char *expected_ref = cell_reference (c, r);
          g_autofree char *type = get_prop (cell, "t");
          g_autofree char *style = get_prop (cell, "s");
          xmlNode *is = first_child (cell, "is");
          xmlNode *t = is != NULL ? first_child (is, "t") : NULL;
          g_autofree char *decoded = NULL;
          xmlChar *text;

          g_assert_cmpstr ((const char *) cell->name, ==, "c");
          g_assert_cmpstr (ref, ==, expected_ref);
          g_assert_cmpstr (type, ==, "inlineStr");
          g_assert_cmpstr (style, ==, r == 1 ? "1" : NULL);
          g_assert_nonnull (t);
          text = xmlNodeGetContent (t);
          decoded = decode_xstring ((const char *) text);
          g_strv_builder_add (values, decoded);
          xmlFree (text);
        }
      g_ptr_array_add (rows, g_strv_builder_end (values));
    }
  xmlFreeDoc (doc);

  return rows;
}

static GsfInfile *
open_zip (const char *path)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_stdio_new (path, &error);
  GsfInfile *zip;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  g_assert_nonnull (zip);
  g_object_unref (input);

  return zip;
}

static void
check_unzip (const char *path)
{
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_deflated = 0;
  int status;

  if (unzip == NULL)
    {
      g_test_message ("unzip is not installed; the archive is only checked with libgsf");
      return;
    }

  g_spawn_sync (NULL, (char *[]) { unzip, (char *) "-t", (char *) path, NULL }, NULL,
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "No errors detected"));
  g_clear_pointer (&out, g_free);

  /* Every member is deflated */
  g_spawn_sync (NULL, (char *[]) { unzip, (char *) "-v", (char *) path, NULL }, NULL,
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strstr (lines[i], " Stored "));
      if (strstr (lines[i], " Defl:") != NULL)
        n_deflated++;
    }
  g_assert_cmpuint (n_deflated, ==, 6);
}

static void
check_xlsx_parts (GsfInfile  *zip,
                  const char *sheet_name)
{
  const char *parts[] = {
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/worksheets/sheet1.xml",
  };
  xmlDoc *doc;
  xmlNode *sheets, *sheet;
  g_autofree char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    xmlFreeDoc (parse_member (zip, parts[i]));

  doc = parse_member (zip, "xl/workbook.xml");
  sheets = first_child (xmlDocGetRootElement (doc), "sheets");
  g_assert_nonnull (sheets);
  sheet = first_child (sheets, "sheet");
  g_assert_nonnull (sheet);
  name = get_prop (sheet, "name");
  g_assert_cmpstr (name, ==, sheet_name);
  xmlFreeDoc (doc);
}

static void
test_xlsx_cells (DirFixture    *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "firms.xlsx", NULL);
  g_autoptr(GPtrArray) random = random_rows (300, 5);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(ZsXlsxWriter) writer = NULL;
  GsfInfile *zip = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet_xml = NULL;
  g_autofree char *listing = NULL;

  writer = zs_xlsx_writer_new (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; tricky_rows[i] != NULL; i++)
    {
      g_assert_true (zs_row_sink_write_row (ZS_ROW_SINK (writer),
                                            i == 0 ? ROW ("uscc", "name", "notes", "c4", "c5")
                                                   : ROW (tricky_rows[i][0], tricky_rows[i][1],
                                                          tricky_rows[i][2], "", "x"),
                                            &error));
      g_assert_no_error (error);
    }
  for (guint i = 1; i < random->len; i++)
    {
      g_assert_true (zs_row_sink_write_row (ZS_ROW_SINK (writer), g_ptr_array_index (random, i), &error));
      g_assert_no_error (error);
    }
  close_sink (ZS_ROW_SINK (writer));

  g_ptr_array_add (expected, g_strdupv ((char **) ROW ("uscc", "name", "notes", "c4", "c5")));
  for (guint i = 1; tricky_rows[i] != NULL; i++)
    g_ptr_array_add (expected, g_strdupv ((char **) ROW (tricky_rows[i][0], tricky_rows[i][1],
                                                         tricky_rows[i][2], "", "x")));
  for (guint i = 1; i < random->len; i++)
    g_ptr_array_add (expected, g_strdupv (g_ptr_array_index (random, i)));
  for (guint i = 0; i < expected->len; i++)
    {
      char **row = g_ptr_array_index (expected, i);

      for (guint c = 0; row[c] != NULL; c++)
        {
          char *safe = xml_safe (row[c]);

          g_free (row[c]);
          row[c] = safe;
        }
    }

  zip = open_zip (path);
  check_xlsx_parts (zip, "firms");
  got = read_sheet (zip);
  assert_rows_equal (got, expected);

  /* CR is kept as a character reference and literal _xHHHH_ protected */
  sheet_xml = read_member (zip, "xl/worksheets/sheet1.xml", NULL);
  g_assert_nonnull (strstr (sheet_xml, "line1&#13;\nline2"));
  g_assert_nonnull (strstr (sheet_xml, "_x005F_x0041_ and _X0041_ and _x00_"));
  g_assert_nonnull (strstr (sheet_xml, "<t xml:space=\"preserve\"> lead</t>"));
  g_assert_nonnull (strstr (sheet_xml, "霍尔果斯某某科技有限公司"));
  g_assert_null (strstr (sheet_xml, "sharedStrings"));
  g_object_unref (zip);

  check_unzip (path);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "firms.xlsx");
}

static void
test_xlsx_sheet_name (DirFixture    *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sheet.xlsx", NULL);
  g_autoptr(ZsXlsxWriter) writer = NULL;
  GsfInfile *zip = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GError) error = NULL;
  const char *invalid[] = { "", "a/b", "what?", "[x]", "'quoted'", "History",
                            "a name longer than thirty-one characters" };

  writer = zs_xlsx_writer_new (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_expect_message ("Zhaoshang-IO", G_LOG_LEVEL_CRITICAL, "*is_valid_sheet_name*");
      zs_xlsx_writer_set_sheet_name (writer, invalid[i]);
      g_test_assert_expected_messages ();
    }

  write_rows (ZS_ROW_SINK (writer), (const char * const *[]) { ROW ("名称"), NULL });
  /* Named after the rows, before closing */
  zs_xlsx_writer_set_sheet_name (writer, "招商 & <企业>");
  close_sink (ZS_ROW_SINK (writer));

  zip = open_zip (path);
  check_xlsx_parts (zip, "招商 & <企业>");
  got = read_sheet (zip);
  g_assert_cmpuint (got->len, ==, 1);
  g_object_unref (zip);
  check_unzip (path);
}

static void
test_xlsx_empty (DirFixture    *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "empty.xlsx", NULL);
  g_autoptr(ZsXlsxWriter) writer = NULL;
  GsfInfile *zip = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GError) error = NULL;

  writer = zs_xlsx_writer_new (path, &error);
  g_assert_no_error (error);
  close_sink (ZS_ROW_SINK (writer));

  zip = open_zip (path);
  check_xlsx_parts (zip, "firms");
  got = read_sheet (zip);
  g_assert_cmpuint (got->len, ==, 0);
  g_object_unref (zip);
  check_unzip (path);
}

static void
test_xlsx_abandoned (DirFixture    *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "firms.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  /* Abandoned before and after rows reached the file */
  for (guint n_rows = 0; n_rows <= 20000; n_rows += 20000)
    {
      g_autoptr(ZsXlsxWriter) writer = zs_xlsx_writer_new (path, &error);

      g_assert_no_error (error);
      write_rows (ZS_ROW_SINK (writer), (const char * const *[]) { ROW ("a", "b"), NULL });
      for (guint i = 0; i < n_rows; i++)
        {
          g_autofree char *value = g_strdup_printf ("value %u", i);

          g_assert_true (zs_row_sink_write_row (ZS_ROW_SINK (writer), ROW (value, "b"), &error));
        }
      g_clear_object (&writer);
    }

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "");

  /* A folder under the final name: the archive is complete but cannot be
   * renamed */
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  {
    g_autoptr(ZsXlsxWriter) writer = zs_xlsx_writer_new (path, &error);

    g_assert_no_error (error);
    write_rows (ZS_ROW_SINK (writer), (const char * const *[]) { ROW ("a"), NULL });
    g_assert_false (zs_row_sink_close (ZS_ROW_SINK (writer), &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (zs_row_sink_close (ZS_ROW_SINK (writer), &error));
    g_assert_nonnull (error);
  }
  g_clear_pointer (&listing, g_free);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "firms.xlsx");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

/* --- JSON --------------------------------------------------------------- */

static void
check_object (JsonNode    *node,
              char       **header,
              const char * const *values)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;
  guint i = 0;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);
  g_assert_cmpuint (json_object_get_size (object), ==, g_strv_length (header));

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      JsonNode *member = json_object_get_member (object, l->data);

      g_assert_cmpstr (l->data, ==, header[i]);
      g_assert_true (JSON_NODE_HOLDS_VALUE (member));
      g_assert_cmpint (json_node_get_value_type (member), ==, G_TYPE_STRING);
      g_assert_cmpstr (json_node_get_string (member), ==, values[i]);
    }
}

static void
write_json (const char *path,
            gboolean    lines,
            gboolean    pretty,
            GPtrArray  *rows)
{
  g_autoptr(ZsJsonWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  writer = zs_json_writer_new (path, lines, &error);
  g_assert_no_error (error);
  zs_json_writer_set_pretty (writer, pretty);
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_true (zs_row_sink_write_row (ZS_ROW_SINK (writer), g_ptr_array_index (rows, i), &error));
      g_assert_no_error (error);
    }
  close_sink (ZS_ROW_SINK (writer));
}

static void
test_json_array (DirFixture    *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = tricky_row_array ();
  g_autoptr(GPtrArray) random = random_rows (300, 4);

  for (guint pretty = 0; pretty <= 1; pretty++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, pretty ? "pretty.json" : "compact.json", NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      JsonArray *array;
      GPtrArray *sets[] = { rows, random };

      for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
        {
          GPtrArray *set = sets[s];
          char **header = g_ptr_array_index (set, 0);

          g_clear_pointer (&contents, g_free);
          write_json (path, FALSE, pretty, set);

          contents = read_file (path, NULL);
          g_assert_true (g_str_has_prefix (contents, pretty ? "[\n  {\n    \"" : "[{\""));
          g_assert_true (g_str_has_suffix (contents, pretty ? "\n  }\n]\n" : "}]\n"));
          if (!pretty)
            g_assert_true (strchr (contents, '\n') == contents + strlen (contents) - 1);

          json_parser_load_from_data (parser, contents, -1, &error);
          g_assert_no_error (error);
          g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
          array = json_node_get_array (json_parser_get_root (parser));
          g_assert_cmpuint (json_array_get_length (array), ==, set->len - 1);
          for (guint i = 1; i < set->len; i++)
            check_object (json_array_get_element (array, i - 1), header, g_ptr_array_index (set, i));
        }

      /* Text other than ASCII is written as is, U+2028 and U+2029 escaped */
      write_json (path, FALSE, pretty, rows);
      g_clear_pointer (&contents, g_free);
      contents = read_file (path, NULL);
      g_assert_nonnull (strstr (contents, "\"霍尔果斯某某科技有限公司\""));
      g_assert_nonnull (strstr (contents, "\"😀 emoji\""));
      g_assert_nonnull (strstr (contents, "\"sep\\u2028\\u2029end\""));
      g_assert_nonnull (strstr (contents, "\"ctl\\u0001\\u001fend\""));
      g_assert_nonnull (strstr (contents, "\"notes\":"));
      g_assert_nonnull (strstr (contents, "\"\""));
    }
}

static void
test_json_lines (DirFixture    *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "firms.jsonl", NULL);
  g_autoptr(GPtrArray) rows = tricky_row_array ();
  g_autoptr(GPtrArray) random = random_rows (300, 4);
  GPtrArray *sets[] = { rows, random };

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      GPtrArray *set = sets[s];
      char **header = g_ptr_array_index (set, 0);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      /* Lines are compact whatever the pretty setting says */
      write_json (path, TRUE, TRUE, set);
      contents = read_file (path, NULL);
      g_assert_true (g_str_has_suffix (contents, "}\n"));
      lines = g_strsplit (contents, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, set->len);
      g_assert_cmpstr (lines[set->len - 1], ==, "");

      for (guint i = 1; i < set->len; i++)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) error = NULL;

          g_assert_true (g_str_has_prefix (lines[i - 1], "{\""));
          json_parser_load_from_data (parser, lines[i - 1], -1, &error);
          g_assert_no_error (error);
          check_object (json_parser_get_root (parser), header, g_ptr_array_index (set, i));
        }
    }
}

static void
test_json_edges (DirFixture    *fixture,
                 gconstpointer  data)
{
  g_autofree char *array_path = g_build_filename (fixture->dir, "empty.json", NULL);
  g_autofree char *lines_path = g_build_filename (fixture->dir, "empty.jsonl", NULL);
  g_autoptr(GPtrArray) header_only = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) nothing = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(ZsJsonWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_ptr_array_add (header_only, g_strdupv ((char **) ROW ("a", "b")));

  for (guint pretty = 0; pretty <= 1; pretty++)
    {
      write_json (array_path, FALSE, pretty, header_only);
      g_clear_pointer (&contents, g_free);
      contents = read_file (array_path, NULL);
      g_assert_cmpstr (contents, ==, "[]\n");

      write_json (array_path, FALSE, pretty, nothing);
      g_clear_pointer (&contents, g_free);
      contents = read_file (array_path, NULL);
      g_assert_cmpstr (contents, ==, "[]\n");
    }

  write_json (lines_path, TRUE, FALSE, header_only);
  g_clear_pointer (&contents, g_free);
  contents = read_file (lines_path, NULL);
  g_assert_cmpstr (contents, ==, "");

  /* Member names must be unique */
  writer = zs_json_writer_new (array_path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (zs_row_sink_write_row (ZS_ROW_SINK (writer), ROW ("name", "name"), &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_clear_error (&error);
  write_rows (ZS_ROW_SINK (writer), (const char * const *[]) { ROW ("name", ""), ROW ("", "x"), NULL });
  g_assert_false (zs_row_sink_write_row (ZS_ROW_SINK (writer), ROW ("only one"), &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_clear_error (&error);
  close_sink (ZS_ROW_SINK (writer));
  g_clear_pointer (&contents, g_free);
  contents = read_file (array_path, NULL);
  g_assert_cmpstr (contents, ==, "[\n  {\n    \"name\": \"\",\n    \"\": \"x\"\n  }\n]\n");
}

/* --- Streaming ---------------------------------------------------------- */

static void
test_speed (DirFixture    *fixture,
            gconstpointer  data)
{
  const char *extensions[] = { "csv", "xlsx", "json", "jsonl" };
  const guint n_rows = 100000;

  for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
    {
      g_autofree char *name = g_strconcat ("big.", extensions[e], NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *temp = NULL;
      g_autoptr(ZsRowSink) sink = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFileInfo) info = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;
      GStatBuf st;

      sink = zs_row_sink_create (path, TRUE, &error);
      g_assert_no_error (error);
      write_rows (sink, (const char * const *[]) {
        ROW ("uscc", "name", "region", "address", "capital", "scope", "website", "notes"), NULL });

      for (guint i = 0; i < n_rows; i++)
        {
          char uscc[32], capital[32], website[64];
          g_autofree char *firm = g_strdup_printf ("霍尔果斯第%u科技有限公司", i);
          g_autofree char *address = g_strdup_printf ("新疆伊犁州霍尔果斯市亚欧路%u号, \"%u\"栋", i % 977, i % 13);

          g_snprintf (uscc, sizeof uscc, "91654004MA%08uX", i);
          g_snprintf (capital, sizeof capital, "%u.%02u", i * 7 % 100000, i % 100);
          g_snprintf (website, sizeof website, "https://firm%u.example.cn/", i);
          g_assert_true (zs_row_sink_write_row (sink,
                                                ROW (uscc, firm, "654004", address, capital,
                                                     "软件开发；信息技术咨询服务", website,
                                                     i % 3 == 0 ? "" : "跟进中\r\n下周回访"),
                                                &error));
          g_assert_no_error (error);
        }

      /* The rows went to the disk as they came, not into memory */
      temp = find_temporary (fixture->dir);
      g_assert_nonnull (temp);
      g_assert_cmpint (g_stat (temp, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 1024 * 1024);

      close_sink (sink);
      elapsed = g_get_monotonic_time () - start;
      /* Reported, not asserted: speed is measured by bench/, against a
       * reference in the same run, not by a timed test. */
      g_test_message ("%u rows to %s in %.2f s", n_rows, extensions[e],
                      elapsed / (double) G_USEC_PER_SEC);

      file = g_file_new_for_path (path);
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_file_info_get_size (info), >, 1024 * 1024);
    }
}

/* --- Failures ----------------------------------------------------------- */

/* A file size limit makes writes fail half way, like a full disk */
static void
test_write_failure (DirFixture    *fixture,
                    gconstpointer  data)
{
  const char *extensions[] = { "csv", "xlsx", "json", "jsonl" };
  struct rlimit saved, limit;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);

  for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
    {
      g_autofree char *name = g_strconcat ("full.", extensions[e], NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(ZsRowSink) sink = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) again = NULL;
      g_autofree char *listing = NULL;
      guint i;

      sink = zs_row_sink_create (path, FALSE, &error);
      g_assert_no_error (error);
      write_rows (sink, (const char * const *[]) { ROW ("n", "text"), NULL });

      limit = saved;
      limit.rlim_cur = 256 * 1024;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      for (i = 0; i < 1000000; i++)
        {
          g_autofree char *n = g_strdup_printf ("%u", i);
          g_autofree char *text = g_strdup_printf ("第%u行 %x", i, g_test_rand_int ());

          if (!zs_row_sink_write_row (sink, ROW (n, text), &error))
            break;
        }
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

      g_assert_cmpuint (i, <, 1000000);
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_IO_ERROR);
      g_assert_nonnull (strstr (error->message, name));

      /* The failure sticks, and the partial file is gone */
      g_assert_false (zs_row_sink_write_row (sink, ROW ("1", "2"), &again));
      g_assert_error (again, error->domain, error->code);
      g_clear_error (&again);
      g_assert_false (zs_row_sink_close (sink, &again));
      g_assert_error (again, error->domain, error->code);
      g_clear_error (&again);
      g_assert_false (zs_row_sink_close (sink, &again));
      g_assert_error (again, error->domain, error->code);

      listing = list_dir (fixture->dir);
      g_assert_cmpstr (listing, ==, "");
    }

  signal (SIGXFSZ, SIG_DFL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, DirFixture, NULL, dir_setup, func, dir_teardown)

  ADD ("/io-writers/csv/quoting", test_csv_quoting);
  ADD ("/io-writers/csv/single-column", test_csv_single_column);
  ADD ("/io-writers/csv/bom", test_csv_bom);
  ADD ("/io-writers/csv/round-trip", test_csv_round_trip);
  ADD ("/io-writers/csv/formula-guard", test_csv_formula_guard);
  ADD ("/io-writers/csv/invalid-rows", test_csv_invalid_rows);
  ADD ("/io-writers/csv/atomic", test_csv_atomic);
  ADD ("/io-writers/csv/errors", test_csv_errors);
  ADD ("/io-writers/xlsx/cells", test_xlsx_cells);
  ADD ("/io-writers/xlsx/sheet-name", test_xlsx_sheet_name);
  ADD ("/io-writers/xlsx/empty", test_xlsx_empty);
  ADD ("/io-writers/xlsx/abandoned", test_xlsx_abandoned);
  ADD ("/io-writers/json/array", test_json_array);
  ADD ("/io-writers/json/lines", test_json_lines);
  ADD ("/io-writers/json/edges", test_json_edges);
  ADD ("/io-writers/sink/close-twice", test_close_twice);
  ADD ("/io-writers/sink/create-by-extension", test_create_by_extension);
  ADD ("/io-writers/sink/write-failure", test_write_failure);
  ADD ("/io-writers/sink/speed", test_speed);

#undef ADD

  return g_test_run ();
}
