/* zs-follow-ups-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

/**
 * ZsFollowUpGroup:
 * @ZS_FOLLOW_UP_OVERDUE: due before today
 * @ZS_FOLLOW_UP_TODAY: due today
 * @ZS_FOLLOW_UP_THIS_WEEK: due after today, by Sunday
 * @ZS_FOLLOW_UP_LATER: due after this week
 */
typedef enum
{
  ZS_FOLLOW_UP_OVERDUE,
  ZS_FOLLOW_UP_TODAY,
  ZS_FOLLOW_UP_THIS_WEEK,
  ZS_FOLLOW_UP_LATER,
  ZS_FOLLOW_UP_N_GROUPS,
} ZsFollowUpGroup;

#define ZS_TYPE_FOLLOW_UPS_PAGE (zs_follow_ups_page_get_type ())

G_DECLARE_FINAL_TYPE (ZsFollowUpsPage, zs_follow_ups_page, ZS, FOLLOW_UPS_PAGE, GtkWidget)

GtkWidget      *zs_follow_ups_page_new          (ZsStore         *store);
void            zs_follow_ups_page_set_today    (ZsFollowUpsPage *self,
                                                 const char      *today);
void            zs_follow_ups_page_set_me       (ZsFollowUpsPage *self,
                                                 const char      *me);
void            zs_follow_ups_page_set_mine     (ZsFollowUpsPage *self,
                                                 gboolean         mine);
void            zs_follow_ups_page_set_engine   (ZsFollowUpsPage *self,
                                                 ZsPluginEngine  *engine);
void            zs_follow_ups_page_reload       (ZsFollowUpsPage *self);
gboolean        zs_follow_ups_page_is_loading   (ZsFollowUpsPage *self);
GListModel     *zs_follow_ups_page_get_group    (ZsFollowUpsPage *self,
                                                 ZsFollowUpGroup  group);
GListModel     *zs_follow_ups_page_get_recent   (ZsFollowUpsPage *self);
gboolean        zs_follow_ups_page_complete     (ZsFollowUpsPage *self,
                                                 ZsActivity      *activity);
gboolean        zs_follow_ups_page_snooze       (ZsFollowUpsPage *self,
                                                 ZsActivity      *activity,
                                                 const char      *date);
gboolean        zs_follow_ups_page_reassign     (ZsFollowUpsPage *self,
                                                 ZsActivity      *activity,
                                                 const char      *who);

ZsFollowUpGroup zs_follow_up_group_of           (const char      *due,
                                                 const char      *today);
char           *zs_follow_up_date_after         (const char      *date,
                                                 int              days);
char           *zs_follow_up_week_end           (const char      *today);
char           *zs_follow_up_today              (void);
char           *zs_follow_up_status_text        (const char      *due,
                                                 const char      *today);
char           *zs_follow_up_me                 (ZsStore         *store);

G_END_DECLS
