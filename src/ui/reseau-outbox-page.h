/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-application.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_OUTBOX_PAGE (reseau_outbox_page_get_type ())

G_DECLARE_FINAL_TYPE (ReseauOutboxPage, reseau_outbox_page, RESEAU, OUTBOX_PAGE, AdwBin)

/**
 * ReseauOutboxPage:
 *
 * The campaigns in the outbox with their progress, and one campaign's recipients with the
 * state of each message: Retry Failed, Pause, Resume, Cancel Sending, and Resend / Mark as
 * Sent for messages left unconfirmed. It follows the application's sender live and wakes it
 * after each change. Emits "close" when its back button is pressed.
 */
ReseauOutboxPage *reseau_outbox_page_new           (ReseauApplication *app,
                                                    ReseauStore       *store);
void              reseau_outbox_page_refresh       (ReseauOutboxPage  *self);
void              reseau_outbox_page_show_campaign (ReseauOutboxPage  *self,
                                                    gint64             campaign_id);
/* Messages queued, to retry, failed for good or unconfirmed, across campaigns: what a
 * sidebar row or a badge would show. */
guint             reseau_outbox_count_pending      (ReseauStore       *store);

G_END_DECLS
