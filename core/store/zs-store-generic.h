/* zs-store-generic.h: the record-type registry and records of any type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-record.h"
#include "zs-record-query.h"
#include "zs-record-type.h"
#include "zs-store.h"

G_BEGIN_DECLS

/* Records of any type, core ("firm", "contact", "project", "activity",
 * "staff") or declared by a plugin ("module.local_name"):
 *
 * - zs_store_list_record_types() lists both; a core type's records are its
 *   model objects (ZsFirm …), a declared type's are ZsRecord subclasses.
 * - zs_store_register_record_type() creates the table `module_local_name`
 *   or migrates it (fields added since the stored version, renamed fields);
 *   registering a type again with the same name replaces it. The store
 *   emits "record-type-added" / "record-type-removed" (ZsRecordType).
 * - Writes validate every field rule and the type's validate function and
 *   fail with ZS_ERROR_INVALID naming the field and the value; unique
 *   fields fail with ZS_ERROR_DUPLICATE, stale versions with
 *   ZS_ERROR_CONFLICT, restricted references with ZS_ERROR_IN_USE; nothing
 *   is written then. Every write is audited (zs_store_list_changes(),
 *   revert) and emits "changed" with the type's name as entity.
 * - Values cross the API as GValues of the field's property type: TEXT,
 *   DATE, ENUM → string; INTEGER, REFERENCE → gint64; DECIMAL, MONEY →
 *   double; BOOLEAN → gboolean. zs_record_type_set_text() parses text.
 * - zs_store_list_records() pages by key: pass the last record of a page to
 *   zs_record_query_set_after() to get the next one.
 */

ZS_AVAILABLE_IN_ALL
gboolean      zs_store_register_record_type   (ZsStore        *self,
                                               ZsRecordType   *record_type,
                                               GError        **error);
ZS_AVAILABLE_IN_ALL
gboolean      zs_store_unregister_record_type (ZsStore        *self,
                                               const char     *name);
ZS_AVAILABLE_IN_ALL
void          zs_store_share_record_types     (ZsStore        *self,
                                               GPtrArray      *types);
ZS_AVAILABLE_IN_ALL
ZsRecordType *zs_store_lookup_record_type     (ZsStore        *self,
                                               const char     *name);
ZS_AVAILABLE_IN_ALL
GPtrArray    *zs_store_list_record_types      (ZsStore        *self);
ZS_AVAILABLE_IN_ALL
ZsRecordType *zs_store_get_record_type_of     (ZsStore        *self,
                                               GObject        *record);

ZS_AVAILABLE_IN_ALL
GObject      *zs_store_get_record             (ZsStore        *self,
                                               const char     *type_name,
                                               gint64          id,
                                               GError        **error);
ZS_AVAILABLE_IN_ALL
gint64        zs_store_create_record          (ZsStore        *self,
                                               GObject        *record,
                                               GError        **error);
ZS_AVAILABLE_IN_ALL
gboolean      zs_store_update_record          (ZsStore        *self,
                                               GObject        *record,
                                               GError        **error);
ZS_AVAILABLE_IN_ALL
gboolean      zs_store_delete_record          (ZsStore        *self,
                                               const char     *type_name,
                                               gint64          id,
                                               GError        **error);
ZS_AVAILABLE_IN_ALL
GPtrArray    *zs_store_list_records           (ZsStore        *self,
                                               const char     *type_name,
                                               ZsRecordQuery  *query,
                                               GError        **error);
ZS_AVAILABLE_IN_ALL
GPtrArray    *zs_store_search_records         (ZsStore        *self,
                                               const char     *type_name,
                                               const char     *text,
                                               guint           limit,
                                               GError        **error);

G_END_DECLS
