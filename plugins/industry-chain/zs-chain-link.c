/* zs-chain-link.c: one link of an industry chain
 *
 * A link (环节) is a stage of a chain, upstream, midstream or downstream,
 * described by the taxonomy sectors and the keywords that place a firm in
 * it. Edges run from a supplier link to its customer links.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-chain-link.h"

#include "zs-chain-text.h"

struct _ZsChainLink
{
  GObject    parent_instance;

  gint64     id;
  gint64     chain_id;
  char      *code;
  char      *name;
  char      *position;
  GPtrArray *sectors;
  GPtrArray *keywords;
  GPtrArray *needles;          /* keywords as the search index compares them */
  GArray    *folded;           /* gboolean per needle: compare with folded text */
  GArray    *suppliers;        /* link ids */
  GArray    *customers;        /* link ids */
};

G_DEFINE_FINAL_TYPE (ZsChainLink, zs_chain_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHAIN_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zs_chain_link_finalize (GObject *object)
{
  ZsChainLink *self = (ZsChainLink *) object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->position);
  g_ptr_array_unref (self->sectors);
  g_ptr_array_unref (self->keywords);
  g_ptr_array_unref (self->needles);
  g_array_unref (self->folded);
  g_array_unref (self->suppliers);
  g_array_unref (self->customers);

  G_OBJECT_CLASS (zs_chain_link_parent_class)->finalize (object);
}

static void
zs_chain_link_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZsChainLink *self = ZS_CHAIN_LINK (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CHAIN_ID: g_value_set_int64 (value, self->chain_id); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_POSITION: g_value_set_string (value, self->position); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_chain_link_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ZsChainLink *self = ZS_CHAIN_LINK (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_CHAIN_ID: self->chain_id = g_value_get_int64 (value); break;
    case PROP_CODE: self->code = g_value_dup_string (value); break;
    case PROP_NAME: self->name = g_value_dup_string (value); break;
    case PROP_POSITION: self->position = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zs_chain_link_class_init (ZsChainLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zs_chain_link_finalize;
  object_class->get_property = zs_chain_link_get_property;
  object_class->set_property = zs_chain_link_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CHAIN_ID] = g_param_spec_int64 ("chain-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  /**
   * ZsChainLink:position:
   *
   * "upstream", "midstream" or "downstream".
   */
  properties[PROP_POSITION] = g_param_spec_string ("position", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zs_chain_link_init (ZsChainLink *self)
{
  self->sectors = g_ptr_array_new_with_free_func (g_free);
  self->keywords = g_ptr_array_new_with_free_func (g_free);
  self->needles = g_ptr_array_new_with_free_func (g_free);
  self->folded = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->suppliers = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->customers = g_array_new (FALSE, FALSE, sizeof (gint64));
}

ZsChainLink *
zs_chain_link_new (gint64      id,
                   gint64      chain_id,
                   const char *code,
                   const char *name,
                   const char *position)
{
  return g_object_new (ZS_TYPE_CHAIN_LINK,
                       "id", id, "chain-id", chain_id, "code", code,
                       "name", name, "position", position, NULL);
}

gint64
zs_chain_link_get_id (ZsChainLink *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_LINK (self), 0);
  return self->id;
}

gint64
zs_chain_link_get_chain_id (ZsChainLink *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_LINK (self), 0);
  return self->chain_id;
}

const char *
zs_chain_link_get_code (ZsChainLink *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_LINK (self), NULL);
  return self->code;
}

const char *
zs_chain_link_get_name (ZsChainLink *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_LINK (self), NULL);
  return self->name;
}

const char *
zs_chain_link_get_position (ZsChainLink *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_LINK (self), NULL);
  return self->position;
}

/**
 * zs_chain_link_get_sectors:
 *
 * Returns: (transfer none) (element-type utf8): the sector codes
 */
GPtrArray *
zs_chain_link_get_sectors (ZsChainLink *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_LINK (self), NULL);
  return self->sectors;
}

/**
 * zs_chain_link_get_keywords:
 *
 * Returns: (transfer none) (element-type utf8): the keywords as entered
 */
GPtrArray *
zs_chain_link_get_keywords (ZsChainLink *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_LINK (self), NULL);
  return self->keywords;
}

/**
 * zs_chain_link_get_suppliers:
 *
 * Returns: (transfer none) (element-type gint64): ids of the links that supply this one
 */
GArray *
zs_chain_link_get_suppliers (ZsChainLink *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_LINK (self), NULL);
  return self->suppliers;
}

/**
 * zs_chain_link_get_customers:
 *
 * Returns: (transfer none) (element-type gint64): ids of the links this one supplies
 */
GArray *
zs_chain_link_get_customers (ZsChainLink *self)
{
  g_return_val_if_fail (ZS_IS_CHAIN_LINK (self), NULL);
  return self->customers;
}

void
zs_chain_link_add_sector (ZsChainLink *self,
                          const char  *sector_code)
{
  g_return_if_fail (ZS_IS_CHAIN_LINK (self));
  g_ptr_array_add (self->sectors, g_strdup (sector_code));
}

void
zs_chain_link_add_keyword (ZsChainLink *self,
                           const char  *keyword)
{
  gboolean folded;

  g_return_if_fail (ZS_IS_CHAIN_LINK (self));

  folded = zs_chain_text_needs_folding (keyword);
  g_ptr_array_add (self->keywords, g_strdup (keyword));
  g_ptr_array_add (self->needles, folded ? zs_chain_text_fold (keyword) : g_strdup (keyword));
  g_array_append_val (self->folded, folded);
}

void
zs_chain_link_add_supplier (ZsChainLink *self,
                            gint64       link_id)
{
  g_return_if_fail (ZS_IS_CHAIN_LINK (self));
  g_array_append_val (self->suppliers, link_id);
}

void
zs_chain_link_add_customer (ZsChainLink *self,
                            gint64       link_id)
{
  g_return_if_fail (ZS_IS_CHAIN_LINK (self));
  g_array_append_val (self->customers, link_id);
}

gboolean
zs_chain_link_has_sector (ZsChainLink *self,
                          const char  *sector_code)
{
  g_return_val_if_fail (ZS_IS_CHAIN_LINK (self), FALSE);

  for (guint i = 0; i < self->sectors->len; i++)
    if (g_str_equal (g_ptr_array_index (self->sectors, i), sector_code))
      return TRUE;
  return FALSE;
}

/**
 * zs_chain_link_matches_text:
 * @self: a link
 * @text: a firm's name or business scope, as stored
 *
 * Runs for every firm the ranking reads, so Chinese keywords are compared
 * with the raw text and the text is folded only for keywords that need it.
 *
 * Returns: whether the search index would match one of the link's keywords in @text
 */
gboolean
zs_chain_link_matches_text (ZsChainLink *self,
                            const char  *text)
{
  g_autofree char *folded_text = NULL;
  int words = -1;   /* whether @text may hold Latin words; -1 until asked */

  g_return_val_if_fail (ZS_IS_CHAIN_LINK (self), FALSE);

  for (guint i = 0; i < self->needles->len; i++)
    {
      const char *needle = g_ptr_array_index (self->needles, i);

      if (!g_array_index (self->folded, gboolean, i))
        {
          if (zs_chain_text_contains (text, needle))
            return TRUE;
          continue;
        }
      if (words < 0)
        words = zs_chain_text_may_hold_words (text);
      if (!words)
        continue;
      if (folded_text == NULL)
        folded_text = zs_chain_text_fold (text);
      if (zs_chain_text_contains (folded_text, needle))
        return TRUE;
    }
  return FALSE;
}
