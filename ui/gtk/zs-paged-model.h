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
 * ZsPagedModelClass:
 * @count: how many records the current filter selects, or -1 with @error set
 * @fetch: the records from @offset, at most @limit of them
 * @is_relevant: whether a #ZsStore::changed about @entity may change the list
 *
 * A list of records that asks the store for pages of them on demand.
 */
struct _ZsPagedModelClass
{
  GObjectClass parent_class;

  gint64     (*count)       (ZsPagedModel  *self,
                             GError       **error);
  GPtrArray *(*fetch)       (ZsPagedModel  *self,
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
void          zs_paged_model_reload         (ZsPagedModel *self);
void          zs_paged_model_refresh        (ZsPagedModel *self);

G_END_DECLS
