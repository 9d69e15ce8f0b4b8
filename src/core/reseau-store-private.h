/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <sqlite3.h>

#include "reseau-store.h"

G_BEGIN_DECLS

/* Every contact in one sort order, kept while the database does not change: see
 * reseau_store_list(). */
typedef struct
{
  GArray *entries;      /* ReseauListEntry, or NULL */
  gint64  changes;
  int     data_version;
} ReseauListCache;

sqlite3_stmt *_reseau_store_prepare   (ReseauStore  *self,
                                       const char   *sql,
                                       GError      **error);
gboolean      _reseau_store_exec      (ReseauStore  *self,
                                       const char   *sql,
                                       GError      **error);
gboolean      _reseau_store_step_done (ReseauStore  *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error);
const char   *_reseau_store_column_text (sqlite3_stmt *stmt,
                                         int           column);
gboolean      _reseau_store_rows_done (ReseauStore  *self,
                                       sqlite3_stmt *stmt,
                                       int           rc,
                                       GError      **error);
/* Steps @stmt to its end, collecting column 0 as gint64 ids; resets it. NULL on error. */
GArray       *_reseau_store_collect_ids (ReseauStore  *self,
                                         sqlite3_stmt *stmt,
                                         GError      **error);
void          _reseau_store_set_error (ReseauStore  *self,
                                       GError      **error);
sqlite3      *_reseau_store_get_db    (ReseauStore  *self);
gboolean      _reseau_store_update_sort_keys (ReseauStore  *self,
                                              gint64        id,
                                              GError      **error);
ReseauListCache *_reseau_store_get_list_cache (ReseauStore     *self,
                                               ReseauSortOrder  order);
void          _reseau_store_get_changes (ReseauStore *self,
                                         gint64      *changes,
                                         int         *data_version);
void          _reseau_store_emit_members_changed (ReseauStore *self,
                                                  gint64       changes,
                                                  int          data_version);

/* Contacts due for a catch-up: those in a circle with a cadence whose last contact (never
 * counts as infinitely long ago) is more days ago than the shortest cadence among their
 * circles. Ties between circles of the same cadence go to the oldest circle: the key
 * packs (cadence, circle id) into one integer so that a GROUP BY's min() picks both, which
 * at 100,000 contacts takes half the time of a window function. Two parameters, both
 * today's date. */
#define RESEAU_OVERDUE_SQL \
  "SELECT c.id AS contact_id, d.due % 4294967296 AS circle_id, c.sort_given AS sort_key, " \
  "  CAST (julianday (?) - julianday (c.last_contacted) AS INTEGER) - d.due / 4294967296 AS late " \
  "FROM (SELECT m.contact_id AS contact_id, min (k.cadence_days * 4294967296 + k.id) AS due " \
  "      FROM circle_members m JOIN circles k ON k.id = m.circle_id " \
  "      WHERE k.trashed = 0 AND k.cadence_days IS NOT NULL GROUP BY m.contact_id) d " \
  "JOIN contacts c ON c.id = d.contact_id " \
  "WHERE c.trashed = 0 AND (c.last_contacted IS NULL OR " \
  "  julianday (?) - julianday (c.last_contacted) > d.due / 4294967296)"

/* reseau-store-circles.c and reseau-store-saved-segments.c */
gboolean      _reseau_store_purge_circle (ReseauStore  *self,
                                          gint64        id,
                                          GError      **error);
gboolean      _reseau_store_forget_circle_in_segments (ReseauStore  *self,
                                                       gint64        circle_id,
                                                       const char   *name,
                                                       GError      **error);

G_END_DECLS
