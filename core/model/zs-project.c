/* zs-project.c: an investment project the zone pursues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-enums.h"
#include "zs-project.h"
#include "zs-util-private.h"

/**
 * ZsProject:
 *
 * An investment project: what a firm plans to build or run in one of the
 * zone's parks, followed through the stages from lead to production.
 */
struct _ZsProject
{
  GObject          parent_instance;

  gint64           id;
  gint64       version;
  gint64           firm_id;
  char            *title;
  char           **sectors;
  char            *park_code;
  ZsStage          stage;
  double           planned_investment;
  double           realised_investment;
  int              planned_jobs;
  double           land_mu;
  ZsSourceChannel  source_channel;
  gint64           referrer_firm_id;
  char            *owner;
  int              clause;
  char            *created_at;
  char            *updated_at;
};

G_DEFINE_FINAL_TYPE (ZsProject, zs_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_FIRM_ID,
  PROP_TITLE,
  PROP_SECTORS,
  PROP_PARK_CODE,
  PROP_STAGE,
  PROP_PLANNED_INVESTMENT,
  PROP_REALISED_INVESTMENT,
  PROP_PLANNED_JOBS,
  PROP_LAND_MU,
  PROP_SOURCE_CHANNEL,
  PROP_REFERRER_FIRM_ID,
  PROP_OWNER,
  PROP_CLAUSE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_project_finalize (GObject *object)
{
  ZsProject *self = (ZsProject *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->sectors, g_strfreev);
  g_clear_pointer (&self->park_code, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (zs_project_parent_class)->finalize (object);
}

static void
zs_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ZsProject *self = ZS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_VERSION: g_value_set_int64 (value, self->version); break;
    case PROP_FIRM_ID: g_value_set_int64 (value, self->firm_id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_SECTORS: g_value_set_boxed (value, self->sectors); break;
    case PROP_PARK_CODE: g_value_set_string (value, self->park_code); break;
    case PROP_STAGE: g_value_set_enum (value, self->stage); break;
    case PROP_PLANNED_INVESTMENT: g_value_set_double (value, self->planned_investment); break;
    case PROP_REALISED_INVESTMENT: g_value_set_double (value, self->realised_investment); break;
    case PROP_PLANNED_JOBS: g_value_set_int (value, self->planned_jobs); break;
    case PROP_LAND_MU: g_value_set_double (value, self->land_mu); break;
    case PROP_SOURCE_CHANNEL: g_value_set_enum (value, self->source_channel); break;
    case PROP_REFERRER_FIRM_ID: g_value_set_int64 (value, self->referrer_firm_id); break;
    case PROP_OWNER: g_value_set_string (value, self->owner); break;
    case PROP_CLAUSE: g_value_set_int (value, self->clause); break;
    case PROP_CREATED_AT: g_value_set_string (value, self->created_at); break;
    case PROP_UPDATED_AT: g_value_set_string (value, self->updated_at); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_internal_string (ZsProject  *self,
                     char      **field,
                     const char *value,
                     int         prop)
{
  if (zs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
zs_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ZsProject *self = ZS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VERSION:
      if (self->version != g_value_get_int64 (value))
        {
          self->version = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FIRM_ID: zs_project_set_firm_id (self, g_value_get_int64 (value)); break;
    case PROP_TITLE: zs_project_set_title (self, g_value_get_string (value)); break;
    case PROP_SECTORS: zs_project_set_sectors (self, g_value_get_boxed (value)); break;
    case PROP_PARK_CODE: zs_project_set_park_code (self, g_value_get_string (value)); break;
    case PROP_STAGE: zs_project_set_stage (self, g_value_get_enum (value)); break;
    case PROP_PLANNED_INVESTMENT: zs_project_set_planned_investment (self, g_value_get_double (value)); break;
    case PROP_REALISED_INVESTMENT: zs_project_set_realised_investment (self, g_value_get_double (value)); break;
    case PROP_PLANNED_JOBS: zs_project_set_planned_jobs (self, g_value_get_int (value)); break;
    case PROP_LAND_MU: zs_project_set_land_mu (self, g_value_get_double (value)); break;
    case PROP_SOURCE_CHANNEL: zs_project_set_source_channel (self, g_value_get_enum (value)); break;
    case PROP_REFERRER_FIRM_ID: zs_project_set_referrer_firm_id (self, g_value_get_int64 (value)); break;
    case PROP_OWNER: zs_project_set_owner (self, g_value_get_string (value)); break;
    case PROP_CLAUSE: zs_project_set_clause (self, g_value_get_int (value)); break;
    case PROP_CREATED_AT: set_internal_string (self, &self->created_at, g_value_get_string (value), prop_id); break;
    case PROP_UPDATED_AT: set_internal_string (self, &self->updated_at, g_value_get_string (value), prop_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_param (const char *name,
              const char *nick)
{
  return g_param_spec_string (name, nick, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
zs_project_class_init (ZsProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_project_finalize;
  object_class->get_property = zs_project_get_property;
  object_class->set_property = zs_project_set_property;

  /**
   * ZsProject:id:
   *
   * The store's row id, 0 until the project is saved.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", "Id", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsProject:version:
   *
   * The version of the stored record this object was loaded at: 1 when
   * created, one more with each write. An update fails with
   * %ZS_ERROR_CONFLICT when another writer changed one of the same fields
   * after this version; 0 means "no version known" and skips that check.
   */
  properties[PROP_VERSION] = g_param_spec_int64 ("version", "Version", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsProject:firm-id:
   *
   * The id of the investing #ZsFirm.
   */
  properties[PROP_FIRM_ID] = g_param_spec_int64 ("firm-id", "Firm id", NULL,
                                                 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = string_param ("title", "Title");
  /**
   * ZsProject:sectors:
   *
   * Codes of the sectors the project belongs to.
   */
  properties[PROP_SECTORS] = g_param_spec_boxed ("sectors", "Sectors", NULL, G_TYPE_STRV, flags);
  /**
   * ZsProject:park-code:
   *
   * The code of the #ZsPark where the project lands.
   */
  properties[PROP_PARK_CODE] = string_param ("park-code", "Park code");
  /**
   * ZsProject:stage:
   *
   * The stage the project has reached.
   */
  properties[PROP_STAGE] = g_param_spec_enum ("stage", "Stage", NULL,
                                              ZS_TYPE_STAGE, ZS_STAGE_LEAD, flags);
  /**
   * ZsProject:planned-investment:
   *
   * The planned (agreed) investment in 万元.
   */
  properties[PROP_PLANNED_INVESTMENT] = g_param_spec_double ("planned-investment", "Planned investment", NULL,
                                                             -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  /**
   * ZsProject:realised-investment:
   *
   * The investment actually paid in (到资), in 万元.
   */
  properties[PROP_REALISED_INVESTMENT] = g_param_spec_double ("realised-investment", "Realised investment", NULL,
                                                              -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  /**
   * ZsProject:planned-jobs:
   *
   * The number of jobs the project is expected to create.
   */
  properties[PROP_PLANNED_JOBS] = g_param_spec_int ("planned-jobs", "Planned jobs", NULL,
                                                    -G_MAXINT, G_MAXINT, 0, flags);
  /**
   * ZsProject:land-mu:
   *
   * The land the project needs, in 亩 (mu).
   */
  properties[PROP_LAND_MU] = g_param_spec_double ("land-mu", "Land", NULL,
                                                  -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  /**
   * ZsProject:source-channel:
   *
   * How the project came to the zone.
   */
  properties[PROP_SOURCE_CHANNEL] = g_param_spec_enum ("source-channel", "Source channel", NULL,
                                                       ZS_TYPE_SOURCE_CHANNEL, ZS_SOURCE_CHANNEL_DIRECT, flags);
  /**
   * ZsProject:referrer-firm-id:
   *
   * The id of the settled #ZsFirm that referred the project (以商招商),
   * or 0 when there is none.
   */
  properties[PROP_REFERRER_FIRM_ID] = g_param_spec_int64 ("referrer-firm-id", "Referrer firm id", NULL,
                                                          0, G_MAXINT64, 0, flags);
  /**
   * ZsProject:owner:
   *
   * The name of the staff member in charge of the project.
   */
  properties[PROP_OWNER] = string_param ("owner", "Owner");
  /**
   * ZsProject:clause:
   *
   * The number of the guideline #ZsClause the project serves,
   * or 0 when there is none.
   */
  properties[PROP_CLAUSE] = g_param_spec_int ("clause", "Clause", NULL,
                                              -G_MAXINT, G_MAXINT, 0, flags);
  properties[PROP_CREATED_AT] = string_param ("created-at", "Created at");
  properties[PROP_UPDATED_AT] = string_param ("updated-at", "Updated at");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_project_init (ZsProject *self)
{
}

/**
 * zs_project_new:
 *
 * Creates an unsaved project at the lead stage.
 *
 * Returns: (transfer full): a new #ZsProject
 */
ZsProject *
zs_project_new (void)
{
  return g_object_new (ZS_TYPE_PROJECT, NULL);
}

gint64
zs_project_get_id (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), 0);
  return self->id;
}

/**
 * zs_project_get_version:
 * @self: a #ZsProject
 *
 * Returns: the stored version this object was loaded at, 0 if unknown
 */
gint64
zs_project_get_version (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), 0);
  return self->version;
}

#define STRING_ACCESSORS(field, PROP)                                   \
const char *                                                            \
zs_project_get_##field (ZsProject *self)                                \
{                                                                       \
  g_return_val_if_fail (ZS_IS_PROJECT (self), NULL);                    \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
zs_project_set_##field (ZsProject *self, const char *field)             \
{                                                                       \
  g_return_if_fail (ZS_IS_PROJECT (self));                              \
  set_internal_string (self, &self->field, field, PROP);                \
}

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (park_code, PROP_PARK_CODE)
STRING_ACCESSORS (owner, PROP_OWNER)

#undef STRING_ACCESSORS

gint64
zs_project_get_firm_id (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), 0);
  return self->firm_id;
}

void
zs_project_set_firm_id (ZsProject *self,
                        gint64     firm_id)
{
  g_return_if_fail (ZS_IS_PROJECT (self));

  if (self->firm_id == firm_id)
    return;
  self->firm_id = firm_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRM_ID]);
}

/**
 * zs_project_get_sectors:
 * @self: a #ZsProject
 *
 * Returns: (nullable) (transfer none) (array zero-terminated=1): the sector codes
 */
const char * const *
zs_project_get_sectors (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), NULL);
  return (const char * const *) self->sectors;
}

/**
 * zs_project_set_sectors:
 * @self: a #ZsProject
 * @sectors: (nullable) (array zero-terminated=1): the sector codes
 */
void
zs_project_set_sectors (ZsProject          *self,
                        const char * const *sectors)
{
  g_return_if_fail (ZS_IS_PROJECT (self));

  if (zs_set_strv (&self->sectors, sectors))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTORS]);
}

ZsStage
zs_project_get_stage (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), ZS_STAGE_LEAD);
  return self->stage;
}

void
zs_project_set_stage (ZsProject *self,
                      ZsStage    stage)
{
  g_return_if_fail (ZS_IS_PROJECT (self));

  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

double
zs_project_get_planned_investment (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), 0);
  return self->planned_investment;
}

void
zs_project_set_planned_investment (ZsProject *self,
                                   double     planned_investment)
{
  g_return_if_fail (ZS_IS_PROJECT (self));

  if (self->planned_investment == planned_investment)
    return;
  self->planned_investment = planned_investment;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_INVESTMENT]);
}

double
zs_project_get_realised_investment (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), 0);
  return self->realised_investment;
}

void
zs_project_set_realised_investment (ZsProject *self,
                                    double     realised_investment)
{
  g_return_if_fail (ZS_IS_PROJECT (self));

  if (self->realised_investment == realised_investment)
    return;
  self->realised_investment = realised_investment;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REALISED_INVESTMENT]);
}

int
zs_project_get_planned_jobs (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), 0);
  return self->planned_jobs;
}

void
zs_project_set_planned_jobs (ZsProject *self,
                             int        planned_jobs)
{
  g_return_if_fail (ZS_IS_PROJECT (self));

  if (self->planned_jobs == planned_jobs)
    return;
  self->planned_jobs = planned_jobs;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_JOBS]);
}

double
zs_project_get_land_mu (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), 0);
  return self->land_mu;
}

void
zs_project_set_land_mu (ZsProject *self,
                        double     land_mu)
{
  g_return_if_fail (ZS_IS_PROJECT (self));

  if (self->land_mu == land_mu)
    return;
  self->land_mu = land_mu;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAND_MU]);
}

ZsSourceChannel
zs_project_get_source_channel (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), ZS_SOURCE_CHANNEL_DIRECT);
  return self->source_channel;
}

void
zs_project_set_source_channel (ZsProject       *self,
                               ZsSourceChannel  source_channel)
{
  g_return_if_fail (ZS_IS_PROJECT (self));

  if (self->source_channel == source_channel)
    return;
  self->source_channel = source_channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_CHANNEL]);
}

gint64
zs_project_get_referrer_firm_id (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), 0);
  return self->referrer_firm_id;
}

void
zs_project_set_referrer_firm_id (ZsProject *self,
                                 gint64     referrer_firm_id)
{
  g_return_if_fail (ZS_IS_PROJECT (self));

  if (self->referrer_firm_id == referrer_firm_id)
    return;
  self->referrer_firm_id = referrer_firm_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRER_FIRM_ID]);
}

int
zs_project_get_clause (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), 0);
  return self->clause;
}

void
zs_project_set_clause (ZsProject *self,
                       int        clause)
{
  g_return_if_fail (ZS_IS_PROJECT (self));

  if (self->clause == clause)
    return;
  self->clause = clause;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAUSE]);
}

const char *
zs_project_get_created_at (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), NULL);
  return self->created_at;
}

const char *
zs_project_get_updated_at (ZsProject *self)
{
  g_return_val_if_fail (ZS_IS_PROJECT (self), NULL);
  return self->updated_at;
}
