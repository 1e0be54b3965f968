/* zs-sector.h
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

#define ZS_TYPE_SECTOR (zs_sector_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ZsSector, zs_sector, ZS, SECTOR, GObject)

ZS_AVAILABLE_IN_ALL
ZsSector           *zs_sector_new             (void);
ZS_AVAILABLE_IN_ALL
gint64              zs_sector_get_id          (ZsSector   *self);
ZS_AVAILABLE_IN_ALL
const char         *zs_sector_get_code        (ZsSector   *self);
ZS_AVAILABLE_IN_ALL
void                zs_sector_set_code        (ZsSector   *self,
                                               const char *code);
ZS_AVAILABLE_IN_ALL
const char         *zs_sector_get_name        (ZsSector   *self);
ZS_AVAILABLE_IN_ALL
void                zs_sector_set_name        (ZsSector   *self,
                                               const char *name);
ZS_AVAILABLE_IN_ALL
const char         *zs_sector_get_name_en     (ZsSector   *self);
ZS_AVAILABLE_IN_ALL
void                zs_sector_set_name_en     (ZsSector   *self,
                                               const char *name_en);
ZS_AVAILABLE_IN_ALL
const char         *zs_sector_get_parent_code (ZsSector   *self);
ZS_AVAILABLE_IN_ALL
void                zs_sector_set_parent_code (ZsSector   *self,
                                               const char *parent_code);
ZS_AVAILABLE_IN_ALL
int                 zs_sector_get_clause      (ZsSector   *self);
ZS_AVAILABLE_IN_ALL
void                zs_sector_set_clause      (ZsSector   *self,
                                               int         clause);
ZS_AVAILABLE_IN_ALL
gboolean            zs_sector_get_priority    (ZsSector   *self);
ZS_AVAILABLE_IN_ALL
void                zs_sector_set_priority    (ZsSector   *self,
                                               gboolean    priority);
ZS_AVAILABLE_IN_ALL
const char * const *zs_sector_get_synonyms    (ZsSector   *self);
ZS_AVAILABLE_IN_ALL
void                zs_sector_set_synonyms    (ZsSector   *self,
                                               const char * const *synonyms);

G_END_DECLS
