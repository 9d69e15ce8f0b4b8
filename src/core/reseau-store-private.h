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

G_END_DECLS
