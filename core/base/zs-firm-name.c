/* zs-firm-name.c: recognising the same firm under different spellings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zs-firm-name.h"
#include "zs-text-private.h"

/* Legal-form spellings that name the same thing, longest first. */
static const struct {
  const char *variant;
  const char *canonical;
} legal_forms[] = {
  { "有限责任公司", "有限公司" },
  { "有限公司", "有限公司" },
  { "有限責任公司", "有限公司" },
  { "有限公司", "有限公司" },
  { "coltd", "有限公司" },
  { "limited", "有限公司" },
  { "ltd", "有限公司" },
};

/**
 * zs_firm_name_key:
 * @name: a firm name as typed or imported
 *
 * A key under which spellings of the same name meet: full-width and
 * half-width forms, case, blanks and punctuation do not count, and
 * 有限责任公司 equals 有限公司. Used to find duplicates when a row has no
 * unified social credit code.
 *
 * Returns: (transfer full): the key
 */
char *
zs_firm_name_key (const char *name)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) key = g_string_new (NULL);

  g_return_val_if_fail (name != NULL, NULL);

  nfkc = _zs_text_nfkc (name, -1);
  folded = g_utf8_casefold (nfkc ? nfkc : name, -1);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  for (guint i = 0; i < G_N_ELEMENTS (legal_forms); i++)
    {
      if (g_str_has_suffix (key->str, legal_forms[i].variant))
        {
          g_string_truncate (key, key->len - strlen (legal_forms[i].variant));
          g_string_append (key, legal_forms[i].canonical);
          break;
        }
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}
