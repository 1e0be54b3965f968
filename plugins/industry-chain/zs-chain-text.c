/* zs-chain-text.c: keyword matching that agrees with the core's search index
 *
 * Candidates are found with `firm_search MATCH`; some firms (those with
 * projects, the best candidates) are then checked in C, e.g. whether a
 * keyword is in the name rather than only in the business scope. The C check
 * must give the answer the index gives. The core's tokenizer indexes Chinese
 * characters as they are, so a keyword of Chinese characters matches any
 * substring of the raw text; Latin words and digits are NFKC- and
 * case-folded and match whole words. So a keyword with word characters is
 * folded, looked for in folded text, and needs a word boundary wherever it
 * starts or ends with a word character.
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

/**
 * zs_chain_text_needs_folding:
 * @keyword: a keyword
 *
 * Returns: whether @keyword has Latin letters or digits, which the index
 *   folds; %FALSE for Chinese text, which is matched as it is
 */
gboolean
zs_chain_text_needs_folding (const char *keyword)
{
  for (const char *p = keyword; *p != '\0'; p = g_utf8_next_char (p))
    if (is_word_char (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Chinese text, CJK and full-width punctuation: never a word character. */
static gboolean
surely_not_word (gunichar c)
{
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0x2000 && c <= 0x206F) ||
         (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFFEF);
}

/**
 * zs_chain_text_may_hold_words:
 * @text: UTF-8 text
 *
 * A quick test that spares folding most Chinese names and scopes: they
 * hold no word character, so no Latin keyword can match them.
 *
 * Returns: %FALSE if @text surely holds no word character
 */
gboolean
zs_chain_text_may_hold_words (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((guchar) *p < 0x80 ? g_ascii_isalnum (*p) : !surely_not_word (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
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
