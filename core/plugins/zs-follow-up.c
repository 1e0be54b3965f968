/* zs-follow-up.c: one item due, as a follow-up source lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-follow-up.h"

/**
 * ZsFollowUp:
 *
 * Something a plugin says is due: a title, the firm it concerns, the date
 * it is due (YYYY-MM-DD), who it is for, the plugin's own id of the item
 * and the action that opens it. Immutable once made: a source makes new
 * ones each time it is asked.
 */
struct _ZsFollowUp
{
  GObject  parent_instance;

  char    *title;
  gint64   firm_id;
  char    *due;
  char    *assignee;
  char    *source_id;
  char    *action_id;
};

G_DEFINE_FINAL_TYPE (ZsFollowUp, zs_follow_up, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_FIRM_ID,
  PROP_DUE,
  PROP_ASSIGNEE,
  PROP_SOURCE_ID,
  PROP_ACTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_follow_up_finalize (GObject *object)
{
  ZsFollowUp *self = ZS_FOLLOW_UP (object);

  g_free (self->title);
  g_free (self->due);
  g_free (self->assignee);
  g_free (self->source_id);
  g_free (self->action_id);

  G_OBJECT_CLASS (zs_follow_up_parent_class)->finalize (object);
}

static void
zs_follow_up_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZsFollowUp *self = ZS_FOLLOW_UP (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_FIRM_ID: g_value_set_int64 (value, self->firm_id); break;
    case PROP_DUE: g_value_set_string (value, self->due); break;
    case PROP_ASSIGNEE: g_value_set_string (value, self->assignee); break;
    case PROP_SOURCE_ID: g_value_set_string (value, self->source_id); break;
    case PROP_ACTION_ID: g_value_set_string (value, self->action_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_follow_up_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ZsFollowUp *self = ZS_FOLLOW_UP (object);

  switch (prop_id)
    {
    case PROP_TITLE: self->title = g_value_dup_string (value); break;
    case PROP_FIRM_ID: self->firm_id = g_value_get_int64 (value); break;
    case PROP_DUE: self->due = g_value_dup_string (value); break;
    case PROP_ASSIGNEE: self->assignee = g_value_dup_string (value); break;
    case PROP_SOURCE_ID: self->source_id = g_value_dup_string (value); break;
    case PROP_ACTION_ID: self->action_id = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                              G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
zs_follow_up_class_init (ZsFollowUpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zs_follow_up_finalize;
  object_class->get_property = zs_follow_up_get_property;
  object_class->set_property = zs_follow_up_set_property;

  /** ZsFollowUp:title: what is due, as the user reads it */
  properties[PROP_TITLE] = string_property ("title");
  /** ZsFollowUp:firm-id: the firm it concerns, or 0 */
  properties[PROP_FIRM_ID] =
    g_param_spec_int64 ("firm-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** ZsFollowUp:due: the date it is due, YYYY-MM-DD */
  properties[PROP_DUE] = string_property ("due");
  /** ZsFollowUp:assignee: the staff member it is for, or %NULL */
  properties[PROP_ASSIGNEE] = string_property ("assignee");
  /** ZsFollowUp:source-id: the source's own id of the item */
  properties[PROP_SOURCE_ID] = string_property ("source-id");
  /**
   * ZsFollowUp:action-id:
   *
   * A detailed action name (such as `win.show-firm(int64 12)` or an action
   * of the plugin's page) that opens the item, or %NULL
   */
  properties[PROP_ACTION_ID] = string_property ("action-id");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_follow_up_init (ZsFollowUp *self)
{
}

/**
 * zs_follow_up_new:
 * @title: what is due
 * @firm_id: the firm it concerns, or 0
 * @due: the date it is due, YYYY-MM-DD
 * @assignee: (nullable): who it is for
 * @source_id: (nullable): the source's own id of the item
 * @action_id: (nullable): the detailed action that opens it
 *
 * Returns: (transfer full): a new #ZsFollowUp
 */
ZsFollowUp *
zs_follow_up_new (const char *title,
                  gint64      firm_id,
                  const char *due,
                  const char *assignee,
                  const char *source_id,
                  const char *action_id)
{
  return g_object_new (ZS_TYPE_FOLLOW_UP, "title", title, "firm-id", firm_id, "due", due,
                       "assignee", assignee, "source-id", source_id, "action-id", action_id, NULL);
}

/**
 * zs_follow_up_get_title:
 * @self: a #ZsFollowUp
 *
 * Returns: (nullable): what is due
 */
const char *
zs_follow_up_get_title (ZsFollowUp *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP (self), NULL);
  return self->title;
}

/**
 * zs_follow_up_get_firm_id:
 * @self: a #ZsFollowUp
 *
 * Returns: the firm it concerns, or 0
 */
gint64
zs_follow_up_get_firm_id (ZsFollowUp *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP (self), 0);
  return self->firm_id;
}

/**
 * zs_follow_up_get_due:
 * @self: a #ZsFollowUp
 *
 * Returns: (nullable): the date it is due, YYYY-MM-DD
 */
const char *
zs_follow_up_get_due (ZsFollowUp *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP (self), NULL);
  return self->due;
}

/**
 * zs_follow_up_get_assignee:
 * @self: a #ZsFollowUp
 *
 * Returns: (nullable): who it is for
 */
const char *
zs_follow_up_get_assignee (ZsFollowUp *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP (self), NULL);
  return self->assignee;
}

/**
 * zs_follow_up_get_source_id:
 * @self: a #ZsFollowUp
 *
 * Returns: (nullable): the source's own id of the item
 */
const char *
zs_follow_up_get_source_id (ZsFollowUp *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP (self), NULL);
  return self->source_id;
}

/**
 * zs_follow_up_get_action_id:
 * @self: a #ZsFollowUp
 *
 * Returns: (nullable): the detailed action that opens it
 */
const char *
zs_follow_up_get_action_id (ZsFollowUp *self)
{
  g_return_val_if_fail (ZS_IS_FOLLOW_UP (self), NULL);
  return self->action_id;
}
