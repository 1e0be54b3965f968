/* zs-import-pipeline.c: rows read and prepared ahead of the writer
 *
 * An import spends most of its time in the writes, which only the thread
 * that holds the store's connection may make. Reading the file (decoding
 * GB18030 included) and turning each row into a record need no
 * connection: a threaded pipeline does them in a thread of its own, a few
 * hundred rows ahead, while the writer writes the rows before them. The
 * writer gets the rows in the order of the file, whatever the threads do,
 * so that what the import makes of them (counts, rejects and their lines,
 * batches) is the same as when one thread does everything.
 *
 * The rows go over in batches through two queues: the reader fills an
 * empty batch and queues it as full; the writer takes full batches in
 * order and gives them back to be emptied and filled again. There are ZS_IMPORT_PIPELINE_BATCHES of
 * them, so the reader never gets more than that many batches ahead: the
 * memory an import takes does not grow with the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "zs-import-pipeline.h"

typedef struct
{
  ZsImportRow  rows[ZS_IMPORT_PIPELINE_BATCH_ROWS];
  guint        n_rows;
  gboolean     end;     /* the file ends after these rows… */
  GError      *error;   /* …because it could not be read further */
} Batch;

struct _ZsImportPipeline
{
  ZsRowSource         *source;
  ZsImportPrepareFunc  prepare;
  GDestroyNotify       free_prepared;
  gpointer             user_data;

  /* threaded */
  GThread             *thread;
  Batch               *batches[ZS_IMPORT_PIPELINE_BATCHES];
  GAsyncQueue         *empty;     /* Batch, to be filled by the reader */
  GAsyncQueue         *full;      /* Batch, filled, in the order of the file */
  gint                 stop;      /* the writer wants no more rows */
  Batch               *batch;     /* the batch being written */
  guint                next;      /* and its next row */

  /* not threaded: the row being written */
  ZsImportRow          row;
  gboolean             ended;
};

/* Queued instead of an empty batch when the writer stops: it wakes the
 * reader wherever the batches are. */
static Batch stop_marker;

static void
clear_row (ZsImportPipeline *self,
           ZsImportRow      *row)
{
  g_clear_pointer (&row->fields, g_strfreev);
  if (row->prepared != NULL && self->free_prepared != NULL)
    self->free_prepared (row->prepared);
  memset (row, 0, sizeof *row);
}

static void
clear_batch (ZsImportPipeline *self,
             Batch            *batch)
{
  for (guint i = 0; i < batch->n_rows; i++)
    clear_row (self, &batch->rows[i]);
  batch->n_rows = 0;
  batch->end = FALSE;
  g_clear_error (&batch->error);
}

static gsize
text_bytes (char **fields)
{
  gsize bytes = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    bytes += strlen (fields[i]);
  return bytes;
}

/* FALSE at the end of the file, with @error set if it could not be read. */
static gboolean
read_row (ZsImportPipeline  *self,
          ZsImportRow       *row,
          GError           **error)
{
  row->fields = zs_row_source_read_row (self->source, &row->line, error);
  if (row->fields == NULL)
    return FALSE;
  row->bytes = text_bytes (row->fields);
  row->fraction = zs_row_source_get_fraction (self->source);
  row->prepared = self->prepare (row->fields, row->line, self->user_data);
  return TRUE;
}

static gboolean
stopped (ZsImportPipeline *self)
{
  return g_atomic_int_get (&self->stop) != 0;
}

/* The reader's thread: fills batches until the file ends or the writer
 * stops. */
static gpointer
read_ahead (gpointer data)
{
  ZsImportPipeline *self = data;
  gboolean end = FALSE;

  while (!end)
    {
      Batch *batch = g_async_queue_pop (self->empty);
      gsize bytes = 0;

      /* Every batch stays listed in self->batches: one taken here now
       * is freed with the pipeline. */
      if (batch == &stop_marker || stopped (self))
        break;
      /* The rows the writer is done with are freed here: their memory
       * was taken in this thread, and the writer has enough to do. */
      clear_batch (self, batch);
      while (batch->n_rows < ZS_IMPORT_PIPELINE_BATCH_ROWS && bytes < ZS_IMPORT_PIPELINE_BATCH_BYTES &&
             !stopped (self))
        {
          ZsImportRow *row = &batch->rows[batch->n_rows];

          if (!read_row (self, row, &batch->error))
            {
              batch->end = end = TRUE;
              break;
            }
          bytes += row->bytes;
          batch->n_rows++;
        }
      g_async_queue_push (self->full, batch);
    }
  return NULL;
}

/**
 * _zs_import_pipeline_new:
 * @source: the rows, past the header
 * @threaded: whether to read and prepare them in a thread of their own;
 *   then @prepare must need nothing the writer changes
 * @prepare: what to do with each row before it is written
 * @free_prepared: (nullable): frees what @prepare returns
 * @user_data: for @prepare
 *
 * Returns: (transfer full): a pipeline; the reader starts at once
 */
ZsImportPipeline *
_zs_import_pipeline_new (ZsRowSource          *source,
                         gboolean              threaded,
                         ZsImportPrepareFunc   prepare,
                         GDestroyNotify        free_prepared,
                         gpointer              user_data)
{
  ZsImportPipeline *self = g_new0 (ZsImportPipeline, 1);

  self->source = g_object_ref (source);
  self->prepare = prepare;
  self->free_prepared = free_prepared;
  self->user_data = user_data;
  /* On one processor a second thread only adds switching. */
  if (!threaded || g_get_num_processors () < 2)
    return self;

  self->empty = g_async_queue_new ();
  self->full = g_async_queue_new ();
  for (guint i = 0; i < ZS_IMPORT_PIPELINE_BATCHES; i++)
    {
      self->batches[i] = g_new0 (Batch, 1);
      g_async_queue_push (self->empty, self->batches[i]);
    }
  self->thread = g_thread_new ("zs-import-read", read_ahead, self);
  return self;
}

gboolean
_zs_import_pipeline_is_threaded (ZsImportPipeline *self)
{
  return self->thread != NULL;
}

static ZsImportRow *
next_unthreaded (ZsImportPipeline  *self,
                 GError           **error)
{
  clear_row (self, &self->row);
  if (self->ended)
    return NULL;
  if (!read_row (self, &self->row, error))
    {
      self->ended = TRUE;
      return NULL;
    }
  return &self->row;
}

/**
 * _zs_import_pipeline_next:
 * @self: a pipeline
 * @error: return location for the error that ended the file early
 *
 * The next row of the file, in order. It stays valid until the next call,
 * and what it holds may be taken (set to %NULL) by the caller.
 *
 * Returns: (transfer none) (nullable): the row, or %NULL at the end of the
 *   file, with @error set if it could not be read to its end
 */
ZsImportRow *
_zs_import_pipeline_next (ZsImportPipeline  *self,
                          GError           **error)
{
  if (self->thread == NULL)
    return next_unthreaded (self, error);

  for (;;)
    {
      if (self->batch != NULL && self->next < self->batch->n_rows)
        return &self->batch->rows[self->next++];
      if (self->batch != NULL && self->batch->end)
        {
          /* The end is told once; the batch stays until the pipeline goes. */
          if (self->batch->error != NULL)
            g_propagate_error (error, g_steal_pointer (&self->batch->error));
          self->next = G_MAXUINT;
          return NULL;
        }
      if (self->batch != NULL)
        g_async_queue_push (self->empty, g_steal_pointer (&self->batch));
      self->batch = g_async_queue_pop (self->full);
      self->next = 0;
    }
}

/**
 * _zs_import_pipeline_free:
 * @self: a pipeline
 *
 * Stops the reader, wherever it is, and frees the rows it read ahead.
 */
void
_zs_import_pipeline_free (ZsImportPipeline *self)
{
  if (self->thread != NULL)
    {
      g_atomic_int_set (&self->stop, 1);
      g_async_queue_push (self->empty, &stop_marker);
      g_thread_join (self->thread);
      for (guint i = 0; i < ZS_IMPORT_PIPELINE_BATCHES; i++)
        {
          clear_batch (self, self->batches[i]);
          g_free (self->batches[i]);
        }
      g_async_queue_unref (self->empty);
      g_async_queue_unref (self->full);
    }
  clear_row (self, &self->row);
  g_object_unref (self->source);
  g_free (self);
}
