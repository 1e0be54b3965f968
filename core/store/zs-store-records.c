/* zs-store-records.c: model objects ↔ rows, generically
 *
 * Every model class names its properties after its table's columns
 * ('-' ↔ '_'), so one set of functions loads, inserts, updates, deletes and
 * audits any of them. What differs per entity lives in its ZsEntity.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "zs-enums.h"
#include "zs-error.h"
#include "zs-store-private.h"

static char *
column_name (const char *property)
{
  return g_strdelimit (g_strdup (property), "-", '_');
}

static gboolean
is_bookkeeping (const char *property)
{
  return g_str_equal (property, "created-at") || g_str_equal (property, "updated-at");
}

static GParamSpec *
find_pspec (const ZsEntity *entity,
            const char     *property)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (_zs_entity_get_gtype (entity));

  return g_object_class_find_property (G_OBJECT_CLASS (klass), property);
}

/* Records people edit carry a version (schema 7); reference data does not. */
static gboolean
has_version (const ZsEntity *entity)
{
  return find_pspec (entity, "version") != NULL;
}

static void
strv_to_json (GString            *out,
              const char * const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
}

/* Values as stored in the audit trail and in snapshots: ids of 0 and empty
 * lists are NULL, doubles in their shortest exact form, enums as nicks. */
char *
_zs_value_to_string (const GValue *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (type == G_TYPE_INT64)
    return g_value_get_int64 (value) != 0 ? g_strdup_printf ("%" PRId64, g_value_get_int64 (value)) : NULL;
  if (type == G_TYPE_DOUBLE)
    return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_value_get_double (value)));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (G_TYPE_IS_ENUM (type))
    return g_strdup (zs_enum_to_nick (type, g_value_get_enum (value)));
  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      return strv != NULL && strv[0] != NULL ? g_strjoinv (",", (char **) strv) : NULL;
    }
  g_return_val_if_reached (NULL);
}

gboolean
_zs_value_from_string (GValue      *value,
                       const char  *text,
                       GError     **error)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, text);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, text ? (int) g_ascii_strtoll (text, NULL, 10) : 0);
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, text ? g_ascii_strtoll (text, NULL, 10) : 0);
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, text ? g_ascii_strtod (text, NULL) : 0);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, g_strcmp0 (text, "true") == 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      int v = 0;
      if (text != NULL && !zs_enum_from_nick (type, "value", text, &v, error))
        return FALSE;
      g_value_set_enum (value, v);
    }
  else if (type == G_TYPE_STRV)
    g_value_take_boxed (value, text ? g_strsplit (text, ",", -1) : NULL);
  else
    g_return_val_if_reached (FALSE);
  return TRUE;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      g_autoptr(GString) json = g_string_new (NULL);

      if (strv == NULL)
        {
          sqlite3_bind_null (stmt, index);
          return;
        }
      strv_to_json (json, strv);
      sqlite3_bind_text (stmt, index, json->str, json->len, SQLITE_TRANSIENT);
    }
  else if (type == G_TYPE_INT)
    sqlite3_bind_int (stmt, index, g_value_get_int (value));
  else if (type == G_TYPE_INT64)
    {
      /* int64 columns are references; 0 means none and must be NULL for the
       * foreign key to hold. */
      if (g_value_get_int64 (value) == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
    }
  else if (type == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, g_value_get_double (value));
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value));
  else
    {
      g_autofree char *text = _zs_value_to_string (value);

      if (text == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
    }
}

static char **
json_to_strv (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return NULL;

  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

static void
column_to_value (sqlite3_stmt *stmt,
                 int           index,
                 GValue       *value)
{
  GType type = G_VALUE_TYPE (value);
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  if (type == G_TYPE_INT)
    g_value_set_int (value, sqlite3_column_int (stmt, index));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, index));
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, sqlite3_column_double (stmt, index));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, index) != 0);
  else if (type == G_TYPE_STRV)
    g_value_take_boxed (value, text ? json_to_strv (text) : NULL);
  else
    _zs_value_from_string (value, text, NULL);
}

static guint
n_columns (const ZsEntity *entity)
{
  return g_strv_length ((char **) entity->columns);
}

/**
 * _zs_record_select_sql:
 *
 * SELECT of id, every column and the sector codes of the entity's table,
 * aliased t, followed by @tail (joins, WHERE, ORDER BY…).
 */
char *
_zs_record_select_sql (const ZsEntity *entity,
                       const char     *tail)
{
  g_autoptr(GString) sql = g_string_new ("SELECT t.id");

  for (guint i = 0; entity->columns[i] != NULL; i++)
    {
      g_autofree char *column = column_name (entity->columns[i]);
      g_string_append_printf (sql, ", t.%s", column);
    }
  if (entity->sector_table != NULL)
    g_string_append_printf (sql, ", (SELECT group_concat (sector_code, ',') FROM %s WHERE %s = t.id)",
                            entity->sector_table, entity->sector_key);
  if (has_version (entity))
    g_string_append (sql, ", t.version");
  g_string_append_printf (sql, " FROM %s t %s", entity->table, tail ? tail : "");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

GObject *
_zs_record_from_row (const ZsEntity *entity,
                     sqlite3_stmt   *stmt)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (_zs_entity_get_gtype (entity));
  /* Once a row: this runs for every record read. */
  gboolean versioned = g_object_class_find_property (G_OBJECT_CLASS (klass), "version") != NULL;
  guint n = n_columns (entity);
  guint sectors_column = n + 1;
  guint total = n + 1 + (entity->sector_table != NULL) + versioned;
  g_autofree const char **names = g_new0 (const char *, total);
  g_autofree GValue *values = g_new0 (GValue, total);
  GObject *record;

  names[0] = "id";
  g_value_init (&values[0], G_TYPE_INT64);
  g_value_set_int64 (&values[0], sqlite3_column_int64 (stmt, 0));

  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), entity->columns[i]);

      names[i + 1] = entity->columns[i];
      g_value_init (&values[i + 1], pspec->value_type);
      column_to_value (stmt, i + 1, &values[i + 1]);
    }

  if (entity->sector_table != NULL)
    {
      const char *codes = (const char *) sqlite3_column_text (stmt, sectors_column);

      names[sectors_column] = "sectors";
      g_value_init (&values[sectors_column], G_TYPE_STRV);
      g_value_take_boxed (&values[sectors_column], codes ? g_strsplit (codes, ",", -1) : NULL);
    }
  if (versioned)
    {
      names[total - 1] = "version";
      g_value_init (&values[total - 1], G_TYPE_INT64);
      g_value_set_int64 (&values[total - 1], sqlite3_column_int64 (stmt, total - 1));
    }

  record = g_object_new_with_properties (_zs_entity_get_gtype (entity), total, names, values);
  for (guint i = 0; i < total; i++)
    g_value_unset (&values[i]);
  return record;
}

/**
 * _zs_record_collect:
 *
 * Steps a statement made from _zs_record_select_sql() to the end.
 *
 * Returns: (transfer full): the records, or %NULL on error
 */
GPtrArray *
_zs_record_collect (ZsStore        *self,
                    const ZsEntity *entity,
                    sqlite3_stmt   *stmt,
                    GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, _zs_record_from_row (entity, stmt));

  if (rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&records);
}

/* The SELECT of one record by id, made once per entity: entities are
 * never freed, and building it took a tenth of an API request. */
static const char *
load_sql (const ZsEntity *entity)
{
  static GHashTable *statements;  /* ZsEntity → SQL, never freed */
  G_LOCK_DEFINE_STATIC (statements);
  const char *sql;

  G_LOCK (statements);
  if (statements == NULL)
    statements = g_hash_table_new (NULL, NULL);
  sql = g_hash_table_lookup (statements, entity);
  if (sql == NULL)
    {
      sql = _zs_record_select_sql (entity, "WHERE t.id = ?");
      g_hash_table_insert (statements, (gpointer) entity, (gpointer) sql);
    }
  G_UNLOCK (statements);
  return sql;
}

GObject *
_zs_record_load (ZsStore        *self,
                 const ZsEntity *entity,
                 gint64          id,
                 GError        **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, load_sql (entity), error);
  g_autoptr(GPtrArray) records = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  records = _zs_record_collect (self, entity, stmt, error);
  if (records == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                   _("There is no %s with id %" PRId64), entity->name, id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (records, 0));
}

static gint64
record_get_id (GObject *record)
{
  gint64 id = 0;

  g_object_get (record, "id", &id, NULL);
  return id;
}

static char *
record_get_string (GObject    *record,
                   const char *property)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get_property (record, property, &value);
  return _zs_value_to_string (&value);
}

typedef enum {
  SQL_INSERT,
  SQL_INSERT_WITH_ID,
  SQL_DELETE_SECTORS,
  SQL_INSERT_SECTOR,
  N_SQL,
} SqlKind;

static char *insert_sql (const ZsEntity *entity, gboolean with_id);

static char *
build_sql (const ZsEntity *entity,
           SqlKind         kind)
{
  switch (kind)
    {
    case SQL_INSERT:
    case SQL_INSERT_WITH_ID:
      return insert_sql (entity, kind == SQL_INSERT_WITH_ID);
    case SQL_DELETE_SECTORS:
      return g_strdup_printf ("DELETE FROM %s WHERE %s = ?", entity->sector_table, entity->sector_key);
    case SQL_INSERT_SECTOR:
    case N_SQL:
    default:
      return g_strdup_printf ("INSERT OR IGNORE INTO %s (%s, sector_code) VALUES (?, ?)",
                              entity->sector_table, entity->sector_key);
    }
}

/* The statements written for every record are built once per entity. */
static const char *
entity_sql (const ZsEntity *entity,
            SqlKind         kind)
{
  static GMutex lock;
  static GHashTable *cache;   /* entity → char *[N_SQL] */
  char **sql;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new (g_direct_hash, g_direct_equal);
  if (!(sql = g_hash_table_lookup (cache, entity)))
    {
      sql = g_new0 (char *, N_SQL);
      g_hash_table_insert (cache, (gpointer) entity, sql);
    }
  if (sql[kind] == NULL)
    sql[kind] = build_sql (entity, kind);
  g_mutex_unlock (&lock);
  return sql[kind];
}

/* @created: the record is new, so it has no sector rows to remove. */
static gboolean
write_sectors (ZsStore             *self,
               const ZsEntity      *entity,
               gint64               id,
               const char * const  *sectors,
               gboolean             created,
               GError             **error)
{
  sqlite3_stmt *stmt;

  if (!created)
    {
      if (!(stmt = _zs_store_prepare (self, entity_sql (entity, SQL_DELETE_SECTORS), error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_zs_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; sectors != NULL && sectors[i] != NULL; i++)
    {
      if (!(stmt = _zs_store_prepare (self, entity_sql (entity, SQL_INSERT_SECTOR), error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, sectors[i], -1, SQLITE_TRANSIENT);
      if (!_zs_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_record_sectors (ZsStore        *self,
                      const ZsEntity *entity,
                      GObject        *record,
                      GError        **error)
{
  g_auto(GStrv) sectors = NULL;

  g_object_get (record, "sectors", &sectors, NULL);
  return write_sectors (self, entity, record_get_id (record), (const char * const *) sectors, FALSE, error);
}

/* The record's columns, then its sectors if it has any, read in one go. */
typedef struct {
  guint   n;
  GValue *values;
} RecordValues;

static void
record_values_init (RecordValues   *rv,
                    const ZsEntity *entity,
                    GObject        *record)
{
  guint columns = n_columns (entity);
  g_autofree const char **names = g_new (const char *, columns + 1);

  for (guint i = 0; i < columns; i++)
    names[i] = entity->columns[i];
  names[columns] = "sectors";
  rv->n = columns + (entity->sector_table != NULL);
  rv->values = g_new0 (GValue, rv->n);
  g_object_getv (record, rv->n, names, rv->values);
}

static void
record_values_clear (RecordValues *rv)
{
  for (guint i = 0; rv->values != NULL && i < rv->n; i++)
    g_value_unset (&rv->values[i]);
  g_clear_pointer (&rv->values, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecordValues, record_values_clear)

/* Strings escaped as json-glib 1.6's generator does, so that snapshots
 * read the same as those written before: \b \f \n \r \t, other
 * control characters below U+001F and DEL as \u00XX, U+001F and every
 * other byte as they are. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;
      const char *escape;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          if (c < 0x1f || c == 0x7f)
            {
              g_string_append_len (out, run, p - run);
              g_string_append_printf (out, "\\u%04x", c);
              run = p + 1;
            }
          continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static void
append_json_member (GString      *out,
                    const char   *property,
                    const GValue *value)
{
  g_autofree char *text = _zs_value_to_string (value);

  if (out->len > 1)
    g_string_append_c (out, ',');
  g_string_append_c (out, '"');
  for (const char *p = property; *p; p++)
    g_string_append_c (out, *p == '-' ? '_' : *p);
  g_string_append (out, "\":");
  if (text != NULL)
    append_json_string (out, text);
  else
    g_string_append (out, "null");
}

static char *
snapshot_from_values (const ZsEntity     *entity,
                      const RecordValues *rv)
{
  GString *json = g_string_sized_new (512);
  guint columns = n_columns (entity);

  g_string_append_c (json, '{');
  for (guint i = 0; i < rv->n; i++)
    append_json_member (json, i < columns ? entity->columns[i] : "sectors", &rv->values[i]);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

/**
 * _zs_record_snapshot:
 *
 * The whole record as a JSON object of strings: what a delete keeps in the
 * audit trail so the record can be restored.
 */
char *
_zs_record_snapshot (const ZsEntity *entity,
                     GObject        *record)
{
  g_auto(RecordValues) rv = { 0 };

  record_values_init (&rv, entity, record);
  return snapshot_from_values (entity, &rv);
}

GObject *
_zs_record_from_snapshot (const ZsEntity *entity,
                          const char     *snapshot,
                          GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GObject) record = g_object_new (_zs_entity_get_gtype (entity), NULL);
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (!json_parser_load_from_data (parser, snapshot, -1, error))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *property = g_strdelimit (g_strdup (l->data), "_", '-');
      GParamSpec *pspec = find_pspec (entity, property);
      g_auto(GValue) value = G_VALUE_INIT;

      if (pspec == NULL)
        continue;
      g_value_init (&value, pspec->value_type);
      if (!_zs_value_from_string (&value, json_object_get_string_member_with_default (object, l->data, NULL), error))
        return NULL;
      g_object_set_property (record, property, &value);
    }
  return g_steal_pointer (&record);
}

/* A new record's id is above every id its table holds and every id its
 * audit trail names (the floor, bound as the first value). sqlite alone
 * would give the id of a deleted last record to the next one, whose
 * history would then begin with the other record's, and reverting that
 * deletion would find its id taken. */
static char *
insert_sql (const ZsEntity *entity,
            gboolean        with_id)
{
  GString *sql = g_string_new (NULL);
  g_autofree char *first = with_id ? g_strdup ("?")
    : g_strdup_printf ("max (?, coalesce ((SELECT max (id) FROM %s), 0)) + 1", entity->table);
  g_autoptr(GString) marks = g_string_new (first);

  g_string_append_printf (sql, "INSERT INTO %s (id", entity->table);
  for (guint i = 0; entity->columns[i] != NULL; i++)
    {
      g_autofree char *column = column_name (entity->columns[i]);

      g_string_append_printf (sql, ", %s", column);
      g_string_append (marks, ", ?");
    }
  if (entity->derived_column != NULL)
    {
      g_string_append_printf (sql, ", %s", entity->derived_column);
      g_string_append (marks, ", ?");
    }
  g_string_append_printf (sql, ") VALUES (%s)", marks->str);
  return g_string_free (sql, FALSE);
}

static gboolean
insert_row (ZsStore            *self,
            const ZsEntity     *entity,
            GObject            *record,
            const RecordValues *rv,
            gboolean            with_id,
            GError            **error)
{
  guint columns = n_columns (entity);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int index = 1;

  if ((!with_id && !_zs_store_get_id_floor (self, entity->name, &id, error)) ||
      !(stmt = _zs_store_prepare (self, entity_sql (entity, with_id ? SQL_INSERT_WITH_ID : SQL_INSERT), error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, index++, with_id ? record_get_id (record) : id);

  for (guint i = 0; i < columns; i++)
    bind_value (stmt, index++, &rv->values[i]);
  if (entity->derived_column != NULL)
    sqlite3_bind_int64 (stmt, index++, entity->derive (record));

  if (!_zs_store_step_done (self, stmt, error))
    return FALSE;

  if (!with_id)
    g_object_set (record, "id", sqlite3_last_insert_rowid (_zs_store_get_db (self)), NULL);
  id = record_get_id (record);
  _zs_store_raise_id_floor (self, entity->name, id);

  return entity->sector_table == NULL ||
         write_sectors (self, entity, id, g_value_get_boxed (&rv->values[columns]), TRUE, error);
}

static void
stamp (const ZsEntity *entity,
       GObject        *record,
       gboolean        created)
{
  g_autofree char *now = NULL;

  if (!entity->timestamps)
    return;
  now = _zs_store_now ();
  if (created)
    g_object_set (record, "created-at", now, NULL);
  if (find_pspec (entity, "updated-at") != NULL)
    g_object_set (record, "updated-at", now, NULL);
}

static gboolean
finish_write (ZsStore        *self,
              const ZsEntity *entity,
              GObject        *record,
              gint64          id,
              ZsChangeKind    kind,
              GError        **error)
{
  if (entity->after_write != NULL &&
      !entity->after_write (self, record, kind, error))
    {
      _zs_store_rollback_to (self);
      return FALSE;
    }
  if (!_zs_store_release (self, error))
    return FALSE;
  _zs_store_emit_changed (self, entity->name, id, kind);
  return TRUE;
}

static gboolean
before_write (ZsStore        *self,
              const ZsEntity *entity,
              GObject        *stored,
              GObject        *record,
              GError        **error)
{
  return entity->before_write == NULL || entity->before_write (self, stored, record, error);
}

/* A row an import creates is the file's row: the import is its record, and
 * every later change is audited field by field, so its creation is kept
 * without a copy of its values. */
static char *
creation_snapshot (ZsStore            *self,
                   const ZsEntity     *entity,
                   const RecordValues *rv)
{
  return _zs_store_get_import_id (self) != 0 ? NULL : snapshot_from_values (entity, rv);
}

static gboolean
audit_creation (ZsStore         *self,
                const ZsEntity  *entity,
                gint64           id,
                const char      *snapshot,
                GError         **error)
{
  if (snapshot == NULL && _zs_store_defers_creation_audit (self))
    {
      _zs_store_defer_creation_audit (self, entity, id);
      return TRUE;
    }
  return _zs_audit_record (self, entity->name, id, ZS_CHANGE_KIND_CREATE, NULL, NULL, snapshot, error) != 0;
}

/* Rules that read other rows (unique values, references, a record type's
 * check function) read them under the write lock, so two writers cannot
 * both pass a rule that only one of them may. Nothing is left written
 * when a rule refuses. */
static gboolean
validate_locked (ZsStore        *self,
                 const ZsEntity *entity,
                 GObject        *record,
                 GError        **error)
{
  if (entity->validate == NULL || entity->validate (self, record, error))
    return TRUE;
  _zs_store_rollback_to (self);
  return FALSE;
}

static gint64
insert_record (ZsStore        *self,
               const ZsEntity *entity,
               GObject        *record,
               gboolean        with_id,
               GError        **error)
{
  g_auto(RecordValues) rv = { 0 };
  g_autofree char *snapshot = NULL;

  if (!_zs_store_check_can_write (self, error) || !_zs_store_savepoint (self, error))
    return 0;
  if (!validate_locked (self, entity, record, error))
    return 0;

  stamp (entity, record, TRUE);
  record_values_init (&rv, entity, record);
  snapshot = creation_snapshot (self, entity, &rv);
  if (!before_write (self, entity, NULL, record, error) ||
      !insert_row (self, entity, record, &rv, with_id, error) ||
      !audit_creation (self, entity, record_get_id (record), snapshot, error))
    {
      _zs_store_rollback_to (self);
      if (!with_id)
        g_object_set (record, "id", (gint64) 0, NULL);
      return 0;
    }

  if (has_version (entity))
    g_object_set (record, "version", (gint64) 1, NULL);
  if (!finish_write (self, entity, record, record_get_id (record), ZS_CHANGE_KIND_CREATE, error))
    return 0;
  return record_get_id (record);
}

/**
 * _zs_record_insert:
 *
 * Validates @record, inserts it, sets its id, audits the creation with a
 * snapshot and emits ZsStore::changed.
 *
 * Returns: the new id, or 0 with @error set
 */
gint64
_zs_record_insert (ZsStore        *self,
                   const ZsEntity *entity,
                   GObject        *record,
                   GError        **error)
{
  return insert_record (self, entity, record, FALSE, error);
}

/* Restores a deleted record under its old id (revert of a delete). */
gboolean
_zs_record_insert_with_id (ZsStore        *self,
                           const ZsEntity *entity,
                           GObject        *record,
                           GError        **error)
{
  return insert_record (self, entity, record, TRUE, error) != 0;
}

typedef struct {
  const char *property;
  char       *old_value;
  char       *new_value;
} FieldChange;

static void
field_change_clear (gpointer data)
{
  FieldChange *change = data;

  g_free (change->old_value);
  g_free (change->new_value);
}

static GArray *
diff_records (const ZsEntity *entity,
              GObject        *current,
              GObject        *record)
{
  GArray *changes = g_array_new (FALSE, TRUE, sizeof (FieldChange));
  guint n = n_columns (entity);

  g_array_set_clear_func (changes, field_change_clear);
  for (guint i = 0; i <= n; i++)
    {
      const char *property = i < n ? entity->columns[i] : "sectors";
      FieldChange change = { property, NULL, NULL };

      if (i == n && entity->sector_table == NULL)
        break;
      if (is_bookkeeping (property))
        continue;
      change.old_value = record_get_string (current, property);
      change.new_value = record_get_string (record, property);
      if (g_strcmp0 (change.old_value, change.new_value) == 0)
        field_change_clear (&change);
      else
        g_array_append_val (changes, change);
    }
  return changes;
}

static gboolean
update_row (ZsStore        *self,
            const ZsEntity *entity,
            GObject        *record,
            GArray         *changes,
            GError        **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int index = 1;

  g_string_append_printf (sql, "UPDATE %s SET ", entity->table);
  for (guint i = 0; i < changes->len; i++)
    {
      const char *property = g_array_index (changes, FieldChange, i).property;
      g_autofree char *column = column_name (property);

      if (g_str_equal (property, "sectors"))
        continue;
      g_string_append_printf (sql, "%s = ?, ", column);
    }
  if (has_version (entity))
    g_string_append (sql, "version = version + 1, ");
  g_string_append (sql, entity->timestamps && find_pspec (entity, "updated-at") ? "updated_at = ?" : "id = id");
  g_string_append (sql, " WHERE id = ?");

  if (!(stmt = _zs_store_prepare (self, sql->str, error)))
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      const char *property = g_array_index (changes, FieldChange, i).property;
      g_auto(GValue) value = G_VALUE_INIT;

      if (g_str_equal (property, "sectors"))
        continue;
      g_object_get_property (record, property, &value);
      bind_value (stmt, index++, &value);
    }
  if (entity->timestamps && find_pspec (entity, "updated-at"))
    {
      g_autofree char *updated_at = NULL;

      g_object_get (record, "updated-at", &updated_at, NULL);
      sqlite3_bind_text (stmt, index++, updated_at, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_int64 (stmt, index, record_get_id (record));
  return _zs_store_step_done (self, stmt, error);
}

static gboolean
audit_changes (ZsStore        *self,
               const ZsEntity *entity,
               gint64          id,
               gint64          version,
               GArray         *changes,
               GError        **error)
{
  for (guint i = 0; i < changes->len; i++)
    {
      FieldChange *change = &g_array_index (changes, FieldChange, i);
      g_autofree char *column = column_name (change->property);

      if (!_zs_audit_record_version (self, entity->name, id, version, ZS_CHANGE_KIND_UPDATE, column,
                                     change->old_value, change->new_value, error))
        return FALSE;
    }
  return TRUE;
}

/* Every stored property of @entity: its columns, then its sectors. */
static void
copy_properties (const ZsEntity *entity,
                 GObject        *from,
                 GObject        *to)
{
  guint n = n_columns (entity);

  for (guint i = 0; i <= n; i++)
    {
      const char *property = i < n ? entity->columns[i] : "sectors";
      g_auto(GValue) value = G_VALUE_INIT;

      if (i == n && entity->sector_table == NULL)
        break;
      g_object_get_property (from, property, &value);
      g_object_set_property (to, property, &value);
    }
}

static gboolean
changes_sectors (GArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    if (g_str_equal (g_array_index (changes, FieldChange, i).property, "sectors"))
      return TRUE;
  return FALSE;
}

/* The row as it will be stored: @current with the fields in @changes
 * taken from @record. */
static GObject *
merged_record (const ZsEntity *entity,
               GObject        *current,
               GObject        *record,
               GArray         *changes)
{
  GObject *merged = g_object_new (_zs_entity_get_gtype (entity), "id", record_get_id (current), NULL);

  copy_properties (entity, current, merged);
  for (guint i = 0; i < changes->len; i++)
    {
      const char *property = g_array_index (changes, FieldChange, i).property;
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (record, property, &value);
      g_object_set_property (merged, property, &value);
    }
  return merged;
}

/* The caller's object becomes the stored row, other writers' fields
 * included, at the version just written. */
static void
copy_record (const ZsEntity *entity,
             GObject        *from,
             GObject        *to,
             gint64          version)
{
  g_object_freeze_notify (to);
  copy_properties (entity, from, to);
  if (version != 0)
    g_object_set (to, "version", version, NULL);
  g_object_thaw_notify (to);
}

static gint64
record_get_version (GObject *record)
{
  gint64 version = 0;

  g_object_get (record, "version", &version, NULL);
  return version;
}

/* What another writer did to one field after the caller's version. */
typedef struct {
  char  *loaded_value;  /* the field at the caller's version */
  char  *actor;         /* the latest writer of the field */
  char  *at;
  gint64 version;
} FieldHistory;

static void
field_history_clear (FieldHistory *history)
{
  g_clear_pointer (&history->loaded_value, g_free);
  g_clear_pointer (&history->actor, g_free);
  g_clear_pointer (&history->at, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FieldHistory, field_history_clear)

/* Returns 1 if the field changed after @since, 0 if not, -1 on error. */
static int
field_changed_since (ZsStore        *self,
                     const ZsEntity *entity,
                     gint64          id,
                     const char     *field,
                     gint64          since,
                     FieldHistory   *history,
                     GError        **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self,
    "SELECT (SELECT old_value FROM changes WHERE entity = ?1 AND entity_id = ?2 AND field = ?3 "
    "        AND version > ?4 ORDER BY id LIMIT 1), actor, at, version "
    "FROM changes WHERE entity = ?1 AND entity_id = ?2 AND field = ?3 AND version > ?4 "
    "ORDER BY id DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, entity->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, since);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      history->loaded_value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      history->actor = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      history->at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      history->version = sqlite3_column_int64 (stmt, 3);
    }
  else if (rc != SQLITE_DONE)
    _zs_store_set_error (self, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static char *
shorten (const char *value)
{
  if (value == NULL)
    return g_strdup (_("(empty)"));
  if (g_utf8_strlen (value, -1) <= 40)
    return g_strdup (value);
  return g_strconcat (g_utf8_substring (value, 0, 40), "…", NULL);
}

static void
set_conflict_error (const ZsEntity     *entity,
                    gint64              id,
                    gint64              since,
                    const FieldChange  *change,
                    const FieldHistory *history,
                    GError            **error)
{
  g_autofree char *column = column_name (change->property);
  g_autofree char *theirs = shorten (change->old_value);
  g_autofree char *yours = shorten (change->new_value);

  g_set_error (error, ZS_ERROR, ZS_ERROR_CONFLICT,
               _("Conflict: %s of %s %" PRId64 " was changed by %s at %s (version %" PRId64
                 ") after version %" PRId64 " that this edit started from; it is now “%s”, "
                 "this edit's “%s” was not saved"),
               column, entity->name, id, history->actor ? history->actor : _("someone"),
               history->at, history->version, since, theirs, yours);
}

/* Keeps in @changes what the caller changed since the version it loaded:
 * a field another writer changed meanwhile is left to them when the
 * caller still holds the value it loaded, and is a conflict when the
 * caller changed it too. */
static gboolean
merge_changes (ZsStore        *self,
               const ZsEntity *entity,
               gint64          id,
               gint64          since,
               gint64          current,
               GArray         *changes,
               GError        **error)
{
  if (since == 0 || since == current)
    return TRUE;
  if (since > current)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("version: %s %" PRId64 " is at version %" PRId64 "; there is no version %" PRId64),
                   entity->name, id, current, since);
      return FALSE;
    }
  for (guint i = changes->len; i-- > 0;)
    {
      FieldChange *change = &g_array_index (changes, FieldChange, i);
      g_autofree char *column = column_name (change->property);
      g_auto(FieldHistory) history = { 0 };
      int changed = field_changed_since (self, entity, id, column, since, &history, error);

      if (changed < 0)
        return FALSE;
      if (changed == 0)
        continue;
      if (g_strcmp0 (history.loaded_value, change->new_value) == 0)
        g_array_remove_index (changes, i);
      else
        {
          set_conflict_error (entity, id, since, change, &history, error);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * _zs_record_update:
 *
 * Validates @record and writes the fields that differ from the stored row,
 * one audit entry per field. Saving an unchanged record writes nothing.
 */
gboolean
_zs_record_update (ZsStore        *self,
                   const ZsEntity *entity,
                   GObject        *record,
                   GError        **error)
{
  gint64 id = record_get_id (record);
  g_autoptr(GObject) current = NULL;
  g_autoptr(GObject) merged = NULL;
  g_autoptr(GArray) changes = NULL;
  gboolean versioned = has_version (entity);
  gint64 version = 0;

  /* The row is read under the write lock, so no writer comes between the
   * comparison and the write. */
  if (!_zs_store_check_can_write (self, error) || !_zs_store_savepoint (self, error))
    return FALSE;
  if (!validate_locked (self, entity, record, error))
    return FALSE;
  if (!(current = _zs_record_load (self, entity, id, error)))
    goto failed;

  changes = diff_records (entity, current, record);
  if (versioned &&
      !merge_changes (self, entity, id, record_get_version (record),
                      record_get_version (current), changes, error))
    goto failed;
  if (changes->len == 0)
    {
      if (versioned)
        g_object_set (record, "version", record_get_version (current), NULL);
      return _zs_store_release (self, error);
    }

  merged = merged_record (entity, current, record, changes);
  stamp (entity, merged, FALSE);
  version = versioned ? record_get_version (current) + 1 : 0;
  if (!before_write (self, entity, current, merged, error) ||
      !update_row (self, entity, merged, changes, error) ||
      (changes_sectors (changes) && !write_record_sectors (self, entity, merged, error)) ||
      !audit_changes (self, entity, id, version, changes, error))
    goto failed;
  if (!finish_write (self, entity, merged, id, ZS_CHANGE_KIND_UPDATE, error))
    return FALSE;
  copy_record (entity, merged, record, version);
  return TRUE;

failed:
  _zs_store_rollback_to (self);
  return FALSE;
}

/**
 * _zs_record_delete:
 *
 * Deletes a record, keeping a snapshot in the audit trail.
 */
gboolean
_zs_record_delete (ZsStore        *self,
                   const ZsEntity *entity,
                   gint64          id,
                   GError        **error)
{
  g_autoptr(GObject) current = _zs_record_load (self, entity, id, error);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", entity->table);
  g_autofree char *snapshot = NULL;
  sqlite3_stmt *stmt;

  if (current == NULL || !_zs_store_check_can_write (self, error) ||
      !_zs_store_require_unreferenced (self, entity, id, error))
    return FALSE;
  if (!_zs_store_savepoint (self, error))
    return FALSE;

  snapshot = _zs_record_snapshot (entity, current);
  if (!(stmt = _zs_store_prepare (self, sql, error)))
    {
      _zs_store_rollback_to (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (!before_write (self, entity, current, NULL, error) ||
      !_zs_store_step_done (self, stmt, error) ||
      !_zs_audit_record (self, entity->name, id, ZS_CHANGE_KIND_DELETE, NULL, snapshot, NULL, error))
    {
      _zs_store_rollback_to (self);
      return FALSE;
    }
  return finish_write (self, entity, current, id, ZS_CHANGE_KIND_DELETE, error);
}

gboolean
_zs_require_text (const char  *field,
                  const char  *value,
                  GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));

  if (stripped[0] != '\0')
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: a value is required"), field);
  return FALSE;
}

gboolean
_zs_require_non_negative (const char  *field,
                          double       value,
                          GError     **error)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isfinite (value) && value >= 0)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("%s: “%s” must be a number of zero or more"), field,
               g_ascii_dtostr (buffer, sizeof buffer, value));
  return FALSE;
}

gboolean
_zs_require_date (const char  *field,
                  const char  *value,
                  gboolean     required,
                  GError     **error)
{
  int y, m, d;
  char tail;

  if (value == NULL)
    {
      if (!required)
        return TRUE;
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: a date is required"), field);
      return FALSE;
    }
  if (sscanf (value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen (value) == 10 &&
      g_date_valid_dmy (d, m, y))
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("%s: “%s” is not a date (expected YYYY-MM-DD)"), field, value);
  return FALSE;
}

/* @sql selects 1 for an existing key bound as ?1. */
gboolean
_zs_require_reference (ZsStore     *self,
                       const char  *field,
                       const char  *sql,
                       const char  *value,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (value == NULL)
    return TRUE;
  if (!(stmt = _zs_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      return FALSE;
    }
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: unknown value “%s”"), field, value);
  return FALSE;
}

gboolean
_zs_require_firm (ZsStore     *self,
                  const char  *field,
                  gint64       id,
                  GError     **error)
{
  gint64 count = _zs_store_count (self, "SELECT count(*) FROM firms WHERE id = ?", id, error);

  if (count < 0)
    return FALSE;
  if (count > 0)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("%s: there is no firm with id %" PRId64), field, id);
  return FALSE;
}

gboolean
_zs_require_sectors (ZsStore             *self,
                     const char * const  *sectors,
                     GError             **error)
{
  for (guint i = 0; sectors != NULL && sectors[i] != NULL; i++)
    if (!_zs_require_reference (self, "sector", "SELECT 1 FROM sectors WHERE code = ?1", sectors[i], error))
      return FALSE;
  return TRUE;
}
