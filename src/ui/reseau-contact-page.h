/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-contact-editor.h"
#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_CONTACT_PAGE (reseau_contact_page_get_type ())

G_DECLARE_FINAL_TYPE (ReseauContactPage, reseau_contact_page, RESEAU, CONTACT_PAGE, GtkWidget)

void                 reseau_contact_page_set_store      (ReseauContactPage  *self,
                                                         ReseauStore        *store);
gboolean             reseau_contact_page_show           (ReseauContactPage  *self,
                                                         gint64              id,
                                                         GError            **error);
void                 reseau_contact_page_edit_new       (ReseauContactPage  *self);
gboolean             reseau_contact_page_get_editing    (ReseauContactPage  *self);
gint64               reseau_contact_page_get_contact_id (ReseauContactPage  *self);
ReseauContactEditor *reseau_contact_page_get_editor     (ReseauContactPage  *self);

G_END_DECLS
