/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exporting from the window, under a real X server: the selected contacts, chosen in the
 * export dialog, go through GTK's file chooser (typed into, as a person would) to a vCard
 * file that the vCard reader reads back. Screenshots of the dialog, at the width and in the
 * language the test runs in.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "interchange-ui-utils.h"
#include "reseau-export-dialog.h"
#include "reseau-test-utils.h"
#include "reseau-vcard-reader.h"



/* The file dialog falls back to GTK's own chooser without a portal: it is answered as a
 * person would, by typing the file's path and pressing Enter. With no window manager, the
 * chooser gets the keyboard focus from xdotool rather than by being clicked. */
static void
answer_file_chooser (Fixture    *f,
                     const char *title,
                     const char *path)
{
  g_autofree char *name = g_strdup_printf ("^%s$", title);
  GtkWindow *chooser = NULL;

  g_assert_true (reseau_test_iterate_until (is_file_chooser, &chooser, 10000));
  g_assert_true (reseau_test_wait_for_mapped (GTK_WIDGET (chooser)));
  settle (500);
  g_assert_true (reseau_test_xdotool ((const char * const[]) { "search", "--sync", "--name", name,
                                                               "windowfocus", "--sync", "%1", NULL }));
  settle (300);
  /* xdotool type takes every argument after it as text: it comes last. */
  g_assert_true (reseau_test_xdotool ((const char * const[]) { "key", "ctrl+a", NULL }));
  g_assert_true (reseau_test_xdotool ((const char * const[]) { "type", "--delay", "20", path, NULL }));
  settle (300);
  g_assert_true (reseau_test_xdotool ((const char * const[]) { "key", "Return", NULL }));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_export_selection (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "chosen.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauCircle) circle = NULL;
  GtkSelectionModel *selection;
  gint64 zoe, circle_id;

  add_contact (f, "Ada", "Lovelace", "ada@example.org", "Analytical Engines", "Analyst");
  add_contact (f, "Grace", "Hopper", "grace@example.org", "Navy", "Rear Admiral");
  zoe = add_contact (f, "Zoë", "Leclerc", "zoe@example.org", "Atelier", "Designer");
  circle = reseau_circle_new ("Clients");
  circle_id = reseau_store_save_circle (f->store, circle, &error);
  g_assert_no_error (error);
  g_assert_true (reseau_store_add_to_circle (f->store, circle_id, &zoe, 1, NULL, NULL, &error));
  reseau_store_emit_changed (f->store);
  selection = GTK_SELECTION_MODEL (f->window->selection);
  gtk_selection_model_select_item (selection, reseau_contact_list_find (f->window->contacts, 1), TRUE);
  gtk_selection_model_select_item (selection, reseau_contact_list_find (f->window->contacts, 3), FALSE);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL);
  g_assert_true (RESEAU_IS_EXPORT_DIALOG (visible_dialog (f)));
  screenshot (f, "export");
  click_button (f, _("_Export…"));
  answer_file_chooser (f, _("Export Contacts"), path);
  g_assert_true (reseau_test_iterate_until (file_exists, path, 10000));
  wait_dialog_closed (f);

  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  records = reseau_vcard_read_all (G_INPUT_STREAM (stream), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  for (guint i = 0; i < records->len; i++)
    {
      ReseauImportRecord *record = g_ptr_array_index (records, i);
      const char *email = reseau_contact_get_first_value (record->contact, RESEAU_VALUE_EMAIL);

      g_assert_true (g_str_equal (email, "ada@example.org") || g_str_equal (email, "zoe@example.org"));
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("RESEAU_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() pins a locale of its own: the dialog must speak the user's. */
  setlocale (LC_ALL, "");
  adw_init ();

  g_test_add ("/ui/export/selection/1100", Fixture, GINT_TO_POINTER (1100), fixture_set_up,
              test_export_selection, fixture_tear_down);
  g_test_add ("/ui/export/selection/360", Fixture, GINT_TO_POINTER (360), fixture_set_up,
              test_export_selection, fixture_tear_down);
  return g_test_run ();
}
