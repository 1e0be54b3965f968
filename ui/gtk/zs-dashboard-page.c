/* zs-dashboard-page.c: the pipeline, the investment by sector and by park,
 *   and the 2025 targets, as charts; and the same as a PDF report
 *
 * Realised investment is the only figure this database measures. The 2025
 * targets of the guideline (GDP, industrial value added, budget revenue) are
 * official statistics it does not hold: they are shown as reference values,
 * and no progress towards them is claimed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "zhaoshang-gtk.h"
#include "zs-dashboard-page.h"
#include "zs-follow-up-card.h"
#include "zs-gtk-util-private.h"

/* 万元 per 亿元 */
#define WAN_PER_YI 10000.0
#define MAX_BARS 10
/* A4 in points, and its margin. */
#define PAGE_WIDTH 595.0
#define PAGE_HEIGHT 842.0
#define MARGIN 36.0

struct _ZsDashboardPage
{
  GtkWidget   parent_instance;

  ZsStore    *store;
  GtkLabel   *headline;
  GtkWidget  *follow_ups;
  GtkWidget  *plugin_card_box;
  ZsPluginEngine *engine;
  GHashTable *plugin_cards;  /* ZsDashboardCardProvider → its card */
  ZsChart    *funnel;
  ZsChart    *by_sector;
  ZsChart    *by_park;
  ZsChart    *targets;
  guint       reload_id;
  GCancellable *cancellable;
  gint64      firms;       /* -1 until counted */
  char       *projects_text;
};

G_DEFINE_FINAL_TYPE (ZsDashboardPage, zs_dashboard_page, GTK_TYPE_WIDGET)

/* The dashboard's figures, read together. */
typedef struct
{
  GVariant  *funnel;      /* {sx}: projects per stage */
  GVariant  *by_sector;   /* a(ssxdd) */
  GVariant  *by_park;     /* a(ssxdd) */
  GPtrArray *targets;
  gint64     projects;
  double     planned;
  double     realised;
  gint64     firms;
} Figures;

static void
figures_free (Figures *figures)
{
  g_clear_pointer (&figures->funnel, g_variant_unref);
  g_clear_pointer (&figures->by_sector, g_variant_unref);
  g_clear_pointer (&figures->by_park, g_variant_unref);
  g_clear_pointer (&figures->targets, g_ptr_array_unref);
  g_free (figures);
}

/* In a worker (or, for a PDF, at once): every figure, or an error. */
static gpointer
read_figures (ZsStore       *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Figures *figures = g_new0 (Figures, 1);

  if (!zs_store_sum_investment (store, &figures->projects, &figures->planned, &figures->realised, error) ||
      !(figures->funnel = zs_store_count_projects_by_stage (store, NULL, error)) ||
      !(figures->by_sector = zs_store_sum_investment_by_sector (store, MAX_BARS, error)) ||
      !(figures->by_park = zs_store_sum_investment_by_park (store, MAX_BARS, error)) ||
      !(figures->targets = zs_store_list_targets (store, error)) ||
      /* a million firms is a whole index read: last */
      (figures->firms = zs_store_count_firms (store, NULL, NULL, error)) < 0)
    {
      figures_free (figures);
      return NULL;
    }
  return figures;
}

static void
show_funnel (ZsDashboardPage *self,
             GVariant        *counts)
{
  zs_chart_clear (self->funnel);
  for (ZsStage stage = ZS_STAGE_LEAD; stage <= ZS_STAGE_LOST; stage++)
    {
      gint64 count = 0;

      g_variant_lookup (counts, zs_enum_to_nick (ZS_TYPE_STAGE, stage), "x", &count);
      zs_chart_add_row (self->funnel, zs_stage_get_label (stage), count, 0);
    }
}

static void
add_sums (ZsChart    *chart,
          GVariant   *sums,
          const char *unnamed)
{
  GVariantIter iter;
  const char *code, *name;
  gint64 projects;
  double planned, realised;

  zs_chart_clear (chart);
  g_variant_iter_init (&iter, sums);
  while (g_variant_iter_next (&iter, "(&s&sxdd)", &code, &name, &projects, &planned, &realised))
    zs_chart_add_row (chart, name[0] != '\0' ? name : unnamed, planned / WAN_PER_YI, realised / WAN_PER_YI);
}

static char *
describe_target (ZsTarget *target)
{
  g_autofree char *comparison = g_strdup (zs_target_get_comparison (target) ? zs_target_get_comparison (target) : "");

  g_strdelimit (comparison, "<>=", ' ');
  if (zs_target_get_growth_pct (target) > 0)
    /* Translators: a 2025 target: name, value, unit, yearly growth in percent */
    return g_strdup_printf (_("%s %.0f %s (+%.0f%%/yr)"), zs_target_get_name (target), zs_target_get_value (target),
                            zs_target_get_unit (target), zs_target_get_growth_pct (target));
  /* Translators: a 2025 target: name, value, unit */
  return g_strdup_printf (_("%s %.0f %s"), zs_target_get_name (target), zs_target_get_value (target),
                          zs_target_get_unit (target));
}

static void
show_targets (ZsDashboardPage *self,
              GPtrArray       *targets,
              double           realised_yi)
{
  zs_chart_clear (self->targets);
  for (guint i = 0; i < targets->len; i++)
    {
      ZsTarget *target = g_ptr_array_index (targets, i);
      g_autofree char *label = describe_target (target);

      /* Targets in another unit cannot share the axis. */
      if (g_strcmp0 (zs_target_get_unit (target), "亿元") == 0)
        zs_chart_add_row (self->targets, label, zs_target_get_value (target), 0);
    }
  zs_chart_add_row (self->targets, _("Realised investment of all projects (measured)"), 0, realised_yi);
}

static void
show_headline (ZsDashboardPage *self)
{
  g_autofree char *firms = NULL;
  g_autofree char *text = NULL;

  /* Translators: how many firms the database holds, in the dashboard headline */
  firms = self->firms >= 0 ? g_strdup_printf (_("%" PRId64 " firms"), self->firms) : g_strdup (_("… firms"));
  /* Translators: the dashboard headline: the firms, then the projects and their investment */
  text = g_strdup_printf (_("%s · %s"), firms, self->projects_text != NULL ? self->projects_text : "");
  gtk_label_set_label (self->headline, text);
}

static void
show_figures (gpointer      owner,
              gpointer      result,
              const GError *error)
{
  ZsDashboardPage *self = owner;
  Figures *figures = result;
  g_autofree char *count = NULL;

  if (error != NULL)
    {
      zs_gtk_show_error (GTK_WIDGET (self), _("Cannot read the dashboard’s figures"), error);
      return;
    }
  count = g_strdup_printf ("%" PRId64, figures->projects);
  g_free (self->projects_text);
  /* Translators: the dashboard headline; amounts in 亿元 (100 million yuan) */
  self->projects_text = g_strdup_printf (_("%s projects · planned investment %.2f ×100M yuan · realised %.2f ×100M yuan"),
                                         count, figures->planned / WAN_PER_YI, figures->realised / WAN_PER_YI);
  self->firms = figures->firms;
  show_headline (self);
  show_funnel (self, figures->funnel);
  add_sums (self->by_sector, figures->by_sector, "");
  add_sums (self->by_park, figures->by_park, _("No park"));
  show_targets (self, figures->targets, figures->realised / WAN_PER_YI);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * zs_dashboard_page_reload:
 * @self: a #ZsDashboardPage
 *
 * Reads the figures again, off the main thread; done by itself when
 * projects change.
 */
void
zs_dashboard_page_reload (ZsDashboardPage *self)
{
  g_return_if_fail (ZS_IS_DASHBOARD_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  zs_gtk_read_in_thread (self, &self->cancellable, self->store, read_figures, NULL, NULL,
                         show_figures, (GDestroyNotify) figures_free);
}

/* TRUE while the figures are being read: tests wait for it. */
gboolean
zs_dashboard_page_is_loading (ZsDashboardPage *self)
{
  g_return_val_if_fail (ZS_IS_DASHBOARD_PAGE (self), FALSE);
  return self->cancellable != NULL || self->reload_id != 0;
}

static void
store_changed_cb (ZsDashboardPage *self,
                  const char      *entity)
{
  if (self->reload_id == 0 && (g_strcmp0 (entity, "project") == 0 || g_strcmp0 (entity, "firm") == 0))
    zs_gtk_queue_reload (&self->reload_id, (ZsGtkReloadFunc) zs_dashboard_page_reload, self);
}

static ZsChart *
add_chart (GtkFlowBox  *box,
           ZsChartKind  kind,
           const char  *title)
{
  GtkWidget *chart = zs_chart_new (kind, title);

  gtk_widget_add_css_class (chart, "card");
  gtk_widget_set_valign (chart, GTK_ALIGN_START);
  gtk_flow_box_append (box, chart);
  return ZS_CHART (chart);
}

static void
build (ZsDashboardPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkFlowBox *charts = GTK_FLOW_BOX (gtk_flow_box_new ());

  self->headline = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->headline, TRUE);
  gtk_label_set_xalign (self->headline, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->headline), "title-4");

  gtk_flow_box_set_selection_mode (charts, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (charts, 2);
  gtk_flow_box_set_homogeneous (charts, FALSE);
  gtk_flow_box_set_column_spacing (charts, 12);
  gtk_flow_box_set_row_spacing (charts, 12);
  self->funnel = add_chart (charts, ZS_CHART_FUNNEL, _("Pipeline: projects at each stage"));
  self->targets = add_chart (charts, ZS_CHART_REFERENCE, _("2025 targets (clause 2) and what is measured, ×100M yuan"));
  zs_chart_set_series (self->targets, _("Target (reference)"), _("Measured in this database"));
  zs_chart_set_note (self->targets,
                     _("Only realised investment is recorded here. GDP, industrial value added and budget revenue are "
                       "official statistics this database does not hold: their targets are shown for reference, "
                       "with no progress claimed."));
  self->by_sector = add_chart (charts, ZS_CHART_BARS, _("Investment by sector, ×100M yuan"));
  zs_chart_set_series (self->by_sector, _("Planned"), _("Realised"));
  zs_chart_set_note (self->by_sector, _("A project in several sectors counts in each of them."));
  self->by_park = add_chart (charts, ZS_CHART_BARS, _("Investment by park, ×100M yuan"));
  zs_chart_set_series (self->by_park, _("Planned"), _("Realised"));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->headline));
  self->follow_ups = zs_follow_up_card_new ();
  gtk_box_append (GTK_BOX (box), self->follow_ups);
  self->plugin_card_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), self->plugin_card_box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (charts));
  g_object_set (box, "margin-start", 18, "margin-end", 18, "margin-top", 18, "margin-bottom", 18, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
}

static void
zs_dashboard_page_dispose (GObject *object)
{
  ZsDashboardPage *self = ZS_DASHBOARD_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_clear_object (&self->engine);
  g_hash_table_remove_all (self->plugin_cards);
  zs_gtk_unparent_children (GTK_WIDGET (self));
  zs_gtk_clear_connected (&self->store, self);

  G_OBJECT_CLASS (zs_dashboard_page_parent_class)->dispose (object);
}

static void
zs_dashboard_page_finalize (GObject *object)
{
  g_free (ZS_DASHBOARD_PAGE (object)->projects_text);
  g_hash_table_unref (ZS_DASHBOARD_PAGE (object)->plugin_cards);

  G_OBJECT_CLASS (zs_dashboard_page_parent_class)->finalize (object);
}

static void
zs_dashboard_page_class_init (ZsDashboardPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zs_dashboard_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = zs_dashboard_page_finalize;

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
zs_dashboard_page_init (ZsDashboardPage *self)
{
  self->firms = -1;
  self->plugin_cards = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, g_object_unref);
  build (self);
}

/**
 * zs_dashboard_page_new:
 * @store: the store
 *
 * Returns: (transfer floating): the dashboard
 */
GtkWidget *
zs_dashboard_page_new (ZsStore *store)
{
  ZsDashboardPage *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_DASHBOARD_PAGE, NULL);
  self->store = g_object_ref (store);
  zs_follow_up_card_set_store (ZS_FOLLOW_UP_CARD (self->follow_ups), store);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  zs_dashboard_page_reload (self);
  return GTK_WIDGET (self);
}

static gboolean
provider_is_active (GPtrArray *providers,
                    gpointer   provider)
{
  for (guint i = 0; i < providers->len; i++)
    if (g_ptr_array_index (providers, i) == provider)
      return TRUE;
  return FALSE;
}

/* The cards of the active plugins: new ones added, those of plugins
 * unloaded dropped. */
static void
sync_plugin_cards (ZsDashboardPage *self)
{
  g_autoptr(GPtrArray) providers = zs_plugin_engine_get_extensions (self->engine, ZS_TYPE_DASHBOARD_CARD_PROVIDER);
  GHashTableIter iter;
  gpointer provider, card;

  g_hash_table_iter_init (&iter, self->plugin_cards);
  while (g_hash_table_iter_next (&iter, &provider, &card))
    if (!provider_is_active (providers, provider))
      {
        gtk_box_remove (GTK_BOX (self->plugin_card_box), card);
        g_hash_table_iter_remove (&iter);
      }
  for (guint i = 0; i < providers->len; i++)
    {
      ZsDashboardCardProvider *card_provider = g_ptr_array_index (providers, i);
      GtkWidget *new_card;

      if (g_hash_table_contains (self->plugin_cards, card_provider) ||
          !(new_card = zs_dashboard_card_provider_create_card (card_provider, self->store, self->engine)))
        continue;
      gtk_widget_add_css_class (new_card, "card");
      gtk_box_append (GTK_BOX (self->plugin_card_box), new_card);
      g_hash_table_insert (self->plugin_cards, g_object_ref (card_provider), new_card);
    }
}

/**
 * zs_dashboard_page_set_plugin_engine:
 * @self: a #ZsDashboardPage
 * @engine: the window's plugins
 *
 * Shows the cards of the plugins that provide one
 * (#ZsDashboardCardProvider), and follows plugins loaded and unloaded.
 */
void
zs_dashboard_page_set_plugin_engine (ZsDashboardPage *self,
                                     ZsPluginEngine  *engine)
{
  g_return_if_fail (ZS_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (ZS_IS_PLUGIN_ENGINE (engine));

  if (self->engine == engine)
    return;
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_set_object (&self->engine, engine);
  g_signal_connect_swapped (engine, "plugin-loaded", G_CALLBACK (sync_plugin_cards), self);
  g_signal_connect_swapped (engine, "plugin-unloaded", G_CALLBACK (sync_plugin_cards), self);
  sync_plugin_cards (self);
}

/**
 * zs_dashboard_page_get_plugin_cards:
 * @self: a #ZsDashboardPage
 *
 * Returns: (transfer container) (element-type GtkWidget): the cards of
 *   plugins shown
 */
GList *
zs_dashboard_page_get_plugin_cards (ZsDashboardPage *self)
{
  g_return_val_if_fail (ZS_IS_DASHBOARD_PAGE (self), NULL);
  return g_hash_table_get_values (self->plugin_cards);
}

/**
 * zs_dashboard_page_get_chart:
 * @self: a #ZsDashboardPage
 * @name: `funnel`, `sectors`, `parks` or `targets`
 *
 * Returns: (transfer none) (nullable): the chart
 */
ZsChart *
zs_dashboard_page_get_chart (ZsDashboardPage *self,
                             const char      *name)
{
  g_return_val_if_fail (ZS_IS_DASHBOARD_PAGE (self), NULL);

  if (g_strcmp0 (name, "funnel") == 0)
    return self->funnel;
  if (g_strcmp0 (name, "sectors") == 0)
    return self->by_sector;
  if (g_strcmp0 (name, "parks") == 0)
    return self->by_park;
  if (g_strcmp0 (name, "targets") == 0)
    return self->targets;
  return NULL;
}

const char *
zs_dashboard_page_get_headline (ZsDashboardPage *self)
{
  g_return_val_if_fail (ZS_IS_DASHBOARD_PAGE (self), NULL);

  return gtk_label_get_label (self->headline);
}

/* Report {{{ */

static double
draw_paragraph (cairo_t    *cr,
                const char *text,
                double      y,
                int         size,
                gboolean    bold)
{
  g_autoptr(PangoLayout) layout = zs_gtk_create_paragraph (cr, text, size, bold, PAGE_WIDTH - 2 * MARGIN);
  int height;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return y + height + 8;
}

static double
draw_report_header (ZsDashboardPage *self,
                    cairo_t         *cr)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *basename = g_path_get_basename (zs_store_get_path (self->store));
  /* Translators: under the report title: the date and the database file */
  g_autofree char *subtitle = g_strdup_printf (_("%s · database %s"), date, basename);
  double y = MARGIN;

  y = draw_paragraph (cr, _("Horgos Economic Development Zone: Investment Promotion Report"), y, 16, TRUE);
  y = draw_paragraph (cr, subtitle, y, 9, FALSE);
  return draw_paragraph (cr, gtk_label_get_label (self->headline), y + 4, 10, FALSE);
}

static void
draw_report (ZsDashboardPage *self,
             cairo_t         *cr)
{
  static const GdkRGBA black = { 0, 0, 0, 1 };
  ZsChart *charts[] = { self->funnel, self->targets, self->by_sector, self->by_park };
  double width = PAGE_WIDTH - 2 * MARGIN;
  double y = draw_report_header (self, cr);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      double height = zs_chart_get_height_for_width (charts[i], width);

      if (y + height > PAGE_HEIGHT - MARGIN)
        {
          cairo_show_page (cr);
          y = MARGIN;
        }
      cairo_save (cr);
      cairo_translate (cr, MARGIN, y);
      zs_chart_draw (charts[i], cr, width, height, &black);
      cairo_restore (cr);
      y += height + 12;
    }
}

/**
 * zs_dashboard_page_export_pdf:
 * @self: a #ZsDashboardPage
 * @path: the PDF file to write
 * @error: return location for a #GError
 *
 * Writes the dashboard as an A4 report, drawn by the same code as on screen.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
zs_dashboard_page_export_pdf (ZsDashboardPage  *self,
                              const char       *path,
                              GError          **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (ZS_IS_DASHBOARD_PAGE (self), FALSE);

  {
    /* The file is written here, on the main thread: its figures are read
     * here too, so that it shows the store as it is now. */
    g_autoptr(GError) read_error = NULL;
    Figures *figures = read_figures (self->store, NULL, NULL, &read_error);

    if (figures == NULL)
      {
        g_propagate_error (error, g_steal_pointer (&read_error));
        return FALSE;
      }
    show_figures (self, figures, NULL);
    figures_free (figures);
  }
  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("Horgos Economic Development Zone: Investment Promotion Report"));
  cr = cairo_create (surface);
  draw_report (self, cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name, the second %s why it could not be written */
                   _("Cannot write the report to %s: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* }}} */
