/* zs-store-audit.c: the audit trail and reverting one change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "zs-enums.h"
#include "zs-error.h"
#include "zs-store-private.h"

gint64
_zs_audit_record (ZsStore       *self,
                  const char    *entity,
                  gint64         entity_id,
                  ZsChangeKind   kind,
                  const char    *field,
                  const char    *old_value,
                  const char    *new_value,
                  GError       **error)
{
  return _zs_audit_record_version (self, entity, entity_id, 0, kind, field, old_value, new_value, error);
}

/* @version: the record's version the change produced, 0 if it has none */
gint64
_zs_audit_record_version (ZsStore       *self,
                          const char    *entity,
                          gint64         entity_id,
                          gint64         version,
                          ZsChangeKind   kind,
                          const char    *field,
                          const char    *old_value,
                          const char    *new_value,
                          GError       **error)
{
  g_autofree char *now = _zs_store_now ();
  sqlite3_stmt *stmt;

  if (!_zs_store_audit_creations (self, error) ||
      !(stmt = _zs_store_prepare (self,
                                  "INSERT INTO changes (at, actor, entity, entity_id, kind, field, old_value, new_value, import_id, version) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error)))
    return 0;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, zs_store_get_actor (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, entity_id);
  sqlite3_bind_text (stmt, 5, zs_enum_to_nick (ZS_TYPE_CHANGE_KIND, kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, old_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, new_value, -1, SQLITE_TRANSIENT);
  if (_zs_store_get_import_id (self) != 0)
    sqlite3_bind_int64 (stmt, 9, _zs_store_get_import_id (self));
  else
    sqlite3_bind_null (stmt, 9);
  if (version != 0)
    sqlite3_bind_int64 (stmt, 10, version);
  else
    sqlite3_bind_null (stmt, 10);
  if (!_zs_store_step_done (self, stmt, error))
    return 0;
  _zs_store_raise_id_floor (self, entity, entity_id);
  return sqlite3_last_insert_rowid (_zs_store_get_db (self));
}

/* The ids of @entity's records among @creations, in order, as JSON. */
static char *
creations_of (const ZsCreation *creations,
              guint             n_creations,
              const char       *entity)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_creations; i++)
    if (g_str_equal (creations[i].entity, entity))
      g_array_append_val (ids, creations[i].id);
  return _zs_ids_to_json ((const gint64 *) (gpointer) ids->data, ids->len);
}

static gboolean
audit_creations_of (ZsStore          *self,
                    const ZsCreation *creations,
                    guint             n_creations,
                    const char       *entity,
                    gint64            import_id,
                    GError          **error)
{
  g_autofree char *now = _zs_store_now ();
  g_autofree char *ids = creations_of (creations, n_creations, entity);
  sqlite3_stmt *stmt = _zs_store_prepare (self,
                                          "INSERT INTO changes (at, actor, entity, entity_id, kind, import_id) "
                                          "SELECT ?, ?, ?, value, ?, ? FROM json_each (?)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, zs_store_get_actor (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, zs_enum_to_nick (ZS_TYPE_CHANGE_KIND, ZS_CHANGE_KIND_CREATE), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, import_id);
  sqlite3_bind_text (stmt, 6, ids, -1, SQLITE_STATIC);
  return _zs_store_step_done (self, stmt, error);
}

/* The creation rows of @creations, as _zs_audit_record() writes them for
 * a record an import creates: one statement per entity, each entity's in
 * order. Firms come first: every other record an import creates belongs
 * to a firm, and an undo, which reverts the newest first, must revert a
 * firm's contacts before the firm (deleting the firm would take them
 * along unreverted). The rows are stamped when their batch ends, about a
 * second after the first of them was made. */
gboolean
_zs_audit_creations (ZsStore          *self,
                     const ZsCreation *creations,
                     guint             n_creations,
                     gint64            import_id,
                     GError          **error)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new ();

  for (guint i = 0; i < n_creations; i++)
    if (!g_ptr_array_find_with_equal_func (entities, creations[i].entity, g_str_equal, NULL))
      {
        if (g_str_equal (creations[i].entity, zs_entity_firm.name))
          g_ptr_array_insert (entities, 0, (gpointer) creations[i].entity);
        else
          g_ptr_array_add (entities, (gpointer) creations[i].entity);
      }
  for (guint i = 0; i < entities->len; i++)
    if (!audit_creations_of (self, creations, n_creations, g_ptr_array_index (entities, i), import_id, error))
      return FALSE;
  return TRUE;
}

typedef struct {
  char         *entity;
  gint64        entity_id;
  ZsChangeKind  kind;
  char         *field;
  char         *old_value;
  char         *new_value;
  gint64        reverted_by;
  gint64        group_id;
} StoredChange;

static void
stored_change_clear (StoredChange *change)
{
  g_free (change->entity);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoredChange, stored_change_clear)

static char *
column_dup (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

static gboolean
load_change (ZsStore       *self,
             gint64         id,
             StoredChange  *change,
             GError       **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self,
                                          "SELECT entity, entity_id, kind, field, old_value, new_value, reverted_by, group_id "
                                          "FROM changes WHERE id = ?",
                                          error);
  int kind = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      change->entity = column_dup (stmt, 0);
      change->entity_id = sqlite3_column_int64 (stmt, 1);
      zs_enum_from_nick (ZS_TYPE_CHANGE_KIND, "kind", (const char *) sqlite3_column_text (stmt, 2), &kind, NULL);
      change->kind = kind;
      change->field = column_dup (stmt, 3);
      change->old_value = column_dup (stmt, 4);
      change->new_value = column_dup (stmt, 5);
      change->reverted_by = sqlite3_column_int64 (stmt, 6);
      change->group_id = sqlite3_column_int64 (stmt, 7);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                 _("There is no change with id %" PRId64), id);
  else
    _zs_store_set_error (self, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
restore_entity (ZsStore             *self,
                const ZsEntity      *entity,
                const StoredChange  *change,
                GError             **error)
{
  g_autoptr(GObject) record = _zs_record_from_snapshot (entity, change->old_value, error);

  if (record == NULL)
    return FALSE;
  g_object_set (record, "id", change->entity_id, NULL);
  return _zs_record_insert_with_id (self, entity, record, error);
}

static gboolean
revert_field (ZsStore             *self,
              const ZsEntity      *entity,
              gint64               change_id,
              const StoredChange  *change,
              GError             **error)
{
  g_autoptr(GObject) record = _zs_record_load (self, entity, change->entity_id, error);
  g_autofree char *property = g_strdelimit (g_strdup (change->field), "_", '-');
  g_auto(GValue) current = G_VALUE_INIT;
  g_auto(GValue) restored = G_VALUE_INIT;
  g_autofree char *current_text = NULL;

  if (record == NULL)
    return FALSE;

  g_object_get_property (record, property, &current);
  current_text = _zs_value_to_string (&current);
  if (g_strcmp0 (current_text, change->new_value) != 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_CONFLICT,
                   _("%s has changed since change %" PRId64 " (it is now “%s”); revert the later change first"),
                   change->field, change_id, current_text ? current_text : "");
      return FALSE;
    }

  g_value_init (&restored, G_VALUE_TYPE (&current));
  if (!_zs_value_from_string (&restored, change->old_value, error))
    return FALSE;

  if (entity == &zs_entity_project && g_str_equal (property, "stage"))
    {
      g_autofree char *reason = g_strdup_printf (_("Revert of change %" PRId64), change_id);
      return zs_store_move_project (self, change->entity_id, g_value_get_enum (&restored), reason, error);
    }

  g_object_set_property (record, property, &restored);
  return _zs_record_update (self, entity, record, error);
}

/* @last_id: the newest change before the revert */
static gboolean
mark_reverted (ZsStore  *self,
               gint64    change_id,
               gint64    last_id,
               gint64   *new_change_id,
               GError  **error)
{
  sqlite3_stmt *stmt;

  *new_change_id = _zs_store_count (self, "SELECT max(id) FROM changes", 0, error);
  if (*new_change_id <= last_id)
    {
      if (*new_change_id >= 0)
        g_set_error (error, ZS_ERROR, ZS_ERROR_CONFLICT,
                     _("Reverting change %" PRId64 " changed nothing"), change_id);
      return FALSE;
    }
  if (!(stmt = _zs_store_prepare (self, "UPDATE changes SET reverted_by = ? WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *new_change_id);
  sqlite3_bind_int64 (stmt, 2, change_id);
  return _zs_store_step_done (self, stmt, error);
}

static const ZsEntity *
revertible_entity (const char *name)
{
  /* Stage history is audited only when a project's deletion takes it. */
  if (g_strcmp0 (name, zs_entity_stage_change.name) == 0)
    return &zs_entity_stage_change;
  return _zs_entity_lookup (name);
}

static gboolean
apply_revert (ZsStore             *self,
              gint64               change_id,
              const StoredChange  *change,
              ZsRevertFlags        flags,
              GError             **error)
{
  const ZsEntity *entity = revertible_entity (change->entity);

  if (entity == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("Change %" PRId64 " is to a “%s”, which cannot be reverted here"),
                   change_id, change->entity);
      return FALSE;
    }

  switch (change->kind)
    {
    case ZS_CHANGE_KIND_CREATE:
      /* undoing a creation deletes: the type's delete rule applies */
      return _zs_store_check_delete (self, entity->name, change->entity_id, error) &&
             _zs_store_delete_with_dependents (self, entity, change->entity_id,
                                               (flags & ZS_REVERT_FLAGS_FORCE) != 0, error);
    case ZS_CHANGE_KIND_DELETE:
      return restore_entity (self, entity, change, error);
    case ZS_CHANGE_KIND_UPDATE:
    default:
      return revert_field (self, entity, change_id, change, error);
    }
}

/* Reverts one change and marks it reverted; @new_change_id is the last
 * change the revert wrote. */
static gboolean
revert_one (ZsStore             *self,
            gint64               change_id,
            const StoredChange  *change,
            ZsRevertFlags        flags,
            gint64              *new_change_id,
            GError             **error)
{
  gint64 last_id = _zs_store_count (self, "SELECT max(id) FROM changes", 0, error);

  return last_id >= 0 &&
         apply_revert (self, change_id, change, flags, error) &&
         mark_reverted (self, change_id, last_id, new_change_id, error);
}

/* What went along with the deletion @group_id, newest first: restored
 * after the record itself, each before the records that refer to it. */
static GArray *
group_members (ZsStore  *self,
               gint64    group_id,
               GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _zs_store_prepare (self,
                                          "SELECT id FROM changes WHERE group_id = ? AND reverted_by IS NULL "
                                          "ORDER BY id DESC",
                                          error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    _zs_store_set_error (self, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

static gboolean
revert_group (ZsStore  *self,
              gint64    group_id,
              gint64   *new_change_id,
              GError  **error)
{
  g_autoptr(GArray) members = group_members (self, group_id, error);

  if (members == NULL)
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    {
      gint64 member = g_array_index (members, gint64, i);
      g_auto(StoredChange) change = { 0 };

      if (!load_change (self, member, &change, error) ||
          !revert_one (self, member, &change, ZS_REVERT_FLAGS_NONE, new_change_id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_revertible (gint64               change_id,
                  const StoredChange  *change,
                  GError             **error)
{
  if (change->reverted_by != 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_CONFLICT,
                   _("Change %" PRId64 " was already reverted by change %" PRId64),
                   change_id, change->reverted_by);
      return FALSE;
    }
  if (change->group_id != 0)
    {
      /* Alone it would leave the group half restored (a contact without
       * its firm). */
      g_set_error (error, ZS_ERROR, ZS_ERROR_CONFLICT,
                   _("Change %" PRId64 " went along with change %" PRId64
                     "; revert that one, which brings back both"),
                   change_id, change->group_id);
      return FALSE;
    }
  return TRUE;
}

/**
 * zs_store_revert_change:
 * @self: a #ZsStore
 * @change_id: the id of a change in the audit trail
 * @error: return location for a #GError
 *
 * Undoes one change, as zs_store_revert_change_full() without flags: a
 * creation of a record others depend on is refused with %ZS_ERROR_IN_USE.
 *
 * Returns: the id of the (last) change the revert wrote, or 0 with @error set
 */
gint64
zs_store_revert_change (ZsStore  *self,
                        gint64    change_id,
                        GError  **error)
{
  return zs_store_revert_change_full (self, change_id, ZS_REVERT_FLAGS_NONE, error);
}

/**
 * zs_store_revert_change_full:
 * @self: a #ZsStore
 * @change_id: the id of a change in the audit trail
 * @flags: how to treat records that depend on a created one
 * @error: return location for a #GError
 *
 * Undoes one change: a creation is deleted, a deletion restored under its old
 * id, an edited field set back. The revert is itself audited, and the
 * original change is marked as reverted. A field edited again since is a
 * %ZS_ERROR_CONFLICT.
 *
 * Reverting a deletion also restores what the deletion took along (a
 * firm's contacts, a project's stage history, and whatever a forced revert
 * deleted), the record first, all with their old ids. Reverting the
 * creation of a record that others depend on (contacts, projects,
 * referrals, activities) is refused with %ZS_ERROR_IN_USE naming them,
 * unless @flags has %ZS_REVERT_FLAGS_FORCE: then they are deleted too, in
 * one group with the record, so that reverting its deletion brings all of
 * them back. Everything happens in one transaction.
 *
 * Returns: the id of the (last) change the revert wrote, or 0 with @error set
 */
gint64
zs_store_revert_change_full (ZsStore        *self,
                             gint64          change_id,
                             ZsRevertFlags   flags,
                             GError        **error)
{
  g_auto(StoredChange) change = { 0 };
  gint64 new_change_id = 0;

  g_return_val_if_fail (ZS_IS_STORE (self), 0);

  if (!load_change (self, change_id, &change, error) ||
      !check_revertible (change_id, &change, error))
    return 0;

  if (!_zs_store_savepoint (self, error))
    return 0;
  if (!revert_one (self, change_id, &change, flags, &new_change_id, error) ||
      (change.kind == ZS_CHANGE_KIND_DELETE &&
       !revert_group (self, change_id, &new_change_id, error)))
    {
      _zs_store_rollback_to (self);
      return 0;
    }
  return _zs_store_release (self, error) ? new_change_id : 0;
}
