/* zs-project-filter.c: which projects a list shows, and in which order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-project-filter.h"

G_DEFINE_BOXED_TYPE (ZsProjectFilter, zs_project_filter, zs_project_filter_copy, zs_project_filter_free)

static const char * const sort_columns[] = {
  "title", "firm", "stage", "park", "owner", "planned", "realised",
};

/**
 * zs_project_filter_new:
 *
 * Returns: (transfer full): a filter that selects every project, in the
 *   order they were added
 */
ZsProjectFilter *
zs_project_filter_new (void)
{
  return g_new0 (ZsProjectFilter, 1);
}

/**
 * zs_project_filter_copy:
 * @self: a #ZsProjectFilter
 *
 * Returns: (transfer full): a copy of @self
 */
ZsProjectFilter *
zs_project_filter_copy (const ZsProjectFilter *self)
{
  ZsProjectFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (ZsProjectFilter, 1);
  copy->firm_id = self->firm_id;
  copy->stage = g_strdup (self->stage);
  copy->park = g_strdup (self->park);
  copy->owner = g_strdup (self->owner);
  copy->sector = g_strdup (self->sector);
  copy->search = g_strdup (self->search);
  copy->created_from = g_strdup (self->created_from);
  copy->created_to = g_strdup (self->created_to);
  copy->sort = g_strdup (self->sort);
  copy->direction = self->direction;
  return copy;
}

/**
 * zs_project_filter_free:
 * @self: (nullable): a #ZsProjectFilter
 */
void
zs_project_filter_free (ZsProjectFilter *self)
{
  if (self == NULL)
    return;
  g_free (self->stage);
  g_free (self->park);
  g_free (self->owner);
  g_free (self->sector);
  g_free (self->search);
  g_free (self->created_from);
  g_free (self->created_to);
  g_free (self->sort);
  g_free (self);
}

/**
 * zs_project_filter_is_sort_column:
 * @column: a name
 *
 * Returns: whether projects can be listed by @column (see #ZsProjectFilter)
 */
gboolean
zs_project_filter_is_sort_column (const char *column)
{
  for (guint i = 0; column != NULL && i < G_N_ELEMENTS (sort_columns); i++)
    if (g_str_equal (column, sort_columns[i]))
      return TRUE;
  return FALSE;
}
