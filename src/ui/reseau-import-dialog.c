/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-import-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "reseau-csv-preview.h"
#include "reseau-import-dialog.h"
#include "reseau-import-job.h"
#include "reseau-import-mapping.h"

/* Importing vCard and CSV files: each CSV whose header is not recognised first gets a
 * column-mapping step; then the job reads everything (prepare) and the summary says what
 * an import would do; nothing is written until Import, and then all in one transaction,
 * which Cancel rolls back. */

#define PREVIEW_ROWS 5

struct _ReseauImportDialog
{
  AdwDialog             parent_instance;

  ReseauImportJob      *job;
  GPtrArray            *files;        /* GFile */
  guint                 next_file;    /* the next file to look at for a column mapping */
  GCancellable         *cancellable;  /* while reading, mapping or committing */
  ReseauImportSummary  *summary;      /* once prepared */
  gboolean              closed;

  GtkStack             *stack;
  GtkButton            *cancel_button;
  GtkButton            *import_button;
  GtkWidget            *continue_button;
  GtkLabel             *working_label;
  GtkProgressBar       *progress_bar;
  ReseauImportMapping  *mapping;
  AdwActionRow         *added_row;
  AdwActionRow         *updated_row;
  AdwActionRow         *unchanged_row;
  AdwActionRow         *encoding_row;
  AdwPreferencesGroup  *jobs_group;
  AdwPreferencesGroup  *skipped_group;
  AdwPreferencesGroup  *partial_group;
  AdwPreferencesGroup  *circles_group;
  AdwSwitchRow         *circles_row;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (ReseauImportDialog, reseau_import_dialog, ADW_TYPE_DIALOG)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void look_for_csv (ReseauImportDialog *self);

static void
show_page (ReseauImportDialog *self,
           const char         *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->continue_button, g_str_equal (name, "mapping"));
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), g_str_equal (name, "summary"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", g_str_equal (name, "summary"));
}

static void
show_working (ReseauImportDialog *self,
              const char         *text)
{
  gtk_label_set_label (self->working_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  show_page (self, "working");
}

static void
show_error (ReseauImportDialog *self,
            const GError       *error)
{
  g_clear_object (&self->cancellable);
  adw_status_page_set_description (self->error_page, error->message);
  show_page (self, "error");
  gtk_button_set_label (self->cancel_button, _("_Close"));
}

/* The job calls this in the main context; the dialog may be gone by then. */
static void
progress_cb (guint64  done,
             guint64  total,
             gpointer data)
{
  g_autoptr(ReseauImportDialog) self = g_weak_ref_get (data);

  if (self != NULL && total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double)done / total));
}

/* Summary ---------------------------------------------------------------------------------- */

static void
set_count_row (AdwActionRow *row,
               char         *title,
               guint         n)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_visible (GTK_WIDGET (row), n > 0);
  g_free (title);
}

static char *
describe_job (const char *title,
              const char *organization)
{
  if (title[0] != '\0' && organization[0] != '\0')
    /* Translators: a job title and the organisation, as in "Designer, Acme". */
    return g_strdup_printf (_("%s, %s"), title, organization);
  if (title[0] != '\0' || organization[0] != '\0')
    return g_strdup (title[0] != '\0' ? title : organization);
  return g_strdup (_("Unknown"));
}

static void
add_job_row (ReseauImportDialog *self,
             ReseauJobChange    *change)
{
  g_autofree char *before = describe_job (change->old_title, change->old_organization);
  g_autofree char *after = describe_job (change->new_title, change->new_organization);
  g_autofree char *subtitle = g_strdup_printf ("%s → %s", before, after);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("briefcase-symbolic"));
  adw_preferences_group_add (self->jobs_group, row);
}

/* Problem messages start with the file's full path: the row says it once, shorter. */
static void
add_problem_row (ReseauImportDialog  *self,
                 ReseauImportProblem *problem)
{
  const char *message = problem->error->message;
  GtkWidget *row = adw_action_row_new ();

  for (guint i = 0; i < self->files->len; i++)
    {
      g_autofree char *name = g_file_get_parse_name (g_ptr_array_index (self->files, i));

      if (g_str_has_prefix (message, name) && g_str_has_prefix (message + strlen (name), ": "))
        {
          g_autofree char *base = g_file_get_basename (g_ptr_array_index (self->files, i));

          message += strlen (name) + 2;
          if (self->files->len > 1)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), base);
          break;
        }
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  adw_preferences_group_add (problem->skipped ? self->skipped_group : self->partial_group, row);
}

static void
show_counts (ReseauImportDialog  *self,
             ReseauImportSummary *summary)
{
  guint n_added = reseau_import_summary_get_n_added (summary);
  guint n_updated = reseau_import_summary_get_n_updated (summary);
  guint n_unchanged = reseau_import_summary_get_n_unchanged (summary);
  const char *note = reseau_import_summary_get_encoding_note (summary);

  set_count_row (self->added_row, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new contact",
                                                                "%u new contacts", n_added), n_added), n_added);
  set_count_row (self->updated_row, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact to update",
                                                                  "%u contacts to update", n_updated), n_updated),
                 n_updated);
  set_count_row (self->unchanged_row, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact already up to date",
                                                                    "%u contacts already up to date", n_unchanged),
                                                       n_unchanged), n_unchanged);
  adw_action_row_set_subtitle (self->encoding_row, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), note != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), n_added + n_updated > 0);
}

static void
show_summary (ReseauImportDialog  *self,
              ReseauImportSummary *summary)
{
  GPtrArray *changes = reseau_import_summary_get_job_changes (summary);
  GPtrArray *problems = reseau_import_summary_get_problems (summary);
  const char * const *categories = reseau_import_summary_get_categories (summary);
  guint n_partial = 0;

  show_counts (self, summary);
  for (guint i = 0; i < changes->len; i++)
    add_job_row (self, g_ptr_array_index (changes, i));
  gtk_widget_set_visible (GTK_WIDGET (self->jobs_group), changes->len > 0);
  for (guint i = 0; i < problems->len; i++)
    {
      ReseauImportProblem *problem = g_ptr_array_index (problems, i);

      add_problem_row (self, problem);
      n_partial += !problem->skipped;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), reseau_import_summary_get_n_skipped (summary) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->partial_group), n_partial > 0);

  if (categories[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **)categories);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->circles_row), list);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->circles_group), categories[0] != NULL);

  gtk_button_set_label (self->import_button, reseau_import_summary_get_n_skipped (summary) > 0
                                             ? _("_Import the Rest") : _("_Import"));
  show_page (self, "summary");
}

/* Prepare and commit ------------------------------------------------------------------------ */

static gboolean
handle_error (ReseauImportDialog *self,
              GError             *error)
{
  if (error == NULL)
    return FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (!self->closed)
        adw_dialog_force_close (ADW_DIALOG (self));
    }
  else
    show_error (self, error);
  return TRUE;
}

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(ReseauImportDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauImportSummary) summary = reseau_import_job_prepare_finish (RESEAU_IMPORT_JOB (object), result, &error);

  if (handle_error (self, error) || self->closed)
    return;
  g_clear_object (&self->cancellable);
  g_set_object (&self->summary, summary);
  show_summary (self, summary);
}

static void
prepare (ReseauImportDialog *self)
{
  show_working (self, g_dngettext (GETTEXT_PACKAGE, "Reading the file…", "Reading the files…", self->files->len));
  reseau_import_job_prepare_async (self->job, (GFile **)self->files->pdata, self->files->len,
                                   self->cancellable, prepared_cb, g_object_ref (self));
}

static void
committed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(ReseauImportDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauImportSummary) summary = reseau_import_job_commit_finish (RESEAU_IMPORT_JOB (object), result, &error);

  if (handle_error (self, error))
    return;
  g_signal_emit (self, signals[IMPORTED], 0, summary);
  if (!self->closed)
    adw_dialog_force_close (ADW_DIALOG (self));
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReseauImportDialog *self = RESEAU_IMPORT_DIALOG (widget);

  g_return_if_fail (self->summary != NULL);
  show_working (self, _("Importing…"));
  reseau_import_job_set_create_circles (self->job, gtk_widget_get_visible (GTK_WIDGET (self->circles_group)) &&
                                                   adw_switch_row_get_active (self->circles_row));
  reseau_import_job_commit_async (self->job, reseau_import_summary_get_n_skipped (self->summary) > 0,
                                  self->cancellable, committed_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReseauImportDialog *self = RESEAU_IMPORT_DIALOG (widget);

  /* Whatever runs stops and its callback closes the dialog, the database as it was. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    adw_dialog_force_close (ADW_DIALOG (self));
}

/* Column mapping ------------------------------------------------------------------------------ */

static void
preview_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(ReseauImportDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauCsvPreview) preview = reseau_csv_preview_finish (result, &error);
  g_autofree char *name = NULL;

  if (handle_error (self, error) || self->closed)
    return;
  if (preview == NULL || preview->format != RESEAU_CSV_FORMAT_GENERIC)
    {
      self->next_file++;
      look_for_csv (self);
      return;
    }
  name = g_file_get_basename (g_ptr_array_index (self->files, self->next_file));
  reseau_import_mapping_set_preview (self->mapping, name, preview);
  g_clear_object (&self->cancellable);
  show_page (self, "mapping");
}

/* Each file is looked at in turn; a CSV of an unknown shape stops for its column mapping. */
static void
look_for_csv (ReseauImportDialog *self)
{
  if (self->next_file >= self->files->len)
    {
      prepare (self);
      return;
    }
  show_working (self, g_dngettext (GETTEXT_PACKAGE, "Reading the file…", "Reading the files…", self->files->len));
  reseau_csv_preview_async (g_ptr_array_index (self->files, self->next_file), PREVIEW_ROWS,
                            self->cancellable, preview_cb, g_object_ref (self));
}

static void
mapping_changed_cb (ReseauImportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.continue",
                                 reseau_import_mapping_has_name (self->mapping));
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  ReseauImportDialog *self = RESEAU_IMPORT_DIALOG (widget);
  g_autoptr(GArray) mapping = reseau_import_mapping_get_mapping (self->mapping);

  reseau_import_job_set_csv_mapping (self->job, g_ptr_array_index (self->files, self->next_file), mapping);
  self->next_file++;
  look_for_csv (self);
}

/* GObject ------------------------------------------------------------------------------------- */

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Closing the dialog stops the work; a commit under way rolls back. */
static void
reseau_import_dialog_closed (AdwDialog *dialog)
{
  ReseauImportDialog *self = RESEAU_IMPORT_DIALOG (dialog);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (ADW_DIALOG_CLASS (reseau_import_dialog_parent_class)->closed != NULL)
    ADW_DIALOG_CLASS (reseau_import_dialog_parent_class)->closed (dialog);
}

static void
reseau_import_dialog_dispose (GObject *object)
{
  ReseauImportDialog *self = RESEAU_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->job);
  g_clear_object (&self->summary);
  g_clear_pointer (&self->files, g_ptr_array_unref);

  G_OBJECT_CLASS (reseau_import_dialog_parent_class)->dispose (object);
}

static void
reseau_import_dialog_class_init (ReseauImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_import_dialog_dispose;
  ADW_DIALOG_CLASS (klass)->closed = reseau_import_dialog_closed;

  /* The import is committed; @summary says what it did. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, RESEAU_TYPE_IMPORT_SUMMARY);

  g_type_ensure (RESEAU_TYPE_IMPORT_MAPPING);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, continue_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, working_label);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, mapping);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, added_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, updated_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, unchanged_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, jobs_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, partial_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, circles_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, circles_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, mapping_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
}

static void
reseau_import_dialog_init (ReseauImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * reseau_import_dialog_new:
 * @files: (array length=n_files): vCard or CSV files
 *
 * Starts reading @files at once; the dialog asks before anything is written.
 */
ReseauImportDialog *
reseau_import_dialog_new (const char  *store_path,
                          GFile      **files,
                          guint        n_files)
{
  ReseauImportDialog *self;
  GWeakRef *ref;

  g_return_val_if_fail (store_path != NULL && n_files > 0, NULL);

  self = g_object_new (RESEAU_TYPE_IMPORT_DIALOG, NULL);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->files, g_object_ref (files[i]));
  self->job = reseau_import_job_new (store_path);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  reseau_import_job_set_progress_func (self->job, progress_cb, ref, weak_ref_free);
  look_for_csv (self);
  return self;
}
