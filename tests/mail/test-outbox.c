/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-outbox.c — schema v4, accounts, the etiquette guard and campaigns, without network
 *
 * Every test has its own real SQLite file. Time is passed in: "now" is a fixed instant so
 * that scheduling can be checked before and after its hour without waiting.
 */

#define G_LOG_DOMAIN "test-outbox"

#include "config.h"

#include <sqlite3.h>

#include "test-helpers.h"
#include "reseau-account.h"
#include "reseau-etiquette.h"
#include "reseau-outbox.h"
#include "reseau-template.h"

/* 2025-03-31 12:00:00 UTC */
#define NOW ((gint64)1743422400)
#define TODAY "2025-03-31"

static const ReseauEtiquetteRule default_rule = { 2, 30 };

static gint64
add_account (ReseauStore *store)
{
  g_autoptr(ReseauAccount) account = reseau_account_new ();
  g_autoptr(GError) error = NULL;

  reseau_account_set_display_name (account, "Camille Roux");
  reseau_account_set_address (account, "camille@example.org");
  reseau_account_set_host (account, "smtp.example.org");
  reseau_account_set_user_name (account, "camille");
  g_assert_true (reseau_account_save (account, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reseau_account_get_id (account), >, 0);
  return reseau_account_get_id (account);
}

static gint64
add_person_with_email (ReseauStore *store,
                       const char  *given,
                       const char  *family,
                       const char  *email)
{
  g_autoptr(ReseauContact) contact = test_contact_new ("given-name", given, "family-name", family, NULL);

  if (email != NULL)
    test_contact_add_value (contact, RESEAU_VALUE_EMAIL, email);
  return test_save (store, contact);
}

static void
add_message (ReseauStore *store,
             gint64       contact_id,
             const char  *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (reseau_store_add_interaction (store, contact_id, RESEAU_INTERACTION_MESSAGE, date,
                                                 "Hello", &error), >, 0);
  g_assert_no_error (error);
}

static gint64
add_draft (ReseauStore  *store,
           gint64        account_id,
           const gint64 *ids,
           guint         n_ids,
           const char   *subject)
{
  g_autofree char *definition = reseau_outbox_definition_for_ids (ids, n_ids);
  ReseauCampaign campaign = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  campaign.account_id = account_id;
  campaign.subject = (char *)subject;
  campaign.body = (char *)"Bonjour {first_name|à vous},\n\nÀ bientôt.";
  campaign.recipients = definition;
  id = reseau_outbox_save_draft (store, &campaign, NOW - 3600, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static ReseauCampaign *
load (ReseauStore *store,
      gint64       id)
{
  g_autoptr(GError) error = NULL;
  ReseauCampaign *campaign = reseau_store_load_campaign (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (campaign);
  return campaign;
}

static GPtrArray *
recipients (ReseauStore *store,
            gint64       campaign_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = reseau_store_list_recipients (store, campaign_id, &error);

  g_assert_no_error (error);
  return list;
}

static guint
n_ids (GArray *ids)
{
  g_assert_nonnull (ids);
  return ids->len;
}

/* ---------------------------------------------------------------------------------------- */
/* Migration from a real v3 file */

#define UNDO_V4 \
  "DROP INDEX interactions_by_campaign; DROP INDEX interactions_messages;" \
  "ALTER TABLE interactions DROP COLUMN campaign_id; DROP TABLE send_log;" \
  "DROP TABLE campaign_recipients; DROP TABLE campaigns; DROP TABLE accounts;" \
  "PRAGMA user_version = 3;"

static void
exec_on_file (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_migrate_v3 (TestFixture   *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(ReseauContact) contact = NULL;
  ReseauInteraction *interaction;
  gint64 id, account, campaign;

  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  id = add_person_with_email (fixture->store, "Frédéric", "Martinet", "fred@example.org");
  add_message (fixture->store, id, "2025-03-01");
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  exec_on_file (fixture->path, UNDO_V4);

  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (fixture->store, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (test_query_int (fixture->store,
                                   "SELECT count(*) FROM sqlite_master WHERE name IN ('accounts', "
                                   "'campaigns', 'campaign_recipients', 'send_log')"), ==, 4);
  /* No column could ever hold a password. */
  g_assert_cmpint (test_query_int (fixture->store,
                                   "SELECT count(*) FROM pragma_table_info ('accounts') "
                                   "WHERE name LIKE '%pass%' OR name LIKE '%secret%'"), ==, 0);
  interactions = reseau_store_list_interactions (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (interactions->len, ==, 1);
  interaction = g_ptr_array_index (interactions, 0);
  g_assert_cmpstr (interaction->happened_on, ==, "2025-03-01");
  g_assert_cmpint (interaction->campaign_id, ==, 0);

  /* The migrated file works: a message sent through a campaign lands on the card. */
  account = add_account (fixture->store);
  campaign = add_draft (fixture->store, account, &id, 1, "Réunion à Paris");
  g_assert_true (reseau_outbox_schedule (fixture->store, campaign, 0, &default_rule, TODAY, NOW, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(ReseauRecipient) r = reseau_store_next_recipient (fixture->store, campaign, NOW, &error);

    g_assert_nonnull (r);
    g_assert_true (reseau_store_mark_sending (fixture->store, r->id, "id@example.org", "Réunion à Paris",
                                              account, NOW, &error));
    g_assert_true (reseau_store_mark_sent (fixture->store, r->id, NOW, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&interactions, g_ptr_array_unref);
  interactions = reseau_store_list_interactions (fixture->store, id, &error);
  g_assert_cmpuint (interactions->len, ==, 2);
  interaction = g_ptr_array_index (interactions, 0);
  g_assert_cmpint (interaction->kind, ==, RESEAU_INTERACTION_MESSAGE);
  g_assert_cmpstr (interaction->text, ==, "Réunion à Paris");
  g_assert_cmpint (interaction->campaign_id, ==, campaign);
  contact = test_load (fixture->store, id);
  g_assert_cmpstr (reseau_contact_get_last_contacted (contact), ==, interaction->happened_on);
}

/* A step that fails halfway leaves the v3 file as it was: one transaction. */
static void
test_migrate_v3_atomic (TestFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauStore) store = NULL;

  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  add_person_with_email (fixture->store, "Zoé", "Lefèvre", "zoe@example.org");
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  /* A table in the way of the migration's last statements. */
  exec_on_file (fixture->path, UNDO_V4 "CREATE TABLE interactions_messages (x);");

  store = reseau_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_clear_error (&error);

  exec_on_file (fixture->path, "DROP TABLE interactions_messages;");
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), "
                                             "(SELECT count(*) FROM sqlite_master WHERE name = 'accounts'), "
                                             "(SELECT given FROM contacts)", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 3);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 2), ==, "Zoé");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (fixture->store, "PRAGMA user_version"), ==, 4);
}

/* ---------------------------------------------------------------------------------------- */
/* Accounts */

typedef struct
{
  const char            *address;
  const char            *host;
  guint                  port;
  ReseauAccountSecurity  security;
  const char            *display_name;
  int                    code;    /* -1: valid */
  const char            *message; /* a part of it */
} AccountCase;

static const AccountCase account_cases[] = {
  { "camille@example.org", "smtp.example.org", 587, RESEAU_ACCOUNT_SECURITY_STARTTLS, "Camille", -1, NULL },
  { "camille@example.org", "localhost", 25, RESEAU_ACCOUNT_SECURITY_NONE, "", -1, NULL },
  { "camille@example.org", "127.0.0.1", 2525, RESEAU_ACCOUNT_SECURITY_NONE, "", -1, NULL },
  { "camille@exemple.fr", "smtp.exemple.fr", 465, RESEAU_ACCOUNT_SECURITY_TLS, "Camille Roux", -1, NULL },
  { "", "smtp.example.org", 587, RESEAU_ACCOUNT_SECURITY_STARTTLS, "", RESEAU_ACCOUNT_ERROR_INVALID_ADDRESS, "Enter the email address" },
  { "camille", "smtp.example.org", 587, RESEAU_ACCOUNT_SECURITY_STARTTLS, "", RESEAU_ACCOUNT_ERROR_INVALID_ADDRESS, "camille" },
  { "camille@example.org\r\nBcc: x@example.org", "smtp.example.org", 587, RESEAU_ACCOUNT_SECURITY_STARTTLS, "", RESEAU_ACCOUNT_ERROR_INVALID_ADDRESS, "not a valid" },
  { "camille@example.org", "", 587, RESEAU_ACCOUNT_SECURITY_STARTTLS, "", RESEAU_ACCOUNT_ERROR_INVALID_HOST, "SMTP server" },
  { "camille@example.org", "smtp example.org", 587, RESEAU_ACCOUNT_SECURITY_STARTTLS, "", RESEAU_ACCOUNT_ERROR_INVALID_HOST, "spaces" },
  { "camille@example.org", "smtp.example.org", 0, RESEAU_ACCOUNT_SECURITY_STARTTLS, "", RESEAU_ACCOUNT_ERROR_INVALID_PORT, "1 to 65535" },
  { "camille@example.org", "smtp.example.org", 65536, RESEAU_ACCOUNT_SECURITY_STARTTLS, "", RESEAU_ACCOUNT_ERROR_INVALID_PORT, "1 to 65535" },
  { "camille@example.org", "smtp.example.org", 25, RESEAU_ACCOUNT_SECURITY_NONE, "", RESEAU_ACCOUNT_ERROR_INSECURE, "localhost" },
  { "camille@example.org", "smtp.example.org", 587, RESEAU_ACCOUNT_SECURITY_STARTTLS, "Camille\nRoux", RESEAU_ACCOUNT_ERROR_INVALID_TEXT, "line breaks" },
};

static void
test_account_validate (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (account_cases); i++)
    {
      const AccountCase *c = &account_cases[i];
      g_autoptr(ReseauAccount) account = reseau_account_new ();
      g_autoptr(GError) error = NULL;
      gboolean ok;

      reseau_account_set_address (account, c->address);
      reseau_account_set_host (account, c->host);
      reseau_account_set_port (account, c->port);
      reseau_account_set_security (account, c->security);
      reseau_account_set_display_name (account, c->display_name);
      ok = reseau_account_validate (account, &error);
      if (c->code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, RESEAU_ACCOUNT_ERROR, c->code);
          g_assert_nonnull (strstr (error->message, c->message));
          g_assert_false (ok);
        }
    }
}

static void
test_account_store (TestFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauAccount) invalid = reseau_account_new ();
  g_autoptr(ReseauAccount) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *label = NULL;
  gint64 id = add_account (fixture->store);

  loaded = reseau_account_load (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reseau_account_get_display_name (loaded), ==, "Camille Roux");
  g_assert_cmpstr (reseau_account_get_address (loaded), ==, "camille@example.org");
  g_assert_cmpstr (reseau_account_get_host (loaded), ==, "smtp.example.org");
  g_assert_cmpuint (reseau_account_get_port (loaded), ==, 587);
  g_assert_cmpint (reseau_account_get_security (loaded), ==, RESEAU_ACCOUNT_SECURITY_STARTTLS);
  label = reseau_account_dup_label (loaded);
  g_assert_cmpstr (label, ==, "camille@smtp.example.org");

  reseau_account_set_port (loaded, 2525);
  g_assert_true (reseau_account_save (loaded, fixture->store, &error));
  g_assert_cmpint (reseau_account_get_id (loaded), ==, id);

  /* An invalid account is not saved at all. */
  reseau_account_set_address (invalid, "nobody");
  reseau_account_set_host (invalid, "smtp.example.org");
  g_assert_false (reseau_account_save (invalid, fixture->store, &error));
  g_assert_error (error, RESEAU_ACCOUNT_ERROR, RESEAU_ACCOUNT_ERROR_INVALID_ADDRESS);
  g_assert_cmpint (reseau_account_get_id (invalid), ==, 0);

  list = reseau_account_list (fixture->store, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (reseau_account_get_port (g_ptr_array_index (list, 0)), ==, 2525);
}

/* ---------------------------------------------------------------------------------------- */
/* Etiquette */

static void
test_etiquette (TestFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauEtiquetteResult) result = NULL;
  g_autoptr(ReseauEtiquetteResult) none = NULL;
  g_autofree char *text = NULL;
  g_autofree char *large = NULL;
  const ReseauEtiquetteEntry *entries;
  ReseauEtiquetteRule off = { 0, 30 };
  gint64 ids[6];
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *email = g_strdup_printf ("p%u@example.org", i);

      ids[i] = add_person_with_email (fixture->store, "Anaïs", "Dupré", email);
    }
  /* 0: never written; 1: once; 2: twice (the first day of the window and today); 3: three
   * times; 4: twice but one of them 30 days ago, outside the window; 5: meetings, calls and
   * notes, which are not messages. */
  add_message (fixture->store, ids[1], "2025-03-20");
  add_message (fixture->store, ids[2], "2025-03-02");
  add_message (fixture->store, ids[2], TODAY);
  for (guint i = 0; i < 3; i++)
    add_message (fixture->store, ids[3], "2025-03-15");
  add_message (fixture->store, ids[4], "2025-03-01");
  add_message (fixture->store, ids[4], "2025-03-29");
  g_assert_cmpint (reseau_store_add_interaction (fixture->store, ids[5], RESEAU_INTERACTION_MEETING, TODAY, "", NULL), >, 0);
  g_assert_cmpint (reseau_store_add_interaction (fixture->store, ids[5], RESEAU_INTERACTION_CALL, TODAY, "", NULL), >, 0);
  g_assert_cmpint (reseau_store_add_interaction (fixture->store, ids[5], RESEAU_INTERACTION_NOTE, TODAY, "", NULL), >, 0);

  result = reseau_etiquette_check (fixture->store, &default_rule, ids, G_N_ELEMENTS (ids), TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reseau_etiquette_result_get_n_over (result), ==, 2);
  entries = reseau_etiquette_result_get_entries (result, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (entries[0].contact_id, ==, ids[2]);
  g_assert_cmpuint (entries[0].n_messages, ==, 2);
  g_assert_cmpint (entries[1].contact_id, ==, ids[3]);
  g_assert_cmpuint (entries[1].n_messages, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (reseau_etiquette_result_contains (result, ids[i]), ==, i == 2 || i == 3);
  g_assert_cmpuint (reseau_etiquette_result_get_count (result, ids[3]), ==, 3);
  g_assert_cmpuint (reseau_etiquette_result_get_count (result, ids[1]), ==, 0);
  text = reseau_etiquette_result_describe (result, &default_rule);
  g_assert_cmpstr (text, ==, "1 person was written to twice in the last 30 days\n"
                             "1 person was written to 3 times in the last 30 days");

  /* No cap: nobody is over it. */
  none = reseau_etiquette_check (fixture->store, &off, ids, G_N_ELEMENTS (ids), TODAY, &error);
  g_assert_cmpuint (reseau_etiquette_result_get_n_over (none), ==, 0);
  g_assert_null (reseau_etiquette_result_describe (none, &off));

  g_assert_false (reseau_etiquette_is_large_segment (49, 50, NULL));
  g_assert_true (reseau_etiquette_is_large_segment (50, 50, &large));
  g_assert_cmpstr (large, ==, "50 people is a lot for a personal message");
  g_assert_false (reseau_etiquette_is_large_segment (10000, 0, NULL));
}

/* "4 people were written to twice in the last 30 days" */
static void
test_etiquette_many (TestFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(ReseauEtiquetteResult) result = NULL;
  g_autofree char *text = NULL;
  gint64 ids[5];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      ids[i] = add_person_with_email (fixture->store, "Loïc", "Müller", NULL);
      if (i < 4)
        {
          add_message (fixture->store, ids[i], "2025-03-10");
          add_message (fixture->store, ids[i], "2025-03-11");
        }
    }
  result = reseau_etiquette_check (fixture->store, &default_rule, ids, G_N_ELEMENTS (ids), TODAY, NULL);
  text = reseau_etiquette_result_describe (result, &default_rule);
  g_assert_cmpstr (text, ==, "4 people were written to twice in the last 30 days");
}

/* ---------------------------------------------------------------------------------------- */
/* Campaigns */

static void
test_schedule_snapshot (TestFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(ReseauCampaign) campaign = NULL;
  ReseauScheduleSummary summary = { 0 };
  ReseauCampaign changed = { 0 };
  gint64 account = add_account (fixture->store);
  gint64 ids[4];
  gint64 id;

  ids[0] = add_person_with_email (fixture->store, "Frédéric", "Martinet", "fred@example.org");
  ids[1] = add_person_with_email (fixture->store, "Hélène", "Ó Briain", NULL);
  ids[2] = add_person_with_email (fixture->store, "Noël", "Nguyễn", "noel@example.org");
  ids[3] = add_person_with_email (fixture->store, "Ève", "Dupré", "eve@example.org");
  add_message (fixture->store, ids[2], "2025-03-20");
  add_message (fixture->store, ids[2], "2025-03-21");

  /* Problems are named before anything is recorded. */
  id = add_draft (fixture->store, 0, ids, 4, "Réunion à Paris");
  g_assert_false (reseau_outbox_schedule (fixture->store, id, 0, &default_rule, TODAY, NOW, NULL, &error));
  g_assert_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_NO_ACCOUNT);
  g_clear_error (&error);

  campaign = load (fixture->store, id);
  changed = *campaign;
  changed.account_id = account;
  changed.subject = (char *)"Bonjour {fist_name}";
  g_assert_cmpint (reseau_outbox_save_draft (fixture->store, &changed, NOW, &error), ==, id);
  g_assert_false (reseau_outbox_schedule (fixture->store, id, 0, &default_rule, TODAY, NOW, NULL, &error));
  g_assert_error (error, RESEAU_TEMPLATE_ERROR, RESEAU_TEMPLATE_ERROR_UNKNOWN_FIELD);
  g_assert_true (g_str_has_prefix (error->message, "Subject: "));
  g_clear_error (&error);

  changed.subject = (char *)"  ";
  reseau_outbox_save_draft (fixture->store, &changed, NOW, NULL);
  g_assert_false (reseau_outbox_schedule (fixture->store, id, 0, &default_rule, TODAY, NOW, NULL, &error));
  g_assert_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_EMPTY_SUBJECT);
  g_clear_error (&error);
  g_assert_cmpuint (test_query_int (fixture->store, "SELECT count(*) FROM campaign_recipients"), ==, 0);

  changed.subject = (char *)"Réunion à Paris, {first_name}";
  reseau_outbox_save_draft (fixture->store, &changed, NOW, NULL);
  g_assert_true (reseau_outbox_schedule (fixture->store, id, NOW + 3600, &default_rule, TODAY, NOW, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_queued, ==, 2);
  g_assert_cmpuint (summary.n_no_email, ==, 1);
  g_assert_cmpuint (summary.n_over_cap, ==, 1);

  list = recipients (fixture->store, id);
  g_assert_cmpuint (list->len, ==, 4);
  {
    ReseauRecipient *fred = g_ptr_array_index (list, 0);
    ReseauRecipient *helene = g_ptr_array_index (list, 1);
    ReseauRecipient *noel = g_ptr_array_index (list, 2);

    g_assert_cmpstr (fred->name, ==, "Frédéric Martinet");
    g_assert_cmpstr (fred->address, ==, "fred@example.org");
    g_assert_cmpint (fred->state, ==, RESEAU_RECIPIENT_QUEUED);
    g_assert_cmpint (helene->state, ==, RESEAU_RECIPIENT_SKIPPED);
    g_assert_cmpstr (helene->last_error, ==, "No email address");
    g_assert_cmpint (noel->state, ==, RESEAU_RECIPIENT_SKIPPED);
    g_assert_cmpstr (noel->last_error, ==, "Already written to 2 times in the last 30 days");
  }

  g_clear_pointer (&campaign, reseau_campaign_free);
  campaign = load (fixture->store, id);
  g_assert_cmpint (campaign->state, ==, RESEAU_CAMPAIGN_SCHEDULED);
  g_assert_cmpint (campaign->scheduled_at, ==, NOW + 3600);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_QUEUED], ==, 2);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_SKIPPED], ==, 2);

  /* Scheduled: the text is what recipients get, and scheduling again is refused. */
  changed.subject = (char *)"Changed";
  g_assert_cmpint (reseau_outbox_save_draft (fixture->store, &changed, NOW, &error), ==, 0);
  g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (reseau_outbox_schedule (fixture->store, id, 0, &default_rule, TODAY, NOW, NULL, &error));
  g_assert_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_INVALID_STATE);
}

static void
test_schedule_include_over_cap (TestFixture   *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauCampaign) campaign = NULL;
  ReseauScheduleSummary summary = { 0 };
  gint64 account = add_account (fixture->store);
  gint64 id, contact = add_person_with_email (fixture->store, "Jérôme", "Lefèvre", "jerome@example.org");

  add_message (fixture->store, contact, "2025-03-20");
  add_message (fixture->store, contact, "2025-03-21");
  id = add_draft (fixture->store, account, &contact, 1, "Hello");
  campaign = load (fixture->store, id);
  campaign->include_over_cap = TRUE;
  reseau_outbox_save_draft (fixture->store, campaign, NOW, NULL);
  g_assert_true (reseau_outbox_schedule (fixture->store, id, 0, &default_rule, TODAY, NOW, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_queued, ==, 1);
  g_assert_cmpuint (summary.n_over_cap, ==, 0);
}

static void
scheduled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

/* In a worker with its own connection; this connection sees the snapshot afterwards, and a
 * problem comes back as the same error. */
static void
test_schedule_async (TestFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(ReseauCampaign) campaign = NULL;
  ReseauScheduleSummary summary = { 0 };
  gint64 account = add_account (fixture->store);
  gint64 ids[2];
  gint64 id;

  ids[0] = add_person_with_email (fixture->store, "Frédéric", "Martinet", "fred@example.org");
  ids[1] = add_person_with_email (fixture->store, "Hélène", "Dupré", NULL);
  id = add_draft (fixture->store, account, ids, 2, "Réunion à Paris");
  reseau_outbox_schedule_async (fixture->store, id, 0, &default_rule, TODAY, NOW, NULL, scheduled_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (reseau_outbox_schedule_finish (result, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_queued, ==, 1);
  g_assert_cmpuint (summary.n_no_email, ==, 1);
  campaign = load (fixture->store, id);
  g_assert_cmpint (campaign->state, ==, RESEAU_CAMPAIGN_SCHEDULED);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_QUEUED], ==, 1);

  reseau_outbox_schedule_async (fixture->store, id, 0, &default_rule, TODAY, NOW, NULL, scheduled_cb, &again);
  while (again == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (reseau_outbox_schedule_finish (again, NULL, &error));
  g_assert_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_INVALID_STATE);
}

/* Nobody to write to is an error, not an empty campaign. */
static void
test_schedule_nobody (TestFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 account = add_account (fixture->store);
  gint64 contact = add_person_with_email (fixture->store, "Zoé", "Nguyễn", NULL);
  gint64 id = add_draft (fixture->store, account, &contact, 1, "Hello");
  gint64 empty = add_draft (fixture->store, account, NULL, 0, "Hello");

  g_assert_false (reseau_outbox_schedule (fixture->store, id, 0, &default_rule, TODAY, NOW, NULL, &error));
  g_assert_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_NO_RECIPIENTS);
  g_assert_cmpstr (error->message, ==, "None of the recipients has an email address");
  g_clear_error (&error);
  g_assert_false (reseau_outbox_schedule (fixture->store, empty, 0, &default_rule, TODAY, NOW, NULL, &error));
  g_assert_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_NO_RECIPIENTS);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (fixture->store, "SELECT count(*) FROM campaigns WHERE state <> 0"), ==, 0);
}

static void
test_definitions (TestFixture   *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();
  g_autoptr(GArray) by_ids = NULL;
  g_autoptr(GArray) by_segment = NULL;
  g_autoptr(GArray) broken = NULL;
  g_autofree char *ids_text = NULL;
  g_autofree char *segment_text = NULL;
  gint64 ids[3];

  ids[0] = add_person_with_email (fixture->store, "Anaïs", "B", "a@example.org");
  ids[1] = add_person_with_email (fixture->store, "Bruno", "C", NULL);
  ids[2] = add_person_with_email (fixture->store, "Chloé", "D", "c@example.org");
  g_assert_true (reseau_store_trash_contacts (fixture->store, &ids[1], 1, TRUE, NULL));

  ids_text = reseau_outbox_definition_for_ids (ids, 3);
  by_ids = reseau_outbox_resolve_definition (fixture->store, ids_text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_ids (by_ids), ==, 2);
  g_assert_cmpint (g_array_index (by_ids, gint64, 0), ==, ids[0]);
  g_assert_cmpint (g_array_index (by_ids, gint64, 1), ==, ids[2]);

  reseau_segment_set_has_email (segment, TRUE);
  segment_text = reseau_outbox_definition_for_segment (segment);
  by_segment = reseau_outbox_resolve_definition (fixture->store, segment_text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_ids (by_segment), ==, 2);

  /* A contact named twice is written to once. */
  {
    gint64 twice[] = { ids[2], ids[0], ids[2], ids[0] };
    g_autofree char *text = reseau_outbox_definition_for_ids (twice, G_N_ELEMENTS (twice));
    g_autoptr(GArray) once = reseau_outbox_resolve_definition (fixture->store, text, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (n_ids (once), ==, 2);
    g_assert_cmpint (g_array_index (once, gint64, 0), ==, ids[2]);
    g_assert_cmpint (g_array_index (once, gint64, 1), ==, ids[0]);
  }

  broken = reseau_outbox_resolve_definition (fixture->store, "ids:1,x", &error);
  g_assert_null (broken);
  g_assert_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_INVALID_DEFINITION);
}

static gint64
scheduled_campaign (ReseauStore *store,
                    gint64       when,
                    guint        n_people,
                    gint64      *account_out)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 account = add_account (store);
  gint64 id;

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *email = g_strdup_printf ("person%u@example.org", i);
      gint64 contact = add_person_with_email (store, "Ève", "Martinet", email);

      g_array_append_val (ids, contact);
    }
  id = add_draft (store, account, (gint64 *)(gpointer)ids->data, ids->len, "Réunion à Paris");
  g_assert_true (reseau_outbox_schedule (store, id, when, &default_rule, TODAY, NOW, NULL, &error));
  g_assert_no_error (error);
  if (account_out != NULL)
    *account_out = account;
  return id;
}

/* A campaign is due at its hour and not before; more than 12 hours late, it is reported
 * for the start-up question and can be moved. */
static void
test_due_and_late (TestFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) at = NULL;
  g_autoptr(GArray) late_11h = NULL;
  g_autoptr(GArray) late_13h = NULL;
  g_autoptr(GArray) after_move = NULL;
  gint64 when = NOW + 3600;
  gint64 id = scheduled_campaign (fixture->store, when, 2, NULL);

  before = reseau_outbox_due_campaigns (fixture->store, when - 1, &error);
  g_assert_cmpuint (n_ids (before), ==, 0);
  at = reseau_outbox_due_campaigns (fixture->store, when, &error);
  g_assert_cmpuint (n_ids (at), ==, 1);
  g_assert_cmpint (g_array_index (at, gint64, 0), ==, id);
  g_assert_cmpint (reseau_store_next_due_time (fixture->store, NULL), ==, when);

  late_11h = reseau_outbox_late_campaigns (fixture->store, when + 11 * 3600, &error);
  g_assert_cmpuint (n_ids (late_11h), ==, 0);
  late_13h = reseau_outbox_late_campaigns (fixture->store, when + 13 * 3600, &error);
  g_assert_cmpuint (n_ids (late_13h), ==, 1);

  g_assert_true (reseau_outbox_reschedule (fixture->store, id, when + 14 * 3600, when + 13 * 3600, &error));
  g_assert_no_error (error);
  after_move = reseau_outbox_late_campaigns (fixture->store, when + 13 * 3600, &error);
  g_assert_cmpuint (n_ids (after_move), ==, 0);
  g_assert_cmpint (reseau_store_next_due_time (fixture->store, NULL), ==, when + 14 * 3600);
}

static void
test_pause_resume_cancel (TestFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(ReseauCampaign) cancelled = NULL;
  gint64 id = scheduled_campaign (fixture->store, NOW, 3, NULL);

  g_assert_true (reseau_outbox_pause (fixture->store, id, NOW, &error));
  due = reseau_outbox_due_campaigns (fixture->store, NOW, &error);
  g_assert_cmpuint (n_ids (due), ==, 0);
  g_assert_false (reseau_outbox_pause (fixture->store, id, NOW, &error));
  g_assert_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_INVALID_STATE);
  g_clear_error (&error);
  g_assert_true (reseau_outbox_resume (fixture->store, id, NOW, &error));
  g_clear_pointer (&due, g_array_unref);
  due = reseau_outbox_due_campaigns (fixture->store, NOW, &error);
  g_assert_cmpuint (n_ids (due), ==, 1);

  g_assert_true (reseau_outbox_cancel (fixture->store, id, NOW, &error));
  g_assert_no_error (error);
  cancelled = load (fixture->store, id);
  g_assert_cmpint (cancelled->state, ==, RESEAU_CAMPAIGN_CANCELLED);
  g_assert_cmpuint (cancelled->counts[RESEAU_RECIPIENT_SKIPPED], ==, 3);
  g_assert_false (reseau_outbox_resume (fixture->store, id, NOW, &error));
  g_assert_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_INVALID_STATE);
}

/* The sender's steps as a process that dies would leave them, and the user's decisions. */
static void
test_recover_and_resolve (TestFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(ReseauCampaign) campaign = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  gint64 account;
  gint64 id = scheduled_campaign (fixture->store, NOW, 3, &account);
  ReseauRecipient *a, *b, *c;
  guint n = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ReseauRecipient) r = reseau_store_next_recipient (fixture->store, id, NOW, &error);

      g_assert_nonnull (r);
      g_assert_true (reseau_store_mark_sending (fixture->store, r->id, "mid", "Réunion à Paris", account, NOW, &error));
      if (i == 1)
        g_assert_true (reseau_store_mark_failed (fixture->store, r->id, RESEAU_RECIPIENT_FAILED_PERMANENT,
                                                 "550 No such user", 0, NOW, &error));
    }
  g_assert_null (reseau_store_next_recipient (fixture->store, id, NOW, &error));
  g_assert_no_error (error);

  /* What a new run finds: two left "sending". */
  g_assert_true (reseau_store_recover_sending (fixture->store, NOW, &n, &error));
  g_assert_cmpuint (n, ==, 2);
  list = recipients (fixture->store, id);
  a = g_ptr_array_index (list, 0);
  b = g_ptr_array_index (list, 1);
  c = g_ptr_array_index (list, 2);
  g_assert_cmpint (a->state, ==, RESEAU_RECIPIENT_UNCONFIRMED);
  g_assert_cmpint (b->state, ==, RESEAU_RECIPIENT_FAILED_PERMANENT);
  g_assert_cmpint (c->state, ==, RESEAU_RECIPIENT_UNCONFIRMED);
  g_assert_nonnull (strstr (a->last_error, "may or may not have arrived"));
  g_assert_cmpint (reseau_store_settle_campaign (fixture->store, id, NOW, &error), ==, RESEAU_CAMPAIGN_DONE);

  /* Marked as sent: the card shows it. Resent: queued again, same Message-ID. */
  g_assert_true (reseau_outbox_resolve_unconfirmed (fixture->store, a->id, FALSE, NOW, &error));
  interactions = reseau_store_list_interactions (fixture->store, a->contact_id, &error);
  g_assert_cmpuint (interactions->len, ==, 1);
  g_assert_cmpint (((ReseauInteraction *)g_ptr_array_index (interactions, 0))->campaign_id, ==, id);
  g_assert_true (reseau_outbox_resolve_unconfirmed (fixture->store, c->id, TRUE, NOW, &error));
  g_assert_false (reseau_outbox_resolve_unconfirmed (fixture->store, c->id, TRUE, NOW, &error));
  g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  campaign = load (fixture->store, id);
  g_assert_cmpint (campaign->state, ==, RESEAU_CAMPAIGN_SCHEDULED);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_SENT], ==, 1);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_QUEUED], ==, 1);
  {
    g_autoptr(ReseauRecipient) again = reseau_store_next_recipient (fixture->store, id, NOW, &error);

    g_assert_cmpint (again->id, ==, c->id);
    g_assert_cmpstr (again->message_id, ==, "mid");
  }

  /* Retry Failed brings back the 550 with no attempts. */
  g_assert_true (reseau_outbox_retry_failed (fixture->store, id, NOW, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_clear_pointer (&campaign, reseau_campaign_free);
  campaign = load (fixture->store, id);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_QUEUED], ==, 2);
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_FAILED_PERMANENT], ==, 0);
}

/* At most N in any 60 seconds, counted from the database so that a restart does not reset
 * it. */
static void
test_throttle (TestFixture   *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 account = add_account (fixture->store);

  for (guint i = 0; i < 3; i++)
    g_assert_true (reseau_store_log_send (fixture->store, account, NOW + i * 10, &error));
  g_assert_cmpint (reseau_store_throttle_delay (fixture->store, account, 3, NOW + 20, &error), ==, 40);
  g_assert_cmpint (reseau_store_throttle_delay (fixture->store, account, 4, NOW + 20, &error), ==, 0);
  g_assert_cmpint (reseau_store_throttle_delay (fixture->store, account, 0, NOW + 20, &error), ==, 0);
  g_assert_cmpint (reseau_store_throttle_delay (fixture->store, account, 3, NOW + 60, &error), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = reseau_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reseau_store_throttle_delay (fixture->store, account, 3, NOW + 30, &error), ==, 30);
  /* Another account has its own budget. */
  g_assert_cmpint (reseau_store_throttle_delay (fixture->store, account + 1, 3, NOW + 30, &error), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, TestFixture, NULL, test_fixture_set_up_store, func, test_fixture_tear_down)
#define ADD_DIR(path, func) \
  g_test_add (path, TestFixture, NULL, test_fixture_set_up_dir, func, test_fixture_tear_down)

  ADD_DIR ("/outbox/migrate/from-v3", test_migrate_v3);
  ADD_DIR ("/outbox/migrate/atomic", test_migrate_v3_atomic);
  g_test_add_func ("/outbox/account/validate", test_account_validate);
  ADD ("/outbox/account/store", test_account_store);
  ADD ("/outbox/etiquette/rules", test_etiquette);
  ADD ("/outbox/etiquette/describe", test_etiquette_many);
  ADD ("/outbox/schedule/snapshot", test_schedule_snapshot);
  ADD ("/outbox/schedule/include-over-cap", test_schedule_include_over_cap);
  ADD ("/outbox/schedule/nobody", test_schedule_nobody);
  ADD ("/outbox/schedule/async", test_schedule_async);
  ADD ("/outbox/schedule/definitions", test_definitions);
  ADD ("/outbox/schedule/due-and-late", test_due_and_late);
  ADD ("/outbox/campaign/pause-resume-cancel", test_pause_resume_cancel);
  ADD ("/outbox/campaign/recover-and-resolve", test_recover_and_resolve);
  ADD ("/outbox/throttle", test_throttle);

  return g_test_run ();
}
