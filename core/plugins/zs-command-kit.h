/* zs-command-kit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-command.h"

G_BEGIN_DECLS

#define ZS_TYPE_COMMAND_KIT (zs_command_kit_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsCommandKit, zs_command_kit, ZS, COMMAND_KIT, GObject)

ZS_AVAILABLE_IN_ALL
ZsCommandKit *zs_command_kit_new           (void);
ZS_AVAILABLE_IN_ALL
void          zs_command_kit_add           (ZsCommandKit        *self,
                                            ZsCommand           *command);
ZS_AVAILABLE_IN_ALL
GPtrArray    *zs_command_kit_list_commands (ZsCommandKit        *self);
ZS_AVAILABLE_IN_ALL
char        **zs_command_kit_get_verbs     (ZsCommandKit        *self);
ZS_AVAILABLE_IN_ALL
char         *zs_command_kit_get_help      (ZsCommandKit        *self,
                                            const char          *verb);
ZS_AVAILABLE_IN_ALL
char         *zs_command_kit_run           (ZsCommandKit        *self,
                                            ZsPluginContext     *context,
                                            const char          *verb,
                                            const char * const  *args,
                                            gboolean             json,
                                            GError             **error);

G_END_DECLS
