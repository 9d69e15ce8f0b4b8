/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-import-job.h"
#include "reseau-import-summary-private.h"
#include "reseau-store.h"

G_BEGIN_DECLS

/* Shared by reseau-import-job.c (prepare) and reseau-import-job-commit.c (commit). */
struct _ReseauImportJob
{
  GObject              parent_instance;

  char                *store_path;
  char                *date;
  ReseauStore         *store;
  GPtrArray           *plans;      /* ImportPlan, in the order the people first appear */
  ReseauImportSummary *summary;
  gboolean             busy;
  gboolean             create_circles;

  ReseauImportProgressFunc progress_func;
  gpointer             progress_data;
  GDestroyNotify       progress_destroy;
  GMainContext        *progress_context;

  GHashTable          *csv_mappings;  /* file parse name → GArray of ReseauCsvColumn */
};

/* One contact the import adds (@existing_id 0) or updates, with the records merged into it. */
typedef struct
{
  gint64           existing_id;
  GPtrArray       *records;   /* ReseauImportRecord */
  ReseauContact   *preview;
  gboolean         changed;
  char            *old_organization;
  char            *old_title;
  ReseauJobChange *change;    /* owned by the summary, or NULL */
} ImportPlan;

#define RESEAU_IMPORT_PROGRESS_EVERY 200

void     _reseau_import_plan_free           (ImportPlan       *plan);
gboolean _reseau_import_job_ensure_store    (ReseauImportJob  *self,
                                             GError          **error);
void     _reseau_import_job_release_store   (ReseauImportJob  *self);
gboolean _reseau_import_job_fill_circles    (ReseauImportJob  *self,
                                             GArray           *ids,
                                             GPtrArray        *created,
                                             GError          **error);
gboolean _reseau_import_looks_like_vcard    (GInputStream     *stream,
                                             GCancellable     *cancellable,
                                             GError          **error);
void     _reseau_import_job_report_progress (ReseauImportJob  *self,
                                             guint64           done,
                                             guint64           total);

G_END_DECLS
