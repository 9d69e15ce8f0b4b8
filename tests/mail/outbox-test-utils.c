/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "outbox-test-utils"

#include "config.h"

#include "mail-test-utils.h"
#include "outbox-test-utils.h"
#include "reseau-account.h"
#include "reseau-credentials.h"
#include "reseau-outbox.h"

static gint64
add_account (ReseauStore *store)
{
  g_autoptr(ReseauAccount) account = reseau_account_new ();
  g_autoptr(GError) error = NULL;

  reseau_account_set_display_name (account, "Camille Rousseau");
  reseau_account_set_address (account, "camille@example.org");
  reseau_account_set_host (account, "127.0.0.1");
  reseau_account_set_port (account, g_ascii_strtoull (g_getenv ("RESEAU_TEST_SMTP_PORT"), NULL, 10));
  reseau_account_set_user_name (account, g_getenv ("RESEAU_TEST_SMTP_USER"));
  g_assert_true (reseau_account_save (account, store, &error));
  g_assert_true (reseau_credentials_store_sync (account, g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), NULL, &error));
  g_assert_no_error (error);
  return reseau_account_get_id (account);
}

ReseauStore *
outbox_test_make_campaign (const char *path,
                           guint       n_recipients,
                           gint64     *campaign_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauStore) store = reseau_store_open (path, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *definition = NULL;
  ReseauEtiquetteRule no_cap = { 0, 30 };
  ReseauCampaign campaign = { 0 };

  g_assert_no_error (error);
  campaign.account_id = add_account (store);
  g_assert_true (reseau_store_begin (store, &error));
  for (guint i = 0; i < n_recipients; i++)
    {
      g_autoptr(ReseauContact) contact = mail_test_make_contact (i);
      gint64 id;

      _reseau_contact_set_id (contact, 0);
      id = reseau_store_save_contact (store, contact, NULL, &error);
      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }
  g_assert_true (reseau_store_commit (store, &error));
  definition = reseau_outbox_definition_for_ids ((gint64 *)(gpointer)ids->data, ids->len);
  campaign.subject = (char *)"Réunion à {locality}, {first_name}";
  campaign.body = (char *)"Bonjour {first_name},\n\nÀ bientôt.";
  campaign.recipients = definition;
  *campaign_id = reseau_outbox_save_draft (store, &campaign, g_date_time_to_unix (now), &error);
  g_assert_true (reseau_outbox_schedule (store, *campaign_id, 0, &no_cap, today,
                                         g_date_time_to_unix (now), NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

GHashTable *
outbox_test_count_at_server (guint *total)
{
  g_autoptr(GDir) dir = g_dir_open (g_getenv ("RESEAU_TEST_SMTP_DIR"), 0, NULL);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) regex = g_regex_new ("\"rcpt_tos\":\\s*\\[\\s*\"([^\"]+)\"\\s*\\]", 0, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  *total = 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *meta = NULL;
      g_autofree char *to = NULL;

      if (name[0] == '.' || !g_str_has_suffix (name, ".eml"))
        continue;
      meta = mail_test_read_meta ((guint)g_ascii_strtoull (name, NULL, 10));
      g_assert_true (g_regex_match (regex, meta, 0, &match));
      to = g_match_info_fetch (match, 1);
      g_hash_table_insert (counts, g_strdup (to),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, to)) + 1));
      (*total)++;
    }
  return counts;
}
