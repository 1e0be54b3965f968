/* zs-xlsx-reader.c: Excel workbooks read row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "zs-io-private.h"
#include "zs-xml-guard.h"
#include "zs-xlsx-reader.h"

/* The limits of Excel: columns A to XFD. */
#define MAX_COLUMNS 16384

/* Limits against decompression bombs, which keep memory bounded: the text
 * of the shared strings held in memory (each string also counts the
 * pointer to it), the text of one row, the bytes of XML decompressed from
 * the parts read, and how much larger than the whole file one part may
 * grow (checked once a part is past MIN_RATIO_CHECK). */
#define MAX_SHARED_SIZE     (64 * 1024 * 1024)
#define MAX_ROW_SIZE        ZS_IO_MAX_ROW_SIZE
#define MAX_TOTAL_XML       (G_GUINT64_CONSTANT (4) * 1024 * 1024 * 1024)
#define MAX_RATIO           100
#define MIN_RATIO_CHECK     (16 * 1024 * 1024)

#define REL_NS        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

typedef struct {
  char *name;
  char *rel_id;
} Sheet;

/**
 * ZsXlsxReader:
 *
 * Reads one sheet of an Excel workbook (.xlsx) row by row. The sheet is
 * parsed as it is decompressed, so memory does not grow with the number of
 * rows (the shared strings of the workbook are held in memory).
 *
 * Cells become text: shared, inline and formula strings as they are
 * (rich-text runs joined, phonetic guides dropped); numbers in their
 * shortest exact form, integers without a decimal point; booleans as
 * `TRUE` and `FALSE`, as Excel shows them; error values such as `#N/A` as
 * empty fields. Dates and times stay numbers (Excel serial days, as stored
 * in the file), since only the cell style tells a date from a number.
 *
 * Cells are placed in their column, with empty fields for gaps; trailing
 * empty cells are dropped and rows without a value are skipped. The line of
 * a row is its row number in the sheet.
 */
struct _ZsXlsxReader
{
  GObject           parent_instance;

  char             *name;
  GsfInfile        *zip;
  GArray           *sheets;
  Sheet            *sheet;

  GStringChunk     *shared_chunk;
  GPtrArray        *shared;
  gsize             shared_size;

  goffset           file_size;
  guint64           total_xml;
  guint64           part_xml;
  ZsXmlGuard        guard;
  char             *limit_error;

  char             *part;
  GsfInput         *input;
  xmlTextReaderPtr  reader;
  char             *xml_error;
  int               xml_error_line;

  guint64           first_row;
  guint64           last_row;
  guint64           row;
  gboolean          done;

  GPtrArray        *cells;
  GString          *value;
  GError           *error;
};

static void zs_xlsx_reader_row_source_init (ZsRowSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZsXlsxReader, zs_xlsx_reader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZS_TYPE_ROW_SOURCE,
                                                      zs_xlsx_reader_row_source_init))

static void
sheet_clear (gpointer data)
{
  Sheet *sheet = data;

  g_clear_pointer (&sheet->name, g_free);
  g_clear_pointer (&sheet->rel_id, g_free);
}

static void
zs_xlsx_reader_finalize (GObject *object)
{
  ZsXlsxReader *self = (ZsXlsxReader *) object;

  g_clear_pointer (&self->reader, xmlFreeTextReader);
  g_clear_object (&self->input);
  g_clear_object (&self->zip);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->part, g_free);
  g_clear_pointer (&self->xml_error, g_free);
  g_clear_pointer (&self->limit_error, g_free);
  g_clear_pointer (&self->sheets, g_array_unref);
  g_clear_pointer (&self->shared, g_ptr_array_unref);
  g_clear_pointer (&self->shared_chunk, g_string_chunk_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  if (self->value != NULL)
    g_string_free (g_steal_pointer (&self->value), TRUE);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (zs_xlsx_reader_parent_class)->finalize (object);
}

static void
zs_xlsx_reader_class_init (ZsXlsxReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zs_xlsx_reader_finalize;
}

static void
zs_xlsx_reader_init (ZsXlsxReader *self)
{
  self->sheets = g_array_new (FALSE, TRUE, sizeof (Sheet));
  g_array_set_clear_func (self->sheets, sheet_clear);
  self->shared_chunk = g_string_chunk_new (64 * 1024);
  self->shared = g_ptr_array_new ();
  self->cells = g_ptr_array_new_with_free_func (g_free);
  self->value = g_string_new (NULL);
}

/* Sets self->error, unless already set, to "“file”: message" or, for a
 * row of the sheet, "“file”, sheet “name”, row N: message". */
#define fail(self, ...) \
  _zs_io_fail_at (&(self)->error, (self)->name, NULL, 0, __VA_ARGS__)
#define fail_at_row(self, row, ...) \
  _zs_io_fail_at (&(self)->error, (self)->name, (self)->sheet->name, (row), __VA_ARGS__)

/* Parts of the package */

/* Opens a part by its name in the package, e.g. "xl/workbook.xml". Names
 * are matched without regard to case, as OPC requires. */
static GsfInput *
open_part (ZsXlsxReader *self,
           const char   *part)
{
  g_auto(GStrv) segments = g_strsplit (part, "/", -1);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GsfInput *current;

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (path->len > 0)
            g_ptr_array_remove_index (path, path->len - 1);
          continue;
        }
      g_ptr_array_add (path, segments[i]);
    }
  if (path->len == 0)
    return NULL;

  current = g_object_ref (GSF_INPUT (self->zip));
  for (guint i = 0; current != NULL && i < path->len; i++)
    {
      const char *segment = g_ptr_array_index (path, i);
      GsfInput *child = NULL;

      if (GSF_IS_INFILE (current))
        {
          GsfInfile *dir = GSF_INFILE (current);

          child = gsf_infile_child_by_name (dir, segment);
          for (int k = 0; child == NULL && k < gsf_infile_num_children (dir); k++)
            {
              const char *name = gsf_infile_name_by_index (dir, k);

              if (name != NULL && g_ascii_strcasecmp (name, segment) == 0)
                child = gsf_infile_child_by_index (dir, k);
            }
        }
      g_object_unref (current);
      current = child;
    }

  /* A directory is not a part. */
  if (current != NULL && GSF_IS_INFILE (current) &&
      gsf_infile_num_children (GSF_INFILE (current)) >= 0)
    g_clear_object (&current);
  return current;
}

/* The directory part of a part name, with a trailing slash, or "". */
static char *
part_dir (const char *part)
{
  const char *slash = strrchr (part, '/');

  return slash != NULL ? g_strndup (part, slash - part + 1) : g_strdup ("");
}

/* A relationship's target, relative to the part holding the relationship. */
static char *
resolve_target (const char *source_part,
                const char *target)
{
  g_autofree char *unescaped = g_uri_unescape_string (target, NULL);
  g_autofree char *dir = NULL;

  if (unescaped == NULL)
    unescaped = g_strdup (target);
  if (unescaped[0] == '/')
    return g_strdup (unescaped + 1);
  dir = part_dir (source_part);
  return g_strconcat (dir, unescaped, NULL);
}

/* The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
static char *
rels_part (const char *part)
{
  g_autofree char *dir = part_dir (part);

  return g_strconcat (dir, "_rels/", part + strlen (dir), ".rels", NULL);
}

/* XML through libxml2's streaming reader */

G_GNUC_PRINTF (2, 3)
static void
refuse_bomb (ZsXlsxReader *self,
             const char   *format,
             ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: the reason, e.g. its parts hold more than 4 GB of XML */
  self->limit_error = g_strdup_printf (_("refused as a possible decompression bomb: %s"), reason);
}

/* The input of the part being parsed. The reader holds the ZsXlsxReader
 * by a plain pointer: the ZsXlsxReader frees it first. */
static int
xml_read (void *context,
          char *buffer,
          int   len)
{
  ZsXlsxReader *self = context;
  GsfInput *input = self->input;
  gsf_off_t remaining = gsf_input_remaining (input);
  gsize n = MIN ((gsf_off_t) len, remaining);
  ZsXmlGuardVerdict verdict;

  if (n == 0 || self->limit_error != NULL)
    return 0;
  if (gsf_input_read (input, n, (guint8 *) buffer) == NULL)
    return -1;

  self->total_xml += n;
  self->part_xml += n;
  verdict = zs_xml_guard_feed (&self->guard, buffer, n);

  if (self->total_xml > MAX_TOTAL_XML)
    /* TRANSLATORS: %d is a number of gigabytes */
    refuse_bomb (self, _("its parts hold more than %d GB of XML"), (int) (MAX_TOTAL_XML >> 30));
  else if (self->part_xml > MIN_RATIO_CHECK && self->file_size > 0 &&
           self->part_xml / MAX_RATIO > (guint64) self->file_size)
    /* TRANSLATORS: %s is a part of the workbook, %d a ratio such as 100 */
    refuse_bomb (self, _("the part %s decompresses to more than %d times the size of the file"),
                 self->part, MAX_RATIO);
  else if (verdict == ZS_XML_GUARD_TEXT)
    /* TRANSLATORS: %s is a part of the workbook, %d a number of megabytes */
    refuse_bomb (self, _("the part %s holds a text longer than %d MB"),
                 self->part, ZS_IO_MAX_XML_TEXT / (1024 * 1024));
  else if (verdict == ZS_XML_GUARD_DOCTYPE)
    /* TRANSLATORS: %s is a part of the workbook; a DTD is <!DOCTYPE …> in XML */
    self->limit_error = g_strdup_printf (_("the part %s holds a document type declaration (DTD), "
                                           "which spreadsheet programs never write and whose "
                                           "entities can make reading endless"), self->part);
  else if (verdict == ZS_XML_GUARD_ATTRIBUTES)
    /* TRANSLATORS: %s is a part of the workbook, %d a number such as 1000 */
    self->limit_error = g_strdup_printf (_("the part %s has an element with more than %d "
                                           "attributes, which spreadsheet programs never write"),
                                         self->part, ZS_XML_GUARD_MAX_ATTRIBUTES);
  else if (verdict == ZS_XML_GUARD_MARKUP)
    /* TRANSLATORS: %s is a part of the workbook, %d a number of megabytes */
    self->limit_error = g_strdup_printf (_("the part %s holds a tag, comment or reference longer "
                                           "than %d MB, which spreadsheet programs never write"),
                                         self->part, ZS_XML_GUARD_MAX_MARKUP / (1024 * 1024));

  /* The end of the input, for libxml2: the error is reported by xml_next(). */
  return self->limit_error != NULL ? 0 : (int) n;
}

static void
xml_error (void        *data,
           xmlErrorPtr  error)
{
  ZsXlsxReader *self = data;

  if (self->xml_error != NULL || error == NULL || error->level < XML_ERR_ERROR)
    return;
  self->xml_error = g_strstrip (g_strdup (error->message != NULL ? error->message : "?"));
  self->xml_error_line = error->line;
}

/* Starts parsing @part; self->reader then reads it. */
static gboolean
open_xml (ZsXlsxReader *self,
          const char   *part)
{
  GsfInput *input = open_part (self, part);

  g_clear_pointer (&self->reader, xmlFreeTextReader);
  g_clear_object (&self->input);
  g_clear_pointer (&self->xml_error, g_free);
  g_free (self->part);
  self->part = g_strdup (part);

  if (input == NULL)
    {
      fail (self, _("the part %s is missing; the file is damaged or not an Excel workbook"), part);
      return FALSE;
    }

  self->input = input;
  self->part_xml = 0;
  zs_xml_guard_init (&self->guard, ZS_IO_MAX_XML_TEXT);
  /* XML_PARSE_HUGE lets a cell's text be as long as ZS_IO_MAX_CELL_SIZE;
   * xml_read() keeps every text under ZS_IO_MAX_XML_TEXT. */
  self->reader = xmlReaderForIO (xml_read, NULL, self, part, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
                                 XML_PARSE_HUGE);
  if (self->reader == NULL)
    {
      fail (self, _("cannot parse the part %s"), part);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (self->reader, xml_error, self);
  return TRUE;
}

/* Reads the next node: TRUE on a node, FALSE at the end or on error. */
static gboolean
xml_next (ZsXlsxReader *self)
{
  int ret = xmlTextReaderRead (self->reader);

  if (ret == 1 && self->limit_error == NULL)
    return TRUE;
  if (self->limit_error != NULL)
    {
      fail (self, "%s", self->limit_error);
      return FALSE;
    }
  if (ret < 0 || self->xml_error != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s:%d", self->part, self->xml_error_line);

      /* TRANSLATORS: a part of the workbook, e.g. xl/worksheets/sheet1.xml:3, and the XML error */
      fail (self, _("the part %s is damaged: %s"), where,
            self->xml_error != NULL ? self->xml_error : _("cannot be read"));
    }
  return FALSE;
}

static inline gboolean
is_element (ZsXlsxReader *self,
            const char   *name)
{
  return xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (self->reader), name) == 0;
}

static inline gboolean
is_end_element (ZsXlsxReader *self,
                const char   *name)
{
  return xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_END_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (self->reader), name) == 0;
}

static inline gboolean
is_text (ZsXlsxReader *self)
{
  switch (xmlTextReaderNodeType (self->reader))
    {
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      return TRUE;
    default:
      return FALSE;
    }
}

static char *
get_attribute (ZsXlsxReader *self,
               const char   *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (self->reader, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The r:id of a <sheet>, transitional or strict. */
static char *
get_rel_id (ZsXlsxReader *self)
{
  static const char * const namespaces[] = { REL_NS, REL_NS_STRICT };

  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    {
      xmlChar *value = xmlTextReaderGetAttributeNs (self->reader, (const xmlChar *) "id",
                                                    (const xmlChar *) namespaces[i]);
      if (value != NULL)
        {
          char *copy = g_strdup ((const char *) value);

          xmlFree (value);
          return copy;
        }
    }
  return NULL;
}

/* Excel writes characters that XML cannot hold as _xHHHH_, and a literal
 * "_x" sequence as _x005F_x. */
static void
unescape_ooxml (GString *text)
{
  gsize i = 0;

  if (strstr (text->str, "_x") == NULL)
    return;

  while (i + 7 <= text->len)
    {
      const char *p = text->str + i;

      if (p[0] == '_' && p[1] == 'x' && p[6] == '_' &&
          g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]))
        {
          gunichar c = (g_ascii_xdigit_value (p[2]) << 12) | (g_ascii_xdigit_value (p[3]) << 8) |
                       (g_ascii_xdigit_value (p[4]) << 4) | g_ascii_xdigit_value (p[5]);
          char utf8[6];
          int len;

          if (c != 0 && g_unichar_validate (c))
            {
              len = g_unichar_to_utf8 (c, utf8);
              g_string_erase (text, i, 7);
              g_string_insert_len (text, i, utf8, len);
              i += len;
              continue;
            }
        }
      i++;
    }
}

/* Reads the relationships of @source_part: Id → target part. The target of
 * the first relationship whose type ends with @type_suffix is also
 * returned in @typed_target. */
static GHashTable *
read_relationships (ZsXlsxReader  *self,
                    const char    *source_part,
                    const char    *type_suffix,
                    char         **typed_target)
{
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *part = rels_part (source_part);

  if (!open_xml (self, part))
    return NULL;

  while (xml_next (self))
    {
      g_autofree char *id = NULL;
      g_autofree char *target = NULL;
      g_autofree char *type = NULL;
      g_autofree char *mode = NULL;

      if (!is_element (self, "Relationship"))
        continue;
      id = get_attribute (self, "Id");
      target = get_attribute (self, "Target");
      type = get_attribute (self, "Type");
      mode = get_attribute (self, "TargetMode");
      if (id == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
        continue;
      if (*typed_target == NULL && type != NULL && g_str_has_suffix (type, type_suffix))
        *typed_target = resolve_target (source_part, target);
      g_hash_table_insert (targets, g_steal_pointer (&id), resolve_target (source_part, target));
    }
  if (self->error != NULL)
    {
      /* a caller falls back to the usual part: nothing found counts */
      g_clear_pointer (typed_target, g_free);
      return NULL;
    }
  return g_steal_pointer (&targets);
}

static gboolean
read_workbook (ZsXlsxReader *self,
               const char   *part)
{
  if (!open_xml (self, part))
    return FALSE;

  while (xml_next (self))
    {
      Sheet sheet = { NULL, };

      if (!is_element (self, "sheet"))
        continue;
      sheet.name = get_attribute (self, "name");
      sheet.rel_id = get_rel_id (self);
      if (sheet.name == NULL || sheet.rel_id == NULL)
        {
          sheet_clear (&sheet);
          continue;
        }
      g_array_append_val (self->sheets, sheet);
    }
  return self->error == NULL;
}

/* Appends the text node being read to self->value, up to the longest cell
 * we accept; @row is the row of the cell, or 0 in the shared strings. */
static gboolean
append_value (ZsXlsxReader *self,
              guint64       row)
{
  const char *text = (const char *) xmlTextReaderConstValue (self->reader);
  gsize len = text != NULL ? strlen (text) : 0;

  if (self->value->len + len > ZS_IO_MAX_CELL_SIZE)
    {
      /* TRANSLATORS: %d is a number of megabytes */
      if (row > 0)
        fail_at_row (self, row, _("a cell holds more than %d MB of text"),
                     ZS_IO_MAX_CELL_SIZE / (1024 * 1024));
      else
        fail (self, _("a shared string holds more than %d MB of text"),
              ZS_IO_MAX_CELL_SIZE / (1024 * 1024));
      return FALSE;
    }
  g_string_append_len (self->value, text, len);
  return TRUE;
}

static gboolean
add_shared_string (ZsXlsxReader *self,
                   const char   *text)
{
  self->shared_size += strlen (text) + 1 + sizeof (gpointer);
  if (self->shared_size > MAX_SHARED_SIZE)
    {
      /* TRANSLATORS: %d is a number of megabytes */
      fail (self, _("its shared strings hold more than %d MB of text; save the sheet as "
                    "CSV (UTF-8) and import that file"), MAX_SHARED_SIZE / (1024 * 1024));
      return FALSE;
    }
  g_ptr_array_add (self->shared, g_string_chunk_insert_const (self->shared_chunk, text));
  return TRUE;
}

static gboolean
read_shared_strings (ZsXlsxReader *self,
                     const char   *part)
{
  gboolean in_si = FALSE;
  gboolean in_phonetic = FALSE;
  gboolean collecting = FALSE;

  if (!open_xml (self, part))
    return FALSE;

  while (xml_next (self))
    {
      gboolean empty = xmlTextReaderIsEmptyElement (self->reader);

      if (is_element (self, "si"))
        {
          g_string_truncate (self->value, 0);
          in_si = !empty;
          if (empty)
            {
              if (!add_shared_string (self, ""))
                return FALSE;
            }
        }
      else if (is_element (self, "rPh"))
        in_phonetic = !empty;
      else if (is_end_element (self, "rPh"))
        in_phonetic = FALSE;
      else if (is_element (self, "t"))
        collecting = in_si && !in_phonetic && !empty;
      else if (is_end_element (self, "t"))
        collecting = FALSE;
      else if (collecting && is_text (self))
        {
          if (!append_value (self, 0))
            return FALSE;
        }
      else if (is_end_element (self, "si") && in_si)
        {
          unescape_ooxml (self->value);
          if (!add_shared_string (self, self->value->str))
            return FALSE;
          in_si = FALSE;
        }
    }
  return self->error == NULL;
}

/* "C5" → column 2 (from 0) and row 5; either may be absent. */
static gboolean
parse_cell_ref (const char *ref,
                guint      *column,
                guint64    *row)
{
  const char *p = ref;
  guint64 c = 0;

  while (g_ascii_isalpha (*p))
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (c > MAX_COLUMNS)
        return FALSE;
      p++;
    }
  if (column != NULL)
    {
      if (p == ref)
        return FALSE;
      *column = c - 1;
    }
  if (row != NULL)
    {
      if (*p == '$')
        p++;
      if (!g_ascii_string_to_unsigned (p, 10, 1, G_MAXUINT32, row, NULL))
        return FALSE;
    }
  return TRUE;
}

/* A number cell's value as text; what does not parse as a finite number
 * is kept as it is. */
static char *
format_number (const char *text)
{
  char *end;
  double value;

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || value != value || value - value != 0)
    return g_strdup (text);

  return _zs_io_format_double (value);
}

static gboolean
cell_text (ZsXlsxReader  *self,
           const char    *type,
           guint64        row,
           char         **text)
{
  const char *value = self->value->str;

  if (type == NULL || strcmp (type, "n") == 0)
    *text = value[0] != '\0' ? format_number (g_strstrip (self->value->str)) : g_strdup ("");
  else if (strcmp (type, "s") == 0)
    {
      guint64 index;

      if (value[0] == '\0')
        *text = g_strdup ("");
      else if (g_ascii_string_to_unsigned (g_strstrip (self->value->str), 10, 0,
                                           self->shared->len == 0 ? 0 : self->shared->len - 1,
                                           &index, NULL) && self->shared->len > 0)
        *text = g_strdup (g_ptr_array_index (self->shared, index));
      else
        {
          fail_at_row (self, row, _("the shared string %s does not exist"), value);
          return FALSE;
        }
    }
  else if (strcmp (type, "b") == 0)
    *text = g_strdup (value[0] == '\0' ? "" : strcmp (value, "0") == 0 ? "FALSE" : "TRUE");
  else if (strcmp (type, "e") == 0)
    *text = g_strdup ("");
  else
    {
      /* inlineStr, str (a formula's text) and d (an ISO 8601 date) */
      unescape_ooxml (self->value);
      *text = g_strdup (self->value->str);
    }
  return TRUE;
}

/* Moves the reader to <sheetData>, noting the <dimension> on the way. */
static gboolean
open_sheet (ZsXlsxReader *self,
            const char   *part)
{
  if (!open_xml (self, part))
    return FALSE;

  while (xml_next (self))
    {
      if (is_element (self, "dimension"))
        {
          g_autofree char *ref = get_attribute (self, "ref");
          g_auto(GStrv) ends = g_strsplit (ref != NULL ? ref : "", ":", 2);
          guint64 first = 0;
          guint64 last = 0;

          if (ends[0] != NULL && parse_cell_ref (ends[0], NULL, &first) &&
              (ends[1] == NULL || parse_cell_ref (ends[1], NULL, &last)))
            {
              self->first_row = first;
              self->last_row = MAX (first, last);
            }
        }
      else if (is_element (self, "sheetData"))
        {
          if (xmlTextReaderIsEmptyElement (self->reader))
            self->done = TRUE;
          return TRUE;
        }
    }
  self->done = TRUE;
  return self->error == NULL;
}

static char **
zs_xlsx_reader_read_row (ZsRowSource  *source,
                         guint64      *line,
                         GError      **error)
{
  ZsXlsxReader *self = ZS_XLSX_READER (source);
  g_autofree char *type = NULL;
  gboolean in_cell = FALSE;
  gboolean in_inline = FALSE;
  gboolean in_phonetic = FALSE;
  gboolean collecting = FALSE;
  gboolean in_row = FALSE;
  guint column = 0;
  guint next_column = 0;
  gsize row_size = 0;

  while (self->error == NULL && !self->done && xml_next (self))
    {
      gboolean empty = xmlTextReaderIsEmptyElement (self->reader);

      if (is_element (self, "row"))
        {
          g_autofree char *r = get_attribute (self, "r");
          guint64 number;

          if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT32, &number, NULL))
            self->row = number;
          else
            self->row++;
          g_ptr_array_set_size (self->cells, 0);
          next_column = 0;
          row_size = 0;
          in_row = !empty;
        }
      else if (in_row && is_element (self, "c"))
        {
          g_autofree char *r = get_attribute (self, "r");

          if (r == NULL)
            column = next_column;
          else if (!parse_cell_ref (r, &column, NULL))
            {
              fail_at_row (self, self->row, _("the cell reference “%s” is not valid"), r);
              break;
            }
          if (column >= MAX_COLUMNS)
            {
              fail_at_row (self, self->row, _("the row has more than %d columns"), MAX_COLUMNS);
              break;
            }
          next_column = column + 1;
          g_free (type);
          type = get_attribute (self, "t");
          g_string_truncate (self->value, 0);
          in_cell = !empty;
          in_inline = in_phonetic = collecting = FALSE;
        }
      else if (in_cell && is_element (self, "v"))
        collecting = !empty;
      else if (in_cell && is_element (self, "is"))
        in_inline = !empty;
      else if (in_cell && is_element (self, "rPh"))
        in_phonetic = !empty;
      else if (in_cell && is_element (self, "t"))
        collecting = in_inline && !in_phonetic && !empty;
      else if (collecting && is_text (self))
        {
          if (!append_value (self, self->row))
            break;
        }
      else if (is_end_element (self, "v") || is_end_element (self, "t"))
        collecting = FALSE;
      else if (is_end_element (self, "rPh"))
        in_phonetic = FALSE;
      else if (is_end_element (self, "is"))
        in_inline = FALSE;
      else if (in_cell && is_end_element (self, "c"))
        {
          char *text = NULL;

          in_cell = collecting = FALSE;
          if (!cell_text (self, type, self->row, &text))
            break;
          if (text[0] == '\0')
            {
              g_free (text);
              continue;
            }
          row_size += strlen (text);
          if (row_size > MAX_ROW_SIZE)
            {
              g_free (text);
              /* TRANSLATORS: %d is a number of megabytes */
              fail_at_row (self, self->row, _("the row holds more than %d MB of text"),
                           MAX_ROW_SIZE / (1024 * 1024));
              break;
            }
          if (column >= self->cells->len)
            g_ptr_array_set_size (self->cells, column + 1);
          g_free (g_ptr_array_index (self->cells, column));
          g_ptr_array_index (self->cells, column) = text;
        }
      else if (in_row && is_end_element (self, "row"))
        {
          in_row = FALSE;
          if (self->cells->len == 0)
            continue;
          for (guint i = 0; i < self->cells->len; i++)
            if (g_ptr_array_index (self->cells, i) == NULL)
              g_ptr_array_index (self->cells, i) = g_strdup ("");
          g_ptr_array_add (self->cells, NULL);
          *line = self->row;
          return (char **) g_ptr_array_steal (self->cells, NULL);
        }
      else if (is_end_element (self, "sheetData"))
        self->done = TRUE;
    }

  if (_zs_io_check (self->error, error))
    self->done = TRUE;
  return NULL;
}

static double
zs_xlsx_reader_get_fraction (ZsRowSource *source)
{
  ZsXlsxReader *self = ZS_XLSX_READER (source);

  if (self->done)
    return 1;
  if (self->last_row > self->first_row && self->first_row > 0)
    return CLAMP ((double) ((gint64) self->row - (gint64) self->first_row + 1) /
                  (double) (self->last_row - self->first_row + 1), 0, 1);
  if (self->input == NULL)
    return 0;
  return _zs_io_fraction (gsf_input_tell (self->input), gsf_input_size (self->input));
}

static char *
zs_xlsx_reader_get_description (ZsRowSource *source)
{
  ZsXlsxReader *self = ZS_XLSX_READER (source);

  /* TRANSLATORS: e.g. XLSX, sheet “Sheet1” */
  return g_strdup_printf (_("XLSX, sheet “%s”"), self->sheet->name);
}

static void
zs_xlsx_reader_row_source_init (ZsRowSourceInterface *iface)
{
  iface->read_row = zs_xlsx_reader_read_row;
  iface->get_fraction = zs_xlsx_reader_get_fraction;
  iface->get_description = zs_xlsx_reader_get_description;
}

static Sheet *
find_sheet (ZsXlsxReader *self,
            const char   *name)
{
  g_autofree char *folded = NULL;

  if (self->sheets->len == 0)
    return NULL;
  if (name == NULL)
    return &g_array_index (self->sheets, Sheet, 0);

  for (guint i = 0; i < self->sheets->len; i++)
    if (strcmp (g_array_index (self->sheets, Sheet, i).name, name) == 0)
      return &g_array_index (self->sheets, Sheet, i);

  /* Excel compares sheet names without regard to case. */
  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < self->sheets->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_array_index (self->sheets, Sheet, i).name, -1);

      if (strcmp (folded, other) == 0)
        return &g_array_index (self->sheets, Sheet, i);
    }
  return NULL;
}

static gboolean
zs_xlsx_reader_open (ZsXlsxReader  *self,
                     const char    *path,
                     const char    *sheet_name)
{
  GsfInput *input;
  g_autoptr(GHashTable) package_rels = NULL;
  g_autoptr(GHashTable) workbook_rels = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *shared_strings = NULL;
  GError *error = NULL;
  const char *target;

  input = gsf_input_stdio_new (path, &error);
  if (input != NULL)
    self->file_size = gsf_input_size (input);
  if (input == NULL)
    {
      /* libgsf reports a missing or unreadable file in G_FILE_ERROR. */
      if (error != NULL && error->domain == G_FILE_ERROR)
        {
          self->error = g_error_new_literal (G_IO_ERROR, g_io_error_from_file_error (error->code),
                                             error->message);
          g_error_free (error);
        }
      else if (error != NULL)
        self->error = error;
      else
        fail (self, _("cannot be opened"));
      return FALSE;
    }

  self->zip = gsf_infile_zip_new (input, &error);
  g_object_unref (input);
  if (self->zip == NULL)
    {
      fail (self, _("not an Excel workbook (.xlsx): %s"),
            error != NULL ? error->message : _("not a zip archive"));
      g_clear_error (&error);
      return FALSE;
    }

  package_rels = read_relationships (self, "", "/officeDocument", &workbook);
  if (package_rels == NULL)
    {
      g_clear_error (&self->error);
      workbook = g_strdup ("xl/workbook.xml");
    }
  else if (workbook == NULL)
    workbook = g_strdup ("xl/workbook.xml");

  if (!read_workbook (self, workbook))
    return FALSE;
  workbook_rels = read_relationships (self, workbook, "/sharedStrings", &shared_strings);
  if (workbook_rels == NULL)
    return FALSE;

  if (self->sheets->len == 0)
    {
      fail (self, _("the workbook has no sheets"));
      return FALSE;
    }

  self->sheet = find_sheet (self, sheet_name);
  if (self->sheet == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < self->sheets->len; i++)
        g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                                g_array_index (self->sheets, Sheet, i).name);
      fail (self, _("there is no sheet “%s”; the sheets are %s"), sheet_name, names->str);
      return FALSE;
    }

  if (shared_strings != NULL && !read_shared_strings (self, shared_strings))
    return FALSE;

  target = g_hash_table_lookup (workbook_rels, self->sheet->rel_id);
  if (target == NULL)
    {
      fail (self, _("the sheet “%s” has no part; the file is damaged"), self->sheet->name);
      return FALSE;
    }
  return open_sheet (self, target);
}

/**
 * zs_xlsx_reader_new:
 * @path: an .xlsx file
 * @sheet: (nullable): the name of the sheet to read, %NULL for the first
 * @error: return location for a #GError
 *
 * Opens a sheet of a workbook. The shared strings are read now; the rows
 * are read by zs_row_source_read_row().
 *
 * Returns: (transfer full): the reader, or %NULL with @error set: a
 *   #GIOErrorEnum if the file cannot be read, %ZS_ERROR_INVALID if it is not
 *   a workbook or has no sheet named @sheet (the message lists the sheets)
 */
ZsXlsxReader *
zs_xlsx_reader_new (const char  *path,
                    const char  *sheet,
                    GError     **error)
{
  g_autoptr(ZsXlsxReader) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ZS_TYPE_XLSX_READER, NULL);
  self->name = g_filename_display_name (path);
  if (!zs_xlsx_reader_open (self, path, sheet))
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * zs_xlsx_reader_get_sheet_name:
 * @self: a #ZsXlsxReader
 *
 * Returns: the name of the sheet being read
 */
const char *
zs_xlsx_reader_get_sheet_name (ZsXlsxReader *self)
{
  g_return_val_if_fail (ZS_IS_XLSX_READER (self), NULL);

  return self->sheet->name;
}

/**
 * zs_xlsx_reader_list_sheets:
 * @self: a #ZsXlsxReader
 *
 * Returns: (transfer full) (array zero-terminated=1): the names of the
 *   sheets of the workbook, in order
 */
char **
zs_xlsx_reader_list_sheets (ZsXlsxReader *self)
{
  GStrvBuilder *builder;
  char **names;

  g_return_val_if_fail (ZS_IS_XLSX_READER (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->sheets->len; i++)
    g_strv_builder_add (builder, g_array_index (self->sheets, Sheet, i).name);
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}
