/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-window.h"

G_BEGIN_DECLS

/* reseau-window-outbox.c: the outbox replaces the contacts in the window until its back
 * button is pressed. Created on first use. */
void   _reseau_window_show_outbox        (ReseauWindow *self);
/* Campaign detail straight away (a notification, a toast). */
void   _reseau_window_show_campaign      (ReseauWindow *self,
                                          gint64        campaign_id);
/* Messages waiting, failed or unconfirmed, for a sidebar row's count. */
guint  _reseau_window_outbox_count       (ReseauWindow *self);

G_END_DECLS
