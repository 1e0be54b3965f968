/* zs-command-provider.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-command-kit.h"
#include "zs-plugin-context.h"

G_BEGIN_DECLS

#define ZS_TYPE_COMMAND_PROVIDER (zs_command_provider_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (ZsCommandProvider, zs_command_provider, ZS, COMMAND_PROVIDER, GObject)

/**
 * ZsCommandProviderInterface::create_command_kit:
 * @self: a #ZsCommandProvider
 *
 * Called once; zs_command_provider_get_command_kit() keeps the result.
 *
 * Returns: (transfer full) (nullable): the provider's verbs as a kit
 */

/**
 * ZsCommandProviderInterface:
 * @get_commands: the verbs the plugin adds to zhaoshang-cli
 * @get_help: one paragraph of help for a verb
 * @run: runs a verb and returns what to print
 * @create_command_kit: the verbs as a #ZsCommandKit; a provider that
 *   implements it needs none of the other methods
 *
 * Extra `zhaoshang-cli` verbs.
 */
struct _ZsCommandProviderInterface
{
  GTypeInterface parent_iface;

  char **(*get_commands) (ZsCommandProvider  *self);
  char  *(*get_help)     (ZsCommandProvider  *self,
                          const char         *command);
  char  *(*run)          (ZsCommandProvider  *self,
                          ZsPluginContext    *context,
                          const char         *command,
                          const char * const *args,
                          gboolean            json,
                          GError            **error);
  ZsCommandKit *(*create_command_kit) (ZsCommandProvider *self);
};

ZS_AVAILABLE_IN_ALL
char **zs_command_provider_get_commands (ZsCommandProvider  *self);
ZS_AVAILABLE_IN_ALL
char  *zs_command_provider_get_help     (ZsCommandProvider  *self,
                                         const char         *command);
ZS_AVAILABLE_IN_ALL
char  *zs_command_provider_run          (ZsCommandProvider  *self,
                                         ZsPluginContext    *context,
                                         const char         *command,
                                         const char * const *args,
                                         gboolean            json,
                                         GError            **error);
ZS_AVAILABLE_IN_ALL
ZsCommandKit *zs_command_provider_get_command_kit (ZsCommandProvider *self);

G_END_DECLS
