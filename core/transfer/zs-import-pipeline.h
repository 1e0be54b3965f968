/* zs-import-pipeline.h: rows read and prepared ahead of the writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zs-row-source.h"

G_BEGIN_DECLS

/* At most so many rows are handed over at once, and at most so many
 * hand-overs are in flight: the rows read ahead of the writer are bounded
 * (ZS_IMPORT_PIPELINE_MAX_AHEAD rows, and as many times
 * ZS_IMPORT_PIPELINE_BATCH_BYTES of text plus one row). */
#define ZS_IMPORT_PIPELINE_BATCH_ROWS  512
#define ZS_IMPORT_PIPELINE_BATCH_BYTES (1024 * 1024)
#define ZS_IMPORT_PIPELINE_BATCHES     4
#define ZS_IMPORT_PIPELINE_MAX_AHEAD   (ZS_IMPORT_PIPELINE_BATCH_ROWS * ZS_IMPORT_PIPELINE_BATCHES)

/* What is done with a row before it is written, where no connection to
 * the store is needed: called in the reading thread, in the order of the
 * file. Returns what the writer gets as the row's prepared data. */
typedef gpointer (*ZsImportPrepareFunc) (char    **fields,
                                         guint64   line,
                                         gpointer  user_data);

/* One row of the file, as the writer gets it. */
typedef struct
{
  char    **fields;
  guint64   line;       /* where the row starts in the file */
  gsize     bytes;      /* the text of its fields */
  double    fraction;   /* how much of the file was read with it */
  gpointer  prepared;   /* what the prepare function made of it */
} ZsImportRow;

typedef struct _ZsImportPipeline ZsImportPipeline;

ZsImportPipeline *_zs_import_pipeline_new  (ZsRowSource          *source,
                                            gboolean              threaded,
                                            ZsImportPrepareFunc   prepare,
                                            GDestroyNotify        free_prepared,
                                            gpointer              user_data);
ZsImportRow      *_zs_import_pipeline_next (ZsImportPipeline     *self,
                                            GError              **error);
gboolean          _zs_import_pipeline_is_threaded (ZsImportPipeline *self);
void              _zs_import_pipeline_free (ZsImportPipeline     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZsImportPipeline, _zs_import_pipeline_free)

G_END_DECLS
