/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-account.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_ACCOUNT_DIALOG (reseau_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ReseauAccountDialog, reseau_account_dialog, RESEAU, ACCOUNT_DIALOG, AdwDialog)

/**
 * reseau_account_dialog_new:
 * @account: (nullable): the account to edit, or %NULL to add one
 *
 * Adds or edits a sending account. Save validates every field (the message shows under the
 * group of the faulty field), writes the account, then the typed password to the keyring;
 * editing without typing a password keeps the stored one. "Test Connection" checks the
 * server with what is typed, without saving. Emits "saved" once everything is stored.
 */
ReseauAccountDialog *reseau_account_dialog_new (ReseauStore   *store,
                                                ReseauAccount *account);

G_END_DECLS
