/* zs-target.c: a quantified target the zone must reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-target.h"
#include "zs-util-private.h"

/**
 * ZsTarget:
 *
 * A quantified target, such as the investment paid in or the number of
 * firms settled, that the zone must reach in a year.
 */
struct _ZsTarget
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *name;
  char    *name_en;
  char    *scope;
  int      year;
  double   value;
  char    *unit;
  char    *comparison;
  double   growth_pct;
  int      clause;
};

G_DEFINE_FINAL_TYPE (ZsTarget, zs_target, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_EN,
  PROP_SCOPE,
  PROP_YEAR,
  PROP_VALUE,
  PROP_UNIT,
  PROP_COMPARISON,
  PROP_GROWTH_PCT,
  PROP_CLAUSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_target_finalize (GObject *object)
{
  ZsTarget *self = (ZsTarget *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->name_en, g_free);
  g_clear_pointer (&self->scope, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->comparison, g_free);

  G_OBJECT_CLASS (zs_target_parent_class)->finalize (object);
}

static void
zs_target_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZsTarget *self = ZS_TARGET (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_NAME_EN: g_value_set_string (value, self->name_en); break;
    case PROP_SCOPE: g_value_set_string (value, self->scope); break;
    case PROP_YEAR: g_value_set_int (value, self->year); break;
    case PROP_VALUE: g_value_set_double (value, self->value); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_COMPARISON: g_value_set_string (value, self->comparison); break;
    case PROP_GROWTH_PCT: g_value_set_double (value, self->growth_pct); break;
    case PROP_CLAUSE: g_value_set_int (value, self->clause); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_internal_string (ZsTarget   *self,
                     char      **field,
                     const char *value,
                     int         prop)
{
  if (zs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
zs_target_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZsTarget *self = ZS_TARGET (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CODE: zs_target_set_code (self, g_value_get_string (value)); break;
    case PROP_NAME: zs_target_set_name (self, g_value_get_string (value)); break;
    case PROP_NAME_EN: zs_target_set_name_en (self, g_value_get_string (value)); break;
    case PROP_SCOPE: zs_target_set_scope (self, g_value_get_string (value)); break;
    case PROP_YEAR: zs_target_set_year (self, g_value_get_int (value)); break;
    case PROP_VALUE: zs_target_set_value (self, g_value_get_double (value)); break;
    case PROP_UNIT: zs_target_set_unit (self, g_value_get_string (value)); break;
    case PROP_COMPARISON: zs_target_set_comparison (self, g_value_get_string (value)); break;
    case PROP_GROWTH_PCT: zs_target_set_growth_pct (self, g_value_get_double (value)); break;
    case PROP_CLAUSE: zs_target_set_clause (self, g_value_get_int (value)); break;
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
zs_target_class_init (ZsTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_target_finalize;
  object_class->get_property = zs_target_get_property;
  object_class->set_property = zs_target_set_property;

  /**
   * ZsTarget:id:
   *
   * The store's row id, 0 until the target is saved.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", "Id", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsTarget:code:
   *
   * The target's key.
   */
  properties[PROP_CODE] = string_param ("code", "Code");
  /**
   * ZsTarget:name:
   *
   * The Chinese name.
   */
  properties[PROP_NAME] = string_param ("name", "Name");
  properties[PROP_NAME_EN] = string_param ("name-en", "English name");
  /**
   * ZsTarget:scope:
   *
   * What the target counts, such as the whole zone or one park.
   */
  properties[PROP_SCOPE] = string_param ("scope", "Scope");
  /**
   * ZsTarget:year:
   *
   * The year by which the target must be reached.
   */
  properties[PROP_YEAR] = g_param_spec_int ("year", "Year", NULL, -G_MAXINT, G_MAXINT, 0, flags);
  /**
   * ZsTarget:value:
   *
   * The value to reach, in #ZsTarget:unit.
   */
  properties[PROP_VALUE] = g_param_spec_double ("value", "Value", NULL,
                                                -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_UNIT] = string_param ("unit", "Unit");
  /**
   * ZsTarget:comparison:
   *
   * How the actual value is compared with #ZsTarget:value: ">=" or ">".
   */
  properties[PROP_COMPARISON] = string_param ("comparison", "Comparison");
  /**
   * ZsTarget:growth-pct:
   *
   * The required yearly growth in percent, or 0 when there is none.
   */
  properties[PROP_GROWTH_PCT] = g_param_spec_double ("growth-pct", "Growth", NULL,
                                                     -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  /**
   * ZsTarget:clause:
   *
   * The number of the guideline #ZsClause that sets the target,
   * or 0 when there is none.
   */
  properties[PROP_CLAUSE] = g_param_spec_int ("clause", "Clause", NULL,
                                              -G_MAXINT, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_target_init (ZsTarget *self)
{
}

/**
 * zs_target_new:
 *
 * Creates an unsaved target.
 *
 * Returns: (transfer full): a new #ZsTarget
 */
ZsTarget *
zs_target_new (void)
{
  return g_object_new (ZS_TYPE_TARGET, NULL);
}

gint64
zs_target_get_id (ZsTarget *self)
{
  g_return_val_if_fail (ZS_IS_TARGET (self), 0);
  return self->id;
}

#define STRING_ACCESSORS(field, PROP)                                   \
const char *                                                            \
zs_target_get_##field (ZsTarget *self)                                  \
{                                                                       \
  g_return_val_if_fail (ZS_IS_TARGET (self), NULL);                     \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
zs_target_set_##field (ZsTarget *self, const char *field)               \
{                                                                       \
  g_return_if_fail (ZS_IS_TARGET (self));                               \
  set_internal_string (self, &self->field, field, PROP);                \
}

STRING_ACCESSORS (code, PROP_CODE)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (name_en, PROP_NAME_EN)
STRING_ACCESSORS (scope, PROP_SCOPE)
STRING_ACCESSORS (unit, PROP_UNIT)
STRING_ACCESSORS (comparison, PROP_COMPARISON)

#undef STRING_ACCESSORS

int
zs_target_get_year (ZsTarget *self)
{
  g_return_val_if_fail (ZS_IS_TARGET (self), 0);
  return self->year;
}

void
zs_target_set_year (ZsTarget *self,
                    int       year)
{
  g_return_if_fail (ZS_IS_TARGET (self));

  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

double
zs_target_get_value (ZsTarget *self)
{
  g_return_val_if_fail (ZS_IS_TARGET (self), 0);
  return self->value;
}

void
zs_target_set_value (ZsTarget *self,
                     double    value)
{
  g_return_if_fail (ZS_IS_TARGET (self));

  if (self->value == value)
    return;
  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

double
zs_target_get_growth_pct (ZsTarget *self)
{
  g_return_val_if_fail (ZS_IS_TARGET (self), 0);
  return self->growth_pct;
}

void
zs_target_set_growth_pct (ZsTarget *self,
                          double    growth_pct)
{
  g_return_if_fail (ZS_IS_TARGET (self));

  if (self->growth_pct == growth_pct)
    return;
  self->growth_pct = growth_pct;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROWTH_PCT]);
}

int
zs_target_get_clause (ZsTarget *self)
{
  g_return_val_if_fail (ZS_IS_TARGET (self), 0);
  return self->clause;
}

void
zs_target_set_clause (ZsTarget *self,
                      int       clause)
{
  g_return_if_fail (ZS_IS_TARGET (self));

  if (self->clause == clause)
    return;
  self->clause = clause;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAUSE]);
}
