/* zs-schema-provider.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include <glib-object.h>

G_BEGIN_DECLS

#define ZS_TYPE_SCHEMA_PROVIDER (zs_schema_provider_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (ZsSchemaProvider, zs_schema_provider, ZS, SCHEMA_PROVIDER, GObject)

/**
 * ZsSchemaProviderInterface:
 * @get_schema_name: the name the plugin's schema version is kept under
 * @get_migrations: the SQL of every step, oldest first
 *
 * A plugin's own tables, as a versioned migration chain.
 */
struct _ZsSchemaProviderInterface
{
  GTypeInterface parent_iface;

  char  *(*get_schema_name) (ZsSchemaProvider *self);
  char **(*get_migrations)  (ZsSchemaProvider *self);
};

ZS_AVAILABLE_IN_ALL
char  *zs_schema_provider_get_schema_name (ZsSchemaProvider *self);
ZS_AVAILABLE_IN_ALL
char **zs_schema_provider_get_migrations  (ZsSchemaProvider *self);

G_END_DECLS
