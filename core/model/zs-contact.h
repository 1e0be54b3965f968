/* zs-contact.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-types.h"

G_BEGIN_DECLS

#define ZS_TYPE_CONTACT (zs_contact_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsContact, zs_contact, ZS, CONTACT, GObject)

ZS_AVAILABLE_IN_ALL
ZsContact          *zs_contact_new         (void);
ZS_AVAILABLE_IN_ALL
gint64              zs_contact_get_id      (ZsContact  *self);
ZS_AVAILABLE_IN_ALL
gint64              zs_contact_get_version (ZsContact  *self);
ZS_AVAILABLE_IN_ALL
gint64              zs_contact_get_firm_id (ZsContact  *self);
ZS_AVAILABLE_IN_ALL
void                zs_contact_set_firm_id (ZsContact  *self,
                                            gint64      firm_id);
ZS_AVAILABLE_IN_ALL
const char         *zs_contact_get_name    (ZsContact  *self);
ZS_AVAILABLE_IN_ALL
void                zs_contact_set_name    (ZsContact  *self,
                                            const char *name);
ZS_AVAILABLE_IN_ALL
const char         *zs_contact_get_title   (ZsContact  *self);
ZS_AVAILABLE_IN_ALL
void                zs_contact_set_title   (ZsContact  *self,
                                            const char *title);
ZS_AVAILABLE_IN_ALL
const char         *zs_contact_get_phone   (ZsContact  *self);
ZS_AVAILABLE_IN_ALL
void                zs_contact_set_phone   (ZsContact  *self,
                                            const char *phone);
ZS_AVAILABLE_IN_ALL
const char         *zs_contact_get_email   (ZsContact  *self);
ZS_AVAILABLE_IN_ALL
void                zs_contact_set_email   (ZsContact  *self,
                                            const char *email);
ZS_AVAILABLE_IN_ALL
const char         *zs_contact_get_notes   (ZsContact  *self);
ZS_AVAILABLE_IN_ALL
void                zs_contact_set_notes   (ZsContact  *self,
                                            const char *notes);

G_END_DECLS
