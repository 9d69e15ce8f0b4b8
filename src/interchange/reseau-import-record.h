/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-contact.h"

G_BEGIN_DECLS

/* A reader stops with an error after this many records, so that a huge file cannot exhaust
 * memory through the records it yields; each record is bounded by the reader's own limits. */
#define RESEAU_IMPORT_MAX_RECORDS 100000

/* One contact read from a file, with what ReseauContact does not hold: the circles the file
 * put it in (vCard CATEGORIES, Google labels, Outlook categories) and the line it starts on. */
typedef struct
{
  ReseauContact *contact;
  GStrv          categories;
  guint          line;
} ReseauImportRecord;

/* A record that could not be read (@skipped) or that was read without some part of it (a
 * photo too large, a date that is not one). @error's message names the line and the reason. */
typedef struct
{
  guint     line;
  gboolean  skipped;
  GError   *error;
} ReseauImportProblem;

#define RESEAU_TYPE_IMPORT_RECORD  (reseau_import_record_get_type ())
#define RESEAU_TYPE_IMPORT_PROBLEM (reseau_import_problem_get_type ())

GType                reseau_import_record_get_type  (void) G_GNUC_CONST;
ReseauImportRecord  *reseau_import_record_new       (ReseauContact             *contact,
                                                     const char * const        *categories,
                                                     guint                      line);
ReseauImportRecord  *reseau_import_record_copy      (const ReseauImportRecord  *self);
void                 reseau_import_record_free      (ReseauImportRecord        *self);

GType                reseau_import_problem_get_type (void) G_GNUC_CONST;
ReseauImportProblem *reseau_import_problem_new      (guint                      line,
                                                     gboolean                   skipped,
                                                     GError                    *error);
ReseauImportProblem *reseau_import_problem_copy     (const ReseauImportProblem *self);
void                 reseau_import_problem_free     (ReseauImportProblem       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauImportRecord, reseau_import_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauImportProblem, reseau_import_problem_free)

/* Yields a reader's next good record, or NULL at the end or with @error set. */
typedef ReseauImportRecord *(*ReseauImportNextFunc) (gpointer       reader,
                                                     GCancellable  *cancellable,
                                                     GError       **error);

GPtrArray           *_reseau_import_collect         (gpointer                   reader,
                                                     ReseauImportNextFunc       next,
                                                     GPtrArray                 *reader_problems,
                                                     GPtrArray                **problems,
                                                     GCancellable              *cancellable,
                                                     GError                   **error);

G_END_DECLS
