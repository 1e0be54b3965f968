/* zs-chain-text.c: keyword matching that agrees with the core's search index
 *
 * Candidates are found with `firm_search MATCH`; a handful of firms (those
 * with projects, the best candidates) are then checked in C, e.g. whether a
 * keyword is in the name rather than only in the business scope. The C check
 * must give the answer the index gives: the core's tokenizer makes a Chinese
 * phrase match any substring, and Latin words and digits match whole
 * case-folded words. So: fold like the tokenizer, look for the substring,
 * and where the keyword starts or ends with a word character, require a word
 * boundary there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-chain-text.h"

#include <string.h>

/* The core tokenizer's idea of a word character: alphanumeric but not an
 * ideograph, kana or hangul (those are indexed one by one). */
static gboolean
is_word_char (gunichar c)
{
  switch ((int) g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return FALSE;
    default:
      return g_unichar_isalnum (c);
    }
}

/**
 * zs_chain_text_fold:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): @text with full-width forms folded (NFKC) and
 *   case folded, as the search index sees it
 */
char *
zs_chain_text_fold (const char *text)
{
  g_autofree char *nfkc = NULL;

  if (text == NULL)
    return g_strdup ("");
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  return nfkc != NULL ? g_utf8_casefold (nfkc, -1) : g_strdup (text);
}

static gboolean
boundary_before (const char *text,
                 const char *at)
{
  const char *prev = g_utf8_find_prev_char (text, at);

  return prev == NULL || !is_word_char (g_utf8_get_char (prev));
}

static gboolean
boundary_after (const char *end)
{
  return *end == '\0' || !is_word_char (g_utf8_get_char (end));
}

/**
 * zs_chain_text_contains:
 * @folded_text: text from zs_chain_text_fold()
 * @folded_keyword: a keyword from zs_chain_text_fold()
 *
 * Returns: whether the search index would match @folded_keyword as a phrase
 *   in @folded_text
 */
gboolean
zs_chain_text_contains (const char *folded_text,
                        const char *folded_keyword)
{
  gsize length = strlen (folded_keyword);
  gboolean word_start, word_end;
  const char *last;

  if (length == 0)
    return FALSE;
  word_start = is_word_char (g_utf8_get_char (folded_keyword));
  last = g_utf8_find_prev_char (folded_keyword, folded_keyword + length);
  word_end = is_word_char (g_utf8_get_char (last));

  for (const char *at = strstr (folded_text, folded_keyword); at != NULL;
       at = strstr (g_utf8_next_char (at), folded_keyword))
    {
      if ((!word_start || boundary_before (folded_text, at)) &&
          (!word_end || boundary_after (at + length)))
        return TRUE;
    }
  return FALSE;
}

/**
 * zs_chain_text_contains_any:
 * @folded_text: text from zs_chain_text_fold()
 * @folded_keywords: (element-type utf8): folded keywords
 *
 * Returns: whether any of the keywords matches
 */
gboolean
zs_chain_text_contains_any (const char *folded_text,
                            GPtrArray  *folded_keywords)
{
  for (guint i = 0; i < folded_keywords->len; i++)
    if (zs_chain_text_contains (folded_text, g_ptr_array_index (folded_keywords, i)))
      return TRUE;
  return FALSE;
}

static void
append_phrase (GString    *out,
               const char *keyword)
{
  g_string_append_c (out, '"');
  for (const char *p = keyword; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * zs_chain_text_match_expression:
 * @columns: the firm_search columns to look in
 * @keywords: (element-type utf8): the keywords, as the user wrote them
 *
 * Builds `{name business_scope} : ("k1" OR "k2")`; every keyword is a
 * phrase, so it is tokenized by the index's own tokenizer.
 *
 * Returns: (transfer full) (nullable): the expression, %NULL without keywords
 */
char *
zs_chain_text_match_expression (const char * const *columns,
                                GPtrArray          *keywords)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *column_list = NULL;

  if (keywords->len == 0)
    return NULL;
  column_list = g_strjoinv (" ", (char **) columns);
  out = g_string_new (NULL);
  g_string_append_printf (out, "{%s} : (", column_list);
  for (guint i = 0; i < keywords->len; i++)
    {
      if (i > 0)
        g_string_append (out, " OR ");
      append_phrase (out, g_ptr_array_index (keywords, i));
    }
  g_string_append_c (out, ')');
  return g_string_free (g_steal_pointer (&out), FALSE);
}
