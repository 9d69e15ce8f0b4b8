/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-segment.h"
#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_COMPOSER (reseau_composer_get_type ())

G_DECLARE_FINAL_TYPE (ReseauComposer, reseau_composer, RESEAU, COMPOSER, AdwNavigationPage)

/*
 * The composer: a page for the window's content pane (beside the sidebar, so circles can
 * be dropped onto its recipients). One message written once with merge fields, sent as
 * one personal email per recipient through the outbox: the recipients (circles, saved
 * segments, a segment or a selection, with the live count, the people without an address
 * and the etiquette guard), the account, subject and body, a per-recipient preview, and
 * "send now" or at a local date and time. The draft is saved as it is typed.
 *
 * Signals:
 *   ::sent (gint64 campaign_id, guint n_queued, gint64 when)  scheduled in the outbox
 *          (@when: Unix seconds UTC, 0 for now); the owner wakes the sender
 *   ::closed ()  the person is done with the composer (the draft is saved)
 */
ReseauComposer *reseau_composer_new                    (ReseauStore    *store,
                                                        GSettings      *settings);
/* Replaces the recipients by @segment (copied); a segment made only of "any of" circles
 * and saved segments shows one chip for each. */
void            reseau_composer_set_recipients_segment (ReseauComposer *self,
                                                        ReseauSegment  *segment);
void            reseau_composer_set_recipients_ids     (ReseauComposer *self,
                                                        const gint64   *ids,
                                                        guint           n_ids);
/* Adds a circle to the recipients, as a drop from the sidebar does. */
void            reseau_composer_add_circle             (ReseauComposer *self,
                                                        gint64          circle_id);
gboolean        reseau_composer_load_draft             (ReseauComposer *self,
                                                        gint64          campaign_id,
                                                        GError        **error);
/* The draft's id (0 while nothing was saved); saves pending changes first. */
gint64          reseau_composer_save                   (ReseauComposer *self);
/* The number of people a send would write to now (address, etiquette). */
guint           reseau_composer_get_n_sendable         (ReseauComposer *self);

G_END_DECLS
