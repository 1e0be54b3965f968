/* zs-stage-change.c: one move of a project between stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-stage-change.h"
#include "zs-util-private.h"

/**
 * ZsStageChange:
 *
 * One move of a #ZsProject from one stage to another, with the reason
 * given, who moved it and when.
 */
struct _ZsStageChange
{
  GObject  parent_instance;

  gint64   id;
  gint64   project_id;
  char    *from_stage;
  char    *to_stage;
  char    *reason;
  char    *actor;
  char    *at;
};

G_DEFINE_FINAL_TYPE (ZsStageChange, zs_stage_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PROJECT_ID,
  PROP_FROM_STAGE,
  PROP_TO_STAGE,
  PROP_REASON,
  PROP_ACTOR,
  PROP_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_stage_change_finalize (GObject *object)
{
  ZsStageChange *self = (ZsStageChange *) object;

  g_clear_pointer (&self->from_stage, g_free);
  g_clear_pointer (&self->to_stage, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->at, g_free);

  G_OBJECT_CLASS (zs_stage_change_parent_class)->finalize (object);
}

static void
zs_stage_change_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZsStageChange *self = ZS_STAGE_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_PROJECT_ID: g_value_set_int64 (value, self->project_id); break;
    case PROP_FROM_STAGE: g_value_set_string (value, self->from_stage); break;
    case PROP_TO_STAGE: g_value_set_string (value, self->to_stage); break;
    case PROP_REASON: g_value_set_string (value, self->reason); break;
    case PROP_ACTOR: g_value_set_string (value, self->actor); break;
    case PROP_AT: g_value_set_string (value, self->at); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_internal_string (ZsStageChange *self,
                     char         **field,
                     const char    *value,
                     int            prop)
{
  if (zs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
zs_stage_change_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ZsStageChange *self = ZS_STAGE_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PROJECT_ID: zs_stage_change_set_project_id (self, g_value_get_int64 (value)); break;
    case PROP_FROM_STAGE: zs_stage_change_set_from_stage (self, g_value_get_string (value)); break;
    case PROP_TO_STAGE: zs_stage_change_set_to_stage (self, g_value_get_string (value)); break;
    case PROP_REASON: zs_stage_change_set_reason (self, g_value_get_string (value)); break;
    case PROP_ACTOR: zs_stage_change_set_actor (self, g_value_get_string (value)); break;
    case PROP_AT: zs_stage_change_set_at (self, g_value_get_string (value)); break;
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
zs_stage_change_class_init (ZsStageChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_stage_change_finalize;
  object_class->get_property = zs_stage_change_get_property;
  object_class->set_property = zs_stage_change_set_property;

  /**
   * ZsStageChange:id:
   *
   * The store's row id, 0 until the stage change is saved.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", "Id", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsStageChange:project-id:
   *
   * The id of the #ZsProject that moved.
   */
  properties[PROP_PROJECT_ID] = g_param_spec_int64 ("project-id", "Project id", NULL,
                                                    0, G_MAXINT64, 0, flags);
  /**
   * ZsStageChange:from-stage:
   *
   * The nick of the stage the project left, or %NULL for its first stage.
   */
  properties[PROP_FROM_STAGE] = string_param ("from-stage", "From stage");
  /**
   * ZsStageChange:to-stage:
   *
   * The nick of the stage the project entered.
   */
  properties[PROP_TO_STAGE] = string_param ("to-stage", "To stage");
  /**
   * ZsStageChange:reason:
   *
   * Why the project moved; required when it was lost.
   */
  properties[PROP_REASON] = string_param ("reason", "Reason");
  /**
   * ZsStageChange:actor:
   *
   * Who moved the project.
   */
  properties[PROP_ACTOR] = string_param ("actor", "Actor");
  /**
   * ZsStageChange:at:
   *
   * When the project moved, in ISO 8601.
   */
  properties[PROP_AT] = string_param ("at", "At");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_stage_change_init (ZsStageChange *self)
{
}

/**
 * zs_stage_change_new:
 *
 * Creates an empty stage change record.
 *
 * Returns: (transfer full): a new #ZsStageChange
 */
ZsStageChange *
zs_stage_change_new (void)
{
  return g_object_new (ZS_TYPE_STAGE_CHANGE, NULL);
}

gint64
zs_stage_change_get_id (ZsStageChange *self)
{
  g_return_val_if_fail (ZS_IS_STAGE_CHANGE (self), 0);
  return self->id;
}

#define STRING_ACCESSORS(field, PROP)                                   \
const char *                                                            \
zs_stage_change_get_##field (ZsStageChange *self)                       \
{                                                                       \
  g_return_val_if_fail (ZS_IS_STAGE_CHANGE (self), NULL);               \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
zs_stage_change_set_##field (ZsStageChange *self, const char *field)    \
{                                                                       \
  g_return_if_fail (ZS_IS_STAGE_CHANGE (self));                         \
  set_internal_string (self, &self->field, field, PROP);                \
}

STRING_ACCESSORS (from_stage, PROP_FROM_STAGE)
STRING_ACCESSORS (to_stage, PROP_TO_STAGE)
STRING_ACCESSORS (reason, PROP_REASON)
STRING_ACCESSORS (actor, PROP_ACTOR)
STRING_ACCESSORS (at, PROP_AT)

#undef STRING_ACCESSORS

gint64
zs_stage_change_get_project_id (ZsStageChange *self)
{
  g_return_val_if_fail (ZS_IS_STAGE_CHANGE (self), 0);
  return self->project_id;
}

void
zs_stage_change_set_project_id (ZsStageChange *self,
                                gint64         project_id)
{
  g_return_if_fail (ZS_IS_STAGE_CHANGE (self));

  if (self->project_id == project_id)
    return;
  self->project_id = project_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_ID]);
}
