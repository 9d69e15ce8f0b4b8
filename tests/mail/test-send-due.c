/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-send-due.c — `reseau --send-due`, the real executable, with no display
 *
 * Runs under isolated.py --keyring --smtp (no Xvfb: the command must not need one), with
 * RESEAU_EXE naming the built executable.
 */

#define G_LOG_DOMAIN "test-send-due"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "mail-test-utils.h"
#include "outbox-test-utils.h"
#include "reseau-outbox.h"

static int
send_due (const char  *dir,
          char       **out,
          char       **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) reseau = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  reseau = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("RESEAU_EXE"),
                                        "--send-due", "--data-dir", dir, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (reseau, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (reseau));
  return g_subprocess_get_exit_status (reseau);
}

static void
test_send_due (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("send-due-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "reseau.db", NULL);
  g_autoptr(ReseauStore) store = NULL;
  g_autoptr(ReseauCampaign) campaign = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out_again = NULL;
  g_autofree char *err_again = NULL;
  gint64 id;

  mail_test_reset_maildir ();
  store = outbox_test_make_campaign (path, 5, &id);
  g_clear_object (&store);

  g_assert_cmpint (send_due (dir, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "5 messages sent\n");
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (mail_test_count_messages (), ==, 5);

  store = reseau_store_open (path, &error);
  campaign = reseau_store_load_campaign (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (campaign->state, ==, RESEAU_CAMPAIGN_DONE);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_SENT], ==, 5);
  g_clear_object (&store);

  /* Nothing more is due. */
  g_assert_cmpint (send_due (dir, &out_again, &err_again), ==, 0);
  g_assert_cmpstr (out_again, ==, "0 messages sent\n");
  g_assert_cmpuint (mail_test_count_messages (), ==, 5);
}

/* One recipient refused: the others go, the exit status says something failed. */
static void
test_send_due_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("send-due-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "reseau.db", NULL);
  g_autoptr(ReseauStore) store = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 id;

  mail_test_reset_maildir ();
  store = outbox_test_make_campaign (path, 3, &id);
  g_clear_object (&store);
  mail_test_write_fault ("reply-rcpt 550 person1@example.org\n");
  g_assert_cmpint (send_due (dir, &out, &err), ==, 1);
  mail_test_write_fault (NULL);
  g_assert_cmpstr (out, ==, "2 messages sent\n");
  g_assert_cmpstr (err, ==, "1 message failed: see the Outbox for the reason\n");
  g_assert_cmpuint (mail_test_count_messages (), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_setenv ("RESEAU_SMTP_CA_FILE", g_getenv ("RESEAU_TEST_SMTP_CA"), TRUE);

  g_test_add_func ("/send-due/sends", test_send_due);
  g_test_add_func ("/send-due/failure", test_send_due_failure);
  return g_test_run ();
}
