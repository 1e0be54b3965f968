/* zs-schema-provider.c: the plugin-owned tables extension point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-schema-provider.h"

/**
 * ZsSchemaProvider:
 *
 * Implemented by a plugin that keeps its own tables. Step N of
 * zs_schema_provider_get_migrations() brings the plugin's schema to version
 * N + 1; each step runs in its own transaction when the plugin loads, and
 * steps already applied are skipped. A failing step is rolled back, leaves
 * the database as it was and disables the plugin with the error.
 *
 * Prefix table names with the plugin's name: tables are shared with the core.
 */
G_DEFINE_INTERFACE (ZsSchemaProvider, zs_schema_provider, G_TYPE_OBJECT)

static void
zs_schema_provider_default_init (ZsSchemaProviderInterface *iface)
{
}

/**
 * zs_schema_provider_get_schema_name:
 * @self: a #ZsSchemaProvider
 *
 * Returns: (transfer full) (nullable): the schema's name; %NULL means the
 *   plugin's module name
 */
char *
zs_schema_provider_get_schema_name (ZsSchemaProvider *self)
{
  ZsSchemaProviderInterface *iface;

  g_return_val_if_fail (ZS_IS_SCHEMA_PROVIDER (self), NULL);

  iface = ZS_SCHEMA_PROVIDER_GET_IFACE (self);
  return iface->get_schema_name ? iface->get_schema_name (self) : NULL;
}

/**
 * zs_schema_provider_get_migrations:
 * @self: a #ZsSchemaProvider
 *
 * Returns: (transfer full) (array zero-terminated=1) (nullable): the SQL of
 *   each migration step, oldest first
 */
char **
zs_schema_provider_get_migrations (ZsSchemaProvider *self)
{
  ZsSchemaProviderInterface *iface;

  g_return_val_if_fail (ZS_IS_SCHEMA_PROVIDER (self), NULL);

  iface = ZS_SCHEMA_PROVIDER_GET_IFACE (self);
  return iface->get_migrations ? iface->get_migrations (self) : NULL;
}
