/* zs-firm-hub.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <zhaoshang.h>

#include "zs-related-records.h"

G_BEGIN_DECLS

#define ZS_TYPE_FIRM_HUB (zs_firm_hub_get_type ())

G_DECLARE_FINAL_TYPE (ZsFirmHub, zs_firm_hub, ZS, FIRM_HUB, GtkWidget)

GtkWidget        *zs_firm_hub_new                 (ZsStore   *store);
void              zs_firm_hub_set_firm            (ZsFirmHub *self,
                                                   gint64     firm_id);
gint64            zs_firm_hub_get_firm            (ZsFirmHub *self);
void              zs_firm_hub_reload              (ZsFirmHub *self);
guint             zs_firm_hub_get_n_contacts      (ZsFirmHub *self);
guint             zs_firm_hub_get_n_projects      (ZsFirmHub *self);
guint             zs_firm_hub_get_n_activities    (ZsFirmHub *self);
gint64            zs_firm_hub_log                 (ZsFirmHub *self,
                                                   ZsActivityKind kind);
void              zs_firm_hub_copy_phone          (ZsFirmHub *self,
                                                   guint      contact);
AdwMessageDialog *zs_firm_hub_edit_contact        (ZsFirmHub *self,
                                                   gint64     contact_id);
GtkEditable      *zs_firm_hub_get_contact_entry   (AdwMessageDialog *dialog,
                                                   const char       *field);
gboolean          zs_firm_hub_is_loading          (ZsFirmHub *self);
ZsRelatedRecords *zs_firm_hub_get_related         (ZsFirmHub *self);

G_END_DECLS
