/* zs-bench-util.h: what the benchmark programs share
 *
 * Compiled into each benchmark (bench_util_dep in bench/meson.build), never
 * installed: drawing generated data, valid USCCs, clocks, memory, and the
 * databases and marker files the benchmarks build and reuse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A NULL-terminated array of strings, for the generators' tables. */
#define STRV(...) (const char * const []) { __VA_ARGS__, NULL }

/* Generating data */

/* The CDF of the `int weight` members of @table, a static array of structs. */
#define zs_bench_table_cdf(table) \
  zs_bench_make_cdf_strided (&(table)[0].weight, G_N_ELEMENTS (table), sizeof (table)[0])

double     *zs_bench_make_cdf         (const double        *weights,
                                       guint                n);
double     *zs_bench_make_cdf_strided (const int           *weights,
                                       guint                n,
                                       gsize                stride);
double     *zs_bench_zipf_cdf         (guint                n);
guint       zs_bench_draw             (GRand               *rand,
                                       const double        *cdf,
                                       guint                n);
const char *zs_bench_pick             (GRand               *rand,
                                       const char * const  *strv);
GPtrArray  *zs_bench_split_chars      (const char          *text);
char       *zs_bench_uscc             (const char          *region_code,
                                       guint                serial);
void        zs_bench_append_firm_name (GString             *out,
                                       int                  form,
                                       const char          *place,
                                       const char          *c1,
                                       const char          *c2,
                                       const char          *word,
                                       const char          *suffix);

/* Clocks and memory */
double      zs_bench_now_s            (void);
double      zs_bench_cpu_s            (void);
long        zs_bench_rss_kib          (void);

/* Databases and their “.bench” markers */
char       *zs_bench_marker_path      (const char          *path);
char       *zs_bench_marker_read      (const char          *path);
gboolean    zs_bench_marker_is        (const char          *path,
                                       const char          *expected);
gboolean    zs_bench_marker_write     (const char          *path,
                                       const char          *text,
                                       GError             **error);
void        zs_bench_remove_database  (const char          *path);
gint64      zs_bench_database_size    (const char          *path);

G_END_DECLS
