/* zs-chain-text.h: keyword matching that agrees with the core's search index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *zs_chain_text_fold            (const char         *text);
gboolean  zs_chain_text_needs_folding   (const char         *keyword);
gboolean  zs_chain_text_may_hold_words  (const char         *text);
gboolean  zs_chain_text_contains        (const char         *folded_text,
                                         const char         *folded_keyword);
char     *zs_chain_text_match_expression (const char * const *columns,
                                         GPtrArray          *keywords);

G_END_DECLS
