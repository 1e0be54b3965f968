/* zs-chain-settings.c: ranking weights and coverage thresholds
 *
 * Defaults live here; the table `industry_chain_settings` holds only what a user
 * changed, so a later release can improve a default without overwriting a
 * choice somebody made.
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

static void
apply_row (ZsChainSettings *settings,
           const char      *name,
           double           value)
{
  ZsChainComponent component;

  if (g_str_has_prefix (name, "weight.") && zs_chain_component_from_name (name + 7, &component))
    settings->weights[component] = value;
  else if (g_str_equal (name, "weak_threshold"))
    settings->weak_threshold = (int) value;
  else if (g_str_equal (name, "min_confidence"))
    settings->min_confidence = value;
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
  g_autoptr(GPtrArray) rows = zs_chain_sql_query (store, "SELECT name, value FROM industry_chain_settings", NULL, error);

  zs_chain_settings_init_defaults (settings);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      apply_row (settings, row[0], g_ascii_strtod (row[1], NULL));
    }
  return TRUE;
}

static gboolean
write_setting (ZsStore     *store,
               const char  *name,
               double       value,
               GError     **error)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buffer, sizeof buffer, value);
  return zs_chain_sql_execute (store,
                           "INSERT INTO industry_chain_settings (name, value) VALUES (?1, ?2) "
                           "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                           (const char *[]) { name, buffer, NULL }, error) >= 0;
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
  g_autofree char *name = NULL;

  if (!isfinite (value) || value < 0)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("weight %s: %g is not a number of 0 or more"),
                   zs_chain_component_get_name (component), value);
      return FALSE;
    }
  name = g_strconcat ("weight.", zs_chain_component_get_name (component), NULL);
  return write_setting (store, name, value, error);
}

static gboolean
check_option (const char  *name,
              double       value,
              GError     **error)
{
  if (g_str_equal (name, "weak_threshold") && (value < 1 || value != floor (value) || value > 1000))
    g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                 _("weak_threshold: %g is not a whole number from 1 to 1000"), value);
  else if (g_str_equal (name, "min_confidence") && !(value > 0 && value <= 1))
    g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                 _("min_confidence: %g is not above 0 and at most 1"), value);
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
  return check_option (name, value, error) && write_setting (store, name, value, error);
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
  const char *sql = weights
    ? "DELETE FROM industry_chain_settings WHERE name LIKE 'weight.%'"
    : "DELETE FROM industry_chain_settings WHERE name NOT LIKE 'weight.%'";

  return zs_chain_sql_execute (store, sql, NULL, error) >= 0;
}
