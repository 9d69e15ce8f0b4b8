/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing in the window, under a real X server: a .vcf file dragged from another X client
 * (tests/ui/drag-source.c) over real XDND opens the summary and Import stores its contacts;
 * a file with a bad record lists it by line, Cancel leaves the database as it was and
 * "Import the Rest" imports the good ones; a CSV of unknown shape gets its column mapping;
 * Cancel stops a long import while reading and while writing. Screenshots of each step, at
 * the width and in the language the test runs in.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "reseau-export-dialog.h"
#include "reseau-import-dialog.h"
#include "reseau-test-utils.h"
#include "reseau-validate.h"
#include "interchange-ui-utils.h"


#define TWO_CARDS \
  "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n" \
  "EMAIL:ada@example.org\r\nORG:Difference Engines\r\nTITLE:Lead Analyst\r\nEND:VCARD\r\n" \
  "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoë Leclerc\r\nN:Leclerc;Zoë;;;\r\nEMAIL:zoe@example.org\r\n" \
  "CATEGORIES:Clients\r\nEND:VCARD\r\n"

/* Dragging from another X client ---------------------------------------------------------------- */

typedef struct
{
  GSubprocess *process;
  int          x, y, width, height;
} DragSource;

static gboolean
read_geometry (DragSource *source)
{
  return reseau_test_x_window_geometry ("drag-source", &source->x, &source->y, &source->width, &source->height);
}

/* Starts tests/ui/drag-source.c offering @file and waits for its window. */
static void
start_drag_source (DragSource *source,
                   GFile      *file)
{
  const char *program = g_getenv ("RESEAU_TEST_DRAG_SOURCE");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  g_assert_nonnull (program);
  source->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                      program, path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (source->process));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  g_assert_true (read_geometry (source));
}

static void
stop_drag_source (DragSource *source)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_close (g_subprocess_get_stdin_pipe (source->process), NULL, NULL);
  g_subprocess_wait (source->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&source->process);
}

/* Press on the other client's window, move over @to in ten steps, release. */
static void
drag_to (DragSource *source,
         GtkWidget  *to)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  int from_x = source->x + source->width / 2, from_y = source->y + source->height / 2;
  int to_x, to_y;

  g_assert_true (reseau_test_widget_root_point (to, gtk_widget_get_width (to) / 2.0,
                                                gtk_widget_get_height (to) / 2.0, &to_x, &to_y));
  g_strv_builder_add_many (builder, "mousemove", NULL);
  g_strv_builder_take (builder, g_strdup_printf ("%d", from_x));
  g_strv_builder_take (builder, g_strdup_printf ("%d", from_y));
  g_strv_builder_add_many (builder, "sleep", "0.2", "mousedown", "1", "sleep", "0.1", NULL);
  for (int i = 1; i <= 10; i++)
    {
      g_strv_builder_add (builder, "mousemove");
      g_strv_builder_take (builder, g_strdup_printf ("%d", from_x + (to_x - from_x) * i / 10));
      g_strv_builder_take (builder, g_strdup_printf ("%d", from_y + (to_y - from_y) * i / 10));
      g_strv_builder_add_many (builder, "sleep", "0.05", NULL);
    }
  g_strv_builder_add_many (builder, "sleep", "0.3", "mouseup", "1", "sleep", "0.2", NULL);
  argv = g_strv_builder_end (builder);
  g_assert_true (reseau_test_xdotool ((const char * const *)argv));
}

static void
test_drag_vcard (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "network.vcf", TWO_CARDS);
  g_autoptr(GFile) photo = write_file (f, "photo.png", "\x89PNG\r\n\x1a\n");
  g_autofree char *refused = g_strdup_printf (_("“%s” is not a vCard or CSV file"), "photo.png");
  DragSource source = { 0 };

  /* A file that is not a vCard or CSV is refused, with its name. */
  start_drag_source (&source, photo);
  drag_to (&source, GTK_WIDGET (f->window->list_stack));
  stop_drag_source (&source);
  wait_for (f, is_label_containing, refused, refused);
  g_assert_null (visible_dialog (f));

  start_drag_source (&source, file);
  drag_to (&source, GTK_WIDGET (f->window->list_stack));
  stop_drag_source (&source);
  wait_page (f, "summary");
  {
    g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new contact", "%u new contacts", 2), 2);

    g_assert_nonnull (find_widget (GTK_WIDGET (visible_dialog (f)), is_row_titled, added));
  }
  g_assert_cmpuint (reseau_store_count_contacts (f->store), ==, 0);

  click_button (f, _("_Import"));
  wait_dialog_closed (f);
  wait_count (f, 2);
  {
    g_autofree char *org = find_contact_text (f, "ada@example.org", RESEAU_FIELD_ORGANIZATION);

    g_assert_cmpstr (org, ==, "Difference Engines");
  }
}

/* Bad records ------------------------------------------------------------------------------------ */

/* The third card, at line 16, has no END:VCARD before the next one. */
#define WITH_BAD_CARD \
  TWO_CARDS \
  "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Broken Card\r\n" \
  "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Marc Petit\r\nEMAIL:marc@example.org\r\nEND:VCARD\r\n"

static void
open_import (Fixture    *f,
             GFile      *file)
{
  _reseau_window_import_files (f->window, &file, 1);
}

static gboolean
only_selected (gpointer data)
{
  Fixture *f = ((gpointer *)data)[0];
  gint64 id = *(gint64 *)((gpointer *)data)[1];
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (f->window->selection));

  return gtk_bitset_get_size (selected) == 1 &&
         reseau_contact_list_get_id (f->window->contacts, gtk_bitset_get_nth (selected, 0)) == id;
}

static void
test_bad_records (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "phone.vcf", WITH_BAD_CARD);
  g_autofree char *line = g_strdup_printf (_("Line %u: "), 16);
  GtkWidget *row;
  gint64 ada;

  /* Ada is known: the file changes her job, which the summary lists. */
  ada = add_contact (f, "Ada", "Lovelace", "ada@example.org", "Analytical Engines", "Analyst");

  open_import (f, file);
  wait_page (f, "summary");
  row = find_widget (GTK_WIDGET (visible_dialog (f)), is_row_titled, line);
  if (row == NULL)
    reseau_test_save_screenshot (GTK_WIDGET (f->window), "import-failure.png");
  g_assert_nonnull (row);
  g_assert_nonnull (find_widget (GTK_WIDGET (visible_dialog (f)), is_row_titled, "Ada Lovelace"));
  screenshot (f, "import-summary");

  /* Cancel: nothing changes. */
  click_button (f, _("_Cancel"));
  wait_dialog_closed (f);
  g_assert_cmpuint (reseau_store_count_contacts (f->store), ==, 1);
  {
    g_autofree char *org = find_contact_text (f, "ada@example.org", RESEAU_FIELD_ORGANIZATION);

    g_assert_cmpstr (org, ==, "Analytical Engines");
  }

  /* Import the Rest: the good cards, and the job change. */
  open_import (f, file);
  wait_page (f, "summary");
  click_button (f, _("_Import the Rest"));
  wait_dialog_closed (f);
  wait_count (f, 3);
  {
    g_autofree char *org = find_contact_text (f, "ada@example.org", RESEAU_FIELD_ORGANIZATION);
    g_autofree char *marc = find_contact_text (f, "marc@example.org", RESEAU_FIELD_DISPLAY_NAME);

    g_assert_cmpstr (org, ==, "Difference Engines");
    g_assert_nonnull (marc);
  }

  /* The toast's Show selects the people who changed jobs, in one click. */
  click_button (f, _("_Show"));
  g_assert_true (reseau_test_iterate_until (only_selected, (gpointer[]) { f, &ada }, 5000));
}

/* Column mapping ------------------------------------------------------------------------------------ */

#define GENERIC_CSV \
  "Prénom;Nom;Courriel;Société;Poste occupé;Ville\r\n" \
  "Camille;Durand;camille@example.fr;Atelier Durand;Gérante;Lyon\r\n" \
  "Hugo;Martin;hugo@example.fr;Coopérative Nord;Comptable;Lille\r\n"

static void
test_csv_mapping (Fixture       *f,
                  gconstpointer  data)
{
  /* As French Excel writes it: Windows-1252, which the summary notes. */
  g_autofree char *cp1252 = g_convert (GENERIC_CSV, -1, "WINDOWS-1252", "UTF-8", NULL, NULL, NULL);
  g_autoptr(GFile) file = write_file (f, "clients.csv", cp1252);
  const char *job_title = reseau_text_field_label (RESEAU_FIELD_TITLE);
  AdwComboRow *row;
  GListModel *choices;

  open_import (f, file);
  wait_page (f, "mapping");
  /* "Poste occupé" is no name Réseau knows: it starts ignored, and is set to the job title. */
  row = ADW_COMBO_ROW (wait_for (f, is_row_titled, "Poste occupé", "the Poste occupé row"));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (visible_dialog (f)), is_row_titled, "Courriel"));
  choices = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), job_title))
      adw_combo_row_set_selected (row, i);
  g_assert_cmpuint (adw_combo_row_get_selected (row), !=, 0);
  screenshot (f, "import-mapping");

  click_button (f, _("C_ontinue"));
  wait_page (f, "summary");
  g_assert_nonnull (find_widget (GTK_WIDGET (visible_dialog (f)), is_row_titled, _("Read as Windows-1252")));
  click_button (f, _("_Import"));
  wait_dialog_closed (f);
  wait_count (f, 2);
  {
    g_autofree char *title = find_contact_text (f, "camille@example.fr", RESEAU_FIELD_TITLE);
    g_autofree char *org = find_contact_text (f, "hugo@example.fr", RESEAU_FIELD_ORGANIZATION);

    g_assert_cmpstr (title, ==, "Gérante");
    g_assert_cmpstr (org, ==, "Coopérative Nord");
  }
}

/* Long imports show their progress and stop on Cancel, while reading and while writing;
 * the database stays as it was. */
static GFile *
write_many_cards (Fixture *f,
                  guint    n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %u\r\nN:%u;Person;;;\r\n"
                                  "EMAIL:person%u@example.org\r\nORG:Company %u\r\nEND:VCARD\r\n",
                            i, i, i, i % 97);
  return write_file (f, "many.vcf", text->str);
}

static void
wait_still (Fixture   *f,
            GtkWidget *widget)
{
  graphene_point_t before = GRAPHENE_POINT_INIT (-1, -1), now = GRAPHENE_POINT_INIT (0, 0);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!graphene_point_equal (&before, &now) && g_get_monotonic_time () < deadline)
    {
      before = now;
      settle (150);
      g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (f->window),
                                               &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget),
                                                                     gtk_widget_get_height (widget)), &now));
    }
}

static void
cancel_while_working (Fixture *f)
{
  GtkWidget *cancel = wait_for (f, is_button_labelled, _("_Cancel"), "Cancel");

  /* A busy machine slows the dialog's opening animation down: wait until it has ended. */
  wait_still (f, cancel);
  g_assert_cmpstr (dialog_page (f), ==, "working");
  g_assert_true (reseau_test_click (cancel));
  wait_dialog_closed (f);
}

static void
test_cancel_long (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = write_many_cards (f, 100000);
  gpointer working[] = { f, (gpointer)"working" };

  add_contact (f, "Ada", "Lovelace", "ada@example.org", "Analytical Engines", "Analyst");

  /* While reading. */
  open_import (f, file);
  g_assert_true (reseau_test_iterate_until (page_is, working, 5000));
  screenshot (f, "import-progress");
  cancel_while_working (f);
  g_assert_cmpuint (reseau_store_count_contacts (f->store), ==, 1);

  /* While writing, in one transaction that Cancel rolls back (no screenshot here: the
   * faster commit could end before Cancel). */
  open_import (f, file);
  wait_page (f, "summary");
  click_button (f, _("_Import"));
  g_assert_true (reseau_test_iterate_until (page_is, working, 5000));
  cancel_while_working (f);
  settle (500);
  g_assert_cmpuint (reseau_store_count_contacts (f->store), ==, 1);
}

/* A file that holds no contact at all: the dialog says why, and nothing is stored. */
static gboolean
is_status_page (GtkWidget     *widget,
                gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_is_drawable (widget);
}

static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  static const char binary[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
  g_autofree char *path = g_build_filename (f->dir, "contacts.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/contacts.vcf");
  GtkWidget *page;

  g_assert_true (g_file_set_contents (path, binary, sizeof binary, NULL));
  open_import (f, file);
  wait_page (f, "error");
  page = find_widget (GTK_WIDGET (visible_dialog (f)), is_status_page, NULL);
  g_assert_nonnull (page);
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "contacts.csv"));
  screenshot (f, "import-error");
  click_button (f, _("_Close"));
  wait_dialog_closed (f);

  open_import (f, missing);
  wait_page (f, "error");
  page = find_widget (GTK_WIDGET (visible_dialog (f)), is_status_page, NULL);
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "/nonexistent/contacts.vcf"));
  g_assert_cmpuint (reseau_store_count_contacts (f->store), ==, 0);
}


/* The empty state's Import… button opens the file chooser, filtered to vCard and CSV files.
 * Choosing a file in GTK's own chooser is left out: typing a path into its location entry
 * trips a critical inside GTK's completion, and the file's way on is covered above. */
static void
test_import_button (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *button = wait_for (f, is_button_labelled, _("_Import…"), "Import…");
  GtkWindow *chooser = NULL;

  settle (300);
  g_assert_true (reseau_test_click (button));
  g_assert_true (reseau_test_iterate_until (is_file_chooser, &chooser, 10000));
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, _("Import Contacts"));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_file_chooser_get_select_multiple (GTK_FILE_CHOOSER (chooser)));
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser))), ==,
                   _("vCard and CSV files"));
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_window_close (chooser);
  g_assert_null (visible_dialog (f));
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
  /* gtk_test_init() pins a locale of its own: the dialogs must speak the user's. */
  setlocale (LC_ALL, "");
  adw_init ();

  g_test_add ("/ui/import/drag-vcard", Fixture, NULL, fixture_set_up, test_drag_vcard, fixture_tear_down);
  g_test_add ("/ui/import/empty-state-button", Fixture, NULL, fixture_set_up, test_import_button, fixture_tear_down);
  g_test_add ("/ui/import/cancel-long", Fixture, NULL, fixture_set_up, test_cancel_long, fixture_tear_down);
  g_test_add ("/ui/import/unreadable", Fixture, NULL, fixture_set_up, test_unreadable, fixture_tear_down);
  for (guint i = 0; i < 2; i++)
    {
      int width = i == 0 ? 1100 : 360;
      g_autofree char *bad = g_strdup_printf ("/ui/import/bad-records/%d", width);
      g_autofree char *csv = g_strdup_printf ("/ui/import/csv-mapping/%d", width);

      g_test_add (bad, Fixture, GINT_TO_POINTER (width), fixture_set_up, test_bad_records, fixture_tear_down);
      g_test_add (csv, Fixture, GINT_TO_POINTER (width), fixture_set_up, test_csv_mapping, fixture_tear_down);
    }
  return g_test_run ();
}

