/* zs-command-invocation.c: one run of a command: its parsed options and output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zs-json-text.h"
#include "zs-command-private.h"
#include "zs-text-width.h"

/* Cells wider than this are cut in tables; --json prints all. */
#define MAX_CELL_WIDTH 60
#define COLUMN_GAP "  "

/**
 * ZsCommandInvocation:
 *
 * What a #ZsCommand's handler receives: the options as typed values (only
 * those given on the command line are set), the positional arguments,
 * whether `--json` was given, the plugin's context, and where to print.
 */
struct _ZsCommandInvocation
{
  GObject          parent_instance;

  ZsPluginContext *context;
  gboolean         json;
  GHashTable      *values;     /* option name → GValue */
  GStrv            arguments;
  GString         *output;
};

G_DEFINE_FINAL_TYPE (ZsCommandInvocation, zs_command_invocation, G_TYPE_OBJECT)

static void
free_value (gpointer data)
{
  GValue *value = data;

  g_value_unset (value);
  g_free (value);
}

static void
zs_command_invocation_finalize (GObject *object)
{
  ZsCommandInvocation *self = (ZsCommandInvocation *) object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->arguments, g_strfreev);
  g_string_free (self->output, TRUE);

  G_OBJECT_CLASS (zs_command_invocation_parent_class)->finalize (object);
}

static void
zs_command_invocation_class_init (ZsCommandInvocationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zs_command_invocation_finalize;
}

static void
zs_command_invocation_init (ZsCommandInvocation *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_value);
  self->arguments = g_new0 (char *, 1);
  self->output = g_string_new (NULL);
}

ZsCommandInvocation *
_zs_command_invocation_new (ZsPluginContext *context,
                            gboolean         json)
{
  ZsCommandInvocation *self = g_object_new (ZS_TYPE_COMMAND_INVOCATION, NULL);

  self->context = context ? g_object_ref (context) : NULL;
  self->json = json;
  return self;
}

/* Takes the contents of @value; a repeated option keeps the last. */
void
_zs_command_invocation_take_value (ZsCommandInvocation *self,
                                   const char          *name,
                                   GValue              *value)
{
  GValue *stored = g_new0 (GValue, 1);

  *stored = *value;
  memset (value, 0, sizeof *value);
  g_hash_table_replace (self->values, g_strdup (name), stored);
}

void
_zs_command_invocation_set_json (ZsCommandInvocation *self,
                                 gboolean             json)
{
  self->json = json;
}

void
_zs_command_invocation_add_string (ZsCommandInvocation *self,
                                   const char          *name,
                                   const char          *text)
{
  const char * const *before = zs_command_invocation_get_strings (self, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GValue value = G_VALUE_INIT;

  if (before != NULL)
    g_strv_builder_addv (builder, (const char **) before);
  g_strv_builder_add (builder, text);
  g_value_init (&value, G_TYPE_STRV);
  g_value_take_boxed (&value, g_strv_builder_end (builder));
  _zs_command_invocation_take_value (self, name, &value);
}

void
_zs_command_invocation_set_arguments (ZsCommandInvocation *self,
                                      const char * const  *arguments)
{
  g_strfreev (self->arguments);
  self->arguments = g_strdupv ((char **) arguments);
}

/**
 * zs_command_invocation_get_context:
 * @self: a #ZsCommandInvocation
 *
 * Returns: (transfer none) (nullable): the plugin's context, with the store
 *   and the engine (for other plugins' services)
 */
ZsPluginContext *
zs_command_invocation_get_context (ZsCommandInvocation *self)
{
  g_return_val_if_fail (ZS_IS_COMMAND_INVOCATION (self), NULL);
  return self->context;
}

/**
 * zs_command_invocation_get_json:
 * @self: a #ZsCommandInvocation
 *
 * Returns: whether the user asked for JSON output
 */
gboolean
zs_command_invocation_get_json (ZsCommandInvocation *self)
{
  g_return_val_if_fail (ZS_IS_COMMAND_INVOCATION (self), FALSE);
  return self->json;
}

/**
 * zs_command_invocation_get_arguments:
 * @self: a #ZsCommandInvocation
 *
 * Returns: (transfer none) (array zero-terminated=1): the positional
 *   arguments, in their number checked against the command's
 */
const char * const *
zs_command_invocation_get_arguments (ZsCommandInvocation *self)
{
  g_return_val_if_fail (ZS_IS_COMMAND_INVOCATION (self), NULL);
  return (const char * const *) self->arguments;
}

static const GValue *
lookup (ZsCommandInvocation *self,
        const char          *name,
        GType                type)
{
  const GValue *value = g_hash_table_lookup (self->values, name);

  return value != NULL && G_VALUE_HOLDS (value, type) ? value : NULL;
}

/**
 * zs_command_invocation_has_option:
 * @self: a #ZsCommandInvocation
 * @name: an option's long name, without "--"
 *
 * Returns: whether the option was given
 */
gboolean
zs_command_invocation_has_option (ZsCommandInvocation *self,
                                  const char          *name)
{
  g_return_val_if_fail (ZS_IS_COMMAND_INVOCATION (self), FALSE);
  return g_hash_table_contains (self->values, name);
}

/**
 * zs_command_invocation_get_string:
 * @self: a #ZsCommandInvocation
 * @name: a string or date option
 *
 * Returns: (nullable): the value, or %NULL when the option was not given
 */
const char *
zs_command_invocation_get_string (ZsCommandInvocation *self,
                                  const char          *name)
{
  const GValue *value;

  g_return_val_if_fail (ZS_IS_COMMAND_INVOCATION (self), NULL);

  value = lookup (self, name, G_TYPE_STRING);
  return value ? g_value_get_string (value) : NULL;
}

/**
 * zs_command_invocation_get_int:
 * @self: a #ZsCommandInvocation
 * @name: an integer option
 * @default_value: the value when the option was not given
 *
 * Returns: the value
 */
gint64
zs_command_invocation_get_int (ZsCommandInvocation *self,
                               const char          *name,
                               gint64               default_value)
{
  const GValue *value;

  g_return_val_if_fail (ZS_IS_COMMAND_INVOCATION (self), default_value);

  value = lookup (self, name, G_TYPE_INT64);
  return value ? g_value_get_int64 (value) : default_value;
}

/**
 * zs_command_invocation_get_double:
 * @self: a #ZsCommandInvocation
 * @name: a number option
 * @default_value: the value when the option was not given
 *
 * Returns: the value
 */
double
zs_command_invocation_get_double (ZsCommandInvocation *self,
                                  const char          *name,
                                  double               default_value)
{
  const GValue *value;

  g_return_val_if_fail (ZS_IS_COMMAND_INVOCATION (self), default_value);

  value = lookup (self, name, G_TYPE_DOUBLE);
  return value ? g_value_get_double (value) : default_value;
}

/**
 * zs_command_invocation_get_boolean:
 * @self: a #ZsCommandInvocation
 * @name: a flag
 *
 * Returns: whether the flag was given
 */
gboolean
zs_command_invocation_get_boolean (ZsCommandInvocation *self,
                                   const char          *name)
{
  const GValue *value;

  g_return_val_if_fail (ZS_IS_COMMAND_INVOCATION (self), FALSE);

  value = lookup (self, name, G_TYPE_BOOLEAN);
  return value ? g_value_get_boolean (value) : FALSE;
}

/**
 * zs_command_invocation_get_strings:
 * @self: a #ZsCommandInvocation
 * @name: a repeatable option
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the
 *   values in the order given, or %NULL when the option was not given
 */
const char * const *
zs_command_invocation_get_strings (ZsCommandInvocation *self,
                                   const char          *name)
{
  const GValue *value;

  g_return_val_if_fail (ZS_IS_COMMAND_INVOCATION (self), NULL);

  value = lookup (self, name, G_TYPE_STRV);
  return value ? g_value_get_boxed (value) : NULL;
}

/**
 * zs_command_invocation_print_text:
 * @self: a #ZsCommandInvocation
 * @text: UTF-8 text
 *
 * Adds @text to the command's output, as it is.
 */
void
zs_command_invocation_print_text (ZsCommandInvocation *self,
                             const char          *text)
{
  g_return_if_fail (ZS_IS_COMMAND_INVOCATION (self));
  g_return_if_fail (text != NULL);

  g_string_append (self->output, text);
}

/**
 * zs_command_invocation_print_json:
 * @self: a #ZsCommandInvocation
 * @node: a JSON value
 *
 * Adds @node to the output, indented as the CLI's own --json output is.
 */
void
zs_command_invocation_print_json (ZsCommandInvocation *self,
                                  JsonNode            *node)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ZS_IS_COMMAND_INVOCATION (self));
  g_return_if_fail (node != NULL);

  text = zs_json_to_text (node, TRUE);
  g_string_append_printf (self->output, "%s\n", text);
}

/**
 * zs_command_invocation_print_rows:
 * @self: a #ZsCommandInvocation
 * @rows: a JSON array of objects
 * @columns: (array zero-terminated=1): the members shown in the table
 *
 * Adds @rows to the output: the JSON array under `--json`, else a table of
 * @columns (zs_command_format_table()).
 */
void
zs_command_invocation_print_rows (ZsCommandInvocation *self,
                                  JsonArray           *rows,
                                  const char * const  *columns)
{
  g_autofree char *table = NULL;

  g_return_if_fail (ZS_IS_COMMAND_INVOCATION (self));
  g_return_if_fail (rows != NULL);
  g_return_if_fail (columns != NULL);

  if (self->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (node, rows);
      zs_command_invocation_print_json (self, node);
      return;
    }
  table = zs_command_format_table (rows, columns);
  g_string_append (self->output, table);
}

/**
 * zs_command_invocation_steal_output:
 * @self: a #ZsCommandInvocation
 *
 * Returns: (transfer full): what was printed so far; the output is empty
 *   afterwards
 */
char *
zs_command_invocation_steal_output (ZsCommandInvocation *self)
{
  char *output;

  g_return_val_if_fail (ZS_IS_COMMAND_INVOCATION (self), NULL);

  output = g_strdup (self->output->str);
  g_string_truncate (self->output, 0);
  return output;
}

static char *
format_cell (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return g_strdup ("");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return zs_text_single_line (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return g_strdup ("");
    }
}

static void
append_row (GString   *table,
            GPtrArray *cells,
            guint      first,
            guint     *widths,
            guint      n_columns)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint col = 0; col < n_columns; col++)
    {
      const char *cell = g_ptr_array_index (cells, first + col);

      if (col + 1 < n_columns)
        {
          zs_text_append_padded (line, cell, widths[col]);
          g_string_append (line, COLUMN_GAP);
        }
      else
        g_string_append (line, cell);
    }
  g_string_append_printf (table, "%s\n", g_strchomp (line->str));
}

/**
 * zs_command_format_table:
 * @rows: a JSON array of objects
 * @columns: (array zero-terminated=1): the members to show, which are also
 *   the header row
 *
 * Lays @rows out as the CLI's tables are: columns aligned by terminal
 * width (a Chinese character takes two), cells on one line and cut at 60
 * columns, null and missing members empty. The header is there even for
 * no rows.
 *
 * Returns: (transfer full): the table, one line per row
 */
char *
zs_command_format_table (JsonArray          *rows,
                         const char * const *columns)
{
  guint n_columns;
  g_autofree guint *widths = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  GString *table = g_string_new (NULL);

  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  n_columns = g_strv_length ((char **) columns);
  widths = g_new0 (guint, n_columns);
  for (guint col = 0; col < n_columns; col++)
    g_ptr_array_add (cells, g_strdup (columns[col]));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      for (guint col = 0; col < n_columns; col++)
        {
          JsonNode *node = row ? json_object_get_member (row, columns[col]) : NULL;
          g_autofree char *cell = format_cell (node);

          g_ptr_array_add (cells, zs_text_clip (cell, MAX_CELL_WIDTH));
        }
    }

  for (guint i = 0; i < cells->len; i++)
    widths[i % n_columns] = MAX (widths[i % n_columns], zs_text_get_width (cells->pdata[i]));
  for (guint first = 0; first < cells->len; first += n_columns)
    append_row (table, cells, first, widths, n_columns);
  return g_string_free (table, FALSE);
}
