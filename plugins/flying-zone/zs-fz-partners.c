/* zs-fz-partners.c: the partner regions' firms, for chain matching
 *
 * The plugin publishes one ZsFzPartners as the engine's ZsPartnerProvider.
 * A partner firm is a firm registered in a partner's region: a province
 * code (XX0000) covers its cities and counties, a city code (XXYY00) its
 * counties (GB/T 2260 prefixes).
 *
 * The chain page matches in a worker thread, so the provider never uses
 * the store of the thread that activated the plugin: each listing opens a
 * connection of its own to the same database (a database without a file
 * is read through the activating store, in its thread). The partners read
 * by the last listing answer get_partner_name(), under a lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-fz-partners.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zs-fz.h"

typedef struct
{
  char *code;
  char *name;
} Partner;

struct _ZsFzPartners
{
  GObject  parent_instance;

  GWeakRef store;       /* the activating store */
  char    *path;
  GMutex   lock;
  GArray  *partners;    /* Partner, from the last listing */
};

static void partner_provider_iface_init (ZsPartnerProviderInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsFzPartners, zs_fz_partners, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_PARTNER_PROVIDER, partner_provider_iface_init))

static void
partner_clear (gpointer data)
{
  Partner *partner = data;

  g_free (partner->code);
  g_free (partner->name);
}

static ZsStore *
open_store (ZsFzPartners  *self,
            GError       **error)
{
  if (self->path != NULL && g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    return zs_store_new (self->path, error);
  return g_weak_ref_get (&self->store);
}

static GArray *
read_partners (ZsStore  *store,
               GError  **error)
{
  g_autoptr(GPtrArray) records = zs_fz_list (store, ZS_FZ_PARTNER, NULL, 0, error);
  GArray *partners;

  if (records == NULL)
    return NULL;
  partners = g_array_sized_new (FALSE, FALSE, sizeof (Partner), records->len);
  g_array_set_clear_func (partners, partner_clear);
  for (guint i = 0; i < records->len; i++)
    {
      Partner partner = { g_strdup (zs_record_get_string (records->pdata[i], "region_code")),
                          g_strdup (zs_record_get_string (records->pdata[i], "name")) };

      g_array_append_val (partners, partner);
    }
  return partners;
}

/* The codes a region covers are a range of six-digit texts. */
static gboolean
add_region_firms (ZsStore     *store,
                  const char  *code,
                  GPtrArray   *firms,
                  GHashTable  *seen,
                  GError     **error)
{
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  guint64 number = g_ascii_strtoull (code, NULL, 10);
  guint64 span = g_str_has_suffix (code, "0000") ? 10000 : g_str_has_suffix (code, "00") ? 100 : 1;
  g_autofree char *last = g_strdup_printf ("%06" G_GUINT64_FORMAT, number + span - 1);

  zs_record_query_add_filter (query, "region_code", ZS_FILTER_GREATER_OR_EQUAL, code);
  zs_record_query_add_filter (query, "region_code", ZS_FILTER_LESS_OR_EQUAL, last);
  zs_record_query_set_limit (query, 0);
  if (!(found = zs_store_list_records (store, "firm", query, error)))
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      ZsFirm *firm = found->pdata[i];
      gint64 id = zs_firm_get_id (firm);

      if (zs_fz_region_covers (code, zs_firm_get_region_code (firm)) && g_hash_table_add (seen, g_memdup2 (&id, sizeof id)))
        g_ptr_array_add (firms, g_object_ref (firm));
    }
  return TRUE;
}

static GPtrArray *
partners_list_partner_firms (ZsPartnerProvider  *provider,
                             GError            **error)
{
  ZsFzPartners *self = ZS_FZ_PARTNERS (provider);
  g_autoptr(ZsStore) store = open_store (self, error);
  g_autoptr(GArray) partners = NULL;
  g_autoptr(GPtrArray) firms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (store == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_DATABASE, _("The flying-zone plugin’s database is closed"));
      return NULL;
    }
  if (!zs_fz_ensure_types (store, error) || !(partners = read_partners (store, error)))
    return NULL;
  for (guint i = 0; i < partners->len; i++)
    if (!add_region_firms (store, g_array_index (partners, Partner, i).code, firms, seen, error))
      return NULL;
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->partners, g_array_unref);
  self->partners = g_steal_pointer (&partners);
  g_mutex_unlock (&self->lock);
  return g_steal_pointer (&firms);
}

static char *
partners_get_partner_name (ZsPartnerProvider *provider,
                           ZsFirm            *firm)
{
  ZsFzPartners *self = ZS_FZ_PARTNERS (provider);
  char *name = NULL;

  g_mutex_lock (&self->lock);
  for (guint i = 0; self->partners != NULL && i < self->partners->len && name == NULL; i++)
    if (zs_fz_region_covers (g_array_index (self->partners, Partner, i).code, zs_firm_get_region_code (firm)))
      name = g_strdup (g_array_index (self->partners, Partner, i).name);
  g_mutex_unlock (&self->lock);
  return name;
}

static void
partner_provider_iface_init (ZsPartnerProviderInterface *iface)
{
  iface->list_partner_firms = partners_list_partner_firms;
  iface->get_partner_name = partners_get_partner_name;
}

static void
zs_fz_partners_finalize (GObject *object)
{
  ZsFzPartners *self = ZS_FZ_PARTNERS (object);

  g_weak_ref_clear (&self->store);
  g_free (self->path);
  g_clear_pointer (&self->partners, g_array_unref);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (zs_fz_partners_parent_class)->finalize (object);
}

static void
zs_fz_partners_class_init (ZsFzPartnersClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zs_fz_partners_finalize;
}

static void
zs_fz_partners_class_finalize (ZsFzPartnersClass *klass)
{
}

static void
zs_fz_partners_init (ZsFzPartners *self)
{
  g_weak_ref_init (&self->store, NULL);
  g_mutex_init (&self->lock);
}

void
zs_fz_partners_register (GTypeModule *module)
{
  zs_fz_partners_register_type (module);
}

/**
 * zs_fz_partners_new:
 * @store: the store the plugin was activated on
 *
 * Returns: (transfer full): the provider of @store's partner firms
 */
ZsFzPartners *
zs_fz_partners_new (ZsStore *store)
{
  ZsFzPartners *self = g_object_new (ZS_TYPE_FZ_PARTNERS, NULL);

  g_weak_ref_set (&self->store, store);
  self->path = g_strdup (zs_store_get_path (store));
  return self;
}
