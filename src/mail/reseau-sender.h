/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Returns the current time, Unix seconds UTC: tests pass their own. */
typedef gint64 (*ReseauClockFunc) (gpointer user_data);

#define RESEAU_SENDER_DEFAULT_THROTTLE     20 /* messages per minute per account */
#define RESEAU_SENDER_DEFAULT_MAX_ATTEMPTS 5

/* What one run did. */
typedef struct
{
  guint      n_sent;
  guint      n_failed_temporary; /* will be retried */
  guint      n_failed_permanent;
  guint      n_unconfirmed;      /* left "sending" by an earlier run that died, or not
                                  * confirmed by a server that had the whole message */
  guint      n_paused;           /* campaigns paused by an account problem */
  gint64     next_due;           /* when something becomes due next (0: nothing) */
  GPtrArray *problems;           /* (element-type utf8): translated, one per paused campaign */
} ReseauSendSummary;

void reseau_send_summary_free (ReseauSendSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauSendSummary, reseau_send_summary_free)

#define RESEAU_TYPE_SENDER (reseau_sender_get_type ())

G_DECLARE_FINAL_TYPE (ReseauSender, reseau_sender, RESEAU, SENDER, GObject)

/**
 * ReseauSender:
 *
 * Sends what is due, in a worker thread with its own connection to the database at
 * @store_path (WAL journal, busy timeout: the window's connection keeps working).
 *
 * A run first turns every recipient left "sending" by a run that died into "unconfirmed"
 * (never lost, never silently sent twice), then, for each due campaign, one recipient at a
 * time: waits for the account's throttle, commits "sending", renders and builds the
 * message, hands it to the server over one connection kept for the whole campaign, and
 * commits "sent" with the interaction on the contact's card only after the server's final
 * 250. A refused recipient (5xx, invalid address, CR/LF in a header) fails for good alone;
 * a temporary failure (4xx, dropped connection, timeout) is retried later with backoff (1,
 * 5, 15, 60 minutes) until max-attempts; a login, certificate or connection problem pauses
 * the campaign with the reason and leaves its recipients queued. Only one sender runs per
 * database at a time (a lock beside the file), across processes.
 *
 * Signals are emitted on the thread-default main context of the caller of
 * reseau_sender_run_async():
 *
 *   "progress" (gint64 campaign_id, guint n_done, guint n_total)
 *   "campaign-changed" (gint64 campaign_id): its state or a recipient's changed
 */
ReseauSender      *reseau_sender_new                (const char          *store_path);
void               reseau_sender_set_throttle       (ReseauSender        *self,
                                                     guint                per_minute);
void               reseau_sender_set_max_attempts   (ReseauSender        *self,
                                                     guint                max_attempts);
void               reseau_sender_set_clock          (ReseauSender        *self,
                                                     ReseauClockFunc      clock,
                                                     gpointer             user_data);
/* The transport's connect and idle timeouts in seconds (0: its defaults, 30 and 60). */
void               reseau_sender_set_timeouts       (ReseauSender        *self,
                                                     guint                connect_seconds,
                                                     guint                idle_seconds);
/* TRUE: leave alone the campaigns not started yet and more than 12 hours late
 * (reseau_outbox_late_campaigns()), for the user to decide at start-up. Default FALSE. */
void               reseau_sender_set_skip_late      (ReseauSender        *self,
                                                     gboolean             skip_late);
/* Only this campaign (0: every due one). */
void               reseau_sender_set_campaign       (ReseauSender        *self,
                                                     gint64               campaign_id);
gboolean           reseau_sender_is_running         (ReseauSender        *self);
void               reseau_sender_run_async          (ReseauSender        *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ReseauSendSummary *reseau_sender_run_finish         (ReseauSender        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
