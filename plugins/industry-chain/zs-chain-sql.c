/* zs-chain-sql.c: small helpers over the store's SQL interface
 *
 * zs_plugin_storage_query() copies every cell into a string, which is right for a
 * few rows and wasteful for the tens of thousands of firm ids a keyword can
 * match on a large database. Id sets are therefore fetched as one
 * group_concat() cell and parsed here, and sent back to SQL as one JSON
 * array read with json_each(), so the statement text never changes and
 * stays cached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-chain-sql.h"

#include <inttypes.h>
#include <stdlib.h>

static void
parse_ids (const char *text,
           GArray     *ids)
{
  const char *p = text;

  while (*p != '\0')
    {
      char *end = NULL;
      gint64 id = g_ascii_strtoll (p, &end, 10);

      if (end == p)
        {
          p++;
          continue;
        }
      g_array_append_val (ids, id);
      p = end;
    }
}

/**
 * zs_chain_sql_ids:
 * @store: the store
 * @sql: a SELECT of one row and one column: a comma-separated id list
 * @params: (nullable): its parameters
 * @ids: (element-type gint64): receives the ids, in the order given
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
zs_chain_sql_ids (ZsStore             *store,
                  const char          *sql,
                  const char * const  *params,
                  GArray              *ids,
                  GError             **error)
{
  g_autoptr(GPtrArray) rows = zs_chain_sql_query (store, sql, params, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    parse_ids (((char **) g_ptr_array_index (rows, i))[0], ids);
  return TRUE;
}

/**
 * zs_chain_sql_id_list:
 * @ids: (array length=n_ids): ids
 * @n_ids: how many
 *
 * Returns: (transfer full): the ids as a JSON array, for json_each()
 */
char *
zs_chain_sql_id_list (const gint64 *ids,
                      guint         n_ids)
{
  GString *out = g_string_sized_new (2 + n_ids * 8);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (out, "%s%" PRId64, i ? "," : "", ids[i]);
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

/**
 * zs_chain_sql_scalar:
 * @store: the store
 * @sql: a SELECT
 * @params: (nullable): its parameters
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the first column of the first row;
 *   %NULL with @error unset when there is no row
 */
char *
zs_chain_sql_scalar (ZsStore             *store,
                     const char          *sql,
                     const char * const  *params,
                     GError             **error)
{
  g_autoptr(GPtrArray) rows = zs_chain_sql_query (store, sql, params, error);

  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_strdup (((char **) g_ptr_array_index (rows, 0))[0]);
}

/* The plugin's SQL goes through a ZsPluginStorage: its own tables
 * (industry_chain_…) and the core's data through the core_… views only.
 * A storage holds nothing but its store and module name, so one is made
 * for each statement rather than threaded through every function. */
static ZsPluginStorage *
storage_of (ZsStore *store)
{
  return zs_plugin_storage_new (store, ZS_CHAIN_MODULE_NAME);
}

GPtrArray *
zs_chain_sql_query (ZsStore             *store,
                    const char          *sql,
                    const char * const  *params,
                    GError             **error)
{
  g_autoptr(ZsPluginStorage) storage = storage_of (store);

  return zs_plugin_storage_query (storage, sql, params, error);
}

gint64
zs_chain_sql_execute (ZsStore             *store,
                      const char          *sql,
                      const char * const  *params,
                      GError             **error)
{
  g_autoptr(ZsPluginStorage) storage = storage_of (store);

  return zs_plugin_storage_execute (storage, sql, params, error);
}

/* Several statements that must land together. Plugins are activated
 * while the caller may already hold a transaction (a batch import, a
 * benchmark that rolls everything back); the storage's levels nest inside
 * it. Only the plugin's own tables are written this way, so the store has
 * no change signals to hold back. */
gboolean
zs_chain_sql_savepoint (ZsStore  *store,
                        GError  **error)
{
  g_autoptr(ZsPluginStorage) storage = storage_of (store);

  return zs_plugin_storage_begin (storage, error);
}

gboolean
zs_chain_sql_release (ZsStore  *store,
                      GError  **error)
{
  g_autoptr(ZsPluginStorage) storage = storage_of (store);

  return zs_plugin_storage_commit (storage, error);
}

void
zs_chain_sql_rollback (ZsStore *store)
{
  g_autoptr(ZsPluginStorage) storage = storage_of (store);

  zs_plugin_storage_rollback (storage);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * zs_chain_ids_sort_unique:
 * @ids: (element-type gint64): ids
 *
 * Sorts @ids and drops repeats. Lists from an index or from the search
 * index usually arrive sorted, so that is checked first.
 */
void
zs_chain_ids_sort_unique (GArray *ids)
{
  gint64 *v = (gint64 *) (gpointer) ids->data;
  guint kept = 0;
  gboolean sorted = TRUE;

  for (guint i = 1; i < ids->len && sorted; i++)
    sorted = v[i - 1] <= v[i];
  if (!sorted)
    qsort (v, ids->len, sizeof (gint64), compare_ids);
  for (guint i = 0; i < ids->len; i++)
    if (kept == 0 || v[kept - 1] != v[i])
      v[kept++] = v[i];
  g_array_set_size (ids, kept);
}

char *
zs_chain_id_to_string (gint64 id)
{
  return g_strdup_printf ("%" PRId64, id);
}
