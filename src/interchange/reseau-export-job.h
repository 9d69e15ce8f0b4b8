/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RESEAU_EXPORT_VCARD_4_0,
  RESEAU_EXPORT_VCARD_3_0,
  RESEAU_EXPORT_CSV,
} ReseauExportFormat;

gboolean reseau_export_format_from_string (const char            *name,
                                           ReseauExportFormat    *format);
void     reseau_export_contacts_async     (const char            *store_path,
                                           const gint64          *ids,
                                           guint                  n_ids,
                                           GFile                 *file,
                                           ReseauExportFormat     format,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
gboolean reseau_export_contacts_finish    (GAsyncResult          *result,
                                           guint                 *n_exported,
                                           GError               **error);

G_END_DECLS
