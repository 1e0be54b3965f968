/* zs-export.c: records out to CSV, XLSX or JSON, ready to import again
 *
 * The columns are the import's field names and the values the import's
 * notation (codes, nicks, firms by USCC), so export then import gives the
 * same records.
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

#define PAGE_SIZE 5000

static const char * const firm_columns[] = {
  "id", "uscc", "name", "name_other", "ownership", "country", "region_code", "address",
  "registered_capital", "business_scope", "sectors", "website", "notes", "created_at", "updated_at", NULL
};
static const char * const contact_columns[] = { "id", "firm", "name", "title", "phone", "email", "notes", NULL };
static const char * const project_columns[] = {
  "id", "firm", "title", "sectors", "park_code", "stage", "planned_investment", "realised_investment",
  "planned_jobs", "land_mu", "source_channel", "owner", "clause", "created_at", "updated_at", NULL
};
static const char * const activity_columns[] = {
  "id", "firm", "kind", "date", "who", "notes", "next_follow_up", "created_at", NULL
};

static const char * const *
columns_of (ZsImportEntity entity)
{
  switch (entity)
    {
    case ZS_IMPORT_ENTITY_CONTACTS: return contact_columns;
    case ZS_IMPORT_ENTITY_PROJECTS: return project_columns;
    case ZS_IMPORT_ENTITY_ACTIVITIES: return activity_columns;
    case ZS_IMPORT_ENTITY_FIRMS:
    default: return firm_columns;
    }
}

static char *
firm_uscc (ZsStore *store,
           gint64   firm_id)
{
  char *uscc = _zs_store_get_firm_uscc (store, firm_id, NULL);

  return uscc ? uscc : g_strdup ("");
}

static char *
cell (ZsStore    *store,
      GObject    *record,
      const char *column)
{
  g_autofree char *property = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  char *text;

  if (g_str_equal (column, "firm"))
    {
      gint64 firm_id = 0;

      g_object_get (record, "firm-id", &firm_id, NULL);
      return firm_uscc (store, firm_id);
    }
  property = g_strdelimit (g_strdup (column), "_", '-');
  g_object_get_property (record, property, &value);
  text = _zs_value_to_string (&value);
  if (text != NULL && G_VALUE_HOLDS (&value, G_TYPE_STRV))
    g_strdelimit (text, ",", ';');
  return text ? text : g_strdup ("");
}

static gboolean
write_record (ZsStore             *store,
              ZsRowSink           *sink,
              const char * const  *columns,
              GObject             *record,
              GError             **error)
{
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_auto(GStrv) fields = NULL;

  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_autofree char *text = cell (store, record, columns[i]);

      /* The readers' limit (core/io): an export must import again. */
      if (strlen (text) > 12 * 1024 * 1024)
        {
          gint64 id = 0;

          g_object_get (record, "id", &id, NULL);
          /* TRANSLATORS: a record number, a field name and a number of megabytes */
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("Record %" PRId64 ": the field “%s” holds more than %d MB of text, "
                         "more than an import accepts; shorten it and export again"),
                       id, columns[i], 12);
          return FALSE;
        }
      g_strv_builder_add (row, text);
    }
  fields = g_strv_builder_end (row);
  return zs_row_sink_write_row (sink, (const char * const *) fields, error);
}

/**
 * zs_store_export:
 * @self: a #ZsStore
 * @entity: what to export
 * @path: a .csv, .xlsx, .json or .jsonl file, replaced if it exists
 * @bom: start a CSV with a byte order mark, for Excel
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every record, page by page, so memory stays small. In a CSV file,
 * values that a spreadsheet would take for formulas are written after an
 * apostrophe; see zs_store_export_full().
 *
 * Returns: the number of records written, or -1 with @error set
 */
gint64
zs_store_export (ZsStore         *self,
                 ZsImportEntity   entity,
                 const char      *path,
                 gboolean         bom,
                 GCancellable    *cancellable,
                 GError         **error)
{
  return zs_store_export_full (self, entity, path, bom, TRUE, cancellable, error);
}

/**
 * zs_store_export_full:
 * @self: a #ZsStore
 * @entity: what to export
 * @path: a .csv, .xlsx, .json or .jsonl file, replaced if it exists
 * @bom: start a CSV with a byte order mark, for Excel
 * @formula_guard: in a CSV file, write an apostrophe before a value
 *   beginning with `=`, `+`, `-`, `@`, a tab or a CR (plain numbers such as
 *   `-5` excepted), so that a spreadsheet does not run it as a formula; our
 *   import removes it again. %FALSE writes every value as it is.
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every record, page by page, so memory stays small. XLSX cells are
 * always text, never formulas. A record with a value longer than an import
 * accepts is refused with %ZS_ERROR_INVALID, naming it and the field, and
 * nothing is written.
 *
 * Returns: the number of records written, or -1 with @error set
 */
gint64
zs_store_export_full (ZsStore         *self,
                      ZsImportEntity   entity,
                      const char      *path,
                      gboolean         bom,
                      gboolean         formula_guard,
                      GCancellable    *cancellable,
                      GError         **error)
{
  const ZsEntity *info = _zs_entity_lookup (_zs_import_entity_name (entity));
  const char * const *columns = columns_of (entity);
  g_autoptr(ZsRowSink) sink = NULL;
  gint64 last_id = 0, written = 0;

  g_return_val_if_fail (ZS_IS_STORE (self), -1);

  if (!(sink = zs_row_sink_create (path, bom, error)))
    return -1;
  if (ZS_IS_CSV_WRITER (sink))
    zs_csv_writer_set_formula_guard (ZS_CSV_WRITER (sink), formula_guard);
  if (!zs_row_sink_write_row (sink, columns, error))
    return -1;

  for (;;)
    {
      g_autoptr(GPtrArray) page = _zs_record_list_page (self, info, last_id, PAGE_SIZE, error);

      if (page == NULL)
        return -1;
      if (page->len == 0 || g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      for (guint i = 0; i < page->len; i++)
        if (!write_record (self, sink, columns, g_ptr_array_index (page, i), error))
          return -1;
      g_object_get (g_ptr_array_index (page, page->len - 1), "id", &last_id, NULL);
      written += page->len;
    }

  if ((error != NULL && *error != NULL) || !zs_row_sink_close (sink, error))
    return -1;
  return written;
}
