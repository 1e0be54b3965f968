/* zs-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zs-follow-up-notifier.h"

G_BEGIN_DECLS

#define ZS_TYPE_APPLICATION (zs_application_get_type ())

G_DECLARE_FINAL_TYPE (ZsApplication, zs_application, ZS, APPLICATION, AdwApplication)

ZsApplication *zs_application_new           (void);
GSettings     *zs_application_get_settings  (ZsApplication *self);
GtkWindow     *zs_application_open_database (ZsApplication *self,
                                             const char    *path);
ZsFollowUpNotifier *zs_application_get_follow_up_notifier (ZsApplication *self);

G_END_DECLS
