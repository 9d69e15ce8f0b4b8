/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "reseau-csv.h"

G_BEGIN_DECLS

/* The first rows of a CSV file, for the column-mapping step of the import dialog. */
typedef struct
{
  ReseauCsvFormat  format;
  GStrv            header;
  GPtrArray       *rows;      /* (element-type GStrv) */
  GArray          *mapping;   /* (element-type ReseauCsvColumn): guessed from the header */
} ReseauCsvPreview;

void              reseau_csv_preview_free   (ReseauCsvPreview     *self);
void              reseau_csv_preview_async  (GFile                *file,
                                             guint                 max_rows,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
ReseauCsvPreview *reseau_csv_preview_finish (GAsyncResult         *result,
                                             GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauCsvPreview, reseau_csv_preview_free)

G_END_DECLS
