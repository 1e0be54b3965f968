/* zs-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * ZsChartKind:
 * @ZS_CHART_FUNNEL: one centred bar per row, widths in proportion: a pipeline
 * @ZS_CHART_BARS: one or two horizontal bars per row (two series side by side)
 * @ZS_CHART_REFERENCE: bars of the first series drawn as outlines (values to
 *   compare with, not measured), those of the second filled (measured)
 *
 * How a #ZsChart draws its rows.
 */
typedef enum
{
  ZS_CHART_FUNNEL,
  ZS_CHART_BARS,
  ZS_CHART_REFERENCE,
} ZsChartKind;

#define ZS_TYPE_CHART (zs_chart_get_type ())

G_DECLARE_FINAL_TYPE (ZsChart, zs_chart, ZS, CHART, GtkWidget)

GtkWidget  *zs_chart_new            (ZsChartKind  kind,
                                     const char  *title);
const char *zs_chart_get_title      (ZsChart     *self);
void        zs_chart_set_series     (ZsChart     *self,
                                     const char  *first,
                                     const char  *second);
void        zs_chart_set_note       (ZsChart     *self,
                                     const char  *note);
void        zs_chart_clear          (ZsChart     *self);
void        zs_chart_add_row        (ZsChart     *self,
                                     const char  *label,
                                     double       first,
                                     double       second);
guint       zs_chart_get_n_rows     (ZsChart     *self);
double      zs_chart_get_value      (ZsChart     *self,
                                     guint        row,
                                     guint        series);
const char *zs_chart_get_label      (ZsChart     *self,
                                     guint        row);
double      zs_chart_get_height_for_width (ZsChart *self,
                                     double       width);
void        zs_chart_draw           (ZsChart     *self,
                                     cairo_t     *cr,
                                     double       width,
                                     double       height,
                                     const GdkRGBA *foreground);

G_END_DECLS
