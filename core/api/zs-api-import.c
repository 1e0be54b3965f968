/* zs-api-import.c: POST /api/v1/{type}/import, a CSV or XLSX body through
 * the import job of `zhaoshang-cli import`
 *
 * The body is written to a private temporary file (the job reads files:
 * XLSX needs seeking) and imported in the worker's thread; the answer is
 * the job's report with the rejected rows as the CSV the CLI writes. The
 * whole import is one entry of `imports list`, undoable as a whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "zs-api-private.h"
#include "zs-error.h"
#include "zs-import-job.h"

static const struct {
  const char      *name;
  ZsImportEntity   entity;
} core_entities[] = {
  { "firm", ZS_IMPORT_ENTITY_FIRMS },
  { "contact", ZS_IMPORT_ENTITY_CONTACTS },
  { "project", ZS_IMPORT_ENTITY_PROJECTS },
  { "activity", ZS_IMPORT_ENTITY_ACTIVITIES },
};

/* The file's extension tells the job how to read it. */
static const char *
extension_of (SoupServerMessage *msg)
{
  const char *type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);

  if (type == NULL)
    return NULL;
  if (g_str_equal (type, "text/csv"))
    return ".csv";
  if (g_str_equal (type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    return ".xlsx";
  if (g_str_equal (type, "application/x-ndjson") || g_str_equal (type, "application/jsonl"))
    return ".jsonl";
  return NULL;
}

static ZsImportJob *
new_job (ZsStore       *store,
         ZsRecordType  *type,
         const char    *path,
         GError       **error)
{
  const char *name = zs_record_type_get_name (type);

  for (guint i = 0; i < G_N_ELEMENTS (core_entities); i++)
    if (g_str_equal (core_entities[i].name, name))
      return zs_import_job_new (store, core_entities[i].entity, path);
  return zs_import_job_new_for_type (store, name, path, error);
}

static JsonNode *
report (ZsImportJob *job,
        const char  *rejects_path)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *rejects = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "import_id");
  json_builder_add_int_value (b, zs_import_job_get_import_id (job));
  json_builder_set_member_name (b, "rows_read");
  json_builder_add_int_value (b, zs_import_job_get_rows_read (job));
  json_builder_set_member_name (b, "inserted");
  json_builder_add_int_value (b, zs_import_job_get_inserted (job));
  json_builder_set_member_name (b, "updated");
  json_builder_add_int_value (b, zs_import_job_get_updated (job));
  json_builder_set_member_name (b, "skipped");
  json_builder_add_int_value (b, zs_import_job_get_skipped (job));
  json_builder_set_member_name (b, "rejected");
  json_builder_add_int_value (b, zs_import_job_get_rejected (job));
  json_builder_set_member_name (b, "rejects_csv");
  if (g_file_get_contents (rejects_path, &rejects, NULL, NULL))
    json_builder_add_string_value (b, rejects);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
write_body (ZsApiRequest  *request,
            const char    *path,
            GError       **error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (request->msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_NONE, 0600, error);
}

static gboolean
may_import (ZsApiRequest *request,
            ZsRecordType *type)
{
  /* Rows are checked by the job, not one by one against a park: staff
   * import only types that belong to no park. */
  switch (zs_staff_get_role (request->staff))
    {
    case ZS_ROLE_ADMIN: return TRUE;
    case ZS_ROLE_STAFF:
      return zs_record_type_lookup_field (type, "park_code") == NULL &&
             !g_str_equal (zs_record_type_get_name (type), "staff");
    case ZS_ROLE_VIEWER: default: return FALSE;
    }
}

/**
 * _zs_api_handle_import: (skip)
 *
 * Answers POST /api/v1/{type}/import.
 */
void
_zs_api_handle_import (ZsApiRequest *request,
                       ZsRecordType *type)
{
  const char *extension = extension_of (request->msg);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *rejects = NULL;
  g_autoptr(ZsImportJob) job = NULL;
  g_autoptr(JsonNode) answer = NULL;

  if (!may_import (request, type))
    {
      _zs_api_respond_problem (request, SOUP_STATUS_FORBIDDEN, NULL,
                               _("Only an admin imports these records, and staff records of no park"));
      return;
    }
  if (extension == NULL)
    {
      _zs_api_respond_problem (request, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                               _("Content-Type: send text/csv, an XLSX workbook or JSON lines"));
      return;
    }
  if ((dir = g_dir_make_tmp ("zhaoshang-api-import-XXXXXX", &error)) == NULL)
    {
      _zs_api_respond_problem (request, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL, error->message);
      return;
    }
  path = g_strconcat (dir, "/upload", extension, NULL);
  rejects = g_build_filename (dir, "rejects.csv", NULL);
  zs_store_set_actor (request->store, zs_staff_get_name (request->staff));
  if (write_body (request, path, &error) && (job = new_job (request->store, type, path, &error)) != NULL)
    {
      zs_import_job_set_rejects_path (job, rejects);
      if (zs_import_job_run (job, NULL, &error))
        answer = report (job, rejects);
    }
  if (answer != NULL)
    _zs_api_respond_json (request, SOUP_STATUS_OK, answer);
  else
    _zs_api_respond_error (request, error);
  g_remove (path);
  g_remove (rejects);
  g_rmdir (dir);
}
