/* zs-contact.c: a person the zone deals with at a firm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zs-contact.h"
#include "zs-util-private.h"

/**
 * ZsContact:
 *
 * A person at a firm: the investor's decision maker, a manager or a
 * secretary whom the promotion staff call, visit or write to.
 */
struct _ZsContact
{
  GObject  parent_instance;

  gint64   id;
  gint64       version;
  gint64   firm_id;
  char    *name;
  char    *title;
  char    *phone;
  char    *email;
  char    *notes;
};

G_DEFINE_FINAL_TYPE (ZsContact, zs_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_FIRM_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_contact_finalize (GObject *object)
{
  ZsContact *self = (ZsContact *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (zs_contact_parent_class)->finalize (object);
}

static void
zs_contact_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ZsContact *self = ZS_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_VERSION: g_value_set_int64 (value, self->version); break;
    case PROP_FIRM_ID: g_value_set_int64 (value, self->firm_id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_EMAIL: g_value_set_string (value, self->email); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_internal_string (ZsContact  *self,
                     char      **field,
                     const char *value,
                     int         prop)
{
  if (zs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
zs_contact_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ZsContact *self = ZS_CONTACT (object);

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
    case PROP_FIRM_ID: zs_contact_set_firm_id (self, g_value_get_int64 (value)); break;
    case PROP_NAME: zs_contact_set_name (self, g_value_get_string (value)); break;
    case PROP_TITLE: zs_contact_set_title (self, g_value_get_string (value)); break;
    case PROP_PHONE: zs_contact_set_phone (self, g_value_get_string (value)); break;
    case PROP_EMAIL: zs_contact_set_email (self, g_value_get_string (value)); break;
    case PROP_NOTES: zs_contact_set_notes (self, g_value_get_string (value)); break;
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
zs_contact_class_init (ZsContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_contact_finalize;
  object_class->get_property = zs_contact_get_property;
  object_class->set_property = zs_contact_set_property;

  /**
   * ZsContact:id:
   *
   * The store's row id, 0 until the contact is saved.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", "Id", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsContact:version:
   *
   * The version of the stored record this object was loaded at: 1 when
   * created, one more with each write. An update fails with
   * %ZS_ERROR_CONFLICT when another writer changed one of the same fields
   * after this version; 0 means "no version known" and skips that check.
   */
  properties[PROP_VERSION] = g_param_spec_int64 ("version", "Version", NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ZsContact:firm-id:
   *
   * The id of the #ZsFirm the person works for.
   */
  properties[PROP_FIRM_ID] = g_param_spec_int64 ("firm-id", "Firm id", NULL,
                                                 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = string_param ("name", "Name");
  /**
   * ZsContact:title:
   *
   * The person's job title, such as 董事长 or 总经理.
   */
  properties[PROP_TITLE] = string_param ("title", "Title");
  properties[PROP_PHONE] = string_param ("phone", "Phone");
  properties[PROP_EMAIL] = string_param ("email", "Email");
  properties[PROP_NOTES] = string_param ("notes", "Notes");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_contact_init (ZsContact *self)
{
}

/**
 * zs_contact_new:
 *
 * Creates an unsaved contact.
 *
 * Returns: (transfer full): a new #ZsContact
 */
ZsContact *
zs_contact_new (void)
{
  return g_object_new (ZS_TYPE_CONTACT, NULL);
}

gint64
zs_contact_get_id (ZsContact *self)
{
  g_return_val_if_fail (ZS_IS_CONTACT (self), 0);
  return self->id;
}

/**
 * zs_contact_get_version:
 * @self: a #ZsContact
 *
 * Returns: the stored version this object was loaded at, 0 if unknown
 */
gint64
zs_contact_get_version (ZsContact *self)
{
  g_return_val_if_fail (ZS_IS_CONTACT (self), 0);
  return self->version;
}

#define STRING_ACCESSORS(field, PROP)                                   \
const char *                                                            \
zs_contact_get_##field (ZsContact *self)                                \
{                                                                       \
  g_return_val_if_fail (ZS_IS_CONTACT (self), NULL);                    \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
zs_contact_set_##field (ZsContact *self, const char *field)             \
{                                                                       \
  g_return_if_fail (ZS_IS_CONTACT (self));                              \
  set_internal_string (self, &self->field, field, PROP);                \
}

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (phone, PROP_PHONE)
STRING_ACCESSORS (email, PROP_EMAIL)
STRING_ACCESSORS (notes, PROP_NOTES)

#undef STRING_ACCESSORS

gint64
zs_contact_get_firm_id (ZsContact *self)
{
  g_return_val_if_fail (ZS_IS_CONTACT (self), 0);
  return self->firm_id;
}

void
zs_contact_set_firm_id (ZsContact *self,
                        gint64     firm_id)
{
  g_return_if_fail (ZS_IS_CONTACT (self));

  if (self->firm_id == firm_id)
    return;
  self->firm_id = firm_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRM_ID]);
}
