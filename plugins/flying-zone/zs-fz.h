/* zs-fz.h: what the flying-zone plugin's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <zhaoshang.h>

#include "zs-fz-ledger.h"
#include "zs-fz-money.h"

G_BEGIN_DECLS

#define ZS_FZ_MODULE_NAME "flying-zone"
#define ZS_FZ_TYPES_RESOURCE "/cn/zhaoshang/flying-zone/flying-zone-types.json"

#define ZS_FZ_PARTNER "flying_zone.partner"
#define ZS_FZ_ZONE "flying_zone.zone"
#define ZS_FZ_AGREEMENT "flying_zone.agreement"
#define ZS_FZ_PLACEMENT "flying_zone.placement"
#define ZS_FZ_REALISED "flying_zone.realised"
#define ZS_FZ_SETTLEMENT "flying_zone.settlement"

/* The integration region the zones are in (clause 十一): 两霍两伊. */
#define ZS_FZ_HOST_GROUP "两霍两伊"

/* zs-fz-records.c */
gboolean    zs_fz_ensure_types      (ZsStore      *store,
                                     GError      **error);
GPtrArray  *zs_fz_list              (ZsStore      *store,
                                     const char   *type_name,
                                     const char   *field,
                                     gint64        id,
                                     GError      **error);
ZsRecord   *zs_fz_get               (ZsStore      *store,
                                     const char   *type_name,
                                     gint64        id,
                                     const char   *field,
                                     GError      **error);
gboolean    zs_fz_get_exists        (ZsStore      *store,
                                     const char   *type_name,
                                     gint64        id,
                                     const char   *field,
                                     GError      **error);
ZsRecord   *zs_fz_new_record        (ZsStore      *store,
                                     const char   *type_name);
gboolean    zs_fz_parse_date        (const char   *text,
                                     const char   *field,
                                     GDate        *date,
                                     GError      **error);
char       *zs_fz_region_name       (ZsStore      *store,
                                     const char   *code);
JsonObject *zs_fz_record_object     (ZsRecord     *record);

/* zs-fz-rules.c */
void        zs_fz_install_rules     (ZsStore      *store);
gboolean    zs_fz_check_region_code (const char   *code,
                                     const char   *field,
                                     GError      **error);
gboolean    zs_fz_region_covers     (const char   *partner_code,
                                     const char   *code);

/* zs-fz-accounts.c */
ZsFzLedger *zs_fz_load_ledger       (ZsStore      *store,
                                     int           year,
                                     gint64        zone_id,
                                     GError      **error);
JsonNode   *zs_fz_ledger_to_json    (ZsStore      *store,
                                     int           year,
                                     gint64        zone_id,
                                     GError      **error);
JsonNode   *zs_fz_report_to_json    (ZsStore      *store,
                                     int           year,
                                     const char   *by,
                                     GError      **error);

/* zs-fz-demo.c */
gboolean    zs_fz_load_demo         (ZsStore      *store,
                                     GError      **error);

G_END_DECLS
