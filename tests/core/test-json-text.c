/* test-json-text.c: JSON text with numbers as short as they are exact */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <zhaoshang.h>

static char *
write_value (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return zs_json_to_text (json_parser_get_root (parser), FALSE);
}

/* Amounts in 万元 computed from yuan, as a ledger does: shortest form,
 * and the same double when read back. */
static void
test_shortest (void)
{
  const double values[] = { 436052 / 1e4, 13428608 / 1e4, 0.1, 0.1 + 0.2, 1 / 3.0, 7030, -0.5, 1e21, 5e-324, 1e-7 };
  const char * const expected[] = { "43.6052", "1342.8608", "0.1", "0.30000000000000004", "0.3333333333333333",
                                    "7030.0", "-0.5", "1e+21", "5e-324", "1e-07" };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), values[i]);
      g_autofree char *text = zs_json_to_text (node, FALSE);
      g_autofree char *again = NULL;

      g_assert_cmpstr (text, ==, expected[i]);
      g_assert_true (g_ascii_strtod (text, NULL) == values[i]);
      again = write_value (text);
      g_assert_cmpstr (again, ==, text);
    }
}

/* The fewest digits, found the slow way: one more at a time. */
static char *
shortest_slowly (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  int digits, exponent;

  for (digits = 1; digits < 17; digits++)
    {
      g_ascii_formatd (buffer, sizeof buffer, (const char *[]) { "%.0e", "%.1e", "%.2e", "%.3e", "%.4e", "%.5e", "%.6e",
                       "%.7e", "%.8e", "%.9e", "%.10e", "%.11e", "%.12e", "%.13e", "%.14e", "%.15e" }[digits - 1], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_snprintf (buffer, sizeof buffer, "%.*e", digits - 1, value);
  exponent = atoi (strchr (buffer, 'e') + 1);
  if (exponent >= -5 && exponent < 17)
    g_snprintf (buffer, sizeof buffer, "%.*f", MAX (0, digits - 1 - exponent), value);
  return g_strdup (strpbrk (buffer, ".eE") != NULL ? buffer : strcat (buffer, ".0"));
}

/* Random doubles of every magnitude, ratios of amounts as a ledger makes
 * them among them: as short as the slow search finds, and exact. */
static void
test_shortest_random (void)
{
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *scaled = g_strdup_printf ("%.17ge%d", g_test_rand_double_range (-1, 1),
                                                 g_test_rand_int_range (-320, 300));
      double value = i % 2 ? g_test_rand_int_range (1, 100000000) / 1e4 : g_ascii_strtod (scaled, NULL);
      g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), value);
      g_autofree char *text = zs_json_to_text (node, FALSE);
      g_autofree char *expected = shortest_slowly (value);

      g_assert_cmpstr (text, ==, expected);
      g_assert_true (g_ascii_strtod (text, NULL) == value);
    }
}

/* Integers, strings that look like numbers, nesting and escapes stay. */
static void
test_rest_as_is (void)
{
  g_autofree char *text = write_value ("{\"id\":9007199254740993,\"n\":-12,\"s\":\"43.605200000000004 \\\"1.10000000000000009\\\"\","
                                       "\"a\":[0.10000000000000001,true,null,{\"x\":2.5}],\"名称\":\"天山\"}");

  g_assert_cmpstr (text, ==, "{\"id\":9007199254740993,\"n\":-12,\"s\":\"43.605200000000004 \\\"1.10000000000000009\\\"\","
                             "\"a\":[0.1,true,null,{\"x\":2.5}],\"名称\":\"天山\"}");
}

/* Apart from numbers, the text is laid out exactly as json-glib lays it
 * out, pretty or not: the CLI's --json output must not change. */
static void
test_same_layout (void)
{
  const char * const documents[] = {
    "{}", "[]", "null", "true", "\"\"", "-7", "{\"a\":[],\"b\":{},\"c\":[[],{}]}",
    "{\"z\":1,\"a\":2,\"m\":[1,\"x\",null,false,{\"k\":\"v\"}]}",
    "[\"quote \\\" backslash \\\\ slash / tab \\t nl \\n cr \\r bs \\b ff \\f\"]",
    "[\"\\u0001\\u001e\\u007f \\u00e9 \\u2028 天山 \\ud83d\\ude00\"]",
    "{\"名称\":{\"键\\\"\":[{\"deep\":[[[{\"x\":\"y\"}]]]}]}}",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      g_assert_true (json_parser_load_from_data (parser, documents[i], -1, &error));
      g_assert_no_error (error);
      for (int pretty = 0; pretty <= 1; pretty++)
        {
          g_autofree char *ours = zs_json_to_text (json_parser_get_root (parser), pretty);
          g_autofree char *theirs = json_to_string (json_parser_get_root (parser), pretty);

          g_assert_cmpstr (ours, ==, theirs);
        }
    }

  /* json-glib 1.6 writes U+001F raw, which is not JSON */
  {
    g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), "a\x1f");
    g_autofree char *text = zs_json_to_text (node, FALSE);

    g_assert_cmpstr (text, ==, "\"a\\u001f\"");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-text/shortest", test_shortest);
  g_test_add_func ("/json-text/shortest-random", test_shortest_random);
  g_test_add_func ("/json-text/rest-as-is", test_rest_as_is);
  g_test_add_func ("/json-text/same-layout", test_same_layout);

  return g_test_run ();
}
