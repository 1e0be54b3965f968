/* zs-demo-source.c: a plugin's part of the demonstration data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-demo-source.h"
#include "zs-error.h"

/**
 * ZsDemoSource:
 *
 * Demonstration records a plugin adds to those of the core, so that a new
 * database shows its pages filled. `zhaoshang-cli init --demo` asks every
 * extension of this interface (zs_plugin_engine_get_extensions()) after
 * zs_store_load_demo().
 */
G_DEFINE_INTERFACE (ZsDemoSource, zs_demo_source, G_TYPE_OBJECT)

static void
zs_demo_source_default_init (ZsDemoSourceInterface *iface)
{
}

/**
 * zs_demo_source_load_demo:
 * @self: a #ZsDemoSource
 * @store: the store the demo firms and projects were written to
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the plugin's demo records are in @store (also when
 *   they were already), else %FALSE with @error set
 */
gboolean
zs_demo_source_load_demo (ZsDemoSource  *self,
                          ZsStore       *store,
                          GError       **error)
{
  ZsDemoSourceInterface *iface;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ZS_IS_DEMO_SOURCE (self), FALSE);
  g_return_val_if_fail (ZS_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = ZS_DEMO_SOURCE_GET_IFACE (self);
  if (iface->load_demo == NULL)
    return TRUE;
  if (iface->load_demo (self, store, &local_error))
    return TRUE;
  /* A Python exception other than GLib.Error arrives as FALSE alone. */
  if (local_error == NULL)
    g_set_error (&local_error, ZS_ERROR, ZS_ERROR_INVALID, _("A plugin’s demo data failed without saying why"));
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
