/* zs-follow-up-source.c: a plugin's items due, among the app's follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zs-error.h"
#include "zs-follow-up-source.h"

/**
 * ZsFollowUpSource:
 *
 * Items a plugin keeps that fall due, listed with the follow-ups of
 * activities: the app asks every extension of this interface
 * (zs_plugin_engine_get_extensions()) for the items due up to the end of
 * the range it shows, and places them by date among its own. The app calls
 * sources on the main thread: a source answers from its own tables
 * (ZsPluginStorage) or the store it is given, quickly.
 */
G_DEFINE_INTERFACE (ZsFollowUpSource, zs_follow_up_source, G_TYPE_OBJECT)

static void
zs_follow_up_source_default_init (ZsFollowUpSourceInterface *iface)
{
}

/* Items without a title or a valid due date cannot be placed in a day. */
static gboolean
check_items (GPtrArray  *items,
             GError    **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      ZsFollowUp *item = g_ptr_array_index (items, i);
      const char *due;
      g_autoptr(GDate) date = NULL;

      if (!ZS_IS_FOLLOW_UP (item))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("The follow-up source returned something that is not a follow-up"));
          return FALSE;
        }
      due = zs_follow_up_get_due (item);
      date = g_date_new ();
      if (due != NULL)
        g_date_set_parse (date, due);
      if (due == NULL || strlen (due) != 10 || !g_date_valid (date))
        {
          g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                       _("Follow-up “%s” has an invalid due date “%s” (expected YYYY-MM-DD)"),
                       zs_follow_up_get_title (item) ? zs_follow_up_get_title (item) : "",
                       due ? due : "");
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * zs_follow_up_source_list_follow_ups:
 * @self: a #ZsFollowUpSource
 * @store: the store the app uses
 * @from_date: (nullable): the first day, YYYY-MM-DD, or %NULL for any time
 *   before @to_date (overdue items included)
 * @to_date: the last day, YYYY-MM-DD
 * @staff: (nullable): only the items of this staff member, or %NULL for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ZsFollowUp): the items due, or
 *   %NULL with @error set
 */
GPtrArray *
zs_follow_up_source_list_follow_ups (ZsFollowUpSource  *self,
                                     ZsStore           *store,
                                     const char        *from_date,
                                     const char        *to_date,
                                     const char        *staff,
                                     GError           **error)
{
  ZsFollowUpSourceInterface *iface;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (ZS_IS_FOLLOW_UP_SOURCE (self), NULL);
  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (to_date != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = ZS_FOLLOW_UP_SOURCE_GET_IFACE (self);
  if (iface->list_follow_ups == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  items = iface->list_follow_ups (self, store, from_date, to_date, staff, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* A Python exception other than GLib.Error arrives as no list at all. */
  if (items == NULL)
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("The follow-up source failed without saying why"));
      return NULL;
    }
  if (!check_items (items, error))
    return NULL;
  return g_steal_pointer (&items);
}
