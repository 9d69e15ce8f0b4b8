/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "import-test-utils.h"
#include "reseau-store.h"

/* A temporary folder with an empty database "reseau.db" in it. */
char *
import_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauStore) store = NULL;
  g_autofree char *db = NULL;
  char *dir = g_dir_make_tmp ("reseau-import-XXXXXX", &error);

  g_assert_no_error (error);
  db = g_build_filename (dir, "reseau.db", NULL);
  store = reseau_store_open (db, &error);
  g_assert_no_error (error);
  return dir;
}

void
import_test_remove_dir (const char *dir)
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

void
import_test_fixture_set_up (ImportTestFixture *f,
                            gconstpointer      data)
{
  f->dir = import_test_make_dir ();
  f->db = g_build_filename (f->dir, "reseau.db", NULL);
}

void
import_test_fixture_tear_down (ImportTestFixture *f,
                               gconstpointer      data)
{
  import_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

GFile *
import_test_write_file (const char *dir,
                        const char *name,
                        const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

GFile *
import_test_fixture_file (const char *kind,
                          const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", kind, name, NULL);

  return g_file_new_for_path (path);
}

void
import_test_result_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

GAsyncResult *
import_test_wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

ReseauImportSummary *
import_test_prepare (ReseauImportJob  *job,
                     GFile           **files,
                     guint             n_files,
                     GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  reseau_import_job_prepare_async (job, files, n_files, NULL, import_test_result_cb, &result);
  return reseau_import_job_prepare_finish (job, import_test_wait (&result), error);
}

ReseauImportSummary *
import_test_commit (ReseauImportJob  *job,
                    gboolean          import_rest,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  reseau_import_job_commit_async (job, import_rest, cancellable, import_test_result_cb, &result);
  return reseau_import_job_commit_finish (job, import_test_wait (&result), error);
}

/* Prepares and commits @files, asserting both succeed. */
ReseauImportSummary *
import_test_import (const char  *db,
                    GFile      **files,
                    guint        n_files,
                    const char  *date)
{
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (db);
  g_autoptr(ReseauImportSummary) prepared = NULL;
  g_autoptr(GError) error = NULL;
  ReseauImportSummary *summary;

  reseau_import_job_set_date (job, date);
  prepared = import_test_prepare (job, files, n_files, &error);
  g_assert_no_error (error);
  summary = import_test_commit (job, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (reseau_import_summary_get_committed (summary));
  return summary;
}

/* A progress function that cancels the import at its first report. */
void
import_test_cancel_cb (guint64  done,
                       guint64  total,
                       gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
}

/* Every row of the tables an import writes, to compare a database before and after. The
 * connection has no busy timeout: the jobs must leave the file free when they report. */
char *
import_test_dump (const char *db)
{
  static const char *queries[] = {
    "SELECT * FROM contacts ORDER BY id",
    "SELECT * FROM contact_values ORDER BY contact_id, position",
    "SELECT * FROM history ORDER BY id",
    "SELECT * FROM circles ORDER BY id",
    "SELECT * FROM circle_members ORDER BY circle_id, contact_id",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *)sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (handle);
  return g_string_free (out, FALSE);
}

guint
import_test_count_contacts (const char *db)
{
  g_autoptr(ReseauStore) store = reseau_store_open (db, NULL);

  g_assert_nonnull (store);
  return reseau_store_count_contacts (store);
}

char *
import_test_integrity (const char *db)
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

char *
import_test_generate_cards (guint n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Given%u Family%u\r\n"
                                 "N:Family%u;Given%u;;;\r\nEMAIL:p%u@example.org\r\n"
                                 "ORG:Org %u\r\nTITLE:Title %u\r\nEND:VCARD\r\n",
                            i, i, i, i, i, i % 97, i % 13);
  return g_string_free (out, FALSE);
}
