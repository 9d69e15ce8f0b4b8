/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening the database: creation, migration, and refusing files we must not touch. */

#include "config.h"

#include <locale.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "test-helpers.h"

#define RESEAU_APPLICATION_ID 0x52534555

static int
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Builds a database with sqlite3 directly, as another program (or a newer Réseau) would. */
static void
make_sqlite_file (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_no_backup (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_null (strstr (name, ".before-v"));
}

static void
assert_current_schema (ReseauStore *store)
{
  g_assert_cmpint (test_query_int (store, "PRAGMA user_version"), ==, RESEAU_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_query_int (store, "PRAGMA application_id"), ==, RESEAU_APPLICATION_ID);
  g_assert_cmpint (reseau_store_count_contacts (store), ==, 0);
  test_add_person (store, "Anna", "Blum", NULL);
  g_assert_cmpint (reseau_store_count_contacts (store), ==, 1);
}

/* Opening @path must fail with @code and leave the file and its folder as they were.
 * Returns the message shown to the user. */
static char *
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  test_age_file (path);
  before = test_describe_file (path);
  store = reseau_store_open (path, &error);
  g_assert_error (error, RESEAU_STORE_ERROR, code);
  g_assert_null (store);
  g_test_message ("%s", error->message);
  after = test_describe_file (path);
  g_assert_cmpstr (before, ==, after);
  return g_strdup (error->message);
}

static void
test_open_new_path (TestFixture   *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "data", "reseau", "reseau.db", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauStore) store = reseau_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (file_mode (folder), ==, 0700);
  assert_current_schema (store);
  assert_no_backup (folder);
}

static void
test_open_empty_file (TestFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauStore) store = NULL;

  g_assert_true (g_file_set_contents_full (fixture->path, "", 0, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  assert_current_schema (store);
  assert_no_backup (fixture->dir);
}

static void
test_open_reopen (TestFixture   *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauContact) contact = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *reopened_dump = NULL;
  gint64 id;

  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  contact = test_contact_new ("given-name", "Frédéric", "family-name", "Martinet",
                              "organization", "Capgemini", "notes", "Met at\nGUADEC", NULL);
  test_contact_add_value (contact, RESEAU_VALUE_EMAIL, "fred@example.com");
  test_contact_add_address (contact, "1 rue de la République", "Lyon", "France");
  id = test_save (fixture->store, contact);
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, "Sopra");
  test_save (fixture->store, contact);
  g_assert_cmpint (reseau_store_add_interaction (fixture->store, id, RESEAU_INTERACTION_CALL,
                                                 "2025-02-03", "Catch-up", &error), >, 0);
  g_assert_no_error (error);
  test_add_person (fixture->store, "Émilie", "Durand", NULL);
  dump = test_dump_database (fixture->store);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  reopened_dump = test_dump_database (fixture->store);
  g_assert_cmpstr (dump, ==, reopened_dump);
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "lyon", "Frédéric Martinet");
  assert_no_backup (fixture->dir);
}

/* Every earlier schema version migrates: build each one by undoing the later steps of a
 * current file, reopen it, and check the data survived and a copy was kept beforehand. */
typedef struct
{
  int         version;
  const char *undo;
} EarlierVersion;

#define UNDO_V4 \
  "DROP INDEX interactions_by_campaign; DROP INDEX interactions_messages;" \
  "ALTER TABLE interactions DROP COLUMN campaign_id; DROP TABLE send_log;" \
  "DROP TABLE campaign_recipients; DROP TABLE campaigns; DROP TABLE accounts;"

static const EarlierVersion earlier_versions[] = {
  { 1, UNDO_V4 "DROP TABLE circle_members; DROP TABLE circles; DROP TABLE segments;"
       "ALTER TABLE contacts DROP COLUMN extra_vcard;"
       "DROP INDEX contacts_in_trash; PRAGMA user_version = 1;" },
  { 2, UNDO_V4 "DROP TABLE circle_members; DROP TABLE circles; DROP TABLE segments;"
       "ALTER TABLE contacts DROP COLUMN extra_vcard; PRAGMA user_version = 2;" },
  { 3, UNDO_V4 "PRAGMA user_version = 3;" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (earlier_versions) == RESEAU_STORE_SCHEMA_VERSION - 1);

static void
test_open_migrate (TestFixture   *fixture,
                   gconstpointer  data)
{
  const EarlierVersion *earlier = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauContact) contact = NULL;
  g_autofree char *backup = g_strdup_printf ("%s.before-v%d", fixture->path, earlier->version + 1);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  contact = test_contact_new ("given-name", "Frédéric", "family-name", "Martinet", NULL);
  test_contact_add_address (contact, "1 rue de la République", "Lyon", "France");
  test_save (fixture->store, contact);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  make_sqlite_file (fixture->path, earlier->undo);

  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (fixture->store, "PRAGMA user_version"), ==, RESEAU_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_query_int (fixture->store,
                                   "SELECT count(*) FROM sqlite_master WHERE name IN "
                                   "('contacts_in_trash', 'circles', 'circle_members', 'segments')"), ==, 4);
  g_assert_cmpint (test_query_int (fixture->store,
                                   "SELECT count(*) FROM pragma_table_info ('contacts') WHERE name = 'extra_vcard'"), ==, 1);
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "lyon", "Frédéric Martinet");

  /* The copy is the file as it was before the migration: same version, same contact. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (file_mode (backup), ==, 0600);
  g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), "
                                           "(SELECT given FROM contacts)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, earlier->version);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, "Frédéric");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Sort keys follow the locale's collation: opened under another one, the list is re-sorted.
 * "d'Artagnan" comes before "Dab" in C.UTF-8, after it in French. */
static void
test_open_collation_change (TestFixture   *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *collation = g_strdup (setlocale (LC_COLLATE, NULL));

  if (setlocale (LC_COLLATE, "C.UTF-8") == NULL || setlocale (LC_COLLATE, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("C.UTF-8 and fr_FR.UTF-8 are needed");
      setlocale (LC_COLLATE, collation);
      return;
    }

  setlocale (LC_COLLATE, "C.UTF-8");
  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  test_add_person (fixture->store, "Charles", "d'Artagnan", NULL);
  test_add_person (fixture->store, "Anne", "Dab", NULL);
  test_assert_list (fixture->store, RESEAU_SORT_FAMILY_NAME, NULL, "Charles d'Artagnan, Anne Dab");
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  setlocale (LC_COLLATE, "fr_FR.UTF-8");
  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  test_assert_list (fixture->store, RESEAU_SORT_FAMILY_NAME, NULL, "Anne Dab, Charles d'Artagnan");
  setlocale (LC_COLLATE, collation);
}

static void
test_open_too_new (TestFixture   *fixture,
                   gconstpointer  data)
{
  const char *journal_mode = data;
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s;"
                                          "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);"
                                          "INSERT INTO contacts (name) VALUES ('Anna Blum');"
                                          "PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                          journal_mode, RESEAU_STORE_SCHEMA_VERSION + 1,
                                          RESEAU_APPLICATION_ID);
  g_autofree char *message = NULL;

  make_sqlite_file (fixture->path, sql);
  message = assert_refused (fixture->path, RESEAU_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (message, "newer version"));
}

static void
test_open_corrupt_random (TestFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260331);
  guint32 noise[3 * 4096 / sizeof (guint32)];

  for (guint i = 0; i < G_N_ELEMENTS (noise); i++)
    noise[i] = g_rand_int (rand);
  g_assert_true (g_file_set_contents (fixture->path, (const char *)noise, sizeof noise, NULL));
  g_free (assert_refused (fixture->path, RESEAU_STORE_ERROR_CORRUPT));
}

/* A real database of a few hundred contacts, closed; returns its contents. */
static char *
make_real_database (const char *path,
                    gsize      *size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauStore) store = reseau_store_open (path, &error);
  char *contents = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *given = g_strdup_printf ("Person %u", i);
      g_autoptr(ReseauContact) contact = test_contact_new ("given-name", given, "family-name", "Damaged",
                                                           "notes", "Some notes to fill pages", NULL);

      test_contact_add_value (contact, RESEAU_VALUE_EMAIL, "someone@example.com");
      test_save (store, contact);
    }
  g_assert_finalize_object (g_steal_pointer (&store));

  g_assert_true (g_file_get_contents (path, &contents, size, NULL));
  g_assert_cmpuint (*size, >, 16 * 4096);
  return contents;
}

static void
test_open_corrupt_truncated (TestFixture   *fixture,
                             gconstpointer  data)
{
  gsize size;
  g_autofree char *contents = make_real_database (fixture->path, &size);

  g_assert_true (g_file_set_contents (fixture->path, contents, size / 2 + 100, NULL));
  g_free (assert_refused (fixture->path, RESEAU_STORE_ERROR_CORRUPT));
}

static void
test_open_corrupt_pages (TestFixture   *fixture,
                         gconstpointer  data)
{
  gsize size;
  g_autofree char *contents = make_real_database (fixture->path, &size);

  /* Pages of the tables rather than of the schema, opened under another collation so that
   * the store tries to rebuild the sort keys of every contact. */
  memset (contents + size / 2, 0xa5, size / 2 - 4096);
  g_assert_true (g_file_set_contents (fixture->path, contents, size, NULL));
  g_assert_nonnull (setlocale (LC_COLLATE, "fr_FR.UTF-8"));
  g_free (assert_refused (fixture->path, RESEAU_STORE_ERROR_CORRUPT));
  setlocale (LC_COLLATE, "");
}

static void
test_open_foreign (TestFixture   *fixture,
                   gconstpointer  data)
{
  /* An application that sets no application_id, like most of them. */
  make_sqlite_file (fixture->path,
                    "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                    "INSERT INTO moz_places (url) VALUES ('https://example.com');");
  g_free (assert_refused (fixture->path, RESEAU_STORE_ERROR_CORRUPT));
}

static void
test_open_foreign_id (TestFixture   *fixture,
                      gconstpointer  data)
{
  /* Empty, but claimed by another application (Fossil's id). */
  make_sqlite_file (fixture->path, "PRAGMA application_id = 252006673;");
  g_free (assert_refused (fixture->path, RESEAU_STORE_ERROR_CORRUPT));
}

static void
test_open_mode (TestFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  mode_t mask = umask (022);

  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (fixture->path), ==, 0600);

  test_add_person (fixture->store, "Anna", "Blum", NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (file_mode (wal), ==, 0600);
  g_assert_cmpint (file_mode (fixture->path), ==, 0600);
  umask (mask);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add (path, TestFixture, data, test_fixture_set_up_dir, func, test_fixture_tear_down)

  ADD ("/store/open/new-path", test_open_new_path, NULL);
  ADD ("/store/open/empty-file", test_open_empty_file, NULL);
  ADD ("/store/open/reopen", test_open_reopen, NULL);
  ADD ("/store/open/migrate/from-v1", test_open_migrate, &earlier_versions[0]);
  ADD ("/store/open/migrate/from-v2", test_open_migrate, &earlier_versions[1]);
  ADD ("/store/open/migrate/from-v3", test_open_migrate, &earlier_versions[2]);
  ADD ("/store/open/mode", test_open_mode, NULL);
  ADD ("/store/open/collation-change", test_open_collation_change, NULL);
  ADD ("/store/open/refuse/too-new", test_open_too_new, "DELETE");
  ADD ("/store/open/refuse/too-new-wal", test_open_too_new, "WAL");
  ADD ("/store/open/refuse/random-bytes", test_open_corrupt_random, NULL);
  ADD ("/store/open/refuse/truncated", test_open_corrupt_truncated, NULL);
  ADD ("/store/open/refuse/damaged-pages", test_open_corrupt_pages, NULL);
  ADD ("/store/open/refuse/other-application", test_open_foreign, NULL);
  ADD ("/store/open/refuse/other-application-id", test_open_foreign_id, NULL);

#undef ADD

  return g_test_run ();
}
