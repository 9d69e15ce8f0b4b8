/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-import-summary.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_IMPORT_DIALOG (reseau_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ReseauImportDialog, reseau_import_dialog, RESEAU, IMPORT_DIALOG, AdwDialog)

ReseauImportDialog *reseau_import_dialog_new (const char  *store_path,
                                              GFile      **files,
                                              guint        n_files);

G_END_DECLS
