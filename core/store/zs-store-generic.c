/* zs-store-generic.c: the record-type registry and records of any type
 *
 * Core's record types are described from their entities; a plugin's
 * declared types get an entity made at registration, so the generic
 * machinery of zs-store-records.c (rows, versions, audit, revert) serves
 * them unchanged. What only declared types need lives here: their tables
 * and migrations, unique and reference rules, cascades and search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "zs-enums.h"
#include "zs-error.h"
#include "zs-record-private.h"
#include "zs-search-private.h"
#include "zs-store-generic.h"
#include "zs-store-private.h"

/* A declared type's entity: never freed, since the record machinery caches
 * statements by entity address; a type registered again gets a new one. */
typedef struct
{
  ZsEntity      entity;      /* first: a DeclaredEntity is a ZsEntity */
  ZsRecordType *record_type;
} DeclaredEntity;

static GMutex declared_lock;
static GHashTable *declared;  /* name → DeclaredEntity */
static GPtrArray *retired;    /* DeclaredEntity replaced by newer declarations */

#define SEARCH_TABLE "record_search"

static GQuark
registry_quark (void)
{
  return g_quark_from_static_string ("zs-record-types");
}

/* name → ZsRecordType of the types registered on @self */
static GHashTable *
registry (ZsStore *self)
{
  GHashTable *types = g_object_get_qdata (G_OBJECT (self), registry_quark ());

  if (types == NULL)
    {
      types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_object_set_qdata_full (G_OBJECT (self), registry_quark (), types,
                               (GDestroyNotify) g_hash_table_unref);
    }
  return types;
}

const ZsEntity *
_zs_declared_entity_lookup (const char *name)
{
  const ZsEntity *entity = NULL;

  g_mutex_lock (&declared_lock);
  if (declared != NULL && name != NULL)
    entity = g_hash_table_lookup (declared, name);
  g_mutex_unlock (&declared_lock);
  return entity;
}

/* Core types, described once from their entities and properties. */

static ZsFieldKind
core_field_kind (GParamSpec  *pspec,
                 const char  *column,
                 const char **reference)
{
  GType type = pspec->value_type;

  *reference = NULL;
  if (type == G_TYPE_INT64 && g_str_has_suffix (column, "_id"))
    {
      *reference = g_str_has_suffix (column, "firm_id") ? "firm" : g_str_has_prefix (column, "project") ? "project" : NULL;
      if (*reference != NULL)
        return ZS_FIELD_REFERENCE;
    }
  if (type == G_TYPE_INT64 || type == G_TYPE_INT)
    return ZS_FIELD_INTEGER;
  if (type == G_TYPE_DOUBLE)
    return strstr (column, "investment") || strstr (column, "capital") ? ZS_FIELD_MONEY : ZS_FIELD_DECIMAL;
  if (type == G_TYPE_BOOLEAN)
    return ZS_FIELD_BOOLEAN;
  if (G_TYPE_IS_ENUM (type))
    return ZS_FIELD_ENUM;
  if (g_str_equal (column, "date") || g_str_has_suffix (column, "_date") || g_str_equal (column, "next_follow_up"))
    return ZS_FIELD_DATE;
  return ZS_FIELD_TEXT;
}

/* Labels of core fields, as lists and forms of any record show them. */
static const struct {
  const char *column;
  const char *label;
} core_field_labels[] = {
  { "uscc", N_("Unified social credit code") }, { "name", N_("Name") },
  { "name_other", N_("Other name") }, { "ownership", N_("Ownership") },
  { "country", N_("Country") }, { "region_code", N_("Region") }, { "address", N_("Address") },
  { "registered_capital", N_("Registered capital (10,000 yuan)") },
  { "business_scope", N_("Business scope") }, { "website", N_("Website") }, { "notes", N_("Notes") },
  { "firm_id", N_("Firm") }, { "project_id", N_("Project") }, { "title", N_("Title") },
  { "phone", N_("Phone") }, { "email", N_("Email") }, { "park_code", N_("Park") },
  { "stage", N_("Stage") }, { "planned_investment", N_("Planned investment (10,000 yuan)") },
  { "realised_investment", N_("Realised investment (10,000 yuan)") },
  { "planned_jobs", N_("Planned jobs") }, { "land_mu", N_("Land (mu)") },
  { "source_channel", N_("Source") }, { "referrer_firm_id", N_("Referring firm") },
  { "owner", N_("Owner") }, { "clause", N_("Guideline clause") }, { "kind", N_("Kind") },
  { "date", N_("Date") }, { "who", N_("Who") }, { "next_follow_up", N_("Next follow-up") },
  { "role", N_("Role") }, { "sectors", N_("Sectors") },
};

static const char *
core_field_label (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (core_field_labels); i++)
    if (g_str_equal (core_field_labels[i].column, column))
      return _(core_field_labels[i].label);
  return NULL;
}

static ZsFieldSpec *
core_field (GParamSpec *pspec)
{
  g_autofree char *column = g_strdelimit (g_strdup (pspec->name), "-", '_');
  const char *reference;
  ZsFieldKind kind = core_field_kind (pspec, column, &reference);
  ZsFieldSpec *field = zs_field_spec_new (column, kind, core_field_label (column));

  if (reference != NULL)
    zs_field_spec_set_reference (field, reference, ZS_ON_DELETE_RESTRICT);
  if (kind == ZS_FIELD_ENUM)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (pspec->value_type);

      for (guint i = 0; i < klass->n_values; i++)
        zs_field_spec_add_enum_value (field, klass->values[i].value_nick,
                                      zs_enum_get_label (pspec->value_type, klass->values[i].value));
    }
  return field;
}

static ZsRecordType *
core_type (const ZsEntity *entity,
           const char     *label,
           const char     *plural_label)
{
  ZsRecordType *type = _zs_record_type_new_core (entity->name, label, plural_label, _zs_entity_get_gtype (entity));
  g_autoptr(GTypeClass) klass = g_type_class_ref (_zs_entity_get_gtype (entity));

  for (guint i = 0; entity->columns[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), entity->columns[i]);
      g_autoptr(ZsFieldSpec) field = NULL;

      if (pspec == NULL || g_str_equal (pspec->name, "created-at") || g_str_equal (pspec->name, "updated-at"))
        continue;
      field = core_field (pspec);
      zs_record_type_add_field (type, field, NULL);
    }
  return type;
}

static GPtrArray *
core_types (void)
{
  static GPtrArray *types;

  if (g_once_init_enter (&types))
    {
      GPtrArray *made = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (made, core_type (&zs_entity_firm, _("Firm"), _("Firms")));
      g_ptr_array_add (made, core_type (&zs_entity_contact, _("Contact"), _("Contacts")));
      g_ptr_array_add (made, core_type (&zs_entity_project, _("Project"), _("Projects")));
      g_ptr_array_add (made, core_type (&zs_entity_activity, _("Activity"), _("Activities")));
      g_ptr_array_add (made, core_type (&zs_entity_staff, _("Staff member"), _("Staff")));
      g_once_init_leave (&types, made);
    }
  return types;
}

static ZsRecordType *
core_type_lookup (const char *name)
{
  GPtrArray *types = core_types ();

  for (guint i = 0; i < types->len; i++)
    if (g_str_equal (zs_record_type_get_name (g_ptr_array_index (types, i)), name))
      return g_ptr_array_index (types, i);
  return NULL;
}

/**
 * zs_store_lookup_record_type:
 * @self: a #ZsStore
 * @name: a record type's name: "firm", "contact", "project", "activity",
 *   "staff" or a registered type's
 *
 * Returns: (transfer none) (nullable): the record type, or %NULL
 */
ZsRecordType *
zs_store_lookup_record_type (ZsStore    *self,
                             const char *name)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (strchr (name, '.') == NULL)
    return core_type_lookup (name);
  return g_hash_table_lookup (registry (self), name);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (zs_record_type_get_name (*(ZsRecordType **) a), zs_record_type_get_name (*(ZsRecordType **) b));
}

/**
 * zs_store_list_record_types:
 * @self: a #ZsStore
 *
 * Returns: (transfer container) (element-type ZsRecordType): core's record
 *   types, then the registered ones by name
 */
GPtrArray *
zs_store_list_record_types (ZsStore *self)
{
  GPtrArray *types = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) registered = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  GPtrArray *core;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  core = core_types ();
  for (guint i = 0; i < core->len; i++)
    g_ptr_array_add (types, g_object_ref (g_ptr_array_index (core, i)));
  g_hash_table_iter_init (&iter, registry (self));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (registered, value);
  g_ptr_array_sort (registered, compare_names);
  for (guint i = 0; i < registered->len; i++)
    g_ptr_array_add (types, g_object_ref (g_ptr_array_index (registered, i)));
  return types;
}

static const ZsEntity *
entity_for (ZsStore     *self,
            const char  *type_name,
            GError     **error)
{
  const ZsEntity *entity = NULL;

  if (type_name != NULL && strchr (type_name, '.') == NULL && core_type_lookup (type_name) != NULL)
    entity = _zs_entity_lookup (type_name);
  else if (type_name != NULL && g_hash_table_contains (registry (self), type_name))
    entity = _zs_declared_entity_lookup (type_name);
  if (entity == NULL)
    g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("There is no record type “%s”"),
                 type_name ? type_name : "");
  return entity;
}

/**
 * zs_store_get_record_type_of:
 * @self: a #ZsStore
 * @record: a record: a #ZsRecord, #ZsFirm, #ZsContact, #ZsProject,
 *   #ZsActivity or #ZsStaff
 *
 * Returns: (transfer none) (nullable): the record's type, %NULL for other
 *   objects
 */
ZsRecordType *
zs_store_get_record_type_of (ZsStore *self,
                             GObject *record)
{
  GPtrArray *core;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_OBJECT (record), NULL);

  if (ZS_IS_RECORD (record))
    return zs_record_get_record_type (ZS_RECORD (record));
  core = core_types ();
  for (guint i = 0; i < core->len; i++)
    if (G_OBJECT_TYPE (record) == zs_record_type_get_record_gtype (g_ptr_array_index (core, i)))
      return g_ptr_array_index (core, i);
  return NULL;
}

/* Rules that need the store: unique values and references that exist. */

static const char *
reference_table (ZsStore    *self,
                 const char *type_name)
{
  const ZsEntity *entity = entity_for (self, type_name, NULL);

  return entity ? entity->table : NULL;
}

static gboolean
check_reference (ZsStore      *self,
                 ZsFieldSpec  *field,
                 gint64        id,
                 GError      **error)
{
  const char *table = reference_table (self, zs_field_spec_get_reference (field));
  g_autofree char *sql = NULL;
  gint64 found;

  if (table == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: there is no record type “%s” to refer to"),
                   zs_field_spec_get_name (field), zs_field_spec_get_reference (field));
      return FALSE;
    }
  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?", table);
  if ((found = _zs_store_count (self, sql, id, error)) < 0)
    return FALSE;
  if (found > 0)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: there is no %s with id %" PRId64),
               zs_field_spec_get_name (field), zs_field_spec_get_reference (field), id);
  return FALSE;
}

static void
bind_field_value (sqlite3_stmt *stmt,
                  int           index,
                  const GValue *value)
{
  if (G_VALUE_HOLDS_INT64 (value))
    sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  else if (G_VALUE_HOLDS_DOUBLE (value))
    sqlite3_bind_double (stmt, index, g_value_get_double (value));
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value));
  else if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
    sqlite3_bind_text (stmt, index, g_value_get_string (value), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
check_unique (ZsStore       *self,
              ZsRecordType  *type,
              ZsFieldSpec   *field,
              const GValue  *value,
              gint64         id,
              GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ? AND id != ? LIMIT 1",
                                          zs_record_type_get_table_name (type), zs_field_spec_get_name (field));
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt = _zs_store_prepare (self, sql, error);
  gint64 other;
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_field_value (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  other = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      return FALSE;
    }
  if (other == 0)
    return TRUE;
  text = zs_field_spec_format_value (field, value);
  g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE, _("%s: “%s” is already used by %s %" PRId64),
               zs_field_spec_get_name (field), text, zs_record_type_get_name (type), other);
  return FALSE;
}

static gboolean
validate_declared (ZsStore  *self,
                   GObject  *record,
                   GError  **error)
{
  ZsRecordType *type = zs_record_get_record_type (ZS_RECORD (record));
  GPtrArray *fields = zs_record_type_get_fields (type);
  gint64 id = zs_record_get_id (ZS_RECORD (record));

  for (guint i = 0; i < fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (fields, i);
      g_auto(GValue) value = G_VALUE_INIT;

      zs_record_get_value (ZS_RECORD (record), zs_field_spec_get_name (field), &value);
      if (!zs_field_spec_check_value (field, &value, error))
        return FALSE;
      if (!_zs_field_value_is_set (&value))
        continue;
      if (zs_field_spec_get_kind (field) == ZS_FIELD_REFERENCE &&
          !check_reference (self, field, g_value_get_int64 (&value), error))
        return FALSE;
      if (zs_field_spec_get_unique (field) && !check_unique (self, type, field, &value, id, error))
        return FALSE;
    }
  return _zs_record_type_run_validate_func (type, record, error) &&
         _zs_record_type_run_check_func (type, G_OBJECT (self), record, error);
}

/* Search over the fields marked searchable: one index for every declared
 * type, with core's CJK tokenizer (1- and 2-character terms are found). */

static gboolean
has_searchable_fields (ZsRecordType *type)
{
  GPtrArray *fields = zs_record_type_get_fields (type);

  for (guint i = 0; i < fields->len; i++)
    if (zs_field_spec_get_searchable (g_ptr_array_index (fields, i)))
      return TRUE;
  return FALSE;
}

static char *
search_text (ZsRecordType *type,
             GObject      *record)
{
  GPtrArray *fields = zs_record_type_get_fields (type);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (fields, i);
      g_autofree char *value = NULL;

      if (!zs_field_spec_get_searchable (field))
        continue;
      value = zs_record_type_get_text (type, record, zs_field_spec_get_name (field));
      if (value != NULL)
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", value);
    }
  return g_string_free (text, FALSE);
}

static gboolean
unindex_record (ZsStore     *self,
                const char  *type_name,
                gint64       id,
                GError     **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "DELETE FROM " SEARCH_TABLE " WHERE type = ? AND record_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, type_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  return _zs_store_step_done (self, stmt, error);
}

static gboolean
index_record (ZsStore       *self,
              ZsRecordType  *type,
              GObject       *record,
              GError       **error)
{
  g_autofree char *text = search_text (type, record);
  sqlite3_stmt *stmt;

  if (!unindex_record (self, zs_record_type_get_name (type), zs_record_get_id (ZS_RECORD (record)), error) ||
      !(stmt = _zs_store_prepare (self, "INSERT INTO " SEARCH_TABLE " (type, record_id, text) VALUES (?, ?, ?)",
                                  error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, zs_record_type_get_name (type), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, zs_record_get_id (ZS_RECORD (record)));
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  return _zs_store_step_done (self, stmt, error);
}

static gboolean
after_write_declared (ZsStore       *self,
                      GObject       *record,
                      ZsChangeKind   kind,
                      GError       **error)
{
  ZsRecordType *type = zs_record_get_record_type (ZS_RECORD (record));

  if (!has_searchable_fields (type))
    return TRUE;
  if (kind == ZS_CHANGE_KIND_DELETE)
    return unindex_record (self, zs_record_type_get_name (type), zs_record_get_id (ZS_RECORD (record)), error);
  return index_record (self, type, record, error);
}

/* Registration: the entity, the table and its migrations. */

/* Columns are named after fields, unquoted in the generic SQL. */
static gboolean
check_field_names (ZsRecordType  *type,
                   GError       **error)
{
  GPtrArray *fields = zs_record_type_get_fields (type);

  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = zs_field_spec_get_name (g_ptr_array_index (fields, i));

      if (!sqlite3_keyword_check (name, strlen (name)))
        continue;
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: “%s” is a reserved word, not a field name"),
                   zs_record_type_get_name (type), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_declaration (ZsRecordType  *type,
                   GError       **error)
{
  const char *module = zs_record_type_get_module (type);

  if (zs_record_type_is_core (type) || module == NULL ||
      !_zs_field_name_is_valid (module) || !_zs_field_name_is_valid (zs_record_type_get_local_name (type)))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("“%s” is not a record type name (module.name, of lower-case letters, digits and _)"),
                   zs_record_type_get_name (type));
      return FALSE;
    }
  return check_field_names (type, error);
}

static const ZsEntity *
declare_entity (ZsRecordType *type)
{
  DeclaredEntity *declared_entity = g_new0 (DeclaredEntity, 1);
  GPtrArray *fields = zs_record_type_get_fields (type);
  GStrvBuilder *columns = g_strv_builder_new ();

  for (guint i = 0; i < fields->len; i++)
    g_strv_builder_add (columns, zs_field_spec_get_property_name (g_ptr_array_index (fields, i)));
  g_strv_builder_add (columns, "created-at");
  g_strv_builder_add (columns, "updated-at");

  declared_entity->record_type = g_object_ref (type);
  declared_entity->entity.name = zs_record_type_get_name (type);
  declared_entity->entity.table = zs_record_type_get_table_name (type);
  declared_entity->entity.gtype = zs_record_type_get_record_gtype (type);
  declared_entity->entity.columns = (const char * const *) g_strv_builder_end (columns);
  declared_entity->entity.timestamps = TRUE;
  declared_entity->entity.validate = validate_declared;
  declared_entity->entity.after_write = after_write_declared;
  g_strv_builder_unref (columns);

  g_mutex_lock (&declared_lock);
  if (declared == NULL)
    {
      declared = g_hash_table_new (g_str_hash, g_str_equal);
      retired = g_ptr_array_new ();
    }
  /* A declaration replaced by a newer one stays: code that looked up its
   * ZsEntity may still hold it. */
  if (g_hash_table_contains (declared, declared_entity->entity.name))
    g_ptr_array_add (retired, g_hash_table_lookup (declared, declared_entity->entity.name));
  g_hash_table_replace (declared, (gpointer) declared_entity->entity.name, declared_entity);
  g_mutex_unlock (&declared_lock);
  return &declared_entity->entity;
}

static const char *
column_type (ZsFieldKind kind)
{
  switch (kind)
    {
    case ZS_FIELD_INTEGER:
    case ZS_FIELD_REFERENCE:
      return "INTEGER";
    case ZS_FIELD_DECIMAL:
    case ZS_FIELD_MONEY:
      return "REAL";
    case ZS_FIELD_BOOLEAN:
      return "INTEGER NOT NULL DEFAULT 0";
    default:
      return "TEXT";
    }
}

/* Indexes for what writes and lists look up. A unique field's index is
 * UNIQUE too: the check before a write gives the readable error, the index
 * keeps the rule when rows arrive another way (the owning plugin's own SQL).
 * The plain index an older declaration made for it is dropped. */
static void
append_indexes (GString      *sql,
                ZsRecordType *type)
{
  GPtrArray *fields = zs_record_type_get_fields (type);
  const char *table = zs_record_type_get_table_name (type);

  for (guint i = 0; i < fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (fields, i);
      const char *name = zs_field_spec_get_name (field);

      if (zs_field_spec_get_unique (field))
        g_string_append_printf (sql,
                                "DROP INDEX IF EXISTS %s_%s;\n"
                                "CREATE UNIQUE INDEX IF NOT EXISTS %s_%s_unique ON %s (%s);\n",
                                table, name, table, name, table, name);
      else if (zs_field_spec_get_kind (field) == ZS_FIELD_REFERENCE)
        g_string_append_printf (sql, "CREATE INDEX IF NOT EXISTS %s_%s ON %s (%s);\n", table, name, table, name);
    }
}

static char *
create_table_sql (ZsRecordType *type)
{
  GPtrArray *fields = zs_record_type_get_fields (type);
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "CREATE TABLE %s (\n  id INTEGER PRIMARY KEY", zs_record_type_get_table_name (type));
  for (guint i = 0; i < fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (fields, i);
      g_string_append_printf (sql, ",\n  %s %s", zs_field_spec_get_name (field),
                              column_type (zs_field_spec_get_kind (field)));
    }
  g_string_append (sql, ",\n  version INTEGER NOT NULL DEFAULT 1,\n  created_at TEXT,\n  updated_at TEXT\n);\n");
  append_indexes (sql, type);
  return g_string_free (sql, FALSE);
}

/* NULL when the table does not exist */
static GHashTable *
table_columns (ZsStore     *self,
               const char  *table,
               GError     **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT name FROM pragma_table_info (?)", error);
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&columns);
}

/* Added fields get a column, renamed ones keep theirs under the new name;
 * the columns of fields a declaration dropped stay, unread. */
static char *
migrate_table_sql (ZsRecordType *type,
                   GHashTable   *columns)
{
  GPtrArray *fields = zs_record_type_get_fields (type);
  const char *table = zs_record_type_get_table_name (type);
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (fields, i);
      const char *name = zs_field_spec_get_name (field);
      const char *old_name = zs_field_spec_get_renamed_from (field);

      if (g_hash_table_contains (columns, name))
        continue;
      if (old_name != NULL && g_hash_table_contains (columns, old_name))
        g_string_append_printf (sql, "ALTER TABLE %s RENAME COLUMN %s TO %s;\n", table, old_name, name);
      else
        g_string_append_printf (sql, "ALTER TABLE %s ADD COLUMN %s %s;\n", table, name,
                                column_type (zs_field_spec_get_kind (field)));
    }
  append_indexes (sql, type);
  return g_string_free (sql, FALSE);
}

static gboolean
create_search_table (ZsStore  *self,
                     GError  **error)
{
  return _zs_store_exec (self,
                         "CREATE VIRTUAL TABLE IF NOT EXISTS " SEARCH_TABLE " USING fts5 ("
                         "type UNINDEXED, record_id UNINDEXED, text, tokenize = 'zs_cjk', detail = 'full')",
                         error);
}

static gboolean
apply_schema (ZsStore       *self,
              ZsRecordType  *type,
              const char    *schema,
              const char    *sql,
              GError       **error)
{
  if (!_zs_store_check_can_write (self, error) || !_zs_store_savepoint (self, error))
    return FALSE;
  if ((has_searchable_fields (type) && !create_search_table (self, error)) ||
      !_zs_store_apply_plugin_schema_step (self, schema, zs_record_type_get_version (type), sql, error))
    {
      _zs_store_rollback_to (self);
      return FALSE;
    }
  return _zs_store_release (self, error);
}

/* A field declared unique over rows that already share a value: say which
 * before the unique index fails with SQLite's bare constraint message. */
static gboolean
check_unique_columns (ZsStore       *self,
                      ZsRecordType  *type,
                      GHashTable    *columns,
                      GError       **error)
{
  GPtrArray *fields = zs_record_type_get_fields (type);

  for (guint i = 0; i < fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (fields, i);
      const char *column = zs_field_spec_get_name (field);
      g_autofree char *sql = NULL;
      g_autofree char *value = NULL;
      g_autofree char *ids = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (!zs_field_spec_get_unique (field))
        continue;
      if (!g_hash_table_contains (columns, column))
        column = zs_field_spec_get_renamed_from (field);
      if (column == NULL || !g_hash_table_contains (columns, column))
        continue;
      sql = g_strdup_printf ("SELECT %s, group_concat (id, ', ') FROM %s WHERE %s IS NOT NULL"
                             " GROUP BY %s HAVING count(*) > 1 LIMIT 1",
                             column, zs_record_type_get_table_name (type), column, column);
      if ((stmt = _zs_store_prepare (self, sql, error)) == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          ids = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _zs_store_set_error (self, error);
          return FALSE;
        }
      if (rc == SQLITE_ROW)
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE,
                       _("%s: “%s” is used by more than one record of %s (%s); it cannot be declared unique"),
                       zs_field_spec_get_name (field), value, zs_record_type_get_name (type), ids);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
ensure_table (ZsStore       *self,
              ZsRecordType  *type,
              GError       **error)
{
  g_autofree char *schema = g_strconcat ("record:", zs_record_type_get_name (type), NULL);
  g_autoptr(GHashTable) columns = table_columns (self, zs_record_type_get_table_name (type), error);
  g_autofree char *sql = NULL;
  int stored;

  if (columns == NULL || (stored = _zs_store_read_plugin_schema_version (self, schema, error)) < 0)
    return FALSE;
  if ((guint) stored > zs_record_type_get_version (type))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_TOO_NEW,
                   _("The database holds %s at version %d, newer than this declaration’s version %u"),
                   zs_record_type_get_name (type), stored, zs_record_type_get_version (type));
      return FALSE;
    }
  sql = g_hash_table_size (columns) == 0 ? create_table_sql (type) : migrate_table_sql (type, columns);
  if ((guint) stored == zs_record_type_get_version (type) && g_hash_table_size (columns) > 0 &&
      strstr (sql, "ALTER TABLE") == NULL)
    return TRUE;   /* up to date: nothing to write, so read-only stores register too */
  if (!check_unique_columns (self, type, columns, error))
    return FALSE;
  return apply_schema (self, type, schema, sql, error);
}

static GArray *
orphan_ids (ZsStore      *self,
            ZsRecordType *type,
            ZsFieldSpec  *field,
            const char   *target_table)
{
  const char *table = zs_record_type_get_table_name (type);
  const char *name = zs_field_spec_get_name (field);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s t WHERE %s IS NOT NULL "
                                          "AND NOT EXISTS (SELECT 1 FROM %s r WHERE r.id = t.%s)",
                                          table, name, target_table, name);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _zs_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

static gboolean delete_record (ZsStore *self, const char *type_name, gint64 id, GError **error);

/* A firm or project deleted while the plugin was off took none of the
 * plugin's records with it: its types were not registered. Those whose
 * reference cascades go now, audited like any deletion. Only a store that
 * may write does it; the next one that may will. */
static void
drop_orphans (ZsStore      *self,
              ZsRecordType *type)
{
  GPtrArray *fields = zs_record_type_get_fields (type);

  for (guint i = 0; i < fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (fields, i);
      const char *target = zs_field_spec_get_reference (field);
      const ZsEntity *entity = target != NULL && strchr (target, '.') == NULL ? _zs_entity_lookup (target) : NULL;
      g_autoptr(GArray) ids = NULL;

      if (entity == NULL || zs_field_spec_get_on_delete (field) != ZS_ON_DELETE_CASCADE ||
          !(ids = orphan_ids (self, type, field, entity->table)))
        continue;
      for (guint j = 0; j < ids->len; j++)
        {
          g_autoptr(GError) error = NULL;

          if (!delete_record (self, zs_record_type_get_name (type), g_array_index (ids, gint64, j), &error))
            {
              g_debug ("%s %" G_GINT64_FORMAT " names a %s that is gone, and stays: %s",
                       zs_record_type_get_name (type), g_array_index (ids, gint64, j), target, error->message);
              return;
            }
        }
    }
}

/**
 * zs_store_register_record_type:
 * @self: a #ZsStore
 * @record_type: a declared record type
 * @error: return location for a #GError
 *
 * Makes @record_type's records storable: creates its table
 * ("module_local_name") or migrates it to the declaration's version
 * (columns for added fields, renamed columns for fields with a former
 * name), then emits #ZsStore::record-type-added. A type registered again
 * under the same name replaces the earlier declaration. The version is kept
 * in the database, so a declaration older than the database is refused.
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_INVALID for a bad declaration,
 *   %ZS_ERROR_TOO_NEW for a database written by a newer declaration, or a
 *   database error
 */
gboolean
zs_store_register_record_type (ZsStore       *self,
                               ZsRecordType  *record_type,
                               GError       **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (record_type), FALSE);

  if (!check_declaration (record_type, error) || !ensure_table (self, record_type, error))
    return FALSE;
  declare_entity (record_type);
  g_hash_table_replace (registry (self), g_strdup (zs_record_type_get_name (record_type)),
                        g_object_ref (record_type));
  drop_orphans (self, record_type);
  g_signal_emit_by_name (self, "record-type-added", record_type);
  return TRUE;
}

/**
 * zs_store_share_record_types:
 * @self: a store opened on the same database as the one @types come from
 * @types: (element-type ZsRecordType): record types as
 *   zs_store_list_record_types() lists them on that other store
 *
 * Lets a second connection to a database, such as one a worker thread
 * opens to read off the main thread, use the record types registered on
 * the first without registering them again: their tables are in place
 * already, so nothing is read or written. Core types are skipped, every
 * store has them.
 */
void
zs_store_share_record_types (ZsStore   *self,
                             GPtrArray *types)
{
  g_return_if_fail (ZS_IS_STORE (self));
  g_return_if_fail (types != NULL);

  for (guint i = 0; i < types->len; i++)
    {
      ZsRecordType *type = g_ptr_array_index (types, i);

      if (!zs_record_type_is_core (type))
        g_hash_table_replace (registry (self), g_strdup (zs_record_type_get_name (type)), g_object_ref (type));
    }
}

/**
 * zs_store_unregister_record_type:
 * @self: a #ZsStore
 * @name: a registered record type's name
 *
 * Withdraws the type (its table and records stay) and emits
 * #ZsStore::record-type-removed.
 *
 * Returns: %FALSE when no such type was registered
 */
gboolean
zs_store_unregister_record_type (ZsStore    *self,
                                 const char *name)
{
  g_autoptr(ZsRecordType) type = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_hash_table_steal_extended (registry (self), name, (gpointer *) &key, (gpointer *) &type))
    return FALSE;
  g_signal_emit_by_name (self, "record-type-removed", type);
  return TRUE;
}

/* Records of any type */

/**
 * zs_store_get_record:
 * @self: a #ZsStore
 * @type_name: a record type's name
 * @id: the record's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the record (a #ZsFirm for "firm", a #ZsRecord
 *   for a declared type…), or %NULL with %ZS_ERROR_NOT_FOUND
 */
GObject *
zs_store_get_record (ZsStore     *self,
                     const char  *type_name,
                     gint64       id,
                     GError     **error)
{
  const ZsEntity *entity;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  if (!(entity = entity_for (self, type_name, error)))
    return NULL;
  return _zs_record_load (self, entity, id, error);
}

static const ZsEntity *
entity_of_record (ZsStore  *self,
                  GObject  *record,
                  GError  **error)
{
  ZsRecordType *type = zs_store_get_record_type_of (self, record);

  if (type == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("A %s is not a record"), G_OBJECT_TYPE_NAME (record));
      return NULL;
    }
  return entity_for (self, zs_record_type_get_name (type), error);
}

static void
apply_defaults (ZsRecordType *type,
                GObject      *record)
{
  GPtrArray *fields = zs_record_type_get_fields (type);

  for (guint i = 0; i < fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (fields, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (zs_field_spec_get_default (field) == NULL ||
          !zs_record_type_get_value (type, record, zs_field_spec_get_name (field), &value) ||
          _zs_field_value_is_set (&value))
        continue;
      zs_record_type_set_text (type, record, zs_field_spec_get_name (field), zs_field_spec_get_default (field), NULL);
    }
}

/**
 * zs_store_create_record:
 * @self: a #ZsStore
 * @record: a new record of any record type, its id 0
 * @error: return location for a #GError
 *
 * Fills fields without a value that have a default, checks every rule,
 * stores the record, sets its id and version, audits the creation and
 * emits #ZsStore::changed with the type's name.
 *
 * Returns: the new id, or 0 with @error set (%ZS_ERROR_INVALID naming the
 *   field and the value, %ZS_ERROR_DUPLICATE for a unique field) and
 *   nothing written
 */
gint64
zs_store_create_record (ZsStore  *self,
                        GObject  *record,
                        GError  **error)
{
  const ZsEntity *entity;

  g_return_val_if_fail (ZS_IS_STORE (self), 0);
  g_return_val_if_fail (G_IS_OBJECT (record), 0);

  if (!(entity = entity_of_record (self, record, error)))
    return 0;
  if (ZS_IS_FIRM (record))
    return zs_store_add_firm (self, ZS_FIRM (record), error);
  if (ZS_IS_PROJECT (record))
    return zs_store_add_project (self, ZS_PROJECT (record), error);
  if (ZS_IS_RECORD (record))
    apply_defaults (zs_record_get_record_type (ZS_RECORD (record)), record);
  return _zs_record_insert (self, entity, record, error);
}

/**
 * zs_store_update_record:
 * @self: a #ZsStore
 * @record: a stored record as read (its id and version) and then changed
 * @error: return location for a #GError
 *
 * Writes the fields changed since @record was read; fields someone else
 * changed meanwhile fail with %ZS_ERROR_CONFLICT, changes to other fields
 * are merged. Audited field by field.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
zs_store_update_record (ZsStore  *self,
                        GObject  *record,
                        GError  **error)
{
  const ZsEntity *entity;

  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  if (!(entity = entity_of_record (self, record, error)))
    return FALSE;
  if (ZS_IS_FIRM (record))
    return zs_store_update_firm (self, ZS_FIRM (record), error);
  if (ZS_IS_PROJECT (record))
    return zs_store_update_project (self, ZS_PROJECT (record), error);
  return _zs_record_update (self, entity, record, error);
}

typedef struct
{
  ZsRecordType *type;
  ZsFieldSpec  *field;
  gint64        id;
} Referrer;

/* The declared records whose reference fields point at @type_name @id. */
static GArray *
find_referrers (ZsStore     *self,
                const char  *type_name,
                gint64       id,
                GError     **error)
{
  g_autoptr(GArray) referrers = g_array_new (FALSE, FALSE, sizeof (Referrer));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, registry (self));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *fields = zs_record_type_get_fields (value);

      for (guint i = 0; i < fields->len; i++)
        {
          ZsFieldSpec *field = g_ptr_array_index (fields, i);
          g_autofree char *sql = NULL;
          sqlite3_stmt *stmt;

          if (g_strcmp0 (zs_field_spec_get_reference (field), type_name) != 0)
            continue;
          sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ? ORDER BY id",
                                 zs_record_type_get_table_name (value), zs_field_spec_get_name (field));
          if (!(stmt = _zs_store_prepare (self, sql, error)))
            return NULL;
          sqlite3_bind_int64 (stmt, 1, id);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              Referrer referrer = { value, field, sqlite3_column_int64 (stmt, 0) };
              g_array_append_val (referrers, referrer);
            }
          sqlite3_reset (stmt);
        }
    }
  return g_steal_pointer (&referrers);
}

static gboolean
require_no_referrers (const char  *type_name,
                      gint64       id,
                      GArray      *referrers,
                      gboolean     cascading_too,
                      GError     **error)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < referrers->len; i++)
    {
      Referrer *referrer = &g_array_index (referrers, Referrer, i);

      if (!cascading_too && zs_field_spec_get_on_delete (referrer->field) != ZS_ON_DELETE_RESTRICT)
        continue;
      g_string_append_printf (names, "%s%s %" PRId64 " (%s)", names->len ? ", " : "",
                              zs_record_type_get_name (referrer->type), referrer->id,
                              zs_field_spec_get_name (referrer->field));
    }
  if (names->len == 0)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_IN_USE, _("%s %" PRId64 " is referred to by %s"),
               type_name, id, names->str);
  return FALSE;
}

/* Every deletion, core's own included, leaves no declared record pointing
 * at nothing: zs_store_delete_record(), zs_store_delete_firm() and
 * zs_store_delete_project() take cascading referrers first; a row deleted
 * any other way (reverting a creation) is refused while any remain. */
gboolean
_zs_store_require_unreferenced (ZsStore         *self,
                                const ZsEntity  *entity,
                                gint64           id,
                                GError         **error)
{
  g_autoptr(GArray) referrers = NULL;

  if (g_hash_table_size (registry (self)) == 0)
    return TRUE;
  referrers = find_referrers (self, entity->name, id, error);
  return referrers != NULL && require_no_referrers (entity->name, id, referrers, TRUE, error);
}


static gboolean
delete_own_row (ZsStore     *self,
                const char  *type_name,
                gint64       id,
                GError     **error)
{
  const ZsEntity *entity = entity_for (self, type_name, error);

  if (entity == NULL)
    return FALSE;
  if (g_str_equal (type_name, "firm"))
    return zs_store_delete_firm (self, id, error);
  if (g_str_equal (type_name, "project"))
    return zs_store_delete_project (self, id, error);
  return _zs_record_delete (self, entity, id, error);
}

static gboolean
delete_referrers (ZsStore  *self,
                  GArray   *referrers,
                  GError  **error)
{
  for (guint i = 0; i < referrers->len; i++)
    {
      Referrer *referrer = &g_array_index (referrers, Referrer, i);

      if (!delete_record (self, zs_record_type_get_name (referrer->type), referrer->id, error))
        return FALSE;
    }
  return TRUE;
}

/* Cascaded records are deleted first, so the record's own deletion is the
 * group's last row: reverting it brings back the whole group. */
static gboolean
delete_with_cascade (ZsStore     *self,
                     const char  *type_name,
                     gint64       id,
                     GArray      *referrers,
                     GError     **error)
{
  gint64 first;

  if (!_zs_store_savepoint (self, error))
    return FALSE;
  if (!(first = _zs_audit_group_begin (self, error)))
    goto failed;
  if (!delete_referrers (self, referrers, error))
    goto failed;
  if (!delete_own_row (self, type_name, id, error) || !_zs_audit_group_end (self, first, error))
    goto failed;
  return _zs_store_release (self, error);

failed:
  _zs_store_rollback_to (self);
  return FALSE;
}

static gboolean
delete_record (ZsStore     *self,
               const char  *type_name,
               gint64       id,
               GError     **error)
{
  g_autoptr(GArray) referrers = find_referrers (self, type_name, id, error);

  if (referrers == NULL || !require_no_referrers (type_name, id, referrers, FALSE, error))
    return FALSE;
  if (referrers->len == 0)
    return delete_own_row (self, type_name, id, error);
  return delete_with_cascade (self, type_name, id, referrers, error);
}

/**
 * _zs_store_delete_declared_dependents:
 *
 * Deletes the declared records whose cascading reference fields point at
 * core's @type_name @id, which is about to go, refusing while restricting
 * ones remain. The caller holds a group of the audit trail, so that
 * reverting the core record's deletion brings them back too.
 */
gboolean
_zs_store_delete_declared_dependents (ZsStore     *self,
                                      const char  *type_name,
                                      gint64       id,
                                      GError     **error)
{
  g_autoptr(GArray) referrers = NULL;

  if (g_hash_table_size (registry (self)) == 0)
    return TRUE;
  referrers = find_referrers (self, type_name, id, error);
  return referrers != NULL && require_no_referrers (type_name, id, referrers, FALSE, error) &&
         delete_referrers (self, referrers, error);
}

/* The type's delete rule, on the record as stored and with the write lock
 * held. Records deleted along with it by a cascade are not asked: what
 * they belong to goes too. */
gboolean
_zs_store_check_delete (ZsStore     *self,
                        const char  *type_name,
                        gint64       id,
                        GError     **error)
{
  ZsRecordType *type = zs_store_lookup_record_type (self, type_name);
  g_autoptr(GObject) record = NULL;

  if (type == NULL || !_zs_record_type_has_delete_check_func (type))
    return TRUE;
  if (!(record = zs_store_get_record (self, type_name, id, error)))
    return FALSE;
  return _zs_record_type_run_delete_check_func (type, G_OBJECT (self), record, error);
}

/**
 * zs_store_delete_record:
 * @self: a #ZsStore
 * @type_name: a record type's name
 * @id: the record's id
 * @error: return location for a #GError
 *
 * Deletes the record and, in one group of the audit trail, the declared
 * records whose cascading reference fields point at it; reverting the
 * deletion brings them all back. The type's delete rule
 * (zs_record_type_set_delete_check_func()) is asked first.
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_IN_USE naming the records whose
 *   restricting references point at it, the delete rule's error,
 *   %ZS_ERROR_NOT_FOUND, … and nothing written
 */
gboolean
zs_store_delete_record (ZsStore     *self,
                        const char  *type_name,
                        gint64       id,
                        GError     **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);

  if (entity_for (self, type_name, error) == NULL || !_zs_store_check_can_write (self, error) ||
      !_zs_store_savepoint (self, error))
    return FALSE;
  if (!_zs_store_check_delete (self, type_name, id, error) || !delete_record (self, type_name, id, error))
    {
      _zs_store_rollback_to (self);
      return FALSE;
    }
  return _zs_store_release (self, error);
}

/* Lists: filters, order and keyset paging. */

static ZsFieldSpec *
require_field (ZsRecordType  *type,
               const char    *name,
               GError       **error)
{
  ZsFieldSpec *field = zs_record_type_lookup_field (type, name);

  if (field == NULL)
    g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: there is no field “%s”"),
                 zs_record_type_get_name (type), name);
  return field;
}

static const char *
filter_operator (ZsFilterOp op)
{
  switch (op)
    {
    case ZS_FILTER_LESS:
      return "<";
    case ZS_FILTER_LESS_OR_EQUAL:
      return "<=";
    case ZS_FILTER_GREATER:
      return ">";
    case ZS_FILTER_GREATER_OR_EQUAL:
      return ">=";
    case ZS_FILTER_EQUAL:
    default:
      return "=";
    }
}

static gboolean
append_filters (GString        *sql,
                GPtrArray      *params,
                ZsRecordType   *type,
                ZsRecordQuery  *query,
                GError        **error)
{
  for (guint i = 0; i < zs_record_query_get_n_filters (query); i++)
    {
      ZsFilterOp op;
      const char *text;
      const char *name = zs_record_query_get_filter (query, i, &op, &text);
      ZsFieldSpec *field = require_field (type, name, error);
      GValue *value = g_new0 (GValue, 1);

      g_ptr_array_add (params, value);
      if (field == NULL || !zs_field_spec_parse_value (field, text, value, error))
        return FALSE;
      g_string_append (sql, params->len == 1 ? " WHERE " : " AND ");
      if (!_zs_field_value_is_set (value) && op == ZS_FILTER_EQUAL)
        g_string_append_printf (sql, "t.%s IS NULL AND ?%u IS NULL", name, params->len);
      else
        g_string_append_printf (sql, "t.%s %s ?%u", name, filter_operator (op), params->len);
    }
  return TRUE;
}

/* Ascending puts records without a value first, descending last. */
static gboolean
append_after (GString        *sql,
              GPtrArray      *params,
              ZsRecordType   *type,
              ZsRecordQuery  *query,
              GError        **error)
{
  const char *sort = zs_record_query_get_sort_field (query);
  gboolean down = zs_record_query_get_sort_direction (query) == ZS_SORT_DESCENDING;
  const char *text;
  gint64 id;
  GValue *value;
  guint v, k;

  if (!zs_record_query_get_after_key (query, &text, &id))
    return TRUE;
  g_string_append (sql, params->len == 0 ? " WHERE " : " AND ");
  value = g_new0 (GValue, 1);
  g_ptr_array_add (params, value);
  g_value_init (value, G_TYPE_INT64);
  g_value_set_int64 (value, id);
  k = params->len;
  if (sort == NULL)
    {
      g_string_append_printf (sql, "t.id %s ?%u", down ? "<" : ">", k);
      return TRUE;
    }
  value = g_new0 (GValue, 1);
  g_ptr_array_add (params, value);
  if (!zs_field_spec_parse_value (zs_record_type_lookup_field (type, sort), text, value, error))
    return FALSE;
  v = params->len;
  if (!_zs_field_value_is_set (value))
    g_string_append_printf (sql, down ? "(t.%1$s IS NULL AND t.id < ?%2$u)"
                                      : "((t.%1$s IS NULL AND t.id > ?%2$u) OR t.%1$s IS NOT NULL)",
                            sort, k);
  else
    g_string_append_printf (sql, down ? "(t.%1$s < ?%2$u OR (t.%1$s = ?%2$u AND t.id < ?%3$u) OR t.%1$s IS NULL)"
                                      : "(t.%1$s > ?%2$u OR (t.%1$s = ?%2$u AND t.id > ?%3$u))",
                            sort, v, k);
  return TRUE;
}

static void
free_value (gpointer data)
{
  g_value_unset (data);
  g_free (data);
}

static char *
list_tail (ZsRecordType   *type,
           ZsRecordQuery  *query,
           GPtrArray      *params,
           GError        **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  const char *sort = zs_record_query_get_sort_field (query);
  const char *direction = zs_record_query_get_sort_direction (query) == ZS_SORT_DESCENDING ? "DESC" : "ASC";

  if (sort != NULL && !require_field (type, sort, error))
    return NULL;
  if (!append_filters (sql, params, type, query, error) || !append_after (sql, params, type, query, error))
    return NULL;
  if (sort != NULL)
    g_string_append_printf (sql, " ORDER BY t.%s %s, t.id %s", sort, direction, direction);
  else
    g_string_append_printf (sql, " ORDER BY t.id %s", direction);
  if (zs_record_query_get_limit (query) > 0)
    g_string_append_printf (sql, " LIMIT %u", zs_record_query_get_limit (query));
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/**
 * zs_store_list_records:
 * @self: a #ZsStore
 * @type_name: a record type's name
 * @query: (nullable): filters, order, limit and the record to start after;
 *   %NULL for every record by id
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or
 *   %NULL with %ZS_ERROR_INVALID naming an unknown field or a value that
 *   is not one of its field's
 */
GPtrArray *
zs_store_list_records (ZsStore        *self,
                       const char     *type_name,
                       ZsRecordQuery  *query,
                       GError        **error)
{
  g_autoptr(ZsRecordQuery) every = NULL;
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (free_value);
  g_autofree char *tail = NULL;
  g_autofree char *sql = NULL;
  const ZsEntity *entity;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);
  g_return_val_if_fail (query == NULL || ZS_IS_RECORD_QUERY (query), NULL);

  if (!(entity = entity_for (self, type_name, error)))
    return NULL;
  if (query == NULL)
    query = every = zs_record_query_new ();
  if (!(tail = list_tail (zs_store_lookup_record_type (self, type_name), query, params, error)))
    return NULL;
  sql = _zs_record_select_sql (entity, tail);
  if (!(stmt = _zs_store_prepare (self, sql, error)))
    return NULL;
  for (guint i = 0; i < params->len; i++)
    bind_field_value (stmt, i + 1, g_ptr_array_index (params, i));
  return _zs_record_collect (self, entity, stmt, error);
}

/**
 * zs_store_search_records:
 * @self: a #ZsStore
 * @type_name: a declared record type's name, or "firm"
 * @text: what to find in the type's searchable fields; Chinese terms of
 *   one or two characters are found too
 * @limit: the most records to return, 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records found,
 *   best first, or %NULL with @error set
 */
GPtrArray *
zs_store_search_records (ZsStore     *self,
                         const char  *type_name,
                         const char  *text,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *match = NULL;
  ZsRecordType *type;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!entity_for (self, type_name, error))
    return NULL;
  if (g_str_equal (type_name, "firm"))
    return zs_store_list_firms (self, text, NULL, 0, limit, error);
  type = zs_store_lookup_record_type (self, type_name);
  if (zs_record_type_is_core (type) || !has_searchable_fields (type))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s has no searchable fields"), type_name);
      return NULL;
    }
  if ((match = zs_search_build_match (text)) == NULL)
    return g_steal_pointer (&records);
  if (!(stmt = _zs_store_prepare (self, "SELECT record_id FROM " SEARCH_TABLE
                                  " WHERE " SEARCH_TABLE " MATCH ?1 AND type = ?2 ORDER BY rank LIMIT ?3", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, type_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GObject *record = zs_store_get_record (self, type_name, sqlite3_column_int64 (stmt, 0), NULL);

      if (record != NULL)
        g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}
