/* zs-paged-model.c: a list of records read from the store a page at a time
 *
 * A million firms cannot be held in a GListStore: the model only knows how
 * many records the filter selects and fetches a page of them when a view
 * asks for an item in it. A few recently used pages are kept; the rest are
 * forgotten, so memory stays flat however far the user scrolls.
 *
 * Nothing is read on the main thread. Counts and pages are read by GTasks
 * in worker threads, through a read connection of the model's own (a
 * ZsStore is used by one thread at a time; WAL lets it read while the
 * window's connection writes). An item of a page not read yet is an empty
 * record (id 0: GTK's selection models need an item at every position);
 * when the page arrives its rows are announced changed. A
 * filter change cancels what is in flight, and what arrives for an older
 * filter is dropped. The count also yields the id each page follows, so a
 * page anywhere in the list is one keyset seek, not an OFFSET scan. Idle,
 * the model does nothing: no timers, only ZsStore::changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "zs-paged-model.h"

#define DEFAULT_PAGE_SIZE 200
/* Enough for a tall window and a fast scroll back and forth. */
#define MAX_CACHED_PAGES 8

/* The worker's connection, shared by the model's tasks one at a time. */
typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  char            *path;
  ZsStore         *store;
  gint             delay_ms;   /* tests: a slow query; atomic */
} Reader;

static Reader *
reader_ref (Reader *reader)
{
  g_atomic_ref_count_inc (&reader->ref_count);
  return reader;
}

static void
reader_unref (Reader *reader)
{
  if (!g_atomic_ref_count_dec (&reader->ref_count))
    return;
  g_clear_object (&reader->store);
  g_free (reader->path);
  g_mutex_clear (&reader->lock);
  g_free (reader);
}

/* A task holds the model weakly: a view that drops its model while a page
 * is read must not get the page's signals. */
typedef struct
{
  GWeakRef           model;
  Reader            *reader;
  ZsPagedModelClass *klass;
  gpointer           query;
  guint              serial;
  guint              page_size;
  guint              page;
  gint64             after;
  gboolean           refresh;
} Job;

static void
job_free (Job *job)
{
  if (job->query != NULL && job->klass->free_query != NULL)
    job->klass->free_query (job->query);
  reader_unref (job->reader);
  g_weak_ref_clear (&job->model);
  g_free (job);
}

typedef struct
{
  gint64  count;
  GArray *cursors;
} Count;

static void
count_free (Count *count)
{
  g_clear_pointer (&count->cursors, g_array_unref);
  g_free (count);
}

typedef struct
{
  ZsStore      *store;
  GType         item_type;
  guint         page_size;
  guint         n_items;
  GHashTable   *pages;      /* page index → GPtrArray of items */
  GQueue        recent;     /* page indices, most recently used first */
  GHashTable   *pending;    /* page indices being read */
  GArray       *cursors;    /* the id each page follows, or NULL */
  GError       *error;
  guint         n_fetches;
  guint         n_tasks;    /* of the current serial, in flight */
  guint         serial;     /* bumped when the filter changes */
  gboolean      counting;   /* pages held are of an older filter */
  GCancellable *cancellable;
  Reader       *reader;
  guint         refresh_id;
  gulong        changed_id;
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
  PROP_LOADING,
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

static void
task_started (ZsPagedModel *self)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  if (priv->n_tasks++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Whether the task's result is still wanted. */
static gboolean
task_finished (ZsPagedModel *self,
               Job          *job)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  if (job->serial != priv->serial)
    return FALSE;
  if (--priv->n_tasks == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  return TRUE;
}

/* In the worker: the model's own connection, opened on first use. */
static ZsStore *
reader_lock (Reader        *reader,
             GCancellable  *cancellable,
             GError       **error)
{
  for (gint waited = 0; waited < g_atomic_int_get (&reader->delay_ms); waited += 5)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  g_mutex_lock (&reader->lock);
  if (reader->store == NULL && (reader->store = zs_store_create (reader->path, error)) == NULL)
    {
      g_mutex_unlock (&reader->lock);
      return NULL;
    }
  return reader->store;
}

static void
count_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  Count *count = g_new0 (Count, 1);
  ZsStore *store = reader_lock (job->reader, cancellable, &error);

  if (store != NULL)
    {
      count->count = job->klass->count (store, job->query, job->page_size, &count->cursors, &error);
      g_mutex_unlock (&job->reader->lock);
    }
  if (error != NULL)
    {
      count_free (count);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, count, (GDestroyNotify) count_free);
}

static void
fetch_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  GPtrArray *items = NULL;
  ZsStore *store = reader_lock (job->reader, cancellable, &error);

  if (store != NULL)
    {
      items = job->klass->fetch (store, job->query, job->after, job->page * job->page_size,
                                 job->page_size, &error);
      g_mutex_unlock (&job->reader->lock);
    }
  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static GTask *
new_job (ZsPagedModel        *self,
         GAsyncReadyCallback  callback,
         Job                **out)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);
  GTask *task = g_task_new (NULL, priv->cancellable, callback, NULL);
  Job *job = g_new0 (Job, 1);

  g_weak_ref_init (&job->model, self);
  job->reader = reader_ref (priv->reader);
  job->klass = ZS_PAGED_MODEL_GET_CLASS (self);
  job->query = job->klass->dup_query != NULL ? job->klass->dup_query (self) : NULL;
  job->serial = priv->serial;
  job->page_size = priv->page_size;
  job->after = -1;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, FALSE);
  task_started (self);
  *out = job;
  return task;
}

static void
announce_page (ZsPagedModel *self,
               guint         page)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);
  guint start = page * priv->page_size;
  guint len;

  if (start >= priv->n_items)
    return;
  len = MIN (priv->page_size, priv->n_items - start);
  g_list_model_items_changed (G_LIST_MODEL (self), start, len, len);
}

static gboolean refresh_cb (gpointer data);

static void
schedule_refresh (ZsPagedModel *self)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  if (priv->refresh_id == 0)
    priv->refresh_id = g_idle_add (refresh_cb, self);
}

static void
fetch_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(ZsPagedModel) self = g_weak_ref_get (&job->model);
  ZsPagedModelPrivate *priv;
  GError *error = NULL;
  GPtrArray *items = g_task_propagate_pointer (G_TASK (result), &error);

  if (self == NULL || !task_finished (self, job))
    {
      g_clear_pointer (&items, g_ptr_array_unref);
      g_clear_error (&error);
      return;
    }
  priv = zs_paged_model_get_instance_private (self);
  g_hash_table_remove (priv->pending, GUINT_TO_POINTER (job->page));
  if (items == NULL)
    {
      set_error (self, error);
      return;
    }
  g_hash_table_insert (priv->pages, GUINT_TO_POINTER (job->page), items);
  touch_page (self, job->page);
  /* Another process deleted records since they were counted: count again. */
  if (job->page * priv->page_size + items->len < MIN (priv->n_items, (job->page + 1) * priv->page_size))
    schedule_refresh (self);
  announce_page (self, job->page);
}

static void
request_page (ZsPagedModel *self,
              guint         page)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (g_hash_table_contains (priv->pending, GUINT_TO_POINTER (page)))
    return;
  g_hash_table_add (priv->pending, GUINT_TO_POINTER (page));
  priv->n_fetches++;
  task = new_job (self, fetch_done, &job);
  job->page = page;
  if (priv->cursors != NULL && page < priv->cursors->len)
    job->after = g_array_index (priv->cursors, gint64, page);
  g_task_run_in_thread (task, fetch_in_thread);
}

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

  items = priv->counting ? NULL : g_hash_table_lookup (priv->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      /* the count under the new filter will announce every row again */
      if (!priv->counting)
        request_page (self, page);
      return g_object_new (priv->item_type, NULL);
    }
  touch_page (self, page);
  if (index >= items->len)
    return g_object_new (priv->item_type, NULL);
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

static void
count_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(ZsPagedModel) self = g_weak_ref_get (&job->model);
  ZsPagedModelPrivate *priv;
  GError *error = NULL;
  Count *count = g_task_propagate_pointer (G_TASK (result), &error);
  guint n_items;
  g_autoptr(GArray) pages = NULL;

  if (self == NULL || !task_finished (self, job))
    {
      g_clear_pointer (&count, count_free);
      g_clear_error (&error);
      return;
    }
  priv = zs_paged_model_get_instance_private (self);
  set_error (self, error);
  /* A GListModel counts in guint; no promotion office has more records. */
  n_items = count != NULL ? (guint) CLAMP (count->count, 0, (gint64) G_MAXUINT) : 0;
  g_clear_pointer (&priv->cursors, g_array_unref);
  if (count != NULL)
    priv->cursors = g_steal_pointer (&count->cursors);
  g_clear_pointer (&count, count_free);

  if (!job->refresh || priv->counting || n_items != priv->n_items)
    {
      priv->counting = FALSE;
      forget_pages (self);
      set_n_items (self, n_items);
      return;
    }

  /* The same number of rows: the pages in view are read again and
   * announced page by page when they arrive, so that a view keeps its
   * scroll position when one record on screen was edited. */
  pages = g_array_new (FALSE, FALSE, sizeof (guint));
  for (GList *l = priv->recent.head; l != NULL; l = l->next)
    {
      guint page = GPOINTER_TO_UINT (l->data);

      g_array_append_val (pages, page);
    }
  for (guint i = 0; i < pages->len; i++)
    request_page (self, g_array_index (pages, guint, i));
}

static void
start_count (ZsPagedModel *self,
             gboolean      refresh)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (!refresh)
    {
      /* what is in flight is for the old filter */
      priv->serial++;
      g_cancellable_cancel (priv->cancellable);
      g_clear_object (&priv->cancellable);
      priv->cancellable = g_cancellable_new ();
      g_hash_table_remove_all (priv->pending);
      if (priv->n_tasks != 0)
        {
          priv->n_tasks = 0;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
        }
      priv->counting = TRUE;
    }
  task = new_job (self, count_done, &job);
  job->refresh = refresh;
  g_task_run_in_thread (task, count_in_thread);
}

/**
 * zs_paged_model_reload:
 * @self: a #ZsPagedModel
 *
 * Counts again and replaces every item: for a subclass whose filter changed.
 * Returns at once; the rows shown stay until the new count arrives.
 */
void
zs_paged_model_reload (ZsPagedModel *self)
{
  g_return_if_fail (ZS_IS_PAGED_MODEL (self));

  start_count (self, FALSE);
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

  g_return_if_fail (ZS_IS_PAGED_MODEL (self));

  priv = zs_paged_model_get_instance_private (self);
  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  start_count (self, TRUE);
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
  schedule_refresh (self);
}

static void
zs_paged_model_constructed (GObject *object)
{
  ZsPagedModel *self = ZS_PAGED_MODEL (object);
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  G_OBJECT_CLASS (zs_paged_model_parent_class)->constructed (object);

  g_return_if_fail (ZS_IS_STORE (priv->store));
  priv->reader->path = g_strdup (zs_store_get_path (priv->store));
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
  g_cancellable_cancel (priv->cancellable);
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
  g_clear_pointer (&priv->pending, g_hash_table_unref);
  g_clear_pointer (&priv->cursors, g_array_unref);
  g_clear_pointer (&priv->reader, reader_unref);
  g_clear_object (&priv->cancellable);
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
    case PROP_LOADING:
      g_value_set_boolean (value, priv->n_tasks > 0);
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

  /**
   * ZsPagedModel:loading:
   *
   * Whether a count or a page is being read for the current filter.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
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
  priv->pending = g_hash_table_new (NULL, NULL);
  priv->cancellable = g_cancellable_new ();
  priv->reader = g_new0 (Reader, 1);
  g_atomic_ref_count_init (&priv->reader->ref_count);
  g_mutex_init (&priv->reader->lock);
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
  /* the cursors are of the old pages */
  if (priv->reader->path != NULL)
    start_count (self, FALSE);
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

/**
 * zs_paged_model_is_loading:
 * @self: a #ZsPagedModel
 *
 * Returns: whether a count or a page is being read for the current filter
 */
gboolean
zs_paged_model_is_loading (ZsPagedModel *self)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  g_return_val_if_fail (ZS_IS_PAGED_MODEL (self), FALSE);

  return priv->n_tasks > 0;
}

/**
 * zs_paged_model_is_loaded:
 * @self: a #ZsPagedModel
 * @position: a row
 *
 * Returns: whether the item at @position has been read (else it is an
 *   empty record, id 0, until its page arrives)
 */
gboolean
zs_paged_model_is_loaded (ZsPagedModel *self,
                          guint         position)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);
  GPtrArray *items;

  g_return_val_if_fail (ZS_IS_PAGED_MODEL (self), FALSE);

  if (priv->counting || position >= priv->n_items)
    return FALSE;
  items = g_hash_table_lookup (priv->pages, GUINT_TO_POINTER (position / priv->page_size));
  return items != NULL && position % priv->page_size < items->len;
}

/**
 * zs_paged_model_set_worker_delay:
 * @self: a #ZsPagedModel
 * @milliseconds: how long every read waits before it starts
 *
 * For tests: makes every query slow, to show that the main loop runs on.
 */
void
zs_paged_model_set_worker_delay (ZsPagedModel *self,
                                 guint         milliseconds)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);

  g_return_if_fail (ZS_IS_PAGED_MODEL (self));

  g_atomic_int_set (&priv->reader->delay_ms, (gint) MIN (milliseconds, G_MAXINT));
}

/* Every row {{{ */

/* Rows read at once by an export: memory stays flat for a million. */
#define ROWS_PAGE_SIZE 1000

typedef gboolean (*EmitRow) (gpointer   target,
                             GStrv      row,
                             GError   **error);

typedef struct
{
  char                *path;       /* the database */
  ZsPagedModelClass   *klass;
  gpointer             query;
  ZsPagedModelRowFunc  row_func;
  gpointer             row_data;
  GDestroyNotify       row_destroy;
  char                *file;       /* export: the file to write */
  GStrv                titles;
  char                *sheet_name;
} RowsJob;

static void
rows_job_free (RowsJob *job)
{
  if (job->query != NULL && job->klass->free_query != NULL)
    job->klass->free_query (job->query);
  if (job->row_destroy != NULL)
    job->row_destroy (job->row_data);
  g_free (job->path);
  g_free (job->file);
  g_strfreev (job->titles);
  g_free (job->sheet_name);
  g_free (job);
}

static RowsJob *
rows_job_new (ZsPagedModel        *self,
              ZsPagedModelRowFunc  row_func,
              gpointer             row_data,
              GDestroyNotify       row_destroy)
{
  ZsPagedModelPrivate *priv = zs_paged_model_get_instance_private (self);
  RowsJob *job = g_new0 (RowsJob, 1);

  job->path = g_strdup (priv->reader->path);
  job->klass = ZS_PAGED_MODEL_GET_CLASS (self);
  job->query = job->klass->dup_query != NULL ? job->klass->dup_query (self) : NULL;
  job->row_func = row_func;
  job->row_data = row_data;
  job->row_destroy = row_destroy;
  return job;
}

/* In a worker, on a connection of its own so that the list's pages are
 * read meanwhile: each row of the list's query, in its order, by keyset
 * where the list pages so. */
static gint64
each_row (RowsJob       *job,
          EmitRow        emit,
          gpointer       target,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(ZsStore) store = zs_store_create (job->path, error);
  g_autoptr(GArray) cursors = NULL;
  gint64 total, done = 0;

  if (store == NULL)
    return -1;
  total = job->klass->count (store, job->query, ROWS_PAGE_SIZE, &cursors, error);
  for (guint page = 0; total >= 0 && done < total; page++)
    {
      gint64 after = cursors != NULL && page < cursors->len ? g_array_index (cursors, gint64, page) : -1;
      g_autoptr(GPtrArray) items = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !(items = job->klass->fetch (store, job->query, after, page * ROWS_PAGE_SIZE, ROWS_PAGE_SIZE, error)))
        return -1;
      if (items->len == 0)
        break;
      for (guint i = 0; i < items->len; i++, done++)
        if (!emit (target, job->row_func (store, g_ptr_array_index (items, i), job->row_data), error))
          return -1;
    }
  return total < 0 ? -1 : done;
}

static gboolean
write_row (gpointer   target,
           GStrv      row,
           GError   **error)
{
  gboolean ok = zs_row_sink_write_row (target, (const char * const *) row, error);

  g_strfreev (row);
  return ok;
}

static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  RowsJob *job = data;
  GError *error = NULL;
  g_autoptr(ZsRowSink) sink = zs_row_sink_create (job->file, TRUE, &error);
  gint64 count = -1;

  if (sink != NULL)
    {
      /* a cell starting with = is text, not a formula, in the spreadsheet */
      if (ZS_IS_CSV_WRITER (sink))
        zs_csv_writer_set_formula_guard (ZS_CSV_WRITER (sink), TRUE);
      if (ZS_IS_XLSX_WRITER (sink) && job->sheet_name != NULL)
        zs_xlsx_writer_set_sheet_name (ZS_XLSX_WRITER (sink), job->sheet_name);
      if (zs_row_sink_write_row (sink, (const char * const *) job->titles, &error) &&
          (count = each_row (job, write_row, sink, cancellable, &error)) >= 0 &&
          !zs_row_sink_close (sink, &error))
        count = -1;
    }
  if (count < 0)
    {
      /* no half-written file is left as if it were the list */
      g_clear_object (&sink);
      g_remove (job->file);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_int (task, count);
}

/**
 * zs_paged_model_export_async:
 * @self: a #ZsPagedModel
 * @file: a .xlsx or .csv file to write (replaced)
 * @titles: the column titles
 * @sheet_name: (nullable): an XLSX file's sheet
 * @row_func: (scope notified): the texts of a record's row, in a worker
 * @row_data: data for @row_func, read from the worker
 * @row_destroy: frees @row_data
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes every record of the list, as its filter selects them and in its
 * order, not only the pages read; off the main thread.
 */
void
zs_paged_model_export_async (ZsPagedModel        *self,
                             const char          *file,
                             const char * const  *titles,
                             const char          *sheet_name,
                             ZsPagedModelRowFunc  row_func,
                             gpointer             row_data,
                             GDestroyNotify       row_destroy,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RowsJob *job;

  g_return_if_fail (ZS_IS_PAGED_MODEL (self));
  g_return_if_fail (file != NULL && titles != NULL && row_func != NULL);

  job = rows_job_new (self, row_func, row_data, row_destroy);
  job->file = g_strdup (file);
  job->titles = g_strdupv ((char **) titles);
  job->sheet_name = g_strdup (sheet_name);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zs_paged_model_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) rows_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

/**
 * zs_paged_model_export_finish:
 * @self: a #ZsPagedModel
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: the rows written, or -1 with @error set
 */
gint64
zs_paged_model_export_finish (ZsPagedModel  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

static gboolean
keep_row (gpointer   target,
          GStrv      row,
          GError   **error)
{
  g_ptr_array_add (target, row);
  return TRUE;
}

static void
collect_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  RowsJob *job = data;
  GError *error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (each_row (job, keep_row, rows, cancellable, &error) < 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&rows), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * zs_paged_model_collect_rows_async:
 * @self: a #ZsPagedModel
 * @row_func: (scope notified): the texts of a record's row, in a worker
 * @row_data: data for @row_func, read from the worker
 * @row_destroy: frees @row_data
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the rows
 * @user_data: data for @callback
 *
 * Reads every record of the list, as its filter selects them and in its
 * order, as rows of text; off the main thread.
 */
void
zs_paged_model_collect_rows_async (ZsPagedModel        *self,
                                   ZsPagedModelRowFunc  row_func,
                                   gpointer             row_data,
                                   GDestroyNotify       row_destroy,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZS_IS_PAGED_MODEL (self));
  g_return_if_fail (row_func != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zs_paged_model_collect_rows_async);
  g_task_set_task_data (task, rows_job_new (self, row_func, row_data, row_destroy), (GDestroyNotify) rows_job_free);
  g_task_run_in_thread (task, collect_in_thread);
}

/**
 * zs_paged_model_collect_rows_finish:
 * @self: a #ZsPagedModel
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GStrv): the rows, or %NULL
 *   with @error set
 */
GPtrArray *
zs_paged_model_collect_rows_finish (ZsPagedModel  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
