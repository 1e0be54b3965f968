/* zs-table-print.c: a table of text printed on pages: a list as shown, or
 *   a record's fields, with the header row on every page and page numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "zs-table-print.h"

/* Sizes in points: the print operation works in points, as a PDF does. */
#define TITLE_SIZE   13
#define TEXT_SIZE     9
#define FOOTER_SIZE   8
#define PADDING       3.0
#define GAP           8.0    /* between the title, the table and the footer */
/* A4 with 2 cm margins, for a PDF written without a print dialog. */
#define PDF_WIDTH   595.0
#define PDF_HEIGHT  842.0
#define PDF_MARGIN   56.7

struct _ZsTablePrint
{
  GObject     parent_instance;

  char       *title;
  char       *summary;    /* lines under the title, or NULL */
  GStrv       columns;
  guint       n_columns;
  GPtrArray  *rows;       /* GStrv, n_columns each */

  /* set by zs_table_print_paginate() */
  double      width;
  double      height;
  double     *column_widths;
  gboolean   *numeric;    /* columns of numbers, right-aligned */
  double     *row_heights;
  double      header_height;
  double      title_height;
  double      footer_height;
  GArray     *page_starts; /* guint: the first row of each page */
};

G_DEFINE_FINAL_TYPE (ZsTablePrint, zs_table_print, G_TYPE_OBJECT)

static PangoLayout *
create_layout (cairo_t    *cr,
               const char *text,
               int         size,
               gboolean    bold,
               double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  /* one point of text is one unit of the page */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_font_description_set_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
text_width (cairo_t    *cr,
            const char *text,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, text, TEXT_SIZE, bold, -1);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static double
text_height (cairo_t    *cr,
             const char *text,
             int         size,
             gboolean    bold,
             double      width)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, text, size, bold, width);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static gboolean
is_number (const char *text)
{
  char *end = NULL;

  if (text == NULL || text[0] == '\0')
    return TRUE;
  g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

/* The widest word of @text: a column narrower than that breaks words. */
static double
word_width (cairo_t    *cr,
            const char *text,
            gboolean    bold)
{
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, text_width (cr, words[i], bold));
  return widest;
}

/* Each column as wide as its widest text. When they do not fit, each keeps
 * its widest word (up to an equal share of the page) and the rest of the
 * page goes to the columns in proportion to what more they would take. */
static void
measure_columns (ZsTablePrint *self,
                 cairo_t      *cr)
{
  g_autofree double *natural = g_new0 (double, self->n_columns);
  g_autofree double *least = g_new0 (double, self->n_columns);
  double total = 0, total_least = 0, wanted = 0;
  double share = self->width / self->n_columns;

  for (guint c = 0; c < self->n_columns; c++)
    {
      natural[c] = text_width (cr, self->columns[c], TRUE);
      least[c] = word_width (cr, self->columns[c], TRUE);
      self->numeric[c] = self->rows->len > 0;
      for (guint r = 0; r < self->rows->len; r++)
        {
          const char *text = ((char **) g_ptr_array_index (self->rows, r))[c];

          natural[c] = MAX (natural[c], text_width (cr, text, FALSE));
          least[c] = MAX (least[c], word_width (cr, text, FALSE));
          self->numeric[c] = self->numeric[c] && is_number (text);
        }
      natural[c] += 2 * PADDING;
      least[c] = MIN (least[c] + 2 * PADDING, MIN (natural[c], share));
      total += natural[c];
      total_least += least[c];
      wanted += natural[c] - least[c];
    }
  for (guint c = 0; c < self->n_columns; c++)
    {
      if (total <= self->width)
        self->column_widths[c] = natural[c];
      else
        self->column_widths[c] = least[c] + (wanted > 0 ? (natural[c] - least[c]) * (self->width - total_least) / wanted
                                                          : 0);
    }
}

static double
measure_row (ZsTablePrint       *self,
             cairo_t            *cr,
             const char * const *row,
             gboolean            bold)
{
  double height = 0;

  for (guint c = 0; c < self->n_columns; c++)
    height = MAX (height, text_height (cr, row[c], TEXT_SIZE, bold, self->column_widths[c] - 2 * PADDING));
  return height + 2 * PADDING;
}

static void
zs_table_print_finalize (GObject *object)
{
  ZsTablePrint *self = ZS_TABLE_PRINT (object);

  g_free (self->title);
  g_free (self->summary);
  g_strfreev (self->columns);
  g_ptr_array_unref (self->rows);
  g_free (self->column_widths);
  g_free (self->numeric);
  g_free (self->row_heights);
  g_clear_pointer (&self->page_starts, g_array_unref);

  G_OBJECT_CLASS (zs_table_print_parent_class)->finalize (object);
}

static void
zs_table_print_class_init (ZsTablePrintClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zs_table_print_finalize;
}

static void
zs_table_print_init (ZsTablePrint *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * zs_table_print_new:
 * @title: what the printout is, on every page
 * @columns: the column titles
 *
 * Returns: (transfer full): an empty table
 */
ZsTablePrint *
zs_table_print_new (const char         *title,
                    const char * const *columns)
{
  ZsTablePrint *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  self = g_object_new (ZS_TYPE_TABLE_PRINT, NULL);
  self->title = g_strdup (title);
  self->columns = g_strdupv ((char **) columns);
  self->n_columns = g_strv_length (self->columns);
  self->column_widths = g_new0 (double, self->n_columns);
  self->numeric = g_new0 (gboolean, self->n_columns);
  return self;
}

/**
 * zs_table_print_add_row:
 * @self: a #ZsTablePrint
 * @row: a text for each column; missing ones are empty
 */
void
zs_table_print_add_row (ZsTablePrint       *self,
                        const char * const *row)
{
  char **copy;
  guint n;

  g_return_if_fail (ZS_IS_TABLE_PRINT (self));
  g_return_if_fail (row != NULL);

  n = g_strv_length ((char **) row);
  copy = g_new0 (char *, self->n_columns + 1);
  for (guint c = 0; c < self->n_columns; c++)
    copy[c] = g_strdup (c < n && row[c] != NULL ? row[c] : "");
  g_ptr_array_add (self->rows, copy);
}

/**
 * zs_table_print_add_rows:
 * @self: a #ZsTablePrint
 * @rows: (element-type GStrv): rows, as zs_table_print_add_row() takes
 */
void
zs_table_print_add_rows (ZsTablePrint *self,
                         GPtrArray    *rows)
{
  g_return_if_fail (ZS_IS_TABLE_PRINT (self));

  for (guint i = 0; i < rows->len; i++)
    zs_table_print_add_row (self, g_ptr_array_index (rows, i));
}

/**
 * zs_table_print_set_summary:
 * @self: a #ZsTablePrint
 * @summary: (nullable): lines under the title on every page
 */
void
zs_table_print_set_summary (ZsTablePrint *self,
                            const char   *summary)
{
  g_return_if_fail (ZS_IS_TABLE_PRINT (self));

  g_free (self->summary);
  self->summary = g_strdup (summary);
}

guint
zs_table_print_get_n_rows (ZsTablePrint *self)
{
  g_return_val_if_fail (ZS_IS_TABLE_PRINT (self), 0);

  return self->rows->len;
}

/**
 * zs_table_print_paginate:
 * @self: a #ZsTablePrint
 * @cr: a cairo context of the pages, in points
 * @width: the printable width
 * @height: the printable height
 *
 * Sizes the columns to the page and fills each page with as many rows as
 * fit under the title and the header row, above the page number. A row
 * taller than a page has one to itself.
 *
 * Returns: the number of pages, at least one
 */
guint
zs_table_print_paginate (ZsTablePrint *self,
                         cairo_t      *cr,
                         double        width,
                         double        height)
{
  double room, used = 0;

  g_return_val_if_fail (ZS_IS_TABLE_PRINT (self), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  self->width = width;
  self->height = height;
  measure_columns (self, cr);
  self->title_height = text_height (cr, self->title, TITLE_SIZE, TRUE, width) + GAP;
  if (self->summary != NULL)
    self->title_height += text_height (cr, self->summary, TEXT_SIZE, FALSE, width) + GAP;
  self->footer_height = text_height (cr, "0", FOOTER_SIZE, FALSE, width) + GAP;
  self->header_height = measure_row (self, cr, (const char * const *) self->columns, TRUE);
  room = height - self->title_height - self->header_height - self->footer_height;

  g_free (self->row_heights);
  self->row_heights = g_new0 (double, MAX (self->rows->len, 1));
  g_array_set_size (self->page_starts, 0);
  g_array_append_val (self->page_starts, (guint) { 0 });
  for (guint r = 0; r < self->rows->len; r++)
    {
      self->row_heights[r] = measure_row (self, cr, g_ptr_array_index (self->rows, r), FALSE);
      if (used > 0 && used + self->row_heights[r] > room)
        {
          g_array_append_val (self->page_starts, r);
          used = 0;
        }
      used += self->row_heights[r];
    }
  return self->page_starts->len;
}

/**
 * zs_table_print_get_page_rows:
 * @self: a paginated #ZsTablePrint
 * @page: a page, from 0
 * @first: (out): its first row
 * @n_rows: (out): how many rows it holds
 */
void
zs_table_print_get_page_rows (ZsTablePrint *self,
                              guint         page,
                              guint        *first,
                              guint        *n_rows)
{
  guint start, end;

  g_return_if_fail (ZS_IS_TABLE_PRINT (self));
  g_return_if_fail (page < self->page_starts->len);

  start = g_array_index (self->page_starts, guint, page);
  end = page + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page + 1)
                                          : self->rows->len;
  *first = start;
  *n_rows = end - start;
}

guint
zs_table_print_get_n_columns (ZsTablePrint *self)
{
  g_return_val_if_fail (ZS_IS_TABLE_PRINT (self), 0);

  return self->n_columns;
}

double
zs_table_print_get_column_width (ZsTablePrint *self,
                                 guint         column)
{
  g_return_val_if_fail (ZS_IS_TABLE_PRINT (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  return self->column_widths[column];
}

/**
 * zs_table_print_dup_footer:
 * @self: a paginated #ZsTablePrint
 * @page: a page, from 0
 *
 * Returns: (transfer full): the page number under the page, such as
 *   “Page 2 of 3”
 */
char *
zs_table_print_dup_footer (ZsTablePrint *self,
                           guint         page)
{
  g_return_val_if_fail (ZS_IS_TABLE_PRINT (self), NULL);

  /* Translators: under each printed page */
  return g_strdup_printf (_("Page %u of %u"), page + 1, self->page_starts->len);
}

static void
draw_row (ZsTablePrint       *self,
          cairo_t            *cr,
          const char * const *row,
          double              y,
          double              height,
          gboolean            header)
{
  double x = 0;

  for (guint c = 0; c < self->n_columns; c++)
    {
      double inner = self->column_widths[c] - 2 * PADDING;
      g_autoptr(PangoLayout) layout = create_layout (cr, row[c], TEXT_SIZE, header, inner);

      if (self->numeric[c] && !header)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      cairo_move_to (cr, x + PADDING, y + PADDING);
      pango_cairo_show_layout (cr, layout);
      x += self->column_widths[c];
    }
  /* a rule under each row; a stronger one under the header */
  cairo_set_line_width (cr, header ? 0.8 : 0.3);
  cairo_move_to (cr, 0, y + height);
  cairo_line_to (cr, x, y + height);
  cairo_stroke (cr);
}

/**
 * zs_table_print_draw_page:
 * @self: a paginated #ZsTablePrint
 * @cr: a cairo context of the page, its origin at the printable area
 * @page: a page, from 0
 *
 * Returns: how far down the page the table reaches
 */
double
zs_table_print_draw_page (ZsTablePrint *self,
                          cairo_t      *cr,
                          guint         page)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *footer_text = NULL;
  guint first, n;
  double y;
  int footer_width;

  g_return_val_if_fail (ZS_IS_TABLE_PRINT (self), 0);
  g_return_val_if_fail (page < self->page_starts->len, 0);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  title = create_layout (cr, self->title, TITLE_SIZE, TRUE, self->width);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, title);
  if (self->summary != NULL)
    {
      g_autoptr(PangoLayout) summary = create_layout (cr, self->summary, TEXT_SIZE, FALSE, self->width);

      cairo_move_to (cr, 0, text_height (cr, self->title, TITLE_SIZE, TRUE, self->width) + GAP);
      pango_cairo_show_layout (cr, summary);
    }

  y = self->title_height;
  draw_row (self, cr, (const char * const *) self->columns, y, self->header_height, TRUE);
  y += self->header_height;
  zs_table_print_get_page_rows (self, page, &first, &n);
  for (guint r = first; r < first + n; r++)
    {
      draw_row (self, cr, g_ptr_array_index (self->rows, r), y, self->row_heights[r], FALSE);
      y += self->row_heights[r];
    }

  footer_text = zs_table_print_dup_footer (self, page);
  footer = create_layout (cr, footer_text, FOOTER_SIZE, FALSE, -1);
  pango_layout_get_size (footer, &footer_width, NULL);
  cairo_move_to (cr, (self->width - (double) footer_width / PANGO_SCALE) / 2,
                 self->height - self->footer_height + GAP);
  pango_cairo_show_layout (cr, footer);
  cairo_restore (cr);
  return y;
}

/**
 * zs_table_print_write_pdf:
 * @self: a #ZsTablePrint
 * @path: the PDF file to write
 * @error: return location for a #GError
 *
 * Writes the pages on A4, as printing to a file would.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
zs_table_print_write_pdf (ZsTablePrint  *self,
                          const char    *path,
                          GError       **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint pages;

  g_return_val_if_fail (ZS_IS_TABLE_PRINT (self), FALSE);

  surface = cairo_pdf_surface_create (path, PDF_WIDTH, PDF_HEIGHT);
  cr = cairo_create (surface);
  pages = zs_table_print_paginate (self, cr, PDF_WIDTH - 2 * PDF_MARGIN, PDF_HEIGHT - 2 * PDF_MARGIN);
  for (guint page = 0; page < pages; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, PDF_MARGIN, PDF_MARGIN);
      zs_table_print_draw_page (self, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is the file, then why it could not be written */
                   _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                ZsTablePrint      *self)
{
  guint pages = zs_table_print_paginate (self, gtk_print_context_get_cairo_context (context),
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              ZsTablePrint      *self)
{
  zs_table_print_draw_page (self, gtk_print_context_get_cairo_context (context), (guint) page);
}

/**
 * zs_table_print_create_operation:
 * @self: a #ZsTablePrint
 *
 * Returns: (transfer full): a print operation of the table, in points,
 *   ready to run
 */
GtkPrintOperation *
zs_table_print_create_operation (ZsTablePrint *self)
{
  GtkPrintOperation *operation;

  g_return_val_if_fail (ZS_IS_TABLE_PRINT (self), NULL);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, self->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  /* the operation keeps the table until it is done with it */
  g_object_set_data_full (G_OBJECT (operation), "zs-table-print", g_object_ref (self), g_object_unref);
  return operation;
}
