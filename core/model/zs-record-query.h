/* zs-record-query.h
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

#define ZS_TYPE_RECORD_QUERY (zs_record_query_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsRecordQuery, zs_record_query, ZS, RECORD_QUERY, GObject)

ZS_AVAILABLE_IN_ALL
ZsRecordQuery   *zs_record_query_new             (void);
ZS_AVAILABLE_IN_ALL
void             zs_record_query_add_filter      (ZsRecordQuery   *self,
                                                  const char      *field,
                                                  ZsFilterOp       op,
                                                  const char      *value);
ZS_AVAILABLE_IN_ALL
gboolean         zs_record_query_parse_filter    (ZsRecordQuery   *self,
                                                  const char      *expression,
                                                  GError         **error);
ZS_AVAILABLE_IN_ALL
guint            zs_record_query_get_n_filters   (ZsRecordQuery   *self);
ZS_AVAILABLE_IN_ALL
const char      *zs_record_query_get_filter      (ZsRecordQuery   *self,
                                                  guint            index,
                                                  ZsFilterOp      *op,
                                                  const char     **value);
ZS_AVAILABLE_IN_ALL
void             zs_record_query_set_sort        (ZsRecordQuery   *self,
                                                  const char      *field,
                                                  ZsSortDirection  direction);
ZS_AVAILABLE_IN_ALL
const char      *zs_record_query_get_sort_field  (ZsRecordQuery   *self);
ZS_AVAILABLE_IN_ALL
ZsSortDirection  zs_record_query_get_sort_direction (ZsRecordQuery *self);
ZS_AVAILABLE_IN_ALL
void             zs_record_query_set_limit       (ZsRecordQuery   *self,
                                                  guint            limit);
ZS_AVAILABLE_IN_ALL
guint            zs_record_query_get_limit       (ZsRecordQuery   *self);
ZS_AVAILABLE_IN_ALL
void             zs_record_query_set_after       (ZsRecordQuery   *self,
                                                  GObject         *last_record);
ZS_AVAILABLE_IN_ALL
void             zs_record_query_set_after_key   (ZsRecordQuery   *self,
                                                  const char      *sort_value,
                                                  gint64           id);
ZS_AVAILABLE_IN_ALL
gboolean         zs_record_query_get_after_key   (ZsRecordQuery   *self,
                                                  const char     **sort_value,
                                                  gint64          *id);

G_END_DECLS
