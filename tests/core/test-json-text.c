/* test-json-text.c: JSON text with numbers as short as they are exact */
#include "config.h"

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

/* Integers, strings that look like numbers, nesting and escapes stay. */
static void
test_rest_as_is (void)
{
  g_autofree char *text = write_value ("{\"id\":9007199254740993,\"n\":-12,\"s\":\"43.605200000000004 \\\"1.10000000000000009\\\"\","
                                       "\"a\":[0.10000000000000001,true,null,{\"x\":2.5}],\"名称\":\"天山\"}");

  g_assert_cmpstr (text, ==, "{\"id\":9007199254740993,\"n\":-12,\"s\":\"43.605200000000004 \\\"1.10000000000000009\\\"\","
                             "\"a\":[0.1,true,null,{\"x\":2.5}],\"名称\":\"天山\"}");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-text/shortest", test_shortest);
  g_test_add_func ("/json-text/rest-as-is", test_rest_as_is);

  return g_test_run ();
}
