/* zs-service-records.c: reading the plugin's records, its settings and the
 * calendar with the user's days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-service-tracker.h"

/**
 * zs_service_list:
 * @field: (nullable): only records whose @field equals @value
 *
 * Returns: (transfer full) (element-type ZsRecord): every matching record,
 *   by id
 */
GPtrArray *
zs_service_list (ZsStore     *store,
                 const char  *type_name,
                 const char  *field,
                 const char  *value,
                 GError     **error)
{
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();

  if (field != NULL)
    zs_record_query_add_filter (query, field, ZS_FILTER_EQUAL, value);
  zs_record_query_set_limit (query, 0);
  return zs_store_list_records (store, type_name, query, error);
}

ZsRecord *
zs_service_new_record (ZsStore    *store,
                       const char *type_name)
{
  ZsRecordType *record_type = zs_store_lookup_record_type (store, type_name);

  g_return_val_if_fail (record_type != NULL, NULL);
  return zs_record_new (record_type);
}

/* Settings are records (service_tracking.setting), so users change them
 * with `records add|edit`. */
gint64
zs_service_setting (ZsStore    *store,
                    const char *key,
                    gint64      default_value)
{
  g_autoptr(GPtrArray) rows = zs_service_list (store, ZS_SERVICE_SETTING, "setting", key, NULL);

  if (rows == NULL || rows->len == 0)
    return default_value;
  return zs_record_get_int64 (rows->pdata[0], "value");
}

/**
 * zs_service_load_calendar:
 *
 * Returns: (transfer full): the shipped calendar with the user's days over it
 */
ZsServiceCalendar *
zs_service_load_calendar (ZsStore  *store,
                          GError  **error)
{
  g_autoptr(ZsServiceCalendar) calendar = zs_service_calendar_new_shipped (error);
  g_autoptr(GPtrArray) days = NULL;

  if (calendar == NULL || !(days = zs_service_list (store, ZS_SERVICE_HOLIDAY, NULL, NULL, error)))
    return NULL;
  for (guint i = 0; i < days->len; i++)
    {
      ZsRecord *day = days->pdata[i];
      GDate date;

      if (!zs_service_parse_date (zs_record_get_string (day, "day"), "day", &date, error))
        return NULL;
      zs_service_calendar_set_day (calendar, &date, g_strcmp0 (zs_record_get_string (day, "kind"), "work") == 0,
                                   zs_record_get_string (day, "note"), TRUE);
    }
  return g_steal_pointer (&calendar);
}

/* @text, or today when it is NULL. */
gboolean
zs_service_resolve_date (const char  *text,
                         const char  *field,
                         GDate       *date,
                         GError     **error)
{
  g_autoptr(GDateTime) now = NULL;

  if (text != NULL)
    return zs_service_parse_date (text, field, date, error);
  now = g_date_time_new_now_local ();
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return TRUE;
}

char *
zs_service_manager_name (ZsStore *store,
                         gint64   staff_id)
{
  g_autoptr(ZsStaff) staff = zs_store_get_staff (store, staff_id, NULL);

  return g_strdup (staff != NULL ? zs_staff_get_name (staff) : "");
}

static const struct {
  const char *name;
  const char *department;
  int         days;
} default_items[] = {
  { "工商注册", "市场监督管理局", 3 },
  { "税务登记", "税务局", 3 },
  { "用地", "自然资源局", 20 },
  { "环评", "生态环境局", 20 },
  { "能评", "发展和改革委员会", 15 },
  { "施工许可", "住房和城乡建设局", 10 },
  { "水电气接入", "供电公司、水务集团、燃气公司", 15 },
  { "海关备案", "海关", 5 },
  { "人才/户籍", "人力资源和社会保障局、公安局", 10 },
  { "融资", "地方金融管理局", 15 },
};

/* Writes the standard template once; afterwards it is the user's to edit
 * (records edit service_tracking.template_item), even to empty. */
gboolean
zs_service_seed_templates (ZsStore  *store,
                           GError  **error)
{
  g_autoptr(ZsRecord) seeded = NULL;

  if (zs_service_setting (store, "templates_seeded", 0) != 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (default_items); i++)
    {
      g_autoptr(ZsRecord) item = zs_service_new_record (store, ZS_SERVICE_TEMPLATE_ITEM);

      zs_record_set_string (item, "template", ZS_SERVICE_DEFAULT_TEMPLATE);
      zs_record_set_string (item, "name", default_items[i].name);
      zs_record_set_string (item, "department", default_items[i].department);
      zs_record_set_int64 (item, "days", default_items[i].days);
      if (zs_store_create_record (store, G_OBJECT (item), error) <= 0)
        return FALSE;
    }
  seeded = zs_service_new_record (store, ZS_SERVICE_SETTING);
  zs_record_set_string (seeded, "setting", "templates_seeded");
  zs_record_set_int64 (seeded, "value", 1);
  return zs_store_create_record (store, G_OBJECT (seeded), error) > 0;
}
