/* zs-change.c: one audited change to a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-enums.h"
#include "zs-change.h"
#include "zs-util-private.h"

/**
 * ZsChange:
 *
 * One audited change: the creation or deletion of a record, or the change
 * of one of its fields, with who made it and when. Changes can be
 * reverted; the revert is itself a change.
 */
struct _ZsChange
{
  GObject       parent_instance;

  gint64        id;
  char         *at;
  char         *actor;
  char         *entity;
  gint64        entity_id;
  ZsChangeKind  kind;
  char         *field;
  char         *old_value;
  char         *new_value;
  gint64        reverted_by;
  gint64        import_id;
};

G_DEFINE_FINAL_TYPE (ZsChange, zs_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_ACTOR,
  PROP_ENTITY,
  PROP_ENTITY_ID,
  PROP_KIND,
  PROP_FIELD,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_REVERTED_BY,
  PROP_IMPORT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_change_finalize (GObject *object)
{
  ZsChange *self = (ZsChange *) object;

  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);

  G_OBJECT_CLASS (zs_change_parent_class)->finalize (object);
}

static void
zs_change_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZsChange *self = ZS_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_AT: g_value_set_string (value, self->at); break;
    case PROP_ACTOR: g_value_set_string (value, self->actor); break;
    case PROP_ENTITY: g_value_set_string (value, self->entity); break;
    case PROP_ENTITY_ID: g_value_set_int64 (value, self->entity_id); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_FIELD: g_value_set_string (value, self->field); break;
    case PROP_OLD_VALUE: g_value_set_string (value, self->old_value); break;
    case PROP_NEW_VALUE: g_value_set_string (value, self->new_value); break;
    case PROP_REVERTED_BY: g_value_set_int64 (value, self->reverted_by); break;
    case PROP_IMPORT_ID: g_value_set_int64 (value, self->import_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_internal_string (ZsChange   *self,
                     char      **field,
                     const char *value,
                     int         prop)
{
  if (zs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
zs_change_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZsChange *self = ZS_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_AT: zs_change_set_at (self, g_value_get_string (value)); break;
    case PROP_ACTOR: zs_change_set_actor (self, g_value_get_string (value)); break;
    case PROP_ENTITY: zs_change_set_entity (self, g_value_get_string (value)); break;
    case PROP_ENTITY_ID: zs_change_set_entity_id (self, g_value_get_int64 (value)); break;
    case PROP_KIND: zs_change_set_kind (self, g_value_get_enum (value)); break;
    case PROP_FIELD: zs_change_set_field (self, g_value_get_string (value)); break;
    case PROP_OLD_VALUE: zs_change_set_old_value (self, g_value_get_string (value)); break;
    case PROP_NEW_VALUE: zs_change_set_new_value (self, g_value_get_string (value)); break;
    case PROP_REVERTED_BY: zs_change_set_reverted_by (self, g_value_get_int64 (value)); break;
    case PROP_IMPORT_ID: zs_change_set_import_id (self, g_value_get_int64 (value)); break;
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
zs_change_class_init (ZsChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_change_finalize;
  object_class->get_property = zs_change_get_property;
  object_class->set_property = zs_change_set_property;

  /**
   * ZsChange:id:
   *
   * The store's row id, 0 until the change is saved.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", "Id", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsChange:at:
   *
   * When the change was made, in ISO 8601.
   */
  properties[PROP_AT] = string_param ("at", "At");
  /**
   * ZsChange:actor:
   *
   * Who made the change.
   */
  properties[PROP_ACTOR] = string_param ("actor", "Actor");
  /**
   * ZsChange:entity:
   *
   * The kind of record changed, such as "firm".
   */
  properties[PROP_ENTITY] = string_param ("entity", "Entity");
  /**
   * ZsChange:entity-id:
   *
   * The id of the record changed.
   */
  properties[PROP_ENTITY_ID] = g_param_spec_int64 ("entity-id", "Entity id", NULL,
                                                   0, G_MAXINT64, 0, flags);
  /**
   * ZsChange:kind:
   *
   * What the change did.
   */
  properties[PROP_KIND] = g_param_spec_enum ("kind", "Kind", NULL,
                                             ZS_TYPE_CHANGE_KIND, ZS_CHANGE_KIND_CREATE, flags);
  /**
   * ZsChange:field:
   *
   * The field changed, or %NULL when a record was created or deleted.
   */
  properties[PROP_FIELD] = string_param ("field", "Field");
  /**
   * ZsChange:old-value:
   *
   * The value before the change, or %NULL.
   */
  properties[PROP_OLD_VALUE] = string_param ("old-value", "Old value");
  /**
   * ZsChange:new-value:
   *
   * The value after the change, or %NULL.
   */
  properties[PROP_NEW_VALUE] = string_param ("new-value", "New value");
  /**
   * ZsChange:reverted-by:
   *
   * The id of the change that reverted this one, or 0.
   */
  properties[PROP_REVERTED_BY] = g_param_spec_int64 ("reverted-by", "Reverted by", NULL,
                                                     0, G_MAXINT64, 0, flags);

  /**
   * ZsChange:import-id:
   *
   * The import the change was part of, or 0. A record an import created
   * has no copy of its values in #ZsChange:new-value: they are the file's.
   */
  properties[PROP_IMPORT_ID] = g_param_spec_int64 ("import-id", "Import id", NULL,
                                                   0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_change_init (ZsChange *self)
{
}

/**
 * zs_change_new:
 *
 * Creates an empty change record.
 *
 * Returns: (transfer full): a new #ZsChange
 */
ZsChange *
zs_change_new (void)
{
  return g_object_new (ZS_TYPE_CHANGE, NULL);
}

gint64
zs_change_get_id (ZsChange *self)
{
  g_return_val_if_fail (ZS_IS_CHANGE (self), 0);
  return self->id;
}

#define STRING_ACCESSORS(field, PROP)                                   \
const char *                                                            \
zs_change_get_##field (ZsChange *self)                                  \
{                                                                       \
  g_return_val_if_fail (ZS_IS_CHANGE (self), NULL);                     \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
zs_change_set_##field (ZsChange *self, const char *field)               \
{                                                                       \
  g_return_if_fail (ZS_IS_CHANGE (self));                               \
  set_internal_string (self, &self->field, field, PROP);                \
}

STRING_ACCESSORS (at, PROP_AT)
STRING_ACCESSORS (actor, PROP_ACTOR)
STRING_ACCESSORS (entity, PROP_ENTITY)
STRING_ACCESSORS (field, PROP_FIELD)
STRING_ACCESSORS (old_value, PROP_OLD_VALUE)
STRING_ACCESSORS (new_value, PROP_NEW_VALUE)

#undef STRING_ACCESSORS

gint64
zs_change_get_entity_id (ZsChange *self)
{
  g_return_val_if_fail (ZS_IS_CHANGE (self), 0);
  return self->entity_id;
}

void
zs_change_set_entity_id (ZsChange *self,
                         gint64    entity_id)
{
  g_return_if_fail (ZS_IS_CHANGE (self));

  if (self->entity_id == entity_id)
    return;
  self->entity_id = entity_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_ID]);
}

ZsChangeKind
zs_change_get_kind (ZsChange *self)
{
  g_return_val_if_fail (ZS_IS_CHANGE (self), ZS_CHANGE_KIND_CREATE);
  return self->kind;
}

void
zs_change_set_kind (ZsChange     *self,
                    ZsChangeKind  kind)
{
  g_return_if_fail (ZS_IS_CHANGE (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
zs_change_get_reverted_by (ZsChange *self)
{
  g_return_val_if_fail (ZS_IS_CHANGE (self), 0);
  return self->reverted_by;
}

void
zs_change_set_reverted_by (ZsChange *self,
                           gint64    reverted_by)
{
  g_return_if_fail (ZS_IS_CHANGE (self));

  if (self->reverted_by == reverted_by)
    return;
  self->reverted_by = reverted_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVERTED_BY]);
}

gint64
zs_change_get_import_id (ZsChange *self)
{
  g_return_val_if_fail (ZS_IS_CHANGE (self), 0);
  return self->import_id;
}

void
zs_change_set_import_id (ZsChange *self,
                         gint64    import_id)
{
  g_return_if_fail (ZS_IS_CHANGE (self));

  if (self->import_id == import_id)
    return;
  self->import_id = import_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT_ID]);
}
