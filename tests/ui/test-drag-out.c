/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dragging contacts out of Réseau to another application, under a real X server: two selected
 * rows of the list are dragged with the real pointer (xdotool) onto the window of a second X
 * client (tests/ui/drop-target.c), which asks for text/vcard over XDND and writes what it
 * receives to a file. The file is read back with Réseau's own vCard reader: both contacts, with
 * their accented names, e-mail addresses and organisations, and nobody else.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "interchange-ui-utils.h"
#include "reseau-contact-row.h"
#include "reseau-test-utils.h"
#include "reseau-vcard-reader.h"

/* The other application ------------------------------------------------------------------ */

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *output;
  int               x, y, width, height;
} DropTarget;

/* Moves the other client's window beside Réseau's (there is no window manager to place it)
 * and reads where it ended up. */
static gboolean
place_drop_target (DropTarget *target)
{
  return reseau_test_xdotool ((const char * const[]) { "search", "--sync", "--onlyvisible", "--name", "^drop-target$",
                                                       "windowmove", "--sync", "1250", "300", NULL }) &&
         reseau_test_x_window_geometry ("drop-target", &target->x, &target->y, &target->width, &target->height);
}

/* Starts tests/ui/drop-target.c writing to @path and waits for its window. */
static void
start_drop_target (DropTarget *target,
                   const char *path)
{
  const char *program = g_getenv ("RESEAU_TEST_DROP_TARGET");
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_assert_nonnull (program);
  target->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                      program, path, NULL);
  g_assert_no_error (error);
  target->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (target->process));
  line = g_data_input_stream_read_line (target->output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  g_assert_true (place_drop_target (target));
  /* Whatever happens to it, its window must stay clear of Réseau's. */
  g_assert_cmpint (target->x, >=, 1100);
}

static void
stop_drop_target (DropTarget *target)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_close (g_subprocess_get_stdin_pipe (target->process), NULL, NULL);
  g_subprocess_wait_check (target->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&target->output);
  g_clear_object (&target->process);
}

/* Réseau's list -------------------------------------------------------------------------- */

static gboolean
is_contact_row (GtkWidget     *widget,
                gconstpointer  id)
{
  ReseauContact *contact;

  if (!RESEAU_IS_CONTACT_ROW (widget) || !gtk_widget_is_drawable (widget))
    return FALSE;
  contact = reseau_contact_row_get_contact (RESEAU_CONTACT_ROW (widget));
  return contact != NULL && reseau_contact_get_id (contact) == *(const gint64 *) id;
}

static GtkWidget *
contact_row (Fixture *f,
             gint64   id)
{
  guint position = reseau_contact_list_find (reseau_window_get_contacts (f->window), id);
  GtkWidget *row;

  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_list_view_scroll_to (f->window->list_view, position, GTK_LIST_SCROLL_NONE, NULL);
  row = wait_for (f, is_contact_row, &id, "The contact’s row");
  settle (300);
  return row;
}

/* A click at @widget's centre, with @modifier (e.g. "ctrl") held when not NULL. */
static void
click_with (GtkWidget  *widget,
            const char *modifier)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  int root_x, root_y;

  g_assert_true (reseau_test_widget_root_point (widget, gtk_widget_get_width (widget) / 2.0,
                                                gtk_widget_get_height (widget) / 2.0, &root_x, &root_y));
  x = g_strdup_printf ("%d", root_x);
  y = g_strdup_printf ("%d", root_y);
  if (modifier != NULL)
    g_assert_true (reseau_test_xdotool ((const char * const[]) {
      "mousemove", x, y, "sleep", "0.1", "keydown", modifier, "click", "1", "keyup", modifier, "sleep", "0.1", NULL }));
  else
    g_assert_true (reseau_test_xdotool ((const char * const[]) {
      "mousemove", x, y, "sleep", "0.1", "click", "1", "sleep", "0.1", NULL }));
  settle (200);
}

/* The test ------------------------------------------------------------------------------- */

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The record whose card carries @email, or NULL. */
static ReseauContact *
record_with_email (GPtrArray  *records,
                   const char *email)
{
  for (guint i = 0; i < records->len; i++)
    {
      ReseauImportRecord *record = records->pdata[i];

      if (g_strcmp0 (reseau_contact_get_first_value (record->contact, RESEAU_VALUE_EMAIL), email) == 0)
        return record->contact;
    }
  return NULL;
}

static void
check_contact (GPtrArray  *records,
               const char *email,
               const char *given,
               const char *family,
               const char *organization)
{
  ReseauContact *contact = record_with_email (records, email);

  if (contact == NULL)
    g_error ("No card with the e-mail address %s", email);
  g_assert_cmpstr (reseau_contact_get_text (contact, RESEAU_FIELD_GIVEN), ==, given);
  g_assert_cmpstr (reseau_contact_get_text (contact, RESEAU_FIELD_FAMILY), ==, family);
  g_assert_cmpstr (reseau_contact_get_text (contact, RESEAU_FIELD_ORGANIZATION), ==, organization);
}

static void
test_drag_two_out (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "dropped.vcf", NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  g_autofree char *line = NULL;
  DropTarget target = { 0 };
  gint64 chloe, emile;

  chloe = add_contact (f, "Chloé", "Durand-Lefèvre", "chloe@example.fr", "Lumière Studio", "Directrice");
  add_contact (f, "Bruno", "Petit", "bruno@example.fr", "Canut Conseil", "Consultant");
  emile = add_contact (f, "Émile", "Roux", "emile@example.fr", "Presqu’île Labs", "Fondateur");
  wait_count (f, 3);

  start_drop_target (&target, path);

  /* Chloé, then Émile with Ctrl: Bruno, between them, stays out. */
  click_with (contact_row (f, chloe), NULL);
  click_with (contact_row (f, emile), "ctrl");
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (f->window->selection));
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 2);

  g_assert_true (reseau_test_drag_to_point (contact_row (f, emile), target.x + target.width / 2,
                                            target.y + target.height / 2));
  if (!reseau_test_iterate_until (file_exists, path, 10000))
    {
      reseau_test_save_screenshot (GTK_WIDGET (f->window), "drag-out-failure.png");
      g_error ("The other application received no vCards");
    }
  line = g_data_input_stream_read_line (target.output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "dropped");
  stop_drop_target (&target);

  file = g_file_new_for_path (path);
  input = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  records = reseau_vcard_read_all (G_INPUT_STREAM (input), &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  g_assert_cmpuint (problems != NULL ? problems->len : 0, ==, 0);
  g_assert_cmpuint (records->len, ==, 2);
  check_contact (records, "chloe@example.fr", "Chloé", "Durand-Lefèvre", "Lumière Studio");
  check_contact (records, "emile@example.fr", "Émile", "Roux", "Presqu’île Labs");
  g_assert_null (record_with_email (records, "bruno@example.fr"));
  /* A drag copies: Réseau still has all three. */
  g_assert_cmpuint (reseau_store_count_contacts (f->store), ==, 3);
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
  /* gtk_test_init() pins a locale of its own: the window must speak the user's. */
  setlocale (LC_ALL, "");
  adw_init ();

  g_test_add ("/ui/drag-out/two-contacts-as-vcards", Fixture, NULL, fixture_set_up, test_drag_two_out,
              fixture_tear_down);
  return g_test_run ();
}
