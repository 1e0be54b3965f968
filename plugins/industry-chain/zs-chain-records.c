/* zs-chain-records.c: the plugin's record types and writes through them
 *
 * Chains, links, their sectors, keywords and supply edges, firms' link
 * decisions and projects' links are record types (industry-chain-types.json),
 * so every write is validated, versioned and audited by the core, can be
 * reverted, and shows in `records`, the API and the generic pages. Reads
 * that the record API cannot express (the matcher's joins) stay SQL on the
 * same tables. Field values here are given as text, field by field:
 * `(const char *[]) { "code", "nev", "name", "新能源汽车", NULL }`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include "zs-chain-records.h"

#include <glib/gi18n-lib.h>

static gboolean
set_fields (ZsRecordType        *type,
            GObject             *record,
            const char * const  *pairs,
            GError             **error)
{
  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i += 2)
    if (!zs_record_type_set_text (type, record, pairs[i], pairs[i + 1], error))
      return FALSE;
  return TRUE;
}

/**
 * zs_chain_records_create:
 *
 * Returns: the new record's id, 0 on error
 */
gint64
zs_chain_records_create (ZsStore             *store,
                         const char          *type_name,
                         const char * const  *pairs,
                         GError             **error)
{
  ZsRecordType *type = zs_store_lookup_record_type (store, type_name);
  g_autoptr(GObject) record = NULL;
  gint64 id;

  g_return_val_if_fail (type != NULL, 0);
  record = zs_record_type_new_record (type);
  if (!set_fields (type, record, pairs, error))
    return 0;
  id = zs_store_create_record (store, record, error);
  return id > 0 ? id : 0;
}

/* Only the fields given change, so a concurrent edit of another field is
 * kept (the store's conflict rule). */
gboolean
zs_chain_records_update (ZsStore             *store,
                         const char          *type_name,
                         gint64               id,
                         const char * const  *pairs,
                         GError             **error)
{
  ZsRecordType *type = zs_store_lookup_record_type (store, type_name);
  g_autoptr(GObject) record = zs_store_get_record (store, type_name, id, error);

  g_return_val_if_fail (type != NULL, FALSE);
  return record != NULL && set_fields (type, record, pairs, error) &&
         zs_store_update_record (store, record, error);
}

/**
 * zs_chain_records_list:
 * @pairs: fields and the values they must hold
 * @sort_field: (nullable): the order, then by id; %NULL for by id
 * @limit: the most records, 0 for all
 *
 * Returns: (transfer container): the records, %NULL on error
 */
GPtrArray *
zs_chain_records_list (ZsStore             *store,
                       const char          *type_name,
                       const char * const  *pairs,
                       const char          *sort_field,
                       ZsSortDirection      direction,
                       guint                limit,
                       GError             **error)
{
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();

  for (guint i = 0; pairs[i] != NULL; i += 2)
    zs_record_query_add_filter (query, pairs[i], ZS_FILTER_EQUAL, pairs[i + 1]);
  if (sort_field != NULL)
    zs_record_query_set_sort (query, sort_field, direction);
  if (limit > 0)
    zs_record_query_set_limit (query, limit);
  return zs_store_list_records (store, type_name, query, error);
}

/**
 * zs_chain_records_find:
 * @id: (out): the first record whose fields hold the values, 0 for none
 *
 * Returns: %TRUE on success
 */
gboolean
zs_chain_records_find (ZsStore             *store,
                       const char          *type_name,
                       const char * const  *pairs,
                       gint64              *id,
                       GError             **error)
{
  g_autoptr(GPtrArray) found = zs_chain_records_list (store, type_name, pairs, NULL, ZS_SORT_ASCENDING, 1, error);

  if (found == NULL)
    return FALSE;
  *id = found->len > 0 ? zs_record_get_id (ZS_RECORD (g_ptr_array_index (found, 0))) : 0;
  return TRUE;
}

/* Creates the record unless one with these values is there. */
gboolean
zs_chain_records_ensure (ZsStore             *store,
                         const char          *type_name,
                         const char * const  *pairs,
                         GError             **error)
{
  gint64 id;

  if (!zs_chain_records_find (store, type_name, pairs, &id, error))
    return FALSE;
  return id != 0 || zs_chain_records_create (store, type_name, pairs, error) > 0;
}

gboolean
zs_chain_records_delete_where (ZsStore             *store,
                               const char          *type_name,
                               const char * const  *pairs,
                               GError             **error)
{
  g_autoptr(GPtrArray) found = zs_chain_records_list (store, type_name, pairs, NULL, ZS_SORT_ASCENDING, 0, error);

  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    if (!zs_store_delete_record (store, type_name, zs_record_get_id (ZS_RECORD (g_ptr_array_index (found, i))),
                                 error))
      return FALSE;
  return TRUE;
}

/* ---- rules ---------------------------------------------------------- */

/* Types whose records are unique by two fields. */
static const struct {
  const char *type_name;
  const char *scope;    /* the field the other one is unique within */
  const char *field;
} pairs_unique[] = {
  { ZS_CHAIN_LINK_SECTOR, "link_id", "sector_code" },
  { ZS_CHAIN_LINK_KEYWORD, "link_id", "keyword" },
  { ZS_CHAIN_EDGE, "customer_id", "supplier_id" },
  { ZS_CHAIN_ASSIGNMENT, "link_id", "firm_id" },
};

static gboolean
check_unique_pair (ZsStore      *store,
                   ZsRecordType *type,
                   GObject      *record,
                   const char   *scope,
                   const char   *field,
                   GError      **error)
{
  g_autofree char *scope_value = zs_record_type_get_text (type, record, scope);
  g_autofree char *value = zs_record_type_get_text (type, record, field);
  g_autoptr(GPtrArray) found = zs_chain_records_list (store, zs_record_type_get_name (type),
                                                      (const char *[]) { scope, scope_value, field, value, NULL },
                                                      NULL, ZS_SORT_ASCENDING, 2, error);

  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    if (zs_record_get_id (ZS_RECORD (g_ptr_array_index (found, i))) != zs_record_get_id (ZS_RECORD (record)))
      {
        g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE,
                     /* Translators: "keyword: “电池” is recorded for link_id 12 already" */
                     _("%s: “%s” is recorded for %s %s already"), field, value, scope, scope_value);
        return FALSE;
      }
  return TRUE;
}

/* Against the sectors of the reference data; a store without them (made by
 * the library, before `init` loads them) has nothing to check against, and
 * the shipped chains must still load there. */
static gboolean
check_sector (ZsStore     *store,
              GObject     *record,
              GError     **error)
{
  const char *code = zs_record_get_string (ZS_RECORD (record), "sector_code");
  g_autoptr(ZsSector) sector = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) local_error = NULL;

  if ((sector = zs_store_get_sector (store, code, &local_error)))
    return TRUE;
  if (!g_error_matches (local_error, ZS_ERROR, ZS_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!(loaded = zs_store_list_sectors (store, 0, error)))
    return FALSE;
  if (loaded->len == 0)
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("sector_code: “%s” is not a sector code (see “zhaoshang-cli sectors list”)"), code);
  return FALSE;
}

/* The search index ignores punctuation; a keyword of nothing else would
 * match nothing. */
static gboolean
check_keyword (GObject  *record,
               GError  **error)
{
  const char *keyword = zs_record_get_string (ZS_RECORD (record), "keyword");

  for (const char *p = keyword; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("keyword: “%s” has no letters or digits to search for"),
               keyword ? keyword : "");
  return FALSE;
}

static gboolean
check_edge (GObject  *record,
            GError  **error)
{
  gint64 supplier = zs_record_get_int64 (ZS_RECORD (record), "supplier_id");

  if (supplier != zs_record_get_int64 (ZS_RECORD (record), "customer_id"))
    return TRUE;
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("customer_id: link %" PRId64 " cannot supply itself"),
               supplier);
  return FALSE;
}

static gboolean
check_record (GObject   *store,
              GObject   *record,
              gpointer   user_data,
              GError   **error)
{
  ZsRecordType *type = zs_record_get_record_type (ZS_RECORD (record));
  const char *name = zs_record_type_get_name (type);

  for (guint i = 0; i < G_N_ELEMENTS (pairs_unique); i++)
    if (g_str_equal (name, pairs_unique[i].type_name) &&
        !check_unique_pair (ZS_STORE (store), type, record, pairs_unique[i].scope, pairs_unique[i].field, error))
      return FALSE;
  if (g_str_equal (name, ZS_CHAIN_LINK_SECTOR))
    return check_sector (ZS_STORE (store), record, error);
  if (g_str_equal (name, ZS_CHAIN_LINK_KEYWORD))
    return check_keyword (record, error);
  if (g_str_equal (name, ZS_CHAIN_EDGE))
    return check_edge (record, error);
  return TRUE;
}

/* Rules a field cannot state, for every way a record is written: the verbs,
 * `records add`, the API, an import. */
void
zs_chain_records_install_rules (ZsStore *store)
{
  const char *types[] = { ZS_CHAIN_LINK_SECTOR, ZS_CHAIN_LINK_KEYWORD, ZS_CHAIN_EDGE, ZS_CHAIN_ASSIGNMENT };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      ZsRecordType *type = zs_store_lookup_record_type (store, types[i]);

      if (type != NULL)
        zs_record_type_set_check_func (type, check_record, NULL, NULL);
    }
}
