/* io-test-util.h: helpers shared by the import tests */
#pragma once

#include <gio/gio.h>

#include "zs-row-source.h"

G_BEGIN_DECLS

void          assert_row_impl   (const char   *file,
                                 int           line_in_file,
                                 ZsRowSource  *source,
                                 guint64       line,
                                 ...) G_GNUC_NULL_TERMINATED;
void          assert_end_impl   (const char   *file,
                                 int           line_in_file,
                                 ZsRowSource  *source);
ZsRowSource  *source_for_text   (const char   *text,
                                 const char   *encoding);
GInputStream *trickle_stream_new (const void  *data,
                                  gsize        len,
                                  gsize        step);

/* Reads the next row and checks its line and fields (NULL-terminated). */
#define assert_row(source, line, ...) \
  assert_row_impl (__FILE__, __LINE__, (source), (line), __VA_ARGS__)
#define assert_end(source) \
  assert_end_impl (__FILE__, __LINE__, (source))

G_END_DECLS
