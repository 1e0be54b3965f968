/* zs-firm-list-model.c: the firms matching a search and a sector, paged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-firm-list-model.h"

struct _ZsFirmListModel
{
  ZsPagedModel  parent_instance;

  char         *search;   /* stripped; NULL when blank */
  char         *sector;
};

G_DEFINE_FINAL_TYPE (ZsFirmListModel, zs_firm_list_model, ZS_TYPE_PAGED_MODEL)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_SECTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char *search;
  char *sector;
} Query;

static gpointer
zs_firm_list_model_dup_query (ZsPagedModel *model)
{
  ZsFirmListModel *self = ZS_FIRM_LIST_MODEL (model);
  Query *query = g_new0 (Query, 1);

  query->search = g_strdup (self->search);
  query->sector = g_strdup (self->sector);
  return query;
}

static void
zs_firm_list_model_free_query (gpointer data)
{
  Query *query = data;

  g_free (query->search);
  g_free (query->sector);
  g_free (query);
}

/* In a worker thread. Every firm, or a sector's, is paged by id; search
 * results are ranked, and paged by offset within the ranked window. */
static gint64
zs_firm_list_model_count (ZsStore        *store,
                          gconstpointer   data,
                          guint           page_size,
                          GArray        **cursors,
                          GError        **error)
{
  const Query *query = data;

  if (query->search != NULL)
    return zs_store_count_firms (store, query->search, query->sector, error);
  return zs_store_count_firm_pages (store, query->sector, page_size, cursors, error);
}

static GPtrArray *
zs_firm_list_model_fetch (ZsStore        *store,
                          gconstpointer   data,
                          gint64          after,
                          guint           offset,
                          guint           limit,
                          GError        **error)
{
  const Query *query = data;

  if (query->search == NULL && after >= 0)
    return zs_store_list_firms_after (store, query->sector, after, limit, error);
  return zs_store_list_firms (store, query->search, query->sector, offset, limit, error);
}

/* The search also looks at contact names. */
static gboolean
zs_firm_list_model_is_relevant (ZsPagedModel *model,
                                const char   *entity)
{
  return g_strcmp0 (entity, "firm") == 0 || g_strcmp0 (entity, "contact") == 0;
}

static void
zs_firm_list_model_finalize (GObject *object)
{
  ZsFirmListModel *self = ZS_FIRM_LIST_MODEL (object);

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->sector, g_free);

  G_OBJECT_CLASS (zs_firm_list_model_parent_class)->finalize (object);
}

static void
zs_firm_list_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZsFirmListModel *self = ZS_FIRM_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_SECTOR:
      g_value_set_string (value, self->sector);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_firm_list_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ZsFirmListModel *self = ZS_FIRM_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      zs_firm_list_model_set_search (self, g_value_get_string (value));
      break;
    case PROP_SECTOR:
      zs_firm_list_model_set_sector (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_firm_list_model_class_init (ZsFirmListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ZsPagedModelClass *paged_class = ZS_PAGED_MODEL_CLASS (klass);

  object_class->finalize = zs_firm_list_model_finalize;
  object_class->get_property = zs_firm_list_model_get_property;
  object_class->set_property = zs_firm_list_model_set_property;
  paged_class->dup_query = zs_firm_list_model_dup_query;
  paged_class->free_query = zs_firm_list_model_free_query;
  paged_class->count = zs_firm_list_model_count;
  paged_class->fetch = zs_firm_list_model_fetch;
  paged_class->is_relevant = zs_firm_list_model_is_relevant;

  /**
   * ZsFirmListModel:search: (nullable)
   *
   * Text to look for, as zs_store_list_firms() does; %NULL lists every firm.
   */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsFirmListModel:sector: (nullable)
   *
   * Only firms in this sector (a code).
   */
  properties[PROP_SECTOR] =
    g_param_spec_string ("sector", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_firm_list_model_init (ZsFirmListModel *self)
{
}

/**
 * zs_firm_list_model_new:
 * @store: the store to read
 *
 * Returns: (transfer full): a model of every firm, being counted
 */
ZsFirmListModel *
zs_firm_list_model_new (ZsStore *store)
{
  ZsFirmListModel *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_FIRM_LIST_MODEL,
                       "store", store,
                       "item-type", ZS_TYPE_FIRM,
                       NULL);
  zs_paged_model_reload (ZS_PAGED_MODEL (self));
  return self;
}

const char *
zs_firm_list_model_get_search (ZsFirmListModel *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_LIST_MODEL (self), NULL);

  return self->search;
}

/* Blank text and no text are the same search. */
static char *
normalise (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return stripped[0] != '\0' ? g_steal_pointer (&stripped) : NULL;
}

void
zs_firm_list_model_set_search (ZsFirmListModel *self,
                               const char      *search)
{
  g_autofree char *normalised = normalise (search);

  g_return_if_fail (ZS_IS_FIRM_LIST_MODEL (self));

  if (g_strcmp0 (self->search, normalised) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&normalised);
  zs_paged_model_reload (ZS_PAGED_MODEL (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

const char *
zs_firm_list_model_get_sector (ZsFirmListModel *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_LIST_MODEL (self), NULL);

  return self->sector;
}

void
zs_firm_list_model_set_sector (ZsFirmListModel *self,
                               const char      *sector)
{
  g_autofree char *normalised = normalise (sector);

  g_return_if_fail (ZS_IS_FIRM_LIST_MODEL (self));

  if (g_strcmp0 (self->sector, normalised) == 0)
    return;
  g_free (self->sector);
  self->sector = g_steal_pointer (&normalised);
  zs_paged_model_reload (ZS_PAGED_MODEL (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTOR]);
}

/**
 * zs_firm_list_model_is_searching:
 * @self: a #ZsFirmListModel
 *
 * Returns: whether a search or a sector narrows the list
 */
gboolean
zs_firm_list_model_is_searching (ZsFirmListModel *self)
{
  g_return_val_if_fail (ZS_IS_FIRM_LIST_MODEL (self), FALSE);

  return self->search != NULL || self->sector != NULL;
}
