/* zs-project-filter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-types.h"

G_BEGIN_DECLS

#define ZS_TYPE_PROJECT_FILTER (zs_project_filter_get_type ())

/**
 * ZsProjectFilter:
 * @firm_id: only this firm's projects, or 0
 * @stage: (nullable): only projects at this stage (nick)
 * @park: (nullable): only projects in this park (code)
 * @owner: (nullable): only projects this staff member owns
 * @sector: (nullable): only projects in this sector (code)
 * @search: (nullable): text the title or the firm's name contains, in any case
 * @created_from: (nullable): only projects added on or after this date (YYYY-MM-DD)
 * @created_to: (nullable): only projects added on or before this date (YYYY-MM-DD)
 * @sort: (nullable): the column the projects are listed by: `title`,
 *   `firm`, `stage` (in pipeline order), `park`, `owner`, `planned` or
 *   `realised`; %NULL for the order they were added in
 * @direction: ascending or descending
 *
 * Which projects a list shows, and in which order. Every field left empty
 * selects every project.
 */
typedef struct _ZsProjectFilter ZsProjectFilter;

struct _ZsProjectFilter
{
  gint64           firm_id;
  char            *stage;
  char            *park;
  char            *owner;
  char            *sector;
  char            *search;
  char            *created_from;
  char            *created_to;
  char            *sort;
  ZsSortDirection  direction;
};

ZS_AVAILABLE_IN_ALL
GType            zs_project_filter_get_type (void) G_GNUC_CONST;
ZS_AVAILABLE_IN_ALL
ZsProjectFilter *zs_project_filter_new      (void);
ZS_AVAILABLE_IN_ALL
ZsProjectFilter *zs_project_filter_copy     (const ZsProjectFilter *self);
ZS_AVAILABLE_IN_ALL
void             zs_project_filter_free     (ZsProjectFilter       *self);
ZS_AVAILABLE_IN_ALL
gboolean         zs_project_filter_is_sort_column (const char      *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZsProjectFilter, zs_project_filter_free)

G_END_DECLS
