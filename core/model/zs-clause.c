/* zs-clause.c: a clause of the development guideline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-clause.h"
#include "zs-util-private.h"

/**
 * ZsClause:
 *
 * A numbered clause of the development guideline the zone works under,
 * with the unit that leads its implementation and the units responsible.
 */
struct _ZsClause
{
  GObject  parent_instance;

  gint64   id;
  int      number;
  char    *numeral;
  int      part;
  char    *part_title;
  char    *title;
  char    *lead_unit;
  char   **responsible_units;
};

G_DEFINE_FINAL_TYPE (ZsClause, zs_clause, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_NUMERAL,
  PROP_PART,
  PROP_PART_TITLE,
  PROP_TITLE,
  PROP_LEAD_UNIT,
  PROP_RESPONSIBLE_UNITS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_clause_finalize (GObject *object)
{
  ZsClause *self = (ZsClause *) object;

  g_clear_pointer (&self->numeral, g_free);
  g_clear_pointer (&self->part_title, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->lead_unit, g_free);
  g_clear_pointer (&self->responsible_units, g_strfreev);

  G_OBJECT_CLASS (zs_clause_parent_class)->finalize (object);
}

static void
zs_clause_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZsClause *self = ZS_CLAUSE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NUMBER: g_value_set_int (value, self->number); break;
    case PROP_NUMERAL: g_value_set_string (value, self->numeral); break;
    case PROP_PART: g_value_set_int (value, self->part); break;
    case PROP_PART_TITLE: g_value_set_string (value, self->part_title); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_LEAD_UNIT: g_value_set_string (value, self->lead_unit); break;
    case PROP_RESPONSIBLE_UNITS: g_value_set_boxed (value, self->responsible_units); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_internal_string (ZsClause   *self,
                     char      **field,
                     const char *value,
                     int         prop)
{
  if (zs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
zs_clause_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZsClause *self = ZS_CLAUSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_NUMBER: zs_clause_set_number (self, g_value_get_int (value)); break;
    case PROP_NUMERAL: zs_clause_set_numeral (self, g_value_get_string (value)); break;
    case PROP_PART: zs_clause_set_part (self, g_value_get_int (value)); break;
    case PROP_PART_TITLE: zs_clause_set_part_title (self, g_value_get_string (value)); break;
    case PROP_TITLE: zs_clause_set_title (self, g_value_get_string (value)); break;
    case PROP_LEAD_UNIT: zs_clause_set_lead_unit (self, g_value_get_string (value)); break;
    case PROP_RESPONSIBLE_UNITS: zs_clause_set_responsible_units (self, g_value_get_boxed (value)); break;
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
zs_clause_class_init (ZsClauseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_clause_finalize;
  object_class->get_property = zs_clause_get_property;
  object_class->set_property = zs_clause_set_property;

  /**
   * ZsClause:id:
   *
   * The store's row id, 0 until the clause is saved.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", "Id", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsClause:number:
   *
   * The clause number, from 1.
   */
  properties[PROP_NUMBER] = g_param_spec_int ("number", "Number", NULL,
                                              -G_MAXINT, G_MAXINT, 0, flags);
  /**
   * ZsClause:numeral:
   *
   * The number as a Chinese numeral, 一 to 二十二.
   */
  properties[PROP_NUMERAL] = string_param ("numeral", "Numeral");
  /**
   * ZsClause:part:
   *
   * The number of the part of the guideline the clause is in.
   */
  properties[PROP_PART] = g_param_spec_int ("part", "Part", NULL, -G_MAXINT, G_MAXINT, 0, flags);
  properties[PROP_PART_TITLE] = string_param ("part-title", "Part title");
  properties[PROP_TITLE] = string_param ("title", "Title");
  /**
   * ZsClause:lead-unit:
   *
   * The unit that leads the clause's implementation (牵头单位).
   */
  properties[PROP_LEAD_UNIT] = string_param ("lead-unit", "Lead unit");
  /**
   * ZsClause:responsible-units:
   *
   * The units responsible for the clause (责任单位).
   */
  properties[PROP_RESPONSIBLE_UNITS] = g_param_spec_boxed ("responsible-units", "Responsible units", NULL,
                                                           G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_clause_init (ZsClause *self)
{
}

/**
 * zs_clause_new:
 *
 * Creates an unsaved clause.
 *
 * Returns: (transfer full): a new #ZsClause
 */
ZsClause *
zs_clause_new (void)
{
  return g_object_new (ZS_TYPE_CLAUSE, NULL);
}

gint64
zs_clause_get_id (ZsClause *self)
{
  g_return_val_if_fail (ZS_IS_CLAUSE (self), 0);
  return self->id;
}

#define STRING_ACCESSORS(field, PROP)                                   \
const char *                                                            \
zs_clause_get_##field (ZsClause *self)                                  \
{                                                                       \
  g_return_val_if_fail (ZS_IS_CLAUSE (self), NULL);                     \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
zs_clause_set_##field (ZsClause *self, const char *field)               \
{                                                                       \
  g_return_if_fail (ZS_IS_CLAUSE (self));                               \
  set_internal_string (self, &self->field, field, PROP);                \
}

STRING_ACCESSORS (numeral, PROP_NUMERAL)
STRING_ACCESSORS (part_title, PROP_PART_TITLE)
STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (lead_unit, PROP_LEAD_UNIT)

#undef STRING_ACCESSORS

int
zs_clause_get_number (ZsClause *self)
{
  g_return_val_if_fail (ZS_IS_CLAUSE (self), 0);
  return self->number;
}

void
zs_clause_set_number (ZsClause *self,
                      int       number)
{
  g_return_if_fail (ZS_IS_CLAUSE (self));

  if (self->number == number)
    return;
  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

int
zs_clause_get_part (ZsClause *self)
{
  g_return_val_if_fail (ZS_IS_CLAUSE (self), 0);
  return self->part;
}

void
zs_clause_set_part (ZsClause *self,
                    int       part)
{
  g_return_if_fail (ZS_IS_CLAUSE (self));

  if (self->part == part)
    return;
  self->part = part;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PART]);
}

/**
 * zs_clause_get_responsible_units:
 * @self: a #ZsClause
 *
 * Returns: (nullable) (transfer none) (array zero-terminated=1): the unit names
 */
const char * const *
zs_clause_get_responsible_units (ZsClause *self)
{
  g_return_val_if_fail (ZS_IS_CLAUSE (self), NULL);
  return (const char * const *) self->responsible_units;
}

/**
 * zs_clause_set_responsible_units:
 * @self: a #ZsClause
 * @responsible_units: (nullable) (array zero-terminated=1): the unit names
 */
void
zs_clause_set_responsible_units (ZsClause           *self,
                                 const char * const *responsible_units)
{
  g_return_if_fail (ZS_IS_CLAUSE (self));

  if (zs_set_strv (&self->responsible_units, responsible_units))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSIBLE_UNITS]);
}
