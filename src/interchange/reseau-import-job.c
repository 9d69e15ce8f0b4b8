/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-import-job"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-csv.h"
#include "reseau-import-job-private.h"
#include "reseau-import-match.h"
#include "reseau-store.h"
#include "reseau-text.h"
#include "reseau-validate.h"
#include "reseau-vcard-reader.h"

/* An import in two phases, each in a GTask thread on the job's own connection: prepare reads
 * the files and decides, for every record, which contact it becomes; commit writes all of it
 * in one transaction (reseau-import-job-commit.c), so that a cancel, an error or a killed
 * process leaves nothing half done. */

/* What prepare needs to find a person: every key of the database's contacts and of the plans. */
typedef struct
{
  GHashTable *db_keys;        /* key → contact id */
  GHashTable *plan_by_key;    /* key → ImportPlan */
  GHashTable *plan_by_id;     /* contact id → ImportPlan */
  guint64     bytes_before;
  guint64     bytes_total;
} MatchContext;

G_DEFINE_FINAL_TYPE (ReseauImportJob, reseau_import_job, G_TYPE_OBJECT)
G_DEFINE_QUARK (reseau-import-error-quark, reseau_import_error)

void
_reseau_import_plan_free (ImportPlan *plan)
{
  g_ptr_array_unref (plan->records);
  g_clear_object (&plan->preview);
  g_free (plan->old_organization);
  g_free (plan->old_title);
  g_free (plan);
}

static void
reseau_import_job_finalize (GObject *object)
{
  ReseauImportJob *self = RESEAU_IMPORT_JOB (object);

  g_free (self->store_path);
  g_free (self->date);
  g_clear_object (&self->store);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_object (&self->summary);
  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  g_clear_pointer (&self->csv_mappings, g_hash_table_unref);

  G_OBJECT_CLASS (reseau_import_job_parent_class)->finalize (object);
}

static void
reseau_import_job_class_init (ReseauImportJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reseau_import_job_finalize;
}

static void
reseau_import_job_init (ReseauImportJob *self)
{
}

/* Imports into the database at @store_path through a connection of its own. */
ReseauImportJob *
reseau_import_job_new (const char *store_path)
{
  ReseauImportJob *self;

  g_return_val_if_fail (store_path != NULL, NULL);

  self = g_object_new (RESEAU_TYPE_IMPORT_JOB, NULL);
  self->store_path = g_strdup (store_path);
  return self;
}

/* The date (YYYY-MM-DD) the career history records for job changes; today when %NULL. */
void
reseau_import_job_set_date (ReseauImportJob *self,
                            const char      *date)
{
  g_return_if_fail (RESEAU_IS_IMPORT_JOB (self));
  g_set_str (&self->date, date);
}

/**
 * reseau_import_job_set_csv_mapping:
 * @mapping: (element-type ReseauCsvColumn): column index → what it holds, as the user set it
 *   in the column-mapping step; copied
 *
 * Reads the CSV @file with @mapping instead of the columns guessed from its header.
 */
void
reseau_import_job_set_csv_mapping (ReseauImportJob *self,
                                   GFile           *file,
                                   GArray          *mapping)
{
  g_autoptr(GArray) copy = NULL;

  g_return_if_fail (RESEAU_IS_IMPORT_JOB (self));
  g_return_if_fail (G_IS_FILE (file) && mapping != NULL);

  if (self->csv_mappings == NULL)
    self->csv_mappings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify)g_array_unref);
  copy = g_array_sized_new (FALSE, FALSE, g_array_get_element_size (mapping), mapping->len);
  g_array_append_vals (copy, mapping->data, mapping->len);
  g_hash_table_insert (self->csv_mappings, g_file_get_parse_name (file), g_steal_pointer (&copy));
}

/* @func is called in the thread-default main context of whoever starts prepare or commit. */
void
reseau_import_job_set_progress_func (ReseauImportJob          *self,
                                     ReseauImportProgressFunc  func,
                                     gpointer                  user_data,
                                     GDestroyNotify            destroy)
{
  g_return_if_fail (RESEAU_IS_IMPORT_JOB (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  self->progress_func = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

typedef struct
{
  ReseauImportJob *job;
  guint64          done;
  guint64          total;
} Progress;

static gboolean
progress_cb (gpointer data)
{
  Progress *progress = data;

  progress->job->progress_func (progress->done, progress->total, progress->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->job);
  g_free (progress);
}

void
_reseau_import_job_report_progress (ReseauImportJob *self,
                 guint64          done,
                 guint64          total)
{
  Progress *progress;

  if (self->progress_func == NULL)
    return;
  progress = g_new (Progress, 1);
  progress->job = g_object_ref (self);
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (self->progress_context, G_PRIORITY_DEFAULT, progress_cb,
                              progress, progress_free);
}

gboolean
_reseau_import_job_ensure_store (ReseauImportJob  *self,
              GError          **error)
{
  if (self->store == NULL)
    self->store = reseau_store_open (self->store_path, error);
  return self->store != NULL;
}

/* Closes the job's connection at the end of each phase, in the worker thread: otherwise the
 * last reference to the job, and the close with its checkpoint under an exclusive lock, could
 * be dropped in a worker after the caller got the result and started reading the database. */
void
_reseau_import_job_release_store (ReseauImportJob *self)
{
  g_clear_object (&self->store);
}

/* Preparing: reading the files. */

static void
add_db_key (GHashTable *db_keys,
            char       *key,
            gint64      id)
{
  /* The oldest contact keeps a key that two contacts share. */
  if (key != NULL && !g_hash_table_contains (db_keys, key))
    g_hash_table_insert (db_keys, key, g_memdup2 (&id, sizeof id));
  else
    g_free (key);
}

static void
db_name_cb (gint64      id,
            const char *given,
            const char *family,
            const char *organization,
            gpointer    data)
{
  add_db_key (data, reseau_import_name_match_key (given, family, organization), id);
}

static void
db_value_cb (gint64           id,
             ReseauValueKind  kind,
             const char      *value,
             gpointer         data)
{
  add_db_key (data, kind == RESEAU_VALUE_EMAIL ? reseau_import_email_match_key (value)
                                               : reseau_import_profile_match_key (value), id);
}

/* The keys of the database's contacts, from their columns: loading each whole contact made
 * an import into 100,000 contacts spend most of its time here. */
static gboolean
load_db_keys (ReseauImportJob  *self,
              GHashTable       *db_keys,
              GError          **error)
{
  return reseau_store_scan_identities (self->store, db_name_cb, db_value_cb, db_keys, error);
}

static ImportPlan *
find_plan (ReseauImportJob  *self,
           MatchContext     *ctx,
           GPtrArray        *keys,
           GError          **error)
{
  for (guint k = 0; k < keys->len; k++)
    {
      const char *key = g_ptr_array_index (keys, k);
      ImportPlan *plan = g_hash_table_lookup (ctx->plan_by_key, key);
      gint64 *id;

      if (plan != NULL)
        return plan;
      if ((id = g_hash_table_lookup (ctx->db_keys, key)) == NULL)
        continue;
      if ((plan = g_hash_table_lookup (ctx->plan_by_id, id)) != NULL)
        return plan;
      plan = g_new0 (ImportPlan, 1);
      plan->existing_id = *id;
      plan->records = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_import_record_free);
      plan->preview = reseau_store_load_contact (self->store, *id, TRUE, error);
      if (plan->preview == NULL)
        {
          _reseau_import_plan_free (plan);
          return NULL;
        }
      plan->old_organization = g_strdup (reseau_contact_get_text (plan->preview, RESEAU_FIELD_ORGANIZATION));
      plan->old_title = g_strdup (reseau_contact_get_text (plan->preview, RESEAU_FIELD_TITLE));
      g_ptr_array_add (self->plans, plan);
      g_hash_table_insert (ctx->plan_by_id, &plan->existing_id, plan);
      return plan;
    }
  return NULL;
}

static gboolean
add_record (ReseauImportJob     *self,
            MatchContext        *ctx,
            ReseauImportRecord  *record,
            const char          *file,
            GError             **error)
{
  g_autoptr(GError) invalid = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  ImportPlan *plan;

  if (!reseau_contact_normalize (record->contact, &invalid))
    {
      g_autoptr(ReseauImportProblem) problem = NULL;

      g_prefix_error (&invalid, _("Line %u: "), record->line);
      problem = reseau_import_problem_new (record->line, TRUE, g_steal_pointer (&invalid));
      _reseau_import_summary_add_problem (self->summary, file, problem);
      reseau_import_record_free (record);
      return TRUE;
    }
  for (guint i = 0; record->categories != NULL && record->categories[i] != NULL; i++)
    _reseau_import_summary_add_category (self->summary, record->categories[i]);

  keys = reseau_import_match_keys (record->contact);
  plan = find_plan (self, ctx, keys, error);
  if (plan == NULL && error != NULL && *error != NULL)
    {
      reseau_import_record_free (record);
      return FALSE;
    }
  if (plan == NULL)
    {
      plan = g_new0 (ImportPlan, 1);
      plan->records = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_import_record_free);
      plan->preview = reseau_contact_new ();
      g_ptr_array_add (self->plans, plan);
    }
  if (reseau_import_merge (plan->preview, record->contact))
    plan->changed = TRUE;
  g_ptr_array_add (plan->records, record);

  /* The merged card may be known by more keys now (a second email, a profile link). */
  g_clear_pointer (&keys, g_ptr_array_unref);
  keys = reseau_import_match_keys (plan->preview);
  for (guint k = 0; k < keys->len; k++)
    if (!g_hash_table_contains (ctx->plan_by_key, g_ptr_array_index (keys, k)))
      g_hash_table_insert (ctx->plan_by_key, g_strdup (g_ptr_array_index (keys, k)), plan);
  return TRUE;
}

/* vCard or CSV, from the content: a vCard begins with BEGIN:VCARD after an optional BOM.
 * The stream is left at its start; FALSE with @error set when it cannot be read. */
gboolean
_reseau_import_looks_like_vcard (GInputStream  *stream,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  char head[256];
  gsize n = 0;
  const char *p = head;

  if (!g_input_stream_read_all (stream, head, sizeof head - 1, &n, cancellable, error) ||
      !g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error))
    return FALSE;
  head[n] = '\0';
  if (n >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
    p++;
  return g_ascii_strncasecmp (p, "BEGIN:VCARD", 11) == 0;
}

static gboolean
read_records (ReseauImportJob  *self,
              MatchContext     *ctx,
              GInputStream     *stream,
              gboolean          vcard,
              const char       *file,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(ReseauVCardReader) vreader = vcard ? reseau_vcard_reader_new (stream) : NULL;
  g_autoptr(ReseauCsvReader) creader = vcard ? NULL : reseau_csv_reader_new (stream);
  g_autoptr(GError) local_error = NULL;
  ReseauImportRecord *record;
  GPtrArray *problems;
  guint n = 0;

  if (creader != NULL && !reseau_csv_reader_read_header (creader, cancellable, error))
    return FALSE;
  if (creader != NULL && self->csv_mappings != NULL && g_hash_table_contains (self->csv_mappings, file))
    reseau_csv_reader_set_mapping (creader, g_hash_table_lookup (self->csv_mappings, file));
  while ((record = vcard ? reseau_vcard_reader_next (vreader, cancellable, &local_error)
                         : reseau_csv_reader_next (creader, cancellable, &local_error)) != NULL)
    {
      if (!add_record (self, ctx, record, file, error))
        return FALSE;
      if (++n % RESEAU_IMPORT_PROGRESS_EVERY == 0)
        {
          guint64 offset = vcard ? reseau_vcard_reader_get_offset (vreader)
                                 : reseau_csv_reader_get_offset (creader);

          _reseau_import_job_report_progress (self, ctx->bytes_before + offset, ctx->bytes_total);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  problems = vcard ? reseau_vcard_reader_get_problems (vreader) : reseau_csv_reader_get_problems (creader);
  for (guint i = 0; i < problems->len; i++)
    _reseau_import_summary_add_problem (self->summary, file, g_ptr_array_index (problems, i));
  if (creader != NULL && g_strcmp0 (reseau_csv_reader_get_encoding (creader), "Windows-1252") == 0)
    _reseau_import_summary_add_encoding (self->summary, file, "Windows-1252");
  return TRUE;
}

static gboolean
read_file (ReseauImportJob  *self,
           MatchContext     *ctx,
           GFile            *file,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GFileInfo) info = NULL;
  gboolean vcard;
  GError *local_error = NULL;

  if (stream == NULL)
    return FALSE;
  vcard = _reseau_import_looks_like_vcard (G_INPUT_STREAM (stream), cancellable, &local_error);
  if (local_error == NULL)
    read_records (self, ctx, G_INPUT_STREAM (stream), vcard, name, cancellable, &local_error);
  if (local_error != NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&local_error, "%s: ", name);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL)
    ctx->bytes_before += g_file_info_get_size (info);
  return TRUE;
}

static guint64
total_size (GPtrArray *files)
{
  guint64 total = 0;

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (g_ptr_array_index (files, i),
                                                     G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info != NULL)
        total += g_file_info_get_size (info);
    }
  return total;
}

/* Counts, and the job changes that the career history will show. */
static void
summarize (ReseauImportJob *self)
{
  guint n_added = 0, n_updated = 0, n_unchanged = 0;

  for (guint i = 0; i < self->plans->len; i++)
    {
      ImportPlan *plan = g_ptr_array_index (self->plans, i);
      const char *new_org = reseau_contact_get_text (plan->preview, RESEAU_FIELD_ORGANIZATION);
      const char *new_title = reseau_contact_get_text (plan->preview, RESEAU_FIELD_TITLE);

      if (plan->existing_id == 0)
        n_added++;
      else if (!plan->changed)
        n_unchanged++;
      else
        n_updated++;
      /* Learning the job of someone whose job was unknown is not a job change. */
      if (plan->existing_id == 0 || !plan->changed ||
          (plan->old_organization[0] == '\0' && plan->old_title[0] == '\0') ||
          (g_strcmp0 (plan->old_organization, new_org) == 0 &&
           g_strcmp0 (plan->old_title, new_title) == 0))
        continue;
      plan->change = g_new0 (ReseauJobChange, 1);
      plan->change->contact_id = plan->existing_id;
      plan->change->name = reseau_contact_dup_name (plan->preview);
      plan->change->old_organization = g_strdup (plan->old_organization);
      plan->change->old_title = g_strdup (plan->old_title);
      plan->change->new_organization = g_strdup (new_org);
      plan->change->new_title = g_strdup (new_title);
      _reseau_import_summary_add_job_change (self->summary, plan->change);
    }
  _reseau_import_summary_set_counts (self->summary, n_added, n_updated, n_unchanged);
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReseauImportJob *self = source_object;
  GPtrArray *files = task_data;
  MatchContext ctx = { 0 };
  GError *error = NULL;
  guint n_records = 0;

  ctx.db_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx.plan_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.plan_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  ctx.bytes_total = total_size (files);

  /* One read transaction for all of prepare: one state of the database to match against,
   * and no locking for each of the thousands of contacts loaded. */
  if (_reseau_import_job_ensure_store (self, &error) &&
      reseau_store_begin_read (self->store, &error) &&
      load_db_keys (self, ctx.db_keys, &error))
    for (guint i = 0; i < files->len && error == NULL; i++)
      read_file (self, &ctx, g_ptr_array_index (files, i), cancellable, &error);
  if (self->store != NULL)
    reseau_store_rollback (self->store);
  for (guint i = 0; error == NULL && i < self->plans->len; i++)
    n_records += ((ImportPlan *)g_ptr_array_index (self->plans, i))->records->len;
  if (error == NULL && n_records == 0)
    g_set_error (&error, RESEAU_IMPORT_ERROR, RESEAU_IMPORT_ERROR_NOTHING_TO_IMPORT,
                 _("No contact could be read from these files"));
  if (error == NULL)
    summarize (self);
  _reseau_import_job_release_store (self);

  g_hash_table_unref (ctx.db_keys);
  g_hash_table_unref (ctx.plan_by_key);
  g_hash_table_unref (ctx.plan_by_id);
  if (error != NULL)
    {
      /* Nothing half read may be committed. */
      g_clear_pointer (&self->plans, g_ptr_array_unref);
      g_clear_object (&self->summary);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, g_object_ref (self->summary), g_object_unref);
}

/**
 * reseau_import_job_prepare_async:
 * @files: (array length=n_files): vCard or CSV files, told apart by their content
 *
 * Reads the files and matches each record against the database and the other records:
 * by profile link, then email, then name and organisation. Nothing is written.
 */
void
reseau_import_job_prepare_async (ReseauImportJob      *self,
                                 GFile               **files,
                                 guint                 n_files,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *list;

  g_return_if_fail (RESEAU_IS_IMPORT_JOB (self));
  g_return_if_fail (!self->busy);

  list = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (list, g_object_ref (files[i]));

  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_object (&self->summary);
  self->plans = g_ptr_array_new_with_free_func ((GDestroyNotify)_reseau_import_plan_free);
  self->summary = _reseau_import_summary_new ();
  self->busy = TRUE;
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  self->progress_context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, reseau_import_job_prepare_async);
  g_task_set_task_data (task, list, (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (task, prepare_thread);
}

/**
 * reseau_import_job_prepare_finish:
 *
 * Returns: (transfer full): what a commit would do, or %NULL if a file could not be read
 *   at all or held no readable record
 */
ReseauImportSummary *
reseau_import_job_prepare_finish (ReseauImportJob  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  self->busy = FALSE;
  return g_task_propagate_pointer (G_TASK (result), error);
}
