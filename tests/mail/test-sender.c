/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sender.c — campaigns sent for real: ReseauSender against tests/harness/smtp_server.py
 *
 * Runs under isolated.py --keyring --smtp: the password goes through the session's real
 * gnome-keyring, messages through real STARTTLS and AUTH to a server that writes each one
 * to a file, where they are counted and parsed. Time is a fake clock where the test needs
 * to be before or after a schedule.
 */

#define G_LOG_DOMAIN "test-sender"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "mail-test-utils.h"
#include "outbox-test-utils.h"
#include "reseau-account.h"
#include "reseau-credentials.h"
#include "reseau-outbox.h"
#include "reseau-sender.h"
#include "reseau-store-outbox.h"

static const ReseauEtiquetteRule rule = { 2, 30 };

/* 0: the real time. */
static gint64 fake_now;

/* Every log line of the process, to search for the password. */
static GString *log_text;
static GMutex log_lock;

static gint64
clock_cb (gpointer data)
{
  return fake_now != 0 ? fake_now : g_get_real_time () / G_USEC_PER_SEC;
}

static gint64
now (void)
{
  return clock_cb (NULL);
}

static char *
today (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (now ());

  return g_date_time_format (when, "%Y-%m-%d");
}

typedef struct
{
  char        *dir;
  char        *path;
  ReseauStore *store;
  gint64       account;
  guint        n_progress;
  guint        last_done;
  guint        last_total;
  guint        cancel_after;
  guint        pause_after;
  GCancellable *cancellable;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauAccount) account = reseau_account_new ();

  fixture->dir = g_dir_make_tmp ("sender-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "reseau.db", NULL);
  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);

  reseau_account_set_display_name (account, "Camille Rousseau");
  reseau_account_set_address (account, "camille@example.org");
  reseau_account_set_host (account, "127.0.0.1");
  reseau_account_set_port (account, g_ascii_strtoull (g_getenv ("RESEAU_TEST_SMTP_PORT"), NULL, 10));
  reseau_account_set_security (account, RESEAU_ACCOUNT_SECURITY_STARTTLS);
  reseau_account_set_user_name (account, g_getenv ("RESEAU_TEST_SMTP_USER"));
  g_assert_true (reseau_account_save (account, fixture->store, &error));
  g_assert_no_error (error);
  fixture->account = reseau_account_get_id (account);
  g_assert_true (reseau_credentials_store_sync (account, g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), NULL, &error));
  g_assert_no_error (error);

  fixture->cancellable = g_cancellable_new ();
  fake_now = 0;
  mail_test_reset_maildir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  reseau_credentials_clear_sync (fixture->account, NULL, NULL);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->cancellable);
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, g_file_info_get_name (info), NULL);

      g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* A contact of mail_test_make_contact() saved for real; @with_email FALSE drops the email. */
static gint64
add_contact (Fixture  *fixture,
             guint     n,
             gboolean  with_email)
{
  g_autoptr(ReseauContact) contact = mail_test_make_contact (n);
  g_autoptr(GError) error = NULL;
  gint64 id;

  _reseau_contact_set_id (contact, 0);
  if (!with_email)
    reseau_contact_remove_value (contact, 0);
  id = reseau_store_save_contact (fixture->store, contact, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static GArray *
add_contacts (Fixture *fixture,
              guint    first,
              guint    n)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  g_assert_true (reseau_store_begin (fixture->store, &error));
  for (guint i = first; i < first + n; i++)
    {
      gint64 id = add_contact (fixture, i, TRUE);

      g_array_append_val (ids, id);
    }
  g_assert_true (reseau_store_commit (fixture->store, &error));
  return ids;
}

#define SUBJECT "Réunion à {locality|Paris}, {first_name}"
#define BODY    "Bonjour {first_name},\n\nOn se retrouve à {locality} ?\n\nCamille"

static gint64
add_campaign (Fixture    *fixture,
              GArray     *ids,
              const char *subject,
              gint64      when)
{
  g_autofree char *definition = reseau_outbox_definition_for_ids ((gint64 *)(gpointer)ids->data, ids->len);
  g_autofree char *date = today ();
  g_autoptr(GError) error = NULL;
  ReseauCampaign campaign = { 0 };
  gint64 id;

  campaign.account_id = fixture->account;
  campaign.subject = (char *)subject;
  campaign.body = (char *)BODY;
  campaign.recipients = definition;
  id = reseau_outbox_save_draft (fixture->store, &campaign, now (), &error);
  g_assert_no_error (error);
  g_assert_true (reseau_outbox_schedule (fixture->store, id, when, &rule, date, now (), NULL, &error));
  g_assert_no_error (error);
  return id;
}

static void
progress_cb (ReseauSender *sender,
             gint64        campaign_id,
             guint         done,
             guint         total,
             Fixture      *fixture)
{
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpuint (done, <=, total);
  fixture->n_progress++;
  fixture->last_done = done;
  fixture->last_total = total;
  if (fixture->cancel_after > 0 && fixture->n_progress == fixture->cancel_after)
    g_cancellable_cancel (fixture->cancellable);
  if (fixture->pause_after > 0 && fixture->n_progress == fixture->pause_after)
    {
      g_autoptr(GError) error = NULL;

      /* What the outbox page does, on the window's own connection, while the worker sends. */
      g_assert_true (reseau_outbox_pause (fixture->store, campaign_id, now (), &error));
      g_assert_no_error (error);
    }
}

static void
ran_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

/* Runs the sender to the end, as the application would, on this thread's main loop. */
static ReseauSendSummary *
run_sender_full (Fixture  *fixture,
                 guint     max_attempts,
                 guint     idle_timeout,
                 GError  **error)
{
  g_autoptr(ReseauSender) sender = reseau_sender_new (fixture->path);
  g_autoptr(GAsyncResult) result = NULL;

  reseau_sender_set_throttle (sender, 0);
  reseau_sender_set_clock (sender, clock_cb, NULL);
  reseau_sender_set_max_attempts (sender, max_attempts);
  reseau_sender_set_timeouts (sender, 5, idle_timeout);
  g_signal_connect (sender, "progress", G_CALLBACK (progress_cb), fixture);
  reseau_sender_run_async (sender, fixture->cancellable, ran_cb, &result);
  g_assert_true (reseau_sender_is_running (sender));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* Signals posted before the end are delivered before we look. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return reseau_sender_run_finish (sender, result, error);
}

static ReseauSendSummary *
run_sender (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ReseauSendSummary *summary = run_sender_full (fixture, RESEAU_SENDER_DEFAULT_MAX_ATTEMPTS, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static ReseauCampaign *
load_campaign (Fixture *fixture,
               gint64   id)
{
  g_autoptr(GError) error = NULL;
  ReseauCampaign *campaign = reseau_store_load_campaign (fixture->store, id, &error);

  g_assert_no_error (error);
  return campaign;
}

static GPtrArray *
list_recipients (Fixture *fixture,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = reseau_store_list_recipients (fixture->store, id, &error);

  g_assert_no_error (error);
  return list;
}

static ReseauRecipient *
find_recipient (GPtrArray  *list,
                const char *address)
{
  for (guint i = 0; i < list->len; i++)
    {
      ReseauRecipient *r = g_ptr_array_index (list, i);

      if (g_strcmp0 (r->address, address) == 0)
        return r;
    }
  return NULL;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* The numbers of the messages at the server, in order: the server keeps counting across
 * tests, so the first one of a test is not 1. */
static GArray *
message_numbers (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_getenv ("RESEAU_TEST_SMTP_DIR"), 0, NULL);
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, ".eml"))
      {
        guint n = (guint)g_ascii_strtoull (name, NULL, 10);

        g_array_append_val (numbers, n);
      }
  g_array_sort (numbers, compare_uint);
  return numbers;
}

/* The one RCPT TO of message @n, from the server's JSON. */
static char *
message_recipient (guint n)
{
  g_autofree char *meta = mail_test_read_meta (n);
  g_autoptr(GRegex) regex = g_regex_new ("\"rcpt_tos\":\\s*\\[\\s*\"([^\"]+)\"\\s*\\]", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_true (g_regex_match (regex, meta, 0, &match));
  return g_match_info_fetch (match, 1);
}

/* ---------------------------------------------------------------------------------------- */

/* 50 contacts, 50 separate messages, each personal, each to one person. */
static void
test_fifty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 50);
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(ReseauCampaign) campaign = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) numbers = NULL;
  g_autofree char *date = today ();
  gint64 id = add_campaign (fixture, ids, SUBJECT, 0);
  gint64 first_connection = -1;

  summary = run_sender (fixture);
  g_assert_cmpuint (summary->n_sent, ==, 50);
  g_assert_cmpuint (summary->n_failed_temporary + summary->n_failed_permanent + summary->n_paused, ==, 0);
  g_assert_cmpint (summary->next_due, ==, 0);
  g_assert_cmpuint (mail_test_count_messages (), ==, 50);
  g_assert_cmpuint (fixture->last_done, ==, 50);
  g_assert_cmpuint (fixture->last_total, ==, 50);
  g_assert_cmpuint (fixture->n_progress, ==, 50);

  list = list_recipients (fixture, id);
  numbers = message_numbers ();
  g_assert_cmpuint (numbers->len, ==, 50);
  for (guint k = 0; k < numbers->len; k++)
    {
      guint n = g_array_index (numbers, guint, k);
      g_autofree char *to = message_recipient (n);
      g_autoptr(GBytes) bytes = mail_test_read_message (n);
      g_autoptr(GMimeMessage) message = NULL;
      g_autoptr(ReseauContact) contact = NULL;
      g_autofree char *meta = mail_test_read_meta (n);
      g_autofree char *name = NULL;
      g_autofree char *subject = NULL;
      g_autofree char *greeting = NULL;
      g_autofree char *text = NULL;
      ReseauRecipient *r = find_recipient (list, to);
      const char *locality = NULL;
      gint64 connection = mail_test_meta_get_int (meta, "connection");

      g_assert_nonnull (r);
      g_assert_false (g_hash_table_contains (seen, to));
      g_hash_table_add (seen, g_strdup (to));
      /* One connection for the whole campaign (when the server reports it). */
      if (first_connection < 0)
        first_connection = connection;
      g_assert_cmpint (connection, ==, first_connection);

      mail_test_assert_wire_safe (bytes);
      message = mail_test_parse (bytes);
      contact = reseau_store_load_contact (fixture->store, r->contact_id, TRUE, NULL);
      name = reseau_contact_dup_name (contact);
      mail_test_assert_mailbox (g_mime_message_get_to (message), name, to);
      mail_test_assert_mailbox (g_mime_message_get_from (message), "Camille Rousseau", "camille@example.org");
      g_assert_cmpint (internet_address_list_length (g_mime_message_get_cc (message)), ==, 0);
      g_assert_cmpint (internet_address_list_length (g_mime_message_get_bcc (message)), ==, 0);
      for (guint i = 0; i < reseau_contact_get_values (contact)->len; i++)
        {
          ReseauContactValue *v = g_ptr_array_index (reseau_contact_get_values (contact), i);

          if (v->kind == RESEAU_VALUE_ADDRESS)
            locality = v->locality;
        }
      subject = g_strdup_printf ("Réunion à %s, %s", locality,
                                 reseau_contact_get_text (contact, RESEAU_FIELD_GIVEN));
      g_assert_cmpstr (g_mime_message_get_subject (message), ==, subject);
      g_assert_cmpstr (g_mime_message_get_message_id (message), ==, r->message_id);
      text = mail_test_get_text (message);
      greeting = g_strdup_printf ("Bonjour %s,\n\nOn se retrouve à %s ?\n\nCamille",
                                  reseau_contact_get_text (contact, RESEAU_FIELD_GIVEN), locality);
      g_assert_true (g_str_has_prefix (text, greeting));

      /* The card shows the message, linked to the campaign, and "last contacted" moved. */
      g_assert_cmpint (r->state, ==, RESEAU_RECIPIENT_SENT);
      g_assert_cmpuint (r->attempts, ==, 1);
      g_assert_cmpstr (r->subject, ==, subject);
      g_assert_cmpstr (reseau_contact_get_last_contacted (contact), ==, date);
      {
        g_autoptr(GPtrArray) interactions = reseau_store_list_interactions (fixture->store, r->contact_id, NULL);
        ReseauInteraction *interaction = g_ptr_array_index (interactions, 0);

        g_assert_cmpuint (interactions->len, ==, 1);
        g_assert_cmpint (interaction->kind, ==, RESEAU_INTERACTION_MESSAGE);
        g_assert_cmpstr (interaction->text, ==, subject);
        g_assert_cmpint (interaction->campaign_id, ==, id);
      }
    }
  campaign = load_campaign (fixture, id);
  g_assert_cmpint (campaign->state, ==, RESEAU_CAMPAIGN_DONE);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_SENT], ==, 50);

  /* Nothing is due any more: a second run sends nothing. */
  {
    g_autoptr(ReseauSendSummary) again = run_sender (fixture);

    g_assert_cmpuint (again->n_sent, ==, 0);
    g_assert_cmpuint (mail_test_count_messages (), ==, 50);
  }
}

/* Over-cap contacts and contacts without email are skipped, and never reach the server. */
static void
test_etiquette_and_no_email (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 4);
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) numbers = NULL;
  g_autofree char *date = today ();
  gint64 no_email = add_contact (fixture, 4, FALSE);
  gint64 id;

  for (guint i = 0; i < 2; i++)
    {
      gint64 over = g_array_index (ids, gint64, i);

      g_assert_cmpint (reseau_store_add_interaction (fixture->store, over, RESEAU_INTERACTION_MESSAGE, date, "Earlier", NULL), >, 0);
      g_assert_cmpint (reseau_store_add_interaction (fixture->store, over, RESEAU_INTERACTION_MESSAGE, date, "Earlier", NULL), >, 0);
    }
  g_array_append_val (ids, no_email);
  id = add_campaign (fixture, ids, SUBJECT, 0);
  summary = run_sender (fixture);
  g_assert_cmpuint (summary->n_sent, ==, 2);
  g_assert_cmpuint (mail_test_count_messages (), ==, 2);
  numbers = message_numbers ();
  for (guint k = 0; k < numbers->len; k++)
    {
      g_autofree char *to = message_recipient (g_array_index (numbers, guint, k));

      g_assert_true (g_str_equal (to, "person2@example.org") || g_str_equal (to, "person3@example.org"));
    }
  list = list_recipients (fixture, id);
  g_assert_cmpint (((ReseauRecipient *)g_ptr_array_index (list, 0))->state, ==, RESEAU_RECIPIENT_SKIPPED);
  g_assert_cmpstr (((ReseauRecipient *)g_ptr_array_index (list, 0))->last_error, ==,
                   "Already written to 2 times in the last 30 days");
  g_assert_cmpint (((ReseauRecipient *)g_ptr_array_index (list, 4))->state, ==, RESEAU_RECIPIENT_SKIPPED);
  g_assert_cmpstr (((ReseauRecipient *)g_ptr_array_index (list, 4))->last_error, ==, "No email address");
}

/* Not a second early; at its time, everything. */
static void
test_scheduled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 3);
  g_autoptr(ReseauSendSummary) early = NULL;
  g_autoptr(ReseauSendSummary) due = NULL;
  g_autoptr(ReseauCampaign) waiting = NULL;
  g_autoptr(ReseauCampaign) done = NULL;
  gint64 start = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id;

  fake_now = start;
  id = add_campaign (fixture, ids, SUBJECT, start + 2 * 3600);

  fake_now = start + 2 * 3600 - 1;
  early = run_sender (fixture);
  g_assert_cmpuint (early->n_sent, ==, 0);
  g_assert_cmpint (early->next_due, ==, start + 2 * 3600);
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);
  waiting = load_campaign (fixture, id);
  g_assert_cmpint (waiting->state, ==, RESEAU_CAMPAIGN_SCHEDULED);
  g_assert_cmpuint (waiting->counts[RESEAU_RECIPIENT_QUEUED], ==, 3);

  fake_now = start + 2 * 3600;
  due = run_sender (fixture);
  g_assert_cmpuint (due->n_sent, ==, 3);
  g_assert_cmpuint (mail_test_count_messages (), ==, 3);
  done = load_campaign (fixture, id);
  g_assert_cmpint (done->state, ==, RESEAU_CAMPAIGN_DONE);
}

/* More than 12 hours late and not started: a sender told to skip late campaigns leaves
 * it for the user's decision; one that is not (reseau --send-due) sends it. */
static void
test_late (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 2);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ReseauSendSummary) held = NULL;
  g_autoptr(ReseauSendSummary) sent = NULL;
  g_autoptr(ReseauSender) sender = reseau_sender_new (fixture->path);
  g_autoptr(GArray) late = NULL;
  gint64 start = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id;

  fake_now = start;
  id = add_campaign (fixture, ids, SUBJECT, start + 3600);
  fake_now = start + 3600 + 13 * 3600;
  late = reseau_outbox_late_campaigns (fixture->store, now (), NULL);
  g_assert_cmpuint (late->len, ==, 1);
  g_assert_cmpint (g_array_index (late, gint64, 0), ==, id);

  reseau_sender_set_throttle (sender, 0);
  reseau_sender_set_clock (sender, clock_cb, NULL);
  reseau_sender_set_skip_late (sender, TRUE);
  reseau_sender_run_async (sender, NULL, ran_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  held = reseau_sender_run_finish (sender, result, NULL);
  g_assert_cmpuint (held->n_sent, ==, 0);
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);

  sent = run_sender (fixture);
  g_assert_cmpuint (sent->n_sent, ==, 2);
}

/* Searches every file of the session (the keyring's own folder aside) for @needle. */
static void
assert_nowhere (const char *dir,
                const char *needle,
                guint      *n_files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (g_str_equal (name, "keyrings"))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          assert_nowhere (path, needle, n_files);
          continue;
        }
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || !g_file_get_contents (path, &contents, &len, NULL))
        continue;
      if (memmem (contents, len, needle, strlen (needle)) != NULL)
        g_error ("the password is in %s", path);
      (*n_files)++;
    }
}

static void
test_password_nowhere (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 3);
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *keyfile = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
  g_autofree char *keyring = g_build_filename (g_get_user_data_dir (), "keyrings", "login.keyring", NULL);
  g_autofree char *keyring_text = NULL;
  const char *password = g_getenv ("RESEAU_TEST_SMTP_PASSWORD");
  guint n_files = 0;

  /* The preferences an account's user touches, written to the keyfile backend. */
  g_settings_set_uint (settings, "throttle-per-minute", 30);
  g_settings_set_uint (settings, "etiquette-max-messages", 3);
  g_settings_sync ();

  add_campaign (fixture, ids, SUBJECT, 0);
  summary = run_sender (fixture);
  g_assert_cmpuint (summary->n_sent, ==, 3);
  g_clear_object (&fixture->store);

  /* It did go through the keyring (which writes its file back shortly after a change). */
  for (guint i = 0; i < 50 && (keyring_text == NULL || strstr (keyring_text, password) == NULL); i++)
    {
      g_clear_pointer (&keyring_text, g_free);
      g_usleep (100000);
      g_file_get_contents (keyring, &keyring_text, NULL, NULL);
    }
  g_assert_nonnull (strstr (keyring_text, password));
  g_assert_nonnull (strstr (keyring_text, "org.example.Reseau.Account"));

  g_assert_true (g_file_test (keyfile, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  assert_nowhere (g_getenv ("RESEAU_TEST_TMPDIR"), password, &n_files);
  g_assert_cmpuint (n_files, >=, 3);
  g_mutex_lock (&log_lock);
  g_assert_cmpuint (log_text->len, >, 0);
  g_assert_null (strstr (log_text->str, password));
  g_mutex_unlock (&log_lock);
  fixture->store = reseau_store_open (fixture->path, NULL);
}

/* An account problem pauses the campaign with its reason; nobody is failed or lost. */
static void
assert_paused (Fixture    *fixture,
               gint64      id,
               const char *reason_part)
{
  g_autoptr(ReseauCampaign) campaign = load_campaign (fixture, id);
  g_autoptr(GPtrArray) list = list_recipients (fixture, id);

  g_assert_cmpint (campaign->state, ==, RESEAU_CAMPAIGN_PAUSED);
  if (strstr (campaign->pause_reason, reason_part) == NULL)
    g_error ("pause reason “%s” lacks “%s”", campaign->pause_reason, reason_part);
  for (guint i = 0; i < list->len; i++)
    {
      ReseauRecipient *r = g_ptr_array_index (list, i);

      g_assert_cmpint (r->state, ==, RESEAU_RECIPIENT_QUEUED);
      g_assert_cmpuint (r->attempts, ==, 0);
    }
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);
}

static void
resume_and_send_all (Fixture *fixture,
                     gint64   id,
                     guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(ReseauCampaign) campaign = NULL;

  g_assert_true (reseau_outbox_resume (fixture->store, id, now (), &error));
  g_assert_no_error (error);
  summary = run_sender (fixture);
  g_assert_cmpuint (summary->n_sent, ==, n);
  g_assert_cmpuint (mail_test_count_messages (), ==, n);
  campaign = load_campaign (fixture, id);
  g_assert_cmpint (campaign->state, ==, RESEAU_CAMPAIGN_DONE);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 3);
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(ReseauAccount) account = reseau_account_load (fixture->store, fixture->account, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = add_campaign (fixture, ids, SUBJECT, 0);

  g_assert_true (reseau_credentials_store_sync (account, "not the password", NULL, &error));
  summary = run_sender (fixture);
  g_assert_cmpuint (summary->n_paused, ==, 1);
  g_assert_cmpuint (summary->problems->len, ==, 1);
  assert_paused (fixture, id, "password");

  g_assert_true (reseau_credentials_store_sync (account, g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), NULL, &error));
  resume_and_send_all (fixture, id, 3);
}

static void
test_no_password (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 2);
  g_autoptr(ReseauSendSummary) summary = NULL;
  gint64 id = add_campaign (fixture, ids, SUBJECT, 0);

  g_assert_true (reseau_credentials_clear_sync (fixture->account, NULL, NULL));
  summary = run_sender (fixture);
  g_assert_cmpuint (summary->n_paused, ==, 1);
  assert_paused (fixture, id, "No password is saved");
}

static void
test_untrusted_certificate (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 2);
  g_autoptr(ReseauSendSummary) summary = NULL;
  gint64 id = add_campaign (fixture, ids, SUBJECT, 0);

  g_unsetenv ("RESEAU_SMTP_CA_FILE");
  summary = run_sender (fixture);
  g_setenv ("RESEAU_SMTP_CA_FILE", g_getenv ("RESEAU_TEST_SMTP_CA"), TRUE);
  g_assert_cmpuint (summary->n_paused, ==, 1);
  assert_paused (fixture, id, "certificate");
  resume_and_send_all (fixture, id, 2);
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 2);
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(ReseauAccount) account = reseau_account_load (fixture->store, fixture->account, NULL);
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  guint real_port = reseau_account_get_port (account);
  gint64 id = add_campaign (fixture, ids, SUBJECT, 0);

  /* A port that was free a moment ago and where nobody listens. */
  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  reseau_account_set_port (account, g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);
  g_assert_true (reseau_account_save (account, fixture->store, NULL));

  summary = run_sender (fixture);
  g_assert_cmpuint (summary->n_paused, ==, 1);
  assert_paused (fixture, id, "");

  reseau_account_set_port (account, real_port);
  g_assert_true (reseau_account_save (account, fixture->store, NULL));
  resume_and_send_all (fixture, id, 2);
}

static void
assert_states (Fixture    *fixture,
               gint64      id,
               const char *expected)
{
  g_autoptr(GPtrArray) list = list_recipients (fixture, id);
  g_autoptr(GString) states = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_c (states, "qsStPuk"[((ReseauRecipient *)g_ptr_array_index (list, i))->state]);
  g_assert_cmpstr (states->str, ==, expected);
}

/* A dropped connection or a 4xx is retried later, with backoff, up to a limit. */
static void
test_temporary (Fixture       *fixture,
                gconstpointer  data)
{
  const char *fault = data;
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 2);
  g_autoptr(ReseauSendSummary) first = NULL;
  g_autoptr(ReseauSendSummary) too_early = NULL;
  g_autoptr(ReseauSendSummary) second = NULL;
  g_autoptr(ReseauSendSummary) third = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_real_time () / G_USEC_PER_SEC;
  ReseauRecipient *r;
  gint64 id;

  fake_now = start;
  id = add_campaign (fixture, ids, SUBJECT, 0);
  mail_test_write_fault (fault);
  first = run_sender_full (fixture, 2, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_failed_temporary, ==, 2);
  g_assert_cmpint (first->next_due, ==, start + 60);
  assert_states (fixture, id, "tt");
  list = list_recipients (fixture, id);
  r = g_ptr_array_index (list, 0);
  g_assert_cmpuint (r->attempts, ==, 1);
  g_assert_cmpint (r->next_attempt, ==, start + 60);
  g_assert_cmpstr (r->last_error, !=, "");
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);

  /* Not before the backoff. */
  too_early = run_sender_full (fixture, 2, 0, &error);
  g_assert_cmpuint (too_early->n_failed_temporary, ==, 0);

  /* Second and last attempt, still failing: permanent, with the reason kept. */
  fake_now = start + 60;
  second = run_sender_full (fixture, 2, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->n_failed_permanent, ==, 2);
  assert_states (fixture, id, "PP");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_recipients (fixture, id);
  r = g_ptr_array_index (list, 1);
  g_assert_nonnull (strstr (r->last_error, "gave up after 2 attempts"));

  /* Retry Failed once the server is well again. */
  mail_test_write_fault (NULL);
  g_assert_true (reseau_outbox_retry_failed (fixture->store, id, now (), NULL, &error));
  third = run_sender (fixture);
  g_assert_cmpuint (third->n_sent, ==, 2);
  g_assert_cmpuint (mail_test_count_messages (), ==, 2);
  assert_states (fixture, id, "SS");
}

/* A 550 for one recipient fails that one alone; the campaign goes on. */
static void
test_one_refused (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 4);
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(ReseauCampaign) campaign = NULL;
  ReseauRecipient *refused;
  gint64 id = add_campaign (fixture, ids, SUBJECT, 0);

  mail_test_write_fault ("reply-rcpt 550 person1@example.org\n");
  summary = run_sender (fixture);
  g_assert_cmpuint (summary->n_sent, ==, 3);
  g_assert_cmpuint (summary->n_failed_permanent, ==, 1);
  g_assert_cmpuint (mail_test_count_messages (), ==, 3);
  assert_states (fixture, id, "SPSS");
  list = list_recipients (fixture, id);
  refused = g_ptr_array_index (list, 1);
  g_assert_nonnull (strstr (refused->last_error, "550"));
  campaign = load_campaign (fixture, id);
  g_assert_cmpint (campaign->state, ==, RESEAU_CAMPAIGN_DONE);
}

/* A server that stops answering once it has the whole message: the idle timeout ends the
 * wait, and the recipient is left for the user to settle — it may have arrived. */
static void
test_stall (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 1);
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_campaign (fixture, ids, SUBJECT, 0);
  gint64 started = g_get_monotonic_time ();

  mail_test_write_fault ("stall-data 20\n");
  summary = run_sender_full (fixture, 5, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 15 * G_USEC_PER_SEC);
  g_assert_cmpuint (summary->n_failed_temporary, ==, 0);
  g_assert_cmpuint (summary->n_unconfirmed, ==, 1);
  assert_states (fixture, id, "u");
  mail_test_write_fault (NULL);
}

/* The connection is lost after the whole message went out and before the server's reply.
 * Whether or not the server kept it, those recipients become unconfirmed: a later run
 * does not send them again, and only the user's "Resend" does. */
static void
test_lost_after_data (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *fault = data;
  gboolean stored = g_str_has_prefix (fault, "accept");
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 2);
  g_autoptr(ReseauSendSummary) first = NULL;
  g_autoptr(ReseauSendSummary) again = NULL;
  g_autoptr(ReseauSendSummary) resent = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  fake_now = g_get_real_time () / G_USEC_PER_SEC;
  id = add_campaign (fixture, ids, SUBJECT, 0);
  mail_test_write_fault (fault);
  first = run_sender_full (fixture, 5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_unconfirmed, ==, 2);
  g_assert_cmpuint (first->n_failed_temporary, ==, 0);
  assert_states (fixture, id, "uu");
  g_assert_cmpuint (mail_test_count_messages (), ==, stored ? 2 : 0);
  list = list_recipients (fixture, id);
  g_assert_nonnull (strstr (((ReseauRecipient *)g_ptr_array_index (list, 0))->last_error,
                            "may or may not have arrived"));

  mail_test_write_fault (NULL);
  fake_now += 24 * 60 * 60;
  again = run_sender_full (fixture, 5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_sent, ==, 0);
  g_assert_cmpuint (mail_test_count_messages (), ==, stored ? 2 : 0);

  g_assert_true (reseau_outbox_resolve_unconfirmed (fixture->store,
                                                    ((ReseauRecipient *)g_ptr_array_index (list, 0))->id,
                                                    TRUE, fake_now, &error));
  g_assert_no_error (error);
  resent = run_sender_full (fixture, 5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resent->n_sent, ==, 1);
  assert_states (fixture, id, "Su");
}

/* CR/LF from a merge field would add headers: that recipient fails with the reason, the
 * others go, and no injected header reaches the server. */
static void
test_header_injection (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 3);
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) numbers = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE contacts SET organization = 'Acme' || char(13, 10) || "
                                          "'Bcc: evil@example.org' WHERE id = %" G_GINT64_FORMAT,
                                          g_array_index (ids, gint64, 1));
  sqlite3 *db = NULL;
  gint64 id;

  /* The card editor refuses line breaks in an organisation; an old or foreign file may not. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  id = add_campaign (fixture, ids, "Nouvelles de {organization|chez vous}", 0);
  summary = run_sender (fixture);
  g_assert_cmpuint (summary->n_sent, ==, 2);
  g_assert_cmpuint (summary->n_failed_permanent, ==, 1);
  assert_states (fixture, id, "SPS");
  list = list_recipients (fixture, id);
  g_assert_cmpstr (((ReseauRecipient *)g_ptr_array_index (list, 1))->last_error, !=, "");
  numbers = message_numbers ();
  for (guint k = 0; k < numbers->len; k++)
    {
      guint n = g_array_index (numbers, guint, k);
      g_autoptr(GBytes) bytes = mail_test_read_message (n);
      g_autofree char *meta = mail_test_read_meta (n);

      g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "evil"));
      g_assert_null (strstr (meta, "evil"));
    }
}

/* Pausing from the outbox while the worker sends: it stops after the message in flight,
 * and resuming sends the rest, each once. */
static void
test_pause_while_sending (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 30);
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(ReseauCampaign) campaign = NULL;
  g_autoptr(ReseauSendSummary) rest = NULL;
  g_autoptr(GHashTable) counts = NULL;
  guint total = 0;
  gint64 id = add_campaign (fixture, ids, SUBJECT, 0);

  fixture->pause_after = 3;
  summary = run_sender (fixture);
  g_assert_cmpuint (summary->n_sent, >=, 3);
  g_assert_cmpuint (summary->n_sent, <, 30);
  campaign = load_campaign (fixture, id);
  g_assert_cmpint (campaign->state, ==, RESEAU_CAMPAIGN_PAUSED);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_SENT], ==, summary->n_sent);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_QUEUED], ==, 30 - summary->n_sent);
  g_assert_cmpuint (mail_test_count_messages (), ==, summary->n_sent);

  fixture->pause_after = 0;
  g_assert_true (reseau_outbox_resume (fixture->store, id, now (), NULL));
  rest = run_sender (fixture);
  g_assert_cmpuint (summary->n_sent + rest->n_sent, ==, 30);
  counts = outbox_test_count_at_server (&total);
  g_assert_cmpuint (total, ==, 30);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 30);
}

/* A clock 60 times faster than the real one, so that a per-minute throttle shows in a
 * second. */
static gint64 fast_start;
static gint64 fast_real_start;

static gint64
fast_clock_cb (gpointer data)
{
  return fast_start + (g_get_monotonic_time () - fast_real_start) * 60 / G_USEC_PER_SEC;
}

/* At most 2 messages in any minute, across two runs (a restart in between): the send log
 * in the database is what the throttle counts. */
static void
test_throttle (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 5);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint sent = 0;

  gint64 campaign_id = add_campaign (fixture, ids, SUBJECT, 0);

  fast_start = g_get_real_time () / G_USEC_PER_SEC;
  fast_real_start = g_get_monotonic_time ();
  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(ReseauSender) sender = reseau_sender_new (fixture->path);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(ReseauSendSummary) summary = NULL;

      reseau_sender_set_throttle (sender, 2);
      reseau_sender_set_clock (sender, fast_clock_cb, NULL);
      /* The first run stops after 3 messages (paused between two messages, so that none
       * is cut off midway), the second starts afresh. */
      fixture->n_progress = 0;
      fixture->pause_after = run == 0 ? 3 : 0;
      if (run == 1)
        g_assert_true (reseau_outbox_resume (fixture->store, campaign_id, now (), NULL));
      g_signal_connect (sender, "progress", G_CALLBACK (progress_cb), fixture);
      reseau_sender_run_async (sender, NULL, ran_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      summary = reseau_sender_run_finish (sender, result, &error);
      g_clear_error (&error);
      sent = mail_test_count_messages ();
    }
  g_assert_cmpuint (sent, ==, 5);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sent_at FROM send_log ORDER BY sent_at", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 t = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (times, t);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (times->len, ==, 5);
  for (guint i = 2; i < times->len; i++)
    g_assert_cmpint (g_array_index (times, gint64, i) - g_array_index (times, gint64, i - 2), >=, 60);
}

/* 10,000 people: scheduled in one go, then stopped midway; every state adds up. */
static void
test_ten_thousand (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GArray) ids = add_contacts (fixture, 0, 10000);
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(ReseauCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  gint64 started = g_get_monotonic_time ();
  gint64 id = add_campaign (fixture, ids, SUBJECT, 0);
  guint at_server, sent, unconfirmed;

  g_test_message ("scheduling 10000 recipients: %.2f s", (g_get_monotonic_time () - started) / 1e6);
  g_assert_true (reseau_etiquette_is_large_segment (ids->len, 50, &warning));
  campaign = load_campaign (fixture, id);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_QUEUED], ==, 10000);

  fixture->cancel_after = 40;
  summary = run_sender_full (fixture, 5, 0, &error);
  /* Cancelled: either the run says so, or it ended between two messages. */
  if (error != NULL)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&campaign, reseau_campaign_free);
  campaign = load_campaign (fixture, id);
  at_server = mail_test_count_messages ();
  sent = campaign->counts[RESEAU_RECIPIENT_SENT];
  unconfirmed = campaign->counts[RESEAU_RECIPIENT_UNCONFIRMED];
  g_test_message ("stopped after %u sent, %u unconfirmed, %u at the server", sent, unconfirmed, at_server);
  g_assert_cmpuint (sent, >=, 39);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_SENDING], ==, 0);
  g_assert_cmpuint (at_server, >=, sent);
  g_assert_cmpuint (at_server, <=, sent + unconfirmed);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_QUEUED], ==, 10000 - sent - unconfirmed);
  g_assert_cmpint (campaign->state, ==, RESEAU_CAMPAIGN_SCHEDULED);
}

static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  g_autofree char *line = g_log_writer_format_fields (level, fields, n_fields, FALSE);

  g_mutex_lock (&log_lock);
  g_string_append (log_text, line);
  g_string_append_c (log_text, '\n');
  g_mutex_unlock (&log_lock);
  return g_log_writer_default (level, fields, n_fields, data);
}

/* Old-style g_log() messages: GTest installs its own default handler, which we wrap. */
static void
log_handler (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        data)
{
  g_mutex_lock (&log_lock);
  g_string_append_printf (log_text, "%s: %s\n", domain ? domain : "", message);
  g_mutex_unlock (&log_lock);
  if ((level & G_LOG_LEVEL_DEBUG) == 0)
    ((GLogFunc)data) (domain, level, message, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* Every debug message of every library, so that a password logged at any level shows. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_mime_init ();
  log_text = g_string_new (NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);
  {
    GLogFunc previous = g_log_set_default_handler (log_handler, NULL);

    g_log_set_default_handler (log_handler, (gpointer)previous);
  }
  g_setenv ("RESEAU_SMTP_CA_FILE", g_getenv ("RESEAU_TEST_SMTP_CA"), TRUE);
  g_message ("test-sender: logs are captured");

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/sender/fifty", test_fifty, NULL);
  ADD ("/sender/etiquette-and-no-email", test_etiquette_and_no_email, NULL);
  ADD ("/sender/scheduled", test_scheduled, NULL);
  ADD ("/sender/late", test_late, NULL);
  ADD ("/sender/password-nowhere", test_password_nowhere, NULL);
  ADD ("/sender/pause-while-sending", test_pause_while_sending, NULL);
  ADD ("/sender/throttle", test_throttle, NULL);
  ADD ("/sender/fault/wrong-password", test_wrong_password, NULL);
  ADD ("/sender/fault/no-password", test_no_password, NULL);
  ADD ("/sender/fault/untrusted-certificate", test_untrusted_certificate, NULL);
  ADD ("/sender/fault/unreachable", test_unreachable, NULL);
  ADD ("/sender/fault/drop-after-data", test_lost_after_data, "drop-after-data\n");
  ADD ("/sender/fault/accept-then-drop", test_lost_after_data, "accept-then-drop\n");
  ADD ("/sender/fault/drop-connect", test_temporary, "drop-connect\n");
  ADD ("/sender/fault/421", test_temporary, "reply-data 421 Service shutting down\n");
  ADD ("/sender/fault/451", test_temporary, "reply-data 451 Try again later\n");
  ADD ("/sender/fault/550-one-recipient", test_one_refused, NULL);
  ADD ("/sender/fault/stall", test_stall, NULL);
  ADD ("/sender/fault/header-injection", test_header_injection, NULL);
  ADD ("/sender/fault/ten-thousand", test_ten_thousand, NULL);

  return g_test_run ();
}
