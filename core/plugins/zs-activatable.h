/* zs-activatable.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-plugin-context.h"

G_BEGIN_DECLS

#define ZS_TYPE_ACTIVATABLE (zs_activatable_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (ZsActivatable, zs_activatable, ZS, ACTIVATABLE, GObject)

/**
 * ZsActivatableInterface:
 * @activate: set the plugin up: connect to the store, register what it provides
 * @deactivate: undo everything @activate did
 *
 * The lifecycle of a plugin.
 */
struct _ZsActivatableInterface
{
  GTypeInterface parent_iface;

  gboolean (*activate)   (ZsActivatable    *self,
                          ZsPluginContext  *context,
                          GError          **error);
  void     (*deactivate) (ZsActivatable    *self);
};

ZS_AVAILABLE_IN_ALL
gboolean zs_activatable_activate   (ZsActivatable    *self,
                                    ZsPluginContext  *context,
                                    GError          **error);
ZS_AVAILABLE_IN_ALL
void     zs_activatable_deactivate (ZsActivatable    *self);

G_END_DECLS
