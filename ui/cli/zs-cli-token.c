/* zs-cli-token.c: the token verbs of zhaoshang-cli, bearer tokens of the
 * HTTP API (see `serve`)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "zs-cli-private.h"

static const char * const token_columns[] = { "id", "staff", "created_at", "expires_at", "revoked_at", NULL };

gboolean
zs_cli_token_create (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  g_autofree char *staff = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *token = NULL;
  gint64 id;
  const GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("The staff member the token acts as"), N_("NAME") },
    { "expires", 0, 0, G_OPTION_ARG_STRING, &expires, N_("The last day the token is valid"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 0, error) ||
      !zs_cli_require ("staff", staff, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      (id = zs_store_create_token (cli->store, staff, expires, &token, error)) == 0)
    return FALSE;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "token");
      json_builder_add_string_value (builder, token);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      zs_cli_print_json (node);
    }
  else
    {
      g_print ("%s\n", token);
      g_printerr (_("Token %" PRId64 " for %s. It is shown only now: nothing keeps its text.\n"), id, staff);
    }
  return TRUE;
}

gboolean
zs_cli_token_list (ZsCli    *cli,
                   GStrv    *args,
                   GError  **error)
{
  g_autoptr(JsonNode) tokens = NULL;

  if (!zs_cli_parse (cli, args, NULL, NULL, 0, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      (tokens = zs_store_list_tokens (cli->store, error)) == NULL)
    return FALSE;
  if (cli->json)
    zs_cli_print_json (tokens);
  else
    zs_cli_print_table (json_node_get_array (tokens), token_columns);
  return TRUE;
}

gboolean
zs_cli_token_revoke (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  gint64 id;

  if (!zs_cli_parse (cli, args, NULL, NULL, 1, error) ||
      !zs_cli_parse_id ("token", (*args)[1], &id, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !zs_store_revoke_token (cli->store, id, error))
    return FALSE;
  zs_cli_print_done (cli, "id", zs_cli_int_node (id));
  return TRUE;
}
