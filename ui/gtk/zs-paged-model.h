/* zs-paged-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_PAGED_MODEL (zs_paged_model_get_type ())

G_DECLARE_DERIVABLE_TYPE (ZsPagedModel, zs_paged_model, ZS, PAGED_MODEL, GObject)

/**
 * ZsPagedModelRowFunc:
 * @store: a connection of the worker, for what the row names (a firm's name)
 * @record: a record of the list
 * @data: the function's data
 *
 * In a worker thread: the texts of @record's row, as the list shows them.
 *
 * Returns: (transfer full): the row's fields
 */
typedef GStrv (*ZsPagedModelRowFunc) (ZsStore  *store,
                                      GObject  *record,
                                      gpointer  data);

/**
 * ZsPagedModelClass:
 * @dup_query: a copy of the current filter, taken on the main thread
 * @free_query: frees what @dup_query returned
 * @count: in a worker thread, with a read connection of its own: how many
 *   records @query selects, or -1 with @error set; also, when the list can
 *   be paged by keyset, @cursors: for every page, the id it follows
 * @fetch: in a worker thread: the records of a page, after the id @after
 *   when it is not -1, else from @offset; at most @limit of them
 * @is_relevant: whether a #ZsStore::changed about @entity may change the list
 *
 * A list of records that asks the store for pages of them on demand, off
 * the main thread.
 */
struct _ZsPagedModelClass
{
  GObjectClass parent_class;

  gpointer   (*dup_query)   (ZsPagedModel  *self);
  void       (*free_query)  (gpointer       query);
  gint64     (*count)       (ZsStore       *store,
                             gconstpointer  query,
                             guint          page_size,
                             GArray       **cursors,
                             GError       **error);
  GPtrArray *(*fetch)       (ZsStore       *store,
                             gconstpointer  query,
                             gint64         after,
                             guint          offset,
                             guint          limit,
                             GError       **error);
  gboolean   (*is_relevant) (ZsPagedModel  *self,
                             const char    *entity);

  /*< private >*/
  gpointer padding[8];
};

ZsStore      *zs_paged_model_get_store      (ZsPagedModel *self);
guint         zs_paged_model_get_page_size  (ZsPagedModel *self);
void          zs_paged_model_set_page_size  (ZsPagedModel *self,
                                             guint         page_size);
guint         zs_paged_model_get_n_fetches  (ZsPagedModel *self);
guint         zs_paged_model_get_n_cached_pages (ZsPagedModel *self);
const GError *zs_paged_model_get_error      (ZsPagedModel *self);
gboolean      zs_paged_model_is_loading     (ZsPagedModel *self);
gboolean      zs_paged_model_is_loaded      (ZsPagedModel *self,
                                             guint         position);
void          zs_paged_model_reload         (ZsPagedModel *self);
void          zs_paged_model_refresh        (ZsPagedModel *self);
void          zs_paged_model_set_worker_delay (ZsPagedModel *self,
                                             guint         milliseconds);

void          zs_paged_model_export_async   (ZsPagedModel        *self,
                                             const char          *file,
                                             const char * const  *titles,
                                             const char          *sheet_name,
                                             ZsPagedModelRowFunc  row_func,
                                             gpointer             row_data,
                                             GDestroyNotify       row_destroy,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gint64        zs_paged_model_export_finish  (ZsPagedModel        *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void          zs_paged_model_collect_rows_async (ZsPagedModel    *self,
                                             ZsPagedModelRowFunc  row_func,
                                             gpointer             row_data,
                                             GDestroyNotify       row_destroy,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray    *zs_paged_model_collect_rows_finish (ZsPagedModel   *self,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
