/* test-uscc.c: GB 32100-2015 codes */
#include "zs-test-util.h"

static void
test_real_vectors (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zs_uscc_validate ("914403001922038216", &error));
  g_assert_no_error (error);
  g_assert_true (zs_uscc_validate ("91440300708461136T", &error));
  g_assert_no_error (error);

  g_assert_false (zs_uscc_validate ("91310000607216718K", &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "uscc"));
  g_assert_nonnull (strstr (error->message, "91310000607216718K"));
  g_assert_nonnull (strstr (error->message, "“5”"));
}

static void
test_check_character (void)
{
  g_assert_cmpint (zs_uscc_check_character ("91440300192203821"), ==, '6');
  g_assert_cmpint (zs_uscc_check_character ("91440300708461136"), ==, 'T');
  g_assert_cmpint (zs_uscc_check_character ("9144030070846113O"), ==, '\0');
}

static void
test_bad_shapes (void)
{
  const struct { const char *code; const char *fragment; } cases[] = {
    { "", "required" },
    { "91440300708461136", "18" },
    { "9144030070846113600", "18" },
    { "91440300708461I36T", "position 15" },
    { "91440300708461S36T", "position 15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (zs_uscc_validate (cases[i].code, &error));
      g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }
}

static void
test_normalize (void)
{
  g_autofree char *full_width = zs_uscc_normalize (" ９１４４０３００７０８４６１１３６ｔ ");
  g_autofree char *lower = zs_uscc_normalize ("91440300708461136t");

  g_assert_cmpstr (full_width, ==, "91440300708461136T");
  g_assert_cmpstr (lower, ==, "91440300708461136T");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/uscc/real-vectors", test_real_vectors);
  g_test_add_func ("/uscc/check-character", test_check_character);
  g_test_add_func ("/uscc/bad-shapes", test_bad_shapes);
  g_test_add_func ("/uscc/normalize", test_normalize);
  return g_test_run ();
}
