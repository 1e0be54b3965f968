/* zs-row-sink.c: tables written row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-csv-writer.h"
#include "zs-json-writer.h"
#include "zs-row-sink.h"
#include "zs-xlsx-writer.h"

G_DEFINE_INTERFACE (ZsRowSink, zs_row_sink, G_TYPE_OBJECT)

static void
zs_row_sink_default_init (ZsRowSinkInterface *iface)
{
}

/**
 * zs_row_sink_write_row:
 * @self: a #ZsRowSink
 * @fields: (array zero-terminated=1): the row; %NULL fields are not allowed,
 *   an empty string is an empty cell
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
zs_row_sink_write_row (ZsRowSink          *self,
                       const char * const *fields,
                       GError            **error)
{
  g_return_val_if_fail (ZS_IS_ROW_SINK (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  return ZS_ROW_SINK_GET_IFACE (self)->write_row (self, fields, error);
}

/**
 * zs_row_sink_close:
 * @self: a #ZsRowSink
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file was completed
 */
gboolean
zs_row_sink_close (ZsRowSink  *self,
                   GError    **error)
{
  g_return_val_if_fail (ZS_IS_ROW_SINK (self), FALSE);

  return ZS_ROW_SINK_GET_IFACE (self)->close (self, error);
}

/**
 * zs_row_sink_create:
 * @path: a .csv, .xlsx, .json or .jsonl file to create (replaced if it exists)
 * @bom: start a CSV with a UTF-8 byte order mark, so Excel reads it as UTF-8
 * @error: return location for a #GError
 *
 * Chooses the writer by the file's extension; anything else is CSV.
 *
 * Returns: (transfer full): the sink, or %NULL with @error set
 */
ZsRowSink *
zs_row_sink_create (const char  *path,
                    gboolean     bom,
                    GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xlsx"))
    return ZS_ROW_SINK (zs_xlsx_writer_new (path, error));
  if (g_str_has_suffix (lower, ".json"))
    return ZS_ROW_SINK (zs_json_writer_new (path, FALSE, error));
  if (g_str_has_suffix (lower, ".jsonl") || g_str_has_suffix (lower, ".ndjson"))
    return ZS_ROW_SINK (zs_json_writer_new (path, TRUE, error));
  return ZS_ROW_SINK (zs_csv_writer_new (path, bom, error));
}
