/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdint.h>

#include "reseau-vcard-reader.h"
#include "reseau-vcard-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* What the reader yields, the writer writes in both versions, and reading that back gives
 * the same card again: one record, no bad one, the same name and values. */
static void
check_round_trip (ReseauImportRecord *record,
                  ReseauVCardVersion  version)
{
  g_autoptr(GString) card = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *name = NULL;
  g_autofree char *name_again = NULL;
  ReseauContact *contact;

  reseau_vcard_append_contact (card, record->contact, (const char * const *)record->categories,
                               version);
  stream = g_memory_input_stream_new_from_data (card->str, card->len, NULL);
  again = reseau_vcard_read_all (stream, &problems, NULL, NULL);
  g_assert (again != NULL && again->len == 1);
  for (guint i = 0; i < problems->len; i++)
    g_assert (!((ReseauImportProblem *)g_ptr_array_index (problems, i))->skipped);
  contact = ((ReseauImportRecord *)g_ptr_array_index (again, 0))->contact;
  name = reseau_contact_dup_name (record->contact);
  name_again = reseau_contact_dup_name (contact);
  g_assert (g_str_equal (name, name_again));
  g_assert (reseau_contact_get_values (contact)->len == reseau_contact_get_values (record->contact)->len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(ReseauVCardReader) reader = reseau_vcard_reader_new (stream);
  ReseauImportRecord *record;

  while ((record = reseau_vcard_reader_next (reader, NULL, NULL)) != NULL)
    {
      check_round_trip (record, RESEAU_VCARD_VERSION_4_0);
      check_round_trip (record, RESEAU_VCARD_VERSION_3_0);
      reseau_import_record_free (record);
    }
  for (guint i = 0; i < reseau_vcard_reader_get_problems (reader)->len; i++)
    {
      ReseauImportProblem *problem = g_ptr_array_index (reseau_vcard_reader_get_problems (reader), i);

      g_assert (problem->error->domain == RESEAU_VCARD_ERROR);
      g_assert (g_utf8_validate (problem->error->message, -1, NULL));
    }
  return 0;
}
