/* zs-chain-catalog.c: every chain map, read from the plugin's records
 *
 * The maps are small (tens of links), so each command reads them whole,
 * through the record API, and works on objects; only firms are too many
 * for that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-chain-catalog.h"
#include "zs-chain-records.h"

#include <glib/gi18n-lib.h>

struct _ZsChainCatalog
{
  GObject     parent_instance;

  GPtrArray  *maps;           /* ZsChainMap, in the order they were added */
  GPtrArray  *links;          /* ZsChainLink, chain by chain, upstream first */
  GHashTable *maps_by_id;     /* gint64 * → ZsChainMap */
  GHashTable *links_by_id;    /* gint64 * → ZsChainLink */
};

G_DEFINE_FINAL_TYPE (ZsChainCatalog, zs_chain_catalog, G_TYPE_OBJECT)

static void
zs_chain_catalog_finalize (GObject *object)
{
  ZsChainCatalog *self = (ZsChainCatalog *) object;

  g_hash_table_unref (self->maps_by_id);
  g_hash_table_unref (self->links_by_id);
  g_ptr_array_unref (self->maps);
  g_ptr_array_unref (self->links);

  G_OBJECT_CLASS (zs_chain_catalog_parent_class)->finalize (object);
}

static void
zs_chain_catalog_class_init (ZsChainCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zs_chain_catalog_finalize;
}

static void
zs_chain_catalog_init (ZsChainCatalog *self)
{
  self->maps = g_ptr_array_new_with_free_func (g_object_unref);
  self->links = g_ptr_array_new_with_free_func (g_object_unref);
  self->maps_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->links_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static gint64 *
new_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* A chain the seed wrote shows as "seed" even after a user edited it, as
 * it always did; only chains users added are "user". */
static char *
origin_of (ZsStore     *store,
           gint64       id,
           GError     **error)
{
  g_autofree char *origin = zs_plugin_seed_get_origin (store, ZS_CHAIN_MAP, id, error);

  if (origin == NULL)
    return NULL;
  return g_strdup (g_str_equal (origin, "user") ? "user" : "seed");
}

/* Every record of @type_name, by id. */
static GPtrArray *
all_records (ZsStore     *store,
             const char  *type_name,
             GError     **error)
{
  return zs_chain_records_list (store, type_name, (const char *[]) { NULL }, NULL, ZS_SORT_ASCENDING, 0, error);
}

static gboolean
load_maps (ZsChainCatalog  *self,
           ZsStore         *store,
           GError         **error)
{
  g_autoptr(GPtrArray) records = all_records (store, ZS_CHAIN_MAP, error);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      ZsRecord *record = g_ptr_array_index (records, i);
      gint64 id = zs_record_get_id (record);
      g_autofree char *origin = origin_of (store, id, error);
      const char *description = zs_record_get_string (record, "description");
      ZsChainMap *map;

      if (origin == NULL)
        return FALSE;
      map = zs_chain_map_new (id, zs_record_get_string (record, "code"), zs_record_get_string (record, "name"),
                              description ? description : "", (int) zs_record_get_int64 (record, "clause"), origin);
      g_ptr_array_add (self->maps, map);
      g_hash_table_insert (self->maps_by_id, new_key (id), map);
    }
  return TRUE;
}

static int
position_rank (ZsRecord *link)
{
  const char *position = zs_record_get_string (link, "position");

  return g_strcmp0 (position, "upstream") == 0 ? 0 : g_strcmp0 (position, "midstream") == 0 ? 1 : 2;
}

/* Chain by chain, upstream first, then in the order users gave. */
static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  ZsRecord *x = *(ZsRecord **) a, *y = *(ZsRecord **) b;
  gint64 keys[4][2] = {
    { zs_record_get_int64 (x, "chain_id"), zs_record_get_int64 (y, "chain_id") },
    { position_rank (x), position_rank (y) },
    { zs_record_get_int64 (x, "sort_order"), zs_record_get_int64 (y, "sort_order") },
    { zs_record_get_id (x), zs_record_get_id (y) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (keys[i][0] != keys[i][1])
      return keys[i][0] < keys[i][1] ? -1 : 1;
  return 0;
}

static gboolean
load_links (ZsChainCatalog  *self,
            ZsStore         *store,
            GError         **error)
{
  g_autoptr(GPtrArray) records = all_records (store, ZS_CHAIN_LINK, error);

  if (records == NULL)
    return FALSE;
  g_ptr_array_sort (records, compare_links);
  for (guint i = 0; i < records->len; i++)
    {
      ZsRecord *record = g_ptr_array_index (records, i);
      gint64 id = zs_record_get_id (record);
      gint64 chain_id = zs_record_get_int64 (record, "chain_id");
      ZsChainMap *map = g_hash_table_lookup (self->maps_by_id, &chain_id);
      ZsChainLink *link = zs_chain_link_new (id, chain_id, zs_record_get_string (record, "code"),
                                             zs_record_get_string (record, "name"),
                                             zs_record_get_string (record, "position"));

      g_ptr_array_add (self->links, link);
      g_hash_table_insert (self->links_by_id, new_key (id), link);
      if (map != NULL)
        zs_chain_map_add_link (map, link);
    }
  return TRUE;
}

static gboolean
load_link_terms (ZsChainCatalog  *self,
                 ZsStore         *store,
                 const char      *type_name,
                 const char      *field,
                 void           (*add) (ZsChainLink *, const char *),
                 GError         **error)
{
  g_autoptr(GPtrArray) records = all_records (store, type_name, error);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      ZsRecord *record = g_ptr_array_index (records, i);
      ZsChainLink *link = zs_chain_catalog_get_link (self, zs_record_get_int64 (record, "link_id"));

      if (link != NULL)
        add (link, zs_record_get_string (record, field));
    }
  return TRUE;
}

/* Supplier by supplier, then by customer. */
static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  ZsRecord *x = *(ZsRecord **) a, *y = *(ZsRecord **) b;
  gint64 sx = zs_record_get_int64 (x, "supplier_id"), sy = zs_record_get_int64 (y, "supplier_id");
  gint64 cx = zs_record_get_int64 (x, "customer_id"), cy = zs_record_get_int64 (y, "customer_id");

  return sx != sy ? (sx < sy ? -1 : 1) : (cx > cy) - (cx < cy);
}

static gboolean
load_edges (ZsChainCatalog  *self,
            ZsStore         *store,
            GError         **error)
{
  g_autoptr(GPtrArray) records = all_records (store, ZS_CHAIN_EDGE, error);

  if (records == NULL)
    return FALSE;
  g_ptr_array_sort (records, compare_edges);
  for (guint i = 0; i < records->len; i++)
    {
      ZsRecord *record = g_ptr_array_index (records, i);
      ZsChainLink *supplier = zs_chain_catalog_get_link (self, zs_record_get_int64 (record, "supplier_id"));
      ZsChainLink *customer = zs_chain_catalog_get_link (self, zs_record_get_int64 (record, "customer_id"));

      if (supplier == NULL || customer == NULL)
        continue;
      zs_chain_link_add_customer (supplier, zs_chain_link_get_id (customer));
      zs_chain_link_add_supplier (customer, zs_chain_link_get_id (supplier));
    }
  return TRUE;
}

/**
 * zs_chain_catalog_load:
 * @store: the store
 * @error: return location for a #GError
 *
 * Returns: (transfer full): every chain, link, mapping and edge, or %NULL
 */
ZsChainCatalog *
zs_chain_catalog_load (ZsStore  *store,
                       GError  **error)
{
  g_autoptr(ZsChainCatalog) self = g_object_new (ZS_TYPE_CHAIN_CATALOG, NULL);

  if (!load_maps (self, store, error) ||
      !load_links (self, store, error) ||
      !load_link_terms (self, store, ZS_CHAIN_LINK_SECTOR, "sector_code", zs_chain_link_add_sector, error) ||
      !load_link_terms (self, store, ZS_CHAIN_LINK_KEYWORD, "keyword", zs_chain_link_add_keyword, error) ||
      !load_edges (self, store, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * zs_chain_catalog_get_maps:
 *
 * Returns: (transfer none) (element-type ZsChainMap): the chains
 */
GPtrArray *
zs_chain_catalog_get_maps (ZsChainCatalog *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_CATALOG (self), NULL);
  return self->maps;
}

/**
 * zs_chain_catalog_get_links:
 *
 * Returns: (transfer none) (element-type ZsChainLink): every link of every chain
 */
GPtrArray *
zs_chain_catalog_get_links (ZsChainCatalog *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_CATALOG (self), NULL);
  return self->links;
}

/**
 * zs_chain_catalog_find_map:
 *
 * Returns: (transfer none) (nullable): the chain, or %NULL with %ZS_ERROR_NOT_FOUND
 */
ZsChainMap *
zs_chain_catalog_find_map (ZsChainCatalog  *self,
                           const char      *code,
                           GError         **error)
{
  g_return_val_if_fail (ZS_IS_CHAIN_CATALOG (self), NULL);

  for (guint i = 0; i < self->maps->len; i++)
    if (g_str_equal (zs_chain_map_get_code (g_ptr_array_index (self->maps, i)), code))
      return g_ptr_array_index (self->maps, i);
  g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
               _("There is no chain “%s” (see “chain list”)"), code);
  return NULL;
}

/**
 * zs_chain_catalog_find_link:
 *
 * Returns: (transfer none) (nullable): the link, or %NULL with %ZS_ERROR_NOT_FOUND
 */
ZsChainLink *
zs_chain_catalog_find_link (ZsChainCatalog  *self,
                            const char      *code,
                            GError         **error)
{
  g_return_val_if_fail (ZS_IS_CHAIN_CATALOG (self), NULL);

  for (guint i = 0; i < self->links->len; i++)
    if (g_str_equal (zs_chain_link_get_code (g_ptr_array_index (self->links, i)), code))
      return g_ptr_array_index (self->links, i);
  g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND,
               _("There is no chain link “%s” (see “chain show CHAIN”)"), code);
  return NULL;
}

/**
 * zs_chain_catalog_get_link:
 *
 * Returns: (transfer none) (nullable): the link with this id
 */
ZsChainLink *
zs_chain_catalog_get_link (ZsChainCatalog *self,
                           gint64          link_id)
{
  g_return_val_if_fail (ZS_IS_CHAIN_CATALOG (self), NULL);
  return g_hash_table_lookup (self->links_by_id, &link_id);
}

/**
 * zs_chain_catalog_get_map_of:
 *
 * Returns: (transfer none): the chain @link belongs to
 */
ZsChainMap *
zs_chain_catalog_get_map_of (ZsChainCatalog *self,
                             ZsChainLink    *link)
{
  gint64 chain_id = zs_chain_link_get_chain_id (link);

  g_return_val_if_fail (ZS_IS_CHAIN_CATALOG (self), NULL);
  return g_hash_table_lookup (self->maps_by_id, &chain_id);
}
