/* zs-follow-up-notifier.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

#define ZS_TYPE_FOLLOW_UP_NOTIFIER (zs_follow_up_notifier_get_type ())

G_DECLARE_FINAL_TYPE (ZsFollowUpNotifier, zs_follow_up_notifier, ZS, FOLLOW_UP_NOTIFIER, GObject)

ZsFollowUpNotifier *zs_follow_up_notifier_new           (GApplication       *application,
                                                         GSettings          *settings);
void                zs_follow_up_notifier_set_store     (ZsFollowUpNotifier *self,
                                                         ZsStore            *store);
void                zs_follow_up_notifier_set_plugin_engine
                                                        (ZsFollowUpNotifier *self,
                                                         ZsPluginEngine     *engine);
void                zs_follow_up_notifier_watch         (ZsFollowUpNotifier *self,
                                                         ZsStore            *store);
void                zs_follow_up_notifier_check         (ZsFollowUpNotifier *self,
                                                         const char         *today);
gboolean            zs_follow_up_notifier_is_busy       (ZsFollowUpNotifier *self);
guint               zs_follow_up_notifier_get_n_sent    (ZsFollowUpNotifier *self);
const char         *zs_follow_up_notifier_get_last_body (ZsFollowUpNotifier *self);

G_END_DECLS
