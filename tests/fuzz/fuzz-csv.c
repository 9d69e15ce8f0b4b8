/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdint.h>

#include "reseau-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* What the reader yields, the writer writes, and reading that back gives as many records
 * again, none of them bad. */
static void
check_round_trip (GPtrArray *contacts,
                  GPtrArray *categories)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert (reseau_csv_write (out, contacts, categories, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  in = g_memory_input_stream_new_from_bytes (bytes);
  again = reseau_csv_read_all (in, &problems, NULL, NULL);
  g_assert (again != NULL && again->len == contacts->len);
  for (guint i = 0; i < problems->len; i++)
    g_assert (!((ReseauImportProblem *)g_ptr_array_index (problems, i))->skipped);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(ReseauCsvReader) reader = reseau_csv_reader_new (stream);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_import_record_free);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new ();
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  ReseauImportRecord *record;

  if (!reseau_csv_reader_read_header (reader, NULL, NULL))
    return 0;
  g_assert (reseau_csv_reader_get_header (reader) != NULL);
  g_assert (reseau_csv_reader_get_mapping (reader)->len == g_strv_length ((char **)reseau_csv_reader_get_header (reader)));
  while ((record = reseau_csv_reader_next (reader, NULL, NULL)) != NULL)
    {
      g_ptr_array_add (records, record);
      g_ptr_array_add (contacts, record->contact);
      g_ptr_array_add (categories, record->categories);
    }
  check_round_trip (contacts, categories);
  return 0;
}
