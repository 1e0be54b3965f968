/* zs-import-job.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-store.h"

G_BEGIN_DECLS

/**
 * ZsImportEntity:
 * @ZS_IMPORT_ENTITY_FIRMS: firms (with an optional contact per row)
 * @ZS_IMPORT_ENTITY_CONTACTS: contact persons of existing firms
 * @ZS_IMPORT_ENTITY_PROJECTS: projects of existing firms
 * @ZS_IMPORT_ENTITY_ACTIVITIES: activities with existing firms
 *
 * What the rows of an import file are.
 */
typedef enum
{
  ZS_IMPORT_ENTITY_FIRMS,
  ZS_IMPORT_ENTITY_CONTACTS,
  ZS_IMPORT_ENTITY_PROJECTS,
  ZS_IMPORT_ENTITY_ACTIVITIES,
} ZsImportEntity;

/**
 * ZsDuplicatePolicy:
 * @ZS_DUPLICATE_POLICY_SKIP: keep the existing record, count the row as skipped
 * @ZS_DUPLICATE_POLICY_UPDATE: write the row's non-empty fields over the existing record
 * @ZS_DUPLICATE_POLICY_FAIL: reject the row
 *
 * What to do with a row that names a record already in the database or
 * earlier in the file.
 */
typedef enum
{
  ZS_DUPLICATE_POLICY_SKIP,
  ZS_DUPLICATE_POLICY_UPDATE,
  ZS_DUPLICATE_POLICY_FAIL,
} ZsDuplicatePolicy;

/**
 * ZsErrorPolicy:
 * @ZS_ERROR_POLICY_SKIP: reject the bad row and go on; good rows are committed in batches
 * @ZS_ERROR_POLICY_ABORT: stop at the first bad row and write nothing at all
 *
 * What to do with a row that fails validation.
 */
typedef enum
{
  ZS_ERROR_POLICY_SKIP,
  ZS_ERROR_POLICY_ABORT,
} ZsErrorPolicy;

#define ZS_TYPE_IMPORT_JOB (zs_import_job_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsImportJob, zs_import_job, ZS, IMPORT_JOB, GObject)

ZS_AVAILABLE_IN_ALL
ZsImportJob  *zs_import_job_new               (ZsStore             *store,
                                               ZsImportEntity       entity,
                                               const char          *path);
ZS_AVAILABLE_IN_ALL
ZsImportJob  *zs_import_job_new_for_type      (ZsStore             *store,
                                               const char          *type_name,
                                               const char          *path,
                                               GError             **error);
ZS_AVAILABLE_IN_ALL
void          zs_import_job_set_encoding      (ZsImportJob         *self,
                                               const char          *encoding);
ZS_AVAILABLE_IN_ALL
void          zs_import_job_set_sheet         (ZsImportJob         *self,
                                               const char          *sheet);
ZS_AVAILABLE_IN_ALL
void          zs_import_job_set_rejects_path  (ZsImportJob         *self,
                                               const char          *path);
ZS_AVAILABLE_IN_ALL
void          zs_import_job_set_warnings_path (ZsImportJob         *self,
                                               const char          *path);
ZS_AVAILABLE_IN_ALL
char         *zs_import_job_get_warnings_path (ZsImportJob         *self);
ZS_AVAILABLE_IN_ALL
gboolean      zs_import_job_map_label         (ZsImportJob         *self,
                                               const char          *field,
                                               const char          *label,
                                               const char          *code,
                                               GError             **error);
ZS_AVAILABLE_IN_ALL
GVariant     *zs_import_job_get_warnings      (ZsImportJob         *self);
ZS_AVAILABLE_IN_ALL
void          zs_import_job_set_duplicate_policy (ZsImportJob      *self,
                                               ZsDuplicatePolicy    policy);
ZS_AVAILABLE_IN_ALL
void          zs_import_job_set_error_policy  (ZsImportJob         *self,
                                               ZsErrorPolicy        policy);
ZS_AVAILABLE_IN_ALL
void          zs_import_job_set_dry_run       (ZsImportJob         *self,
                                               gboolean             dry_run);
ZS_AVAILABLE_IN_ALL
void          zs_import_job_set_batch_size    (ZsImportJob         *self,
                                               guint                batch_size);
ZS_AVAILABLE_IN_ALL
gboolean      zs_import_job_add_mapping       (ZsImportJob         *self,
                                               const char          *column,
                                               const char          *field,
                                               GError             **error);
ZS_AVAILABLE_IN_ALL
gboolean      zs_import_job_run               (ZsImportJob         *self,
                                               GCancellable        *cancellable,
                                               GError             **error);
ZS_AVAILABLE_IN_ALL
void          zs_import_job_run_async         (ZsImportJob         *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ZS_AVAILABLE_IN_ALL
gboolean      zs_import_job_run_finish        (ZsImportJob         *self,
                                               GAsyncResult        *result,
                                               GError             **error);

ZS_AVAILABLE_IN_ALL
gint64        zs_import_job_get_import_id     (ZsImportJob         *self);
ZS_AVAILABLE_IN_ALL
guint64       zs_import_job_get_rows_read     (ZsImportJob         *self);
ZS_AVAILABLE_IN_ALL
guint64       zs_import_job_get_inserted      (ZsImportJob         *self);
ZS_AVAILABLE_IN_ALL
guint64       zs_import_job_get_updated       (ZsImportJob         *self);
ZS_AVAILABLE_IN_ALL
guint64       zs_import_job_get_skipped       (ZsImportJob         *self);
ZS_AVAILABLE_IN_ALL
guint64       zs_import_job_get_rejected      (ZsImportJob         *self);
ZS_AVAILABLE_IN_ALL
const char * const *zs_import_job_get_mapping (ZsImportJob         *self);
ZS_AVAILABLE_IN_ALL
const char * const *zs_import_job_get_unmapped_columns (ZsImportJob *self);
ZS_AVAILABLE_IN_ALL
const char   *zs_import_job_get_source_description (ZsImportJob    *self);

ZS_AVAILABLE_IN_ALL
const char * const *zs_import_entity_get_fields (ZsImportEntity     entity);
ZS_AVAILABLE_IN_ALL
GPtrArray    *zs_store_list_firms_unmapped    (ZsStore             *store,
                                               const char          *field,
                                               guint                offset,
                                               guint                limit,
                                               GError             **error);
ZS_AVAILABLE_IN_ALL
gboolean      zs_store_undo_import            (ZsStore             *store,
                                               gint64               import_id,
                                               GError             **error);
ZS_AVAILABLE_IN_ALL
gboolean      zs_store_undo_import_full       (ZsStore             *store,
                                               gint64               import_id,
                                               ZsRevertFlags        flags,
                                               GError             **error);

G_END_DECLS
