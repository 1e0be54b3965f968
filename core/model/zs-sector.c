/* zs-sector.c: an industrial sector the zone promotes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-sector.h"
#include "zs-util-private.h"

/**
 * ZsSector:
 *
 * An industrial sector in the zone's catalogue, possibly a sub-sector of
 * another, tied to the guideline clause that supports it.
 */
struct _ZsSector
{
  GObject   parent_instance;

  gint64    id;
  char     *code;
  char     *name;
  char     *name_en;
  char     *parent_code;
  int       clause;
  gboolean  priority;
  char    **synonyms;
};

G_DEFINE_FINAL_TYPE (ZsSector, zs_sector, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_EN,
  PROP_PARENT_CODE,
  PROP_CLAUSE,
  PROP_PRIORITY,
  PROP_SYNONYMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_sector_finalize (GObject *object)
{
  ZsSector *self = (ZsSector *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->name_en, g_free);
  g_clear_pointer (&self->parent_code, g_free);
  g_clear_pointer (&self->synonyms, g_strfreev);

  G_OBJECT_CLASS (zs_sector_parent_class)->finalize (object);
}

static void
zs_sector_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZsSector *self = ZS_SECTOR (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_NAME_EN: g_value_set_string (value, self->name_en); break;
    case PROP_PARENT_CODE: g_value_set_string (value, self->parent_code); break;
    case PROP_CLAUSE: g_value_set_int (value, self->clause); break;
    case PROP_PRIORITY: g_value_set_boolean (value, self->priority); break;
    case PROP_SYNONYMS: g_value_set_boxed (value, self->synonyms); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_internal_string (ZsSector   *self,
                     char      **field,
                     const char *value,
                     int         prop)
{
  if (zs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
zs_sector_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZsSector *self = ZS_SECTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CODE: zs_sector_set_code (self, g_value_get_string (value)); break;
    case PROP_NAME: zs_sector_set_name (self, g_value_get_string (value)); break;
    case PROP_NAME_EN: zs_sector_set_name_en (self, g_value_get_string (value)); break;
    case PROP_PARENT_CODE: zs_sector_set_parent_code (self, g_value_get_string (value)); break;
    case PROP_CLAUSE: zs_sector_set_clause (self, g_value_get_int (value)); break;
    case PROP_PRIORITY: zs_sector_set_priority (self, g_value_get_boolean (value)); break;
    case PROP_SYNONYMS: zs_sector_set_synonyms (self, g_value_get_boxed (value)); break;
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
zs_sector_class_init (ZsSectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_sector_finalize;
  object_class->get_property = zs_sector_get_property;
  object_class->set_property = zs_sector_set_property;

  /**
   * ZsSector:id:
   *
   * The store's row id, 0 until the sector is saved.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", "Id", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsSector:code:
   *
   * The sector's key in the catalogue.
   */
  properties[PROP_CODE] = string_param ("code", "Code");
  /**
   * ZsSector:name:
   *
   * The Chinese name.
   */
  properties[PROP_NAME] = string_param ("name", "Name");
  properties[PROP_NAME_EN] = string_param ("name-en", "English name");
  /**
   * ZsSector:parent-code:
   *
   * The code of the parent sector, or %NULL for a top-level sector.
   */
  properties[PROP_PARENT_CODE] = string_param ("parent-code", "Parent code");
  /**
   * ZsSector:clause:
   *
   * The number of the guideline #ZsClause that supports the sector,
   * or 0 when there is none.
   */
  properties[PROP_CLAUSE] = g_param_spec_int ("clause", "Clause", NULL,
                                              -G_MAXINT, G_MAXINT, 0, flags);
  /**
   * ZsSector:priority:
   *
   * Whether the sector is a priority of the zone.
   */
  properties[PROP_PRIORITY] = g_param_spec_boolean ("priority", "Priority", NULL, FALSE, flags);
  /**
   * ZsSector:synonyms:
   *
   * Other names that match the sector when searching or importing.
   */
  properties[PROP_SYNONYMS] = g_param_spec_boxed ("synonyms", "Synonyms", NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_sector_init (ZsSector *self)
{
}

/**
 * zs_sector_new:
 *
 * Creates an unsaved sector.
 *
 * Returns: (transfer full): a new #ZsSector
 */
ZsSector *
zs_sector_new (void)
{
  return g_object_new (ZS_TYPE_SECTOR, NULL);
}

gint64
zs_sector_get_id (ZsSector *self)
{
  g_return_val_if_fail (ZS_IS_SECTOR (self), 0);
  return self->id;
}

#define STRING_ACCESSORS(field, PROP)                                   \
const char *                                                            \
zs_sector_get_##field (ZsSector *self)                                  \
{                                                                       \
  g_return_val_if_fail (ZS_IS_SECTOR (self), NULL);                     \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
zs_sector_set_##field (ZsSector *self, const char *field)               \
{                                                                       \
  g_return_if_fail (ZS_IS_SECTOR (self));                               \
  set_internal_string (self, &self->field, field, PROP);                \
}

STRING_ACCESSORS (code, PROP_CODE)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (name_en, PROP_NAME_EN)
STRING_ACCESSORS (parent_code, PROP_PARENT_CODE)

#undef STRING_ACCESSORS

int
zs_sector_get_clause (ZsSector *self)
{
  g_return_val_if_fail (ZS_IS_SECTOR (self), 0);
  return self->clause;
}

void
zs_sector_set_clause (ZsSector *self,
                      int       clause)
{
  g_return_if_fail (ZS_IS_SECTOR (self));

  if (self->clause == clause)
    return;
  self->clause = clause;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAUSE]);
}

gboolean
zs_sector_get_priority (ZsSector *self)
{
  g_return_val_if_fail (ZS_IS_SECTOR (self), FALSE);
  return self->priority;
}

void
zs_sector_set_priority (ZsSector *self,
                        gboolean  priority)
{
  g_return_if_fail (ZS_IS_SECTOR (self));

  priority = !!priority;
  if (self->priority == priority)
    return;
  self->priority = priority;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIORITY]);
}

/**
 * zs_sector_get_synonyms:
 * @self: a #ZsSector
 *
 * Returns: (nullable) (transfer none) (array zero-terminated=1): the synonyms
 */
const char * const *
zs_sector_get_synonyms (ZsSector *self)
{
  g_return_val_if_fail (ZS_IS_SECTOR (self), NULL);
  return (const char * const *) self->synonyms;
}

/**
 * zs_sector_set_synonyms:
 * @self: a #ZsSector
 * @synonyms: (nullable) (array zero-terminated=1): the synonyms
 */
void
zs_sector_set_synonyms (ZsSector           *self,
                        const char * const *synonyms)
{
  g_return_if_fail (ZS_IS_SECTOR (self));

  if (zs_set_strv (&self->synonyms, synonyms))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNONYMS]);
}
