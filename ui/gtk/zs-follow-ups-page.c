/* zs-follow-ups-page.c: follow-ups by day, to add, complete, snooze and reassign
 *
 * A follow-up is an activity's next_follow_up date. The page lists those
 * due up to a year ahead in four groups by the local date: Overdue, Today,
 * This week (to Sunday) and Later, for the current staff member (Mine) or
 * everyone (All), with the items plugins list through ZsFollowUpSource.
 * The store is read in a worker thread through a connection of its own;
 * the result is applied on the main thread, and a newer reload cancels an
 * older one. Completing clears next_follow_up (the activity stays, and the
 * audit trail keeps the date; Undo reverts that change); snoozing moves
 * it; reassigning changes `who`. Each writes the activity with the version
 * it was read with, so another writer's change in between is a conflict
 * that is shown, not overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-follow-ups-page.h"
#include "zs-follow-up-dialog.h"
#include "zs-gtk-util-private.h"
#include "zs-window.h"

/* A year of follow-ups is more than anyone plans; the page lists them all. */
#define MAX_FOLLOW_UPS 2000
#define MAX_RECENT 100
#define LATER_DAYS 365
#define SCHEMA_ID "cn.horgos.Zhaoshang"

struct _ZsFollowUpsPage
{
  GtkWidget       parent_instance;

  ZsStore        *store;
  ZsPluginEngine *engine;
  char           *today;       /* YYYY-MM-DD; the real date unless a test sets it */
  char           *me;
  gboolean        mine;
  GListStore     *groups[ZS_FOLLOW_UP_N_GROUPS];
  GListStore     *recent;
  GtkLabel       *headings[ZS_FOLLOW_UP_N_GROUPS];
  GtkWidget      *lists[ZS_FOLLOW_UP_N_GROUPS];
  GtkLabel       *summary;
  GtkWidget      *mine_button;
  GtkWidget      *all_button;
  GHashTable     *firm_names;
  GStrv           staff;
  GCancellable   *cancellable;
  guint           reload_id;
};

G_DEFINE_FINAL_TYPE (ZsFollowUpsPage, zs_follow_ups_page, GTK_TYPE_WIDGET)

/* Dates {{{ */

static GDate *
parse_date (const char *text)
{
  GDate *date = g_date_new ();
  int y, m, d;

  if (text != NULL && sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    g_date_set_dmy (date, d, m, y);
  return date;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/**
 * zs_follow_up_today:
 *
 * Returns: (transfer full): today's local date, YYYY-MM-DD
 */
char *
zs_follow_up_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * zs_follow_up_date_after:
 * @date: a date, YYYY-MM-DD
 * @days: how many days later
 *
 * Returns: (transfer full): the date @days after @date
 */
char *
zs_follow_up_date_after (const char *date,
                         int         days)
{
  g_autoptr(GDate) d = parse_date (date);

  g_return_val_if_fail (g_date_valid (d), NULL);
  g_date_add_days (d, days);
  return format_date (d);
}

/**
 * zs_follow_up_week_end:
 * @today: a date, YYYY-MM-DD
 *
 * Returns: (transfer full): the Sunday ending @today's week (Monday first)
 */
char *
zs_follow_up_week_end (const char *today)
{
  g_autoptr(GDate) d = parse_date (today);

  g_return_val_if_fail (g_date_valid (d), NULL);
  g_date_add_days (d, G_DATE_SUNDAY - g_date_get_weekday (d));
  return format_date (d);
}

/**
 * zs_follow_up_group_of:
 * @due: the date a follow-up is due, YYYY-MM-DD
 * @today: today, YYYY-MM-DD
 *
 * Returns: the group the follow-up is shown in
 */
ZsFollowUpGroup
zs_follow_up_group_of (const char *due,
                       const char *today)
{
  g_autofree char *week_end = zs_follow_up_week_end (today);
  int cmp = g_strcmp0 (due, today);

  if (cmp < 0)
    return ZS_FOLLOW_UP_OVERDUE;
  if (cmp == 0)
    return ZS_FOLLOW_UP_TODAY;
  return g_strcmp0 (due, week_end) <= 0 ? ZS_FOLLOW_UP_THIS_WEEK : ZS_FOLLOW_UP_LATER;
}

/**
 * zs_follow_up_status_text:
 * @due: the date a follow-up is due, YYYY-MM-DD
 * @today: today, YYYY-MM-DD
 *
 * Returns: (transfer full): “Overdue by N days”, “Due today” or the date
 */
char *
zs_follow_up_status_text (const char *due,
                          const char *today)
{
  g_autoptr(GDate) d = parse_date (due);
  g_autoptr(GDate) t = parse_date (today);
  int late;

  if (!g_date_valid (d) || !g_date_valid (t))
    return g_strdup (due != NULL ? due : "");
  late = g_date_days_between (d, t);
  if (late > 0)
    return g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", late), late);
  if (late == 0)
    return g_strdup (_("Due today"));
  /* Translators: when a follow-up is due; %s is a date */
  return g_strdup_printf (_("Due %s"), due);
}

/**
 * zs_follow_up_me:
 * @store: the store
 *
 * Returns: (transfer full): the staff member the app runs for: the
 *   “staff-name” setting, or the store's actor when it is empty
 */
char *
zs_follow_up_me (ZsStore *store)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *name = NULL;

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE)) != NULL &&
      g_settings_schema_has_key (schema, "staff-name"))
    {
      g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

      name = g_settings_get_string (settings, "staff-name");
    }
  if (name != NULL && name[0] != '\0')
    return g_steal_pointer (&name);
  return g_strdup (zs_store_get_actor (store));
}

/* }}} */

/* Loading {{{ */

typedef struct
{
  char       *path;
  char       *today;
  char       *later;
  char       *who;
  GPtrArray  *due;
  GPtrArray  *recent;
  GHashTable *firm_names;
  GStrv       staff;
} Load;

static void
load_free (Load *load)
{
  g_free (load->path);
  g_free (load->today);
  g_free (load->later);
  g_free (load->who);
  g_clear_pointer (&load->due, g_ptr_array_unref);
  g_clear_pointer (&load->recent, g_ptr_array_unref);
  g_clear_pointer (&load->firm_names, g_hash_table_unref);
  g_strfreev (load->staff);
  g_free (load);
}

static gboolean
name_firms (ZsStore     *store,
            GHashTable  *names,
            GPtrArray   *activities,
            GError     **error)
{
  for (guint i = 0; i < activities->len; i++)
    {
      gint64 id = zs_activity_get_firm_id (g_ptr_array_index (activities, i));
      g_autoptr(ZsFirm) firm = NULL;

      if (id == 0 || g_hash_table_contains (names, &id))
        continue;
      firm = zs_store_get_firm (store, id, error);
      if (firm == NULL)
        return FALSE;
      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (zs_firm_get_name (firm)));
    }
  return TRUE;
}

static GStrv
staff_names (ZsStore  *store,
             GError  **error)
{
  g_autoptr(GPtrArray) staff = zs_store_list_staff (store, error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (staff == NULL)
    return NULL;
  for (guint i = 0; i < staff->len; i++)
    g_strv_builder_add (names, zs_staff_get_name (g_ptr_array_index (staff, i)));
  return g_strv_builder_end (names);
}

static gboolean
read_all (ZsStore  *store,
          Load     *load,
          GError  **error)
{
  load->due = zs_store_list_follow_ups (store, NULL, load->later, load->who, MAX_FOLLOW_UPS, error);
  if (load->due == NULL)
    return FALSE;
  load->recent = zs_store_list_activities (store, 0, NULL, 0, MAX_RECENT, error);
  if (load->recent == NULL)
    return FALSE;
  load->firm_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (!name_firms (store, load->firm_names, load->due, error) ||
      !name_firms (store, load->firm_names, load->recent, error))
    return FALSE;
  load->staff = staff_names (store, error);
  return load->staff != NULL;
}

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(ZsStore) store = NULL;
  GError *error = NULL;

  store = zs_store_create (load->path, &error);
  if (store == NULL || !read_all (store, load, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* }}} */

/* Rows {{{ */

static const char *
firm_name (ZsFollowUpsPage *self,
           gint64           id)
{
  const char *name = g_hash_table_lookup (self->firm_names, &id);

  return name != NULL ? name : "";
}

/* Overdue is said in words and with an icon, not by colour alone. */
static GtkWidget *
status_widget (ZsFollowUpsPage *self,
               const char      *due)
{
  g_autofree char *text = zs_follow_up_status_text (due, self->today);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  gboolean overdue = g_strcmp0 (due, self->today) < 0;

  if (overdue)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_widget_add_css_class (box, "error");
    }
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

static void
open_firm_cb (GtkWidget *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "firm-id");

  if (id != 0)
    gtk_widget_activate_action (row, "win.show-firm", "x", id);
}

static void
set_firm_id (GtkWidget *row,
             gint64     id)
{
  g_object_set_data_full (G_OBJECT (row), "firm-id", g_memdup2 (&id, sizeof id), g_free);
}

static GMenuModel *
actions_menu (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *snooze = g_menu_new ();

  g_menu_append (menu, _("_Complete"), "fu.complete");
  g_menu_append (snooze, _("Snooze Until _Tomorrow"), "fu.tomorrow");
  g_menu_append (snooze, _("Snooze One _Week"), "fu.week");
  g_menu_append (snooze, _("Snooze Until a _Date…"), "fu.date");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (snooze));
  g_menu_append (menu, _("_Reassign…"), "fu.reassign");
  g_object_unref (snooze);
  return G_MENU_MODEL (menu);
}

static void row_action_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data);

static void
add_row_actions (ZsFollowUpsPage *self,
                 GtkWidget       *row,
                 ZsActivity      *activity,
                 const char      *title)
{
  static const char *names[] = { "complete", "tomorrow", "week", "date", "reassign" };
  GSimpleActionGroup *group = g_simple_action_group_new ();
  g_autoptr(GMenuModel) menu = actions_menu ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], NULL);

      g_object_set_data_full (G_OBJECT (action), "activity", g_object_ref (activity), g_object_unref);
      g_signal_connect_object (action, "activate", G_CALLBACK (row_action_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  gtk_widget_insert_action_group (row, "fu", G_ACTION_GROUP (group));
  g_object_unref (group);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: the menu of one follow-up; %s is its title */
  label = g_strdup_printf (_("Actions for %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  zs_gtk_set_tooltip (button, _("Complete, snooze or reassign"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static GtkWidget *
activity_row (ZsFollowUpsPage *self,
              ZsActivity      *activity,
              gboolean         with_actions)
{
  const char *follow_up = zs_activity_get_next_follow_up (activity);
  const char *who = zs_activity_get_who (activity);
  const char *notes = zs_activity_get_notes (activity);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: an activity: its kind (Visit, Call…) and the firm */
  title = g_strdup_printf (_("%s · %s"), zs_enum_get_label (ZS_TYPE_ACTIVITY_KIND, zs_activity_get_kind (activity)),
                           firm_name (self, zs_activity_get_firm_id (activity)));
  /* Translators: an activity's date, who did it and the notes */
  subtitle = g_strdup_printf (_("%s  %s  %s"), zs_activity_get_date (activity),
                              who ? who : "", notes ? notes : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  if (follow_up != NULL && follow_up[0] != '\0')
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_widget (self, follow_up));
  if (with_actions)
    add_row_actions (self, row, activity, title);

  set_firm_id (row, zs_activity_get_firm_id (activity));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (open_firm_cb), NULL);
  return row;
}

static void
open_item_cb (GtkButton  *button,
              ZsFollowUp *item)
{
  const char *action = zs_follow_up_get_action_id (item);
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  if (action == NULL)
    return;
  if (!g_action_parse_detailed_name (action, &name, &target, &error))
    {
      zs_gtk_show_error (GTK_WIDGET (button), _("Cannot open the follow-up"), error);
      return;
    }
  gtk_widget_activate_action_variant (GTK_WIDGET (button), name, target);
}

/* A plugin's item: read-only, opened by the plugin's own action. */
static GtkWidget *
plugin_row (ZsFollowUpsPage *self,
            ZsFollowUp      *item)
{
  const char *assignee = zs_follow_up_get_assignee (item);
  const char *firm = firm_name (self, zs_follow_up_get_firm_id (item));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zs_follow_up_get_title (item));
  /* Translators: a plugin's follow-up: the firm and who it is for */
  subtitle = g_strdup_printf (_("%s  %s"), firm, assignee ? assignee : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_widget (self, zs_follow_up_get_due (item)));
  if (zs_follow_up_get_action_id (item) != NULL)
    {
      GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));
      g_autofree char *label = g_strdup_printf (_("Open %s"), zs_follow_up_get_title (item));

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect_object (open, "clicked", G_CALLBACK (open_item_cb), item, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }
  set_firm_id (row, zs_follow_up_get_firm_id (item));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), zs_follow_up_get_firm_id (item) != 0);
  g_signal_connect (row, "activated", G_CALLBACK (open_firm_cb), NULL);
  return row;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ZsFollowUpsPage *self = user_data;

  if (ZS_IS_FOLLOW_UP (item))
    return plugin_row (self, item);
  return activity_row (self, item, TRUE);
}

static GtkWidget *
create_recent_row (gpointer item,
                   gpointer user_data)
{
  return activity_row (user_data, item, FALSE);
}

/* }}} */

/* Applying a load {{{ */

static const char *
item_due (gpointer item)
{
  return ZS_IS_FOLLOW_UP (item) ? zs_follow_up_get_due (item)
                                : zs_activity_get_next_follow_up (item);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (item_due (*(gpointer *) a), item_due (*(gpointer *) b));
}

/* Items of sources that fail are left out; the failure is shown. */
static void
add_plugin_items (ZsFollowUpsPage *self,
                  GPtrArray       *items,
                  const char      *later)
{
  g_autoptr(GPtrArray) sources = NULL;

  if (self->engine == NULL)
    return;
  sources = zs_plugin_engine_get_extensions (self->engine, ZS_TYPE_FOLLOW_UP_SOURCE);
  for (guint i = 0; i < sources->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;

      found = zs_follow_up_source_list_follow_ups (g_ptr_array_index (sources, i), self->store, NULL,
                                                   later, self->mine ? self->me : NULL, &error);
      if (found == NULL)
        {
          zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list a plugin's follow-ups"), error);
          continue;
        }
      for (guint j = 0; j < found->len; j++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (found, j)));
    }
}

static void
update_headings (ZsFollowUpsPage *self)
{
  static const char *titles[] = { N_("Overdue"), N_("Today"), N_("This Week"), N_("Later") };
  guint overdue = g_list_model_get_n_items (G_LIST_MODEL (self->groups[ZS_FOLLOW_UP_OVERDUE]));
  guint today = g_list_model_get_n_items (G_LIST_MODEL (self->groups[ZS_FOLLOW_UP_TODAY]));
  g_autofree char *summary = NULL;

  for (guint g = 0; g < ZS_FOLLOW_UP_N_GROUPS; g++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups[g]));
      /* Translators: a group of follow-ups and how many it holds: “Today (3)” */
      g_autofree char *text = g_strdup_printf (_("%s (%u)"), _(titles[g]), n);

      gtk_label_set_label (self->headings[g], text);
      gtk_widget_set_visible (self->lists[g], n > 0);
    }
  /* Translators: the first %u counts follow-ups due today, the second overdue ones */
  summary = g_strdup_printf (_("%u due today, %u overdue"), today, overdue);
  gtk_label_set_label (self->summary, summary);
}

static void
apply_load (ZsFollowUpsPage *self,
            Load            *load)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *sorted[ZS_FOLLOW_UP_N_GROUPS];

  g_clear_pointer (&self->firm_names, g_hash_table_unref);
  self->firm_names = g_steal_pointer (&load->firm_names);
  g_strfreev (self->staff);
  self->staff = g_steal_pointer (&load->staff);

  for (guint i = 0; i < load->due->len; i++)
    g_ptr_array_add (items, g_object_ref (g_ptr_array_index (load->due, i)));
  add_plugin_items (self, items, load->later);
  g_ptr_array_sort (items, compare_due);

  for (guint g = 0; g < ZS_FOLLOW_UP_N_GROUPS; g++)
    sorted[g] = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      g_ptr_array_add (sorted[zs_follow_up_group_of (item_due (item), self->today)], item);
    }
  for (guint g = 0; g < ZS_FOLLOW_UP_N_GROUPS; g++)
    {
      g_list_store_splice (self->groups[g], 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups[g])),
                           sorted[g]->pdata, sorted[g]->len);
      g_ptr_array_unref (sorted[g]);
    }
  g_list_store_splice (self->recent, 0, g_list_model_get_n_items (G_LIST_MODEL (self->recent)),
                       load->recent->pdata, load->recent->len);
  update_headings (self);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ZsFollowUpsPage *self;
  Load *load = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self = ZS_FOLLOW_UPS_PAGE (g_task_get_source_object (G_TASK (result)));
          zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the follow-ups"), error);
          g_clear_object (&self->cancellable);
        }
      return;
    }
  self = ZS_FOLLOW_UPS_PAGE (g_task_get_source_object (G_TASK (result)));
  g_clear_object (&self->cancellable);
  apply_load (self, load);
}

/**
 * zs_follow_ups_page_reload:
 * @self: a #ZsFollowUpsPage
 *
 * Reads the follow-ups again in a worker thread; a reload in flight is
 * cancelled and its result dropped.
 */
void
zs_follow_ups_page_reload (ZsFollowUpsPage *self)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (ZS_IS_FOLLOW_UPS_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  load = g_new0 (Load, 1);
  load->path = g_strdup (zs_store_get_path (self->store));
  load->today = g_strdup (self->today);
  load->later = zs_follow_up_date_after (self->today, LATER_DAYS);
  load->who = self->mine ? g_strdup (self->me) : NULL;
  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * zs_follow_ups_page_is_loading:
 * @self: a #ZsFollowUpsPage
 *
 * Returns: whether a reload is in flight
 */
gboolean
zs_follow_ups_page_is_loading (ZsFollowUpsPage *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UPS_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/* }}} */

/* Changing a follow-up {{{ */

static void
offer_undo (ZsFollowUpsPage *self,
            ZsActivity      *activity,
            const char      *title)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  changes = zs_store_list_changes (self->store, "activity", zs_activity_get_id (activity), 0, 1, &error);
  if (changes != NULL && changes->len > 0)
    zs_gtk_show_undo (GTK_WIDGET (self), title, self->store,
                      zs_change_get_id (g_ptr_array_index (changes, 0)));
}

/* Writes @activity as changed; on failure (a conflict: someone changed it
 * since it was read) puts the old values back and says why. */
static gboolean
write_change (ZsFollowUpsPage *self,
              ZsActivity      *activity,
              const char      *follow_up,
              const char      *who,
              const char      *failure,
              const char      *done)
{
  g_autofree char *old_follow_up = g_strdup (zs_activity_get_next_follow_up (activity));
  g_autofree char *old_who = g_strdup (zs_activity_get_who (activity));
  g_autoptr(GError) error = NULL;

  zs_activity_set_next_follow_up (activity, follow_up);
  zs_activity_set_who (activity, who);
  if (!zs_store_update_record (self->store, G_OBJECT (activity), &error))
    {
      zs_activity_set_next_follow_up (activity, old_follow_up);
      zs_activity_set_who (activity, old_who);
      zs_gtk_show_error (GTK_WIDGET (self), failure, error);
      zs_follow_ups_page_reload (self);
      return FALSE;
    }
  offer_undo (self, activity, done);
  return TRUE;
}

/**
 * zs_follow_ups_page_complete:
 * @self: a #ZsFollowUpsPage
 * @activity: an activity the page lists
 *
 * Clears the activity's next follow-up.
 *
 * Returns: whether it was written
 */
gboolean
zs_follow_ups_page_complete (ZsFollowUpsPage *self,
                             ZsActivity      *activity)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UPS_PAGE (self), FALSE);
  g_return_val_if_fail (ZS_IS_ACTIVITY (activity), FALSE);

  return write_change (self, activity, NULL, zs_activity_get_who (activity),
                       _("Cannot complete the follow-up"), _("Follow-up completed"));
}

/**
 * zs_follow_ups_page_snooze:
 * @self: a #ZsFollowUpsPage
 * @activity: an activity the page lists
 * @date: the new date, YYYY-MM-DD
 *
 * Returns: whether it was written
 */
gboolean
zs_follow_ups_page_snooze (ZsFollowUpsPage *self,
                           ZsActivity      *activity,
                           const char      *date)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UPS_PAGE (self), FALSE);
  g_return_val_if_fail (ZS_IS_ACTIVITY (activity), FALSE);

  return write_change (self, activity, date, zs_activity_get_who (activity),
                       _("Cannot snooze the follow-up"), _("Follow-up snoozed"));
}

/**
 * zs_follow_ups_page_reassign:
 * @self: a #ZsFollowUpsPage
 * @activity: an activity the page lists
 * @who: the staff member it goes to
 *
 * Returns: whether it was written
 */
gboolean
zs_follow_ups_page_reassign (ZsFollowUpsPage *self,
                             ZsActivity      *activity,
                             const char      *who)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UPS_PAGE (self), FALSE);
  g_return_val_if_fail (ZS_IS_ACTIVITY (activity), FALSE);

  return write_change (self, activity, zs_activity_get_next_follow_up (activity), who,
                       _("Cannot reassign the follow-up"), _("Follow-up reassigned"));
}

static void
snooze_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ZsFollowUpsPage  *self)
{
  ZsActivity *activity = g_object_get_data (G_OBJECT (dialog), "activity");
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (dialog), "calendar");
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "snooze") != 0)
    return;
  date = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  zs_follow_ups_page_snooze (self, activity, text);
}

static void
ask_date (ZsFollowUpsPage *self,
          ZsActivity      *activity)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Snooze Until"), NULL);
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New follow-up date"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), calendar);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "snooze", _("_Snooze"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "snooze");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "snooze", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "activity", g_object_ref (activity), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "calendar", calendar);
  g_signal_connect_object (dialog, "response", G_CALLBACK (snooze_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reassign_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ZsFollowUpsPage  *self)
{
  ZsActivity *activity = g_object_get_data (G_OBJECT (dialog), "activity");
  GtkDropDown *picker = g_object_get_data (G_OBJECT (dialog), "picker");
  GtkStringObject *chosen = gtk_drop_down_get_selected_item (picker);

  if (g_strcmp0 (response, "reassign") != 0 || chosen == NULL)
    return;
  zs_follow_ups_page_reassign (self, activity, gtk_string_object_get_string (chosen));
}

static void
ask_staff (ZsFollowUpsPage *self,
           ZsActivity      *activity)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Reassign Follow-up"), NULL);
  GtkWidget *picker = zs_follow_up_staff_picker_new ((const char * const *) self->staff,
                                                     zs_activity_get_who (activity));

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), picker);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reassign", _("_Reassign"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reassign");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reassign", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "activity", g_object_ref (activity), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "picker", picker);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reassign_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_action_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ZsFollowUpsPage *self = user_data;
  ZsActivity *activity = g_object_get_data (G_OBJECT (action), "activity");
  const char *name = g_action_get_name (G_ACTION (action));
  g_autofree char *date = NULL;

  if (g_str_equal (name, "complete"))
    zs_follow_ups_page_complete (self, activity);
  else if (g_str_equal (name, "tomorrow") || g_str_equal (name, "week"))
    {
      date = zs_follow_up_date_after (self->today, g_str_equal (name, "week") ? 7 : 1);
      zs_follow_ups_page_snooze (self, activity, date);
    }
  else if (g_str_equal (name, "date"))
    ask_date (self, activity);
  else
    ask_staff (self, activity);
}

/* }}} */

static void
add_clicked_cb (ZsFollowUpsPage *self)
{
  GtkWidget *dialog = zs_follow_up_dialog_new (self->store, (const char * const *) self->staff,
                                               self->me, self->today);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* “Mine” says whose: the “staff-name” setting, else the login name. */
static void
show_me (ZsFollowUpsPage *self)
{
  /* Translators: the tooltip of “Mine”; %s is a staff member's name */
  g_autofree char *text = g_strdup_printf (_("Only the follow-ups of %s"), self->me ? self->me : "");

  zs_gtk_set_tooltip (self->mine_button, text);
}

static void
filter_toggled_cb (GtkToggleButton *button,
                   ZsFollowUpsPage *self)
{
  gboolean mine = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->mine_button));

  if (!gtk_toggle_button_get_active (button) || mine == self->mine)
    return;
  self->mine = mine;
  zs_follow_ups_page_reload (self);
}

static void
store_changed_cb (ZsFollowUpsPage *self,
                  const char      *entity,
                  gint64           id)
{
  if (g_strcmp0 (entity, "activity") == 0 || g_strcmp0 (entity, "firm") == 0 ||
      g_strcmp0 (entity, "staff") == 0)
    zs_gtk_queue_reload (&self->reload_id, (ZsGtkReloadFunc) zs_follow_ups_page_reload, self);
}

static void
root_changed_cb (ZsFollowUpsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->engine == NULL && ZS_IS_WINDOW (root))
    zs_follow_ups_page_set_engine (self, zs_window_get_plugin_engine (ZS_WINDOW (root)));
}

/* Building {{{ */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  return label;
}

static GtkWidget *
create_list (ZsFollowUpsPage     *self,
             GListStore          *model,
             GtkListBoxCreateWidgetFunc create,
             GtkWidget           *label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (model), create, self, NULL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return list;
}

static GtkWidget *
create_toolbar (ZsFollowUpsPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *filter = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Follow-up…"));

  self->summary = GTK_LABEL (heading (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary), TRUE);
  /* wraps rather than widening a narrow window */
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->summary));

  self->mine_button = gtk_toggle_button_new_with_mnemonic (_("_Mine"));
  self->all_button = gtk_toggle_button_new_with_mnemonic (_("A_ll"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->all_button), GTK_TOGGLE_BUTTON (self->mine_button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->all_button), TRUE);
  zs_gtk_set_tooltip (self->all_button, _("Everyone's follow-ups"));
  g_signal_connect (self->mine_button, "toggled", G_CALLBACK (filter_toggled_cb), self);
  g_signal_connect (self->all_button, "toggled", G_CALLBACK (filter_toggled_cb), self);
  gtk_widget_add_css_class (filter, "linked");
  gtk_box_append (GTK_BOX (filter), self->mine_button);
  gtk_box_append (GTK_BOX (filter), self->all_button);
  gtk_box_append (GTK_BOX (bar), filter);

  gtk_widget_add_css_class (add, "suggested-action");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), add);
  return bar;
}

static void
zs_follow_ups_page_dispose (GObject *object)
{
  ZsFollowUpsPage *self = ZS_FOLLOW_UPS_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  zs_gtk_unparent_children (GTK_WIDGET (self));
  zs_gtk_clear_connected (&self->store, self);
  zs_gtk_clear_connected (&self->engine, self);
  for (guint g = 0; g < ZS_FOLLOW_UP_N_GROUPS; g++)
    g_clear_object (&self->groups[g]);
  g_clear_object (&self->recent);

  G_OBJECT_CLASS (zs_follow_ups_page_parent_class)->dispose (object);
}

static void
zs_follow_ups_page_finalize (GObject *object)
{
  ZsFollowUpsPage *self = ZS_FOLLOW_UPS_PAGE (object);

  g_free (self->today);
  g_free (self->me);
  g_strfreev (self->staff);
  g_clear_pointer (&self->firm_names, g_hash_table_unref);

  G_OBJECT_CLASS (zs_follow_ups_page_parent_class)->finalize (object);
}

static void
zs_follow_ups_page_class_init (ZsFollowUpsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_follow_ups_page_dispose;
  object_class->finalize = zs_follow_ups_page_finalize;

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
zs_follow_ups_page_init (ZsFollowUpsPage *self)
{
  self->today = zs_follow_up_today ();
  for (guint g = 0; g < ZS_FOLLOW_UP_N_GROUPS; g++)
    self->groups[g] = g_list_store_new (G_TYPE_OBJECT);
  self->recent = g_list_store_new (ZS_TYPE_ACTIVITY);
  self->firm_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->staff = g_new0 (char *, 1);
}

/**
 * zs_follow_ups_page_new:
 * @store: the store
 *
 * Returns: (transfer floating): the follow-ups page
 */
GtkWidget *
zs_follow_ups_page_new (ZsStore *store)
{
  ZsFollowUpsPage *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *recent_heading;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_FOLLOW_UPS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->me = zs_follow_up_me (store);
  gtk_box_append (GTK_BOX (box), create_toolbar (self));
  show_me (self);
  for (guint g = 0; g < ZS_FOLLOW_UP_N_GROUPS; g++)
    {
      self->headings[g] = GTK_LABEL (heading (NULL));
      self->lists[g] = create_list (self, self->groups[g], create_row, GTK_WIDGET (self->headings[g]));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->headings[g]));
      gtk_box_append (GTK_BOX (box), self->lists[g]);
    }
  recent_heading = heading (_("Latest Activities"));
  gtk_box_append (GTK_BOX (box), recent_heading);
  gtk_box_append (GTK_BOX (box), create_list (self, self->recent, create_recent_row, recent_heading));
  g_object_set (box, "margin-top", 18, "margin-bottom", 18, "margin-start", 12, "margin-end", 12, NULL);
  update_headings (self);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));

  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  g_signal_connect (self, "notify::root", G_CALLBACK (root_changed_cb), NULL);
  zs_follow_ups_page_reload (self);
  return GTK_WIDGET (self);
}

/* }}} */

/**
 * zs_follow_ups_page_set_today:
 * @self: a #ZsFollowUpsPage
 * @today: the day the groups are counted from, YYYY-MM-DD
 */
void
zs_follow_ups_page_set_today (ZsFollowUpsPage *self,
                              const char      *today)
{
  g_return_if_fail (ZS_IS_FOLLOW_UPS_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today);
  zs_follow_ups_page_reload (self);
}

/**
 * zs_follow_ups_page_set_me:
 * @self: a #ZsFollowUpsPage
 * @me: the staff member “Mine” stands for
 */
void
zs_follow_ups_page_set_me (ZsFollowUpsPage *self,
                           const char      *me)
{
  g_return_if_fail (ZS_IS_FOLLOW_UPS_PAGE (self));

  g_free (self->me);
  self->me = g_strdup (me);
  show_me (self);
  zs_follow_ups_page_reload (self);
}

/**
 * zs_follow_ups_page_set_mine:
 * @self: a #ZsFollowUpsPage
 * @mine: whether to list only the current staff member's follow-ups
 */
void
zs_follow_ups_page_set_mine (ZsFollowUpsPage *self,
                             gboolean         mine)
{
  g_return_if_fail (ZS_IS_FOLLOW_UPS_PAGE (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mine ? self->mine_button : self->all_button), TRUE);
}

/* A plugin loaded or unloaded may bring or take follow-ups. */
static void
plugins_changed_cb (ZsFollowUpsPage *self)
{
  zs_gtk_queue_reload (&self->reload_id, (ZsGtkReloadFunc) zs_follow_ups_page_reload, self);
}

/**
 * zs_follow_ups_page_set_engine:
 * @self: a #ZsFollowUpsPage
 * @engine: (nullable): the engine whose plugins list follow-ups
 */
void
zs_follow_ups_page_set_engine (ZsFollowUpsPage *self,
                               ZsPluginEngine  *engine)
{
  g_return_if_fail (ZS_IS_FOLLOW_UPS_PAGE (self));

  if (self->engine == engine)
    return;
  zs_gtk_clear_connected (&self->engine, self);
  if (engine == NULL)
    return;
  self->engine = g_object_ref (engine);
  g_signal_connect_swapped (engine, "plugin-loaded", G_CALLBACK (plugins_changed_cb), self);
  g_signal_connect_swapped (engine, "plugin-unloaded", G_CALLBACK (plugins_changed_cb), self);
  zs_follow_ups_page_reload (self);
}

/**
 * zs_follow_ups_page_get_group:
 * @self: a #ZsFollowUpsPage
 * @group: which group
 *
 * Returns: (transfer none): the group's items (#ZsActivity or #ZsFollowUp)
 */
GListModel *
zs_follow_ups_page_get_group (ZsFollowUpsPage *self,
                              ZsFollowUpGroup  group)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UPS_PAGE (self), NULL);
  g_return_val_if_fail (group < ZS_FOLLOW_UP_N_GROUPS, NULL);

  return G_LIST_MODEL (self->groups[group]);
}

/**
 * zs_follow_ups_page_get_recent:
 * @self: a #ZsFollowUpsPage
 *
 * Returns: (transfer none): the latest activities
 */
GListModel *
zs_follow_ups_page_get_recent (ZsFollowUpsPage *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UPS_PAGE (self), NULL);

  return G_LIST_MODEL (self->recent);
}
