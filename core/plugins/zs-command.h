/* zs-command.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-command-invocation.h"

G_BEGIN_DECLS

/**
 * ZsOptionType:
 * @ZS_OPTION_STRING: text
 * @ZS_OPTION_INT: a whole number
 * @ZS_OPTION_DOUBLE: a number
 * @ZS_OPTION_BOOLEAN: a flag without a value
 * @ZS_OPTION_DATE: a date, YYYY-MM-DD
 * @ZS_OPTION_STRINGS: text, repeatable
 *
 * The type of a command's option: the kit checks the value before the
 * command runs.
 */
typedef enum
{
  ZS_OPTION_STRING,
  ZS_OPTION_INT,
  ZS_OPTION_DOUBLE,
  ZS_OPTION_BOOLEAN,
  ZS_OPTION_DATE,
  ZS_OPTION_STRINGS,
} ZsOptionType;

#define ZS_TYPE_OPTION_TYPE (zs_option_type_get_type ())
ZS_AVAILABLE_IN_ALL
GType zs_option_type_get_type (void) G_GNUC_CONST;

/**
 * ZsCommandFunc:
 * @invocation: the parsed command line
 * @user_data: the data given with the function
 * @error: return location for a #GError
 *
 * Runs a command, printing through @invocation.
 *
 * Returns: %TRUE on success
 */
typedef gboolean (*ZsCommandFunc) (ZsCommandInvocation  *invocation,
                                   gpointer              user_data,
                                   GError              **error);

#define ZS_TYPE_COMMAND (zs_command_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsCommand, zs_command, ZS, COMMAND, GObject)

ZS_AVAILABLE_IN_ALL
ZsCommand           *zs_command_new            (const char          *name,
                                                const char          *parameters,
                                                const char          *summary);
ZS_AVAILABLE_IN_ALL
const char          *zs_command_get_name       (ZsCommand           *self);
ZS_AVAILABLE_IN_ALL
const char          *zs_command_get_parameters (ZsCommand           *self);
ZS_AVAILABLE_IN_ALL
const char          *zs_command_get_summary    (ZsCommand           *self);
ZS_AVAILABLE_IN_ALL
void                 zs_command_set_arguments  (ZsCommand           *self,
                                                guint                min_arguments,
                                                int                  max_arguments);
ZS_AVAILABLE_IN_ALL
void                 zs_command_add_option     (ZsCommand           *self,
                                                const char          *name,
                                                ZsOptionType         type,
                                                const char          *arg_description,
                                                const char          *description);
ZS_AVAILABLE_IN_ALL
void                 zs_command_set_handler    (ZsCommand           *self,
                                                ZsCommandFunc        func,
                                                gpointer             user_data,
                                                GDestroyNotify       destroy);
ZS_AVAILABLE_IN_ALL
char                *zs_command_get_help       (ZsCommand           *self);
ZS_AVAILABLE_IN_ALL
ZsCommandInvocation *zs_command_parse          (ZsCommand           *self,
                                                ZsPluginContext     *context,
                                                const char * const  *args,
                                                gboolean             json,
                                                GError             **error);
ZS_AVAILABLE_IN_ALL
char                *zs_command_run            (ZsCommand           *self,
                                                ZsPluginContext     *context,
                                                const char * const  *args,
                                                gboolean             json,
                                                GError             **error);

G_END_DECLS
