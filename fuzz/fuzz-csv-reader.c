/* fuzz-csv-reader.c: libFuzzer target for ZsCsvReader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the input with each encoding choice, through a stream that returns
 * a few bytes per read so that multibyte characters, quotes and line breaks
 * are split across buffer refills. Checks that every field is valid UTF-8,
 * that lines only go forward, that the fraction stays within 0 and 1, and
 * that a failed reader keeps failing.
 *
 * An input starting with the byte 0xFA is placed after 64 KB of ASCII
 * records, so that it straddles the window that decides the encoding.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "zs-csv-reader.h"
#include "zs-error.h"
#include "zs-row-source.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define TYPE_TRICKLE_STREAM (trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TrickleStream, trickle_stream, TRICKLE, STREAM, GInputStream)

struct _TrickleStream
{
  GInputStream   parent_instance;
  const guint8  *data;
  gsize          size;
  gsize          offset;
  guint          step;
};

G_DEFINE_FINAL_TYPE (TrickleStream, trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
trickle_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  TrickleStream *self = TRICKLE_STREAM (stream);
  /* 1, 2, 3, … 7 bytes, then a large read, over and over */
  gsize want = self->step % 8 == 7 ? count : self->step % 8 + 1;
  gsize n = MIN (MIN (count, want), self->size - self->offset);

  self->step++;
  memcpy (buffer, self->data + self->offset, n);
  self->offset += n;
  return n;
}

static gboolean
trickle_stream_close (GInputStream  *stream,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return TRUE;
}

static void
trickle_stream_class_init (TrickleStreamClass *klass)
{
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  stream_class->read_fn = trickle_stream_read;
  stream_class->close_fn = trickle_stream_close;
}

static void
trickle_stream_init (TrickleStream *self)
{
}

static void
read_all (GInputStream *stream,
          const char   *encoding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsCsvReader) reader = NULL;
  g_autofree char *description = NULL;
  ZsRowSource *source;
  guint64 previous = 0;
  char **fields;
  guint64 line = 0;

  reader = zs_csv_reader_new_for_stream (stream, encoding, &error);
  g_assert_no_error (error);
  source = ZS_ROW_SOURCE (reader);

  description = zs_row_source_get_description (source);
  g_assert_true (description != NULL && g_str_has_prefix (description, "CSV, "));

  while ((fields = zs_row_source_read_row (source, &line, &error)) != NULL)
    {
      double fraction = zs_row_source_get_fraction (source);

      g_assert_true (fields[0] != NULL);
      for (guint i = 0; fields[i] != NULL; i++)
        g_assert_true (g_utf8_validate (fields[i], -1, NULL));
      g_assert_cmpuint (line, >, previous);
      g_assert_true (fraction >= 0 && fraction <= 1);
      previous = line;
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
    {
      g_assert_null (zs_row_source_read_row (source, &line, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (zs_row_source_get_fraction (source), ==, 1.0);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const encodings[] = { "auto", "utf-8", "gb18030" };
  guint n_encodings = G_N_ELEMENTS (encodings);
  g_autofree guint8 *padded = NULL;

  /* Inputs starting with 0xFA are moved to the end of the first 64 KB
   * (behind ASCII records of 1 KB, give or take 16 bytes), where "auto"
   * decides the encoding; only "auto" reads them, to keep the runs fast. */
  if (size >= 2 && data[0] == 0xFA)
    {
      gsize offset = 64 * 1024 - 8 + data[1] % 16;

      padded = g_malloc (offset + size - 2);
      for (gsize i = 0; i < offset; i++)
        padded[i] = i % 1024 == 1023 ? '\n' : i % 1024 == 511 ? ',' : 'a';
      memcpy (padded + offset, data + 2, size - 2);
      data = padded;
      size = offset + size - 2;
      n_encodings = 1;
    }

  for (guint i = 0; i < n_encodings; i++)
    {
      g_autoptr(GInputStream) memory = NULL;
      g_autoptr(TrickleStream) trickle = NULL;

      /* In one piece, then in small pieces. */
      memory = g_memory_input_stream_new_from_data (data, size, NULL);
      read_all (memory, encodings[i]);

      trickle = g_object_new (TYPE_TRICKLE_STREAM, NULL);
      trickle->data = data;
      trickle->size = size;
      trickle->step = size;
      read_all (G_INPUT_STREAM (trickle), encodings[i]);
    }

  return 0;
}
