/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_RECONNECT_PAGE (reseau_reconnect_page_get_type ())

G_DECLARE_FINAL_TYPE (ReseauReconnectPage, reseau_reconnect_page, RESEAU, RECONNECT_PAGE, AdwBin)

/*
 * "Reconnect": the contacts overdue for a catch-up (reseau_store_list_overdue()), most
 * overdue first, each with the circle that made them due. A row logs an interaction in one
 * click ("Contacted Today", with Undo) or through ReseauInteractionDialog; the list follows
 * the store.
 *
 * Signals:
 *   ::contact-activated (gint64 id)      a row was activated
 *   ::write-requested (GArray *ids)      "Write…" on a row (its contact) or in the header
 *                                        (every overdue contact, in the order shown);
 *                                        (element-type gint64) (transfer none): the seam
 *                                        for the composer
 */
ReseauReconnectPage *reseau_reconnect_page_new           (ReseauStore         *store);
/* The number of contacts shown. */
guint                reseau_reconnect_page_get_n_overdue (ReseauReconnectPage *self);

G_END_DECLS
