/* zs-cli-admin.c: init, history, revert, backup and check verbs of zhaoshang-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "zs-cli-private.h"

static const char * const change_columns[] = {
  "id", "at", "actor", "entity", "entity_id", "kind", "field", "old_value", "new_value", "import_id", NULL
};

static gboolean
add_count (JsonBuilder  *builder,
           const char   *member,
           GPtrArray    *rows)
{
  if (rows == NULL)
    return FALSE;
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, rows->len);
  g_ptr_array_unref (rows);
  return TRUE;
}

/* What init reports: where the database is and how much it holds. */
static JsonNode *
summarize (ZsStore  *store,
           GError  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 firms;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, zs_store_get_path (store));
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, zs_store_get_schema_version (store));

  if (!add_count (builder, "sectors", zs_store_list_sectors (store, 0, error)) ||
      !add_count (builder, "parks", zs_store_list_parks (store, error)) ||
      !add_count (builder, "clauses", zs_store_list_clauses (store, error)))
    return NULL;

  firms = zs_store_count_firms (store, NULL, NULL, error);
  if (firms < 0)
    return NULL;
  json_builder_set_member_name (builder, "firms");
  json_builder_add_int_value (builder, firms);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The active plugins' demo records, after the core's. */
static gboolean
load_plugin_demos (ZsCli   *cli,
                   GError **error)
{
  g_autoptr(GPtrArray) sources = zs_plugin_engine_get_extensions (cli->plugins, ZS_TYPE_DEMO_SOURCE);

  for (guint i = 0; i < sources->len; i++)
    if (!zs_demo_source_load_demo (g_ptr_array_index (sources, i), cli->store, error))
      return FALSE;
  return TRUE;
}

gboolean
zs_cli_init (ZsCli    *cli,
             GStrv    *args,
             GError  **error)
{
  g_autoptr(JsonNode) summary = NULL;
  gboolean demo = FALSE;
  const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Also load the demonstration firms and projects"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 0, error) ||
      !zs_cli_open (cli, TRUE, error) ||
      !zs_store_load_seed (cli->store, error) ||
      (demo && !zs_store_load_demo (cli->store, error)) ||
      (demo && !load_plugin_demos (cli, error)))
    return FALSE;

  summary = summarize (cli->store, error);
  if (summary == NULL)
    return FALSE;
  zs_cli_print_node (cli, summary);
  return TRUE;
}

gboolean
zs_cli_history (ZsCli    *cli,
                GStrv    *args,
                GError  **error)
{
  g_autofree char *entity = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *offset_text = NULL;
  gint64 id = 0;
  guint limit, offset;
  const GOptionEntry entries[] = {
    { "entity", 0, 0, G_OPTION_ARG_FILENAME, &entity,
      N_("Only changes to firm, contact, project, activity or staff records"), N_("ENTITY") },
    { "id", 0, 0, G_OPTION_ARG_FILENAME, &id_text, N_("Only changes to the record with this id"), N_("ID") },
    ZS_CLI_PAGE_ENTRIES (limit_text, offset_text),
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 0, error) ||
      (id_text != NULL && !zs_cli_require ("entity", entity, error)) ||
      (id_text != NULL && !zs_cli_parse_id ("id", id_text, &id, error)) ||
      !zs_cli_parse_page (limit_text, offset_text, &limit, &offset, error) ||
      !zs_cli_open (cli, FALSE, error))
    return FALSE;

  return zs_cli_print_listed (cli, zs_store_list_changes (cli->store, entity, id, offset, limit, error),
                              change_columns);
}

gboolean
zs_cli_revert (ZsCli    *cli,
               GStrv    *args,
               GError  **error)
{
  gboolean force = FALSE;
  gint64 change_id;
  gint64 new_id;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Reverting a creation also deletes the records that depend on it"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 1, error) ||
      !zs_cli_parse_id ("change_id", (*args)[1], &change_id, error) ||
      !zs_cli_open (cli, FALSE, error))
    return FALSE;

  new_id = zs_store_revert_change_full (cli->store, change_id,
                                        force ? ZS_REVERT_FLAGS_FORCE : ZS_REVERT_FLAGS_NONE, error);
  if (new_id <= 0)
    return FALSE;

  if (cli->json)
    zs_cli_print_done (cli, "id", zs_cli_int_node (new_id));
  else
    g_print ("%" PRId64 "\n", new_id);
  return TRUE;
}

gboolean
zs_cli_backup (ZsCli    *cli,
               GStrv    *args,
               GError  **error)
{
  const char *destination;

  if (!zs_cli_parse (cli, args, NULL, NULL, 1, error) ||
      !zs_cli_open (cli, FALSE, error))
    return FALSE;

  /* A backup never overwrites: a slip must not destroy an older backup,
   * nor the database itself (the store refuses an existing file). */
  destination = (*args)[1];
  if (!zs_store_backup (cli->store, destination, error))
    return FALSE;
  zs_cli_print_done (cli, "path", json_node_init_string (json_node_alloc (), destination));
  return TRUE;
}

static char *
database_path (ZsCli *cli)
{
  if (cli->db_path != NULL && cli->db_path[0] != '\0')
    return g_strdup (cli->db_path);
  return zs_store_get_default_path ();
}

/* The database alone, without plugins: they could write to it (their
 * settings, their schemas) or hold a connection of their own. */
static ZsStore *
open_without_plugins (ZsCli     *cli,
                      gboolean   read_only,
                      GError   **error)
{
  g_autofree char *path = database_path (cli);
  ZsStore *store;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ZS_CLI_ERROR, ZS_CLI_ERROR_NO_DATABASE,
                   _("no database at “%s”; create it with “zhaoshang-cli init”"), path);
      return NULL;
    }
  if (!(store = read_only ? zs_store_new_read_only (path, error) : zs_store_new (path, error)))
    return NULL;
  zs_store_set_actor (store, cli->actor != NULL ? cli->actor : g_get_user_name ());
  return store;
}

gboolean
zs_cli_restore (ZsCli    *cli,
                GStrv    *args,
                GError  **error)
{
  g_autofree char *kept = NULL;
  const char *source;

  if (!zs_cli_parse (cli, args, NULL, NULL, 1, error) ||
      !(cli->store = open_without_plugins (cli, FALSE, error)))
    return FALSE;

  source = (*args)[1];
  if (!zs_store_restore (cli->store, source, &kept, error))
    return FALSE;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, zs_store_get_path (cli->store));
      json_builder_set_member_name (builder, "restored_from");
      json_builder_add_string_value (builder, source);
      json_builder_set_member_name (builder, "kept");
      json_builder_add_string_value (builder, kept);
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, zs_store_get_schema_version (cli->store));
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      zs_cli_print_json (node);
    }
  else
    {
      g_print (_("Restored “%s” into “%s”.\n"), source, zs_store_get_path (cli->store));
      g_print (_("The database as it was before is kept in “%s”.\n"), kept);
    }
  return TRUE;
}

gboolean
zs_cli_check (ZsCli    *cli,
              GStrv    *args,
              GError  **error)
{
  gboolean repair = FALSE;
  const GOptionEntry entries[] = {
    { "repair-search", 0, 0, G_OPTION_ARG_NONE, &repair,
      N_("Rebuild the search index first, from the firms and their contacts"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 0, error))
    return FALSE;
  /* A plain check loads no plugins and opens the file read only: it leaves
   * the database exactly as it found it. */
  if (repair ? !zs_cli_open (cli, FALSE, error) : !(cli->store = open_without_plugins (cli, TRUE, error)))
    return FALSE;
  if (repair && !zs_store_rebuild_search_index (cli->store, error))
    return FALSE;
  if (!zs_store_check (cli->store, error))
    return FALSE;

  if (cli->json)
    zs_cli_print_done (cli, "ok", json_node_init_boolean (json_node_alloc (), TRUE));
  else
    g_print ("%s\n", _("The database is sound."));
  return TRUE;
}
