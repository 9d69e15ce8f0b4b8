/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_PREFERENCES_DIALOG (reseau_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ReseauPreferencesDialog, reseau_preferences_dialog, RESEAU, PREFERENCES_DIALOG, AdwPreferencesDialog)

ReseauPreferencesDialog *reseau_preferences_dialog_new           (GSettings               *settings,
                                                                  ReseauStore             *store);
void                     reseau_preferences_dialog_show_accounts (ReseauPreferencesDialog *self);

G_END_DECLS
