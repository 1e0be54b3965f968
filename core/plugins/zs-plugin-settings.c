/* zs-plugin-settings.c: a plugin's typed settings, kept in its own storage
 *
 * A plugin declares its keys (type, default, bounds, label) in code; the
 * table `PREFIX_core_settings` holds only the values a user changed, as
 * text, so a later release can improve a default without overwriting a
 * choice somebody made. Setting a key back to its default removes its row:
 * a row means "changed". The store keeps the table (zs-plugin-tables.c)
 * through the plugin's ZsPluginStorage and makes it on the first write, so
 * it obeys the plugin's storage rules and needs no core schema step.
 * Every change is written to the audit trail under the acting staff
 * member, as an update of the entity `plugin_setting` (id 0) whose field
 * is `MODULE.KEY`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zs-error.h"
#include "zs-plugin-settings.h"
#include "zs-plugin-storage.h"
#include "zs-plugin-tables-private.h"

typedef enum { KIND_DOUBLE, KIND_INT, KIND_BOOLEAN, KIND_STRING } Kind;

static const char * const kind_names[] = { "double", "int", "boolean", "string" };

typedef struct {
  char  *key;
  char  *label;
  Kind   kind;
  char  *default_text;
  double min;
  double max;
} Spec;

/**
 * ZsPluginSettings:
 *
 * The settings of one plugin in one store. Get it with
 * zs_plugin_context_get_plugin_settings() (or, from code that holds only
 * the store, zs_plugin_settings_get_for_store()); declare the keys when the
 * plugin is activated, then get and set them by key. Values are checked
 * against the key's type and bounds; an error names the key and the value.
 */
struct _ZsPluginSettings
{
  GObject     parent_instance;

  ZsStore    *store;        /* weak: the store owns its settings objects */
  char       *module_name;
  GPtrArray  *specs;        /* Spec*, in declaration order */
};

G_DEFINE_FINAL_TYPE (ZsPluginSettings, zs_plugin_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODULE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
spec_free (gpointer data)
{
  Spec *spec = data;

  g_free (spec->key);
  g_free (spec->label);
  g_free (spec->default_text);
  g_free (spec);
}

static void
zs_plugin_settings_finalize (GObject *object)
{
  ZsPluginSettings *self = ZS_PLUGIN_SETTINGS (object);

  g_clear_pointer (&self->module_name, g_free);
  g_clear_pointer (&self->specs, g_ptr_array_unref);
  G_OBJECT_CLASS (zs_plugin_settings_parent_class)->finalize (object);
}

static void
zs_plugin_settings_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZsPluginSettings *self = ZS_PLUGIN_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_MODULE_NAME: g_value_set_string (value, self->module_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_plugin_settings_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ZsPluginSettings *self = ZS_PLUGIN_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_MODULE_NAME: self->module_name = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_plugin_settings_class_init (ZsPluginSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zs_plugin_settings_finalize;
  object_class->get_property = zs_plugin_settings_get_property;
  object_class->set_property = zs_plugin_settings_set_property;

  /**
   * ZsPluginSettings:module-name:
   *
   * The module name of the plugin the settings belong to.
   */
  properties[PROP_MODULE_NAME] =
    g_param_spec_string ("module-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_plugin_settings_init (ZsPluginSettings *self)
{
  self->specs = g_ptr_array_new_with_free_func (spec_free);
}

/**
 * zs_plugin_settings_get_for_store:
 * @store: the store
 * @module_name: the plugin's module name
 *
 * The one settings object of the plugin in @store: declarations made
 * through it are seen by every caller (the plugin, the `plugins settings`
 * command).
 *
 * Returns: (transfer none): the settings
 */
ZsPluginSettings *
zs_plugin_settings_get_for_store (ZsStore    *store,
                                  const char *module_name)
{
  g_autofree char *data_key = NULL;
  ZsPluginSettings *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (module_name != NULL, NULL);

  data_key = g_strconcat ("zs-plugin-settings:", module_name, NULL);
  self = g_object_get_data (G_OBJECT (store), data_key);
  if (self == NULL)
    {
      self = g_object_new (ZS_TYPE_PLUGIN_SETTINGS, "module-name", module_name, NULL);
      self->store = store;
      g_object_set_data_full (G_OBJECT (store), data_key, self, g_object_unref);
    }
  return self;
}

/**
 * zs_plugin_settings_get_module_name:
 * @self: a #ZsPluginSettings
 *
 * Returns: the plugin's module name
 */
const char *
zs_plugin_settings_get_module_name (ZsPluginSettings *self)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_SETTINGS (self), NULL);
  return self->module_name;
}

static Spec *
find_spec (ZsPluginSettings *self,
           const char       *key)
{
  for (guint i = 0; i < self->specs->len; i++)
    {
      Spec *spec = g_ptr_array_index (self->specs, i);

      if (g_str_equal (spec->key, key))
        return spec;
    }
  return NULL;
}

/* Declaring a key again replaces it: activating a plugin twice in one
 * process (disable, enable) must not fail. */
static void
declare (ZsPluginSettings *self,
         const char       *key,
         const char       *label,
         Kind              kind,
         char             *default_text,
         double            min,
         double            max)
{
  Spec *spec = find_spec (self, key);

  if (spec == NULL)
    {
      spec = g_new0 (Spec, 1);
      spec->key = g_strdup (key);
      g_ptr_array_add (self->specs, spec);
    }
  g_free (spec->label);
  g_free (spec->default_text);
  spec->label = g_strdup (label ? label : key);
  spec->kind = kind;
  spec->default_text = default_text;
  spec->min = min;
  spec->max = max;
}

/* The shortest text that reads back as @value: 0.3, not 0.29999999999999999. */
static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_dtostr (buffer, sizeof buffer, value);
  return g_strdup (buffer);
}

/**
 * zs_plugin_settings_declare_double:
 * @self: a #ZsPluginSettings
 * @key: the key
 * @label: (nullable): what the key means, for people
 * @default_value: its value until a user sets it
 * @min: the smallest value allowed
 * @max: the largest value allowed
 */
void
zs_plugin_settings_declare_double (ZsPluginSettings *self,
                                   const char       *key,
                                   const char       *label,
                                   double            default_value,
                                   double            min,
                                   double            max)
{
  g_return_if_fail (ZS_IS_PLUGIN_SETTINGS (self) && key != NULL);
  declare (self, key, label, KIND_DOUBLE, format_double (default_value), min, max);
}

/**
 * zs_plugin_settings_declare_int:
 * @self: a #ZsPluginSettings
 * @key: the key
 * @label: (nullable): what the key means, for people
 * @default_value: its value until a user sets it
 * @min: the smallest value allowed
 * @max: the largest value allowed
 */
void
zs_plugin_settings_declare_int (ZsPluginSettings *self,
                                const char       *key,
                                const char       *label,
                                gint64            default_value,
                                gint64            min,
                                gint64            max)
{
  g_return_if_fail (ZS_IS_PLUGIN_SETTINGS (self) && key != NULL);
  declare (self, key, label, KIND_INT, g_strdup_printf ("%" PRId64, default_value), (double) min, (double) max);
}

/**
 * zs_plugin_settings_declare_boolean:
 * @self: a #ZsPluginSettings
 * @key: the key
 * @label: (nullable): what the key means, for people
 * @default_value: its value until a user sets it
 */
void
zs_plugin_settings_declare_boolean (ZsPluginSettings *self,
                                    const char       *key,
                                    const char       *label,
                                    gboolean          default_value)
{
  g_return_if_fail (ZS_IS_PLUGIN_SETTINGS (self) && key != NULL);
  declare (self, key, label, KIND_BOOLEAN, g_strdup (default_value ? "true" : "false"), 0, 1);
}

/**
 * zs_plugin_settings_declare_string:
 * @self: a #ZsPluginSettings
 * @key: the key
 * @label: (nullable): what the key means, for people
 * @default_value: (nullable): its value until a user sets it
 */
void
zs_plugin_settings_declare_string (ZsPluginSettings *self,
                                   const char       *key,
                                   const char       *label,
                                   const char       *default_value)
{
  g_return_if_fail (ZS_IS_PLUGIN_SETTINGS (self) && key != NULL);
  declare (self, key, label, KIND_STRING, g_strdup (default_value ? default_value : ""), 0, 0);
}

/**
 * zs_plugin_settings_has_key:
 * @self: a #ZsPluginSettings
 * @key: a key
 *
 * Returns: whether @key was declared
 */
gboolean
zs_plugin_settings_has_key (ZsPluginSettings *self,
                            const char       *key)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_SETTINGS (self), FALSE);
  return key != NULL && find_spec (self, key) != NULL;
}

/**
 * zs_plugin_settings_list_keys:
 * @self: a #ZsPluginSettings
 *
 * Returns: (transfer full): the declared keys, in the order declared
 */
char **
zs_plugin_settings_list_keys (ZsPluginSettings *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; i < self->specs->len; i++)
    g_strv_builder_add (builder, ((Spec *) g_ptr_array_index (self->specs, i))->key);
  return g_strv_builder_end (builder);
}

/* ---- storage ------------------------------------------------------- */

/* @stored: (out) (transfer full): the stored text, %NULL when not changed */
static gboolean
read_stored (ZsPluginSettings  *self,
             const char        *key,
             char             **stored,
             GError           **error)
{
  g_autoptr(ZsPluginStorage) storage = zs_plugin_storage_new (self->store, self->module_name);

  return _zs_plugin_tables_get_setting (storage, key, stored, error);
}

/* Audits the keys a write changes (@key, or every key when %NULL), before
 * it is made: who changed what, the effective value before and after, as
 * text (the stored value, or the default when @value is %NULL). A key
 * whose value does not change is not a change. */
static gboolean
audit_keys (ZsPluginSettings  *self,
            ZsPluginStorage   *storage,
            const char        *key,
            const char        *value,
            GError           **error)
{
  for (guint i = 0; i < self->specs->len; i++)
    {
      Spec *spec = g_ptr_array_index (self->specs, i);
      const char *after = value ? value : spec->default_text;
      g_autofree char *before = NULL;

      if (key != NULL && !g_str_equal (spec->key, key))
        continue;
      if (!(before = zs_plugin_settings_get_text (self, spec->key, error)))
        return FALSE;
      if (!g_str_equal (before, after) &&
          !_zs_plugin_tables_audit_setting (storage, spec->key, before, after, error))
        return FALSE;
    }
  return TRUE;
}

/* @key: %NULL for every key; @value: %NULL to forget the value */
static gboolean
write_stored (ZsPluginSettings  *self,
              const char        *key,
              const char        *value,
              GError           **error)
{
  g_autoptr(ZsPluginStorage) storage = zs_plugin_storage_new (self->store, self->module_name);
  gboolean ok;

  if (!zs_plugin_storage_begin (storage, error))
    return FALSE;
  ok = _zs_plugin_tables_ensure_settings (storage, error) &&
       audit_keys (self, storage, key, value, error) &&
       (value != NULL
        ? _zs_plugin_tables_put_setting (storage, key, value, error)
        : _zs_plugin_tables_delete_settings (storage, key, error));
  if (!ok)
    {
      zs_plugin_storage_rollback (storage);
      return FALSE;
    }
  return zs_plugin_storage_commit (storage, error);
}

/* ---- values -------------------------------------------------------- */

static gboolean
parse_number (const char *text,
              Kind        kind,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  if (kind == KIND_INT)
    {
      gint64 number = g_ascii_strtoll (text, &end, 10);

      *value = (double) number;
      return *end == '\0' && number > G_MININT64 && number < G_MAXINT64;
    }
  *value = g_ascii_strtod (text, &end);
  return *end == '\0' && isfinite (*value);
}

/* The text as stored: numbers in one spelling, so "0.50" and "0.5"
 * compare equal to the default. */
static char *
normalize (Spec        *spec,
           const char  *text,
           GError     **error)
{
  double number;

  switch (spec->kind)
    {
    case KIND_BOOLEAN:
      if (g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1"))
        return g_strdup ("true");
      if (g_ascii_strcasecmp (text, "false") == 0 || g_str_equal (text, "0"))
        return g_strdup ("false");
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("%s: “%s” is not true or false"), spec->key, text);
      return NULL;
    case KIND_STRING:
      return g_strdup (text);
    case KIND_INT:
    case KIND_DOUBLE:
    default:
      if (!parse_number (text, spec->kind, &number))
        g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                     spec->kind == KIND_INT ? _("%s: “%s” is not a whole number") : _("%s: “%s” is not a number"),
                     spec->key, text);
      else if (number < spec->min || number > spec->max)
        {
          g_autofree char *min = spec->kind == KIND_INT ? g_strdup_printf ("%.0f", spec->min) : format_double (spec->min);
          g_autofree char *max = spec->kind == KIND_INT ? g_strdup_printf ("%.0f", spec->max) : format_double (spec->max);

          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("%s: %s is not from %s to %s"), spec->key, text, min, max);
        }
      else
        return spec->kind == KIND_INT ? g_strdup_printf ("%" PRId64, (gint64) number) : format_double (number);
      return NULL;
    }
}

static Spec *
lookup_spec (ZsPluginSettings  *self,
             const char        *key,
             GError           **error)
{
  Spec *spec = key != NULL ? find_spec (self, key) : NULL;

  if (spec == NULL)
    g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                 _("“%s” is not a setting of the plugin “%s”"), key ? key : "", self->module_name);
  return spec;
}

/**
 * zs_plugin_settings_get_text:
 * @self: a #ZsPluginSettings
 * @key: a declared key
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the value in effect, as text
 *   (numbers with a dot, booleans as `true`/`false`); %NULL with
 *   %ZS_ERROR_NOT_FOUND for an undeclared key
 */
char *
zs_plugin_settings_get_text (ZsPluginSettings  *self,
                             const char        *key,
                             GError           **error)
{
  Spec *spec;
  g_autofree char *stored = NULL;
  g_autofree char *normal = NULL;

  g_return_val_if_fail (ZS_IS_PLUGIN_SETTINGS (self), NULL);
  if (!(spec = lookup_spec (self, key, error)) || !read_stored (self, key, &stored, error))
    return NULL;
  /* A value stored by an older release under other bounds counts as unset. */
  if (stored == NULL || !(normal = normalize (spec, stored, NULL)))
    return g_strdup (spec->default_text);
  return g_steal_pointer (&normal);
}

static char *
text_or_default (ZsPluginSettings *self,
                 const char       *key)
{
  g_autoptr(GError) error = NULL;
  char *text = zs_plugin_settings_get_text (self, key, &error);

  if (text == NULL)
    {
      Spec *spec = find_spec (self, key);

      g_debug ("Setting %s of %s: %s", key, self->module_name, error->message);
      return g_strdup (spec ? spec->default_text : "");
    }
  return text;
}

/**
 * zs_plugin_settings_get_double:
 * @self: a #ZsPluginSettings
 * @key: a key declared as a double
 *
 * Returns: the value in effect; the default when it cannot be read
 */
double
zs_plugin_settings_get_double (ZsPluginSettings *self,
                               const char       *key)
{
  g_autofree char *text = text_or_default (self, key);

  return g_ascii_strtod (text, NULL);
}

/**
 * zs_plugin_settings_get_int:
 * @self: a #ZsPluginSettings
 * @key: a key declared as an integer
 *
 * Returns: the value in effect; the default when it cannot be read
 */
gint64
zs_plugin_settings_get_int (ZsPluginSettings *self,
                            const char       *key)
{
  g_autofree char *text = text_or_default (self, key);

  return g_ascii_strtoll (text, NULL, 10);
}

/**
 * zs_plugin_settings_get_boolean:
 * @self: a #ZsPluginSettings
 * @key: a key declared as a boolean
 *
 * Returns: the value in effect; the default when it cannot be read
 */
gboolean
zs_plugin_settings_get_boolean (ZsPluginSettings *self,
                                const char       *key)
{
  g_autofree char *text = text_or_default (self, key);

  return g_str_equal (text, "true");
}

/**
 * zs_plugin_settings_get_string:
 * @self: a #ZsPluginSettings
 * @key: a declared key
 *
 * Returns: (transfer full): the value in effect; the default when it cannot be read
 */
char *
zs_plugin_settings_get_string (ZsPluginSettings *self,
                               const char       *key)
{
  return text_or_default (self, key);
}

/**
 * zs_plugin_settings_set_text:
 * @self: a #ZsPluginSettings
 * @key: a declared key
 * @value: the value as text, read by the key's type
 * @error: return location for a #GError
 *
 * Sets a value. Setting the default forgets the user's value, so a later
 * release's default applies.
 *
 * Returns: %TRUE on success; %ZS_ERROR_NOT_FOUND for an undeclared key,
 *   %ZS_ERROR_INVALID naming the key and the value when it is not of the
 *   key's type or out of its bounds; nothing is written then
 */
gboolean
zs_plugin_settings_set_text (ZsPluginSettings  *self,
                             const char        *key,
                             const char        *value,
                             GError           **error)
{
  g_autofree char *normal = NULL;
  Spec *spec;

  g_return_val_if_fail (ZS_IS_PLUGIN_SETTINGS (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!(spec = lookup_spec (self, key, error)) || !(normal = normalize (spec, value, error)))
    return FALSE;
  return write_stored (self, key, g_str_equal (normal, spec->default_text) ? NULL : normal, error);
}

/**
 * zs_plugin_settings_set_double:
 * @self: a #ZsPluginSettings
 * @key: a declared key
 * @value: the value
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; see zs_plugin_settings_set_text()
 */
gboolean
zs_plugin_settings_set_double (ZsPluginSettings  *self,
                               const char        *key,
                               double             value,
                               GError           **error)
{
  g_autofree char *text = format_double (value);

  return zs_plugin_settings_set_text (self, key, text, error);
}

/**
 * zs_plugin_settings_set_int:
 * @self: a #ZsPluginSettings
 * @key: a declared key
 * @value: the value
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; see zs_plugin_settings_set_text()
 */
gboolean
zs_plugin_settings_set_int (ZsPluginSettings  *self,
                            const char        *key,
                            gint64             value,
                            GError           **error)
{
  g_autofree char *text = g_strdup_printf ("%" PRId64, value);

  return zs_plugin_settings_set_text (self, key, text, error);
}

/**
 * zs_plugin_settings_set_boolean:
 * @self: a #ZsPluginSettings
 * @key: a declared key
 * @value: the value
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; see zs_plugin_settings_set_text()
 */
gboolean
zs_plugin_settings_set_boolean (ZsPluginSettings  *self,
                                const char        *key,
                                gboolean           value,
                                GError           **error)
{
  return zs_plugin_settings_set_text (self, key, value ? "true" : "false", error);
}

/**
 * zs_plugin_settings_reset:
 * @self: a #ZsPluginSettings
 * @key: (nullable): a declared key, or %NULL for every key
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %ZS_ERROR_NOT_FOUND for an undeclared key
 */
gboolean
zs_plugin_settings_reset (ZsPluginSettings  *self,
                          const char        *key,
                          GError           **error)
{
  g_return_val_if_fail (ZS_IS_PLUGIN_SETTINGS (self), FALSE);

  if (key != NULL && !lookup_spec (self, key, error))
    return FALSE;
  return write_stored (self, key, NULL, error);
}

static void
add_bounds (JsonObject *object,
            Spec       *spec)
{
  if (spec->kind == KIND_INT)
    {
      json_object_set_int_member (object, "min", (gint64) spec->min);
      json_object_set_int_member (object, "max", (gint64) spec->max);
    }
  else if (spec->kind == KIND_DOUBLE)
    {
      json_object_set_double_member (object, "min", spec->min);
      json_object_set_double_member (object, "max", spec->max);
    }
}

static void
set_typed (JsonObject *object,
           const char *member,
           Spec       *spec,
           const char *text)
{
  if (spec->kind == KIND_INT)
    json_object_set_int_member (object, member, g_ascii_strtoll (text, NULL, 10));
  else if (spec->kind == KIND_DOUBLE)
    json_object_set_double_member (object, member, g_ascii_strtod (text, NULL));
  else if (spec->kind == KIND_BOOLEAN)
    json_object_set_boolean_member (object, member, g_str_equal (text, "true"));
  else
    json_object_set_string_member (object, member, text);
}

/**
 * zs_plugin_settings_to_json:
 * @self: a #ZsPluginSettings
 * @error: return location for a #GError
 *
 * Every declared key as a JSON array of objects: `key`, `label`, `type`
 * (`double`, `int`, `boolean` or `string`), `value`, `default`, `changed`,
 * and `min`/`max` for numbers.
 *
 * Returns: (transfer full) (nullable): the JSON text
 */
char *
zs_plugin_settings_to_json (ZsPluginSettings  *self,
                            GError           **error)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  g_return_val_if_fail (ZS_IS_PLUGIN_SETTINGS (self), NULL);
  for (guint i = 0; i < self->specs->len; i++)
    {
      Spec *spec = g_ptr_array_index (self->specs, i);
      g_autofree char *value = zs_plugin_settings_get_text (self, spec->key, error);
      JsonObject *object;

      if (value == NULL)
        return NULL;
      object = json_object_new ();
      json_object_set_string_member (object, "key", spec->key);
      json_object_set_string_member (object, "label", spec->label);
      json_object_set_string_member (object, "type", kind_names[spec->kind]);
      set_typed (object, "value", spec, value);
      set_typed (object, "default", spec, spec->default_text);
      json_object_set_boolean_member (object, "changed", !g_str_equal (value, spec->default_text));
      add_bounds (object, spec);
      json_array_add_object_element (array, object);
    }
  json_node_set_array (node, array);
  return json_to_string (node, TRUE);
}
