/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-store.h"

G_BEGIN_DECLS

/* The persistent side of sending mail (schema v4): sending accounts (never their
 * password, which lives in the keyring only), campaigns, the snapshot of each campaign's
 * recipients with the state of each message, and a log of sends per account for the
 * throttle. Toolkit-free and network-free: src/mail builds on it. Times are Unix seconds,
 * UTC. */

typedef enum
{
  RESEAU_CAMPAIGN_DRAFT,
  RESEAU_CAMPAIGN_SCHEDULED, /* waiting for scheduled_at, or being worked through */
  RESEAU_CAMPAIGN_SENDING,   /* a sender holds it right now */
  RESEAU_CAMPAIGN_PAUSED,    /* by the user, or by an account problem (see pause_reason) */
  RESEAU_CAMPAIGN_DONE,      /* nothing left to send automatically */
  RESEAU_CAMPAIGN_CANCELLED,
} ReseauCampaignState;

typedef enum
{
  RESEAU_RECIPIENT_QUEUED,
  RESEAU_RECIPIENT_SENDING,          /* handed to the server, final reply not yet read */
  RESEAU_RECIPIENT_SENT,             /* the server answered 250 to the message */
  RESEAU_RECIPIENT_FAILED_TEMPORARY, /* will be tried again at next_attempt */
  RESEAU_RECIPIENT_FAILED_PERMANENT,
  RESEAU_RECIPIENT_UNCONFIRMED,      /* Réseau stopped mid-send: the user decides */
  RESEAU_RECIPIENT_SKIPPED,          /* no email address, or over the etiquette cap */
  RESEAU_RECIPIENT_N_STATES
} ReseauRecipientState;

typedef struct
{
  gint64  id;
  char   *display_name;
  char   *address;
  char   *host;
  guint   port;
  int     security;  /* a ReseauAccountSecurity (src/mail/reseau-account.h) */
  char   *user_name;
} ReseauAccountRecord;

typedef struct
{
  gint64               id;
  gint64               account_id;   /* 0: none (yet, or deleted) */
  char                *subject;      /* templates with merge fields */
  char                *body;
  char                *recipients;   /* see reseau_outbox_definition_*() */
  ReseauCampaignState  state;
  gint64               scheduled_at; /* 0 while a draft */
  gboolean             include_over_cap;
  char                *pause_reason; /* "" unless paused by a problem */
  gint64               created;
  gint64               updated;
  guint                counts[RESEAU_RECIPIENT_N_STATES]; /* recipients in each state */
} ReseauCampaign;

typedef struct
{
  gint64                id;
  gint64                campaign_id;
  gint64                contact_id;   /* 0 once the contact was deleted for good */
  char                 *name;         /* snapshot at scheduling time */
  char                 *address;      /* snapshot; "" when the contact had none */
  ReseauRecipientState  state;
  guint                 attempts;
  char                 *last_error;   /* translated, for the outbox table */
  gint64                next_attempt;
  gint64                updated;
  char                 *message_id;   /* kept across retries */
  char                 *subject;      /* as rendered for this recipient, once tried */
} ReseauRecipient;

/* A recipient to snapshot when scheduling: see reseau_store_schedule_campaign(). */
typedef struct
{
  gint64      contact_id;
  const char *name;
  const char *address;
  const char *skip_reason; /* NULL: queued; otherwise skipped with this reason */
} ReseauRecipientSnapshot;

void             reseau_account_record_free   (ReseauAccountRecord *record);
void             reseau_campaign_free         (ReseauCampaign      *campaign);
void             reseau_recipient_free        (ReseauRecipient     *recipient);
ReseauCampaign  *reseau_campaign_copy         (const ReseauCampaign *campaign);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauAccountRecord, reseau_account_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauCampaign, reseau_campaign_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauRecipient, reseau_recipient_free)

/* Accounts: reseau-store-accounts.c. Validation is the caller's (ReseauAccount). */
gint64           reseau_store_save_account    (ReseauStore               *self,
                                               const ReseauAccountRecord *record,
                                               GError                   **error);
ReseauAccountRecord *reseau_store_load_account (ReseauStore              *self,
                                               gint64                     id,
                                               GError                   **error);
/* Returns: (element-type ReseauAccountRecord): ordered by display name */
GPtrArray       *reseau_store_list_accounts   (ReseauStore               *self,
                                               GError                   **error);
gboolean         reseau_store_delete_account  (ReseauStore               *self,
                                               gint64                     id,
                                               GError                   **error);

/* The throttle's log: one row per message handed to the server, pruned after an hour. */
gboolean         reseau_store_log_send        (ReseauStore               *self,
                                               gint64                     account_id,
                                               gint64                     now,
                                               GError                   **error);
/* Seconds to wait before the next message may go through @account_id when at most
 * @per_minute messages may leave in any 60 seconds (0: no limit); 0 when it may go now. */
gint64           reseau_store_throttle_delay  (ReseauStore               *self,
                                               gint64                     account_id,
                                               guint                      per_minute,
                                               gint64                     now,
                                               GError                   **error);

/* Campaigns: reseau-store-outbox.c. */
gint64           reseau_store_save_draft      (ReseauStore               *self,
                                               const ReseauCampaign      *campaign,
                                               gint64                     now,
                                               GError                   **error);
ReseauCampaign  *reseau_store_load_campaign   (ReseauStore               *self,
                                               gint64                     id,
                                               GError                   **error);
/* Just the state, without counting recipients (-1 on error or when it is gone). */
ReseauCampaignState reseau_store_get_campaign_state (ReseauStore         *self,
                                               gint64                     id,
                                               GError                   **error);
/* Returns: (element-type ReseauCampaign): newest first, with counts */
GPtrArray       *reseau_store_list_campaigns  (ReseauStore               *self,
                                               GError                   **error);
gboolean         reseau_store_delete_campaign (ReseauStore               *self,
                                               gint64                     id,
                                               GError                   **error);
gboolean         reseau_store_schedule_campaign (ReseauStore             *self,
                                               gint64                     id,
                                               gint64                     scheduled_at,
                                               const ReseauRecipientSnapshot *recipients,
                                               guint                      n_recipients,
                                               gint64                     now,
                                               GError                   **error);
gboolean         reseau_store_set_campaign_state (ReseauStore            *self,
                                               gint64                     id,
                                               ReseauCampaignState        state,
                                               const char                *pause_reason,
                                               gint64                     now,
                                               GError                   **error);
gboolean         reseau_store_reschedule_campaign (ReseauStore           *self,
                                               gint64                     id,
                                               gint64                     scheduled_at,
                                               gint64                     now,
                                               GError                   **error);
/* Returns: (element-type ReseauRecipient): in snapshot order */
GPtrArray       *reseau_store_list_recipients (ReseauStore               *self,
                                               gint64                     campaign_id,
                                               GError                   **error);
ReseauRecipient *reseau_store_load_recipient  (ReseauStore               *self,
                                               gint64                     id,
                                               GError                   **error);
/* Failed recipients (both kinds) back to queued with no attempts; the campaign is
 * scheduled again if it was done. Returns how many through @n_retried. */
gboolean         reseau_store_retry_failed    (ReseauStore               *self,
                                               gint64                     campaign_id,
                                               gint64                     now,
                                               guint                     *n_retried,
                                               GError                   **error);
/* An unconfirmed recipient: @resend TRUE queues it again (same Message-ID), FALSE records
 * it as sent (with its interaction on the card). */
gboolean         reseau_store_resolve_unconfirmed (ReseauStore           *self,
                                               gint64                     recipient_id,
                                               gboolean                   resend,
                                               gint64                     now,
                                               GError                   **error);
/* Campaigns due at @now (scheduled, scheduled_at <= now) with a recipient ready to go.
 * Returns: (element-type gint64) */
GArray          *reseau_store_due_campaigns   (ReseauStore               *self,
                                               gint64                     now,
                                               GError                   **error);
/* Scheduled campaigns that have not started and are more than @late_by seconds late.
 * Returns: (element-type gint64) */
GArray          *reseau_store_late_campaigns  (ReseauStore               *self,
                                               gint64                     now,
                                               gint64                     late_by,
                                               GError                   **error);
/* The earliest time something queued or to retry becomes due (0: nothing). */
gint64           reseau_store_next_due_time   (ReseauStore               *self,
                                               GError                   **error);

/* What the sender does, each step committed on its own: reseau-store-outbox-send.c. */
gboolean         reseau_store_recover_sending (ReseauStore               *self,
                                               gint64                     now,
                                               guint                     *n_unconfirmed,
                                               GError                   **error);
ReseauRecipient *reseau_store_next_recipient  (ReseauStore               *self,
                                               gint64                     campaign_id,
                                               gint64                     now,
                                               GError                   **error);
/* Commits "sending" (attempts + 1, the Message-ID and rendered subject kept) and logs the
 * send for the throttle, before anything goes to the server. */
gboolean         reseau_store_mark_sending    (ReseauStore               *self,
                                               gint64                     recipient_id,
                                               const char                *message_id,
                                               const char                *subject,
                                               gint64                     account_id,
                                               gint64                     now,
                                               GError                   **error);
/* Commits "sent" and the MESSAGE interaction (the subject, today, the campaign) on the
 * contact's card in one transaction; "last contacted" follows through the triggers. */
gboolean         reseau_store_mark_sent       (ReseauStore               *self,
                                               gint64                     recipient_id,
                                               gint64                     now,
                                               GError                   **error);
gboolean         reseau_store_mark_failed     (ReseauStore               *self,
                                               gint64                     recipient_id,
                                               ReseauRecipientState       state,
                                               const char                *reason,
                                               gint64                     next_attempt,
                                               gint64                     now,
                                               GError                   **error);
/* Undoes mark_sending when nothing reached the server (connection or login failed). */
gboolean         reseau_store_unmark_sending  (ReseauStore               *self,
                                               gint64                     recipient_id,
                                               gint64                     now,
                                               GError                   **error);
/* DONE when nothing is queued, sending or waiting for a retry. Returns the new state. */
ReseauCampaignState reseau_store_settle_campaign (ReseauStore            *self,
                                               gint64                     campaign_id,
                                               gint64                     now,
                                               GError                   **error);

/* @ids without those deleted or in the trash, each once (a contact must never get the
 * same campaign twice), in the order of their first appearance.
 * Returns: (element-type gint64) */
GArray          *reseau_store_filter_live_contacts (ReseauStore          *self,
                                               const gint64              *ids,
                                               guint                      n_ids,
                                               GError                   **error);

/* Those of @ids with a non-empty email address, in the order given; one statement for any
 * number of contacts.
 * Returns: (element-type gint64) */
GArray          *reseau_store_filter_with_email (ReseauStore             *self,
                                               const gint64              *ids,
                                               guint                      n_ids,
                                               GError                   **error);

/* How many MESSAGE interactions each contact had on or after @since (YYYY-MM-DD).
 * Returns: (element-type gint64 guint): contact id → count, only for counts ≥ @at_least */
GHashTable      *reseau_store_count_messages  (ReseauStore               *self,
                                               const gint64              *ids,
                                               guint                      n_ids,
                                               const char                *since,
                                               guint                      at_least,
                                               GError                   **error);

G_END_DECLS
