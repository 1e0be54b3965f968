/* zs-csv-reader.c: CSV files read row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zs-csv-reader.h"
#include "zs-error.h"
#include "zs-io-private.h"

/* Bytes read at a time. The first window of this size also decides the
 * encoding and the delimiter. */
#define CHUNK_SIZE      (64 * 1024)
/* Caps that keep memory bounded when a quote is missing near the start of
 * a large file: Excel itself stops at 32767 characters per cell and 16384
 * columns. */
#define MAX_FIELD_SIZE  (16 * 1024 * 1024)
#define MAX_FIELDS      65536
/* The fields of one row together. */
#define MAX_ROW_SIZE    ZS_IO_MAX_ROW_SIZE
/* Records looked at to choose the delimiter. */
#define DETECT_RECORDS  20

#define END_OF_INPUT    (-1)
#define FAILED          (-2)

typedef enum {
  ENCODING_UTF8,
  ENCODING_GB18030,
  ENCODING_UTF16LE,
  ENCODING_UTF16BE,
} Encoding;

static const char * const encoding_names[] = {
  "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE",
};

/**
 * ZsCsvReader:
 *
 * Reads a CSV file as exported by spreadsheets (RFC 4180) row by row, with
 * bounded memory.
 *
 * Quoted fields may hold delimiters, `""` escapes and line breaks. A UTF-8
 * byte order mark is skipped. The encoding is UTF-8 or GB18030 (which
 * includes GBK and GB2312); "auto" chooses UTF-8 when the first 64 KB are
 * valid UTF-8 and GB18030 otherwise, and a file with a UTF-16 byte order
 * mark is read as UTF-16. The delimiter is `,`, `;` or tab, chosen from the
 * first records, unless the first line is Excel's `sep=;` hint. Blank lines
 * are skipped. Fields are returned as UTF-8, exactly as written (line
 * breaks inside quoted fields are kept as they are), except for the
 * apostrophe that #ZsCsvWriter puts before a value a spreadsheet would take
 * for a formula: a field of an apostrophe followed by `=`, `+`, `-`, `@`, a
 * tab or a CR (after any further apostrophes, and unless it is a plain
 * number) loses its first apostrophe, so that an export reads back exactly.
 * zs_csv_reader_set_formula_guard() keeps fields as they are.
 *
 * The line of a row is the physical line where its record starts.
 */
struct _ZsCsvReader
{
  GObject       parent_instance;

  GInputStream *stream;
  char         *name;
  goffset       size;
  goffset       bytes_read;

  Encoding      encoding;
  gboolean      encoding_forced;
  gboolean      utf8_bom;
  GIConv        iconv;
  char          delimiter;

  GByteArray   *raw;
  GString      *text;
  gsize         pos;
  gboolean      eof;
  gboolean      decode_failed;

  guint64       line;
  gboolean      after_cr;

  GString      *field;
  gboolean      keep_guard;
  GError       *error;
};

static void zs_csv_reader_row_source_init (ZsRowSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZsCsvReader, zs_csv_reader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZS_TYPE_ROW_SOURCE,
                                                      zs_csv_reader_row_source_init))

static void
zs_csv_reader_finalize (GObject *object)
{
  ZsCsvReader *self = (ZsCsvReader *) object;

  if (self->iconv != (GIConv) -1)
    g_iconv_close (self->iconv);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->raw, g_byte_array_unref);
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);
  if (self->field != NULL)
    g_string_free (g_steal_pointer (&self->field), TRUE);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (zs_csv_reader_parent_class)->finalize (object);
}

static void
zs_csv_reader_class_init (ZsCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zs_csv_reader_finalize;
}

static void
zs_csv_reader_init (ZsCsvReader *self)
{
  self->iconv = (GIConv) -1;
  self->size = -1;
  self->delimiter = ',';
  self->line = 1;
  self->raw = g_byte_array_sized_new (CHUNK_SIZE);
  self->text = g_string_new (NULL);
  self->field = g_string_new (NULL);
}

/* Sets self->error to "“file”, line N: message"; the reader stays failed. */
#define fail_at(self, line, ...) \
  _zs_io_fail_at (&(self)->error, (self)->name, NULL, (line), __VA_ARGS__)

static void
fail_nul (ZsCsvReader *self)
{
  fail_at (self, self->line,
           _("the file contains a NUL byte; it is not a text file, or it is "
             "UTF-16 without a byte order mark"));
}

static void
fail_decode (ZsCsvReader *self)
{
  if (self->raw->len > 0 && self->raw->data[0] == '\0')
    fail_nul (self);
  else if (self->encoding == ENCODING_UTF8 && !self->encoding_forced)
    fail_at (self, self->line,
             _("the text is not valid UTF-8, though the first 64 KB of the file "
               "were; the file mixes encodings, or it should be read as GB18030"));
  else if (self->encoding == ENCODING_UTF8)
    fail_at (self, self->line,
             _("the text is not valid UTF-8; files saved by Chinese versions of "
               "Excel and WPS are usually GB18030"));
  else if (self->encoding == ENCODING_GB18030 && self->utf8_bom)
    fail_at (self, self->line,
             _("the text is not valid GB18030; the file starts with a UTF-8 "
               "byte order mark, so it should be read as UTF-8"));
  else if (self->encoding == ENCODING_GB18030 && !self->encoding_forced)
    fail_at (self, self->line,
             _("the text is neither UTF-8 nor GB18030; it is not a text file, "
               "or it uses another encoding"));
  else
    fail_at (self, self->line, _("the text is not valid %s; choose the encoding "
                                 "the file was saved in"),
             encoding_names[self->encoding]);
}

/* Appends up to CHUNK_SIZE bytes of the stream to raw. */
static gboolean
read_chunk (ZsCsvReader *self)
{
  guint old_len = self->raw->len;
  gssize n;

  g_byte_array_set_size (self->raw, old_len + CHUNK_SIZE);
  n = g_input_stream_read (self->stream, self->raw->data + old_len, CHUNK_SIZE,
                           NULL, self->error == NULL ? &self->error : NULL);
  g_byte_array_set_size (self->raw, old_len + MAX (n, 0));
  if (n < 0)
    return FALSE;
  if (n == 0)
    self->eof = TRUE;
  self->bytes_read += n;
  return TRUE;
}

/* Moves what can be decoded from raw to the end of text. A multibyte
 * sequence split at the end of raw stays there until more bytes come; at a
 * byte that is invalid in the encoding, decoding stops for good and the
 * reader fails once the text before it is parsed, so the error names the
 * line of the bad byte. */
static void
decode (ZsCsvReader *self)
{
  gsize consumed = 0;

  if (self->decode_failed || self->raw->len == 0)
    return;

  if (self->iconv == (GIConv) -1)
    {
      const char *data = (const char *) self->raw->data;
      const char *end;

      if (g_utf8_validate_len (data, self->raw->len, &end))
        consumed = self->raw->len;
      else
        {
          gsize rest;

          consumed = end - data;
          rest = self->raw->len - consumed;
          if (self->eof || rest >= 4 || *end == '\0' ||
              g_utf8_get_char_validated (end, rest) != (gunichar) -2)
            self->decode_failed = TRUE;
        }
      g_string_append_len (self->text, data, consumed);
    }
  else
    {
      char *in = (char *) self->raw->data;
      gsize in_left = self->raw->len;

      while (in_left > 0)
        {
          gsize old_len = self->text->len;
          gsize room = in_left * 2 + 16;
          char *out;
          gsize out_left = room;
          gsize result;
          int saved_errno;

          g_string_set_size (self->text, old_len + room);
          out = self->text->str + old_len;
          result = g_iconv (self->iconv, &in, &in_left, &out, &out_left);
          saved_errno = errno;
          g_string_set_size (self->text, old_len + (room - out_left));

          if (result != (gsize) -1)
            break;
          if (saved_errno == E2BIG)
            continue;
          if (saved_errno != EINVAL || self->eof)
            self->decode_failed = TRUE;
          break;
        }
      consumed = self->raw->len - in_left;
    }

  g_byte_array_remove_range (self->raw, 0, consumed);
}

/* Refills text once all of it is parsed. Returns its first byte,
 * END_OF_INPUT or FAILED. */
static int
fill (ZsCsvReader *self)
{
  g_string_truncate (self->text, 0);
  self->pos = 0;

  while (self->text->len == 0)
    {
      if (self->error != NULL)
        return FAILED;
      if (self->decode_failed)
        {
          fail_decode (self);
          return FAILED;
        }
      if (self->eof)
        return END_OF_INPUT;
      if (!read_chunk (self))
        return FAILED;
      decode (self);
    }

  return (guchar) self->text->str[0];
}

static inline int
peek (ZsCsvReader *self)
{
  if (G_LIKELY (self->pos < self->text->len))
    return (guchar) self->text->str[self->pos];
  return fill (self);
}

/* Consumes the byte peek() returned, counting CR, LF and CRLF as one line
 * break each. */
static inline void
advance (ZsCsvReader *self)
{
  char c = self->text->str[self->pos++];

  if (c == '\n')
    {
      if (!self->after_cr)
        self->line++;
      self->after_cr = FALSE;
    }
  else if (c == '\r')
    {
      self->line++;
      self->after_cr = TRUE;
    }
  else
    self->after_cr = FALSE;
}

static gboolean
append (ZsCsvReader *self,
        int          c,
        guint64      field_line)
{
  if (G_UNLIKELY (self->field->len >= MAX_FIELD_SIZE))
    {
      fail_at (self, field_line,
               _("a field starting here is longer than %d MB; a closing quote is probably missing"),
               MAX_FIELD_SIZE / (1024 * 1024));
      return FALSE;
    }
  g_string_append_c (self->field, c);
  return TRUE;
}

/* Parses one record into @fields. Returns FALSE at the end of the input or
 * with self->error set. */
static gboolean
parse_record (ZsCsvReader *self,
              GPtrArray   *fields,
              guint64     *line)
{
  gsize row_size = 0;
  int c;

  /* Blank lines are skipped. */
  for (;;)
    {
      c = peek (self);
      if (c < 0)
        return FALSE;
      if (c != '\r' && c != '\n')
        break;
      advance (self);
    }

  *line = self->line;

  for (;;)
    {
      guint64 field_line = self->line;
      gboolean end_of_record = FALSE;

      g_string_truncate (self->field, 0);

      if (peek (self) == '"')
        {
          advance (self);
          for (;;)
            {
              c = peek (self);
              if (c == END_OF_INPUT)
                {
                  fail_at (self, field_line,
                           _("a quoted field starts here but its closing quote is missing"));
                  return FALSE;
                }
              if (c == FAILED)
                return FALSE;
              advance (self);
              if (c == '"')
                {
                  if (peek (self) != '"')
                    break;
                  advance (self);
                }
              else if (c == '\0')
                {
                  fail_nul (self);
                  return FALSE;
                }
              if (!append (self, c, field_line))
                return FALSE;
            }
        }

      /* An unquoted field, or what follows a closing quote before the
       * delimiter: kept as it is, like spreadsheets do. */
      for (;;)
        {
          c = peek (self);
          if (c == FAILED)
            return FALSE;
          if (c == END_OF_INPUT)
            {
              end_of_record = TRUE;
              break;
            }
          advance (self);
          if (c == self->delimiter)
            break;
          if (c == '\r' || c == '\n')
            {
              end_of_record = TRUE;
              break;
            }
          if (c == '\0')
            {
              fail_nul (self);
              return FALSE;
            }
          if (!append (self, c, field_line))
            return FALSE;
        }

      if (fields->len >= MAX_FIELDS)
        {
          fail_at (self, *line, _("the row has more than %d fields"), MAX_FIELDS);
          return FALSE;
        }
      row_size += self->field->len;
      if (row_size > MAX_ROW_SIZE)
        {
          /* TRANSLATORS: %d is a number of megabytes */
          fail_at (self, *line, _("the row holds more than %d MB of text"),
                   MAX_ROW_SIZE / (1024 * 1024));
          return FALSE;
        }
      if (!self->keep_guard && _zs_io_formula_guard_present (self->field->str))
        g_ptr_array_add (fields, g_strndup (self->field->str + 1, self->field->len - 1));
      else
        g_ptr_array_add (fields, g_strndup (self->field->str, self->field->len));

      if (end_of_record)
        return TRUE;
    }
}

static char **
zs_csv_reader_read_row (ZsRowSource  *source,
                        guint64      *line,
                        GError      **error)
{
  ZsCsvReader *self = ZS_CSV_READER (source);
  g_autoptr(GPtrArray) fields = NULL;

  if (self->error == NULL)
    {
      fields = g_ptr_array_new_with_free_func (g_free);
      if (parse_record (self, fields, line))
        {
          /* Memory stays bounded whatever the length of the lines. */
          if (self->field->allocated_len > CHUNK_SIZE)
            {
              g_string_free (self->field, TRUE);
              self->field = g_string_new (NULL);
            }
          g_ptr_array_add (fields, NULL);
          return (char **) g_ptr_array_steal (fields, NULL);
        }
    }

  _zs_io_check (self->error, error);
  return NULL;
}

static double
zs_csv_reader_get_fraction (ZsRowSource *source)
{
  ZsCsvReader *self = ZS_CSV_READER (source);

  if (self->eof && self->pos >= self->text->len)
    return 1;
  return _zs_io_fraction (self->bytes_read, self->size);
}

static char *
zs_csv_reader_get_description (ZsRowSource *source)
{
  ZsCsvReader *self = ZS_CSV_READER (source);
  g_autofree char *delimiter = NULL;

  if (self->delimiter == '\t')
    delimiter = g_strdup (_("tab"));
  else
    delimiter = g_strdup_printf ("'%c'", self->delimiter);

  /* TRANSLATORS: e.g. "CSV, GB18030, delimiter ';'" */
  return g_strdup_printf (_("CSV, %s, delimiter %s"),
                          encoding_names[self->encoding], delimiter);
}

static void
zs_csv_reader_row_source_init (ZsRowSourceInterface *iface)
{
  iface->read_row = zs_csv_reader_read_row;
  iface->get_fraction = zs_csv_reader_get_fraction;
  iface->get_description = zs_csv_reader_get_description;
}

static gboolean
parse_encoding (const char *name,
                Encoding   *encoding,
                gboolean   *forced)
{
  *forced = TRUE;
  if (name == NULL || g_ascii_strcasecmp (name, "auto") == 0)
    {
      *forced = FALSE;
      *encoding = ENCODING_UTF8;
    }
  else if (g_ascii_strcasecmp (name, "utf-8") == 0 || g_ascii_strcasecmp (name, "utf8") == 0)
    *encoding = ENCODING_UTF8;
  else if (g_ascii_strcasecmp (name, "gb18030") == 0 ||
           g_ascii_strcasecmp (name, "gbk") == 0 ||
           g_ascii_strcasecmp (name, "gb2312") == 0 ||
           g_ascii_strcasecmp (name, "cp936") == 0)
    *encoding = ENCODING_GB18030;
  else
    return FALSE;
  return TRUE;
}

static gboolean
has_prefix (GByteArray *raw,
            const char *prefix,
            gsize       len)
{
  return raw->len >= len && memcmp (raw->data, prefix, len) == 0;
}

/* Chooses the encoding from the first window of raw bytes and strips a
 * byte order mark. */
static void
detect_encoding (ZsCsvReader *self)
{
  gsize bom = 0;

  self->utf8_bom = has_prefix (self->raw, "\xEF\xBB\xBF", 3);
  if (self->encoding_forced)
    {
      if (self->encoding == ENCODING_UTF8 && has_prefix (self->raw, "\xEF\xBB\xBF", 3))
        bom = 3;
      else if (self->encoding == ENCODING_GB18030 && has_prefix (self->raw, "\x84\x31\x95\x33", 4))
        bom = 4;
    }
  else if (has_prefix (self->raw, "\xEF\xBB\xBF", 3))
    {
      self->encoding = ENCODING_UTF8;
      bom = 3;
    }
  else if (has_prefix (self->raw, "\xFF\xFE", 2))
    {
      self->encoding = ENCODING_UTF16LE;
      bom = 2;
    }
  else if (has_prefix (self->raw, "\xFE\xFF", 2))
    {
      self->encoding = ENCODING_UTF16BE;
      bom = 2;
    }
  else if (has_prefix (self->raw, "\x84\x31\x95\x33", 4))
    {
      self->encoding = ENCODING_GB18030;
      bom = 4;
    }
  else
    {
      const char *data = (const char *) self->raw->data;
      gsize window = MIN (self->raw->len, CHUNK_SIZE);
      const char *end;

      self->encoding = ENCODING_UTF8;
      if (!g_utf8_validate_len (data, window, &end))
        {
          gsize rest = window - (end - data);

          /* A sequence cut by the end of the window is still UTF-8. */
          if ((self->eof && window == self->raw->len) || rest >= 4 || *end == '\0' ||
              g_utf8_get_char_validated (end, rest) != (gunichar) -2)
            self->encoding = ENCODING_GB18030;
        }
    }

  g_byte_array_remove_range (self->raw, 0, bom);
}

/* Counts the candidate delimiters outside quotes in the first records and
 * keeps the one found in the first record, the same number of times in
 * each record, the most times. */
static char
detect_delimiter (const char *text,
                  gsize       len,
                  gboolean    complete)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint first[G_N_ELEMENTS (candidates)] = { 0, };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean consistent[G_N_ELEMENTS (candidates)] = { TRUE, TRUE, TRUE };
  guint records = 0;
  gboolean in_quotes = FALSE;
  gboolean blank = TRUE;
  int best = -1;

  for (gsize i = 0; i <= len && records < DETECT_RECORDS; i++)
    {
      char c;

      if (i == len)
        {
          /* The window may end inside a record: count it only when it is
           * the only one or the file ends there. */
          if (blank || (!complete && records > 0))
            break;
          c = '\n';
          in_quotes = FALSE;
        }
      else
        c = text[i];

      if (c == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes && (c == '\r' || c == '\n'))
        {
          if (!blank)
            {
              for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
                {
                  if (records == 0)
                    first[k] = counts[k];
                  else if (counts[k] != first[k])
                    consistent[k] = FALSE;
                  counts[k] = 0;
                }
              records++;
            }
          blank = TRUE;
          continue;
        }
      else if (!in_quotes)
        {
          for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
            if (c == candidates[k])
              counts[k]++;
        }
      blank = FALSE;
    }

  for (guint pass = 0; pass < 2 && best < 0; pass++)
    for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
      if (first[k] > 0 && (pass == 1 || consistent[k]) &&
          (best < 0 || first[k] > first[best]))
        best = k;

  return best < 0 ? ',' : candidates[best];
}

/* Excel's hint on the first line, "sep=;", possibly quoted. */
static gboolean
read_separator_hint (ZsCsvReader *self)
{
  const char *p = self->text->str + self->pos;
  gsize len = self->text->len - self->pos;
  gsize i = 0;
  char delimiter;

  if (i < len && p[i] == '"')
    i++;
  if (len - i < 5 || g_ascii_strncasecmp (p + i, "sep=", 4) != 0)
    return FALSE;
  i += 4;
  delimiter = p[i++];
  if ((guchar) delimiter >= 0x80 || delimiter == '"' || delimiter == '\r' ||
      delimiter == '\n' || delimiter == '\0')
    return FALSE;
  if (i < len && p[i] == '"')
    i++;
  if (i < len && p[i] != '\r' && p[i] != '\n')
    return FALSE;
  if (i == len && !self->eof)
    return FALSE;

  self->delimiter = delimiter;
  while (peek (self) >= 0 && i-- > 0)
    advance (self);
  return TRUE;
}

static ZsCsvReader *
csv_reader_new (GInputStream  *stream,
                const char    *name,
                goffset        size,
                const char    *encoding,
                GError       **error)
{
  g_autoptr(ZsCsvReader) self = NULL;
  Encoding chosen;
  gboolean forced;

  if (!parse_encoding (encoding, &chosen, &forced))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("Unknown encoding “%s”; use auto, utf-8 or gb18030"), encoding);
      return NULL;
    }

  self = g_object_new (ZS_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  self->name = g_strdup (name);
  self->size = size;
  self->encoding = chosen;
  self->encoding_forced = forced;

  /* The first window decides the encoding and the delimiter. */
  while (!self->eof && self->raw->len < CHUNK_SIZE)
    if (!read_chunk (self))
      {
        g_propagate_error (error, g_steal_pointer (&self->error));
        return NULL;
      }

  detect_encoding (self);
  if (self->encoding != ENCODING_UTF8)
    {
      self->iconv = g_iconv_open ("UTF-8", encoding_names[self->encoding]);
      if (self->iconv == (GIConv) -1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Cannot convert from %s on this system"),
                       encoding_names[self->encoding]);
          return NULL;
        }
    }
  decode (self);

  if (!read_separator_hint (self))
    self->delimiter = detect_delimiter (self->text->str + self->pos,
                                        self->text->len - self->pos,
                                        self->eof && self->raw->len == 0);

  return g_steal_pointer (&self);
}

/**
 * zs_csv_reader_new:
 * @path: a CSV file
 * @encoding: (nullable): "auto" (or %NULL), "utf-8" or "gb18030"
 * @error: return location for a #GError
 *
 * Opens @path and reads its first 64 KB to detect the encoding and the
 * delimiter. Errors in the rest of the file are reported by
 * zs_row_source_read_row() with the line where they are.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set (a
 *   #GIOErrorEnum if the file cannot be read, %ZS_ERROR_INVALID for an
 *   unknown @encoding)
 */
ZsCsvReader *
zs_csv_reader_new (const char  *path,
                   const char  *encoding,
                   GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *name = NULL;
  goffset size;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = _zs_io_open_file (path, &size, error);
  if (stream == NULL)
    return NULL;

  name = g_filename_display_name (path);
  return csv_reader_new (stream, name, size, encoding, error);
}

/**
 * zs_csv_reader_new_for_stream:
 * @stream: the CSV data
 * @encoding: (nullable): "auto" (or %NULL), "utf-8" or "gb18030"
 * @error: return location for a #GError
 *
 * Like zs_csv_reader_new(), for data that is not in a file. The reader
 * reads @stream with blocking calls and does not close it.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set
 */
ZsCsvReader *
zs_csv_reader_new_for_stream (GInputStream  *stream,
                              const char    *encoding,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* TRANSLATORS: how data read from a stream is named in error messages */
  return csv_reader_new (stream, _("input"), -1, encoding, error);
}

/**
 * zs_csv_reader_set_formula_guard:
 * @self: a #ZsCsvReader
 * @guard: whether to remove the apostrophe written before values that a
 *   spreadsheet would take for formulas (the default), or keep every field
 *   as it is
 *
 * See #ZsCsvReader and zs_csv_writer_set_formula_guard().
 */
void
zs_csv_reader_set_formula_guard (ZsCsvReader *self,
                                 gboolean     guard)
{
  g_return_if_fail (ZS_IS_CSV_READER (self));

  self->keep_guard = !guard;
}
