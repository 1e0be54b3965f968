/* zs-types.h: enumerations of the domain model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ZsStage:
 * @ZS_STAGE_LEAD: 线索, a lead nobody has contacted yet
 * @ZS_STAGE_CONTACTED: 接洽, first contact made
 * @ZS_STAGE_SITE_VISIT: 考察, the investor visited the site
 * @ZS_STAGE_NEGOTIATING: 在谈, terms under negotiation
 * @ZS_STAGE_SIGNED: 签约, agreement signed
 * @ZS_STAGE_REGISTERED: 注册, the firm is registered locally
 * @ZS_STAGE_UNDER_CONSTRUCTION: 开工, construction started
 * @ZS_STAGE_IN_PRODUCTION: 投产, in production
 * @ZS_STAGE_DORMANT: 搁置, paused
 * @ZS_STAGE_LOST: 流失, lost; a reason is required
 *
 * The stage of an investment project.
 */
typedef enum
{
  ZS_STAGE_LEAD,
  ZS_STAGE_CONTACTED,
  ZS_STAGE_SITE_VISIT,
  ZS_STAGE_NEGOTIATING,
  ZS_STAGE_SIGNED,
  ZS_STAGE_REGISTERED,
  ZS_STAGE_UNDER_CONSTRUCTION,
  ZS_STAGE_IN_PRODUCTION,
  ZS_STAGE_DORMANT,
  ZS_STAGE_LOST,
} ZsStage;

/**
 * ZsOwnership:
 * @ZS_OWNERSHIP_UNSPECIFIED: not known
 * @ZS_OWNERSHIP_PRIVATE: private (民营)
 * @ZS_OWNERSHIP_STATE_OWNED: state-owned (国有)
 * @ZS_OWNERSHIP_FOREIGN_INVESTED: foreign-invested (外商投资)
 * @ZS_OWNERSHIP_HMT_INVESTED: invested from Hong Kong, Macao or Taiwan (港澳台投资)
 * @ZS_OWNERSHIP_COLLECTIVE: collective (集体)
 * @ZS_OWNERSHIP_JOINT_VENTURE: joint venture (合资)
 * @ZS_OWNERSHIP_OTHER: other
 *
 * The ownership type of a firm.
 */
typedef enum
{
  ZS_OWNERSHIP_UNSPECIFIED,
  ZS_OWNERSHIP_PRIVATE,
  ZS_OWNERSHIP_STATE_OWNED,
  ZS_OWNERSHIP_FOREIGN_INVESTED,
  ZS_OWNERSHIP_HMT_INVESTED,
  ZS_OWNERSHIP_COLLECTIVE,
  ZS_OWNERSHIP_JOINT_VENTURE,
  ZS_OWNERSHIP_OTHER,
} ZsOwnership;

/**
 * ZsSourceChannel:
 * @ZS_SOURCE_CHANNEL_DIRECT: found by the zone's own staff
 * @ZS_SOURCE_CHANNEL_REFERRAL: referred by a settled firm (以商招商)
 * @ZS_SOURCE_CHANNEL_FAIR: met at a fair or expo
 * @ZS_SOURCE_CHANNEL_AGENCY: brought by a professional promotion agency
 * @ZS_SOURCE_CHANNEL_FLYING_ZONE: through a flying-zone partner (飞地)
 * @ZS_SOURCE_CHANNEL_INCUBATION: incubated elsewhere (异地孵化)
 * @ZS_SOURCE_CHANNEL_ONLINE: online enquiry
 * @ZS_SOURCE_CHANNEL_OTHER: other
 *
 * How a project came to the zone.
 */
typedef enum
{
  ZS_SOURCE_CHANNEL_DIRECT,
  ZS_SOURCE_CHANNEL_REFERRAL,
  ZS_SOURCE_CHANNEL_FAIR,
  ZS_SOURCE_CHANNEL_AGENCY,
  ZS_SOURCE_CHANNEL_FLYING_ZONE,
  ZS_SOURCE_CHANNEL_INCUBATION,
  ZS_SOURCE_CHANNEL_ONLINE,
  ZS_SOURCE_CHANNEL_OTHER,
} ZsSourceChannel;

/**
 * ZsActivityKind:
 * @ZS_ACTIVITY_KIND_VISIT: a visit
 * @ZS_ACTIVITY_KIND_CALL: a phone call
 * @ZS_ACTIVITY_KIND_MEETING: a meeting
 * @ZS_ACTIVITY_KIND_FAIR: a fair or expo
 * @ZS_ACTIVITY_KIND_EMAIL: an email
 *
 * The kind of a promotion activity.
 */
typedef enum
{
  ZS_ACTIVITY_KIND_VISIT,
  ZS_ACTIVITY_KIND_CALL,
  ZS_ACTIVITY_KIND_MEETING,
  ZS_ACTIVITY_KIND_FAIR,
  ZS_ACTIVITY_KIND_EMAIL,
} ZsActivityKind;

/**
 * ZsRole:
 * @ZS_ROLE_ADMIN: may change everything
 * @ZS_ROLE_STAFF: promotion staff
 * @ZS_ROLE_VIEWER: read only
 *
 * The role of a staff member.
 */
typedef enum
{
  ZS_ROLE_ADMIN,
  ZS_ROLE_STAFF,
  ZS_ROLE_VIEWER,
} ZsRole;

/**
 * ZsChangeKind:
 * @ZS_CHANGE_KIND_CREATE: a record was created
 * @ZS_CHANGE_KIND_UPDATE: a field of a record was changed
 * @ZS_CHANGE_KIND_DELETE: a record was deleted
 *
 * What an audited change did.
 */
typedef enum
{
  ZS_CHANGE_KIND_CREATE,
  ZS_CHANGE_KIND_UPDATE,
  ZS_CHANGE_KIND_DELETE,
} ZsChangeKind;

/**
 * ZsRevertFlags:
 * @ZS_REVERT_FLAGS_NONE: refuse to delete a record other records depend on
 * @ZS_REVERT_FLAGS_FORCE: reverting a creation also deletes the records that
 *   depend on the record, in one group that a revert brings back
 *
 * How zs_store_revert_change_full() treats dependent records.
 */
typedef enum /*< flags >*/
{
  ZS_REVERT_FLAGS_NONE  = 0,
  ZS_REVERT_FLAGS_FORCE = 1 << 0,
} ZsRevertFlags;

/**
 * ZsFieldKind:
 * @ZS_FIELD_TEXT: text; a range limits its length in characters
 * @ZS_FIELD_INTEGER: a whole number (gint64)
 * @ZS_FIELD_DECIMAL: a number with a fraction (double)
 * @ZS_FIELD_MONEY: an amount of money in 万元 (double)
 * @ZS_FIELD_DATE: a date as YYYY-MM-DD text
 * @ZS_FIELD_BOOLEAN: yes or no
 * @ZS_FIELD_ENUM: one of the values the field lists, each with a label
 * @ZS_FIELD_REFERENCE: the id of a record of another record type (gint64)
 *
 * The kind of value a field of a record type holds.
 */
typedef enum
{
  ZS_FIELD_TEXT,
  ZS_FIELD_INTEGER,
  ZS_FIELD_DECIMAL,
  ZS_FIELD_MONEY,
  ZS_FIELD_DATE,
  ZS_FIELD_BOOLEAN,
  ZS_FIELD_ENUM,
  ZS_FIELD_REFERENCE,
} ZsFieldKind;

/**
 * ZsOnDelete:
 * @ZS_ON_DELETE_RESTRICT: a referenced record cannot be deleted while this
 *   field refers to it
 * @ZS_ON_DELETE_CASCADE: deleting the referenced record deletes the records
 *   referring to it, in one undoable group
 *
 * What deleting a record does to the records whose reference field points
 * at it.
 */
typedef enum
{
  ZS_ON_DELETE_RESTRICT,
  ZS_ON_DELETE_CASCADE,
} ZsOnDelete;

/**
 * ZsFilterOp:
 * @ZS_FILTER_EQUAL: the field equals the value
 * @ZS_FILTER_LESS: the field is less than the value (numbers, dates)
 * @ZS_FILTER_LESS_OR_EQUAL: the field is at most the value
 * @ZS_FILTER_GREATER: the field is greater than the value
 * @ZS_FILTER_GREATER_OR_EQUAL: the field is at least the value
 *
 * How a #ZsRecordQuery filter compares a field with its value.
 */
typedef enum
{
  ZS_FILTER_EQUAL,
  ZS_FILTER_LESS,
  ZS_FILTER_LESS_OR_EQUAL,
  ZS_FILTER_GREATER,
  ZS_FILTER_GREATER_OR_EQUAL,
} ZsFilterOp;

/**
 * ZsSortDirection:
 * @ZS_SORT_ASCENDING: smallest first
 * @ZS_SORT_DESCENDING: largest first
 *
 * The order of a record list.
 */
typedef enum
{
  ZS_SORT_ASCENDING,
  ZS_SORT_DESCENDING,
} ZsSortDirection;

ZS_AVAILABLE_IN_ALL
const char *zs_enum_to_nick   (GType        enum_type,
                               int          value);
ZS_AVAILABLE_IN_ALL
gboolean    zs_enum_from_nick (GType        enum_type,
                               const char  *field,
                               const char  *nick,
                               int         *value,
                               GError     **error);
ZS_AVAILABLE_IN_ALL
const char *zs_enum_get_label (GType        enum_type,
                               int          value);
ZS_AVAILABLE_IN_ALL
const char *zs_stage_get_label (ZsStage     stage);
ZS_AVAILABLE_IN_ALL
const char *zs_stage_get_chinese_name (ZsStage stage);
ZS_AVAILABLE_IN_ALL
gboolean    zs_stage_parse    (const char  *text,
                               ZsStage     *stage,
                               GError     **error);
ZS_AVAILABLE_IN_ALL
gboolean    zs_stage_requires_reason (ZsStage stage);
ZS_AVAILABLE_IN_ALL
gboolean    zs_stage_is_settled (ZsStage    stage);

ZS_AVAILABLE_IN_ALL
const char *zs_i18n_get_localedir (void);
ZS_AVAILABLE_IN_ALL
void        zs_i18n_init          (void);

G_END_DECLS
