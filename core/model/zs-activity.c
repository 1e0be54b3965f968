/* zs-activity.c: a promotion activity with a firm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-enums.h"
#include "zs-activity.h"
#include "zs-util-private.h"

/**
 * ZsActivity:
 *
 * A promotion activity: a visit, a call, a meeting, a fair or an email
 * exchanged with a firm, possibly about one of its projects, with the date
 * of the next follow-up.
 */
struct _ZsActivity
{
  GObject         parent_instance;

  gint64          id;
  gint64       version;
  gint64          firm_id;
  gint64          project_id;
  ZsActivityKind  kind;
  char           *date;
  char           *who;
  char           *notes;
  char           *next_follow_up;
  char           *created_at;
};

G_DEFINE_FINAL_TYPE (ZsActivity, zs_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_FIRM_ID,
  PROP_PROJECT_ID,
  PROP_KIND,
  PROP_DATE,
  PROP_WHO,
  PROP_NOTES,
  PROP_NEXT_FOLLOW_UP,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_activity_finalize (GObject *object)
{
  ZsActivity *self = (ZsActivity *) object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->who, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->next_follow_up, g_free);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (zs_activity_parent_class)->finalize (object);
}

static void
zs_activity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ZsActivity *self = ZS_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_VERSION: g_value_set_int64 (value, self->version); break;
    case PROP_FIRM_ID: g_value_set_int64 (value, self->firm_id); break;
    case PROP_PROJECT_ID: g_value_set_int64 (value, self->project_id); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_WHO: g_value_set_string (value, self->who); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_NEXT_FOLLOW_UP: g_value_set_string (value, self->next_follow_up); break;
    case PROP_CREATED_AT: g_value_set_string (value, self->created_at); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_internal_string (ZsActivity *self,
                     char      **field,
                     const char *value,
                     int         prop)
{
  if (zs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
zs_activity_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ZsActivity *self = ZS_ACTIVITY (object);

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
    case PROP_FIRM_ID: zs_activity_set_firm_id (self, g_value_get_int64 (value)); break;
    case PROP_PROJECT_ID: zs_activity_set_project_id (self, g_value_get_int64 (value)); break;
    case PROP_KIND: zs_activity_set_kind (self, g_value_get_enum (value)); break;
    case PROP_DATE: zs_activity_set_date (self, g_value_get_string (value)); break;
    case PROP_WHO: zs_activity_set_who (self, g_value_get_string (value)); break;
    case PROP_NOTES: zs_activity_set_notes (self, g_value_get_string (value)); break;
    case PROP_NEXT_FOLLOW_UP: zs_activity_set_next_follow_up (self, g_value_get_string (value)); break;
    case PROP_CREATED_AT: set_internal_string (self, &self->created_at, g_value_get_string (value), prop_id); break;
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
zs_activity_class_init (ZsActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_activity_finalize;
  object_class->get_property = zs_activity_get_property;
  object_class->set_property = zs_activity_set_property;

  /**
   * ZsActivity:id:
   *
   * The store's row id, 0 until the activity is saved.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", "Id", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsActivity:version:
   *
   * The version of the stored record this object was loaded at: 1 when
   * created, one more with each write. An update fails with
   * %ZS_ERROR_CONFLICT when another writer changed one of the same fields
   * after this version; 0 means "no version known" and skips that check.
   */
  properties[PROP_VERSION] = g_param_spec_int64 ("version", "Version", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsActivity:firm-id:
   *
   * The id of the #ZsFirm the activity was with.
   */
  properties[PROP_FIRM_ID] = g_param_spec_int64 ("firm-id", "Firm id", NULL,
                                                 0, G_MAXINT64, 0, flags);
  /**
   * ZsActivity:project-id:
   *
   * The id of the #ZsProject the activity was about, or 0.
   */
  properties[PROP_PROJECT_ID] = g_param_spec_int64 ("project-id", "Project id", NULL,
                                                    0, G_MAXINT64, 0, flags);
  /**
   * ZsActivity:kind:
   *
   * What kind of activity it was.
   */
  properties[PROP_KIND] = g_param_spec_enum ("kind", "Kind", NULL,
                                             ZS_TYPE_ACTIVITY_KIND, ZS_ACTIVITY_KIND_VISIT, flags);
  /**
   * ZsActivity:date:
   *
   * The day of the activity, as YYYY-MM-DD.
   */
  properties[PROP_DATE] = string_param ("date", "Date");
  /**
   * ZsActivity:who:
   *
   * Who from the zone took part.
   */
  properties[PROP_WHO] = string_param ("who", "Who");
  properties[PROP_NOTES] = string_param ("notes", "Notes");
  /**
   * ZsActivity:next-follow-up:
   *
   * The day of the next follow-up, as YYYY-MM-DD, or %NULL when none is due.
   */
  properties[PROP_NEXT_FOLLOW_UP] = string_param ("next-follow-up", "Next follow-up");
  properties[PROP_CREATED_AT] = string_param ("created-at", "Created at");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_activity_init (ZsActivity *self)
{
}

/**
 * zs_activity_new:
 *
 * Creates an unsaved visit.
 *
 * Returns: (transfer full): a new #ZsActivity
 */
ZsActivity *
zs_activity_new (void)
{
  return g_object_new (ZS_TYPE_ACTIVITY, NULL);
}

gint64
zs_activity_get_id (ZsActivity *self)
{
  g_return_val_if_fail (ZS_IS_ACTIVITY (self), 0);
  return self->id;
}

/**
 * zs_activity_get_version:
 * @self: a #ZsActivity
 *
 * Returns: the stored version this object was loaded at, 0 if unknown
 */
gint64
zs_activity_get_version (ZsActivity *self)
{
  g_return_val_if_fail (ZS_IS_ACTIVITY (self), 0);
  return self->version;
}

#define STRING_ACCESSORS(field, PROP)                                   \
const char *                                                            \
zs_activity_get_##field (ZsActivity *self)                              \
{                                                                       \
  g_return_val_if_fail (ZS_IS_ACTIVITY (self), NULL);                   \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
zs_activity_set_##field (ZsActivity *self, const char *field)           \
{                                                                       \
  g_return_if_fail (ZS_IS_ACTIVITY (self));                             \
  set_internal_string (self, &self->field, field, PROP);                \
}

STRING_ACCESSORS (date, PROP_DATE)
STRING_ACCESSORS (who, PROP_WHO)
STRING_ACCESSORS (notes, PROP_NOTES)
STRING_ACCESSORS (next_follow_up, PROP_NEXT_FOLLOW_UP)

#undef STRING_ACCESSORS

gint64
zs_activity_get_firm_id (ZsActivity *self)
{
  g_return_val_if_fail (ZS_IS_ACTIVITY (self), 0);
  return self->firm_id;
}

void
zs_activity_set_firm_id (ZsActivity *self,
                         gint64      firm_id)
{
  g_return_if_fail (ZS_IS_ACTIVITY (self));

  if (self->firm_id == firm_id)
    return;
  self->firm_id = firm_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRM_ID]);
}

gint64
zs_activity_get_project_id (ZsActivity *self)
{
  g_return_val_if_fail (ZS_IS_ACTIVITY (self), 0);
  return self->project_id;
}

void
zs_activity_set_project_id (ZsActivity *self,
                            gint64      project_id)
{
  g_return_if_fail (ZS_IS_ACTIVITY (self));

  if (self->project_id == project_id)
    return;
  self->project_id = project_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_ID]);
}

ZsActivityKind
zs_activity_get_kind (ZsActivity *self)
{
  g_return_val_if_fail (ZS_IS_ACTIVITY (self), ZS_ACTIVITY_KIND_VISIT);
  return self->kind;
}

void
zs_activity_set_kind (ZsActivity     *self,
                      ZsActivityKind  kind)
{
  g_return_if_fail (ZS_IS_ACTIVITY (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
zs_activity_get_created_at (ZsActivity *self)
{
  g_return_val_if_fail (ZS_IS_ACTIVITY (self), NULL);
  return self->created_at;
}
