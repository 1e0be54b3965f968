/* test-record-type-page.c: the generic page of a record type, as the
 * Python example plugin (docs/examples/python-record-type) returns it from
 * its page provider: a record added through the form shows in the list,
 * with its history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zhaoshang-gtk.h"
#include "zs-firm-hub.h"
#include "zs-gtk-test-util.h"

static GtkWidget *
example_page (ZsStore        *store,
              ZsPluginEngine *engine)
{
  g_autoptr(GPtrArray) providers = zs_plugin_engine_get_extensions (engine, ZS_TYPE_PAGE_PROVIDER);

  for (guint i = 0; i < providers->len; i++)
    {
      g_autofree char *id = zs_page_provider_get_id (g_ptr_array_index (providers, i));

      if (g_str_equal (id, "visit-notes"))
        return zs_page_provider_create_page (g_ptr_array_index (providers, i), store, engine);
    }
  return NULL;
}

static void
test_add_through_the_form (void)
{
  ZsTestDatabase db;
  g_autoptr(ZsStore) store = NULL;
  g_autoptr(ZsPluginEngine) engine = NULL;
  g_autoptr(GPtrArray) firms = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) stored = NULL;
  g_autofree char *firm_id = NULL;
  GtkWidget *window, *page;
  ZsRecordTypePage *notes;
  GListModel *records;
  gint64 id, first_firm = 0;

  zs_test_database_init (&db);
  store = zs_test_open_store (&db, TRUE);
  engine = zs_plugin_engine_new (store);
  zs_plugin_engine_set_frontend (engine, "gtk");
  zs_plugin_engine_load_all (engine);
  g_assert_nonnull (zs_store_lookup_record_type (store, "visit_notes.note"));

  page = example_page (store, engine);
  g_assert_true (ZS_IS_RECORD_TYPE_PAGE (page));
  notes = ZS_RECORD_TYPE_PAGE (page);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  zs_test_wait_for_paint (page);

  records = zs_record_type_page_get_records (notes);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 0);
  /* one input per field, each of its kind */
  g_assert_true (GTK_IS_DROP_DOWN (zs_record_type_page_get_input (notes, "firm")));
  g_assert_true (GTK_IS_ENTRY (zs_record_type_page_get_input (notes, "visited_on")));
  g_assert_true (GTK_IS_DROP_DOWN (zs_record_type_page_get_input (notes, "mood")));
  g_assert_true (GTK_IS_SPIN_BUTTON (zs_record_type_page_get_input (notes, "hours")));
  g_autofree char *mood = zs_record_type_page_get_field_text (notes, "mood");
  g_assert_cmpstr (mood, ==, "neutral");

  firms = zs_store_list_records (store, "firm", NULL, &error);
  g_assert_no_error (error);
  g_object_get (g_ptr_array_index (firms, 0), "id", &first_firm, NULL);
  firm_id = g_strdup_printf ("%" G_GINT64_FORMAT, first_firm);

  /* a bad value is refused, naming the field and the value; nothing is written */
  zs_record_type_page_set_field_text (notes, "firm", firm_id);
  zs_record_type_page_set_field_text (notes, "visited_on", "2026-13-01");
  zs_record_type_page_set_field_text (notes, "summary", "走访金麦馕");
  g_assert_false (zs_record_type_page_save (notes));
  g_assert_nonnull (strstr (zs_record_type_page_get_error_text (notes), "visited_on"));
  g_assert_nonnull (strstr (zs_record_type_page_get_error_text (notes), "2026-13-01"));
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 0);

  zs_record_type_page_set_field_text (notes, "visited_on", "2026-03-01");
  zs_record_type_page_set_field_text (notes, "mood", "keen");
  zs_record_type_page_set_field_text (notes, "hours", "1.5");
  g_assert_true (zs_record_type_page_save (notes));
  g_assert_null (zs_record_type_page_get_error_text (notes));
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 1);
  id = zs_record_type_page_get_record_id (notes);
  g_assert_cmpint (id, >, 0);
  stored = zs_store_get_record (store, "visit_notes.note", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (stored), "summary"), ==, "走访金麦馕");
  g_assert_cmpstr (zs_record_get_string (ZS_RECORD (stored), "mood"), ==, "keen");
  g_assert_cmpfloat (zs_record_get_double (ZS_RECORD (stored), "hours"), ==, 1.5);
  g_assert_cmpuint (g_list_model_get_n_items (zs_record_type_page_get_history (notes)), ==, 1);

  /* an edit writes only the field changed, and shows in the history */
  zs_record_type_page_set_field_text (notes, "summary", "签约意向明确");
  g_assert_true (zs_record_type_page_save (notes));
  g_assert_cmpuint (g_list_model_get_n_items (zs_record_type_page_get_history (notes)), ==, 2);

  /* search over the searchable field */
  zs_record_type_page_set_search (notes, "签约");
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 1);
  zs_record_type_page_set_search (notes, "没有这个");
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 0);

  zs_test_destroy_window (window);
  g_object_unref (page);
  g_clear_object (&engine);
  g_clear_object (&store);
  zs_test_database_clear (&db);
}


static gint64
add_note (ZsStore    *store,
          gint64      firm,
          const char *summary)
{
  ZsRecordType *type = zs_store_lookup_record_type (store, "visit_notes.note");
  g_autoptr(GObject) note = zs_record_type_new_record (type);
  g_autofree char *firm_text = g_strdup_printf ("%" G_GINT64_FORMAT, firm);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (zs_record_type_set_text (type, note, "firm", firm_text, &error));
  g_assert_true (zs_record_type_set_text (type, note, "visited_on", "2026-03-02", &error));
  g_assert_true (zs_record_type_set_text (type, note, "summary", summary, &error));
  id = zs_store_create_record (store, note, &error);
  g_assert_no_error (error);
  return id;
}

/* A plugin's record type that refers to a firm shows on the firm's page,
 * read off the main thread, with no code in the plugin; it follows
 * changes, and goes when the plugin is unloaded. */
static void
test_related_on_the_firm (void)
{
  ZsTestDatabase db;
  g_autoptr(ZsStore) store = NULL;
  g_autoptr(ZsPluginEngine) engine = NULL;
  g_autoptr(GPtrArray) firms = NULL;
  g_autoptr(GError) error = NULL;
  ZsRelatedRecords *related;
  GtkWidget *window, *hub;
  gint64 firm = 0;

  zs_test_database_init (&db);
  store = zs_test_open_store (&db, TRUE);
  engine = zs_plugin_engine_new (store);
  zs_plugin_engine_set_frontend (engine, "gtk");
  zs_plugin_engine_load_all (engine);
  firms = zs_store_list_records (store, "firm", NULL, &error);
  g_assert_no_error (error);
  g_object_get (g_ptr_array_index (firms, 0), "id", &firm, NULL);

  hub = zs_firm_hub_new (store);
  related = zs_firm_hub_get_related (ZS_FIRM_HUB (hub));
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), hub);
  gtk_window_present (GTK_WINDOW (window));
  zs_firm_hub_set_firm (ZS_FIRM_HUB (hub), firm);
  g_assert_true (zs_test_wait_idle ((ZsTestBusyFunc) zs_firm_hub_is_loading, hub));
  g_assert_cmpuint (zs_related_records_get_n_records (related), ==, 0);

  add_note (store, firm, "走访金麦馕");
  g_assert_true (zs_test_wait_idle ((ZsTestBusyFunc) zs_firm_hub_is_loading, hub));
  g_assert_cmpuint (zs_related_records_get_n_groups (related), ==, 1);
  g_assert_cmpuint (zs_related_records_get_n_records (related), ==, 1);
  add_note (store, firm, "签约意向明确");
  g_assert_true (zs_test_wait_idle ((ZsTestBusyFunc) zs_firm_hub_is_loading, hub));
  g_assert_cmpuint (zs_related_records_get_n_records (related), ==, 2);
  zs_test_render_to_png (window, "related-on-the-firm.png");

  /* the plugin goes, and its group with it */
  g_clear_object (&engine);
  g_assert_true (zs_test_wait_idle ((ZsTestBusyFunc) zs_firm_hub_is_loading, hub));
  g_assert_cmpuint (zs_related_records_get_n_groups (related), ==, 0);

  zs_test_destroy_window (window);
  g_clear_object (&store);
  zs_test_database_clear (&db);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gtk/record-type-page/add-through-the-form", test_add_through_the_form);
  g_test_add_func ("/gtk/record-type-page/related-on-the-firm", test_related_on_the_firm);
  return g_test_run ();
}
