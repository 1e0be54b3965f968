/* zs-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include <json-glib/json-glib.h>

#include "zs-record-type.h"

G_BEGIN_DECLS

#define ZS_TYPE_RECORD (zs_record_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (ZsRecord, zs_record, ZS, RECORD, GObject)

/**
 * ZsRecordClass:
 * @parent_class: the parent class
 *
 * The class of a record of a declared record type. Each registered record
 * type has its own subclass, created at run time, with one property per
 * field (named like the field, '_' written '-').
 */
struct _ZsRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  ZsRecordType *record_type;
  gpointer      padding[8];
};

ZS_AVAILABLE_IN_ALL
ZsRecord     *zs_record_new             (ZsRecordType  *record_type);
ZS_AVAILABLE_IN_ALL
ZsRecordType *zs_record_get_record_type (ZsRecord      *self);
ZS_AVAILABLE_IN_ALL
gint64        zs_record_get_id          (ZsRecord      *self);
ZS_AVAILABLE_IN_ALL
gint64        zs_record_get_version     (ZsRecord      *self);
ZS_AVAILABLE_IN_ALL
const char   *zs_record_get_created_at  (ZsRecord      *self);
ZS_AVAILABLE_IN_ALL
const char   *zs_record_get_updated_at  (ZsRecord      *self);
ZS_AVAILABLE_IN_ALL
gboolean      zs_record_get_value       (ZsRecord      *self,
                                         const char    *field,
                                         GValue        *value);
ZS_AVAILABLE_IN_ALL
gboolean      zs_record_set_value       (ZsRecord      *self,
                                         const char    *field,
                                         const GValue  *value,
                                         GError       **error);
ZS_AVAILABLE_IN_ALL
const char   *zs_record_get_string      (ZsRecord      *self,
                                         const char    *field);
ZS_AVAILABLE_IN_ALL
void          zs_record_set_string      (ZsRecord      *self,
                                         const char    *field,
                                         const char    *value);
ZS_AVAILABLE_IN_ALL
gint64        zs_record_get_int64       (ZsRecord      *self,
                                         const char    *field);
ZS_AVAILABLE_IN_ALL
void          zs_record_set_int64       (ZsRecord      *self,
                                         const char    *field,
                                         gint64         value);
ZS_AVAILABLE_IN_ALL
double        zs_record_get_double      (ZsRecord      *self,
                                         const char    *field);
ZS_AVAILABLE_IN_ALL
void          zs_record_set_double      (ZsRecord      *self,
                                         const char    *field,
                                         double         value);
ZS_AVAILABLE_IN_ALL
gboolean      zs_record_get_boolean     (ZsRecord      *self,
                                         const char    *field);
ZS_AVAILABLE_IN_ALL
void          zs_record_set_boolean     (ZsRecord      *self,
                                         const char    *field,
                                         gboolean       value);

ZS_AVAILABLE_IN_ALL
JsonNode     *zs_record_to_json         (GObject       *record);
ZS_AVAILABLE_IN_ALL
char         *zs_record_to_json_text    (GObject       *record);
ZS_AVAILABLE_IN_ALL
GObject      *zs_record_from_json       (ZsRecordType  *record_type,
                                         JsonNode      *node,
                                         GError       **error);

G_END_DECLS
