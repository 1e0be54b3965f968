/* zs-chain-settings.c: ranking weights and coverage thresholds
 *
 * Defaults live here; the values go through the core's plugin settings
 * (ZsPluginSettings), which keep only what a user changed, so a later
 * release can improve a default without overwriting a choice somebody made.
 * Schema step 3 moved the values of the old `industry_chain_settings`
 * table there. The chain verbs keep their own messages for a bad value;
 * the core checks the bounds again for `plugins set`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-chain-settings.h"
#include "zs-chain-sql.h"

#include <glib/gi18n-lib.h>
#include <math.h>

static const char * const component_names[ZS_CHAIN_N_COMPONENTS] = {
  "sector", "keyword", "size", "partner", "ties", "recency",
};

/* Fit to the link first (sector, then keyword), then what makes a firm
 * likely to come: size, a partner province, ties to settled firms, contact. */
static const double default_weights[ZS_CHAIN_N_COMPONENTS] = {
  0.30, 0.25, 0.15, 0.10, 0.10, 0.10,
};

#define DEFAULT_WEAK_THRESHOLD 2
#define DEFAULT_MIN_CONFIDENCE 0.5

const char *
zs_chain_component_get_name (ZsChainComponent component)
{
  g_return_val_if_fail (component < ZS_CHAIN_N_COMPONENTS, NULL);
  return component_names[component];
}

gboolean
zs_chain_component_from_name (const char       *name,
                              ZsChainComponent *component)
{
  for (guint i = 0; i < ZS_CHAIN_N_COMPONENTS; i++)
    {
      if (g_str_equal (name, component_names[i]))
        {
          *component = i;
          return TRUE;
        }
    }
  return FALSE;
}

void
zs_chain_settings_init_defaults (ZsChainSettings *settings)
{
  for (guint i = 0; i < ZS_CHAIN_N_COMPONENTS; i++)
    settings->weights[i] = default_weights[i];
  settings->weak_threshold = DEFAULT_WEAK_THRESHOLD;
  settings->min_confidence = DEFAULT_MIN_CONFIDENCE;
}

static char *
weight_key (ZsChainComponent component)
{
  return g_strconcat ("weight.", component_names[component], NULL);
}

/**
 * zs_chain_settings_declare:
 * @store: the store
 *
 * Declares the plugin's keys with the core, once per store.
 *
 * Returns: (transfer none): the plugin's settings
 */
ZsPluginSettings *
zs_chain_settings_declare (ZsStore *store)
{
  ZsPluginSettings *settings = zs_plugin_settings_get_for_store (store, ZS_CHAIN_MODULE_NAME);

  if (zs_plugin_settings_has_key (settings, "min_confidence"))
    return settings;
  for (guint i = 0; i < ZS_CHAIN_N_COMPONENTS; i++)
    {
      g_autofree char *key = weight_key (i);
      g_autofree char *label = g_strdup_printf (_("Weight of the %s score"), component_names[i]);

      zs_plugin_settings_declare_double (settings, key, label, default_weights[i], 0, G_MAXDOUBLE);
    }
  zs_plugin_settings_declare_int (settings, "weak_threshold", _("A link with fewer settled firms is weak"),
                                  DEFAULT_WEAK_THRESHOLD, 1, 1000);
  zs_plugin_settings_declare_double (settings, "min_confidence",
                                     _("An inferred assignment counts from this confidence"),
                                     DEFAULT_MIN_CONFIDENCE, 0, 1);
  return settings;
}

/**
 * zs_chain_settings_load:
 * @store: the store
 * @settings: (out caller-allocates): the effective settings
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
zs_chain_settings_load (ZsStore          *store,
                        ZsChainSettings  *settings,
                        GError          **error)
{
  ZsPluginSettings *stored = zs_chain_settings_declare (store);
  g_autofree char *check = zs_plugin_settings_get_text (stored, "min_confidence", error);

  zs_chain_settings_init_defaults (settings);
  if (check == NULL)
    return FALSE;
  for (guint i = 0; i < ZS_CHAIN_N_COMPONENTS; i++)
    {
      g_autofree char *key = weight_key (i);

      settings->weights[i] = zs_plugin_settings_get_double (stored, key);
    }
  settings->weak_threshold = (int) zs_plugin_settings_get_int (stored, "weak_threshold");
  settings->min_confidence = zs_plugin_settings_get_double (stored, "min_confidence");
  return TRUE;
}

/**
 * zs_chain_settings_set_weight:
 * @store: the store
 * @component: the score component
 * @value: its weight, 0 or more
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %ZS_ERROR_INVALID for a negative weight
 */
gboolean
zs_chain_settings_set_weight (ZsStore           *store,
                              ZsChainComponent   component,
                              double             value,
                              GError           **error)
{
  g_autofree char *key = NULL;

  if (!isfinite (value) || value < 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("weight %s: %g is not a number of 0 or more"),
                   zs_chain_component_get_name (component), value);
      return FALSE;
    }
  key = weight_key (component);
  return zs_plugin_settings_set_double (zs_chain_settings_declare (store), key, value, error);
}

static gboolean
check_option (const char  *name,
              double       value,
              GError     **error)
{
  if (g_str_equal (name, "weak_threshold") && (value < 1 || value != floor (value) || value > 1000))
    g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                 _("weak_threshold: %g is not a whole number from 1 to 1000"), value);
  else if (g_str_equal (name, "min_confidence") && !(value >= 0 && value <= 1))
    g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                 _("min_confidence: %g is not from 0 to 1"), value);
  else if (!g_str_equal (name, "weak_threshold") && !g_str_equal (name, "min_confidence"))
    g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                 _("“%s” is not a setting (expected weak_threshold or min_confidence)"), name);
  else
    return TRUE;
  return FALSE;
}

/**
 * zs_chain_settings_set_option:
 * @store: the store
 * @name: "weak_threshold" or "min_confidence"
 * @value: the value
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %ZS_ERROR_INVALID for an unknown name or a value out of range
 */
gboolean
zs_chain_settings_set_option (ZsStore     *store,
                              const char  *name,
                              double       value,
                              GError     **error)
{
  return check_option (name, value, error) &&
         zs_plugin_settings_set_double (zs_chain_settings_declare (store), name, value, error);
}

/**
 * zs_chain_settings_reset:
 * @store: the store
 * @weights: %TRUE to reset the weights, %FALSE for the other settings
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
zs_chain_settings_reset (ZsStore   *store,
                         gboolean   weights,
                         GError   **error)
{
  ZsPluginSettings *settings = zs_chain_settings_declare (store);
  g_auto(GStrv) keys = zs_plugin_settings_list_keys (settings);

  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_has_prefix (keys[i], "weight.") == weights &&
        !zs_plugin_settings_reset (settings, keys[i], error))
      return FALSE;
  return TRUE;
}
