/* zs-search.c: an FTS5 tokenizer for Chinese text
 *
 * FTS5's trigram tokenizer cannot find one- and two-character terms, which are
 * the most common Chinese queries (华为, 馕). This tokenizer indexes every Han,
 * kana or hangul character as a unigram and, at the same position, the bigram
 * it starts. A query is rewritten into overlapping bigrams closed by the last
 * unigram, so a phrase query of any length matches exactly the documents that
 * contain it as a substring. Other scripts (Latin, Cyrillic, Arabic, digits)
 * become case-folded words, so USCCs and English names match word prefixes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zs-error.h"
#include "zs-search-private.h"
#include "zs-text-private.h"

#include <sqlite3.h>

/* sqlite3.h does not carry the FTS5 API; fts5.h is not installed by Debian. */
#ifndef FTS5_TOKENIZE_QUERY
typedef struct Fts5Tokenizer Fts5Tokenizer;
typedef struct fts5_tokenizer fts5_tokenizer;
typedef struct fts5_api fts5_api;
struct fts5_tokenizer {
  int (*xCreate) (void *, const char **azArg, int nArg, Fts5Tokenizer **ppOut);
  void (*xDelete) (Fts5Tokenizer *);
  int (*xTokenize) (Fts5Tokenizer *, void *pCtx, int flags, const char *pText, int nText,
                    int (*xToken) (void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd));
};
struct fts5_api {
  int iVersion;
  int (*xCreateTokenizer) (fts5_api *pApi, const char *zName, void *pUserData,
                           fts5_tokenizer *pTokenizer, void (*xDestroy) (void *));
  /* the remaining members are not used here */
};
# define FTS5_TOKENIZE_QUERY     0x0001
# define FTS5_TOKENIZE_PREFIX    0x0002
# define FTS5_TOKENIZE_DOCUMENT  0x0004
# define FTS5_TOKENIZE_AUX       0x0008
# define FTS5_TOKEN_COLOCATED    0x0001
#endif

typedef enum {
  CHAR_SEPARATOR,
  CHAR_IDEOGRAPH,
  CHAR_WORD,
} CharClass;

typedef int (*TokenFunc) (void *ctx, int tflags, const char *token, int n_token, int start, int end);

static CharClass
classify_uncached (gunichar c)
{
  switch ((int) g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      if (g_unichar_isalpha (c))
        return CHAR_IDEOGRAPH;
      break;
    default:
      break;
    }

  return g_unichar_isalnum (c) ? CHAR_WORD : CHAR_SEPARATOR;
}

/* Every character of every indexed text is classified: the Unicode tables
 * are looked up once per character of the BMP, then remembered. */
static CharClass
classify (gunichar c)
{
  static guint8 known[0x10000];   /* 1 + the class, 0 until looked up */
  CharClass cls;

  if (c < 0x80)
    return g_ascii_isalnum (c) ? CHAR_WORD : CHAR_SEPARATOR;
  if (c >= G_N_ELEMENTS (known))
    return classify_uncached (c);
  if (__atomic_load_n (&known[c], __ATOMIC_RELAXED) != 0)
    return __atomic_load_n (&known[c], __ATOMIC_RELAXED) - 1;
  cls = classify_uncached (c);
  __atomic_store_n (&known[c], (guint8) (cls + 1), __ATOMIC_RELAXED);
  return cls;
}

typedef struct {
  const char *text;
  int         length;
  int         offset;
} Cursor;

static gboolean
cursor_next (Cursor   *cursor,
             gunichar *c,
             int      *start,
             int      *end)
{
  const char *p;
  gunichar ch;

  if (cursor->offset >= cursor->length)
    return FALSE;

  p = cursor->text + cursor->offset;
  ch = g_utf8_get_char_validated (p, cursor->length - cursor->offset);
  *start = cursor->offset;
  if (ch == (gunichar) -1 || ch == (gunichar) -2)
    {
      /* Invalid UTF-8: skip the byte as a separator. */
      *c = 0;
      cursor->offset++;
    }
  else
    {
      *c = ch;
      cursor->offset = g_utf8_next_char (p) - cursor->text;
    }
  *end = cursor->offset;
  return TRUE;
}

/* Full-width letters and digits fold to ASCII; case folds away. */
static char *
fold_word (const char *word,
           gssize      length)
{
  g_autofree char *nfkc = NULL;
  gssize i;

  /* ASCII is its own normal form; folding it is lowering it. */
  for (i = 0; i < length && (guchar) word[i] < 0x80; i++)
    ;
  if (i == length)
    return g_ascii_strdown (word, length);
  nfkc = _zs_text_nfkc (word, length);

  return nfkc != NULL ? g_utf8_casefold (nfkc, -1) : g_strndup (word, length);
}

/* A query's run of ideographs is the phrase of its pairs; its last
 * ideograph alone is only added where it ends the query (a prefix of the
 * pair it could start) or is the whole run. */
static int
emit_query_ideographs (void       *ctx,
                       TokenFunc   token,
                       gboolean    closing,
                       const char *text,
                       const int  *starts,
                       const int  *ends,
                       int         count)
{
  for (int i = 0; i < count; i++)
    {
      gboolean has_next = i + 1 < count;
      int rc = SQLITE_OK;

      if (!has_next && (closing || count == 1))
        rc = token (ctx, 0, text + starts[i], ends[i] - starts[i], starts[i], ends[i]);
      else if (has_next)
        rc = token (ctx, 0, text + starts[i], ends[i + 1] - starts[i], starts[i], ends[i + 1]);
      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

static int
emit_word (void       *ctx,
           TokenFunc   token,
           const char *text,
           int         start,
           int         end)
{
  g_autofree char *folded = fold_word (text + start, end - start);

  return token (ctx, 0, folded, strlen (folded), start, end);
}

/* Whether a token would start at or after @offset. */
static gboolean
searchable_from (const char *text,
                 int         length,
                 int         offset)
{
  Cursor cursor = { text, length, offset };
  gunichar c;
  int start, end;

  while (cursor_next (&cursor, &c, &start, &end))
    if (c != 0 && classify (c) != CHAR_SEPARATOR)
      return TRUE;
  return FALSE;
}

/* A document's tokens are written as its characters are read: each
 * ideograph, and the pair it ends at the position of the pair's first. This
 * runs for every character of every firm indexed. */
static int
tokenize_document (void       *ctx,
                   const char *text,
                   int         length,
                   TokenFunc   token)
{
  Cursor cursor = { text, length, 0 };
  int previous_ideograph = -1;   /* where the ideograph before this one starts */
  int word_start = -1, word_end = 0;
  gunichar c;
  int start, end;
  int rc = SQLITE_OK;

  while (rc == SQLITE_OK && cursor_next (&cursor, &c, &start, &end))
    {
      CharClass cls = classify (c);

      if (cls != CHAR_WORD && word_start >= 0)
        {
          rc = emit_word (ctx, token, text, word_start, word_end);
          word_start = -1;
        }
      if (rc == SQLITE_OK && cls == CHAR_IDEOGRAPH)
        {
          if (previous_ideograph >= 0)
            rc = token (ctx, FTS5_TOKEN_COLOCATED, text + previous_ideograph, end - previous_ideograph,
                        previous_ideograph, end);
          if (rc == SQLITE_OK)
            rc = token (ctx, 0, text + start, end - start, start, end);
          previous_ideograph = start;
          continue;
        }
      previous_ideograph = -1;
      if (cls == CHAR_WORD)
        {
          if (word_start < 0)
            word_start = start;
          word_end = end;
        }
    }
  if (rc == SQLITE_OK && word_start >= 0)
    rc = emit_word (ctx, token, text, word_start, word_end);
  return rc;
}

static int
tokenize_query (void       *ctx,
                const char *text,
                int         length,
                TokenFunc   token)
{
  Cursor cursor = { text, length, 0 };
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (int));
  CharClass run = CHAR_SEPARATOR;
  int word_start = 0, word_end = 0;
  gunichar c;
  int start, end;
  int rc = SQLITE_OK;
  gboolean more;

  do
    {
      CharClass cls;

      more = cursor_next (&cursor, &c, &start, &end);
      cls = more ? classify (c) : CHAR_SEPARATOR;

      if (cls != run || cls == CHAR_SEPARATOR)
        {
          if (run == CHAR_IDEOGRAPH)
            rc = emit_query_ideographs (ctx, token, more && searchable_from (text, length, start), text,
                                        (int *) (gpointer) starts->data, (int *) (gpointer) ends->data,
                                        starts->len);
          else if (run == CHAR_WORD && cls != CHAR_WORD)
            rc = emit_word (ctx, token, text, word_start, word_end);
          g_array_set_size (starts, 0);
          g_array_set_size (ends, 0);
          if (rc != SQLITE_OK)
            return rc;
        }

      if (cls == CHAR_IDEOGRAPH)
        {
          g_array_append_val (starts, start);
          g_array_append_val (ends, end);
        }
      else if (cls == CHAR_WORD)
        {
          if (run != CHAR_WORD)
            word_start = start;
          word_end = end;
        }
      run = cls;
    }
  while (more);

  return rc;
}

static int
tokenizer_create (void           *user_data,
                  const char    **args,
                  int             n_args,
                  Fts5Tokenizer **out)
{
  /* Stateless: any non-NULL handle will do. */
  *out = (Fts5Tokenizer *) user_data;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
}

static int
tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                    void          *ctx,
                    int            flags,
                    const char    *text,
                    int            length,
                    TokenFunc      token)
{
  return (flags & FTS5_TOKENIZE_QUERY) ? tokenize_query (ctx, text, length, token)
                                       : tokenize_document (ctx, text, length, token);
}

/* zs_rank(firm_search): the order of search results. bm25() reads every
 * matching row's column sizes, about 1 µs a row, too slow for a character
 * found in tens of thousands of firms; this reads only the hits the query
 * has already decoded. Lower is better, as with bm25(). */
static const double rank_weights[] = {
  10,  /* name */
  8,   /* name_other */
  8,   /* uscc */
  1,   /* business_scope */
  4,   /* contacts */
};
#define RANK_NAME_START_BONUS 10

static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *ctx,
               int                      n_values,
               sqlite3_value          **values)
{
  double score = 0;
  int count = 0;
  int rc = api->xInstCount (fts, &count);

  for (int i = 0; rc == SQLITE_OK && i < count; i++)
    {
      int phrase, column, offset;

      rc = api->xInst (fts, i, &phrase, &column, &offset);
      if (rc != SQLITE_OK)
        break;
      score += column < (int) G_N_ELEMENTS (rank_weights) ? rank_weights[column] : 1;
      if (column == 0 && offset == 0)
        score += RANK_NAME_START_BONUS;
    }
  if (rc != SQLITE_OK)
    sqlite3_result_error_code (ctx, rc);
  else
    sqlite3_result_double (ctx, -score);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

/**
 * zs_search_register_tokenizer:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Registers the `zs_cjk` tokenizer on @db; every connection that reads or
 * writes `firm_search` needs it.
 */
gboolean
zs_search_register_tokenizer (sqlite3  *db,
                              GError  **error)
{
  static fts5_tokenizer tokenizer = {
    tokenizer_create,
    tokenizer_delete,
    tokenizer_tokenize,
  };
  static int handle;
  fts5_api *api = get_fts5_api (db);

  if (api == NULL || api->xCreateTokenizer (api, "zs_cjk", &handle, &tokenizer, NULL) != SQLITE_OK ||
      api->xCreateFunction (api, "zs_rank", NULL, rank_function, NULL) != SQLITE_OK)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_DATABASE,
                   _("This sqlite library has no full-text search (FTS5)"));
      return FALSE;
    }
  return TRUE;
}

static int
collect_token (void       *ctx,
               int         flags,
               const char *token,
               int         n_token,
               int         start,
               int         end)
{
  GPtrArray *tokens = ctx;

  g_ptr_array_add (tokens, g_strdup_printf ("%s%.*s",
                                            (flags & FTS5_TOKEN_COLOCATED) ? "+" : "",
                                            n_token, token));
  return SQLITE_OK;
}

/**
 * zs_search_tokenize:
 * @text: UTF-8 text
 * @for_query: tokenize as a query rather than a document
 * @tokens: (element-type utf8): receives the tokens; colocated ones start with '+'
 *
 * Exposes the tokenizer for tests.
 */
gboolean
zs_search_tokenize (const char *text,
                    gboolean    for_query,
                    GPtrArray  *tokens)
{
  int length = strlen (text);

  return (for_query ? tokenize_query (tokens, text, length, collect_token)
                    : tokenize_document (tokens, text, length, collect_token)) == SQLITE_OK;
}

static gboolean
has_searchable_char (const char *term)
{
  for (const char *p = term; *p; p = g_utf8_next_char (p))
    if (classify (g_utf8_get_char (p)) != CHAR_SEPARATOR)
      return TRUE;
  return FALSE;
}

static gboolean
ends_in_word (const char *term)
{
  const char *last = g_utf8_find_prev_char (term, term + strlen (term));

  return last != NULL && classify (g_utf8_get_char (last)) == CHAR_WORD;
}

/* Splits on ASCII blanks and the ideographic space U+3000. */
static GStrv
split_terms (const char *query)
{
  g_autoptr(GString) normalized = g_string_new (query);

  g_string_replace (normalized, "\u3000", " ", 0);
  return g_strsplit_set (normalized->str, " \t\n\r", -1);
}

/**
 * zs_search_build_match:
 * @query: what the user typed
 *
 * Turns @query into an FTS5 expression: every blank-separated term must
 * match as a phrase; a term ending in a word character matches as a prefix,
 * so a partial USCC or English name finds its firm.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when @query
 *   holds nothing searchable
 */
char *
zs_search_build_match (const char *query)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_auto(GStrv) terms = NULL;

  if (query == NULL)
    return NULL;

  terms = split_terms (query);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_auto(GStrv) quoted = NULL;
      g_autofree char *escaped = NULL;

      if (!has_searchable_char (terms[i]))
        continue;
      quoted = g_strsplit (terms[i], "\"", -1);
      escaped = g_strjoinv ("\"\"", quoted);
      g_string_append_printf (match, "%s\"%s\"%s",
                              match->len ? " " : "", escaped,
                              ends_in_word (terms[i]) ? "*" : "");
    }

  return match->len ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
}
