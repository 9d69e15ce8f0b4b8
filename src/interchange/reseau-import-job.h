/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "reseau-import-summary.h"

G_BEGIN_DECLS

#define RESEAU_IMPORT_ERROR (reseau_import_error_quark ())

typedef enum
{
  RESEAU_IMPORT_ERROR_NOTHING_TO_IMPORT,  /* no file held a single readable record */
  RESEAU_IMPORT_ERROR_BAD_RECORDS,        /* commit refused: bad records, and not "import the rest" */
  RESEAU_IMPORT_ERROR_NOT_PREPARED,
} ReseauImportError;

/* @done and @total are bytes while reading, then records while committing. */
typedef void (*ReseauImportProgressFunc) (guint64  done,
                                          guint64  total,
                                          gpointer user_data);

#define RESEAU_TYPE_IMPORT_JOB (reseau_import_job_get_type ())

G_DECLARE_FINAL_TYPE (ReseauImportJob, reseau_import_job, RESEAU, IMPORT_JOB, GObject)

GQuark               reseau_import_error_quark          (void);
ReseauImportJob     *reseau_import_job_new              (const char                *store_path);
void                 reseau_import_job_set_date         (ReseauImportJob           *self,
                                                         const char                *date);
/* Off by default. When on, the commit puts the people of the files in circles named after
 * their categories (vCard CATEGORIES, a CSV's labels or groups; see
 * reseau_import_summary_get_categories()): a circle of the same name ignoring case and
 * accents is reused, others are created, all in the import's transaction; then
 * reseau_import_summary_get_new_circles() names the circles created. Set before commit. */
void                 reseau_import_job_set_create_circles (ReseauImportJob         *self,
                                                           gboolean                 create_circles);
void                 reseau_import_job_set_csv_mapping (ReseauImportJob          *self,
                                                        GFile                    *file,
                                                        GArray                   *mapping);
void                 reseau_import_job_set_progress_func (ReseauImportJob          *self,
                                                          ReseauImportProgressFunc  func,
                                                          gpointer                  user_data,
                                                          GDestroyNotify            destroy);
void                 reseau_import_job_prepare_async    (ReseauImportJob           *self,
                                                         GFile                    **files,
                                                         guint                      n_files,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
ReseauImportSummary *reseau_import_job_prepare_finish   (ReseauImportJob           *self,
                                                         GAsyncResult              *result,
                                                         GError                   **error);
void                 reseau_import_job_commit_async     (ReseauImportJob           *self,
                                                         gboolean                   import_rest,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
ReseauImportSummary *reseau_import_job_commit_finish    (ReseauImportJob           *self,
                                                         GAsyncResult              *result,
                                                         GError                   **error);

G_END_DECLS
