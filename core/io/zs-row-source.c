/* zs-row-source.c: tables read row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-csv-reader.h"
#include "zs-error.h"
#include "zs-jsonl-reader.h"
#include "zs-row-source.h"
#include "zs-xlsx-reader.h"

G_DEFINE_INTERFACE (ZsRowSource, zs_row_source, G_TYPE_OBJECT)

static void
zs_row_source_default_init (ZsRowSourceInterface *iface)
{
}

/**
 * zs_row_source_read_row:
 * @self: a #ZsRowSource
 * @line: (out) (optional): the line (CSV, JSON lines) or row (XLSX) number
 *   where the row starts, counting from 1
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (array zero-terminated=1) (nullable): the fields,
 *   or %NULL at the end of the input (@error unset) or on error
 */
char **
zs_row_source_read_row (ZsRowSource  *self,
                        guint64      *line,
                        GError      **error)
{
  guint64 ignored;

  g_return_val_if_fail (ZS_IS_ROW_SOURCE (self), NULL);

  return ZS_ROW_SOURCE_GET_IFACE (self)->read_row (self, line ? line : &ignored, error);
}

/**
 * zs_row_source_get_fraction:
 * @self: a #ZsRowSource
 *
 * Returns: how much of the input was read, from 0 to 1, for progress and ETA
 */
double
zs_row_source_get_fraction (ZsRowSource *self)
{
  ZsRowSourceInterface *iface;

  g_return_val_if_fail (ZS_IS_ROW_SOURCE (self), 0);

  iface = ZS_ROW_SOURCE_GET_IFACE (self);
  return iface->get_fraction ? iface->get_fraction (self) : 0;
}

/**
 * zs_row_source_get_description:
 * @self: a #ZsRowSource
 *
 * Returns: (transfer full) (nullable): what was detected, e.g. "CSV, GB18030, ';'"
 */
char *
zs_row_source_get_description (ZsRowSource *self)
{
  ZsRowSourceInterface *iface;

  g_return_val_if_fail (ZS_IS_ROW_SOURCE (self), NULL);

  iface = ZS_ROW_SOURCE_GET_IFACE (self);
  return iface->get_description ? iface->get_description (self) : NULL;
}

/**
 * zs_row_source_open:
 * @path: a .csv, .tsv, .txt, .xlsx, .jsonl or .ndjson file
 * @encoding: (nullable): "auto" (or %NULL), "utf-8" or "gb18030"; CSV only
 * @sheet: (nullable): the XLSX sheet by name, %NULL for the first
 * @error: return location for a #GError
 *
 * Opens a table, choosing the reader by the file's extension.
 *
 * Returns: (transfer full): the source, or %NULL with @error set
 */
ZsRowSource *
zs_row_source_open (const char  *path,
                    const char  *encoding,
                    const char  *sheet,
                    GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xlsx"))
    return ZS_ROW_SOURCE (zs_xlsx_reader_new (path, sheet, error));
  if (g_str_has_suffix (lower, ".jsonl") || g_str_has_suffix (lower, ".ndjson"))
    return ZS_ROW_SOURCE (zs_jsonl_reader_new (path, error));
  if (g_str_has_suffix (lower, ".xls"))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("“%s” is an old Excel file; save it as .xlsx or .csv first"), path);
      return NULL;
    }
  return ZS_ROW_SOURCE (zs_csv_reader_new (path, encoding, error));
}
