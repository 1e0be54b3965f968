/* zs-record-editor.c: the detail and edit form of a firm or a project, with
 *   its history
 *
 * Saving hands the record to the core, which validates it. When the core
 * refuses, its message goes under the field it names and the form keeps
 * everything the user typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zs-record-editor.h"
#include "zs-gtk-util-private.h"
#include "zs-firm-hub.h"
#include "zs-firm-picker.h"
#include "zs-follow-ups-page.h"
#include "zs-stage-move-dialog.h"

typedef struct
{
  const char *entity;
  void      (*build)  (ZsRecordEditor *self);
  GObject  *(*load)   (ZsStore *store, gint64 id, GError **error);
  GType     (*type)   (void);
  gint64    (*add)    (ZsStore *store, GObject *record, GError **error);
  gboolean  (*update) (ZsStore *store, GObject *record, GError **error);
  const char *title_property;   /* the string that names a record */
} EntityKind;

struct _ZsRecordEditor
{
  GtkWidget         parent_instance;

  ZsStore          *store;
  const EntityKind *kind;
  gint64            id;
  gboolean          saving;
  guint             reload_id;
  GHashTable       *sector_names;
  GObject          *loaded;      /* the record as the form was filled */
  char             *loaded_inputs; /* what the form showed once filled */
  GSimpleActionGroup *actions;
  GtkWidget        *leave_dialog;

  GtkLabel         *title_label;
  GtkLabel         *stage_label;
  GtkMenuButton    *move_button;
  GtkLabel         *error_label;
  GtkStack         *stack;
  GtkScrolledWindow *details_scroller;
  guint             scroll_id;
  ZsRecordForm     *form;
  ZsHistoryList    *history;
  ZsFirmHub        *hub;         /* a firm's contacts, projects and activity */
  ZsRelatedRecords *related;     /* a project's activities and plugin records */
};

G_DEFINE_FINAL_TYPE (ZsRecordEditor, zs_record_editor, GTK_TYPE_WIDGET)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean save_record (ZsRecordEditor *self, gboolean overwrite);
static void add_sector_chooser (ZsRecordEditor *self);
static void add_region_field (ZsRecordEditor *self);
static void add_country_field (ZsRecordEditor *self);

/* Entities {{{ */

/* The labels of @enum_type's values, in order. */
static GStrv
enum_labels (GType enum_type)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);

  for (guint i = 0; i < klass->n_values; i++)
    g_strv_builder_add (builder, zs_enum_get_label (enum_type, klass->values[i].value));
  return g_strv_builder_end (builder);
}

static void
build_firm (ZsRecordEditor *self)
{
  ZsRecordForm *form = self->form;
  g_auto(GStrv) ownerships = enum_labels (ZS_TYPE_OWNERSHIP);

  zs_record_form_add_field (form, "name", _("Name"), ZS_FORM_FIELD_TEXT);
  zs_record_form_add_field (form, "name-other", _("Name in another script"), ZS_FORM_FIELD_TEXT);
  zs_record_form_add_field (form, "uscc", _("Unified social credit code"), ZS_FORM_FIELD_TEXT);
  zs_record_form_add_enum_field (form, "ownership", _("Ownership"), ZS_TYPE_OWNERSHIP,
                                 (const char * const *) ownerships);
  zs_record_form_add_field (form, "sectors", _("Sectors"), ZS_FORM_FIELD_LIST);
  zs_record_form_set_list_names (form, "sectors", self->sector_names);
  zs_record_form_add_alias (form, "sector", "sectors");
  add_sector_chooser (self);
  zs_record_form_add_field (form, "registered-capital", _("Registered capital (10,000 yuan)"), ZS_FORM_FIELD_NUMBER);
  add_country_field (self);
  add_region_field (self);
  zs_record_form_add_field (form, "address", _("Address"), ZS_FORM_FIELD_TEXT);
  zs_record_form_add_field (form, "website", _("Website"), ZS_FORM_FIELD_TEXT);
  zs_record_form_add_field (form, "business-scope", _("Business scope"), ZS_FORM_FIELD_MULTILINE);
  zs_record_form_add_field (form, "notes", _("Notes"), ZS_FORM_FIELD_MULTILINE);
}

/* The staff, and whoever owns a project now though not on the staff list,
 * so that opening a project never drops its owner. */
static void
add_owner_field (ZsRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = zs_store_list_staff (self->store, &error);
  g_auto(GStrv) owners = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) all = NULL;

  if (staff == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the staff"), error);
  g_clear_error (&error);
  owners = zs_store_list_project_owners (self->store, &error);
  if (owners == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the project owners"), error);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      const char *name = zs_staff_get_name (g_ptr_array_index (staff, i));

      if (name != NULL && g_hash_table_add (seen, (gpointer) name))
        g_strv_builder_add (names, name);
    }
  for (guint i = 0; owners != NULL && owners[i] != NULL; i++)
    if (g_hash_table_add (seen, owners[i]))
      g_strv_builder_add (names, owners[i]);
  all = g_strv_builder_end (names);
  zs_record_form_add_choice_field (self->form, "owner", _("Owner"),
                                   (const char * const *) all, (const char * const *) all);
}

static char *
clause_label (ZsClause *clause)
{
  /* Translators: a clause of the guideline in a list: its number and title */
  return g_strdup_printf (_("Clause %d: %s"), zs_clause_get_number (clause), zs_clause_get_title (clause));
}

static void
add_clause_field (ZsRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clauses = zs_store_list_clauses (self->store, &error);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) code_strv = NULL;
  g_auto(GStrv) label_strv = NULL;

  if (clauses == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the clauses"), error);
  for (guint i = 0; clauses != NULL && i < clauses->len; i++)
    {
      ZsClause *clause = g_ptr_array_index (clauses, i);
      g_autofree char *code = g_strdup_printf ("%d", zs_clause_get_number (clause));
      g_autofree char *label = clause_label (clause);

      g_strv_builder_add (codes, code);
      g_strv_builder_add (labels, label);
    }
  code_strv = g_strv_builder_end (codes);
  label_strv = g_strv_builder_end (labels);
  zs_record_form_add_choice_field (self->form, "clause", _("Guideline clause"),
                                   (const char * const *) code_strv, (const char * const *) label_strv);
}

static int
compare_by_clause (gconstpointer a,
                   gconstpointer b)
{
  int ca = zs_sector_get_clause (*(ZsSector **) a);
  int cb = zs_sector_get_clause (*(ZsSector **) b);

  /* sectors of no clause last */
  return (ca == 0) - (cb == 0) != 0 ? (ca == 0) - (cb == 0) : ca - cb;
}

/* The sectors to tick, under the clause of the guideline each falls in. */
static void
add_sector_chooser (ZsRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sectors = zs_store_list_sectors (self->store, 0, &error);
  g_autoptr(GPtrArray) clauses = NULL;
  g_autoptr(GHashTable) clause_titles = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) groups = g_strv_builder_new ();
  g_auto(GStrv) code_strv = NULL;
  g_auto(GStrv) name_strv = NULL;
  g_auto(GStrv) group_strv = NULL;

  if (sectors == NULL)
    return;
  clauses = zs_store_list_clauses (self->store, NULL);
  for (guint i = 0; clauses != NULL && i < clauses->len; i++)
    {
      ZsClause *clause = g_ptr_array_index (clauses, i);

      g_hash_table_insert (clause_titles, GINT_TO_POINTER (zs_clause_get_number (clause)), clause_label (clause));
    }
  /* stable: within a clause, the store's order */
  g_ptr_array_sort (sectors, compare_by_clause);
  for (guint i = 0; i < sectors->len; i++)
    {
      ZsSector *sector = g_ptr_array_index (sectors, i);
      const char *title = g_hash_table_lookup (clause_titles, GINT_TO_POINTER (zs_sector_get_clause (sector)));

      g_strv_builder_add (codes, zs_sector_get_code (sector));
      g_strv_builder_add (names, zs_sector_get_name (sector));
      g_strv_builder_add (groups, title != NULL ? title : _("Not under a clause"));
    }
  code_strv = g_strv_builder_end (codes);
  name_strv = g_strv_builder_end (names);
  group_strv = g_strv_builder_end (groups);
  zs_record_form_add_list_chooser (self->form, "sectors", _("C_hoose…"), (const char * const *) code_strv,
                                   (const char * const *) name_strv, (const char * const *) group_strv);
}

/* Regions by name (GB/T 2260 codes underneath), a firm's own code kept
 * when the seed lacks it. */
static void
add_region_field (ZsRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) regions = zs_store_list_regions (self->store, &error);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) code_strv = NULL;
  g_auto(GStrv) name_strv = NULL;

  if (regions == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the regions"), error);
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      ZsRegion *region = g_ptr_array_index (regions, i);
      const char *group = zs_region_get_group_name (region);
      /* Translators: a region in a list: its name and the larger region it is in */
      g_autofree char *label = group != NULL && group[0] != '\0'
                               ? g_strdup_printf (_("%s (%s)"), zs_region_get_name (region), group)
                               : g_strdup (zs_region_get_name (region));

      g_strv_builder_add (codes, zs_region_get_code (region));
      g_strv_builder_add (names, label);
    }
  code_strv = g_strv_builder_end (codes);
  name_strv = g_strv_builder_end (names);
  zs_record_form_add_choice_field (self->form, "region-code", _("Region"),
                                   (const char * const *) code_strv, (const char * const *) name_strv);
}

/* Countries by name; their codes typed where iso-codes is missing. */
static void
add_country_field (ZsRecordEditor *self)
{
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) names = NULL;

  if (zs_gtk_list_countries (&codes, &names))
    zs_record_form_add_choice_field (self->form, "country", _("Country"),
                                     (const char * const *) codes, (const char * const *) names);
  else
    zs_record_form_add_field (self->form, "country", _("Country (ISO code)"), ZS_FORM_FIELD_TEXT);
}

static void
add_park_field (ZsRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parks = zs_store_list_parks (self->store, &error);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) code_list = NULL;
  g_auto(GStrv) name_list = NULL;

  if (parks == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the parks"), error);

  for (guint i = 0; parks != NULL && i < parks->len; i++)
    {
      g_strv_builder_add (codes, zs_park_get_code (g_ptr_array_index (parks, i)));
      g_strv_builder_add (names, zs_park_get_name (g_ptr_array_index (parks, i)));
    }
  code_list = g_strv_builder_end (codes);
  name_list = g_strv_builder_end (names);
  zs_record_form_add_choice_field (self->form, "park-code", _("Park"),
                                   (const char * const *) code_list, (const char * const *) name_list);
  zs_record_form_add_alias (self->form, "park", "park-code");
}

static void
build_project (ZsRecordEditor *self)
{
  ZsRecordForm *form = self->form;
  g_auto(GStrv) channels = enum_labels (ZS_TYPE_SOURCE_CHANNEL);

  zs_record_form_add_field (form, "title", _("Title"), ZS_FORM_FIELD_TEXT);
  zs_record_form_add_firm_field (form, "firm-id", _("Investing firm"), self->store);
  add_park_field (self);
  zs_record_form_add_field (form, "sectors", _("Sectors"), ZS_FORM_FIELD_LIST);
  zs_record_form_set_list_names (form, "sectors", self->sector_names);
  zs_record_form_add_alias (form, "sector", "sectors");
  zs_record_form_add_field (form, "planned-investment", _("Planned investment (10,000 yuan)"), ZS_FORM_FIELD_NUMBER);
  zs_record_form_add_field (form, "realised-investment", _("Realised investment (10,000 yuan)"), ZS_FORM_FIELD_NUMBER);
  zs_record_form_add_field (form, "planned-jobs", _("Planned jobs"), ZS_FORM_FIELD_INTEGER);
  zs_record_form_add_field (form, "land-mu", _("Land (mu)"), ZS_FORM_FIELD_NUMBER);
  zs_record_form_add_enum_field (form, "source-channel", _("Source"), ZS_TYPE_SOURCE_CHANNEL,
                                 (const char * const *) channels);
  zs_record_form_add_firm_field (form, "referrer-firm-id", _("Referring firm"), self->store);
  add_owner_field (self);
  add_clause_field (self);
  add_sector_chooser (self);
}

static GObject *
load_firm (ZsStore *store, gint64 id, GError **error)
{
  return G_OBJECT (zs_store_get_firm (store, id, error));
}

static GObject *
load_project (ZsStore *store, gint64 id, GError **error)
{
  return G_OBJECT (zs_store_get_project (store, id, error));
}

static gint64
add_firm (ZsStore *store, GObject *record, GError **error)
{
  return zs_store_add_firm (store, ZS_FIRM (record), error);
}

static gint64
add_project (ZsStore *store, GObject *record, GError **error)
{
  return zs_store_add_project (store, ZS_PROJECT (record), error);
}

static gboolean
update_firm (ZsStore *store, GObject *record, GError **error)
{
  return zs_store_update_firm (store, ZS_FIRM (record), error);
}

static gboolean
update_project (ZsStore *store, GObject *record, GError **error)
{
  return zs_store_update_project (store, ZS_PROJECT (record), error);
}

static const EntityKind entity_kinds[] = {
  { "firm", build_firm, load_firm, zs_firm_get_type, add_firm, update_firm, "name" },
  { "project", build_project, load_project, zs_project_get_type, add_project, update_project, "title" },
};

/* }}} */

static gboolean
is_project (ZsRecordEditor *self)
{
  return g_str_equal (self->kind->entity, "project");
}

static void
show_error (ZsRecordEditor *self,
            const char     *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_header (ZsRecordEditor *self,
             GObject        *record)
{
  g_autofree char *title = NULL;

  if (self->id == 0)
    title = g_strdup (is_project (self) ? _("New Project") : _("New Firm"));
  else if (record != NULL)
    g_object_get (record, self->kind->title_property, &title, NULL);
  gtk_label_set_label (self->title_label, title != NULL ? title : "");

  gtk_widget_set_visible (GTK_WIDGET (self->stage_label), is_project (self) && self->id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->move_button), is_project (self) && self->id != 0);
  if (is_project (self) && record != NULL)
    /* Translators: %s is the stage of a project, such as “Signed” */
    gtk_label_set_label (self->stage_label, zs_stage_get_label (zs_project_get_stage (ZS_PROJECT (record))));
}

static GObject *
copy_record (GObject *record)
{
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_pspecs);
  GObject *copy = g_object_new (G_OBJECT_TYPE (record), NULL);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      g_object_get_property (record, pspecs[i]->name, &value);
      g_object_set_property (copy, pspecs[i]->name, &value);
    }
  return copy;
}

/* Copies to @record the fields the user changed in the form since it was
 * filled, and nothing else: a field someone else saved meanwhile, which
 * the form still shows as it was, keeps their value. */
static gboolean
apply_user_edits (ZsRecordEditor *self,
                  GObject        *record)
{
  g_autoptr(GObject) edited = copy_record (self->loaded);
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs = NULL;

  if (!zs_record_form_apply (self->form, edited))
    return FALSE;
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (edited), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) before = G_VALUE_INIT;
      g_auto(GValue) after = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          g_str_equal (pspecs[i]->name, "version"))
        continue;
      g_object_get_property (self->loaded, pspecs[i]->name, &before);
      g_object_get_property (edited, pspecs[i]->name, &after);
      if (g_param_values_cmp (pspecs[i], &before, &after) != 0)
        g_object_set_property (record, pspecs[i]->name, &after);
    }
  return TRUE;
}

/* What every input of the form holds, as one string: the form is changed
 * when this differs from what it was right after the record filled it. */
static char *
snapshot_inputs (ZsRecordEditor *self)
{
  g_autoptr(GString) snapshot = g_string_new (NULL);
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs = NULL;

  if (self->loaded == NULL)
    return NULL;
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self->loaded), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GtkWidget *input = zs_record_form_get_input (self->form, pspecs[i]->name);

      if (input == NULL)
        continue;
      g_string_append_printf (snapshot, "%s\x1f", pspecs[i]->name);
      if (GTK_IS_EDITABLE (input))
        g_string_append (snapshot, gtk_editable_get_text (GTK_EDITABLE (input)));
      else if (GTK_IS_TEXT_VIEW (input))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
          GtkTextIter start, end;
          g_autofree char *text = NULL;

          gtk_text_buffer_get_bounds (buffer, &start, &end);
          text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
          g_string_append (snapshot, text);
        }
      else if (GTK_IS_DROP_DOWN (input))
        g_string_append_printf (snapshot, "%u", gtk_drop_down_get_selected (GTK_DROP_DOWN (input)));
      else if (ZS_IS_FIRM_PICKER (input))
        g_string_append_printf (snapshot, "%" G_GINT64_FORMAT, zs_firm_picker_get_firm_id (ZS_FIRM_PICKER (input)));
      g_string_append_c (snapshot, '\x1e');
    }
  return g_string_free (g_steal_pointer (&snapshot), FALSE);
}

/* Save and Discard only act on a record the form could be filled from. */
static void
set_editable (ZsRecordEditor *self,
              gboolean        editable)
{
  const char * const names[] = { "save", "discard", "move-to" };

  gtk_widget_set_sensitive (GTK_WIDGET (self->form), editable);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i])),
                                 editable);
}

static void
load_record (ZsRecordEditor *self)
{
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  record = self->id != 0 ? self->kind->load (self->store, self->id, &error) : g_object_new (self->kind->type (), NULL);
  if (record == NULL)
    {
      /* Deleted, by a revert here or elsewhere: nothing to save, and the
       * history still shows how to bring it back. */
      if (g_error_matches (error, ZS_ERROR, ZS_ERROR_NOT_FOUND))
        show_error (self, is_project (self) ? _("This project was deleted. Revert its deletion in the history to bring it back.")
                                            : _("This firm was deleted. Revert its deletion in the history to bring it back."));
      else
        show_error (self, error->message);
      g_clear_object (&self->loaded);
      g_clear_pointer (&self->loaded_inputs, g_free);
      set_editable (self, FALSE);
      zs_history_list_set_record (self->history, self->kind->entity, self->id);
      if (self->hub != NULL)
        zs_firm_hub_set_firm (self->hub, 0);
      if (self->related != NULL)
        zs_related_records_set_record (self->related, 0);
      return;
    }
  show_error (self, NULL);
  set_editable (self, TRUE);
  g_clear_object (&self->loaded);
  self->loaded = copy_record (record);
  zs_record_form_set_record (self->form, record);
  g_free (self->loaded_inputs);
  self->loaded_inputs = snapshot_inputs (self);
  show_header (self, record);
  zs_history_list_set_record (self->history, self->kind->entity, self->id);
  /* a project's page shows its firm's contacts and activity */
  if (self->hub != NULL)
    zs_firm_hub_set_firm (self->hub, is_project (self) ? zs_project_get_firm_id (ZS_PROJECT (record)) : self->id);
  if (self->related != NULL)
    zs_related_records_set_record (self->related, self->id);
}

/* A revert or a move elsewhere changed the record shown: show it as it is. */
static void
store_changed_cb (ZsRecordEditor *self,
                  const char     *entity,
                  gint64          id,
                  ZsChangeKind    kind)
{
  if (self->saving || id != self->id || id == 0 ||
      g_strcmp0 (entity, self->kind->entity) != 0)
    return;
  zs_gtk_queue_reload (&self->reload_id, (ZsGtkReloadFunc) load_record, self);
}

static void
move_to_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ZsRecordEditor *self = user_data;
  ZsStage stage;

  if (!zs_stage_parse (g_variant_get_string (parameter, NULL), &stage, NULL))
    return;
  zs_stage_move_dialog_move_project (GTK_WIDGET (self), self->store, self->id, stage);
}

/* A project's visit, call or meeting is with its firm, as saved. */
static void
log_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  ZsRecordEditor *self = user_data;
  g_autofree char *me = NULL;
  int kind;

  if (!ZS_IS_PROJECT (self->loaded) ||
      !zs_enum_from_nick (ZS_TYPE_ACTIVITY_KIND, "kind", g_variant_get_string (parameter, NULL), &kind, NULL))
    return;
  me = zs_follow_up_me (self->store);
  zs_gtk_log_activity (GTK_WIDGET (self), self->store,
                       zs_project_get_firm_id (ZS_PROJECT (self->loaded)), self->id, me, kind);
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  zs_record_editor_save (user_data);
}

static void
discard_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  load_record (user_data);
}

static const GActionEntry editor_actions[] = {
  { .name = "move-to", .activate = move_to_action, .parameter_type = "s" },
  { .name = "log", .activate = log_action, .parameter_type = "s" },
  { .name = "save", .activate = save_action },
  { .name = "discard", .activate = discard_action },
};

static GMenuModel *
create_stage_menu (void)
{
  GMenu *menu = g_menu_new ();

  for (ZsStage stage = ZS_STAGE_LEAD; stage <= ZS_STAGE_LOST; stage++)
    {
      g_autofree char *action = g_strdup_printf ("editor.move-to::%s", zs_enum_to_nick (ZS_TYPE_STAGE, stage));

      g_menu_append (menu, zs_stage_get_label (stage), action);
    }
  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_header (ZsRecordEditor *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *discard = gtk_button_new_with_mnemonic (_("_Discard Changes"));
  g_autoptr(GMenuModel) menu = create_stage_menu ();

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_selectable (self->title_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-3");

  self->stage_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->stage_label), "accent");
  self->move_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->move_button, _("Move to…"));
  gtk_menu_button_set_menu_model (self->move_button, menu);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "editor.save");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "editor.discard");

  gtk_box_append (GTK_BOX (title_row), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (title_row), GTK_WIDGET (self->stage_label));
  /* The buttons go under the title; on a narrow window their labels
   * shorten rather than widen it. */
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->move_button));
  gtk_widget_set_hexpand (GTK_WIDGET (self->move_button), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->move_button), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), discard);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (discard))), PANGO_ELLIPSIZE_END);
  gtk_widget_set_halign (buttons, GTK_ALIGN_FILL);
  gtk_box_append (GTK_BOX (header), title_row);
  gtk_box_append (GTK_BOX (header), buttons);
  return header;
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  gtk_widget_set_margin_top (child, 12);
  gtk_widget_set_margin_bottom (child, 12);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

static void
build (ZsRecordEditor *self)
{
  GtkWidget *header = create_header (self);
  GtkWidget *switcher = gtk_stack_switcher_new ();

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  self->form = ZS_RECORD_FORM (zs_record_form_new ());
  self->history = ZS_HISTORY_LIST (zs_history_list_new (self->store));
  self->stack = GTK_STACK (gtk_stack_new ());
  self->details_scroller = GTK_SCROLLED_WINDOW (scrolled (GTK_WIDGET (self->form)));
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->details_scroller), "details", _("Details"));
  gtk_stack_add_titled (self->stack, scrolled (GTK_WIDGET (self->history)), "history", _("History"));
  /* a firm's page is where its contacts, projects and activities are */
  if (g_strcmp0 (self->kind->entity, "firm") == 0)
    {
      self->hub = ZS_FIRM_HUB (zs_firm_hub_new (self->store));
      gtk_stack_add_titled (self->stack, scrolled (GTK_WIDGET (self->hub)), "hub", _("Contacts"));
    }
  else
    {
      /* a project's activities, service case, placement… as records that refer to it */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *log = zs_gtk_create_log_button ("editor.log", _("Log a visit, call or meeting about the project, today"));

      gtk_widget_set_halign (log, GTK_ALIGN_END);
      gtk_widget_set_margin_top (log, 12);
      gtk_widget_set_margin_end (log, 12);
      self->related = ZS_RELATED_RECORDS (zs_related_records_new (self->store, self->kind->entity, NULL));
      gtk_box_append (GTK_BOX (box), log);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->related));
      gtk_stack_add_titled (self->stack, scrolled (box), "related", _("Related"));
      /* whom to call about the project: its firm's contacts, and all that
       * was done with the firm */
      self->hub = ZS_FIRM_HUB (zs_firm_hub_new (self->store));
      gtk_stack_add_titled (self->stack, scrolled (GTK_WIDGET (self->hub)), "hub", _("Firm"));
    }
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (switcher, "zs-record-tabs");

  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_parent (header, GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->error_label), GTK_WIDGET (self));
  gtk_widget_set_parent (switcher, GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
}

static void
zs_record_editor_dispose (GObject *object)
{
  ZsRecordEditor *self = ZS_RECORD_EDITOR (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  zs_gtk_unparent_children (GTK_WIDGET (self));
  zs_gtk_clear_connected (&self->store, self);
  g_clear_pointer (&self->sector_names, g_hash_table_unref);
  g_clear_object (&self->loaded);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->loaded_inputs, g_free);
  if (self->leave_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->leave_dialog), (gpointer *) &self->leave_dialog);
      self->leave_dialog = NULL;
    }

  G_OBJECT_CLASS (zs_record_editor_parent_class)->dispose (object);
}

static void
zs_record_editor_class_init (ZsRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zs_record_editor_dispose;

  /**
   * ZsRecordEditor::saved:
   * @self: the editor
   * @id: the id of the record saved, new or not
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
zs_record_editor_init (ZsRecordEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  g_action_map_add_action_entries (G_ACTION_MAP (group), editor_actions, G_N_ELEMENTS (editor_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "editor", G_ACTION_GROUP (group));
  self->actions = g_object_ref (group);
}

static GHashTable *
load_sector_names (ZsRecordEditor *self,
                   ZsStore        *store)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sectors = zs_store_list_sectors (store, 0, &error);

  if (sectors == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the sectors"), error);

  for (guint i = 0; sectors != NULL && i < sectors->len; i++)
    {
      ZsSector *sector = g_ptr_array_index (sectors, i);

      g_hash_table_insert (names, g_strdup (zs_sector_get_code (sector)), g_strdup (zs_sector_get_name (sector)));
    }
  return names;
}

/**
 * zs_record_editor_new:
 * @store: the store
 * @entity: "firm" or "project"
 *
 * Returns: (transfer floating): an editor for a new record of @entity
 */
GtkWidget *
zs_record_editor_new (ZsStore    *store,
                      const char *entity)
{
  ZsRecordEditor *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_RECORD_EDITOR, NULL);
  self->store = g_object_ref (store);
  for (guint i = 0; i < G_N_ELEMENTS (entity_kinds); i++)
    if (g_strcmp0 (entity_kinds[i].entity, entity) == 0)
      self->kind = &entity_kinds[i];
  g_return_val_if_fail (self->kind != NULL, GTK_WIDGET (self));

  self->sector_names = load_sector_names (self, store);
  build (self);
  self->kind->build (self);
  {
    /* the history names fields as the form does */
    g_autoptr(GHashTable) labels = zs_record_form_dup_labels (self->form);

    g_hash_table_insert (labels, g_strdup ("stage"), g_strdup (_("Stage")));
    zs_history_list_set_field_labels (self->history, labels);
  }
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  load_record (self);
  return GTK_WIDGET (self);
}

const char *
zs_record_editor_get_entity (ZsRecordEditor *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_EDITOR (self), NULL);

  return self->kind->entity;
}

gint64
zs_record_editor_get_record_id (ZsRecordEditor *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_EDITOR (self), 0);

  return self->id;
}

/**
 * zs_record_editor_set_record_id:
 * @self: a #ZsRecordEditor
 * @id: the record to show and edit; 0 for a new one
 */
static void
scroll_to_top (ZsRecordEditor *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->details_scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static gboolean
scroll_to_top_cb (gpointer data)
{
  ZsRecordEditor *self = data;

  self->scroll_id = 0;
  scroll_to_top (self);
  return G_SOURCE_REMOVE;
}

void
zs_record_editor_set_record_id (ZsRecordEditor *self,
                                gint64          id)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (ZS_IS_RECORD_EDITOR (self));

  self->id = id;
  gtk_stack_set_visible_child_name (self->stack, "details");
  /* An input of the previous record that kept the focus would scroll the
   * form to itself: another record starts at its name. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form)))
    gtk_widget_grab_focus (zs_record_form_get_input (self->form, self->kind->title_property));
  load_record (self);
  scroll_to_top (self);
  /* and again once the new values are laid out */
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  self->scroll_id = g_idle_add_full (G_PRIORITY_LOW, scroll_to_top_cb, self, NULL);
}

/**
 * zs_record_editor_is_dirty:
 * @self: a #ZsRecordEditor
 *
 * Returns: %TRUE if the form holds input that differs from the record it
 *   was filled from (or, for a new record, from an empty one)
 */
gboolean
zs_record_editor_is_dirty (ZsRecordEditor *self)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (ZS_IS_RECORD_EDITOR (self), FALSE);

  if (self->loaded == NULL || self->loaded_inputs == NULL)
    return FALSE;
  now = snapshot_inputs (self);
  return g_strcmp0 (now, self->loaded_inputs) != 0;
}

typedef struct
{
  ZsRecordEditor          *self;
  ZsRecordEditorLeaveFunc  leave;
  gpointer                 user_data;
  GDestroyNotify           destroy;
} Leave;

static void
leave_free (Leave *leave)
{
  if (leave->destroy != NULL)
    leave->destroy (leave->user_data);
  g_object_unref (leave->self);
  g_free (leave);
}

static void
leave_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Leave            *leave)
{
  ZsRecordEditor *self = leave->self;

  if (g_str_equal (response, "discard"))
    {
      load_record (self);
      leave->leave (leave->user_data);
    }
  else if (g_str_equal (response, "save"))
    {
      /* A refused save keeps the user here, with the reason shown. */
      if (save_record (self, FALSE))
        leave->leave (leave->user_data);
    }
}

/**
 * zs_record_editor_confirm_leave:
 * @self: a #ZsRecordEditor
 * @leave: what moves away from the record shown
 * @user_data: for @leave
 * @destroy: (nullable): frees @user_data, whether @leave ran or not
 *
 * Runs @leave at once when the form holds no unsaved input; else asks
 * whether to save it, discard it or stay, and runs @leave after a save
 * that succeeded or a discard.
 */
void
zs_record_editor_confirm_leave (ZsRecordEditor          *self,
                                ZsRecordEditorLeaveFunc  leave,
                                gpointer                 user_data,
                                GDestroyNotify           destroy)
{
  Leave *pending;
  GtkRoot *root;
  GtkWidget *dialog;
  g_autofree char *title = NULL;

  g_return_if_fail (ZS_IS_RECORD_EDITOR (self));
  g_return_if_fail (leave != NULL);

  if (!zs_record_editor_is_dirty (self))
    {
      leave (user_data);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }
  if (self->leave_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->leave_dialog));

  pending = g_new0 (Leave, 1);
  *pending = (Leave) { g_object_ref (self), leave, user_data, destroy };
  root = gtk_widget_get_root (GTK_WIDGET (self));
  title = zs_record_form_get_text (self->form, self->kind->title_property);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   is_project (self) ? _("Save Changes to the Project?")
                                                     : _("Save Changes to the Firm?"),
                                   NULL);
  if (title != NULL && title[0] != '\0')
    /* Translators: %s names the firm or project being edited */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("“%s” has changes that are not saved. Discarded changes cannot be brought back."),
                                    title);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("The form has changes that are not saved. Discarded changes cannot be brought back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (leave_response_cb), pending,
                         (GClosureNotify) (void (*) (void)) leave_free, 0);
  self->leave_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->leave_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * zs_record_editor_get_leave_dialog:
 * @self: a #ZsRecordEditor
 *
 * Returns: (transfer none) (nullable): the dialog asking what to do with
 *   unsaved input, while it is open
 */
AdwMessageDialog *
zs_record_editor_get_leave_dialog (ZsRecordEditor *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_EDITOR (self), NULL);

  return self->leave_dialog != NULL ? ADW_MESSAGE_DIALOG (self->leave_dialog) : NULL;
}

/**
 * zs_record_editor_new_record:
 * @self: a #ZsRecordEditor
 *
 * Empties the form for a record to be added.
 */
void
zs_record_editor_new_record (ZsRecordEditor *self)
{
  zs_record_editor_set_record_id (self, 0);
}

static gboolean
write_record (ZsRecordEditor  *self,
              GObject         *record,
              GError         **error)
{
  gint64 id;

  if (self->id != 0)
    return self->kind->update (self->store, record, error);

  id = self->kind->add (self->store, record, error);
  if (id == 0)
    return FALSE;
  self->id = id;
  return TRUE;
}

/**
 * zs_record_editor_save:
 * @self: a #ZsRecordEditor
 *
 * Writes the form to the store. A refusal is shown under the field the
 * core names (or above the form) and the form keeps the input.
 *
 * Returns: %TRUE if the record was saved
 */
static gint64
loaded_version (ZsRecordEditor *self)
{
  gint64 version = 0;

  g_object_get (self->loaded, "version", &version, NULL);
  return version;
}

static void
conflict_response (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  g_autoptr(ZsRecordEditor) self = user_data;

  if (g_str_equal (response, "theirs"))
    load_record (self);
  else if (g_str_equal (response, "mine"))
    save_record (self, TRUE);
}

/* Both values are in the message; the form keeps the user's input until
 * they choose. */
static void
ask_about_conflict (ZsRecordEditor *self,
                    const GError   *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            _("Someone Else Changed This Record"), error->message));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "theirs", _("Use _Their Values"),
                                    "mine", _("Save _Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "mine", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (conflict_response), g_object_ref (self));
  show_error (self, error->message);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
zs_record_editor_save (ZsRecordEditor *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_EDITOR (self), FALSE);

  return save_record (self, FALSE);
}

/* The core names the command that lists the sectors; in the app they are
 * on the Sectors page. */
static void
point_to_sectors_page (GError *error)
{
  /* the store's message, as translated for the store */
  g_auto(GStrv) parts = g_strsplit (_("sector: unknown sector “%s” (see “sectors list”)"), "%s", 2);
  const char *message = error->message;
  gsize length = strlen (message);
  g_autofree char *value = NULL;

  if (g_strv_length (parts) != 2 || !g_str_has_prefix (message, parts[0]) ||
      !g_str_has_suffix (message, parts[1]) || length < strlen (parts[0]) + strlen (parts[1]))
    return;
  value = g_strndup (message + strlen (parts[0]), length - strlen (parts[0]) - strlen (parts[1]));
  g_free (error->message);
  /* Translators: “sector” is a field name the form reads and must stay as is */
  error->message = g_strdup_printf (_("sector: unknown sector “%s”: the Sectors page lists every sector and its code"),
                                    value);
}

/* @overwrite: the user chose their values over those saved meanwhile */
static gboolean
save_record (ZsRecordEditor *self,
             gboolean        overwrite)
{
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  /* Start from the stored record, so that what the form does not show
   * (the stage of a project, timestamps) is written back unchanged. */
  record = self->id != 0 ? self->kind->load (self->store, self->id, &error) : g_object_new (self->kind->type (), NULL);
  show_error (self, NULL);
  if (record == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  if (self->id == 0 ? !zs_record_form_apply (self->form, record) : !apply_user_edits (self, record))
    return FALSE;
  /* Saved from the version the form was filled with: if someone changed
   * one of the same fields since, the store refuses, and the user chooses. */
  if (self->id != 0 && self->loaded != NULL && !overwrite)
    g_object_set (record, "version", loaded_version (self), NULL);

  self->saving = TRUE;
  saved = write_record (self, record, &error);
  self->saving = FALSE;
  if (!saved && g_error_matches (error, ZS_ERROR, ZS_ERROR_CONFLICT))
    {
      ask_about_conflict (self, error);
      return FALSE;
    }
  if (!saved)
    {
      point_to_sectors_page (error);
      /* A refusal that names no field (a viewer, a busy or read-only
       * database) is also said where the whole window sees it. */
      if (!zs_record_form_show_error (self->form, error))
        {
          show_error (self, error->message);
          zs_gtk_show_error (GTK_WIDGET (self), _("Cannot save"), error);
        }
      return FALSE;
    }

  load_record (self);
  g_signal_emit (self, signals[SAVED], 0, self->id);
  return TRUE;
}

ZsRecordForm *
zs_record_editor_get_form (ZsRecordEditor *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_EDITOR (self), NULL);

  return self->form;
}

/**
 * zs_record_editor_get_hub:
 * @self: a #ZsRecordEditor
 *
 * Returns: (transfer none) (nullable): a firm's contacts, projects and
 *   activities: of the firm shown, or of a project's firm
 */
ZsFirmHub *
zs_record_editor_get_hub (ZsRecordEditor *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_EDITOR (self), NULL);

  return self->hub;
}

/**
 * zs_record_editor_get_related:
 * @self: a #ZsRecordEditor
 *
 * Returns: (transfer none) (nullable): a project's related records, or
 *   %NULL for a firm, whose hub shows them
 */
ZsRelatedRecords *
zs_record_editor_get_related (ZsRecordEditor *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_EDITOR (self), NULL);

  return self->related;
}

/**
 * zs_record_editor_show_related:
 * @self: a #ZsRecordEditor
 *
 * Shows a project's related records.
 */
void
zs_record_editor_show_related (ZsRecordEditor *self)
{
  g_return_if_fail (ZS_IS_RECORD_EDITOR (self));

  if (self->related != NULL)
    gtk_stack_set_visible_child_name (self->stack, "related");
}

/**
 * zs_record_editor_show_hub:
 * @self: a #ZsRecordEditor
 *
 * Shows a firm's contacts and activity in place of its details.
 */
void
zs_record_editor_show_hub (ZsRecordEditor *self)
{
  g_return_if_fail (ZS_IS_RECORD_EDITOR (self));

  if (self->hub != NULL)
    gtk_stack_set_visible_child_name (self->stack, "hub");
}

ZsHistoryList *
zs_record_editor_get_history (ZsRecordEditor *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_EDITOR (self), NULL);

  return self->history;
}

/**
 * zs_record_editor_get_error_text:
 * @self: a #ZsRecordEditor
 *
 * Returns: (nullable): a refusal that names no field of the form
 */
const char *
zs_record_editor_get_error_text (ZsRecordEditor *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

void
zs_record_editor_show_history (ZsRecordEditor *self)
{
  g_return_if_fail (ZS_IS_RECORD_EDITOR (self));

  gtk_stack_set_visible_child_name (self->stack, "history");
}

/**
 * zs_record_editor_print:
 * @self: a #ZsRecordEditor
 *
 * Returns: (transfer full) (nullable): the record in the form, a field a
 *   row as it reads (unsaved input included), under its title; %NULL when
 *   no stored record is open
 */
ZsTablePrint *
zs_record_editor_print (ZsRecordEditor *self)
{
  const char *columns[] = { _("Field"), _("Value"), NULL };
  g_autoptr(GPtrArray) rows = NULL;
  ZsTablePrint *table;

  g_return_val_if_fail (ZS_IS_RECORD_EDITOR (self), NULL);

  if (self->id == 0)
    return NULL;
  table = zs_table_print_new (gtk_label_get_label (self->title_label), columns);
  rows = zs_record_form_dup_rows (self->form);
  zs_table_print_add_rows (table, rows);
  return table;
}
