/* zs-chain-render.c: the `chain` results as text
 *
 * The text shows what the JSON holds, in columns; Chinese characters take
 * two columns on a terminal, so cells are padded by display width
 * (zs_text_append_padded()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "zs-chain-cli-private.h"
#include "zs-chain-settings.h"

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

/* For a table cell: "" for a missing member. */
static const char *
member_text (JsonObject *object,
             const char *member)
{
  const char *text = member_string (object, member);

  return text ? text : "";
}

static const char *
scope_label (JsonObject *result)
{
  const char *park = member_string (result, "park");

  return park ? park : _("all of 两霍两伊");
}

static void
append_joined (GString    *out,
               const char *label,
               JsonArray  *array)
{
  if (json_array_get_length (array) == 0)
    return;
  g_string_append_printf (out, "      %s: ", label);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", json_array_get_string_element (array, i));
  g_string_append_c (out, '\n');
}

/* ---- list ----------------------------------------------------------- */

void
zs_chain_render_list (JsonObject *result,
                      GString    *out)
{
  JsonArray *chains = json_object_get_array_member (result, "chains");

  zs_text_append_padded (out, "CODE", 23);
  zs_text_append_padded (out, _("NAME"), 19);
  zs_text_append_padded (out, _("CLAUSE"), 8);
  zs_text_append_padded (out, _("LINKS"), 7);
  g_string_append_printf (out, "%s\n", _("ORIGIN"));
  for (guint i = 0; i < json_array_get_length (chains); i++)
    {
      JsonObject *chain = json_array_get_object_element (chains, i);
      g_autofree char *clause = g_strdup_printf ("%" PRId64,
                                                 json_object_get_int_member_with_default (chain, "clause", 0));
      g_autofree char *links = g_strdup_printf ("%" PRId64, json_object_get_int_member (chain, "links"));

      zs_text_append_padded (out, member_text (chain, "code"), 23);
      zs_text_append_padded (out, member_text (chain, "name"), 19);
      zs_text_append_padded (out, clause, 8);
      zs_text_append_padded (out, links, 7);
      g_string_append_printf (out, "%s\n", member_string (chain, "origin"));
    }
}

/* ---- show ----------------------------------------------------------- */

static void
append_settled_firms (GString   *out,
                      JsonArray *firms)
{
  if (json_array_get_length (firms) == 0)
    return;
  g_string_append_printf (out, "      %s: ", _("settled"));
  for (guint i = 0; i < json_array_get_length (firms); i++)
    {
      JsonObject *firm = json_array_get_object_element (firms, i);

      g_string_append_printf (out, "%s%s (%" PRId64 ")", i ? ", " : "",
                              member_string (firm, "name"), json_object_get_int_member (firm, "firm_id"));
    }
  g_string_append_c (out, '\n');
}

static void
append_coverage (GString    *out,
                 JsonObject *link)
{
  g_string_append_printf (out, _("settled %" PRId64 ", pipeline %" PRId64 ", %s\n"),
                          json_object_get_int_member (link, "settled"),
                          json_object_get_int_member (link, "pipeline"),
                          member_string (link, "status"));
}

static void
append_show_link (GString    *out,
                  JsonObject *link)
{
  zs_text_append_padded (out, member_text (link, "position"), 11);
  zs_text_append_padded (out, member_text (link, "code"), 23);
  zs_text_append_padded (out, member_text (link, "name"), 17);
  append_coverage (out, link);
  append_joined (out, _("sectors"), json_object_get_array_member (link, "sectors"));
  append_joined (out, _("keywords"), json_object_get_array_member (link, "keywords"));
  append_joined (out, _("supplies"), json_object_get_array_member (link, "customers"));
  append_settled_firms (out, json_object_get_array_member (link, "settled_firms"));
}

void
zs_chain_render_show (JsonObject *result,
                      GString    *out)
{
  JsonObject *chain = json_object_get_object_member (result, "chain");
  JsonArray *links = json_object_get_array_member (result, "links");

  g_string_append_printf (out, "%s (%s)", member_string (chain, "name"), member_string (chain, "code"));
  if (member_string (chain, "description") != NULL)
    g_string_append_printf (out, ": %s", member_string (chain, "description"));
  g_string_append_printf (out, _("\nCoverage in %s; weak below %" PRId64 " settled firms\n\n"),
                          scope_label (result), json_object_get_int_member (result, "weak_threshold"));
  for (guint i = 0; i < json_array_get_length (links); i++)
    append_show_link (out, json_array_get_object_element (links, i));
}

/* ---- gaps ----------------------------------------------------------- */

void
zs_chain_render_gaps (JsonObject *result,
                      GString    *out)
{
  JsonArray *links = json_object_get_array_member (result, "links");

  g_string_append_printf (out, _("Gap and weak links in %s (weak: fewer than %" PRId64 " settled firms)\n"),
                          scope_label (result), json_object_get_int_member (result, "weak_threshold"));
  zs_text_append_padded (out, _("STATUS"), 7);
  zs_text_append_padded (out, _("CHAIN"), 21);
  zs_text_append_padded (out, _("LINK"), 23);
  zs_text_append_padded (out, _("NAME"), 19);
  g_string_append_printf (out, "%s\n", _("SETTLED/PIPELINE"));
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);

      zs_text_append_padded (out, member_text (link, "status"), 7);
      zs_text_append_padded (out, member_text (link, "chain"), 21);
      zs_text_append_padded (out, member_text (link, "link"), 23);
      zs_text_append_padded (out, member_text (link, "name"), 19);
      g_string_append_printf (out, "%" PRId64 "/%" PRId64 "\n",
                              json_object_get_int_member (link, "settled"),
                              json_object_get_int_member (link, "pipeline"));
    }
  if (json_array_get_length (links) == 0)
    g_string_append (out, _("No gaps: every link has enough settled firms.\n"));
}

/* ---- match ---------------------------------------------------------- */

static void
append_weights (GString    *out,
                JsonObject *weights)
{
  g_string_append (out, _("Weights:"));
  for (guint i = 0; i < ZS_CHAIN_N_COMPONENTS; i++)
    {
      const char *name = zs_chain_component_get_name (i);
      g_string_append_printf (out, " %s %.2f", name, json_object_get_double_member (weights, name));
    }
  g_string_append_c (out, '\n');
}

static void
append_candidate (GString    *out,
                  JsonObject *candidate)
{
  JsonObject *components = json_object_get_object_member (candidate, "components");
  g_autofree char *rank = g_strdup_printf ("%" PRId64, json_object_get_int_member (candidate, "rank"));
  g_autofree char *score = g_strdup_printf ("%.3f", json_object_get_double_member (candidate, "score"));

  g_string_append (out, "  ");
  zs_text_append_padded (out, rank, 4);
  zs_text_append_padded (out, score, 7);
  for (guint i = 0; i < ZS_CHAIN_N_COMPONENTS; i++)
    {
      JsonObject *component = json_object_get_object_member (components, zs_chain_component_get_name (i));
      g_autofree char *points = g_strdup_printf ("%.3f", json_object_get_double_member (component, "points"));

      zs_text_append_padded (out, points, 8);
    }
  g_string_append_printf (out, "%s (%" PRId64 ")\n", member_string (candidate, "name"),
                          json_object_get_int_member (candidate, "firm_id"));
}

static void
append_candidate_header (GString *out)
{
  g_string_append (out, "  ");
  zs_text_append_padded (out, "#", 4);
  zs_text_append_padded (out, _("SCORE"), 7);
  for (guint i = 0; i < ZS_CHAIN_N_COMPONENTS; i++)
    {
      g_autofree char *upper = g_ascii_strup (zs_chain_component_get_name (i), -1);
      zs_text_append_padded (out, upper, 8);
    }
  g_string_append_printf (out, "%s\n", _("FIRM"));
}

static void
append_match_link (GString    *out,
                   JsonObject *link)
{
  JsonArray *candidates = json_object_get_array_member (link, "candidates");
  gint64 total = json_object_get_int_member (link, "candidates_total");

  g_string_append_printf (out, "\n%s › %s (%s): ", member_string (link, "chain_name"),
                          member_string (link, "name"), member_string (link, "link"));
  append_coverage (out, link);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "  %" PRId64 " candidate firm, best %u:\n",
                                            "  %" PRId64 " candidate firms, best %u:\n", total),
                          total, json_array_get_length (candidates));
  if (json_array_get_length (candidates) == 0)
    return;
  append_candidate_header (out);
  for (guint i = 0; i < json_array_get_length (candidates); i++)
    append_candidate (out, json_array_get_object_element (candidates, i));
}

void
zs_chain_render_match (JsonObject *result,
                       GString    *out)
{
  JsonArray *links = json_object_get_array_member (result, "links");

  g_string_append_printf (out, _("Candidates for %s (points = value × weight)\n"), scope_label (result));
  append_weights (out, json_object_get_object_member (result, "weights"));
  if (!json_object_get_boolean_member (result, "partner_available"))
    g_string_append (out, _("Partner: no flying-zone partners known (no plugin provides partner firms), "
                            "so 0 for every firm\n"));
  for (guint i = 0; i < json_array_get_length (links); i++)
    append_match_link (out, json_array_get_object_element (links, i));
  if (json_array_get_length (links) == 0)
    g_string_append (out, _("No gap or weak links to match.\n"));
}

/* ---- firm ----------------------------------------------------------- */

static char *
evidence_text (JsonObject *evidence)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *hints[] = { "sector", "name", "business_scope" };

  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    if (json_object_get_boolean_member (evidence, hints[i]))
      g_string_append_printf (text, "%s%s", text->len ? ", " : "", hints[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
zs_chain_render_firm (JsonObject *result,
                      GString    *out)
{
  JsonArray *links = json_object_get_array_member (result, "links");

  g_string_append_printf (out, _("%s (%" PRId64 "): an inferred link counts from confidence %.2f\n"),
                          member_string (result, "name"), json_object_get_int_member (result, "firm_id"),
                          json_object_get_double_member (result, "min_confidence"));
  zs_text_append_padded (out, _("STATUS"), 10);
  zs_text_append_padded (out, _("CONF"), 6);
  zs_text_append_padded (out, _("COUNTS"), 7);
  zs_text_append_padded (out, _("LINK"), 23);
  zs_text_append_padded (out, _("NAME"), 17);
  g_string_append_printf (out, "%s\n", _("EVIDENCE"));
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);
      g_autofree char *confidence = g_strdup_printf ("%.2f", json_object_get_double_member (link, "confidence"));
      g_autofree char *evidence = evidence_text (json_object_get_object_member (link, "evidence"));

      zs_text_append_padded (out, member_text (link, "status"), 10);
      zs_text_append_padded (out, confidence, 6);
      zs_text_append_padded (out, json_object_get_boolean_member (link, "counts") ? _("yes") : _("no"), 7);
      zs_text_append_padded (out, member_text (link, "link"), 23);
      zs_text_append_padded (out, member_text (link, "name"), 17);
      g_string_append_printf (out, "%s\n", evidence);
    }
}

/* ---- edits ---------------------------------------------------------- */

void
zs_chain_render_chain (JsonObject *result,
                       GString    *out)
{
  JsonObject *chain = json_object_get_object_member (result, "chain");

  g_string_append_printf (out, _("Chain %s: %s, clause %" PRId64 ", %" PRId64 " links (%s)\n"),
                          member_string (chain, "code"), member_string (chain, "name"),
                          json_object_get_int_member_with_default (chain, "clause", 0),
                          json_object_get_int_member (chain, "links"), member_string (chain, "origin"));
}

void
zs_chain_render_link (JsonObject *result,
                      GString    *out)
{
  JsonObject *link = json_object_get_object_member (result, "link");

  g_string_append_printf (out, _("Link %s: %s, %s of chain %s\n"), member_string (link, "code"),
                          member_string (link, "name"), member_string (link, "position"),
                          member_string (link, "chain"));
  append_joined (out, _("sectors"), json_object_get_array_member (link, "sectors"));
  append_joined (out, _("keywords"), json_object_get_array_member (link, "keywords"));
  append_joined (out, _("buys from"), json_object_get_array_member (link, "suppliers"));
  append_joined (out, _("supplies"), json_object_get_array_member (link, "customers"));
}

/* A value as a person reads it: text unquoted, numbers in their shortest
 * form (0.3, not 0.29999999999999999). */
static char *
value_text (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  GType type;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return json_node_dup_string (node);
  if (type == G_TYPE_DOUBLE)
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g", json_node_get_double (node)));
  return json_to_string (node, FALSE);
}

static void
append_field (GString    *out,
              const char *indent,
              const char *name,
              JsonNode   *node)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *value = value_text (node);

      g_string_append_printf (out, "%s%s: %s\n", indent, name, value);
      return;
    }
  object = json_node_get_object (node);
  g_string_append_printf (out, "%s%s:\n", indent, name);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    append_field (out, "  ", l->data, json_object_get_member (object, l->data));
}

void
zs_chain_render_fields (JsonObject *result,
                        GString    *out)
{
  g_autoptr(GList) members = json_object_get_members (result);

  for (GList *l = members; l != NULL; l = l->next)
    append_field (out, "", l->data, json_object_get_member (result, l->data));
}
