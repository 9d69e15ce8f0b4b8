/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences → Accounts under a real X server, with the real gnome-keyring and the test
 * SMTP server (STARTTLS + AUTH, private CA): an account typed in through the dialog passes
 * Test Connection, a wrong password and an untrusted certificate get their own message,
 * bad fields are refused inline and save nothing; the password lands in the keyring and
 * nowhere in the database or the GSettings file (searched byte for byte), editing without
 * retyping keeps it, removing the account clears it. Screenshots of the Accounts page and
 * of the dialog with a test result, at the width and in the language the test runs in.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "mail-ui-common.h"
#include "reseau-account-dialog.h"
#include "reseau-credentials.h"
#include "reseau-test-utils.h"

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  g_assert_nonnull (value);
  return value;
}

static GtkWidget *
dialog_row (GtkWidget  *dialog,
            const char *title)
{
  GtkWidget *row = NULL;

  /* The dialog may still be sliding in. */
  for (guint i = 0; i < 50 && (row = mail_find (dialog, mail_is_row_titled, title)) == NULL; i++)
    mail_settle (100);
  g_assert_nonnull (row);
  return row;
}

static gboolean
is_text (GtkWidget     *widget,
         gconstpointer  data)
{
  return GTK_IS_TEXT (widget);
}

static GtkWidget *
open_add_dialog (MailFixture *f)
{
  GtkWidget *add;

  reseau_application_show_accounts (f->app);
  add = mail_wait_for (f, mail_is_row_titled, _("_Add Account…"), "Add Account…");
  mail_click (add);
  return mail_wait_for (f, mail_is_type, GSIZE_TO_POINTER (RESEAU_TYPE_ACCOUNT_DIALOG), "the account dialog");
}

/* Everything typed for real, the port in the spin row's own text. */
static void
fill_in (GtkWidget  *dialog,
         const char *password)
{
  GtkWidget *port = dialog_row (dialog, _("Port"));

  mail_type_into (dialog_row (dialog, _("Your Name")), "Ada Lovelace");
  mail_type_into (dialog_row (dialog, _("Email Address")), "ada@example.org");
  mail_type_into (dialog_row (dialog, _("SMTP Server")), "127.0.0.1");
  mail_type_into (mail_find (port, is_text, NULL), env ("RESEAU_TEST_SMTP_PORT"));
  mail_type_into (dialog_row (dialog, _("User Name")), env ("RESEAU_TEST_SMTP_USER"));
  mail_type_into (dialog_row (dialog, _("Password")), password);
  g_assert_cmpuint ((guint)adw_spin_row_get_value (ADW_SPIN_ROW (port)), ==,
                    (guint)atoi (env ("RESEAU_TEST_SMTP_PORT")));
}

static void
test_connection (MailFixture *f,
                 GtkWidget   *dialog,
                 const char  *expected)
{
  GtkWidget *button = mail_find (dialog, mail_is_button_labelled, _("_Test"));
  GtkWidget *label;

  /* At 360 px the button sits at the bottom edge of the sheet: focusing it scrolls it
   * into view, so the real click lands on it. */
  gtk_widget_grab_focus (button);
  reseau_test_settle (300);
  mail_click (button);
  label = mail_wait_for (f, mail_is_label_containing, expected, expected);
  g_assert_true (gtk_widget_is_drawable (label));
}

static char *
lookup_secret (gint64 account_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  char *secret = secret_password_lookup_sync (reseau_credentials_get_schema (), NULL, &error,
                                              "account-id", id, NULL);

  g_assert_no_error (error);
  return secret;
}

static void
assert_file_lacks (const char *path,
                   const char *secret)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &bytes, &length, NULL))
    return;
  g_assert_null (memmem (bytes, length, secret, strlen (secret)));
}

static gboolean
no_dialog (gpointer data)
{
  MailFixture *f = data;

  return mail_find (GTK_WIDGET (f->window), mail_is_type, GSIZE_TO_POINTER (RESEAU_TYPE_ACCOUNT_DIALOG)) == NULL;
}

static gboolean
no_account (gpointer data)
{
  MailFixture *f = data;
  g_autoptr(GPtrArray) accounts = reseau_account_list (f->store, NULL);

  return accounts != NULL && accounts->len == 0;
}

static gint64
only_account (MailFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = reseau_account_list (f->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpstr (reseau_account_get_address (accounts->pdata[0]), ==, "ada@example.org");
  g_assert_cmpstr (reseau_account_get_host (accounts->pdata[0]), ==, "127.0.0.1");
  return reseau_account_get_id (accounts->pdata[0]);
}

static gboolean
is_remove_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), _("Remove")) == 0;
}

static void
test_add_account (MailFixture   *f,
                  gconstpointer  data)
{
  const char *password = env ("RESEAU_TEST_SMTP_PASSWORD");
  g_autofree char *secret = NULL;
  g_autofree char *keyfile = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  GtkWidget *dialog;
  gint64 id;

  dialog = open_add_dialog (f);
  fill_in (dialog, "not-the-password");
  test_connection (f, dialog, _("The server refused the user name or password"));

  mail_type_into (dialog_row (dialog, _("Password")), password);
  test_connection (f, dialog, _("It works: the server accepted the connection and the sign-in"));
  mail_screenshot (f, "account-dialog");
  mail_click (mail_find (dialog, mail_is_button_labelled, _("_Add")));
  g_assert_true (reseau_test_iterate_until (no_dialog, f, 20000));

  id = only_account (f);
  secret = lookup_secret (id);
  g_assert_cmpstr (secret, ==, password);
  g_settings_sync ();
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->db, suffixes[i], NULL);

      assert_file_lacks (path, password);
    }
  g_assert_true (g_file_test (f->db, G_FILE_TEST_EXISTS));
  assert_file_lacks (keyfile, password);
  mail_wait_for (f, mail_is_row_titled, "Ada Lovelace", "the account's row");
  mail_screenshot (f, "accounts");

  /* Editing without retyping the password keeps the stored one. */
  mail_click (mail_wait_for (f, mail_is_row_titled, "Ada Lovelace", "the account's row"));
  dialog = mail_wait_for (f, mail_is_type, GSIZE_TO_POINTER (RESEAU_TYPE_ACCOUNT_DIALOG), "the edit dialog");
  mail_type_into (dialog_row (dialog, _("Your Name")), "Ada King");
  test_connection (f, dialog, _("It works: the server accepted the connection and the sign-in"));
  mail_click (mail_find (dialog, mail_is_button_labelled, _("_Save")));
  g_assert_true (reseau_test_iterate_until (no_dialog, f, 20000));
  g_clear_pointer (&secret, secret_password_free);
  secret = lookup_secret (id);
  g_assert_cmpstr (secret, ==, password);

  /* Removing asks, then clears the secret too. */
  mail_click (mail_find (mail_wait_for (f, mail_is_row_titled, "Ada King", "the renamed row"), is_remove_button, NULL));
  mail_click (mail_wait_for (f, mail_is_button_labelled, _("_Remove"), "the Remove response"));
  g_assert_true (reseau_test_iterate_until (no_account, f, 20000));
  g_clear_pointer (&secret, secret_password_free);
  secret = lookup_secret (id);
  g_assert_null (secret);
}

static void
test_untrusted_certificate (MailFixture   *f,
                            gconstpointer  data)
{
  GtkWidget *dialog;

  g_unsetenv ("RESEAU_SMTP_CA_FILE");
  dialog = open_add_dialog (f);
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, _("Email Address"))), "ada@example.org");
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, _("SMTP Server"))), "127.0.0.1");
  adw_spin_row_set_value (ADW_SPIN_ROW (dialog_row (dialog, _("Port"))), atoi (env ("RESEAU_TEST_SMTP_PORT")));
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, _("User Name"))), env ("RESEAU_TEST_SMTP_USER"));
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, _("Password"))), env ("RESEAU_TEST_SMTP_PASSWORD"));
  test_connection (f, dialog, _("The server’s certificate is not trusted"));
  g_setenv ("RESEAU_SMTP_CA_FILE", env ("RESEAU_TEST_SMTP_CA"), TRUE);
}

static void
test_invalid_fields (MailFixture   *f,
                     gconstpointer  data)
{
  g_autofree char *bad_address = g_strdup_printf (_("“%s” is not a valid email address"), "ada-at-example");
  GtkWidget *dialog = open_add_dialog (f);
  GtkWidget *address = dialog_row (dialog, _("Email Address"));

  mail_type_into (address, "ada-at-example");
  mail_type_into (dialog_row (dialog, _("SMTP Server")), "smtp.example.org");
  mail_click (mail_find (dialog, mail_is_button_labelled, _("_Add")));
  mail_wait_for (f, mail_is_label_containing, bad_address, "the address message");
  g_assert_true (gtk_widget_has_css_class (address, "error"));

  mail_type_into (address, "ada@example.org");
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_row (dialog, _("Security"))), RESEAU_ACCOUNT_SECURITY_NONE);
  g_assert_cmpuint ((guint)adw_spin_row_get_value (ADW_SPIN_ROW (dialog_row (dialog, _("Port")))), ==, 25);
  mail_click (mail_find (dialog, mail_is_button_labelled, _("_Add")));
  mail_wait_for (f, mail_is_label_containing,
                 _("Without encryption your password and messages would cross the network readable by anyone: choose STARTTLS or TLS, or use a server on this computer (localhost)"),
                 "the insecure message");
  mail_screenshot (f, "account-dialog-invalid");
  g_assert_true (no_account (f));
}

int
main (int   argc,
      char *argv[])
{
  mail_test_init (&argc, &argv);

  for (guint i = 0; i < 2; i++)
    {
      int width = i == 0 ? 1100 : 360;
      g_autofree char *add = g_strdup_printf ("/ui/accounts/add-test-remove/%d", width);

      g_test_add (add, MailFixture, GINT_TO_POINTER (width), mail_fixture_set_up, test_add_account,
                  mail_fixture_tear_down);
    }
  g_test_add ("/ui/accounts/untrusted-certificate", MailFixture, NULL, mail_fixture_set_up,
              test_untrusted_certificate, mail_fixture_tear_down);
  g_test_add ("/ui/accounts/invalid-fields", MailFixture, GINT_TO_POINTER (360), mail_fixture_set_up,
              test_invalid_fields, mail_fixture_tear_down);
  return g_test_run ();
}
