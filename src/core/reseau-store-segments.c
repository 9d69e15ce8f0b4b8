/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-store"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "reseau-segment-sql.h"
#include "reseau-store-private.h"

/* Segments evaluated in SQL (the query is built in reseau-segment-sql.c): counts, the
 * matching contacts in display order, snapshots, and what a segment lost. */

/**
 * reseau_store_check_segment:
 * @saved_id: the saved segment @segment would be saved as, or 0 for a new one
 *
 * Whether @segment can be evaluated (and saved as @saved_id): the saved segments it names
 * must not include it again, directly or through others, nor nest deeper than eight.
 */
gboolean
reseau_store_check_segment (ReseauStore    *self,
                            gint64          saved_id,
                            ReseauSegment  *segment,
                            GError        **error)
{
  g_auto(ReseauSegmentQuery) query = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);
  g_return_val_if_fail (RESEAU_IS_SEGMENT (segment), FALSE);

  if (!_reseau_segment_query_build (self, &query, "SELECT count(*)", segment, saved_id, error) ||
      (stmt = _reseau_segment_query_prepare (self, &query, error)) == NULL)
    return FALSE;
  sqlite3_finalize (stmt);
  return TRUE;
}

/**
 * reseau_store_count_segment:
 *
 * Counts the contacts (not in the trash) @segment matches today, for the builder's live
 * count and the sidebar.
 */
gboolean
reseau_store_count_segment (ReseauStore    *self,
                            ReseauSegment  *segment,
                            guint          *count,
                            GError        **error)
{
  g_auto(ReseauSegmentQuery) query = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);
  g_return_val_if_fail (RESEAU_IS_SEGMENT (segment), FALSE);

  if (!_reseau_segment_query_build (self, &query, "SELECT count(*)", segment, 0, error) ||
      (stmt = _reseau_segment_query_prepare (self, &query, error)) == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int (stmt, 0);
  else
    _reseau_store_set_error (self, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

/* Returns: (element-type gint64): the matching ids, ascending */
static GArray *
match_ids (ReseauStore    *self,
           ReseauSegment  *segment,
           GError        **error)
{
  g_auto(ReseauSegmentQuery) query = { 0 };
  sqlite3_stmt *stmt;
  GArray *ids;

  if (!_reseau_segment_query_build (self, &query, "SELECT c.id", segment, 0, error))
    return NULL;
  g_string_append (query.sql, " ORDER BY c.id");
  if ((stmt = _reseau_segment_query_prepare (self, &query, error)) == NULL)
    return NULL;
  ids = _reseau_store_collect_ids (self, stmt, error);
  sqlite3_finalize (stmt);
  return ids;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/**
 * reseau_store_segment_entries:
 * @segment: (nullable): %NULL for every contact
 * @search: (nullable): as for reseau_store_list()
 *
 * The contacts of @segment that match @search, in display order: the list of every contact
 * reseau_store_list() keeps is filtered, so that a segment shown in the content list costs
 * one query of ids.
 *
 * Returns: (element-type ReseauListEntry)
 */
GArray *
reseau_store_segment_entries (ReseauStore      *self,
                              ReseauSegment    *segment,
                              ReseauSortOrder   order,
                              const char       *search,
                              GError          **error)
{
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) ids = NULL;
  GArray *entries;

  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);
  g_return_val_if_fail (segment == NULL || RESEAU_IS_SEGMENT (segment), NULL);

  if ((all = reseau_store_list (self, order, search, error)) == NULL)
    return NULL;
  if (segment == NULL || reseau_segment_is_empty (segment))
    return g_steal_pointer (&all);
  if ((ids = match_ids (self, segment, error)) == NULL)
    return NULL;

  entries = g_array_sized_new (FALSE, FALSE, sizeof (ReseauListEntry), ids->len);
  for (guint i = 0; i < all->len && ids->len > 0; i++)
    {
      const ReseauListEntry *entry = &g_array_index (all, ReseauListEntry, i);

      if (bsearch (&entry->id, ids->data, ids->len, sizeof (gint64), compare_ids) != NULL)
        g_array_append_vals (entries, entry, 1);
    }
  return entries;
}

/**
 * reseau_store_segment_ids:
 *
 * A snapshot of the contacts @segment matches now, in display order: what the composer
 * sends to, which later changes to circles or cards do not alter.
 *
 * Returns: (element-type gint64)
 */
GArray *
reseau_store_segment_ids (ReseauStore      *self,
                          ReseauSegment    *segment,
                          ReseauSortOrder   order,
                          GError          **error)
{
  g_autoptr(GArray) entries = reseau_store_segment_entries (self, segment, order, NULL, error);
  GArray *ids;

  if (entries == NULL)
    return NULL;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_array_append_val (ids, g_array_index (entries, ReseauListEntry, i).id);
  return ids;
}

/* Adds the names of the @ids that @sql ("SELECT name, trashed … WHERE id = ?") finds in
 * the trash, and @gone for those it does not find at all. */
static gboolean
add_missing (ReseauStore   *self,
             GStrvBuilder  *names,
             GArray        *ids,
             const char    *sql,
             const char    *gone,
             GError       **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_stmt *stmt = _reseau_store_prepare (self, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 1) != 0)
        g_strv_builder_add (names, _reseau_store_column_text (stmt, 0));
      else if (rc == SQLITE_DONE)
        g_strv_builder_add (names, gone);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/**
 * reseau_store_segment_missing_circles:
 *
 * The circles @segment names that no longer exist or are in the trash, by name, so that
 * the UI can say the segment lost them (see #ReseauSegment for what that means).
 *
 * Returns: (transfer full) (array zero-terminated=1): names, empty when none is missing
 */
char **
reseau_store_segment_missing_circles (ReseauStore    *self,
                                      ReseauSegment  *segment,
                                      GError        **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);
  g_return_val_if_fail (RESEAU_IS_SEGMENT (segment), NULL);

  for (ReseauSegmentCircles set = 0; set < RESEAU_SEGMENT_N_CIRCLE_SETS; set++)
    {
      if (!add_missing (self, names, reseau_segment_get_circles (segment, set),
                        "SELECT name, trashed FROM circles WHERE id = ?", _("A deleted circle"), error))
        return NULL;
      g_strv_builder_addv (names, (const char **)reseau_segment_get_deleted_circles (segment, set));
    }
  return g_strv_builder_end (names);
}

/**
 * reseau_store_segment_missing_segments:
 *
 * The saved segments @segment names that were deleted, by name, like
 * reseau_store_segment_missing_circles().
 *
 * Returns: (transfer full) (array zero-terminated=1): names, empty when none is missing
 */
char **
reseau_store_segment_missing_segments (ReseauStore    *self,
                                       ReseauSegment  *segment,
                                       GError        **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);
  g_return_val_if_fail (RESEAU_IS_SEGMENT (segment), NULL);

  for (ReseauSegmentCircles set = 0; set < RESEAU_SEGMENT_N_CIRCLE_SETS; set++)
    {
      if (!add_missing (self, names, reseau_segment_get_segments (segment, set),
                        "SELECT name, 0 FROM segments WHERE id = ?", _("A deleted segment"), error))
        return NULL;
      g_strv_builder_addv (names, (const char **)reseau_segment_get_deleted_segments (segment, set));
    }
  return g_strv_builder_end (names);
}
