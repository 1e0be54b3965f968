/* zs-firm.c: a firm the zone courts or hosts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-enums.h"
#include "zs-firm.h"
#include "zs-util-private.h"

struct _ZsFirm
{
  GObject      parent_instance;

  gint64       id;
  gint64       version;
  char        *uscc;
  char        *name;
  char        *name_other;
  ZsOwnership  ownership;
  char        *country;
  char        *region_code;
  char        *address;
  double       registered_capital;
  char        *business_scope;
  char       **sectors;
  char        *website;
  char        *notes;
  char        *created_at;
  char        *updated_at;
};

G_DEFINE_FINAL_TYPE (ZsFirm, zs_firm, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_USCC,
  PROP_NAME,
  PROP_NAME_OTHER,
  PROP_OWNERSHIP,
  PROP_COUNTRY,
  PROP_REGION_CODE,
  PROP_ADDRESS,
  PROP_REGISTERED_CAPITAL,
  PROP_BUSINESS_SCOPE,
  PROP_SECTORS,
  PROP_WEBSITE,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_firm_finalize (GObject *object)
{
  ZsFirm *self = (ZsFirm *) object;

  g_clear_pointer (&self->uscc, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->name_other, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->region_code, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->business_scope, g_free);
  g_clear_pointer (&self->sectors, g_strfreev);
  g_clear_pointer (&self->website, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (zs_firm_parent_class)->finalize (object);
}

static void
zs_firm_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ZsFirm *self = ZS_FIRM (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_VERSION: g_value_set_int64 (value, self->version); break;
    case PROP_USCC: g_value_set_string (value, self->uscc); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_NAME_OTHER: g_value_set_string (value, self->name_other); break;
    case PROP_OWNERSHIP: g_value_set_enum (value, self->ownership); break;
    case PROP_COUNTRY: g_value_set_string (value, self->country); break;
    case PROP_REGION_CODE: g_value_set_string (value, self->region_code); break;
    case PROP_ADDRESS: g_value_set_string (value, self->address); break;
    case PROP_REGISTERED_CAPITAL: g_value_set_double (value, self->registered_capital); break;
    case PROP_BUSINESS_SCOPE: g_value_set_string (value, self->business_scope); break;
    case PROP_SECTORS: g_value_set_boxed (value, self->sectors); break;
    case PROP_WEBSITE: g_value_set_string (value, self->website); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_CREATED_AT: g_value_set_string (value, self->created_at); break;
    case PROP_UPDATED_AT: g_value_set_string (value, self->updated_at); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_internal_string (ZsFirm     *self,
                     char      **field,
                     const char *value,
                     int         prop)
{
  if (zs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
zs_firm_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ZsFirm *self = ZS_FIRM (object);

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
    case PROP_USCC: zs_firm_set_uscc (self, g_value_get_string (value)); break;
    case PROP_NAME: zs_firm_set_name (self, g_value_get_string (value)); break;
    case PROP_NAME_OTHER: zs_firm_set_name_other (self, g_value_get_string (value)); break;
    case PROP_OWNERSHIP: zs_firm_set_ownership (self, g_value_get_enum (value)); break;
    case PROP_COUNTRY: zs_firm_set_country (self, g_value_get_string (value)); break;
    case PROP_REGION_CODE: zs_firm_set_region_code (self, g_value_get_string (value)); break;
    case PROP_ADDRESS: zs_firm_set_address (self, g_value_get_string (value)); break;
    case PROP_REGISTERED_CAPITAL: zs_firm_set_registered_capital (self, g_value_get_double (value)); break;
    case PROP_BUSINESS_SCOPE: zs_firm_set_business_scope (self, g_value_get_string (value)); break;
    case PROP_SECTORS: zs_firm_set_sectors (self, g_value_get_boxed (value)); break;
    case PROP_WEBSITE: zs_firm_set_website (self, g_value_get_string (value)); break;
    case PROP_NOTES: zs_firm_set_notes (self, g_value_get_string (value)); break;
    case PROP_CREATED_AT: set_internal_string (self, &self->created_at, g_value_get_string (value), prop_id); break;
    case PROP_UPDATED_AT: set_internal_string (self, &self->updated_at, g_value_get_string (value), prop_id); break;
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
zs_firm_class_init (ZsFirmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_firm_finalize;
  object_class->get_property = zs_firm_get_property;
  object_class->set_property = zs_firm_set_property;

  /**
   * ZsFirm:id:
   *
   * The store's row id, 0 until the firm is saved.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", "Id", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsFirm:version:
   *
   * The version of the stored record this object was loaded at: 1 when
   * created, one more with each write. An update fails with
   * %ZS_ERROR_CONFLICT when another writer changed one of the same fields
   * after this version; 0 means "no version known" and skips that check.
   */
  properties[PROP_VERSION] = g_param_spec_int64 ("version", "Version", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsFirm:uscc:
   *
   * The unified social credit code (统一社会信用代码, GB 32100-2015), the firm's key.
   */
  properties[PROP_USCC] = string_param ("uscc", "USCC");
  /**
   * ZsFirm:name:
   *
   * The registered Chinese name.
   */
  properties[PROP_NAME] = string_param ("name", "Name");
  /**
   * ZsFirm:name-other:
   *
   * The name in another script: Kazakh, Russian or English.
   */
  properties[PROP_NAME_OTHER] = string_param ("name-other", "Other name");
  /**
   * ZsFirm:ownership:
   *
   * The ownership type.
   */
  properties[PROP_OWNERSHIP] = g_param_spec_enum ("ownership", "Ownership", NULL,
                                                  ZS_TYPE_OWNERSHIP, ZS_OWNERSHIP_UNSPECIFIED, flags);
  /**
   * ZsFirm:country:
   *
   * The ISO 3166-1 alpha-2 code of the country of registration.
   */
  properties[PROP_COUNTRY] = string_param ("country", "Country");
  /**
   * ZsFirm:region-code:
   *
   * The GB/T 2260 code of the firm's administrative region.
   */
  properties[PROP_REGION_CODE] = string_param ("region-code", "Region code");
  properties[PROP_ADDRESS] = string_param ("address", "Address");
  /**
   * ZsFirm:registered-capital:
   *
   * Registered capital in 万元; 0 when unknown.
   */
  properties[PROP_REGISTERED_CAPITAL] = g_param_spec_double ("registered-capital", "Registered capital", NULL,
                                                             -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  /**
   * ZsFirm:business-scope:
   *
   * The registered business scope (经营范围).
   */
  properties[PROP_BUSINESS_SCOPE] = string_param ("business-scope", "Business scope");
  /**
   * ZsFirm:sectors:
   *
   * Codes of the sectors the firm works in.
   */
  properties[PROP_SECTORS] = g_param_spec_boxed ("sectors", "Sectors", NULL, G_TYPE_STRV, flags);
  properties[PROP_WEBSITE] = string_param ("website", "Website");
  properties[PROP_NOTES] = string_param ("notes", "Notes");
  properties[PROP_CREATED_AT] = string_param ("created-at", "Created at");
  properties[PROP_UPDATED_AT] = string_param ("updated-at", "Updated at");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_firm_init (ZsFirm *self)
{
  self->country = g_strdup ("CN");
}

/**
 * zs_firm_new:
 *
 * Creates an unsaved firm registered in China.
 *
 * Returns: (transfer full): a new #ZsFirm
 */
ZsFirm *
zs_firm_new (void)
{
  return g_object_new (ZS_TYPE_FIRM, NULL);
}

gint64
zs_firm_get_id (ZsFirm *self)
{
  g_return_val_if_fail (ZS_IS_FIRM (self), 0);
  return self->id;
}

/**
 * zs_firm_get_version:
 * @self: a #ZsFirm
 *
 * Returns: the stored version this object was loaded at, 0 if unknown
 */
gint64
zs_firm_get_version (ZsFirm *self)
{
  g_return_val_if_fail (ZS_IS_FIRM (self), 0);
  return self->version;
}

#define STRING_ACCESSORS(field, PROP)                                   \
const char *                                                            \
zs_firm_get_##field (ZsFirm *self)                                      \
{                                                                       \
  g_return_val_if_fail (ZS_IS_FIRM (self), NULL);                       \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
zs_firm_set_##field (ZsFirm *self, const char *field)                   \
{                                                                       \
  g_return_if_fail (ZS_IS_FIRM (self));                                 \
  set_internal_string (self, &self->field, field, PROP);                \
}

STRING_ACCESSORS (uscc, PROP_USCC)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (name_other, PROP_NAME_OTHER)
STRING_ACCESSORS (country, PROP_COUNTRY)
STRING_ACCESSORS (region_code, PROP_REGION_CODE)
STRING_ACCESSORS (address, PROP_ADDRESS)
STRING_ACCESSORS (business_scope, PROP_BUSINESS_SCOPE)
STRING_ACCESSORS (website, PROP_WEBSITE)
STRING_ACCESSORS (notes, PROP_NOTES)

#undef STRING_ACCESSORS

ZsOwnership
zs_firm_get_ownership (ZsFirm *self)
{
  g_return_val_if_fail (ZS_IS_FIRM (self), ZS_OWNERSHIP_UNSPECIFIED);
  return self->ownership;
}

void
zs_firm_set_ownership (ZsFirm      *self,
                       ZsOwnership  ownership)
{
  g_return_if_fail (ZS_IS_FIRM (self));

  if (self->ownership == ownership)
    return;
  self->ownership = ownership;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNERSHIP]);
}

double
zs_firm_get_registered_capital (ZsFirm *self)
{
  g_return_val_if_fail (ZS_IS_FIRM (self), 0);
  return self->registered_capital;
}

void
zs_firm_set_registered_capital (ZsFirm *self,
                                double  registered_capital)
{
  g_return_if_fail (ZS_IS_FIRM (self));

  if (self->registered_capital == registered_capital)
    return;
  self->registered_capital = registered_capital;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTERED_CAPITAL]);
}

/**
 * zs_firm_get_sectors:
 * @self: a #ZsFirm
 *
 * Returns: (nullable) (transfer none) (array zero-terminated=1): the sector codes
 */
const char * const *
zs_firm_get_sectors (ZsFirm *self)
{
  g_return_val_if_fail (ZS_IS_FIRM (self), NULL);
  return (const char * const *) self->sectors;
}

/**
 * zs_firm_set_sectors:
 * @self: a #ZsFirm
 * @sectors: (nullable) (array zero-terminated=1): sector codes
 */
void
zs_firm_set_sectors (ZsFirm             *self,
                     const char * const *sectors)
{
  g_return_if_fail (ZS_IS_FIRM (self));

  if (zs_set_strv (&self->sectors, sectors))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTORS]);
}

const char *
zs_firm_get_created_at (ZsFirm *self)
{
  g_return_val_if_fail (ZS_IS_FIRM (self), NULL);
  return self->created_at;
}

const char *
zs_firm_get_updated_at (ZsFirm *self)
{
  g_return_val_if_fail (ZS_IS_FIRM (self), NULL);
  return self->updated_at;
}
