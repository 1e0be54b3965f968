/* zs-application.c: the Zhaoshang application, opening one window per database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-application.h"
#include "zs-window.h"
#include "zs-follow-up-notifier.h"

struct _ZsApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  ZsFollowUpNotifier *notifier;
};

G_DEFINE_FINAL_TYPE (ZsApplication, zs_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH instead of the default one"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running from the build folder without GSETTINGS_SCHEMA_DIR: work, but
   * remember nothing, rather than abort in g_settings_new(). */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed; settings will not be kept", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static char *
resolve_database_path (ZsApplication *self,
                       const char    *path)
{
  g_autofree char *configured = NULL;

  if (path != NULL && path[0] != '\0')
    return g_strdup (path);

  if (self->settings != NULL)
    configured = g_settings_get_string (self->settings, "database-path");
  if (configured == NULL || configured[0] == '\0')
    return zs_store_get_default_path ();

  if (g_str_has_prefix (configured, "~/"))
    return g_build_filename (g_get_home_dir (), configured + 2, NULL);
  return g_steal_pointer (&configured);
}

static GtkWindow *
find_window (ZsApplication *self,
             const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (ZS_IS_WINDOW (l->data) && g_strcmp0 (zs_window_get_path (l->data), path) == 0)
        return l->data;
    }
  return NULL;
}

/**
 * zs_application_open_database:
 * @self: a #ZsApplication
 * @path: (nullable): the database file; %NULL for the `database-path`
 *   setting, else zs_store_get_default_path()
 *
 * Presents the window of the database, opening it first if needed. When the
 * database cannot be opened the window shows why.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
zs_application_open_database (ZsApplication *self,
                              const char    *path)
{
  g_autofree char *resolved = NULL;
  g_autoptr(ZsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_return_val_if_fail (ZS_IS_APPLICATION (self), NULL);

  resolved = resolve_database_path (self, path);
  window = find_window (self, resolved);
  if (window == NULL)
    {
      /* On first use the database is made, as `zhaoshang-cli init` does. */
      if (!g_file_test (resolved, G_FILE_TEST_EXISTS))
        {
          store = zs_store_create (resolved, &error);
          if (store != NULL && !zs_store_load_seed (store, &error))
            g_clear_object (&store);
        }
      else
        store = zs_store_new (resolved, &error);
      /* the window starts the daily notification once its plugins are in */
      if (store != NULL)
        window = GTK_WINDOW (zs_window_new (self, store));
      else
        window = GTK_WINDOW (zs_window_new_for_error (self, resolved, error));
    }

  gtk_window_present (window);
  return window;
}

static void
zs_application_activate (GApplication *application)
{
  ZsApplication *self = ZS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    zs_application_open_database (self, NULL);
}

static int
zs_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  ZsApplication *self = ZS_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && db[0] != '\0')
    {
      /* Relative to the folder of the command, which may be another process. */
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);
      g_autofree char *path = g_file_get_path (file);

      zs_application_open_database (self, path != NULL ? path : db);
    }
  else
    {
      g_application_activate (application);
    }

  return EXIT_SUCCESS;
}

static int
zs_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("zhaoshang %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ZsApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Close rather than quit, so that every window saves its size. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ZsApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource ("/cn/horgos/Zhaoshang/zs-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (shortcuts);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ZsApplication *self = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Zhaoshang"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Horgos Economic Development Zone"),
                        "comments", _("Keep track of firms, projects and visits for investment promotion"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your name, to be shown in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The notification of the follow-ups due today opens their page. */
static void
show_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window == NULL)
    return;
  gtk_window_present (window);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-view", parameter);
}

static const GActionEntry app_actions[] = {
  { .name = "show-view", .activate = show_view_action, .parameter_type = "s" },
  { .name = "quit", .activate = quit_action },
  { .name = "shortcuts", .activate = shortcuts_action },
  { .name = "about", .activate = about_action },
};

static void
zs_application_startup (GApplication *application)
{
  ZsApplication *self = ZS_APPLICATION (application);
  GtkApplication *gtk_app = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (zs_application_parent_class)->startup (application);

  g_set_application_name (_("Zhaoshang"));
  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = create_settings ();
  self->notifier = zs_follow_up_notifier_new (application, self->settings);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (gtk_app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.shortcuts", (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.search", (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (gtk_app, "window.close", (const char *[]) { "<Control>w", NULL });
}

static void
zs_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (zs_application_parent_class)->constructed (object);

  /* Not derived from the application id, which tests change. */
  g_application_set_resource_base_path (G_APPLICATION (object), "/cn/horgos/Zhaoshang");
}

static void
zs_application_dispose (GObject *object)
{
  ZsApplication *self = ZS_APPLICATION (object);

  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zs_application_parent_class)->dispose (object);
}

static void
zs_application_class_init (ZsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = zs_application_constructed;
  object_class->dispose = zs_application_dispose;
  app_class->startup = zs_application_startup;
  app_class->activate = zs_application_activate;
  app_class->command_line = zs_application_command_line;
  app_class->handle_local_options = zs_application_handle_local_options;
}

static void
zs_application_init (ZsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Investment-promotion records of the Horgos Economic Development Zone"));
}

/**
 * zs_application_new:
 *
 * Returns: (transfer full): the application
 */
ZsApplication *
zs_application_new (void)
{
  return g_object_new (ZS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}

/**
 * zs_application_get_settings:
 * @self: a #ZsApplication
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the
 *   schema is not installed (then nothing is remembered)
 */
GSettings *
zs_application_get_settings (ZsApplication *self)
{
  g_return_val_if_fail (ZS_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * zs_application_get_follow_up_notifier:
 * @self: a #ZsApplication
 *
 * Returns: (transfer none) (nullable): what notifies the follow-ups due
 *   today, or %NULL before startup
 */
ZsFollowUpNotifier *
zs_application_get_follow_up_notifier (ZsApplication *self)
{
  g_return_val_if_fail (ZS_IS_APPLICATION (self), NULL);

  return self->notifier;
}
