/* zs-clause.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-types.h"

G_BEGIN_DECLS

#define ZS_TYPE_CLAUSE (zs_clause_get_type ())

G_DECLARE_FINAL_TYPE (ZsClause, zs_clause, ZS, CLAUSE, GObject)

ZsClause           *zs_clause_new                   (void);
gint64              zs_clause_get_id                (ZsClause   *self);
int                 zs_clause_get_number            (ZsClause   *self);
void                zs_clause_set_number            (ZsClause   *self,
                                                     int         number);
const char         *zs_clause_get_numeral           (ZsClause   *self);
void                zs_clause_set_numeral           (ZsClause   *self,
                                                     const char *numeral);
int                 zs_clause_get_part              (ZsClause   *self);
void                zs_clause_set_part              (ZsClause   *self,
                                                     int         part);
const char         *zs_clause_get_part_title        (ZsClause   *self);
void                zs_clause_set_part_title        (ZsClause   *self,
                                                     const char *part_title);
const char         *zs_clause_get_title             (ZsClause   *self);
void                zs_clause_set_title             (ZsClause   *self,
                                                     const char *title);
const char         *zs_clause_get_lead_unit         (ZsClause   *self);
void                zs_clause_set_lead_unit         (ZsClause   *self,
                                                     const char *lead_unit);
const char * const *zs_clause_get_responsible_units (ZsClause   *self);
void                zs_clause_set_responsible_units (ZsClause   *self,
                                                     const char * const *responsible_units);

G_END_DECLS
