/* test-accessibility.c: every page and dialog walked as assistive
 *   technology sees it: each button, entry and drop-down has a name, and
 *   no two mnemonics of what is on screen at once are the same key
 *
 * Runs under GTK_A11Y=test, whose accessibility backend records the
 * properties and relations that AT-SPI would publish.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zs-firms-page.h"
#include "zs-follow-up-dialog.h"
#include "zs-gtk-test-util.h"
#include "zs-projects-page.h"
#include "zs-window.h"

static ZsApplication *app;

typedef struct
{
  ZsTestDatabase db;
  ZsStore       *store;
  ZsWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  zs_test_database_init (&fixture->db);
  fixture->store = zs_test_open_store (&fixture->db, TRUE);
  fixture->window = zs_test_present_window (app, fixture->store, 1280, 800);
  zs_test_wait_for_paint (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  zs_test_destroy_window (fixture->window);
  g_clear_object (&fixture->store);
  zs_test_database_clear (&fixture->db);
}

/* A label's text counts as a name only for what a label names: a button's
 * own caption. */
static gboolean
has_caption (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* a menu's items are not the button's caption */
      if (GTK_IS_NATIVE (child))
        continue;
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) && gtk_label_get_text (GTK_LABEL (child))[0] != '\0')
        return TRUE;
      if (has_caption (child))
        return TRUE;
    }
  return FALSE;
}

/* An item of a menu built from a menu model (a private GTK class): known
 * by its role. */
static gboolean
is_menu_item (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  return role == GTK_ACCESSIBLE_ROLE_MENU_ITEM || role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX ||
         role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO;
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  return (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
          is_menu_item (widget)) &&
         has_caption (widget);
}

/* What a user operates: the parts GTK builds inside a control (the button
 * of a drop-down or a menu button, the text of an entry) are the control. */
static gboolean
is_control (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (parent != NULL && (GTK_IS_MENU_BUTTON (parent) || GTK_IS_DROP_DOWN (parent) || GTK_IS_EDITABLE (parent) ||
                         GTK_IS_SPIN_BUTTON (parent)))
    return FALSE;
  /* the window's own minimise, maximise and close buttons */
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL)
    return FALSE;
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_TEXT_VIEW (widget) || GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || is_menu_item (widget);
}

static void
describe (GtkWidget *widget,
          GString   *out)
{
  GtkWidget *w;

  g_string_append (out, G_OBJECT_TYPE_NAME (widget));
  for (w = gtk_widget_get_parent (widget); w != NULL && gtk_widget_get_parent (w) != NULL; w = gtk_widget_get_parent (w))
    if (g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Zs"))
      {
        g_string_append_printf (out, " in %s", G_OBJECT_TYPE_NAME (w));
        break;
      }
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (out, " (tooltip “%s”)", gtk_widget_get_tooltip_text (widget));
}

typedef struct
{
  GString    *unnamed;
  GHashTable *mnemonics;   /* keyval → the label's text */
  GString    *clashes;
  guint       controls;
} Walk;

static void
walk (GtkWidget *widget,
      Walk      *state)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (is_control (widget))
    {
      state->controls++;
      if (!has_name (widget))
        {
          g_string_append (state->unnamed, "\n  ");
          describe (widget, state->unnamed);
        }
    }
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)) &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != 0)
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *other = g_hash_table_lookup (state->mnemonics, GUINT_TO_POINTER (key));

      if (other != NULL)
        g_string_append_printf (state->clashes, "\n  %s: “%s” and “%s”", gdk_keyval_name (key), other,
                                gtk_label_get_label (GTK_LABEL (widget)));
      else
        g_hash_table_insert (state->mnemonics, GUINT_TO_POINTER (key), (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, state);
}

/* Fails, listing them all, on each unnamed control and mnemonic clash. */
static void
check_window_full (GtkWidget  *root,
                   const char *what,
                   gboolean    has_controls)
{
  Walk state = { g_string_new (NULL), g_hash_table_new (NULL, NULL), g_string_new (NULL), 0 };

  zs_test_wait_for_paint (root);
  walk (root, &state);
  g_test_message ("%s: %u controls", what, state.controls);
  if (has_controls)
    g_assert_cmpuint (state.controls, >, 0);
  if (state.unnamed->len > 0)
    g_error ("%s: controls without an accessible name:%s", what, state.unnamed->str);
  if (state.clashes->len > 0)
    g_error ("%s: one mnemonic for two controls:%s", what, state.clashes->str);
  g_string_free (state.unnamed, TRUE);
  g_string_free (state.clashes, TRUE);
  g_hash_table_unref (state.mnemonics);
}

/* Popovers walked by all the checks of a test. */
static guint n_popovers_walked;

static gboolean
popover_is_mapped (gpointer popover)
{
  return gtk_widget_get_mapped (popover);
}

static gboolean
popover_is_closed (gpointer popover)
{
  return !gtk_widget_get_mapped (popover);
}

static void
collect_menu_buttons (GtkWidget *widget,
                      GPtrArray *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_is_sensitive (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))
      collect_menu_buttons (child, found);
}

/* The controls of each menu and popover, opened one after the other. */
static void
check_popovers (GtkWidget  *root,
                const char *what)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_menu_buttons (root, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);
      GtkPopover *popover;
      g_autoptr(GString) where = g_string_new (NULL);

      gtk_menu_button_popup (button);
      popover = gtk_menu_button_get_popover (button);
      if (popover == NULL)
        continue;
      describe (GTK_WIDGET (button), where);
      g_string_append_printf (where, " (%s)", gtk_menu_button_get_icon_name (button) != NULL
                                              ? gtk_menu_button_get_icon_name (button)
                                              : gtk_menu_button_get_label (button) != NULL
                                              ? gtk_menu_button_get_label (button) : "");
      g_string_prepend (where, ": the popover of ");
      g_string_prepend (where, what);
      /* Under Xvfb the window's main menu may not open in a first test
       * (its items are a menu model, named by their labels): said, not
       * failed, as long as the other popovers are walked. */
      if (!zs_test_wait_until (popover_is_mapped, popover))
        {
          g_test_message ("%s did not open", where->str);
          continue;
        }
      n_popovers_walked++;
      /* a menu's items are controls too: each needs a name */
      check_window_full (GTK_WIDGET (popover), where->str, TRUE);
      gtk_menu_button_popdown (button);
      g_assert_true (zs_test_wait_until (popover_is_closed, popover));
    }
}

static void
check_window (GtkWidget  *root,
              const char *what)
{
  check_window_full (root, what, TRUE);
  check_popovers (root, what);
}

static void
show_view (Fixture    *fixture,
           const char *name)
{
  g_assert_nonnull (zs_window_get_view (fixture->window, name));
  zs_window_set_view_name (fixture->window, name);
  zs_test_wait_for_paint (GTK_WIDGET (fixture->window));
}


static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  const char *views[] = { "dashboard", "firms", "projects", "activities", "sectors" };
  ZsFirmsPage *firms;
  ZsProjectsPage *projects;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      show_view (fixture, views[i]);
      check_window (GTK_WIDGET (fixture->window), views[i]);
    }

  /* a firm and a project open in their forms, and the pipeline board */
  firms = ZS_FIRMS_PAGE (zs_window_get_view (fixture->window, "firms"));
  show_view (fixture, "firms");
  g_object_unref (zs_test_get_loaded_item (zs_firms_page_get_model (firms), 0));
  zs_firms_page_select (firms, 0);
  check_window (GTK_WIDGET (fixture->window), "firm form");
  zs_record_editor_show_hub (zs_firms_page_get_editor (firms));
  check_window (GTK_WIDGET (fixture->window), "firm contacts and activity");
  {
    AdwMessageDialog *dialog = zs_firm_hub_edit_contact (zs_record_editor_get_hub (zs_firms_page_get_editor (firms)), 0);

    check_window (GTK_WIDGET (dialog), "contact dialog");
    zs_test_destroy_window (dialog);
  }

  projects = ZS_PROJECTS_PAGE (zs_window_get_view (fixture->window, "projects"));
  show_view (fixture, "projects");
  g_object_unref (zs_test_get_loaded_item (zs_projects_page_get_model (projects), 0));
  zs_projects_page_select (projects, 0);
  check_window (GTK_WIDGET (fixture->window), "project form");
  zs_projects_page_set_layout (projects, "board");
  g_assert_true (zs_test_wait_idle ((ZsTestBusyFunc) zs_pipeline_board_is_loading, zs_projects_page_get_board (projects)));
  check_window (GTK_WIDGET (fixture->window), "pipeline board");
  /* the pages' menus and choosers were opened and walked */
  g_assert_cmpuint (n_popovers_walked, >=, 3);
}

static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  const char *staff[] = { "王建军", "张伟", NULL };
  GtkWidget *dialog = zs_follow_up_dialog_new (fixture->store, staff, "张伟", "2026-01-05");
  GtkWindow *window;

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (dialog));
  check_window (dialog, "follow-up dialog");
  zs_test_destroy_window (dialog);

  window = zs_window_open_import (fixture->window);
  check_window (GTK_WIDGET (window), "import dialog");
  zs_test_destroy_window (window);

  /* without plugins, nothing to switch on or off */
  window = zs_window_open_preferences (fixture->window);
  check_window_full (GTK_WIDGET (window), "preferences", FALSE);
  zs_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zs_test_init (&argc, &argv, APPLICATION_ID ".AccessibilityTest");

  g_test_add ("/gtk/accessibility/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/gtk/accessibility/dialogs", Fixture, NULL, fixture_set_up, test_dialogs, fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
