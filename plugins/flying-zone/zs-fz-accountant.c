/* zs-fz-accountant.c: the plugin's ZsFzBook, published with
 * zs_plugin_engine_add_service() on activate
 *
 * It holds nothing: every call works on the store it is given, so that the
 * pages can call it in a worker thread with a connection of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-fz-accountant.h"

#include "zs-fz.h"

struct _ZsFzAccountant
{
  GObject parent_instance;
};

static void book_iface_init (ZsFzBookInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsFzAccountant, zs_fz_accountant, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_FZ_BOOK, book_iface_init))

static JsonNode *
accountant_get_ledger (ZsFzBook  *book,
                       ZsStore   *store,
                       int        year,
                       gint64     zone_id,
                       GError   **error)
{
  return zs_fz_ledger_to_json (store, year, zone_id, error);
}

static JsonNode *
accountant_get_report (ZsFzBook    *book,
                       ZsStore     *store,
                       int          year,
                       const char  *by,
                       GError     **error)
{
  return zs_fz_report_to_json (store, year, by, error);
}

static void
book_iface_init (ZsFzBookInterface *iface)
{
  iface->get_ledger = accountant_get_ledger;
  iface->get_report = accountant_get_report;
}

static void
zs_fz_accountant_class_init (ZsFzAccountantClass *klass)
{
}

static void
zs_fz_accountant_class_finalize (ZsFzAccountantClass *klass)
{
}

static void
zs_fz_accountant_init (ZsFzAccountant *self)
{
}

void
zs_fz_accountant_register (GTypeModule *module)
{
  zs_fz_accountant_register_type (module);
}

ZsFzAccountant *
zs_fz_accountant_new (void)
{
  return g_object_new (ZS_TYPE_FZ_ACCOUNTANT, NULL);
}
