/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-store"

#include "config.h"

#include "reseau-store-private.h"
#include "reseau-text.h"

/* Keep in touch: who is overdue for a catch-up, see RESEAU_OVERDUE_SQL. */

/**
 * reseau_store_list_overdue:
 * @today: (nullable): YYYY-MM-DD; %NULL for today
 *
 * The contacts overdue for a catch-up (see RESEAU_OVERDUE_SQL): never contacted first, then the
 * most overdue, each with the circle whose cadence made them due.
 *
 * Returns: (element-type ReseauOverdueEntry)
 */
GArray *
reseau_store_list_overdue (ReseauStore  *self,
                           const char   *today,
                           GError      **error)
{
  g_autofree char *now = today ? g_strdup (today) : reseau_text_today ();
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (ReseauOverdueEntry));
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT contact_id, circle_id, late FROM (" RESEAU_OVERDUE_SQL ") "
    "ORDER BY late IS NOT NULL, late DESC, sort_key, contact_id", error);
  int rc;

  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReseauOverdueEntry entry = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 2),
      };

      g_array_append_val (entries, entry);
    }
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&entries);
}

/* The number shown beside "Reconnect" in the sidebar. */
gboolean
reseau_store_count_overdue (ReseauStore  *self,
                            const char   *today,
                            guint        *count,
                            GError      **error)
{
  g_autofree char *now = today ? g_strdup (today) : reseau_text_today ();
  sqlite3_stmt *stmt = _reseau_store_prepare (self, "SELECT count(*) FROM (" RESEAU_OVERDUE_SQL ")", error);
  int rc;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int (stmt, 0);
  else
    _reseau_store_set_error (self, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}
