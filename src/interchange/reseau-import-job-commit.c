/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-import-job"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-import-job-private.h"
#include "reseau-import-match.h"
#include "reseau-text.h"

/* The commit phase of ReseauImportJob: everything prepare planned, in one transaction. */

/* The contact as it is now in the database (it may have been edited since prepare) with the
 * plan's records merged in; %NULL with @error unset when there is nothing to write. */
static ReseauContact *
contact_to_save (ReseauImportJob  *self,
                 ImportPlan       *plan,
                 GError          **error)
{
  g_autoptr(ReseauContact) contact = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean changed = FALSE;

  if (plan->existing_id != 0)
    {
      contact = reseau_store_load_contact (self->store, plan->existing_id, TRUE, &local_error);
      if (contact == NULL &&
          !g_error_matches (local_error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (contact == NULL)
    {
      contact = reseau_contact_new ();
      changed = TRUE;
    }
  for (guint i = 0; i < plan->records->len; i++)
    changed |= reseau_import_merge (contact, ((ReseauImportRecord *)g_ptr_array_index (plan->records, i))->contact);
  return changed ? g_steal_pointer (&contact) : NULL;
}

/* Saves every plan; @ids gets the id of each plan's contact, 0 for one that is gone. */
static gboolean
commit_plans (ReseauImportJob  *self,
              const char       *date,
              GArray           *ids,
              GCancellable     *cancellable,
              GError          **error)
{
  for (guint i = 0; i < self->plans->len; i++)
    {
      ImportPlan *plan = g_ptr_array_index (self->plans, i);
      g_autoptr(ReseauContact) contact = NULL;
      GError *local_error = NULL;
      gint64 id = plan->existing_id;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      contact = contact_to_save (self, plan, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (contact != NULL && (id = reseau_store_save_contact (self->store, contact, date, error)) == 0)
        return FALSE;
      g_array_append_val (ids, id);
      if (plan->change != NULL)
        plan->change->contact_id = id;
      if ((i + 1) % RESEAU_IMPORT_PROGRESS_EVERY == 0)
        _reseau_import_job_report_progress (self, i + 1, self->plans->len);
    }
  return TRUE;
}

static gboolean
commit_all (ReseauImportJob  *self,
            GPtrArray        *new_circles,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autofree char *today = NULL;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->plans->len);
  const char *date = self->date;

  if (date == NULL)
    date = today = reseau_text_today ();
  /* The job's own connection, closed after the commit, gets a cache that holds most of a
   * large import's transaction (a bound, whatever the size of the import). */
  if (!_reseau_import_job_ensure_store (self, error) ||
      !reseau_store_set_cache_size (self->store, 64, error) ||
      !reseau_store_begin (self->store, error))
    return FALSE;
  if (!commit_plans (self, date, ids, cancellable, error) ||
      (self->create_circles && !_reseau_import_job_fill_circles (self, ids, new_circles, error)) ||
      !reseau_store_commit (self->store, error))
    {
      reseau_store_rollback (self->store);
      return FALSE;
    }
  return TRUE;
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReseauImportJob *self = source_object;
  g_autoptr(GPtrArray) new_circles = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  gboolean done = commit_all (self, new_circles, cancellable, &error);

  /* The result must find the database free: the caller may read it, or open the same
   * file, as soon as commit_finish() returns. */
  _reseau_import_job_release_store (self);
  if (!done)
    {
      g_task_return_error (task, error);
      return;
    }
  _reseau_import_summary_set_committed (self->summary, new_circles);
  _reseau_import_job_report_progress (self, self->plans->len, self->plans->len);
  g_task_return_pointer (task, g_object_ref (self->summary), g_object_unref);
}

/**
 * reseau_import_job_commit_async:
 * @import_rest: write the good records even though the summary lists bad ones
 *
 * Writes what prepare found, in one transaction: on error or cancellation nothing is
 * written. Updated contacts are saved with the import date, so that a new organisation or
 * title shows in their career history from that day.
 */
void
reseau_import_job_commit_async (ReseauImportJob     *self,
                                gboolean             import_rest,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RESEAU_IS_IMPORT_JOB (self));
  g_return_if_fail (!self->busy);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, reseau_import_job_commit_async);
  if (self->summary == NULL || self->plans == NULL || reseau_import_summary_get_committed (self->summary))
    {
      g_task_return_new_error (task, RESEAU_IMPORT_ERROR, RESEAU_IMPORT_ERROR_NOT_PREPARED,
                               _("There is nothing prepared to import"));
      return;
    }
  if (!import_rest && reseau_import_summary_get_n_skipped (self->summary) > 0)
    {
      guint n = reseau_import_summary_get_n_skipped (self->summary);

      g_task_return_new_error (task, RESEAU_IMPORT_ERROR, RESEAU_IMPORT_ERROR_BAD_RECORDS,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u record could not be read; nothing was imported",
                                            "%u records could not be read; nothing was imported", n),
                               n);
      return;
    }
  self->busy = TRUE;
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  self->progress_context = g_main_context_ref_thread_default ();
  g_task_run_in_thread (task, commit_thread);
}

/**
 * reseau_import_job_commit_finish:
 *
 * Returns: (transfer full): the summary, now with the ids of the contacts that changed jobs
 */
ReseauImportSummary *
reseau_import_job_commit_finish (ReseauImportJob  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  self->busy = FALSE;
  return g_task_propagate_pointer (G_TASK (result), error);
}
