/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-outbox.c — campaigns end to end, database commits included
 *
 * Runs under isolated.py --keyring --smtp. Prints:
 *   outbox.schedule_10k        scheduling a campaign to 10,000 contacts (snapshot and
 *                              etiquette check), in ms
 *   compose.recipients_check_10k  the composer's recipient summary for a 10,000-member circle
 *                              (who has an address, who is over the etiquette cap), in ms
 *   outbox.send_1000_msgs_per_s  1,000 recipients through ReseauSender, throttle off: every
 *                              message with its "sending" and "sent" commits (synchronous=FULL)
 *                              and its interaction, over one STARTTLS connection
 * RESEAU_BENCH_SIZE scales them (default 10,000, 10,000 and 1,000).
 */

#define G_LOG_DOMAIN "bench-outbox"

#include "config.h"

#include <locale.h>

#include "mail-test-utils.h"
#include "outbox-test-utils.h"
#include "reseau-outbox.h"
#include "reseau-sender.h"

static guint
size (guint fallback)
{
  const char *text = g_getenv ("RESEAU_BENCH_SIZE");

  return text ? MIN ((guint)g_ascii_strtoull (text, NULL, 10), fallback) : fallback;
}

static void
ran_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

static void
bench_schedule (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "schedule.db", NULL);
  guint n = size (10000);
  gint64 started = g_get_monotonic_time ();
  gint64 id;
  g_autoptr(ReseauStore) store = outbox_test_make_campaign (path, n, &id);

  /* outbox_test_make_campaign() also inserts the contacts: time the scheduling alone by
   * doing it again on a second draft with the same recipients. */
  {
    g_autoptr(ReseauCampaign) first = reseau_store_load_campaign (store, id, NULL);
    g_autoptr(GError) error = NULL;
    ReseauCampaign copy = *first;
    ReseauEtiquetteRule rule = { 2, 30 };
    gint64 second;

    copy.id = 0;
    second = reseau_outbox_save_draft (store, &copy, 0, &error);
    started = g_get_monotonic_time ();
    if (!reseau_outbox_schedule (store, second, 0, &rule, "2025-03-31", 0, NULL, &error))
      g_error ("%s", error->message);
  }
  g_print ("outbox.schedule_%uk %.1f ms\n", n / 1000, (g_get_monotonic_time () - started) / 1000.0);
}

static void
bench_recipients_check (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "recipients.db", NULL);
  guint n = size (10000);
  g_autoptr(ReseauStore) store = reseau_store_open (path, NULL);
  gint64 circle_id = mail_test_make_circle (store, "Everyone", n, "2025-03-31");
  gint64 started;
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  ReseauEtiquetteRule rule = { 2, 30 };

  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, circle_id);
  started = g_get_monotonic_time ();
  ids = reseau_store_segment_ids (store, segment, RESEAU_SORT_GIVEN_NAME, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ReseauRecipientSummary) summary = reseau_outbox_summarize (store, (gint64 *)(gpointer)ids->data,
                                                                         ids->len, &rule, "2025-03-31", 50, NULL,
                                                                         &error);

    g_assert_no_error (error);
    g_assert_cmpuint (summary->with_email->len + summary->no_email->len, ==, n);
  }
  g_print ("compose.recipients_check_%uk %.1f ms\n", n / 1000, (g_get_monotonic_time () - started) / 1000.0);
}

static void
bench_send (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "send.db", NULL);
  guint n = size (1000);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauStore) store = NULL;
  g_autoptr(ReseauSender) sender = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ReseauSendSummary) summary = NULL;
  gint64 started, id;

  mail_test_reset_maildir ();
  store = outbox_test_make_campaign (path, n, &id);
  sender = reseau_sender_new (path);
  reseau_sender_set_throttle (sender, 0);
  started = g_get_monotonic_time ();
  reseau_sender_run_async (sender, NULL, ran_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  summary = reseau_sender_run_finish (sender, result, &error);
  if (summary == NULL || summary->n_sent != n)
    g_error ("sent %u of %u: %s", summary ? summary->n_sent : 0, n, error ? error->message : "");
  g_print ("outbox.send_%u_msgs_per_s %.1f msg/s\n", n, n / ((g_get_monotonic_time () - started) / 1e6));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  setlocale (LC_ALL, "");
  g_setenv ("RESEAU_SMTP_CA_FILE", g_getenv ("RESEAU_TEST_SMTP_CA"), TRUE);
  dir = g_dir_make_tmp ("bench-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  bench_schedule (dir);
  bench_recipients_check (dir);
  bench_send (dir);
  return 0;
}
