/* zs-bench-util.c: what the benchmark programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "zhaoshang.h"
#include "zs-bench-util.h"

/* ------------------------------------------------------------------------ */
/* Generating data                                                           */

/* The cumulative distribution of @n weights, normalised to end at 1. */
double *
zs_bench_make_cdf (const double *weights,
                   guint         n)
{
  double *cdf = g_new (double, n);
  double sum = 0;

  for (guint i = 0; i < n; i++)
    cdf[i] = (sum += weights[i]);
  for (guint i = 0; i < n; i++)
    cdf[i] /= sum;
  return cdf;
}

/* The same, of @n weights @stride bytes apart: the weight members of an
 * array of structs (see zs_bench_table_cdf()). */
double *
zs_bench_make_cdf_strided (const int *weights,
                           guint      n,
                           gsize      stride)
{
  g_autofree double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = *(const int *) ((const char *) weights + i * stride);
  return zs_bench_make_cdf (values, n);
}

/* Zipf weights 1/(rank + 10) over @n items, most frequent first. */
double *
zs_bench_zipf_cdf (guint n)
{
  g_autofree double *weights = g_new (double, n);

  for (guint i = 0; i < n; i++)
    weights[i] = 1.0 / (i + 10);
  return zs_bench_make_cdf (weights, n);
}

/* An index below @n, drawn from @cdf (see zs_bench_make_cdf()) with one
 * number of @rand. */
guint
zs_bench_draw (GRand        *rand,
               const double *cdf,
               guint         n)
{
  double x = g_rand_double (rand);
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (cdf[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* One of the strings of the NULL-terminated @strv, all equally likely. */
const char *
zs_bench_pick (GRand              *rand,
               const char * const *strv)
{
  return strv[g_rand_int_range (rand, 0, g_strv_length ((char **) strv))];
}

/* The distinct characters of the UTF-8 @text, in their first order, each
 * an owned string. */
GPtrArray *
zs_bench_split_chars (const char *text)
{
  GPtrArray *chars = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      char *c = g_strndup (p, g_utf8_next_char (p) - p);

      if (g_hash_table_contains (seen, c))
        {
          g_free (c);
          continue;
        }
      g_hash_table_add (seen, c);
      g_ptr_array_add (chars, c);
    }
  return chars;
}

/* GB 32100-2015: 9 (registered by market regulation), 1 (enterprise), the
 * region code, a GB 11714 organisation code (8 characters and its own check
 * digit), then the check character over the first 17. @serial < 10⁸ makes
 * the organisation code, hence the whole USCC, unique (7919 is prime to
 * 10⁸). */
char *
zs_bench_uscc (const char *region_code,
               guint       serial)
{
  static const int org_weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
  char first17[18];
  char org[9];
  guint body = (guint) (((guint64) serial * 7919u + 13579246u) % 100000000u);
  int sum = 0, check;

  g_snprintf (org, sizeof org, "%08u", body);
  for (int i = 0; i < 8; i++)
    sum += (org[i] - '0') * org_weights[i];
  check = 11 - sum % 11;
  g_snprintf (first17, sizeof first17, "91%s%s%c", region_code, org,
              check == 10 ? 'X' : check == 11 ? '0' : '0' + check);
  return g_strdup_printf ("%s%c", first17, zs_uscc_check_character (first17));
}

/* Appends a firm name of place, trade name @c1 @c2, industry @word and legal
 * form @suffix, laid out by @form, drawn from 0 to 99: 80% with the place
 * first, 15% with it in brackets after the trade name, 5% without it:
 * 霍尔果斯华信物流有限公司, 华信（霍尔果斯）物流有限公司, 华信物流有限公司. */
void
zs_bench_append_firm_name (GString    *out,
                           int         form,
                           const char *place,
                           const char *c1,
                           const char *c2,
                           const char *word,
                           const char *suffix)
{
  if (form < 80)
    g_string_append_printf (out, "%s%s%s%s%s", place, c1, c2, word, suffix);
  else if (form < 95)
    g_string_append_printf (out, "%s%s（%s）%s%s", c1, c2, place, word, suffix);
  else
    g_string_append_printf (out, "%s%s%s%s", c1, c2, word, suffix);
}

/* ------------------------------------------------------------------------ */
/* Clocks and memory                                                         */

/* Wall-clock seconds on the monotonic clock. */
double
zs_bench_now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* CPU time of this process: what the work costs when other programs
 * share the machine and stretch the wall-clock time. */
double
zs_bench_cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The resident memory of this process now (VmRSS), in KiB; -1 if it
 * cannot be read. */
long
zs_bench_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "\nVmRSS:")))
    return -1;
  return strtol (line + strlen ("\nVmRSS:"), NULL, 10);
}

/* ------------------------------------------------------------------------ */
/* Databases and their markers                                               */

/* A file a benchmark makes (a database, a generated CSV) has a marker next
 * to it, PATH.bench, saying what made it and what it holds: the file is
 * reused when its marker says exactly what the run wants. */
char *
zs_bench_marker_path (const char *path)
{
  return g_strconcat (path, ".bench", NULL);
}

/* The text of @path's marker, or NULL if it has none. */
char *
zs_bench_marker_read (const char *path)
{
  g_autofree char *marker = zs_bench_marker_path (path);
  char *text = NULL;

  if (!g_file_get_contents (marker, &text, NULL, NULL))
    return NULL;
  return text;
}

gboolean
zs_bench_marker_is (const char *path,
                    const char *expected)
{
  g_autofree char *text = zs_bench_marker_read (path);

  return text != NULL && g_str_equal (text, expected);
}

gboolean
zs_bench_marker_write (const char  *path,
                       const char  *text,
                       GError     **error)
{
  g_autofree char *marker = zs_bench_marker_path (path);

  return g_file_set_contents (marker, text, -1, error);
}

static void
remove_file (const char *file)
{
  if (g_unlink (file) != 0 && errno != ENOENT)
    g_printerr ("%s: could not remove %s: %s\n", g_get_prgname (), file, g_strerror (errno));
}

/* Removes the SQLite database @path with its WAL, shared-memory and journal
 * files, then its marker, last: a removal cut short still leaves files
 * recognised as ours. A failure other than a missing file is reported. */
void
zs_bench_remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *marker = zs_bench_marker_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      remove_file (file);
    }
  remove_file (marker);
}

/* Bytes of the database @path and its WAL. */
gint64
zs_bench_database_size (const char *path)
{
  const char *suffixes[] = { "", "-wal" };
  gint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0)
        total += st.st_size;
    }
  return total;
}
