/* zs-xml-guard.h: a scan of XML ahead of libxml2, for what it reads slowly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Far above what a spreadsheet program writes on one element (a dozen),
 * far below where libxml2's check of repeated attributes, quadratic in
 * their number, takes seconds. */
#define ZS_XML_GUARD_MAX_ATTRIBUTES 1000
/* The longest markup (a start or end tag, a comment, a processing
 * instruction, a CDATA section, an entity or character reference):
 * libxml2 reads one longer than 10,000,000 bytes in time quadratic in its
 * length, minutes for a few tens of megabytes. */
#define ZS_XML_GUARD_MAX_MARKUP     (1024 * 1024)

typedef enum {
  ZS_XML_GUARD_OK,
  ZS_XML_GUARD_DOCTYPE,
  ZS_XML_GUARD_ATTRIBUTES,
  ZS_XML_GUARD_MARKUP,
  ZS_XML_GUARD_TEXT,
} ZsXmlGuardVerdict;

typedef struct {
  guint8  state;
  char    quote;
  guint8  matched;
  guint   run;
  guint   attributes;
  guint64 markup_run;
  gboolean open;
  guint64 open_run;
  guint64 text_run;
  guint64 max_text;
} ZsXmlGuard;

void              zs_xml_guard_init (ZsXmlGuard *guard,
                                     guint64     max_text);
ZsXmlGuardVerdict zs_xml_guard_feed (ZsXmlGuard *guard,
                                     const char *bytes,
                                     gsize       len);

G_END_DECLS
