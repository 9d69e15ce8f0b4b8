/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-store"

#include "config.h"

#include "reseau-store-private.h"

/* What tells people apart when a file is imported, read straight from the tables: an import
 * into 100,000 contacts must not load 100,000 whole cards to learn their emails. */

/**
 * reseau_store_scan_identities:
 * @name_func: called with the name parts and organisation of each contact
 * @value_func: called with each email and profile link of each contact
 *
 * Goes through every contact not in the trash, oldest first, and then through their emails
 * and profile links (kinds %RESEAU_VALUE_EMAIL, and %RESEAU_VALUE_URL of type
 * %RESEAU_VALUE_TYPE_PROFILE), by contact and position. The strings are only valid during
 * the call.
 */
gboolean
reseau_store_scan_identities (ReseauStore           *self,
                              ReseauStoreNameFunc    name_func,
                              ReseauStoreValueFunc   value_func,
                              gpointer               user_data,
                              GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);
  g_return_val_if_fail (name_func != NULL && value_func != NULL, FALSE);

  stmt = _reseau_store_prepare (self,
    "SELECT id, given, family, organization FROM contacts WHERE trashed = 0 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    name_func (sqlite3_column_int64 (stmt, 0), _reseau_store_column_text (stmt, 1),
               _reseau_store_column_text (stmt, 2), _reseau_store_column_text (stmt, 3), user_data);
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return FALSE;

  stmt = _reseau_store_prepare (self,
    "SELECT v.contact_id, v.kind, v.value FROM contact_values v "
    "JOIN contacts c ON c.id = v.contact_id "
    "WHERE c.trashed = 0 AND (v.kind = ?1 OR (v.kind = ?2 AND v.type = ?3)) "
    "ORDER BY v.contact_id, v.position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, RESEAU_VALUE_EMAIL);
  sqlite3_bind_int (stmt, 2, RESEAU_VALUE_URL);
  sqlite3_bind_int (stmt, 3, RESEAU_VALUE_TYPE_PROFILE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    value_func (sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                _reseau_store_column_text (stmt, 2), user_data);
  return _reseau_store_rows_done (self, stmt, rc, error);
}
