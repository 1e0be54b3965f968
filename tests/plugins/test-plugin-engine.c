/* test-plugin-engine.c: loading C and Python plugins, each test with a fresh engine */
#include "zs-test-util.h"

#include <sqlite3.h>

typedef struct {
  StoreFixture    base;
  ZsPluginEngine *engine;
} EngineFixture;

/* What libpeas and its Python loader (which logs under no domain) say about
 * the syntax_error fixture, each declared exactly; every other warning stays
 * fatal. Not g_test_expect_message(): an expected message never reaches the
 * log handler through which the engine keeps it as the plugin's error, which
 * the tests check. The loader says it once a process, libpeas once a load. */
static const struct
{
  const char *domain;
  const char *pattern;
} plugin_warnings[] = {
  { "libpeas", "Error loading plugin 'syntax_error'" },
  { NULL, "Error importing plugin 'syntax_error':*SyntaxError*" },
};

static gboolean
allow_plugin_warnings (const char     *domain,
                       GLogLevelFlags  level,
                       const char     *message,
                       gpointer        user_data)
{
  if ((level & G_LOG_LEVEL_MASK) != G_LOG_LEVEL_WARNING)
    return TRUE;
  if (domain != NULL && domain[0] == '\0')
    domain = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (plugin_warnings); i++)
    if (g_strcmp0 (domain, plugin_warnings[i].domain) == 0 &&
        g_pattern_match_simple (plugin_warnings[i].pattern, message))
      return FALSE;
  return TRUE;
}

static void
engine_setup (EngineFixture *fixture,
              gconstpointer  data)
{
  /* GLib resets the handler for every test case. */
  g_test_log_set_fatal_handler (allow_plugin_warnings, NULL);
  store_fixture_setup (&fixture->base, data);
  fixture->engine = zs_plugin_engine_new (fixture->base.store);
  zs_plugin_engine_load_all (fixture->engine);
}

static void
engine_teardown (EngineFixture *fixture,
                 gconstpointer  data)
{
  g_clear_object (&fixture->engine);
  store_fixture_teardown (&fixture->base, data);
}

static ZsPlugin *
plugin (EngineFixture *fixture,
        const char    *name)
{
  g_autoptr(GError) error = NULL;
  ZsPlugin *result = zs_plugin_engine_get_plugin (fixture->engine, name, &error);

  g_assert_no_error (error);
  return result;
}

static char *
run_command (EngineFixture      *fixture,
             const char         *command,
             const char * const *args,
             gboolean            json)
{
  ZsPluginContext *context = NULL;
  g_autoptr(ZsCommandProvider) provider = zs_plugin_engine_find_command (fixture->engine, command, &context);
  g_autoptr(GError) error = NULL;
  char *output;

  g_assert_nonnull (provider);
  output = zs_command_provider_run (provider, context, command, args, json, &error);
  g_assert_no_error (error);
  return output;
}

static void
test_examples_load_and_run (EngineFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(ZsPlugin) c_plugin = plugin (fixture, "change-log");
  g_autoptr(ZsPlugin) py_plugin = plugin (fixture, "firm_tags");
  g_autofree char *tag_args_id = NULL;
  g_autofree char *tagged = NULL;
  g_autofree char *log = NULL;
  gint64 id;

  g_assert_true (zs_plugin_get_active (c_plugin));
  g_assert_null (zs_plugin_get_error (c_plugin));
  g_assert_cmpstr (zs_plugin_get_loader (c_plugin), ==, "c");
  g_assert_true (zs_plugin_get_active (py_plugin));
  g_assert_cmpstr (zs_plugin_get_loader (py_plugin), ==, "python3");
  g_assert_cmpstr (zs_plugin_get_version (py_plugin), ==, "1.0");

  /* Both react to the core's changed signal. */
  id = add_firm (fixture->base.store, "霍尔果斯金麦馕食品有限公司", NULL);
  log = run_command (fixture, "change-log", NULL, TRUE);
  g_assert_nonnull (strstr (log, "\"entity\": \"firm\", \"changes\": 1"));

  tag_args_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_free (run_command (fixture, "tag", (const char *[]) { tag_args_id, "重点", NULL }, FALSE));
  tagged = run_command (fixture, "tags", (const char *[]) { "重点", NULL }, FALSE);
  g_assert_nonnull (strstr (tagged, "霍尔果斯金麦馕食品有限公司"));

  g_assert_true (zs_store_delete_firm (fixture->base.store, id, NULL));
  g_clear_pointer (&tagged, g_free);
  tagged = run_command (fixture, "tags", NULL, TRUE);
  g_assert_cmpstr (tagged, ==, "[]\n");
}

static void
test_python_command_error (EngineFixture *fixture,
                           gconstpointer  data)
{
  ZsPluginContext *context = NULL;
  g_autoptr(ZsCommandProvider) provider = zs_plugin_engine_find_command (fixture->engine, "tag", &context);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  output = zs_command_provider_run (provider, context, "tag", (const char *[]) { "4242", "重点", NULL },
                                    FALSE, &error);
  g_assert_null (output);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND);
  g_assert_null (zs_plugin_engine_find_command (fixture->engine, "no-such-verb", NULL));
}

static void
test_enabled_state_persists (EngineFixture *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsPluginEngine) second = NULL;
  g_autoptr(ZsPlugin) tags = NULL;

  g_assert_true (zs_plugin_engine_set_enabled (fixture->engine, "firm_tags", FALSE, &error));
  g_assert_null (zs_plugin_engine_find_command (fixture->engine, "tag", NULL));
  g_clear_object (&fixture->engine);

  second = zs_plugin_engine_new (fixture->base.store);
  zs_plugin_engine_load_all (second);
  tags = zs_plugin_engine_get_plugin (second, "firm_tags", &error);
  g_assert_false (zs_plugin_get_enabled (tags));
  g_assert_false (zs_plugin_get_active (tags));

  g_assert_true (zs_plugin_engine_set_enabled (second, "firm_tags", TRUE, &error));
  g_clear_object (&tags);
  tags = zs_plugin_engine_get_plugin (second, "firm_tags", &error);
  g_assert_true (zs_plugin_get_active (tags));

  g_assert_false (zs_plugin_engine_set_enabled (second, "no-such-plugin", TRUE, &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND);
}

static void
test_failures_are_reported (EngineFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(ZsPlugin) broken = plugin (fixture, "broken_activate");
  g_autoptr(ZsPlugin) missing = plugin (fixture, "needs_missing");
  g_autoptr(ZsPlugin) syntax = plugin (fixture, "syntax_error");
  g_autoptr(ZsPlugin) tags = plugin (fixture, "firm_tags");

  g_assert_false (zs_plugin_get_active (broken));
  g_assert_true (zs_plugin_get_enabled (broken));
  g_assert_nonnull (strstr (zs_plugin_get_error (broken), "the partner database is unreachable"));

  g_assert_false (zs_plugin_get_active (missing));
  g_assert_nonnull (strstr (zs_plugin_get_error (missing), "partner-registry"));
  g_assert_nonnull (strstr (zs_plugin_get_error (missing), "not installed"));

  g_assert_false (zs_plugin_get_active (syntax));
  g_assert_nonnull (strstr (zs_plugin_get_error (syntax), "syntax_error"));

  /* The others keep working. */
  g_assert_true (zs_plugin_get_active (tags));
}

static void
test_dependencies (EngineFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(ZsPlugin) cycle = plugin (fixture, "cycle_a");
  g_autoptr(ZsPlugin) report = plugin (fixture, "tag_report");
  g_autoptr(ZsPlugin) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (zs_plugin_get_active (cycle));
  g_assert_nonnull (strstr (zs_plugin_get_error (cycle), "cycle"));

  /* Loaded after its dependency; unloaded with it. */
  g_assert_true (zs_plugin_get_active (report));
  g_assert_true (zs_plugin_engine_set_enabled (fixture->engine, "firm_tags", FALSE, &error));
  after = plugin (fixture, "tag_report");
  g_assert_false (zs_plugin_get_active (after));
  g_assert_nonnull (strstr (zs_plugin_get_error (after), "firm_tags"));

  /* Enabled again, its dependency brings it back, without its old error. */
  g_assert_true (zs_plugin_engine_set_enabled (fixture->engine, "firm_tags", TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = plugin (fixture, "tag_report");
  g_assert_true (zs_plugin_get_active (after));
  g_assert_null (zs_plugin_get_error (after));
}

/* A partner provider made by the test itself. */
#define TEST_TYPE_PARTNERS (test_partners_get_type ())
G_DECLARE_FINAL_TYPE (TestPartners, test_partners, TEST, PARTNERS, GObject)

struct _TestPartners
{
  GObject parent_instance;
};

static GPtrArray *
test_partners_list_partner_firms (ZsPartnerProvider  *provider,
                                  GError            **error)
{
  GPtrArray *firms = g_ptr_array_new_with_free_func (g_object_unref);
  ZsFirm *firm = zs_firm_new ();

  g_object_set (firm, "name", "霍尔果斯金麦馕食品有限公司", NULL);
  g_ptr_array_add (firms, firm);
  return firms;
}

static char *
test_partners_get_partner_name (ZsPartnerProvider *provider,
                                ZsFirm            *firm)
{
  return g_strdup ("伊犁州");
}

static void
test_partners_iface_init (ZsPartnerProviderInterface *iface)
{
  iface->list_partner_firms = test_partners_list_partner_firms;
  iface->get_partner_name = test_partners_get_partner_name;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestPartners, test_partners, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZS_TYPE_PARTNER_PROVIDER, test_partners_iface_init))

static void
test_partners_class_init (TestPartnersClass *klass)
{
}

static void
test_partners_init (TestPartners *self)
{
}

typedef struct {
  guint    added;
  guint    removed;
  GType    last_type;
  char    *last_provider;
} ServiceEvents;

static void
on_service_added (ZsPluginEngine *engine,
                  GType           type,
                  GObject        *service,
                  const char     *provider,
                  ServiceEvents  *events)
{
  events->added++;
  events->last_type = type;
  g_free (events->last_provider);
  events->last_provider = g_strdup (provider);
}

static void
on_service_removed (ZsPluginEngine *engine,
                    GType           type,
                    GObject        *service,
                    const char     *provider,
                    ServiceEvents  *events)
{
  /* The service is still usable while its users let go of it. */
  g_assert_true (ZS_IS_PARTNER_PROVIDER (service));
  events->removed++;
  events->last_type = type;
  g_free (events->last_provider);
  events->last_provider = g_strdup (provider);
}

static void
watch_services (ZsPluginEngine *engine,
                ServiceEvents  *events)
{
  g_signal_connect (engine, "service-added", G_CALLBACK (on_service_added), events);
  g_signal_connect (engine, "service-removed", G_CALLBACK (on_service_removed), events);
}

static void
test_services_add_remove (EngineFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(GObject) partners = g_object_new (TEST_TYPE_PARTNERS, NULL);
  g_autoptr(GObject) other = g_object_new (TEST_TYPE_PARTNERS, NULL);
  g_autoptr(GObject) plain = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *provider = NULL;
  ServiceEvents events = { 0 };

  /* The Python fixture publishes one already; start from none. */
  g_assert_true (zs_plugin_engine_set_enabled (fixture->engine, "partner_source", FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (zs_plugin_engine_get_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER));
  watch_services (fixture->engine, &events);

  g_assert_true (zs_plugin_engine_add_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER, partners,
                                               "test", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (events.added, ==, 1);
  g_assert_true (events.last_type == ZS_TYPE_PARTNER_PROVIDER);
  g_assert_cmpstr (events.last_provider, ==, "test");
  g_assert_true (zs_plugin_engine_get_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER) == partners);
  provider = zs_plugin_engine_get_service_provider (fixture->engine, ZS_TYPE_PARTNER_PROVIDER);
  g_assert_cmpstr (provider, ==, "test");
  listed = zs_plugin_engine_list_services (fixture->engine);
  g_assert_cmpuint (listed->len, ==, 1);

  /* One provider per interface; the object must implement it. */
  g_assert_false (zs_plugin_engine_add_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER, other,
                                                "second", &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "test"));
  g_clear_error (&error);
  g_assert_false (zs_plugin_engine_add_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER, plain,
                                                "second", &error));
  g_assert_error (error, ZS_ERROR, ZS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (events.added, ==, 1);

  g_assert_false (zs_plugin_engine_remove_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER, other));
  g_assert_true (zs_plugin_engine_remove_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER, partners));
  g_assert_cmpuint (events.removed, ==, 1);
  g_assert_null (zs_plugin_engine_get_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER));
  g_signal_handlers_disconnect_by_data (fixture->engine, &events);
  g_free (events.last_provider);
}

static void
test_services_follow_plugins (EngineFixture *fixture,
                              gconstpointer  data)
{
  g_autoptr(GObject) partners = g_object_new (TEST_TYPE_PARTNERS, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *provider = NULL;
  g_autofree char *report = NULL;
  ServiceEvents events = { 0 };
  GObject *service;

  /* The Python plugin registered its service on activate… */
  service = zs_plugin_engine_get_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER);
  g_assert_true (ZS_IS_PARTNER_PROVIDER (service));
  provider = zs_plugin_engine_get_service_provider (fixture->engine, ZS_TYPE_PARTNER_PROVIDER);
  g_assert_cmpstr (provider, ==, "partner_source");

  /* …another plugin's verb reaches it through its context's engine… */
  report = run_command (fixture, "partners", NULL, FALSE);
  g_assert_nonnull (strstr (report, "江苏飞地协作示范企业\t江苏省\n"));
  g_assert_nonnull (strstr (report, "霍尔果斯金麦馕食品有限公司\t伊犁州\n"));

  /* …and it is withdrawn on deactivate. */
  watch_services (fixture->engine, &events);
  g_assert_true (zs_plugin_engine_set_enabled (fixture->engine, "partner_source", FALSE, &error));
  g_assert_cmpuint (events.removed, ==, 1);
  g_assert_cmpstr (events.last_provider, ==, "partner_source");
  g_assert_null (zs_plugin_engine_get_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER));
  g_assert_true (zs_plugin_engine_set_enabled (fixture->engine, "partner_source", TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (events.added, ==, 1);

  /* What a plugin leaves registered goes when it is unloaded. */
  g_assert_true (zs_plugin_engine_set_enabled (fixture->engine, "partner_source", FALSE, &error));
  g_assert_true (zs_plugin_engine_add_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER, partners,
                                               "kit_verbs", &error));
  g_assert_true (zs_plugin_engine_set_enabled (fixture->engine, "kit_verbs", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (events.removed, ==, 3);
  g_assert_cmpstr (events.last_provider, ==, "kit_verbs");
  g_assert_null (zs_plugin_engine_get_service (fixture->engine, ZS_TYPE_PARTNER_PROVIDER));
  g_signal_handlers_disconnect_by_data (fixture->engine, &events);
  g_free (events.last_provider);
}

static void
test_context_engine (EngineFixture *fixture,
                     gconstpointer  data)
{
  ZsPluginContext *context = zs_plugin_engine_get_context (fixture->engine, "kit_verbs");
  g_autoptr(ZsPluginContext) loose = zs_plugin_context_new (fixture->base.store, "x", NULL);

  g_assert_true (zs_plugin_context_get_engine (context) == fixture->engine);
  g_assert_null (zs_plugin_context_get_engine (loose));
}

static char *
dump_table (const char *path,
            const char *table)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_string_append_printf (dump, "%d columns\n", sqlite3_column_count (stmt));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      g_string_append_printf (dump, "%s%s", sqlite3_column_text (stmt, i), i + 1 < sqlite3_column_count (stmt) ? "|" : "\n");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
test_failed_migration_leaves_tables (void)
{
  StoreFixture base = { 0 };
  g_autoptr(ZsPluginEngine) first = NULL;
  g_autoptr(ZsPluginEngine) second = NULL;
  g_autoptr(ZsPlugin) failing = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_test_log_set_fatal_handler (allow_plugin_warnings, NULL);
  store_fixture_setup (&base, NULL);

  g_setenv ("ZS_TEST_MIGRATION_STEPS", "1", TRUE);
  first = zs_plugin_engine_new (base.store);
  zs_plugin_engine_load_all (first);
  failing = zs_plugin_engine_get_plugin (first, "failing_migration", NULL);
  g_assert_cmpstr (zs_plugin_get_error (failing), ==, NULL);
  g_assert_true (zs_plugin_get_active (failing));
  g_clear_object (&failing);
  g_clear_object (&first);
  before = dump_table (base.path, "failing_migration_items");

  g_setenv ("ZS_TEST_MIGRATION_STEPS", "2", TRUE);
  second = zs_plugin_engine_new (base.store);
  zs_plugin_engine_load_all (second);
  failing = zs_plugin_engine_get_plugin (second, "failing_migration", NULL);
  g_assert_false (zs_plugin_get_active (failing));
  g_assert_nonnull (strstr (zs_plugin_get_error (failing), "version 2"));
  g_assert_nonnull (strstr (zs_plugin_get_error (failing), "no_such_table"));

  after = dump_table (base.path, "failing_migration_items");
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "霍尔果斯"));

  /* It stays disabled, with its error, until the user enables it again. */
  g_clear_object (&failing);
  g_clear_object (&second);
  second = zs_plugin_engine_new (base.store);
  zs_plugin_engine_load_all (second);
  failing = zs_plugin_engine_get_plugin (second, "failing_migration", NULL);
  g_assert_false (zs_plugin_get_enabled (failing));
  g_assert_nonnull (strstr (zs_plugin_get_error (failing), "no_such_table"));

  g_clear_object (&second);
  store_fixture_teardown (&base, NULL);
}

/* Each attack of the hostile fixture is refused before it runs, with a
 * permission error naming what it tried to touch; core data, the audit
 * trail and another plugin's table are as they were. */
static void
test_hostile_refused (EngineFixture *fixture,
                      gconstpointer  data)
{
  static const char * const named[] = {
    "firms", "changes", "firms", "PRAGMA user_version", "ATTACH", "change_log_days", "firms",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsPlugin) hostile = plugin (fixture, "hostile");
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *firms = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            zs_store_count_firms (fixture->base.store, NULL, NULL, NULL));
  guint n = 0;

  g_assert_cmpstr (zs_plugin_get_error (hostile), ==, NULL);
  g_assert_true (zs_plugin_get_active (hostile));

  g_assert_cmpint (sqlite3_open_v2 (fixture->base.path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT attack, code, message FROM hostile_results ORDER BY rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *attack = (const char *) sqlite3_column_text (stmt, 0);
      const char *message = (const char *) sqlite3_column_text (stmt, 2);

      g_test_message ("%s: %s", attack, message);
      if (g_str_equal (attack, "core_firms"))
        {
          g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
          g_assert_cmpstr (message, ==, firms);
          continue;
        }
      g_assert_cmpuint (n, <, G_N_ELEMENTS (named));
      g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, ZS_ERROR_PERMISSION);
      g_assert_nonnull (strstr (message, named[n]));
      g_assert_nonnull (strstr (message, "hostile"));
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (named));
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM change_log_days", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpstr (g_strdup_printf ("%" G_GINT64_FORMAT, zs_store_count_firms (fixture->base.store, NULL, NULL, NULL)),
                   ==, firms);
  g_assert_cmpint (zs_store_get_schema_version (fixture->base.store), >, 8);
  g_assert_true (zs_store_check (fixture->base.store, &error));
  g_assert_no_error (error);
}

/* A viewer's plugin reads but does not write. */
static void
test_storage_role (EngineFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsPluginStorage) storage = zs_plugin_storage_new (fixture->base.store, "role-test");
  g_autoptr(ZsStaff) viewer = zs_staff_new ();

  g_assert_cmpstr (zs_plugin_storage_get_prefix (storage), ==, "role_test_");
  g_assert_cmpint (zs_plugin_storage_execute (storage, "CREATE TABLE role_test_items (x)", NULL, &error), ==, 0);
  g_assert_no_error (error);
  zs_staff_set_name (viewer, "王芳");
  zs_staff_set_role (viewer, ZS_ROLE_VIEWER);
  zs_store_add_staff (fixture->base.store, viewer, &error);
  g_assert_no_error (error);
  zs_store_set_actor (fixture->base.store, "王芳");
  g_assert_cmpint (zs_plugin_storage_execute (storage, "INSERT INTO role_test_items VALUES (1)", NULL, &error), ==, -1);
  g_assert_error (error, ZS_ERROR, ZS_ERROR_PERMISSION);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, EngineFixture, NULL, engine_setup, func, engine_teardown)
  ADD ("/plugins/examples-load-and-run", test_examples_load_and_run);
  ADD ("/plugins/python-command-error", test_python_command_error);
  ADD ("/plugins/enabled-state-persists", test_enabled_state_persists);
  ADD ("/plugins/failures-are-reported", test_failures_are_reported);
  ADD ("/plugins/dependencies", test_dependencies);
  ADD ("/plugins/services/add-remove", test_services_add_remove);
  ADD ("/plugins/services/follow-plugins", test_services_follow_plugins);
  ADD ("/plugins/services/context-engine", test_context_engine);
  ADD ("/plugins/storage/hostile-refused", test_hostile_refused);
  ADD ("/plugins/storage/role", test_storage_role);
#undef ADD
  g_test_add_func ("/plugins/failed-migration-leaves-tables", test_failed_migration_leaves_tables);
  return g_test_run ();
}
