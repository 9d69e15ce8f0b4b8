/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-import-record"

#include "config.h"

#include "reseau-import-record.h"

G_DEFINE_BOXED_TYPE (ReseauImportRecord, reseau_import_record,
                     reseau_import_record_copy, reseau_import_record_free)

G_DEFINE_BOXED_TYPE (ReseauImportProblem, reseau_import_problem,
                     reseau_import_problem_copy, reseau_import_problem_free)

/* Takes a reference on @contact and copies @categories (which may be %NULL). */
ReseauImportRecord *
reseau_import_record_new (ReseauContact      *contact,
                          const char * const *categories,
                          guint               line)
{
  ReseauImportRecord *self;

  g_return_val_if_fail (RESEAU_IS_CONTACT (contact), NULL);

  self = g_new0 (ReseauImportRecord, 1);
  self->contact = g_object_ref (contact);
  self->categories = categories ? g_strdupv ((char **)categories) : g_new0 (char *, 1);
  self->line = line;
  return self;
}

ReseauImportRecord *
reseau_import_record_copy (const ReseauImportRecord *self)
{
  return reseau_import_record_new (self->contact, (const char * const *)self->categories,
                                   self->line);
}

void
reseau_import_record_free (ReseauImportRecord *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->contact);
  g_strfreev (self->categories);
  g_free (self);
}

/* Takes ownership of @error. */
ReseauImportProblem *
reseau_import_problem_new (guint     line,
                           gboolean  skipped,
                           GError   *error)
{
  ReseauImportProblem *self;

  g_return_val_if_fail (error != NULL, NULL);

  self = g_new0 (ReseauImportProblem, 1);
  self->line = line;
  self->skipped = skipped;
  self->error = error;
  return self;
}

ReseauImportProblem *
reseau_import_problem_copy (const ReseauImportProblem *self)
{
  return reseau_import_problem_new (self->line, self->skipped, g_error_copy (self->error));
}

void
reseau_import_problem_free (ReseauImportProblem *self)
{
  if (self == NULL)
    return;
  g_clear_error (&self->error);
  g_free (self);
}

/*
 * _reseau_import_collect:
 * @problems: (out) (optional): receives a reference to @reader_problems
 *
 * Reads every record a reader yields: what the vCard and CSV readers' read_all() share.
 *
 * Returns: (transfer container) (element-type ReseauImportRecord): the good records, or
 *   %NULL when the reading stopped on an error.
 */
GPtrArray *
_reseau_import_collect (gpointer               reader,
                        ReseauImportNextFunc   next,
                        GPtrArray             *reader_problems,
                        GPtrArray            **problems,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_import_record_free);
  g_autoptr(GError) local_error = NULL;
  ReseauImportRecord *record;

  while ((record = next (reader, cancellable, &local_error)) != NULL)
    g_ptr_array_add (records, record);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (problems != NULL)
    *problems = g_ptr_array_ref (reader_problems);
  return g_steal_pointer (&records);
}
