/* test-model.c: model objects and enum helpers */
#include "zs-test-util.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(ZsFirm) firm = zs_firm_new ();
  guint count = 0;

  g_signal_connect (firm, "notify::name", G_CALLBACK (count_notify), &count);
  zs_firm_set_name (firm, "霍尔果斯金麦馕食品有限公司");
  zs_firm_set_name (firm, "霍尔果斯金麦馕食品有限公司");
  g_assert_cmpuint (count, ==, 1);
  zs_firm_set_name (firm, "");
  g_assert_cmpuint (count, ==, 2);
  g_assert_null (zs_firm_get_name (firm));
}

static void
test_firm_defaults (void)
{
  g_autoptr(ZsFirm) firm = zs_firm_new ();
  const char *sectors[] = { "c05-it", "c07-nev", NULL };

  g_assert_cmpstr (zs_firm_get_country (firm), ==, "CN");
  g_assert_cmpint (zs_firm_get_ownership (firm), ==, ZS_OWNERSHIP_UNSPECIFIED);
  g_assert_null (zs_firm_get_sectors (firm));
  zs_firm_set_sectors (firm, sectors);
  g_assert_cmpstrv (zs_firm_get_sectors (firm), sectors);
}

static void
test_enum_nicks (void)
{
  g_autoptr(GError) error = NULL;
  int value = -1;

  g_assert_cmpstr (zs_enum_to_nick (ZS_TYPE_STAGE, ZS_STAGE_SITE_VISIT), ==, "site-visit");
  g_assert_true (zs_enum_from_nick (ZS_TYPE_STAGE, "stage", "in-production", &value, &error));
  g_assert_cmpint (value, ==, ZS_STAGE_IN_PRODUCTION);

  g_assert_false (zs_enum_from_nick (ZS_TYPE_STAGE, "stage", "won", &value, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "stage"));
  g_assert_nonnull (strstr (error->message, "“won”"));
  g_assert_nonnull (strstr (error->message, "negotiating"));
}

static void
test_stage_rules (void)
{
  g_assert_true (zs_stage_requires_reason (ZS_STAGE_LOST));
  g_assert_false (zs_stage_requires_reason (ZS_STAGE_DORMANT));
  g_assert_true (zs_stage_is_settled (ZS_STAGE_SIGNED));
  g_assert_true (zs_stage_is_settled (ZS_STAGE_IN_PRODUCTION));
  g_assert_false (zs_stage_is_settled (ZS_STAGE_NEGOTIATING));
  g_assert_false (zs_stage_is_settled (ZS_STAGE_LOST));
  g_assert_cmpstr (zs_stage_get_label (ZS_STAGE_LEAD), ==, "Lead");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/model/firm-defaults", test_firm_defaults);
  g_test_add_func ("/model/enum-nicks", test_enum_nicks);
  g_test_add_func ("/model/stage-rules", test_stage_rules);
  return g_test_run ();
}
