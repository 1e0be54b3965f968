/* zs-chain-settings.h: ranking weights and coverage thresholds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <zhaoshang.h>

G_BEGIN_DECLS

/**
 * ZsChainComponent:
 * @ZS_CHAIN_COMPONENT_SECTOR: the firm is in a sector of the link
 * @ZS_CHAIN_COMPONENT_KEYWORD: a keyword of the link is in the firm's name or business scope
 * @ZS_CHAIN_COMPONENT_SIZE: registered capital, log-scaled
 * @ZS_CHAIN_COMPONENT_PARTNER: the firm is from a flying-zone partner region
 * @ZS_CHAIN_COMPONENT_TIES: supplier/customer or referral ties to settled firms (以商招商)
 * @ZS_CHAIN_COMPONENT_RECENCY: how recently the firm was contacted
 *
 * The parts of a candidate's score; each is between 0 and 1 and is
 * multiplied by its weight.
 */
typedef enum {
  ZS_CHAIN_COMPONENT_SECTOR,
  ZS_CHAIN_COMPONENT_KEYWORD,
  ZS_CHAIN_COMPONENT_SIZE,
  ZS_CHAIN_COMPONENT_PARTNER,
  ZS_CHAIN_COMPONENT_TIES,
  ZS_CHAIN_COMPONENT_RECENCY,
  ZS_CHAIN_N_COMPONENTS
} ZsChainComponent;

typedef struct {
  double weights[ZS_CHAIN_N_COMPONENTS];
  int    weak_threshold;   /* a link with fewer settled firms is weak */
  double min_confidence;   /* an inferred assignment counts from here */
} ZsChainSettings;

const char *zs_chain_component_get_name  (ZsChainComponent   component);
gboolean    zs_chain_component_from_name (const char        *name,
                                          ZsChainComponent  *component);
void        zs_chain_settings_init_defaults (ZsChainSettings *settings);
ZsPluginSettings *zs_chain_settings_declare (ZsStore *store);
gboolean    zs_chain_settings_load       (ZsStore           *store,
                                          ZsChainSettings   *settings,
                                          GError           **error);
gboolean    zs_chain_settings_set_weight (ZsStore           *store,
                                          ZsChainComponent   component,
                                          double             value,
                                          GError           **error);
gboolean    zs_chain_settings_set_option (ZsStore           *store,
                                          const char        *name,
                                          double             value,
                                          GError           **error);
gboolean    zs_chain_settings_reset      (ZsStore           *store,
                                          gboolean           weights,
                                          GError           **error);

G_END_DECLS
