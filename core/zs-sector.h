/* zs-sector.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-types.h"

G_BEGIN_DECLS

#define ZS_TYPE_SECTOR (zs_sector_get_type ())

G_DECLARE_FINAL_TYPE (ZsSector, zs_sector, ZS, SECTOR, GObject)

ZsSector           *zs_sector_new             (void);
gint64              zs_sector_get_id          (ZsSector   *self);
const char         *zs_sector_get_code        (ZsSector   *self);
void                zs_sector_set_code        (ZsSector   *self,
                                               const char *code);
const char         *zs_sector_get_name        (ZsSector   *self);
void                zs_sector_set_name        (ZsSector   *self,
                                               const char *name);
const char         *zs_sector_get_name_en     (ZsSector   *self);
void                zs_sector_set_name_en     (ZsSector   *self,
                                               const char *name_en);
const char         *zs_sector_get_parent_code (ZsSector   *self);
void                zs_sector_set_parent_code (ZsSector   *self,
                                               const char *parent_code);
int                 zs_sector_get_clause      (ZsSector   *self);
void                zs_sector_set_clause      (ZsSector   *self,
                                               int         clause);
gboolean            zs_sector_get_priority    (ZsSector   *self);
void                zs_sector_set_priority    (ZsSector   *self,
                                               gboolean    priority);
const char * const *zs_sector_get_synonyms    (ZsSector   *self);
void                zs_sector_set_synonyms    (ZsSector   *self,
                                               const char * const *synonyms);

G_END_DECLS
