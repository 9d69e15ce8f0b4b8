/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-contact.h"
#include "reseau-etiquette.h"
#include "reseau-segment.h"
#include "reseau-store-outbox.h"

G_BEGIN_DECLS

/**
 * SECTION:reseau-outbox
 *
 * Campaigns from the composer to the outbox: a draft saved as the user types, scheduled
 * (now or at a UTC time) by snapshotting its recipients, then worked through by a
 * ReseauSender. Listing campaigns and their recipients, with progress counts, is
 * reseau_store_list_campaigns() / reseau_store_list_recipients() (reseau-store-outbox.h).
 * Every function here takes @now (Unix seconds, UTC) so tests can move the clock.
 */

#define RESEAU_OUTBOX_ERROR (reseau_outbox_error_quark ())

typedef enum
{
  RESEAU_OUTBOX_ERROR_NO_ACCOUNT,
  RESEAU_OUTBOX_ERROR_NO_RECIPIENTS,
  RESEAU_OUTBOX_ERROR_INVALID_DEFINITION,
  RESEAU_OUTBOX_ERROR_INVALID_STATE,
  RESEAU_OUTBOX_ERROR_EMPTY_SUBJECT,
} ReseauOutboxError;

/* A campaign more than this late when Réseau starts is not sent without asking. */
#define RESEAU_OUTBOX_LATE_AFTER (12 * 60 * 60)

/* What scheduling did: how many recipients were queued and how many skipped. */
typedef struct
{
  guint n_queued;
  guint n_no_email;
  guint n_over_cap;
} ReseauScheduleSummary;

GQuark          reseau_outbox_error_quark            (void);

/* The campaign's recipients definition: a saved-segment-like rule, evaluated when the
 * campaign is scheduled, or a fixed selection of contacts. */
char           *reseau_outbox_definition_for_segment (ReseauSegment        *segment);
char           *reseau_outbox_definition_for_ids     (const gint64         *ids,
                                                      guint                 n_ids);
/* Returns: (element-type gint64): the contacts the definition names now, trash excluded */
GArray         *reseau_outbox_resolve_definition     (ReseauStore          *store,
                                                      const char           *definition,
                                                      GError              **error);

/* Renders @campaign's subject and body for @contact, exactly as the sender will. */
gboolean        reseau_outbox_render                 (const ReseauCampaign *campaign,
                                                      ReseauContact        *contact,
                                                      char                **subject,
                                                      char                **body,
                                                      GError              **error);
/* Checks both templates (unknown merge fields, syntax) without a contact; the error is
 * RESEAU_TEMPLATE_ERROR with its position (reseau-template.h), prefixed by "Subject: " or
 * "Message: ". */
gboolean        reseau_outbox_check_templates        (const char           *subject,
                                                      const char           *body,
                                                      GError              **error);

/* Creates (campaign->id == 0) or updates a draft; returns its id. Only drafts change. */
gint64          reseau_outbox_save_draft             (ReseauStore          *store,
                                                      const ReseauCampaign *campaign,
                                                      gint64                now,
                                                      GError              **error);

/**
 * reseau_outbox_schedule:
 * @when: when to send (UTC); 0 or ≤ @now: now
 * @rule: the etiquette cap; contacts over it are skipped unless the campaign includes them
 * @today: the local date for the etiquette window, YYYY-MM-DD
 *
 * Checks the draft (an account, a subject, valid templates, someone to write to), then
 * snapshots its recipients in one transaction: a contact without an email address is
 * skipped with "No email address", one over the etiquette cap with the count.
 */
gboolean        reseau_outbox_schedule               (ReseauStore          *store,
                                                      gint64                campaign_id,
                                                      gint64                when,
                                                      const ReseauEtiquetteRule *rule,
                                                      const char           *today,
                                                      gint64                now,
                                                      ReseauScheduleSummary *summary,
                                                      GError              **error);
/* The same in a worker thread with its own connection to @store's file, so that a
 * 10,000-person snapshot does not freeze the window; the caller's connection sees the
 * result once it completes. */
void            reseau_outbox_schedule_async         (ReseauStore          *store,
                                                      gint64                campaign_id,
                                                      gint64                when,
                                                      const ReseauEtiquetteRule *rule,
                                                      const char           *today,
                                                      gint64                now,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean        reseau_outbox_schedule_finish        (GAsyncResult         *result,
                                                      ReseauScheduleSummary *summary,
                                                      GError              **error);
/* What the composer shows of its recipients before anything is scheduled. */
typedef struct
{
  GArray                *with_email;     /* (element-type gint64), in the order given */
  GArray                *no_email;       /* (element-type gint64), in the order given */
  GPtrArray             *no_email_names; /* (element-type utf8): of the first few of no_email */
  ReseauEtiquetteResult *etiquette;      /* those of with_email over the cap */
} ReseauRecipientSummary;

void            reseau_recipient_summary_free        (ReseauRecipientSummary *self);

/**
 * reseau_outbox_summarize:
 * @max_names: how many names of people without an address to load
 *
 * Splits @ids into those with an email address and those without, and checks the former
 * against the etiquette cap: a few statements whatever the number of contacts, never one
 * load per contact.
 */
ReseauRecipientSummary *reseau_outbox_summarize      (ReseauStore          *store,
                                                      const gint64         *ids,
                                                      guint                 n_ids,
                                                      const ReseauEtiquetteRule *rule,
                                                      const char           *today,
                                                      guint                 max_names,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
/* The same in a worker thread with its own connection, like reseau_outbox_schedule_async(). */
void            reseau_outbox_summarize_async        (ReseauStore          *store,
                                                      const gint64         *ids,
                                                      guint                 n_ids,
                                                      const ReseauEtiquetteRule *rule,
                                                      const char           *today,
                                                      guint                 max_names,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
ReseauRecipientSummary *reseau_outbox_summarize_finish (GAsyncResult       *result,
                                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauRecipientSummary, reseau_recipient_summary_free)

/* A scheduled (not yet started) or paused campaign: what is still queued is skipped. */
gboolean        reseau_outbox_cancel                 (ReseauStore          *store,
                                                      gint64                campaign_id,
                                                      gint64                now,
                                                      GError              **error);
gboolean        reseau_outbox_pause                  (ReseauStore          *store,
                                                      gint64                campaign_id,
                                                      gint64                now,
                                                      GError              **error);
gboolean        reseau_outbox_resume                 (ReseauStore          *store,
                                                      gint64                campaign_id,
                                                      gint64                now,
                                                      GError              **error);
/* Moves a scheduled campaign (e.g. one found late at start-up) to @when. */
gboolean        reseau_outbox_reschedule             (ReseauStore          *store,
                                                      gint64                campaign_id,
                                                      gint64                when,
                                                      gint64                now,
                                                      GError              **error);
gboolean        reseau_outbox_retry_failed           (ReseauStore          *store,
                                                      gint64                campaign_id,
                                                      gint64                now,
                                                      guint                *n_retried,
                                                      GError              **error);
gboolean        reseau_outbox_resolve_unconfirmed    (ReseauStore          *store,
                                                      gint64                recipient_id,
                                                      gboolean              resend,
                                                      gint64                now,
                                                      GError              **error);
/* Returns: (element-type gint64): scheduled campaigns due at @now */
GArray         *reseau_outbox_due_campaigns          (ReseauStore          *store,
                                                      gint64                now,
                                                      GError              **error);
/* Returns: (element-type gint64): those not started and more than 12 hours late, for the
 * start-up question "send now or reschedule?" */
GArray         *reseau_outbox_late_campaigns         (ReseauStore          *store,
                                                      gint64                now,
                                                      GError              **error);

/* Translated names, for the outbox page. */
const char     *reseau_recipient_state_to_string     (ReseauRecipientState  state);
const char     *reseau_campaign_state_to_string      (ReseauCampaignState   state);

G_END_DECLS
