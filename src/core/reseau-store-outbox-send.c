/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-store-outbox-private.h"

/* The sender's steps. Each is its own committed transaction, so that whatever moment the
 * process dies at, the database says either "queued" (nothing went out), "sending" (it
 * may have: becomes unconfirmed at the next start) or "sent" (the server said 250). */

/**
 * reseau_store_recover_sending:
 *
 * Call before sending anything, holding the send lock: a recipient still "sending" was
 * being sent by a process that died, and only the server knows whether it arrived.
 */
gboolean
reseau_store_recover_sending (ReseauStore  *self,
                              gint64        now,
                              guint        *n_unconfirmed,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  guint n;

  if (!reseau_store_begin (self, error))
    return FALSE;
  if ((stmt = _reseau_store_prepare (self,
         "UPDATE campaign_recipients SET state = 5, last_error = ?, updated = ? WHERE state = 1",
         error)) == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, _("Réseau stopped while sending this message: it may or may not have arrived"),
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!_reseau_store_step_done (self, stmt, error))
    goto fail;
  n = sqlite3_changes (_reseau_store_get_db (self));
  if ((stmt = _reseau_store_prepare (self,
         "UPDATE campaigns SET state = 1, updated = ? WHERE state = 2", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, now);
  if (!_reseau_store_step_done (self, stmt, error))
    goto fail;
  if (!reseau_store_commit (self, error))
    return FALSE;
  if (n_unconfirmed != NULL)
    *n_unconfirmed = n;
  return TRUE;

fail:
  reseau_store_rollback (self);
  return FALSE;
}

/* Returns: (nullable): the next recipient of @campaign_id due at @now, in snapshot order;
 * NULL without error when none is */
ReseauRecipient *
reseau_store_next_recipient (ReseauStore  *self,
                             gint64        campaign_id,
                             gint64        now,
                             GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT " RESEAU_RECIPIENT_COLUMNS " FROM campaign_recipients "
    "WHERE campaign_id = ? AND state IN (0, 3) AND next_attempt <= ? ORDER BY id LIMIT 1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return _reseau_store_step_one (self, stmt, (ReseauRowFunc)_reseau_store_read_recipient, error);
}

gboolean
reseau_store_mark_sending (ReseauStore  *self,
                           gint64        recipient_id,
                           const char   *message_id,
                           const char   *subject,
                           gint64        account_id,
                           gint64        now,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  if (!reseau_store_begin (self, error))
    return FALSE;
  if ((stmt = _reseau_store_prepare (self,
         "UPDATE campaign_recipients SET state = 1, attempts = attempts + 1, message_id = ?, "
         "  subject = ?, updated = ? WHERE id = ? AND state IN (0, 3)", error)) == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, message_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, subject, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, recipient_id);
  if (!_reseau_store_step_changed (self, stmt, _("This message is no longer waiting to be sent"), error))
    goto fail;
  if ((stmt = _reseau_store_prepare (self,
         "UPDATE campaigns SET state = CASE WHEN state IN (1, 2) THEN 2 ELSE state END, "
         "  started = CASE started WHEN 0 THEN ?1 ELSE started END, "
         "  updated = ?1 WHERE id = (SELECT campaign_id FROM campaign_recipients WHERE id = ?2)",
         error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, recipient_id);
  if (!_reseau_store_step_done (self, stmt, error) ||
      !reseau_store_log_send (self, account_id, now, error))
    goto fail;
  return reseau_store_commit (self, error);

fail:
  reseau_store_rollback (self);
  return FALSE;
}

gboolean
reseau_store_mark_sent (ReseauStore  *self,
                        gint64        recipient_id,
                        gint64        now,
                        GError      **error)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (now);
  g_autofree char *today = g_date_time_format (when, "%Y-%m-%d");
  sqlite3_stmt *stmt;

  if (!reseau_store_begin (self, error))
    return FALSE;
  if ((stmt = _reseau_store_prepare (self,
         "UPDATE campaign_recipients SET state = 2, last_error = '', next_attempt = 0, updated = ? "
         "WHERE id = ? AND state IN (1, 5)", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, recipient_id);
  if (!_reseau_store_step_changed (self, stmt, _("This message is not being sent"), error))
    goto fail;
  /* The triggers on interactions update "last contacted". */
  if ((stmt = _reseau_store_prepare (self,
         "INSERT INTO interactions (contact_id, kind, happened_on, text, created, campaign_id) "
         "SELECT contact_id, 3, ?, subject, ?, campaign_id FROM campaign_recipients "
         "WHERE id = ? AND contact_id IS NOT NULL", error)) == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, recipient_id);
  if (!_reseau_store_step_done (self, stmt, error))
    goto fail;
  return reseau_store_commit (self, error);

fail:
  reseau_store_rollback (self);
  return FALSE;
}

gboolean
reseau_store_mark_failed (ReseauStore           *self,
                          gint64                 recipient_id,
                          ReseauRecipientState   state,
                          const char            *reason,
                          gint64                 next_attempt,
                          gint64                 now,
                          GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (state == RESEAU_RECIPIENT_FAILED_TEMPORARY ||
                        state == RESEAU_RECIPIENT_FAILED_PERMANENT ||
                        state == RESEAU_RECIPIENT_SKIPPED ||
                        state == RESEAU_RECIPIENT_UNCONFIRMED, FALSE);

  if ((stmt = _reseau_store_prepare (self,
         "UPDATE campaign_recipients SET state = ?, last_error = ?, next_attempt = ?, updated = ? "
         "WHERE id = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, state);
  sqlite3_bind_text (stmt, 2, reason ? reason : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, next_attempt);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, recipient_id);
  return _reseau_store_step_done (self, stmt, error);
}

gboolean
reseau_store_unmark_sending (ReseauStore  *self,
                             gint64        recipient_id,
                             gint64        now,
                             GError      **error)
{
  return _reseau_store_run_int64s (self,
                                   "UPDATE campaign_recipients SET state = 0, "
                                   "  attempts = max (attempts - 1, 0), updated = ? "
                                   "WHERE id = ? AND state = 1",
                                   now, recipient_id, error);
}

ReseauCampaignState
reseau_store_settle_campaign (ReseauStore  *self,
                              gint64        campaign_id,
                              gint64        now,
                              GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "UPDATE campaigns SET updated = ?1, state = CASE WHEN EXISTS ("
    "  SELECT 1 FROM campaign_recipients WHERE campaign_id = ?2 AND state IN (0, 1, 3)) "
    "  THEN 1 ELSE 4 END WHERE id = ?2 AND state IN (1, 2) RETURNING state", error);
  ReseauCampaignState state = RESEAU_CAMPAIGN_SCHEDULED;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, campaign_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    state = sqlite3_column_int (stmt, 0);
  else if (rc == SQLITE_DONE)
    {
      /* Paused or cancelled meanwhile: leave it so. */
      g_autoptr(ReseauCampaign) campaign = NULL;

      sqlite3_reset (stmt);
      campaign = reseau_store_load_campaign (self, campaign_id, error);
      return campaign ? campaign->state : (ReseauCampaignState)-1;
    }
  while (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return -1;
  return state;
}
