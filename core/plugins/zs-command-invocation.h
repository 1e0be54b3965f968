/* zs-command-invocation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "zs-version-macros.h"

#include "zs-plugin-context.h"

G_BEGIN_DECLS

#define ZS_TYPE_COMMAND_INVOCATION (zs_command_invocation_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsCommandInvocation, zs_command_invocation, ZS, COMMAND_INVOCATION, GObject)

ZS_AVAILABLE_IN_ALL
ZsPluginContext    *zs_command_invocation_get_context   (ZsCommandInvocation *self);
ZS_AVAILABLE_IN_ALL
gboolean            zs_command_invocation_get_json      (ZsCommandInvocation *self);
ZS_AVAILABLE_IN_ALL
const char * const *zs_command_invocation_get_arguments (ZsCommandInvocation *self);
ZS_AVAILABLE_IN_ALL
gboolean            zs_command_invocation_has_option    (ZsCommandInvocation *self,
                                                         const char          *name);
ZS_AVAILABLE_IN_ALL
const char         *zs_command_invocation_get_string    (ZsCommandInvocation *self,
                                                         const char          *name);
ZS_AVAILABLE_IN_ALL
gint64              zs_command_invocation_get_int       (ZsCommandInvocation *self,
                                                         const char          *name,
                                                         gint64               default_value);
ZS_AVAILABLE_IN_ALL
double              zs_command_invocation_get_double    (ZsCommandInvocation *self,
                                                         const char          *name,
                                                         double               default_value);
ZS_AVAILABLE_IN_ALL
gboolean            zs_command_invocation_get_boolean   (ZsCommandInvocation *self,
                                                         const char          *name);
ZS_AVAILABLE_IN_ALL
const char * const *zs_command_invocation_get_strings   (ZsCommandInvocation *self,
                                                         const char          *name);
ZS_AVAILABLE_IN_ALL
void                zs_command_invocation_print_text    (ZsCommandInvocation *self,
                                                         const char          *text);
ZS_AVAILABLE_IN_ALL
void                zs_command_invocation_print_json    (ZsCommandInvocation *self,
                                                         JsonNode            *node);
ZS_AVAILABLE_IN_ALL
void                zs_command_invocation_print_rows    (ZsCommandInvocation *self,
                                                         JsonArray           *rows,
                                                         const char * const  *columns);
ZS_AVAILABLE_IN_ALL
char               *zs_command_invocation_steal_output  (ZsCommandInvocation *self);

ZS_AVAILABLE_IN_ALL
char               *zs_command_format_table             (JsonArray           *rows,
                                                         const char * const  *columns);

G_END_DECLS
