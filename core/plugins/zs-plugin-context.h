/* zs-plugin-context.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-store.h"
#include "zs-store-generic.h"
#include "zs-plugin-storage.h"
#include "zs-plugin-settings.h"

G_BEGIN_DECLS

typedef struct _ZsPluginEngine ZsPluginEngine;

#define ZS_TYPE_PLUGIN_CONTEXT (zs_plugin_context_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsPluginContext, zs_plugin_context, ZS, PLUGIN_CONTEXT, GObject)

ZS_AVAILABLE_IN_ALL
ZsPluginContext *zs_plugin_context_new           (ZsStore         *store,
                                                  const char      *plugin_name,
                                                  const char      *data_dir);
ZS_AVAILABLE_IN_ALL
ZsStore         *zs_plugin_context_get_store     (ZsPluginContext *self);
ZS_AVAILABLE_IN_ALL
const char      *zs_plugin_context_get_plugin_name (ZsPluginContext *self);
ZS_AVAILABLE_IN_ALL
const char      *zs_plugin_context_get_data_dir  (ZsPluginContext *self);
ZS_AVAILABLE_IN_ALL
ZsPluginEngine  *zs_plugin_context_get_engine    (ZsPluginContext *self);
ZS_AVAILABLE_IN_ALL
GSettings       *zs_plugin_context_get_settings  (ZsPluginContext *self);
ZS_AVAILABLE_IN_ALL
ZsPluginStorage *zs_plugin_context_get_storage   (ZsPluginContext *self);
ZS_AVAILABLE_IN_ALL
gboolean         zs_plugin_context_register_record_type (ZsPluginContext *self,
                                                  ZsRecordType    *record_type,
                                                  GError         **error);
ZS_AVAILABLE_IN_ALL
gboolean         zs_plugin_context_register_record_types_from_resource (ZsPluginContext *self,
                                                  const char      *resource_path,
                                                  GError         **error);

ZS_AVAILABLE_IN_ALL
ZsPluginSettings *zs_plugin_context_get_plugin_settings (ZsPluginContext *self);
ZS_AVAILABLE_IN_ALL
gboolean         zs_plugin_context_apply_seed    (ZsPluginContext *self,
                                                  const char      *json,
                                                  GError         **error);
ZS_AVAILABLE_IN_ALL
gboolean         zs_plugin_context_apply_seed_from_resource (ZsPluginContext *self,
                                                  const char      *resource_path,
                                                  GError         **error);

G_END_DECLS
