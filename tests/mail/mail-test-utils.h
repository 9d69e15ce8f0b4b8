/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gmime/gmime.h>

#include "reseau-contact.h"
#include "reseau-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

GMimeMessage  *mail_test_parse             (GBytes              *bytes);
void           mail_test_assert_wire_safe  (GBytes              *bytes);
void           mail_test_assert_mailbox    (InternetAddressList *list,
                                            const char          *name,
                                            const char          *address);
char          *mail_test_get_text          (GMimeMessage        *message);
ReseauContact *mail_test_make_contact      (guint                n);
/* A circle of @n such contacts in @store: every tenth without an address, every seventh
 * with two MESSAGE interactions on @today. Returns the circle's id. */
gint64         mail_test_make_circle       (ReseauStore         *store,
                                            const char          *name,
                                            guint                n,
                                            const char          *today);

/* The test SMTP server's folder (tests/harness/smtp_server.py). */
void           mail_test_write_fault       (const char          *directives);
void           mail_test_reset_maildir     (void);
guint          mail_test_count_messages    (void);
GBytes        *mail_test_read_message      (guint                n);
char          *mail_test_read_meta         (guint                n);
gint64         mail_test_meta_get_int      (const char          *meta,
                                            const char          *key);
guint          mail_test_count_connections (void);

G_END_DECLS
