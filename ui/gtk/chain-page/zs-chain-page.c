/* zs-chain-page.c: an industry chain drawn for a park, its gap and weak
 *   links, and the firms that would fill them, each one click from a lead
 *
 * Everything comes from the industry-chain plugin's `chain` command in JSON
 * (chain list, chain show, chain match, chain lead): the page holds no
 * ranking logic of its own, so it shows exactly what the CLI shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "zs-chain-page.h"
#include "zs-gtk-util-private.h"

/* Candidates shown per gap or weak link. */
#define TOP_CANDIDATES "5"

struct _ZsChainPage
{
  GtkWidget          parent_instance;

  ZsCommandProvider *provider;
  ZsPluginContext   *context;
  char              *chain;
  char              *park;
  GStrv              chain_codes;
  GStrv              park_codes;   /* [0] = "" for all of 两霍两伊 */
  guint              n_candidates;

  GtkDropDown       *chain_choice;
  GtkDropDown       *park_choice;
  ZsChainGraph      *graph;
  GtkBox            *gaps_box;
  GtkLabel          *status_label;
};

G_DEFINE_FINAL_TYPE (ZsChainPage, zs_chain_page, GTK_TYPE_WIDGET)

static JsonNode *
run_chain (ZsChainPage         *self,
           const char * const  *args,
           GError             **error)
{
  g_autofree char *text = zs_command_provider_run (self->provider, self->context, "chain", args, TRUE, error);

  if (text == NULL)
    return NULL;
  return json_from_string (text, error);
}

static void
show_status (ZsChainPage *self,
             const char  *text)
{
  gtk_label_set_label (self->status_label, text ? text : "");
}

/* Gaps and candidates {{{ */

static const char *
part_label (const char *part)
{
  if (g_str_equal (part, "sector"))
    return C_("score", "sector");
  if (g_str_equal (part, "keyword"))
    return C_("score", "keywords");
  if (g_str_equal (part, "size"))
    return C_("score", "size");
  if (g_str_equal (part, "partner"))
    return C_("score", "partner");
  if (g_str_equal (part, "ties"))
    return C_("score", "ties");
  return C_("score", "recency");
}

static char *
describe_components (JsonObject *candidate)
{
  static const char * const parts[] = { "sector", "keyword", "size", "partner", "ties", "recency", NULL };
  JsonObject *components = json_object_get_object_member (candidate, "components");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; components != NULL && parts[i] != NULL; i++)
    {
      JsonObject *part = json_object_has_member (components, parts[i])
                         ? json_object_get_object_member (components, parts[i]) : NULL;

      if (part == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: one part of a candidate's score: its name and points */
      g_string_append_printf (text, _("%s %.2f"), part_label (parts[i]),
                              json_object_get_double_member_with_default (part, "points", 0));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
lead_clicked_cb (GtkButton   *button,
                 ZsChainPage *self)
{
  gint64 firm = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "firm-id"));
  const char *link = g_object_get_data (G_OBJECT (button), "link");

  if (zs_chain_page_add_lead (self, firm, link) > 0)
    gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
}

static GtkWidget *
create_candidate_row (ZsChainPage *self,
                      JsonObject  *candidate,
                      const char  *link)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Add as _Lead"));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe_components (candidate);

  /* Translators: a ranked candidate firm: rank, name, score */
  title = g_strdup_printf (_("%" PRId64 ". %s — score %.2f"),
                           json_object_get_int_member_with_default (candidate, "rank", 0),
                           json_object_get_string_member_with_default (candidate, "name", ""),
                           json_object_get_double_member_with_default (candidate, "score", 0));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "firm-id",
                     GSIZE_TO_POINTER (json_object_get_int_member_with_default (candidate, "firm_id", 0)));
  g_object_set_data_full (G_OBJECT (button), "link", g_strdup (link), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (lead_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
create_link_group (ZsChainPage *self,
                   JsonObject  *link)
{
  GtkWidget *group = adw_preferences_group_new ();
  JsonArray *candidates = json_object_get_array_member (link, "candidates");
  const char *code = json_object_get_string_member_with_default (link, "link", "");
  g_autofree char *description = NULL;

  /* Translators: a gap or weak link: status, settled firms, projects in the pipeline, candidates */
  description = g_strdup_printf (_("%s · %" PRId64 " settled · %" PRId64 " in pipeline · %" PRId64 " candidates"),
                                 g_strcmp0 (json_object_get_string_member_with_default (link, "status", ""), "weak") == 0
                                 ? _("weak link (强链)") : _("gap (补链)"),
                                 json_object_get_int_member_with_default (link, "settled", 0),
                                 json_object_get_int_member_with_default (link, "pipeline", 0),
                                 json_object_get_int_member_with_default (link, "candidates_total", 0));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   json_object_get_string_member_with_default (link, "name", code));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (guint i = 0; candidates != NULL && i < json_array_get_length (candidates); i++)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_candidate_row (self, json_array_get_object_element (candidates, i), code));
      self->n_candidates++;
    }
  return group;
}

static void
clear_gaps (ZsChainPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gaps_box))) != NULL)
    gtk_box_remove (self->gaps_box, child);
  self->n_candidates = 0;
}

static void
load_gaps (ZsChainPage *self)
{
  const char *args[] = { "match", self->chain, "--top", TOP_CANDIDATES, self->park ? "--park" : NULL, self->park, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = run_chain (self, args, &error);
  JsonArray *links;

  clear_gaps (self);
  if (root == NULL)
    {
      show_status (self, error->message);
      return;
    }
  links = json_object_get_array_member (json_node_get_object (root), "links");
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    gtk_box_append (self->gaps_box, create_link_group (self, json_array_get_object_element (links, i)));
}

/* }}} */

static void
load_graph (ZsChainPage *self)
{
  const char *args[] = { "show", self->chain, self->park ? "--park" : NULL, self->park, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = run_chain (self, args, &error);

  if (root == NULL)
    {
      zs_chain_graph_set_links (self->graph, NULL);
      show_status (self, error->message);
      return;
    }
  zs_chain_graph_set_links (self->graph, json_object_get_array_member (json_node_get_object (root), "links"));
}

static void
reload (ZsChainPage *self)
{
  if (self->chain == NULL)
    return;
  show_status (self, NULL);
  load_graph (self);
  load_gaps (self);
}

static void
load_chains (ZsChainPage   *self,
             GtkStringList *names)
{
  const char *args[] = { "list", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = run_chain (self, args, &error);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  JsonArray *chains = root ? json_object_get_array_member (json_node_get_object (root), "chains") : NULL;

  for (guint i = 0; chains != NULL && i < json_array_get_length (chains); i++)
    {
      JsonObject *chain = json_array_get_object_element (chains, i);

      g_strv_builder_add (codes, json_object_get_string_member_with_default (chain, "code", ""));
      gtk_string_list_append (names, json_object_get_string_member_with_default (chain, "name", ""));
    }
  self->chain_codes = g_strv_builder_end (codes);
  if (root == NULL)
    show_status (self, error->message);
}

static void
load_parks (ZsChainPage   *self,
            GtkStringList *names)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parks = zs_store_list_parks (zs_plugin_context_get_store (self->context), &error);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  if (parks == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the parks"), error);

  g_strv_builder_add (codes, "");
  gtk_string_list_append (names, _("All of 两霍两伊"));
  for (guint i = 0; parks != NULL && i < parks->len; i++)
    {
      g_strv_builder_add (codes, zs_park_get_code (g_ptr_array_index (parks, i)));
      gtk_string_list_append (names, zs_park_get_name (g_ptr_array_index (parks, i)));
    }
  self->park_codes = g_strv_builder_end (codes);
}

static void
chain_selected_cb (ZsChainPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->chain_choice);

  if (selected < g_strv_length (self->chain_codes))
    zs_chain_page_set_chain (self, self->chain_codes[selected]);
}

static void
park_selected_cb (ZsChainPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->park_choice);

  if (selected < g_strv_length (self->park_codes))
    zs_chain_page_set_park (self, self->park_codes[selected]);
}

static GtkWidget *
create_legend (void)
{
  /* Translators: the colours of the chain graph */
  GtkWidget *legend = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (legend),
                        _("<span foreground=\"#c01c28\">■</span> gap  "
                          "<span foreground=\"#e5a50a\">■</span> weak  "
                          "<span foreground=\"#26a269\">■</span> covered"));
  gtk_widget_add_css_class (legend, "dim-label");
  return legend;
}

static GtkWidget *
create_toolbar (ZsChainPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GtkStringList) chains = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) parks = gtk_string_list_new (NULL);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  load_chains (self, chains);
  load_parks (self, parks);
  self->chain_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (chains)), NULL));
  self->park_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (parks)), NULL));
  g_signal_connect_swapped (self->chain_choice, "notify::selected", G_CALLBACK (chain_selected_cb), self);
  g_signal_connect_swapped (self->park_choice, "notify::selected", G_CALLBACK (park_selected_cb), self);
  gtk_widget_set_hexpand (spacer, TRUE);

  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->chain_choice));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->park_choice));
  gtk_box_append (GTK_BOX (bar), spacer);
  gtk_box_append (GTK_BOX (bar), create_legend ());
  g_object_set (bar, "margin-start", 6, "margin-end", 6, "margin-top", 6, "margin-bottom", 6, NULL);
  return bar;
}

static void
build (ZsChainPage *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *graph_scroller = gtk_scrolled_window_new ();
  GtkWidget *gaps_scroller = gtk_scrolled_window_new ();

  self->graph = ZS_CHAIN_GRAPH (zs_chain_graph_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (graph_scroller), GTK_WIDGET (self->graph));
  self->gaps_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  g_object_set (self->gaps_box, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom", 12, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (gaps_scroller), GTK_WIDGET (self->gaps_box));
  gtk_paned_set_start_child (GTK_PANED (paned), graph_scroller);
  gtk_paned_set_end_child (GTK_PANED (paned), gaps_scroller);
  gtk_paned_set_position (GTK_PANED (paned), 300);
  gtk_widget_set_vexpand (paned, TRUE);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  g_object_set (self->status_label, "margin-start", 12, "margin-bottom", 6, NULL);

  gtk_widget_set_parent (create_toolbar (self), GTK_WIDGET (self));
  gtk_widget_set_parent (paned, GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->status_label), GTK_WIDGET (self));
}

static void
zs_chain_page_dispose (GObject *object)
{
  ZsChainPage *self = ZS_CHAIN_PAGE (object);

  zs_gtk_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->provider);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (zs_chain_page_parent_class)->dispose (object);
}

static void
zs_chain_page_finalize (GObject *object)
{
  ZsChainPage *self = ZS_CHAIN_PAGE (object);

  g_free (self->chain);
  g_free (self->park);
  g_strfreev (self->chain_codes);
  g_strfreev (self->park_codes);

  G_OBJECT_CLASS (zs_chain_page_parent_class)->finalize (object);
}

static void
zs_chain_page_class_init (ZsChainPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zs_chain_page_dispose;
  object_class->finalize = zs_chain_page_finalize;

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
zs_chain_page_init (ZsChainPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

/**
 * zs_chain_page_new:
 * @provider: the industry-chain plugin's command provider
 * @context: its context, with the store
 *
 * Returns: (transfer floating): the page, showing the first chain for all
 *   of 两霍两伊
 */
GtkWidget *
zs_chain_page_new (ZsCommandProvider *provider,
                   ZsPluginContext   *context)
{
  ZsChainPage *self;

  g_return_val_if_fail (ZS_IS_COMMAND_PROVIDER (provider), NULL);
  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (context), NULL);

  self = g_object_new (ZS_TYPE_CHAIN_PAGE, NULL);
  self->provider = g_object_ref (provider);
  self->context = g_object_ref (context);
  build (self);
  if (self->chain_codes[0] != NULL)
    zs_chain_page_set_chain (self, self->chain_codes[0]);
  return GTK_WIDGET (self);
}

void
zs_chain_page_set_chain (ZsChainPage *self,
                         const char  *chain)
{
  g_return_if_fail (ZS_IS_CHAIN_PAGE (self));

  if (g_strcmp0 (self->chain, chain) == 0)
    return;
  g_free (self->chain);
  self->chain = g_strdup (chain);
  for (guint i = 0; self->chain_codes[i] != NULL; i++)
    if (g_strcmp0 (self->chain_codes[i], chain) == 0)
      gtk_drop_down_set_selected (self->chain_choice, i);
  reload (self);
}

/**
 * zs_chain_page_set_park:
 * @self: a #ZsChainPage
 * @park: (nullable): a park code; %NULL or "" for all of 两霍两伊
 */
void
zs_chain_page_set_park (ZsChainPage *self,
                        const char  *park)
{
  g_return_if_fail (ZS_IS_CHAIN_PAGE (self));

  if (park != NULL && park[0] == '\0')
    park = NULL;
  if (g_strcmp0 (self->park, park) == 0)
    return;
  g_free (self->park);
  self->park = g_strdup (park);
  for (guint i = 0; self->park_codes[i] != NULL; i++)
    if (g_strcmp0 (self->park_codes[i], park ? park : "") == 0)
      gtk_drop_down_set_selected (self->park_choice, i);
  reload (self);
}

ZsChainGraph *
zs_chain_page_get_graph (ZsChainPage *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_PAGE (self), NULL);

  return self->graph;
}

/**
 * zs_chain_page_get_n_candidates:
 * @self: a #ZsChainPage
 *
 * Returns: how many candidate firms are listed under the gap and weak links
 */
guint
zs_chain_page_get_n_candidates (ZsChainPage *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_PAGE (self), 0);

  return self->n_candidates;
}

/**
 * zs_chain_page_add_lead:
 * @self: a #ZsChainPage
 * @firm_id: a candidate
 * @link: the link it would fill
 *
 * Turns the candidate into a project at stage lead, as its button does.
 *
 * Returns: the new project's id, or 0 (the status line says why)
 */
gint64
zs_chain_page_add_lead (ZsChainPage *self,
                        gint64       firm_id,
                        const char  *link)
{
  g_autofree char *firm = g_strdup_printf ("%" PRId64, firm_id);
  const char *args[] = { "lead", firm, link, self->park ? "--park" : NULL, self->park, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gint64 project;

  g_return_val_if_fail (ZS_IS_CHAIN_PAGE (self), 0);

  root = run_chain (self, args, &error);
  if (root == NULL)
    {
      show_status (self, error->message);
      return 0;
    }
  project = json_object_get_int_member_with_default (json_node_get_object (root), "project_id",
                                                      json_object_get_int_member_with_default (json_node_get_object (root), "id", 0));
  /* Translators: after “Add as Lead”: the new project's id */
  text = g_strdup_printf (_("Project %" PRId64 " was added at stage lead"), project);
  show_status (self, text);
  return project > 0 ? project : 1;
}

const char *
zs_chain_page_get_status_text (ZsChainPage *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_PAGE (self), NULL);

  return gtk_label_get_label (self->status_label);
}
