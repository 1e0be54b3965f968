/* zs-chain-server.c: the chain service the plugin publishes
 *
 * The answers are those of the `chain` subverbs, from the same handlers:
 * a page or plugin using the service sees exactly what the CLI shows,
 * without a process or text in between.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-chain-server.h"

#include <string.h>

#include "zs-chain-cli-private.h"

struct _ZsChainServer
{
  GObject         parent_instance;

  ZsPluginEngine *engine;   /* weak: where the partner provider is found */
};

static void chain_service_iface_init (ZsChainServiceInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ZsChainServer, zs_chain_server, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (ZS_TYPE_CHAIN_SERVICE, chain_service_iface_init))

static void
invocation_init (ZsChainServer     *self,
                 ZsChainInvocation *inv,
                 ZsStore           *store,
                 const char       **words,
                 const char        *park)
{
  memset (inv, 0, sizeof *inv);
  inv->store = store;
  inv->engine = self->engine;
  inv->words = (gpointer) words;
  inv->park = (gpointer) park;
  inv->clause = -1;
}

static JsonNode *
chain_server_list_chains (ZsChainService  *service,
                          ZsStore         *store,
                          GError         **error)
{
  const char *words[] = { NULL };
  ZsChainInvocation inv;

  invocation_init (ZS_CHAIN_SERVER (service), &inv, store, words, NULL);
  return zs_chain_cli_list (&inv, error);
}

static JsonNode *
chain_server_get_map (ZsChainService  *service,
                      ZsStore         *store,
                      const char      *chain,
                      const char      *park,
                      GError         **error)
{
  const char *words[] = { chain, NULL };
  ZsChainInvocation inv;

  invocation_init (ZS_CHAIN_SERVER (service), &inv, store, words, park);
  return zs_chain_cli_show (&inv, error);
}

static JsonNode *
chain_server_get_candidates (ZsChainService  *service,
                             ZsStore         *store,
                             const char      *chain,
                             const char      *link,
                             const char      *park,
                             guint            top,
                             GError         **error)
{
  const char *words[] = { chain, NULL };
  ZsChainInvocation inv;

  invocation_init (ZS_CHAIN_SERVER (service), &inv, store, words, park);
  inv.link = (gpointer) link;
  inv.top = (int) MIN (top, G_MAXINT);
  return zs_chain_cli_match (&inv, error);
}

static JsonNode *
chain_server_add_lead (ZsChainService  *service,
                       ZsStore         *store,
                       gint64           firm_id,
                       const char      *link,
                       const char      *park,
                       GError         **error)
{
  g_autofree char *firm = g_strdup_printf ("%" G_GINT64_FORMAT, firm_id);
  const char *words[] = { firm, link, NULL };
  ZsChainInvocation inv;

  invocation_init (ZS_CHAIN_SERVER (service), &inv, store, words, park);
  return zs_chain_cli_lead (&inv, error);
}

static void
chain_service_iface_init (ZsChainServiceInterface *iface)
{
  iface->list_chains = chain_server_list_chains;
  iface->get_map = chain_server_get_map;
  iface->get_candidates = chain_server_get_candidates;
  iface->add_lead = chain_server_add_lead;
}

static void
zs_chain_server_dispose (GObject *object)
{
  ZsChainServer *self = ZS_CHAIN_SERVER (object);

  g_clear_weak_pointer (&self->engine);

  G_OBJECT_CLASS (zs_chain_server_parent_class)->dispose (object);
}

static void
zs_chain_server_class_init (ZsChainServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zs_chain_server_dispose;
}

static void
zs_chain_server_class_finalize (ZsChainServerClass *klass)
{
}

static void
zs_chain_server_init (ZsChainServer *self)
{
}

void
zs_chain_server_register (GTypeModule *module)
{
  zs_chain_server_register_type (module);
}

/**
 * zs_chain_server_new:
 * @engine: (nullable): the engine the service is published in
 *
 * Returns: (transfer full): a new chain service
 */
ZsChainServer *
zs_chain_server_new (ZsPluginEngine *engine)
{
  ZsChainServer *self = g_object_new (ZS_TYPE_CHAIN_SERVER, NULL);

  g_set_weak_pointer (&self->engine, engine);
  return self;
}
