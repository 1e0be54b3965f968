/* zs-preferences-window.c: the plugins, each with a switch and what went
 *   wrong when it did not load
 *
 * libpeas-gtk is GTK 3 only; this is the plugin list of the GTK 4 window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-preferences-window.h"
#include "zs-gtk-util-private.h"

struct _ZsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  ZsPluginEngine       *engine;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *group;
  GHashTable           *switches;   /* module name → GtkSwitch */
  GHashTable           *errors;     /* module name → error text */
  guint                 reload_id;
};

G_DEFINE_FINAL_TYPE (ZsPreferencesWindow, zs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
switch_active_cb (GtkSwitch           *widget,
                  GParamSpec          *pspec,
                  ZsPreferencesWindow *self)
{
  const char *module_name = g_object_get_data (G_OBJECT (widget), "module-name");
  g_autoptr(GError) error = NULL;

  /* A failure shows at once, and stays in the list, kept by the engine. */
  if (!zs_plugin_engine_set_enabled (self->engine, module_name, gtk_switch_get_active (widget), &error))
    zs_gtk_show_error (GTK_WIDGET (self), module_name, error);
  zs_gtk_queue_reload (&self->reload_id, (ZsGtkReloadFunc) zs_preferences_window_reload, self);
}

static char *
describe (ZsPlugin *plugin)
{
  g_autofree char *description = g_markup_escape_text (zs_plugin_get_description (plugin) ?
                                                       zs_plugin_get_description (plugin) : "", -1);
  const char *error = zs_plugin_get_error (plugin);
  g_autofree char *error_markup = NULL;

  if (error == NULL)
    return g_steal_pointer (&description);
  error_markup = g_markup_escape_text (error, -1);
  return g_strdup_printf ("%s\n<span foreground=\"#c01c28\">%s</span>", description, error_markup);
}

static GtkWidget *
create_row (ZsPreferencesWindow *self,
            ZsPlugin            *plugin)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();
  g_autofree char *subtitle = describe (plugin);
  const char *module_name = zs_plugin_get_module_name (plugin);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zs_plugin_get_name (plugin));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_switch_set_active (GTK_SWITCH (widget), zs_plugin_get_enabled (plugin));
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  zs_plugin_get_name (plugin), -1);
  g_object_set_data_full (G_OBJECT (widget), "module-name", g_strdup (module_name), g_free);
  g_signal_connect (widget, "notify::active", G_CALLBACK (switch_active_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);

  g_hash_table_insert (self->switches, g_strdup (module_name), widget);
  if (zs_plugin_get_error (plugin) != NULL)
    g_hash_table_insert (self->errors, g_strdup (module_name), g_strdup (zs_plugin_get_error (plugin)));
  return row;
}

/**
 * zs_preferences_window_reload:
 * @self: a #ZsPreferencesWindow
 *
 * Lists the plugins again, as the engine now sees them.
 */
void
zs_preferences_window_reload (ZsPreferencesWindow *self)
{
  g_autoptr(GPtrArray) plugins = zs_plugin_engine_list_plugins (self->engine);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->group != NULL)
    adw_preferences_page_remove (self->page, self->group);
  g_hash_table_remove_all (self->switches);
  g_hash_table_remove_all (self->errors);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Plugins"));
  adw_preferences_group_set_description (self->group,
                                         plugins->len > 0 ? _("A plugin switched off is unloaded at once and stays off")
                                                          : _("No plugins are installed"));
  for (guint i = 0; i < plugins->len; i++)
    adw_preferences_group_add (self->group, create_row (self, g_ptr_array_index (plugins, i)));
  adw_preferences_page_add (self->page, self->group);
}

static void
zs_preferences_window_dispose (GObject *object)
{
  ZsPreferencesWindow *self = ZS_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (zs_preferences_window_parent_class)->dispose (object);
}

static void
zs_preferences_window_finalize (GObject *object)
{
  ZsPreferencesWindow *self = ZS_PREFERENCES_WINDOW (object);

  g_hash_table_unref (self->switches);
  g_hash_table_unref (self->errors);

  G_OBJECT_CLASS (zs_preferences_window_parent_class)->finalize (object);
}

static void
zs_preferences_window_class_init (ZsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_preferences_window_dispose;
  object_class->finalize = zs_preferences_window_finalize;
}

static void
zs_preferences_window_init (ZsPreferencesWindow *self)
{
  self->switches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (self->page, _("Plugins"));
  adw_preferences_page_set_icon_name (self->page, "application-x-addon-symbolic");
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), self->page);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
}

/**
 * zs_preferences_window_new:
 * @parent: (nullable): the main window
 * @engine: the plugins of its database
 *
 * Returns: (transfer full): the preferences window
 */
ZsPreferencesWindow *
zs_preferences_window_new (GtkWindow      *parent,
                           ZsPluginEngine *engine)
{
  ZsPreferencesWindow *self;

  g_return_val_if_fail (ZS_IS_PLUGIN_ENGINE (engine), NULL);

  self = g_object_new (ZS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->engine = g_object_ref (engine);
  zs_preferences_window_reload (self);
  return self;
}

/**
 * zs_preferences_window_get_switch:
 * @self: a #ZsPreferencesWindow
 * @module_name: a plugin
 *
 * Returns: (transfer none) (nullable): the plugin's switch
 */
GtkSwitch *
zs_preferences_window_get_switch (ZsPreferencesWindow *self,
                                  const char          *module_name)
{
  g_return_val_if_fail (ZS_IS_PREFERENCES_WINDOW (self), NULL);

  return g_hash_table_lookup (self->switches, module_name);
}

/**
 * zs_preferences_window_get_plugin_error:
 * @self: a #ZsPreferencesWindow
 * @module_name: a plugin
 *
 * Returns: (nullable): why the plugin is not active, as shown
 */
const char *
zs_preferences_window_get_plugin_error (ZsPreferencesWindow *self,
                                        const char          *module_name)
{
  g_return_val_if_fail (ZS_IS_PREFERENCES_WINDOW (self), NULL);

  return g_hash_table_lookup (self->errors, module_name);
}
