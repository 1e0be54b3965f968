/* zs-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-import-job.h"

G_BEGIN_DECLS

ZS_AVAILABLE_IN_ALL
gint64 zs_store_export (ZsStore        *self,
                        ZsImportEntity  entity,
                        const char     *path,
                        gboolean        bom,
                        GCancellable   *cancellable,
                        GError        **error);
ZS_AVAILABLE_IN_ALL
gint64 zs_store_export_full (ZsStore        *self,
                             ZsImportEntity  entity,
                             const char     *path,
                             gboolean        bom,
                             gboolean        formula_guard,
                             GCancellable   *cancellable,
                             GError        **error);

ZS_AVAILABLE_IN_ALL
gint64 zs_store_export_records (ZsStore       *self,
                                const char    *type_name,
                                const char    *path,
                                gboolean       bom,
                                gboolean       formula_guard,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
