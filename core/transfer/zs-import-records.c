/* zs-import-records.c: import and export of records of any record type
 *
 * A declared type's columns are its fields: a column is mapped by the
 * field's name or its label (translated or not, in any case and without
 * blanks), and values are read by the field's kind. An export writes the
 * labels as headers, so export then import gives the same records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zs-export.h"
#include "zs-import-private.h"
#include "zs-csv-writer.h"
#include "zs-error.h"
#include "zs-row-sink.h"
#include "zs-store-generic.h"

#define PAGE_SIZE 5000

/* The readers' limit (core/io): an export must import again. */
#define MAX_CELL_BYTES (12 * 1024 * 1024)

static char *
normalise_header (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *nfkc = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  for (const char *p = nfkc; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '_' && c != '-')
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * _zs_import_type_fields_new: (skip)
 * @type: a record type
 * @strings: holds the strings the fields point to
 *
 * Returns: (transfer full): the import fields of @type, ended by one with
 *   a %NULL field; `id` is a column of our exports that is not read
 */
ZsImportField *
_zs_import_type_fields_new (ZsRecordType *type,
                            GPtrArray    *strings)
{
  GPtrArray *specs = zs_record_type_get_fields (type);
  ZsImportField *fields = g_new0 (ZsImportField, specs->len + 2);
  guint n = 0;

  fields[n++] = (ZsImportField) { "id", NULL, ZS_IMPORT_KIND_IGNORED, "id|ID|编号" };
  for (guint i = 0; i < specs->len; i++)
    {
      ZsFieldSpec *spec = g_ptr_array_index (specs, i);
      const char *label = zs_field_spec_get_label (spec);
      char *synonyms = g_strdup (label != NULL ? label : "");

      if (g_str_equal (zs_field_spec_get_name (spec), "id") ||
          g_str_equal (zs_field_spec_get_name (spec), "version"))
        {
          g_free (synonyms);
          continue;
        }
      g_ptr_array_add (strings, synonyms);
      fields[n++] = (ZsImportField) {
        zs_field_spec_get_name (spec), zs_field_spec_get_property_name (spec),
        ZS_IMPORT_KIND_RECORD_FIELD, synonyms
      };
    }
  return fields;
}

const ZsImportField *
_zs_import_type_find_field (const ZsImportField *fields,
                            const char          *name)
{
  for (const ZsImportField *f = fields; f->field != NULL; f++)
    if (g_str_equal (f->field, name))
      return f;
  return NULL;
}

/* By name first, then by label: a label may read like another's name. */
const ZsImportField *
_zs_import_type_match_header (const ZsImportField *fields,
                              const char          *header)
{
  g_autofree char *wanted = normalise_header (header);

  for (const ZsImportField *f = fields; f->field != NULL; f++)
    {
      g_autofree char *name = normalise_header (f->field);

      if (g_str_equal (name, wanted))
        return f;
    }
  for (const ZsImportField *f = fields; f->field != NULL; f++)
    {
      g_auto(GStrv) synonyms = g_strsplit (f->synonyms != NULL ? f->synonyms : "", "|", -1);

      for (guint i = 0; synonyms[i] != NULL; i++)
        {
          g_autofree char *synonym = normalise_header (synonyms[i]);

          if (synonym[0] != '\0' && g_str_equal (synonym, wanted))
            return f;
        }
    }
  return NULL;
}

/* The names of the fields a row must fill: required and without a default. */
GStrv
_zs_import_type_required (ZsRecordType *type)
{
  GPtrArray *specs = zs_record_type_get_fields (type);
  g_autoptr(GStrvBuilder) required = g_strv_builder_new ();

  for (guint i = 0; i < specs->len; i++)
    {
      ZsFieldSpec *spec = g_ptr_array_index (specs, i);

      if (zs_field_spec_get_required (spec) && zs_field_spec_get_default (spec) == NULL)
        g_strv_builder_add (required, zs_field_spec_get_name (spec));
    }
  return g_strv_builder_end (required);
}

/* A reference to a firm may be its USCC, as in the firm imports. */
gboolean
_zs_import_type_parse_value (ZsStore              *store,
                             ZsRecordType         *type,
                             const ZsImportField  *field,
                             const char           *text,
                             GValue               *value,
                             GError              **error)
{
  ZsFieldSpec *spec = zs_record_type_lookup_field (type, field->field);

  if (zs_field_spec_get_kind (spec) == ZS_FIELD_REFERENCE &&
      g_strcmp0 (zs_field_spec_get_reference (spec), "firm") == 0 &&
      strlen (text) == 18)
    {
      gint64 firm_id = _zs_store_find_firm_by_uscc (store, text, error);

      if (firm_id < 0)
        return FALSE;
      if (firm_id == 0)
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: no firm has the USCC “%s”"),
                       field->field, text);
          return FALSE;
        }
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, firm_id);
      return TRUE;
    }
  if (zs_field_spec_get_kind (spec) == ZS_FIELD_ENUM)
    {
      const char * const *values = zs_field_spec_get_enum_values (spec);

      /* a spreadsheet may hold an enum's label rather than its value */
      for (guint i = 0; values != NULL && values[i] != NULL; i++)
        if (g_strcmp0 (zs_field_spec_get_enum_label (spec, values[i]), text) == 0)
          return zs_field_spec_parse_value (spec, values[i], value, error);
    }
  return zs_field_spec_parse_value (spec, text, value, error);
}

/* The stored record with the value of @record's first unique field that
 * has one: 0 if none, -1 on error. */
gint64
_zs_import_type_find_existing (ZsStore       *store,
                               ZsRecordType  *type,
                               GObject       *record,
                               GError       **error)
{
  GPtrArray *specs = zs_record_type_get_fields (type);

  for (guint i = 0; i < specs->len; i++)
    {
      ZsFieldSpec *spec = g_ptr_array_index (specs, i);
      g_autoptr(ZsRecordQuery) query = NULL;
      g_autoptr(GPtrArray) found = NULL;
      g_autofree char *text = NULL;
      gint64 id = 0;

      if (!zs_field_spec_get_unique (spec))
        continue;
      text = zs_record_type_get_text (type, record, zs_field_spec_get_name (spec));
      if (text == NULL || text[0] == '\0')
        continue;
      query = zs_record_query_new ();
      zs_record_query_add_filter (query, zs_field_spec_get_name (spec), ZS_FILTER_EQUAL, text);
      zs_record_query_set_limit (query, 1);
      if (!(found = zs_store_list_records (store, zs_record_type_get_name (type), query, error)))
        return -1;
      if (found->len == 0)
        continue;
      g_object_get (g_ptr_array_index (found, 0), "id", &id, NULL);
      return id;
    }
  return 0;
}

static gboolean
write_record (ZsRowSink     *sink,
              ZsRecordType  *type,
              GPtrArray     *specs,
              GObject       *record,
              GError       **error)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  gint64 id = 0;

  g_object_get (record, "id", &id, NULL);
  g_ptr_array_add (row, g_strdup_printf ("%" PRId64, id));
  for (guint i = 0; i < specs->len; i++)
    {
      const char *name = zs_field_spec_get_name (g_ptr_array_index (specs, i));
      char *text = zs_record_type_get_text (type, record, name);

      if (text != NULL && strlen (text) > MAX_CELL_BYTES)
        {
          g_free (text);
          /* TRANSLATORS: a record number, a field name and a number of megabytes */
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("Record %" PRId64 ": the field “%s” holds more than %d MB of text, "
                         "more than an import accepts; shorten it and export again"),
                       id, name, 12);
          return FALSE;
        }
      g_ptr_array_add (row, text != NULL ? text : g_strdup (""));
    }
  g_ptr_array_add (row, NULL);
  return zs_row_sink_write_row (sink, (const char * const *) row->pdata, error);
}

/**
 * zs_store_export_records:
 * @self: a #ZsStore
 * @type_name: a record type's name, core ("contact"…) or declared by a
 *   plugin ("visit_notes.note")
 * @path: a .csv, .xlsx, .json or .jsonl file, replaced if it exists
 * @bom: start a CSV with a byte order mark, for Excel
 * @formula_guard: in a CSV file, write an apostrophe before a value a
 *   spreadsheet would run as a formula (see zs_store_export_full())
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every record of the type, page by page: an `id` column, then one
 * column per field headed by its label (its name if it has none), values
 * as zs_record_type_get_text() gives them, so that
 * zs_import_job_new_for_type() reads the file back.
 *
 * Returns: the number of records written, or -1 with @error set
 */
gint64
zs_store_export_records (ZsStore       *self,
                         const char    *type_name,
                         const char    *path,
                         gboolean       bom,
                         gboolean       formula_guard,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(ZsRowSink) sink = NULL;
  g_autoptr(GPtrArray) specs = g_ptr_array_new ();
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autoptr(GObject) last = NULL;
  ZsRecordType *type;
  GPtrArray *all;
  gint64 written = 0;

  g_return_val_if_fail (ZS_IS_STORE (self), -1);
  g_return_val_if_fail (type_name != NULL, -1);

  if (!(type = zs_store_lookup_record_type (self, type_name)))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("“%s” is not a record type"), type_name);
      return -1;
    }
  all = zs_record_type_get_fields (type);
  g_ptr_array_add (header, (gpointer) "id");
  for (guint i = 0; i < all->len; i++)
    {
      ZsFieldSpec *spec = g_ptr_array_index (all, i);
      const char *label = zs_field_spec_get_label (spec);

      if (g_str_equal (zs_field_spec_get_name (spec), "id") ||
          g_str_equal (zs_field_spec_get_name (spec), "version"))
        continue;
      g_ptr_array_add (specs, spec);
      g_ptr_array_add (header, (gpointer) (label != NULL && label[0] != '\0' ? label : zs_field_spec_get_name (spec)));
    }
  g_ptr_array_add (header, NULL);

  if (!(sink = zs_row_sink_create (path, bom, error)))
    return -1;
  if (ZS_IS_CSV_WRITER (sink))
    zs_csv_writer_set_formula_guard (ZS_CSV_WRITER (sink), formula_guard);
  if (!zs_row_sink_write_row (sink, (const char * const *) header->pdata, error))
    return -1;

  for (;;)
    {
      g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
      g_autoptr(GPtrArray) page = NULL;

      zs_record_query_set_limit (query, PAGE_SIZE);
      if (last != NULL)
        zs_record_query_set_after (query, last);
      if (!(page = zs_store_list_records (self, type_name, query, error)))
        return -1;
      if (page->len == 0 || g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      for (guint i = 0; i < page->len; i++)
        if (!write_record (sink, type, specs, g_ptr_array_index (page, i), error))
          return -1;
      g_set_object (&last, g_ptr_array_index (page, page->len - 1));
      written += page->len;
    }

  if ((error != NULL && *error != NULL) || !zs_row_sink_close (sink, error))
    return -1;
  return written;
}
