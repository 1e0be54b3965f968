/* zs-api-private.h: what the files of the HTTP API share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "zs-api-server.h"
#include "zs-record.h"
#include "zs-store-generic.h"

G_BEGIN_DECLS

#define ZS_API_PREFIX "/api/v1/"
#define ZS_API_MAX_DEPTH 32
#define ZS_API_DEFAULT_LIMIT 50
#define ZS_API_MAX_LIMIT 500
#define ZS_API_STATUS_PRECONDITION_REQUIRED 428  /* RFC 6585; libsoup has no name for it */

/* One request while it is answered. */
typedef struct
{
  ZsApiServer       *server;
  ZsStore           *store;
  SoupServerMessage *msg;
  ZsStaff           *staff;
  const char        *method;
  char             **segments;   /* the path under /api/v1/, split at '/' */
  guint              n_segments;
  GHashTable        *query;      /* never NULL */
} ZsApiRequest;

/* zs-api-server.c */
const char   *_zs_api_status_phrase   (guint          status);
void          _zs_api_respond_json    (ZsApiRequest  *request,
                                       guint          status,
                                       JsonNode      *node);
void          _zs_api_respond_problem (ZsApiRequest  *request,
                                       guint          status,
                                       const char    *field,
                                       const char    *detail);
void          _zs_api_respond_error   (ZsApiRequest  *request,
                                       const GError  *error);
JsonNode     *_zs_api_read_body       (ZsApiRequest  *request);

/* zs-api-records.c */
void          _zs_api_handle_records  (ZsApiRequest  *request,
                                       ZsRecordType  *type);
void          _zs_api_handle_search   (ZsApiRequest  *request);
ZsRecordType *_zs_api_lookup_type     (ZsStore       *store,
                                       const char    *segment);
char         *_zs_api_type_path       (ZsRecordType  *type);

/* zs-api-import.c */
void          _zs_api_handle_import   (ZsApiRequest  *request,
                                       ZsRecordType  *type);

/* zs-api-openapi.c */
JsonNode     *_zs_api_build_openapi   (ZsStore       *store,
                                       GPtrArray     *routes);

G_END_DECLS
