/* zs-project-list-model.c: the projects a filter selects, in the order
 *   chosen, paged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include "zs-project-list-model.h"

struct _ZsProjectListModel
{
  ZsPagedModel     parent_instance;

  ZsProjectFilter *filter;   /* empty strings are NULL */
};

G_DEFINE_FINAL_TYPE (ZsProjectListModel, zs_project_list_model, ZS_TYPE_PAGED_MODEL)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_PARK,
  PROP_FIRM_ID,
  PROP_OWNER,
  PROP_SECTOR,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gpointer
zs_project_list_model_dup_query (ZsPagedModel *model)
{
  return zs_project_filter_copy (ZS_PROJECT_LIST_MODEL (model)->filter);
}

static void
zs_project_list_model_free_query (gpointer data)
{
  zs_project_filter_free (data);
}

/* Listed by id with only the indexed filters: paged by keyset, so that a
 * far page costs what the first does. Sorted or searched: by offset. */
static gboolean
pages_by_id (const ZsProjectFilter *filter)
{
  return filter->sort == NULL && filter->owner == NULL && filter->sector == NULL && filter->search == NULL;
}

/* In a worker thread. */
static gint64
zs_project_list_model_count (ZsStore        *store,
                             gconstpointer   data,
                             guint           page_size,
                             GArray        **cursors,
                             GError        **error)
{
  const ZsProjectFilter *filter = data;

  if (pages_by_id (filter))
    return zs_store_count_project_pages (store, filter->firm_id, filter->stage, filter->park,
                                         page_size, cursors, error);
  return zs_store_count_projects_matching (store, filter, error);
}

/* The firm's name goes with each project of a page, read here in the
 * worker, so that the list's cells never ask the store for it. */
static gboolean
name_firms (ZsStore    *store,
            GPtrArray  *projects,
            GError    **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < projects->len; i++)
    {
      ZsProject *project = g_ptr_array_index (projects, i);
      gint64 firm_id = zs_project_get_firm_id (project);
      const char *name = g_hash_table_lookup (names, &firm_id);

      if (firm_id == 0)
        continue;
      if (name == NULL)
        {
          g_autoptr(ZsFirm) firm = zs_store_get_firm (store, firm_id, error);

          if (firm == NULL)
            return FALSE;
          name = zs_firm_get_name (firm) != NULL ? zs_firm_get_name (firm) : "";
          g_hash_table_insert (names, g_memdup2 (&firm_id, sizeof firm_id), g_strdup (name));
          name = g_hash_table_lookup (names, &firm_id);
        }
      /* set before the project leaves the worker: no other thread sees it yet */
      g_object_set_data_full (G_OBJECT (project), "zs-firm-name", g_strdup (name), g_free);
    }
  return TRUE;
}

/**
 * zs_project_list_model_get_firm_name:
 * @project: a project of the model
 *
 * Returns: (nullable): the name of its firm, read with it
 */
const char *
zs_project_list_model_get_firm_name (ZsProject *project)
{
  g_return_val_if_fail (ZS_IS_PROJECT (project), NULL);
  return g_object_get_data (G_OBJECT (project), "zs-firm-name");
}

static GPtrArray *
zs_project_list_model_fetch (ZsStore        *store,
                             gconstpointer   data,
                             gint64          after,
                             guint           offset,
                             guint           limit,
                             GError        **error)
{
  const ZsProjectFilter *filter = data;
  GPtrArray *projects;

  if (after >= 0 && pages_by_id (filter))
    projects = zs_store_list_projects_after (store, filter->firm_id, filter->stage, filter->park,
                                             after, limit, error);
  else
    projects = zs_store_list_projects_matching (store, filter, offset, limit, error);
  if (projects != NULL && !name_firms (store, projects, error))
    g_clear_pointer (&projects, g_ptr_array_unref);
  return projects;
}

static gboolean
zs_project_list_model_is_relevant (ZsPagedModel *model,
                                   const char   *entity)
{
  /* a firm renamed moves its projects in a search or sort by firm */
  return g_strcmp0 (entity, "project") == 0 || g_strcmp0 (entity, "firm") == 0;
}

static void
zs_project_list_model_finalize (GObject *object)
{
  ZsProjectListModel *self = ZS_PROJECT_LIST_MODEL (object);

  g_clear_pointer (&self->filter, zs_project_filter_free);

  G_OBJECT_CLASS (zs_project_list_model_parent_class)->finalize (object);
}

static void
zs_project_list_model_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ZsProjectListModel *self = ZS_PROJECT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_string (value, self->filter->stage);
      break;
    case PROP_PARK:
      g_value_set_string (value, self->filter->park);
      break;
    case PROP_FIRM_ID:
      g_value_set_int64 (value, self->filter->firm_id);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->filter->owner);
      break;
    case PROP_SECTOR:
      g_value_set_string (value, self->filter->sector);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->filter->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_project_list_model_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ZsProjectListModel *self = ZS_PROJECT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      zs_project_list_model_set_stage (self, g_value_get_string (value));
      break;
    case PROP_PARK:
      zs_project_list_model_set_park (self, g_value_get_string (value));
      break;
    case PROP_FIRM_ID:
      zs_project_list_model_set_firm_id (self, g_value_get_int64 (value));
      break;
    case PROP_OWNER:
      zs_project_list_model_set_owner (self, g_value_get_string (value));
      break;
    case PROP_SECTOR:
      zs_project_list_model_set_sector (self, g_value_get_string (value));
      break;
    case PROP_SEARCH:
      zs_project_list_model_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_project_list_model_class_init (ZsProjectListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ZsPagedModelClass *paged_class = ZS_PAGED_MODEL_CLASS (klass);

  object_class->finalize = zs_project_list_model_finalize;
  object_class->get_property = zs_project_list_model_get_property;
  object_class->set_property = zs_project_list_model_set_property;
  paged_class->dup_query = zs_project_list_model_dup_query;
  paged_class->free_query = zs_project_list_model_free_query;
  paged_class->count = zs_project_list_model_count;
  paged_class->fetch = zs_project_list_model_fetch;
  paged_class->is_relevant = zs_project_list_model_is_relevant;

  /**
   * ZsProjectListModel:stage: (nullable)
   *
   * Only projects at this stage (a nick such as `signed`).
   */
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsProjectListModel:park: (nullable)
   *
   * Only projects in this park (a code).
   */
  properties[PROP_PARK] =
    g_param_spec_string ("park", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsProjectListModel:firm-id:
   *
   * Only this firm's projects, or 0 for every firm.
   */
  properties[PROP_FIRM_ID] =
    g_param_spec_int64 ("firm-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsProjectListModel:owner: (nullable)
   *
   * Only projects this staff member owns.
   */
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsProjectListModel:sector: (nullable)
   *
   * Only projects in this sector (a code).
   */
  properties[PROP_SECTOR] =
    g_param_spec_string ("sector", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ZsProjectListModel:search: (nullable)
   *
   * Only projects whose title or firm's name contains this text.
   */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_project_list_model_init (ZsProjectListModel *self)
{
  self->filter = zs_project_filter_new ();
}

/**
 * zs_project_list_model_new:
 * @store: the store to read
 *
 * Returns: (transfer full): a model of every project
 */
ZsProjectListModel *
zs_project_list_model_new (ZsStore *store)
{
  ZsProjectListModel *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_PROJECT_LIST_MODEL,
                       "store", store,
                       "item-type", ZS_TYPE_PROJECT,
                       NULL);
  zs_paged_model_reload (ZS_PAGED_MODEL (self));
  return self;
}

static gboolean
replace_filter (char       **field,
                const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
set_text_filter (ZsProjectListModel  *self,
                 char               **field,
                 const char          *value,
                 guint                prop_id)
{
  if (!replace_filter (field, value))
    return;
  zs_paged_model_reload (ZS_PAGED_MODEL (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
zs_project_list_model_get_stage (ZsProjectListModel *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT_LIST_MODEL (self), NULL);

  return self->filter->stage;
}

void
zs_project_list_model_set_stage (ZsProjectListModel *self,
                                 const char         *stage)
{
  g_return_if_fail (ZS_IS_PROJECT_LIST_MODEL (self));

  set_text_filter (self, &self->filter->stage, stage, PROP_STAGE);
}

const char *
zs_project_list_model_get_park (ZsProjectListModel *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT_LIST_MODEL (self), NULL);

  return self->filter->park;
}

void
zs_project_list_model_set_park (ZsProjectListModel *self,
                                const char         *park)
{
  g_return_if_fail (ZS_IS_PROJECT_LIST_MODEL (self));

  set_text_filter (self, &self->filter->park, park, PROP_PARK);
}

const char *
zs_project_list_model_get_owner (ZsProjectListModel *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT_LIST_MODEL (self), NULL);

  return self->filter->owner;
}

void
zs_project_list_model_set_owner (ZsProjectListModel *self,
                                 const char         *owner)
{
  g_return_if_fail (ZS_IS_PROJECT_LIST_MODEL (self));

  set_text_filter (self, &self->filter->owner, owner, PROP_OWNER);
}

const char *
zs_project_list_model_get_sector (ZsProjectListModel *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT_LIST_MODEL (self), NULL);

  return self->filter->sector;
}

void
zs_project_list_model_set_sector (ZsProjectListModel *self,
                                  const char         *sector)
{
  g_return_if_fail (ZS_IS_PROJECT_LIST_MODEL (self));

  set_text_filter (self, &self->filter->sector, sector, PROP_SECTOR);
}

const char *
zs_project_list_model_get_search (ZsProjectListModel *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT_LIST_MODEL (self), NULL);

  return self->filter->search;
}

void
zs_project_list_model_set_search (ZsProjectListModel *self,
                                  const char         *search)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (search != NULL ? search : ""));

  g_return_if_fail (ZS_IS_PROJECT_LIST_MODEL (self));

  set_text_filter (self, &self->filter->search, trimmed, PROP_SEARCH);
}

gint64
zs_project_list_model_get_firm_id (ZsProjectListModel *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT_LIST_MODEL (self), 0);

  return self->filter->firm_id;
}

void
zs_project_list_model_set_firm_id (ZsProjectListModel *self,
                                   gint64              firm_id)
{
  g_return_if_fail (ZS_IS_PROJECT_LIST_MODEL (self));

  if (self->filter->firm_id == firm_id)
    return;
  self->filter->firm_id = firm_id;
  zs_paged_model_reload (ZS_PAGED_MODEL (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRM_ID]);
}

/**
 * zs_project_list_model_set_sort:
 * @self: a #ZsProjectListModel
 * @column: (nullable): a sort column of #ZsProjectFilter, or %NULL for the
 *   order the projects were added in
 * @direction: ascending or descending
 */
void
zs_project_list_model_set_sort (ZsProjectListModel *self,
                                const char         *column,
                                ZsSortDirection     direction)
{
  g_return_if_fail (ZS_IS_PROJECT_LIST_MODEL (self));
  g_return_if_fail (column == NULL || zs_project_filter_is_sort_column (column));

  if (column == NULL)
    direction = ZS_SORT_ASCENDING;
  if (g_strcmp0 (self->filter->sort, column) == 0 && self->filter->direction == direction)
    return;
  g_free (self->filter->sort);
  self->filter->sort = g_strdup (column);
  self->filter->direction = direction;
  zs_paged_model_reload (ZS_PAGED_MODEL (self));
}

/**
 * zs_project_list_model_get_filter:
 * @self: a #ZsProjectListModel
 *
 * Returns: (transfer none): which projects are listed, in which order
 */
const ZsProjectFilter *
zs_project_list_model_get_filter (ZsProjectListModel *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT_LIST_MODEL (self), NULL);

  return self->filter;
}
