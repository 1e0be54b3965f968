/* zs-park.c: a zone, park or site where projects land
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-park.h"
#include "zs-util-private.h"

/**
 * ZsPark:
 *
 * A place where projects land: the zone itself, one of its parks or
 * centres, a bonded zone or a single site.
 */
struct _ZsPark
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *name;
  char    *name_en;
  char    *kind;
  char    *region_code;
  char    *parent_code;
  int      clause;
};

G_DEFINE_FINAL_TYPE (ZsPark, zs_park, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_EN,
  PROP_KIND,
  PROP_REGION_CODE,
  PROP_PARENT_CODE,
  PROP_CLAUSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_park_finalize (GObject *object)
{
  ZsPark *self = (ZsPark *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->name_en, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->region_code, g_free);
  g_clear_pointer (&self->parent_code, g_free);

  G_OBJECT_CLASS (zs_park_parent_class)->finalize (object);
}

static void
zs_park_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ZsPark *self = ZS_PARK (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_NAME_EN: g_value_set_string (value, self->name_en); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_REGION_CODE: g_value_set_string (value, self->region_code); break;
    case PROP_PARENT_CODE: g_value_set_string (value, self->parent_code); break;
    case PROP_CLAUSE: g_value_set_int (value, self->clause); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_internal_string (ZsPark     *self,
                     char      **field,
                     const char *value,
                     int         prop)
{
  if (zs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
zs_park_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ZsPark *self = ZS_PARK (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CODE: zs_park_set_code (self, g_value_get_string (value)); break;
    case PROP_NAME: zs_park_set_name (self, g_value_get_string (value)); break;
    case PROP_NAME_EN: zs_park_set_name_en (self, g_value_get_string (value)); break;
    case PROP_KIND: zs_park_set_kind (self, g_value_get_string (value)); break;
    case PROP_REGION_CODE: zs_park_set_region_code (self, g_value_get_string (value)); break;
    case PROP_PARENT_CODE: zs_park_set_parent_code (self, g_value_get_string (value)); break;
    case PROP_CLAUSE: zs_park_set_clause (self, g_value_get_int (value)); break;
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
zs_park_class_init (ZsParkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_park_finalize;
  object_class->get_property = zs_park_get_property;
  object_class->set_property = zs_park_set_property;

  /**
   * ZsPark:id:
   *
   * The store's row id, 0 until the park is saved.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", "Id", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsPark:code:
   *
   * The park's key.
   */
  properties[PROP_CODE] = string_param ("code", "Code");
  /**
   * ZsPark:name:
   *
   * The Chinese name.
   */
  properties[PROP_NAME] = string_param ("name", "Name");
  properties[PROP_NAME_EN] = string_param ("name-en", "English name");
  /**
   * ZsPark:kind:
   *
   * One of zone, park, centre, bonded-zone or site.
   */
  properties[PROP_KIND] = string_param ("kind", "Kind");
  /**
   * ZsPark:region-code:
   *
   * The GB/T 2260 code of the #ZsRegion the park lies in.
   */
  properties[PROP_REGION_CODE] = string_param ("region-code", "Region code");
  /**
   * ZsPark:parent-code:
   *
   * The code of the enclosing park, or %NULL.
   */
  properties[PROP_PARENT_CODE] = string_param ("parent-code", "Parent code");
  /**
   * ZsPark:clause:
   *
   * The number of the guideline #ZsClause about the park,
   * or 0 when there is none.
   */
  properties[PROP_CLAUSE] = g_param_spec_int ("clause", "Clause", NULL,
                                              -G_MAXINT, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_park_init (ZsPark *self)
{
}

/**
 * zs_park_new:
 *
 * Creates an unsaved park.
 *
 * Returns: (transfer full): a new #ZsPark
 */
ZsPark *
zs_park_new (void)
{
  return g_object_new (ZS_TYPE_PARK, NULL);
}

gint64
zs_park_get_id (ZsPark *self)
{
  g_return_val_if_fail (ZS_IS_PARK (self), 0);
  return self->id;
}

#define STRING_ACCESSORS(field, PROP)                                   \
const char *                                                            \
zs_park_get_##field (ZsPark *self)                                      \
{                                                                       \
  g_return_val_if_fail (ZS_IS_PARK (self), NULL);                       \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
zs_park_set_##field (ZsPark *self, const char *field)                   \
{                                                                       \
  g_return_if_fail (ZS_IS_PARK (self));                                 \
  set_internal_string (self, &self->field, field, PROP);                \
}

STRING_ACCESSORS (code, PROP_CODE)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (name_en, PROP_NAME_EN)
STRING_ACCESSORS (kind, PROP_KIND)
STRING_ACCESSORS (region_code, PROP_REGION_CODE)
STRING_ACCESSORS (parent_code, PROP_PARENT_CODE)

#undef STRING_ACCESSORS

int
zs_park_get_clause (ZsPark *self)
{
  g_return_val_if_fail (ZS_IS_PARK (self), 0);
  return self->clause;
}

void
zs_park_set_clause (ZsPark *self,
                    int     clause)
{
  g_return_if_fail (ZS_IS_PARK (self));

  if (self->clause == clause)
    return;
  self->clause = clause;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAUSE]);
}
