/* zs-page-provider.c: the extension point for pages in the main window
 *
 * Every wrapper checks that the plugin implemented the method before calling
 * it, so a plugin that leaves one out gets a sensible default (its module
 * name as title, no icon) rather than a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zhaoshang-gtk.h"

G_DEFINE_INTERFACE (ZsPageProvider, zs_page_provider, G_TYPE_OBJECT)

static void
zs_page_provider_default_init (ZsPageProviderInterface *iface)
{
}

/**
 * zs_page_provider_get_id:
 * @self: a #ZsPageProvider
 *
 * Returns: (transfer full): the page's name; the provider's type name when
 *   the plugin gives none
 */
char *
zs_page_provider_get_id (ZsPageProvider *self)
{
  ZsPageProviderInterface *iface;
  char *id = NULL;

  g_return_val_if_fail (ZS_IS_PAGE_PROVIDER (self), NULL);

  iface = ZS_PAGE_PROVIDER_GET_IFACE (self);
  if (iface->get_id != NULL)
    id = iface->get_id (self);
  if (id == NULL || id[0] == '\0')
    {
      g_free (id);
      id = g_strdup (G_OBJECT_TYPE_NAME (self));
    }
  return id;
}

/**
 * zs_page_provider_get_title:
 * @self: a #ZsPageProvider
 *
 * Returns: (transfer full): the title shown in the sidebar
 */
char *
zs_page_provider_get_title (ZsPageProvider *self)
{
  ZsPageProviderInterface *iface;
  char *title = NULL;

  g_return_val_if_fail (ZS_IS_PAGE_PROVIDER (self), NULL);

  iface = ZS_PAGE_PROVIDER_GET_IFACE (self);
  if (iface->get_title != NULL)
    title = iface->get_title (self);
  return title != NULL ? title : zs_page_provider_get_id (self);
}

/**
 * zs_page_provider_get_icon_name:
 * @self: a #ZsPageProvider
 *
 * Returns: (transfer full) (nullable): a symbolic icon name
 */
char *
zs_page_provider_get_icon_name (ZsPageProvider *self)
{
  ZsPageProviderInterface *iface;

  g_return_val_if_fail (ZS_IS_PAGE_PROVIDER (self), NULL);

  iface = ZS_PAGE_PROVIDER_GET_IFACE (self);
  return iface->get_icon_name != NULL ? iface->get_icon_name (self) : NULL;
}

/**
 * zs_page_provider_create_page:
 * @self: a #ZsPageProvider
 * @store: the database the window shows
 * @engine: (nullable): the plugins of the window
 *
 * Returns: (transfer full) (nullable): a new page, or %NULL when the
 *   plugin has none to show
 */
GtkWidget *
zs_page_provider_create_page (ZsPageProvider *self,
                              ZsStore        *store,
                              ZsPluginEngine *engine)
{
  ZsPageProviderInterface *iface;
  GtkWidget *page;

  g_return_val_if_fail (ZS_IS_PAGE_PROVIDER (self), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (engine == NULL || ZS_IS_PLUGIN_ENGINE (engine), NULL);

  iface = ZS_PAGE_PROVIDER_GET_IFACE (self);
  if (iface->create_page == NULL)
    return NULL;
  page = iface->create_page (self, store, engine);
  g_return_val_if_fail (page == NULL || GTK_IS_WIDGET (page), NULL);

  /* A C plugin returns a floating widget, a Python one a full reference:
   * either way the caller gets exactly one reference of its own. */
  if (page != NULL && g_object_is_floating (page))
    g_object_ref_sink (page);
  return page;
}
