/* zs-field-spec.c: one field of a record type and its rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "zs-enums.h"
#include "zs-error.h"
#include "zs-field-spec.h"
#include "zs-record-private.h"
#include "zs-util-private.h"

/**
 * ZsFieldSpec:
 *
 * One field of a #ZsRecordType: its name (snake_case; the record's property
 * is named the same with '-' for '_'), its kind, its label and its rules:
 * required, a range (of the value for numbers and dates' years are not
 * ranged; of the length in characters for text), unique, a default written
 * as text, whether search covers it, the type version that added it, the
 * name it had before, the record type it refers to and the values of an
 * enum with their labels.
 */
struct _ZsFieldSpec
{
  GObject      parent_instance;

  char        *name;
  char        *property_name;
  ZsFieldKind  kind;
  char        *label;
  gboolean     required;
  gboolean     unique;
  gboolean     searchable;
  gboolean     has_minimum;
  gboolean     has_maximum;
  double       minimum;
  double       maximum;
  char        *default_text;
  guint        since_version;
  char        *renamed_from;
  char        *reference;
  ZsOnDelete   on_delete;
  GPtrArray   *enum_values;   /* NULL-terminated */
  GHashTable  *enum_labels;   /* value → label */
};

G_DEFINE_FINAL_TYPE (ZsFieldSpec, zs_field_spec, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_LABEL,
  PROP_REQUIRED,
  PROP_UNIQUE,
  PROP_SEARCHABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
_zs_field_kind_value_type (ZsFieldKind kind)
{
  switch (kind)
    {
    case ZS_FIELD_INTEGER:
    case ZS_FIELD_REFERENCE:
      return G_TYPE_INT64;
    case ZS_FIELD_DECIMAL:
    case ZS_FIELD_MONEY:
      return G_TYPE_DOUBLE;
    case ZS_FIELD_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case ZS_FIELD_TEXT:
    case ZS_FIELD_DATE:
    case ZS_FIELD_ENUM:
    default:
      return G_TYPE_STRING;
    }
}

/* Text that is empty and references of 0 count as no value (the store
 * writes both as NULL). */
gboolean
_zs_field_value_is_set (const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_value_get_string (value) != NULL && g_value_get_string (value)[0] != '\0';
  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value) != 0;
  return TRUE;
}

gboolean
_zs_field_name_is_valid (const char *name)
{
  if (name == NULL || !g_ascii_islower (name[0]))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static void
zs_field_spec_finalize (GObject *object)
{
  ZsFieldSpec *self = ZS_FIELD_SPEC (object);

  g_free (self->name);
  g_free (self->property_name);
  g_free (self->label);
  g_free (self->default_text);
  g_free (self->renamed_from);
  g_free (self->reference);
  g_ptr_array_unref (self->enum_values);
  g_hash_table_unref (self->enum_labels);

  G_OBJECT_CLASS (zs_field_spec_parent_class)->finalize (object);
}

static void
zs_field_spec_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZsFieldSpec *self = ZS_FIELD_SPEC (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    case PROP_UNIQUE:
      g_value_set_boolean (value, self->unique);
      break;
    case PROP_SEARCHABLE:
      g_value_set_boolean (value, self->searchable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_field_spec_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ZsFieldSpec *self = ZS_FIELD_SPEC (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      self->property_name = g_strdelimit (g_strdup (self->name), "_", '-');
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_LABEL:
      zs_field_spec_set_label (self, g_value_get_string (value));
      break;
    case PROP_REQUIRED:
      zs_field_spec_set_required (self, g_value_get_boolean (value));
      break;
    case PROP_UNIQUE:
      zs_field_spec_set_unique (self, g_value_get_boolean (value));
      break;
    case PROP_SEARCHABLE:
      zs_field_spec_set_searchable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_field_spec_class_init (ZsFieldSpecClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zs_field_spec_finalize;
  object_class->get_property = zs_field_spec_get_property;
  object_class->set_property = zs_field_spec_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ZS_TYPE_FIELD_KIND, ZS_FIELD_TEXT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIQUE] =
    g_param_spec_boolean ("unique", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCHABLE] =
    g_param_spec_boolean ("searchable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_field_spec_init (ZsFieldSpec *self)
{
  self->since_version = 1;
  self->enum_values = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->enum_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * zs_field_spec_new:
 * @name: the field's name: lower-case ASCII letters, digits and '_',
 *   starting with a letter
 * @kind: the kind of value
 * @label: (nullable): the label shown to users, already translated; the
 *   name when %NULL
 *
 * Returns: (transfer full): a new field without rules
 */
ZsFieldSpec *
zs_field_spec_new (const char  *name,
                   ZsFieldKind  kind,
                   const char  *label)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (ZS_TYPE_FIELD_SPEC, "name", name, "kind", kind, "label", label, NULL);
}

/**
 * zs_field_spec_get_name:
 * @self: a #ZsFieldSpec
 *
 * Returns: the field's name, also its column's name
 */
const char *
zs_field_spec_get_name (ZsFieldSpec *self)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), NULL);
  return self->name;
}

/**
 * zs_field_spec_get_property_name:
 * @self: a #ZsFieldSpec
 *
 * Returns: the name of the record's property holding the field
 */
const char *
zs_field_spec_get_property_name (ZsFieldSpec *self)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), NULL);
  return self->property_name;
}

/**
 * zs_field_spec_get_kind:
 * @self: a #ZsFieldSpec
 *
 * Returns: the kind of value the field holds
 */
ZsFieldKind
zs_field_spec_get_kind (ZsFieldSpec *self)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), ZS_FIELD_TEXT);
  return self->kind;
}

/**
 * zs_field_spec_get_label:
 * @self: a #ZsFieldSpec
 *
 * Returns: the label shown to users
 */
const char *
zs_field_spec_get_label (ZsFieldSpec *self)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), NULL);
  return self->label ? self->label : self->name;
}

/**
 * zs_field_spec_set_label:
 * @self: a #ZsFieldSpec
 * @label: (nullable): the label, already translated
 */
void
zs_field_spec_set_label (ZsFieldSpec *self,
                         const char  *label)
{
  g_return_if_fail (ZS_IS_FIELD_SPEC (self));

  if (zs_set_string (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

#define DEFINE_FLAG(field, PROP)                                        \
gboolean                                                                \
zs_field_spec_get_##field (ZsFieldSpec *self)                           \
{                                                                       \
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), FALSE);                \
  return self->field;                                                   \
}                                                                       \
void                                                                    \
zs_field_spec_set_##field (ZsFieldSpec *self,                           \
                           gboolean     field)                          \
{                                                                       \
  g_return_if_fail (ZS_IS_FIELD_SPEC (self));                           \
  field = !!field;                                                      \
  if (self->field == field)                                             \
    return;                                                             \
  self->field = field;                                                  \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);         \
}

/**
 * zs_field_spec_get_required:
 * @self: a #ZsFieldSpec
 *
 * Returns: whether a record must have a value in the field
 */
/**
 * zs_field_spec_set_required:
 * @self: a #ZsFieldSpec
 * @required: whether a value is required
 */
DEFINE_FLAG (required, PROP_REQUIRED)
/**
 * zs_field_spec_get_unique:
 * @self: a #ZsFieldSpec
 *
 * Returns: whether no two records of the type may have the same value
 */
/**
 * zs_field_spec_set_unique:
 * @self: a #ZsFieldSpec
 * @unique: whether values are unique
 */
DEFINE_FLAG (unique, PROP_UNIQUE)
/**
 * zs_field_spec_get_searchable:
 * @self: a #ZsFieldSpec
 *
 * Returns: whether zs_store_search_records() finds records by the field
 */
/**
 * zs_field_spec_set_searchable:
 * @self: a #ZsFieldSpec
 * @searchable: whether search covers the field
 */
DEFINE_FLAG (searchable, PROP_SEARCHABLE)

/**
 * zs_field_spec_get_minimum:
 * @self: a #ZsFieldSpec
 * @minimum: (out) (optional): the smallest value (numbers) or length (text)
 *
 * Returns: whether the field has a minimum
 */
gboolean
zs_field_spec_get_minimum (ZsFieldSpec *self,
                           double      *minimum)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), FALSE);
  if (minimum != NULL)
    *minimum = self->minimum;
  return self->has_minimum;
}

/**
 * zs_field_spec_set_minimum:
 * @self: a #ZsFieldSpec
 * @minimum: the smallest value (numbers) or length in characters (text)
 */
void
zs_field_spec_set_minimum (ZsFieldSpec *self,
                           double       minimum)
{
  g_return_if_fail (ZS_IS_FIELD_SPEC (self));
  self->has_minimum = TRUE;
  self->minimum = minimum;
}

/**
 * zs_field_spec_get_maximum:
 * @self: a #ZsFieldSpec
 * @maximum: (out) (optional): the largest value (numbers) or length (text)
 *
 * Returns: whether the field has a maximum
 */
gboolean
zs_field_spec_get_maximum (ZsFieldSpec *self,
                           double      *maximum)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), FALSE);
  if (maximum != NULL)
    *maximum = self->maximum;
  return self->has_maximum;
}

/**
 * zs_field_spec_set_maximum:
 * @self: a #ZsFieldSpec
 * @maximum: the largest value (numbers) or length in characters (text)
 */
void
zs_field_spec_set_maximum (ZsFieldSpec *self,
                           double       maximum)
{
  g_return_if_fail (ZS_IS_FIELD_SPEC (self));
  self->has_maximum = TRUE;
  self->maximum = maximum;
}

/**
 * zs_field_spec_get_default:
 * @self: a #ZsFieldSpec
 *
 * Returns: (nullable): the value a new record gets when it has none, as
 *   text (see zs_field_spec_parse_value())
 */
const char *
zs_field_spec_get_default (ZsFieldSpec *self)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), NULL);
  return self->default_text;
}

/**
 * zs_field_spec_set_default:
 * @self: a #ZsFieldSpec
 * @text: (nullable): the default as text, or %NULL for none
 */
void
zs_field_spec_set_default (ZsFieldSpec *self,
                           const char  *text)
{
  g_return_if_fail (ZS_IS_FIELD_SPEC (self));
  zs_set_string (&self->default_text, text);
}

/**
 * zs_field_spec_get_since_version:
 * @self: a #ZsFieldSpec
 *
 * Returns: the version of the record type that added the field (1 unless
 *   set)
 */
guint
zs_field_spec_get_since_version (ZsFieldSpec *self)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), 1);
  return self->since_version;
}

/**
 * zs_field_spec_set_since_version:
 * @self: a #ZsFieldSpec
 * @version: the record type's version that added the field; registering
 *   the type over a table of an older version adds its column
 */
void
zs_field_spec_set_since_version (ZsFieldSpec *self,
                                 guint        version)
{
  g_return_if_fail (ZS_IS_FIELD_SPEC (self));
  self->since_version = MAX (version, 1);
}

/**
 * zs_field_spec_get_renamed_from:
 * @self: a #ZsFieldSpec
 *
 * Returns: (nullable): the field's former name
 */
const char *
zs_field_spec_get_renamed_from (ZsFieldSpec *self)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), NULL);
  return self->renamed_from;
}

/**
 * zs_field_spec_set_renamed_from:
 * @self: a #ZsFieldSpec
 * @old_name: (nullable): the name the field had; registering the type
 *   renames a column of that name, keeping its values
 */
void
zs_field_spec_set_renamed_from (ZsFieldSpec *self,
                                const char  *old_name)
{
  g_return_if_fail (ZS_IS_FIELD_SPEC (self));
  zs_set_string (&self->renamed_from, old_name);
}

/**
 * zs_field_spec_get_reference:
 * @self: a #ZsFieldSpec
 *
 * Returns: (nullable): the name of the record type a reference field
 *   refers to
 */
const char *
zs_field_spec_get_reference (ZsFieldSpec *self)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), NULL);
  return self->reference;
}

/**
 * zs_field_spec_get_on_delete:
 * @self: a #ZsFieldSpec
 *
 * Returns: what deleting the referenced record does
 */
ZsOnDelete
zs_field_spec_get_on_delete (ZsFieldSpec *self)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), ZS_ON_DELETE_RESTRICT);
  return self->on_delete;
}

/**
 * zs_field_spec_set_reference:
 * @self: a #ZsFieldSpec of kind %ZS_FIELD_REFERENCE
 * @type_name: the record type referred to: "firm", "project"… or a
 *   declared type's name
 * @on_delete: what deleting the referenced record does
 */
void
zs_field_spec_set_reference (ZsFieldSpec *self,
                             const char  *type_name,
                             ZsOnDelete   on_delete)
{
  g_return_if_fail (ZS_IS_FIELD_SPEC (self));
  g_return_if_fail (self->kind == ZS_FIELD_REFERENCE);
  zs_set_string (&self->reference, type_name);
  self->on_delete = on_delete;
}

/**
 * zs_field_spec_add_enum_value:
 * @self: a #ZsFieldSpec of kind %ZS_FIELD_ENUM
 * @value: a value as stored and written in JSON and on the command line
 * @label: (nullable): its label, already translated
 */
void
zs_field_spec_add_enum_value (ZsFieldSpec *self,
                              const char  *value,
                              const char  *label)
{
  g_return_if_fail (ZS_IS_FIELD_SPEC (self));
  g_return_if_fail (value != NULL);

  if (!g_hash_table_contains (self->enum_labels, value))
    g_ptr_array_add (self->enum_values, g_strdup (value));
  g_hash_table_insert (self->enum_labels, g_strdup (value), g_strdup (label ? label : value));
}

/**
 * zs_field_spec_get_enum_values:
 * @self: a #ZsFieldSpec
 *
 * Returns: (transfer none) (array zero-terminated=1): the values of an enum
 *   field in the order added; empty for other kinds
 */
const char * const *
zs_field_spec_get_enum_values (ZsFieldSpec *self)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), NULL);
  return (const char * const *) self->enum_values->pdata;
}

/**
 * zs_field_spec_get_enum_label:
 * @self: a #ZsFieldSpec
 * @value: one of the enum's values
 *
 * Returns: (nullable): the value's label, %NULL for an unknown value
 */
const char *
zs_field_spec_get_enum_label (ZsFieldSpec *self,
                              const char  *value)
{
  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), NULL);
  return value ? g_hash_table_lookup (self->enum_labels, value) : NULL;
}

static gboolean
invalid (GError     **error,
         ZsFieldSpec *self,
         const char  *text,
         const char  *why)
{
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, "%s: “%s” %s", self->name, text, why);
  return FALSE;
}

static gboolean
parse_boolean (const char *text,
               gboolean   *out)
{
  const char *yes[] = { "true", "yes", "1", "是", NULL };
  const char *no[] = { "false", "no", "0", "否", NULL };

  if (g_strv_contains (yes, text))
    *out = TRUE;
  else if (g_strv_contains (no, text))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_date (const char *text)
{
  unsigned year, month, day;
  char rest;

  return strlen (text) == 10 &&
         sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) == 3 &&
         g_date_valid_dmy (day, month, year);
}

/**
 * zs_field_spec_parse_value:
 * @self: a #ZsFieldSpec
 * @text: (nullable): the value as a user writes it; empty or %NULL for none
 * @value: (out caller-allocates): initialized to the field's value type
 * @error: return location for a #GError
 *
 * Parses text as the field's kind: whole numbers, numbers with "." for the
 * fraction, YYYY-MM-DD dates, true/false/yes/no/1/0/是/否, one of an enum's
 * values, a referenced record's id.
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_INVALID naming the field and
 *   the text
 */
gboolean
zs_field_spec_parse_value (ZsFieldSpec  *self,
                           const char   *text,
                           GValue       *value,
                           GError      **error)
{
  gint64 number = 0;
  char *end = NULL;
  double real;
  gboolean flag;

  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), FALSE);

  g_value_init (value, _zs_field_kind_value_type (self->kind));
  if (text == NULL || text[0] == '\0')
    return TRUE;

  switch (self->kind)
    {
    case ZS_FIELD_INTEGER:
    case ZS_FIELD_REFERENCE:
      if (!g_ascii_string_to_signed (text, 10, self->kind == ZS_FIELD_REFERENCE ? 1 : G_MININT64,
                                     G_MAXINT64, &number, NULL))
        return invalid (error, self, text,
                        self->kind == ZS_FIELD_REFERENCE ? _("is not a record id") : _("is not a whole number"));
      g_value_set_int64 (value, number);
      return TRUE;
    case ZS_FIELD_DECIMAL:
    case ZS_FIELD_MONEY:
      real = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || !isfinite (real))
        return invalid (error, self, text, _("is not a number"));
      g_value_set_double (value, real);
      return TRUE;
    case ZS_FIELD_BOOLEAN:
      if (!parse_boolean (text, &flag))
        return invalid (error, self, text, _("is not true or false"));
      g_value_set_boolean (value, flag);
      return TRUE;
    case ZS_FIELD_DATE:
      if (!is_date (text))
        return invalid (error, self, text, _("is not a date (YYYY-MM-DD)"));
      break;
    case ZS_FIELD_ENUM:
      if (!g_hash_table_contains (self->enum_labels, text))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) self->enum_values->pdata);
          g_autofree char *why = g_strdup_printf (_("is not one of %s"), known);
          return invalid (error, self, text, why);
        }
      break;
    case ZS_FIELD_TEXT:
    default:
      break;
    }
  g_value_set_string (value, text);
  return TRUE;
}

/**
 * zs_field_spec_format_value:
 * @self: a #ZsFieldSpec
 * @value: a value of the field's value type
 *
 * Returns: (transfer full) (nullable): the value as text that
 *   zs_field_spec_parse_value() reads back, %NULL for none
 */
char *
zs_field_spec_format_value (ZsFieldSpec  *self,
                            const GValue *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  if (!_zs_field_value_is_set (value))
    return NULL;
  if (G_VALUE_HOLDS_STRING (value))
    return g_value_dup_string (value);
  if (G_VALUE_HOLDS_INT64 (value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (G_VALUE_HOLDS_DOUBLE (value))
    return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_value_get_double (value)));
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (G_VALUE_HOLDS_ENUM (value))
    return g_strdup (zs_enum_to_nick (G_VALUE_TYPE (value), g_value_get_enum (value)));
  return NULL;
}

static gboolean
check_range (ZsFieldSpec  *self,
             double        measure,
             const char   *text,
             gboolean      is_length,
             GError      **error)
{
  char bound[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *why = NULL;

  if (self->has_minimum && measure < self->minimum)
    {
      g_ascii_dtostr (bound, sizeof bound, self->minimum);
      why = is_length ? g_strdup_printf (_("is shorter than %s characters"), bound)
                      : g_strdup_printf (_("is less than the minimum %s"), bound);
      return invalid (error, self, text, why);
    }
  if (self->has_maximum && measure > self->maximum)
    {
      g_ascii_dtostr (bound, sizeof bound, self->maximum);
      why = is_length ? g_strdup_printf (_("is longer than %s characters"), bound)
                      : g_strdup_printf (_("is more than the maximum %s"), bound);
      return invalid (error, self, text, why);
    }
  return TRUE;
}

/**
 * zs_field_spec_check_value:
 * @self: a #ZsFieldSpec
 * @value: a value of the field's value type
 * @error: return location for a #GError
 *
 * Checks the rules that need no other record: required, range, date form,
 * enum values. Unique and reference rules are the store's.
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_INVALID naming the field and
 *   the value
 */
gboolean
zs_field_spec_check_value (ZsFieldSpec   *self,
                           const GValue  *value,
                           GError       **error)
{
  g_autofree char *text = NULL;
  g_auto(GValue) parsed = G_VALUE_INIT;

  g_return_val_if_fail (ZS_IS_FIELD_SPEC (self), FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  if (!_zs_field_value_is_set (value))
    {
      if (!self->required)
        return TRUE;
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: a value is required"), self->name);
      return FALSE;
    }

  text = zs_field_spec_format_value (self, value);
  switch (self->kind)
    {
    case ZS_FIELD_TEXT:
      return check_range (self, g_utf8_strlen (text, -1), text, TRUE, error);
    case ZS_FIELD_INTEGER:
      return check_range (self, (double) g_value_get_int64 (value), text, FALSE, error);
    case ZS_FIELD_DECIMAL:
    case ZS_FIELD_MONEY:
      if (!isfinite (g_value_get_double (value)))
        return invalid (error, self, text, _("is not a number"));
      return check_range (self, g_value_get_double (value), text, FALSE, error);
    case ZS_FIELD_DATE:
    case ZS_FIELD_ENUM:
      return zs_field_spec_parse_value (self, text, &parsed, error);
    case ZS_FIELD_BOOLEAN:
    case ZS_FIELD_REFERENCE:
    default:
      return TRUE;
    }
}
