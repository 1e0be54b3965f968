/* zs-import-private.h: column mapping and value parsing for imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-import-job.h"
#include "zs-store-internal.h"
#include "zs-store-generic.h"

G_BEGIN_DECLS

typedef enum
{
  ZS_IMPORT_KIND_TEXT,
  ZS_IMPORT_KIND_USCC,
  ZS_IMPORT_KIND_NUMBER,
  ZS_IMPORT_KIND_INTEGER,
  ZS_IMPORT_KIND_SECTORS,
  ZS_IMPORT_KIND_REGION,
  ZS_IMPORT_KIND_OWNERSHIP,
  ZS_IMPORT_KIND_COUNTRY,
  ZS_IMPORT_KIND_PARK,
  ZS_IMPORT_KIND_STAGE,
  ZS_IMPORT_KIND_CHANNEL,
  ZS_IMPORT_KIND_ACTIVITY_KIND,
  ZS_IMPORT_KIND_DATE,
  ZS_IMPORT_KIND_FIRM,
  ZS_IMPORT_KIND_EXTRA,       /* not a property: handled by the job */
  ZS_IMPORT_KIND_IGNORED,     /* bookkeeping columns of our own exports */
  ZS_IMPORT_KIND_RECORD_FIELD, /* a field of a record type, read by its kind */
} ZsImportKind;

typedef struct
{
  const char   *field;     /* the name in --map and in export headers */
  const char   *property;  /* the model property it sets, if any */
  ZsImportKind  kind;
  const char   *synonyms;  /* '|'-separated header names */
} ZsImportField;

typedef struct _ZsImportLookups ZsImportLookups;

/* A sector or region text of the file that names no code, or several
 * (the candidates); reference counted. */
typedef struct
{
  char *field;            /* "sectors" or "region_code" */
  char *label;
  GStrv candidates;       /* codes, empty if none matched */
  GStrv candidate_names;  /* their names */
} ZsImportUnmapped;

const ZsImportField *_zs_import_fields         (ZsImportEntity   entity);
const ZsImportField *_zs_import_find_field     (ZsImportEntity   entity,
                                                const char      *name);
const ZsImportField *_zs_import_match_header   (ZsImportEntity   entity,
                                                const char      *header);
GType                _zs_import_entity_type    (ZsImportEntity   entity);
const char          *_zs_import_entity_name    (ZsImportEntity   entity);

ZsImportLookups     *_zs_import_lookups_new    (ZsStore         *store,
                                                GError         **error);
void                 _zs_import_lookups_free   (ZsImportLookups *lookups);
void                 _zs_import_lookups_set_keep_unmapped (ZsImportLookups *lookups,
                                                           gboolean         keep);
gboolean             _zs_import_lookups_map_label (ZsImportLookups  *lookups,
                                                   const char       *field,
                                                   const char       *label,
                                                   const char       *code,
                                                   GError          **error);
GPtrArray           *_zs_import_lookups_take_unmapped (ZsImportLookups *lookups);
ZsImportUnmapped    *_zs_import_unmapped_ref   (ZsImportUnmapped *unmapped);
void                 _zs_import_unmapped_unref (ZsImportUnmapped *unmapped);
gboolean             _zs_import_parse_value    (ZsImportLookups     *lookups,
                                                const ZsImportField *field,
                                                const char          *text,
                                                GValue              *value,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZsImportLookups, _zs_import_lookups_free)

void                 _zs_import_job_set_single_thread (ZsImportJob *self,
                                                       gboolean     single_thread);
gboolean             _zs_import_job_get_read_ahead    (ZsImportJob *self);

/* zs-import-records.c: the columns of any record type */
ZsImportField       *_zs_import_type_fields_new    (ZsRecordType        *type,
                                                    GPtrArray           *strings);
const ZsImportField *_zs_import_type_find_field    (const ZsImportField *fields,
                                                    const char          *name);
const ZsImportField *_zs_import_type_match_header  (const ZsImportField *fields,
                                                    const char          *header);
GStrv                _zs_import_type_required      (ZsRecordType        *type);
gboolean             _zs_import_type_parse_value   (ZsStore             *store,
                                                    ZsRecordType        *type,
                                                    const ZsImportField *field,
                                                    const char          *text,
                                                    GValue              *value,
                                                    GError             **error);
gint64               _zs_import_type_find_existing (ZsStore             *store,
                                                    ZsRecordType        *type,
                                                    GObject             *record,
                                                    GError             **error);

G_END_DECLS
