/* io-test-util.c: helpers shared by the import tests */
#include "config.h"

#include <string.h>

#include "zs-csv-reader.h"

#include "io-test-util.h"

void
assert_row_impl (const char  *file,
                 int          line_in_file,
                 ZsRowSource *source,
                 guint64      line,
                 ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *fields_text = NULL;
  guint64 actual_line = 0;
  const char *field;
  va_list args;

  va_start (args, line);
  while ((field = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, field);
  va_end (args);
  expected = g_strv_builder_end (builder);

  fields = zs_row_source_read_row (source, &actual_line, &error);
  if (error != NULL)
    g_error ("%s:%d: expected a row at line %" G_GUINT64_FORMAT ", got: %s",
             file, line_in_file, line, error->message);
  if (fields == NULL)
    g_error ("%s:%d: expected a row at line %" G_GUINT64_FORMAT ", got the end",
             file, line_in_file, line);

  expected_text = g_strjoinv ("|", expected);
  fields_text = g_strjoinv ("|", fields);
  if (!g_strv_equal ((const char * const *) expected, (const char * const *) fields) ||
      actual_line != line)
    g_error ("%s:%d: expected line %" G_GUINT64_FORMAT " [%s] (%u fields), "
             "got line %" G_GUINT64_FORMAT " [%s] (%u fields)",
             file, line_in_file, line, expected_text, g_strv_length (expected),
             actual_line, fields_text, g_strv_length (fields));
}

void
assert_end_impl (const char  *file,
                 int          line_in_file,
                 ZsRowSource *source)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  guint64 line = 0;

  fields = zs_row_source_read_row (source, &line, &error);
  if (error != NULL)
    g_error ("%s:%d: expected the end, got: %s", file, line_in_file, error->message);
  if (fields != NULL)
    {
      g_autofree char *text = g_strjoinv ("|", fields);

      g_error ("%s:%d: expected the end, got line %" G_GUINT64_FORMAT " [%s]",
               file, line_in_file, line, text);
    }
}

ZsRowSource *
source_for_text (const char *text,
                 const char *encoding)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  ZsCsvReader *reader;

  stream = g_memory_input_stream_new_from_data (g_strdup (text), strlen (text), g_free);
  reader = zs_csv_reader_new_for_stream (stream, encoding, &error);
  g_assert_no_error (error);
  return ZS_ROW_SOURCE (reader);
}

/* A stream that returns at most a few bytes per read, to split multibyte
 * characters and records across reads. */
#define TYPE_TRICKLE_STREAM (trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TrickleStream, trickle_stream, TRICKLE, STREAM, GInputStream)

struct _TrickleStream
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         offset;
  gsize         step;
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
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  gsize n = MIN (MIN (count, self->step), size - self->offset);

  memcpy (buffer, data + self->offset, n);
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
trickle_stream_finalize (GObject *object)
{
  TrickleStream *self = TRICKLE_STREAM (object);

  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (trickle_stream_parent_class)->finalize (object);
}

static void
trickle_stream_class_init (TrickleStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = trickle_stream_finalize;
  stream_class->read_fn = trickle_stream_read;
  stream_class->close_fn = trickle_stream_close;
}

static void
trickle_stream_init (TrickleStream *self)
{
}

GInputStream *
trickle_stream_new (const void *data,
                    gsize       len,
                    gsize       step)
{
  TrickleStream *self = g_object_new (TYPE_TRICKLE_STREAM, NULL);

  self->bytes = g_bytes_new (data, len);
  self->step = MAX (step, 1);
  return G_INPUT_STREAM (self);
}
