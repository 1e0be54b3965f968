/* zs-chain-schema.c: the plugin's own tables, as a migration chain
 *
 * Step 1 named the tables `chain_…`; step 2 renames them to the plugin's
 * storage prefix, `industry_chain_…` (the engine runs every step through
 * the plugin's ZsPluginStorage, and lets steps touch the old names, listed
 * in X-Zhaoshang-Legacy-Tables, for that). Steps are never edited once
 * released; a change is a new step at the end.
 *
 * Since record types, the chains and everything about them live in the
 * types' tables (industry-chain-types.json), which the core makes and
 * migrates; these steps remain so that any older database reaches the
 * layout zs-chain-legacy.c moves from, and then drops.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zs-chain-schema.h"

/* Version 1. `origin` and `edited` let a newer seed refresh the rows it
 * wrote and leave alone the ones a user wrote or changed; tombstones keep a
 * seed row the user deleted from coming back. Sector codes carry no foreign
 * key: the plugin may be activated on a store whose reference data is not
 * loaded yet, and the CLI checks codes when users enter them. */
static const char step_1[] =
  "CREATE TABLE chain_maps ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  description TEXT,"
  "  clause INTEGER,"
  "  origin TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('seed', 'user')),"
  "  edited INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE chain_links ("
  "  id INTEGER PRIMARY KEY,"
  "  chain_id INTEGER NOT NULL REFERENCES chain_maps (id) ON DELETE CASCADE,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  position TEXT NOT NULL CHECK (position IN ('upstream', 'midstream', 'downstream')),"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  origin TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('seed', 'user')),"
  "  edited INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX chain_links_by_chain ON chain_links (chain_id, sort_order);"
  "CREATE TABLE chain_link_sectors ("
  "  id INTEGER PRIMARY KEY,"
  "  link_id INTEGER NOT NULL REFERENCES chain_links (id) ON DELETE CASCADE,"
  "  sector_code TEXT NOT NULL,"
  "  UNIQUE (link_id, sector_code));"
  "CREATE TABLE chain_link_keywords ("
  "  id INTEGER PRIMARY KEY,"
  "  link_id INTEGER NOT NULL REFERENCES chain_links (id) ON DELETE CASCADE,"
  "  keyword TEXT NOT NULL,"
  "  UNIQUE (link_id, keyword));"
  "CREATE TABLE chain_edges ("
  "  supplier_id INTEGER NOT NULL REFERENCES chain_links (id) ON DELETE CASCADE,"
  "  customer_id INTEGER NOT NULL REFERENCES chain_links (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (supplier_id, customer_id),"
  "  CHECK (supplier_id <> customer_id)) WITHOUT ROWID;"
  "CREATE INDEX chain_edges_by_customer ON chain_edges (customer_id);"
  "CREATE TABLE chain_assignments ("
  "  firm_id INTEGER NOT NULL REFERENCES firms (id) ON DELETE CASCADE,"
  "  link_id INTEGER NOT NULL REFERENCES chain_links (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL CHECK (status IN ('confirmed', 'rejected')),"
  "  actor TEXT,"
  "  at TEXT NOT NULL,"
  "  PRIMARY KEY (firm_id, link_id)) WITHOUT ROWID;"
  "CREATE INDEX chain_assignments_by_link ON chain_assignments (link_id, firm_id);"
  "CREATE TABLE chain_project_links ("
  "  project_id INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,"
  "  link_id INTEGER NOT NULL REFERENCES chain_links (id) ON DELETE CASCADE,"
  "  actor TEXT,"
  "  at TEXT NOT NULL);"
  "CREATE INDEX chain_project_links_by_link ON chain_project_links (link_id);"
  "CREATE TABLE chain_settings ("
  "  name TEXT PRIMARY KEY,"
  "  value REAL NOT NULL);"
  "CREATE TABLE chain_seed_state ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE chain_seed_removed ("
  "  kind TEXT NOT NULL CHECK (kind IN ('chain', 'link')),"
  "  code TEXT NOT NULL,"
  "  PRIMARY KEY (kind, code)) WITHOUT ROWID;";

/* Version 2: the storage prefix. ALTER TABLE … RENAME also rewrites the
 * references of the other tables; the indexes get the prefix too. */
static const char step_2[] =
  "ALTER TABLE chain_maps RENAME TO industry_chain_maps;"
  "ALTER TABLE chain_links RENAME TO industry_chain_links;"
  "ALTER TABLE chain_link_sectors RENAME TO industry_chain_link_sectors;"
  "ALTER TABLE chain_link_keywords RENAME TO industry_chain_link_keywords;"
  "ALTER TABLE chain_edges RENAME TO industry_chain_edges;"
  "ALTER TABLE chain_assignments RENAME TO industry_chain_assignments;"
  "ALTER TABLE chain_project_links RENAME TO industry_chain_project_links;"
  "ALTER TABLE chain_settings RENAME TO industry_chain_settings;"
  "ALTER TABLE chain_seed_state RENAME TO industry_chain_seed_state;"
  "ALTER TABLE chain_seed_removed RENAME TO industry_chain_seed_removed;"
  "DROP INDEX chain_links_by_chain;"
  "CREATE INDEX industry_chain_links_by_chain ON industry_chain_links (chain_id, sort_order);"
  "DROP INDEX chain_edges_by_customer;"
  "CREATE INDEX industry_chain_edges_by_customer ON industry_chain_edges (customer_id);"
  "DROP INDEX chain_assignments_by_link;"
  "CREATE INDEX industry_chain_assignments_by_link ON industry_chain_assignments (link_id, firm_id);"
  "DROP INDEX chain_project_links_by_link;"
  "CREATE INDEX industry_chain_project_links_by_link ON industry_chain_project_links (link_id);";

/* Version 3: the settings move to the core's plugin settings, which keep
 * them as text in `industry_chain_core_settings` (the table the core would
 * make on the first change; the same definition, so either may come
 * first). An integer setting is written without a decimal point. */
static const char step_3[] =
  "CREATE TABLE IF NOT EXISTS industry_chain_core_settings ("
  "  key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "INSERT OR REPLACE INTO industry_chain_core_settings (key, value) "
  "  SELECT name, CASE WHEN name = 'weak_threshold' THEN CAST (CAST (value AS INTEGER) AS TEXT) "
  "                    ELSE CAST (value AS TEXT) END "
  "  FROM industry_chain_settings;"
  "DROP TABLE industry_chain_settings;";

/**
 * zs_chain_schema_get_migrations:
 *
 * Returns: (transfer full): the SQL of every schema step, oldest first
 */
char **
zs_chain_schema_get_migrations (void)
{
  const char *steps[] = { step_1, step_2, step_3, NULL };

  return g_strdupv ((char **) steps);
}
