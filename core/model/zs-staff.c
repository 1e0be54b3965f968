/* zs-staff.c: a member of the promotion staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-enums.h"
#include "zs-staff.h"
#include "zs-util-private.h"

/**
 * ZsStaff:
 *
 * A member of the zone's investment promotion staff, with the role that
 * decides what they may change and the park they work for.
 */
struct _ZsStaff
{
  GObject  parent_instance;

  gint64   id;
  gint64       version;
  char    *name;
  ZsRole   role;
  char    *park_code;
};

G_DEFINE_FINAL_TYPE (ZsStaff, zs_staff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_NAME,
  PROP_ROLE,
  PROP_PARK_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_staff_finalize (GObject *object)
{
  ZsStaff *self = (ZsStaff *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->park_code, g_free);

  G_OBJECT_CLASS (zs_staff_parent_class)->finalize (object);
}

static void
zs_staff_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ZsStaff *self = ZS_STAFF (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_VERSION: g_value_set_int64 (value, self->version); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_ROLE: g_value_set_enum (value, self->role); break;
    case PROP_PARK_CODE: g_value_set_string (value, self->park_code); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_internal_string (ZsStaff    *self,
                     char      **field,
                     const char *value,
                     int         prop)
{
  if (zs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
zs_staff_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  ZsStaff *self = ZS_STAFF (object);

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
    case PROP_NAME: zs_staff_set_name (self, g_value_get_string (value)); break;
    case PROP_ROLE: zs_staff_set_role (self, g_value_get_enum (value)); break;
    case PROP_PARK_CODE: zs_staff_set_park_code (self, g_value_get_string (value)); break;
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
zs_staff_class_init (ZsStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_staff_finalize;
  object_class->get_property = zs_staff_get_property;
  object_class->set_property = zs_staff_set_property;

  /**
   * ZsStaff:id:
   *
   * The store's row id, 0 until the staff member is saved.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", "Id", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsStaff:version:
   *
   * The version of the stored record this object was loaded at: 1 when
   * created, one more with each write. An update fails with
   * %ZS_ERROR_CONFLICT when another writer changed one of the same fields
   * after this version; 0 means "no version known" and skips that check.
   */
  properties[PROP_VERSION] = g_param_spec_int64 ("version", "Version", NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = string_param ("name", "Name");
  /**
   * ZsStaff:role:
   *
   * What the staff member may do.
   */
  properties[PROP_ROLE] = g_param_spec_enum ("role", "Role", NULL,
                                             ZS_TYPE_ROLE, ZS_ROLE_STAFF, flags);
  /**
   * ZsStaff:park-code:
   *
   * The code of the #ZsPark the staff member works for, or %NULL for all parks.
   */
  properties[PROP_PARK_CODE] = string_param ("park-code", "Park code");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_staff_init (ZsStaff *self)
{
  self->role = ZS_ROLE_STAFF;
}

/**
 * zs_staff_new:
 *
 * Creates an unsaved staff member with the %ZS_ROLE_STAFF role.
 *
 * Returns: (transfer full): a new #ZsStaff
 */
ZsStaff *
zs_staff_new (void)
{
  return g_object_new (ZS_TYPE_STAFF, NULL);
}

gint64
zs_staff_get_id (ZsStaff *self)
{
  g_return_val_if_fail (ZS_IS_STAFF (self), 0);
  return self->id;
}

/**
 * zs_staff_get_version:
 * @self: a #ZsStaff
 *
 * Returns: the stored version this object was loaded at, 0 if unknown
 */
gint64
zs_staff_get_version (ZsStaff *self)
{
  g_return_val_if_fail (ZS_IS_STAFF (self), 0);
  return self->version;
}

#define STRING_ACCESSORS(field, PROP)                                   \
const char *                                                            \
zs_staff_get_##field (ZsStaff *self)                                    \
{                                                                       \
  g_return_val_if_fail (ZS_IS_STAFF (self), NULL);                      \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
zs_staff_set_##field (ZsStaff *self, const char *field)                 \
{                                                                       \
  g_return_if_fail (ZS_IS_STAFF (self));                                \
  set_internal_string (self, &self->field, field, PROP);                \
}

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (park_code, PROP_PARK_CODE)

#undef STRING_ACCESSORS

ZsRole
zs_staff_get_role (ZsStaff *self)
{
  g_return_val_if_fail (ZS_IS_STAFF (self), ZS_ROLE_STAFF);
  return self->role;
}

void
zs_staff_set_role (ZsStaff *self,
                   ZsRole   role)
{
  g_return_if_fail (ZS_IS_STAFF (self));

  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}
