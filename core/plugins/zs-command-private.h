/* zs-command-private.h: what the command kit's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-command.h"
#include "zs-command-invocation.h"

G_BEGIN_DECLS

ZsCommandInvocation *_zs_command_invocation_new        (ZsPluginContext     *context,
                                                        gboolean             json);
void                 _zs_command_invocation_set_json   (ZsCommandInvocation *self,
                                                        gboolean             json);
void                 _zs_command_invocation_take_value (ZsCommandInvocation *self,
                                                        const char          *name,
                                                        GValue              *value);
void                 _zs_command_invocation_add_string (ZsCommandInvocation *self,
                                                        const char          *name,
                                                        const char          *value);
void                 _zs_command_invocation_set_arguments (ZsCommandInvocation *self,
                                                           const char * const  *arguments);

gboolean             _zs_command_option_takes_value   (ZsCommand           *self,
                                                       const char          *arg);

G_END_DECLS
