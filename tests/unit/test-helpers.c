/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-test"

#include "config.h"

#include <locale.h>
#include <sys/stat.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "reseau-store-private.h"
#include "test-helpers.h"

void
test_init (int    *argc,
           char ***argv)
{
  /* Collation matters for sorting: the test runs under the locale meson gives it. */
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

void
test_fixture_set_up_dir (TestFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("reseau-unit-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "reseau.db", NULL);
}

void
test_fixture_set_up_store (TestFixture   *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_fixture_set_up_dir (fixture, data);
  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

void
test_fixture_tear_down (TestFixture   *fixture,
                        gconstpointer  data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

ReseauContact *
test_contact_new (const char *first_property,
                  ...)
{
  ReseauContact *contact;
  va_list args;

  va_start (args, first_property);
  contact = RESEAU_CONTACT (g_object_new_valist (RESEAU_TYPE_CONTACT, first_property, args));
  va_end (args);
  return contact;
}

void
test_contact_add_value (ReseauContact   *contact,
                        ReseauValueKind  kind,
                        const char      *value)
{
  reseau_contact_add_value (contact, reseau_contact_value_new (kind, RESEAU_VALUE_TYPE_WORK, value));
}

void
test_contact_add_address (ReseauContact *contact,
                          const char    *street,
                          const char    *locality,
                          const char    *country)
{
  ReseauContactValue *value = reseau_contact_value_new (RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_WORK, street);

  value->locality = g_strdup (locality);
  value->country = g_strdup (country);
  reseau_contact_add_value (contact, value);
}

gint64
test_save (ReseauStore   *store,
           ReseauContact *contact)
{
  g_autoptr(GError) error = NULL;
  gint64 id = reseau_store_save_contact (store, contact, "2025-01-01", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
test_add_person (ReseauStore *store,
                 const char  *given,
                 const char  *family,
                 const char  *organization)
{
  g_autoptr(ReseauContact) contact = test_contact_new ("given-name", given, "family-name", family,
                                                       "organization", organization, NULL);

  return test_save (store, contact);
}

ReseauContact *
test_load (ReseauStore *store,
           gint64       id)
{
  g_autoptr(GError) error = NULL;
  ReseauContact *contact = reseau_store_load_contact (store, id, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contact);
  return contact;
}

char *
test_list_names (ReseauStore     *store,
                 ReseauSortOrder  order,
                 const char      *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = reseau_store_list (store, order, search, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(ReseauContact) contact = test_load (store, g_array_index (entries, ReseauListEntry, i).id);
      g_autofree char *name = reseau_contact_dup_name (contact);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  return g_string_free_and_steal (g_steal_pointer (&names));
}

static void
dump_table (sqlite3    *db,
            const char *table,
            GString    *out)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_string_append_printf (out, "[%s]\n", table);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const guchar *blob = sqlite3_column_blob (stmt, i);
          int size = sqlite3_column_bytes (stmt, i);

          if (i > 0)
            g_string_append_c (out, '|');
          if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
            g_string_append (out, "NULL");
          else
            for (int b = 0; b < size; b++)
              g_string_append_printf (out, "%02x", blob[b]);
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

char *
test_dump_database (ReseauStore *store)
{
  sqlite3 *db = _reseau_store_get_db (store);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  /* The virtual table itself cannot be read (it keeps no content); its shadow tables hold
   * the whole index. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                     "ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  g_assert_cmpuint (tables->len, >, 4);
  for (guint i = 0; i < tables->len; i++)
    dump_table (db, g_ptr_array_index (tables, i), out);
  return g_string_free_and_steal (g_steal_pointer (&out));
}

gint64
test_query_int (ReseauStore *store,
                const char  *sql)
{
  sqlite3 *db = _reseau_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
test_describe_file (const char *path)
{
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *siblings = NULL;
  const char *name;
  GStatBuf st;
  gsize size = 0;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, size);

  dir = g_dir_open (dirname, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort_values (names, (GCompareFunc)g_strcmp0);
  g_ptr_array_add (names, NULL);
  siblings = g_strjoinv (",", (char **)names->pdata);

  return g_strdup_printf ("size=%" G_GSIZE_FORMAT " mode=%o mtime=%lld.%09ld sha256=%s files=%s",
                          size, (guint)(st.st_mode & 07777), (long long)st.st_mtim.tv_sec,
                          (long)st.st_mtim.tv_nsec, checksum, siblings);
}

void
test_age_file (const char *path)
{
  struct utimbuf times = { 1577880000, 1577880000 }; /* 2020-01-01 */

  g_assert_cmpint (g_utime (path, &times), ==, 0);
}
