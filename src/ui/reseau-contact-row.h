/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-contact.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_CONTACT_ROW (reseau_contact_row_get_type ())

G_DECLARE_FINAL_TYPE (ReseauContactRow, reseau_contact_row, RESEAU, CONTACT_ROW, GtkWidget)

ReseauContact      *reseau_contact_row_get_contact (ReseauContactRow *self);
void                reseau_contact_row_set_contact (ReseauContactRow *self,
                                                    ReseauContact    *contact);
GtkListItemFactory *reseau_contact_row_factory_new (void);
GdkPaintable       *reseau_contact_photo_paintable (ReseauContact    *contact);

G_END_DECLS
