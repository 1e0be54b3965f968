/* zs-paged-model.c: a list of records read from the store a page at a time
 *
 * A million firms cannot be held in a GListStore: the model only knows how
 * many records the filter selects and fetches a page of them when a view
 * asks for an item in it. A few recently used pages are kept; the rest are
 * forgotten, so memory stays flat however far the user scrolls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-paged-model.h"

#define DEFAULT_PAGE_SIZE 200
/* Enough for a tall window and a fast scroll back and forth. */
#define MAX_CACHED_PAGES 8

typedef struct
{
  ZsStore    *store;
  GType       item_type;
  guint       page_size;
  guint       n_items;
  GHashTable *pages;      /* page index → GPtrArray of items */
  GQueue      recent;     /* page indices, most recently used first */
  GError     *error;
  guint       n_fetches;
  guint       refresh_id;
  gulong      changed_id;
} ZsPagedModelPrivate;

static void zs_paged_model_list_model_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (ZsPagedModel, zs_paged_model, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (ZsPagedModel)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, zs_paged_model_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM_TYPE,
  PROP_PAGE_SIZE,
  PROP_N_ITEMS,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
forget_pages (ZsPagedModel *self)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  g_hash_table_remove_all (priv->pages);
  g_queue_clear (&priv->recent);
}

static void
touch_page (ZsPagedModel *self,
            guint         page)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  g_queue_remove (&priv->recent, GUINT_TO_POINTER (page));
  g_queue_push_head (&priv->recent, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&priv->recent) > MAX_CACHED_PAGES)
    g_hash_table_remove (priv->pages, g_queue_pop_tail (&priv->recent));
}

static void
set_error (ZsPagedModel *self,
           GError       *error)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);
  gboolean changed = priv->error != NULL || error != NULL;

  g_clear_error (&priv->error);
  priv->error = error;
  /* the view holding the model shows it */
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static GPtrArray *
fetch_page (ZsPagedModel *self,
            guint         page)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);
  GError *error = NULL;
  GPtrArray *items;

  priv->n_fetches++;
  items = ZS_PAGED_MODEL_GET_CLASS (self)->fetch (self, page * priv->page_size, priv->page_size, &error);
  if (items == NULL)
    {
      set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (priv->pages, GUINT_TO_POINTER (page), items);
  return items;
}

static gboolean refresh_cb (gpointer data);

static gpointer
zs_paged_model_get_item (GListModel *model,
                         guint       position)
{
  ZsPagedModel *self = ZS_PAGED_MODEL (model);
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);
  guint page = position / priv->page_size;
  guint index = position % priv->page_size;
  GPtrArray *items;

  if (position >= priv->n_items)
    return NULL;

  items = g_hash_table_lookup (priv->pages, GUINT_TO_POINTER (page));
  if (items == NULL && (items = fetch_page (self, page)) == NULL)
    return NULL;
  touch_page (self, page);

  /* Another process deleted records since they were counted: count again. */
  if (index >= items->len)
    {
      if (priv->refresh_id == 0)
        priv->refresh_id = g_idle_add (refresh_cb, self);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, index));
}

static GType
zs_paged_model_get_item_type (GListModel *model)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (ZS_PAGED_MODEL (model));

  return priv->item_type;
}

static guint
zs_paged_model_get_n_items (GListModel *model)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (ZS_PAGED_MODEL (model));

  return priv->n_items;
}

static void
zs_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item = zs_paged_model_get_item;
  iface->get_item_type = zs_paged_model_get_item_type;
  iface->get_n_items = zs_paged_model_get_n_items;
}

static guint
count_items (ZsPagedModel *self)
{
  GError *error = NULL;
  gint64 count = ZS_PAGED_MODEL_GET_CLASS (self)->count (self, &error);

  set_error (self, error);
  /* A GListModel counts in guint; no promotion office has more records. */
  return (guint) CLAMP (count, 0, (gint64) G_MAXUINT);
}

static void
set_n_items (ZsPagedModel *self,
             guint         n_items)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);
  guint old = priv->n_items;

  /* Removed, then added, in two signals: for an item it tracks (the scroll
   * anchor, the focus) that is removed, GtkListItemManager looks through
   * every added item, which here would read the whole table page by page. */
  priv->n_items = 0;
  if (old != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
  priv->n_items = n_items;
  if (n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_items);
  if (old != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * zs_paged_model_reload:
 * @self: a #ZsPagedModel
 *
 * Counts again and replaces every item: for a subclass whose filter changed.
 */
void
zs_paged_model_reload (ZsPagedModel *self)
{
  g_return_if_fail (ZS_IS_PAGED_MODEL (self));

  forget_pages (self);
  set_n_items (self, count_items (self));
}

/* Pages in view are read again and announced page by page, so that a view
 * keeps its scroll position when one record on screen was edited. */
static void
refresh_cached_pages (ZsPagedModel *self)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));

  for (GList *l = priv->recent.head; l != NULL; l = l->next)
    {
      guint page = GPOINTER_TO_UINT (l->data);

      g_array_append_val (pages, page);
    }

  forget_pages (self);
  for (guint i = 0; i < pages->len; i++)
    {
      guint page = g_array_index (pages, guint, i);
      guint start = page * priv->page_size;
      guint len;

      if (start >= priv->n_items)
        continue;
      len = MIN (priv->page_size, priv->n_items - start);
      if (fetch_page (self, page) != NULL)
        touch_page (self, page);
      g_list_model_items_changed (G_LIST_MODEL (self), start, len, len);
    }
}

/**
 * zs_paged_model_refresh:
 * @self: a #ZsPagedModel
 *
 * Reads the records again after they changed in the store. Done by itself,
 * on idle, after every relevant #ZsStore::changed.
 */
void
zs_paged_model_refresh (ZsPagedModel *self)
{
  ZsPagedModelPrivate *priv;
  guint n_items;

  g_return_if_fail (ZS_IS_PAGED_MODEL (self));

  priv = zs_paged_model_get_instance_private (self);
  g_clear_handle_id (&priv->refresh_id, g_source_remove);

  n_items = count_items (self);
  if (n_items != priv->n_items)
    {
      forget_pages (self);
      set_n_items (self, n_items);
      return;
    }
  refresh_cached_pages (self);
}

static gboolean
refresh_cb (gpointer data)
{
  ZsPagedModel *self = data;
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  priv->refresh_id = 0;
  zs_paged_model_refresh (self);
  return G_SOURCE_REMOVE;
}

/* An import commits thousands of changes at once: refresh once, later. */
static void
store_changed_cb (ZsPagedModel *self,
                  const char   *entity,
                  gint64        id,
                  ZsChangeKind  kind,
                  ZsStore      *store)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);
  ZsPagedModelClass *klass = ZS_PAGED_MODEL_GET_CLASS (self);

  if (priv->refresh_id != 0)
    return;
  if (klass->is_relevant != NULL && !klass->is_relevant (self, entity))
    return;
  priv->refresh_id = g_idle_add (refresh_cb, self);
}

static void
zs_paged_model_constructed (GObject *object)
{
  ZsPagedModel *self = ZS_PAGED_MODEL (object);
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  G_OBJECT_CLASS (zs_paged_model_parent_class)->constructed (object);

  g_return_if_fail (ZS_IS_STORE (priv->store));
  priv->changed_id = g_signal_connect_object (priv->store, "changed",
                                              G_CALLBACK (store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
}

static void
zs_paged_model_dispose (GObject *object)
{
  ZsPagedModel *self = ZS_PAGED_MODEL (object);
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  g_clear_signal_handler (&priv->changed_id, priv->store);
  forget_pages (self);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (zs_paged_model_parent_class)->dispose (object);
}

static void
zs_paged_model_finalize (GObject *object)
{
  ZsPagedModel *self = ZS_PAGED_MODEL (object);
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  g_clear_pointer (&priv->pages, g_hash_table_unref);
  g_clear_error (&priv->error);

  G_OBJECT_CLASS (zs_paged_model_parent_class)->finalize (object);
}

static void
zs_paged_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZsPagedModel *self = ZS_PAGED_MODEL (object);
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, priv->item_type);
      break;
    case PROP_PAGE_SIZE:
      g_value_set_uint (value, priv->page_size);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, priv->n_items);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, priv->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_paged_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ZsPagedModel *self = ZS_PAGED_MODEL (object);
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_ITEM_TYPE:
      priv->item_type = g_value_get_gtype (value);
      break;
    case PROP_PAGE_SIZE:
      zs_paged_model_set_page_size (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_paged_model_class_init (ZsPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = zs_paged_model_constructed;
  object_class->dispose = zs_paged_model_dispose;
  object_class->finalize = zs_paged_model_finalize;
  object_class->get_property = zs_paged_model_get_property;
  object_class->set_property = zs_paged_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ZS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsPagedModel:page-size:
   *
   * How many records one query to the store reads.
   */
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL,
                       1, 100000, DEFAULT_PAGE_SIZE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsPagedModel:error:
   *
   * Why the last count or fetch failed; %NULL once one succeeds.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_paged_model_init (ZsPagedModel *self)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  priv->page_size = DEFAULT_PAGE_SIZE;
  priv->item_type = G_TYPE_OBJECT;
  priv->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&priv->recent);
}

ZsStore *
zs_paged_model_get_store (ZsPagedModel *self)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  g_return_val_if_fail (ZS_IS_PAGED_MODEL (self), NULL);

  return priv->store;
}

guint
zs_paged_model_get_page_size (ZsPagedModel *self)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  g_return_val_if_fail (ZS_IS_PAGED_MODEL (self), 0);

  return priv->page_size;
}

void
zs_paged_model_set_page_size (ZsPagedModel *self,
                              guint         page_size)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  g_return_if_fail (ZS_IS_PAGED_MODEL (self));
  g_return_if_fail (page_size > 0);

  if (priv->page_size == page_size)
    return;
  priv->page_size = page_size;
  forget_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}

/**
 * zs_paged_model_get_n_fetches:
 * @self: a #ZsPagedModel
 *
 * Returns: how many pages were read from the store so far
 */
guint
zs_paged_model_get_n_fetches (ZsPagedModel *self)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  g_return_val_if_fail (ZS_IS_PAGED_MODEL (self), 0);

  return priv->n_fetches;
}

/**
 * zs_paged_model_get_n_cached_pages:
 * @self: a #ZsPagedModel
 *
 * Returns: how many pages are held in memory now
 */
guint
zs_paged_model_get_n_cached_pages (ZsPagedModel *self)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  g_return_val_if_fail (ZS_IS_PAGED_MODEL (self), 0);

  return g_hash_table_size (priv->pages);
}

/**
 * zs_paged_model_get_error:
 * @self: a #ZsPagedModel
 *
 * Returns: (nullable): why the last count or fetch failed
 */
const GError *
zs_paged_model_get_error (ZsPagedModel *self)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  g_return_val_if_fail (ZS_IS_PAGED_MODEL (self), NULL);

  return priv->error;
}
