/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-send-kill.c — SIGKILL of the sending process at many points of a 200-recipient
 * campaign, then restart: every recipient is received exactly once or reported unconfirmed
 *
 * Runs under isolated.py --keyring --smtp. The sending process is `reseau --send-due` when
 * RESEAU_EXE names it, otherwise this executable started as `test-send-kill --driver
 * DATABASE`, which sends what is due the same way. It is killed by the test at points chosen by what the server has
 * received so far (right after a message was accepted, where "sending" and "sent" race)
 * and by elapsed time (while opening the database, recovering, connecting).
 */

#define G_LOG_DOMAIN "test-send-kill"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <glib/gstdio.h>

#include "mail-test-utils.h"
#include "outbox-test-utils.h"
#include "reseau-sender.h"

#define N_RECIPIENTS 200
#define N_KILLS      40

static char *self_path;

static void
ran_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

static int
run_driver (const char *path)
{
  g_autoptr(ReseauSender) sender = reseau_sender_new (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  reseau_sender_set_throttle (sender, 0);
  reseau_sender_run_async (sender, NULL, ran_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  summary = reseau_sender_run_finish (sender, result, &error);
  if (summary == NULL)
    {
      g_printerr ("driver: %s\n", error->message);
      return 1;
    }
  g_print ("driver: %u sent, %u unconfirmed found\n", summary->n_sent, summary->n_unconfirmed);
  return summary->n_failed_permanent + summary->n_failed_temporary + summary->n_paused > 0;
}

/* With RESEAU_EXE set, the sending process is the real `reseau --send-due`. */
static GSubprocess *
start_driver (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  const char *exe = g_getenv ("RESEAU_EXE");
  GSubprocess *driver;

  if (exe != NULL)
    driver = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                               exe, "--send-due", "--data-dir", dir, NULL);
  else
    driver = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, self_path, "--driver", path, NULL);
  g_assert_no_error (error);
  return driver;
}

/* Kills @driver when the server has @target messages, or after @delay_ms; FALSE when it
 * finished first. */
static gboolean
kill_at (GSubprocess *driver,
         guint        target,
         guint        delay_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)delay_ms * 1000;

  for (;;)
    {
      /* The identifier goes once GLib's child watch has reaped the process. */
      g_main_context_iteration (NULL, FALSE);
      if (g_subprocess_get_identifier (driver) == NULL)
        break;
      if ((target > 0 && mail_test_count_messages () >= target) ||
          (delay_ms > 0 && g_get_monotonic_time () >= deadline))
        {
          g_subprocess_send_signal (driver, SIGKILL);
          g_subprocess_wait (driver, NULL, NULL);
          return g_subprocess_get_if_signaled (driver);
        }
      g_usleep (500);
    }
  g_subprocess_wait (driver, NULL, NULL);
  return FALSE;
}

static void
test_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kill-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "reseau.db", NULL);
  g_autoptr(ReseauStore) store = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) recipients = NULL;
  guint kills = 0, total = 0, n_sent = 0, n_unconfirmed = 0, n_arrived_unconfirmed = 0;
  gint64 id;

  g_assert_no_error (error);
  mail_test_reset_maildir ();
  store = outbox_test_make_campaign (path, N_RECIPIENTS, &id);

  /* Kill points: after 1, 2, 3… new messages at the server, alternating with kills after
   * 5 to 200 ms, which land before or during the first exchange. */
  for (guint round = 0; round < N_KILLS * 3 && kills < N_KILLS; round++)
    {
      g_autoptr(GSubprocess) driver = start_driver (path);
      guint received = mail_test_count_messages ();
      gboolean killed;

      if (received >= N_RECIPIENTS - 10)
        break;
      if (round % 2 == 0)
        killed = kill_at (driver, received + 1 + round % 7, 0);
      else
        killed = kill_at (driver, 0, 5 + (round * 37) % 200);
      kills += killed;
    }
  g_test_message ("%u kills", kills);
  g_assert_cmpuint (kills, >=, N_KILLS / 2);

  /* Then a run to the end. */
  {
    g_autoptr(GSubprocess) driver = start_driver (path);

    g_assert_true (g_subprocess_wait (driver, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_subprocess_get_if_exited (driver));
    /* reseau --send-due also says 1 when it found unconfirmed messages to report. */
    g_assert_cmpint (g_subprocess_get_exit_status (driver), <=, g_getenv ("RESEAU_EXE") ? 1 : 0);
  }

  counts = outbox_test_count_at_server (&total);
  recipients = reseau_store_list_recipients (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recipients->len, ==, N_RECIPIENTS);
  for (guint i = 0; i < recipients->len; i++)
    {
      ReseauRecipient *r = g_ptr_array_index (recipients, i);
      guint received = GPOINTER_TO_UINT (g_hash_table_lookup (counts, r->address));

      if (r->state == RESEAU_RECIPIENT_SENT)
        {
          n_sent++;
          if (received != 1)
            g_error ("%s is marked sent and arrived %u times", r->address, received);
        }
      else if (r->state == RESEAU_RECIPIENT_UNCONFIRMED)
        {
          n_unconfirmed++;
          n_arrived_unconfirmed += received;
          if (received > 1)
            g_error ("%s is unconfirmed and arrived %u times", r->address, received);
        }
      else
        g_error ("%s was left in state %d (%s)", r->address, r->state, r->last_error);
    }
  g_test_message ("%u sent, %u unconfirmed (%u of which did arrive), %u messages at the server",
                  n_sent, n_unconfirmed, n_arrived_unconfirmed, total);
  g_assert_cmpuint (n_sent + n_unconfirmed, ==, N_RECIPIENTS);
  g_assert_cmpuint (total, ==, n_sent + n_arrived_unconfirmed);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("RESEAU_SMTP_CA_FILE", g_getenv ("RESEAU_TEST_SMTP_CA"), TRUE);
  if (argc == 3 && g_str_equal (argv[1], "--driver"))
    return run_driver (argv[2]);

  g_test_init (&argc, &argv, NULL);
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (g_getenv ("RESEAU_EXE") != NULL)
    {
      /* reseau --send-due takes the throttle from the preferences: 20 a minute by default
       * would make 200 messages take ten minutes; 600 a minute never holds one back here. */
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

      g_settings_set_uint (settings, "throttle-per-minute", 600);
      g_settings_sync ();
    }
  g_test_add_func ("/sender/sigkill", test_kill);
  return g_test_run ();
}
