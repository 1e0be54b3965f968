/* test-xml-guard.c: the scan ahead of libxml2, whole and split anywhere */
#include "config.h"

#include <string.h>

#include "zs-xml-guard.h"

typedef struct {
  const char        *xml;
  ZsXmlGuardVerdict  verdict;
  guint64            max_text;
} Case;

static const Case cases[] = {
  { "<a x=\"1\" y='2'>text &amp; more</a>", ZS_XML_GUARD_OK },
  { "<?xml version=\"1.0\"?><!DOCTYPE a []><a/>", ZS_XML_GUARD_DOCTYPE },
  { "<!-- <!DOCTYPE a> <b c=\" --><a/>", ZS_XML_GUARD_OK },
  { "<![CDATA[ <!DOCTYPE a> ]]><a/>", ZS_XML_GUARD_OK },
  { "<?pi <!DOCTYPE a> ?><a/>", ZS_XML_GUARD_OK },
  { "<!-- a -- b --><!DOCTYPE a>", ZS_XML_GUARD_DOCTYPE },
  { "<a x='<!DOCTYPE'/>", ZS_XML_GUARD_DOCTYPE },
  /* At most 12 bytes from a '<' to the next. */
  { "<a>0123456789</a>", ZS_XML_GUARD_TEXT, 12 },
  { "<a>012345678</a>", ZS_XML_GUARD_OK, 12 },
  { "<a>1 &amp; 2 &#x4E2D; &lt;b&gt;</a>", ZS_XML_GUARD_OK },
};

/* Feeds @xml in pieces of @step bytes. */
static ZsXmlGuardVerdict
scan (const char *xml,
      gsize       step,
      guint64     max_text)
{
  ZsXmlGuard guard;
  gsize len = strlen (xml);

  zs_xml_guard_init (&guard, max_text != 0 ? max_text : G_MAXUINT64);
  for (gsize at = 0; at < len; at += step)
    {
      ZsXmlGuardVerdict verdict = zs_xml_guard_feed (&guard, xml + at, MIN (step, len - at));

      if (verdict != ZS_XML_GUARD_OK)
        return verdict;
    }
  return ZS_XML_GUARD_OK;
}

/* Each case gives the same verdict whole and split at every byte: libxml2
 * asks for its input in blocks that may end anywhere. */
static void
test_cases (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    for (gsize step = 1; step <= strlen (cases[i].xml); step++)
      {
        g_test_message ("case %" G_GSIZE_FORMAT ", pieces of %" G_GSIZE_FORMAT, i, step);
        g_assert_cmpint (scan (cases[i].xml, step, cases[i].max_text), ==, cases[i].verdict);
      }
}

/* Attributes are counted per element, quoted '=' and '>' are values. */
static void
test_attributes (void)
{
  g_autoptr(GString) xml = g_string_new (NULL);

  for (guint n = 0; n < 3; n++)
    {
      g_string_append (xml, "<c");
      for (guint i = 0; i < ZS_XML_GUARD_MAX_ATTRIBUTES; i++)
        g_string_append_printf (xml, " a%u = \"=>\"", i);
      g_string_append (xml, "/>");
    }
  g_assert_cmpint (scan (xml->str, 7, 0), ==, ZS_XML_GUARD_OK);

  g_string_truncate (xml, xml->len - 2);
  g_string_append (xml, " one=\"more\"/>");
  g_assert_cmpint (scan (xml->str, 7, 0), ==, ZS_XML_GUARD_ATTRIBUTES);
}

/* Markup of any kind is bounded from its '<' to its end, text is not. */
static void
test_markup (void)
{
  static const char * const kinds[][2] = {
    { "<!--", "-->" }, { "<?pi ", "?>" }, { "<![CDATA[", "]]>" }, { "<a b='", "'/>" }, { "<", "/>" },
    { "</", ">" }, { "&", ";" }, { "&#", ";" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GString) xml = g_string_new (kinds[i][0]);
      gsize fill = ZS_XML_GUARD_MAX_MARKUP - strlen (kinds[i][0]) - strlen (kinds[i][1]);

      for (gsize n = 0; n < fill; n++)
        g_string_append_c (xml, 'x');
      g_string_append (xml, kinds[i][1]);
      g_string_append (xml, "text");
      g_assert_cmpint (scan (xml->str, 4096, 0), ==, ZS_XML_GUARD_OK);

      g_string_insert_c (xml, strlen (kinds[i][0]), 'x');
      g_assert_cmpint (scan (xml->str, 4096, 0), ==, ZS_XML_GUARD_MARKUP);
    }
}

/* Short tags that never close, one after the other, are one long markup
 * for libxml2, which looks for their '>' through all of them. */
static void
test_unclosed_flood (void)
{
  g_autoptr(GString) xml = g_string_new ("<sst><si><t>");

  while (xml->len <= ZS_XML_GUARD_MAX_MARKUP + 16)
    g_string_append (xml, "<b0p");
  g_assert_cmpint (scan (xml->str, 4096, 0), ==, ZS_XML_GUARD_MARKUP);

  /* text of any length after a closed tag is text */
  g_string_assign (xml, "<t>");
  while (xml->len <= 2 * ZS_XML_GUARD_MAX_MARKUP)
    g_string_append (xml, "文本 text > more ");
  g_string_append (xml, "</t>");
  g_assert_cmpint (scan (xml->str, 4096, 0), ==, ZS_XML_GUARD_OK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/xml-guard/cases", test_cases);
  g_test_add_func ("/io/xml-guard/attributes", test_attributes);
  g_test_add_func ("/io/xml-guard/markup", test_markup);
  g_test_add_func ("/io/xml-guard/unclosed-flood", test_unclosed_flood);

  return g_test_run ();
}
