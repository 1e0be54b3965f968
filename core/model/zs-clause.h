/* zs-clause.h
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

#define ZS_TYPE_CLAUSE (zs_clause_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsClause, zs_clause, ZS, CLAUSE, GObject)

ZS_AVAILABLE_IN_ALL
ZsClause           *zs_clause_new                   (void);
ZS_AVAILABLE_IN_ALL
gint64              zs_clause_get_id                (ZsClause   *self);
ZS_AVAILABLE_IN_ALL
int                 zs_clause_get_number            (ZsClause   *self);
ZS_AVAILABLE_IN_ALL
void                zs_clause_set_number            (ZsClause   *self,
                                                     int         number);
ZS_AVAILABLE_IN_ALL
const char         *zs_clause_get_numeral           (ZsClause   *self);
ZS_AVAILABLE_IN_ALL
void                zs_clause_set_numeral           (ZsClause   *self,
                                                     const char *numeral);
ZS_AVAILABLE_IN_ALL
int                 zs_clause_get_part              (ZsClause   *self);
ZS_AVAILABLE_IN_ALL
void                zs_clause_set_part              (ZsClause   *self,
                                                     int         part);
ZS_AVAILABLE_IN_ALL
const char         *zs_clause_get_part_title        (ZsClause   *self);
ZS_AVAILABLE_IN_ALL
void                zs_clause_set_part_title        (ZsClause   *self,
                                                     const char *part_title);
ZS_AVAILABLE_IN_ALL
const char         *zs_clause_get_title             (ZsClause   *self);
ZS_AVAILABLE_IN_ALL
void                zs_clause_set_title             (ZsClause   *self,
                                                     const char *title);
ZS_AVAILABLE_IN_ALL
const char         *zs_clause_get_lead_unit         (ZsClause   *self);
ZS_AVAILABLE_IN_ALL
void                zs_clause_set_lead_unit         (ZsClause   *self,
                                                     const char *lead_unit);
ZS_AVAILABLE_IN_ALL
const char * const *zs_clause_get_responsible_units (ZsClause   *self);
ZS_AVAILABLE_IN_ALL
void                zs_clause_set_responsible_units (ZsClause   *self,
                                                     const char * const *responsible_units);

G_END_DECLS
