/* zs-plugin-seed.h: records a plugin ships, applied by revision
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

ZS_AVAILABLE_IN_ALL
gboolean  zs_plugin_seed_apply        (ZsStore     *store,
                                       const char  *module_name,
                                       const char  *json,
                                       GError     **error);
ZS_AVAILABLE_IN_ALL
gboolean  zs_plugin_seed_apply_resource (ZsStore    *store,
                                       const char  *module_name,
                                       const char  *resource_path,
                                       GError     **error);
ZS_AVAILABLE_IN_ALL
gint64    zs_plugin_seed_get_revision (ZsStore     *store,
                                       const char  *module_name,
                                       GError     **error);
ZS_AVAILABLE_IN_ALL
char     *zs_plugin_seed_get_origin   (ZsStore     *store,
                                       const char  *type_name,
                                       gint64       record_id,
                                       GError     **error);
ZS_AVAILABLE_IN_ALL
gboolean  zs_plugin_seed_adopt        (ZsStore     *store,
                                       const char  *type_name,
                                       const char  *key_fields,
                                       gint64       record_id,
                                       GError     **error);
ZS_AVAILABLE_IN_ALL
gboolean  zs_plugin_seed_adopt_removed (ZsStore    *store,
                                       const char  *type_name,
                                       const char  *key_field,
                                       const char  *key,
                                       GError     **error);

G_END_DECLS
