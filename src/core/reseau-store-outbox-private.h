/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-store-outbox.h"
#include "reseau-store-private.h"

G_BEGIN_DECLS

#define RESEAU_RECIPIENT_COLUMNS \
  "id, campaign_id, contact_id, name, address, state, attempts, last_error, next_attempt, " \
  "updated, message_id, subject"

typedef gpointer (*ReseauRowFunc) (sqlite3_stmt *stmt);

ReseauRecipient *_reseau_store_read_recipient (sqlite3_stmt *stmt);
gboolean         _reseau_store_step_changed   (ReseauStore   *self,
                                               sqlite3_stmt  *stmt,
                                               const char    *message,
                                               GError       **error);
gboolean         _reseau_store_run_int64s     (ReseauStore   *self,
                                               const char    *sql,
                                               gint64         first,
                                               gint64         second,
                                               GError       **error);
gpointer         _reseau_store_step_one       (ReseauStore   *self,
                                               sqlite3_stmt  *stmt,
                                               ReseauRowFunc  read,
                                               GError       **error);

G_END_DECLS
