/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include <zhaoshang.h>

#include "zhaoshang.h"
#include "zs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ZsApplication) app = NULL;

  zs_uninstalled_setup ();
  zs_store_tune_process ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, zs_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = zs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
