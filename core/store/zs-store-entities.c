/* zs-store-entities.c: firms, contacts, projects, activities, staff and the
 * guideline's reference data, on top of the generic record functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "zs-enums.h"
#include "zs-error.h"
#include "zs-firm-name.h"
#include "zs-search-private.h"
#include "zs-store-private.h"
#include "zs-text-private.h"
#include "zs-uscc.h"

#define MAX_CLAUSE 22

/* Sector codes or unique sector names become codes. */
static gboolean
resolve_sectors (ZsStore  *self,
                 GObject  *record,
                 GError  **error)
{
  g_auto(GStrv) sectors = NULL;
  g_autoptr(GStrvBuilder) resolved = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;

  g_object_get (record, "sectors", &sectors, NULL);
  for (guint i = 0; sectors != NULL && sectors[i] != NULL; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (sectors[i]));
      sqlite3_stmt *stmt;
      g_autofree char *first = NULL;
      int rows = 0;
      int rc;

      /* A code stands for itself, whatever other sector it may name. */
      if (_zs_store_is_known_sector (self, value))
        {
          g_strv_builder_add (resolved, value);
          continue;
        }
      if (!(stmt = _zs_store_prepare (self,
                                      "SELECT code FROM sectors WHERE code = ?1 "
                                      "UNION ALL SELECT code FROM sectors WHERE name = ?1 LIMIT 2",
                                      error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (rows++ == 0)
            first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          else if (!g_str_equal (first, value))
            {
              g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                           _("sector: “%s” names more than one sector; give its code"), value);
              sqlite3_reset (stmt);
              return FALSE;
            }
        }
      /* A busy or failed read is that error, not an unknown sector. */
      if (rc != SQLITE_DONE)
        {
          _zs_store_set_error (self, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
      if (first == NULL)
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("sector: unknown sector “%s” (see “sectors list”)"), value);
          return FALSE;
        }
      if (g_str_equal (first, value))
        _zs_store_add_known_sector (self, value);
      g_strv_builder_add (resolved, first);
    }

  codes = g_strv_builder_end (resolved);
  g_object_set (record, "sectors", codes, NULL);
  return TRUE;
}

static gboolean
require_park (ZsStore     *self,
              const char  *park,
              GError     **error)
{
  if (park == NULL)
    return TRUE;
  if (!_zs_require_reference (self, "park", "SELECT 1 FROM parks WHERE code = ?1", park, NULL))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("park: unknown park “%s” (see “parks list”)"), park);
      return FALSE;
    }
  return TRUE;
}

static gboolean
require_clause (ZsStore  *self,
                int       clause,
                GError  **error)
{
  g_autofree char *text = g_strdup_printf ("%d", clause);

  if (clause == 0)
    return TRUE;
  if (clause < 0 || clause > MAX_CLAUSE ||
      !_zs_require_reference (self, "clause", "SELECT 1 FROM clauses WHERE number = ?1", text, NULL))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("clause: “%d” is not a clause of the guideline (1–%d, see “clauses list”)"),
                   clause, MAX_CLAUSE);
      return FALSE;
    }
  return TRUE;
}

static gboolean
require_unique_uscc (ZsStore  *self,
                     ZsFirm   *firm,
                     GError  **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "SELECT id, name FROM firms WHERE uscc = ?", error);
  gboolean unique = TRUE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, zs_firm_get_uscc (firm), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) != zs_firm_get_id (firm))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE,
                   _("uscc: “%s” is already the code of firm %" PRId64 " “%s”"),
                   zs_firm_get_uscc (firm), (gint64) sqlite3_column_int64 (stmt, 0),
                   (const char *) sqlite3_column_text (stmt, 1));
      unique = FALSE;
    }
  sqlite3_reset (stmt);
  return unique;
}

static gboolean
validate_country (ZsFirm  *firm,
                  GError **error)
{
  const char *country = zs_firm_get_country (firm);
  g_autofree char *upper = NULL;

  if (country == NULL)
    return TRUE;
  upper = g_ascii_strup (country, -1);
  if (strlen (upper) != 2 || !g_ascii_isalpha (upper[0]) || !g_ascii_isalpha (upper[1]))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("country: “%s” is not an ISO 3166 two-letter country code (CN, KZ, RU…)"), country);
      return FALSE;
    }
  zs_firm_set_country (firm, upper);
  return TRUE;
}

static gboolean
validate_region (const char  *region,
                 GError     **error)
{
  if (region == NULL)
    return TRUE;
  for (int i = 0; region[i] != '\0'; i++)
    if (!g_ascii_isdigit (region[i]))
      goto invalid;
  if (strlen (region) == 6 && region[0] >= '1' && region[0] <= '8')
    return TRUE;
invalid:
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("region_code: “%s” is not a six-digit GB/T 2260 region code (e.g. 654004)"), region);
  return FALSE;
}

static gboolean
validate_firm (ZsStore  *self,
               GObject  *record,
               GError  **error)
{
  ZsFirm *firm = ZS_FIRM (record);
  g_autofree char *name = g_strstrip (g_strdup (zs_firm_get_name (firm) ? zs_firm_get_name (firm) : ""));
  g_autofree char *uscc = zs_firm_get_uscc (firm) ? zs_uscc_normalize (zs_firm_get_uscc (firm)) : NULL;

  if (!_zs_require_text ("name", name, error))
    return FALSE;
  zs_firm_set_name (firm, name);
  if (!zs_uscc_validate (uscc, error))
    return FALSE;
  zs_firm_set_uscc (firm, uscc);

  return require_unique_uscc (self, firm, error) &&
         validate_country (firm, error) &&
         validate_region (zs_firm_get_region_code (firm), error) &&
         _zs_require_non_negative ("registered_capital", zs_firm_get_registered_capital (firm), error) &&
         resolve_sectors (self, record, error);
}

static gboolean
store_name_hash (ZsStore  *self,
                 ZsFirm   *firm,
                 GError  **error)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, "UPDATE firms SET name_hash = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, _zs_firm_name_hash (zs_firm_get_name (firm)));
  sqlite3_bind_int64 (stmt, 2, zs_firm_get_id (firm));
  return _zs_store_step_done (self, stmt, error);
}

/* The name hash of a firm, worked out before its write for the name it
 * had then. */
typedef struct {
  char   *name;
  gint64  hash;
} PreparedNameHash;

static void
prepared_name_hash_free (gpointer data)
{
  PreparedNameHash *prepared = data;

  g_free (prepared->name);
  g_free (prepared);
}

static GQuark
prepared_name_hash_quark (void)
{
  return g_quark_from_static_string ("zs-firm-prepared-name-hash");
}

/**
 * _zs_firm_prepare_write:
 * @firm: a firm not yet written, owned by the calling thread
 *
 * Works out the name hash its insert stores (see firm_name_hash ()). If
 * the name changes before the write, the hash is worked out again then.
 */
void
_zs_firm_prepare_write (ZsFirm *firm)
{
  const char *name = zs_firm_get_name (firm);
  PreparedNameHash *prepared;

  if (name == NULL)
    return;
  prepared = g_new0 (PreparedNameHash, 1);
  prepared->name = g_strdup (name);
  prepared->hash = _zs_firm_name_hash (name);
  g_object_set_qdata_full (G_OBJECT (firm), prepared_name_hash_quark (), prepared, prepared_name_hash_free);
}

static gint64
firm_name_hash (GObject *record)
{
  const char *name = zs_firm_get_name (ZS_FIRM (record));
  PreparedNameHash *prepared = g_object_get_qdata (record, prepared_name_hash_quark ());

  if (prepared != NULL && g_strcmp0 (prepared->name, name) == 0)
    return prepared->hash;
  return _zs_firm_name_hash (name);
}

static gboolean
firm_before_write (ZsStore  *self,
                   GObject  *stored,
                   GObject  *record,
                   GError  **error)
{
  return stored == NULL || _zs_store_search_before_write (self, zs_firm_get_id (ZS_FIRM (stored)), error);
}

static gboolean
firm_after_write (ZsStore       *self,
                  GObject       *record,
                  ZsChangeKind   kind,
                  GError       **error)
{
  if (kind == ZS_CHANGE_KIND_CREATE)
    _zs_store_search_created (self, zs_firm_get_id (ZS_FIRM (record)));
  /* A new firm's hash was written with it (see firm_name_hash ()). */
  return (kind != ZS_CHANGE_KIND_UPDATE || store_name_hash (self, ZS_FIRM (record), error)) &&
         _zs_store_search_after_write (self, error);
}

static gboolean
validate_contact (ZsStore  *self,
                  GObject  *record,
                  GError  **error)
{
  ZsContact *contact = ZS_CONTACT (record);

  return _zs_require_firm (self, "firm_id", zs_contact_get_firm_id (contact), error) &&
         _zs_require_text ("name", zs_contact_get_name (contact), error);
}

/* A contact's name is searched as part of its firm: the firm it leaves
 * as well as the one it joins. */
static gboolean
contact_before_write (ZsStore  *self,
                      GObject  *stored,
                      GObject  *record,
                      GError  **error)
{
  return (stored == NULL ||
          _zs_store_search_before_write (self, zs_contact_get_firm_id (ZS_CONTACT (stored)), error)) &&
         (record == NULL ||
          _zs_store_search_before_write (self, zs_contact_get_firm_id (ZS_CONTACT (record)), error));
}

static gboolean
contact_after_write (ZsStore       *self,
                     GObject       *record,
                     ZsChangeKind   kind,
                     GError       **error)
{
  return _zs_store_search_after_write (self, error);
}

static gboolean
validate_project (ZsStore  *self,
                  GObject  *record,
                  GError  **error)
{
  ZsProject *project = ZS_PROJECT (record);
  gint64 referrer = zs_project_get_referrer_firm_id (project);

  if (!_zs_require_firm (self, "firm_id", zs_project_get_firm_id (project), error) ||
      !_zs_require_text ("title", zs_project_get_title (project), error) ||
      !require_park (self, zs_project_get_park_code (project), error) ||
      !_zs_require_non_negative ("planned_investment", zs_project_get_planned_investment (project), error) ||
      !_zs_require_non_negative ("realised_investment", zs_project_get_realised_investment (project), error) ||
      !_zs_require_non_negative ("planned_jobs", zs_project_get_planned_jobs (project), error) ||
      !_zs_require_non_negative ("land_mu", zs_project_get_land_mu (project), error) ||
      !require_clause (self, zs_project_get_clause (project), error) ||
      !resolve_sectors (self, record, error))
    return FALSE;

  if (referrer != 0)
    {
      if (referrer == zs_project_get_firm_id (project))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("referrer_firm_id: a firm cannot refer its own project"));
          return FALSE;
        }
      if (!_zs_require_firm (self, "referrer_firm_id", referrer, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_activity (ZsStore  *self,
                   GObject  *record,
                   GError  **error)
{
  ZsActivity *activity = ZS_ACTIVITY (record);
  gint64 project_id = zs_activity_get_project_id (activity);

  if (!_zs_require_firm (self, "firm_id", zs_activity_get_firm_id (activity), error) ||
      !_zs_require_date ("date", zs_activity_get_date (activity), TRUE, error) ||
      !_zs_require_date ("next_follow_up", zs_activity_get_next_follow_up (activity), FALSE, error))
    return FALSE;

  if (project_id != 0)
    {
      gint64 owner = _zs_store_count (self,
                                      "SELECT coalesce ((SELECT firm_id FROM projects WHERE id = ?), 0)",
                                      project_id, error);

      if (owner < 0)
        return FALSE;
      if (owner == 0)
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("project_id: there is no project with id %" PRId64), project_id);
          return FALSE;
        }
      if (owner != zs_activity_get_firm_id (activity))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("project_id: project %" PRId64 " does not belong to firm %" PRId64),
                       project_id, zs_activity_get_firm_id (activity));
          return FALSE;
        }
    }
  return TRUE;
}

/* A role may have changed: whether the actor may write is read again. */
static gboolean
staff_after_write (ZsStore       *self,
                   GObject       *record,
                   ZsChangeKind   kind,
                   GError       **error)
{
  _zs_store_forget_write_role (self);
  return TRUE;
}

static gboolean
validate_staff (ZsStore  *self,
                GObject  *record,
                GError  **error)
{
  ZsStaff *staff = ZS_STAFF (record);
  g_autofree char *name = _zs_text_normalize_name (zs_staff_get_name (staff));
  sqlite3_stmt *stmt;
  int rc;

  /* Stored as actors are compared: NFKC, without blanks around it. */
  if (name != NULL && !g_str_equal (name, zs_staff_get_name (staff)))
    zs_staff_set_name (staff, name);
  if (!_zs_require_text ("name", zs_staff_get_name (staff), error) ||
      !require_park (self, zs_staff_get_park_code (staff), error))
    return FALSE;

  if (!(stmt = _zs_store_prepare (self, "SELECT id FROM staff WHERE name = ? AND id != ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, zs_staff_get_name (staff), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, zs_staff_get_id (staff));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _zs_store_set_error (self, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE,
                   _("name: there is already a staff member “%s”"), zs_staff_get_name (staff));
      return FALSE;
    }
  return TRUE;
}

static const char * const firm_columns[] = {
  "uscc", "name", "name-other", "ownership", "country", "region-code", "address",
  "registered-capital", "business-scope", "website", "notes", "created-at", "updated-at", NULL
};
static const char * const contact_columns[] = {
  "firm-id", "name", "title", "phone", "email", "notes", NULL
};
static const char * const project_columns[] = {
  "firm-id", "title", "park-code", "stage", "planned-investment", "realised-investment",
  "planned-jobs", "land-mu", "source-channel", "referrer-firm-id", "owner", "clause",
  "created-at", "updated-at", NULL
};
static const char * const activity_columns[] = {
  "firm-id", "project-id", "kind", "date", "who", "notes", "next-follow-up", "created-at", NULL
};
static const char * const staff_columns[] = { "name", "role", "park-code", NULL };
static const char * const sector_columns[] = {
  "code", "name", "name-en", "parent-code", "clause", "priority", "synonyms", NULL
};
static const char * const park_columns[] = {
  "code", "name", "name-en", "kind", "region-code", "parent-code", "clause", NULL
};
static const char * const region_columns[] = { "code", "name", "name-en", "group-name", NULL };
static const char * const clause_columns[] = {
  "number", "numeral", "part", "part-title", "title", "lead-unit", "responsible-units", NULL
};
static const char * const target_columns[] = {
  "code", "name", "name-en", "scope", "year", "value", "unit", "comparison", "growth-pct", "clause", NULL
};
static const char * const change_columns[] = {
  "at", "actor", "entity", "entity-id", "kind", "field", "old-value", "new-value", "reverted-by", "import-id", NULL
};
static const char * const stage_change_columns[] = {
  "project-id", "from-stage", "to-stage", "reason", "actor", "at", NULL
};

const ZsEntity zs_entity_firm = {
  "firm", "firms", zs_firm_get_type, firm_columns, "firm_sectors", "firm_id", TRUE,
  validate_firm, firm_before_write, firm_after_write, "name_hash", firm_name_hash,
};
const ZsEntity zs_entity_contact = {
  "contact", "contacts", zs_contact_get_type, contact_columns, NULL, NULL, FALSE,
  validate_contact, contact_before_write, contact_after_write,
};
const ZsEntity zs_entity_project = {
  "project", "projects", zs_project_get_type, project_columns, "project_sectors", "project_id", TRUE,
  validate_project, NULL,
};
const ZsEntity zs_entity_activity = {
  "activity", "activities", zs_activity_get_type, activity_columns, NULL, NULL, TRUE,
  validate_activity, NULL,
};
const ZsEntity zs_entity_staff = {
  "staff", "staff", zs_staff_get_type, staff_columns, NULL, NULL, FALSE,
  validate_staff, NULL, staff_after_write,
};
static const ZsEntity entity_sector = { "sector", "sectors", zs_sector_get_type, sector_columns };
static const ZsEntity entity_park = { "park", "parks", zs_park_get_type, park_columns };
static const ZsEntity entity_region = { "region", "regions", zs_region_get_type, region_columns };
static const ZsEntity entity_clause = { "clause", "clauses", zs_clause_get_type, clause_columns };
static const ZsEntity entity_target = { "target", "targets", zs_target_get_type, target_columns };
static const ZsEntity entity_change = { "change", "changes", zs_change_get_type, change_columns };
const ZsEntity zs_entity_stage_change = {
  "stage_change", "stage_changes", zs_stage_change_get_type, stage_change_columns
};

const ZsEntity *
_zs_entity_lookup (const char *name)
{
  const ZsEntity *audited[] = {
    &zs_entity_firm, &zs_entity_contact, &zs_entity_project, &zs_entity_activity, &zs_entity_staff,
  };

  for (guint i = 0; i < G_N_ELEMENTS (audited); i++)
    if (g_strcmp0 (audited[i]->name, name) == 0)
      return audited[i];
  return _zs_declared_entity_lookup (name);
}

/* Runs a SELECT built from @tail with integer/text parameters bound in order:
 * NULL-terminated pairs of (type char, value); 'i' for gint64, 's' for text. */
static GPtrArray *
list_records (ZsStore        *self,
              const ZsEntity *entity,
              const char     *tail,
              GError        **error,
              ...)
{
  g_autofree char *sql = _zs_record_select_sql (entity, tail);
  sqlite3_stmt *stmt = _zs_store_prepare (self, sql, error);
  va_list args;
  int index = 1;
  const char *kind;

  if (stmt == NULL)
    return NULL;

  va_start (args, error);
  while ((kind = va_arg (args, const char *)) != NULL)
    {
      if (kind[0] == 'i')
        sqlite3_bind_int64 (stmt, index++, va_arg (args, gint64));
      else
        sqlite3_bind_text (stmt, index++, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
    }
  va_end (args);

  return _zs_record_collect (self, entity, stmt, error);
}

static gint64
sql_limit (guint limit)
{
  return limit == 0 ? -1 : (gint64) limit;
}

/**
 * zs_store_add_firm:
 * @self: a #ZsStore
 * @firm: an unsaved firm
 * @error: return location for a #GError
 *
 * Validates and saves @firm: the name is required; the USCC is normalised,
 * checked against GB 32100-2015 and must be unused (the error names the firm
 * that has it); sectors may be given by code or by unique name.
 *
 * Returns: the new id, or 0 with @error set and nothing written
 */
gint64
zs_store_add_firm (ZsStore  *self,
                   ZsFirm   *firm,
                   GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), 0);
  g_return_val_if_fail (ZS_IS_FIRM (firm), 0);
  g_return_val_if_fail (zs_firm_get_id (firm) == 0, 0);

  return _zs_record_insert (self, &zs_entity_firm, G_OBJECT (firm), error);
}

/**
 * zs_store_update_firm:
 * @self: a #ZsStore
 * @firm: a saved firm with edited fields
 * @error: return location for a #GError
 *
 * Saves the fields of @firm that changed, one audit entry per field.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_store_update_firm (ZsStore  *self,
                      ZsFirm   *firm,
                      GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZS_IS_FIRM (firm), FALSE);

  return _zs_record_update (self, &zs_entity_firm, G_OBJECT (firm), error);
}

static gboolean
require_unreferenced_firm (ZsStore  *self,
                           gint64    id,
                           GError  **error)
{
  gint64 projects = _zs_store_count (self,
                                     "SELECT count(*) FROM projects WHERE firm_id = ?1 OR referrer_firm_id = ?1",
                                     id, error);
  gint64 activities = projects < 0 ? -1 :
    _zs_store_count (self, "SELECT count(*) FROM activities WHERE firm_id = ?", id, error);

  if (projects < 0 || activities < 0)
    return FALSE;
  if (projects == 0 && activities == 0)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_IN_USE,
               _("Firm %" PRId64 " still has %" PRId64 " projects (or referrals) and %"
                 PRId64 " activities; delete those first"),
               id, projects, activities);
  return FALSE;
}

/**
 * zs_store_delete_firm:
 * @self: a #ZsStore
 * @id: the firm's id
 * @error: return location for a #GError
 *
 * Deletes a firm and its contacts, each kept in the audit trail as one
 * group, so that reverting the firm's deletion restores them too; so do
 * plugin records whose reference to the firm cascades. A firm with
 * projects or activities, or a plugin record whose reference restricts, is
 * refused with %ZS_ERROR_IN_USE.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_store_delete_firm (ZsStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(GPtrArray) contacts = NULL;
  gint64 group;

  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);

  if (!_zs_require_firm (self, "id", id, error) ||
      !require_unreferenced_firm (self, id, error) ||
      !(contacts = zs_store_list_contacts (self, id, error)))
    return FALSE;

  if (!_zs_store_savepoint (self, error))
    return FALSE;
  if (!(group = _zs_audit_group_begin (self, error)) ||
      !_zs_store_delete_declared_dependents (self, zs_entity_firm.name, id, error))
    goto failed;
  for (guint i = 0; i < contacts->len; i++)
    if (!_zs_record_delete (self, &zs_entity_contact, zs_contact_get_id (g_ptr_array_index (contacts, i)), error))
      goto failed;
  if (!_zs_record_delete (self, &zs_entity_firm, id, error) ||
      !_zs_audit_group_end (self, group, error))
    goto failed;
  return _zs_store_release (self, error);

failed:
  _zs_store_rollback_to (self);
  return FALSE;
}

/**
 * zs_store_get_firm:
 * @self: a #ZsStore
 * @id: the firm's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the firm, or %NULL with %ZS_ERROR_NOT_FOUND
 */
ZsFirm *
zs_store_get_firm (ZsStore  *self,
                   gint64    id,
                   GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return ZS_FIRM (_zs_record_load (self, &zs_entity_firm, id, error));
}

/**
 * zs_store_find_firm_by_uscc:
 * @self: a #ZsStore
 * @uscc: a unified social credit code, normalised first
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the firm, or %NULL with %ZS_ERROR_NOT_FOUND
 */
ZsFirm *
zs_store_find_firm_by_uscc (ZsStore     *self,
                            const char  *uscc,
                            GError     **error)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GPtrArray) firms = NULL;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);
  g_return_val_if_fail (uscc != NULL, NULL);

  normalized = zs_uscc_normalize (uscc);
  firms = list_records (self, &zs_entity_firm, "WHERE t.uscc = ?", error, "s", normalized, NULL);
  if (firms == NULL)
    return NULL;
  if (firms->len == 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                   _("There is no firm with the code “%s”"), normalized);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (firms, 0));
}

static const char *
sector_filter (const char *sector)
{
  return sector != NULL ? " AND t.id IN (SELECT firm_id FROM firm_sectors WHERE sector_code = ?2)" : "";
}

/* Ranking reads every match, so a character found in most firms would take
 * a second; only the newest RANK_WINDOW matches are ranked, older ones
 * follow newest first. Fewer matches than that are all ranked. */
#define RANK_WINDOW 20000

static const char *
search_sector_filter (const char *sector)
{
  return sector != NULL ? " AND rowid IN (SELECT firm_id FROM firm_sectors WHERE sector_code = ?2)" : "";
}

/* Codes that contain a fragment typed from the middle of a credit code
 * ("MAFFLDWD8G"): the index finds words by their start only. */
#define CODE_FRAGMENT_MATCHES 200

static gboolean
looks_like_code_fragment (const char *text)
{
  gsize length = strlen (text);
  gboolean digit = FALSE;

  if (length < 4 || length > 17)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        return FALSE;
      digit = digit || g_ascii_isdigit (*p);
    }
  return digit || length >= 6;
}

/* @term's expression, or that or the codes @term is the middle or end of. */
static gboolean
append_term_match (ZsStore     *self,
                   GString     *match,
                   const char  *term,
                   GError     **error)
{
  g_autofree char *fragment = g_ascii_strup (term, -1);
  g_autofree char *own = zs_search_build_match (term);
  sqlite3_stmt *stmt;
  int rc;

  if (own == NULL)
    return TRUE;
  /* FTS5 has no implicit AND next to a parenthesis. */
  if (match->len > 0)
    g_string_append (match, " AND ");
  if (!looks_like_code_fragment (fragment))
    {
      g_string_append (match, own);
      return TRUE;
    }
  if (!(stmt = _zs_store_prepare (self, "SELECT uscc FROM firms WHERE instr (uscc, ?) > 1 LIMIT ?", error)))
    return FALSE;
  g_string_append_printf (match, "(%s", own);
  sqlite3_bind_text (stmt, 1, fragment, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, CODE_FRAGMENT_MATCHES);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (match, " OR uscc : \"%s\"", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_string_append_c (match, ')');
  if (rc != SQLITE_DONE)
    _zs_store_set_error (self, error);
  return rc == SQLITE_DONE;
}

/* The FTS expression for @search, each term widened by the codes it is the
 * middle or end of; NULL when nothing in @search is searchable. */
static char *
firm_match (ZsStore    *self,
            const char *search,
            GError    **error)
{
  g_autoptr(GString) match = g_string_new (search);
  g_auto(GStrv) terms = NULL;

  g_string_replace (match, "\u3000", " ", 0);
  terms = g_strsplit_set (match->str, " \t\n\r", -1);
  g_string_truncate (match, 0);
  for (guint i = 0; terms[i] != NULL; i++)
    if (!append_term_match (self, match, terms[i], error))
      return NULL;
  return match->len > 0 ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
}

/* The rowid of the oldest of the newest RANK_WINDOW matches, and how many
 * matches that window holds. */
static gboolean
rank_window (ZsStore     *self,
             const char  *match,
             const char  *sector,
             gint64      *oldest,
             gint64      *size,
             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (min (rowid), 0), count (*) FROM "
                                          "(SELECT rowid FROM firm_search WHERE firm_search MATCH ?1%s "
                                          "ORDER BY rowid DESC LIMIT %d)",
                                          search_sector_filter (sector), RANK_WINDOW);
  sqlite3_stmt *stmt = _zs_store_prepare (self, sql, error);
  gboolean ok = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  if (sector != NULL)
    sqlite3_bind_text (stmt, 2, sector, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *oldest = sqlite3_column_int64 (stmt, 0);
      *size = sqlite3_column_int64 (stmt, 1);
      ok = TRUE;
    }
  else
    _zs_store_set_error (self, error);
  sqlite3_reset (stmt);
  return ok;
}

/* The page is chosen inside firm_search, so only its rows are read from
 * firms. */
static GPtrArray *
search_firms (ZsStore     *self,
              const char  *match,
              const char  *sector,
              guint        offset,
              guint        limit,
              GError     **error)
{
  g_autoptr(GPtrArray) firms = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 oldest, size;

  if (!rank_window (self, match, sector, &oldest, &size, error))
    return NULL;

  if (offset < size)
    {
      g_autofree char *tail = g_strdup_printf ("JOIN (SELECT rowid AS id, zs_rank (firm_search) AS r FROM firm_search "
                                               "WHERE firm_search MATCH ?1 AND rowid >= ?5%s "
                                               "ORDER BY r, rowid LIMIT ?3 OFFSET ?4) s ON s.id = t.id "
                                               "ORDER BY s.r, s.id",
                                               search_sector_filter (sector));
      g_autoptr(GPtrArray) page = list_records (self, &zs_entity_firm, tail, error,
                                                "s", match, "s", sector, "i", sql_limit (limit),
                                                "i", (gint64) offset, "i", oldest, NULL);
      if (page == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (firms, g_steal_pointer (&page));
    }

  if (size == RANK_WINDOW && (limit == 0 || firms->len < limit))
    {
      g_autofree char *tail = g_strdup_printf ("JOIN (SELECT rowid AS id FROM firm_search "
                                               "WHERE firm_search MATCH ?1 AND rowid < ?5%s "
                                               "ORDER BY rowid DESC LIMIT ?3 OFFSET ?4) s ON s.id = t.id "
                                               "ORDER BY s.id DESC",
                                               search_sector_filter (sector));
      g_autoptr(GPtrArray) older = list_records (self, &zs_entity_firm, tail, error,
                                                 "s", match, "s", sector,
                                                 "i", limit == 0 ? (gint64) -1 : (gint64) (limit - firms->len),
                                                 "i", (gint64) (offset > size ? offset - size : 0),
                                                 "i", oldest, NULL);
      if (older == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (firms, g_steal_pointer (&older));
    }

  return g_steal_pointer (&firms);
}

/**
 * zs_store_list_firms:
 * @self: a #ZsStore
 * @search: (nullable): text to look for in names, other-script names, USCC,
 *   business scope and contact names; Chinese terms of any length, including
 *   one character, match as substrings
 * @sector: (nullable): only firms in this sector (code)
 * @offset: rows to skip
 * @limit: rows to return, 0 for all
 * @error: return location for a #GError
 *
 * Lists firms, best matches first when searching, else by id. A name match
 * ranks above an other-script name, USCC or contact match, and those above a
 * business-scope match. When more than 20 000 firms match (a very common
 * character), the newest 20 000 are ranked and the rest follow, newest
 * first, so that a page costs milliseconds on a million firms.
 *
 * Returns: (transfer container) (element-type ZsFirm): the firms
 */
GPtrArray *
zs_store_list_firms (ZsStore     *self,
                     const char  *search,
                     const char  *sector,
                     guint        offset,
                     guint        limit,
                     GError     **error)
{
  g_autofree char *match = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (search ? search : ""));
  GError *local_error = NULL;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  if (stripped[0] == '\0')
    {
      tail = g_strdup_printf ("WHERE 1%s ORDER BY t.id LIMIT ?3 OFFSET ?4",
                              sector_filter (sector));
      return list_records (self, &zs_entity_firm, tail, error,
                           "s", NULL, "s", sector, "i", sql_limit (limit), "i", (gint64) offset, NULL);
    }

  match = firm_match (self, search, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (match == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  return search_firms (self, match, sector, offset, limit, error);
}

/* The id each page of @sql's rows follows: 0 for the first page, then the
 * last id of every full page but the last. One pass over the ids, which is
 * what counting them costs anyway; then any page is one seek. */
static gint64
page_cursors (ZsStore     *self,
              const char  *sql,
              guint        page_size,
              GArray     **cursors,
              GError     **error,
              ...)
{
  sqlite3_stmt *stmt = _zs_store_prepare (self, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 zero = 0, count = 0;
  va_list args;
  int index = 1, rc;
  const char *kind;

  if (stmt == NULL)
    return -1;
  va_start (args, error);
  while ((kind = va_arg (args, const char *)) != NULL)
    {
      if (kind[0] == 'i')
        sqlite3_bind_int64 (stmt, index++, va_arg (args, gint64));
      else
        sqlite3_bind_text (stmt, index++, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
    }
  va_end (args);

  g_array_append_val (ids, zero);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (++count % page_size == 0)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (ids, id);
      }
  if (rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      sqlite3_reset (stmt);
      return -1;
    }
  sqlite3_reset (stmt);
  /* a cursor after the last row starts no page */
  if (count > 0 && count % page_size == 0)
    g_array_set_size (ids, ids->len - 1);
  if (cursors != NULL)
    *cursors = g_steal_pointer (&ids);
  return count;
}

/**
 * zs_store_count_firm_pages:
 * @self: a #ZsStore
 * @sector: (nullable): only firms in this sector (code)
 * @page_size: rows in a page
 * @cursors: (out) (optional) (element-type gint64): for every page, the id it
 *   follows, to pass to zs_store_list_firms_after(); 0 for the first
 * @error: return location for a #GError
 *
 * Counts the firms zs_store_list_firms() lists without a search, and where
 * each page of them starts, so that the last page of a million firms is
 * read as fast as the first.
 *
 * Returns: the number of firms, or -1
 */
gint64
zs_store_count_firm_pages (ZsStore     *self,
                           const char  *sector,
                           guint        page_size,
                           GArray     **cursors,
                           GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (ZS_IS_STORE (self), -1);
  g_return_val_if_fail (page_size > 0, -1);

  sql = g_strdup_printf ("SELECT t.id FROM firms t WHERE 1%s ORDER BY t.id",
                         sector_filter (sector));
  return page_cursors (self, sql, page_size, cursors, error, "s", NULL, "s", sector, NULL);
}

/**
 * zs_store_list_firms_after:
 * @self: a #ZsStore
 * @sector: (nullable): only firms in this sector (code)
 * @after_id: list the firms after this id (keyset paging); 0 from the first
 * @limit: rows to return, 0 for all
 * @error: return location for a #GError
 *
 * Lists firms by id as zs_store_list_firms() does without a search, but
 * from a cursor rather than an offset: every page costs the same.
 *
 * Returns: (transfer container) (element-type ZsFirm): the firms
 */
GPtrArray *
zs_store_list_firms_after (ZsStore     *self,
                           const char  *sector,
                           gint64       after_id,
                           guint        limit,
                           GError     **error)
{
  g_autofree char *tail = NULL;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  tail = g_strdup_printf ("WHERE t.id > ?1%s ORDER BY t.id LIMIT ?3", sector_filter (sector));
  return list_records (self, &zs_entity_firm, tail, error,
                       "i", after_id, "s", sector, "i", sql_limit (limit), NULL);
}

/**
 * zs_store_count_firms:
 * @self: a #ZsStore
 * @search: (nullable): as for zs_store_list_firms()
 * @sector: (nullable): as for zs_store_list_firms()
 * @error: return location for a #GError
 *
 * Returns: the number of firms zs_store_list_firms() would list, or -1
 */
gint64
zs_store_count_firms (ZsStore     *self,
                      const char  *search,
                      const char  *sector,
                      GError     **error)
{
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (search ? search : ""));
  sqlite3_stmt *stmt;
  gint64 count = -1;

  GError *local_error = NULL;

  g_return_val_if_fail (ZS_IS_STORE (self), -1);

  if (stripped[0] != '\0' && !(match = firm_match (self, search, &local_error)))
    {
      if (local_error == NULL)
        return 0;
      g_propagate_error (error, local_error);
      return -1;
    }

  sql = match != NULL
    ? g_strdup_printf ("SELECT count(*) FROM firm_search WHERE firm_search MATCH ?1%s",
                       search_sector_filter (sector))
    : g_strdup_printf ("SELECT count(*) FROM firms t WHERE 1%s", sector_filter (sector));

  if (!(stmt = _zs_store_prepare (self, sql, error)))
    return -1;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  if (sector != NULL)
    sqlite3_bind_text (stmt, 2, sector, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _zs_store_set_error (self, error);
  sqlite3_reset (stmt);
  return count;
}

/**
 * zs_store_add_contact:
 * @self: a #ZsStore
 * @contact: an unsaved contact of an existing firm
 * @error: return location for a #GError
 *
 * Returns: the new id, or 0 with @error set
 */
gint64
zs_store_add_contact (ZsStore    *self,
                      ZsContact  *contact,
                      GError    **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), 0);
  g_return_val_if_fail (ZS_IS_CONTACT (contact), 0);

  return _zs_record_insert (self, &zs_entity_contact, G_OBJECT (contact), error);
}

gboolean
zs_store_update_contact (ZsStore    *self,
                         ZsContact  *contact,
                         GError    **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZS_IS_CONTACT (contact), FALSE);

  return _zs_record_update (self, &zs_entity_contact, G_OBJECT (contact), error);
}

gboolean
zs_store_delete_contact (ZsStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);

  return _zs_record_delete (self, &zs_entity_contact, id, error);
}

/**
 * zs_store_get_contact:
 * @self: a #ZsStore
 * @id: the contact's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the contact, or %NULL with %ZS_ERROR_NOT_FOUND
 */
ZsContact *
zs_store_get_contact (ZsStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return ZS_CONTACT (_zs_record_load (self, &zs_entity_contact, id, error));
}

/**
 * zs_store_list_contacts:
 * @self: a #ZsStore
 * @firm_id: the firm, or 0 for every contact
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsContact): the contacts
 */
GPtrArray *
zs_store_list_contacts (ZsStore  *self,
                        gint64    firm_id,
                        GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return list_records (self, &zs_entity_contact, "WHERE ?1 = 0 OR t.firm_id = ?1 ORDER BY t.id", error,
                       "i", firm_id, NULL);
}

static gboolean
record_stage_change (ZsStore     *self,
                     gint64       project_id,
                     const char  *from,
                     const char  *to,
                     const char  *reason,
                     GError     **error)
{
  g_autofree char *now = _zs_store_now ();
  sqlite3_stmt *stmt = _zs_store_prepare (self,
                                          "INSERT INTO stage_changes (project_id, from_stage, to_stage, reason, actor, at) "
                                          "VALUES (?, ?, ?, ?, ?, ?)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, zs_store_get_actor (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  return _zs_store_step_done (self, stmt, error);
}

/**
 * zs_store_add_project:
 * @self: a #ZsStore
 * @project: an unsaved project
 * @error: return location for a #GError
 *
 * Saves @project and records its first stage.
 *
 * Returns: the new id, or 0 with @error set
 */
gint64
zs_store_add_project (ZsStore    *self,
                      ZsProject  *project,
                      GError    **error)
{
  ZsStage stage;
  gint64 id;

  g_return_val_if_fail (ZS_IS_STORE (self), 0);
  g_return_val_if_fail (ZS_IS_PROJECT (project), 0);

  stage = zs_project_get_stage (project);
  if (zs_stage_requires_reason (stage))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("stage: a project cannot start as “%s”; add it, then move it with a reason"),
                   zs_enum_to_nick (ZS_TYPE_STAGE, stage));
      return 0;
    }

  if (!_zs_store_savepoint (self, error))
    return 0;
  if (!(id = _zs_record_insert (self, &zs_entity_project, G_OBJECT (project), error)) ||
      !record_stage_change (self, id, NULL, zs_enum_to_nick (ZS_TYPE_STAGE, stage), NULL, error))
    {
      _zs_store_rollback_to (self);
      return 0;
    }
  return _zs_store_release (self, error) ? id : 0;
}

/**
 * zs_store_update_project:
 * @self: a #ZsStore
 * @project: a saved project with edited fields
 * @error: return location for a #GError
 *
 * Saves changed fields. The stage changes only through
 * zs_store_move_project(), which keeps the stage history.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_store_update_project (ZsStore    *self,
                         ZsProject  *project,
                         GError    **error)
{
  g_autoptr(ZsProject) current = NULL;

  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZS_IS_PROJECT (project), FALSE);

  current = zs_store_get_project (self, zs_project_get_id (project), error);
  if (current == NULL)
    return FALSE;
  if (zs_project_get_stage (current) != zs_project_get_stage (project))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("stage: change the stage with “projects move”, which keeps its history"));
      return FALSE;
    }
  return _zs_record_update (self, &zs_entity_project, G_OBJECT (project), error);
}

/* The stage history goes with its project (ON DELETE CASCADE); each step
 * is deleted and audited first, so that a revert can put it back. */
static gboolean
delete_project_with_history (ZsStore  *self,
                             gint64    id,
                             GError  **error)
{
  g_autoptr(GPtrArray) history = zs_store_list_stage_changes (self, id, error);
  gint64 group;

  if (history == NULL || !_zs_store_savepoint (self, error))
    return FALSE;
  if (!(group = _zs_audit_group_begin (self, error)) ||
      !_zs_store_delete_declared_dependents (self, zs_entity_project.name, id, error))
    goto failed;
  for (guint i = 0; i < history->len; i++)
    if (!_zs_record_delete (self, &zs_entity_stage_change,
                            zs_stage_change_get_id (g_ptr_array_index (history, i)), error))
      goto failed;
  if (!_zs_record_delete (self, &zs_entity_project, id, error) ||
      !_zs_audit_group_end (self, group, error))
    goto failed;
  return _zs_store_release (self, error);

failed:
  _zs_store_rollback_to (self);
  return FALSE;
}

/**
 * zs_store_delete_project:
 * @self: a #ZsStore
 * @id: the project's id
 * @error: return location for a #GError
 *
 * Deletes a project and its stage history, kept in the audit trail as one
 * group so that reverting the deletion restores both; so do plugin records
 * whose reference to the project cascades. A project with activities, or a
 * plugin record whose reference restricts, is refused with
 * %ZS_ERROR_IN_USE.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_store_delete_project (ZsStore  *self,
                         gint64    id,
                         GError  **error)
{
  gint64 activities;

  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);

  activities = _zs_store_count (self, "SELECT count(*) FROM activities WHERE project_id = ?", id, error);
  if (activities < 0)
    return FALSE;
  if (activities > 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_IN_USE,
                   _("Project %" PRId64 " still has %" PRId64 " activities; delete those first"),
                   id, activities);
      return FALSE;
    }
  return delete_project_with_history (self, id, error);
}

/**
 * zs_store_get_project:
 * @self: a #ZsStore
 * @id: the project's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the project, or %NULL with %ZS_ERROR_NOT_FOUND
 */
ZsProject *
zs_store_get_project (ZsStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return ZS_PROJECT (_zs_record_load (self, &zs_entity_project, id, error));
}

/**
 * zs_store_list_projects:
 * @self: a #ZsStore
 * @firm_id: only this firm's projects, or 0
 * @stage: (nullable): only projects at this stage (nick)
 * @park: (nullable): only projects in this park (code)
 * @offset: rows to skip
 * @limit: rows to return, 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsProject): the projects
 */
GPtrArray *
zs_store_list_projects (ZsStore     *self,
                        gint64       firm_id,
                        const char  *stage,
                        const char  *park,
                        guint        offset,
                        guint        limit,
                        GError     **error)
{
  int value;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  if (stage != NULL && !zs_enum_from_nick (ZS_TYPE_STAGE, "stage", stage, &value, error))
    return NULL;

  return list_records (self, &zs_entity_project,
                       "WHERE (?1 = 0 OR t.firm_id = ?1) AND (?2 IS NULL OR t.stage = ?2) "
                       "AND (?3 IS NULL OR t.park_code = ?3) ORDER BY t.id LIMIT ?4 OFFSET ?5",
                       error, "i", firm_id, "s", stage, "s", park,
                       "i", sql_limit (limit), "i", (gint64) offset, NULL);
}

#define PROJECT_FILTER "(?1 = 0 OR t.firm_id = ?1) AND (?2 IS NULL OR t.stage = ?2) " \
                       "AND (?3 IS NULL OR t.park_code = ?3)"

/**
 * zs_store_count_project_pages:
 * @self: a #ZsStore
 * @firm_id: only this firm's projects, or 0
 * @stage: (nullable): only projects at this stage (nick)
 * @park: (nullable): only projects in this park (code)
 * @page_size: rows in a page
 * @cursors: (out) (optional) (element-type gint64): for every page, the id it
 *   follows, to pass to zs_store_list_projects_after(); 0 for the first
 * @error: return location for a #GError
 *
 * Returns: the number of projects zs_store_list_projects() lists, or -1
 */
gint64
zs_store_count_project_pages (ZsStore     *self,
                              gint64       firm_id,
                              const char  *stage,
                              const char  *park,
                              guint        page_size,
                              GArray     **cursors,
                              GError     **error)
{
  int value;

  g_return_val_if_fail (ZS_IS_STORE (self), -1);
  g_return_val_if_fail (page_size > 0, -1);

  if (stage != NULL && !zs_enum_from_nick (ZS_TYPE_STAGE, "stage", stage, &value, error))
    return -1;
  return page_cursors (self, "SELECT t.id FROM projects t WHERE " PROJECT_FILTER " ORDER BY t.id",
                       page_size, cursors, error, "i", firm_id, "s", stage, "s", park, NULL);
}

/**
 * zs_store_list_projects_after:
 * @self: a #ZsStore
 * @firm_id: only this firm's projects, or 0
 * @stage: (nullable): only projects at this stage (nick)
 * @park: (nullable): only projects in this park (code)
 * @after_id: list the projects after this id (keyset paging); 0 from the first
 * @limit: rows to return, 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsProject): the projects, by id
 */
GPtrArray *
zs_store_list_projects_after (ZsStore     *self,
                              gint64       firm_id,
                              const char  *stage,
                              const char  *park,
                              gint64       after_id,
                              guint        limit,
                              GError     **error)
{
  int value;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  if (stage != NULL && !zs_enum_from_nick (ZS_TYPE_STAGE, "stage", stage, &value, error))
    return NULL;
  return list_records (self, &zs_entity_project,
                       "WHERE " PROJECT_FILTER " AND t.id > ?4 ORDER BY t.id LIMIT ?5",
                       error, "i", firm_id, "s", stage, "s", park,
                       "i", after_id, "i", sql_limit (limit), NULL);
}

/* The projects a #ZsProjectFilter selects: the firm joined for its name,
 * a sector through project_sectors, text in the title or the firm's name
 * in any case, the day it was added. Parameters ?1 … ?8 in the order of
 * bind_project_filter(). */
#define PROJECT_MATCH \
  "LEFT JOIN firms f ON f.id = t.firm_id " \
  "WHERE (?1 = 0 OR t.firm_id = ?1) AND (?2 IS NULL OR t.stage = ?2) " \
  "AND (?3 IS NULL OR t.park_code = ?3) AND (?4 IS NULL OR t.owner = ?4) " \
  "AND (?5 IS NULL OR t.id IN (SELECT project_id FROM project_sectors WHERE sector_code = ?5)) " \
  "AND (?6 IS NULL OR instr (lower (t.title), lower (?6)) > 0 OR instr (lower (f.name), lower (?6)) > 0) " \
  "AND (?7 IS NULL OR substr (t.created_at, 1, 10) >= ?7) AND (?8 IS NULL OR substr (t.created_at, 1, 10) <= ?8)"

/* A day as YYYY-MM-DD, or nothing. */
static gboolean
check_date (const char  *field,
            const char  *text,
            GError     **error)
{
  int year, month, day;
  char end;

  if (text == NULL || text[0] == '\0')
    return TRUE;
  if (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 &&
      g_date_valid_dmy (day, month, year))
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               /* Translators: %s is the field, then what was given */
               _("%s: “%s” is not a date (YYYY-MM-DD)"), field, text);
  return FALSE;
}

static gboolean
check_project_filter (const ZsProjectFilter  *filter,
                      GError                **error)
{
  int value;

  if (filter->stage != NULL && !zs_enum_from_nick (ZS_TYPE_STAGE, "stage", filter->stage, &value, error))
    return FALSE;
  if (!check_date ("created_from", filter->created_from, error) ||
      !check_date ("created_to", filter->created_to, error))
    return FALSE;
  if (filter->sort != NULL && !zs_project_filter_is_sort_column (filter->sort))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("sort: projects cannot be listed by “%s”"), filter->sort);
      return FALSE;
    }
  return TRUE;
}

static const char *
empty_to_null (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static void
bind_project_filter (sqlite3_stmt          *stmt,
                     const ZsProjectFilter *filter)
{
  const char *texts[] = { filter->stage, filter->park, filter->owner, filter->sector, filter->search,
                          filter->created_from, filter->created_to };

  sqlite3_bind_int64 (stmt, 1, filter->firm_id);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *text = empty_to_null (texts[i]);

      if (text != NULL)
        sqlite3_bind_text (stmt, 2 + i, text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 2 + i);
    }
}

/* The ORDER BY of a sort column; stages go in pipeline order, and the id
 * keeps rows of equal value in a stable order between pages. */
static char *
project_order (const ZsProjectFilter *filter)
{
  const char *direction = filter->direction == ZS_SORT_DESCENDING ? "DESC" : "ASC";
  g_autoptr(GString) order = g_string_new ("ORDER BY ");
  const char *sort = filter->sort;

  if (sort == NULL)
    ;
  else if (g_str_equal (sort, "stage"))
    {
      g_string_append (order, "CASE t.stage");
      for (ZsStage stage = ZS_STAGE_LEAD; stage <= ZS_STAGE_LOST; stage++)
        g_string_append_printf (order, " WHEN '%s' THEN %d", zs_enum_to_nick (ZS_TYPE_STAGE, stage), stage);
      g_string_append_printf (order, " END %s, ", direction);
    }
  else
    {
      const char *columns[][2] = {
        { "title", "t.title COLLATE NOCASE" }, { "firm", "f.name COLLATE NOCASE" },
        { "park", "t.park_code" }, { "owner", "t.owner COLLATE NOCASE" },
        { "planned", "t.planned_investment" }, { "realised", "t.realised_investment" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        if (g_str_equal (sort, columns[i][0]))
          g_string_append_printf (order, "%s %s, ", columns[i][1], direction);
    }
  g_string_append_printf (order, "t.id %s", sort != NULL ? direction : "ASC");
  return g_string_free (g_steal_pointer (&order), FALSE);
}

/**
 * zs_store_count_projects_matching:
 * @self: a #ZsStore
 * @filter: which projects
 * @error: return location for a #GError
 *
 * Returns: how many projects @filter selects, or -1 with @error set
 */
gint64
zs_store_count_projects_matching (ZsStore                *self,
                                  const ZsProjectFilter  *filter,
                                  GError                **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (ZS_IS_STORE (self), -1);
  g_return_val_if_fail (filter != NULL, -1);

  if (!check_project_filter (filter, error) ||
      !(stmt = _zs_store_prepare (self, "SELECT count(*) FROM projects t " PROJECT_MATCH, error)))
    return -1;
  bind_project_filter (stmt, filter);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _zs_store_set_error (self, error);
  sqlite3_reset (stmt);
  return count;
}

/**
 * zs_store_list_projects_matching:
 * @self: a #ZsStore
 * @filter: which projects, in which order
 * @offset: rows to skip
 * @limit: rows to return, 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsProject): the projects, or
 *   %NULL with @error set: %ZS_ERROR_INVALID for an unknown stage or sort
 *   column
 */
GPtrArray *
zs_store_list_projects_matching (ZsStore                *self,
                                 const ZsProjectFilter  *filter,
                                 guint                   offset,
                                 guint                   limit,
                                 GError                **error)
{
  g_autofree char *order = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!check_project_filter (filter, error))
    return NULL;
  order = project_order (filter);
  tail = g_strdup_printf (PROJECT_MATCH " %s LIMIT ?9 OFFSET ?10", order);
  sql = _zs_record_select_sql (&zs_entity_project, tail);
  if (!(stmt = _zs_store_prepare (self, sql, error)))
    return NULL;
  bind_project_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, 9, sql_limit (limit));
  sqlite3_bind_int64 (stmt, 10, offset);
  return _zs_record_collect (self, &zs_entity_project, stmt, error);
}

/**
 * zs_store_list_project_owners:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the staff members who own a project, by name
 */
GStrv
zs_store_list_project_owners (ZsStore  *self,
                              GError  **error)
{
  g_autoptr(GStrvBuilder) owners = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  stmt = _zs_store_prepare (self, "SELECT DISTINCT owner FROM projects WHERE owner IS NOT NULL AND owner <> '' "
                                  "ORDER BY owner", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (owners, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _zs_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_strv_builder_end (owners);
}

/**
 * zs_store_move_project:
 * @self: a #ZsStore
 * @id: the project's id
 * @stage: the new stage
 * @reason: (nullable): why; required for %ZS_STAGE_LOST
 * @error: return location for a #GError
 *
 * Moves a project to @stage, keeping the transition with its time, actor
 * and reason.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_store_move_project (ZsStore     *self,
                       gint64       id,
                       ZsStage      stage,
                       const char  *reason,
                       GError     **error)
{
  g_autoptr(ZsProject) project = NULL;
  g_autofree char *from = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));
  const char *to = zs_enum_to_nick (ZS_TYPE_STAGE, stage);

  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (!(project = zs_store_get_project (self, id, error)))
    return FALSE;
  from = g_strdup (zs_enum_to_nick (ZS_TYPE_STAGE, zs_project_get_stage (project)));

  if (zs_project_get_stage (project) == stage)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("stage: project %" PRId64 " is already at “%s”"), id, to);
      return FALSE;
    }
  if (zs_stage_requires_reason (stage) && stripped[0] == '\0')
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("reason: moving a project to “%s” (%s) needs a reason"), to, zs_stage_get_label (stage));
      return FALSE;
    }

  if (!_zs_store_savepoint (self, error))
    return FALSE;
  zs_project_set_stage (project, stage);
  if (!_zs_record_update (self, &zs_entity_project, G_OBJECT (project), error) ||
      !record_stage_change (self, id, from, to, stripped[0] ? stripped : NULL, error))
    {
      _zs_store_rollback_to (self);
      return FALSE;
    }
  return _zs_store_release (self, error);
}

/**
 * zs_store_list_stage_changes:
 * @self: a #ZsStore
 * @project_id: the project
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsStageChange): the project's stage
 *   history, oldest first
 */
GPtrArray *
zs_store_list_stage_changes (ZsStore  *self,
                             gint64    project_id,
                             GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return list_records (self, &zs_entity_stage_change, "WHERE t.project_id = ? ORDER BY t.id", error,
                       "i", project_id, NULL);
}

/**
 * zs_store_add_activity:
 * @self: a #ZsStore
 * @activity: an unsaved activity
 * @error: return location for a #GError
 *
 * Returns: the new id, or 0 with @error set
 */
gint64
zs_store_add_activity (ZsStore     *self,
                       ZsActivity  *activity,
                       GError     **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), 0);
  g_return_val_if_fail (ZS_IS_ACTIVITY (activity), 0);

  return _zs_record_insert (self, &zs_entity_activity, G_OBJECT (activity), error);
}

/**
 * zs_store_get_activity:
 * @self: a #ZsStore
 * @id: the activity's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the activity, or %NULL with %ZS_ERROR_NOT_FOUND
 */
ZsActivity *
zs_store_get_activity (ZsStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return ZS_ACTIVITY (_zs_record_load (self, &zs_entity_activity, id, error));
}

gboolean
zs_store_delete_activity (ZsStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), FALSE);

  return _zs_record_delete (self, &zs_entity_activity, id, error);
}

/**
 * zs_store_list_activities:
 * @self: a #ZsStore
 * @firm_id: only this firm's activities, or 0
 * @due_before: (nullable): only activities whose next follow-up is due on or
 *   before this date (YYYY-MM-DD), soonest first
 * @offset: rows to skip
 * @limit: rows to return, 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsActivity): the activities, newest
 *   first unless @due_before is given
 */
GPtrArray *
zs_store_list_activities (ZsStore     *self,
                          gint64       firm_id,
                          const char  *due_before,
                          guint        offset,
                          guint        limit,
                          GError     **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  if (!_zs_require_date ("due", due_before, FALSE, error))
    return NULL;

  if (due_before != NULL)
    return list_records (self, &zs_entity_activity,
                         "WHERE (?1 = 0 OR t.firm_id = ?1) AND t.next_follow_up <= ?2 "
                         "ORDER BY t.next_follow_up, t.id LIMIT ?3 OFFSET ?4",
                         error, "i", firm_id, "s", due_before,
                         "i", sql_limit (limit), "i", (gint64) offset, NULL);

  return list_records (self, &zs_entity_activity,
                       "WHERE (?1 = 0 OR t.firm_id = ?1) ORDER BY t.date DESC, t.id DESC LIMIT ?2 OFFSET ?3",
                       error, "i", firm_id, "i", sql_limit (limit), "i", (gint64) offset, NULL);
}

/**
 * zs_store_list_follow_ups:
 * @self: a #ZsStore
 * @from_date: (nullable): the first day, YYYY-MM-DD, or %NULL for every
 *   follow-up due up to @to_date (the overdue ones included)
 * @to_date: the last day, YYYY-MM-DD
 * @who: (nullable): only the activities of this staff member, or %NULL
 * @limit: rows to return, 0 for all
 * @error: return location for a #GError
 *
 * The activities whose next follow-up falls between @from_date and
 * @to_date, soonest first.
 *
 * Returns: (transfer container) (element-type ZsActivity): the activities,
 *   or %NULL with @error set
 */
GPtrArray *
zs_store_list_follow_ups (ZsStore     *self,
                          const char  *from_date,
                          const char  *to_date,
                          const char  *who,
                          guint        limit,
                          GError     **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  if (!_zs_require_date ("from", from_date, FALSE, error) ||
      !_zs_require_date ("to", to_date, TRUE, error))
    return NULL;

  return list_records (self, &zs_entity_activity,
                       "WHERE t.next_follow_up IS NOT NULL AND t.next_follow_up <> '' "
                       "AND (?1 = '' OR t.next_follow_up >= ?1) AND t.next_follow_up <= ?2 "
                       "AND (?3 = '' OR t.who = ?3) "
                       "ORDER BY t.next_follow_up, t.id LIMIT ?4",
                       error, "s", from_date ? from_date : "", "s", to_date,
                       "s", who ? who : "", "i", sql_limit (limit), NULL);
}

/**
 * zs_store_add_staff:
 * @self: a #ZsStore
 * @staff: an unsaved staff member
 * @error: return location for a #GError
 *
 * Returns: the new id, or 0 with @error set
 */
gint64
zs_store_add_staff (ZsStore  *self,
                    ZsStaff  *staff,
                    GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), 0);
  g_return_val_if_fail (ZS_IS_STAFF (staff), 0);

  return _zs_record_insert (self, &zs_entity_staff, G_OBJECT (staff), error);
}

/**
 * zs_store_get_staff:
 * @self: a #ZsStore
 * @id: the staff member's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the staff member, or %NULL with %ZS_ERROR_NOT_FOUND
 */
ZsStaff *
zs_store_get_staff (ZsStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return ZS_STAFF (_zs_record_load (self, &zs_entity_staff, id, error));
}

/**
 * zs_store_list_staff:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsStaff): the staff members
 */
GPtrArray *
zs_store_list_staff (ZsStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return list_records (self, &zs_entity_staff, "ORDER BY t.id", error, NULL);
}

/**
 * zs_store_get_sector:
 * @self: a #ZsStore
 * @code: a sector code
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the sector, or %NULL with %ZS_ERROR_NOT_FOUND
 */
ZsSector *
zs_store_get_sector (ZsStore     *self,
                     const char  *code,
                     GError     **error)
{
  g_autoptr(GPtrArray) sectors = NULL;

  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  sectors = list_records (self, &entity_sector, "WHERE t.code = ?", error, "s", code, NULL);
  if (sectors == NULL)
    return NULL;
  if (sectors->len == 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("sector: unknown sector “%s”"), code);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (sectors, 0));
}

/**
 * zs_store_list_sectors:
 * @self: a #ZsStore
 * @clause: only sectors named by this guideline clause, or 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsSector): the sector taxonomy
 */
GPtrArray *
zs_store_list_sectors (ZsStore  *self,
                       int       clause,
                       GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return list_records (self, &entity_sector, "WHERE ?1 = 0 OR t.clause = ?1 ORDER BY t.clause, t.id", error,
                       "i", (gint64) clause, NULL);
}

/**
 * zs_store_list_parks:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsPark): the parks and sites
 */
GPtrArray *
zs_store_list_parks (ZsStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return list_records (self, &entity_park, "ORDER BY t.id", error, NULL);
}

/**
 * zs_store_list_regions:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsRegion): the regions
 */
GPtrArray *
zs_store_list_regions (ZsStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return list_records (self, &entity_region, "ORDER BY t.code", error, NULL);
}

/**
 * zs_store_list_clauses:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsClause): the guideline's clauses
 */
GPtrArray *
zs_store_list_clauses (ZsStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return list_records (self, &entity_clause, "ORDER BY t.number", error, NULL);
}

/**
 * zs_store_list_targets:
 * @self: a #ZsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsTarget): the 2025 targets
 */
GPtrArray *
zs_store_list_targets (ZsStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return list_records (self, &entity_target, "ORDER BY t.id", error, NULL);
}

/**
 * zs_store_get_change:
 * @self: a #ZsStore
 * @id: the change's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the change, or %NULL with %ZS_ERROR_NOT_FOUND
 */
ZsChange *
zs_store_get_change (ZsStore  *self,
                     gint64    id,
                     GError  **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  return ZS_CHANGE (_zs_record_load (self, &entity_change, id, error));
}

/**
 * zs_store_list_changes:
 * @self: a #ZsStore
 * @entity: (nullable): only changes to this kind of record ("firm", …)
 * @entity_id: only changes to this record, or 0
 * @offset: rows to skip
 * @limit: rows to return, 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ZsChange): the audit trail, newest first
 */
GPtrArray *
zs_store_list_changes (ZsStore     *self,
                       const char  *entity,
                       gint64       entity_id,
                       guint        offset,
                       guint        limit,
                       GError     **error)
{
  g_return_val_if_fail (ZS_IS_STORE (self), NULL);

  if (entity != NULL && _zs_entity_lookup (entity) == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("entity: unknown value “%s” (expected one of: firm, contact, project, activity, staff)"),
                   entity);
      return NULL;
    }

  return list_records (self, &entity_change,
                       "WHERE (?1 IS NULL OR t.entity = ?1) AND (?2 = 0 OR t.entity_id = ?2) "
                       "ORDER BY t.id DESC LIMIT ?3 OFFSET ?4",
                       error, "s", entity, "i", entity_id,
                       "i", sql_limit (limit), "i", (gint64) offset, NULL);
}

/**
 * _zs_store_list_firms_noting:
 *
 * The firms whose notes hold @text, by id, in one read.
 */
GPtrArray *
_zs_store_list_firms_noting (ZsStore     *self,
                             const char  *text,
                             guint        offset,
                             guint        limit,
                             GError     **error)
{
  g_autofree char *pattern = g_strconcat ("%", text, "%", NULL);

  return list_records (self, &zs_entity_firm, "WHERE t.notes LIKE ?1 ORDER BY t.id LIMIT ?2 OFFSET ?3", error,
                       "s", pattern, "i", limit == 0 ? (gint64) -1 : (gint64) limit, "i", (gint64) offset, NULL);
}
