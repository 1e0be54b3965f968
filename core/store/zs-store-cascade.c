/* zs-store-cascade.c: what a deletion takes along, as one group of the audit trail
 *
 * Deleting a record can delete others with it: a firm its contacts, a
 * project its stage history, and a forced revert of a creation every
 * record that depends on the one created. The audit rows of what went
 * along point (group_id) to the record's own deletion, the last row the
 * group writes; reverting that deletion restores the whole group
 * (zs-store-audit.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "zs-error.h"
#include "zs-store-private.h"

/**
 * _zs_audit_group_begin:
 *
 * Starts a group inside the caller's savepoint.
 *
 * Returns: the id the group's first audit row will have, to pass to
 *   _zs_audit_group_end(), or 0 with @error set
 */
gint64
_zs_audit_group_begin (ZsStore  *self,
                       GError  **error)
{
  gint64 first;

  /* Creations an import has not audited yet are not part of the group. */
  if (!_zs_store_audit_creations (self, error))
    return 0;
  first = _zs_store_count (self, "SELECT coalesce (max (id), 0) + 1 FROM changes", 0, error);
  return MAX (first, 0);
}

/* Points every row written since @first to the last one, the deletion of
 * the record the others went with. A group inside another (a firm's
 * projects) becomes part of the outer one. */
gboolean
_zs_audit_group_end (ZsStore  *self,
                     gint64    first,
                     GError  **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self,
                                          "UPDATE changes SET group_id = (SELECT max (id) FROM changes) "
                                          "WHERE id >= ?1 AND id < (SELECT max (id) FROM changes)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  return _zs_store_step_done (self, stmt, error);
}

typedef enum
{
  DEPENDENT_CONTACTS,
  DEPENDENT_PROJECTS,
  DEPENDENT_REFERRALS,
  DEPENDENT_ACTIVITIES,
} DependentKind;

static const struct {
  const ZsEntity *entity;
  DependentKind          kind;
  const char            *sql;
} dependents[] = {
  { &zs_entity_firm, DEPENDENT_CONTACTS,
    "SELECT id FROM contacts WHERE firm_id = ?1 ORDER BY id" },
  { &zs_entity_firm, DEPENDENT_PROJECTS,
    "SELECT id FROM projects WHERE firm_id = ?1 ORDER BY id" },
  { &zs_entity_firm, DEPENDENT_REFERRALS,
    "SELECT id FROM projects WHERE referrer_firm_id = ?1 AND firm_id <> ?1 ORDER BY id" },
  { &zs_entity_firm, DEPENDENT_ACTIVITIES,
    "SELECT id FROM activities WHERE firm_id = ?1 "
    "OR project_id IN (SELECT id FROM projects WHERE firm_id = ?1) ORDER BY id" },
  { &zs_entity_project, DEPENDENT_ACTIVITIES,
    "SELECT id FROM activities WHERE project_id = ?1 ORDER BY id" },
};

static GArray *
select_ids (ZsStore     *self,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _zs_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 found = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, found);
    }
  if (rc != SQLITE_DONE)
    _zs_store_set_error (self, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

static char *
describe_dependents (DependentKind kind,
                     guint         n)
{
  switch (kind)
    {
    case DEPENDENT_CONTACTS:
      return g_strdup_printf (ngettext ("%u contact", "%u contacts", n), n);
    case DEPENDENT_PROJECTS:
      return g_strdup_printf (ngettext ("%u project", "%u projects", n), n);
    case DEPENDENT_REFERRALS:
      /* Translators: projects of other firms that name this firm as their referrer */
      return g_strdup_printf (ngettext ("%u referral", "%u referrals", n), n);
    case DEPENDENT_ACTIVITIES:
    default:
      return g_strdup_printf (ngettext ("%u activity", "%u activities", n), n);
    }
}

/**
 * _zs_store_require_no_dependents:
 *
 * Refuses with %ZS_ERROR_IN_USE, naming them with their counts, when other
 * records depend on @entity's record @id.
 */
gboolean
_zs_store_require_no_dependents (ZsStore         *self,
                                 const ZsEntity  *entity,
                                 gint64           id,
                                 GError         **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dependents); i++)
    {
      g_autoptr(GArray) ids = NULL;

      if (dependents[i].entity != entity)
        continue;
      if (!(ids = select_ids (self, dependents[i].sql, id, error)))
        return FALSE;
      if (ids->len > 0)
        g_ptr_array_add (found, describe_dependents (dependents[i].kind, ids->len));
    }
  if (found->len == 0)
    return TRUE;

  g_ptr_array_add (found, NULL);
  list = g_strjoinv (", ", (char **) found->pdata);
  if (entity == &zs_entity_firm)
    g_set_error (error, ZS_ERROR, ZS_ERROR_IN_USE,
                 /* Translators: %s lists what depends on the firm: “3 contacts, 1 project” */
                 _("Firm %" PRId64 " still has %s; force the revert to delete them too"),
                 id, list);
  else
    g_set_error (error, ZS_ERROR, ZS_ERROR_IN_USE,
                 /* Translators: %s lists what depends on the project: “2 activities” */
                 _("Project %" PRId64 " still has %s; force the revert to delete them too"),
                 id, list);
  return FALSE;
}

/* A project another firm referred keeps existing: only the link goes. */
static gboolean
unlink_referral (ZsStore  *self,
                 gint64    project_id,
                 GError  **error)
{
  g_autoptr(ZsProject) project = zs_store_get_project (self, project_id, error);

  if (project == NULL)
    return FALSE;
  zs_project_set_referrer_firm_id (project, 0);
  return zs_store_update_project (self, project, error);
}

static gboolean
delete_one (ZsStore         *self,
            const ZsEntity  *entity,
            gint64           id,
            GError         **error)
{
  /* Through the public deletes: they keep their own rules and groups (a
   * firm's contacts, a project's stage history). */
  if (entity == &zs_entity_firm)
    return zs_store_delete_firm (self, id, error);
  if (entity == &zs_entity_project)
    return zs_store_delete_project (self, id, error);
  return _zs_record_delete (self, entity, id, error);
}

static gboolean
remove_dependents (ZsStore         *self,
                   const ZsEntity  *entity,
                   gint64           id,
                   GError         **error)
{
  /* Activities first, then projects: each goes before what it refers to.
   * The firm's own deletion takes its contacts. */
  static const DependentKind order[] = {
    DEPENDENT_ACTIVITIES, DEPENDENT_PROJECTS, DEPENDENT_REFERRALS,
  };

  for (guint o = 0; o < G_N_ELEMENTS (order); o++)
    for (guint i = 0; i < G_N_ELEMENTS (dependents); i++)
      {
        g_autoptr(GArray) ids = NULL;

        if (dependents[i].entity != entity || dependents[i].kind != order[o])
          continue;
        if (!(ids = select_ids (self, dependents[i].sql, id, error)))
          return FALSE;
        for (guint j = 0; j < ids->len; j++)
          {
            gint64 dependent = g_array_index (ids, gint64, j);
            gboolean done;

            if (order[o] == DEPENDENT_REFERRALS)
              done = unlink_referral (self, dependent, error);
            else if (order[o] == DEPENDENT_ACTIVITIES)
              done = _zs_record_delete (self, &zs_entity_activity, dependent, error);
            else
              done = zs_store_delete_project (self, dependent, error);
            if (!done)
              return FALSE;
          }
      }
  return TRUE;
}

/**
 * _zs_store_delete_with_dependents:
 *
 * Deletes @entity's record @id. With @force, the records that depend on it
 * go first, and every row this writes is one group with the record's
 * deletion; without, a record others depend on is refused with
 * %ZS_ERROR_IN_USE.
 */
gboolean
_zs_store_delete_with_dependents (ZsStore         *self,
                                  const ZsEntity  *entity,
                                  gint64           id,
                                  gboolean         force,
                                  GError         **error)
{
  gint64 group;

  if (!force)
    return _zs_store_require_no_dependents (self, entity, id, error) &&
           delete_one (self, entity, id, error);

  if (!_zs_store_savepoint (self, error))
    return FALSE;
  if (!(group = _zs_audit_group_begin (self, error)) ||
      !remove_dependents (self, entity, id, error) ||
      !delete_one (self, entity, id, error) ||
      !_zs_audit_group_end (self, group, error))
    {
      _zs_store_rollback_to (self);
      return FALSE;
    }
  return _zs_store_release (self, error);
}
