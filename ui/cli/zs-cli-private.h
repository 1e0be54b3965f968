/* zs-cli-private.h: what the files of zhaoshang-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "zhaoshang.h"

G_BEGIN_DECLS

#define ZS_CLI_PROGRAM "zhaoshang-cli"

#define ZS_CLI_ERROR (zs_cli_error_quark ())

/**
 * ZsCliError:
 * @ZS_CLI_ERROR_USAGE: the command line is malformed; exit status 2
 * @ZS_CLI_ERROR_NO_DATABASE: the database file does not exist yet
 *
 * Errors raised by the command-line tool itself. Every other error comes
 * from libzhaoshang (%ZS_ERROR) or from bad values (%ZS_ERROR_INVALID).
 */
typedef enum
{
  ZS_CLI_ERROR_USAGE,
  ZS_CLI_ERROR_NO_DATABASE,
} ZsCliError;

typedef enum
{
  ZS_CLI_EXIT_OK = 0,
  ZS_CLI_EXIT_FAILURE = 1,
  ZS_CLI_EXIT_USAGE = 2,
} ZsCliExit;

typedef struct _ZsCli        ZsCli;
typedef struct _ZsCliCommand ZsCliCommand;
typedef struct _ZsCliFields  ZsCliFields;

/* @args holds the program name followed by the words left after the verb
 * and subverb were taken out; handlers parse it with zs_cli_parse(). */
typedef gboolean (*ZsCliHandler) (ZsCli    *cli,
                                  GStrv    *args,
                                  GError  **error);

struct _ZsCliCommand
{
  const char   *verb;
  const char   *subverb;     /* NULL for verbs without one */
  const char   *parameters;  /* positional arguments, shown in the usage line */
  const char   *summary;     /* N_() */
  ZsCliHandler  handler;
};

struct _ZsCli
{
  /* common options */
  char               *db_path;
  char               *actor;
  gboolean            json;
  gint64              if_version;  /* an edit's --if-version, 0 if not given */

  const char         *verb;          /* for the --help hint after usage errors */
  const ZsCliCommand *command;
  gpointer            command_data;  /* handed to option callbacks */
  ZsStore            *store;
  ZsPluginEngine     *plugins;       /* active whenever the store is open */
};

/* The store's delete of one kind of record. */
typedef gboolean (*ZsCliDeleteFunc) (ZsStore  *store,
                                     gint64    id,
                                     GError  **error);

/* The --limit and --offset options of listings, kept as text until
 * zs_cli_parse_page() checks them. */
#define ZS_CLI_PAGE_ENTRIES(limit, offset)                                          \
  { "limit", 0, 0, G_OPTION_ARG_FILENAME, &(limit), N_("List at most N rows"), N_("N") }, \
  { "offset", 0, 0, G_OPTION_ARG_FILENAME, &(offset), N_("Skip the first N rows"), N_("N") }

/* A list of records shown with another record: a member of its JSON
 * object, or a table after its key: value lines. */
typedef struct
{
  const char         *member;
  GPtrArray          *objects;
  const char * const *columns;
} ZsCliSection;

/**
 * ZsCliFieldKind:
 * @ZS_CLI_FIELD_PLAIN: converted by the property's type (text, number, enum, list)
 * @ZS_CLI_FIELD_DATE: text that must be a YYYY-MM-DD date
 * @ZS_CLI_FIELD_FIRM: a firm given as ID or USCC, stored as its id
 *
 * How the text of an option becomes the value of a property.
 */
typedef enum
{
  ZS_CLI_FIELD_PLAIN,
  ZS_CLI_FIELD_DATE,
  ZS_CLI_FIELD_FIRM,
} ZsCliFieldKind;

/* An option that sets one property of a model object. */
typedef struct
{
  const char     *option;           /* long option name, without "--" */
  const char     *property;         /* GObject property it sets */
  ZsCliFieldKind  kind;
  const char     *description;      /* N_() */
  const char     *arg_description;  /* N_() */
} ZsCliField;

/* zs-cli-import.c */
gboolean     zs_cli_import           (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_export           (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_imports_list     (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_imports_undo     (ZsCli *cli, GStrv *args, GError **error);

/* zs-cli-records.c */
gboolean     zs_cli_records_types    (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_records_list     (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_records_show     (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_records_add      (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_records_edit     (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_records_delete   (ZsCli *cli, GStrv *args, GError **error);

/* zs-cli-serve.c */
gboolean     zs_cli_serve            (ZsCli *cli, GStrv *args, GError **error);

/* zs-cli-token.c */
gboolean     zs_cli_token_create     (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_token_list       (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_token_revoke     (ZsCli *cli, GStrv *args, GError **error);

/* zs-cli-plugins.c */
gboolean     zs_cli_plugins_list     (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_plugins_info     (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_plugins_enable   (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_plugins_disable  (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_plugins_settings (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_plugins_set      (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_plugins_reset    (ZsCli *cli, GStrv *args, GError **error);
void         zs_cli_print_plugin_verbs (ZsCli     *cli,
                                        char     **args);
gboolean     zs_cli_run_plugin_verb  (ZsCli       *cli,
                                      GStrv       *args,
                                      const char  *verb,
                                      gboolean    *found,
                                      GError     **error);

/* zs-cli.c: dispatch and shared option handling */
GQuark       zs_cli_error_quark      (void);
gboolean     zs_cli_usage_error      (GError            **error,
                                      const char         *format,
                                      ...) G_GNUC_PRINTF (2, 3);
gboolean     zs_cli_parse            (ZsCli              *cli,
                                      GStrv              *args,
                                      const GOptionEntry *entries,
                                      ZsCliFields        *fields,
                                      guint               n_positional,
                                      GError            **error);
gboolean     zs_cli_open             (ZsCli              *cli,
                                      gboolean            create,
                                      GError            **error);
gboolean     zs_cli_require          (const char         *option,
                                      const char         *value,
                                      GError            **error);
gboolean     zs_cli_conflict         (const char         *option,
                                      gboolean            given,
                                      const char         *other,
                                      gboolean            other_given,
                                      GError            **error);
gboolean     zs_cli_parse_new        (ZsCli              *cli,
                                      GStrv              *args,
                                      ZsCliFields        *fields,
                                      const char * const *required,
                                      GError            **error);
gboolean     zs_cli_parse_edit       (ZsCli              *cli,
                                      GStrv              *args,
                                      ZsCliFields        *fields,
                                      gboolean           *clear_sectors,
                                      GError            **error);
void         zs_cli_apply_if_version (ZsCli              *cli,
                                      GObject            *record);
gboolean     zs_cli_delete_by_id     (ZsCli              *cli,
                                      GStrv              *args,
                                      ZsCliDeleteFunc     delete_func,
                                      GError            **error);

/* zs-cli-fields.c: values */
gboolean     zs_cli_parse_id         (const char         *field,
                                      const char         *text,
                                      gint64             *id,
                                      GError            **error);
gboolean     zs_cli_parse_count      (const char         *field,
                                      const char         *text,
                                      guint              *count,
                                      GError            **error);
gboolean     zs_cli_parse_page       (const char         *limit_text,
                                      const char         *offset_text,
                                      guint              *limit,
                                      guint              *offset,
                                      GError            **error);
gboolean     zs_cli_parse_date       (const char         *field,
                                      const char         *text,
                                      GError            **error);
gboolean     zs_cli_parse_enum       (GType               enum_type,
                                      const char         *field,
                                      const char         *text,
                                      int                *value,
                                      GError            **error);
ZsFirm      *zs_cli_lookup_firm      (ZsCli              *cli,
                                      const char         *ref,
                                      GError            **error);
gboolean     zs_cli_lookup_firm_id   (ZsCli              *cli,
                                      const char         *ref,
                                      gint64             *id,
                                      GError            **error);
char        *zs_cli_today            (void);

ZsCliFields *zs_cli_fields_new       (GType               type,
                                      const ZsCliField   *fields);
void         zs_cli_fields_free      (ZsCliFields        *self);
GOptionEntry *zs_cli_fields_get_entries (ZsCliFields     *self);
gboolean     zs_cli_fields_is_set    (ZsCliFields        *self,
                                      const char         *option);
gboolean     zs_cli_fields_any_set   (ZsCliFields        *self);
gboolean     zs_cli_fields_require   (ZsCliFields        *self,
                                      const char         *option,
                                      GError            **error);
gboolean     zs_cli_fields_apply     (ZsCliFields        *self,
                                      ZsCli              *cli,
                                      GObject            *object,
                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZsCliFields, zs_cli_fields_free)

/* zs-cli-output.c */
char        *zs_cli_property_key     (const char         *property);
JsonNode    *zs_cli_object_to_json   (GObject            *object);
JsonNode    *zs_cli_objects_to_json  (GPtrArray          *objects);
void         zs_cli_print_json       (JsonNode           *node);
void         zs_cli_append_padded    (GString            *line,
                                      const char         *cell,
                                      guint               width);
void         zs_cli_print_table      (JsonArray          *rows,
                                      const char * const *columns);
void         zs_cli_print_record     (JsonObject         *record);
void         zs_cli_print_list       (ZsCli              *cli,
                                      GPtrArray          *objects,
                                      const char * const *columns);
void         zs_cli_print_object     (ZsCli              *cli,
                                      GObject            *object);
void         zs_cli_print_node       (ZsCli              *cli,
                                      JsonNode           *node);
void         zs_cli_print_with_sections (ZsCli              *cli,
                                         GObject            *object,
                                         const ZsCliSection *sections,
                                         guint               n_sections);
void         zs_cli_print_created    (ZsCli              *cli,
                                      GObject            *object);
void         zs_cli_print_done       (ZsCli              *cli,
                                      const char         *key,
                                      JsonNode           *value);
gboolean     zs_cli_print_saved      (ZsCli              *cli,
                                      gpointer            stored,
                                      gboolean            created);
gboolean     zs_cli_print_created_among (ZsCli           *cli,
                                         GPtrArray       *listed,
                                         gint64           id,
                                         gpointer         created);
gboolean     zs_cli_print_listed     (ZsCli              *cli,
                                      GPtrArray          *rows,
                                      const char * const *columns);
JsonNode    *zs_cli_int_node         (gint64              value);
GObject     *zs_cli_find_by_id       (GPtrArray          *objects,
                                      gint64              id);

/* one handler per command, in the file of its verb group */
gboolean     zs_cli_firms_add          (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_firms_list         (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_firms_show         (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_firms_edit         (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_firms_delete       (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_contacts_add       (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_contacts_list      (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_contacts_delete    (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_projects_add       (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_projects_list      (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_projects_show      (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_projects_move      (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_projects_edit      (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_projects_delete    (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_activities_add     (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_activities_list    (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_sectors_list       (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_parks_list         (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_clauses_list       (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_regions_list       (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_targets_list       (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_staff_list         (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_staff_add          (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_init               (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_history            (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_revert             (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_backup             (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_check              (ZsCli *cli, GStrv *args, GError **error);
gboolean     zs_cli_restore            (ZsCli *cli, GStrv *args, GError **error);

G_END_DECLS
