/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-store"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "reseau-store-private.h"
#include "reseau-text.h"
#include "reseau-validate.h"

/* Column order of the single-valued text fields: the same as ReseauTextField. */
#define TEXT_COLUMNS \
  "display_name, prefix, given, additional, family, suffix, nickname, organization, " \
  "department, title, birthday, notes, met_where, met_on"

#define SELECT_CONTACT \
  "SELECT " TEXT_COLUMNS ", tie, introduced_by, photo, created, updated, last_contacted, " \
  "extra_vcard " \
  "FROM contacts WHERE id = ?"

void
reseau_history_entry_free (ReseauHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->changed_on);
  g_free (entry);
}

void
reseau_interaction_free (ReseauInteraction *interaction)
{
  if (interaction == NULL)
    return;
  g_free (interaction->happened_on);
  g_free (interaction->text);
  g_free (interaction);
}

static char *
name_for_sort (ReseauContact   *contact,
               ReseauSortOrder  order)
{
  const char *given = reseau_contact_get_text (contact, RESEAU_FIELD_GIVEN);
  const char *family = reseau_contact_get_text (contact, RESEAU_FIELD_FAMILY);

  if (given[0] == '\0' && family[0] == '\0')
    return reseau_contact_dup_name (contact);
  if (order == RESEAU_SORT_FAMILY_NAME && family[0] != '\0')
    return g_strjoin (" ", family, given, NULL);
  return g_strjoin (" ", given, family, NULL);
}

/* Unknown vCard properties are stored unfolded, one per line, so a line break separates them. */
static void
set_extra_vcard (ReseauContact *contact,
                 const char    *text)
{
  g_auto(GStrv) lines = text != NULL && text[0] != '\0' ? g_strsplit (text, "\n", -1) : NULL;

  reseau_contact_set_extra_vcard (contact, (const char * const *)lines);
}

static char *
join_extra_vcard (ReseauContact *contact)
{
  const char * const *lines = reseau_contact_get_extra_vcard (contact);

  if (lines == NULL || lines[0] == NULL)
    return NULL;
  return g_strjoinv ("\n", (char **)lines);
}

static gboolean
load_row (ReseauStore    *self,
          ReseauContact  *contact,
          gint64          id,
          GError        **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self, SELECT_CONTACT, error);
  int rc, col = RESEAU_N_TEXT_FIELDS;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND,
                     _("This contact no longer exists"));
      else
        _reseau_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (contact));
  _reseau_contact_set_id (contact, id);
  for (ReseauTextField f = 0; f < RESEAU_N_TEXT_FIELDS; f++)
    reseau_contact_set_text (contact, f, _reseau_store_column_text (stmt, f));
  reseau_contact_set_tie (contact, sqlite3_column_int (stmt, col++));
  reseau_contact_set_introduced_by (contact, sqlite3_column_int64 (stmt, col++));
  if (sqlite3_column_type (stmt, col) == SQLITE_BLOB)
    {
      g_autoptr(GBytes) photo = g_bytes_new (sqlite3_column_blob (stmt, col),
                                             sqlite3_column_bytes (stmt, col));
      reseau_contact_set_photo (contact, photo);
    }
  else
    reseau_contact_set_photo (contact, NULL);
  col++;
  _reseau_contact_set_times (contact, sqlite3_column_int64 (stmt, col),
                             sqlite3_column_int64 (stmt, col + 1));
  col += 2;
  _reseau_contact_set_last_contacted (contact, (const char *)sqlite3_column_text (stmt, col++));
  set_extra_vcard (contact, (const char *)sqlite3_column_text (stmt, col));
  sqlite3_reset (stmt);
  g_object_thaw_notify (G_OBJECT (contact));
  return TRUE;
}

static gboolean
load_values (ReseauStore    *self,
             ReseauContact  *contact,
             GError        **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT kind, type, value, locality, region, postal_code, country FROM contact_values "
    "WHERE contact_id = ? ORDER BY position", error);
  GPtrArray *values = reseau_contact_get_values (contact);
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_ptr_array_set_size (values, 0);
  sqlite3_bind_int64 (stmt, 1, reseau_contact_get_id (contact));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReseauContactValue *v = reseau_contact_value_new (sqlite3_column_int (stmt, 0),
                                                        sqlite3_column_int (stmt, 1),
                                                        _reseau_store_column_text (stmt, 2));
      v->locality = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      v->region = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      v->postal_code = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      v->country = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      g_ptr_array_add (values, v);
    }
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return FALSE;
  return TRUE;
}

/**
 * reseau_store_load_contact:
 * @with_values: also load emails, phones, links and addresses (the card needs them, the
 *   list does not)
 */
ReseauContact *
reseau_store_load_contact (ReseauStore  *self,
                           gint64        id,
                           gboolean      with_values,
                           GError      **error)
{
  g_autoptr(ReseauContact) contact = reseau_contact_new ();

  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);

  if (!load_row (self, contact, id, error))
    return NULL;
  if (with_values && !load_values (self, contact, error))
    return NULL;
  return g_steal_pointer (&contact);
}

/* Reloads an object a list model already handed out, so that rows bound to it update in
 * place. */
gboolean
reseau_store_refresh_contact (ReseauStore    *self,
                              ReseauContact  *contact,
                              GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *new_name = NULL;
  gboolean ok;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);

  name = reseau_contact_dup_name (contact);
  g_object_freeze_notify (G_OBJECT (contact));
  ok = load_row (self, contact, reseau_contact_get_id (contact), error) &&
       load_values (self, contact, error);
  /* Without any name, the name shown is the first email address, which has no property. */
  new_name = reseau_contact_dup_name (contact);
  if (ok && g_strcmp0 (name, new_name) != 0)
    g_object_notify (G_OBJECT (contact), "name");
  g_object_thaw_notify (G_OBJECT (contact));
  return ok;
}

static void
append_field (GString    *text,
              const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, value);
}

static gboolean
index_contact (ReseauStore    *self,
               ReseauContact  *contact,
               GError        **error)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) work = g_string_new (NULL);
  g_autoptr(GString) emails = g_string_new (NULL);
  g_autoptr(GString) places = g_string_new (NULL);
  GPtrArray *values = reseau_contact_get_values (contact);
  gint64 id = reseau_contact_get_id (contact);
  const char *columns[5];
  sqlite3_stmt *stmt;

  for (ReseauTextField f = RESEAU_FIELD_DISPLAY_NAME; f <= RESEAU_FIELD_NICKNAME; f++)
    append_field (name, reseau_contact_get_text (contact, f));
  for (ReseauTextField f = RESEAU_FIELD_ORGANIZATION; f <= RESEAU_FIELD_TITLE; f++)
    append_field (work, reseau_contact_get_text (contact, f));
  for (guint i = 0; i < values->len; i++)
    {
      ReseauContactValue *v = g_ptr_array_index (values, i);

      if (v->kind == RESEAU_VALUE_EMAIL)
        append_field (emails, v->value);
      else if (v->kind == RESEAU_VALUE_ADDRESS)
        {
          append_field (places, v->locality);
          append_field (places, v->region);
          append_field (places, v->country);
        }
    }
  columns[0] = name->str;
  columns[1] = work->str;
  columns[2] = emails->str;
  columns[3] = places->str;
  columns[4] = reseau_contact_get_text (contact, RESEAU_FIELD_NOTES);

  stmt = _reseau_store_prepare (self, "DELETE FROM contacts_fts WHERE rowid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_reseau_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _reseau_store_prepare (self,
    "INSERT INTO contacts_fts (rowid, name, work, emails, places, notes) VALUES (?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  /* The tokenizer strips accents but keeps letters such as "ł" or "ß": fold them the way
   * reseau_text_fts_query() folds what the user types, so "sklodowska" finds "Skłodowska". */
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *folded = reseau_text_fold (columns[i]);

      sqlite3_bind_text (stmt, i + 2, folded, -1, SQLITE_TRANSIENT);
    }
  return _reseau_store_step_done (self, stmt, error);
}

/* The columns the list sorts and files the contact by. */
typedef struct
{
  char *given_key;
  char *family_key;
  char *given_initial;
  char *family_initial;
} SortKeys;

static void
sort_keys_init (SortKeys      *keys,
                ReseauContact *contact)
{
  g_autofree char *given = name_for_sort (contact, RESEAU_SORT_GIVEN_NAME);
  g_autofree char *family = name_for_sort (contact, RESEAU_SORT_FAMILY_NAME);

  keys->given_key = reseau_text_sort_key (given);
  keys->family_key = reseau_text_sort_key (family);
  keys->given_initial = reseau_text_initial (given);
  keys->family_initial = reseau_text_initial (family);
}

static void
sort_keys_clear (SortKeys *keys)
{
  g_free (keys->given_key);
  g_free (keys->family_key);
  g_free (keys->given_initial);
  g_free (keys->family_initial);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SortKeys, sort_keys_clear)

/* Binds sort_given, sort_family, initial_given and initial_family from parameter @first. */
static void
bind_sort_keys (sqlite3_stmt   *stmt,
                int             first,
                const SortKeys *keys)
{
  sqlite3_bind_blob (stmt, first, keys->given_key, strlen (keys->given_key), SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, first + 1, keys->family_key, strlen (keys->family_key), SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, first + 2, keys->given_initial, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, first + 3, keys->family_initial, -1, SQLITE_TRANSIENT);
}

static gboolean
write_sort_keys (ReseauStore    *self,
                 ReseauContact  *contact,
                 GError        **error)
{
  g_auto(SortKeys) keys = { NULL };
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "UPDATE contacts SET sort_given = ?, sort_family = ?, initial_given = ?, initial_family = ? "
    "WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sort_keys_init (&keys, contact);
  bind_sort_keys (stmt, 1, &keys);
  sqlite3_bind_int64 (stmt, 5, reseau_contact_get_id (contact));
  return _reseau_store_step_done (self, stmt, error);
}

/* With @id 0, rebuilds the keys of every contact (the locale's collation changed). */
gboolean
_reseau_store_update_sort_keys (ReseauStore  *self,
                                gint64        id,
                                GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (id != 0)
    g_array_append_val (ids, id);
  else
    {
      stmt = _reseau_store_prepare (self, "SELECT id FROM contacts", error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 row = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, row);
        }
      sqlite3_reset (stmt);
      /* A damaged table must fail the rebuild, not leave part of the contacts unsorted. */
      if (rc != SQLITE_DONE)
        {
          _reseau_store_set_error (self, error);
          return FALSE;
        }
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(ReseauContact) contact = reseau_store_load_contact (self, g_array_index (ids, gint64, i),
                                                                    FALSE, error);
      if (contact == NULL || !write_sort_keys (self, contact, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_history (ReseauStore  *self,
             gint64        id,
             const char   *field,
             const char   *old_value,
             const char   *new_value,
             const char   *changed_on,
             GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "INSERT INTO history (contact_id, field, old_value, new_value, changed_on) VALUES (?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, old_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, new_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, changed_on, -1, SQLITE_TRANSIENT);
  return _reseau_store_step_done (self, stmt, error);
}

static GPtrArray *
emails_of (ReseauContact *contact)
{
  GPtrArray *emails = g_ptr_array_new ();
  GPtrArray *values = reseau_contact_get_values (contact);

  for (guint i = 0; i < values->len; i++)
    {
      ReseauContactValue *v = g_ptr_array_index (values, i);

      if (v->kind == RESEAU_VALUE_EMAIL)
        g_ptr_array_add (emails, v->value);
    }
  return emails;
}

static gboolean
contains_email (GPtrArray  *emails,
                const char *email)
{
  for (guint i = 0; i < emails->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (emails, i), email) == 0)
      return TRUE;
  return FALSE;
}

/* Career history: a change of organisation, title or email address is recorded with its
 * date. A replaced address is one entry (old → new); others are additions or removals. */
static gboolean
record_history (ReseauStore    *self,
                ReseauContact  *old,
                ReseauContact  *contact,
                const char     *changed_on,
                GError        **error)
{
  static const struct { ReseauTextField field; const char *name; } tracked[] = {
    { RESEAU_FIELD_ORGANIZATION, "organization" },
    { RESEAU_FIELD_TITLE, "title" },
  };
  g_autoptr(GPtrArray) old_emails = emails_of (old);
  g_autoptr(GPtrArray) new_emails = emails_of (contact);
  g_autoptr(GPtrArray) removed = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  gint64 id = reseau_contact_get_id (contact);

  for (guint i = 0; i < G_N_ELEMENTS (tracked); i++)
    {
      const char *before = reseau_contact_get_text (old, tracked[i].field);
      const char *after = reseau_contact_get_text (contact, tracked[i].field);

      if (g_strcmp0 (before, after) != 0 &&
          !add_history (self, id, tracked[i].name, before, after, changed_on, error))
        return FALSE;
    }

  for (guint i = 0; i < old_emails->len; i++)
    if (!contains_email (new_emails, g_ptr_array_index (old_emails, i)))
      g_ptr_array_add (removed, g_ptr_array_index (old_emails, i));
  for (guint i = 0; i < new_emails->len; i++)
    if (!contains_email (old_emails, g_ptr_array_index (new_emails, i)))
      g_ptr_array_add (added, g_ptr_array_index (new_emails, i));

  for (guint i = 0; i < MAX (removed->len, added->len); i++)
    if (!add_history (self, id, "email",
                      i < removed->len ? g_ptr_array_index (removed, i) : "",
                      i < added->len ? g_ptr_array_index (added, i) : "",
                      changed_on, error))
      return FALSE;
  return TRUE;
}

static gboolean
write_values (ReseauStore    *self,
              ReseauContact  *contact,
              GError        **error)
{
  GPtrArray *values = reseau_contact_get_values (contact);
  gint64 id = reseau_contact_get_id (contact);
  sqlite3_stmt *stmt = _reseau_store_prepare (self, "DELETE FROM contact_values WHERE contact_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_reseau_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < values->len; i++)
    {
      ReseauContactValue *v = g_ptr_array_index (values, i);

      stmt = _reseau_store_prepare (self,
        "INSERT INTO contact_values (contact_id, position, kind, type, value, locality, region, "
        "postal_code, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int (stmt, 3, v->kind);
      sqlite3_bind_int (stmt, 4, v->type);
      sqlite3_bind_text (stmt, 5, v->value, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, v->locality, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, v->region, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, v->postal_code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, v->country, -1, SQLITE_TRANSIENT);
      if (!_reseau_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_row (ReseauStore    *self,
           ReseauContact  *contact,
           gint64          now,
           GError        **error)
{
  gint64 id = reseau_contact_get_id (contact);
  GBytes *photo = reseau_contact_get_photo (contact);
  gint64 introducer = reseau_contact_get_introduced_by (contact);
  g_autofree char *extra = join_extra_vcard (contact);
  g_auto(SortKeys) keys = { NULL };
  sqlite3_stmt *stmt;
  int col = RESEAU_N_TEXT_FIELDS + 1;

  /* The sort keys are written with the rest of the row rather than by a second statement. */
  if (id == 0)
    stmt = _reseau_store_prepare (self,
      "INSERT INTO contacts (" TEXT_COLUMNS ", tie, introduced_by, photo, extra_vcard, updated, "
      "sort_given, sort_family, initial_given, initial_family, created) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  else
    stmt = _reseau_store_prepare (self,
      "UPDATE contacts SET display_name = ?, prefix = ?, given = ?, additional = ?, family = ?, "
      "suffix = ?, nickname = ?, organization = ?, department = ?, title = ?, birthday = ?, "
      "notes = ?, met_where = ?, met_on = ?, tie = ?, introduced_by = ?, photo = ?, "
      "extra_vcard = ?, updated = ?, sort_given = ?, sort_family = ?, initial_given = ?, "
      "initial_family = ? "
      "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  for (ReseauTextField f = 0; f < RESEAU_N_TEXT_FIELDS; f++)
    sqlite3_bind_text (stmt, f + 1, reseau_contact_get_text (contact, f), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, col++, reseau_contact_get_tie (contact));
  if (introducer != 0 && introducer != id)
    sqlite3_bind_int64 (stmt, col, introducer);
  col++;
  if (photo != NULL)
    sqlite3_bind_blob (stmt, col, g_bytes_get_data (photo, NULL), g_bytes_get_size (photo),
                       SQLITE_TRANSIENT);
  col++;
  sqlite3_bind_text (stmt, col++, extra, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, col++, now);
  sort_keys_init (&keys, contact);
  bind_sort_keys (stmt, col, &keys);
  col += 4;
  sqlite3_bind_int64 (stmt, col, id == 0 ? now : id);

  if (!_reseau_store_step_done (self, stmt, error))
    return FALSE;
  if (id == 0)
    _reseau_contact_set_id (contact, sqlite3_last_insert_rowid (_reseau_store_get_db (self)));
  return TRUE;
}

/**
 * reseau_store_save_contact:
 * @contact: a new contact (id 0) or one loaded with its values
 * @changed_on: (nullable): the date recorded in the career history for changes (today if
 *   %NULL; an import passes its own date)
 *
 * Checks and normalises @contact, then writes it in one transaction with its history and
 * search index entries. Nothing is written if any field is refused.
 *
 * Returns: the contact's id, or 0 on error
 */
gint64
reseau_store_save_contact (ReseauStore    *self,
                           ReseauContact  *contact,
                           const char     *changed_on,
                           GError        **error)
{
  g_autoptr(ReseauContact) old = NULL;
  g_autofree char *today = NULL;
  gint64 original_id;

  g_return_val_if_fail (RESEAU_IS_STORE (self), 0);
  g_return_val_if_fail (RESEAU_IS_CONTACT (contact), 0);

  if (!reseau_contact_normalize (contact, error))
    return 0;
  if (changed_on == NULL)
    changed_on = today = reseau_text_today ();

  original_id = reseau_contact_get_id (contact);
  if (!reseau_store_begin (self, error))
    return 0;
  if (original_id != 0 &&
      (old = reseau_store_load_contact (self, original_id, TRUE, error)) == NULL)
    goto fail;
  if (!write_row (self, contact, g_get_real_time () / G_USEC_PER_SEC, error) ||
      (old != NULL && !record_history (self, old, contact, changed_on, error)) ||
      !write_values (self, contact, error) ||
      !index_contact (self, contact, error) ||
      !reseau_store_commit (self, error))
    goto fail;

  reseau_store_emit_changed (self);
  return reseau_contact_get_id (contact);

fail:
  reseau_store_rollback (self);
  _reseau_contact_set_id (contact, original_id);
  return 0;
}

/**
 * reseau_store_trash_contacts:
 * @trashed: %TRUE to move to the trash, %FALSE to restore
 *
 * Deleting first only hides contacts, so that the Undo of the toast can bring them back;
 * reseau_store_purge_trash() deletes them for good once the toast is gone.
 */
gboolean
reseau_store_trash_contacts (ReseauStore   *self,
                             const gint64  *ids,
                             guint          n_ids,
                             gboolean       trashed,
                             GError       **error)
{
  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);

  if (!reseau_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_stmt *stmt = _reseau_store_prepare (self, "UPDATE contacts SET trashed = ? WHERE id = ?", error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, trashed ? 1 : 0);
      sqlite3_bind_int64 (stmt, 2, ids[i]);
      if (!_reseau_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!reseau_store_commit (self, error))
    goto fail;
  reseau_store_emit_changed (self);
  return TRUE;

fail:
  reseau_store_rollback (self);
  return FALSE;
}

gboolean
reseau_store_purge_trash (ReseauStore  *self,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean any;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);

  /* An empty trash is the rule at start-up: then not even the write lock is taken. */
  if ((stmt = _reseau_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM contacts WHERE trashed = 1)", error)) == NULL)
    return FALSE;
  any = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (!any)
    return TRUE;

  if (!reseau_store_begin (self, error))
    return FALSE;
  if (!_reseau_store_exec (self,
        "DELETE FROM contacts_fts WHERE rowid IN (SELECT id FROM contacts WHERE trashed = 1);"
        "DELETE FROM contacts WHERE trashed = 1;", error) ||
      !reseau_store_commit (self, error))
    {
      reseau_store_rollback (self);
      return FALSE;
    }
  /* Contacts they introduced lost their introducer: shown cards must refresh. */
  reseau_store_emit_changed (self);
  return TRUE;
}

static GArray *
collect_entries (ReseauStore   *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (ReseauListEntry), 1024);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReseauListEntry entry = { sqlite3_column_int64 (stmt, 0), { 0 } };

      g_strlcpy (entry.initial, _reseau_store_column_text (stmt, 1), sizeof entry.initial);
      g_array_append_val (entries, entry);
    }
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&entries);
}

/* Returns: (transfer none) (nullable): every contact in @order as the cache holds them, or
 * %NULL if the database changed since; @changes and @data_version say how it is now */
static GArray *
cached_list (ReseauStore      *self,
             ReseauSortOrder   order,
             gint64           *changes,
             int              *data_version)
{
  ReseauListCache *cache = _reseau_store_get_list_cache (self, order);

  _reseau_store_get_changes (self, changes, data_version);
  if (cache->changes != *changes || cache->data_version != *data_version)
    g_clear_pointer (&cache->entries, g_array_unref);
  return cache->entries;
}

/* Returns: (transfer none): every contact in display order, read again only when the
 * database changed */
static GArray *
list_all (ReseauStore      *self,
          ReseauSortOrder   order,
          GError          **error)
{
  static const char * const all_sql[] = {
    "SELECT id, initial_given FROM contacts WHERE trashed = 0 ORDER BY sort_given, id",
    "SELECT id, initial_family FROM contacts WHERE trashed = 0 ORDER BY sort_family, id",
  };
  ReseauListCache *cache = _reseau_store_get_list_cache (self, order);
  sqlite3_stmt *stmt;
  gint64 changes;
  int data_version;

  if (cached_list (self, order, &changes, &data_version) != NULL)
    return cache->entries;
  if ((stmt = _reseau_store_prepare (self, all_sql[order], error)) == NULL ||
      (cache->entries = collect_entries (self, stmt, error)) == NULL)
    return NULL;
  cache->changes = changes;
  cache->data_version = data_version;
  return cache->entries;
}

guint
reseau_store_count_contacts (ReseauStore *self)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  /* The window asks at every keystroke of a search: the list it shows is cached. */
  for (ReseauSortOrder order = RESEAU_SORT_GIVEN_NAME; order <= RESEAU_SORT_FAMILY_NAME; order++)
    {
      gint64 changes;
      int data_version;
      GArray *all = cached_list (self, order, &changes, &data_version);

      if (all != NULL)
        return all->len;
    }

  stmt = _reseau_store_prepare (self, "SELECT count(*) FROM contacts WHERE trashed = 0", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

/* Returns: (element-type gint64): the ids the full-text index matches, ascending */
static GArray *
match_ids (ReseauStore  *self,
           const char   *query,
           GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY rowid", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  return _reseau_store_collect_ids (self, stmt, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* Keeps the entries of @all whose id is in @ids (ascending), in the order of @all. */
static GArray *
filter_entries (GArray *all,
                GArray *ids)
{
  GArray *entries = g_array_sized_new (FALSE, FALSE, sizeof (ReseauListEntry), ids->len);
  gint64 min_id = ids->len > 0 ? g_array_index (ids, gint64, 0) : 0;
  gint64 max_id = ids->len > 0 ? g_array_index (ids, gint64, ids->len - 1) : 0;
  /* Row ids of a database Réseau wrote are dense, so a bitmap up to the largest is small
   * and makes each test one load; ids far apart (a crafted file) are looked up instead. */
  gboolean dense = min_id >= 0 && max_id < ((gint64)all->len + ids->len) * 64 + 65536;
  g_autofree guint8 *bits = dense ? g_malloc0 (max_id / 8 + 1) : NULL;

  for (guint i = 0; dense && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      bits[id / 8] |= 1 << (id % 8);
    }
  for (guint i = 0; i < all->len && ids->len > 0; i++)
    {
      const ReseauListEntry *entry = &g_array_index (all, ReseauListEntry, i);
      gboolean found;

      if (dense)
        found = entry->id >= 0 && entry->id <= max_id && (bits[entry->id / 8] & (1 << (entry->id % 8)));
      else
        found = bsearch (&entry->id, ids->data, ids->len, sizeof (gint64), compare_ids) != NULL;
      if (found)
        g_array_append_vals (entries, entry, 1);
    }
  return entries;
}

/**
 * reseau_store_list:
 * @search: (nullable): what the user typed; every word must match the start of a word of the
 *   name, organisation, title, an email, a place or the notes, ignoring case and accents
 *
 * Returns: (element-type ReseauListEntry): the contacts in display order
 */
GArray *
reseau_store_list (ReseauStore      *self,
                   ReseauSortOrder   order,
                   const char       *search,
                   GError          **error)
{
  g_autofree char *query = reseau_text_fts_query (search);
  g_autoptr(GArray) matches = NULL;
  GArray *all;

  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);
  g_return_val_if_fail (order <= RESEAU_SORT_FAMILY_NAME, NULL);

  if ((all = list_all (self, order, error)) == NULL)
    return NULL;
  if (query == NULL)
    return g_array_copy (all);

  /* Filtering the ordered list keeps a search of a short prefix, which matches half of
   * 100,000 contacts, within a frame: sorting the matches in SQL costs a table lookup each. */
  if ((matches = match_ids (self, query, error)) == NULL)
    return NULL;
  return filter_entries (all, matches);
}

GArray *
reseau_store_list_introduced (ReseauStore  *self,
                              gint64        introducer_id,
                              GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT id, initial_given FROM contacts WHERE trashed = 0 AND introduced_by = ? "
    "ORDER BY sort_given, id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, introducer_id);
  return collect_entries (self, stmt, error);
}

/* Returns: (element-type ReseauHistoryEntry): oldest first */
GPtrArray *
reseau_store_list_history (ReseauStore  *self,
                           gint64        contact_id,
                           GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_history_entry_free);
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT id, field, old_value, new_value, changed_on FROM history WHERE contact_id = ? "
    "ORDER BY changed_on, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReseauHistoryEntry *entry = g_new0 (ReseauHistoryEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->field = g_strdup (_reseau_store_column_text (stmt, 1));
      entry->old_value = g_strdup (_reseau_store_column_text (stmt, 2));
      entry->new_value = g_strdup (_reseau_store_column_text (stmt, 3));
      entry->changed_on = g_strdup (_reseau_store_column_text (stmt, 4));
      g_ptr_array_add (entries, entry);
    }
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&entries);
}

gint64
reseau_store_add_interaction (ReseauStore            *self,
                              gint64                  contact_id,
                              ReseauInteractionKind   kind,
                              const char             *happened_on,
                              const char             *text,
                              GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RESEAU_IS_STORE (self), 0);
  g_return_val_if_fail (kind >= RESEAU_INTERACTION_MEETING && kind <= RESEAU_INTERACTION_NOTE, 0);

  if (happened_on == NULL || happened_on[0] == '\0')
    {
      g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_DATE,
                   _("The date is missing"));
      return 0;
    }
  if (!reseau_validate_date (_("Date"), happened_on, error) ||
      !reseau_validate_text (_("Summary"), text, TRUE, RESEAU_MAX_NOTES_LENGTH, error))
    return 0;

  stmt = _reseau_store_prepare (self,
    "INSERT INTO interactions (contact_id, kind, happened_on, text, created) VALUES (?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_text (stmt, 3, happened_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, text ? text : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
  if (!_reseau_store_step_done (self, stmt, error))
    return 0;
  reseau_store_emit_changed (self);
  return sqlite3_last_insert_rowid (_reseau_store_get_db (self));
}

gboolean
reseau_store_delete_interaction (ReseauStore  *self,
                                 gint64        interaction_id,
                                 GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self, "DELETE FROM interactions WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, interaction_id);
  if (!_reseau_store_step_done (self, stmt, error))
    return FALSE;
  reseau_store_emit_changed (self);
  return TRUE;
}

/* Returns: (element-type ReseauInteraction): newest first */
GPtrArray *
reseau_store_list_interactions (ReseauStore  *self,
                                gint64        contact_id,
                                GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_interaction_free);
  sqlite3_stmt *stmt = _reseau_store_prepare (self,
    "SELECT id, kind, happened_on, text, campaign_id FROM interactions WHERE contact_id = ? "
    "ORDER BY happened_on DESC, id DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReseauInteraction *interaction = g_new0 (ReseauInteraction, 1);

      interaction->id = sqlite3_column_int64 (stmt, 0);
      interaction->kind = sqlite3_column_int (stmt, 1);
      interaction->happened_on = g_strdup (_reseau_store_column_text (stmt, 2));
      interaction->text = g_strdup (_reseau_store_column_text (stmt, 3));
      interaction->campaign_id = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (list, interaction);
    }
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}
