/* zs-fz-book.c: the flying-zone plugin's service interface
 *
 * It lives in a small library of its own, linked by the plugin that
 * implements it and by the pages that call it, so that neither loads the
 * other's module. The plugin publishes its implementation with
 * zs_plugin_engine_add_service() on activate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-fz-book.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_INTERFACE (ZsFzBook, zs_fz_book, G_TYPE_OBJECT)

static void
zs_fz_book_default_init (ZsFzBookInterface *iface)
{
}

/**
 * zs_fz_book_get_ledger:
 * @self: a #ZsFzBook
 * @store: the store to read
 * @year: the year
 * @zone_id: only this zone, or 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full): `{year, rows, zones, total}`, amounts in 万元,
 *   or %NULL with @error set
 */
JsonNode *
zs_fz_book_get_ledger (ZsFzBook  *self,
                       ZsStore   *store,
                       int        year,
                       gint64     zone_id,
                       GError   **error)
{
  ZsFzBookInterface *iface;

  g_return_val_if_fail (ZS_IS_FZ_BOOK (self), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  iface = ZS_FZ_BOOK_GET_IFACE (self);
  if (iface->get_ledger == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("This flying-zone book keeps no ledger"));
      return NULL;
    }
  return iface->get_ledger (self, store, year, zone_id, error);
}

/**
 * zs_fz_book_get_report:
 * @self: a #ZsFzBook
 * @store: the store to read
 * @year: the year
 * @by: "park" or "partner"
 * @error: return location for a #GError
 *
 * Returns: (transfer full): `{year, by, rows, total}`, amounts in 万元, or
 *   %NULL with @error set
 */
JsonNode *
zs_fz_book_get_report (ZsFzBook    *self,
                       ZsStore     *store,
                       int          year,
                       const char  *by,
                       GError     **error)
{
  ZsFzBookInterface *iface;

  g_return_val_if_fail (ZS_IS_FZ_BOOK (self), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  iface = ZS_FZ_BOOK_GET_IFACE (self);
  if (iface->get_report == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("This flying-zone book keeps no report"));
      return NULL;
    }
  return iface->get_report (self, store, year, by, error);
}

static char *
cell_text (JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("");
  if (json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  if (json_node_get_value_type (value) == G_TYPE_DOUBLE)
    {
      /* amounts in 万元 are whole yuan: four decimals say them exactly */
      g_autofree char *text = g_strdup_printf ("%.4f", json_node_get_double (value));
      char *end = text + strlen (text) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
      return g_steal_pointer (&text);
    }
  return json_to_string (value, FALSE);
}

/**
 * zs_fz_write_rows:
 * @rows: the rows, an array of JSON objects
 * @columns: (array zero-terminated=1): the members to write, in order;
 *   they are the header row too
 * @path: a .csv or .xlsx file (by its extension), replaced if it exists
 * @error: return location for a #GError
 *
 * Writes rows of a ledger or report with core's writers; a CSV starts
 * with a byte order mark, so that spreadsheet programs read its Chinese.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
zs_fz_write_rows (JsonArray           *rows,
                  const char * const  *columns,
                  const char          *path,
                  GError             **error)
{
  g_autoptr(ZsRowSink) sink = zs_row_sink_create (path, TRUE, error);
  guint n_columns = g_strv_length ((char **) columns);

  if (sink == NULL || !zs_row_sink_write_row (sink, columns, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_full (n_columns + 1, g_free);

      for (guint j = 0; j < n_columns; j++)
        g_ptr_array_add (cells, cell_text (json_object_get_member (row, columns[j])));
      g_ptr_array_add (cells, NULL);
      if (!zs_row_sink_write_row (sink, (const char * const *) cells->pdata, error))
        return FALSE;
    }
  return zs_row_sink_close (sink, error);
}
