/* zs-field-spec.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-types.h"

G_BEGIN_DECLS

#define ZS_TYPE_FIELD_SPEC (zs_field_spec_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsFieldSpec, zs_field_spec, ZS, FIELD_SPEC, GObject)

ZS_AVAILABLE_IN_ALL
ZsFieldSpec        *zs_field_spec_new               (const char   *name,
                                                     ZsFieldKind   kind,
                                                     const char   *label);
ZS_AVAILABLE_IN_ALL
const char         *zs_field_spec_get_name          (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_field_spec_get_property_name (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
ZsFieldKind         zs_field_spec_get_kind          (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_field_spec_get_label         (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
void                zs_field_spec_set_label         (ZsFieldSpec  *self,
                                                     const char   *label);
ZS_AVAILABLE_IN_ALL
gboolean            zs_field_spec_get_required      (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
void                zs_field_spec_set_required      (ZsFieldSpec  *self,
                                                     gboolean      required);
ZS_AVAILABLE_IN_ALL
gboolean            zs_field_spec_get_unique        (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
void                zs_field_spec_set_unique        (ZsFieldSpec  *self,
                                                     gboolean      unique);
ZS_AVAILABLE_IN_ALL
gboolean            zs_field_spec_get_searchable    (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
void                zs_field_spec_set_searchable    (ZsFieldSpec  *self,
                                                     gboolean      searchable);
ZS_AVAILABLE_IN_ALL
gboolean            zs_field_spec_get_minimum       (ZsFieldSpec  *self,
                                                     double       *minimum);
ZS_AVAILABLE_IN_ALL
void                zs_field_spec_set_minimum       (ZsFieldSpec  *self,
                                                     double        minimum);
ZS_AVAILABLE_IN_ALL
gboolean            zs_field_spec_get_maximum       (ZsFieldSpec  *self,
                                                     double       *maximum);
ZS_AVAILABLE_IN_ALL
void                zs_field_spec_set_maximum       (ZsFieldSpec  *self,
                                                     double        maximum);
ZS_AVAILABLE_IN_ALL
const char         *zs_field_spec_get_default       (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
void                zs_field_spec_set_default       (ZsFieldSpec  *self,
                                                     const char   *text);
ZS_AVAILABLE_IN_ALL
guint               zs_field_spec_get_since_version (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
void                zs_field_spec_set_since_version (ZsFieldSpec  *self,
                                                     guint         version);
ZS_AVAILABLE_IN_ALL
const char         *zs_field_spec_get_renamed_from  (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
void                zs_field_spec_set_renamed_from  (ZsFieldSpec  *self,
                                                     const char   *old_name);
ZS_AVAILABLE_IN_ALL
const char         *zs_field_spec_get_reference     (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
ZsOnDelete          zs_field_spec_get_on_delete     (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
void                zs_field_spec_set_reference     (ZsFieldSpec  *self,
                                                     const char   *type_name,
                                                     ZsOnDelete    on_delete);
ZS_AVAILABLE_IN_ALL
void                zs_field_spec_add_enum_value    (ZsFieldSpec  *self,
                                                     const char   *value,
                                                     const char   *label);
ZS_AVAILABLE_IN_ALL
const char * const *zs_field_spec_get_enum_values   (ZsFieldSpec  *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_field_spec_get_enum_label    (ZsFieldSpec  *self,
                                                     const char   *value);
ZS_AVAILABLE_IN_ALL
gboolean            zs_field_spec_parse_value       (ZsFieldSpec  *self,
                                                     const char   *text,
                                                     GValue       *value,
                                                     GError      **error);
ZS_AVAILABLE_IN_ALL
char               *zs_field_spec_format_value      (ZsFieldSpec  *self,
                                                     const GValue *value);
ZS_AVAILABLE_IN_ALL
gboolean            zs_field_spec_check_value       (ZsFieldSpec  *self,
                                                     const GValue *value,
                                                     GError      **error);

G_END_DECLS
