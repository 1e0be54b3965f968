/* zhaoshang.h: the public interface of libzhaoshang
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define ZHAOSHANG_INSIDE
# include "zs-enums.h"
# include "zs-error.h"
# include "zs-types.h"
# include "zs-uscc.h"
# include "zs-firm-name.h"
# include "zs-text-width.h"
# include "zs-uninstalled.h"
# include "zs-import-job.h"
# include "zs-export.h"
# include "zs-row-sink.h"
# include "zs-row-source.h"
# include "zs-csv-reader.h"
# include "zs-xlsx-reader.h"
# include "zs-jsonl-reader.h"
# include "zs-csv-writer.h"
# include "zs-xlsx-writer.h"
# include "zs-json-writer.h"
# include "zs-store.h"
# include "zs-store-generic.h"
# include "zs-plugin-storage.h"
# include "zs-activatable.h"
# include "zs-command.h"
# include "zs-command-invocation.h"
# include "zs-command-kit.h"
# include "zs-command-provider.h"
# include "zs-follow-up.h"
# include "zs-follow-up-source.h"
# include "zs-partner-provider.h"
# include "zs-plugin.h"
# include "zs-plugin-context.h"
# include "zs-plugin-engine.h"
# include "zs-plugin-seed.h"
# include "zs-plugin-settings.h"
# include "zs-route-provider.h"
# include "zs-schema-provider.h"
# include "zs-api-server.h"
#undef ZHAOSHANG_INSIDE
