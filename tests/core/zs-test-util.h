/* zs-test-util.h: fixtures shared by the core tests */
#pragma once

#include <zhaoshang.h>

G_BEGIN_DECLS

typedef struct {
  char    *dir;
  char    *path;
  ZsStore *store;
} StoreFixture;

void     store_fixture_setup        (StoreFixture  *fixture,
                                     gconstpointer  data);
void     store_fixture_setup_seeded (StoreFixture  *fixture,
                                     gconstpointer  data);
void     store_fixture_teardown     (StoreFixture  *fixture,
                                     gconstpointer  data);
ZsFirm  *make_firm                  (const char    *uscc,
                                     const char    *name);
char    *make_uscc                  (guint          serial);
gint64   add_firm                   (ZsStore       *store,
                                     const char    *name,
                                     const char    *scope);
#ifdef ZHAOSHANG_COMPILATION
char    *query_value                (ZsStore       *store,
                                     const char    *sql);
#endif

G_END_DECLS
