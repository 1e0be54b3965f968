/* zs-firm.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-types.h"

G_BEGIN_DECLS

#define ZS_TYPE_FIRM (zs_firm_get_type ())

G_DECLARE_FINAL_TYPE (ZsFirm, zs_firm, ZS, FIRM, GObject)

ZsFirm             *zs_firm_new                    (void);
gint64              zs_firm_get_id                 (ZsFirm      *self);
const char         *zs_firm_get_uscc               (ZsFirm      *self);
void                zs_firm_set_uscc               (ZsFirm      *self,
                                                    const char  *uscc);
const char         *zs_firm_get_name               (ZsFirm      *self);
void                zs_firm_set_name               (ZsFirm      *self,
                                                    const char  *name);
const char         *zs_firm_get_name_other         (ZsFirm      *self);
void                zs_firm_set_name_other         (ZsFirm      *self,
                                                    const char  *name_other);
ZsOwnership         zs_firm_get_ownership          (ZsFirm      *self);
void                zs_firm_set_ownership          (ZsFirm      *self,
                                                    ZsOwnership  ownership);
const char         *zs_firm_get_country            (ZsFirm      *self);
void                zs_firm_set_country            (ZsFirm      *self,
                                                    const char  *country);
const char         *zs_firm_get_region_code        (ZsFirm      *self);
void                zs_firm_set_region_code        (ZsFirm      *self,
                                                    const char  *region_code);
const char         *zs_firm_get_address            (ZsFirm      *self);
void                zs_firm_set_address            (ZsFirm      *self,
                                                    const char  *address);
double              zs_firm_get_registered_capital (ZsFirm      *self);
void                zs_firm_set_registered_capital (ZsFirm      *self,
                                                    double       registered_capital);
const char         *zs_firm_get_business_scope     (ZsFirm      *self);
void                zs_firm_set_business_scope     (ZsFirm      *self,
                                                    const char  *business_scope);
const char * const *zs_firm_get_sectors            (ZsFirm      *self);
void                zs_firm_set_sectors            (ZsFirm      *self,
                                                    const char * const *sectors);
const char         *zs_firm_get_website            (ZsFirm      *self);
void                zs_firm_set_website            (ZsFirm      *self,
                                                    const char  *website);
const char         *zs_firm_get_notes              (ZsFirm      *self);
void                zs_firm_set_notes              (ZsFirm      *self,
                                                    const char  *notes);
const char         *zs_firm_get_created_at         (ZsFirm      *self);
const char         *zs_firm_get_updated_at         (ZsFirm      *self);

G_END_DECLS
