/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-store.h"

G_BEGIN_DECLS

/* "At most N messages in D days" per contact (GSettings etiquette-max-messages and
 * etiquette-window-days; the caller reads them and passes the numbers in). */
typedef struct
{
  guint max_messages; /* 0: no cap */
  guint window_days;
} ReseauEtiquetteRule;

#define RESEAU_ETIQUETTE_DEFAULT_MAX_MESSAGES 2
#define RESEAU_ETIQUETTE_DEFAULT_WINDOW_DAYS  30

typedef struct
{
  gint64 contact_id;
  guint  n_messages; /* MESSAGE interactions within the window */
} ReseauEtiquetteEntry;

/* Contacts one more message would put over the cap, with their counts. */
typedef struct _ReseauEtiquetteResult ReseauEtiquetteResult;

/**
 * reseau_etiquette_check:
 * @ids: the contacts about to be written to
 * @today: the local date, YYYY-MM-DD; the window is the @window_days days ending today
 *
 * Counts each contact's MESSAGE interactions in the window (Réseau's own sends are such
 * interactions) and lists those who already had @max_messages or more.
 */
ReseauEtiquetteResult *reseau_etiquette_check       (ReseauStore                *store,
                                                     const ReseauEtiquetteRule  *rule,
                                                     const gint64               *ids,
                                                     guint                       n_ids,
                                                     const char                 *today,
                                                     GError                    **error);
guint                  reseau_etiquette_result_get_n_over   (ReseauEtiquetteResult *self);
/* Returns: (transfer none): the over-cap entries, fewest messages first then by id */
const ReseauEtiquetteEntry *reseau_etiquette_result_get_entries (ReseauEtiquetteResult *self,
                                                     guint                      *n_entries);
gboolean               reseau_etiquette_result_contains     (ReseauEtiquetteResult *self,
                                                             gint64                 contact_id);
/* The contact's count when over the cap, 0 otherwise. */
guint                  reseau_etiquette_result_get_count    (ReseauEtiquetteResult *self,
                                                             gint64                 contact_id);
/* "4 people were written to twice in the last 30 days" — one sentence per distinct count,
 * joined by newlines; NULL when nobody is over the cap. Translated. */
char                  *reseau_etiquette_result_describe     (ReseauEtiquetteResult *self,
                                                             const ReseauEtiquetteRule *rule);
void                   reseau_etiquette_result_free         (ReseauEtiquetteResult *self);

/* TRUE when @n_recipients is at least @threshold (GSettings large-segment-threshold; 0: never) — an unusually large segment
 * for a personal message; @message (translated) says so. */
gboolean               reseau_etiquette_is_large_segment    (guint                  n_recipients,
                                                             guint                  threshold,
                                                             char                 **message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauEtiquetteResult, reseau_etiquette_result_free)

G_END_DECLS
