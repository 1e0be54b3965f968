/* zs-service-follow-ups.c: the service items due, among the app's
 * follow-ups
 *
 * Items not done and open 容缺 commitments whose day lies in the range the
 * follow-ups view asks for, each for the case's service manager; “Open”
 * shows the Service page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "zs-service-tracker.h"

#define OPEN_ACTION "win.show-view::plugin-service-tracking"

struct _ZsServiceFollowUps
{
  GObject parent_instance;
};

static void follow_up_source_iface_init (ZsFollowUpSourceInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsServiceFollowUps, zs_service_follow_ups, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_FOLLOW_UP_SOURCE,
                                                               follow_up_source_iface_init))

typedef struct
{
  ZsStore    *store;
  const char *from;
  const char *to;
  const char *staff;
  GPtrArray  *result;
} Query;

static gboolean
in_range (Query      *query,
          const char *day)
{
  return day != NULL && *day != '\0' && (query->from == NULL || g_strcmp0 (day, query->from) >= 0) &&
         g_strcmp0 (day, query->to) <= 0;
}

/* The case's manager and firm; FALSE when the case is not @query's staff's. */
static gboolean
case_owner (Query   *query,
            gint64   case_id,
            char   **manager,
            gint64  *firm_id)
{
  g_autoptr(GObject) service_case = zs_store_get_record (query->store, ZS_SERVICE_CASE, case_id, NULL);
  g_autoptr(ZsProject) project = NULL;

  if (service_case == NULL)
    return FALSE;
  *manager = zs_service_manager_name (query->store, zs_record_get_int64 (ZS_RECORD (service_case), "manager"));
  if (query->staff != NULL && g_strcmp0 (*manager, query->staff) != 0)
    {
      g_clear_pointer (manager, g_free);
      return FALSE;
    }
  project = zs_store_get_project (query->store, zs_record_get_int64 (ZS_RECORD (service_case), "project"), NULL);
  *firm_id = project != NULL ? zs_project_get_firm_id (project) : 0;
  return TRUE;
}

static void
add_item (Query    *query,
          ZsRecord *item)
{
  const char *document = zs_record_get_string (item, "document");
  const char *supplied = zs_record_get_string (item, "supplied");
  gboolean item_due = g_strcmp0 (zs_record_get_string (item, "status"), "done") != 0 &&
                      in_range (query, zs_record_get_string (item, "due"));
  gboolean commitment_due = document != NULL && *document != '\0' && (supplied == NULL || *supplied == '\0') &&
                            in_range (query, zs_record_get_string (item, "commit_by"));
  g_autofree char *manager = NULL;
  g_autofree char *source_id = g_strdup_printf ("item:%" PRId64, zs_record_get_id (item));
  gint64 firm_id = 0;

  if ((!item_due && !commitment_due) ||
      !case_owner (query, zs_record_get_int64 (item, "case_id"), &manager, &firm_id))
    return;
  if (item_due)
    {
      g_autofree char *title = g_strdup_printf (_("Service item: %s (%s)"), zs_record_get_string (item, "name"),
                                                zs_record_get_string (item, "department"));

      g_ptr_array_add (query->result, zs_follow_up_new (title, firm_id, zs_record_get_string (item, "due"),
                                                        manager, source_id, OPEN_ACTION));
    }
  if (commitment_due)
    {
      g_autofree char *title = g_strdup_printf (_("Committed document due: %s (%s)"), document,
                                                zs_record_get_string (item, "name"));
      g_autofree char *commitment_id = g_strdup_printf ("commitment:%" PRId64, zs_record_get_id (item));

      g_ptr_array_add (query->result, zs_follow_up_new (title, firm_id, zs_record_get_string (item, "commit_by"),
                                                        manager, commitment_id, OPEN_ACTION));
    }
}

static GPtrArray *
service_follow_ups_list (ZsFollowUpSource  *source,
                         ZsStore           *store,
                         const char        *from_date,
                         const char        *to_date,
                         const char        *staff,
                         GError           **error)
{
  g_autoptr(GPtrArray) items = NULL;
  Query query = { store, from_date, to_date, staff, NULL };

  if (!zs_service_ensure_types (store, error) ||
      !(items = zs_service_list (store, ZS_SERVICE_ITEM, NULL, NULL, error)))
    return NULL;
  query.result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < items->len; i++)
    add_item (&query, items->pdata[i]);
  return query.result;
}

static void
follow_up_source_iface_init (ZsFollowUpSourceInterface *iface)
{
  iface->list_follow_ups = service_follow_ups_list;
}

static void
zs_service_follow_ups_class_init (ZsServiceFollowUpsClass *klass)
{
}

static void
zs_service_follow_ups_class_finalize (ZsServiceFollowUpsClass *klass)
{
}

static void
zs_service_follow_ups_init (ZsServiceFollowUps *self)
{
}

void
zs_service_follow_ups_register (GTypeModule *module)
{
  zs_service_follow_ups_register_type (module);
}
