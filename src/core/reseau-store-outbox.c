/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-store-outbox-private.h"

/* Campaigns and their recipients as the composer and the outbox page see them. What the
 * sender does step by step is in reseau-store-outbox-send.c. */

void
reseau_campaign_free (ReseauCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->subject);
  g_free (campaign->body);
  g_free (campaign->recipients);
  g_free (campaign->pause_reason);
  g_free (campaign);
}

ReseauCampaign *
reseau_campaign_copy (const ReseauCampaign *campaign)
{
  ReseauCampaign *copy = g_memdup2 (campaign, sizeof *campaign);

  copy->subject = g_strdup (campaign->subject);
  copy->body = g_strdup (campaign->body);
  copy->recipients = g_strdup (campaign->recipients);
  copy->pause_reason = g_strdup (campaign->pause_reason);
  return copy;
}

void
reseau_recipient_free (ReseauRecipient *recipient)
{
  if (recipient == NULL)
    return;
  g_free (recipient->name);
  g_free (recipient->address);
  g_free (recipient->last_error);
  g_free (recipient->message_id);
  g_free (recipient->subject);
  g_free (recipient);
}

#define CAMPAIGN_COLUMNS \
  "id, account_id, subject, body, recipients, state, scheduled_at, include_over_cap, " \
  "pause_reason, created, updated"

static ReseauCampaign *
read_campaign (sqlite3_stmt *stmt)
{
  ReseauCampaign *campaign = g_new0 (ReseauCampaign, 1);

  campaign->id = sqlite3_column_int64 (stmt, 0);
  campaign->account_id = sqlite3_column_int64 (stmt, 1);
  campaign->subject = g_strdup (_reseau_store_column_text (stmt, 2));
  campaign->body = g_strdup (_reseau_store_column_text (stmt, 3));
  campaign->recipients = g_strdup (_reseau_store_column_text (stmt, 4));
  campaign->state = sqlite3_column_int (stmt, 5);
  campaign->scheduled_at = sqlite3_column_int64 (stmt, 6);
  campaign->include_over_cap = sqlite3_column_int (stmt, 7) != 0;
  campaign->pause_reason = g_strdup (_reseau_store_column_text (stmt, 8));
  campaign->created = sqlite3_column_int64 (stmt, 9);
  campaign->updated = sqlite3_column_int64 (stmt, 10);
  return campaign;
}

ReseauRecipient *
_reseau_store_read_recipient (sqlite3_stmt *stmt)
{
  ReseauRecipient *recipient = g_new0 (ReseauRecipient, 1);

  recipient->id = sqlite3_column_int64 (stmt, 0);
  recipient->campaign_id = sqlite3_column_int64 (stmt, 1);
  recipient->contact_id = sqlite3_column_int64 (stmt, 2);
  recipient->name = g_strdup (_reseau_store_column_text (stmt, 3));
  recipient->address = g_strdup (_reseau_store_column_text (stmt, 4));
  recipient->state = sqlite3_column_int (stmt, 5);
  recipient->attempts = sqlite3_column_int (stmt, 6);
  recipient->last_error = g_strdup (_reseau_store_column_text (stmt, 7));
  recipient->next_attempt = sqlite3_column_int64 (stmt, 8);
  recipient->updated = sqlite3_column_int64 (stmt, 9);
  recipient->message_id = g_strdup (_reseau_store_column_text (stmt, 10));
  recipient->subject = g_strdup (_reseau_store_column_text (stmt, 11));
  return recipient;
}

static void
set_not_found (GError **error)
{
  g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND,
               _("This campaign no longer exists"));
}

static gboolean
check_changed (ReseauStore  *self,
               GError      **error)
{
  if (sqlite3_changes (_reseau_store_get_db (self)) > 0)
    return TRUE;
  set_not_found (error);
  return FALSE;
}

/* Steps @stmt, an UPDATE or DELETE guarded by a state: changing no row means the state was
 * not the expected one, which @message explains. */
gboolean
_reseau_store_step_changed (ReseauStore   *self,
                            sqlite3_stmt  *stmt,
                            const char    *message,
                            GError       **error)
{
  if (!_reseau_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_reseau_store_get_db (self)) > 0)
    return TRUE;
  g_set_error_literal (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Runs @sql (a string literal) with its two parameters bound to @first and @second. */
gboolean
_reseau_store_run_int64s (ReseauStore  *self,
                          const char   *sql,
                          gint64        first,
                          gint64        second,
                          GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  return _reseau_store_step_done (self, stmt, error);
}

/* The one row @stmt finds, read by @read; NULL without error when there is none. */
gpointer
_reseau_store_step_one (ReseauStore    *self,
                        sqlite3_stmt   *stmt,
                        ReseauRowFunc   read,
                        GError        **error)
{
  int rc = sqlite3_step (stmt);
  gpointer row = rc == SQLITE_ROW ? read (stmt) : NULL;

  _reseau_store_rows_done (self, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
  return row;
}

/* Only a draft may change: a scheduled campaign's text is what its recipients get. */
gint64
reseau_store_save_draft (ReseauStore           *self,
                         const ReseauCampaign  *campaign,
                         gint64                 now,
                         GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RESEAU_IS_STORE (self), 0);
  g_return_val_if_fail (campaign != NULL, 0);

  if (campaign->id == 0)
    stmt = _reseau_store_prepare (self,
      "INSERT INTO campaigns (account_id, subject, body, recipients, include_over_cap, "
      "  state, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6)", error);
  else
    stmt = _reseau_store_prepare (self,
      "UPDATE campaigns SET account_id = ?1, subject = ?2, body = ?3, recipients = ?4, "
      "  include_over_cap = ?5, updated = ?6 WHERE id = ?7 AND state = 0", error);
  if (stmt == NULL)
    return 0;
  if (campaign->account_id > 0)
    sqlite3_bind_int64 (stmt, 1, campaign->account_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, campaign->subject ? campaign->subject : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, campaign->body ? campaign->body : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, campaign->recipients ? campaign->recipients : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, campaign->include_over_cap ? 1 : 0);
  sqlite3_bind_int64 (stmt, 6, now);
  if (campaign->id != 0)
    sqlite3_bind_int64 (stmt, 7, campaign->id);
  if (!_reseau_store_step_changed (self, stmt, _("This campaign is no longer a draft and cannot be changed"), error))
    return 0;
  return campaign->id != 0 ? campaign->id : sqlite3_last_insert_rowid (_reseau_store_get_db (self));
}

static gboolean
add_counts (ReseauStore  *self,
            GHashTable   *by_id,
            gint64        only_id,
            GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT campaign_id, state, count(*) FROM campaign_recipients "
    "WHERE ?1 = 0 OR campaign_id = ?1 GROUP BY campaign_id, state", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int state = sqlite3_column_int (stmt, 1);
      ReseauCampaign *campaign = g_hash_table_lookup (by_id, &id);

      if (campaign != NULL && state >= 0 && state < RESEAU_RECIPIENT_N_STATES)
        campaign->counts[state] = sqlite3_column_int (stmt, 2);
    }
  return _reseau_store_rows_done (self, stmt, rc, error);
}

ReseauCampaign *
reseau_store_load_campaign (ReseauStore  *self,
                            gint64        id,
                            GError      **error)
{
  g_autoptr(ReseauCampaign) campaign = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT " CAMPAIGN_COLUMNS " FROM campaigns WHERE id = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((campaign = _reseau_store_step_one (self, stmt, (ReseauRowFunc)read_campaign, error)) == NULL)
    {
      if (error == NULL || *error == NULL)
        set_not_found (error);
      return NULL;
    }
  g_hash_table_insert (by_id, &campaign->id, campaign);
  if (!add_counts (self, by_id, id, error))
    return NULL;
  return g_steal_pointer (&campaign);
}

ReseauCampaignState
reseau_store_get_campaign_state (ReseauStore  *self,
                                 gint64        id,
                                 GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self, "SELECT state FROM campaigns WHERE id = ?", error);
  int state = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    state = sqlite3_column_int (stmt, 0);
  if (_reseau_store_rows_done (self, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error) && state < 0)
    set_not_found (error);
  return state;
}

GPtrArray *
reseau_store_list_campaigns (ReseauStore  *self,
                             GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_campaign_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT " CAMPAIGN_COLUMNS " FROM campaigns ORDER BY created DESC, id DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReseauCampaign *campaign = read_campaign (stmt);

      g_ptr_array_add (list, campaign);
      g_hash_table_insert (by_id, &campaign->id, campaign);
    }
  if (!_reseau_store_rows_done (self, stmt, rc, error) || !add_counts (self, by_id, 0, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* A campaign a sender is working through is not deleted under its feet. */
gboolean
reseau_store_delete_campaign (ReseauStore  *self,
                              gint64        id,
                              GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "DELETE FROM campaigns WHERE id = ? AND state <> 2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _reseau_store_step_changed (self, stmt, _("This campaign is being sent: pause it before deleting it"), error);
}

static gboolean
insert_snapshot (ReseauStore                    *self,
                 gint64                          id,
                 const ReseauRecipientSnapshot  *recipients,
                 guint                           n_recipients,
                 gint64                          now,
                 GError                        **error)
{
  for (guint i = 0; i < n_recipients; i++)
    {
      const ReseauRecipientSnapshot *r = &recipients[i];
      sqlite3_stmt *stmt = _reseau_store_prepare (self,
        "INSERT INTO campaign_recipients (campaign_id, contact_id, name, address, state, "
        "  last_error, updated) VALUES (?, ?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, r->contact_id);
      sqlite3_bind_text (stmt, 3, r->name ? r->name : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, r->address ? r->address : "", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, r->skip_reason ? RESEAU_RECIPIENT_SKIPPED : RESEAU_RECIPIENT_QUEUED);
      sqlite3_bind_text (stmt, 6, r->skip_reason ? r->skip_reason : "", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, now);
      if (!_reseau_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * reseau_store_schedule_campaign:
 *
 * Turns a draft into a scheduled campaign with @recipients as its snapshot, all in one
 * transaction: either every recipient is recorded or the draft stays as it was.
 */
gboolean
reseau_store_schedule_campaign (ReseauStore                    *self,
                                gint64                          id,
                                gint64                          scheduled_at,
                                const ReseauRecipientSnapshot  *recipients,
                                guint                           n_recipients,
                                gint64                          now,
                                GError                        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);

  if (!reseau_store_begin (self, error))
    return FALSE;
  if ((stmt = _reseau_store_prepare (self,
         "UPDATE campaigns SET state = 1, scheduled_at = ?, updated = ?, pause_reason = '' "
         "WHERE id = ? AND state = 0", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, scheduled_at);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!_reseau_store_step_changed (self, stmt, _("Only a draft can be scheduled"), error) ||
      !insert_snapshot (self, id, recipients, n_recipients, now, error))
    goto fail;
  return reseau_store_commit (self, error);

fail:
  reseau_store_rollback (self);
  return FALSE;
}

gboolean
reseau_store_set_campaign_state (ReseauStore          *self,
                                 gint64                id,
                                 ReseauCampaignState   state,
                                 const char           *pause_reason,
                                 gint64                now,
                                 GError              **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "UPDATE campaigns SET state = ?, pause_reason = ?, updated = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, state);
  sqlite3_bind_text (stmt, 2, pause_reason ? pause_reason : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, id);
  return _reseau_store_step_done (self, stmt, error) && check_changed (self, error);
}

gboolean
reseau_store_reschedule_campaign (ReseauStore  *self,
                                  gint64        id,
                                  gint64        scheduled_at,
                                  gint64        now,
                                  GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "UPDATE campaigns SET scheduled_at = ?, state = 1, pause_reason = '', updated = ? "
    "WHERE id = ? AND state IN (1, 3)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheduled_at);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, id);
  return _reseau_store_step_changed (self, stmt, _("Only a scheduled or paused campaign can be rescheduled"), error);
}

GPtrArray *
reseau_store_list_recipients (ReseauStore  *self,
                              gint64        campaign_id,
                              GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_recipient_free);
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT " RESEAU_RECIPIENT_COLUMNS " FROM campaign_recipients WHERE campaign_id = ? ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, _reseau_store_read_recipient (stmt));
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

ReseauRecipient *
reseau_store_load_recipient (ReseauStore  *self,
                             gint64        id,
                             GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT " RESEAU_RECIPIENT_COLUMNS " FROM campaign_recipients WHERE id = ?", error);
  ReseauRecipient *recipient;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  recipient = _reseau_store_step_one (self, stmt, (ReseauRowFunc)_reseau_store_read_recipient, error);
  if (recipient == NULL && (error == NULL || *error == NULL))
    g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND,
                 _("This recipient no longer exists"));
  return recipient;
}

/* A finished campaign with work again goes back to the queue, at its original time (so it
 * is due at once); one paused or cancelled by the user stays so. */
static gboolean
reopen_campaign (ReseauStore  *self,
                 gint64        campaign_id,
                 gint64        now,
                 GError      **error)
{
  return _reseau_store_run_int64s (self, "UPDATE campaigns SET state = 1, updated = ? WHERE id = ? AND state = 4",
                                   now, campaign_id, error);
}

gboolean
reseau_store_retry_failed (ReseauStore  *self,
                           gint64        campaign_id,
                           gint64        now,
                           guint        *n_retried,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  guint n;

  if (!reseau_store_begin (self, error))
    return FALSE;
  if ((stmt = _reseau_store_prepare (self,
         "UPDATE campaign_recipients SET state = 0, attempts = 0, next_attempt = 0, "
         "  last_error = '', updated = ? WHERE campaign_id = ? AND state IN (3, 4)", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, campaign_id);
  if (!_reseau_store_step_done (self, stmt, error))
    goto fail;
  n = sqlite3_changes (_reseau_store_get_db (self));
  if (n > 0 && !reopen_campaign (self, campaign_id, now, error))
    goto fail;
  if (!reseau_store_commit (self, error))
    return FALSE;
  if (n_retried != NULL)
    *n_retried = n;
  return TRUE;

fail:
  reseau_store_rollback (self);
  return FALSE;
}

gboolean
reseau_store_resolve_unconfirmed (ReseauStore  *self,
                                  gint64        recipient_id,
                                  gboolean      resend,
                                  gint64        now,
                                  GError      **error)
{
  g_autoptr(ReseauRecipient) recipient = reseau_store_load_recipient (self, recipient_id, error);
  sqlite3_stmt *stmt;

  if (recipient == NULL)
    return FALSE;
  if (recipient->state != RESEAU_RECIPIENT_UNCONFIRMED)
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID,
                   _("This message is not waiting for a decision"));
      return FALSE;
    }
  if (!resend)
    return reseau_store_mark_sent (self, recipient_id, now, error);

  if (!reseau_store_begin (self, error))
    return FALSE;
  if ((stmt = _reseau_store_prepare (self,
         "UPDATE campaign_recipients SET state = 0, next_attempt = 0, last_error = '', updated = ? "
         "WHERE id = ? AND state = 5", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, recipient_id);
  if (!_reseau_store_step_done (self, stmt, error) ||
      !reopen_campaign (self, recipient->campaign_id, now, error))
    goto fail;
  return reseau_store_commit (self, error);

fail:
  reseau_store_rollback (self);
  return FALSE;
}

GArray *
reseau_store_due_campaigns (ReseauStore  *self,
                            gint64        now,
                            GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT id FROM campaigns c WHERE state IN (1, 2) AND scheduled_at <= ?1 AND EXISTS ("
    "  SELECT 1 FROM campaign_recipients r WHERE r.campaign_id = c.id AND r.state IN (0, 3) "
    "  AND r.next_attempt <= ?1) ORDER BY scheduled_at, id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  return _reseau_store_collect_ids (self, stmt, error);
}

GArray *
reseau_store_late_campaigns (ReseauStore  *self,
                             gint64        now,
                             gint64        late_by,
                             GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT id FROM campaigns WHERE state = 1 AND started = 0 AND scheduled_at < ? "
    "ORDER BY scheduled_at, id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now - late_by);
  return _reseau_store_collect_ids (self, stmt, error);
}

gint64
reseau_store_next_due_time (ReseauStore  *self,
                            GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT min (max (c.scheduled_at, r.next_attempt)) FROM campaign_recipients r "
    "JOIN campaigns c ON c.id = r.campaign_id WHERE c.state IN (1, 2) AND r.state IN (0, 3)", error);
  gint64 next = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  if (!_reseau_store_rows_done (self, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return -1;
  return next;
}

/* Ids go in as one JSON array: one statement and one bound parameter for any number of
 * contacts, where an IN list would need as many parameters as contacts. */
static char *
ids_to_json (const gint64 *ids,
             guint         n_ids)
{
  GString *json = g_string_sized_new (n_ids * 8 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

GArray *
reseau_store_filter_live_contacts (ReseauStore   *self,
                                   const gint64  *ids,
                                   guint          n_ids,
                                   GError       **error)
{
  g_autofree char *json = ids_to_json (ids, n_ids);
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT j.value FROM json_each (?) j JOIN contacts c ON c.id = j.value "
    "WHERE c.trashed = 0 GROUP BY j.value ORDER BY min (j.key)", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  return _reseau_store_collect_ids (self, stmt, error);
}

GArray *
reseau_store_filter_with_email (ReseauStore   *self,
                                const gint64  *ids,
                                guint          n_ids,
                                GError       **error)
{
  g_autofree char *json = ids_to_json (ids, n_ids);
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT j.value FROM json_each (?1) j WHERE EXISTS ("
    "  SELECT 1 FROM contact_values v WHERE v.contact_id = j.value AND v.kind = ?2 AND v.value <> '') "
    "ORDER BY j.key", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, RESEAU_VALUE_EMAIL);
  return _reseau_store_collect_ids (self, stmt, error);
}

GHashTable *
reseau_store_count_messages (ReseauStore   *self,
                             const gint64  *ids,
                             guint          n_ids,
                             const char    *since,
                             guint          at_least,
                             GError       **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *json = ids_to_json (ids, n_ids);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = _reseau_store_prepare (self,
         "SELECT i.contact_id, count(*) FROM interactions i "
         "WHERE i.kind = 3 AND i.happened_on >= ?2 "
         "AND i.contact_id IN (SELECT value FROM json_each (?1)) "
         "GROUP BY i.contact_id HAVING count(*) >= ?3", error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, since, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, MAX (at_least, 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&counts);
}
