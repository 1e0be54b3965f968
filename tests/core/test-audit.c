/* test-audit.c: history of changes and reverting one */
#include <json-glib/json-glib.h>
#include <string.h>

#include "zs-store-private.h"
#include "zs-test-util.h"
#include "zs-store-raw-private.h"

static ZsChange *
latest_change (ZsStore    *store,
               const char *entity,
               gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = zs_store_list_changes (store, entity, id, 0, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  return g_object_ref (g_ptr_array_index (changes, 0));
}

static void
rename_firm (ZsStore    *store,
             gint64      id,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsFirm) firm = zs_store_get_firm (store, id, &error);

  zs_firm_set_name (firm, name);
  g_assert_true (zs_store_update_firm (store, firm, &error));
  g_assert_no_error (error);
}

static void
test_history_and_revert_update (StoreFixture  *fixture,
                                gconstpointer  data)
{
  ZsStore *store = fixture->store;
  gint64 id = add_firm (store, "霍尔果斯金麦馕食品有限公司", NULL);
  g_autoptr(ZsChange) created = latest_change (store, "firm", id);
  g_autoptr(ZsChange) renamed = NULL;
  g_autoptr(ZsChange) again = NULL;
  g_autoptr(ZsFirm) firm = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 revert_id;

  g_assert_cmpint (zs_change_get_kind (created), ==, ZS_CHANGE_KIND_CREATE);
  g_assert_cmpstr (zs_change_get_actor (created), ==, "tester");

  zs_store_set_actor (store, "李娜");
  rename_firm (store, id, "霍尔果斯金麦食品集团有限公司");
  renamed = latest_change (store, "firm", id);
  g_assert_cmpint (zs_change_get_kind (renamed), ==, ZS_CHANGE_KIND_UPDATE);
  g_assert_cmpstr (zs_change_get_field (renamed), ==, "name");
  g_assert_cmpstr (zs_change_get_old_value (renamed), ==, "霍尔果斯金麦馕食品有限公司");
  g_assert_cmpstr (zs_change_get_new_value (renamed), ==, "霍尔果斯金麦食品集团有限公司");
  g_assert_cmpstr (zs_change_get_actor (renamed), ==, "李娜");

  /* Saving an unchanged record writes nothing. */
  rename_firm (store, id, "霍尔果斯金麦食品集团有限公司");
  all = zs_store_list_changes (store, "firm", id, 0, 0, &error);
  g_assert_cmpuint (all->len, ==, 2);

  revert_id = zs_store_revert_change (store, zs_change_get_id (renamed), &error);
  g_assert_no_error (error);
  g_assert_cmpint (revert_id, >, zs_change_get_id (renamed));
  firm = zs_store_get_firm (store, id, &error);
  g_assert_cmpstr (zs_firm_get_name (firm), ==, "霍尔果斯金麦馕食品有限公司");

  g_assert_cmpint (zs_store_revert_change (store, zs_change_get_id (renamed), &error), ==, 0);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A field edited again since the change cannot be silently overwritten. */
  rename_firm (store, id, "金麦");
  again = latest_change (store, "firm", id);
  rename_firm (store, id, "金麦二号");
  g_assert_cmpint (zs_store_revert_change (store, zs_change_get_id (again), &error), ==, 0);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_CONFLICT);
}

static void
test_revert_delete_restores (StoreFixture  *fixture,
                             gconstpointer  data)
{
  ZsStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsContact) contact = zs_contact_new ();
  g_autoptr(ZsChange) deleted = NULL;
  g_autoptr(ZsFirm) firm = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const char *sectors[] = { "c05-naan-food", NULL };
  gint64 id;

  zs_store_load_seed (store, &error);
  g_assert_no_error (error);
  id = add_firm (store, "霍尔果斯金麦馕食品有限公司", "馕的生产与销售");
  firm = zs_store_get_firm (store, id, &error);
  zs_firm_set_sectors (firm, sectors);
  zs_firm_set_registered_capital (firm, 1234.5);
  zs_store_update_firm (store, firm, &error);
  g_assert_no_error (error);
  g_clear_object (&firm);

  zs_contact_set_firm_id (contact, id);
  zs_contact_set_name (contact, "阿依古丽");
  zs_store_add_contact (store, contact, &error);
  g_assert_no_error (error);

  g_assert_true (zs_store_delete_firm (store, id, &error));
  g_assert_no_error (error);
  deleted = latest_change (store, "firm", id);
  g_assert_cmpint (zs_change_get_kind (deleted), ==, ZS_CHANGE_KIND_DELETE);

  zs_store_revert_change (store, zs_change_get_id (deleted), &error);
  g_assert_no_error (error);
  firm = zs_store_get_firm (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_firm_get_name (firm), ==, "霍尔果斯金麦馕食品有限公司");
  g_assert_cmpfloat (zs_firm_get_registered_capital (firm), ==, 1234.5);
  g_assert_cmpstrv (zs_firm_get_sectors (firm), sectors);
  found = zs_store_list_firms (store, "馕", NULL, 0, 0, &error);
  g_assert_cmpuint (found->len, ==, 1);
}

/* The last record deleted leaves its id to nobody: the next record's
 * history starts with its own creation, and the deletion can still be
 * reverted. */
static void
test_ids_not_reused (StoreFixture  *fixture,
                     gconstpointer  data)
{
  ZsStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsChange) deleted = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(ZsFirm) back = NULL;
  gint64 first = add_firm (store, "霍尔果斯甲商贸有限公司", NULL);
  gint64 second;

  g_assert_true (zs_store_delete_firm (store, first, &error));
  deleted = latest_change (store, "firm", first);
  second = add_firm (store, "霍尔果斯乙商贸有限公司", NULL);
  g_assert_cmpint (second, >, first);
  history = zs_store_list_changes (store, "firm", second, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpint (zs_store_revert_change (store, zs_change_get_id (deleted), &error), >, 0);
  g_assert_no_error (error);
  back = zs_store_get_firm (store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_firm_get_name (back), ==, "霍尔果斯甲商贸有限公司");

  /* Within one transaction too. */
  {
    gint64 third, fourth;

    g_assert_true (zs_store_begin (store, &error));
    third = add_firm (store, "霍尔果斯丙商贸有限公司", NULL);
    g_assert_true (zs_store_delete_firm (store, third, &error));
    fourth = add_firm (store, "霍尔果斯丁商贸有限公司", NULL);
    g_assert_true (zs_store_commit (store, &error));
    g_assert_no_error (error);
    g_assert_cmpint (fourth, >, third);
    g_assert_cmpint (third, >, second);
  }
}

/* Snapshots are written as json-glib writes JSON, so that histories from
 * before and after read alike, and they give every character back. */
static void
test_snapshot_format (StoreFixture  *fixture,
                      gconstpointer  data)
{
  static const char tricky[] = "“引号”\"反\\斜杠 \b\f\n\r\t \x01\x1e\x1f\x7f é 馕 \xf0\x9f\x98\x80 </b>";
  ZsStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *uscc = make_uscc (4242);
  g_autoptr(ZsFirm) firm = make_firm (uscc, tricky);
  g_autoptr(ZsChange) created = NULL;
  g_autoptr(ZsChange) deleted = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(ZsFirm) restored = NULL;
  g_autofree char *again = NULL;
  JsonObject *object;
  gint64 id;

  zs_firm_set_notes (firm, tricky);
  zs_firm_set_name_other (firm, "Silk Road \"Naan\" LLP");
  zs_firm_set_registered_capital (firm, 0.1);
  id = zs_store_add_firm (store, firm, &error);
  g_assert_no_error (error);
  created = latest_change (store, "firm", id);

  g_assert_true (json_parser_load_from_data (parser, zs_change_get_new_value (created), -1, &error));
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));
  again = json_generator_to_data (generator, NULL);
  g_assert_cmpstr (zs_change_get_new_value (created), ==, again);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, tricky);
  g_assert_cmpstr (json_object_get_string_member (object, "registered_capital"), ==, "0.10000000000000001");
  g_assert_true (json_object_get_null_member (object, "website"));
  g_assert_true (json_object_get_null_member (object, "sectors"));

  g_assert_true (zs_store_delete_firm (store, id, &error));
  deleted = latest_change (store, "firm", id);
  zs_store_revert_change (store, zs_change_get_id (deleted), &error);
  g_assert_no_error (error);
  restored = zs_store_get_firm (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_firm_get_name (restored), ==, tricky);
  g_assert_cmpstr (zs_firm_get_notes (restored), ==, tricky);
  g_assert_cmpstr (zs_firm_get_name_other (restored), ==, "Silk Road \"Naan\" LLP");
}

static void
test_revert_create_deletes (StoreFixture  *fixture,
                            gconstpointer  data)
{
  ZsStore *store = fixture->store;
  gint64 id = add_firm (store, "伊宁市丝路纺织有限公司", NULL);
  g_autoptr(ZsChange) created = latest_change (store, "firm", id);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsFirm) gone = NULL;

  zs_store_revert_change (store, zs_change_get_id (created), &error);
  g_assert_no_error (error);
  gone = zs_store_get_firm (store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND);
}

static void
test_revert_stage_keeps_history (StoreFixture  *fixture,
                                 gconstpointer  data)
{
  ZsStore *store = fixture->store;
  gint64 firm = add_firm (store, "霍尔果斯金麦馕食品有限公司", NULL);
  g_autoptr(ZsProject) project = zs_project_new ();
  g_autoptr(ZsChange) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(ZsProject) reloaded = NULL;
  gint64 id;

  zs_project_set_firm_id (project, firm);
  zs_project_set_title (project, "馕产业园二期");
  id = zs_store_add_project (store, project, &error);
  g_assert_no_error (error);
  zs_store_move_project (store, id, ZS_STAGE_CONTACTED, NULL, &error);
  g_assert_no_error (error);
  moved = latest_change (store, "project", id);
  g_assert_cmpstr (zs_change_get_field (moved), ==, "stage");

  zs_store_revert_change (store, zs_change_get_id (moved), &error);
  g_assert_no_error (error);
  reloaded = zs_store_get_project (store, id, &error);
  g_assert_cmpint (zs_project_get_stage (reloaded), ==, ZS_STAGE_LEAD);
  history = zs_store_list_stage_changes (store, id, &error);
  g_assert_cmpuint (history->len, ==, 3);
}

/* The kinds of @entity @id's changes, oldest first, each with its import. */
static char *
history_of (ZsStore    *store,
            const char *entity,
            gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = zs_store_list_changes (store, entity, id, 0, 0, &error);
  g_autoptr(GString) history = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = changes->len; i > 0; i--)
    {
      ZsChange *change = g_ptr_array_index (changes, i - 1);

      g_string_append_printf (history, "%s%s/%" G_GINT64_FORMAT, history->len ? " " : "",
                              zs_enum_to_nick (ZS_TYPE_CHANGE_KIND, zs_change_get_kind (change)),
                              zs_change_get_import_id (change));
    }
  return g_string_free (g_steal_pointer (&history), FALSE);
}

static void
write_import_row (ZsStore  *store,
                  gboolean  keep,
                  void    (*write) (ZsStore *store, gpointer data),
                  gpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_zs_store_savepoint (store, &error));
  write (store, data);
  if (keep)
    g_assert_true (_zs_store_release (store, &error));
  else
    _zs_store_rollback_to (store);
  g_assert_no_error (error);
}

static void
add_firm_row (ZsStore  *store,
              gpointer  data)
{
  *(gint64 *) data = add_firm (store, "霍尔果斯丝路物流有限公司", NULL);
}

static void
rename_firm_row (ZsStore  *store,
                 gpointer  data)
{
  rename_firm (store, *(gint64 *) data, "霍尔果斯丝路国际物流有限公司");
}

/* An import's new records are audited at the end of their batch, yet each
 * record's history reads as it happened, and rolling a row back keeps the
 * creations of the rows before it. */
static void
test_import_creations (StoreFixture  *fixture,
                       gconstpointer  data)
{
  ZsStore *store = fixture->store;
  gint64 earlier = add_firm (store, "霍尔果斯金麦馕食品有限公司", NULL);
  gint64 kept = 0, edited = 0, dropped = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_history = NULL;
  g_autofree char *edited_history = NULL;
  g_autofree char *earlier_history = NULL;
  g_autofree char *imported = NULL;

  g_assert_cmpint (_zs_store_execute (store, "INSERT INTO imports (id, started_at, entity, file, status) "
                                     "VALUES (7, 'now', 'firm', 'firms.csv', 'running')", NULL, &error), >=, 0);
  g_assert_true (zs_store_begin (store, &error));
  _zs_store_set_import_id (store, 7);
  _zs_store_set_atomic_rows (store, TRUE);
  write_import_row (store, TRUE, add_firm_row, &kept);
  /* Renaming the earlier firm audits the creation above first; the
   * rollback takes both audit rows back. */
  write_import_row (store, FALSE, rename_firm_row, &earlier);
  write_import_row (store, TRUE, add_firm_row, &edited);
  write_import_row (store, TRUE, rename_firm_row, &edited);
  write_import_row (store, FALSE, add_firm_row, &dropped);
  _zs_store_set_atomic_rows (store, FALSE);
  g_assert_true (zs_store_commit (store, &error));
  g_assert_no_error (error);
  _zs_store_set_import_id (store, 0);

  kept_history = history_of (store, "firm", kept);
  edited_history = history_of (store, "firm", edited);
  earlier_history = history_of (store, "firm", earlier);
  g_assert_cmpstr (kept_history, ==, "create/7");
  g_assert_cmpstr (edited_history, ==, "create/7 update/7");
  g_assert_cmpstr (earlier_history, ==, "create/0");
  g_assert_null (zs_store_get_firm (store, dropped, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  imported = query_value (store, "SELECT count(*) FROM changes WHERE import_id = 7");
  g_assert_cmpstr (imported, ==, "3");
}

static gint64
count_of (ZsStore    *store,
          const char *sql)
{
  g_autofree char *value = query_value (store, sql);

  return g_ascii_strtoll (value, NULL, 10);
}

static char *
write_firms_file (StoreFixture *fixture,
                  const char   *name,
                  const char   *rows)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *text = g_strconcat ("uscc,name,contact_name\n", rows, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

typedef struct {
  gint64        contact;
  GCancellable *cancel;
  gint64        firm;     /* the contact's firm; 0: the new firm */
} WelcomeHandler;

/* As a plugin might: a contact for the first new firm, once its batch is in. */
static void
add_welcome_contact (ZsStore        *store,
                     const char     *entity,
                     gint64          id,
                     ZsChangeKind    kind,
                     WelcomeHandler *handler)
{
  g_autoptr(ZsContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  if (handler->contact != 0 || !g_str_equal (entity, "firm") || kind != ZS_CHANGE_KIND_CREATE)
    return;
  contact = zs_contact_new ();
  zs_contact_set_firm_id (contact, handler->firm != 0 ? handler->firm : id);
  zs_contact_set_name (contact, "王经理");
  handler->contact = zs_store_add_contact (store, contact, &error);
  g_assert_no_error (error);
  if (handler->cancel != NULL)
    g_cancellable_cancel (handler->cancel);
}

/* A record written between an import's batches (by a handler of the
 * changed signal) is committed on its own, with its audit row, whether the
 * import then finishes or is cancelled. */
static void
import_with_welcome_contact (StoreFixture *fixture,
                             gboolean      cancel)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *audited = NULL;
  g_autoptr(GCancellable) cancellable = cancel ? g_cancellable_new () : NULL;
  WelcomeHandler handler = { 0, cancellable, 0 };
  g_autoptr(ZsImportJob) job = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *uscc = make_uscc (500 + i);

      g_string_append_printf (rows, "%s,霍尔果斯第%u物流有限公司,\n", uscc, i);
    }
  path = write_firms_file (fixture, "firms.csv", rows->str);
  job = zs_import_job_new (fixture->store, ZS_IMPORT_ENTITY_FIRMS, path);
  /* Cancelled after the first of three batches, or all in one. */
  if (cancel)
    zs_import_job_set_batch_size (job, 2);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (add_welcome_contact), &handler);
  g_assert_cmpint (zs_import_job_run (job, cancellable, &error), ==, !cancel);
  g_clear_error (&error);
  g_signal_handlers_disconnect_by_data (fixture->store, &handler);

  g_assert_cmpint (handler.contact, >, 0);
  audited = g_strdup_printf ("SELECT count(*) FROM changes WHERE entity = 'contact' AND kind = 'create' "
                             "AND entity_id = %" G_GINT64_FORMAT, handler.contact);
  g_assert_cmpint (count_of (fixture->store, audited), ==, 1);
  g_assert_cmpint (count_of (fixture->store, "SELECT count(*) FROM firms"), ==, cancel ? 2 : 6);
}

static void
test_import_handler_writes (StoreFixture  *fixture,
                            gconstpointer  data)
{
  import_with_welcome_contact (fixture, FALSE);
}

static void
test_import_handler_writes_cancelled (StoreFixture  *fixture,
                                      gconstpointer  data)
{
  import_with_welcome_contact (fixture, TRUE);
}

static void
note_rows_read (ZsStore      *store,
                const char   *entity,
                gint64        id,
                ZsChangeKind  kind,
                ZsImportJob  *job)
{
  guint64 *first = g_object_get_data (G_OBJECT (job), "rows-at-first-commit");

  if (*first == 0)
    *first = zs_import_job_get_rows_read (job);
}

/* A batch ends after 4 MiB of text, however many rows it was allowed:
 * the first batch of rows with a 1 MiB business scope is committed (and
 * its records announced) after 4 rows, not at the end of the file. */
static void
test_import_batches_bounded_by_text (StoreFixture  *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GString) rows = g_string_new ("uscc,name,business_scope\n");
  g_autofree char *scope = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "long.csv", NULL);
  g_autoptr(ZsImportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  guint64 first = 0;

  scope = g_strnfill (1024 * 1024, 'x');
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *uscc = make_uscc (700 + i);

      g_string_append_printf (rows, "%s,霍尔果斯第%u商贸有限公司,%s\n", uscc, i, scope);
    }
  g_assert_true (g_file_set_contents (path, rows->str, -1, NULL));
  job = zs_import_job_new (fixture->store, ZS_IMPORT_ENTITY_FIRMS, path);
  g_object_set_data (G_OBJECT (job), "rows-at-first-commit", &first);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (note_rows_read), job);
  g_assert_true (zs_import_job_run (job, NULL, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_data (fixture->store, job);
  g_assert_cmpuint (zs_import_job_get_inserted (job), ==, 10);
  g_assert_cmpuint (first, ==, 4);
}

/* A record a handler writes during an import is not the import's: an undo
 * of the import leaves it, here a contact added to a firm known before. */
static void
test_import_undo_keeps_handler_writes (StoreFixture  *fixture,
                                       gconstpointer  data)
{
  gint64 known = add_firm (fixture->store, "霍尔果斯老字号有限公司", NULL);
  g_autofree char *fresh = make_uscc (902);
  g_autofree char *rows = g_strdup_printf ("%s,霍尔果斯新丝路有限公司,\n", fresh);
  g_autofree char *path = write_firms_file (fixture, "one.csv", rows);
  g_autoptr(ZsImportJob) job = zs_import_job_new (fixture->store, ZS_IMPORT_ENTITY_FIRMS, path);
  WelcomeHandler handler = { 0, NULL, known };
  g_autoptr(GError) error = NULL;
  g_autofree char *imported = NULL;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (add_welcome_contact), &handler);
  g_assert_true (zs_import_job_run (job, NULL, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_data (fixture->store, &handler);
  g_assert_cmpint (handler.contact, >, 0);

  imported = history_of (fixture->store, "contact", handler.contact);
  g_assert_cmpstr (imported, ==, "create/0");
  g_assert_true (zs_store_undo_import (fixture->store, zs_import_job_get_import_id (job), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_of (fixture->store, "SELECT count(*) FROM firms"), ==, 1);
  g_assert_cmpint (count_of (fixture->store, "SELECT count(*) FROM contacts"), ==, 1);
}

/* An import's new firms are audited before the records it adds to firms,
 * so that undoing it (newest first) reverts a firm's contact before the
 * firm, even a contact of an earlier row added to a firm already known. */
static void
test_import_undo_keeps_order (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autofree char *known = make_uscc (900);
  g_autofree char *fresh = make_uscc (901);
  g_autoptr(ZsFirm) firm = make_firm (known, "霍尔果斯老字号有限公司");
  g_autofree char *rows = g_strdup_printf ("%s,霍尔果斯老字号有限公司,张三\n%s,霍尔果斯新丝路有限公司,李四\n", known, fresh);
  g_autofree char *path = write_firms_file (fixture, "mixed.csv", rows);
  g_autoptr(ZsImportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;

  g_assert_cmpint (zs_store_add_firm (fixture->store, firm, &error), >, 0);
  job = zs_import_job_new (fixture->store, ZS_IMPORT_ENTITY_FIRMS, path);
  g_assert_true (zs_import_job_run (job, NULL, &error));
  g_assert_no_error (error);
  order = query_value (fixture->store, "SELECT group_concat (entity, ' ') FROM "
                       "(SELECT entity FROM changes WHERE import_id IS NOT NULL ORDER BY id)");
  g_assert_cmpstr (order, ==, "firm contact contact");

  g_assert_true (zs_store_undo_import (fixture->store, zs_import_job_get_import_id (job), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_of (fixture->store, "SELECT count(*) FROM changes "
                            "WHERE import_id IS NOT NULL AND reverted_by IS NULL"), ==, 0);
  g_assert_cmpint (count_of (fixture->store, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (count_of (fixture->store, "SELECT count(*) FROM firms"), ==, 1);
}

static gint64
add_contact (ZsStore    *store,
             gint64      firm,
             const char *name,
             const char *phone)
{
  g_autoptr(ZsContact) contact = zs_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_contact_set_firm_id (contact, firm);
  zs_contact_set_name (contact, name);
  zs_contact_set_title (contact, "总经理");
  zs_contact_set_phone (contact, phone);
  id = zs_store_add_contact (store, contact, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_project (ZsStore    *store,
             gint64      firm,
             gint64      referrer,
             const char *title)
{
  g_autoptr(ZsProject) project = zs_project_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_project_set_firm_id (project, firm);
  zs_project_set_referrer_firm_id (project, referrer);
  zs_project_set_title (project, title);
  id = zs_store_add_project (store, project, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_activity (ZsStore *store,
              gint64   firm,
              gint64   project)
{
  g_autoptr(ZsActivity) activity = zs_activity_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_activity_set_firm_id (activity, firm);
  zs_activity_set_project_id (activity, project);
  zs_activity_set_kind (activity, ZS_ACTIVITY_KIND_VISIT);
  zs_activity_set_date (activity, "2024-05-01");
  id = zs_store_add_activity (store, activity, &error);
  g_assert_no_error (error);
  return id;
}

/* The rows of the tables a revert touches, in one text to compare. */
static char *
dump_records (ZsStore *store)
{
  return query_value (store,
                      "SELECT group_concat (row, '|') FROM ("
                      "  SELECT 'f' || id || name || coalesce (address, '') AS row FROM firms"
                      "  UNION ALL SELECT 'c' || id || firm_id || name || title || phone FROM contacts"
                      "  UNION ALL SELECT 'p' || id || firm_id || title || stage || coalesce (referrer_firm_id, '-') FROM projects"
                      "  UNION ALL SELECT 's' || id || project_id || to_stage || coalesce (reason, '') FROM stage_changes"
                      "  UNION ALL SELECT 'a' || id || firm_id || coalesce (project_id, '-') || kind FROM activities"
                      "  ORDER BY 1)");
}

static void
test_revert_delete_restores_contacts (StoreFixture  *fixture,
                                      gconstpointer  data)
{
  ZsStore *store = fixture->store;
  gint64 firm = add_firm (store, "霍尔果斯金麦馕食品有限公司", NULL);
  gint64 contacts[] = {
    add_contact (store, firm, "阿依古丽", "13800000001"),
    add_contact (store, firm, "王伟", "13800000002"),
    add_contact (store, firm, "努尔兰", "13800000003"),
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *history_before = NULL;
  g_autofree char *history_after = NULL;
  g_autoptr(ZsChange) deleted = NULL;
  g_autoptr(ZsChange) restored = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  rename_firm (store, firm, "霍尔果斯金麦食品集团有限公司");
  before = dump_records (store);
  history_before = query_value (store, "SELECT group_concat (id || kind || coalesce (field, ''), ',') FROM changes");

  g_assert_true (zs_store_delete_firm (store, firm, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_of (store, "SELECT count(*) FROM contacts"), ==, 0);
  deleted = latest_change (store, "firm", firm);
  g_assert_cmpint (zs_change_get_kind (deleted), ==, ZS_CHANGE_KIND_DELETE);

  /* A contact's deletion alone would leave it without its firm. */
  g_assert_cmpint (zs_store_revert_change (store, zs_change_get_id (deleted) - 1, &error), ==, 0);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_cmpint (zs_store_revert_change (store, zs_change_get_id (deleted), &error), >, 0);
  g_assert_no_error (error);
  after = dump_records (store);
  g_assert_cmpstr (after, ==, before);
  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      g_autoptr(ZsContact) contact = zs_store_get_contact (store, contacts[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (zs_contact_get_firm_id (contact), ==, firm);
    }

  /* The history is kept, each deletion marked as reverted. */
  history_after = query_value (store, "SELECT group_concat (id || kind || coalesce (field, ''), ',') FROM changes "
                                      "WHERE id <= (SELECT max (id) FROM changes WHERE kind = 'delete')");
  g_assert_true (g_str_has_prefix (history_after, history_before));
  g_assert_cmpint (count_of (store, "SELECT count(*) FROM changes WHERE kind = 'delete' AND reverted_by IS NULL"),
                   ==, 0);
  restored = latest_change (store, "firm", firm);
  g_assert_cmpint (zs_change_get_kind (restored), ==, ZS_CHANGE_KIND_CREATE);
  found = zs_store_list_firms (store, "阿依古丽", NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_revert_project_delete_restores_history (StoreFixture  *fixture,
                                             gconstpointer  data)
{
  ZsStore *store = fixture->store;
  gint64 firm = add_firm (store, "霍尔果斯金麦馕食品有限公司", NULL);
  gint64 project = add_project (store, firm, 0, "馕产业园");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ZsChange) deleted = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (zs_store_move_project (store, project, ZS_STAGE_CONTACTED, NULL, &error));
  g_assert_true (zs_store_move_project (store, project, ZS_STAGE_LOST, "选址变更", &error));
  before = dump_records (store);

  g_assert_true (zs_store_delete_project (store, project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_of (store, "SELECT count(*) FROM stage_changes"), ==, 0);
  deleted = latest_change (store, "project", project);
  zs_store_revert_change (store, zs_change_get_id (deleted), &error);
  g_assert_no_error (error);
  after = dump_records (store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_revert_create_with_dependents (StoreFixture  *fixture,
                                    gconstpointer  data)
{
  ZsStore *store = fixture->store;
  gint64 firm = add_firm (store, "霍尔果斯金麦馕食品有限公司", NULL);
  g_autoptr(ZsChange) created = latest_change (store, "firm", firm);
  gint64 other = add_firm (store, "伊宁市丝路纺织有限公司", NULL);
  gint64 project = add_project (store, firm, 0, "馕产业园");
  g_autofree char *before = NULL;
  g_autofree char *refused = NULL;
  gint64 history;
  g_autoptr(ZsChange) deleted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 forced;

  add_contact (store, firm, "阿依古丽", "13800000001");
  add_contact (store, firm, "王伟", "13800000002");
  add_project (store, other, firm, "纺织园");
  add_activity (store, firm, project);
  add_activity (store, firm, 0);
  g_assert_true (zs_store_move_project (store, project, ZS_STAGE_CONTACTED, NULL, &error));
  before = dump_records (store);
  history = count_of (store, "SELECT count(*) FROM changes");

  g_assert_cmpint (zs_store_revert_change (store, zs_change_get_id (created), &error), ==, 0);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "2 contacts"));
  g_assert_nonnull (strstr (error->message, "1 project"));
  g_assert_nonnull (strstr (error->message, "1 referral"));
  g_assert_nonnull (strstr (error->message, "2 activities"));
  g_clear_error (&error);
  refused = dump_records (store);
  g_assert_cmpstr (refused, ==, before);
  g_assert_cmpint (count_of (store, "SELECT count(*) FROM changes"), ==, history);

  forced = zs_store_revert_change_full (store, zs_change_get_id (created), ZS_REVERT_FLAGS_FORCE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (forced, >, 0);
  g_assert_cmpint (count_of (store, "SELECT count(*) FROM firms"), ==, 1);
  g_assert_cmpint (count_of (store, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (count_of (store, "SELECT count(*) FROM activities"), ==, 0);
  g_assert_cmpint (count_of (store, "SELECT count(*) FROM projects WHERE referrer_firm_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (count_of (store, "SELECT count(*) FROM projects"), ==, 1);
  deleted = latest_change (store, "firm", firm);
  g_assert_cmpint (zs_change_get_kind (deleted), ==, ZS_CHANGE_KIND_DELETE);
  g_assert_cmpint (zs_change_get_id (deleted), ==, forced);

  zs_store_revert_change (store, zs_change_get_id (deleted), &error);
  g_assert_no_error (error);
  g_clear_pointer (&refused, g_free);
  refused = dump_records (store);
  g_assert_cmpstr (refused, ==, before);
}

static void
test_unknown_entity (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = zs_store_list_changes (fixture->store, "planet", 0, 0, 0, &error);

  g_assert_null (changes);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (zs_store_revert_change (fixture->store, 4242, &error), ==, 0);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND);
}

static int
shell_exec (const char  *path,
            const char  *sql,
            char       **message)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, message);
  sqlite3_close (db);
  return rc;
}

/* The history edited from a plain sqlite3 shell: refused while the seal's
 * triggers stand, found by the check once they were dropped. */
static void
test_tampered_trail (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  add_firm (fixture->store, "霍尔果斯天山雪豹有限公司", NULL);
  add_firm (fixture->store, "霍尔果斯丝路快线国际物流有限公司", NULL);
  g_assert_true (zs_store_check (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (shell_exec (fixture->path, "DELETE FROM changes", &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "no such function"));
  sqlite3_free (message);
  g_assert_true (zs_store_check (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (shell_exec (fixture->path, "DROP TRIGGER changes_sealed_update;"
                               "UPDATE changes SET actor = 'nobody'", NULL), ==, SQLITE_OK);
  g_assert_false (zs_store_check (fixture->store, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "rows changed"));
  g_clear_error (&error);

  g_assert_cmpint (shell_exec (fixture->path, "DROP TRIGGER changes_sealed_delete;"
                               "DELETE FROM changes WHERE id = (SELECT max (id) FROM changes)", NULL), ==, SQLITE_OK);
  g_assert_false (zs_store_check (fixture->store, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "1 row missing"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)
  ADD ("/audit/history-and-revert-update", test_history_and_revert_update);
  ADD ("/audit/tampered-trail", test_tampered_trail);
  ADD ("/audit/import-creations", test_import_creations);
  ADD ("/audit/import-handler-writes", test_import_handler_writes);
  ADD ("/audit/import-handler-writes-cancelled", test_import_handler_writes_cancelled);
  ADD ("/audit/import-undo-keeps-order", test_import_undo_keeps_order);
  ADD ("/audit/import-undo-keeps-handler-writes", test_import_undo_keeps_handler_writes);
  ADD ("/audit/import-batches-bounded-by-text", test_import_batches_bounded_by_text);
  ADD ("/audit/revert-delete-restores", test_revert_delete_restores);
  ADD ("/audit/ids-not-reused", test_ids_not_reused);
  ADD ("/audit/snapshot-format", test_snapshot_format);
  ADD ("/audit/revert-create-deletes", test_revert_create_deletes);
  ADD ("/audit/revert-stage-keeps-history", test_revert_stage_keeps_history);
  ADD ("/audit/revert-delete-restores-contacts", test_revert_delete_restores_contacts);
  ADD ("/audit/revert-project-delete-restores-history", test_revert_project_delete_restores_history);
  ADD ("/audit/revert-create-with-dependents", test_revert_create_with_dependents);
  ADD ("/audit/unknown-entity", test_unknown_entity);
#undef ADD
  return g_test_run ();
}
