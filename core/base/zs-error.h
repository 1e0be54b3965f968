/* zs-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include <glib.h>

G_BEGIN_DECLS

#define ZS_ERROR (zs_error_quark ())

/**
 * ZsError:
 * @ZS_ERROR_INVALID: a value failed validation; the message names the field and the value
 * @ZS_ERROR_NOT_FOUND: the record does not exist
 * @ZS_ERROR_DUPLICATE: a record with the same key exists; the message names it
 * @ZS_ERROR_CONFLICT: the record changed since the value being reverted was written
 * @ZS_ERROR_TOO_NEW: the database was written by a newer version of Zhaoshang
 * @ZS_ERROR_DATABASE: sqlite reported an error
 * @ZS_ERROR_IN_USE: the record is still referenced by other records
 * @ZS_ERROR_PERMISSION: the acting staff member may not change records
 * @ZS_ERROR_DAMAGED: the database failed a consistency check
 * @ZS_ERROR_BUSY: another writer held the database for longer than the wait
 *   allowed; the message names it when it can
 * @ZS_ERROR_READ_ONLY: the database can only be read
 * @ZS_ERROR_NOT_A_DATABASE: the file is not a Zhaoshang database; the message
 *   names the file and what it holds
 * @ZS_ERROR_TOO_OLD: the database has an older schema; `zhaoshang-cli init`
 *   upgrades it
 *
 * Errors reported by libzhaoshang.
 */
typedef enum
{
  ZS_ERROR_INVALID,
  ZS_ERROR_NOT_FOUND,
  ZS_ERROR_DUPLICATE,
  ZS_ERROR_CONFLICT,
  ZS_ERROR_TOO_NEW,
  ZS_ERROR_DATABASE,
  ZS_ERROR_IN_USE,
  ZS_ERROR_PERMISSION,
  ZS_ERROR_DAMAGED,
  ZS_ERROR_BUSY,
  ZS_ERROR_READ_ONLY,
  ZS_ERROR_NOT_A_DATABASE,
  ZS_ERROR_TOO_OLD,
} ZsError;

ZS_AVAILABLE_IN_ALL
GQuark zs_error_quark (void);

G_END_DECLS
