/* zs-region.c: an administrative region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-region.h"
#include "zs-util-private.h"

/**
 * ZsRegion:
 *
 * An administrative region, keyed by its GB/T 2260 code.
 */
struct _ZsRegion
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *name;
  char    *name_en;
  char    *group_name;
};

G_DEFINE_FINAL_TYPE (ZsRegion, zs_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_EN,
  PROP_GROUP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_region_finalize (GObject *object)
{
  ZsRegion *self = (ZsRegion *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->name_en, g_free);
  g_clear_pointer (&self->group_name, g_free);

  G_OBJECT_CLASS (zs_region_parent_class)->finalize (object);
}

static void
zs_region_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZsRegion *self = ZS_REGION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_NAME_EN: g_value_set_string (value, self->name_en); break;
    case PROP_GROUP_NAME: g_value_set_string (value, self->group_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_internal_string (ZsRegion   *self,
                     char      **field,
                     const char *value,
                     int         prop)
{
  if (zs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
zs_region_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZsRegion *self = ZS_REGION (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CODE: zs_region_set_code (self, g_value_get_string (value)); break;
    case PROP_NAME: zs_region_set_name (self, g_value_get_string (value)); break;
    case PROP_NAME_EN: zs_region_set_name_en (self, g_value_get_string (value)); break;
    case PROP_GROUP_NAME: zs_region_set_group_name (self, g_value_get_string (value)); break;
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
zs_region_class_init (ZsRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_region_finalize;
  object_class->get_property = zs_region_get_property;
  object_class->set_property = zs_region_set_property;

  /**
   * ZsRegion:id:
   *
   * The store's row id, 0 until the region is saved.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", "Id", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsRegion:code:
   *
   * The GB/T 2260 administrative division code.
   */
  properties[PROP_CODE] = string_param ("code", "Code");
  /**
   * ZsRegion:name:
   *
   * The Chinese name.
   */
  properties[PROP_NAME] = string_param ("name", "Name");
  properties[PROP_NAME_EN] = string_param ("name-en", "English name");
  /**
   * ZsRegion:group-name:
   *
   * The name of the group the region belongs to, such as 两霍两伊, or %NULL.
   */
  properties[PROP_GROUP_NAME] = string_param ("group-name", "Group name");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_region_init (ZsRegion *self)
{
}

/**
 * zs_region_new:
 *
 * Creates an unsaved region.
 *
 * Returns: (transfer full): a new #ZsRegion
 */
ZsRegion *
zs_region_new (void)
{
  return g_object_new (ZS_TYPE_REGION, NULL);
}

gint64
zs_region_get_id (ZsRegion *self)
{
  g_return_val_if_fail (ZS_IS_REGION (self), 0);
  return self->id;
}

#define STRING_ACCESSORS(field, PROP)                                   \
const char *                                                            \
zs_region_get_##field (ZsRegion *self)                                  \
{                                                                       \
  g_return_val_if_fail (ZS_IS_REGION (self), NULL);                     \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
zs_region_set_##field (ZsRegion *self, const char *field)               \
{                                                                       \
  g_return_if_fail (ZS_IS_REGION (self));                               \
  set_internal_string (self, &self->field, field, PROP);                \
}

STRING_ACCESSORS (code, PROP_CODE)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (name_en, PROP_NAME_EN)
STRING_ACCESSORS (group_name, PROP_GROUP_NAME)

#undef STRING_ACCESSORS
