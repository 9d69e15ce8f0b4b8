/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-csv-preview.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_IMPORT_MAPPING (reseau_import_mapping_get_type ())

G_DECLARE_FINAL_TYPE (ReseauImportMapping, reseau_import_mapping, RESEAU, IMPORT_MAPPING, AdwBin)

void    reseau_import_mapping_set_preview (ReseauImportMapping *self,
                                           const char          *file_name,
                                           ReseauCsvPreview    *preview);
GArray *reseau_import_mapping_get_mapping (ReseauImportMapping *self);
gboolean reseau_import_mapping_has_name   (ReseauImportMapping *self);

G_END_DECLS
