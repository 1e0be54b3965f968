/* zs-contact.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-types.h"

G_BEGIN_DECLS

#define ZS_TYPE_CONTACT (zs_contact_get_type ())

G_DECLARE_FINAL_TYPE (ZsContact, zs_contact, ZS, CONTACT, GObject)

ZsContact          *zs_contact_new         (void);
gint64              zs_contact_get_id      (ZsContact  *self);
gint64              zs_contact_get_firm_id (ZsContact  *self);
void                zs_contact_set_firm_id (ZsContact  *self,
                                            gint64      firm_id);
const char         *zs_contact_get_name    (ZsContact  *self);
void                zs_contact_set_name    (ZsContact  *self,
                                            const char *name);
const char         *zs_contact_get_title   (ZsContact  *self);
void                zs_contact_set_title   (ZsContact  *self,
                                            const char *title);
const char         *zs_contact_get_phone   (ZsContact  *self);
void                zs_contact_set_phone   (ZsContact  *self,
                                            const char *phone);
const char         *zs_contact_get_email   (ZsContact  *self);
void                zs_contact_set_email   (ZsContact  *self,
                                            const char *email);
const char         *zs_contact_get_notes   (ZsContact  *self);
void                zs_contact_set_notes   (ZsContact  *self,
                                            const char *notes);

G_END_DECLS
