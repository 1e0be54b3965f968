/* zs-cli-fields.c: values given on the command line of zhaoshang-cli
 *
 * Every value is checked before anything is written, and a bad value is
 * reported with the field (the property name, as in --json) and the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "zs-cli-private.h"

/* Value parsing; errors name the field and the value. */

gboolean
zs_cli_parse_id (const char  *field,
                 const char  *text,
                 gint64      *id,
                 GError     **error)
{
  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL))
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("%s: “%s” is not a valid id"), field, text);
  return FALSE;
}

static gboolean
parse_integer (const char  *field,
               const char  *text,
               gint64       min,
               gint64       max,
               gint64      *out,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_ascii_string_to_signed (text, 10, min, max, out, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
    g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                 _("%s: “%s” is out of range"), field, text);
  else
    g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                 _("%s: “%s” is not a whole number"), field, text);
  return FALSE;
}

static gboolean
parse_double (const char  *field,
              const char  *text,
              double      *out,
              GError     **error)
{
  char *end = NULL;

  /* decimal notation only: no hexadecimal, infinity or NaN */
  if (text[0] != '\0' && strspn (text, "0123456789+-.eE") == strlen (text))
    {
      *out = g_ascii_strtod (text, &end);
      if (end != NULL && *end == '\0' && isfinite (*out))
        return TRUE;
    }
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("%s: “%s” is not a number"), field, text);
  return FALSE;
}

gboolean
zs_cli_parse_count (const char  *field,
                    const char  *text,
                    guint       *count,
                    GError     **error)
{
  gint64 value;

  if (!parse_integer (field, text, 0, G_MAXUINT, &value, error))
    return FALSE;
  *count = (guint) value;
  return TRUE;
}

/**
 * zs_cli_parse_page:
 *
 * Parses --limit and --offset. Without --limit every row is listed (0 is
 * the store's "no limit"), so --limit itself must be at least 1.
 */
gboolean
zs_cli_parse_page (const char  *limit_text,
                   const char  *offset_text,
                   guint       *limit,
                   guint       *offset,
                   GError     **error)
{
  gint64 value;

  *limit = 0;
  *offset = 0;
  if (limit_text != NULL)
    {
      if (!parse_integer ("limit", limit_text, 1, G_MAXUINT, &value, error))
        return FALSE;
      *limit = (guint) value;
    }
  if (offset_text != NULL)
    return zs_cli_parse_count ("offset", offset_text, offset, error);
  return TRUE;
}

static gboolean
is_digits (const char *text,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
zs_cli_parse_date (const char  *field,
                   const char  *text,
                   GError     **error)
{
  if (strlen (text) == 10 && is_digits (text, 4) && text[4] == '-' &&
      is_digits (text + 5, 2) && text[7] == '-' && is_digits (text + 8, 2))
    {
      guint year = g_ascii_strtoull (text, NULL, 10);
      guint month = g_ascii_strtoull (text + 5, NULL, 10);
      guint day = g_ascii_strtoull (text + 8, NULL, 10);

      if (g_date_valid_dmy (day, month, year))
        return TRUE;
    }
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("%s: “%s” is not a date (expected YYYY-MM-DD)"), field, text);
  return FALSE;
}

char *
zs_cli_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * zs_cli_parse_enum:
 *
 * Parses the nick of a value of @enum_type. Stages may also be given by
 * their label (签约 or the translated name).
 */
gboolean
zs_cli_parse_enum (GType        enum_type,
                   const char  *field,
                   const char  *text,
                   int         *value,
                   GError     **error)
{
  if (enum_type == ZS_TYPE_STAGE)
    {
      ZsStage stage;

      if (!zs_stage_parse (text, &stage, error))
        return FALSE;
      *value = stage;
      return TRUE;
    }
  return zs_enum_from_nick (enum_type, field, text, value, error);
}

/* A firm is named by its id, or by its USCC: 18 characters, or fewer when
 * it is not all digits (a mistyped code must not be taken for an id). */
static gboolean
is_firm_id (const char *ref)
{
  size_t len = strlen (ref);

  return len > 0 && len < 18 && is_digits (ref, len);
}

ZsFirm *
zs_cli_lookup_firm (ZsCli       *cli,
                    const char  *ref,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZsFirm) firm = NULL;
  gint64 id;

  if (is_firm_id (ref))
    {
      if (!zs_cli_parse_id ("id", ref, &id, error))
        return NULL;
      firm = zs_store_get_firm (cli->store, id, &local_error);
    }
  else
    firm = zs_store_find_firm_by_uscc (cli->store, ref, &local_error);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (firm == NULL)
    g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("no firm “%s”"), ref);
  return g_steal_pointer (&firm);
}

/* The id of the firm named by @ref, or 0 when @ref is %NULL. */
gboolean
zs_cli_lookup_firm_id (ZsCli       *cli,
                       const char  *ref,
                       gint64      *id,
                       GError     **error)
{
  g_autoptr(ZsFirm) firm = NULL;

  *id = 0;
  if (ref == NULL)
    return TRUE;
  firm = zs_cli_lookup_firm (cli, ref, error);
  if (firm == NULL)
    return FALSE;
  *id = zs_firm_get_id (firm);
  return TRUE;
}

/* Options that set properties */

struct _ZsCliFields
{
  GType             type;
  const ZsCliField *fields;
  guint             n_fields;
  char            **values;  /* the text of each single-valued option */
  char           ***lists;   /* the texts of each repeatable option */
};

static GParamSpec *
field_pspec (ZsCliFields *self,
             guint        i)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (self->type);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                    self->fields[i].property);

  g_assert (pspec != NULL);
  return pspec;
}

static gboolean
field_is_list (ZsCliFields *self,
               guint        i)
{
  return field_pspec (self, i)->value_type == G_TYPE_STRV;
}

ZsCliFields *
zs_cli_fields_new (GType             type,
                   const ZsCliField *fields)
{
  ZsCliFields *self = g_new0 (ZsCliFields, 1);

  self->type = type;
  self->fields = fields;
  while (fields[self->n_fields].option != NULL)
    self->n_fields++;
  self->values = g_new0 (char *, self->n_fields);
  self->lists = g_new0 (char **, self->n_fields);
  return self;
}

void
zs_cli_fields_free (ZsCliFields *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    {
      g_free (self->values[i]);
      g_strfreev (self->lists[i]);
    }
  g_free (self->values);
  g_free (self->lists);
  g_free (self);
}

/* The options, storing their text in @self until zs_cli_fields_apply(). */
GOptionEntry *
zs_cli_fields_get_entries (ZsCliFields *self)
{
  GOptionEntry *entries = g_new0 (GOptionEntry, self->n_fields + 1);

  for (guint i = 0; i < self->n_fields; i++)
    {
      gboolean list = field_is_list (self, i);

      entries[i].long_name = self->fields[i].option;
      entries[i].arg = list ? G_OPTION_ARG_FILENAME_ARRAY : G_OPTION_ARG_FILENAME;
      entries[i].arg_data = list ? (gpointer) &self->lists[i] : (gpointer) &self->values[i];
      entries[i].description = self->fields[i].description;
      entries[i].arg_description = self->fields[i].arg_description;
    }
  return entries;
}

static int
field_index (ZsCliFields *self,
             const char  *option)
{
  for (guint i = 0; i < self->n_fields; i++)
    if (g_str_equal (self->fields[i].option, option))
      return i;
  g_return_val_if_reached (-1);
}

gboolean
zs_cli_fields_is_set (ZsCliFields *self,
                      const char  *option)
{
  int i = field_index (self, option);

  return i >= 0 && (self->values[i] != NULL || self->lists[i] != NULL);
}

gboolean
zs_cli_fields_any_set (ZsCliFields *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    if (self->values[i] != NULL || self->lists[i] != NULL)
      return TRUE;
  return FALSE;
}

gboolean
zs_cli_fields_require (ZsCliFields  *self,
                       const char   *option,
                       GError      **error)
{
  if (zs_cli_fields_is_set (self, option))
    return TRUE;
  return zs_cli_usage_error (error, _("missing required option --%s"), option);
}

static gboolean
integer_to_value (const char  *key,
                  const char  *text,
                  GValue      *value,
                  GError     **error)
{
  gint64 number;

  if (G_VALUE_HOLDS_INT (value))
    {
      if (!parse_integer (key, text, G_MININT, G_MAXINT, &number, error))
        return FALSE;
      g_value_set_int (value, (int) number);
      return TRUE;
    }
  if (!parse_integer (key, text, G_MININT64, G_MAXINT64, &number, error))
    return FALSE;
  g_value_set_int64 (value, number);
  return TRUE;
}

static gboolean
text_to_value (const char  *key,
               const char  *text,
               GParamSpec  *pspec,
               GValue      *value,
               GError     **error)
{
  double number;
  int nick_value;

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, text);
      return TRUE;
    case G_TYPE_INT:
    case G_TYPE_INT64:
      return integer_to_value (key, text, value, error);
    case G_TYPE_DOUBLE:
      if (!parse_double (key, text, &number, error))
        return FALSE;
      g_value_set_double (value, number);
      return TRUE;
    case G_TYPE_ENUM:
      if (!zs_cli_parse_enum (pspec->value_type, key, text, &nick_value, error))
        return FALSE;
      g_value_set_enum (value, nick_value);
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* An empty text clears the reference, as it clears a text field. */
static gboolean
firm_to_value (ZsCli       *cli,
               const char  *key,
               const char  *text,
               GValue      *value,
               GError     **error)
{
  g_autoptr(ZsFirm) firm = NULL;

  if (text[0] == '\0')
    {
      g_value_set_int64 (value, 0);
      return TRUE;
    }

  firm = zs_cli_lookup_firm (cli, text, error);
  if (firm == NULL)
    {
      g_prefix_error (error, "%s: ", key);
      return FALSE;
    }
  g_value_set_int64 (value, zs_firm_get_id (firm));
  return TRUE;
}

static gboolean
convert_text (ZsCli             *cli,
              const ZsCliField  *field,
              GParamSpec        *pspec,
              const char        *key,
              const char        *text,
              GValue            *value,
              GError           **error)
{
  switch (field->kind)
    {
    case ZS_CLI_FIELD_FIRM:
      return firm_to_value (cli, key, text, value, error);
    case ZS_CLI_FIELD_DATE:
      if (!zs_cli_parse_date (key, text, error))
        return FALSE;
      G_GNUC_FALLTHROUGH;
    case ZS_CLI_FIELD_PLAIN:
    default:
      return text_to_value (key, text, pspec, value, error);
    }
}

static gboolean
field_to_value (ZsCliFields  *self,
                ZsCli        *cli,
                guint         i,
                GValue       *value,
                GError      **error)
{
  GParamSpec *pspec = field_pspec (self, i);
  g_autofree char *key = zs_cli_property_key (pspec->name);
  const char *text = self->values[i];

  g_value_init (value, pspec->value_type);
  if (self->lists[i] != NULL)
    {
      g_value_set_boxed (value, self->lists[i]);
      return TRUE;
    }

  if (!convert_text (cli, &self->fields[i], pspec, key, text, value, error))
    return FALSE;

  /* the property's own bounds, such as ids that cannot be negative */
  if (g_param_value_validate (pspec, value))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("%s: “%s” is out of range"), key, text);
      return FALSE;
    }
  return TRUE;
}

/**
 * zs_cli_fields_apply:
 * @self: the options
 * @cli: the tool, with the store open
 * @object: the model object to change
 * @error: return location for a #GError
 *
 * Sets the property of every option given on the command line. Nothing is
 * written to the database; the caller saves @object afterwards.
 *
 * Returns: %TRUE if every value could be converted
 */
gboolean
zs_cli_fields_apply (ZsCliFields  *self,
                     ZsCli        *cli,
                     GObject      *object,
                     GError      **error)
{
  for (guint i = 0; i < self->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (self->values[i] == NULL && self->lists[i] == NULL)
        continue;
      if (!field_to_value (self, cli, i, &value, error))
        return FALSE;
      g_object_set_property (object, self->fields[i].property, &value);
    }
  return TRUE;
}
