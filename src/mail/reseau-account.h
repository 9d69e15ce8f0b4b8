/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "reseau-store-outbox.h"

G_BEGIN_DECLS

#define RESEAU_ACCOUNT_ERROR (reseau_account_error_quark ())

typedef enum
{
  RESEAU_ACCOUNT_ERROR_INVALID_ADDRESS,
  RESEAU_ACCOUNT_ERROR_INVALID_HOST,
  RESEAU_ACCOUNT_ERROR_INVALID_PORT,
  RESEAU_ACCOUNT_ERROR_INSECURE,
  RESEAU_ACCOUNT_ERROR_INVALID_TEXT,
  RESEAU_ACCOUNT_ERROR_NO_ACCOUNT,
} ReseauAccountError;

typedef enum
{
  RESEAU_ACCOUNT_SECURITY_STARTTLS, /* submission, port 587 */
  RESEAU_ACCOUNT_SECURITY_TLS,      /* implicit TLS (smtps), port 465 */
  RESEAU_ACCOUNT_SECURITY_NONE,     /* only for a server on this machine */
} ReseauAccountSecurity;

#define RESEAU_TYPE_ACCOUNT (reseau_account_get_type ())

G_DECLARE_FINAL_TYPE (ReseauAccount, reseau_account, RESEAU, ACCOUNT, GObject)

/**
 * ReseauAccount:
 *
 * A sending account: who the mail is from and the SMTP server it goes through. Its
 * properties ("id", "display-name", "address", "host", "port", "security", "user-name")
 * notify on change, so a Preferences row can bind to them. The password is not a property:
 * it lives in the keyring only (reseau-credentials.h).
 */
GQuark                reseau_account_error_quark      (void);
ReseauAccount        *reseau_account_new              (void);
ReseauAccount        *reseau_account_new_from_record  (const ReseauAccountRecord *record);
ReseauAccountRecord  *reseau_account_to_record        (ReseauAccount         *self);
gint64                reseau_account_get_id           (ReseauAccount         *self);
const char           *reseau_account_get_display_name (ReseauAccount         *self);
void                  reseau_account_set_display_name (ReseauAccount         *self,
                                                       const char            *display_name);
const char           *reseau_account_get_address      (ReseauAccount         *self);
void                  reseau_account_set_address      (ReseauAccount         *self,
                                                       const char            *address);
const char           *reseau_account_get_host         (ReseauAccount         *self);
void                  reseau_account_set_host         (ReseauAccount         *self,
                                                       const char            *host);
guint                 reseau_account_get_port         (ReseauAccount         *self);
void                  reseau_account_set_port         (ReseauAccount         *self,
                                                       guint                  port);
ReseauAccountSecurity reseau_account_get_security     (ReseauAccount         *self);
void                  reseau_account_set_security     (ReseauAccount         *self,
                                                       ReseauAccountSecurity  security);
const char           *reseau_account_get_user_name    (ReseauAccount         *self);
void                  reseau_account_set_user_name    (ReseauAccount         *self,
                                                       const char            *user_name);
/* The usual port for @security: 587, 465 or 25. */
guint                 reseau_account_security_default_port (ReseauAccountSecurity security);
/* "user@host" (or the address when there is no user name): the keyring item's label. */
char                 *reseau_account_dup_label        (ReseauAccount         *self);

/* Checks every field with a specific, translated message: the address must be valid, the
 * host non-empty without spaces or control characters, the port 1–65535, and security
 * NONE is only accepted for localhost / 127.0.0.1 / ::1. */
gboolean              reseau_account_validate         (ReseauAccount         *self,
                                                       GError               **error);

/* Validates and saves (the id is set for a new account). */
gboolean              reseau_account_save             (ReseauAccount         *self,
                                                       ReseauStore           *store,
                                                       GError               **error);
ReseauAccount        *reseau_account_load             (ReseauStore           *store,
                                                       gint64                 id,
                                                       GError               **error);
/* Returns: (element-type ReseauAccount) */
GPtrArray            *reseau_account_list             (ReseauStore           *store,
                                                       GError               **error);
/* Deletes the account from the database and clears its password from the keyring (sync:
 * call from a worker, or use the async variant). Campaigns that used it keep their history
 * and lose their account. */
gboolean              reseau_account_delete           (ReseauAccount         *self,
                                                       ReseauStore           *store,
                                                       GCancellable          *cancellable,
                                                       GError               **error);
void                  reseau_account_delete_async     (ReseauAccount         *self,
                                                       ReseauStore           *store,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
gboolean              reseau_account_delete_finish    (ReseauAccount         *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);

G_END_DECLS
