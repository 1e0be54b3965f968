/* test-views.c: each view of the main window on the demonstration database,
 *   rendered to PNG files and checked widget by widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-follow-ups-page.h"
#include "zs-application.h"
#include "zs-dashboard-page.h"
#include "zs-firms-page.h"
#include "zs-import-dialog.h"
#include "zs-gtk-test-util.h"
#include "zs-projects-page.h"
#include "zs-sectors-page.h"
#include "zs-stage-move-dialog.h"
#include "zs-window.h"



/* The related records were read, and are as many as wanted. */
static gboolean
related_count_is (gpointer data)
{
  gpointer *args = data;

  return !zs_related_records_is_loading (args[0]) &&
         zs_related_records_get_n_records (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static ZsApplication *app;

typedef struct
{
  ZsTestDatabase db;
  ZsStore       *store;
  ZsWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  zs_test_database_init (&fixture->db);
  fixture->store = zs_test_open_store (&fixture->db, TRUE);
  fixture->window = zs_test_present_window (app, fixture->store, 1280, 800);
  zs_test_wait_for_paint (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  zs_test_destroy_window (fixture->window);
  g_clear_object (&fixture->store);
  zs_test_database_clear (&fixture->db);
}

static GtkWidget *
show_view (Fixture    *fixture,
           const char *name)
{
  GtkWidget *view = zs_window_get_view (fixture->window, name);

  g_assert_nonnull (view);
  zs_window_set_view_name (fixture->window, name);
  g_assert_cmpstr (zs_window_get_view_name (fixture->window), ==, name);
  return view;
}

static gint64
count_sql (ZsStore    *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  /* Read through the core_… views, as a plugin would. */
  g_autoptr(ZsPluginStorage) storage = zs_plugin_storage_new (store, "test-views");
  g_autoptr(GPtrArray) rows = zs_plugin_storage_query (storage, sql, NULL, &error);

  g_assert_no_error (error);
  return g_ascii_strtoll (((char **) g_ptr_array_index (rows, 0))[0], NULL, 10);
}

/* Models {{{ */

static char *
valid_uscc (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, zs_uscc_check_character (first17));
}

static gboolean
model_has_items (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static void
test_paged_model (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ZsFirmListModel) model = zs_firm_list_model_new (fixture->store);
  g_autoptr(ZsProjectListModel) projects = zs_project_list_model_new (fixture->store);
  g_autoptr(ZsFirm) firm = zs_firm_new ();
  g_autoptr(GError) error = NULL;
  ZsPagedModel *paged = ZS_PAGED_MODEL (model);
  g_autofree char *uscc = NULL;
  gint64 id;

  /* Counted, not read: nothing is fetched until an item is asked for. */
  zs_test_wait_for_model (model);
  zs_test_wait_for_model (projects);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 200);
  g_assert_cmpuint (zs_paged_model_get_n_fetches (paged), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == ZS_TYPE_FIRM);

  /* Pages of 20: reading every item reads ten pages, and keeps at most eight. */
  zs_paged_model_set_page_size (paged, 20);
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(ZsFirm) item = zs_test_get_loaded_item (model, i);

      g_assert_nonnull (item);
    }
  g_assert_cmpuint (zs_paged_model_get_n_fetches (paged), ==, 10);
  g_assert_cmpuint (zs_paged_model_get_n_cached_pages (paged), <=, 8);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 200));

  /* A firm added elsewhere shows after the store's `changed` signal. */
  zs_firm_set_name (firm, "霍尔果斯分页测试有限公司");
  uscc = valid_uscc ("91654004MA7XPAGE1");
  zs_firm_set_uscc (firm, uscc);
  id = zs_store_add_firm (fixture->store, firm, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (zs_test_wait_until (model_has_items, (gpointer[]) { model, GUINT_TO_POINTER (201) }));

  /* Filters narrow the count. */
  zs_firm_list_model_set_search (model, "分页测试");
  zs_test_wait_for_model (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  zs_project_list_model_set_stage (projects, "lost");
  zs_test_wait_for_model (projects);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (projects)), ==,
                    count_sql (fixture->store, "SELECT count(*) FROM core_projects WHERE stage = 'lost'"));
}

static gboolean
count_tick (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static void
record_n_items (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                GArray     *seen)
{
  guint n = g_list_model_get_n_items (model);

  g_array_append_val (seen, n);
}

/* A far page is one keyset seek with the rows an offset would give; a slow
 * query leaves the main loop running; a count for an old filter is dropped. */
static void
test_paged_model_async (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ZsFirmListModel) model = zs_firm_list_model_new (fixture->store);
  ZsPagedModel *paged = ZS_PAGED_MODEL (model);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  gint64 in_sector, start;
  guint ticks = 0, ticker;
  gulong handler;

  zs_paged_model_set_page_size (paged, 7);
  zs_test_wait_for_model (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 200);
  expected = zs_store_list_firms (fixture->store, NULL, NULL, 189, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, ==, 11);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(ZsFirm) item = zs_test_get_loaded_item (model, 189 + i);

      g_assert_cmpint (zs_firm_get_id (item), ==, zs_firm_get_id (g_ptr_array_index (expected, i)));
    }
  /* pages 27 and 28 (the last, of four rows), nothing before them */
  g_assert_cmpuint (zs_paged_model_get_n_fetches (paged), ==, 2);

  /* Every query now takes 300 ms in the worker. */
  in_sector = zs_store_count_firms (fixture->store, NULL, "c05-naan-food", &error);
  g_assert_no_error (error);
  g_assert_cmpint (in_sector, <, 200);
  zs_paged_model_set_worker_delay (paged, 300);
  ticker = g_timeout_add (10, count_tick, &ticks);
  handler = g_signal_connect (model, "items-changed", G_CALLBACK (record_n_items), seen);
  start = g_get_monotonic_time ();
  zs_firm_list_model_set_sector (model, "c09-cross-border-ecommerce");
  zs_firm_list_model_set_sector (model, "c05-naan-food");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 50 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (zs_paged_model_is_loading (paged));
  zs_test_wait_for_model (model);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (ticks, >=, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, in_sector);
  /* the first sector's count never reached the list */
  for (guint i = 0; i < seen->len; i++)
    g_assert_true (g_array_index (seen, guint, i) == 0 || g_array_index (seen, guint, i) == in_sector);
  g_signal_handler_disconnect (model, handler);
  g_source_remove (ticker);
}

/* }}} */

/* Firms {{{ */

static gboolean
form_shows_name (gpointer data)
{
  gpointer *args = data;
  g_autofree char *text = zs_record_form_get_text (args[0], "name");

  return g_strcmp0 (text, args[1]) == 0;
}

static void
test_firms_filter_and_edit (Fixture       *fixture,
                            gconstpointer  data)
{
  ZsFirmsPage *page = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  GListModel *firms = G_LIST_MODEL (zs_firms_page_get_model (page));
  ZsRecordEditor *editor = zs_firms_page_get_editor (page);
  ZsRecordForm *form = zs_record_editor_get_form (editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsFirm) first = NULL;
  g_autoptr(ZsFirm) stored = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *old_name = NULL;
  GListModel *changes;
  gint64 in_sector;

  /* The sector filter narrows to what the core counts. */
  in_sector = zs_store_count_firms (fixture->store, NULL, "c05-naan-food", &error);
  g_assert_no_error (error);
  g_assert_cmpint (in_sector, >, 0);
  zs_firms_page_set_sector (page, "c05-naan-food");
  zs_test_wait_for_model (firms);
  g_assert_cmpuint (g_list_model_get_n_items (firms), ==, in_sector);
  zs_firms_page_set_sector (page, NULL);
  zs_test_wait_for_model (firms);
  g_assert_cmpuint (g_list_model_get_n_items (firms), ==, 200);

  /* Selecting a firm opens it in the form. */
  first = zs_test_get_loaded_item (firms, 0);
  zs_firms_page_select (page, 0);
  g_assert_cmpint (zs_record_editor_get_record_id (editor), ==, zs_firm_get_id (first));
  old_name = zs_record_form_get_text (form, "name");
  g_assert_cmpstr (old_name, ==, zs_firm_get_name (first));
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "view-firm-form.png");

  /* A refused save shows the core's message under the field it names and
   * keeps every field as typed. */
  zs_record_form_set_text (form, "uscc", "12345");
  zs_record_form_set_text (form, "address", "霍尔果斯市亚欧路 1 号");
  g_assert_false (zs_record_editor_save (editor));
  g_assert_nonnull (zs_record_form_get_error_text (form, "uscc"));
  g_assert_nonnull (strstr (zs_record_form_get_error_text (form, "uscc"), "18"));
  typed = zs_record_form_get_text (form, "address");
  g_assert_cmpstr (typed, ==, "霍尔果斯市亚欧路 1 号");
  g_clear_pointer (&typed, g_free);
  typed = zs_record_form_get_text (form, "uscc");
  g_assert_cmpstr (typed, ==, "12345");
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "view-firm-form-error.png");

  /* A number field holding words is refused before the core sees it. */
  zs_record_form_set_text (form, "uscc", zs_firm_get_uscc (first));
  zs_record_form_set_text (form, "registered-capital", "很多");
  g_assert_false (zs_record_editor_save (editor));
  g_assert_nonnull (zs_record_form_get_error_text (form, "registered-capital"));
  g_assert_null (zs_record_form_get_error_text (form, "uscc"));

  /* A good save lands, and shows in the list and in the history. */
  zs_record_form_set_text (form, "registered-capital", "500");
  zs_record_form_set_text (form, "name", "霍尔果斯测试改名有限公司");
  g_assert_true (zs_record_editor_save (editor));
  stored = zs_store_get_firm (fixture->store, zs_firm_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_firm_get_name (stored), ==, "霍尔果斯测试改名有限公司");
  g_assert_cmpstr (zs_firm_get_address (stored), ==, "霍尔果斯市亚欧路 1 号");

  changes = zs_history_list_get_changes (zs_record_editor_get_history (editor));
  g_assert_cmpuint (g_list_model_get_n_items (changes), >=, 3);
  zs_record_editor_show_history (editor);
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "view-firm-history.png");

  /* Reverting the rename brings the old name back, in the form too. */
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(ZsChange) change = g_list_model_get_item (changes, i);

      if (g_strcmp0 (zs_change_get_field (change), "name") == 0)
        {
          g_assert_true (zs_history_list_revert (zs_record_editor_get_history (editor),
                                                 zs_change_get_id (change)));
          break;
        }
    }
  g_clear_object (&stored);
  stored = zs_store_get_firm (fixture->store, zs_firm_get_id (first), &error);
  g_assert_cmpstr (zs_firm_get_name (stored), ==, old_name);
  g_assert_true (zs_test_wait_until (form_shows_name, (gpointer[]) { form, old_name }));
}

/* Reverting the creation of a firm with a contact asks before deleting
 * the contact too. */
static void
test_history_revert_confirms (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *history = zs_history_list_new (fixture->store);
  g_autoptr(ZsFirm) firm = zs_firm_new ();
  g_autoptr(ZsContact) contact = zs_contact_new ();
  g_autoptr(ZsFirm) still = NULL;
  g_autoptr(ZsFirm) gone = NULL;
  g_autoptr(ZsChange) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uscc = valid_uscc ("91654004MA7XREKT1");
  AdwMessageDialog *dialog;
  gint64 id;

  g_object_ref_sink (history);
  zs_firm_set_name (firm, "霍尔果斯撤销测试有限公司");
  zs_firm_set_uscc (firm, uscc);
  id = zs_store_add_firm (fixture->store, firm, &error);
  g_assert_no_error (error);
  zs_contact_set_firm_id (contact, id);
  zs_contact_set_name (contact, "阿依古丽");
  zs_store_add_contact (fixture->store, contact, &error);
  g_assert_no_error (error);
  zs_history_list_set_record (ZS_HISTORY_LIST (history), "firm", id);
  created = g_list_model_get_item (zs_history_list_get_changes (ZS_HISTORY_LIST (history)), 0);
  g_assert_cmpint (zs_change_get_kind (created), ==, ZS_CHANGE_KIND_CREATE);

  g_assert_false (zs_history_list_revert (ZS_HISTORY_LIST (history), zs_change_get_id (created)));
  g_assert_null (zs_history_list_get_error_text (ZS_HISTORY_LIST (history)));
  dialog = zs_history_list_get_confirmation (ZS_HISTORY_LIST (history));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 contact"));
  still = zs_store_get_firm (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (still);

  adw_message_dialog_response (dialog, "revert");
  gone = zs_store_get_firm (fixture->store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND);
  g_assert_null (zs_history_list_get_error_text (ZS_HISTORY_LIST (history)));
  g_object_unref (history);
}

/* The label of the toast the window shows, if it says @text. */
static GtkWidget *
find_toast (ZsWindow   *window,
            const char *text)
{
  /* libadwaita registers the type when it shows its first toast */
  GType toast_type = g_type_from_name ("AdwToastWidget");
  GtkWidget *toast;

  if (toast_type == G_TYPE_INVALID)
    return NULL;
  toast = zs_test_find_widget (GTK_WIDGET (window), toast_type);
  return toast != NULL ? zs_test_find_label (toast, text) : NULL;
}

static void
test_firm_save_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  ZsFirmsPage *page = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  ZsRecordEditor *editor = zs_firms_page_get_editor (page);
  ZsRecordForm *form = zs_record_editor_get_form (editor);
  g_autoptr(ZsStaff) viewer = zs_staff_new ();
  g_autoptr(ZsFirm) first = NULL;
  g_autoptr(ZsFirm) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  gint64 id;

  /* The app runs as a member of staff registered as a viewer. */
  zs_staff_set_name (viewer, "访客小李");
  zs_staff_set_role (viewer, ZS_ROLE_VIEWER);
  zs_store_add_staff (fixture->store, viewer, &error);
  g_assert_no_error (error);
  zs_store_set_actor (fixture->store, "访客小李");
  zs_test_drain_main_context ();

  first = zs_test_get_loaded_item (zs_firms_page_get_model (page), 0);
  g_assert_nonnull (first);
  id = zs_firm_get_id (first);
  zs_record_editor_set_record_id (editor, id);
  zs_firms_page_show_editor (page);
  g_assert_null (find_toast (fixture->window, "访客小李"));

  /* The store refuses the write: the reason shows in the editor and in a
   * toast of the window, and the editor keeps what was typed. */
  zs_record_form_set_text (form, "address", "霍尔果斯市友谊路 8 号");
  g_assert_false (zs_record_editor_save (editor));
  g_assert_nonnull (zs_record_editor_get_error_text (editor));
  g_assert_nonnull (strstr (zs_record_editor_get_error_text (editor), "访客小李"));
  g_assert_nonnull (find_toast (fixture->window, "访客小李"));
  typed = zs_record_form_get_text (form, "address");
  g_assert_cmpstr (typed, ==, "霍尔果斯市友谊路 8 号");
  g_assert_cmpint (zs_record_editor_get_record_id (editor), ==, id);
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "view-firm-save-refused.png");

  stored = zs_store_get_firm (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_firm_get_address (stored), !=, "霍尔果斯市友谊路 8 号");
}

/* Someone else saves the same field while the form is open: the editor
 * keeps the typed text, shows both values and lets the user choose; a
 * field only they changed is kept either way. */
static void
test_firm_save_conflict (Fixture       *fixture,
                         gconstpointer  data)
{
  ZsFirmsPage *page = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  ZsRecordEditor *editor = zs_firms_page_get_editor (page);
  ZsRecordForm *form = zs_record_editor_get_form (editor);
  g_autoptr(ZsFirm) first = NULL;
  g_autoptr(ZsFirm) other = NULL;
  g_autoptr(ZsFirm) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  GtkWidget *dialog;
  gint64 id;

  first = zs_test_get_loaded_item (zs_firms_page_get_model (page), 0);
  id = zs_firm_get_id (first);
  zs_record_editor_set_record_id (editor, id);
  zs_firms_page_show_editor (page);

  other = zs_store_get_firm (fixture->store, id, &error);
  g_assert_no_error (error);
  zs_firm_set_address (other, "霍尔果斯市别人写的地址 1 号");
  zs_firm_set_website (other, "https://other.example.cn");
  g_assert_true (zs_store_update_firm (fixture->store, other, &error));
  g_assert_no_error (error);

  zs_record_form_set_text (form, "address", "霍尔果斯市我写的地址 2 号");
  g_assert_false (zs_record_editor_save (editor));
  dialog = GTK_WIDGET (zs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "别人写的地址"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "我写的地址"));
  typed = zs_record_form_get_text (form, "address");
  g_assert_cmpstr (typed, ==, "霍尔果斯市我写的地址 2 号");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  gtk_window_destroy (GTK_WINDOW (dialog));
  zs_test_drain_main_context ();
  stored = zs_store_get_firm (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_firm_get_address (stored), ==, "霍尔果斯市我写的地址 2 号");
  g_assert_cmpstr (zs_firm_get_website (stored), ==, "https://other.example.cn");
}

/* }}} */

/* Projects {{{ */

static gboolean
dialog_is_shown (gpointer data)
{
  return zs_test_find_toplevel (ZS_TYPE_STAGE_MOVE_DIALOG) != NULL;
}

static void
test_projects_list_and_board (Fixture       *fixture,
                              gconstpointer  data)
{
  ZsProjectsPage *page = ZS_PROJECTS_PAGE (show_view (fixture, "projects"));
  GListModel *projects = G_LIST_MODEL (zs_projects_page_get_model (page));
  ZsPipelineBoard *board = zs_projects_page_get_board (page);
  g_autoptr(GPtrArray) stage_changes = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsProject) project = NULL;
  GtkWindow *dialog;
  gint64 total, signed_total, id;

  total = count_sql (fixture->store, "SELECT count(*) FROM core_projects");
  zs_test_wait_for_model (projects);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, total);
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "view-projects-list.png");

  /* Filters by stage and by park. */
  signed_total = count_sql (fixture->store, "SELECT count(*) FROM core_projects WHERE stage = 'signed'");
  zs_projects_page_set_stage (page, "signed");
  zs_test_wait_for_model (projects);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, signed_total);
  zs_projects_page_set_stage (page, NULL);
  zs_projects_page_set_park (page, "qingshuihe-park");
  zs_test_wait_for_model (projects);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==,
                    count_sql (fixture->store, "SELECT count(*) FROM core_projects WHERE park_code = 'qingshuihe-park'"));
  zs_projects_page_set_park (page, NULL);

  /* The board has a column per stage with what the store holds. */
  zs_projects_page_set_layout (page, "board");
  g_assert_true (zs_test_wait_idle ((ZsTestBusyFunc) zs_pipeline_board_is_loading, board));
  g_assert_cmpint (zs_pipeline_board_get_total (board, ZS_STAGE_SIGNED), ==, signed_total);
  g_assert_cmpuint (zs_pipeline_board_get_n_cards (board, ZS_STAGE_SIGNED), ==, signed_total);
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "view-projects-board.png");

  /* Moving a card to “registered” needs no reason: it moves at once and the
   * move is in the project's history. */
  id = zs_pipeline_board_get_card_project (board, ZS_STAGE_SIGNED, 0);
  g_assert_null (zs_pipeline_board_drop (board, id, ZS_STAGE_REGISTERED));
  project = zs_store_get_project (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zs_project_get_stage (project), ==, ZS_STAGE_REGISTERED);
  stage_changes = zs_store_list_stage_changes (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stage_changes->len, >=, 1);
  zs_pipeline_board_reload (board);
  g_assert_true (zs_test_wait_idle ((ZsTestBusyFunc) zs_pipeline_board_is_loading, board));
  g_assert_cmpint (zs_pipeline_board_get_total (board, ZS_STAGE_SIGNED), ==, signed_total - 1);

  /* Moving to “lost” asks for a reason first. */
  dialog = zs_pipeline_board_drop (board, id, ZS_STAGE_LOST);
  g_assert_true (ZS_IS_STAGE_MOVE_DIALOG (dialog));
  g_assert_true (zs_test_wait_until (dialog_is_shown, NULL));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move"));
  gtk_editable_set_text (zs_stage_move_dialog_get_reason_entry (ZS_STAGE_MOVE_DIALOG (dialog)),
                         "投资方转投其他园区");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move"));
  zs_test_render_to_png (GTK_WIDGET (dialog), "view-projects-move-dialog.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "move");
  zs_test_drain_main_context ();

  g_clear_object (&project);
  project = zs_store_get_project (fixture->store, id, &error);
  g_assert_cmpint (zs_project_get_stage (project), ==, ZS_STAGE_LOST);
  g_clear_pointer (&stage_changes, g_ptr_array_unref);
  stage_changes = zs_store_list_stage_changes (fixture->store, id, &error);
  g_assert_cmpstr (zs_stage_change_get_reason (g_ptr_array_index (stage_changes, stage_changes->len - 1)), ==,
                   "投资方转投其他园区");

  /* The audit trail the editor shows has the stage changes too. */
  changes = zs_store_list_changes (fixture->store, "project", id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, >=, 2);
  g_assert_cmpstr (zs_change_get_field (g_ptr_array_index (changes, 0)), ==, "stage");

  /* The project's form says where it is now. */
  zs_projects_page_set_layout (page, "list");
  zs_test_wait_for_model (projects);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(ZsProject) item = zs_test_get_loaded_item (projects, i);

      if (zs_project_get_id (item) == id)
        zs_projects_page_select (page, i);
    }
  g_assert_cmpint (zs_record_editor_get_record_id (zs_projects_page_get_editor (page)), ==, id);
  zs_record_editor_show_history (zs_projects_page_get_editor (page));
  zs_test_run_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (zs_history_list_get_changes (
                      zs_record_editor_get_history (zs_projects_page_get_editor (page)))), ==, changes->len);
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "view-project-history.png");

  /* A meeting about the project is logged from its Related tab, with the
   * project's firm, and shows there as soon as it is logged. */
  {
    ZsRecordEditor *editor = zs_projects_page_get_editor (page);
    ZsRelatedRecords *related = zs_record_editor_get_related (editor);
    g_autoptr(GPtrArray) activities = NULL;
    gboolean found = FALSE;
    guint before;

    g_assert_nonnull (related);
    g_assert_cmpint (zs_related_records_get_record (related), ==, id);
    g_assert_true (zs_test_wait_idle ((ZsTestBusyFunc) zs_related_records_is_loading, related));
    before = zs_related_records_get_n_records (related);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.log", "s", "meeting"));
    g_assert_true (zs_test_wait_until (related_count_is, (gpointer[]) { related, GUINT_TO_POINTER (before + 1) }));
    activities = zs_store_list_activities (fixture->store, zs_project_get_firm_id (project), NULL, 0, 0, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < activities->len; i++)
      {
        ZsActivity *activity = g_ptr_array_index (activities, i);

        found |= zs_activity_get_project_id (activity) == id &&
                 zs_activity_get_kind (activity) == ZS_ACTIVITY_KIND_MEETING;
      }
    g_assert_true (found);
    zs_record_editor_show_related (editor);
    zs_test_wait_for_paint (GTK_WIDGET (related));
    zs_test_render_to_png (GTK_WIDGET (fixture->window), "view-project-related.png");
  }

  /* whom to call about it: the Firm tab has the project's firm's contacts */
  {
    ZsRecordEditor *editor = zs_projects_page_get_editor (page);
    ZsFirmHub *hub = zs_record_editor_get_hub (editor);
    g_autoptr(GPtrArray) contacts = zs_store_list_contacts (fixture->store, zs_project_get_firm_id (project), &error);

    g_assert_no_error (error);
    g_assert_nonnull (hub);
    zs_record_editor_show_hub (editor);
    zs_test_wait_for_paint (GTK_WIDGET (hub));
    g_assert_true (zs_test_wait_idle ((ZsTestBusyFunc) zs_firm_hub_is_loading, hub));
    g_assert_cmpint (zs_firm_hub_get_firm (hub), ==, zs_project_get_firm_id (project));
    g_assert_cmpuint (zs_firm_hub_get_n_contacts (hub), ==, contacts->len);
    g_assert_cmpuint (zs_firm_hub_get_n_activities (hub), >, 0);
    zs_test_render_to_png (GTK_WIDGET (fixture->window), "view-project-firm.png");
  }
}

/* }}} */

static void
test_sectors_tree (Fixture       *fixture,
                   gconstpointer  data)
{
  ZsSectorsPage *page = ZS_SECTORS_PAGE (show_view (fixture, "sectors"));
  GtkTreeListModel *tree = zs_sectors_page_get_tree (page);
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(GObject) item = NULL;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (tree));

  /* Roots are the clauses that name sectors. */
  g_assert_cmpuint (before, >=, 5);
  row = gtk_tree_list_model_get_row (tree, 0);
  item = gtk_tree_list_row_get_item (row);
  g_assert_true (ZS_IS_CLAUSE (item));
  gtk_tree_list_row_set_expanded (row, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tree)), >, before);

  zs_sectors_page_select (page, 1);
  g_assert_nonnull (strstr (zs_sectors_page_get_detail_text (page), "c03-"));
  g_assert_true (zs_test_wait_idle ((ZsTestBusyFunc) zs_sectors_page_is_loading, page));
  g_assert_null (strstr (zs_sectors_page_get_detail_text (page), "…"));
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "view-sectors.png");
}

static gboolean
follow_ups_loaded (gpointer data)
{
  return !zs_follow_ups_page_is_loading (data);
}

static void
test_activities_due (Fixture       *fixture,
                     gconstpointer  data)
{
  ZsFollowUpsPage *page = ZS_FOLLOW_UPS_PAGE (show_view (fixture, "activities"));
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  guint shown;

  /* The demonstration follow-ups fall in 2026–2027. */
  zs_follow_ups_page_set_today (page, "2026-12-31");
  g_assert_true (zs_test_wait_until (follow_ups_loaded, page));
  due = zs_store_list_activities (fixture->store, 0, "2026-12-31", 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, >, 0);
  shown = g_list_model_get_n_items (zs_follow_ups_page_get_group (page, ZS_FOLLOW_UP_OVERDUE)) +
          g_list_model_get_n_items (zs_follow_ups_page_get_group (page, ZS_FOLLOW_UP_TODAY));
  g_assert_cmpuint (shown, ==, due->len);
  g_assert_cmpuint (g_list_model_get_n_items (zs_follow_ups_page_get_recent (page)), >, 0);
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "view-activities.png");
}

static gboolean
headline_counts_firms (gpointer data)
{
  return strstr (zs_dashboard_page_get_headline (data), "200 firms") != NULL;
}

static void
test_dashboard (Fixture       *fixture,
                gconstpointer  data)
{
  ZsDashboardPage *page = ZS_DASHBOARD_PAGE (show_view (fixture, "dashboard"));
  ZsChart *funnel = zs_dashboard_page_get_chart (page, "funnel");
  ZsChart *targets = zs_dashboard_page_get_chart (page, "targets");
  ZsChart *parks = zs_dashboard_page_get_chart (page, "parks");
  g_autofree char *pdf = zs_test_output_path ("dashboard-report.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  double sum = 0, realised;
  gsize length;
  guint last;

  g_assert_cmpstr (zs_window_get_view_name (fixture->window), ==, "dashboard");
  g_assert_true (zs_test_wait_until (headline_counts_firms, page));

  /* The funnel has a bar per stage, adding up to every project. */
  g_assert_cmpuint (zs_chart_get_n_rows (funnel), ==, ZS_STAGE_LOST + 1);
  for (guint i = 0; i < zs_chart_get_n_rows (funnel); i++)
    sum += zs_chart_get_value (funnel, i, 0);
  g_assert_cmpfloat (sum, ==, count_sql (fixture->store, "SELECT count(*) FROM core_projects"));
  g_assert_cmpuint (zs_chart_get_n_rows (parks), >, 0);

  /* Targets are reference values; the one measured row is the realised
   * investment, in 亿元. */
  last = zs_chart_get_n_rows (targets) - 1;
  g_assert_cmpuint (last, >=, 3);
  realised = count_sql (fixture->store, "SELECT CAST (total (realised_investment) AS INTEGER) FROM core_projects") / 10000.0;
  g_assert_cmpfloat_with_epsilon (zs_chart_get_value (targets, last, 1), realised, 0.01);
  g_assert_cmpfloat (zs_chart_get_value (targets, last, 0), ==, 0);
  for (guint i = 0; i < last; i++)
    g_assert_cmpfloat (zs_chart_get_value (targets, i, 1), ==, 0);
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "view-dashboard.png");

  /* The report is a PDF drawn by the same code. */
  g_assert_true (zs_window_export_report (fixture->window, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_test_message ("wrote %s", pdf);
}

/* Import {{{ */


static char *
write_import_file (const char *dir)
{
  g_autofree char *a = valid_uscc ("91654004MA7XKW0A1");
  g_autofree char *b = valid_uscc ("91654004MA7XKW0A2");
  g_autofree char *c = valid_uscc ("91654004MA7XKW0A3");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "新企业.csv", NULL);

  contents = g_strdup_printf ("企业名称,统一社会信用代码,所属行业,跟进备注\n"
                              "霍尔果斯导入测试甲有限公司,%s,冷链物流,首次接洽\n"
                              "霍尔果斯导入测试乙有限公司,%s,以馕为主的食品加工,\n"
                              "霍尔果斯导入测试丙有限公司,%s,,待回访\n"
                              "代码有误的公司,12345,,\n", a, b, c);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
import_is_done (gpointer data)
{
  return g_strcmp0 (zs_import_dialog_get_state (data), "done") == 0;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  ZsFirmsPage *page = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  GListModel *firms = G_LIST_MODEL (zs_firms_page_get_model (page));
  g_autofree char *path = write_import_file (fixture->db.dir);
  g_autofree char *rejects = g_build_filename (fixture->db.dir, "rejected.csv", NULL);
  g_autofree char *rejected_rows = NULL;
  g_autoptr(GError) error = NULL;
  ZsImportDialog *dialog;
  ZsImportJob *job;

  dialog = ZS_IMPORT_DIALOG (zs_window_open_import (fixture->window));
  g_assert_cmpstr (zs_import_dialog_get_state (dialog), ==, "choose");
  zs_import_dialog_set_entity (dialog, ZS_IMPORT_ENTITY_FIRMS);
  g_assert_true (zs_import_dialog_set_file (dialog, path));
  g_assert_cmpstr (zs_import_dialog_get_state (dialog), ==, "preview");
  g_assert_cmpuint (zs_import_dialog_get_n_columns (dialog), ==, 4);
  g_assert_true (zs_import_dialog_set_column_field (dialog, "跟进备注", "notes"));
  g_assert_false (zs_import_dialog_set_column_field (dialog, "跟进备注", "no-such-field"));
  zs_import_dialog_set_rejects_path (dialog, rejects);
  zs_test_render_to_png (GTK_WIDGET (dialog), "import-preview.png");

  /* A dry run counts and writes nothing. */
  zs_import_dialog_start (dialog, TRUE);
  g_assert_true (zs_test_wait_until (import_is_done, dialog));
  job = zs_import_dialog_get_job (dialog);
  g_test_message ("%s", zs_import_dialog_get_summary (dialog));
  g_assert_cmpuint (zs_import_job_get_inserted (job), ==, 3);
  g_assert_cmpuint (zs_import_job_get_rejected (job), ==, 1);
  g_assert_cmpint (zs_store_count_firms (fixture->store, NULL, NULL, NULL), ==, 200);
  zs_test_render_to_png (GTK_WIDGET (dialog), "import-dry-run.png");

  /* The import writes, the firm list follows, the rejected row is saved. */
  zs_import_dialog_start (dialog, FALSE);
  g_assert_true (zs_test_wait_until (import_is_done, dialog));
  g_assert_cmpint (zs_store_count_firms (fixture->store, NULL, NULL, NULL), ==, 203);
  g_assert_true (zs_test_wait_until (model_has_items, (gpointer[]) { firms, GUINT_TO_POINTER (203) }));
  g_assert_true (g_file_get_contents (rejects, &rejected_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (rejected_rows, "代码有误的公司"));
  g_assert_cmpint (zs_store_count_firms (fixture->store, "导入测试", NULL, NULL), ==, 3);

  /* And it can be undone. */
  g_assert_true (zs_import_dialog_undo (dialog));
  g_assert_cmpint (zs_store_count_firms (fixture->store, NULL, NULL, NULL), ==, 200);
  zs_test_destroy_window (dialog);
}

/* A label that names two sectors: the firm is imported without it, and the
 * dialog offers both; the one chosen reaches the firm on the next run. */
static void
test_import_labels (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->db.dir, "labels.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *code = valid_uscc ("91654004MA7XKW0B1");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsFirm) firm = NULL;
  g_auto(GStrv) sectors = NULL;
  ZsImportDialog *dialog;

  contents = g_strdup_printf ("企业名称,统一社会信用代码,所属行业\n标签测试有限公司,%s,跨境电商\n", code);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  dialog = ZS_IMPORT_DIALOG (zs_window_open_import (fixture->window));
  zs_import_dialog_set_entity (dialog, ZS_IMPORT_ENTITY_FIRMS);
  g_assert_true (zs_import_dialog_set_file (dialog, path));

  zs_import_dialog_start (dialog, TRUE);
  g_assert_true (zs_test_wait_until (import_is_done, dialog));
  g_assert_cmpuint (zs_import_job_get_inserted (zs_import_dialog_get_job (dialog)), ==, 1);
  g_assert_cmpuint (zs_import_dialog_get_n_labels (dialog), ==, 1);
  g_assert_false (zs_import_dialog_set_label_code (dialog, "sectors", "跨境电商", "c05-naan-food"));
  g_assert_true (zs_import_dialog_set_label_code (dialog, "sectors", "跨境电商", "c09-cross-border-ecommerce"));

  zs_import_dialog_start (dialog, FALSE);
  g_assert_true (zs_test_wait_until (import_is_done, dialog));
  g_assert_cmpuint (zs_import_dialog_get_n_labels (dialog), ==, 0);
  firm = zs_store_find_firm_by_uscc (fixture->store, code, &error);
  g_assert_no_error (error);
  g_assert_nonnull (firm);
  g_object_get (firm, "sectors", &sectors, NULL);
  g_assert_cmpstrv (sectors, ((const char *[]) { "c09-cross-border-ecommerce", NULL }));
  zs_test_destroy_window (dialog);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zs_test_init (&argc, &argv, APPLICATION_ID ".ViewTest");

  g_test_add ("/gtk/models/paged", Fixture, NULL, fixture_set_up, test_paged_model, fixture_tear_down);
  g_test_add ("/gtk/models/paged-async", Fixture, NULL, fixture_set_up, test_paged_model_async, fixture_tear_down);
  g_test_add ("/gtk/views/dashboard", Fixture, NULL, fixture_set_up, test_dashboard, fixture_tear_down);
  g_test_add ("/gtk/views/firms", Fixture, NULL, fixture_set_up, test_firms_filter_and_edit, fixture_tear_down);
  g_test_add ("/gtk/views/firm-save-refused", Fixture, NULL, fixture_set_up, test_firm_save_refused,
              fixture_tear_down);
  g_test_add ("/gtk/views/history-revert-confirms", Fixture, NULL, fixture_set_up, test_history_revert_confirms,
              fixture_tear_down);
  g_test_add ("/gtk/views/firm-save-conflict", Fixture, NULL, fixture_set_up, test_firm_save_conflict,
              fixture_tear_down);
  g_test_add ("/gtk/views/projects", Fixture, NULL, fixture_set_up, test_projects_list_and_board, fixture_tear_down);
  g_test_add ("/gtk/views/sectors", Fixture, NULL, fixture_set_up, test_sectors_tree, fixture_tear_down);
  g_test_add ("/gtk/views/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/gtk/views/import-labels", Fixture, NULL, fixture_set_up, test_import_labels, fixture_tear_down);
  g_test_add ("/gtk/views/activities", Fixture, NULL, fixture_set_up, test_activities_due, fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
