/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-credentials.c — account passwords in the session's real gnome-keyring
 *
 * Runs under isolated.py --keyring: libsecret talks to a gnome-keyring of its own, started
 * by D-Bus activation.
 */

#define G_LOG_DOMAIN "test-credentials"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "reseau-account.h"
#include "reseau-credentials.h"

/* Not ASCII, with spaces: what comes back must be the same bytes. */
#define PASSWORD "mot de passe · é€ 42"

typedef struct
{
  char        *dir;
  char        *path;
  ReseauStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("credentials-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "reseau.db", NULL);
  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static ReseauAccount *
add_account (Fixture    *fixture,
             const char *user)
{
  g_autoptr(GError) error = NULL;
  ReseauAccount *account = reseau_account_new ();

  reseau_account_set_address (account, "camille@example.org");
  reseau_account_set_host (account, "smtp.example.org");
  reseau_account_set_user_name (account, user);
  g_assert_true (reseau_account_save (account, fixture->store, &error));
  g_assert_no_error (error);
  return account;
}

static char *
lookup (gint64 id)
{
  g_autoptr(GError) error = NULL;
  char *password = reseau_credentials_lookup_sync (id, NULL, &error);

  g_assert_no_error (error);
  return password;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ReseauAccount) camille = add_account (fixture, "camille");
  g_autoptr(ReseauAccount) other = add_account (fixture, "other");
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *none = NULL;
  g_autofree char *after = NULL;
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, reseau_account_get_id (camille));
  GList *items;

  g_assert_true (reseau_credentials_store_sync (camille, PASSWORD, NULL, &error));
  g_assert_no_error (error);
  found = lookup (reseau_account_get_id (camille));
  g_assert_cmpstr (found, ==, PASSWORD);
  none = lookup (reseau_account_get_id (other));
  g_assert_null (none);

  /* One item, under the schema and attribute other tools (Passwords and Keys) show. */
  items = secret_password_search_sync (reseau_credentials_get_schema (), SECRET_SEARCH_ALL, NULL, &error,
                                       "account-id", key, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  {
    SecretRetrievable *item = items->data;
    g_autofree char *label = secret_retrievable_get_label (item);
    g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (item);

    g_assert_cmpstr (label, ==, "Réseau: camille@smtp.example.org");
    g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==, "org.example.Reseau.Account");
    g_assert_cmpstr (g_hash_table_lookup (attributes, "account-id"), ==, key);
  }
  g_list_free_full (items, g_object_unref);

  /* Storing again replaces, not adds. */
  g_assert_true (reseau_credentials_store_sync (camille, "second", NULL, &error));
  g_free (found);
  found = lookup (reseau_account_get_id (camille));
  g_assert_cmpstr (found, ==, "second");

  g_assert_true (reseau_credentials_clear_sync (reseau_account_get_id (camille), NULL, &error));
  after = lookup (reseau_account_get_id (camille));
  g_assert_null (after);
  /* Clearing what is not there is fine. */
  g_assert_true (reseau_credentials_clear_sync (reseau_account_get_id (camille), NULL, &error));
  g_assert_no_error (error);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(ReseauAccount) account = add_account (fixture, "async");
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GAsyncResult) looked_up = NULL;
  g_autoptr(GAsyncResult) cleared = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  reseau_credentials_store (account, PASSWORD, NULL, done_cb, &stored);
  g_assert_true (reseau_credentials_store_finish (wait_for (&stored), &error));
  g_assert_no_error (error);

  reseau_credentials_lookup (reseau_account_get_id (account), NULL, done_cb, &looked_up);
  password = reseau_credentials_lookup_finish (wait_for (&looked_up), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, PASSWORD);
  secret_password_free (password);

  reseau_credentials_clear (reseau_account_get_id (account), NULL, done_cb, &cleared);
  g_assert_true (reseau_credentials_clear_finish (wait_for (&cleared), &error));

  reseau_credentials_lookup (reseau_account_get_id (account), NULL, done_cb, &again);
  password = reseau_credentials_lookup_finish (wait_for (&again), &error);
  g_assert_no_error (error);
  g_assert_null (password);
}

/* Deleting an account takes its password with it, and only its own. */
static void
test_delete_clears (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ReseauAccount) gone = add_account (fixture, "gone");
  g_autoptr(ReseauAccount) gone_async = add_account (fixture, "gone-async");
  g_autoptr(ReseauAccount) kept = add_account (fixture, "kept");
  g_autoptr(GAsyncResult) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *gone_password = NULL;
  g_autofree char *gone_async_password = NULL;
  g_autofree char *kept_password = NULL;
  g_autofree char *db = NULL;
  gsize len;

  g_assert_true (reseau_credentials_store_sync (gone, PASSWORD, NULL, &error));
  g_assert_true (reseau_credentials_store_sync (gone_async, PASSWORD, NULL, &error));
  g_assert_true (reseau_credentials_store_sync (kept, "kept password", NULL, &error));

  g_assert_true (reseau_account_delete (gone, fixture->store, NULL, &error));
  g_assert_no_error (error);
  reseau_account_delete_async (gone_async, fixture->store, NULL, done_cb, &deleted);
  g_assert_true (reseau_account_delete_finish (gone_async, wait_for (&deleted), &error));
  g_assert_no_error (error);

  gone_password = lookup (reseau_account_get_id (gone));
  gone_async_password = lookup (reseau_account_get_id (gone_async));
  kept_password = lookup (reseau_account_get_id (kept));
  g_assert_null (gone_password);
  g_assert_null (gone_async_password);
  g_assert_cmpstr (kept_password, ==, "kept password");
  left = reseau_account_list (fixture->store, &error);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpint (reseau_account_get_id (g_ptr_array_index (left, 0)), ==, reseau_account_get_id (kept));

  /* And no password ever reached the database. */
  g_clear_object (&fixture->store);
  g_assert_true (g_file_get_contents (fixture->path, &db, &len, NULL));
  g_assert_null (memmem (db, len, PASSWORD, strlen (PASSWORD)));
  g_assert_null (memmem (db, len, "kept password", strlen ("kept password")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/credentials/round-trip", test_round_trip);
  ADD ("/credentials/async", test_async);
  ADD ("/credentials/delete-clears", test_delete_clears);

  return g_test_run ();
}
