/* zs-window.c: the main window: views of one database in a sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-window.h"
#include "zs-gtk-util-private.h"
#include "zhaoshang-gtk.h"
#include "zs-dashboard-page.h"
#include "zs-firms-page.h"
#include "zs-follow-up-notifier.h"
#include "zs-follow-ups-page.h"
#include "zs-import-dialog.h"
#include "zs-preferences-window.h"
#include "zs-projects-page.h"
#include "zs-report-dialog.h"
#include "zs-sectors-page.h"

struct _ZsWindow
{
  AdwApplicationWindow  parent_instance;

  ZsStore              *store;
  GSettings            *settings;
  char                 *path;
  GError               *error;
  ZsPluginEngine       *plugins;
  GHashTable           *plugin_pages;   /* ZsPageProvider → its page in views */
  guint                 load_plugins_id;
  char                 *shown_view;     /* the view before the sidebar switched */
  char                 *pending_view;

  /* template children */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkStack             *views;
  GtkStackSidebar      *sidebar;
  AdwStatusPage        *error_page;
  GtkMenuButton        *menu_button;
  AdwFlap              *flap;
  GtkToggleButton      *sidebar_button;
};

G_DEFINE_FINAL_TYPE (ZsWindow, zs_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_PATH,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Actions {{{ */

static void
focus_search_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ZsWindow *self = user_data;
  GtkWidget *firms = zs_window_get_view (self, "firms");

  if (firms == NULL)
    return;
  zs_window_set_view_name (self, "firms");
  zs_firms_page_focus_search (ZS_FIRMS_PAGE (firms));
}

static void
show_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  zs_window_set_view_name (user_data, g_variant_get_string (parameter, NULL));
}

/* From the sectors view: the firms of a sector. */
static void
show_sector_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ZsWindow *self = user_data;
  GtkWidget *firms = zs_window_get_view (self, "firms");

  if (firms == NULL)
    return;
  /* Every firm of the sector, whatever was searched before. */
  zs_firms_page_clear_search (ZS_FIRMS_PAGE (firms));
  zs_firms_page_set_sector (ZS_FIRMS_PAGE (firms), g_variant_get_string (parameter, NULL));
  zs_window_set_view_name (self, "firms");
}

typedef struct
{
  ZsWindow *self;
  gint64    id;
} ShowFirm;

static void
show_firm_free (gpointer data)
{
  ShowFirm *show = data;

  g_object_unref (show->self);
  g_free (show);
}

static void
show_firm (gpointer data)
{
  ShowFirm *show = data;
  GtkWidget *firms = zs_window_get_view (show->self, "firms");

  /* The firm's row is in the list, whatever was searched before. */
  zs_firms_page_clear_search (ZS_FIRMS_PAGE (firms));
  zs_firms_page_open_firm (ZS_FIRMS_PAGE (firms), show->id);
  zs_window_set_view_name (show->self, "firms");
}

/* From an activity: its firm in the firm form. */
static void
show_firm_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ZsWindow *self = user_data;
  GtkWidget *firms = zs_window_get_view (self, "firms");

  ShowFirm *show;

  if (firms == NULL)
    return;
  show = g_new0 (ShowFirm, 1);
  show->self = g_object_ref (self);
  show->id = g_variant_get_int64 (parameter);
  zs_record_editor_confirm_leave (zs_firms_page_get_editor (ZS_FIRMS_PAGE (firms)),
                                  show_firm, show, show_firm_free);
}

static void refresh_views (ZsWindow *self);

static void
import_finished_cb (ZsWindow *self,
                    gboolean  dry_run,
                    gboolean  ok)
{
  if (!dry_run)
    refresh_views (self);
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  zs_window_open_import (user_data);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  zs_window_open_preferences (user_data);
}

static void
report_path_chosen (gpointer    owner,
                    const char *path)
{
  ZsWindow *self = owner;
  g_autoptr(GError) error = NULL;

  if (!zs_window_export_report (self, path, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Report Was Not Saved"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
export_report_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  ZsWindow *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the default file name of the report; %s is today's date */
  g_autofree char *name = g_strdup_printf (_("investment-report-%s.pdf"), date);

  zs_gtk_choose_path (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Report"),
                      _("_Save"), _("_Cancel"), name, NULL, report_path_chosen, self);
}

static void
project_report_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  zs_window_open_project_report (user_data);
}

static const GActionEntry window_actions[] = {
  { .name = "project-report", .activate = project_report_action },
  { .name = "export-report", .activate = export_report_action },
  { .name = "import", .activate = import_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "search", .activate = focus_search_action },
  { .name = "show-view", .activate = show_view_action, .parameter_type = "s" },
  { .name = "show-sector", .activate = show_sector_action, .parameter_type = "s" },
  { .name = "show-firm", .activate = show_firm_action, .parameter_type = "x" },
};

/* }}} */

/* Views {{{ */

typedef struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  GtkWidget *(*create) (ZsStore *store);
} BuiltinView;

static const BuiltinView builtin_views[] = {
  { "dashboard", N_("Dashboard"), "utilities-system-monitor-symbolic", zs_dashboard_page_new },
  { "firms", N_("Firms"), "system-users-symbolic", zs_firms_page_new },
  { "projects", N_("Projects"), "view-list-symbolic", zs_projects_page_new },
  { "activities", N_("Follow-ups"), "x-office-calendar-symbolic", zs_follow_ups_page_new },
  { "sectors", N_("Sectors"), "view-grid-symbolic", zs_sectors_page_new },
};

/* A view is built the first time it is shown: the first frame only waits
 * for the dashboard, and a million firms are not counted until asked for. */
static GtkWidget *
build_view (ZsWindow  *self,
            GtkWidget *holder)
{
  const BuiltinView *view = g_object_get_data (G_OBJECT (holder), "zs-builtin-view");

  if (view == NULL)
    return holder;
  if (adw_bin_get_child (ADW_BIN (holder)) == NULL)
    {
      adw_bin_set_child (ADW_BIN (holder), view->create (self->store));
      /* the dashboard shows the plugins' cards once they are loaded */
      if (self->plugins != NULL && ZS_IS_DASHBOARD_PAGE (adw_bin_get_child (ADW_BIN (holder))))
        zs_dashboard_page_set_plugin_engine (ZS_DASHBOARD_PAGE (adw_bin_get_child (ADW_BIN (holder))),
                                             self->plugins);
    }
  return adw_bin_get_child (ADW_BIN (holder));
}

/* The view if it was built, without building it. */
static GtkWidget *
find_built_view (ZsWindow   *self,
                 const char *name)
{
  GtkWidget *holder = gtk_stack_get_child_by_name (self->views, name);

  if (holder == NULL || g_object_get_data (G_OBJECT (holder), "zs-builtin-view") == NULL)
    return holder;
  return adw_bin_get_child (ADW_BIN (holder));
}

/* The form of a view that edits records, if the view was built. */
static ZsRecordEditor *
find_editor (ZsWindow   *self,
             const char *name)
{
  GtkWidget *view = name != NULL ? find_built_view (self, name) : NULL;

  if (view != NULL && ZS_IS_FIRMS_PAGE (view))
    return zs_firms_page_get_editor (ZS_FIRMS_PAGE (view));
  if (view != NULL && ZS_IS_PROJECTS_PAGE (view))
    return zs_projects_page_get_editor (ZS_PROJECTS_PAGE (view));
  return NULL;
}

static void
show_pending_view (gpointer data)
{
  ZsWindow *self = data;
  g_autofree char *name = g_steal_pointer (&self->pending_view);

  g_free (self->shown_view);
  self->shown_view = g_strdup (name);
  if (name != NULL)
    gtk_stack_set_visible_child_name (self->views, name);
}

static void
visible_view_changed_cb (ZsWindow *self)
{
  GtkWidget *holder = gtk_stack_get_visible_child (self->views);
  const char *name = gtk_stack_get_visible_child_name (self->views);
  ZsRecordEditor *editor = find_editor (self, self->shown_view);

  if (g_strcmp0 (name, self->shown_view) == 0)
    return;
  /* Unsaved input in the view left: back to it until the user says what
   * becomes of the input. */
  if (editor != NULL && zs_record_editor_is_dirty (editor))
    {
      g_free (self->pending_view);
      self->pending_view = g_strdup (name);
      gtk_stack_set_visible_child_name (self->views, self->shown_view);
      zs_record_editor_confirm_leave (editor, show_pending_view, g_object_ref (self), g_object_unref);
      return;
    }
  g_free (self->shown_view);
  self->shown_view = g_strdup (name);
  if (holder != NULL)
    build_view (self, holder);
  /* On a narrow window the sidebar covers the view just chosen. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
add_builtin_views (ZsWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_views); i++)
    {
      const BuiltinView *view = &builtin_views[i];
      GtkWidget *holder = adw_bin_new ();
      GtkStackPage *page;

      g_object_set_data (G_OBJECT (holder), "zs-builtin-view", (gpointer) view);
      page = gtk_stack_add_titled (self->views, holder, view->name, _(view->title));
      gtk_stack_page_set_icon_name (page, view->icon_name);
    }
  g_signal_connect_object (self->views, "notify::visible-child", G_CALLBACK (visible_view_changed_cb),
                           self, G_CONNECT_SWAPPED);
  visible_view_changed_cb (self);
}

/* The import writes through a connection of its own, whose changes the
 * window's store does not signal. */
static void
refresh_views (ZsWindow *self)
{
  GtkWidget *view;

  if ((view = find_built_view (self, "firms")) != NULL)
    zs_paged_model_refresh (ZS_PAGED_MODEL (zs_firms_page_get_model (ZS_FIRMS_PAGE (view))));
  if ((view = find_built_view (self, "projects")) != NULL)
    {
      zs_paged_model_refresh (ZS_PAGED_MODEL (zs_projects_page_get_model (ZS_PROJECTS_PAGE (view))));
      zs_pipeline_board_reload (zs_projects_page_get_board (ZS_PROJECTS_PAGE (view)));
    }
  if ((view = find_built_view (self, "activities")) != NULL)
    zs_follow_ups_page_reload (ZS_FOLLOW_UPS_PAGE (view));
  if ((view = find_built_view (self, "dashboard")) != NULL)
    zs_dashboard_page_reload (ZS_DASHBOARD_PAGE (view));
}

/**
 * zs_window_export_report:
 * @self: a #ZsWindow
 * @path: the PDF file to write
 * @error: return location for a #GError
 *
 * Writes the dashboard as a PDF report, as “Export Report…” does.
 *
 * Returns: %TRUE if the report was written
 */
gboolean
zs_window_export_report (ZsWindow    *self,
                         const char  *path,
                         GError     **error)
{
  GtkWidget *dashboard;

  g_return_val_if_fail (ZS_IS_WINDOW (self), FALSE);

  dashboard = zs_window_get_view (self, "dashboard");
  if (dashboard == NULL)
    {
      g_set_error_literal (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("No database is open"));
      return FALSE;
    }
  return zs_dashboard_page_export_pdf (ZS_DASHBOARD_PAGE (dashboard), path, error);
}

/* }}} */

/* Plugin pages {{{ */

static gboolean
provider_is_active (GPtrArray *providers,
                    gpointer   provider)
{
  for (guint i = 0; i < providers->len; i++)
    if (g_ptr_array_index (providers, i) == provider)
      return TRUE;
  return FALSE;
}

static void
remove_stale_pages (ZsWindow  *self,
                    GPtrArray *providers)
{
  GHashTableIter iter;
  gpointer provider, page;

  /* GtkStackSidebar 4.8 touches the removed page after it is gone: detach
   * it while pages are removed. */
  gtk_stack_sidebar_set_stack (self->sidebar, NULL);
  g_hash_table_iter_init (&iter, self->plugin_pages);
  while (g_hash_table_iter_next (&iter, &provider, &page))
    if (!provider_is_active (providers, provider))
      {
        gtk_stack_remove (self->views, page);
        g_hash_table_iter_remove (&iter);
      }
  gtk_stack_sidebar_set_stack (self->sidebar, self->views);
}

static void
add_plugin_page (ZsWindow       *self,
                 ZsPageProvider *provider)
{
  g_autofree char *id = zs_page_provider_get_id (provider);
  g_autofree char *name = g_strconcat ("plugin-", id, NULL);
  g_autofree char *title = zs_page_provider_get_title (provider);
  g_autofree char *icon_name = zs_page_provider_get_icon_name (provider);
  g_autoptr(GtkWidget) page = NULL;
  GtkStackPage *stack_page;

  if (gtk_stack_get_child_by_name (self->views, name) != NULL)
    {
      g_debug ("Two plugins provide the page “%s”; showing the first", id);
      return;
    }
  page = zs_page_provider_create_page (provider, self->store, self->plugins);
  if (page == NULL)
    return;
  stack_page = gtk_stack_add_titled (self->views, page, name, title);
  gtk_stack_page_set_icon_name (stack_page, icon_name);
  g_hash_table_insert (self->plugin_pages, g_object_ref (provider), page);
}

static void
sync_plugin_pages (ZsWindow *self)
{
  g_autoptr(GPtrArray) providers = zs_plugin_engine_get_extensions (self->plugins, ZS_TYPE_PAGE_PROVIDER);

  remove_stale_pages (self, providers);
  for (guint i = 0; i < providers->len; i++)
    if (!g_hash_table_contains (self->plugin_pages, g_ptr_array_index (providers, i)))
      add_plugin_page (self, g_ptr_array_index (providers, i));
}

/* The daily notification counts the plugins' follow-ups too, so it starts
 * once they are loaded. */
static void
watch_follow_ups (ZsWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  ZsFollowUpNotifier *notifier = NULL;

  if (ZS_IS_APPLICATION (app))
    notifier = zs_application_get_follow_up_notifier (ZS_APPLICATION (app));
  if (notifier == NULL)
    return;
  zs_follow_up_notifier_set_plugin_engine (notifier, self->plugins);
  zs_follow_up_notifier_watch (notifier, self->store);
}

/**
 * zs_window_load_plugins:
 * @self: a #ZsWindow
 *
 * Loads the enabled plugins of the database and adds their pages. Done by
 * itself once the window is on screen, so that plugins never delay it.
 */
void
zs_window_load_plugins (ZsWindow *self)
{
  GtkWidget *dashboard;

  g_return_if_fail (ZS_IS_WINDOW (self));

  g_clear_handle_id (&self->load_plugins_id, g_source_remove);
  if (self->store == NULL || self->plugins != NULL)
    return;
  self->plugins = zs_plugin_engine_new (self->store);
  zs_plugin_engine_set_frontend (self->plugins, "gtk");
  g_signal_connect_object (self->plugins, "plugin-loaded", G_CALLBACK (sync_plugin_pages), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plugins, "plugin-unloaded", G_CALLBACK (sync_plugin_pages), self, G_CONNECT_SWAPPED);
  zs_plugin_engine_load_all (self->plugins);
  sync_plugin_pages (self);
  if ((dashboard = find_built_view (self, "dashboard")) != NULL && ZS_IS_DASHBOARD_PAGE (dashboard))
    zs_dashboard_page_set_plugin_engine (ZS_DASHBOARD_PAGE (dashboard), self->plugins);
  watch_follow_ups (self);
}

static gboolean
load_plugins_cb (gpointer data)
{
  ZsWindow *self = data;

  self->load_plugins_id = 0;
  zs_window_load_plugins (self);
  return G_SOURCE_REMOVE;
}

/**
 * zs_window_get_plugin_engine:
 * @self: a #ZsWindow
 *
 * Returns: (transfer none) (nullable): the plugins of the database, once loaded
 */
ZsPluginEngine *
zs_window_get_plugin_engine (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return self->plugins;
}

/**
 * zs_window_open_preferences:
 * @self: a #ZsWindow
 *
 * Returns: (transfer none) (nullable): the preferences window now shown
 */
GtkWindow *
zs_window_open_preferences (ZsWindow *self)
{
  ZsPreferencesWindow *preferences;

  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  zs_window_load_plugins (self);
  if (self->plugins == NULL)
    return NULL;
  preferences = zs_preferences_window_new (GTK_WINDOW (self), self->plugins);
  gtk_window_present (GTK_WINDOW (preferences));
  return GTK_WINDOW (preferences);
}

/**
 * zs_window_open_project_report:
 * @self: a #ZsWindow
 *
 * Returns: (transfer none) (nullable): the report dialog now shown
 */
GtkWindow *
zs_window_open_project_report (ZsWindow *self)
{
  ZsReportDialog *dialog;

  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;
  dialog = zs_report_dialog_new (GTK_WINDOW (self), self->store);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * zs_window_open_import:
 * @self: a #ZsWindow
 *
 * Returns: (transfer none) (nullable): the import dialog now shown
 */
GtkWindow *
zs_window_open_import (ZsWindow *self)
{
  ZsImportDialog *dialog;

  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;
  dialog = zs_import_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* }}} */

static void
show_error (ZsWindow *self)
{
  g_autofree char *markup = g_markup_escape_text (self->error->message, -1);

  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "error");
  adw_window_title_set_subtitle (self->window_title, self->path);
}

static void
restore_window_state (ZsWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (ZsWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The default size follows the unmaximized size as the user resizes. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
close_again (gpointer data)
{
  gtk_window_close (data);
}

static gboolean
zs_window_close_request (GtkWindow *window)
{
  ZsWindow *self = ZS_WINDOW (window);
  const char * const editing_views[] = { "firms", "projects" };

  /* Each form with unsaved input asks in turn; the window closes once
   * none is left. */
  for (guint i = 0; i < G_N_ELEMENTS (editing_views); i++)
    {
      ZsRecordEditor *editor = find_editor (self, editing_views[i]);

      if (editor != NULL && zs_record_editor_is_dirty (editor))
        {
          zs_window_set_view_name (self, editing_views[i]);
          zs_record_editor_confirm_leave (editor, close_again, g_object_ref (self), g_object_unref);
          return TRUE;
        }
    }
  save_window_state (self);

  return GTK_WINDOW_CLASS (zs_window_parent_class)->close_request (window);
}

static void
zs_window_constructed (GObject *object)
{
  ZsWindow *self = ZS_WINDOW (object);
  g_autofree char *basename = NULL;

  G_OBJECT_CLASS (zs_window_parent_class)->constructed (object);

  restore_window_state (self);

  if (self->store == NULL)
    {
      if (self->error == NULL)
        self->error = g_error_new_literal (ZS_ERROR, ZS_ERROR_INVALID, _("No database was given"));
      show_error (self);
      return;
    }

  g_clear_error (&self->error);
  basename = g_path_get_basename (zs_store_get_path (self->store));
  adw_window_title_set_subtitle (self->window_title, basename);
  add_builtin_views (self);
  gtk_stack_set_visible_child_name (self->stack, "main");
  self->load_plugins_id = g_idle_add_full (G_PRIORITY_LOW, load_plugins_cb, self, NULL);
}

static void
zs_window_dispose (GObject *object)
{
  ZsWindow *self = ZS_WINDOW (object);

  g_clear_handle_id (&self->load_plugins_id, g_source_remove);
  g_clear_pointer (&self->plugin_pages, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZS_TYPE_WINDOW);
  /* The engine unloads its plugins when it goes: no pages to sync by then. */
  if (self->plugins != NULL)
    g_signal_handlers_disconnect_by_data (self->plugins, self);
  g_clear_object (&self->plugins);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zs_window_parent_class)->dispose (object);
}

static void
zs_window_finalize (GObject *object)
{
  ZsWindow *self = ZS_WINDOW (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->shown_view, g_free);
  g_clear_pointer (&self->pending_view, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (zs_window_parent_class)->finalize (object);
}

static void
zs_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZsWindow *self = ZS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_PATH:
      g_value_set_string (value, zs_window_get_path (self));
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZsWindow *self = ZS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_ERROR:
      self->error = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_window_class_init (ZsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = zs_window_constructed;
  object_class->dispose = zs_window_dispose;
  object_class->finalize = zs_window_finalize;
  object_class->get_property = zs_window_get_property;
  object_class->set_property = zs_window_set_property;
  window_class->close_request = zs_window_close_request;

  /**
   * ZsWindow:store: (nullable)
   *
   * The database shown; %NULL when it could not be opened.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ZS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsWindow:settings: (nullable)
   *
   * Where the window size is kept; %NULL when the schema is not installed.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsWindow:path: (nullable)
   *
   * The database file: the store's, or the one that failed to open.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsWindow:error: (nullable)
   *
   * Why the database could not be opened.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/horgos/Zhaoshang/zs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, views);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, sidebar_button);
}

static void
zs_window_init (ZsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  zs_gtk_set_tooltip (GTK_WIDGET (self->menu_button), _("Main Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Main Menu"), -1);
  zs_gtk_set_tooltip (GTK_WIDGET (self->sidebar_button), _("Show or Hide the Views"));
  self->plugin_pages = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   window_actions, G_N_ELEMENTS (window_actions),
                                   self);
}

/**
 * zs_window_new:
 * @application: the application
 * @store: the database to show
 *
 * Returns: (transfer full): a new window showing @store
 */
ZsWindow *
zs_window_new (ZsApplication *application,
               ZsStore       *store)
{
  g_return_val_if_fail (ZS_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  return g_object_new (ZS_TYPE_WINDOW,
                       "application", application,
                       "settings", zs_application_get_settings (application),
                       "store", store,
                       NULL);
}

/**
 * zs_window_new_for_error:
 * @application: the application
 * @path: (nullable): the database that could not be opened
 * @error: why it could not be opened
 *
 * Returns: (transfer full): a new window showing @error
 */
ZsWindow *
zs_window_new_for_error (ZsApplication *application,
                         const char    *path,
                         const GError  *error)
{
  g_return_val_if_fail (ZS_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  return g_object_new (ZS_TYPE_WINDOW,
                       "application", application,
                       "settings", zs_application_get_settings (application),
                       "path", path,
                       "error", error,
                       NULL);
}

ZsStore *
zs_window_get_store (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return self->store;
}

const char *
zs_window_get_path (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  if (self->store != NULL)
    return zs_store_get_path (self->store);
  return self->path;
}

const GError *
zs_window_get_error (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return self->error;
}

/**
 * zs_window_get_page_name:
 * @self: a #ZsWindow
 *
 * Returns: `main` when the database is shown, `error` when it could not be opened
 */
const char *
zs_window_get_page_name (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * zs_window_get_view_name:
 * @self: a #ZsWindow
 *
 * Returns: (nullable): the view chosen in the sidebar: `dashboard`, `firms`, …
 */
const char *
zs_window_get_view_name (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->views);
}

void
zs_window_set_view_name (ZsWindow   *self,
                         const char *name)
{
  g_return_if_fail (ZS_IS_WINDOW (self));

  if (gtk_stack_get_child_by_name (self->views, name) != NULL)
    gtk_stack_set_visible_child_name (self->views, name);
}

/**
 * zs_window_get_view:
 * @self: a #ZsWindow
 * @name: a view's name
 *
 * Builds the view if it was never shown.
 *
 * Returns: (transfer none) (nullable): the view
 */
GtkWidget *
zs_window_get_view (ZsWindow   *self,
                    const char *name)
{
  GtkWidget *holder;

  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  holder = gtk_stack_get_child_by_name (self->views, name);
  return holder != NULL ? build_view (self, holder) : NULL;
}

/**
 * zs_window_get_flap:
 * @self: a #ZsWindow
 *
 * Returns: (transfer none): the sidebar beside the views, or over them on a
 *   narrow window
 */
AdwFlap *
zs_window_get_flap (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return self->flap;
}

/**
 * zs_window_get_views:
 * @self: a #ZsWindow
 *
 * Returns: (transfer none): the stack of views the sidebar switches
 */
GtkStack *
zs_window_get_views (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return self->views;
}
