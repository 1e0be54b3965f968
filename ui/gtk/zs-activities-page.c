/* zs-activities-page.c: follow-ups that are due, and the latest activities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zs-activities-page.h"
#include "zs-gtk-util-private.h"

/* Enough for a morning's calls; the rest waits for the next day. */
#define MAX_DUE 200
#define MAX_RECENT 100

#define NOTHING_DUE N_("Nothing is due")
#define NO_ACTIVITIES N_("No activities recorded")

struct _ZsActivitiesPage
{
  GtkWidget   parent_instance;

  ZsStore    *store;
  char       *today;       /* YYYY-MM-DD; the real date unless a test sets it */
  GListStore *due;
  GListStore *recent;
  GHashTable *firm_names;
  GtkLabel   *due_title;
  GtkLabel   *due_placeholder;
  GtkLabel   *recent_placeholder;
  guint       reload_id;
};

G_DEFINE_FINAL_TYPE (ZsActivitiesPage, zs_activities_page, GTK_TYPE_WIDGET)

static const char *
kind_label (ZsActivityKind kind)
{
  switch (kind)
    {
    case ZS_ACTIVITY_KIND_VISIT: return _("Visit");
    case ZS_ACTIVITY_KIND_CALL: return _("Call");
    case ZS_ACTIVITY_KIND_MEETING: return _("Meeting");
    case ZS_ACTIVITY_KIND_FAIR: return _("Fair");
    case ZS_ACTIVITY_KIND_EMAIL: return _("Email");
    default: return "";
    }
}

static const char *
firm_name (ZsActivitiesPage *self,
           gint64            id)
{
  const char *name = g_hash_table_lookup (self->firm_names, &id);
  g_autoptr(ZsFirm) firm = NULL;
  g_autoptr(GError) error = NULL;

  if (name != NULL)
    return name;
  firm = zs_store_get_firm (self->store, id, &error);
  if (firm == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot read a firm"), error);
  g_hash_table_insert (self->firm_names, g_memdup2 (&id, sizeof id),
                       g_strdup (firm != NULL ? zs_firm_get_name (firm) : ""));
  return g_hash_table_lookup (self->firm_names, &id);
}

static void
open_firm_cb (GtkWidget *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "firm-id"));

  gtk_widget_activate_action (row, "win.show-firm", "x", id);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ZsActivitiesPage *self = user_data;
  ZsActivity *activity = item;
  const char *follow_up = zs_activity_get_next_follow_up (activity);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: an activity: its kind (Visit, Call…) and the firm */
  title = g_strdup_printf (_("%s · %s"), kind_label (zs_activity_get_kind (activity)),
                           firm_name (self, zs_activity_get_firm_id (activity)));
  subtitle = g_strdup_printf ("%s  %s", zs_activity_get_date (activity),
                              zs_activity_get_notes (activity) ? zs_activity_get_notes (activity) : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  if (follow_up != NULL)
    {
      /* Translators: the date of the next follow-up of an activity */
      g_autofree char *text = g_strdup_printf (_("Follow up %s"), follow_up);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, strcmp (follow_up, self->today) < 0 ? "error" : "accent");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  g_object_set_data (G_OBJECT (row), "firm-id", GSIZE_TO_POINTER (zs_activity_get_firm_id (activity)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (open_firm_cb), NULL);
  return row;
}

/* A list that cannot be read says why where its rows would be. */
static void
fill (ZsActivitiesPage *self,
      GListStore       *store,
      GtkLabel         *placeholder,
      const char       *empty,
      GPtrArray        *activities,
      const GError     *error)
{
  g_list_store_remove_all (store);
  if (activities != NULL)
    g_list_store_splice (store, 0, 0, activities->pdata, activities->len);
  gtk_label_set_label (placeholder, error != NULL ? error->message : _(empty));
  if (error != NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the activities"), error);
}

void
zs_activities_page_reload (ZsActivitiesPage *self)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) due_error = NULL;
  g_autoptr(GError) recent_error = NULL;
  g_autofree char *title = NULL;
  int n;

  g_return_if_fail (ZS_IS_ACTIVITIES_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  due = zs_store_list_activities (self->store, 0, self->today, 0, MAX_DUE, &due_error);
  recent = zs_store_list_activities (self->store, 0, NULL, 0, MAX_RECENT, &recent_error);
  fill (self, self->due, self->due_placeholder, NOTHING_DUE, due, due_error);
  fill (self, self->recent, self->recent_placeholder, NO_ACTIVITIES, recent, recent_error);

  n = due != NULL ? (int) due->len : 0;
  /* Translators: %s is today's date */
  title = g_strdup_printf (ngettext ("%d follow-up due by %s", "%d follow-ups due by %s", n), n, self->today);
  gtk_label_set_label (self->due_title, title);
}

static void
store_changed_cb (ZsActivitiesPage *self,
                  const char       *entity,
                  gint64            id)
{
  if (g_strcmp0 (entity, "firm") == 0)
    g_hash_table_remove (self->firm_names, &id);
  if (self->reload_id == 0 && (g_strcmp0 (entity, "activity") == 0 || g_strcmp0 (entity, "firm") == 0))
    zs_gtk_queue_reload (&self->reload_id, (ZsGtkReloadFunc) zs_activities_page_reload, self);
}

static GtkWidget *
create_list (ZsActivitiesPage  *self,
             GListStore        *model,
             const char        *empty,
             GtkLabel         **placeholder_out)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (_(empty));

  gtk_widget_add_css_class (placeholder, "dim-label");
  g_object_set (placeholder, "margin-top", 12, "margin-bottom", 12, NULL);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  *placeholder_out = GTK_LABEL (placeholder);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (model), create_row, self, NULL);
  return list;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  return label;
}

static void
zs_activities_page_dispose (GObject *object)
{
  ZsActivitiesPage *self = ZS_ACTIVITIES_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  zs_gtk_unparent_children (GTK_WIDGET (self));
  zs_gtk_clear_connected (&self->store, self);
  g_clear_object (&self->due);
  g_clear_object (&self->recent);

  G_OBJECT_CLASS (zs_activities_page_parent_class)->dispose (object);
}

static void
zs_activities_page_finalize (GObject *object)
{
  ZsActivitiesPage *self = ZS_ACTIVITIES_PAGE (object);

  g_free (self->today);
  g_hash_table_unref (self->firm_names);

  G_OBJECT_CLASS (zs_activities_page_parent_class)->finalize (object);
}

static void
zs_activities_page_class_init (ZsActivitiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_activities_page_dispose;
  object_class->finalize = zs_activities_page_finalize;

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
zs_activities_page_init (ZsActivitiesPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->today = g_date_time_format (now, "%Y-%m-%d");
  self->due = g_list_store_new (ZS_TYPE_ACTIVITY);
  self->recent = g_list_store_new (ZS_TYPE_ACTIVITY);
  self->firm_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * zs_activities_page_new:
 * @store: the store
 *
 * Returns: (transfer floating): the activities page
 */
GtkWidget *
zs_activities_page_new (ZsStore *store)
{
  ZsActivitiesPage *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_ACTIVITIES_PAGE, NULL);
  self->store = g_object_ref (store);
  self->due_title = GTK_LABEL (heading (NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->due_title));
  gtk_box_append (GTK_BOX (box), create_list (self, self->due, NOTHING_DUE, &self->due_placeholder));
  gtk_box_append (GTK_BOX (box), heading (_("Latest activities")));
  gtk_box_append (GTK_BOX (box), create_list (self, self->recent, NO_ACTIVITIES, &self->recent_placeholder));
  g_object_set (box, "margin-top", 18, "margin-bottom", 18, "margin-start", 12, "margin-end", 12, NULL);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));

  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  zs_activities_page_reload (self);
  return GTK_WIDGET (self);
}

/**
 * zs_activities_page_set_today:
 * @self: a #ZsActivitiesPage
 * @today: the date follow-ups are due by, YYYY-MM-DD
 */
void
zs_activities_page_set_today (ZsActivitiesPage *self,
                              const char       *today)
{
  g_return_if_fail (ZS_IS_ACTIVITIES_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today);
  zs_activities_page_reload (self);
}

GListModel *
zs_activities_page_get_due (ZsActivitiesPage *self)
{
  g_return_val_if_fail (ZS_IS_ACTIVITIES_PAGE (self), NULL);

  return G_LIST_MODEL (self->due);
}

GListModel *
zs_activities_page_get_recent (ZsActivitiesPage *self)
{
  g_return_val_if_fail (ZS_IS_ACTIVITIES_PAGE (self), NULL);

  return G_LIST_MODEL (self->recent);
}
