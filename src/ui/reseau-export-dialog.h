/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_EXPORT_DIALOG (reseau_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ReseauExportDialog, reseau_export_dialog, RESEAU, EXPORT_DIALOG, AdwDialog)

ReseauExportDialog *reseau_export_dialog_new (ReseauStore  *store,
                                              const gint64 *selected,
                                              guint         n_selected);

G_END_DECLS
