/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-store-outbox.h"

G_BEGIN_DECLS

/* A database at @path with an account for the test SMTP server (its password in the
 * session's keyring) and a campaign, due now, to @n_recipients contacts of
 * mail_test_make_contact(). Returns the open store; the campaign's id in @campaign_id. */
ReseauStore *outbox_test_make_campaign (const char *path,
                                        guint       n_recipients,
                                        gint64     *campaign_id);

/* Which address each message at the test server went to: address → count. */
GHashTable  *outbox_test_count_at_server (guint    *total);

G_END_DECLS
