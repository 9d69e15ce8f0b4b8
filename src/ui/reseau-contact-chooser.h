/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_CONTACT_CHOOSER (reseau_contact_chooser_get_type ())

G_DECLARE_FINAL_TYPE (ReseauContactChooser, reseau_contact_chooser, RESEAU, CONTACT_CHOOSER, GtkWidget)

/* A "Choose…" button opening a search popover over the contacts: type a few letters, pick
 * one of the first matches. Emits ::chosen (gint64 contact id). */
GtkWidget *reseau_contact_chooser_new       (void);
void       reseau_contact_chooser_set_store (ReseauContactChooser *self,
                                             ReseauStore          *store);

G_END_DECLS
