/* zs-follow-up-source.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (ZHAOSHANG_INSIDE) && !defined (ZHAOSHANG_COMPILATION)
# error "Only <zhaoshang.h> can be included directly."
#endif

#include "zs-version-macros.h"

#include "zs-follow-up.h"
#include "zs-store.h"

G_BEGIN_DECLS

#define ZS_TYPE_FOLLOW_UP_SOURCE (zs_follow_up_source_get_type ())

ZS_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (ZsFollowUpSource, zs_follow_up_source, ZS, FOLLOW_UP_SOURCE, GObject)

/**
 * ZsFollowUpSourceInterface:
 * @list_follow_ups: the plugin's items due in a range of dates
 *
 * A plugin's items that are due (service requests, visits, renewals…),
 * shown among the follow-ups of the app. A plugin exports an extension of
 * this interface; the app finds every one with
 * zs_plugin_engine_get_extensions().
 */
struct _ZsFollowUpSourceInterface
{
  GTypeInterface parent_iface;

  GPtrArray *(*list_follow_ups) (ZsFollowUpSource  *self,
                                 ZsStore           *store,
                                 const char        *from_date,
                                 const char        *to_date,
                                 const char        *staff,
                                 GError           **error);
};

ZS_AVAILABLE_IN_ALL
GPtrArray *zs_follow_up_source_list_follow_ups (ZsFollowUpSource  *self,
                                                ZsStore           *store,
                                                const char        *from_date,
                                                const char        *to_date,
                                                const char        *staff,
                                                GError           **error);

G_END_DECLS
