/* zs-record.c: a record of a declared record type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-enums.h"
#include "zs-error.h"
#include "zs-json-text-private.h"
#include "zs-record-private.h"
#include "zs-util-private.h"

/**
 * ZsRecord:
 *
 * A record of a record type a plugin declared. Each registered type has its
 * own subclass of #ZsRecord with one property per field ('_' in the field's
 * name written '-'), so records of every kind are stored, audited, reverted
 * and notified the same way as core's firms and projects.
 */
typedef struct
{
  gint64  id;
  gint64  version;
  char   *created_at;
  char   *updated_at;
  GValue *values;      /* one per field of the class's record type */
  guint   n_values;
} ZsRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ZsRecord, zs_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_record_finalize (GObject *object)
{
  ZsRecordPrivate *priv = zs_record_get_instance_private (ZS_RECORD (object));

  g_free (priv->created_at);
  g_free (priv->updated_at);
  for (guint i = 0; i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_free (priv->values);

  G_OBJECT_CLASS (zs_record_parent_class)->finalize (object);
}

static void
zs_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZsRecordPrivate *priv = zs_record_get_instance_private (ZS_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, priv->version);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int64 (GObject    *object,
           gint64     *field,
           gint64      value,
           GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

static void
zs_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZsRecordPrivate *priv = zs_record_get_instance_private (ZS_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      set_int64 (object, &priv->id, g_value_get_int64 (value), pspec);
      break;
    case PROP_VERSION:
      set_int64 (object, &priv->version, g_value_get_int64 (value), pspec);
      break;
    case PROP_CREATED_AT:
      if (zs_set_string (&priv->created_at, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_UPDATED_AT:
      if (zs_set_string (&priv->updated_at, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_record_class_init (ZsRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zs_record_finalize;
  object_class->get_property = zs_record_get_property;
  object_class->set_property = zs_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_record_init (ZsRecord *self)
{
}

/* The run-time subclasses: property i + 1 is field i of the class's type. */

static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  ZsRecordPrivate *priv = zs_record_get_instance_private (ZS_RECORD (object));

  g_value_copy (&priv->values[prop_id - 1], value);
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  ZsRecordPrivate *priv = zs_record_get_instance_private (ZS_RECORD (object));
  GValue *slot = &priv->values[prop_id - 1];

  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);

      /* "" and no value are the same, as for core records */
      if (g_strcmp0 (text && text[0] ? text : NULL, g_value_get_string (slot)) == 0)
        return;
      g_value_set_string (slot, text && text[0] ? text : NULL);
    }
  else
    {
      if (g_param_values_cmp (pspec, slot, value) == 0)
        return;
      g_value_copy (value, slot);
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
field_instance_init (GTypeInstance *instance,
                     gpointer       klass)
{
  ZsRecordPrivate *priv = zs_record_get_instance_private (ZS_RECORD (instance));
  GPtrArray *fields = zs_record_type_get_fields (ZS_RECORD_CLASS (klass)->record_type);

  priv->n_values = fields->len;
  priv->values = g_new0 (GValue, fields->len);
  for (guint i = 0; i < fields->len; i++)
    g_value_init (&priv->values[i],
                  _zs_field_kind_value_type (zs_field_spec_get_kind (g_ptr_array_index (fields, i))));
}

static GParamSpec *
field_pspec (ZsFieldSpec *field)
{
  const char *name = zs_field_spec_get_property_name (field);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY;

  switch (_zs_field_kind_value_type (zs_field_spec_get_kind (field)))
    {
    case G_TYPE_INT64:
      return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case G_TYPE_DOUBLE:
      return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
    case G_TYPE_BOOLEAN:
      return g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
    default:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    }
}

static void
field_class_init (gpointer klass,
                  gpointer class_data)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ZsRecordType *record_type = class_data;
  GPtrArray *fields = zs_record_type_get_fields (record_type);

  ZS_RECORD_CLASS (klass)->record_type = g_object_ref (record_type);
  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;
  for (guint i = 0; i < fields->len; i++)
    g_object_class_install_property (object_class, i + 1, field_pspec (g_ptr_array_index (fields, i)));
}

/* Classes live as long as the process: a type registered again with the
 * same fields (after its plugin was deactivated and activated) gets its
 * old class back, now describing the new declaration; different fields get
 * a new class. */
GType
_zs_record_register_class (ZsRecordType *record_type)
{
  static GMutex lock;
  static GHashTable *classes;   /* signature → GType */
  g_autofree char *signature = _zs_record_type_signature (record_type);
  g_autofree char *base = g_strconcat ("ZsRecord_", zs_record_type_get_name (record_type), NULL);
  g_autofree char *type_name = NULL;
  GType gtype;

  g_strdelimit (base, ".", '_');
  g_mutex_lock (&lock);
  if (classes == NULL)
    classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtype = GPOINTER_TO_SIZE (g_hash_table_lookup (classes, signature));
  if (gtype != G_TYPE_INVALID)
    {
      ZsRecordClass *klass = g_type_class_ref (gtype);

      g_set_object (&klass->record_type, record_type);
      g_type_class_unref (klass);
    }
  else
    {
      GTypeInfo info = {
        .class_size = sizeof (ZsRecordClass),
        .class_init = field_class_init,
        .class_data = g_object_ref (record_type),
        .instance_size = sizeof (ZsRecord),
        .instance_init = field_instance_init,
      };

      type_name = g_strdup (base);
      for (guint n = 2; g_type_from_name (type_name) != G_TYPE_INVALID; n++)
        {
          g_free (type_name);
          type_name = g_strdup_printf ("%s_%u", base, n);
        }
      gtype = g_type_register_static (ZS_TYPE_RECORD, type_name, &info, 0);
      g_hash_table_insert (classes, g_strdup (signature), GSIZE_TO_POINTER (gtype));
    }
  g_mutex_unlock (&lock);
  return gtype;
}

/**
 * zs_record_new:
 * @record_type: a declared record type
 *
 * Returns: (transfer full): a new record of @record_type with the fields'
 *   defaults, not stored yet
 */
ZsRecord *
zs_record_new (ZsRecordType *record_type)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (record_type), NULL);
  g_return_val_if_fail (!zs_record_type_is_core (record_type), NULL);

  return ZS_RECORD (zs_record_type_new_record (record_type));
}

/**
 * zs_record_get_record_type:
 * @self: a #ZsRecord
 *
 * Returns: (transfer none): the record's type
 */
ZsRecordType *
zs_record_get_record_type (ZsRecord *self)
{
  g_return_val_if_fail (ZS_IS_RECORD (self), NULL);
  return ZS_RECORD_GET_CLASS (self)->record_type;
}

/**
 * zs_record_get_id:
 * @self: a #ZsRecord
 *
 * Returns: the record's id, 0 until stored
 */
gint64
zs_record_get_id (ZsRecord *self)
{
  ZsRecordPrivate *priv = zs_record_get_instance_private (self);

  g_return_val_if_fail (ZS_IS_RECORD (self), 0);
  return priv->id;
}

/**
 * zs_record_get_version:
 * @self: a #ZsRecord
 *
 * Returns: the stored version the record was read at, 0 until stored
 */
gint64
zs_record_get_version (ZsRecord *self)
{
  ZsRecordPrivate *priv = zs_record_get_instance_private (self);

  g_return_val_if_fail (ZS_IS_RECORD (self), 0);
  return priv->version;
}

/**
 * zs_record_get_created_at:
 * @self: a #ZsRecord
 *
 * Returns: (nullable): when the record was stored, as "YYYY-MM-DD HH:MM:SS"
 */
const char *
zs_record_get_created_at (ZsRecord *self)
{
  ZsRecordPrivate *priv = zs_record_get_instance_private (self);

  g_return_val_if_fail (ZS_IS_RECORD (self), NULL);
  return priv->created_at;
}

/**
 * zs_record_get_updated_at:
 * @self: a #ZsRecord
 *
 * Returns: (nullable): when the record was last changed
 */
const char *
zs_record_get_updated_at (ZsRecord *self)
{
  ZsRecordPrivate *priv = zs_record_get_instance_private (self);

  g_return_val_if_fail (ZS_IS_RECORD (self), NULL);
  return priv->updated_at;
}

/**
 * zs_record_get_value:
 * @self: a #ZsRecord
 * @field: a field's name
 * @value: (out caller-allocates): an uninitialized #GValue
 *
 * Returns: %FALSE when the record's type has no such field
 */
gboolean
zs_record_get_value (ZsRecord   *self,
                     const char *field,
                     GValue     *value)
{
  g_return_val_if_fail (ZS_IS_RECORD (self), FALSE);
  return zs_record_type_get_value (zs_record_get_record_type (self), G_OBJECT (self), field, value);
}

/**
 * zs_record_set_value:
 * @self: a #ZsRecord
 * @field: a field's name
 * @value: the new value
 * @error: return location for a #GError
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_INVALID for an unknown field or
 *   a value of the wrong type
 */
gboolean
zs_record_set_value (ZsRecord      *self,
                     const char    *field,
                     const GValue  *value,
                     GError       **error)
{
  g_return_val_if_fail (ZS_IS_RECORD (self), FALSE);
  return zs_record_type_set_value (zs_record_get_record_type (self), G_OBJECT (self), field, value, error);
}

static GValue *
field_slot (ZsRecord   *self,
            const char *field,
            GType       type)
{
  ZsRecordPrivate *priv = zs_record_get_instance_private (self);
  GPtrArray *fields = zs_record_type_get_fields (zs_record_get_record_type (self));
  ZsFieldSpec *spec = zs_record_type_lookup_field (zs_record_get_record_type (self), field);
  guint index;

  if (spec == NULL || !g_ptr_array_find (fields, spec, &index) || index >= priv->n_values)
    {
      g_critical ("%s has no field “%s”", zs_record_type_get_name (zs_record_get_record_type (self)), field);
      return NULL;
    }
  if (!G_VALUE_HOLDS (&priv->values[index], type))
    {
      g_critical ("The field “%s” does not hold a %s", field, g_type_name (type));
      return NULL;
    }
  return &priv->values[index];
}

static void
set_field (ZsRecord     *self,
           const char   *field,
           const GValue *value)
{
  ZsFieldSpec *spec = zs_record_type_lookup_field (zs_record_get_record_type (self), field);

  g_object_set_property (G_OBJECT (self), zs_field_spec_get_property_name (spec), value);
}

/**
 * zs_record_get_string:
 * @self: a #ZsRecord
 * @field: a text, date or enum field's name
 *
 * Returns: (nullable): the field's value
 */
const char *
zs_record_get_string (ZsRecord   *self,
                      const char *field)
{
  GValue *slot;

  g_return_val_if_fail (ZS_IS_RECORD (self), NULL);
  slot = field_slot (self, field, G_TYPE_STRING);
  return slot ? g_value_get_string (slot) : NULL;
}

/**
 * zs_record_set_string:
 * @self: a #ZsRecord
 * @field: a text, date or enum field's name
 * @value: (nullable): the new value; checked when the record is written
 */
void
zs_record_set_string (ZsRecord   *self,
                      const char *field,
                      const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (ZS_IS_RECORD (self));
  if (field_slot (self, field, G_TYPE_STRING) == NULL)
    return;
  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  set_field (self, field, &v);
}

/**
 * zs_record_get_int64:
 * @self: a #ZsRecord
 * @field: an integer or reference field's name
 *
 * Returns: the field's value, 0 for none
 */
gint64
zs_record_get_int64 (ZsRecord   *self,
                     const char *field)
{
  GValue *slot;

  g_return_val_if_fail (ZS_IS_RECORD (self), 0);
  slot = field_slot (self, field, G_TYPE_INT64);
  return slot ? g_value_get_int64 (slot) : 0;
}

/**
 * zs_record_set_int64:
 * @self: a #ZsRecord
 * @field: an integer or reference field's name
 * @value: the new value
 */
void
zs_record_set_int64 (ZsRecord   *self,
                     const char *field,
                     gint64      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (ZS_IS_RECORD (self));
  if (field_slot (self, field, G_TYPE_INT64) == NULL)
    return;
  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  set_field (self, field, &v);
}

/**
 * zs_record_get_double:
 * @self: a #ZsRecord
 * @field: a decimal or money field's name
 *
 * Returns: the field's value
 */
double
zs_record_get_double (ZsRecord   *self,
                      const char *field)
{
  GValue *slot;

  g_return_val_if_fail (ZS_IS_RECORD (self), 0);
  slot = field_slot (self, field, G_TYPE_DOUBLE);
  return slot ? g_value_get_double (slot) : 0;
}

/**
 * zs_record_set_double:
 * @self: a #ZsRecord
 * @field: a decimal or money field's name
 * @value: the new value
 */
void
zs_record_set_double (ZsRecord   *self,
                      const char *field,
                      double      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (ZS_IS_RECORD (self));
  if (field_slot (self, field, G_TYPE_DOUBLE) == NULL)
    return;
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  set_field (self, field, &v);
}

/**
 * zs_record_get_boolean:
 * @self: a #ZsRecord
 * @field: a boolean field's name
 *
 * Returns: the field's value
 */
gboolean
zs_record_get_boolean (ZsRecord   *self,
                       const char *field)
{
  GValue *slot;

  g_return_val_if_fail (ZS_IS_RECORD (self), FALSE);
  slot = field_slot (self, field, G_TYPE_BOOLEAN);
  return slot ? g_value_get_boolean (slot) : FALSE;
}

/**
 * zs_record_set_boolean:
 * @self: a #ZsRecord
 * @field: a boolean field's name
 * @value: the new value
 */
void
zs_record_set_boolean (ZsRecord   *self,
                       const char *field,
                       gboolean    value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (ZS_IS_RECORD (self));
  if (field_slot (self, field, G_TYPE_BOOLEAN) == NULL)
    return;
  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, !!value);
  set_field (self, field, &v);
}

static void
add_json_value (JsonBuilder  *builder,
                const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    g_value_get_string (value) ? json_builder_add_string_value (builder, g_value_get_string (value))
                               : json_builder_add_null_value (builder);
  else if (type == G_TYPE_INT64)
    json_builder_add_int_value (builder, g_value_get_int64 (value));
  else if (type == G_TYPE_INT)
    json_builder_add_int_value (builder, g_value_get_int (value));
  else if (type == G_TYPE_DOUBLE)
    json_builder_add_double_value (builder, g_value_get_double (value));
  else if (type == G_TYPE_BOOLEAN)
    json_builder_add_boolean_value (builder, g_value_get_boolean (value));
  else if (G_TYPE_IS_ENUM (type))
    json_builder_add_string_value (builder, zs_enum_to_nick (type, g_value_get_enum (value)));
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      json_builder_begin_array (builder);
      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_builder_add_string_value (builder, strv[i]);
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);
}

/**
 * zs_record_to_json:
 * @record: a record of any record type: a #ZsRecord, #ZsFirm, #ZsProject…
 *
 * Writes every property of @record under its name with '_' for '-' (the
 * keys of the command line's --json): id, version, created_at, updated_at
 * and the fields; text and dates as strings or null, enums as their value,
 * numbers and booleans as such.
 *
 * Returns: (transfer full): a JSON object
 */
/* A class's readable properties and their JSON keys: listing a class's
 * properties walks every property of the process, too slow for each
 * record the API writes. Classes keep their properties once made. */
typedef struct
{
  guint        n_properties;
  GParamSpec **pspecs;
  char       **keys;
} JsonLayout;

static const JsonLayout *
json_layout (GObjectClass *klass)
{
  static GHashTable *layouts;  /* GType → JsonLayout, never freed */
  G_LOCK_DEFINE_STATIC (layouts);
  JsonLayout *layout;

  G_LOCK (layouts);
  if (layouts == NULL)
    layouts = g_hash_table_new (NULL, NULL);
  layout = g_hash_table_lookup (layouts, GSIZE_TO_POINTER (G_OBJECT_CLASS_TYPE (klass)));
  if (layout == NULL)
    {
      guint n_pspecs;
      GParamSpec **pspecs = g_object_class_list_properties (klass, &n_pspecs);

      layout = g_new0 (JsonLayout, 1);
      layout->pspecs = g_new0 (GParamSpec *, n_pspecs);
      layout->keys = g_new0 (char *, n_pspecs + 1);
      for (guint i = 0; i < n_pspecs; i++)
        if (pspecs[i]->flags & G_PARAM_READABLE)
          {
            layout->pspecs[layout->n_properties] = pspecs[i];
            layout->keys[layout->n_properties++] = g_strdelimit (g_strdup (pspecs[i]->name), "-", '_');
          }
      g_free (pspecs);
      g_hash_table_insert (layouts, GSIZE_TO_POINTER (G_OBJECT_CLASS_TYPE (klass)), layout);
    }
  G_UNLOCK (layouts);
  return layout;
}

/**
 * zs_record_to_json:
 * @record: a record of any record type: a #ZsRecord, #ZsFirm, #ZsProject…
 *
 * Writes every property of @record under its name with '_' for '-' (the
 * keys of the command line's --json): id, version, created_at, updated_at
 * and the fields; text and dates as strings or null, enums as their value,
 * numbers and booleans as such.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
zs_record_to_json (GObject *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const JsonLayout *layout;

  g_return_val_if_fail (G_IS_OBJECT (record), NULL);

  layout = json_layout (G_OBJECT_GET_CLASS (record));
  json_builder_begin_object (builder);
  for (guint i = 0; i < layout->n_properties; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, layout->pspecs[i]->value_type);
      g_object_get_property (record, layout->pspecs[i]->name, &value);
      json_builder_set_member_name (builder, layout->keys[i]);
      add_json_value (builder, &value);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
append_json_value (GString      *out,
                   const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING && g_value_get_string (value) != NULL)
    _zs_json_append_string (out, g_value_get_string (value));
  else if (type == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, g_value_get_int64 (value));
  else if (type == G_TYPE_INT)
    g_string_append_printf (out, "%d", g_value_get_int (value));
  else if (type == G_TYPE_DOUBLE)
    _zs_json_append_double (out, g_value_get_double (value));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, g_value_get_boolean (value) ? "true" : "false");
  else if (G_TYPE_IS_ENUM (type) && zs_enum_to_nick (type, g_value_get_enum (value)) != NULL)
    _zs_json_append_string (out, zs_enum_to_nick (type, g_value_get_enum (value)));
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      g_string_append_c (out, '[');
      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          _zs_json_append_string (out, strv[i]);
        }
      g_string_append_c (out, ']');
    }
  else
    g_string_append (out, "null");
}

/**
 * zs_record_to_json_text:
 * @record: a record of any record type
 *
 * Writes @record as compact JSON text, the same text as
 * zs_json_to_text() of zs_record_to_json() but without building the
 * nodes: the API answers every read with it.
 *
 * Returns: (transfer full): the text
 */
char *
zs_record_to_json_text (GObject *record)
{
  GString *out = g_string_sized_new (512);
  const JsonLayout *layout;

  g_return_val_if_fail (G_IS_OBJECT (record), NULL);

  layout = json_layout (G_OBJECT_GET_CLASS (record));
  g_string_append_c (out, '{');
  for (guint i = 0; i < layout->n_properties; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, layout->pspecs[i]->value_type);
      g_object_get_property (record, layout->pspecs[i]->name, &value);
      if (i > 0)
        g_string_append_c (out, ',');
      _zs_json_append_string (out, layout->keys[i]);
      g_string_append_c (out, ':');
      append_json_value (out, &value);
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static gboolean
set_from_json (ZsRecordType  *record_type,
               GObject       *record,
               const char    *member,
               JsonNode      *node,
               GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (JSON_NODE_HOLDS_NULL (node))
    return zs_record_type_set_text (record_type, record, member, NULL, error);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(GStrvBuilder) strv = g_strv_builder_new ();
      g_auto(GStrv) items = NULL;
      g_autofree char *joined = NULL;
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (strv, json_array_get_string_element (array, i));
      items = g_strv_builder_end (strv);
      joined = g_strjoinv (",", items);
      return zs_record_type_set_text (record_type, record, member, joined, error);
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: an object is not a value of this field"), member);
      return FALSE;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return zs_record_type_set_text (record_type, record, member, json_node_get_string (node), error);
  json_node_get_value (node, &value);
  return zs_record_type_set_value (record_type, record, member, &value, error);
}

/**
 * zs_record_from_json:
 * @record_type: the record's type
 * @node: a JSON object with keys as zs_record_to_json() writes them
 * @error: return location for a #GError
 *
 * Makes a record of @record_type from JSON: "id" and "version" when given
 * (to update a stored record), and fields; text values are read as
 * zs_record_type_set_text() reads them. Fields missing from @node keep
 * their defaults; "created_at" and "updated_at" are ignored.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with
 *   %ZS_ERROR_INVALID naming the field and the value
 */
GObject *
zs_record_from_json (ZsRecordType  *record_type,
                     JsonNode      *node,
                     GError       **error)
{
  g_autoptr(GObject) record = NULL;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (ZS_IS_RECORD_TYPE (record_type), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: a record is a JSON object"),
                   zs_record_type_get_name (record_type));
      return NULL;
    }
  object = json_node_get_object (node);
  record = zs_record_type_new_record (record_type);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *value = json_object_get_member (object, member);

      if (g_str_equal (member, "created_at") || g_str_equal (member, "updated_at"))
        continue;
      if (g_str_equal (member, "id") || g_str_equal (member, "version"))
        {
          if (JSON_NODE_HOLDS_VALUE (value))
            g_object_set (record, member, json_node_get_int (value), NULL);
          continue;
        }
      if (!set_from_json (record_type, record, member, value, error))
        return NULL;
    }
  return g_steal_pointer (&record);
}
