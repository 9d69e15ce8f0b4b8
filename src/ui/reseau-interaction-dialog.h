/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_INTERACTION_DIALOG (reseau_interaction_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ReseauInteractionDialog, reseau_interaction_dialog, RESEAU, INTERACTION_DIALOG, AdwAlertDialog)

AdwDialog *reseau_interaction_dialog_new (ReseauStore   *store,
                                          ReseauContact *contact);

G_END_DECLS
