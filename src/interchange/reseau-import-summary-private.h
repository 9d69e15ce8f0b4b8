/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-import-summary.h"

G_BEGIN_DECLS

/* For ReseauImportJob, which fills the summary in. */
ReseauImportSummary *_reseau_import_summary_new            (void);
void                 _reseau_import_summary_set_counts     (ReseauImportSummary *self,
                                                            guint                n_added,
                                                            guint                n_updated,
                                                            guint                n_unchanged);
void                 _reseau_import_summary_add_problem    (ReseauImportSummary *self,
                                                            const char          *file,
                                                            ReseauImportProblem *problem);
void                 _reseau_import_summary_add_job_change (ReseauImportSummary *self,
                                                            ReseauJobChange     *change);
void                 _reseau_import_summary_add_category   (ReseauImportSummary *self,
                                                            const char          *category);
void                 _reseau_import_summary_add_encoding   (ReseauImportSummary *self,
                                                            const char          *file,
                                                            const char          *encoding);
void                 _reseau_import_summary_set_committed  (ReseauImportSummary *self,
                                                            GPtrArray           *new_circles);

G_END_DECLS
