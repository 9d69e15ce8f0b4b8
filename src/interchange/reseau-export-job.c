/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-export-job"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-csv.h"
#include "reseau-export-job.h"
#include "reseau-store.h"
#include "reseau-vcard-writer.h"

/* Exports in a GTask thread, on a connection of its own, into a temporary file that only
 * replaces the destination once complete: a failed or cancelled export leaves no half file. */

typedef struct
{
  char               *store_path;
  GArray             *ids;        /* gint64, or NULL for every contact */
  GFile              *file;
  ReseauExportFormat  format;
  guint               n_exported;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->store_path);
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_object (&data->file);
  g_free (data);
}

/* "vcard4" (or "vcf"), "vcard3" or "csv". */
gboolean
reseau_export_format_from_string (const char         *name,
                                  ReseauExportFormat *format)
{
  static const struct { const char *name; ReseauExportFormat format; } names[] = {
    { "vcard4", RESEAU_EXPORT_VCARD_4_0 },
    { "vcard", RESEAU_EXPORT_VCARD_4_0 },
    { "vcf", RESEAU_EXPORT_VCARD_4_0 },
    { "vcard3", RESEAU_EXPORT_VCARD_3_0 },
    { "csv", RESEAU_EXPORT_CSV },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        *format = names[i].format;
        return TRUE;
      }
  return FALSE;
}

static GArray *
all_ids (ReseauStore  *store,
         GError      **error)
{
  g_autoptr(GArray) entries = reseau_store_list (store, RESEAU_SORT_FAMILY_NAME, NULL, error);
  GArray *ids;

  if (entries == NULL)
    return NULL;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_array_append_val (ids, g_array_index (entries, ReseauListEntry, i).id);
  return ids;
}

static gboolean
write_contacts (ReseauStore    *store,
                GArray         *ids,
                GOutputStream  *out,
                ExportData     *data,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      ReseauContact *contact = reseau_store_load_contact (store, g_array_index (ids, gint64, i),
                                                          TRUE, error);

      if (contact == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_clear_object (&contact);
          return FALSE;
        }
      if (data->format == RESEAU_EXPORT_CSV)
        g_ptr_array_add (contacts, contact);
      else
        {
          ReseauVCardVersion version = data->format == RESEAU_EXPORT_VCARD_3_0
                                       ? RESEAU_VCARD_VERSION_3_0 : RESEAU_VCARD_VERSION_4_0;
          gboolean ok = reseau_vcard_write_contact (out, contact, NULL, version, cancellable, error);

          g_object_unref (contact);
          if (!ok)
            return FALSE;
        }
    }
  if (data->format == RESEAU_EXPORT_CSV &&
      !reseau_csv_write (out, contacts, NULL, cancellable, error))
    return FALSE;
  data->n_exported = ids->len;
  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(ReseauStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GFileOutputStream) file_out = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GCancellable) abort = NULL;
  GError *error = NULL;

  if ((store = reseau_store_open (data->store_path, &error)) == NULL ||
      (ids = data->ids ? g_array_ref (data->ids) : all_ids (store, &error)) == NULL ||
      (file_out = g_file_replace (data->file, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                  cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  out = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_out), 64 * 1024);
  if (write_contacts (store, ids, out, data, cancellable, &error) &&
      g_output_stream_close (out, cancellable, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Closing a replace stream with a cancelled cancellable drops the temporary file and
   * leaves the destination as it was. */
  abort = g_cancellable_new ();
  g_cancellable_cancel (abort);
  g_output_stream_close (G_OUTPUT_STREAM (file_out), abort, NULL);
  g_task_return_error (task, error);
}

/**
 * reseau_export_contacts_async:
 * @ids: (array length=n_ids) (nullable): the contacts to export, or %NULL for all of them
 *
 * Writes contacts to @file as vCard 4.0, vCard 3.0 (with their unknown properties, for a
 * lossless round trip) or CSV with a header row.
 */
void
reseau_export_contacts_async (const char          *store_path,
                              const gint64        *ids,
                              guint                n_ids,
                              GFile               *file,
                              ReseauExportFormat   format,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (store_path != NULL);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->store_path = g_strdup (store_path);
  data->file = g_object_ref (file);
  data->format = format;
  if (ids != NULL)
    {
      data->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      g_array_append_vals (data->ids, ids, n_ids);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, reseau_export_contacts_async);
  g_task_set_task_data (task, data, (GDestroyNotify)export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
reseau_export_contacts_finish (GAsyncResult  *result,
                               guint         *n_exported,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (n_exported != NULL)
    *n_exported = ((ExportData *)g_task_get_task_data (G_TASK (result)))->n_exported;
  return TRUE;
}
