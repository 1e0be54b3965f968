/* zs-window.c: the main window, a searchable list of firms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-window.h"

/* Rows asked from the store per search; the status line tells when more match. */
#define FIRM_LIST_LIMIT 200

struct _ZsWindow
{
  AdwApplicationWindow  parent_instance;

  ZsStore              *store;
  GSettings            *settings;
  char                 *path;
  GError               *error;
  GHashTable           *sector_names;

  /* template children */
  GtkSearchEntry       *search_entry;
  GtkStack             *stack;
  GtkScrolledWindow    *scroller;
  GListStore           *firms;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  GtkLabel             *status_label;
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

static void
focus_search_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ZsWindow *self = user_data;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->search_entry)))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static const GActionEntry window_actions[] = {
  { .name = "search", .activate = focus_search_action },
};

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
load_sector_names (ZsWindow *self)
{
  g_autoptr(GPtrArray) sectors = NULL;
  g_autoptr(GError) error = NULL;

  self->sector_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sectors = zs_store_list_sectors (self->store, 0, &error);
  if (sectors == NULL)
    {
      /* Rows then show sector codes instead of names. */
      g_debug ("Cannot list sectors: %s", error->message);
      return;
    }

  for (guint i = 0; i < sectors->len; i++)
    {
      ZsSector *sector = g_ptr_array_index (sectors, i);

      g_hash_table_insert (self->sector_names,
                           g_strdup (zs_sector_get_code (sector)),
                           g_strdup (zs_sector_get_name (sector)));
    }
}

static char *
format_status (gboolean searching,
               gint64   count,
               guint    shown)
{
  /* Counts above G_MAXINT do not occur in a promotion office; clamp anyway. */
  int n = (int) MIN (count, (gint64) G_MAXINT);

  if (!searching && shown >= count)
    return g_strdup_printf (ngettext ("%d firm", "%d firms", n), n);
  if (!searching)
    return g_strdup_printf (ngettext ("%d firm, the first %u shown",
                                      "%d firms, the first %u shown", n), n, shown);
  if (shown >= count)
    return g_strdup_printf (ngettext ("%d firm matches", "%d firms match", n), n);
  return g_strdup_printf (ngettext ("%d firm matches, the first %u shown",
                                    "%d firms match, the first %u shown", n), n, shown);
}

static void
set_page (ZsWindow   *self,
          const char *name)
{
  gboolean usable = g_strcmp0 (name, "firms") == 0 || g_strcmp0 (name, "no-results") == 0;
  GtkWidget *capture;

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), usable);
  /* Keep the entry usable while a search has text, so it can be cleared. */
  usable = usable || gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0';
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), usable);
  /* Typing anywhere in the window searches, when there is something to search. */
  capture = usable ? GTK_WIDGET (self) : NULL;
  if (gtk_search_entry_get_key_capture_widget (self->search_entry) != capture)
    gtk_search_entry_set_key_capture_widget (self->search_entry, capture);
}

/**
 * zs_window_reload:
 * @self: a #ZsWindow
 *
 * Lists the firms matching the search text again and updates the status line.
 */
void
zs_window_reload (ZsWindow *self)
{
  g_autoptr(GPtrArray) firms = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  const char *text;
  gboolean searching;
  gint64 total;
  gint64 count = 0;

  g_return_if_fail (ZS_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  searching = !is_blank (text);

  total = zs_store_count_firms (self->store, NULL, NULL, &error);
  if (total >= 0)
    firms = zs_store_list_firms (self->store, searching ? text : NULL, NULL,
                                 0, FIRM_LIST_LIMIT, &error);
  if (firms != NULL)
    count = searching ? zs_store_count_firms (self->store, text, NULL, &error) : total;

  if (error != NULL)
    {
      g_list_store_remove_all (self->firms);
      /* Translators: %s is an error message from the database */
      status = g_strdup_printf (_("Cannot list firms: %s"), error->message);
      gtk_label_set_label (self->status_label, status);
      set_page (self, "no-results");
      return;
    }

  g_list_store_splice (self->firms, 0, g_list_model_get_n_items (G_LIST_MODEL (self->firms)),
                       firms->pdata, firms->len);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  status = format_status (searching, count, firms->len);
  gtk_label_set_label (self->status_label, status);

  if (total == 0)
    set_page (self, "empty");
  else if (firms->len == 0)
    set_page (self, "no-results");
  else
    set_page (self, "firms");
}

static void
search_changed_cb (ZsWindow       *self,
                   GtkSearchEntry *entry)
{
  zs_window_reload (self);
}

static void
stop_search_cb (ZsWindow       *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
code_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  label_setup_cb (factory, item, user_data);
  gtk_widget_add_css_class (gtk_list_item_get_child (item), "monospace");
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ZsFirm *firm = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *other = zs_firm_get_name_other (firm);

  gtk_label_set_label (label, zs_firm_get_name (firm));
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), is_blank (other) ? NULL : other);
}

static void
uscc_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ZsFirm *firm = gtk_list_item_get_item (item);
  const char *uscc = zs_firm_get_uscc (firm);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), uscc != NULL ? uscc : "");
}

static void
sectors_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ZsWindow                 *self)
{
  ZsFirm *firm = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char * const *codes = zs_firm_get_sectors (firm);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *name = NULL;

      if (self->sector_names != NULL)
        name = g_hash_table_lookup (self->sector_names, codes[i]);
      if (i > 0)
        /* Translators: separates the sector names of a firm in the firm list */
        g_string_append (text, _(", "));
      g_string_append (text, name != NULL ? name : codes[i]);
    }

  gtk_label_set_label (label, text->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text->len > 0 ? text->str : NULL);
}

static void
show_error (ZsWindow *self)
{
  g_autofree char *markup = g_markup_escape_text (self->error->message, -1);

  adw_status_page_set_description (self->error_page, markup);
  set_page (self, "error");
}

static void
describe_empty_database (ZsWindow *self)
{
  g_autofree char *default_path = zs_store_get_default_path ();
  g_autofree char *command = NULL;
  g_autofree char *command_markup = NULL;
  g_autofree char *description = NULL;
  const char *path = zs_store_get_path (self->store);

  if (g_strcmp0 (path, default_path) == 0)
    {
      command = g_strdup ("zhaoshang-cli init --demo");
    }
  else
    {
      g_autofree char *quoted = g_shell_quote (path);

      command = g_strdup_printf ("zhaoshang-cli --db %s init --demo", quoted);
    }

  command_markup = g_markup_printf_escaped ("<tt>%s</tt>", command);
  /* Translators: %s is a shell command, shown in a monospace font */
  description = g_strdup_printf (_("To load the demonstration firms, run %s in a terminal"),
                                 command_markup);
  adw_status_page_set_description (self->empty_page, description);
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

static gboolean
zs_window_close_request (GtkWindow *window)
{
  save_window_state (ZS_WINDOW (window));

  return GTK_WINDOW_CLASS (zs_window_parent_class)->close_request (window);
}

static void
zs_window_constructed (GObject *object)
{
  ZsWindow *self = ZS_WINDOW (object);

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
  load_sector_names (self);
  describe_empty_database (self);
  zs_window_reload (self);
}

static void
zs_window_dispose (GObject *object)
{
  ZsWindow *self = ZS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZS_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zs_window_parent_class)->dispose (object);
}

static void
zs_window_finalize (GObject *object)
{
  ZsWindow *self = ZS_WINDOW (object);

  g_clear_pointer (&self->sector_names, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
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

  g_type_ensure (ZS_TYPE_FIRM);

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/horgos/Zhaoshang/zs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, firms);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ZsWindow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, code_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, uscc_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, sectors_bind_cb);
}

static void
zs_window_init (ZsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   window_actions, G_N_ELEMENTS (window_actions),
                                   self);
}

/**
 * zs_window_new:
 * @application: the application
 * @store: the database to show
 *
 * Returns: (transfer full): a new window listing the firms of @store
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

/**
 * zs_window_get_store:
 * @self: a #ZsWindow
 *
 * Returns: (transfer none) (nullable): the database shown
 */
ZsStore *
zs_window_get_store (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * zs_window_get_path:
 * @self: a #ZsWindow
 *
 * Returns: (nullable): the database file shown, or the one that failed to open
 */
const char *
zs_window_get_path (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  if (self->store != NULL)
    return zs_store_get_path (self->store);
  return self->path;
}

/**
 * zs_window_get_error:
 * @self: a #ZsWindow
 *
 * Returns: (nullable): why the database could not be opened
 */
const GError *
zs_window_get_error (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return self->error;
}

/**
 * zs_window_get_firms:
 * @self: a #ZsWindow
 *
 * Returns: (transfer none): the firms listed, a model of #ZsFirm
 */
GListModel *
zs_window_get_firms (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->firms);
}

/**
 * zs_window_get_search_entry:
 * @self: a #ZsWindow
 *
 * Returns: (transfer none): the search entry of the header bar
 */
GtkEditable *
zs_window_get_search_entry (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/**
 * zs_window_get_status_text:
 * @self: a #ZsWindow
 *
 * Returns: the status line, such as “200 firms”
 */
const char *
zs_window_get_status_text (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return gtk_label_get_label (self->status_label);
}

/**
 * zs_window_get_page_name:
 * @self: a #ZsWindow
 *
 * Returns: what the window shows: `firms`, `no-results`, `empty` or `error`
 */
const char *
zs_window_get_page_name (ZsWindow *self)
{
  g_return_val_if_fail (ZS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
