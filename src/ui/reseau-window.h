/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-application.h"
#include "reseau-contact-list.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_WINDOW (reseau_window_get_type ())

G_DECLARE_FINAL_TYPE (ReseauWindow, reseau_window, RESEAU, WINDOW, AdwApplicationWindow)

ReseauWindow      *reseau_window_new          (ReseauApplication *app,
                                               ReseauStore       *store,
                                               const GError      *error);
void               reseau_window_set_store    (ReseauWindow      *self,
                                               ReseauStore       *store,
                                               const GError      *error);
ReseauContactList *reseau_window_get_contacts (ReseauWindow      *self);

G_END_DECLS
