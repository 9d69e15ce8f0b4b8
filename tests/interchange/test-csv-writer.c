/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "interchange-test-utils.h"
#include "reseau-csv.h"
#include "reseau-validate.h"

/* The CSV writer, and reading back what it wrote. */

static char *
write_csv (GPtrArray *contacts,
           GPtrArray *categories)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (reseau_csv_write (out, contacts, categories, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static ReseauContact *
sample_contact (void)
{
  ReseauContact *contact = reseau_contact_new ();
  ReseauContactValue *address;

  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, "Jean-Pierre");
  reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, "O'Neil, \"JP\"");
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, "Acme; Ltd");
  reseau_contact_set_text (contact, RESEAU_FIELD_NOTES, "two\nlines, with \"quotes\"");
  reseau_contact_set_text (contact, RESEAU_FIELD_MET_ON, "2024-02-29");
  reseau_contact_set_text (contact, RESEAU_FIELD_MET_WHERE, " Lyon ");
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_WORK, "jp@acme.example"));
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_HOME, "jp@example.org"));
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_PHONE, RESEAU_VALUE_TYPE_MOBILE, "+33 6 00 00 00 00"));
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_URL, RESEAU_VALUE_TYPE_PROFILE, "https://github.com/jp"));
  address = reseau_contact_value_new (RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_WORK, "1 rue A\nBât. 2");
  address->locality = g_strdup ("Lyon");
  address->country = g_strdup ("France");
  reseau_contact_add_value (contact, address);
  return contact;
}

static void
test_write (void)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  g_ptr_array_add (contacts, sample_contact ());
  g_ptr_array_add (contacts, reseau_contact_new ());
  csv = write_csv (contacts, NULL);
  g_test_message ("%s", csv);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "First Name,Middle Name,Last Name,"));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_nonnull (strstr (lines[0], ",Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,"));
  g_assert_true (g_str_has_suffix (lines[0], ",Address 1 - Label,Address 1 - Street,Address 1 - City,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country"));
  g_assert_true (g_str_has_prefix (lines[1], "Jean-Pierre,,\"O'Neil, \"\"JP\"\"\",,,,,Acme; Ltd,"));
  g_assert_nonnull (strstr (lines[1], ",\"two\nlines, with \"\"quotes\"\"\",\" Lyon \",2024-02-29,,Work,jp@acme.example,Home,jp@example.org,Mobile,"));
  /* The empty contact has as many (empty) fields as the header. */
  {
    g_auto(GStrv) header = g_strsplit (lines[0], ",", -1);
    g_auto(GStrv) empty = g_strsplit (lines[2], ",", -1);

    g_assert_cmpuint (g_strv_length (empty), ==, g_strv_length (header));
  }
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_null (lines[4]);
}

static int
by_kind (gconstpointer a,
         gconstpointer b)
{
  const ReseauContactValue *x = *(ReseauContactValue **)a, *y = *(ReseauContactValue **)b;

  return (int)x->kind - (int)y->kind;
}

/* CSV groups values by kind, so values are compared in that order (the sort is stable). */
static ReseauContact *
sorted_copy (ReseauContact *contact)
{
  ReseauContact *copy = reseau_contact_copy (contact);

  g_ptr_array_sort (reseau_contact_get_values (copy), by_kind);
  return copy;
}

static void
assert_round_trip (GPtrArray *records)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new ();
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autofree char *csv = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      ReseauImportRecord *record = g_ptr_array_index (records, i);

      g_ptr_array_add (contacts, record->contact);
      g_ptr_array_add (categories, record->categories);
    }
  csv = write_csv (contacts, categories);
  stream = interchange_test_string_stream (csv, -1);
  again = reseau_csv_read_all (stream, &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (again->len, ==, records->len);
  for (guint i = 0; i < records->len; i++)
    {
      ReseauImportRecord *a = g_ptr_array_index (records, i), *b = g_ptr_array_index (again, i);
      g_autoptr(ReseauContact) sa = sorted_copy (a->contact);
      g_autoptr(ReseauContact) sb = sorted_copy (b->contact);

      interchange_test_assert_contacts_equal (sa, sb);
      g_assert_cmpstrv (a->categories, b->categories);
    }
}

static void
test_round_trip (void)
{
  const char * const fixtures[] = {
    "linkedin-connections.csv", "linkedin-connections-no-url.csv", "google-contacts.csv",
    "google-contacts-old.csv", "outlook-contacts.csv", "french-excel.csv",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GInputStream) stream = interchange_test_fixture ("csv", fixtures[i]);
      g_autoptr(GPtrArray) records = reseau_csv_read_all (stream, NULL, NULL, NULL);

      g_test_message ("%s", fixtures[i]);
      g_assert_nonnull (records);
      assert_round_trip (records);
    }
  {
    g_autoptr(ReseauContact) contact = sample_contact ();
    g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_import_record_free);
    const char * const categories[] = { "Amis", "Lyon, centre", NULL };

    /* As stored: trimmed and checked. */
    g_assert_true (reseau_contact_normalize (contact, NULL));
    g_ptr_array_add (records, reseau_import_record_new (contact, categories, 2));
    assert_round_trip (records);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/write/columns", test_write);
  g_test_add_func ("/csv/write/round-trip", test_round_trip);

  return g_test_run ();
}
