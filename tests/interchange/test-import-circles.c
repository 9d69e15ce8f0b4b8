/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "import-test-utils.h"
#include "reseau-store.h"

/* Categories become circles when the import is asked to: existing circles are reused by name
 * ignoring case and accents, others are created, and members are added with the contacts. */

typedef ImportTestFixture Fixture;

static const char cards[] =
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
  "EMAIL:ada@example.org\r\nCATEGORIES:clients lyón,Mathematics\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alan Turing\r\nN:Turing;Alan;;;\r\n"
  "EMAIL:alan@example.org\r\nCATEGORIES:mathematics\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nN:Hopper;Grace;;;\r\n"
  "EMAIL:grace@example.org\r\nEND:VCARD\r\n"
  /* Ada again, by her email: one member, not two. */
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
  "EMAIL:ADA@example.org\r\nCATEGORIES:Mathematics,Poetry\r\nEND:VCARD\r\n";

/* "name: member, member" per circle, by circle name then member name. */
static char *
describe_circles (const char *db)
{
  g_autoptr(ReseauStore) store = reseau_store_open (db, NULL);
  g_autoptr(GPtrArray) circles = reseau_store_list_circles (store, NULL);
  g_autoptr(GArray) entries = reseau_store_list (store, RESEAU_SORT_GIVEN_NAME, NULL, NULL);
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < circles->len; c++)
    {
      ReseauCircle *circle = g_ptr_array_index (circles, c);

      g_string_append_printf (out, "%s:", reseau_circle_get_name (circle));
      for (guint i = 0; i < entries->len; i++)
        {
          gint64 id = g_array_index (entries, ReseauListEntry, i).id;
          g_autoptr(GArray) in = reseau_store_list_contact_circles (store, id, NULL);

          for (guint k = 0; k < in->len; k++)
            if (g_array_index (in, gint64, k) == reseau_circle_get_id (circle))
              {
                g_autoptr(ReseauContact) contact = reseau_store_load_contact (store, id, FALSE, NULL);
                g_autofree char *name = reseau_contact_dup_name (contact);

                g_string_append_printf (out, " %s", name);
              }
        }
      g_string_append (out, ";");
    }
  return g_string_free (out, FALSE);
}

static void
seed_circle (const char *db,
             const char *name)
{
  g_autoptr(ReseauStore) store = reseau_store_open (db, NULL);
  g_autoptr(ReseauCircle) circle = reseau_circle_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (reseau_store_save_circle (store, circle, &error), >, 0);
  g_assert_no_error (error);
}

static ReseauImportSummary *
import_with_circles (const char *db,
                     GFile      *file,
                     gboolean    create_circles)
{
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (db);
  g_autoptr(ReseauImportSummary) prepared = NULL;
  g_autoptr(GError) error = NULL;
  ReseauImportSummary *summary;

  prepared = import_test_prepare (job, &file, 1, &error);
  g_assert_no_error (error);
  reseau_import_job_set_create_circles (job, create_circles);
  summary = import_test_commit (job, FALSE, NULL, &error);
  g_assert_no_error (error);
  return summary;
}

static void
test_off_by_default (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = import_test_write_file (f->dir, "cards.vcf", cards);
  g_autoptr(ReseauImportSummary) summary = NULL;
  g_autofree char *circles = NULL;

  seed_circle (f->db, "Clients Lyon");
  summary = import_test_import (f->db, &file, 1, NULL);
  circles = describe_circles (f->db);
  g_assert_cmpstr (circles, ==, "Clients Lyon:;");
  g_assert_cmpuint (g_strv_length ((GStrv)reseau_import_summary_get_new_circles (summary)), ==, 0);
  /* The categories are still offered. */
  g_assert_true (g_strv_contains (reseau_import_summary_get_categories (summary), "Poetry"));
}

static void
test_create_and_reuse (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = import_test_write_file (f->dir, "cards.vcf", cards);
  g_autoptr(ReseauImportSummary) first = NULL;
  g_autoptr(ReseauImportSummary) again = NULL;
  g_autofree char *circles = NULL;
  g_autofree char *circles_again = NULL;
  g_autofree char *text = NULL;
  const char * const *created;

  seed_circle (f->db, "Clients Lyon");
  first = import_with_circles (f->db, file, TRUE);
  circles = describe_circles (f->db);
  /* The first spelling in the file names a new circle; the existing one keeps its own. */
  g_assert_cmpstr (circles, ==,
                   "Clients Lyon: Ada Lovelace;Mathematics: Ada Lovelace Alan Turing;Poetry: Ada Lovelace;");
  created = reseau_import_summary_get_new_circles (first);
  g_assert_cmpuint (g_strv_length ((GStrv)created), ==, 2);
  g_assert_cmpstr (created[0], ==, "Mathematics");
  g_assert_cmpstr (created[1], ==, "Poetry");
  text = reseau_import_summary_to_string (first);
  g_assert_nonnull (strstr (text, "Mathematics, Poetry"));

  /* Importing the same file again changes nothing and creates no circle. */
  again = import_with_circles (f->db, file, TRUE);
  circles_again = describe_circles (f->db);
  g_assert_cmpstr (circles_again, ==, circles);
  g_assert_cmpuint (g_strv_length ((GStrv)reseau_import_summary_get_new_circles (again)), ==, 0);
  g_assert_cmpuint (reseau_import_summary_get_n_added (again), ==, 0);
}

/* Google's CSV labels, with its starred system groups left out. */
static void
test_csv_labels (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = import_test_fixture_file ("csv", "google-contacts.csv");
  g_autoptr(ReseauImportSummary) summary = import_with_circles (f->db, file, TRUE);
  g_autofree char *circles = describe_circles (f->db);

  g_assert_nonnull (strstr (circles, "Sciences: Dr Marie Louise Curie;"));
  g_assert_null (strstr (circles, "myContacts"));
  g_assert_null (strstr (circles, "starred"));
}

/* A cancelled import leaves no circle behind, not even an empty one. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  GString *many = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (f->db);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ReseauImportSummary) prepared = NULL;
  g_autoptr(ReseauImportSummary) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = import_test_dump (f->db);
  g_autofree char *after = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (many, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:P%u Q\r\nEMAIL:p%u@example.org\r\n"
                                  "CATEGORIES:Group %u\r\nEND:VCARD\r\n", i, i, i % 7);
  file = import_test_write_file (f->dir, "many.vcf", many->str);
  g_string_free (many, TRUE);

  prepared = import_test_prepare (job, &file, 1, &error);
  g_assert_no_error (error);
  reseau_import_job_set_create_circles (job, TRUE);
  reseau_import_job_set_progress_func (job, import_test_cancel_cb, g_object_ref (cancellable), g_object_unref);
  result = import_test_commit (job, FALSE, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = import_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, import_test_fixture_set_up, func, import_test_fixture_tear_down)
  ADD ("/import/circles/off-by-default", test_off_by_default);
  ADD ("/import/circles/create-and-reuse", test_create_and_reuse);
  ADD ("/import/circles/csv-labels", test_csv_labels);
  ADD ("/import/circles/cancel", test_cancel);
#undef ADD

  return g_test_run ();
}
