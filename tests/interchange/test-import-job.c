/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "interchange-test-utils.h"
#include "reseau-export-job.h"
#include "reseau-import-job.h"
#include "reseau-store.h"

/* Import and export jobs against a real database: matching, merging, career history,
 * all-or-nothing commits, cancellation and a killed process. */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ReseauStore) store = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("reseau-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "reseau.db", NULL);
  store = reseau_store_open (f->db, &error);
  g_assert_no_error (error);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static ReseauImportSummary *
prepare (ReseauImportJob  *job,
         GFile           **files,
         guint             n_files,
         GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  reseau_import_job_prepare_async (job, files, n_files, NULL, result_cb, &result);
  return reseau_import_job_prepare_finish (job, wait_result (&result), error);
}

static ReseauImportSummary *
commit (ReseauImportJob  *job,
        gboolean          import_rest,
        GCancellable     *cancellable,
        GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  reseau_import_job_commit_async (job, import_rest, cancellable, result_cb, &result);
  return reseau_import_job_commit_finish (job, wait_result (&result), error);
}

/* Prepares and commits @files, asserting both succeed. */
static ReseauImportSummary *
import_files (const char  *db,
              GFile      **files,
              guint        n_files,
              const char  *date)
{
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (db);
  g_autoptr(ReseauImportSummary) prepared = NULL;
  g_autoptr(GError) error = NULL;
  ReseauImportSummary *summary;

  reseau_import_job_set_date (job, date);
  prepared = prepare (job, files, n_files, &error);
  g_assert_no_error (error);
  summary = commit (job, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (reseau_import_summary_get_committed (summary));
  return summary;
}

static gboolean
export_file (const char          *db,
             GFile               *file,
             ReseauExportFormat   format,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  reseau_export_contacts_async (db, NULL, 0, file, format, cancellable, result_cb, &result);
  return reseau_export_contacts_finish (wait_result (&result), NULL, error);
}

/* Every row of the tables an import writes, to compare a database before and after. */
static char *
dump (const char *db)
{
  static const char *queries[] = {
    "SELECT * FROM contacts ORDER BY id",
    "SELECT * FROM contact_values ORDER BY contact_id, position",
    "SELECT * FROM history ORDER BY id",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *)sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (handle);
  return g_string_free (out, FALSE);
}

static guint
count_contacts (const char *db)
{
  g_autoptr(ReseauStore) store = reseau_store_open (db, NULL);

  g_assert_nonnull (store);
  return reseau_store_count_contacts (store);
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

static GFile *
fixture_file (const char *dir,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", dir, name, NULL);

  return g_file_new_for_path (path);
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
    fixture_file ("vcard", "thunderbird-4.0.vcf"),
    fixture_file ("vcard", "apple-icloud-3.0.vcf"),
    fixture_file ("vcard", "google-3.0.vcf"),
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

  s1 = import_files (f->db, sources, G_N_ELEMENTS (sources), NULL);
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
  s2 = import_files (db2, &out, 1, NULL);
  g_assert_cmpuint (reseau_import_summary_get_n_added (s2), ==, reseau_import_summary_get_n_added (s1));
  assert_same_contacts (f->db, db2);

  /* And once more from the copy: the second generation equals the first. */
  g_assert_true (export_file (db2, out2, RESEAU_EXPORT_VCARD_4_0, NULL, &error));
  s3 = import_files (db3, &out2, 1, NULL);
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
  g_autoptr(ReseauImportSummary) first = import_files (f->db, &before, 1, "2025-12-30");
  g_autoptr(ReseauImportSummary) second = NULL;
  g_autoptr(ReseauStore) store = NULL;
  g_autofree char *text = NULL;
  GPtrArray *changes;
  guint n_values;

  g_assert_cmpuint (reseau_import_summary_get_n_added (first), ==, 3);
  n_values = count_values (f->db);
  g_assert_cmpuint (n_values, ==, 4);

  second = import_files (f->db, &after, 1, "2026-03-01");
  g_assert_cmpuint (reseau_import_summary_get_n_added (second), ==, 0);
  g_assert_cmpuint (reseau_import_summary_get_n_updated (second), ==, 3);
  changes = reseau_import_summary_get_job_changes (second);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (count_contacts (f->db), ==, 3);

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
  g_autoptr(ReseauImportSummary) summary = import_files (f->db, &file, 1, NULL);
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
  g_autoptr(ReseauImportSummary) seeded = import_files (f->db, &seed, 1, NULL);
  g_autoptr(GFile) file = write_file (f, "bad.vcf", bad_vcards);
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (f->db);
  g_autoptr(ReseauImportSummary) prepared = NULL;
  g_autoptr(ReseauImportSummary) refused = NULL;
  g_autoptr(ReseauImportSummary) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f->db);
  g_autofree char *after = NULL;
  ReseauImportProblem *problem;

  prepared = prepare (job, &file, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reseau_import_summary_get_n_added (prepared), ==, 2);
  g_assert_cmpuint (reseau_import_summary_get_n_skipped (prepared), ==, 1);
  problem = g_ptr_array_index (reseau_import_summary_get_problems (prepared), 0);
  g_assert_cmpuint (problem->line, ==, 6);
  g_assert_nonnull (strstr (problem->error->message, "bad.vcf"));
  g_assert_nonnull (strstr (problem->error->message, "6"));

  refused = commit (job, FALSE, NULL, &error);
  g_assert_error (error, RESEAU_IMPORT_ERROR, RESEAU_IMPORT_ERROR_BAD_RECORDS);
  g_assert_null (refused);
  g_clear_error (&error);
  after = dump (f->db);
  g_assert_cmpstr (before, ==, after);

  done = commit (job, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_contacts (f->db), ==, 3);
}

static void
test_nothing_to_import (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) binary = fixture_file ("vcard", "bad-binary.vcf");
  g_autoptr(GFile) missing = g_file_new_build_filename (f->dir, "missing.vcf", NULL);
  g_autoptr(GFile) empty = write_file (f, "empty.csv", "First Name,Last Name\n");
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (f->db);
  g_autoptr(GError) error = NULL;

  g_assert_null (prepare (job, &missing, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (prepare (job, &binary, 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bad-binary.vcf"));
  g_clear_error (&error);
  g_assert_null (prepare (job, &empty, 1, &error));
  g_assert_error (error, RESEAU_IMPORT_ERROR, RESEAU_IMPORT_ERROR_NOTHING_TO_IMPORT);
  g_clear_error (&error);

  /* A failed prepare leaves nothing to commit. */
  g_assert_null (commit (job, TRUE, NULL, &error));
  g_assert_error (error, RESEAU_IMPORT_ERROR, RESEAU_IMPORT_ERROR_NOT_PREPARED);
  g_assert_cmpuint (count_contacts (f->db), ==, 0);
}

static void
test_encoding_note (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) excel = fixture_file ("csv", "french-excel.csv");
  g_autoptr(GFile) utf8 = fixture_file ("csv", "linkedin-connections.csv");
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (f->db);
  g_autoptr(ReseauImportSummary) summary = NULL;
  g_autoptr(ReseauImportSummary) clean = NULL;
  g_autoptr(GError) error = NULL;
  const char *note;

  summary = prepare (job, &excel, 1, &error);
  g_assert_no_error (error);
  note = reseau_import_summary_get_encoding_note (summary);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "french-excel.csv"));
  g_assert_nonnull (strstr (note, "Windows-1252"));

  clean = prepare (job, &utf8, 1, &error);
  g_assert_no_error (error);
  g_assert_null (reseau_import_summary_get_encoding_note (clean));
}

static char *
generate_cards (guint n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Given%u Family%u\r\n"
                                 "N:Family%u;Given%u;;;\r\nEMAIL:p%u@example.org\r\n"
                                 "ORG:Org %u\r\nTITLE:Title %u\r\nEND:VCARD\r\n",
                            i, i, i, i, i, i % 97, i % 13);
  return g_string_free (out, FALSE);
}

static void
cancel_cb (guint64  done,
           guint64  total,
           gpointer data)
{
  g_cancellable_cancel (data);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *cards = generate_cards (4000);
  g_autoptr(GFile) seed = write_file (f, "seed.vcf", linkedin_before);
  g_autoptr(ReseauImportSummary) seeded = import_files (f->db, &seed, 1, NULL);
  g_autoptr(GFile) file = write_file (f, "many.vcf", cards);
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (f->db);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ReseauImportSummary) prepared = NULL;
  g_autoptr(ReseauImportSummary) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f->db);
  g_autofree char *after = NULL;

  prepared = prepare (job, &file, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reseau_import_summary_get_n_added (prepared), ==, 4000);

  /* Cancelled from the first progress report, in the middle of the transaction. */
  reseau_import_job_set_progress_func (job, cancel_cb, g_object_ref (cancellable), g_object_unref);
  result = commit (job, FALSE, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
  after = dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_export_failure (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) seed = write_file (f, "seed.csv", linkedin_before);
  g_autoptr(ReseauImportSummary) seeded = import_files (f->db, &seed, 1, NULL);
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
  g_autoptr(ReseauImportSummary) seeded = import_files (f->db, &seed, 1, NULL);
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
  reseau_export_contacts_async (f->db, ids, 2, out, RESEAU_EXPORT_VCARD_3_0, NULL, result_cb, &result);
  g_assert_true (reseau_export_contacts_finish (wait_result (&result), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_file_load_contents (out, NULL, &text, NULL, NULL, NULL);
  g_assert_nonnull (strstr (text, "VERSION:3.0"));
  g_assert_nonnull (strstr (text, "Bernard"));
  g_assert_null (strstr (text, "Dupuis"));
  g_assert_nonnull (strstr (text, "Martin"));
}

/* The child of test_killed: imports @file into @db and announces when it commits. */
static void
progress_print_cb (guint64  done,
                   guint64  total,
                   gpointer data)
{
  if (GPOINTER_TO_INT (data))
    {
      g_print ("committing\n");
      fflush (stdout);
    }
}

static int
run_child (const char *db,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (db);
  g_autoptr(ReseauImportSummary) prepared = NULL;
  g_autoptr(ReseauImportSummary) done = NULL;
  g_autoptr(GError) error = NULL;

  prepared = prepare (job, &file, 1, &error);
  g_assert_no_error (error);
  reseau_import_job_set_progress_func (job, progress_print_cb, GINT_TO_POINTER (TRUE), NULL);
  done = commit (job, FALSE, NULL, &error);
  g_assert_no_error (error);
  return 0;
}

static char *
integrity (const char *db)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return result;
}

static void
test_killed (Fixture       *f,
             gconstpointer  data)
{
  static const guint delays_ms[] = { 5, 60, 250 };
  g_autofree char *cards = generate_cards (20000);
  g_autoptr(GFile) file = write_file (f, "large.vcf", cards);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFile) seed = write_file (f, "seed.csv", linkedin_before);
  g_autoptr(ReseauImportSummary) seeded = import_files (f->db, &seed, 1, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (delays_ms); i++)
    {
      const char *argv[] = { g_get_prgname (), "--import-child", f->db, path, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *check = NULL;
      char line[64] = "";
      GPid pid;
      int out_fd, status;
      FILE *out;
      guint n;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      out = fdopen (out_fd, "r");
      g_assert_nonnull (fgets (line, sizeof line, out));
      g_assert_cmpstr (line, ==, "committing\n");
      g_usleep (delays_ms[i] * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      fclose (out);

      check = integrity (f->db);
      g_assert_cmpstr (check, ==, "ok");
      n = count_contacts (f->db);
      g_test_message ("killed after %u ms: %u contacts", delays_ms[i], n);
      g_assert_true (n == 3 || n == 3 + 20000);
      if (n > 3)
        break;
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--import-child"))
    return run_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  g_set_prgname (argv[0]);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/round-trip", test_round_trip);
  ADD ("/import/linkedin-reimport", test_linkedin_reimport);
  ADD ("/import/duplicates-in-file", test_duplicates_in_file);
  ADD ("/import/bad-records", test_bad_records);
  ADD ("/import/nothing-to-import", test_nothing_to_import);
  ADD ("/import/encoding-note", test_encoding_note);
  ADD ("/import/cancel", test_cancel);
  ADD ("/import/killed", test_killed);
  ADD ("/export/failure", test_export_failure);
  ADD ("/export/selection", test_export_selection);
#undef ADD

  return g_test_run ();
}
