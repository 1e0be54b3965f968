/* zs-plugin-storage-private.h: what the plugin engine asks of a plugin's
 * storage beyond the public API: running the plugin's schema steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-plugin-storage.h"

G_BEGIN_DECLS

void     _zs_plugin_storage_set_legacy_tables   (ZsPluginStorage    *self,
                                                 const char * const *tables);
gboolean _zs_plugin_storage_apply_schema_step   (ZsPluginStorage    *self,
                                                 const char         *schema,
                                                 int                 version,
                                                 const char         *sql,
                                                 GError            **error);

G_END_DECLS
