/* zs-text-width.c: text laid out in terminal columns
 *
 * A Chinese character takes two columns on a terminal, a combining mark
 * none; tables of the command line and of plugins' verbs pad and cut by
 * these widths so that Chinese text lines up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-text-width.h"

static guint
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

/**
 * zs_text_get_width:
 * @text: UTF-8 text
 *
 * Returns: the terminal columns @text takes: two for a CJK character,
 *   none for a zero-width one, one for the rest
 */
guint
zs_text_get_width (const char *text)
{
  guint width = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

/**
 * zs_text_clip:
 * @text: UTF-8 text
 * @max_width: the most columns the result may take (at least 1)
 *
 * Returns: (transfer full): @text, or its beginning ending in “…” when it
 *   takes more than @max_width columns
 */
char *
zs_text_clip (const char *text,
              guint       max_width)
{
  g_autoptr(GString) clipped = NULL;
  guint width = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (max_width > 0, NULL);

  if (zs_text_get_width (text) <= max_width)
    return g_strdup (text);

  clipped = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (width + char_width (c) > max_width - 1)
        break;
      width += char_width (c);
      g_string_append_unichar (clipped, c);
    }
  g_string_append (clipped, "…");
  return g_string_free (g_steal_pointer (&clipped), FALSE);
}

/**
 * zs_text_single_line:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): @text with line breaks, tabs and other control
 *   characters turned into spaces, to fit one table cell
 */
char *
zs_text_single_line (const char *text)
{
  g_autoptr(GString) line = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  line = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (line, ' ');
      else
        g_string_append_unichar (line, c);
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/**
 * zs_text_append_padded:
 * @line: where to append
 * @text: UTF-8 text
 * @width: the terminal columns to fill
 *
 * Appends @text and spaces up to @width columns.
 */
void
zs_text_append_padded (GString    *line,
                       const char *text,
                       guint       width)
{
  g_return_if_fail (line != NULL);
  g_return_if_fail (text != NULL);

  g_string_append (line, text);
  for (guint w = zs_text_get_width (text); w < width; w++)
    g_string_append_c (line, ' ');
}
