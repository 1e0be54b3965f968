/* zs-chain-cli.c: the `chain` verb of zhaoshang-cli
 *
 * One ZsCommand per subverb (`chain list`, `chain show CHAIN`, …) in the
 * plugin's ZsCommandKit: the kit parses and checks the options and the
 * arguments (wrong usage is a G_OPTION_ERROR, exit status 2), handles
 * --json and gives the help. Every subverb returns one JSON object; --json
 * prints it, otherwise a renderer turns the same object into text, so both
 * always say the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-chain-cli.h"

#include <glib/gi18n-lib.h>

#include "zs-chain-cli-private.h"

#define DEFAULT_TOP 10

typedef struct {
  ZsChainHandler  handler;
  ZsChainRenderer render;
} ZsChainCommand;

typedef struct {
  const char   *name;
  ZsOptionType  type;
  const char   *arg_description;
  const char   *description;
} ZsChainOption;

static const ZsChainOption options[] = {
  { "park", ZS_OPTION_STRING, "PARK", N_("Park code (and the parks under it)") },
  { "chain", ZS_OPTION_STRING, "CHAIN", N_("Only this chain") },
  { "link", ZS_OPTION_STRING, "LINK", N_("Only this link") },
  { "top", ZS_OPTION_INT, "N", N_("Candidates per link (default 10)") },
  { "title", ZS_OPTION_STRING, "TITLE", N_("Project title") },
  { "reject", ZS_OPTION_BOOLEAN, NULL, N_("The firm is not at the link") },
  { "clear", ZS_OPTION_BOOLEAN, NULL, N_("Forget the decision; infer again") },
  { "reset", ZS_OPTION_BOOLEAN, NULL, N_("Back to the defaults") },
  { "name", ZS_OPTION_STRING, "NAME", N_("New name") },
  { "description", ZS_OPTION_STRING, "TEXT", N_("Description") },
  { "clause", ZS_OPTION_INT, "N", N_("Guideline clause number") },
  { "position", ZS_OPTION_STRING, "POS", N_("upstream, midstream or downstream") },
  { "sector", ZS_OPTION_STRINGS, "CODE", N_("Sector code (repeatable)") },
  { "keyword", ZS_OPTION_STRINGS, "WORD", N_("Keyword (repeatable)") },
  { "supplier", ZS_OPTION_STRINGS, "LINK", N_("Supplier link (repeatable)") },
  { "customer", ZS_OPTION_STRINGS, "LINK", N_("Customer link (repeatable)") },
  { "drop-sector", ZS_OPTION_STRINGS, "CODE", N_("Sector to drop") },
  { "drop-keyword", ZS_OPTION_STRINGS, "WORD", N_("Keyword to drop") },
  { "drop-supplier", ZS_OPTION_STRINGS, "LINK", N_("Supplier to drop") },
  { "drop-customer", ZS_OPTION_STRINGS, "LINK", N_("Customer to drop") },
};

static int
int_option (ZsCommandInvocation *command,
            const char          *name,
            int                  default_value)
{
  return (int) CLAMP (zs_command_invocation_get_int (command, name, default_value), G_MININT, G_MAXINT);
}

static gboolean
run_command (ZsCommandInvocation  *command,
             gpointer              user_data,
             GError              **error)
{
  const ZsChainCommand *chain_command = user_data;
  ZsPluginContext *context = zs_command_invocation_get_context (command);
  ZsChainInvocation inv = {
    .store = zs_plugin_context_get_store (context),
    .engine = zs_plugin_context_get_engine (context),
    .words = zs_command_invocation_get_arguments (command),
    .park = zs_command_invocation_get_string (command, "park"),
    .chain = zs_command_invocation_get_string (command, "chain"),
    .link = zs_command_invocation_get_string (command, "link"),
    .top = int_option (command, "top", DEFAULT_TOP),
    .title = zs_command_invocation_get_string (command, "title"),
    .reject = zs_command_invocation_get_boolean (command, "reject"),
    .clear = zs_command_invocation_get_boolean (command, "clear"),
    .reset = zs_command_invocation_get_boolean (command, "reset"),
    .name = zs_command_invocation_get_string (command, "name"),
    .description = zs_command_invocation_get_string (command, "description"),
    .clause = int_option (command, "clause", -1),
    .position = zs_command_invocation_get_string (command, "position"),
    .sectors = zs_command_invocation_get_strings (command, "sector"),
    .keywords = zs_command_invocation_get_strings (command, "keyword"),
    .suppliers = zs_command_invocation_get_strings (command, "supplier"),
    .customers = zs_command_invocation_get_strings (command, "customer"),
    .drop_sectors = zs_command_invocation_get_strings (command, "drop-sector"),
    .drop_keywords = zs_command_invocation_get_strings (command, "drop-keyword"),
    .drop_suppliers = zs_command_invocation_get_strings (command, "drop-supplier"),
    .drop_customers = zs_command_invocation_get_strings (command, "drop-customer"),
  };
  g_autoptr(JsonNode) result = chain_command->handler (&inv, error);
  g_autoptr(GString) text = NULL;

  if (result == NULL)
    return FALSE;
  if (zs_command_invocation_get_json (command))
    {
      zs_command_invocation_print_json (command, result);
      return TRUE;
    }
  text = g_string_new (NULL);
  chain_command->render (json_node_get_object (result), text);
  zs_command_invocation_print_text (command, text->str);
  return TRUE;
}

/* Adds `chain NAME PARAMETERS` with the options named after @summary,
 * up to NULL. */
static void
add_command (ZsCommandKit         *kit,
             const char           *name,
             const char           *parameters,
             const ZsChainCommand *chain_command,
             const char           *summary,
             ...)
{
  g_autofree char *full_name = g_strdup_printf ("chain %s", name);
  g_autoptr(ZsCommand) command = zs_command_new (full_name, parameters, _(summary));
  va_list names;

  va_start (names, summary);
  for (const char *option = va_arg (names, const char *); option != NULL; option = va_arg (names, const char *))
    for (guint i = 0; i < G_N_ELEMENTS (options); i++)
      if (g_str_equal (options[i].name, option))
        zs_command_add_option (command, option, options[i].type, options[i].arg_description,
                               _(options[i].description));
  va_end (names);
  zs_command_set_handler (command, run_command, (gpointer) chain_command, NULL);
  zs_command_kit_add (kit, command);
}

/**
 * zs_chain_cli_create_kit:
 *
 * Returns: (transfer full): the subverbs of `chain`
 */
ZsCommandKit *
zs_chain_cli_create_kit (void)
{
  static const ZsChainCommand list = { zs_chain_cli_list, zs_chain_render_list };
  static const ZsChainCommand show = { zs_chain_cli_show, zs_chain_render_show };
  static const ZsChainCommand gaps = { zs_chain_cli_gaps, zs_chain_render_gaps };
  static const ZsChainCommand match = { zs_chain_cli_match, zs_chain_render_match };
  static const ZsChainCommand firm = { zs_chain_cli_firm, zs_chain_render_firm };
  static const ZsChainCommand assign = { zs_chain_cli_assign, zs_chain_render_fields };
  static const ZsChainCommand lead = { zs_chain_cli_lead, zs_chain_render_fields };
  static const ZsChainCommand add = { zs_chain_cli_add, zs_chain_render_chain };
  static const ZsChainCommand edit = { zs_chain_cli_edit, zs_chain_render_chain };
  static const ZsChainCommand remove = { zs_chain_cli_remove, zs_chain_render_fields };
  static const ZsChainCommand link_add = { zs_chain_cli_link_add, zs_chain_render_link };
  static const ZsChainCommand link_edit = { zs_chain_cli_link_edit, zs_chain_render_link };
  static const ZsChainCommand link_remove = { zs_chain_cli_link_remove, zs_chain_render_fields };
  static const ZsChainCommand weights = { zs_chain_cli_weights, zs_chain_render_fields };
  static const ZsChainCommand settings = { zs_chain_cli_settings, zs_chain_render_fields };
  ZsCommandKit *kit = zs_command_kit_new ();

  add_command (kit, "list", NULL, &list, N_("The chain maps"), NULL);
  add_command (kit, "show", "CHAIN", &show,
               N_("A chain's links with their sectors, keywords, edges and coverage"), "park", NULL);
  add_command (kit, "gaps", NULL, &gaps,
               N_("Gap links (no settled firm) and weak links, in a park or all of 两霍两伊"), "park", "chain", NULL);
  add_command (kit, "match", "[CHAIN]", &match,
               N_("Ranked candidate firms for the gap and weak links (or one --link)"), "park", "link", "top", NULL);
  add_command (kit, "firm", "FIRM", &firm,
               N_("The links a firm is assigned to or inferred at, with confidence"), NULL);
  add_command (kit, "assign", "FIRM LINK", &assign,
               N_("Confirm a firm at a link (--reject: it is not there; --clear: forget the decision)"),
               "reject", "clear", NULL);
  add_command (kit, "lead", "FIRM LINK", &lead,
               N_("Turn a candidate into a project at stage lead, recording the link"), "park", "title", NULL);
  add_command (kit, "add", "CHAIN NAME", &add, N_("Add a chain map"), "description", "clause", NULL);
  add_command (kit, "edit", "CHAIN", &edit, N_("Change a chain's name, description or clause"),
               "name", "description", "clause", NULL);
  add_command (kit, "remove", "CHAIN", &remove, N_("Remove a chain map and its links"), NULL);
  add_command (kit, "link-add", "CHAIN LINK NAME", &link_add,
               N_("Add a link; --supplier/--customer name the links it buys from and sells to"),
               "position", "sector", "keyword", "supplier", "customer", NULL);
  add_command (kit, "link-edit", "LINK", &link_edit, N_("Change a link: add or drop sectors, keywords and edges"),
               "name", "position", "sector", "keyword", "supplier", "customer",
               "drop-sector", "drop-keyword", "drop-supplier", "drop-customer", NULL);
  add_command (kit, "link-remove", "LINK", &link_remove, N_("Remove a link"), NULL);
  add_command (kit, "weights", "[NAME=VALUE…]", &weights,
               N_("Show or set the ranking weights: sector keyword size partner ties recency"), "reset", NULL);
  add_command (kit, "settings", "[NAME=VALUE…]", &settings,
               N_("Show or set weak_threshold (settled firms a link needs) and min_confidence"), "reset", NULL);
  return kit;
}
