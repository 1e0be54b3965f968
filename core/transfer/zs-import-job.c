/* zs-import-job.c: batch import that loses nothing
 *
 * Rows are read from CSV, XLSX or JSON lines, mapped to fields by their
 * headers, validated by the same rules as every other write, checked for
 * duplicates in the file and in the database, and written in batches. A row
 * is all or nothing (a savepoint each), a batch is one transaction, and
 * every write carries the import's id in the audit trail so the whole import
 * can be undone. Re-running a file after a crash converges to the same
 * state: what was committed is found again as duplicates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zs-csv-reader.h"
#include "zs-enums.h"
#include "zs-error.h"
#include "zs-firm-name.h"
#include "zs-import-pipeline.h"
#include "zs-import-private.h"
#include "zs-row-sink.h"
#include "zs-row-source.h"

/* Each commit writes out every page its batch touched; the code and
 * name-hash indexes take rows in random order, so larger batches write
 * each page fewer times (200k rows: 8 % less CPU than 5000). A batch also
 * ends once its rows hold BATCH_TEXT_BYTES of text: the search index's
 * memory follows the text a batch indexes, and 20 000 rows of long
 * business scopes (480 bytes a row) took 1M rows from 125 MiB to 306. */
#define DEFAULT_BATCH_SIZE 20000
#define BATCH_TEXT_BYTES (4 * 1024 * 1024)
/* Every so many rows a batch looks whether another writer waits for the
 * lock, and if so ends early: a user's edit then waits for a few hundred
 * rows, not for a whole batch. */
#define WAITER_CHECK_ROWS 256
/* Each attempt waits as long as any writer does (5 s). */
#define BATCH_LOCK_ATTEMPTS 12
#define PROGRESS_EVERY 1000

/* A firm imported without a sector or region label that named no code, or
 * several, keeps the label in its notes after one of these, where
 * zs_store_list_firms_unmapped () finds it. */
#define UNMAPPED_SECTOR_MARK "【未映射行业】"
#define UNMAPPED_REGION_MARK "【未映射地区】"

/* A label of the file left out of the records, and how often. */
typedef struct {
  ZsImportUnmapped *unmapped;
  guint             rows;
} Warning;

static void
warning_free (Warning *warning)
{
  _zs_import_unmapped_unref (warning->unmapped);
  g_free (warning);
}

typedef enum {
  OUTCOME_INSERTED,
  OUTCOME_UPDATED,
  OUTCOME_SKIPPED,
  OUTCOME_REJECTED,
} Outcome;

struct _ZsImportJob
{
  GObject               parent_instance;

  ZsStore              *store;
  ZsImportEntity        entity;
  char                 *path;
  char                 *encoding;
  char                 *sheet;
  char                 *rejects_path;
  char                 *warnings_path;
  GPtrArray            *label_maps;     /* field, label, code, … */
  ZsDuplicatePolicy     on_duplicate;
  ZsErrorPolicy         on_error;
  gboolean              dry_run;
  gboolean              single_thread;  /* read, parse and write in one thread */
  guint                 batch_size;
  GHashTable           *user_mapping;   /* column header → field name */

  /* records of a record type (zs_import_job_new_for_type ()) */
  ZsRecordType         *record_type;
  ZsImportField        *type_fields;
  GPtrArray            *type_strings;

  /* results */
  gboolean              read_ahead;     /* rows were read and parsed in a thread of their own */
  gint64                import_id;
  guint64               rows_read;
  guint64               inserted;
  guint64               updated;
  guint64               skipped;
  guint64               rejected;
  ZsImportCounts        committed;      /* the counts as of the last commit */
  GStrv                 mapping;
  GStrv                 unmapped;
  char                 *description;
  GPtrArray            *warnings;       /* Warning, in the order first met */
  GHashTable           *warnings_by_label;  /* "field\x1flabel" → Warning */

  /* while running */
  GStrv                 header;
  const ZsImportField **columns;
  ZsImportLookups      *lookups;
  ZsRowSink            *rejects;
  gint64                first_new_id;
  GArray               *new_lines;      /* line of each record created, by id - first_new_id */
  char                 *reject_column;
  gboolean              full_rows;      /* CSV rows must have every field */
  guint                 batch_rows;     /* rows read since the batch began */
  gsize                 batch_bytes;    /* and their text */
};

G_DEFINE_FINAL_TYPE (ZsImportJob, zs_import_job, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_run_state (ZsImportJob *self)
{
  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->lookups, _zs_import_lookups_free);
  g_clear_object (&self->rejects);
  g_clear_pointer (&self->new_lines, g_array_unref);
  g_clear_pointer (&self->reject_column, g_free);
}

static void
zs_import_job_finalize (GObject *object)
{
  ZsImportJob *self = (ZsImportJob *) object;

  clear_run_state (self);
  g_clear_object (&self->store);
  g_free (self->path);
  g_free (self->encoding);
  g_free (self->sheet);
  g_free (self->rejects_path);
  g_free (self->warnings_path);
  g_ptr_array_unref (self->label_maps);
  g_clear_pointer (&self->warnings_by_label, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_hash_table_unref (self->user_mapping);
  g_clear_object (&self->record_type);
  g_free (self->type_fields);
  g_clear_pointer (&self->type_strings, g_ptr_array_unref);
  g_strfreev (self->mapping);
  g_strfreev (self->unmapped);
  g_free (self->description);

  G_OBJECT_CLASS (zs_import_job_parent_class)->finalize (object);
}

static void
zs_import_job_class_init (ZsImportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zs_import_job_finalize;

  /**
   * ZsImportJob::progress:
   * @self: the job
   * @rows_read: data rows read so far
   * @fraction: how much of the file was read, 0 to 1
   *
   * Emitted every thousand rows; for zs_import_job_run_async() in the
   * main context of the caller.
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_DOUBLE);
}

static void
zs_import_job_init (ZsImportJob *self)
{
  self->batch_size = DEFAULT_BATCH_SIZE;
  self->user_mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->label_maps = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) warning_free);
  self->warnings_by_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * zs_import_job_new:
 * @store: the store to import into
 * @entity: what the rows are
 * @path: the file: .csv (any delimiter, UTF-8 or GB18030), .xlsx, .jsonl
 *
 * Returns: (transfer full): a job; set options, then run it
 */
ZsImportJob *
zs_import_job_new (ZsStore        *store,
                   ZsImportEntity  entity,
                   const char     *path)
{
  ZsImportJob *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (ZS_TYPE_IMPORT_JOB, NULL);
  self->store = g_object_ref (store);
  self->entity = entity;
  self->path = g_strdup (path);
  return self;
}

/**
 * zs_import_job_new_for_type:
 * @store: the store to import into
 * @type_name: a record type's name, core ("contact"…) or declared by a
 *   plugin ("visit_notes.note")
 * @path: the file: .csv (any delimiter, UTF-8 or GB18030), .xlsx, .jsonl
 * @error: return location for a #GError
 *
 * An import of records of any record type through the record API: columns
 * are mapped by the field's name or label, values read by the field's
 * kind and checked by the type's rules; a row whose unique field matches
 * a stored record is a duplicate. Rejects, mapping, batches and undo are
 * those of every import.
 *
 * Returns: (transfer full): a job, or %NULL with %ZS_ERROR_NOT_FOUND for
 *   an unknown type
 */
ZsImportJob *
zs_import_job_new_for_type (ZsStore     *store,
                            const char  *type_name,
                            const char  *path,
                            GError     **error)
{
  ZsRecordType *type;
  ZsImportJob *self;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!(type = zs_store_lookup_record_type (store, type_name)))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_NOT_FOUND, _("“%s” is not a record type"), type_name);
      return NULL;
    }
  self = zs_import_job_new (store, ZS_IMPORT_ENTITY_CONTACTS, path);
  self->record_type = g_object_ref (type);
  self->type_strings = g_ptr_array_new_with_free_func (g_free);
  self->type_fields = _zs_import_type_fields_new (type, self->type_strings);
  return self;
}

static const ZsImportField *
find_field (ZsImportJob *self,
            const char  *name)
{
  if (self->record_type != NULL)
    return _zs_import_type_find_field (self->type_fields, name);
  return _zs_import_find_field (self->entity, name);
}

static const char *
entity_name (ZsImportJob *self)
{
  if (self->record_type != NULL)
    return zs_record_type_get_name (self->record_type);
  return _zs_import_entity_name (self->entity);
}

/**
 * zs_import_job_set_encoding:
 * @self: a #ZsImportJob
 * @encoding: (nullable): "auto", "utf-8" or "gb18030"
 */
void
zs_import_job_set_encoding (ZsImportJob *self,
                            const char  *encoding)
{
  g_return_if_fail (ZS_IS_IMPORT_JOB (self));
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

/**
 * zs_import_job_set_sheet:
 * @self: a #ZsImportJob
 * @sheet: (nullable): the XLSX sheet, %NULL for the first
 */
void
zs_import_job_set_sheet (ZsImportJob *self,
                         const char  *sheet)
{
  g_return_if_fail (ZS_IS_IMPORT_JOB (self));
  g_free (self->sheet);
  self->sheet = g_strdup (sheet);
}

/**
 * zs_import_job_set_rejects_path:
 * @self: a #ZsImportJob
 * @path: (nullable): where to write the refused rows: the original columns
 *   followed by `_line`, `_column` and `_reason`, ready to fix and re-import
 */
void
zs_import_job_set_rejects_path (ZsImportJob *self,
                                const char  *path)
{
  g_return_if_fail (ZS_IS_IMPORT_JOB (self));
  g_free (self->rejects_path);
  self->rejects_path = g_strdup (path);
}

/**
 * zs_import_job_set_warnings_path:
 * @self: a #ZsImportJob
 * @path: (nullable): where to write the sector and region labels that
 *   were left out of the records (field, label, rows, candidates); by
 *   default NAME-warnings.csv beside the rejects file, if there is one
 */
void
zs_import_job_set_warnings_path (ZsImportJob *self,
                                 const char  *path)
{
  g_return_if_fail (ZS_IS_IMPORT_JOB (self));
  g_free (self->warnings_path);
  self->warnings_path = g_strdup (path);
}

/**
 * zs_import_job_get_warnings_path:
 * @self: a #ZsImportJob
 *
 * Returns: (nullable): the warnings file the import writes: the one set,
 *   else the one beside the rejects file
 */
char *
zs_import_job_get_warnings_path (ZsImportJob *self)
{
  const char *dot;
  g_autofree char *base = NULL;

  g_return_val_if_fail (ZS_IS_IMPORT_JOB (self), NULL);
  if (self->warnings_path != NULL)
    return g_strdup (self->warnings_path);
  if (self->rejects_path == NULL)
    return NULL;
  base = g_path_get_basename (self->rejects_path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    {
      g_autofree char *stem = g_strndup (self->rejects_path, strlen (self->rejects_path) - strlen (dot));

      return g_strconcat (stem, "-warnings", dot, NULL);
    }
  return g_strconcat (self->rejects_path, "-warnings.csv", NULL);
}

/**
 * zs_import_job_map_label:
 * @self: a #ZsImportJob
 * @field: "sectors" or "region_code"
 * @label: a sector (region) text of the file
 * @code: the sector (region) code it stands for
 * @error: return location for a #GError
 *
 * Reads @label as @code, before any other way of resolving it. Whether
 * @code exists is checked when the import starts.
 *
 * Returns: %FALSE if @field is neither
 */
gboolean
zs_import_job_map_label (ZsImportJob  *self,
                         const char   *field,
                         const char   *label,
                         const char   *code,
                         GError      **error)
{
  g_return_val_if_fail (ZS_IS_IMPORT_JOB (self), FALSE);

  if (!g_str_equal (field, "sectors") && !g_str_equal (field, "region_code"))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("Only sector and region labels can be mapped, not “%s”"), field);
      return FALSE;
    }
  g_ptr_array_add (self->label_maps, g_strdup (field));
  g_ptr_array_add (self->label_maps, g_strdup (label));
  g_ptr_array_add (self->label_maps, g_strdup (code));
  return TRUE;
}

/**
 * zs_import_job_get_warnings:
 * @self: a #ZsImportJob
 *
 * The sector and region labels of the file that named no code, or
 * several, and were left out of the firms imported (each keeps its label
 * in its notes): field, label, the number of rows imported with it, and
 * the candidate codes with their names.
 *
 * Returns: (transfer full): a #GVariant of type `a(ssuasas)`
 */
GVariant *
zs_import_job_get_warnings (ZsImportJob *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (ZS_IS_IMPORT_JOB (self), NULL);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssuasas)"));
  for (guint i = 0; i < self->warnings->len; i++)
    {
      Warning *warning = self->warnings->pdata[i];

      g_variant_builder_add (&builder, "(ssu^as^as)", warning->unmapped->field, warning->unmapped->label,
                             warning->rows, warning->unmapped->candidates, warning->unmapped->candidate_names);
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

void
zs_import_job_set_duplicate_policy (ZsImportJob       *self,
                                    ZsDuplicatePolicy  policy)
{
  g_return_if_fail (ZS_IS_IMPORT_JOB (self));
  self->on_duplicate = policy;
}

void
zs_import_job_set_error_policy (ZsImportJob   *self,
                                ZsErrorPolicy  policy)
{
  g_return_if_fail (ZS_IS_IMPORT_JOB (self));
  self->on_error = policy;
}

/**
 * zs_import_job_set_dry_run:
 * @self: a #ZsImportJob
 * @dry_run: validate and count everything, then write nothing
 */
void
zs_import_job_set_dry_run (ZsImportJob *self,
                           gboolean     dry_run)
{
  g_return_if_fail (ZS_IS_IMPORT_JOB (self));
  self->dry_run = dry_run;
}

/**
 * zs_import_job_set_batch_size:
 * @self: a #ZsImportJob
 * @batch_size: rows per transaction when bad rows are skipped
 *
 * A batch ends sooner if its rows hold 4 MiB of text, which bounds the
 * memory an import takes.
 */
void
zs_import_job_set_batch_size (ZsImportJob *self,
                              guint        batch_size)
{
  g_return_if_fail (ZS_IS_IMPORT_JOB (self));
  self->batch_size = MAX (batch_size, 1);
}

/**
 * _zs_import_job_set_single_thread:
 * @self: a #ZsImportJob
 * @single_thread: read, parse and write every row in the thread that runs
 *   the import, as imports that cannot read ahead do
 *
 * For tests that compare the two ways: they must give the same results.
 */
void
_zs_import_job_set_single_thread (ZsImportJob *self,
                                  gboolean     single_thread)
{
  g_return_if_fail (ZS_IS_IMPORT_JOB (self));
  self->single_thread = single_thread;
}

/**
 * _zs_import_job_get_read_ahead:
 * @self: a #ZsImportJob
 *
 * Returns: whether the last run read and parsed its rows in a thread of
 *   their own, ahead of the writes
 */
gboolean
_zs_import_job_get_read_ahead (ZsImportJob *self)
{
  g_return_val_if_fail (ZS_IS_IMPORT_JOB (self), FALSE);
  return self->read_ahead;
}

/**
 * zs_import_job_add_mapping:
 * @self: a #ZsImportJob
 * @column: a column header of the file
 * @field: one of zs_import_entity_get_fields(), or "-" to ignore the column
 * @error: return location for a #GError
 *
 * Maps a column explicitly, overriding the recognised headers.
 *
 * Returns: %TRUE if @field is known
 */
gboolean
zs_import_job_add_mapping (ZsImportJob  *self,
                           const char   *column,
                           const char   *field,
                           GError      **error)
{
  g_return_val_if_fail (ZS_IS_IMPORT_JOB (self), FALSE);

  if (!g_str_equal (field, "-") && find_field (self, field) == NULL)
    {
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) fields = NULL;
      g_autofree char *known = NULL;

      if (self->record_type != NULL)
        {
          for (const ZsImportField *f = self->type_fields; f->field != NULL; f++)
            if (f->kind != ZS_IMPORT_KIND_IGNORED)
              g_strv_builder_add (names, f->field);
        }
      else
        g_strv_builder_addv (names, (const char **) zs_import_entity_get_fields (self->entity));
      fields = g_strv_builder_end (names);
      known = g_strjoinv (", ", fields);
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   _("map: unknown field “%s” (expected one of: %s)"), field, known);
      return FALSE;
    }
  g_hash_table_replace (self->user_mapping, g_strdup (column), g_strdup (field));
  return TRUE;
}

static const ZsImportField *
field_for_column (ZsImportJob *self,
                  const char  *column)
{
  const char *mapped = g_hash_table_lookup (self->user_mapping, column);

  if (mapped != NULL)
    return g_str_equal (mapped, "-") ? NULL : find_field (self, mapped);
  if (self->record_type != NULL)
    return _zs_import_type_match_header (self->type_fields, column);
  return _zs_import_match_header (self->entity, column);
}

static const char * const required_fields[][3] = {
  [ZS_IMPORT_ENTITY_FIRMS] = { "name", "uscc", NULL },
  [ZS_IMPORT_ENTITY_CONTACTS] = { "firm", "name", NULL },
  [ZS_IMPORT_ENTITY_PROJECTS] = { "firm", "title", NULL },
  [ZS_IMPORT_ENTITY_ACTIVITIES] = { "firm", "date", NULL },
};

static gboolean
map_columns (ZsImportJob  *self,
             GError      **error)
{
  guint n = g_strv_length (self->header);
  g_autoptr(GStrvBuilder) mapping = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) unmapped = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) type_required = self->record_type ? _zs_import_type_required (self->record_type) : NULL;
  const char * const *required = type_required ? (const char * const *) type_required : required_fields[self->entity];

  self->columns = g_new0 (const ZsImportField *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const ZsImportField *field = field_for_column (self, self->header[i]);

      /* A field takes the first column that names it. */
      if (field != NULL && g_hash_table_contains (seen, field->field))
        field = NULL;
      self->columns[i] = field;
      if (field == NULL)
        g_strv_builder_add (unmapped, self->header[i]);
      else if (field->kind != ZS_IMPORT_KIND_IGNORED)
        {
          g_hash_table_add (seen, (gpointer) field->field);
          g_autofree char *pair = g_strdup_printf ("%s=%s", self->header[i], field->field);
          g_strv_builder_add (mapping, pair);
        }
    }
  self->mapping = g_strv_builder_end (mapping);
  self->unmapped = g_strv_builder_end (unmapped);

  for (guint i = 0; required[i] != NULL; i++)
    if (!g_hash_table_contains (seen, required[i]))
      {
        g_autofree char *headers = g_strjoinv (", ", self->header);
        g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                     _("No column holds the field “%s” (columns: %s); name one with --map COLUMN=%s"),
                     required[i], headers, required[i]);
        return FALSE;
      }
  return TRUE;
}

/* Length of the field name that starts a core error ("uscc: …", in Chinese
 * "uscc：…"), or 0; *@reason is set to what follows it. */
static gsize
error_field_length (const char  *message,
                    const char **reason)
{
  gsize length = 0;

  while (g_ascii_isalnum (message[length]) || message[length] == '_' || message[length] == '-')
    length++;
  if (length == 0)
    return 0;
  if (message[length] == ':')
    *reason = message + length + 1;
  else if (g_str_has_prefix (message + length, "\357\274\232"))   /* U+FF1A FULLWIDTH COLON */
    *reason = message + length + 3;
  else
    return 0;
  while (**reason == ' ')
    (*reason)++;
  return length;
}

/* Core errors start with the field name: find its column. */
static char *
column_of_error (ZsImportJob  *self,
                 const GError *error)
{
  const char *reason = NULL;
  gsize length = error_field_length (error->message, &reason);
  g_autofree char *field = length > 0 ? g_strndup (error->message, length) : NULL;

  for (guint i = 0; field != NULL && self->header[i] != NULL; i++)
    {
      const ZsImportField *f = self->columns[i];
      g_autofree char *property = f && f->property ? g_strdelimit (g_strdup (f->property), "-", '_') : NULL;

      if (f != NULL && (g_str_equal (f->field, field) || g_strcmp0 (property, field) == 0 ||
                        (g_str_equal (field, "sector") && g_str_equal (f->field, "sectors"))))
        return g_strdup (self->header[i]);
    }
  return g_strdup ("");
}

static gboolean
write_reject (ZsImportJob  *self,
              char        **fields,
              guint64       line,
              const char   *column,
              const char   *reason,
              GError      **error)
{
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_auto(GStrv) out = NULL;
  g_autofree char *line_text = g_strdup_printf ("%" PRIu64, line);
  guint n = g_strv_length (self->header);

  if (self->rejects == NULL)
    return TRUE;
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (row, fields && i < g_strv_length (fields) ? fields[i] : "");
  g_strv_builder_add_many (row, line_text, column ? column : "", reason, NULL);
  out = g_strv_builder_end (row);
  return zs_row_sink_write_row (self->rejects, (const char * const *) out, error);
}

typedef struct {
  GObject *record;
  char    *contact_name;
  char    *contact_phone;
  GStrv    set_properties;
  GPtrArray *unmapped;   /* ZsImportUnmapped: labels left out */
  char    *unmapped_note; /* and the lines that keep them in the notes */
} ParsedRow;

static void
parsed_row_clear (ParsedRow *row)
{
  g_clear_object (&row->record);
  g_clear_pointer (&row->contact_name, g_free);
  g_clear_pointer (&row->contact_phone, g_free);
  g_clear_pointer (&row->set_properties, g_strfreev);
  g_clear_pointer (&row->unmapped, g_ptr_array_unref);
  g_clear_pointer (&row->unmapped_note, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParsedRow, parsed_row_clear)

/* The labels left out are kept in the firm's notes, a line each. */
static void
keep_unmapped_in_notes (ParsedRow *row)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *notes = NULL;

  for (guint i = 0; i < row->unmapped->len; i++)
    {
      ZsImportUnmapped *unmapped = row->unmapped->pdata[i];

      if (note->len > 0)
        g_string_append_c (note, '\n');
      g_string_append_printf (note, "%s%s",
                              g_str_equal (unmapped->field, "sectors") ? UNMAPPED_SECTOR_MARK : UNMAPPED_REGION_MARK,
                              unmapped->label);
    }
  row->unmapped_note = g_string_free (g_steal_pointer (&note), FALSE);
  g_object_get (row->record, "notes", &notes, NULL);
  if (notes != NULL && notes[0] != '\0')
    {
      g_autofree char *both = g_strconcat (notes, "\n", row->unmapped_note, NULL);

      g_object_set (row->record, "notes", both, NULL);
    }
  else
    g_object_set (row->record, "notes", row->unmapped_note, NULL);
}

/* The same lines added to the notes of a firm the row updates, unless
 * they are there already. */
static void
append_unmapped_note (GObject         *existing,
                      const ParsedRow *row)
{
  g_auto(GStrv) lines = g_strsplit (row->unmapped_note, "\n", -1);
  g_autofree char *notes = NULL;
  g_autoptr(GString) updated = NULL;

  g_object_get (existing, "notes", &notes, NULL);
  updated = g_string_new (notes);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (updated->str, lines[i]) == NULL)
      {
        if (updated->len > 0)
          g_string_append_c (updated, '\n');
        g_string_append (updated, lines[i]);
      }
  g_object_set (existing, "notes", updated->str, NULL);
}

/* In the reading thread when the import is threaded: nothing here may
 * touch the store or what the writer changes (see can_read_ahead ()). */
static gboolean
parse_row (ZsImportJob  *self,
           char        **fields,
           ParsedRow    *row,
           char        **reject_column,
           GError      **error)
{
  g_autoptr(GStrvBuilder) set = g_strv_builder_new ();
  guint n = g_strv_length (self->header);

  if (self->record_type != NULL)
    row->record = zs_record_type_new_record (self->record_type);
  else
    row->record = g_object_new (_zs_import_entity_type (self->entity), NULL);
  for (guint i = 0; i < n && fields[i] != NULL; i++)
    {
      const ZsImportField *field = self->columns[i];
      g_autofree char *text = g_strstrip (g_strdup (fields[i]));
      GParamSpec *pspec;
      g_auto(GValue) value = G_VALUE_INIT;

      if (field == NULL || field->kind == ZS_IMPORT_KIND_IGNORED || text[0] == '\0')
        continue;
      if (field->kind == ZS_IMPORT_KIND_EXTRA)
        {
          char **target = g_str_equal (field->field, "contact_name") ? &row->contact_name : &row->contact_phone;
          g_free (*target);
          *target = g_steal_pointer (&text);
          continue;
        }

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (row->record), field->property);
      if (field->kind == ZS_IMPORT_KIND_RECORD_FIELD
          ? !_zs_import_type_parse_value (self->store, self->record_type, field, text, &value, error)
          : (g_value_init (&value, pspec->value_type),
             !_zs_import_parse_value (self->lookups, field, text, &value, error)))
        {
          *reject_column = g_strdup (self->header[i]);
          return FALSE;
        }
      if (field->kind == ZS_IMPORT_KIND_SECTORS || field->kind == ZS_IMPORT_KIND_REGION)
        {
          g_autoptr(GPtrArray) left_out = _zs_import_lookups_take_unmapped (self->lookups);

          if (left_out != NULL)
            {
              if (row->unmapped == NULL)
                row->unmapped = g_ptr_array_new_with_free_func ((GDestroyNotify) _zs_import_unmapped_unref);
              for (guint j = 0; j < left_out->len; j++)
                g_ptr_array_add (row->unmapped, _zs_import_unmapped_ref (left_out->pdata[j]));
              /* Nothing mapped sets nothing: an update keeps what the firm has. */
              if (field->kind == ZS_IMPORT_KIND_REGION
                  ? g_value_get_string (&value) == NULL
                  : (g_value_get_boxed (&value) == NULL || ((char **) g_value_get_boxed (&value))[0] == NULL))
                continue;
            }
        }
      g_object_set_property (row->record, field->property, &value);
      g_strv_builder_add (set, field->property);
    }
  row->set_properties = g_strv_builder_end (set);
  if (row->unmapped != NULL)
    keep_unmapped_in_notes (row);
  if (ZS_IS_FIRM (row->record))
    _zs_firm_prepare_write (ZS_FIRM (row->record));
  return TRUE;
}

/* The record this row names, if any: by USCC, else by normalised name for
 * firms; by firm and name, title or date for the others. */
static gint64
find_existing (ZsImportJob  *self,
               GObject      *record,
               GError      **error)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gint64 firm_id = 0;

  if (self->record_type != NULL)
    return _zs_import_type_find_existing (self->store, self->record_type, record, error);
  if (self->entity == ZS_IMPORT_ENTITY_FIRMS)
    {
      g_object_get (record, "uscc", &a, "name", &b, NULL);
      if (a != NULL)
        return _zs_store_find_firm_by_uscc (self->store, a, error);
      else if (b != NULL)
        return _zs_store_find_firm_by_name (self->store, b, error);
      else
        return 0;
    }
  else
    {
      g_object_get (record, "firm-id", &firm_id, NULL);
      if (self->entity == ZS_IMPORT_ENTITY_CONTACTS)
        {
          g_object_get (record, "name", &a, NULL);
          return _zs_store_find_contact (self->store, firm_id, a, error);
        }
      else if (self->entity == ZS_IMPORT_ENTITY_PROJECTS)
        {
          g_object_get (record, "title", &a, NULL);
          return _zs_store_find_project (self->store, firm_id, a, error);
        }
      else
        {
          ZsActivityKind kind;

          g_object_get (record, "date", &a, "notes", &b, "kind", &kind, NULL);
          return _zs_store_find_activity (self->store, firm_id, a,
                                          zs_enum_to_nick (ZS_TYPE_ACTIVITY_KIND, kind), b, error);
        }
    }
}

static gint64
insert_record (ZsImportJob  *self,
               GObject      *record,
               GError      **error)
{
  if (self->record_type != NULL)
    return zs_store_create_record (self->store, record, error);
  switch (self->entity)
    {
    case ZS_IMPORT_ENTITY_CONTACTS: return zs_store_add_contact (self->store, ZS_CONTACT (record), error);
    case ZS_IMPORT_ENTITY_PROJECTS: return zs_store_add_project (self->store, ZS_PROJECT (record), error);
    case ZS_IMPORT_ENTITY_ACTIVITIES: return zs_store_add_activity (self->store, ZS_ACTIVITY (record), error);
    case ZS_IMPORT_ENTITY_FIRMS:
    default: return zs_store_add_firm (self->store, ZS_FIRM (record), error);
    }
}

static gboolean
update_record (ZsImportJob         *self,
               gint64               id,
               const ParsedRow     *row,
               GError             **error)
{
  const ZsEntity *entity = self->record_type ? NULL : _zs_entity_lookup (_zs_import_entity_name (self->entity));
  g_autoptr(GObject) existing = self->record_type
    ? zs_store_get_record (self->store, entity_name (self), id, error)
    : _zs_record_load (self->store, entity, id, error);

  if (existing == NULL)
    return FALSE;
  /* Only the fields the row fills in; the stage moves only by "move". */
  for (guint i = 0; row->set_properties[i] != NULL; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (g_str_equal (row->set_properties[i], "stage"))
        continue;
      g_object_get_property (row->record, row->set_properties[i], &value);
      g_object_set_property (existing, row->set_properties[i], &value);
    }
  if (row->unmapped_note != NULL)
    append_unmapped_note (existing, row);
  if (self->record_type != NULL)
    return zs_store_update_record (self->store, existing, error);
  if (self->entity == ZS_IMPORT_ENTITY_FIRMS)
    return zs_store_update_firm (self->store, ZS_FIRM (existing), error);
  if (self->entity == ZS_IMPORT_ENTITY_PROJECTS)
    return zs_store_update_project (self->store, ZS_PROJECT (existing), error);
  if (self->entity == ZS_IMPORT_ENTITY_CONTACTS)
    return zs_store_update_contact (self->store, ZS_CONTACT (existing), error);
  return _zs_record_update (self->store, entity, existing, error);
}

static gboolean
add_row_contact (ZsImportJob      *self,
                 gint64            firm_id,
                 gboolean          new_firm,
                 const ParsedRow  *row,
                 GError          **error)
{
  g_autoptr(ZsContact) contact = NULL;

  if (row->contact_name == NULL)
    return TRUE;
  /* A firm this row created has no contacts yet. */
  if (!new_firm)
    {
      gint64 known = _zs_store_find_contact (self->store, firm_id, row->contact_name, error);

      if (known < 0)
        return FALSE;
      if (known > 0)
        return TRUE;
    }

  contact = zs_contact_new ();
  zs_contact_set_firm_id (contact, firm_id);
  zs_contact_set_name (contact, row->contact_name);
  zs_contact_set_phone (contact, row->contact_phone);
  return zs_store_add_contact (self->store, contact, error) != 0;
}

static void
remember_line (ZsImportJob *self,
               gint64       id,
               guint64      line)
{
  guint32 value = (guint32) MIN (line, G_MAXUINT32);

  if (self->first_new_id == 0)
    self->first_new_id = id;
  if (id - self->first_new_id >= (gint64) self->new_lines->len)
    g_array_set_size (self->new_lines, id - self->first_new_id + 1);
  g_array_index (self->new_lines, guint32, id - self->first_new_id) = value;
}

/* The line of this import that created @id, or 0 if an earlier import did. */
static guint64
line_that_created (ZsImportJob *self,
                   gint64       id)
{
  if (self->first_new_id == 0 || id < self->first_new_id ||
      id - self->first_new_id >= (gint64) self->new_lines->len)
    return 0;
  return g_array_index (self->new_lines, guint32, id - self->first_new_id);
}

static Outcome
apply_duplicate (ZsImportJob      *self,
                 gint64            id,
                 const ParsedRow  *row,
                 GError          **error)
{
  guint64 earlier = line_that_created (self, id);

  switch (self->on_duplicate)
    {
    case ZS_DUPLICATE_POLICY_UPDATE:
      if (!update_record (self, id, row, error))
        return OUTCOME_REJECTED;
      return OUTCOME_UPDATED;
    case ZS_DUPLICATE_POLICY_FAIL:
      if (earlier != 0)
        g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE,
                     _("duplicate of line %" PRIu64 " of this file"), earlier);
      else
        g_set_error (error, ZS_ERROR, ZS_ERROR_DUPLICATE,
                     _("already in the database as %s %" PRId64),
                     entity_name (self), id);
      return OUTCOME_REJECTED;
    case ZS_DUPLICATE_POLICY_SKIP:
    default:
      return OUTCOME_SKIPPED;
    }
}

static Outcome
write_row (ZsImportJob      *self,
           const ParsedRow  *row,
           guint64           line,
           GError          **error)
{
  gint64 id = find_existing (self, row->record, error);
  Outcome outcome;

  if (id < 0)
    return OUTCOME_REJECTED;
  if (id > 0)
    outcome = apply_duplicate (self, id, row, error);
  else if ((id = insert_record (self, row->record, error)) == 0)
    return OUTCOME_REJECTED;
  else
    {
      remember_line (self, id, line);
      outcome = OUTCOME_INSERTED;
    }

  if (outcome != OUTCOME_REJECTED && self->record_type == NULL && self->entity == ZS_IMPORT_ENTITY_FIRMS &&
      !add_row_contact (self, id, outcome == OUTCOME_INSERTED, row, error))
    return OUTCOME_REJECTED;
  return outcome;
}

static void
count_warnings (ZsImportJob *self,
                GPtrArray   *unmapped)
{
  for (guint i = 0; i < unmapped->len; i++)
    {
      ZsImportUnmapped *label = unmapped->pdata[i];
      g_autofree char *key = g_strconcat (label->field, "\x1f", label->label, NULL);
      Warning *warning = g_hash_table_lookup (self->warnings_by_label, key);

      if (warning == NULL)
        {
          warning = g_new0 (Warning, 1);
          warning->unmapped = _zs_import_unmapped_ref (label);
          g_ptr_array_add (self->warnings, warning);
          g_hash_table_insert (self->warnings_by_label, g_steal_pointer (&key), warning);
        }
      warning->rows++;
    }
}

/* A row as it comes out of the reading thread: parsed into a record, or
 * refused with the reason and the column. */
typedef struct {
  ParsedRow  row;
  GError    *error;
  char      *reject_column;
} PreparedRow;

static void
prepared_row_free (PreparedRow *prepared)
{
  parsed_row_clear (&prepared->row);
  g_clear_error (&prepared->error);
  g_free (prepared->reject_column);
  g_free (prepared);
}

/* The part of a row's import that needs no store: the row's shape, the
 * values read by their fields, the record built. */
static gpointer
prepare_row (char     **fields,
             guint64    line,
             gpointer   user_data)
{
  ZsImportJob *self = user_data;
  PreparedRow *prepared = g_new0 (PreparedRow, 1);
  guint n_fields = g_strv_length (fields);
  guint n_columns = g_strv_length (self->header);

  if (n_fields > n_columns || (self->full_rows && n_fields < n_columns))
    g_set_error (&prepared->error, ZS_ERROR, ZS_ERROR_INVALID,
                 _("the row has %u fields, the header %u"), n_fields, n_columns);
  else
    parse_row (self, fields, &prepared->row, &prepared->reject_column, &prepared->error);
  return prepared;
}

static Outcome
import_row (ZsImportJob  *self,
            PreparedRow  *prepared,
            guint64       line,
            GError      **error)
{
  Outcome outcome;

  g_clear_pointer (&self->reject_column, g_free);
  if (prepared->error != NULL)
    {
      self->reject_column = g_steal_pointer (&prepared->reject_column);
      g_propagate_error (error, g_steal_pointer (&prepared->error));
      return OUTCOME_REJECTED;
    }

  /* A row is all or nothing: a firm without the contact on its row is not
   * what the file said. */
  if (!_zs_store_savepoint (self->store, error))
    return OUTCOME_REJECTED;
  outcome = write_row (self, &prepared->row, line, error);
  if (outcome == OUTCOME_REJECTED)
    _zs_store_rollback_to (self->store);
  else if (!_zs_store_release (self->store, error))
    return OUTCOME_REJECTED;

  if (outcome == OUTCOME_REJECTED && self->reject_column == NULL && error && *error)
    self->reject_column = column_of_error (self, *error);
  if ((outcome == OUTCOME_INSERTED || outcome == OUTCOME_UPDATED) && prepared->row.unmapped != NULL)
    count_warnings (self, prepared->row.unmapped);
  return outcome;
}

static gboolean
start_import_record (ZsImportJob  *self,
                     GError      **error)
{
  if (self->dry_run)
    return TRUE;
  self->import_id = _zs_store_start_import (self->store, entity_name (self),
                                            self->path, error);
  if (self->import_id == 0)
    return FALSE;
  _zs_store_set_import_id (self->store, self->import_id);
  return TRUE;
}

static ZsImportCounts
current_counts (ZsImportJob *self)
{
  return (ZsImportCounts) { self->rows_read, self->inserted, self->updated, self->skipped, self->rejected };
}

/* Commits the batch with the import's counts in it, so that the import's
 * row always tells what is in the tables. */
static gboolean
commit_batch (ZsImportJob  *self,
              GError      **error)
{
  ZsImportCounts counts = current_counts (self);

  if (!_zs_store_update_import_counts (self->store, self->import_id, &counts, error) ||
      !zs_store_commit (self->store, error))
    return FALSE;
  self->committed = counts;
  return TRUE;
}

/* After a failure that rolled back the open batch: the counts go back to
 * what was committed, and the error says how far the import got. */
static void
forget_uncommitted (ZsImportJob  *self,
                    GError      **error)
{
  self->rows_read = self->committed.rows_read;
  self->inserted = self->committed.inserted;
  self->updated = self->committed.updated;
  self->skipped = self->committed.skipped;
  self->rejected = self->committed.rejected;
  if (error != NULL && *error != NULL && self->import_id != 0)
    {
      GError *stopped = g_error_new (ZS_ERROR, (*error)->domain == ZS_ERROR ? (*error)->code : ZS_ERROR_INVALID,
                                     _("%s\nImport %" PRId64 " keeps what it committed before: %" PRIu64
                                       " rows read, %" PRIu64 " inserted, %" PRIu64 " updated. Run the file "
                                       "again once fixed (rows already imported are found as duplicates), "
                                       "or undo the import."),
                                     (*error)->message, self->import_id, self->rows_read, self->inserted,
                                     self->updated);

      g_clear_error (error);
      *error = stopped;
    }
}

static void
finish_import_record (ZsImportJob *self,
                      const char  *status)
{
  ZsImportCounts counts = current_counts (self);
  g_autoptr(GError) error = NULL;

  _zs_store_set_import_id (self->store, 0);
  if (self->import_id == 0)
    return;
  if (!_zs_store_finish_import (self->store, self->import_id, status, &counts, &error))
    g_warning ("Could not record the end of import %" PRId64 ": %s", self->import_id, error->message);
}

static gboolean
open_rejects (ZsImportJob  *self,
              GError      **error)
{
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  g_auto(GStrv) row = NULL;

  if (self->rejects_path == NULL)
    return TRUE;
  if (!(self->rejects = zs_row_sink_create (self->rejects_path, FALSE, error)))
    return FALSE;
  g_strv_builder_addv (header, (const char **) self->header);
  g_strv_builder_add_many (header, "_line", "_column", "_reason", NULL);
  row = g_strv_builder_end (header);
  return zs_row_sink_write_row (self->rejects, (const char * const *) row, error);
}

static void
count (ZsImportJob *self,
       Outcome      outcome)
{
  switch (outcome)
    {
    case OUTCOME_INSERTED: self->inserted++; break;
    case OUTCOME_UPDATED: self->updated++; break;
    case OUTCOME_SKIPPED: self->skipped++; break;
    case OUTCOME_REJECTED: self->rejected++; break;
    default: break;
    }
}

static gboolean
in_one_transaction (ZsImportJob *self)
{
  return self->dry_run || self->on_error == ZS_ERROR_POLICY_ABORT;
}

static gboolean
handle_rejected (ZsImportJob  *self,
                 char        **fields,
                 guint64       line,
                 GError       *row_error,
                 GError      **error)
{
  const char *reason = row_error->message;

  /* The file names the column; the reason need not repeat the field's
   * internal name. */
  if (self->reject_column != NULL && self->reject_column[0] != '\0')
    error_field_length (row_error->message, &reason);
  if (!write_reject (self, fields, line, self->reject_column, reason, error))
    return FALSE;
  if (self->on_error == ZS_ERROR_POLICY_ABORT)
    {
      g_set_error (error, row_error->domain, row_error->code,
                   _("line %" PRIu64 ": %s; nothing was imported"), line, row_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
writer_waits (ZsImportJob *self)
{
  return self->batch_rows % WAITER_CHECK_ROWS == 0 && !self->dry_run && !in_one_transaction (self) &&
         _zs_store_writers_waiting (self->store);
}

/* Between batches nothing is half-written, so an import that finds the
 * lock held longer than a writer's usual wait (a slow machine, a long
 * write elsewhere) waits on rather than give up what is left. */
static gboolean
begin_next_batch (ZsImportJob  *self,
                  GError      **error)
{
  g_autoptr(GError) busy = NULL;

  for (guint attempt = 0; attempt < BATCH_LOCK_ATTEMPTS; attempt++)
    {
      g_clear_error (&busy);
      if (zs_store_begin (self->store, &busy))
        return TRUE;
      if (!g_error_matches (busy, ZS_ERROR, ZS_ERROR_BUSY))
        break;
    }
  g_propagate_error (error, g_steal_pointer (&busy));
  return FALSE;
}

static gboolean
next_batch (ZsImportJob  *self,
            gsize         row_bytes,
            GError      **error)
{
  self->batch_rows++;
  self->batch_bytes += row_bytes;
  if (self->batch_rows < self->batch_size && self->batch_bytes < BATCH_TEXT_BYTES &&
      !writer_waits (self))
    return TRUE;
  self->batch_rows = 0;
  self->batch_bytes = 0;
  /* A dry run is rolled back: its firms need no index entries. */
  if (self->dry_run)
    {
      _zs_store_drop_deferred (self->store);
      return TRUE;
    }
  /* In one transaction the audit and search index are still written a
   * batch at a time. */
  if (in_one_transaction (self))
    return _zs_store_write_deferred (self->store, error);
  if (!commit_batch (self, error))
    return FALSE;
  _zs_store_yield_to_writers (self->store);
  return begin_next_batch (self, error);
}

/* Whether rows can be parsed in a thread of their own, ahead of the
 * writer: not when reading a value asks the store (a firm named by its
 * code or name; a plugin's record type, whose fields may refer to other
 * records), since the store's connection belongs to the writer. */
static gboolean
can_read_ahead (ZsImportJob *self)
{
  if (self->single_thread || self->record_type != NULL)
    return FALSE;
  for (guint i = 0; self->header[i] != NULL; i++)
    if (self->columns[i] != NULL && self->columns[i]->kind == ZS_IMPORT_KIND_FIRM)
      return FALSE;
  return TRUE;
}

static gboolean
import_rows (ZsImportJob   *self,
             ZsRowSource   *source,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(ZsImportPipeline) rows = _zs_import_pipeline_new (source, can_read_ahead (self), prepare_row,
                                                              (GDestroyNotify) prepared_row_free, self);

  self->read_ahead = _zs_import_pipeline_is_threaded (rows);

  for (;;)
    {
      g_autoptr(GError) row_error = NULL;
      ZsImportRow *row = _zs_import_pipeline_next (rows, &row_error);
      Outcome outcome;

      if (row == NULL)
        {
          if (row_error != NULL)
            g_propagate_error (error, g_steal_pointer (&row_error));
          return row_error == NULL && (error == NULL || *error == NULL);
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      self->rows_read++;
      outcome = import_row (self, row->prepared, row->line, &row_error);
      count (self, outcome);
      if (outcome == OUTCOME_REJECTED && !handle_rejected (self, row->fields, row->line, row_error, error))
        return FALSE;
      if (!next_batch (self, row->bytes, error))
        return FALSE;
      if (self->rows_read % PROGRESS_EVERY == 0)
        g_signal_emit (self, signals[PROGRESS], 0, self->rows_read, row->fraction);
    }
}

static gboolean
prepare (ZsImportJob   *self,
         ZsRowSource  **source,
         GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!(*source = zs_row_source_open (self->path, self->encoding, self->sheet, error)))
    return FALSE;
  self->description = zs_row_source_get_description (*source);
  /* A spreadsheet may leave trailing cells out; a CSV line that does is broken. */
  self->full_rows = ZS_IS_CSV_READER (*source);
  self->header = zs_row_source_read_row (*source, NULL, &local_error);
  if (self->header == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, ZS_ERROR, ZS_ERROR_INVALID, _("“%s” is empty"), self->path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->new_lines = g_array_new (FALSE, TRUE, sizeof (guint32));
  if (!map_columns (self, error) ||
      (self->lookups = _zs_import_lookups_new (self->store, error)) == NULL)
    return FALSE;
  /* A firm is imported without a label that names no sector or region;
   * its notes keep the label. */
  _zs_import_lookups_set_keep_unmapped (self->lookups,
                                        self->record_type == NULL && self->entity == ZS_IMPORT_ENTITY_FIRMS);
  for (guint i = 0; i + 2 < self->label_maps->len; i += 3)
    if (!_zs_import_lookups_map_label (self->lookups, self->label_maps->pdata[i], self->label_maps->pdata[i + 1],
                                       self->label_maps->pdata[i + 2], error))
      return FALSE;
  return open_rejects (self, error);
}

static void
reset_counts (ZsImportJob *self)
{
  clear_run_state (self);
  g_clear_pointer (&self->mapping, g_strfreev);
  g_clear_pointer (&self->unmapped, g_strfreev);
  g_clear_pointer (&self->description, g_free);
  self->import_id = 0;
  self->read_ahead = FALSE;
  self->first_new_id = 0;
  self->rows_read = self->inserted = self->updated = self->skipped = self->rejected = 0;
  g_hash_table_remove_all (self->warnings_by_label);
  g_ptr_array_set_size (self->warnings, 0);
  self->committed = (ZsImportCounts) { 0 };
  self->batch_rows = 0;
  self->batch_bytes = 0;
}

static gboolean import_all (ZsImportJob *self, GCancellable *cancellable, GError **error);

/* Settings an import changes while it runs, for speed (see
 * _zs_store_swap_pragma ()). */
typedef struct {
  char     *wal_autocheckpoint;
  char     *cache_size;
  gboolean  search_tuned;
} SavedSettings;

static void
speed_up_store (ZsImportJob   *self,
                SavedSettings *saved)
{
  /* Fewer, larger checkpoints: each one waits for the disk twice, and a
   * page written by many batches is copied once. */
  saved->wal_autocheckpoint = _zs_store_swap_pragma (self->store, "wal_autocheckpoint", "65536");
  /* The indexes on codes and name hashes take rows in random order; the
   * pages they touch stay cached (96 MiB, within the import's 150 MiB). */
  saved->cache_size = _zs_store_swap_pragma (self->store, "cache_size", "-98304");
  if (self->dry_run)
    return;
  /* Restored even if only partly set. */
  saved->search_tuned = TRUE;
  _zs_store_tune_search (self->store, "firm_search", TRUE, NULL);
}

static void
restore_store (ZsImportJob   *self,
               SavedSettings *saved)
{
  if (saved->wal_autocheckpoint != NULL)
    g_free (_zs_store_swap_pragma (self->store, "wal_autocheckpoint", saved->wal_autocheckpoint));
  if (saved->cache_size != NULL)
    g_free (_zs_store_swap_pragma (self->store, "cache_size", saved->cache_size));
  if (saved->search_tuned)
    _zs_store_tune_search (self->store, "firm_search", FALSE, NULL);
  g_free (saved->wal_autocheckpoint);
  g_free (saved->cache_size);
}

/**
 * zs_import_job_run:
 * @self: a #ZsImportJob
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Imports the file. With %ZS_ERROR_POLICY_ABORT or a dry run everything
 * happens in one transaction; otherwise batches are committed as they fill
 * and a failure or cancellation keeps the committed batches (run the same
 * file again to finish: committed rows come back as duplicates).
 *
 * Returns: %TRUE if every row was read; the counts tell what became of them
 */
gboolean
zs_import_job_run (ZsImportJob   *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  SavedSettings saved = { NULL };
  gboolean ok;

  g_return_val_if_fail (ZS_IS_IMPORT_JOB (self), FALSE);

  reset_counts (self);
  speed_up_store (self, &saved);
  /* Each batch indexes its firms for search as it commits. */
  _zs_store_set_deferred_indexing (self->store, TRUE);
  ok = import_all (self, cancellable, error);
  _zs_store_set_deferred_indexing (self->store, FALSE);
  restore_store (self, &saved);
  return ok;
}

/* The labels left out, beside the rejects: field, label, rows, candidates. */
static gboolean
write_warnings (ZsImportJob  *self,
                GError      **error)
{
  g_autofree char *path = zs_import_job_get_warnings_path (self);
  g_autoptr(ZsRowSink) sink = NULL;
  const char *header[] = { "field", "label", "rows", "candidates", NULL };

  if (path == NULL)
    return TRUE;
  if (!(sink = zs_row_sink_create (path, FALSE, error)) ||
      !zs_row_sink_write_row (sink, header, error))
    return FALSE;
  for (guint i = 0; i < self->warnings->len; i++)
    {
      Warning *warning = self->warnings->pdata[i];
      g_autoptr(GString) candidates = g_string_new (NULL);
      g_autofree char *rows = g_strdup_printf ("%u", warning->rows);
      const char *row[5] = { warning->unmapped->field, warning->unmapped->label, rows, NULL, NULL };

      for (guint j = 0; warning->unmapped->candidates[j] != NULL; j++)
        g_string_append_printf (candidates, "%s%s %s", j > 0 ? "; " : "", warning->unmapped->candidates[j],
                                warning->unmapped->candidate_names[j]);
      row[3] = candidates->str;
      if (!zs_row_sink_write_row (sink, row, error))
        return FALSE;
    }
  return zs_row_sink_close (sink, error);
}

static gboolean
import_all (ZsImportJob   *self,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(ZsRowSource) source = NULL;
  g_autoptr(GError) close_error = NULL;
  gboolean ok;

  if (!prepare (self, &source, error) ||
      !start_import_record (self, error) ||
      !zs_store_begin (self->store, error))
    {
      finish_import_record (self, "failed");
      return FALSE;
    }

  /* Each row is one savepoint; what the store does inside it needs none. */
  _zs_store_set_atomic_rows (self->store, TRUE);
  ok = import_rows (self, source, cancellable, error);
  _zs_store_set_atomic_rows (self->store, FALSE);
  if (ok && self->dry_run)
    zs_store_rollback (self->store);
  else if (ok && in_one_transaction (self))
    ok = zs_store_commit (self->store, error);
  else if (ok)
    ok = commit_batch (self, error);
  if (!ok)
    zs_store_rollback (self->store);
  if (!ok && !in_one_transaction (self))
    forget_uncommitted (self, error);

  if (self->rejects != NULL && !zs_row_sink_close (self->rejects, &close_error) && ok)
    {
      g_propagate_error (error, g_steal_pointer (&close_error));
      ok = FALSE;
    }
  if (!write_warnings (self, ok ? error : NULL) && ok)
    ok = FALSE;
  g_signal_emit (self, signals[PROGRESS], 0, self->rows_read, 1.0);
  finish_import_record (self, ok ? "done" : in_one_transaction (self) ? "aborted" : "interrupted");
  if (!ok && in_one_transaction (self))
    self->inserted = self->updated = 0;
  return ok;
}

typedef struct {
  ZsImportJob *job;
  guint64      rows;
  double       fraction;
} ProgressUpdate;

static gboolean
emit_progress_in_main (gpointer data)
{
  ProgressUpdate *update = data;

  g_signal_emit (update->job, signals[PROGRESS], 0, update->rows, update->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->job);
  g_free (update);
}

static void
forward_progress (ZsImportJob  *worker,
                  guint64       rows,
                  double        fraction,
                  GTask        *task)
{
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  /* The update belongs to the main context from here on. */
  update->job = g_object_ref (g_task_get_source_object (task));
  update->rows = rows;
  update->fraction = fraction;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              emit_progress_in_main, update, progress_update_free);
}

static void
copy_results (ZsImportJob *to,
              ZsImportJob *from)
{
  to->import_id = from->import_id;
  to->read_ahead = from->read_ahead;
  to->rows_read = from->rows_read;
  to->inserted = from->inserted;
  to->updated = from->updated;
  to->skipped = from->skipped;
  to->rejected = from->rejected;
  g_strfreev (to->mapping);
  to->mapping = g_strdupv (from->mapping);
  g_strfreev (to->unmapped);
  to->unmapped = g_strdupv (from->unmapped);
  g_free (to->description);
  to->description = g_strdup (from->description);
  g_hash_table_remove_all (to->warnings_by_label);
  g_ptr_array_set_size (to->warnings, 0);
  for (guint i = 0; i < from->warnings->len; i++)
    {
      Warning *warning = g_new0 (Warning, 1);

      *warning = *(Warning *) from->warnings->pdata[i];
      _zs_import_unmapped_ref (warning->unmapped);
      g_ptr_array_add (to->warnings, warning);
    }
}

/* The worker uses a connection of its own: a ZsStore belongs to one thread. */
static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ZsImportJob *self = source_object;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZsStore) store = zs_store_new (zs_store_get_path (self->store), &error);
  g_autoptr(ZsImportJob) worker = NULL;
  GHashTableIter iter;
  gpointer column, field;
  gboolean ok;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  zs_store_set_actor (store, zs_store_get_actor (self->store));
  worker = zs_import_job_new (store, self->entity, self->path);
  if (self->record_type != NULL)
    {
      /* the worker's connection knows the plugins' types only once told */
      if (!zs_record_type_is_core (self->record_type) &&
          zs_store_lookup_record_type (store, zs_record_type_get_name (self->record_type)) == NULL &&
          !zs_store_register_record_type (store, self->record_type, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      worker->record_type = g_object_ref (self->record_type);
      worker->type_strings = g_ptr_array_new_with_free_func (g_free);
      worker->type_fields = _zs_import_type_fields_new (self->record_type, worker->type_strings);
    }
  worker->encoding = g_strdup (self->encoding);
  worker->sheet = g_strdup (self->sheet);
  worker->rejects_path = g_strdup (self->rejects_path);
  worker->warnings_path = g_strdup (self->warnings_path);
  for (guint i = 0; i < self->label_maps->len; i++)
    g_ptr_array_add (worker->label_maps, g_strdup (self->label_maps->pdata[i]));
  worker->on_duplicate = self->on_duplicate;
  worker->on_error = self->on_error;
  worker->dry_run = self->dry_run;
  worker->single_thread = self->single_thread;
  worker->batch_size = self->batch_size;
  g_hash_table_iter_init (&iter, self->user_mapping);
  while (g_hash_table_iter_next (&iter, &column, &field))
    g_hash_table_replace (worker->user_mapping, g_strdup (column), g_strdup (field));
  g_signal_connect (worker, "progress", G_CALLBACK (forward_progress), task);

  ok = zs_import_job_run (worker, cancellable, &error);
  copy_results (self, worker);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * zs_import_job_run_async:
 * @self: a #ZsImportJob
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the import ends
 * @user_data: for @callback
 *
 * Runs the import in a worker thread on its own connection to the same
 * database; #ZsImportJob::progress is emitted in the calling thread's main
 * context.
 */
void
zs_import_job_run_async (ZsImportJob         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZS_IS_IMPORT_JOB (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zs_import_job_run_async);
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * zs_import_job_run_finish:
 * @self: a #ZsImportJob
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: as zs_import_job_run()
 */
gboolean
zs_import_job_run_finish (ZsImportJob   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * zs_import_job_get_import_id:
 * @self: a #ZsImportJob
 *
 * Returns: the id under which the import is recorded (for undo), 0 for a dry run
 */
gint64
zs_import_job_get_import_id (ZsImportJob *self)
{
  g_return_val_if_fail (ZS_IS_IMPORT_JOB (self), 0);
  return self->import_id;
}

#define COUNT_GETTER(field)                                 \
guint64                                                     \
zs_import_job_get_##field (ZsImportJob *self)               \
{                                                           \
  g_return_val_if_fail (ZS_IS_IMPORT_JOB (self), 0);        \
  return self->field;                                       \
}

COUNT_GETTER (rows_read)
COUNT_GETTER (inserted)
COUNT_GETTER (updated)
COUNT_GETTER (skipped)
COUNT_GETTER (rejected)

#undef COUNT_GETTER

/**
 * zs_import_job_get_mapping:
 * @self: a #ZsImportJob
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): "column=field"
 *   for every mapped column
 */
const char * const *
zs_import_job_get_mapping (ZsImportJob *self)
{
  g_return_val_if_fail (ZS_IS_IMPORT_JOB (self), NULL);
  return (const char * const *) self->mapping;
}

/**
 * zs_import_job_get_unmapped_columns:
 * @self: a #ZsImportJob
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the columns
 *   that were not imported
 */
const char * const *
zs_import_job_get_unmapped_columns (ZsImportJob *self)
{
  g_return_val_if_fail (ZS_IS_IMPORT_JOB (self), NULL);
  return (const char * const *) self->unmapped;
}

/**
 * zs_import_job_get_source_description:
 * @self: a #ZsImportJob
 *
 * Returns: (nullable): what was detected in the file (format, encoding, delimiter)
 */
const char *
zs_import_job_get_source_description (ZsImportJob *self)
{
  g_return_val_if_fail (ZS_IS_IMPORT_JOB (self), NULL);
  return self->description;
}

/**
 * zs_store_list_firms_unmapped:
 * @store: a #ZsStore
 * @field: "sectors" or "region_code"
 * @offset: firms to pass over
 * @limit: at most so many firms, 0 for all
 * @error: return location for a #GError
 *
 * The firms an import wrote without a sector (region) label of its file
 * that named no code or several: their notes keep the label, after
 * “【未映射行业】” (“【未映射地区】”), until it is mapped and the line removed.
 *
 * Returns: (transfer full) (element-type ZsFirm): the firms, by id
 */
GPtrArray *
zs_store_list_firms_unmapped (ZsStore     *store,
                              const char  *field,
                              guint        offset,
                              guint        limit,
                              GError     **error)
{
  const char *mark = g_strcmp0 (field, "region_code") == 0 ? UNMAPPED_REGION_MARK : UNMAPPED_SECTOR_MARK;

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  return _zs_store_list_firms_noting (store, mark, offset, limit, error);
}

/* The import may be undone: it ended (or died), was not undone yet, and,
 * unless @force, nobody changed its records since. */
static gboolean
check_undoable (ZsStore     *store,
                gint64       import_id,
                const char  *id,
                gboolean     force,
                GError     **error)
{
  g_autofree char *status = _zs_store_get_import_status (store, import_id, error);
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GString) list = NULL;

  if (status == NULL)
    return FALSE;
  if (g_str_equal (status, "undone"))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_CONFLICT, _("Import %s was already undone"), id);
      return FALSE;
    }
  if (g_str_equal (status, "running"))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_BUSY,
                   _("Import %s is still running; undo it when it has ended. Nothing was undone."), id);
      return FALSE;
    }
  if (force)
    return TRUE;
  if (!(edits = _zs_store_list_import_edits (store, import_id, error)))
    return FALSE;
  if (edits->len == 0)
    return TRUE;
  list = g_string_new (NULL);
  for (guint i = 0; i < edits->len && i < 20; i++)
    g_string_append_printf (list, "\n  %s", (char *) edits->pdata[i]);
  if (edits->len > 20)
    g_string_append_printf (list, _("\n  … and %u more"), edits->len - 20);
  g_set_error (error, ZS_ERROR, ZS_ERROR_CONFLICT,
               g_dngettext (GETTEXT_PACKAGE,
                            "Import %s was not undone: %u record it wrote was changed since; "
                            "undo it anyway with --force, which deletes the records it created "
                            "and keeps later changes to fields it updated:%s",
                            "Import %s was not undone: %u records it wrote were changed since; "
                            "undo it anyway with --force, which deletes the records it created "
                            "and keeps later changes to fields it updated:%s",
                            edits->len),
               id, edits->len, list->str);
  return FALSE;
}

/**
 * zs_store_undo_import:
 * @store: a #ZsStore
 * @import_id: an import's id
 * @error: return location for a #GError
 *
 * As zs_store_undo_import_full() without flags.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_store_undo_import (ZsStore  *store,
                      gint64    import_id,
                      GError  **error)
{
  return zs_store_undo_import_full (store, import_id, ZS_REVERT_FLAGS_NONE, error);
}

/**
 * zs_store_undo_import_full:
 * @store: a #ZsStore
 * @import_id: an import's id
 * @flags: %ZS_REVERT_FLAGS_FORCE to undo records changed since
 * @error: return location for a #GError
 *
 * Reverts every change the import made, newest first, in one transaction:
 * created records are deleted, updated fields set back. An import still
 * running is refused with %ZS_ERROR_BUSY; an interrupted one (its process
 * died) is undone as far as it got. If records the import wrote were
 * changed since, nothing is undone and the %ZS_ERROR_CONFLICT names them,
 * unless @flags has %ZS_REVERT_FLAGS_FORCE: then the created records are
 * deleted with whatever depends on them, and fields changed again since
 * keep their later value.
 *
 * Returns: %TRUE on success
 */
gboolean
zs_store_undo_import_full (ZsStore        *store,
                           gint64          import_id,
                           ZsRevertFlags   flags,
                           GError        **error)
{
  g_autofree char *id = g_strdup_printf ("%" PRId64, import_id);
  gboolean force = (flags & ZS_REVERT_FLAGS_FORCE) != 0;
  g_autoptr(GArray) changes = NULL;

  g_return_val_if_fail (ZS_IS_STORE (store), FALSE);

  /* The write lock first, so that what is read stays true until the end. */
  if (!zs_store_begin (store, error))
    return FALSE;
  if (check_undoable (store, import_id, id, force, error))
    changes = _zs_store_list_import_changes (store, import_id, error);
  if (changes == NULL)
    {
      zs_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      gint64 change = g_array_index (changes, gint64, i);
      g_autoptr(GError) revert_error = NULL;

      /* A record deleted with an earlier revert (a firm's contacts go with
       * the firm) has nothing left to undo; forced, a field changed again
       * since keeps its later value. */
      if (zs_store_revert_change_full (store, change, flags, &revert_error) == 0 &&
          !g_error_matches (revert_error, ZS_ERROR, ZS_ERROR_NOT_FOUND) &&
          !(force && g_error_matches (revert_error, ZS_ERROR, ZS_ERROR_CONFLICT)))
        {
          zs_store_rollback (store);
          g_propagate_prefixed_error (error, g_steal_pointer (&revert_error),
                                      _("Import %s cannot be undone: "), id);
          return FALSE;
        }
    }
  if (!_zs_store_mark_import_undone (store, import_id, error))
    {
      zs_store_rollback (store);
      return FALSE;
    }
  return zs_store_commit (store, error);
}
