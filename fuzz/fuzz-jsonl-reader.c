/* fuzz-jsonl-reader.c: libFuzzer target for ZsJsonlReader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the input as a JSON lines file. Checks that every field is valid
 * UTF-8, that rows have the width of the header, that lines only go
 * forward, that the fraction stays within 0 and 1, and that a failed
 * reader keeps failing. The seeds include a line nested far deeper than
 * the reader accepts, which used to overflow the stack in json-glib.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "zs-error.h"
#include "zs-jsonl-reader.h"
#include "zs-row-source.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The input is written to a file: the reader opens files. */
static char *
input_path (void)
{
  static char *path;

  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      int fd = g_file_open_tmp ("fuzz-jsonl-XXXXXX.jsonl", &path, &error);

      g_assert_no_error (error);
      close (fd);
    }
  return path;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsJsonlReader) reader = NULL;
  g_autofree char *description = NULL;
  const char *path = input_path ();
  ZsRowSource *source;
  guint64 previous = 0;
  guint width = 0;
  guint64 line = 0;
  char **fields;

  g_file_set_contents_full (path, (const char *) data, size,
                            G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);

  reader = zs_jsonl_reader_new (path, &error);
  g_assert_no_error (error);
  source = ZS_ROW_SOURCE (reader);

  description = zs_row_source_get_description (source);
  g_assert_nonnull (description);

  while ((fields = zs_row_source_read_row (source, &line, &error)) != NULL)
    {
      double fraction = zs_row_source_get_fraction (source);
      guint n = g_strv_length (fields);

      g_assert_cmpuint (n, >, 0);
      if (width == 0)
        width = n;
      g_assert_cmpuint (n, ==, width);
      for (guint i = 0; fields[i] != NULL; i++)
        g_assert_true (g_utf8_validate (fields[i], -1, NULL));
      g_assert_cmpuint (line, >=, previous);
      g_assert_true (fraction >= 0 && fraction <= 1);
      previous = line;
      g_strfreev (fields);
    }

  if (error != NULL)
    {
      g_autoptr(GError) again = NULL;

      g_assert_true (error->domain == ZS_ERROR || error->domain == G_IO_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (zs_row_source_read_row (source, &line, &again));
      g_assert_nonnull (again);
    }
  else
    g_assert_cmpfloat (zs_row_source_get_fraction (source), ==, 1.0);

  return 0;
}
