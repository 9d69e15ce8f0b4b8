/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "reseau-import-record.h"

G_BEGIN_DECLS

/* A contact whose organisation or title the import changes; @contact_id is 0 until the
 * import is committed for a contact the import creates (it never does for a job change). */
typedef struct
{
  gint64  contact_id;
  char   *name;
  char   *old_organization;
  char   *old_title;
  char   *new_organization;
  char   *new_title;
} ReseauJobChange;

#define RESEAU_TYPE_JOB_CHANGE (reseau_job_change_get_type ())

GType            reseau_job_change_get_type (void) G_GNUC_CONST;
ReseauJobChange *reseau_job_change_copy     (const ReseauJobChange *self);
void             reseau_job_change_free     (ReseauJobChange       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauJobChange, reseau_job_change_free)

#define RESEAU_TYPE_IMPORT_SUMMARY (reseau_import_summary_get_type ())

G_DECLARE_FINAL_TYPE (ReseauImportSummary, reseau_import_summary, RESEAU, IMPORT_SUMMARY, GObject)

guint               reseau_import_summary_get_n_added      (ReseauImportSummary *self);
guint               reseau_import_summary_get_n_updated    (ReseauImportSummary *self);
guint               reseau_import_summary_get_n_unchanged  (ReseauImportSummary *self);
guint               reseau_import_summary_get_n_skipped    (ReseauImportSummary *self);
GPtrArray          *reseau_import_summary_get_job_changes  (ReseauImportSummary *self);
GPtrArray          *reseau_import_summary_get_problems     (ReseauImportSummary *self);
const char * const *reseau_import_summary_get_categories   (ReseauImportSummary *self);
const char * const *reseau_import_summary_get_new_circles  (ReseauImportSummary *self);
const char         *reseau_import_summary_get_encoding_note (ReseauImportSummary *self);
gboolean            reseau_import_summary_get_committed    (ReseauImportSummary *self);
char               *reseau_import_summary_to_string        (ReseauImportSummary *self);

G_END_DECLS
