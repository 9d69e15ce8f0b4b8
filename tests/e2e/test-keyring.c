/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-keyring.c — the isolated session's keyring really stores secrets
 *
 * Runs under isolated.py --keyring: libsecret talks to a real gnome-keyring
 * started by D-Bus activation, serving an unlocked "login" collection.
 */

#define G_LOG_DOMAIN "test-keyring"

#include "config.h"

#include <string.h>

#include <libsecret/secret.h>

static const SecretSchema test_schema = {
  "org.example.Reseau.Test", SECRET_SCHEMA_NONE,
  {
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "NULL", 0 },
  }
};

#define ACCOUNT       "alice@example.org"
#define OTHER_ACCOUNT "bob@example.org"
/* Not ASCII, with a space: what comes back must be the very same bytes. */
#define PASSWORD      "correct horse · batterie agrafe"

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *other = NULL;
  g_autofree char *after_clear = NULL;
  gboolean ok;

  ok = secret_password_store_sync (&test_schema, SECRET_COLLECTION_DEFAULT, "Réseau test account",
                                   PASSWORD, NULL, &error, "account", ACCOUNT, NULL);
  g_assert_no_error (error);
  g_assert_true (ok);

  found = secret_password_lookup_sync (&test_schema, NULL, &error, "account", ACCOUNT, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, PASSWORD);

  other = secret_password_lookup_sync (&test_schema, NULL, &error, "account", OTHER_ACCOUNT, NULL);
  g_assert_no_error (error);
  g_assert_null (other);

  ok = secret_password_clear_sync (&test_schema, NULL, &error, "account", ACCOUNT, NULL);
  g_assert_no_error (error);
  g_assert_true (ok);

  after_clear = secret_password_lookup_sync (&test_schema, NULL, &error, "account", ACCOUNT, NULL);
  g_assert_no_error (error);
  g_assert_null (after_clear);
}

/* The secret must land in the test's own keyring file, not in some other
 * keyring the developer running the tests happens to have. */
static void
test_stays_in_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keyring = NULL;
  g_autofree char *contents = NULL;
  const char *data_home = g_getenv ("XDG_DATA_HOME");
  const char *tmpdir = g_getenv ("RESEAU_TEST_TMPDIR");
  gboolean ok;

  g_assert_nonnull (tmpdir);
  g_assert_true (g_str_has_prefix (data_home, tmpdir));

  ok = secret_password_store_sync (&test_schema, SECRET_COLLECTION_DEFAULT, "Réseau test account",
                                   PASSWORD, NULL, &error, "account", OTHER_ACCOUNT, NULL);
  g_assert_no_error (error);
  g_assert_true (ok);

  /* gnome-keyring writes the unencrypted keyring back shortly after a change. */
  keyring = g_build_filename (data_home, "keyrings", "login.keyring", NULL);
  for (guint i = 0; i < 100; i++)
    {
      g_clear_pointer (&contents, g_free);
      g_file_get_contents (keyring, &contents, NULL, &error);
      g_assert_no_error (error);
      if (strstr (contents, OTHER_ACCOUNT) != NULL)
        break;
      g_usleep (50 * 1000);
    }
  g_assert_nonnull (strstr (contents, OTHER_ACCOUNT));

  secret_password_clear_sync (&test_schema, NULL, &error, "account", OTHER_ACCOUNT, NULL);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("RESEAU_TEST_TMPDIR") == NULL)
    g_error ("run me through tests/harness/isolated.py --keyring");

  g_test_add_func ("/harness/keyring/round-trip", test_round_trip);
  g_test_add_func ("/harness/keyring/stays-in-tmpdir", test_stays_in_tmpdir);

  return g_test_run ();
}
