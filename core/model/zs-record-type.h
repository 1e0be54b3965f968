/* zs-record-type.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include <json-glib/json-glib.h>

#include "zs-field-spec.h"

G_BEGIN_DECLS

#define ZS_TYPE_RECORD_TYPE (zs_record_type_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsRecordType, zs_record_type, ZS, RECORD_TYPE, GObject)

/**
 * ZsRecordValidateFunc:
 * @record: (type GObject.Object): the record as it is about to be written
 * @user_data: (closure): the data passed to zs_record_type_set_validate_func()
 *
 * A record-level rule, for what field rules cannot say (for example "the end
 * date is not before the start date"). Called after every field rule passed.
 *
 * Returns: (transfer full) (nullable): %NULL when @record is valid, else a
 *   message for the user naming the field and the value
 */
typedef char *(*ZsRecordValidateFunc) (GObject  *record,
                                       gpointer  user_data);

/**
 * ZsRecordCheckFunc:
 * @store: (type GObject.Object): the store the record is written to (a
 *   #ZsStore), to read the other records the rule compares with
 * @record: (type GObject.Object): the record as it is about to be written;
 *   its id is 0 when it is new
 * @user_data: (closure): the data passed to zs_record_type_set_check_func()
 * @error: return location for a #GError
 *
 * A rule that needs other records (for example "the terms of one zone's
 * agreements do not overlap"). The store calls it after the field rules and
 * the validate function, with the store that writes, so that a type shared
 * by several connections checks against the right one.
 *
 * Returns: %TRUE when @record may be written, else %FALSE with @error set
 *   (%ZS_ERROR_INVALID, a message naming the field and the value)
 */
typedef gboolean (*ZsRecordCheckFunc) (GObject   *store,
                                       GObject   *record,
                                       gpointer   user_data,
                                       GError   **error);

ZS_AVAILABLE_IN_ALL
ZsRecordType       *zs_record_type_new                (const char     *name,
                                                       const char     *label,
                                                       const char     *plural_label,
                                                       guint           version);
ZS_AVAILABLE_IN_ALL
ZsRecordType       *zs_record_type_new_from_json      (const char     *json,
                                                       GError        **error);
ZS_AVAILABLE_IN_ALL
ZsRecordType       *zs_record_type_new_from_json_node (JsonNode       *node,
                                                       GError        **error);
ZS_AVAILABLE_IN_ALL
const char         *zs_record_type_get_name           (ZsRecordType   *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_record_type_get_module         (ZsRecordType   *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_record_type_get_local_name     (ZsRecordType   *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_record_type_get_table_name     (ZsRecordType   *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_record_type_get_label          (ZsRecordType   *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_record_type_get_plural_label   (ZsRecordType   *self);
ZS_AVAILABLE_IN_ALL
guint               zs_record_type_get_version        (ZsRecordType   *self);
ZS_AVAILABLE_IN_ALL
gboolean            zs_record_type_is_core            (ZsRecordType   *self);
ZS_AVAILABLE_IN_ALL
gboolean            zs_record_type_add_field          (ZsRecordType   *self,
                                                       ZsFieldSpec    *field,
                                                       GError        **error);
ZS_AVAILABLE_IN_ALL
GPtrArray          *zs_record_type_get_fields         (ZsRecordType   *self);
ZS_AVAILABLE_IN_ALL
ZsFieldSpec        *zs_record_type_lookup_field       (ZsRecordType   *self,
                                                       const char     *name);
ZS_AVAILABLE_IN_ALL
void                zs_record_type_set_validate_func  (ZsRecordType   *self,
                                                       ZsRecordValidateFunc func,
                                                       gpointer        user_data,
                                                       GDestroyNotify  destroy);
ZS_AVAILABLE_IN_ALL
void                zs_record_type_set_check_func     (ZsRecordType   *self,
                                                       ZsRecordCheckFunc func,
                                                       gpointer        user_data,
                                                       GDestroyNotify  destroy);
ZS_AVAILABLE_IN_ALL
void                zs_record_type_set_delete_check_func (ZsRecordType *self,
                                                       ZsRecordCheckFunc func,
                                                       gpointer        user_data,
                                                       GDestroyNotify  destroy);
ZS_AVAILABLE_IN_ALL
gboolean            zs_record_type_validate           (ZsRecordType   *self,
                                                       GObject        *record,
                                                       GError        **error);
ZS_AVAILABLE_IN_ALL
GType               zs_record_type_get_record_gtype   (ZsRecordType   *self);
ZS_AVAILABLE_IN_ALL
GObject            *zs_record_type_new_record         (ZsRecordType   *self);
ZS_AVAILABLE_IN_ALL
gboolean            zs_record_type_get_value          (ZsRecordType   *self,
                                                       GObject        *record,
                                                       const char     *field,
                                                       GValue         *value);
ZS_AVAILABLE_IN_ALL
gboolean            zs_record_type_set_value          (ZsRecordType   *self,
                                                       GObject        *record,
                                                       const char     *field,
                                                       const GValue   *value,
                                                       GError        **error);
ZS_AVAILABLE_IN_ALL
char               *zs_record_type_get_text           (ZsRecordType   *self,
                                                       GObject        *record,
                                                       const char     *field);
ZS_AVAILABLE_IN_ALL
gboolean            zs_record_type_set_text           (ZsRecordType   *self,
                                                       GObject        *record,
                                                       const char     *field,
                                                       const char     *text,
                                                       GError        **error);
ZS_AVAILABLE_IN_ALL
JsonNode           *zs_record_type_to_json            (ZsRecordType   *self);

G_END_DECLS
