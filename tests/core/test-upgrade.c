/* test-upgrade.c: a database of every past schema version opens, upgrades
 * and keeps working
 *
 * Each fixture in tests/core/fixtures (ZS_TEST_FIXTURES_DIR) is the SQL dump
 * of a database written by the code of the version it is named after (see
 * make-fixture.sh there). Every case loads one into a fresh file, opens it
 * with zs_store_create (), which upgrades it, and checks that its schema is
 * a new database's, and that its records, history (reverts, a whole import
 * undone), search and integrity came through. A released step edited
 * afterwards leaves some objects unlike a new database's: a row names them
 * and why, and the case is a TODO rather than a failure. Adding a schema
 * version without a fixture of the one before it fails
 * /upgrade/every-version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-test-util.h"
#include "zs-store-raw-private.h"
#include "zs-store-private.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

typedef struct {
  int         version;        /* the dump's core schema version */
  int         chain_version;  /* the industry-chain plugin's schema version in it, or 0 */
  gint64      firms;
  gint64      contacts;
  gint64      projects;
  gint64      activities;
  const char *firm;           /* a firm with a history, found by */
  const char *term1;          /* a one-character term of its name */
  const char *term2;          /* and a two-character one */
  const char *file;           /* the dump, if not schema-vVERSION.sql */
  const char * const *known_objects; /* objects its upgrade leaves unlike a new database's */
  const char *known_issue;    /* why: a TODO of the test, not a failure */
} UpgradeCase;

#define NANG "霍城县金麦馕食品股份有限公司"

static const UpgradeCase cases[] = {
  { 1, 0,  2, 1, 0, 0, "华为技术有限公司", "华", "华为" },
  { 2, 0, 19, 7, 4, 4, NANG, "馕", "金麦" },
  /* Step 3 was changed after its release (e2448f3) to add a column, and
   * step 6 twice: bd671d5 kept the name_key column it had dropped, 3bbd90a
   * dropped the search index's column sizes. Step 9 repairs the databases
   * they had already reached; an added name_key comes last among the
   * firm's columns, where a new database has it before name_hash. */
  { 3, 0, 19, 7, 4, 4, NANG, "馕", "金麦" },
  { 4, 1, 19, 7, 5, 4, NANG, "馕", "金麦" },
  { 5, 1, 19, 7, 5, 4, NANG, "馕", "金麦" },
  { 6, 1, 19, 7, 5, 4, NANG, "馕", "金麦" },
  { 6, 1, 19, 7, 5, 4, NANG, "馕", "金麦", "schema-v6-no-name-key.sql",
    (const char *[]) { "table firms", NULL },
    "schema 6 written before bd671d5 gets firms.name_key from step 9 as its last column" },
  { 6, 1, 19, 7, 5, 4, NANG, "馕", "金麦", "schema-v6-columnsize.sql" },
  { 7, 1, 19, 7, 5, 4, NANG, "馕", "金麦" },
  { 8, 1, 19, 7, 5, 4, NANG, "馕", "金麦" },
  { 9, 2, 19, 7, 5, 4, NANG, "馕", "金麦" },
};

static char *
case_name (const UpgradeCase *c)
{
  if (c->file != NULL)
    return g_strndup (c->file, strlen (c->file) - strlen (".sql"));
  return g_strdup_printf ("schema-v%d", c->version);
}

/* ---- the dump, before the upgrade ------------------------------------ */

static char *
fixture_path (const char *file)
{
  const char *dir = g_getenv ("ZS_TEST_FIXTURES_DIR");

  if (dir == NULL)
    g_error ("ZS_TEST_FIXTURES_DIR is not set: run the test through meson test");
  return g_build_filename (dir, file, NULL);
}

/* Loads the dump @file into a new database in @dir. */
static char *
load_fixture (const char *dir,
              const char *file)
{
  g_autofree char *sql_path = fixture_path (file);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  char *db_path = g_build_filename (dir, "old.db", NULL);
  char *message = NULL;
  sqlite3 *db = NULL;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s does not load: %s", sql_path, message);
  sqlite3_close (db);
  return db_path;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static sqlite3_stmt *
raw_prepare (sqlite3    *db,
             const char *sql,
             const char *param)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql,
         const char *param)
{
  sqlite3_stmt *stmt = raw_prepare (db, sql, param);
  gint64 value;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static GArray *
raw_ids (sqlite3    *db,
         const char *sql,
         const char *param)
{
  sqlite3_stmt *stmt = raw_prepare (db, sql, param);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

/* What the dump holds, read with plain SQL before the store sees it. */
typedef struct {
  int     version;
  int     chain_version;
  gint64  firms, contacts, projects, activities, plugin_schemas;
  gint64  firm_id;
  GArray *firm_changes;     /* ids of the changes of @firm_id */
  GArray *name_hits[2];     /* firms whose name holds term1, term2 */
  /* The newest change of a firm that is neither reverted nor a revert. */
  gint64  revert_id;
  char   *revert_kind;
  gint64  revert_firm;
  char   *revert_field;
  char   *revert_old;
  /* The newest deletion of a firm not undone, if any. */
  gint64  deletion_id;
  gint64  deleted_firm;
  char   *deleted_name;
  /* The newest import, if any, and the firms it added. */
  gint64  import_id;
  gint64  import_inserted;
} Dump;

static void
dump_clear (Dump *dump)
{
  g_clear_pointer (&dump->firm_changes, g_array_unref);
  g_clear_pointer (&dump->name_hits[0], g_array_unref);
  g_clear_pointer (&dump->name_hits[1], g_array_unref);
  g_clear_pointer (&dump->revert_kind, g_free);
  g_clear_pointer (&dump->revert_field, g_free);
  g_clear_pointer (&dump->revert_old, g_free);
  g_clear_pointer (&dump->deleted_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Dump, dump_clear)

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
read_dump (const char        *path,
           const UpgradeCase *c,
           Dump              *dump)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *firm_id = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  dump->version = raw_int (db, "PRAGMA user_version", NULL);
  dump->firms = raw_int (db, "SELECT count(*) FROM firms", NULL);
  dump->contacts = raw_int (db, "SELECT count(*) FROM contacts", NULL);
  dump->projects = raw_int (db, "SELECT count(*) FROM projects", NULL);
  dump->activities = raw_int (db, "SELECT count(*) FROM activities", NULL);
  if (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'plugin_schemas'", NULL) > 0)
    {
      dump->plugin_schemas = raw_int (db, "SELECT count(*) FROM plugin_schemas", NULL);
      dump->chain_version = raw_int (db, "SELECT coalesce (max (version), 0) FROM plugin_schemas "
                                         "WHERE schema_name = 'industry_chain'", NULL);
    }

  dump->firm_id = raw_int (db, "SELECT coalesce (max (id), 0) FROM firms WHERE name = ?", c->firm);
  firm_id = g_strdup_printf ("%" G_GINT64_FORMAT, dump->firm_id);
  dump->firm_changes = raw_ids (db, "SELECT id FROM changes WHERE entity = 'firm' AND entity_id = ? ORDER BY id",
                                firm_id);
  dump->name_hits[0] = raw_ids (db, "SELECT id FROM firms WHERE instr (name, ?) ORDER BY id", c->term1);
  dump->name_hits[1] = raw_ids (db, "SELECT id FROM firms WHERE instr (name, ?) ORDER BY id", c->term2);

  stmt = raw_prepare (db,
                      "SELECT id, kind, entity_id, field, old_value FROM changes "
                      "WHERE entity = 'firm' AND reverted_by IS NULL AND kind IN ('create', 'update') "
                      "  AND entity_id IN (SELECT id FROM firms) "
                      "  AND id NOT IN (SELECT reverted_by FROM changes WHERE reverted_by IS NOT NULL) "
                      "ORDER BY kind = 'update' DESC, id DESC LIMIT 1", NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      dump->revert_id = sqlite3_column_int64 (stmt, 0);
      dump->revert_kind = column_dup (stmt, 1);
      dump->revert_firm = sqlite3_column_int64 (stmt, 2);
      dump->revert_field = column_dup (stmt, 3);
      dump->revert_old = column_dup (stmt, 4);
    }
  sqlite3_finalize (stmt);

  stmt = raw_prepare (db,
                      "SELECT id, entity_id, json_extract (old_value, '$.name') FROM changes "
                      "WHERE entity = 'firm' AND kind = 'delete' AND reverted_by IS NULL "
                      "  AND entity_id NOT IN (SELECT id FROM firms) "
                      "ORDER BY id DESC LIMIT 1", NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      dump->deletion_id = sqlite3_column_int64 (stmt, 0);
      dump->deleted_firm = sqlite3_column_int64 (stmt, 1);
      dump->deleted_name = column_dup (stmt, 2);
    }
  sqlite3_finalize (stmt);

  if (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'imports'", NULL) > 0)
    {
      stmt = raw_prepare (db, "SELECT id, inserted FROM imports WHERE entity = 'firm' "
                              "ORDER BY id DESC LIMIT 1", NULL);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          dump->import_id = sqlite3_column_int64 (stmt, 0);
          dump->import_inserted = sqlite3_column_int64 (stmt, 1);
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
}

/* ---- after the upgrade ----------------------------------------------- */

/* Whitespace does not matter in a schema's SQL; ALTER TABLE keeps it as typed. */
static char *
normalize_sql (const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0 && out->str[out->len - 1] != '(' && *p != ')' && *p != ',')
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The schema's objects by name, their SQL normalized. */
static GHashTable *
read_schema (const char *path)
{
  GHashTable *schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  stmt = raw_prepare (db, "SELECT type || ' ' || name, sql FROM sqlite_master "
                          "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (schema, column_dup (stmt, 0),
                         normalize_sql ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return schema;
}

/* An upgraded database has every table, index, view and trigger of a new
 * one, defined alike: a released migration step edited afterwards leaves
 * the databases it already upgraded behind. Plugins' tables may be extra. */
static void
assert_schema_as_new (const char        *dir,
                      const char        *path,
                      const UpgradeCase *c)
{
  g_autofree char *new_path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = zs_store_create (new_path, &error);
  g_autoptr(GHashTable) upgraded = read_schema (path);
  g_autoptr(GHashTable) created = NULL;
  g_autoptr(GString) differences = g_string_new (NULL);
  g_autoptr(GString) known = g_string_new (NULL);
  GHashTableIter iter;
  const char *name, *sql;

  g_assert_no_error (error);
  created = read_schema (new_path);
  g_hash_table_iter_init (&iter, created);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &sql))
    {
      const char *old_sql = g_hash_table_lookup (upgraded, name);
      gboolean expected = c->known_objects != NULL && g_strv_contains (c->known_objects, name);
      GString *out = expected ? known : differences;

      if (old_sql == NULL)
        g_string_append_printf (out, "\n  %s is missing", name);
      else if (!g_str_equal (old_sql, sql))
        g_string_append_printf (out, "\n  %s is\n    %s\n  where a new database has\n    %s",
                                name, old_sql, sql);
    }
  g_clear_object (&store);
  g_remove (new_path);

  if (differences->len > 0)
    g_test_fail_printf ("The database upgraded from %s differs from a new one:%s",
                        c->file ? c->file : "its fixture", differences->str);
  else if (known->len > 0)
    {
      g_test_message ("%s:%s", c->known_issue, known->str);
      g_test_incomplete (c->known_issue);
    }
}

static gint64
count_rows (ZsStore    *store,
            const char *sql)
{
  g_autofree char *value = query_value (store, sql);

  return g_ascii_strtoll (value, NULL, 10);
}

static void
assert_sound (ZsStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zs_store_check (store, &error));
  g_assert_no_error (error);
}

static gboolean
firms_contain (GPtrArray *firms,
               gint64     id)
{
  for (guint i = 0; i < firms->len; i++)
    if (zs_firm_get_id (g_ptr_array_index (firms, i)) == id)
      return TRUE;
  return FALSE;
}

static void
assert_search_finds (ZsStore    *store,
                     const char *term,
                     GArray     *expected,
                     gint64      firm_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = zs_store_list_firms (store, term, NULL, 0, 0, &error);

  g_assert_no_error (error);
  g_test_message ("search %s: %u firms, %u with it in their name", term, found->len, expected->len);
  g_assert_true (firms_contain (found, firm_id));
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (firms_contain (found, g_array_index (expected, gint64, i)));
  g_assert_cmpint (zs_store_count_firms (store, term, NULL, &error), ==, found->len);
  g_assert_no_error (error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
assert_history_kept (ZsStore    *store,
                     const Dump *dump)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = zs_store_list_changes (store, "firm", dump->firm_id, 0, 0, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  g_assert_cmpuint (dump->firm_changes->len, >, 0);
  for (guint i = 0; i < changes->len; i++)
    {
      ZsChange *change = g_ptr_array_index (changes, i);
      gint64 id = zs_change_get_id (change);

      g_assert_cmpstr (zs_change_get_entity (change), ==, "firm");
      g_assert_cmpint (zs_change_get_entity_id (change), ==, dump->firm_id);
      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64),
                   dump->firm_changes->data, dump->firm_changes->len * sizeof (gint64));
}

/* Undoes the dump's newest change of a firm and checks what it did. */
static void
assert_revert_works (ZsStore    *store,
                     const Dump *dump)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsChange) reverted = NULL;
  gint64 firms_before = zs_store_count_firms (store, NULL, NULL, &error);
  gint64 revert;

  g_assert_cmpint (dump->revert_id, >, 0);
  g_test_message ("reverting change %" G_GINT64_FORMAT " (%s %s of firm %" G_GINT64_FORMAT ")",
                  dump->revert_id, dump->revert_kind, dump->revert_field ? dump->revert_field : "",
                  dump->revert_firm);
  revert = zs_store_revert_change (store, dump->revert_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (revert, >, 0);
  reverted = zs_store_get_change (store, dump->revert_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zs_change_get_reverted_by (reverted), >, 0);

  if (g_str_equal (dump->revert_kind, "update"))
    {
      g_autofree char *sql = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, dump->revert_firm);
      const char *params[] = { id, dump->revert_old, NULL };
      g_autoptr(GPtrArray) rows = NULL;

      g_assert_true (g_regex_match_simple ("^[a-z_]+$", dump->revert_field, 0, 0));
      /* An untyped parameter compares by the column's affinity: 5530 = 5530.0. */
      if (dump->revert_old != NULL)
        sql = g_strdup_printf ("SELECT count(*) FROM firms WHERE id = ? AND %s IS ?", dump->revert_field);
      else
        sql = g_strdup_printf ("SELECT count(*) FROM firms WHERE id = ? AND %s IS NULL", dump->revert_field);
      rows = _zs_store_query (store, sql, params, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "1");
    }
  else
    {
      /* A creation undone deletes the firm. */
      g_assert_cmpstr (dump->revert_kind, ==, "create");
      g_assert_cmpint (zs_store_count_firms (store, NULL, NULL, &error), ==, firms_before - 1);
    }
}

static void
assert_deletion_undone (ZsStore    *store,
                        const Dump *dump)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsFirm) firm = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 firms_before;

  if (dump->deletion_id == 0)
    return;
  firms_before = zs_store_count_firms (store, NULL, NULL, &error);
  g_assert_cmpint (zs_store_revert_change (store, dump->deletion_id, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (zs_store_count_firms (store, NULL, NULL, &error), ==, firms_before + 1);
  firm = zs_store_get_firm (store, dump->deleted_firm, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_firm_get_name (firm), ==, dump->deleted_name);
  found = zs_store_list_firms (store, dump->deleted_name, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_true (firms_contain (found, dump->deleted_firm));
}

/* An import of the old version is undone as a whole. */
static void
assert_import_undone (ZsStore    *store,
                      const Dump *dump)
{
  g_autoptr(GError) error = NULL;
  gint64 firms_before;

  if (dump->import_id == 0)
    return;
  g_assert_cmpint (dump->import_inserted, >, 0);
  firms_before = zs_store_count_firms (store, NULL, NULL, &error);
  g_assert_true (zs_store_undo_import (store, dump->import_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zs_store_count_firms (store, NULL, NULL, &error), ==, firms_before - dump->import_inserted);
}

static void
test_upgrade (gconstpointer data)
{
  const UpgradeCase *c = data;
  g_autofree char *dir = g_dir_make_tmp ("zs-upgrade-XXXXXX", NULL);
  g_autofree char *name = case_name (c);
  g_autofree char *file = g_strconcat (name, ".sql", NULL);
  g_autofree char *path = load_fixture (dir, file);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_auto(Dump) dump = { 0 };
  g_autofree char *new_name = g_strdup_printf ("伊宁市%s记商贸有限公司", c->term1);
  gint64 one_char_hits;

  /* The dump is the one this row describes. */
  read_dump (path, c, &dump);
  g_assert_cmpint (dump.version, ==, c->version);
  g_assert_cmpint (dump.chain_version, ==, c->chain_version);
  g_assert_cmpint (dump.firms, ==, c->firms);
  g_assert_cmpint (dump.contacts, ==, c->contacts);
  g_assert_cmpint (dump.projects, ==, c->projects);
  g_assert_cmpint (dump.activities, ==, c->activities);
  g_assert_cmpint (dump.firm_id, >, 0);

  store = zs_store_create (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  zs_store_set_actor (store, "tester");
  g_assert_cmpint (zs_store_get_schema_version (store), ==, ZS_SCHEMA_VERSION_CURRENT);
  assert_schema_as_new (dir, path, c);
  assert_sound (store);

  /* Every record came through. */
  g_assert_cmpint (zs_store_count_firms (store, NULL, NULL, &error), ==, c->firms);
  contacts = zs_store_list_contacts (store, 0, &error);
  projects = zs_store_list_projects (store, 0, NULL, NULL, 0, 0, &error);
  activities = zs_store_list_activities (store, 0, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (contacts->len, ==, c->contacts);
  g_assert_cmpint (projects->len, ==, c->projects);
  g_assert_cmpint (activities->len, ==, c->activities);
  /* Plugins' schema versions are theirs to upgrade: the core keeps them. */
  if (dump.plugin_schemas > 0)
    g_assert_cmpint (count_rows (store, "SELECT count(*) FROM plugin_schemas"), ==, dump.plugin_schemas);
  if (c->chain_version > 0)
    g_assert_cmpint (count_rows (store, "SELECT version FROM plugin_schemas WHERE schema_name = 'industry_chain'"),
                     ==, c->chain_version);

  /* Search finds a firm by one and two characters of its name. */
  assert_search_finds (store, c->term1, dump.name_hits[0], dump.firm_id);
  assert_search_finds (store, c->term2, dump.name_hits[1], dump.firm_id);

  /* The history is there, and its changes can be undone. */
  assert_history_kept (store, &dump);
  assert_revert_works (store, &dump);
  assert_deletion_undone (store, &dump);
  assert_import_undone (store, &dump);
  assert_sound (store);

  /* New records are indexed like old ones. */
  one_char_hits = zs_store_count_firms (store, c->term1, NULL, &error);
  g_assert_no_error (error);
  add_firm (store, new_name, NULL);
  g_assert_cmpint (zs_store_count_firms (store, c->term1, NULL, &error), ==, one_char_hits + 1);
  assert_sound (store);

  g_clear_object (&store);
  remove_dir (dir);
}

/* Every version before the current one has a fixture and a row. */
static void
test_every_version (void)
{
  for (int version = ZS_SCHEMA_VERSION_CORE; version < ZS_SCHEMA_VERSION_CURRENT; version++)
    {
      g_autofree char *file = g_strdup_printf ("schema-v%d.sql", version);
      g_autofree char *path = fixture_path (file);
      gboolean in_table = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        in_table |= cases[i].version == version && cases[i].file == NULL;
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_test_fail_printf ("No fixture of schema version %d: %s is missing. Make it with "
                            "tests/core/fixtures/make-fixture.sh from the last commit at version %d "
                            "and add a row for it to test-upgrade.c.",
                            version, path, version);
      else if (!in_table)
        g_test_fail_printf ("schema-v%d.sql has no row in test-upgrade.c", version);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upgrade/every-version", test_every_version);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *fixture = case_name (&cases[i]);
      g_autofree char *name = g_strconcat ("/upgrade/from-", fixture, NULL);

      g_test_add_data_func (name, &cases[i], test_upgrade);
    }
  return g_test_run ();
}
