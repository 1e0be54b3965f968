/* test-jsonl-reader.c: JSON lines import: header, mapping, values, errors */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "zs-error.h"
#include "zs-jsonl-reader.h"
#include "zs-row-source.h"

#include "io-test-util.h"

static ZsRowSource *
open_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "io", "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  ZsJsonlReader *reader;

  reader = zs_jsonl_reader_new (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return ZS_ROW_SOURCE (reader);
}

static void
assert_error (ZsRowSource *source,
              const char  *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  guint64 line = 0;

  g_assert_null (zs_row_source_read_row (source, &line, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” is not in “%s”", fragment, error->message);

  g_assert_null (zs_row_source_read_row (source, &line, &again));
  g_assert_error (again, ZS_ERROR, ZS_ERROR_INVALID);
}

static void
test_mapping (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("firms.jsonl");
  g_autofree char *description = zs_row_source_get_description (source);

  g_assert_cmpstr (description, ==, "JSON lines");
  /* The first object's keys, in order, are the header. */
  assert_row (source, 1, "名称", "资本", "上市", "行业", "备注", NULL);
  assert_row (source, 1, "天山机械", "1500", "true", "制造业;装备", "", NULL);
  /* Line 2 is blank; keys may come in any order, missing keys are empty. */
  assert_row (source, 3, "丝路贸易", "2.5", "", "", "", NULL);
  assert_row (source, 4, "雪莲", "1000", "false", "", "x", NULL);
  assert_end (source);
  g_assert_cmpfloat (zs_row_source_get_fraction (source), ==, 1.0);
}

static void
test_extra_key (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("extra-key.jsonl");

  assert_row (source, 1, "名称", "城市", NULL);
  assert_row (source, 1, "甲", "哈密", NULL);
  assert_error (source, "extra-key.jsonl”, line 2: the key “电话”");
}

static void
test_invalid_json (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("invalid.jsonl");

  assert_row (source, 1, "名称", NULL);
  assert_row (source, 1, "甲", NULL);
  assert_error (source, "invalid.jsonl”, line 3: not valid JSON");
}

static void
test_not_object (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("not-object.jsonl");

  assert_row (source, 1, "名称", NULL);
  assert_row (source, 1, "甲", NULL);
  assert_error (source, "not-object.jsonl”, line 2: expected a JSON object");
}

static void
test_empty_object (void)
{
  g_autoptr(ZsRowSource) source = open_fixture ("empty-object.jsonl");

  assert_error (source, "empty-object.jsonl”, line 1: the first object has no keys");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsJsonlReader) reader = zs_jsonl_reader_new ("/nonexistent/firms.jsonl", &error);

  g_assert_null (reader);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_row_source_open (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "io", "fixtures", "firms.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsRowSource) source = zs_row_source_open (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ZS_IS_JSONL_READER (source));
}

static ZsRowSource *
open_text (const char *dir,
           const char *text,
           gssize      length)
{
  g_autofree char *path = g_build_filename (dir, "generated.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  ZsJsonlReader *reader;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  reader = zs_jsonl_reader_new (path, &error);
  g_assert_no_error (error);
  return ZS_ROW_SOURCE (reader);
}

/* Nesting is capped before json-glib parses a line: a line nested 100000
 * deep used to overflow the stack. */
static void
test_nesting (void)
{
  g_autofree char *dir = g_dir_make_tmp ("zs-io-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "generated.jsonl", NULL);
  g_autoptr(GString) text = g_string_new ("{\"名称\": \"甲\", \"备注\": 1}\n");
  g_autoptr(ZsRowSource) source = NULL;

  /* 64 levels (the object itself is the first) are read, brackets inside
   * strings do not count. */
  g_string_append (text, "{\"名称\": \"[[[{{{\\\"[[[\", \"备注\": ");
  for (guint i = 0; i < 63; i++)
    g_string_append_c (text, '[');
  g_string_append (text, "1");
  for (guint i = 0; i < 63; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}\r\n");

  /* One more level is refused, naming the line. */
  g_string_append (text, "{\"名称\": \"乙\", \"备注\": ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}\n");

  source = open_text (dir, text->str, text->len);
  assert_row (source, 1, "名称", "备注", NULL);
  assert_row (source, 1, "甲", "1", NULL);
  assert_row (source, 2, "[[[{{{\"[[[", "1", NULL);
  assert_error (source, "generated.jsonl”, line 3: arrays and objects are nested more than 64 deep");

  g_remove (path);
  g_rmdir (dir);
}

/* Lines longer than 24 MB, or of more than 65536 values, are refused
 * before they are parsed, and rows of more than 12 MB of text after, so
 * memory stays bounded. */
static void
test_line_limits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("zs-io-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "generated.jsonl", NULL);
  g_autoptr(GString) text = g_string_new ("{\"名称\": \"甲\"}\r{\"名称\": \"");
  g_autoptr(ZsRowSource) source = NULL;

  /* A long line that is accepted: 10 MB of text, then CR line ends. */
  for (guint i = 0; i < 10 * 1024; i++)
    g_string_append_len (text, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 1024);
  g_string_append (text, "\"}\r\n");
  /* An array of 70000 values */
  g_string_append (text, "{\"名称\": [");
  for (guint i = 0; i < 70000; i++)
    g_string_append (text, "0,");
  g_string_append (text, "0]}\n");

  source = open_text (dir, text->str, text->len);
  assert_row (source, 1, "名称", NULL);
  assert_row (source, 1, "甲", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) row = zs_row_source_read_row (source, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (strlen (row[0]), ==, 10 * 1024 * 1024);
  }
  assert_error (source, "generated.jsonl”, line 3: the line holds more than 65536 values");
  g_clear_object (&source);

  /* 13 MB in a row */
  g_string_truncate (text, 0);
  g_string_append (text, "{\"名称\": \"");
  while (text->len < 13 * 1024 * 1024)
    g_string_append (text, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_string_append (text, "\"}");
  source = open_text (dir, text->str, text->len);
  assert_error (source, "generated.jsonl”, line 1: the row holds more than 12 MB of text");
  g_clear_object (&source);

  /* 25 MB without a line end */
  while (text->len < 25 * 1024 * 1024)
    g_string_append (text, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  source = open_text (dir, text->str, text->len);
  assert_error (source, "generated.jsonl”, line 1: the line is longer than 24 MB");

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/jsonl/mapping", test_mapping);
  g_test_add_func ("/io/jsonl/extra-key", test_extra_key);
  g_test_add_func ("/io/jsonl/invalid-json", test_invalid_json);
  g_test_add_func ("/io/jsonl/not-object", test_not_object);
  g_test_add_func ("/io/jsonl/empty-object", test_empty_object);
  g_test_add_func ("/io/jsonl/missing-file", test_missing_file);
  g_test_add_func ("/io/jsonl/row-source-open", test_row_source_open);
  g_test_add_func ("/io/jsonl/nesting", test_nesting);
  g_test_add_func ("/io/jsonl/line-limits", test_line_limits);

  return g_test_run ();
}
