/* zs-store-private.h: what the store's own files share; not installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "zs-db-private.h"
#include "zs-store.h"
#include "zs-store-internal.h"

G_BEGIN_DECLS

/* One enum value per schema step; user_version holds the newest applied. */
typedef enum
{
  ZS_SCHEMA_VERSION_NONE   = 0,
  ZS_SCHEMA_VERSION_CORE   = 1,  /* firms, projects, reference data, audit */
  ZS_SCHEMA_VERSION_SEARCH = 2,  /* firm_search: CJK unigram+bigram index */
  ZS_SCHEMA_VERSION_PLUGINS = 3, /* enabled plugins, plugin schema versions */
  ZS_SCHEMA_VERSION_IMPORTS = 4, /* batch imports, undoable as a whole */
  ZS_SCHEMA_VERSION_SEARCH_SOURCE = 5, /* the search index keeps no copy of the text */
  ZS_SCHEMA_VERSION_NAME_HASH = 6, /* firms found by a hash of their name key; no column sizes */
  ZS_SCHEMA_VERSION_RECORD_VERSIONS = 7, /* records and field changes carry a version */
  ZS_SCHEMA_VERSION_CHANGE_GROUPS = 8, /* a deletion and what it took along are one group */
  ZS_SCHEMA_VERSION_PLUGIN_STORAGE = 9, /* core_… views for plugins, the audit seal, repairs */
  ZS_SCHEMA_VERSION_API_TOKENS = 10, /* bearer tokens of the HTTP API, stored as hashes */
  ZS_SCHEMA_VERSION_CURRENT = ZS_SCHEMA_VERSION_API_TOKENS,
} ZsSchemaVersion;

typedef struct _ZsEntity ZsEntity;

/* A record created by an import whose audit row is not written yet. */
typedef struct
{
  const char *entity;
  gint64      id;
} ZsCreation;

struct _ZsEntity
{
  const char          *name;          /* "firm": audit and signal name */
  const char          *table;
  GType              (*get_type) (void);
  const char * const  *columns;       /* property names; '-' becomes '_' */
  const char          *sector_table;  /* many-to-many sectors, or NULL */
  const char          *sector_key;
  gboolean             timestamps;    /* created_at / updated_at */
  gboolean           (*validate)   (ZsStore *store, GObject *record, GError **error);
  /* @stored: the row as it is, NULL for a new one; @record: as it will be, NULL when deleted */
  gboolean           (*before_write)(ZsStore *store, GObject *stored, GObject *record, GError **error);
  gboolean           (*after_write)(ZsStore *store, GObject *record, ZsChangeKind kind, GError **error);
  const char          *derived_column; /* an integer column computed from the record, or NULL */
  gint64             (*derive)     (GObject *record);
  GType                gtype;         /* the class when get_type is NULL: declared record types */
};

/* A declared record type's class exists only at run time, so its entity
 * names the class itself instead of a get_type function. */
static inline GType
_zs_entity_get_gtype (const ZsEntity *entity)
{
  return entity->get_type != NULL ? entity->get_type () : entity->gtype;
}

extern const ZsEntity zs_entity_firm;
extern const ZsEntity zs_entity_contact;
extern const ZsEntity zs_entity_project;
extern const ZsEntity zs_entity_activity;
extern const ZsEntity zs_entity_staff;
extern const ZsEntity zs_entity_stage_change; /* audited only when a deletion takes it along */


/* zs-store-generic.c: entities of declared record types, by name */
const ZsEntity *_zs_declared_entity_lookup (const char *name);
gboolean      _zs_store_delete_declared_dependents (ZsStore    *self,
                                                    const char *type_name,
                                                    gint64      id,
                                                    GError    **error);
gboolean      _zs_store_require_unreferenced (ZsStore  *self,
                                        const ZsEntity *entity,
                                        gint64          id,
                                        GError        **error);

/* zs-store.c */
sqlite3      *_zs_store_get_db         (ZsStore       *self);
ZsDb         *_zs_store_get_data       (ZsStore       *self);
sqlite3_stmt *_zs_store_prepare        (ZsStore       *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      _zs_store_check_delete   (ZsStore       *self,
                                        const char    *type_name,
                                        gint64         id,
                                        GError       **error);
void          _zs_store_begin_read     (ZsStore       *self);
void          _zs_store_end_read       (ZsStore       *self);
gboolean      _zs_store_exec           (ZsStore       *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      _zs_store_step_done      (ZsStore       *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
void          _zs_store_set_error      (ZsStore       *self,
                                        GError       **error);
void          _zs_store_emit_changed   (ZsStore       *self,
                                        const char    *entity,
                                        gint64         id,
                                        ZsChangeKind   kind);
gint64        _zs_store_get_import_id  (ZsStore       *self);
gboolean      _zs_store_get_id_floor   (ZsStore       *self,
                                        const char    *entity,
                                        gint64        *floor,
                                        GError       **error);
void          _zs_store_raise_id_floor (ZsStore       *self,
                                        const char    *entity,
                                        gint64         id);
gboolean      _zs_store_defers_creation_audit (ZsStore *self);
void          _zs_store_defer_creation_audit (ZsStore *self,
                                        const ZsEntity *entity,
                                        gint64         id);
gboolean      _zs_store_audit_creations (ZsStore      *self,
                                        GError       **error);
char         *_zs_ids_to_json          (const gint64  *ids,
                                        guint          n_ids);
gint64        _zs_firm_name_hash       (const char    *name);
gboolean      _zs_store_check_can_write (ZsStore      *self,
                                        GError       **error);
void          _zs_store_forget_write_role (ZsStore    *self);
gint64        _zs_store_count          (ZsStore       *self,
                                        const char    *sql,
                                        gint64         id,
                                        GError       **error);
gboolean      _zs_store_is_indexing_deferred (ZsStore *self);
GHashTable   *_zs_store_steal_search_pending (ZsStore *self);
gboolean      _zs_store_is_known_sector (ZsStore      *self,
                                        const char    *code);
void          _zs_store_add_known_sector (ZsStore     *self,
                                        const char    *code);
void          _zs_store_forget_sectors (ZsStore       *self);

/* zs-store-seal.c: the fields of a change its seal covers, in order */
#define ZS_AUDIT_SEALED_COLUMNS \
  "id, at, actor, entity, entity_id, kind, field, old_value, new_value, import_id, version"

int           _zs_seal_register_functions (sqlite3    *db);
gboolean      _zs_store_check_audit_seal (ZsStore     *self,
                                        GError       **error);

/* zs-store-search.c */
typedef struct _ZsSearchEntry ZsSearchEntry;

/* The search index's columns and options, for CREATE VIRTUAL TABLE … USING
 * fts5 (…): the schema's index and the one a check compares it with. Column
 * sizes are not kept: only bm25 () reads them, and the store ranks by its
 * own function (zs-search.c); not writing them saves a row per firm. */
#define ZS_SEARCH_TABLE_ARGS \
  "name, name_other, uscc, business_scope, contacts, " \
  "tokenize = 'zs_cjk', detail = 'full', columnsize = 0, " \
  "content = 'firm_search_source', content_rowid = 'id'"

/* FTS5 settings for indexing many rows at once, and FTS5's defaults (see
 * _zs_store_tune_search ()). */
#define ZS_SEARCH_HASHSIZE_MANY     "16777216"
#define ZS_SEARCH_HASHSIZE_DEFAULT  "1048576"
#define ZS_SEARCH_AUTOMERGE_MANY    "16"
#define ZS_SEARCH_AUTOMERGE_DEFAULT "4"

gboolean      _zs_store_has_search_entry (ZsStore     *self,
                                        gint64         firm_id);
void          _zs_store_remember_search_entry (ZsStore *self,
                                        gint64         firm_id,
                                        ZsSearchEntry *entry);

void          _zs_search_entry_free    (ZsSearchEntry  *entry);
gboolean      _zs_store_search_before_write (ZsStore  *self,
                                        gint64         firm_id,
                                        GError       **error);
void          _zs_store_search_created (ZsStore       *self,
                                        gint64         firm_id);
gboolean      _zs_store_search_after_write (ZsStore   *self,
                                        GError       **error);
gboolean      _zs_store_update_search  (ZsStore       *self,
                                        GError       **error);
gboolean      _zs_store_check_search   (ZsStore       *self,
                                        GError       **error);
gboolean      _zs_store_rebuild_search (ZsStore       *self,
                                        GError       **error);

/* zs-store-records.c: generic mapping of model objects to rows */
gint64        _zs_record_insert        (ZsStore        *self,
                                        const ZsEntity *entity,
                                        GObject        *record,
                                        GError        **error);
gboolean      _zs_record_delete        (ZsStore        *self,
                                        const ZsEntity *entity,
                                        gint64          id,
                                        GError        **error);
char         *_zs_record_select_sql    (const ZsEntity *entity,
                                        const char     *tail);
GObject      *_zs_record_from_row      (const ZsEntity *entity,
                                        sqlite3_stmt   *stmt);
GPtrArray    *_zs_record_collect       (ZsStore        *self,
                                        const ZsEntity *entity,
                                        sqlite3_stmt   *stmt,
                                        GError        **error);
gboolean      _zs_value_from_string    (GValue         *value,
                                        const char     *text,
                                        GError        **error);
char         *_zs_record_snapshot      (const ZsEntity *entity,
                                        GObject        *record);
GObject      *_zs_record_from_snapshot (const ZsEntity *entity,
                                        const char     *snapshot,
                                        GError        **error);
gboolean      _zs_record_insert_with_id(ZsStore        *self,
                                        const ZsEntity *entity,
                                        GObject        *record,
                                        GError        **error);

/* zs-store-audit.c */
gint64        _zs_audit_record_version (ZsStore        *self,
                                        const char     *entity,
                                        gint64          entity_id,
                                        gint64          version,
                                        ZsChangeKind    kind,
                                        const char     *field,
                                        const char     *old_value,
                                        const char     *new_value,
                                        GError        **error);
gint64        _zs_audit_record         (ZsStore        *self,
                                        const char     *entity,
                                        gint64          entity_id,
                                        ZsChangeKind    kind,
                                        const char     *field,
                                        const char     *old_value,
                                        const char     *new_value,
                                        GError        **error);
gboolean      _zs_audit_creations      (ZsStore          *self,
                                        const ZsCreation *creations,
                                        guint             n_creations,
                                        gint64            import_id,
                                        GError          **error);

/* zs-store-cascade.c */
gint64        _zs_audit_group_begin    (ZsStore        *self,
                                        GError        **error);
gboolean      _zs_audit_group_end      (ZsStore        *self,
                                        gint64          first,
                                        GError        **error);
gboolean      _zs_store_require_no_dependents (ZsStore  *self,
                                        const ZsEntity *entity,
                                        gint64          id,
                                        GError        **error);
gboolean      _zs_store_delete_with_dependents (ZsStore *self,
                                        const ZsEntity *entity,
                                        gint64          id,
                                        gboolean        force,
                                        GError        **error);

/* zs-store-records.c: validation helpers shared by the entity validators */
gboolean      _zs_require_text         (const char     *field,
                                        const char     *value,
                                        GError        **error);
gboolean      _zs_require_non_negative (const char     *field,
                                        double          value,
                                        GError        **error);
gboolean      _zs_require_date         (const char     *field,
                                        const char     *value,
                                        gboolean        required,
                                        GError        **error);
gboolean      _zs_require_reference    (ZsStore        *self,
                                        const char     *field,
                                        const char     *sql,
                                        const char     *value,
                                        GError        **error);
gboolean      _zs_require_firm         (ZsStore        *self,
                                        const char     *field,
                                        gint64          id,
                                        GError        **error);
gboolean      _zs_require_sectors      (ZsStore            *self,
                                        const char * const *sectors,
                                        GError            **error);

G_END_DECLS
