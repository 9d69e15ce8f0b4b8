/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <libsecret/secret.h>

#include "reseau-account.h"

G_BEGIN_DECLS

/**
 * SECTION:reseau-credentials
 *
 * An account's password lives in the user's keyring only, through libsecret, under the
 * schema "org.example.Reseau.Account" keyed by the attribute "account-id" (the account's
 * database id as a decimal string), labelled "Réseau: user@host". It is never written to
 * the database, GSettings or a log. Free a looked-up password with secret_password_free()
 * (it wipes the memory).
 */
const SecretSchema *reseau_credentials_get_schema    (void) G_GNUC_CONST;

gboolean  reseau_credentials_store_sync   (ReseauAccount        *account,
                                           const char           *password,
                                           GCancellable         *cancellable,
                                           GError              **error);
void      reseau_credentials_store        (ReseauAccount        *account,
                                           const char           *password,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  reseau_credentials_store_finish (GAsyncResult         *result,
                                           GError              **error);

/* Returns: (nullable): the password, NULL with no error when none is stored */
char     *reseau_credentials_lookup_sync  (gint64                account_id,
                                           GCancellable         *cancellable,
                                           GError              **error);
void      reseau_credentials_lookup       (gint64                account_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
char     *reseau_credentials_lookup_finish (GAsyncResult        *result,
                                           GError              **error);

gboolean  reseau_credentials_clear_sync   (gint64                account_id,
                                           GCancellable         *cancellable,
                                           GError              **error);
void      reseau_credentials_clear        (gint64                account_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  reseau_credentials_clear_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
