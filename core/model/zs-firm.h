/* zs-firm.h
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

#define ZS_TYPE_FIRM (zs_firm_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsFirm, zs_firm, ZS, FIRM, GObject)

ZS_AVAILABLE_IN_ALL
ZsFirm             *zs_firm_new                    (void);
ZS_AVAILABLE_IN_ALL
gint64              zs_firm_get_id                 (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
gint64              zs_firm_get_version            (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_firm_get_uscc               (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
void                zs_firm_set_uscc               (ZsFirm      *self,
                                                    const char  *uscc);
ZS_AVAILABLE_IN_ALL
const char         *zs_firm_get_name               (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
void                zs_firm_set_name               (ZsFirm      *self,
                                                    const char  *name);
ZS_AVAILABLE_IN_ALL
const char         *zs_firm_get_name_other         (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
void                zs_firm_set_name_other         (ZsFirm      *self,
                                                    const char  *name_other);
ZS_AVAILABLE_IN_ALL
ZsOwnership         zs_firm_get_ownership          (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
void                zs_firm_set_ownership          (ZsFirm      *self,
                                                    ZsOwnership  ownership);
ZS_AVAILABLE_IN_ALL
const char         *zs_firm_get_country            (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
void                zs_firm_set_country            (ZsFirm      *self,
                                                    const char  *country);
ZS_AVAILABLE_IN_ALL
const char         *zs_firm_get_region_code        (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
void                zs_firm_set_region_code        (ZsFirm      *self,
                                                    const char  *region_code);
ZS_AVAILABLE_IN_ALL
const char         *zs_firm_get_address            (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
void                zs_firm_set_address            (ZsFirm      *self,
                                                    const char  *address);
ZS_AVAILABLE_IN_ALL
double              zs_firm_get_registered_capital (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
void                zs_firm_set_registered_capital (ZsFirm      *self,
                                                    double       registered_capital);
ZS_AVAILABLE_IN_ALL
const char         *zs_firm_get_business_scope     (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
void                zs_firm_set_business_scope     (ZsFirm      *self,
                                                    const char  *business_scope);
ZS_AVAILABLE_IN_ALL
const char * const *zs_firm_get_sectors            (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
void                zs_firm_set_sectors            (ZsFirm      *self,
                                                    const char * const *sectors);
ZS_AVAILABLE_IN_ALL
const char         *zs_firm_get_website            (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
void                zs_firm_set_website            (ZsFirm      *self,
                                                    const char  *website);
ZS_AVAILABLE_IN_ALL
const char         *zs_firm_get_notes              (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
void                zs_firm_set_notes              (ZsFirm      *self,
                                                    const char  *notes);
ZS_AVAILABLE_IN_ALL
const char         *zs_firm_get_created_at         (ZsFirm      *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_firm_get_updated_at         (ZsFirm      *self);

G_END_DECLS
