/* zs-chain-page.c: an industry chain drawn for a park, its gap and weak
 *   links, and the firms that would fill them, each one click from a lead
 *
 * Everything comes from the industry-chain plugin's chain service, which
 * answers with the JSON of the `chain` subverbs (list, show, match, lead):
 * the page holds no ranking logic of its own, so it shows exactly what the
 * CLI shows.
 *
 * Nothing is read on the main thread. The chains, the map and the
 * candidates are read by GTasks in a worker thread, through a connection of
 * the page's own (a ZsStore is used by one thread at a time); a newer
 * request or the page's end cancels what is in flight, and what arrives
 * late is dropped. “Add as Lead” writes through the window's store, so that
 * every view hears ZsStore::changed; the page hears it too and reads its
 * counts again.
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
#define TOP_CANDIDATES 5

/* The worker's connection, shared by the page's tasks one at a time. */
typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  char            *path;
  ZsStore         *store;
} Reader;

static Reader *
reader_ref (Reader *reader)
{
  g_atomic_ref_count_inc (&reader->ref_count);
  return reader;
}

static void
reader_unref (Reader *reader)
{
  if (!g_atomic_ref_count_dec (&reader->ref_count))
    return;
  g_clear_object (&reader->store);
  g_free (reader->path);
  g_mutex_clear (&reader->lock);
  g_free (reader);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reader, reader_unref)

/* In a worker thread, with reader->lock held. The chains are records of
 * the plugin's record types, registered on the page's store: the worker's
 * connection uses them as they are when the request was made. */
static ZsStore *
reader_get_store (Reader     *reader,
                  GPtrArray  *types,
                  GError    **error)
{
  if (reader->store == NULL)
    reader->store = zs_store_new (reader->path, error);
  if (reader->store != NULL)
    zs_store_share_record_types (reader->store, types);
  return reader->store;
}

/* What one task asks and what it brings back. */
typedef struct
{
  Reader         *reader;
  GPtrArray      *types;        /* the page store's record types */
  ZsChainService *service;
  char           *chain;
  char           *park;
  JsonNode       *chains;       /* the first load */
  GPtrArray      *parks;
  JsonNode       *map;
  JsonNode       *candidates;
} Request;

static void
request_free (Request *request)
{
  g_clear_pointer (&request->reader, reader_unref);
  g_clear_pointer (&request->types, g_ptr_array_unref);
  g_clear_object (&request->service);
  g_free (request->chain);
  g_free (request->park);
  g_clear_pointer (&request->chains, json_node_unref);
  g_clear_pointer (&request->parks, g_ptr_array_unref);
  g_clear_pointer (&request->map, json_node_unref);
  g_clear_pointer (&request->candidates, json_node_unref);
  g_free (request);
}

struct _ZsChainPage
{
  GtkWidget          parent_instance;

  ZsChainService    *service;
  ZsStore           *store;
  Reader            *reader;
  GCancellable      *cancellable;
  guint              reload_source;
  gboolean           loading;
  JsonNode          *map;
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

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (ZsChainPage *self);

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
show_gaps (ZsChainPage *self,
           JsonNode    *root)
{
  JsonArray *links;

  clear_gaps (self);
  links = json_object_get_array_member (json_node_get_object (root), "links");
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    gtk_box_append (self->gaps_box, create_link_group (self, json_array_get_object_element (links, i)));
}

/* }}} */

/* Reading in a worker thread {{{ */

static Request *
request_new (ZsChainPage *self)
{
  Request *request = g_new0 (Request, 1);

  request->reader = reader_ref (self->reader);
  {
    g_autoptr(GPtrArray) types = zs_store_list_record_types (self->store);

    /* Held by the request, in case a plugin goes while a worker reads. */
    request->types = g_ptr_array_copy (types, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
    g_ptr_array_set_free_func (request->types, g_object_unref);
  }
  request->service = g_object_ref (self->service);
  request->chain = g_strdup (self->chain);
  request->park = g_strdup (self->park);
  return request;
}

static GTask *
start_task (ZsChainPage         *self,
            GAsyncReadyCallback  callback)
{
  GTask *task;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_source_tag (task, start_task);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, request_new (self), (GDestroyNotify) request_free);
  return task;
}

/* In a worker thread: the chains and the parks to choose from. */
static void
read_choices_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&request->reader->lock);
  GError *error = NULL;
  ZsStore *store;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!(store = reader_get_store (request->reader, request->types, &error)) ||
      !(request->parks = zs_store_list_parks (store, &error)) ||
      !(request->chains = zs_chain_service_list_chains (request->service, store, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* In a worker thread: the chain's map and the candidates of its gap and
 * weak links, for the park. */
static void
read_chain_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&request->reader->lock);
  GError *error = NULL;
  ZsStore *store;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!(store = reader_get_store (request->reader, request->types, &error)) ||
      !(request->map = zs_chain_service_get_map (request->service, store, request->chain,
                                                 request->park, &error)) ||
      g_cancellable_is_cancelled (cancellable) ||
      !(request->candidates = zs_chain_service_get_candidates (request->service, store, request->chain, NULL,
                                                               request->park, TOP_CANDIDATES, &error)))
    {
      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_error_if_cancelled (task);
    }
  else
    g_task_return_boolean (task, TRUE);
}

static void
finish_loading (ZsChainPage *self)
{
  self->loading = FALSE;
  g_signal_emit (self, signals[LOADED], 0);
}

static void
chain_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ZsChainPage *self = ZS_CHAIN_PAGE (object);
  Request *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* A newer request took over, or the page is gone. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  if (error != NULL)
    {
      zs_chain_graph_set_links (self->graph, NULL);
      g_clear_pointer (&self->map, json_node_unref);
      clear_gaps (self);
      show_status (self, error->message);
    }
  else
    {
      g_clear_pointer (&self->map, json_node_unref);
      self->map = g_steal_pointer (&request->map);
      zs_chain_graph_set_links (self->graph, json_object_get_array_member (json_node_get_object (self->map), "links"));
      show_gaps (self, request->candidates);
    }
  finish_loading (self);
}

static void
reload (ZsChainPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->chain == NULL)
    return;
  task = start_task (self, chain_read_cb);
  g_task_run_in_thread (task, read_chain_in_thread);
}

/* Many changes come at once (an import, an undo): one reading for all. */
static gboolean
reload_idle_cb (gpointer user_data)
{
  ZsChainPage *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (ZsChainPage *self)
{
  if (self->chain != NULL && self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

/* }}} */

static void
show_choices (ZsChainPage *self,
              Request     *request)
{
  JsonArray *chains = json_object_get_array_member (json_node_get_object (request->chains), "chains");
  GtkStringList *chain_names = GTK_STRING_LIST (gtk_drop_down_get_model (self->chain_choice));
  GtkStringList *park_names = GTK_STRING_LIST (gtk_drop_down_get_model (self->park_choice));
  g_autoptr(GStrvBuilder) chain_codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) park_codes = g_strv_builder_new ();

  for (guint i = 0; chains != NULL && i < json_array_get_length (chains); i++)
    {
      JsonObject *chain = json_array_get_object_element (chains, i);

      g_strv_builder_add (chain_codes, json_object_get_string_member_with_default (chain, "code", ""));
      gtk_string_list_append (chain_names, json_object_get_string_member_with_default (chain, "name", ""));
    }
  g_strfreev (self->chain_codes);
  self->chain_codes = g_strv_builder_end (chain_codes);

  g_strv_builder_add (park_codes, "");
  for (guint i = 0; i < request->parks->len; i++)
    {
      g_strv_builder_add (park_codes, zs_park_get_code (g_ptr_array_index (request->parks, i)));
      gtk_string_list_append (park_names, zs_park_get_name (g_ptr_array_index (request->parks, i)));
    }
  g_strfreev (self->park_codes);
  self->park_codes = g_strv_builder_end (park_codes);
}

static void
choices_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ZsChainPage *self = ZS_CHAIN_PAGE (object);
  Request *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *chain = NULL;
  g_autofree char *park = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      show_status (self, error->message);
      finish_loading (self);
      return;
    }
  show_choices (self, request);
  /* What was asked for while the choices were read, else the first chain. */
  chain = g_steal_pointer (&self->chain);
  park = g_strdup (self->park);
  if (chain == NULL && self->chain_codes[0] != NULL)
    chain = g_strdup (self->chain_codes[0]);
  g_clear_pointer (&self->park, g_free);
  zs_chain_page_set_park (self, park);
  if (chain != NULL)
    zs_chain_page_set_chain (self, chain);
  else
    finish_loading (self);
}

static void
chain_selected_cb (ZsChainPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->chain_choice);

  if (self->chain_codes != NULL && selected < g_strv_length (self->chain_codes))
    zs_chain_page_set_chain (self, self->chain_codes[selected]);
}

static void
park_selected_cb (ZsChainPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->park_choice);

  if (self->park_codes != NULL && selected < g_strv_length (self->park_codes))
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
  const char * const all_parks[] = { _("All of 两霍两伊"), NULL };
  g_autoptr(GtkStringList) parks = gtk_string_list_new (all_parks);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

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

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  zs_gtk_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->service);
  g_clear_object (&self->store);
  g_clear_pointer (&self->reader, reader_unref);
  g_clear_pointer (&self->map, json_node_unref);

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

  /**
   * ZsChainPage::loaded:
   * @self: the page
   *
   * Emitted when what the page asked the chain service for has arrived
   * and is shown (or its error is).
   */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
zs_chain_page_init (ZsChainPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

/**
 * zs_chain_page_new:
 * @service: the industry-chain plugin's chain service
 * @store: the window's store
 *
 * Returns: (transfer floating): the page; it reads the chains, then shows
 *   the first for all of 两霍两伊
 */
GtkWidget *
zs_chain_page_new (ZsChainService *service,
                   ZsStore        *store)
{
  g_autoptr(GTask) task = NULL;
  ZsChainPage *self;

  g_return_val_if_fail (ZS_IS_CHAIN_SERVICE (service), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_CHAIN_PAGE, NULL);
  self->service = g_object_ref (service);
  self->store = g_object_ref (store);
  self->reader = g_new0 (Reader, 1);
  g_atomic_ref_count_init (&self->reader->ref_count);
  g_mutex_init (&self->reader->lock);
  self->reader->path = g_strdup (zs_store_get_path (store));
  build (self);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);

  task = start_task (self, choices_read_cb);
  g_task_run_in_thread (task, read_choices_in_thread);
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
  for (guint i = 0; self->chain_codes != NULL && self->chain_codes[i] != NULL; i++)
    if (g_strcmp0 (self->chain_codes[i], chain) == 0)
      gtk_drop_down_set_selected (self->chain_choice, i);
  /* While the choices are read, it is kept for when they arrive. */
  if (self->chain_codes != NULL)
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
  for (guint i = 0; self->park_codes != NULL && self->park_codes[i] != NULL; i++)
    if (g_strcmp0 (self->park_codes[i], park ? park : "") == 0)
      gtk_drop_down_set_selected (self->park_choice, i);
  if (self->park_codes != NULL)
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
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gint64 project;

  g_return_val_if_fail (ZS_IS_CHAIN_PAGE (self), 0);
  g_return_val_if_fail (link != NULL, 0);

  /* One short transaction through the window's store, whose
   * ZsStore::changed then reaches every view, this page included. */
  root = zs_chain_service_add_lead (self->service, self->store, firm_id, link, self->park, &error);
  if (root == NULL)
    {
      show_status (self, error->message);
      return 0;
    }
  project = json_object_get_int_member_with_default (json_node_get_object (root), "project_id", 0);
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

/**
 * zs_chain_page_get_loading:
 * @self: a #ZsChainPage
 *
 * Returns: whether the page waits for the chain service's answer
 */
gboolean
zs_chain_page_get_loading (ZsChainPage *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_PAGE (self), FALSE);

  return self->loading || self->reload_source != 0;
}

/**
 * zs_chain_page_get_link_counts:
 * @self: a #ZsChainPage
 * @link: a link of the chain shown
 * @settled: (out) (optional): its settled firms in the park
 * @pipeline: (out) (optional): its projects in the pipeline
 *
 * Returns: whether the map shown has the link
 */
gboolean
zs_chain_page_get_link_counts (ZsChainPage *self,
                               const char  *link,
                               guint       *settled,
                               guint       *pipeline)
{
  JsonArray *links;

  g_return_val_if_fail (ZS_IS_CHAIN_PAGE (self), FALSE);
  g_return_val_if_fail (link != NULL, FALSE);

  links = self->map ? json_object_get_array_member (json_node_get_object (self->map), "links") : NULL;
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    {
      JsonObject *object = json_array_get_object_element (links, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, "code", NULL), link) != 0)
        continue;
      if (settled != NULL)
        *settled = json_object_get_int_member_with_default (object, "settled", 0);
      if (pipeline != NULL)
        *pipeline = json_object_get_int_member_with_default (object, "pipeline", 0);
      return TRUE;
    }
  return FALSE;
}
