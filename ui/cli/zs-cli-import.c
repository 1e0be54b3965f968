/* zs-cli-import.c: import, export and imports verbs of zhaoshang-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "zs-cli-private.h"

#define BAR_WIDTH 30
#define PLAIN_INTERVAL_US (5 * G_USEC_PER_SEC)

typedef struct {
  gint64   started;
  gint64   last_plain;
  gboolean tty;
} Progress;

static void
format_eta (GString *out,
            double   seconds)
{
  guint s = (guint) seconds;

  g_string_append_printf (out, "%u:%02u:%02u", s / 3600, s / 60 % 60, s % 60);
}

/* A bar on a terminal; a line every few seconds for logs. */
static void
on_progress (ZsImportJob *job,
             guint64      rows,
             double       fraction,
             Progress    *progress)
{
  gint64 now = g_get_monotonic_time ();
  double elapsed = (now - progress->started) / (double) G_USEC_PER_SEC;
  double rate = elapsed > 0 ? rows / elapsed : 0;
  g_autoptr(GString) line = g_string_new (NULL);

  if (progress->tty)
    {
      guint filled = (guint) (CLAMP (fraction, 0, 1) * BAR_WIDTH);

      g_string_append_c (line, '\r');
      g_string_append_c (line, '[');
      for (guint i = 0; i < BAR_WIDTH; i++)
        g_string_append (line, i < filled ? "#" : "-");
      g_string_append_printf (line, _("] %3.0f%%  %'" PRIu64 " rows  %.0f rows/s  ETA "),
                              fraction * 100, rows, rate);
      format_eta (line, fraction > 0 ? elapsed * (1 - fraction) / fraction : 0);
      if (fraction >= 1)
        g_string_append_c (line, '\n');
    }
  else if (now - progress->last_plain >= PLAIN_INTERVAL_US && fraction < 1)
    {
      progress->last_plain = now;
      g_string_append_printf (line, _("imported %" PRIu64 " rows (%.0f%%), %.0f rows/s\n"),
                              rows, fraction * 100, rate);
    }
  if (line->len > 0)
    {
      fputs (line->str, stderr);
      fflush (stderr);
    }
}

static const char * const entity_verbs[] = { "firms", "contacts", "projects", "activities", NULL };

static gboolean
parse_entity (const char      *text,
              ZsImportEntity  *entity,
              GError         **error)
{
  for (guint i = 0; entity_verbs[i] != NULL; i++)
    if (g_str_equal (text, entity_verbs[i]))
      {
        *entity = i;
        return TRUE;
      }
  return zs_cli_usage_error (error, _("unknown kind of record “%s” (expected one of: firms, contacts, projects, activities)"), text);
}

/* Core's record types by their names; the four with their own import and
 * export (headers in Chinese, firms by USCC) keep it. */
static const char * const core_type_names[] = { "firm", "contact", "project", "activity", NULL };

/* Whether @text names a record type rather than a kind of the import:
 * "staff" or a plugin's "module.name". The store is not open yet. */
static gboolean
names_record_type (const char *text)
{
  return g_str_equal (text, "staff") || strchr (text, '.') != NULL;
}

/* After the store is open: the record type @text names, else %NULL with
 * @entity set. */
static gboolean
lookup_target (ZsCli           *cli,
               const char      *text,
               ZsImportEntity  *entity,
               ZsRecordType   **type,
               GError         **error)
{
  *type = NULL;
  for (guint i = 0; core_type_names[i] != NULL; i++)
    if (g_str_equal (text, core_type_names[i]))
      {
        *entity = i;
        return TRUE;
      }
  if (!names_record_type (text))
    return parse_entity (text, entity, error);
  *type = zs_store_lookup_record_type (cli->store, text);
  if (*type == NULL)
    return zs_cli_usage_error (error, _("unknown record type “%s” (see “zhaoshang-cli records types”)"), text);
  return TRUE;
}

typedef struct {
  char  *rejects;
  char  *warnings;
  char **map_sectors;
  char **map_regions;
  char  *on_duplicate;
  char  *on_error;
  char  *encoding;
  char  *sheet;
  char **maps;
  gboolean dry_run;
  char  *batch_size;
} ImportOptions;

static void
import_options_clear (ImportOptions *options)
{
  g_free (options->rejects);
  g_free (options->warnings);
  g_strfreev (options->map_sectors);
  g_strfreev (options->map_regions);
  g_free (options->on_duplicate);
  g_free (options->on_error);
  g_free (options->encoding);
  g_free (options->sheet);
  g_strfreev (options->maps);
  g_free (options->batch_size);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportOptions, import_options_clear)

static gboolean
choose (const char  *option,
        const char  *value,
        const char  *choices[],
        int         *out,
        GError     **error)
{
  g_autofree char *valid = NULL;

  if (value == NULL)
    return TRUE;
  for (int i = 0; choices[i] != NULL; i++)
    if (g_str_equal (value, choices[i]))
      {
        *out = i;
        return TRUE;
      }
  valid = g_strjoinv (", ", (char **) choices);
  return zs_cli_usage_error (error, _("--%s: unknown value “%s” (expected one of: %s)"), option, value, valid);
}

/* --map-sector LABEL=CODE: the label's last “=” ends it. */
static gboolean
map_labels (ZsImportJob  *job,
            const char   *field,
            const char   *option,
            char        **maps,
            GError      **error)
{
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      const char *eq = strrchr (maps[i], '=');
      g_autofree char *label = eq ? g_strndup (maps[i], eq - maps[i]) : NULL;

      if (label == NULL || label[0] == '\0' || eq[1] == '\0')
        return zs_cli_usage_error (error, _("--%s: expected LABEL=CODE, got “%s”"), option, maps[i]);
      if (!zs_import_job_map_label (job, field, label, eq + 1, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
configure (ZsImportJob          *job,
           const ImportOptions  *options,
           GError              **error)
{
  const char *duplicates[] = { "skip", "update", "fail", NULL };
  const char *errors[] = { "skip", "abort", NULL };
  const char *encodings[] = { "auto", "utf-8", "gb18030", NULL };
  int duplicate = 0, on_error = 0, encoding = 0;

  if (!choose ("on-duplicate", options->on_duplicate, duplicates, &duplicate, error) ||
      !choose ("on-error", options->on_error, errors, &on_error, error) ||
      !choose ("encoding", options->encoding, encodings, &encoding, error))
    return FALSE;
  if (options->batch_size != NULL)
    {
      guint64 rows = 0;

      if (!g_ascii_string_to_unsigned (options->batch_size, 10, 1, G_MAXUINT, &rows, NULL))
        return zs_cli_usage_error (error, _("--batch-size: expected a positive number of rows, got “%s”"),
                                   options->batch_size);
      zs_import_job_set_batch_size (job, (guint) rows);
    }

  zs_import_job_set_duplicate_policy (job, duplicate);
  zs_import_job_set_error_policy (job, on_error);
  zs_import_job_set_encoding (job, encodings[encoding]);
  zs_import_job_set_sheet (job, options->sheet);
  zs_import_job_set_rejects_path (job, options->rejects);
  zs_import_job_set_dry_run (job, options->dry_run);

  for (guint i = 0; options->maps != NULL && options->maps[i] != NULL; i++)
    {
      const char *eq = strrchr (options->maps[i], '=');
      g_autofree char *column = eq ? g_strndup (options->maps[i], eq - options->maps[i]) : NULL;

      if (column == NULL || column[0] == '\0' || eq[1] == '\0')
        return zs_cli_usage_error (error, _("--map: expected COLUMN=FIELD, got “%s”"), options->maps[i]);
      if (!zs_import_job_add_mapping (job, column, eq + 1, error))
        return FALSE;
    }
  zs_import_job_set_warnings_path (job, options->warnings);
  return map_labels (job, "sectors", "map-sector", options->map_sectors, error) &&
         map_labels (job, "region_code", "map-region", options->map_regions, error);
}

static JsonNode *
summary_json (ZsImportJob         *job,
              const char          *file,
              const ImportOptions *options)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char * const *mapping = zs_import_job_get_mapping (job);
  const char * const *unmapped = zs_import_job_get_unmapped_columns (job);
  g_autoptr(GVariant) warnings = zs_import_job_get_warnings (job);
  g_autofree char *warnings_file = zs_import_job_get_warnings_path (job);
  GVariantIter iter;
  const char *field, *label;
  const char **codes, **names;
  guint32 rows;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "import_id");
  if (zs_import_job_get_import_id (job) != 0)
    json_builder_add_int_value (b, zs_import_job_get_import_id (job));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, file);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, zs_import_job_get_source_description (job));
  json_builder_set_member_name (b, "dry_run");
  json_builder_add_boolean_value (b, options->dry_run);
#define COUNT(name) json_builder_set_member_name (b, #name); json_builder_add_int_value (b, zs_import_job_get_##name (job));
  COUNT (rows_read) COUNT (inserted) COUNT (updated) COUNT (skipped) COUNT (rejected)
#undef COUNT
  json_builder_set_member_name (b, "rejects_file");
  if (options->rejects != NULL)
    json_builder_add_string_value (b, options->rejects);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "mapping");
  json_builder_begin_object (b);
  for (guint i = 0; mapping != NULL && mapping[i] != NULL; i++)
    {
      const char *eq = strrchr (mapping[i], '=');
      g_autofree char *column = g_strndup (mapping[i], eq - mapping[i]);

      json_builder_set_member_name (b, column);
      json_builder_add_string_value (b, eq + 1);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "unmapped_columns");
  json_builder_begin_array (b);
  for (guint i = 0; unmapped != NULL && unmapped[i] != NULL; i++)
    json_builder_add_string_value (b, unmapped[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "warnings_file");
  if (warnings_file != NULL)
    json_builder_add_string_value (b, warnings_file);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  g_variant_iter_init (&iter, warnings);
  while (g_variant_iter_next (&iter, "(&s&su^a&s^a&s)", &field, &label, &rows, &codes, &names))
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, field);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, label);
      json_builder_set_member_name (b, "count");
      json_builder_add_int_value (b, rows);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, codes[0] == NULL ? "unknown" : "ambiguous");
      json_builder_set_member_name (b, "candidates");
      json_builder_begin_array (b);
      for (guint i = 0; codes[i] != NULL; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, codes[i]);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, names[i]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      g_free (codes);
      g_free (names);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Each label left out, with its rows and candidates. */
static void
print_warnings (ZsImportJob *job)
{
  g_autoptr(GVariant) warnings = zs_import_job_get_warnings (job);
  g_autofree char *warnings_file = zs_import_job_get_warnings_path (job);
  GVariantIter iter;
  const char *field, *label;
  const char **codes, **names;
  guint32 rows;

  if (g_variant_n_children (warnings) == 0)
    return;
  g_print (_("Imported without labels that name no code or several (kept in the firms' notes; "
             "map them with --map-sector LABEL=CODE or --map-region LABEL=CODE, "
             "find the firms with “firms list --unmapped-sector”):\n"));
  g_variant_iter_init (&iter, warnings);
  while (g_variant_iter_next (&iter, "(&s&su^a&s^a&s)", &field, &label, &rows, &codes, &names))
    {
      g_autoptr(GString) candidates = g_string_new (NULL);

      for (guint i = 0; codes[i] != NULL; i++)
        g_string_append_printf (candidates, "%s%s (%s)", i > 0 ? ", " : "", codes[i], names[i]);
      if (codes[0] == NULL && g_str_equal (field, "sectors"))
        g_print (g_dngettext (NULL, "  %s “%s”: %u row, no sector matches\n",
                              "  %s “%s”: %u rows, no sector matches\n", rows),
                 field, label, rows);
      else if (codes[0] == NULL)
        g_print (g_dngettext (NULL, "  %s “%s”: %u row, no region matches\n",
                              "  %s “%s”: %u rows, no region matches\n", rows),
                 field, label, rows);
      else
        g_print (g_dngettext (NULL, "  %s “%s”: %u row, could be %s\n",
                              "  %s “%s”: %u rows, could be %s\n", rows),
                 field, label, rows, candidates->str);
      g_free (codes);
      g_free (names);
    }
  if (warnings_file != NULL)
    g_print (_("Labels left out: %s\n"), warnings_file);
}

static void
print_summary (ZsCli               *cli,
               ZsImportJob         *job,
               const char          *file,
               const ImportOptions *options)
{
  g_autoptr(JsonNode) node = summary_json (job, file, options);
  const char * const *unmapped = zs_import_job_get_unmapped_columns (job);
  g_autofree char *unmapped_text = unmapped ? g_strjoinv (", ", (char **) unmapped) : g_strdup ("");

  if (cli->json)
    {
      zs_cli_print_json (node);
      return;
    }
  g_print (_("%s: read %" PRIu64 ", inserted %" PRIu64 ", updated %" PRIu64
             ", skipped %" PRIu64 ", rejected %" PRIu64 "%s\n"),
           zs_import_job_get_source_description (job),
           zs_import_job_get_rows_read (job), zs_import_job_get_inserted (job),
           zs_import_job_get_updated (job), zs_import_job_get_skipped (job),
           zs_import_job_get_rejected (job), options->dry_run ? _(" (dry run: nothing written)") : "");
  if (unmapped_text[0] != '\0')
    g_print (_("Columns not imported: %s\n"), unmapped_text);
  if (zs_import_job_get_rejected (job) > 0 && options->rejects != NULL)
    g_print (_("Refused rows and their reasons: %s\n"), options->rejects);
  print_warnings (job);
  if (zs_import_job_get_import_id (job) != 0)
    g_print (_("Undo this import with: zhaoshang-cli imports undo %" PRId64 "\n"),
             zs_import_job_get_import_id (job));
}

gboolean
zs_cli_import (ZsCli    *cli,
               GStrv    *args,
               GError  **error)
{
  g_auto(ImportOptions) options = { 0 };
  g_autoptr(ZsImportJob) job = NULL;
  ZsImportEntity entity;
  ZsRecordType *type = NULL;
  Progress progress = { g_get_monotonic_time (), g_get_monotonic_time (), isatty (STDERR_FILENO) };
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &options.dry_run, N_("Check every row and count, but write nothing"), NULL },
    { "rejects", 0, 0, G_OPTION_ARG_FILENAME, &options.rejects, N_("Write refused rows with line, column and reason to FILE"), N_("FILE") },
    { "warnings", 0, 0, G_OPTION_ARG_FILENAME, &options.warnings, N_("Write the sector and region labels that name no code, or several, to FILE (default: NAME-warnings.csv beside --rejects)"), N_("FILE") },
    { "map-sector", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.map_sectors, N_("Read the sector text LABEL as the sector CODE; repeatable"), N_("LABEL=CODE") },
    { "map-region", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.map_regions, N_("Read the region text LABEL as the region CODE; repeatable"), N_("LABEL=CODE") },
    { "on-duplicate", 0, 0, G_OPTION_ARG_STRING, &options.on_duplicate, N_("skip (default), update or fail"), N_("POLICY") },
    { "on-error", 0, 0, G_OPTION_ARG_STRING, &options.on_error, N_("skip (default: refuse the row, go on) or abort (all or nothing)"), N_("POLICY") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &options.encoding, N_("auto (default), utf-8 or gb18030"), N_("ENCODING") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.maps, N_("Read COLUMN as FIELD (FIELD “-” ignores it); repeatable"), N_("COLUMN=FIELD") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &options.sheet, N_("The XLSX sheet to read (default: the first)"), N_("NAME") },
    { "batch-size", 0, 0, G_OPTION_ARG_STRING, &options.batch_size, N_("Commit every N rows when bad rows are skipped (default: 20000; sooner after 4 MiB of text)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 2, error) ||
      (!names_record_type ((*args)[1]) && !g_strv_contains (core_type_names, (*args)[1]) &&
       !parse_entity ((*args)[1], &entity, error)) ||
      !zs_cli_open (cli, FALSE, error) ||
      !lookup_target (cli, (*args)[1], &entity, &type, error))
    return FALSE;

  if (type != NULL)
    job = zs_import_job_new_for_type (cli->store, zs_record_type_get_name (type), (*args)[2], error);
  else
    job = zs_import_job_new (cli->store, entity, (*args)[2]);
  if (job == NULL || !configure (job, &options, error))
    return FALSE;
  g_signal_connect (job, "progress", G_CALLBACK (on_progress), &progress);
  if (!zs_import_job_run (job, NULL, error))
    return FALSE;
  print_summary (cli, job, (*args)[2], &options);
  return TRUE;
}

gboolean
zs_cli_export (ZsCli    *cli,
               GStrv    *args,
               GError  **error)
{
  gboolean bom = FALSE;
  gboolean raw = FALSE;
  ZsImportEntity entity;
  ZsRecordType *type = NULL;
  gint64 written;
  const GOptionEntry entries[] = {
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start a CSV file with a byte order mark, so Excel reads it as UTF-8"), NULL },
    { "raw", 0, 0, G_OPTION_ARG_NONE, &raw, N_("Write CSV values as they are, without the apostrophe before values a spreadsheet would run as formulas"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 2, error) ||
      (!names_record_type ((*args)[1]) && !g_strv_contains (core_type_names, (*args)[1]) &&
       !parse_entity ((*args)[1], &entity, error)) ||
      !zs_cli_open (cli, FALSE, error) ||
      !lookup_target (cli, (*args)[1], &entity, &type, error))
    return FALSE;

  if (type != NULL)
    written = zs_store_export_records (cli->store, zs_record_type_get_name (type), (*args)[2],
                                       bom, !raw, NULL, error);
  else
    written = zs_store_export_full (cli->store, entity, (*args)[2], bom, !raw, NULL, error);
  if (written < 0)
    return FALSE;
  zs_cli_print_done (cli, "exported", zs_cli_int_node (written));
  if (!cli->json)
    g_print (_("%" PRId64 " records written to %s\n"), written, (*args)[2]);
  return TRUE;
}

static const char * const import_columns[] = {
  "id", "started_at", "actor", "entity", "file", "status", "rows_read", "inserted", "updated",
  "skipped", "rejected", NULL
};

gboolean
zs_cli_imports_list (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!zs_cli_parse (cli, args, NULL, NULL, 0, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !(json = zs_store_list_imports_json (cli->store, error)) ||
      !(node = json_from_string (json, error)))
    return FALSE;
  if (cli->json)
    zs_cli_print_json (node);
  else
    zs_cli_print_table (json_node_get_array (node), import_columns);
  return TRUE;
}

gboolean
zs_cli_imports_undo (ZsCli    *cli,
                     GStrv    *args,
                     GError  **error)
{
  gboolean force = FALSE;
  gint64 id;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Undo even if records the import wrote were changed since"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!zs_cli_parse (cli, args, entries, NULL, 1, error) ||
      !zs_cli_parse_id ("import", (*args)[1], &id, error) ||
      !zs_cli_open (cli, FALSE, error) ||
      !zs_store_undo_import_full (cli->store, id, force ? ZS_REVERT_FLAGS_FORCE : ZS_REVERT_FLAGS_NONE,
                                  error))
    return FALSE;
  zs_cli_print_done (cli, "id", zs_cli_int_node (id));
  return TRUE;
}
