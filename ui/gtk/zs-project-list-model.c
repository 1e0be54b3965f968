/* zs-project-list-model.c: the projects at a stage, in a park, paged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include "zs-project-list-model.h"

struct _ZsProjectListModel
{
  ZsPagedModel  parent_instance;

  char         *stage;   /* a nick, or NULL for every stage */
  char         *park;
  gint64        firm_id;
};

G_DEFINE_FINAL_TYPE (ZsProjectListModel, zs_project_list_model, ZS_TYPE_PAGED_MODEL)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_PARK,
  PROP_FIRM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char   *stage;
  char   *park;
  gint64  firm_id;
} Query;

static gpointer
zs_project_list_model_dup_query (ZsPagedModel *model)
{
  ZsProjectListModel *self = ZS_PROJECT_LIST_MODEL (model);
  Query *query = g_new0 (Query, 1);

  query->stage = g_strdup (self->stage);
  query->park = g_strdup (self->park);
  query->firm_id = self->firm_id;
  return query;
}

static void
zs_project_list_model_free_query (gpointer data)
{
  Query *query = data;

  g_free (query->stage);
  g_free (query->park);
  g_free (query);
}

/* In a worker thread: the projects are paged by id. */
static gint64
zs_project_list_model_count (ZsStore        *store,
                             gconstpointer   data,
                             guint           page_size,
                             GArray        **cursors,
                             GError        **error)
{
  const Query *query = data;

  return zs_store_count_project_pages (store, query->firm_id, query->stage, query->park,
                                       page_size, cursors, error);
}

static GPtrArray *
zs_project_list_model_fetch (ZsStore        *store,
                             gconstpointer   data,
                             gint64          after,
                             guint           offset,
                             guint           limit,
                             GError        **error)
{
  const Query *query = data;

  if (after >= 0)
    return zs_store_list_projects_after (store, query->firm_id, query->stage, query->park,
                                         after, limit, error);
  return zs_store_list_projects (store, query->firm_id, query->stage, query->park,
                                 offset, limit, error);
}

static gboolean
zs_project_list_model_is_relevant (ZsPagedModel *model,
                                   const char   *entity)
{
  return g_strcmp0 (entity, "project") == 0;
}

static void
zs_project_list_model_finalize (GObject *object)
{
  ZsProjectListModel *self = ZS_PROJECT_LIST_MODEL (object);

  g_clear_pointer (&self->stage, g_free);
  g_clear_pointer (&self->park, g_free);

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
      g_value_set_string (value, self->stage);
      break;
    case PROP_PARK:
      g_value_set_string (value, self->park);
      break;
    case PROP_FIRM_ID:
      g_value_set_int64 (value, self->firm_id);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_project_list_model_init (ZsProjectListModel *self)
{
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

const char *
zs_project_list_model_get_stage (ZsProjectListModel *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT_LIST_MODEL (self), NULL);

  return self->stage;
}

void
zs_project_list_model_set_stage (ZsProjectListModel *self,
                                 const char         *stage)
{
  g_return_if_fail (ZS_IS_PROJECT_LIST_MODEL (self));

  if (!replace_filter (&self->stage, stage))
    return;
  zs_paged_model_reload (ZS_PAGED_MODEL (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

const char *
zs_project_list_model_get_park (ZsProjectListModel *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT_LIST_MODEL (self), NULL);

  return self->park;
}

void
zs_project_list_model_set_park (ZsProjectListModel *self,
                                const char         *park)
{
  g_return_if_fail (ZS_IS_PROJECT_LIST_MODEL (self));

  if (!replace_filter (&self->park, park))
    return;
  zs_paged_model_reload (ZS_PAGED_MODEL (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARK]);
}

gint64
zs_project_list_model_get_firm_id (ZsProjectListModel *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT_LIST_MODEL (self), 0);

  return self->firm_id;
}

void
zs_project_list_model_set_firm_id (ZsProjectListModel *self,
                                   gint64              firm_id)
{
  g_return_if_fail (ZS_IS_PROJECT_LIST_MODEL (self));

  if (self->firm_id == firm_id)
    return;
  self->firm_id = firm_id;
  zs_paged_model_reload (ZS_PAGED_MODEL (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRM_ID]);
}
