/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox page under a real X server, with the application's own sender, the real
 * keyring and the test SMTP server: a campaign scheduled through the outbox API is sent and
 * the page shows it sent, message by message counted at the server; after a 451 answer the
 * failed recipients wait for a retry and "Retry Failed" sends them; recipients left
 * "sending" by a run that died come back unconfirmed and are resolved with "Resend" (sent
 * once more, counted at the server) and "Mark as Sent" (nothing sent). Screenshots of the
 * list and of a campaign's detail.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mail-ui-common.h"
#include "reseau-credentials.h"
#include "reseau-outbox.h"
#include "reseau-outbox-page.h"
#include "reseau-test-utils.h"
#include "reseau-window-outbox.h"

/* Moves the clock the test schedules with, to make a campaign that is already late. */
static gint64 clock_offset;

static gint64
now_utc (void)
{
  return g_get_real_time () / G_USEC_PER_SEC + clock_offset;
}

static gint64
add_account (MailFixture *f)
{
  g_autoptr(ReseauAccount) account = reseau_account_new ();
  g_autoptr(GError) error = NULL;

  reseau_account_set_display_name (account, "Camille Martin");
  reseau_account_set_address (account, "camille@example.org");
  reseau_account_set_host (account, "127.0.0.1");
  reseau_account_set_port (account, atoi (g_getenv ("RESEAU_TEST_SMTP_PORT")));
  reseau_account_set_security (account, RESEAU_ACCOUNT_SECURITY_STARTTLS);
  reseau_account_set_user_name (account, g_getenv ("RESEAU_TEST_SMTP_USER"));
  g_assert_true (reseau_account_save (account, f->store, &error));
  g_assert_no_error (error);
  g_assert_true (reseau_credentials_store_sync (account, g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), NULL, &error));
  g_assert_no_error (error);
  return reseau_account_get_id (account);
}

static gint64
add_contact (MailFixture *f,
             const char  *given,
             const char  *family,
             const char  *email)
{
  g_autoptr(ReseauContact) contact = reseau_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, given);
  reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, family);
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_WORK, email));
  id = reseau_store_save_contact (f->store, contact, NULL, &error);
  g_assert_no_error (error);
  return id;
}

/* Drafts and schedules a campaign to @n_people new contacts, due now. */
static gint64
schedule_campaign (MailFixture *f,
                   gint64       account_id,
                   const char  *subject,
                   guint        n_people,
                   guint        serial)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (today, "%Y-%m-%d");
  ReseauEtiquetteRule rule = { 0, 30 };
  ReseauScheduleSummary summary = { 0 };
  ReseauCampaign campaign = { 0 };
  g_autofree char *definition = NULL;
  gint64 id;

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *email = g_strdup_printf ("person%u.%u@example.org", serial, i);
      g_autofree char *family = g_strdup_printf ("Martinet %u", i + 1);
      gint64 contact = add_contact (f, i % 2 ? "Frédéric" : "Zoë", family, email);

      g_array_append_val (ids, contact);
    }
  definition = reseau_outbox_definition_for_ids ((gint64 *)ids->data, ids->len);
  campaign.account_id = account_id;
  campaign.subject = (char *)subject;
  campaign.body = (char *)"Bonjour {first_name},\n\nÀ bientôt à Paris.\n";
  campaign.recipients = definition;
  id = reseau_outbox_save_draft (f->store, &campaign, now_utc (), &error);
  g_assert_no_error (error);
  g_assert_true (reseau_outbox_schedule (f->store, id, 0, &rule, day, now_utc (), &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_queued, ==, n_people);
  return id;
}

static guint
count_at_server (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_getenv ("RESEAU_TEST_SMTP_DIR"), 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, ".eml");
  return n;
}

typedef struct
{
  MailFixture *f;
  gint64       campaign;
  guint        n_sent;
  guint        n_retry;
  guint        n_unconfirmed;
  guint        at_server;
} Expect;

static gboolean
reached (gpointer data)
{
  Expect *e = data;
  g_autoptr(ReseauCampaign) c = reseau_store_load_campaign (e->f->store, e->campaign, NULL);

  return c != NULL && c->counts[RESEAU_RECIPIENT_SENT] == e->n_sent &&
         c->counts[RESEAU_RECIPIENT_FAILED_TEMPORARY] == e->n_retry &&
         c->counts[RESEAU_RECIPIENT_UNCONFIRMED] == e->n_unconfirmed &&
         c->counts[RESEAU_RECIPIENT_SENDING] == 0 &&
         count_at_server () == e->at_server;
}

static void
wait_reached (Expect *e)
{
  if (!reseau_test_iterate_until (reached, e, 60000))
    {
      g_autoptr(ReseauCampaign) c = reseau_store_load_campaign (e->f->store, e->campaign, NULL);

      reseau_test_save_screenshot (GTK_WIDGET (e->f->window), "outbox-failure.png");
      g_error ("campaign %" G_GINT64_FORMAT ": %u sent, %u to retry, %u unconfirmed, %u at the server",
               e->campaign, c->counts[RESEAU_RECIPIENT_SENT], c->counts[RESEAU_RECIPIENT_FAILED_TEMPORARY],
               c->counts[RESEAU_RECIPIENT_UNCONFIRMED], count_at_server ());
    }
}

static char *
sent_label (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sent", "%u sent", n), n);
}

static void
write_fault (const char *text)
{
  g_autofree char *path = g_build_filename (g_getenv ("RESEAU_TEST_SMTP_DIR"), "fault", NULL);

  if (text == NULL)
    g_unlink (path);
  else
    g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
setup_sender (MailFixture *f)
{
  g_settings_set_uint (reseau_application_get_settings (f->app), "throttle-per-minute", 600);
}

static void
test_send_and_show (MailFixture   *f,
                    gconstpointer  data)
{
  gint64 account = add_account (f);
  gint64 campaign;
  g_autofree char *three_sent = sent_label (3);
  Expect e = { f, 0, 3, 0, 0, count_at_server () + 3 };

  setup_sender (f);
  _reseau_window_show_outbox (f->window);
  mail_wait_for (f, mail_is_label_containing, _("No Messages Yet"), "the empty outbox");

  campaign = schedule_campaign (f, account, "Réunion à Paris", 3, 1);
  e.campaign = campaign;
  reseau_application_wake_sender (f->app);
  wait_reached (&e);
  /* The page follows the sender on its own. */
  mail_wait_for (f, mail_is_label_containing, three_sent, "“3 sent” in the list");
  mail_screenshot (f, "outbox-list");

  mail_click (gtk_widget_get_ancestor (mail_wait_for (f, mail_is_label_containing, "Réunion à Paris", "the campaign row"),
                                      GTK_TYPE_LIST_BOX_ROW));
  mail_wait_for (f, mail_is_row_titled, "Frédéric Martinet 2", "a recipient row");
  mail_screenshot (f, "outbox-detail");
}

static void
test_retry_after_451 (MailFixture   *f,
                      gconstpointer  data)
{
  gint64 account = add_account (f);
  guint base = count_at_server ();
  Expect failing = { f, 0, 0, 2, 0, base };
  Expect retried = { f, 0, 2, 0, 0, base + 2 };

  setup_sender (f);
  write_fault ("reply-data 451 4.3.0 Try again later\n");
  failing.campaign = retried.campaign = schedule_campaign (f, account, "Réunion à Lyon", 2, 2);
  _reseau_window_show_campaign (f->window, failing.campaign);
  reseau_application_wake_sender (f->app);
  wait_reached (&failing);
  mail_wait_for (f, mail_is_label_containing, "451", "the server's answer on a recipient");

  write_fault (NULL);
  mail_click (mail_wait_for (f, mail_is_button_labelled, _("_Retry Failed"), "Retry Failed"));
  wait_reached (&retried);
}

static void
test_unconfirmed (MailFixture   *f,
                  gconstpointer  data)
{
  gint64 account = add_account (f);
  g_autoptr(GPtrArray) recipients = NULL;
  g_autoptr(GError) error = NULL;
  guint base = count_at_server ();
  Expect recovered = { f, 0, 1, 0, 2, base + 1 };
  Expect resent = { f, 0, 2, 0, 1, base + 2 };
  Expect resolved = { f, 0, 3, 0, 0, base + 2 };
  GtkWidget *resend;

  setup_sender (f);
  recovered.campaign = resent.campaign = resolved.campaign = schedule_campaign (f, account, "Réunion à Nantes", 3, 3);
  /* What a run that died mid-send leaves behind: two recipients committed "sending". */
  recipients = reseau_store_list_recipients (f->store, recovered.campaign, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      ReseauRecipient *r = recipients->pdata[i];
      g_autofree char *message_id = g_strdup_printf ("test-%u.unconfirmed@example.org", i);

      g_assert_true (reseau_store_mark_sending (f->store, r->id, message_id, "Réunion à Nantes", account,
                                                now_utc (), &error));
      g_assert_no_error (error);
    }
  _reseau_window_show_campaign (f->window, recovered.campaign);
  reseau_application_wake_sender (f->app);
  wait_reached (&recovered);
  mail_wait_for (f, mail_is_label_containing,
                 _("Réseau stopped while sending these messages: the server may or may not have received them. Resend them, or mark them as sent if the people got them."),
                 "the explanation of unconfirmed messages");
  mail_screenshot (f, "outbox-unconfirmed");

  resend = mail_wait_for (f, mail_is_button_labelled, _("_Resend"), "Resend");
  mail_click (resend);
  wait_reached (&resent);
  mail_settle (500);
  mail_click (mail_wait_for (f, mail_is_button_labelled, _("Mark as _Sent"), "Mark as Sent"));
  wait_reached (&resolved);
}

/* A campaign found 13 hours late when Réseau starts waits for the user's answer; "Send
 * Now" sends it. */
static void
test_late_campaign (MailFixture   *f,
                    gconstpointer  data)
{
  gint64 account = add_account (f);
  guint base = count_at_server ();
  Expect sent = { f, 0, 2, 0, 0, base + 2 };
  static guint serial;
  g_autofree char *app_id = g_strdup_printf ("org.example.Reseau.LateTest%u", ++serial);
  g_autoptr(GError) error = NULL;

  setup_sender (f);
  clock_offset = -13 * 60 * 60;
  sent.campaign = schedule_campaign (f, account, "Réunion à Lille", 2, 4);
  clock_offset = 0;

  /* Quit and start again on the same file. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  f->app = reseau_application_new ();
  g_application_set_application_id (G_APPLICATION (f->app), app_id);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (reseau_application_open_store (f->app, f->db, &error));
  f->store = reseau_application_get_store (f->app);
  f->window = reseau_window_new (f->app, f->store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (reseau_test_wait_for_mapped (GTK_WIDGET (f->window)));

  mail_wait_for (f, mail_is_label_containing, _("Send a Late Message?"), "the late campaign's question");
  mail_settle (2000);
  g_assert_cmpuint (count_at_server (), ==, base);
  mail_screenshot (f, "outbox-late");
  mail_click (mail_wait_for (f, mail_is_button_labelled, _("_Send Now"), "Send Now"));
  wait_reached (&sent);
}

int
main (int   argc,
      char *argv[])
{
  mail_test_init (&argc, &argv);

  for (guint i = 0; i < 2; i++)
    {
      int width = i == 0 ? 1100 : 360;
      g_autofree char *send = g_strdup_printf ("/ui/outbox/send-and-show/%d", width);
      g_autofree char *unconfirmed = g_strdup_printf ("/ui/outbox/unconfirmed/%d", width);

      g_test_add (send, MailFixture, GINT_TO_POINTER (width), mail_fixture_set_up, test_send_and_show,
                  mail_fixture_tear_down);
      g_test_add (unconfirmed, MailFixture, GINT_TO_POINTER (width), mail_fixture_set_up, test_unconfirmed,
                  mail_fixture_tear_down);
    }
  g_test_add ("/ui/outbox/late-campaign", MailFixture, GINT_TO_POINTER (360), mail_fixture_set_up, test_late_campaign,
              mail_fixture_tear_down);
  g_test_add ("/ui/outbox/retry-after-451", MailFixture, NULL, mail_fixture_set_up, test_retry_after_451,
              mail_fixture_tear_down);
  return g_test_run ();
}
