/* zs-record-type.c: a kind of record, core or declared by a plugin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "zs-enums.h"
#include "zs-error.h"
#include "zs-record-private.h"

/**
 * ZsRecordType:
 *
 * A kind of record: its name, labels, version and fields. Core's firms,
 * contacts, projects, activities and staff are record types named "firm",
 * "contact", "project", "activity" and "staff"; a plugin declares its own,
 * named "module.local_name" (for example "flying_zone.partner"), in C,
 * through GObject introspection or in JSON (zs_record_type_new_from_json()),
 * and registers them on the store (zs_store_register_record_type()).
 *
 * A declared type's records are #ZsRecord objects of a class made for the
 * type when its records are first needed (zs_record_type_get_record_gtype());
 * the type takes no more fields from then on.
 */
struct _ZsRecordType
{
  GObject               parent_instance;

  char                 *name;
  char                 *module;
  char                 *local_name;
  char                 *table_name;
  char                 *label;
  char                 *plural_label;
  guint                 version;
  gboolean              core;
  GType                 record_gtype;
  GPtrArray            *fields;          /* ZsFieldSpec */
  ZsRecordValidateFunc  validate;
  gpointer              validate_data;
  GDestroyNotify        validate_destroy;
  ZsRecordCheckFunc     check;
  gpointer              check_data;
  GDestroyNotify        check_destroy;
  ZsRecordCheckFunc     delete_check;
  gpointer              delete_check_data;
  GDestroyNotify        delete_check_destroy;
};

G_DEFINE_FINAL_TYPE (ZsRecordType, zs_record_type, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LABEL,
  PROP_PLURAL_LABEL,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const reserved_fields[] = { "id", "version", "created_at", "updated_at", NULL };

static void
zs_record_type_finalize (GObject *object)
{
  ZsRecordType *self = ZS_RECORD_TYPE (object);

  if (self->validate_destroy != NULL)
    self->validate_destroy (self->validate_data);
  if (self->check_destroy != NULL)
    self->check_destroy (self->check_data);
  if (self->delete_check_destroy != NULL)
    self->delete_check_destroy (self->delete_check_data);
  g_free (self->name);
  g_free (self->module);
  g_free (self->local_name);
  g_free (self->table_name);
  g_free (self->label);
  g_free (self->plural_label);
  g_ptr_array_unref (self->fields);

  G_OBJECT_CLASS (zs_record_type_parent_class)->finalize (object);
}

static void
zs_record_type_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZsRecordType *self = ZS_RECORD_TYPE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LABEL:
      g_value_set_string (value, zs_record_type_get_label (self));
      break;
    case PROP_PLURAL_LABEL:
      g_value_set_string (value, zs_record_type_get_plural_label (self));
      break;
    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_name (ZsRecordType *self,
          const char   *name)
{
  const char *dot = name ? strchr (name, '.') : NULL;

  self->name = g_strdup (name);
  if (dot != NULL)
    {
      self->module = g_strndup (name, dot - name);
      self->local_name = g_strdup (dot + 1);
      self->table_name = g_strdelimit (g_strdup (name), ".", '_');
    }
  else
    {
      self->local_name = g_strdup (name);
    }
}

static void
zs_record_type_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ZsRecordType *self = ZS_RECORD_TYPE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      set_name (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    case PROP_PLURAL_LABEL:
      self->plural_label = g_value_dup_string (value);
      break;
    case PROP_VERSION:
      self->version = MAX (g_value_get_uint (value), 1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_record_type_class_init (ZsRecordTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zs_record_type_finalize;
  object_class->get_property = zs_record_type_get_property;
  object_class->set_property = zs_record_type_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLURAL_LABEL] =
    g_param_spec_string ("plural-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_record_type_init (ZsRecordType *self)
{
  self->version = 1;
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * zs_record_type_new:
 * @name: "module.local_name": the plugin's module name, a dot and the
 *   type's name, each of lower-case ASCII letters, digits and '_'
 * @label: (nullable): the label of one record, already translated
 * @plural_label: (nullable): the label of several records
 * @version: the version of the declaration, from 1; raise it when fields
 *   are added or renamed
 *
 * Returns: (transfer full): a new record type without fields. Its name is
 *   checked when it is registered.
 */
ZsRecordType *
zs_record_type_new (const char *name,
                    const char *label,
                    const char *plural_label,
                    guint       version)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (ZS_TYPE_RECORD_TYPE,
                       "name", name,
                       "label", label,
                       "plural-label", plural_label,
                       "version", MAX (version, 1),
                       NULL);
}

ZsRecordType *
_zs_record_type_new_core (const char *name,
                          const char *label,
                          const char *plural_label,
                          GType       record_gtype)
{
  ZsRecordType *self = zs_record_type_new (name, label, plural_label, 1);

  self->core = TRUE;
  self->table_name = NULL;
  self->record_gtype = record_gtype;
  return self;
}

/**
 * zs_record_type_get_name:
 * @self: a #ZsRecordType
 *
 * Returns: the type's name
 */
const char *
zs_record_type_get_name (ZsRecordType *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), NULL);
  return self->name;
}

/**
 * zs_record_type_get_module:
 * @self: a #ZsRecordType
 *
 * Returns: (nullable): the module part of a declared type's name, %NULL for
 *   a core type
 */
const char *
zs_record_type_get_module (ZsRecordType *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), NULL);
  return self->module;
}

/**
 * zs_record_type_get_local_name:
 * @self: a #ZsRecordType
 *
 * Returns: the name after the module's
 */
const char *
zs_record_type_get_local_name (ZsRecordType *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), NULL);
  return self->local_name;
}

/**
 * zs_record_type_get_table_name:
 * @self: a #ZsRecordType
 *
 * Returns: (nullable): the table of a declared type ("module_local_name");
 *   %NULL for core types
 */
const char *
zs_record_type_get_table_name (ZsRecordType *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), NULL);
  return self->table_name;
}

/**
 * zs_record_type_get_label:
 * @self: a #ZsRecordType
 *
 * Returns: the label of one record
 */
const char *
zs_record_type_get_label (ZsRecordType *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), NULL);
  return self->label ? self->label : self->name;
}

/**
 * zs_record_type_get_plural_label:
 * @self: a #ZsRecordType
 *
 * Returns: the label of several records
 */
const char *
zs_record_type_get_plural_label (ZsRecordType *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), NULL);
  return self->plural_label ? self->plural_label : zs_record_type_get_label (self);
}

/**
 * zs_record_type_get_version:
 * @self: a #ZsRecordType
 *
 * Returns: the declaration's version
 */
guint
zs_record_type_get_version (ZsRecordType *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), 1);
  return self->version;
}

/**
 * zs_record_type_is_core:
 * @self: a #ZsRecordType
 *
 * Returns: whether the type is one of core's (firm, contact, project,
 *   activity, staff)
 */
gboolean
zs_record_type_is_core (ZsRecordType *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), FALSE);
  return self->core;
}

/**
 * zs_record_type_add_field:
 * @self: a #ZsRecordType whose records were not made yet
 * @field: the field to add
 * @error: return location for a #GError
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_INVALID when the field's name is
 *   not snake_case, reserved (id, version, created_at, updated_at) or
 *   taken, or a reference field names no type
 */
gboolean
zs_record_type_add_field (ZsRecordType  *self,
                          ZsFieldSpec   *field,
                          GError       **error)
{
  const char *name;

  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), FALSE);
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (field), FALSE);
  g_return_val_if_fail (self->record_gtype == G_TYPE_INVALID || self->core, FALSE);

  name = zs_field_spec_get_name (field);
  if (!_zs_field_name_is_valid (name) || (!self->core && g_strv_contains (reserved_fields, name)))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("%s: “%s” is not a field name (lower-case letters, digits and _)"),
                   self->name, name);
      return FALSE;
    }
  if (zs_record_type_lookup_field (self, name) != NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: the field “%s” is declared twice"),
                   self->name, name);
      return FALSE;
    }
  if (zs_field_spec_get_kind (field) == ZS_FIELD_REFERENCE && zs_field_spec_get_reference (field) == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: the reference field “%s” names no record type"),
                   self->name, name);
      return FALSE;
    }
  g_ptr_array_add (self->fields, g_object_ref (field));
  return TRUE;
}

/**
 * zs_record_type_get_fields:
 * @self: a #ZsRecordType
 *
 * Returns: (transfer none) (element-type ZsFieldSpec): the fields in the
 *   order declared
 */
GPtrArray *
zs_record_type_get_fields (ZsRecordType *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), NULL);
  return self->fields;
}

/**
 * zs_record_type_lookup_field:
 * @self: a #ZsRecordType
 * @name: a field's name ('-' is read as '_')
 *
 * Returns: (transfer none) (nullable): the field, or %NULL
 */
ZsFieldSpec *
zs_record_type_lookup_field (ZsRecordType *self,
                             const char   *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = g_strdelimit (g_strdup (name), "-", '_');
  for (guint i = 0; i < self->fields->len; i++)
    if (g_str_equal (zs_field_spec_get_name (g_ptr_array_index (self->fields, i)), key))
      return g_ptr_array_index (self->fields, i);
  return NULL;
}

/**
 * zs_record_type_set_validate_func:
 * @self: a #ZsRecordType
 * @func: (nullable) (scope notified) (closure user_data) (destroy destroy):
 *   the record-level rule, or %NULL for none
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Sets the rule every record of the type must pass after its field rules,
 * for what fields cannot say alone.
 */
void
zs_record_type_set_validate_func (ZsRecordType         *self,
                                  ZsRecordValidateFunc  func,
                                  gpointer              user_data,
                                  GDestroyNotify        destroy)
{
  g_return_if_fail (ZS_IS_RECORD_TYPE (self));

  if (self->validate_destroy != NULL)
    self->validate_destroy (self->validate_data);
  self->validate = func;
  self->validate_data = user_data;
  self->validate_destroy = destroy;
}

gboolean
_zs_record_type_run_validate_func (ZsRecordType  *self,
                                   GObject       *record,
                                   GError       **error)
{
  g_autofree char *message = NULL;

  if (self->validate == NULL || (message = self->validate (record, self->validate_data)) == NULL)
    return TRUE;
  g_set_error_literal (error, ZS_ERROR, ZS_ERROR_INVALID, message);
  return FALSE;
}

/**
 * zs_record_type_set_check_func:
 * @self: a #ZsRecordType
 * @func: (nullable) (scope notified) (closure user_data) (destroy destroy):
 *   the rule that compares a record with the others, or %NULL for none
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Sets the rule the store checks on every write of a record of the type,
 * after the field rules and the validate function, for what needs other
 * records of the store.
 */
void
zs_record_type_set_check_func (ZsRecordType      *self,
                               ZsRecordCheckFunc  func,
                               gpointer           user_data,
                               GDestroyNotify     destroy)
{
  g_return_if_fail (ZS_IS_RECORD_TYPE (self));

  if (self->check_destroy != NULL)
    self->check_destroy (self->check_data);
  self->check = func;
  self->check_data = user_data;
  self->check_destroy = destroy;
}

/**
 * zs_record_type_set_delete_check_func:
 * @self: a #ZsRecordType
 * @func: (nullable) (scope notified) (closure user_data) (destroy destroy):
 *   the rule that says whether a record may go, or %NULL for none
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Sets the rule the store checks before it deletes a record of the type,
 * with the write lock held, for what other records need of it beyond a
 * reference field (for example "a placement stays inside an agreement's
 * term"). @func gets the record as stored.
 */
void
zs_record_type_set_delete_check_func (ZsRecordType      *self,
                                      ZsRecordCheckFunc  func,
                                      gpointer           user_data,
                                      GDestroyNotify     destroy)
{
  g_return_if_fail (ZS_IS_RECORD_TYPE (self));

  if (self->delete_check_destroy != NULL)
    self->delete_check_destroy (self->delete_check_data);
  self->delete_check = func;
  self->delete_check_data = user_data;
  self->delete_check_destroy = destroy;
}

static gboolean
run_rule (ZsRecordType       *self,
          ZsRecordCheckFunc   func,
          gpointer            data,
          GObject            *store,
          GObject            *record,
          GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (func == NULL || func (store, record, data, &local_error))
    return TRUE;
  /* A rule that fails must say why. */
  if (local_error == NULL)
    g_set_error (&local_error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: the record breaks a rule of its type"),
                 self->name);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
_zs_record_type_run_check_func (ZsRecordType  *self,
                                GObject       *store,
                                GObject       *record,
                                GError       **error)
{
  return run_rule (self, self->check, self->check_data, store, record, error);
}

gboolean
_zs_record_type_has_delete_check_func (ZsRecordType *self)
{
  return self->delete_check != NULL;
}

gboolean
_zs_record_type_run_delete_check_func (ZsRecordType  *self,
                                       GObject       *store,
                                       GObject       *record,
                                       GError       **error)
{
  return run_rule (self, self->delete_check, self->delete_check_data, store, record, error);
}

/**
 * zs_record_type_validate:
 * @self: a #ZsRecordType
 * @record: a record of the type
 * @error: return location for a #GError
 *
 * Checks the rules that need no other record: every field's (see
 * zs_field_spec_check_value()), then the type's validate function. The
 * store checks these and the unique and reference rules on every write.
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_INVALID naming the field and
 *   the value
 */
gboolean
zs_record_type_validate (ZsRecordType  *self,
                         GObject       *record,
                         GError       **error)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (self->fields, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (!zs_record_type_get_value (self, record, zs_field_spec_get_name (field), &value))
        continue;
      if (G_VALUE_TYPE (&value) == _zs_field_kind_value_type (zs_field_spec_get_kind (field)) &&
          !zs_field_spec_check_value (field, &value, error))
        return FALSE;
    }
  return _zs_record_type_run_validate_func (self, record, error);
}

/**
 * zs_record_type_get_record_gtype:
 * @self: a #ZsRecordType
 *
 * The class of the type's records: for core types their model class
 * (#ZsFirm …), for declared types a #ZsRecord subclass made now if needed.
 *
 * Returns: the #GType of the type's records
 */
GType
zs_record_type_get_record_gtype (ZsRecordType *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), G_TYPE_INVALID);

  if (self->record_gtype == G_TYPE_INVALID)
    self->record_gtype = _zs_record_register_class (self);
  return self->record_gtype;
}

/**
 * zs_record_type_new_record:
 * @self: a #ZsRecordType
 *
 * Returns: (transfer full): a new record of the type, not stored yet, with
 *   the fields' defaults
 */
GObject *
zs_record_type_new_record (ZsRecordType *self)
{
  GObject *record;

  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), NULL);

  record = g_object_new (zs_record_type_get_record_gtype (self), NULL);
  for (guint i = 0; i < self->fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (self->fields, i);

      if (zs_field_spec_get_default (field) != NULL)
        zs_record_type_set_text (self, record, zs_field_spec_get_name (field),
                                 zs_field_spec_get_default (field), NULL);
    }
  return record;
}

/**
 * zs_record_type_get_value:
 * @self: a #ZsRecordType
 * @record: a record of the type
 * @field: a field's name
 * @value: (out caller-allocates): an uninitialized #GValue, set to the
 *   field's property type
 *
 * Returns: %FALSE when the type has no such field
 */
gboolean
zs_record_type_get_value (ZsRecordType *self,
                          GObject      *record,
                          const char   *field,
                          GValue       *value)
{
  ZsFieldSpec *spec;
  GParamSpec *pspec;

  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  if ((spec = zs_record_type_lookup_field (self, field)) == NULL ||
      (pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record),
                                             zs_field_spec_get_property_name (spec))) == NULL)
    return FALSE;
  g_value_init (value, pspec->value_type);
  g_object_get_property (record, pspec->name, value);
  return TRUE;
}

static gboolean
no_such_field (ZsRecordType  *self,
               const char    *field,
               GError       **error)
{
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: there is no field “%s”"), self->name, field);
  return FALSE;
}

/**
 * zs_record_type_set_value:
 * @self: a #ZsRecordType
 * @record: a record of the type
 * @field: a field's name
 * @value: the value, of the field's property type or one that transforms
 *   to it
 * @error: return location for a #GError
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_INVALID for an unknown field or
 *   a value of the wrong type
 */
gboolean
zs_record_type_set_value (ZsRecordType  *self,
                          GObject       *record,
                          const char    *field,
                          const GValue  *value,
                          GError       **error)
{
  ZsFieldSpec *spec;
  GParamSpec *pspec;
  g_auto(GValue) converted = G_VALUE_INIT;

  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  if ((spec = zs_record_type_lookup_field (self, field)) == NULL ||
      (pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record),
                                             zs_field_spec_get_property_name (spec))) == NULL)
    return no_such_field (self, field, error);
  g_value_init (&converted, pspec->value_type);
  if (!g_value_transform (value, &converted))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: a %s is not a value of this field"),
                   field, G_VALUE_TYPE_NAME (value));
      return FALSE;
    }
  g_object_set_property (record, pspec->name, &converted);
  return TRUE;
}

/**
 * zs_record_type_get_text:
 * @self: a #ZsRecordType
 * @record: a record of the type
 * @field: a field's name
 *
 * Returns: (transfer full) (nullable): the value as text that
 *   zs_record_type_set_text() reads back, %NULL for none
 */
char *
zs_record_type_get_text (ZsRecordType *self,
                         GObject      *record,
                         const char   *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *joined = NULL;

  if (!zs_record_type_get_value (self, record, field, &value))
    return NULL;
  if (G_VALUE_HOLDS (&value, G_TYPE_STRV))
    return g_value_get_boxed (&value) ? g_strjoinv (",", g_value_get_boxed (&value)) : NULL;
  return zs_field_spec_format_value (zs_record_type_lookup_field (self, field), &value);
}

static gboolean
set_text_other (GObject     *record,
                GParamSpec  *pspec,
                const char  *text,
                GError     **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  int number = 0;

  g_value_init (&value, pspec->value_type);
  if (G_TYPE_IS_ENUM (pspec->value_type))
    {
      if (text != NULL && text[0] != '\0' &&
          !zs_enum_from_nick (pspec->value_type, g_param_spec_get_name (pspec), text, &number, error))
        return FALSE;
      g_value_set_enum (&value, number);
    }
  else if (pspec->value_type == G_TYPE_STRV)
    g_value_take_boxed (&value, text && text[0] ? g_strsplit (text, ",", -1) : NULL);
  else if (pspec->value_type == G_TYPE_INT)
    g_value_set_int (&value, text ? atoi (text) : 0);
  else
    g_return_val_if_reached (FALSE);
  g_object_set_property (record, pspec->name, &value);
  return TRUE;
}

/**
 * zs_record_type_set_text:
 * @self: a #ZsRecordType
 * @record: a record of the type
 * @field: a field's name
 * @text: (nullable): the value as a user writes it (see
 *   zs_field_spec_parse_value()); empty or %NULL clears the field
 * @error: return location for a #GError
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_INVALID naming the field and
 *   the text
 */
gboolean
zs_record_type_set_text (ZsRecordType  *self,
                         GObject       *record,
                         const char    *field,
                         const char    *text,
                         GError       **error)
{
  ZsFieldSpec *spec;
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  if ((spec = zs_record_type_lookup_field (self, field)) == NULL ||
      (pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record),
                                             zs_field_spec_get_property_name (spec))) == NULL)
    return no_such_field (self, field, error);
  if (pspec->value_type != _zs_field_kind_value_type (zs_field_spec_get_kind (spec)))
    return set_text_other (record, pspec, text, error);   /* core enums and lists */
  if (!zs_field_spec_parse_value (spec, text, &value, error))
    return FALSE;
  g_object_set_property (record, pspec->name, &value);
  return TRUE;
}

/* Two declarations with the same signature can share a record class. */
char *
_zs_record_type_signature (ZsRecordType *self)
{
  GString *signature = g_string_new (self->name);

  for (guint i = 0; i < self->fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (self->fields, i);
      g_string_append_printf (signature, " %s:%d", zs_field_spec_get_name (field), zs_field_spec_get_kind (field));
    }
  return g_string_free (signature, FALSE);
}

static const char *
member_string (JsonObject *object,
               const char *member,
               const char *domain)
{
  const char *text = json_object_get_string_member_with_default (object, member, NULL);

  return text != NULL && domain != NULL ? g_dgettext (domain, text) : text;
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
bad_declaration (GError    **error,
                 const char *where,
                 const char *what)
{
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("record type declaration: %s: %s"), where, what);
  return FALSE;
}

static gboolean
add_enum_values (ZsFieldSpec  *field,
                 JsonObject   *object,
                 const char   *domain,
                 GError      **error)
{
  JsonArray *values = member_array (object, "values");

  if (values == NULL || json_array_get_length (values) == 0)
    return bad_declaration (error, zs_field_spec_get_name (field), _("an enum field needs “values”"));
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonNode *node = json_array_get_element (values, i);

      if (JSON_NODE_HOLDS_VALUE (node))
        zs_field_spec_add_enum_value (field, json_node_get_string (node), NULL);
      else if (JSON_NODE_HOLDS_OBJECT (node))
        zs_field_spec_add_enum_value (field,
                                      json_object_get_string_member_with_default (json_node_get_object (node), "value", ""),
                                      member_string (json_node_get_object (node), "label", domain));
    }
  return TRUE;
}

static void
set_range (ZsFieldSpec *field,
           JsonObject  *object)
{
  if (json_object_has_member (object, "min"))
    zs_field_spec_set_minimum (field, json_object_get_double_member (object, "min"));
  if (json_object_has_member (object, "max"))
    zs_field_spec_set_maximum (field, json_object_get_double_member (object, "max"));
}

static ZsFieldSpec *
field_from_json (JsonNode    *node,
                 const char  *domain,
                 GError     **error)
{
  JsonObject *object;
  const char *name, *kind_nick, *on_delete;
  int kind = ZS_FIELD_TEXT, delete = ZS_ON_DELETE_RESTRICT;
  g_autoptr(ZsFieldSpec) field = NULL;
  JsonNode *fallback;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad_declaration (error, "fields", _("each field is an object")), NULL;
  object = json_node_get_object (node);
  name = json_object_get_string_member_with_default (object, "name", NULL);
  kind_nick = json_object_get_string_member_with_default (object, "kind", "text");
  if (name == NULL)
    return bad_declaration (error, "fields", _("a field has no “name”")), NULL;
  if (!zs_enum_from_nick (ZS_TYPE_FIELD_KIND, name, kind_nick, &kind, error))
    return NULL;

  field = zs_field_spec_new (name, kind, member_string (object, "label", domain));
  zs_field_spec_set_required (field, json_object_get_boolean_member_with_default (object, "required", FALSE));
  zs_field_spec_set_unique (field, json_object_get_boolean_member_with_default (object, "unique", FALSE));
  zs_field_spec_set_searchable (field, json_object_get_boolean_member_with_default (object, "searchable", FALSE));
  zs_field_spec_set_since_version (field, json_object_get_int_member_with_default (object, "since_version", 1));
  zs_field_spec_set_renamed_from (field, json_object_get_string_member_with_default (object, "renamed_from", NULL));
  set_range (field, object);
  if ((fallback = json_object_get_member (object, "default")) != NULL && JSON_NODE_HOLDS_VALUE (fallback))
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) text = G_VALUE_INIT;

      json_node_get_value (fallback, &value);
      g_value_init (&text, G_TYPE_STRING);
      if (G_VALUE_HOLDS_BOOLEAN (&value))
        g_value_set_string (&text, g_value_get_boolean (&value) ? "true" : "false");
      else
        g_value_transform (&value, &text);
      zs_field_spec_set_default (field, g_value_get_string (&text));
    }
  if (kind == ZS_FIELD_ENUM && !add_enum_values (field, object, domain, error))
    return NULL;
  if (kind == ZS_FIELD_REFERENCE)
    {
      on_delete = json_object_get_string_member_with_default (object, "on_delete", "restrict");
      if (!zs_enum_from_nick (ZS_TYPE_ON_DELETE, name, on_delete, &delete, error))
        return NULL;
      zs_field_spec_set_reference (field, json_object_get_string_member_with_default (object, "reference", NULL), delete);
    }
  return g_steal_pointer (&field);
}

/**
 * zs_record_type_new_from_json_node:
 * @node: a declaration (see zs_record_type_new_from_json())
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the record type, or %NULL with
 *   %ZS_ERROR_INVALID saying what is wrong
 */
ZsRecordType *
zs_record_type_new_from_json_node (JsonNode  *node,
                                   GError   **error)
{
  JsonObject *object;
  JsonArray *fields;
  const char *name, *domain;
  g_autoptr(ZsRecordType) self = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad_declaration (error, "/", _("a declaration is an object")), NULL;
  object = json_node_get_object (node);
  if ((name = json_object_get_string_member_with_default (object, "name", NULL)) == NULL)
    return bad_declaration (error, "/", _("“name” is missing")), NULL;
  domain = json_object_get_string_member_with_default (object, "gettext_domain", NULL);

  self = zs_record_type_new (name, member_string (object, "label", domain),
                             member_string (object, "plural_label", domain),
                             json_object_get_int_member_with_default (object, "version", 1));
  fields = member_array (object, "fields");
  for (guint i = 0; fields != NULL && i < json_array_get_length (fields); i++)
    {
      g_autoptr(ZsFieldSpec) field = field_from_json (json_array_get_element (fields, i), domain, error);

      if (field == NULL || !zs_record_type_add_field (self, field, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * zs_record_type_new_from_json:
 * @json: a declaration as JSON text
 * @error: return location for a #GError
 *
 * Reads a record type declared in JSON, for example from a plugin's
 * resources:
 *
 * |[<!-- language="json" -->
 * {
 *   "name": "flying_zone.partner", "version": 2,
 *   "label": "Partner", "plural_label": "Partners",
 *   "gettext_domain": "zhaoshang-flying-zone",
 *   "fields": [
 *     { "name": "name", "kind": "text", "label": "Name", "required": true,
 *       "unique": true, "searchable": true, "max": 80 },
 *     { "name": "city", "kind": "text", "since_version": 2, "renamed_from": "town" },
 *     { "name": "grade", "kind": "enum", "default": "a",
 *       "values": [ { "value": "a", "label": "A" }, "b" ] },
 *     { "name": "budget", "kind": "money", "min": 0 },
 *     { "name": "firm", "kind": "reference", "reference": "firm", "on_delete": "cascade" }
 *   ]
 * }
 * ]|
 *
 * Kinds are text, integer, decimal, money, date, boolean, enum and
 * reference; "min" and "max" bound numbers and the length of text. Labels
 * are translated with "gettext_domain" when given.
 *
 * Returns: (transfer full) (nullable): the record type, or %NULL with
 *   %ZS_ERROR_INVALID saying what is wrong
 */
ZsRecordType *
zs_record_type_new_from_json (const char  *json,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    return bad_declaration (error, "JSON", local_error->message), NULL;
  return zs_record_type_new_from_json_node (json_parser_get_root (parser), error);
}

static void
field_to_json (JsonBuilder *builder,
               ZsFieldSpec *field)
{
  double bound;
  const char * const *values = zs_field_spec_get_enum_values (field);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, zs_field_spec_get_name (field));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, zs_enum_to_nick (ZS_TYPE_FIELD_KIND, zs_field_spec_get_kind (field)));
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, zs_field_spec_get_label (field));
  json_builder_set_member_name (builder, "required");
  json_builder_add_boolean_value (builder, zs_field_spec_get_required (field));
  json_builder_set_member_name (builder, "unique");
  json_builder_add_boolean_value (builder, zs_field_spec_get_unique (field));
  json_builder_set_member_name (builder, "searchable");
  json_builder_add_boolean_value (builder, zs_field_spec_get_searchable (field));
  if (zs_field_spec_get_minimum (field, &bound))
    {
      json_builder_set_member_name (builder, "min");
      json_builder_add_double_value (builder, bound);
    }
  if (zs_field_spec_get_maximum (field, &bound))
    {
      json_builder_set_member_name (builder, "max");
      json_builder_add_double_value (builder, bound);
    }
  if (zs_field_spec_get_default (field) != NULL)
    {
      json_builder_set_member_name (builder, "default");
      json_builder_add_string_value (builder, zs_field_spec_get_default (field));
    }
  if (zs_field_spec_get_reference (field) != NULL)
    {
      json_builder_set_member_name (builder, "reference");
      json_builder_add_string_value (builder, zs_field_spec_get_reference (field));
      json_builder_set_member_name (builder, "on_delete");
      json_builder_add_string_value (builder, zs_enum_to_nick (ZS_TYPE_ON_DELETE, zs_field_spec_get_on_delete (field)));
    }
  if (values[0] != NULL)
    {
      json_builder_set_member_name (builder, "values");
      json_builder_begin_array (builder);
      for (guint i = 0; values[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, values[i]);
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, zs_field_spec_get_enum_label (field, values[i]));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

/**
 * zs_record_type_to_json:
 * @self: a #ZsRecordType
 *
 * Describes the type in the form zs_record_type_new_from_json() reads, with
 * labels translated, "core" and every rule written out.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
zs_record_type_to_json (ZsRecordType *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (ZS_IS_RECORD_TYPE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, zs_record_type_get_label (self));
  json_builder_set_member_name (builder, "plural_label");
  json_builder_add_string_value (builder, zs_record_type_get_plural_label (self));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, self->version);
  json_builder_set_member_name (builder, "core");
  json_builder_add_boolean_value (builder, self->core);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->fields->len; i++)
    field_to_json (builder, g_ptr_array_index (self->fields, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
