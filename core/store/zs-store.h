/* zs-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zs-activity.h"
#include "zs-change.h"
#include "zs-clause.h"
#include "zs-contact.h"
#include "zs-firm.h"
#include "zs-park.h"
#include "zs-project.h"
#include "zs-project-filter.h"
#include "zs-region.h"
#include "zs-sector.h"
#include "zs-stage-change.h"
#include "zs-staff.h"
#include "zs-target.h"

G_BEGIN_DECLS

#define ZS_TYPE_STORE (zs_store_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsStore, zs_store, ZS, STORE, GObject)

ZS_AVAILABLE_IN_ALL
void            zs_store_tune_process     (void);

ZS_AVAILABLE_IN_ALL
char          *zs_store_get_default_path   (void);
ZS_AVAILABLE_IN_ALL
ZsStore       *zs_store_new                (const char   *path,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
ZsStore       *zs_store_new_read_only      (const char   *path,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
ZsStore       *zs_store_create             (const char   *path,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_is_read_only       (ZsStore      *self);
ZS_AVAILABLE_IN_ALL
const char    *zs_store_get_path           (ZsStore      *self);
ZS_AVAILABLE_IN_ALL
int            zs_store_get_schema_version (ZsStore      *self);
ZS_AVAILABLE_IN_ALL
const char    *zs_store_get_actor          (ZsStore      *self);
ZS_AVAILABLE_IN_ALL
void           zs_store_set_actor          (ZsStore      *self,
                                            const char   *actor);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_backup             (ZsStore      *self,
                                            const char   *destination,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_restore            (ZsStore      *self,
                                            const char   *source,
                                            char        **kept_path,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_begin              (ZsStore      *self,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_commit             (ZsStore      *self,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
void           zs_store_rollback           (ZsStore      *self);

ZS_AVAILABLE_IN_ALL
gboolean       zs_store_check              (ZsStore            *self,
                                            GError            **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_rebuild_search_index (ZsStore          *self,
                                            GError            **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_load_seed          (ZsStore      *self,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_load_demo          (ZsStore      *self,
                                            GError      **error);

ZS_AVAILABLE_IN_ALL
gint64         zs_store_add_firm           (ZsStore      *self,
                                            ZsFirm       *firm,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_update_firm        (ZsStore      *self,
                                            ZsFirm       *firm,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_delete_firm        (ZsStore      *self,
                                            gint64        id,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
ZsFirm        *zs_store_get_firm           (ZsStore      *self,
                                            gint64        id,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
ZsFirm        *zs_store_find_firm_by_uscc  (ZsStore      *self,
                                            const char   *uscc,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_firms         (ZsStore      *self,
                                            const char   *search,
                                            const char   *sector,
                                            guint         offset,
                                            guint         limit,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gint64         zs_store_count_firm_pages   (ZsStore      *self,
                                            const char   *sector,
                                            guint         page_size,
                                            GArray      **cursors,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_firms_after   (ZsStore      *self,
                                            const char   *sector,
                                            gint64        after_id,
                                            guint         limit,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gint64         zs_store_count_projects     (ZsStore      *self,
                                            gint64        firm_id,
                                            const char   *stage,
                                            const char   *park_code,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GVariant      *zs_store_count_projects_by_stage (ZsStore *self,
                                            const char   *park_code,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GVariant      *zs_store_sum_projects_by_stage (ZsStore   *self,
                                            const char   *park_code,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GVariant      *zs_store_sum_investment_by_sector (ZsStore *self,
                                            guint         limit,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GVariant      *zs_store_sum_investment_by_park (ZsStore *self,
                                            guint         limit,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_sum_investment     (ZsStore      *self,
                                            gint64       *projects,
                                            double       *planned,
                                            double       *realised,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
char          *zs_store_list_imports_json  (ZsStore      *self,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gint64         zs_store_count_firms        (ZsStore      *self,
                                            const char   *search,
                                            const char   *sector,
                                            GError      **error);

ZS_AVAILABLE_IN_ALL
gint64         zs_store_add_contact        (ZsStore      *self,
                                            ZsContact    *contact,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_update_contact     (ZsStore      *self,
                                            ZsContact    *contact,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_delete_contact     (ZsStore      *self,
                                            gint64        id,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
ZsContact     *zs_store_get_contact        (ZsStore      *self,
                                            gint64        id,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_contacts      (ZsStore      *self,
                                            gint64        firm_id,
                                            GError      **error);

ZS_AVAILABLE_IN_ALL
gint64         zs_store_add_project        (ZsStore      *self,
                                            ZsProject    *project,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_update_project     (ZsStore      *self,
                                            ZsProject    *project,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_delete_project     (ZsStore      *self,
                                            gint64        id,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
ZsProject     *zs_store_get_project        (ZsStore      *self,
                                            gint64        id,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_projects      (ZsStore      *self,
                                            gint64        firm_id,
                                            const char   *stage,
                                            const char   *park,
                                            guint         offset,
                                            guint         limit,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gint64         zs_store_count_project_pages (ZsStore     *self,
                                            gint64        firm_id,
                                            const char   *stage,
                                            const char   *park,
                                            guint         page_size,
                                            GArray      **cursors,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_projects_after (ZsStore     *self,
                                            gint64        firm_id,
                                            const char   *stage,
                                            const char   *park,
                                            gint64        after_id,
                                            guint         limit,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gint64         zs_store_count_projects_matching (ZsStore   *self,
                                            const ZsProjectFilter *filter,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_projects_matching (ZsStore    *self,
                                            const ZsProjectFilter *filter,
                                            guint         offset,
                                            guint         limit,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GStrv          zs_store_list_project_owners (ZsStore     *self,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_move_project       (ZsStore      *self,
                                            gint64        id,
                                            ZsStage       stage,
                                            const char   *reason,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_stage_changes (ZsStore      *self,
                                            gint64        project_id,
                                            GError      **error);

ZS_AVAILABLE_IN_ALL
gint64         zs_store_add_activity       (ZsStore      *self,
                                            ZsActivity   *activity,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
ZsActivity    *zs_store_get_activity       (ZsStore      *self,
                                            gint64        id,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_delete_activity    (ZsStore      *self,
                                            gint64        id,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_activities    (ZsStore      *self,
                                            gint64        firm_id,
                                            const char   *due_before,
                                            guint         offset,
                                            guint         limit,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_follow_ups    (ZsStore      *self,
                                            const char   *from_date,
                                            const char   *to_date,
                                            const char   *who,
                                            guint         limit,
                                            GError      **error);

ZS_AVAILABLE_IN_ALL
gint64         zs_store_add_staff          (ZsStore      *self,
                                            ZsStaff      *staff,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
ZsStaff       *zs_store_get_staff          (ZsStore      *self,
                                            gint64        id,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_staff         (ZsStore      *self,
                                            GError      **error);

ZS_AVAILABLE_IN_ALL
gint64         zs_store_create_token       (ZsStore      *self,
                                            const char   *staff_name,
                                            const char   *expires,
                                            char        **token,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
JsonNode      *zs_store_list_tokens        (ZsStore      *self,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gboolean       zs_store_revoke_token       (ZsStore      *self,
                                            gint64        id,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
ZsStaff       *zs_store_authenticate_token (ZsStore      *self,
                                            const char   *token,
                                            GError      **error);

ZS_AVAILABLE_IN_ALL
ZsSector      *zs_store_get_sector         (ZsStore      *self,
                                            const char   *code,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_sectors       (ZsStore      *self,
                                            int           clause,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_parks         (ZsStore      *self,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_regions       (ZsStore      *self,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_clauses       (ZsStore      *self,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_targets       (ZsStore      *self,
                                            GError      **error);

ZS_AVAILABLE_IN_ALL
ZsChange      *zs_store_get_change         (ZsStore      *self,
                                            gint64        id,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
GPtrArray     *zs_store_list_changes       (ZsStore      *self,
                                            const char   *entity,
                                            gint64        entity_id,
                                            guint         offset,
                                            guint         limit,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gint64         zs_store_revert_change      (ZsStore      *self,
                                            gint64        change_id,
                                            GError      **error);
ZS_AVAILABLE_IN_ALL
gint64         zs_store_revert_change_full (ZsStore      *self,
                                            gint64        change_id,
                                            ZsRevertFlags flags,
                                            GError      **error);

G_END_DECLS
