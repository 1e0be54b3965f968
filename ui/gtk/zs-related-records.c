/* zs-related-records.c: the records of any type that refer to a record
 *
 * The record types of core and plugins declare which fields refer to a
 * firm or a project; a firm's or a project's page lists those records
 * here (a flying zone's placements, a service case, …) with no code in
 * the plugin. The records are read off the main thread, again when the
 * store changes one of those types, and whenever a plugin adds or
 * withdraws a record type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "zs-gtk-util-private.h"
#include "zs-related-records.h"

/* Records listed per group; the record's own page lists all. */
#define MAX_PER_GROUP 50
/* Fields shown in a row: two in its title, the rest in its subtitle. */
#define MAX_SHOWN_FIELDS 5

struct _ZsRelatedRecords
{
  GtkWidget     parent_instance;

  ZsStore      *store;
  char         *type_name;
  GStrv         skip_types;
  gint64        id;
  GPtrArray    *referrers;     /* Referrer, from the record types */
  GCancellable *cancellable;
  guint         reload_id;
  guint         n_groups;
  guint         n_records;

  GtkWidget    *box;
};

G_DEFINE_FINAL_TYPE (ZsRelatedRecords, zs_related_records, GTK_TYPE_WIDGET)

/* A field of a record type that refers to the shown type. */
typedef struct
{
  ZsRecordType *type;
  ZsFieldSpec  *field;
} Referrer;

typedef struct
{
  GPtrArray *referrers;   /* Referrer, shared with the widget */
  gint64     id;
} Query;

static void
referrer_free (Referrer *referrer)
{
  g_object_unref (referrer->type);
  g_object_unref (referrer->field);
  g_free (referrer);
}

static void
query_free (Query *query)
{
  g_ptr_array_unref (query->referrers);
  g_free (query);
}

/* Which fields of which registered types refer to the shown type. */
static void
find_referrers (ZsRelatedRecords *self)
{
  g_autoptr(GPtrArray) types = zs_store_list_record_types (self->store);

  g_ptr_array_set_size (self->referrers, 0);
  for (guint i = 0; i < types->len; i++)
    {
      ZsRecordType *type = g_ptr_array_index (types, i);
      GPtrArray *fields = zs_record_type_get_fields (type);

      if (self->skip_types != NULL && g_strv_contains ((const char * const *) self->skip_types,
                                                       zs_record_type_get_name (type)))
        continue;
      for (guint j = 0; j < fields->len; j++)
        {
          ZsFieldSpec *field = g_ptr_array_index (fields, j);
          Referrer *referrer;

          if (g_strcmp0 (zs_field_spec_get_reference (field), self->type_name) != 0)
            continue;
          referrer = g_new0 (Referrer, 1);
          referrer->type = g_object_ref (type);
          referrer->field = g_object_ref (field);
          g_ptr_array_add (self->referrers, referrer);
        }
    }
}

/* A row as the worker describes it. */
typedef struct
{
  char *title;
  char *subtitle;
} Row;

static void
row_free (Row *row)
{
  g_free (row->title);
  g_free (row->subtitle);
  g_free (row);
}

/* What a reference shows: the name or title of the record it names. */
static char *
name_of (ZsStore    *store,
         const char *type_name,
         const char *id_text,
         GHashTable *names)
{
  g_autofree char *key = g_strconcat (type_name, ":", id_text, NULL);
  const char *known = g_hash_table_lookup (names, key);
  ZsRecordType *type = zs_store_lookup_record_type (store, type_name);
  g_autoptr(GObject) record = NULL;
  char *name = NULL;

  if (known != NULL)
    return g_strdup (known);
  if (type != NULL)
    record = zs_store_get_record (store, type_name, g_ascii_strtoll (id_text, NULL, 10), NULL);
  for (const char * const *field = (const char *[]) { "name", "title", NULL }; record != NULL && *field && name == NULL; field++)
    if (zs_record_type_lookup_field (type, *field) != NULL)
      name = zs_record_type_get_text (type, record, *field);
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup (id_text);
    }
  g_hash_table_insert (names, g_steal_pointer (&key), g_strdup (name));
  return name;
}

/* A field's value as a person reads it: labels for enums, names for
 * references; NULL when empty. */
static char *
describe_value (ZsStore      *store,
                ZsRecordType *type,
                ZsFieldSpec  *field,
                GObject      *record,
                GHashTable   *names)
{
  g_autofree char *text = zs_record_type_get_text (type, record, zs_field_spec_get_name (field));

  if (text == NULL || *text == '\0')
    return NULL;
  switch (zs_field_spec_get_kind (field))
    {
    case ZS_FIELD_ENUM:
      return g_strdup (zs_field_spec_get_enum_label (field, text));
    case ZS_FIELD_REFERENCE:
      return name_of (store, zs_field_spec_get_reference (field), text, names);
    default:
      return g_steal_pointer (&text);
    }
}

static char *
join_range (GPtrArray *parts,
            guint      from,
            guint      to)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = from; i < to; i++)
    g_strv_builder_add (builder, g_ptr_array_index (parts, i));
  strv = g_strv_builder_end (builder);
  return g_strjoinv (" · ", strv);
}

/* "Zone: 苏伊飞地产业园 · From: 2024-03-01", the next fields below: the
 * record's first fields, but the one that refers to the shown record. */
static Row *
describe_record (ZsStore    *store,
                 Referrer   *referrer,
                 GObject    *record,
                 GHashTable *names)
{
  GPtrArray *fields = zs_record_type_get_fields (referrer->type);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  Row *row = g_new0 (Row, 1);

  for (guint i = 0; i < fields->len && parts->len < MAX_SHOWN_FIELDS; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (fields, i);
      g_autofree char *value = NULL;

      if (field != referrer->field &&
          (value = describe_value (store, referrer->type, field, record, names)) != NULL)
        /* Translators: a field and its value in a list of related records */
        g_ptr_array_add (parts, g_strdup_printf (_("%s: %s"), zs_field_spec_get_label (field), value));
    }
  if (parts->len == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, zs_record_get_id (ZS_RECORD (record)));

      /* Translators: a record without values: its kind and id, e.g. “Placement 12” */
      row->title = g_strdup_printf (_("%s %s"), zs_record_type_get_label (referrer->type), id);
    }
  else
    row->title = join_range (parts, 0, MIN (parts->len, 2));
  if (parts->len > 2)
    row->subtitle = join_range (parts, 2, parts->len);
  return row;
}

/* In a worker: per referrer, the rows of its records (maybe none). */
static gpointer
read_related (ZsStore       *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Query *query = data;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, query->id);

  for (guint i = 0; i < query->referrers->len; i++)
    {
      Referrer *referrer = g_ptr_array_index (query->referrers, i);
      g_autoptr(ZsRecordQuery) filter = zs_record_query_new ();
      g_autoptr(GPtrArray) records = NULL;
      GPtrArray *rows;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      zs_record_query_add_filter (filter, zs_field_spec_get_name (referrer->field), ZS_FILTER_EQUAL, id);
      zs_record_query_set_limit (filter, MAX_PER_GROUP);
      records = zs_store_list_records (store, zs_record_type_get_name (referrer->type), filter, error);
      if (records == NULL)
        return NULL;
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
      for (guint j = 0; j < records->len; j++)
        g_ptr_array_add (rows, describe_record (store, referrer, g_ptr_array_index (records, j), names));
      g_ptr_array_add (found, rows);
    }
  return g_steal_pointer (&found);
}

static GtkWidget *
create_row (Row *row)
{
  GtkWidget *widget = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), row->title);
  if (row->subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), row->subtitle);
  return widget;
}

/* The group's title: the type's plural label, and the field when the
 * type refers twice (a project's firm and its referring firm). */
static char *
group_title (ZsRelatedRecords *self,
             Referrer         *referrer)
{
  guint n_same = 0;

  for (guint i = 0; i < self->referrers->len; i++)
    n_same += ((Referrer *) g_ptr_array_index (self->referrers, i))->type == referrer->type;
  if (n_same < 2)
    return g_strdup (zs_record_type_get_plural_label (referrer->type));
  /* Translators: related records and the field that refers, e.g. “Projects (Referring firm)” */
  return g_strdup_printf (_("%s (%s)"), zs_record_type_get_plural_label (referrer->type),
                          zs_field_spec_get_label (referrer->field));
}

static void
show_related (gpointer      owner,
              gpointer      result,
              const GError *error)
{
  ZsRelatedRecords *self = owner;
  GPtrArray *found = result;

  zs_gtk_unparent_children (self->box);
  self->n_groups = self->n_records = 0;
  if (error != NULL)
    {
      zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the related records"), error);
      return;
    }
  for (guint i = 0; i < found->len && i < self->referrers->len; i++)
    {
      GPtrArray *rows = g_ptr_array_index (found, i);
      Referrer *referrer = g_ptr_array_index (self->referrers, i);
      g_autofree char *title = NULL;
      GtkWidget *group, *list;

      if (rows->len == 0)
        continue;
      title = group_title (self, referrer);
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      for (guint j = 0; j < rows->len; j++)
        gtk_list_box_append (GTK_LIST_BOX (list), create_row (g_ptr_array_index (rows, j)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
      gtk_box_append (GTK_BOX (self->box), group);
      self->n_groups++;
      self->n_records += rows->len;
    }
}

static void
reload (ZsRelatedRecords *self)
{
  Query *query;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->id == 0 || self->referrers->len == 0)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      zs_gtk_unparent_children (self->box);
      self->n_groups = self->n_records = 0;
      return;
    }
  query = g_new0 (Query, 1);
  query->referrers = g_ptr_array_ref (self->referrers);
  query->id = self->id;
  zs_gtk_read_in_thread (self, &self->cancellable, self->store, read_related, query,
                         (GDestroyNotify) query_free, show_related,
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
store_changed_cb (ZsRelatedRecords *self,
                  const char       *entity)
{
  for (guint i = 0; i < self->referrers->len && self->id != 0; i++)
    if (g_strcmp0 (entity, zs_record_type_get_name (((Referrer *) g_ptr_array_index (self->referrers, i))->type)) == 0)
      {
        zs_gtk_queue_reload (&self->reload_id, (ZsGtkReloadFunc) reload, self);
        return;
      }
}

/* A plugin loaded or unloaded: its types come or go. */
static void
record_types_changed_cb (ZsRelatedRecords *self)
{
  /* The worker shares the referrer array: a new one for the next read. */
  g_ptr_array_unref (self->referrers);
  self->referrers = g_ptr_array_new_with_free_func ((GDestroyNotify) referrer_free);
  find_referrers (self);
  zs_gtk_queue_reload (&self->reload_id, (ZsGtkReloadFunc) reload, self);
}

static void
zs_related_records_dispose (GObject *object)
{
  ZsRelatedRecords *self = ZS_RELATED_RECORDS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  zs_gtk_clear_connected (&self->store, self);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (zs_related_records_parent_class)->dispose (object);
}

static void
zs_related_records_finalize (GObject *object)
{
  ZsRelatedRecords *self = ZS_RELATED_RECORDS (object);

  g_ptr_array_unref (self->referrers);
  g_free (self->type_name);
  g_strfreev (self->skip_types);

  G_OBJECT_CLASS (zs_related_records_parent_class)->finalize (object);
}

static void
zs_related_records_class_init (ZsRelatedRecordsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zs_related_records_dispose;
  object_class->finalize = zs_related_records_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zs_related_records_init (ZsRelatedRecords *self)
{
  self->referrers = g_ptr_array_new_with_free_func ((GDestroyNotify) referrer_free);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

/**
 * zs_related_records_new:
 * @store: the store
 * @type_name: the record type shown, such as "firm" or "project"
 * @skip_types: (nullable) (array zero-terminated=1): record types the page
 *   shows in its own way, such as a firm's contacts
 *
 * Returns: (transfer floating): groups of the records of every registered
 *   type that refer to the record, one group per referring field
 */
GtkWidget *
zs_related_records_new (ZsStore            *store,
                        const char         *type_name,
                        const char * const *skip_types)
{
  ZsRelatedRecords *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);

  self = g_object_new (ZS_TYPE_RELATED_RECORDS, NULL);
  self->store = g_object_ref (store);
  self->type_name = g_strdup (type_name);
  self->skip_types = g_strdupv ((char **) skip_types);
  find_referrers (self);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (store, "record-type-added", G_CALLBACK (record_types_changed_cb), self);
  g_signal_connect_swapped (store, "record-type-removed", G_CALLBACK (record_types_changed_cb), self);
  return GTK_WIDGET (self);
}

void
zs_related_records_set_record (ZsRelatedRecords *self,
                               gint64            id)
{
  g_return_if_fail (ZS_IS_RELATED_RECORDS (self));

  self->id = id;
  reload (self);
}

gint64
zs_related_records_get_record (ZsRelatedRecords *self)
{
  g_return_val_if_fail (ZS_IS_RELATED_RECORDS (self), 0);
  return self->id;
}

/* How many groups and records the last read showed. */
guint
zs_related_records_get_n_groups (ZsRelatedRecords *self)
{
  g_return_val_if_fail (ZS_IS_RELATED_RECORDS (self), 0);
  return self->n_groups;
}

guint
zs_related_records_get_n_records (ZsRelatedRecords *self)
{
  g_return_val_if_fail (ZS_IS_RELATED_RECORDS (self), 0);
  return self->n_records;
}

/* TRUE while a read is pending: tests wait for it. */
gboolean
zs_related_records_is_loading (ZsRelatedRecords *self)
{
  g_return_val_if_fail (ZS_IS_RELATED_RECORDS (self), FALSE);
  return self->cancellable != NULL || self->reload_id != 0;
}
