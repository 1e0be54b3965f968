/* zs-uscc.c: unified social credit codes (GB 32100-2015)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zs-error.h"
#include "zs-uscc.h"
#include "zs-text-private.h"

#define USCC_LENGTH 18

/* The code's alphabet leaves out I, O, S, V and Z, which read like digits. */
static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int weights[USCC_LENGTH - 1] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

static int
char_value (char c)
{
  const char *p = c != '\0' ? strchr (charset, c) : NULL;

  return p != NULL ? (int) (p - charset) : -1;
}

/**
 * zs_uscc_check_character:
 * @first17: the first 17 characters of a code, upper case
 *
 * Computes the check character (the 18th) of a code.
 *
 * Returns: the check character, or '\0' if @first17 is not 17 valid characters
 */
char
zs_uscc_check_character (const char *first17)
{
  int sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (int i = 0; i < USCC_LENGTH - 1; i++)
    {
      int v = char_value (first17[i]);

      if (v < 0)
        return '\0';
      sum += v * weights[i];
    }

  return charset[(31 - sum % 31) % 31];
}

/**
 * zs_uscc_normalize:
 * @uscc: a code as typed or imported
 *
 * Strips surrounding blanks and upper-cases the code; full-width letters and
 * digits become ASCII, as spreadsheets from other offices often carry them.
 *
 * Returns: (transfer full): the normalised code
 */
char *
zs_uscc_normalize (const char *uscc)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (uscc != NULL, NULL);

  nfkc = _zs_text_nfkc (uscc, -1);
  if (nfkc == NULL)
    return g_strdup (uscc);
  stripped = g_strstrip (g_strdup (nfkc));
  return g_ascii_strup (stripped, -1);
}

/**
 * zs_uscc_validate:
 * @uscc: (nullable): a normalised code
 * @error: return location for a #GError
 *
 * Checks length, alphabet and check character. The error names the field,
 * the value and the reason.
 *
 * Returns: %TRUE if @uscc is a valid code
 */
gboolean
zs_uscc_validate (const char  *uscc,
                  GError     **error)
{
  char expected;

  if (uscc == NULL || uscc[0] == '\0')
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("uscc: the unified social credit code is required"));
      return FALSE;
    }

  if (strlen (uscc) != USCC_LENGTH || !g_utf8_validate (uscc, -1, NULL))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("uscc: “%s” must have 18 characters, it has %ld"),
                   uscc, g_utf8_validate (uscc, -1, NULL) ? g_utf8_strlen (uscc, -1) : (glong) strlen (uscc));
      return FALSE;
    }

  for (int i = 0; i < USCC_LENGTH; i++)
    {
      if (char_value (uscc[i]) < 0)
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("uscc: “%s” has “%c” at position %d, which is not allowed (digits and letters except I, O, S, V, Z)"),
                       uscc, uscc[i], i + 1);
          return FALSE;
        }
    }

  expected = zs_uscc_check_character (uscc);
  if (uscc[USCC_LENGTH - 1] != expected)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("uscc: “%s” has a wrong check character “%c” (the first 17 characters give “%c”)"),
                   uscc, uscc[USCC_LENGTH - 1], expected);
      return FALSE;
    }

  return TRUE;
}
