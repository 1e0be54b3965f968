/* zs-change.h
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

#define ZS_TYPE_CHANGE (zs_change_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsChange, zs_change, ZS, CHANGE, GObject)

ZS_AVAILABLE_IN_ALL
ZsChange           *zs_change_new             (void);
ZS_AVAILABLE_IN_ALL
gint64              zs_change_get_id          (ZsChange     *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_change_get_at          (ZsChange     *self);
ZS_AVAILABLE_IN_ALL
void                zs_change_set_at          (ZsChange     *self,
                                               const char   *at);
ZS_AVAILABLE_IN_ALL
const char         *zs_change_get_actor       (ZsChange     *self);
ZS_AVAILABLE_IN_ALL
void                zs_change_set_actor       (ZsChange     *self,
                                               const char   *actor);
ZS_AVAILABLE_IN_ALL
const char         *zs_change_get_entity      (ZsChange     *self);
ZS_AVAILABLE_IN_ALL
void                zs_change_set_entity      (ZsChange     *self,
                                               const char   *entity);
ZS_AVAILABLE_IN_ALL
gint64              zs_change_get_entity_id   (ZsChange     *self);
ZS_AVAILABLE_IN_ALL
void                zs_change_set_entity_id   (ZsChange     *self,
                                               gint64        entity_id);
ZS_AVAILABLE_IN_ALL
ZsChangeKind        zs_change_get_kind        (ZsChange     *self);
ZS_AVAILABLE_IN_ALL
void                zs_change_set_kind        (ZsChange     *self,
                                               ZsChangeKind  kind);
ZS_AVAILABLE_IN_ALL
const char         *zs_change_get_field       (ZsChange     *self);
ZS_AVAILABLE_IN_ALL
void                zs_change_set_field       (ZsChange     *self,
                                               const char   *field);
ZS_AVAILABLE_IN_ALL
const char         *zs_change_get_old_value   (ZsChange     *self);
ZS_AVAILABLE_IN_ALL
void                zs_change_set_old_value   (ZsChange     *self,
                                               const char   *old_value);
ZS_AVAILABLE_IN_ALL
const char         *zs_change_get_new_value   (ZsChange     *self);
ZS_AVAILABLE_IN_ALL
void                zs_change_set_new_value   (ZsChange     *self,
                                               const char   *new_value);
ZS_AVAILABLE_IN_ALL
gint64              zs_change_get_reverted_by (ZsChange     *self);
ZS_AVAILABLE_IN_ALL
void                zs_change_set_reverted_by (ZsChange     *self,
                                               gint64        reverted_by);
ZS_AVAILABLE_IN_ALL
gint64              zs_change_get_import_id   (ZsChange     *self);
ZS_AVAILABLE_IN_ALL
void                zs_change_set_import_id   (ZsChange     *self,
                                               gint64        import_id);

G_END_DECLS
