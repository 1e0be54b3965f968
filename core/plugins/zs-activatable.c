/* zs-activatable.c: the plugin lifecycle extension point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-activatable.h"

/**
 * ZsActivatable:
 *
 * Implemented by a plugin that needs to set itself up: connect to the
 * store's #ZsStore::changed signal, open files in its data folder. Both
 * methods are optional.
 */
G_DEFINE_INTERFACE (ZsActivatable, zs_activatable, G_TYPE_OBJECT)

static void
zs_activatable_default_init (ZsActivatableInterface *iface)
{
}

/**
 * zs_activatable_activate:
 * @self: a #ZsActivatable
 * @context: the application context
 * @error: return location for a #GError
 *
 * Activates the plugin. A plugin that fails stays disabled and its error is
 * reported; the application carries on.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_activatable_activate (ZsActivatable    *self,
                         ZsPluginContext  *context,
                         GError          **error)
{
  ZsActivatableInterface *iface;

  g_return_val_if_fail (ZS_IS_ACTIVATABLE (self), FALSE);
  g_return_val_if_fail (ZS_IS_PLUGIN_CONTEXT (context), FALSE);

  iface = ZS_ACTIVATABLE_GET_IFACE (self);
  if (iface->activate == NULL)
    return TRUE;
  return iface->activate (self, context, error);
}

/**
 * zs_activatable_deactivate:
 * @self: a #ZsActivatable
 *
 * Deactivates the plugin.
 */
void
zs_activatable_deactivate (ZsActivatable *self)
{
  ZsActivatableInterface *iface;

  g_return_if_fail (ZS_IS_ACTIVATABLE (self));

  iface = ZS_ACTIVATABLE_GET_IFACE (self);
  if (iface->deactivate != NULL)
    iface->deactivate (self);
}
