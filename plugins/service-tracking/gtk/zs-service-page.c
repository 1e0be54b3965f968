/* zs-service-page.c: the Service page of the main window
 *
 * It shows, as of today, what is overdue by level, the items due this
 * week, the joint reviews waiting on a department, the 三未 lists and the
 * cases, all read by the service-tracking plugin's ZsServiceDesk in a GTask
 * worker thread through a store connection of the worker's own, and read
 * again when the store changes. Marking an item done, recording a 容缺
 * commitment and signing a review write through the window's store.
 *
 * The items due and overdue are among the app's follow-ups (the plugin's
 * ZsFollowUpSource), so the app's one daily notification counts them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-service-page.h"

#include <glib/gi18n.h>
#include <inttypes.h>

struct _ZsServicePage
{
  GtkBox          parent_instance;

  ZsServiceDesk  *desk;
  ZsStore        *store;
  char           *path;
  GCancellable   *cancellable;
  JsonNode       *overview;
  GtkWidget      *error_label;
  GtkWidget      *content;
  guint           timer_id;
};

G_DEFINE_FINAL_TYPE (ZsServicePage, zs_service_page, GTK_TYPE_BOX)

/* The app's settings, read when installed: the page may run in another host. */
#define APP_SCHEMA_ID "cn.horgos.Zhaoshang"

enum {
  SIGNAL_REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ZsServicePage *self = source;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = zs_store_new (task_data, &error);
  JsonNode *overview;

  if (store == NULL || !(overview = zs_service_desk_overview (self->desk, store, NULL, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, overview, (GDestroyNotify) json_node_unref);
}

static void
show_error (ZsServicePage *self,
            const char    *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void rebuild (ZsServicePage *self);

static void
run_write (ZsServicePage *self,
           JsonNode      *result,
           GError        *error)
{
  g_autoptr(JsonNode) node = result;

  if (error != NULL)
    {
      show_error (self, error->message);
      g_error_free (error);
      return;
    }
  show_error (self, NULL);
  zs_service_page_refresh (self);
}

gboolean
zs_service_page_mark_done (ZsServicePage  *self,
                           gint64          item,
                           GError        **error)
{
  g_autoptr(JsonNode) result = zs_service_desk_item_done (self->desk, self->store, item, NULL, error);

  return result != NULL;
}

gboolean
zs_service_page_commit (ZsServicePage  *self,
                        gint64          item,
                        const char     *document,
                        const char     *by,
                        GError        **error)
{
  g_autoptr(JsonNode) result = zs_service_desk_commit (self->desk, self->store, item, document, by, error);

  return result != NULL;
}

gboolean
zs_service_page_sign (ZsServicePage  *self,
                      gint64          review,
                      const char     *department,
                      GError        **error)
{
  g_autoptr(JsonNode) result = zs_service_desk_sign (self->desk, self->store, review, department, NULL, NULL, error);

  return result != NULL;
}

static void
done_clicked_cb (GtkButton     *button,
                 ZsServicePage *self)
{
  gint64 item = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "item"));
  GError *error = NULL;

  zs_service_page_mark_done (self, item, &error);
  run_write (self, NULL, error);
}

static void
sign_clicked_cb (GtkButton     *button,
                 ZsServicePage *self)
{
  gint64 review = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "review"));
  const char *department = g_object_get_data (G_OBJECT (button), "department");
  GError *error = NULL;

  zs_service_page_sign (self, review, department, &error);
  run_write (self, NULL, error);
}

static void
commit_clicked_cb (GtkButton     *button,
                   ZsServicePage *self)
{
  gint64 item = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "item"));
  GtkEditable *document = g_object_get_data (G_OBJECT (button), "document");
  GtkEditable *by = g_object_get_data (G_OBJECT (button), "by");
  GError *error = NULL;

  zs_service_page_commit (self, item, gtk_editable_get_text (document), gtk_editable_get_text (by), &error);
  run_write (self, NULL, error);
}

/* A menu button whose popover asks for the missing document and the day. */
static GtkWidget *
commit_button (ZsServicePage *self,
               gint64         item)
{
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *document = gtk_entry_new ();
  GtkWidget *by = gtk_entry_new ();
  GtkWidget *record = gtk_button_new_with_label (_("Record Commitment"));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu), _("Commitment…"));
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_entry_set_placeholder_text (GTK_ENTRY (document), _("Missing document"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (by), _("Supplied by (YYYY-MM-DD)"));
  g_object_set_data (G_OBJECT (record), "item", GSIZE_TO_POINTER (item));
  g_object_set_data (G_OBJECT (record), "document", document);
  g_object_set_data (G_OBJECT (record), "by", by);
  g_signal_connect (record, "clicked", G_CALLBACK (commit_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), document);
  gtk_box_append (GTK_BOX (box), by);
  gtk_box_append (GTK_BOX (box), record);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu), popover);
  return menu;
}

static GtkWidget *
action_button (const char *label)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
add_item_actions (ZsServicePage *self,
                  GtkWidget     *row,
                  gint64         item)
{
  GtkWidget *done = action_button (_("Done"));

  g_object_set_data (G_OBJECT (done), "item", GSIZE_TO_POINTER (item));
  g_signal_connect (done, "clicked", G_CALLBACK (done_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), commit_button (self, item));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
}

static GtkWidget *
new_group (ZsServicePage *self,
           const char    *title,
           guint          count)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *description = g_strdup_printf (g_dngettext (NULL, "%u entry", "%u entries", count), count);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (self->content), group);
  return group;
}

static void
build_overdue (ZsServicePage *self,
               JsonArray     *rows)
{
  GtkWidget *group = new_group (self, _("Overdue"), json_array_get_length (rows));

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *kind = json_object_get_string_member (row, "kind");
      g_autofree char *title = g_strdup_printf ("【%s】%s", json_object_get_string_member (row, "level_label"),
                                                json_object_get_string_member (row, "name"));
      g_autofree char *subtitle =
        g_strdup_printf (_("%s · %s · due %s · %" PRId64 " working days late"),
                         json_object_get_string_member (row, "department"),
                         json_object_get_string_member (row, "manager"),
                         json_object_get_string_member (row, "due"),
                         json_object_get_int_member (row, "days_late"));
      GtkWidget *action_row = add_row (group, title, subtitle);

      if (g_str_equal (kind, "item"))
        add_item_actions (self, action_row, json_object_get_int_member (row, "id"));
    }
}

static void
build_due (ZsServicePage *self,
           JsonArray     *rows)
{
  GtkWidget *group = new_group (self, _("Due This Week"), json_array_get_length (rows));

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *subtitle = g_strdup_printf (_("%s · due %s"), json_object_get_string_member (row, "department"),
                                                   json_object_get_string_member (row, "due"));
      GtkWidget *action_row = add_row (group, json_object_get_string_member (row, "name"), subtitle);

      add_item_actions (self, action_row, json_object_get_int_member (row, "id"));
    }
}

static void
build_reviews (ZsServicePage *self,
               JsonArray     *rows)
{
  GtkWidget *group = new_group (self, _("Joint Reviews Waiting"), json_array_get_length (rows));

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonArray *waiting = json_object_get_array_member (row, "waiting");
      g_autofree char *title = g_strdup_printf (_("Joint review %" PRId64 " of case %" PRId64),
                                                json_object_get_int_member (row, "id"),
                                                json_object_get_int_member (row, "case_id"));
      g_autofree char *subtitle = g_strdup_printf (_("Due %s"), json_object_get_string_member (row, "due"));
      GtkWidget *action_row = add_row (group, title, subtitle);

      for (guint j = 0; j < json_array_get_length (waiting); j++)
        {
          const char *department = json_array_get_string_element (waiting, j);
          g_autofree char *label = g_strdup_printf (_("Signed: %s"), department);
          GtkWidget *button = action_button (label);

          g_object_set_data (G_OBJECT (button), "review", GSIZE_TO_POINTER (json_object_get_int_member (row, "id")));
          g_object_set_data_full (G_OBJECT (button), "department", g_strdup (department), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (sign_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), button);
        }
    }
}

static void
build_sanwei (ZsServicePage *self,
              JsonArray     *rows)
{
  GtkWidget *group = new_group (self, _("三未 Lists"), json_array_get_length (rows));

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *title = g_strdup_printf ("【%s】%s", json_object_get_string_member (row, "label"),
                                                json_object_get_string_member (row, "title"));
      g_autofree char *subtitle = g_strdup_printf (_("Since %s, %" PRId64 " days"),
                                                   json_object_get_string_member (row, "since"),
                                                   json_object_get_int_member (row, "days"));

      add_row (group, title, subtitle);
    }
}

/* The staff member the app runs for: the app's “staff-name” setting where
 * it is installed and set, else the store's actor (as the follow-ups' Mine). */
static char *
current_staff (ZsServicePage *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *name = NULL;

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_SCHEMA_ID, TRUE)) != NULL &&
      g_settings_schema_has_key (schema, "staff-name"))
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_SCHEMA_ID);

      name = g_settings_get_string (settings, "staff-name");
    }
  if (name != NULL && name[0] != '\0')
    return g_steal_pointer (&name);
  return g_strdup (zs_store_get_actor (self->store));
}

static void
build_case_group (ZsServicePage *self,
                  const char    *title,
                  GPtrArray     *rows)
{
  GtkWidget *group = new_group (self, title, rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      JsonObject *row = g_ptr_array_index (rows, i);
      g_autofree char *subtitle = g_strdup_printf (_("Manager %s · %" PRId64 " open items of %" PRId64),
                                                   json_object_get_string_member (row, "manager"),
                                                   json_object_get_int_member (row, "open_items"),
                                                   json_object_get_int_member (row, "items"));

      add_row (group, json_object_get_string_member (row, "project"), subtitle);
    }
}

/* The cases the user manages first, then the others. */
static void
build_cases (ZsServicePage *self,
             JsonArray     *rows)
{
  g_autofree char *me = current_staff (self);
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_ptr_array_add (g_strcmp0 (json_object_get_string_member (row, "manager"), me) == 0 ? mine : others, row);
    }
  build_case_group (self, _("My Cases"), mine);
  build_case_group (self, _("Other Cases"), others);
}

static void
rebuild (ZsServicePage *self)
{
  JsonObject *overview = json_node_get_object (self->overview);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
  build_overdue (self, json_object_get_array_member (overview, "overdue"));
  build_due (self, json_object_get_array_member (overview, "due_this_week"));
  build_reviews (self, json_object_get_array_member (overview, "reviews_waiting"));
  build_sanwei (self, json_object_get_array_member (overview, "sanwei"));
  build_cases (self, json_object_get_array_member (overview, "cases"));
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ZsServicePage *self = ZS_SERVICE_PAGE (source);
  g_autoptr(GError) error = NULL;
  JsonNode *overview = g_task_propagate_pointer (G_TASK (result), &error);

  if (overview == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  g_clear_pointer (&self->overview, json_node_unref);
  self->overview = overview;
  rebuild (self);
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
}

/**
 * zs_service_page_refresh:
 *
 * Reads the overview again in a worker thread; a read still running is
 * dropped.
 */
void
zs_service_page_refresh (ZsServicePage *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, read_in_thread);
}

/**
 * zs_service_page_get_overview:
 *
 * Returns: (transfer none) (nullable): what the page shows
 */
JsonNode *
zs_service_page_get_overview (ZsServicePage *self)
{
  return self->overview;
}

static void
store_changed_cb (ZsServicePage *self)
{
  zs_service_page_refresh (self);
}

/* A window left open over midnight shows the next day's lateness. */
static gboolean
hourly_cb (gpointer data)
{
  zs_service_page_refresh (data);
  return G_SOURCE_CONTINUE;
}

static void
zs_service_page_dispose (GObject *object)
{
  ZsServicePage *self = ZS_SERVICE_PAGE (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->desk);
  g_clear_pointer (&self->overview, json_node_unref);
  G_OBJECT_CLASS (zs_service_page_parent_class)->dispose (object);
}

static void
zs_service_page_finalize (GObject *object)
{
  g_free (ZS_SERVICE_PAGE (object)->path);
  G_OBJECT_CLASS (zs_service_page_parent_class)->finalize (object);
}

static void
zs_service_page_class_init (ZsServicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_service_page_dispose;
  object_class->finalize = zs_service_page_finalize;

  /**
   * ZsServicePage::refreshed:
   *
   * Emitted when the page shows a new reading.
   */
  signals[SIGNAL_REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
zs_service_page_init (ZsServicePage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->error_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self), self->error_label);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->content, 18);
  gtk_widget_set_margin_bottom (self->content, 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), scrolled);
}

/**
 * zs_service_page_new:
 * @desk: the service-tracking plugin's desk
 * @store: the window's store
 *
 * Returns: (transfer floating): the page, reading at once
 */
GtkWidget *
zs_service_page_new (ZsServiceDesk *desk,
                     ZsStore       *store)
{
  ZsServicePage *self = g_object_new (ZS_TYPE_SERVICE_PAGE, NULL);

  self->desk = g_object_ref (desk);
  self->store = g_object_ref (store);
  self->path = g_strdup (zs_store_get_path (store));
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  self->timer_id = g_timeout_add_seconds (3600, hourly_cb, self);
  zs_service_page_refresh (self);
  return GTK_WIDGET (self);
}
