/* zs-gtk-util.c: what the widgets of the GTK application share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>

#include <zhaoshang.h>

#include "zs-gtk-util-private.h"

/* Chinese first, so that Pango takes one CJK font for every glyph. */
#define FONT "Noto Sans CJK SC, Sans"

/* Reloads {{{ */

typedef struct
{
  guint           *source_id;
  ZsGtkReloadFunc  reload;
  gpointer         owner;
} Reload;

static gboolean
reload_cb (gpointer data)
{
  Reload *reload = data;

  /* cleared first: the reload may clear it again, and may queue another */
  *reload->source_id = 0;
  reload->reload (reload->owner);
  return G_SOURCE_REMOVE;
}

/**
 * zs_gtk_queue_reload:
 * @source_id: where the owner keeps the pending reload; 0 when none
 * @reload: what reloads the owner
 * @owner: the widget to reload
 *
 * A burst of store changes (an import, a revert) costs one reload, on
 * idle: nothing is queued while one is pending. The owner removes
 * *@source_id at dispose.
 */
void
zs_gtk_queue_reload (guint           *source_id,
                     ZsGtkReloadFunc  reload,
                     gpointer         owner)
{
  Reload *pending;

  if (*source_id != 0)
    return;
  pending = g_new (Reload, 1);
  *pending = (Reload) { source_id, reload, owner };
  *source_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_cb, pending, g_free);
}

/* }}} */

/* Reading off the main thread {{{ */

typedef struct
{
  char           *path;
  GPtrArray      *types;      /* the record types registered on the store */
  ZsGtkReadFunc   read;
  gpointer        data;
  GDestroyNotify  data_free;
  ZsGtkShowFunc   show;
  GDestroyNotify  result_free;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_free (job->path);
  g_ptr_array_unref (job->types);
  g_free (job);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(ZsStore) store = NULL;
  GError *error = NULL;
  gpointer result;

  /* A connection of its own: the main thread's stays free for the UI. */
  store = zs_store_new (job->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  zs_store_share_record_types (store, job->types);
  result = job->read (store, job->data, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GCancellable **cancellable = user_data;
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gpointer value = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled: the owner went, or a newer read replaced this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (*cancellable == g_task_get_cancellable (G_TASK (result)))
    g_clear_object (cancellable);
  job->show (source, value, error);
  if (value != NULL && job->result_free != NULL)
    job->result_free (value);
}

/**
 * zs_gtk_read_in_thread:
 * @owner: the widget that shows what is read
 * @cancellable: where @owner keeps the pending read; cancelled at dispose
 * @store: the store to read
 * @read: reads, in a worker thread, on a connection of its own
 * @data: (nullable): what @read needs, owned by the read
 * @data_free: (nullable): frees @data
 * @show: shows what @read returned, on the main thread, or the error
 * @result_free: frees what @read returned, after @show
 *
 * A new read cancels the pending one, whose result is then dropped
 * unseen. A store without a file (only tests use one) is read at once on
 * the main thread, since no other connection can see it.
 */
void
zs_gtk_read_in_thread (gpointer         owner,
                       GCancellable   **cancellable,
                       ZsStore         *store,
                       ZsGtkReadFunc    read,
                       gpointer         data,
                       GDestroyNotify   data_free,
                       ZsGtkShowFunc    show,
                       GDestroyNotify   result_free)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (cancellable != NULL);
  g_return_if_fail (ZS_IS_STORE (store));

  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  if (zs_store_get_path (store) == NULL)
    {
      g_autoptr(GError) error = NULL;
      gpointer value = read (store, data, NULL, &error);

      show (owner, value, error);
      if (value != NULL && result_free != NULL)
        result_free (value);
      if (data != NULL && data_free != NULL)
        data_free (data);
      return;
    }
  *cancellable = g_cancellable_new ();
  job = g_new0 (ReadJob, 1);
  *job = (ReadJob) { g_strdup (zs_store_get_path (store)), zs_store_list_record_types (store),
                     read, data, data_free, show, result_free };
  task = g_task_new (owner, *cancellable, read_done_cb, cancellable);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, read_in_thread);
}

/* }}} */

/* Countries {{{ */

typedef struct
{
  char *code;
  char *name;
  char *key;
} Country;

static void
country_clear (gpointer data)
{
  Country *country = data;

  g_free (country->code);
  g_free (country->name);
  g_free (country->key);
}

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (((const Country *) a)->key, ((const Country *) b)->key);
}

/**
 * zs_gtk_list_countries:
 * @codes: (out): ISO 3166-1 alpha-2 codes
 * @names: (out): “中国（CN）”: each country's name in the language of the
 *   UI and its code, sorted by name
 *
 * The countries of iso-codes, whose translations come with it.
 *
 * Returns: %FALSE when iso-codes is not installed
 */
gboolean
zs_gtk_list_countries (GStrv *codes,
                       GStrv *names)
{
  g_autofree char *path = g_build_filename (ISO_CODES_PREFIX, "share", "iso-codes", "json", "iso_3166-1.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) countries = g_array_new (FALSE, TRUE, sizeof (Country));
  g_autoptr(GStrvBuilder) code_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) name_builder = g_strv_builder_new ();
  JsonArray *entries;

  g_array_set_clear_func (countries, country_clear);
  if (!json_parser_load_from_mapped_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      (entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "3166-1")) == NULL)
    return FALSE;
  bind_textdomain_codeset ("iso_3166-1", "UTF-8");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *code = json_object_get_string_member_with_default (entry, "alpha_2", NULL);
      const char *name = json_object_get_string_member_with_default (entry, "name", NULL);
      Country country;

      if (code == NULL || name == NULL)
        continue;
      country.code = g_strdup (code);
      /* Translators: a country in a list: its name and ISO code, e.g. “China (CN)” */
      country.name = g_strdup_printf (_("%s (%s)"), g_dgettext ("iso_3166-1", name), code);
      country.key = g_utf8_collate_key (country.name, -1);
      g_array_append_val (countries, country);
    }
  g_array_sort (countries, compare_countries);
  for (guint i = 0; i < countries->len; i++)
    {
      g_strv_builder_add (code_builder, g_array_index (countries, Country, i).code);
      g_strv_builder_add (name_builder, g_array_index (countries, Country, i).name);
    }
  *codes = g_strv_builder_end (code_builder);
  *names = g_strv_builder_end (name_builder);
  return TRUE;
}

/* }}} */

/* Tooltips of list cells {{{ */

static gboolean
cell_query_tooltip_cb (GtkWidget  *cell,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    data)
{
  const char *text = g_object_get_data (G_OBJECT (cell), "zs-cell-tooltip");

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * zs_gtk_set_cell_tooltip:
 * @cell: a widget of a list's row
 * @text: (nullable): its tooltip
 *
 * GTK 4.8 makes some 200 rows whenever a list changes, and a tooltip set
 * on each cell at bind time was most of that time (four fifths for the
 * firm list): the text is kept and given only when a tooltip is asked for.
 */
void
zs_gtk_set_cell_tooltip (GtkWidget  *cell,
                         const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (cell));

  if (g_object_get_data (G_OBJECT (cell), "zs-cell-tooltip-asked") == NULL)
    {
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_object_set_data (G_OBJECT (cell), "zs-cell-tooltip-asked", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (cell), "zs-cell-tooltip", g_strdup (text), g_free);
}

/* }}} */

/* Activities {{{ */

/**
 * zs_gtk_log_activity:
 * @widget: where a toast or an error shows
 * @store: the store
 * @firm_id: the firm the activity was with
 * @project_id: the project it was about, 0 for none
 * @me: who logs it, the staff member the app runs for
 * @kind: a visit, a call, a meeting…
 *
 * Records that @kind happened today, and says so.
 *
 * Returns: the activity's id, or 0 when it was refused (and said why)
 */
gint64
zs_gtk_log_activity (GtkWidget      *widget,
                     ZsStore        *store,
                     gint64          firm_id,
                     gint64          project_id,
                     const char     *me,
                     ZsActivityKind  kind)
{
  g_autoptr(ZsActivity) activity = zs_activity_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  zs_activity_set_firm_id (activity, firm_id);
  zs_activity_set_project_id (activity, project_id);
  zs_activity_set_kind (activity, kind);
  zs_activity_set_date (activity, today);
  zs_activity_set_who (activity, me);
  id = zs_store_add_activity (store, activity, &error);
  if (id <= 0)
    {
      zs_gtk_show_error (widget, _("The activity was not logged"), error);
      return 0;
    }
  /* Translators: after logging; %s is the kind, such as “Visit” */
  message = g_strdup_printf (_("%s logged for today"), zs_enum_get_label (ZS_TYPE_ACTIVITY_KIND, kind));
  zs_gtk_show_toast (widget, message);
  return id;
}

/**
 * zs_gtk_create_log_button:
 * @action: a widget action taking the kind's nick ("visit", "call"…)
 * @tooltip: what is logged, and with whom
 *
 * Returns: (transfer floating): the “Log…” menu: a visit, a call, a meeting
 */
GtkWidget *
zs_gtk_create_log_button (const char *action,
                          const char *tooltip)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *visit = g_strconcat (action, "::visit", NULL);
  g_autofree char *call = g_strconcat (action, "::call", NULL);
  g_autofree char *meeting = g_strconcat (action, "::meeting", NULL);
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _("_Visit"), visit);
  g_menu_append (menu, _("_Call"), call);
  g_menu_append (menu, _("_Meeting"), meeting);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Log…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  zs_gtk_set_tooltip (button, tooltip);
  return button;
}

/* }}} */

/* Dispose {{{ */

/* Widgets laid out by a layout manager own their children and must drop
 * them by hand at dispose. */
void
zs_gtk_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/**
 * zs_gtk_clear_connected:
 * @source_ptr: (inout) (nullable): a `GObject **` the listener connected to
 * @listener: the data of every handler to disconnect
 *
 * Disconnects @listener from *@source_ptr, then drops the reference: the
 * source (the store, shared by every page) outlives the listener.
 */
void
zs_gtk_clear_connected (gpointer source_ptr,
                        gpointer listener)
{
  GObject **source = source_ptr;

  if (*source != NULL)
    g_signal_handlers_disconnect_by_data (*source, listener);
  g_clear_object (source);
}

/* }}} */

/* Tooltips {{{ */

/* Longer tooltips wrap at about this many Latin characters. */
#define TOOLTIP_WRAP_CHARS 40

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "zs-tooltip");
  GtkWidget *label;
  glong width = 0;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  /* GTK 4.8 sizes its own tooltip label to its narrowest wrap, which is
   * one character wide for Chinese: a short tooltip stays on one line,
   * a long one wraps at a set width, between words or characters. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  label = gtk_label_new (text);
  if (width > TOOLTIP_WRAP_CHARS)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), TOOLTIP_WRAP_CHARS);
      gtk_label_set_max_width_chars (GTK_LABEL (label), TOOLTIP_WRAP_CHARS);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
    }
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

/**
 * zs_gtk_set_tooltip:
 * @widget: a widget
 * @text: (nullable): its tooltip
 *
 * As gtk_widget_set_tooltip_text(), and readable in Chinese: on one line
 * when short, wrapped at a sensible width when long. The text is also the
 * widget's accessible description.
 */
void
zs_gtk_set_tooltip (GtkWidget  *widget,
                    const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), "zs-tooltip", g_strdup (text), g_free);
  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_widget_set_has_tooltip (widget, text != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* }}} */

/* Drop-downs {{{ */

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (max_chars) > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_chars));
    }
  gtk_list_item_set_child (item, label);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  max_chars)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  gpointer string = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (string) ? gtk_string_object_get_string (string) : "";

  gtk_label_set_label (label, text);
  if (GPOINTER_TO_INT (max_chars) > 0)
    zs_gtk_set_tooltip (GTK_WIDGET (label), text);
}

static GtkListItemFactory *
choice_factory (int max_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), GINT_TO_POINTER (max_chars));
  return factory;
}

/**
 * zs_gtk_drop_down_ellipsize:
 * @drop_down: a drop-down of #GtkStringObject items
 * @max_chars: how wide the chosen item may be, in characters
 *
 * A long name chosen (a park, a sector) ends in “…” instead of being cut
 * off, and shows whole in a tooltip and in the list that drops down.
 */
void
zs_gtk_drop_down_ellipsize (GtkDropDown *drop_down,
                            int          max_chars)
{
  g_autoptr(GtkListItemFactory) button = choice_factory (max_chars);
  g_autoptr(GtkListItemFactory) list = choice_factory (0);

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, list);
}

/* }}} */

/* Undo {{{ */

static AdwToastOverlay *find_overlay (GtkWidget *widget);

typedef struct
{
  GWeakRef  widget;
  ZsStore  *store;
  gint64    change_id;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->widget);
  g_object_unref (undo->store);
  g_free (undo);
}

static void
undo_clicked_cb (AdwToast *toast,
                 Undo     *undo)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&undo->widget);
  g_autoptr(GError) error = NULL;

  /* Undone as it was done: what the change took along comes back or goes
   * with it. */
  if (zs_store_revert_change_full (undo->store, undo->change_id, ZS_REVERT_FLAGS_FORCE, &error) == 0 &&
      widget != NULL)
    zs_gtk_show_error (widget, _("Cannot undo"), error);
}

/**
 * zs_gtk_show_undo:
 * @widget: the widget whose action made the change
 * @title: what was done, such as “Change reverted”
 * @store: the store
 * @change_id: the change the action made, in the audit trail
 *
 * Shows a toast with an Undo button, which reverts @change_id.
 *
 * Returns: (transfer none) (nullable): the toast, or %NULL when @widget is
 *   in no window with toasts
 */
AdwToast *
zs_gtk_show_undo (GtkWidget  *widget,
                  const char *title,
                  ZsStore    *store,
                  gint64      change_id)
{
  AdwToastOverlay *overlay;
  AdwToast *toast;
  Undo *undo;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  overlay = find_overlay (widget);
  if (overlay == NULL || change_id == 0)
    return NULL;
  undo = g_new0 (Undo, 1);
  g_weak_ref_init (&undo->widget, widget);
  undo->store = g_object_ref (store);
  undo->change_id = change_id;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  adw_toast_overlay_add_toast (overlay, toast);
  return toast;
}

/* }}} */

/* Errors {{{ */

#define PENDING_ERROR "zs-gtk-pending-error"
#define SHOWN_ERROR   "zs-gtk-shown-error"

static AdwToastOverlay *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_overlay_below (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The overlay around @widget, else the one of the window a dialog is
 * transient for. */
static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (overlay != NULL)
    return ADW_TOAST_OVERLAY (overlay);
  for (GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL; window != NULL;
       window = gtk_window_get_transient_for (window))
    {
      AdwToastOverlay *found = find_overlay_below (GTK_WIDGET (window));

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
toast_dismissed_cb (AdwToast        *toast,
                    AdwToastOverlay *overlay)
{
  if (g_object_get_data (G_OBJECT (overlay), SHOWN_ERROR) == (gpointer) toast)
    g_object_set_data (G_OBJECT (overlay), SHOWN_ERROR, NULL);
}

static gboolean
show_toast (GtkWidget  *widget,
            const char *message)
{
  AdwToastOverlay *overlay = find_overlay (widget);
  AdwToast *shown;
  AdwToast *toast;

  if (overlay == NULL)
    return FALSE;

  /* A page that fails each of its rows the same way says so once. */
  shown = g_object_get_data (G_OBJECT (overlay), SHOWN_ERROR);
  if (shown != NULL && g_strcmp0 (adw_toast_get_title (shown), message) == 0)
    return TRUE;

  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay, 0);
  g_object_set_data_full (G_OBJECT (overlay), SHOWN_ERROR, g_object_ref (toast), g_object_unref);
  adw_toast_overlay_add_toast (overlay, toast);
  return TRUE;
}

/**
 * zs_gtk_show_toast:
 * @widget: a widget in a window with a toast overlay
 * @message: what happened, such as “50 projects exported”
 *
 * Says what a finished task did, for a few seconds.
 */
void
zs_gtk_show_toast (GtkWidget  *widget,
                   const char *message)
{
  AdwToastOverlay *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if ((overlay = find_overlay (widget)) != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (message));
}

static void
root_changed_cb (GtkWidget  *widget,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  GPtrArray *pending = g_object_get_data (G_OBJECT (widget), PENDING_ERROR);

  if (pending == NULL || find_overlay (widget) == NULL)
    return;
  g_signal_handlers_disconnect_by_func (widget, root_changed_cb, NULL);
  for (guint i = 0; i < pending->len; i++)
    show_toast (widget, g_ptr_array_index (pending, i));
  g_object_set_data (G_OBJECT (widget), PENDING_ERROR, NULL);
}

/**
 * zs_gtk_show_error:
 * @widget: the widget whose action failed
 * @prefix: (nullable): what failed, such as “Cannot list the sectors”
 * @error: why, as the store said
 *
 * Shows @error to the user in a toast of the window that holds @widget
 * (or of the window a dialog holding it is transient for). A widget not
 * yet in a window, such as a page that loads as it is built, shows it
 * once it is placed in one. Toasts of errors stay until dismissed.
 */
void
zs_gtk_show_error (GtkWidget    *widget,
                   const char   *prefix,
                   const GError *error)
{
  g_autofree char *message = NULL;
  GPtrArray *pending;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  /* Translators: what failed, then why: “Cannot list the sectors: database is locked” */
  message = prefix != NULL ? g_strdup_printf (_("%s: %s"), prefix, error->message) : g_strdup (error->message);
  if (show_toast (widget, message))
    return;

  pending = g_object_get_data (G_OBJECT (widget), PENDING_ERROR);
  if (pending == NULL)
    {
      pending = g_ptr_array_new_with_free_func (g_free);
      g_object_set_data_full (G_OBJECT (widget), PENDING_ERROR, pending, (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect (widget, "notify::root", G_CALLBACK (root_changed_cb), NULL);
    }
  g_ptr_array_add (pending, g_steal_pointer (&message));
}

/* }}} */

/* Files {{{ */

typedef struct
{
  ZsGtkPathFunc chosen;
  gpointer      owner;
} PathRequest;

static void
path_request_free (gpointer  data,
                   GClosure *closure)
{
  g_free (data);
}

static void
path_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  PathRequest     *request)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  /* gone before @chosen runs, which may open a dialog of its own */
  gtk_native_dialog_destroy (chooser);
  if (path != NULL)
    request->chosen (request->owner, path);
  g_object_unref (chooser);   /* frees @request */
}

/**
 * zs_gtk_choose_path:
 * @parent: the window the chooser is modal to
 * @action: open or save
 * @title: the chooser's title
 * @accept_label: the accept button's label
 * @cancel_label: the cancel button's label
 * @current_name: (nullable): the file name proposed for saving
 * @filter: (nullable) (transfer none): the only filter offered
 * @chosen: called with the local path when the user accepts one
 * @owner: handed to @chosen; @parent or what @parent shows, so that it
 *   lives as long as the modal chooser
 *
 * Asks for a local file in a modal native chooser.
 */
void
zs_gtk_choose_path (GtkWindow            *parent,
                    GtkFileChooserAction  action,
                    const char           *title,
                    const char           *accept_label,
                    const char           *cancel_label,
                    const char           *current_name,
                    GtkFileFilter        *filter,
                    ZsGtkPathFunc         chosen,
                    gpointer              owner)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, cancel_label);
  PathRequest *request = g_new (PathRequest, 1);

  *request = (PathRequest) { chosen, owner };
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_data (chooser, "response", G_CALLBACK (path_response_cb), request,
                         path_request_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* }}} */

/* Drawing {{{ */

/**
 * zs_gtk_begin_cairo:
 * @widget: the widget being drawn
 * @snapshot: its snapshot
 * @foreground: (out): the colour of its text
 *
 * For widgets that draw with cairo, so that the same code can draw on other
 * surfaces (the PDF report).
 *
 * Returns: (transfer full): a context covering @widget; cairo_destroy() it
 */
cairo_t *
zs_gtk_begin_cairo (GtkWidget   *widget,
                    GtkSnapshot *snapshot,
                    GdkRGBA     *foreground)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  /* GTK 4.8 has no gtk_widget_get_color() yet */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), foreground);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/**
 * zs_gtk_create_layout:
 * @cr: where the text goes
 * @text: the text
 * @size: in points
 * @bold: whether it is bold
 *
 * Returns: (transfer full): a layout of @text in the font of charts and reports
 */
PangoLayout *
zs_gtk_create_layout (cairo_t    *cr,
                      const char *text,
                      int         size,
                      gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Text over several lines, broken between words or, in Chinese, between
 * characters, at @width. */
PangoLayout *
zs_gtk_create_paragraph (cairo_t    *cr,
                         const char *text,
                         int         size,
                         gboolean    bold,
                         double      width)
{
  PangoLayout *layout = zs_gtk_create_layout (cr, text, size, bold);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

/* One line at (@x, @y) in the current source, ellipsized at @max_width. */
void
zs_gtk_show_text (cairo_t    *cr,
                  const char *text,
                  double      x,
                  double      y,
                  double      max_width,
                  int         size,
                  gboolean    bold)
{
  g_autoptr(PangoLayout) layout = zs_gtk_create_layout (cr, text, size, bold);

  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* }}} */

/**
 * zs_gtk_add_sector_choices:
 * @sectors: (element-type ZsSector): every sector
 * @labels: the drop-down's labels, to append to
 * @names: (nullable): code → name, to fill
 *
 * Appends a label for each sector to @labels: its name, and where two
 * sectors have one name (跨境电商 under two clauses), which is which.
 *
 * Returns: (transfer full): the codes, in the order of the labels appended
 */
GStrv
zs_gtk_add_sector_choices (GPtrArray     *sectors,
                           GtkStringList *labels,
                           GHashTable    *names)
{
  g_autoptr(GHashTable) name_counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  for (guint i = 0; i < sectors->len; i++)
    {
      ZsSector *sector = g_ptr_array_index (sectors, i);
      const char *name = zs_sector_get_name (sector);

      g_hash_table_insert (by_code, (gpointer) zs_sector_get_code (sector), (gpointer) name);
      g_hash_table_insert (name_counts, (gpointer) name,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (name_counts, name)) + 1));
      if (names != NULL)
        g_hash_table_insert (names, g_strdup (zs_sector_get_code (sector)), g_strdup (name));
    }
  for (guint i = 0; i < sectors->len; i++)
    {
      ZsSector *sector = g_ptr_array_index (sectors, i);
      const char *name = zs_sector_get_name (sector);
      const char *parent = zs_sector_get_parent_code (sector);
      const char *parent_name = parent != NULL ? g_hash_table_lookup (by_code, parent) : NULL;
      g_autofree char *label = NULL;

      if (GPOINTER_TO_UINT (g_hash_table_lookup (name_counts, name)) > 1)
        {
          if (parent_name != NULL)
            /* Translators: a sector and the sector it belongs to, told apart from another of its name */
            label = g_strdup_printf (_("%s (%s)"), name, parent_name);
          else if (zs_sector_get_clause (sector) > 0)
            /* Translators: a sector and its clause of the guideline, such as “跨境电商 (clause 7)” */
            label = g_strdup_printf (_("%s (clause %d)"), name, zs_sector_get_clause (sector));
          else
            label = g_strdup_printf (_("%s (%s)"), name, zs_sector_get_code (sector));
        }
      g_strv_builder_add (codes, zs_sector_get_code (sector));
      gtk_string_list_append (labels, label != NULL ? label : name);
    }
  return g_strv_builder_end (codes);
}
