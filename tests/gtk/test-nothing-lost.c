/* test-nothing-lost.c: unsaved input asks before it goes, reverts can be
 *   undone, and the lists open what they show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-firms-page.h"
#include "zs-gtk-test-util.h"
#include "zs-projects-page.h"
#include "zs-window.h"

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
  zs_test_wait_for_paint (view);
  return view;
}

static GtkSelectionModel *
list_selection (GtkWidget *page)
{
  GtkWidget *view = zs_test_find_widget (page, GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (view);
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
}

static gint64
firm_id_at (ZsFirmsPage *page,
            guint        position)
{
  g_autoptr(ZsFirm) firm = zs_test_get_loaded_item (zs_firms_page_get_model (page), position);

  g_assert_nonnull (firm);
  return zs_firm_get_id (firm);
}

/* Answers the question about unsaved input, as a click would. */
static void
answer (ZsRecordEditor *editor,
        const char     *response)
{
  AdwMessageDialog *dialog = zs_record_editor_get_leave_dialog (editor);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  zs_test_drain_main_context ();
  g_assert_null (zs_record_editor_get_leave_dialog (editor));
}

/* A record as loaded is not “changed”: no question for any firm or project. */
static void
test_loaded_is_clean (Fixture       *fixture,
                      gconstpointer  data)
{
  ZsFirmsPage *firms = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  ZsProjectsPage *projects = ZS_PROJECTS_PAGE (show_view (fixture, "projects"));
  GListModel *firm_list = G_LIST_MODEL (zs_firms_page_get_model (firms));
  GListModel *project_list = G_LIST_MODEL (zs_projects_page_get_model (projects));
  ZsRecordEditor *editor = zs_firms_page_get_editor (firms);

  zs_test_wait_for_model (firm_list);
  zs_test_wait_for_model (project_list);
  g_assert_false (zs_record_editor_is_dirty (editor));
  for (guint i = 0; i < g_list_model_get_n_items (firm_list); i++)
    {
      zs_record_editor_set_record_id (editor, firm_id_at (firms, i));
      g_assert_false (zs_record_editor_is_dirty (editor));
    }
  editor = zs_projects_page_get_editor (projects);
  for (guint i = 0; i < g_list_model_get_n_items (project_list); i++)
    {
      g_autoptr(ZsProject) project = zs_test_get_loaded_item (project_list, i);

      zs_record_editor_set_record_id (editor, zs_project_get_id (project));
      g_assert_false (zs_record_editor_is_dirty (editor));
    }
  zs_record_editor_new_record (editor);
  g_assert_false (zs_record_editor_is_dirty (editor));
}

/* Another firm chosen with unsaved input: Cancel keeps the input, Discard
 * drops it, Save saves it; and so for the sidebar and closing the window. */
static void
test_leave_asks (Fixture       *fixture,
                 gconstpointer  data)
{
  ZsFirmsPage *page = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  ZsRecordEditor *editor = zs_firms_page_get_editor (page);
  ZsRecordForm *form = zs_record_editor_get_form (editor);
  GtkSelectionModel *selection = list_selection (GTK_WIDGET (page));
  gint64 first = firm_id_at (page, 0);
  gint64 second = firm_id_at (page, 1);
  gint64 third = firm_id_at (page, 2);
  g_autoptr(ZsFirm) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;

  zs_firms_page_select (page, 0);
  g_assert_cmpint (zs_record_editor_get_record_id (editor), ==, first);
  zs_record_form_set_text (form, "address", "霍尔果斯市未保存路 3 号");
  g_assert_true (zs_record_editor_is_dirty (editor));

  /* Cancel: the same firm, its row still selected, the input kept. */
  zs_firms_page_select (page, 1);
  g_assert_nonnull (zs_record_editor_get_leave_dialog (editor));
  zs_test_render_to_png (GTK_WIDGET (fixture->window), "leave-dialog.png");
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  answer (editor, "cancel");
  g_assert_cmpint (zs_record_editor_get_record_id (editor), ==, first);
  typed = zs_record_form_get_text (form, "address");
  g_assert_cmpstr (typed, ==, "霍尔果斯市未保存路 3 号");
  g_assert_true (gtk_selection_model_is_selected (selection, 0));

  /* The sidebar asks too, and stays on the firms until answered. */
  zs_window_set_view_name (fixture->window, "projects");
  g_assert_cmpstr (zs_window_get_view_name (fixture->window), ==, "firms");
  answer (editor, "cancel");
  g_assert_cmpstr (zs_window_get_view_name (fixture->window), ==, "firms");

  /* So does closing the window. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  zs_test_drain_main_context ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  answer (editor, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  /* Discard: the other firm opens, nothing was written. */
  zs_firms_page_select (page, 1);
  answer (editor, "discard");
  g_assert_cmpint (zs_record_editor_get_record_id (editor), ==, second);
  g_assert_true (gtk_selection_model_is_selected (selection, 1));
  stored = zs_store_get_firm (fixture->store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_firm_get_address (stored), !=, "霍尔果斯市未保存路 3 号");
  g_clear_object (&stored);

  /* Save: written, then the other firm opens. */
  zs_record_form_set_text (form, "address", "霍尔果斯市已保存路 5 号");
  zs_firms_page_select (page, 2);
  answer (editor, "save");
  stored = zs_store_get_firm (fixture->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_firm_get_address (stored), ==, "霍尔果斯市已保存路 5 号");
  g_assert_cmpint (zs_record_editor_get_record_id (editor), ==, third);
  g_assert_false (zs_record_editor_is_dirty (editor));

  /* A clean form lets go without a word. */
  zs_window_set_view_name (fixture->window, "projects");
  g_assert_null (zs_record_editor_get_leave_dialog (editor));
  g_assert_cmpstr (zs_window_get_view_name (fixture->window), ==, "projects");
}

static gboolean
editor_shows_firm (gpointer data)
{
  gpointer *args = data;

  return zs_record_editor_get_error_text (args[0]) == NULL &&
         zs_record_editor_get_record_id (args[0]) == (gint64) GPOINTER_TO_SIZE (args[1]);
}

static gboolean
editor_says_deleted (gpointer data)
{
  return zs_record_editor_get_error_text (data) != NULL;
}

/* Reverting a firm's creation deletes it and its contact after asking;
 * the editor says so and offers no Save; Undo brings both back. */
static void
test_revert_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  ZsFirmsPage *page = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  ZsRecordEditor *editor = zs_firms_page_get_editor (page);
  ZsHistoryList *history = zs_record_editor_get_history (editor);
  g_autoptr(ZsFirm) firm = zs_firm_new ();
  g_autoptr(ZsContact) contact = zs_contact_new ();
  g_autoptr(ZsChange) created = NULL;
  g_autoptr(ZsFirm) back = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uscc = g_strdup_printf ("91654004MA7XBACK1%c", zs_uscc_check_character ("91654004MA7XBACK1"));
  AdwMessageDialog *dialog;
  AdwToast *toast;
  gint64 id;

  zs_firm_set_name (firm, "霍尔果斯撤销可恢复有限公司");
  zs_firm_set_uscc (firm, uscc);
  id = zs_store_add_firm (fixture->store, firm, &error);
  g_assert_no_error (error);
  zs_contact_set_firm_id (contact, id);
  zs_contact_set_name (contact, "阿依古丽");
  zs_store_add_contact (fixture->store, contact, &error);
  g_assert_no_error (error);

  zs_firms_page_open_firm (page, id);
  zs_record_editor_show_history (editor);
  zs_test_drain_main_context ();
  created = g_list_model_get_item (zs_history_list_get_changes (history), 0);
  g_assert_cmpint (zs_change_get_kind (created), ==, ZS_CHANGE_KIND_CREATE);

  g_assert_false (zs_history_list_revert (history, zs_change_get_id (created)));
  dialog = zs_history_list_get_confirmation (history);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "revert");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (zs_store_get_firm (fixture->store, id, NULL));

  /* The editor says the firm is gone and has nothing to save. */
  g_assert_true (zs_test_wait_until (editor_says_deleted, editor));
  g_assert_null (strstr (zs_record_editor_get_error_text (editor), "no firm"));
  g_assert_false (zs_record_editor_is_dirty (editor));
  g_assert_false (zs_record_editor_save (editor));

  /* Undo, from the toast: the firm and its contact are back, and shown. */
  toast = zs_history_list_get_undo_toast (history);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  back = zs_store_get_firm (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_firm_get_name (back), ==, "霍尔果斯撤销可恢复有限公司");
  contacts = zs_store_list_contacts (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_true (zs_test_wait_until (editor_shows_firm, (gpointer[]) { editor, GSIZE_TO_POINTER (id) }));
}

/* On a fresh start, the first row of Firms and of Projects opens. */
static void
test_first_row_opens (Fixture       *fixture,
                      gconstpointer  data)
{
  ZsFirmsPage *firms = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  GtkSelectionModel *selection = list_selection (GTK_WIDGET (firms));
  ZsProjectsPage *projects = NULL;
  g_autoptr(ZsProject) project = NULL;
  guint selected;

  /* The first page is read off the main thread; a row opens when it is. */
  g_object_unref (zs_test_get_loaded_item (zs_firms_page_get_model (firms), 0));
  selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));

  /* Whatever looks selected is open. */
  if (selected != GTK_INVALID_LIST_POSITION)
    g_assert_cmpint (zs_record_editor_get_record_id (zs_firms_page_get_editor (firms)), ==,
                     firm_id_at (firms, selected));
  zs_firms_page_select (firms, 0);
  g_assert_cmpint (zs_record_editor_get_record_id (zs_firms_page_get_editor (firms)), ==,
                   firm_id_at (firms, 0));

  projects = ZS_PROJECTS_PAGE (show_view (fixture, "projects"));
  selection = list_selection (GTK_WIDGET (projects));
  project = zs_test_get_loaded_item (zs_projects_page_get_model (projects), 0);
  selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));
  if (selected != GTK_INVALID_LIST_POSITION)
    g_assert_cmpint (selected, ==, 0);
  zs_projects_page_select (projects, 0);
  g_assert_cmpint (zs_record_editor_get_record_id (zs_projects_page_get_editor (projects)), ==,
                   zs_project_get_id (project));
}

static gboolean
list_is_empty (gpointer data)
{
  return g_list_model_get_n_items (data) == 0 && !zs_paged_model_is_loading (data);
}

/* The list is read off the main thread: wait for a count. */
static gboolean
list_has_n_items (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (args[0]) == GPOINTER_TO_UINT (args[1]) &&
         !zs_paged_model_is_loading (args[0]);
}

/* Sectors → Show Firms and a firm opened from Follow-ups drop an old search. */
static void
test_show_clears_search (Fixture       *fixture,
                         gconstpointer  data)
{
  ZsFirmsPage *page = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  GListModel *firms = G_LIST_MODEL (zs_firms_page_get_model (page));
  g_autoptr(GError) error = NULL;
  gint64 in_sector = zs_store_count_firms (fixture->store, NULL, "c05-naan-food", &error);
  gint64 id = firm_id_at (page, 5);

  g_assert_no_error (error);
  gtk_editable_set_text (zs_firms_page_get_search_entry (page), "没有这样的公司");
  zs_firm_list_model_set_search (zs_firms_page_get_model (page), "没有这样的公司");
  g_assert_true (zs_test_wait_until (list_is_empty, firms));

  show_view (fixture, "sectors");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-sector", "s", "c05-naan-food");
  g_assert_cmpstr (zs_window_get_view_name (fixture->window), ==, "firms");
  g_assert_cmpstr (gtk_editable_get_text (zs_firms_page_get_search_entry (page)), ==, "");
  g_assert_true (zs_test_wait_until (list_has_n_items, (gpointer[]) { firms, GUINT_TO_POINTER (in_sector) }));
  g_assert_cmpstr (zs_firms_page_get_state (page), ==, "list");

  gtk_editable_set_text (zs_firms_page_get_search_entry (page), "没有这样的公司");
  zs_firm_list_model_set_search (zs_firms_page_get_model (page), "没有这样的公司");
  g_assert_true (zs_test_wait_until (list_is_empty, firms));
  show_view (fixture, "activities");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-firm", "x", id);
  g_assert_cmpstr (zs_window_get_view_name (fixture->window), ==, "firms");
  g_assert_cmpstr (gtk_editable_get_text (zs_firms_page_get_search_entry (page)), ==, "");
  g_assert_true (zs_test_wait_until (list_has_n_items, (gpointer[]) { firms, GUINT_TO_POINTER (200) }));
  g_assert_cmpint (zs_record_editor_get_record_id (zs_firms_page_get_editor (page)), ==, id);
}

static double
form_scroll (ZsRecordEditor *editor)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (zs_record_editor_get_form (editor)),
                                                 GTK_TYPE_SCROLLED_WINDOW);

  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
}

static gboolean
form_laid_out (gpointer adjustment)
{
  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

static void
scroll_form_down (ZsRecordEditor *editor)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (zs_record_editor_get_form (editor)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  /* a slow machine (the sanitizers) may not have laid the form out yet */
  g_assert_true (zs_test_wait_until (form_laid_out, adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
}

/* A firm opened, or a new one, starts at the top of the form. */
static void
test_form_starts_at_top (Fixture       *fixture,
                         gconstpointer  data)
{
  ZsFirmsPage *page = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  ZsRecordEditor *editor = zs_firms_page_get_editor (page);
  GtkWidget *notes = zs_record_form_get_input (zs_record_editor_get_form (editor), "notes");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 480);
  zs_firms_page_select (page, 0);
  zs_test_run_for (100);
  gtk_widget_grab_focus (notes);
  scroll_form_down (editor);
  zs_test_run_for (100);

  zs_firms_page_select (page, 1);
  zs_test_run_for (200);
  g_assert_cmpfloat (form_scroll (editor), ==, 0);

  gtk_widget_grab_focus (notes);
  scroll_form_down (editor);
  zs_test_run_for (100);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "firms");
  zs_record_editor_new_record (editor);
  zs_test_run_for (200);
  g_assert_cmpfloat (form_scroll (editor), ==, 0);
}

/* An unknown sector is refused under the field, pointing to the Sectors
 * page rather than to a command. */
static void
test_unknown_sector (Fixture       *fixture,
                     gconstpointer  data)
{
  ZsFirmsPage *page = ZS_FIRMS_PAGE (show_view (fixture, "firms"));
  ZsRecordEditor *editor = zs_firms_page_get_editor (page);
  ZsRecordForm *form = zs_record_editor_get_form (editor);
  const char *shown;

  zs_firms_page_select (page, 0);
  zs_record_form_set_text (form, "sectors", "没有这个产业");
  g_assert_false (zs_record_editor_save (editor));
  shown = zs_record_form_get_error_text (form, "sectors");
  g_assert_nonnull (shown);
  g_assert_nonnull (strstr (shown, "没有这个产业"));
  g_assert_null (strstr (shown, "sectors list"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zs_test_init (&argc, &argv, APPLICATION_ID ".NothingLostTest");

  g_test_add ("/gtk/editor/loaded-is-clean", Fixture, NULL, fixture_set_up, test_loaded_is_clean,
              fixture_tear_down);
  g_test_add ("/gtk/editor/leave-asks", Fixture, NULL, fixture_set_up, test_leave_asks, fixture_tear_down);
  g_test_add ("/gtk/editor/revert-undo", Fixture, NULL, fixture_set_up, test_revert_undo, fixture_tear_down);
  g_test_add ("/gtk/lists/first-row-opens", Fixture, NULL, fixture_set_up, test_first_row_opens,
              fixture_tear_down);
  g_test_add ("/gtk/lists/show-clears-search", Fixture, NULL, fixture_set_up, test_show_clears_search,
              fixture_tear_down);
  g_test_add ("/gtk/editor/unknown-sector", Fixture, NULL, fixture_set_up, test_unknown_sector, fixture_tear_down);
  g_test_add ("/gtk/editor/form-starts-at-top", Fixture, NULL, fixture_set_up, test_form_starts_at_top,
              fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
