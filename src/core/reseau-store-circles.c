/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-store-private.h"
#include "reseau-text.h"

/* Circles, who is in them, and the Undo of membership changes. Deleting a circle first
 * only hides it (trashed = 1) so that the toast's Undo can bring it back with its members;
 * reseau_store_purge_circles() deletes it for good. Contacts are never deleted with it. */

#define CIRCLE_COLUMNS "k.id, k.name, k.kind, k.color, k.emoji, k.description, k.cadence_days"

struct _ReseauMembership
{
  GArray *contact_ids; /* gint64 */
  GArray *rows;        /* MembershipRow */
};

typedef struct
{
  gint64 circle_id;
  gint64 contact_id;
  gint64 added;
} MembershipRow;

void
reseau_membership_free (ReseauMembership *membership)
{
  if (membership == NULL)
    return;
  g_array_unref (membership->contact_ids);
  g_array_unref (membership->rows);
  g_free (membership);
}

static ReseauCircle *
circle_from_row (sqlite3_stmt *stmt)
{
  ReseauCircle *circle = reseau_circle_new (_reseau_store_column_text (stmt, 1));

  _reseau_circle_set_id (circle, sqlite3_column_int64 (stmt, 0));
  reseau_circle_set_kind (circle, CLAMP (sqlite3_column_int (stmt, 2), RESEAU_CIRCLE_PROJECT, RESEAU_CIRCLE_OTHER));
  reseau_circle_set_color (circle, _reseau_store_column_text (stmt, 3));
  reseau_circle_set_emoji (circle, _reseau_store_column_text (stmt, 4));
  reseau_circle_set_description (circle, _reseau_store_column_text (stmt, 5));
  reseau_circle_set_cadence_days (circle, MAX (0, sqlite3_column_int (stmt, 6)));
  return circle;
}

static gboolean
circle_is_live (ReseauStore  *self,
                gint64        id,
                GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self, "SELECT 1 FROM circles WHERE id = ? AND trashed = 0", error);
  gboolean live;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  live = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!live)
    g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND,
                 _("This circle no longer exists"));
  return live;
}

/* Names are unique ignoring case and accents ("Clients Lyon" = "clients lyon" = "Clients
 * Lyón"). A circle in the trash, waiting for its toast to go, gives way to a new one. */
static gboolean
check_name (ReseauStore  *self,
            gint64        id,
            const char   *name,
            const char   *key,
            GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 other = 0;
  gboolean trashed = FALSE;

  if (name[0] == '\0')
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID,
                   _("A circle needs a name"));
      return FALSE;
    }
  if ((stmt = _reseau_store_prepare (self, "SELECT id, trashed FROM circles WHERE name_key = ? AND id <> ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      other = sqlite3_column_int64 (stmt, 0);
      trashed = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (other == 0)
    return TRUE;
  if (!trashed)
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_EXISTS,
                   _("A circle named “%s” already exists"), name);
      return FALSE;
    }
  return _reseau_store_purge_circle (self, other, error);
}

static gboolean
write_circle (ReseauStore   *self,
              ReseauCircle  *circle,
              const char    *name,
              const char    *key,
              GError       **error)
{
  gint64 id = reseau_circle_get_id (circle);
  guint cadence = reseau_circle_get_cadence_days (circle);
  sqlite3_stmt *stmt;

  if (id == 0)
    stmt = _reseau_store_prepare (self,
      "INSERT INTO circles (name, name_key, kind, color, emoji, description, cadence_days, created) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  else
    stmt = _reseau_store_prepare (self,
      "UPDATE circles SET name = ?, name_key = ?, kind = ?, color = ?, emoji = ?, description = ?, "
      "cadence_days = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, reseau_circle_get_kind (circle));
  sqlite3_bind_text (stmt, 4, reseau_circle_get_color (circle), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, reseau_circle_get_emoji (circle), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, reseau_circle_get_description (circle), -1, SQLITE_TRANSIENT);
  if (cadence > 0)
    sqlite3_bind_int (stmt, 7, cadence);
  sqlite3_bind_int64 (stmt, 8, id == 0 ? g_get_real_time () / G_USEC_PER_SEC : id);
  if (!_reseau_store_step_done (self, stmt, error))
    return FALSE;
  if (id == 0)
    _reseau_circle_set_id (circle, sqlite3_last_insert_rowid (_reseau_store_get_db (self)));
  else if (sqlite3_changes (_reseau_store_get_db (self)) == 0)
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND,
                   _("This circle no longer exists"));
      return FALSE;
    }
  return TRUE;
}

/**
 * reseau_store_save_circle:
 * @circle: a new circle (id 0) or one loaded from the store
 *
 * Creates or updates @circle; its name is trimmed, and refused if empty or already taken
 * by another circle ignoring case and accents (%RESEAU_STORE_ERROR_EXISTS).
 *
 * Returns: the circle's id, or 0 on error
 */
gint64
reseau_store_save_circle (ReseauStore   *self,
                          ReseauCircle  *circle,
                          GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  gint64 original_id;

  g_return_val_if_fail (RESEAU_IS_STORE (self), 0);
  g_return_val_if_fail (RESEAU_IS_CIRCLE (circle), 0);

  name = g_strstrip (g_strdup (reseau_circle_get_name (circle)));
  key = reseau_text_fold (name);
  original_id = reseau_circle_get_id (circle);

  if (!reseau_store_begin (self, error))
    return 0;
  if (!check_name (self, original_id, name, key, error) ||
      !write_circle (self, circle, name, key, error) ||
      !reseau_store_commit (self, error))
    {
      reseau_store_rollback (self);
      _reseau_circle_set_id (circle, original_id);
      return 0;
    }
  reseau_circle_set_name (circle, name);
  reseau_store_emit_changed (self);
  return reseau_circle_get_id (circle);
}

/* Returns: (element-type ReseauCircle): the circles not in the trash, by name, each with its
 * number of members (contacts in the trash not counted) */
GPtrArray *
reseau_store_list_circles (ReseauStore  *self,
                           GError      **error)
{
  g_autoptr(GPtrArray) circles = g_ptr_array_new_with_free_func (g_object_unref);
  /* Counting through the primary key only reads the index; contacts in the trash are
   * few and found through their own partial index. */
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT " CIRCLE_COLUMNS ", "
    "  (SELECT count(*) FROM circle_members m WHERE m.circle_id = k.id) - "
    "  (SELECT count(*) FROM contacts c JOIN circle_members m ON m.contact_id = c.id "
    "   WHERE c.trashed = 1 AND m.circle_id = k.id) "
    "FROM circles k WHERE k.trashed = 0 ORDER BY k.name_key, k.id", error);
  int rc;

  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReseauCircle *circle = circle_from_row (stmt);

      _reseau_circle_set_member_count (circle, sqlite3_column_int (stmt, 7));
      g_ptr_array_add (circles, circle);
    }
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&circles);
}

/* Returns: (transfer full): the circle, even in the trash, without its member count */
ReseauCircle *
reseau_store_load_circle (ReseauStore  *self,
                          gint64        id,
                          GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT " CIRCLE_COLUMNS " FROM circles k WHERE k.id = ?", error);
  ReseauCircle *circle = NULL;
  int rc;

  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    circle = circle_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND,
                 _("This circle no longer exists"));
  else
    _reseau_store_set_error (self, error);
  sqlite3_reset (stmt);
  return circle;
}

gboolean
reseau_store_trash_circle (ReseauStore  *self,
                           gint64        id,
                           gboolean      trashed,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);

  if ((stmt = _reseau_store_prepare (self, "UPDATE circles SET trashed = ? WHERE id = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, trashed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_reseau_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_reseau_store_get_db (self)) == 0)
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND,
                   _("This circle no longer exists"));
      return FALSE;
    }
  reseau_store_emit_changed (self);
  return TRUE;
}

/* Saved segments that name the circle keep its name instead of its id, which SQLite may
 * give to the next circle created. Runs inside the caller's transaction. */
gboolean
_reseau_store_purge_circle (ReseauStore  *self,
                            gint64        id,
                            GError      **error)
{
  g_autoptr(ReseauCircle) circle = reseau_store_load_circle (self, id, error);
  sqlite3_stmt *stmt;

  if (circle == NULL ||
      !_reseau_store_forget_circle_in_segments (self, id, reseau_circle_get_name (circle), error) ||
      (stmt = _reseau_store_prepare (self, "DELETE FROM circles WHERE id = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _reseau_store_step_done (self, stmt, error);
}

/* Deletes the circles in the trash for good; their members stay in the address book. */
gboolean
reseau_store_purge_circles (ReseauStore  *self,
                            GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);

  if ((stmt = _reseau_store_prepare (self, "SELECT id FROM circles WHERE trashed = 1", error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (ids->len == 0)
    return TRUE;

  if (!reseau_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!_reseau_store_purge_circle (self, g_array_index (ids, gint64, i), error))
      goto fail;
  if (!reseau_store_commit (self, error))
    goto fail;
  reseau_store_emit_changed (self);
  return TRUE;

fail:
  reseau_store_rollback (self);
  return FALSE;
}

static gboolean
is_member (ReseauStore *self,
           gint64       circle_id,
           gint64       contact_id)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT 1 FROM circle_members WHERE circle_id = ? AND contact_id = ?", NULL);
  gboolean member;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, circle_id);
  sqlite3_bind_int64 (stmt, 2, contact_id);
  member = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return member;
}

/* Inside the caller's transaction. A contact that no longer exists is skipped: it is
 * neither added nor "already there". */
static gboolean
add_members (ReseauStore   *self,
             gint64         circle_id,
             const gint64  *ids,
             guint          n_ids,
             guint         *n_added,
             guint         *n_already,
             GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  *n_added = *n_already = 0;
  if (!circle_is_live (self, circle_id, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_stmt *stmt;

      if (!g_hash_table_add (seen, (gpointer)&ids[i]))
        continue;
      stmt = _reseau_store_prepare (self,
        "INSERT OR IGNORE INTO circle_members (circle_id, contact_id, added) "
        "SELECT ?, id, ? FROM contacts WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, circle_id);
      sqlite3_bind_int64 (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, ids[i]);
      if (!_reseau_store_step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (_reseau_store_get_db (self)) > 0)
        (*n_added)++;
      else if (is_member (self, circle_id, ids[i]))
        (*n_already)++;
    }
  return TRUE;
}

static gboolean
remove_members (ReseauStore   *self,
                gint64         circle_id,
                const gint64  *ids,
                guint          n_ids,
                guint         *n_removed,
                GError       **error)
{
  *n_removed = 0;
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_stmt *stmt = _reseau_store_prepare (self,
        "DELETE FROM circle_members WHERE circle_id = ? AND contact_id = ?", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, circle_id);
      sqlite3_bind_int64 (stmt, 2, ids[i]);
      if (!_reseau_store_step_done (self, stmt, error))
        return FALSE;
      *n_removed += sqlite3_changes (_reseau_store_get_db (self));
    }
  return TRUE;
}

/**
 * reseau_store_add_to_circle:
 * @n_added: (out) (optional): how many joined the circle
 * @n_already: (out) (optional): how many were members already
 *
 * Adds the contacts @ids to a circle in one transaction, for "3 added to Clients Lyon ·
 * 1 was already there". Fails with %RESEAU_STORE_ERROR_NOT_FOUND if the circle is gone.
 */
gboolean
reseau_store_add_to_circle (ReseauStore   *self,
                            gint64         circle_id,
                            const gint64  *ids,
                            guint          n_ids,
                            guint         *n_added,
                            guint         *n_already,
                            GError       **error)
{
  guint added, already;
  gint64 changes;
  int data_version;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  _reseau_store_get_changes (self, &changes, &data_version);
  if (!reseau_store_begin (self, error))
    return FALSE;
  if (!add_members (self, circle_id, ids, n_ids, &added, &already, error) ||
      !reseau_store_commit (self, error))
    {
      reseau_store_rollback (self);
      return FALSE;
    }
  if (n_added != NULL)
    *n_added = added;
  if (n_already != NULL)
    *n_already = already;
  if (added > 0)
    _reseau_store_emit_members_changed (self, changes, data_version);
  return TRUE;
}

gboolean
reseau_store_remove_from_circle (ReseauStore   *self,
                                 gint64         circle_id,
                                 const gint64  *ids,
                                 guint          n_ids,
                                 guint         *n_removed,
                                 GError       **error)
{
  guint removed;
  gint64 changes;
  int data_version;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  _reseau_store_get_changes (self, &changes, &data_version);
  if (!reseau_store_begin (self, error))
    return FALSE;
  if (!remove_members (self, circle_id, ids, n_ids, &removed, error) ||
      !reseau_store_commit (self, error))
    {
      reseau_store_rollback (self);
      return FALSE;
    }
  if (n_removed != NULL)
    *n_removed = removed;
  if (removed > 0)
    _reseau_store_emit_members_changed (self, changes, data_version);
  return TRUE;
}

/* Shift-drag: out of @from_id and into @to_id, all or nothing. Moving onto the same circle
 * changes nothing and counts everyone as already there. */
gboolean
reseau_store_move_to_circle (ReseauStore   *self,
                             gint64         from_id,
                             gint64         to_id,
                             const gint64  *ids,
                             guint          n_ids,
                             guint         *n_added,
                             guint         *n_already,
                             GError       **error)
{
  guint added, already, removed = 0;
  gint64 changes;
  int data_version;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  _reseau_store_get_changes (self, &changes, &data_version);
  if (!reseau_store_begin (self, error))
    return FALSE;
  if (!add_members (self, to_id, ids, n_ids, &added, &already, error) ||
      (from_id != to_id && !remove_members (self, from_id, ids, n_ids, &removed, error)) ||
      !reseau_store_commit (self, error))
    {
      reseau_store_rollback (self);
      return FALSE;
    }
  if (n_added != NULL)
    *n_added = added;
  if (n_already != NULL)
    *n_already = already;
  if (added > 0 || removed > 0)
    _reseau_store_emit_members_changed (self, changes, data_version);
  return TRUE;
}

/**
 * reseau_store_save_membership:
 *
 * Remembers which circles the contacts @ids are in, before a change that the toast offers
 * to undo; reseau_store_restore_membership() puts exactly that back.
 */
ReseauMembership *
reseau_store_save_membership (ReseauStore   *self,
                              const gint64  *ids,
                              guint          n_ids,
                              GError       **error)
{
  g_autoptr(ReseauMembership) membership = g_new0 (ReseauMembership, 1);

  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);

  membership->contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  membership->rows = g_array_new (FALSE, FALSE, sizeof (MembershipRow));
  g_array_append_vals (membership->contact_ids, ids, n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_stmt *stmt = _reseau_store_prepare (self,
        "SELECT circle_id, added FROM circle_members WHERE contact_id = ?", error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          MembershipRow row = { sqlite3_column_int64 (stmt, 0), ids[i], sqlite3_column_int64 (stmt, 1) };

          g_array_append_val (membership->rows, row);
        }
      if (!_reseau_store_rows_done (self, stmt, rc, error))
        return NULL;
    }
  return g_steal_pointer (&membership);
}

/* Circles or contacts deleted for good since are skipped. */
gboolean
reseau_store_restore_membership (ReseauStore       *self,
                                 ReseauMembership  *membership,
                                 GError           **error)
{
  sqlite3_stmt *stmt;
  gint64 changes;
  int data_version;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);
  g_return_val_if_fail (membership != NULL, FALSE);

  _reseau_store_get_changes (self, &changes, &data_version);
  if (!reseau_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < membership->contact_ids->len; i++)
    {
      if ((stmt = _reseau_store_prepare (self, "DELETE FROM circle_members WHERE contact_id = ?", error)) == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, g_array_index (membership->contact_ids, gint64, i));
      if (!_reseau_store_step_done (self, stmt, error))
        goto fail;
    }
  for (guint i = 0; i < membership->rows->len; i++)
    {
      const MembershipRow *row = &g_array_index (membership->rows, MembershipRow, i);

      stmt = _reseau_store_prepare (self,
        "INSERT OR IGNORE INTO circle_members (circle_id, contact_id, added) "
        "SELECT k.id, c.id, ? FROM circles k, contacts c WHERE k.id = ? AND c.id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, row->added);
      sqlite3_bind_int64 (stmt, 2, row->circle_id);
      sqlite3_bind_int64 (stmt, 3, row->contact_id);
      if (!_reseau_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!reseau_store_commit (self, error))
    goto fail;
  _reseau_store_emit_members_changed (self, changes, data_version);
  return TRUE;

fail:
  reseau_store_rollback (self);
  return FALSE;
}

/* Returns: (element-type gint64): the circles (not in the trash) @contact_id is in, by name */
GArray *
reseau_store_list_contact_circles (ReseauStore  *self,
                                   gint64        contact_id,
                                   GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);

  stmt = _reseau_store_prepare (self,
    "SELECT k.id FROM circle_members m JOIN circles k ON k.id = m.circle_id "
    "WHERE m.contact_id = ? AND k.trashed = 0 ORDER BY k.name_key, k.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  return _reseau_store_collect_ids (self, stmt, error);
}
