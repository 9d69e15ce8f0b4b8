/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-csv-preview"

#include "config.h"

#include "reseau-csv-preview.h"
#include "reseau-import-job-private.h"

void
reseau_csv_preview_free (ReseauCsvPreview *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->header);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_free (self);
}

static ReseauCsvPreview *
read_preview (GFile         *file,
              guint          max_rows,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(ReseauCsvReader) reader = NULL;
  g_autoptr(ReseauCsvPreview) preview = NULL;
  g_autoptr(GError) local_error = NULL;
  GStrv row;
  guint line;

  if (stream == NULL)
    return NULL;
  /* A vCard has no columns to map. */
  if (_reseau_import_looks_like_vcard (G_INPUT_STREAM (stream), cancellable, &local_error) ||
      local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  reader = reseau_csv_reader_new (G_INPUT_STREAM (stream));
  if (!reseau_csv_reader_read_header (reader, cancellable, error))
    return NULL;

  preview = g_new0 (ReseauCsvPreview, 1);
  preview->format = reseau_csv_reader_get_format (reader);
  preview->header = g_strdupv ((GStrv)reseau_csv_reader_get_header (reader));
  preview->mapping = g_array_ref (reseau_csv_reader_get_mapping (reader));
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  /* A bad row is the import's business, reported with its line there: the preview stops. */
  while (preview->rows->len < max_rows &&
         (row = reseau_csv_reader_next_row (reader, &line, cancellable, &local_error)) != NULL)
    g_ptr_array_add (preview->rows, row);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&preview);
}

typedef struct
{
  GFile *file;
  guint  max_rows;
} PreviewData;

static void
preview_data_free (PreviewData *data)
{
  g_object_unref (data->file);
  g_free (data);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewData *data = task_data;
  GError *error = NULL;
  ReseauCsvPreview *preview = read_preview (data->file, data->max_rows, cancellable, &error);

  /* Named as the import job names them, so that the user knows which of the files it is. */
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = g_file_get_parse_name (data->file);

      g_prefix_error (&error, "%s: ", name);
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, preview, (GDestroyNotify)reseau_csv_preview_free);
}

/**
 * reseau_csv_preview_async:
 * @max_rows: how many rows after the header to read at most
 *
 * Reads the header and the first rows of @file in a thread. The result is %NULL without an
 * error when @file is a vCard, which has no columns to map.
 */
void
reseau_csv_preview_async (GFile               *file,
                          guint                max_rows,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PreviewData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (PreviewData, 1);
  data->file = g_object_ref (file);
  data->max_rows = max_rows;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, reseau_csv_preview_async);
  g_task_set_task_data (task, data, (GDestroyNotify)preview_data_free);
  g_task_run_in_thread (task, preview_thread);
}

/* Returns: (transfer full) (nullable): the preview; %NULL for a vCard or with @error set */
ReseauCsvPreview *
reseau_csv_preview_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
