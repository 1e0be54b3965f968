/* zs-json-text.c: JSON written as text, numbers as short as they are exact
 *
 * json-glib writes a double with 17 significant digits, so that an amount
 * of 43.6052 (万元) comes out as 43.605200000000004, and 0.1 as
 * 0.10000000000000001, and 1e21 as "1e+21.0", which is not JSON. Written
 * here, every number is the shortest that reads back as the same double,
 * as JavaScript and Python print them; the rest is laid out as json-glib
 * lays it out, in one pass over the nodes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "zs-json-text.h"
#include "zs-json-text-private.h"

/* The fewest significant digits that read back as @value. Fifteen
 * digits, trailing zeros dropped, are the shortest whenever they read back:
 * a shorter decimal that reads back lies within half an ulp of @value, far
 * inside the rounding step of fifteen digits. Subnormals have few digits
 * of precision and are counted up from one. */
static int
shortest_digits (double value)
{
  static const char * const formats[] = { "%.14e", "%.15e", "%.16e" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  int digits;

  if (value != 0 && fabs (value) < DBL_MIN)
    {
      for (digits = 1; digits < 17; digits++)
        {
          g_snprintf (format, sizeof format, "%%.%de", digits - 1);
          g_ascii_formatd (buffer, sizeof buffer, format, value);
          if (g_ascii_strtod (buffer, NULL) == value)
            break;
        }
      return digits;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *first, *last;

      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (i + 1 < G_N_ELEMENTS (formats) && g_ascii_strtod (buffer, NULL) != value)
        continue;
      first = buffer[0] == '-' ? buffer + 1 : buffer;
      for (last = strchr (buffer, 'e') - 1; *last == '0'; last--)
        ;
      if (*last == '.')
        last--;
      return (int) (last - first) + (last > first ? 0 : 1);
    }
  g_return_val_if_reached (17);
}

/* The shortest text of @value that reads back as @value, written without
 * an exponent from 1e-5 to 1e17 (as JavaScript and Python do); whole
 * numbers keep a ".0", so that a reader still sees a fraction's type. */
void
_zs_json_append_double (GString *out,
                        double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  int digits = shortest_digits (value);
  int exponent;

  g_snprintf (format, sizeof format, "%%.%de", digits - 1);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  exponent = atoi (strchr (buffer, 'e') + 1);
  if (exponent >= -5 && exponent < 17)
    {
      g_snprintf (format, sizeof format, "%%.%df", MAX (0, digits - 1 - exponent));
      g_ascii_formatd (buffer, sizeof buffer, format, value);
    }
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

/* As json-glib escapes: quotes, backslashes, control characters and DEL;
 * the rest, UTF-8 included, as it is. (json-glib 1.6 leaves U+001F as it
 * is, which JSON does not allow; it is escaped here.) Runs without any are
 * copied at once. */
void
_zs_json_append_string (GString    *out,
                        const char *text)
{
  g_string_append_c (out, '"');
  while (*text != '\0')
    {
      const char *run = text;

      while (*text != '\0' && *text != '"' && *text != '\\' && (guchar) *text >= 0x20 && *text != 0x7f)
        text++;
      g_string_append_len (out, run, text - run);
      if (*text == '\0')
        break;
      switch (*text)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", (guchar) *text); break;
        }
      text++;
    }
  g_string_append_c (out, '"');
}

static void append_node (GString *out, JsonNode *node, gboolean pretty, guint level);

static void
append_indent (GString *out,
               gboolean pretty,
               guint    level)
{
  if (pretty)
    for (guint i = 0; i < level * 2; i++)
      g_string_append_c (out, ' ');
}

static void
append_value (GString  *out,
              JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      _zs_json_append_double (out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      _zs_json_append_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append (out, "null");
      break;
    }
}

static void
append_array (GString   *out,
              JsonArray *array,
              gboolean   pretty,
              guint      level)
{
  guint length = json_array_get_length (array);

  g_string_append_c (out, '[');
  if (length > 0)
    {
      if (pretty)
        g_string_append_c (out, '\n');
      for (guint i = 0; i < length; i++)
        {
          append_indent (out, pretty, level + 1);
          append_node (out, json_array_get_element (array, i), pretty, level + 1);
          if (i + 1 < length)
            g_string_append_c (out, ',');
          if (pretty)
            g_string_append_c (out, '\n');
        }
      append_indent (out, pretty, level);
    }
  g_string_append_c (out, ']');
}

static void
append_object (GString    *out,
               JsonObject *object,
               gboolean    pretty,
               guint       level)
{
  guint length = json_object_get_size (object);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  guint i = 0;

  g_string_append_c (out, '{');
  if (length > 0)
    {
      if (pretty)
        g_string_append_c (out, '\n');
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          append_indent (out, pretty, level + 1);
          _zs_json_append_string (out, name);
          g_string_append (out, pretty ? " : " : ":");
          append_node (out, member, pretty, level + 1);
          if (++i < length)
            g_string_append_c (out, ',');
          if (pretty)
            g_string_append_c (out, '\n');
        }
    }
  /* json-glib indents the brace of an empty object too: "{  }" */
  append_indent (out, pretty, level);
  g_string_append_c (out, '}');
}

static void
append_node (GString  *out,
             JsonNode *node,
             gboolean  pretty,
             guint     level)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      append_object (out, json_node_get_object (node), pretty, level);
      break;
    case JSON_NODE_ARRAY:
      append_array (out, json_node_get_array (node), pretty, level);
      break;
    case JSON_NODE_VALUE:
      append_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * zs_json_to_text:
 * @node: a JSON node
 * @pretty: indent by two spaces, one member or element a line
 *
 * Writes @node as JSON text, laid out as json_to_string() does but with
 * every fractional number in the shortest form that reads back exactly.
 *
 * Returns: (transfer full): the text
 */
char *
zs_json_to_text (JsonNode *node,
                 gboolean  pretty)
{
  GString *out = g_string_sized_new (256);

  g_return_val_if_fail (node != NULL, NULL);

  append_node (out, node, pretty, 0);
  return g_string_free (out, FALSE);
}
