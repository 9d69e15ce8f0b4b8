/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_CIRCLE_DIALOG (reseau_circle_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ReseauCircleDialog, reseau_circle_dialog, RESEAU, CIRCLE_DIALOG, AdwDialog)

/* Creates a circle (@circle %NULL) or edits one, saving it through @store; emits ::saved
 * (gint64 id) and closes once the store accepted it, and otherwise says why below the name. */
ReseauCircleDialog *reseau_circle_dialog_new            (ReseauStore  *store,
                                                         ReseauCircle *circle);

/* The colours offered, as "#rrggbb"; the first is the default of a new circle. */
const char * const *reseau_circle_dialog_palette        (void);
/* Returns: (nullable): the translated name of @color if it is one of the palette's */
const char         *reseau_circle_dialog_color_name     (const char   *color);

G_END_DECLS
