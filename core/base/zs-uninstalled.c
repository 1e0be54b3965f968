/* zs-uninstalled.c: running from the build tree
 *
 * A program built in `_build/` finds the plugins, typelib, GSettings schema
 * and translations built next to it, with nothing exported by hand: it
 * knows the build folder it was configured in (BUILD_ROOT in config.h) and
 * uses it only when its own executable lies inside it. An installed copy
 * never looks there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-uninstalled.h"

static char *
find_build_root (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *root = g_canonicalize_filename (BUILD_ROOT, NULL);
  g_autofree char *prefix = g_strconcat (root, G_DIR_SEPARATOR_S, NULL);

  if (exe == NULL || !g_str_has_prefix (exe, prefix))
    return NULL;
  return g_steal_pointer (&root);
}

/**
 * zs_uninstalled_get_build_root:
 *
 * Returns: (nullable): the build folder the running program was built in
 *   and runs from, or %NULL for an installed program
 */
const char *
zs_uninstalled_get_build_root (void)
{
  static char *root;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      root = find_build_root ();
      g_once_init_leave (&done, 1);
    }
  return root;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * zs_uninstalled_get_plugin_dirs:
 *
 * The folders of the plugins built in the build tree (one per folder of
 * `plugins/`, and its `gtk/` folder where it has one: the plugin's page in
 * the app), for a program running from it.
 *
 * Returns: (transfer full) (array zero-terminated=1): the folders, empty
 *   for an installed program
 */
char **
zs_uninstalled_get_plugin_dirs (void)
{
  g_autoptr(GStrvBuilder) dirs = g_strv_builder_new ();
  const char *root = zs_uninstalled_get_build_root ();
  g_autofree char *plugins = root ? g_build_filename (root, "plugins", NULL) : NULL;
  g_autoptr(GDir) handle = plugins ? g_dir_open (plugins, 0, NULL) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* In a stable order, whatever the file system's. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *dir = g_build_filename (plugins, g_ptr_array_index (names, i), NULL);
      g_autofree char *gtk_dir = g_build_filename (dir, "gtk", NULL);

      if (!g_file_test (dir, G_FILE_TEST_IS_DIR) || g_str_has_suffix (dir, ".p"))
        continue;
      g_strv_builder_add (dirs, dir);
      /* A plugin's page in the app is a module of its own there. */
      if (g_file_test (gtk_dir, G_FILE_TEST_IS_DIR))
        g_strv_builder_add (dirs, gtk_dir);
    }
  return g_strv_builder_end (dirs);
}

static void
set_default (const char *variable,
             const char *root,
             const char *subdir,
             const char *needed_file)
{
  g_autofree char *dir = g_build_filename (root, subdir, NULL);
  g_autofree char *file = g_build_filename (dir, needed_file, NULL);

  if (g_getenv (variable) == NULL && g_file_test (file, G_FILE_TEST_EXISTS))
    g_setenv (variable, dir, FALSE);
}

/**
 * zs_uninstalled_setup:
 *
 * For a program running from the build tree, points GSettings at the
 * schema compiled there and the translations at the catalogues built
 * there, unless the environment already names others. Call it first thing
 * in main(), before any thread starts; it does nothing for an installed
 * program. (The plugin engine finds the built plugins and typelib itself.)
 */
void
zs_uninstalled_setup (void)
{
  const char *root = zs_uninstalled_get_build_root ();

  if (root == NULL)
    return;
  set_default ("GSETTINGS_SCHEMA_DIR", root, "data", "gschemas.compiled");
  set_default ("ZHAOSHANG_LOCALEDIR", root, "po", "");
}
