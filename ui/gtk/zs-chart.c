/* zs-chart.c: a bar chart drawn with cairo, on screen and in the PDF report
 *
 * The same drawing code paints the widget (through gtk_snapshot_append_cairo)
 * and the report (on a cairo PDF surface), so what is printed is what the
 * user saw. Text goes through Pango, which finds a CJK font for Chinese.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "zs-chart.h"
#include "zs-gtk-util-private.h"

#define PADDING 12.0
#define ROW_HEIGHT 24.0
#define BAR_GAP 3.0
#define VALUE_WIDTH 80.0

typedef struct
{
  char   *label;
  double  values[2];
} Row;

struct _ZsChart
{
  GtkWidget    parent_instance;

  ZsChartKind  kind;
  char        *title;
  char        *series[2];
  char        *note;
  GArray      *rows;
};

G_DEFINE_FINAL_TYPE (ZsChart, zs_chart, GTK_TYPE_WIDGET)

static const GdkRGBA series_colors[] = {
  { 0.208, 0.518, 0.894, 1.0 },   /* blue 3 */
  { 0.180, 0.761, 0.494, 1.0 },   /* green 4 */
};

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->label);
}

static gboolean
has_second_series (ZsChart *self)
{
  return self->series[1] != NULL;
}

static double
row_height (ZsChart *self)
{
  return has_second_series (self) && self->kind == ZS_CHART_BARS ? ROW_HEIGHT * 1.5 : ROW_HEIGHT;
}

static double
note_height (ZsChart *self,
             cairo_t *cr,
             double   width)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (self->note == NULL)
    return 0;
  layout = zs_gtk_create_paragraph (cr, self->note, 8, FALSE, width - 2 * PADDING);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + PADDING / 2;
}

static double
header_height (ZsChart *self)
{
  return PADDING + 22.0 + (self->series[0] != NULL ? 20.0 : 0);
}

/* Measuring needs a cairo context for Pango; a tiny image surface will do. */
static double
measure_height (ZsChart *self,
                double   width)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double height = header_height (self) + self->rows->len * row_height (self) + note_height (self, cr, width) + PADDING;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

static void
draw_text (cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           double         max_width,
           int            size,
           gboolean       bold,
           const GdkRGBA *color)
{
  gdk_cairo_set_source_rgba (cr, color);
  zs_gtk_show_text (cr, text, x, y, max_width, size, bold);
}

static double
max_value (ZsChart *self)
{
  double max = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      max = MAX (max, MAX (row->values[0], row->values[1]));
    }
  return max > 0 ? max : 1;
}

static char *
format_value (double value)
{
  return value < 100 && value != (gint64) value ? g_strdup_printf ("%.1f", value)
                                                : g_strdup_printf ("%.0f", value);
}

static void
draw_legend (ZsChart       *self,
             cairo_t       *cr,
             double         y,
             const GdkRGBA *foreground)
{
  double x = PADDING;

  for (guint i = 0; i < 2 && self->series[i] != NULL; i++)
    {
      gdk_cairo_set_source_rgba (cr, &series_colors[i]);
      cairo_rectangle (cr, x, y + 4, 10, 10);
      if (self->kind == ZS_CHART_REFERENCE && i == 0)
        {
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
      draw_text (cr, self->series[i], x + 14, y, 220, 9, FALSE, foreground);
      x += 240;
    }
}

static void
draw_bar (ZsChart *self,
          cairo_t *cr,
          guint    series,
          double   x,
          double   y,
          double   width,
          double   height)
{
  gdk_cairo_set_source_rgba (cr, &series_colors[series]);
  cairo_rectangle (cr, x, y, MAX (width, 1), height);
  if (self->kind == ZS_CHART_REFERENCE && series == 0)
    {
      static const double dashes[] = { 4, 3 };

      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    cairo_fill (cr);
}

static void
draw_row (ZsChart       *self,
          cairo_t       *cr,
          Row           *row,
          double         y,
          double         width,
          double         scale,
          const GdkRGBA *foreground)
{
  /* Reference rows name a target in full: give them more room. */
  double label_width = self->kind == ZS_CHART_REFERENCE ? MIN (300, width * 0.48) : MIN (200, width * 0.32);
  double x0 = PADDING + label_width + 6;
  double area = MAX (width - x0 - VALUE_WIDTH - PADDING, 10);
  guint n_series = has_second_series (self) ? 2 : 1;
  double height = self->kind == ZS_CHART_BARS ? (row_height (self) - BAR_GAP * 2) / n_series
                                              : row_height (self) - BAR_GAP * 2;
  g_autofree char *value = NULL;
  g_autofree char *first = format_value (row->values[0]);
  g_autofree char *second = format_value (row->values[1]);

  draw_text (cr, row->label, PADDING, y + 3, label_width, 9, FALSE, foreground);

  if (self->kind == ZS_CHART_FUNNEL)
    {
      double bar = row->values[0] * scale * area;

      draw_bar (self, cr, 0, x0 + (area - bar) / 2, y + BAR_GAP, bar, height);
    }
  else
    {
      for (guint s = 0; s < n_series; s++)
        {
          double offset = self->kind == ZS_CHART_BARS ? s * height : 0;
          double bar_height = self->kind == ZS_CHART_BARS ? height - 1 : height;

          if (self->kind == ZS_CHART_REFERENCE && row->values[s] <= 0)
            continue;
          draw_bar (self, cr, s, x0, y + BAR_GAP + offset, row->values[s] * scale * area, bar_height);
        }
    }

  /* Translators: the two values of a bar chart row, such as planned / realised */
  if (self->kind == ZS_CHART_REFERENCE)
    value = g_strdup (row->values[1] > 0 ? second : first);
  else
    value = n_series == 2 ? g_strdup_printf (_("%s / %s"), first, second) : g_strdup (first);
  draw_text (cr, value, x0 + area + 6, y + 3, VALUE_WIDTH, 8, FALSE, foreground);
}

/**
 * zs_chart_draw:
 * @self: a #ZsChart
 * @cr: where to draw: the widget's snapshot or a page of the report
 * @width: the width to use
 * @height: the height to use
 * @foreground: the colour of the text
 *
 * Draws the chart at the origin of @cr.
 */
void
zs_chart_draw (ZsChart       *self,
               cairo_t       *cr,
               double         width,
               double         height,
               const GdkRGBA *foreground)
{
  double scale = 1.0 / max_value (self);
  double y = PADDING;

  g_return_if_fail (ZS_IS_CHART (self));

  draw_text (cr, self->title, PADDING, y, width - 2 * PADDING, 11, TRUE, foreground);
  y += 22;
  if (self->series[0] != NULL)
    {
      draw_legend (self, cr, y, foreground);
      y += 20;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      draw_row (self, cr, &g_array_index (self->rows, Row, i), y, width, scale, foreground);
      y += row_height (self);
    }
  if (self->note != NULL)
    {
      g_autoptr(PangoLayout) layout = zs_gtk_create_paragraph (cr, self->note, 8, FALSE, width - 2 * PADDING);
      GdkRGBA dim = *foreground;

      dim.alpha *= 0.6;
      gdk_cairo_set_source_rgba (cr, &dim);
      cairo_move_to (cr, PADDING, y + PADDING / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
zs_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  GdkRGBA foreground;
  cairo_t *cr = zs_gtk_begin_cairo (widget, snapshot, &foreground);

  zs_chart_draw (ZS_CHART (widget), cr, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                 &foreground);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
zs_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
zs_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  ZsChart *self = ZS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 480;
      return;
    }
  *minimum = *natural = (int) (measure_height (self, for_size > 0 ? for_size : 480) + 0.999);
}

static void
zs_chart_finalize (GObject *object)
{
  ZsChart *self = ZS_CHART (object);

  g_free (self->title);
  g_free (self->series[0]);
  g_free (self->series[1]);
  g_free (self->note);
  g_array_unref (self->rows);

  G_OBJECT_CLASS (zs_chart_parent_class)->finalize (object);
}

static void
zs_chart_class_init (ZsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = zs_chart_finalize;
  widget_class->snapshot = zs_chart_snapshot;
  widget_class->measure = zs_chart_measure;
  widget_class->get_request_mode = zs_chart_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "zs-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
zs_chart_init (ZsChart *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
}

/**
 * zs_chart_new:
 * @kind: how to draw
 * @title: what the chart shows
 *
 * Returns: (transfer floating): an empty chart
 */
GtkWidget *
zs_chart_new (ZsChartKind  kind,
              const char  *title)
{
  ZsChart *self = g_object_new (ZS_TYPE_CHART, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}

const char *
zs_chart_get_title (ZsChart *self)
{
  g_return_val_if_fail (ZS_IS_CHART (self), NULL);

  return self->title;
}

/**
 * zs_chart_set_series:
 * @self: a #ZsChart
 * @first: (nullable): the name of the first values, for the legend
 * @second: (nullable): the name of the second values; %NULL for one series
 */
void
zs_chart_set_series (ZsChart    *self,
                     const char *first,
                     const char *second)
{
  g_return_if_fail (ZS_IS_CHART (self));

  g_free (self->series[0]);
  g_free (self->series[1]);
  self->series[0] = g_strdup (first);
  self->series[1] = g_strdup (second);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * zs_chart_set_note:
 * @self: a #ZsChart
 * @note: (nullable): a sentence under the chart: units, what is not measured
 */
void
zs_chart_set_note (ZsChart    *self,
                   const char *note)
{
  g_return_if_fail (ZS_IS_CHART (self));

  g_free (self->note);
  self->note = g_strdup (note);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
zs_chart_clear (ZsChart *self)
{
  g_return_if_fail (ZS_IS_CHART (self));

  g_array_set_size (self->rows, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * zs_chart_add_row:
 * @self: a #ZsChart
 * @label: what the row is
 * @first: its value in the first series
 * @second: its value in the second series, if any
 */
void
zs_chart_add_row (ZsChart    *self,
                  const char *label,
                  double      first,
                  double      second)
{
  Row row = { g_strdup (label), { MAX (first, 0), MAX (second, 0) } };

  g_return_if_fail (ZS_IS_CHART (self));

  g_array_append_val (self->rows, row);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
zs_chart_get_n_rows (ZsChart *self)
{
  g_return_val_if_fail (ZS_IS_CHART (self), 0);

  return self->rows->len;
}

double
zs_chart_get_value (ZsChart *self,
                    guint    row,
                    guint    series)
{
  g_return_val_if_fail (ZS_IS_CHART (self), 0);
  g_return_val_if_fail (row < self->rows->len && series < 2, 0);

  return g_array_index (self->rows, Row, row).values[series];
}

const char *
zs_chart_get_label (ZsChart *self,
                    guint    row)
{
  g_return_val_if_fail (ZS_IS_CHART (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return g_array_index (self->rows, Row, row).label;
}

/**
 * zs_chart_get_height_for_width:
 * @self: a #ZsChart
 * @width: the width it will be drawn at
 *
 * Returns: the height zs_chart_draw() needs at @width
 */
double
zs_chart_get_height_for_width (ZsChart *self,
                               double   width)
{
  g_return_val_if_fail (ZS_IS_CHART (self), 0);

  return measure_height (self, width);
}
