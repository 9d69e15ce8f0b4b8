/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_CONTACT_EDITOR (reseau_contact_editor_get_type ())

G_DECLARE_FINAL_TYPE (ReseauContactEditor, reseau_contact_editor, RESEAU, CONTACT_EDITOR, GtkWidget)

void           reseau_contact_editor_set_store      (ReseauContactEditor  *self,
                                                     ReseauStore          *store);
ReseauStore   *reseau_contact_editor_get_store      (ReseauContactEditor  *self);
void           reseau_contact_editor_edit           (ReseauContactEditor  *self,
                                                     ReseauContact        *contact);
void           reseau_contact_editor_set_introducer (ReseauContactEditor  *self,
                                                     gint64                id);
void           reseau_contact_editor_focus_first    (ReseauContactEditor  *self);
ReseauContact *reseau_contact_editor_dup_contact    (ReseauContactEditor  *self,
                                                     GError              **error);

G_END_DECLS
