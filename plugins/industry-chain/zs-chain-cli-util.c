/* zs-chain-cli-util.c: argument checks and JSON pieces the subverbs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "zs-chain-cli-private.h"
#include "zs-chain-sql.h"

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/**
 * zs_chain_cli_resolve_firm:
 * @store: the store
 * @text: a firm id, or a USCC
 * @firm_id: (out): the firm's id
 * @name: (out) (optional) (transfer full): the firm's name
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the firm exists; else %ZS_ERROR_NOT_FOUND
 */
gboolean
zs_chain_cli_resolve_firm (ZsStore     *store,
                           const char  *text,
                           gint64      *firm_id,
                           char       **name,
                           GError     **error)
{
  g_autoptr(ZsFirm) firm = NULL;
  g_autoptr(GError) local_error = NULL;

  /* A USCC is 18 characters; anything shorter made of digits is an id. */
  if (all_digits (text) && strlen (text) < 18)
    firm = zs_store_get_firm (store, g_ascii_strtoll (text, NULL, 10), &local_error);
  else
    firm = zs_store_find_firm_by_uscc (store, text, &local_error);
  if (firm == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("There is no firm “%s” (give an id or a USCC)"), text);
      return FALSE;
    }
  *firm_id = zs_firm_get_id (firm);
  if (name != NULL)
    *name = g_strdup (zs_firm_get_name (firm));
  return TRUE;
}

/**
 * zs_chain_cli_check_park:
 * @store: the store
 * @park: (nullable): a park code
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @park is %NULL or a known park; else %ZS_ERROR_NOT_FOUND
 */
gboolean
zs_chain_cli_check_park (ZsStore     *store,
                         const char  *park,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *found = NULL;

  if (park == NULL)
    return TRUE;
  found = zs_chain_sql_scalar (store, "SELECT code FROM core_parks WHERE code = ?1",
                               (const char *[]) { park, NULL }, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (found == NULL)
    g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
                 _("There is no park “%s” (see “zhaoshang-cli parks list”)"), park);
  return found != NULL;
}

/**
 * zs_chain_cli_check_code:
 * @what: "chain" or "link", for the message
 * @code: a code a user chose
 * @error: return location for a #GError
 *
 * Codes are typed on command lines and kept in scripts: lower-case ASCII
 * letters, digits and hyphens, starting with a letter.
 *
 * Returns: %TRUE if @code is acceptable; else %ZS_ERROR_INVALID
 */
gboolean
zs_chain_cli_check_code (const char  *what,
                         const char  *code,
                         GError     **error)
{
  gboolean valid = g_ascii_islower (code[0]) && strlen (code) <= 64;

  for (const char *p = code; valid && *p != '\0'; p++)
    valid = g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-';
  if (!valid)
    g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                 _("%s code “%s”: use lower-case letters, digits and “-”, starting with a letter"),
                 what, code);
  return valid;
}

/**
 * zs_chain_cli_parse_number:
 *
 * Returns: %TRUE if @text is a finite number; else %G_OPTION_ERROR_BAD_VALUE
 */
gboolean
zs_chain_cli_parse_number (const char  *text,
                           double      *value,
                           GError     **error)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  if (end != text && *end == '\0' && isfinite (*value))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("“%s” is not a number"), text);
  return FALSE;
}

/**
 * zs_chain_cli_object_node:
 * @object: (transfer full): an object
 *
 * Returns: (transfer full): a node holding it
 */
JsonNode *
zs_chain_cli_object_node (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

/**
 * zs_chain_cli_strings:
 * @strings: (element-type utf8): strings
 *
 * Returns: (transfer full): them as a JSON array
 */
JsonArray *
zs_chain_cli_strings (GPtrArray *strings)
{
  JsonArray *array = json_array_sized_new (strings->len);

  for (guint i = 0; i < strings->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (strings, i));
  return array;
}

/**
 * zs_chain_cli_link_codes:
 * @catalog: the chains
 * @link_ids: (element-type gint64): link ids
 *
 * Returns: (transfer full): the links' codes as a JSON array
 */
JsonArray *
zs_chain_cli_link_codes (ZsChainCatalog *catalog,
                         GArray         *link_ids)
{
  JsonArray *array = json_array_sized_new (link_ids->len);

  for (guint i = 0; i < link_ids->len; i++)
    {
      ZsChainLink *link = zs_chain_catalog_get_link (catalog, g_array_index (link_ids, gint64, i));

      if (link != NULL)
        json_array_add_string_element (array, zs_chain_link_get_code (link));
    }
  return array;
}

/**
 * zs_chain_cli_link_object:
 *
 * Returns: (transfer full): a link as JSON, without coverage
 */
JsonObject *
zs_chain_cli_link_object (ZsChainCatalog *catalog,
                          ZsChainLink    *link)
{
  JsonObject *object = json_object_new ();
  ZsChainMap *map = zs_chain_catalog_get_map_of (catalog, link);

  json_object_set_string_member (object, "code", zs_chain_link_get_code (link));
  json_object_set_string_member (object, "name", zs_chain_link_get_name (link));
  json_object_set_string_member (object, "chain", map ? zs_chain_map_get_code (map) : NULL);
  json_object_set_string_member (object, "position", zs_chain_link_get_position (link));
  json_object_set_array_member (object, "sectors", zs_chain_cli_strings (zs_chain_link_get_sectors (link)));
  json_object_set_array_member (object, "keywords", zs_chain_cli_strings (zs_chain_link_get_keywords (link)));
  json_object_set_array_member (object, "suppliers",
                                zs_chain_cli_link_codes (catalog, zs_chain_link_get_suppliers (link)));
  json_object_set_array_member (object, "customers",
                                zs_chain_cli_link_codes (catalog, zs_chain_link_get_customers (link)));
  return object;
}

/**
 * zs_chain_cli_map_object:
 *
 * Returns: (transfer full): a chain as JSON, without its links
 */
JsonObject *
zs_chain_cli_map_object (ZsChainMap *map)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "code", zs_chain_map_get_code (map));
  json_object_set_string_member (object, "name", zs_chain_map_get_name (map));
  zs_chain_cli_set_nullable_string (object, "description", zs_chain_map_get_description (map));
  zs_chain_cli_set_nullable_int (object, "clause", zs_chain_map_get_clause (map));
  json_object_set_string_member (object, "origin", zs_chain_map_get_origin (map));
  json_object_set_int_member (object, "links", zs_chain_map_get_links (map)->len);
  return object;
}

/* Empty text and 0 ids are JSON null, as in the core's output. */
void
zs_chain_cli_set_nullable_string (JsonObject *object,
                                  const char *member,
                                  const char *value)
{
  if (value != NULL && value[0] != '\0')
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

void
zs_chain_cli_set_nullable_int (JsonObject *object,
                               const char *member,
                               gint64      value)
{
  if (value != 0)
    json_object_set_int_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}
