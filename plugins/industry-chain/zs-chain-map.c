/* zs-chain-map.c: an industry chain (产业链) and its links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-chain-map.h"

struct _ZsChainMap
{
  GObject    parent_instance;

  gint64     id;
  char      *code;
  char      *name;
  char      *description;
  int        clause;
  char      *origin;
  GPtrArray *links;
};

G_DEFINE_FINAL_TYPE (ZsChainMap, zs_chain_map, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_CLAUSE,
  PROP_ORIGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_chain_map_finalize (GObject *object)
{
  ZsChainMap *self = (ZsChainMap *) object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->description);
  g_free (self->origin);
  g_ptr_array_unref (self->links);

  G_OBJECT_CLASS (zs_chain_map_parent_class)->finalize (object);
}

static void
zs_chain_map_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZsChainMap *self = ZS_CHAIN_MAP (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_CLAUSE: g_value_set_int (value, self->clause); break;
    case PROP_ORIGIN: g_value_set_string (value, self->origin); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_chain_map_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ZsChainMap *self = ZS_CHAIN_MAP (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_CODE: self->code = g_value_dup_string (value); break;
    case PROP_NAME: self->name = g_value_dup_string (value); break;
    case PROP_DESCRIPTION: self->description = g_value_dup_string (value); break;
    case PROP_CLAUSE: self->clause = g_value_get_int (value); break;
    case PROP_ORIGIN: self->origin = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_chain_map_class_init (ZsChainMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_chain_map_finalize;
  object_class->get_property = zs_chain_map_get_property;
  object_class->set_property = zs_chain_map_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  /**
   * ZsChainMap:clause:
   *
   * The guideline clause (七, 八, 九…) that names the chain, or 0.
   */
  properties[PROP_CLAUSE] = g_param_spec_int ("clause", NULL, NULL, 0, 22, 0, flags);
  /**
   * ZsChainMap:origin:
   *
   * "seed" for the chains shipped with the plugin, "user" for added ones.
   */
  properties[PROP_ORIGIN] = g_param_spec_string ("origin", NULL, NULL, "user", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_chain_map_init (ZsChainMap *self)
{
  self->links = g_ptr_array_new_with_free_func (g_object_unref);
}

ZsChainMap *
zs_chain_map_new (gint64      id,
                  const char *code,
                  const char *name,
                  const char *description,
                  int         clause,
                  const char *origin)
{
  return g_object_new (ZS_TYPE_CHAIN_MAP,
                       "id", id, "code", code, "name", name, "description", description,
                       "clause", clause, "origin", origin, NULL);
}

gint64
zs_chain_map_get_id (ZsChainMap *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_MAP (self), 0);
  return self->id;
}

const char *
zs_chain_map_get_code (ZsChainMap *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_MAP (self), NULL);
  return self->code;
}

const char *
zs_chain_map_get_name (ZsChainMap *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_MAP (self), NULL);
  return self->name;
}

const char *
zs_chain_map_get_description (ZsChainMap *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_MAP (self), NULL);
  return self->description;
}

int
zs_chain_map_get_clause (ZsChainMap *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_MAP (self), 0);
  return self->clause;
}

const char *
zs_chain_map_get_origin (ZsChainMap *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_MAP (self), NULL);
  return self->origin;
}

/**
 * zs_chain_map_get_links:
 *
 * Returns: (transfer none) (element-type ZsChainLink): the links, upstream first
 */
GPtrArray *
zs_chain_map_get_links (ZsChainMap *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_MAP (self), NULL);
  return self->links;
}

void
zs_chain_map_add_link (ZsChainMap  *self,
                       ZsChainLink *link)
{
  g_return_if_fail (ZS_IS_CHAIN_MAP (self));
  g_ptr_array_add (self->links, g_object_ref (link));
}
