/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-store-outbox.h"
#include "reseau-store-private.h"

G_BEGIN_DECLS

#define RESEAU_RECIPIENT_COLUMNS \
  "id, campaign_id, contact_id, name, address, state, attempts, last_error, next_attempt, " \
  "updated, message_id, subject"

ReseauRecipient *_reseau_store_read_recipient (sqlite3_stmt *stmt);

G_END_DECLS
