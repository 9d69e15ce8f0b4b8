/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-store-private.h"
#include "reseau-text.h"

/* Segments saved by name: they stay dynamic, their definition is evaluated each time
 * (reseau-store-segments.c). */

void
reseau_saved_segment_free (ReseauSavedSegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->name);
  g_free (segment);
}

static gboolean
check_segment_name (ReseauStore  *self,
                    gint64        id,
                    const char   *name,
                    const char   *key,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean taken;

  if (name[0] == '\0')
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID,
                   _("A segment needs a name"));
      return FALSE;
    }
  if ((stmt = _reseau_store_prepare (self, "SELECT 1 FROM segments WHERE name_key = ? AND id <> ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_EXISTS,
                 _("A segment named “%s” already exists"), name);
  return !taken;
}

/**
 * reseau_store_save_segment:
 * @id: the saved segment to replace, or 0 for a new one
 *
 * Saves @segment under @name (unique ignoring case and accents). It stays dynamic: what it
 * matches is worked out again each time it is used.
 *
 * Returns: the saved segment's id, or 0 on error
 */
gint64
reseau_store_save_segment (ReseauStore    *self,
                           gint64          id,
                           const char     *name,
                           ReseauSegment  *segment,
                           GError        **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *key = reseau_text_fold (trimmed);
  g_autofree char *definition = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RESEAU_IS_STORE (self), 0);
  g_return_val_if_fail (RESEAU_IS_SEGMENT (segment), 0);

  if (!check_segment_name (self, id, trimmed, key, error) ||
      !reseau_store_check_segment (self, id, segment, error))
    return 0;
  definition = reseau_segment_serialize (segment);
  if (id == 0)
    stmt = _reseau_store_prepare (self,
      "INSERT INTO segments (name, name_key, definition, created) VALUES (?, ?, ?, ?)", error);
  else
    stmt = _reseau_store_prepare (self,
      "UPDATE segments SET name = ?, name_key = ?, definition = ? WHERE id = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, definition, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, id == 0 ? g_get_real_time () / G_USEC_PER_SEC : id);
  if (!_reseau_store_step_done (self, stmt, error))
    return 0;
  if (id == 0)
    id = sqlite3_last_insert_rowid (_reseau_store_get_db (self));
  else if (sqlite3_changes (_reseau_store_get_db (self)) == 0)
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND,
                   _("This segment no longer exists"));
      return 0;
    }
  reseau_store_emit_changed (self);
  return id;
}

ReseauSegment *
reseau_store_load_segment (ReseauStore  *self,
                           gint64        id,
                           GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self, "SELECT definition FROM segments WHERE id = ?", error);
  g_autofree char *definition = NULL;
  int rc;

  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    definition = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND,
                 _("This segment no longer exists"));
  else
    _reseau_store_set_error (self, error);
  sqlite3_reset (stmt);
  return definition != NULL ? reseau_segment_deserialize (definition, error) : NULL;
}

/* Returns: (element-type ReseauSavedSegment): by name */
GPtrArray *
reseau_store_list_segments (ReseauStore  *self,
                            GError      **error)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_saved_segment_free);
  sqlite3_stmt *stmt = _reseau_store_prepare (self, "SELECT id, name FROM segments ORDER BY name_key, id", error);
  int rc;

  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReseauSavedSegment *saved = g_new0 (ReseauSavedSegment, 1);

      saved->id = sqlite3_column_int64 (stmt, 0);
      saved->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      g_ptr_array_add (segments, saved);
    }
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&segments);
}

typedef void (*ForgetFunc) (ReseauSegment *segment,
                            gint64         id,
                            const char    *name);

static gboolean forget_in_segments (ReseauStore  *self,
                                    ForgetFunc    forget,
                                    gint64        id,
                                    const char   *name,
                                    GError      **error);

/* Segments that name the deleted one keep its name and stop using it (see #ReseauSegment). */
gboolean
reseau_store_delete_segment (ReseauStore  *self,
                             gint64        id,
                             GError      **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);

  if ((stmt = _reseau_store_prepare (self, "SELECT name FROM segments WHERE id = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (_reseau_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (name == NULL)
    return TRUE;

  if (!reseau_store_begin (self, error))
    return FALSE;
  if (!forget_in_segments (self, _reseau_segment_forget_segment, id, name, error) ||
      (stmt = _reseau_store_prepare (self, "DELETE FROM segments WHERE id = ?", error)) == NULL)
    {
      reseau_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_reseau_store_step_done (self, stmt, error) || !reseau_store_commit (self, error))
    {
      reseau_store_rollback (self);
      return FALSE;
    }
  reseau_store_emit_changed (self);
  return TRUE;
}

static gboolean
forget_in_segments (ReseauStore  *self,
                    ForgetFunc    forget,
                    gint64        id,
                    const char   *name,
                    GError      **error)
{
  g_autoptr(GPtrArray) saved = reseau_store_list_segments (self, error);

  if (saved == NULL)
    return FALSE;
  for (guint i = 0; i < saved->len; i++)
    {
      ReseauSavedSegment *s = g_ptr_array_index (saved, i);
      g_autoptr(ReseauSegment) segment = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      sqlite3_stmt *stmt;

      /* A definition this version cannot read is left as it is. */
      if ((segment = reseau_store_load_segment (self, s->id, NULL)) == NULL)
        continue;
      before = reseau_segment_serialize (segment);
      forget (segment, id, name);
      after = reseau_segment_serialize (segment);
      if (g_str_equal (before, after))
        continue;
      if ((stmt = _reseau_store_prepare (self, "UPDATE segments SET definition = ? WHERE id = ?", error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, after, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, s->id);
      if (!_reseau_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_reseau_store_forget_circle_in_segments (ReseauStore  *self,
                                         gint64        circle_id,
                                         const char   *name,
                                         GError      **error)
{
  return forget_in_segments (self, _reseau_segment_forget_circle, circle_id, name, error);
}
