/* zs-record-private.h: what the record-type files share with the store;
 * not installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-field-spec.h"
#include "zs-record.h"
#include "zs-record-type.h"

G_BEGIN_DECLS

GType         _zs_field_kind_value_type   (ZsFieldKind    kind);
gboolean      _zs_field_value_is_set      (const GValue  *value);
gboolean      _zs_field_name_is_valid     (const char    *name);

ZsRecordType *_zs_record_type_new_core    (const char    *name,
                                           const char    *label,
                                           const char    *plural_label,
                                           GType          record_gtype);
char         *_zs_record_type_signature   (ZsRecordType  *self);
gboolean      _zs_record_type_run_validate_func (ZsRecordType *self,
                                           GObject       *record,
                                           GError       **error);

gboolean      _zs_record_type_run_check_func (ZsRecordType *self,
                                           GObject       *store,
                                           GObject       *record,
                                           GError       **error);
gboolean      _zs_record_type_has_delete_check_func (ZsRecordType *self);
gboolean      _zs_record_type_run_delete_check_func (ZsRecordType *self,
                                           GObject       *store,
                                           GObject       *record,
                                           GError       **error);

/* zs-record.c */
GType         _zs_record_register_class   (ZsRecordType  *record_type);

G_END_DECLS
