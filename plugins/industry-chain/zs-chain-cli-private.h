/* zs-chain-cli-private.h: what the files of the `chain` verb share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <zhaoshang.h>

#include "zs-chain-catalog.h"

G_BEGIN_DECLS

/* One run of `chain SUBVERB …`, as the kit parsed it: the store, the
 * positional arguments, and every option any subverb takes (each reads its
 * own; an option not given is NULL, FALSE, or -1 for --clause). */
typedef struct {
  ZsStore            *store;
  ZsPluginEngine     *engine;   /* nullable: where services are found */
  const char * const *words;
  const char         *park;
  const char         *chain;
  const char         *link;
  int                 top;
  const char         *title;
  gboolean            reject;
  gboolean            clear;
  gboolean            reset;
  const char         *name;
  const char         *description;
  int                 clause;
  const char         *position;
  const char * const *sectors;
  const char * const *keywords;
  const char * const *suppliers;
  const char * const *customers;
  const char * const *drop_sectors;
  const char * const *drop_keywords;
  const char * const *drop_suppliers;
  const char * const *drop_customers;
} ZsChainInvocation;

typedef JsonNode *(*ZsChainHandler)  (ZsChainInvocation  *invocation,
                                      GError            **error);
typedef void      (*ZsChainRenderer) (JsonObject         *result,
                                      GString            *out);

/* zs-chain-cli-read.c */
JsonNode   *zs_chain_cli_list        (ZsChainInvocation *invocation, GError **error);
JsonNode   *zs_chain_cli_show        (ZsChainInvocation *invocation, GError **error);
JsonNode   *zs_chain_cli_gaps        (ZsChainInvocation *invocation, GError **error);
JsonNode   *zs_chain_cli_match       (ZsChainInvocation *invocation, GError **error);
JsonNode   *zs_chain_cli_firm        (ZsChainInvocation *invocation, GError **error);

/* zs-chain-cli-edit.c */
JsonNode   *zs_chain_cli_add         (ZsChainInvocation *invocation, GError **error);
JsonNode   *zs_chain_cli_edit        (ZsChainInvocation *invocation, GError **error);
JsonNode   *zs_chain_cli_remove      (ZsChainInvocation *invocation, GError **error);
JsonNode   *zs_chain_cli_link_add    (ZsChainInvocation *invocation, GError **error);
JsonNode   *zs_chain_cli_link_edit   (ZsChainInvocation *invocation, GError **error);
JsonNode   *zs_chain_cli_link_remove (ZsChainInvocation *invocation, GError **error);

/* zs-chain-cli-assign.c */
JsonNode   *zs_chain_cli_assign      (ZsChainInvocation *invocation, GError **error);
JsonNode   *zs_chain_cli_lead        (ZsChainInvocation *invocation, GError **error);
JsonNode   *zs_chain_cli_weights     (ZsChainInvocation *invocation, GError **error);
JsonNode   *zs_chain_cli_settings    (ZsChainInvocation *invocation, GError **error);

/* zs-chain-cli-util.c */
gboolean    zs_chain_cli_resolve_firm (ZsStore      *store,
                                       const char   *text,
                                       gint64       *firm_id,
                                       char        **name,
                                       GError      **error);
gboolean    zs_chain_cli_check_park   (ZsStore      *store,
                                       const char   *park,
                                       GError      **error);
gboolean    zs_chain_cli_check_code   (const char   *what,
                                       const char   *code,
                                       GError      **error);
gboolean    zs_chain_cli_parse_number (const char   *text,
                                       double       *value,
                                       GError      **error);
JsonNode   *zs_chain_cli_object_node  (JsonObject   *object);
JsonArray  *zs_chain_cli_strings      (GPtrArray    *strings);
JsonArray  *zs_chain_cli_link_codes   (ZsChainCatalog *catalog,
                                       GArray         *link_ids);
JsonObject *zs_chain_cli_link_object  (ZsChainCatalog *catalog,
                                       ZsChainLink    *link);
JsonObject *zs_chain_cli_map_object   (ZsChainMap     *map);
void        zs_chain_cli_set_nullable_string (JsonObject *object,
                                              const char *member,
                                              const char *value);
void        zs_chain_cli_set_nullable_int    (JsonObject *object,
                                              const char *member,
                                              gint64      value);

/* zs-chain-render.c */
void        zs_chain_render_list      (JsonObject *result, GString *out);
void        zs_chain_render_show      (JsonObject *result, GString *out);
void        zs_chain_render_gaps      (JsonObject *result, GString *out);
void        zs_chain_render_match     (JsonObject *result, GString *out);
void        zs_chain_render_firm      (JsonObject *result, GString *out);
void        zs_chain_render_chain     (JsonObject *result, GString *out);
void        zs_chain_render_link      (JsonObject *result, GString *out);
void        zs_chain_render_fields    (JsonObject *result, GString *out);

G_END_DECLS
