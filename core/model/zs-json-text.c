/* zs-json-text.c: JSON written as text, numbers as short as they are exact
 *
 * json-glib writes a double with 17 significant digits, so that an amount
 * of 43.6052 (万元) comes out as 43.605200000000004, and 0.1 as
 * 0.10000000000000001. Written here, every number is the shortest that
 * reads back as the same double, as JavaScript and Python print them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "zs-json-text.h"

/* The shortest text of @value that reads back as @value: the fewest
 * significant digits that do, written without an exponent from 1e-5 to
 * 1e17 (as JavaScript and Python do); whole numbers keep a ".0", so that
 * a reader still sees a fraction's type. */
static void
append_shortest (GString *out,
                 double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  int digits, exponent;

  for (digits = 1; digits < 17; digits++)
    {
      g_snprintf (format, sizeof format, "%%.%de", digits - 1);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
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

/* Copies the number starting at @text to @out, shortened; returns its
 * length in @text. */
static gsize
copy_number (GString    *out,
             const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);
  gsize length = end - text;

  /* json-glib 1.6 writes 1e21 as "1e+21.0", which is not JSON */
  if (end[0] == '.' && (memchr (text, 'e', length) != NULL || memchr (text, 'E', length) != NULL))
    {
      append_shortest (out, value);
      for (length++; g_ascii_isdigit (text[length]); length++)
        ;
      return length;
    }

  /* integers are exact as written */
  if (memchr (text, '.', length) == NULL && memchr (text, 'e', length) == NULL &&
      memchr (text, 'E', length) == NULL)
    g_string_append_len (out, text, length);
  else
    append_shortest (out, value);
  return length;
}

/**
 * zs_json_to_text:
 * @node: a JSON node
 * @pretty: indent by two spaces, one member or element a line
 *
 * Writes @node as JSON text, as json_to_string() does but with every
 * fractional number in the shortest form that reads back exactly.
 *
 * Returns: (transfer full): the text
 */
char *
zs_json_to_text (JsonNode *node,
                 gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  GString *out;
  gboolean in_string = FALSE;

  g_return_val_if_fail (node != NULL, NULL);

  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; )
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            g_string_append_len (out, p++, 1);
          else if (*p == '"')
            in_string = FALSE;
          g_string_append_len (out, p++, 1);
        }
      else if (*p == '"')
        {
          in_string = TRUE;
          g_string_append_len (out, p++, 1);
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        p += copy_number (out, p);
      else
        g_string_append_len (out, p++, 1);
    }
  return g_string_free (out, FALSE);
}
