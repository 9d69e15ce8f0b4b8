/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "reseau-import-job.h"

G_BEGIN_DECLS

/* Running import jobs against real database files, shared by the import tests. */

/* A test's temporary folder, and the empty database in it. */
typedef struct
{
  char *dir;
  char *db;
} ImportTestFixture;

void                 import_test_fixture_set_up    (ImportTestFixture *f,
                                                    gconstpointer      data);
void                 import_test_fixture_tear_down (ImportTestFixture *f,
                                                    gconstpointer      data);

char                *import_test_make_dir      (void);
void                 import_test_remove_dir    (const char       *dir);
GFile               *import_test_write_file    (const char       *dir,
                                                const char       *name,
                                                const char       *text);
GFile               *import_test_fixture_file  (const char       *kind,
                                                const char       *name);
void                 import_test_result_cb     (GObject          *source,
                                                GAsyncResult     *result,
                                                gpointer          data);
GAsyncResult        *import_test_wait          (GAsyncResult    **slot);
ReseauImportSummary *import_test_prepare       (ReseauImportJob  *job,
                                                GFile           **files,
                                                guint             n_files,
                                                GError          **error);
ReseauImportSummary *import_test_commit        (ReseauImportJob  *job,
                                                gboolean          import_rest,
                                                GCancellable     *cancellable,
                                                GError          **error);
ReseauImportSummary *import_test_import        (const char       *db,
                                                GFile           **files,
                                                guint             n_files,
                                                const char       *date);
void                 import_test_cancel_cb     (guint64           done,
                                                guint64           total,
                                                gpointer          cancellable);
char                *import_test_dump          (const char       *db);
guint                import_test_count_contacts (const char      *db);
char                *import_test_integrity     (const char       *db);
char                *import_test_generate_cards (guint            n);

G_END_DECLS
