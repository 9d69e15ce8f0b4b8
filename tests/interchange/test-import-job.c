/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "import-test-utils.h"
#include "interchange-test-utils.h"
#include "reseau-export-job.h"
#include "reseau-import-job.h"
#include "reseau-store.h"

/* Import and export jobs against a real database: matching, merging, career history,
 * all-or-nothing commits and cancellation. */

typedef ImportTestFixture Fixture;

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  return import_test_write_file (f->dir, name, text);
}

static gboolean
export_file (const char          *db,
             GFile               *file,
             ReseauExportFormat   format,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  reseau_export_contacts_async (db, NULL, 0, file, format, cancellable, import_test_result_cb, &result);
  return reseau_export_contacts_finish (import_test_wait (&result), NULL, error);
}

static GPtrArray *
load_all (const char *db)
{
  g_autoptr(ReseauStore) store = reseau_store_open (db, NULL);
  g_autoptr(GArray) entries = reseau_store_list (store, RESEAU_SORT_FAMILY_NAME, NULL, NULL);
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (contacts, reseau_store_load_contact (store, g_array_index (entries, ReseauListEntry, i).id, TRUE, NULL));
  return contacts;
}

static guint
count_values (const char *db)
{
  g_autoptr(GPtrArray) contacts = load_all (db);
  guint n = 0;

  for (guint i = 0; i < contacts->len; i++)
    n += reseau_contact_get_values (g_ptr_array_index (contacts, i))->len;
  return n;
}

static void
assert_same_contacts (const char *db1,
                      const char *db2)
{
  g_autoptr(GPtrArray) a = load_all (db1);
  g_autoptr(GPtrArray) b = load_all (db2);

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    interchange_test_assert_contacts_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  GFile *sources[] = {
    import_test_fixture_file ("vcard", "thunderbird-4.0.vcf"),
    import_test_fixture_file ("vcard", "apple-icloud-3.0.vcf"),
    import_test_fixture_file ("vcard", "google-3.0.vcf"),
  };
  g_autofree char *db2 = g_build_filename (f->dir, "second.db", NULL);
  g_autofree char *db3 = g_build_filename (f->dir, "third.db", NULL);
  g_autoptr(GFile) out = g_file_new_build_filename (f->dir, "export.vcf", NULL);
  g_autoptr(GFile) out2 = g_file_new_build_filename (f->dir, "export2.vcf", NULL);
  g_autoptr(ReseauImportSummary) s1 = NULL;
  g_autoptr(ReseauImportSummary) s2 = NULL;
  g_autoptr(ReseauImportSummary) s3 = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_extra = FALSE;

  s1 = import_test_import (f->db, sources, G_N_ELEMENTS (sources), NULL);
  g_assert_cmpuint (reseau_import_summary_get_n_added (s1), >=, 3);
  g_assert_true (g_strv_contains (reseau_import_summary_get_categories (s1), "Mathematics"));

  /* Unknown properties survive the database, not only the reader. */
  contacts = load_all (f->db);
  for (guint i = 0; i < contacts->len; i++)
    {
      const char * const *extra = reseau_contact_get_extra_vcard (g_ptr_array_index (contacts, i));

      has_extra |= extra != NULL && g_strv_contains (extra, "X-MOZILLA-HTML:FALSE");
    }
  g_assert_true (has_extra);

  g_assert_true (export_file (f->db, out, RESEAU_EXPORT_VCARD_4_0, NULL, &error));
  g_assert_no_error (error);
  s2 = import_test_import (db2, &out, 1, NULL);
  g_assert_cmpuint (reseau_import_summary_get_n_added (s2), ==, reseau_import_summary_get_n_added (s1));
  assert_same_contacts (f->db, db2);

  /* And once more from the copy: the second generation equals the first. */
  g_assert_true (export_file (db2, out2, RESEAU_EXPORT_VCARD_4_0, NULL, &error));
  s3 = import_test_import (db3, &out2, 1, NULL);
  assert_same_contacts (f->db, db3);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    g_object_unref (sources[i]);
}

static const char linkedin_before[] =
  "Notes:\n\"Some emails are missing.\"\n\n"
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
  "Camille,Martin,https://www.linkedin.com/in/camille-martin,camille@example.fr,Dupont,Avocate,22 Dec 2025\n"
  "Jean,Dupuis,https://www.linkedin.com/in/jeandupuis,,Renault,Ingénieur,03 Jan 2024\n"
  "Sophie,Bernard,,sophie@example.org,Freelance,Designer,28 Feb 2017\n";

/* Months later: new jobs, links spelled differently, one email in capitals. */
static const char linkedin_after[] =
  "Notes:\n\"Some emails are missing.\"\n\n"
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
  "Camille,Martin,http://linkedin.com/in/camille-martin/,camille@example.fr,Dupont,Associée,22 Dec 2025\n"
  "Jean,Dupuis,https://WWW.LinkedIn.com/in/jeandupuis,,Stellantis,Ingénieur,03 Jan 2024\n"
  "Sophie,Bernard,,Sophie@Example.org,Studio B,Directrice artistique,28 Feb 2017\n";

static void
test_linkedin_reimport (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) before = write_file (f, "Connections.csv", linkedin_before);
  g_autoptr(GFile) after = write_file (f, "Connections-2026.csv", linkedin_after);
  g_autoptr(ReseauImportSummary) first = import_test_import (f->db, &before, 1, "2025-12-30");
  g_autoptr(ReseauImportSummary) second = NULL;
  g_autoptr(ReseauStore) store = NULL;
  g_autofree char *text = NULL;
  GPtrArray *changes;
  guint n_values;

  g_assert_cmpuint (reseau_import_summary_get_n_added (first), ==, 3);
  n_values = count_values (f->db);
  g_assert_cmpuint (n_values, ==, 4);

  second = import_test_import (f->db, &after, 1, "2026-03-01");
  g_assert_cmpuint (reseau_import_summary_get_n_added (second), ==, 0);
  g_assert_cmpuint (reseau_import_summary_get_n_updated (second), ==, 3);
  changes = reseau_import_summary_get_job_changes (second);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (import_test_count_contacts (f->db), ==, 3);

  store = reseau_store_open (f->db, NULL);
  for (guint i = 0; i < changes->len; i++)
    {
      ReseauJobChange *change = g_ptr_array_index (changes, i);
      g_autoptr(GPtrArray) history = reseau_store_list_history (store, change->contact_id, NULL);
      g_autoptr(ReseauContact) contact = reseau_store_load_contact (store, change->contact_id, TRUE, NULL);
      gboolean dated = FALSE;

      g_assert_nonnull (contact);
      g_assert_cmpstr (reseau_contact_get_text (contact, RESEAU_FIELD_ORGANIZATION), ==, change->new_organization);
      g_assert_cmpstr (reseau_contact_get_text (contact, RESEAU_FIELD_TITLE), ==, change->new_title);
      for (guint h = 0; h < history->len; h++)
        {
          ReseauHistoryEntry *entry = g_ptr_array_index (history, h);

          dated |= g_strcmp0 (entry->changed_on, "2026-03-01") == 0 &&
                   (g_str_equal (entry->field, "organization") || g_str_equal (entry->field, "title"));
        }
      g_assert_true (dated);
    }
  /* The links and emails the second file spelled differently were not added again. */
  g_assert_cmpuint (count_values (f->db), ==, n_values);

  text = reseau_import_summary_to_string (second);
  g_assert_nonnull (strstr (text, "Renault"));
  g_assert_nonnull (strstr (text, "Stellantis"));
}

static void
test_duplicates_in_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "twice.vcf",
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
    "EMAIL:ada@example.org\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
    "EMAIL:ADA@example.org\r\nTEL:+44 20 7946 0000\r\nTITLE:Programmer\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
    "TEL:+44 20 7946 0000\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Countess of Lovelace\r\n"
    "EMAIL:ada@EXAMPLE.org\r\nEND:VCARD\r\n");
  g_autoptr(ReseauImportSummary) summary = import_test_import (f->db, &file, 1, NULL);
  g_autoptr(GPtrArray) contacts = load_all (f->db);
  g_autofree char *name = NULL;
  ReseauContact *ada;

  /* The third card has neither email nor organisation, but the same name and no organisation. */
  g_assert_cmpuint (reseau_import_summary_get_n_added (summary), ==, 1);
  g_assert_cmpuint (contacts->len, ==, 1);
  ada = g_ptr_array_index (contacts, 0);
  g_assert_cmpuint (reseau_contact_get_values (ada)->len, ==, 2);
  g_assert_cmpstr (reseau_contact_get_text (ada, RESEAU_FIELD_TITLE), ==, "Programmer");
  /* Another spelling of the name does not rename her. */
  name = reseau_contact_dup_name (ada);
  g_assert_cmpstr (name, ==, "Ada Lovelace");
}

static const char bad_vcards[] =
  "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Good One\r\nEMAIL:one@example.org\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bad Mail\r\nEMAIL:not an address\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Good Two\r\nEMAIL:two@example.org\r\nEND:VCARD\r\n";

static void
test_bad_records (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) seed = write_file (f, "seed.vcf",
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Already Here\r\nEND:VCARD\r\n");
  g_autoptr(ReseauImportSummary) seeded = import_test_import (f->db, &seed, 1, NULL);
  g_autoptr(GFile) file = write_file (f, "bad.vcf", bad_vcards);
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (f->db);
  g_autoptr(ReseauImportSummary) prepared = NULL;
  g_autoptr(ReseauImportSummary) refused = NULL;
  g_autoptr(ReseauImportSummary) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = import_test_dump (f->db);
  g_autofree char *after = NULL;
  ReseauImportProblem *problem;

  prepared = import_test_prepare (job, &file, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reseau_import_summary_get_n_added (prepared), ==, 2);
  g_assert_cmpuint (reseau_import_summary_get_n_skipped (prepared), ==, 1);
  problem = g_ptr_array_index (reseau_import_summary_get_problems (prepared), 0);
  g_assert_cmpuint (problem->line, ==, 6);
  g_assert_nonnull (strstr (problem->error->message, "bad.vcf"));
  g_assert_nonnull (strstr (problem->error->message, "6"));

  refused = import_test_commit (job, FALSE, NULL, &error);
  g_assert_error (error, RESEAU_IMPORT_ERROR, RESEAU_IMPORT_ERROR_BAD_RECORDS);
  g_assert_null (refused);
  g_clear_error (&error);
  after = import_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  done = import_test_commit (job, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import_test_count_contacts (f->db), ==, 3);
}

static void
test_nothing_to_import (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) binary = import_test_fixture_file ("vcard", "bad-binary.vcf");
  g_autoptr(GFile) missing = g_file_new_build_filename (f->dir, "missing.vcf", NULL);
  g_autoptr(GFile) empty = write_file (f, "empty.csv", "First Name,Last Name\n");
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (f->db);
  g_autoptr(GError) error = NULL;

  g_assert_null (import_test_prepare (job, &missing, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (import_test_prepare (job, &binary, 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bad-binary.vcf"));
  g_clear_error (&error);
  g_assert_null (import_test_prepare (job, &empty, 1, &error));
  g_assert_error (error, RESEAU_IMPORT_ERROR, RESEAU_IMPORT_ERROR_NOTHING_TO_IMPORT);
  g_clear_error (&error);

  /* A failed prepare leaves nothing to commit. */
  g_assert_null (import_test_commit (job, TRUE, NULL, &error));
  g_assert_error (error, RESEAU_IMPORT_ERROR, RESEAU_IMPORT_ERROR_NOT_PREPARED);
  g_assert_cmpuint (import_test_count_contacts (f->db), ==, 0);
}

static void
test_encoding_note (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) excel = import_test_fixture_file ("csv", "french-excel.csv");
  g_autoptr(GFile) utf8 = import_test_fixture_file ("csv", "linkedin-connections.csv");
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (f->db);
  g_autoptr(ReseauImportSummary) summary = NULL;
  g_autoptr(ReseauImportSummary) clean = NULL;
  g_autoptr(GError) error = NULL;
  const char *note;

  summary = import_test_prepare (job, &excel, 1, &error);
  g_assert_no_error (error);
  note = reseau_import_summary_get_encoding_note (summary);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "french-excel.csv"));
  g_assert_nonnull (strstr (note, "Windows-1252"));

  clean = import_test_prepare (job, &utf8, 1, &error);
  g_assert_no_error (error);
  g_assert_null (reseau_import_summary_get_encoding_note (clean));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *cards = import_test_generate_cards (4000);
  g_autoptr(GFile) seed = write_file (f, "seed.vcf", linkedin_before);
  g_autoptr(ReseauImportSummary) seeded = import_test_import (f->db, &seed, 1, NULL);
  g_autoptr(GFile) file = write_file (f, "many.vcf", cards);
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (f->db);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ReseauImportSummary) prepared = NULL;
  g_autoptr(ReseauImportSummary) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Each phase lets go of the database before it reports: the last connection closed, the
   * write-ahead log is folded into the file and removed, not later in some worker thread. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = import_test_dump (f->db);
  prepared = import_test_prepare (job, &file, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reseau_import_summary_get_n_added (prepared), ==, 4000);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Cancelled from the first progress report, in the middle of the transaction. */
  reseau_import_job_set_progress_func (job, import_test_cancel_cb, g_object_ref (cancellable), g_object_unref);
  result = import_test_commit (job, FALSE, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  after = import_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_export_failure (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) seed = write_file (f, "seed.csv", linkedin_before);
  g_autoptr(ReseauImportSummary) seeded = import_test_import (f->db, &seed, 1, NULL);
  g_autoptr(GFile) existing = write_file (f, "old.vcf", "previous export\n");
  g_autoptr(GFile) nowhere = g_file_new_build_filename (f->dir, "no-such-dir", "x.vcf", NULL);
  g_autoptr(GFile) csv = g_file_new_build_filename (f->dir, "out.csv", NULL);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_false (export_file (f->db, nowhere, RESEAU_EXPORT_VCARD_4_0, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_cancellable_cancel (cancelled);
  g_assert_false (export_file (f->db, existing, RESEAU_EXPORT_VCARD_3_0, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_file_load_contents (existing, NULL, &text, NULL, NULL, NULL);
  g_assert_cmpstr (text, ==, "previous export\n");
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".goutputstream"));
  g_clear_error (&error);

  g_assert_true (export_file (f->db, csv, RESEAU_EXPORT_CSV, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  g_file_load_contents (csv, NULL, &text, NULL, NULL, NULL);
  g_assert_nonnull (strstr (text, "Dupuis"));
}

static void
test_export_selection (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) seed = write_file (f, "seed.csv", linkedin_before);
  g_autoptr(ReseauImportSummary) seeded = import_test_import (f->db, &seed, 1, NULL);
  g_autoptr(GPtrArray) contacts = load_all (f->db);
  g_autoptr(GFile) out = g_file_new_build_filename (f->dir, "two.vcf", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 ids[2];
  guint n = 0;

  g_assert_cmpuint (contacts->len, ==, 3);
  ids[0] = reseau_contact_get_id (g_ptr_array_index (contacts, 0));
  ids[1] = reseau_contact_get_id (g_ptr_array_index (contacts, 2));
  reseau_export_contacts_async (f->db, ids, 2, out, RESEAU_EXPORT_VCARD_3_0, NULL, import_test_result_cb, &result);
  g_assert_true (reseau_export_contacts_finish (import_test_wait (&result), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_file_load_contents (out, NULL, &text, NULL, NULL, NULL);
  g_assert_nonnull (strstr (text, "VERSION:3.0"));
  g_assert_nonnull (strstr (text, "Bernard"));
  g_assert_null (strstr (text, "Dupuis"));
  g_assert_nonnull (strstr (text, "Martin"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, import_test_fixture_set_up, func, import_test_fixture_tear_down)
  ADD ("/import/round-trip", test_round_trip);
  ADD ("/import/linkedin-reimport", test_linkedin_reimport);
  ADD ("/import/duplicates-in-file", test_duplicates_in_file);
  ADD ("/import/bad-records", test_bad_records);
  ADD ("/import/nothing-to-import", test_nothing_to_import);
  ADD ("/import/encoding-note", test_encoding_note);
  ADD ("/import/cancel", test_cancel);
  ADD ("/export/failure", test_export_failure);
  ADD ("/export/selection", test_export_selection);
#undef ADD

  return g_test_run ();
}
