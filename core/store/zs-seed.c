/* zs-seed.c: the guideline's reference data and the demo set
 *
 * Seed files are compiled into the library, so a fresh database can be
 * initialised without any installed data. Loading is idempotent: rows whose
 * key already exists are left alone, so user edits survive a re-run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zs-enums.h"
#include "zs-error.h"
#include "zs-store-private.h"

#define SEED_PREFIX "/cn/horgos/Zhaoshang/seed/"

typedef struct {
  const char *json_key;
  const char *column;
} SeedColumn;

typedef struct {
  const char       *resource;
  const char       *table;
  const char       *key;
  const SeedColumn *columns;
} SeedTable;

static const SeedColumn clause_columns[] = {
  { "number", "number" }, { "numeral", "numeral" }, { "part", "part" },
  { "part_title", "part_title" }, { "title", "title" }, { "lead_unit", "lead_unit" },
  { "responsible_units", "responsible_units" }, { NULL, NULL }
};
static const SeedColumn sector_columns[] = {
  { "code", "code" }, { "name", "name" }, { "name_en", "name_en" }, { "parent", "parent_code" },
  { "clause", "clause" }, { "priority", "priority" }, { "synonyms", "synonyms" }, { NULL, NULL }
};
static const SeedColumn region_columns[] = {
  { "code", "code" }, { "name", "name" }, { "name_en", "name_en" }, { "group", "group_name" }, { NULL, NULL }
};
static const SeedColumn park_columns[] = {
  { "code", "code" }, { "name", "name" }, { "name_en", "name_en" }, { "kind", "kind" },
  { "region", "region_code" }, { "parent", "parent_code" }, { "clause", "clause" }, { NULL, NULL }
};
static const SeedColumn target_columns[] = {
  { "code", "code" }, { "name", "name" }, { "name_en", "name_en" }, { "scope", "scope" },
  { "year", "year" }, { "value", "value" }, { "unit", "unit" }, { "comparison", "comparison" },
  { "growth_pct", "growth_pct" }, { "clause", "clause" }, { NULL, NULL }
};

/* Clauses first: sectors and parks cite them. */
static const SeedTable seed_tables[] = {
  { "clauses.json", "clauses", "number", clause_columns },
  { "sectors.json", "sectors", "code", sector_columns },
  { "regions.json", "regions", "code", region_columns },
  { "parks.json", "parks", "code", park_columns },
  { "targets.json", "targets", "code", target_columns },
};

static JsonNode *
load_resource (const char  *name,
               GError     **error)
{
  g_autofree char *path = g_strconcat (SEED_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, size, error))
    {
      g_prefix_error (error, _("Seed file %s: "), name);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

static void
bind_json (sqlite3_stmt *stmt,
           int           index,
           JsonNode     *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, index);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *text = json_to_string (node, FALSE);
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
    }
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, json_node_get_double (node));
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, json_node_get_boolean (node));
  else
    sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
}

static char *
seed_insert_sql (const SeedTable *table)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", table->table);
  for (guint i = 0; table->columns[i].column != NULL; i++)
    {
      g_string_append_printf (sql, "%s%s", i ? ", " : "", table->columns[i].column);
      g_string_append (marks, i ? ", ?" : "?");
    }
  g_string_append_printf (sql, ") VALUES (%s) ON CONFLICT (%s) DO NOTHING", marks->str, table->key);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static gboolean
seed_table (ZsStore          *self,
            const SeedTable  *table,
            GError          **error)
{
  g_autoptr(JsonNode) root = load_resource (table->resource, error);
  g_autofree char *sql = seed_insert_sql (table);
  JsonArray *rows;

  if (root == NULL)
    return FALSE;
  rows = json_node_get_array (root);

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      sqlite3_stmt *stmt = _zs_store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; table->columns[i].column != NULL; i++)
        bind_json (stmt, i + 1, json_object_get_member (row, table->columns[i].json_key));
      if (!_zs_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * zs_store_load_seed:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Loads the guideline's clauses, the sector taxonomy, the parks and sites,
 * the 两霍两伊 regions and the 2025 targets. Rows that already exist are
 * kept as they are, so running it again is harmless and never undoes edits.
 *
 * Returns: %TRUE on success; on failure nothing is written
 */
gboolean
zs_store_load_seed (ZsStore  *self,
                    GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);

  if (!_zs_store_savepoint (self, error))
    return FALSE;
  _zs_store_forget_sectors (self);
  for (guint i = 0; i < G_N_ELEMENTS (seed_tables); i++)
    if (!seed_table (self, &seed_tables[i], error))
      {
        _zs_store_rollback_to (self);
        return FALSE;
      }
  return _zs_store_release (self, error);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  return json_object_get_string_member_with_default (object, name, NULL);
}

static char **
member_strv (JsonObject *object,
             const char *name)
{
  JsonArray *array = json_object_has_member (object, name) && !json_object_get_null_member (object, name)
    ? json_object_get_array_member (object, name) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

static int
member_enum (GType       type,
             JsonObject *object,
             const char *name)
{
  int value = 0;

  zs_enum_from_nick (type, name, member_string (object, name), &value, NULL);
  return value;
}

static gint64
firm_id_for (ZsStore    *self,
             const char *uscc)
{
  g_autoptr(ZsFirm) firm = uscc ? zs_store_find_firm_by_uscc (self, uscc, NULL) : NULL;

  return firm ? zs_firm_get_id (firm) : 0;
}

static gboolean
demo_staff (ZsStore    *self,
            JsonObject *object,
            GError    **error)
{
  g_autoptr(ZsStaff) staff = zs_staff_new ();

  zs_staff_set_name (staff, member_string (object, "name"));
  zs_staff_set_role (staff, member_enum (ZS_TYPE_ROLE, object, "role"));
  zs_staff_set_park_code (staff, member_string (object, "park"));
  return zs_store_add_staff (self, staff, error) != 0;
}

static gboolean
demo_firm (ZsStore    *self,
           JsonObject *object,
           GError    **error)
{
  g_autoptr(ZsFirm) firm = zs_firm_new ();
  g_auto(GStrv) sectors = member_strv (object, "sectors");
  JsonArray *contacts = json_object_get_array_member (object, "contacts");

  zs_firm_set_uscc (firm, member_string (object, "uscc"));
  zs_firm_set_name (firm, member_string (object, "name"));
  zs_firm_set_name_other (firm, member_string (object, "name_other"));
  zs_firm_set_ownership (firm, member_enum (ZS_TYPE_OWNERSHIP, object, "ownership"));
  zs_firm_set_country (firm, member_string (object, "country"));
  zs_firm_set_region_code (firm, member_string (object, "region_code"));
  zs_firm_set_address (firm, member_string (object, "address"));
  zs_firm_set_registered_capital (firm, json_object_get_double_member_with_default (object, "registered_capital", 0));
  zs_firm_set_business_scope (firm, member_string (object, "business_scope"));
  zs_firm_set_website (firm, member_string (object, "website"));
  zs_firm_set_notes (firm, member_string (object, "notes"));
  zs_firm_set_sectors (firm, (const char * const *) sectors);
  if (zs_store_add_firm (self, firm, error) == 0)
    return FALSE;

  for (guint i = 0; contacts != NULL && i < json_array_get_length (contacts); i++)
    {
      JsonObject *c = json_array_get_object_element (contacts, i);
      g_autoptr(ZsContact) contact = zs_contact_new ();

      zs_contact_set_firm_id (contact, zs_firm_get_id (firm));
      zs_contact_set_name (contact, member_string (c, "name"));
      zs_contact_set_title (contact, member_string (c, "title"));
      zs_contact_set_phone (contact, member_string (c, "phone"));
      zs_contact_set_email (contact, member_string (c, "email"));
      if (zs_store_add_contact (self, contact, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Replays the project's stage path so its history looks as if lived. */
static gint64
demo_project (ZsStore    *self,
              JsonObject *object,
              GError    **error)
{
  g_autoptr(ZsProject) project = zs_project_new ();
  g_auto(GStrv) sectors = member_strv (object, "sectors");
  g_auto(GStrv) stages = member_strv (object, "stages");

  zs_project_set_firm_id (project, firm_id_for (self, member_string (object, "firm_uscc")));
  zs_project_set_title (project, member_string (object, "title"));
  zs_project_set_sectors (project, (const char * const *) sectors);
  zs_project_set_park_code (project, member_string (object, "park"));
  zs_project_set_planned_investment (project, json_object_get_double_member_with_default (object, "planned_investment", 0));
  zs_project_set_realised_investment (project, json_object_get_double_member_with_default (object, "realised_investment", 0));
  zs_project_set_planned_jobs (project, json_object_get_int_member_with_default (object, "planned_jobs", 0));
  zs_project_set_land_mu (project, json_object_get_double_member_with_default (object, "land_mu", 0));
  zs_project_set_source_channel (project, member_enum (ZS_TYPE_SOURCE_CHANNEL, object, "source_channel"));
  zs_project_set_referrer_firm_id (project, firm_id_for (self, member_string (object, "referrer_uscc")));
  zs_project_set_owner (project, member_string (object, "owner"));
  zs_project_set_clause (project, json_object_get_int_member_with_default (object, "clause", 0));
  if (zs_store_add_project (self, project, error) == 0)
    return 0;

  for (guint i = 1; stages != NULL && stages[i] != NULL; i++)
    {
      int stage = 0;

      if (!zs_enum_from_nick (ZS_TYPE_STAGE, "stage", stages[i], &stage, error) ||
          !zs_store_move_project (self, zs_project_get_id (project), stage,
                                  stage == ZS_STAGE_LOST ? member_string (object, "lost_reason") : NULL,
                                  error))
        return 0;
    }
  return zs_project_get_id (project);
}

static gboolean
demo_activity (ZsStore    *self,
               JsonObject *object,
               GArray     *project_ids,
               GError    **error)
{
  g_autoptr(ZsActivity) activity = zs_activity_new ();
  JsonNode *index = json_object_get_member (object, "project_index");

  zs_activity_set_firm_id (activity, firm_id_for (self, member_string (object, "firm_uscc")));
  if (index != NULL && !JSON_NODE_HOLDS_NULL (index) && json_node_get_int (index) < project_ids->len)
    zs_activity_set_project_id (activity, g_array_index (project_ids, gint64, json_node_get_int (index)));
  zs_activity_set_kind (activity, member_enum (ZS_TYPE_ACTIVITY_KIND, object, "kind"));
  zs_activity_set_date (activity, member_string (object, "date"));
  zs_activity_set_who (activity, member_string (object, "who"));
  zs_activity_set_notes (activity, member_string (object, "notes"));
  zs_activity_set_next_follow_up (activity, member_string (object, "next_follow_up"));
  return zs_store_add_activity (self, activity, error) != 0;
}

static gboolean
load_demo (ZsStore    *self,
           JsonObject *demo,
           GError    **error)
{
  g_autoptr(GArray) project_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *staff = json_object_get_array_member (demo, "staff");
  JsonArray *firms = json_object_get_array_member (demo, "firms");
  JsonArray *projects = json_object_get_array_member (demo, "projects");
  JsonArray *activities = json_object_get_array_member (demo, "activities");

  for (guint i = 0; i < json_array_get_length (staff); i++)
    if (!demo_staff (self, json_array_get_object_element (staff, i), error))
      return FALSE;
  for (guint i = 0; i < json_array_get_length (firms); i++)
    if (!demo_firm (self, json_array_get_object_element (firms, i), error))
      return FALSE;
  for (guint i = 0; i < json_array_get_length (projects); i++)
    {
      gint64 id = demo_project (self, json_array_get_object_element (projects, i), error);

      if (id == 0)
        return FALSE;
      g_array_append_val (project_ids, id);
    }
  for (guint i = 0; i < json_array_get_length (activities); i++)
    if (!demo_activity (self, json_array_get_object_element (activities, i), project_ids, error))
      return FALSE;
  return TRUE;
}

/**
 * zs_store_load_demo:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Adds a realistic demo set (200 firms with contacts, 50 projects across all
 * stages with their stage history, activities and staff), through the same
 * validation and audit as user input. Loads the seed first. Does nothing if
 * the demo set is already there.
 *
 * Returns: %TRUE on success; on failure nothing is written
 */
gboolean
zs_store_load_demo (ZsStore  *self,
                    GError  **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *demo;
  JsonObject *first;

  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);

  if (!zs_store_load_seed (self, error) || !(root = load_resource ("demo.json", error)))
    return FALSE;
  demo = json_node_get_object (root);
  first = json_array_get_object_element (json_object_get_array_member (demo, "firms"), 0);
  if (firm_id_for (self, member_string (first, "uscc")) != 0)
    return TRUE;

  if (!_zs_store_savepoint (self, error))
    return FALSE;
  if (!load_demo (self, demo, error))
    {
      g_prefix_error (error, _("Demo data: "));
      _zs_store_rollback_to (self);
      return FALSE;
    }
  return _zs_store_release (self, error);
}
