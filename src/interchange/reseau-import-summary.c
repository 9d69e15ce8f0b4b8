/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-import-summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-import-summary-private.h"

/* What an import found (after prepare) and did (after commit). */
struct _ReseauImportSummary
{
  GObject    parent_instance;

  guint      n_added;
  guint      n_updated;
  guint      n_unchanged;
  GPtrArray *job_changes;   /* ReseauJobChange */
  GPtrArray *problems;      /* ReseauImportProblem */
  GPtrArray *categories;    /* char*, NULL-terminated */
  GPtrArray *new_circles;   /* char*, NULL-terminated */
  GString   *encoding_note;
  gboolean   committed;
};

G_DEFINE_FINAL_TYPE (ReseauImportSummary, reseau_import_summary, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (ReseauJobChange, reseau_job_change, reseau_job_change_copy, reseau_job_change_free)

ReseauJobChange *
reseau_job_change_copy (const ReseauJobChange *self)
{
  ReseauJobChange *copy = g_new0 (ReseauJobChange, 1);

  copy->contact_id = self->contact_id;
  copy->name = g_strdup (self->name);
  copy->old_organization = g_strdup (self->old_organization);
  copy->old_title = g_strdup (self->old_title);
  copy->new_organization = g_strdup (self->new_organization);
  copy->new_title = g_strdup (self->new_title);
  return copy;
}

void
reseau_job_change_free (ReseauJobChange *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->old_organization);
  g_free (self->old_title);
  g_free (self->new_organization);
  g_free (self->new_title);
  g_free (self);
}

static void
reseau_import_summary_finalize (GObject *object)
{
  ReseauImportSummary *self = RESEAU_IMPORT_SUMMARY (object);

  g_ptr_array_unref (self->job_changes);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->new_circles);
  g_string_free (self->encoding_note, TRUE);

  G_OBJECT_CLASS (reseau_import_summary_parent_class)->finalize (object);
}

static void
reseau_import_summary_class_init (ReseauImportSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reseau_import_summary_finalize;
}

static void
reseau_import_summary_init (ReseauImportSummary *self)
{
  self->job_changes = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_job_change_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_import_problem_free);
  self->categories = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  self->new_circles = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->encoding_note = g_string_new (NULL);
}

ReseauImportSummary *
_reseau_import_summary_new (void)
{
  return g_object_new (RESEAU_TYPE_IMPORT_SUMMARY, NULL);
}

guint
reseau_import_summary_get_n_added (ReseauImportSummary *self)
{
  g_return_val_if_fail (RESEAU_IS_IMPORT_SUMMARY (self), 0);
  return self->n_added;
}

guint
reseau_import_summary_get_n_updated (ReseauImportSummary *self)
{
  g_return_val_if_fail (RESEAU_IS_IMPORT_SUMMARY (self), 0);
  return self->n_updated;
}

/* Records that matched a contact and brought nothing new. */
guint
reseau_import_summary_get_n_unchanged (ReseauImportSummary *self)
{
  g_return_val_if_fail (RESEAU_IS_IMPORT_SUMMARY (self), 0);
  return self->n_unchanged;
}

/* Records left out because they could not be read; importing needs "import the rest". */
guint
reseau_import_summary_get_n_skipped (ReseauImportSummary *self)
{
  guint n = 0;

  g_return_val_if_fail (RESEAU_IS_IMPORT_SUMMARY (self), 0);
  for (guint i = 0; i < self->problems->len; i++)
    n += ((ReseauImportProblem *)g_ptr_array_index (self->problems, i))->skipped;
  return n;
}

/**
 * reseau_import_summary_get_job_changes:
 *
 * Returns: (transfer none) (element-type ReseauJobChange): contacts whose organisation or
 *   title the import changes, with their ids once committed
 */
GPtrArray *
reseau_import_summary_get_job_changes (ReseauImportSummary *self)
{
  g_return_val_if_fail (RESEAU_IS_IMPORT_SUMMARY (self), NULL);
  return self->job_changes;
}

/**
 * reseau_import_summary_get_problems:
 *
 * Returns: (transfer none) (element-type ReseauImportProblem): bad records and partly read
 *   ones, each message naming the file and the line
 */
GPtrArray *
reseau_import_summary_get_problems (ReseauImportSummary *self)
{
  g_return_val_if_fail (RESEAU_IS_IMPORT_SUMMARY (self), NULL);
  return self->problems;
}

/* The categories (vCard CATEGORIES, CSV labels) found, to be offered as circles. */
const char * const *
reseau_import_summary_get_categories (ReseauImportSummary *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (RESEAU_IS_IMPORT_SUMMARY (self), NULL);
  return self->categories->pdata != NULL ? (const char * const *)self->categories->pdata : none;
}

/* After a commit that created circles from the categories (see
 * reseau_import_job_set_create_circles()): their names, sorted; empty otherwise. */
const char * const *
reseau_import_summary_get_new_circles (ReseauImportSummary *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (RESEAU_IS_IMPORT_SUMMARY (self), NULL);
  return self->new_circles->pdata != NULL ? (const char * const *)self->new_circles->pdata : none;
}

/* A translated sentence when a file was not UTF-8 and was read as another encoding, or %NULL. */
const char *
reseau_import_summary_get_encoding_note (ReseauImportSummary *self)
{
  g_return_val_if_fail (RESEAU_IS_IMPORT_SUMMARY (self), NULL);
  return self->encoding_note->len > 0 ? self->encoding_note->str : NULL;
}

gboolean
reseau_import_summary_get_committed (ReseauImportSummary *self)
{
  g_return_val_if_fail (RESEAU_IS_IMPORT_SUMMARY (self), FALSE);
  return self->committed;
}

static const char *
or_none (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : _("(none)");
}

/* The summary as the command line prints it: counts, each job change, the encoding note.
 * The problems are left to the caller, which may print them as warnings apart. */
char *
reseau_import_summary_to_string (ReseauImportSummary *self)
{
  GString *out = g_string_new (NULL);
  guint n_changes;

  g_return_val_if_fail (RESEAU_IS_IMPORT_SUMMARY (self), NULL);

  n_changes = self->job_changes->len;
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u contact added", "%u contacts added",
                                            self->n_added), self->n_added);
  g_string_append (out, "\n");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u contact updated",
                                            "%u contacts updated", self->n_updated),
                          self->n_updated);
  g_string_append (out, "\n");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u changed job", "%u changed jobs",
                                            n_changes), n_changes);
  g_string_append (out, "\n");
  for (guint i = 0; i < n_changes; i++)
    {
      ReseauJobChange *c = g_ptr_array_index (self->job_changes, i);

      /* Translators: a contact's name, old title and organisation, new title and organisation. */
      g_string_append_printf (out, _("  %s: %s, %s → %s, %s\n"), c->name,
                              or_none (c->old_title), or_none (c->old_organization),
                              or_none (c->new_title), or_none (c->new_organization));
    }
  if (self->new_circles->len > 0)
    {
      g_autofree char *names = g_strjoinv (", ", (char **)self->new_circles->pdata);

      /* Translators: then a list of circle names. */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u circle created: %s",
                                                "%u circles created: %s", self->new_circles->len),
                              self->new_circles->len, names);
      g_string_append (out, "\n");
    }
  if (self->encoding_note->len > 0)
    g_string_append_printf (out, "%s\n", self->encoding_note->str);
  return g_string_free (out, FALSE);
}

void
_reseau_import_summary_set_counts (ReseauImportSummary *self,
                                   guint                n_added,
                                   guint                n_updated,
                                   guint                n_unchanged)
{
  self->n_added = n_added;
  self->n_updated = n_updated;
  self->n_unchanged = n_unchanged;
}

void
_reseau_import_summary_add_problem (ReseauImportSummary *self,
                                    const char          *file,
                                    ReseauImportProblem *problem)
{
  GError *error = g_error_new (problem->error->domain, problem->error->code, "%s: %s", file,
                               problem->error->message);

  g_ptr_array_add (self->problems, reseau_import_problem_new (problem->line, problem->skipped, error));
}

void
_reseau_import_summary_add_job_change (ReseauImportSummary *self,
                                       ReseauJobChange     *change)
{
  g_ptr_array_add (self->job_changes, change);
}

void
_reseau_import_summary_add_category (ReseauImportSummary *self,
                                     const char          *category)
{
  if (!g_strv_contains (reseau_import_summary_get_categories (self), category))
    g_ptr_array_add (self->categories, g_strdup (category));
}

void
_reseau_import_summary_add_encoding (ReseauImportSummary *self,
                                     const char          *file,
                                     const char          *encoding)
{
  if (self->encoding_note->len > 0)
    g_string_append_c (self->encoding_note, '\n');
  /* Translators: a file name, then an encoding such as "Windows-1252". */
  g_string_append_printf (self->encoding_note,
                          _("%s is not UTF-8: it was read as %s; check accented letters."),
                          file, encoding);
}

void
_reseau_import_summary_set_committed (ReseauImportSummary *self,
                                      GPtrArray           *new_circles)
{
  self->committed = TRUE;
  g_ptr_array_sort_values (new_circles, (GCompareFunc)g_utf8_collate);
  for (guint i = 0; i < new_circles->len; i++)
    g_ptr_array_add (self->new_circles, g_strdup (g_ptr_array_index (new_circles, i)));
}
