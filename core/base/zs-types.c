/* zs-types.c: nick and label helpers for the domain enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-enums.h"
#include "zs-error.h"
#include "zs-types.h"

/**
 * zs_enum_to_nick:
 * @enum_type: a #GType of an enumeration
 * @value: a value of it
 *
 * Returns: (nullable): the nick of @value, as stored in the database
 */
const char *
zs_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

/**
 * zs_enum_from_nick:
 * @enum_type: a #GType of an enumeration
 * @field: the field name used in the error message
 * @nick: the nick to parse
 * @value: (out): where to store the value
 * @error: return location for a #GError
 *
 * Parses @nick; the error names @field, the value and the valid nicks.
 *
 * Returns: %TRUE if @nick is a nick of @enum_type
 */
gboolean
zs_enum_from_nick (GType        enum_type,
                   const char  *field,
                   const char  *nick,
                   int         *value,
                   GError     **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GString) valid = g_string_new (NULL);
  GEnumValue *ev = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (ev != NULL)
    {
      *value = ev->value;
      return TRUE;
    }

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (valid, "%s%s", i ? ", " : "", klass->values[i].value_nick);

  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("%s: unknown value “%s” (expected one of: %s)"),
               field, nick ? nick : "", valid->str);
  return FALSE;
}

static const char * const ownership_labels[] = {
  N_("Unspecified"), N_("Private"), N_("State-owned"), N_("Foreign-invested"),
  N_("Invested from Hong Kong, Macao or Taiwan"), N_("Collective"), N_("Joint venture"), N_("Other"),
};

static const char * const channel_labels[] = {
  N_("Found by the zone’s staff"), N_("Referred by a settled firm"), N_("Fair or expo"),
  N_("Promotion agency"), N_("Flying-zone partner"), N_("Incubated elsewhere"),
  N_("Online enquiry"), N_("Other"),
};

static const char * const activity_kind_labels[] = {
  N_("Visit"), N_("Call"), N_("Meeting"), N_("Fair"), N_("Email"),
};

static const char * const role_labels[] = {
  NC_("role", "Administrator"), NC_("role", "Staff"), NC_("role", "Viewer"),
};

/**
 * zs_enum_get_label:
 * @enum_type: one of core's enums, such as %ZS_TYPE_OWNERSHIP
 * @value: a value of @enum_type
 *
 * What people read for @value: 民营 rather than “private” in Chinese.
 *
 * Returns: the translated label, or the value's nick for an enum without
 *   labels, or %NULL when @value is not one of @enum_type's
 */
const char *
zs_enum_get_label (GType enum_type,
                   int   value)
{
  const char * const *labels = NULL;
  const char *context = NULL;
  gsize n_labels = 0;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  if (enum_type == ZS_TYPE_STAGE)
    return value >= ZS_STAGE_LEAD && value <= ZS_STAGE_LOST ? zs_stage_get_label (value) : NULL;
  if (enum_type == ZS_TYPE_OWNERSHIP)
    labels = ownership_labels, n_labels = G_N_ELEMENTS (ownership_labels);
  else if (enum_type == ZS_TYPE_SOURCE_CHANNEL)
    labels = channel_labels, n_labels = G_N_ELEMENTS (channel_labels);
  else if (enum_type == ZS_TYPE_ACTIVITY_KIND)
    labels = activity_kind_labels, n_labels = G_N_ELEMENTS (activity_kind_labels);
  else if (enum_type == ZS_TYPE_ROLE)
    labels = role_labels, n_labels = G_N_ELEMENTS (role_labels), context = "role";

  if (labels == NULL)
    return zs_enum_to_nick (enum_type, value);
  if (value < 0 || (gsize) value >= n_labels)
    return NULL;
  return context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, labels[value])
                         : g_dgettext (GETTEXT_PACKAGE, labels[value]);
}

/**
 * zs_stage_get_label:
 * @stage: a #ZsStage
 *
 * Returns: the translated name of @stage (线索, 接洽, … in Chinese)
 */
const char *
zs_stage_get_label (ZsStage stage)
{
  switch (stage)
    {
    case ZS_STAGE_LEAD: return C_("stage", "Lead");
    case ZS_STAGE_CONTACTED: return C_("stage", "Contacted");
    case ZS_STAGE_SITE_VISIT: return C_("stage", "Site visit");
    case ZS_STAGE_NEGOTIATING: return C_("stage", "Negotiating");
    case ZS_STAGE_SIGNED: return C_("stage", "Signed");
    case ZS_STAGE_REGISTERED: return C_("stage", "Registered");
    case ZS_STAGE_UNDER_CONSTRUCTION: return C_("stage", "Under construction");
    case ZS_STAGE_IN_PRODUCTION: return C_("stage", "In production");
    case ZS_STAGE_DORMANT: return C_("stage", "Dormant");
    case ZS_STAGE_LOST: return C_("stage", "Lost");
    default: g_return_val_if_reached (NULL);
    }
}

static const char * const chinese_stage_names[] = {
  "线索", "接洽", "考察", "在谈", "签约", "注册", "开工", "投产", "搁置", "流失",
};

/**
 * zs_stage_get_chinese_name:
 * @stage: a #ZsStage
 *
 * The stage's name as the guideline's staff say it, whatever the locale.
 *
 * Returns: 线索, 接洽, 考察, 在谈, 签约, 注册, 开工, 投产, 搁置 or 流失
 */
const char *
zs_stage_get_chinese_name (ZsStage stage)
{
  g_return_val_if_fail (stage <= ZS_STAGE_LOST, NULL);
  return chinese_stage_names[stage];
}

/**
 * zs_stage_parse:
 * @text: a nick (`signed`), a Chinese name (签约) or a translated label
 * @stage: (out): the stage
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @text names a stage; the error lists the valid ones
 */
gboolean
zs_stage_parse (const char  *text,
                ZsStage     *stage,
                GError     **error)
{
  g_autoptr(GString) valid = g_string_new (NULL);
  int value;

  if (text != NULL && zs_enum_from_nick (ZS_TYPE_STAGE, "stage", text, &value, NULL))
    {
      *stage = value;
      return TRUE;
    }
  for (ZsStage s = ZS_STAGE_LEAD; s <= ZS_STAGE_LOST; s++)
    {
      if (g_strcmp0 (text, chinese_stage_names[s]) == 0 || g_strcmp0 (text, zs_stage_get_label (s)) == 0)
        {
          *stage = s;
          return TRUE;
        }
      g_string_append_printf (valid, "%s%s (%s)", s ? ", " : "",
                              zs_enum_to_nick (ZS_TYPE_STAGE, s), chinese_stage_names[s]);
    }
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
               _("stage: unknown value “%s” (expected one of: %s)"), text ? text : "", valid->str);
  return FALSE;
}

/**
 * zs_stage_requires_reason:
 * @stage: a #ZsStage
 *
 * Returns: %TRUE if moving a project to @stage needs a reason
 */
gboolean
zs_stage_requires_reason (ZsStage stage)
{
  return stage == ZS_STAGE_LOST;
}

/**
 * zs_stage_is_settled:
 * @stage: a #ZsStage
 *
 * Returns: %TRUE if a project at @stage counts as settled in the zone
 *   (signed or later, and not dormant or lost)
 */
gboolean
zs_stage_is_settled (ZsStage stage)
{
  return stage >= ZS_STAGE_SIGNED && stage <= ZS_STAGE_IN_PRODUCTION;
}

/**
 * zs_i18n_get_localedir:
 *
 * Where the translations are: `$ZHAOSHANG_LOCALEDIR` when set (to run from
 * a build tree), else the installed locale folder.
 *
 * Returns: a folder
 */
const char *
zs_i18n_get_localedir (void)
{
  const char *env = g_getenv ("ZHAOSHANG_LOCALEDIR");

  return env != NULL && env[0] != '\0' ? env : LOCALEDIR;
}

/**
 * zs_i18n_init:
 *
 * Binds the library's message catalogue, so its errors are translated for
 * every program using it, C or Python. Idempotent.
 */
void
zs_i18n_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      bindtextdomain (GETTEXT_PACKAGE, zs_i18n_get_localedir ());
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&done, 1);
    }
}
