/* zs-chain-graph.c: the links of an industry chain as boxes from upstream to
 *   downstream, coloured by how well the chosen park covers them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "zs-chain-graph.h"
#include "zs-gtk-util-private.h"

#define BOX_WIDTH 170.0
#define BOX_HEIGHT 54.0
#define COLUMN_GAP 70.0
#define ROW_GAP 18.0
#define MARGIN 16.0

typedef struct
{
  char   *code;
  char   *name;
  char   *status;      /* gap, weak or covered */
  GStrv   customers;
  gint64  settled;
  gint64  pipeline;
  guint   column;
  guint   row;
} Link;

struct _ZsChainGraph
{
  GtkWidget  parent_instance;

  GArray    *links;
  guint      n_columns;
  guint      n_rows;
  char      *selected;
};

G_DEFINE_FINAL_TYPE (ZsChainGraph, zs_chain_graph, GTK_TYPE_WIDGET)

enum {
  LINK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where a position of the chain sits, left to right. */
static const char * const positions[] = { "upstream", "midstream", "downstream", NULL };

static void
link_clear (gpointer data)
{
  Link *link = data;

  g_free (link->code);
  g_free (link->name);
  g_free (link->status);
  g_strfreev (link->customers);
}

static guint
column_of (const char *position)
{
  for (guint i = 0; positions[i] != NULL; i++)
    if (g_strcmp0 (positions[i], position) == 0)
      return i;
  return G_N_ELEMENTS (positions) - 1;
}

static GStrv
strings_of (JsonObject *object,
            const char *member)
{
  JsonArray *array = json_object_has_member (object, member) ? json_object_get_array_member (object, member) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

static void
add_link (ZsChainGraph *self,
          JsonObject   *object,
          guint        *rows)
{
  Link link = { 0 };

  link.code = g_strdup (json_object_get_string_member_with_default (object, "code", ""));
  link.name = g_strdup (json_object_get_string_member_with_default (object, "name", link.code));
  link.status = g_strdup (json_object_get_string_member_with_default (object, "status", "gap"));
  link.settled = json_object_get_int_member_with_default (object, "settled", 0);
  link.pipeline = json_object_get_int_member_with_default (object, "pipeline", 0);
  link.customers = strings_of (object, "customers");
  link.column = column_of (json_object_get_string_member_with_default (object, "position", ""));
  link.row = rows[link.column]++;
  self->n_columns = MAX (self->n_columns, link.column + 1);
  self->n_rows = MAX (self->n_rows, link.row + 1);
  g_array_append_val (self->links, link);
}

/**
 * zs_chain_graph_set_links:
 * @self: a #ZsChainGraph
 * @links: the `links` of `chain show --json`
 */
void
zs_chain_graph_set_links (ZsChainGraph *self,
                          JsonArray    *links)
{
  guint rows[G_N_ELEMENTS (positions)] = { 0 };

  g_return_if_fail (ZS_IS_CHAIN_GRAPH (self));

  g_array_set_size (self->links, 0);
  self->n_columns = self->n_rows = 0;
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    add_link (self, json_array_get_object_element (links, i), rows);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
box_origin (ZsChainGraph *self,
            Link         *link,
            double       *x,
            double       *y)
{
  *x = MARGIN + link->column * (BOX_WIDTH + COLUMN_GAP);
  *y = MARGIN + 20 + link->row * (BOX_HEIGHT + ROW_GAP);
}

static Link *
find_link (ZsChainGraph *self,
           const char   *code)
{
  for (guint i = 0; i < self->links->len; i++)
    if (g_strcmp0 (g_array_index (self->links, Link, i).code, code) == 0)
      return &g_array_index (self->links, Link, i);
  return NULL;
}

static void
status_colors (const char *status,
               GdkRGBA    *fill,
               GdkRGBA    *border)
{
  if (g_strcmp0 (status, "covered") == 0)
    {
      *fill = (GdkRGBA) { 0.82, 0.96, 0.88, 1 };
      *border = (GdkRGBA) { 0.15, 0.64, 0.41, 1 };
    }
  else if (g_strcmp0 (status, "weak") == 0)
    {
      *fill = (GdkRGBA) { 0.99, 0.94, 0.75, 1 };
      *border = (GdkRGBA) { 0.90, 0.65, 0.04, 1 };
    }
  else
    {
      *fill = (GdkRGBA) { 0.97, 0.83, 0.83, 1 };
      *border = (GdkRGBA) { 0.75, 0.11, 0.16, 1 };
    }
}

static void
draw_edges (ZsChainGraph *self,
            cairo_t      *cr)
{
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.8);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < self->links->len; i++)
    {
      Link *from = &g_array_index (self->links, Link, i);
      double x1, y1;

      box_origin (self, from, &x1, &y1);
      for (guint j = 0; from->customers[j] != NULL; j++)
        {
          Link *to = find_link (self, from->customers[j]);
          double x2, y2, sx, sy, ex, ey;

          if (to == NULL)
            continue;
          box_origin (self, to, &x2, &y2);
          sx = x1 + BOX_WIDTH, sy = y1 + BOX_HEIGHT / 2;
          ex = x2, ey = y2 + BOX_HEIGHT / 2;
          if (to->column <= from->column)   /* a link feeding one beside it */
            sx = x1 + BOX_WIDTH / 2, sy = y1 + BOX_HEIGHT, ex = x2 + BOX_WIDTH / 2, ey = y2;
          cairo_move_to (cr, sx, sy);
          cairo_curve_to (cr, (sx + ex) / 2, sy, (sx + ex) / 2, ey, ex, ey);
          cairo_stroke (cr);
          cairo_arc (cr, ex, ey, 3, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

static void
draw_box (ZsChainGraph  *self,
          cairo_t       *cr,
          Link          *link,
          const GdkRGBA *foreground)
{
  /* Translators: under a link of a chain: settled firms and projects in the pipeline */
  g_autofree char *counts = g_strdup_printf (_("%" PRId64 " settled · %" PRId64 " in pipeline"),
                                             link->settled, link->pipeline);
  GdkRGBA fill, border;
  double x, y;

  box_origin (self, link, &x, &y);
  status_colors (link->status, &fill, &border);
  cairo_rectangle (cr, x, y, BOX_WIDTH, BOX_HEIGHT);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &border);
  cairo_set_line_width (cr, g_strcmp0 (link->code, self->selected) == 0 ? 3.5 : 1.5);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  zs_gtk_show_text (cr, link->name, x + 8, y + 6, BOX_WIDTH - 16, 10, TRUE);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  zs_gtk_show_text (cr, counts, x + 8, y + 30, BOX_WIDTH - 16, 8, FALSE);
}

static const char *
position_label (guint column)
{
  switch (column)
    {
    case 0: return _("Upstream");
    case 1: return _("Midstream");
    default: return _("Downstream");
    }
}

static void
zs_chain_graph_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ZsChainGraph *self = ZS_CHAIN_GRAPH (widget);
  GdkRGBA foreground;
  cairo_t *cr = zs_gtk_begin_cairo (widget, snapshot, &foreground);

  for (guint c = 0; c < self->n_columns; c++)
    {
      gdk_cairo_set_source_rgba (cr, &foreground);
      zs_gtk_show_text (cr, position_label (c), MARGIN + c * (BOX_WIDTH + COLUMN_GAP), MARGIN - 4, BOX_WIDTH, 9, TRUE);
    }
  draw_edges (self, cr);
  for (guint i = 0; i < self->links->len; i++)
    draw_box (self, cr, &g_array_index (self->links, Link, i), &foreground);
  cairo_destroy (cr);
}

static void
zs_chain_graph_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  ZsChainGraph *self = ZS_CHAIN_GRAPH (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) (2 * MARGIN + self->n_columns * BOX_WIDTH + MAX ((int) self->n_columns - 1, 0) * COLUMN_GAP);
  else
    *minimum = *natural = (int) (2 * MARGIN + 20 + self->n_rows * BOX_HEIGHT + MAX ((int) self->n_rows - 1, 0) * ROW_GAP);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           px,
            double           py,
            ZsChainGraph    *self)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      Link *link = &g_array_index (self->links, Link, i);
      double x, y;

      box_origin (self, link, &x, &y);
      if (px >= x && px <= x + BOX_WIDTH && py >= y && py <= y + BOX_HEIGHT)
        {
          zs_chain_graph_select (self, link->code);
          g_signal_emit (self, signals[LINK_ACTIVATED], 0, link->code);
          return;
        }
    }
}

static void
zs_chain_graph_finalize (GObject *object)
{
  ZsChainGraph *self = ZS_CHAIN_GRAPH (object);

  g_array_unref (self->links);
  g_free (self->selected);

  G_OBJECT_CLASS (zs_chain_graph_parent_class)->finalize (object);
}

static void
zs_chain_graph_class_init (ZsChainGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = zs_chain_graph_finalize;
  widget_class->snapshot = zs_chain_graph_snapshot;
  widget_class->measure = zs_chain_graph_measure;

  /**
   * ZsChainGraph::link-activated:
   * @self: the graph
   * @link: the code of the link clicked
   */
  signals[LINK_ACTIVATED] =
    g_signal_new ("link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
zs_chain_graph_init (ZsChainGraph *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_array_set_clear_func (self->links, link_clear);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
zs_chain_graph_new (void)
{
  return g_object_new (ZS_TYPE_CHAIN_GRAPH, NULL);
}

guint
zs_chain_graph_get_n_links (ZsChainGraph *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_GRAPH (self), 0);

  return self->links->len;
}

/**
 * zs_chain_graph_get_status:
 * @self: a #ZsChainGraph
 * @link: a link's code
 *
 * Returns: (nullable): `gap`, `weak` or `covered`, as drawn
 */
const char *
zs_chain_graph_get_status (ZsChainGraph *self,
                           const char   *link)
{
  Link *found;

  g_return_val_if_fail (ZS_IS_CHAIN_GRAPH (self), NULL);

  found = find_link (self, link);
  return found != NULL ? found->status : NULL;
}

const char *
zs_chain_graph_get_selected (ZsChainGraph *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_GRAPH (self), NULL);

  return self->selected;
}

void
zs_chain_graph_select (ZsChainGraph *self,
                       const char   *link)
{
  g_return_if_fail (ZS_IS_CHAIN_GRAPH (self));

  g_free (self->selected);
  self->selected = g_strdup (link);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
