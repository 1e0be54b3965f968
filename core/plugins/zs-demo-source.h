/* zs-demo-source.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-store.h"

G_BEGIN_DECLS

#define ZS_TYPE_DEMO_SOURCE (zs_demo_source_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (ZsDemoSource, zs_demo_source, ZS, DEMO_SOURCE, GObject)

/**
 * ZsDemoSource:
 * @load_demo: adds the plugin's demonstration records to @store
 *
 * A plugin's part of the demonstration data that `zhaoshang-cli init
 * --demo` writes: called after the core's demo firms and projects are in,
 * once per run; a plugin whose demo records are already there adds nothing.
 */
struct _ZsDemoSourceInterface
{
  GTypeInterface parent_iface;

  gboolean (*load_demo) (ZsDemoSource  *self,
                         ZsStore       *store,
                         GError       **error);
};

ZS_AVAILABLE_IN_ALL
gboolean zs_demo_source_load_demo (ZsDemoSource  *self,
                                   ZsStore       *store,
                                   GError       **error);

G_END_DECLS
