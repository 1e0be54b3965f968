/* test-command-kit.c: verbs built with ZsCommandKit: typed options, usage
 * errors, --json and tables by terminal width */
#include <string.h>

#include <zhaoshang.h>

static gboolean
report (ZsCommandInvocation  *invocation,
        gpointer              user_data,
        GError              **error)
{
  const char * const *tags = zs_command_invocation_get_strings (invocation, "tag");
  g_autofree char *joined = tags ? g_strjoinv (",", (char **) tags) : g_strdup ("");
  g_autofree char *text = NULL;

  text = g_strdup_printf ("park=%s top=%" G_GINT64_FORMAT " since=%s weight=%g tags=%s all=%d given=%d\n",
                          zs_command_invocation_get_arguments (invocation)[0],
                          zs_command_invocation_get_int (invocation, "top", 10),
                          zs_command_invocation_get_string (invocation, "since"),
                          zs_command_invocation_get_double (invocation, "weight", 1.0),
                          joined,
                          zs_command_invocation_get_boolean (invocation, "all"),
                          zs_command_invocation_has_option (invocation, "top"));
  zs_command_invocation_print_text (invocation, text);
  return TRUE;
}

static gboolean
list_parks (ZsCommandInvocation  *invocation,
            gpointer              user_data,
            GError              **error)
{
  g_autoptr(JsonNode) node = json_from_string ("[{\"code\": \"HGS\", \"name\": \"霍尔果斯园区\"},"
                                               " {\"code\": \"YN\", \"name\": \"Yining\"}]", NULL);
  const char * const columns[] = { "name", "code", NULL };

  zs_command_invocation_print_rows (invocation, json_node_get_array (node), columns);
  return TRUE;
}

static ZsCommandKit *
make_kit (void)
{
  ZsCommandKit *kit = zs_command_kit_new ();
  g_autoptr(ZsCommand) visits = zs_command_new ("visits report", "PARK", "走访汇总");
  g_autoptr(ZsCommand) parks = zs_command_new ("parks-of-plugin", NULL, "The parks");

  zs_command_add_option (visits, "top", ZS_OPTION_INT, "N", "At most N rows");
  zs_command_add_option (visits, "since", ZS_OPTION_DATE, "DATE", "From this day");
  zs_command_add_option (visits, "weight", ZS_OPTION_DOUBLE, "W", "A weight");
  zs_command_add_option (visits, "tag", ZS_OPTION_STRINGS, "TAG", "A tag");
  zs_command_add_option (visits, "all", ZS_OPTION_BOOLEAN, NULL, "Every park");
  zs_command_set_handler (visits, report, NULL, NULL);
  zs_command_kit_add (kit, visits);
  zs_command_set_handler (parks, list_parks, NULL, NULL);
  zs_command_kit_add (kit, parks);
  return kit;
}

static char *
run (ZsCommandKit        *kit,
     const char          *verb,
     const char * const  *args,
     gboolean             json,
     GError             **error)
{
  return zs_command_kit_run (kit, NULL, verb, args, json, error);
}

static void
test_typed_options (void)
{
  g_autoptr(ZsCommandKit) kit = make_kit ();
  g_autoptr(GError) error = NULL;
  g_autofree char *full = NULL;
  g_autofree char *plain = NULL;
  g_auto(GStrv) verbs = zs_command_kit_get_verbs (kit);

  g_assert_cmpstrv (verbs, ((const char * const[]) { "visits", "parks-of-plugin", NULL }));
  full = run (kit, "visits", (const char *[]) { "--top", "3", "report", "霍尔果斯", "--since", "2026-01-02",
                                                "--weight", "0.5", "--tag", "重点", "--tag", "b", "--all", NULL },
              FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (full, ==, "park=霍尔果斯 top=3 since=2026-01-02 weight=0.5 tags=重点,b all=1 given=1\n");
  plain = run (kit, "visits", (const char *[]) { "report", "X", NULL }, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain, ==, "park=X top=10 since=(null) weight=1 tags= all=0 given=0\n");

  /* A negative number is an argument, or an option's value, not an option. */
  g_clear_pointer (&plain, g_free);
  plain = run (kit, "visits", (const char *[]) { "report", "-5", "--top", "-2", "--weight=-0.5", NULL },
               FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain, ==, "park=-5 top=-2 since=(null) weight=-0.5 tags= all=0 given=1\n");
}

static void
expect_usage_error (ZsCommandKit       *kit,
                    const char * const *args,
                    const char         *part1,
                    const char         *part2)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = run (kit, "visits", args, FALSE, &error);

  g_assert_null (output);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_OPTION_ERROR);
  g_assert_nonnull (strstr (error->message, part1));
  if (part2 != NULL)
    g_assert_nonnull (strstr (error->message, part2));
}

static void
test_usage_errors (void)
{
  g_autoptr(ZsCommandKit) kit = make_kit ();

  expect_usage_error (kit, (const char *[]) { "report", "X", "--top", "abc", NULL }, "--top", "abc");
  expect_usage_error (kit, (const char *[]) { "report", "X", "--weight", "1,5", NULL }, "--weight", "1,5");
  expect_usage_error (kit, (const char *[]) { "report", "X", "--since", "2026-02-30", NULL }, "--since", "2026-02-30");
  expect_usage_error (kit, (const char *[]) { "report", NULL }, "PARK", NULL);
  expect_usage_error (kit, (const char *[]) { "report", "X", "Y", NULL }, "Y", NULL);
  expect_usage_error (kit, (const char *[]) { "report", "X", "--no-such", NULL }, "--no-such", NULL);
  expect_usage_error (kit, (const char *[]) { NULL }, "report", NULL);
  expect_usage_error (kit, (const char *[]) { "nothing", NULL }, "visits nothing", NULL);
}

static void
test_help (void)
{
  g_autoptr(ZsCommandKit) kit = make_kit ();
  g_autoptr(GError) error = NULL;
  g_autofree char *help = run (kit, "visits", (const char *[]) { "report", "--help", NULL }, FALSE, &error);
  g_autofree char *listing = zs_command_kit_get_help (kit, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (help, "visits report PARK"));
  g_assert_nonnull (strstr (help, "--top N"));
  g_assert_nonnull (strstr (help, "--json"));
  g_assert_cmpstr (listing, ==,
                   "  visits report PARK  走访汇总\n"
                   "  parks-of-plugin     The parks\n");
}

static void
test_json_and_table (void)
{
  g_autoptr(ZsCommandKit) kit = make_kit ();
  g_autoptr(GError) error = NULL;
  g_autofree char *table = run (kit, "parks-of-plugin", NULL, FALSE, &error);
  g_autofree char *json = NULL;
  g_autofree char *json_in_args = NULL;

  g_assert_no_error (error);
  /* 霍尔果斯园区 takes twelve columns: the codes line up after it. */
  g_assert_cmpstr (table, ==,
                   "name          code\n"
                   "霍尔果斯园区  HGS\n"
                   "Yining        YN\n");
  json = run (kit, "parks-of-plugin", NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"name\" : \"霍尔果斯园区\""));
  json_in_args = run (kit, "parks-of-plugin", (const char *[]) { "--json", NULL }, FALSE, &error);
  g_assert_cmpstr (json_in_args, ==, json);
}

static void
test_text_width (void)
{
  g_autofree char *clipped = zs_text_clip ("霍尔果斯经济开发区", 7);
  g_autofree char *line = zs_text_single_line ("a\tb\nc");
  g_autoptr(GString) padded = g_string_new (NULL);

  g_assert_cmpuint (zs_text_get_width ("霍尔果斯a"), ==, 9);
  g_assert_cmpuint (zs_text_get_width ("e\xcc\x81"), ==, 1);
  g_assert_cmpstr (clipped, ==, "霍尔果…");
  g_assert_cmpstr (line, ==, "a b c");
  zs_text_append_padded (padded, "园区", 6);
  g_assert_cmpstr (padded->str, ==, "园区  ");
}

static gboolean
echo_name (ZsCommandInvocation  *invocation,
           gpointer              user_data,
           GError              **error)
{
  g_autofree char *text = g_strdup_printf ("%s name=%s\n", (const char *) user_data,
                                           zs_command_invocation_get_string (invocation, "name"));

  zs_command_invocation_print_text (invocation, text);
  return TRUE;
}

/* "zone add" under "flying-zone": a subverb with subverbs of its own,
 * beside a plain subverb "zones". */
static void
test_three_words (void)
{
  g_autoptr(ZsCommandKit) kit = zs_command_kit_new ();
  g_autoptr(ZsCommand) add = zs_command_new ("flying-zone zone add", NULL, "Add a zone");
  g_autoptr(ZsCommand) zones = zs_command_new ("flying-zone zones", NULL, "The zones");
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *help = NULL;
  g_autofree char *missing = NULL;
  g_auto(GStrv) verbs = NULL;

  zs_command_add_option (add, "name", ZS_OPTION_STRING, "NAME", "Name");
  zs_command_set_handler (add, echo_name, (gpointer) "add", NULL);
  zs_command_set_handler (zones, echo_name, (gpointer) "zones", NULL);
  zs_command_kit_add (kit, add);
  zs_command_kit_add (kit, zones);
  verbs = zs_command_kit_get_verbs (kit);
  g_assert_cmpstrv (verbs, ((const char * const[]) { "flying-zone", NULL }));

  /* an option's value before the words is not taken for a subverb */
  added = run (kit, "flying-zone", (const char *[]) { "--name", "苏伊", "zone", "add", NULL }, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added, ==, "add name=苏伊\n");
  listed = run (kit, "flying-zone", (const char *[]) { "zones", NULL }, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (listed, ==, "zones name=(null)\n");

  missing = run (kit, "flying-zone", (const char *[]) { "zone", NULL }, FALSE, &error);
  g_assert_null (missing);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "“flying-zone zone” needs a subcommand: add"));
  g_clear_error (&error);
  g_assert_null (run (kit, "flying-zone", (const char *[]) { "zone", "remove", NULL }, FALSE, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "“flying-zone zone remove”"));
  g_clear_error (&error);
  g_assert_null (run (kit, "flying-zone", (const char *[]) { "zonez", NULL }, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "expected one of: zone, zones"));
  g_clear_error (&error);

  help = run (kit, "flying-zone", (const char *[]) { "zone", "--help", NULL }, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (help, "flying-zone zone add"));
  g_assert_null (strstr (help, "flying-zone zones"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/command-kit/typed-options", test_typed_options);
  g_test_add_func ("/command-kit/usage-errors", test_usage_errors);
  g_test_add_func ("/command-kit/help", test_help);
  g_test_add_func ("/command-kit/json-and-table", test_json_and_table);
  g_test_add_func ("/command-kit/text-width", test_text_width);
  g_test_add_func ("/command-kit/three-words", test_three_words);
  return g_test_run ();
}
