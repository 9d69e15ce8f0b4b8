/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-store-outbox-private.h"

/* Sending accounts and the throttle's send log. No password ever reaches these tables:
 * ReseauAccountRecord has no field for one. */

/* A send is forgotten once it can no longer count against any per-minute limit. */
#define SEND_LOG_KEEP 3600

void
reseau_account_record_free (ReseauAccountRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->display_name);
  g_free (record->address);
  g_free (record->host);
  g_free (record->user_name);
  g_free (record);
}

static ReseauAccountRecord *
read_account (sqlite3_stmt *stmt)
{
  ReseauAccountRecord *record = g_new0 (ReseauAccountRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->display_name = g_strdup (_reseau_store_column_text (stmt, 1));
  record->address = g_strdup (_reseau_store_column_text (stmt, 2));
  record->host = g_strdup (_reseau_store_column_text (stmt, 3));
  record->port = sqlite3_column_int (stmt, 4);
  record->security = sqlite3_column_int (stmt, 5);
  record->user_name = g_strdup (_reseau_store_column_text (stmt, 6));
  return record;
}

#define ACCOUNT_COLUMNS "id, display_name, address, host, port, security, user_name"

/**
 * reseau_store_save_account:
 * @record: the account; id 0 for a new one
 *
 * Returns: the account's id, or 0 on error
 */
gint64
reseau_store_save_account (ReseauStore                *self,
                           const ReseauAccountRecord  *record,
                           GError                    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RESEAU_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  if (record->id == 0)
    stmt = _reseau_store_prepare (self,
      "INSERT INTO accounts (display_name, address, host, port, security, user_name, created) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  else
    stmt = _reseau_store_prepare (self,
      "UPDATE accounts SET display_name = ?1, address = ?2, host = ?3, port = ?4, security = ?5, "
      "user_name = ?6 WHERE id = ?8", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, record->display_name ? record->display_name : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record->address ? record->address : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, record->host ? record->host : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, record->port);
  sqlite3_bind_int (stmt, 5, record->security);
  sqlite3_bind_text (stmt, 6, record->user_name ? record->user_name : "", -1, SQLITE_TRANSIENT);
  if (record->id == 0)
    sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);
  else
    sqlite3_bind_int64 (stmt, 8, record->id);
  if (!_reseau_store_step_done (self, stmt, error))
    return 0;
  if (record->id != 0 && sqlite3_changes (_reseau_store_get_db (self)) == 0)
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND,
                   _("This account no longer exists"));
      return 0;
    }
  return record->id != 0 ? record->id : sqlite3_last_insert_rowid (_reseau_store_get_db (self));
}

ReseauAccountRecord *
reseau_store_load_account (ReseauStore  *self,
                           gint64        id,
                           GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT " ACCOUNT_COLUMNS " FROM accounts WHERE id = ?", error);
  ReseauAccountRecord *record;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  record = _reseau_store_step_one (self, stmt, (ReseauRowFunc)read_account, error);
  if (record == NULL && (error == NULL || *error == NULL))
    g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND,
                 _("This account no longer exists"));
  return record;
}

GPtrArray *
reseau_store_list_accounts (ReseauStore  *self,
                            GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_account_record_free);
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT " ACCOUNT_COLUMNS " FROM accounts ORDER BY display_name, address, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_account (stmt));
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Campaigns keep their history; the ones still waiting to go lose their way out and are
 * paused with a reason rather than failing recipient after recipient. */
gboolean
reseau_store_delete_account (ReseauStore  *self,
                             gint64        id,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  if (!reseau_store_begin (self, error))
    return FALSE;
  if ((stmt = _reseau_store_prepare (self,
         "UPDATE campaigns SET state = 3, pause_reason = ?2 "
         "WHERE account_id = ?1 AND state IN (1, 2)", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, _("The sending account was deleted"), -1, SQLITE_TRANSIENT);
  if (!_reseau_store_step_done (self, stmt, error))
    goto fail;
  if ((stmt = _reseau_store_prepare (self, "DELETE FROM accounts WHERE id = ?", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_reseau_store_step_done (self, stmt, error))
    goto fail;
  return reseau_store_commit (self, error);

fail:
  reseau_store_rollback (self);
  return FALSE;
}

gboolean
reseau_store_log_send (ReseauStore  *self,
                       gint64        account_id,
                       gint64        now,
                       GError      **error)
{
  return _reseau_store_run_int64s (self, "DELETE FROM send_log WHERE account_id = ? AND sent_at < ?",
                                   account_id, now - SEND_LOG_KEEP, error) &&
         _reseau_store_run_int64s (self, "INSERT INTO send_log (account_id, sent_at) VALUES (?, ?)",
                                   account_id, now, error);
}

/* A sliding window: the next message may go when the oldest of the last @per_minute sends
 * is a minute old. A clock set back makes sends look recent; the wait is then capped at a
 * minute rather than lasting until the clock catches up. */
gint64
reseau_store_throttle_delay (ReseauStore  *self,
                             gint64        account_id,
                             guint         per_minute,
                             gint64        now,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 oldest, delay = 0;
  int rc;

  if (per_minute == 0)
    return 0;
  if ((stmt = _reseau_store_prepare (self,
         "SELECT sent_at FROM send_log WHERE account_id = ? AND sent_at > ? "
         "ORDER BY sent_at DESC LIMIT 1 OFFSET ?", error)) == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, now - 60);
  sqlite3_bind_int (stmt, 3, per_minute - 1);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      oldest = sqlite3_column_int64 (stmt, 0);
      delay = CLAMP (oldest + 60 - now, 1, 60);
    }
  if (!_reseau_store_rows_done (self, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return -1;
  return delay;
}
