/* zs-store-figures.c: the figures the app's pages show, as typed values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-store-private.h"
#include "zs-store-raw-private.h"

/* How many bars an investment chart shows at most, when not told. */
#define DEFAULT_LIMIT 8

/* Binds @text, or "" for NULL (the SQL takes "" as "any"). */
static void
bind_any (sqlite3_stmt *stmt,
          int           index,
          const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

/**
 * zs_store_count_projects:
 * @self: a #ZsStore
 * @firm_id: only this firm's projects, or 0 for all
 * @stage: (nullable): only projects at this stage (its nick), or %NULL
 * @park_code: (nullable): only projects in this park, or %NULL
 * @error: return location for a #GError
 *
 * Returns: the number of projects, or -1 with @error set
 */
gint64
zs_store_count_projects (ZsStore     *self,
                         gint64       firm_id,
                         const char  *stage,
                         const char  *park_code,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean row;
  gint64 count;

  g_return_val_if_fail (ZS_IS_STORE (self), -1);

  stmt = _zs_store_prepare (self,
                            "SELECT count(*) FROM projects WHERE (?1 = 0 OR firm_id = ?1) "
                            "AND (?2 = '' OR stage = ?2) AND (?3 = '' OR park_code = ?3)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, firm_id);
  bind_any (stmt, 2, stage);
  bind_any (stmt, 3, park_code);
  if (!_zs_db_step (_zs_store_get_data (self), stmt, &row, error))
    return -1;
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* Runs @stmt to its end, adding each row to @builder by @add. */
static GVariant *
collect (ZsStore        *self,
         sqlite3_stmt   *stmt,
         const char     *type,
         void          (*add) (GVariantBuilder *builder, sqlite3_stmt *stmt),
         GError        **error)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE (type));
  gboolean row = TRUE;

  while (row)
    {
      if (!_zs_db_step (_zs_store_get_data (self), stmt, &row, error))
        return NULL;
      if (row)
        add (&builder, stmt);
    }
  sqlite3_reset (stmt);
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
add_stage_count (GVariantBuilder *builder,
                 sqlite3_stmt    *stmt)
{
  g_variant_builder_add (builder, "{sx}", (const char *) sqlite3_column_text (stmt, 0),
                         (gint64) sqlite3_column_int64 (stmt, 1));
}

/**
 * zs_store_count_projects_by_stage:
 * @self: a #ZsStore
 * @park_code: (nullable): only projects in this park, or %NULL for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a dictionary `a{sx}` from stage nick to the
 *   number of projects at that stage (stages without projects are left
 *   out), or %NULL with @error set
 */
GVariant *
zs_store_count_projects_by_stage (ZsStore     *self,
                                  const char  *park_code,
                                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  stmt = _zs_store_prepare (self, "SELECT stage, count(*) FROM projects "
                            "WHERE (?1 = '' OR park_code = ?1) GROUP BY stage", error);
  if (stmt == NULL)
    return NULL;
  bind_any (stmt, 1, park_code);
  return collect (self, stmt, "a{sx}", add_stage_count, error);
}

static void
add_stage_sum (GVariantBuilder *builder,
               sqlite3_stmt    *stmt)
{
  g_variant_builder_add (builder, "{s(xdd)}", (const char *) sqlite3_column_text (stmt, 0),
                         (gint64) sqlite3_column_int64 (stmt, 1),
                         sqlite3_column_double (stmt, 2), sqlite3_column_double (stmt, 3));
}

/**
 * zs_store_sum_projects_by_stage:
 * @self: a #ZsStore
 * @park_code: (nullable): only projects in this park, or %NULL for all
 * @error: return location for a #GError
 *
 * The pipeline's columns: for each stage, its projects and their planned
 * and realised investment (万元).
 *
 * Returns: (transfer full): a dictionary `a{s(xdd)}` from stage nick to
 *   (projects, planned, realised); stages without projects are left out;
 *   %NULL with @error set
 */
GVariant *
zs_store_sum_projects_by_stage (ZsStore     *self,
                                const char  *park_code,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  stmt = _zs_store_prepare (self, "SELECT stage, count(*), total (planned_investment), "
                            "total (realised_investment) FROM projects "
                            "WHERE (?1 = '' OR park_code = ?1) GROUP BY stage", error);
  if (stmt == NULL)
    return NULL;
  bind_any (stmt, 1, park_code);
  return collect (self, stmt, "a{s(xdd)}", add_stage_sum, error);
}

static void
add_sum (GVariantBuilder *builder,
         sqlite3_stmt    *stmt)
{
  const char *code = (const char *) sqlite3_column_text (stmt, 0);
  const char *name = (const char *) sqlite3_column_text (stmt, 1);

  g_variant_builder_add (builder, "(ssxdd)", code ? code : "", name ? name : "",
                         (gint64) sqlite3_column_int64 (stmt, 2),
                         sqlite3_column_double (stmt, 3), sqlite3_column_double (stmt, 4));
}

/**
 * zs_store_sum_investment_by_sector:
 * @self: a #ZsStore
 * @limit: the most rows to return, 0 for a default
 * @error: return location for a #GError
 *
 * Planned and realised investment (万元) by top-level sector, largest
 * planned first. A project of several sectors counts in each of their top
 * sectors.
 *
 * Returns: (transfer full): an array `a(ssxdd)` of (sector code, name,
 *   projects, planned, realised), or %NULL with @error set
 */
GVariant *
zs_store_sum_investment_by_sector (ZsStore  *self,
                                   guint     limit,
                                   GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  stmt = _zs_store_prepare (self,
                            "SELECT coalesce (top.code, s.code), coalesce (top.name, s.name), count(*), "
                            "total (p.planned_investment), total (p.realised_investment) "
                            "FROM projects p JOIN project_sectors ps ON ps.project_id = p.id "
                            "JOIN sectors s ON s.code = ps.sector_code "
                            "LEFT JOIN sectors top ON top.code = s.parent_code "
                            "GROUP BY coalesce (top.code, s.code) ORDER BY 4 DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, limit ? limit : DEFAULT_LIMIT);
  return collect (self, stmt, "a(ssxdd)", add_sum, error);
}

/**
 * zs_store_sum_investment_by_park:
 * @self: a #ZsStore
 * @limit: the most rows to return, 0 for a default
 * @error: return location for a #GError
 *
 * Planned and realised investment (万元) by park, largest planned first;
 * projects in no park have an empty code and name.
 *
 * Returns: (transfer full): an array `a(ssxdd)` of (park code, name,
 *   projects, planned, realised), or %NULL with @error set
 */
GVariant *
zs_store_sum_investment_by_park (ZsStore  *self,
                                 guint     limit,
                                 GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  stmt = _zs_store_prepare (self,
                            "SELECT p.park_code, coalesce (k.name, p.park_code), count(*), "
                            "total (p.planned_investment), total (p.realised_investment) "
                            "FROM projects p LEFT JOIN parks k ON k.code = p.park_code "
                            "GROUP BY p.park_code ORDER BY 4 DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, limit ? limit : DEFAULT_LIMIT);
  return collect (self, stmt, "a(ssxdd)", add_sum, error);
}

/**
 * zs_store_sum_investment:
 * @self: a #ZsStore
 * @projects: (out) (optional): the number of projects
 * @planned: (out) (optional): their planned investment, 万元
 * @realised: (out) (optional): their realised investment, 万元
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
zs_store_sum_investment (ZsStore  *self,
                         gint64   *projects,
                         double   *planned,
                         double   *realised,
                         GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean row;

  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);

  stmt = _zs_store_prepare (self, "SELECT count(*), total (planned_investment), total (realised_investment) "
                            "FROM projects", error);
  if (stmt == NULL || !_zs_db_step (_zs_store_get_data (self), stmt, &row, error))
    return FALSE;
  if (projects != NULL)
    *projects = sqlite3_column_int64 (stmt, 0);
  if (planned != NULL)
    *planned = sqlite3_column_double (stmt, 1);
  if (realised != NULL)
    *realised = sqlite3_column_double (stmt, 2);
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * zs_store_list_imports_json:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Every batch import, newest first, as a JSON array of objects with the keys
 * `id`, `started_at`, `finished_at`, `actor`, `entity`, `file`, `status`,
 * `rows_read`, `inserted`, `updated`, `skipped` and `rejected`. The counts
 * are those committed; an import recorded as running whose process is gone
 * has the status `interrupted`.
 *
 * Returns: (transfer full): the JSON text, or %NULL with @error set
 */
char *
zs_store_list_imports_json (ZsStore  *self,
                            GError  **error)
{
  g_autoptr(GString) dead = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean row = TRUE;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  if (!(stmt = _zs_store_prepare (self, "SELECT id FROM imports WHERE status = 'running'", error)))
    return NULL;
  while (row)
    {
      gint64 id;

      if (!_zs_db_step (_zs_store_get_data (self), stmt, &row, error))
        return NULL;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      if (!_zs_store_import_is_alive (self, id))
        g_string_append_printf (dead, "%s%" G_GINT64_FORMAT, dead->len > 0 ? ", " : "", id);
    }
  sqlite3_reset (stmt);

  sql = g_strdup_printf ("SELECT id, started_at, finished_at, actor, entity, file, "
                         "CASE WHEN status = 'running' AND id IN (%s) THEN 'interrupted' ELSE status END "
                         "AS status, rows_read, inserted, updated, skipped, rejected "
                         "FROM imports ORDER BY id DESC", dead->str);
  return _zs_store_query_json (self, sql, NULL, error);
}
