/* zs-text.c: text normalisation shared by search, import and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zs-text-private.h"

/* ASCII and the CJK unified ideographs (with extension A) have no
 * compatibility decomposition: text made only of them is its own NFKC. */
static gboolean
is_nfkc_stable (gunichar c)
{
  return c < 0x80 || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff);
}

/**
 * _zs_text_nfkc:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Folds full-width letters, digits and punctuation to their usual forms
 * (Unicode NFKC). Most names and values in the files imported are plain
 * Chinese and ASCII, which are copied without consulting the tables.
 *
 * Returns: (transfer full) (nullable): the normalised text, %NULL if @text
 *   is not valid UTF-8
 */
char *
_zs_text_nfkc (const char *text,
               gssize      length)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);

  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0 || !is_nfkc_stable (c))
        return g_utf8_normalize (text, length, G_NORMALIZE_ALL_COMPOSE);
      p = g_utf8_next_char (p);
    }
  return g_strndup (text, end - text);
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) ||
         g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR ||
         g_unichar_type (c) == G_UNICODE_FORMAT;
}

/**
 * _zs_text_normalize_name:
 * @name: (nullable): a person's name as typed or given by the system
 *
 * The form a staff name is stored and compared in: Unicode NFKC, so that
 * full-width letters are the usual ones, without the blanks around it
 * (full-width and zero-width spaces included). Case is kept.
 *
 * Returns: (transfer full) (nullable): the name, "" if it was only blanks,
 *   %NULL if @name is %NULL or not valid UTF-8
 */
char *
_zs_text_normalize_name (const char *name)
{
  g_autofree char *folded = NULL;
  const char *start;
  const char *end;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;
  folded = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  start = folded;
  end = folded + strlen (folded);
  while (*start != '\0' && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && is_blank (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  return g_strndup (start, end - start);
}
