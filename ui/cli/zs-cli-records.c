/* zs-cli-records.c: the records verbs of zhaoshang-cli, for every record type
 *
 * `records add|edit TYPE` take one `--FIELD VALUE` option per field of the
 * type, derived when the command runs: the type is known only once the
 * database is open and the plugins that declare types are loaded, so these
 * commands read --db and --as first, open the store, then parse the whole
 * command line with the type's options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "zs-cli-private.h"

/* Table columns of a listing: the id and the first fields. */
#define MAX_LIST_FIELDS 6

static const char * const type_columns[] = { "name", "label", "module", "version", "fields", NULL };

/* Options of the tool or of `edit` that a field's option must not shadow. */
static const char * const reserved_options[] = { "db", "as", "json", "help", "if-version", NULL };

typedef struct
{
  ZsRecordType *type;
  GPtrArray    *fields;   /* ZsFieldSpec, the ones with an option */
  GPtrArray    *names;    /* char *, the option of each field */
  char        **values;   /* the text given for each field, or NULL */
} FieldOptions;

static void
field_options_free (FieldOptions *self)
{
  if (self->values != NULL)
    for (guint i = 0; i < self->fields->len; i++)
      g_free (self->values[i]);
  g_free (self->values);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FieldOptions, field_options_free)

static gboolean
is_bookkeeping (const char *name)
{
  return g_str_equal (name, "id") || g_str_equal (name, "version");
}

static FieldOptions *
field_options_new (ZsRecordType *type)
{
  FieldOptions *self = g_new0 (FieldOptions, 1);
  GPtrArray *fields = zs_record_type_get_fields (type);

  self->type = type;
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
  self->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (fields, i);
      char *option = g_strdelimit (g_strdup (zs_field_spec_get_name (field)), "_", '-');

      if (is_bookkeeping (zs_field_spec_get_name (field)))
        {
          g_free (option);
          continue;
        }
      if (g_strv_contains (reserved_options, option))
        {
          char *prefixed = g_strconcat ("field-", option, NULL);

          g_free (option);
          option = prefixed;
        }
      g_ptr_array_add (self->fields, g_object_ref (field));
      g_ptr_array_add (self->names, option);
    }
  self->values = g_new0 (char *, self->fields->len + 1);
  return self;
}

static const char *
field_arg_description (ZsFieldSpec *field)
{
  switch (zs_field_spec_get_kind (field))
    {
    case ZS_FIELD_INTEGER: return N_("N");
    case ZS_FIELD_DECIMAL: return N_("NUMBER");
    case ZS_FIELD_MONEY: return N_("万元");
    case ZS_FIELD_DATE: return N_("YYYY-MM-DD");
    case ZS_FIELD_BOOLEAN: return N_("true|false");
    case ZS_FIELD_ENUM: return N_("VALUE");
    case ZS_FIELD_REFERENCE: return N_("ID");
    case ZS_FIELD_TEXT:
    default: return N_("TEXT");
    }
}

static char *
field_description (ZsFieldSpec *field)
{
  GString *text = g_string_new (zs_field_spec_get_label (field));

  if (zs_field_spec_get_kind (field) == ZS_FIELD_ENUM)
    {
      g_autofree char *values = g_strjoinv (", ", (char **) zs_field_spec_get_enum_values (field));

      g_string_append_printf (text, " (%s)", values);
    }
  else if (zs_field_spec_get_kind (field) == ZS_FIELD_REFERENCE)
    g_string_append_printf (text, " (%s)", zs_field_spec_get_reference (field));
  if (zs_field_spec_get_required (field))
    g_string_append_printf (text, ", %s", _("required"));
  return g_string_free (text, FALSE);
}

/* The GOptionEntry strings live in @keep until the entries are dropped. */
static GOptionEntry *
field_options_entries (FieldOptions *self,
                       GPtrArray    *keep)
{
  GOptionEntry *entries = g_new0 (GOptionEntry, self->fields->len + 1);

  for (guint i = 0; i < self->fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (self->fields, i);
      char *description = field_description (field);

      g_ptr_array_add (keep, description);
      entries[i].long_name = g_ptr_array_index (self->names, i);
      entries[i].arg = G_OPTION_ARG_FILENAME;
      entries[i].arg_data = &self->values[i];
      entries[i].description = description;
      entries[i].arg_description = _(field_arg_description (field));
    }
  return entries;
}

static gboolean
field_options_any_set (FieldOptions *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (self->values[i] != NULL)
      return TRUE;
  return FALSE;
}

/* A bad value is a usage error naming the option and the value; a value
 * the field's rules refuse is left to the store. */
static gboolean
field_options_apply (FieldOptions  *self,
                     ZsCli         *cli,
                     GObject       *record,
                     GError       **error)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      ZsFieldSpec *field = g_ptr_array_index (self->fields, i);
      const char *option = g_ptr_array_index (self->names, i);
      const char *text = self->values[i];
      const char *name = zs_field_spec_get_name (field);
      g_autoptr(GError) local_error = NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      if (text == NULL)
        continue;
      if (text[0] == '\0')
        {
          if (!zs_record_type_set_text (self->type, record, name, NULL, error))
            return FALSE;
          continue;
        }
      if (zs_field_spec_get_kind (field) == ZS_FIELD_REFERENCE &&
          g_strcmp0 (zs_field_spec_get_reference (field), "firm") == 0)
        {
          gint64 firm_id;

          /* a firm may be named by its USCC, as everywhere else */
          if (!zs_cli_lookup_firm_id (cli, text, &firm_id, error))
            return FALSE;
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, firm_id);
        }
      else if (!zs_field_spec_parse_value (field, text, &value, &local_error))
        return zs_cli_usage_error (error, _("--%s “%s”: %s"), option, text, local_error->message);
      if (!zs_record_type_set_value (self->type, record, name, &value, error))
        return FALSE;
    }
  return TRUE;
}

static ZsRecordType *
lookup_type (ZsCli       *cli,
             const char  *name,
             GError     **error)
{
  ZsRecordType *type = zs_store_lookup_record_type (cli->store, name);

  if (type == NULL)
    zs_cli_usage_error (error, _("unknown record type “%s” (see “zhaoshang-cli records types”)"), name);
  return type;
}

static gboolean
wants_help (char **args)
{
  for (guint i = 1; args[i] != NULL; i++)
    if (g_str_equal (args[i], "--help") || g_str_equal (args[i], "-h") || g_str_equal (args[i], "-?"))
      return TRUE;
  return FALSE;
}

/* Reads --db and --as, opens the store and finds the record type named by
 * the first argument, so that its field options can be parsed. With
 * --help a database that cannot be opened only leaves the options out. */
static gboolean
open_for_type (ZsCli          *cli,
               char          **args,
               ZsRecordType  **type,
               GError        **error)
{
  g_autofree char *db = NULL;
  g_autofree char *actor = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, NULL, NULL },
    { "as", 0, 0, G_OPTION_ARG_FILENAME, &actor, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) copy = g_strdupv (args);
  g_autoptr(GError) local_error = NULL;
  gboolean help = wants_help (args);
  const char *name = NULL;

  *type = NULL;
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_ignore_unknown_options (context, TRUE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse_strv (context, &copy, &local_error))
    {
      if (help)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 1; copy[i] != NULL && name == NULL; i++)
    if (copy[i][0] != '-')
      name = copy[i];
  if (name == NULL)
    return help || zs_cli_usage_error (error, _("missing argument TYPE"));

  cli->db_path = g_steal_pointer (&db);
  cli->actor = g_steal_pointer (&actor);
  if (!zs_cli_open (cli, FALSE, &local_error))
    {
      g_clear_pointer (&cli->db_path, g_free);
      g_clear_pointer (&cli->actor, g_free);
      if (help)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* the full parse below fills these again */
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_pointer (&cli->actor, g_free);

  *type = zs_store_lookup_record_type (cli->store, name);
  if (*type == NULL && !help)
    return lookup_type (cli, name, error) != NULL;
  return TRUE;
}

/* `records add` and `records edit`: the type's options, with @extra. */
static gboolean
parse_with_fields (ZsCli               *cli,
                   GStrv               *args,
                   const GOptionEntry  *extra,
                   guint                n_positional,
                   FieldOptions       **options,
                   GError             **error)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autofree GOptionEntry *entries = NULL;
  g_autofree GOptionEntry *all = NULL;
  ZsRecordType *type;
  guint n_extra = 0, n_fields = 0;

  *options = NULL;
  if (!open_for_type (cli, *args, &type, error))
    return FALSE;
  if (type != NULL)
    {
      *options = field_options_new (type);
      entries = field_options_entries (*options, keep);
      n_fields = (*options)->fields->len;
    }
  while (extra != NULL && extra[n_extra].long_name != NULL)
    n_extra++;
  all = g_new0 (GOptionEntry, n_extra + n_fields + 1);
  if (n_extra > 0)
    memcpy (all, extra, n_extra * sizeof (GOptionEntry));
  if (n_fields > 0)
    memcpy (all + n_extra, entries, n_fields * sizeof (GOptionEntry));
  return zs_cli_parse (cli, args, all, NULL, n_positional, error);
}

static void
print_record (ZsCli   *cli,
              GObject *record)
{
  g_autoptr(JsonNode) node = zs_record_to_json (record);

  zs_cli_print_node (cli, node);
}

/* records types */

static JsonNode *
type_to_json (ZsRecordType *type)
{
  JsonNode *node = zs_record_type_to_json (type);
  JsonObject *object = json_node_get_object (node);
  const char *module = zs_record_type_get_module (type);

  json_object_set_string_member (object, "module", module != NULL ? module : "core");
  return node;
}

gboolean
zs_cli_records_types (ZsCli    *cli,
                      GStrv    *args,
                      GError  **error)
{
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(JsonArray) rows = json_array_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();

  if (!zs_cli_parse (cli, args, NULL, NULL, 0, error) ||
      !zs_cli_open (cli, FALSE, error))
    return FALSE;

  types = zs_store_list_record_types (cli->store);
  for (guint i = 0; i < types->len; i++)
    {
      JsonNode *type = type_to_json (g_ptr_array_index (types, i));

      if (!cli->json)
        {
          JsonObject *object = json_node_get_object (type);
          JsonArray *fields = json_object_get_array_member (object, "fields");
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint f = 0; f < json_array_get_length (fields); f++)
            {
              JsonObject *field = json_array_get_object_element (fields, f);

              g_string_append_printf (names, "%s%s%s", names->len ? ", " : "",
                                      json_object_get_string_member (field, "name"),
                                      json_object_get_boolean_member_with_default (field, "required", FALSE) ? "*" : "");
            }
          json_object_set_string_member (object, "fields", names->str);
        }
      json_array_add_element (rows, type);
    }

  json_node_init_array (node, rows);
  if (cli->json)
    zs_cli_print_json (node);
  else
    zs_cli_print_table (rows, type_columns);
  return TRUE;
}

/* records list */

/* A cursor is the key of the last record of a page: its id and the value
 * of the sort field, base64 so that a shell passes it as one word. */
static char *
make_cursor (ZsRecordQuery *query,
             GObject       *last)
{
  g_autoptr(ZsRecordQuery) after = zs_record_query_new ();
  g_autofree char *text = NULL;
  const char *sort_value = NULL;
  gint64 id = 0;

  zs_record_query_set_sort (after, zs_record_query_get_sort_field (query),
                            zs_record_query_get_sort_direction (query));
  zs_record_query_set_after (after, last);
  if (!zs_record_query_get_after_key (after, &sort_value, &id))
    return NULL;
  if (sort_value != NULL)
    text = g_strdup_printf ("%" PRId64 ":%s", id, sort_value);
  else
    text = g_strdup_printf ("%" PRId64, id);
  return g_base64_encode ((const guchar *) text, strlen (text));
}

static gboolean
parse_cursor (ZsRecordQuery  *query,
              const char     *cursor,
              GError        **error)
{
  gsize length = 0;
  g_autofree char *text = NULL;
  g_autofree guchar *bytes = NULL;
  char *colon, *end = NULL;
  gint64 id;

  bytes = g_base64_decode (cursor, &length);
  text = g_strndup ((const char *) bytes, length);
  if (length == 0 || !g_utf8_validate (text, -1, NULL))
    goto bad;
  colon = strchr (text, ':');
  if (colon != NULL)
    *colon = '\0';
  id = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || id <= 0)
    goto bad;
  zs_record_query_set_after_key (query, colon != NULL ? colon + 1 : NULL, id);
  return TRUE;

bad:
  return zs_cli_usage_error (error, _("--after: “%s” is not a cursor of “records list”"), cursor);
}

static const char **
list_columns (ZsRecordType *type)
{
  GPtrArray *fields = zs_record_type_get_fields (type);
  GPtrArray *columns = g_ptr_array_new ();

  g_ptr_array_add (columns, (gpointer) "id");
  for (guint i = 0; i < fields->len && columns->len <= MAX_LIST_FIELDS; i++)
    {
      const char *name = zs_field_spec_get_name (g_ptr_array_index (fields, i));

      if (!is_bookkeeping (name))
        g_ptr_array_add (columns, (gpointer) name);
    }
  g_ptr_array_add (columns, NULL);
  return (const char **) g_ptr_array_free (columns, FALSE);
}

gboolean
zs_cli_records_list (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  g_auto(GStrv) wheres = NULL;
  g_autofree char *sort = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *after = NULL;
  g_autofree char *search = NULL;
  g_autofree const char **columns = NULL;
  g_autoptr(ZsRecordQuery) query = zs_record_query_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *cursor = NULL;
  ZsRecordType *type;
  guint limit = 0;
  const GOptionEntry entries[] = {
    { "where", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &wheres,
      N_("Only records whose FIELD equals, is less or greater than VALUE; repeat for several"),
      N_("FIELD=VALUE|FIELD<VALUE|FIELD>VALUE") },
    { "sort", 0, 0, G_OPTION_ARG_FILENAME, &sort, N_("Order by FIELD, or -FIELD for largest first"), N_("FIELD") },
    { "limit", 0, 0, G_OPTION_ARG_FILENAME, &limit_text, N_("List at most N rows"), N_("N") },
    { "after", 0, 0, G_OPTION_ARG_FILENAME, &after,
      N_("Start after the record of this cursor, printed with the previous page"), N_("CURSOR") },
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &search,
      N_("Only records matching TEXT in their searchable fields"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 1, error))
    return FALSE;
  if (limit_text != NULL && !zs_cli_parse_count ("limit", limit_text, &limit, error))
    return FALSE;
  if (search != NULL && (wheres != NULL || sort != NULL || after != NULL))
    return zs_cli_usage_error (error, _("--search cannot be used with --where, --sort or --after"));
  for (guint i = 0; wheres != NULL && wheres[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!zs_record_query_parse_filter (query, wheres[i], &local_error))
        return zs_cli_usage_error (error, "--where: %s", local_error->message);
    }
  if (sort != NULL)
    {
      gboolean descending = sort[0] == '-';

      if (sort[descending ? 1 : 0] == '\0')
        return zs_cli_usage_error (error, _("--sort: “%s” names no field"), sort);
      zs_record_query_set_sort (query, sort + (descending ? 1 : 0),
                                descending ? ZS_SORT_DESCENDING : ZS_SORT_ASCENDING);
    }
  zs_record_query_set_limit (query, limit);
  if (after != NULL && !parse_cursor (query, after, error))
    return FALSE;
  if (!zs_cli_open (cli, FALSE, error) ||
      !(type = lookup_type (cli, (*args)[1], error)))
    return FALSE;

  if (search != NULL)
    records = zs_store_search_records (cli->store, (*args)[1], search, limit, error);
  else
    records = zs_store_list_records (cli->store, (*args)[1], query, error);
  if (records == NULL)
    return FALSE;
  if (search == NULL && limit > 0 && records->len == limit)
    cursor = make_cursor (query, g_ptr_array_index (records, records->len - 1));

  {
    g_autoptr(JsonArray) rows = json_array_new ();

    for (guint i = 0; i < records->len; i++)
      json_array_add_element (rows, zs_record_to_json (g_ptr_array_index (records, i)));
    if (cli->json)
      {
        g_autoptr(JsonObject) object = json_object_new ();

        json_object_set_array_member (object, "records", json_array_ref (rows));
        if (cursor != NULL)
          json_object_set_string_member (object, "next_cursor", cursor);
        else
          json_object_set_null_member (object, "next_cursor");
        node = json_node_init_object (json_node_alloc (), object);
        zs_cli_print_json (node);
        return TRUE;
      }
    columns = list_columns (type);
    zs_cli_print_table (rows, columns);
    if (cursor != NULL)
      g_print (_("next page: --after %s\n"), cursor);
  }
  return TRUE;
}

/* records show */

gboolean
zs_cli_records_show (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  g_autoptr(GObject) record = NULL;
  gint64 id;

  if (!zs_cli_parse (cli, args, NULL, NULL, 2, error) ||
      !zs_cli_parse_id ("id", (*args)[2], &id, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !lookup_type (cli, (*args)[1], error) ||
      !(record = zs_store_get_record (cli->store, (*args)[1], id, error)))
    return FALSE;

  print_record (cli, record);
  return TRUE;
}

/* records add */

gboolean
zs_cli_records_add (ZsCli    *cli,
                    GStrv    *args,
                    GError  **error)
{
  g_autoptr(FieldOptions) options = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GObject) stored = NULL;
  gint64 id;

  if (!parse_with_fields (cli, args, NULL, 1, &options, error))
    return FALSE;
  g_assert (options != NULL);

  record = zs_record_type_new_record (options->type);
  if (!field_options_apply (options, cli, record, error))
    return FALSE;
  if ((id = zs_store_create_record (cli->store, record, error)) <= 0 ||
      !(stored = zs_store_get_record (cli->store, (*args)[1], id, error)))
    return FALSE;

  if (cli->json)
    print_record (cli, stored);
  else
    g_print ("%" PRId64 "\n", id);
  return TRUE;
}

/* records edit */

gboolean
zs_cli_records_edit (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  g_autoptr(FieldOptions) options = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GObject) stored = NULL;
  const GOptionEntry entries[] = {
    { "if-version", 0, 0, G_OPTION_ARG_INT64, &cli->if_version,
      N_("Refuse fields another writer changed after this version (see “show --json”)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  gint64 id;

  cli->if_version = 0;
  if (!parse_with_fields (cli, args, entries, 2, &options, error))
    return FALSE;
  g_assert (options != NULL);
  if (!field_options_any_set (options))
    return zs_cli_usage_error (error, _("nothing to change; give at least one option"));
  if (cli->if_version < 0)
    return zs_cli_usage_error (error, _("--if-version: “%" PRId64 "” is not a version; versions start at 1"),
                               cli->if_version);
  if (!zs_cli_parse_id ("id", (*args)[2], &id, error) ||
      !(record = zs_store_get_record (cli->store, (*args)[1], id, error)))
    return FALSE;

  zs_cli_apply_if_version (cli, record);
  if (!field_options_apply (options, cli, record, error) ||
      !zs_store_update_record (cli->store, record, error) ||
      !(stored = zs_store_get_record (cli->store, (*args)[1], id, error)))
    return FALSE;

  if (cli->json)
    print_record (cli, stored);
  return TRUE;
}

/* records delete */

gboolean
zs_cli_records_delete (ZsCli    *cli,
                       GStrv    *args,
                       GError  **error)
{
  gint64 id;

  if (!zs_cli_parse (cli, args, NULL, NULL, 2, error) ||
      !zs_cli_parse_id ("id", (*args)[2], &id, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !lookup_type (cli, (*args)[1], error) ||
      !zs_store_delete_record (cli->store, (*args)[1], id, error))
    return FALSE;

  zs_cli_print_done (cli, "id", zs_cli_int_node (id));
  return TRUE;
}
