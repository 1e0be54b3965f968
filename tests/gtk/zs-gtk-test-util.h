/* zs-gtk-test-util.h: helpers of the GTK tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <zhaoshang.h>

#include "zs-application.h"
#include "zs-window.h"

G_BEGIN_DECLS

typedef gboolean (*ZsTestCondition) (gpointer data);
typedef gboolean (*ZsTestBusyFunc)  (gpointer object);

typedef struct
{
  char *dir;
  char *path;
} ZsTestDatabase;

gboolean  zs_test_wait_until        (ZsTestCondition condition,
                                     gpointer        data);
gboolean  zs_test_wait_idle         (ZsTestBusyFunc  busy,
                                     gpointer        object);
void      zs_test_wait_for_paint    (GtkWidget      *widget);
void      zs_test_render_to_png     (GtkWidget      *widget,
                                     const char     *name);
char     *zs_test_output_path       (const char     *name);
void      zs_test_drain_main_context (void);
void      zs_test_destroy_window    (gpointer        window);
void      zs_test_database_init     (ZsTestDatabase *db);
void      zs_test_database_clear    (ZsTestDatabase *db);
ZsStore  *zs_test_open_store        (ZsTestDatabase *db,
                                     gboolean        demo);
gboolean  zs_test_flag_is_set       (gpointer        data);
void      zs_test_set_flag          (gboolean       *flag);
GtkWindow *zs_test_find_toplevel    (GType           type);
GtkWidget *zs_test_find_widget      (GtkWidget      *root,
                                     GType           type);
GtkWidget *zs_test_find_label       (GtkWidget      *root,
                                     const char     *text);
void      zs_test_run_for           (guint           milliseconds);
void      zs_test_wait_for_model    (gpointer        model);
gpointer  zs_test_get_loaded_item   (gpointer        model,
                                     guint           position);
ZsApplication *zs_test_init         (int            *argc,
                                     char         ***argv,
                                     const char     *application_id);
ZsWindow  *zs_test_present_window   (ZsApplication  *app,
                                     ZsStore        *store,
                                     int             width,
                                     int             height);

G_END_DECLS
