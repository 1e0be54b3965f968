/* zs-xml-guard.c: a scan of XML ahead of libxml2, for what it reads slowly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of a workbook come from anywhere. libxml2 (2.9) spends time
 * without bound on three things no spreadsheet program writes: the
 * entities of a document type declaration (a few hundred bytes expand to
 * gigabytes inside an attribute), an element with many thousand
 * attributes, and markup (a tag, a comment, an entity or character
 * reference…) longer than ten megabytes. The guard sees the
 * bytes before libxml2 does and stops at any of them; it also measures the
 * text since the last '<', which the reader bounds.
 *
 * The scan is a small state machine carried from one block to the next.
 * Outside comments, CDATA sections and processing instructions a '<'
 * always starts markup (it cannot stand unescaped in text or in an
 * attribute value), so a malformed part cannot lead the guard astray for
 * longer than libxml2 takes to refuse it.
 */
#include "config.h"

#include <string.h>

#include "zs-xml-guard.h"

enum {
  STATE_TEXT,
  STATE_AFTER_LT,
  STATE_BANG,
  STATE_COMMENT,
  STATE_CDATA,
  STATE_PI,
  STATE_TAG,
  STATE_QUOTED,
  STATE_REFERENCE,
};

static const char doctype[] = "!DOCTYPE";

/* Starts the scan of a new part; @max_text bounds the bytes from a '<' to
 * the next one. */
void
zs_xml_guard_init (ZsXmlGuard *guard,
                   guint64     max_text)
{
  g_return_if_fail (guard != NULL);

  memset (guard, 0, sizeof *guard);
  guard->state = STATE_TEXT;
  guard->max_text = max_text;
}

/* Where a '<' starts: a declaration, a processing instruction, or a tag
 * (an end tag has no attributes to count). */
static void
after_lt (ZsXmlGuard *guard,
          char        c)
{
  guard->matched = 1;
  guard->run = 0;
  if (c == '!')
    guard->state = STATE_BANG;
  else if (c == '?')
    guard->state = STATE_PI;
  else
    {
      guard->state = STATE_TAG;
      guard->attributes = 0;
    }
}

/* After "<!": a comment, a CDATA section or a document type. */
static gboolean
after_bang (ZsXmlGuard *guard,
            char        c)
{
  if (guard->matched == 1 && c == '-')
    guard->state = STATE_COMMENT;
  else if (guard->matched == 1 && c == '[')
    guard->state = STATE_CDATA;
  else if (c != doctype[guard->matched])
    guard->state = STATE_TEXT;
  else if (doctype[++guard->matched] == '\0')
    return FALSE;
  return TRUE;
}

/* Inside a comment ("-->"), a CDATA section ("]]>") or a processing
 * instruction ("?>"), where a '<' is text: @mark repeated @n_marks times
 * and a '>' end it. */
static void
inside_section (ZsXmlGuard *guard,
                char        c,
                char        mark,
                guint       n_marks)
{
  if (c == mark)
    guard->run++;
  else if (c == '>' && guard->run >= n_marks)
    guard->state = STATE_TEXT;
  else
    guard->run = 0;
}

/* In a start tag: counts the '=' outside quoted values. */
static gboolean
inside_tag (ZsXmlGuard *guard,
            char        c)
{
  if (c == '"' || c == '\'')
    {
      guard->quote = c;
      guard->state = STATE_QUOTED;
    }
  else if (c == '>')
    guard->state = STATE_TEXT;
  else if (c == '=')
    return ++guard->attributes <= ZS_XML_GUARD_MAX_ATTRIBUTES;
  return TRUE;
}

/* libxml2 waits for a '>' after a '<' it cannot parse yet and, at every
 * block, searches the whole unparsed input for one: from a '<' to the
 * next '>', whatever lies between (a flood of "<a<a<a…", a tag whose
 * quotes never close), is bounded like markup. FALSE past the bound. */
static gboolean
measure_open_markup (ZsXmlGuard *guard,
                     const char *bytes,
                     gsize       len)
{
  const char *end = bytes + len;

  for (const char *p = bytes; p < end; )
    {
      const char *gt;

      if (!guard->open)
        {
          const char *lt = memchr (p, '<', end - p);

          if (lt == NULL)
            return TRUE;
          guard->open = TRUE;
          guard->open_run = 0;
          p = lt;
        }
      gt = memchr (p, '>', end - p);
      guard->open_run += (gt != NULL ? gt : end) - p;
      if (guard->open_run > ZS_XML_GUARD_MAX_MARKUP)
        return FALSE;
      if (gt == NULL)
        return TRUE;
      guard->open = FALSE;
      p = gt + 1;
    }
  return TRUE;
}

/* Adds the bytes since the last '<' (which count too): FALSE once a run
 * is longer than max_text. */
static gboolean
measure_text (ZsXmlGuard *guard,
              const char *bytes,
              gsize       len)
{
  const char *end = bytes + len;

  for (const char *p = bytes; ; )
    {
      const char *lt = memchr (p, '<', end - p);

      guard->text_run += (lt != NULL ? lt : end) - p;
      if (guard->text_run > guard->max_text)
        return FALSE;
      if (lt == NULL)
        return TRUE;
      guard->text_run = 1;
      p = lt + 1;
    }
}

/* Scans the next @len bytes of the part: ZS_XML_GUARD_OK, or what stopped
 * the scan. */
ZsXmlGuardVerdict
zs_xml_guard_feed (ZsXmlGuard *guard,
                   const char *bytes,
                   gsize       len)
{
  const char *end = bytes + len;

  g_return_val_if_fail (guard != NULL, ZS_XML_GUARD_OK);
  g_return_val_if_fail (bytes != NULL || len == 0, ZS_XML_GUARD_OK);

  for (const char *p = bytes; p < end; p++)
    {
      char c = *p;

      if (guard->state != STATE_TEXT && ++guard->markup_run > ZS_XML_GUARD_MAX_MARKUP)
        return ZS_XML_GUARD_MARKUP;
      switch (guard->state)
        {
        case STATE_COMMENT:
          inside_section (guard, c, '-', 2);
          continue;
        case STATE_CDATA:
          inside_section (guard, c, ']', 2);
          continue;
        case STATE_PI:
          inside_section (guard, c, '?', 1);
          continue;
        default:
          break;
        }
      if (c == '<')
        {
          guard->state = STATE_AFTER_LT;
          guard->markup_run = 1;
          continue;
        }
      switch (guard->state)
        {
        case STATE_TEXT:
          if (c == '&')
            {
              guard->state = STATE_REFERENCE;
              guard->markup_run = 1;
              break;
            }
          /* Most bytes are text: on to the next markup or reference. */
          while (p + 1 < end && p[1] != '<' && p[1] != '&')
            p++;
          break;
        case STATE_REFERENCE:
          if (c == ';')
            guard->state = STATE_TEXT;
          break;
        case STATE_AFTER_LT:
          after_lt (guard, c);
          break;
        case STATE_BANG:
          if (!after_bang (guard, c))
            return ZS_XML_GUARD_DOCTYPE;
          break;
        case STATE_TAG:
          if (!inside_tag (guard, c))
            return ZS_XML_GUARD_ATTRIBUTES;
          break;
        case STATE_QUOTED:
          if (c == guard->quote)
            guard->state = STATE_TAG;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (!measure_open_markup (guard, bytes, len))
    return ZS_XML_GUARD_MARKUP;
  return measure_text (guard, bytes, len) ? ZS_XML_GUARD_OK : ZS_XML_GUARD_TEXT;
}
