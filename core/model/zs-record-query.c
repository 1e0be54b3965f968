/* zs-record-query.c: filters, order and page of a record list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zs-error.h"
#include "zs-record-query.h"

/**
 * ZsRecordQuery:
 *
 * What zs_store_list_records() returns: the records whose fields pass every
 * filter, in the order of one field (then by id), at most a limit of them,
 * after a given record (keyset paging: pass the last record of a page to
 * zs_record_query_set_after() for the next page).
 */
typedef struct
{
  char       *field;
  ZsFilterOp  op;
  char       *value;
} Filter;

struct _ZsRecordQuery
{
  GObject          parent_instance;

  GArray          *filters;
  char            *sort_field;
  ZsSortDirection  direction;
  guint            limit;
  gboolean         has_after;
  char            *after_value;
  gint64           after_id;
};

G_DEFINE_FINAL_TYPE (ZsRecordQuery, zs_record_query, G_TYPE_OBJECT)

static void
filter_clear (gpointer data)
{
  Filter *filter = data;

  g_free (filter->field);
  g_free (filter->value);
}

static void
zs_record_query_finalize (GObject *object)
{
  ZsRecordQuery *self = ZS_RECORD_QUERY (object);

  g_array_unref (self->filters);
  g_free (self->sort_field);
  g_free (self->after_value);

  G_OBJECT_CLASS (zs_record_query_parent_class)->finalize (object);
}

static void
zs_record_query_class_init (ZsRecordQueryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zs_record_query_finalize;
}

static void
zs_record_query_init (ZsRecordQuery *self)
{
  self->filters = g_array_new (FALSE, TRUE, sizeof (Filter));
  g_array_set_clear_func (self->filters, filter_clear);
}

/**
 * zs_record_query_new:
 *
 * Returns: (transfer full): a query for every record, by id
 */
ZsRecordQuery *
zs_record_query_new (void)
{
  return g_object_new (ZS_TYPE_RECORD_QUERY, NULL);
}

/**
 * zs_record_query_add_filter:
 * @self: a #ZsRecordQuery
 * @field: a field's name
 * @op: how the field compares with @value
 * @value: (nullable): the value as text (see zs_field_spec_parse_value());
 *   %NULL or empty with %ZS_FILTER_EQUAL for records without a value
 */
void
zs_record_query_add_filter (ZsRecordQuery *self,
                            const char    *field,
                            ZsFilterOp     op,
                            const char    *value)
{
  Filter filter;

  g_return_if_fail (ZS_IS_RECORD_QUERY (self));
  g_return_if_fail (field != NULL);

  filter.field = g_strdelimit (g_strdup (field), "-", '_');
  filter.op = op;
  filter.value = g_strdup (value);
  g_array_append_val (self->filters, filter);
}

/**
 * zs_record_query_parse_filter:
 * @self: a #ZsRecordQuery
 * @expression: "FIELD=VALUE", "FIELD<VALUE", "FIELD<=VALUE", "FIELD>VALUE"
 *   or "FIELD>=VALUE"
 * @error: return location for a #GError
 *
 * Returns: %TRUE, or %FALSE with %ZS_ERROR_INVALID when @expression has
 *   no comparison
 */
gboolean
zs_record_query_parse_filter (ZsRecordQuery  *self,
                              const char     *expression,
                              GError        **error)
{
  static const struct { const char *text; ZsFilterOp op; } ops[] = {
    { "<=", ZS_FILTER_LESS_OR_EQUAL }, { ">=", ZS_FILTER_GREATER_OR_EQUAL },
    { "=", ZS_FILTER_EQUAL }, { "<", ZS_FILTER_LESS }, { ">", ZS_FILTER_GREATER },
  };
  size_t at;
  g_autofree char *field = NULL;

  g_return_val_if_fail (ZS_IS_RECORD_QUERY (self), FALSE);
  g_return_val_if_fail (expression != NULL, FALSE);

  at = strcspn (expression, "<>=");
  if (at == 0 || expression[at] == '\0')
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("“%s” is not a filter (FIELD=VALUE, FIELD<VALUE or FIELD>VALUE)"), expression);
      return FALSE;
    }
  field = g_strstrip (g_strndup (expression, at));
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (g_str_has_prefix (expression + at, ops[i].text))
      {
        zs_record_query_add_filter (self, field, ops[i].op, expression + at + strlen (ops[i].text));
        return TRUE;
      }
  g_return_val_if_reached (FALSE);
}

/**
 * zs_record_query_get_n_filters:
 * @self: a #ZsRecordQuery
 *
 * Returns: the number of filters
 */
guint
zs_record_query_get_n_filters (ZsRecordQuery *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_QUERY (self), 0);
  return self->filters->len;
}

/**
 * zs_record_query_get_filter:
 * @self: a #ZsRecordQuery
 * @index: a filter's index
 * @op: (out) (optional): how it compares
 * @value: (out) (optional) (transfer none) (nullable): the value it compares with
 *
 * Returns: the field the filter is on
 */
const char *
zs_record_query_get_filter (ZsRecordQuery  *self,
                            guint           index,
                            ZsFilterOp     *op,
                            const char    **value)
{
  Filter *filter;

  g_return_val_if_fail (ZS_IS_RECORD_QUERY (self), NULL);
  g_return_val_if_fail (index < self->filters->len, NULL);

  filter = &g_array_index (self->filters, Filter, index);
  if (op != NULL)
    *op = filter->op;
  if (value != NULL)
    *value = filter->value;
  return filter->field;
}

/**
 * zs_record_query_set_sort:
 * @self: a #ZsRecordQuery
 * @field: (nullable): a field's name, or %NULL to sort by id
 * @direction: the order
 */
void
zs_record_query_set_sort (ZsRecordQuery   *self,
                          const char      *field,
                          ZsSortDirection  direction)
{
  g_return_if_fail (ZS_IS_RECORD_QUERY (self));

  g_free (self->sort_field);
  self->sort_field = field ? g_strdelimit (g_strdup (field), "-", '_') : NULL;
  self->direction = direction;
}

/**
 * zs_record_query_get_sort_field:
 * @self: a #ZsRecordQuery
 *
 * Returns: (nullable): the field records are sorted by, %NULL for id
 */
const char *
zs_record_query_get_sort_field (ZsRecordQuery *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_QUERY (self), NULL);
  return self->sort_field;
}

/**
 * zs_record_query_get_sort_direction:
 * @self: a #ZsRecordQuery
 *
 * Returns: the order
 */
ZsSortDirection
zs_record_query_get_sort_direction (ZsRecordQuery *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_QUERY (self), ZS_SORT_ASCENDING);
  return self->direction;
}

/**
 * zs_record_query_set_limit:
 * @self: a #ZsRecordQuery
 * @limit: the most records to return, 0 for all
 */
void
zs_record_query_set_limit (ZsRecordQuery *self,
                           guint          limit)
{
  g_return_if_fail (ZS_IS_RECORD_QUERY (self));
  self->limit = limit;
}

/**
 * zs_record_query_get_limit:
 * @self: a #ZsRecordQuery
 *
 * Returns: the most records to return, 0 for all
 */
guint
zs_record_query_get_limit (ZsRecordQuery *self)
{
  g_return_val_if_fail (ZS_IS_RECORD_QUERY (self), 0);
  return self->limit;
}

/**
 * zs_record_query_set_after_key:
 * @self: a #ZsRecordQuery
 * @sort_value: (nullable): the sort field's value (as text) of the last
 *   record of the previous page; ignored when sorting by id
 * @id: that record's id
 *
 * Starts the list after that record, in the query's order.
 */
void
zs_record_query_set_after_key (ZsRecordQuery *self,
                               const char    *sort_value,
                               gint64         id)
{
  g_return_if_fail (ZS_IS_RECORD_QUERY (self));

  g_free (self->after_value);
  self->after_value = g_strdup (sort_value);
  self->after_id = id;
  self->has_after = TRUE;
}

/**
 * zs_record_query_get_after_key:
 * @self: a #ZsRecordQuery
 * @sort_value: (out) (optional) (transfer none) (nullable): the sort value
 * @id: (out) (optional): the id
 *
 * Returns: whether the list starts after a record
 */
gboolean
zs_record_query_get_after_key (ZsRecordQuery  *self,
                               const char    **sort_value,
                               gint64         *id)
{
  g_return_val_if_fail (ZS_IS_RECORD_QUERY (self), FALSE);

  if (sort_value != NULL)
    *sort_value = self->after_value;
  if (id != NULL)
    *id = self->after_id;
  return self->has_after;
}

static char *
property_text (GObject    *record,
               const char *field)
{
  g_autofree char *property = g_strdelimit (g_strdup (field), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;

  if (pspec == NULL)
    return NULL;
  g_value_init (&value, pspec->value_type);
  g_object_get_property (record, property, &value);
  if (G_VALUE_HOLDS_DOUBLE (&value))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_value_get_double (&value)));
    }
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_strdup (g_value_get_boolean (&value) ? "true" : "false");
  g_value_init (&text, G_TYPE_STRING);
  if (!g_value_transform (&value, &text))
    return NULL;
  return g_value_dup_string (&text);
}

/**
 * zs_record_query_set_after:
 * @self: a #ZsRecordQuery
 * @last_record: the last record of the previous page
 *
 * Starts the list after @last_record, in the query's order: set the sort
 * first.
 */
void
zs_record_query_set_after (ZsRecordQuery *self,
                           GObject       *last_record)
{
  g_autofree char *sort_value = NULL;
  gint64 id = 0;

  g_return_if_fail (ZS_IS_RECORD_QUERY (self));
  g_return_if_fail (G_IS_OBJECT (last_record));

  g_object_get (last_record, "id", &id, NULL);
  if (self->sort_field != NULL)
    sort_value = property_text (last_record, self->sort_field);
  zs_record_query_set_after_key (self, sort_value, id);
}
