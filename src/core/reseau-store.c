/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-store"

#include "config.h"

#include <unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "reseau-store-private.h"
#include "reseau-text.h"

/* "RSEU": lets us tell our files from other SQLite databases. */
#define RESEAU_APPLICATION_ID 0x52534555

struct _ReseauStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements; /* const char *sql → sqlite3_stmt */
  guint       transaction_depth;
  ReseauListCache list_cache[RESEAU_SORT_FAMILY_NAME + 1];
};

G_DEFINE_FINAL_TYPE (ReseauStore, reseau_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (reseau-store-error-quark, reseau_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each entry migrates from version N to N + 1 and runs inside the migration's transaction.
 * Never edit a released step: add one. */
static const char * const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  display_name TEXT NOT NULL DEFAULT '', prefix TEXT NOT NULL DEFAULT '',"
  "  given TEXT NOT NULL DEFAULT '', additional TEXT NOT NULL DEFAULT '',"
  "  family TEXT NOT NULL DEFAULT '', suffix TEXT NOT NULL DEFAULT '',"
  "  nickname TEXT NOT NULL DEFAULT '', organization TEXT NOT NULL DEFAULT '',"
  "  department TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',"
  "  birthday TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',"
  "  met_where TEXT NOT NULL DEFAULT '', met_on TEXT NOT NULL DEFAULT '',"
  "  tie INTEGER NOT NULL DEFAULT 0 CHECK (tie BETWEEN 0 AND 3),"
  "  introduced_by INTEGER REFERENCES contacts (id) ON DELETE SET NULL,"
  "  photo BLOB,"
  "  created INTEGER NOT NULL, updated INTEGER NOT NULL,"
  "  trashed INTEGER NOT NULL DEFAULT 0,"
  "  last_contacted TEXT,"
  "  sort_given BLOB NOT NULL DEFAULT x'', sort_family BLOB NOT NULL DEFAULT x'',"
  "  initial_given TEXT NOT NULL DEFAULT '#', initial_family TEXT NOT NULL DEFAULT '#');"
  "CREATE INDEX contacts_by_given ON contacts (sort_given, id, initial_given) WHERE trashed = 0;"
  "CREATE INDEX contacts_by_family ON contacts (sort_family, id, initial_family) WHERE trashed = 0;"
  "CREATE INDEX contacts_by_introducer ON contacts (introduced_by) WHERE introduced_by IS NOT NULL;"
  "CREATE TABLE contact_values ("
  "  id INTEGER PRIMARY KEY,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, kind INTEGER NOT NULL, type INTEGER NOT NULL,"
  "  value TEXT NOT NULL, locality TEXT, region TEXT, postal_code TEXT, country TEXT);"
  "CREATE INDEX contact_values_by_contact ON contact_values (contact_id, position);"
  "CREATE INDEX contact_values_by_value ON contact_values (kind, value COLLATE NOCASE);"
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  field TEXT NOT NULL CHECK (field IN ('organization', 'title', 'email')),"
  "  old_value TEXT NOT NULL, new_value TEXT NOT NULL, changed_on TEXT NOT NULL);"
  "CREATE INDEX history_by_contact ON history (contact_id, changed_on);"
  "CREATE TABLE interactions ("
  "  id INTEGER PRIMARY KEY,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL, happened_on TEXT NOT NULL, text TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL);"
  "CREATE INDEX interactions_by_contact ON interactions (contact_id, happened_on);"
  /* "Last contacted" is derived from interactions other than notes (kind 4). */
  "CREATE TRIGGER interactions_after_insert AFTER INSERT ON interactions BEGIN"
  "  UPDATE contacts SET last_contacted = (SELECT max (happened_on) FROM interactions"
  "    WHERE contact_id = NEW.contact_id AND kind <> 4) WHERE id = NEW.contact_id; END;"
  "CREATE TRIGGER interactions_after_delete AFTER DELETE ON interactions BEGIN"
  "  UPDATE contacts SET last_contacted = (SELECT max (happened_on) FROM interactions"
  "    WHERE contact_id = OLD.contact_id AND kind <> 4) WHERE id = OLD.contact_id; END;"
  "CREATE VIRTUAL TABLE contacts_fts USING fts5 ("
  "  name, work, emails, places, notes,"
  "  content = '', contentless_delete = 1,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');",
  /* 1 → 2: purging the trash at every start must not read every contact. */
  "CREATE INDEX contacts_in_trash ON contacts (id) WHERE trashed = 1;",
  /* 2 → 3: vCard properties Réseau does not use, kept for a lossless round trip (one unfolded
   * property per line); circles with their members; saved segments. A circle's name_key is
   * its folded name, so names are unique ignoring case and accents. */
  "ALTER TABLE contacts ADD COLUMN extra_vcard TEXT;"
  "CREATE TABLE circles ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,"
  "  kind INTEGER NOT NULL DEFAULT 0, color TEXT NOT NULL DEFAULT '',"
  "  emoji TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',"
  "  cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),"
  "  trashed INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL);"
  "CREATE TABLE circle_members ("
  "  circle_id INTEGER NOT NULL REFERENCES circles (id) ON DELETE CASCADE,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  added INTEGER NOT NULL,"
  "  PRIMARY KEY (circle_id, contact_id)) WITHOUT ROWID;"
  "CREATE INDEX circle_members_by_contact ON circle_members (contact_id, circle_id);"
  "CREATE TABLE segments ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,"
  "  definition TEXT NOT NULL, created INTEGER NOT NULL);",
  /* 3 → 4: sending mail (reseau-store-outbox.h). Accounts hold no password: that lives in
   * the keyring only. A campaign's recipients are a snapshot taken when it is scheduled,
   * each with the state of its one message; the send log feeds the per-account throttle
   * so that it holds across restarts. Messages sent are interactions linked to their
   * campaign. */
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  display_name TEXT NOT NULL DEFAULT '', address TEXT NOT NULL, host TEXT NOT NULL,"
  "  port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),"
  "  security INTEGER NOT NULL CHECK (security BETWEEN 0 AND 2),"
  "  user_name TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL);"
  "CREATE TABLE campaigns ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,"
  "  subject TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '',"
  "  recipients TEXT NOT NULL DEFAULT '',"
  "  state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 5),"
  "  scheduled_at INTEGER NOT NULL DEFAULT 0, started INTEGER NOT NULL DEFAULT 0,"
  "  include_over_cap INTEGER NOT NULL DEFAULT 0,"
  "  pause_reason TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL, updated INTEGER NOT NULL);"
  "CREATE INDEX campaigns_by_state ON campaigns (state, scheduled_at);"
  "CREATE TABLE campaign_recipients ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,"
  "  name TEXT NOT NULL, address TEXT NOT NULL,"
  "  state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 6),"
  "  attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '',"
  "  next_attempt INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL,"
  "  message_id TEXT NOT NULL DEFAULT '', subject TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX campaign_recipients_by_state ON campaign_recipients (campaign_id, state, next_attempt);"
  "CREATE INDEX campaign_recipients_by_contact ON campaign_recipients (contact_id);"
  "CREATE UNIQUE INDEX campaign_recipients_once ON campaign_recipients (campaign_id, contact_id);"
  "CREATE TABLE send_log ("
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  sent_at INTEGER NOT NULL);"
  "CREATE INDEX send_log_by_account ON send_log (account_id, sent_at);"
  "ALTER TABLE interactions ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL;"
  "CREATE INDEX interactions_by_campaign ON interactions (campaign_id) WHERE campaign_id IS NOT NULL;"
  "CREATE INDEX interactions_messages ON interactions (contact_id, happened_on) WHERE kind = 3;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RESEAU_STORE_SCHEMA_VERSION);

static gboolean create_file (const char *path, GError **error);

void
_reseau_store_set_error (ReseauStore  *self,
                         GError      **error)
{
  int code = sqlite3_extended_errcode (self->db) & 0xff;

  g_set_error (error, RESEAU_STORE_ERROR,
               code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? RESEAU_STORE_ERROR_CORRUPT
                                                               : RESEAU_STORE_ERROR_FAILED,
               _("Database error: %s"), sqlite3_errmsg (self->db));
}

/* Ends a loop of sqlite3_step() that stopped with @rc: resets @stmt, and sets @error unless
 * every row was read. */
gboolean
_reseau_store_rows_done (ReseauStore   *self,
                         sqlite3_stmt  *stmt,
                         int            rc,
                         GError       **error)
{
  if (rc != SQLITE_DONE)
    _reseau_store_set_error (self, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

GArray *
_reseau_store_collect_ids (ReseauStore   *self,
                           sqlite3_stmt  *stmt,
                           GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!_reseau_store_rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* A text column, with NULL read as the empty string that the NOT NULL columns hold anyway. */
const char *
_reseau_store_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? text : "";
}

sqlite3 *
_reseau_store_get_db (ReseauStore *self)
{
  return self->db;
}

/* Statements are cached by the address of their SQL text, which must be a string literal. */
sqlite3_stmt *
_reseau_store_prepare (ReseauStore  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _reseau_store_set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

gboolean
_reseau_store_exec (ReseauStore  *self,
                    const char   *sql,
                    GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _reseau_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_reseau_store_step_done (ReseauStore   *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _reseau_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

ReseauListCache *
_reseau_store_get_list_cache (ReseauStore     *self,
                              ReseauSortOrder  order)
{
  g_assert (order < G_N_ELEMENTS (self->list_cache));
  return &self->list_cache[order];
}

/* A rolled back transaction leaves the change counter where it was: what was read inside
 * it must go. */
static void
rolled_back_cb (void *data)
{
  ReseauStore *self = data;

  for (guint i = 0; i < G_N_ELEMENTS (self->list_cache); i++)
    g_clear_pointer (&self->list_cache[i].entries, g_array_unref);
}

/* What a cache of query results is checked against. @changes moves with every row this
 * connection writes, triggers and rolled back transactions included; @data_version with
 * every commit of another connection. */
void
_reseau_store_get_changes (ReseauStore *self,
                           gint64      *changes,
                           int         *data_version)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self, "PRAGMA data_version", NULL);

  *changes = sqlite3_total_changes64 (self->db);
  *data_version = -1;
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    *data_version = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
}

/* The page cache of this connection, in MiB (SQLite's default is 2 MiB). A transaction that
 * writes more than its cache holds spills pages to the WAL before it commits and writes them
 * again as they change: a bulk write (an import) wants a larger one. */
gboolean
reseau_store_set_cache_size (ReseauStore  *self,
                             guint         mib,
                             GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);
  g_return_val_if_fail (mib > 0 && mib <= 1024, FALSE);

  sql = g_strdup_printf ("PRAGMA cache_size = -%u", mib * 1024);
  return _reseau_store_exec (self, sql, error);
}

/* Transactions nest: only the outermost one commits, so a caller can group several
 * operations that each use a transaction of their own. */
gboolean
reseau_store_begin (ReseauStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);

  if (self->transaction_depth == 0 && !_reseau_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

/* A read transaction, ended by reseau_store_commit() or reseau_store_rollback(): the reads
 * inside it see one state of the database, and take SQLite's locks once rather than once a
 * query, which makes thousands of small reads (an import matching every contact of a file)
 * several times faster. Nothing may be written inside it. */
gboolean
reseau_store_begin_read (ReseauStore  *self,
                         GError      **error)
{
  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);

  if (self->transaction_depth == 0 && !_reseau_store_exec (self, "BEGIN DEFERRED", error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
reseau_store_commit (ReseauStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (RESEAU_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1 && !_reseau_store_exec (self, "COMMIT", error))
    {
      reseau_store_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  return TRUE;
}

void
reseau_store_rollback (ReseauStore *self)
{
  g_return_if_fail (RESEAU_IS_STORE (self));

  if (self->transaction_depth == 0)
    return;
  self->transaction_depth = 0;
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

void
reseau_store_emit_changed (ReseauStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Who is in which circle does not change who is in the list of every contact: a list
 * cache that was current before a membership change (@changes and @data_version as
 * _reseau_store_get_changes() said then) stays current, so dropping 1,000 contacts on a
 * circle does not make the "All Contacts" view read 100,000 rows again. */
void
_reseau_store_emit_members_changed (ReseauStore *self,
                                    gint64       changes,
                                    int          data_version)
{
  gint64 now_changes;
  int now_version;

  _reseau_store_get_changes (self, &now_changes, &now_version);
  for (guint i = 0; i < G_N_ELEMENTS (self->list_cache); i++)
    {
      ReseauListCache *cache = &self->list_cache[i];

      if (cache->entries != NULL && cache->changes == changes && cache->data_version == data_version &&
          now_version == data_version)
        cache->changes = now_changes;
    }
  reseau_store_emit_changed (self);
}

static void
reseau_store_finalize (GObject *object)
{
  ReseauStore *self = (ReseauStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->list_cache); i++)
    g_clear_pointer (&self->list_cache[i].entries, g_array_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (reseau_store_parent_class)->finalize (object);
}

static void
reseau_store_class_init (ReseauStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reseau_store_finalize;

  /**
   * ReseauStore::changed:
   *
   * Emitted after a committed change to contacts, so that list models can refresh.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
reseau_store_init (ReseauStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)sqlite3_finalize);
}

/* $XDG_DATA_HOME/reseau/reseau.db; inside Flatpak that is the app's own data directory. */
char *
reseau_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "reseau", "reseau.db", NULL);
}

static gboolean
get_int_pragma (ReseauStore  *self,
                const char   *sql,
                int          *value,
                GError      **error)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _reseau_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Reads without writing anything: a file we refuse must stay byte-for-byte as it was. */
static gboolean
check_file (ReseauStore  *self,
            int          *version,
            GError      **error)
{
  g_autofree char *name = g_filename_display_name (self->path);
  int app_id = 0, n_tables = 0;

  if (!get_int_pragma (self, "PRAGMA user_version", version, NULL) ||
      !get_int_pragma (self, "PRAGMA application_id", &app_id, NULL) ||
      !get_int_pragma (self, "SELECT count(*) FROM sqlite_master", &n_tables, NULL))
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged or is not a Réseau database (%s). It was left untouched."),
                   name, sqlite3_errmsg (self->db));
      return FALSE;
    }

  if ((app_id != 0 && app_id != RESEAU_APPLICATION_ID) ||
      (app_id == 0 && (n_tables > 0 || *version != 0)))
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_CORRUPT,
                   _("“%s” is a database of another application, not of Réseau. It was left untouched."),
                   name);
      return FALSE;
    }

  if (*version > RESEAU_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Réseau (data format %d; this version reads up to %d). Update Réseau to open it. The file was left untouched."),
                   name, *version, RESEAU_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
backup_before_migration (ReseauStore  *self,
                         int           version,
                         GError      **error)
{
  g_autofree char *backup = g_strdup_printf ("%s.before-v%d", self->path, version + 1);
  sqlite3_stmt *stmt;

  /* VACUUM INTO fills an existing empty file: creating it first gives the copy the same
   * owner-only mode as the database instead of the umask's. */
  g_remove (backup);
  if (!create_file (backup, error))
    return FALSE;
  stmt = _reseau_store_prepare (self, "VACUUM INTO ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
  return _reseau_store_step_done (self, stmt, error);
}

static gboolean
migrate (ReseauStore  *self,
         int           version,
         GError      **error)
{
  g_autofree char *set_version = NULL;

  if (version == RESEAU_STORE_SCHEMA_VERSION)
    return TRUE;
  if (version > 0 && !backup_before_migration (self, version, error))
    return FALSE;

  if (!reseau_store_begin (self, error))
    return FALSE;
  for (int v = version; v < RESEAU_STORE_SCHEMA_VERSION; v++)
    if (!_reseau_store_exec (self, migrations[v], error))
      goto fail;
  set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 RESEAU_STORE_SCHEMA_VERSION, RESEAU_APPLICATION_ID);
  if (!_reseau_store_exec (self, set_version, error))
    goto fail;
  return reseau_store_commit (self, error);

fail:
  reseau_store_rollback (self);
  return FALSE;
}

/* Sort keys depend on the locale's collation: rebuild them when it changed since last time. */
static gboolean
ensure_collation (ReseauStore  *self,
                  GError      **error)
{
  const char *collation = setlocale (LC_COLLATE, NULL);
  sqlite3_stmt *stmt = _reseau_store_prepare (self, "SELECT value FROM meta WHERE key = 'collation'", error);
  gboolean same;

  if (stmt == NULL)
    return FALSE;
  same = sqlite3_step (stmt) == SQLITE_ROW &&
         g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), collation ? collation : "C") == 0;
  sqlite3_reset (stmt);
  if (same)
    return TRUE;

  if (!reseau_store_begin (self, error))
    return FALSE;
  if (!_reseau_store_update_sort_keys (self, 0, error))
    goto fail;
  stmt = _reseau_store_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES ('collation', ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, collation ? collation : "C", -1, SQLITE_TRANSIENT);
  if (!_reseau_store_step_done (self, stmt, error))
    goto fail;
  return reseau_store_commit (self, error);

fail:
  reseau_store_rollback (self);
  return FALSE;
}

static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_UNREADABLE,
                   _("Cannot create the folder “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }
  /* The database holds the user's whole network: only they may read it. SQLite gives its
   * -wal and -shm files the same mode. */
  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_UNREADABLE,
                   _("Cannot create “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

/**
 * reseau_store_open:
 * @path: the database file; created with mode 0600 if missing
 *
 * Opens the database, refusing untouched a file that is damaged, foreign or written by a
 * newer Réseau, and migrates an older one after keeping a copy of it beside it.
 */
ReseauStore *
reseau_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(ReseauStore) self = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_file (path, error))
    return NULL;

  self = g_object_new (RESEAU_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_UNREADABLE,
                   _("Cannot open “%s”: %s"), name,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_rollback_hook (self->db, rolled_back_cb, self);
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_file (self, &version, error))
    return NULL;

  /* synchronous=FULL: a change reported as saved survives a crash or a power cut. */
  if (!_reseau_store_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                                 "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;", error) ||
      !migrate (self, version, error) ||
      !ensure_collation (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  ReseauStore *store = reseau_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * reseau_store_open_async:
 *
 * Opens the database in a worker thread: a migration or a rebuild of the sort keys after a
 * change of locale can take seconds on a large network, and must not freeze the window.
 * The connection is then used from the thread that calls reseau_store_open_finish().
 */
void
reseau_store_open_async (const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, reseau_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_in_thread);
}

ReseauStore *
reseau_store_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
reseau_store_get_path (ReseauStore *self)
{
  g_return_val_if_fail (RESEAU_IS_STORE (self), NULL);
  return self->path;
}
