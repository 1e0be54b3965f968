/* zs-chain-cli.c: the `chain` verb of zhaoshang-cli
 *
 * `zhaoshang-cli chain SUBVERB ARGS… [--json]` arrives here as the words
 * after `chain`. Each subverb parses its options with GOptionContext; wrong
 * usage is a G_OPTION_ERROR, which the CLI reports with exit status 2. Every
 * subverb returns one JSON object; --json prints it, otherwise a renderer
 * turns the same object into text, so both always say the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-chain-cli.h"

#include <glib/gi18n-lib.h>

#include "zs-chain-cli-private.h"

#define DEFAULT_TOP 10

typedef struct {
  const char      *name;
  const char      *usage;     /* the words after the subverb */
  const char      *options;   /* long names it accepts, space-separated */
  guint            min_words;
  int              max_words; /* -1 for any number */
  ZsChainHandler   handler;
  ZsChainRenderer  render;
  const char      *summary;
} ZsChainVerb;

static const ZsChainVerb verbs[] = {
  { "list", "", "", 0, 0, zs_chain_cli_list, zs_chain_render_list,
    N_("The chain maps") },
  { "show", "CHAIN", "park", 1, 1, zs_chain_cli_show, zs_chain_render_show,
    N_("A chain's links with their sectors, keywords, edges and coverage") },
  { "gaps", "", "park chain", 0, 0, zs_chain_cli_gaps, zs_chain_render_gaps,
    N_("Gap links (no settled firm) and weak links, in a park or all of 两霍两伊") },
  { "match", "[CHAIN]", "park link top", 0, 1, zs_chain_cli_match, zs_chain_render_match,
    N_("Ranked candidate firms for the gap and weak links (or one --link)") },
  { "firm", "FIRM", "", 1, 1, zs_chain_cli_firm, zs_chain_render_firm,
    N_("The links a firm is assigned to or inferred at, with confidence") },
  { "assign", "FIRM LINK", "reject clear", 2, 2, zs_chain_cli_assign, zs_chain_render_fields,
    N_("Confirm a firm at a link (--reject: it is not there; --clear: forget the decision)") },
  { "lead", "FIRM LINK", "park title", 2, 2, zs_chain_cli_lead, zs_chain_render_fields,
    N_("Turn a candidate into a project at stage lead, recording the link") },
  { "add", "CHAIN NAME", "description clause", 2, 2, zs_chain_cli_add, zs_chain_render_chain,
    N_("Add a chain map") },
  { "edit", "CHAIN", "name description clause", 1, 1, zs_chain_cli_edit, zs_chain_render_chain,
    N_("Change a chain's name, description or clause") },
  { "remove", "CHAIN", "", 1, 1, zs_chain_cli_remove, zs_chain_render_fields,
    N_("Remove a chain map and its links") },
  { "link-add", "CHAIN LINK NAME", "position sector keyword supplier customer", 3, 3,
    zs_chain_cli_link_add, zs_chain_render_link,
    N_("Add a link; --supplier/--customer name the links it buys from and sells to") },
  { "link-edit", "LINK",
    "name position sector keyword supplier customer drop-sector drop-keyword drop-supplier drop-customer",
    1, 1, zs_chain_cli_link_edit, zs_chain_render_link,
    N_("Change a link: add or drop sectors, keywords and edges") },
  { "link-remove", "LINK", "", 1, 1, zs_chain_cli_link_remove, zs_chain_render_fields,
    N_("Remove a link") },
  { "weights", "[NAME=VALUE…]", "reset", 0, -1, zs_chain_cli_weights, zs_chain_render_fields,
    N_("Show or set the ranking weights: sector keyword size partner ties recency") },
  { "settings", "[NAME=VALUE…]", "reset", 0, -1, zs_chain_cli_settings, zs_chain_render_fields,
    N_("Show or set weak_threshold (settled firms a link needs) and min_confidence") },
};

static const ZsChainVerb *
find_verb (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (verbs[i].name, name))
      return &verbs[i];
  return NULL;
}

static char *
verb_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", verbs[i].name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/**
 * zs_chain_cli_get_help:
 *
 * Returns: (transfer full): the help for `chain`, one line per subverb
 */
char *
zs_chain_cli_get_help (void)
{
  GString *help = g_string_new (_("chain: industry-chain promotion (产业链招商): find the links a park lacks "
                                  "and the firms that would fill them (补链, 延链, 强链)\n"));

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    g_string_append_printf (help, "  chain %s %s\n      %s\n", verbs[i].name, verbs[i].usage,
                            _(verbs[i].summary));
  g_string_append (help, _("FIRM is a firm id or USCC; --park P limits coverage to a park and the parks "
                           "under it (default: all of 两霍两伊); every subverb takes --json.\n"));
  return g_string_free (help, FALSE);
}

/* Text options are declared as file names: GOption then passes them on
 * as they are. The arguments arrive as UTF-8 (checked in
 * zs_chain_cli_run()), and converting them from the locale's charset would
 * fail for Chinese text wherever the caller never called setlocale(). */
static GOptionEntry *
all_options (ZsChainInvocation *inv)
{
  const GOptionEntry entries[] = {
    { "park", 0, 0, G_OPTION_ARG_FILENAME, &inv->park, N_("Park code (and the parks under it)"), "PARK" },
    { "chain", 0, 0, G_OPTION_ARG_FILENAME, &inv->chain, N_("Only this chain"), "CHAIN" },
    { "link", 0, 0, G_OPTION_ARG_FILENAME, &inv->link, N_("Only this link"), "LINK" },
    { "top", 0, 0, G_OPTION_ARG_INT, &inv->top, N_("Candidates per link (default 10)"), "N" },
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &inv->title, N_("Project title"), "TITLE" },
    { "reject", 0, 0, G_OPTION_ARG_NONE, &inv->reject, N_("The firm is not at the link"), NULL },
    { "clear", 0, 0, G_OPTION_ARG_NONE, &inv->clear, N_("Forget the decision; infer again"), NULL },
    { "reset", 0, 0, G_OPTION_ARG_NONE, &inv->reset, N_("Back to the defaults"), NULL },
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &inv->name, N_("New name"), "NAME" },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &inv->description, N_("Description"), "TEXT" },
    { "clause", 0, 0, G_OPTION_ARG_INT, &inv->clause, N_("Guideline clause number"), "N" },
    { "position", 0, 0, G_OPTION_ARG_FILENAME, &inv->position, N_("upstream, midstream or downstream"), "POS" },
    { "sector", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inv->sectors, N_("Sector code (repeatable)"), "CODE" },
    { "keyword", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inv->keywords, N_("Keyword (repeatable)"), "WORD" },
    { "supplier", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inv->suppliers, N_("Supplier link (repeatable)"), "LINK" },
    { "customer", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inv->customers, N_("Customer link (repeatable)"), "LINK" },
    { "drop-sector", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inv->drop_sectors, N_("Sector to drop"), "CODE" },
    { "drop-keyword", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inv->drop_keywords, N_("Keyword to drop"), "WORD" },
    { "drop-supplier", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inv->drop_suppliers, N_("Supplier to drop"), "LINK" },
    { "drop-customer", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inv->drop_customers, N_("Customer to drop"), "LINK" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &inv->json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  return g_memdup2 (entries, sizeof entries);
}

static GOptionEntry *
verb_options (const ZsChainVerb *verb,
              ZsChainInvocation *inv)
{
  g_autofree GOptionEntry *all = all_options (inv);
  g_auto(GStrv) accepted = g_strsplit (verb->options, " ", -1);
  GArray *entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; all[i].long_name != NULL; i++)
    if (g_strv_contains ((const char * const *) accepted, all[i].long_name) ||
        g_str_equal (all[i].long_name, "json"))
      g_array_append_val (entries, all[i]);
  return (GOptionEntry *) (gpointer) g_array_free (entries, FALSE);
}

static gboolean
parse_options (const ZsChainVerb   *verb,
               ZsChainInvocation   *inv,
               const char * const  *args,
               GError             **error)
{
  g_autofree char *title = g_strdup_printf ("chain %s", verb->name);
  g_autoptr(GOptionContext) context = g_option_context_new (verb->usage);
  g_autofree GOptionEntry *entries = verb_options (verb, inv);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add (builder, title);
  for (guint i = 1; args[i] != NULL; i++)
    g_strv_builder_add (builder, args[i]);
  argv = g_strv_builder_end (builder);

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &argv, error))
    return FALSE;
  inv->words = g_strdupv (argv + 1);
  return TRUE;
}

static gboolean
check_words (const ZsChainVerb  *verb,
             ZsChainInvocation  *inv,
             GError            **error)
{
  guint n = g_strv_length (inv->words);

  if (n >= verb->min_words && (verb->max_words < 0 || n <= (guint) verb->max_words))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("usage: chain %s %s"), verb->name, verb->usage);
  return FALSE;
}

static void
invocation_clear (ZsChainInvocation *inv)
{
  g_strfreev (inv->words);
  g_free (inv->park);
  g_free (inv->chain);
  g_free (inv->link);
  g_free (inv->title);
  g_free (inv->name);
  g_free (inv->description);
  g_free (inv->position);
  g_strfreev (inv->sectors);
  g_strfreev (inv->keywords);
  g_strfreev (inv->suppliers);
  g_strfreev (inv->customers);
  g_strfreev (inv->drop_sectors);
  g_strfreev (inv->drop_keywords);
  g_strfreev (inv->drop_suppliers);
  g_strfreev (inv->drop_customers);
}

static gboolean
wants_help (const char * const *args)
{
  for (guint i = 0; args[i] != NULL; i++)
    if (g_str_equal (args[i], "--help") || g_str_equal (args[i], "-h"))
      return TRUE;
  return FALSE;
}

static char *
print_result (const ZsChainVerb *verb,
              JsonNode          *result,
              gboolean           json)
{
  g_autoptr(JsonGenerator) generator = NULL;
  GString *out;

  if (!json)
    {
      out = g_string_new (NULL);
      verb->render (json_node_get_object (result), out);
      return g_string_free (out, FALSE);
    }
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, result);
  out = g_string_new (NULL);
  json_generator_to_gstring (generator, out);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static gboolean
check_utf8 (const char * const  *args,
            GError             **error)
{
  for (guint i = 0; args[i] != NULL; i++)
    {
      if (!g_utf8_validate (args[i], -1, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("argument %u of “chain” is not valid UTF-8"), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static const ZsChainVerb *
lookup_verb (const char * const  *args,
             GError             **error)
{
  g_autofree char *names = verb_names ();
  const ZsChainVerb *verb;

  if (args == NULL || args[0] == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("“chain” needs a subcommand: %s"), names);
      return NULL;
    }
  if (!(verb = find_verb (args[0])))
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                 _("unknown subcommand “chain %s” (expected one of: %s)"), args[0], names);
  return verb;
}

/**
 * zs_chain_cli_run:
 * @store: the store
 * @engine: (nullable): the engine that activated the plugin, for services
 * @args: the words after `chain`: SUBVERB, then its arguments
 * @json: print JSON (also set by a --json among @args)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): what to print, or %NULL with @error set
 */
char *
zs_chain_cli_run (ZsStore             *store,
                  ZsPluginEngine      *engine,
                  const char * const  *args,
                  gboolean             json,
                  GError             **error)
{
  ZsChainInvocation inv = { .store = store, .engine = engine, .top = DEFAULT_TOP, .clause = -1 };
  g_autoptr(JsonNode) result = NULL;
  const ZsChainVerb *verb;
  char *output = NULL;

  if (args != NULL && args[0] != NULL && wants_help (args))
    return zs_chain_cli_get_help ();
  if (!(verb = lookup_verb (args, error)) || !check_utf8 (args, error))
    return NULL;
  if (parse_options (verb, &inv, args, error) && check_words (verb, &inv, error) &&
      (result = verb->handler (&inv, error)))
    output = print_result (verb, result, json || inv.json);
  invocation_clear (&inv);
  return output;
}
