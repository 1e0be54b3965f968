/* zs-gtk-util-private.h: what the widgets of the GTK application share
 *
 * Not installed: the app and the chain-page module compile it in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

typedef void (*ZsGtkReloadFunc) (gpointer owner);
typedef void (*ZsGtkPathFunc)   (gpointer    owner,
                                 const char *path);
typedef gpointer (*ZsGtkReadFunc) (ZsStore       *store,
                                   gpointer       data,
                                   GCancellable  *cancellable,
                                   GError       **error);
typedef void     (*ZsGtkShowFunc) (gpointer       owner,
                                   gpointer       result,
                                   const GError  *error);

void          zs_gtk_queue_reload           (guint           *source_id,
                                             ZsGtkReloadFunc  reload,
                                             gpointer         owner);
void          zs_gtk_read_in_thread         (gpointer         owner,
                                             GCancellable   **cancellable,
                                             ZsStore         *store,
                                             ZsGtkReadFunc    read,
                                             gpointer         data,
                                             GDestroyNotify   data_free,
                                             ZsGtkShowFunc    show,
                                             GDestroyNotify   result_free);
gboolean      zs_gtk_list_countries         (GStrv           *codes,
                                             GStrv           *names);
gint64        zs_gtk_log_activity           (GtkWidget       *widget,
                                             ZsStore         *store,
                                             gint64           firm_id,
                                             gint64           project_id,
                                             const char      *me,
                                             ZsActivityKind   kind);
GtkWidget    *zs_gtk_create_log_button      (const char      *action,
                                             const char      *tooltip);
void          zs_gtk_unparent_children      (GtkWidget       *widget);
void          zs_gtk_clear_connected        (gpointer         source_ptr,
                                             gpointer         listener);

void          zs_gtk_show_error             (GtkWidget       *widget,
                                             const char      *prefix,
                                             const GError    *error);
void          zs_gtk_show_toast             (GtkWidget       *widget,
                                             const char      *message);
void          zs_gtk_set_tooltip            (GtkWidget       *widget,
                                             const char      *text);
void          zs_gtk_set_cell_tooltip       (GtkWidget       *cell,
                                             const char      *text);
void          zs_gtk_drop_down_ellipsize    (GtkDropDown     *drop_down,
                                             int              max_chars);
GStrv         zs_gtk_add_sector_choices     (GPtrArray       *sectors,
                                             GtkStringList   *labels,
                                             GHashTable      *names);
AdwToast     *zs_gtk_show_undo              (GtkWidget       *widget,
                                             const char      *title,
                                             ZsStore         *store,
                                             gint64           change_id);

void          zs_gtk_choose_path            (GtkWindow            *parent,
                                             GtkFileChooserAction  action,
                                             const char           *title,
                                             const char           *accept_label,
                                             const char           *cancel_label,
                                             const char           *current_name,
                                             GtkFileFilter        *filter,
                                             ZsGtkPathFunc         chosen,
                                             gpointer              owner);

cairo_t      *zs_gtk_begin_cairo            (GtkWidget       *widget,
                                             GtkSnapshot     *snapshot,
                                             GdkRGBA         *foreground);
PangoLayout  *zs_gtk_create_layout          (cairo_t         *cr,
                                             const char      *text,
                                             int              size,
                                             gboolean         bold);
PangoLayout  *zs_gtk_create_paragraph       (cairo_t         *cr,
                                             const char      *text,
                                             int              size,
                                             gboolean         bold,
                                             double           width);
void          zs_gtk_show_text              (cairo_t         *cr,
                                             const char      *text,
                                             double           x,
                                             double           y,
                                             double           max_width,
                                             int              size,
                                             gboolean         bold);

G_END_DECLS
