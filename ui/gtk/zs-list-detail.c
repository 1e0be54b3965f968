/* zs-list-detail.c: a list beside the detail of its selected row, which
 *   become one navigation stack when the window is too narrow for both
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "zs-list-detail.h"

/* Two of these fit beside the sidebar in a 790 px window. */
#define SIDE_MIN_WIDTH 290

struct _ZsListDetail
{
  GtkWidget   parent_instance;

  AdwLeaflet *leaflet;
  GtkWidget  *list;
  GtkWidget  *detail;
  GtkWidget  *detail_box;   /* the back bar above the detail */
  GtkWidget  *back_bar;
  GtkWidget  *back_button;
};

G_DEFINE_FINAL_TYPE (ZsListDetail, zs_list_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  PROP_SHOWING_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
folded_changed_cb (ZsListDetail *self)
{
  gtk_widget_set_visible (self->back_bar, adw_leaflet_get_folded (self->leaflet));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static void
visible_child_changed_cb (ZsListDetail *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
}

static void
back_clicked_cb (ZsListDetail *self)
{
  zs_list_detail_show_list (self);
}

static GtkWidget *
create_back_bar (ZsListDetail *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "go-previous-symbolic");
  /* Translators: goes back from a record to the list it was chosen in */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_List"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  self->back_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->back_button), content);
  gtk_widget_add_css_class (self->back_button, "flat");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the list"));
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->back_button);
  g_object_set (bar, "margin-start", 6, "margin-end", 6, "margin-top", 6, "margin-bottom", 6, NULL);
  return bar;
}

static void
zs_list_detail_dispose (GObject *object)
{
  ZsListDetail *self = ZS_LIST_DETAIL (object);

  if (self->leaflet != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->leaflet, self);
      gtk_widget_unparent (GTK_WIDGET (self->leaflet));
      self->leaflet = NULL;
    }

  G_OBJECT_CLASS (zs_list_detail_parent_class)->dispose (object);
}

static void
zs_list_detail_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZsListDetail *self = ZS_LIST_DETAIL (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, zs_list_detail_get_folded (self));
      break;
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, zs_list_detail_get_showing_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_list_detail_class_init (ZsListDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zs_list_detail_dispose;
  object_class->get_property = zs_list_detail_get_property;

  /**
   * ZsListDetail:folded:
   *
   * Whether only one of the list and the detail fits, and is shown.
   */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsListDetail:showing-detail:
   *
   * Whether the detail is the page navigated to; when not folded, both
   * are on screen whatever this says.
   */
  properties[PROP_SHOWING_DETAIL] =
    g_param_spec_boolean ("showing-detail", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zs_list_detail_init (ZsListDetail *self)
{
}

/**
 * zs_list_detail_new:
 * @list: the list side
 * @detail: the detail of the row chosen in @list
 *
 * Returns: (transfer floating): the two side by side, or one at a time when
 *   they do not fit
 */
GtkWidget *
zs_list_detail_new (GtkWidget *list,
                    GtkWidget *detail)
{
  ZsListDetail *self;
  AdwLeafletPage *page;
  int width;

  g_return_val_if_fail (GTK_IS_WIDGET (list), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (detail), NULL);

  self = g_object_new (ZS_TYPE_LIST_DETAIL, NULL);
  self->list = list;
  self->detail = detail;
  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  adw_leaflet_set_can_unfold (self->leaflet, TRUE);

  /* Each side is at least this wide; narrower than both, they fold. */
  gtk_widget_get_size_request (list, &width, NULL);
  gtk_widget_set_size_request (list, MAX (width, SIDE_MIN_WIDTH), -1);
  gtk_widget_set_hexpand (list, TRUE);
  gtk_widget_set_hexpand (detail, TRUE);
  gtk_widget_set_vexpand (detail, TRUE);
  self->back_bar = create_back_bar (self);
  self->detail_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->detail_box), self->back_bar);
  gtk_box_append (GTK_BOX (self->detail_box), detail);
  gtk_widget_set_size_request (self->detail_box, SIDE_MIN_WIDTH, -1);

  adw_leaflet_append (self->leaflet, list);
  page = adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_page_set_navigatable (page, FALSE);
  adw_leaflet_append (self->leaflet, self->detail_box);
  adw_leaflet_set_visible_child (self->leaflet, list);

  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child", G_CALLBACK (visible_child_changed_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->leaflet), GTK_WIDGET (self));
  gtk_widget_set_visible (self->back_bar, adw_leaflet_get_folded (self->leaflet));
  return GTK_WIDGET (self);
}

gboolean
zs_list_detail_get_folded (ZsListDetail *self)
{
  g_return_val_if_fail (ZS_IS_LIST_DETAIL (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

gboolean
zs_list_detail_get_showing_detail (ZsListDetail *self)
{
  g_return_val_if_fail (ZS_IS_LIST_DETAIL (self), FALSE);

  return adw_leaflet_get_visible_child (self->leaflet) == self->detail_box;
}

/**
 * zs_list_detail_show_detail:
 * @self: a #ZsListDetail
 *
 * Navigates to the detail: on a narrow window it takes the list's place.
 */
void
zs_list_detail_show_detail (ZsListDetail *self)
{
  g_return_if_fail (ZS_IS_LIST_DETAIL (self));

  adw_leaflet_set_visible_child (self->leaflet, self->detail_box);
}

/**
 * zs_list_detail_show_list:
 * @self: a #ZsListDetail
 *
 * Navigates back to the list; the detail keeps what it holds.
 */
void
zs_list_detail_show_list (ZsListDetail *self)
{
  g_return_if_fail (ZS_IS_LIST_DETAIL (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list);
}

/**
 * zs_list_detail_get_list:
 * @self: a #ZsListDetail
 *
 * Returns: (transfer none): the list side
 */
GtkWidget *
zs_list_detail_get_list (ZsListDetail *self)
{
  g_return_val_if_fail (ZS_IS_LIST_DETAIL (self), NULL);

  return self->list;
}

/**
 * zs_list_detail_get_detail:
 * @self: a #ZsListDetail
 *
 * Returns: (transfer none): the detail side
 */
GtkWidget *
zs_list_detail_get_detail (ZsListDetail *self)
{
  g_return_val_if_fail (ZS_IS_LIST_DETAIL (self), NULL);

  return self->detail;
}

/**
 * zs_list_detail_get_back_button:
 * @self: a #ZsListDetail
 *
 * Returns: (transfer none): the button above the detail that goes back to
 *   the list, shown when folded
 */
GtkWidget *
zs_list_detail_get_back_button (ZsListDetail *self)
{
  g_return_val_if_fail (ZS_IS_LIST_DETAIL (self), NULL);

  return self->back_button;
}
