/* zs-fz-records.c: reading and writing the plugin's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "zs-fz.h"

/**
 * zs_fz_ensure_types:
 *
 * Registers the plugin's record types, with their rules, on a store the
 * plugin was not activated on (a worker's connection); nothing to do on
 * one that has them.
 */
gboolean
zs_fz_ensure_types (ZsStore  *store,
                    GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *types;

  if (zs_store_lookup_record_type (store, ZS_FZ_SETTLEMENT) != NULL)
    return TRUE;
  parser = json_parser_new ();
  if (!(bytes = g_resources_lookup_data (ZS_FZ_TYPES_RESOURCE, 0, error)) ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;
  types = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (types); i++)
    {
      g_autoptr(ZsRecordType) record_type = zs_record_type_new_from_json_node (json_array_get_element (types, i),
                                                                               error);

      if (record_type == NULL || !zs_store_register_record_type (store, record_type, error))
        return FALSE;
    }
  zs_fz_install_rules (store);
  return TRUE;
}

/**
 * zs_fz_list:
 * @field: (nullable): only the records whose reference @field is @id
 *
 * Returns: (transfer full) (element-type ZsRecord): the records, by id
 */
GPtrArray *
zs_fz_list (ZsStore     *store,
            const char  *type_name,
            const char  *field,
            gint64       id,
            GError     **error)
{
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();

  if (field != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%" PRId64, id);

      zs_record_query_add_filter (query, field, ZS_FILTER_EQUAL, text);
    }
  zs_record_query_set_limit (query, 0);
  return zs_store_list_records (store, type_name, query, error);
}

/* @field names the option or argument the id came from. */
ZsRecord *
zs_fz_get (ZsStore     *store,
           const char  *type_name,
           gint64       id,
           const char  *field,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GObject *record = zs_store_get_record (store, type_name, id, &local_error);

  if (record != NULL)
    return ZS_RECORD (record);
  if (g_error_matches (local_error, ZS_ERROR, ZS_ERROR_NOT_FOUND))
    {
      ZsRecordType *record_type = zs_store_lookup_record_type (store, type_name);

      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("%s: there is no %s %" PRId64), field,
                   record_type ? zs_record_type_get_label (record_type) : type_name, id);
    }
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* Whether the record @id exists; @field names where the id came from. */
gboolean
zs_fz_get_exists (ZsStore     *store,
                  const char  *type_name,
                  gint64       id,
                  const char  *field,
                  GError     **error)
{
  g_autoptr(ZsRecord) record = zs_fz_get (store, type_name, id, field, error);

  return record != NULL;
}

ZsRecord *
zs_fz_new_record (ZsStore    *store,
                  const char *type_name)
{
  ZsRecordType *record_type = zs_store_lookup_record_type (store, type_name);

  g_return_val_if_fail (record_type != NULL, NULL);
  return zs_record_new (record_type);
}

/* YYYY-MM-DD, a real day. */
gboolean
zs_fz_parse_date (const char  *text,
                  const char  *field,
                  GDate       *date,
                  GError     **error)
{
  guint year, month, day;
  char end;

  g_date_clear (date, 1);
  if (text != NULL && strlen (text) == 10 && sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3 &&
      g_date_valid_dmy (day, month, year))
    {
      g_date_set_dmy (date, day, month, year);
      return TRUE;
    }
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, _("%s: “%s” is not a date (YYYY-MM-DD)"), field,
               text ? text : "");
  return FALSE;
}

/* The name the store knows for a GB/T 2260 code, else the code. */
char *
zs_fz_region_name (ZsStore    *store,
                   const char *code)
{
  g_autoptr(GPtrArray) regions = zs_store_list_regions (store, NULL);

  for (guint i = 0; regions != NULL && i < regions->len; i++)
    if (g_strcmp0 (zs_region_get_code (regions->pdata[i]), code) == 0)
      return g_strdup (zs_region_get_name (regions->pdata[i]));
  return g_strdup (code ? code : "");
}

/* A record as JSON, with its id and fields. */
JsonObject *
zs_fz_record_object (ZsRecord *record)
{
  g_autoptr(JsonNode) node = zs_record_to_json (G_OBJECT (record));

  return json_object_ref (json_node_get_object (node));
}
