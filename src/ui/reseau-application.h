/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-sender.h"
#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_APPLICATION (reseau_application_get_type ())

G_DECLARE_FINAL_TYPE (ReseauApplication, reseau_application, RESEAU, APPLICATION, AdwApplication)

ReseauApplication *reseau_application_new        (void);
ReseauStore       *reseau_application_get_store  (ReseauApplication *self);
gboolean           reseau_application_open_store (ReseauApplication *self,
                                                  const char        *path,
                                                  GError           **error);
gboolean           reseau_application_start_new_file (ReseauApplication *self,
                                                      GError           **error);
GSettings         *reseau_application_get_settings (ReseauApplication *self);

/* The application's sender (NULL until the database is open): the outbox page follows its
 * "campaign-changed" and "progress" signals. */
ReseauSender      *reseau_application_get_sender  (ReseauApplication *self);
/* Sends what is due now and re-arms the timer for what comes next: call it after
 * scheduling, retrying, resuming or resolving anything in the outbox. */
void               reseau_application_wake_sender  (ReseauApplication *self);
/* Presents Preferences on its Accounts page (also the action "app.accounts"). */
void               reseau_application_show_accounts (ReseauApplication *self);

G_END_DECLS
